"""A dataset: entities, their designations, sanction packages, alleged transfers, problems.

Readers return a :class:`Dataset`, so it belongs to the model; the tools that
work across datasets (diff, merge, export) build on it in the layer above.

Records refer to each other by id. A dataset checks, when it is made, that ids
are unique and that every reference (a designation's entity, a transfer's
carriers, a vessel's owner) points at an entity it holds.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import attrs

from sanctionkit.errors import InvalidFieldError, UnknownFieldError
from sanctionkit.model import _tables
from sanctionkit.model._fields import non_empty, optional_non_empty, to_tuple, tuple_of
from sanctionkit.model.entities import (
    Aircraft,
    CountryRoleKind,
    Entity,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.model.relationships import CONTROL_KINDS, Relationship, RelationshipKind
from sanctionkit.model.sanctions import Authority, Designation, SanctionPackage
from sanctionkit.model.transfers import AllegedTransfer, EntityRef
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

if TYPE_CHECKING:
    from sanctionkit.match.index import Index

__all__ = ["Dataset", "Designations", "EntityView", "Problem"]

E = TypeVar("E", bound=Entity)
T = TypeVar("T")


_CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def problem_code_word(text: str) -> bool:
    """Whether ``text`` can be a problem's code: lower-case words joined by hyphens.

    >>> problem_code_word("invalid-imo"), problem_code_word("Invalid IMO")
    (True, False)
    """
    return _CODE.fullmatch(text) is not None


def _code_word(instance: Problem, attribute: attrs.Attribute[str], value: str) -> None:
    if not problem_code_word(value):
        raise InvalidFieldError(
            f"a problem code is lower-case words joined by hyphens, not {value!r}",
            value,
            record="Problem",
            field=attribute.name,
        )


def _default_code(problem: Problem) -> str:
    """The code of a problem made without one: what it is about, from where it is."""
    if problem.field is not None:
        return "invalid-value"
    return "invalid-record" if problem.record is not None else "invalid-file"


@attrs.frozen(kw_only=True)
class Problem:
    """Something in the input that could not be used as it stands.

    Lenient readers keep going and collect these; strict readers raise the
    first. ``file``, ``record`` and ``field`` say where, ``value`` is the
    offending text. ``code`` says what kind of problem it is, in words that
    stay the same from one version to the next ("invalid-imo",
    "unknown-country", "rejected-record"), so that a known problem can be
    *accepted*: ``sk.load(path, strict=True, accept=["invalid-imo:19569"])``
    keeps it in ``dataset.problems`` with ``accepted`` set, and strict mode
    and ``sanctionkit validate`` do not fail on it. ``file`` is the path as
    it was given to :func:`~sanctionkit.load` (or an open file's ``name``).

    >>> Problem(message="bad check digit", record="12345", field="imo", value="9683741")
    Problem(message='bad check digit', file=None, record='12345', field='imo', \
value='9683741', code='invalid-value', accepted=False)
    """

    message: str = attrs.field(validator=non_empty)
    #: The file, as the path was given to ``load`` (or an open file's ``name``).
    file: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: The list's own reference of the record (OFAC uid, UN DATAID) or its line number.
    record: str | None = attrs.field(default=None, validator=optional_non_empty)
    field: str | None = attrs.field(default=None, validator=optional_non_empty)
    value: str | None = None
    #: What kind of problem: a stable, lower-case, hyphenated word such as "invalid-imo".
    #: Without one, "invalid-value" (a field is named), "invalid-record" (a record is)
    #: or "invalid-file".
    code: str = attrs.field(
        default=attrs.Factory(_default_code, takes_self=True), validator=_code_word
    )
    #: True when the user accepted this problem as known (see ``accept`` of ``load``).
    accepted: bool = False

    def __str__(self) -> str:
        where = ", ".join(
            f"{label} {part}"
            for label, part in (("file", self.file), ("record", self.record), ("field", self.field))
            if part is not None
        )
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{value}" if where else f"{self.message}{value}"

    def accepted_by(self, rules: Iterable[str]) -> bool:
        """Whether one of ``rules`` ("CODE" or "CODE:RECORD") accepts this problem.

        >>> problem = Problem(message="bad check digit", record="19569", code="invalid-imo")
        >>> problem.accepted_by(["invalid-imo"]), problem.accepted_by(["invalid-imo:19569"])
        (True, True)
        >>> problem.accepted_by(["invalid-imo:19570", "unknown-country"])
        False
        """
        for rule in rules:
            code, colon, record = rule.partition(":")
            if code == self.code and (not colon or record == self.record):
                return True
        return False


class EntityView(Sequence[E], Generic[E]):
    """The entities of one kind in a dataset: iterate, count, index, look up and filter.

    >>> import sanctionkit as sk
    >>> ds = sk.Dataset(entities=[sk.Vessel(id="v1", name="MARIA", flag="RU")])
    >>> len(ds.vessels), ds.vessels[0].name
    (1, 'MARIA')
    >>> ", ".join(vessel.id for vessel in ds.vessels.filter(flag="RU"))
    'v1'
    """

    __slots__ = ("_designations_of", "_items", "_kind")

    def __init__(
        self,
        items: Iterable[E],
        *,
        kind: type[Entity] | None = None,
        designations_of: Callable[[str], tuple[Designation, ...]] | None = None,
    ) -> None:
        self._items: tuple[E, ...] = tuple(items)
        # The class the view holds (for the fields a filter may name), and the
        # dataset's designations (for the filters on programme, authority, dates).
        self._kind = kind
        self._designations_of = designations_of

    def _view(self, items: Iterable[E]) -> EntityView[E]:
        return EntityView(items, kind=self._kind, designations_of=self._designations_of)

    @overload
    def __getitem__(self, index: int) -> E: ...

    @overload
    def __getitem__(self, index: slice) -> EntityView[E]: ...

    def __getitem__(self, index: int | slice) -> E | EntityView[E]:
        if isinstance(index, slice):
            return self._view(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[E]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EntityView):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        names = ", ".join(repr(item.name) for item in self._items[:3])
        more = ", ..." if len(self._items) > 3 else ""
        return f"<EntityView of {len(self._items)}: {names}{more}>"

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per entity; list fields as lists (``pandas`` extra)."""
        return _tables.to_pandas(_tables.rows(self._items))

    def to_arrow(self) -> Any:
        """A pyarrow Table, one row per entity (``arrow`` extra)."""
        return _tables.to_arrow(_tables.rows(self._items))

    def side_table(self, field: str) -> Any:
        """A tidy DataFrame of one list field: aliases, identifiers, addresses, countries.

        One row per item, with the entity's id and the item's position.
        """
        if field not in _tables.SIDE_TABLES:
            raise ValueError(f"no side table {field!r}; known: {', '.join(_tables.SIDE_TABLES)}")
        return _tables.to_pandas(_tables.side_rows(self._items, field))

    def get(self, entity_id: str) -> E | None:
        """The entity with this id (or one of its ``joined_ids``), or None."""
        found = next((item for item in self._items if item.id == entity_id), None)
        if found is None:
            found = next((item for item in self._items if entity_id in item.joined_ids), None)
        return found

    def filter(
        self,
        predicate: Callable[[E], bool] | None = None,
        *,
        programme: str | None = None,
        authority: str | Authority | None = None,
        listed_after: DateLike | None = None,
        listed_before: DateLike | None = None,
        country: str | Country | None = None,
        role: str | CountryRoleKind | None = None,
        nationality: str | Country | None = None,
        **fields: object,
    ) -> EntityView[E]:
        """The entities that pass ``predicate`` and every criterion given.

        - a field of the entities, by name: ``flag="North Korea"``,
          ``vessel_type="Tanker"``; a string for a country field is parsed
          as a country. A name that is no field raises
          :class:`~sanctionkit.errors.UnknownFieldError`, which names the valid
          ones: a misspelt criterion would otherwise give an empty view, which
          reads like "nobody".
        - ``country`` (parsed as a country) in the entity's countries, with any
          role, or the one ``role`` names ("nationality", "residence", ...);
          ``nationality=X`` is ``country=X, role="nationality"``. A vessel's
          flag is its own field: ``flag=``.
        - ``programme``, ``authority`` (a name, any case, or an ``Authority``),
          ``listed_after`` and ``listed_before`` (a date, a ``PartialDate`` or
          its text; both ends included) ask about the designations: an entity
          passes when *one* of its designations meets all that are given. A
          listing date known only to the year or month passes when all of it
          lies on the asked side. These need the dataset (``ds.persons``), not
          a view made by hand.

        >>> import sanctionkit as sk
        >>> ofac = sk.Authority(name="OFAC", country="US")
        >>> def russian(role):
        ...     return [sk.CountryRole(country="RU", role=role)]
        >>> ds = sk.Dataset(
        ...     entities=[
        ...         sk.Person(id="p1", name="A", countries=russian("nationality")),
        ...         sk.Person(id="p2", name="B", countries=russian("residence")),
        ...     ],
        ...     designations=[
        ...         sk.Designation(entity_id="p1", authority=ofac, programmes=["RUSSIA-EO14024"],
        ...                        listed="2024-05-01"),
        ...         sk.Designation(entity_id="p2", authority=ofac, listed="2018"),
        ...     ],
        ... )
        >>> [p.id for p in ds.persons.filter(country="Russia")]
        ['p1', 'p2']
        >>> [p.id for p in ds.persons.filter(nationality="Russia")]
        ['p1']
        >>> [p.id for p in ds.persons.filter(country="RU", role="residence")]
        ['p2']
        >>> [p.id for p in ds.persons.filter(programme="russia-eo14024", authority="ofac")]
        ['p1']
        >>> [p.id for p in ds.persons.filter(listed_before="2019-01-01")]
        ['p2']
        >>> [p.id for p in ds.persons.filter(listed_after="2024")]
        ['p1']
        >>> ds.persons.filter(colour="red")
        Traceback (most recent call last):
        ...
        sanctionkit.errors.UnknownFieldError: no field 'colour' to filter on; valid: ...
        """
        wanted = {name: self._field_criterion(name, value) for name, value in fields.items()}
        tests: list[Callable[[E], bool]] = []
        if predicate is not None:
            tests.append(predicate)
        if wanted:
            tests.append(
                lambda item: all(
                    getattr(item, name, _MISSING) == value for name, value in wanted.items()
                )
            )
        if role is not None and country is None:
            raise ValueError("role= narrows country=: give the country too")
        if country is not None:
            tests.append(_country_test(country, None if role is None else CountryRoleKind(role)))
        if nationality is not None:
            tests.append(_country_test(nationality, CountryRoleKind.NATIONALITY))
        asked = (programme, authority, listed_after, listed_before)
        if any(value is not None for value in asked):
            tests.append(self._designation_test(programme, authority, listed_after, listed_before))
        return self._view(item for item in self._items if all(test(item) for test in tests))

    def _valid_fields(self) -> list[str]:
        kinds: Iterable[type] = (
            [self._kind] if self._kind is not None else {type(item) for item in self._items}
        )
        names = {field.name for cls in kinds or [Entity] for field in attrs.fields(cls)}
        return sorted(names | _SPECIAL_CRITERIA)

    def _field_criterion(self, name: str, value: object) -> object:
        valid = self._valid_fields()
        if name not in valid:
            raise UnknownFieldError(name, valid)
        return _criterion(name, value)

    def _designation_test(
        self,
        programme: str | None,
        authority: str | Authority | None,
        after: DateLike | None,
        before: DateLike | None,
    ) -> Callable[[E], bool]:
        designations_of = self._designations_of
        if designations_of is None:
            raise ValueError(
                "filters on programme, authority and listing dates need the dataset's "
                "designations: filter ds.persons (or another view of a dataset)"
            )
        folded = None if programme is None else programme.casefold()
        after_day = None if after is None else _day(after, earliest=True)
        before_day = None if before is None else _day(before, earliest=False)

        def passes(designation: Designation) -> bool:
            if folded is not None and folded not in (p.casefold() for p in designation.programmes):
                return False
            if isinstance(authority, Authority) and designation.authority != authority:
                return False
            if isinstance(authority, str) and (
                designation.authority.name.casefold() != authority.casefold()
            ):
                return False
            day = designation.listed
            if after_day is not None and (day is None or day.earliest() < after_day):
                return False
            return before_day is None or (day is not None and day.latest() <= before_day)

        return lambda item: any(passes(d) for d in designations_of(item.id))


_MISSING = object()
_COUNTRY_FIELDS = frozenset({"flag"})
# The keyword criteria of EntityView.filter that are not fields, named in its errors.
_SPECIAL_CRITERIA = frozenset(
    {"programme", "authority", "listed_after", "listed_before", "country", "role", "nationality"}
)
DateLike = datetime.date | PartialDate | str


def _day(value: DateLike, *, earliest: bool) -> datetime.date:
    """A filter's date bound as a day: the first day of "2024" for after, the last for before."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        from sanctionkit.values.dates import parse_date

        parsed = parse_date(value)
        if not isinstance(parsed, PartialDate):
            raise ValueError(f"expected one date, found a range: {value!r}")
        value = parsed
    return value.earliest() if earliest else value.latest()


def _country_test(value: str | Country, role: CountryRoleKind | None) -> Callable[[Entity], bool]:
    from sanctionkit.values.countries import parse_country

    wanted = parse_country(value) if isinstance(value, str) else value
    return lambda item: any(
        held.country == wanted and (role is None or held.role is role) for held in item.countries
    )


class Designations(tuple[Designation, ...]):
    """The designations of a dataset: a tuple, with table exports.

    >>> import sanctionkit as sk
    >>> frame = sk.builtin_dataset().designations.to_pandas()  # doctest: +SKIP
    """

    __slots__ = ()

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per designation (``pandas`` extra)."""
        return _tables.to_pandas(_tables.rows(self, type_column=None))

    def to_arrow(self) -> Any:
        """A pyarrow Table, one row per designation (``arrow`` extra)."""
        return _tables.to_arrow(_tables.rows(self, type_column=None))


def _criterion(name: str, value: object) -> object:
    if name in _COUNTRY_FIELDS and isinstance(value, str):
        from sanctionkit.values.countries import parse_country

        return parse_country(value)
    return value


def _slug(text: str) -> str:
    """Lower-case ASCII words joined with hyphens ("ministry-of-finance-japan")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "authority"


def _package(
    package_id: str, authority: Authority, day: PartialDate, designations: list[Designation]
) -> SanctionPackage:
    """The package of one authority's designations listed on one day."""

    def union(values: Iterable[T]) -> tuple[T, ...]:
        return tuple(dict.fromkeys(values))

    programmes = union(p for d in designations for p in d.programmes)
    count = len(designations)
    return SanctionPackage(
        id=package_id,
        authority=authority,
        announced=day,
        title=f"{authority.name}: {count} designation{'s' if count != 1 else ''} "
        f"listed on {day.isoformat()}",
        summary=f"Programmes: {'; '.join(programmes)}" if programmes else None,
        designations=designations,
        legal_basis=union(basis for d in designations for basis in d.legal_basis),
        measures=union(measure for d in designations for measure in d.measures),
        sources=union(source for d in designations for source in d.sources),
    )


#: How many entities the repr of a dataset shows.
_REPR_ENTITIES = 3


def _short(text: str, limit: int) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: A metadata value: text (a list's name, a date), or a count of records, rows or sheets.
MetadataValue = str | int


def _metadata(value: Mapping[str, MetadataValue] | None) -> dict[str, MetadataValue]:
    return dict(value or {})


@attrs.frozen(kw_only=True, hash=False, repr=False)
class Dataset:
    """Entities and everything said about them, as one collection.

    ``len(ds)`` and ``iter(ds)`` count and walk the entities; ``ds.get(id)``
    finds an entity, a package or a transfer by id. ``designations`` holds
    the designations of every package followed by the standalone ones, given
    as ``Dataset(designations=...)`` (as readers of official lists do).

    >>> import sanctionkit as sk
    >>> ship = sk.Vessel(id="vessel-maria", name="MARIA", flag="RU")
    >>> kr = sk.Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry")
    >>> package = sk.SanctionPackage(
    ...     id="kr-2024-05-24",
    ...     authority=kr,
    ...     announced="2024-05-24",
    ...     designations=[sk.Designation(entity_id="vessel-maria", authority=kr)],
    ... )
    >>> ds = sk.Dataset(entities=[ship], packages=[package])
    >>> len(ds), ds.get("vessel-maria").flag.alpha2, len(ds.designations)
    (1, 'RU', 1)
    """

    entities: tuple[Entity, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Entity)
    )
    # Designations that are not part of a package (as read from a list). The
    # public ``designations`` adds those of the packages.
    _standalone: tuple[Designation, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Designation),
        alias="designations",
        repr=False,
    )
    packages: tuple[SanctionPackage, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(SanctionPackage)
    )
    transfers: tuple[AllegedTransfer, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(AllegedTransfer)
    )
    problems: tuple[Problem, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Problem)
    )
    #: Stated links between its entities: ownership, control, leadership (see Relationship).
    relationships: tuple[Relationship, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Relationship)
    )
    #: What the source says about itself: its name, publish date (text), and the
    #: counts of records read, returned and rejected (integers).
    #: Not part of equality: two datasets with the same records are equal.
    metadata: dict[str, MetadataValue] = attrs.field(factory=dict, converter=_metadata, eq=False)
    _index: dict[str, Entity | SanctionPackage | AllegedTransfer] = attrs.field(
        init=False, eq=False, repr=False
    )

    # Every designation, and each entity's, worked out once: datasets are frozen.
    _designations: Designations = attrs.field(init=False, eq=False, repr=False)
    # Filled on the first designations_of() call: many datasets never need it.
    _by_entity: dict[str, tuple[Designation, ...]] = attrs.field(
        init=False, eq=False, repr=False, factory=dict
    )

    @_designations.default
    def _all_designations(self) -> Designations:
        packaged = tuple(d for package in self.packages for d in package.designations)
        return Designations(packaged + self._standalone)

    @_index.default
    def _build_index(self) -> dict[str, Entity | SanctionPackage | AllegedTransfer]:
        index: dict[str, Entity | SanctionPackage | AllegedTransfer] = {}
        records: list[Entity | SanctionPackage | AllegedTransfer] = [
            *self.entities,
            *self.packages,
            *self.transfers,
        ]
        for record in records:
            if record.id in index:
                raise ValueError(f"dataset has two records with id {record.id!r}")
            index[record.id] = record
        # The ids of records that sk.link joined into one find the joined entity.
        for entity in self.entities:
            for joined in entity.joined_ids:
                if index.setdefault(joined, entity) is not entity:
                    raise ValueError(f"dataset has two records with id {joined!r}")
        return index

    def __attrs_post_init__(self) -> None:
        missing = sorted(set(self._references()) - {entity.id for entity in self.entities})
        if missing:
            raise ValueError(f"dataset refers to entities it does not hold: {', '.join(missing)}")

    def _references(self) -> Iterator[str]:
        for designation in self.designations:
            yield designation.entity_id
        for entity in self.entities:
            if isinstance(entity, Vessel):
                yield from filter(None, (entity.owner_id, entity.operator_id))
            elif isinstance(entity, Aircraft) and entity.operator_id is not None:
                yield entity.operator_id
        for link in self.relationships:
            yield from (link.subject_id, link.object_id)
        for transfer in self.transfers:
            yield from transfer.carriers
            parties = [transfer.origin, transfer.destination]
            parties += [claim.party for claim in transfer.claims]
            yield from (party.entity_id for party in parties if isinstance(party, EntityRef))

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._index

    def get(self, record_id: str) -> Entity | SanctionPackage | AllegedTransfer | None:
        """The entity, package or transfer with this id, or None.

        An entity that :func:`sanctionkit.link` joined from several records is
        found by each of their ids (its ``joined_ids``).
        """
        return self._index.get(record_id)

    @property
    def unaccepted_problems(self) -> tuple[Problem, ...]:
        """The problems not accepted as known (see ``accept`` of :func:`~sanctionkit.load`).

        Strict reading, ``sanctionkit validate`` and ``--strict`` fail on these only.
        """
        return tuple(problem for problem in self.problems if not problem.accepted)

    @property
    def designations(self) -> Designations:
        """Every designation: those of the packages, then the standalone ones."""
        return self._designations

    @property
    def standalone_designations(self) -> tuple[Designation, ...]:
        """The designations that belong to no package (as read from an official list)."""
        return self._standalone

    def designations_of(self, entity_id: str) -> tuple[Designation, ...]:
        """The designations of one entity, by every authority (also by a joined id)."""
        record = self._index.get(entity_id)
        if isinstance(record, Entity):
            entity_id = record.id
        if not self._by_entity and self._designations:
            grouped: dict[str, list[Designation]] = {}
            for designation in self._designations:
                grouped.setdefault(designation.entity_id, []).append(designation)
            self._by_entity.update((key, tuple(found)) for key, found in grouped.items())
        return self._by_entity.get(entity_id, ())

    def relationships_of(
        self, entity_id: str, kind: RelationshipKind | str | None = None
    ) -> tuple[Relationship, ...]:
        """The relationships with this entity at either end (of one ``kind``, if given)."""
        record = self._index.get(entity_id)
        entity_id = record.id if isinstance(record, Entity) else entity_id
        wanted = None if kind is None else RelationshipKind(kind)
        return tuple(
            link
            for link in self.relationships
            if entity_id in (link.subject_id, link.object_id) and wanted in (None, link.kind)
        )

    @overload
    def assets_of(self, entity_id: str) -> EntityView[Entity]: ...

    @overload
    def assets_of(self, entity_id: str, kind: type[E]) -> EntityView[E]: ...

    def assets_of(self, entity_id: str, kind: type[Entity] = Entity) -> EntityView[Any]:
        """The entities this one owns or controls, now: ``ds.assets_of(company, sk.Vessel)``.

        Answers "which vessels does this company own?" from the dataset's
        relationships (OFAC's "Owned or Controlled By"); ``kind`` keeps one kind
        of entity. Former links are left out: see :meth:`relationships_of`.

        >>> import sanctionkit as sk
        >>> ds = sk.Dataset(
        ...     entities=[sk.Organization(id="co", name="CO"), sk.Vessel(id="v", name="V")],
        ...     relationships=[
        ...         sk.Relationship(subject_id="v", object_id="co", kind="owned_or_controlled_by")
        ...     ],
        ... )
        >>> [ship.name for ship in ds.assets_of("co", sk.Vessel)], ds.controllers_of("v")[0].id
        (['V'], 'co')
        """
        found = self._controlled(entity_id, by_it=True)
        return EntityView(
            (e for e in found if isinstance(e, kind)),
            kind=kind,
            designations_of=self.designations_of,
        )

    def controllers_of(self, entity_id: str) -> EntityView[Entity]:
        """Who owns or controls this entity, now: "who controls it?" in one call."""
        found = self._controlled(entity_id, by_it=False)
        return EntityView(
            (e for e in found if isinstance(e, Entity)),
            kind=Entity,
            designations_of=self.designations_of,
        )

    def _controlled(self, entity_id: str, *, by_it: bool) -> Iterator[object]:
        """The other ends of the entity's current control links: what it controls
        (``by_it``), or what controls it. ``entity_id`` may be a joined id."""
        record = self._index.get(entity_id)
        entity_id = record.id if isinstance(record, Entity) else entity_id
        for link in self.relationships_of(entity_id):
            if link.kind not in CONTROL_KINDS or link.former:
                continue
            if by_it and link.object_id == entity_id:
                yield self._index[link.subject_id]
            elif not by_it and link.subject_id == entity_id:
                yield self._index[link.object_id]

    def write_parquet(self, directory: str | Path) -> list[Path]:
        """Write the dataset as Parquet files that DuckDB, Polars and Spark read directly.

        ``entities.parquet`` and ``designations.parquet``, and one side table per
        list field of the entities (``aliases.parquet``, ``identifiers.parquet``,
        ``addresses.parquet``, ``countries.parquet``, ``birth_places.parquet``),
        keyed by ``entity_id``, and ``relationships.parquet`` when the dataset
        has relationships. Needs the ``arrow`` extra.
        """
        return _tables.write_parquet(self.tables(), directory)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """The dataset as named tables of plain rows, the shape of its Parquet and CSV files.

        "entities" (one row per entity), "designations", and one side table per
        list field of the entities, keyed by ``entity_id`` (see
        :meth:`write_parquet`). Values are plain Python: codes, ISO dates, lists.

        >>> import sanctionkit as sk
        >>> tables = sk.builtin_dataset().tables()
        >>> list(tables)[:3]
        ['entities', 'designations', 'aliases']
        >>> len(tables["entities"]) == len(sk.builtin_dataset().entities)
        True
        """
        tables = {
            "entities": _tables.rows(self.entities),
            "designations": _tables.rows(self.designations, type_column=None),
        }
        if self.relationships:
            tables["relationships"] = _tables.rows(self.relationships, type_column=None)
        for field, name in _tables.SIDE_TABLES.items():
            tables[name] = _tables.side_rows(self.entities, field)
        return tables

    def packages_by_listing_date(
        self, authority: Authority | None = None
    ) -> tuple[SanctionPackage, ...]:
        """One authority's standalone designations grouped by listing date, as packages.

        Official lists are cumulative; announcements are not. Each day on
        which the authority listed someone becomes a :class:`SanctionPackage`
        with id "<authority slug>-<date>", ``announced`` that day, those
        designations (the same objects), the union of their measures, legal
        bases and sources, and their programmes as the summary. Packages come
        in date order; designations without a listing date belong to none.
        ``authority`` may be left out when the standalone designations have
        only one. The packages are views of the list: put them in a dataset
        *instead of* its standalone designations, not beside them.

        >>> import sanctionkit as sk
        >>> mof = sk.Authority(name="Ministry of Finance, Japan", country="JP")
        >>> ds = sk.Dataset(
        ...     entities=[sk.Person(id="p1", name="A"), sk.Person(id="p2", name="B")],
        ...     designations=[
        ...         sk.Designation(entity_id=f"p{n}", authority=mof, listed="2024-05-24")
        ...         for n in (1, 2)
        ...     ],
        ... )
        >>> for package in ds.packages_by_listing_date():
        ...     print(package.id, len(package.designations))
        ministry-of-finance-japan-2024-05-24 2
        """
        designations = self._standalone
        if authority is None:
            authorities = list(dict.fromkeys(d.authority for d in designations))
            if len(authorities) > 1:
                names = "; ".join(a.name for a in authorities)
                raise ValueError(f"designations by several authorities ({names}): choose one")
            if not authorities:
                return ()
            authority = authorities[0]
        by_date: dict[PartialDate, list[Designation]] = {}
        for designation in designations:
            if designation.authority == authority and designation.listed is not None:
                by_date.setdefault(designation.listed, []).append(designation)
        slug = _slug(authority.name)
        return tuple(
            _package(f"{slug}-{day.isoformat()}", authority, day, by_date[day])
            for day in sorted(by_date, key=lambda day: (day.earliest(), day.isoformat()))
        )

    @property
    def persons(self) -> EntityView[Person]:
        return EntityView(
            (e for e in self.entities if isinstance(e, Person)),
            kind=Person,
            designations_of=self.designations_of,
        )

    @property
    def organizations(self) -> EntityView[Organization]:
        return EntityView(
            (e for e in self.entities if isinstance(e, Organization)),
            kind=Organization,
            designations_of=self.designations_of,
        )

    @property
    def vessels(self) -> EntityView[Vessel]:
        return EntityView(
            (e for e in self.entities if isinstance(e, Vessel)),
            kind=Vessel,
            designations_of=self.designations_of,
        )

    @property
    def aircraft(self) -> EntityView[Aircraft]:
        return EntityView(
            (e for e in self.entities if isinstance(e, Aircraft)),
            kind=Aircraft,
            designations_of=self.designations_of,
        )

    def __repr__(self) -> str:
        """A few lines, however large the dataset: its name, counts, and its first records.

        ``print(dataset)`` of a whole official list would otherwise print every
        record (megabytes); like a pandas frame, this shows the head only. Look
        at the records with ``dataset.entities``, ``dataset.persons`` ...

        >>> import sanctionkit as sk
        >>> ships = [sk.Vessel(id=f"v{n}", name=f"SHIP {n}") for n in range(1000)]
        >>> print(sk.Dataset(entities=ships, metadata={"list": "Ships"}))
        <Dataset 'Ships': 1000 entities (1000 vessels)
          designations 0, packages 0, transfers 0, problems 0
          Vessel 'SHIP 0' (id v0)
          Vessel 'SHIP 1' (id v1)
          Vessel 'SHIP 2' (id v2)
          ... and 997 more entities>
        """
        title = self.metadata.get("title") or self.metadata.get("list")
        named = f" {_short(str(title), 60)!r}" if title else ""
        kinds = {
            "persons": len(self.persons),
            "organizations": len(self.organizations),
            "vessels": len(self.vessels),
            "aircraft": len(self.aircraft),
        }
        by_kind = ", ".join(f"{count} {kind}" for kind, count in kinds.items() if count)
        lines = [
            f"<Dataset{named}: {len(self.entities)} entities"
            + (f" ({by_kind})" if by_kind else ""),
            f"  designations {len(self.designations)}, packages {len(self.packages)}, "
            f"transfers {len(self.transfers)}, problems {len(self.problems)}",
        ]
        shown = self.entities[:_REPR_ENTITIES]
        lines += [
            f"  {type(entity).__name__} {_short(entity.name, 60)!r} (id {entity.id})"
            for entity in shown
        ]
        if len(self.entities) > len(shown):
            lines.append(f"  ... and {len(self.entities) - len(shown)} more entities")
        return "\n".join(lines) + ">"

    def index(self) -> Index:
        """A name search index of this dataset (needs the ``match`` extra).

        >>> import sanctionkit as sk
        >>> sk.builtin_dataset().index().search("MG-Flot LLC")[0].entity.id
        'mg-flot-llc'
        """
        from sanctionkit.match import Index  # here: the model must not import the matcher

        return Index(self)

    def _repr_html_(self) -> str:
        """A summary for Jupyter: counts by kind, then the packages and transfers."""
        from sanctionkit.model._html import dataset_html  # here: _html imports this module

        return dataset_html(self)
