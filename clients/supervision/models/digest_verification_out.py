from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.finding_out import FindingOut


T = TypeVar("T", bound="DigestVerificationOut")


@_attrs_define
class DigestVerificationOut:
    """The verdict of re-deriving every digest from today's copies.

    Attributes:
        ok (bool):
        digest_chain_ok (bool):
        digests_checked (int):
        events_checked (int):
        findings (list[FindingOut]):
    """

    ok: bool
    digest_chain_ok: bool
    digests_checked: int
    events_checked: int
    findings: list[FindingOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ok = self.ok

        digest_chain_ok = self.digest_chain_ok

        digests_checked = self.digests_checked

        events_checked = self.events_checked

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "digest_chain_ok": digest_chain_ok,
                "digests_checked": digests_checked,
                "events_checked": events_checked,
                "findings": findings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.finding_out import FindingOut

        d = dict(src_dict)
        ok = d.pop("ok")

        digest_chain_ok = d.pop("digest_chain_ok")

        digests_checked = d.pop("digests_checked")

        events_checked = d.pop("events_checked")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingOut.from_dict(findings_item_data)

            findings.append(findings_item)

        digest_verification_out = cls(
            ok=ok,
            digest_chain_ok=digest_chain_ok,
            digests_checked=digests_checked,
            events_checked=events_checked,
            findings=findings,
        )

        digest_verification_out.additional_properties = d
        return digest_verification_out

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
