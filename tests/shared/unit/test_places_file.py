"""A places file is read and checked row by row, without a database."""

from __future__ import annotations

from datetime import date

from shared.places.register import Place, Reject, parse_places

HEADER = "code,name,level,parent,valid_from,valid_to\n"


def test_a_good_file_gives_townships_and_villages_by_row() -> None:
    # given a township (NBS 12-digit form) and a village under it, with a BOM
    content = (
        "\ufeff" + HEADER + "620102001000,甲街道,township,620102,2001-01-01,\n"
        "620102001001,乙社区,village,620102001000,2001-01-01,2030-12-31\n"
    ).encode()
    # when the file is parsed
    parsed = parse_places(content)
    # then both rows are places, the township code in its 9-digit form
    assert parsed.rejects == []
    assert parsed.rows == {
        2: Place("620102001", "甲街道", "township", "620102", date(2001, 1, 1)),
        3: Place("620102001001", "乙社区", "village", "620102001", date(2001, 1, 1),
                 date(2030, 12, 31)),
    }  # fmt: skip
    assert len(parsed.sha256) == 64 and parsed.village_parents_missing(set()) == []


def test_every_bad_row_is_reported_by_row_and_field() -> None:
    content = (
        (
            HEADER + "62010200,甲,township,620102,2001-01-01,\n"  # code too short
            "620102002,乙,township,620103,2001-01-01,\n"  # parent not its county
            "629999001,丙,township,629999,2001-01-01,\n"  # no such county
            "620102004,,township,620102,2001-01-01,\n"  # no name
            "620102005,丁\x07,township,620102,2001-01-01,\n"  # control character
            "620102006,戊,township,620102,2021-01-01,2020-12-31\n"  # closes before it opens
            "620102007,己,town,620102,2001-13-01,\n"  # bad level, bad date
            "620102008,庚,township,620102,2001-01-01\n"  # a field short
            "620102009001,辛,village,620102009,2001-01-01,\n"  # its township is nowhere
        ).encode()
    )
    parsed = parse_places(content)
    assert (2, "code") in {(r.row, r.field) for r in parsed.rejects}
    assert {(r.row, r.field) for r in parsed.rejects} >= {
        (3, "parent"), (4, "parent"), (5, "name"), (6, "name"), (7, "valid_to"), (8, "level"),
        (8, "valid_from"), (9, "row"),
    }  # fmt: skip
    assert parsed.village_parents_missing(set()) == [
        Reject(10, "parent", "township 620102009 is neither in the file nor registered")
    ]
    assert parsed.village_parents_missing({"620102009"}) == []


def test_a_wrong_header_or_a_repeated_code_is_refused() -> None:
    assert parse_places(b"code,name\n").rejects == [
        Reject(1, "header", "expected code,name,level,parent,valid_from,valid_to")
    ]
    twice = HEADER + "620102001,甲,township,620102,2001-01-01,\n" * 2
    assert parse_places(twice.encode()).rejects == [Reject(3, "code", "repeats row 2")]
    assert parse_places(HEADER.encode()).rejects == [Reject(0, "file", "no places in the file")]
    assert parse_places(b"\xff\xfe").rejects[0].field == "file"
