"""Benchmark of the EU Financial Sanctions Files XML reader on the real file in ../shared/data/eu.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second. Targets: at most 3× the bare parse, at most
1 KB per kept entity.

Times are the median of several rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_eu_xml.py``.
"""

from __future__ import annotations

from functools import partial

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
RECORD = "{http://eu.europa.ec/fpi/fsd/export}sanctionEntity"
COLUMNS = (
    Column("file", 32),
    Column("records", 8),
    Column("entities", 9),
    Column("bare ms", 9, ".1f", scale=1e3),
    Column("ours ms", 9, ".1f", scale=1e3),
    Column("ratio", 8, ".2f", "×"),
    Column("peak KB", 9, ".0f", scale=1 / 1024),
    Column("B/entity", 10, ".0f"),
    Column("entities/s", 12, ".0f"),
)


def run() -> None:
    """Print, for each real EU file, the time ratio, memory per entity and entities per second."""
    from sanctionkit.formats import eu_xml

    folder = shared_path("eu")
    files = files_in(folder, "*.xml") if folder else []
    if not files:
        print("skipped: no EU files in ../shared/data/eu")
        return
    first_load(lambda: eu_xml.read(files[0], name=files[0].name))
    print_header(COLUMNS)
    verdicts = []
    for path in files:
        load = partial(eu_xml.read, path, name=path.name)
        bare = median_of(partial(bare_iterparse, path, {RECORD}), ROUNDS)
        ours = median_of(load, ROUNDS)
        peak, dataset = peak_bytes(load)
        entities, records = len(dataset), dataset.metadata["records_read"]
        ratio, per_entity, rate = ours / bare, peak / entities, entities / ours
        row = [path.name, records, entities, bare, ours, ratio, peak, per_entity, rate]
        print_row(COLUMNS, row)
        verdicts.append((path.name, ratio, per_entity))
    for verdict in verdicts:
        print_verdict(*verdict)


if __name__ == "__main__":
    run()
