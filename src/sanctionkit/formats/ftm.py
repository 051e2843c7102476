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
from typing import IO, Any

import attrs

from sanctionkit.errors import ReadError
from sanctionkit.formats._ftm_write import (
    ALIAS_PROPERTIES,
    FTM_HISTORICAL,
    LEGAL_BASIS_PREFIX,
    MEASURE_TEXT,
    Properties,
    dump,
    dumps,
)
from sanctionkit.formats._jsonlines import LineError, guarded_lines, loads_line, text_lines
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify, scheme_for
from sanctionkit.identifiers import imo, mmsi
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    Authority,
    AuthorityKind,
    CountryRole,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Gender,
    Identifier,
    IdentifierScheme,
    LegalBasis,
    LegalBasisKind,
    Measure,
    Organization,
    Person,
    Problem,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

__all__ = ["FORMAT", "dump", "dumps", "load", "loads", "read", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "ftm"

_FROM_FTM_HISTORICAL = {ftm: iso for iso, ftm in FTM_HISTORICAL.items()}
_MEASURE_FROM_TEXT = {text: measure for measure, text in MEASURE_TEXT.items()}

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


# Properties every schema read here may carry, and what they become (read in _common).
_SOURCE_PROPERTIES = frozenset({"sourceUrl", "publisher"})
# Properties FtM derives or that repeat what the records say: read without a trace.
_DERIVED_KEYS = frozenset({"id", "schema", "properties", "caption", "target"})
# OpenSanctions' crawl timestamps: they describe the export, not the entity.
_EXPORT_KEYS = frozenset({"first_seen", "last_seen", "last_change", "last_seen_at"})
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE, "other": Gender.OTHER}
_ENTITY_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"}
)
_ATTACHED_SCHEMATA = frozenset({"Address", "Identification", "Passport"})
# Flat identifier properties and the scheme each becomes (read where no
# Identification entity already gives the same number).
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
# Free-text properties kept as labelled notes rather than lost.
_NOTE_LABELS = {
    "title": "Title",
    "description": "Description",
    "summary": "Summary",
    "legalForm": "Legal form",
    "status": "Status",
    "sector": "Sector",
    "education": "Education",
    "religion": "Religion",
    "political": "Political",
    "ethnicity": "Ethnicity",
    "keywords": "Keywords",
    "program": "Programme (FtM)",
    "website": "Website",
    "email": "Email",
    "phone": "Phone",
    "birthCountry": "Country of birth",
}


@attrs.define
class _Record:
    """One FtM entity as read from a line: its id, schema and properties."""

    id: str
    schema: str
    props: Properties
    top: dict[str, Any]
    used: set[str] = attrs.Factory(set)

    def take(self, key: str) -> list[str]:
        """The values of a property, marked as used."""
        self.used.add(key)
        return self.props.get(key, [])

    def first(self, key: str) -> str | None:
        values = self.take(key)
        return values[0] if values else None


@attrs.define
class _Reader:
    """Turns FtM entity lines into a dataset: two passes, as references point either way."""

    reading: Reading
    returned: int = 0
    records: dict[str, _Record] = attrs.Factory(dict)
    order: list[_Record] = attrs.Factory(list)
    attached: set[str] = attrs.Factory(set)
    #: The Identification and Passport records of each holder, and the ids Sanctions name.
    held: dict[str, list[_Record]] = attrs.Factory(dict)
    sanctioned: set[str] = attrs.Factory(set)
    addresses: dict[str, Address | None] = attrs.Factory(dict)

    def run(self, lines: Iterable[str | bytes]) -> Dataset:
        for number, line in text_lines(lines):
            self._parse(number, line)
        for record in self.order:
            if record.schema in ("Identification", "Passport"):
                for holder in dict.fromkeys(record.props.get("holder", [])):
                    self.held.setdefault(holder, []).append(record)
            elif record.schema == "Sanction":
                self.sanctioned.update(record.props.get("entity", []))
        entities: dict[str, Entity] = {}
        for record in self.order:
            if record.schema in _ENTITY_SCHEMATA:
                entity = self._entity(record)
                if entity is not None:
                    entities[entity.id] = entity
        entities = self._drop_dangling_links(entities)
        designations = [
            designation
            for record in self.order
            if record.schema == "Sanction"
            and (designation := self._designation(record, entities)) is not None
        ]
        for record in self.order:
            if record.schema in _ATTACHED_SCHEMATA and record.id not in self.attached:
                self._reject(record, f"{record.schema} that no entity in the file refers to")
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
                entities=list(entities.values()),
                designations=designations,
                problems=reading.problems,
                metadata=metadata,
            )
        except ValueError as error:  # a check of the model that the passes above missed
            problem = Problem(file=reading.file, message=f"not a valid dataset: {error}")
            raise ReadError(problem) from error

    # -- the first pass: lines into records ---------------------------------------------

    def _parse(self, number: int, line: str | LineError) -> None:
        reading = self.reading
        reading.read += 1
        where = f"line {number}"
        if isinstance(line, LineError):
            reading.reject(str(line), record=where, value=line.text)
            return
        try:
            data = loads_line(line)
        except ValueError as error:
            reading.reject(f"not JSON: {error}", record=where, value=line[:200])
            return
        if not isinstance(data, dict):
            reading.reject("an FtM entity is a JSON object", record=where, value=line[:200])
            return
        entity_id, schema, props = data.get("id"), data.get("schema"), data.get("properties")
        if not isinstance(entity_id, str) or not entity_id.strip():
            reading.reject("FtM entity without an id", record=where, value=line[:200])
            return
        if not isinstance(schema, str) or not isinstance(props, dict):
            reading.reject("FtM entity without a schema and properties", record=entity_id)
            return
        if entity_id in self.records:
            reading.reject("a second FtM entity with this id", record=entity_id, value=schema)
            return
        cleaned: Properties = {}
        for key, values in props.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                reading.problem(
                    "FtM property values are a list of strings",
                    record=entity_id,
                    field=str(key),
                    value=json.dumps(values, ensure_ascii=False),
                )
                continue
            kept = [" ".join(value.split()) for value in values]
            cleaned[str(key)] = [value for value in kept if value]
        record = _Record(id=entity_id, schema=schema, props=cleaned, top=data)
        if schema not in _ENTITY_SCHEMATA | _ATTACHED_SCHEMATA | {"Sanction"}:
            self._reject(record, f"FtM schema {schema} has no sanctionkit counterpart")
            return
        self.records[entity_id] = record
        self.order.append(record)

    def _reject(self, record: _Record, message: str) -> None:
        self.reading.reject(message, record=record.id, value=record.schema)

    # -- values -------------------------------------------------------------------------

    def _value(
        self, parse: Callable[[str], Any], record: _Record, key: str, text: str
    ) -> Any | None:
        return self.reading.value(parse, text, record=record.id, field=key)

    def _countries(self, record: _Record, key: str) -> list[Country]:
        found = [self._value(_country, record, key, text) for text in record.take(key)]
        return list(dict.fromkeys(country for country in found if country is not None))

    def _dates(self, record: _Record, key: str) -> list[PartialDate]:
        found = [self._value(_date, record, key, text) for text in record.take(key)]
        return list(dict.fromkeys(date for date in found if date is not None))

    def _single(self, record: _Record, key: str, values: list[Any]) -> Any | None:
        """The first of values for a field that holds one; the others are problems."""
        for extra in record.props.get(key, [])[1:]:
            self.reading.problem(
                "FtM gives more than one; sanctionkit keeps the first",
                record=record.id,
                field=key,
                value=extra,
            )
        return values[0] if values else None

    def _unused(self, record: _Record, notes: list[str] | None) -> None:
        """Every property not read: a labelled note when it is free text, else a problem.

        ``notes`` is None for records that have no notes: then every one is a problem.
        """
        for key, values in record.props.items():
            if key in record.used:
                continue
            label = _NOTE_LABELS.get(key)
            if label is not None and notes is not None:
                notes += [f"{label}: {value}" for value in values]
            elif values:  # one problem per property, its values joined
                self.reading.problem(
                    f"FtM property {record.schema}.{key} has no sanctionkit counterpart",
                    record=record.id,
                    field=key,
                    value="; ".join(values),
                )
        for key in record.top.keys() - _DERIVED_KEYS - _EXPORT_KEYS - {"datasets", "referents"}:
            self.reading.problem(
                "FtM entity key has no sanctionkit counterpart",
                record=record.id,
                field=key,
                value=json.dumps(record.top[key], ensure_ascii=False)[:200],
            )

    # -- the second pass: entities ------------------------------------------------------

    def _entity(self, record: _Record) -> Entity | None:
        names = record.take("name")
        caption = record.top.get("caption")
        aliases: list[Alias] = []
        name = caption if isinstance(caption, str) and caption in names else None
        name = name or (names[0] if names else None)
        aliases += [Alias(name=other) for other in names if other != name]
        for quality, key in ALIAS_PROPERTIES.items():
            if record.schema == "Vessel" and key == "previousName":
                continue  # a ship's previous names are its past names
            aliases += [Alias(name=text, quality=quality) for text in record.take(key)]
        if name is None and record.schema == "Airplane":
            name = record.props.get("registrationNumber", [None])[0]
        if name is None:
            if not aliases:
                self._reject(record, "FtM entity without a name")
                return None
            name = aliases.pop(0).name
        notes = list(record.take("notes"))
        common: dict[str, Any] = {
            "id": record.id,
            "name": name,
            "aliases": list(dict.fromkeys(aliases)),
            "addresses": self._addresses(record),
            "sources": self._sources(record),
        }
        countries: list[CountryRole] = []
        identifiers = self._identifications(record)
        try:
            entity = self._make(record, common, countries, identifiers, notes)
        except ReadError:
            raise  # strict mode: a problem raised while making it
        except (ValueError, TypeError) as error:
            self._reject(record, f"not a valid {record.schema}: {error}")
            return None
        return entity

    def _make(
        self,
        record: _Record,
        common: dict[str, Any],
        countries: list[CountryRole],
        identifiers: list[Identifier],
        notes: list[str],
    ) -> Entity:
        schema = record.schema
        roles = {"country": CountryRoleKind.LOCATION, "jurisdiction": CountryRoleKind.JURISDICTION}
        if schema == "Person":
            roles = {
                "nationality": CountryRoleKind.NATIONALITY,
                "citizenship": CountryRoleKind.CITIZENSHIP,
                **roles,
            }
        for key, role in roles.items():
            for country in self._countries(record, key):
                countries.append(CountryRole(country=country, role=role))
        topics = record.take("topics")
        if topics and (topics != ["sanction"] or record.id not in self.sanctioned):
            notes.append(f"Topics (FtM): {', '.join(topics)}")
        flat = {"imoNumber"} if schema == "Vessel" else set()
        if schema == "Airplane":
            flat.add("registrationNumber")
        self._flat_numbers(record, identifiers, skip=flat)
        if schema == "Vessel":
            entity: Entity = self._vessel(record, common, identifiers)
        elif schema == "Airplane":
            entity = Aircraft(
                **common,
                registration=self._single(
                    record, "registrationNumber", record.take("registrationNumber")
                ),
                serial_number=self._single(record, "serialNumber", record.take("serialNumber")),
                model=self._single(record, "model", record.take("model")),
                operator_id=self._single(record, "operator", record.take("operator")),
            )
        elif schema == "Person":
            entity = self._person(record, common)
        else:
            kind = self._single(record, "classification", record.take("classification"))
            if kind is None and schema in ("Company", "PublicBody"):
                kind = "company" if schema == "Company" else "public body"
            incorporated = self._dates(record, "incorporationDate")
            entity = Organization(
                **common,
                kind=kind,
                incorporated=self._single(record, "incorporationDate", incorporated),
            )
        self._unused(record, notes)
        referents = record.top.get("referents")
        if isinstance(referents, list) and referents:
            shown = ", ".join(str(referent) for referent in referents)
            notes.append(f"Same entity in other sources (OpenSanctions referents): {shown}")
        return attrs.evolve(
            entity,
            countries=list(dict.fromkeys(countries)),
            identifiers=list(dict.fromkeys(identifiers)),
            notes=list(dict.fromkeys(notes)),
        )

    def _person(self, record: _Record, common: dict[str, Any]) -> Person:
        gender_text = record.first("gender")
        gender = None
        if gender_text is not None:
            gender = _GENDERS.get(gender_text.lower())
            if gender is None:
                self.reading.problem(
                    "unknown gender", record=record.id, field="gender", value=gender_text
                )
        self._single(record, "gender", [])
        places = [Address(full=text) for text in record.take("birthPlace")]
        born_in = self._countries(record, "birthCountry")
        if len(places) == 1 and len(born_in) == 1:
            places = [attrs.evolve(places[0], country=born_in[0])]
        elif born_in:
            record.used.discard("birthCountry")  # kept as a note: it cannot be paired
        return Person(
            **common,
            birth_dates=self._dates(record, "birthDate"),
            birth_places=list(dict.fromkeys(places)),
            gender=gender,
            positions=list(dict.fromkeys(record.take("position"))),
        )

    def _vessel(
        self, record: _Record, common: dict[str, Any], identifiers: list[Identifier]
    ) -> Vessel:
        numbers: dict[str, str | None] = {}
        for key, scheme, check in (
            ("imoNumber", "imo", imo.validate),
            ("mmsi", "mmsi", mmsi.validate),
            ("callSign", "call_sign", str),
        ):
            found = [self._value(check, record, key, text) for text in record.take(key)]
            valid = list(dict.fromkeys(value for value in found if value is not None))
            numbers[key] = valid[0] if valid else None
            # A second number is kept as an identifier, not lost.
            identifiers += [Identifier(scheme=scheme, value=value) for value in valid[1:]]
        flags = self._countries(record, "flag")
        tonnage = [self._value(_integer, record, "tonnage", t) for t in record.take("tonnage")]
        if not record.props.get("tonnage"):
            key = "grossRegisteredTonnage"
            tonnage = [self._value(_integer, record, key, t) for t in record.take(key)]
        built = [date.year for date in self._dates(record, "buildDate")]
        return Vessel(
            **common,
            imo=numbers["imoNumber"],
            mmsi=numbers["mmsi"],
            call_sign=numbers["callSign"],
            flag=self._single(record, "flag", flags),
            past_flags=self._countries(record, "pastFlags"),
            past_names=list(dict.fromkeys(record.take("previousName"))),
            vessel_type=self._single(record, "type", record.take("type")),
            tonnage=self._single(record, "tonnage", [t for t in tonnage if t is not None]),
            build_year=self._single(record, "buildDate", built),
            owner_id=self._single(record, "owner", record.take("owner")),
            operator_id=self._single(record, "operator", record.take("operator")),
        )

    def _sources(self, record: _Record) -> list[Source]:
        urls = record.take("sourceUrl")
        publishers = record.take("publisher")
        sources: list[Source] = []
        if len(urls) == 1 and len(publishers) == 1:
            sources.append(Source(url=urls[0], publisher=publishers[0]))
        else:
            sources += [Source(url=url) for url in urls]
            sources += [Source(publisher=publisher) for publisher in publishers]
        datasets = record.top.get("datasets")
        if isinstance(datasets, list) and datasets:
            sources.append(
                Source(
                    url=f"https://www.opensanctions.org/entities/{record.id}/",
                    publisher="OpenSanctions",
                    title=f"OpenSanctions dataset {', '.join(str(d) for d in datasets)}",
                )
            )
        return list(dict.fromkeys(sources))

    def _addresses(self, record: _Record) -> list[Address]:
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
                self.addresses[linked.id] = self._address(linked)
            address = self.addresses[linked.id]
            if address is not None:
                self.attached.add(linked.id)
                addresses.append(address)
        written = {address.full for address in addresses}
        addresses += [Address(full=text) for text in record.take("address") if text not in written]
        return list(dict.fromkeys(addresses))

    def _address(self, record: _Record) -> Address | None:
        parts = ("street", "street2", "postOfficeBox", "postalCode", "city", "region", "state")
        pieces = [value for key in parts for value in record.take(key)]
        country = self._single(record, "country", self._countries(record, "country"))
        full = record.first("full") or ", ".join(pieces)
        if not full and country is not None:
            full = country.name
        self._unused(record, None)  # an Address has no notes to keep free text in
        if not full:
            self.reading.problem("Address without text", record=record.id, field="full")
            return None
        return Address(full=full, city=record.first("city"), country=country)

    def _identifications(self, record: _Record) -> list[Identifier]:
        found: list[Identifier] = []
        for other in self.held.get(record.id, []):
            identifier = self._identifier(other)
            if identifier is not None:
                self.attached.add(other.id)
                found.append(identifier)
        return found

    def _identifier(self, record: _Record) -> Identifier | None:
        record.take("holder")
        number = record.first("number") or record.props.get("passportNumber", [None])[0]
        if all(value == number for value in record.props.get("passportNumber", [])):
            record.used.add("passportNumber")
        if not number:
            self.reading.problem(
                "Identification without a number", record=record.id, field="number"
            )
            return None
        kind = record.first("type")
        if record.schema == "Passport":
            scheme, label = IdentifierScheme.PASSPORT, None
        else:
            scheme, label = identify("ftm", kind or "")
        country = self._single(record, "country", self._countries(record, "country"))
        issued = self._single(record, "startDate", self._dates(record, "startDate"))
        expires = self._single(record, "endDate", self._dates(record, "endDate"))
        notes: list[str] = []
        if kind and label is None and scheme != kind:
            notes.append(f"Type: {kind}")
        notes += record.take("description")
        self._unused(record, notes)
        return Identifier(
            scheme=scheme,
            value=number,
            country=country,
            issued=issued,
            expires=expires,
            note="; ".join(notes) or None,
            label=label,
        )

    def _flat_numbers(
        self, record: _Record, identifiers: list[Identifier], *, skip: set[str]
    ) -> None:
        known = {identifier.value for identifier in identifiers}
        for key, scheme in _NUMBER_SCHEMES.items():
            if key in skip or (
                record.schema in ("Vessel", "Airplane") and key != "registrationNumber"
            ):
                continue
            for text in record.take(key):
                value: str | None = text
                if key == "imoNumber":  # "IMO5342883": sanctionkit keeps the checked digits
                    value = self._value(_company_imo, record, key, text)
                if value is not None and value not in known:
                    known.add(value)
                    identifiers.append(Identifier(scheme=scheme, value=value))

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

    # -- the second pass: designations --------------------------------------------------

    def _designation(self, record: _Record, entities: dict[str, Entity]) -> Designation | None:
        targets = record.take("entity")
        target = targets[0] if targets else None
        if target is None or target not in entities:
            message = "Sanction of an entity the file does not hold (or that was rejected)"
            self.reading.reject(message, record=record.id, value=target)
            return None
        for extra in targets[1:]:
            self.reading.problem(
                "Sanction of more than one entity; kept for the first",
                record=record.id,
                field="entity",
                value=extra,
            )
        name = record.first("authority") or record.first("publisher")
        if name is None:
            self.reading.reject("Sanction without an authority", record=record.id, value=target)
            return None
        country = self._single(record, "country", self._countries(record, "country"))
        listed = self._dates(record, "listingDate")
        for start in self._dates(record, "startDate"):
            if start not in listed[:1]:
                self.reading.problem(
                    "Sanction startDate differs from its listingDate; kept the listingDate",
                    record=record.id,
                    field="startDate",
                    value=start.isoformat(),
                )
            listed = listed or [start]
        delisted = self._dates(record, "endDate")
        measures: list[Measure] = []
        measure_notes: list[str] = []
        for text in record.take("provisions"):
            measure = _MEASURE_FROM_TEXT.get(text.lower())
            if measure is None:
                measure_notes.append(text)
            else:
                measures.append(measure)
        legal_basis: list[LegalBasis] = []
        descriptions: list[str] = []
        for text in record.take("description"):
            if text.startswith(LEGAL_BASIS_PREFIX):
                title = text.removeprefix(LEGAL_BASIS_PREFIX)
                legal_basis.append(LegalBasis(kind=LegalBasisKind.OTHER, title=title))
            else:
                descriptions.append(text)
        sources = self._sources(record)
        reasons = [*record.take("reason"), *descriptions]
        authority_ref = self._single(record, "authorityId", record.take("authorityId"))
        programmes = list(dict.fromkeys(record.take("program")))
        self._unused(record, None)  # a designation has no notes to keep free text in
        try:
            designation = Designation(
                entity_id=target,
                authority=Authority(name=name, country=country, kind=AuthorityKind.OTHER),
                authority_ref=authority_ref,
                listed=self._single(record, "listingDate", listed),
                delisted=self._single(record, "endDate", delisted),
                programmes=programmes,
                measures=list(dict.fromkeys(measures)),
                measure_notes=measure_notes,
                reasons=list(dict.fromkeys(reasons)),
                legal_basis=legal_basis,
                sources=sources,
            )
        except ReadError:
            raise
        except (ValueError, TypeError) as error:
            self.reading.reject(f"not a valid Sanction: {error}", record=record.id, value=target)
            return None
        return designation


def _country(text: str) -> Country:
    """The country an FtM country code stands for ("kp", "suhh")."""
    return Country.from_code(_FROM_FTM_HISTORICAL.get(text.lower(), text))


def _date(text: str) -> PartialDate:
    """An FtM date (an ISO prefix, maybe with a time) as a PartialDate."""
    match = _ISO_PREFIX.fullmatch(text.partition("T")[0])
    if match is None:
        raise ValueError(f"not an ISO date prefix: {text!r}")
    # Built from the digits, not parse_date: an expiry date in the future is no error here.
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    return PartialDate(year, month, day, text=text)


def _integer(text: str) -> int:
    number = float(text.replace(",", ""))
    if not number.is_integer():
        raise ValueError(f"expected a whole number, not {text!r}")
    return int(number)


def _company_imo(text: str) -> str:
    return imo.validate(text, kind="company")


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
