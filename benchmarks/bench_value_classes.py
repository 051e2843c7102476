"""Issue 13's classes of values, one by one: sanctionkit beside its peers on the same inputs.

For each class: the share each library answers correctly, the share it answers
with another value (confidently wrong), and the median time per call. Country
classes are the tables of ``tests/values/country_classes.py`` (each value's
source is cited there); date classes are the examples of issue 13 §1 that the
date tests cite. A peer's answer counts as correct when it names the same
country (its own codes for historical states are mapped), or the same date;
an answer that is only the start of the date ("1998" for a week of 1998) is
vague, neither correct nor wrong.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.values.country_classes holds the country classes

ROUNDS = 5
# (library, call that gives a comparable answer or None, cache clearer)
Answer = Callable[[str], str | None]
Peer = tuple[str, Answer, Callable[[], None]]

# Peers' codes for states that no longer exist, as ISO 3166-3 writes them.
_HISTORIC = {"SU": "SUHH", "DD": "DDDE", "YU": "YUCS", "CS": "CSHH"}

DATE_CLASSES: dict[str, list[tuple[str, str]]] = {
    "two-digit years": [("2/28/55", "1955-02-28"), ("29/10/18", "2018-10-29")],
    "month and two-digit year": [("Sep-21", "2021-09"), ("Mar-22", "2022-03")],
    "ISO week dates": [("1998-W07", "1998-02-09/1998-02-15"), ("2020-W53-5", "2021-01-01")],
    "hedges": [
        ("possibly 1960", "1960"),
        ("circa 1962", "1962"),
        ("около 1970", "1970"),
        ("vers 1965", "1965"),
        ("hacia 1970", "1970"),
        ("etwa 1970", "1970"),
        ("حوالي 1970", "1970"),
        ("1970年頃", "1970"),
    ],
    "other calendars": [
        ("昭和35年5月1日", "1960-05-01"),
        ("平成12年3月4日", "2000-03-04"),
        ("1380/05/10 SH", "2001-08-01"),
        ("15 Ramadan 1400", "1980-07-28"),
        ("1 Muharram 1420 AH", "1999-04-17"),
    ],
}


def _score(answer: Answer, cases: Sequence[tuple[str, str]]) -> tuple[int, int]:
    right = wrong = 0
    for text, expected in cases:
        try:
            found = answer(text)
        except (ValueError, LookupError, OverflowError, TypeError):
            continue
        if found is None or found == "":
            continue
        if found == expected:
            right += 1
        elif not expected.startswith(found):  # a date's prefix ("1998") is vague, not wrong
            wrong += 1
    return right, wrong


def _time(answer: Answer, cases: Sequence[tuple[str, str]], clear: Callable[[], None]) -> float:
    texts = [text for text, _ in cases]
    timings = []
    for _ in range(ROUNDS):
        clear()
        started = time.perf_counter()
        for text in texts:
            try:
                answer(text)
            except (ValueError, LookupError, OverflowError, TypeError):
                pass
        timings.append((time.perf_counter() - started) / len(texts))
    return statistics.median(timings)


def _table(title: str, peers: Sequence[Peer], cases: Sequence[tuple[str, str]]) -> None:
    print(f"\n### {title} ({len(cases)} values)")
    print(f"{'library':<36}{'correct':>9}{'wrong':>8}{'µs/call':>10}")
    for name, answer, clear in peers:
        _time(answer, cases[:5], clear)  # load tables before timing
        right, wrong = _score(answer, cases)
        seconds = _time(answer, cases, clear)
        share = f"{right / len(cases):>8.0%} {wrong / len(cases):>7.0%}"
        print(f"{name:<36}{share}{seconds * 1e6:>10.1f}")


def _upper(code: object) -> str | None:
    if not code:
        return None
    text = str(code).upper()
    return _HISTORIC.get(text, text)


def country_peers(places: bool) -> list[Peer]:
    import countrynames
    import pycountry
    from rigour.territories import lookup_territory

    import sanctionkit.values.countries as ours

    def sanctionkit_code(text: str) -> str | None:
        return ours.parse_country(text, places=places).code

    def clear_ours() -> None:
        ours._parsed.clear()
        ours._parsed_places.clear()

    def rigour_code(text: str) -> str | None:
        territory = lookup_territory(text)
        return None if territory is None else _upper(territory.code)

    def countrynames_code(text: str) -> str | None:
        return _upper(countrynames.to_code(text))

    def pycountry_code(text: str) -> str | None:
        return _upper(pycountry.countries.lookup(text).alpha_2)

    def clear_rigour() -> None:
        getattr(lookup_territory, "cache_clear", lambda: None)()

    def clear_countrynames() -> None:
        getattr(countrynames.to_code, "cache_clear", lambda: None)()

    return [
        ("sanctionkit.parse_country", sanctionkit_code, clear_ours),
        ("rigour.territories.lookup_territory", rigour_code, clear_rigour),
        ("countrynames.to_code", countrynames_code, clear_countrynames),
        ("pycountry.countries.lookup", pycountry_code, lambda: None),
    ]


def date_peers() -> list[Peer]:
    import prefixdate
    from dateutil import parser as dateutil_parser

    import sanctionkit as sk

    def sanctionkit_date(text: str) -> str | None:
        return str(sk.parse_date(text)).replace("~", "")

    def prefixdate_date(text: str) -> str | None:
        return prefixdate.parse(text).text

    def dateutil_date(text: str) -> str | None:
        return dateutil_parser.parse(text).date().isoformat()

    return [
        ("sanctionkit.parse_date", sanctionkit_date, lambda: None),
        ("prefixdate.parse", prefixdate_date, lambda: None),
        ("dateutil.parser.parse", dateutil_date, lambda: None),
    ]


def run() -> None:
    from tests.values.country_classes import CLASSES

    print("\n## countries, by class of issue 13 §2")
    for title, cases in CLASSES.items():
        _table(title, country_peers(places="places" in title), cases)
    print("\n## dates, by class of issue 13 §1")
    for title, date_cases in DATE_CLASSES.items():
        _table(title, date_peers(), date_cases)
