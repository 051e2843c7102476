"""EntityView.filter: unknown fields raise; programme, authority, dates and countries."""

from __future__ import annotations

import datetime
import re

import pytest

import sanctionkit as sk
from sanctionkit.errors import UnknownFieldError
from tests.conftest import shared_file

OFAC = sk.Authority(name="OFAC", country="US")
MOFA = sk.Authority(name="Ministry of Foreign Affairs", country="KR")


def _dataset() -> sk.Dataset:
    def roles(*pairs: tuple[str, str]) -> list[sk.CountryRole]:
        return [sk.CountryRole(country=country, role=role) for country, role in pairs]

    return sk.Dataset(
        entities=[
            sk.Person(id="kim", name="KIM", countries=roles(("KP", "nationality"))),
            sk.Person(id="ivan", name="IVAN", countries=roles(("RU", "residence"))),
            sk.Person(id="both", name="BOTH", countries=roles(("RU", "nationality"))),
            sk.Vessel(id="maria", name="MARIA", flag="RU"),
        ],
        designations=[
            sk.Designation(entity_id="kim", authority=OFAC, programmes=["DPRK"], listed="2017"),
            sk.Designation(entity_id="ivan", authority=MOFA, listed="2024-05-24"),
            sk.Designation(entity_id="both", authority=OFAC, programmes=["RUSSIA-EO14024"]),
            sk.Designation(entity_id="both", authority=MOFA, listed="2024-05-24"),
            sk.Designation(entity_id="maria", authority=OFAC, listed="2023-08-16"),
        ],
    )


DS = _dataset()


def ids(view: sk.EntityView[sk.Entity] | sk.EntityView[sk.Person]) -> list[str]:
    return [entity.id for entity in view]


def test_an_unknown_field_raises_naming_it_and_the_valid_ones() -> None:
    # Before, filter(colour="red") was an empty view: "nobody is red".
    with pytest.raises(UnknownFieldError) as caught:
        DS.persons.filter(colour="red")
    assert caught.value.field == "colour"
    assert {"name", "birth_dates", "gender", "programme", "nationality"} <= set(caught.value.valid)
    assert "'colour'" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    # A vessel's field is no person's field.
    with pytest.raises(UnknownFieldError, match="'imo'"):
        DS.persons.filter(imo="8517839")
    assert ids(DS.vessels.filter(flag="Russia")) == ["maria"]


def test_an_empty_view_still_knows_its_fields() -> None:
    empty = sk.Dataset().vessels
    assert ids(empty.filter(imo="8517839")) == []
    with pytest.raises(UnknownFieldError):
        empty.filter(colour="red")


def test_programme_and_authority_match_one_designation_in_any_case() -> None:
    assert ids(DS.persons.filter(programme="dprk")) == ["kim"]
    assert ids(DS.persons.filter(authority="ofac")) == ["kim", "both"]
    assert ids(DS.persons.filter(authority=MOFA)) == ["ivan", "both"]
    # "both" has an OFAC designation and a MOFA one, but none that is MOFA's *and* RUSSIA.
    assert ids(DS.persons.filter(authority=MOFA, programme="RUSSIA-EO14024")) == []


def test_listed_after_and_before_include_the_day_and_need_the_whole_partial_date() -> None:
    assert ids(DS.persons.filter(listed_after=datetime.date(2024, 5, 24))) == ["ivan", "both"]
    assert ids(DS.persons.filter(listed_before="2024-05-23")) == ["kim"]
    # "2017" lies wholly before 2018 but not wholly after 2017-06-01.
    assert ids(DS.persons.filter(listed_before="2018")) == ["kim"]
    assert ids(DS.persons.filter(listed_after="2017-06-01")) == ["ivan", "both"]
    assert ids(DS.vessels.filter(listed_after="2023", listed_before="2023-12-31")) == ["maria"]


def test_country_with_any_role_or_one_role_and_nationality() -> None:
    assert ids(DS.persons.filter(country="Russia")) == ["ivan", "both"]
    assert ids(DS.persons.filter(country="RU", role="residence")) == ["ivan"]
    assert ids(DS.persons.filter(nationality="North Korea")) == ["kim"]
    assert ids(DS.persons.filter(nationality="RU")) == ["both"]
    with pytest.raises(ValueError, match="role"):
        DS.persons.filter(role="nationality")
    with pytest.raises(sk.UnknownCountryError):
        DS.persons.filter(nationality="Atlantis")


def test_designation_filters_need_the_datasets_designations() -> None:
    hand_made = sk.EntityView(DS.persons)
    with pytest.raises(ValueError, match="designations"):
        hand_made.filter(programme="DPRK")
    # Slices and filtered views keep them.
    assert ids(DS.persons[1:].filter(authority="OFAC")) == ["both"]
    assert ids(DS.persons.filter(country="RU").filter(listed_after="2024")) == ["ivan", "both"]


def test_un_2024_persons_of_north_korean_nationality() -> None:
    path = shared_file("un/consolidated-2024-11-30.xml")
    text = path.read_text(encoding="utf-8")
    individuals = re.findall(r"<INDIVIDUAL>.*?</INDIVIDUAL>", text, re.DOTALL)
    korean = [
        record
        for record in individuals
        if re.search(
            r"<NATIONALITY>\s*<VALUE>Democratic People's Republic of Korea</VALUE>", record
        )
    ]
    dataset = sk.load(path)
    found = dataset.persons.filter(nationality="KP")
    assert len(found) == len(korean) == 79
    assert len(dataset.persons.filter(nationality="KP", programme="DPRK")) == 79
    recent = [
        record
        for record in korean
        if re.search(r"<LISTED_ON>(\d{4}-\d\d-\d\d)</LISTED_ON>", record)[1] >= "2017-01-01"  # type: ignore[index]
    ]
    listed = dataset.persons.filter(nationality="KP", listed_after="2017-01-01")
    assert len(listed) == len(recent)
    assert 0 < len(recent) < 79
