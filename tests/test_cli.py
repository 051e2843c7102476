"""Specification of the ``sanctionkit`` command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.cli import (
    DEBUG_VARIABLE,
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARSE_FAILED,
    EXIT_USAGE,
    _datasets,
    _values,
    main,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def json_lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_country_prints_the_code_of_each_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "country", "--json", "Korea, North", "Cypriot", "USSR")
    assert code == EXIT_OK
    rows = json_lines(out)
    assert [row["code"] for row in rows] == ["KP", "CY", "SUHH"]
    assert [row["historical"] for row in rows] == [False, False, True]
    assert rows[0]["input"] == "Korea, North"


def test_a_failed_value_is_reported_on_its_line_and_sets_exit_code_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "country", "--json", "Korea", "Russia")
    assert code == EXIT_PARSE_FAILED
    failed, parsed = json_lines(out)
    assert failed["error_type"] == "AmbiguousCountryError"
    assert failed["suggestions"] == ["KP", "KR"]
    assert parsed["code"] == "RU"


def test_date_resolves_relative_phrases_against_the_reference(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 24 May 2024 was a Friday: "last week" is Monday 13 to Sunday 19 May.
    code, out = run(capsys, "date", "--json", "--reference", "2024-05-24", "last week")
    assert code == EXIT_OK
    (row,) = json_lines(out)
    assert (row["date"], row["earliest"], row["latest"]) == (
        "2024-05-13/2024-05-19",
        "2024-05-13",
        "2024-05-19",
    )


def test_date_order_options_decide_ambiguous_numeric_dates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "date", "03/05/1962")[0] == EXIT_PARSE_FAILED
    assert json_lines(run(capsys, "date", "--json", "--dayfirst", "03/05/1962")[1])[0]["date"] == (
        "1962-05-03"
    )
    assert json_lines(run(capsys, "date", "--json", "--monthfirst", "03/05/1962")[1])[0][
        "date"
    ] == ("1962-03-05")


def test_imo_checks_the_check_digit(capsys: pytest.CaptureFixture[str]) -> None:
    # 9*7 + 0*6 + 7*5 + 4*4 + 7*3 + 2*2 = 139: the check digit of 907472 is 9.
    code, out = run(capsys, "imo", "--json", "IMO 9074729", "IMO 9074728")
    assert code == EXIT_PARSE_FAILED
    valid, invalid = json_lines(out)
    assert valid["imo"] == "9074729"
    assert invalid["error_type"] == "InvalidChecksumError"


def test_mmsi_reports_kind_and_flag(capsys: pytest.CaptureFixture[str]) -> None:
    # MID 273 is allocated to the Russian Federation; 445 to the DPRK.
    code, out = run(capsys, "mmsi", "--json", "273123456", "445123456")
    assert code == EXIT_OK
    assert [(row["kind"], row["flag"]) for row in json_lines(out)] == [
        ("ship", "RU"),
        ("ship", "KP"),
    ]


def test_a_dash_reads_values_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Russia\r\nCyprus\n"))
    code, out = run(capsys, "country", "--json", "-")
    assert code == EXIT_OK
    assert [row["code"] for row in json_lines(out)] == ["RU", "CY"]


def test_plain_output_has_one_tab_separated_line_per_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out = run(capsys, "country", "Cyprus", "Narnia")
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[:2] == ["Cyprus", "CY"]
    assert "unknown country 'Narnia'" in lines[1]


def test_usage_errors_exit_with_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["country"])
    assert caught.value.code == EXIT_USAGE
    with pytest.raises(SystemExit) as caught:
        main(["date", "--reference", "yesterday", "1962"])
    assert caught.value.code == EXIT_USAGE
    capsys.readouterr()


def test_demo_tours_every_parser(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "demo")
    assert code == EXIT_OK
    for command in ("country", "date", "imo", "mmsi"):
        assert f"$ sanctionkit {command} " in out
    assert "2024-05-13/2024-05-19" in out  # "last week" before Friday 24 May 2024


def test_the_module_runs_as_a_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sanctionkit", "country", "Burma"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_OK
    assert result.stdout.split("\t")[1] == "MM"


# --- dataset commands ----------------------------------------------------------------------


def test_summary_of_the_builtin_dataset_lists_packages_transfers_and_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "summary")
    assert code == EXIT_OK
    # Japan: 11 organisations and 1 individual; South Korea: 7 people and 2 ships (the
    # corroborated reading); the US package of 16 August 2023: 3 entities.
    assert "2024-05-24  Government of Japan (JP): 11 organizations, 1 person" in out
    assert "(KR): 7 persons, 2 vessels" in out
    assert "2023-08-16" in out
    assert "DISPUTED   containers of ammunition (KP -> RU)" in out
    assert "Problems: none" in out


def test_summary_json_counts_records_by_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "summary", "--json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["counts"]["packages"] == 3
    assert data["counts"]["vessels"] == 2
    assert data["packages"][0]["designations"] == {"organization": 11, "person": 1}
    assert {t["id"]: t["status"] for t in data["transfers"]}["kp-ru-ammunition"] == "disputed"


def write_dataset_with_a_bad_line(path: Path) -> Path:
    import sanctionkit as sk

    dataset = sk.Dataset(entities=[sk.Vessel(id="v", name="MARIA", flag="RU")])
    path.write_text(sk.dumps(dataset) + '{"type": "vessel", "id": "w", "name": ""}\n')
    return path


def test_summary_strict_exits_1_when_the_source_has_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = str(write_dataset_with_a_bad_line(tmp_path / "data.jsonl"))
    assert run(capsys, "summary", source)[0] == EXIT_OK
    code, out = run(capsys, "summary", "--strict", source)
    assert code == 1
    assert "Problems: 1" in out
    assert "line 3" in out


def test_an_unreadable_source_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["summary", str(tmp_path / "missing.jsonl")]) == EXIT_USAGE
    assert "missing.jsonl" in capsys.readouterr().err
    unknown = tmp_path / "list.csv"
    unknown.write_text("a,b\n1,2\n")
    assert main(["summary", str(unknown)]) == EXIT_USAGE
    assert "no reader" in capsys.readouterr().err


def test_show_prints_an_entity_with_its_designations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "show", "--json", "vladimir-mikheychik")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["type"] == "person"
    assert data["birth_dates"] == ["1970-05-16"]
    assert [d["listed"] for d in data["designations"]] == ["2024-05-24"]


def test_show_prints_plain_key_value_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "show", "kp-ru-ammunition")
    assert code == EXIT_OK
    assert "origin: KP" in out
    assert "destination: RU" in out


def test_show_of_an_unknown_id_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "show", "no-such-record")
    assert code == EXIT_USAGE
    assert "no-such-record" in out


def test_validate_reports_counts_and_problems_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = str(write_dataset_with_a_bad_line(tmp_path / "data.jsonl"))
    code, out = run(capsys, "validate", source)
    assert code == 1
    assert "records read 2, returned 1, rejected 1; 1 problems" in out
    assert "line 3" in out
    code, out = run(capsys, "validate", "--json", source)
    report = json.loads(out)
    assert (report["records_read"], report["records_rejected"]) == (2, 1)
    assert report["problems"][0]["record"] == "line 3"


def test_validate_of_a_clean_file_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import sanctionkit as sk

    path = tmp_path / "clean.jsonl"
    sk.dump(sk.builtin_dataset(), path)
    code, out = run(capsys, "validate", str(path))
    assert code == EXIT_OK
    assert "0 problems" in out


def test_diff_prints_added_removed_and_changed_records(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import sanctionkit as sk

    ofac = sk.Authority(name="OFAC", country="US")
    old = sk.Dataset(
        entities=[sk.Vessel(id="a", name="MARIA"), sk.Vessel(id="b", name="MAIA-1")],
        designations=[
            sk.Designation(entity_id="a", authority=ofac, authority_ref="1"),
            sk.Designation(entity_id="b", authority=ofac, authority_ref="2"),
        ],
    )
    new = sk.Dataset(
        entities=[sk.Vessel(id="a", name="MARIA II"), sk.Vessel(id="c", name="NEW")],
        designations=[
            sk.Designation(entity_id="a", authority=ofac, authority_ref="1"),
            sk.Designation(entity_id="c", authority=ofac, authority_ref="3"),
        ],
    )
    sk.dump(old, tmp_path / "old.jsonl")
    sk.dump(new, tmp_path / "new.jsonl")
    code, out = run(capsys, "diff", str(tmp_path / "old.jsonl"), str(tmp_path / "new.jsonl"))
    assert code == EXIT_OK
    assert out.splitlines()[0] == "1 added, 1 removed, 1 changed"
    code, out = run(
        capsys, "diff", "--json", str(tmp_path / "old.jsonl"), str(tmp_path / "new.jsonl")
    )
    report = json.loads(out)
    assert [item["name"] for item in report["added"]] == ["NEW"]
    assert [item["name"] for item in report["removed"]] == ["MAIA-1"]
    assert report["changed"][0]["fields"] == ["entity.name"]


# --- known problems, diff values, CSV columns ----------------------------------------------

OFAC_CSV = Path(__file__).resolve().parent / "data" / "ofac_csv" / "sdn.csv"


def test_validate_prints_each_problem_with_the_rule_that_accepts_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(capsys, "validate", str(OFAC_CSV))
    assert code == EXIT_PARSE_FAILED
    assert f"  [invalid-imo:7003] file {OFAC_CSV}, record 7003, field Remarks/IMO:" in out


def test_validate_exits_0_when_every_problem_is_accepted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # link-not-in-file: MAHAN AIR, which the fixture names twice, is not in it.
    codes = ["unknown-country", "invalid-imo", "invalid-value", "link-not-in-file"]
    codes.append("rejected-record")
    accepted = [argument for code in codes for argument in ("--accept", code)]
    code, out = run(capsys, "validate", str(OFAC_CSV), *accepted)
    assert code == EXIT_OK
    assert "10 problems, 10 accepted" in out.splitlines()[0]
    code, out = run(capsys, "validate", str(OFAC_CSV), *accepted[:-2])  # not rejected-record
    assert code == EXIT_PARSE_FAILED


def test_validate_json_gives_codes_and_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "validate", "--json", str(OFAC_CSV), "--accept", "invalid-imo:7003")
    report = json.loads(out)
    assert code == EXIT_PARSE_FAILED
    assert report["records_read"] == 8  # a number, not a string
    assert report["accepted"] == 1
    (imo,) = [p for p in report["problems"] if p["code"] == "invalid-imo"]
    assert (imo["record"], imo["value"], imo["accepted"]) == ("7003", "9683741", True)


def test_summary_strict_fails_only_on_problems_not_accepted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, "summary", str(OFAC_CSV), "--strict")[0] == EXIT_PARSE_FAILED
    # link-not-in-file: MAHAN AIR, which the fixture names twice, is not in it.
    codes = ["unknown-country", "invalid-imo", "invalid-value", "link-not-in-file"]
    codes.append("rejected-record")
    accepted = [argument for code in codes for argument in ("--accept", code)]
    assert run(capsys, "summary", str(OFAC_CSV), "--strict", *accepted)[0] == EXIT_OK


def test_a_malformed_accept_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["validate", str(OFAC_CSV), "--accept", "Bad Code"])
    assert exited.value.code == EXIT_USAGE
    assert "CODE:RECORD" in capsys.readouterr().err


def _two_versions(tmp_path: Path) -> tuple[str, str]:
    import sanctionkit as sk

    ofac = sk.Authority(name="OFAC", country="US")

    def version(name: str, programmes: list[str], problems: int) -> sk.Dataset:
        return sk.Dataset(
            entities=[sk.Vessel(id="a", name=name)],
            designations=[
                sk.Designation(
                    entity_id="a", authority=ofac, authority_ref="1", programmes=programmes
                )
            ],
            problems=[sk.Problem(message="bad", record="1", code="invalid-imo")] * problems,
        )

    sk.dump(version("MARIA", ["DPRK", "UKRAINE-EO13662"], 0), tmp_path / "old.jsonl")
    sk.dump(version("MARIA II", ["DPRK", "MAGNIT"], 1), tmp_path / "new.jsonl")
    return str(tmp_path / "old.jsonl"), str(tmp_path / "new.jsonl")


def test_diff_prints_the_old_and_new_values_of_each_changed_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out = run(capsys, "diff", *_two_versions(tmp_path))
    assert code == EXIT_OK
    assert out.splitlines() == [
        "0 added, 0 removed, 1 changed",
        "  changed  1  MARIA II",
        "      designation.programmes: added 'MAGNIT', removed 'UKRAINE-EO13662'",
        "      entity.name: 'MARIA' -> 'MARIA II'",
    ]


def test_diff_json_gives_the_values_of_each_changed_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, out = run(capsys, "diff", "--json", *_two_versions(tmp_path))
    (changed,) = json.loads(out)["changed"]
    assert changed["fields"] == ["designation.programmes", "entity.name"]
    assert changed["changes"] == [
        {"field": "designation.programmes", "added": ["MAGNIT"], "removed": ["UKRAINE-EO13662"]},
        {"field": "entity.name", "old": "MARIA", "new": "MARIA II"},
    ]


def test_diff_strict_fails_on_problems_not_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = _two_versions(tmp_path)
    assert run(capsys, "diff", old, new, "--strict")[0] == EXIT_PARSE_FAILED
    assert run(capsys, "diff", old, new, "--strict", "--accept", "invalid-imo:1")[0] == EXIT_OK


def test_column_reads_one_field_of_csv_rows_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = '7001,101,"Pyongyang","Korea, North"\n7002,102,Limassol,Cyprus\n7003,103,,\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(rows))
    code, out = run(capsys, "country", "--json", "--column", "4", "-")
    assert code == EXIT_OK
    assert [(row["input"], row["code"]) for row in json_lines(out)] == [
        ("Korea, North", "KP"),
        ("Cyprus", "CY"),
    ]


def test_column_reads_csv_files_given_as_arguments(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The layout of OFAC's add.csv: ent_num, add_num, address, city, country, remarks.
    path = tmp_path / "add.csv"
    path.write_bytes(
        b'36,25,-0- ,"Havana","Cuba",-0- \r\n7005,13,"Rua 1, 2",-0- ,"Cyprus",-0- \r\n'
    )
    code, out = run(capsys, "country", "--json", "--column", "5", str(path))
    assert [row["code"] for row in json_lines(out)] == ["CU", "CY"]
    assert code == EXIT_OK


@pytest.mark.parametrize("column", ["0", "-1", "x"])
def test_column_is_counted_from_1(capsys: pytest.CaptureFixture[str], column: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["country", "--column", column, "-"])
    assert exited.value.code == EXIT_USAGE


@pytest.mark.parametrize("command", ["diff", "validate", "summary"])
def test_files_are_read_with_the_cycle_collector_paused_and_it_is_restored(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # A million long-lived objects per list, no cycles: collections only walk them in
    # vain (0.8 s of 2.9 s in a diff of two OFAC files).
    import gc

    from sanctionkit.cli import _datasets

    collector_on: list[bool] = []

    def load(*args: object, **kwargs: object) -> object:
        collector_on.append(gc.isenabled())
        return _datasets.builtin_dataset()

    monkeypatch.setattr(_datasets, "load", load)
    files = ["old.jsonl", "new.jsonl"] if command == "diff" else ["list.jsonl"]
    assert gc.isenabled()
    run(capsys, command, *files)
    assert collector_on == [False] * len(files)
    assert gc.isenabled()


# --- behaving as a Unix tool ------------------------------------------------------------------


def test_a_reader_that_closes_the_pipe_early_ends_it_quietly(tmp_path: Path) -> None:
    # Far more output than a pipe buffers, so the writer meets the closed pipe.
    values = tmp_path / "values.txt"
    values.write_text("Russia\n" * 50_000, encoding="utf-8")
    with values.open("rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "sanctionkit", "country", "-"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `| head -1` does after its line
        errors = process.stderr.read()
        code = process.wait(timeout=60)
    assert first.startswith(b"Russia\tRU\t")
    assert (code, errors) == (EXIT_BROKEN_PIPE, b"")


def test_text_the_terminal_cannot_encode_is_escaped_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sanctionkit", "country", "北朝鮮"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert (result.returncode, result.stderr) == (EXIT_OK, b"")
    assert result.stdout.split(b"\t")[:2] == [b"\\u5317\\u671d\\u9bae", b"KP"]


def test_ctrl_c_exits_130_without_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(text: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_values, "parse_country", interrupted)
    assert main(["country", "Russia"]) == EXIT_INTERRUPTED
    assert capsys.readouterr().err == ""


def _broken_load(source: object) -> None:
    raise TypeError("unhashable type: 'list'")


@pytest.mark.parametrize("debug", ["flag", "variable", None])
def test_an_internal_error_names_the_input_and_asks_for_a_report(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    debug: str | None,
) -> None:
    monkeypatch.setattr(_datasets, "load", _broken_load)
    monkeypatch.delenv(DEBUG_VARIABLE, raising=False)
    argv = ["summary", str(tmp_path / "list.xml")]
    if debug == "flag":
        argv.insert(0, "--debug")
    elif debug == "variable":
        monkeypatch.setenv(DEBUG_VARIABLE, "1")
    assert main(argv) == EXIT_INTERNAL_ERROR
    err = capsys.readouterr().err
    message = err.splitlines()[-1]
    assert message.startswith(f"sanctionkit: internal error on {tmp_path / 'list.xml'}: TypeError")
    assert "please report it" in message
    assert ("Traceback (most recent call last)" in err) == (debug is not None)
    if debug is None:
        assert len(err.splitlines()) == 1


def test_show_reads_a_record_from_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "list.jsonl"
    sk.dump(sk.Dataset(entities=[sk.Vessel(id="vessel-maria", name="MARIA")]), path)
    code, out = run(capsys, "show", "--json", "vessel-maria", str(path))
    assert code == EXIT_OK
    assert json.loads(out)["name"] == "MARIA"
