"""OFAC's legacy CSV: sdn.csv with its siblings, on small fixtures and on the real lists."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import ofac_csv
from sanctionkit.model import AliasQuality, Dataset, Gender, Measure, Organization, Person, Vessel
from tests.conftest import shared_file

DATA = Path(__file__).resolve().parents[1] / "data" / "ofac_csv"


def read(path: Path, *, strict: bool = False) -> Dataset:
    return ofac_csv.read(path, name=str(path), strict=strict)


@pytest.fixture(scope="module")
def sdn() -> Dataset:
    return read(DATA / "sdn.csv")


# --- the fixtures are faithful to the format ------------------------------------------


def test_fixtures_have_the_bytes_of_the_real_files() -> None:
    data = (DATA / "sdn.csv").read_bytes()
    assert data.endswith(b"\r\n\x1a")
    assert b"-0- ," in data
    assert "MÜLLER, José".encode("latin-1") in data


# --- sniff -----------------------------------------------------------------------------


def test_sniff_recognises_an_sdn_file() -> None:
    assert ofac_csv.sniff((DATA / "sdn.csv").read_bytes()[:4096])
    assert ofac_csv.sniff((DATA / "cons_prim.csv").read_bytes()[:4096])


@pytest.mark.parametrize("name", ["add.csv", "alt.csv", "sdn_comments.csv"])
def test_sniff_refuses_the_sibling_files(name: str) -> None:
    assert not ofac_csv.sniff((DATA / name).read_bytes()[:4096])


def test_sniff_refuses_other_formats() -> None:
    assert not ofac_csv.sniff(b'<?xml version="1.0"?><sdnList>')
    assert not ofac_csv.sniff(b'{"format": "sanctionkit", "version": 1}\n')
    assert not ofac_csv.sniff(b"")


# --- reading ---------------------------------------------------------------------------


def test_siblings_are_read_and_named_in_the_metadata(sdn: Dataset) -> None:
    assert sdn.metadata["files"] == "sdn.csv, add.csv, alt.csv, sdn_comments.csv"
    assert sdn.metadata["format"] == "ofac-csv"
    assert sdn.metadata["list"] == "OFAC SDN"


def test_a_file_object_is_read_alone() -> None:
    with (DATA / "sdn.csv").open("rb") as stream:
        ds = ofac_csv.read(stream, name="sdn.csv", strict=False)
    assert ds.metadata["files"] == "sdn.csv"
    assert ds.get("ofac-36").aliases == ()


def test_consolidated_twins_are_joined() -> None:
    ds = read(DATA / "cons_prim.csv")
    assert ds.metadata["list"] == "OFAC Consolidated (non-SDN)"
    assert ds.metadata["files"] == "cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv"
    bank = ds.get("ofac-4632")
    assert [alias.name for alias in bank.aliases] == [
        "CENTRAL BANK OF THE ISLAMIC REPUBLIC OF IRAN"
    ]
    assert bank.addresses[0].city == "Tehran"


def test_empty_marker_is_no_value(sdn: Dataset) -> None:
    airline = sdn.get("ofac-36")
    assert isinstance(airline, Organization)
    assert airline.notes == ()
    assert airline.identifiers == ()


def test_latin1_name_is_decoded(sdn: Dataset) -> None:
    assert sdn.get("ofac-7001").name == "MÜLLER, José"


def test_trailing_end_of_file_byte_is_not_a_record(sdn: Dataset) -> None:
    assert sdn.metadata["records_read"] == 8
    assert all(problem.value is None or "\x1a" not in problem.value for problem in sdn.problems)


def test_entity_kinds_follow_sdn_type(sdn: Dataset) -> None:
    kinds = {entity.id: type(entity).__name__ for entity in sdn}
    assert kinds == {
        "ofac-36": "Organization",
        "ofac-2674": "Person",
        "ofac-7001": "Person",
        "ofac-7002": "Vessel",
        "ofac-7003": "Vessel",
        "ofac-7004": "Aircraft",
        "ofac-7005": "Organization",
    }


def test_person_keeps_the_list_name_and_gains_first_last(sdn: Dataset) -> None:
    person = sdn.get("ofac-2674")
    assert isinstance(person, Person)
    assert person.name == "ABBAS, Abu"
    assert person.aliases[0].name == "Abu ABBAS"
    assert person.positions == ("Director of PALESTINE LIBERATION FRONT - ABU ABBAS FACTION",)
    assert person.notes == ()  # the remark repeating the title is not noted twice


def test_remarks_and_their_continuation_become_fields(sdn: Dataset) -> None:
    person = sdn.get("ofac-7001")
    assert isinstance(person, Person)
    assert [str(date) for date in person.birth_dates] == ["1987/1988", "1960~"]
    assert person.birth_places[0].city == "Moscow"
    assert person.gender is Gender.MALE
    assert person.countries_with("nationality")[0].alpha2 == "RU"
    assert person.countries_with("location")[0].alpha2 == "RU"
    assert [(alias.name, alias.quality) for alias in person.aliases[1:]] == [
        ("PEPE", AliasQuality.WEAK)
    ]
    assert person.identifiers[0].scheme == "passport"
    assert "Member of the Board of Directors of BERATEX GROUP LIMITED." in person.notes


def test_vessel_columns_and_remarks(sdn: Dataset) -> None:
    ship = sdn.get("ofac-7002")
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.mmsi, ship.call_sign) == ("9683740", "273314410", "3FZL5")
    assert (ship.vessel_type, ship.tonnage, ship.build_year) == ("Crude Oil Tanker", 1748, 1986)
    assert ship.flag is not None
    assert ship.flag.alpha2 == "PA"
    assert [flag.alpha2 for flag in ship.past_flags] == ["MT"]
    assert "Tonnage 318,000" in ship.notes
    assert "Vessel owner: Beratex Group Limited" in ship.notes


def test_aliases_from_alt_csv(sdn: Dataset) -> None:
    company = sdn.get("ofac-7005")
    assert [(alias.name, alias.quality) for alias in company.aliases] == [
        ("BERATEX LLC", AliasQuality.FORMER),
        ("BERATEX HOLDING", AliasQuality.STRONG),
    ]
    assert "now known as BERATEX HOLDING" in company.notes


def test_organization_facts(sdn: Dataset) -> None:
    company = sdn.get("ofac-7005")
    assert isinstance(company, Organization)
    assert company.incorporated is not None
    assert company.incorporated.isoformat() == "2021-02-10"
    assert company.kind == "Sea and coastal freight water transport"
    assert [(item.scheme, item.value) for item in company.registration_numbers] == [
        ("tax_id", "9701170663"),
        ("imo_company", "5342883"),
    ]
    assert "all offices worldwide." in company.notes


def test_designation_per_entry(sdn: Dataset) -> None:
    designation = next(d for d in sdn.designations if d.entity_id == "ofac-7005")
    assert designation.authority_ref == "7005"
    assert designation.programmes == ("DPRK3",)
    assert designation.measures == (Measure.ASSET_FREEZE,)
    assert designation.measure_notes[0].startswith("Secondary sanctions risk:")
    assert designation.sources[0].title == "OFAC SDN list, sdn.csv"
    two = next(d for d in sdn.designations if d.entity_id == "ofac-7001")
    assert two.programmes == ("SDGT", "IFSR")


def test_problems_name_file_record_field_and_value(sdn: Dataset) -> None:
    # A sibling's problems name its path: the path given, with the sibling's name.
    sdn_csv, add_csv = str(DATA / "sdn.csv"), str(DATA / "add.csv")
    found = {(p.file, p.record, p.field, p.value) for p in sdn.problems}
    assert (sdn_csv, "7003", "Remarks/IMO", "9683741") in found
    assert (sdn_csv, "7003", "GRT", "abc") in found
    assert (sdn_csv, "7003", "Vess_flag", "Atlantis") in found
    assert (sdn_csv, "7001", "Remarks/citizen", "Atlantis") in found
    assert (add_csv, "7005", "Country", "Atlantis") in found


def test_sibling_rows_without_an_entry_are_problems(sdn: Dataset) -> None:
    orphans = {(p.file, p.record) for p in sdn.problems if p.field == "ent_num"}
    assert orphans == {(str(DATA / "add.csv"), "99999"), (str(DATA / "alt.csv"), "88888")}


@pytest.mark.parametrize(
    ("sibling", "row", "message"),
    [
        # add.csv has 6 columns (ent_num, Add_num, Address, City, Country, remarks).
        ("add.csv", b'306,1,"Havana"', "expected 6 fields starting with an ent_num, found 3"),
        # alt.csv has 5 (ent_num, alt_num, alt_type, alt_name, remarks); no ent_num here.
        (
            "alt.csv",
            b'x,1,"aka","NAME",-0- ',
            "expected 5 fields starting with an ent_num, found 5",
        ),
    ],
)
def test_a_sibling_row_that_cannot_be_read_is_a_problem_not_a_rejection(
    sibling: str, row: bytes, message: str, tmp_path: Path
) -> None:
    for path in REAL.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / sibling).write_bytes(row + b"\r\n" + (REAL / sibling).read_bytes())
    before, after = read(REAL / "sdn.csv"), read(tmp_path / "sdn.csv")
    (problem,) = [
        p for p in after.problems if p.file == str(tmp_path / sibling) and p.record == "line 1"
    ]
    assert (problem.message, problem.value) == (message, row.decode().replace('"', ""))
    assert problem.code != "rejected-record"
    # The entries are what they were: a sibling's row is no record of the list.
    counts = ("records_read", "records_returned", "records_rejected")
    assert [after.metadata[key] for key in counts] == [before.metadata[key] for key in counts]
    assert after.entities == before.entities


def test_a_bad_value_leaves_the_record_without_it(sdn: Dataset) -> None:
    ship = sdn.get("ofac-7003")
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.tonnage, ship.flag) == (None, None, None)
    assert "IMO 9683741" in ship.notes


def test_a_row_with_the_wrong_number_of_fields_is_rejected(sdn: Dataset) -> None:
    (rejected,) = [p for p in sdn.problems if p.record == "7006"]
    assert "expected 12 fields" in rejected.message


def test_counts_add_up(sdn: Dataset) -> None:
    read_, returned, rejected = (
        int(sdn.metadata[key]) for key in ("records_read", "records_returned", "records_rejected")
    )
    assert (read_, returned, rejected) == (8, 7, 1)
    assert len(sdn.designations) == returned == len(sdn)


def test_strict_raises_the_first_problem_as_read_error() -> None:
    # The siblings are read first, so the first problem is add.csv's unknown country.
    with pytest.raises(ReadError) as raised:
        read(DATA / "sdn.csv", strict=True)
    problem = raised.value.problem
    assert (problem.file, problem.record, problem.field) == (
        str(DATA / "add.csv"),
        "7005",
        "Country",
    )


def test_strict_raises_on_a_bad_value_of_the_main_file() -> None:
    with (DATA / "sdn.csv").open("rb") as stream, pytest.raises(ReadError) as raised:
        ofac_csv.read(stream, name="sdn.csv", strict=True)
    problem = raised.value.problem
    assert (problem.file, problem.record, problem.value) == ("sdn.csv", "7001", "Atlantis")


def test_ids_are_deterministic(sdn: Dataset) -> None:
    again = read(DATA / "sdn.csv")
    assert [entity.id for entity in again] == [entity.id for entity in sdn]
    assert again == sdn


def test_windows_1252_bytes_are_read_as_windows_writes_them() -> None:
    row = b'1,"O\x92NEIL \x96 X",-0- ,"CUBA"' + b",-0- " * 8 + b"\r\n\x1a"
    ds = ofac_csv.read(io.BytesIO(row), name="sdn.csv", strict=False)
    assert ds.get("ofac-1").name == "O\u2019NEIL \u2013 X"


# --- the real lists --------------------------------------------------------------------


def plain_rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1").rstrip("\x1a")
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def sdn_2021() -> tuple[Path, Dataset]:
    path = shared_file("ofac/sdn-csv-2021/sdn.csv")
    return path, read(path)


def test_real_sdn_2021_counts(sdn_2021: tuple[Path, Dataset]) -> None:
    path, ds = sdn_2021
    rows = plain_rows(path)
    assert len(rows) == 8890
    assert len(ds) == len(ds.designations) == 8890
    assert ds.metadata["records_rejected"] == 0
    assert ds.metadata["files"] == "sdn.csv, add.csv, alt.csv"
    assert len(ds.vessels) == sum(row[2] == "vessel" for row in rows) == 403


def test_real_sdn_2021_dprk_programme_rows(sdn_2021: tuple[Path, Dataset]) -> None:
    # Rows whose Program names a DPRK programme (DPRK, DPRK2, DPRK3, DPRK4, DPRK-NKSPEA).
    path, ds = sdn_2021
    expected = sum("DPRK" in row[3] for row in plain_rows(path))
    found = [d for d in ds.designations if any(p.startswith("DPRK") for p in d.programmes)]
    assert len(found) == expected == 414


def test_real_vessels_with_an_imo_in_their_remarks_have_it_or_a_problem(
    sdn_2021: tuple[Path, Dataset],
) -> None:
    path, ds = sdn_2021
    with_imo = {
        f"ofac-{row[0]}": re.search(r"\bIMO (\d+)", row[11]).group(1)  # type: ignore[union-attr]
        for row in plain_rows(path)
        if row[2] == "vessel" and re.search(r"\bIMO \d+", row[11])
    }
    problems = {f"ofac-{p.record}" for p in ds.problems if p.field == "Remarks/IMO"}
    assert with_imo
    for entity_id, number in with_imo.items():
        ship = ds.get(entity_id)
        assert isinstance(ship, Vessel)
        assert ship.imo == number or entity_id in problems


def test_real_sdn_2021_records_field_by_field(sdn_2021: tuple[Path, Dataset]) -> None:
    _, ds = sdn_2021
    airline = ds.get("ofac-36")
    assert airline.name == "AEROCARIBBEAN AIRLINES"
    assert [alias.name for alias in airline.aliases] == ["AERO-CARIBBEAN"]
    assert airline.addresses[0].full == "Havana, Cuba"
    zawahiri = ds.get("ofac-2676")
    assert isinstance(zawahiri, Person)
    assert zawahiri.name == "AL ZAWAHIRI, Dr. Ayman"
    assert [d.isoformat() for d in zawahiri.birth_dates] == ["1951-06-19"]
    assert zawahiri.birth_places[0].full == "Giza, Egypt"
    assert [(i.scheme, i.value) for i in zawahiri.identifiers] == [
        ("passport", "1084010"),
        ("passport", "19820215"),
    ]
    assert zawahiri.positions == ("Operational and Military Leader of JIHAD GROUP",)
    designation = next(d for d in ds.designations if d.entity_id == "ofac-2676")
    assert designation.programmes == ("SDGT",)
    ship = ds.get("ofac-4238")
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.call_sign, ship.vessel_type, ship.tonnage) == (
        "MAR AZUL",
        "CL2192",
        "Tug",
        212,
    )
    assert ship.flag is not None
    assert ship.flag.alpha2 == "CU"
    assert "Vessel owner: Samir de Navegacion S.A." in ship.notes


def test_real_consolidated_2018() -> None:
    path = shared_file("ofac/consolidated-2018/cons_prim.csv")
    ds = read(path)
    assert len(ds) == len(plain_rows(path)) == 639
    assert ds.metadata["list"] == "OFAC Consolidated (non-SDN)"
    assert len(ds.vessels) == 74
    assert all(ship.imo for ship in ds.vessels)


@pytest.mark.parametrize("day", ["02", "03"])
def test_real_sdn_2024_days_are_read_without_siblings(day: str) -> None:
    path = shared_file(f"ofac/sdn-csv-2024-05/sdn-2024-05-{day}.csv")
    ds = read(path)
    rows = plain_rows(path)
    assert len(ds) == len(rows)
    assert ds.metadata["files"] == path.name
    assert len(ds.vessels) == sum(row[2] == "vessel" for row in rows)


# --- rows the csv module refuses ------------------------------------------------------------


def test_a_field_over_the_csv_size_limit_rejects_its_row_and_reading_goes_on() -> None:
    lines = (DATA / "sdn.csv").read_bytes().split(b"\r\n")
    # The second entry's remarks grown past the csv module's limit (128 KiB by default).
    huge = b"," + b'"' + b"A" * (csv.field_size_limit() + 10) + b'"'
    lines[1] = lines[1][: lines[1].rindex(b",")] + huge
    before = ofac_csv.read(
        io.BytesIO((DATA / "sdn.csv").read_bytes()), name="sdn.csv", strict=False
    )
    dataset = ofac_csv.read(io.BytesIO(b"\r\n".join(lines)), name="sdn.csv", strict=False)
    read, returned, rejected = (
        dataset.metadata[f"records_{key}"] for key in ("read", "returned", "rejected")
    )
    entries = len(before.designations) + before.metadata["records_rejected"]
    assert (read, returned, rejected) == (
        entries,
        len(before.designations) - 1,
        before.metadata["records_rejected"] + 1,
    )
    assert "ofac-2674" not in dataset  # the entry of line 2
    (problem,) = [p for p in dataset.problems if "field larger than field limit" in p.message]
    assert (problem.file, problem.record) == ("sdn.csv", "line 2")
    with pytest.raises(ReadError, match="line 2"):
        ofac_csv.read(io.BytesIO(b"\r\n".join(lines)), name="sdn.csv", strict=True)


# --- files cut short -------------------------------------------------------------------------

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "ofac_csv"
TRUNCATED = "truncated-file"

#: Where the real excerpt's last entry (15036, ARTAVIL, a vessel) is cut. Its line is
#: `15036,"ARTAVIL","vessel","IRAN",-0- ,...,"Iran",-0- ,"Former Vessel Flag Malta; ..."`.
CUTS = {
    "inside its quoted remarks": lambda data: data[: data.index(b"Former Vessel Flag Tuvalu")],
    "inside its remarks, just after a line ending": lambda data: (
        data[: data.index(b"Former Vessel Flag Tuvalu")] + b"\r\n"
    ),
    "before its line ending": lambda data: data[: data.rindex(b"\r\n")],
    "inside an unquoted field": lambda data: data[: data.rindex(b",-0- ,") + 3],
}


def _problems(dataset: Dataset, code: str) -> list[tuple[str | None, str | None]]:
    return [(p.file, p.record) for p in dataset.problems if p.code == code]


@pytest.mark.parametrize("cut", CUTS)
def test_an_entry_the_file_cuts_short_is_a_truncated_file_problem(cut: str) -> None:
    data = CUTS[cut]((REAL / "sdn.csv").read_bytes())
    dataset = ofac_csv.read(io.BytesIO(data), name="sdn.csv", strict=False)
    # The two whole entries before it are kept; the cut one is read and rejected.
    assert [entity.id for entity in dataset.entities] == ["ofac-306", "ofac-2674"]
    counts = [dataset.metadata[f"records_{key}"] for key in ("read", "returned", "rejected")]
    assert counts == [3, 2, 1]
    assert _problems(dataset, TRUNCATED) == [("sdn.csv", "15036")]
    with pytest.raises(ReadError, match="cut short"):
        ofac_csv.read(io.BytesIO(data), name="sdn.csv", strict=True)


@pytest.mark.parametrize("directory", [REAL, DATA])
def test_whole_files_have_no_truncated_file_problem(directory: Path) -> None:
    assert _problems(read(directory / "sdn.csv"), TRUNCATED) == []


@pytest.mark.parametrize(
    ("directory", "sibling"),
    [(REAL, "add.csv"), (REAL, "alt.csv"), (DATA, "sdn_comments.csv")],
)
def test_a_sibling_file_cut_inside_a_quoted_field_is_a_truncated_file_problem(
    directory: Path, sibling: str, tmp_path: Path
) -> None:
    for path in directory.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    data = (directory / sibling).read_bytes()
    # Cut inside the last quoted field: add.csv's "Panama", alt.csv's "SHONA",
    # sdn_comments.csv's " Directors of BERATEX GROUP LIMITED.".
    cut = data[: data.rindex(b'"') - 3]
    (tmp_path / sibling).write_bytes(cut)
    dataset = read(tmp_path / "sdn.csv")
    (problem,) = [p for p in dataset.problems if p.code == TRUNCATED]
    assert problem.file == str(tmp_path / sibling)
    text = cut[cut.rindex(b'"') + 1 :].decode("latin-1")  # what is left of the cut field
    assert text in {"Pan", "SH", " Directors of BERATEX GROUP LIMIT"}
    found = [
        value
        for entity in dataset.entities
        for value in [
            *(alias.name for alias in entity.aliases),
            *(address.city or "" for address in getattr(entity, "addresses", ())),
            *(entity.notes or ()),
        ]
    ]
    assert not any(value.endswith(text) for value in found)
    if directory == REAL:  # the hand-made files have other problems that strict meets first
        with pytest.raises(ReadError, match="cut short"):
            read(tmp_path / "sdn.csv", strict=True)


def test_the_real_list_cut_in_the_middle_keeps_the_entries_before_the_cut() -> None:
    data = shared_file("ofac/sdn-csv-2021/sdn.csv").read_bytes()
    middle = data.index(b'"', len(data) // 2) + 5  # inside a quoted field
    whole_lines = data[:middle].count(b"\r\n")
    dataset = ofac_csv.read(io.BytesIO(data[:middle]), name="sdn.csv", strict=False)
    read_, returned, rejected = (
        dataset.metadata[f"records_{key}"] for key in ("read", "returned", "rejected")
    )
    assert read_ == whole_lines + 1 == returned + rejected
    cut_entry = data[:middle].rsplit(b"\r\n", 1)[1].split(b",", 1)[0].decode()
    assert _problems(dataset, TRUNCATED) == [("sdn.csv", cut_entry)]
    assert f"ofac-{cut_entry}" not in dataset
