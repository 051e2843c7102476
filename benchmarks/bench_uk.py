"""Benchmark of the UK OFSI Consolidated List reader on the real workbook in ``../shared/data/uk``.

sanctionkit's load time as a ratio to a bare openpyxl read-only pass over the
same workbook (every row's values, nothing more: the floor of any reader of
it), the same for the CSV twin (written from the workbook at benchmark time,
not committed) against a bare ``csv.reader`` pass, peak memory per kept entity
(tracemalloc, in a separate pass so that tracing does not slow the timing),
and entities per second. Times are the median of a few rounds after a warm-up.

Run: ``python benchmarks/bench_uk.py``.
"""

from __future__ import annotations

import csv
import gc
import io
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKBOOK = ROOT.parent / "shared" / "data" / "uk" / "ConList-2022-05-04.xlsx"
ROUNDS = 3


def bare_openpyxl(path: Path) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def bare_csv(data: bytes) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def csv_twin(path: Path) -> bytes:
    """The workbook written out as ConList.csv is: its rows, UTF-8, CRLF."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for values in workbook.worksheets[0].iter_rows(values_only=True):
        writer.writerow(["" if value is None else value for value in values])
    workbook.close()
    return out.getvalue().encode("utf-8")


def median_seconds(function: Callable[[], object]) -> float:
    timings = []
    for _ in range(ROUNDS):
        gc.collect()
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def peak_bytes(function: Callable[[], object]) -> tuple[int, object]:
    gc.collect()
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, result


def run() -> None:
    if not WORKBOOK.exists():
        print(f"skipped: {WORKBOOK} is absent")
        return
    from sanctionkit.formats import uk_conlist

    twin = csv_twin(WORKBOOK)
    uk_conlist.read(io.BytesIO(twin), name="ConList.csv")  # warm-up: country tables, caches
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            WORKBOOK.name,
            lambda: uk_conlist.read(WORKBOOK, name=WORKBOOK.name),
            lambda: bare_openpyxl(WORKBOOK),
        ),
        (
            "ConList.csv (twin)",
            lambda: uk_conlist.read(io.BytesIO(twin), name="ConList.csv"),
            lambda: bare_csv(twin),
        ),
    ]
    for label, load, bare in cases:
        loaded = median_seconds(load)
        floor = median_seconds(bare)
        peak, dataset = peak_bytes(load)
        entities = len(dataset)  # type: ignore[arg-type]
        print(
            f"{label}: {entities} entities, load {loaded:.2f} s, bare pass {floor:.2f} s "
            f"(ratio {loaded / floor:.2f}x), peak {peak / entities / 1024:.1f} KB per entity, "
            f"{entities / loaded:,.0f} entities/s"
        )


if __name__ == "__main__":
    run()
