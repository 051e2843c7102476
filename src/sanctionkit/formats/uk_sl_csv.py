"""The FCDO's UK Sanctions List as CSV: a "Report Date" line, a header, rows per name and address.

The CSV export of the list read by :mod:`~sanctionkit.formats.uk_sl`: its
first line says when the report was made ("Report Date: 13-Feb-2026"), the
second is the header, and each designation spreads over rows that share its
``Unique ID`` (one row per name, per address ...). The rows of one Unique ID
fill one :class:`~sanctionkit.formats._uk_sl.Record`, mapped as the XML's is,
so both exports of one day give the same entities. A column not in the table
below is kept, its values as notes, and reported once.

>>> import io
>>> csv = (
...     "Report Date: 13-Feb-2026\\n"
...     "Last Updated,Unique ID,Name 6,Name 1,Name type,Regime Name,Designation Type,D.O.B\\n"
...     "26/01/2022,AFG0006,AKHUND,MOHAMMAD,Primary Name,Afghanistan,Individual,dd/mm/1945\\n"
... ).encode()
>>> sniff(csv)
True
>>> ds = read(io.BytesIO(csv), name="UK-Sanctions-List.csv")
>>> ds.get("uk-sl-afg0006").name, ds.metadata["publish_date"]
('MOHAMMAD AKHUND', '2026-02-13')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Final

from sanctionkit.formats._authorities import uk_fcdo
from sanctionkit.formats._csv import TRUNCATED, records
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._text import clean, header_key
from sanctionkit.formats._uk_sl import Record, build, uk_date
from sanctionkit.formats.uk_sl import LIST_NAME
from sanctionkit.model import Dataset, Source
from sanctionkit.values.dates import PartialDate

__all__ = ["COLUMNS", "FORMAT", "read", "sniff"]

FORMAT: Final = "uk-sl-csv"
URL: Final = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv"

#: Each column, and the field (or the group and its field) of the record it fills.
COLUMNS: Final[dict[str, str | tuple[str, str]]] = {
    "Last Updated": "last_updated",
    "Unique ID": "unique_id",
    "OFSI Group ID": "group_id",
    "UN Reference Number": "un_ref",
    **{f"Name {n}": ("name", f"name{n}") for n in range(1, 7)},
    "Name type": ("name", "type"),
    "Alias strength": ("name", "strength"),
    "Title": "title",
    "Name non-latin script": ("non_latin", "name"),
    "Non-latin script type": ("non_latin", "script"),
    "Non-latin script language": ("non_latin", "language"),
    "Regime Name": "regime",
    "Designation Type": "kind",
    "Designation source": "designation_source",
    "Sanctions Imposed": "sanctions",
    "Other Information": "other",
    "UK Statement of Reasons": "reasons",
    **{f"Address Line {n}": ("address", f"line{n}") for n in range(1, 7)},
    "Address Postal Code": ("address", "postcode"),
    "Address Country": ("address", "country"),
    "Phone number": "phone",
    "Website": "website",
    "Email address": "email",
    "Date Designated": "designated",
    "D.O.B": "dob",
    "Nationality(/ies)": "nationality",
    "National Identifier number": ("national_id", "number"),
    "National Identifier additional information": ("national_id", "note"),
    "Passport number": ("passport", "number"),
    "Passport additional information": ("passport", "note"),
    "Position": "position",
    "Gender": "gender",
    "Town of birth": ("birth", "town"),
    "Country of birth": ("birth", "country"),
    "Type of entity": "entity_type",
    "Subsidiaries": "subsidiary",
    "Parent company": "parent",
    "Business registration number (s)": "registration",
    "IMO number": "imo",
    "Current owner/operator (s)": "owner",
    "Previous owner/operator (s)": "previous_owner",
    "Current believed flag of ship": "flag",
    "Previous flags": "previous_flag",
    "Type of ship": "ship_type",
    "Tonnage of ship": "tonnage",
    "Length of ship": "length",
    "Year Built": "year_built",
    "Hull identification number (HIN)": "hin",
}
_REQUIRED: Final = ("Unique ID", "Name 6", "Designation Type")
_REPORT_DATE: Final = "report date"


_BY_KEY: Final = {header_key(column): field for column, field in COLUMNS.items()}


def sniff(head: bytes) -> bool:
    """True for the list's CSV: perhaps a "Report Date" line, then a header with its columns.

    >>> sniff(b"Report Date: 13-Feb-2026\\r\\nLast Updated,Unique ID,Name 6,Designation Type\\r\\n")
    True
    >>> sniff(b'"Report Date: 13-Feb-2026",,\\nUnique ID,Name 6,Designation Type\\n')
    True
    >>> sniff(b"Last Updated,04/05/2022\\r\\nName 6,Group Type,Group ID\\r\\n")
    False
    """
    lines = head.decode("utf-8-sig", errors="ignore").splitlines()
    if lines and lines[0].lstrip('"').lower().startswith(_REPORT_DATE):
        lines = lines[1:]
    try:
        header = next(csv.reader(lines[:1]), [])
    except csv.Error:
        return False
    keys = {header_key(cell) for cell in header}
    return all(header_key(column) in keys for column in _REQUIRED)


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the UK Sanctions List CSV (UTF-8, with or without a byte order mark).

    In lenient mode (the default) a bad value is left out and reported in
    ``dataset.problems``; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. The metadata holds the format, the list,
    its ``publish_date`` (the Report Date), the counts of designations
    (records) and of rows. A caller's open file is left open.
    """
    if isinstance(source, str | Path):
        with Path(source).open("rb") as stream:
            return _read(stream, name, strict)
    return _read(source, name, strict)


def _read(stream: IO[bytes], name: str, strict: bool) -> Dataset:
    reading = Reading(file=name, strict=strict)
    rows = _Rows(reading)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    try:
        for line, row, cut in records(text):
            rows.take(line, row, cut)
    finally:
        text.detach()  # the caller closes the stream it opened
    if rows.columns is None:
        reading.problem("no UK Sanctions List header (Unique ID ... Name 6 ...) found")
    source = Source(url=URL, publisher=uk_fcdo().name, title=LIST_NAME, published=rows.reported)
    for record in rows.designations.values():
        reading.read += 1
        build(record, reading, source)
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME}
    if rows.reported is not None:
        metadata["publish_date"] = rows.reported.isoformat()
    used = rows.read - rows.rejected
    metadata.update(rows_read=rows.read, rows_used=used, rows_rejected=rows.rejected)
    return reading.dataset(metadata)


class _Rows:
    """The rows read so far: the header, the Report Date and the rows of each Unique ID."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.columns: list[str | tuple[str, str]] | None = None
        self.reported: PartialDate | None = None
        self.designations: dict[str, Record] = {}
        self.read = self.rejected = 0

    def take(self, line: int, row: list[str] | csv.Error, cut: str | None) -> None:
        """One record of the CSV: the Report Date, the header, a data row or a broken line."""
        if isinstance(row, csv.Error) or cut is not None:
            if isinstance(row, list) and not any(clean(cell) for cell in row):
                return
            self.read += 1
            self.rejected += 1
            message = f"not a CSV row: {row}" if cut is None else f"{cut}: the row is not read"
            self.reading.problem(
                message, record=f"line {line}", code=None if cut is None else TRUNCATED
            )
        elif self.columns is None:
            self._before_header(line, row)
        elif any(clean(cell) for cell in row):
            self._row(line, row)

    def _before_header(self, line: int, row: Sequence[str]) -> None:
        first = clean(row[0]) if row else ""
        if first.lower().startswith(_REPORT_DATE):
            date = clean(first[len(_REPORT_DATE) :].lstrip(" :"))
            self.reported = uk_date(self.reading, date, None, "Report Date")
        elif all(header_key(column) in {header_key(cell) for cell in row} for column in _REQUIRED):
            self.columns = [_BY_KEY.get(header_key(cell), ("unknown", clean(cell))) for cell in row]
            for cell, column in zip(row, self.columns, strict=True):
                if isinstance(column, tuple) and column[0] == "unknown":
                    message = (
                        "column not in the UK Sanctions List layout; its values are kept as notes"
                    )
                    self.reading.problem(message, field=clean(cell), code="unknown-element")
        elif any(clean(cell) for cell in row):
            message = "a line before the header that is not the Report Date"
            self.reading.problem(message, record=f"line {line}", value=",".join(row))

    def _row(self, line: int, row: Sequence[str]) -> None:
        assert self.columns is not None
        self.read += 1
        cells = dict(zip(self.columns, row, strict=False))
        unique_id = clean(cells.get("unique_id"))
        if not unique_id:
            self.rejected += 1
            message = "row without a Unique ID; not read"
            self.reading.problem(message, record=f"line {line}", value=",".join(row))
            return
        record = self.designations.setdefault(unique_id, Record(label=unique_id))
        groups: dict[str, dict[str, str]] = {}
        for column, cell in cells.items():
            if not cell:
                continue  # most cells of most rows: nothing to clean
            if isinstance(column, str):
                record.add(column, cell)
            elif column[0] == "unknown":
                record.add("unknown", f"{column[1]}: {clean(cell)}" if clean(cell) else "")
            else:
                groups.setdefault(column[0], {})[column[1]] = clean(cell)
        for group, values in groups.items():
            record.add_group(group, values)
