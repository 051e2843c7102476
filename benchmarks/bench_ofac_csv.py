"""Benchmark of the OFAC legacy CSV reader on the real lists in ../shared/data/ofac.

For each file set: sanctionkit's load time (siblings included) against a bare
``csv.reader`` pass over the same files (the ratio), peak memory per entity
(tracemalloc, in a separate run so that tracing does not slow the timing), and
entities per second. Times are the median of a few rounds.

Run: ``python benchmarks/bench_ofac_csv.py``.
"""

from __future__ import annotations

from pathlib import Path

from _measure import ReaderBench, bare_csv, run_benches, shared_path

SETS = (
    "sdn-csv-2021/sdn.csv",
    "consolidated-2018/cons_prim.csv",
    "sdn-csv-2024-05/sdn-2024-05-02.csv",
    "sdn-csv-2024-05/sdn-2024-05-03.csv",
)
SIBLINGS = {
    "sdn.csv": ("add.csv", "alt.csv", "sdn_comments.csv"),
    "cons_prim.csv": ("cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
}


def main_files(_temporary: Path) -> list[Path]:
    """The main file of each set that is there."""
    return [path for relative in SETS if (path := shared_path(f"ofac/{relative}"))]


def files_of(main: Path) -> list[Path]:
    """The main file and the siblings the reader reads with it."""
    siblings = (main.with_name(name) for name in SIBLINGS.get(main.name, ()))
    return [main, *(path for path in siblings if path.is_file())]


def bare_set(main: Path) -> int:
    """A bare ``csv.reader`` pass over the main file and its siblings."""
    return bare_csv(files_of(main))


def label(main: Path) -> str:
    return " + ".join(path.name for path in files_of(main))


BENCHES = (
    ReaderBench(
        title="OFAC legacy CSV (file sets)",
        reader="ofac_csv",
        files=main_files,
        bare=bare_set,
        floor="a bare csv.reader pass over the same files",
        missing="no OFAC CSV lists under ../shared/data/ofac",
        rounds=3,
        options={"strict": False},
        width=43,
        label=label,
    ),
)


def run() -> None:
    """Print one line per real file set that is there."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
