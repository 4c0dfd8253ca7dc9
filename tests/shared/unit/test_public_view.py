"""The public view of event data (GEN-7, DESIGN property 9, ADR 0020), on events shaped as in
docs/events: intake.ApplicationSubmitted, payments.BeneficiaryEnrolled and
supervision.ComplaintReceived."""

from __future__ import annotations

import json
import re

import pytest

from shared.messaging.cloudevents import KafkaRecord
from shared.messaging.public import is_public, public_record
from shared.privacy import file_view, mask_resident_id, pseudonym, public_view

KEY = b"k" * 32
APPLICANT, SPOUSE = "62010219800101123X", "620102198203054321"
ACCOUNT = "6228480012345678901"
SUBMITTED = {
    "application_id": "0190a1b2-0000-7000-8000-000000000001",
    "division_code": "620102001", "registration": "urban", "programmes": ["urban_dibao"],
    "members": [
        {"resident_id": APPLICANT, "name": "王秀英", "relation": "self", "health": "糖尿病",
         "disability_grade": 2, "work": "无业"},
        {"resident_id": SPOUSE, "name": "欧阳娜娜", "relation": "spouse"},
    ],
    "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
    "authorisation": {"signed_by_resident_id": APPLICANT, "signed_on": "2026-11-01",
                      "document_ref": "城关区-授权-501"},
    "bank_account": ACCOUNT,
    "bank_account_holder": {"name": "王秀英", "resident_id": APPLICANT},
}  # fmt: skip
ENROLLED = {"case_id": "c-1", "payee_name": "王秀英", "bank_account": ACCOUNT, "monthly_fen": 600}
COMPLAINT = {
    "complaint_id": "k-1", "channel": "hotline", "anonymous": False,
    "complainant": {"name": "李四", "phone": "13812345678", "resident_id": SPOUSE},
    "division_code": "620102001", "allegation": "favouritism",
    "summary": "举报人电话13912345678，称身份证620102198001011234的户主有车",
    "due_on": "2026-12-01",
}  # fmt: skip
PERSONAL = re.compile(r"(?<![0-9])(\d{17}[\dX]|\d{13,19}|1[3-9]\d{9})(?![0-9])")


@pytest.mark.req("GEN-7")
def test_an_application_keeps_its_shape_with_pseudonyms_masks_and_no_health() -> None:
    view = public_view(SUBMITTED, KEY)
    first, second = view["members"]
    # (the member's work, a narrative, is left out)
    assert first == {"resident_id": pseudonym(APPLICANT, KEY), "name": "王**", "relation": "self"}
    assert second["name"] == "欧***" and second["resident_id"] == pseudonym(SPOUSE, KEY)
    assert view["authorisation"]["signed_by_resident_id"] == pseudonym(APPLICANT, KEY)
    assert view["bank_account"] == "*" * 15 + "8901"
    assert view["bank_account_holder"] == {"name": "王**", "resident_id": pseudonym(APPLICANT, KEY)}
    # and what is not personal is as it was
    assert view["declared_monthly_income_fen"] == 45_000
    assert view["division_code"] == "620102001" and view["programmes"] == ["urban_dibao"]
    assert not PERSONAL.search(json.dumps(view, ensure_ascii=False))


@pytest.mark.req("GEN-7")
def test_a_pseudonym_is_stable_keyed_and_never_looks_like_a_number() -> None:
    assert pseudonym(APPLICANT, KEY) == pseudonym(APPLICANT.lower(), KEY)
    assert pseudonym(APPLICANT, KEY) != pseudonym(SPOUSE, KEY)
    assert pseudonym(APPLICANT, KEY) != pseudonym(APPLICANT, b"another deployment's key")
    assert re.fullmatch(r"pid_[a-z2-7]{32}", pseudonym(APPLICANT, KEY))
    # a value shaped like a resident ID is pseudonymised whatever its key
    assert public_view({"subject": APPLICANT}, KEY) == {"subject": pseudonym(APPLICANT, KEY)}


@pytest.mark.req("GEN-7")
def test_a_payee_and_a_whistle_blower_are_not_shown() -> None:
    assert public_view(ENROLLED, KEY) == {
        "case_id": "c-1", "payee_name": "王**", "bank_account": "*" * 15 + "8901",
        "monthly_fen": 600,
    }  # fmt: skip
    view = public_view(COMPLAINT, KEY)
    assert "complainant" not in view
    assert "summary" not in view  # a narrative: names and places in it cannot be masked by rule
    assert view["allegation"] == "favouritism" and view["anonymous"] is False
    text = json.dumps(view, ensure_ascii=False)
    assert not PERSONAL.search(text) and "李四" not in text


@pytest.mark.req("GEN-7")
def test_the_public_record_marks_itself_drops_the_hash_and_masks_the_envelope() -> None:
    actor = {"id": APPLICANT, "role": "resident", "org": "-", "division": "620102001"}
    record = KafkaRecord(
        key=b"case-1",
        value=json.dumps(COMPLAINT, ensure_ascii=False).encode(),
        headers=[
            ("ce_type", b"supervision.ComplaintReceived"),
            ("ce_schemaversion", b"1"),
            ("ce_dataschema", b"https://x/schemas/supervision.ComplaintReceived/v1.json"),
            ("ce_actor", json.dumps(actor).encode()),
            ("ce_reason", f"来电 {SPOUSE}".encode()),
            ("ce_prevhash", b"0" * 64),
            ("ce_hash", b"1" * 64),
        ],
    )
    public = public_record(record, KEY)
    headers = {name: value.decode() for name, value in public.headers}
    assert public.key == b"case-1" and is_public(public.headers) and not is_public(record.headers)
    assert headers["ce_dataschema"].endswith("/supervision.ComplaintReceived/v1.public.json")
    assert "ce_hash" not in headers and "ce_prevhash" not in headers
    assert json.loads(headers["ce_actor"])["id"] == pseudonym(APPLICANT, KEY)
    assert "ce_reason" not in headers  # a person wrote it: no rule can mask what it may say
    assert json.loads(public.value) == public_view(COMPLAINT, KEY)


@pytest.mark.req("GEN-7")
def test_a_staff_members_id_is_a_pseudonym_and_only_a_services_reason_is_published() -> None:
    officer = {
        "id": "zhang.wei",
        "role": "county_officer",
        "org": "城关区民政局",
        "division": "620102",
    }
    system = {"id": "system:payments", "role": "system", "org": "payments", "division": "62"}

    def published(actor: dict[str, str], reason: str) -> dict[str, str]:
        headers = [("ce_actor", json.dumps(actor).encode()), ("ce_reason", reason.encode())]
        public = public_record(KafkaRecord(key=b"c", value=b"{}", headers=headers), KEY)
        return {name: value.decode() for name, value in public.headers}

    by_officer = published(officer, "配偶赵文患尿毒症透析，住城关区张掖路88号")
    by_service = published(
        system, "县级审批通过，纳入发放名册 (approved case enrolled for payment)"
    )
    assert "ce_reason" not in by_officer
    assert json.loads(by_officer["ce_actor"])["id"] == pseudonym("zhang.wei", KEY)
    assert by_service["ce_reason"].startswith("县级审批通过")
    assert json.loads(by_service["ce_actor"])["id"] == "system:payments"


# Case ids whose UUID holds a run of digits shaped like a card ("0002-4282-9016-2617") or a mobile
# number ("15221774124"): found among random uuid4s, about 3 in 1,000 look like this.
CASE_IDS = (
    "application-455d2afe-0002-4282-9016-26174ef194d5",
    "application-7582aac8-956e-4877-8a29-15221774124b",
    "6e1168b6-6283-4516-9978-2375c0ad3078",
)


@pytest.mark.req("GEN-2", "GEN-7")
@pytest.mark.parametrize("case_id", CASE_IDS)
def test_a_case_id_reaches_the_public_record_whole(case_id: str) -> None:
    # a partner correlates by the case id: in the data and in the subject header
    record = KafkaRecord(
        key=case_id.encode(),
        value=json.dumps({"application_id": case_id, "note_ref": f"见 {case_id}"}).encode(),
        headers=[("ce_subject", case_id.encode()), ("ce_streamid", case_id.encode())],
    )
    public = public_record(record, KEY)
    assert json.loads(public.value) == {"application_id": case_id, "note_ref": f"见 {case_id}"}
    headers = {name: value.decode() for name, value in public.headers}
    assert headers["ce_subject"] == headers["ce_streamid"] == case_id


@pytest.mark.req("GEN-7")
def test_a_phone_or_an_account_beside_a_case_id_is_still_masked() -> None:
    case_id = CASE_IDS[1]
    text = f"案件{case_id}联系电话13812345678，卡号{ACCOUNT}，身份证{APPLICANT}"
    masked = f"联系电话138****5678，卡号***************8901，身份证{mask_resident_id(APPLICANT)}"
    assert public_view(text, KEY) == f"案件{case_id}{masked}"


@pytest.mark.req("GEN-7")
def test_narratives_leave_the_public_view_but_stay_in_an_auditors_file() -> None:
    # given an urgent case's situation, investigation findings and a member's work and schooling
    data = {
        "situation": "晚期肝癌化疗中，住城关区东岗西路12号",
        "findings": "入户核查：户主张三患尿毒症",
        "members": [{"name": "张三", "work": "无业，长期透析", "schooling": "城关区特殊教育学校"}],
        "authorisation": {"document_ref": "城关区东岗西路12号-授权书"},
        "working_days": 5,  # "work" inside another key means something else: kept
    }
    # when the public view and the file view are taken
    public, file = public_view(data, KEY), file_view(data)
    # then the public one leaves every narrative out and keeps the rest
    assert public == {"members": [{"name": "张*"}], "authorisation": {}, "working_days": 5}
    # and the file view an inspector or auditor reads keeps them (IDs inside masked)
    assert file["findings"] == data["findings"]
    assert file["members"][0]["work"] == "无业，长期透析"


@pytest.mark.req("GEN-7")
def test_text_an_officer_writes_leaves_the_public_view_unless_it_is_a_code() -> None:
    # given a resumption's reason, a proposal's opinion and a refusal's reason code
    data = {
        "reason": "配偶杨志强因尿毒症死亡，申请人肢体残疾二级，住白银区人民路8号，按一人户恢复发放",
        "review_opinion": "经入户调查，户主患肺癌，拟同意",
        "override_reason": "按乡镇审核意见核定",
        "refusal": {"reason": "exceeds-paid", "paid_fen": 100},
        "unpayable": {"reason": "no-bank-account"},
        "explanation_zh": "县级调整后金额：60000分",
    }
    # when the public view and the file view are taken
    public, file = public_view(data, KEY), file_view(data)
    # then the written text is left out, the codes and the system's own explanation stay
    assert public == {
        "refusal": {"reason": "exceeds-paid", "paid_fen": 100},
        "unpayable": {"reason": "no-bank-account"},
        "explanation_zh": "县级调整后金额：60000分",
    }
    # and the file view an inspector or auditor reads keeps them
    assert file["reason"] == data["reason"] and file["review_opinion"] == data["review_opinion"]


SUBSCRIBED = {
    "subscription_id": "0190a1b2-0000-7000-8000-000000000009",
    "callback_url": "https://user:pw@mzj.lanzhou.gov.cn:8443/hooks/safetynet?token=s3cr3t-abc#x",
    "event_types": ["payments.PaymentSettled"], "division_codes": ["620102"], "programmes": [],
    "owner_client_id": "client-county_officer-620102", "owner_role": "county_officer",
    "owner_division": "620102", "secret_id": "0190a1b2-0000-7000-8000-00000000000a",
}  # fmt: skip


@pytest.mark.req("GEN-7")
def test_a_callback_url_is_published_as_its_scheme_and_host_only() -> None:
    # given a webhook subscription whose callback carries credentials and a token
    # when its event is viewed for the public topic (and for an auditor's file)
    public, filed = public_view(SUBSCRIBED, KEY), file_view(SUBSCRIBED)
    # then the URL keeps only its scheme, host and port: no path, query, fragment or user
    assert public["callback_url"] == filed["callback_url"] == "https://mzj.lanzhou.gov.cn:8443"
    # and a URL written into free text is cut down the same way
    reason = public_view({"title": "回调 http://a.example.cn/h?token=s3cr3t 不通"}, KEY)
    assert reason == {"title": "回调 http://a.example.cn 不通"}
    for text in (json.dumps(public), json.dumps(filed), json.dumps(reason)):
        assert "s3cr3t" not in text and "pw@" not in text and "/hooks" not in text


@pytest.mark.req("GEN-7")
def test_the_officer_who_owns_a_subscription_is_the_pseudonym_the_officer_has_elsewhere() -> None:
    owner = SUBSCRIBED["owner_client_id"]
    assert public_view(SUBSCRIBED, KEY)["owner_client_id"] == pseudonym(owner, KEY)
    assert public_view({"approved_by": owner}, KEY) == {"approved_by": pseudonym(owner, KEY)}
    assert public_view({"assigned_by": owner, "decided_by": owner}, KEY) == {
        "assigned_by": pseudonym(owner, KEY), "decided_by": pseudonym(owner, KEY),
    }  # fmt: skip
    # and an inspector's file names the officer, as an audit needs
    assert file_view({"decided_by": owner, "staff": ["王五"]}) == {
        "decided_by": owner, "staff": ["王五"],
    }  # fmt: skip
