"""The shared end-to-end stack: one set of the four services and the simulators for every module
that needs no settings of its own. Modules that share it keep to their own county (or their own
cases), so that no test sees another's runs, alerts or reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from services.embedded import EmbeddedBroker, EmbeddedPostgres
from tests.e2e.services import RunningServices, running_services

# A zero-day notice period lets approval follow the township's proposal at once; a partner timeout
# of 5 s is patient with a shared, loaded test machine.
SHARED_STACK_SETTINGS = {
    "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
    "VERIFICATION_PARTNER_TIMEOUT_S": "5",
    # webhooks (ADR 0036): receivers run in the test process over plain http, retried quickly
    "SUPERVISION_WEBHOOK_PLAIN_HTTP_HOSTS": "127.0.0.1,localhost",
    "SUPERVISION_WEBHOOK_BACKOFF_BASE_S": "0.2",
    "SUPERVISION_WEBHOOK_BACKOFF_CAP_S": "1",
    "SUPERVISION_WEBHOOK_DISPATCH_INTERVAL_S": "0.2",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The end-to-end modules run after every other test, so that the shared stack (which stays
    up until the session ends) does not poll its broker and databases through the rest of the
    suite; tests marked `after_suite` run last, in their own order: they read what the rest left."""
    items.sort(key=lambda item: (item.get_closest_marker("after_suite") is not None, _e2e(item)))


def _e2e(item: pytest.Item) -> bool:
    return Path(str(item.path)).is_relative_to(Path(__file__).parent)


@pytest.fixture(scope="session")
def stack(
    embedded_postgres: EmbeddedPostgres,
    broker: EmbeddedBroker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServices]:
    """All four services and the simulators, started once for the modules that share them."""
    with running_services(
        embedded_postgres.server_url,
        broker.bootstrap_servers,
        tmp_path_factory.mktemp("e2e-shared-stack"),
        settings=SHARED_STACK_SETTINGS,
    ) as running:
        yield running


OwnStack = Callable[..., AbstractContextManager[RunningServices]]


@pytest.fixture(scope="session")
def own_stack(
    embedded_postgres: EmbeddedPostgres,
    broker: EmbeddedBroker,
    tmp_path_factory: pytest.TempPathFactory,
) -> OwnStack:
    """Start a stack of a module's own, named and with the settings it needs (a module that
    moves the clock or changes a deadline cannot share `stack`)."""

    def start(name: str, settings: Mapping[str, str] | None = None) -> Any:
        return running_services(
            embedded_postgres.server_url,
            broker.bootstrap_servers,
            tmp_path_factory.mktemp(name),
            settings=settings,
        )

    return start
