"""Supervision's wired parts as route parameters (issue #17): each declared once, here.

Routes name what they need — `complaints: Complaints`, `policies: Policies` — next to the
kernel's `Engine`, `Store`, `Registry`, `ServiceClock` and `Today` (shared.http.wiring).
Bootstrap (supervision/bootstrap.py, supervision/notice_rest.py) stores each on the application.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from shared.application.repository import Repository
from shared.http.wiring import Registry, Store, wired
from supervision.application.complaints import ComplaintPolicy
from supervision.application.files import Files
from supervision.application.policies import PolicyData
from supervision.application.webhooks import WebhookSettings
from supervision.domain.alert_lifecycle import Alert
from supervision.domain.capacity import CapacityFile
from supervision.domain.complaint import Complaint
from supervision.domain.coordination import DivisionFile
from supervision.domain.implementation import ImplementationFile
from supervision.domain.inspection import Inspection
from supervision.domain.institution import Institution
from supervision.domain.subscription import WebhookSubscription

Complaints = Annotated[Repository[Complaint], wired("complaints")]
ComplaintDeadlines = Annotated[ComplaintPolicy, wired("complaint_policy")]
"""How long a complaint may take, on the service's working calendar."""
Inspections = Annotated[Repository[Inspection], wired("inspections")]
Institutions = Annotated[Repository[Institution], wired("institutions")]
DivisionFiles = Annotated[Files[DivisionFile], wired("division_files")]
"""Each county's or city's coordination file of a year (SUP-6, SUP-9), empty before its first."""
CapacityFiles = Annotated[Files[CapacityFile], wired("capacity_files")]
"""Each division's grassroots capacity file (SUP-7), empty before its first record."""
Subscriptions = Annotated[Repository[WebhookSubscription], wired("subscriptions")]
"""Webhook subscriptions (ADR 0036)."""
Webhooks = Annotated[WebhookSettings, wired("webhook_settings")]
"""The deployment's webhook settings: plain-HTTP hosts allowed, the old secret's grace."""
Policies = Annotated[PolicyData, wired("policies")]
"""Supervision's policy numbers: the `policy-supervision` stream and its defaults."""
ImplementationFiles = Annotated[Files[ImplementationFile], wired("implementation_files")]
"""Each county's implementation reports of a period (SUP-11), empty before the first."""


async def _alerts(store: Store, registry: Registry) -> Repository[Alert]:
    return Repository(store, registry, Alert)


Alerts = Annotated[Repository[Alert], Depends(_alerts)]
"""The detectors' alerts as aggregates, for the steps officers take on them (SUP-3)."""
