"""Every date inside a text, with where it is: for remarks and prose around the lists' fields.

:func:`~sanctionkit.values.dates.parse_date` reads a field that is one date and
refuses anything else; remarks hold dates among words ("Born in Tehran on 2
March 1961"). :func:`find_dates` finds them without loosening ``parse_date``:
it anchors on each run of digits, tries the few short spans around it (a few
words before, a few tokens after) with ``parse_date`` itself, and keeps the
longest one it reads. Each anchor tries a bounded number of spans of bounded
length, so the time grows with the text's length, never with its square.

>>> [found.text for found in find_dates("Born in Tehran on 2 March 1961, arrived c. 1990.")]
['2 March 1961', 'c. 1990']
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import attrs

from sanctionkit.errors import AmbiguousDateError, InvalidDateError
from sanctionkit.values import _dates_text
from sanctionkit.values._dates_calendars import ERA_NAMES
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["FoundDate", "find_dates"]


@attrs.frozen
class FoundDate:
    """A date found in a text: where it is, what it says, and its value.

    ``span`` is the (start, end) of ``text`` in the searched string, as
    :meth:`re.Match.span` gives it, so ``searched[start:end] == text``.

    >>> found = find_dates("Nacido en Caracas el 4 de mayo de 1970")[0]
    >>> found.span, found.text, found.value.isoformat()
    ((21, 38), '4 de mayo de 1970', '1970-05-04')
    """

    span: tuple[int, int]
    text: str
    value: PartialDate | DateRange


# Numbers, words and single marks, cut as the parser cuts them: each Chinese
# or Japanese character is a word ("ヒジュラ暦" is five).
_CJK = _dates_text._CJK
_TOKEN = re.compile(rf"(\d+)|([{_CJK}]|[^\W\d_{_CJK}]+)|(\S)")
_ONE_CJK = re.compile(rf"[{_CJK}]")
_OPENING = re.compile(r"[(（]")
_CLOSING = re.compile(r"[)）]")
# Words before the number ("circa", "between", "aux alentours de") and tokens
# after it ("June 12-14, 2021", "1402年6月24日（ヒジュラ暦）", twelve).
_BEFORE = 3
_AFTER = 12
_MAX_SPAN = 64
# Marks a date may end with: "(ヒジュラ暦)", "1960~" (not a full stop, which
# ends sentences far more often than abbreviations); and marks it may hold.
_END_MARKS = frozenset(")）~?")
_INNER_MARKS = frozenset("/-‐‑‒–—―−.,~?()（）'")
# Calendar marks the word tables leave to the calendar module.
_CALENDAR_MARKS = frozenset({"h", "sh", "s"})


class _Words(NamedTuple):
    starts: frozenset[str]  # may begin a date: months, hedges, "between", eras
    ends: frozenset[str]  # may end one: months, hedges, calendars, "г", "年"
    inner: frozenset[str]  # any word of the date tables


@lru_cache(maxsize=1)
def _words() -> _Words:
    """Which words may begin, end or sit inside a date, from the parser's own tables.

    A span begins and ends on a number or one of these, so fillers the parser
    skips ("born on 2 March 1961") stay out of the found text, and a span
    stops growing at the first word that is in no table ("in Tehran").
    """
    sense = _dates_text._Sense
    # Each character of "平成" is a token of its own, as in the parser.
    eras = [tuple(_ONE_CJK.findall(era)) or (era,) for era in ERA_NAMES]
    starts: set[str] = {era[0] for era in eras}
    ends: set[str] = set(_CALENDAR_MARKS)
    inner: set[str] = {word for era in eras for word in era} | _CALENDAR_MARKS
    for phrase, (meaning, _) in _dates_text._lexicon().phrases.items():
        inner.update(phrase)
        if meaning in (sense.MONTH, sense.APPROXIMATE, sense.OPENER, sense.WEEKDAY):
            starts.add(phrase[0])
        if meaning in (sense.MONTH, sense.APPROXIMATE, sense.CALENDAR) or (
            # "1962 г.", "1960年4月11日"; not the "в" of "1962 г. в Москве"
            meaning is sense.FILLER and (phrase[-1] == "г" or _ONE_CJK.fullmatch(phrase[-1]))
        ):
            ends.add(phrase[-1])
    return _Words(frozenset(starts), frozenset(ends), frozenset(inner))


# A lone number is a year only from here on: remarks cite resolutions and
# articles by number ("resolution 1483"), seldom years before 1900.
_LONE_YEAR_FROM = 1900


class _Token:
    __slots__ = ("end", "is_number", "is_word", "key", "start", "text")

    def __init__(self, match: re.Match[str]) -> None:
        self.start, self.end = match.span()
        self.text = match.group()
        self.is_number = match.group(1) is not None
        self.is_word = match.group(2) is not None
        self.key = _dates_text._fold(self.text).strip() if self.is_word else self.text

    def may_start(self) -> bool:
        return self.is_number or self.key in _words().starts

    def may_end(self) -> bool:
        return self.is_number or self.key in _words().ends or self.text in _END_MARKS

    def may_be_inside(self) -> bool:
        if self.is_number:
            return len(self.text) <= 8
        return self.key in _words().inner or self.text in _INNER_MARKS


def find_dates(
    text: str, *, dayfirst: bool | None = None, reference: datetime.date | None = None
) -> list[FoundDate]:
    """Find every date in ``text``, in order, each with its span and its parsed value.

    A date is what :func:`~sanctionkit.values.dates.parse_date` reads (with
    ``dayfirst`` and ``reference`` passed on) in a stretch of the text that
    holds a number: "2 March 1961", "4 de mayo de 1970", "circa 1957",
    "between 1969 and 1971", "平成15年5月22日". Where spans overlap the longest
    wins. A number that is only part of a longer word or code ("A1962B") is no
    date, nor is a lone number before 1900 ("resolution 1483"); a lone
    four-digit number from 1900 on is read as a year. Numeric
    dates whose day and month could be swapped are left out unless ``dayfirst``
    says the order, and relative phrases without numbers ("last week") are not
    searched for. Unlike ``parse_date`` there is no length limit: the text is
    prose, and the time is linear in its length.

    >>> print(find_dates("Listed 1 Jan 2020; born between 1969 and 1971")[1].value)
    1969/1971
    >>> find_dates("passport A1962B, resolution 1483")
    []
    """
    tokens = [_Token(match) for match in _TOKEN.finditer(text)]
    # Repeated spans are read once: a hostile text repeats them by the thousand.
    readings: dict[str, PartialDate | DateRange | AmbiguousDateError | None] = {}

    def read(span: str) -> PartialDate | DateRange | AmbiguousDateError | None:
        if span not in readings:
            try:
                readings[span] = parse_date(span, dayfirst=dayfirst, reference=reference)
            except AmbiguousDateError as error:
                readings[span] = error
            except InvalidDateError:
                readings[span] = None
        return readings[span]

    found: list[FoundDate] = []
    free = 0  # the first token not yet inside a found date
    for anchor, token in enumerate(tokens):
        if anchor < free or not token.is_number or _glued(text, token):
            continue
        best = _longest_date(text, tokens, free, anchor, read)
        if best is not None:
            last, date = best
            if date is not None:
                found.append(date)
            free = last + 1
    return found


def _glued(text: str, token: _Token) -> bool:
    """Whether a number is part of a code ("A1962B"): touching an ASCII letter or digit."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    return (before.isascii() and before.isalnum()) or (after.isascii() and after.isalpha())


def _longest_date(
    text: str,
    tokens: list[_Token],
    free: int,
    anchor: int,
    read: Callable[[str], PartialDate | DateRange | AmbiguousDateError | None],
) -> tuple[int, FoundDate | None] | None:
    """The last token and the date of the longest span around ``anchor`` that is one.

    None when no span is a date; a None date when the longest is an ambiguous one.
    """
    lowest = anchor
    # Numbers before the anchor were anchors of their own: only words and
    # marks are taken in ("c. 1990", "aux alentours de 1960").
    while lowest > max(free, anchor - _BEFORE) and not tokens[lowest - 1].is_number:
        if not tokens[lowest - 1].may_be_inside():
            break
        lowest -= 1
    highest = anchor
    while highest < min(len(tokens) - 1, anchor + _AFTER) and tokens[highest + 1].may_be_inside():
        gap = text[tokens[highest].end : tokens[highest + 1].start]
        if "\n" in gap:
            break  # a date does not run across lines: "(a)1982年4月19日\n(b)..."
        if gap and tokens[highest].is_number and tokens[highest + 1].is_number:
            break  # "1 2 3 ...": numbers with only spaces between are no one date
        highest += 1
    spans = [
        (first, last)
        for first in range(lowest, anchor + 1)
        for last in range(anchor, highest + 1)
        if tokens[first].may_start()
        and tokens[last].may_end()
        and tokens[last].end - tokens[first].start <= _MAX_SPAN
    ]
    spans.sort(key=lambda span: (tokens[span[0]].start - tokens[span[1]].end, span[0]))
    for first, last in spans:
        start, end = tokens[first].start, tokens[last].end
        candidate = text[start:end]
        if len(_OPENING.findall(candidate)) != len(_CLOSING.findall(candidate)):
            # Brackets are the date's only when it holds both: "（ヒジュラ暦）" is,
            # the "(c)" of "(c)1402年" or the "）" after "（平成15年5月22日" is not.
            continue
        value = read(candidate)
        if isinstance(value, AmbiguousDateError):
            # The longest reading is a numeric date in an unknown order: a
            # shorter span of it ("1962" of "03/05/1962") would be a part of it
            # passed off as the whole.
            return last, None
        if value is None:
            continue
        if first == last and not _lone_year(value):
            continue
        return last, FoundDate((start, end), candidate, value)
    return None


def _lone_year(value: PartialDate | DateRange) -> bool:
    return isinstance(value, PartialDate) and value.year >= _LONE_YEAR_FROM
