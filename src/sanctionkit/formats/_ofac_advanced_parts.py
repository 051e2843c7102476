"""The mapping of OFAC's advanced XML: reference values, dates, names, features, listings.

:mod:`sanctionkit.formats.ofac_advanced` walks the file; this module says what
each element becomes. Labels are OFAC's own (the reference values' text), so
the same fact maps as in the enhanced XML reader (``ofac_enhanced``).
"""

from __future__ import annotations

import calendar
import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

import attrs

from sanctionkit.formats._ofac import ID_PREFIX, address_lines, legal_basis, sanctions_type
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._xml import local_name
from sanctionkit.model import (
    Address,
    Authority,
    Designation,
    LegalBasis,
    Measure,
    Source,
)
from sanctionkit.model.relationships import RelationshipKind
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = [
    "FAMILY_PARTS",
    "NAMESPACE",
    "SCRIPTS",
    "Listing",
    "References",
    "child",
    "children",
    "date_period",
    "location",
    "relationship_kind",
    "text_of",
]

NAMESPACE = "http://www.un.org/sanctions/1.0"

# OFAC's RelationType values, and what each says of the From profile about the To profile.
_RELATIONS = {
    "Owned or Controlled By": RelationshipKind.OWNED_OR_CONTROLLED_BY,
    "Acting for or on behalf of": RelationshipKind.ACTING_FOR,
    "Leader or official of": RelationshipKind.LEADER_OF,
    "Principal Executive Officer": RelationshipKind.LEADER_OF,
    "Providing support to": RelationshipKind.SUPPORTS,
    "Family member of": RelationshipKind.FAMILY_MEMBER_OF,
    "Associate Of": RelationshipKind.ASSOCIATE_OF,
}

# NamePartType values that are a person's family name: written last, and first in
# the list's own "LAST, First" form.
FAMILY_PARTS = frozenset({"Last Name", "Maiden Name"})

# Script values' ScriptCode as ISO 15924 (None: Latin, which is no alias's mark).
SCRIPTS = {
    "Latin": None,
    "Arabic": "Arab",
    "Cyrillic": "Cyrl",
    "Chinese Simplified": "Hans",
    "Chinese Traditional": "Hant",
    "Korean": "Kore",
    "Hebrew": "Hebr",
    "Greek": "Grek",
}


def relationship_kind(label: str | None) -> RelationshipKind:
    """The kind of an OFAC RelationType; any other is LINKED_TO, its words kept in the note.

    >>> relationship_kind("Owned or Controlled By").value, relationship_kind("Linked To").value
    ('owned_or_controlled_by', 'linked_to')
    """
    return _RELATIONS.get(label or "", RelationshipKind.LINKED_TO)


def text_of(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def children(element: ET.Element, name: str) -> Iterable[ET.Element]:
    return (child for child in element if local_name(child.tag) == name)


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    return None if element is None else next(iter(children(element, name)), None)


class References:
    """The ``ReferenceValueSets``: every value by its kind and ID, read once."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.values: dict[tuple[str, str], ET.Element] = {}
        self._countries: dict[str, Country | None] = {}
        self._shared: dict[Any, Any] = {}

    def read_head(self, root: ET.Element) -> PartialDate | None:
        """Read DateOfIssue and the reference values, then take them out of the tree."""
        published = None
        for child in list(root):
            tag = local_name(child.tag)
            if tag == "DateOfIssue":
                published = entry_date(child, self.reading, "DateOfIssue")
            elif tag == "ReferenceValueSets":
                for value_set in child:
                    for value in value_set:
                        key = (local_name(value.tag), value.get("ID") or "")
                        self.values[key] = value
            else:
                continue
            root.remove(child)
        return published

    def get(self, kind: str, ref: str | None) -> ET.Element | None:
        return None if ref is None else self.values.get((kind, ref))

    def text(self, value: ET.Element | None) -> str | None:
        return None if value is None else self.share(text_of(value))

    @staticmethod
    def attribute(value: ET.Element | None, name: str) -> str | None:
        return None if value is None else value.get(name)

    def label(self, kind: str, ref: str | None) -> str | None:
        return self.text(self.get(kind, ref))

    def share(self, value: Any) -> Any:
        return self._shared.setdefault(value, value)

    def country(self, ref: str | None, record: str | None, field: str) -> Country | None:
        """The country of a CountryValues ID, by its ISO code; None for "undetermined"."""
        if ref is None:
            return None
        if ref not in self._countries:
            value = self.get("Country", ref)
            code = self.attribute(value, "ISO2")
            found = None
            if code:
                found = self.reading.country(code, record=record, field=field, codes=True)
            elif value is None:
                self.reading.problem(
                    "a country ID the reference values do not hold",
                    record=record,
                    field=field,
                    value=ref,
                    code="unknown-country",
                )
            self._countries[ref] = found
        return self._countries[ref]


def location(element: ET.Element, refs: References) -> tuple[Address | None, Country | None]:
    """A Location as an address (None when it names only a country) and its country."""
    country = None
    for item in children(element, "LocationCountry"):
        country = refs.country(item.get("CountryID"), element.get("ID"), "LocationCountry")
    found: dict[str, str] = {}
    for part in children(element, "LocationPart"):
        kind = refs.label("LocPartType", part.get("LocPartTypeID")) or "Unknown"
        values = list(children(part, "LocationPartValue"))
        primary = [v for v in values if v.get("Primary") == "true"] or values
        text = text_of(child(primary[0], "Value")) if primary else None
        if text is not None and kind not in found:
            found[kind] = text
    lines = address_lines(found)
    if not lines:
        return None, country
    if country is not None:
        country_element = refs.get("Country", _country_ref(element))
        lines.append(refs.text(country_element) or country.name)
    city = found.get("CITY")
    address = Address(full=", ".join(lines), city=city and refs.share(city), country=country)
    return refs.share(address), country


def _country_ref(element: ET.Element) -> str | None:
    item = child(element, "LocationCountry")
    return None if item is None else item.get("CountryID")


# --- dates ------------------------------------------------------------------------------


def entry_date(element: ET.Element, reading: Reading, field: str) -> PartialDate | None:
    """A ``Date`` (or ``DateOfIssue``, ``From``, ``To``): Year, Month and Day elements."""
    parts = [text_of(child(element, name)) for name in ("Year", "Month", "Day")]
    try:
        year, month, day = (None if part is None else int(part) for part in parts)
        if year is None:
            raise ValueError("a date without a year")
        return PartialDate(year, month, day if month is not None else None)
    except ValueError as error:
        shown = "-".join(part or "?" for part in parts)
        reading.problem(f"not a date: {error}", field=field, value=shown, code="invalid-date")
        return None


def _day(element: ET.Element | None, reading: Reading, field: str) -> datetime.date | None:
    if element is None:
        return None
    date = entry_date(element, reading, field)
    return None if date is None else date.earliest()


def _partial(begin: datetime.date, end: datetime.date, approximate: bool) -> PartialDate | None:
    """The one day, month or year that runs from ``begin`` to ``end``, if there is one."""
    if begin == end:
        return PartialDate.from_date(begin, approximate=approximate)
    last_day = calendar.monthrange(end.year, end.month)[1]
    if begin.day != 1 or end.day != last_day:
        return None
    if (begin.year, begin.month) == (end.year, end.month):
        return PartialDate(begin.year, begin.month, approximate=approximate)
    if begin.year == end.year and begin.month == 1 and end.month == 12:
        return PartialDate(begin.year, approximate=approximate)
    return None


def period(begin: datetime.date, end: datetime.date, approximate: bool) -> PartialDate | DateRange:
    """From ``begin`` to ``end``: one partial date if they make one, else a range.

    A range keeps the precision its ends share: whole years ("1960 to 1962"),
    whole months, or days.

    >>> d = datetime.date
    >>> period(d(1962, 1, 1), d(1962, 12, 31), False).isoformat()
    '1962'
    >>> period(d(1960, 1, 1), d(1962, 12, 31), False).isoformat()
    '1960/1962'
    """
    whole = _partial(begin, end, approximate)
    if whole is not None:
        return whole
    if (begin.month, begin.day, end.month, end.day) == (1, 1, 12, 31):
        start = PartialDate(begin.year, approximate=approximate)
        return DateRange(start, PartialDate(end.year, approximate=approximate))
    last_day = calendar.monthrange(end.year, end.month)[1]
    if begin.day == 1 and end.day == last_day:
        start = PartialDate(begin.year, begin.month, approximate=approximate)
        return DateRange(start, PartialDate(end.year, end.month, approximate=approximate))
    return DateRange(
        PartialDate.from_date(begin, approximate=approximate),
        PartialDate.from_date(end, approximate=approximate),
    )


def date_period(
    element: ET.Element, reading: Reading, field: str
) -> PartialDate | DateRange | None:
    """A ``DatePeriod`` as a partial date or a range.

    ``Start`` and ``End`` each hold a ``From`` and a ``To``: when each is sure
    (From = To), the period runs from the start to the end ("1962" runs from
    1 January to 31 December); when they are not, it is the range from the
    start's span to the end's span. Approximate when either end says so.
    """
    start, end = child(element, "Start"), child(element, "End")
    bounds = [
        _day(child(edge, name), reading, field) for edge in (start, end) for name in ("From", "To")
    ]
    approximate = any(
        edge is not None and edge.get("Approximate") == "true" for edge in (start, end)
    )
    start_from, start_to, end_from, end_to = bounds
    first, last = start_from or end_from, end_to or start_to
    if first is None or last is None:
        if any(bounds):
            reading.problem("a date period without a start or an end", field=field)
        return None
    sure = start_from in (None, start_to) and end_from in (None, end_to)
    if sure or start_to is None or end_from is None:
        return period(first, last, approximate)
    early, late = period(first, start_to, approximate), period(end_from, last, approximate)
    if isinstance(early, PartialDate) and isinstance(late, PartialDate):
        return early if early == late else DateRange(early, late)
    return DateRange(PartialDate.from_date(first), PartialDate.from_date(last))


# --- the listing --------------------------------------------------------------------------


@attrs.define
class Listing:
    """What the sanctions entries of one party say: one designation by OFAC."""

    measure_notes: list[str] = attrs.Factory(list)
    listed: list[PartialDate] = attrs.Factory(list)
    programmes: list[str] = attrs.Factory(list)
    measures: list[Measure] = attrs.Factory(list)
    legal_basis: list[LegalBasis] = attrs.Factory(list)

    def add_entry(self, entry: ET.Element, refs: References) -> None:
        """One SanctionsEntry: its list, listing date, legal basis and measures."""
        dates = []
        for event in children(entry, "EntryEvent"):
            date_element = child(event, "Date")
            if date_element is not None:
                date = entry_date(date_element, refs.reading, "EntryEvent/Date")
                if date is not None:
                    dates.append(date)
            basis = refs.get("LegalBasis", event.get("LegalBasisID"))
            text = refs.attribute(basis, "LegalBasisShortRef") or refs.text(basis)
            if text and text != "Unknown":
                self._add(self.legal_basis, legal_basis(text))
        self.listed.extend(dates)
        list_name = refs.label("List", entry.get("ListID"))
        if list_name is not None and list_name != "SDN List":
            since = f" since {min(dates).isoformat()}" if dates else ""
            self._add(self.measure_notes, refs.share(f"on the {list_name}{since}"))
        for measure in children(entry, "SanctionsMeasure"):
            self._measure(refs.label("SanctionsType", measure.get("SanctionsTypeID")), measure)

    def _measure(self, kind: str | None, element: ET.Element) -> None:
        if kind == "Program":
            programme = text_of(child(element, "Comment"))
            if programme is not None:
                self._add(self.programmes, programme)
        elif kind is not None:
            measure = sanctions_type(kind)
            self._add(self.measures, measure)
            if measure is not Measure.ASSET_FREEZE:
                self._add(self.measure_notes, f"sanctions type: {kind}")

    @staticmethod
    def _add(values: list[Any], value: Any) -> None:
        if value not in values:
            values.append(value)

    def designation(
        self, entity_id: str, authority: Authority, sources: tuple[Source, ...]
    ) -> Designation:
        return Designation(
            entity_id=entity_id,
            authority=authority,
            authority_ref=entity_id.removeprefix(ID_PREFIX),
            # Listed on several lists: the earliest is when OFAC first listed it.
            listed=min(self.listed) if self.listed else None,
            programmes=tuple(self.programmes),
            measures=tuple(self.measures),
            measure_notes=tuple(self.measure_notes),
            legal_basis=tuple(self.legal_basis),
            sources=sources,
        )
