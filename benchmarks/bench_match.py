"""sanctionkit.match on OFAC's SDN list of 3 May 2024: compare, build an index, search.

Measures, in one run:

- ``compare_names`` pairs per second on one core, warm (imports done, word lists
  read): distinct names (the analysis cache cleared before the round) and
  repeated pairs (a screening run meets the same list names again and again);
  beside it a plain rapidfuzz ``token_sort_ratio`` on the same pairs;
- cold start: a fresh interpreter importing sanctionkit and comparing one pair;
- ``Index`` build time on the list (about 15,000 entities, 25,000 names);
- ``search`` queries per second, and recall at rank 1 on 1,000 queries made from
  the list's own names (as written, with one letter dropped, and with the words
  reversed), against a brute-force rapidfuzz scan of every name on the same
  queries (``extractOne`` with ``token_sort_ratio``). A few names are the names
  of two entities: both ways then answer with the first in the list's order.

Times are CPU seconds of this process (``time.process_time``), so that other
work on a shared machine does not count; wall-clock seconds are printed beside.
Run alone with ``python benchmarks/bench_match.py``, or in ``make bench``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _measure import shared_path

SDN = "ofac/sdn-csv-2024-05/sdn-2024-05-03.csv"
TARGET_PAIRS = 5_000  # pairs per second
TARGET_COLD = 1.0  # seconds
TARGET_BUILD = 2.0  # seconds
TARGET_SEARCH = 1_000  # queries per second


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    call()
    return time.process_time() - cpu, time.perf_counter() - wall


def _drop_letter(name: str, rng: random.Random) -> str:
    positions = [i for i, ch in enumerate(name) if ch.isalpha()]
    if len(positions) < 6:
        return name
    cut = rng.choice(positions[1:-1])
    return name[:cut] + name[cut + 1 :]


def _reverse_words(name: str) -> str:
    return " ".join(reversed(name.replace(",", " ").split()))


def cold_start() -> float:
    code = (
        "import sanctionkit as sk;"
        "sk.match.compare_names('MIKHEYCHIK, Vladimir', 'Vladimir Mikheychik')"
    )
    best = min(
        _timed(lambda: subprocess.run([sys.executable, "-c", code], check=True))[1]
        for _ in range(3)
    )
    return best


def clear_caches(module: object) -> None:
    """Forget every analysed name and word, so that a round measures work, not memory."""
    for cached in ("analyze_name", "_word", "_part", "_sound_keys"):
        getattr(module, cached).cache_clear()


def run() -> None:
    from rapidfuzz import fuzz, process

    import sanctionkit as sk
    from sanctionkit.match import names as name_analysis

    path = shared_path(SDN)
    if path is None:
        print(f"skipped: ../shared/data/{SDN} is absent")
        return
    ofac = sk.load(path)
    rng = random.Random(20240503)
    entities = list(ofac)
    names = [entity.name for entity in entities]

    # compare_names: mostly different names, as in screening, plus alias pairs.
    pairs = [(rng.choice(names), rng.choice(names)) for _ in range(4000)]
    pairs += [(e.name, a.name) for e in entities for a in e.aliases][:1000]
    sk.match.compare_names("a", "b")  # word lists read

    def distinct() -> None:
        for left, right in pairs:
            sk.match.compare_names(left, right)

    clear_caches(name_analysis)
    cpu_distinct, wall_distinct = _timed(distinct)
    cpu_repeated, _wall = _timed(distinct)
    cpu_plain, _wall = _timed(lambda: [fuzz.token_sort_ratio(a, b) for a, b in pairs])
    print(
        f"{'compare_names, distinct names':<44}{len(pairs) / cpu_distinct:>10,.0f} pairs/s"
        f"  (wall {len(pairs) / wall_distinct:,.0f}; target {TARGET_PAIRS:,})"
    )
    print(f"{'compare_names, repeated pairs':<44}{len(pairs) / cpu_repeated:>10,.0f} pairs/s")
    print(
        f"{'rapidfuzz token_sort_ratio (no analysis)':<44}{len(pairs) / cpu_plain:>10,.0f} pairs/s"
    )
    print(
        f"{'cold start: import + one compare (wall)':<44}{cold_start():>10.3f} s"
        f"  (target {TARGET_COLD} s)"
    )

    # Bounded time on any text: 1 kB of random code points from every plane. The
    # first pass also pays for anyascii reading the tables of the scripts it meets
    # (once per process); the second pass, caches cleared again, is the steady state.
    texts_1k = ["".join(chr(rng.randrange(32, 0x2FFFF)) for _ in range(1000)) for _ in range(400)]
    for label in ("first pass", "second pass"):
        clear_caches(name_analysis)
        times = []
        for left, right in zip(texts_1k[::2], texts_1k[1::2], strict=True):
            started = time.process_time()
            try:
                sk.match.compare_names(left, right)
            except ValueError:  # no letter or digit: a clear error, also bounded
                pass
            times.append(time.process_time() - started)
        times.sort()
        print(
            f"{'compare_names, 1 kB of random text, ' + label:<44}"
            f"{times[len(times) // 2] * 1000:>10.2f} ms median,"
            f" {times[-1] * 1000:.2f} ms worst of 200 (target 5 ms)"
        )

    clear_caches(name_analysis)
    holder: list[sk.match.Index] = []
    cpu_build, wall_build = _timed(lambda: holder.append(sk.match.Index(ofac)))
    index = holder[0]
    print(
        f"{'Index build, OFAC SDN 2024-05-03':<44}{cpu_build:>10.3f} s"
        f"  (wall {wall_build:.3f} s; {index!r}; target {TARGET_BUILD} s)"
    )

    # Queries: the list's own names, a letter dropped, words reversed.
    sample = rng.sample(entities, 1000)
    kinds = {
        "as written": [(e, e.name) for e in sample],
        "one letter dropped": [(e, _drop_letter(e.name, rng)) for e in sample],
        "words reversed": [(e, _reverse_words(e.name)) for e in sample],
    }
    choices = [(name, position) for position, e in enumerate(entities) for name in e.all_names]
    texts = [name for name, _position in choices]
    for label, queries in kinds.items():
        found: list[bool] = []

        def search(
            queries: list[tuple[sk.Entity, str]] = queries, found: list[bool] = found
        ) -> None:
            for entity, text in queries:
                hits = index.search(text, limit=1)
                found.append(bool(hits) and hits[0].entity.id == entity.id)

        cpu_search, wall_search = _timed(search)
        brute: list[bool] = []

        # The same queries, so that the two recalls compare (the scan is slow: a few seconds).
        def scan(queries: list[tuple[sk.Entity, str]] = queries, brute: list[bool] = brute) -> None:
            for entity, text in queries:
                best = process.extractOne(text, texts, scorer=fuzz.token_sort_ratio)
                brute.append(best is not None and entities[choices[best[2]][1]].id == entity.id)

        cpu_scan, _wall = _timed(scan)
        rate, scan_rate = len(queries) / cpu_search, len(queries) / cpu_scan
        print(
            f"{'search, ' + label:<44}{rate:>10,.0f} q/s  (wall {len(queries) / wall_search:,.0f})"
            f"  recall@1 {sum(found) / len(found):.3f}; brute-force rapidfuzz scan"
            f" {scan_rate:,.1f} q/s, recall@1 {sum(brute) / len(brute):.3f};"
            f" {rate / scan_rate:,.0f}x"
        )


if __name__ == "__main__":
    run()
