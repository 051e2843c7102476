"""Benchmark of the OFAC legacy CSV reader on the real lists in ../shared/data/ofac.

For each file set: sanctionkit's load time (siblings included) against a bare
``csv.reader`` pass over the same files (the ratio), peak memory per entity
(tracemalloc, in a separate run so that tracing does not slow the timing), and
entities per second. Times are the best of a few rounds.

Run: ``python benchmarks/bench_ofac_csv.py``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from _measure import (
    Column,
    bare_csv,
    best_of,
    peak_bytes,
    print_header,
    print_row,
    shared_path,
)
from sanctionkit.formats import ofac_csv

ROUNDS = 3
SETS = (
    "sdn-csv-2021/sdn.csv",
    "consolidated-2018/cons_prim.csv",
    "sdn-csv-2024-05/sdn-2024-05-02.csv",
    "sdn-csv-2024-05/sdn-2024-05-03.csv",
)
COLUMNS = (
    Column("file set", 43),
    Column("entities", 9),
    Column("bare s", 8, ".3f"),
    Column("ours s", 8, ".3f"),
    Column("ratio", 7, ".1f", "×"),
    Column("peak KB/entity", 16, ".2f", scale=1 / 1024),
    Column("entities/s", 12, ",.0f"),
)


def files_of(main: Path) -> list[Path]:
    """The main file and the siblings the reader reads with it."""
    siblings = {
        "sdn.csv": ("add.csv", "alt.csv", "sdn_comments.csv"),
        "cons_prim.csv": ("cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
    }.get(main.name, ())
    return [main, *(main.with_name(name) for name in siblings if main.with_name(name).is_file())]


def run() -> None:
    """Print one line per real file set; skip those that are absent."""
    print_header(COLUMNS)
    for relative in SETS:
        main = shared_path(f"ofac/{relative}")
        if main is None:
            print(f"{relative:43}absent")
            continue
        paths = files_of(main)
        load = partial(ofac_csv.read, main, name=str(main), strict=False)
        bare = best_of(partial(bare_csv, paths), ROUNDS)
        ours = best_of(load, ROUNDS)
        peak, dataset = peak_bytes(load)
        entities = len(dataset)
        label = " + ".join(path.name for path in paths)
        ratio, per_entity, rate = ours / bare, peak / entities, entities / ours
        print_row(COLUMNS, [label, entities, bare, ours, ratio, per_entity, rate])


if __name__ == "__main__":
    run()
