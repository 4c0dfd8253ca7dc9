"""Who decides a programme routed to a partner agency, and what its decision must state
(INT-4, GEN-6, ADR 0032): the mapping, the refusal and the event, without I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from pydantic import TypeAdapter

from intake.domain.agency_decision import (
    AgencyDecision,
    DecidedByVerification,
    InvalidAgencyDecision,
    NotTheCompetentAgency,
    ensure_competent,
)
from intake.domain.application import (
    Application,
    ApplicationAmended,
    ApplicationSubmitted,
    Authorisation,
    BankAccountHolder,
    Member,
    Registration,
    Relation,
    SubmissionChannel,
)
from intake.domain.application_events import Outcome, ProgrammeDecidedByAgency
from intake.domain.programmes import (
    COMPETENT_AGENCY,
    PARTNER_DECISIONS,
    Agency,
    Programme,
    Settlement,
)
from shared.http.tokens import ROLES
from shared.privacy import public_view

APPLICANT = "62011119700101001X"
DAUGHTER = "620111200501020024"
OTHER = "11010519491231002X"
DECIDED_ON = date(2027, 3, 10)  # an argument of the decision, not a reading of any clock
MEDICAL = AgencyDecision(
    programme=Programme.MEDICAL_ASSISTANCE,
    outcome=Outcome.APPROVED,
    reason="住院自付费用经核定，符合重特大疾病医疗救助条件",
    policy_basis="甘肃省医疗救助办法 第十二条",
    amount_fen=1_250_000,
    persons=None,
    decided_by_role="health_insurance",
    decided_by_staff_id="hi-clerk-07",
    decided_by_org="红古区医疗保障局",
    decided_on=DECIDED_ON,
)


def _application(
    *programmes: Programme,
    account: str | None = "6228480012345678111",
    holder: BankAccountHolder | None = None,
) -> Application:
    application = Application("case-1")
    application.submit(
        ApplicationSubmitted(
            application_id="case-1",
            division_code="620111001",
            registration=Registration.RURAL,
            programmes=programmes,
            members=(
                Member(APPLICANT, "马秀兰", Relation.SELF, disability_grade=2),
                Member(DAUGHTER, "马小花", Relation.CHILD),
            ),
            declared_monthly_income_fen=30_000,
            declared_assets_fen=0,
            authorisation=Authorisation(APPLICANT, date(2027, 3, 1), "红古区-授权-1"),
            channel=SubmissionChannel.COUNTER,
            bank_account=account,
            bank_account_holder=holder,
        ),
        date(2027, 3, 10),
    )
    application.pending.clear()
    return application


@pytest.mark.req("INT-4", "GEN-6")
def test_every_programme_an_agency_decides_has_one_deciding_role_and_the_rest_none() -> None:
    # given the programme catalogue; then each programme not decided by county civil affairs
    # names exactly one token role, and no programme verification decides names any
    for programme, agency in COMPETENT_AGENCY.items():
        rule = PARTNER_DECISIONS.get(programme)
        assert (rule is None) == (agency == Agency.COUNTY_CIVIL_AFFAIRS), programme
        assert rule is None or rule.deciding_role in ROLES, programme
    # and one agency's programmes are decided by the same role
    roles_of: dict[Agency, set[str]] = {}
    for programme, rule in PARTNER_DECISIONS.items():
        roles_of.setdefault(COMPETENT_AGENCY[programme], set()).add(rule.deciding_role)
    assert all(len(roles) == 1 for roles in roles_of.values()), roles_of
    assert PARTNER_DECISIONS[Programme.MEDICAL_ASSISTANCE].deciding_role == "health_insurance"


@pytest.mark.req("INT-4", "GEN-6")
def test_another_partner_role_is_refused_naming_the_role_that_decides() -> None:
    # when the education bureau or a generic partner client would decide medical assistance
    for role in ("education_bureau", "partner_agency", "county_officer"):
        with pytest.raises(NotTheCompetentAgency) as refused:
            ensure_competent(Programme.MEDICAL_ASSISTANCE, role)
        # then it is refused, naming the health insurance role
        assert refused.value.status == 403
        assert refused.value.extensions["required_role"] == "health_insurance"
    # and the health insurance role is the one that may
    assert ensure_competent(Programme.MEDICAL_ASSISTANCE, "health_insurance").settlement == (
        Settlement.ONE_OFF
    )
    # and a programme verification decides is no agency's to decide
    with pytest.raises(DecidedByVerification):
        ensure_competent(Programme.URBAN_DIBAO, "health_insurance")


@pytest.mark.req("INT-4", "GEN-4", "PAY-8")
def test_the_decision_records_who_when_why_how_much_and_whom_to_pay() -> None:
    # given medical assistance routed to the health insurance bureau
    application = _application(Programme.MEDICAL_ASSISTANCE)
    # when its clerk approves 12,500 yuan
    application.decide_by_agency(MEDICAL)
    # then the event says who, when, why, under which rule, how much and whom to pay
    (event,) = application.pending
    assert isinstance(event, ProgrammeDecidedByAgency)
    assert (event.decided_by_role, event.decided_by_staff_id, event.decided_by_org) == (
        "health_insurance", "hi-clerk-07", "红古区医疗保障局",
    )  # fmt: skip
    assert (event.decided_on, event.reason, event.policy_basis) == (
        DECIDED_ON, MEDICAL.reason, MEDICAL.policy_basis,
    )  # fmt: skip
    assert (event.settlement, event.amount_fen, event.agency) == (
        Settlement.ONE_OFF, 1_250_000, Agency.MEDICAL_ASSISTANCE_OFFICE,
    )  # fmt: skip
    assert (event.payee_name, event.bank_account) == ("马秀兰", "6228480012345678111")
    assert (event.division_code, event.household_size) == ("620111001", 2)
    assert application.outcomes == {"medical_assistance": "approved"}


@pytest.mark.req("INT-4")
def test_the_account_paid_is_the_one_last_amended() -> None:
    # given an application whose account was amended after submission
    application = _application(Programme.MEDICAL_ASSISTANCE, account=None)
    application.amend(ApplicationAmended("case-1", 30_000, 0, "6228480099998888111", "补录账户"))
    application.pending.clear()
    # when medical assistance is approved; then the amended account is the one to pay into
    application.decide_by_agency(MEDICAL)
    assert application.pending[0].bank_account == "6228480099998888111"


@pytest.mark.req("INT-4", "SUP-3")
def test_the_payee_is_the_member_who_holds_the_account_while_it_is_that_account() -> None:
    # given an application paid into the account its daughter holds
    daughter = BankAccountHolder("马小花", DAUGHTER.lower())
    held = _application(Programme.MEDICAL_ASSISTANCE, holder=daughter)
    # and one whose holder is nobody of the household, and one whose account changed since
    outsider = _application(Programme.MEDICAL_ASSISTANCE, holder=BankAccountHolder("王某", OTHER))
    amended = _application(Programme.MEDICAL_ASSISTANCE, holder=daughter)
    amended.amend(ApplicationAmended("case-1", 30_000, 0, "6228480099998888111", "换卡"))
    amended.pending.clear()
    # when medical assistance is approved for each
    for application in (held, outsider, amended):
        application.decide_by_agency(MEDICAL)
    # then the bank is to pay the daughter, then the applicant twice (ADR 0055)
    payees = [a.pending[0].payee_name for a in (held, outsider, amended)]
    assert payees == ["马小花", "马秀兰", "马秀兰"]


@pytest.mark.req("INT-4", "INT-8")
def test_what_the_agency_pays_itself_carries_no_one_to_pay() -> None:
    # given education assistance; when the education bureau approves what it pays itself
    application = _application(Programme.EDUCATION_ASSISTANCE)
    application.decide_by_agency(
        replace(MEDICAL, programme=Programme.EDUCATION_ASSISTANCE, amount_fen=200_000,
                decided_by_role="education_bureau", decided_by_org="红古区教育局")
    )  # fmt: skip
    # then the amount is recorded, and no payee nor account travels with it
    event = application.pending[0]
    assert (event.settlement, event.amount_fen) == (Settlement.BY_AGENCY, 200_000)
    assert (event.payee_name, event.bank_account) == (None, None)


@pytest.mark.req("INT-4", "GEN-8")
@pytest.mark.parametrize(
    ("programme", "role", "changes", "field"),
    [
        (Programme.MEDICAL_ASSISTANCE, "health_insurance", {"amount_fen": None}, "amount_fen"),
        (Programme.MEDICAL_ASSISTANCE, "health_insurance", {"persons": 1}, "persons"),
        (Programme.MEDICAL_ASSISTANCE, "health_insurance",
         {"outcome": Outcome.REJECTED}, "amount_fen"),
        (Programme.DISABILITY_SUBSIDIES, "disabled_persons_federation", {"persons": 1},
         "amount_fen"),
        (Programme.DISABILITY_SUBSIDIES, "disabled_persons_federation",
         {"amount_fen": None, "persons": 3}, "persons"),
        (Programme.DISABILITY_SUBSIDIES, "disabled_persons_federation",
         {"amount_fen": None}, "persons"),
    ],
)  # fmt: skip
def test_a_decision_that_does_not_fit_the_settlement_names_the_field(
    programme: Programme, role: str, changes: dict[str, Any], field: str
) -> None:
    # given the programme routed to its agency
    application = _application(programme)
    decision = replace(MEDICAL, programme=programme, decided_by_role=role, **changes)
    # when the agency states too little or too much; then 422 names the field, nothing recorded
    with pytest.raises(InvalidAgencyDecision) as refused:
        application.decide_by_agency(decision)
    assert refused.value.extensions["field"] == field
    assert application.pending == [] and application.outcomes[programme] is None


@pytest.mark.req("PAY-2")
def test_a_per_person_subsidy_is_approved_for_the_persons_the_federation_names() -> None:
    # given the disability subsidies routed to the disabled persons' federation
    application = _application(Programme.DISABILITY_SUBSIDIES)
    # when it approves one member at the standard (no amount of its own)
    application.decide_by_agency(
        replace(MEDICAL, programme=Programme.DISABILITY_SUBSIDIES, amount_fen=None, persons=1,
                decided_by_role="disabled_persons_federation")
    )  # fmt: skip
    # then payments is told to pay one person monthly, to the applicant's account
    event = application.pending[0]
    assert (event.settlement, event.persons, event.amount_fen) == (Settlement.PER_PERSON, 1, None)
    assert event.bank_account == "6228480012345678111"


@pytest.mark.req("GEN-7")
def test_the_public_view_of_the_decision_masks_whom_it_pays() -> None:
    # given the decision as intake stores it (the payee and the account in clear)
    application = _application(Programme.MEDICAL_ASSISTANCE)
    application.decide_by_agency(MEDICAL)
    data = TypeAdapter(ProgrammeDecidedByAgency).dump_python(application.pending[0], mode="json")
    # when the relay makes its public view; then the name and the account are masked
    view = public_view(data, b"k" * 32)
    assert (view["payee_name"], view["bank_account"]) == ("马**", "***************8111")
    assert "马秀兰" not in str(view) and "6228480012345678111" not in str(view)
    # and the decision itself stays readable on the bus
    assert (view["amount_fen"], view["decided_by_org"], view["policy_basis"]) == (
        1_250_000, "红古区医疗保障局", MEDICAL.policy_basis,
    )  # fmt: skip
