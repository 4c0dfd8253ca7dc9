"""Feeding intake's consumers what verification publishes (its contract's fields, all of them)."""

from __future__ import annotations

from typing import Any

from tests.intake.conftest import APPLICANT, TODAY, TOWNSHIP
from tests.support import days_from


def approval_data(case_id: str, programme: str) -> dict[str, Any]:
    """verification.CaseApproved v1 for a one-person urban household of TOWNSHIP, approved
    today (the pinned clock's) at the amount the programme's rule gives."""
    return {
        "case_id": case_id,
        "programme": programme,
        "division_code": TOWNSHIP,
        "county_code": TOWNSHIP[:6],
        "registration": "urban",
        "household_size": 1,
        "members": [{"resident_id": APPLICANT, "name": "张桂兰", "relation": "self"}],
        "assessed_monthly_income_fen": 45_000,
        "approved_monthly_amount_fen": 0,
        "rural_class": None,
        "effective_from": TODAY.isoformat(),
        "next_review_due": days_from(TODAY, 365),
        "bank_account": None,
        "amount_basis": "rule",
    }


def rejection_data(case_id: str, programme: str, reason: str) -> dict[str, Any]:
    """verification.CaseRejected v1 for a programme of TOWNSHIP, with its reason."""
    return {
        "case_id": case_id,
        "programme": programme,
        "division_code": TOWNSHIP,
        "reason": reason,
        "appeal_rights": "可申请复议",
    }


def termination_data(case_id: str, programme: str) -> dict[str, Any]:
    """verification.BenefitTerminated v1: the household leaves the programme from today."""
    return {
        "case_id": case_id,
        "programme": programme,
        "effective_from": TODAY.isoformat(),
        "reason": "家庭收入已超过低保标准",
    }
