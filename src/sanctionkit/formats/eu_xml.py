"""The EU Financial Sanctions Files (FSF) consolidated list, as XML (root ``export``).

Each ``sanctionEntity`` becomes a :class:`~sanctionkit.Person` (subject type
"person") or an :class:`~sanctionkit.Organization` ("enterprise"), with one
:class:`~sanctionkit.Designation` by the European Union that cites the EU
regulations the record gives. An example, the layout, what becomes what and the
quirks of real files are on the documentation page "EU Financial Sanctions Files
XML" (docs/formats/eu-xml.md): this module is its mapping tables plus those quirks.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import IO

import attrs

from sanctionkit.formats._authorities import european_union
from sanctionkit.formats._draft import EntityDraft, merged
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading, approximately, named_country
from sanctionkit.formats._text import clean, join, script
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Gender,
    Identifier,
    LegalBasis,
    LegalBasisKind,
    Organization,
    Person,
    Source,
)
from sanctionkit.values.countries import Country
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
_REMARK = f"{{{NAMESPACE}}}remark"
_PUBLISHER = "European Commission"
_URL = "https://webgate.ec.europa.eu/fsd/fsf"
_TITLE = "Consolidated list of persons, groups and entities subject to EU financial sanctions"

# --- the mapping: attributes → fields --------------------------------------------------

#: subjectType's code or classificationCode → the class of the entity.
_SUBJECT_KINDS: dict[str, type[Entity]] = {
    "person": Person,
    "enterprise": Organization,
    "P": Person,
    "E": Organization,
}
#: nameAlias's parts, for a name without a wholeName.
_NAME_PARTS = ("firstName", "middleName", "lastName")
_GENDERS = {"m": Gender.MALE, "f": Gender.FEMALE}
#: nameAlias's ``strong``: "false" is a weak name; anything else a strong one.
_STRENGTHS = {"true": AliasQuality.STRONG, "false": AliasQuality.WEAK}
_FLAGS = {"true": True, "false": False}
#: An address's attributes, in the order its text gives them, and how each is written.
_ADDRESS_PARTS = (
    ("street", "{}"),
    ("poBox", "P.O. Box {}"),
    ("city", "{}"),
    ("zipCode", "{}"),
    ("region", "{}"),
    ("place", "{}"),
)
#: A place of birth's attributes (birthdate element), in the order its text gives them.
_BIRTH_PLACE_PARTS = (("city", "{}"), ("place", "{}"), ("region", "{}"), ("zipCode", "{}"))
#: contactInfo keys → how a note names them.
_CONTACTS = {"PHONE": "Phone", "FAX": "Fax", "EMAIL": "Email", "WEB": "Website"}
# The yes/no attributes of an identification, and what "true" says about the document.
_DOCUMENT_FLAGS = (
    ("diplomatic", "diplomatic"),
    ("knownExpired", "known to be expired"),
    ("knownFalse", "known to be false"),
    ("reportedLost", "reported lost"),
    ("revokedByIssuer", "revoked by the issuer"),
)

# --- the quirks -------------------------------------------------------------------------

_TRUE = "true"
# Words the list writes where it means "no country".
_NO_COUNTRY_CODES = frozenset({"", "00"})
_NO_COUNTRY_NAMES = frozenset({"", "unknown"})
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
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME}
    records: _Records | None = None
    for kind, element in iter_records(source, _RECORD, name, containers=(_ROOT,), reading=reading):
        if kind == "root":
            records = _Records.of_root(reading, element, metadata)
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


def _attr(element: ET.Element, name: str, template: str = "{}") -> str:
    """The attribute's text on one line, written into ``template``; empty when it has none."""
    text = clean(element.get(name))
    return template.format(text) if text else ""


def _remarks(element: ET.Element) -> list[str]:
    return [clean(remark.text) for remark in element.iter(_REMARK)]


def _parse_date(text: str) -> PartialDate | DateRange:
    """:func:`~sanctionkit.parse_date`, refusing an impossible day ("1962-02-30") that it
    would read as the month."""
    if _ISO_DAY.match(text) is not None:
        _iso_day(text)  # raises on an impossible day
    return parse_date(text)


def _iso_day(text: str) -> PartialDate:
    year, month, day = (int(part) for part in text.split("-"))
    return PartialDate(year, month, day)


# "Date of listing: 23.6.2008": the list writes the day first there.
_parse_day_first = functools.partial(parse_date, dayfirst=True)


def _choose_name(names: list[tuple[str, AliasQuality, str | None]]) -> str | None:
    """The first strong name without a language (or in English); else the first strong one."""
    strong = [entry for entry in names if entry[1] is AliasQuality.STRONG]
    for name, _, language in strong:
        if language in (None, "en"):
            return name
    if strong:
        return strong[0][0]
    return names[0][0] if names else None


@attrs.define
class _Draft(EntityDraft):
    """An :class:`EntityDraft` with what the record says of its names and its designation."""

    #: Every name (wholeName, quality, language) before one is chosen as the name.
    names: list[tuple[str, AliasQuality, str | None]] = attrs.Factory(list)
    remarks: list[str] = attrs.Factory(list)
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
    #: The one tuple of sources every entity and designation shares.
    sources: tuple[Source, ...]
    # Where each entity is in reading.entities: a logicalId listed twice is one entity.
    index: dict[str, int] = attrs.Factory(dict)
    # (countryIso2Code, countryDescription) → the country, for pairs that read cleanly.
    countries: dict[tuple[str, str], Country | None] = attrs.Factory(dict)

    @classmethod
    def of_root(
        cls, reading: Reading, root: ET.Element, metadata: dict[str, str | int]
    ) -> _Records:
        """The file's records, once its date and id went into the metadata and the source."""
        generated = root.get("generationDate")
        published = reading.single_date(generated, record=None, field="generationDate")
        values = {
            "generation_time": (generated or "").strip(),
            "publish_date": published.isoformat() if published is not None else "",
            "global_file_id": clean(root.get("globalFileId")),
        }
        metadata.update((key, value) for key, value in values.items() if value)
        title = f"{_TITLE} ({reading.file_name('export.xml')})"
        source = Source(url=_URL, publisher=_PUBLISHER, title=title, published=published)
        return cls(reading, (source,))

    def read(self, element: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        logical_id, reference = _attr(element, "logicalId"), _attr(element, "euReferenceNumber")
        label = reference or (f"logicalId {logical_id}" if logical_id else None)
        if not label:
            reading.reject("record has neither euReferenceNumber nor logicalId")
            return
        entity_id = self._entity_id(logical_id, reference, label)
        children: dict[str, list[ET.Element]] = {}
        for child in element:
            children.setdefault(local_name(child.tag), []).append(child)
        kind = self._kind(children.pop("subjectType", []), label)
        record = _Draft(label, id=entity_id, kind=kind, sources=self.sources)
        self._children(children, record)
        record.name = _choose_name(record.names)
        if record.name is None:
            reading.reject("record has no name", record=label)
            return
        un_id = _attr(element, "unitedNationId")
        record.identifiers[:0] = [
            *([Identifier(scheme="eu_logical_id", value=logical_id)] if logical_id else []),
            *([Identifier(scheme="un_reference", value=un_id)] if un_id else []),
        ]
        listed = self._listed(element, record)
        taken = {record.name}  # the same spelling in several languages is one alias
        for alias, quality, language in record.names:
            if alias not in taken:
                taken.add(alias)
                record.aliases.append(
                    Alias(name=alias, quality=quality, language=language, script=script(alias))
                )
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

    def _children(self, children: dict[str, list[ET.Element]], record: _Draft) -> None:
        """Read the record's child elements into the draft, in the order of :data:`_CHILDREN`."""
        for tag, reader in _CHILDREN:
            for child in children.pop(tag, ()):
                if tag != "regulation":  # a regulation is a basis itself; the others cite theirs
                    self._summary(child, record)
                reader(self, child, record)
        for tag, unknown in children.items():
            self._unknown(tag, unknown, record)

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
        """Keep a record; one whose logicalId another record gave adds to that entity.

        The EU lists an entity once per programme (Taliban under AFG and under
        TAQA): one entity (see :func:`merged`), two designations.
        """
        position = self.index.get(entity.id)
        if position is None:
            self.index[entity.id] = len(self.reading.entities)
            self.reading.keep(entity, designation)
            return
        first = self.reading.entities[position]
        if type(first) is not type(entity):
            self.reading.problem(
                f"another record of this entity says it is a {type(first).__name__}; kept that",
                record=label,
                field="subjectType",
                value=type(entity).__name__,
            )
        self.reading.entities[position] = merged(first, entity)
        self.reading.designations.append(designation)

    def _kind(self, subject: list[ET.Element], label: str) -> type[Entity]:
        """The class subjectType's code and classificationCode name (the code wins)."""
        code = _attr(subject[0], "code").lower() if subject else ""
        classification = _attr(subject[0], "classificationCode").upper() if subject else ""
        by_code, by_class = _SUBJECT_KINDS.get(code), _SUBJECT_KINDS.get(classification)
        problem = functools.partial(self.reading.problem, record=label, field="subjectType")
        if by_code is not None and by_class is not None and by_code is not by_class:
            message = f"subjectType code {code!r} and classificationCode {classification!r}"
            problem(f"{message} disagree; the code wins", value=classification)
        found = by_code or by_class
        if found is None:
            problem("unknown subjectType; read as an organisation", value=code or classification)
            return Organization
        return found

    def _listed(self, element: ET.Element, record: _Draft) -> PartialDate | None:
        """designationDate; without one, the date a designationDetails or (in older entries)
        a remark gives ("Date of listing: 9.9.2003"). designationDetails is a note too."""
        details = _attr(element, "designationDetails")
        if details:
            record.notes.insert(0, f"Designation details: {details}")
        given = element.get("designationDate")
        if given and given.strip():
            listed = self._single_date(given, record.label, "designationDate")
        else:
            listed = self._listed_in(details, record.label, "designationDetails")
        for remark in record.remarks if listed is None else ():
            if _LISTED_REMARK.match(remark):
                return self._listed_in(remark, record.label, "remark")
        return listed

    def _listed_in(self, text: str, label: str, field: str) -> PartialDate | None:
        """The date of a "Date of listing: 23.6.2008" text, which ``field`` holds."""
        match = _LISTED_DETAIL.match(text)
        if match is None:
            return None
        found = self.reading.date(match.group(1), record=label, field=field, parse=_parse_day_first)
        if isinstance(found, DateRange):
            message = "expected one date, found a range"
            self.reading.problem(message, record=label, field=field, value=text)
            return None
        return found

    def _unknown(self, tag: str, elements: list[ET.Element], record: _Draft) -> None:
        """An element this reader does not know: its text and attributes are notes."""
        for element in elements:
            attributes = (f"{key}={value}" for key, value in element.attrib.items() if value)
            text = join([clean(element.text), *attributes], "; ")
            message = "unknown element; its text and attributes are kept as notes"
            record.unknown(self.reading, tag, text, message=message)

    # --- regulations and remarks -------------------------------------------------------

    def _regulation(self, element: ET.Element, record: _Draft) -> None:
        programme = _attr(element, "programme")
        if programme and programme not in record.programmes:
            record.programmes.append(self.reading.intern(programme))
        number_title = _attr(element, "numberTitle")
        url = clean(element.findtext(f"{{{NAMESPACE}}}publicationUrl")) or _attr(
            element, "publicationUrl"
        )
        if number_title:
            record.basis(legal_basis(number_title, url or None))
        kinds = join([_attr(element, "regulationType"), _attr(element, "organisationType")])
        dates = join(
            [
                _attr(element, "publicationDate", "published {}"),
                _attr(element, "entryIntoForceDate", "in force from {}"),
            ]
        )
        if number_title and (kinds or dates):
            title = f"Regulation {number_title}" + (f" ({kinds})" if kinds else "")
            record.note(self.reading.intern(join([title, dates], ": ")))

    def _summary(self, element: ET.Element, record: _Draft) -> None:
        """A regulationSummary: the act that brought in one value, one more legal basis."""
        for summary in element:
            if local_name(summary.tag) == "regulationSummary":
                number_title = _attr(summary, "numberTitle")
                if number_title:
                    record.basis(
                        legal_basis(number_title, _attr(summary, "publicationUrl") or None)
                    )

    def _remark(self, element: ET.Element, record: _Draft) -> None:
        remark = clean(element.text)
        record.remarks.append(remark)
        record.note(remark)

    # --- names ---------------------------------------------------------------------------

    def _name(self, element: ET.Element, record: _Draft) -> None:
        name = _attr(element, "wholeName") or join(
            [_attr(element, part) for part in _NAME_PARTS], " "
        )
        quality = self.reading.choice(
            _STRENGTHS,
            _attr(element, "strong").lower(),
            record=record.label,
            field="nameAlias/strong",
            message="unknown strong value; kept as a strong name",
        )
        quality = quality or AliasQuality.STRONG
        function = _attr(element, "function")
        for remark in _remarks(element):
            stated = _QUALITY_REMARK.match(remark)
            if stated is not None:
                if stated.group(1).lower() == "low":
                    quality = AliasQuality.WEAK
                remark = stated.group(2)
            if remark and remark != function:
                record.note(f"Name {name}: {remark}" if name else f"Name: {remark}")
        if name:
            language = _attr(element, "nameLanguage").lower()
            record.names.append((name, quality, self.reading.intern(language) or None))
        for kind, text in (("Title", _attr(element, "title")), ("Function", function)):
            if text and record.kind is Person:
                record.position(text)
            elif text:
                record.note(f"{kind}: {text}")
        self._gender(_attr(element, "gender"), record)

    def _gender(self, text: str, record: _Draft) -> None:
        """A name's gender; the record's first, and a problem when a later one differs."""
        if not text:
            return
        field = "nameAlias/gender"
        gender = self.reading.choice(
            _GENDERS, text, record=record.label, field=field, message="unknown gender"
        )
        if gender is None:
            return
        if record.gender is None:
            record.gender = gender
        elif gender is not record.gender:
            self.reading.problem(
                f"names disagree on the gender; kept {record.gender.value}",
                record=record.label,
                field=field,
                value=text,
            )

    # --- countries, places, addresses --------------------------------------------------

    def _country(self, element: ET.Element, record: _Draft, field: str) -> Country | None:
        """countryIso2Code when it is a real code, else countryDescription.

        "00" and "UNKNOWN" say that the country is not known. A code and a
        description that name different countries are a problem (the code wins).
        Pairs that read cleanly are resolved once; bad ones are reported in each record.
        """
        code = _attr(element, "countryIso2Code").upper()
        description = _attr(element, "countryDescription")
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
        by_code = named_country(code, codes=True) if len(code) == 2 else None
        by_name = None if no_name else named_country(description, codes=False)
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

    def _place(
        self, element: ET.Element, parts: tuple[tuple[str, str], ...], country: Country | None
    ) -> Address | None:
        """An address or place of birth: the parts, then countryDescription unless "unknown"."""
        description = _attr(element, "countryDescription")
        shown = "" if description.lower() in _NO_COUNTRY_NAMES else description
        return self.reading.address(
            [*(_attr(element, name, template) for name, template in parts), shown],
            city=_attr(element, "city"),
            country=country,
        )

    def _citizenship(self, element: ET.Element, record: _Draft) -> None:
        country = self._country(element, record, "citizenship")
        if country is not None:
            record.role(self.reading.country_role(country, CountryRoleKind.CITIZENSHIP))
        said = join([_attr(element, "region"), *_remarks(element)], "; ")
        if said:
            shown = f" {country.alpha2}" if country is not None else ""
            record.note(f"Citizenship{shown}: {said}")

    def _address(self, element: ET.Element, record: _Draft) -> None:
        country = self._country(element, record, "address")
        at_listing = _attr(element, "asAtListingTime").lower() == _TRUE
        place = self._place(element, _ADDRESS_PARTS, country)
        if place is not None and at_listing:
            place = attrs.evolve(place, full=f"{place.full} {_AT_LISTING}")
        if place is not None:
            record.address(place)
        if country is not None:
            record.role(self.reading.country_role(country, CountryRoleKind.LOCATION))
        where = f"Address {place.full}" if place is not None else "Address"
        for child in element:
            tag = local_name(child.tag)
            if tag == "remark":
                remark = clean(child.text)
                if remark and not (at_listing and remark == _AT_LISTING):
                    record.note(f"{where}: {remark}")
            elif tag == "contactInfo":
                key, value = _attr(child, "key"), _attr(child, "value")
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
        parse = _iso_day if _ISO_DAY.match(cleaned) else _parse_date
        field = "identification/validTo"
        return self.reading.single_date(cleaned, record=label, field=field, parse=parse)

    def _birth_date(self, element: ET.Element, record: _Draft) -> None:
        value = self._born(element, record)
        if value is not None:
            record.birth_date(value)
        country = self._country(element, record, "birthdate")
        place = self._place(element, _BIRTH_PLACE_PARTS, country)
        if place is not None:
            record.birth_place(place)
        for text in _remarks(element):
            if text:
                shown = f" {value.isoformat()}" if value is not None else ""
                record.note(f"Date of birth{shown}: {text}")

    def _born(self, element: ET.Element, record: _Draft) -> PartialDate | DateRange | None:
        """The date of birth: the birthdate attribute, else its parts, else a year range.

        A non-Gregorian record gives its parts in that calendar (and perhaps the
        day converted, in birthdate): the parts are a note.
        """
        label = record.label
        circa = self.reading.choice(
            _FLAGS,
            _attr(element, "circa").lower(),
            record=label,
            field="birthdate/circa",
            message="unknown circa value",
        )
        approximate = circa is True
        calendar = _attr(element, "calendarType").upper()
        foreign = calendar not in ("", "GREGORIAN")
        full = _attr(element, "birthdate")
        year, month, day = (_attr(element, p) for p in ("year", "monthOfYear", "dayOfMonth"))
        start, end = _attr(element, "yearRangeFrom"), _attr(element, "yearRangeTo")
        parts = join([day, month, year], ".")
        if full:
            value = self._single_date(full, label, "birthdate/birthdate")
            if foreign and parts:
                record.note(
                    f"Date of birth {full} is {parts} in the {calendar.capitalize()} calendar"
                )
            return approximately(value) if value is not None and approximate else value
        if foreign:
            if parts or start or end:
                shown = parts or f"{start}-{end}"
                record.note(f"Date of birth in the {calendar.capitalize()} calendar: {shown}")
            return None
        if year:
            return self.reading.date_parts(
                year, month, day, record=label, field="birthdate", approximate=approximate
            )
        if start or end:
            return self._range(start, end, approximate, label)
        if parts:
            record.note(f"Date of birth without a year: {parts}")
        return None

    def _range(
        self, start_year: str, end_year: str, approximate: bool, label: str
    ) -> PartialDate | DateRange | None:
        field = "birthdate/yearRange"
        ends = [
            self.reading.date_parts(year, record=label, field=field, approximate=approximate)
            if year
            else None
            for year in (start_year, end_year)
        ]
        text = f"{start_year}/{end_year}"
        return self.reading.date_range(*ends, text=text, record=label, field=field)

    # --- documents -----------------------------------------------------------------------

    def _identification(self, element: ET.Element, record: _Draft) -> None:
        label = record.label
        number = _attr(element, "number")
        code = _attr(element, "identificationTypeCode")
        description = _attr(element, "identificationTypeDescription")
        country = self._country(element, record, "identification")
        issued = self._single_date(element.get("issueDate"), label, "identification/issueDate")
        valid_from = self._single_date(element.get("validFrom"), label, "identification/validFrom")
        expires = self._expiry(element.get("validTo"), label)
        if issued is None:
            issued, valid_from = valid_from, None  # the list gives one or the other
        elif valid_from == issued:
            valid_from = None
        note = _document_note(element, number, valid_from)
        if number:
            # For a scheme of its own, the type's words are no news; for ``other`` they say it all.
            record.document(
                "eu",
                code,
                number,
                described=description,
                country=country,
                issued=issued,
                expires=expires,
                note=note,
            )
        elif note or code:
            dates = [
                f"issued {issued.isoformat()}" if issued is not None else "",
                f"expires {expires.isoformat()}" if expires is not None else "",
                f"country {country.alpha2}" if country is not None else "",
            ]
            record.note("Document: " + join([description or code, *dates, note or ""], "; "))


def _document_note(element: ET.Element, number: str, valid_from: PartialDate | None) -> str | None:
    """What an identification says beyond its number, type, country and dates."""
    latin = _attr(element, "latinNumber")
    extra = [
        _attr(element, "issuedBy", "issued by {}"),
        _attr(element, "region", "issued in {}"),
        f"valid from {valid_from.isoformat()}" if valid_from is not None else "",
        f"number in Latin letters {latin}" if latin and latin != number else "",
        _attr(element, "nameOnDocument", "name on document: {}"),
        *(said for flag, said in _DOCUMENT_FLAGS if _attr(element, flag).lower() == _TRUE),
        *_remarks(element),
    ]
    return join(extra, "; ") or None


#: A sanctionEntity's child elements → the method that reads each into the draft, in the
#: order they are read (subjectType is read first, for the class; others are unknown).
_CHILDREN: tuple[tuple[str, Callable[[_Records, ET.Element, _Draft], None]], ...] = (
    ("regulation", _Records._regulation),
    ("nameAlias", _Records._name),
    ("citizenship", _Records._citizenship),
    ("birthdate", _Records._birth_date),
    ("address", _Records._address),
    ("identification", _Records._identification),
    ("remark", _Records._remark),
)
