"""Assistance a partner agency decided and pays (or provides) itself (ADR 0032): SafetyNet pays
nothing, but the household's payment history shows it, so that the same need is not paid twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.eventstore.registry import event_type


@event_type("payments.PaidByPartnerRecorded", version=1)
@dataclass(frozen=True)
class PaidByPartnerRecorded:
    """A programme approved by the partner agency that pays it: who decided, when, how much."""

    case_id: str
    programme: str
    agency: str
    division_code: str
    county_code: str
    decided_on: date
    amount_fen: int | None  # what the agency said it pays; None when it provides in kind
    decided_by_org: str
    policy_basis: str
    reason: str


def paid_by_partner_stream(case_id: str, programme: str) -> str:
    """The stream of one programme's record (one per case and programme)."""
    return f"paid-by-partner-{case_id}:{programme}"
