"""sanctionkit: sanctions data with a typed, trustworthy shape.

The public API is re-exported here, so ``import sanctionkit as sk`` is all a
user needs:

>>> import sanctionkit as sk
>>> sk.parse_country("Korea, North").alpha2
'KP'
>>> sk.parse_date("circa 1962").isoformat()
'1962~'
>>> sk.identifiers.imo.is_valid("IMO 9074729")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctionkit import identifiers
from sanctionkit.builtin import builtin_dataset
from sanctionkit.converter import converter, from_json, to_json
from sanctionkit.diff import Change, DatasetDiff, FieldChange, diff
from sanctionkit.errors import (
    AmbiguousCountryError,
    AmbiguousDateError,
    InvalidDateError,
    InvalidFieldError,
    InvalidIdentifierError,
    NotAvailableError,
    ParseError,
    ReadError,
    RecordTypeError,
    SanctionkitError,
    UnknownCountryError,
    UnknownFormatError,
    UnknownSchemeError,
    ValueTooLongError,
)
from sanctionkit.formats import dump, load
from sanctionkit.formats.jsonl import dumps, loads
from sanctionkit.link import Finding, Link, Linked, link, merge
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    AliasQuality,
    AllegedTransfer,
    Authority,
    AuthorityKind,
    Claim,
    CountryRole,
    CountryRoleKind,
    Dataset,
    Designation,
    Entity,
    EntityRef,
    EntityView,
    Gender,
    Goods,
    GoodsCategory,
    Identifier,
    IdentifierScheme,
    LegalBasis,
    LegalBasisKind,
    Measure,
    Organization,
    Person,
    Problem,
    Quantity,
    SanctionPackage,
    Source,
    Stance,
    StatedCount,
    TransferStatus,
    Vessel,
)
from sanctionkit.model.relationships import Relationship, RelationshipKind
from sanctionkit.schema import json_schema
from sanctionkit.values.countries import Country, parse_country, search_countries
from sanctionkit.values.dates import DateRange, PartialDate, Precision, parse_date
from sanctionkit.values.dates_in_text import FoundDate, find_dates

if TYPE_CHECKING:
    from sanctionkit import match

__version__ = "0.1.0.dev0"


def __getattr__(name: str) -> object:
    # sanctionkit.match needs the optional ``match`` extra: import it on first use
    # (PEP 562), so ``import sanctionkit`` stays fast and works without the extra.
    if name == "match":
        import importlib

        return importlib.import_module("sanctionkit.match")
    raise AttributeError(f"module 'sanctionkit' has no attribute {name!r}")


__all__ = [
    "Address",
    "Aircraft",
    "Alias",
    "AliasQuality",
    "AllegedTransfer",
    "AmbiguousCountryError",
    "AmbiguousDateError",
    "Authority",
    "AuthorityKind",
    "Change",
    "Claim",
    "Country",
    "CountryRole",
    "CountryRoleKind",
    "Dataset",
    "DatasetDiff",
    "DateRange",
    "Designation",
    "Entity",
    "EntityRef",
    "EntityView",
    "FieldChange",
    "Finding",
    "FoundDate",
    "Gender",
    "Goods",
    "GoodsCategory",
    "Identifier",
    "IdentifierScheme",
    "InvalidDateError",
    "InvalidFieldError",
    "InvalidIdentifierError",
    "LegalBasis",
    "LegalBasisKind",
    "Link",
    "Linked",
    "Measure",
    "NotAvailableError",
    "Organization",
    "ParseError",
    "PartialDate",
    "Person",
    "Precision",
    "Problem",
    "Quantity",
    "ReadError",
    "RecordTypeError",
    "Relationship",
    "RelationshipKind",
    "SanctionPackage",
    "SanctionkitError",
    "Source",
    "Stance",
    "StatedCount",
    "TransferStatus",
    "UnknownCountryError",
    "UnknownFormatError",
    "UnknownSchemeError",
    "ValueTooLongError",
    "Vessel",
    "__version__",
    "builtin_dataset",
    "converter",
    "diff",
    "dump",
    "dumps",
    "find_dates",
    "from_json",
    "identifiers",
    "json_schema",
    "link",
    "load",
    "loads",
    "match",
    "merge",
    "parse_country",
    "parse_date",
    "search_countries",
    "to_json",
]
