"""The UK OFSI Consolidated List reader: a hand-made ConList.csv, its xlsx twin, the real file."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import uk_conlist
from sanctionkit.model import AliasQuality, Dataset, Gender, Organization, Person, Vessel
from sanctionkit.values.dates import PartialDate
from tests.conftest import shared_dataset, shared_file

CSV = Path(__file__).resolve().parents[1] / "data" / "uk" / "ConList.csv"
REAL = "uk/ConList-2022-05-04.xlsx"


def _rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def _workbook_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    for row in rows:
        sheet.append([cell or None for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def small() -> Dataset:
    return uk_conlist.read(CSV, name="ConList.csv")


@pytest.fixture(scope="module")
def small_xlsx() -> Dataset:
    return uk_conlist.read(io.BytesIO(_workbook_bytes(_rows_of(CSV))), name="ConList.xlsx")


# --- recognising the files ---------------------------------------------------------------


def test_sniff_recognises_the_csv_by_its_last_updated_line_and_header() -> None:
    assert uk_conlist.sniff(CSV.read_bytes()[:4096])


def test_sniff_refuses_other_csv_and_zip_files() -> None:
    assert not uk_conlist.sniff(b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\r\n')
    assert not uk_conlist.sniff(b"PK\x03\x04rest of a zip")


def test_recognises_the_workbook_by_its_header_row() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(io.BytesIO(_workbook_bytes(_rows_of(CSV))), read_only=True)
    assert uk_conlist.recognises(workbook)
    other = openpyxl.load_workbook(io.BytesIO(_workbook_bytes([["Name", "Country"]])))
    assert not uk_conlist.recognises(other)


# --- groups, names and counts -------------------------------------------------------------


def test_rows_sharing_a_group_id_become_one_entity_and_one_designation(small: Dataset) -> None:
    assert sorted(entity.id for entity in small) == ["uk-13600", "uk-13635", "uk-13651", "uk-13700"]
    assert len(small.designations) == 4


def test_counts_groups_as_records_and_rows_separately(small: Dataset) -> None:
    rows = _rows_of(CSV)[2:]
    assert small.metadata["rows_read"] == len(rows)
    assert small.metadata["rows_rejected"] == 1  # the row without a Group ID
    assert small.metadata["rows_used"] == len(rows) - 1
    groups = {row[-1] for row in rows if row[-1]}
    assert small.metadata["records_read"] == small.metadata["records_returned"] == len(groups)


def test_metadata_names_the_format_list_and_last_updated_date(small: Dataset) -> None:
    assert small.metadata["format"] == "uk-conlist"
    assert small.metadata["publish_date"] == "2022-05-04"
    assert "last_updated" not in small.metadata  # one name for the file's date


def test_a_row_without_group_id_is_a_problem_naming_its_row(small: Dataset) -> None:
    problem = next(p for p in small.problems if "Group ID" in p.message)
    assert problem.record == "row 12"
    assert problem.file == "ConList.csv"


def test_the_primary_name_row_gives_the_name_from_name_1_to_name_6(small: Dataset) -> None:
    assert small.get("uk-13600").name == "Jong Sik KIM"


def test_alias_types_and_qualities_become_alias_qualities(small: Dataset) -> None:
    qualities = {alias.name: alias.quality for alias in small.get("uk-13600").aliases}
    assert qualities["Chong Sik KIM"] is AliasQuality.STRONG  # Primary name variation
    assert qualities["Jong-Sik KIM"] is AliasQuality.STRONG  # AKA, Good quality
    assert qualities["JONG SIK"] is AliasQuality.WEAK  # AKA, Low quality
    assert {a.name: a.quality for a in small.get("uk-13651").aliases}["BIMA"] is AliasQuality.FORMER


def test_the_non_latin_name_is_an_alias_with_its_script(small: Dataset) -> None:
    alias = next(alias for alias in small.get("uk-13600").aliases if alias.script)
    assert (alias.name, alias.script) == ("김정식", "Hang")


def test_a_group_without_a_primary_name_row_is_named_by_its_first_name_with_a_problem(
    small: Dataset,
) -> None:
    assert small.get("uk-13700").name == "SHIP WITH A BAD NUMBER"
    assert any(p.record == "13700" and "Primary name" in p.message for p in small.problems)


# --- what becomes what --------------------------------------------------------------------


def test_individual_becomes_a_person_with_dates_places_documents_and_gender(
    small: Dataset,
) -> None:
    kim = small.get("uk-13600")
    assert isinstance(kim, Person)
    assert [d.isoformat() for d in kim.birth_dates] == [
        "1967",
        "1969-03-15",
    ]  # 00/00/1967 is a year
    assert [(p.city, p.country.alpha2 if p.country else None) for p in kim.birth_places] == [
        ("Pyongyang", "KP"),
        ("Nampo", "KP"),
    ]
    assert [c.alpha2 for c in kim.countries_with("nationality")] == ["KP"]
    passports = [i for i in kim.identifiers if i.scheme == "passport"]
    assert [(i.value, i.note) for i in passports] == [("745310010", "Expires 2020")]
    assert kim.gender is Gender.MALE
    assert kim.positions == ("Representative of KOMID",)


def test_designation_keeps_the_lists_references_regime_and_listing_date(small: Dataset) -> None:
    designation = next(d for d in small.designations if d.entity_id == "uk-13600")
    assert designation.authority_ref == "DPR0001"
    assert designation.programmes == ("Democratic People's Republic of Korea",)
    assert designation.listed == PartialDate(2017, 12, 22)
    assert designation.reasons == ("Involved in arms transfers.",)
    schemes = {i.scheme: i.value for i in small.get("uk-13600").identifiers}
    assert schemes["uk_group_id"] == "13600"
    assert schemes["un_reference"] == "KPi.066"


def test_other_information_free_text_stays_a_note(small: Dataset) -> None:
    assert "Arranged arms deals in 2022." in small.get("uk-13600").notes


def test_entity_in_two_regimes_has_both_programmes_and_the_earliest_listing(
    small: Dataset,
) -> None:
    org = small.get("uk-13635")
    assert isinstance(org, Organization)
    designation = next(d for d in small.designations if d.entity_id == "uk-13635")
    assert designation.programmes == ("Democratic People's Republic of Korea", "Russia")
    assert designation.listed == PartialDate(2018, 4, 3)
    assert [a.full for a in org.addresses] == ["Pyongyang, North Korea", "Vladivostok, Russia"]
    assert org.kind == "Shipping company"
    assert ("registration", "5606") in {(i.scheme, i.value) for i in org.identifiers}


def test_ship_becomes_a_vessel_with_imo_flags_type_tonnage_and_owner(small: Dataset) -> None:
    ship = small.get("uk-13651")
    assert isinstance(ship, Vessel)
    assert ship.imo == "7408873"
    assert ship.flag is not None
    assert ship.flag.alpha2 == "KP"
    assert [c.alpha2 for c in ship.past_flags] == ["PA", "KR"]
    assert (ship.vessel_type, ship.tonnage, ship.build_year) == ("Oil tanker", 1676, 1975)
    assert ship.owner_id == "uk-13635"  # "Listed as asset of ... (OFSI ID: 13635"
    assert "Current owners: Korea Samjong Shipping" in ship.notes


def test_a_bad_imo_and_flag_are_left_out_with_problems(small: Dataset) -> None:
    ship = small.get("uk-13700")
    assert isinstance(ship, Vessel)
    assert ship.imo is None
    assert ship.flag is None
    fields = {p.field for p in small.problems if p.record == "13700"}
    assert {"IMO number", "Flag of ship"} <= fields


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError, match="Group ID"):
        uk_conlist.read(CSV, name="ConList.csv", strict=True)


def test_one_source_shared_by_every_entity_and_designation(small: Dataset) -> None:
    sources = {id(s) for e in small for s in e.sources}
    sources |= {id(s) for d in small.designations for s in d.sources}
    assert len(sources) == 1
    (source,) = small.get("uk-13600").sources
    assert source.published == PartialDate(2022, 5, 4)


def test_reading_twice_gives_the_same_dataset(small: Dataset) -> None:
    again = uk_conlist.read(CSV, name="ConList.csv")
    assert list(again) == list(small)
    assert again.designations == small.designations


def test_the_xlsx_twin_reads_the_same_as_the_csv(small: Dataset, small_xlsx: Dataset) -> None:
    # Everything but the source, whose title names the file.
    assert [attrs.evolve(e, sources=()) for e in small_xlsx] == [
        attrs.evolve(e, sources=()) for e in small
    ]
    assert [attrs.evolve(d, sources=()) for d in small_xlsx.designations] == [
        attrs.evolve(d, sources=()) for d in small.designations
    ]
    assert small_xlsx.metadata["file_type"] == "xlsx"
    assert small_xlsx.metadata["rows_read"] == small.metadata["rows_read"]


def test_workbook_numbers_and_dates_read_as_the_csv_writes_them() -> None:
    # calamine gives a number cell as a float and a date cell as a date: the Group ID 13600
    # must be "13600" (not "13600.0") and the date the day it is, as in ConList.csv.
    pytest.importorskip("python_calamine")
    header = ["Name 6", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID"]
    when = datetime.datetime(2017, 12, 22)
    rows = [["Last Updated", datetime.datetime(2022, 5, 4)], header]
    rows += [["KOMID", "Entity", "Primary name", "DPRK", when, 13600]]
    rows += [["KOMID", "Entity", "Primary name", "DPRK", when, 13600.0]]  # the same group
    ds = uk_conlist.read(io.BytesIO(_workbook_bytes(rows)), name="ConList.xlsx")
    assert [entity.id for entity in ds] == ["uk-13600"]
    assert ds.designations[0].listed == PartialDate(2017, 12, 22)
    assert ds.metadata["publish_date"] == "2022-05-04"
    assert (ds.metadata["rows_read"], ds.metadata["records_read"]) == (2, 1)


def test_a_workbook_opened_with_openpyxl_reads_as_with_calamine(
    small_xlsx: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    # recognises() takes openpyxl workbooks too: their cells (None, int) give the same data.
    openpyxl = pytest.importorskip("openpyxl")

    def with_openpyxl(source: object, name: str) -> object:
        return openpyxl.load_workbook(source, read_only=True, data_only=True)

    monkeypatch.setattr(uk_conlist, "open_workbook", with_openpyxl)
    data = _workbook_bytes(_rows_of(CSV))
    ds = uk_conlist.read(io.BytesIO(data), name="ConList.xlsx")
    assert list(ds) == list(small_xlsx)
    assert (ds.designations, ds.problems) == (small_xlsx.designations, small_xlsx.problems)


def test_later_layout_with_ship_columns_reads_them_from_the_columns() -> None:
    header = [
        "Name 6",
        "Other Information",
        "Group Type",
        "Alias Type",
        "Regime",
        "Listed On",
        "Group ID",
        "IMO number",
        "Current believed flag of ship",
        "Previous flags",
        "Type of ship",
        "Tonnage of ship",
        "Year Built",
        "Current owner/operator(s)",
    ]
    row = ["PETREL 8", "(UK Sanctions List Ref):DPR0075", "Ship", "Primary name", "DPRK"]
    row += ["18/12/2021", "14000", "9562233", "Comoros", "Togo", "Cargo", "2000", "2008", "X Ltd"]
    text = io.StringIO()
    text.write("Last Updated,01/09/2022\n")
    csv.writer(text).writerows([header, row])
    ds = uk_conlist.read(io.BytesIO(text.getvalue().encode()), name="ConList.csv")
    ship = ds.get("uk-14000")
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.flag.alpha2, [c.alpha2 for c in ship.past_flags]) == (
        "9562233",
        "KM",
        ["TG"],
    )
    assert (ship.vessel_type, ship.tonnage, ship.build_year) == ("Cargo", 2000, 2008)
    assert "Current owners: X Ltd" in ship.notes


def test_a_file_in_windows_1252_reads_too() -> None:
    data = CSV.read_text(encoding="utf-8").replace("김정식", "").replace("KIM", "KÏM")
    ds = uk_conlist.read(io.BytesIO(data.encode("cp1252")), name="ConList.csv")
    assert ds.get("uk-13600").name == "Jong Sik KÏM"


# --- the real file ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_rows() -> list[tuple[object, ...]]:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(shared_file(REAL), read_only=True, data_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return rows


@pytest.fixture(scope="module")
def real() -> Dataset:
    pytest.importorskip("openpyxl")
    return shared_dataset(REAL)  # parsed once per run, shared with the other modules


def test_real_file_counts_groups_and_rows(
    real: Dataset, real_rows: list[tuple[object, ...]]
) -> None:
    header = list(real_rows[1])
    group_id = header.index("Group ID")
    data = real_rows[2:]
    groups = {row[group_id] for row in data}
    assert (len(data), len(groups)) == (15261, 3430)
    assert real.metadata["rows_read"] == real.metadata["rows_used"] == len(data)
    assert real.metadata["records_read"] == real.metadata["records_returned"] == len(groups)
    assert real.metadata["publish_date"] == "2022-05-04"
    assert real_rows[0][:2] == ("Last Updated", "04/05/2022")


def test_real_file_group_types_become_entity_kinds(
    real: Dataset, real_rows: list[tuple[object, ...]]
) -> None:
    header = list(real_rows[1])
    kinds = Counter(
        {
            row[header.index("Group ID")]: row[header.index("Group Type")] for row in real_rows[2:]
        }.values()
    )
    assert len(real.persons) == kinds["Individual"]
    assert len(real.organizations) == kinds["Entity"]
    assert len(real.vessels) == kinds["Ship"] == 15


def test_real_file_ships_and_their_imo_numbers(
    real: Dataset, real_rows: list[tuple[object, ...]]
) -> None:
    header = list(real_rows[1])
    expected = {
        f"uk-{row[header.index('Group ID')]}": re.search(
            r"\(IMO number\):(\d{7})", str(row[header.index("Other Information")])
        ).group(1)  # type: ignore[union-attr]
        for row in real_rows[2:]
        if row[header.index("Group Type")] == "Ship"
    }
    assert {ship.id: ship.imo for ship in real.vessels} == expected
    assert all(ship.flag is not None and ship.flag.alpha2 == "KP" for ship in real.vessels)


def test_real_file_ship_sam_jong_2_field_by_field(real: Dataset) -> None:
    ship = real.get("uk-13651")
    assert isinstance(ship, Vessel)
    assert (ship.name, ship.imo, ship.vessel_type, ship.tonnage, ship.build_year) == (
        "SAM JONG 2",
        "7408873",
        "Oil tanker",
        1676,
        1975,
    )
    assert [c.alpha2 for c in ship.past_flags] == ["RU"]
    assert {"AKTIVA", "BIMA"} <= {alias.name for alias in ship.aliases}
    assert ship.owner_id == "uk-13635"
    designation = next(d for d in real.designations if d.entity_id == "uk-13651")
    assert designation.authority_ref == "DPR0100"
    assert designation.listed == PartialDate(2018, 4, 3)


def test_real_file_organisation_with_three_addresses(real: Dataset) -> None:
    org = real.get("uk-12431")
    assert isinstance(org, Organization)
    assert org.name == "HANDASIEH ORGANIZATION FOR ENGINEERING INDUSTRIES"
    assert [a.full for a in org.addresses] == [
        "PO Box 21120, Baramkeh, Damascus, Syria",
        "PO Box 5966, Abou Bakr Al Seddeq St., Damascus, Syria",
        "PO Box 2849, Al Moutanabi Street, Damascus, Syria",
    ]
    designation = next(d for d in real.designations if d.entity_id == "uk-12431")
    assert (designation.authority_ref, designation.programmes) == ("SYR0306", ("Syria",))
    assert designation.listed == PartialDate(2011, 12, 2)


def test_real_file_person_in_two_regimes(real: Dataset) -> None:
    person = real.get("uk-13919")
    assert isinstance(person, Person)
    assert person.name == "Viktor Aliaksandravich LUKASHENKO"
    assert person.birth_dates == (PartialDate(1975, 11, 28),)
    assert person.gender is Gender.MALE
    assert "ЛУКАШЕНКО, Виктор Александрович" in {alias.name for alias in person.aliases}
    designation = next(d for d in real.designations if d.entity_id == "uk-13919")
    assert designation.programmes == ("Belarus", "Global Human Rights")
    assert designation.listed == PartialDate(2020, 9, 29)  # the earlier of the two regimes
    refs = [i.value for i in person.identifiers if i.scheme == "uk_sanctions_list_ref"]
    assert refs == ["BEL0047", "GHR0051"]


def test_real_file_year_only_birth_dates(real: Dataset) -> None:
    kony = real.get("uk-13344")
    assert isinstance(kony, Person)
    assert PartialDate(1959) in kony.birth_dates
    assert PartialDate(1964, 9, 18) in kony.birth_dates


def test_real_file_reads_no_country_from_a_bare_two_letter_word(real: Dataset) -> None:
    # Group 7860's Country of Birth is "(1) to (6) Algeria (7) Morocco": the "to" of
    # a span of items is no country code, and used to give Tonga.
    entity = real.get("uk-7860")
    births = {place.country.alpha2 for place in entity.birth_places if place.country}
    assert births == {"DZ", "MA"}
    assert any(
        problem.record == "7860" and problem.value == "to" and "bare ISO code" in problem.message
        for problem in real.problems
    )


def _plain_titles(rows: list[tuple[object, ...]]) -> dict[str, list[str]]:
    """Per Individual group, its Title items in order ("(1) Mullah (2) Maulavi": two)."""
    header = list(rows[1])
    title, group, kind = header.index("Title"), header.index("Group ID"), header.index("Group Type")
    found: dict[str, list[str]] = {}
    for row in rows[2:]:
        if row[kind] != "Individual" or not row[title]:
            continue
        items = [item.strip() for item in re.split(r"\(\d+\)", str(row[title])) if item.strip()]
        kept = found.setdefault(str(row[group]), [])
        kept.extend(item for item in items if item not in kept)
    return found


def test_real_file_a_persons_titles_are_positions(
    real: Dataset, real_rows: list[tuple[object, ...]]
) -> None:
    titles = _plain_titles(real_rows)
    assert len(titles) == 315  # persons with a Title; 337 distinct Title cells among them
    assert sum(len(items) for items in titles.values()) == 368
    for group, items in titles.items():
        person = real.get(f"uk-{group}")
        assert isinstance(person, Person)
        assert list(person.positions[: len(items)]) == items, group
    # Before, each was only a note "Title: ..." (337 notes): no person keeps one now.
    assert not [n for e in real.entities for n in e.notes if n.startswith("Title: ")]


def test_real_file_the_uk_designation_date_is_an_iso_note_beside_listed_on(
    real: Dataset, real_rows: list[tuple[object, ...]]
) -> None:
    header = list(real_rows[1])
    group = header.index("Group ID")
    designated = header.index("UK Sanctions List Date Designated")
    plain: dict[str, set[str]] = {}
    for row in real_rows[2:]:
        if row[designated]:
            day, month, year = str(row[designated]).split("/")
            plain.setdefault(str(row[group]), set()).add(f"{year}-{month}-{day}")
    assert len(plain) == 3430
    notes = {
        entity.id.removeprefix("uk-"): {
            date
            for note in entity.notes
            for date in re.findall(r"date designated:? (\d{4}-\d\d-\d\d)$", note)
        }
        for entity in real.entities
    }
    assert {group: dates for group, dates in notes.items() if dates} == plain
    # "Listed On" stays the designation's date: 6911 was listed on 23/02/2001 and
    # designated on 25/01/2001.
    designation = next(d for d in real.designations if d.entity_id == "uk-6911")
    assert designation.listed == PartialDate(2001, 2, 23)
    assert "UK Sanctions List date designated: 2001-01-25" in real.get("uk-6911").notes


def test_a_field_over_the_csv_size_limit_rejects_its_row_and_reading_goes_on() -> None:
    rows = _rows_of(CSV)
    lines = CSV.read_bytes().splitlines(keepends=True)
    assert len(lines) == len(rows)  # one line per row: line numbers are row numbers
    # The third line's first cell grown past the csv module's limit (128 KiB by default).
    lines[2] = b"A" * (csv.field_size_limit() + 10) + lines[2]
    before = uk_conlist.read(CSV, name="ConList.csv")
    dataset = uk_conlist.read(io.BytesIO(b"".join(lines)), name="ConList.csv")
    rows_read = len([row for row in rows[2:] if any(cell.strip() for cell in row)])
    assert (dataset.metadata["rows_read"], dataset.metadata["rows_rejected"]) == (
        rows_read,
        before.metadata["rows_rejected"] + 1,
    )
    (problem,) = [p for p in dataset.problems if "field larger than field limit" in p.message]
    assert (problem.file, problem.record) == ("ConList.csv", "line 3")
    with pytest.raises(ReadError, match="line 3"):
        uk_conlist.read(io.BytesIO(b"".join(lines)), name="ConList.csv", strict=True)


# --- a file cut short ----------------------------------------------------------------------------


def _up_to_the_ship_with_a_bad_number() -> bytes:
    """The hand-made CSV up to its row "SHIP WITH A BAD NUMBER" (Group ID 13700), CRLF-ended."""
    data = CSV.read_bytes()
    end = data.index(b"\r\n", data.index(b"SHIP WITH A BAD NUMBER"))
    return data[:end]


#: Cuts of that row: in its Group ID ("137" of "13700"), and inside its Other Information,
#: quoted (a quoted field may hold commas and line endings).
UK_CUTS = {
    "in its unquoted Group ID": lambda data: data[:-2],
    "inside a quoted field": lambda data: data.replace(
        b"(UK Sanctions List Ref):DPR0101", b'"(UK Sanctions List Ref):DPR0101'
    )[: data.rindex(b"(Flag of ship)")],
    "inside a quoted field, just after a line ending": lambda data: (
        data.replace(b"(UK Sanctions List Ref):DPR0101", b'"(UK Sanctions List Ref):DPR0101')[
            : data.rindex(b"(Flag of ship)")
        ]
        + b"\r\n"
    ),
}


@pytest.mark.parametrize("cut", UK_CUTS)
def test_a_row_the_file_cuts_short_is_a_truncated_file_problem(cut: str) -> None:
    data = UK_CUTS[cut](_up_to_the_ship_with_a_bad_number())
    whole = data[: data.rindex(b"\r\n", 0, data.index(b"SHIP WITH A BAD NUMBER")) + 2]
    before = uk_conlist.read(io.BytesIO(whole), name="ConList.csv")
    dataset = uk_conlist.read(io.BytesIO(data), name="ConList.csv")
    assert [entity.id for entity in dataset.entities] == [e.id for e in before.entities]
    assert "uk-137" not in dataset
    assert "uk-13700" not in dataset
    assert dataset.metadata["rows_read"] == before.metadata["rows_read"] + 1
    assert dataset.metadata["rows_rejected"] == before.metadata["rows_rejected"] + 1
    (problem,) = [p for p in dataset.problems if p.code == "truncated-file"]
    # Line 11 is the row of "SHIP WITH A BAD NUMBER".
    assert (problem.file, problem.record) == ("ConList.csv", "line 11")
    with pytest.raises(ReadError, match="cut short"):
        uk_conlist.read(io.BytesIO(data), name="ConList.csv", strict=True)


def test_the_whole_csv_has_no_truncated_file_problem(small: Dataset) -> None:
    assert not [p for p in small.problems if p.code == "truncated-file"]


# --- IMO numbers in Other Information -----------------------------------------------------------


def _by_group(rows: list[tuple[object, ...]], pattern: str) -> dict[str, set[str]]:
    """Group ID -> the numbers ``pattern`` finds in its rows' Other Information."""
    header = list(rows[1])
    other, group_id = header.index("Other Information"), header.index("Group ID")
    found: dict[str, set[str]] = {}
    for row in rows[2:]:
        for number in re.findall(pattern, str(row[other] or "")):
            found.setdefault(str(row[group_id]), set()).add(number)
    return found


def test_real_file_imo_numbers_in_other_information_are_read(
    real: Dataset, real_rows: list[tuple[object, ...]]
) -> None:
    # Counted on the workbook with openpyxl and plain patterns: 17 groups write "IMO" in
    # Other Information. 15 ships as "(IMO number):8605026"; 2 shipping companies as
    # "IMO Number: 5342883." (13340) and "International Maritime Organization (IMO) Number:
    # 1790183." (13143), whose text also lists the 22 vessels it operates, "(a) Chol Ryong
    # (Ryong Gun Bong) 8606173, (b) ...".
    groups = _by_group(real_rows, r"\bIMO\b")
    ships = _by_group(real_rows, r"\(IMO number\):(\d{7})")
    companies = _by_group(real_rows, r"IMO\)? Number: (\d{7})\.")
    operated = _by_group(real_rows, r"\([a-v]\) [^,]*?(\d{7})")
    assert (len(groups), len(ships), len(companies)) == (17, 15, 2)
    assert set(groups) == set(ships) | set(companies)
    assert companies == {"13340": {"5342883"}, "13143": {"1790183"}}
    assert set(operated) == {"13143"}
    assert len(operated["13143"]) == 22

    for group, (number,) in ships.items():
        vessel = real.get(f"uk-{group}")
        assert isinstance(vessel, Vessel)
        assert vessel.imo == number
    read = {
        (entity.id, identifier.value)
        for entity in real.entities
        for identifier in entity.identifiers
        if identifier.scheme == "imo_company"
    }
    assert read == {(f"uk-{group}", number) for group, (number,) in companies.items()}
    assert isinstance(real.get("uk-13340"), Organization)
    (unread,) = [p for p in real.problems if p.field == "Other Information/IMO number"]
    assert (unread.record, unread.code) == ("13143", "unread-value")
    assert set((unread.value or "").split(", ")) == operated["13143"]


def _conlist(*rows: tuple[str, str, str]) -> bytes:
    """A ConList CSV of the hand-made file's header and rows of (name, other information,
    group type), one group each."""
    header = _rows_of(CSV)[1]
    lines = [["Last Updated", "04/05/2022"], header]
    for number, (name, other, group_type) in enumerate(rows, start=1):
        row = [""] * len(header)
        row[header.index("Name 6")] = name
        row[header.index("Other Information")] = other
        row[header.index("Group Type")] = group_type
        row[header.index("Alias Type")] = "Primary name"
        row[header.index("Regime")] = "Russia"
        row[header.index("Listed On")] = "11/03/2022"
        row[header.index("Group ID")] = str(90000 + number)
        lines.append(row)
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(lines)
    return text.getvalue().encode("utf-8")


@pytest.mark.parametrize(
    ("other", "group_type", "scheme", "number"),
    [
        (
            "(UN Ref):KPe.022 IMO Number: 5342883. The company ...",
            "Entity",
            "imo_company",
            "5342883",
        ),
        (
            "International Maritime Organization (IMO) Number: 1790183.",
            "Entity",
            "imo_company",
            "1790183",
        ),
        ("IMO no. 9066978. Listed as asset of X", "Ship", "imo", "9066978"),
        ("(IMO Number):9066978 (Flag of ship):Panama", "Ship", "imo", "9066978"),
        ("IMO: 8605026", "Ship", "imo", "8605026"),
    ],
)
def test_an_imo_number_in_other_information_goes_to_its_place(
    other: str, group_type: str, scheme: str, number: str
) -> None:
    dataset = uk_conlist.read(io.BytesIO(_conlist(("X", other, group_type))), strict=True)
    (entity,) = dataset.entities
    if scheme == "imo":
        assert isinstance(entity, Vessel)
        assert entity.imo == number
    else:
        assert [i.value for i in entity.identifiers if i.scheme == scheme] == [number]


@pytest.mark.parametrize(
    ("other", "group_type"),
    [("IMO Number: 5342884.", "Entity"), ("IMO no. 9066979", "Ship")],
)
def test_a_bad_imo_number_in_other_information_is_a_problem(other: str, group_type: str) -> None:
    # A wrong check digit (the last digit one off): no number, an invalid-imo problem.
    dataset = uk_conlist.read(io.BytesIO(_conlist(("X", other, group_type))))
    (entity,) = dataset.entities
    assert not [i for i in entity.identifiers if i.scheme.startswith("imo")]
    assert getattr(entity, "imo", None) is None
    (problem,) = [p for p in dataset.problems if p.code == "invalid-imo"]
    assert problem.value == other.split()[-1].rstrip(".")


def test_a_ships_imo_number_in_an_organisations_text_is_an_unread_value() -> None:
    # 9066978 has a ship's check digit and not a company's: a vessel the text names.
    other = "Operates the vessel SONG (IMO 9066978)."
    dataset = uk_conlist.read(io.BytesIO(_conlist(("X", other, "Entity"))))
    (entity,) = dataset.entities
    assert not [i for i in entity.identifiers if i.scheme == "imo_company"]
    (problem,) = dataset.problems
    assert (problem.code, problem.value) == ("unread-value", "9066978")
