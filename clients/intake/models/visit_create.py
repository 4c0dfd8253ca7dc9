from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.visit_group import VisitGroup
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.need_applied import NeedApplied
    from ..models.need_met_on_site import NeedMetOnSite
    from ..models.need_referred import NeedReferred


T = TypeVar("T", bound="VisitCreate")


@_attrs_define
class VisitCreate:
    """A visit of a campaign: who, which group, when, the needs found and the help arranged.

    Attributes:
        resident_id (str): the person visited (a household's head)
        group (VisitGroup): The groups the notice names for visits (二(二) 统筹运用走访慰问活动…).
        visited_on (datetime.date):
        needs (list[NeedApplied | NeedMetOnSite | NeedReferred] | Unset):
        help_given (None | str | Unset): 慰问品、慰问金
    """

    resident_id: str
    group: VisitGroup
    visited_on: datetime.date
    needs: list[NeedApplied | NeedMetOnSite | NeedReferred] | Unset = UNSET
    help_given: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.need_met_on_site import NeedMetOnSite
        from ..models.need_referred import NeedReferred

        resident_id = self.resident_id

        group = self.group.value

        visited_on = self.visited_on.isoformat()

        needs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = []
            for needs_item_data in self.needs:
                needs_item: dict[str, Any]
                if isinstance(needs_item_data, NeedMetOnSite) or isinstance(
                    needs_item_data, NeedReferred
                ):
                    needs_item = needs_item_data.to_dict()
                else:
                    needs_item = needs_item_data.to_dict()

                needs.append(needs_item)

        help_given: None | str | Unset
        if isinstance(self.help_given, Unset):
            help_given = UNSET
        else:
            help_given = self.help_given

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resident_id": resident_id,
                "group": group,
                "visited_on": visited_on,
            }
        )
        if needs is not UNSET:
            field_dict["needs"] = needs
        if help_given is not UNSET:
            field_dict["help_given"] = help_given

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.need_applied import NeedApplied
        from ..models.need_met_on_site import NeedMetOnSite
        from ..models.need_referred import NeedReferred

        d = dict(src_dict)
        resident_id = d.pop("resident_id")

        group = VisitGroup(d.pop("group"))

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        _needs = d.pop("needs", UNSET)
        needs: list[NeedApplied | NeedMetOnSite | NeedReferred] | Unset = UNSET
        if _needs is not UNSET:
            needs = []
            for needs_item_data in _needs:

                def _parse_needs_item(
                    data: object,
                ) -> NeedApplied | NeedMetOnSite | NeedReferred:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        needs_item_type_0 = NeedMetOnSite.from_dict(data)

                        return needs_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        needs_item_type_1 = NeedReferred.from_dict(data)

                        return needs_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    needs_item_type_2 = NeedApplied.from_dict(data)

                    return needs_item_type_2

                needs_item = _parse_needs_item(needs_item_data)

                needs.append(needs_item)

        def _parse_help_given(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        help_given = _parse_help_given(d.pop("help_given", UNSET))

        visit_create = cls(
            resident_id=resident_id,
            group=group,
            visited_on=visited_on,
            needs=needs,
            help_given=help_given,
        )

        return visit_create
