"""Problems from every reader: a code for each, the file as the user named it, and
known problems accepted in strict mode."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.errors import InvalidChecksumError, ReadError
from sanctionkit.formats._reading import Reading, problem_code
from tests.conftest import shared_file

DATA = Path(__file__).resolve().parents[1] / "data"

# A small file of each reader that has at least one problem.
FILES_WITH_PROBLEMS = [
    "ofac/rejects.xml",
    "ofac_csv/sdn.csv",
    "ofac_enhanced/rejects.xml",
    "un/consolidated-small.xml",
    "eu/fsf-small.xml",
    "ca/sema-2025-small.xml",
    "uk/ConList.csv",
]


def _jsonl(directory: Path) -> Path:
    path = directory / "bad.jsonl"
    path.write_text('{"format": "sanctionkit", "version": 1}\n{"type": "vessel", "id": "v"}\n')
    return path


def _ftm(directory: Path) -> Path:
    path = directory / "bad.ftm.json"
    path.write_text('{"id": "x", "schema": "Person", "properties": {"name": ["A"]}}\nnot json\n')
    return path


def _copy(relative: str, directory: Path) -> Path:
    # The OFAC CSV fixture has sibling files: copy the whole folder.
    target = directory / Path(relative).parent.name
    shutil.copytree(DATA / Path(relative).parent, target)
    return target / Path(relative).name


@pytest.fixture(params=[*FILES_WITH_PROBLEMS, "jsonl", "ftm"])
def file_with_problems(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    made = {"jsonl": _jsonl, "ftm": _ftm}
    if request.param in made:
        return made[request.param](tmp_path)
    return _copy(request.param, tmp_path)


# --- Problem.file ------------------------------------------------------------------------


def test_problems_name_the_file_by_the_path_as_given(
    file_with_problems: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A relative path stays relative: the user sees what they typed.
    monkeypatch.chdir(file_with_problems.parent.parent)
    given = f"{file_with_problems.parent.name}/{file_with_problems.name}"
    problems = sk.load(given).problems
    assert problems
    main_file = [p for p in problems if Path(p.file or "").name == file_with_problems.name]
    assert main_file
    assert all(p.file == given for p in main_file)
    # A sibling (add.csv beside sdn.csv) is named as the same folder would name it.
    assert all(Path(p.file or "").parent == Path(given).parent for p in problems)


def test_problems_of_an_open_file_name_its_name(file_with_problems: Path) -> None:
    with file_with_problems.open("rb") as opened:
        problems = sk.load(opened).problems
    assert {p.file for p in problems} >= {str(file_with_problems)}


def test_strict_reading_names_the_path_as_given(file_with_problems: Path) -> None:
    with pytest.raises(ReadError) as raised:
        sk.load(file_with_problems, strict=True)
    assert Path(raised.value.problem.file or "").parent == file_with_problems.parent


# --- codes -------------------------------------------------------------------------------


def test_every_problem_of_every_reader_has_a_code(file_with_problems: Path) -> None:
    for problem in sk.load(file_with_problems).problems:
        assert problem.code, problem


def test_a_value_error_gives_its_class_code() -> None:
    assert problem_code(InvalidChecksumError("bad", "9683741")) == "invalid-identifier"
    assert problem_code(sk.UnknownCountryError("no such country")) == "unknown-country"
    assert problem_code(ReadError(sk.Problem(message="bad", code="invalid-imo"))) == "invalid-imo"
    assert problem_code(ValueError("plain")) is None  # coded by what the problem names
    assert problem_code(KeyError("x")) is None


def test_a_problem_reported_while_handling_a_parse_error_takes_its_code() -> None:
    reading = Reading(file="f")
    try:
        sk.parse_date("yesterday-ish")
    except ValueError as error:
        reading.problem(str(error), record="1", field="dob")
    reading.problem("no name", record="2")
    assert [p.code for p in reading.problems] == ["invalid-date", "invalid-record"]


def test_the_readings_value_parsers_give_codes() -> None:
    reading = Reading(file="f")
    reading.country("Atlantis", record="1", field="nationality")
    reading.imo_number("9683741", record="1")
    reading.mmsi_number("12345", record="1")
    reading.date("no date at all", record="1", field="dob")
    reading.single_date("1960 to 1962", record="1", field="dob")
    reading.reject("record has no name", record="2")
    codes = [p.code for p in reading.problems]
    assert codes == [
        "unknown-country",
        "invalid-imo",
        "invalid-mmsi",
        "invalid-date",
        "date-range",
        "rejected-record",
    ]


def test_the_fixtures_problems_have_the_codes_of_their_kind() -> None:
    problems = sk.load(DATA / "ofac_csv" / "sdn.csv").problems
    coded = {(p.record, p.field): p.code for p in problems}
    assert coded["7003", "Remarks/IMO"] == "invalid-imo"  # check digit 1, expected 0
    assert coded["7003", "Vess_flag"] == "unknown-country"  # "Atlantis"
    assert coded["7006", None] == "rejected-record"  # a row of 3 fields


# --- accepting known problems ------------------------------------------------------------


SDN_CSV = DATA / "ofac_csv" / "sdn.csv"


def test_strict_fails_on_the_first_problem_not_accepted() -> None:
    with pytest.raises(ReadError) as raised:
        sk.load(SDN_CSV, strict=True, accept=["unknown-country"])
    assert raised.value.problem.code == "invalid-imo"
    assert not raised.value.problem.accepted


def test_strict_reads_a_file_whose_problems_are_all_accepted() -> None:
    codes = {problem.code for problem in sk.load(SDN_CSV).problems}
    dataset = sk.load(SDN_CSV, strict=True, accept=sorted(codes))
    assert dataset.problems
    assert all(problem.accepted for problem in dataset.problems)
    assert dataset.unaccepted_problems == ()
    assert len(dataset) == 7


def test_a_rule_with_a_record_accepts_that_record_only() -> None:
    dataset = sk.load(SDN_CSV, accept=["unknown-country:7003"])
    accepted = [(p.record, p.field) for p in dataset.problems if p.accepted]
    assert accepted == [("7003", "Vess_flag")]
    unknown = [p for p in dataset.unaccepted_problems if p.code == "unknown-country"]
    assert {p.record for p in unknown} == {"7001", "7005"}


def test_a_lenient_read_marks_accepted_problems_and_keeps_them() -> None:
    plain = sk.load(SDN_CSV)
    marked = sk.load(SDN_CSV, accept=["invalid-imo"])
    assert len(marked.problems) == len(plain.problems)
    assert [p.accepted for p in marked.problems if p.code == "invalid-imo"] == [True]
    assert (marked.entities, marked.designations) == (plain.entities, plain.designations)
    assert marked.metadata == plain.metadata


@pytest.mark.parametrize("rule", ["Invalid IMO", "invalid-imo:", ":7003", ""])
def test_a_malformed_rule_is_a_value_error_naming_it(rule: str) -> None:
    with pytest.raises(ValueError, match="CODE:RECORD"):
        sk.load(SDN_CSV, accept=[rule])


def test_ofacs_own_bad_imo_check_digits_can_be_accepted_in_strict_mode() -> None:
    path = shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv")
    # Remark clauses whose label is known but whose value is not read (record 7940:
    # "nationality possibly Palestinian"), the clauses with a range for one date, and
    # links to names no entry, or several, have as their primary name.
    known = ["unread-value", "date-range", "link-not-in-file", "ambiguous-link"]
    with pytest.raises(ReadError) as raised:
        sk.load(path, strict=True, accept=known)
    assert raised.value.problem.code == "invalid-imo"
    # Vessels in the file whose IMO numbers fail the check digit (record 19569: IMO
    # 5878589, whose check digit should be 1).
    dataset = sk.load(path, strict=True, accept=["invalid-imo", *known])
    bad_imo = [p for p in dataset.problems if p.code == "invalid-imo"]
    assert ("19569", "5878589") in {(p.record, p.value) for p in bad_imo}
    assert all(p.accepted for p in dataset.problems)
    assert dataset.metadata["records_read"] == 14965


def test_a_range_where_one_date_belongs_is_a_date_range_however_it_is_reported() -> None:
    # Readers check this themselves too; the same words get the same code.
    reading = Reading(file="f")
    reading.problem("expected one date, found a range", record="1", field="DOB")
    try:
        raise ValueError("expected one date, found a range")
    except ValueError as error:
        reading.problem(str(error), record="2", field="Passport expires")
    assert [p.code for p in reading.problems] == ["date-range", "date-range"]
