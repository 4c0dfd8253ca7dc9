"""Refusing a township the register says does not exist, where the county's list is loaded."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import DomainError
from shared.places.store import township_standing


class PlaceNotInForce(DomainError):
    """A township code that its county's register does not list, or lists as closed."""

    code = "place-not-in-force"
    status = 422
    title_en = "No such township on that day"
    title_zh = "该乡镇（街道）不存在或已撤销"


async def ensure_township_in_force(conn: AsyncConnection, code: str, day: date, field: str) -> None:
    """Refuse (422 naming `field`) a township unknown to, or closed in, its county's register.

    A county whose townships were never loaded keeps the default: any township code under a
    known county is accepted (the official list is loaded by operators).
    """
    standing = await township_standing(conn, code, day)
    if standing == "unknown":
        raise PlaceNotInForce(
            f"{field}: township {code} is not in the register of county {code[:6]}",
            f"{field}：县级区划 {code[:6]} 的乡镇名录中没有 {code}",
            field=field,
            division=code,
        )
    if standing == "not-in-force":
        raise PlaceNotInForce(
            f"{field}: township {code} is not in force on {day.isoformat()}",
            f"{field}：乡镇（街道）{code} 在 {day.isoformat()} 不在有效期内",
            field=field,
            division=code,
        )
