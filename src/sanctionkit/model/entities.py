"""Who and what is sanctioned: persons, organisations, vessels and aircraft.

Entities are referenced by id, so one ship designated by three authorities is
one :class:`Vessel` with three designations. Every entity kind shares the fields
of :class:`Entity`; each adds its own.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from sanctionkit.identifiers import imo, mmsi
from sanctionkit.model._fields import (
    DateValue,
    instance_of,
    non_empty,
    optional_instance,
    optional_non_empty,
    to_countries,
    to_country,
    to_date_values,
    to_enum,
    to_optional_country,
    to_partial_date,
    to_tuple,
    tuple_of,
)
from sanctionkit.model.schemes import IdentifierScheme, to_scheme
from sanctionkit.model.sources import Source
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = [
    "Address",
    "Aircraft",
    "Alias",
    "AliasQuality",
    "CountryRole",
    "CountryRoleKind",
    "Entity",
    "Gender",
    "Identifier",
    "Organization",
    "Person",
    "Vessel",
]


class AliasQuality(enum.Enum):
    """How much an alias says about who is meant (OFAC's strong and weak a.k.a.)."""

    #: A name the entity is known by, good enough to identify it.
    STRONG = "strong"
    #: A broad or common name (OFAC's "weak a.k.a.", the UN's "Low quality").
    WEAK = "weak"
    #: A name it had before (f.k.a.).
    FORMER = "former"


def _alias_quality(value: AliasQuality | str) -> AliasQuality:
    return to_enum(AliasQuality, value)


@attrs.frozen(kw_only=True)
class Alias:
    """Another name of an entity, with its quality and, where known, script and language.

    >>> Alias(name="ミヘイチク・ウラジーミル", script="Jpan", language="ja").quality
    <AliasQuality.STRONG: 'strong'>
    """

    name: str = attrs.field(validator=non_empty)
    quality: AliasQuality = attrs.field(default=AliasQuality.STRONG, converter=_alias_quality)
    #: ISO 15924 script code ("Latn", "Cyrl", "Jpan"), where known.
    script: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: ISO 639 language code ("en", "ja", "ru"), where known.
    language: str | None = attrs.field(default=None, validator=optional_non_empty)


@attrs.frozen(kw_only=True)
class Identifier:
    """A number that identifies an entity: passport, tax id, registration, IMO ...

    ``scheme`` says what kind of number it is, from the closed set
    :class:`~sanctionkit.IdentifierScheme` (its values are accepted too: "tax_id"),
    so that every reader names the same document the same way. A kind of
    number outside the set is ``other``, and ``label`` keeps what the source
    calls it.

    >>> Identifier(scheme="tax_id", value="9701170663", country="RU").country.alpha2
    'RU'
    >>> Identifier(scheme="other", value="123", label="Electoral Registry No.").scheme
    <IdentifierScheme.OTHER: 'other'>
    """

    scheme: IdentifierScheme = attrs.field(converter=to_scheme)
    value: str = attrs.field(validator=non_empty)
    #: The country that issued it.
    country: Country | None = attrs.field(
        default=None, converter=to_optional_country, validator=optional_instance(Country)
    )
    issued: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )
    expires: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )
    note: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: The source's own name for this kind of number ("Electoral Registry No."), where
    #: the scheme does not say it: always set by the readers when the scheme is ``other``.
    label: str | None = attrs.field(default=None, validator=optional_non_empty)


@attrs.frozen(kw_only=True)
class Address:
    """An address as written, with the city and country where they are known.

    >>> address = Address(full="Mitsi Building, 1 Stasinou Avenue", city="Nicosia", country="CY")
    >>> address.city, address.country
    ('Nicosia', <Country CY 'Cyprus'>)
    """

    #: The whole address as the source writes it.
    full: str = attrs.field(validator=non_empty)
    city: str | None = attrs.field(default=None, validator=optional_non_empty)
    country: Country | None = attrs.field(
        default=None, converter=to_optional_country, validator=optional_instance(Country)
    )


class CountryRoleKind(enum.Enum):
    """How an entity relates to a country."""

    NATIONALITY = "nationality"
    CITIZENSHIP = "citizenship"
    RESIDENCE = "residence"
    LOCATION = "location"
    JURISDICTION = "jurisdiction"
    REGISTRATION = "registration"


def _country_role_kind(value: CountryRoleKind | str) -> CountryRoleKind:
    return to_enum(CountryRoleKind, value)


@attrs.frozen(kw_only=True)
class CountryRole:
    """A country and the role it plays for an entity (nationality, location ...).

    >>> CountryRole(country="Russia", role="location").role
    <CountryRoleKind.LOCATION: 'location'>
    """

    country: Country = attrs.field(converter=to_country, validator=instance_of(Country))
    role: CountryRoleKind = attrs.field(converter=_country_role_kind)


class Gender(enum.Enum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


def _gender(value: Gender | str | None) -> Gender | None:
    return None if value is None else to_enum(Gender, value)


def _aliases(values: Iterable[Alias | str] | None) -> tuple[Alias, ...]:
    # Plain strings are the common case in notebooks: make them strong aliases.
    return tuple(
        Alias(name=value) if isinstance(value, str) else value for value in to_tuple(values)
    )


@attrs.frozen(kw_only=True)
class Entity:
    """What every sanctioned entity has: an id, a name and what is known about it.

    Use the subclasses; ``Entity`` itself is their common shape.
    """

    #: Stable, readable, unique within a dataset.
    id: str = attrs.field(validator=non_empty)
    #: The primary name, as the source writes it.
    name: str = attrs.field(validator=non_empty)
    aliases: tuple[Alias, ...] = attrs.field(
        factory=tuple, converter=_aliases, validator=tuple_of(Alias)
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Identifier)
    )
    addresses: tuple[Address, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Address)
    )
    countries: tuple[CountryRole, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(CountryRole)
    )
    notes: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=tuple_of(str))
    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Source)
    )
    #: The ids of the other records that :func:`sanctionkit.link` joined into this
    #: one ("un-KPe.033"): ``Dataset.get`` finds the entity by any of them.
    joined_ids: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )

    def countries_with(self, role: CountryRoleKind | str) -> tuple[Country, ...]:
        """The countries that play this role for the entity.

        >>> nationality = CountryRole(country="KP", role="nationality")
        >>> person = Person(id="p", name="P", countries=[nationality])
        >>> ", ".join(country.alpha2 for country in person.countries_with("nationality"))
        'KP'
        """
        wanted = CountryRoleKind(role)
        return tuple(item.country for item in self.countries if item.role is wanted)

    @property
    def all_names(self) -> tuple[str, ...]:
        """The name and every alias, in order, without repeats."""
        return tuple(dict.fromkeys([self.name, *(alias.name for alias in self.aliases)]))

    def _repr_html_(self) -> str:
        """A table of the entity for Jupyter: names, ids, countries and its kind's own fields."""
        from sanctionkit.model._html import entity_html  # here: _html imports this module

        return entity_html(self)


@attrs.frozen(kw_only=True)
class Person(Entity):
    """A natural person.

    >>> person = Person(id="jp-mof-729", name="Vladimir Mikheychik", birth_dates=["1970-05-16"])
    >>> person.birth_dates[0].isoformat()
    '1970-05-16'
    """

    #: Dates of birth; several when the sources disagree.
    birth_dates: tuple[DateValue, ...] = attrs.field(
        factory=tuple, converter=to_date_values, validator=tuple_of((PartialDate, DateRange))
    )
    birth_places: tuple[Address, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Address)
    )
    gender: Gender | None = attrs.field(
        default=None,
        converter=_gender,
        validator=optional_instance(Gender),
    )
    #: Offices and roles ("General Director of ...").
    positions: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )


# Identifier schemes that register an organisation rather than a person.
_REGISTRATION_SCHEMES = frozenset(
    {
        IdentifierScheme.REGISTRATION,
        IdentifierScheme.TAX_ID,
        IdentifierScheme.IMO_COMPANY,
        IdentifierScheme.LEI,
    }
)


@attrs.frozen(kw_only=True)
class Organization(Entity):
    """A company, agency, military unit or other organisation.

    >>> verus = Organization(
    ...     id="us-ofac-verus",
    ...     name="LIMITED LIABILITY COMPANY VERUS",
    ...     incorporated="2021-02-10",
    ...     identifiers=[Identifier(scheme="tax_id", value="9701170663", country="RU")],
    ... )
    >>> ", ".join(number.value for number in verus.registration_numbers)
    '9701170663'
    """

    #: What kind of organisation ("company", "government agency", "military unit").
    kind: str | None = attrs.field(default=None, validator=optional_non_empty)
    incorporated: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )

    @property
    def registration_numbers(self) -> tuple[Identifier, ...]:
        """Identifiers that register the organisation: registration, tax and IMO company numbers."""
        return tuple(item for item in self.identifiers if item.scheme in _REGISTRATION_SCHEMES)


def _imo_number(value: str | None) -> str | None:
    return None if value is None else imo.validate(value)


def _mmsi_number(value: str | None) -> str | None:
    return None if value is None else mmsi.validate(value)


@attrs.frozen(kw_only=True)
class Vessel(Entity):
    """A ship, identified for life by its IMO number.

    >>> ship = Vessel(id="v1", name="LADY LEILA", imo="IMO 9683740", flag="Panama")
    >>> ship.imo, ship.flag.alpha2
    ('9683740', 'PA')
    >>> Vessel(id="v2", name="X", imo="9683741")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.InvalidChecksumError: IMO ship number '9683741' has check digit 1, expected 0
    """

    #: The seven digits of the IMO ship number (validated; "IMO 9683740" is accepted).
    imo: str | None = attrs.field(default=None, converter=_imo_number)
    mmsi: str | None = attrs.field(default=None, converter=_mmsi_number)
    call_sign: str | None = attrs.field(default=None, validator=optional_non_empty)
    flag: Country | None = attrs.field(
        default=None, converter=to_optional_country, validator=optional_instance(Country)
    )
    past_flags: tuple[Country, ...] = attrs.field(
        factory=tuple, converter=to_countries, validator=tuple_of(Country)
    )
    past_names: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )
    #: "General Cargo", "Crude Oil Tanker" ...
    vessel_type: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: Gross tonnage.
    tonnage: int | None = attrs.field(default=None, validator=optional_instance(int))
    build_year: int | None = attrs.field(default=None, validator=optional_instance(int))
    #: Entity ids of the registered owner and the operator, where known.
    owner_id: str | None = attrs.field(default=None, validator=optional_non_empty)
    operator_id: str | None = attrs.field(default=None, validator=optional_non_empty)


@attrs.frozen(kw_only=True)
class Aircraft(Entity):
    """An aircraft, identified by its registration (tail number) and serial number.

    >>> Aircraft(id="a1", name="EP-MNA", registration="EP-MNA", model="Airbus A310").model
    'Airbus A310'
    """

    #: The registration mark painted on it ("EP-MNA").
    registration: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: The manufacturer's serial number (MSN).
    serial_number: str | None = attrs.field(default=None, validator=optional_non_empty)
    model: str | None = attrs.field(default=None, validator=optional_non_empty)
    operator_id: str | None = attrs.field(default=None, validator=optional_non_empty)
