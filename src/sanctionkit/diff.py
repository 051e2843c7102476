"""What changed between two versions of the same list.

Listing records are matched by the list's own reference (the authority and its
``authority_ref``: OFAC's entry number, the UN's reference number), so that
reordering or re-serialising a file is no change at all. Records without a
reference are matched by entity id.

>>> import sanctionkit as sk
>>> ofac = sk.Authority(name="OFAC", country="US")
>>> def listed(*names):
...     return sk.Dataset(
...         entities=[sk.Vessel(id=f"ofac-{n}", name=name) for n, name in enumerate(names)],
...         designations=[
...             sk.Designation(entity_id=f"ofac-{n}", authority=ofac, authority_ref=str(n))
...             for n, _ in enumerate(names)
...         ],
...     )
>>> changes = sk.diff(listed("MARIA", "MAIA-1"), listed("MARIA", "MAIA 1", "NEW"))
>>> [d.authority_ref for d in changes.added], [c.fields for c in changes.changed]
(['2'], [('entity.name',)])
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from sanctionkit.model import Dataset, Designation, Entity

__all__ = ["Change", "DatasetDiff", "diff"]

#: How a listing record is recognised across versions.
RecordKey = tuple[str, str]


@attrs.frozen(kw_only=True)
class Change:
    """One listing record whose designation or entity differs between the versions."""

    key: RecordKey
    old: Designation
    new: Designation
    old_entity: Entity | None
    new_entity: Entity | None
    #: The fields that differ, as "designation.programmes" or "entity.aliases".
    fields: tuple[str, ...]


@attrs.frozen(kw_only=True)
class DatasetDiff:
    """Designations added and removed, and listing records changed."""

    added: tuple[Designation, ...]
    removed: tuple[Designation, ...]
    changed: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def summary(self) -> str:
        """One line: how many records were added, removed and changed."""
        return f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"


def record_key(designation: Designation) -> RecordKey:
    """The authority and its own reference; the entity id where there is no reference."""
    if designation.authority_ref is not None:
        return designation.authority.name, designation.authority_ref
    return designation.authority.name, f"entity:{designation.entity_id}"


def diff(old: Dataset, new: Dataset) -> DatasetDiff:
    """Compare two versions of a list: designations added, removed and changed.

    Each added or removed item is a :class:`~sanctionkit.Designation`; its
    entity is ``new.get(d.entity_id)`` (or ``old.get(...)``). A changed record
    lists the fields of its designation or entity that differ. Sources are not
    compared: each version's records cite their own file.
    """
    before = _by_key(old.designations)
    after = _by_key(new.designations)
    added = tuple(after[key] for key in after if key not in before)
    removed = tuple(before[key] for key in before if key not in after)
    changed = []
    for key, was in before.items():
        now = after.get(key)
        if now is None:
            continue
        was_entity, now_entity = _entity(old, was), _entity(new, now)
        fields = (
            *_differing("designation", was, now),
            *_differing("entity", was_entity, now_entity),
        )
        if fields:
            changed.append(
                Change(
                    key=key,
                    old=was,
                    new=now,
                    old_entity=was_entity,
                    new_entity=now_entity,
                    fields=fields,
                )
            )
    return DatasetDiff(added=added, removed=removed, changed=tuple(changed))


def _by_key(designations: Iterable[Designation]) -> dict[RecordKey, Designation]:
    return {record_key(designation): designation for designation in designations}


def _entity(dataset: Dataset, designation: Designation) -> Entity | None:
    found = dataset.get(designation.entity_id)
    return found if isinstance(found, Entity) else None


# Every record of a new version of a file cites that version: not a change.
_PROVENANCE = frozenset({"sources"})


def _differing(
    prefix: str, old: Entity | Designation | None, new: Entity | Designation | None
) -> tuple[str, ...]:
    """Names of the attrs fields whose values differ; "type" when the classes do."""
    if old is None or new is None:
        return () if old is new else (f"{prefix}",)
    if type(old) is not type(new):
        return (f"{prefix}.type",)
    return tuple(
        f"{prefix}.{field.name}"
        for field in attrs.fields(type(old))
        if field.eq
        and field.name not in _PROVENANCE
        and getattr(old, field.name) != getattr(new, field.name)
    )
