"""Intake's policy parameters (*defaults* of REQUIREMENTS.md), configurable per province/county."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from shared.workdays import Workdays, library_calendar


@dataclass(frozen=True)
class IntakePolicy:
    """Deadlines, the green-channel cap and the working calendar intake decides with."""

    referral_acknowledge_working_days: int = 2  # INT-5
    urgent_response: timedelta = timedelta(hours=24)  # INT-6
    prior_assistance_cap_multiple: int = 3  # INT-7: × monthly urban dibao standard per person
    follow_up_verification_working_days: int = 5  # INT-7
    # statutory holidays from the library; the service overlays the years operators load
    calendar: Workdays = field(default_factory=library_calendar)
    watch_interval_s: float = 1.0

    def prior_assistance_cap(self, urban_standard_fen: int, persons: int) -> int:
        """INT-7 cap for a grant covering `persons` people (分), from the monthly urban dibao
        standard per person in force in the county, as payments published it (StandardSet)."""
        return self.prior_assistance_cap_multiple * urban_standard_fen * persons
