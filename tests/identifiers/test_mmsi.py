"""Specification of sanctionkit.identifiers.mmsi: Maritime Mobile Service Identities.

The real MMSIs come from OFAC's SDN lists (shared/data/ofac/sdn-csv-2024-05), where vessels
carry "MMSI 273340060"; formats follow Recommendation ITU-R M.585-9.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from importlib import resources

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionkit.errors import (
    IdentifierTooLongError,
    InvalidComponentError,
    InvalidFormatError,
    InvalidIdentifierError,
    InvalidLengthError,
)
from sanctionkit.identifiers import mmsi
from sanctionkit.identifiers.mmsi import StationKind

# Vessels listed by OFAC with their MMSI, and the ISO code of the country of the MID.
OFAC_VESSELS = {
    "LADY LEILA": ("273340060", "RU"),
    "TERIBERKA": ("273211090", "RU"),
    "HONG XUN": ("636016459", "LR"),
    "GAS ALLURE": ("352898800", "PA"),
    "ANATOLY KOLODKIN": ("352003372", "PA"),
    "FOREVER RICH": ("477232400", "HK"),
    "HECATE": ("620999379", "KM"),
    "BS BRAVO": ("626061000", "GA"),
    "ZEPHYR I": ("511100663", "PW"),
    "ARTAVIL": ("572469210", "TV"),
    "DREAM II": ("677049200", "TZ"),
    "HUGE": ("212256000", "CY"),
    "ARGO I": ("256843000", "MT"),
    "BANEH": ("422141000", "IR"),
    "SEA RHAPSODY": ("538071180", "MH"),
    "ST. VITAMIN": ("375311000", "VC"),
    "CALYPSO GAS": ("304563000", "AG"),
    "ELSA": ("312038000", "BZ"),
    "MOLECULE": ("613003214", "CM"),
}

# One number of each format in ITU-R M.585, with the MID it carries (None: free-form).
EACH_KIND = [
    ("273340060", StationKind.SHIP, "273"),
    ("027312345", StationKind.GROUP, "273"),
    ("036699999", StationKind.GROUP, "366"),  # the US Coast Guard's group call
    ("002733700", StationKind.COAST, "273"),
    ("111273101", StationKind.SAR_AIRCRAFT, "273"),
    ("844512345", StationKind.HANDHELD_VHF, "445"),
    ("982731234", StationKind.CRAFT_ASSOCIATED, "273"),
    ("992736001", StationKind.AID_TO_NAVIGATION, "273"),
    ("970011234", StationKind.AIS_SART, None),
    ("972991234", StationKind.MOB, None),
    ("974120001", StationKind.EPIRB_AIS, None),
    ("979050001", StationKind.AMRD_GROUP_A, None),
]


def _mid_rows() -> list[list[str]]:
    content = resources.files("sanctionkit.data").joinpath("mid.tsv").read_text(encoding="utf-8")
    lines = [line for line in content.splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


# --- compact, validate, is_valid, format ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["273340060", "MMSI 273340060", "mmsi: 273 340 060", "MMSI No. 273-340-060"]
)
def test_compact_strips_the_mmsi_label_and_separators(text: str) -> None:
    assert mmsi.compact(text) == "273340060"


@pytest.mark.parametrize(("vessel", "number"), [(v, n) for v, (n, _) in OFAC_VESSELS.items()])
def test_validate_accepts_mmsis_listed_by_ofac(vessel: str, number: str) -> None:
    assert mmsi.validate(number) == number


def test_validate_keeps_leading_zeros() -> None:
    assert mmsi.validate("MMSI 002733700") == "002733700"


@pytest.mark.parametrize("text", ["27334006X", "MMSI 2733400６0", "273340060 MMSI"])
def test_validate_rejects_characters_other_than_ascii_digits(text: str) -> None:
    with pytest.raises(InvalidFormatError):
        mmsi.validate(text)


def test_validate_rejects_text_without_digits() -> None:
    with pytest.raises(InvalidFormatError, match="no digits"):
        mmsi.validate("MMSI")


@pytest.mark.parametrize("text", ["27334006", "2733400600", "273340060000"])
def test_validate_rejects_numbers_that_are_not_nine_digits(text: str) -> None:
    with pytest.raises(InvalidLengthError, match="expected 9"):
        mmsi.validate(text)


@pytest.mark.parametrize("number", ["217000001", "200123456", "780123456", "280123456"])
def test_validate_rejects_a_ship_mmsi_with_an_unallocated_mid(number: str) -> None:
    with pytest.raises(InvalidComponentError, match="MID"):
        mmsi.validate(number)


@pytest.mark.parametrize(
    "number",
    [
        "021712345",  # group with MID 217
        "001234567",  # coast station with MID 123
        "000000000",  # all zeros
        "011234567",  # group with MID 112
        "111999123",  # SAR aircraft with MID 999
        "819912345",  # handheld with MID 199
        "980001234",  # craft with MID 000
        "991001234",  # aid to navigation with MID 100
    ],
)
def test_validate_rejects_an_unallocated_mid_in_any_format(number: str) -> None:
    with pytest.raises(InvalidComponentError, match="MID"):
        mmsi.validate(number)


@pytest.mark.parametrize("number", ["123456789", "112273101", "100000000"])
def test_validate_rejects_a_leading_1_other_than_sar_aircraft(number: str) -> None:
    with pytest.raises(InvalidComponentError, match="111"):
        mmsi.validate(number)


@pytest.mark.parametrize("number", ["971011234", "973011234", "975011234", "900000000"])
def test_validate_rejects_free_form_prefixes_that_m585_does_not_define(number: str) -> None:
    with pytest.raises(InvalidComponentError, match="does not define"):
        mmsi.validate(number)


def test_validate_rejects_manufacturer_00_on_a_free_form_device() -> None:
    with pytest.raises(InvalidComponentError, match="manufacturer 00"):
        mmsi.validate("970001234")


def test_error_keeps_the_text_exactly_as_given() -> None:
    with pytest.raises(InvalidComponentError) as caught:
        mmsi.validate("MMSI 217 000 001")
    assert caught.value.text == "MMSI 217 000 001"


def test_is_valid_is_true_for_a_valid_mmsi() -> None:
    assert mmsi.is_valid("MMSI 273211090")


def test_is_valid_is_false_for_an_unallocated_mid() -> None:
    assert not mmsi.is_valid("217000001")


def test_format_is_the_nine_digits_ungrouped() -> None:
    assert mmsi.format("MMSI: 273 211 090") == "273211090"


def test_format_validates() -> None:
    with pytest.raises(InvalidComponentError):
        mmsi.format("217000001")


# --- kind and mid --------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "station", "code"), EACH_KIND)
def test_kind_tells_the_station_from_the_format(
    number: str, station: StationKind, code: str | None
) -> None:
    assert mmsi.kind(number) is station


@pytest.mark.parametrize(("number", "station", "code"), EACH_KIND)
def test_mid_is_found_where_the_format_puts_it(
    number: str, station: StationKind, code: str | None
) -> None:
    assert mmsi.mid(number) == code


def test_kind_validates() -> None:
    with pytest.raises(InvalidLengthError):
        mmsi.kind("2733400")


# --- the MID table -------------------------------------------------------------------------


def test_mid_table_names_its_source() -> None:
    content = resources.files("sanctionkit.data").joinpath("mid.tsv").read_text(encoding="utf-8")
    assert "Table of Maritime Identification Digits" in content.splitlines()[0]


def test_mid_table_rows_have_a_mid_a_country_code_and_a_name() -> None:
    for row in _mid_rows():
        code, alpha2, name = row
        assert len(code) == 3, row
        assert "201" <= code <= "775", row
        assert len(alpha2) == 2, row
        assert alpha2.isupper(), row
        assert name, row
        assert name.strip() == name, row


def test_mid_table_is_sorted_by_mid() -> None:
    codes = [row[0] for row in _mid_rows()]
    assert codes == sorted(codes)


@pytest.mark.parametrize(
    ("code", "alpha2"),
    [
        ("273", "RU"),
        ("445", "KP"),
        ("440", "KR"),
        ("441", "KR"),
        ("209", "CY"),
        ("210", "CY"),
        ("212", "CY"),
        ("303", "US"),
        ("204", "PT"),
        ("255", "PT"),
        ("351", "PA"),
        ("357", "PA"),
        ("370", "PA"),
        ("374", "PA"),
        ("236", "GI"),
        ("477", "HK"),
        ("306", "CW"),
    ],
)
def test_mid_table_allocates_known_mids(code: str, alpha2: str) -> None:
    first_rows: dict[str, str] = {}
    for row in _mid_rows():
        first_rows.setdefault(row[0], row[1])
    assert first_rows[code] == alpha2


def test_every_mid_in_the_table_makes_a_valid_ship_mmsi() -> None:
    for code, _, _ in _mid_rows():
        assert mmsi.is_valid(code + "123456"), code


def test_importing_the_module_does_not_read_the_mid_table() -> None:
    # The table is read on first use so that importing stays cheap; a fresh interpreter
    # is the only place where nothing has used it yet.
    script = (
        "import sanctionkit.identifiers.mmsi as m; "
        "assert m._allocations.cache_info().currsize == 0; "
        "m.validate('273340060'); "
        "assert m._allocations.cache_info().currsize == 1"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)


# --- flag_country --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vessel", "number", "alpha2"), [(v, n, c) for v, (n, c) in OFAC_VESSELS.items()]
)
def test_flag_country_of_mmsis_listed_by_ofac(vessel: str, number: str, alpha2: str) -> None:
    pytest.importorskip("sanctionkit.values.countries")
    assert mmsi.flag_country(number).alpha2 == alpha2


def test_flag_country_of_a_north_korean_mmsi() -> None:
    pytest.importorskip("sanctionkit.values.countries")
    assert mmsi.flag_country("445123000").alpha2 == "KP"


@pytest.mark.parametrize(("number", "alpha2"), [("002733700", "RU"), ("844512345", "KP")])
def test_flag_country_reads_the_mid_in_every_format(number: str, alpha2: str) -> None:
    pytest.importorskip("sanctionkit.values.countries")
    assert mmsi.flag_country(number).alpha2 == alpha2


def test_flag_country_of_a_territory_with_no_iso_code_is_its_state() -> None:
    pytest.importorskip("sanctionkit.values.countries")
    assert mmsi.flag_country("303123456").alpha2 == "US"  # Alaska


@pytest.mark.parametrize("number", ["970011234", "972991234", "974120001"])
def test_flag_country_of_a_free_form_device_raises(number: str) -> None:
    with pytest.raises(InvalidComponentError, match="no MID"):
        mmsi.flag_country(number)


def test_flag_country_of_an_unallocated_mid_raises() -> None:
    with pytest.raises(InvalidComponentError):
        mmsi.flag_country("217000001")


def test_every_country_code_in_the_mid_table_is_known() -> None:
    countries = pytest.importorskip("sanctionkit.values.countries")
    for _, alpha2, _ in _mid_rows():
        assert countries.parse_country(alpha2).alpha2 == alpha2


# --- Mmsi and parse ------------------------------------------------------------------------


def test_parse_keeps_the_original_text() -> None:
    assert mmsi.parse("MMSI 273 340 060").text == "MMSI 273 340 060"


def test_parsed_values_from_different_text_are_equal_and_hash_alike() -> None:
    first, second = mmsi.parse("MMSI 273340060"), mmsi.parse("273-340-060")
    assert first == second
    assert hash(first) == hash(second)


def test_str_of_a_parsed_mmsi_is_its_nine_digits() -> None:
    assert str(mmsi.parse("MMSI 002733700")) == "002733700"


def test_parsed_mmsi_knows_its_kind_and_mid() -> None:
    value = mmsi.parse("992736001")
    assert (value.kind, value.mid) == (StationKind.AID_TO_NAVIGATION, "273")


def test_parsed_mmsi_knows_its_flag_country() -> None:
    pytest.importorskip("sanctionkit.values.countries")
    assert mmsi.parse("273340060").flag_country().alpha2 == "RU"


def test_repr_leaves_out_the_text() -> None:
    assert repr(mmsi.parse("MMSI 273340060")) == "Mmsi(number='273340060')"


def test_parse_raises_the_validation_error() -> None:
    with pytest.raises(InvalidComponentError):
        mmsi.parse("217000001")


def test_mmsi_is_immutable() -> None:
    value = mmsi.parse("273340060")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        value.number = "273211090"  # type: ignore[misc]


def test_mmsi_constructor_needs_the_compact_digits() -> None:
    with pytest.raises(InvalidFormatError, match=r"use mmsi\.parse"):
        mmsi.Mmsi("MMSI 273340060")


# --- properties ----------------------------------------------------------------------------

_ALLOCATED = sorted({row[0] for row in _mid_rows()})


@given(st.sampled_from(_ALLOCATED), st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_any_allocated_mid_and_six_digits_make_a_valid_ship_mmsi(code: str, rest: str) -> None:
    number = code + rest
    assert mmsi.validate(number) == number
    assert mmsi.kind(number) is StationKind.SHIP
    assert mmsi.mid(number) == code


@given(
    st.sampled_from(["", "MMSI ", "mmsi: ", "MMSI No. "]),
    st.sampled_from(_ALLOCATED),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_validating_the_formatted_and_compact_forms_gives_the_same_digits(
    prefix: str, code: str, rest: str
) -> None:
    text = prefix + code + " " + rest[:3] + " " + rest[3:]
    assert mmsi.validate(mmsi.format(text)) == mmsi.validate(text)
    assert mmsi.validate(mmsi.compact(text)) == mmsi.validate(text)


@given(st.text())
def test_is_valid_never_raises(text: str) -> None:
    assert mmsi.is_valid(text) in (True, False)


@given(st.one_of(st.text(), st.text(alphabet="0123456789 -.MSImsi:", max_size=14)))
def test_validate_raises_only_invalid_identifier_errors(text: str) -> None:
    # Any other exception escapes suppress() and fails the test.
    with contextlib.suppress(InvalidIdentifierError):
        mmsi.validate(text)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_valid_nine_digit_number_has_a_kind_and_a_consistent_mid(number: str) -> None:
    if mmsi.is_valid(number):
        code = mmsi.mid(number)
        assert (code is None) == (mmsi.kind(number) in mmsi._FREE_FORM.values())


@pytest.mark.parametrize("text", ["2" * 1001, "MMSI " + "273211090 " * 150])
def test_text_over_the_length_limit_is_refused_at_once(text: str) -> None:
    with pytest.raises(IdentifierTooLongError, match="over the limit of 1,000") as caught:
        mmsi.validate(text)
    assert isinstance(caught.value, InvalidFormatError)
    assert caught.value.text == text
    assert not mmsi.is_valid(text)
