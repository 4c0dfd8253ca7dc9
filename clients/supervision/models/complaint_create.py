from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.allegation import Allegation
from ..models.complaint_channel import ComplaintChannel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complainant_in import ComplainantIn


T = TypeVar("T", bound="ComplaintCreate")


@_attrs_define
class ComplaintCreate:
    """A complaint or report as the hotline, website or letter office registers it.

    Attributes:
        channel (ComplaintChannel): How the complaint reached supervision.
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county (6), or a
            township (9) or village (12 digits) under a county
        allegation (Allegation): What the complaint alleges (the problems the notice names).
        summary (str):
        anonymous (bool | Unset):  Default: False.
        complainant (ComplainantIn | None | Unset):
        subject_case_id (None | str | Unset): the case complained about, as its audit trail names it (an application
            id); one supervision has not seen in the caller's jurisdiction is a 422 `unknown-case`. Left out for a complaint
            about no particular case
    """

    channel: ComplaintChannel
    division_code: str
    allegation: Allegation
    summary: str
    anonymous: bool | Unset = False
    complainant: ComplainantIn | None | Unset = UNSET
    subject_case_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.complainant_in import ComplainantIn

        channel = self.channel.value

        division_code = self.division_code

        allegation = self.allegation.value

        summary = self.summary

        anonymous = self.anonymous

        complainant: dict[str, Any] | None | Unset
        if isinstance(self.complainant, Unset):
            complainant = UNSET
        elif isinstance(self.complainant, ComplainantIn):
            complainant = self.complainant.to_dict()
        else:
            complainant = self.complainant

        subject_case_id: None | str | Unset
        if isinstance(self.subject_case_id, Unset):
            subject_case_id = UNSET
        else:
            subject_case_id = self.subject_case_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "division_code": division_code,
                "allegation": allegation,
                "summary": summary,
            }
        )
        if anonymous is not UNSET:
            field_dict["anonymous"] = anonymous
        if complainant is not UNSET:
            field_dict["complainant"] = complainant
        if subject_case_id is not UNSET:
            field_dict["subject_case_id"] = subject_case_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complainant_in import ComplainantIn

        d = dict(src_dict)
        channel = ComplaintChannel(d.pop("channel"))

        division_code = d.pop("division_code")

        allegation = Allegation(d.pop("allegation"))

        summary = d.pop("summary")

        anonymous = d.pop("anonymous", UNSET)

        def _parse_complainant(data: object) -> ComplainantIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                complainant_type_0 = ComplainantIn.from_dict(data)

                return complainant_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComplainantIn | None | Unset, data)

        complainant = _parse_complainant(d.pop("complainant", UNSET))

        def _parse_subject_case_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_case_id = _parse_subject_case_id(d.pop("subject_case_id", UNSET))

        complaint_create = cls(
            channel=channel,
            division_code=division_code,
            allegation=allegation,
            summary=summary,
            anonymous=anonymous,
            complainant=complainant,
            subject_case_id=subject_case_id,
        )

        return complaint_create
