"""Benchmark of the OFAC legacy CSV reader on the real lists in ../shared/data/ofac.

For each file set: sanctionkit's load time (siblings included) against a bare
``csv.reader`` pass over the same files (the ratio), peak memory per entity
(tracemalloc, in a separate run so that tracing does not slow the timing), and
entities per second. Times are the best of a few rounds.
"""

from __future__ import annotations

import csv
import gc
import io
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from sanctionkit.formats import ofac_csv

ROOT = Path(__file__).resolve().parent.parent
OFAC = ROOT.parent / "shared" / "data" / "ofac"
ROUNDS = 3
SETS = (
    "sdn-csv-2021/sdn.csv",
    "consolidated-2018/cons_prim.csv",
    "sdn-csv-2024-05/sdn-2024-05-02.csv",
    "sdn-csv-2024-05/sdn-2024-05-03.csv",
)


def files_of(main: Path) -> list[Path]:
    """The main file and the siblings the reader reads with it."""
    siblings = {
        "sdn.csv": ("add.csv", "alt.csv", "sdn_comments.csv"),
        "cons_prim.csv": ("cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
    }.get(main.name, ())
    return [main, *(main.with_name(name) for name in siblings if main.with_name(name).is_file())]


def bare_pass(paths: list[Path]) -> int:
    rows = 0
    for path in paths:
        with path.open("rb") as stream:
            text = io.TextIOWrapper(stream, encoding="latin-1", newline="")
            for _ in csv.reader(text):
                rows += 1
    return rows


def best_time(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        gc.collect()
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> None:
    """Print one line per real file set; skip those that are absent."""
    print(
        f"{'file set':42} {'entities':>8} {'bare s':>7} {'ours s':>7} {'ratio':>6} "
        f"{'peak KB/entity':>15} {'entities/s':>11}"
    )
    for relative in SETS:
        main = OFAC / relative
        if not main.is_file():
            print(f"{relative:42} absent")
            continue
        paths = files_of(main)

        def load(main: Path = main) -> object:
            return ofac_csv.read(main, name=str(main), strict=False)

        bare = best_time(lambda paths=paths: bare_pass(paths))
        ours = best_time(load)
        gc.collect()
        tracemalloc.start()
        dataset = ofac_csv.read(main, name=str(main), strict=False)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        entities = len(dataset)
        label = " + ".join(path.name for path in paths)
        print(
            f"{label[:42]:42} {entities:>8} {bare:>7.3f} {ours:>7.3f} {ours / bare:>6.1f} "
            f"{peak / entities / 1024:>15.2f} {entities / ours:>11,.0f}"
        )


if __name__ == "__main__":
    run()
