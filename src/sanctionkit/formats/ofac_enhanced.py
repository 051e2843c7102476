"""OFAC's enhanced XML (``sanctionsData``), the Sanctions List Service's richest export.

Each ``entity`` becomes one entity (Individual → :class:`~sanctionkit.Person`,
Entity → :class:`~sanctionkit.Organization`, Vessel → :class:`~sanctionkit.Vessel`,
Aircraft → :class:`~sanctionkit.Aircraft`) with the id ``ofac-{entity id}`` and one
:class:`~sanctionkit.Designation` by OFAC whose ``authority_ref`` is the entity id.
OFAC's enhanced entity id is the classic list's ``uid`` (the legacy CSV's ent_num), so
an entry read from either format gets the same id.

Unlike the classic list, the enhanced file says when each entity was listed
(``sanctionsList/@datePublished``), under which legal authority, with which
sanctions type, and gives dates as spans (``fromDateBegin`` … ``toDateEnd``)
rather than text. Its ``referenceValues`` table (countries with ISO codes,
scripts with ISO 15924 numbers) comes before the entities and is read first.

The file is streamed (:func:`~sanctionkit.formats._xml.iter_records`): one
entity in memory at a time, and no DTD, so no entity is ever expanded or fetched.
Elements are matched by their local names, whatever the namespace.

What becomes what, and the quirks of the real files, are in ``docs/formats/ofac-enhanced.md``.

>>> import io
>>> data = b'''<?xml version="1.0"?>
... <sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML">
...   <publicationInfo><dataAsOf>2024-08-28T00:00:00</dataAsOf></publicationInfo>
...   <entities><entity id="24475">
...     <generalInfo><identityId>16179</identityId>
...       <entityType refId="91120">Aircraft</entityType></generalInfo>
...     <sanctionsLists><sanctionsList refId="1550" id="1" datePublished="2018-05-24"
...       >SDN List</sanctionsList></sanctionsLists>
...     <names><name id="1"><isPrimary>true</isPrimary><translations><translation id="2">
...       <isPrimary>true</isPrimary><formattedLastName>EP-PUL</formattedLastName>
...     </translation></translations></name></names>
...     <features><feature id="3"><type featureTypeId="47">Aircraft Model</type>
...       <value>IL-76</value></feature></features>
...   </entity></entities>
... </sanctionsData>'''
>>> ds = read(io.BytesIO(data), name="IRGC_sanctions.xml", strict=False)
>>> plane = ds.get("ofac-24475")
>>> plane.registration, plane.model, ds.designations[0].listed.isoformat()
('EP-PUL', 'IL-76', '2018-05-24')
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
from sanctionkit.formats._authorities import ofac
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._ofac import LocalNames as _LocalNames
from sanctionkit.formats._ofac import element_text as _text
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
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
    Identifier,
    LegalBasis,
    Measure,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = ["read", "sniff"]

#: The root element's local name.
ROOT = "sanctionsData"

# The referenceValues give scripts an ISO 15924 number (isoCode); their "code"
# is the alpha code only for some ("Arab", "Cyrl") and a name for others ("Latin").
_SCRIPTS = {
    "125": "Hebr",
    "160": "Arab",
    "200": "Grek",
    "215": "Latn",
    "220": "Cyrl",
    "230": "Armn",
    "240": "Geor",
    "286": "Hang",
    "287": "Kore",
    "413": "Jpan",
    "501": "Hans",
    "502": "Hant",
}

# Right-to-left embedding marks that OFAC wraps around names in Arabic script
# (in formattedFullName, not in the name parts): formatting, not part of the name.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e]")

# A feature's reliability (the RELIABILITY reference values). A "False" feature is no fact.
_CONFIRMED, _REPORTED, _FALSE = "Confirmed", "Reported", "False"
# OFAC names its aircraft by their registration ("EP-PUL", "YV2421"); a few by
# their serial number ("MSN 164"), which is not a registration.
_REGISTRATION = re.compile(r"[A-Z0-9]{1,3}-?[A-Z0-9]{1,6}")


def sniff(head: bytes) -> bool:
    """True when the file's root element is ``sanctionsData``, in any namespace.

    >>> sniff(b'<?xml version="1.0"?><sanctionsData xmlns="urn:x">')
    True
    >>> sniff(b'<sdnList xmlns="http://tempuri.org/sdnList.xsd">')
    False
    """
    return xml_root_name(head) == ROOT


def read(source: str | Path | IO[bytes], *, name: str, strict: bool = False) -> Dataset:
    """Read an OFAC enhanced XML file: every entity, its designation, the header.

    Lenient by default: a bad value is left out with a problem in
    ``dataset.problems``; ``strict=True`` raises the first as ReadError.
    """
    reading = Reading(file=name, strict=strict)
    entities: _Entities | None = None
    root: ET.Element | None = None
    for kind, element in iter_records(
        source, "entity", name, containers=("entities",), reading=reading
    ):
        if kind == "root":
            root = element
            continue
        if entities is None:
            # publicationInfo and referenceValues precede the entities: complete by now.
            entities = _Entities(reading, root)
        entities.add(element)
    if entities is None:
        entities = _Entities(reading, root)
    if root is None or local_name(root.tag) != ROOT:
        found = "nothing" if root is None else f"<{local_name(root.tag)}>"
        reading.problem(f"expected an OFAC <sanctionsData> document, found {found}")
    entities.unlink_missing()
    metadata = {"format": "ofac-enhanced-xml", **entities.header}
    del entities  # its caches, before the dataset is built: a lower peak of memory
    return reading.dataset(metadata)


def _bool(element: ET.Element | None) -> bool:
    return _text(element) == "true"


def _day(text: str | None) -> datetime.date | None:
    # "2024-08-28" or "2024-08-28T00:00:00"
    return None if text is None else datetime.date.fromisoformat(text[:10])


def _date_value(element: ET.Element, local: _LocalNames) -> PartialDate | DateRange:
    """A ``valueDate`` (or ``issueDate``, ``expirationDate``) as a partial date or a range.

    See :func:`~sanctionkit.formats._ofac.period`; raises ValueError when a
    bound is missing or is not a date.
    """
    parts = {local[child.tag]: _text(child) for child in element}
    bounds = [_day(parts.get(key)) for key in ("fromDateBegin", "fromDateEnd")]
    bounds += [_day(parts.get(key)) for key in ("toDateBegin", "toDateEnd")]
    return _ofac.period(
        *bounds,
        is_range=parts.get("isDateRange") == "true",
        approximate=parts.get("isApproximate") == "true",
    )


def _address_parts(translation: ET.Element, local: _LocalNames) -> dict[str, str]:
    """An address translation's parts by their type ("ADDRESS1", "CITY"), the first of each."""
    found: dict[str, str] = {}
    for part in translation.iter():
        if local[part.tag] == "addressPart":
            values = {local[piece.tag]: piece for piece in part}
            kind, value = _text(values.get("type")), _text(values.get("value"))
            if kind and value and kind not in found:
                found[kind] = value
    return found


class _Entities(_ofac.Shared):
    """Turns ``entity`` elements into entities and designations, sharing what repeats."""

    def __init__(self, reading: Reading, root: ET.Element | None) -> None:
        super().__init__()
        self.reading = reading
        self.local = _LocalNames()
        #: The ids of the entities kept, and the positions of those that link to another.
        self._ids: set[str] = set()
        self.linked: list[int] = []
        #: refId → (type, value, isoCode) of every referenceValue.
        self.references: dict[str, tuple[str, str, str | None]] = {}
        self._countries: dict[str, Country | None] = {}
        self.header: dict[str, str] = {}
        self.published: PartialDate | None = None
        if root is not None:
            self._read_head(root)
        title = f"OFAC Sanctions List Service, enhanced XML ({Path(reading.file).name})"
        self.sources = (Source(publisher=_ofac.PUBLISHER, title=title, published=self.published),)

    def _read_head(self, root: ET.Element) -> None:
        local = self.local
        for child in list(root):
            tag = local[child.tag]
            if tag == "publicationInfo":
                self._publication(child)
            elif tag == "referenceValues":
                for item in child:
                    parts = {local[part.tag]: _text(part) for part in item}
                    ref = item.get("refId")
                    if ref is not None and parts.get("value"):
                        kind, value = parts.get("type") or "", parts["value"] or ""
                        self.references[ref] = (kind, value, parts.get("isoCode"))
            elif tag != "featureTypes":  # its labels are repeated in each feature
                continue
            # Read once: no need to keep it in the tree while the entities stream by.
            root.remove(child)

    def _publication(self, info: ET.Element) -> None:
        local, header = self.local, self.header
        for item in info.iter():
            tag = local[item.tag]
            if tag == "dataAsOf":
                text = _text(item)
                try:
                    day = _day(text)
                except ValueError:
                    self.reading.problem("expected an ISO date", field="dataAsOf", value=text)
                    continue
                if day is not None:
                    header["publish_date"] = day.isoformat()
                    self.published = PartialDate.from_date(day)
            elif tag in ("sanctionsList", "sanctionsProgram") and _text(item):
                key = "lists" if tag == "sanctionsList" else "programmes"
                header[key] = "; ".join(filter(None, (header.get(key), _text(item))))
        header["list"] = "OFAC Sanctions List Service"
        if "programmes" in header:
            header["list"] += f" ({header['programmes']})"

    def unlink_missing(self) -> None:
        """Drop operator links to entities the file does not hold (a filtered export).

        The link stays readable in the entity's notes ("Owned or Controlled By: ...").
        """
        kept = self.reading.entities
        for index in self.linked:
            entity = kept[index]
            if isinstance(entity, Aircraft) and entity.operator_id not in self._ids:
                kept[index] = attrs.evolve(entity, operator_id=None)

    # --- lookups ------------------------------------------------------------------

    def country(self, ref: str | None, text: str | None, record: str, field: str) -> Country | None:
        """The country of a reference (by its ISO code) or, failing that, of its name."""
        key = ref or f"text:{text}"
        if key in self._countries:
            return self._countries[key]
        _, name, iso = self.references.get(ref or "", ("", text or "", None))
        name = name or text or ""
        country: Country | None = None
        if iso:
            country = self.reading.country(iso, record=record, field=field, codes=True)
        elif name and name.lower() not in _ofac.NO_COUNTRY:
            country = self.reading.country(name, record=record, field=field)
            if country is None:
                return None  # a problem for each record that names it
        self._countries[key] = country
        return country

    def script(self, ref: str | None) -> str | None:
        _, name, iso = self.references.get(ref or "", ("", "", None))
        code = _SCRIPTS.get(iso or "")
        return None if code == "Latn" else code or (name or None)

    def date(self, element: ET.Element, record: str, field: str) -> PartialDate | DateRange | None:
        try:
            return _date_value(element, self.local)
        except ValueError as error:
            self.reading.problem(str(error), record=record, field=field, value=None)
            return None

    def single_date(
        self, element: ET.Element | None, record: str, field: str
    ) -> PartialDate | None:
        if element is None:
            return None
        value = self.date(element, record, field)
        if isinstance(value, DateRange):
            self.reading.problem(
                "expected one date, found a range", record=record, field=field, value=str(value)
            )
            return None
        return value

    # --- one entity ---------------------------------------------------------------

    def add(self, element: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        uid = element.get("id")
        if uid is None or not uid.strip():
            reading.reject("entity without an id")
            return
        entity_id = _ofac.entity_id(uid)
        if reading.unique_id([entity_id], duplicate="", record=uid) is None:
            reading.reject("a second entity with the same id", record=uid)
            return
        parts = {self.local[child.tag]: child for child in element}
        general = {self.local[child.tag]: child for child in parts.get("generalInfo", ())}
        entity = _Entity(self, uid, self.kind(uid, _text(general.get("entityType"))))
        for tag, child in general.items():
            entity.general(tag, child)
        for tag, child in parts.items():
            entity.element(tag, child)
        if entity.draft.name is None:
            reading.reject("entity without a primary name", record=uid)
            return
        built = entity.build(entity_id)
        if built is None:
            return
        if isinstance(built, Aircraft) and built.operator_id is not None:
            self.linked.append(len(reading.entities))
        self._ids.add(entity_id)
        reading.keep(built, entity.designation(entity_id))

    def kind(self, uid: str, entity_type: str | None) -> type[Entity]:
        kind = _ofac.entity_class(entity_type)
        if kind is None:
            self.reading.problem(
                "unknown entityType: read as an organisation",
                record=uid,
                field="entityType",
                value=entity_type,
            )
            kind = Organization
        return kind


class _Entity:
    """What one entity element says, gathered element by element, then built."""

    def __init__(self, entities: _Entities, uid: str, kind: type[Entity]) -> None:
        self.entities = entities
        self.uid = uid
        self.kind = kind
        self.draft = EntityDraft(label=uid, kind=kind)
        self.past_flags: list[Country] = []
        self.past_names: list[str] = []
        self.programmes: list[str] = []
        self.listed: list[PartialDate] = []
        self.measures: list[Measure] = []
        self.measure_notes: list[str] = []
        self.legal_basis: list[LegalBasis] = []
        self.operator_name: str | None = None
        self.related: dict[str, str] = {}
        self.target_types: list[str] = []
        self.organization_types: list[str] = []

    def note(self, label: str, text: str | None) -> None:
        if text is not None:
            self.draft.note(self.entities.share(f"{label}: {text}"))

    def role(self, country: Country | None, role: CountryRoleKind) -> None:
        if country is not None:
            self.draft.role(self.entities.share(CountryRole(country=country, role=role)))

    def general(self, tag: str, element: ET.Element) -> None:
        text = self.entities.text(element)
        if text is None:
            return
        if tag == "remarks":
            self.draft.notes.append(text)
        elif tag == "title":
            if self.kind is Person:
                self.draft.positions.extend(
                    part.strip() for part in text.split(";") if part.strip()
                )
            else:
                self.note("title", text)
        # identityId is OFAC's internal key of the identity; entityType is read by the caller.

    def element(self, tag: str, element: ET.Element) -> None:
        """Read each item of one list-valued child of the entity, by the child's name."""
        read = _ITEMS.get(tag)
        if read is not None:
            for item in element:
                read(self, item)

    def programme(self, item: ET.Element) -> None:
        text = self.entities.text(item)
        if text is not None and text not in self.programmes:
            self.programmes.append(text)

    def sanctions_type_item(self, item: ET.Element) -> None:
        self.sanctions_type(self.entities.text(item))

    def legal_authority(self, item: ET.Element) -> None:
        text = self.entities.text(item)
        if text is not None:
            self.legal_basis.append(_ofac.legal_basis(text))

    # --- the designation ----------------------------------------------------------

    def sanctions_list(self, item: ET.Element) -> None:
        published = item.get("datePublished")
        list_name = _text(item)
        if published:
            try:
                day = PartialDate.from_date(datetime.date.fromisoformat(published[:10]))
            except ValueError:
                self.entities.reading.problem(
                    "expected an ISO date", record=self.uid, field="datePublished", value=published
                )
            else:
                self.listed.append(day)
        if list_name is not None and list_name != "SDN List":
            self.measure_notes.append(self.entities.share(f"on the {list_name}"))

    def sanctions_type(self, text: str | None) -> None:
        if text is None:
            return
        measure = _ofac.sanctions_type(text)
        if measure is not Measure.ASSET_FREEZE:
            self.measure_notes.append(self.entities.share(f"sanctions type: {text}"))
        if measure not in self.measures:
            self.measures.append(measure)

    def designation(self, entity_id: str) -> Designation:
        share = self.entities.share
        return Designation(
            entity_id=entity_id,
            authority=ofac(),
            authority_ref=self.uid,
            # Listed on several lists: the earliest is when OFAC first listed it.
            listed=min(self.listed) if self.listed else None,
            programmes=share(tuple(self.programmes)),
            measures=share(tuple(self.measures)),
            measure_notes=share(tuple(self.measure_notes)),
            legal_basis=share(tuple(self.legal_basis)),
            sources=self.entities.sources,
        )

    # --- names --------------------------------------------------------------------

    def names(self, item: ET.Element) -> None:
        parts = {self.entities.local[child.tag]: child for child in item}
        primary = _bool(parts.get("isPrimary"))
        alias_type = _text(parts.get("aliasType"))
        weak = _bool(parts.get("isLowQuality"))
        quality = _ofac.alias_quality(alias_type or "A.K.A.", weak=weak)
        if quality is None:
            if not weak:
                self.entities.reading.problem(
                    "unknown aliasType: kept as an a.k.a.",
                    record=self.uid,
                    field="aliasType",
                    value=alias_type,
                )
            quality = AliasQuality.WEAK if weak else AliasQuality.STRONG
        for translation in parts.get("translations", ()):
            self.translation(translation, primary, quality)

    def translation(self, translation: ET.Element, primary: bool, quality: AliasQuality) -> None:
        """One writing of a name: the entity's name, its listed form, or an alias."""
        entities = self.entities
        fields = {entities.local[child.tag]: child for child in translation}
        first = _text(fields.get("formattedFirstName"))
        last = _text(fields.get("formattedLastName"))
        full = _text(fields.get("formattedFullName"))
        script_element = fields.get("script")  # an element without children is falsy
        script = entities.script(None if script_element is None else script_element.get("refId"))
        if script is None:
            name = _ofac.full_name(first, last) or full
            listed = full if first and last and full else None
        else:
            name, listed = _BIDI.sub("", full or last or "").strip() or None, None
        if name is None:
            return
        name = entities.share(name)
        if primary and self.draft.name is None and script is None:
            self.draft.name = name
            if self.kind is Person and listed:
                # The list's own form, "LASTNAME, Firstname", as users search for it.
                self.draft.aliases.append(entities.share(Alias(name=listed)))
            return
        alias = entities.share(
            Alias(name=name, quality=AliasQuality.STRONG if primary else quality, script=script)
        )
        if alias not in self.draft.aliases:
            self.draft.aliases.append(alias)
        if quality is AliasQuality.FORMER and self.kind is Vessel and not primary:
            self.past_names.append(name)

    # --- addresses ----------------------------------------------------------------

    def address(self, item: ET.Element) -> None:
        entities = self.entities
        parts = {entities.local[child.tag]: child for child in item}
        country_element = parts.get("country")
        # The primary translation (Latin): others repeat it in another script.
        translation = next(iter(parts.get("translations", ())), None)
        found = {} if translation is None else _address_parts(translation, entities.local)
        country_text = _text(country_element)
        lines = _ofac.address_lines(found)
        if country_text:
            lines.append(country_text)
        if not lines:
            return
        country = None
        if country_element is not None:
            country = entities.country(
                country_element.get("refId"), country_text, self.uid, "address/country"
            )
        city = found.get("CITY")
        address = Address(
            full=", ".join(lines),
            city=None if city is None else entities.share(city),
            country=country,
        )
        self.draft.addresses.append(entities.share(address))
        if self.kind is not Person:
            self.role(country, CountryRoleKind.LOCATION)

    # --- features -----------------------------------------------------------------

    def feature(self, item: ET.Element) -> None:
        parts = {self.entities.local[child.tag]: child for child in item}
        label = (_text(parts.get("type")) or "").replace("’", "'")
        value = self.entities.text(parts.get("value"))
        ref = _text(parts.get("valueRefId"))
        when = parts.get("valueDate")
        reliability = self.reliability(parts.get("reliability"), label, value)
        if reliability == _FALSE:
            self.false_feature(label, value, when)
            return
        if reliability not in (None, _CONFIRMED):
            # "Reported": kept as a fact; the model has no place for how sure OFAC is.
            self.note(f"{label} {value or ''}".strip(), f"reliability {reliability}")
        handler = _FEATURES.get(label)
        if _ofac.set_field(self.draft, self.entities.reading, label, value):
            pass
        elif handler is not None and handler[0] in (None, self.kind):
            handler[1](self, label, value, ref, when)
        else:
            self.other_feature(label, value, when)

    def false_feature(self, label: str, value: str | None, when: ET.Element | None) -> None:
        """A value OFAC says is false: a note and a problem (see :func:`_ofac.false_feature`)."""
        shown = value
        if when is not None:
            date = self.entities.date(when, self.uid, label)
            shown = value if date is None else date.isoformat()
        _ofac.false_feature(self.draft, self.entities.reading, label, shown)

    def other_feature(self, label: str, value: str | None, when: ET.Element | None) -> None:
        """A feature that is no field: a measure note, an identifier or a note."""
        entities = self.entities
        if _ofac.is_measure_label(label):
            text = value
            if when is not None:
                date = entities.date(when, self.uid, label)
                text = None if date is None else date.isoformat()
            if text is not None:
                self.measure_notes.append(entities.share(f"{label} {text}"))
        elif value is not None and (found := _ofac.label_identifier(label, value)) is not None:
            self.draft.identifiers.append(entities.share(found))
        elif value is not None:
            # Dates of other features (Aircraft Manufacture Date) read better in ISO form.
            if when is not None:
                date = entities.date(when, self.uid, label)
                value = value if date is None else date.isoformat()
            self.note(label, value)

    def feature_date(
        self, label: str, value: str | None, when: ET.Element | None
    ) -> PartialDate | DateRange | None:
        """A feature's date: its ``valueDate`` when it has one, else its text read as a date."""
        if when is not None:
            return self.entities.date(when, self.uid, label)
        return self.entities.reading.date(value, record=self.uid, field=label)

    # Each reader of a feature that is a field takes (label, value, valueRefId, valueDate).

    def birth_date(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        date = self.feature_date(label, value, when)
        if date is not None:
            self.draft.birth_dates.append(date)

    def birth_place(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        if value:
            address = Address(full=value, country=_ofac.place_country(value))
            self.draft.birth_places.append(self.entities.share(address))

    def country_role(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        role = _ofac.COUNTRY_ROLES[label]
        self.role(self.entities.country(ref, value, self.uid, label), role)

    def incorporated(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        _ofac.incorporated(self.draft, label, self.feature_date(label, value, when))

    def target_type(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        # OFAC's kind of target ("Private Company", "Government Entity"): what
        # Organization.kind means. It wins over an "Organization Type:" (see build).
        if value:
            self.target_types.append(value)

    def org_type(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        if value:
            self.organization_types.append(value)

    def operator(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        self.operator_name = value
        self.note(label, value)

    def flag(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        self.draft.extra["flag"] = self.entities.country(ref, value, self.uid, label)

    def past_flag(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        country = self.entities.country(ref, value, self.uid, label)
        if country is not None and country not in self.past_flags:
            self.past_flags.append(country)

    def mmsi(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        self.draft.extra["mmsi"] = self.entities.reading.mmsi_number(value, record=self.uid)

    def deadweight(self, label: str, value: str | None, ref: str | None, when: _Element) -> None:
        # OFAC's "tonnage" is the deadweight, about twice the gross tonnage of a tanker.
        self.note("tonnage (deadweight)", value)

    def reliability(self, element: ET.Element | None, label: str, value: str | None) -> str | None:
        """How sure OFAC is of a feature: "Confirmed", "Reported", "False", or None if unsaid.

        Read from the reference table by ``refId`` (the element's text as a fallback).
        Any other value is a problem, and the feature is kept as if reported.
        """
        if element is None:
            return None
        reference = self.entities.references.get(element.get("refId") or "")
        said = reference[1] if reference is not None else _text(element)
        if said is None:
            return None
        if said not in (_CONFIRMED, _REPORTED, _FALSE):
            self.entities.reading.problem(
                f"unknown reliability {said!r}; the feature is kept, with a note",
                record=self.uid,
                field=label,
                value=value,
            )
        return said

    # --- documents and relationships ---------------------------------------------

    def document(self, item: ET.Element) -> None:
        entities, uid = self.entities, self.uid
        parts = {entities.local[child.tag]: child for child in item}
        label = entities.text(parts.get("type")) or "other"
        number = _text(parts.get("documentNumber"))
        if number is None:
            entities.reading.problem(
                "an identity document without a number", record=uid, field=label, value=None
            )
            return
        if _ofac.vessel_document(self.draft, entities.reading, label, number):
            return
        country_element = parts.get("issuingCountry")
        country = None
        if country_element is not None:
            country = entities.country(
                country_element.get("refId"), _text(country_element), uid, "issuingCountry"
            )
        note = label
        if _text(parts.get("isValid")) == "false":
            note = f"{label} (not valid)"
        location = _text(parts.get("issuingLocation"))
        if location is not None:
            note = f"{note}, issued in {location}"
        scheme, kept = identify("ofac", label)
        identifier = Identifier(
            scheme=scheme,
            label=kept,
            value=number,
            country=country,
            issued=entities.single_date(parts.get("issueDate"), uid, f"{label}/issueDate"),
            expires=entities.single_date(
                parts.get("expirationDate"), uid, f"{label}/expirationDate"
            ),
            note=None if note == kept else entities.share(note),
        )
        self.draft.identifiers.append(identifier)

    def relationship(self, item: ET.Element) -> None:
        entities = self.entities
        parts = {entities.local[child.tag]: child for child in item}
        kind = _text(parts.get("type")) or "Linked To"
        related = parts.get("relatedEntity")
        name = _text(related)
        other = None if related is None else related.get("entityId")
        if name is None and other is None:
            return
        if other is not None:
            self.related[(name or "").casefold()] = _ofac.entity_id(other)
        target = " ".join(part for part in (name, other and f"({_ofac.entity_id(other)})") if part)
        self.draft.notes.append(entities.share(f"{kind}: {target}"))

    # --- the entity ---------------------------------------------------------------

    def build(self, entity_id: str) -> Entity | None:
        draft = self.draft
        draft.id, draft.sources = entity_id, self.entities.sources
        if self.kind is Vessel:
            draft.extra["past_flags"] = tuple(self.past_flags)
            draft.extra["past_names"] = tuple(self.past_names)
        elif self.kind is Organization:
            self.organization_kind()
        elif self.kind is Aircraft:
            # OFAC names most aircraft by their registration ("EP-PUL").
            named = draft.name or ""
            if draft.extra.get("registration") is None and _REGISTRATION.fullmatch(named):
                draft.extra["registration"] = named
            operator = self.operator_name
            if operator is not None and operator.casefold() in self.related:
                # The operator is named, and one of the related entities has that name.
                draft.extra["operator_id"] = self.related[operator.casefold()]
        return draft.build(self.entities.reading)

    def organization_kind(self) -> None:
        """The first Target Type (or else Organization Type) is the kind; the others notes."""
        kinds = [*self.target_types, *self.organization_types]
        if kinds:
            self.draft.extra["kind"] = kinds[0]
        notes = [
            *(f"Target Type: {text}" for text in self.target_types[1:]),
            *(
                f"Organization Type: {text}"
                for text in self.organization_types[0 if self.target_types else 1 :]
            ),
        ]
        self.draft.notes.extend(self.entities.share(note) for note in notes)


_Element = ET.Element | None
_Feature = Callable[[_Entity, str, str | None, str | None, _Element], None]


# Features that are fields or countries, by the class they belong to (None: any);
# the others are measure notes, identifiers or notes (see _Entity.other_feature).
_FEATURES: dict[str, tuple[type[Entity] | None, _Feature]] = {
    "Birthdate": (Person, _Entity.birth_date),
    "Place of Birth": (Person, _Entity.birth_place),
    "Nationality Country": (None, _Entity.country_role),
    "Citizenship Country": (None, _Entity.country_role),
    "Nationality of Registration": (None, _Entity.country_role),
    "Registration Country": (None, _Entity.country_role),
    "Organization Established Date": (Organization, _Entity.incorporated),
    "Target Type": (Organization, _Entity.target_type),
    "Organization Type:": (Organization, _Entity.org_type),
    "Aircraft Operator": (None, _Entity.operator),
    "Vessel Flag": (Vessel, _Entity.flag),
    "Former Vessel Flag": (Vessel, _Entity.past_flag),
    "Vessel Tonnage": (Vessel, _Entity.deadweight),
    "MMSI": (Vessel, _Entity.mmsi),
}

#: How the items of each list-valued child of an entity are read, by the child's name.
_ITEMS: dict[str, Callable[[_Entity, ET.Element], None]] = {
    "sanctionsLists": _Entity.sanctions_list,
    "sanctionsPrograms": _Entity.programme,
    "sanctionsTypes": _Entity.sanctions_type_item,
    "legalAuthorities": _Entity.legal_authority,
    "names": _Entity.names,
    "addresses": _Entity.address,
    "features": _Entity.feature,
    "identityDocuments": _Entity.document,
    "relationships": _Entity.relationship,
}
