"""The EU Financial Sanctions Files (FSF) consolidated list, as XML (root ``export``).

The European Commission publishes every person, group and entity under EU
financial sanctions in one file whose root element is ``export``, in the
namespace ``http://eu.europa.ec/fpi/fsd/export``. Each ``sanctionEntity``
becomes a :class:`~sanctionkit.Person` (subject type "person") or an
:class:`~sanctionkit.Organization` (subject type "enterprise"), with one
:class:`~sanctionkit.Designation` by the European Union that cites the EU
regulations the record gives. What becomes what, and the quirks of real files,
are on the documentation page "EU Financial Sanctions Files XML".

>>> import io
>>> xml = b'''<export xmlns="http://eu.europa.ec/fpi/fsd/export"
...   generationDate="2022-03-18T14:52:26.947+01:00">
... <sanctionEntity designationDate="2009-04-24" euReferenceNumber="EU.4187.20" logicalId="5492">
... <regulation numberTitle="2017/1509 (OJ L224)" programme="PRK" organisationType="council">
... <publicationUrl>http://eur-lex.europa.eu/eli/reg/2017/1509/oj</publicationUrl></regulation>
... <subjectType code="enterprise" classificationCode="E"/>
... <nameAlias wholeName="Korea Mining Development Trading Corporation" strong="true"/>
... <nameAlias wholeName="KOMID" strong="true"/></sanctionEntity></export>'''
>>> ds = read(io.BytesIO(xml), name="fsf.xml")
>>> komid = ds.get("eu-5492")
>>> komid.name, [alias.name for alias in komid.aliases]
('Korea Mining Development Trading Corporation', ['KOMID'])
>>> designation = ds.designations[0]
>>> designation.authority_ref, designation.programmes, str(designation.legal_basis[0])
('EU.4187.20', ('PRK',), 'EU regulation 2017/1509 (2017)')
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Any

import attrs

from sanctionkit.formats._authorities import european_union
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
from sanctionkit.formats._text import clean, join, script
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
    Gender,
    Identifier,
    IdentifierScheme,
    LegalBasis,
    LegalBasisKind,
    Organization,
    Person,
    Source,
)
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["FORMAT", "LIST_NAME", "NAMESPACE", "legal_basis", "read", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "eu-xml"
#: The list's name in the dataset's metadata.
LIST_NAME = "EU Financial Sanctions Files consolidated list"
#: The namespace of the export's elements.
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"

_ROOT = "export"
_RECORD = "sanctionEntity"
_PUBLISHER = "European Commission"
_URL = "https://webgate.ec.europa.eu/fsd/fsf"
_TITLE = "Consolidated list of persons, groups and entities subject to EU financial sanctions"

_GENDERS = {"m": Gender.MALE, "f": Gender.FEMALE}
_TRUE = "true"
# Words the list writes where it means "no country".
_NO_COUNTRY_CODES = frozenset({"", "00"})
_NO_COUNTRY_NAMES = frozenset({"", "unknown"})
# The yes/no attributes of an identification, and what "true" says about the document.
_DOCUMENT_FLAGS = (
    ("diplomatic", "diplomatic"),
    ("knownExpired", "known to be expired"),
    ("knownFalse", "known to be false"),
    ("reportedLost", "reported lost"),
    ("revokedByIssuer", "revoked by the issuer"),
)
_CONTACTS = {"PHONE": "Phone", "FAX": "Fax", "EMAIL": "Email", "WEB": "Website"}
_AT_LISTING = "(at the time of listing)"
# Alias remarks that state the alias's quality ("low quality alias"; typos seen: "qood", "god").
_QUALITY_REMARK = re.compile(r"^(good|qood|god|low)\s+quality\s+alias\b[\s;,.]*(.*)$", re.I | re.S)
# designationDetails that give the listing date the record's designationDate lacks.
_LISTED_DETAIL = re.compile(r"^date of (?:listing|designation)\s*:?\s*(.+?)\.?$", re.IGNORECASE)
# A remark that is only a listing date ("Date of listing 1.12.2011."), not one that
# dates a designation "referred to in Article 2a(4)(b)" of a regulation.
_LISTED_REMARK = re.compile(
    r"^date of (?:listing|designation)\s*:?\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?$", re.IGNORECASE
)
_NUMBER_TITLE = re.compile(r"^(\d+)/(\d+)\b\s*(.*)$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def sniff(head: bytes) -> bool:
    """Whether a file starting with ``head`` is the EU Financial Sanctions Files XML.

    ``export`` is a common root name, so the namespace (or a ``sanctionEntity``) must show too.

    >>> sniff(b'<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export">')
    True
    >>> sniff(b'<export xmlns="http://example.com/other">')
    False
    """
    return xml_root_name(head) == _ROOT and (
        NAMESPACE.encode() in head or b"<sanctionEntity" in head
    )


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the EU consolidated list: every sanctionEntity, with its designation.

    Streams the file record by record. In lenient mode (the default) a bad
    value is left out and reported in ``dataset.problems``; ``strict=True``
    raises the first as :class:`~sanctionkit.ReadError`. The metadata holds
    the format, the list, its publish date, the file id and the record counts.
    """
    reading = Reading(file=name, strict=strict)
    metadata = {"format": FORMAT, "list": LIST_NAME}
    records: _Records | None = None
    for kind, element in iter_records(source, _RECORD, name, containers=(_ROOT,), reading=reading):
        if kind == "root":
            generated = element.get("generationDate")
            published = reading.single_date(generated, record=None, field="generationDate")
            if generated and generated.strip():
                metadata["generation_time"] = generated.strip()
            if published is not None:
                metadata["publish_date"] = published.isoformat()
            file_id = clean(element.get("globalFileId"))
            if file_id:
                metadata["global_file_id"] = file_id
            records = _Records(reading, _source(name, published))
            continue
        assert records is not None  # iter_records yields the root first
        records.read(element)
        element.clear()
    return reading.dataset(metadata)


@functools.cache
def legal_basis(number_title: str, url: str | None = None) -> LegalBasis:
    """The EU regulation a ``numberTitle`` ("2017/1509 (OJ L224)") names.

    The number keeps the list's order (regulations numbered before 2015 put
    the year last: "1210/2003"); the year is the part that is one. The
    Official Journal reference stays in the title.

    >>> basis = legal_basis("2017/1509 (OJ L224)")
    >>> str(basis), basis.number, basis.year, basis.title
    ('EU regulation 2017/1509 (2017)', '2017/1509', 2017, 'EU regulation')
    >>> legal_basis("1210/2003 (OJ L169)").year
    2003
    >>> str(legal_basis("Council Decision 2013/183/CFSP"))
    'Council Decision 2013/183/CFSP'
    """
    text = clean(number_title)
    match = _NUMBER_TITLE.match(text)
    if match is None:
        return LegalBasis(kind=LegalBasisKind.REGULATION, title=text, url=url or None)
    first, second, _ = match.groups()
    year = None
    if len(first) == 4 and 2015 <= int(first) <= 2100:
        year = int(first)  # numbered year first, as from 2015
    elif len(second) == 4 and 1950 <= int(second) <= 2100:
        year = int(second)
    return LegalBasis(
        kind=LegalBasisKind.REGULATION,
        number=f"{first}/{second}",
        year=year,
        title="EU regulation",
        url=url or None,
    )


def _source(name: str, published: PartialDate | None) -> Source:
    file = Path(name).name if name and not name.startswith("<") else "export.xml"
    return Source(url=_URL, publisher=_PUBLISHER, title=f"{_TITLE} ({file})", published=published)


def _scheme(code: str, description: str) -> tuple[IdentifierScheme, str | None]:
    """The scheme of an identificationTypeCode, and for ``other`` what the file calls it."""
    scheme, kept = identify("eu", code)
    if scheme is not IdentifierScheme.OTHER:
        return scheme, None
    return scheme, description or kept


def _quiet_country(text: str, *, codes: bool = False) -> Country | None:
    try:
        return parse_country(text, codes=codes)
    except ValueError:
        return None


def _parse_date(text: str) -> PartialDate | DateRange:
    """:func:`~sanctionkit.parse_date`, refusing an impossible day ("1962-02-30") that it
    would read as the month."""
    if _ISO_DAY.match(text) is not None:
        _iso_day(text)  # raises on an impossible day
    return parse_date(text)


def _iso_day(text: str) -> PartialDate:
    year, month, day = (int(part) for part in text.split("-"))
    return PartialDate(year, month, day)


@attrs.define
class _Draft(EntityDraft):
    """An :class:`EntityDraft` with what the record says of its names and its designation."""

    #: Every name (wholeName, quality, language) before one is chosen as the name.
    names: list[tuple[str, AliasQuality, str | None]] = attrs.Factory(list)
    programmes: list[str] = attrs.Factory(list)
    bases: list[LegalBasis] = attrs.Factory(list)

    def note(self, text: str, *, once: bool = True) -> None:
        """Add a note, once by default: records repeat what each regulation says."""
        super().note(text, once=once)

    def basis(self, basis: LegalBasis) -> None:
        if basis not in self.bases:
            self.bases.append(basis)


@attrs.define
class _Records:
    """Turns sanctionEntity elements into entities and designations.

    Values that many records share (dates, countries, places, legal bases,
    regulation notes) are made once and shared through the reading
    (:meth:`Reading.intern`): they are immutable, and it keeps memory per entity low.
    """

    reading: Reading
    source: Source
    #: The one tuple of sources every entity and designation shares.
    sources: tuple[Source, ...] = attrs.field(init=False)
    # Where each entity is in reading.entities: a logicalId listed twice is one entity.
    index: dict[str, int] = attrs.Factory(dict)
    # (countryIso2Code, countryDescription) → the country, for pairs that read cleanly.
    countries: dict[tuple[str, str], Country | None] = attrs.Factory(dict)
    unknown_tags: set[str] = attrs.Factory(set)

    def __attrs_post_init__(self) -> None:
        self.sources = (self.source,)

    def read(self, element: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        logical_id = clean(element.get("logicalId"))
        reference = clean(element.get("euReferenceNumber"))
        label = reference or (f"logicalId {logical_id}" if logical_id else None)
        if not label:
            reading.reject("record has neither euReferenceNumber nor logicalId")
            return
        entity_id = self._entity_id(logical_id, reference, label)
        children: dict[str, list[ET.Element]] = {}
        for child in element:
            children.setdefault(local_name(child.tag), []).append(child)
        kind = Person if self._is_person(children, label) else Organization
        record = _Draft(label, id=entity_id, kind=kind, sources=self.sources)
        remarks = self._children(children, record)
        record.name = self._choose_name(record)
        if record.name is None:
            reading.reject("record has no name", record=label)
            return
        identifiers = [Identifier(scheme="eu_logical_id", value=logical_id)] if logical_id else []
        un_id = clean(element.get("unitedNationId"))
        if un_id:
            identifiers.append(Identifier(scheme="un_reference", value=un_id))
        record.identifiers[:0] = identifiers
        details = clean(element.get("designationDetails"))
        listed = self._listed(element.get("designationDate"), details, label)
        # Older entries give the date in a remark instead ("Date of listing: 9.9.2003").
        for remark in remarks if listed is None else ():
            if _LISTED_REMARK.match(remark):
                listed = self._listed(None, remark, label, field="remark")
                break
        if details:
            record.notes.insert(0, f"Designation details: {details}")
        record.aliases = self._aliases(record.name, record)
        # Only persons have dates and places of birth and a gender: for others they are notes.
        entity = record.build(reading, quiet=True)
        if entity is None:
            return
        designation = Designation(
            entity_id=entity_id,
            authority=european_union(),
            authority_ref=reference or None,
            listed=listed,
            programmes=record.programmes,
            legal_basis=record.bases,
            sources=self.sources,
        )
        self._keep(entity, designation, label)

    def _children(self, children: dict[str, list[ET.Element]], record: _Draft) -> list[str]:
        """Read the record's child elements into the draft; the texts of its remarks."""
        for regulation in children.pop("regulation", ()):
            self._regulation(regulation, record)
        for alias in children.pop("nameAlias", ()):
            self._name(alias, record)
        for citizenship in children.pop("citizenship", ()):
            self._citizenship(citizenship, record)
        for born in children.pop("birthdate", ()):
            self._birth_date(born, record)
        for address in children.pop("address", ()):
            self._address(address, record)
        for document in children.pop("identification", ()):
            self._identification(document, record)
        remarks = [clean(remark.text) for remark in children.pop("remark", ())]
        for remark in remarks:
            record.note(remark)
        children.pop("subjectType", None)
        for tag, unknown in children.items():
            self._unknown(tag, unknown, record)
        return remarks

    # --- the record as a whole -------------------------------------------------------

    def _entity_id(self, logical_id: str, reference: str, label: str) -> str:
        """``eu-{logicalId}``; ``eu-{euReferenceNumber}`` (lower case) without a logicalId."""
        if logical_id:
            return "eu-" + "-".join(logical_id.lower().split())
        entity_id = "eu-" + "-".join(reference.lower().split())
        self.reading.problem(
            f"record has no logicalId; its id is {entity_id}", record=label, field="logicalId"
        )
        return entity_id

    def _keep(self, entity: Entity, designation: Designation, label: str) -> None:
        """Keep a record; one whose entity another record already gave adds to that entity."""
        position = self.index.get(entity.id)
        if position is None:
            self.index[entity.id] = len(self.reading.entities)
            self.reading.keep(entity, designation)
            return
        entities = self.reading.entities
        entities[position] = self._merge(entities[position], entity, label)
        self.reading.designations.append(designation)

    def _merge(self, first: Entity, second: Entity, label: str) -> Entity:
        """The entity of two records with one logicalId: the first, plus what the second adds.

        The EU lists an entity once per programme (Taliban under AFG and under
        TAQA); each record is a designation, and the entity is the same.
        """
        if type(first) is not type(second):
            self.reading.problem(
                f"another record of this entity says it is a {type(first).__name__}; kept that",
                record=label,
                field="subjectType",
                value=type(second).__name__,
            )
        names = set(first.all_names)
        aliases = list(first.aliases)
        extra = (
            [] if second.name in names else [Alias(name=second.name, script=script(second.name))]
        )
        for alias in [*extra, *second.aliases]:
            if alias.name not in names:
                names.add(alias.name)
                aliases.append(alias)
        changes: dict[str, Any] = {"aliases": tuple(aliases)}
        for field in attrs.fields(type(first)):
            if field.name in ("id", "name", "aliases") or not hasattr(second, field.name):
                continue
            mine, theirs = getattr(first, field.name), getattr(second, field.name)
            if isinstance(mine, tuple):
                changes[field.name] = (*mine, *(item for item in theirs if item not in mine))
            elif mine is None and theirs is not None:
                changes[field.name] = theirs
        return attrs.evolve(first, **changes)

    def _is_person(self, children: dict[str, list[ET.Element]], label: str) -> bool:
        subject = children.get("subjectType", [])
        code = clean(subject[0].get("code")).lower() if subject else ""
        classification = clean(subject[0].get("classificationCode")).upper() if subject else ""
        kinds = {"person": True, "enterprise": False, "P": True, "E": False}
        by_code, by_class = kinds.get(code), kinds.get(classification)
        if by_code is not None and by_class is not None and by_code != by_class:
            self.reading.problem(
                f"subjectType code {code!r} and classificationCode {classification!r} disagree; "
                "the code wins",
                record=label,
                field="subjectType",
                value=classification,
            )
        found = by_code if by_code is not None else by_class
        if found is None:
            self.reading.problem(
                "unknown subjectType; read as an organisation",
                record=label,
                field="subjectType",
                value=code or classification,
            )
            return False
        return found

    def _listed(
        self, text: str | None, details: str, label: str, field: str = "designationDetails"
    ) -> PartialDate | None:
        """designationDate; without one, the date a "Date of listing: 23.6.2008" detail gives
        (``details``: the designationDetails attribute, or a remark, named by ``field``)."""
        if text and text.strip():
            return self._single_date(text, label, "designationDate")
        match = _LISTED_DETAIL.match(details)
        if match is None:
            return None
        found = self.reading.value(
            functools.partial(parse_date, dayfirst=True),
            match.group(1),
            record=label,
            field=field,
        )
        if isinstance(found, DateRange):
            self.reading.problem(
                "expected one date, found a range",
                record=label,
                field=field,
                value=details,
            )
            return None
        return found

    def _unknown(self, tag: str, elements: list[ET.Element], record: _Draft) -> None:
        """An element this reader does not know: its text is kept, and the file's first reported."""
        for element in elements:
            text = join(
                [clean(element.text), *(f"{k}={v}" for k, v in element.attrib.items() if v)], "; "
            )
            if text:
                record.note(f"{tag}: {text}")
        if tag not in self.unknown_tags:
            self.unknown_tags.add(tag)
            self.reading.problem(
                "unknown element; its text and attributes are kept as notes",
                record=record.label,
                field=tag,
            )

    # --- regulations -------------------------------------------------------------------

    def _regulation(self, element: ET.Element, record: _Draft) -> None:
        programme = clean(element.get("programme"))
        if programme and programme not in record.programmes:
            record.programmes.append(self.reading.intern(programme))
        number_title = clean(element.get("numberTitle"))
        url = clean(element.findtext(f"{{{NAMESPACE}}}publicationUrl")) or clean(
            element.get("publicationUrl")
        )
        if number_title:
            record.basis(legal_basis(number_title, url or None))
        kinds = join([clean(element.get("regulationType")), clean(element.get("organisationType"))])
        published = clean(element.get("publicationDate"))
        in_force = clean(element.get("entryIntoForceDate"))
        dates = join(
            [
                f"published {published}" if published else "",
                f"in force from {in_force}" if in_force else "",
            ]
        )
        if number_title and (kinds or dates):
            text = join(
                [f"Regulation {number_title}" + (f" ({kinds})" if kinds else ""), dates], ": "
            )
            record.note(self.reading.intern(text))

    def _summary(self, element: ET.Element, record: _Draft) -> None:
        """A regulationSummary: the act that brought in one value, one more legal basis."""
        for summary in element:
            if local_name(summary.tag) == "regulationSummary":
                number_title = clean(summary.get("numberTitle"))
                if number_title:
                    url = clean(summary.get("publicationUrl"))
                    record.basis(legal_basis(number_title, url or None))

    # --- names ---------------------------------------------------------------------------

    def _name(self, element: ET.Element, record: _Draft) -> None:
        self._summary(element, record)
        get = element.get
        name = clean(get("wholeName")) or join(
            [clean(get(part)) for part in ("firstName", "middleName", "lastName")], " "
        )
        strong = clean(get("strong")).lower()
        quality = AliasQuality.WEAK if strong == "false" else AliasQuality.STRONG
        if strong not in ("", "true", "false"):
            self.reading.problem(
                "unknown strong value; kept as a strong name",
                record=record.label,
                field="nameAlias/strong",
                value=strong,
            )
        function = clean(get("function"))
        title = clean(get("title"))
        for remark_element in element.iter(f"{{{NAMESPACE}}}remark"):
            remark = clean(remark_element.text)
            stated = _QUALITY_REMARK.match(remark)
            if stated is not None:
                if stated.group(1).lower() == "low":
                    quality = AliasQuality.WEAK
                remark = stated.group(2)
            if remark and remark != function:
                record.note(f"Name {name}: {remark}" if name else f"Name: {remark}")
        if name:
            language = clean(get("nameLanguage")).lower() or None
            record.names.append(
                (name, quality, self.reading.intern(language) if language else None)
            )
        for kind, text in (("Title", title), ("Function", function)):
            if not text:
                continue
            if record.kind is Person:
                if text not in record.positions:
                    record.positions.append(text)
            else:
                record.note(f"{kind}: {text}")
        self._gender(clean(get("gender")), record)

    def _gender(self, text: str, record: _Draft) -> None:
        if not text:
            return
        gender = _GENDERS.get(text.lower())
        if gender is None:
            self.reading.problem(
                "unknown gender", record=record.label, field="nameAlias/gender", value=text
            )
        elif record.gender is None:
            record.gender = gender
        elif gender is not record.gender:
            self.reading.problem(
                f"names disagree on the gender; kept {record.gender.value}",
                record=record.label,
                field="nameAlias/gender",
                value=text,
            )

    def _choose_name(self, record: _Draft) -> str | None:
        """The first strong name without a language (or in English); else the first strong one."""
        strong = [entry for entry in record.names if entry[1] is AliasQuality.STRONG]
        for name, _, language in strong:
            if language in (None, "en"):
                return name
        if strong:
            return strong[0][0]
        return record.names[0][0] if record.names else None

    def _aliases(self, name: str, record: _Draft) -> list[Alias]:
        """Every other name once: the same spelling in several languages is one alias."""
        aliases: list[Alias] = []
        taken = {name}
        for alias, quality, language in record.names:
            if alias in taken:
                continue
            taken.add(alias)
            aliases.append(
                Alias(name=alias, quality=quality, language=language, script=script(alias))
            )
        return aliases

    # --- countries, places, addresses --------------------------------------------------

    def _country(self, element: ET.Element, record: _Draft, field: str) -> Country | None:
        """countryIso2Code when it is a real code, else countryDescription.

        "00" and "UNKNOWN" say that the country is not known. A code and a
        description that name different countries are a problem (the code wins).
        Pairs that read cleanly are resolved once; bad ones are reported in each record.
        """
        code = clean(element.get("countryIso2Code")).upper()
        description = clean(element.get("countryDescription"))
        key = (code, description)
        if key in self.countries:
            return self.countries[key]
        no_name = description.lower() in _NO_COUNTRY_NAMES
        if code in _NO_COUNTRY_CODES:
            if no_name:
                return None
            found = self.reading.country(description, record=record.label, field=field)
            if found is not None:
                self.countries[key] = found
            return found
        by_code = _quiet_country(code, codes=True) if len(code) == 2 else None
        by_name = None if no_name else _quiet_country(description)
        message = None
        if by_code is None:
            message = "countryIso2Code is no country code; read countryDescription"
        elif not no_name and (by_name is None or by_name.alpha2 != by_code.alpha2):
            message = "countryIso2Code and countryDescription disagree; kept the code"
        if message is None:
            self.countries[key] = by_code
        else:
            value = f"{code} {description}".strip()
            self.reading.problem(message, record=record.label, field=field, value=value)
        return by_code or by_name

    def _role(self, country: Country, kind: CountryRoleKind) -> CountryRole:
        return self.reading.intern(CountryRole(country=country, role=kind))

    def _citizenship(self, element: ET.Element, record: _Draft) -> None:
        self._summary(element, record)
        country = self._country(element, record, "citizenship")
        if country is not None:
            record.role(self._role(country, CountryRoleKind.CITIZENSHIP))
        region = clean(element.get("region"))
        remarks = [clean(remark.text) for remark in element.iter(f"{{{NAMESPACE}}}remark")]
        said = join([region, *remarks], "; ")
        if said:
            shown = f" {country.alpha2}" if country is not None else ""
            record.note(f"Citizenship{shown}: {said}")

    def _place(
        self, parts: list[str], city: str, description: str, country: Country | None
    ) -> Address | None:
        """An address or place of birth; the same place twice is one shared object."""
        shown = "" if description.lower() in _NO_COUNTRY_NAMES else description
        full = join([*parts, shown])
        if not full:
            return None
        return self.reading.intern(Address(full=full, city=city or None, country=country))

    def _address(self, element: ET.Element, record: _Draft) -> None:
        self._summary(element, record)
        get = element.get
        country = self._country(element, record, "address")
        city = clean(get("city"))
        po_box = clean(get("poBox"))
        at_listing = clean(get("asAtListingTime")).lower() == _TRUE
        parts = [
            clean(get("street")),
            f"P.O. Box {po_box}" if po_box else "",
            city,
            clean(get("zipCode")),
            clean(get("region")),
            clean(get("place")),
        ]
        place = self._place(parts, city, clean(get("countryDescription")), country)
        if place is not None and at_listing:
            place = attrs.evolve(place, full=f"{place.full} {_AT_LISTING}")
        if place is not None and place not in record.addresses:
            record.addresses.append(place)
        if country is not None:
            record.role(self._role(country, CountryRoleKind.LOCATION))
        where = f"Address {place.full}" if place is not None else "Address"
        for child in element:
            tag = local_name(child.tag)
            if tag == "remark":
                remark = clean(child.text)
                if remark and not (at_listing and remark == _AT_LISTING):
                    record.note(f"{where}: {remark}")
            elif tag == "contactInfo":
                key, value = clean(child.get("key")), clean(child.get("value"))
                if value:
                    record.note(
                        f"{_CONTACTS.get(key.upper(), key.capitalize() or 'Contact')}: {value}"
                    )

    # --- dates of birth ------------------------------------------------------------------

    def _single_date(self, text: str | None, label: str, field: str) -> PartialDate | None:
        return self.reading.single_date(clean(text), record=label, field=field, parse=_parse_date)

    def _expiry(self, text: str | None, label: str) -> PartialDate | None:
        """validTo: a document may expire years from now, which no other date here may."""
        cleaned = clean(text)
        field = "identification/validTo"
        if _ISO_DAY.match(cleaned) is None:
            return self._single_date(cleaned, label, field)
        return self.reading.intern(self.reading.value(_iso_day, cleaned, record=label, field=field))

    def _ymd(
        self, year: str, month: str, day: str, approximate: bool, label: str, field: str
    ) -> PartialDate | None:
        """A date from its parts (a year, maybe a month and a day)."""
        try:
            key = (int(year), int(month) if month else None, int(day) if day else None, approximate)
            return self.reading.intern(PartialDate(*key))
        except ValueError as error:
            text = join([day, month, year], ".")
            self.reading.problem(str(error), record=label, field=field, value=text)
            return None

    def _birth_date(self, element: ET.Element, record: _Draft) -> None:
        self._summary(element, record)
        get = element.get
        label = record.label
        circa = clean(get("circa")).lower()
        approximate = circa == _TRUE
        if circa not in ("", "true", "false"):
            self.reading.problem(
                "unknown circa value", record=label, field="birthdate/circa", value=circa
            )
        calendar = clean(get("calendarType")).upper()
        gregorian = calendar in ("", "GREGORIAN")
        full = clean(get("birthdate"))
        year, month, day = (clean(get(part)) for part in ("year", "monthOfYear", "dayOfMonth"))
        start_year, end_year = clean(get("yearRangeFrom")), clean(get("yearRangeTo"))
        parts_text = join([day, month, year], ".")
        value: PartialDate | DateRange | None = None
        if full:
            # A non-Gregorian record gives its parts in that calendar and the day converted here.
            value = self._single_date(full, label, "birthdate/birthdate")
            if value is not None and approximate:
                value = attrs.evolve(value, approximate=True)
            if not gregorian and parts_text:
                record.note(
                    f"Date of birth {full} is {parts_text} in the {calendar.capitalize()} calendar"
                )
        elif not gregorian:
            if parts_text or start_year or end_year:
                shown = parts_text or f"{start_year}-{end_year}"
                record.note(f"Date of birth in the {calendar.capitalize()} calendar: {shown}")
        elif year:
            value = self._ymd(year, month, day, approximate, label, "birthdate")
        elif start_year or end_year:
            value = self._range(start_year, end_year, approximate, label)
        elif parts_text:
            record.note(f"Date of birth without a year: {parts_text}")
        if value is not None and value not in record.birth_dates:
            record.birth_dates.append(value)

        country = self._country(element, record, "birthdate")
        city = clean(get("city"))
        parts = [city, clean(get("place")), clean(get("region")), clean(get("zipCode"))]
        place = self._place(parts, city, clean(get("countryDescription")), country)
        if place is not None and place not in record.birth_places:
            record.birth_places.append(place)
        for remark in element.iter(f"{{{NAMESPACE}}}remark"):
            text = clean(remark.text)
            if text:
                shown = f" {value.isoformat()}" if value is not None else ""
                record.note(f"Date of birth{shown}: {text}")

    def _range(
        self, start_year: str, end_year: str, approximate: bool, label: str
    ) -> PartialDate | DateRange | None:
        field = "birthdate/yearRange"
        start = self._ymd(start_year, "", "", approximate, label, field) if start_year else None
        end = self._ymd(end_year, "", "", approximate, label, field) if end_year else None
        text = f"{start_year}/{end_year}"
        return self.reading.date_range(start, end, text=text, record=label, field=field)

    # --- documents -----------------------------------------------------------------------

    def _identification(self, element: ET.Element, record: _Draft) -> None:
        self._summary(element, record)
        get = element.get
        label = record.label
        number = clean(get("number"))
        code = clean(get("identificationTypeCode"))
        description = clean(get("identificationTypeDescription"))
        country = self._country(element, record, "identification")
        issued = self._single_date(get("issueDate"), label, "identification/issueDate")
        valid_from = self._single_date(get("validFrom"), label, "identification/validFrom")
        expires = self._expiry(get("validTo"), label)
        if issued is None:
            issued, valid_from = valid_from, None  # the list gives one or the other
        elif valid_from == issued:
            valid_from = None
        issued_by, region = clean(get("issuedBy")), clean(get("region"))
        latin, on_document = clean(get("latinNumber")), clean(get("nameOnDocument"))
        scheme, kind = _scheme(code, description)
        extra = [
            f"issued by {issued_by}" if issued_by else "",
            f"issued in {region}" if region else "",
            f"valid from {valid_from.isoformat()}" if valid_from is not None else "",
            f"number in Latin letters {latin}" if latin and latin != number else "",
            f"name on document: {on_document}" if on_document else "",
            *(said for flag, said in _DOCUMENT_FLAGS if clean(get(flag)).lower() == _TRUE),
            *(clean(remark.text) for remark in element.iter(f"{{{NAMESPACE}}}remark")),
        ]
        note = join(extra, "; ") or None
        if number:
            record.identifiers.append(
                Identifier(
                    scheme=scheme,
                    value=number,
                    country=country,
                    issued=issued,
                    expires=expires,
                    note=note,
                    label=kind,
                )
            )
        elif note or code:
            dates = [
                f"issued {issued.isoformat()}" if issued is not None else "",
                f"expires {expires.isoformat()}" if expires is not None else "",
                f"country {country.alpha2}" if country is not None else "",
            ]
            record.note("Document: " + join([description or code, *dates, note or ""], "; "))
