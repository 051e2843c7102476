"""What OFAC's readers share: ids, lists, entry types, measures and values written alike.

OFAC publishes the same entries in several exports (the classic ``sdnList``
XML, the legacy CSV, the enhanced and the advanced XML). Each export has its
own layout, but the entries keep one number (the XML ``uid``, the CSV
``ent_num``, the enhanced entity id), OFAC writes its entry types, aliases,
countries "that are none", tonnages and places of birth the same way in all of
them, and a label ("Aircraft Model", "Vessel Year of Build") means the same
thing wherever it appears. This module holds those facts once, so that each
reader is its layout's mapping plus its quirks, and an entry gets the same
id, class and fields whichever export it was read from.

What is where, for a reader of another OFAC export:

- ids and lists: :func:`entity_id` (``ofac-`` and OFAC's number),
  :func:`list_name`, :func:`measures` (SDN blocks, most non-SDN restricts);
- entries: :func:`entity_class`, :func:`alias_quality`, :func:`full_name`,
  :func:`listed_name` ("LASTNAME, Firstname");
- values: :func:`country` (with :data:`NO_COUNTRY`), :func:`place_country`,
  :func:`gender`, :func:`tonnage`, :func:`whole_number`, :func:`period` and
  :func:`span` (dates given as days), :func:`legal_basis`;
- labels: :func:`set_field` (:data:`FIELD_LABELS`: "Gender", "Aircraft Model",
  "Vessel Year of Build" ...), :func:`is_measure_label`; identifier labels
  ("Cedula No.") are mapped in :mod:`sanctionkit.formats._schemes`
  (``identify("ofac", label)``), not here: :func:`label_identifier` makes one;
- the features of the enhanced and advanced XML: :data:`COUNTRY_ROLES`,
  :func:`incorporated`, :func:`false_feature` (a value OFAC marks false),
  :func:`sanctions_type` (a SanctionsType's measure), :func:`address_lines`,
  :func:`vessel_document` (an IMO number or MMSI given as a document);
- XML: :func:`stream` and :func:`check_root` (the document), :class:`Entry` (an
  entry while it is read, for the classic and the enhanced XML),
  :func:`entry_class`, :func:`element_text`, :class:`LocalNames`;
- links between entries ("Linked To:", a vessel's owner, an aircraft's operator,
  the enhanced XML's relationships): :class:`Links` gathers them while a file is
  read and makes them :class:`~sanctionkit.Relationship` records once it is read
  (:meth:`Links.finish`), by :func:`name_key` and :func:`link_kind`.

The entity itself is gathered in an :class:`~sanctionkit.formats._draft.EntityDraft`.

>>> entity_id("15036"), entity_class("Individual").__name__, alias_quality("f.k.a.").value
('ofac-15036', 'Person', 'former')
"""

from __future__ import annotations

import datetime
import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Final

import attrs

from sanctionkit.formats._authorities import ofac
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._ofac_remarks import identifier_scheme
from sanctionkit.formats._reading import Reading, named_country, whole_number
from sanctionkit.formats._schemes import identify
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.model import (
    Address,
    Aircraft,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    Gender,
    Identifier,
    LegalBasis,
    LegalBasisKind,
    Measure,
    Organization,
    Person,
    Problem,
    Relationship,
    RelationshipKind,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = [
    "ADDRESS_ORDER",
    "CONSOLIDATED_LIST",
    "COUNTRY_ROLES",
    "FIELD_LABELS",
    "ID_PREFIX",
    "KINDS",
    "LINK_COUNTS",
    "MEASURE_LABEL",
    "NO_COUNTRY",
    "OPERATOR_WORDS",
    "OWNER_WORDS",
    "PUBLISHER",
    "SDN_LIST",
    "TEXT_FIELDS",
    "Entry",
    "Links",
    "LocalNames",
    "address_lines",
    "alias_quality",
    "check_root",
    "country",
    "element_text",
    "entity_class",
    "entity_id",
    "entry_class",
    "false_feature",
    "full_name",
    "gender",
    "incorporated",
    "is_measure_label",
    "label_identifier",
    "legal_basis",
    "link_kind",
    "list_name",
    "listed_name",
    "measures",
    "name_key",
    "period",
    "place_country",
    "sanctions_type",
    "set_field",
    "span",
    "stream",
    "tonnage",
    "vessel_document",
    "whole_number",
]

#: Every OFAC entity id is this prefix and OFAC's own number for the entry.
ID_PREFIX: Final = "ofac-"
#: The publisher the XML readers name in their sources.
PUBLISHER: Final = "Office of Foreign Assets Control (OFAC)"
#: The list names in ``dataset.metadata["list"]``.
SDN_LIST: Final = "OFAC SDN"
CONSOLIDATED_LIST: Final = "OFAC Consolidated (non-SDN)"

#: OFAC's entry types (``sdnType``, ``entityType``, ``SDN_Type``), lowercased, by class.
KINDS: Final[Mapping[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "vessel": Vessel,
    "aircraft": Aircraft,
}

#: How OFAC writes "there is none" where a country belongs (a vessel flag, an
#: address): an absent value, not an unknown country, and no problem.
NO_COUNTRY: Final = frozenset({"undetermined", "unknown", "none identified", "none", "n/a"})

#: Labels (an XML ``idType``, an enhanced feature) that say what the sanction
#: does rather than what the entity is: they become the designation's measure notes.
MEASURE_LABEL: Final = re.compile(
    r"sanction|directive|executive order|determination|caatsa|prohibited|\beo \d|peesa|"
    r"^(?:listing|effective) date|divestment",
    re.IGNORECASE,
)

#: Labels whose value is one text field of one class of entity, as (class, field).
TEXT_FIELDS: Final[Mapping[str, tuple[type[Entity], str]]] = {
    "Aircraft Tail Number": (Aircraft, "registration"),
    "Aircraft Manufacturer's Serial Number (MSN)": (Aircraft, "serial_number"),
    "Aircraft Model": (Aircraft, "model"),
}

#: Labels whose value is one field of one class of entity, as (class, field, parser);
#: a parser of None keeps the text. The parsers raise ValueError for a bad value.
FIELD_LABELS: Final[Mapping[str, tuple[type[Entity], str, Callable[[str], object] | None]]] = {
    **{label: (cls, field, None) for label, (cls, field) in TEXT_FIELDS.items()},
    "Vessel Call Sign": (Vessel, "call_sign", None),
    "VESSEL TYPE": (Vessel, "vessel_type", None),
    "Vessel Gross Registered Tonnage": (Vessel, "tonnage", lambda text: tonnage(text)),
    "Vessel Year of Build": (Vessel, "build_year", int),
    "Gender": (Person, "gender", lambda text: gender(text)),
}

# Programmes of the non-SDN (consolidated) list whose entries are blocked all
# the same: the "13599 List" of the Government of Iran ("U.S. persons must
# continue to block"). Every other non-SDN programme restricts dealings short
# of blocking (sectoral directives, correspondent accounts, evaders, the PLC).
_BLOCKING_NON_SDN: Final = frozenset({"IRAN"})
_BLOCK: Final = (Measure.ASSET_FREEZE,)
_RESTRICT: Final = (Measure.FINANCIAL_PROHIBITION,)

#: Features of the enhanced and advanced XML that name a country in a role.
COUNTRY_ROLES: Final[Mapping[str, CountryRoleKind]] = {
    "Nationality Country": CountryRoleKind.NATIONALITY,
    "Citizenship Country": CountryRoleKind.CITIZENSHIP,
    "Nationality of Registration": CountryRoleKind.REGISTRATION,
    "Registration Country": CountryRoleKind.REGISTRATION,
}

#: How the parts of an address (their types, in both XML exports) are written, in order;
#: parts of other types follow.
ADDRESS_ORDER: Final = ("ADDRESS1", "ADDRESS2", "ADDRESS3", "CITY", "STATE/PROVINCE", "POSTAL CODE")

# Sanctions types short of blocking that restrict dealings; the text stays a measure note.
_RESTRICTS: Final = re.compile(
    r"directive|sectoral|restriction|non-blocking|cmic|caatsa|reject", re.IGNORECASE
)

_ALIAS_KINDS: Final = {
    "aka": AliasQuality.STRONG,
    "fka": AliasQuality.FORMER,
    # "now known as": the current name, as strong as an a.k.a.
    "nka": AliasQuality.STRONG,
}


def entity_id(number: str) -> str:
    """The sanctionkit id of OFAC's entry ``number``: the same in every export.

    >>> entity_id("36")
    'ofac-36'
    """
    return f"{ID_PREFIX}{number}"


def entity_class(text: str | None) -> type[Entity] | None:
    """The class of an OFAC entry type ("Individual", "vessel"), or None when unknown.

    >>> entity_class("Vessel").__name__, entity_class("Sloop")
    ('Vessel', None)
    """
    return None if text is None else KINDS.get(text.lower())


def list_name(file_name: str, default: str) -> str:
    """Which list a file holds, from its name: the files themselves do not say.

    >>> list_name("cons_prim.csv", SDN_LIST), list_name("data/sdn.xml", "?")
    ('OFAC Consolidated (non-SDN)', 'OFAC SDN')
    """
    stem = Path(file_name).name.lower()
    if stem.startswith("sdn"):
        return SDN_LIST
    if stem.startswith("cons"):
        return CONSOLIDATED_LIST
    return default


def measures(list_name: str, programmes: tuple[str, ...]) -> tuple[Measure, ...]:
    """What a listing does: SDN entries are blocked, most non-SDN ones restricted.

    >>> measures(CONSOLIDATED_LIST, ("UKRAINE-EO13662",))[0].value
    'financial_prohibition'
    """
    if list_name != CONSOLIDATED_LIST or _BLOCKING_NON_SDN.intersection(programmes):
        return _BLOCK
    return _RESTRICT


def alias_quality(kind: str, *, weak: bool = False) -> AliasQuality | None:
    """The quality of an alias of OFAC's type ("a.k.a.", "FKA", "n.k.a."); None if unknown.

    A former name stays former even when OFAC calls it weak.

    >>> alias_quality("A.K.A.", weak=True).value, alias_quality("nka").value
    ('weak', 'strong')
    >>> alias_quality("d/b/a") is None
    True
    """
    quality = _ALIAS_KINDS.get(kind.replace(".", "").strip().lower())
    if quality is None or quality is AliasQuality.FORMER or not weak:
        return quality
    return AliasQuality.WEAK


def full_name(first: str | None, last: str | None) -> str:
    """A name as people read it: first name, then last name ("" when neither is given).

    >>> full_name("Ali", "HASSAN"), full_name(None, "SHONA")
    ('Ali HASSAN', 'SHONA')
    """
    return " ".join(part for part in (first, last) if part)


def listed_name(first: str | None, last: str | None) -> str | None:
    """OFAC's own form of a person's name, "LASTNAME, Firstname", as users search for it.

    >>> listed_name("Ali", "HASSAN"), listed_name(None, "HASSAN")
    ('HASSAN, Ali', None)
    """
    return f"{last}, {first}" if first and last else None


@functools.cache
def is_measure_label(label: str) -> bool:
    """Whether a label says what the sanction does (see :data:`MEASURE_LABEL`), remembered.

    >>> is_measure_label("Effective Date (EO 14024 Directive 2)"), is_measure_label("MMSI")
    (True, False)
    """
    return MEASURE_LABEL.search(label) is not None


def sanctions_type(text: str) -> Measure:
    """What a sanctions type of the XML exports does ("Block", "Sectoral Sanctions ...").

    Anything but "Block" is also worth a measure note with its own words.

    >>> sanctions_type("Block").value, sanctions_type("Directive 4").value
    ('asset_freeze', 'financial_prohibition')
    >>> sanctions_type("Secondary sanctions").value
    'other'
    """
    if text == "Block":
        return Measure.ASSET_FREEZE
    return Measure.FINANCIAL_PROHIBITION if _RESTRICTS.search(text) else Measure.OTHER


def label_identifier(label: str, value: str) -> Identifier | None:
    """The identifier a labelled value is, when the label is one of OFAC's identifiers.

    >>> label_identifier("Cedula No.", "123").scheme.value, label_identifier("Website", "x")
    ('national_id', None)
    """
    if identifier_scheme(label) is None:
        return None
    scheme, kept = identify("ofac", label)
    return Identifier(scheme=scheme, value=value, note=None if kept else label, label=kept)


def address_lines(parts: Mapping[str, str]) -> list[str]:
    """An address's parts by their type, as lines in the order people write them.

    >>> address_lines({"CITY": "Tehran", "ADDRESS1": "Vanak Sq.", "Unknown": "x"})
    ['Vanak Sq.', 'Tehran', 'x']
    """
    lines = [parts[key] for key in ADDRESS_ORDER if key in parts]
    return lines + [value for key, value in parts.items() if key not in ADDRESS_ORDER]


def incorporated(draft: EntityDraft, label: str, date: PartialDate | DateRange | None) -> None:
    """An organisation's date of establishment, the first one given (the others notes).

    A range ("21 Mar 2015 to 19 Mar 2016", an Iranian year) or a second date is
    true, but not one date: a note rather than a problem.
    """
    if isinstance(date, DateRange) or "incorporated" in draft.extra:
        if date is not None:
            draft.note(f"{label}: {date.isoformat()}")
    else:
        draft.extra["incorporated"] = date


def false_feature(draft: EntityDraft, reading: Reading, label: str, shown: str | None) -> None:
    """A value OFAC marks false (a date of birth on forged papers, say).

    Not a fact about the entity, but worth knowing, so a note; and a problem,
    since the model has no place for it.
    """
    draft.note(reading.intern(f"{label} (marked false by OFAC): {shown or ''}"))
    reading.problem(
        "OFAC marks this feature's value false: kept as a note, not as a fact",
        record=draft.label,
        field=label,
        value=shown,
    )


def vessel_document(draft: EntityDraft, reading: Reading, label: str, number: str) -> bool:
    """A vessel's IMO number or MMSI given as an identity document; False for any other.

    The first IMO number is the vessel's; another one (a few vessels have two)
    is kept as an identifier noted "alt. IMO". A bad number is a problem.

    >>> draft = EntityDraft(label="15036", kind=Vessel)
    >>> reading = Reading(file="sdn.xml")
    >>> vessel_document(draft, reading, "Vessel Registration Identification", "IMO 9187629")
    True
    >>> vessel_document(draft, reading, "Vessel Registration Identification", "IMO 9166778")
    True
    >>> draft.extra["imo"], draft.identifiers[0].note
    ('9187629', 'alt. IMO')
    """
    if draft.kind is not Vessel:
        return False
    if label == "Vessel Registration Identification":
        value = reading.imo_number(number, record=draft.label)
        if value is not None and draft.extra.get("imo", value) == value:
            draft.extra["imo"] = value
        elif value is not None:
            draft.identifiers.append(Identifier(scheme="imo", value=value, note="alt. IMO"))
    elif label == "MMSI":
        draft.extra["mmsi"] = reading.mmsi_number(number, record=draft.label)
    else:
        return False
    return True


def set_field(draft: EntityDraft, reading: Reading, label: str, text: str | None) -> bool:
    """Put a labelled value (see :data:`FIELD_LABELS`) in its field of ``draft``.

    False, and nothing done, when the label is no field of the draft's class.
    A bad value is a problem of ``reading`` (for the draft's record, in the
    field named by the label), and the field is left empty.

    >>> draft = EntityDraft(label="15036", kind=Vessel)
    >>> set_field(draft, Reading(file="sdn.xml"), "Vessel Year of Build", "1999"), draft.extra
    (True, {'build_year': 1999})
    >>> set_field(draft, Reading(file="sdn.xml"), "Gender", "Male")
    False
    """
    found = FIELD_LABELS.get(label)
    if found is None or draft.kind is not found[0]:
        return False
    _, field, parse = found
    if field == "gender":
        draft.gender = reading.value(gender, text, record=draft.label, field=label)
    elif parse is None:
        draft.extra[field] = text
    else:
        draft.extra[field] = reading.value(parse, text, record=draft.label, field=label)
    return True


def country(reading: Reading, text: str | None, record: str, field: str) -> Country | None:
    """The country OFAC names in ``text``; None, without a problem, when it says there is none."""
    if text is None or text.lower() in NO_COUNTRY:
        return None
    return reading.country(text, record=record, field=field)


def place_country(place: str) -> Country | None:
    """The country a place of birth ends with, if it names one exactly: never a guess.

    OFAC's own country names hold commas ("Korea, North"), so the last two parts
    are tried before the last one.

    >>> place_country("Pyongyang, Korea, North").alpha2, place_country("Behbahan, Iran").alpha2
    ('KP', 'IR')
    >>> place_country("Khan Younis") is None
    True
    """
    parts = [part.strip() for part in place.split(",")]
    for candidate in (", ".join(parts[-2:]), parts[-1]) if len(parts) > 1 else (parts[0],):
        country = named_country(candidate, codes=False)
        if country is not None:
            return country
    return None


def gender(text: str) -> Gender:
    """OFAC's "Male" or "Female"; raises ValueError for anything else."""
    return Gender(text.lower())


def tonnage(text: str) -> int:
    """A tonnage as OFAC writes it ("1,234"); raises ValueError unless a whole number ≥ 0.

    >>> tonnage("98,700")
    98700
    """
    value = int(text.replace(",", ""))
    if value < 0:
        raise ValueError(f"a tonnage cannot be negative: {text!r}")
    return value


def span(begin: datetime.date, end: datetime.date, approximate: bool) -> PartialDate | DateRange:
    """The partial date that runs from ``begin`` to ``end``, or the range of days if none does.

    OFAC's XML exports give a date as the first and last day it may be:
    1 January to 31 December is a year.

    >>> str(span(datetime.date(1972, 1, 1), datetime.date(1972, 12, 31), False))
    '1972'
    >>> str(span(datetime.date(1972, 3, 1), datetime.date(1972, 3, 31), True))
    '1972-03~'
    """
    if begin == end:
        return PartialDate.from_date(begin, approximate=approximate)
    if begin.day == 1 and begin.year == end.year:
        month = PartialDate(begin.year, begin.month, approximate=approximate)
        if month.latest() == end:
            return month
        year = PartialDate(begin.year, approximate=approximate)
        if begin.month == 1 and year.latest() == end:
            return year
    return DateRange(
        PartialDate.from_date(begin, approximate=approximate),
        PartialDate.from_date(end, approximate=approximate),
    )


def period(
    from_begin: datetime.date | None,
    from_end: datetime.date | None,
    to_begin: datetime.date | None,
    to_end: datetime.date | None,
    *,
    is_range: bool,
    approximate: bool,
) -> PartialDate | DateRange:
    """A date of OFAC's XML exports, given as the days its start and its end may be.

    A single date is the span from the first to the last day it may be ("1972"
    runs from 1 January to 31 December); a range runs from the span of its
    start to the span of its end. Raises ValueError when no bound is given, or
    when a range's ends are no day, month or year.

    >>> day = datetime.date
    >>> year = day(1972, 1, 1), None, None, day(1972, 12, 31)
    >>> str(period(*year, is_range=False, approximate=True))
    '1972~'
    >>> years = day(1970, 1, 1), day(1970, 12, 31), day(1972, 1, 1), day(1972, 12, 31)
    >>> str(period(*years, is_range=True, approximate=False))
    '1970/1972'
    """
    if is_range and from_begin and from_end and to_begin and to_end:
        start = span(from_begin, from_end, approximate)
        end = span(to_begin, to_end, approximate)
        if isinstance(start, PartialDate) and isinstance(end, PartialDate):
            return start if start == end else DateRange(start, end)
        raise ValueError("a range whose ends are not dates of a day, month or year")
    first = from_begin or to_begin
    last = to_end or from_end or first
    if first is None or last is None:
        raise ValueError("a date without fromDateBegin or toDateEnd")
    return span(first, last, approximate)


@functools.cache
def legal_basis(text: str) -> LegalBasis:
    """OFAC's legal authority, typed; remembered, as a few authorities recur in every entry.

    >>> str(legal_basis("Executive Order 13224 (Terrorism)"))
    'Executive Order 13224'
    >>> legal_basis("31 CFR 594.201(a)(5)").kind.value, legal_basis("CISADA").kind.value
    ('regulation', 'national_act')
    """
    order = re.match(r"Executive Order (\d+)\b", text)
    if order:
        return LegalBasis(kind=LegalBasisKind.EXECUTIVE_ORDER, number=order[1], title=text)
    if re.match(r"\d+ CFR\b", text):
        return LegalBasis(kind=LegalBasisKind.REGULATION, title=text)
    if "General License" in text:
        return LegalBasis(kind=LegalBasisKind.OTHER, title=text)
    return LegalBasis(kind=LegalBasisKind.NATIONAL_ACT, title=text)


def element_text(element: ET.Element | None) -> str | None:
    """An element's text without surrounding blanks, or None when it has none."""
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


class LocalNames(dict[str, str]):
    """``{namespace}name`` → ``name``, computed once per tag: a dict lookup per element."""

    def __missing__(self, tag: str) -> str:
        name = self[tag] = local_name(tag)
        return name


@attrs.define
class Entry:
    """One entry of an OFAC XML export while it is read: its draft and its designation's parts.

    The classic and the enhanced XML gather the same things from an entry (notes,
    countries in roles, a vessel's former flags and names, the measure notes) and
    build it the same way; each reader's entry adds what only its layout has.
    Equal values are interned (:meth:`~sanctionkit.formats._reading.Reading.intern`):
    the same "IRAN" and "Tehran" recur across thousands of entries.

    >>> entry = Entry(Reading(file="sdn.xml"), "15036", Vessel)
    >>> entry.draft.name = "SHONA"
    >>> entry.past_flag(entry.country("Malta", "Former Vessel Flag"))
    >>> entry.note("vesselOwner", "SHONA SHIPPING")
    >>> ship = entry.build("ofac-15036", ())
    >>> [flag.alpha2 for flag in ship.past_flags], ship.notes
    (['MT'], ('vesselOwner: SHONA SHIPPING',))
    """

    reading: Reading
    uid: str
    kind: type[Entity]
    draft: EntityDraft = attrs.field(init=False)
    programmes: list[str] = attrs.Factory(list)
    measure_notes: list[str] = attrs.Factory(list)
    past_flags: list[Country] = attrs.Factory(list)
    past_names: list[str] = attrs.Factory(list)
    #: The links to other entries this entry states by name, as (words, name): see :class:`Links`.
    links: list[tuple[str, str]] = attrs.Factory(list)

    def __attrs_post_init__(self) -> None:
        self.draft = EntityDraft(label=self.uid, kind=self.kind)

    def text(self, element: ET.Element | None) -> str | None:
        """An element's text (see :func:`element_text`), interned."""
        text = element_text(element)
        return None if text is None else self.reading.intern(text)

    def note(self, label: str, text: str | None) -> None:
        """A note "label: text", unless there is no text."""
        if text is not None:
            self.draft.notes.append(self.reading.intern(f"{label}: {text}"))

    def link(self, words: str, name: str | None) -> None:
        """A link to the entry named ``name`` (OFAC's ``words`` for it), unless no name."""
        if name:
            self.links.append((words, name))

    def held(self, links: Links, entity_id: str, *names: str | None) -> None:
        """This entry kept as ``entity_id`` with its primary ``names``, and its links stated."""
        links.held(entity_id, *names)
        for words, name in self.links:
            links.by_name(entity_id, self.uid, words, name)

    def role(self, country: Country | None, role: CountryRoleKind) -> None:
        """A country in a role, once; nothing for no country."""
        if country is not None:
            self.draft.role(self.reading.country_role(country, role))

    def country(self, text: str | None, field: str) -> Country | None:
        """The country a field of this entry names (see :func:`country`)."""
        return country(self.reading, text, self.uid, field)

    def past_flag(self, flag: Country | None) -> None:
        """A vessel's former flag, once."""
        if flag is not None and flag not in self.past_flags:
            self.past_flags.append(flag)

    def address(self, lines: list[str], city: str | None, country: Country | None) -> None:
        """An address of ``lines``; its country is where an entity other than a person is."""
        city = None if city is None else self.reading.intern(city)
        address = Address(full=", ".join(lines), city=city, country=country)
        self.draft.addresses.append(self.reading.intern(address))
        if self.kind is not Person:
            self.role(country, CountryRoleKind.LOCATION)

    def birth_place(self, text: str) -> None:
        """A person's place of birth, with the country it ends with (see :func:`place_country`)."""
        place = Address(full=text, country=place_country(text))
        self.draft.birth_places.append(self.reading.intern(place))

    def build(self, entity_id: str, sources: tuple[Source, ...]) -> Entity | None:
        """The entity (a vessel with its former flags and names), or None when rejected."""
        draft = self.draft
        draft.id, draft.sources = entity_id, sources
        if self.kind is Vessel:
            draft.extra["past_flags"] = tuple(self.past_flags)
            draft.extra["past_names"] = tuple(self.past_names)
        return draft.build(self.reading)

    def designation(
        self,
        entity_id: str,
        measures: tuple[Measure, ...],
        sources: tuple[Source, ...],
        **more: Any,
    ) -> Designation:
        """OFAC's designation of this entry: its programmes and measure notes, and ``more``."""
        intern = self.reading.intern
        return Designation(
            entity_id=entity_id,
            authority=ofac(),
            authority_ref=self.uid,
            programmes=intern(tuple(self.programmes)),
            measures=measures,
            measure_notes=intern(tuple(self.measure_notes)),
            sources=sources,
            **more,
        )


def entry_class(reading: Reading, text: str | None, *, record: str, field: str) -> type[Entity]:
    """The class of an entry's type; an organisation, with a problem, when it is unknown.

    >>> reading = Reading(file="sdn.xml")
    >>> entry_class(reading, "Sloop", record="1", field="sdnType").__name__
    'Organization'
    >>> reading.problems[0].message
    'unknown sdnType: read as an organisation'
    """
    kind = entity_class(text)
    if kind is None:
        message = f"unknown {field}: read as an organisation"
        reading.problem(message, record=record, field=field, value=text)
        kind = Organization
    return kind


def stream(
    source: str | Path | IO[bytes],
    reading: Reading,
    add: Callable[[ET.Element | None, ET.Element], None],
    *,
    record: str,
    containers: tuple[str, ...],
    beside: tuple[str, ...] = (),
) -> ET.Element | None:
    """Stream an OFAC XML export: ``add(root, element)`` for each ``record`` element.

    The root comes first (its header children grow as the file is read); it is
    returned, or None when the file has none. See
    :func:`~sanctionkit.formats._xml.iter_records`: no DTD, one entry in memory at a time.
    """
    root: ET.Element | None = None
    records = iter_records(
        source, record, reading.file, containers=containers, beside=beside, reading=reading
    )
    for kind, element in records:
        if kind == "root":
            root = element
        else:
            add(root, element)
    return root


def check_root(reading: Reading, root: ET.Element | None, expected: str) -> None:
    """A problem unless the document's root element is ``expected`` (in any namespace)."""
    if root is None or local_name(root.tag) != expected:
        found = "nothing" if root is None else f"<{local_name(root.tag)}>"
        reading.problem(f"expected an OFAC <{expected}> document, found {found}")


#: OFAC's words for a vessel's owner (the classic ``vesselOwner``, the CSV's ``Vess_owner``,
#: the enhanced feature) and an aircraft's operator (an ``idType``, a remark, a feature).
OWNER_WORDS: Final = "Vessel Owner"
OPERATOR_WORDS: Final = "Aircraft Operator"
#: The counts of links in ``dataset.metadata``: read = returned (as relationships) +
#: unresolved; a link stated twice (the same words, the same two entries) counts once.
LINK_COUNTS: Final = ("relationships_read", "relationships_returned", "relationships_unresolved")


def link_kind(words: str) -> RelationshipKind:
    """The kind of relationship OFAC's words for a link state.

    An owner owns the subject; OFAC's relation types ("Owned or Controlled By",
    "Acting for or on behalf of") mean what the advanced XML reader reads them as;
    "Linked To", an operator (the model has no operator kind) and any other
    words are ``linked_to``, the words kept in the relationship's note.

    >>> link_kind("Vessel Owner").value, link_kind("Linked To").value
    ('owned_or_controlled_by', 'linked_to')
    >>> link_kind("Acting for or on behalf of").value, link_kind("Aircraft Operator").value
    ('acting_for', 'linked_to')
    """
    if words == OWNER_WORDS:
        return RelationshipKind.OWNED_OR_CONTROLLED_BY
    # That module imports this one: imported here, once this one is complete.
    from sanctionkit.formats._ofac_advanced_parts import relationship_kind

    return relationship_kind(words)


def name_key(name: str) -> str:
    """A name as links are matched against primary names: blanks collapsed, any case,
    without closing full stops (a remark's last stop cannot be told from "S.A.").

    >>> name_key(" Agropecuaria La Robleda  S.A.") == name_key("AGROPECUARIA LA ROBLEDA S.A")
    True
    """
    return " ".join(name.split()).rstrip(".").casefold()


@attrs.frozen
class _Link:
    """One link an entry states: to a name (``name``) or to an entry's number (``target``)."""

    subject_id: str
    record: str
    words: str
    name: str | None = None
    target: str | None = None
    #: The export's own reference of the link (the enhanced XML's relationship id).
    ref: str | None = None

    @property
    def note(self) -> str:
        return self.words if self.ref is None else f"{self.words} (relationship {self.ref})"


@attrs.define
class Links:
    """The links a file's entries state to other entries, made relationships once it is read.

    OFAC's classic exports name the other entry: "Linked To: NAME." in the
    remarks, a vessel's owner, an aircraft's operator. A name becomes a
    :class:`~sanctionkit.Relationship` only when exactly one entry of the same
    file has it as its primary name (see :func:`name_key`; a person's primary
    name also in OFAC's "LAST, First"): aliases do not count, as OFAC writes
    the primary name. The enhanced XML gives the other entry's number, which
    the file must hold. The target may come later in the file, so nothing is
    resolved before :meth:`finish`. A link that does not resolve stays what it
    was (a note of its entry) and is a problem, one per name or number it
    names, not one per link: the consolidated list links to SDN entries that
    are not in it. An export filtered by programme (its metadata names its
    ``programmes``) cannot hold every entry its entries point to, so there an
    entry number it does not hold is no problem: the note keeps the link and
    the count says how many. ``dataset.metadata`` counts them (:data:`LINK_COUNTS`);
    a link stated twice is one relationship, and is counted once.

    >>> from sanctionkit.formats._reading import Reading
    >>> links = Links()
    >>> links.held("ofac-1", "NATIONAL IRANIAN TANKER COMPANY")
    >>> links.held("ofac-2", "SHONA")
    >>> links.by_name("ofac-2", "2", "Linked To", "National Iranian Tanker Company.")
    >>> links.by_name("ofac-2", "2", "Vessel Owner", "NITC")
    >>> found, counts = links.resolve(Reading(file="cons_prim.csv"))
    >>> [(link.subject_id, link.kind.value, link.object_id) for link in found]
    [('ofac-2', 'linked_to', 'ofac-1')]
    >>> counts
    {'relationships_read': 2, 'relationships_returned': 1, 'relationships_unresolved': 1}
    """

    source: Source | None = None
    _names: dict[str, list[str]] = attrs.Factory(dict)
    _held: set[str] = attrs.Factory(set)
    _pending: list[_Link] = attrs.Factory(list)

    def held(self, entity_id: str, *names: str | None) -> None:
        """An entity the file keeps, by its primary names (a person's listed form too)."""
        self._held.add(entity_id)
        for name in names:
            if name:
                ids = self._names.setdefault(name_key(name), [])
                if entity_id not in ids:  # a name and its listed form may be one key
                    ids.append(entity_id)

    def by_name(self, subject_id: str, record: str, words: str, name: str | None) -> None:
        """A link of ``subject_id`` (OFAC's ``record``) to the entry named ``name``."""
        if name and name.strip():
            self._pending.append(_Link(subject_id, record, words, name=name.strip()))

    def by_id(self, subject_id: str, record: str, words: str, number: str, ref: str | None) -> None:
        """A link of ``subject_id`` to OFAC's entry ``number`` (its uid), as ``ref`` says."""
        self._pending.append(_Link(subject_id, record, words, target=number, ref=ref))

    def resolve(self, reading: Reading) -> tuple[list[Relationship], dict[str, int]]:
        """The links that resolve as relationships (each once), and the counts.

        Each name or number that does not resolve is one problem of ``reading``.
        """
        found, counts = self._resolve(reading)
        return list(found), counts

    def _resolve(
        self, reading: Reading, *, filtered: bool = False
    ) -> tuple[dict[Relationship, str], dict[str, int]]:
        """Each relationship made, with the words of its link; and the counts.

        A link stated twice (the same words, the same entry) counts once. In a
        ``filtered`` export a number the file does not hold is counted, not reported.
        """
        found: dict[Relationship, str] = {}
        # (why, words, name or number) -> its first writing, and the records that state it.
        missed: dict[tuple[str, str, str], tuple[str, dict[str, None]]] = {}
        for link in self._pending:
            object_id, why = self._target(link)
            if object_id is None or object_id == link.subject_id:
                shown = link.name or entity_id(link.target or "")
                key = (why or "itself", link.words, name_key(shown))
                missed.setdefault(key, (shown, {}))[1][link.record] = None
                continue
            relationship = Relationship(
                subject_id=link.subject_id,
                object_id=object_id,
                kind=link_kind(link.words),
                note=reading.intern(link.note),
                source=self.source,
            )
            found.setdefault(relationship, link.words)
        for (why, words, _), (shown, records) in missed.items():
            if not (filtered and why == "missing"):
                _unresolved(reading, why, words, shown, list(records))
        unresolved = sum(len(records) for _, records in missed.values())
        numbers = (len(found) + unresolved, len(found), unresolved)
        return found, dict(zip(LINK_COUNTS, numbers, strict=True))

    def _target(self, link: _Link) -> tuple[str | None, str | None]:
        """The entity id a link resolves to, or None and why not."""
        if link.target is not None:
            target = entity_id(link.target)
            return (target, None) if target in self._held else (None, "missing")
        ids = self._names.get(name_key(link.name or ""), [])
        if len(ids) == 1:
            return ids[0], None
        return None, "ambiguous" if ids else "absent"

    def finish(
        self, reading: Reading, metadata: Mapping[str, str | int], extra: Iterable[Problem] = ()
    ) -> Dataset:
        """The dataset of ``reading``, with the links that resolve as its relationships.

        A vessel's owner and a vessel's or an aircraft's operator that resolve
        also fill its ``owner_id`` / ``operator_id``, when it has none yet and the
        link is the only one of its kind.
        """
        found, counts = self._resolve(reading, filtered="programmes" in metadata)
        _attach(reading.entities, found)
        dataset = reading.dataset({**metadata, **counts}, extra=extra)
        return attrs.evolve(dataset, relationships=list(found))


# Why a link did not resolve: its problem's code and what the message says of it.
_UNRESOLVED: Final = {
    "absent": (
        "link-not-in-file",
        "to a name that is no entry's primary name in this file (aliases do not count): kept "
        "as a note, not as a relationship; expected where the other entry is on another OFAC "
        "list (the consolidated list links to SDN entries) or where a remark is cut short",
    ),
    "missing": (
        "link-not-in-file",
        "to an entry this file does not hold: kept as a note, not as a relationship; expected "
        "in an export filtered by programme, and where the other entry is on another OFAC list",
    ),
    "ambiguous": (
        "ambiguous-link",
        "to the primary name of several entries of this file: kept as a note, not as a "
        "relationship",
    ),
    "itself": ("link-not-in-file", "to its own entry: kept as a note, not as a relationship"),
}


def _unresolved(reading: Reading, why: str, words: str, shown: str, records: list[str]) -> None:
    """One problem for every link of ``words`` to ``shown`` that did not resolve."""
    code, what = _UNRESOLVED[why]
    links = "1 link" if len(records) == 1 else f"{len(records)} links"
    message = f"{links} ({words}) {what}"
    reading.problem(message, record=records[0], field=words, value=shown, code=code)


# Link words that fill a field of the subject, as (classes, field).
_LINK_FIELDS: Final[Mapping[str, tuple[tuple[type[Entity], ...], str]]] = {
    OWNER_WORDS: ((Vessel,), "owner_id"),
    OPERATOR_WORDS: ((Vessel, Aircraft), "operator_id"),
}


def _attach(entities: list[Entity], found: Mapping[Relationship, str]) -> None:
    """Fill the owner_id / operator_id fields that resolved links give (see Links.finish)."""
    targets: dict[tuple[str, str], list[str]] = {}
    for link, words in found.items():
        if words in _LINK_FIELDS:
            targets.setdefault((link.subject_id, words), []).append(link.object_id)
    if not targets:
        return
    for index, entity in enumerate(entities):
        for words, (classes, field) in _LINK_FIELDS.items():
            given = targets.get((entity.id, words), [])
            if isinstance(entity, classes) and len(given) == 1 and not getattr(entity, field):
                entity = entities[index] = attrs.evolve(entity, **{field: given[0]})
