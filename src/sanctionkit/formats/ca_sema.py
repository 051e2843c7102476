"""Canada's Consolidated Autonomous Sanctions List, as XML (root element ``data-set``).

One flat ``record`` per listing under the Special Economic Measures Act (SEMA) and the
Justice for Victims of Corrupt Foreign Officials Act: the regime in ``Country``, the
listing's place in its regulations in ``Schedule`` and ``Item``, a person's ``LastName``
and ``GivenName`` or an organisation's or ship's ``EntityOrShip``. Both layouts Canada has
used are read (files before March 2025 name three elements differently). What becomes
what, and the quirks of the real files, are on the documentation page "Canada SEMA XML".

>>> import io
>>> xml = '''<data-set><record><Country>Russia / Russie</Country>
... <EntityOrShip>Musa Jalil</EntityOrShip><TitleOrShip>General Cargo</TitleOrShip>
... <ShipIMONumber>8846814</ShipIMONumber>
... <DateOfBirthOrShipBuildDate>1989</DateOfBirthOrShipBuildDate>
... <Schedule>1.1</Schedule><Item>2</Item><DateOfListing>2025-02-21</DateOfListing>
... </record></data-set>'''
>>> ds = read(io.BytesIO(xml.encode()), name="sema-lmes.xml")
>>> ship = ds.get("ca-russia-1.1-2")
>>> ship.name, ship.imo, ship.build_year, ship.vessel_type
('Musa Jalil', '8846814', 1989, 'General Cargo')
>>> designation = ds.designations[0]
>>> designation.authority_ref, designation.programmes, designation.listed.isoformat()
('Schedule 1.1, item 2', ('Russia / Russie',), '2025-02-21')
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Final

import attrs

from sanctionkit.formats._authorities import canada
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._text import clean, script
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.model import (
    Alias,
    Dataset,
    Designation,
    Identifier,
    LegalBasis,
    LegalBasisKind,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.dates import PartialDate

__all__ = ["FORMAT", "LIST_NAME", "read", "regime_slug", "sniff", "split_aliases"]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "ca-sema-xml"
#: The list's name in the dataset's metadata.
LIST_NAME = "Consolidated Canadian Autonomous Sanctions List"

_ROOT = "data-set"
_RECORD = "record"
_PUBLISHER = "Global Affairs Canada"
_URL = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/"
    "international_relations-relations_internationales/sanctions/sema-lmes.xml"
)
# The elements of a record, each with the field it is (its name in the 2025 layout) and what
# it becomes. The older layout (until March 2025) wrote three fields under other names.
_ELEMENTS: Final = {
    "Country": "Country",  # the regime: the programme, and the id
    "Schedule": "Schedule",  # the place in the regulations: the reference, and the id
    "Item": "Item",
    "DateOfListing": "DateOfListing",  # the designation's listing date (from late 2024)
    "LastName": "LastName",  # with GivenName, a person's name
    "GivenName": "GivenName",
    "EntityOrShip": "EntityOrShip",  # an organisation's or a ship's name
    "Entity": "EntityOrShip",
    "TitleOrShip": "TitleOrShip",  # a person's position, a ship's type, or a note
    "Title": "TitleOrShip",
    "DateOfBirthOrShipBuildDate": "DateOfBirthOrShipBuildDate",  # birth date or build year
    "DateOfBirth": "DateOfBirthOrShipBuildDate",
    "ShipIMONumber": "ShipIMONumber",
    "Aliases": "Aliases",  # the aliases, split by split_aliases
}
_FIELDS = frozenset(_ELEMENTS.values())
_RENAMED = frozenset(field for tag, field in _ELEMENTS.items() if tag != field)
# Field names that show a ``data-set`` file is this list, in its first bytes.
_SNIFF_FIELDS = tuple(
    f"<{tag}>".encode()
    for tag in ("Country", "Schedule", "Item", "EntityOrShip", "Entity", "LastName")
)

# Regimes (by the English half of Country) and schedules that list ships only:
# the Russia regulations' Schedule 1.1. Its records are vessels even when the
# file gives no IMO number or ship type for them.
_SHIP_SCHEDULES = frozenset({("russia", "1.1")})

_SEMA = (
    LegalBasis(kind=LegalBasisKind.NATIONAL_ACT, title="Special Economic Measures Act", year=1992),
)
_JVCFOA = (
    LegalBasis(
        kind=LegalBasisKind.NATIONAL_ACT,
        title="Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law)",
        year=2017,
    ),
)

# The languages the list labels names with ("Russian: Александр ..."), by the label.
_LANGUAGES = {
    "belarussian": "be",
    "belarusian": "be",
    "russian": "ru",
    "ukrainian": "uk",
    "arabic": "ar",
    "persian": "fa",
    "farsi": "fa",
    "hebrew": "he",
    "chinese": "zh",
}
# A label as the list writes it, capitalised: "Russian:" (the colon is what makes it one).
_LANGUAGE_LABEL = re.compile(rf"\b({'|'.join(map(str.capitalize, _LANGUAGES))})\s*:\s*")
# Between aliases: ";" and "," (the list uses both), " or " (also Russian "или") and " / ".
_ALIAS_SEPARATOR = re.compile(r"\s*[;,]\s*|\s+(?:or|или)\s+|\s+/\s+")
# Words before an alias that are no part of it: "or", "also" ("also Andrey ..."), and "and"
# after the comma before the last alias of a series ("СКТБ РТ, and ...").
_LEADING_WORD = re.compile(r"^(?:or|или|also|and)\s+")
# Legal forms the list writes after a comma ("Интеррос Инвест, МК"): part of the name before.
_LEGAL_FORMS = frozenset(
    {
        *("АО", "ООО", "ОАО", "ПАО", "ЗАО", "САО", "МК", "ФГУП"),
        *("AO", "OOO", "OAO", "PAO", "ZAO", "LLC", "JSC", "PJSC", "OJSC", "CJSC", "FSUE"),
        *("Ltd", "Ltd.", "Inc", "Inc.", "Co.", "LLP", "SC", "GmbH", "SARL"),
    }
)
_ALSO_KNOWN_AS = re.compile(r"\s*\(\s*also known as\s+(.+?)\)?\s*$", re.IGNORECASE)
_SLASH = re.compile(r"/")
_ALTERNATIVES = re.compile(r"\s+or\s+", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_ACRONYM = re.compile(r"\(([A-Z]{3,})\)")
_SLUG = re.compile(r"[^a-z0-9.]+")


def sniff(head: bytes) -> bool:
    """Whether a file starting with ``head`` is Canada's consolidated list.

    The root element ``data-set`` is a generic name, so once the first record
    has started, one of the list's own field names must be there too.

    >>> sniff(b'<?xml version="1.0"?><data-set><record><Country>Iran</Country>')
    True
    >>> sniff(b'<data-set><record><name>x</name></record></data-set>')
    False
    """
    if xml_root_name(head) != _ROOT:
        return False
    return b"<record" not in head or any(field in head for field in _SNIFF_FIELDS)


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read Canada's consolidated list: every record, with its designation.

    Streams the file record by record. In lenient mode (the default) a bad
    value is left out and reported in ``dataset.problems``; ``strict=True``
    raises the first as :class:`~sanctionkit.ReadError`. The file carries no
    publication date, so the metadata has no ``publish_date``; it gives the
    format, the list, the layout ("older" when the file uses the older
    element names ``Entity``, ``Title`` or ``DateOfBirth``, "2025" when it
    uses the 2025 ones; by the listing dates when it uses neither), the
    latest listing date, and the record counts.
    """
    reading = Reading(file=name, strict=strict)
    title = f"{LIST_NAME} ({reading.file_name('sema-lmes.xml')})"
    records = _Records(reading, (Source(url=_URL, publisher=_PUBLISHER, title=title),))
    for kind, element in iter_records(source, _RECORD, name, containers=(_ROOT,), reading=reading):
        if kind == "record":
            records.read(element)
            element.clear()
    metadata = {
        "format": FORMAT,
        "list": LIST_NAME,
        "layout": records.layout(),
    }
    if records.latest is not None:
        metadata["latest_listing_date"] = records.latest.isoformat()
    return reading.dataset(metadata)


@functools.cache
def regime_slug(country: str) -> str:
    """The short, readable name of a regime in entity ids, from the English half of Country.

    >>> regime_slug("Russia / Russie"), regime_slug("Myanmar (Burma) / Myanmar (Birmanie)")
    ('russia', 'myanmar-burma')
    >>> regime_slug("Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / x")
    'jvcfor'
    """
    english = clean(country).split(" / ")[0]
    acronym = _ACRONYM.search(english)
    if acronym:
        return acronym.group(1).lower()
    return _slug(english) or "unknown"


def split_aliases(text: str) -> list[tuple[str, str | None]]:
    """The names in an ``Aliases`` text, each with its language where a label gives it.

    The list separates aliases with ";", ",", " or " or " / ", and labels
    names in other languages ("Russian: ..."); the label's language goes with
    the names after it up to the next label, except Latin-script ones.
    Separators inside brackets do not count.

    >>> split_aliases("Kolya Lukashenko, Belarusian: Мікалай Лукашэнка; Russian: Коля or Коля Л.")
    [('Kolya Lukashenko', None), ('Мікалай Лукашэнка', 'be'), ('Коля', 'ru'), ('Коля Л.', 'ru')]
    >>> split_aliases("ЦНИИМаш (ЦНИИМаш, АО); RDIF")
    [('ЦНИИМаш (ЦНИИМаш, АО)', None), ('RDIF', None)]
    """
    return [(name, language) for name, language, _ in _split_aliases(text)]


def _split_aliases(text: str) -> list[tuple[str, str | None, str | None]]:
    """:func:`split_aliases`, with each name's script too (worked out once)."""
    cleaned = clean(text)
    # Every label has a colon; most texts have none, and need no search for labels.
    parts = _LANGUAGE_LABEL.split(cleaned) if ":" in cleaned else [cleaned]
    chunks: list[tuple[str | None, str]] = [(None, parts[0])]
    chunks.extend(
        (_LANGUAGES[label.lower()], chunk)
        for label, chunk in zip(parts[1::2], parts[2::2], strict=True)
    )
    found: list[tuple[str, str | None, str | None]] = []
    names: set[str] = set()
    for language, chunk in chunks:
        pieces: list[str] = []
        for piece in _split_outside_brackets(_unbracket(chunk)):
            piece = _unbracket(_LEADING_WORD.sub("", piece.strip()))
            if pieces and pieces[-1] in _LEGAL_FORMS and len(pieces) == 1:
                pieces[-1] = f"{pieces[-1]} {piece}"  # "ОАО, БЭТО": the form comes first
            elif piece in _LEGAL_FORMS and pieces:
                pieces[-1] = f"{pieces[-1]}, {piece}"
            else:
                pieces.append(piece)
        for piece in pieces:
            if not piece or piece in names:
                continue
            names.add(piece)
            found_script = script(piece)
            found.append((piece, None if found_script == "Latn" else language, found_script))
    return found


def _split_outside_brackets(text: str, separator: re.Pattern[str] = _ALIAS_SEPARATOR) -> list[str]:
    if "(" not in text:
        return separator.split(text)  # no brackets, so every separator counts
    pieces = []
    start = 0
    for match in separator.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return pieces


def _unbracket(text: str) -> str:
    """The text without a bracket at either end that has no partner: "(Владимир" → "Владимир"."""
    text = text.strip()
    if "(" not in text and ")" not in text:
        return text  # most names: nothing to look at
    while text:
        if text.endswith("(") or text.startswith(")"):
            text = text[:-1] if text.endswith("(") else text[1:]
        elif text.startswith("(") and text.count("(") > text.count(")"):
            text = text[1:]
        elif text.endswith(")") and text.count(")") > text.count("("):
            text = text[:-1]
        else:
            break
        text = text.strip()
    return text


@functools.lru_cache(maxsize=256)
def _regime(country: str) -> tuple[str, str]:
    """Country as the regime's name and its slug: worked out once per regime, not per record."""
    regime = clean(country)
    return regime, regime_slug(regime) if regime else "unknown"


@functools.lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", folded.lower()).strip("-.")


@functools.lru_cache(maxsize=1024)
def _schedule(text: str) -> str:
    """The Schedule as the regulations write it: "1,Part 3" → "1, Part 3".

    Older files write "N/A" where the regulations have no schedule (Zimbabwe):
    that is no schedule, as a missing element is in the 2025 files.

    >>> _schedule("1,Part 3"), _schedule("N/A")
    ('1, Part 3', '')
    """
    return re.sub(r"\s*,\s*", ", ", clean(text, {"n/a"}))


def _fields(
    record: ET.Element,
) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str]]:
    """The record's known fields by the 2025 name (the first of each), its other
    elements' texts, and the older names the record used (2025 name → older name).

    >>> record = ET.fromstring("<record><Entity>Air Bagan</Entity><Item>1</Item></record>")
    >>> _fields(record)
    ({'EntityOrShip': 'Air Bagan', 'Item': '1'}, [], {'EntityOrShip': 'Entity'})
    """
    fields = {child.tag: child.text or "" for child in record}
    if len(fields) == len(record) and fields.keys() <= _FIELDS:
        return fields, [], {}  # the usual record, quickly: known fields, each once
    fields = {}
    extra: list[tuple[str, str]] = []
    older: dict[str, str] = {}
    for child in record:
        tag = local_name(child.tag)
        text = child.text or ""
        name = _ELEMENTS.get(tag, tag)
        if name in _FIELDS and name not in fields:
            fields[name] = text
            if name != tag:
                older[name] = tag
        elif text.strip():
            extra.append((tag, text))
    return fields, extra, older


def _reference(schedule: str, item: str) -> str:
    """The listing's place in its regulations: "Schedule 1, Part 1, item 5"."""
    if not schedule:
        return f"item {item}"
    joiner = ", " if schedule.lower().startswith("part") else " "
    return f"Schedule{joiner}{schedule}, item {item}"


@attrs.define
class _Records:
    """Turns ``record`` elements into entities and designations."""

    reading: Reading
    sources: tuple[Source, ...]
    with_listing_date: bool = False
    # Records that used an element name only the older layout has, or only the 2025 one.
    with_older_names: bool = False
    with_2025_names: bool = False
    # Each listing date once, by its text, in the order first seen: comparing
    # these few at the end is cheaper than comparing every record's date.
    listing_dates: dict[str, PartialDate] = attrs.Factory(dict)

    @property
    def latest(self) -> PartialDate | None:
        """The latest listing date (the first record's, among equal ones)."""
        return max(self.listing_dates.values(), default=None)

    def layout(self) -> str:
        """The file's layout, by its element names first and its listing dates second."""
        if self.with_older_names and not self.with_2025_names:
            return "older"
        if self.with_2025_names or self.with_listing_date:
            return "2025"
        return "older"

    def read(self, record: ET.Element) -> None:
        reading = self.reading
        reading.read += 1
        fields, extra, older = _fields(record)
        if older:
            self.with_older_names = True
        elif not self.with_2025_names and not _RENAMED.isdisjoint(fields):
            self.with_2025_names = True
        regime, slug = _regime(fields.get("Country", ""))
        schedule = _schedule(fields.get("Schedule", ""))
        item = clean(fields.get("Item"))
        label = (
            f"ca-{slug}-{_slug(schedule)}-{_slug(item)}" if schedule else f"ca-{slug}-{_slug(item)}"
        )
        if not item:
            reading.reject("record has no Item", record=regime or None, value=schedule or None)
            return
        draft = EntityDraft(label, sources=self.sources)
        if not self._names(draft, fields):
            return
        draft.id = draft.label = self._entity_id(label)  # problems name the record by its id
        self._extra(draft, extra)
        # Problems name a field as the file writes it.
        born_field = older.get("DateOfBirthOrShipBuildDate", "DateOfBirthOrShipBuildDate")
        ship = (slug, schedule) in _SHIP_SCHEDULES
        self._kind(draft, fields, born_field, ship_schedule=ship)
        entity = draft.build(reading)
        if entity is None:
            return
        listed = self._listed(fields.get("DateOfListing"), draft.label)
        designation = Designation(
            entity_id=draft.id,
            authority=canada(),
            authority_ref=_reference(schedule, item),
            listed=listed,
            programmes=reading.intern((regime,)) if regime else (),
            legal_basis=_JVCFOA if slug == "jvcfor" else _SEMA,
            sources=self.sources,
        )
        reading.keep(entity, designation)

    def _names(self, draft: EntityDraft, fields: dict[str, str]) -> bool:
        """The name, aliases and class (a person, or not); False when the record has no name."""
        given = clean(fields.get("GivenName"))
        last = clean(fields.get("LastName"))
        entity_name = clean(fields.get("EntityOrShip"))
        if entity_name:
            also = _ALSO_KNOWN_AS.search(entity_name)
            if also:
                entity_name = entity_name[: also.start()].strip()
                draft.aliases.append(_alias(also.group(1).strip(), None))
        person = bool(given or last)
        if entity_name and not person:
            # "Iranian Army/Armée iranienne": the English name, then the French one.
            halves = _split_outside_brackets(entity_name, _SLASH)
            if len(halves) == 2 and all(half.strip() for half in halves):
                entity_name = halves[0].strip()
                draft.aliases.insert(0, _alias(halves[1].strip(), "fr"))
        if person:
            draft.kind = Person
            if entity_name:
                draft.aliases.append(_alias(entity_name, None))
            draft.name = f"{given} {last}".strip()
        elif entity_name:
            draft.name = entity_name
        else:
            self.reading.reject("record has no name", record=draft.label)
            return False
        aliases = fields.get("Aliases")
        for alias_name, language, name_script in _split_aliases(aliases) if aliases else ():
            draft.alias(Alias(name=alias_name, script=name_script, language=language))
        return True

    def _extra(self, draft: EntityDraft, extra: list[tuple[str, str]]) -> None:
        """Elements not in the list's layout: notes, and the file's first of each a problem."""
        for tag, text in extra:
            draft.note(f"{tag}: {clean(text)}")
            if self.reading.first_time(f"element {tag}"):
                self.reading.problem(
                    "element not in the list's layout; kept as a note",
                    record=draft.label,
                    field=tag,
                    value=text,
                )

    def _kind(
        self, draft: EntityDraft, fields: dict[str, str], born_field: str, *, ship_schedule: bool
    ) -> None:
        """The class and what only it has: a ship's IMO number, type and build year, a
        person's dates of birth and title, an organisation's title and date as notes."""
        title = clean(fields.get("TitleOrShip"))
        born = clean(fields.get("DateOfBirthOrShipBuildDate"))
        imo = clean(fields.get("ShipIMONumber"))
        if draft.kind is not Person and (imo or ship_schedule or (title and born)):
            draft.kind = Vessel
        if imo:
            self._imo(draft, imo)
        if draft.kind is Vessel:
            draft.extra["vessel_type"] = self.reading.intern(title) if title else None
            draft.extra["build_year"] = self._build_year(draft, born, born_field)
        elif draft.kind is Person:
            self._birth_dates(draft, born, born_field)
            draft.position(title)
        else:
            if title:
                draft.notes.insert(0, f"Title: {title}")
            if born:
                draft.note(f"Date: {born}")

    def _entity_id(self, label: str) -> str:
        """The label, or the label with "-2", "-3" ... when another record has it (a problem)."""
        candidates = itertools.chain([label], (f"{label}-{n}" for n in itertools.count(2)))
        said = "another record has the same Country, Schedule and Item; this one is {id}"
        found = self.reading.unique_id(candidates, duplicate=said, record=label, field="Item")
        assert found is not None  # the candidates never run out
        return found

    def _listed(self, text: str | None, label: str) -> PartialDate | None:
        cleaned = clean(text)
        if not cleaned:
            return None  # the older layout has no DateOfListing: no date, no problem
        self.with_listing_date = True
        value = self.reading.single_date(cleaned, record=label, field="DateOfListing")
        if value is not None:
            self.listing_dates.setdefault(cleaned, value)
        return value

    def _birth_dates(self, draft: EntityDraft, text: str, field: str) -> None:
        """Dates of birth: "1963-1964" is a range, "1963 or 1964" two dates; the text a note
        from the first part that does not read."""
        for part in _ALTERNATIVES.split(text) if text else ():
            value = self.reading.date(part, record=draft.label, field=field)
            if value is None:
                draft.note(f"Date of birth: {text}")
                return
            draft.birth_date(value)

    def _build_year(self, draft: EntityDraft, text: str, field: str) -> int | None:
        """A ship's build year: a year, or the year of a date; else a note (a range a problem)."""
        if not text:
            return None
        if _YEAR.fullmatch(text):
            return int(text)
        value = self.reading.date(text, record=draft.label, field=field)
        if isinstance(value, PartialDate):
            return value.year
        if value is not None:
            self.reading.problem(
                "expected one build year, found a range",
                record=draft.label,
                field=field,
                value=text,
            )
        draft.note(f"Build date: {text}")
        return None

    def _imo(self, draft: EntityDraft, text: str) -> None:
        """A ship's IMO number; on a person (none in real files) an identifier; if invalid, a
        problem and a note."""
        imo = self.reading.imo_number(text, record=draft.label, field="ShipIMONumber")
        if imo is None:
            draft.note(f"IMO number as listed (not valid): {text}")
        elif draft.kind is Vessel:
            draft.extra["imo"] = imo
        else:
            draft.identifier(Identifier(scheme="imo", value=imo))


def _alias(name: str, language: str | None) -> Alias:
    return Alias(name=name, script=script(name), language=language)
