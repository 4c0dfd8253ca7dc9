"""Webhooks (ADR 0036) without I/O: the Standard Webhooks signature, the retry schedule, the
filters, the callback URL rules, who follows which programme, and the structured CloudEvent."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime

import pytest

from intake.domain.programmes import PARTNER_DECISIONS
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.messaging.cloudevents import UndecodableMessage, encode
from shared.messaging.public import public_record
from shared.messaging.public_events import decode_public, structured_event
from supervision.application.webhooks import (
    WebhookSettings,
    new_secret,
    retry_delay,
    signature,
    signature_header,
    verify,
)
from supervision.domain.subscription import (
    PARTNER_PROGRAMMES,
    Filters,
    InvalidCallbackUrl,
    ProgrammeNotFollowed,
    check_callback_url,
    check_programmes,
)

# The example of the Standard Webhooks specification (standard-webhooks/standard-webhooks).
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY = (
    "msg_p5jXN8AQM9LWM0D4loKWxJek",
    1614265330,
    b'{"test": 2432232314}',
)
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_the_signature_is_the_standard_webhooks_one() -> None:
    assert signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) == SPEC_SIGNATURE
    assert verify(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE)
    # any change of id, time or body breaks it
    assert not verify(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SIGNATURE)
    assert not verify(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY + b" ", SPEC_SIGNATURE)


def test_during_a_rotation_both_secrets_sign_and_either_verifies() -> None:
    old, new = SPEC_SECRET, new_secret()
    header = signature_header([new, old], SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)
    assert header.count(" ") == 1 and header.split()[1] == SPEC_SIGNATURE
    assert verify(new, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header)
    assert verify(old, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header)
    assert not verify(new_secret(), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header)


class Highest(random.Random):
    """A generator whose jitter always draws the top of the range."""

    def uniform(self, a: float, b: float) -> float:
        return b


def test_the_back_off_doubles_up_to_the_cap_with_full_jitter() -> None:
    settings = WebhookSettings(backoff_base_s=5, backoff_cap_s=60)
    ceilings = [retry_delay(n, settings, Highest()) for n in range(1, 7)]
    assert ceilings == [5, 10, 20, 40, 60, 60]
    drawn = [retry_delay(4, settings, random.Random(seed)) for seed in range(200)]
    assert all(0 <= d <= 40 for d in drawn) and min(drawn) < 10 < 30 < max(drawn)


def test_a_county_filter_matches_its_townships_and_villages_only() -> None:
    filters = Filters.of(["verification.CaseApproved"], ["623027"], [])
    assert filters.matches("verification.CaseApproved", {"division_code": "623027001"})
    assert filters.matches("verification.CaseApproved", {"village_code": "623027001001"})
    assert not filters.matches("verification.CaseApproved", {"division_code": "623001001"})
    assert not filters.matches("verification.CaseRejected", {"division_code": "623027001"})
    assert not filters.matches("verification.CaseApproved", {"case_id": "no place named"})


def test_a_programme_filter_keeps_the_named_programmes() -> None:
    filters = Filters.of(["intake.ApplicationSubmitted"], ["6201"], ["medical_assistance"])
    submitted, kind = {"division_code": "620102001"}, "intake.ApplicationSubmitted"
    assert filters.matches(kind, {**submitted, "programmes": ["medical_assistance", "urban_dibao"]})
    assert not filters.matches(kind, {**submitted, "programme": "urban_dibao"})
    assert not filters.matches(kind, submitted)


@pytest.mark.parametrize(
    "url",
    [
        "http://partner.example.cn/hook",  # plain http to a host not allowed
        "https://user:secret@partner.example.cn/hook",  # credentials
        "https://partner.example.cn/hook#x",  # a fragment
        "ftp://partner.example.cn/hook",
        "partner.example.cn/hook",
    ],
)
def test_a_callback_url_the_dispatcher_must_not_call_is_refused_naming_the_field(url: str) -> None:
    with pytest.raises(InvalidCallbackUrl) as refused:
        check_callback_url(url, ("127.0.0.1",))
    assert refused.value.extensions["field"] == "callback_url"


def test_https_anywhere_and_plain_http_to_an_allowed_host_are_accepted() -> None:
    check_callback_url("https://mzj.lanzhou.gov.cn/safetynet/webhooks?v=1", ())
    check_callback_url("http://127.0.0.1:8080/hook", ("127.0.0.1",))


def test_a_partner_department_follows_only_the_programmes_it_decides() -> None:
    check_programmes("health_insurance", ["medical_assistance"])
    check_programmes("county_officer", [])  # civil affairs: any programme
    for asked in ([], ["urban_dibao"], ["medical_assistance", "disaster_relief"]):
        with pytest.raises(ProgrammeNotFollowed):
            check_programmes("health_insurance", asked)


def test_the_partner_programmes_are_those_intake_lets_each_role_decide() -> None:
    decided: dict[str, set[str]] = {}
    for programme, rule in PARTNER_DECISIONS.items():
        decided.setdefault(rule.deciding_role, set()).add(str(programme))
    decided.pop("county_officer")  # civil affairs follows every programme anyway
    assert {role: set(programmes) for role, programmes in PARTNER_PROGRAMMES.items()} == decided


def _event() -> RecordedEvent:
    at = datetime(2027, 3, 10, 1, 30, tzinfo=UTC)
    return RecordedEvent(
        event_id=uuid.uuid4(), type="verification.CaseApproved", schema_version=1,
        stream_id="case-1", stream_version=7, position=42, occurred_at=at, recorded_at=at,
        data={"case_id": "1", "division_code": "620131001", "bank_account": "6228480012345678901",
              "members": [{"resident_id": "11010519491231002X", "name": "张桂兰"}]},
        metadata=EventMetadata(Actor("staff-9", "county_officer", "民政局", "620131"), "api:x",
                               reason="同意", case_id="1"),
        prev_hash="p", hash="h",
    )  # fmt: skip


def test_a_public_record_reads_back_as_the_structured_cloudevent_of_the_bus() -> None:
    event = _event()
    public = public_record(encode(event, "verification", 3), key=b"k" * 32)
    decoded = decode_public(public.headers, public.value)
    body = structured_event(decoded.event)
    headers = {name: raw.decode() for name, raw in public.headers}
    # the bus's attributes, under their CloudEvents names, and the public data
    for name, value in headers.items():
        if name.startswith("ce_") and name != "ce_brokerepoch":
            assert body[name.removeprefix("ce_")] == value, name
    assert body["datacontenttype"] == "application/json"
    assert body["dataschema"].endswith(".public.json") and body["safetynetview"] == "public"
    assert "hash" not in body and "prevhash" not in body and "brokerepoch" not in body
    text = str(body)
    assert "11010519491231002X" not in text and "6228480012345678901" not in text
    assert "张桂兰" not in text


def test_an_internal_record_is_not_read_as_the_public_view() -> None:
    record = encode(_event(), "verification", 3)
    with pytest.raises(UndecodableMessage):
        decode_public(record.headers, record.value)
