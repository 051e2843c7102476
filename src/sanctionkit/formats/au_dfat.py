"""Australia's Consolidated List (DFAT), as its workbook (format ``au-dfat-xlsx``).

The Department of Foreign Affairs and Trade publishes everyone subject to
Australian sanctions in one sheet, "Consolidated List": one row per name, the
rows of one listing sharing its reference number ("101" for the primary name,
"101a", "101b" ... for its aliases and names in the original script), each
row repeating the listing's details. Three layouts are read alike, their
columns found by their header text:

- since 1 November 2025, 19 columns: Reference, Name of Individual or Entity,
  Type (Individual, Entity, Vessel), Name Type, Alias Strength, Date of Birth,
  Place of Birth, Citizenship, Address, Additional Information, Listing
  Information, IMO Number, Committees, Control Date, Instrument of
  Designation, and the flags Targeted Financial Sanction, Travel Ban, Arms
  Embargo and Maritime Restriction;
- before it, an .xlsx of 12 columns (no alias strength, IMO number,
  instrument or flags; Committees before Control Date);
- the oldest, a 2009 .xls (BIFF) of the same 12 columns, Control Date first.

Every listing becomes a :class:`~sanctionkit.Person`, an
:class:`~sanctionkit.Organization` or a :class:`~sanctionkit.Vessel` with one
:class:`~sanctionkit.Designation` by DFAT; the flags are its measures. "na"
means not available. What becomes what, and the quirks of the real files, are
on the documentation page "Australia DFAT Consolidated List".
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

import attrs

from sanctionkit.formats._authorities import australia_dfat
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._reading import Reading, named_country
from sanctionkit.formats._text import clean, script
from sanctionkit.formats._xlsx import open_workbook, rows
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRole,
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

# The reader's names for the columns, by their header text (compared by _key).
_REFERENCE, _NAME, _TYPE, _NAME_TYPE = "reference", "name", "type", "name_type"
_STRENGTH, _BORN, _BIRTH_PLACE, _CITIZENSHIP = "strength", "born", "birth_place", "citizenship"
_ADDRESS, _ADDITIONAL, _LISTING, _IMO = "address", "additional", "listing", "imo"
_COMMITTEES, _CONTROL, _INSTRUMENT = "committees", "control", "instrument"
_COLUMNS: Final = {
    "reference": _REFERENCE,
    "nameofindividualorentity": _NAME,
    "type": _TYPE,
    "nametype": _NAME_TYPE,
    "aliasstrength": _STRENGTH,
    "dateofbirth": _BORN,
    "placeofbirth": _BIRTH_PLACE,
    "citizenship": _CITIZENSHIP,
    "address": _ADDRESS,
    "additionalinformation": _ADDITIONAL,
    "listinginformation": _LISTING,
    "imonumber": _IMO,
    "committees": _COMMITTEES,
    "controldate": _CONTROL,
    "instrumentofdesignation": _INSTRUMENT,
}
#: The sanction-type flags of the layout since November 2025, and the measure each means.
_FLAGS: Final = {
    "targetedfinancialsanction": ("Targeted Financial Sanction", Measure.ASSET_FREEZE),
    "travelban": ("Travel Ban", Measure.TRAVEL_BAN),
    "armsembargo": ("Arms Embargo", Measure.ARMS_EMBARGO),
    # A vessel DFAT may direct away from, or refuse entry to, Australian ports.
    "maritimerestriction": ("Maritime Restriction", Measure.PORT_ENTRY_BAN),
}
_REQUIRED: Final = frozenset({"reference", "nameofindividualorentity", "type", "nametype"})
_KINDS: Final[dict[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "vessel": Vessel,
    "ngo": Organization,
}
_PRIMARY = "primaryname"
_ORIGINAL = "originalscript"
_ALIAS_TYPES: Final = {
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


def _key(text: object) -> str:
    """A header or a value compared without case and spaces: "Name Type " is "nametype"."""
    return "".join(str(text).split()).lower() if text is not None else ""


def sniff(head: bytes) -> bool:
    """False: a workbook's first bytes say only "zip" or "OLE2"; see :func:`recognises`.

    >>> sniff(b"PK\\x03\\x04")
    False
    """
    return False


def recognises(workbook: Any) -> bool:
    """Whether an open workbook is the DFAT list: a sheet whose first row has its header."""
    return any(_header_row(sheet) is not None for sheet in workbook.worksheets[:3])


def _header_row(sheet: Any) -> tuple[object, ...] | None:
    for values in sheet.iter_rows(max_row=3, values_only=True):
        if {_key(value) for value in values} >= _REQUIRED:
            return tuple(values)
    return None


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the DFAT Consolidated List (any of its three layouts, .xlsx or .xls).

    In lenient mode (the default) a bad value is left out and reported in
    ``dataset.problems``; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. The metadata holds the format, the list,
    the columns and file type, the latest control date and the counts of
    listings (records) and rows.
    """
    reading = Reading(file=name, strict=strict)
    workbook = open_workbook(source, name)
    try:
        sheet = next((s for s in workbook.worksheets if _header_row(s) is not None), None)
        listing = _Listing(reading, _source(name))
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


def _source(name: str) -> Source:
    file = Path(name).name if not name.startswith("<") else "the workbook"
    return Source(url=_URL, publisher=australia_dfat().name, title=f"{LIST_NAME} ({file})")


@attrs.define
class _Row:
    number: int
    suffix: str  # the reference's letters: "" for the primary name's row
    cells: dict[str, object]


@attrs.define
class _Listing:
    """Groups the rows by reference number, then turns each group into one listing."""

    reading: Reading
    source: Source
    columns: dict[int, str] = attrs.Factory(dict)  # column index → field
    unknown: dict[int, str] = attrs.Factory(dict)  # column index → header as written
    groups: dict[str, list[_Row]] = attrs.Factory(dict)
    rows_read: int = 0
    rows_rejected: int = 0
    latest: PartialDate | None = None

    def read_rows(self, sheet_rows: Iterator[tuple[int, tuple[object, ...]]]) -> None:
        for number, values in sheet_rows:
            if not self.columns:
                if {_key(value) for value in values} >= _REQUIRED:
                    self._header(values)
                continue
            if not any(clean(_text(value)) for value in values):
                continue
            self.rows_read += 1
            self._group(number, values)
        for reference, group in self.groups.items():
            self.reading.read += 1
            if not self._listing(reference, group):
                self.rows_rejected += len(group)

    def _header(self, values: tuple[object, ...]) -> None:
        for index, value in enumerate(values):
            key = _key(value)
            if not key:
                continue
            if key in _COLUMNS or key in _FLAGS:
                self.columns[index] = _COLUMNS.get(key, key)
                continue
            self.unknown[index] = clean(str(value))
            self.reading.problem(
                "column not in the list's layout; its values are kept as notes",
                field=clean(str(value)),
            )

    def _group(self, number: int, values: tuple[object, ...]) -> None:
        cells = {field: values[i] for i, field in self.columns.items() if i < len(values)}
        for index, header in self.unknown.items():
            if index < len(values) and clean(_text(values[index])):
                cells[f"?{header}"] = values[index]
        written = clean(_text(cells.get(_REFERENCE)))
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
        details = _Details.of(group)
        self._details(draft, details)
        entity = draft.build(reading)
        if entity is None:
            return False
        reading.keep(entity, self._designation(reference, details))
        return True

    def _primary(self, reference: str, group: list[_Row]) -> _Row:
        """The row of the listing's name: the one marked Primary Name, or else the bare number."""
        marked = [row for row in group if _key(row.cells.get(_NAME_TYPE)) == _PRIMARY]
        bare = next((row for row in group if not row.suffix), None)
        chosen = marked[0] if marked else bare or group[0]
        if not marked:
            name_type = clean(_text(chosen.cells.get(_NAME_TYPE)))
            self.reading.problem(
                "no row of this reference is marked Primary Name; the name of "
                f"{reference}{chosen.suffix} is taken as the listing's name",
                record=reference,
                field="Name Type",
                value=name_type or None,
            )
        return chosen

    def _kind(self, reference: str, group: list[_Row], primary: _Row) -> type[Entity]:
        written = clean(_text(primary.cells.get(_TYPE))) or next(
            (clean(_text(row.cells.get(_TYPE))) for row in group if row.cells.get(_TYPE)), ""
        )
        kind = _KINDS.get(_key(written))
        if kind is None:
            self.reading.problem(
                "unknown Type; read as an entity", record=reference, field="Type", value=written
            )
            return Organization
        return kind

    def _name(self, draft: EntityDraft, row: _Row, primary: bool) -> None:
        name = clean(_text(row.cells.get(_NAME)))
        label = f"{draft.label}{row.suffix}"
        if not name:
            if primary or row.cells.get(_NAME_TYPE):
                self.reading.problem("row has no name", record=label, field="Name")
            return
        if primary:
            draft.name = name
            return
        name_type = _key(row.cells.get(_NAME_TYPE))
        quality = _ALIAS_TYPES.get(name_type)
        if quality is None and name_type not in (_ORIGINAL, _PRIMARY):
            self.reading.problem(
                "unknown Name Type; read as an alias",
                record=label,
                field="Name Type",
                value=clean(_text(row.cells.get(_NAME_TYPE))),
            )
        if name_type == _PRIMARY:
            self.reading.problem(
                "a second row marked Primary Name; read as an alias", record=label, value=name
            )
        strength = _key(row.cells.get(_STRENGTH))
        quality = _STRENGTHS.get(strength) or quality or AliasQuality.STRONG
        draft.alias(Alias(name=name, quality=quality, script=script(name)))

    def _details(self, draft: EntityDraft, details: _Details) -> None:
        """Dates and places of birth, citizenships, addresses; then the notes."""
        label = draft.label
        for text in details.texts(_BORN):
            born = self._birth_dates(text, label)
            for value in born:
                draft.birth_date(value)
            if not born:
                draft.note(f"Date of birth: {text}")
        for text in details.texts(_BIRTH_PLACE):
            draft.birth_place(Address(full=text))
        for text in details.texts(_CITIZENSHIP):
            countries = self._countries(text, label)
            if countries is None:
                draft.note(f"Citizenship: {text}")
            for country in countries or ():
                draft.role(CountryRole(country=country, role=CountryRoleKind.CITIZENSHIP))
        for text in details.texts(_ADDRESS):
            for part in _parts(text):
                draft.address(Address(full=part))
        self._notes(draft, details)

    def _notes(self, draft: EntityDraft, details: _Details) -> None:
        """The texts the model has no field for, the IMO number, the control date."""
        reading, label = self.reading, draft.label
        for text in details.texts(_ADDITIONAL):
            draft.note(text)
        for text in details.texts(_LISTING):
            draft.note(f"Listing information: {text}")
        for header, text in details.unknown():
            draft.note(f"{header}: {text}")
        for text in details.texts(_IMO):
            self._imo(draft, text)
        for instrument in details.values(_INSTRUMENT):
            if isinstance(instrument, datetime.date):  # 28 rows of the 2026 file
                text = _text(instrument)
                draft.note(f"Instrument of Designation: {text}")
                reading.problem(
                    "a date where the instrument's title belongs; kept as a note",
                    record=label,
                    field="Instrument of Designation",
                    value=text,
                )
        for written in details.values(_CONTROL):
            control = _day(written) or reading.single_date(
                clean(_text(written)), record=label, field="Control Date", parse=_DATE_PARSE
            )
            if control is not None:
                draft.note(f"Control date: {control.isoformat()}", once=True)
                self.latest = max(self.latest or control, control)

    def _birth_dates(self, text: str, label: str) -> list[PartialDate | DateRange]:
        """Each date of birth the cell gives; the whole text as a note when one part is unread."""
        found: list[PartialDate | DateRange] = []
        for part in _parts(text, alternatives=True):
            value = self.reading.date(part, record=label, field="Date of Birth", parse=_DATE_PARSE)
            if value is None:
                return []
            found.append(value)
        return found

    def _countries(self, text: str, label: str) -> list[Country] | None:
        """The countries of a Citizenship cell; None (each bad part a problem) when one is unread.

        "Iran, Islamic Republic of" is one country, "Afghanistan, Pakistan" two.
        """
        whole = named_country(text)  # a whole cell; else its parts one by one
        if whole is not None:
            return [whole]
        found: list[Country] = []
        for part in _parts(text, alternatives=True):
            country = self.reading.country(part, record=label, field="Citizenship")
            if country is None:
                return None
            found.append(country)
        return found

    def _imo(self, draft: EntityDraft, text: str) -> None:
        imo = self.reading.imo_number(text, record=draft.label, field="IMO Number")
        if imo is None:
            draft.note(f"IMO number as listed (not valid): {text}")
        elif draft.kind is Vessel:
            draft.extra["imo"] = imo
        else:
            draft.identifiers.append(Identifier(scheme="imo", value=imo))

    def _designation(self, reference: str, details: _Details) -> Designation:
        committees = details.texts(_COMMITTEES)
        measures = [measure for key, (_, measure) in _FLAGS.items() if details.flag(key)]
        flags = [
            f"{label}: {'yes' if details.flag(key) else 'no'}"
            for key, (label, _) in (_FLAGS.items())
            if details.has(key)
        ]
        return Designation(
            entity_id=f"au-dfat-{reference}",
            authority=australia_dfat(),
            authority_ref=reference,
            programmes=self.reading.intern(tuple(committees)),
            measures=measures,
            measure_notes=self.reading.intern(tuple(flags)),
            legal_basis=_legal_basis(committees, details.instruments()),
            sources=(self.source,),
        )


@attrs.define
class _Details:
    """The values of one listing's rows, each distinct value once, in the order met."""

    cells: dict[str, list[object]]

    @classmethod
    def of(cls, group: list[_Row]) -> _Details:
        cells: dict[str, list[object]] = {}
        for row in group:
            for field, value in row.cells.items():
                known = cells.setdefault(field, [])
                if value is not None and value not in known:
                    known.append(value)
        return cls(cells)

    def values(self, field: str) -> list[object]:
        return self.cells.get(field, [])

    def texts(self, field: str) -> list[str]:
        found: list[str] = []
        for value in self.values(field):
            text = clean(_text(value), _BLANKS)
            if text and text not in found:
                found.append(text)
        return found

    def unknown(self) -> Iterable[tuple[str, str]]:
        for field, values in self.cells.items():
            if field.startswith("?"):
                for value in values:
                    yield field[1:], clean(_text(value))

    def instruments(self) -> list[str]:
        """The titles in Instrument of Designation (dates there are notes: see _details)."""
        values = self.values(_INSTRUMENT)
        return [
            text
            for value in values
            if not isinstance(value, datetime.date) and (text := clean(_text(value), _BLANKS))
        ]

    def has(self, key: str) -> bool:
        return key in self.cells

    def flag(self, key: str) -> bool:
        return any(value is True or _key(value) == "true" for value in self.values(key))


def _text(value: object) -> str:
    """A cell as text: a date as ISO, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value)


def _day(value: object) -> PartialDate | None:
    if isinstance(value, datetime.date):
        day = value.date() if isinstance(value, datetime.datetime) else value
        return PartialDate.from_date(day)
    return None


def _parts(text: str, *, alternatives: bool = False) -> list[str]:
    """The values of a cell written "a) ... b) ...", and with ``alternatives`` also split
    at ";", ",", ">>", "or" and line breaks."""
    pieces = [piece for piece in _MARKER.split(text) if piece.strip()]
    if alternatives:
        pieces = [part for piece in pieces for part in _ALTERNATIVES.split(piece)]
    return [cleaned for piece in pieces if (cleaned := clean(piece.strip(" .;,"), _BLANKS))]


def _legal_basis(committees: list[str], instruments: list[str]) -> list[LegalBasis]:
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
