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

Each change carries the values: the old and new value of a field, or for a
list field (programmes, aliases, identifiers ...) the items added and removed.

>>> print(changes.changed[0].values[0])
entity.name: 'MAIA-1' -> 'MAIA 1'
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import attrs

from sanctionkit.model import Dataset, Designation, Entity

__all__ = ["Change", "DatasetDiff", "FieldChange", "diff"]

#: How a listing record is recognised across versions.
RecordKey = tuple[str, str]


@attrs.frozen(kw_only=True)
class FieldChange:
    """How one field of a record differs: its old and new value, and for a list
    field the items added and removed (in the order of the version they are in).

    >>> change = FieldChange(
    ...     field="designation.programmes", old=("DPRK",), new=("DPRK", "MAGNIT"),
    ...     added=("MAGNIT",), removed=(),
    ... )
    >>> print(change)
    designation.programmes: added 'MAGNIT'
    """

    #: The field, as "designation.programmes" or "entity.name".
    field: str
    old: object
    new: object
    #: For a list field: the items of ``new`` that ``old`` lacks; else empty.
    added: tuple[object, ...] = ()
    #: For a list field: the items of ``old`` that ``new`` lacks; else empty.
    removed: tuple[object, ...] = ()

    @property
    def is_list(self) -> bool:
        """Whether the field holds a list of items (compared item by item)."""
        return isinstance(self.old, tuple) and isinstance(self.new, tuple)

    def __str__(self) -> str:
        if not self.is_list:
            return f"{self.field}: {_shown(self.old)} -> {_shown(self.new)}"
        parts = [f"added {_shown(item)}" for item in self.added]
        parts += [f"removed {_shown(item)}" for item in self.removed]
        # Same items in another order: say so rather than print nothing.
        return f"{self.field}: {', '.join(parts) or 'reordered'}"


def _shown(value: object) -> str:
    """A value as a person reads it: text quoted, records as their JSON."""
    from sanctionkit.converter import converter  # the converter imports the model, as we do

    data = converter.unstructure(value)
    if isinstance(data, str):
        return repr(data)
    return json.dumps(data, ensure_ascii=False)


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
    #: How each of ``fields`` differs, in the same order.
    values: tuple[FieldChange, ...] = ()


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
        values = (
            *_differing("designation", was, now),
            *_differing("entity", was_entity, now_entity),
        )
        if values:
            changed.append(
                Change(
                    key=key,
                    old=was,
                    new=now,
                    old_entity=was_entity,
                    new_entity=now_entity,
                    fields=tuple(value.field for value in values),
                    values=values,
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
) -> tuple[FieldChange, ...]:
    """The attrs fields whose values differ; "type" when the classes do."""
    if old is None or new is None:
        return () if old is new else (FieldChange(field=prefix, old=old, new=new),)
    if type(old) is not type(new):
        kinds = type(old).__name__.lower(), type(new).__name__.lower()
        return (FieldChange(field=f"{prefix}.type", old=kinds[0], new=kinds[1]),)
    changes = []
    for field in attrs.fields(type(old)):
        if not field.eq or field.name in _PROVENANCE:
            continue
        was, now = getattr(old, field.name), getattr(new, field.name)
        if was == now:
            continue
        name = f"{prefix}.{field.name}"
        if isinstance(was, tuple) and isinstance(now, tuple):
            added = tuple(item for item in now if item not in was)
            removed = tuple(item for item in was if item not in now)
            changes.append(FieldChange(field=name, old=was, new=now, added=added, removed=removed))
        else:
            changes.append(FieldChange(field=name, old=was, new=now))
    return tuple(changes)
