"""The ``sanctionkit`` command line.

Dataset commands (``summary``, ``show``) work on the built-in dataset when no
source is given, or on a file in any format :func:`sanctionkit.load` reads.
Value commands (``country``, ``date``, ``imo``, ``mmsi``) parse text, from
their arguments or one value per line from standard input (``-``). Exit codes
that scripts can rely on:

* 0: everything worked,
* 1: a value did not parse, or (with ``--strict``) the source has problems,
* 2: the command line or the input file was wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from sanctionkit.cli import _datasets, _values
from sanctionkit.errors import SanctionkitError

__all__ = ["EXIT_INPUT_ERROR", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main"]

EXIT_OK = 0
#: A value did not parse, or the source has problems and --strict was given.
EXIT_PROBLEMS = 1
EXIT_PARSE_FAILED = EXIT_PROBLEMS
#: argparse's own code for a wrong command line; also used for unreadable input.
EXIT_USAGE = 2
EXIT_INPUT_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    command: Callable[[argparse.Namespace, TextIO], int] = arguments.command
    try:
        return command(arguments, sys.stdout)
    except (OSError, SanctionkitError) as error:
        print(f"sanctionkit: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sanctionkit",
        description="Typed, trustworthy sanctions data: datasets, countries, dates, ship ids.",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    _datasets.register(commands)
    _values.register(commands)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
