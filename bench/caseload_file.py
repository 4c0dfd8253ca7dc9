"""A deterministic caseload file (docs/migration.md) with a known share of bad rows.

Used by the migration tests and by `make bench-migration`: the same seed gives the same file,
and the generator says which households are good and which rows are bad, in which field.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from shared.identity import check_char
from verification.application.migration.layout import COLUMNS

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "桂兰秀英建国志强玉梅海燕春花永红德明淑珍文华丽娟国庆小军红霞凤英金花学军"
RELATIVES = ("spouse", "child", "parent", "grandchild")
BIRTH_DAYS = 21_900  # 1940-01-01 and the 60 years after: 21.9 million distinct IDs per county
# Each corruption: the column it breaks and the bad text it writes there.
CORRUPTIONS = (
    ("member_resident_id", "bad-check"),
    ("programme", "dibao"),
    ("assessed_monthly_income_fen", "320.50"),
    ("approved_on", "2021-02-30"),
    ("member_relation", "cousin"),
    ("bank_account", "6228-XYZ"),
)


@dataclass
class Expected:
    """What an import of the file must find."""

    good: set[str] = field(default_factory=set)  # household refs that must be imported
    bad_rows: dict[int, str] = field(default_factory=dict)  # row number → the broken column
    rows: int = 0


def resident_id(county: str, serial: int) -> str:
    """A valid GB 11643 ID, distinct for each serial below 21.9 million."""
    born = date(1940, 1, 1) + timedelta(days=serial % BIRTH_DAYS)
    first17 = f"{county}{born:%Y%m%d}{serial // BIRTH_DAYS % 1000:03d}"
    return first17 + check_char(first17)


def write_caseload(
    path: Path, households: int, county: str, today: date, *, bad_share: float = 0.02, seed: int = 7
) -> Expected:
    """Write `households` households of the county, about `bad_share` of their rows broken."""
    rng = random.Random(seed)
    expected = Expected()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        serial, number = 0, 1
        for index in range(households):
            rows = list(_household(rng, index, county, today, serial))
            serial += len(rows)
            broken = rng.random() < bad_share * len(rows)
            if broken:
                which = rng.randrange(len(rows))
                column, text = CORRUPTIONS[index % len(CORRUPTIONS)]
                rows[which] = _corrupt(rows[which], column, text)
                expected.bad_rows[number + 1 + which] = column
            else:
                expected.good.add(rows[0]["household_ref"])
            for row in rows:
                writer.writerow([row.get(c, "") for c in COLUMNS])
            number += len(rows)
    expected.rows = number - 1
    return expected


def _corrupt(row: dict[str, str], column: str, text: str) -> dict[str, str]:
    if column == "member_resident_id":
        last = row[column][-1]
        text = row[column][:-1] + ("0" if last != "0" else "1")
    return {**row, column: text}


def _household(
    rng: random.Random, index: int, county: str, today: date, serial: int
) -> Iterator[dict[str, str]]:
    size = rng.choice((1, 1, 2, 2, 2, 3, 4))
    kind = rng.random()
    programme = (
        "urban_dibao" if kind < 0.45 else "rural_dibao" if kind < 0.85 else "extreme_poverty"
    )
    registration = "urban" if programme == "urban_dibao" else "rural"
    approved = today - timedelta(days=30 + rng.randrange(3_000))
    household = {
        "household_ref": f"LEGACY-{county}-{index:07d}",
        "programme": programme,
        "division_code": f"{county}{1 + index % 20:03d}",
        "registration": registration,
        "rural_class": str(rng.randint(1, 4)) if programme == "rural_dibao" else "",
        "approved_on": approved.isoformat(),
        "effective_from": approved.replace(day=1).isoformat(),
        "assessed_monthly_income_fen": str(rng.randrange(0, 40_000, 100)),
        "monthly_amount_fen": str(rng.randrange(30_000, 90_000, 100)) if kind > 0.95 else "",
        "bank_account": f"6228{index:015d}",
        "care_arrangement": rng.choice(("centralised", "scattered"))
        if programme == "extreme_poverty"
        else "",
    }
    for member in range(size):
        yield {
            **household,
            "member_resident_id": resident_id(county, serial + member),
            "member_name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
            "member_relation": "self" if member == 0 else rng.choice(RELATIVES),
            "member_disability_grade": str(rng.randint(1, 4)) if rng.random() < 0.05 else "",
            "member_self_care": rng.choice(("full", "partial", "none"))
            if programme == "extreme_poverty"
            else "",
        }


def main() -> None:
    """`python -m bench.caseload_file OUT.csv --households N --county C --today YYYY-MM-DD`."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--county", default="620102")
    parser.add_argument("--today", type=date.fromisoformat, required=True)
    parser.add_argument("--bad-share", type=float, default=0.02)
    args = parser.parse_args()
    expected = write_caseload(
        args.out, args.households, args.county, args.today, bad_share=args.bad_share
    )
    print(f"{args.out}: {args.households} households, {expected.rows} rows,"
          f" {len(expected.bad_rows)} bad rows")  # fmt: skip


if __name__ == "__main__":
    main()
