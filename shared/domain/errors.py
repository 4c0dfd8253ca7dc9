"""Named domain errors: each refusal carries a stable machine code and zh-CN and en messages."""

from __future__ import annotations

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


class Forbidden(DomainError):
    """The caller's role or jurisdiction does not allow this action."""

    code = "forbidden"
    status = 403
    title_en = "Not allowed"
    title_zh = "无权操作"
