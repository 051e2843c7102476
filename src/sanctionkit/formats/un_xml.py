"""The UN Security Council Consolidated List, as XML (root element ``CONSOLIDATED_LIST``).

An ``INDIVIDUAL`` becomes a :class:`~sanctionkit.Person`, an ``ENTITY`` an
:class:`~sanctionkit.Organization`, each with one :class:`~sanctionkit.Designation`
by the Security Council that cites the committee's founding resolution. The layout,
what becomes what and the quirks of real files are on the documentation page
"UN Security Council XML" (docs/formats/un-xml.md): this module is its mapping
tables plus those quirks.

>>> import io
>>> xml = b'''<CONSOLIDATED_LIST dateGenerated="2024-11-30T00:00:00.875Z"><INDIVIDUALS>
... <INDIVIDUAL><DATAID>6908643</DATAID><FIRST_NAME>KIM</FIRST_NAME>
... <SECOND_NAME>JONG SIK</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
... <REFERENCE_NUMBER>KPi.066</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>'''
>>> person = read(io.BytesIO(xml), name="consolidated.xml").get("un-kpi.066")
>>> person.name, str(legal_basis("DPRK")[0])
('KIM JONG SIK', 'UN Security Council resolution 1718 (2006)')
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import attrs

from sanctionkit.formats._authorities import un_security_council
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading, approximately
from sanctionkit.formats._text import clean, join, script
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.identifiers import imo
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Gender,
    Identifier,
    LegalBasis,
    LegalBasisKind,
    Organization,
    Person,
    Source,
)
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["FORMAT", "LIST_NAME", "legal_basis", "read", "sniff"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "un-xml"
#: The list's name in the dataset's metadata.
LIST_NAME = "UN Security Council Consolidated List"

_ROOT = "CONSOLIDATED_LIST"
_RECORD_TAGS = ("INDIVIDUAL", "ENTITY")
_CONTAINERS = ("INDIVIDUALS", "ENTITIES")
_PUBLISHER = "United Nations Security Council"
_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
_TITLE = "Consolidated United Nations Security Council Sanctions List"

# --- the mapping ------------------------------------------------------------------------

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
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
#: Elements of one text each → the note that keeps it.
_NOTED = (("SUBMITTED_BY", "Submitted by"), ("SUBMITTED_ON", "Submitted on"))

# --- the quirks ---------------------------------------------------------------------------

# Words the list writes where it means "no value".
_BLANKS = frozenset({"", "null", "na", "n/a", "none", "unknown", "[object object]"})
# A date of birth's NOTE that only says the date is approximate.
_APPROXIMATELY = frozenset({"approximately", "approx", "approx.", "circa", "c."})
# "IMO Number: 5342883", "IMO number: 5571322", "(IMO) Number: 1790183", "Company
# Number IMO 5434358": the forms of the comments of the 2018 and 2024 lists.
_IMO_COMPANY = re.compile(r"(?:\(IMO\)|\bIMO)\s*(?:[Nn]umber)?\s*:?\s*(\d{7})\b")
_company_number = functools.partial(imo.validate, kind="company")


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
    for kind, element in iter_records(
        source, _RECORD_TAGS, name, containers=_CONTAINERS, reading=reading
    ):
        if kind == "root":
            records = _Records.of_root(reading, element, metadata)
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


def _value(text: str | None) -> str:
    """:func:`~sanctionkit.formats._text.clean`, with the list's words for "nothing" made empty."""
    return clean(text, _BLANKS)


def _split(record: ET.Element) -> tuple[dict[str, str], dict[str, list[ET.Element]]]:
    """A record's children: the text of those without children (the first of a tag), and
    those with children, by tag."""
    texts: dict[str, str] = {}
    groups: dict[str, list[ET.Element]] = {}
    for child in record:
        if len(child):
            groups.setdefault(child.tag, []).append(child)
        elif child.text and child.tag not in texts:
            texts[child.tag] = child.text
    return texts, groups


def _children(element: ET.Element) -> dict[str, str]:
    """The raw text of each child of an element, by tag; the first of a repeated tag wins."""
    found: dict[str, str] = {}
    for child in element:
        if child.text and child.tag not in found:
            found[child.tag] = child.text
    return found


def _values(elements: Iterable[ET.Element]) -> list[str]:
    """The cleaned texts of the VALUE children of elements such as NATIONALITY."""
    return [text for element in elements for value in element if (text := clean(value.text))]


def _programmes(list_type: str, groups: dict[str, list[ET.Element]]) -> list[str]:
    programmes = [list_type] if list_type else []
    for text in _values(groups.get("LIST_TYPE", ())):
        # Every record says "UN List", which names no programme.
        if text != "UN List" and text not in programmes:
            programmes.append(text)
    return programmes


def _quiet_date(text: str) -> PartialDate | DateRange | None:
    """A date of birth's NOTE as a date when it is one ("Nov. 1973"), with no problem."""
    try:
        return parse_date(text)
    except ValueError:
        return None


@attrs.define
class _Records:
    """Turns INDIVIDUAL and ENTITY elements into entities and designations."""

    reading: Reading
    #: The one tuple of sources every entity and designation shares.
    sources: tuple[Source, ...]
    generated: PartialDate | None

    @classmethod
    def of_root(cls, reading: Reading, root: ET.Element, metadata: dict[str, str]) -> _Records:
        """The file's records, after its date went into the metadata and the source."""
        generated = root.get("dateGenerated")
        published = reading.single_date(generated, record=None, field="dateGenerated")
        if generated and generated.strip():
            metadata["generation_time"] = generated.strip()
        if published is not None:
            metadata["publish_date"] = published.isoformat()
        title = f"{_TITLE} ({reading.file_name('consolidated.xml')})"
        source = Source(url=_URL, publisher=_PUBLISHER, title=title, published=published)
        return cls(reading, (source,), published)

    def read(self, record: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        texts, groups = _split(record)
        reference = clean(texts.get("REFERENCE_NUMBER"))
        dataid = clean(texts.get("DATAID"))
        label = reference or (f"DATAID {dataid}" if dataid else None)
        if not label:
            reading.reject("record has neither REFERENCE_NUMBER nor DATAID")
            return
        draft = self._named(record, label, texts, groups)
        if draft is None:
            return
        draft.id = self._entity_id(reference, dataid, label)
        if draft.id is None:
            return
        if dataid:
            draft.identifiers.append(Identifier(scheme="un_dataid", value=dataid))
        if reference:
            # The number other lists cite ("UN Ref KPe.033"): sk.link joins on it.
            draft.identifiers.append(Identifier(scheme="un_reference", value=reference))
        self._groups(_AFTER_ID, groups, draft)
        self._notes(draft, texts, groups)
        list_type = clean(texts.get("UN_LIST_TYPE"))
        listed = reading.single_date(
            _value(texts.get("LISTED_ON")), record=label, field="LISTED_ON"
        )
        if draft.kind is Person:
            self._person(draft, texts, groups)
        entity = draft.build(reading)
        if entity is None:
            return
        designation = Designation(
            entity_id=draft.id,
            authority=un_security_council(),
            authority_ref=reference or None,
            listed=listed,
            programmes=[reading.intern(text) for text in _programmes(list_type, groups)],
            legal_basis=legal_basis(list_type, self.generated),
            sources=self.sources,
        )
        reading.keep(entity, designation)

    def _named(
        self,
        record: ET.Element,
        label: str,
        texts: dict[str, str],
        groups: dict[str, list[ET.Element]],
    ) -> EntityDraft | None:
        """The record's draft with its names (and what its aliases say); None, the record
        rejected, when it has no name at all (before it takes an id)."""
        person = local_name(record.tag) == "INDIVIDUAL"
        draft = EntityDraft(label, kind=Person if person else Organization, sources=self.sources)
        original = clean(texts.get("NAME_ORIGINAL_SCRIPT"))
        if original:
            draft.aliases.append(Alias(name=original, script=script(original)))
        self._groups(_BEFORE_ID, groups, draft)
        draft.name = join((clean(texts.get(part)) for part in _NAME_PARTS), " ")
        if not draft.name and draft.aliases:
            # The only names are aliases: the first stands in.
            draft.name = draft.aliases.pop(0).name
        if not draft.name:
            self.reading.reject("record has no name", record=label)
            return None
        return draft

    def _entity_id(self, reference: str, dataid: str, label: str) -> str | None:
        """``un-{reference}``; ``un-dataid-{DATAID}`` without one or when it is taken."""
        candidates = []
        if reference:
            candidates.append("un-" + "-".join(reference.lower().split()))
        if dataid:
            candidates.append("un-dataid-" + "-".join(dataid.lower().split()))
        said = "another record has the same REFERENCE_NUMBER; this one is {id}"
        found = self.reading.unique_id(
            candidates, duplicate=said, record=label, field="REFERENCE_NUMBER", value=reference
        )
        if found is None:
            self.reading.reject(
                "another record has the same REFERENCE_NUMBER and DATAID",
                record=label,
                value=dataid,
            )
        return found

    def _groups(
        self, table: _Table, groups: dict[str, list[ET.Element]], draft: EntityDraft
    ) -> None:
        """Read the record's elements with children, by the methods of ``table``, in its order."""
        for tag, method in table:
            for element in groups.get(tag, ()):
                method(self, element, draft)

    def _alias(self, element: ET.Element, draft: EntityDraft) -> None:
        """An alias and its note; the date and place of birth some aliases carry are the
        entity's too (the sources disagree)."""
        fields = _children(element)
        if not fields:
            return  # <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>: none
        name, note = clean(fields.get("ALIAS_NAME")), clean(fields.get("NOTE"))
        if name:
            quality = self.reading.choice(
                _ALIAS_QUALITIES,
                clean(fields.get("QUALITY")),
                record=draft.label,
                field="QUALITY",
                message="unknown alias QUALITY; kept as a strong alias",
            )
            quality = quality or AliasQuality.STRONG
            draft.aliases.append(Alias(name=name, quality=quality, script=script(name)))
        if note:
            draft.note(f"Alias {name}: {note}" if name else f"Alias: {note}")
        if "DATE_OF_BIRTH" in fields:
            field = "ALIAS/DATE_OF_BIRTH"
            born = self.reading.date(
                _value(fields["DATE_OF_BIRTH"]), record=draft.label, field=field
            )
            if born is not None:
                draft.birth_date(born)
        if "CITY_OF_BIRTH" in fields or "COUNTRY_OF_BIRTH" in fields:
            where = {
                "CITY": fields.get("CITY_OF_BIRTH", ""),
                "COUNTRY": fields.get("COUNTRY_OF_BIRTH", ""),
            }
            place = self._address(where, draft.label, "ALIAS/COUNTRY_OF_BIRTH")
            if place is not None:
                draft.birth_place(place)

    def _birth_place(self, element: ET.Element, draft: EntityDraft) -> None:
        place = self._address(_children(element), draft.label, "PLACE_OF_BIRTH")
        if place is not None:
            draft.birth_place(place)

    def _nationality(self, element: ET.Element, draft: EntityDraft) -> None:
        """A country in the nationality role; a text that is none is a note (and a problem)."""
        for text in _values([element]):
            if text.lower() in _BLANKS:
                continue  # "na": not available (never Namibia, which the list spells out)
            country = self.reading.country(text, record=draft.label, field="NATIONALITY")
            if country is None:
                draft.note(f"Nationality: {text}")
            else:
                draft.role(self.reading.country_role(country, CountryRoleKind.NATIONALITY))

    def _location(self, element: ET.Element, draft: EntityDraft) -> None:
        address = self._address(_children(element), draft.label, "ADDRESS")
        if address is not None:
            draft.addresses.append(address)

    def _address(self, fields: dict[str, str], label: str, field: str) -> Address | None:
        """An address or place of birth: its parts, then its NOTE in brackets; shared."""
        city = clean(fields.get("CITY"))
        country_text = _value(fields.get("COUNTRY"))
        parts = (clean(fields.get("STREET")), city, clean(fields.get("STATE_PROVINCE")))
        full = join([*parts, clean(fields.get("ZIP_CODE")), country_text])
        note = clean(fields.get("NOTE"))
        if note:
            full = f"{full} ({note})" if full else note
        if not full:
            return None  # <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>: none
        country = self.reading.country(country_text, record=label, field=f"{field}/COUNTRY")
        return self.reading.intern(Address(full=full, city=city or None, country=country))

    def _notes(
        self, draft: EntityDraft, texts: dict[str, str], groups: dict[str, list[ET.Element]]
    ) -> None:
        comments = clean(texts.get("COMMENTS1"))
        if comments:
            draft.note(comments)
            draft.identifiers.extend(self._imo_companies(comments, draft.label))
        for tag, said in _NOTED:
            submitted = clean(texts.get(tag)) or join(_values(groups.get(tag, ())))
            if submitted:
                draft.note(f"{said}: {submitted}")
        updated = _values(groups.get("LAST_DAY_UPDATED", ()))
        if updated:
            draft.note(f"Updated on the UN list: {', '.join(updated)}")

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

    def _person(
        self, draft: EntityDraft, texts: dict[str, str], groups: dict[str, list[ET.Element]]
    ) -> None:
        """A person's gender ("Unknown" is none) and positions, titles first."""
        text = texts.get("GENDER")
        draft.gender = self.reading.choice(
            _GENDERS,
            _value(text),
            record=draft.label,
            field="GENDER",
            message="unknown gender",
            value=text,
        )
        draft.positions = _values((*groups.get("TITLE", ()), *groups.get("DESIGNATION", ())))

    def _document(self, element: ET.Element, draft: EntityDraft) -> None:
        """An identifier: TYPE_OF_DOCUMENT picks the scheme; one without a NUMBER is a note."""
        fields = _children(element)
        if not fields:
            return  # a document of empty elements is none
        kind = clean(fields.get("TYPE_OF_DOCUMENT"))
        detail = clean(fields.get("TYPE_OF_DOCUMENT2"))
        number = clean(fields.get("NUMBER"))
        issuing = _value(fields.get("ISSUING_COUNTRY"))
        of_issue = _value(fields.get("COUNTRY_OF_ISSUE"))
        city = clean(fields.get("CITY_OF_ISSUE"))
        issued_text = _value(fields.get("DATE_OF_ISSUE"))
        country_text = issuing or of_issue
        label = draft.label
        country = self.reading.country(country_text, record=label, field="DOCUMENT/COUNTRY")
        field = "DOCUMENT/DATE_OF_ISSUE"
        issued = self.reading.single_date(issued_text, record=label, field=field)
        type_text = kind or detail
        extra = [
            detail if detail != type_text else "",
            f"issued in {city}" if city else "",
            f"country of issue {of_issue}" if issuing and of_issue and of_issue != issuing else "",
            f"issuing country {country_text}" if country_text and country is None else "",
            clean(fields.get("NOTE")),
        ]
        if number:
            note = join(extra, "; ") or None
            draft.document("un", type_text, number, country=country, issued=issued, note=note)
        elif kind or any(extra) or issued_text:
            # No number to make an identifier of (it is sometimes inside the type's text).
            issued_note = f"issued {issued_text}" if issued_text else ""
            draft.note("Document: " + join([kind, *extra, issued_note], "; "))

    def _birth_date(self, element: ET.Element, draft: EntityDraft) -> None:
        """A date of birth as TYPE_OF_DATE gives it: a range, a date, or only a NOTE."""
        fields = _children(element)
        kind = clean(fields.get("TYPE_OF_DATE")).upper()
        note = clean(fields.get("NOTE"))
        approximate = kind == "APPROXIMATELY"
        if note.lower() in _APPROXIMATELY:
            approximate, note = True, ""
        label, field = draft.label, "DATE_OF_BIRTH"
        value: PartialDate | DateRange | None = None
        if _value(fields.get("FROM_YEAR")) or _value(fields.get("TO_YEAR")):
            value = self._between(fields, label)
        elif fields.get("DATE") or fields.get("YEAR"):
            if kind not in ("EXACT", "APPROXIMATELY", ""):
                message = "unknown TYPE_OF_DATE; read as EXACT"
                self.reading.problem(
                    message, record=label, field=f"{field}/TYPE_OF_DATE", value=kind
                )
            part = "DATE" if fields.get("DATE") else "YEAR"
            value = self.reading.date(_value(fields[part]), record=label, field=f"{field}/{part}")
        elif note:
            value = _quiet_date(note)
            note = "" if value is not None else note
        if value is not None:
            draft.birth_date(approximately(value) if approximate else value)
        if note:
            shown = f" {value.isoformat()}" if value is not None else ""
            draft.note(f"Date of birth{shown}: {note}")

    def _between(self, fields: dict[str, str], label: str) -> PartialDate | DateRange | None:
        """BETWEEN: FROM_YEAR to TO_YEAR, a range, never its first year alone."""
        from_year, to_year = _value(fields.get("FROM_YEAR")), _value(fields.get("TO_YEAR"))
        field = "DATE_OF_BIRTH"
        start = self.reading.single_date(from_year, record=label, field=f"{field}/FROM_YEAR")
        end = self.reading.single_date(to_year, record=label, field=f"{field}/TO_YEAR")
        text = f"{from_year}/{to_year}"
        return self.reading.date_range(start, end, text=text, record=label, field=field)


_Table = tuple[tuple[str, Callable[[_Records, ET.Element, EntityDraft], None]], ...]
#: A record's elements with children → the method that reads each into the draft, in the
#: order they are read: those before the record takes its id (it needs a name first) ...
_BEFORE_ID: _Table = (
    ("INDIVIDUAL_DATE_OF_BIRTH", _Records._birth_date),
    ("INDIVIDUAL_PLACE_OF_BIRTH", _Records._birth_place),
    ("INDIVIDUAL_ALIAS", _Records._alias),
    ("ENTITY_ALIAS", _Records._alias),
)
#: ... and after.
_AFTER_ID: _Table = (
    ("INDIVIDUAL_DOCUMENT", _Records._document),
    ("NATIONALITY", _Records._nationality),
    ("INDIVIDUAL_ADDRESS", _Records._location),
    ("ENTITY_ADDRESS", _Records._location),
)
