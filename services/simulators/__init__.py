"""Simulators of partner systems that do not exist here, speaking their documented contracts.

Each simulator is a module `services.simulators.<name>` exposing a FastAPI `app`; `make run` and
the end-to-end tests serve every simulator that exists on its port from the settings.
"""

from __future__ import annotations

import importlib
import importlib.util

from fastapi import FastAPI

SIMULATORS = ("partner_data", "bank")


def available() -> dict[str, FastAPI]:
    """The simulators implemented so far, by name."""
    apps: dict[str, FastAPI] = {}
    for name in SIMULATORS:
        module_name = f"{__name__}.{name}"
        if importlib.util.find_spec(module_name) is None:
            continue
        apps[name] = importlib.import_module(module_name).app
    return apps
