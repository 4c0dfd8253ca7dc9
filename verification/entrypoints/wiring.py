"""Verification's own wired parts as route parameters (the kernel's are in `shared.http.wiring`)."""

from __future__ import annotations

from typing import Annotated

from shared.http.wiring import wired
from verification.application.care_register import CareRegister
from verification.application.service import Verification

VerificationService = Annotated[Verification, wired("verification")]
"""The verification use cases: cases, batches, policies in force, partner queries."""

Register = Annotated[CareRegister, wired("care_register")]
"""The care register of children and disabled persons screened for inclusion (VER-10)."""
