"""find_dates: every date inside prose, with its span; parse_date stays strict."""

from __future__ import annotations

import re

import pytest

import sanctionkit as sk
from sanctionkit.errors import InvalidDateError
from tests.conftest import shared_file

P = sk.PartialDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Born in Tehran on 2 March 1961", [("2 March 1961", P(1961, 3, 2))]),
        ("Nacido en Caracas el 4 de mayo de 1970", [("4 de mayo de 1970", P(1970, 5, 4))]),
        ("родился 3 мая 1962 г. в Москве", [("3 мая 1962 г", P(1962, 5, 3))]),
        ("born circa 1957; listed", [("circa 1957", P(1957, approximate=True))]),
        (
            "active between 1969 and 1971 in Kabul",
            [("between 1969 and 1971", sk.DateRange(P(1969), P(1971)))],
        ),
        # Japan MoF list, sheet 6's note: "同決議の採択（平成15年5月22日）以前に".
        ("同決議の採択（平成15年5月22日）以前に", [("平成15年5月22日", P(2003, 5, 22))]),
        # Japan MoF list, sheet 2, row 587: one line per alternative, the last Hijri.
        (
            "(a)1982年4月19日\n(b)1982年4月18日\n(c)1402年6月24日（ヒジュラ暦）",
            [
                ("1982年4月19日", P(1982, 4, 19)),
                ("1982年4月18日", P(1982, 4, 18)),
                ("1402年6月24日（ヒジュラ暦）", P(1982, 4, 19, True)),
            ],
        ),
    ],
)
def test_finds_each_date_with_its_span(
    text: str, expected: list[tuple[str, sk.PartialDate | sk.DateRange]]
) -> None:
    found = sk.find_dates(text)
    assert [(date.text, date.value) for date in found] == expected
    for date in found:
        assert text[date.span[0] : date.span[1]] == date.text


@pytest.mark.parametrize(
    "text",
    [
        "passport A1962B",  # part of a code
        "resolution 1483",  # a lone number before 1900
        "DOB 03/05/1962",  # day and month could be swapped: not even its year
        "1 2 3 4 5",
        "last week",  # relative phrases are not searched for
    ],
)
def test_finds_nothing_where_there_is_no_date(text: str) -> None:
    assert sk.find_dates(text) == []


def test_dayfirst_is_passed_on() -> None:
    [found] = sk.find_dates("DOB 03/05/1962 in Kabul", dayfirst=True)
    assert found.value == P(1962, 5, 3)
    assert found.span == (4, 14)


def test_parse_date_stays_strict_on_prose() -> None:
    with pytest.raises(InvalidDateError):
        sk.parse_date("Born in Tehran on 2 March 1961")


def test_text_longer_than_a_value_is_searched() -> None:
    text = "x " * sk.values.MAX_VALUE_LENGTH + "on 2 March 1961"
    assert [date.value for date in sk.find_dates(text)] == [P(1961, 3, 2)]


@pytest.fixture(scope="session")
def un_2024_text() -> str:
    return shared_file("un/consolidated-2024-11-30.xml").read_text(encoding="utf-8")


def test_un_comment_dates(un_2024_text: str) -> None:
    # UN consolidated list of 30 Nov 2024, Camará's COMMENTS1.
    match = re.search(r"<COMMENTS1>(Camará was listed on 18 May 2012[^<]*)<", un_2024_text)
    assert match is not None
    found = sk.find_dates(match.group(1))
    values = [date.value for date in found]
    assert values[0] == P(2012, 5, 18)  # "listed on 18 May 2012"
    assert P(2012, 4, 12) in values  # "the coup d'état of 12 April 2012"
    assert all(date.text != "2048" for date in found)  # "resolution 2048"


def test_un_note_date(un_2024_text: str) -> None:
    # UN consolidated list of 30 Nov 2024, a passport's NOTE.
    match = re.search(r"<NOTE>(issued for Djamel Mostefa, born on [^<]*)<", un_2024_text)
    assert match is not None
    [found] = sk.find_dates(match.group(1))
    assert (found.text, found.value) == ("25 Sep. 1973", P(1973, 9, 25))
