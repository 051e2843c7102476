"""The matching commands of the command line: ``search`` and ``screen``.

Lists: the built-in dataset and the real OFAC excerpt of tests/data/real/ofac_csv
(ent_num 306 BANCO NACIONAL DE CUBA, 2674 ABBAS, Abu with DOB 10 Dec 1948, 15036 ARTAVIL)
and the UN's of 30 November 2024 (KPi.033 RI WON HO).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main

pa = pytest.importorskip("pyarrow", reason="screen needs the arrow extra")
pytest.importorskip("rapidfuzz", reason="search and screen need the match extra")

REAL = Path(__file__).parent / "data" / "real"
OFAC = str(REAL / "ofac_csv" / "sdn.csv")
UN = str(REAL / "un" / "consolidated-2024-11-30-excerpt.xml")
CUSTOMERS = (
    "id,name,born\n"
    "1,Vladimir Mikheychik,1970\n"
    "2,Jane Doe,\n"
    "3,,\n"
    "4,Abu Abbas,31/31/1948\n"
    "5,BANCO NACIONAL DE CUBA,\n"
)


def test_search_prints_the_best_hits_of_the_builtin_dataset(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["search", "MIKHEYCHIK, Vladimir"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    score, entity_id, name, lists = out.splitlines()[0].split("\t")
    assert (score, entity_id, name) == ("1.00", "vladimir-mikheychik", "Vladimir Mikheychik")
    # Japan's list number of him in the built-in dataset.
    assert lists == "Government of Japan 29-729"


def test_search_json_explains_each_hit_with_its_facts(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["search", "Abu Abbas", "--list", OFAC, "--birth-date", "1948", "--json"]
    assert main(argv) == EXIT_OK
    (hit,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (hit["entity_id"], hit["references"], hit["programmes"]) == (
        "ofac-2674",
        ["2674"],
        ["SDGT"],
    )
    assert hit["matched_name"] == "Abu ABBAS"  # OFAC's a.k.a.
    assert "birth date 1948 agrees (+0.05)" in hit["explanation"]


def test_search_kind_and_several_lists(capsys: pytest.CaptureFixture[str]) -> None:
    lists = ["--list", OFAC, "--list", UN]
    assert main(["search", "ARTAVIL", *lists, "--kind", "vessel", "--json"]) == EXIT_OK
    ids = [json.loads(line)["entity_id"] for line in capsys.readouterr().out.splitlines()]
    assert ids == ["ofac-15036"]
    assert main(["search", "Ri Won Ho", *lists, "--json"]) == EXIT_OK
    (hit,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (hit["entity_id"], hit["references"]) == ("un-kpi.033", ["KPi.033"])
    # A ship's name asked of persons finds nothing.
    assert main(["search", "ARTAVIL", *lists, "--kind", "person"]) == EXIT_PROBLEMS


def test_search_without_a_hit_exits_1_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Jane Doe"]) == EXIT_PROBLEMS
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "   "], "a name must have a letter or a digit"),
        (["search", "X", "--list", "missing-list.csv"], "missing-list.csv"),
        (["search", "X", "--country", "Atlantis"], "Atlantis"),
    ],
)
def test_search_input_errors_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == EXIT_USAGE
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "X", "--threshold", "2"],
        ["search", "X", "--limit", "0"],
        ["search", "X", "--kind", "ship"],
        ["screen", "in.csv", "--kind", "person", "--kind-column", "type"],
    ],
)
def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == EXIT_USAGE
    capsys.readouterr()


@pytest.fixture
def customers(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    path.write_text(CUSTOMERS, encoding="utf-8")
    return path


def test_screen_writes_hits_and_rejected_rows_to_csv(
    capsys: pytest.CaptureFixture[str], customers: Path, tmp_path: Path
) -> None:
    output = tmp_path / "hits.csv"
    argv = ["screen", str(customers), "--list", OFAC, "--id-column", "id"]
    code = main([*argv, "--birth-date-column", "born", "-o", str(output)])
    err = capsys.readouterr().err
    # Rows 3 (no name) and 4 (no 31st month) cannot be read: exit 1, as for values.
    assert code == EXIT_PROBLEMS
    with output.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["query_id"], r["entity_id"], r["problem"][:20]) for r in rows] == [
        ("3", "", "name is blank"),
        ("4", "", "birth date '31/31/19"),
        ("5", "ofac-306", ""),
    ]
    assert (rows[2]["references"], rows[2]["programmes"]) == ("306", "CUBA")
    assert "screened 3 of 5 rows against 3 entities: 1 row with hits (1 hit), 2 rows rejected" in (
        err
    )


def test_screen_to_parquet_is_the_library_result(
    capsys: pytest.CaptureFixture[str], customers: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as parquet

    output = tmp_path / "hits.parquet"
    argv = ["screen", str(customers), "--list", OFAC, "--list", UN, "-o", str(output)]
    assert main(argv) == EXIT_PROBLEMS  # row 3 has no name
    capsys.readouterr()
    table = parquet.read_table(output)
    names = ["Vladimir Mikheychik", "Jane Doe", "", "Abu Abbas", "BANCO NACIONAL DE CUBA"]
    index = sk.match.Index(sk.load(OFAC), sk.load(UN))
    assert table.equals(sk.match.screen({"name": names}, index))
    assert table.column("entity_id").to_pylist() == [None, "ofac-2674", "ofac-306"]


def test_screen_writes_csv_to_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("customer\nMIKHEYCHIK Vladimir\nJane Doe\n", encoding="utf-8")
    assert main(["screen", str(path), "--name-column", "customer", "--kind", "person"]) == EXIT_OK
    captured = capsys.readouterr()
    rows = list(csv.DictReader(captured.out.splitlines()))
    assert [(r["row"], r["entity_id"]) for r in rows] == [("0", "vladimir-mikheychik")]
    assert "0 rows rejected" in captured.err


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("id,name\n1,A\n", ["--name-column", "nom"], "no column 'nom'"),
        ("", [], "the file is empty"),
        ("id,name\n1,A,B\n", [], "line 2 has 3 fields"),
        ("id,name\n1,A\n", ["-o", "hits.txt"], "must end in .csv or .parquet"),
    ],
)
def test_screen_input_errors_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    options: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(content, encoding="utf-8")
    assert main(["screen", "in.csv", *options]) == EXIT_USAGE
    assert message in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_screen_draws_a_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    customers: Path,
    terminal: bool,
) -> None:
    pytest.importorskip("tqdm", reason="the progress bar needs the match extra")
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    main(["screen", str(customers), "--list", OFAC])
    capsys.readouterr()
    shown = stderr.getvalue()
    assert ("screening: 100%" in shown and "5/5" in shown) is terminal
    assert "screened 4 of 5 rows" in shown
