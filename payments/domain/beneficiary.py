"""A beneficiary: one household's enrolment in one programme, its entitlements and status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from payments.domain.age_limit import (
    AGE_LIMIT_POLICY,
    BASIS,
    ChildAllowanceAgeLimitReached,
    age_limit_reason,
)
from payments.domain.entitlement import APPROVED, AWAITING_STANDARD
from shared.clock import period_of, periods_between
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type


@event_type("payments.BeneficiaryEnrolled", version=1)
@dataclass(frozen=True)
class BeneficiaryEnrolled:
    """An approved case was enrolled for monthly payment."""

    case_id: str
    programme: str
    division_code: str
    county_code: str
    registration: str
    household_size: int
    assessed_monthly_income_fen: int
    rural_class: int | None
    approved_monthly_amount_fen: int
    monthly_amount_fen: int
    effective_from: date
    payee_name: str
    bank_account: str | None
    self_care: str | None = None
    eligible_persons: int | None = None  # per-person programmes: the members paid for
    # extreme poverty: each member's self-care ability (full|partial|none), for the care standard
    members_self_care: tuple[str, ...] = ()
    # children's allowances (ADR 0042): the age limit, its policy version and the last month
    # paid (a birth month: dropped from the public view); None for every other benefit
    age_limit: int | None = None
    age_limit_policy_version: int | None = None
    coming_of_age_period: str | None = None
    # ADR 0061: the first day of the month from which a month no run paid is owed as back pay
    # (the decision's month; after a migration, the month after it); None on enrolments
    # recorded before the rule, whose missed months are not looked for
    arrears_from: date | None = None
    # ADR 0023 amended: enrolled by a verification case's approval, whose case records every
    # stop, supervision's ordered ones too; payments takes them from there alone. False: the
    # benefit is stopped by supervision's order directly (and on enrolments recorded before)
    stopped_by_its_case: bool = False


@event_type("payments.EntitlementCalculated", version=1)
@dataclass(frozen=True)
class EntitlementCalculated:
    """The monthly entitlement from a date, with the breakdown that explains it."""

    case_id: str
    programme: str
    monthly_amount_fen: int
    effective_from: date
    method: str
    standard_fen: int | None
    explanation_en: str
    explanation_zh: str


@event_type("payments.BeneficiaryAwaitingStandard", version=1)
@dataclass(frozen=True)
class BeneficiaryAwaitingStandard:
    """Approved with an amount by rule where no standard is in force: enrolled at 0, not payable
    until a standard is set for the county and programme (ADR 0041). `approved_by` is the
    approval's actor; `reason` says which standard is missing and on which day."""

    case_id: str
    programme: str
    division_code: str
    county_code: str
    effective_from: date
    approved_by: str
    approved_by_role: str
    reason: str


@event_type("payments.BeneficiarySuspended", version=1)
@dataclass(frozen=True)
class BeneficiarySuspended:
    """Payment stops from a date (verification's suspension or a supervision order)."""

    case_id: str
    programme: str
    effective_from: date
    reason: str


@event_type("payments.BeneficiaryResumed", version=1)
@dataclass(frozen=True)
class BeneficiaryResumed:
    """Payment runs again from a date, for the members alive (verification's resumption, ADR
    0066); the months between the stop and this date stay unpaid."""

    case_id: str
    programme: str
    effective_from: date
    reason: str
    household_size: int


@event_type("payments.BeneficiaryTerminated", version=1)
@dataclass(frozen=True)
class BeneficiaryTerminated:
    """The benefit ended from a date; nothing is paid for later periods."""

    case_id: str
    programme: str
    effective_from: date
    reason: str


@event_type("payments.BankAccountChanged", version=1)
@dataclass(frozen=True)
class BankAccountChanged:
    """An officer recorded the account the benefit is paid into from now on (topics: masked)."""

    case_id: str
    programme: str
    bank_account: str
    bank_account_masked: str


@event_type("payments.BeneficiaryUnpayable", version=1)
@dataclass(frozen=True)
class BeneficiaryUnpayable:
    """A run found the benefit due but could not instruct it (e.g. `no-bank-account`)."""

    case_id: str
    programme: str
    run_id: str
    period: str
    division_code: str
    county_code: str
    reason: str


class BeneficiaryClosed(DomainError):
    """A terminated benefit cannot change any more."""

    code = "beneficiary-terminated"
    status = 409
    title_en = "The benefit is terminated"
    title_zh = "该待遇已终止"


class Beneficiary(Aggregate):
    """One case in one programme, as payments pays it."""

    stream_prefix = "beneficiary"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.enrolled: BeneficiaryEnrolled | None = None
        self.entitlements: list[EntitlementCalculated] = []
        self.status = "none"
        self.stopped_from: date | None = None  # earliest suspension or termination date
        self.stops_lifted: list[tuple[date, date]] = []  # (stopped from, paid again from)
        self.household_size_now: int | None = None  # the members alive, once a death changed it
        self.bank_account: str | None = None
        self.unpayable_periods: dict[str, str] = {}  # period → why a run could not pay it
        self.back_paid_in_full: set[str] = set()  # periods nothing was paid for, paid back

    @staticmethod
    def id_for(case_id: str, programme: str) -> str:
        """Aggregate id: `<case>:<programme>`."""
        return f"{case_id}:{programme}"

    def enrol(
        self,
        enrolled: BeneficiaryEnrolled,
        entitlement: EntitlementCalculated,
        approved_by: tuple[str, str] = ("", ""),
    ) -> bool:
        """Enrol once; a repeat of the same approval changes nothing (returns False). An
        entitlement awaiting a standard is recorded as such, naming the approval's actor (id,
        role)."""
        if self.enrolled is not None:
            return False
        self.record(enrolled)
        self.record(entitlement)
        if entitlement.method == AWAITING_STANDARD:
            self.record(
                BeneficiaryAwaitingStandard(
                    enrolled.case_id,
                    enrolled.programme,
                    enrolled.division_code,
                    enrolled.county_code,
                    entitlement.effective_from,
                    *approved_by,
                    entitlement.explanation_en,
                )
            )
        return True

    def awaits_standard_on(self, day: date) -> bool:
        """The entitlement in force on the day is the one awaiting a standard (not payable)."""
        applicable = [e for e in self.entitlements if e.effective_from <= day]
        return bool(applicable) and applicable[-1].method == AWAITING_STANDARD

    def periods_unpaid_for(self, reason: str) -> list[str]:
        """The periods runs could not pay for that reason, in order."""
        return sorted(p for p, why in self.unpayable_periods.items() if why == reason)

    def periods_owed_in_full(self) -> set[str]:
        """Past periods nothing was paid for that are owed (ADR 0061): those a run could not
        pay, and those found missed and paid back since."""
        return set(self.unpayable_periods) | self.back_paid_in_full

    def arrears_window(self, period: str) -> list[str]:
        """The periods before `period` a run may have missed (ADR 0061), oldest first: from
        the month arrears run from; none for enrolments recorded before the rule."""
        start = self.enrolled.arrears_from if self.enrolled else None
        if start is None:
            return []
        return periods_between(period_of(start), period)

    def recalculate(self, entitlement: EntitlementCalculated) -> bool:
        """Record a new entitlement unless it equals the one already in force from that date."""
        self._ensure_open()
        current = self.amount_on(entitlement.effective_from)
        same_start = any(e.effective_from == entitlement.effective_from for e in self.entitlements)
        if current == entitlement.monthly_amount_fen and same_start:
            return False
        self.record(entitlement)
        return True

    def suspend(self, effective_from: date, reason: str) -> bool:
        """Stop paying; False when already suspended."""
        self._ensure_open()
        if self.status == "suspended":
            return False
        self.record(BeneficiarySuspended(self.case_id, self.programme, effective_from, reason))
        return True

    def resume(self, effective_from: date, reason: str, household_size: int) -> bool:
        """Pay again from a date (ADR 0066); False unless suspended."""
        self._ensure_open()
        if self.status != "suspended":
            return False
        self.record(
            BeneficiaryResumed(self.case_id, self.programme, effective_from, reason, household_size)
        )
        return True

    def terminate(self, effective_from: date, reason: str) -> bool:
        """End the benefit; False when already ended."""
        if self.status == "terminated":
            return False
        self.record(BeneficiaryTerminated(self.case_id, self.programme, effective_from, reason))
        return True

    def past_age_limit(self, period: str) -> bool:
        """A child's allowance for a month after the one the child reached the age limit."""
        last = self.enrolled.coming_of_age_period if self.enrolled else None
        return last is not None and period > last

    def reach_age_limit(self, run_id: str, period: str, stopped_from: date) -> bool:
        """The run ends the allowance of a child past the age limit, from `stopped_from` (the
        month after the last one paid); False when it ended already."""
        enrolled = self.enrolled
        if enrolled is None or enrolled.coming_of_age_period is None:
            return False
        if self.status == "terminated":
            return False
        limit = enrolled.age_limit or 0
        self.record(
            ChildAllowanceAgeLimitReached(
                self.case_id,
                self.programme,
                run_id,
                period,
                limit,
                AGE_LIMIT_POLICY,
                enrolled.age_limit_policy_version or 0,
                BASIS,
                enrolled.coming_of_age_period,
                stopped_from,
                age_limit_reason(limit),
            )
        )
        return True

    def payable_in(self, period_start: date) -> bool:
        """Enrolled, and no suspension or termination effective on or before the period's first
        day (a stop from 1 January still pays December)."""
        if self.enrolled is None:
            return False
        if any(stop <= period_start < lifted for stop, lifted in self.stops_lifted):
            return False
        return self.stopped_from is None or self.stopped_from > period_start

    @property
    def household_size(self) -> int:
        """The members the benefit is paid for now (fewer after a death, ADR 0066)."""
        assert self.enrolled is not None
        return self.household_size_now or self.enrolled.household_size

    def change_account(self, account: str, masked: str) -> bool:
        """Pay into another account from the next instruction on; False when it is the same."""
        self._ensure_open()
        if account == self.bank_account:
            return False
        self.record(BankAccountChanged(self.case_id, self.programme, account, masked))
        return True

    def unpayable(self, run_id: str, period: str, reason: str) -> bool:
        """Record once per period that a run could not pay the benefit."""
        if period in self.unpayable_periods:
            return False
        assert self.enrolled is not None
        enrolled = self.enrolled
        self.record(
            BeneficiaryUnpayable(
                self.case_id,
                self.programme,
                run_id,
                period,
                enrolled.division_code,
                enrolled.county_code,
                reason,
            )
        )
        return True

    def back_pay(self, period: str, months: tuple[BackPayMonth, ...]) -> None:
        """Record the back pay owed for past periods, paid in `period`'s run."""
        total = sum(m.difference_fen for m in months)
        self.record(BackPayCalculated(self.case_id, self.programme, period, months, total))

    def fixed_on(self, day: date) -> bool:
        """The amount in force on the day is one the county fixed (override, adjustment,
        resumption): a standard does not recompute it (ADR 0024)."""
        applicable = [e for e in self.entitlements if e.effective_from <= day]
        return bool(applicable) and applicable[-1].method == APPROVED

    def amount_on(self, day: date) -> int:
        """The entitlement in force on a day (0 before the first)."""
        applicable = [e for e in self.entitlements if e.effective_from <= day]
        return applicable[-1].monthly_amount_fen if applicable else 0

    @property
    def case_id(self) -> str:
        """The case this beneficiary belongs to."""
        assert self.enrolled is not None
        return self.enrolled.case_id

    @property
    def division_code(self) -> str:
        """Where the household lives (the jurisdiction over its benefit)."""
        assert self.enrolled is not None
        return self.enrolled.division_code

    @property
    def programme(self) -> str:
        """The programme paid."""
        assert self.enrolled is not None
        return self.enrolled.programme

    def _ensure_open(self) -> None:
        if self.status == "terminated":
            raise BeneficiaryClosed(
                f"benefit {self.id} is terminated", f"待遇{self.id}已终止，不能再变更"
            )

    def when_BeneficiaryEnrolled(self, event: BeneficiaryEnrolled) -> None:
        self.enrolled = event
        self.status = "active"
        self.bank_account = event.bank_account

    def when_BankAccountChanged(self, event: BankAccountChanged) -> None:
        self.bank_account = event.bank_account

    def when_BeneficiaryUnpayable(self, event: BeneficiaryUnpayable) -> None:
        self.unpayable_periods[event.period] = event.reason

    def when_BeneficiaryAwaitingStandard(self, event: BeneficiaryAwaitingStandard) -> None:
        pass  # the awaiting entitlement recorded with it is the state

    def when_EntitlementCalculated(self, event: EntitlementCalculated) -> None:
        if event.method == APPROVED:  # the county's amount from its date on replaces later ones
            self.entitlements = [
                e for e in self.entitlements if e.effective_from <= event.effective_from
            ]
        out_of_order = bool(self.entitlements) and (
            self.entitlements[-1].effective_from > event.effective_from
        )
        self.entitlements.append(event)
        if out_of_order:  # kept in effective-date order; a stable sort keeps arrival order on ties
            self.entitlements.sort(key=lambda e: e.effective_from)

    def when_BeneficiarySuspended(self, event: BeneficiarySuspended) -> None:
        self.status = "suspended"
        self._stop(event.effective_from)

    def when_BeneficiaryResumed(self, event: BeneficiaryResumed) -> None:
        assert self.stopped_from is not None
        stopped = self.stopped_from
        self.stops_lifted.append((stopped, max(stopped, event.effective_from)))
        self.status, self.stopped_from = "active", None
        self.household_size_now = event.household_size

    def when_BeneficiaryTerminated(self, event: BeneficiaryTerminated) -> None:
        self.status = "terminated"
        self._stop(event.effective_from)

    def when_ChildAllowanceAgeLimitReached(self, event: ChildAllowanceAgeLimitReached) -> None:
        self.status = "terminated"
        self._stop(event.coming_of_age_stopped_from)

    def _stop(self, effective_from: date) -> None:
        if self.stopped_from is None or effective_from < self.stopped_from:
            self.stopped_from = effective_from

    def when_BackPayCalculated(self, event: BackPayCalculated) -> None:
        self.back_paid_in_full |= {m.period for m in event.months if m.owed_in_full}


@event_type("payments.BackPayCalculated", version=1)
@dataclass(frozen=True)
class BackPayCalculated:
    """补发: what past periods were paid short under an entitlement raised retroactively."""

    case_id: str
    programme: str
    paid_in_period: str
    months: tuple[BackPayMonth, ...]
    total_fen: int


@dataclass(frozen=True)
class BackPayMonth:
    """One past period: the entitlement now in force for it, what was paid, the difference."""

    period: str
    entitled_fen: int
    paid_fen: int
    difference_fen: int

    @property
    def owed_in_full(self) -> bool:
        """A period nothing was paid for (not the line of what earlier back pay covered)."""
        return self.paid_fen == 0 and self.period != ALREADY_PAID


ALREADY_PAID = "already-paid"  # the line subtracting what earlier back pay covered
