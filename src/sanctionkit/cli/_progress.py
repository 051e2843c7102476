"""Progress bars on standard error, drawn only when it is a terminal.

tqdm draws them (the ``progress`` extra; also in ``match``). Without tqdm, or
when standard error is a file or a pipe, nothing is drawn: a log should hold
results and errors, not bars.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sanctionkit.formats._files import reporting_reads

__all__ = ["bar", "reading"]


class _NoBar:
    """What :func:`bar` gives when no bar is drawn: every update does nothing."""

    def update(self, count: int) -> None:
        pass

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def bar(total: int, *, unit: str, desc: str, unit_scale: bool = False, leave: bool = True) -> Any:
    """A tqdm bar of ``total`` on standard error if it is a terminal, else a bar that draws nothing.

    ``leave=False`` clears the bar when done: right for a step (reading a file)
    whose result the command prints next.
    """
    if not sys.stderr.isatty():
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoBar()
    return tqdm(
        total=total, unit=unit, unit_scale=unit_scale, file=sys.stderr, desc=desc, leave=leave
    )


@contextlib.contextmanager
def reading(source: str) -> Iterator[None]:
    """A bar of the bytes of ``source`` that its reader has taken, while the block runs.

    Only the file named counts: OFAC's companion files (add.csv, alt.csv) are
    small beside their main file. A workbook is read whole by its library, so
    its bar jumps to the end.
    """
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # not a file (standard input): the reader says what is wrong
    with bar(size, unit="B", desc=f"reading {path.name}", unit_scale=True, leave=False) as drawn:
        if isinstance(drawn, _NoBar):
            yield
            return

        def report(read_from: Path, count: int) -> None:
            if read_from == path:
                drawn.update(count)

        with reporting_reads(report):
            yield
