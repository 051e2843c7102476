"""OFAC's advanced XML (``Sanctions``, namespace http://www.un.org/sanctions/1.0).

OFAC publishes its SDN list (``SDN_ADVANCED.XML``) and its consolidated non-SDN
lists (``CONS_ADVANCED.XML``) in the UN's *advanced sanctions data model*: a
table of reference values first (``ReferenceValueSets``: countries, alias
types, name-part types, feature types ...), then ``Locations`` and
``IDRegDocuments`` that the parties refer to by id, then the
``DistinctParties``, the ``ProfileRelationships`` between them, and the
``SanctionsEntries`` that list them. Everything refers to everything else by
number, so the reference values are read once, and each ``DistinctParty``
becomes one entity (``ofac-{FixedRef}``, the classic list's ``uid``, so the
same entry read from any OFAC format gets the same id) with one
:class:`~sanctionkit.Designation` by OFAC built from its sanctions entries.
Ownership and control (``ProfileRelationships``) become
:class:`~sanctionkit.Relationship` records of the dataset.

The file is streamed (:func:`~sanctionkit.formats._xml.iter_records`): one
party in memory at a time besides the locations and documents still to be
claimed, and no DTD, so no entity is ever expanded or fetched. A record of
the read is a ``DistinctParty``: records read = parties kept + parties rejected.

What becomes what, with OFAC's own documentation of the format, is in
``docs/formats/ofac-advanced.md``.

>>> import io
>>> data = b'''<Sanctions xmlns="http://www.un.org/sanctions/1.0">
... <DateOfIssue><Year>2020</Year><Month>3</Month><Day>17</Day></DateOfIssue>
... <ReferenceValueSets>
...  <AliasTypeValues><AliasType ID="1403">Name</AliasType></AliasTypeValues>
...  <NamePartTypeValues><NamePartType ID="1525">Entity Name</NamePartType></NamePartTypeValues>
...  <PartySubTypeValues><PartySubType ID="3" PartyTypeID="2">Unknown</PartySubType>
...  </PartySubTypeValues>
...  <PartyTypeValues><PartyType ID="2">Entity</PartyType></PartyTypeValues>
...  <ListValues><List ID="1550">SDN List</List></ListValues>
... </ReferenceValueSets>
... <DistinctParties><DistinctParty FixedRef="17022"><Profile ID="17022" PartySubTypeID="3">
...  <Identity ID="1" Primary="true"><Alias AliasTypeID="1403" Primary="true" LowQuality="false">
...   <DocumentedName><DocumentedNamePart><NamePartValue NamePartGroupID="9">ROSNEFT</NamePartValue>
...   </DocumentedNamePart></DocumentedName></Alias>
...   <NamePartGroups><MasterNamePartGroup><NamePartGroup ID="9" NamePartTypeID="1525"/>
...   </MasterNamePartGroup></NamePartGroups></Identity>
... </Profile></DistinctParty></DistinctParties>
... <SanctionsEntries><SanctionsEntry ID="1" ProfileID="17022" ListID="1550">
...  <EntryEvent><Date><Year>2014</Year><Month>9</Month><Day>12</Day></Date></EntryEvent>
... </SanctionsEntry></SanctionsEntries>
... </Sanctions>'''
>>> ds = read(io.BytesIO(data), name="cons_advanced.xml")
>>> ds.get("ofac-17022").name, ds.designations[0].listed.isoformat()
('ROSNEFT', '2014-09-12')
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO

import attrs

from sanctionkit.formats._authorities import ofac
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._ofac import PUBLISHER
from sanctionkit.formats._ofac import entity_id as ofac_entity_id
from sanctionkit.formats._ofac_advanced_parts import (
    NAMESPACE,
    Listing,
    References,
    location,
    relationship_kind,
)
from sanctionkit.formats._ofac_advanced_party import PartyDraft
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.model import Dataset, Entity, Organization, Person, Source, Vessel
from sanctionkit.model.entities import Address, Aircraft
from sanctionkit.model.relationships import Relationship
from sanctionkit.values.countries import Country

__all__ = ["read", "sniff"]

#: The root element's local name.
ROOT = "Sanctions"

_RECORDS = ("Location", "IDRegDocument", "DistinctParty", "ProfileRelationship", "SanctionsEntry")
_CONTAINERS = (
    "Locations",
    "IDRegDocuments",
    "DistinctParties",
    "ProfileRelationships",
    "SanctionsEntries",
)

# PartyType (and, for transport, PartySubType) → the kind of entity.
_KINDS: dict[str, type[Entity]] = {
    "Individual": Person,
    "Entity": Organization,
    "Vessel": Vessel,
    "Aircraft": Aircraft,
}


def sniff(head: bytes) -> bool:
    """True when the root element is ``Sanctions`` in the UN's sanctions namespace.

    >>> sniff(b'<?xml version="1.0"?><Sanctions xmlns="http://www.un.org/sanctions/1.0">')
    True
    >>> sniff(b'<Sanctions xmlns="urn:other">')
    False
    """
    return xml_root_name(head) == ROOT and NAMESPACE.encode("ascii") in head


def read(source: str | Path | IO[bytes], *, name: str, strict: bool = False) -> Dataset:
    """Read an OFAC advanced XML file: parties, their designations, their relationships.

    Lenient by default: a bad value is left out with a problem in
    ``dataset.problems``; ``strict=True`` raises the first as ReadError.
    """
    reading = Reading(file=name, strict=strict)
    reader: _Reader | None = None
    root: ET.Element | None = None
    for kind, element in iter_records(
        source, _RECORDS, name, containers=_CONTAINERS, reading=reading
    ):
        if kind == "root":
            root = element
            continue
        if reader is None:
            reader = _Reader(reading, root)  # the head is complete before the first record
        reader.add(local_name(element.tag), element)
    if reader is None:
        reader = _Reader(reading, root)
    if root is None or local_name(root.tag) != ROOT:
        found = "nothing" if root is None else f"<{local_name(root.tag)}>"
        reading.problem(f"expected an OFAC advanced <Sanctions> document, found {found}")
    return reader.finish()


class _Reader:
    """The state of one read: the references, what waits to be claimed, what was kept."""

    def __init__(self, reading: Reading, root: ET.Element | None) -> None:
        self.reading = reading
        self.refs = References(reading)
        published = self.refs.read_head(root) if root is not None else None
        title = f"OFAC advanced sanctions data XML ({Path(reading.file).name})"
        self.source = Source(publisher=PUBLISHER, title=title, published=published)
        self.published = published
        self.locations: dict[str, tuple[Address | None, Country | None]] = {}
        #: IdentityID → the documents of that identity, until its party claims them.
        self.documents: dict[str, list[ET.Element]] = {}
        #: Profile ID → the id of the entity kept for it, and its listing.
        self.profiles: dict[str, str] = {}
        self.listings: dict[str, Listing] = {}
        self.kept: list[Entity] = []
        self.relationships: list[Relationship] = []
        self.counts = {"sanctions_entries": 0, "relationships_read": 0}

    def add(self, tag: str, element: ET.Element) -> None:
        if tag == "Location":
            self.locations[element.get("ID") or ""] = location(element, self.refs)
        elif tag == "IDRegDocument":
            self.documents.setdefault(element.get("IdentityID") or "", []).append(element)
        elif tag == "DistinctParty":
            self.party(element)
        elif tag == "ProfileRelationship":
            self.relationship(element)
        else:
            self.entry(element)

    def party(self, element: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        ref = element.get("FixedRef") or ""
        if not ref.strip():
            reading.reject("a DistinctParty without a FixedRef")
            return
        entity_id = ofac_entity_id(ref)
        if entity_id in self.listings:
            reading.reject("a second DistinctParty with the same FixedRef", record=ref)
            return
        profiles = [child for child in element if local_name(child.tag) == "Profile"]
        if len(profiles) != 1:
            reading.reject(f"a DistinctParty with {len(profiles)} profiles, not 1", record=ref)
            return
        profile = profiles[0]
        draft = PartyDraft(self.refs, ref, self._kind(profile, ref))
        draft.read_profile(profile, self.locations, self.documents)
        entity = draft.build(entity_id, (self.source,))
        if entity is None:
            return  # rejected by the draft, saying why
        self.profiles[profile.get("ID") or ref] = entity_id
        self.listings[entity_id] = Listing(measure_notes=draft.measure_notes)
        self.kept.append(entity)

    def _kind(self, profile: ET.Element, ref: str) -> type[Entity]:
        sub_type = self.refs.get("PartySubType", profile.get("PartySubTypeID"))
        party_type = self.refs.get("PartyType", self.refs.attribute(sub_type, "PartyTypeID"))
        kind = _KINDS.get(self.refs.text(sub_type) or "") or _KINDS.get(
            self.refs.text(party_type) or ""
        )
        if kind is None:
            shown = " / ".join(filter(None, (self.refs.text(party_type), self.refs.text(sub_type))))
            self.reading.problem(
                "unknown party type: read as an organisation",
                record=ref,
                field="PartySubTypeID",
                value=shown or profile.get("PartySubTypeID"),
            )
            kind = Organization
        return kind

    def relationship(self, element: ET.Element) -> None:
        self.counts["relationships_read"] += 1
        record = element.get("ID")
        ends = [
            self.profiles.get(element.get(key) or "") for key in ("From-ProfileID", "To-ProfileID")
        ]
        label = self.refs.text(self.refs.get("RelationType", element.get("RelationTypeID")))
        if None in ends or ends[0] == ends[1]:
            shown = f"{element.get('From-ProfileID')} → {element.get('To-ProfileID')}"
            self.reading.problem(
                "a relationship with a profile the file does not hold (or with itself): left out",
                record=record,
                field="ProfileRelationship",
                value=shown,
                code="unknown-profile",
            )
            return
        kind = relationship_kind(label)
        note = label if record is None else f"{label} (relationship {record})"
        self.relationships.append(
            Relationship(
                subject_id=ends[0] or "",
                object_id=ends[1] or "",
                kind=kind,
                former=element.get("Former") == "true",
                note=note,
                source=self.source,
            )
        )

    def entry(self, element: ET.Element) -> None:
        self.counts["sanctions_entries"] += 1
        entity_id = self.profiles.get(element.get("ProfileID") or "")
        if entity_id is None:
            self.reading.problem(
                "a sanctions entry of a profile the file does not hold: left out",
                record=element.get("ID"),
                field="ProfileID",
                value=element.get("ProfileID"),
                code="unknown-profile",
            )
            return
        self.listings[entity_id].add_entry(element, self.refs)

    def finish(self) -> Dataset:
        reading = self.reading
        for identity in self.documents:
            reading.problem(
                "identity documents of an identity the file does not hold: left out",
                field="IDRegDocument",
                value=identity,
                code="unknown-profile",
            )
        for entity in self.kept:
            listing = self.listings[entity.id]
            reading.keep(entity, listing.designation(entity.id, ofac(), (self.source,)))
        metadata: dict[str, str | int] = {
            "format": "ofac-advanced-xml",
            "list": "OFAC advanced sanctions data",
            **self.counts,
            "relationships_returned": len(self.relationships),
        }
        if self.published is not None:
            metadata["publish_date"] = self.published.isoformat()
        relationships = self.relationships
        del self.kept, self.listings, self.locations  # before the dataset: a lower peak
        return attrs.evolve(reading.dataset(metadata), relationships=relationships)
