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
from collections.abc import Hashable
from pathlib import Path
from typing import IO, Any, TypeVar

from sanctionkit.formats._authorities import ofac
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._xml import iter_records, local_name
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
    Gender,
    Identifier,
    Measure,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = ["read", "sniff"]

H = TypeVar("H", bound=Hashable)

#: The root element's local name, in every namespace OFAC has used.
ROOT = "sdnList"

_KINDS: dict[str, type[Entity]] = {
    "Individual": Person,
    "Entity": Organization,
    "Vessel": Vessel,
    "Aircraft": Aircraft,
}

# idType → Identifier scheme, for the numbers every reader names the same way.
_SCHEMES = {
    "Passport": "passport",
    "National ID No.": "national_id",
    "Tax ID No.": "tax_id",
    "Registration ID": "registration",
    "Registration Number": "registration",
    "SWIFT/BIC": "swift_bic",
}

# A "Vessel Registration Identification" that is an IMO number ("IMO 9187629", or its
# digits alone); any other is a national registry's number.
_IMO_LIKE = re.compile(r"\s*(?:IMO\b|\d+\s*$)", re.IGNORECASE)

# idTypes that are not numbers at all but say what the sanction does: they
# become the designation's measure notes, as "idType idNumber".
_MEASURE_NOTE = re.compile(
    r"sanction|directive|executive order|determination|caatsa|prohibited|\beo \d", re.IGNORECASE
)

# How OFAC writes "there is none" where a country belongs (vesselFlag, Former
# Vessel Flag): an absent value, not an unknown country.
_NO_COUNTRY = frozenset({"none identified", "unknown", "none", "n/a"})

# Programmes of the non-SDN (consolidated) list whose entries are blocked all
# the same: the "13599 List" of the Government of Iran ("U.S. persons must
# continue to block"). Every other non-SDN programme restricts dealings short
# of blocking (sectoral directives, correspondent accounts, evaders, the PLC).
_BLOCKING_NON_SDN = frozenset({"IRAN"})

_SDN = "OFAC SDN"
_CONSOLIDATED = "OFAC Consolidated (non-SDN)"
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
    list_name = _list_name(name)
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


def _list_name(name: str) -> str:
    # The XML itself does not say which list it is: only its file name does.
    stem = Path(name).name.lower()
    if stem.startswith("sdn"):
        return _SDN
    if stem.startswith("cons"):
        return _CONSOLIDATED
    return _UNKNOWN_LIST


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


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


class _LocalNames(dict[str, str]):
    """``{namespace}name`` → ``name``, computed once per tag: a dict lookup per element."""

    def __missing__(self, tag: str) -> str:
        name = self[tag] = local_name(tag)
        return name


def _snake_case(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "other"


class _Entries:
    """Turns ``sdnEntry`` elements into entities and designations, sharing what repeats.

    The same strings, countries, addresses and tuples recur across thousands of
    entries ("IRAN", "Tehran", the same Additional Sanctions Information):
    each is kept once, so memory grows with what is different, not with the file.
    """

    def __init__(self, reading: Reading, list_name: str) -> None:
        self.reading = reading
        self.list_name = list_name
        self.published: PartialDate | None = None
        self._source: tuple[Source, ...] | None = None
        #: One copy of each equal string, tuple or record.
        self.shared: dict[Any, Any] = {}
        self._seen: set[str] = set()
        self.local = _LocalNames()
        self._measure_notes: dict[str, bool] = {}

    # --- sharing ------------------------------------------------------------------

    def share(self, value: H) -> H:
        """The one copy of an equal value already kept, or this one."""
        kept: H = self.shared.setdefault(value, value)
        return kept

    def text(self, element: ET.Element | None) -> str | None:
        text = _text(element)
        return None if text is None else self.share(text)

    def sources(self) -> tuple[Source, ...]:
        if self._source is None:
            title = f"OFAC sdnList ({Path(self.reading.file).name})"
            source = Source(
                publisher="Office of Foreign Assets Control (OFAC)",
                title=title,
                published=self.published,
            )
            self._source = (source,)
        return self._source

    def is_measure_note(self, id_type: str) -> bool:
        known = self._measure_notes.get(id_type)
        if known is None:
            known = self._measure_notes[id_type] = bool(_MEASURE_NOTE.search(id_type))
        return known

    def country(self, text: str | None, uid: str, field: str) -> Country | None:
        if text is None or text.lower() in _NO_COUNTRY:
            return None
        return self.reading.country(text, record=uid, field=field)

    def date(self, text: str | None, uid: str, field: str) -> PartialDate | DateRange | None:
        return self.reading.date(text, record=uid, field=field)

    def single_date(self, text: str | None, uid: str, field: str) -> PartialDate | None:
        return self.reading.single_date(text, record=uid, field=field)

    # --- one entry ----------------------------------------------------------------

    def add(self, entry: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        local = self.local
        parts: dict[str, ET.Element] = {local[child.tag]: child for child in entry}
        uid = _text(parts.get("uid"))
        first, last = _text(parts.get("firstName")), _text(parts.get("lastName"))
        name = " ".join(part for part in (first, last) if part)
        if uid is None:
            reading.reject("sdnEntry without a uid", value=name or None)
            return
        if not name:
            reading.reject("sdnEntry without a name (no lastName or firstName)", record=uid)
            return
        if uid in self._seen:
            reading.reject("a second sdnEntry with the same uid", record=uid, value=name)
            return
        self._seen.add(uid)

        sdn_type = _text(parts.get("sdnType"))
        kind = _KINDS.get(sdn_type or "")
        if kind is None:
            reading.problem(
                "unknown sdnType: read as an organisation",
                record=uid,
                field="sdnType",
                value=sdn_type,
            )
            kind = Organization
        entity = _Entity(self, uid, kind)
        if kind is Person and first and last:
            # The list's own form, "LASTNAME, Firstname", as users search for it.
            entity.aliases.append(Alias(name=self.share(f"{last}, {first}")))
        for tag, element in parts.items():
            entity.element(tag, element)
        entity_id = f"ofac-{uid}"
        reading.keep(
            entity.build(entity_id, name),
            Designation(
                entity_id=entity_id,
                authority=ofac(),
                authority_ref=uid,
                programmes=entity.programmes,
                measures=self.measures(entity.programmes),
                measure_notes=self.share(tuple(entity.measure_notes)),
                sources=self.sources(),
            ),
        )

    def measures(self, programmes: tuple[str, ...]) -> tuple[Measure, ...]:
        if self.list_name != _CONSOLIDATED or _BLOCKING_NON_SDN.intersection(programmes):
            return self.share((Measure.ASSET_FREEZE,))
        return self.share((Measure.FINANCIAL_PROHIBITION,))


class _Entity:
    """What one entry says, gathered field by field, then built into an entity."""

    def __init__(self, entries: _Entries, uid: str, kind: type[Entity]) -> None:
        self.entries = entries
        self.uid = uid
        self.kind = kind
        self.aliases: list[Alias] = []
        self.identifiers: list[Identifier] = []
        self.addresses: list[Address] = []
        self.countries: list[CountryRole] = []
        self.notes: list[str] = []
        self.measure_notes: list[str] = []
        self.programmes: tuple[str, ...] = ()
        self.fields: dict[str, Any] = {}
        self.birth_dates: list[PartialDate | DateRange] = []
        self.birth_places: list[Address] = []
        self.positions: list[str] = []
        self.past_flags: list[Country] = []
        self.past_names: list[str] = []

    def note(self, label: str, text: str | None) -> None:
        if text is not None:
            self.notes.append(self.entries.share(f"{label}: {text}"))

    def role(self, country: Country | None, role: CountryRoleKind) -> None:
        if country is not None:
            item = self.entries.share(CountryRole(country=country, role=role))
            if item not in self.countries:
                self.countries.append(item)

    def element(self, tag: str, element: ET.Element) -> None:
        entries = self.entries
        if tag == "remarks":
            text = entries.text(element)
            if text is not None:
                self.notes.append(text)
        elif tag == "title":
            text = entries.text(element)
            if text is not None and self.kind is Person:
                self.positions.extend(entries.share(part.strip()) for part in text.split(";"))
            else:
                self.note("title", text)
        elif tag == "programList":
            programmes = (entries.text(item) for item in element)
            self.programmes = entries.share(tuple(item for item in programmes if item))
        elif tag == "idList":
            for item in element:
                self.identifier(item)
        elif tag == "akaList":
            for item in element:
                self.alias(item)
        elif tag == "addressList":
            for item in element:
                self.address(item)
        elif tag in ("nationalityList", "citizenshipList"):
            role = CountryRoleKind.NATIONALITY
            if tag == "citizenshipList":
                role = CountryRoleKind.CITIZENSHIP
            for item in element:
                for part in item:
                    if entries.local[part.tag] == "country":
                        country = entries.country(_text(part), self.uid, tag[: -len("List")])
                        self.role(country, role)
        elif tag == "dateOfBirthList":
            for item in element:
                for part in item:
                    if entries.local[part.tag] == "dateOfBirth":
                        self.birth_date(_text(part))
        elif tag == "placeOfBirthList":
            for item in element:
                for part in item:
                    if entries.local[part.tag] == "placeOfBirth":
                        self.birth_place(entries.text(part))
        elif tag == "vesselInfo":
            self.vessel_info(element)
        # uid, names and sdnType are read by the caller.

    def birth_date(self, text: str | None) -> None:
        value = self.entries.date(text, self.uid, "dateOfBirth")
        if value is None:
            return
        if self.kind is Person:
            self.birth_dates.append(value)
        else:
            self.note("dateOfBirth", text)

    def birth_place(self, text: str | None) -> None:
        if text is None:
            return
        if self.kind is not Person:
            self.note("placeOfBirth", text)
            return
        self.birth_places.append(
            self.entries.share(Address(full=text, country=_place_country(text)))
        )

    def alias(self, aka: ET.Element) -> None:
        entries = self.entries
        parts = {entries.local[child.tag]: child for child in aka}
        first, last = _text(parts.get("firstName")), _text(parts.get("lastName"))
        name = " ".join(part for part in (first, last) if part)
        if not name:
            return
        kind = (_text(parts.get("type")) or "a.k.a.").lower()
        category = (_text(parts.get("category")) or "strong").lower()
        if kind not in ("a.k.a.", "f.k.a.", "n.k.a."):
            entries.reading.problem(
                "unknown aka type: kept as an a.k.a.", record=self.uid, field="aka/type", value=kind
            )
        if kind == "f.k.a.":
            quality = AliasQuality.FORMER
            if self.kind is Vessel:
                self.past_names.append(entries.share(name))
        elif category == "weak":
            quality = AliasQuality.WEAK
        else:
            quality = AliasQuality.STRONG
        self.aliases.append(entries.share(Alias(name=name, quality=quality)))

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
        self.addresses.append(entries.share(Address(full=full, city=city, country=country)))
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
        scheme = _SCHEMES.get(id_type) or entries.share(_snake_case(id_type))
        issued = entries.single_date(_text(parts.get("issueDate")), uid, "issueDate")
        expires = entries.single_date(_text(parts.get("expirationDate")), uid, "expirationDate")
        identifier = Identifier(
            scheme=scheme, value=number, country=country, issued=issued, expires=expires
        )
        self.identifiers.append(entries.share(identifier))

    def special(self, id_type: str, number: str, country: Country | None) -> bool:
        """Ids that are fields, countries or notes rather than numbers; False for the others.

        ``country`` is the id's ``idCountry``: kept on the identifiers made here,
        a ship's country of registration for its IMO number (as OFAC's CSV
        writes "Vessel Registration Identification IMO 9256860 (Russia)"), and
        a problem where the id becomes a field that has no place for it.
        """
        entries, uid, fields = self.entries, self.uid, self.fields
        reading = entries.reading
        kept = False  # whether ``country`` has found its place
        if entries.is_measure_note(id_type):
            self.measure_notes.append(entries.share(f"{id_type} {number}"))
        elif id_type == "For more information, please see:":
            self.notes.append(entries.share(f"{id_type} {number}"))
        elif id_type == "Vessel Registration Identification" and self.kind is Vessel:
            if not _IMO_LIKE.match(number):
                # A national registry's number ("RS 150443"), not an IMO number.
                registration = Identifier(
                    scheme="registration", value=number, country=country, note=id_type
                )
                self.identifiers.append(entries.share(registration))
                return True
            value = reading.imo_number(number, record=uid, field="imo")
            if value is not None and "imo" in fields and fields["imo"] != value:
                self.identifiers.append(Identifier(scheme="imo", value=value, country=country))
                kept = True
            elif value is not None:
                fields["imo"] = value
            if value is not None and country is not None:
                self.role(country, CountryRoleKind.REGISTRATION)
                kept = True
        elif id_type == "MMSI" and self.kind is Vessel:
            value = reading.mmsi_number(number, record=uid, field="mmsi")
            if value is not None and "mmsi" in fields and fields["mmsi"] != value:
                self.identifiers.append(Identifier(scheme="mmsi", value=value, country=country))
                kept = True
            elif value is not None:
                fields["mmsi"] = value
        elif id_type == "Former Vessel Flag" and self.kind is Vessel:
            flag = entries.country(number, uid, id_type)
            if flag is not None and flag not in self.past_flags:
                self.past_flags.append(flag)
        elif id_type == "Vessel Year of Build" and self.kind is Vessel:
            year = reading.value(int, number, record=uid, field=id_type)
            if year is not None:
                fields["build_year"] = year
        elif id_type == "Nationality of Registration":
            self.role(entries.country(number, uid, id_type), CountryRoleKind.REGISTRATION)
        elif id_type == "Gender" and self.kind is Person:
            fields["gender"] = reading.value(_gender, number, record=uid, field=id_type)
        elif id_type == "Organization Established Date" and self.kind is Organization:
            fields["incorporated"] = entries.single_date(number, uid, id_type)
        elif id_type == "Organization Type:" and self.kind is Organization:
            fields["kind"] = number
        elif id_type == "Aircraft Tail Number" and self.kind is Aircraft:
            fields["registration"] = number
        elif id_type == "Aircraft Manufacturer's Serial Number (MSN)" and self.kind is Aircraft:
            fields["serial_number"] = number
        elif id_type == "Aircraft Model" and self.kind is Aircraft:
            fields["model"] = number
        elif id_type == "Aircraft Operator":
            # The operator is another entry; linking it by name is for a later step.
            self.note("Aircraft Operator", number)
        else:
            return False
        if country is not None and not kept:
            reading.problem(
                f"the idCountry of a {id_type!r} id has no place in the field it is read into",
                record=uid,
                field="idCountry",
                value=country.name,
                code="unread-value",
            )
        return True

    def vessel_info(self, info: ET.Element) -> None:
        entries, uid, fields = self.entries, self.uid, self.fields
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
            _tonnage, gross, record=uid, field="grossRegisteredTonnage"
        )
        self.note("tonnage (deadweight)", parts.get("tonnage"))
        # The owner is named, not referenced: linking it to an entry is for a later step.
        self.note("vesselOwner", parts.get("vesselOwner"))

    def build(self, entity_id: str, name: str) -> Entity:
        common: dict[str, Any] = {
            "id": entity_id,
            "name": name,
            "aliases": tuple(self.aliases),
            "identifiers": tuple(self.identifiers),
            "addresses": tuple(self.addresses),
            "countries": self.entries.share(tuple(self.countries)),
            "notes": self.entries.share(tuple(self.notes)),
            "sources": self.entries.sources(),
        }
        fields = {key: value for key, value in self.fields.items() if value is not None}
        if self.kind is Person:
            fields["birth_dates"] = tuple(self.birth_dates)
            fields["birth_places"] = tuple(self.birth_places)
            fields["positions"] = tuple(self.positions)
        elif self.kind is Vessel:
            fields["past_flags"] = tuple(self.past_flags)
            fields["past_names"] = tuple(self.past_names)
        return self.kind(**common, **fields)


def _place_country(place: str) -> Country | None:
    """The country a place of birth ends with, if it names one exactly: never a guess.

    OFAC's own country names hold commas ("Korea, North"), so the last two parts
    are tried before the last one.

    >>> _place_country("Pyongyang, Korea, North").alpha2, _place_country("Behbahan, Iran").alpha2
    ('KP', 'IR')
    >>> _place_country("Khan Younis") is None
    True
    """
    parts = [part.strip() for part in place.split(",")]
    for candidate in (", ".join(parts[-2:]), parts[-1]) if len(parts) > 1 else (parts[0],):
        try:
            return parse_country(candidate, codes=False)
        except ValueError:
            continue
    return None


def _gender(text: str) -> Gender:
    return Gender(text.lower())


def _tonnage(text: str) -> int:
    value = int(text.replace(",", ""))
    if value < 0:
        raise ValueError(f"a tonnage cannot be negative: {text!r}")
    return value
