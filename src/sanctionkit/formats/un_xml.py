"""The UN Security Council Consolidated List, as XML (root element ``CONSOLIDATED_LIST``).

The file the UN publishes (``consolidated.xml``) holds every individual and
entity that a Security Council sanctions committee has listed: an
``INDIVIDUAL`` becomes a :class:`~sanctionkit.Person`, an ``ENTITY`` an
:class:`~sanctionkit.Organization`, each with one
:class:`~sanctionkit.Designation` by the Security Council that cites the
committee's founding resolution. What becomes what, and the quirks of real
files, are on the documentation page "UN Security Council XML".

>>> import io
>>> xml = b'''<CONSOLIDATED_LIST dateGenerated="2024-11-30T00:00:00.875Z"><INDIVIDUALS>
... <INDIVIDUAL><DATAID>6908643</DATAID><FIRST_NAME>KIM</FIRST_NAME>
... <SECOND_NAME>JONG SIK</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
... <REFERENCE_NUMBER>KPi.066</REFERENCE_NUMBER><LISTED_ON>2017-12-22</LISTED_ON>
... <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>
... <FROM_YEAR>1967</FROM_YEAR><TO_YEAR>1969</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
... </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>'''
>>> ds = read(io.BytesIO(xml), name="consolidated.xml")
>>> person = ds.get("un-kpi.066")
>>> person.name, person.birth_dates[0].isoformat()
('KIM JONG SIK', '1967/1969')
>>> print(ds.designations[0].legal_basis[0])
UN Security Council resolution 1718 (2006)
"""

from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import attrs

from sanctionkit.formats._authorities import un_security_council
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._scripts import guess_script
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.identifiers import imo
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
    LegalBasis,
    LegalBasisKind,
    Organization,
    Person,
    Source,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["FORMAT", "LIST_NAME", "legal_basis", "read", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "un-xml"
# "IMO Number: 5342883", "IMO number: 5571322", "(IMO) Number: 1790183", "Company
# Number IMO 5434358": the forms of the comments of the 2018 and 2024 lists.
_IMO_COMPANY = re.compile(r"(?:\(IMO\)|\bIMO)\s*(?:[Nn]umber)?\s*:?\s*(\d{7})\b")


def _company_number(text: str) -> str:
    return imo.validate(text, kind="company")


#: The list's name in the dataset's metadata.
LIST_NAME = "UN Security Council Consolidated List"

_ROOT = "CONSOLIDATED_LIST"
_RECORD_TAGS = ("INDIVIDUAL", "ENTITY")
_PUBLISHER = "United Nations Security Council"
_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"

# Each UN_LIST_TYPE, the resolution that set up its sanctions committee, and
# what the committee's name says after "pursuant to resolution N (YEAR)". Only
# regimes checked against the committees' own names: a list type missing here
# gets no legal basis rather than a guess.
_ESTABLISHED = "Security Council Committee established pursuant to resolution"
_COMMITTEES: dict[str, tuple[str, int, str]] = {
    "Somalia": ("751", 1992, "Security Council Committee pursuant to resolution 751 (1992)"),
    "Al-Qaida": (
        "1267",
        1999,
        "Security Council Committee pursuant to resolutions 1267 (1999), 1989 (2011) and "
        "2253 (2015) concerning ISIL (Da'esh), Al-Qaida and associated individuals, groups, "
        "undertakings and entities",
    ),
    "Iraq": ("1518", 2003, f"{_ESTABLISHED} 1518 (2003)"),
    "DRC": (
        "1533",
        2004,
        f"{_ESTABLISHED} 1533 (2004) concerning the Democratic Republic of the Congo",
    ),
    "Sudan": ("1591", 2005, f"{_ESTABLISHED} 1591 (2005) concerning the Sudan"),
    "Lebanon": ("1636", 2005, f"{_ESTABLISHED} 1636 (2005)"),
    "DPRK": ("1718", 2006, f"{_ESTABLISHED} 1718 (2006)"),
    "Libya": ("1970", 2011, f"{_ESTABLISHED} 1970 (2011) concerning Libya"),
    "Taliban": ("1988", 2011, f"{_ESTABLISHED} 1988 (2011)"),
    "GB": ("2048", 2012, f"{_ESTABLISHED} 2048 (2012) (Guinea-Bissau)"),
    "CAR": ("2127", 2013, f"{_ESTABLISHED} 2127 (2013) concerning the Central African Republic"),
    "Yemen": ("2140", 2014, f"{_ESTABLISHED} 2140 (2014)"),
    "SouthSudan": ("2206", 2015, f"{_ESTABLISHED} 2206 (2015) concerning South Sudan"),
    # The 1737 (2006) committee ended on 16 January 2016; its list went on under 2231 (2015).
    "Iran": ("2231", 2015, "List maintained pursuant to Security Council resolution 2231 (2015)"),
    "Mali": ("2374", 2017, f"{_ESTABLISHED} 2374 (2017) concerning Mali"),
    "Haiti": ("2653", 2022, f"{_ESTABLISHED} 2653 (2022) concerning Haiti"),
}
_AL_SHABAAB = (
    "2713",
    2023,
    "Security Council Committee pursuant to resolution 2713 (2023) concerning Al-Shabaab",
)
_AL_SHABAAB_SINCE = PartialDate(2023, 12, 1)

_ALIAS_QUALITIES = {
    "good": AliasQuality.STRONG,
    "a.k.a.": AliasQuality.STRONG,
    "aka": AliasQuality.STRONG,
    "low": AliasQuality.WEAK,
    "f.k.a.": AliasQuality.FORMER,
    "fka": AliasQuality.FORMER,
}
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE}
# Words the list writes where it means "no value".
_BLANKS = frozenset({"", "null", "na", "n/a", "none", "unknown", "[object object]"})
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def sniff(head: bytes) -> bool:
    """Whether a file starting with ``head`` is the UN consolidated list.

    >>> sniff(b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2024-11-30">')
    True
    """
    return xml_root_name(head) == _ROOT


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the UN consolidated list: every INDIVIDUAL and ENTITY, with its designation.

    Streams the file record by record. In lenient mode (the default) a bad
    value is left out and reported in ``dataset.problems``; ``strict=True``
    raises the first as :class:`~sanctionkit.ReadError`. The metadata holds
    the format, the list, its publish date and the record counts.
    """
    reading = Reading(file=name, strict=strict)
    metadata = {"format": FORMAT, "list": LIST_NAME}
    records: _Records | None = None
    containers = ("INDIVIDUALS", "ENTITIES")
    for kind, element in iter_records(
        source, _RECORD_TAGS, name, containers=containers, reading=reading
    ):
        if kind == "root":
            generated = element.get("dateGenerated")
            published = reading.single_date(generated, record=None, field="dateGenerated")
            if generated and generated.strip():
                metadata["generation_time"] = generated.strip()
            if published is not None:
                metadata["publish_date"] = published.isoformat()
            records = _Records(reading, _source(name, published), published)
            continue
        assert records is not None  # iter_records yields the root first
        records.read(element)
        element.clear()
    return reading.dataset(metadata)


@functools.cache
def legal_basis(list_type: str, generated: PartialDate | None = None) -> tuple[LegalBasis, ...]:
    """The resolutions a UN_LIST_TYPE's designations rest on: its committee's founding one.

    >>> print(legal_basis("DPRK")[0])
    UN Security Council resolution 1718 (2006)
    >>> legal_basis("DPRK")[0].title
    'Security Council Committee established pursuant to resolution 1718 (2006)'
    >>> legal_basis("Atlantis")
    ()
    """
    committee = _COMMITTEES.get(list_type)
    if committee is None:
        return ()
    found = [committee]
    if list_type == "Somalia" and generated is not None and generated >= _AL_SHABAAB_SINCE:
        found.append(_AL_SHABAAB)
    return tuple(
        LegalBasis(kind=LegalBasisKind.UN_RESOLUTION, number=number, year=year, title=title)
        for number, year, title in found
    )


def _source(name: str, published: PartialDate | None) -> Source:
    file = Path(name).name if name and not name.startswith("<") else "consolidated.xml"
    return Source(
        url=_URL,
        publisher=_PUBLISHER,
        title=f"Consolidated United Nations Security Council Sanctions List ({file})",
        published=published,
    )


def _clean(text: str | None) -> str:
    """The text with its runs of white space (line breaks too) made one space."""
    return " ".join(text.split()) if text else ""


def _value(text: str | None) -> str:
    """Like :func:`_clean`, with the list's words for "nothing" ("null", "na") made empty."""
    cleaned = _clean(text)
    return "" if cleaned.lower() in _BLANKS else cleaned


def _join(parts: Iterable[str], separator: str = ", ") -> str:
    return separator.join(part for part in parts if part)


def _children(element: ET.Element) -> dict[str, str]:
    """The raw text of each child of an element, by tag; the first of a repeated tag wins."""
    found: dict[str, str] = {}
    for child in element:
        if child.text and child.tag not in found:
            found[child.tag] = child.text
    return found


def _values(elements: Iterable[ET.Element]) -> list[str]:
    """The cleaned texts of the VALUE children of elements such as NATIONALITY."""
    return [text for element in elements for value in element if (text := _clean(value.text))]


_SNAKE = re.compile(r"[^a-z0-9]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_APPROXIMATELY = frozenset({"approximately", "approx", "approx.", "circa", "c."})


@functools.lru_cache(maxsize=1024)
def _scheme(document_type: str) -> str:
    """The identifier scheme of a TYPE_OF_DOCUMENT: passport, national_id, or its snake_case."""
    folded = unicodedata.normalize("NFKD", document_type).encode("ascii", "ignore").decode()
    lowered = folded.lower()
    if re.search(r"passport|passeport|pasaporte", lowered):
        return "passport"
    if re.search(
        r"national identi(?:fication|ty)|identity card|identification (?:card|number)", lowered
    ):
        return "national_id"
    return _SNAKE.sub("_", lowered).strip("_") or "other"


def _script(name: str) -> str | None:
    """:func:`guess_script`, with a shortcut for the common case of plain ASCII."""
    if name.isascii():
        return "Latn" if _ASCII_LETTER.search(name) else None
    return guess_script(name)


@attrs.define
class _Records:
    """Turns INDIVIDUAL and ENTITY elements into entities and designations.

    Values that many records share (dates, countries, places) are made once
    and shared: they are immutable, and it keeps memory per entity low.
    """

    reading: Reading
    source: Source
    generated: PartialDate | None
    seen: set[str] = attrs.Factory(set)
    dates: dict[str, PartialDate | DateRange] = attrs.Factory(dict)
    roles: dict[Country, CountryRole] = attrs.Factory(dict)
    places: dict[tuple[str, str, str], Address] = attrs.Factory(dict)
    strings: dict[str, str] = attrs.Factory(dict)

    def read(self, record: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        texts: dict[str, str] = {}  # children without children: their text
        groups: dict[str, list[ET.Element]] = {}  # children with children
        for child in record:
            if len(child):
                groups.setdefault(child.tag, []).append(child)
            elif child.text and child.tag not in texts:
                texts[child.tag] = child.text

        reference = _clean(texts.get("REFERENCE_NUMBER"))
        dataid = _clean(texts.get("DATAID"))
        label = reference or (f"DATAID {dataid}" if dataid else None)
        if not label:
            reading.reject("record has neither REFERENCE_NUMBER nor DATAID")
            return

        notes: list[str] = []
        aliases: list[Alias] = []
        birth_dates: list[PartialDate | DateRange] = []
        birth_places: list[Address] = []
        for element in groups.get("INDIVIDUAL_DATE_OF_BIRTH", ()):
            self._birth_date(_children(element), label, birth_dates, notes)
        for element in groups.get("INDIVIDUAL_PLACE_OF_BIRTH", ()):
            place = self._address(_children(element), label, "PLACE_OF_BIRTH")
            if place is not None and place not in birth_places:
                birth_places.append(place)
        name = _join((_clean(texts.get(part)) for part in _NAME_PARTS), " ")
        original = _clean(texts.get("NAME_ORIGINAL_SCRIPT"))
        if original:
            aliases.append(Alias(name=original, script=_script(original)))
        for tag in ("INDIVIDUAL_ALIAS", "ENTITY_ALIAS"):
            for element in groups.get(tag, ()):
                self._alias(_children(element), label, aliases, notes, birth_dates, birth_places)
        if not name:
            if not aliases:
                reading.reject("record has no name", record=label)
                return
            name = aliases.pop(0).name  # the only names are aliases: the first stands in
        entity_id = self._entity_id(reference, dataid, label)
        if entity_id is None:
            return

        identifiers = [Identifier(scheme="un_dataid", value=dataid)] if dataid else []
        if reference:
            # The number other lists cite ("UN Ref KPe.033"): sk.link joins on it.
            identifiers.append(Identifier(scheme="un_reference", value=reference))
        for element in groups.get("INDIVIDUAL_DOCUMENT", ()):
            self._document(_children(element), label, identifiers, notes)
        countries = []
        for text in _values(groups.get("NATIONALITY", ())):
            if text.lower() in _BLANKS:
                continue  # "na": not available (never Namibia, which the list spells out)
            role = self._nationality(text, label)
            if role is None:
                notes.append(f"Nationality: {text}")
            elif role not in countries:
                countries.append(role)
        addresses = []
        for tag in ("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"):
            for element in groups.get(tag, ()):
                address = self._address(_children(element), label, "ADDRESS")
                if address is not None:
                    addresses.append(address)

        comments = _clean(texts.get("COMMENTS1"))
        if comments:
            notes.append(comments)
            identifiers.extend(self._imo_companies(comments, label))
        for tag, said in (("SUBMITTED_BY", "Submitted by"), ("SUBMITTED_ON", "Submitted on")):
            submitted = _clean(texts.get(tag)) or _join(_values(groups.get(tag, ())))
            if submitted:
                notes.append(f"{said}: {submitted}")
        updated = _values(groups.get("LAST_DAY_UPDATED", ()))
        if updated:
            notes.append(f"Updated on the UN list: {', '.join(updated)}")

        list_type = _clean(texts.get("UN_LIST_TYPE"))
        programmes = [list_type] if list_type else []
        for text in _values(groups.get("LIST_TYPE", ())):
            # Every record says "UN List", which names no programme.
            if text != "UN List" and text not in programmes:
                programmes.append(text)
        listed = self._date(texts.get("LISTED_ON"), label, "LISTED_ON")
        if isinstance(listed, DateRange):
            reading.problem(
                "expected one date, found a range",
                record=label,
                field="LISTED_ON",
                value=texts.get("LISTED_ON"),
            )
            listed = None

        sources = (self.source,)
        entity: Entity
        if local_name(record.tag) == "INDIVIDUAL":
            entity = Person(
                id=entity_id,
                name=name,
                aliases=aliases,
                identifiers=identifiers,
                addresses=addresses,
                countries=countries,
                notes=notes,
                sources=sources,
                birth_dates=birth_dates,
                birth_places=birth_places,
                gender=self._gender(texts.get("GENDER"), label),
                positions=_values((*groups.get("TITLE", ()), *groups.get("DESIGNATION", ()))),
            )
        else:
            entity = Organization(
                id=entity_id,
                name=name,
                aliases=aliases,
                identifiers=identifiers,
                addresses=addresses,
                countries=countries,
                notes=notes,
                sources=sources,
            )
        designation = Designation(
            entity_id=entity_id,
            authority=un_security_council(),
            authority_ref=reference or None,
            listed=listed,
            programmes=[self.strings.setdefault(text, text) for text in programmes],
            legal_basis=legal_basis(list_type, self.generated),
            sources=sources,
        )
        reading.keep(entity, designation)

    def _imo_companies(self, comments: str, label: str) -> list[Identifier]:
        """The IMO company numbers the comments give ("IMO number: 5571322.").

        The list has no field for them; OFAC files the same numbers as "Company
        Number IMO", so they join the two lists' shipping companies. A number
        with a bad check digit is a problem (the comment stays a note).
        """
        found = []
        for text in _IMO_COMPANY.findall(comments):
            number = self.reading.value(
                _company_number, text, record=label, field="COMMENTS1/IMO number"
            )
            if number is not None:
                found.append(Identifier(scheme="imo_company", value=number, note="COMMENTS1"))
        return found

    def _entity_id(self, reference: str, dataid: str, label: str) -> str | None:
        """``un-{reference}``; ``un-dataid-{DATAID}`` without one or when it is taken."""
        candidates = []
        if reference:
            candidates.append("un-" + "-".join(reference.lower().split()))
        if dataid:
            candidates.append("un-dataid-" + "-".join(dataid.lower().split()))
        for number, candidate in enumerate(candidates):
            if candidate not in self.seen:
                if number > 0 and reference:
                    self.reading.problem(
                        f"another record has the same REFERENCE_NUMBER; this one is {candidate}",
                        record=label,
                        field="REFERENCE_NUMBER",
                        value=reference,
                    )
                self.seen.add(candidate)
                return candidate
        self.reading.reject(
            "another record has the same REFERENCE_NUMBER and DATAID", record=label, value=dataid
        )
        return None

    def _date(self, text: str | None, label: str, field: str) -> PartialDate | DateRange | None:
        """A date, parsed once per distinct text (a problem for each bad one)."""
        cleaned = _value(text)
        if not cleaned:
            return None
        value = self.dates.get(cleaned)
        if value is None:
            value = self.reading.date(cleaned, record=label, field=field)
            if value is not None:
                self.dates[cleaned] = value
        return value

    def _single_date(self, text: str | None, label: str, field: str) -> PartialDate | None:
        value = self._date(text, label, field)
        if isinstance(value, DateRange):
            self.reading.problem(
                "expected one date, found a range", record=label, field=field, value=text
            )
            return None
        return value

    def _alias(
        self,
        fields: dict[str, str],
        label: str,
        aliases: list[Alias],
        notes: list[str],
        birth_dates: list[PartialDate | DateRange],
        birth_places: list[Address],
    ) -> None:
        if not fields:
            return  # <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>: none
        name = _clean(fields.get("ALIAS_NAME"))
        note = _clean(fields.get("NOTE"))
        if name:
            quality_text = _clean(fields.get("QUALITY"))
            quality = _ALIAS_QUALITIES.get(quality_text.lower())
            if quality is None:
                quality = AliasQuality.STRONG
                if quality_text:
                    self.reading.problem(
                        "unknown alias QUALITY; kept as a strong alias",
                        record=label,
                        field="QUALITY",
                        value=quality_text,
                    )
            aliases.append(Alias(name=name, quality=quality, script=_script(name)))
            if note:
                notes.append(f"Alias {name}: {note}")
        elif note:
            notes.append(f"Alias: {note}")
        # Some aliases carry the date and place of birth that go with them:
        # the entity's too, where the sources disagree.
        if "DATE_OF_BIRTH" in fields:
            born = self._date(fields["DATE_OF_BIRTH"], label, "ALIAS/DATE_OF_BIRTH")
            if born is not None and born not in birth_dates:
                birth_dates.append(born)
        if "CITY_OF_BIRTH" in fields or "COUNTRY_OF_BIRTH" in fields:
            where = {
                "CITY": fields.get("CITY_OF_BIRTH", ""),
                "COUNTRY": fields.get("COUNTRY_OF_BIRTH", ""),
            }
            place = self._address(where, label, "ALIAS/COUNTRY_OF_BIRTH")
            if place is not None and place not in birth_places:
                birth_places.append(place)

    def _document(
        self, fields: dict[str, str], label: str, identifiers: list[Identifier], notes: list[str]
    ) -> None:
        if not fields:
            return  # <INDIVIDUAL_DOCUMENT/>: the list writes one when there is none
        kind = _clean(fields.get("TYPE_OF_DOCUMENT"))
        detail = _clean(fields.get("TYPE_OF_DOCUMENT2"))
        number = _clean(fields.get("NUMBER"))
        issuing = _value(fields.get("ISSUING_COUNTRY"))
        of_issue = _value(fields.get("COUNTRY_OF_ISSUE"))
        city = _clean(fields.get("CITY_OF_ISSUE"))
        issued_text = _value(fields.get("DATE_OF_ISSUE"))
        country_text = issuing or of_issue
        country = self.reading.country(country_text, record=label, field="DOCUMENT/COUNTRY")
        issued = self._single_date(issued_text, label, "DOCUMENT/DATE_OF_ISSUE")
        type_text = kind or detail
        extra = [
            detail if detail != type_text else "",
            f"issued in {city}" if city else "",
            f"country of issue {of_issue}" if issuing and of_issue and of_issue != issuing else "",
            f"issuing country {country_text}" if country_text and country is None else "",
            _clean(fields.get("NOTE")),
        ]
        if number:
            identifiers.append(
                Identifier(
                    scheme=_scheme(type_text) if type_text else "other",
                    value=number,
                    country=country,
                    issued=issued,
                    note=_join(extra, "; ") or None,
                )
            )
        elif kind or any(extra) or issued_text:
            # No number to make an identifier of (it is sometimes inside the type's text).
            issued_note = f"issued {issued_text}" if issued_text else ""
            notes.append("Document: " + _join([kind, *extra, issued_note], "; "))

    def _nationality(self, text: str, label: str) -> CountryRole | None:
        country = self.reading.country(text, record=label, field="NATIONALITY")
        if country is None:
            return None
        role = self.roles.get(country)
        if role is None:
            role = CountryRole(country=country, role=CountryRoleKind.NATIONALITY)
            self.roles[country] = role
        return role

    def _address(self, fields: dict[str, str], label: str, field: str) -> Address | None:
        """An address or place of birth; the same place twice is one shared object."""
        if not fields:
            return None
        street = _clean(fields.get("STREET"))
        city = _clean(fields.get("CITY"))
        province = _clean(fields.get("STATE_PROVINCE"))
        zip_code = _clean(fields.get("ZIP_CODE"))
        country_text = _value(fields.get("COUNTRY"))
        note = _clean(fields.get("NOTE"))
        full = _join((street, city, province, zip_code, country_text))
        if note:
            full = f"{full} ({note})" if full else note
        if not full:
            return None  # <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>: none
        key = (full, city, country_text)
        place = self.places.get(key)
        if place is not None:
            return place
        country = self.reading.country(country_text, record=label, field=f"{field}/COUNTRY")
        place = Address(full=full, city=city or None, country=country)
        if country is not None or not country_text:
            self.places[key] = place  # a bad country is reported again in every record
        return place

    def _gender(self, text: str | None, label: str) -> Gender | None:
        cleaned = _value(text)
        if not cleaned:
            return None
        gender = _GENDERS.get(cleaned.lower())
        if gender is None:
            self.reading.problem("unknown gender", record=label, field="GENDER", value=text)
        return gender

    def _birth_date(
        self,
        fields: dict[str, str],
        label: str,
        birth_dates: list[PartialDate | DateRange],
        notes: list[str],
    ) -> None:
        kind = _clean(fields.get("TYPE_OF_DATE")).upper()
        from_year = _value(fields.get("FROM_YEAR"))
        to_year = _value(fields.get("TO_YEAR"))
        note = _clean(fields.get("NOTE"))
        approximate = kind == "APPROXIMATELY"
        if note.lower() in _APPROXIMATELY:
            approximate, note = True, ""
        value: PartialDate | DateRange | None = None
        if from_year or to_year:  # BETWEEN: a range, never its first year alone
            start = self._single_date(from_year, label, "DATE_OF_BIRTH/FROM_YEAR")
            end = self._single_date(to_year, label, "DATE_OF_BIRTH/TO_YEAR")
            value = self._range(start, end, approximate, label, f"{from_year}/{to_year}")
        elif fields.get("DATE") or fields.get("YEAR"):
            if kind not in ("EXACT", "APPROXIMATELY", ""):
                self.reading.problem(
                    "unknown TYPE_OF_DATE; read as EXACT",
                    record=label,
                    field="DATE_OF_BIRTH/TYPE_OF_DATE",
                    value=kind,
                )
            part = "DATE" if fields.get("DATE") else "YEAR"
            value = self._date(fields.get(part), label, f"DATE_OF_BIRTH/{part}")
            if approximate and value is not None:
                value = _approximately(value)
        elif note:
            # Only a note ("Nov. 1973", "30-35 years old"): a date when it reads as one.
            value = _quiet_date(note)
            if value is not None:
                note = ""
                if approximate:
                    value = _approximately(value)
        if value is not None and value not in birth_dates:
            birth_dates.append(value)
        if note:
            shown = f" {value.isoformat()}" if value is not None else ""
            notes.append(f"Date of birth{shown}: {note}")

    def _range(
        self,
        start: PartialDate | None,
        end: PartialDate | None,
        approximate: bool,
        label: str,
        text: str,
    ) -> PartialDate | DateRange | None:
        if approximate:
            start = None if start is None else attrs.evolve(start, approximate=True)
            end = None if end is None else attrs.evolve(end, approximate=True)
        if start is None and end is None:
            return None
        if start is not None and start == end:
            return start
        try:
            return DateRange(start, end, text=text)
        except ValueError as error:
            self.reading.problem(str(error), record=label, field="DATE_OF_BIRTH", value=text)
            return None


def _approximately(value: PartialDate | DateRange) -> PartialDate | DateRange:
    if isinstance(value, PartialDate):
        return attrs.evolve(value, approximate=True)
    start = None if value.start is None else attrs.evolve(value.start, approximate=True)
    end = None if value.end is None else attrs.evolve(value.end, approximate=True)
    return attrs.evolve(value, start=start, end=end)


def _quiet_date(text: str) -> PartialDate | DateRange | None:
    try:
        return parse_date(text)
    except ValueError:
        return None
