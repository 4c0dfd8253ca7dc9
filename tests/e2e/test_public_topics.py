"""The public topics carry no personal data (GEN-7, DESIGN property 9, ADR 0020): after a case
went through intake, verification and payments on a running stack, nothing on any
`<ns>.<service>.events` topic is a resident ID, a bank account, a phone number or the applicant's
name, while the internal topics, which only the services read, carry them all."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from services.embedded import EmbeddedBroker
from services.settings import SERVICES
from tests.e2e.bus import read_all
from tests.e2e.conftest import OwnStack
from tests.e2e.services import RunningServices
from tests.e2e.test_payments_flow import ACCOUNT, approved_case
from tests.e2e.test_verification_happy_path import resident
from tests.support import eventually

APPLICANT = "王秀英"  # the name approved_case gives its applicant
RESIDENT_ID = re.compile(rb"(?<![0-9])\d{17}[\dX](?![0-9])")
DIGIT_RUN = re.compile(rb"(?<![0-9])\d{13,19}(?![0-9])")
PHONE = re.compile(rb"(?<![0-9])1[3-9]\d{9}(?![0-9])")
# machine identifiers whose hex digits can look like a number: event ids, trace context
MACHINE_IDS = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    with own_stack(
        "e2e-public-topics",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
        },
    ) as running:
        yield running


@pytest.mark.req("GEN-7")
async def test_the_public_topics_carry_no_personal_data_and_the_internal_ones_do(
    services: RunningServices, broker: EmbeddedBroker
) -> None:
    # given a case approved with a bank account, which payments then enrols
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        await approved_case(services, client, sequence=771)
    namespace = services.env["KAFKA_TOPIC_NAMESPACE"]
    bootstrap = broker.bootstrap_servers
    person = resident(771).encode()

    async def enrolled() -> bool:
        records = await read_all(bootstrap, f"{namespace}.payments.internal")
        return any(ACCOUNT.encode() in text for text in records)

    await eventually(enrolled, timeout=60, message="payments never enrolled the beneficiary")

    # when every internal and every public topic of the stack is read from the beginning
    internal = [r for s in SERVICES for r in await read_all(bootstrap, f"{namespace}.{s}.internal")]
    public = {s: await read_all(bootstrap, f"{namespace}.{s}.events") for s in SERVICES}

    # then the internal topics carry the resident ID, the account and the name (the test can fail)
    assert any(person in text for text in internal)
    assert any(ACCOUNT.encode() in text for text in internal)
    assert any(APPLICANT.encode() in text for text in internal)
    # and the public ones carry the same events, every one marked as the public view
    assert sum(len(records) for records in public.values()) > 0
    assert all(b"ce_safetynetview=public" in text for rs in public.values() for text in rs)
    # with no resident ID, digit run of 13-19, mobile number or applicant's name in any of them
    for service, records in public.items():
        for text in (MACHINE_IDS.sub(b"<uuid>", record) for record in records):
            assert not RESIDENT_ID.search(text), (service, RESIDENT_ID.findall(text))
            assert not DIGIT_RUN.search(text), (service, DIGIT_RUN.findall(text))
            assert not PHONE.search(text), (service, PHONE.findall(text))
            assert APPLICANT.encode() not in text, service
