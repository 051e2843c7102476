"""Screening tables: screen, screen_batch and screen_pandas, alone and on Dask and Spark.

The index holds the built-in dataset and the real excerpts of tests/data/real
(OFAC's CSV, the UN's XML of 30 November 2024, the EU's XML of 18 March 2022).
Each customer's expected entity was read from those files: its OFAC ent_num,
UN reference number or EU logical id, and the names, aliases and dates there.
"""

from __future__ import annotations

import datetime
import logging
import os
import pickle
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sanctionkit as sk
from sanctionkit.errors import InvalidTableError

pa = pytest.importorskip("pyarrow", reason="screening needs the arrow extra")

REAL = Path(__file__).parent.parent / "data" / "real"
T = sk.match.DEFAULT_THRESHOLD

# (key, name, kind, birth date, country): a customer table with its troubles.
CUSTOMERS: list[tuple[str, str | None, str | None, str | None, str | None]] = [
    ("c00", "Vladimir Mikheychik", "person", "1970-05-16", "Russia"),
    ("c01", "MIKHEYCHIK, Vladimir", "person", "1981", None),  # born 1970: contradicts
    ("c02", "Banco Nacional de Cuba", "organization", None, None),
    ("c03", "National Bank of Cuba", None, None, "CU"),  # OFAC's a.k.a.
    ("c04", "Abu Abbas", "person", "10 Dec 1948", None),  # OFAC's DOB 10 Dec 1948
    ("c05", "ARTAVIL", "vessel", None, None),
    ("c06", "محمد طاهر أنوري", None, None, None),  # the UN's Arabic name of TAi.005
    ("c07", "Ri Won Ho", "person", "1964-07-17", "North Korea"),
    ("c08", "Korea Daesong Bank", "", "", ""),  # blank means not known
    ("c09", "Jane Doe", "person", None, None),
    ("c10", None, None, None, None),
    ("c11", "   ", "person", None, None),
    ("c12", "Ali Karimian", "person", "31/31/1970", None),
    ("c13", "Matuq Mohammed Matuq", "person", None, "Atlantis"),
    ("c14", "Hong-sop Ri", "ship", None, None),
    ("c15", "\u200b\u2060", None, None, None),  # only invisible characters
    ("c16", "East Sea Shipping Company", "organization", None, None),  # alias of KPe.020
    ("c17", "ARTAVIL", "person", None, None),  # a ship's name, asked of persons
]
# The entity each customer is, from the files (see the module docstring).
EXPECTED_FIRST = {
    "c00": "vladimir-mikheychik",
    "c01": "vladimir-mikheychik",
    "c02": "ofac-306",
    "c03": "ofac-306",
    "c04": "ofac-2674",
    "c05": "ofac-15036",
    "c06": "un-tai.005",
    "c07": "un-kpi.033",
    "c08": "eu-5815",
    "c16": "un-kpe.020",
}
# The rows that cannot be screened, and a word each problem must say.
EXPECTED_REJECTED = {
    "c10": "missing",
    "c11": "blank",
    "c12": "31/31/1970",
    "c13": "Atlantis",
    "c14": "ship",
    "c15": "cannot be searched",
}
OPTIONS: dict[str, Any] = {
    "key": "id",
    "kind_column": "kind",
    "birth_date": "born",
    "country": "country",
}


@pytest.fixture(scope="session")
def index() -> sk.match.Index:
    lists = [
        sk.load(REAL / "ofac_csv" / "sdn.csv"),
        sk.load(REAL / "un" / "consolidated-2024-11-30-excerpt.xml"),
        sk.load(REAL / "eu" / "fsf-2022-03-18-excerpt.xml"),
    ]
    return sk.match.Index(sk.builtin_dataset(), *lists)


@pytest.fixture(scope="session")
def customers() -> Any:
    columns = list(zip(*CUSTOMERS, strict=True))
    names = ["id", "name", "kind", "born", "country"]
    return pa.table({name: list(values) for name, values in zip(names, columns, strict=True)})


@pytest.fixture(scope="session")
def screened(customers: Any, index: sk.match.Index) -> Any:
    return sk.match.screen(customers, index, **OPTIONS)


def plain_loop(index: sk.match.Index, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """What screen must give, from Index.search one row at a time: (row, key, rank, hit...)."""
    found = []
    for row, (key, name, kind, born, country) in enumerate(rows):
        if key in EXPECTED_REJECTED:
            continue
        hits = index.search(
            name,
            kind=kind or None,
            birth_date=born or None,
            countries=[country] if country else [],
            limit=10,
        )
        kept = [hit for hit in hits if hit.score >= T]
        for rank, hit in enumerate(kept, 1):
            found.append(
                (row, key, rank, hit.entity.id, hit.score, hit.name_score, hit.matched_name)
            )
    return found


def hit_tuples(table: Any) -> list[tuple[Any, ...]]:
    return [
        tuple(r[k] for k in ("row", "query_id", "rank", "entity_id"))
        + tuple(r[k] for k in ("score", "name_score", "matched_name"))
        for r in table.to_pylist()
        if r["problem"] is None
    ]


def test_screen_gives_what_a_plain_loop_over_search_gives(
    screened: Any, index: sk.match.Index
) -> None:
    assert hit_tuples(screened) == plain_loop(index, CUSTOMERS)


def test_each_listed_customer_is_found_first(screened: Any) -> None:
    first = {r["query_id"]: r["entity_id"] for r in screened.to_pylist() if r["rank"] == 1}
    assert {key: first.get(key) for key in EXPECTED_FIRST} == EXPECTED_FIRST
    # Nobody called Jane Doe is listed; a ship's name asked of persons finds no ship.
    assert "c09" not in first
    assert "c17" not in first


def test_every_row_is_screened_or_rejected_never_dropped(screened: Any) -> None:
    rows = screened.to_pylist()
    rejected = {r["query_id"]: r["problem"] for r in rows if r["problem"] is not None}
    assert set(rejected) == set(EXPECTED_REJECTED)
    for key, word in EXPECTED_REJECTED.items():
        assert word in rejected[key]
    # One row each, with no entity: a rejected row is not also a hit.
    problems = [r for r in rows if r["problem"] is not None]
    assert len(problems) == len(EXPECTED_REJECTED)
    assert all(r["entity_id"] is None and r["score"] is None for r in problems)
    hit_keys = {r["query_id"] for r in rows if r["problem"] is None}
    assert not hit_keys & set(rejected)
    screened_count = len(CUSTOMERS) - len(rejected)
    assert len(CUSTOMERS) == screened_count + len(rejected)
    assert hit_keys <= {key for key, *_ in CUSTOMERS} - set(rejected)


def test_rejected_rows_keep_their_position_key_and_name(screened: Any) -> None:
    row = next(r for r in screened.to_pylist() if r["query_id"] == "c12")
    assert (row["row"], row["query_name"]) == (12, "Ali Karimian")
    assert row["problem"].startswith("birth date '31/31/1970' does not parse")


def test_a_hit_carries_the_lists_references_and_programmes(screened: Any) -> None:
    rows = {r["query_id"]: r for r in screened.to_pylist() if r["rank"] == 1}
    # OFAC's sdn.csv: ent_num 306, programme CUBA; the UN's KPi.033 under DPRK.
    cuba = rows["c02"]
    assert cuba["authorities"] == [
        "Office of Foreign Assets Control, US Department of the Treasury"
    ]
    assert (cuba["references"], cuba["programmes"]) == (["306"], ["CUBA"])
    assert (cuba["entity_kind"], cuba["entity_name"]) == ("organization", "BANCO NACIONAL DE CUBA")
    ri = rows["c07"]
    assert (ri["authorities"], ri["references"]) == (
        ["United Nations Security Council"],
        ["KPi.033"],
    )
    assert rows["c03"]["matched_name"] == "NATIONAL BANK OF CUBA"


def test_facts_move_the_score(screened: Any) -> None:
    rows = {r["query_id"]: r for r in screened.to_pylist() if r["rank"] == 1}
    # Same name; born 1970-05-16 agrees (+0.05, capped at 1), 1981 contradicts (-0.15).
    assert rows["c00"]["score"] == 1.0
    assert rows["c01"]["name_score"] == 1.0
    assert rows["c01"]["score"] == pytest.approx(0.85)


def test_the_schema_is_the_documented_one(screened: Any) -> None:
    assert screened.schema == sk.match.screen_schema()
    assert screened.column_names == [name for name, _ in sk.match.SCREEN_COLUMNS]
    assert sk.match.SCREEN_DDL.startswith("`row` bigint, `query_id` string")


@pytest.mark.parametrize("batch_rows", [1, 5, 1000])
def test_batches_of_any_size_give_the_same_table(
    customers: Any, index: sk.match.Index, screened: Any, batch_rows: int
) -> None:
    done: list[int] = []
    table = sk.match.screen(
        customers, index, batch_rows=batch_rows, progress=done.append, **OPTIONS
    )
    assert table.equals(screened)
    assert sum(done) == len(CUSTOMERS)
    assert len(done) == -(-len(CUSTOMERS) // batch_rows)


def test_screen_batch_counts_rows_from_first_row(customers: Any, index: sk.match.Index) -> None:
    batch = customers.slice(2, 3).to_batches()[0]
    result = sk.match.screen_batch(batch, index, first_row=100, name="name")
    assert isinstance(result, pa.RecordBatch)
    assert result.column("row").to_pylist()[0] == 100
    assert result.column("entity_id").to_pylist()[0] == "ofac-306"


def test_pandas_and_plain_columns_are_accepted(index: sk.match.Index, screened: Any) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(CUSTOMERS, columns=["id", "name", "kind", "born", "country"])
    assert sk.match.screen(frame, index, **OPTIONS).equals(screened)
    table = sk.match.screen({"name": ["Abu Abbas"]}, index)
    assert table.column("entity_id").to_pylist()[0] == "ofac-2674"


def test_birth_dates_may_be_dates_or_years(index: sk.match.Index) -> None:
    dates = pa.table({"name": ["Abu Abbas"], "born": pa.array([datetime.date(1948, 12, 10)])})
    years = pa.table({"name": ["Abu Abbas"] * 2, "born": pa.array([1948, 1950])})
    by_date = sk.match.screen(dates, index, birth_date="born", kind="person").to_pylist()
    by_year = sk.match.screen(years, index, birth_date="born", kind="person").to_pylist()
    # OFAC: DOB 10 Dec 1948. Agreeing adds 0.05 to the name score; 1950 takes 0.15.
    assert by_date[0]["score"] == pytest.approx(min(1.0, by_date[0]["name_score"] + 0.05))
    assert by_year[0]["score"] == pytest.approx(min(1.0, by_year[0]["name_score"] + 0.05))
    assert by_year[1]["score"] == pytest.approx(by_year[1]["name_score"] - 0.15)


def test_dayfirst_reads_numeric_dates(index: sk.match.Index) -> None:
    table = pa.table({"name": ["Abu Abbas"], "born": ["10/12/1948"]})
    ambiguous = sk.match.screen(table, index, birth_date="born")
    assert "10/12/1948" in ambiguous.column("problem").to_pylist()[0]
    read = sk.match.screen(table, index, birth_date="born", dayfirst=True).to_pylist()[0]
    assert read["problem"] is None
    assert read["score"] == pytest.approx(min(1.0, read["name_score"] + 0.05))


@pytest.mark.parametrize(
    ("table", "options", "message"),
    [
        ({"customer": ["A"]}, {}, "no column 'name' (name) in the table; its columns: customer"),
        ({"name": ["A"]}, {"birth_date": "dob"}, "no column 'dob' (birth_date)"),
        ({"name": [1, 2]}, {}, "column 'name' (name) must hold text, not int64"),
    ],
)
def test_a_table_without_the_named_columns_is_an_error(
    index: sk.match.Index, table: dict[str, list[Any]], options: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidTableError, match=message.replace("(", r"\(").replace(")", r"\)")):
        sk.match.screen(table, index, **options)


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"threshold": 1.5}, ValueError),
        ({"limit": 0}, ValueError),
        ({"kind": "ship"}, sk.errors.UnknownKindError),
        ({"kind": "person", "kind_column": "name"}, ValueError),
        ({"batch_rows": 0}, ValueError),
    ],
)
def test_bad_options_are_errors(
    index: sk.match.Index, options: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        sk.match.screen({"name": ["A"]}, index, **options)


def test_an_empty_table_gives_an_empty_result(index: sk.match.Index) -> None:
    empty = pa.table({"name": pa.array([], type=pa.string())})
    assert sk.match.screen(empty, index).num_rows == 0
    assert sk.match.screen(empty, index).schema == sk.match.screen_schema()


def test_on_ofacs_list_screen_equals_the_plain_loop(
    ofac_2024_05_03: sk.Dataset, ofac_index: sk.match.Index
) -> None:
    """500 names from OFAC's SDN list, reordered and lower-cased, screened in batches of 64."""
    names = [entity.name for entity in ofac_2024_05_03.entities[::30]][:500]
    queries = [" ".join(reversed(name.lower().split())) for name in names]
    table = sk.match.screen({"name": queries}, ofac_index, batch_rows=64)
    expected = []
    for row, query in enumerate(queries):
        kept = [hit for hit in ofac_index.search(query) if hit.score >= T]
        for rank, hit in enumerate(kept, 1):
            expected.append((row, None, rank, hit.entity.id, hit.score, hit.name_score))
            expected[-1] += (hit.matched_name,)
    assert len(expected) > len(queries) / 2
    assert hit_tuples(table) == expected


# --- engines ---------------------------------------------------------------------------------


def without_row(table: Any) -> list[dict[str, Any]]:
    """The rows in key and rank order, without ``row``: an engine's batches count their own."""
    rows = [{k: v for k, v in r.items() if k != "row"} for r in table.to_pylist()]
    return sorted(rows, key=lambda r: (r["query_id"], r["rank"] or 0))


def test_dask_map_partitions_gives_the_plain_result(
    customers: Any, index: sk.match.Index, screened: Any
) -> None:
    dd = pytest.importorskip("dask.dataframe", reason="the Dask test needs the dask extra")
    frame = customers.to_pandas()
    partitions = dd.from_pandas(frame, npartitions=2)
    assert partitions.npartitions == 2
    hits = partitions.map_partitions(
        sk.match.screen_pandas, index, meta=sk.match.screen_pandas_meta(), **OPTIONS
    )
    # Worker processes: the index travels pickled, as it would to a cluster.
    result = hits.compute(scheduler="processes", num_workers=2)
    table = pa.Table.from_pandas(result, schema=sk.match.screen_schema(), preserve_index=False)
    # Dask keeps the frame's labels, so even the row positions are those of the plain run.
    assert table.to_pylist() == screened.to_pylist()


def test_dask_cluster_with_the_index_scattered_once_gives_the_plain_result(
    customers: Any, index: sk.match.Index, screened: Any
) -> None:
    dd = pytest.importorskip("dask.dataframe", reason="the Dask test needs the dask extra")
    distributed = pytest.importorskip("distributed", reason="needs the dask extra's distributed")
    partitions = dd.from_pandas(customers.to_pandas(), npartitions=2)
    # Two worker processes, as benchmarks/bench_screen.py measures them: the index is sent
    # to each worker once, and the tasks refer to it.
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = client.scatter(index, broadcast=True)
        assert len(client.who_has(remote)[remote.key]) == 2
        hits = partitions.map_partitions(
            sk.match.screen_pandas, remote, meta=sk.match.screen_pandas_meta(), **OPTIONS
        )
        result = client.compute(hits).result()
    table = pa.Table.from_pandas(result, schema=sk.match.screen_schema(), preserve_index=False)
    assert table.to_pylist() == screened.to_pylist()


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local Spark session for the run: two cores, no web UI, two shuffle partitions."""
    pytest.importorskip("pyspark", reason="the Spark test needs pyspark (the spark extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark test needs Java 17 or later (no java on PATH, no JAVA_HOME)")
    from pyspark.sql import SparkSession

    # Spark's Python workers must run this interpreter, which has sanctionkit.
    saved = {name: os.environ.get(name) for name in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sanctionkit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# PySpark 4.3 warns that it does not fully support pandas 3; mapInArrow does not use pandas.
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_map_in_arrow_gives_the_plain_result(
    spark: Any, customers: Any, index: sk.match.Index, screened: Any
) -> None:
    started = time.perf_counter()
    frame = spark.createDataFrame(customers)
    assert frame.rdd.getNumPartitions() == 2

    def screen_partition(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in batches:
            yield sk.match.screen_batch(batch, index, **OPTIONS)

    result = frame.mapInArrow(screen_partition, sk.match.SCREEN_DDL).toArrow()
    assert result.schema == sk.match.screen_schema()
    assert without_row(result) == without_row(screened)
    print(f"Spark mapInArrow job: {time.perf_counter() - started:.1f} s")


def test_dask_names_an_index_without_hashing_all_of_it(index: sk.match.Index) -> None:
    tokenize = pytest.importorskip("dask.base", reason="needs the dask extra").tokenize
    # The same index has one token, kept across pickling (a worker's copy is the same
    # index); another index, even of the same lists, has another.
    assert tokenize(index) == tokenize(index) == tokenize(pickle.loads(pickle.dumps(index)))
    assert tokenize(index) != tokenize(sk.match.Index(sk.builtin_dataset()))
    assert tokenize(index) != tokenize(sk.builtin_dataset().index())
