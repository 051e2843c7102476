"""Before and after: the files of the reader benchmarks read by two revisions' readers.

``python benchmarks/run.py readers --against REV`` reads each file of every reader
benchmark (the ``BENCHES`` of ``bench_*.py``) with the readers of git revision
``REV`` (its ``src`` exported with ``git archive`` into a temporary folder) and
with those of the working tree (uncommitted changes included). Each side runs in
a process of its own, with ``PYTHONPATH`` on its sources, that stays warm for
``ROUNDS_PER_PROCESS`` rounds: one untimed load first (imports, country tables),
then the two sides take turns, the order flipping every round (each benchmark's
rounds, at least ``ROUNDS``). Printed per file: the median CPU time before and
after and their ratio, the lowest and highest ratio of one round's two loads, the
verdict, the median wall time of each, the tracemalloc peak of one more load, and
the process's peak resident memory (VmHWM, which also counts what Rust and C
allocate: calamine's buffers, the parser's).

On a shared machine the CPU time is the figure to trust: the wall clock also
counts the neighbours. A ratio reads "SLOWER" (or "faster") only when it is more
than ``TOLERANCE`` from 1 and the two loads of every round agree; else "same".

Without a revision, the comparison is with the merge base of ``HEAD`` and ``main``
(where the branch left main; on main itself that is ``HEAD``, so name one).

This file is also the worker: ``python _against.py --worker``.
"""

from __future__ import annotations

import gc
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import IO, Any

from _measure import (
    CPU_NOTE,
    Column,
    ReaderBench,
    peak_bytes,
    print_header,
    print_row,
    read_with,
)

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 0.05  # a ratio within this of 1 is "same": rounds on a loaded machine vary this much
ROUNDS = 5  # at least, unless asked: with three, one disturbed round moves the median
ROUNDS_PER_PROCESS = 2  # then a new pair of workers
SIDES = ("before", "after")

COLUMNS = (
    Column("file", 40),
    Column("entities", 10, ","),
    Column("cpu before", 12, ".1f", scale=1e3),
    Column("cpu after", 11, ".1f", scale=1e3),
    Column("ratio", 8, ".2f", "×"),
    Column("rounds", 11),
    Column("", 8),
    Column("wall before", 13, ".1f", scale=1e3),
    Column("wall after", 12, ".1f", scale=1e3),
    Column("peak before", 13, ".1f", scale=1e-6),
    Column("peak after", 12, ".1f", scale=1e-6),
    Column("RSS before", 12, ".0f", scale=1e-6),
    Column("RSS after", 11, ".0f", scale=1e-6),
)


# --- the revisions ----------------------------------------------------------------------


def git(*arguments: str) -> str:
    """The output of a git command in this repository, stripped."""
    command = ["git", "-C", str(ROOT), *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def resolve(revision: str | None) -> str:
    """The commit to compare with: ``revision``, or the merge base of HEAD and main.

    A name git does not know ends the run with git's message.
    """
    asked = ("rev-parse", "--verify", f"{revision}^{{commit}}") if revision else None
    try:
        return git(*asked) if asked else git("merge-base", "HEAD", "main")
    except subprocess.CalledProcessError as error:
        what = repr(revision) if revision else "the merge base of HEAD and main"
        raise SystemExit(f"--against: {what} is no commit here: {error.stderr.strip()}") from None


def export_sources(commit: str, folder: Path) -> Path:
    """The ``src`` folder of ``commit``, written below ``folder``; its path."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "src"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


# --- the worker: one process per side and file ------------------------------------------


class Worker:
    """A process that reads with the sanctionkit found in ``sources``, one request at a time."""

    def __init__(self, sources: Path) -> None:
        # One hash seed for both sides: string hashes, and so every dict and set, behave
        # alike in both processes, which alternating rounds cannot even out otherwise.
        environment = {**os.environ, "PYTHONPATH": str(sources), "PYTHONHASHSEED": "0"}
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker"],
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        found = Path(self.receive()["sanctionkit"]).resolve()
        if not found.is_relative_to(sources.resolve()):  # another install came first on the path
            self.close()
            raise RuntimeError(f"the worker imported {found}, not the sources in {sources}")

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the worker ended without answering (its errors are above)")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        """Send one request, wait for its answer; a failure in the worker raises here."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self.receive()
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def serve(requests: IO[str], answers: IO[str]) -> None:
    """The worker's loop: a JSON request per line in, a JSON answer per line out."""
    import sanctionkit

    def answer(value: dict[str, Any]) -> None:
        answers.write(json.dumps(value) + "\n")
        answers.flush()

    answer({"sanctionkit": sanctionkit.__file__})
    for line in requests:
        try:
            answer(handle(json.loads(line)))
        except Exception as error:  # reported to the driver, which names the file
            answer({"error": f"{type(error).__name__}: {error}"})


def resident_peak() -> int:
    """This process's peak resident memory in bytes: VmHWM on Linux, where ``ru_maxrss``
    would also count the driver's memory, which the worker was forked from."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        unit = 1 if sys.platform == "darwin" else 1024  # macOS counts bytes, others KB
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Do one request: ``time`` one load, ``peak`` one traced load, ``rss`` the peak so far."""
    if request["op"] == "rss":
        return {"rss": resident_peak()}
    load = partial(read_with, request["reader"], Path(request["path"]), request["options"])
    if request["op"] == "peak":
        peak, _ = peak_bytes(load)
        return {"peak": peak}
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    dataset = load()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"cpu": cpu, "wall": wall, "entities": len(dataset)}


# --- the driver -------------------------------------------------------------------------


def close_all(workers: dict[str, Worker]) -> None:
    for worker in workers.values():
        worker.close()


def compare_file(
    bench: ReaderBench, path: Path, sources: dict[str, Path], rounds: int
) -> dict[str, Any]:
    """The figures of both sides for one file: medians of alternating rounds, then memory.

    A new pair of workers every ``ROUNDS_PER_PROCESS`` rounds: what one process happens to
    get (its place in memory, its core) then varies between rounds like the rest, and
    shows in their spread rather than in the ratio.
    """
    request = {"reader": bench.reader, "path": str(path), "options": dict(bench.options)}
    timings: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
    workers: dict[str, Worker] = {}
    try:
        for number in range(rounds):
            if number % ROUNDS_PER_PROCESS == 0:
                close_all(workers)
                workers = {side: Worker(sources[side]) for side in SIDES}
                # The untimed first load (imports, country tables); its count is the file's.
                warm = {side: workers[side].ask({**request, "op": "time"}) for side in SIDES}
            for side in SIDES if number % 2 == 0 else SIDES[::-1]:
                timings[side].append(workers[side].ask({**request, "op": "time"}))
        # The resident peak before tracing, which keeps a record of every block it traces.
        rss = {side: workers[side].ask({"op": "rss"})["rss"] for side in SIDES}
        peak = {side: workers[side].ask({**request, "op": "peak"})["peak"] for side in SIDES}
    finally:
        close_all(workers)
    median = {
        (side, kind): statistics.median(timing[kind] for timing in timings[side])
        for side in SIDES
        for kind in ("cpu", "wall")
    }
    # Each round's two loads ran back to back: their ratio is the comparison least
    # disturbed by the load on the machine drifting; the range of those ratios says how far
    # the median can be trusted.
    pairs = zip(timings["before"], timings["after"], strict=True)
    paired = [after["cpu"] / before["cpu"] for before, after in pairs]
    entities = {side: warm[side]["entities"] for side in SIDES}
    return {"entities": entities, "median": median, "paired": paired, "rss": rss, "peak": peak}


def verdict(ratio: float, paired: Sequence[float]) -> str:
    """ "SLOWER" when the ratio is more than ``TOLERANCE`` above 1 and every round's own
    ratio is above 1 too (``faster`` the other way round), else "same".

    Every round agreeing is what a difference looks like; a machine that is busy in some
    rounds and not in others gives rounds that disagree.

    >>> verdict(1.03, [1.02, 1.04]), verdict(0.80, [0.7, 0.9]), verdict(1.2, [1.1, 1.3])
    ('same', 'faster', 'SLOWER')
    >>> verdict(1.20, [0.95, 1.2, 1.4])
    'same'
    """
    if abs(ratio - 1) <= TOLERANCE or min(paired) <= 1 <= max(paired):
        return "same"
    return "faster" if ratio < 1 else "SLOWER"


def print_file(label: str, figures: dict[str, Any]) -> tuple[float, str]:
    """One row of ``COLUMNS``; the CPU ratio after / before and its verdict."""
    entities, median, paired = figures["entities"], figures["median"], figures["paired"]
    ratio: float = median["after", "cpu"] / median["before", "cpu"]
    values = [label, entities["after"], median["before", "cpu"], median["after", "cpu"], ratio]
    spread, said = f"{min(paired):.2f}-{max(paired):.2f}", verdict(ratio, paired)
    values += [spread, said, median["before", "wall"], median["after", "wall"]]
    values += [figures["peak"]["before"], figures["peak"]["after"]]
    print_row(COLUMNS, [*values, figures["rss"]["before"], figures["rss"]["after"]])
    if entities["before"] != entities["after"]:
        print(f"  (entities differ: {entities['before']:,} before, {entities['after']:,} after)")
    return ratio, said


def compare_bench(
    bench: ReaderBench, files: Sequence[Path], sources: dict[str, Path], rounds: int | None
) -> list[tuple[float, str]]:
    """Print the table of one benchmark's files; the CPU ratios and verdicts of those both
    sides read."""
    print(f"{bench.title}: sanctionkit.formats.{bench.reader}")
    if not files:
        print(f"skipped: {bench.missing}")
        return []
    print_header(COLUMNS)
    ratios = []
    for path in files:
        label = bench.label(path)
        try:
            figures = compare_file(bench, path, sources, rounds or max(bench.rounds, ROUNDS))
        except RuntimeError as error:
            print(f"{label[: COLUMNS[0].width - 1]:<{COLUMNS[0].width}}not compared: {error}")
            continue
        ratios.append(print_file(label, figures))
    return ratios


def compare_revisions(
    benches: Sequence[ReaderBench], revision: str | None, rounds: int | None = None
) -> None:
    """Print, for every file of every benchmark, the readers of ``revision`` against the
    working tree's, then the geometric mean of the CPU ratios. ``rounds`` replaces each
    benchmark's own count: more rounds, steadier medians on a busy machine."""
    commit = resolve(revision)
    described = git("log", "-1", "--format=%h %ad %s", "--date=short", commit)
    print(f"before: {described[:90]}")
    print(f"after: the working tree in {ROOT} (uncommitted changes included)")
    print("medians of each benchmark's rounds, before and after taking turns, a new pair of")
    print(f"processes every {ROUNDS_PER_PROCESS} rounds; {CPU_NOTE}")
    print("ratio: CPU time after / before (below 1: faster)")
    print("cpu, wall: ms per load; rounds: the lowest and highest ratio of one round's two loads")
    print(f"(SLOWER or faster: more than {TOLERANCE:.0%} and in every round, else same); peak: MB")
    print("traced by tracemalloc in one load; RSS: the worker's peak resident MB")
    ratios: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as temporary:
        sources = {"before": export_sources(commit, Path(temporary)), "after": ROOT / "src"}
        for bench in benches:
            print()
            ratios += compare_bench(bench, bench.files(Path(temporary)), sources, rounds)
    if ratios:
        mean = math.exp(statistics.fmean(math.log(ratio) for ratio, _ in ratios))
        slower = sum(said == "SLOWER" for _, said in ratios)
        print(f"\nCPU time after / before, geometric mean over {len(ratios)} files: {mean:.2f}×")
        print(f"({slower} file(s) SLOWER: more than {TOLERANCE:.0%}, in every round)")


if __name__ == "__main__" and sys.argv[1:] == ["--worker"]:
    # What the readers print must not mix with the answers: they go to stderr.
    answers, sys.stdout = sys.stdout, sys.stderr
    serve(sys.stdin, answers)
