"""Benchmark of the Japan Ministry of Finance workbook reader on the real list in ../shared/data/jp.

sanctionkit's load time as a ratio to a bare openpyxl read-only pass over every
row of every sheet (the floor any reader of the workbook stands on: most of the
time goes into unzipping and parsing the sheets' XML), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second.

Times are the median of a few rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_jp.py``.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "jp"
ROUNDS = 3


def bare_pass(path: Path) -> int:
    """Open the workbook read-only and walk every row of every sheet: nothing more."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            count += 1
    book.close()
    return count


def median_seconds(function: Callable[[], object]) -> float:
    timings = []
    for _ in range(ROUNDS):
        gc.collect()
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def peak_bytes(function: Callable[[], object]) -> tuple[int, object]:
    """The peak memory traced while ``function`` runs (above what was in use before)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak - before, result


def run() -> None:
    """Print, for each real Japanese workbook, the time ratio, memory per entity and speed."""
    from sanctionkit.formats import jp_mof

    files = sorted(SHARED.glob("*.xlsx"))
    if not files:
        print(f"no Japanese workbooks in {SHARED}: nothing to measure")
        return
    started = time.perf_counter()
    jp_mof.read(files[0], name=files[0].name)  # warm-up: country tables, caches
    print(f"first load in this process (tables included): {time.perf_counter() - started:.3f} s")
    print(
        f"{'file':<32}{'entities':>9}{'rows':>7}{'bare ms':>9}{'ours ms':>9}{'ratio':>8}"
        f"{'peak KB':>9}{'B/entity':>10}{'entities/s':>12}"
    )
    for path in files:
        rows = bare_pass(path)
        bare = median_seconds(lambda path=path: bare_pass(path))  # type: ignore[misc]
        ours = median_seconds(lambda path=path: jp_mof.read(path, name=path.name))  # type: ignore[misc]
        peak, dataset = peak_bytes(lambda path=path: jp_mof.read(path, name=path.name))  # type: ignore[misc]
        entities = len(dataset)  # type: ignore[arg-type]
        print(
            f"{path.name:<32}{entities:>9}{rows:>7}{bare * 1e3:>9.0f}{ours * 1e3:>9.0f}"
            f"{ours / bare:>7.2f}×{peak / 1024:>9.0f}{peak / entities:>10.0f}"
            f"{entities / ours:>12.0f}"
        )
    print("(peak includes openpyxl's own buffers while it reads; the bare pass is the floor)")


if __name__ == "__main__":
    run()
