"""Dates as the sanctions lists write them: often partial, sometimes approximate or a range.

A date of birth on a sanctions list may be a full day ("03 May 1962"), a month
("Sep 1938"), a year ("1946"), an approximation ("circa 1957") or a span
("1960 to 1962"). :func:`parse_date` reads all of these, in the languages the
lists use, and returns a :class:`PartialDate` (a date known to the year, the
month or the day) or a :class:`DateRange`. Both print as ISO 8601 / EDTF and
parse back from it.

>>> parse_date("03 May 1962")
PartialDate(year=1962, month=5, day=3, approximate=False)
>>> parse_date("circa 1957").isoformat()
'1957~'
>>> print(parse_date("BETWEEN 1969 AND 1971"))
1969/1971
>>> parse_date("3 мая 1962 г.").isoformat()
'1962-05-03'

Day and month written as numbers are refused when they could be swapped:

>>> parse_date("03/05/1962")
Traceback (most recent call last):
...
sanctionkit.errors.AmbiguousDateError: ambiguous date '03/05/1962': ...
>>> parse_date("03/05/1962", dayfirst=True).isoformat()
'1962-05-03'

News phrases need the date of the article:

>>> import datetime
>>> print(parse_date("last week", reference=datetime.date(2024, 5, 24)))
2024-05-13/2024-05-19

What the parser never does is guess: a zero day or month ("00/00/1975") means
"unknown", so the date keeps only the parts it knows, and an impossible day
("31 Feb 1980") keeps the month and drops the day.

>>> parse_date("31 Feb 1980").isoformat()
'1980-02'
"""

from __future__ import annotations

import datetime
import enum
import re

import attrs

from sanctionkit.errors import DateTooLongError, InvalidDateError
from sanctionkit.values import _limits
from sanctionkit.values._limits import check_length

__all__ = ["CALENDARS", "DateRange", "PartialDate", "Precision", "parse_date"]


#: The calendars other than the Gregorian one that :func:`parse_date` converts
#: from, as a :class:`PartialDate`'s ``calendar`` names them.
CALENDARS = frozenset({"japanese", "hijri", "persian"})


class Precision(enum.Enum):
    """How much of a :class:`PartialDate` is known.

    >>> parse_date("Sep 1938").precision
    <Precision.MONTH: 'month'>
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def _is_int(value: object) -> bool:
    # Not isinstance: bool is an int subclass, but True is not a year.
    return type(value) is int


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day, maybe approximately.

    ``text`` is the string it was parsed from; it is kept for messages and
    reports but is not part of equality, hashing or ordering. ``year_inferred``
    is True when the text gave only two digits of the year and the century was
    chosen by :func:`parse_date`'s pivot ("3/9/71"); like ``text`` it is
    outside equality, so it marks how the year was read, not a different date.
    ``calendar`` names the calendar the text was written in when it was not the
    Gregorian one (``"japanese"``, ``"hijri"`` or ``"persian"``, see
    :data:`CALENDARS`); the date itself is always Gregorian, and ``calendar``
    too is outside equality. Dates order by
    year, then month, then day, an unknown part sorting before any known one,
    so "1962" < "1962-01" < "1962-01-01".

    >>> PartialDate(1962, 5)
    PartialDate(year=1962, month=5, day=None, approximate=False)
    >>> PartialDate(1962, 5).latest()
    datetime.date(1962, 5, 31)
    >>> PartialDate(1962) < PartialDate(1962, 1) < PartialDate(1962, 1, 1)
    True
    >>> PartialDate(1962, 2, 30)
    Traceback (most recent call last):
    ...
    sanctionkit.errors.InvalidDateError: 1962-02 has no day 30
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    text: str | None = attrs.field(default=None, eq=False, order=False, hash=False, repr=False)
    year_inferred: bool = attrs.field(
        default=False, eq=False, order=False, hash=False, repr=False, kw_only=True
    )
    calendar: str | None = attrs.field(
        default=None, eq=False, order=False, hash=False, repr=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        year, month, day = self.year, self.month, self.day
        if not _is_int(year) or not 1 <= year <= 9999:
            raise InvalidDateError(f"year must be an int from 1 to 9999, not {year!r}", self.text)
        if month is not None and (not _is_int(month) or not 1 <= month <= 12):
            raise InvalidDateError(f"month must be an int from 1 to 12, not {month!r}", self.text)
        if day is not None:
            if month is None:
                raise InvalidDateError("a day needs a month", self.text)
            if not _is_int(day) or not 1 <= day <= _days_in_month(year, month):
                raise InvalidDateError(f"{year:04d}-{month:02d} has no day {day!r}", self.text)
        if not isinstance(self.approximate, bool):
            raise InvalidDateError(f"approximate must be a bool, not {self.approximate!r}")
        if not isinstance(self.year_inferred, bool):
            raise InvalidDateError(f"year_inferred must be a bool, not {self.year_inferred!r}")
        if self.calendar is not None and self.calendar not in CALENDARS:
            raise InvalidDateError(
                f"calendar must be None or one of {sorted(CALENDARS)}, not {self.calendar!r}"
            )

    @classmethod
    def from_date(cls, date: datetime.date, *, approximate: bool = False) -> PartialDate:
        """Make a day-precision date from a :class:`datetime.date`.

        >>> PartialDate.from_date(datetime.date(2024, 5, 24)).isoformat()
        '2024-05-24'
        """
        return cls(date.year, date.month, date.day, approximate)

    @property
    def precision(self) -> Precision:
        """The most precise part that is known.

        >>> PartialDate(1962).precision
        <Precision.YEAR: 'year'>
        """
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def isoformat(self) -> str:
        """The ISO 8601 prefix form, with EDTF's "~" when approximate.

        :func:`parse_date` reads it back to an equal date.

        >>> PartialDate(1962, 5, 3).isoformat()
        '1962-05-03'
        >>> PartialDate(1960, approximate=True).isoformat()
        '1960~'
        """
        text = f"{self.year:04d}"
        if self.month is not None:
            text = f"{text}-{self.month:02d}"
            if self.day is not None:
                text = f"{text}-{self.day:02d}"
        return text + "~" if self.approximate else text

    def earliest(self) -> datetime.date:
        """The first day the date can mean.

        >>> PartialDate(1962).earliest()
        datetime.date(1962, 1, 1)
        """
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last day the date can mean.

        >>> PartialDate(1980, 2).latest()
        datetime.date(1980, 2, 29)
        """
        month = self.month or 12
        return datetime.date(self.year, month, self.day or _days_in_month(self.year, month))

    def _key(self) -> tuple[int, int, int, bool]:
        # Months and days start at 1, so 0 sorts an unknown part first and
        # keeps the key one-to-one with equality.
        return (self.year, self.month or 0, self.day or 0, self.approximate)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        return self.isoformat()


@attrs.frozen
class DateRange:
    """A span between two partial dates; either end may be open (``None``).

    The ends must be in order (the start may not begin after the end can
    finish) and different: a range from a date to itself is that date, so
    :func:`parse_date` returns a :class:`PartialDate` for it. ``text`` is the
    string it was parsed from, outside equality; the ends' own ``text`` is None.

    >>> span = DateRange(PartialDate(1960), PartialDate(1962))
    >>> span.isoformat()
    '1960/1962'
    >>> DateRange(PartialDate(1990), None).isoformat()
    '1990/..'
    >>> span.latest()
    datetime.date(1962, 12, 31)
    """

    start: PartialDate | None
    end: PartialDate | None
    text: str | None = attrs.field(default=None, eq=False, order=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        for end_ in (start, end):
            if end_ is not None and not isinstance(end_, PartialDate):
                raise InvalidDateError(f"range ends must be PartialDate or None, not {end_!r}")
        if start is None and end is None:
            raise InvalidDateError("a range needs a start, an end or both", self.text)
        if start is not None and end is not None:
            if start == end:
                raise InvalidDateError(
                    f"a range from {start} to itself is the date {start}", self.text
                )
            if start.earliest() > end.latest():
                raise InvalidDateError(f"range {start}/{end} ends before it starts", self.text)

    def isoformat(self) -> str:
        """The EDTF interval form "start/end", with ".." for an open end.

        >>> DateRange(None, PartialDate(1962, 5)).isoformat()
        '../1962-05'
        """
        start = ".." if self.start is None else self.start.isoformat()
        end = ".." if self.end is None else self.end.isoformat()
        return f"{start}/{end}"

    def earliest(self) -> datetime.date:
        """The first day of the range; :attr:`datetime.date.min` when the start is open.

        >>> DateRange(None, PartialDate(1962)).earliest()
        datetime.date(1, 1, 1)
        """
        return datetime.date.min if self.start is None else self.start.earliest()

    def latest(self) -> datetime.date:
        """The last day of the range; :attr:`datetime.date.max` when the end is open.

        >>> DateRange(PartialDate(1960), PartialDate(1962, 5)).latest()
        datetime.date(1962, 5, 31)
        """
        return datetime.date.max if self.end is None else self.end.latest()

    def __str__(self) -> str:
        return self.isoformat()


# --- Parsing ---------------------------------------------------------------------------------

# A time of day after a full ISO date, which the parser checks and drops: the
# hour alone or with minutes and seconds, extended ("10:49:41") or basic
# ("104941"), then a time zone ("Z", "+01", "-0300", "+03:00"). A bare date may
# carry a zone too: XML Schema writes "1960-01-01-05:00".
_ISO_TIME = (
    r"(?:[Tt ](?:[01][0-9]|2[0-4])(?::?[0-5][0-9](?::?(?:[0-5][0-9]|60)(?:[.,][0-9]+)?)?)?"
    r"(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?"
    r"|[Zz]|[+-][0-9]{2}:?[0-9]{2})?"
)

# The fast path: ISO 8601 calendar-date prefixes, the basic YYYYMMDD form, an
# ignored time after a full date, and EDTF's trailing "~" (approximate), "?"
# (uncertain) or "%" (both).
_ISO = re.compile(
    r"([0-9]{4})"
    rf"(?:-([0-9]{{2}})(?:-([0-9]{{2}}){_ISO_TIME})?"
    rf"|([0-9]{{2}})([0-9]{{2}}){_ISO_TIME})?"
    r"([~?%])?",
    re.ASCII,
)

# Years before 1000 are typing errors in these lists ("0213-11-06"); years
# after next year are too. The bound is cached and only re-read from the clock
# when a year exceeds it, so the hot path makes no system call.
_MIN_YEAR = 1000
_max_year = datetime.date.today().year + 1


def _year_is_plausible(year: int, reference: datetime.date | None) -> bool:
    global _max_year
    if year < _MIN_YEAR:
        return False
    if year <= _max_year:
        return True
    _max_year = datetime.date.today().year + 1
    bound = _max_year if reference is None else max(_max_year, reference.year + 1)
    return year <= bound


def _cannot(text: str, reason: str | None = None) -> InvalidDateError:
    message = f"cannot parse date {text!r}"
    return InvalidDateError(f"{message}: {reason}" if reason else message, text)


def _make_date(
    text: str,
    year: int,
    month: int,
    day: int,
    approximate: bool,
    reference: datetime.date | None,
    source: str | None,
) -> PartialDate:
    """Build a date from parsed numbers, 0 meaning unknown, checking plausibility.

    An impossible day of a real month ("31 Feb") is dropped rather than moved,
    since any day we chose would be a guess.
    """
    if not _year_is_plausible(year, reference):
        raise _cannot(text, f"year {year} is not plausible")
    if month > 12:
        raise _cannot(text, f"there is no month {month}")
    if day > 31:
        raise _cannot(text, f"there is no day {day}")
    if month == 0:
        return _checked(year, None, None, approximate, source)
    if day == 0 or day > _days_in_month(year, month):
        return _checked(year, month, None, approximate, source)
    return _checked(year, month, day, approximate, source)


_set = object.__setattr__


def _checked(
    year: int,
    month: int | None,
    day: int | None,
    approximate: bool,
    text: str | None,
    year_inferred: bool = False,
) -> PartialDate:
    """Make a PartialDate from parts the caller has already validated.

    This skips the class's own checks, which would repeat those of
    :func:`_make_date` on the parser's hot path (about a third of its time).
    """
    date = object.__new__(PartialDate)
    _set(date, "year", year)
    _set(date, "month", month)
    _set(date, "day", day)
    _set(date, "approximate", approximate)
    _set(date, "text", text)
    _set(date, "year_inferred", year_inferred)
    _set(date, "calendar", None)
    return date


def _pivot_year(two_digits: int, reference: datetime.date | None) -> int:
    """The latest year up to the reference's (today's) year that ends in ``two_digits``.

    A list's dates of birth and of issue lie in the past, so "71" is 1971 and
    "18" is 2018 when read in 2026; a birth date a century or more before the
    reference is not what a two-digit year means.
    """
    year = (datetime.date.today() if reference is None else reference).year
    return year - (year - two_digits) % 100


def _from_iso(
    match: re.Match[str], text: str, reference: datetime.date | None, source: str | None
) -> PartialDate:
    year, month, day, compact_month, compact_day, marker = match.groups()
    if compact_month is not None:
        month, day = compact_month, compact_day
    return _make_date(
        text,
        int(year),
        int(month) if month else 0,
        int(day) if day else 0,
        marker is not None,
        reference,
        source,
    )


def _iso_range(text: str, reference: datetime.date | None) -> DateRange | PartialDate | None:
    """Read an EDTF interval ("1960/1962", "1960/..", "/1962"), or None if it is not one."""
    first, _, second = text.partition("/")
    ends: list[PartialDate | None] = []
    for part in (first, second):
        if part in ("", ".."):
            ends.append(None)
            continue
        match = _ISO.fullmatch(part)
        if match is None:
            return None
        ends.append(_from_iso(match, text, reference, None))
    return _join(ends[0], ends[1], text)


def _join(start: PartialDate | None, end: PartialDate | None, text: str) -> DateRange | PartialDate:
    if start is None and end is None:
        raise _cannot(text)
    if start is not None and start == end:
        return attrs.evolve(start, text=text)
    if start is not None and end is not None and start.earliest() > end.latest():
        raise _cannot(text, "the range ends before it starts")
    return DateRange(start, end, text)


def parse_date(
    text: str,
    *,
    dayfirst: bool | None = None,
    reference: datetime.date | None = None,
) -> PartialDate | DateRange:
    """Parse a date, a partial date or a range as sanctions lists and news write them.

    Reads ISO 8601 prefixes and EDTF ("1962", "1962-05", "1962-05-03", "1960~",
    "1960/1962", "1960/.."), day-month-year in words in English, French,
    Spanish, Portuguese, Italian, German, Russian, Ukrainian, Turkish, Arabic,
    Persian and Indonesian/Malay ("3 May 1962", "May 3, 1962", "03-MAY-1962",
    "3 мая 1962 г."), approximations ("circa 1960", "c. 1960", "около 1960"),
    ranges ("1960 to 1962", "between 1958 and 1963", "1980-1990", "June 12-14,
    2021") and numeric forms ("03/05/1962", "2024.5.24", "1960年4月11日"). A
    time of day after a full date is dropped ("Thu Sep 25 10:36:28 BRST 2003").

    A two-digit year ("3/9/71", "Sep-99", "03-MAY-62") is the latest year up to
    the year of ``reference`` (today when it is None) that ends in those
    digits, and the result's ``year_inferred`` is True. An ISO week
    ("1998-W07") is the range of its Monday to Sunday, "1998-W07-3" its Wednesday.

    Numeric day/month forms whose parts could be swapped raise
    :class:`~sanctionkit.errors.AmbiguousDateError` unless a part is over 12 or
    ``dayfirst`` says the order; year-first forms are always year-month-day.
    With ``reference`` (the date of the text, e.g. a news article), relative
    phrases resolve: "today", "yesterday", "Friday", "last week", "last month",
    "this year", "earlier this year", "in August", "3 days ago", "24 May".

    Anything else raises :class:`~sanctionkit.errors.InvalidDateError`,
    including years before 1000 or after next year (after the reference's
    next year when that is later), and text over
    :data:`~sanctionkit.values.MAX_VALUE_LENGTH` characters
    (:class:`~sanctionkit.errors.DateTooLongError`, at once). The result's
    ``text`` is ``text``.

    >>> parse_date("1962-05-03")
    PartialDate(year=1962, month=5, day=3, approximate=False)
    >>> print(parse_date("01 Jan 1960 to 31 Dec 1961"))
    1960-01-01/1961-12-31
    >>> print(parse_date("in August", reference=datetime.date(2024, 5, 24)))
    2023-08
    >>> parse_date("#REF!")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.InvalidDateError: cannot parse date '#REF!'
    """
    match = _ISO.fullmatch(text)
    if match is not None:
        return _from_iso(match, text, reference, text)
    if len(text) > _limits.MAX_VALUE_LENGTH:
        check_length(text, DateTooLongError, "date")
    if "/" in text:
        found = _iso_range(text, reference)
        if found is not None:
            return found
    from sanctionkit.values import _dates_text  # the slow path loads its tables on first use

    return _dates_text.parse_words(text, dayfirst, reference)
