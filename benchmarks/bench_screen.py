"""sanctionkit.match.screen: 10,000 generated customers against OFAC's SDN list of 3 May 2024.

Measures, in one run:

- ``screen`` rows per second on one core (CPU seconds of this process, wall beside),
  with how many rows had a hit;
- the same table through Dask's ``map_partitions`` on a ``distributed``
  LocalCluster of worker processes (one thread each), one worker against two,
  the index scattered to the workers once; the speed-up by the CPU seconds of
  the busiest worker and by wall-clock seconds.

Customers are generated, seeded: 95 % combine a given name and a surname taken
from two different persons of the list (every word is then in the index, the
hard case for blocking), 5 % are a listed person's name with its words reversed
(those must be hits). The wall-clock speed-up needs two free cores: on a
shared machine it says more about the neighbours than about Dask.
Run alone with ``python benchmarks/bench_screen.py [ROWS]``, or in ``make bench``.

``python benchmarks/bench_screen.py --scale ROWS`` (not in ``make bench``: it takes
minutes) screens ROWS generated customers against the union of every list the library
reads in ../shared/data (the newest file of each authority, and the built-in dataset),
and reports rows/s per core, peak memory (max RSS) and the core-hours that 10 million
customers against 1 million list entities would take, assuming the cost of a row grows
linearly with the number of list entities (blocking postings grow with the list; the
number of names fully scored per row does not, so this is an upper bound).
"""

from __future__ import annotations

import logging
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _measure import shared_path

SDN = "ofac/sdn-csv-2024-05/sdn-2024-05-03.csv"
ROWS = 10_000
# The index is scattered to the workers once, so partitions cost little: 16 per worker of
# two let the scheduler even out the work whatever the speed of each row (with 8, one of two
# workers was seen doing 7.4 CPU s and the other 10.1).
PARTITIONS = 32


def customers(dataset: Any, rows: int, rng: random.Random) -> list[str]:
    """Generated customer names: mixed words of listed persons, and some listed names."""
    import sanctionkit as sk

    people = [e.name.replace(",", " ").split() for e in dataset if isinstance(e, sk.Person)]
    people = [words for words in people if len(words) >= 2]
    names = []
    for number in range(rows):
        if number % 20 == 0:
            names.append(" ".join(reversed(rng.choice(people))))
        else:
            given, family = rng.sample(people, 2)
            names.append(f"{given[-1]} {family[0]}")
    return names


# The newest file of each authority that sanctionkit reads (the union for --scale).
UNION = [
    SDN,
    "un/consolidated-2024-11-30.xml",
    "ca/sema-2025-03-20.xml",
    "uk/ConList-2022-05-04.xlsx",
    "jp/shisantouketsu20260305.xlsx",
    "au/dfat-2026-02-24.xlsx",
    "eu/fsf-2022-03-18-excerpt.xml",
    "ofac/enhanced-2024/IRGC_sanctions.xml",
]


def scale(rows: int) -> None:
    """Screen ``rows`` generated customers against the union of the lists; see the module."""
    import resource

    import pyarrow as pa

    import sanctionkit as sk

    datasets = [sk.builtin_dataset()]
    for relative in UNION:
        path = shared_path(relative)
        if path is None:
            continue
        try:
            datasets.append(sk.load(path))
        except (sk.SanctionkitError, ValueError) as error:  # a reader another helper is writing
            print(f"  {relative}: not read ({type(error).__name__})")
    cpu = time.process_time()
    index = sk.match.Index(*datasets)
    print(
        f"{'Index of the union (build, CPU)':<44}{time.process_time() - cpu:>10.1f} s  ({index!r})"
    )
    everyone = [entity for dataset in datasets for entity in dataset]
    table = pa.table(
        {
            "id": [f"c{n:07d}" for n in range(rows)],
            "name": customers(everyone, rows, random.Random(20240503)),
        }
    )
    cpu, wall = time.process_time(), time.perf_counter()
    done = [0]

    def progress(count: int) -> None:
        # A line every 100,000 rows: a long run that is stopped still says what it measured.
        done[0] += count
        if done[0] % 100_000 < count:
            used = time.process_time() - cpu
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"  {done[0]:>9,} rows: {done[0] / used:,.0f} rows/s (CPU), max RSS {peak:,.0f} MB"
            )
            sys.stdout.flush()

    hits = sk.match.screen(table, index, key="id", progress=progress)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    rate = rows / cpu
    hours = 10_000_000 / rate * (1_000_000 / len(index)) / 3600
    print(
        f"{f'screen, {rows:,} rows, union, one core':<44}{rate:>10,.0f} rows/s"
        f"  (wall {rows / wall:,.0f}; CPU {cpu:,.0f} s; {hits.num_rows:,} hits)"
    )
    print(f"{'peak memory (max RSS)':<44}{peak:>10,.0f} MB")
    print(f"{'10M customers x 1M entities (linear)':<44}{hours:>10,.0f} core-hours")


def run(rows: int = ROWS) -> None:
    import pyarrow as pa

    import sanctionkit as sk

    path = shared_path(SDN)
    if path is None:
        print(f"skipped: ../shared/data/{SDN} is absent")
        return
    ofac = sk.load(path)
    index = ofac.index()
    rng = random.Random(20240503)
    table = pa.table({"id": [f"c{n:06d}" for n in range(rows)], "name": customers(ofac, rows, rng)})
    index.search("warm up")

    cpu, wall = time.process_time(), time.perf_counter()
    hits = sk.match.screen(table, index, key="id")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    matched = len(set(hits.column("row").to_pylist()))
    print(
        f"{'screen, ' + format(rows, ',') + ' rows, one core':<44}{rows / cpu:>10,.0f} rows/s"
        f"  (wall {rows / wall:,.0f}; {matched:,} rows with a hit, {hits.num_rows:,} hits)"
    )

    dask_workers(table, index, hits.num_rows)


def _warm_up() -> None:
    """Import sanctionkit.match and screen a row in a worker, before the clock starts."""
    import sanctionkit as sk

    sk.match.screen({"name": ["warm up"]}, sk.builtin_dataset().index())


def _worker_cpu(client: Any) -> dict[str, float]:
    """CPU seconds each worker process has used so far."""
    return client.run(time.process_time)  # type: ignore[no-any-return]


def dask_workers(table: Any, index: Any, expected: int) -> None:
    """The table through Dask's map_partitions on a local cluster of 1, then 2, worker processes.

    The index is scattered to every worker once (``client.scatter(index,
    broadcast=True)``) before the clock starts, as a screening service would
    keep it loaded. Wall seconds say what the user waits for, but on a shared
    machine they depend on the neighbours; the CPU seconds of the busiest
    worker do not, and their ratio (one worker's CPU / the busiest of two) is
    the speed-up that two free cores give.
    """
    try:
        import dask.dataframe as dd
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask: skipped (pip install 'sanctionkit[dask]')")
        return
    import sanctionkit as sk

    frame = dd.from_pandas(table.to_pandas(), npartitions=PARTITIONS)
    meta = sk.match.screen_pandas_meta()
    walls, busiest = {}, {}
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            remote = client.scatter(index, broadcast=True)
            client.run(_warm_up)
            before = _worker_cpu(client)
            started = time.perf_counter()
            result = frame.map_partitions(sk.match.screen_pandas, remote, key="id", meta=meta)
            computed = client.compute(result).result()
            walls[workers] = time.perf_counter() - started
            after = _worker_cpu(client)
        used = sorted(after[worker] - before[worker] for worker in after)
        busiest[workers] = used[-1]
        assert len(computed) == expected, "Dask and screen disagree"
        print(
            f"{f'Dask map_partitions, {workers} worker(s)':<44}"
            f"{table.num_rows / walls[workers]:>10,.0f} rows/s wall ({walls[workers]:.1f} s);"
            f" CPU s of each worker: {', '.join(f'{cpu:.1f}' for cpu in used)}"
        )
    print(
        f"{'Dask speed-up, 2 workers / 1':<44}{busiest[1] / busiest[2]:>10.2f} x by CPU"
        f" of the busiest worker, {walls[1] / walls[2]:.2f} x by wall (target 1.6)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scale"]:
        scale(int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
    else:
        run(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
