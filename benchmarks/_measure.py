"""What every reader benchmark measures with: timings, traced memory, bare passes, tables.

The reader benchmarks (``bench_*.py`` beside this module) compare a sanctionkit
reader against the bare pass of the standard parser over the same file (the
floor any reader stands on), and print a table of the figures. A reader
benchmark is a declaration, a ``ReaderBench`` (which files, which bare pass,
which reader), that ``run_benches`` measures and prints; the pieces live here,
so that "median of", "peak per entity" and "bare iterparse" mean the same thing
in every one of them. Times are CPU time (``time.process_time``), with wall time
beside it: on a shared machine the wall clock also measures the neighbours.

    >>> seconds = best_of(lambda: sum(range(1000)), rounds=3)
    >>> folder = shared_path("un")  # None when ../shared/data/un is absent
"""

from __future__ import annotations

import csv
import gc
import importlib
import io
import statistics
import tempfile
import time
import tracemalloc
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass, field
from functools import partial
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


class Timing(NamedTuple):
    """One call's time, in seconds: CPU time of this process, and wall time."""

    cpu: float
    wall: float


def timed(call: Callable[[], object]) -> Timing:
    """The CPU and wall time of one call; garbage is collected before it, outside the timing."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    call()
    return Timing(time.process_time() - cpu, time.perf_counter() - wall)


def median_timing(timings: Sequence[Timing]) -> Timing:
    """The median CPU time and the median wall time of ``timings`` (each on its own).

    >>> median_timing([Timing(1.0, 5.0), Timing(3.0, 2.0), Timing(2.0, 9.0)])
    Timing(cpu=2.0, wall=5.0)
    """
    return Timing(
        statistics.median(t.cpu for t in timings), statistics.median(t.wall for t in timings)
    )


def alternating_timings(calls: Sequence[Callable[[], object]], rounds: int) -> list[list[Timing]]:
    """The timing of each call in each round, the calls taking turns so that all see the
    same machine."""
    timings: list[list[Timing]] = [[] for _ in calls]
    for _ in range(rounds):
        for call, kept in zip(calls, timings, strict=True):
            kept.append(timed(call))
    return timings


def alternating(calls: Sequence[Callable[[], object]], rounds: int) -> list[list[float]]:
    """The wall seconds of each call in each round, the calls taking turns."""
    return [[t.wall for t in kept] for kept in alternating_timings(calls, rounds)]


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
        f"{name}: time {'within' if fast else 'OVER'} {TIME_TARGET:g}× the bare pass, "
        f"memory {'within' if small else 'OVER'} {MEMORY_TARGET} B per entity"
    )


# --- a reader benchmark, declared, and its run ------------------------------------------

CPU_NOTE = "CPU time is the figure to trust (on a shared machine wall time counts the neighbours)"


class Figures(NamedTuple):
    """What measuring one file found: the figures every table shows, and what extras read."""

    path: Path
    dataset: Sized  # the Dataset of one load
    bare_count: object  # what the bare pass returned: records or rows seen
    bare: Timing  # the medians of the bare pass
    ours: Timing  # the medians of the reader
    peak: int  # bytes traced by tracemalloc during one more load

    @property
    def entities(self) -> int:
        return len(self.dataset)


class Extra(NamedTuple):
    """Columns a benchmark adds after the standard ones, and their values for one file."""

    columns: tuple[Column, ...]
    values: Callable[[Figures], Sequence[object]]


def _bare_count(figures: Figures) -> Sequence[object]:
    return [figures.bare_count]


ROWS = Extra((Column("rows", 7, ","),), _bare_count)  # what the bare pass counted: rows
CALAMINE_FLOOR = "a bare python-calamine walk of every row of the same file"
CALAMINE_NOTE = "(peak is what Python allocates; calamine's own buffers in Rust are not traced)"


def read_with(reader: str, path: Path, options: Mapping[str, object]) -> Sized:
    """The dataset that ``sanctionkit.formats.<reader>.read`` makes of ``path``, named by its
    file name, with ``options`` as further keywords; the sanctionkit first on the path reads."""
    module = importlib.import_module(f"sanctionkit.formats.{reader}")
    dataset: Sized = module.read(path, name=path.name, **options)
    return dataset


def default_label(path: Path) -> str:
    """A real file's path below ``../shared/data``; any other file's name."""
    return str(path.relative_to(SHARED)) if path.is_relative_to(SHARED) else path.name


def in_shared(
    relative: str, pattern: str, sniff: Callable[[bytes], bool] | None = None
) -> Callable[[Path], list[Path]]:
    """The ``files`` of a benchmark of real files: ``files_in`` the folder ``relative`` to
    ``../shared/data`` (none when it is absent); the temporary folder is not used."""

    def files(_temporary: Path) -> list[Path]:
        folder = shared_path(relative)
        return files_in(folder, pattern, sniff) if folder else []

    return files


@dataclass(frozen=True)
class ReaderBench:
    """One reader benchmark: which reader reads which files, against which bare pass.

    ``run_benches`` measures and prints it; ``run.py readers --against REV`` reads the
    same files with the reader of another revision.
    """

    title: str  # what is read: "Canada SEMA XML"
    reader: str  # the module in sanctionkit.formats whose ``read`` is timed: "ca_sema"
    files: Callable[[Path], Sequence[Path]]  # given a temporary folder for synthetic files
    bare: Callable[[Path], object]  # the bare pass over one file; returns what it counted
    floor: str = "a bare ElementTree.iterparse pass over the same file"
    missing: str = "no files"  # why there is nothing to measure, when ``files`` is empty
    rounds: int = 5
    options: Mapping[str, object] = field(default_factory=dict)  # ``read``'s other keywords
    width: int = 40  # of the file column
    label: Callable[[Path], str] = default_label
    extras: tuple[Extra, ...] = ()
    notes: tuple[str, ...] = ()  # printed under the table

    def load(self, path: Path) -> Sized:
        """The file read as the benchmark reads it."""
        return read_with(self.reader, path, self.options)

    def columns(self) -> tuple[Column, ...]:
        standard = (
            Column("file", self.width),
            Column("entities", 9, ","),
            Column("bare ms", 9, ".1f", scale=1e3),
            Column("ours ms", 9, ".1f", scale=1e3),
            Column("ratio", 8, ".2f", "×"),
            Column("wall ms", 9, ".1f", scale=1e3),
            Column("wall", 8, ".2f", "×"),
            Column("peak KB", 9, ",.0f", scale=1 / 1024),
            Column("B/entity", 10, ",.0f"),
            Column("entities/s", 12, ",.0f"),
        )
        return standard + tuple(column for extra in self.extras for column in extra.columns)


def measure(bench: ReaderBench, path: Path) -> Figures:
    """One file's figures: the bare pass and the reader in alternating rounds (medians), then
    the traced peak of one more load, which is not timed (tracing slows Python code)."""
    bare, load = partial(bench.bare, path), partial(bench.load, path)
    count = bare()  # also brings the file into the system's cache before the rounds
    bare_times, load_times = alternating_timings([bare, load], bench.rounds)
    peak, dataset = peak_bytes(load)
    return Figures(path, dataset, count, median_timing(bare_times), median_timing(load_times), peak)


def row(bench: ReaderBench, figures: Figures) -> list[object]:
    """The values of ``bench.columns()`` for one file."""
    bare, ours, entities = figures.bare, figures.ours, figures.entities
    values: list[object] = [bench.label(figures.path), entities, bare.cpu, ours.cpu]
    values += [ours.cpu / bare.cpu, ours.wall, ours.wall / bare.wall]
    values += [figures.peak, figures.peak / entities, entities / ours.cpu]
    for extra in bench.extras:
        values.extend(extra.values(figures))
    return values


def run_bench(bench: ReaderBench, files: Sequence[Path]) -> None:
    """Measure each file and print the table, its notes, and the verdict line of each file."""
    if not files:
        print(f"skipped: {bench.missing}")
        return
    print(f"{bench.title}: sanctionkit against {bench.floor}")
    print(f"medians of {bench.rounds} alternating rounds; {CPU_NOTE}; peak by tracemalloc")
    first_load(partial(bench.load, files[0]))
    columns = bench.columns()
    print_header(columns)
    verdicts = []
    for path in files:
        figures = measure(bench, path)
        print_row(columns, row(bench, figures))
        ratio = figures.ours.cpu / figures.bare.cpu
        verdicts.append((bench.label(path), ratio, figures.peak / figures.entities))
    for note in bench.notes:
        print(note)
    for verdict in verdicts:
        print_verdict(*verdict)


def run_benches(benches: Sequence[ReaderBench]) -> None:
    """Run each benchmark in turn, with one temporary folder for the synthetic files."""
    with tempfile.TemporaryDirectory() as temporary:
        for bench in benches:
            run_bench(bench, bench.files(Path(temporary)))
