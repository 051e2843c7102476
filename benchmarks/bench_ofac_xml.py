"""How fast and how lean the OFAC classic XML reader is, on real and synthetic files.

For each real ``sdnList`` file under ``../shared/data/ofac``: sanctionkit's load
time as a ratio to a bare ``xml.etree.ElementTree.iterparse`` pass over the same
file (medians of several alternating rounds, so that both see the same machine),
the ``tracemalloc`` peak per entity, and entities per second.

Then, on request only, a scale run: a synthetic file of 1,000,000 entries made at run time in a
temporary folder by repeating the real entries with new uids (indentation
removed, so that it stays small on disk). It is read once, and the time and the
resident memory are noted as the reader passes 100,000, 300,000 and 1,000,000
entries, to show that both grow linearly. One read without tracemalloc (which
slows Python code several times) keeps it near two minutes, so it is opt-in:
``--scale``, or ``SANCTIONKIT_BENCH_SCALE=1`` in the environment (the variable
also reaches ``benchmarks/run.py readers``, as does ``run.py readers --scale``).

Run: ``python benchmarks/bench_ofac_xml.py [--scale]`` (skips with a message
when ``../shared/data`` is absent).
"""

from __future__ import annotations

import gc
import io
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from _measure import ReaderBench, bare_iterparse, files_in, in_shared, run_benches, shared_path
from sanctionkit.formats import ofac_xml

ROUNDS = 7
SCALE = (100_000, 300_000, 1_000_000)
SCALE_VARIABLE = "SANCTIONKIT_BENCH_SCALE"

_ENTRY = re.compile(rb"<sdnEntry>.*?</sdnEntry>", re.DOTALL)
_OWN_UID = re.compile(rb"<sdnEntry>\s*<uid>\d+</uid>")
_BETWEEN_TAGS = re.compile(rb">\s+<")


def real_files() -> list[Path]:
    """The real OFAC files whose root is ``sdnList``."""
    folder = shared_path("ofac")
    return files_in(folder, "**/*.xml", ofac_xml.sniff) if folder else []


def scale_requested() -> bool:
    """Whether the environment asks for the scale run: ``SANCTIONKIT_BENCH_SCALE`` set, not 0."""
    return os.environ.get(SCALE_VARIABLE, "0") not in ("", "0")


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


def run_scale() -> None:
    """One read of a 1,000,000-entry file, timed and measured as it passes each size."""
    files = real_files()
    if not files:
        print("scale run skipped: no OFAC sdnList XML file under ../shared/data/ofac")
        return
    source = files[0]
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


BENCHES = (
    ReaderBench(
        title="OFAC classic XML (sdnList)",
        reader="ofac_xml",
        files=in_shared("ofac", "**/*.xml", ofac_xml.sniff),
        bare=bare_iterparse,
        missing="no OFAC sdnList XML file under ../shared/data/ofac",
        rounds=ROUNDS,
        options={"strict": False},
    ),
)


def run() -> None:
    """Print the comparison for each real file (the scale run is ``run_scale``)."""
    run_benches(BENCHES)


if __name__ == "__main__":
    run()
    if "--scale" in sys.argv[1:] or scale_requested():
        run_scale()
    else:
        print(f"(scale run of {SCALE[-1]:,} entries: --scale or {SCALE_VARIABLE}=1)")
