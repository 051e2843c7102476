"""An entity while its record is read: the typed lists a reader fills, then one ``build()``.

Every reader gathers the same things from a record before it can make an
entity: the name and aliases, identifiers, addresses, the roles of countries,
notes, dates and places of birth. Which class the entity is (a person, an
organisation, a vessel, an aircraft) is often known only at the end, and a
record may give a value its class has no field for (a date of birth of a
company). :class:`EntityDraft` is the one place for this: readers append to its
lists and call :meth:`EntityDraft.build`, which makes the entity and keeps
what the class cannot hold as notes (reporting it, unless the list gives
such values on purpose).
"""

from __future__ import annotations

from typing import Any

import attrs

from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
from sanctionkit.formats._text import script
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    CountryRole,
    Entity,
    Gender,
    Identifier,
    IdentifierScheme,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = ["EntityDraft", "merged"]

#: How a value the class cannot hold is written as a note, by field.
_NOTE_LABELS = {
    "birth_dates": "Date of birth",
    "birth_places": "Place of birth",
    "gender": "Gender",
    "positions": "Position",
}
#: Fields of one class beyond :class:`~sanctionkit.Entity`'s, for :attr:`EntityDraft.extra`.
_CLASS_FIELDS: dict[type[Entity], frozenset[str]] = {
    cls: frozenset(field.name for field in attrs.fields(cls))
    for cls in (Person, Organization, Vessel, Aircraft)
}


@attrs.define
class EntityDraft:
    """What one record says about its entity so far, gathered field by field.

    ``label`` names the record in problems. The lists keep the order values
    were added in; the adding methods (:meth:`alias`, :meth:`role`, ...) leave
    out a value the draft has already, and readers whose lists keep repeats
    append to the lists themselves.

    >>> from sanctionkit.values.countries import parse_country
    >>> from sanctionkit.model import CountryRoleKind
    >>> reading = Reading(file="list.xml")
    >>> draft = EntityDraft(label="KPi.066", id="un-kpi.066", name="KIM JONG SIK", kind=Person)
    >>> draft.alias(Alias(name="KIM Jong Sik")), draft.alias(Alias(name="KIM JONG SIK"))
    (True, False)
    >>> role = CountryRole(country=parse_country("KP"), role=CountryRoleKind.NATIONALITY)
    >>> draft.role(role); draft.role(role)
    >>> draft.birth_date(PartialDate(1967))
    >>> person = draft.build(reading)
    >>> person.name, len(person.aliases), len(person.countries), person.birth_dates[0].isoformat()
    ('KIM JONG SIK', 1, 1, '1967')

    What the class cannot hold becomes a note, and a problem unless ``build``
    is told that the list gives such values on purpose:

    >>> company = EntityDraft(label="E1", id="eu-1", name="KOMID", gender=Gender.MALE)
    >>> company.build(reading).notes
    ('Gender: male',)
    >>> print(reading.problems[0].message)
    an Organization has no gender; kept as a note
    """

    label: str
    id: str | None = None
    name: str | None = None
    #: The class to build: Person, Organization, Vessel or Aircraft.
    kind: type[Entity] = Organization
    aliases: list[Alias] = attrs.Factory(list)
    identifiers: list[Identifier] = attrs.Factory(list)
    addresses: list[Address] = attrs.Factory(list)
    countries: list[CountryRole] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    sources: tuple[Source, ...] = ()
    birth_dates: list[PartialDate | DateRange] = attrs.Factory(list)
    birth_places: list[Address] = attrs.Factory(list)
    positions: list[str] = attrs.Factory(list)
    gender: Gender | None = None
    #: The values of fields only some classes have: ``imo``, ``build_year``, ``kind`` ...
    extra: dict[str, Any] = attrs.Factory(dict)

    def alias(self, alias: Alias) -> bool:
        """Add an alias unless the name or an alias already has its spelling; whether added."""
        if alias.name == self.name or any(known.name == alias.name for known in self.aliases):
            return False
        self.aliases.append(alias)
        return True

    def note(self, text: str, *, once: bool = False) -> None:
        """Add a note; nothing for empty text, nor with ``once`` for a note already there."""
        if text and not (once and text in self.notes):
            self.notes.append(text)

    def role(self, role: CountryRole) -> None:
        """Add a country in a role, once."""
        if role not in self.countries:
            self.countries.append(role)

    def identifier(self, identifier: Identifier) -> None:
        """Add an identifier, once."""
        if identifier not in self.identifiers:
            self.identifiers.append(identifier)

    def address(self, address: Address) -> None:
        """Add an address, once."""
        if address not in self.addresses:
            self.addresses.append(address)

    def birth_date(self, value: PartialDate | DateRange) -> None:
        """Add a date (or range) of birth, once."""
        if value not in self.birth_dates:
            self.birth_dates.append(value)

    def birth_place(self, place: Address) -> None:
        """Add a place of birth, once."""
        if place not in self.birth_places:
            self.birth_places.append(place)

    def position(self, text: str) -> None:
        """Add a position or title, once."""
        if text and text not in self.positions:
            self.positions.append(text)

    def document(
        self,
        authority: str,
        kind: str,
        number: str,
        *,
        described: str = "",
        country: Country | None = None,
        issued: PartialDate | None = None,
        expires: PartialDate | None = None,
        note: str | None = None,
    ) -> None:
        """Add a document's number as an identifier whose scheme is what ``authority``
        calls ``kind`` (see :func:`~sanctionkit.formats._schemes.identify`).

        A document of scheme ``other`` keeps a label: ``described`` (a list's own
        description of the kind), else the kind's words.

        >>> draft = EntityDraft(label="QDi.1")
        >>> draft.document("un", "Passport", "A123", note="issued in Kabul")
        >>> draft.document("eu", "other", "77", described="Ration card")
        >>> [(i.scheme.value, i.value, i.label, i.note) for i in draft.identifiers]
        [('passport', 'A123', None, 'issued in Kabul'), ('other', '77', 'Ration card', None)]
        """
        scheme, label = identify(authority, kind)
        if scheme is IdentifierScheme.OTHER:
            label = described or label
        identifier = Identifier(
            scheme=scheme,
            label=label,
            value=number,
            country=country,
            issued=issued,
            expires=expires,
            note=note,
        )
        self.identifiers.append(identifier)

    def unknown(
        self, reading: Reading, field: str, text: str, *, message: str, value: str | None = None
    ) -> None:
        """Keep a field the reader does not know as a note ("field: text"); report it
        (``message``) the first time the file has it.

        A list that grows a new element or column loses nothing: its text stays
        with the record, and one problem per file says what is new.

        >>> reading = Reading(file="list.xml")
        >>> draft = EntityDraft(label="EU.1.2")
        >>> for text in ("blue", "green"):
        ...     draft.unknown(reading, "colour", text, message="unknown element; kept as a note")
        >>> draft.notes, [(p.record, p.field) for p in reading.problems]
        (['colour: blue', 'colour: green'], [('EU.1.2', 'colour')])
        """
        if text:
            self.note(f"{field}: {text}")
        if reading.first_time(f"unknown field {field}"):
            reading.problem(message, record=self.label, field=field, value=value)

    def build(self, reading: Reading, *, quiet: bool = False) -> Entity | None:
        """The entity of :attr:`kind`; None, with the record rejected, when it cannot be made.

        A draft without a name is rejected ("record has no name"), and so is one
        the model refuses (its validators' message names the value). Values the
        class has no field for are kept as notes ("Date of birth: 1962"), each
        a problem unless ``quiet`` (for a list that gives them on purpose).
        """
        if not self.name:
            reading.reject("record has no name", record=self.label)
            return None
        if self.id is None:
            raise ValueError(f"draft of record {self.label} has no id")
        fields = _CLASS_FIELDS[self.kind]
        if self.extra or (
            self.kind is not Person
            and (self.birth_dates or self.birth_places or self.gender or self.positions)
        ):
            self._keep_unplaced(reading, fields, quiet=quiet)
        values: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "aliases": self.aliases,
            "identifiers": self.identifiers,
            "addresses": self.addresses,
            "countries": self.countries,
            "notes": self.notes,
            "sources": self.sources,
        }
        if self.kind is Person:
            values["birth_dates"] = self.birth_dates
            values["birth_places"] = self.birth_places
            values["gender"] = self.gender
            values["positions"] = self.positions
        for key, value in self.extra.items():
            if key in fields:
                values[key] = value
        try:
            return self.kind(**values)
        except ValueError as error:
            reading.reject(f"record cannot be kept: {error}", record=self.label)
            return None

    def _keep_unplaced(self, reading: Reading, fields: frozenset[str], *, quiet: bool) -> None:
        """Move the values the class has no field for into notes (see :meth:`build`)."""
        unplaced: list[tuple[str, str]] = []
        if self.kind is not Person:
            unplaced.extend(("birth_dates", born.isoformat()) for born in self.birth_dates)
            unplaced.extend(("birth_places", place.full) for place in self.birth_places)
            if self.gender is not None:
                unplaced.append(("gender", self.gender.value))
            unplaced.extend(("positions", position) for position in self.positions)
        unplaced.extend(
            (key, str(value))
            for key, value in self.extra.items()
            if key not in fields and value is not None
        )
        for field, text in unplaced:
            self.notes.append(f"{_NOTE_LABELS.get(field, field)}: {text}")
            if not quiet:
                article = "an" if self.kind.__name__[0] in "AEIOU" else "a"
                reading.problem(
                    f"{article} {self.kind.__name__} has no {field}; kept as a note",
                    record=self.label,
                    field=field,
                    value=text,
                )


def merged(first: Entity, second: Entity) -> Entity:
    """The entity two records with one id describe: the first, plus what the second adds.

    A list that gives one entity a record per programme (the EU lists the
    Taliban under AFG and under TAQA) describes it twice: the second's name and
    aliases become aliases, its tuples add the values the first lacks, and its
    values fill the first's empty fields. The class is the first's.

    >>> one = Organization(id="eu-1", name="KOMID", notes=("a",))
    >>> two = Organization(id="eu-1", name="Korea Mining", notes=("a", "b"))
    >>> both = merged(one, two)
    >>> both.name, [alias.name for alias in both.aliases], both.notes
    ('KOMID', ['Korea Mining'], ('a', 'b'))
    """
    names = set(first.all_names)
    aliases = list(first.aliases)
    extra = [] if second.name in names else [Alias(name=second.name, script=script(second.name))]
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
