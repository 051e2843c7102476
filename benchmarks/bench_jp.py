"""Benchmark of the Japan Ministry of Finance workbook reader on the real list in ../shared/data/jp.

sanctionkit's load time as a ratio to a bare python-calamine pass over every
row of every sheet (the floor any reader of the workbook stands on: unzipping
and parsing the sheets' XML), the same reader on openpyxl read-only (as it read
before issue 12 §6) and the speed-up, peak memory per kept entity (tracemalloc,
in a separate pass so that tracing does not slow the timing), and entities per
second. The old .xls of 2022 is read too (calamine only: openpyxl reads no .xls).

Times are the median of a few rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_jp.py``.
"""

from __future__ import annotations

from functools import partial

from _measure import (
    Column,
    bare_calamine,
    files_in,
    first_load,
    median_of,
    on_openpyxl,
    peak_bytes,
    print_header,
    print_row,
    shared_path,
)

ROUNDS = 3
COLUMNS = (
    Column("file", 32),
    Column("entities", 9),
    Column("rows", 7),
    Column("bare ms", 9, ".0f", scale=1e3),
    Column("ours ms", 9, ".0f", scale=1e3),
    Column("ratio", 8, ".2f", "×"),
    Column("openpyxl ms", 12, ".0f", scale=1e3),
    Column("speed-up", 9, ".1f", "×"),
    Column("peak KB", 9, ".0f", scale=1 / 1024),
    Column("B/entity", 10, ".0f"),
    Column("entities/s", 12, ".0f"),
)


def run() -> None:
    """Print, for each real Japanese workbook, the time ratio, memory per entity and speed."""
    from sanctionkit.formats import jp_mof

    folder = shared_path("jp")
    files = files_in(folder, "*.xls*") if folder else []
    if not files:
        print("skipped: no Japanese workbooks in ../shared/data/jp")
        return
    first_load(lambda: jp_mof.read(files[0], name=files[0].name))
    print_header(COLUMNS)
    for path in files:
        load = partial(jp_mof.read, path, name=path.name)
        rows = bare_calamine(path)
        bare = median_of(partial(bare_calamine, path), ROUNDS)
        ours = median_of(load, ROUNDS)
        before = (
            median_of(partial(on_openpyxl, jp_mof, load), ROUNDS)
            if path.suffix == ".xlsx"
            else float("nan")
        )
        peak, dataset = peak_bytes(load)
        entities = len(dataset)
        ratio, per_entity, rate = ours / bare, peak / entities, entities / ours
        values = [path.name, entities, rows, bare, ours, ratio, before, before / ours, peak]
        print_row(COLUMNS, [*values, per_entity, rate])
    print("(peak is what Python allocates; calamine's own buffers in Rust are not traced)")


if __name__ == "__main__":
    run()
