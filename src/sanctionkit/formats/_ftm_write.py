"""Writing FollowTheMoney (FtM) entity JSON lines: what :func:`sanctionkit.formats.ftm.dumps` does.

Each sanctionkit entity becomes one FtM entity with its id kept; the Address,
Identification, Passport and Sanction entities FtM needs beside it get ids
derived from their holder and content, so the same dataset always gives the
same lines. What FtM cannot say (an approximate date, a state without an FtM
code) goes into the entity's notes. The tables of what FtM calls things
(:data:`ALIAS_PROPERTIES`, :data:`FTM_HISTORICAL`, ...) are the reader's too.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from sanctionkit.model import (
    Address,
    Aircraft,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Identifier,
    IdentifierScheme,
    Measure,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.model.relationships import Relationship, RelationshipKind
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = [
    "AIRCRAFT_FIELDS",
    "ALIAS_PROPERTIES",
    "FTM_HISTORICAL",
    "LEGAL_BASIS_PREFIX",
    "MEASURE_TEXT",
    "VESSEL_LINKS",
    "Properties",
    "dump",
    "dumps",
]

Properties = dict[str, list[str]]

# Historical states: FtM's code for each ISO 3166-3 code it knows (checked
# against followthemoney 4.11.2). Other historical states have no FtM code.
FTM_HISTORICAL = {
    "SUHH": "suhh",
    "YUCS": "yucs",
    "CSHH": "cshh",
    "CSXX": "csxx",
    "DDDE": "dd",
    "ZRCD": "zr",
}

# FtM name properties for each alias quality.
ALIAS_PROPERTIES = {
    AliasQuality.STRONG: "alias",
    AliasQuality.WEAK: "weakAlias",
    AliasQuality.FORMER: "previousName",
}

# Identifier schemes with a property of their own on a Person or Organization,
# written there too (where screening tools look) besides the Identification entity.
_LEGAL_ENTITY_NUMBERS = {
    "passport": "passportNumber",
    "national_id": "idNumber",
    "tax_id": "taxNumber",
    "registration": "registrationNumber",
    "swift_bic": "swiftBic",
    "lei": "leiCode",
    "inn": "innCode",
    "ogrn": "ogrnCode",
}
_ORGANIZATION_NUMBERS = {**_LEGAL_ENTITY_NUMBERS, "imo_company": "imoNumber"}
_PERSON_NUMBERS = {k: v for k, v in _LEGAL_ENTITY_NUMBERS.items() if v != "swiftBic"}

#: An aircraft's properties of one text value and the field of each (written and read).
AIRCRAFT_FIELDS = {
    "registrationNumber": "registration",
    "serialNumber": "serial_number",
    "model": "model",
    "operator": "operator_id",
}
#: A ship's links to other entities: the property and the field of each.
VESSEL_LINKS = {"owner": "owner_id", "operator": "operator_id"}

MEASURE_TEXT = {measure: measure.value.replace("_", " ") for measure in Measure}
LEGAL_BASIS_PREFIX = "Legal basis: "


def dumps(dataset: Dataset) -> str:
    """The dataset's entities and designations as FtM entity JSON lines."""
    return "".join(f"{line}\n" for line in _lines(dataset))


def dump(dataset: Dataset, path: str | Path) -> None:
    """Write the dataset to a file as FtM entity JSON lines (UTF-8)."""
    with Path(path).open("w", encoding="utf-8", newline="\n") as file:
        for line in _lines(dataset):
            file.write(line + "\n")


def _lines(dataset: Dataset) -> Iterator[str]:
    designated = {designation.entity_id for designation in dataset.designations}
    written: set[str] = set()
    schemata: dict[str, str] = {}
    for entity in dataset.entities:
        for ftm_entity in _write_entity(entity, sanctioned=entity.id in designated):
            schemata.setdefault(ftm_entity["id"], ftm_entity["schema"])
            if ftm_entity["id"] not in written:  # a shared address is written once
                written.add(ftm_entity["id"])
                yield _json(ftm_entity)
    for relationship in dataset.relationships:
        yield _json(_write_relationship(relationship, schemata))
    for designation in dataset.designations:
        sanction = _write_sanction(designation)
        if sanction["id"] not in written:
            written.add(sanction["id"])
            yield _json(sanction)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def _ftm_entity(entity_id: str, schema: str, properties: Properties) -> dict[str, Any]:
    cleaned = {key: list(dict.fromkeys(values)) for key, values in properties.items() if values}
    return {"id": entity_id, "schema": schema, "properties": cleaned}


def _derived_id(prefix: str, *parts: object) -> str:
    """A deterministic id for an entity that sanctionkit keeps inside another."""
    digest = hashlib.sha1(json.dumps(parts, default=str).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:20]}"


def _ftm_country(country: Country, notes: list[str], what: str) -> list[str]:
    """FtM's code for a country, or nothing and a note saying which country was left out."""
    if not country.historical:
        return [country.alpha2.lower()]
    code = FTM_HISTORICAL.get(country.code)
    if code is not None:
        return [code]
    notes.append(f"{what}: {country.name} ({country.code}), a state FtM has no code for")
    return []


def _ftm_dates(value: PartialDate | DateRange, notes: list[str], what: str) -> list[str]:
    """ISO prefixes for a date; what FtM cannot say (approximately, between) goes in a note."""
    if isinstance(value, PartialDate):
        if value.approximate:
            exact = attrs.evolve(value, approximate=False).isoformat()
            notes.append(f"{what}: approximately {exact}")
            return [exact]
        return [value.isoformat()]
    ends = [attrs.evolve(end, approximate=False) for end in (value.start, value.end) if end]
    shown = {(True, True): "between {0} and {1}", (True, False): "{0} or later"}
    pattern = shown.get((value.start is not None, value.end is not None), "{0} or earlier")
    approximately = "approximately " if any(end.approximate for end in _ends(value)) else ""
    notes.append(f"{what}: {approximately}" + pattern.format(*(e.isoformat() for e in ends)))
    return [end.isoformat() for end in ends]


def _ends(value: DateRange) -> list[PartialDate]:
    return [end for end in (value.start, value.end) if end is not None]


def _write_entity(entity: Entity, *, sanctioned: bool) -> list[dict[str, Any]]:
    """The FtM entity for a sanctionkit entity, then its Address and Identification entities."""
    props: Properties = {"name": [entity.name]}
    notes: list[str] = []
    for alias in entity.aliases:
        props.setdefault(ALIAS_PROPERTIES[alias.quality], []).append(alias.name)
    extra: list[dict[str, Any]] = []

    if isinstance(entity, Person):
        schema = "Person"
        _write_person(entity, props, notes)
    elif isinstance(entity, Organization):
        schema = "Company" if entity.registration_numbers or entity.incorporated else "Organization"
        if entity.kind:
            props["classification"] = [entity.kind]
        if entity.incorporated:
            props["incorporationDate"] = [entity.incorporated.isoformat()]
    elif isinstance(entity, Vessel):
        schema = "Vessel"
        _write_vessel(entity, props, notes)
    elif isinstance(entity, Aircraft):
        schema = "Airplane"
        for key, field in AIRCRAFT_FIELDS.items():
            _set(props, key, getattr(entity, field))
    else:  # pragma: no cover - every entity kind is above
        raise TypeError(f"no FtM schema for {type(entity).__name__}")

    _write_countries(entity, props, notes)
    for address in entity.addresses:
        extra.append(_write_address(address, notes))
        props.setdefault("addressEntity", []).append(extra[-1]["id"])
        props.setdefault("address", []).append(address.full)
    _write_identifiers(entity, schema, props, notes, extra)

    sources = _write_sources(entity.sources)
    props.update(sources)
    if sanctioned:
        props["topics"] = ["sanction"]
    props["notes"] = [*entity.notes, *notes]
    return [_ftm_entity(entity.id, schema, props), *extra]


def _set(props: Properties, key: str, value: str | None) -> None:
    if value is not None:
        props[key] = [value]


def _write_person(person: Person, props: Properties, notes: list[str]) -> None:
    for born in person.birth_dates:
        props.setdefault("birthDate", []).extend(_ftm_dates(born, notes, "Date of birth"))
    for place in person.birth_places:
        props.setdefault("birthPlace", []).append(place.full)
        if place.country is not None:
            country = _ftm_country(place.country, notes, "Country of birth")
            props.setdefault("birthCountry", []).extend(country)
    if person.gender is not None:
        props["gender"] = [person.gender.value]
    props["position"] = list(person.positions)


def _write_vessel(vessel: Vessel, props: Properties, notes: list[str]) -> None:
    _set(props, "imoNumber", None if vessel.imo is None else _ftm_imo(vessel.imo))
    _set(props, "mmsi", vessel.mmsi)
    _set(props, "callSign", vessel.call_sign)
    if vessel.flag is not None:
        props["flag"] = _ftm_country(vessel.flag, notes, "Flag")
    for flag in vessel.past_flags:
        props.setdefault("pastFlags", []).extend(_ftm_country(flag, notes, "Past flag"))
    props.setdefault("previousName", []).extend(vessel.past_names)
    _set(props, "type", vessel.vessel_type)
    _set(props, "tonnage", None if vessel.tonnage is None else str(vessel.tonnage))
    _set(props, "buildDate", None if vessel.build_year is None else f"{vessel.build_year:04d}")
    for key, field in VESSEL_LINKS.items():
        _set(props, key, getattr(vessel, field))


# Which FtM property holds a country in each role, by kind of entity.
_PERSON_ROLES = {
    CountryRoleKind.NATIONALITY: "nationality",
    CountryRoleKind.CITIZENSHIP: "citizenship",
    CountryRoleKind.JURISDICTION: "jurisdiction",
}
_ORGANIZATION_ROLES = {
    CountryRoleKind.JURISDICTION: "jurisdiction",
    CountryRoleKind.REGISTRATION: "jurisdiction",
}


def _write_countries(entity: Entity, props: Properties, notes: list[str]) -> None:
    roles: dict[CountryRoleKind, str] = {}
    if isinstance(entity, Person):
        roles = _PERSON_ROLES
    elif isinstance(entity, Organization):
        roles = _ORGANIZATION_ROLES
    for item in entity.countries:
        key = roles.get(item.role, "country")
        what = f"Country ({item.role.value})"
        props.setdefault(key, []).extend(_ftm_country(item.country, notes, what))


def _write_address(address: Address, notes: list[str]) -> dict[str, Any]:
    props: Properties = {"full": [address.full]}
    _set(props, "city", address.city)
    if address.country is not None:
        props["country"] = _ftm_country(address.country, notes, f"Address {address.full!r}")
    code = address.country.code if address.country else None
    return _ftm_entity(_derived_id("addr", address.full, address.city, code), "Address", props)


def _write_identifiers(
    entity: Entity,
    schema: str,
    props: Properties,
    notes: list[str],
    extra: list[dict[str, Any]],
) -> None:
    if schema in ("Vessel", "Airplane"):
        # Identification's holder is a legal entity: a ship's numbers go on the ship.
        numbers = {"imo": "imoNumber", "mmsi": "mmsi", "registration": "registrationNumber"}
        for identifier in entity.identifiers:
            key = numbers.get(identifier.scheme) if schema == "Vessel" else None
            if identifier.scheme == "registration":
                key = "registrationNumber"
            if key is None:
                notes.append(f"Identifier {identifier.scheme}: {identifier.value}")
            else:
                value = _ftm_imo(identifier.value) if key == "imoNumber" else identifier.value
                props.setdefault(key, []).append(value)
        return
    flat = _PERSON_NUMBERS if schema == "Person" else _ORGANIZATION_NUMBERS
    for identifier in entity.identifiers:
        key = flat.get(identifier.scheme)
        if key == "imoNumber":
            props.setdefault(key, []).append(_ftm_imo(identifier.value))
        elif key is not None:
            props.setdefault(key, []).append(identifier.value)
        extra.append(_write_identification(entity.id, identifier))


def _write_identification(holder: str, identifier: Identifier) -> dict[str, Any]:
    notes: list[str] = []
    props: Properties = {
        "holder": [holder],
        "number": [identifier.value],
        # An ``other`` number is written as what the source called it, and reads back so.
        "type": [identifier.label or identifier.scheme.value]
        if identifier.scheme is IdentifierScheme.OTHER
        else [identifier.scheme.value],
    }
    if identifier.country is not None:
        props["country"] = _ftm_country(identifier.country, notes, "Country")
    if identifier.issued is not None:
        props["startDate"] = [identifier.issued.isoformat()]
    if identifier.expires is not None:
        props["endDate"] = [identifier.expires.isoformat()]
    description = [identifier.note] if identifier.note else []
    props["description"] = ["; ".join([*description, *notes])] if description or notes else []
    schema = "Passport" if identifier.scheme == "passport" else "Identification"
    code = identifier.country.code if identifier.country else None
    entity_id = _derived_id("id", holder, identifier.scheme, identifier.value, code)
    return _ftm_entity(entity_id, schema, props)


def _ftm_imo(number: str) -> str:
    """An IMO number as FtM cleans it: "IMO" and the seven digits."""
    digits = re.sub(r"\D", "", number)
    return f"IMO{digits}" if len(digits) == 7 else number


def _write_sources(sources: Iterable[Source]) -> Properties:
    return {
        "sourceUrl": [source.url for source in sources if source.url],
        "publisher": [source.publisher for source in sources if source.publisher],
    }


def _write_sanction(designation: Designation) -> dict[str, Any]:
    authority = designation.authority
    notes: list[str] = []
    props: Properties = {
        "entity": [designation.entity_id],
        "authority": [authority.name],
        "program": list(designation.programmes),
        "reason": list(designation.reasons),
        "provisions": [
            *(MEASURE_TEXT[measure] for measure in designation.measures),
            *designation.measure_notes,
        ],
        "description": [LEGAL_BASIS_PREFIX + str(basis) for basis in designation.legal_basis],
    }
    if authority.country is not None:
        props["country"] = _ftm_country(authority.country, notes, "Authority's country")
    _set(props, "authorityId", designation.authority_ref)
    if designation.listed is not None:
        props["listingDate"] = [designation.listed.isoformat()]
    if designation.delisted is not None:
        props["endDate"] = [designation.delisted.isoformat()]
    props.update(_write_sources(designation.sources))
    props["summary"] = notes
    entity_id = _derived_id(
        "sanction",
        designation.entity_id,
        authority.name,
        designation.authority_ref,
        designation.listed and designation.listed.isoformat(),
        designation.programmes,
    )
    return _ftm_entity(entity_id, "Sanction", props)


# FtM schemata that may stand at each end of an Ownership or a Directorship.
_ASSETS = frozenset({"Company", "Vessel", "Airplane"})
_LEGAL_ENTITIES = frozenset({"Person", "Organization", "Company"})
_ORGANIZATIONS = frozenset({"Organization", "Company"})


def _write_relationship(relationship: Relationship, schemata: dict[str, str]) -> dict[str, Any]:
    """An Ownership, a Directorship, or else an UnknownLink with the link's words as role.

    Ownership's asset must be an FtM Asset (a Company, a Vessel, an Airplane) and
    Directorship's organization an Organization: a link whose ends FtM does not
    allow there is written as an UnknownLink, so nothing is lost.
    """
    subject, other = relationship.subject_id, relationship.object_id
    kind = relationship.kind
    ends = schemata.get(subject), schemata.get(other)
    props: Properties = {"role": [relationship.note or kind.value.replace("_", " ")]}
    if kind is RelationshipKind.OWNED_OR_CONTROLLED_BY and (
        ends[0] in _ASSETS and ends[1] in _LEGAL_ENTITIES
    ):
        schema, props["asset"], props["owner"] = "Ownership", [subject], [other]
    elif kind is RelationshipKind.LEADER_OF and (
        ends[0] in _LEGAL_ENTITIES and ends[1] in _ORGANIZATIONS
    ):
        schema, props["director"], props["organization"] = "Directorship", [subject], [other]
    else:
        schema, props["subject"], props["object"] = "UnknownLink", [subject], [other]
    if relationship.former:
        props["status"] = ["former"]
    if relationship.source is not None:
        props.update(_write_sources([relationship.source]))
    entity_id = _derived_id("link", subject, other, kind.value, relationship.former)
    return _ftm_entity(entity_id, schema, props)
