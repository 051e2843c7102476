"""The matching commands: ``search`` (one name) and ``screen`` (a table of names).

Both search the lists given with ``--list`` (any file :func:`sanctionkit.load`
reads, repeatable), or the built-in dataset when none is given. They need the
``match`` extra; ``screen`` needs the ``arrow`` extra too. A missing extra is a
one-line error naming the install command (exit code 2).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeAlias

from sanctionkit.builtin import builtin_dataset
from sanctionkit.cli import _progress
from sanctionkit.errors import MissingDependencyError
from sanctionkit.model import Dataset

if TYPE_CHECKING:
    from sanctionkit.match import Hit, Index

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK = 0
#: search: no hit reached the threshold (as grep); screen: some rows could not be read.
EXIT_NONE = 1
KIND_CHOICES = ("person", "organization", "vessel", "aircraft")


def register(commands: Commands) -> None:
    """Add the matching commands to the command line."""
    search = commands.add_parser(
        "search",
        help="find a name on sanctions lists",
        description="Search the lists for NAME: the entities whose names match best, with "
        "their score, the name that matched and the lists that hold them. Exit 1 when none "
        "reaches the threshold.",
    )
    search.add_argument("name", metavar="NAME", help="a name in any script")
    _list_options(search)
    search.add_argument("--kind", choices=KIND_CHOICES, help="only entities of this kind")
    search.add_argument("--birth-date", metavar="DATE", help="corroborates or contradicts")
    search.add_argument(
        "--country", action="append", default=[], metavar="COUNTRY", help="(repeatable)"
    )
    search.add_argument("--limit", type=_positive, default=10, help="at most N hits (10)")
    search.add_argument("--explain", action="store_true", help="show why each hit matched")
    search.add_argument("--json", action="store_true", help="print JSON lines")
    search.set_defaults(command=run_search)

    screen = commands.add_parser(
        "screen",
        help="screen a table of names against sanctions lists",
        description="Screen every row of INPUT (CSV with a header row, or Parquet) and write "
        "one row per hit, and one per row that could not be read (its problem column says "
        "why), to OUTPUT (.csv or .parquet; CSV on standard output when not given). Exit 1 "
        "when some rows could not be read.",
    )
    screen.add_argument("input", metavar="INPUT", help="customers.csv or customers.parquet")
    _list_options(screen)
    screen.add_argument("-o", "--output", metavar="OUTPUT", help="hits.csv or hits.parquet")
    screen.add_argument("--name-column", default="name", metavar="COLUMN", help="(name)")
    screen.add_argument("--id-column", metavar="COLUMN", help="copied to query_id")
    kinds = screen.add_mutually_exclusive_group()
    kinds.add_argument("--kind", choices=KIND_CHOICES, help="the kind of every row")
    kinds.add_argument("--kind-column", metavar="COLUMN", help="each row's kind")
    screen.add_argument("--birth-date-column", metavar="COLUMN")
    screen.add_argument("--country-column", metavar="COLUMN")
    screen.add_argument(
        "--dayfirst", action="store_true", default=None, help="read 03/05/1962 as 3 May"
    )
    screen.add_argument("--limit", type=_positive, default=10, help="at most N hits a row (10)")
    screen.set_defaults(command=run_screen)


def _list_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--list",
        dest="lists",
        action="append",
        default=[],
        metavar="FILE",
        help="a list to search, in any format sanctionkit reads (repeatable; default: the "
        "built-in dataset)",
    )
    command.add_argument(
        "--threshold",
        type=_threshold,
        default=None,
        help="the lowest score shown (default: sanctionkit.match.DEFAULT_THRESHOLD, 0.8)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return value


def _index(arguments: argparse.Namespace) -> Index:
    from sanctionkit.cli._datasets import _load
    from sanctionkit.match import Index

    datasets: list[Dataset] = []
    for source in arguments.lists:
        dataset = _load(source, [])
        if dataset.problems:
            print(
                f"sanctionkit: {source}: {len(dataset.problems)} problems in the list "
                f"(`sanctionkit validate {source}` lists them); searching what was read",
                file=sys.stderr,
            )
        datasets.append(dataset)
    return Index(*(datasets or [builtin_dataset()]))


def _default_threshold(arguments: argparse.Namespace) -> float:
    from sanctionkit.match import DEFAULT_THRESHOLD

    threshold: float | None = arguments.threshold
    return DEFAULT_THRESHOLD if threshold is None else threshold


def run_search(arguments: argparse.Namespace, out: TextIO) -> int:
    index = _index(arguments)
    threshold = _default_threshold(arguments)
    hits = index.search(
        arguments.name,
        kind=arguments.kind,
        birth_date=arguments.birth_date,
        countries=arguments.country,
        limit=arguments.limit,
    )
    hits = [hit for hit in hits if hit.score >= threshold]
    for hit in hits:
        if arguments.json:
            print(json.dumps(_hit_data(hit, arguments.name), ensure_ascii=False), file=out)
        else:
            print(_hit_line(hit), file=out)
            if arguments.explain:
                for line in str(hit.explanation).splitlines():
                    print(f"    {line}", file=out)
    return EXIT_OK if hits else EXIT_NONE


def _hit_data(hit: Hit, query: str) -> dict[str, object]:
    from sanctionkit.match.index import entity_kind

    return {
        "query": query,
        "entity_id": hit.entity.id,
        "entity_kind": entity_kind(hit.entity),
        "entity_name": hit.entity.name,
        "score": round(hit.score, 4),
        "name_score": round(hit.name_score, 4),
        "matched_name": hit.matched_name,
        "authorities": list(dict.fromkeys(d.authority.name for d in hit.designations)),
        "references": list(
            dict.fromkeys(d.authority_ref for d in hit.designations if d.authority_ref)
        ),
        "programmes": list(dict.fromkeys(p for d in hit.designations for p in d.programmes)),
        "explanation": str(hit.explanation).splitlines(),
    }


def _hit_line(hit: Hit) -> str:
    lists = "; ".join(
        f"{d.authority.name} {d.authority_ref}".strip() if d.authority_ref else d.authority.name
        for d in hit.designations
    )
    name = hit.entity.name
    matched = "" if hit.matched_name == name else f" (as {hit.matched_name!r})"
    return f"{hit.score:.2f}\t{hit.entity.id}\t{name}{matched}\t{lists}"


def run_screen(arguments: argparse.Namespace, out: TextIO) -> int:
    from sanctionkit.match import screen

    table = _read_table(arguments.input)
    index = _index(arguments)
    with _progress.bar(table.num_rows, unit=" rows", desc="screening") as bar:
        hits = screen(
            table,
            index,
            name=arguments.name_column,
            key=arguments.id_column,
            kind=arguments.kind,
            kind_column=arguments.kind_column,
            birth_date=arguments.birth_date_column,
            country=arguments.country_column,
            threshold=_default_threshold(arguments),
            limit=arguments.limit,
            dayfirst=arguments.dayfirst,
            progress=bar.update,
        )
    problems = hits.column("problem").drop_null()
    rejected = len(problems)
    matched = len(set(hits.filter(hits.column("problem").is_null()).column("row").to_pylist()))
    _write_table(hits, arguments.output, out)
    print(
        f"sanctionkit: screened {table.num_rows - rejected} of {_count(table.num_rows, 'row')} "
        f"against {_count(len(index), 'entity')}: {_count(matched, 'row')} with hits "
        f"({_count(hits.num_rows - rejected, 'hit')}), {_count(rejected, 'row')} rejected"
        + (" (see the problem column)" if rejected else ""),
        file=sys.stderr,
    )
    return EXIT_NONE if rejected else EXIT_OK


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number:,} {noun if number == 1 else plural}"


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        message = "screen needs pyarrow: pip install 'sanctionkit[arrow]'"
        raise MissingDependencyError(message) from None
    return pyarrow


def _read_table(path: str) -> Any:
    """A CSV file's columns as text (ids and dates stay as written), or a Parquet table."""
    pa = _pyarrow()
    if path.lower().endswith(".parquet"):
        import pyarrow.parquet as parquet

        return parquet.read_table(path)
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = csv.reader(stream)
        header = next(rows, None)
        if header is None:
            raise OSError(f"{path}: the file is empty: a CSV file needs a header row")
        columns: list[list[str]] = [[] for _ in header]
        for number, row in enumerate(rows, 2):
            if len(row) != len(header):
                raise OSError(
                    f"{path}: line {number} has {len(row)} fields, the header {len(header)}"
                )
            for column, value in zip(columns, row, strict=True):
                column.append(value)
    return pa.table(dict(zip(header, columns, strict=True)))


def _write_table(table: Any, path: str | None, out: TextIO) -> None:
    if path is not None and path.lower().endswith(".parquet"):
        import pyarrow.parquet as parquet

        parquet.write_table(table, path)
        return
    rows = table.to_pylist()
    if path is None:
        _write_csv(rows, table.column_names, out)
        return
    if not path.lower().endswith(".csv"):
        raise OSError(f"{path}: the output must end in .csv or .parquet")
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        _write_csv(rows, table.column_names, stream)


def _write_csv(rows: Sequence[dict[str, Any]], names: list[str], stream: TextIO) -> None:
    writer = csv.writer(stream)
    writer.writerow(names)
    for row in rows:
        writer.writerow(
            ["; ".join(value) if isinstance(value, list) else value for value in row.values()]
        )
