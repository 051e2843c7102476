"""The value commands: ``country``, ``date``, ``imo``, ``mmsi``, and the ``demo`` tour.

Each reads values from its arguments, or one per line from standard input when
the only argument is ``-``, and prints one result per line (``--json`` for JSON
lines). With ``--column N``, the arguments are CSV files (``-`` for standard
input) and the values are the N-th field of each row (counted from 1, as
``cut -f`` counts); blank fields are skipped. Bytes of a file that are not
UTF-8 read as U+FFFD, so that a Windows-1252 address in another column does
not stop the read; a value with one fails to parse and says so.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TextIO, TypeAlias

from sanctionkit.errors import ParseError, UnknownCountryError
from sanctionkit.identifiers import imo, mmsi
from sanctionkit.values.countries import parse_country
from sanctionkit.values.dates import parse_date

EXIT_OK = 0
EXIT_PARSE_FAILED = 1

# A result is a mapping of field names to printable values.
Result = dict[str, object]
if TYPE_CHECKING:
    # argparse's subparsers type is subscriptable only for type checkers.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def register(commands: Commands) -> None:
    """Add the value commands to the command line."""
    country = _value_command(commands, "country", "parse country names and codes")
    country.set_defaults(command=_run_countries)

    date = _value_command(commands, "date", "parse dates, partial dates and ranges")
    order = date.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst", action="store_true", default=None, help="read 03/05/1962 as 3 May"
    )
    order.add_argument(
        "--monthfirst", dest="dayfirst", action="store_false", help="read 03/05/1962 as 5 March"
    )
    date.add_argument(
        "--reference",
        type=datetime.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the date that relative phrases such as 'last week' refer to",
    )
    date.set_defaults(command=_run_dates)

    ship = _value_command(commands, "imo", "validate IMO ship or company numbers")
    ship.add_argument("--company", action="store_true", help="company / registered owner numbers")
    ship.set_defaults(command=_run_imo)

    station = _value_command(commands, "mmsi", "validate MMSI numbers and find their flag")
    station.set_defaults(command=_run_mmsi)

    demo = commands.add_parser("demo", help="a short tour of the value parsers on real text")
    demo.set_defaults(command=run_tour)


def _value_command(commands: Commands, name: str, help_text: str) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=help_text, description=help_text)
    command.add_argument("values", nargs="+", metavar="TEXT", help="values, or - for stdin")
    command.add_argument("--json", action="store_true", help="print JSON lines")
    command.add_argument(
        "--column",
        type=_column_number,
        metavar="N",
        help="the arguments are CSV files (- for stdin): parse field N of each row "
        "(from 1, as cut -f counts)",
    )
    return command


def _column_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a column is counted from 1, not {text!r}")
    return int(text)


def _inputs(values: Sequence[str], column: int | None = None) -> Iterable[str]:
    if column is not None:
        return (field for path in values for field in _csv_file_field(path, column))
    if list(values) == ["-"]:
        return (line.rstrip("\r\n") for line in sys.stdin)
    return values


def _csv_file_field(path: str, column: int) -> Iterable[str]:
    if path == "-":
        yield from _csv_field(sys.stdin, column)
        return
    with open(path, encoding="utf-8", errors="replace", newline="") as file:
        yield from _csv_field(file, column)


def _csv_field(lines: Iterable[str], column: int) -> Iterable[str]:
    """Field ``column`` (from 1) of each CSV row that has one and where it is not blank.

    >>> import io
    >>> list(_csv_field(io.StringIO('1,"Korea, North"\\n2,\\n3,Cypriot\\n'), 2))
    ['Korea, North', 'Cypriot']
    """
    for row in csv.reader(lines):
        if len(row) >= column and row[column - 1].strip():
            yield row[column - 1].strip()


def _report(arguments: argparse.Namespace, out: TextIO, parse: Callable[[str], Result]) -> int:
    """Parse every input, print one line per input, and return the exit code."""
    status = EXIT_OK
    for text in _inputs(arguments.values, getattr(arguments, "column", None)):
        try:
            result = {"input": text, **parse(text)}
        except ParseError as error:
            status = EXIT_PARSE_FAILED
            result = {"input": text, "error": str(error), "error_type": type(error).__name__}
            if isinstance(error, UnknownCountryError) and error.suggestions:
                result["suggestions"] = [country.code for country in error.suggestions]
        if arguments.json:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            out.write("\t".join(_plain(value) for value in result.values()) + "\n")
    return status


def _plain(value: object) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value))
    return "" if value is None else str(value)


def _run_countries(arguments: argparse.Namespace, out: TextIO) -> int:
    def parse(text: str) -> Result:
        country = parse_country(text)
        return {"code": country.code, "name": country.name, "historical": country.historical}

    return _report(arguments, out, parse)


def _run_dates(arguments: argparse.Namespace, out: TextIO) -> int:
    def parse(text: str) -> Result:
        value = parse_date(text, dayfirst=arguments.dayfirst, reference=arguments.reference)
        return {
            "date": value.isoformat(),
            "earliest": value.earliest().isoformat(),
            "latest": value.latest().isoformat(),
        }

    return _report(arguments, out, parse)


def _run_imo(arguments: argparse.Namespace, out: TextIO) -> int:
    kind = "company" if arguments.company else "ship"

    def parse(text: str) -> Result:
        return {"imo": imo.validate(text, kind=kind), "formatted": imo.format(text, kind=kind)}

    return _report(arguments, out, parse)


def _run_mmsi(arguments: argparse.Namespace, out: TextIO) -> int:
    def parse(text: str) -> Result:
        number = mmsi.validate(text)
        station = mmsi.kind(number)
        try:
            flag: str | None = mmsi.flag_country(number).code
        except ParseError:
            flag = None  # AIS-SART and other formats carry no country
        return {"mmsi": number, "kind": station.name.lower(), "flag": flag}

    return _report(arguments, out, parse)


# Text from the seed announcement of 24 May 2024 and from the official lists that
# name its targets: what a user meets on day one.
_TOUR: tuple[tuple[str, Sequence[str]], ...] = (
    ("country", ("Korea, North", "Russian Federation", "Cyprus", "北朝鮮", "Korea", "USSR")),
    ("date", ("2024.5.24", "16 May 1970", "circa 1962", "BETWEEN 1969 AND 1971", "last week")),
    ("imo", ("IMO 9074729", "IMO 9074728")),
    ("mmsi", ("273123456", "445123456")),
)


def run_tour(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run each value command on a few strings from the announcement and its lists."""
    del arguments
    out.write("A tour of the value parsers (relative dates refer to 2024-05-24)\n")
    for command, values in _TOUR:
        out.write(f"\n$ sanctionkit {command} {' '.join(repr(value) for value in values)}\n")
        parser = argparse.ArgumentParser(prog="sanctionkit")
        register(parser.add_subparsers())
        argv = [command, *values]
        if command == "date":
            argv += ["--reference", "2024-05-24"]
        namespace = parser.parse_args(argv)
        namespace.command(namespace, out)
    return EXIT_OK
