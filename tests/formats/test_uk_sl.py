"""The FCDO's UK Sanctions List readers (XML and CSV) on fixtures in the list's layout.

The real layout is tested on a real excerpt of the XML in test_uk_sl_real.py;
no real copy of the CSV could be found (see tests/data/uk_sl/README.md). The
fixtures here are hand-made in the list's layout, three designations written
once as XML and once as CSV, plus a file of edge cases. Expected values are the fixtures'
own text; counts are made with a plain parser (ElementTree, the csv module).
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

import sanctionkit as sk
from sanctionkit.errors import ReadError
from sanctionkit.formats import READERS, reader, uk_conlist, uk_sl, uk_sl_csv
from sanctionkit.model import (
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Entity,
    Gender,
    Measure,
    Organization,
    Person,
    Vessel,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "uk_sl"
SMALL_XML = DATA / "UK-Sanctions-List-small.xml"
SMALL_CSV = DATA / "UK-Sanctions-List-small.csv"
EDGES = DATA / "UK-Sanctions-List-edges.xml"


@pytest.fixture(scope="module")
def xml_ds() -> Dataset:
    return sk.load(SMALL_XML)


@pytest.fixture(scope="module")
def csv_ds() -> Dataset:
    return sk.load(SMALL_CSV)


@pytest.fixture(scope="module")
def edges() -> Dataset:
    return sk.load(EDGES)


def entity(ds: Dataset, entity_id: str, cls: type[Entity]) -> Entity:
    found = ds.get(entity_id)
    assert isinstance(found, cls), found
    return found


def designation_elements(path: Path) -> int:
    """Every record element under the root, counted by ElementTree, not by the reader."""
    return len(list(ET.parse(path).getroot())) - 1  # less the DateGenerated header


def csv_unique_ids(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as file:
        lines = list(csv.reader(file))
    return len({row[1] for row in lines[2:] if row})


@pytest.mark.parametrize(
    ("path", "count", "returned", "fmt"),
    [
        (SMALL_XML, designation_elements(SMALL_XML), 3, "uk-sl-xml"),
        (EDGES, designation_elements(EDGES), 3, "uk-sl-xml"),
        (SMALL_CSV, csv_unique_ids(SMALL_CSV), 3, "uk-sl-csv"),
    ],
)
def test_counts_add_up_to_the_records_a_plain_parser_counts(
    path: Path, count: int, returned: int, fmt: str
) -> None:
    ds = sk.load(path)
    meta = ds.metadata
    assert meta["format"] == fmt
    assert meta["records_read"] == count
    assert meta["records_returned"] == returned == len(ds.designations) == len(ds)
    assert meta["records_read"] == meta["records_returned"] + meta["records_rejected"]


@pytest.mark.parametrize(("path", "fmt"), [(SMALL_XML, "uk-sl-xml"), (SMALL_CSV, "uk-sl-csv")])
def test_load_detects_the_format_by_content_not_by_name(path: Path, fmt: str) -> None:
    stream = io.BytesIO(path.read_bytes())
    stream.name = "download.dat"
    assert sk.load(stream).metadata["format"] == fmt
    head = path.read_bytes()[:4096]
    assert [name for name in READERS if reader(name)[0](head)] == [fmt]


def test_the_two_uk_csv_layouts_are_told_apart() -> None:
    conlist = (DATA.parent / "uk" / "ConList.csv").read_bytes()[:4096]
    sl = SMALL_CSV.read_bytes()[:4096]
    assert uk_conlist.sniff(conlist)
    assert not uk_sl_csv.sniff(conlist)
    assert uk_sl_csv.sniff(sl)
    assert not uk_conlist.sniff(sl)


def test_an_individual(xml_ds: Dataset) -> None:
    person = entity(xml_ds, "uk-sl-afg0006", Person)
    assert isinstance(person, Person)
    assert person.name == "MOHAMMAD HASSAN AKHUND"  # Name1 Name2, then Name6
    assert [(a.name, a.quality) for a in person.aliases[:3]] == [
        ("Mohammad Hassan Akhund", AliasQuality.STRONG),  # Primary name variation
        ("Haji Mohammad Hassan", AliasQuality.STRONG),  # Good quality a.k.a
        ("Mullah Hassan", AliasQuality.WEAK),  # "ALias", Low quality a.k.a
    ]
    arabic = person.aliases[3]
    assert (arabic.name, arabic.script, arabic.language) == ("محمد حسن آخوند", "Arab", "ar")
    # dd/mm/1945 is the year 1945; dd/mm/yyyy says nothing and is left out.
    assert [born.isoformat() for born in person.birth_dates] == ["1945", "1946", "1958-03-01"]
    assert person.gender is Gender.MALE
    assert person.positions[0] == "Mullah"
    assert person.birth_places[0].country is not None
    assert person.birth_places[0].country.alpha2 == "AF"
    assert [c.alpha2 for c in person.countries_with(CountryRoleKind.NATIONALITY)] == ["AF"]
    ids = {(i.scheme, i.value, i.note) for i in person.identifiers}
    assert ("passport", "P04581926", "Afghanistan passport") in ids
    assert ("national_id", "1402-0105-4530", "Tazkira") in ids
    assert {("uk_group_id", "7172", None), ("un_reference", "TAi.002", None)} <= ids
    assert "A close associate of Mullah Mohammed Omar (TAi.004)." in person.notes


def test_an_individuals_designation(xml_ds: Dataset) -> None:
    designation = next(d for d in xml_ds.designations if d.entity_id == "uk-sl-afg0006")
    assert designation.authority_ref == "AFG0006"
    assert designation.authority.country is not None
    assert designation.authority.country.alpha2 == "GB"
    assert designation.listed is not None
    assert designation.listed.isoformat() == "2001-01-25"
    assert designation.programmes == ("The Afghanistan (Sanctions) (EU Exit) Regulations 2020",)
    assert designation.measures == (
        Measure.ASSET_FREEZE,
        Measure.TRAVEL_BAN,
        Measure.ARMS_EMBARGO,
    )
    assert designation.reasons == ()  # the element holds only a line break
    assert xml_ds.metadata["publish_date"] == "2026-09-02"


def test_an_entity(xml_ds: Dataset) -> None:
    org = entity(xml_ds, "uk-sl-afg0001", Organization)
    assert isinstance(org, Organization)
    assert org.kind == "Hawala"
    assert [i.value for i in org.registration_numbers] == ["044"]
    assert [a.full for a in org.addresses] == [
        "Chaman Central Bazaar, Chaman, Baluchistan Province, Pakistan",
        "Ansari Market, 2nd Floor, Nimroz Province, Afghanistan",
    ]
    assert [c.alpha2 for c in org.countries_with("location")] == ["PK", "AF"]
    assert {"Phone: +93-202-104748", "Subsidiary: Branch Office 14, Nimroz"} <= set(org.notes)
    designation = next(d for d in xml_ds.designations if d.entity_id == org.id)
    assert designation.reasons == ("Money service provider used by the Taliban leadership.",)


def test_a_ship(xml_ds: Dataset) -> None:
    ship = entity(xml_ds, "uk-sl-dpr0075", Vessel)
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.vessel_type, ship.tonnage, ship.build_year) == (
        "9562233",
        "Bulk Carrier",
        7078,
        2011,
    )
    assert ship.flag is not None
    assert ship.flag.alpha2 == "KM"
    assert [flag.alpha2 for flag in ship.past_flags] == ["IN"]
    assert "Current owner/operator: Global United Shipping India" in ship.notes
    assert "Length of ship: 110" in ship.notes
    designation = next(d for d in xml_ds.designations if d.entity_id == ship.id)
    assert designation.measures == (Measure.PORT_ENTRY_BAN, Measure.OTHER)
    assert designation.measure_notes == ("Deflag",)


def test_the_xml_and_the_csv_of_one_day_give_the_same_entities(
    xml_ds: Dataset, csv_ds: Dataset
) -> None:
    def unsourced(ds: Dataset) -> list[object]:
        return [
            *(attrs.evolve(e, sources=()) for e in ds),
            *(attrs.evolve(d, sources=()) for d in ds.designations),
        ]

    assert unsourced(xml_ds) == unsourced(csv_ds)
    assert csv_ds.problems == ()
    assert csv_ds.metadata["publish_date"] == "2026-09-02"  # "Report Date: 02-Sep-2026"
    assert csv_ds.metadata["rows_read"] == csv_ds.metadata["rows_used"] == 8


EDGE_PROBLEMS = [
    ("RUS1234", "ProcurementRestrictions", "unknown-element"),
    ("RUS1234", "SanctionsImposedIndicators/AssetFreeze", "invalid-value"),
    ("RUS1234", "NameType", "invalid-value"),
    ("RUS1234", "NonLatinScriptLanguage", "invalid-value"),
    ("RUS1234", "birth_dates", "invalid-value"),
    ("RUS3686", "IMONumber", "invalid-imo"),
    ("RUS3686", "Flag", "unknown-country"),
    ("RUS3686", "TonnageOfShip", "invalid-value"),
    ("RUS1234", None, "rejected-record"),
    ("GHR0001", None, "rejected-record"),
    ("record 5", None, "rejected-record"),
    ("CYB0099", "IndividualEntityShip", "invalid-value"),
    ("CYB0099", None, "invalid-record"),
    ("CYB0099", "DOB", "invalid-date"),
    (None, None, "rejected-record"),
]


def test_every_edge_is_a_problem_and_nothing_is_lost(edges: Dataset) -> None:
    found = [(p.record, p.field, p.code) for p in edges.problems]
    assert sorted(found, key=str) == sorted(EDGE_PROBLEMS, key=str)
    stroygaz = entity(edges, "uk-sl-rus1234", Organization)
    # The unknown element and the date of birth an organisation cannot hold stay as notes.
    assert "ProcurementRestrictions: Excluded from public procurement" in stroygaz.notes
    assert "Date of birth: 2003-05-12" in stroygaz.notes
    assert "STROYGAZ" in stroygaz.all_names
    assert "СТРОЙГАЗ" in stroygaz.all_names
    designation = next(d for d in edges.designations if d.entity_id == stroygaz.id)
    assert designation.measures == (Measure.ASSET_FREEZE, Measure.OTHER)
    assert designation.measure_notes == ("Trust services sanctions",)


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError) as raised:
        sk.load(EDGES, strict=True)
    assert raised.value.problem.record == "RUS1234"


def test_a_dtd_is_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE Designations [<!ENTITY e "x">]><Designations/>'
    with pytest.raises(ReadError, match="DTD"):
        uk_sl.read(io.BytesIO(xml), name="evil.xml")


def test_a_cut_file_keeps_the_designations_before_the_cut() -> None:
    data = SMALL_XML.read_bytes()
    cut = data[: data.index(b"<UniqueID>DPR0075")]
    ds = uk_sl.read(io.BytesIO(cut), name="cut.xml")
    assert [d.authority_ref for d in ds.designations] == ["AFG0006", "AFG0001"]
    assert ds.problems
    assert ds.problems[-1].code == "truncated-file"


CSV_HEAD = (
    "Report Date: 02-Sep-2026\r\nUnique ID,Name 6,Name type,Designation Type,Vessel colour\r\n"
)


def test_csv_edges_are_problems_and_the_callers_stream_stays_open() -> None:
    text = CSV_HEAD + ",NO ID,Primary Name,Entity,\r\nRUS0001,ACME,Primary Name,Entity,red\r\n"
    text += 'RUS0002,"CUT SHORT'
    stream = io.BytesIO(text.encode())
    ds = uk_sl_csv.read(stream, name="list.csv")
    assert not stream.closed
    codes = [(p.record, p.field, p.code) for p in ds.problems]
    assert codes == [
        (None, "Vessel colour", "unknown-element"),
        ("line 3", None, "invalid-record"),
        ("line 5", None, "truncated-file"),
    ]
    assert "Vessel colour: red" in ds.get("uk-sl-rus0001").notes
    meta = ds.metadata
    assert (meta["rows_read"], meta["rows_used"], meta["rows_rejected"]) == (3, 1, 2)
    assert (meta["records_read"], meta["records_returned"]) == (1, 1)


@pytest.mark.parametrize(
    "names",
    [
        "<NonLatinNames><NonLatinName><NameNonLatinScript>Иван</NameNonLatinScript>"
        "<NonLatinScriptLanguage>Russian</NonLatinScriptLanguage></NonLatinName></NonLatinNames>",
        # As OpenSanctions' crawler reads the real file: the name right under NonLatinNames.
        "<NonLatinNames><NameNonLatinScript>Иван</NameNonLatinScript>"
        "<NonLatinScriptLanguage>Russian</NonLatinScriptLanguage></NonLatinNames>",
    ],
)
def test_a_non_latin_name_with_or_without_its_inner_element(names: str) -> None:
    xml = (
        "<Designations><Designation><UniqueID>RUS0001</UniqueID><Names><Name><Name6>IVAN</Name6>"
        f"<NameType>Primary Name</NameType></Name></Names>{names}"
        "<IndividualEntityShip>Individual</IndividualEntityShip></Designation></Designations>"
    )
    ds = uk_sl.read(io.BytesIO(xml.encode()), name="list.xml", strict=True)
    alias = ds.get("uk-sl-rus0001").aliases[0]
    assert (alias.name, alias.script, alias.language) == ("Иван", "Cyrl", "ru")


@pytest.mark.parametrize("path", [SMALL_XML, SMALL_CSV])
def test_a_clean_file_reads_strictly_as_leniently(path: Path) -> None:
    assert sk.load(path, strict=True) == sk.load(path)


def test_numbers_are_named_by_the_identifier_vocabulary() -> None:
    xml = (
        "<Designations><Designation><UniqueID>RUS0002</UniqueID><OFSIGroupID>16001</OFSIGroupID>"
        "<Names><Name><Name6>YACHT</Name6><NameType>Primary Name</NameType></Name></Names>"
        "<IndividualEntityShip>Ship</IndividualEntityShip><ShipDetails><Ship>"
        "<HullIdentificationNumbers><HullIdentificationNumber>ABC12345D404"
        "</HullIdentificationNumber></HullIdentificationNumbers></Ship></ShipDetails>"
        "</Designation></Designations>"
    )
    ds = uk_sl.read(io.BytesIO(xml.encode()), name="list.xml", strict=True)
    found = [(i.scheme, i.value, i.label) for i in ds.get("uk-sl-rus0002").identifiers]
    assert found == [
        (sk.IdentifierScheme.UK_SANCTIONS_LIST_REF, "RUS0002", None),
        (sk.IdentifierScheme.UK_GROUP_ID, "16001", None),
        (sk.IdentifierScheme.OTHER, "ABC12345D404", "Hull identification number (HIN)"),
    ]
