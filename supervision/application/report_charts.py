"""Charts of the main SUP-8 series (PNG and SVG), drawn with matplotlib's Agg backend.

Each chart is a grouped bar chart with one group per county: either one bar per programme (for
figures that are per programme) or one bar per figure (for figures of the county as a whole).
Labels are Chinese when a CJK font is installed on the machine, English otherwise (DejaVu Sans
has no Chinese glyphs and would draw empty boxes).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from supervision.application.reports import ALL

ChartFormat = Literal["png", "svg"]
SeriesName = Literal[
    "applications",
    "processing-days",
    "spot-check-rate",
    "beneficiaries",
    "spending",
    "urgent-response",
    "oversight",
]
MEDIA_TYPES: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml"}
_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "AR PL UKai CN",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
)
_PROGRAMME_ZH = {
    "urban_dibao": "城市低保",
    "rural_dibao": "农村低保",
    "extreme_poverty": "特困供养",
    "temporary_assistance": "临时救助",
    "medical_assistance": "医疗救助",
    "disease_emergency": "疾病应急",
    "disaster_relief": "受灾救助",
    "education_assistance": "教育救助",
    "housing_assistance": "住房救助",
    "employment_assistance": "就业救助",
    "disability_subsidies": "残疾人两项补贴",
    "elderly_subsidy": "困难老年人补贴",
    "children_in_difficulty": "困境儿童",
    "vagrant_assistance": "流浪乞讨救助",
}


@dataclass(frozen=True)
class Series:
    """A chart: its figures, titles, unit and whether bars are per programme."""

    metrics: tuple[str, ...]
    title_zh: str
    title_en: str
    unit_zh: str
    unit_en: str
    by_programme: bool
    labels_zh: tuple[str, ...] = ()
    labels_en: tuple[str, ...] = ()
    scale: float = 1.0  # fen → yuan is 0.01


SERIES: dict[SeriesName, Series] = {
    "applications": Series(
        ("applications", "approvals", "rejections"),
        "申请与审批",
        "Applications and decisions",
        "件（按项目计）",
        "cases (per programme)",
        False,
        ("申请", "批准", "不予批准"),
        ("applications", "approvals", "rejections"),
    ),
    "processing-days": Series(
        ("processing_days_avg",), "平均办理天数", "Average processing time", "天", "days", True
    ),
    "spot-check-rate": Series(
        ("spot_check_rate",),
        "入户抽查比例",
        "Home-visit spot-check rate",
        "%",
        "%",
        False,
        ("抽查比例",),
        ("spot-check rate",),
        100.0,
    ),
    "beneficiaries": Series(
        ("beneficiaries",),
        "当月在保对象",
        "Beneficiaries payable in the month",
        "户",
        "households",
        True,
    ),
    "spending": Series(("spending_fen",), "发放金额", "Spending", "元", "yuan", True, scale=0.01),
    "urgent-response": Series(
        ("urgent_response_hours_avg",),
        "急难响应平均时长",
        "Urgent-case response time",
        "小时",
        "hours",
        False,
        ("平均响应",),
        ("average response",),
    ),
    "oversight": Series(
        ("complaints", "alerts", "inspection_findings"),
        "投诉、线索与督查发现",
        "Complaints, alerts and inspection findings",
        "件",
        "count",
        False,
        ("投诉举报", "违规线索", "督查发现问题"),
        ("complaints", "alerts", "inspection findings"),
    ),
}


@cache
def cjk_font() -> str | None:
    """The family name of an installed font that renders Chinese, or None."""
    from matplotlib import font_manager  # see `render`

    installed = {font.name for font in font_manager.fontManager.ttflist}
    found = next((family for family in _CJK_FAMILIES if family in installed), None)
    if found is None:
        found = next((name for name in sorted(installed) if "CJK" in name), None)
    return found


def chart_language() -> Literal["zh", "en"]:
    """Chinese labels when a CJK font is installed, English otherwise."""
    return "zh" if cjk_font() else "en"


def _figure_value(rows: Sequence[dict[str, Any]], metric: str) -> float | None:
    """A county-wide figure: counts add up over programmes; averages and rates live in "*"."""
    if metric.endswith(("_avg", "_rate")):
        return next((r[metric] for r in rows if r["programme"] == ALL), None)
    return float(sum(r[metric] or 0 for r in rows))


def chart_data(
    series: Series, rows: Sequence[dict[str, Any]], zh: bool
) -> tuple[list[str], list[tuple[str, list[float]]]]:
    """(county labels, [(bar label, one value per county)]) for the series."""
    counties = sorted({r["county_code"] for r in rows})
    by_county = {c: [r for r in rows if r["county_code"] == c] for c in counties}
    bars: list[tuple[str, list[float]]] = []
    if series.by_programme:
        [metric] = series.metrics
        programmes = sorted({r["programme"] for r in rows if r["programme"] != ALL})
        for programme in programmes:
            values = []
            for county in counties:
                row = next((r for r in by_county[county] if r["programme"] == programme), None)
                values.append(float(row[metric] or 0) * series.scale if row else 0.0)
            if any(values):
                bars.append(
                    ((_PROGRAMME_ZH.get(programme, programme) if zh else programme), values)
                )
    else:
        labels = series.labels_zh if zh else series.labels_en
        for metric, label in zip(series.metrics, labels, strict=True):
            values = [(_figure_value(by_county[c], metric) or 0.0) * series.scale for c in counties]
            bars.append((label, values))
    return counties, bars


def render(
    name: SeriesName,
    rows: Sequence[dict[str, Any]],
    period: str,
    jurisdiction: str,
    fmt: ChartFormat,
) -> bytes:
    """The series `name` as a PNG or SVG document."""
    # matplotlib is imported when the first chart is drawn, not when the service starts: it
    # would add half a second (its font list) to every start of supervision
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.ticker import MaxNLocator

    series = SERIES[name]
    font = cjk_font()
    zh = font is not None
    counties, bars = chart_data(series, rows, zh)
    figure = Figure(figsize=(max(6.4, 1.2 * len(counties) + 3), 4.8), dpi=100, layout="tight")
    axes = figure.add_subplot()
    title = series.title_zh if zh else series.title_en
    axes.set_title(
        f"{title} {period}（{jurisdiction}）" if zh else f"{title}, {period} ({jurisdiction})"
    )
    axes.set_xlabel("县级区划" if zh else "county")
    axes.set_ylabel(series.unit_zh if zh else series.unit_en)
    if counties and bars:
        width = 0.8 / len(bars)
        for index, (label, values) in enumerate(bars):
            offsets = [n + (index - (len(bars) - 1) / 2) * width for n in range(len(counties))]
            container = axes.bar(offsets, values, width, label=label)
            axes.bar_label(
                container,
                fmt="%.2f" if series.scale != 1 or _fractional(values) else "%d",
                fontsize=7,
            )
        axes.set_xticks(range(len(counties)), counties)
        axes.legend(fontsize=8)
        if series.scale == 1 and not any(m.endswith(("_avg", "_rate")) for m in series.metrics):
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        axes.text(
            0.5,
            0.5,
            "本月无数据" if zh else "no data for the month",
            ha="center",
            va="center",
            transform=axes.transAxes,
        )
        axes.set_xticks([])
    if font:
        for text in figure.findobj(Text):
            text.set_fontfamily(font)
    out = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {}
    figure.savefig(out, format=fmt, metadata=metadata)
    return out.getvalue()


def _fractional(values: Sequence[float]) -> bool:
    return any(v != int(v) for v in values)
