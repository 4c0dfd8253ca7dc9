"""What `status`, `verify-audit`, `dlq` and `rebuild` print: tables, or `--json` for scripts."""

from __future__ import annotations

import argparse
import json
import uuid

import pytest

from services import ops, status, verify_audit
from services.composition import build_runtime, ensure_pseudonym_key
from services.settings import SERVICES, Settings
from shared.http.tokens import ensure_dev_keypair
from tests.deploy.test_ops_status import append_case, ops_settings, run_sql

__all__ = ["ops_settings"]  # the fixture, shared with test_ops_status

STATUS_KEYS = {"store_head", "outbox", "consumers", "dead_letters", "projections"}


async def dead_letter(settings: Settings) -> None:
    """One dead letter of verification's intake consumer."""
    await run_sql(
        settings,
        "verification",
        "INSERT INTO dead_letters (consumer_group,"
        ' event_id, case_key, event_type, topic, partition, "offset", status, reason,'
        " attempts, headers, value) VALUES ('verification-intake',"
        f" '{uuid.uuid4()}', 'case-1', 'intake.Happened', 'safetynet.intake.events',"
        " 3, 5, 'dead', 'boom', 5,"
        ' \'[{"name": "ce_type", "value": "intake.Happened"}]\', \'\\x00\')',
    )


def keys_for(settings: Settings) -> None:
    """The key pair and pseudonym key a service runtime is built with."""
    ensure_dev_keypair(settings.jwt_private_key_path, settings.jwt_public_key_path)
    ensure_pseudonym_key(settings.pseudonym_key_path)


async def test_status_json_holds_every_figure_of_every_service(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    await append_case(ops_settings, "intake", "case-1", 2)
    code = await status.status_command(ops_settings, as_json=True)
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and set(report) == set(SERVICES)
    assert all(set(figures) == STATUS_KEYS for figures in report.values())
    assert report["intake"]["outbox"] == {"relayed_to": 0, "lag": 2}


async def test_status_tables_name_their_columns(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    await dead_letter(ops_settings)
    assert await status.status_command(ops_settings) == 0
    printed = capsys.readouterr().out
    for column in ("store head", "relayed to", "outbox lag", "high water", "checkpoint", "behind"):
        assert column in printed
    assert "verification-intake" in printed and "dead" in printed


async def test_verify_audit_json_names_the_broken_chain_and_exits_1(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    # given a case whose second event was altered in intake's database
    await append_case(ops_settings, "intake", "case-a", 3)
    await run_sql(
        ops_settings,
        "intake",
        "UPDATE events SET data = '{\"n\": 9}' WHERE stream_id = 'case-a' AND stream_version = 2",
    )
    # when every chain is verified for a script
    code = await verify_audit.verify_audit_command(
        ops_settings, None, all_streams=True, as_json=True
    )
    captured = capsys.readouterr()
    # then the JSON alone is printed (no progress bar), naming the break, and the exit code is 1
    verdict = json.loads(captured.out)
    assert code == 1 and captured.err == ""
    assert set(verdict) == {"ok", "streams", "unreachable", "broken"} and not verdict["ok"]
    [broken] = verdict["broken"]
    assert (broken["service"], broken["stream_id"], broken["first_bad_version"]) == (
        "intake",
        "case-a",
        2,
    )


async def test_verify_audit_tables_name_their_columns(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    await append_case(ops_settings, "payments", "case-b", 2)
    assert await verify_audit.verify_audit_command(ops_settings, "case-b") == 0
    printed = capsys.readouterr().out
    assert "streams walked" in printed and "chains" in printed and "all chains intact" in printed


async def test_dlq_list_and_show_as_json_and_as_tables(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    # given a dead letter in verification
    keys_for(ops_settings)
    await dead_letter(ops_settings)
    listing = argparse.Namespace(action="list", service="verification", id=None, status=None)

    # when it is listed for a script, then for a person
    assert await ops.dead_letters(ops_settings, argparse.Namespace(**vars(listing), json=True)) == 0
    [letter] = json.loads(capsys.readouterr().out)
    await ops.dead_letters(ops_settings, argparse.Namespace(**vars(listing), json=False))
    table = capsys.readouterr().out

    # then the JSON holds its fields and the table names the columns
    assert {"id", "consumer_group", "case_key", "status", "reason", "headers"} <= set(letter)
    assert letter["headers"] == {"ce_type": "intake.Happened"}
    assert all(c in table for c in ("consumer_group", "event_type", "attempts", "reason"))
    show = argparse.Namespace(action="show", service="verification", id=letter["id"], status=None)
    await ops.dead_letters(ops_settings, argparse.Namespace(**vars(show), json=True))
    assert json.loads(capsys.readouterr().out)["reason"] == "boom"
    await ops.dead_letters(ops_settings, argparse.Namespace(**vars(show), json=False))
    assert "field" in (shown := capsys.readouterr().out) and "header ce_type" in shown


async def test_rebuild_lists_and_rebuilds_as_json_and_as_tables(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    # given intake's database migrated
    keys_for(ops_settings)
    runtime = build_runtime(ops_settings, "intake")
    await runtime.migrate()
    await runtime.close()

    # when its projections are listed and the first one rebuilt, for a script
    assert await ops.rebuild(ops_settings, "intake", None, as_json=True) == 0
    listing = json.loads(capsys.readouterr().out)
    projection = listing["projections"][0]
    assert await ops.rebuild(ops_settings, "intake", projection, as_json=True) == 0
    captured = capsys.readouterr()

    # then the JSON names the rebuild, with no progress bar beside it
    assert listing["service"] == "intake" and captured.err == ""
    rebuilt = json.loads(captured.out)
    assert set(rebuilt) == {"service", "projection", "events_replayed", "position"}
    assert rebuilt["projection"] == projection
    # and for a person, the tables name their columns
    await ops.rebuild(ops_settings, "intake", projection)
    printed = capsys.readouterr().out
    assert "events_replayed" in printed and "position" in printed
