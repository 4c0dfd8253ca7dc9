"""Simulator of the province's partner data sources for economic verification (VER-1).

GET /v1/sources/{source}/residents/{resident_id} with header X-Authorisation-Ref answers
deterministically from the resident ID. The sequence code (characters 15–17) picks a behaviour:
901 the tax source fails (503), 902 bank deposits are slow (3 s), 903 household registration
reports a death while social insurance still reports a wage (contradictory), 904 the tax source
fails on every odd call (flaky: a retry succeeds). Anything else answers promptly.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter

from fastapi import FastAPI, Header, HTTPException

SOURCES = (
    "household_registration",
    "social_insurance",
    "real_estate",
    "vehicles",
    "business_registration",
    "tax",
    "housing_fund",
    "bank_deposits",
)
SLOW_S = 3.0

app = FastAPI(title="Partner data sources simulator 家庭经济状况核对数据源模拟器")
_calls: Counter[tuple[str, str]] = Counter()


def _digest(resident_id: str, source: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{resident_id}|{source}".encode()).digest()[:4], "big")


def _answer(source: str, resident_id: str) -> dict[str, object]:
    behaviour = resident_id[14:17]
    value = _digest(resident_id, source)
    income = (value % 5) * 1_000 if source in ("social_insurance", "tax") else 0
    assets = (value % 3) * 10_000 if source in ("bank_deposits", "housing_fund") else 0
    deceased = False
    if behaviour == "903":
        deceased = source == "household_registration"
        income = 250_000 if source == "social_insurance" else income
    return {
        "source": source,
        "resident_id": resident_id,
        "monthly_income_fen": income,
        "assets_fen": assets,
        "deceased": deceased,
        "reference": f"{source}-{value:08x}",
    }


@app.get("/v1/sources/{source}/residents/{resident_id}")
async def query(
    source: str,
    resident_id: str,
    authorisation_ref: str | None = Header(default=None, alias="X-Authorisation-Ref"),
) -> dict[str, object]:
    """One source's answer about one resident; 403 without an authorisation reference."""
    if source not in SOURCES:
        raise HTTPException(404, f"unknown source {source}")
    if not authorisation_ref:
        raise HTTPException(403, "an authorisation reference (X-Authorisation-Ref) is required")
    behaviour = resident_id[14:17]
    _calls[(source, resident_id)] += 1
    if behaviour == "901" and source == "tax":
        raise HTTPException(503, "tax bureau system unavailable")
    if behaviour == "904" and source == "tax" and _calls[(source, resident_id)] % 2 == 1:
        raise HTTPException(503, "tax bureau system busy, retry")
    if behaviour == "902" and source == "bank_deposits":
        await asyncio.sleep(SLOW_S)
    return _answer(source, resident_id)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    """Liveness."""
    return {"status": "ok"}
