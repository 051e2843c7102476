"""Benchmark of the UN Security Council XML reader on the real lists in ``../shared/data/un``.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second. Targets: at most 3× the bare parse, at most
1 KB per kept entity.

Times are the median of several rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_un_xml.py``.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from _measure import (
    Column,
    bare_iterparse,
    files_in,
    first_load,
    median_of,
    peak_bytes,
    print_header,
    print_row,
    print_verdict,
    shared_path,
)

ROUNDS = 7
RECORDS = ("INDIVIDUAL", "ENTITY")
COLUMNS = (
    Column("file", 30),
    Column("entities", 9),
    Column("bare ms", 9, ".1f", scale=1e3),
    Column("safe ms", 9, ".1f", scale=1e3),
    Column("ours ms", 9, ".1f", scale=1e3),
    Column("ratio", 8, ".2f", "×"),
    Column("safe", 7, ".2f", "×"),
    Column("peak KB", 9, ".0f", scale=1 / 1024),
    Column("B/entity", 10, ".0f"),
    Column("text B", 8, ".0f"),
    Column("entities/s", 12, ".0f"),
)


def safe_stream(path: Path) -> int:
    """The library's safe streaming pass alone (start and end events): the floor of any reader."""
    from sanctionkit.formats._xml import iter_records

    count = 0
    for kind, element in iter_records(path, RECORDS, path.name):
        if kind == "record":
            count += 1
            element.clear()
    return count


def text_bytes(dataset: object) -> int:
    """The bytes of the distinct strings the dataset holds: the data itself, a floor for memory."""
    import attrs

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
    return total


def run() -> None:
    """Print, for each real UN file, the time ratio, memory per entity and entities per second."""
    from sanctionkit.formats import un_xml

    folder = shared_path("un")
    files = files_in(folder, "*.xml") if folder else []
    if not files:
        print("skipped: no UN files in ../shared/data/un")
        return
    first_load(lambda: un_xml.read(files[0], name=files[0].name))
    print("(safe: the library's safe streaming pass alone; text B: bytes of the strings kept")
    print(" per entity, which no reader that keeps the data can go below)")
    print_header(COLUMNS)
    verdicts = []
    for path in files:
        load = partial(un_xml.read, path, name=path.name)
        bare = median_of(partial(bare_iterparse, path, RECORDS), ROUNDS)
        safe = median_of(partial(safe_stream, path), ROUNDS)
        ours = median_of(load, ROUNDS)
        peak, dataset = peak_bytes(load)
        entities = len(dataset)
        ratio, per_entity, rate = ours / bare, peak / entities, entities / ours
        text = text_bytes(dataset) / entities
        row = [path.name, entities, bare, safe, ours, ratio, safe / bare, peak, per_entity]
        print_row(COLUMNS, [*row, text, rate])
        verdicts.append((path.name, ratio, per_entity))
    for verdict in verdicts:
        print_verdict(*verdict)


if __name__ == "__main__":
    run()
