"""The third layer: readers and writers of external formats, one module each.

:func:`load` looks at a file's content, not its name, to choose the reader:
the root element (and so the list) of an XML file, the shape of a CSV file's
first line, the header of JSON lines. Each reader module has the same two
functions, ``sniff(head: bytes) -> bool`` and
``read(source, *, name, strict) -> Dataset``; :data:`READERS` lists them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Protocol

from sanctionkit.errors import UnknownFormatError
from sanctionkit.formats import (
    ca_sema,
    eu_xml,
    ftm,
    jp_mof,
    jsonl,
    ofac_csv,
    ofac_enhanced,
    ofac_xml,
    uk_conlist,
    un_xml,
)
from sanctionkit.formats._xlsx import is_zip, open_workbook
from sanctionkit.formats._xml import read_head
from sanctionkit.model import Dataset

__all__ = [
    "READERS",
    "WORKBOOK_READERS",
    "Reader",
    "WorkbookReader",
    "detect_format",
    "dump",
    "load",
    "xml_root_name",
]


class Reader(Protocol):
    """What a reader module provides."""

    def __call__(self, source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset: ...


def _read_jsonl(source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset:
    if isinstance(source, str | Path):
        return jsonl.load(source, strict=strict, name=name)
    return jsonl.load(io.TextIOWrapper(source, encoding="utf-8"), strict=strict, name=name)


def _sniff_jsonl(head: bytes) -> bool:
    first_line = next((line for line in head.splitlines() if line.strip()), b"")
    return jsonl.is_sanctionkit_header(first_line.decode("utf-8", errors="replace"))


#: Every format :func:`load` reads: its name, how to recognise it, how to read it.
READERS: dict[str, tuple[Callable[[bytes], bool], Reader]] = {
    "sanctionkit": (_sniff_jsonl, _read_jsonl),
    "ofac-xml": (ofac_xml.sniff, ofac_xml.read),
    "ofac-enhanced-xml": (ofac_enhanced.sniff, ofac_enhanced.read),
    "ofac-csv": (ofac_csv.sniff, ofac_csv.read),
    "un-xml": (un_xml.sniff, un_xml.read),
    "uk-conlist": (uk_conlist.sniff, uk_conlist.read),
    "eu-xml": (eu_xml.sniff, eu_xml.read),
    "ca-sema-xml": (ca_sema.sniff, ca_sema.read),
    "ftm": (ftm.sniff, ftm.read),
}


class WorkbookReader(Protocol):
    """What a reader of an .xlsx list provides: a zip's first bytes cannot tell lists apart."""

    def recognises(self, workbook: Any) -> bool: ...

    def read(self, source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset: ...


#: Readers of .xlsx lists, asked in turn whether they recognise a workbook's sheets.
WORKBOOK_READERS: dict[str, WorkbookReader] = {
    "uk-conlist-xlsx": uk_conlist,
    "jp-mof-xlsx": jp_mof,
}

_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def xml_root_name(head: bytes) -> str | None:
    """The local name of the first element in the first bytes of an XML file.

    >>> xml_root_name(b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">')
    'sdnList'
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    cleaned = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b" ", head, flags=re.DOTALL)
    match = _FIRST_ELEMENT.search(cleaned)
    return match.group(2).decode("ascii") if match else None


def detect_format(head: bytes | str) -> str:
    """The name of the format whose content starts with ``head``.

    >>> detect_format('{"format": "sanctionkit", "version": 1}')
    'sanctionkit'
    """
    data = head.encode("utf-8") if isinstance(head, str) else head
    for name, (sniff, _) in READERS.items():
        if sniff(data):
            return name
    shown = data[:60].decode("utf-8", errors="replace")
    raise UnknownFormatError(
        f"no reader for content starting {shown!r}; known: {', '.join(READERS)}"
    )


def load(
    source: str | Path | IO[str] | IO[bytes], format: str | None = None, *, strict: bool = False
) -> Dataset:
    """Read a dataset from a path or an open file, in the format its content shows.

    ``format`` skips detection (a name in :data:`READERS` or
    :data:`WORKBOOK_READERS`). In lenient mode (the default) bad values and
    records become ``dataset.problems`` and reading goes on; ``strict=True``
    raises the first as :class:`~sanctionkit.ReadError`.
    ``dataset.metadata`` counts the records read, returned and rejected.
    """
    name = str(source) if isinstance(source, str | Path) else str(getattr(source, "name", "<file>"))
    binary: str | Path | IO[bytes]
    if isinstance(source, str | Path):
        binary = source
    elif isinstance(source, io.TextIOBase):
        binary = io.BytesIO(source.read().encode("utf-8"))
    else:
        binary = source  # type: ignore[assignment]
    head = read_head(binary)
    if format is None and is_zip(head):
        return _load_workbook(binary, name=name, strict=strict)
    if format in WORKBOOK_READERS:
        return WORKBOOK_READERS[format].read(binary, name=name, strict=strict)
    chosen = format or detect_format(head)
    if chosen not in READERS:
        known = ", ".join([*READERS, *WORKBOOK_READERS])
        raise UnknownFormatError(f"unknown format {chosen!r}; known: {known}")
    _, read = READERS[chosen]
    return read(binary, name=name, strict=strict)


def _load_workbook(source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset:
    workbook = open_workbook(source, name)
    try:
        chosen = next((r for r in WORKBOOK_READERS.values() if r.recognises(workbook)), None)
        sheets = ", ".join(workbook.sheetnames[:5])
    finally:
        workbook.close()
    if chosen is None:
        known = ", ".join(WORKBOOK_READERS) or "none yet"
        raise UnknownFormatError(f"no reader for a workbook with sheets {sheets}; known: {known}")
    if not isinstance(source, str | Path):
        source.seek(0)
    return chosen.read(source, name=name, strict=strict)


def dump(dataset: Dataset, path: str | Path) -> None:
    """Write a dataset to a file in sanctionkit's JSON lines."""
    jsonl.dump(dataset, path)
