"""What the UK Sanctions List's XML and CSV share: one designation's values, mapped to the model.

Both readers fill a :class:`Record` (the values of one designation by field,
and its groups: names, addresses, passports ...) and hand it to :func:`build`,
which keeps an entity and its designation or rejects the record with a
problem. So the XML and the CSV of one day give equal datasets, and the
mapping below is written once. The page "UK Sanctions List" has the table of
what becomes what.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from sanctionkit.errors import NotAvailableError
from sanctionkit.formats._authorities import uk_fcdo
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._scripts import guess_script
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRole,
    CountryRoleKind,
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
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["Record", "build", "clean", "uk_date"]

ID_PREFIX: Final = "uk-sl-"
_CLASSES: Final[dict[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "ship": Vessel,
}
_NAME_TYPES: Final = {
    "primary name": "primary",
    "primary name variation": "variation",
    "alias": "alias",
}
_STRENGTHS: Final = {
    "good quality a.k.a": AliasQuality.STRONG,
    "low quality a.k.a": AliasQuality.WEAK,
}
_MEASURES: Final = {
    "asset freeze": Measure.ASSET_FREEZE,
    "travel ban": Measure.TRAVEL_BAN,
    "arms embargo": Measure.ARMS_EMBARGO,
    "targeted arms embargo": Measure.ARMS_EMBARGO,
    "prohibition of port entry": Measure.PORT_ENTRY_BAN,
}
_GENDERS: Final = {"male": Gender.MALE, "female": Gender.FEMALE}
#: Identifier schemes, by the record's field or group (one place, for the shared vocabulary).
_SCHEMES: Final = {
    "unique_id": "uk_sanctions_list_ref",
    "group_id": "uk_group_id",
    "un_ref": "un_reference",
    "registration": "registration",
    "hin": "hull_id",
    "passport": "passport",
    "national_id": "national_id",
}
#: Fields kept as notes, with the label they are noted under.
_NOTES: Final = {
    "other": "",
    "designation_source": "Designation source",
    "last_updated": "Last updated on the list",
    "phone": "Phone",
    "email": "Email",
    "website": "Website",
    "parent": "Parent company",
    "subsidiary": "Subsidiary",
    "owner": "Current owner/operator",
    "previous_owner": "Previous owner/operator",
    "length": "Length of ship",
    "unknown": "",
}
#: Fields only one kind of entity has a place for; on another kind they are kept as notes.
_OWN_FIELDS: Final[dict[str, tuple[type[Entity], str]]] = {
    "dob": (Person, "Date of birth"),
    "position": (Person, "Position"),
    "gender": (Person, "Gender"),
    "entity_type": (Organization, "Type of entity"),
    "imo": (Vessel, "IMO number"),
    "flag": (Vessel, "Current believed flag"),
    "previous_flag": (Vessel, "Previous flag"),
    "ship_type": (Vessel, "Type of ship"),
    "tonnage": (Vessel, "Tonnage of ship"),
    "year_built": (Vessel, "Year built"),
}


def clean(text: str | None) -> str:
    """Text with its runs of white space made one space, and trimmed."""
    return " ".join(text.split()) if text else ""


@attrs.define
class Record:
    """One designation's values by field, and its groups, in file order without repeats."""

    #: The designation's UniqueID, or where it is in the file: what problems name.
    label: str
    values: dict[str, dict[str, None]] = attrs.Factory(dict)
    groups: dict[str, dict[tuple[tuple[str, str], ...], dict[str, str]]] = attrs.Factory(dict)

    def add(self, field: str, text: str | None) -> None:
        if value := clean(text):
            self.values.setdefault(field, {})[value] = None

    def add_group(self, group: str, values: dict[str, str]) -> None:
        if kept := {key: value for key, value in values.items() if value}:
            self.groups.setdefault(group, {})[tuple(sorted(kept.items()))] = kept

    def all(self, field: str) -> list[str]:
        return list(self.values.get(field, ()))

    def first(self, field: str) -> str:
        return next(iter(self.values.get(field, ())), "")

    def group(self, group: str) -> list[dict[str, str]]:
        return list(self.groups.get(group, {}).values())


def build(record: Record, reading: Reading, source: Source, seen: set[str]) -> None:
    """Keep the record's entity and designation, or reject it with a problem saying why."""
    unique_id = record.first("unique_id")
    if not unique_id:
        reading.reject("designation without a UniqueID", record=record.label)
        return
    if unique_id in seen:
        reading.reject("a second designation with this UniqueID", record=unique_id)
        return
    seen.add(unique_id)
    names = _names(record, reading)
    if names is None:
        reading.reject("designation without a name", record=record.label)
        return
    cls = _class(record, reading)
    notes = _notes(record, reading, cls)
    common = {
        "id": ID_PREFIX + unique_id,
        "name": names[0],
        "aliases": names[1],
        "identifiers": _identifiers(record),
        "addresses": _addresses(record, reading),
        "sources": (source,),
    }
    entity: Entity
    if cls is Person:
        entity = _person(record, reading, common, notes)
    elif cls is Vessel:
        entity = _vessel(record, reading, common, notes)
    else:
        kind = record.first("entity_type") or None
        countries = _countries(record, reading, common["addresses"])  # type: ignore[arg-type]
        entity = Organization(**common, countries=countries, notes=notes, kind=kind)  # type: ignore[arg-type]
    reading.keep(entity, _designation(record, reading, source, entity.id))


def _names(record: Record, reading: Reading) -> tuple[str, list[Alias]] | None:
    """The primary name and the aliases: Name1 to Name5 are given names, Name6 the last."""
    primary = ""
    aliases: list[Alias] = []
    for group in record.group("name"):
        full = " ".join(group[f"name{n}"] for n in range(1, 7) if f"name{n}" in group)
        kind = _NAME_TYPES.get(clean(group.get("type")).lower())
        if kind is None:
            message = "unknown NameType; the name is read as an alias"
            reading.problem(message, record=record.label, field="NameType", value=group.get("type"))
        if not full:
            continue
        if kind == "primary" and not primary:
            primary = full
            continue
        quality = _quality(group.get("strength", ""), record, reading)
        aliases.append(Alias(name=full, quality=quality))
    for group in record.group("non_latin"):
        if name := group.get("name"):
            language = _language(group.get("language", ""))
            aliases.append(Alias(name=name, script=guess_script(name), language=language))
    if not primary and aliases:
        primary = aliases.pop(0).name
        reading.problem("no Primary Name; the first name is used", record=record.label)
    unique = {alias.name: alias for alias in reversed(aliases) if alias.name != primary}
    return (primary, list(reversed(unique.values()))) if primary else None


def _quality(text: str, record: Record, reading: Reading) -> AliasQuality:
    # Blank: the list gives no strength (it does for UN listings and some others only).
    quality = _STRENGTHS.get(clean(text).lower(), AliasQuality.STRONG)
    if text and clean(text).lower() not in _STRENGTHS:
        message = "unknown AliasStrength; the alias is read as strong"
        reading.problem(message, record=record.label, field="AliasStrength", value=text)
    return quality


def _class(record: Record, reading: Reading) -> type[Entity]:
    kind = record.first("kind")
    cls = _CLASSES.get(kind.lower())
    if cls is None:
        message = "unknown IndividualEntityShip; read as an organisation"
        reading.problem(message, record=record.label, field="IndividualEntityShip", value=kind)
        return Organization
    return cls


def _notes(record: Record, reading: Reading, cls: type[Entity]) -> list[str]:
    notes = [
        f"{label}: {text}" if label else text
        for field, label in _NOTES.items()
        for text in record.all(field)
    ]
    if cls is not Person:
        notes.extend(f"Title: {title}" for title in record.all("title"))
    for field, (owner, label) in _OWN_FIELDS.items():
        for text in record.all(field) if cls is not owner else ():
            notes.append(f"{label}: {text}")
            message = f"a {owner.__name__}'s field on a {cls.__name__}; kept as a note"
            reading.problem(message, record=record.label, field=label, value=text, code="unread-value")
    return notes


def _identifiers(record: Record) -> list[Identifier]:
    found = [
        Identifier(scheme=_SCHEMES[field], value=value)
        for field in ("unique_id", "group_id", "un_ref", "registration", "hin")
        for value in record.all(field)
    ]
    for group in ("passport", "national_id"):
        found.extend(
            Identifier(scheme=_SCHEMES[group], value=item["number"], note=item.get("note"))
            for item in record.group(group)
            if item.get("number")
        )
    return found


def _addresses(record: Record, reading: Reading) -> list[Address]:
    addresses = []
    for group in record.group("address"):
        keys = (*(f"line{n}" for n in range(1, 7)), "postcode", "country")
        full = ", ".join(group[key] for key in keys if key in group)
        country = reading.country(group.get("country"), record=record.label, field="AddressCountry")
        addresses.append(Address(full=full, country=country))
    return addresses


def _countries(record: Record, reading: Reading, addresses: list[Address]) -> list[CountryRole]:
    roles = []
    for text in record.all("nationality"):
        country = reading.country(text, record=record.label, field="Nationality")
        if country is not None:
            roles.append(CountryRole(country=country, role=CountryRoleKind.NATIONALITY))
    for address in addresses:
        if address.country is not None:
            roles.append(CountryRole(country=address.country, role=CountryRoleKind.LOCATION))
    return list(dict.fromkeys(roles))


def _person(record: Record, reading: Reading, common: dict[str, object], notes: list[str]) -> Person:
    label = record.label
    births = [uk_date(reading, text, label, "DOB") for text in record.all("dob")]
    places = []
    for group in record.group("birth"):
        country = reading.country(group.get("country"), record=label, field="CountryOfBirth")
        full = ", ".join(part for part in (group.get("town"), group.get("country")) if part)
        places.append(Address(full=full, city=group.get("town"), country=country))
    gender_text = record.first("gender")
    gender = _GENDERS.get(gender_text.lower())
    if gender_text and gender is None:
        reading.problem("unknown Gender", record=label, field="Gender", value=gender_text)
    return Person(
        **common,  # type: ignore[arg-type]
        countries=_countries(record, reading, common["addresses"]),  # type: ignore[arg-type]
        notes=notes,
        birth_dates=list(dict.fromkeys(born for born in births if born is not None)),
        birth_places=places,
        gender=gender,
        positions=[*record.all("title"), *record.all("position")],
    )


def _vessel(record: Record, reading: Reading, common: dict[str, object], notes: list[str]) -> Vessel:
    label = record.label
    numbers = [reading.imo_number(text, record=label, field="IMONumber") for text in record.all("imo")]
    numbers = list(dict.fromkeys(number for number in numbers if number is not None))
    for extra in numbers[1:]:
        message = "a second IMO number; the ship has one, this one is kept as a note"
        reading.problem(message, record=label, field="IMONumber", value=extra, code="unread-value")
        notes.append(f"IMO number: {extra}")
    flags = [reading.country(text, record=label, field="Flag") for text in record.all("flag")]
    past = [reading.country(text, record=label, field="PreviousFlag") for text in record.all("previous_flag")]
    return Vessel(
        **common,  # type: ignore[arg-type]
        countries=_countries(record, reading, common["addresses"]),  # type: ignore[arg-type]
        notes=notes,
        imo=numbers[0] if numbers else None,
        flag=next((flag for flag in flags if flag is not None), None),
        past_flags=[flag for flag in past if flag is not None],
        vessel_type=record.first("ship_type") or None,
        tonnage=_whole(reading, record.first("tonnage"), label, "TonnageOfShip"),
        build_year=_whole(reading, record.first("year_built"), label, "YearBuilt"),
    )


def _designation(record: Record, reading: Reading, source: Source, entity_id: str) -> Designation:
    measures: list[Measure] = []
    notes: list[str] = []
    phrases = [part for text in record.all("sanctions") for part in text.split("|")]
    for phrase in [*phrases, *record.all("indicator")]:
        measure = _MEASURES.get(clean(phrase).lower(), Measure.OTHER)
        measures.append(measure)
        if measure is Measure.OTHER and clean(phrase).lower() not in (n.lower() for n in notes):
            notes.append(clean(phrase))
    return Designation(
        entity_id=entity_id,
        authority=uk_fcdo(),
        authority_ref=record.first("unique_id"),
        listed=uk_date(reading, record.first("designated"), record.label, "DateDesignated"),
        programmes=record.all("regime"),
        measures=list(dict.fromkeys(measures)),
        measure_notes=notes,
        reasons=record.all("reasons"),
        sources=(source,),
    )


def uk_date(reading: Reading, text: str, record: str | None, field: str) -> PartialDate | None:
    """A dd/mm/yyyy date, "dd" and "mm" standing for an unknown day and month.

    "dd/mm/1945" is the year 1945; "dd/mm/yyyy" is no date (and no problem).
    """
    value = reading.value(_parse_uk_date, text, record=record, field=field)
    if isinstance(value, DateRange):
        reading.problem("expected one date, found a range", record=record, field=field, value=text)
        return None
    return value


@functools.lru_cache(maxsize=4096)
def _parse_uk_date(text: str) -> PartialDate | DateRange:
    if re.search(r"(?i)\byyyy\b", text):
        raise NotAvailableError(f"the date is not known: {text!r}", text)
    return parse_date(re.sub(r"(?i)\b(dd|mm)\b", "00", text), dayfirst=True)


def _whole(reading: Reading, text: str, record: str, field: str) -> int | None:
    def parse(value: str) -> int:
        digits = value.replace(",", "")
        if not digits.isdigit():
            raise ValueError(f"not a whole number: {value!r}")
        return int(digits)

    return reading.value(parse, text or None, record=record, field=field)


@functools.lru_cache(maxsize=64)
def _language(text: str) -> str | None:
    """The ISO 639-1 code of a language's English name ("Russian": "ru"), where it has one."""
    if not text:
        return None
    import pycountry

    try:
        code = getattr(pycountry.languages.lookup(text), "alpha_2", None)
    except LookupError:
        return None
    return str(code) if code else None
