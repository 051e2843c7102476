"""Benchmark of the Australian DFAT Consolidated List reader on the real files in ../shared/data/au.

sanctionkit's load time as a ratio to a bare python-calamine pass over every
row of the sheet (the floor any reader of the workbook stands on: unzipping and
parsing the sheet, or reading the BIFF records of the old .xls), peak memory
per kept entity (tracemalloc, in a separate pass so that tracing does not slow
the timing), entities per second, and the rows of the workbook. Times are the
median of a few rounds, after one warm-up round that loads the country tables.

Run: ``python benchmarks/bench_au.py``.
"""

from __future__ import annotations

from _measure import (
    CALAMINE_FLOOR,
    CALAMINE_NOTE,
    ROWS,
    ReaderBench,
    bare_calamine,
    in_shared,
    run_benches,
)

BENCHES = (
    ReaderBench(
        title="Australia DFAT Consolidated List workbooks",
        reader="au_dfat",
        files=in_shared("au", "*.xls*"),
        bare=bare_calamine,
        floor=CALAMINE_FLOOR,
        missing="no DFAT workbooks in ../shared/data/au",
        rounds=3,
        width=30,
        extras=(ROWS,),
        notes=(CALAMINE_NOTE,),
    ),
)


def run() -> None:
    """Print, for each real DFAT workbook, the time ratio, memory per entity and speed."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
