"""Specification of sanctionkit.values.dates: partial dates, ranges and their parser."""

from __future__ import annotations

import datetime

import attrs
import pytest

from sanctionkit.errors import AmbiguousDateError, InvalidDateError
from sanctionkit.values.dates import DateRange, PartialDate, Precision, parse_date

P = PartialDate


def R(start: PartialDate | None, end: PartialDate | None) -> DateRange:
    return DateRange(start, end)


FRIDAY_24_MAY_2024 = datetime.date(2024, 5, 24)


# --- PartialDate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "iso", "precision"),
    [
        (P(1962), "1962", Precision.YEAR),
        (P(1962, 5), "1962-05", Precision.MONTH),
        (P(1962, 5, 3), "1962-05-03", Precision.DAY),
        (P(1962, approximate=True), "1962~", Precision.YEAR),
        (P(1962, 5, 3, approximate=True), "1962-05-03~", Precision.DAY),
    ],
)
def test_partial_date_isoformat_and_precision(
    date: PartialDate, iso: str, precision: Precision
) -> None:
    assert date.isoformat() == iso
    assert str(date) == iso
    assert date.precision is precision


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        (P(1962), datetime.date(1962, 1, 1), datetime.date(1962, 12, 31)),
        (P(1962, 2), datetime.date(1962, 2, 1), datetime.date(1962, 2, 28)),
        (P(1980, 2), datetime.date(1980, 2, 1), datetime.date(1980, 2, 29)),
        (P(1962, 5, 3), datetime.date(1962, 5, 3), datetime.date(1962, 5, 3)),
    ],
)
def test_partial_date_spans_from_earliest_to_latest_day(
    date: PartialDate, earliest: datetime.date, latest: datetime.date
) -> None:
    assert date.earliest() == earliest
    assert date.latest() == latest


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (0, None, None),
        (10000, None, None),
        (1962, 0, None),
        (1962, 13, None),
        (1962, None, 3),
        (1962, 2, 29),
        (1962, 4, 31),
        (1962, 5, 0),
        (True, None, None),
    ],
)
def test_partial_date_refuses_impossible_parts(
    year: int, month: int | None, day: int | None
) -> None:
    with pytest.raises(InvalidDateError):
        PartialDate(year, month, day)


def test_partial_date_text_is_outside_equality_and_hash() -> None:
    assert P(1962, text="1962") == P(1962, text="c. 1962 (sic)")
    assert hash(P(1962, text="a")) == hash(P(1962))
    assert "text" not in repr(P(1962, text="a"))


def test_partial_date_is_frozen_and_slotted() -> None:
    date = P(1962)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        date.year = 1963  # type: ignore[misc]
    assert not hasattr(date, "__dict__")


def test_partial_date_orders_unknown_parts_first() -> None:
    assert P(1962) < P(1962, 1) < P(1962, 1, 1) < P(1962, 1, 2) < P(1963)
    assert sorted([P(1962, 5), P(1961), P(1962)]) == [P(1961), P(1962), P(1962, 5)]


def test_exact_date_orders_before_the_same_approximate_date() -> None:
    assert P(1962) < P(1962, approximate=True)
    assert P(1962) != P(1962, approximate=True)


def test_partial_date_from_date() -> None:
    assert PartialDate.from_date(datetime.date(2024, 5, 24)) == P(2024, 5, 24)


# --- DateRange -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date_range", "iso"),
    [
        (R(P(1960), P(1962)), "1960/1962"),
        (R(P(1960), None), "1960/.."),
        (R(None, P(1962)), "../1962"),
        (R(P(1979, approximate=True), P(1982, approximate=True)), "1979~/1982~"),
    ],
)
def test_date_range_isoformat_is_edtf_interval(date_range: DateRange, iso: str) -> None:
    assert date_range.isoformat() == iso
    assert str(date_range) == iso


def test_date_range_spans_its_ends() -> None:
    span = R(P(1960, 3), P(1962, 2))
    assert span.earliest() == datetime.date(1960, 3, 1)
    assert span.latest() == datetime.date(1962, 2, 28)


def test_open_range_spans_to_the_calendar_limits() -> None:
    assert R(None, P(1962)).earliest() == datetime.date.min
    assert R(P(1960), None).latest() == datetime.date.max


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, None), (P(1963), P(1962)), (P(1962, 5), P(1962, 4)), (P(1962), P(1962))],
)
def test_date_range_refuses_empty_reversed_or_single_date(
    start: PartialDate | None, end: PartialDate | None
) -> None:
    with pytest.raises(InvalidDateError):
        DateRange(start, end)


def test_date_range_allows_a_month_inside_its_year() -> None:
    assert R(P(1962), P(1962, 5)).isoformat() == "1962/1962-05"


# --- parse_date: formats -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1962", P(1962)),
        ("1962-05", P(1962, 5)),
        ("1962-05-03", P(1962, 5, 3)),
        ("1962-05-03T00:00:00", P(1962, 5, 3)),
        ("1962-05-03T10:30:00Z", P(1962, 5, 3)),
        ("1960-01-01-05:00", P(1960, 1, 1)),  # XML Schema date with a time zone (UN list)
        ("19620503", P(1962, 5, 3)),
        ("1962~", P(1962, approximate=True)),
        ("1962?", P(1962, approximate=True)),
    ],
)
def test_parses_iso_and_edtf_forms(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 May 1962", P(1962, 5, 3)),
        ("May 3, 1962", P(1962, 5, 3)),
        ("03-MAY-1962", P(1962, 5, 3)),
        ("01 Jan 1960", P(1960, 1, 1)),
        ("May 1962", P(1962, 5)),
        ("Sept. 1962", P(1962, 9)),
        ("3rd of May 1962", P(1962, 5, 3)),
        ("Friday, 24 May 2024", P(2024, 5, 24)),
        ("(July 1997)", P(1997, 7)),
        ("DOB 10 Dec 1948", P(1948, 12, 10)),
    ],
)
def test_parses_english_dates_in_words(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("né le 3 février 1962", P(1962, 2, 3)),  # French
        ("3 févr. 1962", P(1962, 2, 3)),
        ("1er août 1962", P(1962, 8, 1)),
        ("3 de mayo de 1962", P(1962, 5, 3)),  # Spanish
        ("3 de setembro de 1962", P(1962, 9, 3)),  # Portuguese
        ("3 marzo 1962", P(1962, 3, 3)),  # Italian
        ("3. März 1962", P(1962, 3, 3)),  # German
        ("3 мая 1962 г.", P(1962, 5, 3)),  # Russian, genitive
        ("май 1962 года", P(1962, 5)),  # Russian, nominative
        ("3 травня 1962 р.", P(1962, 5, 3)),  # Ukrainian
        ("3 Mayıs 1962", P(1962, 5, 3)),  # Turkish
        ("3 MAYIS 1962", P(1962, 5, 3)),
        ("17 Agustus 1945", P(1945, 8, 17)),  # Indonesian
        ("3 Ogos 1962", P(1962, 8, 3)),  # Malay
        ("3 مايو 1962م", P(1962, 5, 3)),  # Arabic, Egyptian name, Gregorian marker
        ("3 كانون الثاني 1962", P(1962, 1, 3)),  # Arabic, Levantine two-word name
        ("3 كانون الأول 1962", P(1962, 12, 3)),
        ("٣ أيار ١٩٦٢", P(1962, 5, 3)),  # Arabic-Indic digits
        ("۱۹۶۲", P(1962)),  # Persian digits
        ("１９６０年４月１１日", P(1960, 4, 11)),  # Japanese list, full-width digits
        ("2008年", P(2008)),
    ],
)
def test_parses_month_names_and_digits_of_other_languages(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "circa 1960",
        "c. 1960",
        "ca. 1960",
        "approximately 1960",
        "approx. 1960",
        "about 1960",
        "~1960",
        "vers 1960",
        "hacia 1960",
        "около 1960 г.",
        "близько 1960 р.",
        "حوالي 1960",
    ],
)
def test_marks_approximate_years(text: str) -> None:
    assert parse_date(text) == P(1960, approximate=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1960 to 1962", R(P(1960), P(1962))),
        ("between 1958 and 1963", R(P(1958), P(1963))),
        ("BETWEEN 1969 AND 1971", R(P(1969), P(1971))),
        ("from 1960 to 1962", R(P(1960), P(1962))),
        ("1980-1990", R(P(1980), P(1990))),
        ("1980 - 1990", R(P(1980), P(1990))),
        ("1960/1962", R(P(1960), P(1962))),
        ("01 Jan 1960 to 31 Dec 1961", R(P(1960, 1, 1), P(1961, 12, 31))),
        ("Mar 1962 to Feb 1963", R(P(1962, 3), P(1963, 2))),
        ("Between Aug. and Sep. 1977", R(P(1977, 8), P(1977, 9))),  # year written once
        ("1-5 March 1990", R(P(1990, 3, 1), P(1990, 3, 5))),
        ("circa 1979-1982", R(P(1979, approximate=True), P(1982, approximate=True))),
        ("entre 1960 y 1962", R(P(1960), P(1962))),
        ("entre 1960 et 1962", R(P(1960), P(1962))),
        ("zwischen 1960 und 1962", R(P(1960), P(1962))),
        ("между 1960 и 1962 гг.", R(P(1960), P(1962))),
        ("с 1960 по 1962", R(P(1960), P(1962))),
        ("بين 1960 و 1962", R(P(1960), P(1962))),
        ("1970s", R(P(1970), P(1979))),
        ("since 1990", R(P(1990), None)),
        ("until 1990", R(None, P(1990))),
        ("1960/..", R(P(1960), None)),
        ("1960/", R(P(1960), None)),
        ("../1962", R(None, P(1962))),
        ("/1962", R(None, P(1962))),
    ],
)
def test_parses_ranges(text: str, expected: DateRange) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["1962 to 1962", "between 1962 and 1962", "1962/1962"])
def test_range_with_equal_ends_is_a_single_date(text: str) -> None:
    assert parse_date(text) == P(1962)


def test_year_and_month_is_not_a_range() -> None:
    assert parse_date("1962-05") == P(1962, 5)
    assert parse_date("1962-1963") == R(P(1962), P(1963))


def test_range_ending_before_it_starts_is_invalid() -> None:
    with pytest.raises(InvalidDateError):
        parse_date("1962 to 1960")


# --- parse_date: numeric day and month -----------------------------------------------------------


@pytest.mark.parametrize("text", ["03/05/1962", "3.5.1962", "03-05-1962", "03 05 1962"])
def test_numeric_day_and_month_that_could_swap_are_ambiguous(text: str) -> None:
    with pytest.raises(AmbiguousDateError, match="dayfirst"):
        parse_date(text)


def test_ambiguous_date_error_is_an_invalid_date_error_and_a_value_error() -> None:
    with pytest.raises(ValueError, match="ambiguous") as caught:
        parse_date("03/05/1962")
    assert isinstance(caught.value, InvalidDateError)
    assert caught.value.text == "03/05/1962"


@pytest.mark.parametrize(("dayfirst", "expected"), [(True, P(1962, 5, 3)), (False, P(1962, 3, 5))])
def test_dayfirst_decides_the_order(dayfirst: bool, expected: PartialDate) -> None:
    assert parse_date("03/05/1962", dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/05/1962", P(1962, 5, 13)),  # 13 can only be the day
        ("05/13/1962", P(1962, 5, 13)),
        ("05/05/1962", P(1962, 5, 5)),  # swapping changes nothing
    ],
)
def test_numeric_order_forced_by_a_part_over_12_or_equal_parts(
    text: str, expected: PartialDate
) -> None:
    assert parse_date(text) == expected
    assert parse_date(text, dayfirst=True) == expected
    assert parse_date(text, dayfirst=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024.5.24", P(2024, 5, 24)),  # Japanese list
        ("2001.9.22", P(2001, 9, 22)),
        ("2002.3.1", P(2002, 3, 1)),
        ("1962/05/03", P(1962, 5, 3)),
    ],
)
def test_year_first_numeric_forms_are_year_month_day(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


def test_month_and_year_in_numbers() -> None:
    assert parse_date("01/1957") == P(1957, 1)  # UK list


# --- parse_date: unknown and impossible parts ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00/00/1975", P(1975)),
        ("00.00.1975", P(1975)),
        ("1975-00-00", P(1975)),
        ("1975-05-00", P(1975, 5)),
        ("00 May 1975", P(1975, 5)),
    ],
)
def test_zero_day_or_month_means_unknown(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1945-06-31", P(1945, 6)), ("31 Feb 1980", P(1980, 2)), ("29/02/1981", P(1981, 2))],
)
def test_impossible_day_keeps_only_the_month(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


def test_leap_day_is_kept_in_a_leap_year() -> None:
    assert parse_date("29 Feb 1980") == P(1980, 2, 29)


# --- parse_date: refusals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "unknown",
        "N/A",
        "#REF!",
        "-0-",
        "null",
        "random text",
        "0213-11-06",  # a typing error for 1213 or 2013: not plausible
        "213",
        "1962-13-01",
        "45 May 1962",
        "21-Sep",  # a day and a month: no year
        "09/62",  # two two-digit numbers: month and year, or day and month?
        "29 years old",
        "born in the early 1970s",
        "1962-05-03 12:00 and more",
    ],
)
def test_refuses_text_that_is_no_plausible_date(text: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        parse_date(text)
    assert not isinstance(caught.value, AmbiguousDateError)


def test_error_message_names_the_text() -> None:
    with pytest.raises(InvalidDateError, match=r"^cannot parse date '#REF!'$") as caught:
        parse_date("#REF!")
    assert caught.value.text == "#REF!"


def test_refuses_years_after_next_year() -> None:
    next_year = datetime.date.today().year + 1
    assert parse_date(str(next_year)) == P(next_year)
    with pytest.raises(InvalidDateError, match="not plausible"):
        parse_date(str(next_year + 1))


def test_reference_in_the_future_extends_the_plausible_years() -> None:
    later = datetime.date.today().year + 5
    reference = datetime.date(later, 1, 1)
    assert parse_date(str(later + 1), reference=reference) == P(later + 1)


@pytest.mark.parametrize("text", ["1963 or 1964", "1965-07-15 OR 1969-09-28"])
def test_refuses_alternative_dates(text: str) -> None:
    with pytest.raises(InvalidDateError, match="alternative"):
        parse_date(text)


def test_refuses_other_calendars() -> None:
    with pytest.raises(InvalidDateError, match="Gregorian"):
        parse_date("24/06/1402 (Hijri Calendar)")


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_date(1962)  # type: ignore[arg-type]


# --- parse_date: relative phrases ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", P(2024, 5, 24)),
        ("yesterday", P(2024, 5, 23)),
        ("Friday", P(2024, 5, 24)),  # the reference day itself is a Friday
        ("on Friday", P(2024, 5, 24)),
        ("Thursday", P(2024, 5, 23)),
        ("Saturday", P(2024, 5, 18)),
        ("last Friday", P(2024, 5, 17)),
        ("last week", R(P(2024, 5, 13), P(2024, 5, 19))),
        ("this week", R(P(2024, 5, 20), P(2024, 5, 26))),
        ("last month", P(2024, 4)),
        ("this month", P(2024, 5)),
        ("in August", P(2023, 8)),  # the latest August before the reference
        ("in May", P(2024, 5)),
        ("in January", P(2024, 1)),
        ("last year", P(2023)),
        ("this year", P(2024)),
        ("earlier this year", R(P(2024, 1, 1), P(2024, 5, 24))),
        ("3 days ago", P(2024, 5, 21)),
        ("two weeks ago", R(P(2024, 5, 6), P(2024, 5, 12))),
        ("24 May", P(2024, 5, 24)),
        ("May 25", P(2023, 5, 25)),  # not yet reached this year
    ],
)
def test_resolves_news_phrases_against_the_reference(text: str, expected: object) -> None:
    assert parse_date(text, reference=FRIDAY_24_MAY_2024) == expected


def test_last_month_in_january_is_december_of_the_previous_year() -> None:
    assert parse_date("last month", reference=datetime.date(2024, 1, 15)) == P(2023, 12)


@pytest.mark.parametrize("text", ["Friday", "last week", "last month", "in August", "yesterday"])
def test_news_phrases_need_a_reference(text: str) -> None:
    with pytest.raises(InvalidDateError, match="reference date is needed"):
        parse_date(text)


def test_reference_does_not_change_absolute_dates() -> None:
    assert parse_date("3 May 1962", reference=FRIDAY_24_MAY_2024) == P(1962, 5, 3)


# --- parse_date: the original text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("1962-05-03", None),
        ("3 May 1962", None),
        ("circa 1960", None),
        ("1960 to 1962", None),
        ("1962/1962", None),
        ("1960/..", None),
        ("last week", FRIDAY_24_MAY_2024),
        ("Friday", FRIDAY_24_MAY_2024),
    ],
)
def test_result_keeps_the_text_it_was_parsed_from(
    text: str, reference: datetime.date | None
) -> None:
    assert parse_date(text, reference=reference).text == text


# --- Real strings from the official lists --------------------------------------------------------
# Copied from the files in /work/shared/data (OFAC SDN CSV remarks "DOB ...", UN XML
# DATE_OF_BIRTH and NOTE, Canada SEMA XML, UK and Japan xlsx); expected values read by hand.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # OFAC SDN CSV, "DOB ..." in the remarks column
        ("10 Dec 1948", P(1948, 12, 10)),
        ("03 May 1938", P(1938, 5, 3)),
        ("19 Jun 1951", P(1951, 6, 19)),
        ("Sep 1938", P(1938, 9)),
        ("1946", P(1946)),
        ("circa 1951", P(1951, approximate=True)),
        ("circa 07 Jul 1966", P(1966, 7, 7, approximate=True)),
        ("circa 01 Jan 1961", P(1961, 1, 1, approximate=True)),
        ("01 Jan 1953 to 31 Dec 1954", R(P(1953, 1, 1), P(1954, 12, 31))),
        ("1951 to 1953", R(P(1951), P(1953))),
        ("1929 to 1930", R(P(1929), P(1930))),
        ("Mar 1962 to Feb 1963", R(P(1962, 3), P(1963, 2))),
        ("Mar 1965 to Mar 1966", R(P(1965, 3), P(1966, 3))),
        ("circa 1979-1982", R(P(1979, approximate=True), P(1982, approximate=True))),
        ("10 October 1969", P(1969, 10, 10)),
        ("21 August 2006", P(2006, 8, 21)),
        # UN consolidated XML
        ("1965-04-28", P(1965, 4, 28)),
        ("1962-11-09-05:00", P(1962, 11, 9)),
        ("Between Aug. and Sep. 1977", R(P(1977, 8), P(1977, 9))),
        ("Nov. 1973 ", P(1973, 11)),
        ("August 1961 ", P(1961, 8)),
        ("(July 1997)", P(1997, 7)),
        # EU financial sanctions XML
        ("1937-04-28", P(1937, 4, 28)),
        # Canada SEMA XML
        ("1955-11", P(1955, 11)),
        ("1972", P(1972)),
        ("1963-1964", R(P(1963), P(1964))),
        # UK consolidated list (dd/mm/yyyy)
        ("31/12/2020", P(2020, 12, 31)),
        ("14/02/2022", P(2022, 2, 14)),
        ("00/00/1994", P(1994)),
        ("09/1962", P(1962, 9)),
        ("22 Sept 2020", P(2020, 9, 22)),  # from "Expires 22 Sept 2020"
        # Japan Ministry of Finance list
        ("2001.9.22", P(2001, 9, 22)),
        ("2011.11.18", P(2011, 11, 18)),
        ("2008.12.5", P(2008, 12, 5)),
        ("１９６０年４月１１日", P(1960, 4, 11)),
        ("2003年2月3日", P(2003, 2, 3)),
        ("２００８年", P(2008)),
        ("2000-2001", R(P(2000), P(2001))),
    ],
)
def test_parses_real_strings_from_official_lists(text: str, expected: object) -> None:
    assert parse_date(text) == expected


def test_uk_list_dates_read_day_first() -> None:
    with pytest.raises(AmbiguousDateError):
        parse_date("02/12/2011")
    assert parse_date("02/12/2011", dayfirst=True) == P(2011, 12, 2)


@pytest.mark.parametrize(
    "text", ["1963 or 1964", "born in the early 1970s", "24/06/1402 (Hijri Calendar)"]
)
def test_refuses_the_real_strings_that_are_no_single_date(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)
