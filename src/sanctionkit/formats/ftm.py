"""FollowTheMoney (FtM) entity JSON lines, the format of OpenSanctions' exports: read and write.

Each line is one FtM entity, ``{"id": ..., "schema": "Person", "properties":
{"name": ["..."], ...}}``, every property value a string in a list (FtM 3 and
4). :func:`dumps` writes a dataset's entities and designations that way:
sanctionkit ids are kept for entities, and the Address, Identification,
Passport and Sanction entities that FtM needs beside them get ids derived from
their holder and content, so the same dataset always gives the same lines.
:func:`loads` reads FtM JSON lines (an OpenSanctions export, or what
:func:`dumps` wrote) back into typed records, and reports as
:class:`~sanctionkit.Problem` every schema, property and value it cannot map.
What becomes what, and what FtM cannot hold, is on the documentation page
"FollowTheMoney".

>>> import json
>>> import sanctionkit as sk
>>> ship = sk.Vessel(id="vessel-maria", name="MARIA", imo="8517839", flag="RU")
>>> kr = sk.Authority(name="Ministry of Foreign Affairs", country="KR")
>>> listing = sk.Designation(entity_id="vessel-maria", authority=kr, listed="2024-05-24")
>>> text = dumps(sk.Dataset(entities=[ship], designations=[listing]))
>>> ship_line = json.loads(text.splitlines()[0])
>>> properties = ship_line["properties"]
>>> print(ship_line["schema"], *properties["imoNumber"], *properties["flag"])
Vessel IMO8517839 ru
>>> back = loads(text)
>>> back.get("vessel-maria").imo, back.designations[0].listed.isoformat()
('8517839', '2024-05-24')

This module does not import the ``followthemoney`` library: FtM is a format
here, not a dependency. The tests check what it writes with that library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import attrs

from sanctionkit.errors import ReadError
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._ftm_records import (
    FtmRecord,
    address_of,
    company_imo,
    countries,
    dates,
    designation_of,
    identifier_of,
    parse_line,
    single,
    sources_of,
    unused,
    value,
    whole_number,
)
from sanctionkit.formats._ftm_write import (
    AIRCRAFT_FIELDS,
    ALIAS_PROPERTIES,
    VESSEL_LINKS,
    dump,
    dumps,
)
from sanctionkit.formats._jsonlines import guarded_lines, text_lines
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import scheme_for
from sanctionkit.identifiers import imo, mmsi
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    CountryRole,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Gender,
    Identifier,
    Organization,
    Person,
    Problem,
    Vessel,
)

__all__ = ["FORMAT", "dump", "dumps", "load", "loads", "read", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "ftm"


# --- reading ---------------------------------------------------------------------------


def sniff(head: bytes) -> bool:
    """Whether a file starting with ``head`` is FtM entity JSON lines.

    The first line must be a JSON object with "schema" and "properties". A
    first line longer than the head is judged by its opening keys.

    >>> sniff(b'{"id": "x", "schema": "Person", "properties": {"name": ["X"]}}')
    True
    >>> sniff(b'{"format": "sanctionkit", "version": 1}')
    False
    """
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    first, newline, _ = text.lstrip().partition("\n")
    try:
        data = json.loads(first)
    except ValueError:
        if newline:  # a whole line that is not JSON
            return False
        return (
            first.startswith("{")
            and re.search(r'"schema"\s*:\s*"', first) is not None
            and re.search(r'"properties"\s*:\s*\{', first) is not None
        )
    return isinstance(data, dict) and "schema" in data and isinstance(data.get("properties"), dict)


def loads(text: str, *, strict: bool = False, name: str = "<string>") -> Dataset:
    """The dataset that FtM entity JSON lines describe; see :func:`read`."""
    # Only "\n" ends a line: JSON strings may hold U+2028 and the other ends splitlines() knows.
    return _Reader(Reading(file=name, strict=strict)).run(text.split("\n"))


def load(
    file: str | Path | IO[str] | IO[bytes], *, strict: bool = False, name: str | None = None
) -> Dataset:
    """Read FtM entity JSON lines from a path or an open file (text, or UTF-8 bytes).

    See :func:`read`.
    """
    if isinstance(file, str | Path):
        with Path(file).open("rb") as opened:
            return _Reader(Reading(file=name or str(file), strict=strict)).run(opened)
    label = name or str(getattr(file, "name", "<file>"))
    return _Reader(Reading(file=label, strict=strict)).run(guarded_lines(file, label))


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read FtM entity JSON lines: people, organisations, vessels, aircraft and their sanctions.

    Person, Organization, Company, LegalEntity, PublicBody, Vessel and
    Airplane entities become entities; Sanction entities become designations
    of the entity they name; Address, Identification and Passport entities
    are attached to the entities that refer to them. Every other schema, every
    property that does not map and every value the model refuses is a
    :class:`~sanctionkit.Problem`; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. Each line is one record:
    ``metadata["records_read"]`` = returned + rejected.
    """
    return load(source, strict=strict, name=name)


# --- the mapping: FtM schemata and properties to sanctionkit classes and fields ---------

#: The class of each FtM schema read as an entity.
_ENTITY_CLASSES: dict[str, type[Entity]] = {
    "Person": Person,
    "Organization": Organization,
    "Company": Organization,
    "LegalEntity": Organization,
    "PublicBody": Organization,
    "Vessel": Vessel,
    "Airplane": Aircraft,
}
#: Schemata read as part of the entities that refer to them, and the Sanction beside them.
_ATTACHED_SCHEMATA = frozenset({"Address", "Identification", "Passport"})
_KNOWN_SCHEMATA = frozenset({*_ENTITY_CLASSES, *_ATTACHED_SCHEMATA, "Sanction"})
#: An organisation's kind when FtM gives no classification.
_ORGANIZATION_KINDS = {"Company": "company", "PublicBody": "public body"}
#: Country properties and the role each gives; a Person's first.
_COUNTRY_ROLES = {"country": CountryRoleKind.LOCATION, "jurisdiction": CountryRoleKind.JURISDICTION}
_PERSON_COUNTRY_ROLES = {
    "nationality": CountryRoleKind.NATIONALITY,
    "citizenship": CountryRoleKind.CITIZENSHIP,
    **_COUNTRY_ROLES,
}
#: A ship's numbers: the field (and scheme of a second number) and the check, by property.
_VESSEL_NUMBERS: dict[str, tuple[str, Callable[[str], str]]] = {
    "imoNumber": ("imo", imo.validate),
    "mmsi": ("mmsi", mmsi.validate),
    "callSign": ("call_sign", str),
}
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE, "other": Gender.OTHER}
#: Flat identifier properties and the scheme each becomes (read where no
#: Identification entity already gives the same number).
_NUMBER_SCHEMES = {
    key: scheme_for("ftm", key)
    for key in (
        "passportNumber",
        "idNumber",
        "taxNumber",
        "registrationNumber",
        "swiftBic",
        "leiCode",
        "innCode",
        "ogrnCode",
        "vatCode",
        "okpoCode",
        "dunsCode",
        "uniqueEntityId",
        "socialSecurityNumber",
        "licenseNumber",
        "imoNumber",
    )
}
#: The flat numbers a ship or an aircraft has as identifiers: its others are its fields.
_CRAFT_NUMBERS = {"Vessel": frozenset({"registrationNumber"}), "Airplane": frozenset()}


@attrs.define
class _Reader:
    """Turns FtM entity lines into a dataset: two passes, as references point either way."""

    reading: Reading
    records: dict[str, FtmRecord] = attrs.Factory(dict)
    order: list[FtmRecord] = attrs.Factory(list)
    attached: set[str] = attrs.Factory(set)
    #: The Identification and Passport records of each holder, and the ids Sanctions name.
    held: dict[str, list[FtmRecord]] = attrs.Factory(dict)
    sanctioned: set[str] = attrs.Factory(set)
    addresses: dict[str, Address | None] = attrs.Factory(dict)

    def run(self, lines: Iterable[str | bytes]) -> Dataset:
        for number, line in text_lines(lines):
            record = parse_line(number, line, self.reading, taken=self.records)
            if record is not None and record.schema not in _KNOWN_SCHEMATA:
                self._reject(record, f"FtM schema {record.schema} has no sanctionkit counterpart")
            elif record is not None:
                self.records[record.id] = record
                self.order.append(record)
        self._index()
        entities: dict[str, Entity] = {}
        for record in self.order:
            if record.schema in _ENTITY_CLASSES:
                entity = self._entity(record)
                if entity is not None:
                    entities[entity.id] = entity
        entities = self._drop_dangling_links(entities)
        designations = [
            designation
            for record in self.order
            if record.schema == "Sanction"
            and (designation := designation_of(self.reading, record, entities)) is not None
        ]
        for record in self.order:
            if record.schema in _ATTACHED_SCHEMATA and record.id not in self.attached:
                self._reject(record, f"{record.schema} that no entity in the file refers to")
        return self._dataset(list(entities.values()), designations)

    def _index(self) -> None:
        """Who holds each Identification and Passport, and who a Sanction names."""
        for record in self.order:
            if record.schema in ("Identification", "Passport"):
                for holder in dict.fromkeys(record.props.get("holder", [])):
                    self.held.setdefault(holder, []).append(record)
            elif record.schema == "Sanction":
                self.sanctioned.update(record.props.get("entity", []))

    def _dataset(self, entities: list[Entity], designations: list[Designation]) -> Dataset:
        """The dataset, once the counts add up: every line is returned or rejected."""
        reading = self.reading
        returned = len(entities) + len(designations) + len(self.attached)
        if reading.read != returned + reading.rejected:
            raise ReadError(
                Problem(
                    file=reading.file,
                    message=f"reader lost records: read {reading.read}, returned {returned}, "
                    f"rejected {reading.rejected}",
                )
            )
        metadata: dict[str, str | int] = {
            "format": FORMAT,
            "records_read": reading.read,
            "records_returned": returned,
            "records_rejected": reading.rejected,
        }
        try:
            return Dataset(
                entities=entities,
                designations=designations,
                problems=reading.problems,
                metadata=metadata,
            )
        except ValueError as error:  # a check of the model that the passes above missed
            problem = Problem(file=reading.file, message=f"not a valid dataset: {error}")
            raise ReadError(problem) from error

    def _reject(self, record: FtmRecord, message: str) -> None:
        self.reading.reject(message, record=record.id, value=record.schema)

    # -- entities -----------------------------------------------------------------------

    def _entity(self, record: FtmRecord) -> Entity | None:
        name, aliases = _names(record)
        if name is None:
            self._reject(record, "FtM entity without a name")
            return None
        draft = EntityDraft(
            label=record.id,
            id=record.id,
            name=name,
            kind=_ENTITY_CLASSES[record.schema],
            notes=list(record.take("notes")),
            aliases=list(dict.fromkeys(aliases)),
            addresses=self._addresses(record),
            sources=tuple(sources_of(record)),
        )
        draft.identifiers = self._identifications(record)
        try:
            self._fill(record, draft)
        except ReadError:
            raise  # strict mode: a problem raised while filling it
        except (ValueError, TypeError) as error:
            self._reject(record, f"not a valid {record.schema}: {error}")
            return None
        return draft.build(self.reading)

    def _fill(self, record: FtmRecord, draft: EntityDraft) -> None:
        """The draft's countries, numbers and class fields; what is left, as notes."""
        schema = record.schema
        roles = _PERSON_COUNTRY_ROLES if schema == "Person" else _COUNTRY_ROLES
        for key, role in roles.items():
            for country in countries(self.reading, record, key):
                draft.countries.append(CountryRole(country=country, role=role))
        topics = record.take("topics")
        if topics and (topics != ["sanction"] or record.id not in self.sanctioned):
            draft.notes.append(f"Topics (FtM): {', '.join(topics)}")
        self._flat_numbers(record, draft.identifiers)
        fill = {"Person": self._person, "Vessel": self._vessel, "Airplane": self._aircraft}
        fill.get(schema, self._organization)(record, draft)
        unused(self.reading, record, draft.notes)
        referents = record.top.get("referents")
        if isinstance(referents, list) and referents:
            shown = ", ".join(str(referent) for referent in referents)
            draft.notes.append(f"Same entity in other sources (OpenSanctions referents): {shown}")
        draft.countries = list(dict.fromkeys(draft.countries))
        draft.identifiers = list(dict.fromkeys(draft.identifiers))
        draft.notes = list(dict.fromkeys(draft.notes))

    def _person(self, record: FtmRecord, draft: EntityDraft) -> None:
        gender = record.first("gender") or ""
        message = "unknown gender"
        draft.gender = self.reading.choice(
            _GENDERS, gender, record=record.id, field="gender", message=message
        )
        single(self.reading, record, "gender", [])
        places = [Address(full=text) for text in record.take("birthPlace")]
        born_in = countries(self.reading, record, "birthCountry")
        if len(places) == 1 and len(born_in) == 1:
            places = [attrs.evolve(places[0], country=born_in[0])]
        elif born_in:
            record.used.discard("birthCountry")  # kept as a note: it cannot be paired
        draft.birth_dates.extend(dates(self.reading, record, "birthDate"))
        draft.birth_places = list(dict.fromkeys(places))
        draft.positions = list(dict.fromkeys(record.take("position")))

    def _organization(self, record: FtmRecord, draft: EntityDraft) -> None:
        kind = single(self.reading, record, "classification", record.take("classification"))
        incorporated = dates(self.reading, record, "incorporationDate")
        draft.extra["kind"] = kind or _ORGANIZATION_KINDS.get(record.schema)
        draft.extra["incorporated"] = single(
            self.reading, record, "incorporationDate", incorporated
        )

    def _aircraft(self, record: FtmRecord, draft: EntityDraft) -> None:
        for key, field in AIRCRAFT_FIELDS.items():
            draft.extra[field] = single(self.reading, record, key, record.take(key))

    def _vessel(self, record: FtmRecord, draft: EntityDraft) -> None:
        reading, extra = self.reading, draft.extra
        for key, (field, check) in _VESSEL_NUMBERS.items():
            found = [value(reading, check, record, key, text) for text in record.take(key)]
            valid = list(dict.fromkeys(number for number in found if number is not None))
            extra[field] = valid[0] if valid else None
            # A second number is kept as an identifier, not lost.
            draft.identifiers += [Identifier(scheme=field, value=number) for number in valid[1:]]
        flags = countries(reading, record, "flag")
        key = "tonnage" if record.props.get("tonnage") else "grossRegisteredTonnage"
        record.take("tonnage")
        tonnage = [value(reading, whole_number, record, key, text) for text in record.take(key)]
        built = [date.year for date in dates(reading, record, "buildDate")]
        extra["flag"] = single(reading, record, "flag", flags)
        extra["past_flags"] = countries(reading, record, "pastFlags")
        extra["past_names"] = list(dict.fromkeys(record.take("previousName")))
        extra["vessel_type"] = single(reading, record, "type", record.take("type"))
        extra["tonnage"] = single(reading, record, "tonnage", [t for t in tonnage if t is not None])
        extra["build_year"] = single(reading, record, "buildDate", built)
        for key, field in VESSEL_LINKS.items():
            extra[field] = single(reading, record, key, record.take(key))

    def _flat_numbers(self, record: FtmRecord, identifiers: list[Identifier]) -> None:
        """Numbers in properties of their own, unless an Identification gives them already."""
        known = {identifier.value for identifier in identifiers}
        wanted = _CRAFT_NUMBERS.get(record.schema)
        for key, scheme in _NUMBER_SCHEMES.items():
            if wanted is not None and key not in wanted:
                continue
            for text in record.take(key):
                number: str | None = text
                if key == "imoNumber":
                    number = value(self.reading, company_imo, record, key, text)
                if number is not None and number not in known:
                    known.add(number)
                    identifiers.append(Identifier(scheme=scheme, value=number))

    # -- the records entities refer to ---------------------------------------------------

    def _addresses(self, record: FtmRecord) -> list[Address]:
        addresses: list[Address] = []
        for target in record.take("addressEntity"):
            linked = self.records.get(target)
            if linked is None or linked.schema != "Address":
                self.reading.problem(
                    "addressEntity refers to an Address the file does not hold",
                    record=record.id,
                    field="addressEntity",
                    value=target,
                )
                continue
            if linked.id not in self.addresses:
                self.addresses[linked.id] = address_of(self.reading, linked)
            address = self.addresses[linked.id]
            if address is not None:
                self.attached.add(linked.id)
                addresses.append(address)
        written = {address.full for address in addresses}
        addresses += [Address(full=text) for text in record.take("address") if text not in written]
        return list(dict.fromkeys(addresses))

    def _identifications(self, record: FtmRecord) -> list[Identifier]:
        found: list[Identifier] = []
        for other in self.held.get(record.id, []):
            identifier = identifier_of(self.reading, other)
            if identifier is not None:
                self.attached.add(other.id)
                found.append(identifier)
        return found

    def _drop_dangling_links(self, entities: dict[str, Entity]) -> dict[str, Entity]:
        """A ship's owner or operator that the file does not hold is a problem, not a link."""
        kept: dict[str, Entity] = {}
        for entity in entities.values():
            if isinstance(entity, Vessel):
                entity = attrs.evolve(
                    entity,
                    owner_id=self._link(entity, "owner", entity.owner_id, entities),
                    operator_id=self._link(entity, "operator", entity.operator_id, entities),
                )
            elif isinstance(entity, Aircraft):
                operator = self._link(entity, "operator", entity.operator_id, entities)
                entity = attrs.evolve(entity, operator_id=operator)
            kept[entity.id] = entity
        return kept

    def _link(
        self, entity: Entity, key: str, target: str | None, entities: dict[str, Entity]
    ) -> str | None:
        if target is None or target in entities:
            return target
        self.reading.problem(
            f"{key} refers to an entity the file does not hold",
            record=entity.id,
            field=key,
            value=target,
        )
        return None


def _names(record: FtmRecord) -> tuple[str | None, list[Alias]]:
    """The entity's name (FtM's caption when it is one of the names) and its aliases."""
    names = record.take("name")
    caption = record.top.get("caption")
    name = caption if isinstance(caption, str) and caption in names else None
    name = name or (names[0] if names else None)
    aliases = [Alias(name=other) for other in names if other != name]
    for quality, key in ALIAS_PROPERTIES.items():
        if record.schema == "Vessel" and key == "previousName":
            continue  # a ship's previous names are its past names
        aliases += [Alias(name=text, quality=quality) for text in record.take(key)]
    if name is None and record.schema == "Airplane":
        name = record.props.get("registrationNumber", [None])[0]
    if name is None and aliases:
        name = aliases.pop(0).name
    return name, aliases
