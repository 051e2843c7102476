"""Dates written in the Japanese, Hijri and Persian calendars, converted to Gregorian."""

from __future__ import annotations

import datetime

import openpyxl
import pytest

import sanctionkit as sk
from sanctionkit.errors import AmbiguousDateError, InvalidDateError
from tests.conftest import shared_file

P = sk.PartialDate


def _days(start: datetime.date, end: datetime.date) -> sk.DateRange:
    return sk.DateRange(P.from_date(start), P.from_date(end))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Japan MoF list, notes of sheets 6 and 22: UNSCR 1483 was adopted on 22 May 2003.
        ("平成15年5月22日", P(2003, 5, 22)),
        ("平成23年9月17日", P(2011, 9, 17)),
        ("令和元年5月1日", P(2019, 5, 1)),  # the first day of Reiwa
        ("昭和64年1月7日", P(1989, 1, 7)),  # the last day of Showa
        ("平成元年", P(1989)),
        ("H12", P(2000)),
        ("S35", P(1960)),
        ("Heisei 12", P(2000)),
        ("Shōwa 35", P(1960)),
        ("H12.3.4", P(2000, 3, 4)),
        ("大正元年", P(1912)),
        ("明治45年", P(1912)),
    ],
)
def test_japanese_eras(text: str, expected: sk.PartialDate) -> None:
    found = sk.parse_date(text)
    assert found == expected
    assert isinstance(found, P)
    assert found.calendar == "japanese"
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("平成元年1月1日", "not in the Heisei era"),  # Heisei began on 8 January 1989
        ("令和元年4月30日", "not in the Reiwa era"),
        ("H32", "no year 32"),
        ("昭和65年", "no year 65"),
    ],
)
def test_dates_outside_their_era_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidDateError, match=reason):
        sk.parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Japan MoF list, sheet 2, row 587: born (a) 19 April 1982 (b) 18 April 1982
        # (c) 1402年6月24日（ヒジュラ暦）; (a) is the tabular calendar's day.
        ("1402年6月24日（ヒジュラ暦）", P(1982, 4, 19, True)),
        ("1402年6月24日(ヒジュラ暦)", P(1982, 4, 19, True)),
        # Same row, passport "2010年3月7日失効 ... ヒジュラ暦では ... 1431年3月21日失効".
        ("1431年3月21日(ヒジュラ暦)", P(2010, 3, 7, True)),
        # The civil tabular calendar's 1 Muharram 1446 is 8 July 2024 (Umm al-Qura
        # and the moon sighted in most countries: 7 July), hence approximate.
        ("1446/1/1 AH", P(2024, 7, 8, True)),
        ("14/02/1380 H", P(1960, 8, 8, True)),
    ],
)
def test_hijri_days(text: str, expected: sk.PartialDate) -> None:
    found = sk.parse_date(text)
    assert found == expected
    assert isinstance(found, P)
    assert found.calendar == "hijri"
    assert found.text == text


@pytest.mark.parametrize(
    "text", ["1380 AH", "1380AH", "1380 A.H.", "AH 1380", "1380 هـ", "١٣٨٠ هـ", "1380 ＡＨ"]
)
def test_a_hijri_year_alone_is_the_range_of_its_days(text: str) -> None:
    # 1 Muharram 1380 to 29 Dhu al-Hijja 1380 in the tabular calendar.
    found = sk.parse_date(text)
    assert found == _days(datetime.date(1960, 6, 26), datetime.date(1961, 6, 14))
    assert isinstance(found, sk.DateRange)
    assert found.start is not None
    assert found.start.calendar == "hijri"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1340 SH", _days(datetime.date(1961, 3, 21), datetime.date(1962, 3, 20))),
        ("۱۳۴۰ ش", _days(datetime.date(1961, 3, 21), datetime.date(1962, 3, 20))),
        # Nowruz 1403 was 20 March 2024; 1402 was a common year (Esfand 29 last).
        ("1403/01/01 SH", P(2024, 3, 20)),
        ("1402/12/29 SH", P(2024, 3, 19)),
        # 1403 is leap: Esfand 30 is the day before Nowruz 1404, 21 March 2025.
        ("1403/12/30 SH", P(2025, 3, 20)),
        ("1403 SH", _days(datetime.date(2024, 3, 20), datetime.date(2025, 3, 20))),
    ],
)
def test_persian_dates(text: str, expected: sk.PartialDate | sk.DateRange) -> None:
    found = sk.parse_date(text)
    assert found == expected
    end = found if isinstance(found, P) else found.start
    assert end is not None
    assert end.calendar == "persian"


def test_numeric_hijri_day_and_month_that_could_swap_are_refused() -> None:
    with pytest.raises(AmbiguousDateError):
        sk.parse_date("03/02/1380 H")
    assert sk.parse_date("03/02/1380 H", dayfirst=True) == P(1960, 7, 28, True)


@pytest.mark.parametrize("text", ["1402/12/30 SH", "1380/13 AH", "1380/12/31 AH"])
def test_impossible_calendar_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidDateError):
        sk.parse_date(text)


def test_a_bare_year_is_never_read_as_another_calendar() -> None:
    assert sk.parse_date("1380") == P(1380)
    assert sk.parse_date("1380").calendar is None  # type: ignore[union-attr]


def test_calendar_is_outside_equality_and_checked() -> None:
    assert P(2000, calendar="japanese") == P(2000)
    assert hash(P(2000, calendar="japanese")) == hash(P(2000))
    assert "calendar" not in repr(P(2000, calendar="japanese"))
    with pytest.raises(InvalidDateError, match="calendar must be"):
        P(2000, calendar="julian")


def test_calendar_round_trips_through_json() -> None:
    person = sk.Person(id="p", name="x", birth_dates=[sk.parse_date("1402年6月24日（ヒジュラ暦）")])
    data = sk.converter.unstructure(person)
    assert data["birth_dates"] == [{"date": "1982-04-19", "approximate": True, "calendar": "hijri"}]
    back = sk.converter.structure(data, sk.Person).birth_dates[0]
    assert isinstance(back, P)
    assert back.calendar == "hijri"


@pytest.fixture(scope="session")
def japan_hijri_cells() -> list[str]:
    book = openpyxl.load_workbook(shared_file("jp/shisantouketsu20260305.xlsx"), read_only=True)
    cells = [
        value
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str) and "ヒジュラ暦）" in value
    ]
    book.close()
    return cells


def test_japans_hijri_birth_date_reads_as_its_gregorian_alternative(
    japan_hijri_cells: list[str],
) -> None:
    # The cell lists (a) 1982年4月19日 (b) 1982年4月18日 (c) the Hijri date.
    cell = next(text for text in japan_hijri_cells if "(c)" in text)
    lines = cell.splitlines()
    hijri = sk.parse_date(lines[2].removeprefix("(c)"))
    gregorian = sk.parse_date(lines[0].removeprefix("(a)"))
    assert isinstance(hijri, P)
    assert isinstance(gregorian, P)
    assert (hijri.year, hijri.month, hijri.day) == (gregorian.year, gregorian.month, gregorian.day)
    assert hijri.calendar == "hijri"


# --- Hijri months by name ----------------------------------------------------
# No list in ../shared/data writes a Hijri month by name; "15 Ramadan 1400" is the
# example issue 13 names. Each expected day is the published date of the month's
# start in the tabular calendar (1 Ramadan 1400 = 14 July 1980; 1 Muharram 1420 =
# 17 April 1999) plus the days, marked approximate as every Hijri day is.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 Ramadan 1400", P(1980, 7, 28, approximate=True)),
        ("15 رمضان 1400", P(1980, 7, 28, approximate=True)),
        ("15 رمضان 1400 هـ", P(1980, 7, 28, approximate=True)),
        ("1 Muharram 1420 AH", P(1999, 4, 17, approximate=True)),
        ("1 محرم 1420", P(1999, 4, 17, approximate=True)),
    ],
)
def test_hijri_month_names(text: str, expected: sk.PartialDate) -> None:
    found = sk.parse_date(text)
    assert found == expected
    assert isinstance(found, sk.PartialDate)
    assert found.calendar == "hijri"


def test_a_hijri_month_by_name_without_a_day_is_its_days() -> None:
    found = sk.parse_date("Ramadan 1400")
    assert isinstance(found, sk.DateRange)
    assert (found.start, found.end) == (P(1980, 7, 14), P(1980, 8, 12))


@pytest.mark.parametrize("text", ["31 Ramadan 1400", "15 Ramadan 99999", "15 Ramadhanx 1400"])
def test_impossible_or_unknown_hijri_months_by_name_are_refused(text: str) -> None:
    with pytest.raises(sk.InvalidDateError):
        sk.parse_date(text)
