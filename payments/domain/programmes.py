"""How each programme is paid — the one place its kind is declared (PAY-2, PAY-3, PAY-8).

monthly     paid every month while the benefit runs (dibao, extreme poverty, children…)
one_off     paid once, in the first run of the approval's period, then the benefit ends
per_person  paid every month, the fixed amount × the household's *eligible* persons (a member
            with a disability grade, an elderly member), never × every household member
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from shared.identity import InvalidResidentId, validate_resident_id


class Kind(StrEnum):
    """How a programme is paid."""

    MONTHLY = "monthly"
    ONE_OFF = "one_off"
    PER_PERSON = "per_person"


PROGRAMME_KINDS: dict[str, Kind] = {
    "temporary_assistance": Kind.ONE_OFF,  # 临时救助
    "medical_assistance": Kind.ONE_OFF,  # 医疗救助
    "disease_emergency": Kind.ONE_OFF,  # 疾病应急救助
    "disaster_relief": Kind.ONE_OFF,  # 受灾人员救助
    "disability_subsidies": Kind.PER_PERSON,  # 残疾人两项补贴: per person with a disability grade
    "elderly_subsidy": Kind.PER_PERSON,  # 困难老年人补贴: per elderly member
}
ELDERLY_AGE = 60  # *default*, as verification flags the elderly subsidy (VER-8)


def kind_of(programme: str) -> Kind:
    """The programme's kind (monthly unless declared otherwise)."""
    return PROGRAMME_KINDS.get(programme, Kind.MONTHLY)


def eligible_persons(programme: str, members: Iterable[Mapping[str, Any]], on: date) -> int:
    """How many members a per-person programme pays for on a day (0 for other kinds' callers).

    Disability subsidies count members with a disability grade; when the approval carries no
    grade at all (CaseApproved v1 does not), the applicant — the person approved — counts as one.
    The elderly subsidy counts members aged ELDERLY_AGE or more (from the resident ID).
    """
    people = list(members)
    if programme == "disability_subsidies":
        if not any("disability_grade" in m for m in people):
            return 1
        return sum(1 for m in people if m.get("disability_grade") is not None)
    if programme == "elderly_subsidy":
        return sum(1 for m in people if _age(str(m.get("resident_id") or ""), on) >= ELDERLY_AGE)
    return len(people)


def _age(resident_id: str, on: date) -> int:
    try:
        birth = validate_resident_id(resident_id, today=on).birth_date
    except InvalidResidentId:
        return -1  # no valid ID: no age to count
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
