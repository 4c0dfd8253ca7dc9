from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VerificationIn")


@_attrs_define
class VerificationIn:
    """The handling inspector's finding.

    Attributes:
        upheld (bool):
        findings (str):
    """

    upheld: bool
    findings: str

    def to_dict(self) -> dict[str, Any]:
        upheld = self.upheld

        findings = self.findings

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "upheld": upheld,
                "findings": findings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        upheld = d.pop("upheld")

        findings = d.pop("findings")

        verification_in = cls(
            upheld=upheld,
            findings=findings,
        )

        return verification_in
