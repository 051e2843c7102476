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

from sanctionkit import identifiers
from sanctionkit.errors import (
    AmbiguousCountryError,
    AmbiguousDateError,
    InvalidDateError,
    InvalidIdentifierError,
    ParseError,
    SanctionkitError,
    UnknownCountryError,
)
from sanctionkit.values.countries import Country, parse_country, search_countries
from sanctionkit.values.dates import DateRange, PartialDate, Precision, parse_date

__version__ = "0.1.0.dev0"

__all__ = [
    "AmbiguousCountryError",
    "AmbiguousDateError",
    "Country",
    "DateRange",
    "InvalidDateError",
    "InvalidIdentifierError",
    "ParseError",
    "PartialDate",
    "Precision",
    "SanctionkitError",
    "UnknownCountryError",
    "__version__",
    "identifiers",
    "parse_country",
    "parse_date",
    "search_countries",
]
