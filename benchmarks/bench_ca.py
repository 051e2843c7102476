"""Benchmark of the Canada SEMA XML reader on the real list in ``../shared/data/ca``.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second. Targets: at most 3× the bare parse, at most
1 KB per kept entity.

Times are the median of several rounds, after one warm-up round (imports and
caches, a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_ca.py``.
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
COLUMNS = (
    Column("file", 26),
    Column("entities", 9),
    Column("bare ms", 9, ".1f", scale=1e3),
    Column("ours ms", 9, ".1f", scale=1e3),
    Column("ratio", 8, ".2f", "×"),
    Column("peak KB", 9, ".0f", scale=1 / 1024),
    Column("B/entity", 10, ".0f"),
    Column("entities/s", 12, ".0f"),
)


def run() -> None:
    """Print, for each real Canada file: time ratio, memory per entity, entities per second."""
    from sanctionkit.formats import ca_sema

    folder = shared_path("ca")
    files = files_in(folder, "*.xml") if folder else []
    if not files:
        print("skipped: no Canada files in ../shared/data/ca")
        return
    first_load(lambda: ca_sema.read(files[0], name=files[0].name))
    print_header(COLUMNS)
    verdicts = []
    for path in files:
        load = partial(ca_sema.read, path, name=path.name)
        bare = median_of(partial(bare_iterparse, path, {"record"}), ROUNDS)
        ours = median_of(load, ROUNDS)
        peak, dataset = peak_bytes(load)
        entities = len(dataset)
        ratio, per_entity, rate = ours / bare, peak / entities, entities / ours
        print_row(COLUMNS, [path.name, entities, bare, ours, ratio, peak, per_entity, rate])
        verdicts.append((path.name, ratio, per_entity))
    for verdict in verdicts:
        print_verdict(*verdict)


if __name__ == "__main__":
    run()
