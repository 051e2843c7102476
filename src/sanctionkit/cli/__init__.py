"""The ``sanctionkit`` command line.

Dataset commands (``summary``, ``show``) work on the built-in dataset when no
source is given, or on a file in any format :func:`sanctionkit.load` reads.
Value commands (``country``, ``date``, ``imo``, ``mmsi``) parse text, from
their arguments or one value per line from standard input (``-``). Exit codes
that scripts can rely on:

* 0: everything worked,
* 1: a value did not parse, or (with ``--strict``) the source has problems,
  ``search`` found no hit, or ``screen`` could not read some rows,
* 2: the command line or the input file was wrong,
* 70: an error inside sanctionkit (a bug: the message asks for a report),
* 130: interrupted (Ctrl-C),
* 141: standard output was closed early (``sanctionkit summary x | head -1``).

It behaves as Unix tools do: a closed pipe or Ctrl-C ends it quietly, and
text that the terminal's encoding cannot show is written as ``\\u`` escapes.
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TextIO

from sanctionkit.cli import _convert, _datasets, _match, _values
from sanctionkit.errors import SanctionkitError

__all__ = [
    "DEBUG_VARIABLE",
    "EXIT_BROKEN_PIPE",
    "EXIT_INPUT_ERROR",
    "EXIT_INTERNAL_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
#: A value did not parse, or the source has problems and --strict was given.
EXIT_PROBLEMS = 1
EXIT_PARSE_FAILED = EXIT_PROBLEMS
#: argparse's own code for a wrong command line; also used for unreadable input.
EXIT_USAGE = 2
EXIT_INPUT_ERROR = 2
#: An unexpected error inside sanctionkit: EX_SOFTWARE of sysexits.h.
EXIT_INTERNAL_ERROR = 70
#: Ctrl-C: 128 + SIGINT, as a shell reports a program the signal ended.
EXIT_INTERRUPTED = 130
#: Standard output closed by its reader: 128 + SIGPIPE, as for other Unix tools.
EXIT_BROKEN_PIPE = 141
#: Set this environment variable (to anything but "" or "0") for tracebacks, like --debug.
DEBUG_VARIABLE = "SANCTIONKIT_DEBUG"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    _tolerate_narrow_encodings()
    try:
        parser = build_parser()
        arguments = parser.parse_args(argv)
        command: Callable[[argparse.Namespace, TextIO], int] = arguments.command
        try:
            code = command(arguments, sys.stdout)
            sys.stdout.flush()  # a closed pipe shows here, not at exit
            return code
        except BrokenPipeError:
            raise
        except (OSError, SanctionkitError) as error:
            print(f"sanctionkit: {error}", file=sys.stderr)
            return EXIT_INPUT_ERROR
        except UnicodeDecodeError as error:  # standard input in another encoding
            print(f"sanctionkit: cannot decode the input: {error}", file=sys.stderr)
            return EXIT_INPUT_ERROR
        except Exception as error:
            return _internal_error(error, arguments)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _internal_error(error: Exception, arguments: argparse.Namespace) -> int:
    """One line naming the input and asking for a report; the traceback only when asked."""
    debug = getattr(arguments, "debug", False) or os.environ.get(DEBUG_VARIABLE, "") not in (
        "",
        "0",
    )
    if debug:
        traceback.print_exception(error, file=sys.stderr)
    inputs = [
        str(value)
        for value in (getattr(arguments, name, None) for name in ("source", "old", "new", "input"))
        if value is not None
    ]
    where = f" on {', '.join(inputs)}" if inputs else ""
    hint = "" if debug else f" (run with --debug or {DEBUG_VARIABLE}=1 for the traceback)"
    print(
        f"sanctionkit: internal error{where}: {type(error).__name__}: {error}; "
        f"this is a bug in sanctionkit, please report it with the command and input{hint}",
        file=sys.stderr,
    )
    return EXIT_INTERNAL_ERROR


def _silence_stdout() -> None:
    """After a broken pipe: send what is still buffered to /dev/null, as the Python docs advise.

    Otherwise Python's final flush of standard output fails again, and prints
    an "Exception ignored" message at exit.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a test's capture): nothing will be flushed to a pipe


def _tolerate_narrow_encodings() -> None:
    """On a stream that is not UTF-8 (LANG=C, PYTHONIOENCODING=ascii), escape what it cannot
    encode instead of failing: names in Cyrillic, Arabic or Korean are everyday data here."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            is_utf = codecs.lookup(encoding).name.startswith("utf")
        except LookupError:
            is_utf = False
        if not is_utf and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sanctionkit",
        description="Typed, trustworthy sanctions data: datasets, countries, dates, ship ids.",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"show the traceback of an internal error (or set {DEBUG_VARIABLE}=1)",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")
    _datasets.register(commands)
    _convert.register(commands)
    _match.register(commands)
    _values.register(commands)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
