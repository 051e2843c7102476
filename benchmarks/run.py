"""Benchmarks of sanctionkit's value parsers against their peers, in one run.

Run with ``make bench``: it installs the peers (the ``bench`` extra) in
``.bench-venv``, never in the test environment. Every figure is a median over
several rounds, per call, and every comparison prints the ratio peer / ours
(above 1 means sanctionkit is faster).

Inputs come from the real official lists in ``../shared/data`` when that folder
is there (country and date strings harvested from them), plus generated
variants, so that the "distinct" rounds really see thousands of different
strings. Caches are cleared before each distinct round, for every library that
exposes one (ours, countrynames', rigour's), so that the rounds measure work,
not memory.

``hostile`` times every public value parser on long runs of one token (1 kB
and 4 kB; ``benchmarks/hostile.py``): the worst case per parser in ms per kB.

``readers`` runs every reader benchmark beside this module (``bench_*.py``), each
against a bare pass of the standard parser over the same real files, with the
runner of ``_measure.py`` (CPU time, the figure to trust on a shared machine,
with wall time beside it). ``--reader ca --reader un_xml`` runs only those. The
OFAC XML scale run (one read of 1,000,000 synthetic entries, about two minutes)
is left out unless asked for: ``python benchmarks/run.py readers --scale``, or
``SANCTIONKIT_BENCH_SCALE=1`` in the environment (``SANCTIONKIT_BENCH_SCALE=1 make
bench``).

``readers --against REV`` shows that a change to the readers is no slower: each
benchmark's files are read by the readers of git revision REV and by those of
the working tree, each in a warm process of its own, in alternating rounds; it
prints per file the CPU time before and after, their ratio, wall times, and peak
memory before and after (``_against.py``). Without REV (``--against`` alone) the
revision is the merge base of HEAD and ``main``: where the branch left main.
``make bench BENCH_ARGS="readers --against 278df7d"`` does the same in the bench
environment.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # the modules beside this one, run as a script

from _measure import SHARED, median_of

ROUNDS = 5
READERS = (
    "bench_ofac_xml",
    "bench_ofac_enhanced",
    "bench_ofac_advanced",
    "bench_ofac_csv",
    "bench_un_xml",
    "bench_eu_xml",
    "bench_uk",
    "bench_uk_sl",
    "bench_ca",
    "bench_seco",
    "bench_jp",
    "bench_au",
)

Function = Callable[[str], object]
# A contender: its name, the call to time, how to clear its cache, and the call
# that says whether it understood the input (None: "returned without raising").
Contender = tuple[str, Function, Callable[[], None], Function | None]


# --- inputs ---------------------------------------------------------------------------


def harvest(pattern: str, paths: Iterable[Path], encoding: str = "utf-8") -> list[str]:
    """Distinct first groups of ``pattern`` in the files that exist."""
    found: dict[str, None] = {}
    compiled = re.compile(pattern)
    for path in paths:
        if path.exists():
            text = path.read_text(encoding=encoding, errors="replace")
            for match in compiled.finditer(text):
                found[match.group(1).strip()] = None
    return [value for value in found if value]


def country_inputs() -> list[str]:
    import pycountry

    base: dict[str, None] = {}
    for country in pycountry.countries:
        for value in (
            country.alpha_2,
            country.alpha_3,
            country.name,
            getattr(country, "official_name", None),
            getattr(country, "common_name", None),
        ):
            if value:
                base[value] = None
    xml = [SHARED / "ofac" / "consolidated-2018" / "consolidated.xml", *SHARED.glob("un/*.xml")]
    for value in harvest(r"<(?:country|nationality|citizenship)>([^<]+)<", xml):
        base[value] = None
    un_nationality = r"<NATIONALITY>\s*<VALUE>([^<]+)</VALUE>"
    for value in harvest(un_nationality, SHARED.glob("un/*.xml")):
        base[value] = None
    for value in harvest(r'countryDescription="([^"]+)"', SHARED.glob("eu/*.xml")):
        base[value] = None
    add_csv = [SHARED / "ofac" / "sdn-csv-2021" / "add.csv"]
    for value in harvest(r'^[^,]*,[^,]*,"[^"]*","[^"]*","([^"]*)"', add_csv, encoding="latin-1"):
        if value != "-0-":
            base[value] = None
    # Case and spacing variants: each is a distinct input for every library.
    variants: dict[str, None] = {}
    for value in base:
        for variant in (value, value.upper(), value.lower(), f" {value} "):
            variants[variant] = None
    return list(variants)


def date_inputs() -> list[str]:
    rng = random.Random(1962)
    values: dict[str, None] = {}
    start = datetime.date(1930, 1, 1).toordinal()
    for _ in range(2000):
        day = datetime.date.fromordinal(start + rng.randrange(30000))
        values[day.isoformat()] = None
        values[day.isoformat()[:7]] = None
        values[str(day.year)] = None
    return list(values)


def list_date_inputs() -> list[str]:
    """Dates as the lists write them: the forms prefixdate does not read."""
    dob = harvest(r"DOB ([^;\"]+)", [SHARED / "ofac" / "sdn-csv-2021" / "sdn.csv"], "latin-1")
    return dob or ["01 Jan 1960", "circa 1962", "1960 to 1962", "03 May 1962", "May 1962"]


def imo_inputs() -> list[str]:
    rng = random.Random(9074729)
    return [f"IMO {rng.randrange(1_000_000, 9_999_999)}" for _ in range(5000)]


# --- timing ---------------------------------------------------------------------------


def per_call(function: Function, inputs: Sequence[str], clear: Callable[[], None]) -> float:
    """Median seconds per call over ROUNDS passes, caches cleared before each."""
    timings = []
    for _ in range(ROUNDS):
        clear()
        started = time.perf_counter()
        for text in inputs:
            try:
                function(text)
            except (ValueError, LookupError, OverflowError, TypeError):
                pass
        timings.append((time.perf_counter() - started) / len(inputs))
    return statistics.median(timings)


def resolved(function: Function, inputs: Sequence[str]) -> int:
    """How many inputs the function understood: a result that is neither None nor false."""
    count = 0
    for text in inputs:
        try:
            if function(text):
                count += 1
        except (ValueError, LookupError, OverflowError, TypeError):
            pass
    return count


def no_cache() -> None:
    """For libraries without a cache to clear."""


def clearer(*functions: object) -> Callable[[], None]:
    def clear() -> None:
        for function in functions:
            cache_clear = getattr(function, "cache_clear", None)
            if cache_clear is not None:
                cache_clear()

    return clear


def compare(
    title: str,
    contenders: Sequence[Contender],
    inputs: Sequence[str],
    *,
    distinct: bool = True,
) -> None:
    print(f"\n## {title} ({len(inputs)} {'distinct' if distinct else 'repeated'} inputs)")
    print(f"{'library':<40}{'µs/call':>10}{'ratio':>10}{'resolved':>10}")
    # Whatever earlier benchmarks left in memory should not make the garbage
    # collector slower for whoever runs later: park it out of the collector's way.
    gc.collect()
    gc.freeze()
    baseline: float | None = None
    for name, function, clear, understood in contenders:
        for text in inputs[:50]:  # load tables before timing
            try:
                function(text)
            except (ValueError, LookupError, OverflowError, TypeError):
                pass
        seconds = per_call(function, inputs, clear if distinct else no_cache)
        if baseline is None:
            baseline = seconds
        ratio = seconds / baseline
        count = resolved(understood or function, inputs)
        print(f"{name:<40}{seconds * 1e6:>10.2f}{ratio:>9.2f}×{count:>10}")


def import_time(module: str) -> float:
    """Median cumulative import time in seconds, from ``python -X importtime``."""
    timings = []
    for _ in range(7):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in result.stderr.splitlines():
            fields = [field.strip() for field in line.split("|")]
            if len(fields) == 3 and fields[2] == module:
                timings.append(int(fields[1]) / 1e6)
    return statistics.median(timings)


# --- the benchmarks ---------------------------------------------------------------------


def bench_countries() -> None:
    import countrynames
    import pycountry
    from rigour.territories import lookup_territory

    import sanctionkit.values.countries as ours

    def clear_ours() -> None:
        ours._parsed.clear()

    def pycountry_lookup(text: str) -> object:
        return pycountry.countries.lookup(text)

    inputs = country_inputs()
    contenders: list[Contender] = [
        ("sanctionkit.parse_country", ours.parse_country, clear_ours, None),
        ("rigour.territories.lookup_territory", lookup_territory, clearer(lookup_territory), None),
        ("countrynames.to_code", countrynames.to_code, clearer(countrynames.to_code), None),
        ("pycountry.countries.lookup", pycountry_lookup, no_cache, None),
    ]
    compare("parse_country", contenders, inputs)
    repeated = inputs[:100] * 50
    compare("parse_country", contenders, repeated, distinct=False)


def bench_dates() -> None:
    import prefixdate
    from dateutil import parser as dateutil_parser

    import sanctionkit.values.dates as ours

    def prefixdate_understood(text: str) -> object:
        return prefixdate.parse(text).text  # an empty prefix when it cannot read the text

    contenders: list[Contender] = [
        ("sanctionkit.parse_date", ours.parse_date, no_cache, None),
        ("prefixdate.parse", prefixdate.parse, no_cache, prefixdate_understood),
        ("dateutil.parser.parse", dateutil_parser.parse, no_cache, None),
    ]
    compare("parse_date, ISO forms", contenders, date_inputs())
    compare("parse_date, list forms (DOB remarks of OFAC)", contenders, list_date_inputs())


def bench_imo() -> None:
    from rigour.ids import IMO
    from stdnum import imo as stdnum_imo

    from sanctionkit.identifiers import imo as ours

    contenders: list[Contender] = [
        ("sanctionkit.identifiers.imo.validate", ours.validate, no_cache, None),
        ("stdnum.imo.validate", stdnum_imo.validate, no_cache, None),
        ("rigour.ids.IMO.is_valid_vessel", IMO.is_valid_vessel, no_cache, None),
    ]
    compare("IMO validation", contenders, imo_inputs())


def bench_hostile() -> None:
    """The worst hostile input of every value parser, in ms per kB (benchmarks/hostile.py)."""
    import hostile

    print("\n## hostile input: long runs of one token, the slowest per parser")
    hostile.run()


def bench_import() -> None:
    print("\n## import time (python -X importtime, cumulative, median of 7)")
    ours = import_time("sanctionkit")
    peer = import_time("followthemoney")
    print(f"{'import sanctionkit':<40}{ours * 1e3:>8.1f} ms")
    print(f"{'import followthemoney':<40}{peer * 1e3:>8.1f} ms")
    print(f"{'ratio sanctionkit / followthemoney':<40}{ours / peer:>8.2f}")


def bench_tools() -> None:
    """sk.diff and sk.link on the largest real lists (loading not counted)."""
    import sanctionkit as sk

    old_path = SHARED / "ofac" / "sdn-csv-2024-05" / "sdn-2024-05-02.csv"
    new_path = SHARED / "ofac" / "sdn-csv-2024-05" / "sdn-2024-05-03.csv"
    canada_path = SHARED / "ca" / "sema-2025-03-20.xml"
    if not (old_path.exists() and new_path.exists() and canada_path.exists()):
        print("\n## diff and link: skipped, the real lists are absent")
        return
    old, new, canada = sk.load(old_path), sk.load(new_path), sk.load(canada_path)
    print(f"\n## diff and link on the largest real lists (median of {ROUNDS})")
    changes, linked = sk.diff(old, new), sk.link(new, canada)
    print(
        f"{'sk.diff, OFAC SDN 2 vs 3 May 2024':<40}"
        f"{median_of(lambda: sk.diff(old, new), ROUNDS):>8.3f} s  "
        f"({len(old.designations)} vs {len(new.designations)} designations; {changes.summary()})"
    )
    print(
        f"{'sk.link, OFAC SDN + Canada SEMA':<40}"
        f"{median_of(lambda: sk.link(new, canada), ROUNDS):>8.3f} s  "
        f"({len(new) + len(canada)} entities; {len(linked.links)} links)"
    )


def bench_readers(
    only: Sequence[str] = (), against: str | None = None, rounds: int | None = None
) -> None:
    """Each reader against a bare parse of the same files (the modules beside this one),
    or, given a revision in ``against``, against the same reader at that revision."""
    names = [f"bench_{name}" for name in only] or list(READERS)
    if against is not None:
        from _against import compare_revisions

        benches = []
        for name in names:
            declared = getattr(importlib.import_module(name), "BENCHES", None)
            if declared is None:  # a benchmark not yet written as ReaderBench declarations
                print(f"{name}: declares no BENCHES, not compared")
            benches += declared or ()
        compare_revisions(benches, against or None, rounds)
        return
    for name in names:
        module = importlib.import_module(name)
        print(f"\n## {name.removeprefix('bench_')}")
        module.run()
        if name == "bench_ofac_xml" and module.scale_requested():
            module.run_scale()


def bench_match() -> None:
    """sanctionkit.match: compare_names, Index build and search on OFAC's SDN list."""
    module = importlib.import_module("bench_match")
    print("\n## match")
    module.run()


def bench_screen() -> None:
    """sanctionkit.match.screen: rows/s on one core, and Dask with one worker and two."""
    module = importlib.import_module("bench_screen")
    print("\n## screen")
    module.run()


def bench_quality() -> None:
    """Screening quality per perturbation class: sanctionkit, logic-v2 and rapidfuzz."""
    module = importlib.import_module("bench_quality")
    print("\n## match quality")
    module.run()


def bench_classes() -> None:
    """Issue 13's classes of country and date values, beside the peers (bench_value_classes)."""
    importlib.import_module("bench_value_classes").run()


BENCHMARKS = {
    "classes": bench_classes,
    "countries": bench_countries,
    "dates": bench_dates,
    "imo": bench_imo,
    "hostile": bench_hostile,
    "import": bench_import,
    "match": bench_match,
    "quality": bench_quality,
    "readers": bench_readers,
    "screen": bench_screen,
    "tools": bench_tools,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"any of {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument(
        "--scale",
        action="store_true",
        help="readers: add the OFAC XML scale run, 1M entries, ~2 min (SANCTIONKIT_BENCH_SCALE=1)",
    )
    parser.add_argument(
        "--reader",
        action="append",
        default=[],
        metavar="NAME",
        help=f"readers: only this one (repeatable): {', '.join(r[6:] for r in READERS)}",
    )
    parser.add_argument(
        "--against",
        nargs="?",
        const="",
        metavar="REV",
        help="readers: the working tree's readers against those of git revision REV, "
        "CPU time and memory before and after (default REV: merge base of HEAD and main)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        metavar="N",
        help="readers --against: N rounds per file instead of each benchmark's own (3 to 7)",
    )
    arguments = parser.parse_args()
    names = arguments.names or (["readers"] if arguments.against is not None else list(BENCHMARKS))
    if arguments.scale:
        os.environ["SANCTIONKIT_BENCH_SCALE"] = "1"  # what bench_ofac_xml reads
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    unknown = sorted(set(arguments.reader) - {name[6:] for name in READERS})
    if unknown:
        parser.error(f"unknown reader(s): {', '.join(unknown)}")
    meaning = "; ratio = time / sanctionkit's time; lower is faster"
    meaning = "" if arguments.against is not None else meaning
    print(f"Python {sys.version.split()[0]}{meaning}")
    if not SHARED.exists():
        print(f"note: {SHARED} is absent; inputs are generated only")
    readers = partial(bench_readers, arguments.reader, arguments.against, arguments.rounds)
    chosen = {**BENCHMARKS, "readers": readers}
    for name in names:
        chosen[name]()


if __name__ == "__main__":
    main()
