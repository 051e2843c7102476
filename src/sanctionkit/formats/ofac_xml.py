"""OFAC's classic XML lists (``sdnList``): ``sdn.xml`` and ``consolidated.xml``.

Each ``sdnEntry`` becomes one entity with the id ``ofac-{uid}`` and one
:class:`~sanctionkit.Designation` by OFAC whose ``authority_ref`` is the uid; the
``publshInformation`` header (OFAC's spelling) becomes the dataset's metadata.
Elements are matched by their local names, in any namespace OFAC has used. The
entries an entry names ("Linked To: NAME" in its remarks, its ``vesselOwner``, its
Aircraft Operator) become relationships once the whole file is read
(:class:`~sanctionkit.formats._ofac.Links`). This
module is the layout's mapping (:data:`_ELEMENTS`, :data:`_ID_FIELDS`) and its
quirks; what the OFAC readers share is in :mod:`sanctionkit.formats._ofac`. What
becomes what, with an example, and the quirks of the real files:
``docs/formats/ofac-xml.md``.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import IO

import attrs

from sanctionkit.formats import _ofac
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._ofac import element_text as _text
from sanctionkit.formats._ofac_remarks import linked_names
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
from sanctionkit.formats._xml import local_name
from sanctionkit.model import (
    Alias,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Identifier,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

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
# The parts of an address, in the order people write them.
_ADDRESS_ORDER = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode")


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
    entries = _Entries(reading, _ofac.list_name(name, _UNKNOWN_LIST))
    root = _ofac.stream(
        source,
        reading,
        entries.add,
        record="sdnEntry",
        containers=(ROOT,),
        beside=("publshInformation",),
    )
    if not entries.header and root is not None:
        entries.header = _header(root, reading)
    _ofac.check_root(reading, root, ROOT)
    header, list_name, links = entries.header, entries.list_name, entries.links
    links.source = entries.sources[0]
    del entries  # its caches, before the dataset is built: a lower peak of memory
    count = _record_count(header.pop("record_count", None), reading)
    return links.finish(reading, {"list": list_name, "format": "ofac-xml", **header, **count})


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


def _record_count(stated: str | None, reading: Reading) -> dict[str, int]:
    """The Record_Count, a number like records_read, checked against the entries read.

    Text that is no number is a problem, and no metadata: no text where a count belongs.
    """
    if stated is None:
        return {}
    if not stated.isdigit():
        reading.problem("expected a number", field="Record_Count", value=stated)
        return {}
    if int(stated) != reading.read:
        message = f"the file says it holds {stated} entries, but it holds {reading.read}"
        reading.problem(message, field="Record_Count", value=stated)
    return {"record_count": int(stated)}


class _Entries:
    """Turns ``sdnEntry`` elements into entities and designations."""

    def __init__(self, reading: Reading, list_name: str) -> None:
        self.reading = reading
        self.list_name = list_name
        self.header: dict[str, str] = {}
        self.local = _ofac.LocalNames()
        self.sources = self._sources(None)
        self.links = _ofac.Links()

    def _sources(self, published: str | None) -> tuple[Source, ...]:
        title = f"OFAC sdnList ({Path(self.reading.file).name})"
        day = None if published is None else datetime.date.fromisoformat(published)
        when = None if day is None else PartialDate.from_date(day)
        return (Source(publisher=_ofac.PUBLISHER, title=title, published=when),)

    def add(self, root: ET.Element | None, element: ET.Element) -> None:
        if not self.header and root is not None:
            # publshInformation precedes the entries, so it is complete by now.
            self.header = _header(root, self.reading)
            self.sources = self._sources(self.header.get("publish_date"))
        reading = self.reading
        reading.read += 1
        # The last child of each name (a name repeated is read once, where it first stood).
        parts: dict[str, ET.Element] = {self.local[child.tag]: child for child in element}
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
        kind = _ofac.entry_class(reading, _text(parts.get("sdnType")), record=uid, field="sdnType")
        entry = _Entry(reading, uid, kind, local=self.local)
        entry.draft.name = name
        listed = _ofac.listed_name(first, last)
        if kind is Person and listed:
            entry.draft.aliases.append(Alias(name=reading.intern(listed)))
        for tag, child in parts.items():
            entry.element(tag, child)
        built = entry.build(entity_id, self.sources)
        if built is not None:
            programmes = tuple(entry.programmes)
            measures = _ofac.measures(self.list_name, programmes)
            reading.keep(built, entry.designation(entity_id, measures, self.sources))
            # OFAC's primary name is its lastName and firstName; links write a person's
            # as its listed form, "LAST, First".
            entry.held(self.links, entity_id, name, listed)


@attrs.define
class _Entry(_ofac.Entry):
    """What one ``sdnEntry`` says, gathered child by child (see :data:`_ELEMENTS`)."""

    local: _ofac.LocalNames = attrs.Factory(_ofac.LocalNames)

    def element(self, tag: str, element: ET.Element) -> None:
        """Read one child of the entry as :data:`_ELEMENTS` says (uid, names, type: the caller)."""
        found = _ELEMENTS.get(tag)
        if found is None:
            return
        items, read = found
        if items is _WHOLE:
            read(self, element)
        elif items is _EACH:
            for item in element:
                read(self, item)
        else:
            local = self.local
            for part in (part for item in element for part in item if local[part.tag] == items):
                read(self, part)

    def children(self, element: ET.Element) -> dict[str, ET.Element]:
        return {self.local[child.tag]: child for child in element}

    def title(self, element: ET.Element) -> None:
        text = self.text(element)
        if text is not None and self.kind is Person:
            intern = self.reading.intern
            self.draft.positions.extend(intern(part.strip()) for part in text.split(";"))
        else:
            self.note("title", text)

    def programme_list(self, element: ET.Element) -> None:
        self.programmes = [text for text in map(self.text, element) if text]

    def birth_date(self, element: ET.Element) -> None:
        text = _text(element)
        value = self.reading.date(text, record=self.uid, field="dateOfBirth")
        if value is not None and self.kind is Person:
            self.draft.birth_dates.append(value)
        elif value is not None:
            self.note("dateOfBirth", text)

    def place_of_birth(self, element: ET.Element) -> None:
        text = self.text(element)
        if text is not None and self.kind is Person:
            self.birth_place(text)
        else:
            self.note("placeOfBirth", text)

    def alias(self, aka: ET.Element) -> None:
        parts = self.children(aka)
        name = _ofac.full_name(_text(parts.get("firstName")), _text(parts.get("lastName")))
        if not name:
            return
        kind = (_text(parts.get("type")) or "a.k.a.").lower()
        weak = (_text(parts.get("category")) or "strong").lower() == "weak"
        quality = _ofac.alias_quality(kind, weak=weak)
        if quality is None:
            message = "unknown aka type: kept as an a.k.a."
            self.reading.problem(message, record=self.uid, field="aka/type", value=kind)
            quality = AliasQuality.WEAK if weak else AliasQuality.STRONG
        name = self.reading.intern(name)
        if quality is AliasQuality.FORMER and self.kind is Vessel:
            self.past_names.append(name)
        self.draft.aliases.append(self.reading.intern(Alias(name=name, quality=quality)))

    def address_item(self, element: ET.Element) -> None:
        parts = {self.local[child.tag]: _text(child) for child in element}
        city, country_text = parts.get("city"), parts.get("country")
        lines = [line for line in map(parts.get, _ADDRESS_ORDER) if line]
        if country_text:
            lines.append(country_text)
        if not lines:
            return
        self.address(lines, city, self.country(country_text, "address/country"))

    def identifier(self, item: ET.Element) -> None:
        parts = self.children(item)
        id_type = self.text(parts.get("idType")) or "other"
        number = _text(parts.get("idNumber"))
        if number is None:
            message = "an id without a number"
            self.reading.problem(message, record=self.uid, field="idNumber", value=id_type)
            return
        country = self.country(_text(parts.get("idCountry")), "idCountry")
        if self.special(id_type, number, country):
            return
        scheme, label = identify("ofac", id_type)
        issued = _text(parts.get("issueDate"))
        expires = _text(parts.get("expirationDate"))
        identifier = Identifier(
            scheme=scheme,
            value=number,
            country=country,
            issued=self.reading.single_date(issued, record=self.uid, field="issueDate"),
            expires=self.reading.single_date(expires, record=self.uid, field="expirationDate"),
            note=None if label or id_type in _PLAIN_ID_TYPES else id_type,
            label=label,
        )
        self.draft.identifiers.append(self.reading.intern(identifier))

    def special(self, id_type: str, number: str, country: Country | None) -> bool:
        """Ids that are fields, countries or notes rather than numbers; False for the others.

        ``country`` is the id's ``idCountry``: kept on the identifiers made here,
        a ship's country of registration for its IMO number (as OFAC's CSV
        writes "Vessel Registration Identification IMO 9256860 (Russia)"), and
        a problem where the id becomes a field that has no place for it.
        """
        handler = _ID_FIELDS.get(id_type)
        if _ofac.is_measure_label(id_type):
            self.measure_notes.append(self.reading.intern(f"{id_type} {number}"))
            kept = False
        elif _ofac.set_field(self.draft, self.reading, id_type, number):
            kept = False
        elif handler is not None and handler[0] in (None, self.kind):
            kept = handler[1](self, id_type, number, country)
        else:
            return False
        if country is not None and not kept:
            self.reading.problem(
                f"the idCountry of a {id_type!r} id has no place in the field it is read into",
                record=self.uid,
                field="idCountry",
                value=country.name,
                code="unread-value",
            )
        return True

    # Each reader of an id that is a field (see _ID_FIELDS): whether it placed the id's country.

    def id_note(self, id_type: str, number: str, country: Country | None) -> bool:
        self.draft.notes.append(self.reading.intern(f"{id_type} {number}"))
        return False

    def operator_note(self, id_type: str, number: str, country: Country | None) -> bool:
        # The operator is another entry, named: a link, resolved once the file is read.
        self.note(_ofac.OPERATOR_WORDS, number)
        self.link(_ofac.OPERATOR_WORDS, number)
        return False

    def ship_number(self, id_type: str, number: str, country: Country | None) -> bool:
        """An IMO number, or a national registry's ("RS 150443") kept as an identifier."""
        if not _IMO_LIKE.match(number):
            registration = Identifier(
                scheme="registration", value=number, country=country, note=id_type
            )
            self.draft.identifiers.append(self.reading.intern(registration))
            return True
        value = self.reading.imo_number(number, record=self.uid, field="imo")
        kept = self.second_number("imo", value, country)
        if value is not None and country is not None:
            self.role(country, CountryRoleKind.REGISTRATION)
            kept = True
        return kept

    def mmsi(self, id_type: str, number: str, country: Country | None) -> bool:
        value = self.reading.mmsi_number(number, record=self.uid, field="mmsi")
        return self.second_number("mmsi", value, country)

    def second_number(self, scheme: str, value: str | None, country: Country | None) -> bool:
        """The field's number, or an identifier when the field has another (country kept)."""
        extra = self.draft.extra
        if value is not None and scheme in extra and extra[scheme] != value:
            self.draft.identifiers.append(Identifier(scheme=scheme, value=value, country=country))
            return True
        if value is not None:
            extra[scheme] = value
        return False

    def former_flag(self, id_type: str, number: str, country: Country | None) -> bool:
        self.past_flag(self.country(number, id_type))
        return False

    def registered(self, id_type: str, number: str, country: Country | None) -> bool:
        self.role(self.country(number, id_type), CountryRoleKind.REGISTRATION)
        return False

    def incorporated(self, id_type: str, number: str, country: Country | None) -> bool:
        day = self.reading.single_date(number, record=self.uid, field=id_type)
        self.draft.extra["incorporated"] = day
        return False

    def organization_type(self, id_type: str, number: str, country: Country | None) -> bool:
        self.draft.extra["kind"] = number
        return False

    def vessel_info(self, info: ET.Element) -> None:
        parts = {self.local[child.tag]: self.text(child) for child in info}
        if self.kind is not Vessel:
            for tag, text in parts.items():
                self.note(tag, text)
            return
        fields, uid = self.draft.extra, self.uid
        if parts.get("callSign"):
            fields["call_sign"] = parts["callSign"]
        if parts.get("vesselType"):
            fields["vessel_type"] = parts["vesselType"]
        fields["flag"] = self.country(parts.get("vesselFlag"), "vesselFlag")
        # grossRegisteredTonnage is the gross tonnage; OFAC's "tonnage" is the
        # deadweight (about twice as large for tankers), kept as a note.
        gross = parts.get("grossRegisteredTonnage")
        fields["tonnage"] = self.reading.value(
            _ofac.tonnage, gross, record=uid, field="grossRegisteredTonnage"
        )
        self.note("tonnage (deadweight)", parts.get("tonnage"))
        # The owner is named, not referenced: a link, resolved once the file is read.
        self.note("vesselOwner", parts.get("vesselOwner"))
        self.link(_ofac.OWNER_WORDS, parts.get("vesselOwner"))


def _nationality(entry: _Entry, element: ET.Element) -> None:
    entry.role(entry.country(_text(element), "nationality"), CountryRoleKind.NATIONALITY)


def _citizenship(entry: _Entry, element: ET.Element) -> None:
    entry.role(entry.country(_text(element), "citizenship"), CountryRoleKind.CITIZENSHIP)


def _remarks(entry: _Entry, element: ET.Element) -> None:
    text = entry.text(element)
    if text is not None:
        entry.draft.notes.append(text)
        for name in linked_names(text):
            entry.link("Linked To", name)


_IdField = Callable[[_Entry, str, str, Country | None], bool]

# idTypes that are fields, countries or notes, by the class they belong to (None: any).
_ID_FIELDS: dict[str, tuple[type | None, _IdField]] = {
    "For more information, please see:": (None, _Entry.id_note),
    "Vessel Registration Identification": (Vessel, _Entry.ship_number),
    "MMSI": (Vessel, _Entry.mmsi),
    "Former Vessel Flag": (Vessel, _Entry.former_flag),
    "Nationality of Registration": (None, _Entry.registered),
    "Organization Established Date": (Organization, _Entry.incorporated),
    "Organization Type:": (Organization, _Entry.organization_type),
    "Aircraft Operator": (None, _Entry.operator_note),
}

# Which elements of a child of an entry are read: the child itself, each of its
# items, or its items' children of one name ("country" in nationalityList/nationality).
_WHOLE, _EACH = "", "*"

#: How each child of an entry is read, by its local name: (which elements, reader).
_ELEMENTS: dict[str, tuple[str, Callable[[_Entry, ET.Element], None]]] = {
    "remarks": (_WHOLE, _remarks),
    "title": (_WHOLE, _Entry.title),
    "programList": (_WHOLE, _Entry.programme_list),
    "vesselInfo": (_WHOLE, _Entry.vessel_info),
    "idList": (_EACH, _Entry.identifier),
    "akaList": (_EACH, _Entry.alias),
    "addressList": (_EACH, _Entry.address_item),
    "nationalityList": ("country", _nationality),
    "citizenshipList": ("country", _citizenship),
    "dateOfBirthList": ("dateOfBirth", _Entry.birth_date),
    "placeOfBirthList": ("placeOfBirth", _Entry.place_of_birth),
}
