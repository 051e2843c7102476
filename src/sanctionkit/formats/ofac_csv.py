"""OFAC's legacy CSV files: ``sdn.csv`` with its siblings, and the consolidated twins.

OFAC publishes each list as four headerless CSV files joined by ``ent_num``: the
entries (:data:`COLUMNS`), their addresses, their strong aliases and the
continuations of long remarks. Given the path of ``sdn.csv`` or ``cons_prim.csv``,
:func:`read` also reads the siblings found beside it; given an open file, only that
file. Each entry becomes one entity (``ofac-{ent_num}``) and one designation; most
of what OFAC knows sits in the free-text remarks, which
:mod:`sanctionkit.formats._ofac_remarks` reads into typed fields. The entries a row
names ("Linked To: NAME.", Vess_owner, "Aircraft Operator NAME") become relationships
once the whole file is read (:class:`~sanctionkit.formats._ofac.Links`). The files, the
columns and what becomes what: ``docs/formats/ofac-csv.md``.

>>> import io
>>> row = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"' + b",-0- " * 8 + b"\\r\\n\\x1a"
>>> sniff(row)
True
>>> ds = read(io.BytesIO(row), name="sdn.csv", strict=False)
>>> ds.organizations[0].id, ds.organizations[0].name, ds.designations[0].programmes
('ofac-36', 'AEROCARIBBEAN AIRLINES', ('CUBA',))
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

from sanctionkit.formats import _ofac
from sanctionkit.formats._authorities import ofac
from sanctionkit.formats._csv import TRUNCATED, records
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import open_source
from sanctionkit.formats._ofac_remarks import RemarkFacts, parse_remarks
from sanctionkit.formats._reading import Reading
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    AliasQuality,
    CountryRole,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Identifier,
    Measure,
    Organization,
    Person,
    Problem,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country

__all__ = ["COLUMNS", "read", "sniff"]

#: The columns of ``sdn.csv`` and ``cons_prim.csv``, which have no header line.
COLUMNS: Final = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)

# Main file name -> its siblings (addresses, aliases, comments), by OFAC's naming.
_SIBLINGS: Final = {
    main: (
        (f"{prefix}add.csv", 6, "address"),  # ent_num, Add_num, Address, City..., Country, remarks
        (f"{prefix}alt.csv", 5, "alias"),  # ent_num, alt_num, alt_type, alt_name, alt_remarks
        (comments, 2, "comment"),  # ent_num, Remarks continuation
    )
    for main, prefix, comments in (
        ("sdn.csv", "", "sdn_comments.csv"),
        ("cons_prim.csv", "cons_", "cons_comments.csv"),
    )
}
# What an OFAC listing does in the CSV (a tuple, which the model takes as it is).
_MEASURES: Final = (Measure.ASSET_FREEZE,)
_EMPTY: Final = "-0-"
_EOF: Final = "\x1a"
_ENCODING_ERRORS: Final = "sanctionkit-latin1"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    # The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) as Latin-1.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_ENCODING_ERRORS, _latin1_fallback)


def sniff(head: bytes) -> bool:
    """True when the first line has the 12 fields of ``sdn.csv``, the first an integer.

    >>> sniff(b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"' + b",-0- " * 8 + b"\\r\\n")
    True
    >>> sniff(b'36,25,-0- ,"Havana","Cuba",-0- \\r\\n')
    False
    """
    first = head.split(b"\n", 1)[0].rstrip(b"\r")
    if not first[:1].isdigit():
        return False
    try:
        fields = next(csv.reader([first.decode("cp1252", errors=_ENCODING_ERRORS)]))
    except (csv.Error, StopIteration):
        return False
    return len(fields) == len(COLUMNS) and fields[0].strip().isdigit()


def _csv_rows(stream: IO[bytes]) -> Iterator[tuple[int, list[str] | csv.Error, str | None]]:
    """Each row's last line number, fields and whether the file cuts it short, streamed,
    without the 0x1A and blank lines.

    A row the csv module refuses (a field over :func:`csv.field_size_limit`,
    128 KiB unless changed: OFAC cuts remarks at about 1,000 characters and
    continues them in ``sdn_comments.csv``; a NUL byte before Python 3.11) is
    given as its error, and reading goes on at the next line. The third item
    says why the file's end cuts the row short (an open quote, a last line
    without its CRLF; see :class:`~sanctionkit.formats._csv.Lines`), or is None.
    """
    # Windows-1252: Latin-1 for every printable byte, and the quotes and dashes
    # Windows writes in 0x80-0x9F (which are control codes in Latin-1).
    text = io.TextIOWrapper(stream, encoding="cp1252", errors=_ENCODING_ERRORS, newline="")
    try:
        for line, row, cut in records(text):
            if isinstance(row, list):
                if not row or (len(row) == 1 and not row[0].strip(_EOF + " \t\r\n")):
                    continue
                if row[-1].endswith(_EOF):
                    row[-1] = row[-1].rstrip(_EOF)
            yield line, row, cut
    finally:
        text.detach()  # the caller closes the stream it opened


def _rows(
    stream: IO[bytes], reading: Reading, columns: int, *, entry: bool
) -> Iterator[tuple[int, str, list[str]]]:
    """The rows of ``columns`` fields with an ent_num, as (line, ent_num, fields).

    The others are problems. A row of the entries (``entry``) is counted as
    read, and one that cannot be read is rejected; a sibling's is only a problem.
    """
    for line, row, cut in _csv_rows(stream):
        reading.read += 1 if entry else 0
        number = None if isinstance(row, csv.Error) else _entity_number(row)
        where = (number if entry else None) or f"line {line}"
        if isinstance(row, csv.Error):
            _refuse(reading, f"not a CSV row: {row}", f"line {line}", entry=entry)
        elif cut is not None:
            # Its last field is what precedes the cut: remarks shortened, a name halved.
            what = "this entry" if entry else "its last row"
            reading.problem(
                f"{cut}: {what} is cut short and not read", record=where, code=TRUNCATED
            )
            reading.rejected += 1 if entry else 0
        elif number is None or len(row) != columns:
            message = f"expected {columns} fields starting with an ent_num, found {len(row)}"
            _refuse(reading, message, where, entry=entry, value=",".join(row))
        else:
            yield line, number, row


def _refuse(
    reading: Reading, message: str, record: str, *, entry: bool, value: str | None = None
) -> None:
    """An entry's row rejected, or a sibling's row a problem."""
    if entry:
        reading.reject(message, record=record, value=value)
    else:
        reading.problem(message, record=record, value=value)


def _clean(value: str) -> str | None:
    """A field's text, or None for OFAC's empty marker "-0-" (with or without its space)."""
    value = value.strip()
    return None if not value or value == _EMPTY else value


def _programmes(text: str | None) -> tuple[str, ...]:
    # The CSV drops the outer brackets of "[SDGT] [IFSR]": "SDGT] [IFSR".
    if text is None:
        return ()
    parts = _PROGRAMME_SEPARATOR.split(text.strip().strip("[]"))
    return tuple(part.strip() for part in parts if part.strip())


_PROGRAMME_SEPARATOR: Final = re.compile(r"\]\s*\[")


def _entity_number(row: list[str]) -> str | None:
    number = row[0].strip() if row else ""
    return number if number.isdigit() else None


class _Siblings:
    """What the sibling files say about each entry, read before the entries."""

    def __init__(self) -> None:
        self.addresses: dict[str, list[tuple[Address | None, str | None]]] = {}
        self.aliases: dict[str, list[tuple[Alias | None, str | None]]] = {}
        self.comments: dict[str, list[str]] = {}
        self.readings: list[Reading] = []
        self.files: list[str] = []
        # (reading, line, ent_num) of every sibling row, to report those without an entry.
        self.seen: list[tuple[Reading, str, str]] = []

    def read(self, path: Path, columns: int, kind: str, strict: bool) -> None:
        reading = Reading(file=str(path), strict=strict)
        self.readings.append(reading)
        self.files.append(path.name)
        with path.open("rb") as stream:
            for line, number, row in _rows(stream, reading, columns, entry=False):
                self.seen.append((reading, str(line), number))
                if kind == "address":
                    self.addresses.setdefault(number, []).append(_address(row, reading, number))
                elif kind == "alias":
                    self.aliases.setdefault(number, []).append(_alias(row, reading, number))
                else:
                    self.comments.setdefault(number, []).append(row[1])

    def report_orphans(self, entries: set[str]) -> None:
        for reading, line, number in self.seen:
            if number not in entries:
                message = f"line {line} refers to ent_num {number}, which has no entry"
                reading.problem(message, record=number, field="ent_num", value=number)


def read(source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset:
    """Read an OFAC legacy CSV list (and, given a path, its siblings) into a dataset.

    ``dataset.metadata`` says which list ("OFAC SDN" or "OFAC Consolidated
    (non-SDN)"), which ``files`` were read, and the counts.
    """
    list_name = _ofac.list_name(name, _ofac.SDN_LIST)
    siblings = _Siblings()
    if isinstance(source, str | Path):  # an open file is read alone: it has no siblings
        main = Path(source)
        for sibling, columns, kind in _SIBLINGS.get(main.name.lower(), ()):
            path = main.with_name(sibling)
            if path.is_file():
                siblings.read(path, columns, kind, strict)
    with open_source(source) as stream:
        return _read_entries(stream, name, list_name, siblings, strict)


def _read_entries(
    stream: IO[bytes], name: str, list_name: str, siblings: _Siblings, strict: bool
) -> Dataset:
    reading = Reading(file=name, strict=strict)  # problems name the path as it was given
    file_name = Path(name).name
    source = Source(publisher=ofac().name, title=f"{list_name} list, {file_name}")
    entries: set[str] = set()
    links = _ofac.Links(source=source)
    for _, number, row in _rows(stream, reading, len(COLUMNS), entry=True):
        if number in entries:
            reading.reject("a second entry with this ent_num", record=number, value=number)
            continue
        entries.add(number)
        _entry(row, number, reading, siblings, source, links)
    siblings.report_orphans(entries)
    metadata = {
        "format": "ofac-csv",
        "list": list_name,
        "files": ", ".join([file_name, *siblings.files]),
    }
    extra: list[Problem] = [
        problem for sibling in siblings.readings for problem in sibling.problems
    ]
    return links.finish(reading, metadata, extra=extra)


def _remarks(row: list[str], number: str, siblings: _Siblings) -> str | None:
    """The Remarks column joined with its continuations in sdn_comments.csv."""
    text = row[11] if _clean(row[11]) else ""
    for more in siblings.comments.get(number, ()):
        if _clean(more) is None:
            continue
        if text.rstrip().endswith((".", ";")):
            # A finished clause: the continuation starts a new one.
            text = f"{text.rstrip().rstrip(';')}; {more.lstrip()}"
        else:
            # Cut in the middle of a clause: the continuation goes on with it, as written.
            text = f"{text}{more}"
    return text.strip() or None


def _address(row: list[str], reading: Reading, record: str) -> tuple[Address | None, str | None]:
    """A row of add.csv: the address (None when every part is empty) and a note of its remarks."""
    street, place, country_text, remarks = (_clean(value) for value in row[2:6])
    country = _ofac.country(reading, country_text, record, "Country")
    parts = [part for part in (street, place, country_text) if part]
    if not parts:
        return None, remarks
    full = ", ".join(parts)
    note = f"Address {full}: {remarks}" if remarks else None
    return Address(full=full, city=_city(place), country=country), note


def _city(place: str | None) -> str | None:
    """The city in "City/State/Province/Postal Code": the first part, without postal codes.

    "London EC3N" gives London, "Culiacan, Sinaloa" Culiacan, "Surgut 628400" Surgut.
    """
    if place is None:
        return None
    first = place.split(",", 1)[0]
    words = [word for word in first.split() if not any(char.isdigit() for char in word)]
    city = " ".join(words).strip(" -.")
    return city or None


def _alias(row: list[str], reading: Reading, record: str) -> tuple[Alias | None, str | None]:
    """A row of alt.csv: the alias and a note (its remarks, or "now known as")."""
    kind, name, remarks = _clean(row[2]), _clean(row[3]), _clean(row[4])
    if name is None:
        reading.problem("alias without a name", record=record, field="alt_name", value=row[3])
        return None, None
    quality = _ofac.alias_quality(kind or "")
    if quality is None:
        reading.problem("unknown alias type", record=record, field="alt_type", value=row[2])
        quality = AliasQuality.STRONG
    if remarks:
        return Alias(name=name, quality=quality), f"{kind} {name}: {remarks}"
    if kind and kind.lower() == "nka":
        return Alias(name=name, quality=quality), f"now known as {name}"
    return Alias(name=name, quality=quality), None


# Remark kinds each entity class takes as typed fields; the others stay notes.
_COMMON: Final = frozenset(
    {
        "identifier",
        "alias",
        "nationality",
        "citizenship",
        "imo_company",
        "sanctions",
        "vessel_registration",
    }
)
_OWN_KINDS: Final[dict[type[Entity], frozenset[str]]] = {
    Person: _COMMON | {"birth_date", "birth_place", "gender"},
    Organization: _COMMON | {"incorporated", "organization_type", "registration_country"},
    Vessel: _COMMON | {"imo", "mmsi", "build_year", "past_flag", "registration_country"},
    Aircraft: _COMMON
    | {"aircraft_model", "aircraft_serial_number", "aircraft_registration", "registration_country"},
}


def _entry(
    row: list[str],
    number: str,
    reading: Reading,
    siblings: _Siblings,
    source: Source,
    links: _ofac.Links,
) -> None:
    """Keep the entity and the designation of one row of sdn.csv, and the links it states."""
    facts = parse_remarks(_remarks(row, number, siblings), reading, record=number)
    entity = _entity(row, number, facts, reading, siblings, source)
    if entity is None:
        return
    # SDN_Name is OFAC's primary name, as its remarks' links write it ("LAST, First").
    links.held(entity.id, entity.name)
    for name in facts.linked_to:
        links.by_name(entity.id, number, "Linked To", name)
    for name in facts.operators:
        links.by_name(entity.id, number, _ofac.OPERATOR_WORDS, name)
    if isinstance(entity, Vessel):
        links.by_name(entity.id, number, _ofac.OWNER_WORDS, _clean(row[10]))
    designation = Designation(
        entity_id=entity.id,
        authority=ofac(),
        authority_ref=number,
        programmes=_programmes(_clean(row[3])),
        measures=_MEASURES,
        measure_notes=facts.sanctions,
        sources=(source,),
    )
    reading.keep(entity, designation)


def _entity(
    row: list[str],
    number: str,
    facts: RemarkFacts,
    reading: Reading,
    siblings: _Siblings,
    source: Source,
) -> Entity | None:
    """The entity of one row of sdn.csv, with what its siblings and remarks say of it."""
    entity_id = _ofac.entity_id(number)
    name = _clean(row[1])
    if name is None:
        reading.problem("entry without a name", record=number, field="SDN_Name", value=row[1])
        name = entity_id
    sdn_type = _clean(row[2])
    # Entities (organisations) have no SDN_Type: "-0-".
    cls = Organization if sdn_type is None else _ofac.entity_class(sdn_type)
    if cls is None:
        reading.problem("unknown SDN_Type", record=number, field="SDN_Type", value=row[2])
        cls = Organization
    draft = EntityDraft(label=number, id=entity_id, name=name, kind=cls, sources=(source,))
    alias_notes = _aliases(draft, siblings.aliases.get(number, []), facts)
    address_notes = _addresses(draft, siblings.addresses.get(number, []), facts)
    _identifiers(draft, facts)
    title = _clean(row[4])
    if title and cls is not Person:
        draft.notes.append(f"Title: {title}")
    draft.notes.extend(alias_notes)
    draft.notes.extend(_notes(facts, _OWN_KINDS[cls], title, cls))
    draft.notes.extend(address_notes)
    if cls is Vessel:
        _vessel(draft, row, facts, reading)
    else:
        for column, value in zip(COLUMNS[5:11], map(_clean, row[5:11]), strict=True):
            if value is not None:
                draft.notes.append(f"{column}: {value}")
        _typed_fields(draft, title, facts)
    return draft.build(reading)


def _aliases(
    draft: EntityDraft, rows: list[tuple[Alias | None, str | None]], facts: RemarkFacts
) -> list[str]:
    """The aliases of alt.csv, the name's other order and the remarks'; the alt.csv notes."""
    name = draft.name or ""
    if draft.kind is Person and "," in name:
        # OFAC writes people "LAST, First"; screening also needs "First LAST".
        last, first = (part.strip() for part in name.split(",", 1))
        if first and last:
            draft.aliases.append(Alias(name=f"{first} {last}"))
    draft.aliases.extend(alias for alias, _ in rows if alias is not None)
    draft.aliases.extend(facts.aliases)
    return [note for _, note in rows if note is not None]


def _addresses(
    draft: EntityDraft, rows: list[tuple[Address | None, str | None]], facts: RemarkFacts
) -> list[str]:
    """The addresses of add.csv and the countries in their roles; the add.csv notes."""
    draft.addresses.extend(address for address, _ in rows if address is not None)
    located: list[Country] = []
    for address in draft.addresses:
        if address.country is not None and address.country not in located:
            located.append(address.country)
    roles = [
        *((country, CountryRoleKind.NATIONALITY) for country in facts.nationalities),
        *((country, CountryRoleKind.CITIZENSHIP) for country in facts.citizenships),
        *((country, CountryRoleKind.LOCATION) for country in located),
    ]
    if "registration_country" in _OWN_KINDS[draft.kind]:
        kind = CountryRoleKind.REGISTRATION
        roles.extend((country, kind) for country in facts.registration_countries)
    draft.countries.extend(CountryRole(country=country, role=role) for country, role in roles)
    return [note for _, note in rows if note is not None]


def _identifiers(draft: EntityDraft, facts: RemarkFacts) -> None:
    draft.identifiers.extend(facts.identifiers)
    if draft.kind is not Vessel:
        # A ship's numbers in the remarks of another kind of entry: kept as identifiers.
        if facts.imo is not None:
            draft.identifiers.append(Identifier(scheme="imo", value=facts.imo))
        if facts.mmsi is not None:
            draft.identifiers.append(Identifier(scheme="mmsi", value=facts.mmsi))


def _vessel(draft: EntityDraft, row: list[str], facts: RemarkFacts, reading: Reading) -> None:
    """A ship's columns (Call_Sign ... Vess_owner) and the numbers its remarks give."""
    call_sign, vessel_type, tonnage, gross, flag, owner = (_clean(value) for value in row[5:11])
    if tonnage is not None:
        draft.notes.append(f"Tonnage {tonnage}")
    if owner is not None:
        draft.notes.append(f"Vessel owner: {owner}")
    record = draft.label
    draft.extra.update(
        imo=facts.imo,
        mmsi=facts.mmsi,
        call_sign=call_sign,
        vessel_type=vessel_type,
        tonnage=reading.value(_ofac.whole_number, gross, record=record, field="GRT"),
        flag=_ofac.country(reading, flag, record, "Vess_flag"),
        past_flags=facts.past_flags,
        build_year=facts.build_year,
    )


def _typed_fields(draft: EntityDraft, title: str | None, facts: RemarkFacts) -> None:
    """The fields of a person, an aircraft or an organisation that the remarks give."""
    if draft.kind is Person:
        draft.positions.extend((title,) if title else ())
        draft.birth_dates.extend(facts.birth_dates)
        draft.birth_places.extend(facts.birth_places)
        draft.gender = facts.gender
    elif draft.kind is Aircraft:
        draft.extra.update(
            registration=facts.aircraft_registration,
            serial_number=facts.aircraft_serial_number,
            model=facts.aircraft_model,
        )
    else:
        kinds = facts.organization_types
        draft.notes.extend(f"Organization Type: {kind}" for kind in kinds[1:])
        draft.extra.update(kind=kinds[0] if kinds else None, incorporated=facts.incorporated)


def _notes(facts: RemarkFacts, own: frozenset[str], title: str | None, cls: type) -> list[str]:
    """The remark clauses that are not typed fields of this kind of entity, as written."""
    notes: list[str] = []
    bare_title = title.rstrip(".") if title else None
    for clause in facts.clauses:
        if clause.kind in own:
            continue
        if cls is not Vessel and clause.kind in ("imo", "mmsi"):
            continue  # kept as identifiers
        if clause.kind == "note" and clause.text.rstrip(".") == bare_title:
            continue  # the Title column says it already
        notes.append(clause.text)
    return notes
