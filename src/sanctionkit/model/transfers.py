"""Alleged transfers (ammunition one way, diesel the other) and the claims about them.

A transfer is what someone says moved between two parties. Its
:attr:`AllegedTransfer.status` is not stored: it follows from its claims, so
that adding a denial to an alleged transfer makes it disputed by itself.
"""

from __future__ import annotations

import enum

import attrs

from sanctionkit.errors import InvalidFieldError, RecordTypeError
from sanctionkit.model._fields import (
    DateValue,
    instance_of,
    non_empty,
    optional_instance,
    optional_non_empty,
    to_date_value,
    to_enum,
    to_tuple,
    tuple_of,
)
from sanctionkit.model.sanctions import Authority
from sanctionkit.model.sources import Source
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = [
    "AllegedTransfer",
    "Claim",
    "EntityRef",
    "Goods",
    "GoodsCategory",
    "Party",
    "Quantity",
    "Stance",
    "TransferStatus",
]


@attrs.frozen
class EntityRef:
    """A reference to an entity of the dataset, where a country could also stand.

    >>> EntityRef("jp-mof-ibex-shipping").entity_id
    'jp-mof-ibex-shipping'
    """

    entity_id: str = attrs.field(validator=non_empty)


#: Who can send, receive or claim: a country, an entity, or (for claims) an authority.
Party = Country | EntityRef | Authority
_PARTY_TYPES = (Country, EntityRef, Authority)


def _party(value: Party | str) -> Party:
    # A plain string is a country: "KP", "Russia". Entities need an EntityRef.
    return parse_country(value) if isinstance(value, str) else value


def _optional_party(value: Party | str | None) -> Party | None:
    return None if value is None else _party(value)


def _whole_if_integral(value: float | None) -> int | float | None:
    """1000.0 is stored as 1000, so that a quantity reads and writes the same way."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordTypeError(
            f"a quantity's amount is a number, not {value!r}", record="Quantity", field="amount"
        )
    return int(value) if isinstance(value, float) and value.is_integer() else value


class GoodsCategory(enum.Enum):
    ARMS = "arms"
    AMMUNITION = "ammunition"
    MISSILES = "missiles"
    MILITARY_EQUIPMENT = "military_equipment"
    FUEL = "fuel"
    DUAL_USE = "dual_use"
    FUNDS = "funds"
    WORKERS = "workers"
    OTHER = "other"


def _goods_category(value: GoodsCategory | str) -> GoodsCategory:
    return to_enum(GoodsCategory, value)


def _stance(value: Stance | str) -> Stance:
    return to_enum(Stance, value)


@attrs.frozen(kw_only=True)
class Goods:
    """What was transferred, in the source's words and as a category.

    >>> Goods(description="containers of ammunition", category="ammunition").category
    <GoodsCategory.AMMUNITION: 'ammunition'>
    """

    description: str = attrs.field(validator=non_empty)
    category: GoodsCategory = attrs.field(converter=_goods_category)


@attrs.frozen(kw_only=True)
class Quantity:
    """How much, as far as the source says, with the source's own words.

    "thousands of containers" has no exact amount: ``amount`` is the lower
    bound it implies (1000), ``approximate`` is True and ``text`` keeps the words.

    >>> words = "thousands of containers"
    >>> q = Quantity(amount=1000, unit="container", approximate=True, text=words)
    >>> q.approximate, q.text
    (True, 'thousands of containers')
    """

    amount: int | float | None = attrs.field(default=None, converter=_whole_if_integral)
    unit: str | None = attrs.field(default=None, validator=optional_non_empty)
    approximate: bool = attrs.field(default=False, validator=instance_of(bool))
    #: The source's own words for the quantity.
    text: str | None = attrs.field(default=None, validator=optional_non_empty)


class Stance(enum.Enum):
    """What a party says about a transfer."""

    ALLEGES = "alleges"
    DENIES = "denies"
    CONDEMNS = "condemns"
    CONFIRMS = "confirms"
    CALLS_HOSTILE = "calls_hostile"
    OTHER = "other"


class TransferStatus(enum.Enum):
    """Where a transfer stands, given all claims about it."""

    ALLEGED = "alleged"
    CONFIRMED = "confirmed"
    DENIED = "denied"
    DISPUTED = "disputed"


@attrs.frozen(kw_only=True)
class Claim:
    """A party's statement about a transfer or a sanction, with its date and source.

    >>> claim = Claim(party="KP", stance="denies", date="2024-05")
    >>> claim.party.alpha2, claim.stance
    ('KP', <Stance.DENIES: 'denies'>)
    """

    party: Party = attrs.field(converter=_party, validator=instance_of(_PARTY_TYPES))
    stance: Stance = attrs.field(converter=_stance)
    #: For ``Stance.OTHER``, what the stance is, in words.
    stance_text: str | None = attrs.field(default=None, validator=optional_non_empty)
    date: DateValue | None = attrs.field(
        default=None, converter=to_date_value, validator=optional_instance((PartialDate, DateRange))
    )
    #: The party's own words, quoted.
    statement: str | None = attrs.field(default=None, validator=optional_non_empty)
    source: Source | None = attrs.field(default=None, validator=optional_instance(Source))

    @stance_text.validator
    def _other_needs_words(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if self.stance is Stance.OTHER and value is None:
            raise InvalidFieldError(
                "a claim with stance OTHER needs stance_text saying what it is",
                value,
                record="Claim",
                field=attribute.name,
            )


# Stances that assert the transfer happened; CALLS_HOSTILE is about a sanction, not a transfer.
_ASSERTING = frozenset({Stance.ALLEGES, Stance.CONDEMNS, Stance.CONFIRMS})


@attrs.frozen(kw_only=True)
class AllegedTransfer:
    """Goods that one party is said to have sent another, and what each side says.

    >>> transfer = AllegedTransfer(
    ...     id="t1",
    ...     goods=Goods(description="ammunition", category="ammunition"),
    ...     origin="KP",
    ...     destination="RU",
    ...     claims=[Claim(party="KR", stance="alleges"), Claim(party="KP", stance="denies")],
    ... )
    >>> transfer.status
    <TransferStatus.DISPUTED: 'disputed'>
    """

    id: str = attrs.field(validator=non_empty)
    goods: Goods = attrs.field(validator=instance_of(Goods))
    quantity: Quantity | None = attrs.field(default=None, validator=optional_instance(Quantity))
    origin: Party | None = attrs.field(
        default=None, converter=_optional_party, validator=optional_instance(_PARTY_TYPES)
    )
    destination: Party | None = attrs.field(
        default=None, converter=_optional_party, validator=optional_instance(_PARTY_TYPES)
    )
    #: Ids of the vessels (or aircraft) said to have carried the goods.
    carriers: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )
    period: DateValue | None = attrs.field(
        default=None, converter=to_date_value, validator=optional_instance((PartialDate, DateRange))
    )
    claims: tuple[Claim, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Claim)
    )
    notes: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=tuple_of(str))
    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Source)
    )

    @property
    def status(self) -> TransferStatus:
        """DISPUTED when one party asserts it and another denies it; else what the claims say.

        Confirmation by anyone, undenied, is CONFIRMED; denial alone is DENIED;
        allegations alone (or no claims) are ALLEGED.
        """
        stances = {claim.stance for claim in self.claims}
        asserted = bool(stances & _ASSERTING)
        denied = Stance.DENIES in stances
        if asserted and denied:
            return TransferStatus.DISPUTED
        if denied:
            return TransferStatus.DENIED
        if Stance.CONFIRMS in stances:
            return TransferStatus.CONFIRMED
        return TransferStatus.ALLEGED

    def _repr_html_(self) -> str:
        """A table of the transfer for Jupyter: goods, route, status and the claims."""
        from sanctionkit.model._html import transfer_html  # here: _html imports this module

        return transfer_html(self)
