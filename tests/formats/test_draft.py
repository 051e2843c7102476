"""Specification of sanctionkit.formats._draft: an entity gathered field by field, then built."""

from __future__ import annotations

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats._draft import EntityDraft, merged
from sanctionkit.formats._reading import Reading
from sanctionkit.model import (
    Address,
    Alias,
    CountryRole,
    CountryRoleKind,
    Gender,
    Identifier,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.values.countries import parse_country
from sanctionkit.values.dates import PartialDate


def _draft(**fields: object) -> EntityDraft:
    return EntityDraft(label="R1", id="x-1", name="Name", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [Person, Organization, Vessel])
def test_build_makes_the_class_the_draft_names(kind: type) -> None:
    entity = _draft(kind=kind).build(Reading(file="f"))
    assert type(entity) is kind
    assert entity is not None
    assert (entity.id, entity.name) == ("x-1", "Name")


def test_build_gives_a_person_every_person_field() -> None:
    draft = _draft(kind=Person, gender=Gender.FEMALE)
    draft.birth_date(PartialDate(1962, 3))
    draft.birth_place(Address(full="Kabul"))
    draft.position("Minister")
    person = draft.build(Reading(file="f"))
    assert isinstance(person, Person)
    assert person.gender is Gender.FEMALE
    assert [born.isoformat() for born in person.birth_dates] == ["1962-03"]
    assert [place.full for place in person.birth_places] == ["Kabul"]
    assert person.positions == ("Minister",)
    assert person.notes == ()


def test_build_keeps_as_notes_and_reports_what_an_organisation_cannot_hold() -> None:
    reading = Reading(file="f")
    draft = _draft(kind=Organization)
    draft.birth_date(PartialDate(1990))
    draft.birth_place(Address(full="Minsk"))
    entity = draft.build(reading)
    assert entity is not None
    assert entity.notes == ("Date of birth: 1990", "Place of birth: Minsk")
    assert [(p.record, p.field, p.value) for p in reading.problems] == [
        ("R1", "birth_dates", "1990"),
        ("R1", "birth_places", "Minsk"),
    ]


def test_build_quietly_keeps_as_notes_what_a_list_gives_on_purpose() -> None:
    reading = Reading(file="f")
    draft = _draft(kind=Organization, gender=Gender.MALE)
    entity = draft.build(reading, quiet=True)
    assert entity is not None
    assert entity.notes == ("Gender: male",)
    assert reading.problems == []


def test_build_places_extra_fields_on_the_class_that_has_them() -> None:
    vessel = _draft(kind=Vessel, extra={"imo": "8846814", "build_year": 1989}).build(
        Reading(file="f")
    )
    assert isinstance(vessel, Vessel)
    assert (vessel.imo, vessel.build_year) == ("8846814", 1989)
    reading = Reading(file="f")
    company = _draft(kind=Organization, extra={"build_year": 1989}).build(reading)
    assert company is not None
    assert company.notes == ("build_year: 1989",)
    assert reading.problems[0].field == "build_year"


def test_a_draft_without_a_name_is_rejected() -> None:
    reading = Reading(file="f")
    reading.read += 1
    assert EntityDraft(label="R9", id="x-9").build(reading) is None
    assert reading.rejected == 1
    assert reading.problems[0].record == "R9"
    assert reading.problems[0].code == "rejected-record"


def test_a_draft_the_model_refuses_is_rejected_not_raised() -> None:
    reading = Reading(file="f")
    draft = _draft(kind=Vessel, extra={"imo": "1234568"})  # a bad check digit
    assert draft.build(reading) is None
    assert reading.rejected == 1
    assert "1234568" in reading.problems[0].message


def test_a_draft_the_model_refuses_raises_in_strict_mode() -> None:
    with pytest.raises(ReadError):
        _draft(kind=Vessel, extra={"imo": "1234568"}).build(Reading(file="f", strict=True))


def test_adding_methods_leave_out_repeats_and_keep_order() -> None:
    draft = _draft()
    nk = CountryRole(country=parse_country("KP"), role=CountryRoleKind.NATIONALITY)
    ru = CountryRole(country=parse_country("RU"), role=CountryRoleKind.LOCATION)
    for role in (nk, ru, nk):
        draft.role(role)
    assert draft.countries == [nk, ru]
    assert draft.alias(Alias(name="Other"))
    assert not draft.alias(Alias(name="Other"))
    assert not draft.alias(Alias(name="Name"))  # the name itself is no alias
    draft.note("Seen")
    draft.note("Seen", once=True)
    draft.note("")
    assert draft.notes == ["Seen"]
    draft.address(Address(full="Moscow"))
    draft.address(Address(full="Moscow"))
    assert len(draft.addresses) == 1
    for number in ("A1", "B2", "A1"):
        draft.identifier(Identifier(scheme="passport", value=number))
    assert [identifier.value for identifier in draft.identifiers] == ["A1", "B2"]
    for year in (1962, 1963, 1962):
        draft.birth_date(PartialDate(year))
    assert len(draft.birth_dates) == 2
    draft.position("Minister")
    draft.position("Minister")
    assert draft.positions == ["Minister"]


def test_merged_adds_what_the_second_record_of_one_entity_says() -> None:
    korea = CountryRole(country=parse_country("KP", codes=True), role=CountryRoleKind.CITIZENSHIP)
    first = Person(id="eu-1", name="KIM Jong Sik", notes=("listed under PRK",))
    second = Person(
        id="eu-1",
        name="Kim Jong-sik",
        aliases=(Alias(name="KIM Jong Sik"), Alias(name="Kim Chong Sik")),
        countries=(korea,),
        notes=("listed under PRK", "listed under CHEM"),
        gender=Gender.MALE,
    )
    both = merged(first, second)
    assert (both.id, both.name) == ("eu-1", "KIM Jong Sik")
    assert [alias.name for alias in both.aliases] == ["Kim Jong-sik", "Kim Chong Sik"]
    assert both.countries == (korea,)
    assert both.notes == ("listed under PRK", "listed under CHEM")
    assert both.gender is Gender.MALE


def test_merged_keeps_the_first_record_s_values_where_both_give_one() -> None:
    first = Person(id="eu-1", name="A", gender=Gender.FEMALE)
    both = merged(first, Person(id="eu-1", name="A", gender=Gender.MALE))
    assert both.gender is Gender.FEMALE
    assert both.aliases == ()


def test_an_unknown_field_is_a_note_each_time_and_a_problem_once_per_file() -> None:
    reading = Reading(file="list.xml")
    said = "unknown element; kept as a note"
    first, second = EntityDraft(label="1"), EntityDraft(label="2")
    first.unknown(reading, "colour", "", message=said)
    first.unknown(reading, "colour", "blue", message=said, value="blue")
    second.unknown(reading, "colour", "green", message=said)
    second.unknown(reading, "size", "L", message=said, value="L")
    assert first.notes == ["colour: blue"]
    assert second.notes == ["colour: green", "size: L"]
    assert [(p.record, p.field, p.value) for p in reading.problems] == [
        ("1", "colour", None),
        ("2", "size", "L"),
    ]


@pytest.mark.parametrize(
    ("authority", "kind", "described", "scheme", "label"),
    [
        ("un", "Numéro de passeport", "", "passport", None),
        ("un", "Ration card number:", "", "other", "Ration card number"),
        ("eu", "other", "Seaman's book", "other", "Seaman's book"),
        ("eu", "passport", "National passport", "passport", None),
    ],
)
def test_document_takes_the_authority_s_scheme_and_labels_only_other_ones(
    authority: str, kind: str, described: str, scheme: str, label: str | None
) -> None:
    draft = EntityDraft(label="1")
    issued = PartialDate(2001, 2, 3)
    draft.document(authority, kind, "X1", described=described, issued=issued, note="n")
    [identifier] = draft.identifiers
    assert (identifier.scheme.value, identifier.label) == (scheme, label)
    assert (identifier.value, identifier.issued, identifier.note) == ("X1", issued, "n")
