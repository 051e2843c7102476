"""OFAC's enhanced XML (``sanctionsData``), the Sanctions List Service's richest export.

Each ``entity`` becomes one entity with the id ``ofac-{entity id}`` (the classic
list's ``uid``, the CSV's ent_num) and one :class:`~sanctionkit.Designation` by
OFAC. Its ``referenceValues`` table (countries with ISO codes, scripts) comes
before the entities and is read first; the entities are streamed. Its
``relationships`` (by entity id) and Vessel Owner features (by name) become
relationships once the whole file is read (:class:`~sanctionkit.formats._ofac.Links`).
This module is
the layout's mapping (:data:`_ITEMS`, :data:`_FEATURES`) and its quirks; what the
OFAC readers share is in :mod:`sanctionkit.formats._ofac`. What becomes what, with
an example, and the quirks of the real files: ``docs/formats/ofac-enhanced.md``.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import IO, NamedTuple

import attrs

from sanctionkit.formats import _ofac
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._ofac import element_text as _text
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
from sanctionkit.model import (
    Aircraft,
    Alias,
    AliasQuality,
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
    entities = _Entities(reading)
    root = _ofac.stream(source, reading, entities.add, record="entity", containers=("entities",))
    if entities.sources is None:  # a file without entities: its header all the same
        entities.start(root)
    _ofac.check_root(reading, root, ROOT)
    entities.unlink_missing()
    metadata = {"format": "ofac-enhanced-xml", **entities.header}
    links = entities.links
    del entities  # its caches, before the dataset is built: a lower peak of memory
    return links.finish(reading, metadata)


def _bool(element: ET.Element | None) -> bool:
    return _text(element) == "true"


def _day(text: str | None) -> datetime.date | None:
    # "2024-08-28" or "2024-08-28T00:00:00"
    return None if text is None else datetime.date.fromisoformat(text[:10])


def _iso_day(
    reading: Reading, text: str | None, *, record: str | None, field: str
) -> datetime.date | None:
    """The day of an ISO date (perhaps with a time); None, with a problem, for other text."""
    try:
        return _day(text)
    except ValueError:
        reading.problem("expected an ISO date", record=record, field=field, value=text)
        return None


def _date_value(element: ET.Element, local: _ofac.LocalNames) -> PartialDate | DateRange:
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


def _address_parts(translation: ET.Element, local: _ofac.LocalNames) -> dict[str, str]:
    """An address translation's parts by their type ("ADDRESS1", "CITY"), the first of each."""
    found: dict[str, str] = {}
    for part in translation.iter():
        if local[part.tag] == "addressPart":
            values = {local[piece.tag]: piece for piece in part}
            kind, value = _text(values.get("type")), _text(values.get("value"))
            if kind and value and kind not in found:
                found[kind] = value
    return found


class _Value(NamedTuple):
    """A feature's label, value, ``valueRefId`` and ``valueDate``: what its reader is given."""

    label: str
    value: str | None
    ref: str | None
    when: ET.Element | None


class _Entities:
    """The file's header and reference table, and the entities read so far."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.local = _ofac.LocalNames()
        #: The ids of the entities kept, and the positions of those that link to another.
        self._ids: set[str] = set()
        self.linked: list[int] = []
        #: refId → (type, value, isoCode) of every referenceValue.
        self.references: dict[str, tuple[str, str, str | None]] = {}
        self._countries: dict[str, Country | None] = {}
        self.header: dict[str, str] = {}
        self.sources: tuple[Source, ...] | None = None
        self.links = _ofac.Links()

    def start(self, root: ET.Element | None) -> None:
        """Read the header and the reference table: they precede the entities."""
        published = None if root is None else self._read_head(root)
        title = f"OFAC Sanctions List Service, enhanced XML ({Path(self.reading.file).name})"
        self.sources = (Source(publisher=_ofac.PUBLISHER, title=title, published=published),)
        self.links.source = self.sources[0]

    def _read_head(self, root: ET.Element) -> PartialDate | None:
        local, published = self.local, None
        for child in list(root):
            tag = local[child.tag]
            if tag == "publicationInfo":
                published = self._publication(child)
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
        return published

    def _publication(self, info: ET.Element) -> PartialDate | None:
        header, published = self.header, None
        for item in info.iter():
            tag = self.local[item.tag]
            if tag == "dataAsOf":
                day = _iso_day(self.reading, _text(item), record=None, field="dataAsOf")
                if day is not None:
                    header["publish_date"] = day.isoformat()
                    published = PartialDate.from_date(day)
            elif tag in ("sanctionsList", "sanctionsProgram") and _text(item):
                key = "lists" if tag == "sanctionsList" else "programmes"
                header[key] = "; ".join(filter(None, (header.get(key), _text(item))))
        header["list"] = "OFAC Sanctions List Service"
        if "programmes" in header:
            header["list"] += f" ({header['programmes']})"
        return published

    def unlink_missing(self) -> None:
        """Drop operator links to entities the file does not hold (a filtered export).

        The link stays readable in the entity's notes ("Owned or Controlled By: ...").
        """
        kept = self.reading.entities
        for index in self.linked:
            entity = kept[index]
            if isinstance(entity, Aircraft) and entity.operator_id not in self._ids:
                kept[index] = attrs.evolve(entity, operator_id=None)

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

    def add(self, root: ET.Element | None, element: ET.Element) -> None:
        if self.sources is None:
            self.start(root)
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
        type_text = _text(general.get("entityType"))
        kind = _ofac.entry_class(reading, type_text, record=uid, field="entityType")
        entry = _Entry(reading, uid, kind, entities=self)
        for tag, child in general.items():
            entry.general(tag, child)
        for tag, child in parts.items():
            entry.items(tag, child)
        if entry.draft.name is None:
            reading.reject("entity without a primary name", record=uid)
            return
        built = entry.finish(entity_id, self.sources or ())
        if built is None:
            return
        if isinstance(built, Aircraft) and built.operator_id is not None:
            self.linked.append(len(reading.entities))
        self._ids.add(entity_id)
        reading.keep(built, entry.designate(entity_id, self.sources or ()))
        entry.held(self.links, entity_id, *entry.primary_names)
        for words, number, ref in entry.related_ids:
            self.links.by_id(entity_id, uid, words, number, ref)


@attrs.define
class _Entry(_ofac.Entry):
    """What one entity element says, gathered item by item (see :data:`_ITEMS`), then built."""

    entities: _Entities = attrs.field(kw_only=True)
    listed: list[PartialDate] = attrs.Factory(list)
    measures: list[Measure] = attrs.Factory(list)
    legal_basis: list[LegalBasis] = attrs.Factory(list)
    operator_name: str | None = None
    #: The names (casefolded) of related entities, to their ids.
    related: dict[str, str] = attrs.Factory(dict)
    #: Each relationship, as (its type, the related entity's id, its id): see _ofac.Links.
    related_ids: list[tuple[str, str, str | None]] = attrs.Factory(list)
    #: The primary name, and a person's in the list's own form "LAST, First".
    primary_names: list[str] = attrs.Factory(list)
    target_types: list[str] = attrs.Factory(list)
    organization_types: list[str] = attrs.Factory(list)

    def children(self, element: ET.Element) -> dict[str, ET.Element]:
        return {self.entities.local[child.tag]: child for child in element}

    def items(self, tag: str, element: ET.Element) -> None:
        """Read each item of one list-valued child of the entity, as :data:`_ITEMS` says."""
        read = _ITEMS.get(tag)
        if read is not None:
            for item in element:
                read(self, item)

    def reference_country(self, element: ET.Element | None, field: str) -> Country | None:
        """The country an element names by its ``refId`` (or its text)."""
        if element is None:
            return None
        return self.entities.country(element.get("refId"), _text(element), self.uid, field)

    def date(self, element: ET.Element, field: str) -> PartialDate | DateRange | None:
        try:
            return _date_value(element, self.entities.local)
        except ValueError as error:
            self.reading.problem(str(error), record=self.uid, field=field, value=None)
            return None

    def single_date(self, element: ET.Element | None, field: str) -> PartialDate | None:
        value = None if element is None else self.date(element, field)
        if isinstance(value, DateRange):
            message = "expected one date, found a range"
            self.reading.problem(message, record=self.uid, field=field, value=str(value))
            return None
        return value

    def general(self, tag: str, element: ET.Element) -> None:
        # identityId is OFAC's internal key of the identity; entityType is read by the caller.
        text = self.text(element)
        if text is None:
            return
        if tag == "remarks":
            self.draft.notes.append(text)
        elif tag == "title" and self.kind is Person:
            self.draft.positions.extend(part.strip() for part in text.split(";") if part.strip())
        elif tag == "title":
            self.note("title", text)

    # --- the designation ----------------------------------------------------------

    def programme(self, item: ET.Element) -> None:
        text = self.text(item)
        if text is not None and text not in self.programmes:
            self.programmes.append(text)

    def legal_authority(self, item: ET.Element) -> None:
        text = self.text(item)
        if text is not None:
            self.legal_basis.append(_ofac.legal_basis(text))

    def sanctions_list(self, item: ET.Element) -> None:
        published, list_name = item.get("datePublished"), _text(item)
        day = _iso_day(self.reading, published or None, record=self.uid, field="datePublished")
        if day is not None:
            self.listed.append(PartialDate.from_date(day))
        if list_name is not None and list_name != "SDN List":
            self.measure_notes.append(self.reading.intern(f"on the {list_name}"))

    def sanctions_type(self, item: ET.Element) -> None:
        text = self.text(item)
        if text is None:
            return
        measure = _ofac.sanctions_type(text)
        if measure is not Measure.ASSET_FREEZE:
            self.measure_notes.append(self.reading.intern(f"sanctions type: {text}"))
        if measure not in self.measures:
            self.measures.append(measure)

    def designate(self, entity_id: str, sources: tuple[Source, ...]) -> Designation:
        intern = self.reading.intern
        return self.designation(
            entity_id,
            intern(tuple(self.measures)),
            sources,
            # Listed on several lists: the earliest is when OFAC first listed it.
            listed=min(self.listed) if self.listed else None,
            legal_basis=intern(tuple(self.legal_basis)),
        )

    # --- names and addresses ------------------------------------------------------

    def names(self, item: ET.Element) -> None:
        parts = self.children(item)
        alias_type, weak = _text(parts.get("aliasType")), _bool(parts.get("isLowQuality"))
        quality = _ofac.alias_quality(alias_type or "A.K.A.", weak=weak)
        if quality is None and not weak:
            message = "unknown aliasType: kept as an a.k.a."
            self.reading.problem(message, record=self.uid, field="aliasType", value=alias_type)
        if quality is None:
            quality = AliasQuality.WEAK if weak else AliasQuality.STRONG
        primary = _bool(parts.get("isPrimary"))
        for translation in parts.get("translations", ()):
            self.translation(translation, primary, quality)

    def translation(self, translation: ET.Element, primary: bool, quality: AliasQuality) -> None:
        """One writing of a name: the entity's name, its listed form, or an alias."""
        fields = self.children(translation)
        first = _text(fields.get("formattedFirstName"))
        last = _text(fields.get("formattedLastName"))
        full = _text(fields.get("formattedFullName"))
        script_element = fields.get("script")  # an element without children is falsy
        script = self.entities.script(
            None if script_element is None else script_element.get("refId")
        )
        if script is None:
            name = _ofac.full_name(first, last) or full
            listed = full if first and last and full else None
        else:
            name, listed = _BIDI.sub("", full or last or "").strip() or None, None
        if name is None:
            return
        name = self.reading.intern(name)
        if primary and self.draft.name is None and script is None:
            self.draft.name = name
            self.primary_names = [name, *([listed] if listed else [])]
            if self.kind is Person and listed:
                # The list's own form, "LASTNAME, Firstname", as users search for it.
                self.draft.aliases.append(self.reading.intern(Alias(name=listed)))
            return
        quality = AliasQuality.STRONG if primary else quality
        alias = self.reading.intern(Alias(name=name, quality=quality, script=script))
        if alias not in self.draft.aliases:
            self.draft.aliases.append(alias)
        if quality is AliasQuality.FORMER and self.kind is Vessel:
            self.past_names.append(name)

    def address_item(self, item: ET.Element) -> None:
        parts = self.children(item)
        # The primary translation (Latin): others repeat it in another script.
        translation = next(iter(parts.get("translations", ())), None)
        found = {} if translation is None else _address_parts(translation, self.entities.local)
        country_text = _text(parts.get("country"))
        lines = _ofac.address_lines(found)
        if country_text:
            lines.append(country_text)
        if not lines:
            return
        country = self.reference_country(parts.get("country"), "address/country")
        self.address(lines, found.get("CITY"), country)

    # --- features -----------------------------------------------------------------

    def feature(self, item: ET.Element) -> None:
        parts = self.children(item)
        label = (_text(parts.get("type")) or "").replace("’", "'")
        value = self.text(parts.get("value"))
        when = parts.get("valueDate")
        reliability = self.reliability(parts.get("reliability"), label, value)
        if reliability == _FALSE:
            # Not a fact, but worth knowing: see _ofac.false_feature.
            shown = value if when is None else self.iso_date(when, label, value)
            _ofac.false_feature(self.draft, self.reading, label, shown)
            return
        if reliability not in (None, _CONFIRMED):
            # "Reported": kept as a fact; the model has no place for how sure OFAC is.
            self.note(f"{label} {value or ''}".strip(), f"reliability {reliability}")
        handler = _FEATURES.get(label)
        if _ofac.set_field(self.draft, self.reading, label, value):
            pass
        elif handler is not None and handler[0] in (None, self.kind):
            handler[1](self, _Value(label, value, _text(parts.get("valueRefId")), when))
        else:
            self.other_feature(label, value, when)

    def other_feature(self, label: str, value: str | None, when: ET.Element | None) -> None:
        """A feature that is no field: a measure note, an identifier or a note."""
        if _ofac.is_measure_label(label):
            text = value if when is None else self.iso_date(when, label, None)
            if text is not None:
                self.measure_notes.append(self.reading.intern(f"{label} {text}"))
        elif value is not None and (found := _ofac.label_identifier(label, value)) is not None:
            self.draft.identifiers.append(self.reading.intern(found))
        elif value is not None:
            # Dates of other features (Aircraft Manufacture Date) read better in ISO form.
            self.note(label, value if when is None else self.iso_date(when, label, value))

    def iso_date(self, when: ET.Element, label: str, default: str | None) -> str | None:
        """A ``valueDate`` in ISO form, or ``default`` when it is no date (a problem)."""
        date = self.date(when, label)
        return default if date is None else date.isoformat()

    def feature_date(self, feature: _Value) -> PartialDate | DateRange | None:
        """A feature's date: its ``valueDate`` when it has one, else its text read as a date."""
        if feature.when is not None:
            return self.date(feature.when, feature.label)
        return self.reading.date(feature.value, record=self.uid, field=feature.label)

    def reliability(self, element: ET.Element | None, label: str, value: str | None) -> str | None:
        """How sure OFAC is of a feature: "Confirmed", "Reported", "False", or None if unsaid.

        Read from the reference table by ``refId`` (the element's text as a fallback).
        Any other value is a problem, and the feature is kept as if reported.
        """
        if element is None:
            return None
        reference = self.entities.references.get(element.get("refId") or "")
        said = reference[1] if reference is not None else _text(element)
        if said is not None and said not in (_CONFIRMED, _REPORTED, _FALSE):
            self.reading.problem(
                f"unknown reliability {said!r}; the feature is kept, with a note",
                record=self.uid,
                field=label,
                value=value,
            )
        return said

    # --- documents and relationships ---------------------------------------------

    def document(self, item: ET.Element) -> None:
        parts, uid = self.children(item), self.uid
        label = self.text(parts.get("type")) or "other"
        number = _text(parts.get("documentNumber"))
        if number is None:
            message = "an identity document without a number"
            self.reading.problem(message, record=uid, field=label, value=None)
            return
        if _ofac.vessel_document(self.draft, self.reading, label, number):
            return
        country = self.reference_country(parts.get("issuingCountry"), "issuingCountry")
        note = f"{label} (not valid)" if _text(parts.get("isValid")) == "false" else label
        location = _text(parts.get("issuingLocation"))
        if location is not None:
            note = f"{note}, issued in {location}"
        scheme, kept = identify("ofac", label)
        identifier = Identifier(
            scheme=scheme,
            label=kept,
            value=number,
            country=country,
            issued=self.single_date(parts.get("issueDate"), f"{label}/issueDate"),
            expires=self.single_date(parts.get("expirationDate"), f"{label}/expirationDate"),
            note=None if note == kept else self.reading.intern(note),
        )
        self.draft.identifiers.append(identifier)

    def relationship(self, item: ET.Element) -> None:
        parts = self.children(item)
        kind = _text(parts.get("type")) or "Linked To"
        related = parts.get("relatedEntity")
        name = _text(related)
        other = None if related is None else related.get("entityId")
        if name is None and other is None:
            return
        if other is not None:
            self.related[(name or "").casefold()] = _ofac.entity_id(other)
            self.related_ids.append((kind, other, item.get("id")))
        target = " ".join(part for part in (name, other and f"({_ofac.entity_id(other)})") if part)
        self.draft.notes.append(self.reading.intern(f"{kind}: {target}"))

    # --- the entity ---------------------------------------------------------------

    def finish(self, entity_id: str, sources: tuple[Source, ...]) -> Entity | None:
        draft = self.draft
        if self.kind is Organization:
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
        return self.build(entity_id, sources)

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
        self.draft.notes.extend(map(self.reading.intern, notes))


def _birth_date(entry: _Entry, feature: _Value) -> None:
    date = entry.feature_date(feature)
    if date is not None:
        entry.draft.birth_dates.append(date)


def _birth_place(entry: _Entry, feature: _Value) -> None:
    if feature.value:
        entry.birth_place(feature.value)


def _country(entry: _Entry, feature: _Value) -> None:
    label = feature.label
    country = entry.entities.country(feature.ref, feature.value, entry.uid, label)
    if label in _ofac.COUNTRY_ROLES:
        entry.role(country, _ofac.COUNTRY_ROLES[label])
    elif label == "Vessel Flag":
        entry.draft.extra["flag"] = country
    else:  # Former Vessel Flag
        entry.past_flag(country)


def _incorporated(entry: _Entry, feature: _Value) -> None:
    _ofac.incorporated(entry.draft, feature.label, entry.feature_date(feature))


def _kind(entry: _Entry, feature: _Value) -> None:
    # OFAC's kind of target ("Private Company", "Government Entity"): what
    # Organization.kind means. It wins over an "Organization Type:" (organization_kind).
    if feature.value:
        target = feature.label == "Target Type"
        (entry.target_types if target else entry.organization_types).append(feature.value)


def _operator(entry: _Entry, feature: _Value) -> None:
    entry.operator_name = feature.value
    entry.note(feature.label, feature.value)


def _owner(entry: _Entry, feature: _Value) -> None:
    # The owner is named, not referenced: a link, resolved once the file is read.
    entry.note(feature.label, feature.value)
    entry.link(_ofac.OWNER_WORDS, feature.value)


def _mmsi(entry: _Entry, feature: _Value) -> None:
    entry.draft.extra["mmsi"] = entry.reading.mmsi_number(feature.value, record=entry.uid)


def _deadweight(entry: _Entry, feature: _Value) -> None:
    # OFAC's "tonnage" is the deadweight, about twice the gross tonnage of a tanker.
    entry.note("tonnage (deadweight)", feature.value)


_Feature = Callable[[_Entry, _Value], None]

# Features that are fields or countries, by the class they belong to (None: any);
# the others are measure notes, identifiers or notes (see _Entry.other_feature).
_FEATURES: dict[str, tuple[type[Entity] | None, _Feature]] = {
    "Birthdate": (Person, _birth_date),
    "Place of Birth": (Person, _birth_place),
    **dict.fromkeys(_ofac.COUNTRY_ROLES, (None, _country)),
    "Organization Established Date": (Organization, _incorporated),
    "Target Type": (Organization, _kind),
    "Organization Type:": (Organization, _kind),
    "Aircraft Operator": (None, _operator),
    "Vessel Flag": (Vessel, _country),
    "Former Vessel Flag": (Vessel, _country),
    "Vessel Tonnage": (Vessel, _deadweight),
    "MMSI": (Vessel, _mmsi),
    _ofac.OWNER_WORDS: (Vessel, _owner),
}

#: How the items of each list-valued child of an entity are read, by the child's name.
_ITEMS: dict[str, Callable[[_Entry, ET.Element], None]] = {
    "sanctionsLists": _Entry.sanctions_list,
    "sanctionsPrograms": _Entry.programme,
    "sanctionsTypes": _Entry.sanctions_type,
    "legalAuthorities": _Entry.legal_authority,
    "names": _Entry.names,
    "addresses": _Entry.address_item,
    "features": _Entry.feature,
    "identityDocuments": _Entry.document,
    "relationships": _Entry.relationship,
}
