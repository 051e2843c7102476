"""Benchmark of the Japan Ministry of Finance workbook reader on the real list in ../shared/data/jp.

sanctionkit's load time as a ratio to a bare python-calamine pass over every
row of every sheet (the floor any reader of the workbook stands on: unzipping
and parsing the sheets' XML), peak memory per kept entity (tracemalloc, in a
separate pass so that tracing does not slow the timing), entities per second,
the rows of the workbook, and the same reader on openpyxl read-only (as it read
before issue 12 §6) with the speed-up. The old .xls of 2022 is read too
(calamine only: openpyxl reads no .xls).

Times are the median of a few rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_jp.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from _measure import (
    CALAMINE_FLOOR,
    CALAMINE_NOTE,
    ROWS,
    Column,
    Extra,
    Figures,
    ReaderBench,
    alternating_timings,
    bare_calamine,
    in_shared,
    median_timing,
    on_openpyxl,
    run_benches,
)

ROUNDS = 3


def on_openpyxl_time(figures: Figures) -> Sequence[object]:
    """The reader's CPU time with its workbooks opened by openpyxl, and the speed-up since."""
    from sanctionkit.formats import jp_mof

    path = figures.path
    if path.suffix != ".xlsx":
        return [float("nan"), float("nan")]
    load = partial(on_openpyxl, jp_mof, partial(jp_mof.read, path, name=path.name))
    before = median_timing(alternating_timings([load], ROUNDS)[0]).cpu
    return [before, before / figures.ours.cpu]


BENCHES = (
    ReaderBench(
        title="Japan Ministry of Finance workbooks",
        reader="jp_mof",
        files=in_shared("jp", "*.xls*"),
        bare=bare_calamine,
        floor=CALAMINE_FLOOR,
        missing="no Japanese workbooks in ../shared/data/jp",
        rounds=ROUNDS,
        width=36,
        extras=(
            ROWS,
            Extra(
                (Column("openpyxl ms", 12, ".0f", scale=1e3), Column("speed-up", 9, ".1f", "×")),
                on_openpyxl_time,
            ),
        ),
        notes=(CALAMINE_NOTE,),
    ),
)


def run() -> None:
    """Print, for each real Japanese workbook, the time ratio, memory per entity and speed."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
