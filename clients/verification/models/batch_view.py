from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchView")


@_attrs_define
class BatchView:
    """A county batch: its households, the seed, the sample and which were visited.

    Attributes:
        batch_id (str):
        version (int):
        county_code (str):
        township_code (str):
        households (list[str]):
        rate (str):
        sample_size (int):
        seed (str):
        sample (list[str]):
        visited (list[str]):
        complete (bool):
        rederived_sample_matches (bool):
        policy_version (int | None | Unset):
        policy_rate (None | str | Unset):
        declared_relatives (list[str] | Unset): 近亲属备案：households always sampled beyond the random draw (INT-10)
    """

    batch_id: str
    version: int
    county_code: str
    township_code: str
    households: list[str]
    rate: str
    sample_size: int
    seed: str
    sample: list[str]
    visited: list[str]
    complete: bool
    rederived_sample_matches: bool
    policy_version: int | None | Unset = UNSET
    policy_rate: None | str | Unset = UNSET
    declared_relatives: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        batch_id = self.batch_id

        version = self.version

        county_code = self.county_code

        township_code = self.township_code

        households = self.households

        rate = self.rate

        sample_size = self.sample_size

        seed = self.seed

        sample = self.sample

        visited = self.visited

        complete = self.complete

        rederived_sample_matches = self.rederived_sample_matches

        policy_version: int | None | Unset
        if isinstance(self.policy_version, Unset):
            policy_version = UNSET
        else:
            policy_version = self.policy_version

        policy_rate: None | str | Unset
        if isinstance(self.policy_rate, Unset):
            policy_rate = UNSET
        else:
            policy_rate = self.policy_rate

        declared_relatives: list[str] | Unset = UNSET
        if not isinstance(self.declared_relatives, Unset):
            declared_relatives = self.declared_relatives

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "version": version,
                "county_code": county_code,
                "township_code": township_code,
                "households": households,
                "rate": rate,
                "sample_size": sample_size,
                "seed": seed,
                "sample": sample,
                "visited": visited,
                "complete": complete,
                "rederived_sample_matches": rederived_sample_matches,
            }
        )
        if policy_version is not UNSET:
            field_dict["policy_version"] = policy_version
        if policy_rate is not UNSET:
            field_dict["policy_rate"] = policy_rate
        if declared_relatives is not UNSET:
            field_dict["declared_relatives"] = declared_relatives

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        version = d.pop("version")

        county_code = d.pop("county_code")

        township_code = d.pop("township_code")

        households = cast(list[str], d.pop("households"))

        rate = d.pop("rate")

        sample_size = d.pop("sample_size")

        seed = d.pop("seed")

        sample = cast(list[str], d.pop("sample"))

        visited = cast(list[str], d.pop("visited"))

        complete = d.pop("complete")

        rederived_sample_matches = d.pop("rederived_sample_matches")

        def _parse_policy_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        policy_version = _parse_policy_version(d.pop("policy_version", UNSET))

        def _parse_policy_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_rate = _parse_policy_rate(d.pop("policy_rate", UNSET))

        declared_relatives = cast(list[str], d.pop("declared_relatives", UNSET))

        batch_view = cls(
            batch_id=batch_id,
            version=version,
            county_code=county_code,
            township_code=township_code,
            households=households,
            rate=rate,
            sample_size=sample_size,
            seed=seed,
            sample=sample,
            visited=visited,
            complete=complete,
            rederived_sample_matches=rederived_sample_matches,
            policy_version=policy_version,
            policy_rate=policy_rate,
            declared_relatives=declared_relatives,
        )

        batch_view.additional_properties = d
        return batch_view

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
