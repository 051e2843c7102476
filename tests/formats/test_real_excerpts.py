"""Every reader on a small real excerpt of its official file, with no ../shared needed.

The excerpts in tests/data/real are the official files with all but a few
records taken out (provenance in tests/data/real/README.md; cut by
tools/make_excerpts.py). The expected values below are read off the excerpt
text, and the counts come from a plain pass (ElementTree, csv, json,
openpyxl) over the same bytes, not from the readers. Where ../shared/data is
there, the provenance tests check that every kept record is the official
file's, byte for byte.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.model import Aircraft, Dataset, Organization, Person, Vessel
from tests.conftest import shared_file

REAL = Path(__file__).resolve().parents[1] / "data" / "real"

# Each byte-for-byte XML excerpt: its path here, the official file in ../shared/data, the
# record elements, and the namespace of the file.
XML_EXCERPTS = [
    ("ca/sema-2025-03-20-excerpt.xml", "ca/sema-2025-03-20.xml", ("record",), ""),
    (
        "ofac/consolidated-2018-excerpt.xml",
        "ofac/consolidated-2018/consolidated.xml",
        ("sdnEntry",),
        "{http://tempuri.org/sdnList.xsd}",
    ),
    (
        "ofac_enhanced/IRGC_sanctions-2024-excerpt.xml",
        "ofac/enhanced-2024/IRGC_sanctions.xml",
        ("entity",),
        "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML}",
    ),
    (
        "un/consolidated-2024-11-30-excerpt.xml",
        "un/consolidated-2024-11-30.xml",
        ("INDIVIDUAL", "ENTITY"),
        "",
    ),
    (
        "un/consolidated-2018-10-29-excerpt.xml",
        "un/consolidated-2018-10-29.xml",
        ("INDIVIDUAL", "ENTITY"),
        "",
    ),
    (
        "eu/fsf-2022-03-18-excerpt.xml",
        "eu/fsf-2022-03-18-excerpt.xml",
        ("sanctionEntity",),
        "{http://eu.europa.ec/fpi/fsd/export}",
    ),
    (
        "ofac_advanced/cons_advanced-2020-excerpt.xml",
        "ofac/advanced-2020/cons_advanced.xml",
        ("Location", "IDRegDocument", "DistinctParty", "ProfileRelationship", "SanctionsEntry"),
        "{http://www.un.org/sanctions/1.0}",
    ),
]
LINE_EXCERPTS = [
    ("ofac_csv/sdn.csv", "ofac/sdn-csv-2021/sdn.csv"),
    ("ofac_csv/add.csv", "ofac/sdn-csv-2021/add.csv"),
    ("ofac_csv/alt.csv", "ofac/sdn-csv-2021/alt.csv"),
    ("ftm/entities-excerpt.ftm.json", "ftm/entities.ftm.json"),
]


def _spans(data: bytes, tags: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where each record is: from its opening line's start to its closing line's end."""
    spans = []
    for tag in tags:
        for match in re.finditer(rb"(?m)^[ \t]*<" + tag.encode() + rb"[ >]", data):
            close = data.index(b"</" + tag.encode() + b">", match.start())
            spans.append((match.start(), data.index(b"\n", close) + 1))
    return sorted(spans)


def _plain_count(path: Path, tags: tuple[str, ...], namespace: str) -> int:
    root = ET.parse(path).getroot()
    return sum(1 for tag in tags for _ in root.iter(namespace + tag))


@pytest.fixture(scope="module")
def loaded() -> dict[str, Dataset]:
    """Each excerpt loaded once, by sk.load (format detection included)."""
    names = [name for name, *_ in XML_EXCERPTS] + [
        "ca/sema-2020-04-15-excerpt.xml",
        "ofac_csv/sdn.csv",
        "ftm/entities-excerpt.ftm.json",
    ]
    datasets = {name: sk.load(REAL / name) for name in names}
    pytest.importorskip("openpyxl")
    for name in ("uk/ConList-2022-05-04-excerpt.xlsx", "jp/shisantouketsu20260305-excerpt.xlsx"):
        datasets[name] = sk.load(REAL / name)
    return datasets


def _get(ds: Dataset, entity_id: str) -> object:
    found = ds.get(entity_id)
    assert found is not None, entity_id
    return found


# --- provenance: the excerpts are the official files' own bytes ----------------------


@pytest.mark.parametrize(("name", "official", "tags", "namespace"), XML_EXCERPTS)
def test_an_xml_excerpt_is_the_official_file_without_some_records(
    name: str, official: str, tags: tuple[str, ...], namespace: str
) -> None:
    real = shared_file(official).read_bytes()
    excerpt = (REAL / name).read_bytes()
    spans = _spans(excerpt, tags)
    assert spans
    # The prolog, root and header before the first record, and the end after the last.
    assert real.startswith(excerpt[: spans[0][0]])
    assert real.endswith(excerpt[spans[-1][1] :])
    for start, end in spans:
        assert excerpt[start:end] in real
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert excerpt[end:start] in real  # between records: container tags only


@pytest.mark.parametrize(("name", "official"), LINE_EXCERPTS)
def test_a_line_excerpt_is_whole_lines_of_the_official_file(name: str, official: str) -> None:
    real = shared_file(official).read_bytes()
    excerpt = (REAL / name).read_bytes()
    real_lines = set(real.splitlines(keepends=True))
    body, _, trailer = excerpt.rpartition(b"\n")
    for line in (body + b"\n").splitlines(keepends=True):
        assert line in real_lines
    assert real.endswith(trailer)  # OFAC's DOS end-of-file byte, kept


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("uk/ConList-2022-05-04-excerpt.xlsx", "uk/ConList-2022-05-04.xlsx"),
        ("jp/shisantouketsu20260305-excerpt.xlsx", "jp/shisantouketsu20260305.xlsx"),
    ],
)
def test_a_workbook_excerpt_holds_the_official_rows_values(name: str, official: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = shared_file(official)
    real = openpyxl.load_workbook(path, read_only=True)
    excerpt = openpyxl.load_workbook(REAL / name, read_only=True)
    try:
        for sheet in excerpt.worksheets:
            real_rows = [
                tuple(row) for row in real[sheet.title].iter_rows(values_only=True) if any(row)
            ]
            rows = [tuple(row) for row in sheet.iter_rows(values_only=True) if any(row)]
            width = len(real_rows[0])
            padded = [row + (None,) * (width - len(row)) for row in rows]
            assert rows, sheet.title
            assert all(row in real_rows for row in padded), sheet.title
            # The sheet's header rows are the real sheet's first rows, in order.
            assert padded[:2] == real_rows[:2]
    finally:
        real.close()
        excerpt.close()


def _calamine_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    """A sheet's non-empty rows read by calamine, empty cells as None, trailing ones cut.

    Line ends in cells as "\\n": openpyxl writes a CR as it is, and an XML parser reads
    "\\r\\n" back as "\\n"; the official workbooks keep the CR.
    """
    calamine = pytest.importorskip("python_calamine")
    book = calamine.CalamineWorkbook.from_path(str(path))
    found = []
    for row in book.get_sheet_by_name(sheet).iter_rows():
        values = [
            None
            if value == ""
            else value.replace("\r\n", "\n")
            if isinstance(value, str)
            else value
            for value in row
        ]
        while values and values[-1] is None:
            values.pop()
        if values:
            found.append(tuple(values))
    book.close()
    return found


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("au/dfat-2026-02-24-excerpt.xlsx", "au/dfat-2026-02-24.xlsx"),
        ("au/dfat-2009-12-03-excerpt.xls", "au/dfat-2009-12-03.xls"),
        ("jp/jp-mof-2022-04-12-excerpt.xls", "jp/jp-mof-2022-04-12.xls"),
    ],
)
def test_a_calamine_excerpt_holds_the_official_rows_values(name: str, official: str) -> None:
    # Written by tools/make_excerpts.py from calamine's values (the .xls by xlwt): every row
    # is a row of the official sheet of the same name, and the first row is its first row.
    calamine = pytest.importorskip("python_calamine")
    path = shared_file(official)
    sheets = calamine.CalamineWorkbook.from_path(str(REAL / name)).sheet_names
    assert sheets
    for sheet in sheets:
        real_rows = _calamine_rows(path, sheet)
        rows = _calamine_rows(REAL / name, sheet)
        assert rows, sheet
        assert rows[0] == real_rows[0], sheet
        assert all(row in real_rows for row in rows), sheet


# --- Canada -----------------------------------------------------------------------


def test_canada_2025_excerpt(loaded: dict[str, Dataset]) -> None:
    name = "ca/sema-2025-03-20-excerpt.xml"
    ds = loaded[name]
    assert ds.metadata["records_returned"] == _plain_count(REAL / name, ("record",), "")
    assert ds.metadata["records_returned"] == 12
    assert ds.metadata["layout"] == "2025"
    ship = _get(ds, "ca-russia-1.1-109")  # <EntityOrShip>North Sky</EntityOrShip>
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.imo, ship.vessel_type, ship.build_year) == (
        "North Sky",
        "9953523",
        "LNG Tanker",
        2024,
    )
    lukashenko = _get(ds, "ca-belarus-1-part-1-8")
    assert isinstance(lukashenko, Person)
    assert [str(d) for d in lukashenko.birth_dates] == ["1954-08-30"]
    # <DateOfBirthOrShipBuildDate>Sep-99</DateOfBirthOrShipBuildDate>: September 1999, the
    # century inferred.
    assert ds.problems == ()
    (kirill,) = (p for p in ds.persons if p.id == "ca-russia-1-part-1-1114")
    assert [str(d) for d in kirill.birth_dates] == ["1999-09"]


def test_canada_older_excerpt(loaded: dict[str, Dataset]) -> None:
    name = "ca/sema-2020-04-15-excerpt.xml"
    ds = loaded[name]
    root = ET.parse(REAL / name).getroot()
    assert ds.metadata["records_returned"] == len(root) == 12
    assert len(ds.organizations) == len(root.findall("record/Entity")) == 3
    assert ds.metadata["layout"] == "older"
    assert ds.problems == ()
    than_shwe = _get(ds, "ca-burma-2-1")
    assert isinstance(than_shwe, Person)
    assert [str(d) for d in than_shwe.birth_dates] == ["1933-02-02"]


# --- OFAC ------------------------------------------------------------------------


def test_ofac_xml_excerpt(loaded: dict[str, Dataset]) -> None:
    name = "ofac/consolidated-2018-excerpt.xml"
    ds = loaded[name]
    entries = _plain_count(REAL / name, ("sdnEntry",), "{http://tempuri.org/sdnList.xsd}")
    assert ds.metadata["records_returned"] == entries == 3
    assert ds.metadata["publish_date"] == "2018-04-06"  # <Publish_Date>04/06/2018
    # The header still says <Record_Count>639</Record_Count>: the reader notices; and
    # SHONA's "(Linked To: NATIONAL IRANIAN TANKER COMPANY)" names an entry not excerpted.
    assert [(p.field, p.value) for p in ds.problems] == [
        ("Record_Count", "639"),
        ("Linked To", "NATIONAL IRANIAN TANKER COMPANY"),
    ]
    bank = _get(ds, "ofac-4632")
    assert isinstance(bank, Organization)
    assert "BANK MARKAZI IRAN" in {alias.name for alias in bank.aliases}
    shona = _get(ds, "ofac-15036")
    assert isinstance(shona, Vessel)
    assert (shona.name, shona.imo) == ("SHONA", "9187629")  # IMO 9187629
    haniya = _get(ds, "ofac-9639")
    assert isinstance(haniya, Person)
    assert [str(d) for d in haniya.birth_dates] == ["1962"]


def test_ofac_csv_excerpt(loaded: dict[str, Dataset]) -> None:
    ds = loaded["ofac_csv/sdn.csv"]
    with (REAL / "ofac_csv" / "sdn.csv").open(encoding="latin-1", newline="") as file:
        rows = [row for row in csv.reader(file) if len(row) > 1]
    assert ds.metadata["records_returned"] == len(rows) == 3
    assert ds.metadata["files"] == "sdn.csv, add.csv, alt.csv"
    # ARTAVIL's "Linked To: NATIONAL IRANIAN TANKER COMPANY." names an entry not excerpted.
    assert [(p.code, p.record, p.value) for p in ds.problems] == [
        ("link-not-in-file", "15036", "NATIONAL IRANIAN TANKER COMPANY")
    ]
    bnc = _get(ds, "ofac-306")  # 306,"BANCO NACIONAL DE CUBA" with 4 addresses in add.csv
    assert isinstance(bnc, Organization)
    assert len(bnc.addresses) == 4
    assert "NATIONAL BANK OF CUBA" in {alias.name for alias in bnc.aliases}
    artavil = _get(ds, "ofac-15036")  # "... Vessel Registration Identification IMO 9187629"
    assert isinstance(artavil, Vessel)
    assert artavil.imo == "9187629"
    abbas = _get(ds, "ofac-2674")  # "DOB 10 Dec 1948"
    assert isinstance(abbas, Person)
    assert [str(d) for d in abbas.birth_dates] == ["1948-12-10"]


def test_ofac_enhanced_excerpt(loaded: dict[str, Dataset]) -> None:
    name = "ofac_enhanced/IRGC_sanctions-2024-excerpt.xml"
    ds = loaded[name]
    assert ds.metadata["records_returned"] == _plain_count(
        REAL / name, ("entity",), XML_EXCERPTS[2][3]
    )
    assert ds.metadata["records_returned"] == 5
    assert ds.metadata["publish_date"] == "2024-08-28"  # <dataAsOf>2024-08-28T00:00:00
    assert _get(ds, "ofac-26719").name == "IRGC GROUND FORCES"  # type: ignore[attr-defined]
    ebrahimi = _get(ds, "ofac-26526")
    assert isinstance(ebrahimi, Person)
    assert [str(d) for d in ebrahimi.birth_dates] == ["1972"]
    assert isinstance(_get(ds, "ofac-24475"), Aircraft)  # <entityType>Aircraft, EP-PUL


# --- UN, EU ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "records", "publish_date"),
    [
        ("un/consolidated-2024-11-30-excerpt.xml", 4, "2024-11-30"),
        ("un/consolidated-2018-10-29-excerpt.xml", 3, "2018-10-29"),
    ],
)
def test_un_excerpts(
    loaded: dict[str, Dataset], name: str, records: int, publish_date: str
) -> None:
    ds = loaded[name]
    plain = _plain_count(REAL / name, ("INDIVIDUAL", "ENTITY"), "")
    assert ds.metadata["records_returned"] == plain == records
    assert ds.metadata["publish_date"] == publish_date
    # KPi.033: <FIRST_NAME>RI</FIRST_NAME> (" RI " in 2018) <SECOND_NAME>WON HO</SECOND_NAME>,
    # <DATE>1964-07-17</DATE>, in both years.
    ri = _get(ds, "un-kpi.033")
    assert isinstance(ri, Person)
    assert ri.name == "RI WON HO"
    assert [str(d) for d in ri.birth_dates] == ["1964-07-17"]
    omm = _get(ds, "un-kpe.020")
    assert isinstance(omm, Organization)
    assert omm.name == "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"


def test_eu_excerpt(loaded: dict[str, Dataset]) -> None:
    name = "eu/fsf-2022-03-18-excerpt.xml"
    ds = loaded[name]
    plain = _plain_count(REAL / name, ("sanctionEntity",), XML_EXCERPTS[5][3])
    assert ds.metadata["records_returned"] == plain == 5
    assert ds.metadata["publish_date"] == "2022-03-18"
    bank = _get(ds, "eu-5815")  # wholeName="Korea Daesong Bank", SWIFT BIC KDBKKPPY
    assert isinstance(bank, Organization)
    assert bank.name == "Korea Daesong Bank"
    assert "KDBKKPPY" in {identifier.value for identifier in bank.identifiers}
    ri = _get(ds, "eu-5469")  # wholeName="Hong-sop Ri", birthdate year="1940"
    assert isinstance(ri, Person)
    assert [str(d) for d in ri.birth_dates] == ["1940"]
    assert str(_listed(ds, "eu-5469")) == "2009-07-16"  # designationDate="2009-07-16"


@pytest.mark.parametrize(
    ("entity_id", "listed"),
    [
        ("eu-5597", "2009-12-22"),  # <remark>Date of listing: 22.12.2009</remark>
        ("eu-6650", "2011-12-01"),  # <remark>Date of listing 1.12.2011</remark>
    ],
)
def test_eu_listing_date_in_a_remark(
    loaded: dict[str, Dataset], entity_id: str, listed: str
) -> None:
    # No designationDate attribute: the remark is the only listing date the file gives.
    ds = loaded["eu/fsf-2022-03-18-excerpt.xml"]
    assert str(_listed(ds, entity_id)) == listed


def _listed(ds: Dataset, entity_id: str) -> object:
    return next(d.listed for d in ds.designations if d.entity_id == entity_id)


# --- UK, Japan (workbooks rebuilt from the real cell values) ------------------------


def test_uk_excerpt(loaded: dict[str, Dataset]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    name = "uk/ConList-2022-05-04-excerpt.xlsx"
    ds = loaded[name]
    book = openpyxl.load_workbook(REAL / name, read_only=True)
    rows = [tuple(row) for row in book["Data"].iter_rows(values_only=True)]
    book.close()
    groups = {row[-1] for row in rows[2:]}
    assert ds.metadata["records_returned"] == len(groups) == 4
    assert ds.metadata["rows_read"] == len(rows) - 2 == 77
    assert ds.metadata["publish_date"] == "2022-05-04"  # Last Updated,04/05/2022
    ship = _get(ds, "uk-13651")  # SAM JONG 2, "(IMO number):7408873"
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.imo) == ("SAM JONG 2", "7408873")
    kony = _get(ds, "uk-13378")  # DOB 00/00/1992 .. 00/00/1995
    assert isinstance(kony, Person)
    assert sorted(str(d) for d in kony.birth_dates) == ["1992", "1993", "1994", "1995"]
    # 6895: Title "(1) Maulavi (2) Mullah", Position "First Secretary, Taliban Consulate
    # General, Quetta, Pakistan", Listed On 23/02/2001, UK Sanctions List Date Designated
    # 25/01/2001.
    taliban = _get(ds, "uk-6895")
    assert isinstance(taliban, Person)
    assert taliban.positions == (
        "Maulavi",
        "Mullah",
        "First Secretary, Taliban Consulate General, Quetta, Pakistan",
    )
    assert not [note for note in taliban.notes if note.startswith("Title")]
    assert str(_listed(ds, "uk-6895")) == "2001-02-23"
    assert "UK Sanctions List date designated: 2001-01-25" in taliban.notes
    # 13378: Listed On 01/09/2016, designated 23/08/2016.
    assert "UK Sanctions List date designated: 2016-08-23" in kony.notes


def test_japan_excerpt(loaded: dict[str, Dataset]) -> None:
    ds = loaded["jp/shisantouketsu20260305-excerpt.xlsx"]
    # Sheets 1, 14 and 29 with three listing rows each, sheet 2 with six chosen rows; the
    # index sheet and the lifted Liberia programme's sheet hold none.
    assert ds.metadata["records_returned"] == 15
    assert ds.metadata["sheets"] == 4
    assert ds.metadata["publish_date"] == "2026-03-05"  # from the file name
    putin = _get(ds, "jp-mof-29-1")  # 'Vladimir Putin', born 1952-10-07
    assert isinstance(putin, Person)
    assert putin.name == "Vladimir Putin"
    assert [str(d) for d in putin.birth_dates] == ["1952-10-07"]
    komid = _get(ds, "jp-mof-14-1")
    assert isinstance(komid, Organization)


@pytest.mark.parametrize(
    ("entity_id", "expected"),
    [
        # 旅券番号 "アフガニスタン旅券：SEー011697（1988年1月25日にカブールで発行、...）"
        ("jp-mof-2-11", [("passport", "SE-011697", "AF")]),
        # ID番号 "アフガニスタン国民ＩＤカード(tazkira)番号: (a)2132370 (b)812673"
        ("jp-mof-2-8", [("national_id", "2132370", "AF"), ("national_id", "812673", "AF")]),
        # "サウジアラビア旅券\u3000F654645（...）", "サウジアラビア国民ID番号\u30001028745097"
        ("jp-mof-2-585", [("passport", "F654645", "SA"), ("national_id", "1028745097", "SA")]),
        # "(a)エジプト旅券番号6487(...) (b)...の名で1993年に発行されたエジプト旅券 (c)イエメン
        # 旅券番号388181(...)": (b) has no number
        ("jp-mof-2-638", [("passport", "6487", "EG"), ("passport", "388181", "YE")]),
    ],
)
def test_japan_excerpt_documents(
    loaded: dict[str, Dataset], entity_id: str, expected: list[tuple[str, str, str | None]]
) -> None:
    entity = _get(loaded["jp/shisantouketsu20260305-excerpt.xlsx"], entity_id)
    assert isinstance(entity, Person)
    found = [
        (item.scheme, item.value, item.country and item.country.alpha2)
        for item in entity.identifiers
    ]
    assert found == expected


def test_japan_excerpt_what_is_not_read_is_a_note_and_a_problem(
    loaded: dict[str, Dataset],
) -> None:
    ds = loaded["jp/shisantouketsu20260305-excerpt.xlsx"]
    unread = (
        "ムハンマド・ジャマル・アブド・アル・ラヒム・アフマド・アル・カシフの名で"
        "1993年に発行されたエジプト旅券"
    )
    assert f"Passport: {unread}" in _get(ds, "jp-mof-2-638").notes  # type: ignore[attr-defined]
    assert ("2-638", "旅券番号", unread) in {(p.record, p.field, p.value) for p in ds.problems}
    # 2-585's date of birth "1402年6月24日(ヒジュラ暦)" is read, converted from Hijri.
    hijri = _get(ds, "jp-mof-2-585")
    assert isinstance(hijri, Person)
    assert [(str(d), d.calendar) for d in hijri.birth_dates][-1] == ("1982-04-19~", "hijri")
    assert not [p for p in ds.problems if p.record == "2-585"]
    about = _get(ds, "jp-mof-2-517")  # "1977年または1978年の頃": around 1977 or 1978
    assert isinstance(about, Person)
    assert [str(d) for d in about.birth_dates] == ["1977~", "1978~"]


# --- FollowTheMoney ---------------------------------------------------------------


def test_ftm_excerpt(loaded: dict[str, Dataset]) -> None:
    name = "ftm/entities-excerpt.ftm.json"
    ds = loaded[name]
    lines = [json.loads(line) for line in io.StringIO((REAL / name).read_text("utf-8"))]
    assert [line["schema"] for line in lines] == ["Organization", "Person", "Person", "Address"]
    # The Address is no entity's (the Organization's addressEntity names another id):
    # rejected, and said so; the counts add up.
    assert (ds.metadata["records_read"], ds.metadata["records_rejected"]) == (4, 1)
    assert len(ds.entities) == 3
    kuzmenko = _get(ds, "NK-2Ka3UvopqbpZmVDFjWd4LA")
    assert isinstance(kuzmenko, Person)
    assert [str(d) for d in kuzmenko.birth_dates] == ["1971-01-22"]
