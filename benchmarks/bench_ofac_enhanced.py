"""How fast and how lean the OFAC enhanced XML reader is, on the real file and larger copies.

For each real ``sanctionsData`` file under ``../shared/data/ofac``: sanctionkit's load
time as a ratio to a bare ``xml.etree.ElementTree.iterparse`` pass over the same
file (medians of several alternating rounds), the ``tracemalloc`` peak per entity,
and entities per second. Then the same three figures on synthetic files made at
run time in a temporary folder by repeating the real entities with new ids (10×
and 50×), to show that time and memory grow linearly.

Run: ``python benchmarks/bench_ofac_enhanced.py`` (skips with a message when
``../shared/data`` is absent).
"""

from __future__ import annotations

import re
from pathlib import Path

from _measure import ReaderBench, bare_iterparse, in_shared, run_benches
from sanctionkit.formats import ofac_enhanced

ROUNDS = 5
COPIES = (10, 50)

_ENTITY = re.compile(rb"<entity id=\"\d+\">.*?</entity>", re.DOTALL)
_OWN_ID = re.compile(rb"<entity id=\"\d+\">")
_BETWEEN_TAGS = re.compile(rb">\s+<")


def synthetic(source: Path, copies: int, target: Path) -> None:
    """The file with its entities repeated ``copies`` times, each with a new id."""
    data = source.read_bytes()
    start, end = data.index(b"<entities>"), data.rindex(b"</entities>")
    head, tail = data[:start], data[end:]
    originals = [_BETWEEN_TAGS.sub(b"><", entity) for entity in _ENTITY.findall(data)]
    with target.open("wb") as out:
        out.write(head + b"<entities>")
        number = 10_000_000
        for _ in range(copies):
            for entity in originals:
                number += 1
                out.write(_OWN_ID.sub(b'<entity id="%d">' % number, entity, 1))
        out.write(tail)


real_files = in_shared("ofac", "**/*.xml", ofac_enhanced.sniff)


def files(temporary: Path) -> list[Path]:
    """The real files, then the first one's larger copies, written in ``temporary``."""
    found = real_files(temporary)
    copies = []
    for count in COPIES if found else ():
        path = temporary / f"{found[0].stem} × {count} (synthetic).xml"
        synthetic(found[0], count, path)
        copies.append(path)
    return [*found, *copies]


BENCHES = (
    ReaderBench(
        title="OFAC enhanced XML (sanctionsData)",
        reader="ofac_enhanced",
        files=files,
        bare=bare_iterparse,
        missing="no OFAC sanctionsData XML file under ../shared/data/ofac",
        rounds=ROUNDS,
        options={"strict": False},
        width=46,
    ),
)


def run() -> None:
    """Print the comparison for each real file, then for its larger copies."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
