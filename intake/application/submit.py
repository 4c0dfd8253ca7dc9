"""Submitting an application: build the event from the request, guard, append."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from intake.domain.application import (
    Application,
    ApplicationSubmitted,
    Authorisation,
    Member,
)
from intake.schemas import ApplicationCreate
from shared.application.repository import Repository
from shared.eventstore.envelope import EventMetadata, RecordedEvent


@dataclass(frozen=True)
class SubmitApplication:
    """Register a household's application for one or more programmes."""

    request: ApplicationCreate
    metadata: EventMetadata
    application_id: str


def new_application_id() -> str:
    """A fresh case id."""
    return str(uuid.uuid4())


async def submit_application(
    cmd: SubmitApplication, repository: Repository[Application], conn: AsyncConnection
) -> list[RecordedEvent]:
    """Register the application and append `intake.ApplicationSubmitted`."""
    application = Application(cmd.application_id)
    application.submit(_event_from(cmd))
    return await repository.save(application, cmd.metadata, conn, expected_version=0)


def _event_from(cmd: SubmitApplication) -> ApplicationSubmitted:
    body = cmd.request
    return ApplicationSubmitted(
        application_id=cmd.application_id,
        division_code=body.division_code,
        registration=body.registration,
        programmes=tuple(body.programmes),
        members=tuple(Member(**m.model_dump()) for m in body.members),
        declared_monthly_income_fen=body.declared_monthly_income_fen,
        declared_assets_fen=body.declared_assets_fen,
        authorisation=Authorisation(**body.authorisation.model_dump()),
        channel=body.channel,
        bank_account=body.bank_account,
    )
