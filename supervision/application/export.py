"""A case's full trail for the file: JSON with personal data masked, and a printable page."""

from __future__ import annotations

import html
from typing import Any

from shared.privacy import PROTECTED, file_view, scrub

SERVICE_NAMES = {
    "intake": "受理",
    "verification": "审核审批",
    "payments": "资金发放",
    "supervision": "监督检查",
}


# what a complaint says may name who complained: read whole by the handling inspector only
# (ADR 0064), never in a case's file
_COMPLAINT_TEXT = {"supervision.ComplaintReceived": ("summary",)}


def export_entry(row: dict[str, Any]) -> dict[str, Any]:
    """One trail row as exported: the envelope, the masked data and both hashes."""
    metadata = row["metadata"]
    data = file_view(row["data"])
    for key in _COMPLAINT_TEXT.get(row["type"], ()):
        if data.get(key) is not None:
            data[key] = PROTECTED
    return {
        "service": row["service"],
        "type": row["type"],
        "schema_version": row["schema_version"],
        "stream_id": row["stream_id"],
        "stream_version": row["stream_version"],
        "position": row["position"],
        "event_id": str(row["event_id"]),
        "occurred_at": row["occurred_at"].isoformat(),
        "recorded_at": row["recorded_at"].isoformat(),
        "actor": metadata["actor"],
        "channel": metadata["channel"],
        "reason": metadata.get("reason"),
        "correlation_id": metadata.get("correlation_id"),
        "causation_id": metadata.get("causation_id"),
        "data": data,
        "prev_hash": row["prev_hash"],
        "hash": row["hash"],
    }


def trail_html(case_id: str, division: str | None, entries: list[dict[str, Any]], ok: bool) -> str:
    """A printable page (zh-CN) of the case's trail with the verdict of the hash chains."""
    rows = "\n".join(_html_row(i, e) for i, e in enumerate(entries, start=1))
    verdict = "哈希链校验通过" if ok else "哈希链校验未通过：记录可能被篡改"
    esc = html.escape
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>案件全程留痕 {esc(case_id)}</title>
<style>body{{font-family:"SimSun","Songti SC",serif;margin:2em}}
table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #333;padding:4px;
font-size:12px;vertical-align:top}}@media print{{a{{color:#000}}}}</style></head>
<body><h1>案件全程留痕记录</h1>
<p>案件编号：{esc(case_id)}　行政区划：{esc(division or "未知")}　共 {len(entries)} 条记录</p>
<p>校验结论：{verdict}</p>
<table><thead><tr><th>序号</th><th>记录时间</th><th>环节</th><th>事项</th><th>操作人（角色/机构/区划）</th>
<th>渠道</th><th>理由</th><th>哈希</th><th>封存摘要</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<p>本页由监督检查服务生成，个人信息已脱敏。</p></body></html>
"""


def _html_row(index: int, entry: dict[str, Any]) -> str:
    esc = html.escape
    actor = entry["actor"]
    who = f"{actor['id']}（{actor['role']}／{actor['org']}／{actor['division']}）"
    cells = [
        str(index),
        entry["recorded_at"],
        SERVICE_NAMES.get(entry["service"], entry["service"]),
        entry["type"],
        scrub(who),
        entry["channel"],
        scrub(entry["reason"] or ""),
        entry["hash"][:16] + "…",
        _seal_text(entry.get("sealed_in_digest")),
    ]
    return "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>"


def _seal_text(sealed: dict[str, Any] | None) -> str:
    if not sealed:
        return "尚未封存"
    return f"第{sealed['sequence']}期 {str(sealed['root'])[:16]}…"
