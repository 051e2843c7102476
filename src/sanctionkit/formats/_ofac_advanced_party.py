"""One ``DistinctParty`` of OFAC's advanced XML, gathered element by element, then built.

Names come from typed name parts (a person's "Last Name" is written last, and
first in the list's own "LAST, First" form); features (birth dates, places,
countries, addresses, vessel details) map as in the enhanced XML reader, by
OFAC's labels; identity documents are those of the party's identities.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._ofac import (
    COUNTRY_ROLES,
    false_feature,
    incorporated,
    is_measure_label,
    label_identifier,
    listed_name,
    place_country,
    set_field,
    vessel_document,
)
from sanctionkit.formats._ofac_advanced_parts import (
    FAMILY_PARTS,
    SCRIPTS,
    References,
    child,
    children,
    date_period,
    text_of,
)
from sanctionkit.formats._schemes import identify
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRole,
    CountryRoleKind,
    Entity,
    Identifier,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = ["PartyDraft"]

Located = tuple[Address | None, Country | None]

_ALIAS_TYPES = {"A.K.A.": AliasQuality.STRONG, "N.K.A.": AliasQuality.STRONG, "Name": None}


class PartyDraft:
    """What one party's profile says, on an :class:`EntityDraft`, before it is an entity."""

    def __init__(self, refs: References, ref: str, kind: type[Entity]) -> None:
        self.refs, self.reading, self.ref, self.kind = refs, refs.reading, ref, kind
        self.draft = EntityDraft(label=ref, kind=kind)
        self.past_flags: list[Country] = []
        self.past_names: list[str] = []
        self.measure_notes: list[str] = []
        self.kinds: list[str] = []

    def read_profile(
        self,
        profile: ET.Element,
        locations: dict[str, Located],
        documents: dict[str, list[ET.Element]],
    ) -> None:
        """Read the profile's identities (names, documents) and features."""
        for identity in children(profile, "Identity"):
            groups = {
                group.get("ID") or "": self.refs.label("NamePartType", group.get("NamePartTypeID"))
                for group in identity.iter()
                if group.tag.endswith("NamePartGroup")
            }
            for alias in children(identity, "Alias"):
                self.alias(alias, groups)
            for document in documents.pop(identity.get("ID") or "", []):
                self.document(document, locations)
        for feature in children(profile, "Feature"):
            label = self.refs.label("FeatureType", feature.get("FeatureTypeID")) or "Feature"
            for version in children(feature, "FeatureVersion"):
                self.feature(label.replace("’", "'"), version, locations)

    # --- names ----------------------------------------------------------------------

    def alias(self, alias: ET.Element, groups: dict[str, str | None]) -> None:
        alias_type = self.refs.label("AliasType", alias.get("AliasTypeID"))
        quality = _ALIAS_TYPES.get(alias_type or "", AliasQuality.STRONG)
        if alias_type == "F.K.A.":
            quality = AliasQuality.FORMER
        elif alias_type not in _ALIAS_TYPES:
            self.reading.problem(
                "unknown alias type: kept as an a.k.a.",
                record=self.ref,
                field="AliasTypeID",
                value=alias_type or alias.get("AliasTypeID"),
            )
        if alias.get("LowQuality") == "true" and quality is not AliasQuality.FORMER:
            # A weak f.k.a. stays a former name, as the classic and enhanced readers read it.
            quality = AliasQuality.WEAK
        primary = alias.get("Primary") == "true"
        for documented in children(alias, "DocumentedName"):
            self.documented_name(documented, groups, primary, quality or AliasQuality.STRONG)

    def documented_name(
        self,
        documented: ET.Element,
        groups: dict[str, str | None],
        primary: bool,
        quality: AliasQuality,
    ) -> None:
        parts: list[tuple[str | None, str]] = []
        script: str | None = None
        for value in documented.iter():
            if value.tag.endswith("NamePartValue") and text_of(value):
                parts.append((groups.get(value.get("NamePartGroupID") or ""), text_of(value) or ""))
                written_in = self.refs.get("Script", value.get("ScriptID"))
                code = self.refs.attribute(written_in, "ScriptCode")
                script = SCRIPTS.get(code or "Latin", code)
        if not parts:
            return
        name, listed = self._compose(parts)
        draft = self.draft
        if primary and draft.name is None and script is None:
            draft.name = name
            if listed is not None:
                draft.alias(Alias(name=listed))
            return
        if draft.alias(self.refs.share(Alias(name=name, quality=quality, script=script))) and (
            quality is AliasQuality.FORMER and self.kind is Vessel
        ):
            self.past_names.append(name)

    def _compose(self, parts: list[tuple[str | None, str]]) -> tuple[str, str | None]:
        """A name from its typed parts, and a person's "LAST, First" form when it has both."""
        if self.kind is not Person:
            return " ".join(value for _, value in parts), None
        family = " ".join(value for kind, value in parts if kind in FAMILY_PARTS) or None
        given = " ".join(value for kind, value in parts if kind not in FAMILY_PARTS) or None
        return " ".join(part for part in (given, family) if part), listed_name(given, family)

    # --- documents ------------------------------------------------------------------

    def document(self, document: ET.Element, locations: dict[str, Located]) -> None:
        refs, ref = self.refs, self.ref
        label = refs.label("IDRegDocType", document.get("IDRegDocTypeID")) or "other"
        number = text_of(child(document, "IDRegistrationNo"))
        if number is None:
            self.reading.problem("an identity document without a number", record=ref, field=label)
            return
        if vessel_document(self.draft, self.reading, label, number):
            return
        dates = self._document_dates(document, label)
        note = label
        validity = refs.label("Validity", document.get("ValidityID"))
        if validity not in (None, "Valid"):
            note = f"{label} ({(validity or '').lower()})"
        place = locations.get(document.get("IssuedIn-LocationID") or "", (None, None))[0]
        if place is not None:
            note = f"{note}, issued in {place.full}"
        scheme, kept = identify("ofac", label)
        country = refs.country(document.get("IssuedBy-CountryID"), ref, "IssuedBy-CountryID")
        self.draft.identifiers.append(
            Identifier(
                scheme=scheme,
                label=kept,
                value=number,
                country=country,
                issued=dates.get("Issue Date"),
                expires=dates.get("Expiration Date"),
                note=None if note == kept else refs.share(note),
            )
        )

    def _document_dates(self, document: ET.Element, label: str) -> dict[str, PartialDate | None]:
        """The document's dates by their type ("Issue Date", "Expiration Date")."""
        dates: dict[str, PartialDate | None] = {}
        for item in children(document, "IDRegDocumentDate"):
            kind = self.refs.label("IDRegDocDateType", item.get("IDRegDocDateTypeID")) or "date"
            found = child(item, "DatePeriod")
            value = None if found is None else date_period(found, self.reading, f"{label}/{kind}")
            if isinstance(value, DateRange):
                field = f"{label}/{kind}"
                self.reading.problem(
                    "expected one date, found a range", record=self.ref, field=field
                )
                value = None
            dates[kind] = value
        return dates

    # --- features -------------------------------------------------------------------

    def feature(self, label: str, version: ET.Element, locations: dict[str, Located]) -> None:
        refs = self.refs
        detail = child(version, "VersionDetail")
        text = text_of(detail)
        if text is None and detail is not None:
            text = refs.label("DetailReference", detail.get("DetailReferenceID"))
        period = child(version, "DatePeriod")
        date = None if period is None else date_period(period, self.reading, label)
        place = child(version, "VersionLocation")
        located = (None, None) if place is None else locations.get(place.get("LocationID") or "")
        if located is None:
            self.reading.problem(
                "a location the file does not hold",
                record=self.ref,
                field=label,
                value=None if place is None else place.get("LocationID"),
                code="unknown-location",
            )
            located = (None, None)
        if refs.label("Reliability", version.get("ReliabilityID")) == "False":
            shown = text or (None if date is None else date.isoformat())
            if shown is None and located[0] is not None:
                shown = located[0].full
            false_feature(self.draft, self.reading, label, shown)
            return
        self.fact(label, text, date, located)

    def fact(
        self, label: str, text: str | None, date: PartialDate | DateRange | None, located: Located
    ) -> None:
        """One feature's value, where the model has a place for it (else a note)."""
        address, country = located
        if country is None and text is None and address is not None and label != "Location":
            # A country feature's location is the country's name as an "Unknown" part.
            text = address.full
        if label == "Location":
            if address is not None:
                self.draft.addresses.append(address)
            if self.kind is not Person:
                self.role(country, CountryRoleKind.LOCATION)
        elif label in COUNTRY_ROLES:
            if country is None and text:
                country = self.reading.country(text, record=self.ref, field=label)
            self.role(country, COUNTRY_ROLES[label])
        elif self.kind is Person and self._birth(label, text, date, address):
            pass
        elif not self._special(label, text, date, country):
            self._other(label, text, date)

    def _birth(
        self,
        label: str,
        text: str | None,
        date: PartialDate | DateRange | None,
        address: Address | None,
    ) -> bool:
        """A person's date or place of birth; False for any other label."""
        if label == "Birthdate":
            date = date or self.reading.date(text, record=self.ref, field=label)
            if date is not None:
                self.draft.birth_date(date)
        elif label == "Place of Birth":
            if address is None and text:
                address = Address(full=text, country=place_country(text))
            if address is not None:
                self.draft.birth_place(self.refs.share(address))
        else:
            return False
        return True

    def _special(
        self,
        label: str,
        text: str | None,
        date: PartialDate | DateRange | None,
        country: Country | None,
    ) -> bool:
        """The features of one kind of entity; False for a label that is none of them."""
        kind, draft, reading, ref = self.kind, self.draft, self.reading, self.ref
        if set_field(draft, reading, label, text):
            pass
        elif label == "Title" and kind is Person and text:
            for part in text.split(";"):
                draft.position(part.strip())
        elif label == "Organization Established Date" and kind is Organization:
            incorporated(draft, label, date or reading.date(text, record=ref, field=label))
        elif label in ("Target Type", "Organization Type:") and kind is Organization and text:
            self.kinds.append(text)
        elif kind is Vessel:
            return self._vessel(label, text, country)
        else:
            return False
        return True

    def _vessel(self, label: str, text: str | None, country: Country | None) -> bool:
        draft, reading, ref = self.draft, self.reading, self.ref
        if label in ("Vessel Flag", "Former Vessel Flag"):
            if country is None and text:
                country = reading.country(text, record=ref, field=label)
            if label == "Vessel Flag":
                draft.extra["flag"] = country
            elif country is not None and country not in self.past_flags:
                self.past_flags.append(country)
        elif label == "Vessel Tonnage":
            # OFAC's "tonnage" is the deadweight, about twice the gross tonnage of a tanker.
            draft.note(f"tonnage (deadweight): {text}" if text else "")
        elif label == "MMSI":
            draft.extra["mmsi"] = reading.mmsi_number(text, record=ref)
        else:
            return False
        return True

    def _other(self, label: str, text: str | None, date: PartialDate | DateRange | None) -> None:
        shown = text if date is None else date.isoformat()
        if shown is None:
            return
        if is_measure_label(label):
            self.measure_notes.append(self.refs.share(f"{label} {shown}"))
        elif (identifier := label_identifier(label, shown)) is not None:
            self.draft.identifiers.append(identifier)
        else:
            self.draft.note(self.refs.share(f"{label}: {shown}"))

    def role(self, country: Country | None, role: CountryRoleKind) -> None:
        if country is not None:
            self.draft.role(self.refs.share(CountryRole(country=country, role=role)))

    # --- the entity -----------------------------------------------------------------

    def build(self, entity_id: str, sources: tuple[Source, ...]) -> Entity | None:
        """The entity; None, with the party rejected, when it cannot be made (no name)."""
        draft, share = self.draft, self.refs.share
        draft.id, draft.sources = entity_id, sources
        if self.kind is Vessel:
            draft.extra["past_flags"] = tuple(self.past_flags)
            draft.extra["past_names"] = tuple(self.past_names)
        elif self.kind is Organization and self.kinds:
            draft.extra["kind"] = self.kinds[0]
            for text in self.kinds[1:]:
                draft.note(share(f"Type: {text}"))
        return draft.build(self.reading)
