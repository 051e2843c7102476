"""The UK Sanctions List XML reader on a real excerpt of the FCDO's file of 14 August 2026.

``tests/data/real/uk_sl/UK-Sanctions-List-2026-08-14-excerpt.xml`` is four whole
``Designation`` records of the official file with its prolog, root and
``DateGenerated`` (provenance in tests/data/real/README.md). The expected values
below are read off the excerpt's text; the counts come from ElementTree over the
same bytes, not from the reader.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.formats import uk_sl
from sanctionkit.model import (
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Entity,
    Measure,
    Organization,
    Person,
    Vessel,
)

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "uk_sl"
EXCERPT = REAL / "UK-Sanctions-List-2026-08-14-excerpt.xml"
ROOT = ET.parse(EXCERPT).getroot()


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return sk.load(EXCERPT)


def entity(ds: Dataset, entity_id: str, cls: type[Entity]) -> Entity:
    found = ds.get(entity_id)
    assert isinstance(found, cls), found
    return found


def test_counts_are_those_elementtree_counts(ds: Dataset) -> None:
    designations = ROOT.findall("Designation")
    assert len(designations) == 4  # AFG0011, AQD0128, AQD0377, DPR0075
    assert ds.metadata["format"] == "uk-sl-xml"
    assert ds.metadata["records_read"] == len(designations)
    assert ds.metadata["records_returned"] == len(ds) == len(ds.designations) == 4
    assert ds.metadata["records_rejected"] == 0
    assert ds.metadata["publish_date"] == "2026-08-14"  # <DateGenerated>14/08/2026
    # Every Name but each record's Primary Name, and every non-Latin name, is an alias
    # (no record has two names alike).
    names = len(ROOT.findall("Designation/Names/Name"))
    non_latin = len(ROOT.findall("Designation/NonLatinNames/NonLatinName"))
    assert (names, non_latin) == (14, 3)
    assert sum(len(e.aliases) for e in ds) == names - len(designations) + non_latin


def test_every_element_of_the_real_file_is_mapped(ds: Dataset) -> None:
    """Each element the real file uses is in the reader's tables: none is left to chance."""
    known = set(uk_sl.LEAVES) | set(uk_sl.GROUPS) | set(uk_sl.WRAPPERS)
    known |= {tag for _, fields in uk_sl.GROUPS.values() for tag in fields}
    known |= {"Designation", "DateGenerated", uk_sl.INDICATORS}
    indicators = {flag.tag for flag in ROOT.iter(uk_sl.INDICATORS) for flag in flag}
    assert len(indicators) == 15  # AssetFreeze ... DirectorDisqualificationSanction
    assert {element.tag for element in ROOT.iter()} - {ROOT.tag} - indicators <= known
    assert ds.problems == ()


def test_strict_mode_reads_the_real_file_as_lenient_mode_does(ds: Dataset) -> None:
    assert sk.load(EXCERPT, strict=True) == ds


def test_an_individual_with_repeated_and_partial_dates_of_birth(ds: Dataset) -> None:
    person = entity(ds, "uk-sl-afg0011", Person)
    assert isinstance(person, Person)
    assert person.name == "ABDUL LATIF MANSUR"
    assert [(a.name, a.quality) for a in person.aliases[:2]] == [
        ("Abdul Latif MANSOOR", AliasQuality.STRONG),  # Good quality a.k.a
        ("Wali MOHAMMAD", AliasQuality.STRONG),
    ]
    assert (person.aliases[2].name, person.aliases[2].script) == ("عبد اللطيف منصور", "Arab")
    # <DOB>dd/mm/1968</DOB>, then 12/11/1967 twice: one date of birth each.
    assert [born.isoformat() for born in person.birth_dates] == ["1968", "1967-11-12"]
    passports = [(i.value, i.note) for i in person.identifiers if i.scheme == "passport"]
    assert [number for number, _ in passports] == ["D0009720", "D0010442"]  # " D0009720"
    assert passports[1][1] == (
        "Afghanistan diplomatic passport D0010442, issued on 13 Nov. 2024, expires 13 Nov. 2029"
    )
    assert person.positions == (
        "Maulavi",  # a Title
        "Minister of Agriculture under the previous Taliban regime (1996-2001)",
    )
    assert [place.full for place in person.birth_places] == [
        "Zurmat District, Paktia Province, Afghanistan",
        "Garda Saray District, Paktia Province, Afghanistan",
        "Afghanistan",
    ]
    assert [a.full for a in person.addresses] == ["Darul Aman, Kabul, Afghanistan"]
    assert [c.alpha2 for c in person.countries_with(CountryRoleKind.NATIONALITY)] == ["AF"]
    designation = ds.designations_of("uk-sl-afg0011")[0]
    assert str(designation.listed) == "2001-01-31"
    assert designation.programmes == ("The Afghanistan (Sanctions) (EU Exit) Regulations 2020",)
    assert designation.measures == (Measure.ASSET_FREEZE, Measure.TRAVEL_BAN)
    assert designation.reasons == ()  # <UKStatementofReasons> holds only a line break


def test_a_lower_case_primary_name_and_weak_aliases(ds: Dataset) -> None:
    person = entity(ds, "uk-sl-aqd0128", Person)
    assert person.name == "AKRAM TURKI HISHAN AL-MAZIDIH"  # NameType "Primary name"
    weak = [a.name for a in person.aliases if a.quality is AliasQuality.WEAK]
    assert weak == ["Abu Akram", "Abu Jarrah"]  # Low quality a.k.a
    ids = {(i.scheme, i.value, i.note) for i in person.identifiers}
    assert ("national_id", "0075258", "Ration card no.") in ids  # its leading zero kept
    assert ("un_reference", "QDi.276", None) in ids
    assert isinstance(person, Person)
    assert [born.isoformat() for born in person.birth_dates] == ["1974", "1975", "1979"]
    measures = ds.designations_of("uk-sl-aqd0128")[0].measures
    assert measures == (Measure.ASSET_FREEZE, Measure.ARMS_EMBARGO, Measure.TRAVEL_BAN)


def test_an_entity(ds: Dataset) -> None:
    group = entity(ds, "uk-sl-aqd0377", Organization)
    assert isinstance(group, Organization)
    assert group.name == "Khatiba al-Tawhid wal-Jihad (KTJ)"
    assert group.kind == "Terrorist Group"  # "Terrorist Group " in the file
    assert "Jannat Oshiklari" in [a.name for a in group.aliases]
    assert str(ds.designations_of("uk-sl-aqd0377")[0].listed) == "2022-03-07"


def test_a_ship_without_group_id_and_its_owner_as_a_note(ds: Dataset) -> None:
    ship = entity(ds, "uk-sl-dpr0075", Vessel)
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.imo, ship.vessel_type) == ("Petrel 8", "9562233", "Bulk Carrier")
    assert ship.flag is not None
    assert ship.flag.alpha2 == "KM"  # Comoros
    assert [flag.alpha2 for flag in ship.past_flags] == ["IN"]
    assert (ship.tonnage, ship.build_year) == (7078, 2011)
    assert [i.scheme for i in ship.identifiers] == ["uk_sanctions_list_ref"]
    # The owner is a company's name in words, not a designation's UniqueID: a note.
    assert "Current owner/operator: Global United Shipping India" in ship.notes
    assert (ship.owner_id, ship.operator_id) == (None, None)
    assert ds.relationships == ()
    assert ds.designations_of("uk-sl-dpr0075")[0].measures == (Measure.PORT_ENTRY_BAN,)
