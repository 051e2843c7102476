"""Benchmark of the Australian DFAT Consolidated List reader on the real files in ../shared/data/au.

sanctionkit's load time as a ratio to a bare python-calamine pass over every
row of the sheet (the floor any reader of the workbook stands on: unzipping and
parsing the sheet, or reading the BIFF records of the old .xls), peak memory
per kept entity (tracemalloc, in a separate pass so that tracing does not slow
the timing), and entities per second. Times are the median of a few rounds,
after one warm-up round that loads the country tables.

Run: ``python benchmarks/bench_au.py``.
"""

from __future__ import annotations

from functools import partial

from _measure import (
    Column,
    bare_calamine,
    files_in,
    first_load,
    median_of,
    peak_bytes,
    print_header,
    print_row,
    shared_path,
)

ROUNDS = 3
COLUMNS = (
    Column("file", 24),
    Column("entities", 9),
    Column("rows", 7),
    Column("bare ms", 9, ".0f", scale=1e3),
    Column("ours ms", 9, ".0f", scale=1e3),
    Column("ratio", 8, ".2f", "×"),
    Column("peak KB", 9, ".0f", scale=1 / 1024),
    Column("B/entity", 10, ".0f"),
    Column("entities/s", 12, ".0f"),
)


def run() -> None:
    """Print, for each real DFAT workbook, the time ratio, memory per entity and speed."""
    from sanctionkit.formats import au_dfat

    folder = shared_path("au")
    files = files_in(folder, "*.xls*") if folder else []
    if not files:
        print("skipped: no DFAT workbooks in ../shared/data/au")
        return
    first_load(lambda: au_dfat.read(files[0], name=files[0].name))
    print_header(COLUMNS)
    for path in files:
        load = partial(au_dfat.read, path, name=path.name)
        rows = bare_calamine(path)
        bare = median_of(partial(bare_calamine, path), ROUNDS)
        ours = median_of(load, ROUNDS)
        peak, dataset = peak_bytes(load)
        entities = len(dataset)
        ratio, per_entity, rate = ours / bare, peak / entities, entities / ours
        print_row(COLUMNS, [path.name, entities, rows, bare, ours, ratio, peak, per_entity, rate])
    print("(peak is what Python allocates; calamine's own buffers in Rust are not traced)")


if __name__ == "__main__":
    run()
