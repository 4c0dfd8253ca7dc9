"""The collector tuning a service process applies at start (ADR 0014)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from services.settings import Settings
from shared.collector import OLDER_EVERY, tune_collector


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@pytest.mark.usefixtures("restored_collector")
def test_tuning_freezes_what_start_up_built_and_widens_the_young_generation() -> None:
    gc.unfreeze()
    tune_collector(12_345)
    assert gc.get_threshold() == (12_345, *OLDER_EVERY)
    assert gc.get_freeze_count() > 0  # the modules, classes and objects imported so far


@pytest.mark.usefixtures("restored_collector")
def test_a_zero_threshold_keeps_the_interpreter_defaults() -> None:
    before = gc.get_threshold()
    gc.unfreeze()
    tune_collector(0)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_the_threshold_is_read_from_the_environment_and_checked() -> None:
    assert Settings.from_env({}).gc_gen0_threshold == 50_000
    assert Settings.from_env({"GC_GEN0_THRESHOLD": "0"}).gc_gen0_threshold == 0
    with pytest.raises(ValueError, match="GC_GEN0_THRESHOLD"):
        Settings.from_env({"GC_GEN0_THRESHOLD": "-1"})
