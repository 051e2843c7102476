"""How fast and how lean the OFAC classic XML reader is, on real and synthetic files.

For each real ``sdnList`` file under ``../shared/data/ofac``: sanctionkit's load
time as a ratio to a bare ``xml.etree.ElementTree.iterparse`` pass over the same
file (best of several alternating rounds, so that both see the same machine),
the ``tracemalloc`` peak per entity, and entities per second.

Then a scale run: a synthetic file of 1,000,000 entries made at run time in a
temporary folder by repeating the real entries with new uids (indentation
removed, so that it stays small on disk). It is read once, and the time and the
resident memory are noted as the reader passes 100,000, 300,000 and 1,000,000
entries, to show that both grow linearly. One read without tracemalloc (which
slows Python code several times) keeps the whole run near two minutes.

Run: ``python benchmarks/bench_ofac_xml.py`` (skips with a message when
``../shared/data`` is absent).
"""

from __future__ import annotations

import gc
import io
import os
import re
import tempfile
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from sanctionkit.formats import ofac_xml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ROUNDS = 7
SCALE = (100_000, 300_000, 1_000_000)

_ENTRY = re.compile(rb"<sdnEntry>.*?</sdnEntry>", re.DOTALL)
_OWN_UID = re.compile(rb"<sdnEntry>\s*<uid>\d+</uid>")
_BETWEEN_TAGS = re.compile(rb">\s+<")


def real_files() -> list[Path]:
    """The real OFAC files whose root is ``sdnList``."""
    found = []
    for path in sorted((SHARED / "ofac").rglob("*.xml")):
        with path.open("rb") as file:
            if ofac_xml.sniff(file.read(4096)):
                found.append(path)
    return found


def bare_pass(path: Path) -> None:
    for _event, _element in ET.iterparse(path):
        pass


def load(path: Path) -> int:
    return len(ofac_xml.read(path, name=path.name, strict=False))


def best_time(function: Callable[[Path], object], path: Path) -> float:
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


def compare(path: Path) -> None:
    load(path)  # country tables and caches, before timing
    ours, bare = [], []
    for _ in range(ROUNDS):
        bare.append(best_time(bare_pass, path))
        ours.append(best_time(load, path))
    count, peak = peak_memory(path)
    ratio = min(ours) / min(bare)
    print(
        f"{path.relative_to(SHARED)!s:<45}{count:>9,}{min(bare) * 1e3:>10.1f}"
        f"{min(ours) * 1e3:>10.1f}{ratio:>8.2f}×{peak / count:>10,.0f}{count / min(ours):>12,.0f}"
    )


def synthetic(
    source: Path, entries: int, target: Path, checkpoints: tuple[int, ...] = ()
) -> dict[int, int]:
    """A file of ``entries`` sdnEntry elements: the real ones over and over, with new uids.

    Returns the byte offset just after each checkpoint's entry (entry count → offset).
    """
    data = source.read_bytes()
    originals = [_BETWEEN_TAGS.sub(b"><", entry) for entry in _ENTRY.findall(data)]
    namespace = re.search(rb'<sdnList[^>]*xmlns="([^"]+)"', data)
    xmlns = namespace.group(1) if namespace else b"http://tempuri.org/sdnList.xsd"
    with target.open("wb") as out:
        out.write(b'<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns="' + xmlns + b'">')
        out.write(b"<publshInformation><Publish_Date>04/06/2018</Publish_Date>")
        out.write(b"<Record_Count>%d</Record_Count></publshInformation>\n" % entries)
        offsets: dict[int, int] = {}
        for number in range(entries):
            entry = originals[number % len(originals)]
            out.write(_OWN_UID.sub(b"<sdnEntry><uid>%d</uid>" % (1_000_000 + number), entry, 1))
            out.write(b"\n")
            if number + 1 in checkpoints:
                offsets[out.tell()] = number + 1
        out.write(b"</sdnList>\n")
    return offsets


class _Checkpoints(io.FileIO):
    """A file that notes the time and the process's memory when reading passes given offsets."""

    def __init__(self, path: Path, offsets: dict[int, int]) -> None:
        super().__init__(path, "rb")
        self.pending = sorted(offsets.items())
        self.started = time.perf_counter()
        self.baseline = resident_memory()
        self.seen: list[tuple[int, float, int]] = []

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        position = self.tell()
        while self.pending and position >= self.pending[0][0]:
            _, entries = self.pending.pop(0)
            elapsed = time.perf_counter() - self.started
            self.seen.append((entries, elapsed, resident_memory() - self.baseline))
        return data


def resident_memory() -> int:
    """The process's resident memory now, in bytes (Linux), else its peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return pages * os.sysconf("SC_PAGE_SIZE")


def scale(source: Path) -> None:
    """One read of a 1,000,000-entry file, timed and measured as it passes each size."""
    print(f"\n## scale: {source.name} repeated with new uids, one read, checkpoints")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.xml"
        offsets = synthetic(source, SCALE[-1], path, checkpoints=SCALE)
        print(f"synthetic file: {path.stat().st_size / 1e6:,.0f} MB")
        gc.collect()
        stream = _Checkpoints(path, offsets)
        dataset = ofac_xml.read(stream, name="synthetic.xml", strict=False)
        total = time.perf_counter() - stream.started
        memory = resident_memory() - stream.baseline
        assert len(dataset) == SCALE[-1], len(dataset)
        # The last checkpoint is the end of the file: read the dataset built, not the bytes.
        rows = [*stream.seen[:-1], (SCALE[-1], total, memory)]
        print(f"{'entries':>10}{'seconds':>9}{'µs/entity':>11}{'RSS MB':>9}{'B/entity':>10}")
        for entries, seconds, resident in rows:
            print(
                f"{entries:>10,}{seconds:>9.1f}{seconds / entries * 1e6:>11.1f}"
                f"{resident / 1e6:>9.0f}{resident / entries:>10,.0f}"
            )
        del dataset


def run() -> None:
    """Print the comparison for each real file, then the scale run."""
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent (the real OFAC files live there)")
        return
    files = real_files()
    if not files:
        print(f"skipped: no OFAC sdnList XML file under {SHARED / 'ofac'}")
        return
    print("## OFAC classic XML: sanctionkit vs a bare ElementTree.iterparse pass")
    print(f"best of {ROUNDS} alternating rounds; peak memory by tracemalloc, per entity read")
    print(
        f"{'file':<45}{'entities':>9}{'bare ms':>10}{'ours ms':>10}{'ratio':>9}"
        f"{'B/entity':>10}{'entities/s':>12}"
    )
    for path in files:
        compare(path)
    scale(files[0])


if __name__ == "__main__":
    run()
