"""Payments' own wired parts as route parameters (the kernel's are in `shared.http.wiring`)."""

from __future__ import annotations

from typing import Annotated

from payments.application.context import Repositories
from shared.http.wiring import wired
from shared.projections.runner import ProjectionRunner

Repos = Annotated[Repositories, wired("repositories")]
"""One repository per payments aggregate."""

Projections = Annotated[ProjectionRunner, wired("projections")]
"""Payments' read models, caught up before a route reads a view it must see fresh."""
