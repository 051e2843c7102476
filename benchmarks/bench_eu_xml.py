"""Benchmark of the EU Financial Sanctions Files XML reader on the real file in ../shared/data/eu.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), entities per second, and the records read. Targets: at most 3× the
bare parse, at most 1 KB per kept entity.

Times are the median of several rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_eu_xml.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from _measure import Column, Extra, Figures, ReaderBench, bare_iterparse, in_shared, run_benches

RECORD = "{http://eu.europa.ec/fpi/fsd/export}sanctionEntity"


def records_read(figures: Figures) -> Sequence[object]:
    """The sanctionEntity records the reader read (some give no entity)."""
    return [figures.dataset.metadata["records_read"]]  # type: ignore[attr-defined]


BENCHES = (
    ReaderBench(
        title="EU Financial Sanctions Files XML",
        reader="eu_xml",
        files=in_shared("eu", "*.xml"),
        bare=partial(bare_iterparse, records={RECORD}),
        missing="no EU files in ../shared/data/eu",
        rounds=7,
        extras=(Extra((Column("records", 9, ","),), records_read),),
    ),
)


def run() -> None:
    """Print, for each real EU file, the time ratio, memory per entity and entities per second."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
