"""Resident ID numbers (GB 11643) and division codes (GB/T 2260)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from shared.identity import (
    InvalidDivisionCode,
    InvalidResidentId,
    county_code_pattern,
    covers,
    division_code_pattern,
    divisions,
    jurisdiction_prefix,
    parse_division,
    township_or_village_pattern,
    validate_resident_id,
)

pytestmark = pytest.mark.req("GEN-7")

WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # GB 11643: W_i = 2^(i-1) mod 11, i = 18..2


def with_check(first17: str) -> str:
    """The full ID for 17 digits, its check character computed from the ISO 7064 rule."""
    remainder = (12 - sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11) % 11
    return first17 + ("X" if remainder == 10 else str(remainder))


def test_the_weights_of_the_rule_are_those_of_the_standard() -> None:
    assert WEIGHTS == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def test_a_published_example_id_is_valid_and_decoded() -> None:
    # given the standard's example number, whose check character is X
    # when it is validated
    rid = validate_resident_id("11010519491231002X")
    # then its birth date, sex and region are decoded
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex == "female"
    assert rid.region_code == "110105"
    assert rid.value == "11010519491231002X"


@pytest.mark.parametrize("first17", ["62010219850317123", "62242119700101001", "62300119991231987"])
def test_an_id_with_the_computed_check_character_is_valid(first17: str) -> None:
    value = with_check(first17)
    rid = validate_resident_id(value)
    assert rid.value == value
    assert rid.sex == ("male" if int(first17[16]) % 2 else "female")


def test_a_lowercase_x_is_accepted_and_normalised() -> None:
    assert validate_resident_id("11010519491231002x").value == "11010519491231002X"


def test_a_wrong_check_character_is_refused_saying_so() -> None:
    # given a valid ID with its last character changed
    valid = with_check("62010219850317123")
    wrong = valid[:17] + ("0" if valid[17] != "0" else "1")
    # when it is validated, then it is refused naming the check character
    with pytest.raises(InvalidResidentId) as refused:
        validate_resident_id(wrong)
    assert refused.value.code == "invalid-resident-id"
    assert refused.value.status == 422
    assert "check character" in refused.value.detail_en
    assert "校验码" in refused.value.detail_zh


@pytest.mark.parametrize(
    ("first17", "words"),
    [
        ("62010219850230123", "birth date"),  # 30 February
        ("62010218800101123", "1890"),
        ("62010230000101123", "future"),
    ],
)
def test_an_impossible_birth_date_is_refused(first17: str, words: str) -> None:
    with pytest.raises(InvalidResidentId) as refused:
        validate_resident_id(with_check(first17), today=date(2025, 1, 1))
    assert words in refused.value.detail_en


@pytest.mark.parametrize(
    "value", ["", "6201021985031712", "620102198503171234X", "62010219850317A23X"]
)
def test_wrong_length_or_characters_are_refused(value: str) -> None:
    with pytest.raises(InvalidResidentId):
        validate_resident_id(value)


def test_an_unknown_or_retired_region_code_is_still_accepted() -> None:
    # given IDs whose first six digits are no division in today's table: a retired code of the
    # former 酒泉地区, a plausible county code, another province's district
    for region in ("622101", "620199", "110105"):
        value = with_check(f"{region}19850317123")
        # then each is valid all the same (codes change over time: shared/data/README.md)
        assert validate_resident_id(value).region_code == region


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("region", ["000000", "999999", "620000", "990102", "001234"])
def test_an_address_code_outside_every_province_is_refused(region: str) -> None:
    # given an ID whose address code names no province, or only the province itself
    value = with_check(f"{region}19850317123")
    # then it is refused as no resident ID
    with pytest.raises(InvalidResidentId, match="address code"):
        validate_resident_id(value)


def test_the_mask_keeps_the_first_three_and_last_four() -> None:
    assert validate_resident_id("11010519491231002X").masked() == "110***********002X"
    assert str(validate_resident_id("11010519491231002X")) == "110***********002X"


def test_the_table_holds_the_province_its_cities_and_counties() -> None:
    table = divisions()
    assert table.get("620000").name == "甘肃省"  # type: ignore[union-attr]
    assert len([d for d in table if d.level == "city"]) == 14
    assert len([d for d in table if d.level == "county"]) == 86


@pytest.mark.parametrize(
    ("code", "full", "level", "prefix"),
    [
        ("62", "620000", "province", "62"),
        ("620000", "620000", "province", "62"),
        ("6201", "620100", "city", "6201"),
        ("620100", "620100", "city", "6201"),
        ("620102", "620102", "county", "620102"),
        ("620102001", "620102001", "township", "620102001"),
        ("620102001002", "620102001002", "village", "620102001002"),
        ("620102001000", "620102001", "township", "620102001"),
        ("620200003", "620200003", "township", "620200003"),  # 嘉峪关市 has no counties
    ],
)
def test_division_codes_of_every_level_parse(code: str, full: str, level: str, prefix: str) -> None:
    division = parse_division(code)
    assert (division.code, division.level) == (full, level)
    assert jurisdiction_prefix(code) == prefix


def test_a_county_knows_its_name_and_parent() -> None:
    county = parse_division("620102")
    assert (county.name, county.parent) == ("城关区", "620100")
    assert parse_division("620102001002").parent == "620102001"


@pytest.mark.parametrize(
    "code", ["63", "6299", "620199", "620199001", "620102000", "62010", "62a102", "", "6201020011"]
)
def test_codes_outside_the_province_or_malformed_are_refused(code: str) -> None:
    with pytest.raises(InvalidDivisionCode) as refused:
        parse_division(code)
    assert refused.value.code == "invalid-division-code"


@pytest.mark.req("GEN-6")
@pytest.mark.parametrize(
    ("principal", "target", "expected"),
    [
        ("62", "623027", True),
        ("620100", "620102001002", True),
        ("620100", "620100", True),
        ("620102", "620102001", True),
        ("620102", "620103001", False),
        ("620102", "620100", False),
        ("620102001", "620102002", False),
        ("620102001", "620102001005", True),
        ("620100", "620200", False),
        ("620102", "not-a-code", False),
    ],
)
def test_a_division_covers_exactly_what_lies_inside_it(
    principal: str, target: str, expected: bool
) -> None:
    assert covers(principal, target) is expected


def _level(code: str) -> str | None:
    try:
        return parse_division(code).level
    except InvalidDivisionCode:
        return None


def _candidates() -> list[str]:
    """Every code of the table at each length it may be written in, townships and villages
    under each (000 included), and near misses of every shape."""
    codes = ["62", "6200", "6299", "629999", "0", "", "６２", "62010", "6201020010"]
    for division in divisions():
        six = division.code
        codes += [six, six[:4], six + "000000", six + "000", six + "001", six + "999"]
        codes += [six + "001001", six + "001000", six + "000001", six[:5] + "9"]
    return codes


def test_the_documented_patterns_accept_exactly_what_parse_division_accepts() -> None:
    # given the patterns the OpenAPI documents publish for division codes
    any_code = re.compile(division_code_pattern())
    local = re.compile(township_or_village_pattern())
    county = re.compile(county_code_pattern())
    # when every candidate is both parsed and matched
    for code in _candidates():
        level = _level(code)
        # then each pattern says yes exactly where the parser does
        assert bool(any_code.fullmatch(code)) == (level is not None), code
        assert bool(local.fullmatch(code)) == (level in ("township", "village")), code
        assert bool(county.fullmatch(code)) == (level == "county" and len(code) == 6), code
