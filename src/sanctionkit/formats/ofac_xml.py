"""OFAC's classic XML lists (``sdnList``): ``sdn.xml`` and ``consolidated.xml``.

Each ``sdnEntry`` becomes one entity (Individual → :class:`~sanctionkit.Person`,
Entity → :class:`~sanctionkit.Organization`, Vessel → :class:`~sanctionkit.Vessel`,
Aircraft → :class:`~sanctionkit.Aircraft`) with the id ``ofac-{uid}``, and one
:class:`~sanctionkit.Designation` by OFAC whose ``authority_ref`` is the uid.
The ``publshInformation`` header (OFAC's spelling) becomes the dataset's metadata.

Elements are matched by their local names, so the namespace OFAC used until 2024
(``http://tempuri.org/sdnList.xsd``), the one it uses since, and any later one
with the same element names all read the same way. The file is streamed
(:func:`~sanctionkit.formats._xml.iter_records`): one entry in memory at a time,
and no DTD, so no entity is ever expanded or fetched.

What becomes what, and the quirks of the real files, are in ``docs/formats/ofac-xml.md``.

>>> import io
>>> data = b'''<?xml version="1.0"?>
... <sdnList xmlns="http://tempuri.org/sdnList.xsd">
...   <publshInformation><Publish_Date>04/06/2018</Publish_Date>
...   <Record_Count>1</Record_Count></publshInformation>
...   <sdnEntry><uid>15036</uid><lastName>SHONA</lastName><sdnType>Vessel</sdnType>
...     <programList><program>IRAN</program></programList>
...     <idList><id><uid>8045</uid><idType>Vessel Registration Identification</idType>
...     <idNumber>IMO 9187629</idNumber></id></idList>
...     <vesselInfo><vesselFlag>Tanzania</vesselFlag></vesselInfo></sdnEntry>
... </sdnList>'''
>>> ds = read(io.BytesIO(data), name="sdn.xml", strict=False)
>>> ship = ds.vessels[0]
>>> ship.id, ship.imo, ship.flag.alpha2
('ofac-15036', '9187629', 'TZ')
>>> ds.metadata["publish_date"], ds.metadata["list"]
('2018-04-06', 'OFAC SDN')
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from sanctionkit.formats import _ofac
from sanctionkit.formats._authorities import ofac
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._ofac import element_text as _text
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
from sanctionkit.formats._xml import iter_records, local_name
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
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = ["read", "sniff"]

#: The root element's local name, in every namespace OFAC has used.
ROOT = "sdnList"

# idTypes that say no more than their scheme; any other is kept in the note, as
# the CSV keeps it ("UK Company Number" is a registration number of one registry).
_PLAIN_ID_TYPES = frozenset(
    {"Passport", "National ID No.", "Tax ID No.", "Registration ID", "Registration Number"}
    | {"SWIFT/BIC"}
)

# A "Vessel Registration Identification" that is an IMO number ("IMO 9187629", or its
# digits alone); any other is a national registry's number.
_IMO_LIKE = re.compile(r"\s*(?:IMO\b|\d+\s*$)", re.IGNORECASE)

_UNKNOWN_LIST = "OFAC sdnList"


def sniff(head: bytes) -> bool:
    """True when the file's root element is ``sdnList``, in any namespace.

    >>> sniff(b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">')
    True
    >>> sniff(b"<CONSOLIDATED_LIST>")
    False
    """
    return xml_root_name(head) == ROOT


def read(source: str | Path | IO[bytes], *, name: str, strict: bool = False) -> Dataset:
    """Read an OFAC ``sdnList`` XML file: every entry, its designation, the header.

    Lenient by default: a bad value is left out with a problem in
    ``dataset.problems``; ``strict=True`` raises the first as ReadError.
    """
    reading = Reading(file=name, strict=strict)
    # The XML itself does not say which list it is: only its file name does.
    list_name = _ofac.list_name(name, _UNKNOWN_LIST)
    entries = _Entries(reading, list_name)
    header: dict[str, str] = {}
    root: ET.Element | None = None
    records = iter_records(
        source, "sdnEntry", name, containers=(ROOT,), beside=("publshInformation",), reading=reading
    )
    for kind, element in records:
        if kind == "root":
            root = element
            continue
        if not header and root is not None:
            # publshInformation precedes the entries, so it is complete by now.
            header = _header(root, reading)
            entries.published = _published(header)
        entries.add(element)
    if not header and root is not None:
        header = _header(root, reading)
    if root is None or local_name(root.tag) != ROOT:
        found = "nothing" if root is None else f"<{local_name(root.tag)}>"
        reading.problem(f"expected an OFAC <sdnList> document, found {found}")
    del entries  # its caches, before the dataset is built: a lower peak of memory
    _check_count(header, reading)
    metadata: dict[str, str | int] = {"list": list_name, "format": "ofac-xml", **header}
    stated = str(metadata.pop("record_count", ""))  # a count, like records_read: as a number
    if stated.isdigit():  # else a problem (_check_count), and no text where a count belongs
        metadata["record_count"] = int(stated)
    return reading.dataset(metadata)


def _header(root: ET.Element, reading: Reading) -> dict[str, str]:
    header: dict[str, str] = {}
    for child in root:
        if local_name(child.tag) != "publshInformation":
            continue
        for item in child:
            tag, text = local_name(item.tag), _text(item)
            if text is None:
                continue
            if tag == "Publish_Date":
                try:
                    # Always month first: "04/06/2018" is 6 April.
                    day = datetime.datetime.strptime(text, "%m/%d/%Y").date()
                except ValueError:
                    reading.problem(
                        "expected a date as MM/DD/YYYY", field="Publish_Date", value=text
                    )
                else:
                    header["publish_date"] = day.isoformat()
            elif tag == "Record_Count":
                header["record_count"] = text
    return header


def _published(header: dict[str, str]) -> PartialDate | None:
    text = header.get("publish_date")
    return None if text is None else PartialDate.from_date(datetime.date.fromisoformat(text))


def _check_count(header: dict[str, str], reading: Reading) -> None:
    stated = header.get("record_count")
    if stated is None:
        return
    if not stated.isdigit():
        reading.problem("expected a number", field="Record_Count", value=stated)
    elif int(stated) != reading.read:
        message = f"the file says it holds {stated} entries, but it holds {reading.read}"
        reading.problem(message, field="Record_Count", value=stated)


class _Entries(_ofac.Shared):
    """Turns ``sdnEntry`` elements into entities and designations, sharing what repeats."""

    def __init__(self, reading: Reading, list_name: str) -> None:
        super().__init__()
        self.reading = reading
        self.list_name = list_name
        self.published: PartialDate | None = None
        self._source: tuple[Source, ...] | None = None
        self.local = _ofac.LocalNames()

    def sources(self) -> tuple[Source, ...]:
        if self._source is None:
            title = f"OFAC sdnList ({Path(self.reading.file).name})"
            source = Source(publisher=_ofac.PUBLISHER, title=title, published=self.published)
            self._source = (source,)
        return self._source

    def country(self, text: str | None, uid: str, field: str) -> Country | None:
        return _ofac.country(self.reading, text, uid, field)

    def date(self, text: str | None, uid: str, field: str) -> PartialDate | DateRange | None:
        return self.reading.date(text, record=uid, field=field)

    def single_date(self, text: str | None, uid: str, field: str) -> PartialDate | None:
        return self.reading.single_date(text, record=uid, field=field)

    # --- one entry ----------------------------------------------------------------

    def add(self, entry: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        parts: dict[str, ET.Element] = {self.local[child.tag]: child for child in entry}
        uid = _text(parts.get("uid"))
        first, last = _text(parts.get("firstName")), _text(parts.get("lastName"))
        name = _ofac.full_name(first, last)
        if uid is None:
            reading.reject("sdnEntry without a uid", value=name or None)
            return
        if not name:
            reading.reject("sdnEntry without a name (no lastName or firstName)", record=uid)
            return
        entity_id = _ofac.entity_id(uid)
        if reading.unique_id([entity_id], duplicate="", record=uid) is None:
            reading.reject("a second sdnEntry with the same uid", record=uid, value=name)
            return
        entity = _Entity(self, uid, self.kind(uid, _text(parts.get("sdnType"))))
        listed = _ofac.listed_name(first, last)
        if entity.kind is Person and listed:
            entity.draft.aliases.append(Alias(name=self.share(listed)))
        for tag, element in parts.items():
            entity.element(tag, element)
        built = entity.build(entity_id, name)
        if built is not None:
            reading.keep(built, self.designation(entity, entity_id))

    def kind(self, uid: str, sdn_type: str | None) -> type[Entity]:
        kind = _ofac.entity_class(sdn_type)
        if kind is None:
            self.reading.problem(
                "unknown sdnType: read as an organisation",
                record=uid,
                field="sdnType",
                value=sdn_type,
            )
            kind = Organization
        return kind

    def designation(self, entity: _Entity, entity_id: str) -> Designation:
        return Designation(
            entity_id=entity_id,
            authority=ofac(),
            authority_ref=entity.uid,
            programmes=entity.programmes,
            measures=_ofac.measures(self.list_name, entity.programmes),
            measure_notes=self.share(tuple(entity.measure_notes)),
            sources=self.sources(),
        )


class _Entity:
    """What one entry says, gathered field by field, then built into an entity."""

    def __init__(self, entries: _Entries, uid: str, kind: type[Entity]) -> None:
        self.entries = entries
        self.uid = uid
        self.kind = kind
        self.draft = EntityDraft(label=uid, kind=kind)
        self.measure_notes: list[str] = []
        self.programmes: tuple[str, ...] = ()
        self.past_flags: list[Country] = []
        self.past_names: list[str] = []

    def note(self, label: str, text: str | None) -> None:
        if text is not None:
            self.draft.notes.append(self.entries.share(f"{label}: {text}"))

    def role(self, country: Country | None, role: CountryRoleKind) -> None:
        if country is not None:
            item = self.entries.share(CountryRole(country=country, role=role))
            if item not in self.draft.countries:
                self.draft.countries.append(item)

    def element(self, tag: str, element: ET.Element) -> None:
        """Read one child of the entry (uid, names and sdnType are read by the caller)."""
        read = _ELEMENTS.get(tag)
        if read is not None:
            read(self, element)

    def remarks(self, element: ET.Element) -> None:
        text = self.entries.text(element)
        if text is not None:
            self.draft.notes.append(text)

    def title(self, element: ET.Element) -> None:
        entries = self.entries
        text = entries.text(element)
        if text is not None and self.kind is Person:
            self.draft.positions.extend(entries.share(part.strip()) for part in text.split(";"))
        else:
            self.note("title", text)

    def programme_list(self, element: ET.Element) -> None:
        programmes = (self.entries.text(item) for item in element)
        self.programmes = self.entries.share(tuple(item for item in programmes if item))

    def id_list(self, element: ET.Element) -> None:
        for item in element:
            self.identifier(item)

    def aka_list(self, element: ET.Element) -> None:
        for item in element:
            self.alias(item)

    def address_list(self, element: ET.Element) -> None:
        for item in element:
            self.address(item)

    def nationality_list(self, element: ET.Element) -> None:
        self.country_list(element, "nationality", CountryRoleKind.NATIONALITY)

    def citizenship_list(self, element: ET.Element) -> None:
        self.country_list(element, "citizenship", CountryRoleKind.CITIZENSHIP)

    def country_list(self, element: ET.Element, field: str, role: CountryRoleKind) -> None:
        for part in self.parts(element, "country"):
            self.role(self.entries.country(_text(part), self.uid, field), role)

    def birth_date_list(self, element: ET.Element) -> None:
        for part in self.parts(element, "dateOfBirth"):
            self.birth_date(_text(part))

    def birth_place_list(self, element: ET.Element) -> None:
        for part in self.parts(element, "placeOfBirth"):
            self.birth_place(self.entries.text(part))

    def parts(self, element: ET.Element, name: str) -> Iterator[ET.Element]:
        """The grandchildren of a list element with the local name ``name``, in file order."""
        local = self.entries.local
        return (part for item in element for part in item if local[part.tag] == name)

    def birth_date(self, text: str | None) -> None:
        value = self.entries.date(text, self.uid, "dateOfBirth")
        if value is None:
            return
        if self.kind is Person:
            self.draft.birth_dates.append(value)
        else:
            self.note("dateOfBirth", text)

    def birth_place(self, text: str | None) -> None:
        if text is None:
            return
        if self.kind is not Person:
            self.note("placeOfBirth", text)
            return
        self.draft.birth_places.append(
            self.entries.share(Address(full=text, country=_ofac.place_country(text)))
        )

    def alias(self, aka: ET.Element) -> None:
        entries = self.entries
        parts = {entries.local[child.tag]: child for child in aka}
        first, last = _text(parts.get("firstName")), _text(parts.get("lastName"))
        name = _ofac.full_name(first, last)
        if not name:
            return
        kind = (_text(parts.get("type")) or "a.k.a.").lower()
        weak = (_text(parts.get("category")) or "strong").lower() == "weak"
        quality = _ofac.alias_quality(kind, weak=weak)
        if quality is None:
            entries.reading.problem(
                "unknown aka type: kept as an a.k.a.", record=self.uid, field="aka/type", value=kind
            )
            quality = AliasQuality.WEAK if weak else AliasQuality.STRONG
        if quality is AliasQuality.FORMER and self.kind is Vessel:
            self.past_names.append(entries.share(name))
        self.draft.aliases.append(entries.share(Alias(name=name, quality=quality)))

    def address(self, address: ET.Element) -> None:
        entries = self.entries
        parts = {entries.local[child.tag]: _text(child) for child in address}
        city, country_text = parts.get("city"), parts.get("country")
        if city is not None:
            city = entries.share(city)
        order = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode")
        lines = [line for line in (parts.get(key) for key in order) if line]
        if country_text:
            lines.append(country_text)
        if not lines:
            return
        country = entries.country(country_text, self.uid, "address/country")
        full = ", ".join(lines)
        self.draft.addresses.append(entries.share(Address(full=full, city=city, country=country)))
        if self.kind is not Person:
            self.role(country, CountryRoleKind.LOCATION)

    def identifier(self, item: ET.Element) -> None:
        entries, uid = self.entries, self.uid
        parts = {entries.local[child.tag]: child for child in item}
        id_type = entries.text(parts.get("idType")) or "other"
        number = _text(parts.get("idNumber"))
        if number is None:
            entries.reading.problem(
                "an id without a number", record=uid, field="idNumber", value=id_type
            )
            return
        country = entries.country(_text(parts.get("idCountry")), uid, "idCountry")
        if self.special(id_type, number, country):
            return
        scheme, label = identify("ofac", id_type)
        note = None if label or id_type in _PLAIN_ID_TYPES else id_type
        issued = entries.single_date(_text(parts.get("issueDate")), uid, "issueDate")
        expires = entries.single_date(_text(parts.get("expirationDate")), uid, "expirationDate")
        identifier = Identifier(
            scheme=scheme,
            value=number,
            country=country,
            issued=issued,
            expires=expires,
            note=note,
            label=label,
        )
        self.draft.identifiers.append(entries.share(identifier))

    def special(self, id_type: str, number: str, country: Country | None) -> bool:
        """Ids that are fields, countries or notes rather than numbers; False for the others.

        ``country`` is the id's ``idCountry``: kept on the identifiers made here,
        a ship's country of registration for its IMO number (as OFAC's CSV
        writes "Vessel Registration Identification IMO 9256860 (Russia)"), and
        a problem where the id becomes a field that has no place for it.
        """
        entries = self.entries
        handler = _ID_FIELDS.get(id_type)
        if _ofac.is_measure_label(id_type):
            self.measure_notes.append(entries.share(f"{id_type} {number}"))
            kept = False
        elif _ofac.set_field(self.draft, entries.reading, id_type, number):
            kept = False
        elif handler is not None and handler[0] in (None, self.kind):
            kept = handler[1](self, id_type, number, country)
        else:
            return False
        if country is not None and not kept:
            entries.reading.problem(
                f"the idCountry of a {id_type!r} id has no place in the field it is read into",
                record=self.uid,
                field="idCountry",
                value=country.name,
                code="unread-value",
            )
        return True

    # Each reader of an id that is a field: whether it placed the id's country.

    def id_note(self, id_type: str, number: str, country: Country | None) -> bool:
        self.draft.notes.append(self.entries.share(f"{id_type} {number}"))
        return False

    def operator_note(self, id_type: str, number: str, country: Country | None) -> bool:
        # The operator is another entry; linking it by name is for a later step.
        self.note("Aircraft Operator", number)
        return False

    def ship_number(self, id_type: str, number: str, country: Country | None) -> bool:
        """An IMO number, or a national registry's ("RS 150443") kept as an identifier."""
        entries = self.entries
        if not _IMO_LIKE.match(number):
            registration = Identifier(
                scheme="registration", value=number, country=country, note=id_type
            )
            self.draft.identifiers.append(entries.share(registration))
            return True
        value = entries.reading.imo_number(number, record=self.uid, field="imo")
        kept = self.second_number("imo", value, country)
        if value is not None and country is not None:
            self.role(country, CountryRoleKind.REGISTRATION)
            kept = True
        return kept

    def mmsi(self, id_type: str, number: str, country: Country | None) -> bool:
        value = self.entries.reading.mmsi_number(number, record=self.uid, field="mmsi")
        return self.second_number("mmsi", value, country)

    def second_number(self, scheme: str, value: str | None, country: Country | None) -> bool:
        """The field's number, or an identifier when the field has another (country kept)."""
        if value is not None and scheme in self.draft.extra and self.draft.extra[scheme] != value:
            self.draft.identifiers.append(Identifier(scheme=scheme, value=value, country=country))
            return True
        if value is not None:
            self.draft.extra[scheme] = value
        return False

    def past_flag(self, id_type: str, number: str, country: Country | None) -> bool:
        flag = self.entries.country(number, self.uid, id_type)
        if flag is not None and flag not in self.past_flags:
            self.past_flags.append(flag)
        return False

    def registered(self, id_type: str, number: str, country: Country | None) -> bool:
        self.role(self.entries.country(number, self.uid, id_type), CountryRoleKind.REGISTRATION)
        return False

    def incorporated(self, id_type: str, number: str, country: Country | None) -> bool:
        self.draft.extra["incorporated"] = self.entries.single_date(number, self.uid, id_type)
        return False

    def organization_type(self, id_type: str, number: str, country: Country | None) -> bool:
        self.draft.extra["kind"] = number
        return False

    def vessel_info(self, info: ET.Element) -> None:
        entries, uid, fields = self.entries, self.uid, self.draft.extra
        parts = {entries.local[child.tag]: entries.text(child) for child in info}
        if self.kind is not Vessel:
            for tag, text in parts.items():
                self.note(tag, text)
            return
        if parts.get("callSign"):
            fields["call_sign"] = parts["callSign"]
        if parts.get("vesselType"):
            fields["vessel_type"] = parts["vesselType"]
        fields["flag"] = entries.country(parts.get("vesselFlag"), uid, "vesselFlag")
        # grossRegisteredTonnage is the gross tonnage; OFAC's "tonnage" is the
        # deadweight (about twice as large for tankers), kept as a note.
        gross = parts.get("grossRegisteredTonnage")
        fields["tonnage"] = entries.reading.value(
            _ofac.tonnage, gross, record=uid, field="grossRegisteredTonnage"
        )
        self.note("tonnage (deadweight)", parts.get("tonnage"))
        # The owner is named, not referenced: linking it to an entry is for a later step.
        self.note("vesselOwner", parts.get("vesselOwner"))

    def build(self, entity_id: str, name: str) -> Entity | None:
        draft = self.draft
        draft.id, draft.name, draft.sources = entity_id, name, self.entries.sources()
        if self.kind is Vessel:
            draft.extra["past_flags"] = tuple(self.past_flags)
            draft.extra["past_names"] = tuple(self.past_names)
        return draft.build(self.entries.reading)


_IdField = Callable[[_Entity, str, str, Country | None], bool]

# idTypes that are fields, countries or notes, by the class they belong to (None: any).
_ID_FIELDS: dict[str, tuple[type[Entity] | None, _IdField]] = {
    "For more information, please see:": (None, _Entity.id_note),
    "Vessel Registration Identification": (Vessel, _Entity.ship_number),
    "MMSI": (Vessel, _Entity.mmsi),
    "Former Vessel Flag": (Vessel, _Entity.past_flag),
    "Nationality of Registration": (None, _Entity.registered),
    "Organization Established Date": (Organization, _Entity.incorporated),
    "Organization Type:": (Organization, _Entity.organization_type),
    "Aircraft Operator": (None, _Entity.operator_note),
}

#: How each child of an entry is read, by its local name.
_ELEMENTS: dict[str, Callable[[_Entity, ET.Element], None]] = {
    "remarks": _Entity.remarks,
    "title": _Entity.title,
    "programList": _Entity.programme_list,
    "idList": _Entity.id_list,
    "akaList": _Entity.aka_list,
    "addressList": _Entity.address_list,
    "nationalityList": _Entity.nationality_list,
    "citizenshipList": _Entity.citizenship_list,
    "dateOfBirthList": _Entity.birth_date_list,
    "placeOfBirthList": _Entity.birth_place_list,
    "vesselInfo": _Entity.vessel_info,
}
