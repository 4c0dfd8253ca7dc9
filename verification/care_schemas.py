"""Request and response models of the care register (VER-10): children, their guardianship and
visits, allowance assessments, and disabled persons screened for extreme-poverty support.
Responses mask resident IDs, phones and accounts; a child's visit notes are shown to the
officers who may read the register only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shared.fields import Count, PersonName, Text
from shared.identity import (
    DivisionCodeStr,
    ResidentIdStr,
    parse_division,
    township_or_village_pattern,
)
from shared.privacy import mask_bank_account, mask_phone, mask_resident_id
from verification.domain.allowance_ends import ChildAllowanceEnded, EndReason
from verification.domain.children import (
    Allowance,
    Category,
    Child,
    ChildAllowanceAssessed,
    GuardianshipStatus,
)
from verification.domain.inclusion import UNMET_ZH, DisabilityKind, InclusionScreening, Supporter

Relation = Literal["parent", "grandparent", "relative", "institution", "other"]


def _township_or_village(value: str) -> str:
    if parse_division(value).level not in ("township", "village"):
        raise ValueError("must be a township (9 digits) or village (12 digits) code")
    return value


class GuardianIn(BaseModel):
    """监护人: a person (with resident ID) or a welfare institution."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(min_length=1, max_length=100)
    relation: Relation
    resident_id: ResidentIdStr | None = Field(default=None, description="required for a person")
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 -]{7,20}$")
    bank_account: str | None = Field(
        default=None, pattern=r"^[0-9]{12,30}$", description="where an allowance is paid"
    )


class ChildIn(BaseModel):
    """A child put on the register by the township (农村留守儿童、困境儿童、孤儿、贫困残疾儿童)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "resident_id": "620102201509031040",
                    "name": "李梓涵",
                    "division_code": "620102001001",
                    "registration": "urban",
                    "category": "in_difficulty",
                    "guardianship_status": "entrusted",
                    "guardian": {
                        "name": "李德明",
                        "relation": "grandparent",
                        "resident_id": "620102195803142018",
                        "phone": "13893120456",
                    },
                }
            ]
        },
    )

    resident_id: ResidentIdStr
    name: PersonName = Field(min_length=1, max_length=50)
    division_code: DivisionCodeStr = Field(
        description="the child's township or village",
        json_schema_extra={"pattern": township_or_village_pattern()},
    )
    registration: Literal["urban", "rural"]
    category: Category = Field(
        description="left_behind 留守儿童 | in_difficulty 困境儿童 | orphan 孤儿 |"
        " poor_disabled 贫困残疾儿童"
    )
    guardianship_status: GuardianshipStatus = Field(
        description="parental 父母监护 | entrusted 委托亲属监护 | institutional 机构监护 |"
        " inadequate 监护不力 | none 无人监护"
    )
    guardian: GuardianIn | None = Field(default=None, description="required unless status none")

    _division = field_validator("division_code")(_township_or_village)


class CareVisitIn(BaseModel):
    """关爱走访: who visited when, the guardianship found and whether to follow up."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "visited_on": "2027-03-08",
                    "visited_by": ["城关区民政局 王芳", "社区儿童主任 刘洋"],
                    "guardianship_status": "entrusted",
                    "follow_up_needed": True,
                    "notes": "祖父年迈，孩子课业辅导不足，已联系社区志愿者每周辅导两次",
                }
            ]
        },
    )

    visited_on: date
    visited_by: list[PersonName] = Field(min_length=1, max_length=10)
    guardianship_status: GuardianshipStatus
    follow_up_needed: bool = False
    notes: Text = Field(min_length=1, max_length=4000)


class AllowanceAssessmentIn(BaseModel):
    """The county's assessment of a child for an allowance (PAY-9 pays a grant)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "allowance": "child_in_difficulty_allowance",
                    "decision": "grant",
                    "effective_from": "2027-04-01",
                    "reason": "父亲重度残疾、母亲失联，符合困境儿童基本生活补贴条件",
                    "policy_basis": "《国务院关于加强困境儿童保障工作的意见》（国发〔2016〕36号）",
                }
            ]
        },
    )

    allowance: Allowance = Field(
        description="orphan_allowance 孤儿基本生活费 |"
        " child_in_difficulty_allowance 困境儿童基本生活补贴"
    )
    decision: Literal["grant", "refuse"]
    effective_from: date | None = Field(default=None, description="required to grant")
    reason: Text = Field(min_length=1, max_length=2000)
    policy_basis: Text = Field(min_length=1, max_length=500, description="文件依据")


class AllowanceEndIn(BaseModel):
    """The county ends a child's allowance before the age limit; payments stops paying from
    the next month (ADR 0042)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "reason_code": "adoption",
                    "reason": "该儿童已于本月经民政部门登记被依法收养，收养人具备抚养能力",
                    "policy_basis": "《甘肃省孤儿基本生活保障办法》第十二条",
                }
            ]
        },
    )

    reason_code: EndReason = Field(
        description="adoption 被依法收养 | guardian_able_to_support 监护人恢复抚养能力 |"
        " death 死亡 | moved_away 户籍迁出本县 | other 其他"
    )
    reason: Text = Field(min_length=1, max_length=2000)
    policy_basis: Text = Field(min_length=1, max_length=500, description="文件依据")


class ScreeningIn(BaseModel):
    """A disabled person screened by the township against the extreme-poverty rules."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "resident_id": "620102197711052428",
                    "name": "张淑芬",
                    "division_code": "620102001",
                    "disability_kind": "intellectual",
                    "disability_grade": 2,
                    "has_living_source": False,
                    "supporter": "none",
                }
            ]
        },
    )

    resident_id: ResidentIdStr
    name: PersonName = Field(min_length=1, max_length=50)
    division_code: DivisionCodeStr = Field(
        description="the person's township or village",
        json_schema_extra={"pattern": township_or_village_pattern()},
    )
    disability_kind: DisabilityKind
    disability_grade: Count = Field(ge=1, le=4, description="残疾等级: 1 is the most severe")
    has_living_source: bool = Field(description="有无生活来源 as the township found it")
    supporter: Supporter = Field(
        description="法定赡养、抚养、扶养义务人: none 无 | unable 无履行义务能力 | able 有能力"
    )

    _division = field_validator("division_code")(_township_or_village)


class InclusionDecisionIn(BaseModel):
    """The county's action on a flag: include (the township takes the application) or decline."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "decision": "include",
                    "reason": "无劳动能力、无生活来源、无法定义务人，符合特困人员认定条件",
                    "application_ref": "2c8f4e19-6a7d-4b30-b5e2-0d9c3f8a1e67",
                }
            ]
        },
    )

    decision: Literal["include", "decline"]
    reason: Text = Field(min_length=1, max_length=2000)
    application_ref: Text | None = Field(default=None, min_length=1, max_length=100)


class GuardianView(BaseModel):
    """The guardian, identifiers masked."""

    name: str
    relation: str
    resident_id_masked: str | None
    phone_masked: str | None
    bank_account_masked: str | None


class VisitView(BaseModel):
    """One care visit."""

    visited_on: date
    visited_by: list[str]
    guardianship_status: str
    follow_up_needed: bool
    notes: str


class AssessmentView(BaseModel):
    """One allowance assessment with who decided, when, why and under which policy."""

    allowance: str
    decision: str
    effective_from: date | None
    reason: str
    policy_basis: str
    eligibility_rule: str
    decided_by: str
    decided_on: date
    age_limit: int | None = Field(default=None, description="granted: the age limit in force")
    last_paid_period: str | None = Field(
        default=None, description="granted: the last month paid, the month of the age limit"
    )


class AllowanceEndView(BaseModel):
    """The county's early end of the allowance: who, when, why, under which policy."""

    allowance: str
    effective_from: date = Field(description="nothing is paid for months from this day")
    reason_code: str
    reason: str
    policy_basis: str
    decided_by: str
    decided_on: date


class ChildView(BaseModel):
    """A child on the register as its stream says now."""

    child_id: str
    version: int
    resident_id_masked: str
    name: str
    division_code: str
    registration: str
    category: str
    age: int
    guardianship_status: str
    guardian: GuardianView | None
    registered_on: date
    visits: list[VisitView]
    assessments: list[AssessmentView]
    allowance_end: AllowanceEndView | None = None


class ChildSummary(BaseModel):
    """A child in the register's list."""

    child_id: str
    version: int
    name: str
    resident_id_masked: str
    division_code: str
    category: str
    guardianship_status: str
    visits: int
    last_visit_on: date | None
    follow_up_needed: bool
    allowance: str | None


class ScreeningSummary(BaseModel):
    """A screening in the county's list."""

    screening_id: str
    version: int
    name: str
    resident_id_masked: str
    division_code: str
    status: str = Field(description="flagged | not_met | include | decline")
    unmet: list[str]
    screened_on: date
    decided_on: date | None


class ScreeningView(BaseModel):
    """A screening, its outcome and the county's action."""

    screening_id: str
    version: int
    name: str
    resident_id_masked: str
    division_code: str
    disability_kind: str
    disability_grade: int
    has_living_source: bool
    supporter: str
    screened_on: date
    status: str = Field(description="flagged | not_met | include | decline")
    unmet: list[str]
    unmet_zh: list[str]
    rule: str
    decision_reason: str | None = None
    decided_by: str | None = None
    decided_on: date | None = None
    application_ref: str | None = None


def child_view(child: Child, today: date) -> ChildView:
    """The detail of a child aggregate."""
    registered = child.registered
    assert registered is not None and child.guardianship_status is not None
    guardian = registered.guardian
    return ChildView(
        child_id=child.id,
        version=child.version,
        resident_id_masked=mask_resident_id(registered.resident_id),
        name=registered.name,
        division_code=registered.division_code,
        registration=registered.registration,
        category=registered.category,
        age=child.age_on(today),
        guardianship_status=child.guardianship_status,
        guardian=GuardianView(
            name=guardian.name,
            relation=guardian.relation,
            resident_id_masked=_masked(guardian.resident_id, mask_resident_id),
            phone_masked=_masked(guardian.phone, mask_phone),
            bank_account_masked=_masked(guardian.bank_account, mask_bank_account),
        )
        if guardian
        else None,
        registered_on=registered.registered_on,
        visits=[
            VisitView(
                visited_on=v.visited_on,
                visited_by=list(v.visited_by),
                guardianship_status=v.guardianship_status,
                follow_up_needed=v.follow_up_needed,
                notes=v.notes,
            )
            for v in child.visits
        ],
        assessments=[_assessment(a) for a in child.assessments],
        allowance_end=_end(child.allowance_end) if child.allowance_end else None,
    )


def _assessment(a: ChildAllowanceAssessed) -> AssessmentView:
    return AssessmentView(
        allowance=a.allowance,
        decision=a.decision,
        effective_from=a.effective_from,
        reason=a.reason,
        policy_basis=a.policy_basis,
        eligibility_rule=a.eligibility_rule,
        decided_by=a.decided_by,
        decided_on=a.decided_on,
        age_limit=a.age_limit,
        last_paid_period=a.coming_of_age_period,
    )


def _end(e: ChildAllowanceEnded) -> AllowanceEndView:
    return AllowanceEndView(
        allowance=e.allowance,
        effective_from=e.effective_from,
        reason_code=e.reason_code,
        reason=e.reason,
        policy_basis=e.policy_basis,
        decided_by=e.decided_by,
        decided_on=e.decided_on,
    )


def screening_view(screening: InclusionScreening) -> ScreeningView:
    """The detail of a screening aggregate."""
    s, decided = screening.screened, screening.decided
    assert s is not None
    return ScreeningView(
        screening_id=screening.id,
        version=screening.version,
        name=s.name,
        resident_id_masked=mask_resident_id(s.resident_id),
        division_code=s.division_code,
        disability_kind=s.disability_kind,
        disability_grade=s.disability_grade,
        has_living_source=s.has_living_source,
        supporter=s.supporter,
        screened_on=s.screened_on,
        status=screening.status,
        unmet=list(s.unmet),
        unmet_zh=[UNMET_ZH[u] for u in s.unmet],
        rule=s.rule,
        decision_reason=decided.reason if decided else None,
        decided_by=decided.decided_by if decided else None,
        decided_on=decided.decided_on if decided else None,
        application_ref=decided.application_ref if decided else None,
    )


def _masked(value: str | None, mask: Callable[[str], str]) -> str | None:
    return mask(value) if value else None
