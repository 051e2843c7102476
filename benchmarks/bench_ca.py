"""Benchmark of the Canada SEMA XML reader on the real list in ``../shared/data/ca``.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second. Targets: at most 3× the bare parse, at most
1 KB per kept entity.

Times are the median of several rounds, after one warm-up round (imports and
caches, a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_ca.py``.
"""

from __future__ import annotations

from functools import partial

from _measure import ReaderBench, bare_iterparse, in_shared, run_benches

BENCHES = (
    ReaderBench(
        title="Canada SEMA XML",
        reader="ca_sema",
        files=in_shared("ca", "*.xml"),
        bare=partial(bare_iterparse, records={"record"}),
        missing="no Canada files in ../shared/data/ca",
        rounds=7,
    ),
)


def run() -> None:
    """Print, for each real Canada file: time ratio, memory per entity, entities per second."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
