"""parse_date on strings from other projects' test suites and from the official lists.

Each case says where the string comes from. The expected value is what the
string means by our rules (DESIGN.md, "Values"), which is the peer's answer
except where a comment says why ours differs: we never guess a century, a
day/month order or a day the month does not have.
"""

from __future__ import annotations

import datetime

import pytest

from sanctionkit.errors import AmbiguousDateError, InvalidDateError
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

P = PartialDate


def R(start: PartialDate | None, end: PartialDate | None) -> DateRange:
    return DateRange(start, end)


# The relative base of dateparser's tests: a Tuesday.
DATEPARSER_BASE = datetime.date(2012, 11, 13)


# --- Times of day after a full date are dropped -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # followthemoney tests/types/test_dates.py: offsets without minutes, hour only
        ("2017-04-04T10:30:29+01", P(2017, 4, 4)),
        ("2017-04-04 10", P(2017, 4, 4)),
        ("2017-5-2T10:00:00", P(2017, 5, 2)),
        ("2017-00-00T12:03:49", P(2017)),  # zero month and day: the year is all we know
        # rigour tests/test_dates.py
        ("2026-06-15T12", P(2026, 6, 15)),
        ("2027-01-01T00:00:00+0130", P(2027, 1, 1)),
        # dateutil tests/test_parser.py: ISO basic forms with a time, lowercase "z"
        ("20030925T104941", P(2003, 9, 25)),
        ("20030925T10", P(2003, 9, 25)),
        ("20030925T104941.5-0300", P(2003, 9, 25)),
        ("20080227T21:26:01.123456789", P(2008, 2, 27)),
        ("1986-07-05T08:15:30z", P(1986, 7, 5)),
        # The date is the one written, in its own time zone: not moved to UTC.
        ("1994-11-05T23:15:30-05:00", P(1994, 11, 5)),
    ],
)
def test_iso_date_with_a_time_keeps_the_date(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateutil tests/test_parser.py
        ("Thu Sep 25 10:36:28 2003", P(2003, 9, 25)),  # ctime(3)
        ("Mon Jan  2 04:24:27 1995", P(1995, 1, 2)),
        ("Thu Sep 25 10:36:28 BRST 2003", P(2003, 9, 25)),  # date(1), zone name
        ("Thu, 25 Sep 2003 10:49:41 -0300", P(2003, 9, 25)),  # RFC 2822
        ("  July   4 ,  1976   12:01:02   am  ", P(1976, 7, 4)),
        ("0:01:02 on July 4, 1976", P(1976, 7, 4)),  # time first
        ("Tuesday, April 12, 1952 AD 3:30:42pm PST", P(1952, 4, 12)),
        ("1996.July.10 AD 12:08 PM", P(1996, 7, 10)),
        ("2:15 PM on January 2nd 1973 A.D.", P(1973, 1, 2)),
        ("10 Сентябрь 2015 10:20", P(2015, 9, 10)),
        # dateparser tests/test_date_parser.py
        ("November 19, 2014 at noon", P(2014, 11, 19)),
        ("April 9, 2013 at 6:11 a.m.", P(2013, 4, 9)),
        ("Wednesday, 22nd June, 2016, 12.16 pm.", P(2016, 6, 22)),
        ("Le 11 Décembre 2014 à 09:00", P(2014, 12, 11)),
        ("13 января 2015 г. в 13:34", P(2015, 1, 13)),
        ("Пнд, 07 янв. 2019 г. 12:15", P(2019, 1, 7)),  # Russian weekday abbreviation
        ("14-Aralık-2012, 20:56", P(2012, 12, 14)),
        ("2016年3月20日(日) 21時40分", P(2016, 3, 20)),
        ("2015年04月08日10:05", P(2015, 4, 8)),
    ],
)
def test_time_of_day_next_to_a_date_in_words_is_dropped(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "10:36:28",  # dateutil: a time alone is no date
        "Jan 2013 10:00",  # a time needs the day it happened on
        "13:44 AM",  # dateutil: impossible with AM
        "January 25, 1921 23:13 PM",
        "2014-02-28 22:64",  # dateutil: minute 64
        "2014-02-28 22:14:64",
        "2020-13-97T44:61:83",
    ],
)
def test_refuses_a_time_without_a_day_or_an_impossible_time(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)


# --- Forms the peers read and we read the same way ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateutil tests/test_parser.py: every order of year, month name and day
        ("2003-Sep-25", P(2003, 9, 25)),
        ("Sep.25.2003", P(2003, 9, 25)),
        ("25/Sep/2003", P(2003, 9, 25)),
        ("2015-15-May", P(2015, 5, 15)),
        ("13NOV2017", P(2017, 11, 13)),  # glued, as some list exports write it
        ("AD2001", P(2001)),
        ("A.D.2001", P(2001)),  # dateutil marks this xfail; dots may split a table phrase
        ("\x00\x00August 29, 1924", P(1924, 8, 29)),  # control characters are spaces
        ("Sa 21. Jan 2017", P(2017, 1, 21)),  # German weekday abbreviation
        # followthemoney and prefixdate: single-digit months and days
        ("2017-4-4", P(2017, 4, 4)),
        ("2001-1", P(2001, 1)),
        ("2017-0", P(2017)),
        # dateparser: Dutch and Ukrainian month names and abbreviations
        ("11 augustus 2014", P(2014, 8, 11)),
        ("3 maart 1962", P(1962, 3, 3)),
        ("2015-кві-12", P(2015, 4, 12)),
        ("10 листоп 2017, 10:00:00", P(2017, 11, 10)),
        ("1 сер 2015", P(2015, 8, 1)),
    ],
)
def test_parses_the_peers_forms(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateparser reads these day ranges as their first day; a range is what they say.
        ("June 12-14, 2021", R(P(2021, 6, 12), P(2021, 6, 14))),  # the month is written once
        ("Jun 12–14 2021", R(P(2021, 6, 12), P(2021, 6, 14))),
        ("12.-14. Juni 2021", R(P(2021, 6, 12), P(2021, 6, 14))),
        ("12.-14.06.2021", R(P(2021, 6, 12), P(2021, 6, 14))),  # 14 forces day-month order
        ("12-14 июня 2021", R(P(2021, 6, 12), P(2021, 6, 14))),
    ],
)
def test_day_ranges_share_the_month_and_year(text: str, expected: DateRange) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dateparser: dates without a year resolve against the reference
        ("10 мая", P(2012, 5, 10)),
        ("Dimanche 1er Février à 21:24", P(2012, 2, 1)),
        ("Wednesday", P(2012, 11, 7)),  # dateutil "Wed": the latest one on or before
        ("Sep 03", P(2012, 9, 3)),
    ],
)
def test_peer_phrases_resolve_against_the_reference(text: str, expected: PartialDate) -> None:
    assert parse_date(text, reference=DATEPARSER_BASE) == expected


# --- Where we deliberately differ ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wed, July 10, '96",  # dateutil: 1996; two-digit year
        "2 Декабрь 95 11:15",  # dateparser: 1995
        "0099-01-01T00:00:00",  # dateutil: year 99; not a plausible year in a list
        "201712",  # dateutil xfail wants 2017-12; ISO 8601 has no YYYYMM form (it reads as YYMMDD)
        "199709020908",  # dateutil: a datetime with no separators
        "1500 BC",  # read as 1500 it would be wrong
    ],
)
def test_refuses_what_the_peers_guess(text: str) -> None:
    with pytest.raises(InvalidDateError) as caught:
        parse_date(text)
    assert not isinstance(caught.value, AmbiguousDateError)


@pytest.mark.parametrize(
    "text",
    [
        "10-09-2003",  # dateutil: October 9 (month first by default)
        "10.09.2003",
        "7 4 1976",
        "11. 12. 2014, 08:45:39",  # dateparser: 2014-11-12
        "01-02-2003",  # followthemoney refuses it too
        "10-09-03",  # dateutil: 2003-10-09; the order is a guess (the century is inferred)
    ],
)
def test_numeric_dates_the_peers_read_month_first_are_ambiguous(text: str) -> None:
    with pytest.raises(AmbiguousDateError):
        parse_date(text)


def test_impossible_day_keeps_the_month_where_peers_refuse() -> None:
    # dateutil and prefixdate refuse "Feb 30, 2007" and "2001-02-31"; the lists
    # write such days (UK "29/02/1981"), and the month is still known.
    assert parse_date("Feb 30, 2007") == P(2007, 2)
    assert parse_date("2001-02-31") == P(2001, 2)


# --- Official lists: labels, Japanese words ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UN consolidated XML, NOTE and passport fields
        ("as at Feb. 2014", P(2014, 2)),
        ("As of 14 December 2022", P(2022, 12, 14)),
        ("expired on 23 Feb. 2000", P(2000, 2, 23)),
        ("Date of issue 7 January 1996", P(1996, 1, 7)),
        ("Expiration date: 2023-06-04.", P(2023, 6, 4)),
        # Japan Ministry of Finance list: 生 born, 頃 about, から...の間 from...between,
        # the wave dash as a range dash, and the revision/deletion labels
        ("1942年7月10日生", P(1942, 7, 10)),
        ("1963年頃", P(1963, approximate=True)),
        ("1963年から1968年の間", R(P(1963), P(1968))),
        ("1972年から1973年までの間", R(P(1972), P(1973))),
        ("1955年-1958年頃", R(P(1955, approximate=True), P(1958, approximate=True))),
        ("1937年～1945年", R(P(1937), P(1945))),
        ("2011.11.18削除", P(2011, 11, 18)),
    ],
)
def test_parses_labelled_and_japanese_list_dates(text: str, expected: object) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "又は1955年",  # Japan: "or 1955", one of alternatives
        "and expired on 24 Jun. 2003",  # UN: a sentence's end; "and" does not mean "until"
        "(a)1957年",  # Japan: an enumeration label, not the Spanish "a" (to)
    ],
)
def test_refuses_list_fragments_that_are_no_single_date(text: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(text)


def test_only_until_words_open_a_range_at_its_start() -> None:
    assert parse_date("until 1990") == R(None, P(1990))
    assert parse_date("jusqu'à 1990") == R(None, P(1990))
    assert parse_date("до 1990 г.") == R(None, P(1990))
