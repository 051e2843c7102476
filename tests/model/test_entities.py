"""Specification of sanctionkit.model.entities: persons, organisations, vessels, aircraft.

Expected values come from the standards (ISO 3166 codes, the IMO check digit, ITU-R M.585
for MMSI) and from the issue, not from the model's output. LADY LEILA, IMO 9683740, is a
vessel on OFAC's list; its check digit worked by hand: 9*7 + 6*6 + 8*5 + 3*4 + 7*3 + 4*2 = 180,
so the seventh digit is 0.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from attrs import AttrsInstance

from sanctionkit.errors import InvalidChecksumError, InvalidDateError, InvalidIdentifierError
from sanctionkit.model.entities import (
    Address,
    Aircraft,
    Alias,
    AliasQuality,
    CountryRole,
    CountryRoleKind,
    Entity,
    Gender,
    Identifier,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.model.sources import Source
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate

KP = Country.from_code("KP")
RU = Country.from_code("RU")
PA = Country.from_code("PA")

# One way to build each record class, with every kind of field filled in.
EXAMPLES: dict[type, Callable[[], AttrsInstance]] = {
    Alias: lambda: Alias(name="Mikheychik", quality="weak", script="Latn", language="en"),
    Identifier: lambda: Identifier(
        scheme="tax_id", value="9701170663", country="RU", issued="2021-02-10"
    ),
    Address: lambda: Address(
        full="Mitsi Building, 1 Stasinou Avenue", city="Nicosia", country="CY"
    ),
    CountryRole: lambda: CountryRole(country="North Korea", role="nationality"),
    Entity: lambda: Entity(id="e1", name="Someone", aliases=["Someone Else"]),
    Person: lambda: Person(
        id="jp-mof-729",
        name="Vladimir Mikheychik",
        aliases=["Mikheychik Vladimir"],
        countries=[CountryRole(country="Russia", role="nationality")],
        birth_dates=["1970-05-16"],
        birth_places=[Address(full="Moscow, Russia", city="Moscow", country="RU")],
        gender="male",
        positions=["General Director"],
        notes=["designated by Japan"],
        sources=[Source(publisher="Ministry of Finance of Japan", published="2024-05-24")],
    ),
    Organization: lambda: Organization(
        id="us-ofac-verus",
        name="LIMITED LIABILITY COMPANY VERUS",
        kind="company",
        incorporated="2021-02-10",
        identifiers=[Identifier(scheme="tax_id", value="9701170663", country="RU")],
        addresses=[Address(full="Moscow, Russia", country="Russia")],
    ),
    Vessel: lambda: Vessel(
        id="v-lady-leila",
        name="LADY LEILA",
        imo="IMO 9683740",
        mmsi="273211090",
        call_sign="UBCD7",
        flag="Panama",
        past_flags=["KP"],
        past_names=["OLD NAME"],
        vessel_type="General Cargo",
        tonnage=1999,
        build_year=2013,
        owner_id="org-owner",
        operator_id="org-operator",
    ),
    Aircraft: lambda: Aircraft(
        id="a1", name="EP-MNA", registration="EP-MNA", serial_number="618", model="Airbus A310"
    ),
}


# Every record class: frozen, slotted, evolvable, equal by value, checked once in
# test_records.py over EXAMPLES.


def test_evolve_converts_the_new_value() -> None:
    ship = Vessel(id="v1", name="LADY LEILA", flag="Panama")
    assert attrs.evolve(ship, flag="Russia").flag == RU


def test_evolve_validates_the_new_value() -> None:
    ship = Vessel(id="v1", name="LADY LEILA", imo="9683740")
    with pytest.raises(InvalidChecksumError):
        attrs.evolve(ship, imo="9683741")


def test_evolve_refuses_a_blank_id() -> None:
    person = Person(id="p1", name="Han Hyok-chol")
    with pytest.raises(ValueError, match=r"Person\.id"):
        attrs.evolve(person, id=" ")


def test_a_person_and_an_organization_with_the_same_id_and_name_differ() -> None:
    person: object = Person(id="x", name="X")
    assert person != Organization(id="x", name="X")


def test_the_text_a_country_was_parsed_from_does_not_affect_equality() -> None:
    by_code = Vessel(id="v1", name="MAIA-1", flag="RU")
    by_name = Vessel(id="v1", name="MAIA-1", flag="Russian Federation")
    assert by_code == by_name
    assert hash(by_code) == hash(by_name)


def test_the_text_a_date_was_parsed_from_does_not_affect_equality() -> None:
    parsed = Person(id="p1", name="P", birth_dates=["16 May 1970"])
    built = Person(id="p1", name="P", birth_dates=[PartialDate(1970, 5, 16)])
    assert parsed == built
    assert hash(parsed) == hash(built)


# --- Country fields -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["KP", "North Korea", "Korea, North", KP])
def test_a_country_field_accepts_a_code_a_name_or_a_country(value: str | Country) -> None:
    flag = Vessel(id="v1", name="X", flag=value).flag
    assert isinstance(flag, Country)
    assert flag.alpha2 == "KP"


def test_a_country_field_keeps_the_text_it_was_parsed_from() -> None:
    flag = Vessel(id="v1", name="X", flag="North Korea").flag
    assert flag is not None
    assert flag.text == "North Korea"


def test_address_country_is_stored_as_a_country() -> None:
    assert Address(full="Nicosia, Cyprus", country="Cyprus").country == Country.from_code("CY")


def test_identifier_country_is_stored_as_a_country() -> None:
    assert Identifier(scheme="passport", value="1", country="DPRK").country == KP


def test_country_role_country_is_stored_as_a_country() -> None:
    assert CountryRole(country="Russian Federation", role="location").country == RU


def test_past_flags_accept_codes_and_names_and_store_countries() -> None:
    ship = Vessel(id="v1", name="X", past_flags=["Mongolia", "KP"])
    assert ship.past_flags == (Country.from_code("MN"), KP)


def test_an_unknown_country_raises_value_error() -> None:
    with pytest.raises(ValueError, match="Narnia"):
        Vessel(id="v1", name="X", flag="Narnia")


def test_an_int_for_a_country_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Vessel(id="v1", name="X", flag=408)  # type: ignore[arg-type]


def test_a_country_role_needs_a_country() -> None:
    with pytest.raises(TypeError):
        CountryRole(country=None, role="location")  # type: ignore[arg-type]


# --- Enum fields --------------------------------------------------------------------------------


def test_country_role_accepts_its_lower_case_value() -> None:
    assert CountryRole(country="KP", role="citizenship").role is CountryRoleKind.CITIZENSHIP


def test_an_unknown_country_role_raises_value_error() -> None:
    with pytest.raises(ValueError, match="birthplace"):
        CountryRole(country="KP", role="birthplace")


def test_alias_quality_accepts_its_lower_case_value() -> None:
    assert Alias(name="Verus", quality="former").quality is AliasQuality.FORMER


def test_alias_quality_is_strong_by_default() -> None:
    assert Alias(name="Verus").quality is AliasQuality.STRONG


def test_gender_accepts_its_lower_case_value() -> None:
    assert Person(id="p1", name="P", gender="female").gender is Gender.FEMALE


def test_gender_is_unknown_by_default() -> None:
    assert Person(id="p1", name="P").gender is None


# --- Tuple fields -------------------------------------------------------------------------------


def test_list_fields_store_tuples() -> None:
    person = Person(id="p1", name="P", notes=["a", "b"], positions=["IT worker"])
    assert person.notes == ("a", "b")
    assert person.positions == ("IT worker",)


def test_tuple_fields_default_to_empty_tuples() -> None:
    person = Person(id="p1", name="P")
    assert person.aliases == ()
    assert person.identifiers == ()
    assert person.birth_dates == ()


@pytest.mark.parametrize("field", ["notes", "positions", "aliases", "birth_dates"])
def test_a_bare_string_for_a_tuple_field_raises_type_error(field: str) -> None:
    with pytest.raises(TypeError):
        Person(id="p1", name="P", **{field: "abc"})


def test_a_bare_string_for_past_flags_raises_type_error() -> None:
    # Not three countries "K", "P" ...: a string is not a list of countries.
    with pytest.raises(TypeError):
        Vessel(id="v1", name="X", past_flags="KP")


def test_items_of_the_wrong_type_in_a_tuple_field_raise_type_error() -> None:
    with pytest.raises(TypeError):
        Person(id="p1", name="P", countries=["KP"])


def test_a_string_for_a_source_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Person(id="p1", name="P", sources=["Al Jazeera"])


# --- Aliases ------------------------------------------------------------------------------------


def test_plain_strings_become_strong_aliases() -> None:
    person = Person(id="p1", name="P", aliases=["Pak"])
    assert person.aliases == (Alias(name="Pak", quality=AliasQuality.STRONG),)


def test_alias_objects_keep_their_quality() -> None:
    weak = Alias(name="Pak", quality="weak")
    assert Person(id="p1", name="P", aliases=[weak]).aliases == (weak,)


def test_a_blank_alias_raises_value_error_naming_alias_name() -> None:
    with pytest.raises(ValueError, match=r"Alias\.name"):
        Person(id="p1", name="P", aliases=["  "])


# --- Ids and names ------------------------------------------------------------------------------


def test_an_id_that_is_not_a_string_raises_type_error_naming_the_field() -> None:
    with pytest.raises(TypeError, match=r"Person\.id"):
        Person(id=729, name="X")  # type: ignore[arg-type]


# --- Dates --------------------------------------------------------------------------------------


def test_birth_dates_accept_iso_text_and_store_partial_dates() -> None:
    person = Person(id="p1", name="P", birth_dates=["1970-05-16", "1970"])
    assert person.birth_dates == (PartialDate(1970, 5, 16), PartialDate(1970))


def test_birth_dates_accept_a_range() -> None:
    person = Person(id="p1", name="P", birth_dates=["1960 to 1962"])
    assert person.birth_dates == (DateRange(PartialDate(1960), PartialDate(1962)),)


def test_incorporated_accepts_iso_text_and_stores_a_partial_date() -> None:
    org = Organization(id="o1", name="O", incorporated="2021-02-10")
    assert org.incorporated == PartialDate(2021, 2, 10)


def test_incorporated_refuses_range_text() -> None:
    with pytest.raises(ValueError, match="range"):
        Organization(id="o1", name="O", incorporated="2019 to 2021")


def test_incorporated_refuses_a_date_range_object() -> None:
    span = DateRange(PartialDate(2019), PartialDate(2021))
    with pytest.raises(ValueError, match="range"):
        Organization(id="o1", name="O", incorporated=span)  # type: ignore[arg-type]


def test_an_unparseable_date_raises_value_error() -> None:
    with pytest.raises(InvalidDateError):
        Identifier(scheme="passport", value="1", expires="#REF!")


def test_an_int_for_a_date_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Organization(id="o1", name="O", incorporated=2021)  # type: ignore[arg-type]


# --- Vessel identifiers -------------------------------------------------------------------------


def test_vessel_imo_is_stored_as_its_seven_digits() -> None:
    assert Vessel(id="v1", name="LADY LEILA", imo="IMO 9683740").imo == "9683740"


def test_vessel_imo_with_a_wrong_check_digit_raises_invalid_checksum_error() -> None:
    with pytest.raises(InvalidChecksumError):
        Vessel(id="v1", name="LADY LEILA", imo="IMO 9683741")


def test_vessel_imo_with_six_digits_raises() -> None:
    with pytest.raises(InvalidIdentifierError):
        Vessel(id="v1", name="X", imo="968374")


def test_vessel_imo_is_optional() -> None:
    assert Vessel(id="v1", name="MARIA").imo is None


def test_vessel_mmsi_is_stored_as_its_nine_digits() -> None:
    assert Vessel(id="v1", name="X", mmsi="MMSI 273 211 090").mmsi == "273211090"


@pytest.mark.parametrize(
    "number",
    [
        "27321109",  # eight digits: an MMSI has nine
        "173211090",  # starts with 1 but not 111: no M.585 format does
        "MMSI 27A211090",  # a letter
    ],
)
def test_an_invalid_vessel_mmsi_raises(number: str) -> None:
    with pytest.raises(InvalidIdentifierError):
        Vessel(id="v1", name="X", mmsi=number)


def test_vessel_flag_is_stored_as_a_country() -> None:
    assert Vessel(id="v1", name="LADY LEILA", flag="Panama").flag == PA


def test_vessel_tonnage_must_be_an_int() -> None:
    with pytest.raises(TypeError):
        Vessel(id="v1", name="X", tonnage="1999")  # type: ignore[arg-type]


# --- Entity.countries_with ----------------------------------------------------------------------


def _person_of_two_countries() -> Person:
    return Person(
        id="p1",
        name="Han Hyok-chol",
        countries=[
            CountryRole(country="KP", role="nationality"),
            CountryRole(country="RU", role="residence"),
            CountryRole(country="North Korea", role="citizenship"),
        ],
    )


def test_countries_with_returns_the_countries_of_that_role() -> None:
    assert _person_of_two_countries().countries_with("residence") == (RU,)


def test_countries_with_accepts_the_enum() -> None:
    assert _person_of_two_countries().countries_with(CountryRoleKind.NATIONALITY) == (KP,)


def test_countries_with_a_role_nobody_has_is_empty() -> None:
    assert _person_of_two_countries().countries_with("jurisdiction") == ()


def test_countries_with_an_unknown_role_raises_value_error() -> None:
    with pytest.raises(ValueError, match="birthplace"):
        _person_of_two_countries().countries_with("birthplace")


# --- Entity.all_names ---------------------------------------------------------------------------


def test_all_names_is_the_name_then_the_aliases_in_order() -> None:
    org = Organization(id="o1", name="VERUS", aliases=["LLC VERUS", Alias(name="OOO VERUS")])
    assert org.all_names == ("VERUS", "LLC VERUS", "OOO VERUS")


def test_all_names_has_no_repeats() -> None:
    org = Organization(id="o1", name="VERUS", aliases=["VERUS", "OOO VERUS", "OOO VERUS"])
    assert org.all_names == ("VERUS", "OOO VERUS")


def test_all_names_without_aliases_is_the_name() -> None:
    assert Vessel(id="v1", name="MARIA").all_names == ("MARIA",)


# --- Organization.registration_numbers ----------------------------------------------------------


def test_registration_numbers_are_the_identifiers_that_register_the_organization() -> None:
    registration = Identifier(scheme="registration", value="1217700125710", country="RU")
    tax = Identifier(scheme="tax_id", value="9701170663", country="RU")
    company = Identifier(scheme="imo_company", value="5342883")
    passport = Identifier(scheme="passport", value="745120001")
    org = Organization(id="o1", name="VERUS", identifiers=[registration, passport, tax, company])
    assert org.registration_numbers == (registration, tax, company)


def test_an_organization_without_identifiers_has_no_registration_numbers() -> None:
    assert Organization(id="o1", name="O").registration_numbers == ()


# --- Person -------------------------------------------------------------------------------------


def test_person_birth_places_are_addresses() -> None:
    with pytest.raises(TypeError):
        Person(id="p1", name="P", birth_places=["Pyongyang"])


def test_country_parsing_is_shared_with_parse_country() -> None:
    # The model adds no rules of its own: a country field means what parse_country says.
    assert Address(full="x", country="Korea, North").country == parse_country("KP")


def test_an_identifier_may_expire_in_the_future() -> None:
    # Passports are valid for years: a 2030 expiry is a fact, not an implausible date.
    passport = Identifier(scheme="passport", value="PA123", expires="2030-01-01")
    assert passport.expires == PartialDate(2030, 1, 1)
