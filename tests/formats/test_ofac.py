"""What the OFAC readers share (``formats/_ofac.py``): ids, lists, types, measures, labels."""

from __future__ import annotations

import datetime

import pytest

from sanctionkit.formats import _ofac
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._reading import Reading
from sanctionkit.model import (
    Aircraft,
    AliasQuality,
    Gender,
    LegalBasisKind,
    Measure,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.values.dates import DateRange, PartialDate
from tests.conftest import shared_dataset


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Individual", Person),  # sdnType and entityType
        ("individual", Person),  # the legacy CSV's SDN_Type
        ("Entity", Organization),
        ("vessel", Vessel),
        ("Aircraft", Aircraft),
        ("Sloop", None),
        (None, None),
    ],
)
def test_entry_types_name_the_same_class_in_every_export(
    text: str | None, expected: type | None
) -> None:
    assert _ofac.entity_class(text) is expected


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        ("sdn.xml", _ofac.SDN_LIST),
        ("SDN.CSV", _ofac.SDN_LIST),
        ("cons_prim.csv", _ofac.CONSOLIDATED_LIST),
        ("/data/consolidated.xml", _ofac.CONSOLIDATED_LIST),
        ("export.xml", "default"),
    ],
)
def test_the_list_is_told_by_the_file_name(file_name: str, expected: str) -> None:
    assert _ofac.list_name(file_name, "default") == expected


@pytest.mark.parametrize(
    ("list_name", "programmes", "expected"),
    [
        (_ofac.SDN_LIST, ("SDGT",), Measure.ASSET_FREEZE),
        # The 13599 List (Government of Iran) is non-SDN, and blocked all the same.
        (_ofac.CONSOLIDATED_LIST, ("IRAN",), Measure.ASSET_FREEZE),
        # Sectoral sanctions restrict dealings short of blocking.
        (_ofac.CONSOLIDATED_LIST, ("UKRAINE-EO13662",), Measure.FINANCIAL_PROHIBITION),
    ],
)
def test_non_sdn_listings_restrict_rather_than_block(
    list_name: str, programmes: tuple[str, ...], expected: Measure
) -> None:
    assert _ofac.measures(list_name, programmes) == (expected,)


@pytest.mark.parametrize(
    ("kind", "weak", "expected"),
    [
        ("a.k.a.", False, AliasQuality.STRONG),  # the XML's aka/type
        ("A.K.A.", True, AliasQuality.WEAK),  # the enhanced XML's aliasType, low quality
        ("aka", False, AliasQuality.STRONG),  # the CSV's alt_type
        ("fka", True, AliasQuality.FORMER),  # a former name stays former
        ("N.K.A.", False, AliasQuality.STRONG),  # "now known as": the current name
        ("d/b/a", False, None),
    ],
)
def test_alias_types_are_read_alike(kind: str, weak: bool, expected: AliasQuality | None) -> None:
    assert _ofac.alias_quality(kind, weak=weak) is expected


@pytest.mark.parametrize("text", ["None Identified", "Unknown", "undetermined", "N/A", None])
def test_a_country_that_is_none_is_no_country_and_no_problem(text: str | None) -> None:
    reading = Reading(file="sdn.xml")
    assert _ofac.country(reading, text, "1", "vesselFlag") is None
    assert reading.problems == []


def test_an_unknown_country_is_a_problem() -> None:
    reading = Reading(file="sdn.xml")
    assert _ofac.country(reading, "Atlantis", "1", "vesselFlag") is None
    assert [problem.field for problem in reading.problems] == ["vesselFlag"]


def test_a_labelled_value_goes_into_its_field_typed() -> None:
    reading = Reading(file="sdn.xml")
    ship = EntityDraft(label="15036", kind=Vessel)
    person = EntityDraft(label="36", kind=Person)
    assert _ofac.set_field(ship, reading, "Vessel Gross Registered Tonnage", "98,700")
    assert _ofac.set_field(person, reading, "Gender", "Female")
    assert ship.extra == {"tonnage": 98700}
    assert person.gender is Gender.FEMALE
    assert reading.problems == []


def test_a_label_of_another_class_is_left_to_the_reader() -> None:
    draft = EntityDraft(label="36", kind=Person)
    assert not _ofac.set_field(draft, Reading(file="sdn.xml"), "Aircraft Model", "IL-76")
    assert draft.extra == {}


def test_a_bad_labelled_value_is_a_problem_and_no_value() -> None:
    reading = Reading(file="sdn.xml")
    draft = EntityDraft(label="15036", kind=Vessel)
    assert _ofac.set_field(draft, reading, "Vessel Year of Build", "199X")
    assert draft.extra == {"build_year": None}
    assert [(p.record, p.field) for p in reading.problems] == [("15036", "Vessel Year of Build")]


@pytest.mark.parametrize(
    ("begin", "end", "expected"),
    [
        ((1972, 1, 1), (1972, 12, 31), PartialDate(1972)),
        ((1972, 2, 1), (1972, 2, 29), PartialDate(1972, 2)),
        ((1972, 2, 3), (1972, 2, 3), PartialDate(1972, 2, 3)),
    ],
)
def test_a_span_of_days_is_the_partial_date_it_covers(
    begin: tuple[int, int, int], end: tuple[int, int, int], expected: PartialDate
) -> None:
    assert _ofac.span(datetime.date(*begin), datetime.date(*end), False) == expected


def test_a_span_that_is_no_calendar_unit_is_a_range() -> None:
    value = _ofac.span(datetime.date(1972, 1, 1), datetime.date(1973, 12, 31), False)
    assert isinstance(value, DateRange)
    assert (value.start, value.end) == (PartialDate(1972, 1, 1), PartialDate(1973, 12, 31))


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("Executive Order 13224 (Terrorism)", LegalBasisKind.EXECUTIVE_ORDER, "13224"),
        ("31 CFR 594.201(a)(5)", LegalBasisKind.REGULATION, None),
        ("CISADA", LegalBasisKind.NATIONAL_ACT, None),
    ],
)
def test_legal_authorities_are_typed(text: str, kind: LegalBasisKind, number: str | None) -> None:
    basis = _ofac.legal_basis(text)
    assert (basis.kind, basis.number, basis.title) == (kind, number, text)


def test_an_entry_has_the_same_id_and_class_in_the_xml_and_the_csv() -> None:
    # The consolidated list of 2018 in both exports: the XML uid is the CSV ent_num.
    xml = shared_dataset("ofac/consolidated-2018/consolidated.xml")
    csv = shared_dataset("ofac/consolidated-2018/cons_prim.csv")
    from_xml = {entity.id: type(entity) for entity in xml.entities}
    from_csv = {entity.id: type(entity) for entity in csv.entities}
    assert len(from_xml) > 600
    assert from_xml == from_csv
