"""IMO numbers: the International Maritime Organization's seven-digit ship and company identifiers.

An IMO ship number ("IMO 9683740") stays with a hull for its whole life, through every change
of name, flag and owner (IMO Resolution A.1117(30), SOLAS regulation XI-1/3). Its last digit
is a check digit: the sum of the first six digits times the weights 7, 6, 5, 4, 3, 2, modulo 10.

The IMO Unique Company and Registered Owner Identification Number (IMO Resolution
MSC.160(78)), which OFAC lists as "Company Number IMO 1234567" or "Identification Number IMO
1234567", also has seven digits but a different check digit: the first six digits times the
weights 8, 6, 4, 2, 9, 7 are summed modulo 11, and the check digit is `(11 - remainder) % 10`.
Pass `kind="company"` to check those.

This module follows python-stdnum's convention: `compact()`, `validate()`,
`is_valid()` and `format()`, plus `parse()` for a typed `ImoNumber`.

>>> validate("IMO 9683740")
'9683740'
>>> validate("IMO 9683741")
Traceback (most recent call last):
    ...
sanctionkit.errors.InvalidChecksumError: IMO ship number '9683741' has check digit 1, expected 0
>>> validate("5342883", kind="company")
'5342883'
>>> format("imo: 9 683 740")
'IMO 9683740'
"""

from __future__ import annotations

import enum
import re

import attrs

from sanctionkit.errors import (
    InvalidChecksumError,
    InvalidComponentError,
    InvalidFormatError,
    InvalidIdentifierError,
)
from sanctionkit.identifiers._digits import fixed_digits, strip_label

__all__ = [
    "ImoNumber",
    "Kind",
    "check_digit",
    "compact",
    "format",
    "is_valid",
    "parse",
    "validate",
]


class Kind(str, enum.Enum):
    """Which kind of IMO number: a ship's or a company's. Each has its own check digit.

    The members are also strings, and the lower-case strings "ship" and "company" (in any
    case) are accepted wherever a `Kind` is.

    >>> Kind("Company")
    <Kind.COMPANY: 'company'>
    """

    SHIP = "ship"
    COMPANY = "company"

    @classmethod
    def _missing_(cls, value: object) -> Kind | None:
        # Accept "SHIP", "Company": callers pass what they read from a column header.
        if isinstance(value, str):
            lowered = value.strip().lower()
            for member in cls:
                if member.value == lowered:
                    return member
        return None


# A leading label: "IMO", "IMO No.", "IMO Nr", "IMO number", "IMO #", each maybe with a colon.
_PREFIX = re.compile(r"\s*IMO(?:\s*(?:No|Nr|Number|Num|#)(?![a-z]))?\s*[.:#]?", re.IGNORECASE)

_LENGTH = 7

_SHIP_WEIGHTS = (7, 6, 5, 4, 3, 2)
_COMPANY_WEIGHTS = (8, 6, 4, 2, 9, 7)
# Each weighted sum is computed on code points rather than int(); subtracting the weights
# times ord("0") once gives the same sum without a conversion per digit.
_SHIP_BIAS = 48 * sum(_SHIP_WEIGHTS)
_COMPANY_BIAS = 48 * sum(_COMPANY_WEIGHTS)


def compact(number: str) -> str:
    """Strip a leading "IMO" label, spaces, dots and hyphens; the digits are not checked.

    >>> compact("IMO 9683740")
    '9683740'
    >>> compact("imo: 9 683 740")
    '9683740'
    >>> compact("IMO No. 9683740")
    '9683740'
    """
    return strip_label(number, _PREFIX)


def _ship_check_digit(digits: str) -> int:
    b = digits.encode()  # indexing bytes gives code points without an ord() call each
    total = 7 * b[0] + 6 * b[1] + 5 * b[2] + 4 * b[3] + 3 * b[4] + 2 * b[5] - _SHIP_BIAS
    return total % 10


def _company_check_digit(digits: str) -> int:
    b = digits.encode()
    total = 8 * b[0] + 6 * b[1] + 4 * b[2] + 2 * b[3] + 9 * b[4] + 7 * b[5] - _COMPANY_BIAS
    # A remainder of 0 gives 11 and a remainder of 1 gives 10: both keep only the last digit
    # (1 and 0). All 140 company numbers in the OFAC lists we checked follow this.
    return (11 - total % 11) % 10


def check_digit(digits: str, kind: Kind | str = Kind.SHIP) -> str:
    """Return the check digit for the first six digits of a ship or company number.

    >>> check_digit("968374")
    '0'
    >>> check_digit("534288", kind="company")
    '3'
    """
    if len(digits) != _LENGTH - 1 or not (digits.isascii() and digits.isdigit()):
        raise InvalidFormatError(
            f"expected the first 6 digits of an IMO number, got {digits!r}", digits
        )
    if _as_kind(kind) is Kind.SHIP:
        return str(_ship_check_digit(digits))
    return str(_company_check_digit(digits))


def _as_kind(kind: Kind | str) -> Kind:
    # Identity and equality tests first: this runs on every validate() call.
    if kind is Kind.SHIP or kind == "ship":
        return Kind.SHIP
    if kind is Kind.COMPANY or kind == "company":
        return Kind.COMPANY
    return Kind(kind)


def validate(number: str, kind: Kind | str = Kind.SHIP) -> str:
    """Check an IMO number and return its seven digits; raise if it is not valid.

    `kind` is `"ship"` (the default) or `"company"`, which decides the check digit.
    Errors name the reason: `InvalidFormatError` (characters other
    than digits), `InvalidLengthError` (not seven digits),
    `InvalidComponentError` (a placeholder whose first six digits
    are all zero) and `InvalidChecksumError` (a wrong check digit).
    All of them are `InvalidIdentifierError` and `ValueError`.

    >>> validate("IMO9683740")
    '9683740'
    >>> validate("968374")
    Traceback (most recent call last):
        ...
    sanctionkit.errors.InvalidLengthError: IMO number '968374' has 6 digits, expected 7
    >>> validate("5342883")
    Traceback (most recent call last):
        ...
    sanctionkit.errors.InvalidChecksumError: IMO ship number '5342883' has check digit 3, expected 1
    """
    kind = _as_kind(kind)
    digits = fixed_digits(number, _LENGTH, "IMO number", compact)
    if digits.startswith("000000"):
        # "0000000" passes the ship checksum; lists use it for "number unknown".
        raise InvalidComponentError(
            f"IMO number {digits!r} is a placeholder: its first six digits are all zero", number
        )
    expected = _ship_check_digit(digits) if kind is Kind.SHIP else _company_check_digit(digits)
    if ord(digits[6]) - 48 != expected:
        raise InvalidChecksumError(
            f"IMO {kind.value} number {digits!r} has check digit {digits[6]}, expected {expected}",
            number,
        )
    return digits


def is_valid(number: str, kind: Kind | str = Kind.SHIP) -> bool:
    """Tell whether the text is a valid IMO number of the given kind; never raises for any text.

    >>> is_valid("IMO 9683740")
    True
    >>> is_valid("IMO 9683741")
    False
    >>> is_valid("1865817", kind="company")
    True
    """
    try:
        validate(number, kind)
    except InvalidIdentifierError:
        return False
    return True


# "format" shadows the builtin on purpose: it is the name python-stdnum gives this function.
def format(number: str, kind: Kind | str = Kind.SHIP) -> str:
    """Validate the number and write it the way the IMO does: "IMO" and the seven digits.

    >>> format("9683740")
    'IMO 9683740'
    """
    return "IMO " + validate(number, kind)


def _check_number(instance: ImoNumber, attribute: attrs.Attribute[str], value: str) -> None:
    if validate(value, instance.kind) != value:
        raise InvalidFormatError(
            f"ImoNumber needs the seven digits, got {value!r}; use imo.parse() for text", value
        )


@attrs.frozen
class ImoNumber:
    """A validated IMO number, with the text it was parsed from.

    `text` is kept for error messages and provenance but takes no part in equality or
    hashing: `parse("IMO 9683740") == parse("9683740")`. Make one with `parse()`.

    >>> number = parse("IMO No. 9683740")
    >>> number
    ImoNumber(number='9683740', kind=<Kind.SHIP: 'ship'>)
    >>> str(number), number.text
    ('IMO 9683740', 'IMO No. 9683740')
    """

    # attrs runs validators after every field is set, so the number's validator sees kind.
    number: str = attrs.field(validator=_check_number)
    kind: Kind = attrs.field(default=Kind.SHIP, converter=Kind)
    text: str | None = attrs.field(default=None, eq=False, hash=False, repr=False, kw_only=True)

    def __str__(self) -> str:
        return "IMO " + self.number


def parse(text: str, kind: Kind | str = Kind.SHIP) -> ImoNumber:
    """Validate `text` as an IMO number and return it as an `ImoNumber`.

    Raises the same errors as `validate()`.

    >>> parse("IMO 5342883", kind="company")
    ImoNumber(number='5342883', kind=<Kind.COMPANY: 'company'>)
    """
    kind = _as_kind(kind)
    return ImoNumber(validate(text, kind), kind=kind, text=text)
