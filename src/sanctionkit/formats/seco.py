"""Switzerland's sanctions list as SECO publishes it in XML (root ``swiss-sanctions-list``).

The State Secretariat for Economic Affairs (SECO) publishes every target of
Switzerland's sanctions ordinances in one file, the "Gesamtliste": first the
``sanctions-program`` elements (one per ordinance, with its sanctions sets, the
articles and annexes a target is listed under), then the ``target`` elements,
then the ``place`` elements that addresses point to. Each target becomes one
entity (``seco-`` and its ``ssid``; a :class:`~sanctionkit.Person` for an
``individual``, an :class:`~sanctionkit.Organization` for an ``entity``, a
:class:`~sanctionkit.Vessel` or :class:`~sanctionkit.Aircraft` for an
``object`` of that type) and one :class:`~sanctionkit.Designation` by SECO.

The whole list keeps targets that were de-listed, with their history: a
target whose latest ``modification`` de-lists it is read like the others, and
its designation has ``delisted`` set to the de-listing's effective date (the
metadata's ``records_delisted`` counts them). A target's ``relation`` to
another target becomes a :class:`~sanctionkit.Relationship` of the dataset
(``linked_to``, the list's "related-to" in its note). A ``modification`` keeps copies
of what it changed (a "listed" one a whole ``target``): these are history,
and only the elements right under the root are read. Every element below is mapped
(see the page "Switzerland SECO XML"); one not in these tables is kept as a
note and reported as a problem, never dropped.

>>> import io
>>> xml = b'''<swiss-sanctions-list list-type="whole-list" date="2026-08-15">
... <sanctions-program ssid="20"><program-key lang="eng">Belarus</program-key>
... <sanctions-set ssid="4387" lang="eng">article 2, annex 1</sanctions-set></sanctions-program>
... <target ssid="5142"><sanctions-set-id>4387</sanctions-set-id><individual sex="male">
... <identity ssid="5144" main="true"><name name-type="primary-name" quality="good">
... <name-part order="1" name-part-type="family-name"><value>Lukashenka</value></name-part>
... <name-part order="2" name-part-type="given-name"><value>Dzmitry</value></name-part></name>
... <day-month-year day="23" month="3" year="1980" calendar="Gregorian" quality="good"/>
... </identity></individual><modification modification-type="listed"
... effective-date="2011-06-21"/></target></swiss-sanctions-list>'''
>>> sniff(xml)
True
>>> ds = read(io.BytesIO(xml), name="consolidated-list.xml")
>>> person = ds.get("seco-5142")
>>> person.name, person.birth_dates[0].isoformat(), ds.designations[0].programmes
('Lukashenka Dzmitry', '1980-03-23', ('Belarus',))
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Final

import attrs

from sanctionkit.formats import _seco_targets as targets
from sanctionkit.formats._authorities import seco
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._seco import Place, Programme, Relation, Target, build, relate
from sanctionkit.formats._text import clean, join
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.model import Dataset, Source

__all__ = ["FORMAT", "LIST_NAME", "URL", "read", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT: Final = "seco-xml"
LIST_NAME: Final = "Swiss sanctions list (SECO)"
URL: Final = (
    "https://www.sesam.search.admin.ch/sesam-search-web/pages/downloadXmlGesamtliste.xhtml"
    "?lang=en&action=downloadXmlGesamtlisteAction"
)
ROOT: Final = "swiss-sanctions-list"
#: The list-type of the whole list; "amendment" files hold only one day's changes.
WHOLE_LIST: Final = "whole-list"
#: The root's children beside the targets.
HEADERS: Final = ("sanctions-program", "place")
#: A programme's and a place's elements; the language read where the list gives several.
PROGRAMME_PARTS: Final = frozenset({"program-key", "program-name", "sanctions-set", "origin"})
PLACE_PARTS: Final = frozenset({"location", "area", "country"})
LANGUAGE: Final = "eng"


def sniff(head: bytes) -> bool:
    """True for SECO's list: its root element is ``swiss-sanctions-list``.

    >>> sniff(b'<?xml version="1.0" encoding="UTF-8"?><swiss-sanctions-list list-type="x">')
    True
    """
    return xml_root_name(head) == ROOT


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read SECO's XML list, a target at a time; the entities are made once places are read.

    In lenient mode (the default) a bad value is left out and reported in
    ``dataset.problems``; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. The metadata holds the format, the list,
    its ``publish_date`` and ``list_type`` (the root's ``date`` and
    ``list-type``), the counts, and ``records_delisted``.
    """
    reading = Reading(file=name, strict=strict)
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME}
    source_of = Source(url=URL, publisher=seco().name, title=LIST_NAME)
    sets: dict[str, tuple[Programme, str]] = {}
    places: dict[str, Place] = {}
    found: list[Target] = []
    # Programmes and places are few and small: they stay in the tree, and are read at the end.
    records = iter_records(
        source, "target", name, containers=(ROOT,), beside=HEADERS, reading=reading
    )
    root: ET.Element | None = None
    for kind, element in records:
        if kind == "root":
            root = element
            source_of = _source(reading, element, metadata)
        elif any(child is element for child in root or ()):
            reading.read += 1
            target = targets.target(element, reading.read, reading, source_of)
            if target is not None:
                found.append(target)
        # else: a copy in a modification's history (see the module's docstring)
    for element in root if root is not None else ():
        if local_name(element.tag) == "sanctions-program":
            _programme(element, sets, reading)
        elif local_name(element.tag) == "place":
            _place(element, places, reading)
    found.reverse()
    relations: list[tuple[str, Relation]] = []
    while found:  # each draft let go once its entity is made: drafts and entities never all at once
        target = found.pop()
        kept = build(target, reading, source_of, sets, places)
        relations += [(kept, relation) for relation in target.relations if kept is not None]
    metadata["records_delisted"] = sum(d.delisted is not None for d in reading.designations)
    held = {entity.id for entity in reading.entities}
    relationships = relate(relations, reading, source_of, held)
    metadata["relationships_read"] = len(relations)
    metadata["relationships_returned"] = len(relationships)
    return attrs.evolve(reading.dataset(metadata), relationships=relationships)


def _source(reading: Reading, root: ET.Element, metadata: dict[str, str | int]) -> Source:
    """The list as the source of every record, dated by the root's ``date``."""
    list_type = clean(root.get("list-type"))
    metadata["list_type"] = list_type
    if list_type != WHOLE_LIST:
        message = "not the whole list: a file of this list-type holds only some targets"
        reading.problem(message, field="list-type", value=list_type or None)
    published = reading.single_date(root.get("date"), record=None, field="date")
    if published is not None:
        metadata["publish_date"] = published.isoformat()
    return Source(url=URL, publisher=seco().name, title=LIST_NAME, published=published)


def _programme(
    element: ET.Element, sets: dict[str, tuple[Programme, str]], reading: Reading
) -> None:
    """A ``sanctions-program``: its key, ordinance and origin, and the text of each of its sets."""
    label = f"sanctions-program {clean(element.get('ssid'))}"
    texts: dict[str, dict[str, str]] = {"program-key": {}, "program-name": {}, "origin": {}}
    set_texts: dict[str, dict[str, str]] = {}
    for child in element:
        tag = local_name(child.tag)
        if tag not in PROGRAMME_PARTS:
            targets.unknown_in(child, reading, label, tag)
            continue
        language = child.get("lang", LANGUAGE)
        kept = (
            set_texts.setdefault(clean(child.get("ssid")), {}) if tag == "sanctions-set" else None
        )
        (kept if kept is not None else texts[tag]).setdefault(language, clean(child.text))
    key = _english(texts["program-key"])
    if not key:
        reading.problem("a sanctions-program without a program-key", record=label)
    programme = reading.intern(
        Programme(
            key=key or label,
            ordinance=_english(texts["program-name"]) or None,
            origin=_english(texts["origin"]) or None,
        )
    )
    for set_id, by_language in set_texts.items():
        sets[set_id] = (programme, _english(by_language))


def _english(texts: dict[str, str]) -> str:
    """The English text, else the first the list gives."""
    return texts.get(LANGUAGE) or next(iter(texts.values()), "")


def _place(element: ET.Element, places: dict[str, Place], reading: Reading) -> None:
    """A ``place``: its location (a town), area and country, kept by its ``ssid``."""
    ssid = clean(element.get("ssid"))
    label = f"place {ssid}"
    parts: dict[str, str] = {}
    country = None
    for child in element:
        tag = local_name(child.tag)
        if tag not in PLACE_PARTS:
            targets.unknown_in(child, reading, label, tag)
            continue
        parts.setdefault(tag, clean(child.text))
        if tag == "country":
            country = targets.country(child, reading, label)
    location = parts.get("location") or None
    text = join(parts.get(tag, "") for tag in ("location", "area", "country"))
    places[ssid] = reading.intern(Place(text=text, city=location, country=country))
