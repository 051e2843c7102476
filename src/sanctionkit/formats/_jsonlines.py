"""Lines of a JSON-lines file, each decoded and parsed on its own.

Both JSON-lines readers (sanctionkit's own and FollowTheMoney) take one record
per line, so one bad line must cost one record, not the file: a line that is
not UTF-8 or not JSON, or that nests deeper than the parser's stack allows, is
reported as that line's error and the next line is read as usual.

>>> lines = [b'{"a": 1}\\n', b'\\xff\\n', b'[' * 100_000 + b'\\n']
>>> [type(value).__name__ for _, value in parsed_lines(lines)]
['dict', 'LineError', 'LineError']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sanctionkit.errors import ReadError
from sanctionkit.model import Problem

__all__ = ["LineError", "guarded_lines", "loads_line", "parsed_lines", "text_lines"]


class LineError(ValueError):
    """Why one line could not be read; ``line`` is its number, ``text`` its beginning."""

    def __init__(self, message: str, line: int, text: str) -> None:
        super().__init__(message)
        self.line = line
        self.text = text


def text_lines(lines: Iterable[bytes | str]) -> Iterator[tuple[int, str | LineError]]:
    """The non-blank lines, numbered from 1, as text or as the error of decoding them.

    Bytes are decoded as UTF-8 (a byte order mark on the first line is dropped);
    the line ends are dropped.
    """
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as error:
                shown = line[:200].rstrip(b"\r\n").decode("utf-8", errors="backslashreplace")
                message = f"not UTF-8: byte {line[error.start]:#04x} at position {error.start + 1}"
                yield number, LineError(message, number, shown)
                continue
        else:
            text = line
        if text.strip():
            yield number, text.rstrip("\r\n")


def guarded_lines(file: IO[str] | IO[bytes], source: str) -> Iterator[str | bytes]:
    """The lines of an open file; a text file that cannot decode them is a ReadError.

    A text file's decoder cannot go on after a bad byte, so this ends the read
    (naming the line); given bytes, :func:`text_lines` rejects the one line.
    """
    number = 0
    lines: Iterable[str | bytes] = file
    try:
        for number, line in enumerate(lines, start=1):  # noqa: B007 (used after the loop)
            yield line
    except UnicodeDecodeError as error:
        where = f"line {number + 1}"
        problem = Problem(file=source, record=where, message=f"cannot decode the file: {error}")
        raise ReadError(problem) from error


def loads_line(text: str) -> Any:
    """``json.loads(text)``, with nesting too deep for the parser as a ValueError.

    The C parser gives up with RecursionError after about a thousand levels,
    at once: no record of any list nests that deep.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("not JSON that can be read: nested too deeply") from None


def parsed_lines(lines: Iterable[bytes | str]) -> Iterator[tuple[int, Any]]:
    """The non-blank lines as parsed JSON values, or as a :class:`LineError` each."""
    for number, text in text_lines(lines):
        if isinstance(text, LineError):
            yield number, text
            continue
        try:
            yield number, loads_line(text)
        except ValueError as error:
            yield number, LineError(f"not JSON: {error}", number, text[:200])
