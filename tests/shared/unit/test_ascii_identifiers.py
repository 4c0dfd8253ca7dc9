"""GEN-7: identifiers are ASCII digits only; look-alike digits are refused, never converted."""

from __future__ import annotations

import pytest

from shared.identity import (
    InvalidDivisionCode,
    InvalidResidentId,
    parse_division,
    validate_resident_id,
)

VALID = "11010519491231002X"
LOOK_ALIKES = {
    "full-width": str.maketrans("0123456789", "０１２３４５６７８９"),
    "arabic-indic": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    "devanagari": str.maketrans("0123456789", "०१२३४५६७८९"),
}


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("digits", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_resident_id_in_look_alike_digits_is_refused(digits: dict[int, str]) -> None:
    assert validate_resident_id(VALID).value == VALID
    look_alike = VALID.translate(digits)
    assert look_alike[:17].isdigit()  # what str.isdigit (and \d) would have let through
    with pytest.raises(InvalidResidentId):
        validate_resident_id(look_alike)
    with pytest.raises(InvalidResidentId):  # one look-alike digit is enough
        validate_resident_id(look_alike[:1] + VALID[1:])


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("digits", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_division_code_in_look_alike_digits_is_refused(digits: dict[int, str]) -> None:
    assert parse_division("620102001").code == "620102001"
    with pytest.raises(InvalidDivisionCode):
        parse_division("620102001".translate(digits))
