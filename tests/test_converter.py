"""JSON round trips of every record, and sanctionkit JSON lines against their schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanctionkit as sk
from tests import strategies as records

ROUND_TRIPS: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (sk.Source, records.sources),
    (sk.Alias, records.aliases),
    (sk.Identifier, records.identifiers),
    (sk.Address, records.addresses),
    (sk.CountryRole, records.country_roles),
    (sk.Person, records.persons()),
    (sk.Organization, records.organizations()),
    (sk.Vessel, records.vessels()),
    (sk.Aircraft, records.aircraft()),
    (sk.Authority, records.authorities),
    (sk.LegalBasis, records.legal_bases),
    (sk.Designation, records.designations()),
    (sk.StatedCount, records.stated_counts),
    (sk.SanctionPackage, records.packages()),
    (sk.Claim, records.claims()),
    (sk.AllegedTransfer, records.transfers()),
    (sk.Problem, records.problems),
]


@pytest.mark.parametrize(
    ("cls", "strategy"), ROUND_TRIPS, ids=[cls.__name__ for cls, _ in ROUND_TRIPS]
)
def test_every_record_comes_back_equal_from_its_json(
    cls: type[Any], strategy: st.SearchStrategy[Any]
) -> None:
    @given(strategy)
    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    def round_trip(record: Any) -> None:
        assert sk.from_json(sk.to_json(record), cls) == record

    round_trip()


@given(records.datasets())
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_datasets_come_back_equal_from_json_lines(dataset: sk.Dataset) -> None:
    again = sk.loads(sk.dumps(dataset))
    assert again == dataset
    assert again.problems == dataset.problems
    for key, value in dataset.metadata.items():
        assert again.metadata[key] == value


VALIDATOR = jsonschema.Draft202012Validator(sk.json_schema())


def test_the_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(sk.json_schema())


@given(records.datasets())
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_every_line_written_matches_the_json_schema(dataset: sk.Dataset) -> None:
    for line in sk.dumps(dataset).splitlines():
        VALIDATOR.validate(json.loads(line))


@pytest.mark.parametrize(
    "line",
    [
        {"type": "vessel", "id": "v", "name": "MARIA", "flag": "Russia"},  # not a code
        {"type": "vessel", "id": "v", "name": "MARIA", "tonnage": "big"},
        {"type": "person", "id": "p"},  # no name
        {"type": "person", "id": "p", "name": "X", "birth_dates": ["16/05/1970"]},
        {"type": "spaceship", "id": "s", "name": "X"},
        {"format": "sanctionkit", "version": 2},
    ],
)
def test_the_json_schema_rejects_lines_the_library_would_not_read(line: dict[str, Any]) -> None:
    assert not VALIDATOR.is_valid(line)


def test_values_are_written_compactly() -> None:
    person = sk.Person(
        id="han-hyok-chol",
        name="Han Hyok-chol",
        birth_dates=["circa 1962", "1960 to 1962", "1970-05"],
        countries=[sk.CountryRole(country="North Korea", role="nationality")],
    )
    data = json.loads(sk.to_json(person))
    assert data["birth_dates"] == [
        {"date": "1962", "approximate": True},
        {"start": "1960", "end": "1962"},
        "1970-05",
    ]
    assert data["countries"] == [{"country": "KP", "role": "nationality"}]
    assert "aliases" not in data  # empty lists and None are left out


def test_an_inferred_century_survives_a_json_round_trip() -> None:
    # Canada's SEMA list, 2025-03-20, item 1114: <DateOfBirthOrShipBuildDate>Sep-99<
    person = sk.Person(id="p1", name="Kirill Alekseevich MORDASHOV", birth_dates=["Sep-99"])
    data = json.loads(sk.to_json(person))
    assert data["birth_dates"] == [{"date": "1999-09", "approximate": False, "year_inferred": True}]
    VALIDATOR.validate({"type": "person", **data})
    (back,) = sk.from_json(sk.to_json(person), sk.Person).birth_dates
    assert isinstance(back, sk.PartialDate)
    assert back.year_inferred
    assert not back.approximate


def test_enums_are_written_as_their_lower_case_names() -> None:
    designation = sk.Designation(
        entity_id="x",
        authority=sk.Authority(name="MFA", kind="ministry"),
        measures=["asset_freeze"],
    )
    data = json.loads(sk.to_json(designation))
    assert data["measures"] == ["asset_freeze"]
    assert data["authority"]["kind"] == "ministry"


def test_historical_countries_are_written_with_their_four_letter_code() -> None:
    address = sk.Address(full="Moscow", country="USSR")
    assert json.loads(sk.to_json(address))["country"] == "SUHH"


def test_from_json_names_the_field_that_is_wrong() -> None:
    with pytest.raises(Exception, match="9683741"):
        sk.from_json('{"id": "v", "name": "X", "imo": "9683741"}', sk.Vessel)
