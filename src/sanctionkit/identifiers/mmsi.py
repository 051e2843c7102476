"""MMSI: the nine-digit Maritime Mobile Service Identity of a radio station at sea.

A ship's AIS transponder and DSC radio send its MMSI. The number is assigned by the flag state,
so it changes when a ship is reflagged (unlike its IMO number). Its structure is set by
Recommendation ITU-R M.585 (version 9, 2022): most formats embed three Maritime
Identification Digits (MID, 201 to 775) that the ITU allocates to a country or territory,
and the digits around the MID say what kind of station it is:

| station                    | format    | `StationKind`     |
|----------------------------|-----------|-------------------|
| ship                       | MIDXXXXXX | SHIP              |
| group of ships             | 0MIDXXXXX | GROUP             |
| coast station              | 00MIDXXXX | COAST             |
| SAR aircraft               | 111MIDXXX | SAR_AIRCRAFT      |
| handheld VHF with DSC/GNSS | 8MIDXXXXX | HANDHELD_VHF      |
| craft of a parent ship     | 98MIDXXXX | CRAFT_ASSOCIATED  |
| AIS aid to navigation      | 99MIDXXXX | AID_TO_NAVIGATION |
| AIS-SART                   | 970XXYYYY | AIS_SART          |
| man overboard device       | 972XXYYYY | MOB               |
| EPIRB-AIS                  | 974XXYYYY | EPIRB_AIS         |
| AMRD group A               | 979XXYYYY | AMRD_GROUP_A      |

In the last four, XX is the device manufacturer (01 to 99) and YYYY a serial number, so they
say nothing about a country. `validate()` rejects a MID that the ITU has not allocated
(see `sanctionkit/data/mid.tsv`) and prefixes that M.585 does not define.

An MMSI is written as its nine digits, with no grouping; `format()` returns exactly that.
Leading zeros matter (coast stations and groups), so an MMSI is text, never an integer.

>>> validate("MMSI 273211090")
'273211090'
>>> kind("002320001")
<StationKind.COAST: 'coast'>
>>> validate("217000001")
Traceback (most recent call last):
    ...
sanctionkit.errors.InvalidComponentError: MMSI '217000001' has MID 217, which is not allocated
"""

from __future__ import annotations

import enum
import functools
import re
from typing import TYPE_CHECKING

import attrs

from sanctionkit.errors import (
    InvalidComponentError,
    InvalidFormatError,
    InvalidIdentifierError,
)
from sanctionkit.identifiers._digits import fixed_digits, strip_label

if TYPE_CHECKING:
    from sanctionkit.values.countries import Country

__all__ = [
    "Mmsi",
    "StationKind",
    "compact",
    "flag_country",
    "format",
    "is_valid",
    "kind",
    "mid",
    "parse",
    "validate",
]


class StationKind(enum.Enum):
    """The kind of station an MMSI identifies, from its format in ITU-R M.585."""

    SHIP = "ship"
    GROUP = "group"
    COAST = "coast"
    SAR_AIRCRAFT = "sar_aircraft"
    HANDHELD_VHF = "handheld_vhf"
    CRAFT_ASSOCIATED = "craft_associated"
    AID_TO_NAVIGATION = "aid_to_navigation"
    AIS_SART = "ais_sart"
    MOB = "mob"
    EPIRB_AIS = "epirb_ais"
    AMRD_GROUP_A = "amrd_group_a"


# A leading label: "MMSI", "MMSI No.", "MMSI number", "MMSI #", each maybe with a colon.
_PREFIX = re.compile(r"\s*MMSI(?:\s*(?:No|Nr|Number|Num|#)(?![a-z]))?\s*[.:#]?", re.IGNORECASE)

_LENGTH = 9

# Devices with free-form numbers (M.585 Annex 2): the prefix after the leading 9.
_FREE_FORM = {
    "970": StationKind.AIS_SART,
    "972": StationKind.MOB,
    "974": StationKind.EPIRB_AIS,
    "979": StationKind.AMRD_GROUP_A,
}


@functools.cache
def _allocations() -> dict[str, tuple[tuple[str, str], ...]]:
    """MID -> ((ISO alpha-2, ITU name), ...) from `data/mid.tsv`, read on first use.

    A MID has several rows where the ITU shares it between territories (306); the first is
    the primary allocation.
    """
    table: dict[str, list[tuple[str, str]]] = {}
    from importlib import resources  # only when a table is first read

    content = resources.files("sanctionkit.data").joinpath("mid.tsv").read_text(encoding="utf-8")
    lines = (line for line in content.splitlines() if line and not line.startswith("#"))
    next(lines)  # the header
    for line in lines:
        code, alpha2, name = line.split("\t")
        table.setdefault(code, []).append((alpha2, name))
    return {code: tuple(rows) for code, rows in table.items()}


def compact(number: str) -> str:
    """Strip a leading "MMSI" label, spaces, dots and hyphens; the digits are not checked.

    >>> compact("MMSI: 273 211 090")
    '273211090'
    """
    return strip_label(number, _PREFIX)


def _structure(digits: str, text: str) -> tuple[StationKind, int | None]:
    """Return the station kind and where its MID starts (None: no MID), or raise.

    `digits` are nine ASCII digits; the MID itself is checked by the caller.
    """
    first = digits[0]
    if "2" <= first <= "7":
        return StationKind.SHIP, 0
    if first == "0":
        if digits[1] == "0":
            return StationKind.COAST, 2
        return StationKind.GROUP, 1
    if first == "8":
        return StationKind.HANDHELD_VHF, 1
    if first == "1":
        if digits.startswith("111"):
            return StationKind.SAR_AIRCRAFT, 3
        raise InvalidComponentError(
            f"MMSI {digits!r} starts with 1 but not 111 (SAR aircraft); no other format does",
            text,
        )
    # first == "9"
    second = digits[1]
    if second == "8":
        return StationKind.CRAFT_ASSOCIATED, 2
    if second == "9":
        return StationKind.AID_TO_NAVIGATION, 2
    station = _FREE_FORM.get(digits[:3])
    if station is None:
        raise InvalidComponentError(
            f"MMSI {digits!r} starts with {digits[:3]}, which ITU-R M.585 does not define",
            text,
        )
    if digits[3:5] == "00":
        raise InvalidComponentError(
            f"MMSI {digits!r} has manufacturer 00; manufacturer numbers run from 01 to 99", text
        )
    return station, None


def _validate(number: str) -> tuple[str, StationKind, str | None]:
    """Validate and return (digits, station kind, MID or None)."""
    digits = fixed_digits(number, _LENGTH, "MMSI", compact)
    station, start = _structure(digits, number)
    if start is None:
        return digits, station, None
    code = digits[start : start + 3]
    if code not in _allocations():
        raise InvalidComponentError(
            f"MMSI {digits!r} has MID {code}, which is not allocated", number
        )
    return digits, station, code


def validate(number: str) -> str:
    """Check an MMSI and return its nine digits; raise if it is not valid.

    Errors name the reason: `InvalidFormatError` (characters other
    than digits), `InvalidLengthError` (not nine digits) and
    `InvalidComponentError` (a prefix that ITU-R M.585 does not
    define, a MID that is not allocated, or manufacturer 00 on a free-form device). MMSIs have
    no check digit.

    >>> validate("445 123 000")
    '445123000'
    >>> validate("27321109")
    Traceback (most recent call last):
        ...
    sanctionkit.errors.InvalidLengthError: MMSI '27321109' has 8 digits, expected 9
    """
    return _validate(number)[0]


def is_valid(number: str) -> bool:
    """Tell whether the text is a valid MMSI; never raises for any text.

    >>> is_valid("273211090"), is_valid("173211090")
    (True, False)
    """
    try:
        _validate(number)
    except InvalidIdentifierError:
        return False
    return True


# "format" shadows the builtin on purpose: it is the name python-stdnum gives this function.
def format(number: str) -> str:
    """Validate the MMSI and write it as people do: the nine digits, ungrouped.

    >>> format("MMSI 273-211-090")
    '273211090'
    """
    return _validate(number)[0]


def kind(number: str) -> StationKind:
    """Validate the MMSI and tell what kind of station it identifies.

    >>> kind("273211090")
    <StationKind.SHIP: 'ship'>
    >>> kind("992731234")
    <StationKind.AID_TO_NAVIGATION: 'aid_to_navigation'>
    >>> kind("970012345")
    <StationKind.AIS_SART: 'ais_sart'>
    """
    return _validate(number)[1]


def mid(number: str) -> str | None:
    """Validate the MMSI and return its three Maritime Identification Digits, if it has them.

    Free-form device numbers (AIS-SART, MOB, EPIRB-AIS, AMRD) have none and give `None`.

    >>> mid("003669999")
    '366'
    >>> mid("972991234") is None
    True
    """
    return _validate(number)[2]


def flag_country(number: str) -> Country:
    """Validate the MMSI and return the country its MID is allocated to.

    Raises `InvalidComponentError` when the format has no MID
    (AIS-SART, MOB, EPIRB-AIS, AMRD) or the MID is not allocated. Where the ITU allocates a MID
    to a territory, this is the territory (236 is Gibraltar, 477 Hong Kong) when it has an
    ISO 3166 code, else the state (303 Alaska is the United States, 255 Madeira is Portugal).
    MID 306 is shared by Curaçao, Sint Maarten and Bonaire, Sint Eustatius and Saba; it gives
    Curaçao, whose registry holds most of the ships.

    >>> flag_country("445123000").alpha2
    'KP'
    """
    digits, station, code = _validate(number)
    if code is None:
        raise InvalidComponentError(
            f"MMSI {digits!r} is a free-form {station.value} number and has no MID, so no country",
            number,
        )
    # Imported here so that importing this module does not load the country tables.
    from sanctionkit.values.countries import parse_country

    return parse_country(_allocations()[code][0][0])


def _check_number(instance: Mmsi, attribute: attrs.Attribute[str], value: str) -> None:
    if _validate(value)[0] != value:
        raise InvalidFormatError(
            f"Mmsi needs the nine digits, got {value!r}; use mmsi.parse() for text", value
        )


@attrs.frozen
class Mmsi:
    """A validated MMSI, with the text it was parsed from.

    `text` is kept for error messages and provenance but takes no part in equality or
    hashing. Make one with `parse()`.

    >>> value = parse("MMSI 445 123 000")
    >>> value, str(value), value.text
    (Mmsi(number='445123000'), '445123000', 'MMSI 445 123 000')
    >>> value.kind, value.mid
    (<StationKind.SHIP: 'ship'>, '445')
    """

    number: str = attrs.field(validator=_check_number)
    text: str | None = attrs.field(default=None, eq=False, hash=False, repr=False, kw_only=True)

    @property
    def kind(self) -> StationKind:
        """The kind of station, as `kind()` gives it."""
        return _validate(self.number)[1]

    @property
    def mid(self) -> str | None:
        """The Maritime Identification Digits, as `mid()` gives them."""
        return _validate(self.number)[2]

    def flag_country(self) -> Country:
        """The country of the MID, as `flag_country()` gives it."""
        return flag_country(self.number)

    def __str__(self) -> str:
        return self.number


def parse(text: str) -> Mmsi:
    """Validate `text` as an MMSI and return it as an `Mmsi`.

    Raises the same errors as `validate()`.

    >>> parse("273211090") == parse("MMSI: 273 211 090")
    True
    """
    return Mmsi(_validate(text)[0], text=text)
