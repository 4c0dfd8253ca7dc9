"""Every event payments publishes, registered under its stable type name."""

from __future__ import annotations

from payments.domain.age_limit import ChildAllowanceAgeLimitReached
from payments.domain.beneficiary import (
    BackPayCalculated,
    BankAccountChanged,
    BeneficiaryAwaitingStandard,
    BeneficiaryEnrolled,
    BeneficiaryResumed,
    BeneficiarySuspended,
    BeneficiaryTerminated,
    BeneficiaryUnpayable,
    EntitlementCalculated,
)
from payments.domain.disaster import DisasterDeclared, DisasterReliefGranted, HousingSolved
from payments.domain.funds import FundsAllocated, FundsArrived
from payments.domain.paid_by_partner import PaidByPartnerRecorded
from payments.domain.payment import (
    OneOffPaymentRefused,
    OverpaymentRecoveryRecorded,
    OverpaymentRecoveryRefused,
    PaymentFailed,
    PaymentInstructed,
    PaymentSettled,
)
from payments.domain.prices import (
    PriceIndexRecorded,
    PriceLinkageParametersSet,
    PriceSubsidyLapsed,
    PriceSubsidyTriggered,
)
from payments.domain.relief_goods import ReliefGoodsIssued, ReliefGoodsReceived
from payments.domain.run import (
    BankReturnImported,
    FailedPaymentsRetried,
    PaymentRunCompleted,
    PaymentRunStarted,
)
from payments.domain.standards import StandardSet
from payments.domain.tasks import PracticalTaskEntered
from shared.eventstore.registry import EventRegistry

EVENT_CLASSES: tuple[type, ...] = (
    StandardSet,
    BeneficiaryEnrolled,
    EntitlementCalculated,
    BackPayCalculated,
    BeneficiaryResumed,
    BeneficiarySuspended,
    BeneficiaryTerminated,
    BankAccountChanged,
    BeneficiaryUnpayable,
    BeneficiaryAwaitingStandard,
    ChildAllowanceAgeLimitReached,
    PaymentRunStarted,
    FailedPaymentsRetried,
    PaymentRunCompleted,
    BankReturnImported,
    PaymentInstructed,
    PaymentSettled,
    PaymentFailed,
    FundsAllocated,
    FundsArrived,
    OneOffPaymentRefused,
    OverpaymentRecoveryRecorded,
    OverpaymentRecoveryRefused,
    PaidByPartnerRecorded,
    PriceLinkageParametersSet,
    PriceIndexRecorded,
    PriceSubsidyTriggered,
    PriceSubsidyLapsed,
    DisasterDeclared,
    DisasterReliefGranted,
    HousingSolved,
    PracticalTaskEntered,
    ReliefGoodsReceived,
    ReliefGoodsIssued,
)


def register_events(registry: EventRegistry) -> None:
    """Register payments' events."""
    registry.register_all(*EVENT_CLASSES)
