"""The check every numeric identifier starts with: ASCII digits, and how many."""

from __future__ import annotations

import re
from collections.abc import Callable

from sanctionkit.errors import IdentifierTooLongError, InvalidFormatError, InvalidLengthError
from sanctionkit.values._limits import check_length


def fixed_digits(number: str, length: int, label: str, compact: Callable[[str], str]) -> str:
    """The compact form of ``number`` if it is ``length`` ASCII digits; else raise saying why.

    ``label`` names the identifier in messages ("IMO number", "MMSI").

    >>> fixed_digits("IMO 9683740", 7, "IMO number", lambda text: text[4:])
    '9683740'
    >>> fixed_digits("96837", 7, "IMO number", str.strip)
    Traceback (most recent call last):
    ...
    sanctionkit.errors.InvalidLengthError: IMO number '96837' has 5 digits, expected 7
    """
    # Fast path: input that is already the digits needs no regular expression.
    if len(number) == length and number.isascii() and number.isdigit():
        return number
    check_length(number, IdentifierTooLongError, label)
    digits = compact(number)
    # isdigit() alone accepts superscripts and other scripts' digits; these numbers are ASCII.
    if not (digits.isascii() and digits.isdigit()):
        bad = next((c for c in digits if not ("0" <= c <= "9")), None)
        if bad is None:
            raise InvalidFormatError(f"{label} {number!r} has no digits", number)
        message = f"{label} {digits!r} contains {bad!r}, which is not a digit"
        raise InvalidFormatError(message, number)
    if len(digits) != length:
        message = f"{label} {digits!r} has {len(digits)} digits, expected {length}"
        raise InvalidLengthError(message, number)
    return digits


# Separators people put inside numbers: "9 683 740", "968-3740", "968.3740".
_SEPARATORS = re.compile(r"[\s.\-]+")


def strip_label(number: str, label: re.Pattern[str]) -> str:
    """``number`` without a leading ``label`` ("IMO No.", "MMSI:") and separators.

    >>> strip_label("IMO No. 9 683 740", re.compile(r"\\s*IMO\\s*(No\\.)?", re.I))
    '9683740'
    """
    # The common inputs are bare digits, or the label and digits: test before using a regex.
    if not number[:1].isdigit():
        match = label.match(number)
        if match is not None:
            number = number[match.end() :]
    if not number.isdigit():
        number = _SEPARATORS.sub("", number)
    return number
