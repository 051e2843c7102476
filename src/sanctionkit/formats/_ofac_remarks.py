"""OFAC's remarks: the free text where the legacy lists keep most of what they know.

An entry of OFAC's legacy CSV (and the ``remarks`` of its XML) reads like
``DOB 10 Dec 1948; POB Giza, Egypt; nationality Egypt; Passport 1084010
(Egypt); a.k.a. 'ABU MUHAMMAD'; Linked To: AL QA'IDA.``. :func:`parse_remarks`
splits such text into clauses at the semicolons that are not inside quotes or
parentheses, and reads each clause it knows into a typed field of
:class:`RemarkFacts`. A clause it does not know, or whose value is bad, stays
word for word in ``notes``: nothing is lost. A clause whose label it knows
("IMO", "nationality", "a.k.a.") but whose value it cannot place (an unknown
country, an IMO number with a wrong check digit, "nationality possibly
Palestinian", a quote cut short) is also reported as a problem through the
:class:`~sanctionkit.formats._reading.Reading` given, never only kept as a
note. Clauses that state an absence ("Former Vessel Flag None Identified")
are notes without a problem: there is nothing to place.

Nothing here knows about CSV columns, so the XML reader can use it too.

>>> from sanctionkit.formats._reading import Reading
>>> facts = parse_remarks(
...     "DOB 1987 to 1988; POB Moscow, Russia; Gender Male; a.k.a. 'SASHA'; Member of X.",
...     Reading(file="sdn.csv"),
...     record="36",
... )
>>> str(facts.birth_dates[0]), facts.birth_places[0].country.alpha2, facts.gender.value
('1987/1988', 'RU', 'male')
>>> facts.aliases[0].name, facts.aliases[0].quality.value
('SASHA', 'weak')
>>> facts.notes
('Member of X.',)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Final, TypedDict

import attrs

from sanctionkit.formats._reading import Reading, named_country
from sanctionkit.formats._schemes import identify, labels, scheme_for
from sanctionkit.identifiers import imo
from sanctionkit.model import Address, Alias, AliasQuality, Gender, Identifier, IdentifierScheme
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = [
    "Clause",
    "RemarkFacts",
    "identifier_scheme",
    "known_label",
    "linked_names",
    "parse_remarks",
    "split_clauses",
]

DateValue = PartialDate | DateRange

# OFAC's names of identification documents and numbers (its XML calls them
# idType), mapped once in formats/_schemes.py. The label stays in the
# identifier's note, so "Cedula No." is not lost by being a "national_id".
_SCHEME_OF_LABEL: Final[dict[str, IdentifierScheme]] = {
    label: scheme_for("ofac", label) for label in labels("ofac")
}


def identifier_scheme(label: str) -> IdentifierScheme | None:
    """The sanctionkit scheme of one of OFAC's identification labels, or None.

    >>> identifier_scheme("Cedula No."), identifier_scheme("x")
    (<IdentifierScheme.NATIONAL_ID: 'national_id'>, None)
    """
    return _SCHEME_OF_LABEL.get(label.strip())


@attrs.frozen
class Clause:
    """One clause of a remark and what it was read as (``kind``; "note" when not read)."""

    kind: str
    text: str


@attrs.frozen(kw_only=True)
class RemarkFacts:
    """What a remark says, typed; ``notes`` holds every clause that could not be read."""

    #: Every clause in order, with the kind it was read as.
    clauses: tuple[Clause, ...] = ()
    birth_dates: tuple[DateValue, ...] = ()
    birth_places: tuple[Address, ...] = ()
    nationalities: tuple[Country, ...] = ()
    citizenships: tuple[Country, ...] = ()
    gender: Gender | None = None
    #: Weak a.k.a. (OFAC keeps its weak aliases in the remarks), f.k.a. and n.k.a.
    aliases: tuple[Alias, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    #: Seven-digit IMO ship number, validated.
    imo: str | None = None
    mmsi: str | None = None
    build_year: int | None = None
    past_flags: tuple[Country, ...] = ()
    #: "Nationality of Registration" of a ship or an aircraft.
    registration_countries: tuple[Country, ...] = ()
    aircraft_model: str | None = None
    aircraft_serial_number: str | None = None
    aircraft_registration: str | None = None
    incorporated: PartialDate | None = None
    organization_types: tuple[str, ...] = ()
    #: Names after "Linked To:", as written (without the remark's closing full stop).
    linked_to: tuple[str, ...] = ()
    #: Names after "Aircraft Operator", as written.
    operators: tuple[str, ...] = ()
    #: Clauses about the sanction rather than the entity (secondary sanctions risk, directives).
    sanctions: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    #: Clauses that were not read into a field, word for word.
    notes: tuple[str, ...] = ()


def split_clauses(text: str) -> list[str]:
    """The clauses of a remark: split at semicolons outside quotes and parentheses.

    Quotes count only in alias clauses ("a.k.a. 'A; B'"), where a quote opens
    after a space and closes before a space or punctuation: elsewhere an
    apostrophe is part of a word ("Said Jan 'Abd al-Salam"). When quotes or
    parentheses do not balance, every semicolon splits.

    >>> split_clauses("DOB 1969; (alias X: POB Keren; nationality Eritrean); a.k.a. 'A; B'.")
    ['DOB 1969', '(alias X: POB Keren; nationality Eritrean)', "a.k.a. 'A; B'."]
    """
    if ";" not in text:
        stripped = text.strip()
        return [stripped] if stripped else []
    if "(" not in text and "'" not in text:
        return [clause.strip() for clause in text.split(";") if clause.strip()]
    clauses: list[str] = []
    depth = 0
    quoted = False
    alias = _ALIAS_START.match(text) is not None
    start = 0
    last = len(text) - 1
    # Only these characters change anything: visit them, not every character.
    for found in _SPECIAL.finditer(text):
        char, index = found.group(), found.start()
        if char == "'":
            if not alias:
                continue
            before = text[index - 1] if index else " "
            after = text[index + 1] if index < last else " "
            if not quoted and before.isspace() and not after.isspace():
                quoted = True
            elif quoted and not before.isspace() and (after.isspace() or after in ".,;:)"):
                quoted = False
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif not depth:
            clauses.append(text[start:index])
            start = index + 1
            alias = _ALIAS_START.match(text, start) is not None
    clauses.append(text[start:])
    if depth or quoted:
        clauses = text.split(";")
    return [clause.strip() for clause in clauses if clause.strip()]


_ALIAS_START = re.compile(r"\s*(?:[afn]\.k\.a\.|d\.b\.a\.)", re.IGNORECASE)
_SPECIAL = re.compile(r"[;()']")


class _Where(TypedDict):
    record: str | None
    field: str


@attrs.define
class _Facts:
    """The mutable side of :class:`RemarkFacts`, filled clause by clause."""

    reading: Reading
    record: str | None
    field: str
    values: dict[str, list[object]] = attrs.Factory(dict)
    clauses: list[Clause] = attrs.Factory(list)

    def add(self, name: str, value: object) -> None:
        self.values.setdefault(name, []).append(value)

    def number(self, scheme: str, number: str, note: str) -> None:
        """A ship's number: the first is its field, the others identifiers noted ``note``."""
        if scheme in self.values:
            self.add("identifiers", Identifier(scheme=scheme, value=number, note=note))
        else:
            self.add(scheme, number)

    def where(self, label: str) -> _Where:
        """The record, and the field name problems give ("Remarks/DOB")."""
        return {"record": self.record, "field": f"{self.field}/{label}"}

    def freeze(self) -> RemarkFacts:
        # Only the fields the remark has: most remarks fill three or four of
        # the twenty-four, and the others keep RemarkFacts' defaults.
        found: dict[str, object] = {}
        for name, values in self.values.items():
            found[name] = values[0] if name in _SINGLE_FIELDS else tuple(values)
        return RemarkFacts(clauses=tuple(self.clauses), **found)  # type: ignore[arg-type]


# The fields of RemarkFacts that hold one value: the first one found.
_SINGLE_FIELDS: Final = frozenset(
    {
        "gender",
        "imo",
        "mmsi",
        "build_year",
        "aircraft_model",
        "aircraft_serial_number",
        "aircraft_registration",
        "incorporated",
    }
)


# A clause reader gets the match and the facts, and says whether it could use the clause.
_Handler = Callable[[re.Match[str], _Facts], bool]
_ALT = r"(?:[Aa]lt\.\s+)?"
# A country in brackets after a number: "IMO 9256860 (Russia)".
_COUNTRY_AFTER = r"(?:\s*\((?P<country>[^()]+)\))?"


def _birth_date(match: re.Match[str], facts: _Facts) -> bool:
    value = facts.reading.date(match["value"], **facts.where("DOB"))
    if value is None:
        return False
    facts.add("birth_dates", value)
    return True


def _birth_place(match: re.Match[str], facts: _Facts) -> bool:
    place = match["value"].strip()
    parts = [part.strip() for part in place.split(",") if part.strip()]
    if not parts:
        return False
    # The country only when the last part is one: "POB Guadalajara, Jalisco" has none,
    # and that is not a problem, it is how the list writes places.
    country = named_country(parts[-1], codes=False)
    city = None if country is not None and len(parts) == 1 else parts[0]
    facts.add("birth_places", Address(full=place, city=city, country=country))
    return True


# Country texts that are statements rather than countries: kept as notes, without a problem.
_NOT_A_COUNTRY: Final = ("possibly ", "probably ", "reportedly ", "none identified", "unknown")


def _country_role(name: str, label: str) -> _Handler:
    def read(match: re.Match[str], facts: _Facts) -> bool:
        text = match["value"]
        if text.lower().startswith(_NOT_A_COUNTRY):
            return False  # a note; a problem too unless it states an absence
        country = facts.reading.country(text, **facts.where(label))
        if country is None:
            return False
        facts.add(name, country)
        return True

    return read


def _gender(match: re.Match[str], facts: _Facts) -> bool:
    facts.add("gender", Gender(match["value"].lower()))
    return True


_QUALITIES: Final = {
    "a.k.a.": AliasQuality.WEAK,
    "f.k.a.": AliasQuality.FORMER,
    "n.k.a.": AliasQuality.STRONG,
    # "doing business as": a trade name the entity uses, as strong as a name.
    "d.b.a.": AliasQuality.STRONG,
}
_QUOTED = re.compile(r"'(.+?)'(?=\s*(?:,|$))")


def _alias(match: re.Match[str], facts: _Facts) -> bool:
    # OFAC's remarks hold its *weak* a.k.a. (the strong ones are in alt.csv);
    # f.k.a. is a former name; n.k.a. ("now known as") a current, strong one.
    names = _QUOTED.findall(match["value"].strip())
    if not names:
        return False
    quality = _QUALITIES[match["kind"].lower()]
    for name in names:
        facts.add("aliases", Alias(name=name, quality=quality))
    return True


def _ship_imo(match: re.Match[str], facts: _Facts) -> bool:
    number = facts.reading.imo_number(match["value"], **facts.where("IMO"))
    if number is None:
        return False
    if match["country"]:
        # "Vessel Registration Identification IMO 9256860 (Russia)": the country of
        # OFAC's registration document, the ship's country of registration.
        country = facts.reading.country(match["country"], **facts.where("IMO country"))
        if country is None:
            return False
        facts.add("registration_countries", country)
    facts.number("imo", number, "alt. IMO")
    return True


def _company_imo(match: re.Match[str], facts: _Facts) -> bool:
    label = match["label"]
    if not imo.is_valid(match["value"], kind="company") and imo.is_valid(match["value"]):
        # "Identification Number IMO 9339301" in a tanker's remarks: a ship's number
        # (its check digit is a ship's, not a company's), read as one.
        return _ship_imo(match, facts)
    number = facts.reading.value(
        lambda text: imo.validate(text, kind="company"),
        match["value"],
        code="invalid-imo",
        **facts.where(label),
    )
    if number is None:
        return False
    country = None
    if match["country"]:
        country = facts.reading.country(match["country"], **facts.where(f"{label} country"))
        if country is None:
            return False
    identifier = Identifier(scheme="imo_company", value=number, country=country, note=label)
    facts.add("identifiers", identifier)
    return True


def _vessel_registration(match: re.Match[str], facts: _Facts) -> bool:
    """A ship's national registration number: "Vessel Registration Identification RS
    150443 (Russia)" (not an IMO number; the country is the registry's)."""
    country = facts.reading.country(match["country"], **facts.where("Vessel Registration"))
    if country is None:
        return False
    number = Identifier(
        scheme="registration",
        value=match["value"].strip(),
        country=country,
        note="Vessel Registration Identification",
    )
    facts.add("identifiers", number)
    return True


def _mmsi(match: re.Match[str], facts: _Facts) -> bool:
    number = facts.reading.mmsi_number(match["value"], **facts.where("MMSI"))
    if number is None:
        return False
    facts.number("mmsi", number, "alt. MMSI")
    return True


def _build_year(match: re.Match[str], facts: _Facts) -> bool:
    facts.add("build_year", int(match["value"]))
    return True


def _text(name: str) -> _Handler:
    def read(match: re.Match[str], facts: _Facts) -> bool:
        facts.add(name, match["value"].strip())
        return True

    return read


def _clause(name: str) -> _Handler:
    """Keep the whole clause, as written: for clauses that are one fact as they stand."""

    def read(match: re.Match[str], facts: _Facts) -> bool:
        facts.add(name, match.string.strip())
        return True

    return read


def _incorporated(match: re.Match[str], facts: _Facts) -> bool:
    if "incorporated" in facts.values:
        # A second date ("alt."): the model holds one, so a note and a problem.
        facts.reading.problem(
            "a second establishment date; Organization.incorporated holds the first, "
            "this one is kept as a note",
            **facts.where("Organization Established Date"),
            value=match.string,
            code="unread-value",
        )
        return False
    value = facts.reading.single_date(
        match["value"], **facts.where("Organization Established Date")
    )
    if value is None:
        return False
    facts.add("incorporated", value)
    return True


# "0310857 (Eritrea) issued 21 Aug 2006 expires 20 Aug 2008"; the country is
# the last parenthesis ("HRA 738077 (Stuttgart) (Germany)" is in Germany).
_NUMBER = re.compile(
    r"^(?P<value>.+?)(?:\s*\((?P<country>[^()]+)\))?"
    r"(?:\s+issued\s+(?P<issued>[^()]*?\d{4}))?(?:\s+expires\s+(?P<expires>[^()]*?\d{4}))?$"
)


def _expiry_date(text: str) -> PartialDate:
    # Documents expire in the future: years up to twenty years ahead are plausible.
    ahead = datetime.date(datetime.date.today().year + 20, 12, 31)
    value = parse_date(text, reference=ahead)
    if isinstance(value, DateRange):
        raise ValueError("expected one date, found a range")
    return value


def _identifier(match: re.Match[str], facts: _Facts) -> bool:
    label = match["label"]
    scheme, kept = identify("ofac", label)
    parts = _NUMBER.match(match["value"].strip())
    if parts is None:  # pragma: no cover - the pattern matches any non-empty text
        return False
    note = label
    country = None
    if parts["country"]:
        # The parenthesis names the issuing country, or sometimes a registry's city
        # ("Matricula Mercantil No 1362098 (Medellin)"): that one stays in the note.
        country = named_country(parts["country"], codes=False)
        if country is None:
            note = f"{label} ({parts['country']})"
    issued = facts.reading.single_date(parts["issued"], **facts.where(f"{label} issued"))
    expires = facts.reading.value(_expiry_date, parts["expires"], **facts.where(f"{label} expires"))
    if match["alt"]:
        note = f"alt. {note}"
    facts.add(
        "identifiers",
        Identifier(
            scheme=scheme,
            value=parts["value"].strip(),
            country=country,
            issued=issued,
            expires=expires,
            note=None if note == kept else note,
            label=kept,
        ),
    )
    return True


def _labels(labels: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))


_SANCTION_PREFIXES: Final = (
    "Secondary sanctions risk:",
    "Additional Sanctions Information -",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "U.S. Persons Must Continue to Block",
    "For more information on directives",
    "For more information, please see",
    "CAATSA Section",
    "IFCA Determination",
    "Listing Date (",
    "Effective Date (",
)
_CONTACTS: Final = {
    "websites": ("Website",),
    "emails": ("Email Address", "Email"),
    "phones": (
        "Phone Number",
        "Phone No.",
        "Phone",
        "PHONE",
        "Telephone No.",
        "Telephone",
        "Fax No.",
        "Fax",
        "FAX",
    ),
}

# The first word of a clause (after an optional "alt."): the ASCII letters it
# starts with, and the character after them. Clauses are dispatched on it.
_LEADING_WORD = re.compile(r"(?i:alt\.\s+)?([A-Za-z]*)(.?)", re.DOTALL)


def _keyword(text: str) -> str | None:
    """The lowercased first word of a clause or label, or None when it is not plain ASCII.

    Three of the readers ignore case, and Python's case-insensitive matching
    also takes a few non-ASCII letters for ASCII ones (the long s for "s", the
    Kelvin sign for "k"): a word that runs into a non-ASCII character has no
    keyword, and every reader is tried on its clause.

    >>> _keyword("alt. DOB 1936"), _keyword("a.k.a. 'X'"), _keyword("Citizen's Card Number 1")
    ('dob', 'a', 'citizen')
    """
    match = _LEADING_WORD.match(text)
    assert match is not None  # every part of the pattern may be empty
    word, after = match.groups()
    return None if after >= "\x80" else word.lower()


def _keywords(labels: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct first words of OFAC's labels, to file their reader under."""
    words = [_keyword(label) for label in labels]
    return tuple(dict.fromkeys(word for word in words if word))


_ReaderRow = tuple[str, tuple[str, ...], re.Pattern[str], _Handler]


def _reader(
    kind: str,
    label: str,
    handler: _Handler,
    *,
    alt: bool = True,
    gap: str = r":?\s+",
    value: str = ".+",
    tail: str = "",
    flags: int = 0,
) -> _ReaderRow:
    """A reader of the clauses "label value": the row of :data:`_READERS` for them.

    ``label`` is a pattern whose first word is the keyword the clause is filed
    under; ``alt`` allows an "alt." before it, ``gap`` is what separates it from
    the value (by default a space, perhaps after a colon), ``value`` what the
    value may be and ``tail`` what may follow it (a country in brackets).

    >>> row = _reader("birth_date", "DOB", _birth_date)
    >>> row[1], row[2].match("alt. DOB: 1960")["value"]
    (('dob',), '1960')
    """
    pattern = rf"^{_ALT if alt else ''}{label}{gap}(?P<value>{value}){tail}$"
    return kind, _keywords((label,)), re.compile(pattern, flags), handler


# The value after a space (no colon), after a colon (perhaps no space).
_SPACE: Final = r"\s+"
_COLON: Final = r":\s*"

# Each reader: the kind it reads, the first words of the clauses it reads
# (lowercased, without "alt."), the pattern and the handler. Tried in order;
# the first pattern that matches reads the clause. Patterns see the clause
# without its final full stop.
_READERS: Final[tuple[_ReaderRow, ...]] = (
    _reader("birth_date", "DOB", _birth_date),
    _reader("birth_place", "POB", _birth_place),
    _reader("nationality", "nationality", _country_role("nationalities", "nationality")),
    _reader("citizenship", "citizen", _country_role("citizenships", "citizen")),
    _reader("gender", "Gender", _gender, alt=False, value="Male|Female", flags=re.IGNORECASE),
    (
        "alias",
        ("a", "f", "n", "d"),
        re.compile(r"^(?P<kind>[afn]\.k\.a\.|d\.b\.a\.)\s*,?\s*(?P<value>'.+)$", re.IGNORECASE),
        _alias,
    ),
    (
        "imo_company",
        ("company", "identification"),
        re.compile(
            rf"^{_ALT}(?P<label>Company Number|Identification Number) IMO\s+(?P<value>\S+?)"
            rf"{_COUNTRY_AFTER}$"
        ),
        _company_imo,
    ),
    (
        "imo",
        ("vessel", "imo"),
        re.compile(
            rf"^{_ALT}(?:Vessel Registration Identification\s+)?IMO\s+(?P<value>\S+?)"
            rf"{_COUNTRY_AFTER}$"
        ),
        _ship_imo,
    ),
    _reader(
        "imo",
        "Vessel Registration Identification",
        _ship_imo,
        gap=_SPACE,
        value=r"\d{7}",
        tail=_COUNTRY_AFTER,
    ),
    (
        "vessel_registration",
        ("vessel",),
        re.compile(
            rf"^{_ALT}Vessel Registration Identification\s+(?!IMO\b)(?P<value>[^()]*?\d[^()]*?)"
            r"\s*\((?P<country>[^()]+)\)$"
        ),
        _vessel_registration,
    ),
    _reader("mmsi", "MMSI", _mmsi, gap=_SPACE, value=r"\S+"),
    _reader(
        "build_year", "Vessel Year of Build", _build_year, gap=_SPACE, value=r"\d{4}", alt=False
    ),
    _reader(
        "past_flag",
        "Former Vessel Flag",
        _country_role("past_flags", "Former Vessel Flag"),
        gap=_SPACE,
    ),
    *(
        _reader(
            "registration_country",
            label,
            _country_role("registration_countries", label),
            gap=_SPACE,
        )
        for label in ("Nationality of Registration", "Registration Country")
    ),
    *(
        _reader(name, re.escape(label), _text(name), gap=_SPACE, alt=False)
        for name, label in (
            ("aircraft_model", "Aircraft Model"),
            ("aircraft_serial_number", "Aircraft Manufacturer's Serial Number (MSN)"),
            ("aircraft_registration", "Aircraft Tail Number"),
        )
    ),
    _reader("linked_to", "Linked To", _text("linked_to"), alt=False, gap=_COLON),
    _reader("operator", "Aircraft Operator", _text("operators"), gap=_SPACE),
    _reader("incorporated", "Organization Established Date", _incorporated, gap=_SPACE),
    _reader("organization_type", "Organization Type", _text("organization_types"), gap=_COLON),
    (
        "sanctions",
        (*_keywords(_SANCTION_PREFIXES), "executive"),
        re.compile(
            rf"^{_ALT}(?:{_labels(_SANCTION_PREFIXES)}"
            r"|Executive Order \d+ (?:Directive|information))",
            re.IGNORECASE,
        ),
        _clause("sanctions"),
    ),
    *(
        (
            "contact",
            _keywords(labels),
            re.compile(rf"^{_ALT}(?:{_labels(labels)})(?::\s*|\s+)(?P<value>\S.*)$", re.IGNORECASE),
            _text(name),
        )
        for name, labels in _CONTACTS.items()
    ),
    (
        "identifier",
        _keywords(tuple(_SCHEME_OF_LABEL)),
        re.compile(
            rf"^(?P<alt>[Aa]lt\.\s+)?(?P<label>{_labels(tuple(_SCHEME_OF_LABEL))}):?\s+"
            r"(?P<value>.+)$"
        ),
        _identifier,
    ),
)
_Reader = tuple[str, re.Pattern[str], _Handler]


def _readers_by_keyword() -> dict[str, tuple[_Reader, ...]]:
    """Keyword -> the readers whose clauses start with it, in the order of _READERS.

    A clause is tried against these few patterns instead of all of them:
    trying all of them made the remarks most of the time of reading sdn.csv.
    """
    found: dict[str, list[_Reader]] = {}
    for name, keywords, pattern, handler in _READERS:
        for keyword in keywords:
            found.setdefault(keyword, []).append((name, pattern, handler))
    return {keyword: tuple(readers) for keyword, readers in found.items()}


_READERS_BY_KEYWORD: Final = _readers_by_keyword()
_ALL_READERS: Final = tuple((name, pattern, handler) for name, _, pattern, handler in _READERS)


def _readers_for(bare: str) -> tuple[_Reader, ...]:
    """The readers that may read a clause: those of its first word, or all of them."""
    keyword = _keyword(bare)
    if keyword is None:
        return _ALL_READERS
    return _READERS_BY_KEYWORD.get(keyword, ())


def _label_pattern() -> re.Pattern[str]:
    """The labels of the clauses the readers know, each in a group named by its kind."""
    labels = {
        "birth_date": r"DOB",
        "birth_place": r"POB",
        "registration_country": r"Nationality of Registration|Registration Country",
        "nationality": r"nationality",
        "citizenship": r"citizen",
        "gender": r"Gender",
        "alias": r"[afn]\.k\.a\.|d\.b\.a\.",
        "imo_company": r"(?:Company Number|Identification Number) IMO",
        "imo": r"Vessel Registration Identification|IMO",
        "mmsi": r"MMSI",
        "build_year": r"Vessel Year of Build",
        "past_flag": r"Former Vessel Flag",
        "aircraft": r"Aircraft (?:Model|Manufacturer's Serial Number \(MSN\)|Tail Number)",
        "linked_to": r"Linked To",
        "incorporated": r"Organization Established Date",
        "organization_type": r"Organization Type",
        "contact": _labels([label for labels in _CONTACTS.values() for label in labels]),
        "identifier": _labels(tuple(_SCHEME_OF_LABEL)),
    }
    groups = "|".join(f"(?P<{kind}>{label})" for kind, label in labels.items())
    # A label ends where a word ends: "citizen" is not the label of "citizenship".
    return re.compile(rf"^(?:alt\.\s+)?(?:{groups})(?![A-Za-z])", re.IGNORECASE)


_KNOWN_LABEL: Final = _label_pattern()
# Clause ends that state an absence: nothing to place, so a note without a problem.
_ABSENCE: Final = re.compile(r"\b(?:none identified|unknown)$", re.IGNORECASE)


def known_label(clause: str) -> str | None:
    """The kind of clause whose label starts ``clause``, or None when no reader knows it.

    >>> known_label("nationality possibly Palestinian"), known_label("Former Vice President")
    ('nationality', None)
    >>> known_label("Alt. Fax: 9221227700019"), known_label("Email:adelb@shabakah.net.sa")
    ('contact', 'contact')
    """
    match = _KNOWN_LABEL.match(clause)
    return None if match is None else match.lastgroup


def parse_remarks(
    text: str | None, reading: Reading, *, record: str | None = None, field: str = "Remarks"
) -> RemarkFacts:
    """Read OFAC remarks into typed facts; unread clauses stay word for word in ``notes``.

    A clause with a known label that cannot be read is also a problem of
    ``reading`` (for ``record``, in a field named like "Remarks/DOB"): the
    parser's own (a bad check digit) or, when it gave none, one saying that
    the clause was recognised but not read.
    """
    facts = _Facts(reading=reading, record=record, field=field)
    if not text:
        return facts.freeze()
    for clause in split_clauses(text):
        bare = clause[:-1].rstrip() if clause.endswith(".") else clause
        kind = "note"
        problems = len(reading.problems)
        for name, pattern, handler in _readers_for(bare):
            match = pattern.match(bare)
            if match is not None:
                if handler(match, facts):
                    kind = name
                break
        if kind == "note":
            facts.add("notes", clause)
            label = known_label(bare)
            unreported = len(reading.problems) == problems
            if label is not None and unreported and not _ABSENCE.search(bare):
                reading.problem(
                    f"a {label.replace('_', ' ')} clause whose value could not be read; "
                    "kept as a note",
                    **facts.where(label),
                    value=clause,
                    code="unread-value",
                )
        facts.clauses.append(Clause(kind=kind, text=clause))
    return facts.freeze()


_LINKED_TO: Final = re.compile(r"^Linked To:\s*(?P<value>.+?)\.?$")


def linked_names(text: str | None) -> list[str]:
    """The names after "Linked To:" in a remark, also where OFAC wraps the clause in brackets.

    The classic XML writes its remarks' links "(Linked To: NAME)", the CSV
    "Linked To: NAME." (that closing stop is the remark's, and is dropped).

    >>> linked_names("all offices worldwide; (Linked To: NIOC INTERNATIONAL (LONDON) LIMITED)")
    ['NIOC INTERNATIONAL (LONDON) LIMITED']
    >>> linked_names("DOB 1960; Linked To: HIZBALLAH; Linked To: AL-MANAR.")
    ['HIZBALLAH', 'AL-MANAR']
    """
    names: list[str] = []
    for clause in split_clauses(text or ""):
        if clause.startswith("(") and clause.endswith(")"):
            names.extend(linked_names(clause[1:-1]))
        elif (match := _LINKED_TO.match(clause)) is not None:
            names.append(match["value"].strip())
    return names
