"""One typed settings tree reads the environment; the README's configuration table is its output."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.composition import configure_process, service_config, verification_policy
from services.settings import PROJECT_ROOT, Settings, markdown_table, variables
from services.settings_doc import README, readme_table
from shared.http.tokens import ensure_dev_keypair
from shared.messaging import namespace
from shared.messaging.topics import events_topic
from tests.deploy.support import settings_variables
from verification.application.service import Policy

PACKAGES = ("shared", "services", "intake", "verification", "payments", "supervision")
THE_READER = PROJECT_ROOT / "services" / "settings.py"
READS_ENVIRONMENT = re.compile(r"os\.environ|getenv|environ\.get|from os import[^\n]*environ")
PLACEHOLDER = re.compile(r"<[A-Z]+>")


def test_the_readme_configuration_table_is_the_generated_one() -> None:
    # given the README; when its table is compared with the settings' declarations
    shown = readme_table(README.read_text(encoding="utf-8"))
    # then they are the same (regenerate: python -m services settings-table --write)
    assert shown == markdown_table()


def test_no_module_but_the_settings_reads_the_environment() -> None:
    readers = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}"
        for package in PACKAGES
        for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
        if path != THE_READER
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if READS_ENVIRONMENT.search(line)
    ]
    assert readers == [], "read the environment in services/settings.py only"


def test_every_field_declares_its_variable_and_meaning_once() -> None:
    declared = variables()
    assert len(declared) == len(dataclasses.fields(Settings))
    names = [v.name for v in declared]
    assert len(names) == len(set(names)), names
    assert all(v.meaning.strip() and "\n" not in v.meaning for v in declared)


def test_the_settings_read_exactly_the_declared_variables() -> None:
    # given the declared names (a <SERVICE>-like placeholder stands for several variables)
    patterns = [
        re.compile(PLACEHOLDER.sub("[A-Z_]+", re.escape(v.name)) + "$") for v in variables()
    ]
    # when the settings are read from an empty environment
    asked = settings_variables()
    # then every variable asked for is declared, and every declaration is asked for
    assert {name for name in asked if not any(p.match(name) for p in patterns)} == set()
    assert all(any(p.match(name) for name in asked) for p in patterns)


@pytest.mark.parametrize(
    "variable",
    [
        "VERIFICATION_WATCHER_INTERVAL_S",
        "VERIFICATION_PARTNER_TIMEOUT_S",
        "SUPERVISION_DIGEST_INTERVAL_S",
        "SUPERVISION_DEADLINE_INTERVAL_S",
    ],
)
def test_a_loop_interval_or_timeout_must_be_a_positive_number(variable: str) -> None:
    assert getattr(Settings.from_env({variable: "0.5"}), variable.lower()) == 0.5
    for bad in ("0", "-1", "soon", "nan"):
        with pytest.raises(ValueError, match=variable):
            Settings.from_env({variable: bad})


def test_the_topic_namespace_is_a_checked_setting() -> None:
    assert Settings.from_env({}).kafka_topic_namespace == "safetynet"
    assert Settings.from_env({"KAFKA_TOPIC_NAMESPACE": "e2e-1"}).kafka_topic_namespace == "e2e-1"
    with pytest.raises(ValueError, match="KAFKA_TOPIC_NAMESPACE"):
        Settings.from_env({"KAFKA_TOPIC_NAMESPACE": "Not Valid"})


def test_the_default_settings_give_verification_its_requirement_defaults() -> None:
    assert verification_policy(Settings.from_env({})) == Policy()


def test_service_settings_reach_the_services_through_their_config(tmp_path: Path) -> None:
    # given the environment an end-to-end stack gives its service processes
    ensure_dev_keypair(tmp_path / "keys/jwt-private.pem", tmp_path / "keys/jwt-public.pem")
    settings = Settings.from_env(
        {
            "SAFETYNET_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgresql://u@127.0.0.1:5432/x",
            "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:9092",
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
            "VERIFICATION_INVESTIGATION_START_WORKING_DAYS": "0",
            "VERIFICATION_WATCHER_INTERVAL_S": "0.2",
            "VERIFICATION_PARTNER_TIMEOUT_S": "5",
            "SUPERVISION_DIGEST_INTERVAL_S": "60",
        }
    )
    # when the composition root resolves each service's configuration
    verification = service_config(settings, "verification")
    supervision = service_config(settings, "supervision")
    # then verification runs with that policy and those intervals, and supervision with its own
    assert isinstance(verification.policy, Policy)
    assert verification.policy.notice_period_days == 0
    assert verification.policy.deadlines.investigation_start == 0
    assert (verification.watcher_interval_s, verification.partner_timeout_s) == (0.2, 5.0)
    assert supervision.policy is None
    assert (supervision.digest_interval_s, supervision.deadline_interval_s) == (60.0, 300.0)


@pytest.fixture
def restored_namespace() -> Iterator[None]:
    """The process's topic namespace, put back after the test."""
    before = namespace.namespace()
    yield
    namespace.use_namespace(before)


@pytest.mark.usefixtures("restored_namespace")
def test_the_composition_root_sets_the_topic_namespace_once_per_process() -> None:
    configure_process(Settings.from_env({"KAFKA_TOPIC_NAMESPACE": "stack-7"}))
    assert events_topic("intake") == "stack-7.intake.events"
    assert namespace.consumer_group("payments.verification") == "stack-7.payments.verification"
