"""Records as table rows, for pandas, Arrow and Parquet (the ``pandas`` and ``arrow`` extras).

One row per entity (or designation), values as plain Python: a country as its
code, a date as its ISO form, an enum as its value, a list field as a list.
Lists of structured things (aliases, identifiers, addresses, countries with a
role) also come as tidy side tables keyed by entity id, so nobody has to
explode one list against another and get a cartesian product.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from sanctionkit.errors import MissingDependencyError
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = [
    "SIDE_TABLES",
    "TYPE_COLUMN",
    "plain",
    "rows",
    "side_rows",
    "to_arrow",
    "to_pandas",
    "write_parquet",
    "write_tables",
]

Row = dict[str, Any]

#: The list fields that become side tables, and the table each becomes.
SIDE_TABLES = {
    "aliases": "aliases",
    "identifiers": "identifiers",
    "addresses": "addresses",
    "countries": "countries",
    "birth_places": "birth_places",
}
# Fields left out of the main table: long provenance that has its own place.
_LEFT_OUT = frozenset({"sources"})


def plain(value: object) -> object:
    """A value as a table cell: plain Python types only.

    >>> from sanctionkit import parse_country, parse_date
    >>> plain(parse_country("North Korea")), plain(parse_date("circa 1962"))
    ('KP', '1962~')
    """
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Country):
        return value.code
    if isinstance(value, PartialDate | DateRange):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_short(item) for item in value]
    cls = type(value)
    if attrs.has(cls):
        return {field.name: plain(getattr(value, field.name)) for field in attrs.fields(cls)}
    return str(value)


def _short(item: object) -> object:
    """A list item as one cell value: an alias by its name, an address by its text."""
    for name in ("name", "full", "value"):
        if hasattr(item, name) and not isinstance(item, str):
            return plain(getattr(item, name))
    if hasattr(item, "country") and hasattr(item, "role"):
        return plain(item.country)
    if hasattr(item, "entity_id"):
        return item.entity_id
    return plain(item)


#: The column that says what kind of entity a row is ("person", "vessel" ...). Not
#: "kind": that is a field of some records (``Organization.kind``, "Shipping company"),
#: and one column name must have one meaning.
TYPE_COLUMN = "entity_type"


def rows(records: Iterable[Any], *, type_column: str | None = TYPE_COLUMN) -> list[Row]:
    """One row per record: its type (in ``type_column``), then its fields as plain values.

    Every row has every column (None where a kind lacks the field), so that
    persons and vessels fit one table. A field keeps its own name as its column,
    so ``Organization.kind`` is the column "kind".

    >>> import sanctionkit as sk
    >>> company = sk.Organization(id="o1", name="X", kind="Shipping company")
    >>> row = rows([company])[0]
    >>> row["entity_type"], row["kind"]
    ('organization', 'Shipping company')
    """
    result = []
    columns: dict[str, None] = {} if type_column is None else {type_column: None}
    for record in records:
        row: Row = {} if type_column is None else {type_column: type(record).__name__.lower()}
        for field in attrs.fields(type(record)):
            if field.init and field.name not in _LEFT_OUT:
                row[field.name] = plain(getattr(record, field.name))
                columns.setdefault(field.name)
        result.append(row)
    return [{column: row.get(column) for column in columns} for row in result]


def side_rows(records: Iterable[Any], field: str) -> list[Row]:
    """The items of one list field of every record, one row each, with the record's id."""
    result = []
    for record in records:
        for position, item in enumerate(getattr(record, field, ())):
            row: Row = {"entity_id": record.id, "position": position}
            value = plain(item)
            row.update(value if isinstance(value, dict) else {"value": value})
            result.append(row)
    return result


def to_pandas(table_rows: list[Row]) -> Any:
    """A pandas DataFrame of rows."""
    try:
        import pandas
    except ImportError:
        message = "to_pandas() needs pandas: pip install 'sanctionkit[pandas]'"
        raise MissingDependencyError(message) from None
    return pandas.DataFrame(table_rows)


def to_arrow(table_rows: list[Row]) -> Any:
    """A pyarrow Table of rows."""
    return _pyarrow().Table.from_pylist(table_rows)


def write_parquet(tables: dict[str, list[Row]], directory: str | Path) -> list[Path]:
    """Write each named table to ``directory/<name>.parquet``; return the paths."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    return write_tables(tables, {name: target / f"{name}.parquet" for name in tables})


def write_tables(tables: dict[str, list[Row]], paths: dict[str, Path]) -> list[Path]:
    """Write each named table to its own Parquet file, ``paths[name]``; return the paths."""
    pyarrow = _pyarrow()
    import pyarrow.parquet as parquet

    for name, table_rows in tables.items():
        parquet.write_table(pyarrow.Table.from_pylist(table_rows), paths[name])
    return [paths[name] for name in tables]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        message = "Arrow and Parquet need pyarrow: pip install 'sanctionkit[arrow]'"
        raise MissingDependencyError(message) from None
    return pyarrow
