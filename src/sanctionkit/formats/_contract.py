"""The reader contract in code: what a reader module provides, and what its metadata holds.

Why here: every reader is called the same way by :func:`sanctionkit.load`, and
a dataset's metadata is read by people and tools who should not have to know
which reader wrote it. The protocols are checked by mypy (each registered
module is returned as one of them in ``sanctionkit.formats``); the metadata
keys by the conformance test (``tests/formats/test_conformance.py``) on every
reader's real excerpts. ``docs/writing-a-reader.md`` explains both.
"""

from __future__ import annotations

from typing import Any, Protocol

import attrs

from sanctionkit.formats._files import Source
from sanctionkit.model import Dataset

__all__ = ["METADATA_KEYS", "MetadataKey", "ReaderModule", "WorkbookReaderModule"]


class ReaderModule(Protocol):
    """What every reader module provides: ``sniff`` and ``read``, with these signatures."""

    def sniff(self, head: bytes) -> bool:
        """Whether a file starting with ``head`` (its first 4 KiB) is in this format."""
        ...

    def read(self, source: Source, *, name: str, strict: bool) -> Dataset:
        """The dataset in ``source``: a path (opened and closed) or a binary file (left open)."""
        ...


class WorkbookReaderModule(ReaderModule, Protocol):
    """A reader of a list in an .xlsx workbook: a zip's first bytes cannot tell lists apart."""

    def recognises(self, workbook: Any) -> bool:
        """Whether an open openpyxl workbook (its sheets, its header rows) is this list."""
        ...


@attrs.frozen
class MetadataKey:
    """One key a reader may put in ``dataset.metadata``: the type of its value and its meaning."""

    type: type[str] | type[int]
    meaning: str


#: Every key a reader puts in ``dataset.metadata`` (besides a sanctionkit file's
#: own header, which is kept as written). One name per meaning across readers.
METADATA_KEYS: dict[str, MetadataKey] = {
    "format": MetadataKey(str, "the name of the format read, as sanctionkit.load knows it"),
    "list": MetadataKey(str, "the name of the list, as its publisher names it"),
    "publish_date": MetadataKey(
        str, "the date the file gives itself (published, generated, last updated), ISO 8601"
    ),
    "generation_time": MetadataKey(str, "the file's own timestamp of its making, as written"),
    "records_read": MetadataKey(int, "listing records seen in the file"),
    "records_returned": MetadataKey(int, "listing records kept: one designation each"),
    "records_rejected": MetadataKey(int, "listing records given up on, each with a problem"),
    "record_count": MetadataKey(int, "the number of records the file says it holds"),
    "rows_read": MetadataKey(int, "rows of a table-shaped list seen (several per record)"),
    "rows_used": MetadataKey(int, "rows that went into a kept record"),
    "rows_rejected": MetadataKey(int, "rows given up on"),
    "rows_deleted": MetadataKey(int, "rows the list marks as struck out (not records)"),
    "rows_continued": MetadataKey(int, "rows that continue the record above them"),
    "sanctions_entries": MetadataKey(int, "OFAC advanced XML: SanctionsEntry elements read"),
    "relationships_read": MetadataKey(int, "links between records seen (OFAC advanced XML)"),
    "relationships_returned": MetadataKey(int, "links kept, both ends among the records"),
    "relationships_unresolved": MetadataKey(
        int, "links naming no record of the file, or several (OFAC classic and enhanced)"
    ),
    "sheets": MetadataKey(int, "sheets of a workbook that hold records"),
    "file_type": MetadataKey(str, "the file's container when a list comes in several: csv, xlsx"),
    "files": MetadataKey(str, "the files read together, comma-separated"),
    "layout": MetadataKey(str, "which of a list's layouts the file has"),
    "latest_listing_date": MetadataKey(
        str, "the latest listing date among the records (a file that gives no date), ISO 8601"
    ),
    "latest_control_date": MetadataKey(
        str, "Australia: the latest Control Date (listed or amended) among the rows, ISO 8601"
    ),
    "columns": MetadataKey(int, "the number of columns in a table-shaped list's header"),
    "global_file_id": MetadataKey(str, "the publisher's id of this edition of the file"),
    "lists": MetadataKey(str, "the publisher's lists the file draws on, semicolon-separated"),
    "programmes": MetadataKey(str, "the sanctions programmes the file covers"),
    "list_type": MetadataKey(str, "what part of the list the file holds, as it says (SECO)"),
    "records_delisted": MetadataKey(
        int, "records kept whose designation has ended (delisted set; SECO's whole list)"
    ),
    # A sanctionkit file's header keeps the counts of the read that wrote it:
    "source_records_read": MetadataKey(int, "records_read of the read that made the file"),
    "source_records_returned": MetadataKey(int, "records_returned of that read"),
    "source_records_rejected": MetadataKey(int, "records_rejected of that read"),
}
