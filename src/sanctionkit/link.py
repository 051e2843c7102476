"""Link datasets from several authorities: the same ship, company or person is one entity.

Records are joined only on strong identifiers, never on names: a vessel's IMO
number, an IMO company number, and registration, tax or passport numbers
together with the country that issued them. Records with the same id (the
same list read twice) are the same entity too. :func:`link` says which
identifier joined which records; :func:`merge` gives just the dataset.

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
>>> ship.id, [alias.name for alias in ship.aliases]
('ofac-1', ['Maria'])
>>> sorted(d.authority.name for d in linked.dataset.designations_of("ofac-1"))
['MOFA', 'OFAC']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

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

Rename = Callable[[str], str]
Record = TypeVar("Record", SanctionPackage, AllegedTransfer)

__all__ = ["Link", "Linked", "link", "merge"]

# Identifier schemes strong enough to join records when the issuing country is known.
_NATIONAL_SCHEMES = frozenset({"registration", "tax_id", "passport", "national_id"})


@attrs.frozen
class Link:
    """Records joined into one entity, and the identifier that joined them."""

    #: The joining identifier, e.g. "imo 8517839" or "registration RU 1217700053493".
    key: str
    #: The ids of the joined records, in the order they were met; the first is kept.
    entity_ids: tuple[str, ...]


@attrs.frozen
class Linked:
    """The result of :func:`link`: one dataset, and the links that made it."""

    dataset: Dataset
    links: tuple[Link, ...]


def merge(*datasets: Dataset) -> Dataset:
    """One dataset in which records with the same strong identifier are one entity."""
    return link(*datasets).dataset


def link(*datasets: Dataset) -> Linked:
    """Join the datasets' entities that share a strong identifier; keep every designation.

    The first record met (in argument order) gives the entity its id, name and
    single-valued fields; the others add their names as aliases and their
    identifiers, addresses, countries, notes and sources. A differing value of
    a single-valued field (another flag) is kept as a note, not lost. Records of
    different kinds (a vessel and a company) are never joined.
    """
    entities = [entity for dataset in datasets for entity in dataset.entities]
    groups = _group(entities)
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
            problems=problems,
            metadata={"merged_from": ", ".join(_describe(dataset) for dataset in datasets)},
        ),
        links=tuple(links),
    )


def _strong_keys(entity: Entity) -> Iterator[str]:
    """The identifiers that name this entity and no other."""
    if isinstance(entity, Vessel) and entity.imo is not None:
        yield f"imo {entity.imo}"
    for identifier in entity.identifiers:
        if identifier.scheme == "imo_company":
            yield f"imo_company {identifier.value}"
        elif identifier.scheme in _NATIONAL_SCHEMES and identifier.country is not None:
            number = "".join(identifier.value.split()).upper()
            yield f"{identifier.scheme} {identifier.country.code} {number}"


def _group(entities: list[Entity]) -> list[tuple[list[Entity], set[str]]]:
    """Entities joined by shared ids or strong keys (union-find over positions)."""
    parent = list(range(len(entities)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    joined_by: dict[int, set[str]] = {}
    for position, entity in enumerate(entities):
        for key in (f"id {entity.id}", *_strong_keys(entity)):
            other = first_with.setdefault(key, position)
            a, b = root(other), root(position)
            if a == b or type(entities[a]) is not type(entities[b]):
                continue
            keep, drop = min(a, b), max(a, b)
            parent[drop] = keep
            found = joined_by.setdefault(keep, set()) | joined_by.pop(drop, set())
            if not key.startswith("id "):
                found.add(key)
            joined_by[keep] = found
    members: dict[int, list[Entity]] = {}
    for position, entity in enumerate(entities):
        members.setdefault(root(position), []).append(entity)
    return [(group, joined_by.get(top, set())) for top, group in members.items()]


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
    changes: dict[str, Any] = {
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
