"""Specification of sanctionkit.values.countries.

Expected codes come from ISO 3166-1 / ISO 3166-3 and from the meaning of the text,
not from the parser's output.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionkit.errors import (
    AmbiguousCountryError,
    CountryNotAvailableError,
    NotAvailableError,
    UnknownCountryError,
)
from sanctionkit.values.countries import Country, parse_country, search_countries


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("KP", "KP"),
        ("kp", "KP"),
        ("PRK", "KP"),
        ("408", "KP"),  # ISO 3166-1 numeric
        ("643", "RU"),
        ("196", "CY"),
        ("004", "AF"),
    ],
)
def test_iso_codes_of_every_kind_are_accepted(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("Korea, Democratic People's Republic of", "KP"),  # ISO short name
        ("Democratic People's Republic of Korea", "KP"),  # ISO official name
        ("Korea, Republic of", "KR"),
        ("Republic of Korea", "KR"),
        ("Russian Federation", "RU"),
        ("Iran, Islamic Republic of", "IR"),
        ("Syrian Arab Republic", "SY"),
        ("Viet Nam", "VN"),
        ("Cyprus", "CY"),
        ("Bolivia, Plurinational State of", "BO"),
        ("Tanzania, United Republic of", "TZ"),
    ],
)
def test_iso_english_names_are_accepted(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("Korea, North", "KP"),  # OFAC
        ("Korea, South", "KR"),
        ("Burma", "MM"),  # OFAC and the UN still use it for Myanmar
        ("Cote d Ivoire", "CI"),  # OFAC, without the apostrophe
        ("Congo, Democratic Republic of the", "CD"),
        ("Iran (Islamic Republic of)", "IR"),  # UN
        ("Venezuela (Bolivarian Republic of)", "VE"),
        ("Bolivia (Plurinational State of)", "BO"),
    ],
)
def test_official_list_spellings_are_accepted(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [("North Korean", "KP"), ("Russian", "RU"), ("Cypriot", "CY")],
)
def test_demonyms_name_their_country(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize(
    "text",
    ["CÔTE D'IVOIRE", "côte d’ivoire", "Cote-d'Ivoire", "  cote   d ivoire  ", "Côte d'Ivoire."],
)
def test_case_accents_punctuation_and_spacing_do_not_matter(text: str) -> None:
    assert parse_country(text).alpha2 == "CI"


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("citizen of Russia", "RU"),
        ("Syria (presumed)", "SY"),
        ("Republic of Cyprus", "CY"),
        ("the Netherlands", "NL"),
        ("Russia (citizen)", "RU"),
    ],
)
def test_stray_words_around_a_name_are_ignored(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("北朝鮮", "KP"),  # Japanese
        ("Российская Федерация", "RU"),  # Russian, official name
        ("Россия", "RU"),
        ("Corée du Nord", "KP"),  # French
        ("Україна", "UA"),  # Ukrainian
        ("روسيا", "RU"),  # Arabic
        ("ロシア", "RU"),
        ("Chypre", "CY"),
        ("Rusia", "RU"),  # Spanish
        ("Северная Корея", "KP"),
    ],
)
def test_names_in_other_languages_and_scripts_are_accepted(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


def test_kosovo_is_xk() -> None:
    kosovo = parse_country("Kosovo")
    assert (kosovo.alpha2, kosovo.alpha3, kosovo.historical) == ("XK", "XKX", False)
    assert parse_country("XK") == kosovo


@pytest.mark.parametrize(
    ("text", "alpha4"),
    [
        ("Soviet Union", "SUHH"),
        ("USSR", "SUHH"),
        ("Yugoslavia", "YUCS"),
        ("Czechoslovakia", "CSHH"),
        ("Serbia and Montenegro", "CSXX"),
        ("East Germany", "DDDE"),
        ("German Democratic Republic", "DDDE"),
        ("Netherlands Antilles", "ANHH"),
        ("Zaire", "ZRCD"),
        ("SUHH", "SUHH"),
    ],
)
def test_historical_states_keep_their_iso_3166_3_code(text: str, alpha4: str) -> None:
    country = parse_country(text)
    assert country.historical
    assert country.code == alpha4
    assert country.alpha4 == alpha4


def test_a_historical_state_is_never_its_successor() -> None:
    assert parse_country("USSR") != parse_country("Russia")
    assert parse_country("Yugoslavia") != parse_country("Serbia")
    assert parse_country("Czechoslovakia") != parse_country("Czechia")


def test_withdrawn_codes_reused_by_iso_keep_their_new_meaning() -> None:
    # GE was the Gilbert and Ellice Islands until 1979; it is Georgia now.
    assert parse_country("GE").alpha2 == "GE"
    assert not parse_country("GE").historical


def test_burma_is_current_myanmar_not_the_historical_entry() -> None:
    burma = parse_country("Burma")
    assert burma.alpha2 == "MM"
    assert not burma.historical


def test_korea_alone_is_ambiguous_and_suggests_both() -> None:
    with pytest.raises(AmbiguousCountryError) as caught:
        parse_country("Korea")
    assert {country.alpha2 for country in caught.value.suggestions} == {"KP", "KR"}
    assert caught.value.text == "Korea"


def test_ambiguity_is_a_kind_of_unknown_country_and_a_value_error() -> None:
    assert issubclass(AmbiguousCountryError, UnknownCountryError)
    assert issubclass(UnknownCountryError, ValueError)


@pytest.mark.parametrize(("text", "alpha2"), [("Niger", "NE"), ("Nigeria", "NG")])
def test_niger_is_never_nigeria(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize("text", ["", "   ", "Atlantis", "N/A", "-0-", "Europe", "Nicosia"])
def test_text_that_names_no_country_raises(text: str) -> None:
    with pytest.raises(UnknownCountryError) as caught:
        parse_country(text)
    assert repr(text) in str(caught.value)


def test_unknown_country_error_suggests_near_names() -> None:
    with pytest.raises(UnknownCountryError) as caught:
        parse_country("Germny")
    assert [country.alpha2 for country in caught.value.suggestions][:1] == ["DE"]


def test_parsed_country_remembers_its_text_outside_equality() -> None:
    first = parse_country("Korea, North")
    second = parse_country("DPRK")
    assert first.text == "Korea, North"
    assert second.text == "DPRK"
    assert first == second
    assert hash(first) == hash(second)


def test_country_from_code_accepts_codes_only() -> None:
    assert Country.from_code("ru").name == "Russian Federation"
    assert Country.from_code("SUHH").historical
    with pytest.raises(UnknownCountryError):
        Country.from_code("Russia")


def test_country_str_is_its_code_and_repr_names_it() -> None:
    assert str(parse_country("Cyprus")) == "CY"
    assert repr(parse_country("USSR")).startswith("<Country SUHH")


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_country(408)  # type: ignore[arg-type]


def test_search_countries_ranks_near_names_and_respects_the_limit() -> None:
    assert [country.alpha2 for country in search_countries("Korea")][:2] == ["KP", "KR"]
    assert search_countries("Korea", limit=1)[0].alpha2 in {"KP", "KR"}
    assert search_countries("", limit=3) == []
    assert search_countries("Russia", limit=0) == []


# No deadline: the first text in a script or a place loads that table once
# (tenths of a second), which says nothing about the errors checked here.
@settings(deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_text_raises_only_library_value_errors(text: str) -> None:
    try:
        country = parse_country(text)
    except UnknownCountryError:
        return
    assert country.text == text
    assert parse_country(country.code) == country


def _every_country() -> list[Country]:
    import pycountry

    current = [parse_country(entry.alpha_2) for entry in pycountry.countries]
    historic = [parse_country(entry.alpha_4) for entry in pycountry.historic_countries]
    return [*current, parse_country("XK"), *historic]


EVERY_COUNTRY = _every_country()


@pytest.mark.parametrize("country", EVERY_COUNTRY, ids=lambda country: country.code)
def test_every_country_parses_back_from_its_codes(country: Country) -> None:
    assert parse_country(country.code) == country
    assert parse_country(country.code.lower()) == country
    if country.numeric is not None and not country.historical:
        assert parse_country(country.numeric) == country
    if not country.historical:
        assert parse_country(country.alpha3) == country


@pytest.mark.parametrize(
    "country",
    [country for country in EVERY_COUNTRY if not country.historical],
    ids=lambda country: country.code,
)
def test_every_current_country_parses_back_from_its_iso_names(country: Country) -> None:
    names = [country.name, country.official_name, country.common_name]
    for name in filter(None, names):
        assert parse_country(name) == country, name


# ISO 3166-3's name for the withdrawn code TP is plain "East Timor", which people
# and lists use for Timor-Leste today.
_RENAMED = {"TPTL"}


@pytest.mark.parametrize(
    "country",
    [country for country in EVERY_COUNTRY if country.historical],
    ids=lambda country: country.code,
)
def test_every_historical_state_parses_back_from_its_iso_name(country: Country) -> None:
    parsed = parse_country(country.name)
    if country.code in _RENAMED:
        assert not parsed.historical
    else:
        assert parsed == country


def test_every_code_in_the_data_files_is_a_known_country() -> None:
    from importlib import resources

    known = {country.code for country in EVERY_COUNTRY}
    data = resources.files("sanctionkit.data")
    used: set[str] = set()
    for filename, column in (("country_aliases.tsv", 0), ("country_names_intl.tsv", 1)):
        for line in data.joinpath(filename).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                used.update(line.split("\t")[column].split("|"))
    assert used - known == set()


# --- fields of names: codes=False ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("NA", "NA"),  # a field of ISO codes: Namibia
        ("TO", "TO"),
        ("516", "NA"),
    ],
)
def test_bare_codes_are_countries_by_default(text: str, alpha2: str) -> None:
    assert parse_country(text).alpha2 == alpha2


@pytest.mark.parametrize("text", ["to", "TO", "de", "516", "408", "kp"])
def test_a_field_of_names_refuses_a_bare_two_letter_or_numeric_code(text: str) -> None:
    with pytest.raises(UnknownCountryError, match="bare ISO code") as caught:
        parse_country(text, codes=False)
    assert not isinstance(caught.value, CountryNotAvailableError)
    assert caught.value.text == text


@pytest.mark.parametrize(
    ("text", "alpha2"),
    [
        ("Namibia", "NA"),
        ("Tonga", "TO"),
        ("USA", "US"),  # three-letter codes are abbreviations people write as names
        ("PRK", "KP"),
        ("UK", "GB"),  # no ISO code, an English abbreviation
        ("U.S.", "US"),
        ("DPRK", "KP"),
        ("Korea, North", "KP"),
        ("Nicosia, Cyprus", "CY"),
        ("citizen of Russia", "RU"),
        ("(1) Iran (2) Iran", "IR"),
    ],
)
def test_a_field_of_names_reads_names_and_abbreviations(text: str, alpha2: str) -> None:
    assert parse_country(text, codes=False).alpha2 == alpha2


@pytest.mark.parametrize("text", ["Moscow, RU", "citizen of NA", "(1) DE (2) DE"])
def test_a_field_of_names_refuses_codes_inside_longer_text_too(text: str) -> None:
    with pytest.raises(UnknownCountryError):
        parse_country(text, codes=False)


@pytest.mark.parametrize("codes", [True, False])
@pytest.mark.parametrize("text", ["n/a", "N/A", "n.a.", "N.A.", "not available", "Not applicable"])
def test_not_available_markers_say_so(text: str, codes: bool) -> None:
    with pytest.raises(CountryNotAvailableError, match="not available") as caught:
        parse_country(text, codes=codes)
    assert isinstance(caught.value, UnknownCountryError)  # still the usual error to catch
    assert isinstance(caught.value, NotAvailableError)
    assert caught.value.text == text


@pytest.mark.parametrize("text", ["na", "NA", "Na", " na "])
def test_na_in_a_field_of_names_is_not_available(text: str) -> None:
    with pytest.raises(CountryNotAvailableError):
        parse_country(text, codes=False)


def test_the_two_modes_keep_separate_caches() -> None:
    assert parse_country("NA").alpha2 == "NA"
    with pytest.raises(CountryNotAvailableError):
        parse_country("NA", codes=False)
    assert parse_country("NA").alpha2 == "NA"
