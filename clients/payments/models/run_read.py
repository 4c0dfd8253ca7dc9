from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unpayable_read import UnpayableRead


T = TypeVar("T", bound="RunRead")


@_attrs_define
class RunRead:
    """A run and its reconciliation totals.

    Attributes:
        run_id (str):
        county_code (str):
        period (str):
        status (str):
        version (int):
        started_by (str):
        started_at (datetime.datetime):
        completed_at (datetime.datetime | None):
        instructed (int):
        settled (int):
        settled_fen (int):
        failed (int):
        channel (str | Unset): api | file (ADR 0038) Default: 'api'.
        unpayable (list[UnpayableRead] | Unset): due but not paid (e.g. no bank account) 无法发放名单
    """

    run_id: str
    county_code: str
    period: str
    status: str
    version: int
    started_by: str
    started_at: datetime.datetime
    completed_at: datetime.datetime | None
    instructed: int
    settled: int
    settled_fen: int
    failed: int
    channel: str | Unset = "api"
    unpayable: list[UnpayableRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

        county_code = self.county_code

        period = self.period

        status = self.status

        version = self.version

        started_by = self.started_by

        started_at = self.started_at.isoformat()

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        instructed = self.instructed

        settled = self.settled

        settled_fen = self.settled_fen

        failed = self.failed

        channel = self.channel

        unpayable: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unpayable, Unset):
            unpayable = []
            for unpayable_item_data in self.unpayable:
                unpayable_item = unpayable_item_data.to_dict()
                unpayable.append(unpayable_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "county_code": county_code,
                "period": period,
                "status": status,
                "version": version,
                "started_by": started_by,
                "started_at": started_at,
                "completed_at": completed_at,
                "instructed": instructed,
                "settled": settled,
                "settled_fen": settled_fen,
                "failed": failed,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if unpayable is not UNSET:
            field_dict["unpayable"] = unpayable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.unpayable_read import UnpayableRead

        d = dict(src_dict)
        run_id = d.pop("run_id")

        county_code = d.pop("county_code")

        period = d.pop("period")

        status = d.pop("status")

        version = d.pop("version")

        started_by = d.pop("started_by")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        instructed = d.pop("instructed")

        settled = d.pop("settled")

        settled_fen = d.pop("settled_fen")

        failed = d.pop("failed")

        channel = d.pop("channel", UNSET)

        _unpayable = d.pop("unpayable", UNSET)
        unpayable: list[UnpayableRead] | Unset = UNSET
        if _unpayable is not UNSET:
            unpayable = []
            for unpayable_item_data in _unpayable:
                unpayable_item = UnpayableRead.from_dict(unpayable_item_data)

                unpayable.append(unpayable_item)

        run_read = cls(
            run_id=run_id,
            county_code=county_code,
            period=period,
            status=status,
            version=version,
            started_by=started_by,
            started_at=started_at,
            completed_at=completed_at,
            instructed=instructed,
            settled=settled,
            settled_fen=settled_fen,
            failed=failed,
            channel=channel,
            unpayable=unpayable,
        )

        run_read.additional_properties = d
        return run_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
