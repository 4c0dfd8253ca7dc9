"""Assistance standards per county and programme, versioned by effective date (PAY-1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

PROVINCE = "62"
DIBAO_PROGRAMMES = ("urban_dibao", "rural_dibao")
STANDARD_PROGRAMMES = (
    "urban_dibao",
    "rural_dibao",
    "extreme_poverty",
    "disability_subsidies",
    "elderly_subsidy",
    "orphan_allowance",  # 孤儿基本生活费, per child per month (PAY-9)
    "child_in_difficulty_allowance",  # 困境儿童基本生活补贴, per child per month (PAY-9)
)
EXTREME_POVERTY_MIN_RATIO_PERMILLE = 1300  # *default*: at least 1.3× the local dibao standard


@dataclass(frozen=True)
class StandardMigration:
    """Where a standard taken over from the system SafetyNet replaces came from (ADR 0037,
    docs/migration.md): the SHA-256 of its standards file and its row there."""

    source_sha256: str
    row: int
    policy: str = "migration"  # set under the old system's decision, not through the route


@event_type("payments.StandardSet", version=1)
@dataclass(frozen=True)
class StandardSet:
    """A county standard (or, for division 62, a provincial guidance minimum) from a date."""

    division_code: str
    programme: str
    effective_from: date
    monthly_per_person_fen: int
    floor_per_person_fen: int = 0
    class_amounts_fen: dict[str, int] = field(default_factory=dict)
    care_amounts_fen: dict[str, int] = field(default_factory=dict)  # self-care: full|partial|none
    lowering_reason: str | None = None  # why a lower level is accepted (保障水平不能降低), audited
    # imported from a standards file (ADR 0037); absent when set through the route: optional,
    # so the contract keeps its version
    migrated: StandardMigration | None = None


class StandardBelowGuidance(DomainError):
    """A county standard lower than the provincial guidance minimum (PAY-1)."""

    code = "standard-below-provincial-guidance"
    title_en = "The standard is below the provincial guidance minimum"
    title_zh = "标准低于省级指导标准"


class ExtremePovertyBelowDibao(DomainError):
    """An extreme-poverty standard under the default 1.3× the local dibao standard."""

    code = "extreme-poverty-below-ratio"
    title_en = "The extreme-poverty standard is below 1.3× the local dibao standard"
    title_zh = "特困人员基本生活标准低于当地低保标准的1.3倍"


class StandardLowered(DomainError):
    """A version below the one in force on its date, without a stated reason (the notice)."""

    code = "standard-lowered"
    title_en = "The protection level may not be lowered without a stated reason"
    title_zh = "保障水平不能降低（确需调整的须说明理由）"


class NoStandard(DomainError):
    """No standard is in force for the programme at the date."""

    code = "no-standard-in-force"
    title_en = "No standard is in force"
    title_zh = "该日期无有效标准"


class Standard(Aggregate):
    """The history of one division's standard for one programme."""

    stream_prefix = "standard"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.versions: list[StandardSet] = []

    @staticmethod
    def id_for(division_code: str, programme: str) -> str:
        """Aggregate id: `<division>:<programme>`."""
        return f"{division_code}:{programme}"

    def set(
        self,
        new: StandardSet,
        guidance: StandardSet | None,
        dibao: StandardSet | None,
    ) -> None:
        """Record a new version, refusing one below the guidance, the 1.3× dibao rule or, without
        a lowering reason, the version in force on its date."""
        _check_not_lowered(new, self.in_force(new.effective_from))
        _check_guidance(new, guidance)
        _check_extreme_poverty(new, dibao)
        self.record(new)

    def in_force(self, on: date) -> StandardSet | None:
        """The version in force on a date (the latest recorded wins for equal dates)."""
        candidates = [v for v in self.versions if v.effective_from <= on]
        if not candidates:
            return None
        return max(enumerate(candidates), key=lambda iv: (iv[1].effective_from, iv[0]))[1]

    def when_StandardSet(self, event: StandardSet) -> None:
        self.versions.append(event)


def _check_not_lowered(new: StandardSet, previous: StandardSet | None) -> None:
    """The level in force may rise, never fall without a reason; an amount the new version
    leaves out (a floor of 0, a class or care level not listed) is not read as a cut."""
    if previous is None or new.lowering_reason:
        return
    before = {
        "monthly_per_person_fen": previous.monthly_per_person_fen,
        "floor_per_person_fen": previous.floor_per_person_fen,
    }
    after = {"monthly_per_person_fen": new.monthly_per_person_fen}
    if new.floor_per_person_fen:
        after["floor_per_person_fen"] = new.floor_per_person_fen
    for name in ("class_amounts_fen", "care_amounts_fen"):
        before |= {f"{name}.{k}": v for k, v in getattr(previous, name).items()}
        after |= {f"{name}.{k}": v for k, v in getattr(new, name).items()}
    lowered = [name for name, amount in after.items() if amount < before.get(name, 0)]
    if lowered:
        raise StandardLowered(
            f"{', '.join(lowered)} would fall below the version in force on {new.effective_from};"
            " give lowering_reason to record why the level is lowered",
            f"{'、'.join(lowered)}低于{new.effective_from}起执行的现行标准；确需降低的须填写降低理由",
            field=lowered[0],
        )


def _check_guidance(new: StandardSet, guidance: StandardSet | None) -> None:
    if guidance is None or new.division_code == PROVINCE:
        return
    if new.monthly_per_person_fen < guidance.monthly_per_person_fen:
        raise StandardBelowGuidance(
            f"monthly_per_person_fen {new.monthly_per_person_fen} is below the provincial"
            f" guidance {guidance.monthly_per_person_fen} in force on {new.effective_from}",
            f"monthly_per_person_fen（每人每月标准）{new.monthly_per_person_fen}分低于"
            f"{new.effective_from}起执行的省级指导标准{guidance.monthly_per_person_fen}分",
            field="monthly_per_person_fen",
            guidance_fen=guidance.monthly_per_person_fen,
        )
    for cls, minimum in guidance.class_amounts_fen.items():
        if new.class_amounts_fen.get(cls, minimum) < minimum:
            raise StandardBelowGuidance(
                f"class_amounts_fen.{cls} is below the provincial guidance {minimum}",
                f"class_amounts_fen.{cls}（{cls}类补助水平）低于省级指导标准{minimum}分",
                field=f"class_amounts_fen.{cls}",
                guidance_fen=minimum,
            )


def minimum_extreme_poverty(dibao_fen: int) -> int:
    """The lowest extreme-poverty standard allowed by the default ratio (rounded up to the fen)."""
    return -(-dibao_fen * EXTREME_POVERTY_MIN_RATIO_PERMILLE // 1000)


def _check_extreme_poverty(new: StandardSet, dibao: StandardSet | None) -> None:
    if new.programme != "extreme_poverty" or dibao is None:
        return
    minimum = minimum_extreme_poverty(dibao.monthly_per_person_fen)
    if new.monthly_per_person_fen < minimum:
        raise ExtremePovertyBelowDibao(
            f"monthly_per_person_fen {new.monthly_per_person_fen} is below 1.3 × the local"
            f" {dibao.programme} standard {dibao.monthly_per_person_fen} = {minimum}",
            f"monthly_per_person_fen（每人每月标准）{new.monthly_per_person_fen}分低于当地"
            f"低保标准{dibao.monthly_per_person_fen}分的1.3倍（{minimum}分）",
            field="monthly_per_person_fen",
            minimum_fen=minimum,
        )
