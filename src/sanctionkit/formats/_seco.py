"""One SECO target's values while the list is read, and their mapping to the model.

:mod:`~sanctionkit.formats.seco` walks each ``target`` element into a
:class:`Target`; the list gives its places (``place``, which addresses name by
``place-id``) only after its targets, so every target is built here once the
whole file is read, with its addresses, its sanctions sets and its
modifications resolved; then its ``relation``s, whose other end may come later
in the file, become :class:`~sanctionkit.Relationship` records (:func:`relate`).
The page "Switzerland SECO XML" has the table of what becomes what.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from sanctionkit.formats._authorities import seco
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._text import join
from sanctionkit.model import (
    Address,
    CountryRole,
    CountryRoleKind,
    Designation,
    LegalBasis,
    LegalBasisKind,
    Measure,
    Source,
    Vessel,
)
from sanctionkit.model.relationships import Relationship, RelationshipKind
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

__all__ = [
    "ID_PREFIX",
    "RELATION_TYPES",
    "Modification",
    "Place",
    "Programme",
    "Relation",
    "Target",
    "build",
    "relate",
]

ID_PREFIX: Final = "seco-"
#: What a sanctions set's English text names, and the measures it is (every one it names;
#: ``other`` for none): the sets are the ordinances' articles and annexes ("Financial
#: sanctions and travel ban, annex 1").
_MEASURES: Final = (
    (re.compile(r"(?i)financ|freez|asset"), Measure.ASSET_FREEZE),
    (re.compile(r"(?i)travel|entry|transit"), Measure.TRAVEL_BAN),
    (re.compile(r"(?i)arms|armament|military goods"), Measure.ARMS_EMBARGO),
)
#: A vessel's IMO number, which the list gives only as other information ("IMO Number: 8405270").
_IMO: Final = re.compile(r"(?i)\bIMO(?:\s+number)?\s*[:.]?\s*(\d{7})\b")
#: A ``relation``'s ``relation-type`` and the kind of relationship it is. "related-to" is the
#: only type the list is known to use, and says no more than that the two are linked; another
#: type is read as ``linked_to`` too (its words in the note), and reported.
RELATION_TYPES: Final = {"related-to": RelationshipKind.LINKED_TO}


@attrs.frozen
class Programme:
    """A ``sanctions-program``: its key ("Belarus"), its ordinance and its origin ("UN, EU")."""

    key: str
    ordinance: str | None = None
    origin: str | None = None


@attrs.frozen
class Place:
    """A ``place``: what addresses and places of birth point to by ``place-id``."""

    text: str
    city: str | None
    country: Country | None


@attrs.frozen
class Modification:
    """One ``modification`` of a target: its type and effective date, and where it is."""

    kind: str
    effective: PartialDate | None
    order: int


@attrs.frozen
class Relation:
    """A ``relation`` of a target: its ``ssid``, the ``target-id`` it names, its type."""

    ssid: str
    target_id: str
    kind: str


@attrs.define
class Target:
    """What one ``target`` says, before its places and sanctions sets are known."""

    ssid: str
    draft: EntityDraft
    set_ids: list[str] = attrs.Factory(list)
    #: (place-id or None, the address's own lines) in file order.
    addresses: list[tuple[str | None, str]] = attrs.Factory(list)
    birth_places: list[str] = attrs.Factory(list)
    reasons: list[str] = attrs.Factory(list)
    modifications: list[Modification] = attrs.Factory(list)
    relations: list[Relation] = attrs.Factory(list)


def build(
    target: Target,
    reading: Reading,
    source: Source,
    sets: dict[str, tuple[Programme, str]],
    places: dict[str, Place],
) -> str | None:
    """Keep the target's entity and designation and return its id, or reject it with a problem."""
    draft = target.draft
    _places(target, reading, places)
    if draft.kind is Vessel:
        _imo(draft, reading)
    entity = draft.build(reading)
    if entity is None:
        return None
    designation = _designation(target, reading, source, sets, entity.id)
    if designation is None:
        return None
    reading.keep(entity, designation)
    return entity.id


def relate(
    relations: list[tuple[str, Relation]], reading: Reading, source: Source, kept: set[str]
) -> list[Relationship]:
    """Each kept target's relations as relationships, both ends being targets the file keeps.

    A relation naming a target the file does not hold (a file of changes, an
    excerpt, a rejected target) cannot be a relationship of the dataset: it is
    reported, with what it said, and left out.
    """
    found: dict[Relationship, None] = {}
    for subject_id, relation in relations:
        label = subject_id.removeprefix(ID_PREFIX)
        object_id = ID_PREFIX + relation.target_id
        said = f"{relation.kind} {object_id} (relation {relation.ssid})"
        if object_id not in kept or object_id == subject_id:
            message = "a relation with a target the file does not hold (or with itself): left out"
            reading.problem(
                message, record=label, field="relation", value=said, code="unknown-profile"
            )
            continue
        kind = RELATION_TYPES.get(relation.kind)
        if kind is None:
            message = "unknown relation-type; read as linked_to, its words in the note"
            reading.problem(message, record=label, field="relation/@relation-type", value=said)
        note = f"{relation.kind} (relation {relation.ssid})" if relation.ssid else relation.kind
        link = Relationship(
            subject_id=subject_id,
            object_id=object_id,
            kind=kind or RelationshipKind.LINKED_TO,
            note=note,
            source=source,
        )
        found[link] = None
    return list(found)


def _places(target: Target, reading: Reading, places: dict[str, Place]) -> None:
    """Addresses and places of birth, each joined with the ``place`` it points to."""
    draft = target.draft
    for place_id, lines in target.addresses:
        place = _place(place_id, reading, places, draft.label, "address")
        full = join((lines, place.text if place else ""))
        if not full:
            continue
        country = place.country if place else None
        city = place.city if place else None
        draft.address(reading.intern(Address(full=full, city=city, country=country)))
        if country is not None:
            draft.role(reading.intern(CountryRole(country=country, role=CountryRoleKind.LOCATION)))
    for place_id in target.birth_places:
        place = _place(place_id, reading, places, draft.label, "place-of-birth")
        if place is not None and place.text:
            address = Address(full=place.text, city=place.city, country=place.country)
            draft.birth_place(reading.intern(address))


def _place(
    place_id: str | None, reading: Reading, places: dict[str, Place], label: str, field: str
) -> Place | None:
    if place_id is None:
        return None
    place = places.get(place_id)
    if place is None:
        message = "place-id names no place of the list; the place is not read"
        reading.problem(message, record=label, field=f"{field}/@place-id", value=place_id)
    return place


def _imo(draft: EntityDraft, reading: Reading) -> None:
    """A vessel's IMO number, read from its notes ("IMO Number: 8405270"), which stay."""
    for note in draft.notes:
        match = _IMO.search(note)
        if match is not None:
            number = reading.imo_number(match.group(1), record=draft.label, field="IMO")
            if number is not None:
                draft.extra.setdefault("imo", number)


def _designation(
    target: Target,
    reading: Reading,
    source: Source,
    sets: dict[str, tuple[Programme, str]],
    entity_id: str,
) -> Designation | None:
    programmes: dict[str, None] = {}
    bases: dict[LegalBasis, None] = {}
    measures: dict[Measure, None] = {}
    notes: dict[str, None] = {}
    for set_id in target.set_ids:
        found = sets.get(set_id)
        if found is None:
            message = "sanctions-set-id names no sanctions set of the list; not read"
            reading.problem(message, record=target.ssid, field="sanctions-set-id", value=set_id)
            continue
        programme, text = found
        programmes[programme.key] = None
        if programme.ordinance:
            basis = LegalBasis(kind=LegalBasisKind.NATIONAL_ACT, title=programme.ordinance)
            bases[reading.intern(basis)] = None
        named = [measure for pattern, measure in _MEASURES if pattern.search(text)]
        measures.update(dict.fromkeys(named or [Measure.OTHER]))
        notes[text] = None
    listed, delisted = _status(target, reading)
    try:
        return Designation(
            entity_id=entity_id,
            authority=seco(),
            authority_ref=target.ssid,
            listed=listed,
            delisted=delisted,
            programmes=list(programmes),
            measures=list(measures),
            measure_notes=[note for note in notes if note],
            reasons=target.reasons,
            legal_basis=list(bases),
            sources=(source,),
        )
    except ValueError as error:
        reading.reject(f"record cannot be kept: {error}", record=target.ssid)
        return None


def _status(target: Target, reading: Reading) -> tuple[PartialDate | None, PartialDate | None]:
    """When the target was (last) listed, and when de-listed if its latest modification de-lists it.

    The list gives a target's modifications newest first, and the oldest
    ("listed") of long-listed targets have no dates: the latest is the one with
    the latest effective date, and among undated ones the first in the file.
    """
    if not target.modifications:
        return None, None
    latest = max(target.modifications, key=_age)
    listings = [m for m in target.modifications if m.kind == "listed"]
    listed = max(listings, key=_age).effective if listings else None
    if latest.kind != "de-listed":
        return listed, None
    if latest.effective is None:
        message = "de-listed without an effective date; read as a designation without an end"
        reading.problem(message, record=target.ssid, field="modification/@effective-date")
    return listed, latest.effective


def _age(modification: Modification) -> tuple[int, int, int, int]:
    """How recent a modification is: by effective date, undated ones oldest, then file order."""
    date = modification.effective
    if date is None:
        return (0, 0, 0, -modification.order)
    return (date.year, date.month or 0, date.day or 0, -modification.order)
