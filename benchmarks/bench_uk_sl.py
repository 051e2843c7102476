"""Benchmark of the UK Sanctions List readers (FCDO, XML and CSV) on a list of its real size.

No official copy of the list is at hand (see tests/data/uk_sl/README.md), so the
list is made at benchmark time, in a temporary folder, from the three
designations of the hand-made fixtures, repeated with new ``UniqueID``s to about
the real list's 6,000 designations. For each export: sanctionkit's load time as
a ratio to a bare pass of the standard parser over the same file
(``ElementTree.iterparse``, ``csv.reader``), peak memory per kept entity
(tracemalloc, in a separate pass) and entities per second.

Run: ``python benchmarks/bench_uk_sl.py``.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from _measure import ReaderBench, bare_csv, bare_iterparse, run_benches

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "uk_sl"
COPIES = 2000  # of the 3 designations: 6,000, about the size of the real list
ROUNDS = 3


def big_xml(folder: Path) -> Path:
    """The small XML fixture with its designations repeated ``COPIES`` times."""
    text = (FIXTURES / "UK-Sanctions-List-small.xml").read_text(encoding="utf-8")
    start, end = text.index("  <Designation>"), text.rindex("</Designations>")
    body = text[start:end]
    copies = (
        re.sub(r"<UniqueID>(\w+)</UniqueID>", rf"<UniqueID>\g<1>-{n}</UniqueID>", body)
        for n in range(COPIES)
    )
    path = folder / "UK-Sanctions-List.xml"
    path.write_text(text[:start] + "".join(copies) + text[end:], encoding="utf-8")
    return path


def big_csv(folder: Path) -> Path:
    """The small CSV fixture with its rows repeated ``COPIES`` times (Unique ID is column 2)."""
    report, header, *rows = (
        (FIXTURES / "UK-Sanctions-List-small.csv").read_text(encoding="utf-8-sig").splitlines()
    )
    lines = [report, header]
    for n in range(COPIES):
        lines.extend(re.sub(r"^([^,]*),(\w+),", rf"\1,\2-{n},", row) for row in rows)
    path = folder / "UK-Sanctions-List.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return path


def label(path: Path) -> str:
    return f"{path.name} ({3 * COPIES:,} designations)"


BENCHES = (
    ReaderBench(
        title="UK Sanctions List XML (a list of the real one's size, made from the fixture)",
        reader="uk_sl",
        files=lambda temporary: [big_xml(temporary)],
        bare=partial(bare_iterparse, records={"Designation"}),
        rounds=ROUNDS,
        width=46,
        label=label,
    ),
    ReaderBench(
        title="UK Sanctions List CSV (a list of the real one's size, made from the fixture)",
        reader="uk_sl_csv",
        files=lambda temporary: [big_csv(temporary)],
        bare=lambda path: bare_csv([path], "utf-8-sig"),
        floor="a bare csv.reader pass over the same file",
        rounds=ROUNDS,
        width=46,
        label=label,
    ),
)


def run() -> None:
    """Print, for the XML and the CSV: time ratio, memory per entity, entities per second."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
