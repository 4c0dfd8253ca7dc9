from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coordination_file_read_tasks import CoordinationFileReadTasks
    from ..models.mechanism_read import MechanismRead
    from ..models.meeting_read import MeetingRead


T = TypeVar("T", bound="CoordinationFileRead")


@_attrs_define
class CoordinationFileRead:
    """A county's or city's coordination file for a year (version 0 and empty: nothing filed).

    Attributes:
        file_id (str): division code and year
        version (int): the file's version: If-Match of the next record
        mechanism (MechanismRead | None):
        meetings (list[MeetingRead]):
        tasks (CoordinationFileReadTasks): task id → its latest report
    """

    file_id: str
    version: int
    mechanism: MechanismRead | None
    meetings: list[MeetingRead]
    tasks: CoordinationFileReadTasks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.mechanism_read import MechanismRead

        file_id = self.file_id

        version = self.version

        mechanism: dict[str, Any] | None
        if isinstance(self.mechanism, MechanismRead):
            mechanism = self.mechanism.to_dict()
        else:
            mechanism = self.mechanism

        meetings = []
        for meetings_item_data in self.meetings:
            meetings_item = meetings_item_data.to_dict()
            meetings.append(meetings_item)

        tasks = self.tasks.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
                "version": version,
                "mechanism": mechanism,
                "meetings": meetings,
                "tasks": tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.coordination_file_read_tasks import CoordinationFileReadTasks
        from ..models.mechanism_read import MechanismRead
        from ..models.meeting_read import MeetingRead

        d = dict(src_dict)
        file_id = d.pop("file_id")

        version = d.pop("version")

        def _parse_mechanism(data: object) -> MechanismRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mechanism_type_0 = MechanismRead.from_dict(data)

                return mechanism_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MechanismRead | None, data)

        mechanism = _parse_mechanism(d.pop("mechanism"))

        meetings = []
        _meetings = d.pop("meetings")
        for meetings_item_data in _meetings:
            meetings_item = MeetingRead.from_dict(meetings_item_data)

            meetings.append(meetings_item)

        tasks = CoordinationFileReadTasks.from_dict(d.pop("tasks"))

        coordination_file_read = cls(
            file_id=file_id,
            version=version,
            mechanism=mechanism,
            meetings=meetings,
            tasks=tasks,
        )

        coordination_file_read.additional_properties = d
        return coordination_file_read

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
