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

import gc
import re
import tempfile
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from sanctionkit.formats import ofac_enhanced

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ROUNDS = 5
COPIES = (10, 50)

_ENTITY = re.compile(rb"<entity id=\"\d+\">.*?</entity>", re.DOTALL)
_OWN_ID = re.compile(rb"<entity id=\"\d+\">")
_BETWEEN_TAGS = re.compile(rb">\s+<")


def real_files() -> list[Path]:
    """The real OFAC files whose root is ``sanctionsData``."""
    found = []
    for path in sorted((SHARED / "ofac").rglob("*.xml")):
        with path.open("rb") as file:
            if ofac_enhanced.sniff(file.read(4096)):
                found.append(path)
    return found


def bare_pass(path: Path) -> None:
    for _event, _element in ET.iterparse(path):
        pass


def load(path: Path) -> int:
    return len(ofac_enhanced.read(path, name=path.name, strict=False))


def timed(function: Callable[[Path], object], path: Path) -> float:
    started = time.perf_counter()
    function(path)
    return time.perf_counter() - started


def peak_memory(path: Path) -> tuple[int, int]:
    """The entities read and the tracemalloc peak, in bytes, while reading them."""
    gc.collect()
    tracemalloc.start()
    try:
        count = load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def compare(path: Path, label: str) -> None:
    load(path)  # country tables and caches, before timing
    ours, bare = [], []
    for _ in range(ROUNDS):
        bare.append(timed(bare_pass, path))
        ours.append(timed(load, path))
    count, peak = peak_memory(path)
    ratio = min(ours) / min(bare)
    print(
        f"{label:<45}{count:>9,}{min(bare) * 1e3:>10.1f}"
        f"{min(ours) * 1e3:>10.1f}{ratio:>8.2f}×{peak / count:>10,.0f}{count / min(ours):>12,.0f}"
    )


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
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent (the real OFAC files live there)")
        return
    files = real_files()
    if not files:
        print(f"skipped: no OFAC sanctionsData XML file under {SHARED / 'ofac'}")
        return
    print("## OFAC enhanced XML: sanctionkit vs a bare ElementTree.iterparse pass")
    print(f"best of {ROUNDS} alternating rounds; peak memory by tracemalloc, per entity read")
    print(
        f"{'file':<45}{'entities':>9}{'bare ms':>10}{'ours ms':>10}{'ratio':>9}"
        f"{'B/entity':>10}{'entities/s':>12}"
    )
    for path in files:
        compare(path, str(path.relative_to(SHARED)))
    with tempfile.TemporaryDirectory() as folder:
        for copies in COPIES:
            path = Path(folder) / f"synthetic-{copies}.xml"
            synthetic(files[0], copies, path)
            compare(path, f"{files[0].name} × {copies} (synthetic)")


if __name__ == "__main__":
    run()
