from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BankReturnRead")


@_attrs_define
class BankReturnRead:
    """What importing a return file (回盘文件) did to the run's payments.

    Attributes:
        run_id (str):
        batch_no (str):
        file_sha256 (str): SHA-256 of the file: a file is imported once
        records (int):
        settled (int): payments settled by this file
        failed (int): payments failed or returned by this file
        unchanged (int): results for payments that already had their outcome
        already_imported (bool): the same file was imported before: nothing done
    """

    run_id: str
    batch_no: str
    file_sha256: str
    records: int
    settled: int
    failed: int
    unchanged: int
    already_imported: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

        batch_no = self.batch_no

        file_sha256 = self.file_sha256

        records = self.records

        settled = self.settled

        failed = self.failed

        unchanged = self.unchanged

        already_imported = self.already_imported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "batch_no": batch_no,
                "file_sha256": file_sha256,
                "records": records,
                "settled": settled,
                "failed": failed,
                "unchanged": unchanged,
                "already_imported": already_imported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        run_id = d.pop("run_id")

        batch_no = d.pop("batch_no")

        file_sha256 = d.pop("file_sha256")

        records = d.pop("records")

        settled = d.pop("settled")

        failed = d.pop("failed")

        unchanged = d.pop("unchanged")

        already_imported = d.pop("already_imported")

        bank_return_read = cls(
            run_id=run_id,
            batch_no=batch_no,
            file_sha256=file_sha256,
            records=records,
            settled=settled,
            failed=failed,
            unchanged=unchanged,
            already_imported=already_imported,
        )

        bank_return_read.additional_properties = d
        return bank_return_read

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
