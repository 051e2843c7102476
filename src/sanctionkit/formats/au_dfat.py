"""Australia's Consolidated List (DFAT), as its workbook (format ``au-dfat-xlsx``).

One sheet, "Consolidated List", one row per name: the rows of one listing share its
reference number ("101" for the primary name, "101a", "101b" ... for its other names),
each repeating the listing's details. The three layouts DFAT has used (the .xlsx since
November 2025, the 12-column .xlsx before it, the 2009 .xls) are read alike, their columns
found by their header text. Every listing becomes a :class:`~sanctionkit.Person`, an
:class:`~sanctionkit.Organization` or a :class:`~sanctionkit.Vessel` with one
:class:`~sanctionkit.Designation` by DFAT. The layouts, what becomes what and the quirks of
the real files are on the documentation page "Australia DFAT Consolidated List".
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

import attrs

from sanctionkit.formats._authorities import australia_dfat
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._reading import Reading, named_country
from sanctionkit.formats._text import clean, header_key, script
from sanctionkit.formats._xlsx import cell_date, cell_text, open_workbook, rows
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Identifier,
    LegalBasis,
    LegalBasisKind,
    Measure,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["FORMAT", "LIST_NAME", "read", "recognises", "sniff"]

#: The format's name in :data:`sanctionkit.formats.WORKBOOK_READERS` and in the metadata.
FORMAT: Final = "au-dfat-xlsx"
#: The list's name in the dataset's metadata.
LIST_NAME: Final = "Australian Sanctions Consolidated List"
_URL = "https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list"

# The columns the reader knows, named as the 2026 file writes their headers (and as
# problems name them); a file's headers are matched by header_key ("Name Type " too).
_REFERENCE, _NAME = "Reference", "Name of Individual or Entity"
_TYPE, _NAME_TYPE, _STRENGTH = "Type", "Name Type", "Alias Strength"
_IMO, _COMMITTEES, _CONTROL = "IMO Number", "Committees", "Control Date"
_INSTRUMENT = "Instrument of Designation"
# Columns of details, each read by its function in _DETAIL_READERS (below).
_DETAILS = ("Date of Birth", "Place of Birth", "Citizenship", "Address")
# Columns that are notes, as written.
_NOTES = {"Additional Information": "{}", "Listing Information": "Listing information: {}"}
#: The sanction-type flags of the layout since November 2025, and the measure each means.
_FLAGS: Final = {
    "Targeted Financial Sanction": Measure.ASSET_FREEZE,
    "Travel Ban": Measure.TRAVEL_BAN,
    "Arms Embargo": Measure.ARMS_EMBARGO,
    # A vessel DFAT may direct away from, or refuse entry to, Australian ports.
    "Maritime Restriction": Measure.PORT_ENTRY_BAN,
}
_COLUMNS: Final = {
    header_key(header): header
    for header in (
        *(_REFERENCE, _NAME, _TYPE, _NAME_TYPE, _STRENGTH, *_DETAILS, *_NOTES, _IMO),
        *(_COMMITTEES, _CONTROL, _INSTRUMENT, *_FLAGS),
    )
}
_REQUIRED: Final = frozenset(map(header_key, (_REFERENCE, _NAME, _TYPE, _NAME_TYPE)))
# Type and Name Type, compared by header_key.
_KINDS: Final[dict[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "vessel": Vessel,
    "ngo": Organization,
}
_PRIMARY = "primaryname"
# Name Type (but Primary Name) → the alias's quality, unless Alias Strength gives it.
_ALIAS_TYPES: Final = {
    "originalscript": AliasQuality.STRONG,
    "alias": AliasQuality.STRONG,
    "aka": AliasQuality.STRONG,
    "fka": AliasQuality.FORMER,
    "formerlyknownas": AliasQuality.FORMER,
    "previouslylistedas": AliasQuality.FORMER,
}
_STRENGTHS: Final = {"strong": AliasQuality.STRONG, "weak": AliasQuality.WEAK}
# Texts the list writes where it means "not available".
_BLANKS: Final = frozenset({"na", "n/a", "n.a.", "not available"})
# "101", "101a", and in the 2024 file "34c1" (a name under the alias 34c).
_REFERENCE_PATTERN = re.compile(r"(\d+)\s*([a-z]*\d*)", re.IGNORECASE)
# "a) 1960 b) 1961", "1960; 1961", "1960, 1961", "1937 >> 1938", "1941 or 1945", line breaks.
_MARKER = re.compile(r"(?:^|\s)[a-z]\)\s*")
_ALTERNATIVES = re.compile(r"\s*(?:;|,|>>|\bor\b|\n)\s*|(?<=\d)\s+(?=\d{1,2}/\d)")
_COMMITTEE_NUMBERS = re.compile(r"^\d{3,4}(?:/\d{3,4})*\b")  # "1267/1989/2253 (ISIL ...)"
_AUTONOMOUS = LegalBasis(
    kind=LegalBasisKind.NATIONAL_ACT, title="Autonomous Sanctions Act 2011", year=2011
)
_DATE_PARSE = functools.partial(parse_date, dayfirst=True)  # dd/mm/yyyy, as Australia writes


def sniff(head: bytes) -> bool:
    """False: a workbook's first bytes say only "zip" or "OLE2"; see :func:`recognises`.

    >>> sniff(b"PK\\x03\\x04")
    False
    """
    return False


def recognises(workbook: Any) -> bool:
    """Whether an open workbook is the DFAT list: a sheet whose first row has its header."""
    return any(_has_header(sheet) for sheet in workbook.worksheets[:3])


def _has_header(sheet: Any) -> bool:
    return any(_is_header(values) for values in sheet.iter_rows(max_row=3, values_only=True))


def _is_header(values: Iterable[object]) -> bool:
    return {header_key(value) for value in values} >= _REQUIRED


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the DFAT Consolidated List (any of its three layouts, .xlsx or .xls).

    In lenient mode (the default) a bad value is left out and reported in
    ``dataset.problems``; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. The metadata holds the format, the list,
    the columns and file type, the latest control date and the counts of
    listings (records) and rows.
    """
    reading = Reading(file=name, strict=strict)
    title = f"{LIST_NAME} ({reading.file_name('the workbook')})"
    listing = _Listing(reading, Source(url=_URL, publisher=australia_dfat().name, title=title))
    workbook = open_workbook(source, name)
    try:
        sheet = next((sheet for sheet in workbook.worksheets if _has_header(sheet)), None)
        if sheet is None:
            reading.problem("no sheet with the list's header (Reference, Name Type ...) found")
        else:
            listing.read_rows(rows(sheet, name))
    finally:
        workbook.close()
    metadata: dict[str, str | int] = {
        "format": FORMAT,
        "list": LIST_NAME,
        "file_type": "xls" if workbook.xls else "xlsx",
        "columns": len(listing.columns),
        "rows_read": listing.rows_read,
        "rows_used": listing.rows_read - listing.rows_rejected,
        "rows_rejected": listing.rows_rejected,
    }
    if listing.latest is not None:
        metadata["latest_control_date"] = listing.latest.isoformat()
    return reading.dataset(metadata)


@attrs.define
class _Row:
    number: int
    suffix: str  # the reference's letters: "" for the primary name's row
    cells: dict[str, object]  # column (as _COLUMNS names it, "?Header" if unknown) → value


@attrs.define
class _Listing:
    """Groups the rows by reference number, then turns each group into one listing."""

    reading: Reading
    source: Source
    columns: dict[int, str] = attrs.Factory(dict)  # column index → column
    unknown: dict[int, str] = attrs.Factory(dict)  # column index → header as written
    groups: dict[str, list[_Row]] = attrs.Factory(dict)
    rows_read: int = 0
    rows_rejected: int = 0
    latest: PartialDate | None = None

    def read_rows(self, sheet_rows: Iterator[tuple[int, tuple[object, ...]]]) -> None:
        for number, values in sheet_rows:
            if not self.columns:
                if _is_header(values):
                    self._header(values)
                continue
            if not any(clean(cell_text(value)) for value in values):
                continue
            self.rows_read += 1
            self._group(number, values)
        for reference, group in self.groups.items():
            self.reading.read += 1
            if not self._listing(reference, group):
                self.rows_rejected += len(group)

    def _header(self, values: tuple[object, ...]) -> None:
        """Each column's place; a column not in the table a problem, its values notes."""
        for index, value in enumerate(values):
            key = header_key(value)
            if key in _COLUMNS:
                self.columns[index] = _COLUMNS[key]
            elif key:
                self.unknown[index] = clean(str(value))
                self.reading.problem(
                    "column not in the list's layout; its values are kept as notes",
                    field=clean(str(value)),
                )

    def _group(self, number: int, values: tuple[object, ...]) -> None:
        """The row under its reference number; a row without one is rejected."""
        cells = {column: values[i] for i, column in self.columns.items() if i < len(values)}
        for index, header in self.unknown.items():
            if index < len(values) and clean(cell_text(values[index])):
                cells[f"?{header}"] = values[index]
        written = clean(cell_text(cells.get(_REFERENCE)))
        found = _REFERENCE_PATTERN.fullmatch(written)
        if found is None:
            self.rows_rejected += 1
            message = "row without a reference number (101, 101a ...); not read"
            self.reading.problem(message, record=f"row {number}", value=written or None)
            return
        base, suffix = found.group(1), found.group(2).lower()
        self.groups.setdefault(base, []).append(_Row(number, suffix, cells))

    def _listing(self, reference: str, group: list[_Row]) -> bool:
        """One listing from its rows; False (the record rejected) when it has no name."""
        reading = self.reading
        draft = EntityDraft(label=reference, id=f"au-dfat-{reference}", sources=(self.source,))
        primary = self._primary(reference, group)
        draft.kind = self._kind(reference, group, primary)
        for row in group:
            self._name(draft, row, row is primary)
        values = _distinct(group)
        for column, read_text in _DETAIL_READERS.items():
            for text in _texts(values, column):
                read_text(reading, draft, text)
        for column, template in _NOTES.items():
            for text in _texts(values, column):
                draft.note(template.format(text))
        for field, found in values.items():
            if field.startswith("?"):  # a column the reader does not know
                draft.notes.extend(f"{field[1:]}: {clean(cell_text(value))}" for value in found)
        for text in _texts(values, _IMO):
            _imo(reading, draft, text)
        _instrument_dates(reading, draft, values.get(_INSTRUMENT, []))
        for written in values.get(_CONTROL, []):
            self._control_date(draft, written)
        entity = draft.build(reading)
        if entity is None:
            return False
        reading.keep(entity, self._designation(reference, values))
        return True

    def _primary(self, reference: str, group: list[_Row]) -> _Row:
        """The row of the listing's name: the one marked Primary Name, or else the bare number."""
        marked = [row for row in group if header_key(row.cells.get(_NAME_TYPE)) == _PRIMARY]
        bare = next((row for row in group if not row.suffix), None)
        chosen = marked[0] if marked else bare or group[0]
        if not marked:
            name_type = clean(cell_text(chosen.cells.get(_NAME_TYPE)))
            self.reading.problem(
                "no row of this reference is marked Primary Name; the name of "
                f"{reference}{chosen.suffix} is taken as the listing's name",
                record=reference,
                field=_NAME_TYPE,
                value=name_type or None,
            )
        return chosen

    def _kind(self, reference: str, group: list[_Row], primary: _Row) -> type[Entity]:
        """The class by Type: the primary row's, else the first the rows give."""
        written = clean(cell_text(primary.cells.get(_TYPE))) or next(
            (clean(cell_text(row.cells.get(_TYPE))) for row in group if row.cells.get(_TYPE)), ""
        )
        kind = _KINDS.get(header_key(written))
        if kind is None:
            self.reading.problem(
                "unknown Type; read as an entity", record=reference, field=_TYPE, value=written
            )
            return Organization
        return kind

    def _name(self, draft: EntityDraft, row: _Row, primary: bool) -> None:
        """The listing's name from its primary row, an alias from each other row."""
        name = clean(cell_text(row.cells.get(_NAME)))
        label = f"{draft.label}{row.suffix}"
        if not name:
            if primary or row.cells.get(_NAME_TYPE):
                self.reading.problem("row has no name", record=label, field="Name")
            return
        if primary:
            draft.name = name
            return
        name_type = header_key(row.cells.get(_NAME_TYPE))
        quality = _ALIAS_TYPES.get(name_type)
        if quality is None and name_type != _PRIMARY:
            self.reading.problem(
                "unknown Name Type; read as an alias",
                record=label,
                field=_NAME_TYPE,
                value=clean(cell_text(row.cells.get(_NAME_TYPE))),
            )
        if name_type == _PRIMARY:
            self.reading.problem(
                "a second row marked Primary Name; read as an alias", record=label, value=name
            )
        strength = self.reading.choice(
            _STRENGTHS,
            header_key(row.cells.get(_STRENGTH)),
            record=label,
            field=_STRENGTH,
            message="unknown Alias Strength; the alias is read by its Name Type",
            value=clean(cell_text(row.cells.get(_STRENGTH))),
        )
        quality = strength or quality or AliasQuality.STRONG
        draft.alias(Alias(name=name, quality=quality, script=script(name)))

    def _control_date(self, draft: EntityDraft, written: object) -> None:
        """A note "Control date: ...", and the latest control date of the file so far.

        A date cell is its day. DFAT writes numbers in its date columns as years (the
        1,311 numbers in Date of Birth of the 2026 and 2009 files are all 1923 to 1997),
        never as Excel's day numbers: anything but a date is read as text.
        """
        if isinstance(written, datetime.date):
            control = cell_date(written)
        else:
            control = self.reading.single_date(
                clean(cell_text(written)), record=draft.label, field=_CONTROL, parse=_DATE_PARSE
            )
        if control is not None:
            draft.note(f"Control date: {control.isoformat()}", once=True)
            self.latest = max(self.latest or control, control)

    def _designation(self, reference: str, values: dict[str, list[object]]) -> Designation:
        committees = _texts(values, _COMMITTEES)
        measures: list[Measure] = []
        flags: list[str] = []
        for column, measure in _FLAGS.items():
            if column in values:  # the layouts before 2025 have no flags
                flagged = any(v is True or header_key(v) == "true" for v in values[column])
                if flagged:
                    measures.append(measure)
                flags.append(f"{column}: {'yes' if flagged else 'no'}")
        instruments = [
            text
            for value in values.get(_INSTRUMENT, [])
            if not isinstance(value, datetime.date) and (text := clean(cell_text(value), _BLANKS))
        ]
        return Designation(
            entity_id=f"au-dfat-{reference}",
            authority=australia_dfat(),
            authority_ref=reference,
            programmes=self.reading.intern(tuple(committees)),
            measures=measures,
            measure_notes=self.reading.intern(tuple(flags)),
            legal_basis=_legal_basis(committees, instruments),
            sources=(self.source,),
        )


def _distinct(group: list[_Row]) -> dict[str, list[object]]:
    """The values of one listing's rows by column, each distinct value once, in the order met."""
    values: dict[str, list[object]] = {}
    for row in group:
        for column, value in row.cells.items():
            known = values.setdefault(column, [])
            if value is not None and value not in known:
                known.append(value)
    return values


def _texts(values: dict[str, list[object]], column: str) -> list[str]:
    """A column's distinct texts, "na" and the like left out."""
    found: list[str] = []
    for value in values.get(column, []):
        text = clean(cell_text(value), _BLANKS)
        if text and text not in found:
            found.append(text)
    return found


def _birth_dates(reading: Reading, draft: EntityDraft, text: str) -> None:
    """Each date of birth the cell gives; the whole text as a note when one part is unread."""
    found: list[PartialDate | DateRange] = []
    for part in _parts(text, alternatives=True):
        value = reading.date(part, record=draft.label, field="Date of Birth", parse=_DATE_PARSE)
        if value is None:
            found = []
            break
        found.append(value)
    for value in found:
        draft.birth_date(value)
    if not found:
        draft.note(f"Date of birth: {text}")


def _citizenship(reading: Reading, draft: EntityDraft, text: str) -> None:
    """The countries of a Citizenship cell; the text as a note (each bad part a problem) when
    one is unread. "Iran, Islamic Republic of" is one country, "Afghanistan, Pakistan" two."""
    whole = named_country(text)  # a whole cell; else its parts one by one
    countries = [whole] if whole is not None else _countries(reading, draft.label, text)
    if countries is None:
        draft.note(f"Citizenship: {text}")
    for country in countries or ():
        draft.role(reading.country_role(country, CountryRoleKind.CITIZENSHIP))


def _countries(reading: Reading, label: str, text: str) -> list[Country] | None:
    """The countries of the cell's parts; None when one part names none (a problem)."""
    found: list[Country] = []
    for part in _parts(text, alternatives=True):
        country = reading.country(part, record=label, field="Citizenship")
        if country is None:
            return None
        found.append(country)
    return found


def _birth_places(reading: Reading, draft: EntityDraft, text: str) -> None:
    """Places of birth, one per "a) ... b) ..." part, as written."""
    for part in _parts(text):
        draft.birth_place(Address(full=part))


def _addresses(reading: Reading, draft: EntityDraft, text: str) -> None:
    """Addresses, one per "a) ... b) ..." part, as written."""
    for part in _parts(text):
        draft.address(Address(full=part))


# What one distinct text of each column of details puts on the listing's draft.
_DETAIL_READERS: Final[dict[str, Callable[[Reading, EntityDraft, str], None]]] = {
    "Date of Birth": _birth_dates,
    "Place of Birth": _birth_places,
    "Citizenship": _citizenship,
    "Address": _addresses,
}


def _imo(reading: Reading, draft: EntityDraft, text: str) -> None:
    """A vessel's IMO number; on another listing an identifier; if invalid a problem and a note."""
    imo = reading.imo_number(text, record=draft.label, field=_IMO)
    if imo is None:
        draft.note(f"IMO number as listed (not valid): {text}")
    elif draft.kind is Vessel:
        draft.extra["imo"] = imo
    else:
        draft.identifiers.append(Identifier(scheme="imo", value=imo))


def _instrument_dates(reading: Reading, draft: EntityDraft, values: list[object]) -> None:
    """A date in Instrument of Designation (28 rows of the 2026 file): a note and a problem.

    The column holds the title of the instrument that designates the listing; a date
    there is no title, and is kept as written rather than taken for a legal basis.
    """
    for instrument in values:
        if isinstance(instrument, datetime.date):
            text = cell_text(instrument)
            draft.note(f"Instrument of Designation: {text}")
            reading.problem(
                "a date where the instrument's title belongs; kept as a note",
                record=draft.label,
                field=_INSTRUMENT,
                value=text,
            )


def _parts(text: str, *, alternatives: bool = False) -> list[str]:
    """The values of a cell written "a) ... b) ...", and with ``alternatives`` also split
    at ";", ",", ">>", "or" and line breaks. A label before the first ("POB: a) ...", ": a)
    ...") is no value.

    >>> _parts("POB: a) Danda, Pakistan b) Khost province, Afghanistan.")
    ['Danda, Pakistan', 'Khost province, Afghanistan']
    """
    pieces = [piece for piece in _MARKER.split(text) if piece.strip()]
    if alternatives:
        pieces = [part for piece in pieces for part in _ALTERNATIVES.split(piece)]
    cleaned = [clean(piece.strip(" .;,"), _BLANKS) for piece in pieces]
    return [part for part in cleaned if part and not part.endswith(":")]


def _legal_basis(committees: list[str], instruments: list[str]) -> list[LegalBasis]:
    """UN resolutions by the committees' numbers, the Autonomous Sanctions Act, instruments."""
    found: list[LegalBasis] = []
    for committee in committees:
        numbers = _COMMITTEE_NUMBERS.match(committee)
        if numbers is not None:
            bases = [
                LegalBasis(kind=LegalBasisKind.UN_RESOLUTION, number=number)
                for number in numbers.group().split("/")
            ]
        elif committee.lower().startswith("autonomous"):
            bases = [_AUTONOMOUS]
        else:
            continue
        found.extend(basis for basis in bases if basis not in found)
    found.extend(LegalBasis(kind=LegalBasisKind.REGULATION, title=text) for text in instruments)
    return found
