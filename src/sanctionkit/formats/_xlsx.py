"""Excel workbooks, read with openpyxl (the ``xlsx`` extra), one row at a time.

An .xlsx file is a zip archive, so its first bytes say only "zip": which list it
holds shows in its sheets. :func:`open_workbook` opens it read-only (rows are
streamed, not loaded at once); the readers of workbook lists each say whether
they recognise a workbook by its sheet names and header cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sanctionkit.errors import MissingDependencyError, ReadError
from sanctionkit.model import Problem

__all__ = ["is_zip", "open_workbook", "rows"]

_ZIP_MAGIC = b"PK\x03\x04"


def is_zip(head: bytes) -> bool:
    """True for the first bytes of a zip archive (and so of an .xlsx workbook)."""
    return head.startswith(_ZIP_MAGIC)


def open_workbook(source: str | Path | IO[bytes], name: str) -> Any:
    """The openpyxl workbook, read-only; a clear error when openpyxl is missing."""
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError(
            f"reading {name} needs openpyxl: pip install 'sanctionkit[xlsx]'"
        ) from None
    import warnings
    import zipfile

    try:
        with warnings.catch_warnings():
            # Workbooks from ministries define print areas openpyxl cannot read; harmless.
            warnings.filterwarnings("ignore", message="Print area cannot be set")
            return openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReadError(
            Problem(file=name, message=f"not a readable .xlsx workbook: {error}")
        ) from error


def rows(sheet: Any) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(1-based row number, cell values) of every row of a sheet, streamed."""
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, tuple(values)
