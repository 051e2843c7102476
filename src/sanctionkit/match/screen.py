"""Screen a table of names against an index: one batch at a time, on any engine.

:func:`screen_batch` is a pure function from an Arrow record batch to an Arrow
record batch of hits, so the engines that hand out Arrow batches can call it
as it is: Spark's ``mapInArrow``, Ray's ``map_batches(batch_format="pyarrow")``,
and Dask's ``map_partitions`` through :func:`screen_pandas`. :func:`screen`
runs it over a whole table on one core.

Every row of the input is either screened or rejected. A rejected row (no
name, a blank name, a birth date or country that does not parse, an unknown
kind) is one row of the output with its ``problem`` set and no entity, so
nothing is dropped silently: rows in = rows screened + rows rejected, where
the rejected rows are those whose ``problem`` is not null.

Needs the ``arrow`` extra (pyarrow) besides ``match``.

>>> import pyarrow as pa
>>> import sanctionkit as sk
>>> customers = pa.table({"name": ["Vladimir Mikheychik", "Jane Doe", " "]})
>>> hits = sk.match.screen(customers, sk.builtin_dataset().index())
>>> for row in hits.select(["row", "entity_id", "score", "problem"]).to_pylist():
...     print(row)
{'row': 0, 'entity_id': 'vladimir-mikheychik', 'score': 1.0, 'problem': None}
{'row': 2, 'entity_id': None, 'score': None, 'problem': 'name is blank'}
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sanctionkit.errors import InvalidTableError, MissingDependencyError, UnknownKindError
from sanctionkit.match.compare import DEFAULT_THRESHOLD
from sanctionkit.match.index import Hit, Index, entity_kind
from sanctionkit.match.names import KINDS, check_kind
from sanctionkit.values.countries import parse_country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = [
    "SCREEN_COLUMNS",
    "SCREEN_DDL",
    "screen",
    "screen_batch",
    "screen_pandas",
    "screen_pandas_meta",
    "screen_schema",
]

#: The columns of a screening result, in order, with their Spark SQL types.
SCREEN_COLUMNS: tuple[tuple[str, str], ...] = (
    # Where the query row was: its position (see screen_batch) and its key, as text.
    ("row", "bigint"),
    ("query_id", "string"),
    ("query_name", "string"),
    # 1 for the best hit of a row.
    ("rank", "int"),
    ("entity_id", "string"),
    ("entity_kind", "string"),
    ("entity_name", "string"),
    ("score", "double"),
    ("name_score", "double"),
    ("matched_name", "string"),
    # The authorities that list the entity, their own references (OFAC uid,
    # UN "KPi.033") and the programmes, each without repeats.
    ("authorities", "array<string>"),
    ("references", "array<string>"),
    ("programmes", "array<string>"),
    # Why the row was rejected; null for a hit.
    ("problem", "string"),
)

#: The result's schema in Spark's DDL, for ``DataFrame.mapInArrow(function, SCREEN_DDL)``.
SCREEN_DDL = ", ".join(f"`{name}` {kind}" for name, kind in SCREEN_COLUMNS)

#: How many rows :func:`screen` hands to :func:`screen_batch` at a time.
BATCH_ROWS = 1024


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        message = "screening needs pyarrow: pip install 'sanctionkit[arrow]'"
        raise MissingDependencyError(message) from None
    return pyarrow


def screen_schema() -> Any:
    """The pyarrow schema of a screening result (:data:`SCREEN_COLUMNS`).

    >>> screen_schema().field("score").type
    DataType(double)
    """
    pa = _pyarrow()
    types = {
        "bigint": pa.int64(),
        "int": pa.int32(),
        "string": pa.string(),
        "double": pa.float64(),
        "array<string>": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in SCREEN_COLUMNS])


def screen(  # noqa: PLR0913  (the keyword options of a public API, as pandas has them)
    table: Any,
    index: Index,
    *,
    name: str = "name",
    key: str | None = None,
    kind: str | None = None,
    kind_column: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
    dayfirst: bool | None = None,
    batch_rows: int = BATCH_ROWS,
    progress: Callable[[int], object] | None = None,
) -> Any:
    """Screen every row of a table against an index; a pyarrow Table of hits and rejected rows.

    ``table`` is a pyarrow Table or anything ``pyarrow.table()`` accepts (a
    pandas DataFrame, a dict of columns, a Polars frame). Its rows are screened
    :data:`BATCH_ROWS` at a time by :func:`screen_batch` (see there for the
    options); ``row`` is the row's position in the table. ``progress``, if
    given, is called with the number of rows done after each batch (a
    ``tqdm`` bar's ``update``).

    >>> import sanctionkit as sk
    >>> index = sk.builtin_dataset().index()
    >>> customers = {"id": ["c1", "c2"], "name": ["MIKHEYCHIK, Vladimir", "Vladimir Putin"],
    ...              "born": ["1970", "31/31/1952"]}
    >>> hits = sk.match.screen(customers, index, key="id", birth_date="born", kind="person")
    >>> for row in hits.select(["query_id", "entity_id", "score", "problem"]).to_pylist():
    ...     print(row)
    {'query_id': 'c1', 'entity_id': 'vladimir-mikheychik', 'score': 1.0, 'problem': None}
    {'query_id': 'c2', 'entity_id': None, 'score': None, 'problem': "birth date '31/31/1952' does not parse: ..."}
    """  # noqa: E501
    pa = _pyarrow()
    if batch_rows < 1:
        raise ValueError(f"batch_rows must be at least 1, not {batch_rows}")
    if not isinstance(table, pa.Table):
        table = pa.table(table)
    options = _Options.make(
        table.schema, name, key, kind, kind_column, birth_date, country, threshold, limit, dayfirst
    )
    results = []
    first = 0
    for batch in table.to_batches(max_chunksize=batch_rows):
        results.append(_screen(batch, index, range(first, first + batch.num_rows), options))
        first += batch.num_rows
        if progress is not None:
            progress(batch.num_rows)
    return pa.Table.from_batches(results, schema=screen_schema())


def screen_batch(  # noqa: PLR0913  (screen's keyword options, for one batch)
    batch: Any,
    index: Index,
    *,
    name: str = "name",
    key: str | None = None,
    kind: str | None = None,
    kind_column: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
    dayfirst: bool | None = None,
    first_row: int = 0,
) -> Any:
    """Screen one Arrow record batch; a record batch of :func:`screen_schema`.

    Pure: the same batch and index give the same result, on any worker, in any
    order. Each row's name (column ``name``) is searched with
    :meth:`Index.search`, and the hits scoring at least ``threshold`` are kept,
    at most ``limit`` per row, best first (``rank`` 1, 2 ...).

    - ``key``: a column that identifies the row (a customer number); its value
      is copied, as text, into ``query_id``. Engines that split a table give
      each batch its own positions, so name a key there.
    - ``kind``: the kind of every row ("person" ...), or ``kind_column``: a
      column holding each row's kind (null or blank for not known).
    - ``birth_date``, ``country``: columns whose values corroborate or
      contradict a hit (see :meth:`Index.search`). Dates are text
      (``parse_date``, with ``dayfirst``), dates or years; countries are text
      (``parse_country``). Null or blank means not known.
    - ``first_row``: the position of the batch's first row; ``row`` counts from it.

    A row that cannot be read gives one output row with ``problem`` saying
    why and no entity: a missing or blank name, a date or country that does not
    parse, an unknown kind. A missing column, or a name column that is not
    text, raises :class:`~sanctionkit.errors.InvalidTableError`.
    """
    options = _Options.make(
        batch.schema, name, key, kind, kind_column, birth_date, country, threshold, limit, dayfirst
    )
    return _screen(batch, index, range(first_row, first_row + batch.num_rows), options)


def screen_pandas(frame: Any, index: Index, **options: Any) -> Any:
    """Screen a pandas DataFrame; a DataFrame of :func:`screen_schema`.

    For Dask's ``map_partitions``, which hands each partition to a function as
    a DataFrame. ``row`` is the row's index label when the index holds
    integers (Dask keeps a frame's labels across partitions), else its
    position. The options are those of :func:`screen_batch` but ``first_row``.

    Integer columns come out as pandas' nullable ``Int64`` and ``Int32`` (a
    rejected row has no rank), so every partition has the dtypes of
    :func:`screen_pandas_meta`, which is what Dask's ``meta=`` wants.

    >>> import pandas as pd
    >>> import sanctionkit as sk
    >>> frame = pd.DataFrame({"name": ["Mikheychik Vladimir", None]}, index=[41, 42])
    >>> screen_pandas(frame, sk.builtin_dataset().index())[["row", "rank", "entity_id", "problem"]]
       row  rank            entity_id          problem
    0   41     1  vladimir-mikheychik              NaN
    1   42  <NA>                  NaN  name is missing
    """
    pa = _pyarrow()
    batch = pa.RecordBatch.from_pandas(frame, preserve_index=False)
    labels = frame.index
    if labels.dtype.kind in "iu":
        rows: Sequence[int] = [int(label) for label in labels]
    else:
        rows = range(len(frame))
    settings = _Options.make(batch.schema, **options)
    return _to_pandas(_screen(batch, index, rows, settings))


def screen_pandas_meta() -> Any:
    """An empty DataFrame with the columns and dtypes of :func:`screen_pandas`'s result.

    >>> screen_pandas_meta().dtypes["rank"]
    Int32Dtype()
    """
    return _to_pandas(screen_schema().empty_table())


def _to_pandas(table: Any) -> Any:
    import pandas as pd

    pa = _pyarrow()
    nullable = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype()}
    return table.to_pandas(types_mapper=nullable.get)


class _Options:
    """What screen_batch was asked to do, checked against the batch's schema once."""

    def __init__(  # noqa: PLR0913, PLR0917  (one field per option of screen_batch)
        self,
        name: str,
        key: str | None,
        kind: str | None,
        kind_column: str | None,
        birth_date: str | None,
        country: str | None,
        threshold: float,
        limit: int,
        dayfirst: bool | None,
    ) -> None:
        self.name = name
        self.key = key
        self.kind = kind
        self.kind_column = kind_column
        self.birth_date = birth_date
        self.country = country
        self.threshold = threshold
        self.limit = limit
        self.dayfirst = dayfirst

    @classmethod
    def make(  # noqa: PLR0913, PLR0917  (screen_batch's keyword options, checked once)
        cls,
        schema: Any,
        name: str = "name",
        key: str | None = None,
        kind: str | None = None,
        kind_column: str | None = None,
        birth_date: str | None = None,
        country: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 10,
        dayfirst: bool | None = None,
    ) -> _Options:
        pa = _pyarrow()
        check_kind(kind)
        if kind is not None and kind_column is not None:
            raise ValueError("give kind (one kind for every row) or kind_column, not both")
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        columns = [("name", name), ("key", key), ("kind_column", kind_column)]
        columns += [("birth_date", birth_date), ("country", country)]
        for option, column in columns:
            if column is not None and column not in schema.names:
                raise InvalidTableError(
                    f"no column {column!r} ({option}) in the table; its columns: "
                    f"{', '.join(schema.names) or 'none'}"
                )
        for option, column in [("name", name), ("kind_column", kind_column), ("country", country)]:
            if column is None:
                continue
            kind_of = schema.field(column).type
            if not (pa.types.is_string(kind_of) or pa.types.is_large_string(kind_of)) and not (
                pa.types.is_null(kind_of)
            ):
                raise InvalidTableError(
                    f"column {column!r} ({option}) must hold text, not {kind_of}"
                )
        return cls(name, key, kind, kind_column, birth_date, country, threshold, limit, dayfirst)


class _Rejected(Exception):
    """One row cannot be screened; the message says why."""


def _screen(batch: Any, index: Index, rows: Sequence[int], options: _Options) -> Any:
    pa = _pyarrow()
    count = batch.num_rows

    def column(name: str | None) -> list[Any]:
        return [None] * count if name is None else batch.column(name).to_pylist()

    names = column(options.name)
    keys = column(options.key)
    kinds = column(options.kind_column)
    births = column(options.birth_date)
    countries = column(options.country)
    out: dict[str, list[Any]] = {name: [] for name, _ in SCREEN_COLUMNS}
    # Customer tables repeat dates and countries: parse each distinct value once.
    dates: dict[object, PartialDate | DateRange | _Rejected | None] = {}
    places: dict[object, str | _Rejected | None] = {}
    for position in range(count):
        text = names[position]
        query_id = None if keys[position] is None else str(keys[position])
        try:
            hits = _search(
                index,
                text,
                options,
                kind=options.kind if options.kind_column is None else _kind(kinds[position]),
                birth=_cached(dates, births[position], lambda v: _date(v, options.dayfirst)),
                country=_cached(places, countries[position], _country),
            )
        except _Rejected as problem:
            _append(out, rows[position], query_id, text, None, str(problem))
            continue
        for rank, hit in enumerate(hits, 1):
            _append(out, rows[position], query_id, text, (rank, hit), None)
    return pa.RecordBatch.from_pydict(out, schema=screen_schema())


def _search(
    index: Index,
    text: object,
    options: _Options,
    *,
    kind: str | None,
    birth: PartialDate | DateRange | None,
    country: str | None,
) -> list[Hit]:
    if text is None:
        raise _Rejected("name is missing")
    if not isinstance(text, str) or not text.strip():
        raise _Rejected("name is blank")
    try:
        hits = index.search(
            text,
            kind=kind,
            birth_date=birth,
            countries=() if country is None else (country,),
            limit=options.limit,
        )
    except ValueError as error:  # a name of only punctuation or invisible characters
        raise _Rejected(f"name {text[:80]!r} cannot be searched: {error}") from None
    return [hit for hit in hits if hit.score >= options.threshold]


def _cached(cache: dict[object, Any], value: object, parse: Callable[[Any], Any]) -> Any:
    """``parse(value)``, remembered; a rejection is remembered and raised again."""
    if value is None:
        return None
    try:
        found = cache[value]
    except KeyError:
        try:
            found = parse(value)
        except _Rejected as problem:
            found = problem
        cache[value] = found
    except TypeError:  # an unhashable value (a list cell): not cached
        found = parse(value)
    if isinstance(found, _Rejected):
        raise _Rejected(str(found))
    return found


def _kind(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().lower()
    try:
        return check_kind(text)
    except UnknownKindError:
        raise _Rejected(f"kind {value!r} is not one of {', '.join(KINDS)}") from None


def _date(value: object, dayfirst: bool | None) -> PartialDate | DateRange | None:
    # datetime is a date: both give their day; a timestamp's time says nothing of birth.
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _Rejected(f"birth date {value!r} is not a date, a year or text")
    if not value.strip():
        return None
    try:
        return parse_date(value, dayfirst=dayfirst)
    except ValueError as error:
        raise _Rejected(f"birth date {value!r} does not parse: {error}") from None


def _country(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_country(value).alpha2
    except ValueError as error:
        raise _Rejected(f"country {value!r} does not parse: {error}") from None


def _append(
    out: dict[str, list[Any]],
    row: int,
    query_id: str | None,
    text: object,
    found: tuple[int, Hit] | None,
    problem: str | None,
) -> None:
    out["row"].append(row)
    out["query_id"].append(query_id)
    out["query_name"].append(text if isinstance(text, str) else None)
    out["problem"].append(problem)
    if found is None:
        for name in SCREEN_COLUMNS[3:-1]:
            out[name[0]].append(None)
        return
    rank, hit = found
    designations = hit.designations
    out["rank"].append(rank)
    out["entity_id"].append(hit.entity.id)
    out["entity_kind"].append(entity_kind(hit.entity))
    out["entity_name"].append(hit.entity.name)
    out["score"].append(hit.score)
    out["name_score"].append(hit.name_score)
    out["matched_name"].append(hit.matched_name)
    out["authorities"].append(_unique(d.authority.name for d in designations))
    out["references"].append(_unique(d.authority_ref for d in designations if d.authority_ref))
    out["programmes"].append(_unique(p for d in designations for p in d.programmes))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
