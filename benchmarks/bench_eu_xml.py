"""Benchmark of the EU Financial Sanctions Files XML reader on the real file in ../shared/data/eu.

For each file: sanctionkit's load time as a ratio to a bare
``xml.etree.ElementTree.iterparse`` pass over the same file (the floor any
streaming reader of the standard library stands on), peak memory per kept
entity (tracemalloc, in a separate pass so that tracing does not slow the
timing), and entities per second. Targets: at most 3× the bare parse, at most
1 KB per kept entity.

Times are the median of several rounds, after one warm-up round that loads the
country tables (a once-per-process cost, reported separately).

Run: ``python benchmarks/bench_eu_xml.py``.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "eu"
ROUNDS = 7
TIME_TARGET = 3.0
MEMORY_TARGET = 1024
RECORD = "{http://eu.europa.ec/fpi/fsd/export}sanctionEntity"


def bare_iterparse(path: Path) -> int:
    """Parse the file and count its records, clearing each one: nothing more."""
    count = 0
    for _, element in ET.iterparse(path):
        if element.tag == RECORD:
            count += 1
            element.clear()
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
    """Print, for each real EU file, the time ratio, memory per entity and entities per second."""
    from sanctionkit.formats import eu_xml

    files = sorted(SHARED.glob("*.xml"))
    if not files:
        print(f"no EU files in {SHARED}: nothing to measure")
        return
    started = time.perf_counter()
    eu_xml.read(files[0], name=files[0].name)  # warm-up: country tables, caches
    print(f"first load in this process (tables included): {time.perf_counter() - started:.3f} s")
    print(
        f"{'file':<32}{'records':>8}{'entities':>9}{'bare ms':>9}{'ours ms':>9}{'ratio':>8}"
        f"{'peak KB':>9}{'B/entity':>10}{'entities/s':>12}"
    )
    verdicts = []
    for path in files:
        bare = median_seconds(lambda path=path: bare_iterparse(path))  # type: ignore[misc]
        ours = median_seconds(lambda path=path: eu_xml.read(path, name=path.name))  # type: ignore[misc]
        peak, dataset = peak_bytes(lambda path=path: eu_xml.read(path, name=path.name))  # type: ignore[misc]
        entities = len(dataset)  # type: ignore[arg-type]
        records = dataset.metadata["records_read"]  # type: ignore[attr-defined]
        ratio = ours / bare
        per_entity = peak / entities
        print(
            f"{path.name:<32}{records:>8}{entities:>9}{bare * 1e3:>9.1f}{ours * 1e3:>9.1f}"
            f"{ratio:>7.2f}×{peak / 1024:>9.0f}{per_entity:>10.0f}{entities / ours:>12.0f}"
        )
        verdicts.append((path.name, ratio <= TIME_TARGET, per_entity <= MEMORY_TARGET))
    for name, fast, small in verdicts:
        print(
            f"{name}: time {'within' if fast else 'OVER'} {TIME_TARGET:g}× bare iterparse, "
            f"memory {'within' if small else 'OVER'} {MEMORY_TARGET} B per entity"
        )


if __name__ == "__main__":
    run()
