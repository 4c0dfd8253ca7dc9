"""National identifiers: resident ID numbers (GB 11643-1999) and division codes (GB/T 2260)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from shared.clock import SystemClock
from shared.clock import today as civil_today
from shared.domain.errors import DomainError

Sex = Literal["male", "female"]
Level = Literal["province", "city", "county", "township", "village"]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH = date(1890, 1, 1)
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")  # ASCII digits only (\d and isdigit take ６, ٦)


class InvalidResidentId(DomainError):
    """A resident ID number is not a well-formed GB 11643 citizen identity number."""

    code = "invalid-resident-id"
    status = 422
    title_en = "Invalid resident ID number"
    title_zh = "公民身份号码无效"


class InvalidDivisionCode(DomainError):
    """A code is not a GB/T 2260 division of the province (or a township/village under one)."""

    code = "invalid-division-code"
    status = 422
    title_en = "Invalid administrative division code"
    title_zh = "行政区划代码无效"


@dataclass(frozen=True)
class ResidentId:
    """A validated 18-character resident ID number and what it encodes."""

    value: str
    birth_date: date
    sex: Sex
    region_code: str

    def masked(self) -> str:
        """The PIPL display form: first 3 and last 4 characters kept, e.g. `110***********002X`."""
        return self.value[:3] + "*" * 11 + self.value[-4:]

    def __str__(self) -> str:
        return self.masked()


def check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def validate_resident_id(value: str, *, today: date | None = None) -> ResidentId:
    """Validate a resident ID (length, digits, birth date, check character) and decode it."""
    if not isinstance(value, str):
        raise InvalidResidentId("a resident ID must be a string", "公民身份号码必须为字符串")
    normalised = value.strip().upper()
    if len(normalised) != 18:
        raise InvalidResidentId(
            f"a resident ID has 18 characters, this one has {len(normalised)}",
            f"公民身份号码应为18位，实际为{len(normalised)}位",
        )
    if not _ID_SHAPE.fullmatch(normalised):
        raise InvalidResidentId(
            "a resident ID is 17 digits followed by a digit or X",
            "公民身份号码应为17位数字加1位数字或X",
        )
    _check_region(normalised[:6])
    birth = _birth_date(normalised[6:14], today or civil_today(SystemClock()))
    if check_char(normalised[:17]) != normalised[17]:
        raise InvalidResidentId(
            "the check character (last character) does not match the first 17 digits",
            "校验码（最后一位）与前17位不符",
        )
    sex: Sex = "male" if int(normalised[16]) % 2 else "female"
    return ResidentId(normalised, birth, sex, normalised[:6])


def _check_region(prefix: str) -> None:
    """The address code must lie in a real province, below the province itself. A code that no
    longer exists is not refused (../shared/data/README.md: codes change over time, and some
    older IDs carry a city's code), so 620199 passes while 000000 and 999999 do not."""
    if prefix[:2] not in PROVINCE_CODES or prefix[2:] == "0000":
        raise InvalidResidentId(
            f"characters 1 to 6 ({prefix}) are not an address code within a province",
            f"第1至6位（{prefix}）不是省级行政区内的地址码",
        )


def _birth_date(digits: str, today: date) -> date:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidResidentId(
            "characters 7 to 14 are not a real birth date (YYYYMMDD)",
            "第7至14位不是有效的出生日期（YYYYMMDD）",
        ) from None
    if born > today:
        raise InvalidResidentId("the birth date lies in the future", "出生日期晚于当前日期")
    if born < _EARLIEST_BIRTH:
        raise InvalidResidentId("the birth date is before 1890", "出生日期早于1890年")
    return born


# GB/T 2260 province-level codes (and 71 Taiwan, 81 Hong Kong, 82 Macao, 83 for the residence
# permits of their residents): an ID's first two digits are always one of these.
PROVINCE_CODES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    }
)


@dataclass(frozen=True)
class Division:
    """One administrative division: full code (6, 9 or 12 digits), name if known, level, parent."""

    code: str
    name: str | None
    level: Level
    parent: str | None

    @property
    def prefix(self) -> str:
        """The code prefix every division inside this one starts with."""
        return jurisdiction_prefix(self.code)


class Divisions:
    """The province's division table (province, cities, counties) loaded from reference data."""

    def __init__(self, rows: list[Division]) -> None:
        self._by_code = {d.code: d for d in rows}
        self._parents = {d.parent for d in rows if d.parent}

    @classmethod
    def load(cls) -> Divisions:
        """Read `shared/reference/gansu-divisions.csv` through importlib.resources."""
        source = resources.files("shared.reference").joinpath("gansu-divisions.csv")
        reader = csv.DictReader(io.StringIO(source.read_text(encoding="utf-8")))
        return cls([_row_to_division(r) for r in reader])

    def get(self, code: str) -> Division | None:
        """The division with this 6-digit code, if the table has it."""
        return self._by_code.get(code)

    def children(self, code: str) -> list[Division]:
        """The divisions directly under this one, in code order."""
        return sorted((d for d in self._by_code.values() if d.parent == code), key=lambda d: d.code)

    def hosts_townships(self, code: str) -> bool:
        """True for a county, or a city without counties (嘉峪关市) that runs townships directly."""
        division = self._by_code.get(code)
        if division is None:
            return False
        return division.level == "county" or (
            division.level == "city" and code not in self._parents
        )

    def __iter__(self) -> Iterator[Division]:
        return iter(sorted(self._by_code.values(), key=lambda d: d.code))

    def __len__(self) -> int:
        return len(self._by_code)


def _row_to_division(row: dict[str, str]) -> Division:
    level = row["level"]
    if level not in ("province", "city", "county"):
        raise ValueError(f"unexpected division level {level!r} for {row['code']}")
    return Division(row["code"], row["name"], level, row["parent"] or None)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The shared, lazily loaded division table."""
    return Divisions.load()


def parse_division(code: str) -> Division:
    """Parse a division code: 2/6 (province), 4/6 (city), 6 (county), 9 (township), 12 (village).

    Township and village codes are accepted under any county of the table (and under a city
    without counties, 嘉峪关市), since the township list is loaded by operators; a 12-digit code
    padded with zeros (NBS style) stands for the county or township it pads.
    """
    if not isinstance(code, str) or not code.isascii() or not code.isdigit():
        raise _invalid(code, "a division code is made of digits", "行政区划代码应为数字")
    table = divisions()
    if len(code) in (2, 4, 6):
        full = code.ljust(6, "0")
        found = table.get(full)
        if found is None or (len(code) == 2 and found.level != "province"):
            raise _invalid(code, "no such division in the province", "本省无此行政区划")
        if len(code) == 4 and found.level != "city":
            raise _invalid(code, "no such city in the province", "本省无此市（州）")
        return found
    if len(code) in (9, 12):
        return _sub_county(code, table)
    raise _invalid(
        code, "a division code has 2, 4, 6, 9 or 12 digits", "行政区划代码应为2、4、6、9或12位"
    )


def _sub_county(code: str, table: Divisions) -> Division:
    # NBS statistical codes pad to 12 digits: 620102000000 is the county, 620102001000 a township.
    if len(code) == 12 and code[6:] == "000000":
        return parse_division(code[:6])
    if len(code) == 12 and code[9:] == "000":
        code = code[:9]
    if not table.hosts_townships(code[:6]):
        raise _invalid(
            code,
            "its first six digits are not a county of the province",
            "前6位不是本省的县级行政区划",
        )
    if code[6:9] == "000":
        raise _invalid(code, "the township part may not be 000", "乡镇代码段不能为000")
    if len(code) == 9:
        return Division(code, None, "township", code[:6])
    return Division(code, None, "village", code[:9])


def _invalid(code: object, en: str, zh: str) -> InvalidDivisionCode:
    return InvalidDivisionCode(
        f"division code {code!r}: {en}", f"行政区划代码“{code}”：{zh}", division=str(code)
    )


def jurisdiction_prefix(code: str) -> str:
    """The prefix of every code inside a division: 620000→62, 620100→6201, 9/12 digits unchanged."""
    division = parse_division(code)
    return {"province": division.code[:2], "city": division.code[:4]}.get(
        division.level, division.code
    )


def covers(principal_division: str, target_division: str) -> bool:
    """True when the target division lies inside (or is) the principal's division."""
    try:
        prefix = jurisdiction_prefix(principal_division)
        target = parse_division(target_division).code
    except InvalidDivisionCode:
        return False
    return target.startswith(prefix)


def _resident_id_field(value: str) -> str:
    try:
        return validate_resident_id(value).value
    except InvalidResidentId as bad:
        raise ValueError(bad.detail_en) from None  # pydantic reports ValueError as a 422 field


def _division_field(value: str) -> str:
    try:
        return parse_division(value).code
    except InvalidDivisionCode as bad:
        raise ValueError(bad.detail_en) from None


RESIDENT_ID_FORMAT = "gb11643"
RESIDENT_ID_PATTERN = "^[0-9]{17}[0-9Xx]$"
"""The shape `validate_resident_id` accepts: 17 ASCII digits and a digit or X (x is read as X)."""
"""The OpenAPI `format` of a resident ID field: GB 11643, check character included."""


class _Documented:
    """Annotation metadata adding keywords to a field's JSON Schema when a document is built."""

    def __init__(self, keywords: Callable[[], dict[str, Any]]) -> None:
        self.keywords = keywords

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema.update(self.keywords())
        return schema


def _resident_id_schema() -> dict[str, Any]:
    # the shape as a pattern (what a client can check offline); no pattern states the address
    # code, the birth date or the check character: the format names the whole rule
    return {
        "format": RESIDENT_ID_FORMAT,
        "pattern": RESIDENT_ID_PATTERN,
        "description": "18-character resident ID (GB 11643): 17 digits and a digit or X, a real "
        "address code and birth date, and the check character (ISO 7064 MOD 11-2)",
    }


_TOWNSHIP_PART = "(00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})"  # 001 to 999: never 000


@lru_cache(maxsize=1)
def division_code_pattern() -> str:
    """A regular expression matching exactly the codes `parse_division` accepts: 62, a city (4
    or 6 digits), any 6-digit code of the table (alone or padded with 000000), and a township
    (not 000) under a county, alone or with a 3-digit village."""
    table = divisions()
    cities = "|".join(d.code[:4] for d in table if d.level == "city")
    known = "|".join(d.code for d in table)
    local = township_or_village_pattern()[1:-1]
    return f"^(62|{cities}|({known})(000000)?|{local})$"


@lru_cache(maxsize=1)
def township_or_village_pattern() -> str:
    """A regular expression matching exactly the township (9 digits) and village (12) codes
    `parse_division` accepts: a county's code, a township part that is not 000, a village part."""
    table = divisions()
    counties = "|".join(d.code for d in table if table.hosts_townships(d.code))
    return f"^({counties}){_TOWNSHIP_PART}([0-9]{{3}})?$"


@lru_cache(maxsize=1)
def county_code_pattern() -> str:
    """A regular expression matching exactly the 6-digit county codes of the province."""
    return "^(" + "|".join(d.code for d in divisions() if d.level == "county") + ")$"


def _county_code_schema() -> dict[str, Any]:
    return {"pattern": county_code_pattern(), "description": "6-digit county code (GB/T 2260)"}


def _county_field(value: str) -> str:
    county = divisions().get(value) if len(value) == 6 else None
    if county is None or county.level != "county":
        raise ValueError("must be a 6-digit county code")
    return value


def division_code_or_empty() -> dict[str, Any]:
    """`json_schema_extra` of an optional query parameter read as a division code, where an
    empty value means the same as leaving it out."""
    return {"pattern": "^$|" + division_code_pattern()}


def _division_code_schema() -> dict[str, Any]:
    return {
        "pattern": division_code_pattern(),
        "description": "GB/T 2260 division code of the province: 62, a city (4 or 6 digits), "
        "a county (6), or a township (9) or village (12 digits) under a county",
    }


DIVISION_CODE = _Documented(_division_code_schema)
"""Documents a `str` the route parses itself as a division code: `Annotated[str, DIVISION_CODE]`
(the pattern is exactly what `parse_division` accepts)."""

COUNTY_CODE = _Documented(_county_code_schema)
"""Documents a `str` the route checks itself as a county code: `Annotated[str, COUNTY_CODE]`."""

ResidentIdStr = Annotated[str, AfterValidator(_resident_id_field), _Documented(_resident_id_schema)]
"""A request field holding a valid resident ID (normalised: upper-case X)."""

DivisionCodeStr = Annotated[
    str, AfterValidator(_division_field), _Documented(_division_code_schema)
]
"""A request field holding a valid division code (normalised to its full code)."""


def _township_or_village_field(value: str) -> str:
    division = parse_division(value)  # a valid code: `_division_field` ran first
    if division.level not in ("township", "village"):
        raise ValueError("must be a township (9-digit) or village (12-digit) division code")
    return division.code


def _township_or_village_schema() -> dict[str, Any]:
    return {
        "pattern": township_or_village_pattern(),
        "description": "GB/T 2260 code of a township (9 digits) or village (12 digits)",
    }


TownshipOrVillageCodeStr = Annotated[
    str,
    AfterValidator(_division_field),
    AfterValidator(_township_or_village_field),
    _Documented(_township_or_village_schema),
]
"""A request field holding where a household lives: a township's or a village's code."""

CountyCodeStr = Annotated[str, AfterValidator(_county_field), _Documented(_county_code_schema)]
"""A request field holding the 6-digit code of one of the province's counties."""
