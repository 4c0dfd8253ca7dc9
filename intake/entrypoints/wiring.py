"""Intake's wired parts as route parameters (issue #17): what bootstrap built, by name.

Kernel parts (`Engine`, `ServiceClock`, `Today` …) come from `shared.http.wiring`; these are
intake's own. A route names the one it needs, e.g. `applications: Applications`.
"""

from __future__ import annotations

from typing import Annotated

from intake.application.visits import Outreach
from intake.domain.application import Application
from intake.domain.handed_in import HandedIn
from intake.domain.referral import Referral
from intake.domain.rough_sleepers import AidPoint, RoughSleeper
from intake.domain.urgent import UrgentCase
from intake.policy import IntakePolicy
from shared.application.repository import Repository
from shared.http.wiring import wired

Policy = Annotated[IntakePolicy, wired("policy")]
"""Intake's policy in force, its working calendar included."""

Applications = Annotated[Repository[Application], wired("applications")]
HandIns = Annotated[Repository[HandedIn], wired("hand_ins")]
"""Applications handed in by a village or residents' committee (INT-3)."""

Referrals = Annotated[Repository[Referral], wired("referrals")]
UrgentCases = Annotated[Repository[UrgentCase], wired("urgent_cases")]
OutreachRepositories = Annotated[Outreach, wired("outreach")]
"""The repositories a visit of a campaign writes to (INT-11)."""

AidPoints = Annotated[Repository[AidPoint], wired("aid_points")]
RoughSleepers = Annotated[Repository[RoughSleeper], wired("rough_sleepers")]
PseudonymKey = Annotated[bytes, wired("pseudonym_key")]
"""The key of the person pseudonyms shown by the API and on public topics (ADR 0029)."""
