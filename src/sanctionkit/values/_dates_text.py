"""The slow path of :func:`sanctionkit.values.dates.parse_date`: dates written in words.

The text is folded (case, accents, compatibility forms such as full-width
digits), cut into tokens (numbers, words, single punctuation marks), and each
word is looked up in the tables of :mod:`sanctionkit.values._dates_words`.
Relative phrases ("last week") are tried first, then one date, then a range
cut at a separator word or mark. Nothing here is on the ISO fast path.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import attrs

from sanctionkit.errors import AmbiguousDateError, InvalidDateError
from sanctionkit.values import _dates_words as words
from sanctionkit.values._dates_calendars import parse_calendar, parse_hijri_month_name
from sanctionkit.values.dates import (
    DateRange,
    PartialDate,
    _cannot,
    _join,
    _make_date,
    _pivot_year,
)

# Longer digit runs are no date part, and int() refuses very long ones.
_MAX_DIGITS = 8

# Numbers, words and single marks. Chinese and Japanese write words without
# spaces, so each of their characters is a word of its own ("年から" is 年, か,
# ら), and the tables' phrases are cut the same way.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"(\d+)|([{_CJK}]|[^\W\d_{_CJK}]+)|(\S)")


class _Kind(enum.Enum):
    NUMBER = "number"
    WORD = "word"
    MARK = "mark"


class _Token(NamedTuple):
    kind: _Kind
    text: str
    glued: bool  # no space before it: "3rd", "1962г", "1970s"


# Control characters become spaces; the Japanese wave dashes ("1937年～1945年")
# are range dashes, not the "~" that NFKD would make of them.
_BEFORE_FOLDING = {
    **dict.fromkeys([*range(0x00, 0x20), 0x7F], " "),
    ord("～"): "-",
    ord("〜"): "-",
}


def _fold(text: str) -> str:
    """Fold case, accents and compatibility forms so table keys meet any spelling."""
    text = text.translate(_BEFORE_FOLDING)
    if not text.isascii():
        # NFKD turns full-width digits into ASCII and splits accents off their
        # letters; dropping the marks makes "Février" meet "fevrier".
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    # Turkish dotless i folds to itself; "MAYIS" must meet "mayıs".
    return text.casefold().replace("ı", "i")


def _tokenize(text: str) -> list[_Token]:
    return _split(_fold(text))


def _split(folded: str) -> list[_Token]:
    """Cut folded text into numbers, words and marks."""
    tokens: list[_Token] = []
    end = -1
    for match in _TOKEN.finditer(folded):
        number, word, _mark = match.groups()
        kind = _Kind.NUMBER if number else _Kind.WORD if word else _Kind.MARK
        tokens.append(_Token(kind, match.group(), match.start() == end))
        end = match.end()
    return tokens


class _Sense(enum.Enum):
    """What a word or mark means to the parser."""

    MONTH = "month"
    WEEKDAY = "weekday"
    APPROXIMATE = "approximate"
    OPENER = "opener"
    SEPARATOR = "separator"
    FILLER = "filler"
    CALENDAR = "calendar"
    BEFORE_COMMON_ERA = "before common era"
    ALTERNATIVE = "alternative"


class _Lexicon(NamedTuple):
    phrases: dict[tuple[str, ...], tuple[_Sense, int]]
    longest: int
    # The first word of each phrase of several words: the second words its phrases have.
    starts: dict[str, frozenset[str]]
    open_end: frozenset[str]
    open_start: frozenset[str]
    ordinals: frozenset[str]


def _word_key(phrase: str) -> tuple[str, ...]:
    return tuple(token.text for token in _tokenize(phrase) if token.kind is _Kind.WORD)


def _phrase_starts(phrases: Iterable[tuple[str, ...]]) -> dict[str, frozenset[str]]:
    starts: dict[str, set[str]] = {}
    for key in phrases:
        if len(key) > 1:
            starts.setdefault(key[0], set()).add(key[1])
    return {first: frozenset(seconds) for first, seconds in starts.items()}


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """Fold the word tables into one lookup, built once on first use."""
    phrases: dict[tuple[str, ...], tuple[_Sense, int]] = {}

    def add(entries: Iterable[str], sense: _Sense, value: int = 0) -> None:
        for entry in entries:
            # The first table to claim a word wins: months before fillers
            # ("mar"), fillers before range words ("de" in "3 de mayo de 1962").
            phrases.setdefault(_word_key(entry), (sense, value))

    for month, names in words.MONTHS.items():
        add(names, _Sense.MONTH, month)
    add(words.OTHER_CALENDARS, _Sense.CALENDAR)
    add(words.BEFORE_COMMON_ERA, _Sense.BEFORE_COMMON_ERA)
    add(words.APPROXIMATE, _Sense.APPROXIMATE)
    add(words.ALTERNATIVES, _Sense.ALTERNATIVE)
    add(words.FILLERS, _Sense.FILLER)
    add(words.RANGE_SEPARATORS, _Sense.SEPARATOR)
    add(words.RANGE_OPENERS, _Sense.OPENER)
    for weekday, names in words.WEEKDAYS.items():
        add(names, _Sense.WEEKDAY, weekday)
    return _Lexicon(
        phrases,
        max(len(key) for key in phrases),
        _phrase_starts(phrases),
        frozenset(" ".join(_word_key(word)) for word in words.OPEN_END_OPENERS),
        frozenset(" ".join(_word_key(word)) for word in words.OPEN_START_SEPARATORS),
        frozenset(_word_key(word)[0] for word in words.ORDINAL_SUFFIXES),
    )


# --- Items: tokens with their meaning ----------------------------------------------------------


class _Is(enum.Enum):
    NUMBER = "number"
    MONTH = "month"
    WEEKDAY = "weekday"
    APPROXIMATE = "approximate"
    OPENER = "opener"
    SEPARATOR = "separator"  # a word ("to", "и") or a dash
    SLASH = "slash"
    DECADE = "decade"  # "1970s"


class _Item(NamedTuple):
    kind: _Is
    value: int = 0
    digits: int = 0  # for numbers: how many digits were written
    word: str = ""


_DASHES = frozenset("-‐‑‒–—―−")
_APPROXIMATE_MARKS = frozenset("~?%")
# Punctuation that only separates the parts of one date.
_IGNORED_MARKS = frozenset(".,:;()[]'\"«»„“”‘’·،")


def _longest_phrase(
    tokens: Sequence[_Token], index: int, lexicon: _Lexicon
) -> tuple[tuple[_Sense, int], str, int] | None:
    """The longest phrase of the tables starting at ``tokens[index]``, a word.

    Returns its meaning, its words (joined by spaces) and how many tokens it spans, or None. The
    longest wins ("كانون الثاني", January, before "كانون" alone), and dots or
    apostrophes may separate its words ("A.D.", "jusqu'à").
    """
    first = tokens[index].text
    if not _may_continue(tokens, index, lexicon.starts.get(first)):
        # Most words: no phrase of several words goes on from here.
        sense = lexicon.phrases.get((first,))
        return None if sense is None else (sense, first, 1)
    words_at: list[int] = [index]
    stop = index + 1
    while stop < len(tokens) and len(words_at) < lexicon.longest:
        token = tokens[stop]
        if token.kind is _Kind.WORD:
            words_at.append(stop)
        elif token.text not in ".'":
            break
        stop += 1
    texts = tuple(tokens[at].text for at in words_at)
    for count in range(len(words_at), 0, -1):
        sense = lexicon.phrases.get(texts[:count])
        if sense is not None:
            return sense, " ".join(texts[:count]), words_at[count - 1] + 1 - index
    return None


def _may_continue(tokens: Sequence[_Token], index: int, seconds: frozenset[str] | None) -> bool:
    """Whether the word after ``tokens[index]``, past dots and apostrophes, is in ``seconds``."""
    if not seconds:
        return False
    for at in range(index + 1, len(tokens)):
        token = tokens[at]
        if token.kind is _Kind.WORD:
            return token.text in seconds
        if token.text not in ".'":
            return False
    return False


# What each mark means in a date; None for the punctuation that only separates its parts.
_MARK_ITEMS: dict[str, _Item | None] = {
    **dict.fromkeys(_IGNORED_MARKS),
    **{mark: _Item(_Is.APPROXIMATE) for mark in _APPROXIMATE_MARKS},
    "/": _Item(_Is.SLASH),
    **{dash: _Item(_Is.SEPARATOR, word=dash) for dash in _DASHES},
}

# The senses that refuse the whole text, and why.
_REFUSED_SENSES = {
    _Sense.CALENDAR: "only Gregorian dates are supported",
    _Sense.BEFORE_COMMON_ERA: "years before the common era are not supported",
    _Sense.ALTERNATIVE: "it gives alternative dates; parse each one",
}


def _items(tokens: Sequence[_Token], text: str) -> list[_Item]:
    """Give each token its meaning, or refuse the text at the first one with none."""
    lexicon = _lexicon()
    items: list[_Item] = []
    unknown = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.kind is _Kind.NUMBER:
            if len(token.text) > _MAX_DIGITS:
                unknown = True
            else:
                items.append(_Item(_Is.NUMBER, int(token.text), len(token.text)))
        elif token.kind is _Kind.MARK:
            if token.text not in _MARK_ITEMS:
                unknown = True
            elif (mark := _MARK_ITEMS[token.text]) is not None:
                items.append(mark)
        elif not _ends_number(token, items, lexicon):
            found = _longest_phrase(tokens, index - 1, lexicon)
            if found is None:
                unknown = True
                continue
            (sense, value), phrase, length = found
            index += length - 1
            item = _phrase_item(sense, value, phrase, text)
            if item is not None:
                items.append(item)
    if unknown:
        raise _cannot(text)
    return items


def _ends_number(token: _Token, items: list[_Item], lexicon: _Lexicon) -> bool:
    """Whether the word is a suffix glued to the number before it ("3rd", "1er", "1970s").

    A decade's "s" turns that number into a decade, in place.
    """
    if not token.glued or not items or items[-1].kind is not _Is.NUMBER:
        return False
    previous = items[-1]
    if token.text in lexicon.ordinals and previous.digits <= 2:
        return True
    if token.text == "s" and previous.digits == 4 and previous.value % 10 == 0:
        items[-1] = _Item(_Is.DECADE, previous.value)
        return True
    return False


def _phrase_item(sense: _Sense, value: int, phrase: str, text: str) -> _Item | None:
    """The item a phrase of the tables makes, None for a filler; refuse what is out of scope."""
    refused = _REFUSED_SENSES.get(sense)
    if refused is not None:
        raise _cannot(text, refused)
    if sense is _Sense.MONTH:
        return _Item(_Is.MONTH, value)
    if sense is _Sense.WEEKDAY:
        return _Item(_Is.WEEKDAY, value)
    if sense is _Sense.APPROXIMATE:
        return _Item(_Is.APPROXIMATE)
    if sense is _Sense.OPENER:
        return _Item(_Is.OPENER, word=phrase)
    if sense is _Sense.SEPARATOR:
        return _Item(_Is.SEPARATOR, word=phrase)
    return None


# --- One date ------------------------------------------------------------------------------------


class _Parts(NamedTuple):
    """Numbers read for one date; 0 means the part is unknown."""

    year: int
    month: int
    day: int
    approximate: bool
    two_digit_year: bool = False  # the year is the last two digits; the century is inferred


class _NoMatch(Exception):
    """The items do not have the shape of one date (internal; never escapes)."""


def _strip_approximate(items: Sequence[_Item]) -> tuple[bool, Sequence[_Item]]:
    approximate = False
    while items and items[0].kind is _Is.APPROXIMATE:
        approximate, items = True, items[1:]
    while items and items[-1].kind is _Is.APPROXIMATE:
        approximate, items = True, items[:-1]
    return approximate, items


def _is_year(item: _Item) -> bool:
    return item.kind is _Is.NUMBER and item.digits >= 3


def _one_date(items: Sequence[_Item], dayfirst: bool | None, text: str) -> _Parts:
    """Read the items as one date, or raise _NoMatch."""
    approximate, items = _strip_approximate(items)
    numbers, months = _numbers_and_months(items)
    if len(months) > 1 or not 1 <= len(numbers) <= 3 - len(months):
        raise _NoMatch
    if months:
        return _with_month_name(items, numbers, months[0], approximate)
    if len(numbers) == 1:
        return _one_number(numbers[0], approximate)
    return _numbers_only(numbers, dayfirst, text, approximate)


def _numbers_and_months(items: Sequence[_Item]) -> tuple[list[_Item], list[int]]:
    """The numbers and the months of one date's items; _NoMatch for any item one date refuses."""
    numbers: list[_Item] = []
    months: list[int] = []
    for item in items:
        if item.kind is _Is.NUMBER:
            numbers.append(item)
        elif item.kind is _Is.MONTH:
            months.append(item.value)
        elif item.kind not in (_Is.WEEKDAY, _Is.SLASH) and not (
            item.kind is _Is.SEPARATOR and item.word in _DASHES
        ):
            # Dashes and slashes separate the parts of one date ("03-MAY-1962");
            # a weekday before a full date adds nothing.
            raise _NoMatch
    return numbers, months


def _with_month_name(
    items: Sequence[_Item], numbers: list[_Item], month: int, approximate: bool
) -> _Parts:
    """One date whose month is a word: one year and at most one day around it."""
    years = [number for number in numbers if _is_year(number)]
    days = [number for number in numbers if number.digits <= 2]
    if not years and _month_dash_two_digits(items):
        # "Sep-99", "03-MAY-62": the dash between the month and two digits
        # makes them a year; "Sep 21" or "21-Sep" stays a day.
        day = numbers[0].value if len(numbers) == 2 else 0
        return _Parts(numbers[-1].value, month, day, approximate, True)
    if len(years) != 1 or len(days) != len(numbers) - 1:
        raise _NoMatch  # no year, or two
    return _Parts(years[0].value, month, days[0].value if days else 0, approximate)


def _one_number(number: _Item, approximate: bool) -> _Parts:
    """One date written as one number: a year, or YYYYMMDD."""
    if number.digits in (3, 4):
        return _Parts(number.value, 0, 0, approximate)
    if number.digits == 8:  # YYYYMMDD
        value = number.value
        return _Parts(value // 10000, value // 100 % 100, value % 100, approximate)
    raise _NoMatch


def _numbers_only(
    numbers: list[_Item], dayfirst: bool | None, text: str, approximate: bool
) -> _Parts:
    """One date of two or three numbers: the year first, last, or two digits at the end."""
    first, *_, last = numbers
    if any(not _is_year(number) and number.digits > 2 for number in numbers):
        raise _NoMatch
    if _is_year(first) and not any(_is_year(number) for number in numbers[1:]):
        # Year first is always year-month-day ("2024.5.24", "1960年4月11日").
        return _Parts(
            first.value, numbers[1].value, numbers[2].value if len(numbers) == 3 else 0, approximate
        )
    if (
        len(numbers) == 3
        and last.digits == 2
        and not any(_is_year(number) for number in numbers)
        and any(number.value for number in numbers)
    ):
        # "3/9/71", "29/10/18": day, month and the year's last two digits. A one-digit
        # year ("00/00/0") and all zeros ("00/00/00") are placeholders, not dates.
        day, month = _day_and_month(numbers[0].value, numbers[1].value, dayfirst, text)
        return _Parts(last.value, month, day, approximate, True)
    if not _is_year(last) or any(_is_year(number) for number in numbers[:-1]):
        raise _NoMatch
    if len(numbers) == 2:
        return _Parts(last.value, first.value, 0, approximate)  # "01/1957"
    day, month = _day_and_month(numbers[0].value, numbers[1].value, dayfirst, text)
    return _Parts(last.value, month, day, approximate)


def _month_dash_two_digits(items: Sequence[_Item]) -> bool:
    """Whether the items are a month, dashes and a two-digit number, with at most a day and
    dashes before the month: "Sep-99", "03-MAY-62"."""

    def is_dash(item: _Item) -> bool:
        return item.kind is _Is.SEPARATOR and item.word in _DASHES

    # A run of dashes reads as one dash ("Sep--99"), as everywhere in one date.
    shape = [
        item
        for index, item in enumerate(items)
        if not (is_dash(item) and index > 0 and is_dash(items[index - 1]))
    ]
    if len(shape) not in (3, 5):
        return False
    month, dash, number = shape[-3:]
    if (
        month.kind is not _Is.MONTH
        or not is_dash(dash)
        or number.kind is not _Is.NUMBER
        or number.digits != 2
    ):
        return False
    if len(shape) == 3:
        return True
    day, dash = shape[:2]
    return day.kind is _Is.NUMBER and day.digits <= 2 and is_dash(dash)


def _day_and_month(first: int, second: int, dayfirst: bool | None, text: str) -> tuple[int, int]:
    if first == second:
        return first, second
    if first > 12 and second > 12:
        raise _NoMatch
    if first > 12:
        return first, second
    if second > 12:
        return second, first
    if dayfirst is None:
        raise AmbiguousDateError(
            f"ambiguous date {text!r}: day and month could be swapped; "
            "pass dayfirst=True or dayfirst=False",
            text,
        )
    return (first, second) if dayfirst else (second, first)


def _borrow(left: Sequence[_Item], right: _Parts) -> Sequence[_Item]:
    """Complete a range's first end from its second: "Aug. and Sep. 1977", "1-5 March 1990"."""
    if any(_is_year(item) for item in left):
        return left
    numbers = sum(item.kind is _Is.NUMBER for item in left)
    if right.two_digit_year and numbers + any(item.kind is _Is.MONTH for item in left) >= 3:
        return left  # a whole date with a two-digit year: "3/9/71 - 5/9/71"
    has_month = any(item.kind is _Is.MONTH for item in left)
    if not has_month and right.month:
        left = [*left, _Item(_Is.MONTH, right.month)]
    return [*left, _Item(_Is.NUMBER, right.year, 2 if right.two_digit_year else 4)]


def _lend_month(left: Sequence[_Item], right: Sequence[_Item]) -> Sequence[_Item]:
    """Give a range's second end the month named only in its first: "June 12-14, 2021".

    Without it, "14, 2021" would read as month 14 of 2021.
    """
    months = [item for item in left if item.kind is _Is.MONTH]
    numbers = [item for item in right if item.kind is _Is.NUMBER]
    if (
        len(months) != 1
        or any(_is_year(item) for item in left)
        or any(item.kind is _Is.MONTH for item in right)
        or len(numbers) != 2
        or sum(_is_year(number) for number in numbers) != 1
    ):
        return right
    return [months[0], *right]


def _split_points(items: Sequence[_Item]) -> list[int]:
    """Where a range may be cut: words first, then dashes, then slashes."""
    separators = [i for i, item in enumerate(items) if item.kind is _Is.SEPARATOR]
    worded = [i for i in separators if items[i].word not in _DASHES]
    dashed = [i for i in separators if items[i].word in _DASHES]
    slashed = [i for i, item in enumerate(items) if item.kind is _Is.SLASH]
    return worded + dashed + slashed


# Item lists this short are read as they are: compacting them would gain nothing.
_SHORT = 16


def _compacted(items: Sequence[_Item]) -> list[_Item]:
    """The items with every long run of dashes, slashes and weekdays cut to four, and every
    run of approximation marks to one: the same dates and ranges, in bounded work.

    Cutting a range inside a run of dashes gives the same two ends wherever the
    cut is, except at the run's first and last item (where an approximation
    mark before or after the run can stay at the end of a side), so the run
    keeps those two and one dash and one slash of its middle. Without this,
    each cut in "1 - - - ... - 1" would reread all the items: quadratic.
    """
    kept: list[_Item] = []
    run: list[_Item] = []

    def flush() -> None:
        if len(run) <= 4:
            kept.extend(run)
        else:
            middle = run[1:-1]
            dash = next((item for item in middle if item.kind is _Is.SEPARATOR), None)
            slash = next((item for item in middle if item.kind is _Is.SLASH), None)
            cuts = [item for item in (dash, slash) if item is not None]
            kept.extend([run[0], *(cuts or middle[:1]), run[-1]])
        run.clear()

    for item in items:
        kind = item.kind  # a dash, slash or weekday: one date reads the same with any number
        if (
            kind is _Is.SLASH
            or kind is _Is.WEEKDAY
            or (kind is _Is.SEPARATOR and item.word in _DASHES)
        ):
            run.append(item)
            continue
        flush()
        if item.kind is _Is.APPROXIMATE and kept and kept[-1].kind is _Is.APPROXIMATE:
            continue
        kept.append(item)
    flush()
    return kept


def _may_be_range(items: Sequence[_Item]) -> bool:
    """Whether two dates can be cut from the items, judged by counting alone.

    Each end has at most three numbers and one month, and nothing else that
    one date refuses: a range has at most one separator word (the cut), no
    opener or decade, and runs of approximation marks only next to the cut
    (those at the text's ends are already gone). Checked first, so that text with many
    of them ("a a a ...") is refused without trying every cut.
    """
    numbers = months = words = others = marks = 0
    previous = _Is.NUMBER
    for item in items:
        if item.kind is _Is.NUMBER:
            numbers += 1
        elif item.kind is _Is.MONTH:
            months += 1
        elif item.kind is _Is.APPROXIMATE:
            marks += previous is not _Is.APPROXIMATE  # a run of marks counts once
        elif item.kind is _Is.SEPARATOR and item.word not in _DASHES:
            words += 1
        elif item.kind is _Is.OPENER or item.kind is _Is.DECADE:
            others += 1
        previous = item.kind
    return 1 <= numbers <= 6 and months <= 2 and words <= 1 and not others and marks <= 2


def _absolute(
    items: Sequence[_Item], dayfirst: bool | None, reference: datetime.date | None, text: str
) -> PartialDate | DateRange:
    if len(items) > _SHORT:
        items = _compacted(items)
    approximate, items = _strip_approximate(items)
    opener = ""
    if items and items[0].kind is _Is.OPENER:
        opener, items = items[0].word, items[1:]
        more_approximate, items = _strip_approximate(items)
        approximate = approximate or more_approximate
    if len(items) == 1 and items[0].kind is _Is.DECADE:
        decade = items[0].value
        start = _make_date(text, decade, 0, 0, approximate, reference, None)
        end = _make_date(text, decade + 9, 0, 0, approximate, reference, None)
        return DateRange(start, end, text)
    if items and items[0].kind is _Is.SEPARATOR and items[0].word in _lexicon().open_start:
        # "until 1990", "до 1990": a range open at its start.
        parts = _one_date(items[1:], dayfirst, text)
        return _join(None, _date(parts, approximate, reference, text), text)
    try:
        parts = _one_date(items, dayfirst, text)
    except _NoMatch:
        pass
    else:
        found = _date(parts, approximate, reference, text)
        if opener in _lexicon().open_end:
            return _join(found, None, text)  # "since 1990"
        return _join(found, found, text)
    if not _may_be_range(items):
        raise _NoMatch
    for point in _split_points(items):
        left, right = items[:point], items[point + 1 :]
        if not left or not right:
            continue
        try:
            end_parts = _one_date(_lend_month(left, right), dayfirst, text)
            start_parts = _one_date(_borrow(left, end_parts), dayfirst, text)
        except _NoMatch:
            continue
        return _join(
            _date(start_parts, approximate, reference, text),
            _date(end_parts, approximate, reference, text),
            text,
        )
    raise _NoMatch


def _date(
    parts: _Parts, approximate: bool, reference: datetime.date | None, text: str
) -> PartialDate:
    year = _pivot_year(parts.year, reference) if parts.two_digit_year else parts.year
    date = _make_date(
        text, year, parts.month, parts.day, parts.approximate or approximate, reference, None
    )
    if parts.two_digit_year:
        object.__setattr__(date, "year_inferred", True)  # a new, unshared instance
    return date


# --- Relative phrases ------------------------------------------------------------------------

_PERIODS = frozenset({"week", "month", "year"})
_RELATIVE_FILLERS = frozenset({"on", "in", "the", "of", "at"})


class _NeedsReference(Exception):
    """The phrase is relative and no reference date was given (internal)."""


def _relative(
    tokens: Sequence[_Token], reference: datetime.date | None, text: str
) -> PartialDate | DateRange | None:
    """Resolve a news phrase against the reference, or None if the text is not one."""
    lexicon = _lexicon()
    phrase: list[str] = []
    for token in tokens:
        if token.kind is _Kind.MARK:
            if token.text in _IGNORED_MARKS:
                continue
            return None
        if token.kind is _Kind.WORD and token.text in lexicon.ordinals and token.glued:
            continue  # "May 24th"
        if token.text not in _RELATIVE_FILLERS:
            phrase.append(token.text)
            if len(phrase) > 4:
                return None  # no phrase has more words, even with a weekday before it
    meanings = [lexicon.phrases.get((word,), (None, 0)) for word in phrase]
    # A weekday next to a date adds nothing ("Friday, 24 May").
    if len(phrase) > 1 and meanings[0][0] is _Sense.WEEKDAY:
        phrase, meanings = phrase[1:], meanings[1:]
    try:
        return _resolve(phrase, meanings, reference, text)
    except _NeedsReference:
        raise _cannot(text, "a reference date is needed (pass reference=...)") from None
    except (ValueError, OverflowError):
        # Arithmetic beyond year 1 or 9999 from an extreme reference.
        raise _cannot(text, "it falls outside the calendar") from None


def _resolve(
    phrase: Sequence[str],
    meanings: Sequence[tuple[_Sense | None, int]],
    reference: datetime.date | None,
    text: str,
) -> PartialDate | DateRange | None:
    """The date or range a relative phrase names, by its shape; None if it is none of them."""
    words_ = tuple(phrase)
    if len(words_) == 1:
        return _one_word(words_[0], meanings[0], reference, text)
    if len(words_) == 2 and words_[0] in _NEIGHBOURS:
        return _last_this_next(words_, meanings[1], reference, text)
    if len(words_) == 3 and words_[:2] == ("earlier", "this") and words_[2] in _PERIODS:
        return _earlier_this(words_[2], _reference(reference), text)
    if len(words_) == 3 and words_[2] == "ago" and words_[1] in words.UNITS:
        return _ago(words_[0], words.UNITS[words_[1]], reference, text)
    senses = [sense for sense, _ in meanings]
    if len(words_) == 2 and _Sense.MONTH in senses:
        # "24 May", "May 24"
        at = senses.index(_Sense.MONTH)
        return _day_of_month(meanings[at][1], words_[1 - at], reference, text)
    return None


_NEIGHBOURS = {"last": -1, "this": 0, "next": 1}


def _reference(reference: datetime.date | None) -> datetime.date:
    """The reference date, asked for only once a phrase is known to need it."""
    if reference is None:
        raise _NeedsReference
    return reference


def _day(date: datetime.date, text: str) -> PartialDate:
    return PartialDate(date.year, date.month, date.day, False, text)


def _month(year: int, number: int, text: str) -> PartialDate:
    return PartialDate(year, number, None, False, text)


def _week(date: datetime.date, offset: int, text: str) -> DateRange:
    """Monday to Sunday of the week ``offset`` weeks from the one holding ``date``."""
    monday = date - datetime.timedelta(days=date.weekday()) + datetime.timedelta(weeks=offset)
    sunday = monday + datetime.timedelta(days=6)
    return DateRange(PartialDate.from_date(monday), PartialDate.from_date(sunday), text)


def _shift_month(date: datetime.date, offset: int, text: str) -> PartialDate:
    index = date.year * 12 + date.month - 1 + offset
    return _month(index // 12, index % 12 + 1, text)


def _one_word(
    word: str, meaning: tuple[_Sense | None, int], reference: datetime.date | None, text: str
) -> PartialDate | None:
    """One word: "today", "yesterday", "tomorrow", a weekday or a month."""
    if word == "today":
        return _day(_reference(reference), text)
    if word == "yesterday":
        return _day(_reference(reference) - datetime.timedelta(days=1), text)
    if word == "tomorrow":
        return _day(_reference(reference) + datetime.timedelta(days=1), text)
    sense, number = meaning
    if sense is _Sense.WEEKDAY:
        # The latest such weekday on or before the reference.
        today = _reference(reference)
        back = (today.weekday() - number) % 7
        return _day(today - datetime.timedelta(days=back), text)
    if sense is _Sense.MONTH:
        # "in August": the latest August that has begun by the reference.
        today = _reference(reference)
        return _month(today.year if number <= today.month else today.year - 1, number, text)
    return None


def _last_this_next(
    words_: tuple[str, ...],
    meaning: tuple[_Sense | None, int],
    reference: datetime.date | None,
    text: str,
) -> PartialDate | DateRange | None:
    """Last, this or next week, month or year; last Friday, last August."""
    which, what = words_
    offset = _NEIGHBOURS[which]
    if what == "week":
        return _week(_reference(reference), offset, text)
    if what == "month":
        return _shift_month(_reference(reference), offset, text)
    if what == "year":
        return PartialDate(_reference(reference).year + offset, None, None, False, text)
    sense, number = meaning
    if which == "last" and sense is _Sense.WEEKDAY:
        today = _reference(reference)
        back = (today.weekday() - number) % 7 or 7
        return _day(today - datetime.timedelta(days=back), text)
    if which == "last" and sense is _Sense.MONTH:
        today = _reference(reference)
        return _month(today.year if number < today.month else today.year - 1, number, text)
    return None


def _earlier_this(period: str, today: datetime.date, text: str) -> PartialDate | DateRange:
    """Earlier this week, month or year: from the period's first day to the reference."""
    if period == "week":
        first = today - datetime.timedelta(days=today.weekday())
    elif period == "month":
        first = today.replace(day=1)
    else:
        first = today.replace(month=1, day=1)
    return _join(PartialDate.from_date(first), PartialDate.from_date(today), text)


def _ago(
    count_word: str, unit: str, reference: datetime.date | None, text: str
) -> PartialDate | DateRange | None:
    """A count of units ago ("three days ago", "2 weeks ago"); None if the count is no number."""
    count = words.NUMBER_WORDS.get(count_word)
    if count is None and count_word.isdecimal() and len(count_word) <= 4:
        count = int(count_word)
    if count is None:
        return None
    if unit == "day":
        return _day(_reference(reference) - datetime.timedelta(days=count), text)
    if unit == "week":
        return _week(_reference(reference), -count, text)
    if unit == "month":
        return _shift_month(_reference(reference), -count, text)
    return PartialDate(_reference(reference).year - count, None, None, False, text)


def _day_of_month(
    number: int, other: str, reference: datetime.date | None, text: str
) -> PartialDate | None:
    """A day and a month: the latest such day on or before the reference."""
    if not other.isdecimal() or len(other) > 2 or not 1 <= int(other) <= 31:
        return None
    day_of_month = int(other)
    today = _reference(reference)
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = datetime.date(year, number, day_of_month)
        except ValueError:
            continue  # 29 February outside a leap year
        if candidate <= today:
            return _day(candidate, text)
    raise _cannot(text, f"there is no day {day_of_month} in month {number}")


# --- Clock times ---------------------------------------------------------------------------------


def _alternatives(entries: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first so that "a las" beats "a"."""
    return "|".join(
        re.escape(entry) for entry in sorted(map(_fold, entries), key=len, reverse=True)
    )


@lru_cache(maxsize=1)
def _clock_time() -> re.Pattern[str]:
    """The pattern of a time of day, with the words around it, in folded text."""
    am_pm = r"[ap]\.?\s?m\b\.?"
    not_in_word = r"(?![^\W_])"
    return re.compile(
        # "t" glued to a date ("2017-5-2T10:00"), or a connector word ("at", "à", "в")
        rf"(?:(?<=\d)t|(?:(?<![^\W_])(?:{_alternatives(words.TIME_CONNECTORS)})\s*)?(?<![\d:.,]))"
        r"(?:"
        rf"(?P<hour>[01]?\d|2[0-4]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?(?:\s*(?P<am_pm>{am_pm}))?"
        rf"|(?:0?[1-9]|1[0-2])(?:[.:][0-5]\d)?\s*{am_pm}"  # "3pm", "12.16 pm"
        r"|(?:[01]?\d|2[0-3])h[0-5]\d"  # "14h40"
        r"|\d{1,2}[時时](?:\d{1,2}分(?:\d{1,2}秒)?)?"  # "21時40分"
        rf"|(?:{_alternatives(words.TIME_WORDS)}){not_in_word}"
        r")(?![\d:])"
        rf"(?:\s*(?:{_alternatives(words.TIME_SUFFIXES)}){not_in_word})?"
        rf"(?:\s*(?:{_alternatives(words.TIME_ZONES)}){not_in_word})?"
        r"(?:\s*(?:utc|gmt)?[+-]\d{2}(?::?\d{2})?(?!\d))?"
    )


def _drop_clock_time(folded: str) -> tuple[str, bool]:
    """Remove a time of day from folded text; say whether there was one.

    A time is dropped, not parsed: the value is a date. "13:44 AM" is left in
    place, so that the text is refused.
    """

    def blank(match: re.Match[str]) -> str:
        if match.group("am_pm") and not 1 <= int(match.group("hour")) <= 12:
            return match.group()
        return " "

    dropped = _clock_time().sub(blank, folded)
    return dropped, dropped != folded


# --- Entry point ---------------------------------------------------------------------------------


# The commonest form after ISO ("10 Dec 1948", "Sep 1938", "03-MAY-1962", most of
# OFAC's dates of birth), read without tokenizing.
_QUICK = re.compile(r"(?:([0-9]{1,2})[ -])?([A-Za-z]{3,9})\.?[ -]([0-9]{4})", re.ASCII)

# ISO 8601 week dates, extended or basic: "1998-W07", "1998-W07-3", "1998W073".
_ISO_WEEK = re.compile(r"([0-9]{4})(-?)[Ww]([0-9]{2})(?:\2([1-7]))?", re.ASCII)


def _iso_week(
    match: re.Match[str], text: str, reference: datetime.date | None
) -> PartialDate | DateRange:
    """The days of an ISO week, Monday to Sunday, or its one day when a weekday is written.

    A week is a span of seven days that may cross a year's end (1999-W53 does not
    exist; 2020-W01 begins on 30 December 2019), so it is a range of days, not a date
    of some coarser precision.
    """
    year, _, week, weekday = match.groups()
    try:
        monday = datetime.date.fromisocalendar(int(year), int(week), int(weekday or 1))
    except ValueError:
        raise _cannot(text, f"{year} has no ISO week {week}") from None
    start = _make_date(text, monday.year, monday.month, monday.day, False, reference, None)
    if weekday is not None:
        return attrs.evolve(start, text=text)
    sunday = monday + datetime.timedelta(days=6)
    end = _make_date(text, sunday.year, sunday.month, sunday.day, False, reference, None)
    return DateRange(start, end, text)


def parse_words(
    text: str, dayfirst: bool | None, reference: datetime.date | None
) -> PartialDate | DateRange:
    """Parse what the ISO fast path did not take (see ``parse_date``)."""
    match = _QUICK.fullmatch(text)
    if match is not None:
        day, name, year = match.groups()
        sense, month = _lexicon().phrases.get((name.lower(),), (None, 0))
        if sense is _Sense.MONTH:
            return _make_date(text, int(year), month, int(day or 0), False, reference, text)
    week = _ISO_WEEK.fullmatch(text)
    if week is not None:
        return _iso_week(week, text, reference)
    in_calendar = parse_calendar(text, dayfirst, reference)
    if in_calendar is not None:
        return in_calendar
    try:
        return _parse_general(text, dayfirst, reference)
    except InvalidDateError as error:
        # A Hijri month by name ("15 Ramadan 1400"), tried last: no other date pays for it.
        if isinstance(error, AmbiguousDateError):
            raise
        in_words = parse_hijri_month_name(text, reference)
        if in_words is None:
            raise
        return in_words


def _parse_general(
    text: str, dayfirst: bool | None, reference: datetime.date | None
) -> PartialDate | DateRange:
    """:func:`parse_words` of the forms in words and numbers of the Gregorian calendar."""
    folded, had_time = _drop_clock_time(_fold(text))
    tokens = _split(folded)
    if not tokens:
        raise _cannot(text)
    found = _relative(tokens, reference, text)
    if found is None:
        try:
            found = _absolute(_items(tokens, text), dayfirst, reference, text)
        except _NoMatch:
            raise _cannot(text) from None
    if had_time and not (isinstance(found, PartialDate) and found.day is not None):
        raise _cannot(text, "a time of day needs a full date")
    return found
