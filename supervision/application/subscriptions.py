"""A client's own webhook subscriptions: the only ones it sees or changes (ADR 0036)."""

from __future__ import annotations

from shared.application.repository import Repository
from shared.db import Connection
from shared.domain.errors import NotFound
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from supervision.domain.subscription import WebhookSubscription


class OwnSubscriptions:
    """The subscriptions one client made (`shared.http.commands.Aggregates`): another client's
    is unseen, answered 404 exactly as one that does not exist."""

    def __init__(self, repository: Repository[WebhookSubscription], client_id: str) -> None:
        self.repository = repository
        self.client_id = client_id

    async def find(
        self, subscription_id: str, conn: Connection | None = None
    ) -> WebhookSubscription | None:
        """The subscription if this client made it, else None."""
        found = await self.repository.find(subscription_id, conn)
        return found if found is not None and found.owner == self.client_id else None

    async def get(
        self, subscription_id: str, conn: Connection | None = None
    ) -> WebhookSubscription:
        """The subscription if this client made it, else 404."""
        found = await self.find(subscription_id, conn)
        if found is None:
            raise NotFound(
                f"you have no subscription {subscription_id}", f"未找到您的订阅 {subscription_id}"
            )
        return found

    async def save(
        self,
        instance: WebhookSubscription,
        metadata: EventMetadata,
        conn: Connection | None,
        expected_version: int | None = None,
    ) -> list[RecordedEvent]:
        """Append what the subscription recorded at the expected (or loaded) version."""
        return await self.repository.save(instance, metadata, conn, expected_version)
