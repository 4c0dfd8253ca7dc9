from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.run_create_channel import RunCreateChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunCreate")


@_attrs_define
class RunCreate:
    """Start a county's monthly run.

    Attributes:
        county_code (str): 6-digit county code
        period (str): YYYY-MM: this month, last month late, or next month paid early (提前发放) (China's date); a later
            month is a 422 `period-not-due`, an earlier one a 422 `period-closed` (the next run pays back what no run paid)
        reason (str):
        funds_override_reason (None | str | Unset): pay beyond the available funds (needs scope payments:funds-override)
        hold_short_programmes (bool | Unset): start although a programme is short of money: pay the programmes funded,
            and hold the short ones whole (each of their months recorded unpayable `insufficient-funds`, paid back by a
            later run once the money is in; ADR 0067). Without it a run with a programme short is a 409 `insufficient-funds`
            naming `short_programmes`; not with `funds_override_reason` Default: False.
        channel (RunCreateChannel | Unset): api: the service pays through the bank's batch API; file: the county
            downloads the bank file and imports the bank's return file (回盘文件, ADR 0038) Default: RunCreateChannel.API.
    """

    county_code: str
    period: str
    reason: str
    funds_override_reason: None | str | Unset = UNSET
    hold_short_programmes: bool | Unset = False
    channel: RunCreateChannel | Unset = RunCreateChannel.API

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        period = self.period

        reason = self.reason

        funds_override_reason: None | str | Unset
        if isinstance(self.funds_override_reason, Unset):
            funds_override_reason = UNSET
        else:
            funds_override_reason = self.funds_override_reason

        hold_short_programmes = self.hold_short_programmes

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "county_code": county_code,
                "period": period,
                "reason": reason,
            }
        )
        if funds_override_reason is not UNSET:
            field_dict["funds_override_reason"] = funds_override_reason
        if hold_short_programmes is not UNSET:
            field_dict["hold_short_programmes"] = hold_short_programmes
        if channel is not UNSET:
            field_dict["channel"] = channel

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        period = d.pop("period")

        reason = d.pop("reason")

        def _parse_funds_override_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        funds_override_reason = _parse_funds_override_reason(
            d.pop("funds_override_reason", UNSET)
        )

        hold_short_programmes = d.pop("hold_short_programmes", UNSET)

        _channel = d.pop("channel", UNSET)
        channel: RunCreateChannel | Unset
        if isinstance(_channel, Unset):
            channel = UNSET
        else:
            channel = RunCreateChannel(_channel)

        run_create = cls(
            county_code=county_code,
            period=period,
            reason=reason,
            funds_override_reason=funds_override_reason,
            hold_short_programmes=hold_short_programmes,
            channel=channel,
        )

        return run_create
