"""How fast and how lean the OFAC advanced XML reader is, on the real file and larger copies.

For the real ``Sanctions`` file under ``../shared/data/ofac`` (the consolidated list,
2.7 MB): sanctionkit's load time as a ratio to a bare ``ElementTree.iterparse`` pass
over the same file (medians of alternating rounds, CPU and wall time), the
``tracemalloc`` peak per party, and parties per second. Then synthetic files made
at run time in a temporary folder (never committed) by repeating the real
locations, documents, parties, relationships and sanctions entries with every id
shifted (1×, 4×, 16×: 6,000 parties and 44 MB at 16×), one read each, to show that
CPU time and peak memory grow linearly with the parties, not with the XML the
parser has seen. CPU time (``time.process_time``) is shown beside wall time: on a
shared machine the wall clock measures the neighbours. The full SDN advanced file
is over 100 MB: ``--full`` adds a 40× copy (112 MB).

Run: ``python benchmarks/bench_ofac_advanced.py [--full]`` (skips with a message when
``../shared/data`` is absent).
"""

from __future__ import annotations

import re
import sys
import tempfile
from functools import partial
from pathlib import Path

from _measure import (
    Column,
    ReaderBench,
    bare_iterparse,
    in_shared,
    peak_bytes,
    print_header,
    print_row,
    run_bench,
    timed,
)
from sanctionkit.formats import ofac_advanced

ROUNDS = 3
COPIES = (1, 4, 16)
FULL = 40
# The records, which a streaming pass clears once read: the bare pass does the same.
RECORD_TAGS = frozenset(
    "{http://www.un.org/sanctions/1.0}" + tag
    for tag in (
        "Location",
        "IDRegDocument",
        "DistinctParty",
        "ProfileRelationship",
        "SanctionsEntry",
    )
)
CONTAINERS = (
    "Locations",
    "IDRegDocuments",
    "DistinctParties",
    "ProfileRelationships",
    "SanctionsEntries",
)

# The attributes that hold the file's own ids (not reference values): shifted in each copy.
_IDS = re.compile(
    rb"(\s(?:ID|FixedRef|IdentityID|LocationID|IssuedIn-LocationID|ProfileID|From-ProfileID"
    rb'|To-ProfileID|NamePartGroupID|DocumentedNameID|FeatureVersionID|SanctionsEntryID)=")'
    rb'(\d+)"'
)


def _shifted(content: bytes, offset: int) -> bytes:
    return _IDS.sub(lambda m: m[1] + str(int(m[2]) + offset).encode() + b'"', content)


def synthetic(source: Path, copies: int, target: Path) -> None:
    """The file with the content of each container repeated ``copies`` times, ids shifted."""
    data = source.read_bytes()
    with target.open("wb") as out:
        position = 0
        for container in CONTAINERS:
            opening = data.index(b"<%s>" % container.encode(), position) + len(container) + 2
            closing = data.index(b"</%s>" % container.encode(), opening)
            out.write(data[position:opening])
            content = data[opening:closing]
            for copy in range(copies):
                out.write(_shifted(content, copy * 100_000_000) if copy else content)
            position = closing
        out.write(data[position:])


SCALING = (
    Column("file", 34),
    Column("MB", 7, ".0f"),
    Column("parties", 9, ","),
    Column("cpu s", 8, ".2f"),
    Column("cpu µs/party", 14, ",.0f", scale=1e6),
    Column("wall s", 8, ".2f"),
    Column("peak MB", 9, ".1f", scale=1e-6),
    Column("peak B/party", 14, ",.0f"),
)


def scaling_row(label: str, path: Path) -> None:
    """One read's CPU time (what the process spent, whatever else runs on the machine),
    wall time, and, in a second read, the tracemalloc peak."""
    load = partial(BENCH.load, path)
    timing = timed(load)
    peak, dataset = peak_bytes(load)
    parties, size = len(dataset), path.stat().st_size / 1e6
    cpu, wall = timing
    print_row(SCALING, [label, size, parties, cpu, cpu / parties, wall, peak, peak / parties])


BENCH = ReaderBench(
    title="OFAC advanced XML (Sanctions)",
    reader="ofac_advanced",
    files=in_shared("ofac", "**/*.xml", ofac_advanced.sniff),
    bare=partial(bare_iterparse, records=RECORD_TAGS),
    missing="no OFAC advanced (Sanctions) XML file under ../shared/data/ofac",
    rounds=ROUNDS,
    options={"strict": False},
)
BENCHES = (BENCH,)


def run(sizes: tuple[int, ...] = COPIES) -> None:
    """Print the comparison for the real file, then one read of each larger copy."""
    with tempfile.TemporaryDirectory() as temporary:
        files = BENCH.files(Path(temporary))
        run_bench(BENCH, files)
        if not files:
            return
        print("\n## linear growth: the real parties repeated, ids shifted (temporary files)")
        print_header(SCALING)
        for copies in sizes:
            path = Path(temporary) / f"synthetic-{copies}.xml"
            synthetic(files[0], copies, path)
            scaling_row(f"{files[0].name} × {copies}", path)
            path.unlink()


if __name__ == "__main__":
    run((*COPIES, FULL) if "--full" in sys.argv[1:] else COPIES)
