"""Opening what readers are given: paths or binary files."""

from __future__ import annotations

from pathlib import Path
from typing import IO

__all__ = ["read_head"]


def read_head(source: str | Path | IO[bytes], size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file, leaving an open file where it was."""
    if isinstance(source, str | Path):
        with Path(source).open("rb") as file:
            return file.read(size)
    position = source.tell()
    head = source.read(size)
    source.seek(position)
    return head
