"""Properties of sanctionkit.values.dates that hold for every date, checked with hypothesis."""

from __future__ import annotations

import contextlib
import datetime

from hypothesis import given
from hypothesis import strategies as st

from sanctionkit.errors import InvalidDateError
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

# The parser accepts years from 1000 to next year; isoformat round-trips within them.
_LAST_YEAR = datetime.date.today().year + 1


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(datetime.date(1000, 1, 1), datetime.date(_LAST_YEAR, 12, 31)))
    keep = draw(st.sampled_from(["year", "month", "day"]))
    return PartialDate(
        day.year,
        None if keep == "year" else day.month,
        day.day if keep == "day" else None,
        draw(st.booleans()),
    )


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    first, second = draw(partial_dates()), draw(partial_dates())
    if first.earliest() > second.latest():
        first, second = second, first
    start = draw(st.sampled_from([first, None]))
    end = draw(st.sampled_from([second, None])) if start is not None else second
    if start is not None and start == end:
        end = None
    return DateRange(start, end)


@given(partial_dates())
def test_partial_date_isoformat_parses_back_to_an_equal_date(date: PartialDate) -> None:
    assert parse_date(date.isoformat()) == date


@given(date_ranges())
def test_date_range_isoformat_parses_back_to_an_equal_range(date_range: DateRange) -> None:
    assert parse_date(date_range.isoformat()) == date_range


@given(partial_dates(), partial_dates())
def test_ordering_agrees_with_earliest_day(first: PartialDate, second: PartialDate) -> None:
    if first < second:
        assert first.earliest() <= second.earliest()
    if first.earliest() < second.earliest():
        assert first < second


@given(partial_dates(), partial_dates())
def test_ordering_is_total_and_consistent_with_equality(
    first: PartialDate, second: PartialDate
) -> None:
    assert [first < second, first == second, first > second].count(True) == 1
    assert (first <= second) == (first < second or first == second)
    if first == second:
        assert hash(first) == hash(second)


@given(partial_dates())
def test_earliest_is_not_after_latest(date: PartialDate) -> None:
    assert date.earliest() <= date.latest()


@given(st.text())
def test_arbitrary_text_raises_only_date_errors(text: str) -> None:
    with contextlib.suppress(InvalidDateError):
        parse_date(text)


@given(st.text(), st.dates(datetime.date(1000, 1, 1), datetime.date(9000, 12, 31)))
def test_arbitrary_text_with_a_reference_raises_only_date_errors(
    text: str, reference: datetime.date
) -> None:
    with contextlib.suppress(InvalidDateError):
        parse_date(text, reference=reference, dayfirst=True)


_PIECES = st.sampled_from(
    [
        "3",
        "03",
        "13",
        "00",
        "1962",
        "1963",
        "May",
        "Sept.",
        "мая",
        "circa",
        "between",
        "and",
        "to",
        "-",
        "/",
        ".",
        " ",
        "~",
        "?",
        "last",
        "week",
        "ago",
        "2",
        "days",
        "年",
        "de",
    ]
)


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_date_like_text_raises_only_date_errors(text: str) -> None:
    with contextlib.suppress(InvalidDateError):
        parse_date(text, reference=datetime.date(2024, 5, 24))
