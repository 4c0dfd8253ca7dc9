"""Named domain errors: each refusal carries a stable machine code and zh-CN and en messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar


class DomainError(Exception):
    """A rule of the domain refused a command; rendered as RFC 9457 problem+json."""

    code: ClassVar[str] = "domain-rule-violated"
    status: ClassVar[int] = 422
    title_en: ClassVar[str] = "The request breaks a rule of the domain"
    title_zh: ClassVar[str] = "请求违反业务规则"

    def __init__(self, detail_en: str, detail_zh: str | None = None, **extensions: Any) -> None:
        super().__init__(detail_en)
        self.detail_en = detail_en
        self.detail_zh = detail_zh or self.title_zh
        self.extensions = extensions


class NotFound(DomainError):
    """The addressed resource does not exist (or is outside the caller's view)."""

    code = "not-found"
    status = 404
    title_en = "Not found"
    title_zh = "资源不存在"


class ConcurrencyConflict(DomainError):
    """An append expected a stream version that is no longer current; nothing was written."""

    code = "version-conflict"
    status = 409
    title_en = "The resource was changed by someone else"
    title_zh = "资源已被他人修改"

    def __init__(self, stream_id: str, expected: int | None, actual: int) -> None:
        super().__init__(
            f"stream {stream_id} is at version {actual}, expected {expected}",
            f"数据版本为 {actual}，请求基于版本 {expected}",
            stream_id=stream_id,
            expected_version=expected,
            actual_version=actual,
        )
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual


class AppendContended(DomainError):
    """An append holding the append lock met another unit of work's uncommitted events on one of
    its streams and gave way rather than wait (ADR 0002); nothing was written. Retry it."""

    code = "append-contended"
    status = 409
    title_en = "Someone else is changing the same record at this moment"
    title_zh = "他人正在修改同一记录"

    def __init__(self, stream_ids: Sequence[str]) -> None:
        which = stream_ids[0] if len(stream_ids) == 1 else f"one of {len(stream_ids)} streams"
        super().__init__(
            f"another unit of work is writing {which} now; nothing was written: retry",
            "另一笔业务正在写入同一记录，本次未写入任何内容，请重试",
            stream_ids=list(stream_ids[:10]),
        )
        self.stream_ids = tuple(stream_ids)


class Forbidden(DomainError):
    """The caller's role or jurisdiction does not allow this action."""

    code = "forbidden"
    status = 403
    title_en = "Not allowed"
    title_zh = "无权操作"


class DateInTheFuture(DomainError):
    """A fact is recorded as having happened on a day that has not come yet."""

    code = "date-in-the-future"
    title_en = "The date lies in the future"
    title_zh = "日期晚于今日"


def ensure_not_after_today(day: date, today: date, field: str) -> None:
    """Refuse a visit, meeting or other past fact dated after today (China's civil date)."""
    if day > today:
        raise DateInTheFuture(
            f"{field}: {day} is after today ({today})",
            f"{field}：{day}晚于今日（{today}）",
            field=field,
        )
