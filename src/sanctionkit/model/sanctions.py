"""Who sanctions whom, on what grounds, with which measures.

An :class:`Authority` designates entities; each listing of one entity is a
:class:`Designation`. What one authority announced on one day is a
:class:`SanctionPackage`, which holds its designations.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from sanctionkit.errors import InvalidFieldError
from sanctionkit.model._fields import (
    instance_of,
    non_empty,
    optional_instance,
    optional_non_empty,
    to_enum,
    to_optional_country,
    to_partial_date,
    to_tuple,
    tuple_of,
)
from sanctionkit.model.sources import Source
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

__all__ = [
    "Authority",
    "AuthorityKind",
    "Designation",
    "LegalBasis",
    "LegalBasisKind",
    "Measure",
    "SanctionPackage",
    "StatedCount",
]


class AuthorityKind(enum.Enum):
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    AGENCY = "agency"
    INTERNATIONAL_ORGANIZATION = "international_organization"
    OTHER = "other"


def _authority_kind(value: AuthorityKind | str) -> AuthorityKind:
    return to_enum(AuthorityKind, value)


def _legal_basis_kind(value: LegalBasisKind | str) -> LegalBasisKind:
    return to_enum(LegalBasisKind, value)


@attrs.frozen(kw_only=True)
class Authority:
    """A body that imposes sanctions: a government, a ministry, an agency, the UN.

    >>> Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry").country.alpha2
    'KR'
    """

    name: str = attrs.field(validator=non_empty)
    #: The state it acts for; None for international bodies such as the UN Security Council.
    country: Country | None = attrs.field(
        default=None, converter=to_optional_country, validator=optional_instance(Country)
    )
    kind: AuthorityKind = attrs.field(default=AuthorityKind.GOVERNMENT, converter=_authority_kind)


class LegalBasisKind(enum.Enum):
    UN_RESOLUTION = "un_resolution"
    NATIONAL_ACT = "national_act"
    EXECUTIVE_ORDER = "executive_order"
    REGULATION = "regulation"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class LegalBasis:
    """The law or resolution a sanction rests on.

    >>> basis = LegalBasis(kind="un_resolution", number="1718", year=2006)
    >>> str(basis)
    'UN Security Council resolution 1718 (2006)'
    """

    kind: LegalBasisKind = attrs.field(converter=_legal_basis_kind)
    #: The resolution or order number ("1718", "13382").
    number: str | None = attrs.field(default=None, validator=optional_non_empty)
    year: int | None = attrs.field(default=None, validator=optional_instance(int))
    title: str | None = attrs.field(default=None, validator=optional_non_empty)
    url: str | None = attrs.field(default=None, validator=optional_non_empty)

    def __str__(self) -> str:
        if self.title is not None and self.number is None:
            return self.title
        label = {
            LegalBasisKind.UN_RESOLUTION: "UN Security Council resolution",
            LegalBasisKind.EXECUTIVE_ORDER: "Executive Order",
        }.get(self.kind, self.title or self.kind.value.replace("_", " "))
        year = f" ({self.year})" if self.year is not None else ""
        return f"{label} {self.number or ''}{year}".strip()


class Measure(enum.Enum):
    """What a sanction does to its target.

    Descriptions that say more ("port entry only with special permission") go
    in ``measure_notes`` of the designation or package.
    """

    ASSET_FREEZE = "asset_freeze"
    TRAVEL_BAN = "travel_ban"
    PORT_ENTRY_BAN = "port_entry_ban"
    ARMS_EMBARGO = "arms_embargo"
    EXPORT_BAN = "export_ban"
    IMPORT_BAN = "import_ban"
    FINANCIAL_PROHIBITION = "financial_prohibition"
    OTHER = "other"


def _measures(values: Iterable[Measure | str] | None) -> tuple[Measure, ...]:
    return tuple(Measure(value) for value in to_tuple(values))


def listed_before_delisted(listed: PartialDate | None, delisted: PartialDate | None) -> bool:
    """Whether a delisting date can follow the listing date: False when it is surely before.

    Designation checks it; a reader asks it first, so that a list's contradictory
    dates become a problem rather than an error.

    >>> listed_before_delisted(PartialDate(2024, 5, 24), PartialDate(2022, 1, 27))
    False
    >>> listed_before_delisted(PartialDate(2024), PartialDate(2024, 1, 3))
    True
    """
    return listed is None or delisted is None or delisted.latest() >= listed.earliest()


@attrs.frozen(kw_only=True)
class Designation:
    """One authority's listing of one entity: one per listing record.

    OFAC's one entry with three programmes is one designation with three
    ``programmes``. The entity is referenced by ``entity_id``.

    >>> designation = Designation(
    ...     entity_id="jp-mof-729",
    ...     authority=Authority(name="Government of Japan", country="JP"),
    ...     listed="2024-05-24",
    ...     measures=["asset_freeze"],
    ... )
    >>> designation.listed.isoformat(), designation.measures
    ('2024-05-24', (<Measure.ASSET_FREEZE: 'asset_freeze'>,))
    """

    entity_id: str = attrs.field(validator=non_empty)
    authority: Authority = attrs.field(validator=instance_of(Authority))
    #: The authority's own reference: OFAC uid, UN "KPi.066", Japan's list number.
    authority_ref: str | None = attrs.field(default=None, validator=optional_non_empty)
    listed: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )
    delisted: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )
    programmes: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )
    measures: tuple[Measure, ...] = attrs.field(
        factory=tuple, converter=_measures, validator=tuple_of(Measure)
    )
    measure_notes: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )
    reasons: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )
    legal_basis: tuple[LegalBasis, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(LegalBasis)
    )
    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Source)
    )

    @delisted.validator
    def _delisted_after_listed(
        self, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
    ) -> None:
        if not listed_before_delisted(self.listed, value):
            raise InvalidFieldError(
                f"delisted {value} is before listed {self.listed} for {self.entity_id!r}",
                value,
                record=type(self).__name__,
                field=attribute.name,
            )


@attrs.frozen(kw_only=True)
class StatedCount:
    """A number of targets a source gives without naming them ("11 groups").

    Kept beside the named designations so that a reader can compare the two,
    and so that a count is never turned into invented names.
    """

    #: What is counted: "organization", "person", "vessel".
    kind: str = attrs.field(validator=non_empty)
    count: int = attrs.field(validator=instance_of(int))
    description: str | None = attrs.field(default=None, validator=optional_non_empty)
    source: Source | None = attrs.field(default=None, validator=optional_instance(Source))


@attrs.frozen(kw_only=True)
class SanctionPackage:
    """What one authority announced on one day: its designations and their grounds.

    >>> package = SanctionPackage(
    ...     id="jp-2024-05-24",
    ...     authority=Authority(name="Government of Japan", country="JP"),
    ...     announced="2024-05-24",
    ...     title="Asset freeze on 11 organisations and 1 individual",
    ... )
    >>> package.announced.isoformat(), len(package.designations)
    ('2024-05-24', 0)
    """

    id: str = attrs.field(validator=non_empty)
    authority: Authority = attrs.field(validator=instance_of(Authority))
    announced: PartialDate = attrs.field(
        converter=to_partial_date, validator=instance_of(PartialDate)
    )
    effective: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )
    title: str | None = attrs.field(default=None, validator=optional_non_empty)
    summary: str | None = attrs.field(default=None, validator=optional_non_empty)
    designations: tuple[Designation, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Designation)
    )
    legal_basis: tuple[LegalBasis, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(LegalBasis)
    )
    measures: tuple[Measure, ...] = attrs.field(
        factory=tuple, converter=_measures, validator=tuple_of(Measure)
    )
    measure_notes: tuple[str, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(str)
    )
    #: Counts the sources give, named or not ("11 groups and one individual").
    stated_counts: tuple[StatedCount, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(StatedCount)
    )
    #: What a reader should know: discrepancies between sources, caveats.
    notes: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=tuple_of(str))
    sources: tuple[Source, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Source)
    )

    def _repr_html_(self) -> str:
        """A table of the package for Jupyter: its header, grounds and designations."""
        from sanctionkit.model._html import package_html  # here: _html imports this module

        return package_html(self)
