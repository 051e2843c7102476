"""The UN Security Council consolidated list reader, on hand-written fixtures and the real files."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import un_xml
from sanctionkit.formats._scripts import guess_script
from sanctionkit.model import (
    AliasQuality,
    Dataset,
    Gender,
    LegalBasisKind,
    Organization,
    Person,
)
from sanctionkit.values.dates import DateRange, PartialDate
from tests.conftest import shared_file

DATA = Path(__file__).resolve().parents[1] / "data" / "un"
SMALL = DATA / "consolidated-small.xml"
COMPACT = DATA / "consolidated-compact.xml"


@pytest.fixture(scope="module")
def small() -> Dataset:
    return un_xml.read(SMALL, name="consolidated-small.xml")


@pytest.fixture(scope="module")
def compact() -> Dataset:
    return un_xml.read(COMPACT, name="consolidated-compact.xml")


def person(ds: Dataset, entity_id: str) -> Person:
    found = ds.get(entity_id)
    assert isinstance(found, Person)
    return found


def organization(ds: Dataset, entity_id: str) -> Organization:
    found = ds.get(entity_id)
    assert isinstance(found, Organization)
    return found


# --- detection and metadata ----------------------------------------------------------


def test_sniff_recognises_the_root_element() -> None:
    assert un_xml.sniff(SMALL.read_bytes()[:4096])
    assert un_xml.sniff(COMPACT.read_bytes()[:4096])


def test_sniff_refuses_other_lists() -> None:
    assert not un_xml.sniff(
        b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">'
    )


def test_metadata_names_the_format_the_list_and_its_date(small: Dataset) -> None:
    assert small.metadata["format"] == "un-xml"
    assert small.metadata["list"] == "UN Security Council Consolidated List"
    assert small.metadata["publish_date"] == "2024-11-30"
    assert small.metadata["generation_time"] == "2024-11-30T00:00:00.875Z"


def test_a_date_generated_with_a_time_zone_gives_its_day(compact: Dataset) -> None:
    assert compact.metadata["publish_date"] == "2018-10-29"


# --- counts and ids ------------------------------------------------------------------


def test_counts_add_up(small: Dataset) -> None:
    metadata = small.metadata
    assert metadata["records_read"] == 8
    assert metadata["records_returned"] == 6
    assert metadata["records_rejected"] == 2
    assert len(small) == len(small.designations) == 6


def test_a_record_without_any_name_is_rejected(small: Dataset) -> None:
    assert "un-lyi.099" not in small
    assert any(p.record == "LYi.099" and "no name" in p.message for p in small.problems)


def test_a_record_without_reference_or_dataid_is_rejected(small: Dataset) -> None:
    assert any("neither REFERENCE_NUMBER nor DATAID" in p.message for p in small.problems)


def test_ids_come_from_the_reference_number_lowercased_and_stripped(small: Dataset) -> None:
    assert person(small, "un-kpi.066").name == "KIM JONG SIK"  # "KPi.066 " in the file
    assert small.designations[1].authority_ref == "KPi.066"


def test_without_a_reference_number_the_id_comes_from_dataid(small: Dataset) -> None:
    assert person(small, "un-dataid-6908002").name == "MAHMOUD"


def test_the_same_file_gives_the_same_ids_and_entities() -> None:
    first = un_xml.read(SMALL, name="consolidated-small.xml")
    second = un_xml.read(io.BytesIO(SMALL.read_bytes()), name="consolidated-small.xml")
    assert [e.id for e in first] == [e.id for e in second]
    assert list(first) == list(second)
    assert first.designations == second.designations


def test_two_records_with_one_reference_keep_both() -> None:
    record = (
        "<INDIVIDUAL><DATAID>{}</DATAID><FIRST_NAME>A</FIRST_NAME>"
        "<REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL>"
    )
    xml = f"<CONSOLIDATED_LIST><INDIVIDUALS>{record.format(1)}{record.format(2)}</INDIVIDUALS>"
    ds = un_xml.read(io.BytesIO((xml + "</CONSOLIDATED_LIST>").encode()), name="t.xml")
    assert [e.id for e in ds] == ["un-qdi.001", "un-dataid-2"]
    assert [p.field for p in ds.problems] == ["REFERENCE_NUMBER"]


def test_an_entity_alias_s_date_and_place_of_birth_are_notes_and_problems() -> None:
    # An ENTITY has no field for them: they were dropped without a word before.
    alias = (
        "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>B</ALIAS_NAME>"
        "<DATE_OF_BIRTH>1970</DATE_OF_BIRTH><CITY_OF_BIRTH>Kabul</CITY_OF_BIRTH></ENTITY_ALIAS>"
    )
    xml = (
        "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY><DATAID>1</DATAID>"
        f"<FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>QDe.001</REFERENCE_NUMBER>{alias}"
        "</ENTITY></ENTITIES></CONSOLIDATED_LIST>"
    )
    ds = un_xml.read(io.BytesIO(xml.encode()), name="t.xml")
    entity = ds.get("un-qde.001")
    assert isinstance(entity, Organization)
    assert entity.notes == ("Date of birth: 1970", "Place of birth: Kabul")
    assert [(p.record, p.field, p.value) for p in ds.problems] == [
        ("QDe.001", "birth_dates", "1970"),
        ("QDe.001", "birth_places", "Kabul"),
    ]


def test_every_entity_keeps_its_dataid(small: Dataset) -> None:
    kim = person(small, "un-kpi.066")
    assert [(i.scheme, i.value) for i in kim.identifiers] == [
        ("un_dataid", "6908643"),
        ("un_reference", "KPi.066"),
    ]


# --- names ---------------------------------------------------------------------------


def test_the_name_joins_the_four_parts(small: Dataset) -> None:
    assert person(small, "un-qdi.999").name == "HASSAN ALI MOHAMED SAID"


def test_white_space_inside_values_becomes_one_space(compact: Dataset) -> None:
    assert person(compact, "un-kpi.033").name == "RI WON HO"  # "<FIRST_NAME> RI </FIRST_NAME>"


def test_the_original_script_name_is_an_alias_with_its_script(small: Dataset) -> None:
    arabic = person(small, "un-tai.038").aliases[0]
    assert (arabic.name, arabic.script) == ("عبد الباقي بصير أول شاه", "Arab")
    assert person(small, "un-qdi.999").aliases[0].script == "Cyrl"


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("محمد طاهر أنوري", "Arab"),
        ("Абу Банат", "Cyrl"),
        ("김정식", "Hang"),
        ("金正日", "Hani"),
        ("ミヘイチク", "Kana"),
        ("ブラジル国籍の金", "Jpan"),
        ("ሓጎስ ገብረሂወት W/ኪዳን", "Ethi"),
        ("Kim Jong Sik", "Latn"),
        ("123", None),
    ],
)
def test_the_script_is_guessed_from_the_letters(name: str, script: str | None) -> None:
    assert guess_script(name) == script


def test_aliases_keep_their_quality(small: Dataset) -> None:
    qualities = {a.name: a.quality for a in person(small, "un-tai.038").aliases}
    assert qualities["Abdul Baqi"] is AliasQuality.STRONG  # Good
    assert qualities["Haji Baqi"] is AliasQuality.WEAK  # Low
    hassan = {a.name: a.quality for a in person(small, "un-qdi.999").aliases}
    assert hassan["Abu Hassan"] is AliasQuality.STRONG  # a.k.a.
    assert hassan["Hassan al-Tunisi"] is AliasQuality.FORMER  # f.k.a.


def test_empty_aliases_are_not_aliases(small: Dataset) -> None:
    assert [a.name for a in person(small, "un-tai.038").aliases][1:] == ["Abdul Baqi", "Haji Baqi"]


def test_an_alias_note_is_kept(small: Dataset) -> None:
    assert "Alias Abdul Baqi: previously listed as" in person(small, "un-tai.038").notes


def test_an_alias_name_broken_over_lines_is_one_line(small: Dataset) -> None:
    alias = organization(small, "un-soe.001").aliases[0]
    assert alias.name == "Harakat al-Shabaab al-Mujaahidiin"
    assert alias.quality is AliasQuality.FORMER


# --- dates of birth ------------------------------------------------------------------


def test_an_exact_date_is_a_day(small: Dataset) -> None:
    assert PartialDate(1970, 5, 3) in person(small, "un-qdi.999").birth_dates


def test_an_exact_year_is_a_year(small: Dataset) -> None:
    assert PartialDate(1971) in person(small, "un-qdi.999").birth_dates


def test_an_approximate_year_is_approximate(small: Dataset) -> None:
    assert PartialDate(1969, approximate=True) in person(small, "un-qdi.999").birth_dates


def test_between_is_a_range_never_its_first_year(small: Dataset) -> None:
    (born,) = person(small, "un-kpi.066").birth_dates
    assert born == DateRange(PartialDate(1967), PartialDate(1969))
    assert born.isoformat() == "1967/1969"


def test_between_noted_approximately_has_approximate_ends(small: Dataset) -> None:
    (born,) = person(small, "un-tai.038").birth_dates
    assert born == DateRange(
        PartialDate(1960, approximate=True), PartialDate(1962, approximate=True)
    )


def test_a_date_only_in_the_note_is_read_when_it_is_a_date(small: Dataset) -> None:
    assert PartialDate(1973, 11) in person(small, "un-qdi.999").birth_dates


def test_a_note_that_is_no_date_is_kept_as_a_note(small: Dataset) -> None:
    assert "Date of birth: 30-35 years old" in person(small, "un-qdi.999").notes


def test_an_alias_date_of_birth_is_a_date_of_birth_and_null_is_none(small: Dataset) -> None:
    hassan = person(small, "un-qdi.999")
    assert PartialDate(1975) in hassan.birth_dates
    assert len(hassan.birth_dates) == 5
    assert not any(p.value == "null" for p in small.problems)


def test_the_place_of_birth_is_an_address(small: Dataset) -> None:
    (place,) = person(small, "un-tai.038").birth_places
    assert place.full == "Jalalabad City, Nangarhar Province, Afghanistan"
    assert place.city == "Jalalabad City"
    assert place.country is not None
    assert place.country.alpha2 == "AF"


# --- countries, addresses, documents -------------------------------------------------


def test_nationalities_are_countries_with_the_nationality_role(small: Dataset) -> None:
    kim = person(small, "un-kpi.066")
    assert [c.alpha2 for c in kim.countries_with("nationality")] == ["KP"]


def test_an_unknown_nationality_is_a_problem_and_a_note(small: Dataset) -> None:
    hassan = person(small, "un-qdi.999")
    assert [c.alpha2 for c in hassan.countries_with("nationality")] == ["TN"]
    assert "Nationality: Atlantis" in hassan.notes
    (problem,) = [p for p in small.problems if p.field == "NATIONALITY"]
    assert (problem.file, problem.record, problem.value) == (
        "consolidated-small.xml",
        "QDi.999",
        "Atlantis",
    )


def test_na_as_a_nationality_is_no_value_not_namibia(small: Dataset) -> None:
    assert "NA" not in [c.alpha2 for c in person(small, "un-qdi.999").countries_with("nationality")]


def test_a_nationality_in_words_is_a_problem_and_a_note(compact: Dataset) -> None:
    baghdadi = person(compact, "un-iqi.999")
    assert baghdadi.countries == ()
    assert "Nationality: Kuwaiti citizenship withdrawn in 2002" in baghdadi.notes


def test_an_address_joins_its_parts_and_keeps_its_note(small: Dataset) -> None:
    (address,) = person(small, "un-qdi.999").addresses
    assert address.full == "Via Milano 105, Rome, Italy (previous address)"
    assert address.city == "Rome"
    assert address.country is not None
    assert address.country.alpha2 == "IT"


def test_an_empty_address_is_no_address(small: Dataset) -> None:
    assert person(small, "un-tai.038").addresses == ()


def test_a_passport_is_an_identifier(small: Dataset) -> None:
    passport = next(i for i in person(small, "un-qdi.999").identifiers if i.value == "K929139")
    assert passport.scheme == "passport"
    assert passport.country is not None
    assert passport.country.alpha2 == "TN"
    assert passport.issued == PartialDate(1995, 2, 14)
    assert passport.note == "expired on 13 Feb. 2000"


def test_document_schemes(small: Dataset) -> None:
    schemes = {i.value: i.scheme for i in person(small, "un-qdi.999").identifiers}
    assert schemes["SDDHSN70E03Z352A"] == "national_id"
    assert schemes["P-1234"] == "passport"  # "Numéro de passeport"
    # Only TYPE_OF_DOCUMENT2, "Ration card number": no scheme of its own, so "other"
    # with the list's words kept.
    ration = next(i for i in person(small, "un-qdi.999").identifiers if i.value == "0094195")
    assert (ration.scheme, ration.label) == ("other", "Ration card number")


def test_the_second_document_type_is_kept_as_a_note(small: Dataset) -> None:
    code = next(i for i in person(small, "un-qdi.999").identifiers if i.scheme == "national_id")
    assert code.note == "Italian Fiscal Code:"


def test_a_document_without_a_number_is_a_note(small: Dataset) -> None:
    assert (
        "Document: National Identification Number; Afghan national identification card "
        "(tazkira) number 545167; issued in 1974"
    ) in person(small, "un-qdi.999").notes


# --- the rest of a person -------------------------------------------------------------


def test_gender_in_any_case_and_unknown_is_none(small: Dataset) -> None:
    assert person(small, "un-qdi.999").gender is Gender.MALE  # "MALE"
    assert person(small, "un-dataid-6908002").gender is None  # "Unknown"
    assert not any(p.field == "GENDER" for p in small.problems)


def test_titles_and_designations_are_positions(small: Dataset) -> None:
    assert person(small, "un-tai.038").positions == (
        "Maulavi",
        "Mullah",
        "Governor of Khost and Paktika provinces under the Taliban regime",
    )


def test_comments_and_update_dates_are_notes(small: Dataset) -> None:
    notes = person(small, "un-tai.038").notes
    assert (
        "Believed to be in Afghanistan/Pakistan border area. Taliban member responsible for "
        "Nangarhar Province as at 2008."
    ) in notes
    assert "Updated on the UN list: 2003-09-03, 2012-08-13" in notes


# --- designations --------------------------------------------------------------------


def test_one_designation_per_record_by_the_security_council(small: Dataset) -> None:
    designation = next(d for d in small.designations if d.entity_id == "un-kpe.001")
    assert designation.authority.name == "United Nations Security Council"
    assert designation.authority_ref == "KPe.001"
    assert designation.listed == PartialDate(2009, 4, 24)
    assert designation.programmes == ("DPRK",)
    (basis,) = designation.legal_basis
    assert basis.kind is LegalBasisKind.UN_RESOLUTION
    assert (basis.number, basis.year) == ("1718", 2006)
    assert (
        basis.title == "Security Council Committee established pursuant to resolution 1718 (2006)"
    )


def test_a_listing_date_with_a_time_zone_is_its_day(small: Dataset) -> None:
    designation = next(d for d in small.designations if d.entity_id == "un-qdi.999")
    assert designation.listed == PartialDate(2016, 11, 30)


def test_somalia_cites_2713_in_files_after_december_2023(small: Dataset) -> None:
    designation = next(d for d in small.designations if d.entity_id == "un-soe.001")
    assert [(b.number, b.year) for b in designation.legal_basis] == [("751", 1992), ("2713", 2023)]
    assert [b.number for b in un_xml.legal_basis("Somalia", PartialDate(2018, 10, 29))] == ["751"]


def test_the_2018_iran_list_rests_on_resolution_2231(compact: Dataset) -> None:
    designation = next(d for d in compact.designations if d.entity_id == "un-ire.999")
    assert [(b.number, b.year) for b in designation.legal_basis] == [("2231", 2015)]


def test_an_unknown_list_type_has_no_legal_basis() -> None:
    assert un_xml.legal_basis("Atlantis") == ()


def test_one_source_for_the_whole_file(small: Dataset) -> None:
    sources = {s for e in small for s in e.sources} | {
        s for d in small.designations for s in d.sources
    }
    (source,) = sources
    assert source.publisher == "United Nations Security Council"
    assert (
        source.title
        == "Consolidated United Nations Security Council Sanctions List (consolidated-small.xml)"
    )
    assert source.published == PartialDate(2024, 11, 30)


# --- strict mode and safety ----------------------------------------------------------


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError) as caught:
        un_xml.read(SMALL, name="consolidated-small.xml", strict=True)
    problem = caught.value.problem
    assert (problem.record, problem.value) == ("QDi.999", "Atlantis")


# --- the real files ------------------------------------------------------------------

REAL_FILES = ["un/consolidated-2024-11-30.xml", "un/consolidated-2018-10-29.xml"]


@pytest.fixture(scope="module", params=REAL_FILES)
def real(request: pytest.FixtureRequest) -> tuple[Path, Dataset]:
    path = shared_file(request.param)
    return path, un_xml.read(path, name=path.name)


def test_real_counts_are_the_records_in_the_file(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    text = path.read_text(encoding="utf-8")
    in_file = len(re.findall(r"<INDIVIDUAL>", text)) + len(re.findall(r"<ENTITY>", text))
    assert ds.metadata["records_read"] == in_file
    assert len(ds) + int(ds.metadata["records_rejected"]) == in_file
    assert ds.metadata["records_rejected"] == 0


def test_real_files_have_155_dprk_entries(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    assert sum(1 for d in ds.designations if d.programmes == ("DPRK",)) == 155


def test_real_between_dates_all_became_ranges(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    expected: list[tuple[str, int, int]] = []  # (reference, from, to) of each BETWEEN date
    for _, element in ET.iterparse(path):
        if element.tag == "INDIVIDUAL":
            reference = (element.findtext("REFERENCE_NUMBER") or "").strip()
            for born in element.iter("INDIVIDUAL_DATE_OF_BIRTH"):
                if (born.findtext("TYPE_OF_DATE") or "").strip() == "BETWEEN":
                    start = int(born.findtext("FROM_YEAR") or "0")
                    end = int(born.findtext("TO_YEAR") or "0")
                    expected.append((reference, start, end))
            element.clear()
    assert len(expected) > 20
    found = []
    for reference, start, end in expected:
        dates = person(ds, f"un-{reference.lower()}").birth_dates
        ranges = [d for d in dates if isinstance(d, DateRange)]
        found += [
            (reference, start, end)
            for d in ranges
            if d.start is not None
            and d.end is not None
            and (d.start.year, d.end.year) == (start, end)
        ]
    assert sorted(set(found)) == sorted(set(expected))


def test_real_every_list_type_has_a_legal_basis(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    assert all(d.legal_basis for d in ds.designations)


def test_real_kpi_066_field_by_field() -> None:
    path = shared_file("un/consolidated-2024-11-30.xml")
    ds = un_xml.read(path, name=path.name)
    kim = person(ds, "un-kpi.066")
    assert kim.name == "KIM JONG SIK"
    assert [(a.name, a.quality) for a in kim.aliases] == [("Kim Cho’ng-sik", AliasQuality.STRONG)]
    assert kim.birth_dates == (DateRange(PartialDate(1967), PartialDate(1969)),)
    assert [c.alpha2 for c in kim.countries_with("nationality")] == ["KP"]
    assert [a.country.alpha2 for a in kim.addresses if a.country] == ["KP"]
    assert kim.positions == (
        "A leading official guiding the DPRK’s WMD development efforts. Serving as Deputy "
        "Director of the Workers’ Party of Korea Munitions Industry Department",
    )
    assert "Gender: male" in kim.notes
    assert [(i.scheme, i.value) for i in kim.identifiers] == [
        ("un_dataid", "6908643"),
        ("un_reference", "KPi.066"),
    ]
    designation = next(d for d in ds.designations if d.entity_id == kim.id)
    assert designation.authority_ref == "KPi.066"
    assert designation.listed == PartialDate(2017, 12, 22)
    assert designation.programmes == ("DPRK",)
    assert [(b.number, b.year) for b in designation.legal_basis] == [("1718", 2006)]


def test_real_kpe_001_field_by_field() -> None:
    path = shared_file("un/consolidated-2024-11-30.xml")
    ds = un_xml.read(path, name=path.name)
    komid = organization(ds, "un-kpe.001")
    assert komid.name == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert [a.name for a in komid.aliases] == [
        "CHANGGWANG SINYONG CORPORATION",
        "EXTERNAL TECHNOLOGY GENERAL CORPORATION",
        "DPRKN MINING DEVELOPMENT TRADING COOPERATION",
        '"KOMID"',
    ]
    assert {a.quality for a in komid.aliases} == {AliasQuality.STRONG}
    (address,) = komid.addresses
    assert address.full == "Central District, Pyongyang, Democratic People's Republic of Korea"
    assert address.city == "Pyongyang"
    assert address.country is not None
    assert address.country.alpha2 == "KP"
    assert komid.notes == (
        "Primary arms dealer and main exporter of goods and equipment related to ballistic "
        "missiles and conventional weapons.",
    )
    designation = next(d for d in ds.designations if d.entity_id == komid.id)
    assert designation.listed == PartialDate(2009, 4, 24)


def test_real_tai_038_field_by_field() -> None:
    path = shared_file("un/consolidated-2024-11-30.xml")
    ds = un_xml.read(path, name=path.name)
    baqi = person(ds, "un-tai.038")
    assert baqi.name == "ABDUL BAQI BASIR AWAL SHAH"
    assert (baqi.aliases[0].name, baqi.aliases[0].script) == ("عبد الباقي بصير أول شاه", "Arab")
    assert baqi.birth_dates == (
        DateRange(PartialDate(1960, approximate=True), PartialDate(1962, approximate=True)),
    )
    assert baqi.positions[:2] == ("Maulavi", "Mullah")
    assert len(baqi.positions) == 5
    (place,) = baqi.birth_places
    assert place.full == "Jalalabad City, Nangarhar Province, Afghanistan"
    designation = next(d for d in ds.designations if d.entity_id == baqi.id)
    assert [(b.number, b.year) for b in designation.legal_basis] == [("1988", 2011)]
    assert designation.listed == PartialDate(2001, 2, 23)


def test_real_kpi_033_in_2018_field_by_field() -> None:
    path = shared_file("un/consolidated-2018-10-29.xml")
    ds = un_xml.read(path, name=path.name)
    ri = person(ds, "un-kpi.033")
    assert ri.name == "RI WON HO"
    assert ri.birth_dates == (PartialDate(1964, 7, 17),)
    passport = next(i for i in ri.identifiers if i.scheme == "passport")
    assert passport.value == "381310014"
    assert ri.positions == ("DPRK Ministry of State Security Official",)
