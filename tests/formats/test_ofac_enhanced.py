"""The OFAC enhanced XML reader (``sanctionsData``): fixtures first, then the real file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import ofac_enhanced
from sanctionkit.model import (
    Aircraft,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Gender,
    LegalBasisKind,
    Measure,
    Organization,
    Person,
    Problem,
    Vessel,
)
from sanctionkit.values.dates import DateRange, PartialDate
from tests.conftest import shared_file

DATA = Path(__file__).resolve().parents[1] / "data" / "ofac_enhanced"
FIXTURE = DATA / "enhanced.xml"
REJECTS = DATA / "rejects.xml"
REAL = "ofac/enhanced-2024/IRGC_sanctions.xml"
NS = "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML}"


def load(path: Path, *, strict: bool = False) -> Dataset:
    return ofac_enhanced.read(path, name=path.name, strict=strict)


def read_problems(ds: Dataset) -> list[Problem]:
    """The problems other than links to entries the file does not hold (tested on their own)."""
    return [problem for problem in ds.problems if problem.code != "link-not-in-file"]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load(FIXTURE)


# --- sniffing -------------------------------------------------------------------------


def test_sniff_recognises_the_enhanced_root() -> None:
    assert ofac_enhanced.sniff(FIXTURE.read_bytes()[:4096])


def test_sniff_refuses_the_classic_list() -> None:
    assert not ofac_enhanced.sniff(b'<?xml version="1.0"?><sdnList xmlns="urn:x">')


# --- header and counts ----------------------------------------------------------------


def test_the_publication_info_becomes_metadata(ds: Dataset) -> None:
    assert ds.metadata["publish_date"] == "2024-08-28"
    assert ds.metadata["format"] == "ofac-enhanced-xml"
    assert ds.metadata["programmes"] == "IRGC"
    assert ds.metadata["list"] == "OFAC Sanctions List Service (IRGC)"


def test_counts_add_up(ds: Dataset) -> None:
    assert ds.metadata["records_read"] == 5
    assert ds.metadata["records_returned"] == 5
    assert ds.metadata["records_rejected"] == 0
    assert len(ds) == len(ds.designations) == 5


def test_the_fixture_reads_without_problems(ds: Dataset) -> None:
    assert not read_problems(ds)


def test_entity_types_become_entity_kinds(ds: Dataset) -> None:
    kinds = {entity.id: type(entity) for entity in ds}
    assert kinds == {
        "ofac-12057": Person,
        "ofac-48662": Organization,
        "ofac-9702": Vessel,
        "ofac-24475": Aircraft,
        "ofac-18150": Aircraft,
    }


def test_the_source_is_the_file_with_its_date(ds: Dataset) -> None:
    source = ds.get("ofac-12057").sources[0]
    assert source.published == PartialDate(2024, 8, 28)
    assert source.title == "OFAC Sanctions List Service, enhanced XML (enhanced.xml)"


# --- names ----------------------------------------------------------------------------


def test_a_person_is_named_first_then_last_with_the_list_form_as_alias(ds: Dataset) -> None:
    person = ds.get("ofac-12057")
    assert person.name == "Mohammad Reza NAQDI"
    assert person.aliases[0].name == "NAQDI, Mohammad Reza"


def test_other_scripts_become_aliases_without_direction_marks(ds: Dataset) -> None:
    arabic = [alias for alias in ds.get("ofac-12057").aliases if alias.script == "Arab"]
    assert [alias.name for alias in arabic] == ["محمد رضا نقدی"]


def test_low_quality_names_are_weak_aliases(ds: Dataset) -> None:
    qualities = {alias.name: alias.quality for alias in ds.get("ofac-12057").aliases}
    assert qualities["Gholamreza NAQDI"] is AliasQuality.WEAK
    assert qualities["Mohammad Reza NAGHDI"] is AliasQuality.STRONG


def test_fka_names_are_former_and_a_vessels_past_names(ds: Dataset) -> None:
    assert ds.get("ofac-48662").aliases[0].quality is AliasQuality.FORMER
    assert ds.get("ofac-9702").past_names == ("IRAN KOLAHDOOZ",)


# --- features -------------------------------------------------------------------------


def test_birthdates_keep_ranges_months_and_approximation(ds: Dataset) -> None:
    dates = ds.get("ofac-12057").birth_dates
    assert dates[0] == DateRange(PartialDate(1951), PartialDate(1953))
    assert dates[1] == PartialDate(1961, 4)
    assert dates[2] == PartialDate(1957, approximate=True)


def test_countries_come_from_the_reference_table(ds: Dataset) -> None:
    person = ds.get("ofac-12057")
    assert [c.alpha2 for c in person.countries_with(CountryRoleKind.NATIONALITY)] == ["IR"]
    # Kosovo has no isoCode in OFAC's table: its name is read instead.
    assert [c.alpha2 for c in person.countries_with(CountryRoleKind.CITIZENSHIP)] == ["XK"]


def test_person_features(ds: Dataset) -> None:
    person = ds.get("ofac-12057")
    assert person.gender is Gender.MALE
    assert person.birth_places[0].full == "Najaf, Iraq"
    assert person.birth_places[0].country.alpha2 == "IQ"
    assert person.positions == ("Brigadier General", "Commander of the Basij")
    assert "Head of the Basij" in person.notes


def test_a_range_of_establishment_is_a_note_not_a_problem(ds: Dataset) -> None:
    organization = ds.get("ofac-48662")
    assert organization.incorporated is None
    assert "Organization Established Date: 2015-03-21/2016-03-19" in organization.notes


def test_organisation_features(ds: Dataset) -> None:
    organization = ds.get("ofac-48662")
    assert organization.kind == "Other information technology and computer service activities"
    assert "Website: https://daa.computer/" in organization.notes
    wallet = next(i for i in organization.identifiers if i.note.startswith("Digital"))
    assert (wallet.scheme, wallet.value) == ("crypto_wallet", "1AbCdEfGhJkLmNoPqRsTuVwXyZ123456")


def test_addresses_join_their_parts_in_order(ds: Dataset) -> None:
    address = ds.get("ofac-48662").addresses[0]
    assert address.full == "No. 15, Sanaei St., Tehran, 1581744511, Iran"
    assert (address.city, address.country.alpha2) == ("Tehran", "IR")
    assert ds.get("ofac-12057").addresses[0].full == "Iran"  # the empty one is left out


def test_vessel_features_and_documents(ds: Dataset) -> None:
    ship = ds.get("ofac-9702")
    assert (ship.imo, ship.mmsi, ship.call_sign) == ("9187629", "445123000", "9HOR9")
    assert (ship.flag.alpha2, [c.alpha2 for c in ship.past_flags]) == ("KP", ["SY"])
    assert (ship.vessel_type, ship.tonnage, ship.build_year) == ("Container Ship", 9957, 1999)
    assert "tonnage (deadweight): 13,000" in ship.notes


def test_an_aircraft_is_registered_under_its_name(ds: Dataset) -> None:
    plane = ds.get("ofac-24475")
    assert (plane.registration, plane.serial_number, plane.model) == ("EP-PUL", "33448393", "IL-76")
    assert "Aircraft Manufacture Date: 1983" in plane.notes


def test_an_operator_the_file_does_not_hold_is_a_note_not_a_link(ds: Dataset) -> None:
    plane = ds.get("ofac-24475")
    assert plane.operator_id is None
    assert "Aircraft Operator: Pouya Air" in plane.notes
    assert "Owned or Controlled By: POUYA AIR (ofac-13109)" in plane.notes


def test_a_tail_number_feature_wins_over_a_name_that_is_not_one(ds: Dataset) -> None:
    plane = ds.get("ofac-18150")
    assert plane.registration == "EP-MMH"
    assert "Previous Aircraft Tail Number: YI-NAE" in plane.notes


# --- documents and relationships ------------------------------------------------------


def test_identity_documents_become_identifiers(ds: Dataset) -> None:
    passport, cancelled, national = ds.get("ofac-12057").identifiers
    assert (passport.scheme, passport.value, passport.country.alpha2) == (
        "passport",
        "G9333110",
        "IR",
    )
    assert (passport.issued, passport.expires) == (PartialDate(2014, 3, 3), PartialDate(2019, 3, 3))
    assert cancelled.note == "Passport (not valid), issued in Tehran"
    assert (national.scheme, national.country) == ("national_id", None)


def test_relationships_are_notes_naming_the_related_id(ds: Dataset) -> None:
    assert (
        "Leader or official of: BASIJ RESISTANCE FORCE (ofac-13160)" in ds.get("ofac-12057").notes
    )


# --- designations ---------------------------------------------------------------------


def test_the_designation_has_the_listing_date_and_programmes(ds: Dataset) -> None:
    designation = next(d for d in ds.designations if d.entity_id == "ofac-12057")
    assert designation.authority_ref == "12057"
    assert designation.listed == PartialDate(2007, 10, 25)
    assert designation.programmes == ("IRGC", "SDGT")
    assert designation.measures == (Measure.ASSET_FREEZE,)
    assert designation.measure_notes == (
        "Additional Sanctions Information - Subject to Secondary Sanctions",
    )


def test_executive_orders_and_acts_become_legal_basis(ds: Dataset) -> None:
    designation = next(d for d in ds.designations if d.entity_id == "ofac-12057")
    order, act = designation.legal_basis
    assert (order.kind, order.number) == (LegalBasisKind.EXECUTIVE_ORDER, "13224")
    assert (act.kind, act.title) == (LegalBasisKind.NATIONAL_ACT, "TRA")


def test_the_earliest_of_several_lists_is_the_listing_date(ds: Dataset) -> None:
    designation = next(d for d in ds.designations if d.entity_id == "ofac-48662")
    assert designation.listed == PartialDate(2023, 6, 1)
    assert "on the Consolidated List" in designation.measure_notes
    assert designation.legal_basis[0].kind is LegalBasisKind.REGULATION


def test_sanctions_types_short_of_blocking_are_kept_with_a_note(ds: Dataset) -> None:
    designation = next(d for d in ds.designations if d.entity_id == "ofac-9702")
    assert designation.measures == (Measure.ASSET_FREEZE, Measure.FINANCIAL_PROHIBITION)
    assert "sanctions type: Reject" in designation.measure_notes


# --- problems and rejects -------------------------------------------------------------


def test_rejected_entities_are_counted_and_the_counts_add_up() -> None:
    rejects = load(REJECTS)
    assert rejects.metadata["records_read"] == 6
    assert rejects.metadata["records_returned"] == 3
    assert rejects.metadata["records_rejected"] == 3
    messages = [problem.message for problem in rejects.problems]
    assert "entity without an id" in messages
    assert "a second entity with the same id" in messages
    assert "entity without a primary name" in messages


def test_bad_values_are_left_out_with_a_problem() -> None:
    rejects = load(REJECTS)
    ship = rejects.get("ofac-10")
    assert ship.imo is None
    assert ship.flag is None
    fields = {problem.field for problem in rejects.problems if problem.record == "10"}
    assert {"imo", "Vessel Flag", "Birthdate"} <= fields
    assert isinstance(rejects.get("ofac-7"), Organization)


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError, match="entity without an id"):
        load(REJECTS, strict=True)


def test_the_same_file_gives_the_same_ids() -> None:
    assert [e.id for e in load(FIXTURE)] == [e.id for e in load(FIXTURE)]


# --- the real file --------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[Dataset, ET.Element]:
    path = shared_file(REAL)
    return ofac_enhanced.read(path, name=path.name, strict=False), ET.parse(path).getroot()


def _entities(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{NS}entities/{NS}entity")


def test_every_entity_of_the_real_file_is_read(real: tuple[Dataset, ET.Element]) -> None:
    ds, root = real
    raw = shared_file(REAL).read_bytes()
    assert len(re.findall(rb"<entity id=", raw)) == len(_entities(root)) == 293
    assert len(ds) == len(ds.designations) == 293
    assert ds.metadata["records_rejected"] == 0
    assert ds.metadata["publish_date"] == "2024-08-28"


def test_the_real_file_reads_without_problems(real: tuple[Dataset, ET.Element]) -> None:
    assert not read_problems(real[0])


def test_kinds_match_the_entity_types_of_the_real_file(real: tuple[Dataset, ET.Element]) -> None:
    ds, root = real
    types = [e.find(f"{NS}generalInfo/{NS}entityType").text for e in _entities(root)]
    assert sum(isinstance(e, Person) for e in ds) == types.count("Individual") == 165
    assert sum(isinstance(e, Organization) for e in ds) == types.count("Entity") == 84
    assert sum(isinstance(e, Aircraft) for e in ds) == types.count("Aircraft") == 44


def test_the_44_aircraft_have_their_tail_numbers_and_msns(
    real: tuple[Dataset, ET.Element],
) -> None:
    ds, root = real
    expected = {}
    for entity in _entities(root):
        if entity.find(f"{NS}generalInfo/{NS}entityType").text != "Aircraft":
            continue
        name = entity.find(f".//{NS}formattedFullName").text
        msn = next(
            f.find(f"{NS}value").text
            for f in entity.iter(f"{NS}feature")
            if "Serial Number (MSN)" in f.find(f"{NS}type").text
        )
        expected[f"ofac-{entity.get('id')}"] = (name, msn)
    found = {e.id: (e.registration, e.serial_number) for e in ds if isinstance(e, Aircraft)}
    assert len(found) == 44
    assert found == expected
    assert found["ofac-15763"] == ("YK-AKF", "1117")


def test_listing_dates_are_the_published_dates(real: tuple[Dataset, ET.Element]) -> None:
    ds, root = real
    published = {
        f"ofac-{e.get('id')}": e.find(f"{NS}sanctionsLists/{NS}sanctionsList").get("datePublished")
        for e in _entities(root)
    }
    listed = {d.entity_id: d.listed.isoformat() for d in ds.designations}
    assert listed == published


def test_a_real_person_field_by_field(real: tuple[Dataset, ET.Element]) -> None:
    ds, _ = real
    person = ds.get("ofac-12057")  # NAQDI, Mohammad Reza, in the file
    assert person.name == "Mohammad Reza NAQDI"
    assert person.birth_dates[:2] == (
        DateRange(PartialDate(1951), PartialDate(1953)),
        DateRange(PartialDate(1960), PartialDate(1962)),
    )
    assert [p.full for p in person.birth_places] == ["Najaf, Iraq", "Tehran, Iran"]
    assert person.gender is Gender.MALE
    assert [c.alpha2 for c in person.countries_with("nationality")] == ["IR"]


def test_a_real_aircraft_field_by_field(real: tuple[Dataset, ET.Element]) -> None:
    ds, _ = real
    plane = ds.get("ofac-24475")
    assert (plane.name, plane.registration, plane.serial_number) == ("EP-PUL", "EP-PUL", "33448393")
    assert (plane.model, plane.operator_id) == ("IL-76", "ofac-13109")
    designation = next(d for d in ds.designations if d.entity_id == "ofac-24475")
    assert designation.listed == PartialDate(2018, 5, 24)
    assert designation.programmes == ("IFSR", "IRGC", "SDGT")
    assert [str(basis) for basis in designation.legal_basis] == ["Executive Order 13224"]


def test_a_real_passport_field_by_field(real: tuple[Dataset, ET.Element]) -> None:
    ds, _ = real
    passport = ds.get("ofac-26123").identifiers[0]  # SAJJAD, Rasoul
    assert (passport.scheme, passport.value, passport.country.alpha2) == (
        "passport",
        "G9333110",
        "IR",
    )
    assert (passport.issued, passport.expires) == (PartialDate(2014, 3, 3), PartialDate(2019, 3, 3))


def test_enhanced_ids_are_the_classic_uids(real: tuple[Dataset, ET.Element]) -> None:
    # The legacy CSV of May 2024 lists the same aircraft under the same number.
    csv = shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv").read_text(encoding="latin-1")
    assert '24475,"EP-PUL","aircraft"' in csv
    assert '15763,"YK-AKF","aircraft"' in csv
    assert real[0].get("ofac-24475").name == "EP-PUL"


# --- reliability, target type, relationships -------------------------------------------

EXCERPT = Path(__file__).resolve().parents[1] / "data/real/ofac_enhanced"
EXCERPT_FILE = EXCERPT / "IRGC_sanctions-2024-excerpt.xml"
# Ebrahimi's Birthdate feature in the real excerpt (entity 26526): "1972", no reliability.
# The file's lines end with CR LF, as OFAC writes them.
_BIRTHDATE = b'<value>1972</value>\r\n          <valueDate id="41379">'
_PRIMARY = b"<isPrimary>true</isPrimary>\r\n"


def _with_reliability(tmp_path: Path, ref_id: str, text: str) -> Path:
    """The real excerpt, Ebrahimi's birth date given a reliability where the real file puts it."""
    data = EXCERPT_FILE.read_bytes()
    end = data.index(_PRIMARY, data.index(_BIRTHDATE)) + len(_PRIMARY)
    reliability = f'          <reliability refId="{ref_id}">{text}</reliability>\r\n'.encode()
    path = tmp_path / "IRGC_sanctions-2024-excerpt.xml"
    path.write_bytes(data[:end] + reliability + data[end:])
    return path


def test_the_reference_table_names_the_three_reliabilities() -> None:
    # The header of the real file (kept whole in the excerpt): 1560, 1561 and 91479.
    text = EXCERPT_FILE.read_bytes().decode("utf-8")
    for ref_id, value in (("1560", "Confirmed"), ("1561", "False"), ("91479", "Reported")):
        assert (
            f'<referenceValue refId="{ref_id}">\r\n      <type>RELIABILITY</type>\r\n'
            f"      <value>{value}</value>" in text
        )


def test_a_feature_marked_false_is_a_note_and_a_problem_not_a_fact(tmp_path: Path) -> None:
    ds = load(_with_reliability(tmp_path, "1561", "False"))
    ebrahimi = ds.get("ofac-26526")
    assert ebrahimi.birth_dates == ()
    assert "Birthdate (marked false by OFAC): 1972" in ebrahimi.notes
    found = [(p.record, p.field, p.value) for p in read_problems(ds)]
    assert found == [("26526", "Birthdate", "1972")]
    with pytest.raises(ReadError, match="false"):
        load(_with_reliability(tmp_path, "1561", "False"), strict=True)


def test_a_confirmed_feature_is_a_fact_without_a_note(tmp_path: Path) -> None:
    ds = load(_with_reliability(tmp_path, "1560", "Confirmed"))
    ebrahimi = ds.get("ofac-26526")
    assert ebrahimi.birth_dates == (PartialDate(1972),)
    assert not [note for note in ebrahimi.notes if "1972" in note]
    assert read_problems(ds) == []


def test_an_unknown_reliability_is_a_problem_and_the_fact_is_kept(tmp_path: Path) -> None:
    ds = load(_with_reliability(tmp_path, "99999", "Rumoured"))
    ebrahimi = ds.get("ofac-26526")
    assert ebrahimi.birth_dates == (PartialDate(1972),)
    assert "Birthdate 1972: reliability Rumoured" in ebrahimi.notes
    assert [p.field for p in read_problems(ds)] == ["Birthdate"]


def test_a_reported_feature_is_a_fact_with_a_note() -> None:
    # Entity 34084 of the real file: <value>1982</value> ... <reliability refId="91479">.
    ds = load(EXCERPT_FILE)
    person = ds.get("ofac-34084")
    assert PartialDate(1982) in person.birth_dates
    assert "Birthdate 1982: reliability Reported" in person.notes


def test_a_target_type_is_the_organisations_kind() -> None:
    # Entity 37957: <type>Target Type</type><value>Private Company</value> and
    # <type>Organization Type:</type><value>Other information technology ...</value>.
    organization = load(EXCERPT_FILE).get("ofac-37957")
    assert organization.kind == "Private Company"
    assert (
        "Organization Type: Other information technology and computer service activities"
        in organization.notes
    )


def test_real_file_reliabilities_and_target_types(real: tuple[Dataset, ET.Element]) -> None:
    ds, root = real
    plain: dict[str, int] = {}
    for element in root.iter(f"{NS}reliability"):
        plain[element.text or ""] = plain.get(element.text or "", 0) + 1
    assert plain == {"Confirmed": 244, "Reported": 2}  # no feature of this file is "False"
    reported = [n for e in ds.entities for n in e.notes if n.endswith("reliability Reported")]
    assert sorted(reported) == [
        "Birthdate 1959: reliability Reported",
        "Birthdate 1982: reliability Reported",
    ]
    kinds = {e.id: e.kind for e in ds.entities if isinstance(e, Organization) and e.kind}
    assert kinds["ofac-37957"] == kinds["ofac-37877"] == "Private Company"


def test_real_file_every_relationship_is_a_note_naming_the_other_id(
    real: tuple[Dataset, ET.Element],
) -> None:
    ds, root = real
    plain: dict[str, int] = {}
    for element in root.iter(f"{NS}relationship"):
        kind = element.find(f"{NS}type").text or ""  # type: ignore[union-attr]
        plain[kind] = plain.get(kind, 0) + 1
    assert plain["Acting for or on behalf of"] == 112
    assert plain["Owned or Controlled By"] == 67
    for kind, count in plain.items():
        notes = [
            note
            for entity in ds.entities
            for note in entity.notes
            # "Acting for or on behalf of: ANSAR BANK (ofac-12478)"; 8 relatedEntity
            # elements have an id but no name: "...: (ofac-44926)".
            if re.fullmatch(rf"{re.escape(kind)}: (.* )?\(ofac-\d+\)", note)
        ]
        assert len(notes) == count, kind
