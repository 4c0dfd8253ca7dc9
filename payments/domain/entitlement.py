"""Entitlements in fen, each with the breakdown that explains it (PAY-2)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from payments.domain.programmes import Kind, kind_of
from payments.domain.standards import DIBAO_PROGRAMMES, NoStandard, Standard, StandardSet


@dataclass(frozen=True)
class Household:
    """What payments knows of an approved household for computing its entitlement."""

    programme: str
    household_size: int
    assessed_monthly_income_fen: int
    rural_class: int | None
    approved_monthly_amount_fen: int
    self_care: str | None = None  # extreme poverty: full | partial | none (自理/半失能/失能)
    eligible_persons: int | None = None  # per-person programmes: members paid for
    # extreme poverty: each member's self-care ability as verification assessed it (VER-8)
    members_self_care: tuple[str, ...] = ()

    @property
    def persons_paid(self) -> int:
        """Who a fixed amount is multiplied by: eligible persons for per-person programmes."""
        per_person = kind_of(self.programme) is Kind.PER_PERSON
        if per_person and self.eligible_persons is not None:
            return self.eligible_persons
        return self.household_size


@dataclass(frozen=True)
class Computed:
    """A monthly amount and how it was reached (method, inputs and a bilingual explanation)."""

    monthly_amount_fen: int
    method: str
    explanation_en: str
    explanation_zh: str
    standard_fen: int | None


AWAITING_STANDARD = "awaiting_standard"  # the method of an entitlement no standard yet governs
APPROVED = "approved"  # the method of an amount the county fixed (override, adjustment, resumption)


def compute_or_await(
    household: Household, standard: StandardSet | None, county: str, on: date
) -> Computed:
    """`compute`, or, when the amount is by rule and no standard is in force on the day, an
    entitlement of 0 awaiting one (ADR 0041): enrolled, not payable, recomputed when the county's
    (or the province's) standard is set."""
    if standard is None and household.approved_monthly_amount_fen <= 0:
        return awaiting_standard(county, household.programme, on)
    return compute(household, standard)


def compute_since(
    household: Household, standard: Standard | None, county: str, since: date
) -> list[tuple[date, Computed]]:
    """The entitlement from `since`, then from each later version of the standard, in date
    order: an approval dated before the standard (or before a raise) is paid under every version
    that covers its months, not left awaiting one or computed under the first (ADR 0041, amended
    2026-12-06). A fixed amount has one entitlement."""
    first = compute_or_await(
        household, standard.in_force(since) if standard else None, county, since
    )
    if standard is None or first.method == APPROVED:
        return [(since, first)]
    later = sorted({v.effective_from for v in standard.versions if v.effective_from > since})
    return [(since, first), *((day, compute(household, standard.in_force(day))) for day in later)]


def awaiting_standard(county: str, programme: str, on: date) -> Computed:
    """An entitlement of 0 whose explanation is the reason it cannot be computed yet."""
    return Computed(
        0,
        AWAITING_STANDARD,
        f"no standard in force for {county}/{programme} on {on.isoformat()}",
        f"{county}/{programme}在{on.isoformat()}无有效保障标准，待标准制定后按规则核定",
        None,
    )


def compute(household: Household, standard: StandardSet | None) -> Computed:
    """The monthly entitlement: verification's amount, class amount, dibao gap or fixed subsidy."""
    if household.approved_monthly_amount_fen > 0:
        amount = household.approved_monthly_amount_fen
        return Computed(
            amount,
            APPROVED,
            f"amount fixed by the county's decision (override): {amount} fen;"
            " not recomputed when standards change",
            f"县级民政部门审批改定金额：{amount}分（标准调整时不重新核定）",
            standard.monthly_per_person_fen if standard else None,
        )
    if standard is None:
        raise NoStandard(
            f"no {household.programme} standard is in force to compute the entitlement",
            f"没有可用于计算待遇的{household.programme}标准",
        )
    if household.programme == "rural_dibao" and household.rural_class:
        computed = _class_amount(household, standard)
    elif household.programme in DIBAO_PROGRAMMES:
        computed = _dibao_gap(household, standard)
    else:
        computed = _fixed(household, standard)
    return _under(standard, computed)


def _under(standard: StandardSet, computed: Computed) -> Computed:
    """The computation naming the standard it was made under: whose, in force from when."""
    return replace(
        computed,
        explanation_en=f"{computed.explanation_en}; under the standard of"
        f" {standard.division_code} from {standard.effective_from}",
        explanation_zh=f"{computed.explanation_zh}；依据{standard.division_code}"
        f"自{standard.effective_from}起执行的标准",
    )


def _dibao_gap(household: Household, standard: StandardSet) -> Computed:
    n, income, s = (
        household.household_size,
        household.assessed_monthly_income_fen,
        standard.monthly_per_person_fen,
    )
    # (s − income/n) × n = s·n − income: exact in fen, no per-capita rounding
    gap = s * n - income
    floor = standard.floor_per_person_fen * n
    amount = max(gap, floor, 0)
    floored = " (floor applied)" if amount > gap else ""
    return Computed(
        amount,
        "dibao_gap",
        f"(standard {s} − per-capita income {income}/{n}) × {n} members = {gap} fen;"
        f" floor {standard.floor_per_person_fen} × {n} = {floor}; paid {amount}{floored}",
        f"（保障标准{s}分 − 家庭人均收入{income}/{n}分）× {n}人 = {gap}分；"
        f"保底{standard.floor_per_person_fen}分×{n}人 = {floor}分；发放{amount}分",
        s,
    )


def _class_amount(household: Household, standard: StandardSet) -> Computed:
    cls = str(household.rural_class)
    per_person = standard.class_amounts_fen.get(cls)
    if per_person is None:
        return _dibao_gap(household, standard)
    n = household.household_size
    amount = per_person * n
    return Computed(
        amount,
        "rural_class",
        f"rural class {cls}: {per_person} fen per person × {n} members = {amount} fen",
        f"农村低保{cls}类：每人{per_person}分 × {n}人 = {amount}分",
        standard.monthly_per_person_fen,
    )


def _fixed(household: Household, standard: StandardSet) -> Computed:
    n, per_person = household.persons_paid, standard.monthly_per_person_fen
    if household.members_self_care:
        return _basic_and_care(household, standard)
    care = standard.care_amounts_fen.get(household.self_care or "", 0)
    amount = (per_person + care) * n
    care_en = f" + care ({household.self_care} self-care) {care}" if care else ""
    care_zh = f" + 照料护理（{household.self_care}）{care}分" if care else ""
    eligible = kind_of(household.programme) is Kind.PER_PERSON
    who_en, who_zh = (" eligible persons", "名符合条件人员") if eligible else ("", "人")
    return Computed(
        amount,
        "fixed",
        f"{household.programme}: ({per_person}{care_en}) fen per person × {n}{who_en}"
        f" = {amount} fen",
        f"{household.programme}：每人（{per_person}分{care_zh}）× {n}{who_zh} = {amount}分",
        per_person,
    )


SELF_CARE_ZH = {"full": "全自理", "partial": "半失能", "none": "全失能"}


def _basic_and_care(household: Household, standard: StandardSet) -> Computed:
    """Extreme poverty (PAY-1): the basic living standard per person plus, for each person, the
    care standard of their self-care ability."""
    n, basic = household.household_size, standard.monthly_per_person_fen
    cares = [(a, standard.care_amounts_fen.get(a, 0)) for a in household.members_self_care]
    amount = basic * n + sum(fen for _, fen in cares)
    care_en = " + ".join(f"{fen} ({a} self-care)" for a, fen in cares)
    care_zh = " + ".join(f"{fen}分（{SELF_CARE_ZH.get(a, a)}）" for a, fen in cares)
    return Computed(
        amount,
        "basic_and_care",
        f"{household.programme}: basic standard {basic} fen × {n} + care standard {care_en}"
        f" = {amount} fen",
        f"{household.programme}：基本生活标准{basic}分 × {n}人 + 照料护理标准{care_zh}"
        f" = {amount}分",
        basic,
    )
