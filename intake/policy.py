"""Intake's policy parameters (*defaults* of REQUIREMENTS.md), configurable per province/county."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from shared.workdays import Workdays, library_calendar

# Assumed default monthly urban dibao standard per person (分). Standards are owned by payments
# (PAY-1); intake only needs one number for the green-channel cap, so it keeps a per-county copy
# in its own configuration (700 元 is a round figure near Gansu's 2017 urban guidance standards).
DEFAULT_URBAN_DIBAO_STANDARD_FEN = 70_000


@dataclass(frozen=True)
class IntakePolicy:
    """Deadlines, the green-channel cap and the working calendar intake decides with."""

    referral_acknowledge_working_days: int = 2  # INT-5
    urgent_response: timedelta = timedelta(hours=24)  # INT-6
    prior_assistance_cap_multiple: int = 3  # INT-7: × monthly urban dibao standard per person
    follow_up_verification_working_days: int = 5  # INT-7
    urban_dibao_standard_fen: Mapping[str, int] = field(default_factory=dict)  # county → 分
    default_urban_dibao_standard_fen: int = DEFAULT_URBAN_DIBAO_STANDARD_FEN
    # statutory holidays from the library; the service overlays the years operators load
    calendar: Workdays = field(default_factory=library_calendar)
    watch_interval_s: float = 1.0

    def urban_standard_for(self, division_code: str) -> int:
        """The monthly urban dibao standard per person of the division's county (分)."""
        return self.urban_dibao_standard_fen.get(
            division_code[:6], self.default_urban_dibao_standard_fen
        )

    def prior_assistance_cap(self, division_code: str, persons: int) -> int:
        """INT-7 cap for a grant covering `persons` people (分)."""
        return self.prior_assistance_cap_multiple * self.urban_standard_for(division_code) * persons
