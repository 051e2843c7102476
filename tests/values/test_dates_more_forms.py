"""Date forms of issue 13 §1: two-digit years, month and two-digit year, ISO weeks, hedges.

Each example is a real list value (the file and field are named beside it) or one of the
examples issue 13 quotes from its corpus of real list values.
"""

from __future__ import annotations

import datetime

import pytest

from sanctionkit.errors import AmbiguousDateError, InvalidDateError
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

P = PartialDate

# The date the UK list below was published ("Last Updated 04/05/2022").
UK_2022 = datetime.date(2022, 5, 4)
IN_2024 = datetime.date(2024, 6, 1)


# --- Two-digit years -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dayfirst", "reference", "expected"),
    [
        # uk/ConList-2022-05-04.xlsx, Passport Details: "Issue Date: 29/10/18, Expire Date: ..."
        ("29/10/18", None, UK_2022, P(2018, 10, 29)),
        # issue 13's examples from real lists
        ("2/28/55", None, IN_2024, P(1955, 2, 28)),
        ("3/9/71", False, IN_2024, P(1971, 3, 9)),
        ("3/9/71", True, IN_2024, P(1971, 9, 3)),
        ("12/01/49", True, IN_2024, P(1949, 1, 12)),
        ("12.01.49", False, IN_2024, P(1949, 12, 1)),
        # the pivot: the latest year up to the reference's year that ends in the digits
        ("31/12/24", None, IN_2024, P(2024, 12, 31)),
        ("1/13/25", None, IN_2024, P(1925, 1, 13)),
        ("13/1/00", None, IN_2024, P(2000, 1, 13)),
        ("13/1/00", None, datetime.date(1999, 12, 31), P(1900, 1, 13)),
    ],
)
def test_two_digit_years_take_the_latest_century_up_to_the_reference(
    text: str, dayfirst: bool | None, reference: datetime.date, expected: PartialDate
) -> None:
    found = parse_date(text, dayfirst=dayfirst, reference=reference)
    assert found == expected
    assert isinstance(found, PartialDate)
    assert found.year_inferred
    assert found.text == text


def test_two_digit_years_default_to_todays_year_as_the_pivot() -> None:
    this_year = datetime.date.today().year
    now = parse_date(f"13/1/{this_year % 100:02d}")
    next_ = parse_date(f"13/1/{(this_year + 1) % 100:02d}")
    assert isinstance(now, PartialDate)
    assert isinstance(next_, PartialDate)
    assert now.year == this_year
    assert next_.year == this_year - 99


@pytest.mark.parametrize("text", ["3/9/71", "12/01/49", "10-09-03"])
def test_two_digit_years_keep_day_and_month_ambiguity(text: str) -> None:
    with pytest.raises(AmbiguousDateError):
        parse_date(text, reference=IN_2024)


def test_four_digit_years_are_not_marked_inferred() -> None:
    found = parse_date("29/10/2018")
    assert isinstance(found, PartialDate)
    assert not found.year_inferred


def test_a_range_of_two_digit_years_marks_both_ends() -> None:
    found = parse_date("3/9/71 - 5/9/71", dayfirst=True, reference=IN_2024)
    assert found == DateRange(P(1971, 9, 3), P(1971, 9, 5))
    assert isinstance(found, DateRange)
    assert found.start
    assert found.end
    assert found.start.year_inferred
    assert found.end.year_inferred


def test_year_inferred_is_outside_equality_hash_and_repr() -> None:
    inferred = P(1971, 9, 3, year_inferred=True)
    assert inferred == P(1971, 9, 3)
    assert hash(inferred) == hash(P(1971, 9, 3))
    assert repr(inferred) == repr(P(1971, 9, 3))
    with pytest.raises(InvalidDateError, match="year_inferred must be a bool"):
        P(1971, year_inferred=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "09/62",  # month and year, or day and month? refused
        "96-06-06",  # uk/ConList-2022-05-04.xlsx, an address ("96-06-06 Flat Sri Kota"): no day 96
        "3/9/71/5",
        "00/00/0",  # uk/ConList-2022-05-04.xlsx DOB: a placeholder, not 2000
        "00/00/00",
        "1/2/3",
    ],
)
def test_two_digit_forms_that_are_no_date_are_refused(text: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        parse_date(text, dayfirst=True)
    assert not isinstance(caught.value, AmbiguousDateError)


# --- Month and two-digit year --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # ca/sema-2025-03-20.xml, item 1114 (Kirill Mordashov): <DateOfBirthOrShipBuildDate>
        ("Sep-99", datetime.date(2025, 3, 20), P(1999, 9)),
        # issue 13's examples from real lists
        ("Sep-21", IN_2024, P(2021, 9)),
        ("Mar-22", IN_2024, P(2022, 3)),
        ("MAR-22", IN_2024, P(2022, 3)),
        ("03-MAY-62", IN_2024, P(1962, 5, 3)),  # Oracle's DD-MON-YY
    ],
)
def test_month_dash_two_digit_year(
    text: str, reference: datetime.date, expected: PartialDate
) -> None:
    found = parse_date(text, reference=reference)
    assert found == expected
    assert isinstance(found, PartialDate)
    assert found.year_inferred


@pytest.mark.parametrize("text", ["21-Sep", "Sep 99", "Sep-1", "Sep-199"])
def test_a_month_with_two_digits_and_no_dash_before_them_is_no_year(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)


# --- ISO week dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue 13's example from real lists; 1998-W07 is Monday 9 to Sunday 15 February
        ("1998-W07", DateRange(P(1998, 2, 9), P(1998, 2, 15))),
        ("1998W07", DateRange(P(1998, 2, 9), P(1998, 2, 15))),
        ("2020-W01", DateRange(P(2019, 12, 30), P(2020, 1, 5))),  # begins in the year before
        ("1998-W53", DateRange(P(1998, 12, 28), P(1999, 1, 3))),  # 1998 has 53 weeks
        ("1998-W07-3", P(1998, 2, 11)),  # its Wednesday
        ("1998W073", P(1998, 2, 11)),
    ],
)
def test_iso_week_is_its_days_or_its_one_day(text: str, expected: object) -> None:
    found = parse_date(text)
    assert found == expected
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1999-W53", "1999 has no ISO week 53"),
        ("1998-W00", "1998 has no ISO week 00"),
        ("0998-W07", "not plausible"),
        ("1998-W07-8", None),
        ("1998-W073", None),  # extended week, basic weekday
        ("98-W07", None),
    ],
)
def test_impossible_iso_weeks_are_refused(text: str, reason: str | None) -> None:
    with pytest.raises(InvalidDateError, match=reason) as caught:
        parse_date(text)
    assert caught.value.text == text


# --- Hedges --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real values, read before this issue too
        ("circa 1960", P(1960, approximate=True)),  # ofac/sdn-csv-2024-05, remarks "DOB circa 1960"
        ("Approximately 1967", P(1967, approximate=True)),  # au/dfat-2026-02-24.xlsx Date of Birth
        ("1953年頃", P(1953, approximate=True)),  # jp/shisantouketsu20260305.xlsx 生年月日
        # the hedges issue 13 quotes; "possibly" is how the lists hedge (un/consolidated
        # NATIONALITY "Possibly Ethiopian", OFAC remarks "nationality possibly Palestinian")
        ("possibly 1960", P(1960, approximate=True)),
        ("1960 possibly", P(1960, approximate=True)),
        ("probably 1960", P(1960, approximate=True)),
        ("possibly 12 May 1960", P(1960, 5, 12, approximate=True)),
        ("около 1970", P(1970, approximate=True)),
        ("возможно, 1970", P(1970, approximate=True)),
        ("vers 1970", P(1970, approximate=True)),
        ("aux alentours de 1970", P(1970, approximate=True)),
        ("hacia 1970", P(1970, approximate=True)),
        ("en torno a 1970", P(1970, approximate=True)),
        ("etwa 1970", P(1970, approximate=True)),
        ("vermutlich 1970", P(1970, approximate=True)),
        ("gegen 1970", P(1970, approximate=True)),
        ("حوالي 1970", P(1970, approximate=True)),
        ("ربما 1970", P(1970, approximate=True)),
        ("1970 على الأرجح", P(1970, approximate=True)),
        ("1970年頃", P(1970, approximate=True)),
        ("1970年前後", P(1970, approximate=True)),
        ("推定1970年", P(1970, approximate=True)),
        ("1970 (est.)", P(1970, approximate=True)),
    ],
)
def test_hedges_before_or_after_the_date_make_it_approximate(
    text: str, expected: PartialDate
) -> None:
    assert parse_date(text) == expected


def test_a_hedged_range_is_approximate_at_both_ends() -> None:
    assert parse_date("Possibly 1960-1962") == DateRange(
        P(1960, approximate=True), P(1962, approximate=True)
    )


@pytest.mark.parametrize(
    "text", ["possibly", "possibly unknown", "около", "1970年頃 possibly 1971"]
)
def test_a_hedge_without_one_date_is_refused(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)
