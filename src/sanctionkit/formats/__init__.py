"""The third layer: readers and writers of external formats, one module each.

:func:`load` looks at a file's content, not its name, to choose the reader.
Today it reads sanctionkit's own JSON lines; the official lists follow.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from sanctionkit.errors import UnknownFormatError
from sanctionkit.formats import jsonl
from sanctionkit.model import Dataset

__all__ = ["FORMATS", "detect_format", "dump", "load"]

#: The formats :func:`load` reads, by the name its ``format`` argument takes.
FORMATS = ("sanctionkit",)


def detect_format(head: str) -> str:
    """The name of the format whose content starts with ``head``.

    >>> detect_format('{"format": "sanctionkit", "version": 1}')
    'sanctionkit'
    """
    first_line = next((line for line in head.splitlines() if line.strip()), "")
    if jsonl.is_sanctionkit_header(first_line):
        return "sanctionkit"
    raise UnknownFormatError(
        f"no reader for content starting {first_line[:60]!r}; known: {', '.join(FORMATS)}"
    )


def load(
    source: str | Path | IO[str], format: str | None = None, *, strict: bool = False
) -> Dataset:
    """Read a dataset from a path or an open text file, in the format its content shows.

    ``format`` skips detection (one of :data:`FORMATS`). In lenient mode (the
    default) bad records become ``dataset.problems``; ``strict=True`` raises
    the first as :class:`~sanctionkit.errors.ReadError`.
    """
    if isinstance(source, str | Path):
        with Path(source).open(encoding="utf-8") as file:
            return _load_open(file, format, strict=strict, name=str(source))
    return _load_open(source, format, strict=strict, name=getattr(source, "name", "<file>"))


def _load_open(file: IO[str], format: str | None, *, strict: bool, name: str) -> Dataset:
    head = file.read(4096)
    chosen = format or detect_format(head)
    if chosen not in FORMATS:
        raise UnknownFormatError(f"unknown format {chosen!r}; known: {', '.join(FORMATS)}")
    return jsonl.load(io.StringIO(head + file.read()), strict=strict, name=name)


def dump(dataset: Dataset, path: str | Path) -> None:
    """Write a dataset to a file in sanctionkit's JSON lines."""
    jsonl.dump(dataset, path)
