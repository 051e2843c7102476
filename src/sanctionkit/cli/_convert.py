"""The ``convert`` command: any list sanctionkit reads, written in another format.

The output's suffix chooses the format (or ``--to``): sanctionkit JSON lines
(``.jsonl``), FollowTheMoney entities (``.ftm.json``, ``.ftm.jsonl``), or
tables as CSV (``.csv``) or Parquet (``.parquet``). A dataset is several
tables, so ``-o sdn.csv`` writes the entities to ``sdn.csv`` and each other
table beside it, named after it: ``sdn.designations.csv``, ``sdn.aliases.csv`` ...
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeAlias

from sanctionkit.cli import _datasets
from sanctionkit.errors import SanctionkitError
from sanctionkit.formats import ftm, jsonl
from sanctionkit.model import Dataset

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

#: Output formats, and the suffixes that choose each (longest first where they overlap).
FORMATS: dict[str, tuple[str, ...]] = {
    "ftm": (".ftm.json", ".ftm.jsonl"),
    "jsonl": (".jsonl",),
    "csv": (".csv",),
    "parquet": (".parquet",),
}


class UnknownOutputError(SanctionkitError, ValueError):
    """The output's suffix names no format that ``convert`` writes."""


def register(commands: Commands) -> None:
    """Add ``convert`` to the command line."""
    convert = commands.add_parser(
        "convert",
        help="write a list in another format",
        description="Read SOURCE (any format sanctionkit reads) and write it to OUTPUT in the "
        "format its suffix names: .jsonl (sanctionkit JSON lines), .ftm.json or .ftm.jsonl "
        "(FollowTheMoney entities), .csv or .parquet (tables: the entities in OUTPUT, the "
        "designations and the side tables beside it as OUTPUT-STEM.TABLE.SUFFIX).",
    )
    convert.add_argument("source", metavar="SOURCE", help="the file to read")
    convert.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="file to write")
    convert.add_argument("--to", choices=tuple(FORMATS), help="the format, whatever the suffix")
    _datasets._strict_options(convert, "exit 1 without writing if the source has problems")
    convert.set_defaults(command=run_convert)


def output_format(path: Path, chosen: str | None = None) -> str:
    """The format to write ``path`` in: ``chosen``, or the one its suffix names.

    >>> output_format(Path("sdn.ftm.json")), output_format(Path("out/sdn.CSV"))
    ('ftm', 'csv')
    >>> output_format(Path("sdn.xml"))
    Traceback (most recent call last):
    ...
    sanctionkit.cli._convert.UnknownOutputError: cannot tell the format of 'sdn.xml' from its \
suffix: use .ftm.json, .ftm.jsonl, .jsonl, .csv or .parquet, or --to
    """
    if chosen is not None:
        return chosen
    name = path.name.lower()
    for format_name, suffixes in FORMATS.items():
        if name.endswith(suffixes):
            return format_name
    known = ", ".join(suffix for suffixes in FORMATS.values() for suffix in suffixes)
    known = known.replace(", .parquet", " or .parquet")
    raise UnknownOutputError(
        f"cannot tell the format of {str(path)!r} from its suffix: use {known}, or --to"
    )


def run_convert(arguments: argparse.Namespace, out: TextIO) -> int:
    """Read the source, write the output; say on standard error what was written."""
    target = Path(arguments.output)
    format_name = output_format(target, arguments.to)
    dataset = _datasets._load(arguments.source, arguments.accept)
    unaccepted = [problem for problem in dataset.problems if not problem.accepted]
    if arguments.strict and unaccepted:
        for problem in unaccepted:
            print(f"sanctionkit: {problem}", file=sys.stderr)
        return 1
    written = write(dataset, target, format_name)
    print(
        f"{len(dataset.entities)} entities, {len(dataset.designations)} designations, "
        f"{len(dataset.problems)} problems from {arguments.source} -> "
        f"{', '.join(str(path) for path in written)}",
        file=sys.stderr,
    )
    return 0


def write(dataset: Dataset, target: Path, format_name: str) -> list[Path]:
    """Write ``dataset`` to ``target`` in ``format_name``; return every file written."""
    if format_name == "jsonl":
        jsonl.dump(dataset, target)
        return [target]
    if format_name == "ftm":
        ftm.dump(dataset, target)
        return [target]
    tables = dataset.tables()
    paths = _table_paths(target, tables)
    if format_name == "parquet":
        from sanctionkit.model import _tables

        _tables.write_tables(tables, paths)
    else:
        for name, rows in tables.items():
            _write_csv(rows, paths[name])
    return list(paths.values())


def _table_paths(target: Path, tables: dict[str, Any]) -> dict[str, Path]:
    """The entities in ``target``; every other table beside it, named after it."""
    stem, suffix = target.name[: -len(target.suffix)], target.suffix
    return {
        name: target if name == "entities" else target.with_name(f"{stem}.{name}{suffix}")
        for name in tables
    }


def _write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    """One CSV table: a header row; lists and records as JSON text, None as an empty cell."""
    columns = list(rows[0]) if rows else []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(_cell(row.get(column)) for column in columns)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value
