"""Benchmark of the UK OFSI Consolidated List reader on the real workbook in ``../shared/data/uk``.

sanctionkit's load time as a ratio to a bare python-calamine pass over the
same workbook (every row's values, nothing more: the floor of any reader of
it), the same reader on openpyxl read-only (as it read before issue 12 §6) and
the speed-up, the same for the CSV twin (written from the workbook at benchmark time,
not committed) against a bare ``csv.reader`` pass, peak memory per kept entity
(tracemalloc, in a separate pass so that tracing does not slow the timing),
and entities per second. Times are CPU seconds (``time.process_time``: the machine
may be shared, and waiting for a core is no cost of the reader), the median of five
rounds after a warm-up, the calls of a row taking turns in each round. A third row reads
a copy of the workbook whose sheet declares a forged ``<dimension ref="A1:XFD1048576"/>``
(built at benchmark time), against the bare
pass over the real one: a reader that trusted the dimension would pad every row
to 16,384 cells (about 19 s where the real workbook takes 4 on openpyxl). A last line
gives a bare openpyxl pass against a bare calamine pass over the workbook: the speed-up
that no reader on calamine can pass, as its records cost the same on either.

Run: ``python benchmarks/bench_uk.py``.
"""

from __future__ import annotations

import csv
import gc
import io
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from _measure import (
    CALAMINE_FLOOR,
    Column,
    ReaderBench,
    bare_calamine,
    bare_csv,
    bare_workbook,
    in_shared,
    on_openpyxl,
    peak_bytes,
    print_header,
    print_row,
    shared_path,
)
from sanctionkit import Dataset

WORKBOOK = "uk/ConList-2022-05-04.xlsx"
ROUNDS = 5
COLUMNS = (
    Column("file", 26),
    Column("entities", 9),
    Column("bare cpu s", 11, ".2f"),
    Column("ours cpu s", 11, ".2f"),
    Column("ratio", 8, ".2f", "×"),
    Column("openpyxl cpu s", 15, ".2f"),
    Column("speed-up", 9, ".1f", "×"),
    Column("peak KB/entity", 16, ".1f", scale=1 / 1024),
    Column("entities/s", 12, ",.0f"),
)


# What ``run.py readers --against REV`` compares (this module's own table below adds the
# openpyxl speed-up and the CSV twin, which need more than one reader call per file).
BENCHES = (
    ReaderBench(
        title="UK Consolidated List workbook",
        reader="uk_conlist",
        files=in_shared("uk", "*.xlsx"),
        bare=bare_calamine,
        floor=CALAMINE_FLOOR,
        missing="no UK ConList workbook in ../shared/data/uk",
        rounds=ROUNDS,
    ),
)


def cpu_medians(calls: list[Callable[[], object]], rounds: int) -> list[float]:
    """The median CPU time, in seconds, of each call over ``rounds`` rounds in which the
    calls take turns (so that all see the same load of a shared machine); garbage is
    collected before each call."""
    seconds: list[list[float]] = [[] for _ in calls]
    for _ in range(rounds):
        for call, times in zip(calls, seconds, strict=True):
            gc.collect()
            started = time.process_time()
            call()
            times.append(time.process_time() - started)
    return [statistics.median(times) for times in seconds]


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


def forged_dimension(path: Path) -> bytes:
    """The workbook with its sheet's declared dimension forged to the largest Excel allows."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for part in source.infolist():
            data = source.read(part)
            if part.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
            copy.writestr(part, data)
    return out.getvalue()


def run() -> None:
    """Print one row for the workbook, one for its CSV twin, one for a forged dimension."""
    workbook = shared_path(WORKBOOK)
    if workbook is None:
        print(f"skipped: ../shared/data/{WORKBOOK} is absent")
        return
    from sanctionkit.formats import uk_conlist

    twin = csv_twin(workbook)
    forged = forged_dimension(workbook)
    uk_conlist.read(io.BytesIO(twin), name="ConList.csv")  # warm-up: country tables, caches
    cases: list[tuple[str, Callable[[], Dataset], Callable[[], object]]] = [
        (
            workbook.name,
            partial(uk_conlist.read, workbook, name=workbook.name),
            partial(bare_calamine, workbook),
        ),
        (
            "ConList.csv (twin)",
            lambda: uk_conlist.read(io.BytesIO(twin), name="ConList.csv"),
            partial(bare_csv, [twin], encoding="utf-8-sig"),
        ),
        (
            "forged <dimension>",
            lambda: uk_conlist.read(io.BytesIO(forged), name="forged.xlsx"),
            partial(bare_calamine, workbook),
        ),
    ]
    print_header(COLUMNS)
    for label, load, bare in cases:
        on_openpyxl_too = partial(on_openpyxl, uk_conlist, load)
        ours, floor, before = cpu_medians([load, bare, on_openpyxl_too], ROUNDS)
        peak, dataset = peak_bytes(load)
        entities = len(dataset)
        ratio, per_entity, rate = ours / floor, peak / entities, entities / ours
        values = [label, entities, floor, ours, ratio, before, before / ours]
        print_row(COLUMNS, [*values, per_entity, rate])
    print_ceiling(workbook)


def print_ceiling(workbook: Path) -> None:
    """The speed-up the workbook's reader could reach if building its records cost nothing:
    a bare openpyxl pass over the sheet against a bare calamine pass."""
    calls = [partial(bare_calamine, workbook), partial(bare_workbook, workbook)]
    calamine, openpyxl = cpu_medians(calls, ROUNDS)
    print(
        f"bare passes: openpyxl {openpyxl:.2f} s, calamine {calamine:.2f} s CPU: no reader "
        f"of the workbook on calamine is more than {openpyxl / calamine:.1f}× faster than "
        "the same reader on openpyxl"
    )


if __name__ == "__main__":
    run()
