"""Australia's DFAT Consolidated List in its three layouts (2026 .xlsx, 2024 .xlsx, 2009 .xls).

Counts come from a plain calamine pass over the same files, not from the reader;
values are read off the official files (the rows quoted in comments).
"""

from __future__ import annotations

import collections
import datetime
import io
import re
from pathlib import Path

import attrs
import pytest

import sanctionkit as sk
from sanctionkit.errors import ReadError
from sanctionkit.formats import au_dfat
from sanctionkit.model import AliasQuality, Dataset, Measure, Organization, Person, Vessel
from tests.conftest import shared_dataset, shared_file

calamine = pytest.importorskip("python_calamine")

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "au"
CURRENT = "au/dfat-2026-02-24.xlsx"
OLDEST = "au/dfat-2009-12-03.xls"
EXCERPTS = {
    "2026": REAL / "dfat-2026-02-24-excerpt.xlsx",
    "2024": REAL / "dfat-2024-11-11-excerpt.xlsx",
    "2009": REAL / "dfat-2009-12-03-excerpt.xls",
}


def _plain(path: Path) -> dict[str, object]:
    """Rows, Primary Name rows by Type, and the rows grouped by reference number."""
    book = calamine.CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_index(0).to_python()
    book.close()
    header = [str(cell).strip() for cell in rows[0]]
    index = {column: header.index(column) for column in header if column}
    groups: dict[str, list[list[object]]] = collections.defaultdict(list)
    primary: collections.Counter[str] = collections.Counter()
    for row in rows[1:]:
        reference = row[0]
        text = str(int(reference)) if isinstance(reference, float) else str(reference).strip()
        groups[re.match(r"\d+", text).group()].append(row)  # type: ignore[union-attr]
        if str(row[index["Name Type"]]).strip().lower() == "primary name":
            primary[str(row[index["Type"]]).strip().lower()] += 1
    return {"rows": len(rows) - 1, "primary": primary, "groups": groups, "index": index}


@pytest.fixture(scope="module")
def excerpts() -> dict[str, Dataset]:
    return {layout: sk.load(path) for layout, path in EXCERPTS.items()}


# --- the real files, whole ------------------------------------------------------------


def test_the_current_layout_counts_match_a_plain_count() -> None:
    plain = _plain(shared_file(CURRENT))
    ds = shared_dataset(CURRENT)
    assert plain["rows"] == ds.metadata["rows_read"] == 10976
    assert plain["primary"] == {"individual": 2517, "entity": 1031, "vessel": 262}
    # One listing per reference number: 3,811. That is the 3,810 Primary Name rows, less
    # 8686a (a second row marked Primary Name, read as an alias), plus 8495 (its only row,
    # 8495b, an individual's alias) and 8720 (an entity whose rows say Original Script, Alias).
    assert len(plain["groups"]) == ds.metadata["records_returned"] == 3811  # type: ignore[arg-type]
    assert len(ds.persons) == 2517 + 1
    assert len(ds.organizations) == 1031 - 1 + 1
    assert len(ds.vessels) == 262
    assert ds.metadata["columns"] == 19
    assert ds.metadata["file_type"] == "xlsx"
    assert ds.metadata["latest_control_date"] == "2026-02-24"


@pytest.mark.parametrize(
    ("column", "measure"),
    [
        ("Targeted Financial Sanction", Measure.ASSET_FREEZE),
        ("Travel Ban", Measure.TRAVEL_BAN),
        ("Arms Embargo", Measure.ARMS_EMBARGO),
        ("Maritime Restriction", Measure.PORT_ENTRY_BAN),
    ],
)
def test_each_sanction_type_flag_is_a_measure(column: str, measure: Measure) -> None:
    plain = _plain(shared_file(CURRENT))
    at = plain["index"][column]  # type: ignore[index]
    flagged = {
        f"au-dfat-{reference}"
        for reference, rows in plain["groups"].items()  # type: ignore[attr-defined]
        if any(row[at] is True for row in rows)
    }
    ds = shared_dataset(CURRENT)
    assert {d.entity_id for d in ds.designations if measure in d.measures} == flagged


def test_every_vessel_has_its_imo_number_or_a_problem() -> None:
    plain = _plain(shared_file(CURRENT))
    at, kind = plain["index"]["IMO Number"], plain["index"]["Type"]  # type: ignore[index]
    numbers = {
        str(int(row[at]))
        for rows in plain["groups"].values()  # type: ignore[attr-defined]
        for row in rows
        if row[kind] == "Vessel" and row[at] != ""
    }
    valid = {number for number in numbers if sk.identifiers.imo.is_valid(number)}
    ds = shared_dataset(CURRENT)
    assert {vessel.imo for vessel in ds.vessels if vessel.imo} == valid
    assert numbers - valid == {"9434980"}  # its check digit says 1
    assert [p.value for p in ds.problems if p.field == "IMO Number"] == ["9434980"]


def test_the_oldest_xls_counts_match_a_plain_count() -> None:
    plain = _plain(shared_file(OLDEST))
    ds = shared_dataset(OLDEST)
    assert plain["rows"] == ds.metadata["rows_read"] == 3446
    assert sum(plain["primary"].values()) == 1083  # type: ignore[attr-defined]
    # 1,086 reference numbers: 1,083 Primary Name rows, less the second ones of 365 and
    # 1119, plus 379, 571, 582, 981 and 1018 (entities whose rows all say "aka").
    assert len(plain["groups"]) == ds.metadata["records_returned"] == 1086  # type: ignore[arg-type]
    no_primary = [p.record for p in ds.problems if p.message.startswith("no row")]
    assert no_primary == ["379", "571", "582", "981", "1018"]
    assert ds.metadata["file_type"] == "xls"
    assert ds.metadata["columns"] == 12
    assert not any(d.measures for d in ds.designations)  # the old layouts have no flags


def test_counts_add_up(excerpts: dict[str, Dataset]) -> None:
    for ds in (*excerpts.values(), shared_dataset(CURRENT)):
        metadata = ds.metadata
        assert metadata["records_read"] == (
            metadata["records_returned"] + metadata["records_rejected"]
        )
        assert len(ds.designations) == len(ds.entities) == metadata["records_returned"]


# --- the excerpts: values read off the official rows --------------------------------


def test_current_layout_listing_2(excerpts: dict[str, Dataset]) -> None:
    # 2.0 | MOHAMMAD HASSAN AKHUND | Individual | Primary Name | | 1945, 1946, ... 1958 |
    # Pashmul village, ... | Afghanistan | ... | 1988 (Taliban) | 2026-02-05 | Charter of the
    # United Nations (Sanctions—the Taliban) Regulation 2013 | True | True | True | False;
    # 2a: محمد حسن أخوند, Original Script.
    ds = excerpts["2026"]
    person = ds.get("au-dfat-2")
    assert isinstance(person, Person)
    assert person.name == "MOHAMMAD HASSAN AKHUND"
    assert [(a.name, a.script) for a in person.aliases] == [("محمد حسن أخوند", "Arab")]
    assert [str(d) for d in person.birth_dates] == [
        str(y) for y in (*range(1945, 1951), 1955, 1956, 1957, 1958)
    ]
    assert [c.country.alpha2 for c in person.countries] == ["AF"]
    assert "Control date: 2026-02-05" in person.notes
    designation = next(d for d in ds.designations if d.entity_id == person.id)
    assert designation.authority_ref == "2"
    assert designation.programmes == ("1988 (Taliban)",)
    assert designation.measures == (Measure.ASSET_FREEZE, Measure.TRAVEL_BAN, Measure.ARMS_EMBARGO)
    assert "Maritime Restriction: no" in designation.measure_notes
    assert [str(b) for b in designation.legal_basis] == [
        "UN Security Council resolution 1988",
        "Charter of the United Nations (Sanctions—the Taliban) Regulation 2013",
    ]


def test_alias_strength_gives_the_quality(excerpts: dict[str, Dataset]) -> None:
    # 3a "A. Kabir": Alias, Strong; 5d: Alias, Weak.
    ds = excerpts["2026"]
    kabir = ds.get("au-dfat-3")
    assert kabir is not None
    assert next(a for a in kabir.aliases if a.name == "A. Kabir").quality is AliasQuality.STRONG
    five = ds.get("au-dfat-5")
    assert five is not None
    assert AliasQuality.WEAK in {alias.quality for alias in five.aliases}


def test_a_vessel_with_its_imo_number_and_port_entry_ban(excerpts: dict[str, Dataset]) -> None:
    # 8227.0 | ANDAMAN SKIES | Vessel | Primary Name | ... | IMO 9288693 | Autonomous (Vessels)
    ship = excerpts["2026"].get("au-dfat-8227")
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.imo) == ("ANDAMAN SKIES", "9288693")
    designation = next(d for d in excerpts["2026"].designations if d.entity_id == ship.id)
    assert Measure.PORT_ENTRY_BAN in designation.measures
    assert designation.programmes == ("Autonomous (Vessels)",)


@pytest.mark.parametrize(
    ("layout", "reference", "name", "kind"),
    [
        ("2026", "8495", "Yahya Husseini Panjaki", Person),  # only row: 8495b, Alias
        ("2026", "8720", "Joint Stock Company Exi Bank", Organization),  # 8720: Original Script
        ("2009", "379", "BA TAQWA FOR COMMERCE AND REAL ESTATE COMPANY LIMITED", Organization),
    ],
)
def test_a_listing_without_a_primary_name_row_takes_its_first_name(
    excerpts: dict[str, Dataset], layout: str, reference: str, name: str, kind: type
) -> None:
    ds = excerpts[layout]
    entity = ds.get(f"au-dfat-{reference}")
    assert isinstance(entity, kind)
    assert entity.name.startswith(name)
    assert any(p.record == reference and p.field == "Name Type" for p in ds.problems)


def test_a_second_primary_name_row_is_an_alias(excerpts: dict[str, Dataset]) -> None:
    # 8686.0 Rubicon Center for Advanced Unmanned Technologies; 8686a Rubicon Unit, both
    # Primary Name.
    ds = excerpts["2026"]
    rubicon = ds.get("au-dfat-8686")
    assert rubicon is not None
    assert rubicon.name.startswith("Rubicon Center")
    assert "Rubicon Unit" in [alias.name for alias in rubicon.aliases]
    assert [p.record for p in ds.problems if "second row" in p.message] == ["8686a"]


def test_a_date_where_the_instrument_belongs_is_a_note(excerpts: dict[str, Dataset]) -> None:
    ds = excerpts["2026"]
    problem = next(p for p in ds.problems if p.field == "Instrument of Designation")
    assert problem.record == "2583"
    entity = ds.get("au-dfat-2583")
    assert entity is not None
    assert f"Instrument of Designation: {problem.value}" in entity.notes


def test_the_2024_layout_and_its_34c1_reference(excerpts: dict[str, Dataset]) -> None:
    # 34, 34a ... 34c, 34c1 (اختر محمد ولد نور محمد, aka): one listing.
    ds = excerpts["2024"]
    assert ds.metadata["columns"] == 12
    listing = ds.get("au-dfat-34")
    assert listing is not None
    assert "اختر محمد ولد نور محمد" in [alias.name for alias in listing.aliases]
    assert ds.metadata["rows_rejected"] == 0
    assert not any(d.measures for d in ds.designations)


def test_each_lettered_place_of_birth_is_a_place(excerpts: dict[str, Dataset]) -> None:
    # 34, 34a ...: "a) Khwaja Malik, Arghandab District, Kandahar Province, Afghanistan  b)
    # Kandahar City, Kandahar Province, Afghanistan"; 34c "Kandahar, Afghanistan"; 34f "Logar,
    # Afghanistan".
    listing = excerpts["2024"].get("au-dfat-34")
    assert isinstance(listing, Person)
    assert [place.full for place in listing.birth_places] == [
        "Khwaja Malik, Arghandab District, Kandahar Province, Afghanistan",
        "Kandahar City, Kandahar Province, Afghanistan",
        "Kandahar, Afghanistan",
        "Logar, Afghanistan",
    ]


def test_a_label_before_the_lettered_values_is_no_value() -> None:
    # 8555: ": a) Haftom Tir Square, ... Tehran, Iran (Islamic Republic of) \r\nb) P.O. Box
    # 1584864813, ..."; 2544: "... Branch Office 1: a) ...": labels, not addresses.
    ds = shared_dataset(CURRENT)
    iran = ds.get("au-dfat-8555")
    assert iran is not None
    assert [address.full[:18] for address in iran.addresses] == [
        "Haftom Tir Square,",
        "P.O. Box 158486481",
    ]
    addresses = [address.full for entity in ds.entities for address in entity.addresses]
    assert not [address for address in addresses if address.endswith(":")]


def test_na_is_not_available_in_the_oldest_layout(excerpts: dict[str, Dataset]) -> None:
    # 1 | Mohammad Rabbani | Individual | Primary Name | Approximately 1961 | Kandahar,
    # Afghanistan | Afghanistan | NA | ...; 1a محمد ربانی, Original Script.
    rabbani = excerpts["2009"].get("au-dfat-1")
    assert isinstance(rabbani, Person)
    assert rabbani.addresses == ()
    assert [d.isoformat() for d in rabbani.birth_dates] == ["1961~"]
    assert [a.name for a in rabbani.aliases] == ["محمد ربانی"]


def test_an_ngo_is_an_organisation(excerpts: dict[str, Dataset]) -> None:
    assert isinstance(excerpts["2009"].get("au-dfat-648"), Organization)


# --- detection, strictness, bad input ----------------------------------------------


@pytest.mark.parametrize("layout", sorted(EXCERPTS))
def test_load_detects_each_layout_by_content(layout: str, tmp_path: Path) -> None:
    renamed = tmp_path / "download"
    renamed.write_bytes(EXCERPTS[layout].read_bytes())
    ds = sk.load(renamed)
    assert ds.metadata["format"] == au_dfat.FORMAT
    stream = sk.load(io.BytesIO(EXCERPTS[layout].read_bytes()))
    # The same records; only the source's title names the file ("download", "the workbook").
    assert _unsourced(stream) == _unsourced(ds)


def _unsourced(ds: Dataset) -> list[object]:
    return [attrs.evolve(entity, sources=()) for entity in ds.entities]


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError, match="Instrument of Designation"):
        au_dfat.read(EXCERPTS["2026"], name="dfat.xlsx", strict=True)


def _workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "dfat.xlsx"
    book.save(path)
    return path


HEADER = ["Reference", "Name of Individual or Entity", "Type", "Name Type", "Control Date"]


def test_an_unknown_column_is_a_problem_and_its_values_notes(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path,
        [
            [*HEADER, "Gender"],
            [7, "KIM", "Individual", "Primary Name", datetime.datetime(2020, 1, 2), "Male"],
        ],
    )
    ds = au_dfat.read(path, name="dfat.xlsx")
    assert [(p.field, p.message[:27]) for p in ds.problems] == [
        ("Gender", "column not in the list's la")
    ]
    kim = ds.get("au-dfat-7")
    assert kim is not None
    assert "Gender: Male" in kim.notes
    assert "Control date: 2020-01-02" in kim.notes


@pytest.mark.parametrize(
    ("control", "expected"),
    [
        (datetime.datetime(2020, 1, 2), "2020-01-02"),  # a date cell, as in every real file
        ("05/10/2004", "2004-10-05"),  # text, day first: 569 rows of the 2009 .xls
        # A number is a year, as the 1,311 numbers in Date of Birth of the real files are
        # (1923 to 1997), not Excel's day number 2009 (1905-07-01).
        (2009, "2009"),
    ],
)
def test_a_control_date_is_a_date_cell_text_or_a_year(
    tmp_path: Path, control: object, expected: str
) -> None:
    path = _workbook(tmp_path, [HEADER, [7, "KIM", "Individual", "Primary Name", control]])
    ds = au_dfat.read(path, name="dfat.xlsx")
    kim = ds.get("au-dfat-7")
    assert kim is not None
    assert f"Control date: {expected}" in kim.notes
    assert ds.metadata["latest_control_date"] == expected


def test_a_row_without_a_reference_is_rejected_and_counted(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path,
        [HEADER, [7, "KIM", "Individual", "Primary Name"], [None, "LEE", "Individual", "Alias"]],
    )
    ds = au_dfat.read(path, name="dfat.xlsx")
    assert ds.metadata["rows_read"] == 2
    assert ds.metadata["rows_used"] == 1
    assert ds.metadata["rows_rejected"] == 1
    assert [p.record for p in ds.problems] == ["row 3"]
    assert len(ds.entities) == 1


def test_a_workbook_without_the_header_is_a_problem(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["Name", "Type"], ["KIM", "Individual"]])
    ds = au_dfat.read(path, name="dfat.xlsx")
    assert len(ds.entities) == 0
    assert "no sheet with the list's header" in ds.problems[0].message


@pytest.mark.parametrize(
    ("strength", "quality", "problem"),
    [
        ("Weak", AliasQuality.WEAK, None),
        ("Strong", AliasQuality.STRONG, None),
        ("Medium", AliasQuality.STRONG, "Medium"),
    ],
)
def test_an_alias_strength_is_read_or_reported(
    tmp_path: Path, strength: str, quality: AliasQuality, problem: str | None
) -> None:
    # The 2026 layout writes Strong or Weak; another word is no silent "strong".
    when = datetime.datetime(2020, 1, 2)
    path = _workbook(
        tmp_path,
        [
            [*HEADER, "Alias Strength"],
            [7, "KIM", "Individual", "Primary Name", when, None],
            ["7a", "KIM IL", "Individual", "Alias", when, strength],
        ],
    )
    ds = au_dfat.read(path, name="dfat.xlsx")
    kim = ds.get("au-dfat-7")
    assert kim is not None
    assert [(a.name, a.quality) for a in kim.aliases] == [("KIM IL", quality)]
    assert [p.value for p in ds.problems if p.field == "Alias Strength"] == (
        [problem] if problem else []
    )
