"""Specification of sanctionkit.identifiers.imo: IMO ship and company numbers.

The real numbers come from OFAC's SDN lists (shared/data/ofac/sdn-csv-2021 and
sdn-csv-2024-05): vessels as "Vessel Registration Identification IMO ...", companies as
"Company Number IMO ..." or "Identification Number IMO ...".
"""

from __future__ import annotations

import contextlib

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionkit.errors import (
    IdentifierTooLongError,
    InvalidChecksumError,
    InvalidComponentError,
    InvalidFormatError,
    InvalidIdentifierError,
    InvalidLengthError,
    SanctionkitError,
)
from sanctionkit.identifiers import imo

# Vessels listed by OFAC with their IMO numbers. Check digits worked by hand
# (weights 7, 6, 5, 4, 3, 2 on the first six digits, sum modulo 10):
#   LADY LEILA 9683740:      63 + 36 + 40 + 12 + 21 + 8 = 180 -> 0
#   TERIBERKA 9081291:       63 +  0 + 40 +  4 +  6 + 18 = 131 -> 1
#   CHONG CHON GANG 7937317: 49 + 54 + 15 + 28 +  9 + 2 = 157 -> 7
#   SEA RHAPSODY 1010648:     7 +  0 +  5 +  0 + 18 + 8 =  38 -> 8
OFAC_SHIPS = {
    "LADY LEILA": "9683740",
    "TERIBERKA": "9081291",
    "CHONG CHON GANG": "7937317",
    "SEA RHAPSODY": "1010648",
    "SV KONSTANTIN": "9203710",
    "HONG XUN": "9588885",
    "WON SAN 2": "9159787",
    "MI RIM 2": "9361407",
    "ANATOLY KOLODKIN": "9610808",
    "NS CHAMPION": "9299719",
    "DAWNLIGHT": "9110236",
    "JIN TAI": "9163154",
}

# Companies listed by OFAC with their IMO company numbers. Check digits worked by hand
# (weights 8, 6, 4, 2, 9, 7; sum modulo 11 = r; check digit (11 - r) % 10):
#   CHONGCHONGANG SHIPPING 5342883: 40 + 18 + 16 +  4 + 72 + 56 = 206, r 8 -> 3
#   KOREAN POLISH SHPG 1267131:      8 + 12 + 24 + 14 +  9 + 21 =  88, r 0 -> 11 -> 1
#   PYONGJIN SHIP MANAGEMENT 5817790: 40 + 48 + 4 + 14 + 63 + 63 = 232, r 1 -> 10 -> 0
#   NORTHERN SHIPPING 0555641:       0 + 30 + 20 + 10 + 54 + 28 = 142, r 10 -> 1
OFAC_COMPANIES = {
    "CHONGCHONGANG SHIPPING COMPANY LIMITED": "5342883",
    "KOREAN POLISH SHPG CO LTD": "1267131",
    "PYONGJIN SHIP MANAGEMENT COMPANY LIMITED": "5817790",
    "JOINT STOCK COMPANY NORTHERN SHIPPING COMPANY": "0555641",
    "OCEAN MARITIME MANAGEMENT COMPANY LIMITED": "1790183",
    "TONGHUNG SHIPPING & TRADING CO": "1991835",
    "CHANG AN SHIPPING & TECHNOLOGY": "5938411",
    "NS LEADER SHIPPING INCORPORATED": "5305560",
    "OCEAN BUNKERING JV CO": "4199470",
    "YUK TUNG ENERGY PTE LTD": "5987860",
    "HONGYUAN MARINE CO LTD": "5163651",
    "GREEN SHIPPING LTD.": "5848165",
}


def _ship_number(first_six: str) -> str:
    total = sum(int(d) * w for d, w in zip(first_six, (7, 6, 5, 4, 3, 2), strict=True))
    return first_six + str(total % 10)


def _company_number(first_six: str) -> str:
    total = sum(int(d) * w for d, w in zip(first_six, (8, 6, 4, 2, 9, 7), strict=True))
    return first_six + str((11 - total % 11) % 10)


# --- compact -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "9683740",
        "IMO 9683740",
        "IMO9683740",
        "imo: 9 683 740",
        "IMO No. 9683740",
        "IMO no 9683740",
        "IMO No9683740",
        "IMO Nr. 9683740",
        "IMO number 9683740",
        "IMO Number: 9683740",
        "IMO: 9683740",
        "IMO #9683740",
        "  IMO 9683740  ",
        "968-3740",
        "968.37.40",
    ],
)
def test_compact_strips_the_imo_label_and_separators(text: str) -> None:
    assert imo.compact(text) == "9683740"


def test_compact_does_not_check_the_digits() -> None:
    assert imo.compact("IMO 12") == "12"


def test_compact_leaves_an_imo_label_inside_the_text() -> None:
    assert imo.compact("9683740 IMO") == "9683740IMO"


# --- validate: ships -----------------------------------------------------------------------


@pytest.mark.parametrize(("vessel", "number"), OFAC_SHIPS.items())
def test_validate_accepts_ship_numbers_listed_by_ofac(vessel: str, number: str) -> None:
    assert imo.validate(number) == number


def test_validate_returns_the_seven_digits_of_labelled_text() -> None:
    assert imo.validate("IMO 9683740") == "9683740"


def test_validate_checks_ship_numbers_by_default() -> None:
    assert imo.validate("9683740") == imo.validate("9683740", kind="ship")


def test_validate_accepts_the_kind_enum() -> None:
    assert imo.validate("9683740", kind=imo.Kind.SHIP) == "9683740"


def test_validate_accepts_the_kind_in_any_case() -> None:
    assert imo.validate("5342883", kind="COMPANY") == "5342883"


def test_validate_rejects_an_unknown_kind_as_a_programming_error() -> None:
    with pytest.raises(ValueError, match="vessel"):
        imo.validate("9683740", kind="vessel")


def test_validate_rejects_a_wrong_ship_check_digit() -> None:
    with pytest.raises(InvalidChecksumError):
        imo.validate("IMO 9683741")


def test_checksum_error_says_which_digit_was_expected() -> None:
    with pytest.raises(InvalidChecksumError) as caught:
        imo.validate("IMO 9683741")
    assert str(caught.value) == "IMO ship number '9683741' has check digit 1, expected 0"


def test_error_keeps_the_text_exactly_as_given() -> None:
    with pytest.raises(InvalidChecksumError) as caught:
        imo.validate("IMO 9683741")
    assert caught.value.text == "IMO 9683741"


def test_validate_rejects_two_swapped_digits() -> None:
    # The weights differ for neighbours, so swapping 8 and 3 in 9683740 changes the sum.
    with pytest.raises(InvalidChecksumError):
        imo.validate("9638740")


@pytest.mark.parametrize(
    "text", ["96837A0", "IMO 9683740X", "９６８３７４０", "96837²0", "9683740 IMO"]
)
def test_validate_rejects_characters_other_than_ascii_digits(text: str) -> None:
    with pytest.raises(InvalidFormatError):
        imo.validate(text)


@pytest.mark.parametrize("text", ["", "   ", "IMO", "-"])
def test_validate_rejects_text_without_digits(text: str) -> None:
    with pytest.raises(InvalidFormatError, match="no digits"):
        imo.validate(text)


def test_format_error_names_the_offending_character() -> None:
    with pytest.raises(InvalidFormatError, match="'A'"):
        imo.validate("96837A0")


@pytest.mark.parametrize(
    "text",
    [
        "968374",  # six digits
        "96837400",  # eight digits
        "15411",  # OFAC lists the vessel BONU 5 with "IMO 15411"
        "543400",  # and HWASONG SHIPPING CO LTD with "Company Number IMO 543400"
    ],
)
def test_validate_rejects_numbers_that_are_not_seven_digits(text: str) -> None:
    with pytest.raises(InvalidLengthError):
        imo.validate(text)


def test_length_error_says_how_many_digits_there_were() -> None:
    with pytest.raises(InvalidLengthError, match="has 5 digits, expected 7"):
        imo.validate("IMO 15411")


@pytest.mark.parametrize("text", ["0000000", "IMO 0000000", "0000001", "0000009"])
def test_validate_rejects_placeholder_numbers(text: str) -> None:
    with pytest.raises(InvalidComponentError, match="placeholder"):
        imo.validate(text)


def test_validate_rejects_placeholder_company_numbers() -> None:
    with pytest.raises(InvalidComponentError):
        imo.validate("0000001", kind="company")


@pytest.mark.parametrize(
    "error",
    [InvalidFormatError, InvalidLengthError, InvalidChecksumError, InvalidComponentError],
)
def test_every_error_is_an_invalid_identifier_error_and_a_value_error(error: type) -> None:
    assert issubclass(error, InvalidIdentifierError)
    assert issubclass(error, SanctionkitError)
    assert issubclass(error, ValueError)


# --- validate: companies -------------------------------------------------------------------


@pytest.mark.parametrize(("company", "number"), OFAC_COMPANIES.items())
def test_validate_accepts_company_numbers_listed_by_ofac(company: str, number: str) -> None:
    assert imo.validate(number, kind="company") == number


def test_company_check_digit_is_1_when_the_remainder_is_0() -> None:
    # KOREAN POLISH SHPG CO LTD: weighted sum 88, a multiple of 11.
    assert imo.check_digit("126713", kind="company") == "1"


def test_company_check_digit_is_0_when_the_remainder_is_1() -> None:
    # PYONGJIN SHIP MANAGEMENT COMPANY LIMITED: weighted sum 232 = 21 * 11 + 1.
    assert imo.check_digit("581779", kind="company") == "0"


def test_company_number_fails_the_ship_check_digit() -> None:
    with pytest.raises(InvalidChecksumError, match="IMO ship number '5342883'"):
        imo.validate("5342883")


def test_ship_number_fails_the_company_check_digit() -> None:
    with pytest.raises(InvalidChecksumError, match="IMO company number '9683740'"):
        imo.validate("9683740", kind="company")


def test_validate_rejects_a_wrong_company_check_digit() -> None:
    with pytest.raises(InvalidChecksumError, match="has check digit 4, expected 3"):
        imo.validate("Company Number IMO 5342884".removeprefix("Company Number "), "company")


# --- is_valid, format, check_digit ---------------------------------------------------------


def test_is_valid_is_true_for_a_valid_ship_number() -> None:
    assert imo.is_valid("IMO 9081291")


def test_is_valid_is_false_for_a_wrong_check_digit() -> None:
    assert not imo.is_valid("IMO 9081292")


def test_is_valid_checks_company_numbers_on_request() -> None:
    assert imo.is_valid("5342883", kind="company")
    assert not imo.is_valid("5342883")


def test_format_writes_imo_and_the_seven_digits() -> None:
    assert imo.format("imo: 9 683 740") == "IMO 9683740"


def test_format_validates() -> None:
    with pytest.raises(InvalidChecksumError):
        imo.format("9683741")


def test_check_digit_of_a_ship_number() -> None:
    assert imo.check_digit("908129") == "1"


def test_check_digit_needs_six_digits() -> None:
    with pytest.raises(InvalidFormatError):
        imo.check_digit("90812")


# --- ImoNumber and parse -------------------------------------------------------------------


def test_parse_returns_the_number_and_its_kind() -> None:
    value = imo.parse("IMO 5342883", kind="company")
    assert (value.number, value.kind) == ("5342883", imo.Kind.COMPANY)


def test_parse_keeps_the_original_text() -> None:
    assert imo.parse("IMO No. 9683740").text == "IMO No. 9683740"


def test_parsed_values_from_different_text_are_equal_and_hash_alike() -> None:
    first, second = imo.parse("IMO 9683740"), imo.parse("9683740")
    assert first == second
    assert hash(first) == hash(second)


def test_ship_and_company_numbers_with_the_same_digits_differ() -> None:
    # 8405311 (the vessel SAM JONG 1) happens to pass both check digits.
    assert imo.parse("8405311") != imo.parse("8405311", kind="company")


def test_str_of_a_parsed_number_is_its_formatted_form() -> None:
    assert str(imo.parse("imo 9081291")) == "IMO 9081291"


def test_repr_leaves_out_the_text() -> None:
    assert (
        repr(imo.parse(" IMO 9081291 ")) == "ImoNumber(number='9081291', kind=<Kind.SHIP: 'ship'>)"
    )


def test_parse_raises_the_validation_error() -> None:
    with pytest.raises(InvalidChecksumError):
        imo.parse("IMO 9081292")


def test_imo_number_is_immutable() -> None:
    value = imo.parse("9081291")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.number = "9683740"  # type: ignore[misc]


def test_imo_number_constructor_validates() -> None:
    with pytest.raises(InvalidChecksumError):
        imo.ImoNumber("9081292")


def test_imo_number_constructor_needs_the_compact_digits() -> None:
    with pytest.raises(InvalidFormatError, match=r"use imo\.parse"):
        imo.ImoNumber("IMO 9081291")


# --- properties ----------------------------------------------------------------------------

_SIX_DIGITS = st.text(alphabet="0123456789", min_size=6, max_size=6).filter(
    lambda digits: digits != "000000"
)


@given(_SIX_DIGITS)
def test_appending_the_computed_ship_check_digit_gives_a_valid_number(first_six: str) -> None:
    assert imo.validate(_ship_number(first_six)) == _ship_number(first_six)


@given(_SIX_DIGITS)
def test_appending_the_computed_company_check_digit_gives_a_valid_number(first_six: str) -> None:
    assert imo.validate(_company_number(first_six), "company") == _company_number(first_six)


@given(_SIX_DIGITS)
def test_check_digit_agrees_with_the_published_rules(first_six: str) -> None:
    assert first_six + imo.check_digit(first_six) == _ship_number(first_six)
    assert first_six + imo.check_digit(first_six, "company") == _company_number(first_six)


@given(_SIX_DIGITS, st.integers(min_value=1, max_value=9))
def test_changing_the_check_digit_makes_a_ship_number_invalid(first_six: str, shift: int) -> None:
    number = _ship_number(first_six)
    wrong = number[:6] + str((int(number[6]) + shift) % 10)
    assert not imo.is_valid(wrong)


_DECORATED_SHIP_NUMBERS = st.builds(
    lambda prefix, number, spaced: prefix + (" ".join(number) if spaced else number),
    st.sampled_from(["", "IMO ", "imo", "IMO: ", "IMO No. ", "IMO number "]),
    _SIX_DIGITS.map(_ship_number),
    st.booleans(),
)


@given(_DECORATED_SHIP_NUMBERS)
def test_validating_the_formatted_form_gives_the_same_digits(text: str) -> None:
    assert imo.validate(imo.format(text)) == imo.validate(text)


@given(_DECORATED_SHIP_NUMBERS)
def test_validating_the_compact_form_gives_the_same_digits(text: str) -> None:
    assert imo.validate(imo.compact(text)) == imo.validate(text)


@given(st.text())
def test_is_valid_never_raises(text: str) -> None:
    assert imo.is_valid(text) in (True, False)
    assert imo.is_valid(text, kind="company") in (True, False)


@given(st.one_of(st.text(), st.text(alphabet="0123456789 -.IMOimo:#")))
def test_validate_raises_only_invalid_identifier_errors(text: str) -> None:
    # Any other exception escapes suppress() and fails the test.
    with contextlib.suppress(InvalidIdentifierError):
        imo.validate(text)


@pytest.mark.parametrize("text", ["9" * 1001, "IMO " + "9683740 " * 200, " " * 5000])
def test_text_over_the_length_limit_is_refused_at_once(text: str) -> None:
    with pytest.raises(IdentifierTooLongError, match="over the limit of 1,000") as caught:
        imo.validate(text)
    assert isinstance(caught.value, InvalidFormatError)
    assert caught.value.text == text
    assert not imo.is_valid(text)


def test_text_just_under_the_length_limit_gets_the_usual_error() -> None:
    with pytest.raises(InvalidLengthError, match="has 1000 digits"):
        imo.validate("9" * 1000)
