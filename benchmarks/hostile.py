"""Hostile input for every public value parser: the worst time per kilobyte, and how it grows.

A list file with one absurd field, or a service that parses what its users type,
must not be stalled by a value parser. This module builds long texts of one
token repeated (each kind of punctuation, words, digits, scripts, month names,
range words, "circa", commas, brackets, slashes ...), times every public parser
of ``sanctionkit.values`` and ``sanctionkit.identifiers`` on them, and prints
for each parser its slowest input at 1 kB and 4 kB in ms per kB. Linear parsing
keeps the two figures about equal; a quadratic step would make the 4 kB figure
four times the 1 kB one.

The parsers refuse text over ``sanctionkit.values.MAX_VALUE_LENGTH`` at once,
so the timed rounds lift that limit: they measure the parsing itself. The last
column is the public call on the 4 kB input, which is refused.

``--fuzz N`` also parses N random mixtures of the tokens (1 to 10 kB) and
prints the slowest: the way the slow classes fixed here were found.

Run: ``python benchmarks/hostile.py [--fuzz 2000]`` (part of ``make bench``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import random
import signal
import time
from collections.abc import Callable, Iterator

import sanctionkit as sk
from sanctionkit.identifiers import imo, mmsi
from sanctionkit.values import _limits, countries

# One token of each kind; a hostile text is one of them repeated.
TOKENS: dict[str, str] = {
    "comma": ", ",
    "bare commas": ",",
    "dash": "-",
    "spaced dash": " - ",
    "en dash": "–",
    "slash": "/",
    "spaced slash": " / ",
    "dot": ".",
    "semicolon": ";",
    "colon": ":",
    "open bracket": "(",
    "close bracket": ")",
    "brackets": "()",
    "bracketed word": "(a) ",
    "nested": "((",
    "square": "[",
    "apostrophe": "'",
    "quote": '"',
    "punctuation mix": ",.;:-/()[]",
    "symbols": "#$%*+=<>@^_|~",
    "ampersand": "& ",
    "full-width": "（、）。",
    "space": " ",
    "tabs and newlines": "\t\n",
    "letter": "a",
    "word": "a ",
    "words": "abc def ",
    "word comma": "abc, ",
    "country": "Russia ",
    "country comma": "Russia, ",
    "country bracket": "Iran (",
    "country slash": "Russia / ",
    "enumeration": "(1) Iran ",
    "item": "a) Iran ",
    "prefix": "citizen of ",
    "the": "the ",
    "now": "now ",
    "suffix": " national",
    "saint": "St. ",
    "digit": "1",
    "digits": "1 ",
    "year": "1962 ",
    "year dash": "1962-",
    "year slash": "1962/",
    "date": "3 May 1962 ",
    "month": "May ",
    "month dot": "Aug. ",
    "range word": "to ",
    "and": "and ",
    "between": "between 1960 and ",
    "circa": "circa ",
    "c dot": "c. ",
    "approximate mark": "~",
    "question": "?",
    "time": "10:30 ",
    "am": "3 pm ",
    "at": "at ",
    "weekday": "Friday ",
    "last week": "last week ",
    "ago": "3 days ago ",
    "cjk": "年",
    "kana": "イラン",
    "mixed script": "イランIran",
    "cyrillic": "мая ",
    "arabic": "يناير ",
    "accents": "é",
    "combining": "e\u0301",
    "zero-width": "\u200c\u200d",
    "full-width digits": "１",
    "imo label": "IMO ",
    "mmsi label": "MMSI ",
    "imo number": "IMO 9683740 ",
}

_REFERENCE = datetime.date(2024, 5, 24)

# Every public parser: its name and a call that takes the text.
PARSERS: dict[str, Callable[[str], object]] = {
    "parse_country": sk.parse_country,
    "search_countries": sk.search_countries,
    "Country.from_code": sk.Country.from_code,
    "parse_date": sk.parse_date,
    "parse_date dayfirst": functools.partial(sk.parse_date, dayfirst=True),
    "parse_date reference": functools.partial(sk.parse_date, reference=_REFERENCE),
    "imo.compact": imo.compact,
    "imo.validate": imo.validate,
    "imo.validate company": functools.partial(imo.validate, kind="company"),
    "imo.parse": imo.parse,
    "imo.is_valid": imo.is_valid,
    "mmsi.compact": mmsi.compact,
    "mmsi.validate": mmsi.validate,
    "mmsi.flag_country": mmsi.flag_country,
    "mmsi.is_valid": mmsi.is_valid,
}


def hostile(token: str, size: int) -> str:
    """``token`` repeated to ``size`` bytes of UTF-8 (cut at a character)."""
    repeated = token * (size // len(token.encode()) + 1)
    return repeated.encode()[:size].decode(errors="ignore")


@contextlib.contextmanager
def unlimited() -> Iterator[None]:
    """Lift the length limit, so that the parsing itself is timed."""
    saved = _limits.MAX_VALUE_LENGTH
    _limits.MAX_VALUE_LENGTH = 10**9
    try:
        yield
    finally:
        _limits.MAX_VALUE_LENGTH = saved


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def seconds(parse: Callable[[str], object], text: str, rounds: int, limit: float) -> float:
    """The best of ``rounds`` calls, each with an empty country cache; ``inf`` past ``limit``.

    CPU time of this process, not wall time: what the parsing costs, the same on
    a machine that other work shares. A ParseError is an answer. Any other
    exception is a bug, and is raised.
    """
    best = float("inf")
    handler = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(rounds):
            countries._parsed.clear()
            signal.setitimer(signal.ITIMER_REAL, limit)
            started = time.process_time()
            try:
                parse(text)
            except sk.ParseError:
                pass
            except _Timeout:
                return float("inf")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.process_time() - started)
    finally:
        signal.signal(signal.SIGALRM, handler)
    return best


def worst(
    parse: Callable[[str], object], size: int, rounds: int = 3, limit: float = 5.0
) -> tuple[float, str]:
    """The slowest token at ``size`` bytes: (seconds, token name)."""
    timings = [
        (seconds(parse, hostile(token, size), rounds, limit), name)
        for name, token in TOKENS.items()
    ]
    return max(timings)


def run() -> None:
    """Print each parser's worst hostile input at 1 kB and 4 kB, in ms per kB."""
    print(f"limit: {_limits.MAX_VALUE_LENGTH:,} characters; rounds lift it to time the parsing")
    print(f"{len(TOKENS)} tokens, each repeated to 1 kB and 4 kB; the slowest per parser")
    header = f"{'parser':<24}{'worst token':<20}{'1 kB ms/kB':>11}{'4 kB ms/kB':>11}{'growth':>8}"
    print(header + f"{'refused µs':>12}")
    for name, parse in PARSERS.items():
        with unlimited():
            small, token = worst(parse, 1024)
            large = seconds(parse, hostile(TOKENS[token], 4096), 3, 5.0)
            large = max(large, worst(parse, 4096)[0])
        refused = seconds(parse, hostile(TOKENS[token], 4096), 3, 5.0)
        growth = (large / 4) / small
        print(
            f"{name:<24}{token:<20}{small * 1e3:>11.3f}{large / 4 * 1e3:>11.3f}"
            f"{growth:>7.2f}×{refused * 1e6:>12.1f}"
        )


def fuzz(count: int, seed: int = 9) -> None:
    """Parse ``count`` random mixtures of tokens, 1 to 10 kB, and print the slowest."""
    rng = random.Random(seed)
    names = list(TOKENS)
    found: list[tuple[float, str, str]] = []
    with unlimited():
        for _ in range(count):
            size = rng.randrange(1024, 10 * 1024)
            parts = rng.sample(names, rng.randrange(1, 4))
            text = ""
            while len(text.encode()) < size:
                text += TOKENS[rng.choice(parts)] * rng.randrange(1, 50)
            parser = rng.choice(list(PARSERS))
            taken = seconds(PARSERS[parser], text, 2, 2.0)
            per_kb = taken / (len(text.encode()) / 1024)
            found.append((per_kb, parser, "+".join(parts)))
    found.sort(reverse=True)
    print(f"\nfuzz: {count} random mixtures of 1 to 10 kB; the slowest, in ms per kB")
    for per_kb, parser, parts in found[:10]:
        print(f"{parser:<24}{per_kb * 1e3:>10.3f}  {parts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz", type=int, default=0, help="also parse N random mixtures")
    arguments = parser.parse_args()
    run()
    if arguments.fuzz:
        fuzz(arguments.fuzz)


if __name__ == "__main__":
    main()
