"""What every reader benchmark measures with: timings, traced memory, bare passes, tables.

The reader benchmarks (``bench_*.py`` beside this module) compare a sanctionkit
reader against the bare pass of the standard parser over the same file (the
floor any reader stands on), and print a table of the figures. The pieces they
share live here, so that "best of", "peak per entity" and "bare iterparse" mean
the same thing in every one of them.

    >>> seconds = best_of(lambda: sum(range(1000)), rounds=3)
    >>> folder = shared_path("un")  # None when ../shared/data/un is absent
"""

from __future__ import annotations

import csv
import gc
import io
import statistics
import time
import tracemalloc
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Iterable, Sequence, Sized
from pathlib import Path
from typing import NamedTuple, TypeVar

T = TypeVar("T")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
TIME_TARGET = 3.0  # at most this many times the bare pass
MEMORY_TARGET = 1024  # at most this many traced bytes per kept entity


# --- the real lists ---------------------------------------------------------------------


def shared_path(relative: str) -> Path | None:
    """The file or folder ``relative`` to ``../shared/data``, or None when it is absent."""
    path = SHARED / relative
    return path if path.exists() else None


def files_in(
    folder: Path, pattern: str, sniff: Callable[[bytes], bool] | None = None
) -> list[Path]:
    """The files of ``folder`` (and below, for a ``**`` pattern) that ``sniff`` accepts, sorted."""
    found = []
    for path in sorted(folder.glob(pattern)):
        if sniff is not None:
            with path.open("rb") as file:
                if not sniff(file.read(4096)):
                    continue
        found.append(path)
    return found


# --- time and memory --------------------------------------------------------------------


def alternating(calls: Sequence[Callable[[], object]], rounds: int) -> list[list[float]]:
    """The seconds of each call in each round, the calls taking turns so that all see the
    same machine; garbage is collected before each call, outside the timing."""
    timings: list[list[float]] = [[] for _ in calls]
    for _ in range(rounds):
        for call, seconds in zip(calls, timings, strict=True):
            gc.collect()
            started = time.perf_counter()
            call()
            seconds.append(time.perf_counter() - started)
    return timings


def best_of(call: Callable[[], object], rounds: int) -> float:
    """The shortest time, in seconds, of ``rounds`` calls."""
    return min(alternating([call], rounds)[0])


def median_of(call: Callable[[], object], rounds: int) -> float:
    """The median time, in seconds, of ``rounds`` calls."""
    return statistics.median(alternating([call], rounds)[0])


def peak_bytes(call: Callable[[], T]) -> tuple[int, T]:
    """The peak memory traced while ``call`` runs (above what was in use before), and its result.

    A separate run from the timed ones: tracemalloc slows Python code several times.
    """
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before, result


def first_load(call: Callable[[], object]) -> None:
    """Run ``call`` once and print its time: the once-per-process cost (imports, country
    tables, caches) that the timed rounds after it no longer pay."""
    started = time.perf_counter()
    call()
    print(f"first load in this process (tables included): {time.perf_counter() - started:.3f} s")


# --- the floors: bare passes of the standard parsers ------------------------------------


def bare_iterparse(path: Path, records: Collection[str] = ()) -> int:
    """Parse the file with ``ElementTree.iterparse`` and nothing more.

    Elements whose tag is in ``records`` are counted and cleared as they end (what a
    streaming reader does with each record); the count is returned.
    """
    count = 0
    for _, element in ET.iterparse(path):
        if element.tag in records:
            count += 1
            element.clear()
    return count


def bare_csv(sources: Iterable[Path | bytes], encoding: str = "latin-1") -> int:
    """Split every row of the CSV files (or CSV bytes) with ``csv.reader``; the row count."""
    rows = 0
    for source in sources:
        stream = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
        with stream:
            text = io.TextIOWrapper(stream, encoding=encoding, newline="")
            for _ in csv.reader(text):
                rows += 1
    return rows


def bare_workbook(path: Path) -> int:
    """Open the workbook read-only with openpyxl and walk every row of every sheet; the count."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # print areas and the like, nothing about the data
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            count += 1
    book.close()
    return count


def bare_calamine(path: Path) -> int:
    """Open the workbook with python-calamine and walk every row of every sheet; the count.

    The floor of sanctionkit's workbook readers, which read with calamine.
    """
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    count = 0
    for title in book.sheet_names:
        for _ in book.get_sheet_by_name(title).iter_rows():
            count += 1
    book.close()
    return count


def openpyxl_workbook(source: object, name: str) -> object:
    """The workbook as sanctionkit opened it before calamine: checked, then openpyxl read-only.

    Benchmarks patch a reader's ``open_workbook`` with this to time the same
    reader on openpyxl (the "before" of issue 12 §6) in the same run.
    """
    import openpyxl

    from sanctionkit.formats._xlsx import check_archive

    check_archive(source, name)  # type: ignore[arg-type]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(source, read_only=True, data_only=True)


def on_openpyxl(module: object, call: Callable[[], T]) -> T:
    """``call()`` with ``module.open_workbook`` put back on openpyxl for its duration."""
    original = module.open_workbook  # type: ignore[attr-defined]
    module.open_workbook = openpyxl_workbook  # type: ignore[attr-defined]
    try:
        return call()
    finally:
        module.open_workbook = original  # type: ignore[attr-defined]


# --- tables -----------------------------------------------------------------------------


class Column(NamedTuple):
    """A column of a table: its title, its width, how its values are formatted."""

    title: str
    width: int
    spec: str = ""  # the format spec of a value, without alignment and width: ".1f", ",.0f"
    unit: str = ""  # written right after each value, within the width: "×"
    scale: float = 1  # what values are multiplied by: 1e3 for seconds shown as ms


def print_header(columns: Sequence[Column]) -> None:
    """The titles: the first column left-aligned (it names the file), the others right."""
    first, *others = columns
    print(f"{first.title:<{first.width}}" + "".join(f"{c.title:>{c.width}}" for c in others))


def print_row(columns: Sequence[Column], values: Sequence[object]) -> None:
    """One row: the first value left-aligned (cut to fit), the others right."""
    (first, *others), (label, *numbers) = columns, values
    cells = [f"{str(label)[: first.width - 1]:<{first.width}}"]
    for column, value in zip(others, numbers, strict=True):
        spec = f">{column.width - len(column.unit)}{column.spec}"
        if column.scale != 1 and isinstance(value, (int, float)):
            value *= column.scale
        cells.append(format(value, spec) + column.unit)
    print("".join(cells))


def print_verdict(name: str, ratio: float, per_entity: float) -> None:
    """Whether a file's figures are within the targets: time ratio and bytes per entity."""
    fast, small = ratio <= TIME_TARGET, per_entity <= MEMORY_TARGET
    print(
        f"{name}: time {'within' if fast else 'OVER'} {TIME_TARGET:g}× bare iterparse, "
        f"memory {'within' if small else 'OVER'} {MEMORY_TARGET} B per entity"
    )


# --- one comparison, one row ------------------------------------------------------------

COMPARISON = (
    Column("file", 45),
    Column("entities", 9, ","),
    Column("bare ms", 10, ".1f", scale=1e3),
    Column("ours ms", 10, ".1f", scale=1e3),
    Column("ratio", 9, ".2f", "×"),
    Column("B/entity", 10, ",.0f"),
    Column("entities/s", 12, ",.0f"),
)


def compare(label: str, load: Callable[[], Sized], bare: Callable[[], object], rounds: int) -> None:
    """Print a row of ``COMPARISON``: ``load`` against the ``bare`` pass over the same file.

    Times are the best of ``rounds`` in which the two take turns, after one load that
    fills the country tables and caches; memory is the traced peak of one more load.
    """
    load()
    bare_times, load_times = alternating([bare, load], rounds)
    floor, ours = min(bare_times), min(load_times)
    peak, dataset = peak_bytes(load)
    count = len(dataset)
    print_row(COMPARISON, [label, count, floor, ours, ours / floor, peak / count, count / ours])
