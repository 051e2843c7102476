"""Links between entities that a list states: ownership, control, leadership, kinship.

OFAC's advanced XML says which company owns or controls which (its
``ProfileRelationships``); no other field of an entity can hold that, since
one company owns many ships and one ship may have several owners. A
:class:`Relationship` reads as a sentence, *subject kind object*: "ship X is
owned or controlled by company Y". A dataset checks that both ends are
entities it holds, and answers the usual questions in one call
(:meth:`Dataset.assets_of <sanctionkit.Dataset.assets_of>`, :meth:`Dataset.controllers_of
<sanctionkit.Dataset.controllers_of>`).
"""

from __future__ import annotations

import enum

import attrs

from sanctionkit.errors import InvalidFieldError
from sanctionkit.model._fields import non_empty, optional_instance, optional_non_empty
from sanctionkit.model.sources import Source

__all__ = ["Relationship", "RelationshipKind"]


class RelationshipKind(enum.Enum):
    """What the subject of a relationship is to its object."""

    #: The subject is owned or controlled by the object (its owner, parent or controller).
    OWNED_OR_CONTROLLED_BY = "owned_or_controlled_by"
    #: The subject leads the object, or is one of its officials or directors.
    LEADER_OF = "leader_of"
    #: The subject acts for or on behalf of the object.
    ACTING_FOR = "acting_for"
    #: The subject supports the object (materially, financially, technologically).
    SUPPORTS = "supports"
    #: The subject is a family member of the object.
    FAMILY_MEMBER_OF = "family_member_of"
    #: The subject is an associate of the object.
    ASSOCIATE_OF = "associate_of"
    #: Any other link: the publisher's own words are in ``note``.
    LINKED_TO = "linked_to"


#: The kinds in which the object has a say over the subject: "who controls it?".
CONTROL_KINDS = frozenset({RelationshipKind.OWNED_OR_CONTROLLED_BY})


def _kind(value: RelationshipKind | str) -> RelationshipKind:
    if isinstance(value, RelationshipKind):
        return value
    try:
        return RelationshipKind(value)
    except ValueError:
        known = ", ".join(kind.value for kind in RelationshipKind)
        message = f"{value!r} is not a valid RelationshipKind (known: {known})"
        raise InvalidFieldError(message, value, record="Relationship", field="kind") from None


@attrs.frozen(kw_only=True)
class Relationship:
    """One stated link between two entities of a dataset: *subject kind object*.

    >>> link = Relationship(
    ...     subject_id="ofac-vessel-1", object_id="ofac-company-2", kind="owned_or_controlled_by"
    ... )
    >>> link.kind, link.former
    (<RelationshipKind.OWNED_OR_CONTROLLED_BY: 'owned_or_controlled_by'>, False)
    """

    subject_id: str = attrs.field(validator=non_empty)
    object_id: str = attrs.field(validator=non_empty)
    kind: RelationshipKind = attrs.field(
        converter=_kind, validator=attrs.validators.instance_of(RelationshipKind)
    )
    #: True when the link held once and holds no more (OFAC's ``Former="true"``).
    former: bool = False
    #: The publisher's own words for the link ("Owned or Controlled By") and its reference.
    note: str | None = attrs.field(default=None, validator=optional_non_empty)
    source: Source | None = attrs.field(default=None, validator=optional_instance(Source))

    @object_id.validator
    def _not_itself(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value == self.subject_id:
            message = f"a relationship of {value!r} with itself"
            raise InvalidFieldError(message, value, record="Relationship", field="object_id")
