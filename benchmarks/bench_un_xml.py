"""Benchmark of the UN Security Council XML reader on the real lists in ``../shared/data/un``.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second. Targets: at most 3× the bare parse, at most
1 KB per kept entity. Beside them: the library's safe streaming pass alone, and
the bytes of the strings kept per entity, a floor for memory.

Times are the median of several rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_un_xml.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from _measure import (
    Column,
    Extra,
    Figures,
    ReaderBench,
    alternating_timings,
    bare_iterparse,
    in_shared,
    median_timing,
    run_benches,
)

ROUNDS = 7
RECORDS = ("INDIVIDUAL", "ENTITY")
SAFE_COLUMNS = (Column("safe ms", 9, ".1f", scale=1e3), Column("safe", 7, ".2f", "×"))


def safe_stream(path: Path) -> int:
    """The library's safe streaming pass alone (start and end events): the floor of any reader."""
    from sanctionkit.formats._xml import iter_records

    count = 0
    for kind, element in iter_records(path, RECORDS, path.name):
        if kind == "record":
            count += 1
            element.clear()
    return count


def safe_pass(figures: Figures) -> Sequence[object]:
    """The safe streaming pass's CPU time, and its ratio to the bare pass."""
    safe = median_timing(alternating_timings([partial(safe_stream, figures.path)], ROUNDS)[0])
    return [safe.cpu, safe.cpu / figures.bare.cpu]


def text_bytes(figures: Figures) -> Sequence[object]:
    """The bytes of the distinct strings the dataset holds per entity: the data itself."""
    import attrs

    dataset = figures.dataset
    seen: set[int] = set()
    total = 0
    stack: list[object] = [*dataset.entities, *dataset.designations]  # type: ignore[attr-defined]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, str):
            total += sys.getsizeof(item)
        elif isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, field.name) for field in attrs.fields(type(item)))
    return [total / figures.entities]


BENCHES = (
    ReaderBench(
        title="UN Security Council XML",
        reader="un_xml",
        files=in_shared("un", "*.xml"),
        bare=partial(bare_iterparse, records=RECORDS),
        missing="no UN files in ../shared/data/un",
        rounds=ROUNDS,
        extras=(
            Extra(SAFE_COLUMNS, safe_pass),
            Extra((Column("text B", 8, ",.0f"),), text_bytes),
        ),
        notes=(
            "(safe: the library's safe streaming pass alone, CPU; text B: bytes of the strings",
            " kept per entity, which no reader that keeps the data can go below)",
        ),
    ),
)


def run() -> None:
    """Print, for each real UN file, the time ratio, memory per entity and entities per second."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
