"""Generated households (clean by construction) and the planted irregularities of SUP-3."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from shared.clock import ManualClock, current_period
from shared.identity import check_char
from tests.supervision.integration.conftest import PINNED
from tests.support import first_day, months_from

STANDARD_FEN = 60_000  # an urban dibao standard per person-month, for the generated amounts
PERIOD = current_period(ManualClock(PINNED))  # the month the supervision clock stands in
LAST = months_from(PERIOD, -1)  # households are enrolled from the month before, paid for both


class Ids:
    """Valid, never repeated resident IDs and bank accounts."""

    def __init__(self) -> None:
        self.n = 0

    def resident(self) -> str:
        """A fresh resident ID with a correct check character."""
        self.n += 1
        year = 1940 + self.n // 1000 % 60  # with the sequence below: unique up to 60,000 IDs
        first17 = f"620102{year}{1 + self.n % 12:02d}{1 + self.n % 28:02d}"
        first17 += f"{self.n % 1000:03d}"
        return first17 + check_char(first17)

    def account(self) -> str:
        """A fresh 19-digit account number."""
        self.n += 1
        return f"622202{self.n:013d}"


@dataclass
class Household:
    """One approved household: its approval, enrolment, payments and evidence events."""

    case_id: str
    village: str
    members: list[dict[str, str]]
    income_fen: int
    amount_fen: int
    account: str
    rural_class: int | None = None
    programme: str = "urban_dibao"
    account_holder: str | None = None  # the account holder's resident ID, when intake recorded it
    periods: list[str] = field(default_factory=lambda: [LAST, PERIOD])

    def events(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The events the other services would publish about this household, in order."""
        for member in self.members:
            for source in ("household_registration", "vehicles", "business_registration"):
                yield "verification.EvidenceRecorded", self._evidence(member, source)
        yield "verification.CaseApproved", self.approved()
        yield "payments.BeneficiaryEnrolled", self.enrolled()
        for period in self.periods:
            yield "payments.PaymentSettled", self.payment(period)

    def approved(self) -> dict[str, Any]:
        """verification.CaseApproved v1 for this household."""
        return {
            "case_id": self.case_id, "programme": self.programme, "division_code": self.village,
            "county_code": self.village[:6], "registration": "urban",
            "household_size": len(self.members), "members": self.members,
            "assessed_monthly_income_fen": self.income_fen,
            "approved_monthly_amount_fen": self.amount_fen, "rural_class": self.rural_class,
            "effective_from": first_day(LAST),
            "next_review_due": first_day(months_from(LAST, 12)),
            "bank_account": self.account,
            "bank_account_holder_resident_id": self.account_holder,
        }  # fmt: skip

    def enrolled(self) -> dict[str, Any]:
        """payments.BeneficiaryEnrolled v1 for this household, paid the approved amount."""
        return {
            "case_id": self.case_id, "programme": self.programme, "division_code": self.village,
            "county_code": self.village[:6], "registration": "urban",
            "household_size": len(self.members), "assessed_monthly_income_fen": self.income_fen,
            "rural_class": self.rural_class, "approved_monthly_amount_fen": self.amount_fen,
            "monthly_amount_fen": self.amount_fen, "effective_from": first_day(LAST),
            "payee_name": self.members[0]["name"], "bank_account": self.account,
        }  # fmt: skip

    def payment(self, period: str) -> dict[str, Any]:
        """payments.PaymentSettled v1 for one month."""
        return {
            "payment_id": f"{self.case_id}-{period}", "case_id": self.case_id,
            "programme": self.programme, "period": period, "amount_fen": self.amount_fen,
            "bank_account_masked": "***" + self.account[-4:],
            "settled_at": f"{period}-15T10:00:00+08:00",
            "instruction_id": f"{self.case_id}-{period}-1", "run_id": f"run-{period}",
        }  # fmt: skip

    def _evidence(self, member: dict[str, str], source: str, **changes: Any) -> dict[str, Any]:
        return {
            "case_id": self.case_id, "programme": self.programme, "source": source,
            "resident_id": member["resident_id"], "monthly_income_fen": 0, "assets_fen": 0,
            "deceased": False, "reference": f"{source}-ref", "obtained_by": "partner_api",
            **changes,
        }  # fmt: skip


def clean_population(ids: Ids, households: int, seed: int = 7) -> list[Household]:
    """Households with their own accounts and IDs, amounts following their incomes.

    Three in four name their account holder, always one of their own members (head or other);
    the fourth leaves the holder unknown, as applications before SUP-3's holder field did.
    """
    rng = random.Random(seed)
    population = []
    for n in range(households):
        size = rng.randint(1, 4)
        income = rng.randrange(0, STANDARD_FEN * size, 500)
        members = [
            {
                "resident_id": ids.resident(),
                "name": "某某",
                "relation": "self" if i == 0 else "child",
            }
            for i in range(size)
        ]
        population.append(
            Household(
                case_id=f"clean-{n:04d}",
                village=f"620102001{n % 8 + 1:03d}",
                members=members,
                income_fen=income,
                amount_fen=STANDARD_FEN * size - income,
                account=ids.account(),
                account_holder=members[n % size]["resident_id"] if n % 4 else None,
            )
        )
    return population


def _relation(index: int) -> str:
    return "self" if index == 0 else "child"
