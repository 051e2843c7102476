"""The OFAC classic XML reader (``sdnList``): fixtures first, then the real file."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import ofac_xml
from sanctionkit.model import (
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Gender,
    Measure,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.values.countries import parse_country
from tests.conftest import shared_dataset, shared_file

DATA = Path(__file__).resolve().parents[1] / "data" / "ofac"
OLD = DATA / "sdn-tempuri.xml"
NEW = DATA / "sdn-2024.xml"
REJECTS = DATA / "rejects.xml"


def load(path: Path, *, name: str = "sdn.xml", strict: bool = False) -> Dataset:
    return ofac_xml.read(path, name=name, strict=strict)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load(OLD)


# --- sniffing -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [OLD, NEW], ids=["tempuri", "2024"])
def test_sniff_recognises_both_namespaces(path: Path) -> None:
    assert ofac_xml.sniff(path.read_bytes()[:4096])


def test_sniff_recognises_a_later_namespace_with_the_same_names() -> None:
    assert ofac_xml.sniff(b'<?xml version="1.0"?><x:sdnList xmlns:x="urn:ofac:2030">')


def test_sniff_refuses_other_lists() -> None:
    assert not ofac_xml.sniff(b'<?xml version="1.0"?><CONSOLIDATED_LIST>')


# --- header and counts ----------------------------------------------------------------


def test_the_header_becomes_metadata(ds: Dataset) -> None:
    assert ds.metadata["publish_date"] == "2024-05-24"
    assert ds.metadata["record_count"] == 7
    assert ds.metadata["format"] == "ofac-xml"
    assert ds.metadata["list"] == "OFAC SDN"


def test_the_list_is_named_from_the_file_name_only_when_it_tells() -> None:
    assert load(NEW, name="consolidated.xml").metadata["list"] == "OFAC Consolidated (non-SDN)"
    assert load(NEW, name="download.xml").metadata["list"] == "OFAC sdnList"


def test_counts_add_up(ds: Dataset) -> None:
    assert ds.metadata["records_read"] == 7
    assert ds.metadata["records_returned"] == 7
    assert ds.metadata["records_rejected"] == 0
    assert len(ds) == len(ds.designations) == 7


def test_the_same_file_gives_the_same_ids() -> None:
    assert [e.id for e in load(OLD)] == [e.id for e in load(OLD)]
    assert load(OLD) == load(OLD)


# --- both namespaces ------------------------------------------------------------------


def test_the_2024_namespace_reads_like_the_old_one() -> None:
    new, old = load(NEW), load(OLD)
    assert new.metadata["publish_date"] == "2024-05-03"
    assert new.get("ofac-36003").imo == old.get("ofac-36003").imo == "9187629"
    assert new.get("ofac-36001").countries_with("nationality")[0].alpha2 == "KP"


# --- what becomes what ----------------------------------------------------------------


def test_entry_kinds_follow_sdn_type(ds: Dataset) -> None:
    kinds = {entity.id: type(entity).__name__ for entity in ds}
    assert kinds == {
        "ofac-36001": "Person",
        "ofac-36002": "Organization",
        "ofac-36003": "Vessel",
        "ofac-36004": "Vessel",
        "ofac-36005": "Aircraft",
        "ofac-36006": "Organization",
        "ofac-36007": "Person",
    }


def test_a_person_is_named_first_name_first_and_keeps_the_lists_form(ds: Dataset) -> None:
    person = ds.get("ofac-36001")
    assert person.name == "Chol Su KIM"
    assert person.aliases[0].name == "KIM, Chol Su"


def test_aka_quality_strong_weak_and_former(ds: Dataset) -> None:
    person, company = ds.get("ofac-36001"), ds.get("ofac-36002")
    assert [(a.name, a.quality) for a in person.aliases[1:]] == [
        ("Cholsu KIM", AliasQuality.STRONG),
        ("KIM THE ENGINEER", AliasQuality.WEAK),
    ]
    assert [(a.name, a.quality) for a in company.aliases] == [
        ("OLD EXAMPLE SHIPPING", AliasQuality.FORMER),
        ("NEW EXAMPLE SHIPPING", AliasQuality.STRONG),
    ]


def test_a_person_has_dates_places_countries_gender_and_positions(ds: Dataset) -> None:
    person = ds.get("ofac-36001")
    assert isinstance(person, Person)
    assert [str(date) for date in person.birth_dates] == ["1962~", "1960/1962"]
    assert [(p.full, p.country and p.country.alpha2) for p in person.birth_places] == [
        ("Pyongyang, Korea, North", "KP"),
        ("Khan Younis", None),
    ]
    assert [c.alpha2 for c in person.countries_with("nationality")] == ["KP"]
    assert [c.alpha2 for c in person.countries_with("citizenship")] == ["KP"]
    assert person.gender is Gender.MALE
    assert person.positions == (
        "General Director, Korea Example Trading",
        "Representative in Vladivostok",
    )
    assert person.notes == ("Arranged arms deals in 2022-2023.",)


def test_identifiers_get_schemes_countries_and_dates(ds: Dataset) -> None:
    passport = ds.get("ofac-36001").identifiers[0]
    assert (passport.scheme, passport.value, passport.country.alpha2) == (
        "passport",
        "836420035",
        "KP",
    )
    assert (str(passport.issued), str(passport.expires)) == ("2016-07-08", "2021-07-08")
    schemes = [(i.scheme, i.value) for i in ds.get("ofac-36002").identifiers]
    assert schemes == [
        ("registration", "HE 123456"),
        ("tax_id", "9701170663"),
        ("swift_bic", "EXSHCY2N"),
        ("other", "www.example-shipping.test"),
        ("registration", "7701234567"),
    ]


def test_an_id_type_without_a_scheme_is_other_with_its_label(ds: Dataset) -> None:
    (number,) = ds.get("ofac-36005").identifiers
    assert number.scheme == "other"
    assert number.label == "Aircraft Construction Number (also called L/N or S/N or F/N)"
    assert number.value == "496"
    website = ds.get("ofac-36002").identifiers[3]
    assert (website.scheme, website.label) == ("other", "Website")


def test_an_id_type_that_names_a_registry_is_a_registration_with_the_type_as_note(
    real: Dataset,
) -> None:
    # sdnEntry 17013 (VTB BANK OAO): <idType>Government Gazette Number</idType> 00032520,
    # which the CSV export writes "Government Gazette Number 00032520".
    bank = real.get("ofac-17013")
    gazette = next(i for i in bank.identifiers if i.value == "00032520")
    assert (gazette.scheme, gazette.note, gazette.label) == (
        "registration",
        "Government Gazette Number",
        None,
    )


def test_addresses_join_their_parts_and_locate_an_organisation(ds: Dataset) -> None:
    company = ds.get("ofac-36002")
    first = company.addresses[0]
    assert first.full == "Mitsi Building, 1 Stasinou Avenue, Nicosia, 1060, Cyprus"
    assert (first.city, first.country.alpha2) == ("Nicosia", "CY")
    assert [c.alpha2 for c in company.countries_with("location")] == ["CY", "RU"]
    assert [c.alpha2 for c in company.countries_with(CountryRoleKind.REGISTRATION)] == ["CY"]


def test_sanctions_information_becomes_measure_notes_and_links_become_notes(ds: Dataset) -> None:
    designation = ds.designations[1]
    assert designation.measure_notes == (
        "Additional Sanctions Information - Subject to Secondary Sanctions",
    )
    assert "For more information, please see: https://ofac.treasury.gov/example" in (
        ds.get("ofac-36002").notes
    )


def test_a_vessel_has_imo_mmsi_flag_and_vessel_info(ds: Dataset) -> None:
    ship = ds.get("ofac-36003")
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.mmsi, ship.call_sign) == ("9187629", "445123000", "HMZX")
    assert (ship.flag.alpha2, ship.vessel_type, ship.build_year) == ("KP", "General Cargo", 1998)
    assert ship.tonnage == 5230  # grossRegisteredTonnage; OFAC's "tonnage" is deadweight
    assert [c.alpha2 for c in ship.past_flags] == ["SL"]  # "None Identified" is no flag
    assert ship.past_names == ("OCEAN STAR",)
    assert "tonnage (deadweight): 8500" in ship.notes
    assert "vesselOwner: EXAMPLE SHIPPING LIMITED" in ship.notes


def test_an_aircraft_has_registration_serial_number_and_model(ds: Dataset) -> None:
    plane = ds.get("ofac-36005")
    assert (plane.registration, plane.serial_number, plane.model) == (
        "EP-GOM",
        "1245",
        "Airbus A310-304",
    )
    assert plane.notes == ("Aircraft Operator: MAHAN AIR",)


def test_an_entry_with_only_the_required_fields_is_kept(ds: Dataset) -> None:
    minimal = ds.get("ofac-36006")
    assert isinstance(minimal, Organization)
    assert (minimal.aliases, minimal.identifiers, minimal.addresses) == ((), (), ())


def test_one_designation_per_entry_with_programmes_and_a_shared_source(ds: Dataset) -> None:
    designation = ds.designations[1]
    assert designation.entity_id == "ofac-36002"
    assert designation.authority_ref == "36002"
    assert designation.programmes == ("DPRK3", "NPWMD", "IFSR")
    assert designation.measures == (Measure.ASSET_FREEZE,)
    assert designation.authority.country.alpha2 == "US"
    (source,) = designation.sources
    assert source.title == "OFAC sdnList (sdn.xml)"
    assert str(source.published) == "2024-05-24"
    assert all(d.sources[0] is source for d in ds.designations)
    assert all(d.authority is designation.authority for d in ds.designations)


def test_non_sdn_entries_outside_the_13599_list_are_not_asset_freezes() -> None:
    consolidated = load(OLD, name="consolidated.xml")
    measures = {d.entity_id: d.measures for d in consolidated.designations}
    assert measures["ofac-36006"] == (Measure.FINANCIAL_PROHIBITION,)


# --- problems ------------------------------------------------------------------------


def problems(ds: Dataset) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.record, p.field, p.value) for p in ds.problems]


def test_bad_values_are_problems_and_left_out(ds: Dataset) -> None:
    assert problems(ds) == [
        ("36001", "idCountry", "Atlantis"),
        ("36001", "dateOfBirth", "32 Jan 1961"),
        ("36002", "issueDate", "1960 to 1962"),
        ("36004", "imo", "IMO 9187628"),
        ("36004", "grossRegisteredTonnage", "many"),
        ("36007", "nationality", "Atlantis"),
        # The aircraft's operator is named, and no entry of the file has that name.
        ("36005", "Aircraft Operator", "MAHAN AIR"),
    ]
    assert all(p.file == "sdn.xml" for p in ds.problems)
    assert ds.get("ofac-36001").identifiers[1].country is None
    assert ds.get("ofac-36004").imo is None
    assert ds.get("ofac-36007").countries == ()


def test_a_bad_imo_check_digit_says_why(ds: Dataset) -> None:
    (problem,) = [p for p in ds.problems if p.field == "imo"]
    assert "check digit" in problem.message


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError) as caught:
        load(OLD, strict=True)
    problem = caught.value.problem
    assert (problem.file, problem.record, problem.field, problem.value) == (
        "sdn.xml",
        "36001",
        "idCountry",
        "Atlantis",
    )


def test_entries_without_uid_or_name_or_with_a_repeated_uid_are_rejected() -> None:
    ds = load(REJECTS, name="rejects.xml")
    assert ds.metadata["records_read"] == 5
    assert ds.metadata["records_returned"] == 2
    assert ds.metadata["records_rejected"] == 3
    assert [e.id for e in ds] == ["ofac-40003", "ofac-40005"]
    messages = " | ".join(p.message for p in ds.problems)
    for expected in ("without a uid", "without a name", "same uid", "unknown sdnType"):
        assert expected in messages


def test_an_unknown_sdn_type_is_read_as_an_organisation() -> None:
    assert isinstance(load(REJECTS).get("ofac-40005"), Organization)


def test_a_record_count_that_disagrees_is_a_problem() -> None:
    (problem,) = [p for p in load(REJECTS).problems if p.field == "Record_Count"]
    assert "6" in problem.message
    assert "5" in problem.message


def test_a_publish_date_not_month_first_is_a_problem() -> None:
    ds = load(REJECTS)
    assert "publish_date" not in ds.metadata
    assert ("Publish_Date", "2024-05-24") in [(p.field, p.value) for p in ds.problems]


# --- the real file -------------------------------------------------------------------

REAL = "ofac/consolidated-2018/consolidated.xml"


@pytest.fixture(scope="module")
def real() -> Dataset:
    return shared_dataset(REAL)  # parsed once per run, shared with the other modules


def test_real_count_equals_the_files_record_count_and_entries(real: Dataset) -> None:
    text = shared_file(REAL).read_text(encoding="utf-8")
    stated = re.search(r"<Record_Count>(\d+)</Record_Count>", text)
    assert stated is not None
    assert len(real) == int(stated.group(1)) == text.count("<sdnEntry>") == 639
    assert real.metadata["records_read"] == real.metadata["records_returned"] == 639
    assert real.metadata["publish_date"] == "2018-04-06"
    assert real.metadata["list"] == "OFAC Consolidated (non-SDN)"


def test_real_file_reads_without_problems_but_an_owner_named_by_its_alias(real: Dataset) -> None:
    # Five tankers' <vesselOwner>NITC</vesselOwner>: an a.k.a. of NATIONAL IRANIAN TANKER
    # COMPANY (uid 15117, in the file), not a primary name: no link, and one problem.
    (problem,) = real.problems
    found = (problem.code, problem.field, problem.value)
    assert found == ("link-not-in-file", "Vessel Owner", "NITC")
    assert problem.message.startswith("5 links (Vessel Owner)")
    assert real.metadata["relationships_unresolved"] == 5


def test_real_kinds(real: Dataset) -> None:
    assert (len(real.persons), len(real.organizations), len(real.vessels)) == (94, 471, 74)


def test_real_vessels_all_have_vessel_info_and_imo_numbers(real: Dataset) -> None:
    text = shared_file(REAL).read_text(encoding="utf-8")
    assert text.count("<vesselInfo>") == len(real.vessels) == 74
    imos = {vessel.imo for vessel in real.vessels}
    assert None not in imos
    assert len(imos) == 74
    mmsis = [vessel.mmsi for vessel in real.vessels if vessel.mmsi]
    assert len(mmsis) == 45


def test_real_vessel_shona_field_by_field(real: Dataset) -> None:
    ship = real.get("ofac-15036")
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.imo, ship.mmsi, ship.call_sign) == (
        "SHONA",
        "9187629",
        "572469210",
        "T2EU4",
    )
    assert (ship.vessel_type, ship.flag.alpha2, ship.tonnage) == (
        "Crude/Oil Products Tanker",
        "TZ",
        56068,
    )
    assert [c.alpha2 for c in ship.past_flags] == ["MT", "TV"]
    assert ship.past_names == ("ABADAN", "ALPHA")
    assert "(Linked To: NATIONAL IRANIAN TANKER COMPANY)" in ship.notes
    assert "tonnage (deadweight): 99144" in ship.notes
    designation = next(d for d in real.designations if d.entity_id == "ofac-15036")
    assert designation.programmes == ("IRAN",)
    assert designation.measures == (Measure.ASSET_FREEZE,)


def test_real_vtb_bank_field_by_field(real: Dataset) -> None:
    bank = real.get("ofac-17013")
    assert isinstance(bank, Organization)
    assert bank.name == "VTB BANK OAO"
    assert len(bank.aliases) == 10
    former = [a.name for a in bank.aliases if a.quality is AliasQuality.FORMER]
    assert former[0] == "VNESHTORGBANK"
    assert len(former) == 6
    numbers = {(i.scheme, i.value) for i in bank.identifiers}
    assert ("tax_id", "7702070139") in numbers
    assert ("registration", "1027739609391") in numbers
    assert ("swift_bic", "VTBRRUMM") in numbers
    assert ("registration", "00032520") in numbers
    assert [a.city for a in bank.addresses] == ["St. Petersburg", "Moscow", "Moscow"]
    assert bank.addresses[0].full == "29, Bolshaya Morskaya str., St. Petersburg, 190000, Russia"
    designation = next(d for d in real.designations if d.entity_id == "ofac-17013")
    assert designation.programmes == ("UKRAINE-EO13662",)
    assert designation.measures == (Measure.FINANCIAL_PROHIBITION,)
    assert designation.measure_notes == (
        "Executive Order 13662 Directive Determination - Subject to Directive 1",
    )


def test_real_export_development_bank_keeps_an_issue_date(real: Dataset) -> None:
    bank = real.get("ofac-11208")
    registration = next(i for i in bank.identifiers if i.scheme == "registration")
    assert (registration.value, registration.country.alpha2) == ("86936", "IR")
    assert str(registration.issued) == "1991-07-10"
    assert len(bank.addresses) == 5
    assert bank.notes[0] == "all offices worldwide"


def test_real_person_with_a_birth_date_range(real: Dataset) -> None:
    ranged = [
        person
        for person in real.persons
        if any(str(date) == "1961-01-01/1962-12-31" for date in person.birth_dates)
    ]
    assert len(ranged) == 1
    assert ranged[0].countries_with("nationality")[0].alpha2 == "IR"


# --- the issuing country of every id ------------------------------------------------------------

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "real" / "ofac"
EXCERPT = EXCERPT / "consolidated-2018-excerpt.xml"
# The real excerpt's vessel (uid 15036, SHONA) has these two ids, without idCountry.
_MMSI = "<idNumber>572469210</idNumber>"
_IMO = "<idNumber>IMO 9187629</idNumber>"
_ID_LIST = "<idList>"


def _vessel(*replacements: tuple[str, str]) -> tuple[Vessel, Dataset]:
    """The excerpt's vessel, its ids changed. OFAC's SDN file gives ids an idCountry
    where its CSV writes "Vessel Registration Identification IMO 9256860 (Russia)"."""
    text = EXCERPT.read_text(encoding="utf-8")
    start = text.index("<uid>15036</uid>")
    head, entry = text[:start], text[start:]
    for old, new in replacements:
        assert old in entry
        entry = entry.replace(old, new, 1)
    data = (head + entry).encode("utf-8")
    dataset = ofac_xml.read(io.BytesIO(data), name="sdn.xml", strict=False)
    vessel = dataset.get("ofac-15036")
    assert isinstance(vessel, Vessel)
    return vessel, dataset


def _registered(vessel: Vessel) -> list[str]:
    return [r.country.alpha2 for r in vessel.countries if r.role is CountryRoleKind.REGISTRATION]


def _numbers(vessel: Vessel) -> set[tuple[str, str, str | None]]:
    return {
        (i.scheme, i.value, i.country.alpha2 if i.country else None) for i in vessel.identifiers
    }


def _id(uid: int, id_type: str, number: str, country: str = "") -> str:
    where = f"<idCountry>{country}</idCountry>" if country else ""
    return (
        f"<id><uid>{uid}</uid><idType>{id_type}</idType><idNumber>{number}</idNumber>{where}</id>"
    )


def test_the_excerpts_vessel_has_its_imo_and_no_registration_country() -> None:
    vessel, _ = _vessel()
    assert (vessel.imo, vessel.mmsi) == ("9187629", "572469210")
    assert _registered(vessel) == []


def test_the_id_country_of_an_imo_number_is_the_ships_registration_country() -> None:
    vessel, dataset = _vessel((_IMO, _IMO + "<idCountry>Russia</idCountry>"))
    assert vessel.imo == "9187629"
    assert _registered(vessel) == ["RU"]
    assert not [p for p in dataset.problems if p.field == "idCountry"]


def test_a_second_imo_and_mmsi_keep_their_id_countries() -> None:
    # Two ids before the excerpt's own, which become the ship's second IMO and MMSI.
    first = _id(1, "Vessel Registration Identification", "IMO 9256860") + _id(
        2, "MMSI", "273347030"
    )
    vessel, _ = _vessel(
        (_ID_LIST, _ID_LIST + first),
        (_MMSI, _MMSI + "<idCountry>Panama</idCountry>"),
        (_IMO, _IMO + "<idCountry>Russia</idCountry>"),
    )
    assert (vessel.imo, vessel.mmsi) == ("9256860", "273347030")
    assert {("imo", "9187629", "RU"), ("mmsi", "572469210", "PA")} <= _numbers(vessel)


def test_a_national_registration_number_is_an_identifier_with_its_country() -> None:
    # "Vessel Registration Identification RS 150443 (Russia)" in OFAC's CSV: not an IMO.
    registration = _id(1, "Vessel Registration Identification", "RS 150443", "Russia")
    vessel, dataset = _vessel((_ID_LIST, _ID_LIST + registration))
    assert ("registration", "RS 150443", "RU") in _numbers(vessel)
    assert vessel.imo == "9187629"
    assert not [p for p in dataset.problems if p.record == "15036" and "link" not in p.code]


def test_an_id_country_that_a_field_has_no_place_for_is_a_problem() -> None:
    # The ship's (first) MMSI is a field; the MMSI's own digits say its country.
    vessel, dataset = _vessel((_MMSI, _MMSI + "<idCountry>Panama</idCountry>"))
    assert vessel.mmsi == "572469210"
    (problem,) = [p for p in dataset.problems if p.field == "idCountry"]
    assert (problem.record, problem.value, problem.code) == ("15036", "Panama", "unread-value")


def test_real_file_every_id_keeps_its_id_country(real: Dataset) -> None:
    # Counted with ElementTree: 199 <id> carry an idCountry (Registration ID 99, Tax ID No. 42,
    # Government Gazette Number 30, Passport 14, UK Company Number 9, five others once); none
    # of the 74 "Vessel Registration Identification" ids of this file has one.
    with_country: list[tuple[str, str, str, str]] = []
    registrations = 0
    for entry in ET.parse(shared_file(REAL)).getroot():
        if not entry.tag.endswith("sdnEntry"):
            continue
        uid = entry.findtext("{*}uid", "")
        for item in entry.iterfind("{*}idList/{*}id"):
            id_type = item.findtext("{*}idType", "")
            registrations += id_type == "Vessel Registration Identification"
            if item.findtext("{*}idCountry"):
                number, country = (
                    item.findtext("{*}idNumber", ""),
                    item.findtext("{*}idCountry", ""),
                )
                with_country.append((uid, id_type, number.strip(), country.strip()))
    assert (len(with_country), registrations) == (199, 74)
    kinds = Counter(id_type for _, id_type, _, _ in with_country)
    assert kinds.most_common(5) == [
        ("Registration ID", 99),
        ("Tax ID No.", 42),
        ("Government Gazette Number", 30),
        ("Passport", 14),
        ("UK Company Number", 9),
    ]
    for uid, id_type, number, country in with_country:
        entity = real.get(f"ofac-{uid}")
        found = [i.country for i in entity.identifiers if i.value == number]
        assert parse_country(country) in found, (uid, id_type, number, country)
