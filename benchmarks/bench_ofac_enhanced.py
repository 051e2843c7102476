"""How fast and how lean the OFAC enhanced XML reader is, on the real file and larger copies.

For each real ``sanctionsData`` file under ``../shared/data/ofac``: sanctionkit's load
time as a ratio to a bare ``xml.etree.ElementTree.iterparse`` pass over the same
file (best of several alternating rounds), the ``tracemalloc`` peak per entity,
and entities per second. Then the same three figures on synthetic files made at
run time in a temporary folder by repeating the real entities with new ids (10×
and 50×), to show that time and memory grow linearly.

Run: ``python benchmarks/bench_ofac_enhanced.py`` (skips with a message when
``../shared/data`` is absent).
"""

from __future__ import annotations

import re
import tempfile
from functools import partial
from pathlib import Path

from _measure import (
    COMPARISON,
    SHARED,
    bare_iterparse,
    compare,
    files_in,
    print_header,
    shared_path,
)
from sanctionkit import Dataset
from sanctionkit.formats import ofac_enhanced

ROUNDS = 5
COPIES = (10, 50)

_ENTITY = re.compile(rb"<entity id=\"\d+\">.*?</entity>", re.DOTALL)
_OWN_ID = re.compile(rb"<entity id=\"\d+\">")
_BETWEEN_TAGS = re.compile(rb">\s+<")


def load(path: Path) -> Dataset:
    return ofac_enhanced.read(path, name=path.name, strict=False)


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


def run() -> None:
    """Print the comparison for each real file, then for its larger copies."""
    folder = shared_path("ofac")
    files = files_in(folder, "**/*.xml", ofac_enhanced.sniff) if folder else []
    if not files:
        print("skipped: no OFAC sanctionsData XML file under ../shared/data/ofac")
        return
    print("## OFAC enhanced XML: sanctionkit vs a bare ElementTree.iterparse pass")
    print(f"best of {ROUNDS} alternating rounds; peak memory by tracemalloc, per entity read")
    print_header(COMPARISON)
    for path in files:
        label = str(path.relative_to(SHARED))
        compare(label, partial(load, path), partial(bare_iterparse, path), ROUNDS)
    with tempfile.TemporaryDirectory() as temporary:
        for copies in COPIES:
            path = Path(temporary) / f"synthetic-{copies}.xml"
            synthetic(files[0], copies, path)
            label = f"{files[0].name} × {copies} (synthetic)"
            compare(label, partial(load, path), partial(bare_iterparse, path), ROUNDS)


if __name__ == "__main__":
    run()
