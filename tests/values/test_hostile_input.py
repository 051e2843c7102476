"""Specification of how the value parsers treat hostile text: long runs of one token.

Every public parser returns a value or raises its documented ParseError, whatever
the text; over ``MAX_VALUE_LENGTH`` characters it refuses at once with a
ValueTooLongError that keeps the text. Time is measured in benchmarks/hostile.py,
never here: these tests check what the answers are. Where a long text has a short
equivalent (a run of dashes reads as one dash), the answers must be equal.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sanctionkit as sk
from sanctionkit.errors import (
    CountryTooLongError,
    DateTooLongError,
    IdentifierTooLongError,
    InvalidDateError,
    InvalidIdentifierError,
    ParseError,
    UnknownCountryError,
    ValueTooLongError,
)
from sanctionkit.identifiers import imo, mmsi
from sanctionkit.values import MAX_VALUE_LENGTH, _limits

# One token of each kind that made a parser slow or that the parsers give a meaning.
TOKENS = [
    ", ", ",", "-", " - ", "–", "/", " / ", ".", ";", ":", "(", ")", "()", "(a) ", "[", "'",
    ",.;:-/()[]", "& ", "（、）", " ", "\t", "a", "a ", "abc, ", "Russia, ", "Iran (",
    "(1) Iran ", "a) Iran ", "citizen of ", "the ", "now ", " national", "St. ", "1", "1 ",
    "1962 ", "1962-", "1962/", "3 May 1962 ", "May ", "Aug. ", "to ", "and ", "circa ", "c. ",
    "~", "?", "10:30 ", "at ", "Friday ", "last week ", "年", "イランIran", "мая ", "é",
    "\u200c", "１", "IMO ", "MMSI ",
]  # fmt: skip

PARSERS: dict[str, tuple[Callable[[str], object], type[ParseError]]] = {
    "parse_country": (sk.parse_country, UnknownCountryError),
    "parse_country names": (functools.partial(sk.parse_country, codes=False), UnknownCountryError),
    "search_countries": (sk.search_countries, UnknownCountryError),
    "parse_date": (sk.parse_date, InvalidDateError),
    "parse_date dayfirst": (functools.partial(sk.parse_date, dayfirst=True), InvalidDateError),
    "imo.validate": (imo.validate, InvalidIdentifierError),
    "imo.compact": (imo.compact, InvalidIdentifierError),
    "mmsi.validate": (mmsi.validate, InvalidIdentifierError),
    "mmsi.flag_country": (mmsi.flag_country, InvalidIdentifierError),
}

TOO_LONG: dict[str, type[ValueTooLongError]] = {
    "parse_country": CountryTooLongError,
    "parse_country names": CountryTooLongError,
    "search_countries": CountryTooLongError,
    "parse_date": DateTooLongError,
    "parse_date dayfirst": DateTooLongError,
    "imo.validate": IdentifierTooLongError,
    "mmsi.validate": IdentifierTooLongError,
    "mmsi.flag_country": IdentifierTooLongError,
}


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(sorted(PARSERS)),
    tokens=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3),
    length=st.integers(1, MAX_VALUE_LENGTH),
)
def test_long_runs_of_tokens_give_a_value_or_the_documented_error(
    name: str, tokens: list[str], length: int
) -> None:
    parse, error = PARSERS[name]
    text = ("".join(tokens) * (length // len("".join(tokens)) + 1))[:length]
    # Anything but the documented error (a TypeError, a RecursionError ...) fails the test.
    try:
        parse(text)
    except error as found:
        refused: ParseError | None = found
    else:
        refused = None
    assert refused is None or refused.text == text


@pytest.mark.parametrize("name", sorted(TOO_LONG))
@pytest.mark.parametrize("token", ["-", "Russia, ", "1", "é"])
def test_text_over_the_limit_is_refused_naming_its_length(name: str, token: str) -> None:
    parse, usual = PARSERS[name]
    text = token * (MAX_VALUE_LENGTH // len(token) + 1)
    with pytest.raises(TOO_LONG[name]) as caught:
        parse(text)
    assert isinstance(caught.value, usual)  # code that catches the usual error still does
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == text
    assert caught.value.limit == MAX_VALUE_LENGTH
    assert f"{len(text):,} characters" in str(caught.value)
    assert f"limit of {MAX_VALUE_LENGTH:,}" in str(caught.value)


def test_the_limit_is_far_above_the_longest_real_value() -> None:
    # tools/measure_value_lengths.py: 96 characters for a country, 115 for a date.
    assert MAX_VALUE_LENGTH >= 8 * 115


def test_identifiers_is_valid_says_false_for_text_over_the_limit() -> None:
    assert not imo.is_valid("9" * 5000)
    assert not mmsi.is_valid("2" * 5000)


@pytest.fixture
def unlimited(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lift the limit: what the parsers do with long text, not only that they refuse it."""
    monkeypatch.setattr(_limits, "MAX_VALUE_LENGTH", 10**9)


@pytest.mark.usefixtures("unlimited")
@pytest.mark.parametrize("count", [1, 2, 5, 50, 3000])
@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("-", "1960/1962"),
        (" - ", "1960/1962"),
        ("–", "1960/1962"),
        (" / ", "1960/1962"),
    ],
)
def test_a_range_reads_the_same_with_any_run_of_dashes(run: str, count: int, expected: str) -> None:
    assert sk.parse_date(f"1960{run * count}1962").isoformat() == expected


@pytest.mark.usefixtures("unlimited")
@pytest.mark.parametrize("count", [1, 3, 2000])
def test_approximate_words_and_marks_read_the_same_however_many(count: int) -> None:
    assert sk.parse_date("circa " * count + "1962").isoformat() == "1962~"
    assert sk.parse_date("1962" + "~" * count).isoformat() == "1962~"
    assert sk.parse_date("1962 " + "~" * count + " - 1964") == sk.parse_date("1962 ~ - 1964")


@pytest.mark.usefixtures("unlimited")
@pytest.mark.parametrize(
    "text",
    [
        "a " * 2500,  # every "a" is a separator word ("de 1960 a 1962")
        "1 - " * 1000,
        "-" * 4000,
        "/" * 4000,
        "1962 to " * 500,
        "May " * 1000 + "1962",
        "Friday " * 700,
    ],
)
def test_long_text_with_too_many_parts_for_a_range_is_no_date(text: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        sk.parse_date(text)
    assert not isinstance(caught.value, DateTooLongError)


@pytest.mark.usefixtures("unlimited")
@pytest.mark.parametrize("count", [1, 2, 500])
@pytest.mark.parametrize(
    ("template", "alpha2"),
    [
        ("{run}Russia", "RU"),
        ("Russia{run}", "RU"),
        ("Iran (Islamic Republic of){run}", "IR"),
        ("Syria{run}(presumed)", "SY"),
    ],
)
def test_a_country_reads_the_same_with_any_run_of_punctuation(
    template: str, count: int, alpha2: str
) -> None:
    for run in (", " * count, " " * count, "." * count, ";" * count):
        assert sk.parse_country(template.format(run=run)).alpha2 == alpha2


@pytest.mark.usefixtures("unlimited")
@pytest.mark.parametrize(
    "text",
    [", " * 2000, "()" * 2000, ",.;:-/()[]" * 400, "abc, " * 800, "（、）" * 1000, "é" * 4000],
)
def test_long_punctuation_and_junk_is_no_country(text: str) -> None:
    with pytest.raises(UnknownCountryError) as caught:
        sk.parse_country(text)
    assert not isinstance(caught.value, CountryTooLongError)
    assert sk.search_countries(text) == sk.search_countries(text)  # answers, does not raise


@pytest.mark.usefixtures("unlimited")
def test_a_now_clause_after_a_run_of_punctuation_still_names_the_former_state() -> None:
    assert sk.parse_country("USSR" + ",;. " * 300 + "now Azerbaijan").code == "SUHH"


@pytest.mark.usefixtures("unlimited")
def test_the_country_after_a_long_place_is_found() -> None:
    place = ", ".join(["Street"] * 300)
    assert sk.parse_country(f"{place}, Korea, North").alpha2 == "KP"
    assert sk.parse_country(f"{place}, Nicosia, Cyprus").alpha2 == "CY"


@pytest.mark.usefixtures("unlimited")
def test_a_mixed_script_text_of_long_runs_still_needs_every_run_to_agree() -> None:
    assert sk.parse_country("イラン" + " " * 3000 + "Iran").alpha2 == "IR"
    with pytest.raises(UnknownCountryError):
        sk.parse_country("イ" * 3000 + "Iran")


def _answer(parse: Callable[[str], object], text: str) -> object:
    """The value, or the type of the error: what two equivalent texts must share."""
    try:
        return parse(text)
    except ParseError as error:
        return type(error)


_DATE_ENDS = ["1960", "May 1960", "3 May 1960", "circa 1960", "1962", "Aug. 1962", "12", "Jan"]


@settings(max_examples=100, deadline=None)
@given(
    first=st.sampled_from(_DATE_ENDS),
    second=st.sampled_from(_DATE_ENDS),
    run=st.sampled_from(["-", " - ", "–", "/", " / ", "~", " "]),
    count=st.integers(2, 300),
)
def test_a_run_of_one_mark_between_two_dates_reads_as_one_mark(
    first: str, second: str, run: str, count: int
) -> None:
    short, long = f"{first}{run}{second}", f"{first}{run * count}{second}"
    assert _answer(sk.parse_date, long) == _answer(sk.parse_date, short)


@settings(max_examples=100, deadline=None)
@given(
    name=st.sampled_from(["Russia", "Korea, North", "Iran (Islamic Republic of)", "Syria", "UK"]),
    before=st.sampled_from(["", ", ", " ", ";", "."]),
    after=st.sampled_from(["", ", ", " ", ";", "."]),
    count=st.integers(1, 150),
)
def test_runs_of_punctuation_around_a_name_change_nothing(
    name: str, before: str, after: str, count: int
) -> None:
    padded = f"{before * count}{name}{after * count}"
    assert _answer(sk.parse_country, padded) == _answer(sk.parse_country, name)
