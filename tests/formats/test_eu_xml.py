"""The EU Financial Sanctions Files XML reader, on a hand-written fixture and the real file."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import eu_xml
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

DATA = Path(__file__).resolve().parents[1] / "data" / "eu"
SMALL = DATA / "fsf-small.xml"
NS = "{http://eu.europa.ec/fpi/fsd/export}"
REAL = "eu/fsf-2022-03-18-excerpt.xml"


@pytest.fixture(scope="module")
def small() -> Dataset:
    return eu_xml.read(SMALL, name="fsf-small.xml")


def person(ds: Dataset, entity_id: str) -> Person:
    found = ds.get(entity_id)
    assert isinstance(found, Person)
    return found


def organization(ds: Dataset, entity_id: str) -> Organization:
    found = ds.get(entity_id)
    assert isinstance(found, Organization)
    return found


def one(record: str) -> Dataset:
    """A file of one sanctionEntity, given its inside."""
    xml = (
        f'<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2022-03-18">'
        f'<sanctionEntity euReferenceNumber="EU.1.1" logicalId="1">{record}</sanctionEntity>'
        "</export>"
    )
    return eu_xml.read(io.BytesIO(xml.encode()), name="t.xml")


# --- detection and metadata ----------------------------------------------------------


def test_sniff_recognises_the_root_and_namespace() -> None:
    assert eu_xml.sniff(SMALL.read_bytes()[:4096])


def test_sniff_refuses_another_export_and_other_lists() -> None:
    assert not eu_xml.sniff(b'<?xml version="1.0"?><export xmlns="urn:other"><row/></export>')
    assert not eu_xml.sniff(b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x">')


def test_metadata_names_the_format_the_list_its_date_and_file_id(small: Dataset) -> None:
    assert small.metadata["format"] == "eu-xml"
    assert small.metadata["list"] == "EU Financial Sanctions Files consolidated list"
    assert small.metadata["publish_date"] == "2022-03-18"
    assert small.metadata["generation_time"] == "2022-03-18T14:52:26.947+01:00"
    assert small.metadata["global_file_id"] == "137925"


# --- counts and ids ------------------------------------------------------------------


def test_counts_add_up(small: Dataset) -> None:
    assert small.metadata["records_read"] == 7
    assert small.metadata["records_returned"] == 6
    assert small.metadata["records_rejected"] == 1
    assert len(small.designations) == 6
    assert len(small) == 5  # two records are one entity


def test_a_record_without_any_name_is_rejected(small: Dataset) -> None:
    assert "eu-9010" not in small
    assert any(p.record == "EU.9999.2" and "no name" in p.message for p in small.problems)


def test_ids_come_from_the_logical_id(small: Dataset) -> None:
    assert person(small, "eu-5463").name == "Yu-ro Han"


def test_the_logical_id_is_kept_as_an_identifier(small: Dataset) -> None:
    han = person(small, "eu-5463")
    assert (han.identifiers[0].scheme, han.identifiers[0].value) == ("eu_logical_id", "5463")


def test_the_un_id_is_kept_as_an_identifier(small: Dataset) -> None:
    saadi = person(small, "eu-6092")
    assert ("un_reference", "LYi.009") in [(i.scheme, i.value) for i in saadi.identifiers]


def test_two_records_with_one_logical_id_are_one_entity_with_two_designations(
    small: Dataset,
) -> None:
    haqqani = person(small, "eu-5795")
    designations = [d for d in small.designations if d.entity_id == "eu-5795"]
    assert [d.programmes for d in designations] == [("AFG",), ("TAQA",)]
    assert haqqani.name == "Nashir Haqqani"
    assert [a.name for a in haqqani.aliases] == ["Naseruddin"]
    assert [c.alpha2 for c in haqqani.countries_with("citizenship")] == ["AF"]
    assert haqqani.positions == ("Dr.",)


def test_the_same_file_gives_the_same_entities() -> None:
    first = eu_xml.read(SMALL, name="fsf-small.xml")
    second = eu_xml.read(io.BytesIO(SMALL.read_bytes()), name="fsf-small.xml")
    assert list(first) == list(second)
    assert first.designations == second.designations


# --- names ---------------------------------------------------------------------------


def test_white_space_inside_names_becomes_one_space(small: Dataset) -> None:
    assert person(small, "eu-5463").name == "Yu-ro Han"  # "Yu-ro  Han" in the file


def test_aliases_keep_their_language_in_lower_case_and_their_script(small: Dataset) -> None:
    aliases = person(small, "eu-5463").aliases
    assert [(a.name, a.language, a.script) for a in aliases[:2]] == [
        ("Han Yu Ro", "fr", "Latn"),
        ("Хан Ю Ро", "bg", "Cyrl"),
    ]


def test_one_spelling_in_several_languages_is_one_alias(small: Dataset) -> None:
    names = [a.name for a in person(small, "eu-5463").aliases]
    assert names.count("Han Yu Ro") == 1  # FR and DE in the file


def test_strong_false_and_a_low_quality_remark_make_weak_aliases(small: Dataset) -> None:
    quality = {a.name: a.quality for a in person(small, "eu-5463").aliases}
    assert quality["Han Yuro"] is AliasQuality.WEAK  # remark "low quality alias"
    assert quality["Han Yu-Ro"] is AliasQuality.WEAK  # strong="false"
    assert quality["Han Yu Ro"] is AliasQuality.STRONG


def test_a_quality_remark_is_not_kept_as_a_note(small: Dataset) -> None:
    notes = person(small, "eu-5463").notes + organization(small, "eu-5492").notes
    assert not [note for note in notes if "quality alias" in note]


def test_the_name_is_the_first_strong_name_without_another_language() -> None:
    ds = one(
        '<subjectType code="person" classificationCode="P"/>'
        '<nameAlias wholeName="Qoussaï Saddam Hussein" nameLanguage="FR" strong="true"/>'
        '<nameAlias wholeName="Qusay Saddam Hussein" nameLanguage="" strong="true"/>'
    )
    qusay = person(ds, "eu-1")
    assert qusay.name == "Qusay Saddam Hussein"
    assert [(a.name, a.language) for a in qusay.aliases] == [("Qoussaï Saddam Hussein", "fr")]


def test_functions_and_titles_are_positions_of_persons(small: Dataset) -> None:
    assert person(small, "eu-6092").positions == ("Colonel", "Commander Special Forces")


def test_a_remark_that_repeats_the_function_is_not_repeated(small: Dataset) -> None:
    assert not [n for n in person(small, "eu-6092").notes if "Commander" in n]


def test_an_enterprise_function_is_a_note(small: Dataset) -> None:
    komid = organization(small, "eu-5492")
    assert "Function: Primary arms dealer" in komid.notes[1]


def test_gender_comes_from_the_names(small: Dataset) -> None:
    assert person(small, "eu-5463").gender is Gender.MALE
    assert person(small, "eu-5795").gender is None


# --- subject types -------------------------------------------------------------------


def test_person_and_enterprise_are_person_and_organization(small: Dataset) -> None:
    assert isinstance(small.get("eu-5463"), Person)
    assert isinstance(small.get("eu-5492"), Organization)


def test_an_unknown_subject_type_is_an_organization_and_a_problem(small: Dataset) -> None:
    assert isinstance(small.get("eu-9001"), Organization)
    assert any(p.field == "subjectType" and p.value == "vessel" for p in small.problems)


def test_a_date_of_birth_of_an_organization_is_a_note_not_lost() -> None:
    ds = one(
        '<subjectType code="enterprise" classificationCode="E"/>'
        '<nameAlias wholeName="ACME" strong="true"/>'
        '<birthdate circa="false" calendarType="GREGORIAN" year="1990" city="Minsk"'
        ' countryIso2Code="BY" countryDescription="BELARUS"/>'
    )
    assert organization(ds, "eu-1").notes == (
        "Date of birth: 1990",
        "Place of birth: Minsk, BELARUS",
    )


# --- dates of birth ------------------------------------------------------------------


def test_a_full_birthdate_is_a_day(small: Dataset) -> None:
    assert person(small, "eu-5463").birth_dates[0] == PartialDate(1944, 10, 13)


def test_a_year_range_with_circa_is_a_range_of_approximate_years(small: Dataset) -> None:
    born = person(small, "eu-5463").birth_dates[1]
    assert born == DateRange(
        PartialDate(1943, approximate=True), PartialDate(1945, approximate=True)
    )


def test_a_year_with_circa_is_approximate(small: Dataset) -> None:
    assert person(small, "eu-5463").birth_dates[2] == PartialDate(1950, approximate=True)


def test_a_month_and_year_without_a_day_is_a_month(small: Dataset) -> None:
    assert PartialDate(1973, 5) in person(small, "eu-6092").birth_dates


def test_an_islamic_date_keeps_the_gregorian_day_and_notes_the_islamic_one(
    small: Dataset,
) -> None:
    saadi = person(small, "eu-6092")
    assert saadi.birth_dates[0] == PartialDate(1982, 4, 19)
    assert "Date of birth 1982-04-19 is 24.6.1402 in the Islamic calendar" in saadi.notes


def test_an_impossible_day_is_a_problem_not_a_month(small: Dataset) -> None:
    problem = next(p for p in small.problems if p.field == "birthdate/birthdate")
    assert (problem.record, problem.value) == ("EU.9999.1", "1962-02-30")
    assert not any("1962" in note for note in organization(small, "eu-9001").notes)


def test_the_place_of_birth_is_an_address(small: Dataset) -> None:
    place = person(small, "eu-5463").birth_places[0]
    assert place.full == "Pyongyang, KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF"
    assert place.city == "Pyongyang"
    assert place.country is not None
    assert place.country.alpha2 == "KP"


def test_a_birthdate_remark_is_a_note(small: Dataset) -> None:
    assert "Date of birth 1943~/1945~: between 1943 and 1945" in person(small, "eu-5463").notes


# --- countries, addresses, documents -------------------------------------------------


def test_citizenship_is_a_country_role(small: Dataset) -> None:
    assert [c.alpha2 for c in person(small, "eu-5463").countries_with("citizenship")] == ["KP"]


def test_code_00_reads_the_description_and_keeps_the_remark(small: Dataset) -> None:
    saadi = person(small, "eu-6092")
    assert [c.alpha2 for c in saadi.countries_with("citizenship")] == ["LY", "KP"]
    assert "Citizenship LY: Possibly Libyan" in saadi.notes


def test_a_code_and_description_that_disagree_keep_the_code_and_are_a_problem(
    small: Dataset,
) -> None:
    problem = next(p for p in small.problems if p.record == "EU.2900.11")
    assert problem.field == "citizenship"
    assert problem.value == "KP RUSSIAN FEDERATION"
    assert "disagree" in problem.message


def test_an_unknown_country_is_a_problem_and_the_address_keeps_the_text(small: Dataset) -> None:
    assert any(p.field == "address" and p.value == "ATLANTIS" for p in small.problems)
    assert organization(small, "eu-9001").addresses[0].full == "ATLANTIS"


def test_an_address_joins_its_parts_and_says_when_it_dates_from_listing(small: Dataset) -> None:
    address = organization(small, "eu-5492").addresses[0]
    assert address.full == (
        "Central District, P.O. Box 1045, Pyongyang, KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF "
        "(at the time of listing)"
    )
    assert address.city == "Pyongyang"


def test_address_countries_are_locations(small: Dataset) -> None:
    assert [c.alpha2 for c in organization(small, "eu-5492").countries_with("location")] == [
        "KP",
        "LB",
    ]


def test_contact_details_and_address_remarks_are_notes(small: Dataset) -> None:
    notes = organization(small, "eu-5492").notes
    assert "Phone: +850-2-18111, 18222 (ext. 8573)" in notes
    assert "Fax: +850-2-381-4410" in notes
    assert "Email: komid@example.kp" in notes
    assert "Address Beirut, LEBANON: Branch office" in notes


def test_a_passport_is_an_identifier_with_its_dates_and_flags(small: Dataset) -> None:
    passport = person(small, "eu-5463").identifiers[1]
    assert (passport.scheme, passport.value) == ("passport", "PD 381420105")
    assert passport.country is not None
    assert passport.country.alpha2 == "KP"
    assert passport.issued == PartialDate(2011, 2, 17)  # validFrom, without an issueDate
    assert passport.expires == PartialDate(2029, 2, 17)  # in the future, and kept
    assert passport.note is not None
    assert passport.note.startswith("diplomatic; known to be expired; Diplomatic Passport")


def test_issuer_place_name_on_document_and_a_second_date_are_in_the_note(small: Dataset) -> None:
    passport = person(small, "eu-6092").identifiers[2]
    assert passport.issued == PartialDate(2004, 6, 4)
    assert passport.note == (
        "issued by CGI in Jeddah; issued in Tripoli; valid from 2004-06-05; "
        "name on document: (name on doc. 'Saadi Muammar')"
    )


def test_document_type_codes_become_schemes(small: Dataset) -> None:
    assert organization(small, "eu-5492").identifiers[1].scheme == "swift_bic"


def test_a_document_without_a_number_is_a_note(small: Dataset) -> None:
    assert "Document: National identification card; number not known" in (
        person(small, "eu-5463").notes
    )


# --- designations --------------------------------------------------------------------


def test_one_designation_per_record_by_the_european_union(small: Dataset) -> None:
    designation = small.designations[0]
    assert designation.entity_id == "eu-5463"
    assert designation.authority.name == "European Union"
    assert designation.authority_ref == "EU.4011.64"
    assert designation.listed == PartialDate(2009, 7, 16)
    assert designation.programmes == ("PRK",)


def test_the_regulation_and_the_acts_behind_each_value_are_the_legal_basis(
    small: Dataset,
) -> None:
    bases = small.designations[0].legal_basis
    assert [(b.kind, b.number, b.year) for b in bases] == [
        (LegalBasisKind.REGULATION, "2017/1509", 2017),
        (LegalBasisKind.REGULATION, "654/2009", 2009),
    ]
    assert (
        bases[0].url
        == "http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32017R1509&from=EN"
    )
    assert str(bases[0]) == "EU regulation 2017/1509 (2017)"


def test_the_regulation_details_are_one_note(small: Dataset) -> None:
    assert person(small, "eu-5463").notes[0] == (
        "Regulation 2017/1509 (OJ L224) (repealing, council): "
        "published 2017-08-31, in force from 2017-09-01"
    )


def test_without_a_designation_date_the_date_of_listing_detail_is_read_day_first(
    small: Dataset,
) -> None:
    designation = next(d for d in small.designations if d.entity_id == "eu-6092")
    assert designation.listed == PartialDate(2011, 4, 12)
    assert person(small, "eu-6092").notes[0] == "Designation details: Date of listing: 12/04/2011."


def test_shared_values_are_one_object(small: Dataset) -> None:
    first, second = small.designations[0], small.designations[1]
    assert first.sources[0] is second.sources[0] is person(small, "eu-5463").sources[0]
    assert first.authority is second.authority
    assert first.legal_basis[0] is second.legal_basis[0]
    kp = [
        r
        for e in small
        for r in e.countries
        if r.country.alpha2 == "KP" and r.role.value == "citizenship"
    ]
    assert all(role is kp[0] for role in kp)


def test_one_source_for_the_whole_file(small: Dataset) -> None:
    source = small.designations[0].sources[0]
    assert source.publisher == "European Commission"
    assert source.title is not None
    assert source.title.endswith("(fsf-small.xml)")
    assert source.published == PartialDate(2022, 3, 18)


# --- strict mode and safety ----------------------------------------------------------


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError) as caught:
        eu_xml.read(SMALL, name="fsf-small.xml", strict=True)
    assert (caught.value.problem.record, caught.value.problem.field) == (
        "EU.2900.11",
        "citizenship",
    )


def test_an_unknown_element_is_kept_as_a_note_and_reported_once() -> None:
    ds = one(
        '<subjectType code="person" classificationCode="P"/>'
        '<nameAlias wholeName="A" strong="true"/><vesselInfo imo="9123456">Flag KP</vesselInfo>'
    )
    assert person(ds, "eu-1").notes == ("vesselInfo: Flag KP; imo=9123456",)
    assert [p.field for p in ds.problems] == ["vesselInfo"]


# --- the real file -------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[Path, Dataset]:
    path = shared_file(REAL)
    return path, eu_xml.read(path, name=path.name)


def _real_records(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter(f"{NS}sanctionEntity"))


def test_real_counts_are_the_records_in_the_file(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    records = _real_records(path)
    assert len(records) == 1044
    assert ds.metadata["records_read"] == len(records)
    assert len(ds.designations) == len(records)
    assert ds.metadata["records_rejected"] == 0
    assert len(ds) == len({record.get("logicalId") for record in records})


def test_real_file_reads_without_problems(real: tuple[Path, Dataset]) -> None:
    assert real[1].problems == ()


def test_real_file_has_46_prk_designations(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    in_file = sum(
        1
        for record in _real_records(path)
        if any(r.get("programme") == "PRK" for r in record.iter(f"{NS}regulation"))
    )
    assert in_file == 46
    assert sum(1 for d in ds.designations if "PRK" in d.programmes) == in_file


def test_real_persons_and_enterprises(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    kinds = {
        record.get("logicalId"): record.find(f"{NS}subjectType").get("code")  # type: ignore[union-attr]
        for record in _real_records(path)
    }
    for entity in ds:
        expected = Person if kinds[entity.id.removeprefix("eu-")] == "person" else Organization
        assert type(entity) is expected


def _circa_date(born: ET.Element) -> PartialDate | DateRange:
    """What a birthdate with circa="true" says, made from its attributes alone."""
    if born.get("birthdate"):
        year, month, day = (int(part) for part in (born.get("birthdate") or "").split("-"))
        return PartialDate(year, month, day, approximate=True)
    if born.get("year"):
        month = born.get("monthOfYear")
        day = born.get("dayOfMonth")
        return PartialDate(
            int(born.get("year") or 0),
            int(month) if month else None,
            int(day) if day else None,
            approximate=True,
        )
    return DateRange(
        PartialDate(int(born.get("yearRangeFrom") or 0), approximate=True),
        PartialDate(int(born.get("yearRangeTo") or 0), approximate=True),
    )


def test_real_circa_birthdates_are_all_approximate(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    checked = 0
    for record in _real_records(path):
        for born in record.iter(f"{NS}birthdate"):
            dated = born.get("birthdate") or born.get("year") or born.get("yearRangeFrom")
            if born.get("circa") == "true" and dated:
                entity = person(ds, f"eu-{record.get('logicalId')}")
                assert _circa_date(born) in entity.birth_dates, born.attrib
                checked += 1
    assert checked == 177  # 178 say circa="true"; one of them (EU.2301.53) gives only a place


def test_real_year_ranges_are_ranges(real: tuple[Path, Dataset]) -> None:
    path, ds = real
    expected = set()
    for record in _real_records(path):
        for born in record.iter(f"{NS}birthdate"):
            if born.get("yearRangeFrom"):
                start, end = born.get("yearRangeFrom"), born.get("yearRangeTo")
                expected.add((f"eu-{record.get('logicalId')}", int(start or 0), int(end or 0)))
    assert len(expected) > 20
    found = {
        (entity.id, d.start.year, d.end.year)
        for entity in ds.persons
        for d in entity.birth_dates
        if isinstance(d, DateRange) and d.start is not None and d.end is not None
    }
    assert expected <= found


def test_real_prk_person_eu_4224_84_field_by_field(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    kim = person(ds, "eu-5603")
    assert kim.name == "Tong-un KIM"
    assert [a.name for a in kim.aliases] == ["Tong Un KIM"]
    assert kim.gender is Gender.MALE
    assert kim.positions == (
        "Former director of 'Office 39' of the Centra Committee of the Workers' Party of Korea",
    )
    assert kim.birth_dates == (PartialDate(1936, 11, 1),)
    assert kim.birth_places == ()  # country "00" / "UNKNOWN" and no city
    assert [(i.scheme, i.value) for i in kim.identifiers] == [
        ("eu_logical_id", "5603"),
        ("other", "554410660"),
    ]
    assert kim.identifiers[1].country is not None
    assert kim.identifiers[1].country.alpha2 == "KP"
    assert "date of listing: 22.12.2009" in kim.notes
    designation = next(d for d in ds.designations if d.entity_id == "eu-5603")
    assert designation.authority_ref == "EU.4224.84"
    assert designation.listed == PartialDate(2021, 8, 7)  # designationDate, as the file says
    assert designation.programmes == ("PRK",)
    assert designation.legal_basis[0].number == "2021/1300"


def test_real_prk_entity_komid_field_by_field(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    komid = organization(ds, "eu-5492")
    assert komid.name == "Korea Mining Development Trading Corporation"
    assert [a.name for a in komid.aliases] == [
        "CHANGGWANG SINYONG CORPORATION",
        "EXTERNAL TECHNOLOGY GENERAL CORPORATION",
        "DPRKN MINING DEVELOPMENT TRADING COOPERATION",
        "‘KOMID’",
    ]
    address = komid.addresses[0]
    assert address.full == "Central District, Pyongyang, KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF"
    assert address.country is not None
    assert address.country.alpha2 == "KP"
    assert [c.alpha2 for c in komid.countries_with("location")] == ["KP"]
    designation = next(d for d in ds.designations if d.entity_id == "eu-5492")
    assert designation.authority_ref == "EU.4187.20"
    assert designation.listed == PartialDate(2009, 4, 24)
    assert designation.programmes == ("PRK",)
    assert designation.legal_basis[0].number == "2017/1509"
    assert designation.legal_basis[0].url == (
        "http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32017R1509&from=EN"
    )


def test_real_french_name_first_gives_way_to_the_english_one(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    qusay = person(ds, "eu-20")
    assert qusay.name == "Qusay Saddam Hussein Al-Tikriti"
    assert [(a.name, a.language) for a in qusay.aliases] == [
        ("Qoussaï Saddam Hussein Al-Tikriti", "fr")
    ]
    assert qusay.birth_dates == (PartialDate(1965), PartialDate(1966))
