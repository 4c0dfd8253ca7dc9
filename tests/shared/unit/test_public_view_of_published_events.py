"""The public view of events as their producers publish them (GEN-7, ADR 0020): no diagnosis,
no disability, no officer's text or name, no document reference, no complaint tied to a case;
amounts in text are money, not accounts. Found on the public topics by a black-box probe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from intake.domain.application_events import (
    Kinship,
    OfficialRole,
    Outcome,
    ProgrammeDecidedByAgency,
    ProgrammeRouted,
    StaffRelativeDeclared,
)
from intake.domain.programmes import Agency, Programme, Settlement
from payments.application.bank_answers import PAYMENT_FAILED
from payments.application.instruct import NO_BANK_ACCOUNT, NO_STANDARD
from payments.application.run_funds import INSUFFICIENT_FUNDS
from payments.domain.beneficiary import EntitlementCalculated
from shared.eventstore.registry import type_name_of
from shared.http.event_schemas import public_schema
from shared.messaging.cloudevents import KafkaRecord
from shared.messaging.public import public_record
from shared.privacy import SYSTEM_CODES, pseudonym, public_view
from supervision.domain.complaint import Allegation, ComplaintChannel, ComplaintReceived
from verification.domain.events import InvestigationRecorded, PriorityFlagged
from verification.domain.inclusion import DisabledPersonScreened

KEY = b"k" * 32
RESIDENT = "62010219800101123X"
CASE = "0190a1b2-0000-7000-8000-000000000001"
DAY = date(2026, 12, 7)


def published(event: object) -> dict[str, Any]:
    """The data of the event's record on its public topic, as the relay makes it."""
    data = TypeAdapter(type(event)).dump_python(event, mode="json")
    return published_data(type_name_of(event), data)


def published_data(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """The public record's data of an event of the type with this data."""
    headers = [("ce_type", event_type.encode())]
    record = KafkaRecord(key=b"k", value=json.dumps(data).encode(), headers=headers)
    view: dict[str, Any] = json.loads(public_record(record, KEY).value)
    return view


def routed(details: dict[str, str]) -> ProgrammeRouted:
    return ProgrammeRouted(
        CASE, Programme.MEDICAL_ASSISTANCE, Agency.MEDICAL_ASSISTANCE_OFFICE, "620102001",
        "620102", details,
    )  # fmt: skip


def decided_by_agency(reason: str, amount_fen: int = 1_250_000) -> ProgrammeDecidedByAgency:
    return ProgrammeDecidedByAgency(
        CASE, Programme.MEDICAL_ASSISTANCE, Agency.MEDICAL_ASSISTANCE_OFFICE, Outcome.APPROVED,
        reason, "甘肃省医疗救助办法 第十二条", "health_insurance", "zhang.wei", "城关区医保局",
        DAY, "620102001", "urban", 3, Settlement.ONE_OFF, amount_fen, None, "王秀英",
        "6228480012345678901",
    )  # fmt: skip


@pytest.mark.req("GEN-7")
def test_a_programmes_stated_details_never_reach_the_public_topic() -> None:
    # given medical assistance requested for a major disease, named
    view = published(routed({"kind": "major_disease", "disease": "艾滋病"}))
    # then the public record routes the programme but says nothing of the disease
    assert "details" not in view and "艾滋病" not in json.dumps(view, ensure_ascii=False)
    assert view["programme"] == "medical_assistance" and view["competent_division"] == "620102"


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("reason", ["r", "huanzhe-zhangsan-aizibing", "aids"])
def test_a_reason_an_officer_types_is_text_even_when_it_looks_like_a_code(reason: str) -> None:
    # given a partner's decision whose reason is lower-case ASCII (pinyin, a letter, a code)
    view = published(decided_by_agency(reason))
    # then the reason is left out: no reason in the contracts is an enumerated code
    assert "reason" not in view
    # and the clerk who decided is a keyed pseudonym, as the record's actor is
    assert view["decided_by_staff_id"] == pseudonym("zhang.wei", KEY)
    # and the policy basis, a citation of a published rule, stays
    assert view["policy_basis"] == "甘肃省医疗救助办法 第十二条"


@pytest.mark.req("GEN-7")
def test_the_codes_the_services_write_stay_public() -> None:
    data = {"unpayable": {"reason": "no-bank-account"}, "refusal": {"reason": "exceeds-paid"}}
    assert public_view(data, KEY) == data
    assert public_view({"reason": "not-a-system-code"}, KEY) == {}


@pytest.mark.req("GEN-7")
def test_every_reason_code_payments_writes_is_one_the_public_view_keeps() -> None:
    written = {
        NO_BANK_ACCOUNT, NO_STANDARD, INSUFFICIENT_FUNDS, PAYMENT_FAILED, "exceeds-paid",
        "no-amount",
    }  # fmt: skip
    assert written == SYSTEM_CODES
    assert all(public_view({"reason": code}, KEY) == {"reason": code} for code in written)


@pytest.mark.req("GEN-7")
def test_investigators_are_pseudonyms_and_an_officials_workplace_is_left_out() -> None:
    visit = InvestigationRecorded(CASE, "urban_dibao", ("呼延调查员", "王五"), DAY, "入户核查")
    assert published(visit)["staff"] == [pseudonym("呼延调查员", KEY), pseudonym("王五", KEY)]
    declared = StaffRelativeDeclared(
        CASE, "620102001", RESIDENT, "皇甫某某", OfficialRole.TOWNSHIP_CADRE, "城关区某街道",
        Kinship.SIBLING,
    )  # fmt: skip
    view = published(declared)
    assert "official_org" not in view and view["official_name"] == "皇***"
    assert view["kinship"] == "sibling" and view["official_role"] == "township_cadre"


@pytest.mark.req("GEN-7")
def test_the_client_in_a_records_channel_is_the_same_pseudonym_as_its_actor() -> None:
    # given a partner clerk's decision, recorded through the API under the clerk's token
    actor = {"id": "zhang.wei", "role": "health_insurance", "org": "医保局", "division": "620102"}
    headers = [
        ("ce_actor", json.dumps(actor).encode()),
        ("ce_channel", b"api:zhang.wei"),
    ]
    public = public_record(KafkaRecord(key=b"k", value=b"{}", headers=headers), KEY)
    # then the channel names the clerk by the pseudonym the actor header and the data use
    channel = dict(public.headers)["ce_channel"].decode()
    assert channel == f"api:{pseudonym('zhang.wei', KEY)}"
    assert json.loads(dict(public.headers)["ce_actor"])["id"] == pseudonym("zhang.wei", KEY)
    # and a service's channel is as it was
    service = [("ce_channel", b"payment-run")]
    assert dict(public_record(KafkaRecord(b"k", b"{}", service), KEY).headers)["ce_channel"] == (
        b"payment-run"
    )


@pytest.mark.req("GEN-7")
def test_a_cases_authorisation_reference_is_left_out_as_the_applications_is() -> None:
    # (the fields of verification.CaseOpened at stake; the rest is as the application's)
    data = {"case_id": CASE, "authorisation_ref": "DOCREF-城关区-授权-9911", "household_size": 3}
    view = published_data("verification.CaseOpened", data)
    assert view == {"case_id": CASE, "household_size": 3}


@pytest.mark.req("GEN-7")
def test_a_disability_screening_and_a_disability_flag_do_not_say_who() -> None:
    screened = DisabledPersonScreened(
        "s-1", RESIDENT, "拓跋某", "620102001", "620102", "intellectual", 2, False, "none", DAY,
        True, (), "特困人员认定办法：无劳动能力（一至三级智力、精神残疾…）",
    )  # fmt: skip
    assert published(screened) == {
        "screening_id": "s-1", "division_code": "620102001", "county_code": "620102",
        "screened_on": "2026-12-07",
    }  # fmt: skip
    flagged = PriorityFlagged(CASE, "urban_dibao", "extreme_poverty_inclusion", RESIDENT, "残疾")
    assert published(flagged) == {"case_id": CASE, "programme": "urban_dibao"}


@pytest.mark.req("GEN-7")
def test_a_complaint_on_the_public_topic_names_no_case() -> None:
    complaint = ComplaintReceived(
        "k-1", ComplaintChannel.HOTLINE, False, None, "620102001", CASE, Allegation.FAVOURITISM,
        "关系保", DAY, date(2026, 12, 28),
    )  # fmt: skip
    view = published(complaint)
    assert "subject_case_id" not in view and CASE not in json.dumps(view)
    assert view["allegation"] == "favouritism" and view["division_code"] == "620102001"


@pytest.mark.req("GEN-7")
def test_an_amount_in_text_is_money_not_an_account() -> None:
    calculated = EntitlementCalculated(
        CASE, "medical_assistance", 9_999_999_999_999, DAY, "agency_decision", None,
        "medical_assistance: 9999999999999 fen decided by 城关区医保局",
        "medical_assistance：城关区医保局决定金额9999999999999分，卡号6228480012345678901",
    )  # fmt: skip
    view = published(calculated)
    assert view["monthly_amount_fen"] == 9_999_999_999_999
    assert view["explanation_en"].startswith("medical_assistance: 9999999999999 fen")
    assert view["explanation_zh"].endswith("决定金额9999999999999分，卡号***************8901")
    assert public_view("共 1234567890123 元", KEY) == "共 1234567890123 元"
    assert public_view("账户 1234567890123", KEY) == "账户 *********0123"


# ---- every event type of the four services, by its public schema (docs/events) --------------

SCHEMAS = sorted(Path(__file__).parents[3].joinpath("docs", "events").glob("*/*.json"))
HEALTH_WORDS = ("health", "disab", "disease", "diagnos", "illness", "self_care", "medical_record")


def public_fields(event_schema: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of the event's public schema, nested ones included, by its path."""
    schema = json.loads(event_schema.read_text("utf-8"))
    yield from _properties(public_schema(schema, "x"), schema["title"])


def _properties(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, list):
        for item in node:
            yield from _properties(item, path)
    if not isinstance(node, dict):
        return
    for name, value in node.items():
        if name == "properties" and isinstance(value, dict):
            for field, schema in value.items():
                yield f"{path}.{field}", schema
                yield from _properties(schema, f"{path}.{field}")
        elif isinstance(value, (dict, list)):
            yield from _properties(value, path)


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("event_schema", SCHEMAS, ids=lambda path: path.stem)
def test_no_public_schema_has_a_health_field_or_a_map_of_free_text(event_schema: Path) -> None:
    for path, schema in public_fields(event_schema):
        field = path.rsplit(".", 1)[-1].lower()
        assert not any(word in field for word in HEALTH_WORDS), path
        # an open map's keys and values are whatever the writer chose: no rule can vet them
        values = schema.get("additionalProperties")
        assert not (isinstance(values, dict) and values.get("type") == "string"), path
