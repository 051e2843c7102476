"""What the UK Sanctions List's XML and CSV share: one designation's values, mapped to the model.

Both readers fill a :class:`Record` (the values of one designation by field,
and its groups: names, addresses, passports ...) and hand it to :func:`build`,
which keeps an entity and its designation or rejects the record with a
problem. So the XML and the CSV of one day give equal datasets, and the
mapping below is written once. The page "UK Sanctions List" has the table of
what becomes what.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from sanctionkit.errors import NotAvailableError
from sanctionkit.formats._authorities import uk_fcdo
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._text import clean, join, language_code, script
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
    IdentifierScheme,
    Measure,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["ID_PREFIX", "Record", "build", "uk_date"]

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
#: Identifier schemes of the record's fields and groups of numbers. Each field holds one
#: kind of number (as the UK ConList's columns do), so the field names the scheme; the hull
#: identification number of small craft has none in the vocabulary: ``other``, labelled.
_SCHEMES: Final[dict[str, tuple[IdentifierScheme, str | None]]] = {
    "unique_id": (IdentifierScheme.UK_SANCTIONS_LIST_REF, None),
    "group_id": (IdentifierScheme.UK_GROUP_ID, None),
    "un_ref": (IdentifierScheme.UN_REFERENCE, None),
    "registration": (IdentifierScheme.REGISTRATION, None),
    "hin": (IdentifierScheme.OTHER, "Hull identification number (HIN)"),
    "passport": (IdentifierScheme.PASSPORT, None),
    "national_id": (IdentifierScheme.NATIONAL_ID, None),
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
_ADDRESS_PARTS: Final = (*(f"line{n}" for n in range(1, 7)), "postcode", "country")


@attrs.define
class Record:
    """One designation's values by field, and its groups, in file order without repeats."""

    #: The designation's UniqueID, or where it is in the file: what problems name.
    label: str
    values: dict[str, dict[str, None]] = attrs.Factory(dict)
    groups: dict[str, dict[tuple[tuple[str, str], ...], dict[str, str]]] = attrs.Factory(dict)
    _seen: set[tuple[str, str]] = attrs.Factory(set)

    def add(self, field: str, text: str | None) -> None:
        # The CSV repeats a designation's values on each of its rows: clean each text once.
        if not text or (field, text) in self._seen:
            return
        self._seen.add((field, text))
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


def build(record: Record, reading: Reading, source: Source) -> None:
    """Keep the record's entity and designation, or reject it with a problem saying why."""
    unique_id = record.first("unique_id")
    if not unique_id:
        reading.reject("designation without a UniqueID", record=record.label)
        return
    entity_id = reading.unique_id([ID_PREFIX + unique_id.lower()], duplicate="", record=unique_id)
    if entity_id is None:
        reading.reject("a second designation with this UniqueID; not read", record=unique_id)
        return
    draft = EntityDraft(label=unique_id, id=entity_id, kind=_class(record, reading))
    draft.sources = (source,)
    _names(record, reading, draft)
    _identifiers(record, draft)
    _places(record, reading, draft)
    _person(record, reading, draft)
    _ship(record, reading, draft)
    if kind := record.first("entity_type"):
        draft.extra["kind"] = kind
    for field, label in _NOTES.items():
        for text in record.all(field):
            draft.note(reading.intern(f"{label}: {text}" if label else text))
    entity = draft.build(reading)
    if entity is not None:
        reading.keep(entity, _designation(record, reading, source, entity.id))


def _names(record: Record, reading: Reading, draft: EntityDraft) -> None:
    """The primary name and the aliases: Name1 to Name5 are given names, Name6 the last."""
    aliases: list[Alias] = []
    for group in record.group("name"):
        full = join((group.get(f"name{n}", "") for n in range(1, 7)), " ")
        kind = _NAME_TYPES.get(group.get("type", "").lower())
        if kind is None:
            message = "unknown NameType; the name is read as an alias"
            reading.problem(message, record=draft.label, field="NameType", value=group.get("type"))
        if kind == "primary" and not draft.name:
            draft.name = full
        elif full:
            aliases.append(Alias(name=full, quality=_quality(group, draft.label, reading)))
    for group in record.group("non_latin"):
        if name := group.get("name"):
            language = language_code(group.get("language", ""))
            if group.get("language") and language is None:
                message = "a language without an ISO 639-1 code; the alias is kept without it"
                field = "NonLatinScriptLanguage"
                reading.problem(message, record=draft.label, field=field, value=group["language"])
            aliases.append(Alias(name=name, script=script(name), language=language))
    if not draft.name and aliases:
        draft.name = aliases.pop(0).name
        reading.problem("no Primary Name; the first name is used", record=draft.label)
    for alias in aliases:
        draft.alias(alias)


def _quality(group: dict[str, str], label: str, reading: Reading) -> AliasQuality:
    # No strength is no word on it (the list gives it for UN listings and some others): strong.
    message = "unknown AliasStrength; the alias is read as strong"
    text = group.get("strength", "")
    quality = reading.choice(_STRENGTHS, text, record=label, field="AliasStrength", message=message)
    return quality or AliasQuality.STRONG


def _class(record: Record, reading: Reading) -> type[Entity]:
    kind = record.first("kind")
    cls = _CLASSES.get(kind.lower())
    if cls is None:
        message = "unknown IndividualEntityShip; read as an organisation"
        reading.problem(message, record=record.label, field="IndividualEntityShip", value=kind)
        return Organization
    return cls


def _identifiers(record: Record, draft: EntityDraft) -> None:
    for field in ("unique_id", "group_id", "un_ref", "registration", "hin"):
        scheme, label = _SCHEMES[field]
        for value in record.all(field):
            draft.identifiers.append(Identifier(scheme=scheme, value=value, label=label))
    for group in ("passport", "national_id"):
        scheme, label = _SCHEMES[group]
        for item in record.group(group):
            if number := item.get("number"):
                note = item.get("note")
                identifier = Identifier(scheme=scheme, value=number, note=note, label=label)
                draft.identifiers.append(identifier)


def _places(record: Record, reading: Reading, draft: EntityDraft) -> None:
    """Addresses (their countries as locations), nationalities and places of birth."""
    label = draft.label
    for group in record.group("address"):
        full = join(group.get(key, "") for key in _ADDRESS_PARTS)
        country = reading.country(group.get("country"), record=label, field="AddressCountry")
        draft.address(reading.intern(Address(full=full, country=country)))
        if country is not None:
            draft.role(reading.intern(CountryRole(country=country, role=CountryRoleKind.LOCATION)))
    for text in record.all("nationality"):
        country = reading.country(text, record=label, field="Nationality")
        if country is not None:
            role = CountryRole(country=country, role=CountryRoleKind.NATIONALITY)
            draft.role(reading.intern(role))
    for group in record.group("birth"):
        town, country_text = group.get("town"), group.get("country")
        country = reading.country(country_text, record=label, field="CountryOfBirth")
        place = Address(full=join((town or "", country_text or "")), city=town, country=country)
        draft.birth_place(reading.intern(place))


def _person(record: Record, reading: Reading, draft: EntityDraft) -> None:
    """Dates of birth, gender, titles and positions (notes, on a record not of a person)."""
    for text in record.all("dob"):
        born = uk_date(reading, text, draft.label, "DOB")
        if born is not None:
            draft.birth_date(born)
    draft.gender = reading.choice(
        _GENDERS,
        record.first("gender"),
        record=draft.label,
        field="Gender",
        message="unknown Gender",
    )
    # Titles ("Mullah", "Dr") are positions, as the UN's and OFSI's readers read them.
    for text in [*record.all("title"), *record.all("position")]:
        draft.position(text)


def _ship(record: Record, reading: Reading, draft: EntityDraft) -> None:
    """The ship's numbers, flags, type, tonnage and year (notes, on a record not of a ship)."""
    label = draft.label
    numbers = [
        reading.imo_number(text, record=label, field="IMONumber") for text in record.all("imo")
    ]
    numbers = list(dict.fromkeys(number for number in numbers if number is not None))
    for extra in numbers[1:]:
        message = "a second IMO number; the ship has one, this one is kept as a note"
        reading.problem(message, record=label, field="IMONumber", value=extra, code="unread-value")
        draft.note(f"IMO number: {extra}")
    flags = [reading.country(text, record=label, field="Flag") for text in record.all("flag")]
    past = [
        reading.country(text, record=label, field="PreviousFlag")
        for text in record.all("previous_flag")
    ]
    values = {
        "imo": numbers[0] if numbers else None,
        "flag": next((flag for flag in flags if flag is not None), None),
        "past_flags": [flag for flag in past if flag is not None] or None,
        "vessel_type": record.first("ship_type") or None,
        "tonnage": reading.whole_number(
            record.first("tonnage"), record=label, field="TonnageOfShip"
        ),
        "build_year": reading.whole_number(
            record.first("year_built"), record=label, field="YearBuilt"
        ),
    }
    draft.extra.update((key, value) for key, value in values.items() if value is not None)


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
    return reading.single_date(text, record=record, field=field, parse=_parse_uk_date)


def _parse_uk_date(text: str) -> PartialDate | DateRange:
    if re.search(r"(?i)\byyyy\b", text):
        raise NotAvailableError(f"the date is not known: {text!r}", text)
    return parse_date(re.sub(r"(?i)\b(dd|mm)\b", "00", text), dayfirst=True)
