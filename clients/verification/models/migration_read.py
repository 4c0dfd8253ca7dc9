from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.imported_by import ImportedBy
    from ..models.migration_reject import MigrationReject


T = TypeVar("T", bound="MigrationRead")


@_attrs_define
class MigrationRead:
    """An import of a caseload file: its progress, what it imported and what it refused.

    Attributes:
        migration_id (str):
        source_sha256 (str): SHA-256 of the file, as the migrated events carry it
        scope (str): the county imported into (62: the province)
        file_name (str):
        file_format (str): csv | xlsx
        status (str): running | completed
        imported_by (ImportedBy): Who imported the file.
        rows_total (int | None):
        rows_done (int):
        households_done (int): households committed, in file order
        households_imported (int):
        households_rejected (int):
        rows_rejected (int): refused cells (rows × fields) in the report
        started_at (datetime.datetime):
        updated_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        rejects (list[MigrationReject]): the first 1000 rejects
        rejects_truncated (bool):
    """

    migration_id: str
    source_sha256: str
    scope: str
    file_name: str
    file_format: str
    status: str
    imported_by: ImportedBy
    rows_total: int | None
    rows_done: int
    households_done: int
    households_imported: int
    households_rejected: int
    rows_rejected: int
    started_at: datetime.datetime
    updated_at: datetime.datetime
    finished_at: datetime.datetime | None
    rejects: list[MigrationReject]
    rejects_truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        migration_id = self.migration_id

        source_sha256 = self.source_sha256

        scope = self.scope

        file_name = self.file_name

        file_format = self.file_format

        status = self.status

        imported_by = self.imported_by.to_dict()

        rows_total: int | None
        rows_total = self.rows_total

        rows_done = self.rows_done

        households_done = self.households_done

        households_imported = self.households_imported

        households_rejected = self.households_rejected

        rows_rejected = self.rows_rejected

        started_at = self.started_at.isoformat()

        updated_at = self.updated_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        rejects = []
        for rejects_item_data in self.rejects:
            rejects_item = rejects_item_data.to_dict()
            rejects.append(rejects_item)

        rejects_truncated = self.rejects_truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "migration_id": migration_id,
                "source_sha256": source_sha256,
                "scope": scope,
                "file_name": file_name,
                "file_format": file_format,
                "status": status,
                "imported_by": imported_by,
                "rows_total": rows_total,
                "rows_done": rows_done,
                "households_done": households_done,
                "households_imported": households_imported,
                "households_rejected": households_rejected,
                "rows_rejected": rows_rejected,
                "started_at": started_at,
                "updated_at": updated_at,
                "finished_at": finished_at,
                "rejects": rejects,
                "rejects_truncated": rejects_truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.imported_by import ImportedBy
        from ..models.migration_reject import MigrationReject

        d = dict(src_dict)
        migration_id = d.pop("migration_id")

        source_sha256 = d.pop("source_sha256")

        scope = d.pop("scope")

        file_name = d.pop("file_name")

        file_format = d.pop("file_format")

        status = d.pop("status")

        imported_by = ImportedBy.from_dict(d.pop("imported_by"))

        def _parse_rows_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rows_total = _parse_rows_total(d.pop("rows_total"))

        rows_done = d.pop("rows_done")

        households_done = d.pop("households_done")

        households_imported = d.pop("households_imported")

        households_rejected = d.pop("households_rejected")

        rows_rejected = d.pop("rows_rejected")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        rejects = []
        _rejects = d.pop("rejects")
        for rejects_item_data in _rejects:
            rejects_item = MigrationReject.from_dict(rejects_item_data)

            rejects.append(rejects_item)

        rejects_truncated = d.pop("rejects_truncated")

        migration_read = cls(
            migration_id=migration_id,
            source_sha256=source_sha256,
            scope=scope,
            file_name=file_name,
            file_format=file_format,
            status=status,
            imported_by=imported_by,
            rows_total=rows_total,
            rows_done=rows_done,
            households_done=households_done,
            households_imported=households_imported,
            households_rejected=households_rejected,
            rows_rejected=rows_rejected,
            started_at=started_at,
            updated_at=updated_at,
            finished_at=finished_at,
            rejects=rejects,
            rejects_truncated=rejects_truncated,
        )

        migration_read.additional_properties = d
        return migration_read

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
