"""Dates written in the Japanese, Hijri (lunar) or Persian (solar Hijri) calendar.

:func:`parse_date` calls :func:`parse_calendar` only where the text names its
calendar ("平成12年", "1380 AH", "1402年6月24日（ヒジュラ暦）", "1340 SH"); a bare
number is never taken for a year of another calendar. The result is Gregorian,
with ``calendar`` naming the calendar the text was written in. A year or a month
of a calendar whose years do not begin on 1 January spans two Gregorian years,
so it becomes the range of its days, never one guessed year.

The conversions are arithmetic, with no tables to go stale:

* Hijri: the tabular Islamic calendar (civil epoch, Friday 16 July 622 Julian;
  11 leap years in 30, those with ``(14 + 11 * year) % 30 < 11``). Countries that
  fix months by sighting the moon or by the Umm al-Qura tables may be a day or
  two away from it, so a Hijri day is marked approximate.
* Persian: the 33-year rule (leap years are those with ``(8 * year + 29) % 33 < 8``),
  counted from Nowruz 1403 SH = 20 March 2024; it agrees with the astronomical
  calendar Iran uses from 1178 to 1634 SH, which covers every date on the lists.
* Japanese: the first day of each era (明治 1868, 大正 30 July 1912, 昭和 25
  December 1926, 平成 8 January 1989, 令和 1 May 2019); year 1 is written 元年.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from sanctionkit.errors import AmbiguousDateError
from sanctionkit.values.dates import (
    DateRange,
    PartialDate,
    _cannot,
    _make_date,
)

# --- Hijri (tabular) ---------------------------------------------------------

# Day number (datetime.date.toordinal) of 1 Muharram 1 AH, 16 July 622 Julian.
_HIJRI_EPOCH = datetime.date(622, 7, 19).toordinal()


def _hijri_month_days(year: int, month: int) -> int:
    if month == 12 and (14 + 11 * year) % 30 < 11:
        return 30
    return 30 if month % 2 == 1 else 29


def _hijri_ordinal(year: int, month: int, day: int) -> int:
    """The day number of a tabular Hijri date.

    1 Muharram 1446 was 7 July 2024 by the Umm al-Qura calendar; the tabular
    calendar has it a day later.

    >>> datetime.date.fromordinal(_hijri_ordinal(1446, 1, 1))
    datetime.date(2024, 7, 8)
    """
    return (
        _HIJRI_EPOCH
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + (59 * (month - 1) + 1) // 2
        + day
        - 1
    )


# --- Persian (33-year rule) ----------------------------------------------------

_NOWRUZ_1403 = datetime.date(2024, 3, 20).toordinal()


def _persian_leaps_before(year: int) -> int:
    # Leap years in [1, year) up to a constant: year y is leap exactly when this
    # grows by one from y to y + 1, which is when (8 * y + 29) % 33 < 8.
    return (8 * year + 21) // 33


def _persian_month_days(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if (8 * year + 29) % 33 < 8 else 29


def _persian_ordinal(year: int, month: int, day: int) -> int:
    """The day number of a Persian date.

    >>> datetime.date.fromordinal(_persian_ordinal(1403, 1, 1))
    datetime.date(2024, 3, 20)
    """
    nowruz = (
        _NOWRUZ_1403
        + 365 * (year - 1403)
        + _persian_leaps_before(year)
        - _persian_leaps_before(1403)
    )
    before = 31 * min(month - 1, 6) + 30 * max(month - 7, 0)
    return nowruz + before + day - 1


# --- Japanese eras --------------------------------------------------------------

# Era name, first day, and its last year (None for the current era).
_ERAS: dict[str, tuple[datetime.date, int | None]] = {
    "meiji": (datetime.date(1868, 1, 1), 45),
    "taisho": (datetime.date(1912, 7, 30), 15),
    "showa": (datetime.date(1926, 12, 25), 64),
    "heisei": (datetime.date(1989, 1, 8), 31),
    "reiwa": (datetime.date(2019, 5, 1), None),
}
ERA_NAMES = {
    "明治": "meiji",
    "大正": "taisho",
    "昭和": "showa",
    "平成": "heisei",
    "令和": "reiwa",
    "m": "meiji",
    "t": "taisho",
    "s": "showa",
    "h": "heisei",
    "r": "reiwa",
    "meiji": "meiji",
    "taisho": "taisho",
    "taishō": "taisho",
    "showa": "showa",
    "shōwa": "showa",
    "heisei": "heisei",
    "reiwa": "reiwa",
}
_ORDER = ["meiji", "taisho", "showa", "heisei", "reiwa"]

# --- Recognising the text --------------------------------------------------------

# Years of the Hijri and Persian calendars on the lists have three or four
# digits (13xx, 14xx); one or two are a Japanese era's year ("H12").
_NUM = r"[0-9]{3,4}"


def _kanji(year: str) -> str:
    return rf"(?P<y3>{year})年(?:(?P<m3>[0-9]{{1,2}})月(?:(?P<d3>[0-9]{{1,2}})日)?)?"


# The date part: year alone, year-month(-day) or day/month/year with one
# separator, or Japanese 年月日. Every part is a bounded run of digits.
_YMD = rf"(?P<y>{_NUM})(?:(?P<s1>[-/.])(?P<m>[0-9]{{1,2}})(?:(?P=s1)(?P<d>[0-9]{{1,2}}))?)?"
_DMY = rf"(?P<d2>[0-9]{{1,2}})(?P<s2>[-/.])(?P<m2>[0-9]{{1,2}})(?P=s2)(?P<y2>{_NUM})"
_DATE = rf"(?:{_kanji(_NUM)}|{_DMY}|{_YMD})"

_HIJRI_MARK = r"(?:a\.? ?h\.?|h\.?|هـ|ه|ھ|ق|ه\.? ?ق\.?|\(?ヒジュラ暦\)?|hijri|hijra)"
_PERSIAN_MARK = r"(?:s\.? ?h\.?|ش|ه\.? ?ش\.?|\(?(?:イラン暦|ペルシャ暦)\)?|solar hijri)"

_ERA_ALTERNATIVES = "|".join(sorted(map(re.escape, ERA_NAMES), key=len, reverse=True))
_JAPANESE_KANJI = re.compile(rf"(?P<era>{_ERA_ALTERNATIVES}) ?{_kanji('[0-9]{1,2}|元')}")
_JAPANESE_LATIN = re.compile(
    rf"(?P<era>{_ERA_ALTERNATIVES})\.? ?(?P<y>[0-9]{{1,2}})"
    rf"(?:(?P<s1>[-/.])(?P<m>[0-9]{{1,2}})(?:(?P=s1)(?P<d>[0-9]{{1,2}}))?)?"
)


def _compile_marked(mark: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A date followed by ``mark``, and ``mark`` followed by a date."""
    return re.compile(rf"{_DATE} ?{mark}"), re.compile(rf"{mark} ?{_DATE}")


_HIJRI = _compile_marked(_HIJRI_MARK)
_PERSIAN = _compile_marked(_PERSIAN_MARK)

# A cheap test on the raw text, so that most dates in words pay no folding:
# every calendar's mark is a whole word or one of these characters.
_RAW_MARK = re.compile(
    r"(?<![^\W\d_])(?:a\.? ?h|s\.? ?h|h|hijri|hijra|solar|meiji|taish[oō]|sh[oō]wa|heisei"
    r"|reiwa|[mtshr]\.? ?[0-9０-９])(?![^\W\d_])|[暦明大昭平令هھقشＡ-Ｚａ-ｚ]",
    re.IGNORECASE,
)

# A cheap test before the patterns above: every marker has one of these.
_MAYBE = re.compile(r"[ahsmtr]|[هھقش]|暦|明治|大正|昭和|平成|令和")


def _normalise(text: str) -> str:
    # Persian and Arabic-Indic digits become ASCII, full-width forms plain, the
    # tatweel (ـ) of "هـ" goes, and case and macrons of "Shōwa" are folded.
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    folded = "".join(
        str(unicodedata.digit(char)) if char.isdigit() else char for char in folded
    ).replace("ـ", "")
    folded = folded.replace("ō", "o")
    return " ".join(folded.split())


def _parts(match: re.Match[str]) -> tuple[str, str | None, str | None, bool]:
    """Year, month and day of a matched date part, and whether it was day/month/year."""
    groups = match.groupdict()
    if groups.get("y3") is not None:
        return groups["y3"], groups["m3"], groups["d3"], False
    if groups.get("y2") is not None:
        return groups["y2"], groups["m2"], groups["d2"], True
    return groups["y"], groups.get("m"), groups.get("d"), False


def parse_calendar(
    text: str, dayfirst: bool | None, reference: datetime.date | None
) -> PartialDate | DateRange | None:
    """Read a date that names its calendar, or None if ``text`` names none.

    >>> print(parse_calendar("1380 AH", None, None))
    1960-06-26/1961-06-14
    >>> parse_calendar("平成12年3月4日", None, None).isoformat()
    '2000-03-04'
    """
    if not _RAW_MARK.search(text):
        return None
    folded = _normalise(text)
    if not _MAYBE.search(folded):
        return None
    if folded.startswith("(") and folded.endswith(")"):
        folded = folded[1:-1].strip()  # "（平成15年5月22日）" as Japan's notes write it
    for pattern in (_JAPANESE_KANJI, _JAPANESE_LATIN):
        match = pattern.fullmatch(folded)
        if match is not None:
            year, month, day, _ = _parts(match)
            number = 1 if year == "元" else int(year)
            era = ERA_NAMES[match["era"]]
            return _japanese(era, number, int(month or 0), int(day or 0), text, reference)
    for calendar, patterns in (("hijri", _HIJRI), ("persian", _PERSIAN)):
        for pattern in patterns:
            match = pattern.fullmatch(folded)
            if match is not None:
                year, month, day, day_first = _parts(match)
                numbers = _ordered(int(year), month, day, day_first, dayfirst, text)
                return _converted(calendar, *numbers, text, reference)
    return None


# The Hijri months by name: each name says the calendar, so "15 Ramadan 1400"
# needs no "AH". Keys are the names' letters without spaces, apostrophes or
# hyphens (as :func:`_month_key` makes them); Arabic hamza forms both ways.
_HIJRI_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("muharram", "moharram", "muharrem", "محرم"),
    2: ("safar", "saphar", "صفر"),
    3: ("rabialawwal", "rabiulawwal", "rabiulawal", "rabialawal", "rabii", "ربيعالاول"),
    4: (
        "rabialthani",
        "rabiathani",
        "rabialakhir",
        "rabiussani",
        "rabiulakhir",
        "rabiuthani",
        "rabiii",
        "ربيعالثاني",
        "ربيعالاخر",
    ),
    5: (
        "jumadaalawwal",
        "jumadaalula",
        "jumadaalula",
        "jumadaulawwal",
        "jumadai",
        "جمادىالاولى",
        "جماديالاولي",
        "جمادىالاول",
    ),
    6: (
        "jumadaalthani",
        "jumadaalakhirah",
        "jumadaalakhira",
        "jumadaussani",
        "jumadaii",
        "جمادىالاخرة",
        "جمادىالثانية",
        "جماديالاخرة",
        "جماديالثانية",
    ),
    7: ("rajab", "رجب"),
    8: ("shaban", "shaaban", "shaban", "شعبان"),
    9: ("ramadan", "ramadhan", "ramazan", "رمضان"),
    10: ("shawwal", "shawal", "شوال"),
    11: (
        "dhualqadah",
        "dhulqadah",
        "dhualqida",
        "dhulqada",
        "dhualqadah",
        "zulqadah",
        "zulqada",
        "ذوالقعدة",
    ),
    12: (
        "dhualhijjah",
        "dhulhijjah",
        "dhualhijja",
        "dhulhijja",
        "zulhijjah",
        "zulhijja",
        "ذوالحجة",
    ),
}
_HIJRI_MONTHS = {name: month for month, names in _HIJRI_MONTH_NAMES.items() for name in names}
# "15 Ramadan 1400", "Ramadan 1400 AH", "15 رمضان 1400 هـ": day, month name, year, mark.
_HIJRI_IN_WORDS = re.compile(
    rf"(?:(?P<d>[0-9]{{1,2}}) )?(?P<name>[^\W\d][^\d]{{1,24}}?),? (?P<y>[0-9]{{1,4}})"
    rf"(?: ?{_HIJRI_MARK})?"
)
# What a month's name may hold beside letters, dropped from its key.
_NAME_MARKS = re.compile(r"[\s'’ʿʾ`\-_.]+")
# Arabic letters that Hijri month names are written with in two ways.
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def _month_key(name: str) -> str:
    return _NAME_MARKS.sub("", name).translate(_ARABIC_FORMS)


_HIJRI_MONTHS.update({_month_key(name): month for name, month in list(_HIJRI_MONTHS.items())})


def parse_hijri_month_name(
    text: str, reference: datetime.date | None
) -> PartialDate | DateRange | None:
    """Read "15 Ramadan 1400" or "شعبان 1380 هـ": a Hijri month by name, or None.

    Tried only after every other form failed, so that no Gregorian date pays for it.

    >>> print(parse_hijri_month_name("15 Ramadan 1400", None))
    1980-07-28~
    """
    folded = _normalise(text)
    match = _HIJRI_IN_WORDS.fullmatch(folded)
    if match is None:
        return None
    month = _HIJRI_MONTHS.get(_month_key(match["name"]))
    if month is None:
        return None
    return _converted("hijri", int(match["y"]), month, int(match["d"] or 0), text, reference)


def _ordered(
    year: int,
    month: str | None,
    day: str | None,
    day_first: bool,
    dayfirst: bool | None,
    text: str,
) -> tuple[int, int, int]:
    if not day_first or month is None or day is None:
        return year, int(month or 0), int(day or 0)
    # Written day/month/year like the Gregorian numeric forms, so the same rule
    # about parts that could be swapped: a part over 12 is the day, else
    # dayfirst must say.
    first, second = int(day), int(month)
    if first != second and first <= 12 and second <= 12:
        if dayfirst is None:
            raise AmbiguousDateError(
                f"ambiguous date {text!r}: day and month could be swapped; "
                "pass dayfirst=True or dayfirst=False",
                text,
            )
        if not dayfirst:
            first, second = second, first
    elif second > 12:
        first, second = second, first
    return year, second, first


def _converted(
    calendar: str,
    year: int,
    month: int,
    day: int,
    text: str,
    reference: datetime.date | None,
) -> PartialDate | DateRange:
    if calendar == "hijri":
        ordinal, month_days, months = _hijri_ordinal, _hijri_month_days, 12
    else:
        ordinal, month_days, months = _persian_ordinal, _persian_month_days, 12
    if not 1 <= year <= 9000:
        raise _cannot(text, f"there is no {calendar} year {year}")
    if month > months:
        raise _cannot(text, f"there is no month {month}")
    if month and day > month_days(year, month):
        raise _cannot(text, f"{calendar} month {month} of {year} has no day {day}")
    if month and day:
        found = datetime.date.fromordinal(ordinal(year, month, day))
        # The tabular Hijri calendar can be a day or two from the calendar the
        # issuer used; the Persian one is exact.
        return _day(found, calendar, calendar == "hijri", text, reference)
    if month:
        first = ordinal(year, month, 1)
        last = first + month_days(year, month) - 1
    else:
        first = ordinal(year, 1, 1)
        last = ordinal(year + 1, 1, 1) - 1
    start = _day(datetime.date.fromordinal(first), calendar, False, text, reference)
    end = _day(datetime.date.fromordinal(last), calendar, False, text, reference)
    return DateRange(start, end, text)


def _day(
    date: datetime.date,
    calendar: str,
    approximate: bool,
    text: str,
    reference: datetime.date | None,
) -> PartialDate:
    found = _make_date(text, date.year, date.month, date.day, approximate, reference, text)
    object.__setattr__(found, "calendar", calendar)
    return found


def _japanese(
    era: str, year: int, month: int, day: int, text: str, reference: datetime.date | None
) -> PartialDate | DateRange:
    first, last_year = _ERAS[era]
    if year < 1 or (last_year is not None and year > last_year):
        raise _cannot(text, f"the {era.title()} era has no year {year}")
    following = _ORDER.index(era) + 1
    end = _ERAS[_ORDER[following]][0] if following < len(_ORDER) else None
    gregorian = first.year + year - 1
    if month > 12:
        raise _cannot(text, f"there is no month {month}")
    found = _make_date(text, gregorian, month, day, False, reference, text)
    if found.day is not None:
        date = datetime.date(gregorian, month, found.day)
        if date < first or (end is not None and date >= end):
            raise _cannot(text, f"{date.isoformat()} is not in the {era.title()} era")
    object.__setattr__(found, "calendar", "japanese")
    return found
