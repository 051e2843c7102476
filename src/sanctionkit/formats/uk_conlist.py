"""The UK OFSI Consolidated List of financial sanctions targets: ``ConList.csv`` and its xlsx.

OFSI writes one row per name variant (and per address, date of birth and regime: the rows
are a cross product); the rows sharing a ``Group ID`` are one listing, read as one entity
``uk-{Group ID}`` and one :class:`~sanctionkit.Designation` by OFSI. This module is the
mapping of the columns (the tables below) plus the list's quirks, each in its own function;
the layout, what becomes what and the quirks of real files are on the documentation page
"UK OFSI Consolidated List" (docs/formats/uk-conlist.md).

>>> import io
>>> csv = (
...     "Last Updated,04/05/2022\\n"
...     "Name 6,Name 1,Name 2,DOB,Nationality,Other Information,Group Type,Alias Type,"
...     "Regime,Listed On,Group ID\\n"
...     "ABAKAROV,Khizri,Magomedovich,28/06/1960,Russia,(UK Sanctions List Ref):RUS0296,"
...     "Individual,Primary name,Russia,11/03/2022,14727\\n"
... ).encode()
>>> sniff(csv)
True
>>> ds = read(io.BytesIO(csv), name="ConList.csv", strict=False)
>>> person = ds.get("uk-14727")
>>> person.name, person.birth_dates[0].isoformat(), ds.designations[0].authority_ref
('Khizri Magomedovich ABAKAROV', '1960-06-28', 'RUS0296')
"""

from __future__ import annotations

import calendar
import codecs
import csv
import datetime
import io
import operator
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Final

import attrs

from sanctionkit.formats._authorities import uk_ofsi
from sanctionkit.formats._csv import TRUNCATED, records
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import open_source, read_head
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import scheme_for
from sanctionkit.formats._text import clean, header_key, language_code, script
from sanctionkit.formats._xlsx import cell_text, is_zip, open_workbook, raw_rows, rows
from sanctionkit.identifiers import imo as imo_numbers
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Gender,
    Identifier,
    Measure,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["FORMAT", "LIST_NAME", "read", "recognises", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT: Final = "uk-conlist"
#: The list's name in the dataset's metadata.
LIST_NAME: Final = "UK OFSI Consolidated List of Financial Sanctions Targets"

_URL: Final = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"

# --- the mapping: columns (found by header, case and spaces ignored) --------------------
_REQUIRED: Final = ("Name 6", "Group Type", "Group ID")  # the others are optional
# A name row: Name 1..5 then Name 6 (the surname, or an entity's whole name), then these.
_NAME_COLUMNS: Final = (
    *(f"Name {number}" for number in range(1, 7)),
    "Title",
    "Name Non-Latin Script",
    "Non-Latin Script Type",
    "Non-Latin Script Language",
    "Alias Type",
    "Alias Quality",
)
_ADDRESS_COLUMNS: Final = (*(f"Address {n}" for n in range(1, 7)), "Post/Zip Code", "Country")
_DESIGNATED: Final = "UK Sanctions List Date Designated"
_REGIME_COLUMNS: Final = ("Regime", "Listed On", _DESIGNATED)
# Columns with one value per group (when a group's rows disagree, every value is kept);
# the ship columns from IMO number on came in later 2022 files (before: Other Information).
_GROUP_COLUMNS: Final = (
    *("DOB", "Town of Birth", "Country of Birth", "Nationality", "Passport Number"),
    *("Passport Details", "National Identification Number", "National Identification Details"),
    *("Position", "Other Information", "Group Type", "Last Updated", "UK Sanctions List Ref"),
    *("UN Ref", "IMO number", "Current owner/operator(s)", "Previous owner/operator(s)"),
    *("Current believed flag of ship", "Previous flags", "Type of ship", "Tonnage of ship"),
    *("Length of ship", "Year Built", "Hull identification number (HIN)"),
)
# Number column, details column: identifiers of the scheme of the number column.
_DOCUMENTS: Final = (
    ("Passport Number", "Passport Details"),
    ("National Identification Number", "National Identification Details"),
)
_CLASSES: Final[dict[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "ship": Vessel,
}
# Alias Type -> its quality; "Alias Quality" ("Good quality", "Low quality") refines a strong one.
_ALIAS_TYPES: Final = {
    "aka": AliasQuality.STRONG,
    "prime alias": AliasQuality.STRONG,
    "primary name variation": AliasQuality.STRONG,
    "alias": AliasQuality.STRONG,
    "fka": AliasQuality.FORMER,
}
_ALIAS_QUALITIES: Final = {
    "good quality": AliasQuality.STRONG,
    "good": AliasQuality.STRONG,
    "low quality": AliasQuality.WEAK,
    "low": AliasQuality.WEAK,
}
_PRIMARY: Final = "primary name"
_SCRIPTS: Final = {
    "arabic": "Arab",
    "cyrillic": "Cyrl",
    "chinese": "Hani",
    "korean": "Kore",
    "japanese": "Jpan",
    "latin": "Latn",
}
_GENDERS: Final = {"male": Gender.MALE, "female": Gender.FEMALE}
# Texts the list writes where it means "no value".
_BLANKS: Final = frozenset({"", "-", "n/a", "na", "none", "unknown"})

# --- the mapping: Other Information's "(Label):value" parts -----------------------------
# Label -> the column that says the same in later files (a column wins over the label).
_LABELS: Final = {
    "uk sanctions list ref": "UK Sanctions List Ref",
    "un ref": "UN Ref",
    "imo number": "IMO number",
    "current owners": "Current owner/operator(s)",
    "flag of ship": "Current believed flag of ship",
    "previous flags": "Previous flags",
    "type of ship": "Type of ship",
    "tonnage of ship": "Tonnage of ship",
    "length of ship": "Length of ship",
    "year built": "Year Built",
}
# Labels kept as notes, with how the note names them.
_NOTE_LABELS: Final = (
    ("phone number", "Phone number"),
    ("tel", "Phone number"),
    ("fax", "Fax"),
    ("email address", "Email address"),
    ("website", "Website"),
    ("parent company", "Parent company"),
    ("subsidiaries", "Subsidiaries"),
)
_OWN_LABELS: Final = ("uk statement of reasons", "gender", "type of entity", "business reg no")
_KNOWN_LABELS: Final = frozenset({*_LABELS, *_OWN_LABELS, *(key for key, _ in _NOTE_LABELS)})
# Ship columns kept as notes: before the owner is looked for in the notes, and after.
_OWNER_NOTES: Final = (
    ("Current owner/operator(s)", "Current owners"),
    ("Previous owner/operator(s)", "Previous owners"),
)
_SHIP_NOTES: Final = ("Length of ship", "Hull identification number (HIN)")

_LABEL: Final = re.compile(r"\(([A-Za-z][A-Za-z .'/-]{1,40})\):")
_NUMBERED: Final = re.compile(r"\(\d{1,2}(?:-\d{1,2})?\)")
_REFERENCE: Final = r"[A-Za-z]{2,4}[.]?\d{2,5}"
# A UN reference number: committee letters, i or e, a number ("QDi.042", "QDE.145").
_UN_REFERENCE: Final = re.compile(r"\b[A-Za-z]{2}[ieIE]\.\d{3}\b")
_REFERENCES: Final = re.compile(rf"{_REFERENCE}(?:\s*(?:,|and|&)\s*{_REFERENCE})*\.?")
_ASSET_OF: Final = re.compile(r"asset of [^()]*\(OFSI ID:\s*(\d+)", re.IGNORECASE)
# An IMO number in Other Information's free text: a shipping company's ("IMO Number:
# 5342883.", "International Maritime Organization (IMO) Number: 1790183.") or a ship's
# ("IMO number 9066978", "IMO no. 8606173", "IMO: 8605026"). The seven digits follow the
# label directly: "vessels with IMO Number: (a) Chol Ryong ... 8606173" is a list of others.
_IMO_TEXT: Final = re.compile(
    r"(?:\(IMO\)|\bIMO)(?:\s*(?:[Nn]umber|[Nn]o\.?|#))?\s*[:.]?\s*(\d{7})\b"
)
# "the operator/manager of the following vessels with IMO Number: (a) Chol Ryong (Ryong Gun
# Bong) 8606173, (b) ..., (v) Tong Hung 8661575.": the vessels an organisation runs.
_OPERATED: Final = re.compile(
    r"\b(?:vessels|ships) with IMO [Nn]umbers?:\s*(\(a\).*?\d{7})\.", re.S
)
_SEVEN_DIGITS: Final = re.compile(r"\b\d{7}\b")
_FLAGS_SPLIT: Final = re.compile(r"[.,;/]|\(\d+\)")
_DAY_MONTH_YEAR: Final = re.compile(r"(\d\d)/(\d\d)/(\d{4})")
_IMO_FIELD: Final = "Other Information/IMO number"


def sniff(head: bytes) -> bool:
    """True for a ConList CSV: a "Last Updated" line, then a header with Name 6 and Group ID.

    >>> sniff(b"Last Updated,04/05/2022\\r\\nName 6,Name 1,Group Type,Group ID\\r\\n")
    True
    >>> sniff(b"Name 6,Name 1\\r\\n")
    False
    """
    if is_zip(head):
        return False
    lines = _decode(head).splitlines()
    if lines and lines[0].lower().startswith("last updated"):
        lines = lines[1:]
    try:
        return bool(lines) and _has_header(next(csv.reader(lines[:1])))
    except csv.Error:
        return False


def _has_header(cells: Iterable[object]) -> bool:
    keys = {header_key(cell) for cell in cells}
    return all(header_key(column) in keys for column in _REQUIRED)


def recognises(workbook: Any) -> bool:
    """True for a ConList workbook: a sheet whose first two rows hold its header."""
    return _data_sheet(workbook, "<workbook>") is not None


def _data_sheet(workbook: Any, name: str) -> Any | None:
    for sheet in workbook.worksheets:
        for number, values in rows(sheet, name):
            if _has_header(values):
                return sheet
            if number >= 2:
                break
    return None


def _decode(data: bytes) -> str:
    # OFSI writes UTF-8 (with a byte order mark); older copies were saved as Windows-1252.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start > len(data) - 4:  # a character cut at the end of a head
            return data[: error.start].decode("utf-8-sig")
        return data.decode("cp1252", errors="replace")


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the OFSI Consolidated List, as CSV or as its xlsx twin (told by the content).

    In lenient mode (the default) a bad value is left out and reported in
    ``dataset.problems``; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. The metadata holds the format, the list,
    its last-updated date and the counts of groups (records) and rows.
    """
    if not is_zip(read_head(source)):
        with open_source(source) as stream:
            lines = _csv_rows(stream)
            try:
                return _read_rows(lines, name, strict, "csv")
            finally:
                lines.close()  # detach from the stream now, also when a strict read raises
    workbook = open_workbook(source, name)
    try:
        sheet = _data_sheet(workbook, name)
        cells = iter(()) if sheet is None else raw_rows(sheet, name)
        return _read_rows(cells, name, strict, "xlsx")
    finally:
        workbook.close()


def _csv_rows(stream: IO[bytes]) -> Generator[list[str], None, None]:
    """The CSV's rows, streamed: UTF-8, with any byte that is not read as Windows-1252.

    A row the csv module refuses (a field over :func:`csv.field_size_limit`; a
    NUL byte before Python 3.11) comes as a :class:`_BrokenRow`, and reading goes
    on at the next line. So does a last row that the end of the file cuts short
    (OFSI ends every line): its cells would be what precedes the cut, a Group ID
    14727 read as 147.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors=_CP1252_FALLBACK, newline="")
    try:
        for line, row, cut in records(text):
            if isinstance(row, csv.Error):
                yield _BrokenRow(line, f"not a CSV row: {row}")
            elif cut is None:
                yield row
            elif any(clean(cell) for cell in row):
                message = f"{cut}: its last row is cut short and not read"
                yield _BrokenRow(line, message, code=TRUNCATED)
    finally:
        text.detach()  # the caller closes the stream it opened


class _BrokenRow(list[str]):
    """A CSV row that could not be read: no cells, the line where it ended, why, and the
    problem's code (None: the default)."""

    def __init__(self, line: int, message: str, *, code: str | None = None) -> None:
        super().__init__()
        self.line = line
        self.message = message
        self.code = code


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    # Older copies were saved from Excel as Windows-1252: read such bytes as that.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


_CP1252_FALLBACK: Final = "sanctionkit-uk-cp1252"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _cell(value: object) -> str:
    """A workbook cell as the CSV writes it: dates dd/mm/yyyy, whole numbers without ".0"."""
    return cell_text(value, date_format="%d/%m/%Y")


class _Texts(dict[object, str]):
    """Each distinct cell text of a file, cleaned once: the rows of a group repeat most cells.

    A number or a date is made text (:func:`_cell`) at each lookup, not kept: as a key,
    a TRUE cell would find the text of an earlier 1.
    """

    def __missing__(self, value: object) -> str:
        if type(value) is not str:
            return clean(_cell(value))
        found = clean(value)
        self[value] = found = value if found == value else found  # one object when clean
        return found


_Row = Sequence[object]  # a CSV row's texts, or a workbook row's values
_Take = Callable[[list[object]], tuple[object, ...]]  # some columns' cells of a row


def _texts(values: Iterable[tuple[object, ...]], texts: _Texts) -> list[tuple[str, ...]]:
    """Each distinct tuple of raw cells as cleaned text, in order, once."""
    return list(dict.fromkeys(tuple(map(texts.__getitem__, taken)) for taken in values))


@attrs.define
class _Group:
    """The rows of one Group ID: their distinct raw tuples of each kind of column, in order.

    (Raw tuples compare as Python compares values: a True cell would be one with a 1 in the
    same place; ConList has no true/false cells.)
    """

    rows: int = 0
    names: dict[tuple[object, ...], None] = attrs.Factory(dict)
    addresses: dict[tuple[object, ...], None] = attrs.Factory(dict)
    regimes: dict[tuple[object, ...], None] = attrs.Factory(dict)
    facts: dict[tuple[object, ...], None] = attrs.Factory(dict)


@attrs.frozen
class _Layout:
    """Where the columns sit in a row, found once from the header. Every kind of column is
    taken from a row in one call (operator.itemgetter, in C); a column the file lacks reads
    the empty cell put after the header's last (see :meth:`_Rows._add`)."""

    width: int
    group_id: int
    names: _Take
    addresses: _Take
    regimes: _Take
    facts: _Take

    @classmethod
    def of(cls, row: Sequence[str]) -> _Layout:
        header = {header_key(cell): index for index, cell in enumerate(row) if clean(cell)}
        width = max(header.values()) + 1

        def take(columns: Sequence[str]) -> _Take:
            getter: _Take = operator.itemgetter(
                *(header.get(header_key(c), width) for c in columns)
            )
            return getter

        return cls(
            width=width,
            group_id=header[header_key("Group ID")],
            names=take(_NAME_COLUMNS),
            addresses=take(_ADDRESS_COLUMNS),
            regimes=take(_REGIME_COLUMNS),
            facts=take(_GROUP_COLUMNS),
        )


@attrs.define
class _Rows:
    """A file's rows gathered by Group ID (the rows of a group are not next to each other)."""

    reading: Reading
    texts: _Texts = attrs.Factory(_Texts)
    layout: _Layout | None = None
    last_updated: PartialDate | None = None
    groups: dict[str, _Group] = attrs.Factory(dict)
    by_cell: dict[object, _Group] = attrs.Factory(dict)  # the Group ID cell as it comes
    read: int = 0
    rejected: int = 0

    def add(self, number: int, row: _Row) -> None:
        if isinstance(row, _BrokenRow):
            self.read += 1
            self.rejected += 1
            self.reading.problem(row.message, record=f"line {row.line}", code=row.code)
        elif self.layout is None:
            self._before_header(number, [_cell(value) for value in row])
        else:
            self._add(number, row, self.layout)

    def _before_header(self, number: int, row: list[str]) -> None:
        if row and clean(row[0]).lower() == "last updated" and len(row) > 1:
            self.last_updated = self.reading.single_date(
                clean(row[1]), record=None, field="Last Updated", parse=_parse_uk_date
            )
        elif _has_header(row):
            self.layout = _Layout.of(row)
        elif any(clean(cell) for cell in row):
            message = "a line before the header that is not 'Last Updated'"
            self.reading.problem(message, record=f"row {number}", value=",".join(row))

    def _add(self, number: int, row: _Row, layout: _Layout) -> None:
        # The header's width of cells, then the empty cell of the columns the file lacks.
        cells = [*row[: layout.width], *[""] * (layout.width + 1 - min(len(row), layout.width))]
        cell = cells[layout.group_id]
        group = self.by_cell.get(cell)
        if group is None and (group := self._group(number, row, cell)) is None:
            return
        self.read += 1
        group.rows += 1
        group.names[layout.names(cells)] = None
        group.addresses[layout.addresses(cells)] = None
        group.regimes[layout.regimes(cells)] = None
        group.facts[layout.facts(cells)] = None

    def _group(self, number: int, row: _Row, cell: object) -> _Group | None:
        """The group of a Group ID cell met for the first time; None for a row without one."""
        group_id = self.texts[cell]
        if not group_id:
            cells = [_cell(value) for value in row]
            if any(self.texts[text] for text in cells):  # a blank line is no row
                self.read += 1
                self.rejected += 1
                message = "row without a Group ID; not read"
                self.reading.problem(message, record=f"row {number}", value=",".join(cells))
            return None
        group = self.by_cell[cell] = self.groups.setdefault(group_id, _Group())
        return group


def _read_rows(cells: Iterator[_Row], name: str, strict: bool, container: str) -> Dataset:
    reading = Reading(file=name, strict=strict)
    found = _Rows(reading)
    for number, row in enumerate(cells, start=1):
        found.add(number, row)
    if found.layout is None:
        reading.problem("no ConList header row (Name 6 ... Group Type ... Group ID) found")
    source = Source(
        url=_URL,
        publisher=uk_ofsi().name,
        title=f"{LIST_NAME} ({reading.file_name(f'ConList.{container}')})",
        published=found.last_updated,
    )
    rejected = found.rejected + _build(reading, source, found)
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME, "file_type": container}
    if found.last_updated is not None:
        metadata["publish_date"] = found.last_updated.isoformat()
    metadata["rows_read"] = found.read
    metadata["rows_used"] = found.read - rejected
    metadata["rows_rejected"] = rejected
    return reading.dataset(metadata)


@attrs.frozen
class _Listing:
    """A group's rows as text: its distinct name, address and regime rows, and each group
    column's distinct values, in file order."""

    id: str
    names: list[tuple[str, ...]]
    addresses: list[tuple[str, ...]]
    regimes: list[tuple[str, ...]]
    values: dict[str, Sequence[str]]  # a group column's distinct values; none: absent

    @classmethod
    def of(cls, group_id: str, group: _Group, texts: _Texts) -> _Listing:
        addresses = _texts(group.addresses, texts)
        return cls(
            id=group_id,
            names=_texts(group.names, texts),
            addresses=[address for address in addresses if any(address)],
            regimes=_texts(group.regimes, texts),
            values=_values(_texts(group.facts, texts)),
        )

    def all(self, column: str) -> Sequence[str]:
        """The distinct values of a group column, in file order."""
        return self.values.get(column, ())

    def first(self, column: str) -> str:
        found = self.values.get(column)
        return found[0] if found else ""

    def items(self, column: str) -> list[str]:
        """The numbered items of every value of the column (see :func:`_numbered`)."""
        return [item for text in self.all(column) for item in _numbered(text)]


def _values(facts: list[tuple[str, ...]]) -> dict[str, Sequence[str]]:
    """Each group column's distinct values, from the distinct rows of the group columns."""
    if len(facts) == 1:  # most groups: their rows repeat one
        only = zip(_GROUP_COLUMNS, facts[0], strict=True)
        return {column: (value,) for column, value in only if value}
    values: dict[str, Sequence[str]] = {}
    for column, cells in zip(_GROUP_COLUMNS, zip(*facts, strict=True), strict=True):
        if distinct := [value for value in dict.fromkeys(cells) if value]:
            values[column] = distinct
    return values


def _build(reading: Reading, source: Source, found: _Rows) -> int:
    """Keep each group's entity and designation; the rows of the groups not kept."""
    listings = [
        (_Listing.of(group_id, group, found.texts), group.rows)
        for group_id, group in found.groups.items()
    ]
    ids = set(found.groups)
    found.texts.clear()  # the raw cells: not kept while the entities are built
    found.groups.clear()
    found.by_cell.clear()
    rejected = 0
    for listing, row_count in listings:
        reading.read += 1
        if not _keep(reading, source, listing, ids):
            rejected += row_count
    return rejected


def _keep(reading: Reading, source: Source, group: _Listing, ids: set[str]) -> bool:
    """Keep the group's entity and designation; False when it cannot be kept."""
    name, aliases, titles = _names(reading, group)
    if name is None:
        reading.reject("group without a name", record=group.id)
        return False
    draft = EntityDraft(group.id, id=f"uk-{group.id}", name=name, sources=(source,))
    draft.aliases = aliases
    draft.kind = _class(reading, group)
    facts, reasons = _facts(group, draft, titles)
    references = _identifiers(group, facts, draft)
    _countries(reading, group, draft)
    # A person's titles ("Maulavi", "General", "(1) Mullah (2) Haji") are positions, as
    # the UN list's TITLE (where most of them come from) and Canada's Title are.
    positions: list[str] = []
    for text in [*(titles if draft.kind is Person else ()), *group.all("Position")]:
        for item in _numbered(text):
            if item not in positions:
                positions.append(item)
    listed, programmes = _regimes(reading, group, draft.notes)
    for updated in group.all("Last Updated"):
        draft.note(f"Last updated on the list: {updated}")
    _class_fields(reading, group, facts, draft, positions, ids)
    entity = draft.build(reading)
    if entity is None:
        return False
    designation = Designation(
        entity_id=f"uk-{group.id}",
        authority=uk_ofsi(),
        authority_ref=references[0] if references else group.id,
        listed=listed,
        programmes=programmes,
        measures=_MEASURES,
        reasons=reasons,
        sources=(source,),
    )
    reading.keep(entity, designation)
    return True


_MEASURES: Final = (Measure.ASSET_FREEZE,)  # the list is of financial sanctions targets


def _names(reading: Reading, group: _Listing) -> tuple[str | None, list[Alias], list[str]]:
    """The primary name, the aliases and the titles of a group's name rows."""
    primary: list[str] = []
    aliases: list[Alias] = []
    titles: list[str] = []
    fallback: list[str] = []
    for row in group.names:
        *parts, title, original, script_type, language, alias_type, quality_text = row
        whole = " ".join(part for part in parts if part)
        if title and title not in titles:
            titles.append(title)
        if original:
            found_script = script(original) or _SCRIPTS.get(script_type.lower())
            alias = Alias(name=original, script=found_script, language=language_code(language))
            if alias not in aliases:
                aliases.append(alias)
        if not whole:
            continue
        if alias_type.lower() == _PRIMARY:
            if whole not in primary:
                primary.append(whole)
            continue
        fallback.append(whole)
        alias = Alias(name=whole, quality=_quality(reading, alias_type, quality_text, group.id))
        if alias not in aliases:
            aliases.append(alias)
    return _primary(reading, primary, fallback, aliases, group.id), aliases, titles


def _quality(reading: Reading, alias_type: str, quality_text: str, label: str) -> AliasQuality:
    """An alias's quality: by its Alias Type, refined by its Alias Quality."""
    message = "unknown Alias Type; kept as a strong alias"
    quality = reading.choice(
        _ALIAS_TYPES, alias_type, record=label, field="Alias Type", message=message
    )
    if quality is None or quality is AliasQuality.STRONG:
        message = "unknown Alias Quality"
        found = reading.choice(
            _ALIAS_QUALITIES, quality_text, record=label, field="Alias Quality", message=message
        )
        quality = found or AliasQuality.STRONG
    return quality


def _primary(
    reading: Reading, primary: list[str], fallback: list[str], aliases: list[Alias], label: str
) -> str | None:
    """The name: the first Primary name row's, else the first other name's (a problem).

    The other Primary names become aliases, and the name leaves the aliases
    (but for its spelling in another script), in place.
    """
    if primary:
        name = primary[0]
        if len(primary) > 1:
            message = "several Primary name rows; the first is the name, the others strong aliases"
            value = " | ".join(primary)
            reading.problem(message, record=label, field="Alias Type", value=value)
            aliases[0:0] = [Alias(name=other) for other in primary[1:]]
    elif fallback:
        name = fallback[0]
        message = "no Primary name row; the first other name stands in"
        reading.problem(message, record=label, field="Alias Type", value=name)
    else:
        return None
    aliases[:] = [alias for alias in aliases if alias.name != name or alias.script]
    return name


def _class(reading: Reading, group: _Listing) -> type[Entity]:
    """Individual, Entity or Ship; anything else an organisation, with a problem."""
    group_type = group.first("Group Type")
    cls = _CLASSES.get(group_type.lower())
    if cls is None:
        message = "unknown Group Type; read as an entity"
        reading.problem(message, record=group.id, field="Group Type", value=group_type)
        cls = Organization
    for extra in group.all("Group Type")[1:]:
        message = "rows of one group disagree on Group Type; the first is used"
        reading.problem(message, record=group.id, field="Group Type", value=extra)
    return cls


def _facts(
    group: _Listing, draft: EntityDraft, titles: list[str]
) -> tuple[dict[str, str], list[str]]:
    """Other Information's labelled facts (a column wins over a label), and the reasons."""
    facts: dict[str, str] = {}
    notes = draft.notes
    if draft.kind is not Person:
        notes.extend(f"Title: {title}" for title in titles)
    reasons: list[str] = []
    for other in group.all("Other Information"):
        found, free = _labelled(other)
        for key, value in found.items():
            facts.setdefault(key, value)
        notes.extend(free)
        if "uk statement of reasons" in found:
            reasons.append(found["uk statement of reasons"])
    for column in _LABELS.values():
        if value := group.first(column):
            facts[column] = value  # a column wins over a label
    notes.extend(f"{said}: {facts[key]}" for key, said in _NOTE_LABELS if facts.get(key))
    return facts, reasons


def _labelled(text: str) -> tuple[dict[str, str], list[str]]:
    """Other Information's "(Label):value" parts by label, and what is not one of ours.

    The free text after the list references ("(UN Ref):CFi.009 Kony is ...")
    and any label we have no field for come back as notes, as written.
    """
    found: dict[str, str] = {}
    matches = [m for m in _LABEL.finditer(text) if m.group(1).strip().lower() in _KNOWN_LABELS]
    if not matches:
        return found, [text] if text else []
    notes = [lead] if (lead := text[: matches[0].start()].strip()) else []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        label = match.group(1).strip()
        value = text[match.end() : end].strip()
        column = _LABELS.get(label.lower())
        if column in ("UK Sanctions List Ref", "UN Ref"):
            # "INU0082 and SYR0310 Listed under ...": the references, then free text.
            references = _REFERENCES.match(value)
            end = references.end() if references else len(value.split(" ", 1)[0])
            found[column] = value[:end].strip().rstrip(".")
            if value[end:].strip():
                notes.append(value[end:].strip())
        elif column is not None:
            found[column] = value.rstrip(" .")
        else:
            found[label.lower()] = value
    return found, notes


def _identifiers(group: _Listing, facts: dict[str, str], draft: EntityDraft) -> list[str]:
    """The group's identifiers; its UK Sanctions List references."""
    identifiers = draft.identifiers
    identifiers.append(Identifier(scheme="uk_group_id", value=group.id))
    references = re.findall(_REFERENCE, facts.get("UK Sanctions List Ref", ""))
    identifiers.extend(Identifier(scheme="uk_sanctions_list_ref", value=r) for r in references)
    if facts.get("UN Ref"):
        # One cell may cite two ("QDi.042 and SOi.002"): one identifier each.
        cited = _UN_REFERENCE.findall(facts["UN Ref"]) or [facts["UN Ref"]]
        identifiers.extend(Identifier(scheme="un_reference", value=ref) for ref in cited)
    if facts.get("business reg no"):
        scheme = scheme_for("uk", "business reg no")
        identifiers.append(Identifier(scheme=scheme, value=facts["business reg no"]))
    for number_column, details_column in _DOCUMENTS:
        identifiers.extend(_documents(group, number_column, details_column))
    return references


def _documents(group: _Listing, number_column: str, details_column: str) -> list[Identifier]:
    """Numbered numbers paired with their numbered details: "(1) A1 (2) B2"."""
    if not group.first(number_column) and not group.first(details_column):
        return []
    scheme = scheme_for("uk", number_column)
    found: list[Identifier] = []
    numbers, details = group.items(number_column), group.items(details_column)
    paired = len(numbers) == len(details)
    for index, number in enumerate(numbers):
        if number.lower() in _BLANKS:
            continue
        note = details[index] if paired and details[index].lower() not in _BLANKS else None
        found.append(Identifier(scheme=scheme, value=number, note=note))
    if not paired and details:
        # Details that cannot be matched to a number stay whole, on the first one or alone.
        text = "; ".join(details)
        if found:
            found[0] = attrs.evolve(found[0], note=text)
        else:
            found.append(Identifier(scheme=scheme, value="(no number)", note=text))
    return found


def _country(reading: Reading, text: str, label: str, field: str) -> Country | None:
    """The country a field names; None for the list's blanks ("-") and for bad text."""
    if text.lower() in _BLANKS:
        return None
    return reading.country(text, record=label, field=field)


def _countries(reading: Reading, group: _Listing, draft: EntityDraft) -> None:
    """Nationalities (a note when unread), addresses, and the countries of addresses."""
    for item in group.items("Nationality"):
        country = _country(reading, item, group.id, "Nationality")
        if country is None:
            draft.note(f"Nationality: {item}")
        else:
            draft.role(reading.country_role(country, CountryRoleKind.NATIONALITY))
    draft.addresses = [
        address
        for *lines, country_text in group.addresses
        if (address := _address(reading, lines, country_text, group.id)) is not None
    ]
    for address in draft.addresses:
        if address.country is not None:
            draft.role(reading.country_role(address.country, CountryRoleKind.LOCATION))


def _address(reading: Reading, lines: list[str], country_text: str, label: str) -> Address | None:
    country = _country(reading, country_text, label, "Country")
    return reading.address([*lines, country_text], country=country)


def _birth_places(reading: Reading, group: _Listing, draft: EntityDraft) -> None:
    """Towns and countries of birth, paired by number when there are as many of each."""
    towns, countries = group.items("Town of Birth"), group.items("Country of Birth")
    if len(towns) != len(countries):
        # Cannot pair them: each town alone, each country alone.
        pairs = [(town, "") for town in towns] + [("", country) for country in countries]
    else:
        pairs = list(zip(towns, countries, strict=True))
    for town, country_text in pairs:
        country = _country(reading, country_text, group.id, "Country of Birth")
        place = reading.address([town, country_text], city=town, country=country)
        if place is not None:
            draft.birth_place(place)


def _date(reading: Reading, text: str, label: str, field: str) -> PartialDate | None:
    """A dd/mm/yyyy date ("00/00/1958" is the year 1958), or None with a problem."""
    return reading.single_date(text, record=label, field=field, parse=_parse_uk_date)


def _regimes(
    reading: Reading, group: _Listing, notes: list[str]
) -> tuple[PartialDate | None, list[str]]:
    """The programmes and the earliest Listed On; each regime's dates noted when several."""
    programmes: list[str] = []
    listed: PartialDate | None = None
    several = len(group.regimes) > 1
    for regime, listed_on, designated in group.regimes:
        if regime and regime not in programmes:
            programmes.append(reading.intern(regime))
        date = _date(reading, listed_on, group.id, "Listed On") if listed_on else None
        if date is not None and (listed is None or date.earliest() < listed.earliest()):
            listed = date
        # The date of designation under the UK's own regulations (31/12/2020 for those
        # carried over from EU and UN regimes): the Designation has one date, "Listed On",
        # the first listing; this one stays a note, read and written as an ISO date.
        uk_date = _date(reading, designated, group.id, _DESIGNATED) if designated else None
        shown = uk_date.isoformat() if uk_date is not None else designated
        if several:
            listed_text = date.isoformat() if date is not None else listed_on or "?"
            notes.append(
                f"Regime {regime or '?'}: listed on {listed_text}"
                + (f", UK Sanctions List date designated {shown}" if shown else "")
            )
        elif shown:
            notes.append(f"UK Sanctions List date designated: {shown}")
    return listed, programmes


def _class_fields(
    reading: Reading,
    group: _Listing,
    facts: dict[str, str],
    draft: EntityDraft,
    positions: list[str],
    ids: set[str],
) -> None:
    """What only the draft's class has: a person's, a ship's or an organisation's."""
    if draft.kind is Person:
        for text in group.all("DOB"):
            born = _date(reading, text, group.id, "DOB")
            if born is not None:
                draft.birth_date(born)
        _birth_places(reading, group, draft)
        draft.gender = _gender(reading, facts.get("gender"), group.id)
        draft.positions = positions
        return
    # What only persons have a field for stays a note on an organisation or a ship.
    for column in ("DOB", "Town of Birth", "Country of Birth"):
        draft.notes.extend(f"{column}: {text}" for text in group.all(column))
    draft.notes.extend(f"Position: {position}" for position in positions)
    if facts.get("gender"):
        draft.notes.append(f"Gender: {facts['gender']}")
    if draft.kind is Vessel:
        _vessel(reading, draft, facts, ids)
    else:
        draft.identifiers.extend(_imo_companies(reading, draft.notes, group.id))
        draft.extra["kind"] = facts.get("type of entity") or None


def _gender(reading: Reading, text: str | None, label: str) -> Gender | None:
    # "Male." is male; a text of only dots is still an unknown gender.
    word = (text.strip(" .") or text) if text else ""
    return reading.choice(
        _GENDERS, word, record=label, field="Gender", message="unknown gender", value=text
    )


def _imo_companies(reading: Reading, notes: list[str], label: str) -> list[Identifier]:
    """The IMO company numbers an organisation's Other Information gives in its text.

    OFSI copies them from the UN list's comments ("IMO Number: 5342883."), where
    OFAC files the same numbers as "Company Number IMO": as ``imo_company``
    identifiers they join the lists' shipping companies. A number that fails the
    company check digit is a problem; the text stays a note. So are the numbers of
    the vessels an organisation operates, for which it has no field.
    """
    found: list[Identifier] = []
    for note in notes:
        for text in _IMO_TEXT.findall(note):
            if not imo_numbers.is_valid(text, kind="company") and imo_numbers.is_valid(text):
                # A ship's check digit: a vessel named in the text, not the company.
                message = (
                    "a ship's IMO number in an organisation's text is not read: "
                    "an organisation has no field for its vessels (it stays in the note)"
                )
                reading.problem(message, record=label, field=_IMO_FIELD, value=text, code=_UNREAD)
                continue
            number = reading.value(
                _company_number, text, record=label, field=_IMO_FIELD, code="invalid-imo"
            )
            if number is None:
                continue
            identifier = Identifier(scheme="imo_company", value=number, note=_OTHER)
            if identifier not in found:
                found.append(identifier)
        for listed in _OPERATED.findall(note):
            numbers = _SEVEN_DIGITS.findall(listed)
            message = (
                f"the IMO numbers of the {len(numbers)} vessels it operates are not read: "
                "an organisation has no field for its vessels (they stay in the note)"
            )
            value = ", ".join(numbers)
            reading.problem(message, record=label, field=_IMO_FIELD, value=value, code=_UNREAD)
    return found


_UNREAD: Final = "unread-value"
_OTHER: Final = "Other Information"


def _company_number(text: str) -> str:
    return imo_numbers.validate(text, kind="company")


def _vessel(reading: Reading, draft: EntityDraft, facts: dict[str, str], ids: set[str]) -> None:
    label, notes = draft.label, draft.notes
    imo = reading.imo_number(facts.get("IMO number"), record=label, field="IMO number")
    # Without an "(IMO number):" label or column, the number written in the text.
    for note in notes:
        for text in _IMO_TEXT.findall(note):
            if facts.get("IMO number") is None and imo is None:
                imo = reading.imo_number(text, record=label, field=_IMO_FIELD)
            elif text != imo:
                message = "a second IMO number in Other Information; the ship has one"
                reading.problem(message, record=label, field=_IMO_FIELD, value=text, code=_UNREAD)
    flag_text = facts.get("Current believed flag of ship")
    flag = reading.country(flag_text, record=label, field="Flag of ship")
    past_flags: list[Country] = []
    for item in _FLAGS_SPLIT.split(facts.get("Previous flags", "")):
        if item.strip():
            country = reading.country(item, record=label, field="Previous flags")
            if country is not None and country not in past_flags:
                past_flags.append(country)
    notes.extend(f"{said}: {facts[column]}" for column, said in _OWNER_NOTES if facts.get(column))
    owner = _owner(notes, ids)
    notes.extend(f"{column}: {facts[column]}" for column in _SHIP_NOTES if facts.get(column))
    draft.extra.update(
        imo=imo,
        flag=flag,
        past_flags=past_flags,
        vessel_type=facts.get("Type of ship") or None,
        tonnage=reading.whole_number(
            facts.get("Tonnage of ship"), record=label, field="Tonnage of ship"
        ),
        build_year=reading.whole_number(facts.get("Year Built"), record=label, field="Year built"),
        owner_id=owner,
    )


def _owner(notes: list[str], ids: set[str]) -> str | None:
    """ "Listed as asset of Korea Samjong Shipping (OFSI ID: 13635, ...)": the owner's id."""
    for note in notes:
        match = _ASSET_OF.search(note)
        if match and match.group(1) in ids:
            return f"uk-{match.group(1)}"
    return None


def _parse_uk_date(text: str) -> PartialDate | DateRange:
    """A dd/mm/yyyy date ("00/00/1958" is the year 1958), for :meth:`Reading.date`.

    >>> _parse_uk_date("28/06/1960"), _parse_uk_date("00/00/1958").isoformat()
    (PartialDate(year=1960, month=6, day=28, approximate=False), '1958')
    """
    # Most of the list's dates are whole days of the past: read without the general parser,
    # to the same date. The rest (a zero day or month means unknown, which parse_date keeps
    # as such; no such day, a year to come) go to parse_date, which says what is wrong.
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        past = 1000 <= year <= datetime.date.today().year
        if past and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return PartialDate(year, month, day, text=text)
    # UK dates are day first.
    return parse_date(text, dayfirst=True)


def _numbered(text: str) -> list[str]:
    """The items of "(1) Uganda (2) Uganda (3)Uganda", or the text itself when not numbered."""
    if not _NUMBERED.match(text):
        return [text] if text else []
    return [item.strip(" .;,") for item in _NUMBERED.split(text) if item.strip(" .;,")]
