"""Typed contracts of the events payments publishes, one per type at its current
version. Generated from payments's registry by `python -m services contracts`: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from shared.contracts import Contract, Part


class BackPayMonth(Part):
    """One past period: the entitlement now in force for it, what was paid, the difference."""

    period: str
    entitled_fen: int
    paid_fen: int
    difference_fen: int


class StandardMigration(Part):
    """Where a standard taken over from the system SafetyNet replaces came from (ADR 0037,
    docs/migration.md): the SHA-256 of its standards file and its row there."""

    source_sha256: str
    row: int
    policy: str = "migration"


class BackPayCalculated(Contract):
    """补发: what past periods were paid short under an entitlement raised retroactively."""

    TYPE: ClassVar[str] = "payments.BackPayCalculated"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    paid_in_period: str
    months: tuple[BackPayMonth, ...]
    total_fen: int


class BankAccountChanged(Contract):
    """An officer recorded the account the benefit is paid into from now on (topics: masked)."""

    TYPE: ClassVar[str] = "payments.BankAccountChanged"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    bank_account: str
    bank_account_masked: str


class BankReturnImported(Contract):
    """An officer imported the bank's return file (回盘文件) of a batch of the run (ADR 0038)."""

    TYPE: ClassVar[str] = "payments.BankReturnImported"
    VERSION: ClassVar[int] = 1
    run_id: str
    batch_no: str
    file_sha256: str
    records: int
    settled: int
    failed: int
    unchanged: int


class BeneficiaryAwaitingStandard(Contract):
    """Approved with an amount by rule where no standard is in force: enrolled at 0, not
    payable until a standard is set for the county and programme (ADR 0041). `approved_by`
    is the approval's actor; `reason` says which standard is missing and on which day."""

    TYPE: ClassVar[str] = "payments.BeneficiaryAwaitingStandard"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    division_code: str
    county_code: str
    effective_from: date
    approved_by: str
    approved_by_role: str
    reason: str


class BeneficiaryEnrolled(Contract):
    """An approved case was enrolled for monthly payment."""

    TYPE: ClassVar[str] = "payments.BeneficiaryEnrolled"
    VERSION: ClassVar[int] = 1
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
    eligible_persons: int | None = None
    members_self_care: tuple[str, ...] = ()
    age_limit: int | None = None
    age_limit_policy_version: int | None = None
    coming_of_age_period: str | None = None
    arrears_from: date | None = None
    stopped_by_its_case: bool = False


class BeneficiaryResumed(Contract):
    """Payment runs again from a date, for the members alive (verification's resumption, ADR
    0066); the months between the stop and this date stay unpaid."""

    TYPE: ClassVar[str] = "payments.BeneficiaryResumed"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    effective_from: date
    reason: str
    household_size: int


class BeneficiarySuspended(Contract):
    """Payment stops from a date (verification's suspension or a supervision order)."""

    TYPE: ClassVar[str] = "payments.BeneficiarySuspended"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    effective_from: date
    reason: str


class BeneficiaryTerminated(Contract):
    """The benefit ended from a date; nothing is paid for later periods."""

    TYPE: ClassVar[str] = "payments.BeneficiaryTerminated"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    effective_from: date
    reason: str


class BeneficiaryUnpayable(Contract):
    """A run found the benefit due but could not instruct it (e.g. `no-bank-account`)."""

    TYPE: ClassVar[str] = "payments.BeneficiaryUnpayable"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    run_id: str
    period: str
    division_code: str
    county_code: str
    reason: str


class ChildAllowanceAgeLimitReached(Contract):
    """A run found the child past the allowance's age limit: nothing is paid for months from
    `coming_of_age_stopped_from`. Recorded by the system (the run), caused by the register's
    birth date; the `coming_of_age_*` fields tell a birth month and stay off the public
    view."""

    TYPE: ClassVar[str] = "payments.ChildAllowanceAgeLimitReached"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    run_id: str
    period: str
    age_limit: int
    policy: str
    policy_version: int
    basis: str
    coming_of_age_period: str
    coming_of_age_stopped_from: date
    reason: str


class DisasterDeclared(Contract):
    """A disaster in a county with the relief money allocated to it."""

    TYPE: ClassVar[str] = "payments.DisasterDeclared"
    VERSION: ClassVar[int] = 1
    disaster_id: str
    county_code: str
    name: str
    occurred_on: date
    allocation_fen: int
    housing_target: date


class DisasterReliefGranted(Contract):
    """Relief granted to a household; paid at once, in priority order."""

    TYPE: ClassVar[str] = "payments.DisasterReliefGranted"
    VERSION: ClassVar[int] = 1
    disaster_id: str
    household_id: str
    case_id: str
    category: str
    priority: int
    amount_fen: int
    in_temporary_shelter: bool


class EntitlementCalculated(Contract):
    """The monthly entitlement from a date, with the breakdown that explains it."""

    TYPE: ClassVar[str] = "payments.EntitlementCalculated"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    monthly_amount_fen: int
    effective_from: date
    method: str
    standard_fen: int | None
    explanation_en: str
    explanation_zh: str


class FailedPaymentsRetried(Contract):
    """An officer sent the run's failed payments to the bank again."""

    TYPE: ClassVar[str] = "payments.FailedPaymentsRetried"
    VERSION: ClassVar[int] = 1
    run_id: str
    payments: int


class FundsAllocated(Contract):
    """A budget allocation (资金下达) from one level of government."""

    TYPE: ClassVar[str] = "payments.FundsAllocated"
    VERSION: ClassVar[int] = 1
    county_code: str
    programme: str
    source: str
    amount_fen: int
    document_ref: str


class FundsArrived(Contract):
    """Allocated money arrived in the county's special account (资金到位)."""

    TYPE: ClassVar[str] = "payments.FundsArrived"
    VERSION: ClassVar[int] = 1
    county_code: str
    programme: str
    source: str
    amount_fen: int


class HousingSolved(Contract):
    """A household left temporary shelter for a solved home (rebuilt, repaired, placed)."""

    TYPE: ClassVar[str] = "payments.HousingSolved"
    VERSION: ClassVar[int] = 1
    disaster_id: str
    household_id: str
    solved_on: date
    how: str


class OneOffPaymentRefused(Contract):
    """A one-off grant payments could not pay: over its cap or no account to pay into."""

    TYPE: ClassVar[str] = "payments.OneOffPaymentRefused"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    amount_fen: int
    cap_fen: int | None
    reason: str


class OverpaymentRecoveryRecorded(Contract):
    """Supervision ordered an overpayment recovered (追回): the amount owed back, and why."""

    TYPE: ClassVar[str] = "payments.OverpaymentRecoveryRecorded"
    VERSION: ClassVar[int] = 1
    action_id: str
    case_id: str
    programme: str | None
    amount_fen: int
    reason: str
    complaint_id: str | None


class OverpaymentRecoveryRefused(Contract):
    """Supervision's recovery order payments cannot record: no such benefit paid by payments
    (`reason` "no-beneficiary"), or more than was paid to the case in the programme
    ("exceeds-paid", with `paid_fen`), or no amount above zero ("no-amount"); nothing is
    owed back on it."""

    TYPE: ClassVar[str] = "payments.OverpaymentRecoveryRefused"
    VERSION: ClassVar[int] = 1
    action_id: str
    case_id: str
    programme: str | None
    amount_fen: int
    paid_fen: int
    reason: str
    complaint_id: str | None


class PaidByPartnerRecorded(Contract):
    """A programme approved by the partner agency that pays it: who decided, when, how much."""

    TYPE: ClassVar[str] = "payments.PaidByPartnerRecorded"
    VERSION: ClassVar[int] = 1
    case_id: str
    programme: str
    agency: str
    division_code: str
    county_code: str
    decided_on: date
    amount_fen: int | None
    decided_by_org: str
    policy_basis: str
    reason: str


class PaymentFailed(Contract):
    """The bank refused (failed) or sent back (returned) an instruction."""

    TYPE: ClassVar[str] = "payments.PaymentFailed"
    VERSION: ClassVar[int] = 1
    payment_id: str
    case_id: str
    programme: str
    period: str
    amount_fen: int
    instruction_id: str
    attempt: int
    outcome: str
    bank_reason: str
    run_id: str


class PaymentInstructed(Contract):
    """A payable of a run sent as an instruction to the bank (one per attempt)."""

    TYPE: ClassVar[str] = "payments.PaymentInstructed"
    VERSION: ClassVar[int] = 1
    payment_id: str
    run_id: str
    case_id: str
    programme: str
    period: str
    division_code: str
    amount_fen: int
    monthly_fen: int
    back_pay_fen: int
    attempt: int
    instruction_id: str
    payee_name: str
    bank_account: str
    price_subsidy_fen: int = 0
    priority: int = 9


class PaymentRunCompleted(Contract):
    """Every instruction of the run has an answer: the reconciliation totals."""

    TYPE: ClassVar[str] = "payments.PaymentRunCompleted"
    VERSION: ClassVar[int] = 1
    run_id: str
    instructed: int
    settled: int
    settled_fen: int
    failed: int


class PaymentRunStarted(Contract):
    """A county's run for a period was started by an authorised officer."""

    TYPE: ClassVar[str] = "payments.PaymentRunStarted"
    VERSION: ClassVar[int] = 1
    run_id: str
    county_code: str
    period: str
    needed_fen: int = 0
    available_fen: int = 0
    shortfall_fen: int = 0
    funds_override_reason: str | None = None
    channel: str = "api"
    held_programmes: tuple[str, ...] = ()


class PaymentSettled(Contract):
    """The bank paid the instruction: the money reached the household."""

    TYPE: ClassVar[str] = "payments.PaymentSettled"
    VERSION: ClassVar[int] = 1
    payment_id: str
    case_id: str
    programme: str
    period: str
    amount_fen: int
    bank_account_masked: str
    settled_at: datetime
    instruction_id: str
    run_id: str


class PracticalTaskEntered(Contract):
    """A dated target: a guidance standard (or a class amount) to reach by a date."""

    TYPE: ClassVar[str] = "payments.PracticalTaskEntered"
    VERSION: ClassVar[int] = 1
    year: int
    task_id: str
    title: str
    programme: str
    target_fen: int
    rural_class: int | None
    due: date


class PriceIndexRecorded(Contract):
    """A month's CPI and food CPI, year on year, in basis points."""

    TYPE: ClassVar[str] = "payments.PriceIndexRecorded"
    VERSION: ClassVar[int] = 1
    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int


class PriceLinkageParametersSet(Contract):
    """The trigger thresholds, the monthly subsidy per person and the covered programmes."""

    TYPE: ClassVar[str] = "payments.PriceLinkageParametersSet"
    VERSION: ClassVar[int] = 1
    cpi_threshold_bp: int
    food_cpi_threshold_bp: int
    subsidy_per_person_fen: int
    covered_programmes: tuple[str, ...]


class PriceSubsidyLapsed(Contract):
    """The trigger no longer holds: no subsidy for the month."""

    TYPE: ClassVar[str] = "payments.PriceSubsidyLapsed"
    VERSION: ClassVar[int] = 1
    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int


class PriceSubsidyTriggered(Contract):
    """The trigger holds for the month: the subsidy per person paid to the covered groups."""

    TYPE: ClassVar[str] = "payments.PriceSubsidyTriggered"
    VERSION: ClassVar[int] = 1
    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int
    subsidy_per_person_fen: int
    covered_programmes: tuple[str, ...]


class ReliefGoodsIssued(Contract):
    """Goods issued from the stock to a household, against the recipient's signed receipt."""

    TYPE: ClassVar[str] = "payments.ReliefGoodsIssued"
    VERSION: ClassVar[int] = 1
    disaster_id: str
    household_id: str
    case_id: str
    division_code: str
    category: str
    priority: int
    item: str
    unit: str
    quantity: int
    issued_on: date
    recipient_name: str
    signature_ref: str
    out_of_order_reason: str | None = None
    passed_over: tuple[str, ...] = ()


class ReliefGoodsReceived(Contract):
    """Goods received into a county's relief stock for a disaster."""

    TYPE: ClassVar[str] = "payments.ReliefGoodsReceived"
    VERSION: ClassVar[int] = 1
    disaster_id: str
    county_code: str
    item: str
    unit: str
    quantity: int
    received_on: date
    source: str
    document_ref: str


class StandardSet(Contract):
    """A county standard (or, for division 62, a provincial guidance minimum) from a date."""

    TYPE: ClassVar[str] = "payments.StandardSet"
    VERSION: ClassVar[int] = 1
    division_code: str
    programme: str
    effective_from: date
    monthly_per_person_fen: int
    floor_per_person_fen: int = 0
    class_amounts_fen: dict[str, int] = Field(default_factory=dict)
    care_amounts_fen: dict[str, int] = Field(default_factory=dict)
    lowering_reason: str | None = None
    migrated: StandardMigration | None = None


class StoreDigestSealed(Contract):
    """A run of this service's event store sealed under a Merkle root chained on the last one."""

    TYPE: ClassVar[str] = "payments.StoreDigestSealed"
    VERSION: ClassVar[int] = 1
    digest_id: str
    sequence: int
    from_position: int
    to_position: int
    events: int
    merkle_root: str
    previous_root: str
    root: str
    sealed_at: str
