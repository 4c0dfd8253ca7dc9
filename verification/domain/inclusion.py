"""Disabled persons who meet the extreme-poverty rules, flagged for inclusion (VER-10,
将符合特困人员救助供养有关规定的残疾人纳入救助供养范围): the township screens a disabled person,
the rules decide whether the person is flagged, and the county acts on the flag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

DisabilityKind = Literal[
    "intellectual", "mental", "physical", "visual", "hearing", "speech", "multiple"
]
Supporter = Literal["none", "unable", "able"]  # 法定义务人: 无 / 无履行义务能力 / 有能力
InclusionDecision = Literal["include", "decline"]

# 无劳动能力 (特困人员认定办法 第七条): the most severe grades (1 is the most severe) of the kinds
# it names; other kinds or grades are not found unable to work by the rule, only by the county.
UNABLE_TO_WORK_UP_TO_GRADE: dict[str, int] = {
    "intellectual": 3,
    "mental": 3,
    "physical": 2,
    "visual": 1,
}
RULE = (
    "特困人员认定办法：无劳动能力（一至三级智力、精神残疾，一至二级肢体残疾，一级视力残疾）、"
    "无生活来源、无法定义务人或其无履行义务能力"
)
UNMET_ZH = {
    "able_to_work": "残疾类别和等级不属于无劳动能力",
    "has_living_source": "有生活来源",
    "supporter_able": "有具备履行能力的法定赡养、抚养、扶养义务人",
}


@event_type("verification.DisabledPersonScreened", version=1)
@dataclass(frozen=True)
class DisabledPersonScreened:
    """The township screened a disabled person against the extreme-poverty rules; `flagged` when
    every condition holds, else `unmet` names those that do not."""

    screening_id: str
    resident_id: str
    name: str
    division_code: str
    county_code: str
    disability_kind: DisabilityKind  # dropped from the public view with every disability field
    disability_grade: int
    has_living_source: bool
    supporter: Supporter
    screened_on: date
    flagged: bool
    unmet: tuple[str, ...]
    rule: str


@event_type("verification.ExtremePovertyInclusionDecided", version=1)
@dataclass(frozen=True)
class ExtremePovertyInclusionDecided:
    """The county acted on a flag: include the person in extreme-poverty support (the township
    takes the application, `application_ref` when known) or decline, with the reason."""

    screening_id: str
    division_code: str
    decision: InclusionDecision
    reason: str
    decided_by: str
    decided_on: date
    application_ref: str | None = None


INCLUSION_EVENTS = (DisabledPersonScreened, ExtremePovertyInclusionDecided)


class ScreeningNotFlagged(DomainError):
    """Only a flagged person is acted on."""

    code = "screening-not-flagged"
    status = 409
    title_en = "The person was not flagged for inclusion"
    title_zh = "该人员未被标记为应纳入特困供养"


class InclusionAlreadyDecided(DomainError):
    """A flag is acted on once; a new screening starts again."""

    code = "inclusion-already-decided"
    status = 409
    title_en = "The county has acted on this flag already"
    title_zh = "县级民政部门已处理该标记"


@dataclass(frozen=True)
class DisabledPerson:
    """What the township found of a disabled person (残疾人证 and the household's situation)."""

    resident_id: str
    name: str
    division_code: str
    disability_kind: DisabilityKind
    disability_grade: int  # 1 (most severe) to 4
    has_living_source: bool
    supporter: Supporter


def unmet_conditions(person: DisabledPerson) -> tuple[str, ...]:
    """The extreme-poverty conditions the person does not meet (none: flag for inclusion)."""
    unmet = []
    if person.disability_grade > UNABLE_TO_WORK_UP_TO_GRADE.get(person.disability_kind, 0):
        unmet.append("able_to_work")
    if person.has_living_source:
        unmet.append("has_living_source")
    if person.supporter == "able":
        unmet.append("supporter_able")
    return tuple(unmet)


class InclusionScreening(Aggregate):
    """One screening of a disabled person and the county's action on it."""

    stream_prefix = "inclusion-screening"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.screened: DisabledPersonScreened | None = None
        self.decided: ExtremePovertyInclusionDecided | None = None

    def screen(self, person: DisabledPerson, screened_on: date) -> None:
        """Record the screening; the person is flagged when every condition holds."""
        unmet = unmet_conditions(person)
        self.record(
            DisabledPersonScreened(
                self.id,
                person.resident_id,
                person.name,
                person.division_code,
                person.division_code[:6],
                person.disability_kind,
                person.disability_grade,
                person.has_living_source,
                person.supporter,
                screened_on,
                not unmet,
                unmet,
                RULE,
            )
        )

    def decide(self, decided: ExtremePovertyInclusionDecided) -> None:
        """The county's action: once, on a flagged person only."""
        assert self.screened is not None
        if not self.screened.flagged:
            raise ScreeningNotFlagged(
                f"the screening did not meet: {', '.join(self.screened.unmet)}",
                f"该人员不符合：{'、'.join(UNMET_ZH[u] for u in self.screened.unmet)}",
            )
        if self.decided is not None:
            raise InclusionAlreadyDecided(
                f"decided {self.decided.decision} on {self.decided.decided_on}",
                f"已于{self.decided.decided_on}处理",
            )
        self.record(decided)

    @property
    def status(self) -> str:
        """not_met | flagged | include | decline."""
        if self.decided is not None:
            return self.decided.decision
        assert self.screened is not None
        return "flagged" if self.screened.flagged else "not_met"

    def when_DisabledPersonScreened(self, event: DisabledPersonScreened) -> None:
        self.screened = event

    def when_ExtremePovertyInclusionDecided(self, event: ExtremePovertyInclusionDecided) -> None:
        self.decided = event
