"""The UK OFSI Consolidated List of financial sanctions targets: ``ConList.csv`` and its xlsx.

HM Treasury's Office of Financial Sanctions Implementation (OFSI) publishes
one row per name variant (and per address, date of birth and regime: the rows
are a cross product); rows sharing a ``Group ID`` are one listing. Each group
becomes one entity (``uk-{Group ID}``: a :class:`~sanctionkit.Person` for
"Individual", an :class:`~sanctionkit.Organization` for "Entity", a
:class:`~sanctionkit.Vessel` for "Ship") and one
:class:`~sanctionkit.Designation` by OFSI. The CSV starts with a line
"Last Updated,dd/mm/yyyy" before its header; the workbook has the same two
rows on its one sheet. Columns are found by their header, so files with more
columns (the ship columns OFSI added later in 2022) read too. What becomes
what, and the quirks of real files, are on the documentation page
"UK OFSI Consolidated List".

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
import functools
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
from sanctionkit.formats._text import clean, script
from sanctionkit.formats._xlsx import is_zip, open_workbook, rows
from sanctionkit.identifiers import imo as imo_numbers
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRole,
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
# The columns every ConList has; the others are optional.
_REQUIRED: Final = ("Name 6", "Group Type", "Group ID")
_NAME_PARTS: Final = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
_NAME_COLUMNS: Final = (
    *_NAME_PARTS,
    "Title",
    "Name Non-Latin Script",
    "Non-Latin Script Type",
    "Non-Latin Script Language",
    "Alias Type",
    "Alias Quality",
)
_ADDRESS_COLUMNS: Final = (
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Address 5",
    "Address 6",
    "Post/Zip Code",
    "Country",
)
_DESIGNATED: Final = "UK Sanctions List Date Designated"
_REGIME_COLUMNS: Final = ("Regime", "Listed On", _DESIGNATED)
# Columns that hold one value per group (when a group's rows disagree, every value is kept).
_GROUP_COLUMNS: Final = (
    "DOB",
    "Town of Birth",
    "Country of Birth",
    "Nationality",
    "Passport Number",
    "Passport Details",
    "National Identification Number",
    "National Identification Details",
    "Position",
    "Other Information",
    "Group Type",
    "Last Updated",
    "UK Sanctions List Ref",
    "UN Ref",
    # The ship columns of the later 2022 layout; older files put these in Other Information.
    "IMO number",
    "Current owner/operator(s)",
    "Previous owner/operator(s)",
    "Current believed flag of ship",
    "Previous flags",
    "Type of ship",
    "Tonnage of ship",
    "Length of ship",
    "Year Built",
    "Hull identification number (HIN)",
)
# "(Label):value" in Other Information -> the column that says the same in later files.
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
_CLASSES: Final[dict[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "ship": Vessel,
}
# Alias Type -> its quality; "Alias Quality" ("Good quality", "Low quality") refines it.
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
_DAY_MONTH_YEAR: Final = re.compile(r"(\d\d)/(\d\d)/(\d{4})")
# Texts the list writes where it means "no value".
_BLANKS: Final = frozenset({"", "-", "n/a", "na", "none", "unknown"})


def _key(column: str) -> str:
    """A header cell compared without case and spaces: "Year built" is "Year Built"."""
    return "".join(column.split()).lower()


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
    if not lines:
        return False
    try:
        header = next(csv.reader(lines[:1]))
    except csv.Error:
        return False
    return _has_header(header)


def _has_header(cells: Iterable[object]) -> bool:
    keys = {_key(str(cell)) for cell in cells if cell is not None}
    return all(_key(column) in keys for column in _REQUIRED)


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
    if is_zip(read_head(source)):
        workbook = open_workbook(source, name)
        try:
            sheet = _data_sheet(workbook, name)
            if sheet is None:
                return _read_rows(iter(()), name, strict, "xlsx")
            cells = (
                [value if type(value) is str else _cell(value) for value in values]
                for _, values in rows(sheet, name)
            )
            return _read_rows(cells, name, strict, "xlsx")
        finally:
            workbook.close()
    with open_source(source) as stream:
        return _read_csv(stream, name, strict)


def _read_csv(stream: IO[bytes], name: str, strict: bool) -> Dataset:
    cells = _csv_rows(stream)
    try:
        return _read_rows(cells, name, strict, "csv")
    finally:
        cells.close()  # detach from the stream now, also when a strict read raises


def _csv_rows(stream: IO[bytes]) -> Generator[list[str], None, None]:
    """The CSV's rows, streamed: UTF-8, with any byte that is not read as Windows-1252.

    A row the csv module refuses (a field over :func:`csv.field_size_limit`,
    128 KiB unless changed, far above any real field; a NUL byte before
    Python 3.11) comes as a :class:`_BrokenRow`, and reading goes on at the
    next line. So does a last row that the end of the file cuts short (a
    quoted field left open, a last line without its line ending, which OFSI
    always writes): its cells would be what precedes the cut, a Group ID
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
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@attrs.define
class _Group:
    """Everything the rows of one Group ID say, each distinct value once, in file order."""

    first_row: int
    rows: int = 0
    names: dict[tuple[str, ...], None] = attrs.Factory(dict)
    addresses: dict[tuple[str, ...], None] = attrs.Factory(dict)
    regimes: dict[tuple[str, ...], None] = attrs.Factory(dict)
    # The distinct rows of the _GROUP_COLUMNS: most groups' rows repeat one.
    facts: dict[tuple[str, ...], None] = attrs.Factory(dict)
    values: dict[str, list[str]] = attrs.Factory(dict)

    def spread(self) -> None:
        """Each group column's distinct values, in file order, from the distinct rows."""
        seen: dict[str, dict[str, None]] = {}
        for facts in self.facts:
            for column, value in zip(_GROUP_COLUMNS, facts, strict=True):
                if value:
                    seen.setdefault(column, {})[value] = None
        self.values = {column: list(values) for column, values in seen.items()}

    def first(self, column: str) -> str:
        values = self.values.get(column)
        return values[0] if values else ""

    def all(self, column: str) -> Sequence[str]:
        return self.values.get(column, ())


class _Cleaned(dict[str, str]):
    """Each distinct cell text of a file, cleaned once: the rows of a group repeat most cells."""

    def __missing__(self, text: str) -> str:
        self[text] = found = clean(text)
        return found


_Pick = Callable[[Sequence[str]], tuple[str, ...]]


@attrs.frozen
class _Layout:
    """Where the columns the reader uses sit in a row, found once from the header.

    A column the file lacks reads the empty cell that :meth:`cells` puts last.
    """

    width: int
    group_id: int
    names: _Pick
    addresses: _Pick
    regimes: _Pick
    facts: _Pick

    @classmethod
    def of(cls, header: dict[str, int]) -> _Layout:
        def pick(columns: Sequence[str]) -> _Pick:
            picker: _Pick = operator.itemgetter(*(header.get(_key(c), -1) for c in columns))
            return picker

        return cls(
            width=max(header.values(), default=-1) + 1,
            group_id=header.get(_key("Group ID"), -1),
            names=pick(_NAME_COLUMNS),
            addresses=pick(_ADDRESS_COLUMNS),
            regimes=pick(_REGIME_COLUMNS),
            facts=pick(_GROUP_COLUMNS),
        )

    def cells(self, cleaned: list[str]) -> list[str]:
        """A cleaned row padded to the header's width, then the empty cell of missing columns."""
        if len(cleaned) < self.width:
            cleaned.extend([""] * (self.width - len(cleaned)))
        cleaned.append("")
        return cleaned


def _read_rows(cells: Iterator[Sequence[str]], name: str, strict: bool, container: str) -> Dataset:
    reading = Reading(file=name, strict=strict)
    cleaned = _Cleaned()
    layout: _Layout | None = None
    groups: dict[str, _Group] = {}
    rows_read = rows_rejected = 0
    last_updated: PartialDate | None = None
    for number, row in enumerate(cells, start=1):
        if isinstance(row, _BrokenRow):
            rows_read += 1
            rows_rejected += 1
            reading.problem(row.message, record=f"line {row.line}", code=row.code)
            continue
        if layout is None:
            first = clean(row[0]) if row else ""
            if first.lower() == "last updated" and len(row) > 1:
                last_updated = reading.single_date(
                    clean(row[1]), record=None, field="Last Updated", parse=_parse_uk_date
                )
            else:
                layout = _header(reading, row, number)
            continue
        values = [cleaned[cell] for cell in row]
        if not any(values):
            continue  # a blank line is no row
        rows_read += 1
        if not _add_row(reading, groups, row, layout.cells(values), layout, number):
            rows_rejected += 1
    cleaned.clear()  # the raw texts: not kept while the entities are built
    if layout is None:
        reading.problem("no ConList header row (Name 6 ... Group Type ... Group ID) found")
    source = Source(
        url=_URL,
        publisher=uk_ofsi().name,
        title=f"{LIST_NAME} ({_file_name(name, container)})",
        published=last_updated,
    )
    rows_rejected += _build(reading, source, groups)
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME, "file_type": container}
    if last_updated is not None:
        metadata["publish_date"] = last_updated.isoformat()
    metadata["rows_read"] = rows_read
    metadata["rows_used"] = rows_read - rows_rejected
    metadata["rows_rejected"] = rows_rejected
    return reading.dataset(metadata)


def _build(reading: Reading, source: Source, groups: dict[str, _Group]) -> int:
    """Keep each group's entity and designation; the rows of the groups not kept."""
    builder = _Builder(reading, source, set(groups))
    rows_rejected = 0
    for group_id, group in groups.items():
        reading.read += 1
        group.spread()
        if not builder.build(group_id, group):
            rows_rejected += group.rows
    return rows_rejected


def _header(reading: Reading, row: Sequence[str], number: int) -> _Layout | None:
    """The header's layout, when the row is the header; a problem for other text."""
    if _has_header(row):
        return _Layout.of({_key(cell): index for index, cell in enumerate(row) if clean(cell)})
    if any(clean(cell) for cell in row):
        reading.problem(
            "a line before the header that is not 'Last Updated'",
            record=f"row {number}",
            value=",".join(row),
        )
    return None


def _add_row(
    reading: Reading,
    groups: dict[str, _Group],
    row: Sequence[str],
    cells: list[str],
    layout: _Layout,
    number: int,
) -> bool:
    """Add a row's cleaned cells to its group; False (a problem) for a row without a Group ID."""
    group_id = cells[layout.group_id]
    if not group_id:
        reading.problem(
            "row without a Group ID; not read", record=f"row {number}", value=",".join(row)
        )
        return False
    group = groups.get(group_id)
    if group is None:
        group = groups[group_id] = _Group(first_row=number)
    group.rows += 1
    group.names[layout.names(cells)] = None
    address = layout.addresses(cells)
    if any(address):
        group.addresses[address] = None
    group.regimes[layout.regimes(cells)] = None
    group.facts[layout.facts(cells)] = None
    return True


def _file_name(name: str, container: str) -> str:
    if name and not name.startswith("<"):
        return Path(name).name
    return f"ConList.{container}"


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


def _labelled(text: str) -> tuple[dict[str, str], list[str]]:
    """Other Information's "(Label):value" parts by label, and what is not one of ours.

    The free text after the list references ("(UN Ref):CFi.009 Kony is ...")
    and any label we have no field for come back as notes, as written.
    """
    found: dict[str, str] = {}
    notes: list[str] = []
    matches = [m for m in _LABEL.finditer(text) if m.group(1).strip().lower() in _KNOWN_LABELS]
    if not matches:
        return found, [text] if text else []
    lead = text[: matches[0].start()].strip()
    if lead:
        notes.append(lead)
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


# Labels of Other Information read into fields, besides those in _LABELS.
_KNOWN_LABELS: Final = frozenset(
    {
        *_LABELS,
        "uk statement of reasons",
        "gender",
        "type of entity",
        "business reg no",
        "phone number",
        "email address",
        "website",
        "fax",
        "tel",
        "parent company",
        "subsidiaries",
    }
)
_NOTE_LABELS: Final = (
    ("phone number", "Phone number"),
    ("tel", "Phone number"),
    ("fax", "Fax"),
    ("email address", "Email address"),
    ("website", "Website"),
    ("parent company", "Parent company"),
    ("subsidiaries", "Subsidiaries"),
)


@attrs.define
class _Builder:
    """Turns groups into entities and designations, sharing the values groups have in common."""

    reading: Reading
    source: Source
    group_ids: set[str]

    def build(self, group_id: str, group: _Group) -> bool:
        """Keep the group's entity and designation; False when it cannot be kept."""
        reading = self.reading
        label = group_id
        name, aliases, titles = self._names(group, label)
        if name is None:
            reading.reject("group without a name", record=label)
            return False
        draft = EntityDraft(label, id=f"uk-{group_id}", name=name, sources=(self.source,))
        draft.aliases = aliases
        draft.kind = self._class(group, label)
        facts, reasons = self._facts(group, draft, titles)
        references = self._identifiers(group, facts, draft)
        self._countries(group, draft)
        # A person's titles ("Maulavi", "General", "(1) Mullah (2) Haji") are positions, as
        # the UN list's TITLE (where most of them come from) and Canada's Title are.
        positions: list[str] = []
        for text in [*(titles if draft.kind is Person else ()), *group.all("Position")]:
            for item in _numbered(text):
                if item not in positions:
                    positions.append(item)
        listed, programmes = self._regimes(group, label, draft.notes)
        for updated in group.all("Last Updated"):
            draft.note(f"Last updated on the list: {updated}")
        self._class_fields(group, facts, draft, positions)
        entity = draft.build(reading)
        if entity is None:
            return False
        designation = Designation(
            entity_id=f"uk-{group_id}",
            authority=uk_ofsi(),
            authority_ref=references[0] if references else group_id,
            listed=listed,
            programmes=programmes,
            measures=[Measure.ASSET_FREEZE],
            reasons=reasons,
            sources=(self.source,),
        )
        reading.keep(entity, designation)
        return True

    def _class(self, group: _Group, label: str) -> type[Entity]:
        group_type = group.first("Group Type")
        cls = _CLASSES.get(group_type.lower())
        if cls is None:
            self.reading.problem(
                "unknown Group Type; read as an entity",
                record=label,
                field="Group Type",
                value=group_type,
            )
            cls = Organization
        for extra in group.all("Group Type")[1:]:
            self.reading.problem(
                "rows of one group disagree on Group Type; the first is used",
                record=label,
                field="Group Type",
                value=extra,
            )
        return cls

    def _facts(
        self, group: _Group, draft: EntityDraft, titles: list[str]
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
                facts[column] = value  # a column wins over Other Information
        for key, said in _NOTE_LABELS:
            if facts.get(key):
                notes.append(f"{said}: {facts[key]}")
        return facts, reasons

    def _identifiers(self, group: _Group, facts: dict[str, str], draft: EntityDraft) -> list[str]:
        """The group's identifiers; its UK Sanctions List references."""
        identifiers = draft.identifiers
        identifiers.append(Identifier(scheme="uk_group_id", value=draft.label))
        references = re.findall(_REFERENCE, facts.get("UK Sanctions List Ref", ""))
        identifiers.extend(Identifier(scheme="uk_sanctions_list_ref", value=r) for r in references)
        if facts.get("UN Ref"):
            # One cell may cite two ("QDi.042 and SOi.002"): one identifier each.
            cited = _UN_REFERENCE.findall(facts["UN Ref"]) or [facts["UN Ref"]]
            identifiers.extend(Identifier(scheme="un_reference", value=ref) for ref in cited)
        if facts.get("business reg no"):
            scheme = scheme_for("uk", "business reg no")
            identifiers.append(Identifier(scheme=scheme, value=facts["business reg no"]))
        identifiers.extend(
            self._documents(
                group, "Passport Number", "Passport Details", scheme_for("uk", "Passport Number")
            )
        )
        identifiers.extend(
            self._documents(
                group,
                "National Identification Number",
                "National Identification Details",
                scheme_for("uk", "National Identification Number"),
            )
        )
        return references

    def _countries(self, group: _Group, draft: EntityDraft) -> None:
        """Nationalities (a note when unread), addresses, and the countries of addresses."""
        label = draft.label
        for text in group.all("Nationality"):
            for item in _numbered(text):
                role = self._role(item, CountryRoleKind.NATIONALITY, label, "Nationality")
                if role is None:
                    draft.note(f"Nationality: {item}")
                else:
                    draft.role(role)
        draft.addresses = [
            address
            for parts in group.addresses
            if (address := self._address(parts, label)) is not None
        ]
        for address in draft.addresses:
            if address.country is not None:
                role = self._role(address.country, CountryRoleKind.LOCATION, label, "Country")
                if role is not None:
                    draft.role(role)

    def _class_fields(
        self, group: _Group, facts: dict[str, str], draft: EntityDraft, positions: list[str]
    ) -> None:
        """What only the draft's class has: a person's, a ship's or an organisation's."""
        label = draft.label
        if draft.kind is Person:
            for text in group.all("DOB"):
                born = self._date(text, label, "DOB")
                if born is not None:
                    draft.birth_date(born)
            draft.birth_places = self._birth_places(group, label)
            draft.gender = self._gender(facts.get("gender"), label)
            draft.positions = positions
            return
        self._person_fields_as_notes(group, facts, draft.notes, positions)
        if draft.kind is Vessel:
            self._vessel(draft, facts)
        else:
            draft.identifiers.extend(self._imo_companies(draft.notes, label))
            draft.extra["kind"] = facts.get("type of entity") or None

    def _names(self, group: _Group, label: str) -> tuple[str | None, list[Alias], list[str]]:
        """The primary name, the aliases and the titles of a group's name rows."""
        primary: list[str] = []
        aliases: list[Alias] = []
        titles: list[str] = []
        fallback: list[str] = []
        for row in group.names:
            parts = row[: len(_NAME_PARTS)]
            # Name 6 is the surname (or an entity's whole name): it comes last.
            whole = " ".join(part for part in parts if part)
            title, original, script_type, language, alias_type, quality_text = row[
                len(_NAME_PARTS) :
            ]
            if title and title not in titles:
                titles.append(title)
            if original:
                found_script = script(original) or _SCRIPTS.get(script_type.lower())
                alias = Alias(name=original, script=found_script, language=_language(language))
                if alias not in aliases:
                    aliases.append(alias)
            if not whole:
                continue
            kind = alias_type.lower()
            if kind == _PRIMARY:
                if whole not in primary:
                    primary.append(whole)
                continue
            fallback.append(whole)
            alias = Alias(name=whole, quality=self._quality(alias_type, quality_text, label))
            if alias not in aliases:
                aliases.append(alias)
        return self._primary(primary, fallback, aliases, label), aliases, titles

    def _quality(self, alias_type: str, quality_text: str, label: str) -> AliasQuality:
        """An alias's quality: by its Alias Type, refined by its Alias Quality."""
        quality = _ALIAS_TYPES.get(alias_type.lower())
        if quality is None:
            quality = AliasQuality.STRONG
            if alias_type:
                self.reading.problem(
                    "unknown Alias Type; kept as a strong alias",
                    record=label,
                    field="Alias Type",
                    value=alias_type,
                )
        if quality is AliasQuality.STRONG and quality_text:
            found = _ALIAS_QUALITIES.get(quality_text.lower())
            if found is None:
                self.reading.problem(
                    "unknown Alias Quality",
                    record=label,
                    field="Alias Quality",
                    value=quality_text,
                )
            else:
                quality = found
        return quality

    def _primary(
        self, primary: list[str], fallback: list[str], aliases: list[Alias], label: str
    ) -> str | None:
        """The name: the first Primary name row's, else the first other name's (a problem).

        The other Primary names become aliases, and the name leaves the aliases
        (but for its spelling in another script), in place.
        """
        if primary:
            name = primary[0]
            if len(primary) > 1:
                self.reading.problem(
                    "several Primary name rows; the first is the name, the others strong aliases",
                    record=label,
                    field="Alias Type",
                    value=" | ".join(primary),
                )
                aliases[0:0] = [Alias(name=other) for other in primary[1:]]
        elif fallback:
            name = fallback[0]
            self.reading.problem(
                "no Primary name row; the first other name stands in",
                record=label,
                field="Alias Type",
                value=name,
            )
        else:
            return None
        aliases[:] = [alias for alias in aliases if alias.name != name or alias.script]
        return name

    def _documents(
        self, group: _Group, number_column: str, details_column: str, scheme: str
    ) -> list[Identifier]:
        """Numbered numbers paired with their numbered details: "(1) A1 (2) B2"."""
        found: list[Identifier] = []
        numbers = [item for text in group.all(number_column) for item in _numbered(text)]
        details = [item for text in group.all(details_column) for item in _numbered(text)]
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

    def _role(
        self, country: str | Country, role: CountryRoleKind, label: str, field: str
    ) -> CountryRole | None:
        if isinstance(country, str):
            if country.lower() in _BLANKS:
                return None
            parsed = self.reading.country(country, record=label, field=field)
            if parsed is None:
                return None
            country = parsed
        return self.reading.intern(CountryRole(country=country, role=role))

    def _address(self, parts: tuple[str, ...], label: str) -> Address | None:
        *lines, country_text = parts
        full = ", ".join(part for part in (*lines, country_text) if part)
        if not full:
            return None
        country = (
            self.reading.country(country_text, record=label, field="Country")
            if country_text.lower() not in _BLANKS
            else None
        )
        return self.reading.intern(Address(full=full, country=country))

    def _birth_places(self, group: _Group, label: str) -> list[Address]:
        towns = [item for text in group.all("Town of Birth") for item in _numbered(text)]
        countries = [item for text in group.all("Country of Birth") for item in _numbered(text)]
        if len(towns) != len(countries):
            # Cannot pair them: each town alone, each country alone.
            pairs = [(town, "") for town in towns] + [("", country) for country in countries]
        else:
            pairs = list(zip(towns, countries, strict=True))
        places: list[Address] = []
        for town, country_text in pairs:
            full = ", ".join(part for part in (town, country_text) if part)
            if not full:
                continue
            country = (
                self.reading.country(country_text, record=label, field="Country of Birth")
                if country_text.lower() not in _BLANKS
                else None
            )
            place = self.reading.intern(Address(full=full, city=town or None, country=country))
            if place not in places:
                places.append(place)
        return places

    def _date(self, text: str, label: str, field: str) -> PartialDate | None:
        """A dd/mm/yyyy date ("00/00/1958" is the year 1958), or None with a problem."""
        return self.reading.single_date(text, record=label, field=field, parse=_parse_uk_date)

    def _regimes(
        self, group: _Group, label: str, notes: list[str]
    ) -> tuple[PartialDate | None, list[str]]:
        """The programmes and the earliest Listed On; each regime's dates noted when several."""
        programmes: list[str] = []
        listed: PartialDate | None = None
        several = len(group.regimes) > 1
        for regime, listed_on, designated in group.regimes:
            if regime and regime not in programmes:
                programmes.append(self.reading.intern(regime))
            date = self._date(listed_on, label, "Listed On") if listed_on else None
            if date is not None and (listed is None or date.earliest() < listed.earliest()):
                listed = date
            # The date of designation under the UK's own regulations (31/12/2020 for those
            # carried over from EU and UN regimes): the Designation has one date, "Listed On",
            # the first listing; this one stays a note, read and written as an ISO date.
            uk_date = self._date(designated, label, _DESIGNATED) if designated else None
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

    def _gender(self, text: str | None, label: str) -> Gender | None:
        if not text:
            return None
        gender = _GENDERS.get(text.strip(" .").lower())
        if gender is None:
            self.reading.problem("unknown gender", record=label, field="Gender", value=text)
        return gender

    def _person_fields_as_notes(
        self, group: _Group, facts: dict[str, str], notes: list[str], positions: list[str]
    ) -> None:
        """What only persons have a field for, kept as notes on an organisation or ship."""
        for column in ("DOB", "Town of Birth", "Country of Birth"):
            notes.extend(f"{column}: {text}" for text in group.all(column))
        notes.extend(f"Position: {position}" for position in positions)
        if facts.get("gender"):
            notes.append(f"Gender: {facts['gender']}")

    def _imo_companies(self, notes: list[str], label: str) -> list[Identifier]:
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
                    self.reading.problem(
                        "a ship's IMO number in an organisation's text is not read: "
                        "an organisation has no field for its vessels (it stays in the note)",
                        record=label,
                        field="Other Information/IMO number",
                        value=text,
                        code="unread-value",
                    )
                    continue
                number = self.reading.value(
                    _company_number,
                    text,
                    record=label,
                    field="Other Information/IMO number",
                    code="invalid-imo",
                )
                if number is None:
                    continue
                identifier = Identifier(
                    scheme="imo_company", value=number, note="Other Information"
                )
                if identifier not in found:
                    found.append(identifier)
            for listed in _OPERATED.findall(note):
                numbers = _SEVEN_DIGITS.findall(listed)
                self.reading.problem(
                    f"the IMO numbers of the {len(numbers)} vessels it operates are not read: "
                    "an organisation has no field for its vessels (they stay in the note)",
                    record=label,
                    field="Other Information/IMO number",
                    value=", ".join(numbers),
                    code="unread-value",
                )
        return found

    def _vessel(self, draft: EntityDraft, facts: dict[str, str]) -> None:
        reading, label, notes = self.reading, draft.label, draft.notes
        imo = reading.imo_number(facts.get("IMO number"), record=label, field="IMO number")
        # Without an "(IMO number):" label or column, the number written in the text.
        for note in notes:
            for text in _IMO_TEXT.findall(note):
                if facts.get("IMO number") is None and imo is None:
                    field = "Other Information/IMO number"
                    imo = reading.imo_number(text, record=label, field=field)
                elif text != imo:
                    reading.problem(
                        "a second IMO number in Other Information; the ship has one",
                        record=label,
                        field="Other Information/IMO number",
                        value=text,
                        code="unread-value",
                    )
        flag_text = facts.get("Current believed flag of ship")
        flag = reading.country(flag_text, record=label, field="Flag of ship")
        past_flags: list[Country] = []
        for item in re.split(r"[.,;/]|\(\d+\)", facts.get("Previous flags", "")):
            if item.strip():
                country = reading.country(item, record=label, field="Previous flags")
                if country is not None and country not in past_flags:
                    past_flags.append(country)
        for column in ("Current owner/operator(s)", "Previous owner/operator(s)"):
            if facts.get(column):
                said = "Current owners" if column.startswith("Current") else "Previous owners"
                notes.append(f"{said}: {facts[column]}")
        owner_id = self._owner(notes)
        for column in ("Length of ship", "Hull identification number (HIN)"):
            if facts.get(column):
                notes.append(f"{column}: {facts[column]}")
        draft.extra.update(
            imo=imo,
            flag=flag,
            past_flags=past_flags,
            vessel_type=facts.get("Type of ship") or None,
            tonnage=_whole(reading, facts.get("Tonnage of ship"), label, "Tonnage of ship"),
            build_year=_whole(reading, facts.get("Year Built"), label, "Year built"),
            owner_id=owner_id,
        )

    def _owner(self, notes: list[str]) -> str | None:
        """ "Listed as asset of Korea Samjong Shipping (OFSI ID: 13635, ...)": the owner's id."""
        for note in notes:
            match = _ASSET_OF.search(note)
            if match and match.group(1) in self.group_ids:
                return f"uk-{match.group(1)}"
        return None


def _company_number(text: str) -> str:
    return imo_numbers.validate(text, kind="company")


def _whole(reading: Reading, text: str | None, label: str, field: str) -> int | None:
    def parse(value: str) -> int:
        digits = value.replace(",", "").strip()
        if not digits.isdigit():
            raise ValueError(f"not a whole number: {value!r}")
        return int(digits)

    return reading.value(parse, text, record=label, field=field)


@functools.lru_cache(maxsize=64)
def _language(text: str) -> str | None:
    """The ISO 639-1 code of a language's English name ("Bosnian" -> "bs"), where it has one."""
    if not text:
        return None
    import pycountry

    try:
        language = pycountry.languages.lookup(text)
    except LookupError:
        return None
    code = getattr(language, "alpha_2", None)
    return str(code) if code else None
