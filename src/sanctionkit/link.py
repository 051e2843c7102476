"""Link datasets from several authorities: the same ship, company or person is one entity.

Records are joined only on strong identifiers, never on names: a vessel's IMO
number, an IMO company number, a UN reference number ("KPe.033", which the UN
gives once and other lists cite), and registration, tax or passport numbers
together with the country that issued them. Records with the same id (the
same list read twice) are the same entity too. :func:`link` says which
identifier joined which records; :func:`merge` gives just the dataset.

Entries of *one list* are never joined: a list's entries are distinct by the
list's own decision, even when two of them share a number (two companies with
one tax number). Such a number is reported as a :class:`Finding` instead. A
list is an authority and the list it publishes (the dataset's ``list``
metadata, or the dataset itself when it has none), so two days of one list
are one list too. The joined entity keeps the ids of the records it was
joined from in ``joined_ids``, and ``Dataset.get`` finds it by any of them.

>>> import sanctionkit as sk
>>> ofac = sk.Dataset(
...     entities=[sk.Vessel(id="ofac-1", name="MARIA", imo="8517839", flag="RU")],
...     designations=[sk.Designation(entity_id="ofac-1", authority=sk.Authority(name="OFAC"))],
... )
>>> korea = sk.Dataset(
...     entities=[sk.Vessel(id="kr-maria", name="Maria", imo="IMO 8517839")],
...     designations=[sk.Designation(entity_id="kr-maria", authority=sk.Authority(name="MOFA"))],
... )
>>> linked = sk.link(ofac, korea)
>>> for joined in linked.links:
...     print(joined.key, "joins", *joined.entity_ids)
imo 8517839 joins ofac-1 kr-maria
>>> ship = linked.dataset.vessels[0]
>>> ship.id, [alias.name for alias in ship.aliases], ship.joined_ids
('ofac-1', ['Maria'], ('kr-maria',))
>>> linked.dataset.get("kr-maria") is ship
True
>>> sorted(d.authority.name for d in linked.dataset.designations_of("ofac-1"))
['MOFA', 'OFAC']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from sanctionkit.model import (
    Alias,
    AliasQuality,
    AllegedTransfer,
    Dataset,
    Entity,
    EntityRef,
    Party,
    Problem,
    SanctionPackage,
    Vessel,
)
from sanctionkit.model.relationships import Relationship

if TYPE_CHECKING:
    from sanctionkit.match.resolve import ProposedLink

Rename = Callable[[str], str]
Record = TypeVar("Record", SanctionPackage, AllegedTransfer)

__all__ = ["Finding", "Link", "Linked", "link", "merge"]

# Identifier schemes strong enough to join records when the issuing country is known.
_NATIONAL_SCHEMES = frozenset({"registration", "tax_id", "passport", "national_id"})
# Identifier schemes that are unique world-wide: no issuing country needed.
_GLOBAL_SCHEMES = frozenset({"imo_company", "un_reference"})


@attrs.frozen
class Link:
    """Records joined into one entity, and the identifier that joined them."""

    #: The joining identifier, e.g. "imo 8517839" or "registration RU 1217700053493".
    key: str
    #: The ids of the joined records, in the order they were met; the first is kept.
    entity_ids: tuple[str, ...]


@attrs.frozen
class Finding:
    """Entries of one list that share a strong identifier, and were kept apart.

    A list's entries are distinct by its own decision, so :func:`link` does not
    join them; the shared number may be a data error of the list, or two
    companies at one registry number. ``entity_ids`` are in the order met.
    """

    #: The shared identifier, e.g. "tax_id CO 8040022563".
    key: str
    #: The list the entries belong to: "<authority> / <list>".
    list: str
    entity_ids: tuple[str, ...]
    #: Why they are reported: a number shared inside the list, or a join that
    #: would have put two of its entries in one entity through a third record.
    message: str

    def __str__(self) -> str:
        return f"{self.list}: {', '.join(self.entity_ids)} {self.message} ({self.key})"


@attrs.frozen
class Linked:
    """The result of :func:`link`: one dataset, the links that made it, and the findings."""

    dataset: Dataset
    links: tuple[Link, ...]
    #: Strong identifiers shared by entries of one list, which were not joined.
    findings: tuple[Finding, ...] = ()
    #: Links proposed by name (``link(..., names=True)``): not joined, for a person to decide.
    proposals: tuple[ProposedLink, ...] = ()


def merge(*datasets: Dataset) -> Dataset:
    """One dataset in which records with the same strong identifier are one entity."""
    return link(*datasets).dataset


def link(*datasets: Dataset, names: bool = False, threshold: float | None = None) -> Linked:
    """Join the datasets' entities that share a strong identifier; keep every designation.

    The first record met (in argument order) gives the entity its id, name and
    single-valued fields; the others add their names as aliases and their
    identifiers, addresses, countries, notes and sources, and their ids to
    ``joined_ids``. A differing value of a single-valued field (another flag)
    is kept as a note, not lost. Records of different kinds (a vessel and a
    company) are never joined, nor are two entries of one list: a number they
    share is a :class:`Finding` in ``findings``.

    With ``names=True``, ``proposals`` also lists the pairs of entities that
    :func:`sanctionkit.match.resolve` proposes by name (at ``threshold``, by
    default ``sanctionkit.match.DEFAULT_THRESHOLD``); they are not joined. It
    needs the ``match`` extra.
    """
    entities = [entity for dataset in datasets for entity in dataset.entities]
    lists = [
        _lists_of(entity, dataset, number)
        for number, dataset in enumerate(datasets)
        for entity in dataset.entities
    ]
    groups, findings = _group(entities, lists)
    merged: dict[str, Entity] = {}
    renamed: dict[str, str] = {}
    links: list[Link] = []
    for members, keys in groups:
        kept = members[0]
        merged[kept.id] = _combine(members) if len(members) > 1 else kept
        for member in members:
            renamed[member.id] = kept.id
        ids = tuple(dict.fromkeys(member.id for member in members))
        if len(ids) > 1:
            links.append(Link(key=", ".join(sorted(keys)), entity_ids=ids))

    def rename(entity_id: str) -> str:
        return renamed.get(entity_id, entity_id)

    problems: list[Problem] = [p for dataset in datasets for p in dataset.problems]
    packages = _unique_by_id(
        (package for dataset in datasets for package in dataset.packages), problems
    )
    transfers = _unique_by_id(
        (transfer for dataset in datasets for transfer in dataset.transfers), problems
    )
    proposals: tuple[ProposedLink, ...] = ()
    if names:
        # The match extra is optional: imported here, it raises MissingDependencyError naming it.
        from sanctionkit.match.compare import DEFAULT_THRESHOLD
        from sanctionkit.match.resolve import propose

        chosen = DEFAULT_THRESHOLD if threshold is None else threshold
        proposals = tuple(propose(datasets, links, chosen))
    return Linked(
        dataset=Dataset(
            entities=[_with_links(entity, rename) for entity in merged.values()],
            designations=[
                attrs.evolve(d, entity_id=rename(d.entity_id))
                for dataset in datasets
                for d in dataset.standalone_designations
            ],
            packages=[_renamed_package(package, rename) for package in packages],
            transfers=[_renamed_transfer(transfer, rename) for transfer in transfers],
            relationships=_renamed_relationships(datasets, rename),
            problems=problems,
            metadata={"merged_from": ", ".join(_describe(dataset) for dataset in datasets)},
        ),
        links=tuple(links),
        findings=tuple(findings),
        proposals=proposals,
    )


def _renamed_relationships(datasets: tuple[Dataset, ...], rename: Rename) -> list[Relationship]:
    """Every dataset's relationships between the joined entities, each once.

    A link between two records that were joined into one entity links it to
    itself, which says nothing: it is left out.
    """
    renamed = (
        attrs.evolve(link, subject_id=rename(link.subject_id), object_id=rename(link.object_id))
        for dataset in datasets
        for link in dataset.relationships
        if rename(link.subject_id) != rename(link.object_id)
    )
    return list(dict.fromkeys(renamed))


def _strong_keys(entity: Entity) -> Iterator[str]:
    """The identifiers that name this entity and no other."""
    if isinstance(entity, Vessel) and entity.imo is not None:
        yield f"imo {entity.imo}"
    for identifier in entity.identifiers:
        if identifier.scheme in _GLOBAL_SCHEMES:
            # UN references are written "QDe.145" and "QDE.145": one number.
            yield f"{identifier.scheme} {''.join(identifier.value.split()).upper()}"
        elif identifier.scheme in _NATIONAL_SCHEMES and identifier.country is not None:
            number = "".join(identifier.value.split()).upper()
            yield f"{identifier.scheme} {identifier.country.code} {number}"


def _lists_of(entity: Entity, dataset: Dataset, number: int) -> frozenset[str]:
    """The lists an entity is an entry of: "<authority> / <list>" per designation.

    The list is the dataset's ``list`` metadata (the same for two days of one
    list), or the dataset's place among the arguments when it has none.
    """
    name = dataset.metadata.get("list") or f"dataset {number + 1}"
    authorities = {d.authority.name for d in dataset.designations_of(entity.id)}
    return frozenset(f"{authority} / {name}" for authority in authorities or {"no authority"})


@attrs.define
class _Group:
    """A set of records being joined: which id each list has in it, and the keys."""

    #: list -> the one entry of that list in the group.
    entries: dict[str, str]
    keys: set[str] = attrs.Factory(set)


def _group(
    entities: list[Entity], lists: list[frozenset[str]]
) -> tuple[list[tuple[list[Entity], set[str]]], list[Finding]]:
    """Entities joined by shared ids or strong keys (union-find over positions).

    A join on a strong key is refused when it would put two entries of one list
    in one group; every refusal is a finding.
    """
    parent = list(range(len(entities)))
    groups = {
        position: _Group(entries=dict.fromkeys(lists[position], entity.id))
        for position, entity in enumerate(entities)
    }
    found: dict[tuple[str, str], dict[str, None]] = {}
    messages: dict[tuple[str, str], str] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for position, entity in enumerate(entities):
        for key in (f"id {entity.id}", *_strong_keys(entity)):
            other = first_with.setdefault(key, position)
            a, b = root(other), root(position)
            if a == b or type(entities[a]) is not type(entities[b]):
                continue
            by_id = key.startswith("id ")
            clashes = [
                name
                for name, entry in groups[b].entries.items()
                if groups[a].entries.get(name, entry) != entry
            ]
            if clashes and not by_id:
                for name in clashes:
                    pair = (groups[a].entries[name], groups[b].entries[name])
                    found.setdefault((key, name), {}).update(dict.fromkeys(pair))
                    bridge = entity.id if entity.id not in pair else entities[other].id
                    messages.setdefault(
                        (key, name),
                        "share this identifier inside one list: kept apart"
                        if bridge in pair
                        else f"would be joined through {bridge} of another list: kept apart",
                    )
                continue
            keep, drop = min(a, b), max(a, b)
            parent[drop] = keep
            joined = groups.pop(drop)
            groups[keep].entries = {**joined.entries, **groups[keep].entries}
            groups[keep].keys |= joined.keys
            if not by_id:
                groups[keep].keys.add(key)
    members: dict[int, list[Entity]] = {}
    for position, entity in enumerate(entities):
        members.setdefault(root(position), []).append(entity)
    findings = [
        Finding(key=key, list=name, entity_ids=tuple(ids), message=messages[key, name])
        for (key, name), ids in found.items()
    ]
    return [(group, groups[top].keys) for top, group in members.items()], findings


def _combine(members: list[Entity]) -> Entity:
    kept, others = members[0], members[1:]
    names = {kept.name, *(alias.name for alias in kept.aliases)}
    aliases = list(kept.aliases)
    for other in others:
        for alias in (Alias(name=other.name, quality=AliasQuality.STRONG), *other.aliases):
            if alias.name not in names:
                names.add(alias.name)
                aliases.append(alias)
    notes = [*kept.notes, *(note for other in others for note in other.notes)]
    notes.append(f"Joined from {', '.join(member.id for member in members)}.")
    joined = list(kept.joined_ids)
    for other in others:
        joined += [other.id, *other.joined_ids]
    changes: dict[str, Any] = {
        "joined_ids": [old for old in dict.fromkeys(joined) if old != kept.id],
        "aliases": aliases,
        "identifiers": _union(member.identifiers for member in members),
        "addresses": _union(member.addresses for member in members),
        "countries": _union(member.countries for member in members),
        "sources": _union(member.sources for member in members),
    }
    for field in attrs.fields(type(kept)):
        if field.name in changes or field.name in ("id", "name", "notes") or not field.eq:
            continue
        values = [getattr(member, field.name) for member in members]
        if isinstance(values[0], tuple):
            changes[field.name] = _union(values)
            continue
        present = [value for value in values if value is not None]
        if present:
            changes[field.name] = present[0]
            differing = list(dict.fromkeys(str(v) for v in present[1:] if v != present[0]))
            if differing:
                notes.append(f"Other {field.name} in joined records: {', '.join(differing)}.")
    changes["notes"] = list(dict.fromkeys(notes))
    return attrs.evolve(kept, **changes)


def _union(groups: Iterable[tuple[object, ...]]) -> list[object]:
    return list(dict.fromkeys(item for group in groups for item in group))


def _with_links(entity: Entity, rename: Rename) -> Entity:
    if isinstance(entity, Vessel):
        owner = None if entity.owner_id is None else rename(entity.owner_id)
        operator = None if entity.operator_id is None else rename(entity.operator_id)
        return attrs.evolve(entity, owner_id=owner, operator_id=operator)
    return entity


def _renamed_package(package: SanctionPackage, rename: Rename) -> SanctionPackage:
    designations = [attrs.evolve(d, entity_id=rename(d.entity_id)) for d in package.designations]
    return attrs.evolve(package, designations=designations)


def _renamed_transfer(transfer: AllegedTransfer, rename: Rename) -> AllegedTransfer:
    def party(value: Party | None) -> Party | None:
        return EntityRef(rename(value.entity_id)) if isinstance(value, EntityRef) else value

    claims = [
        attrs.evolve(claim, party=party(claim.party) or claim.party) for claim in transfer.claims
    ]
    return attrs.evolve(
        transfer,
        origin=party(transfer.origin),
        destination=party(transfer.destination),
        carriers=[rename(carrier) for carrier in transfer.carriers],
        claims=claims,
    )


def _unique_by_id(records: Iterable[Record], problems: list[Problem]) -> list[Record]:
    kept: dict[str, Record] = {}
    for record in records:
        if record.id in kept:
            if kept[record.id] != record:
                message = f"two different records with id {record.id!r}; the first is kept"
                problems.append(Problem(message=message, record=record.id))
            continue
        kept[record.id] = record
    return list(kept.values())


def _describe(dataset: Dataset) -> str:
    return str(dataset.metadata.get("list") or dataset.metadata.get("title") or "dataset")
