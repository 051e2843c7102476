"""Benchmark of the SECO (Switzerland) reader on a list of the real file's size.

No whole official file is at hand (see tests/data/real/README.md), so the list
is made at benchmark time, in a temporary folder: the real excerpt's four
targets (their history copies included), repeated with new ``ssid``s to about
17,000 targets and 30 MB, the size of SECO's whole list in 2026, with the
fixture's programmes before them and its places after them. Reported: load
time as a ratio to a bare ``ElementTree.iterparse`` pass over the same file,
peak memory per kept entity (tracemalloc, in a separate pass) and entities
per second.

Run: ``python benchmarks/bench_seco.py``.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from _measure import ReaderBench, bare_iterparse, run_benches

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
EXCERPT = DATA / "real" / "seco" / "ch_sample-2026-08-15-excerpt.xml"
FIXTURE = DATA / "seco" / "seco-small.xml"
COPIES = 4300  # of the 4 targets: 17,200, about the real list's count
ROUNDS = 3


def big_list(folder: Path) -> Path:
    """The excerpt's targets ``COPIES`` times, between the fixture's programmes and places."""
    excerpt = EXCERPT.read_text(encoding="utf-8")
    fixture = FIXTURE.read_text(encoding="utf-8")
    head = excerpt[: excerpt.index("<target ")]
    programmes = fixture[fixture.index("  <sanctions-program") : fixture.index("  <target ")]
    places = fixture[fixture.index("  <place ") : fixture.index("</swiss-sanctions-list>")]
    body = excerpt[excerpt.index("<target ") : excerpt.rindex("</swiss-sanctions-list>")]
    copies = (
        re.sub(r'<target ssid="(\d+)"', rf'<target ssid="\g<1>-{n}"', body) for n in range(COPIES)
    )
    path = folder / "consolidated-list.xml"
    text = head + programmes + "".join(copies) + places + "</swiss-sanctions-list>\n"
    path.write_text(text, encoding="utf-8")
    return path


def label(path: Path) -> str:
    return f"{path.name} ({4 * COPIES:,} targets, {path.stat().st_size / 1e6:.0f} MB)"


BENCHES = (
    ReaderBench(
        title="Switzerland SECO XML (a list of the real one's size, made from a real excerpt)",
        reader="seco",
        files=lambda temporary: [big_list(temporary)],
        bare=partial(bare_iterparse, records={"target"}),
        rounds=ROUNDS,
        width=46,
        label=label,
    ),
)


def run() -> None:
    """Print the time ratio, memory per entity and entities per second."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
