"""The application aggregate: a household asks for one or more programmes at the one door."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from intake.domain.programmes import Programme
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type


class Relation(StrEnum):
    """A member's relation to the applicant."""

    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    SIBLING = "sibling"
    OTHER = "other"


class Registration(StrEnum):
    """Household registration (户籍) type."""

    URBAN = "urban"
    RURAL = "rural"


class SubmissionChannel(StrEnum):
    """How the application reached the township office."""

    COUNTER = "counter"  # 窗口受理
    ASSISTED_BY_VILLAGE_COMMITTEE = "assisted_by_village_committee"  # 村（居）委会代为提交
    ONLINE = "online"


@dataclass(frozen=True)
class Member:
    """A household member as declared (resident ID already validated by GB 11643)."""

    resident_id: str
    name: str
    relation: Relation
    disability_grade: int | None = None
    health: str | None = None
    work: str | None = None
    schooling: str | None = None


@dataclass(frozen=True)
class Authorisation:
    """The household's signed authorisation for economic verification (GEN-7, VER-1)."""

    signed_by_resident_id: str
    signed_on: date
    document_ref: str


@event_type("intake.ApplicationSubmitted", version=1)
@dataclass(frozen=True)
class ApplicationSubmitted:
    """A township office accepted and registered a household's application."""

    application_id: str
    division_code: str
    registration: Registration
    programmes: tuple[Programme, ...]
    members: tuple[Member, ...]
    declared_monthly_income_fen: int
    declared_assets_fen: int
    authorisation: Authorisation
    channel: SubmissionChannel
    bank_account: str | None = None


class InvalidApplication(DomainError):
    """The application as a whole breaks a rule (field-level errors are caught by the schema)."""

    code = "invalid-application"
    title_en = "The application is incomplete or inconsistent"
    title_zh = "申请材料不完整或前后矛盾"


class Application(Aggregate):
    """One household's application; its id is the case id every service uses."""

    stream_prefix = "application"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.submitted: ApplicationSubmitted | None = None

    def submit(self, submission: ApplicationSubmitted) -> None:
        """Register the application once, after checking the household hangs together."""
        if self.submitted is not None:
            raise InvalidApplication(
                f"application {self.id} is already registered", "该申请已登记，不能重复登记"
            )
        _check_household(submission)
        self.record(submission)

    def when_ApplicationSubmitted(self, event: ApplicationSubmitted) -> None:
        self.submitted = event


def _check_household(submission: ApplicationSubmitted) -> None:
    ids = [m.resident_id for m in submission.members]
    if len(set(ids)) != len(ids):
        raise InvalidApplication(
            "a resident ID appears twice in the household", "同一身份证号在家庭成员中重复出现"
        )
    if [m.relation for m in submission.members].count(Relation.SELF) != 1:
        raise InvalidApplication(
            "exactly one member must be the applicant (relation 'self')",
            "家庭成员中必须有且只有一名申请人（关系为“本人”）",
        )
    if submission.authorisation.signed_by_resident_id not in ids:
        raise InvalidApplication(
            "the authorisation must be signed by a member of the household",
            "经济状况核对授权书须由家庭成员签署",
        )
    if len(set(submission.programmes)) != len(submission.programmes):
        raise InvalidApplication("a programme is requested twice", "同一救助项目重复申请")


def register_events(registry: EventRegistry) -> None:
    """Register intake's application events."""
    registry.register_all(ApplicationSubmitted)
