"""The services call the partner simulators where they listen: moving a simulator's port moves the
URL the services use, unless a URL is given (a second stack on one host calls its own)."""

from __future__ import annotations

import pytest

from services.settings import Settings


@pytest.mark.req("GEN-10")
def test_a_simulator_moved_to_another_port_is_called_there() -> None:
    moved = Settings.from_env(
        {"PARTNER_DATA_SIMULATOR_PORT": "8111", "BANK_SIMULATOR_PORT": "8112"}
    )
    assert (moved.partner_data_url, moved.bank_url) == (
        "http://127.0.0.1:8111",
        "http://127.0.0.1:8112",
    )


@pytest.mark.req("GEN-10")
def test_a_url_given_wins_over_the_simulator_port() -> None:
    given = Settings.from_env(
        {"BANK_API_URL": "https://bank.example", "BANK_SIMULATOR_PORT": "8112"}
    )
    assert given.bank_url == "https://bank.example"
    assert Settings.from_env({}).partner_data_url == "http://127.0.0.1:8011"
