from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.desk_staff_read import DeskStaffRead
    from ..models.purchased_service_read import PurchasedServiceRead
    from ..models.training_read import TrainingRead


T = TypeVar("T", bound="CapacityFileRead")


@_attrs_define
class CapacityFileRead:
    """A division's capacity file (version 0 and empty when nothing was recorded).

    Attributes:
        division_code (str):
        version (int): the file's version: If-Match of the next record
        desk_staff (DeskStaffRead | None):
        purchased_services (list[PurchasedServiceRead]):
        purchased_fen_total (int):
        trainings (list[TrainingRead]):
    """

    division_code: str
    version: int
    desk_staff: DeskStaffRead | None
    purchased_services: list[PurchasedServiceRead]
    purchased_fen_total: int
    trainings: list[TrainingRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.desk_staff_read import DeskStaffRead

        division_code = self.division_code

        version = self.version

        desk_staff: dict[str, Any] | None
        if isinstance(self.desk_staff, DeskStaffRead):
            desk_staff = self.desk_staff.to_dict()
        else:
            desk_staff = self.desk_staff

        purchased_services = []
        for purchased_services_item_data in self.purchased_services:
            purchased_services_item = purchased_services_item_data.to_dict()
            purchased_services.append(purchased_services_item)

        purchased_fen_total = self.purchased_fen_total

        trainings = []
        for trainings_item_data in self.trainings:
            trainings_item = trainings_item_data.to_dict()
            trainings.append(trainings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "division_code": division_code,
                "version": version,
                "desk_staff": desk_staff,
                "purchased_services": purchased_services,
                "purchased_fen_total": purchased_fen_total,
                "trainings": trainings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.desk_staff_read import DeskStaffRead
        from ..models.purchased_service_read import PurchasedServiceRead
        from ..models.training_read import TrainingRead

        d = dict(src_dict)
        division_code = d.pop("division_code")

        version = d.pop("version")

        def _parse_desk_staff(data: object) -> DeskStaffRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                desk_staff_type_0 = DeskStaffRead.from_dict(data)

                return desk_staff_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeskStaffRead | None, data)

        desk_staff = _parse_desk_staff(d.pop("desk_staff"))

        purchased_services = []
        _purchased_services = d.pop("purchased_services")
        for purchased_services_item_data in _purchased_services:
            purchased_services_item = PurchasedServiceRead.from_dict(
                purchased_services_item_data
            )

            purchased_services.append(purchased_services_item)

        purchased_fen_total = d.pop("purchased_fen_total")

        trainings = []
        _trainings = d.pop("trainings")
        for trainings_item_data in _trainings:
            trainings_item = TrainingRead.from_dict(trainings_item_data)

            trainings.append(trainings_item)

        capacity_file_read = cls(
            division_code=division_code,
            version=version,
            desk_staff=desk_staff,
            purchased_services=purchased_services,
            purchased_fen_total=purchased_fen_total,
            trainings=trainings,
        )

        capacity_file_read.additional_properties = d
        return capacity_file_read

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
