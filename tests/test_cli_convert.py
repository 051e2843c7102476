"""``sanctionkit convert``: a list read in one format, written in another."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.cli import EXIT_OK, main

REAL = Path(__file__).parent / "data" / "real"
#: Four records: two INDIVIDUAL and two ENTITY elements (count them in the file).
UN_EXCERPT = REAL / "un" / "consolidated-2024-11-30-excerpt.xml"
#: One record whose country is not a country (see the conformance of the OFAC XML reader).
OFAC_EXCERPT = REAL / "ofac" / "consolidated-2018-excerpt.xml"


@pytest.fixture(scope="module")
def un_dataset() -> sk.Dataset:
    return sk.load(UN_EXCERPT)


def convert(tmp_path: Path, source: Path, output: str, *options: str) -> tuple[int, Path]:
    target = tmp_path / output
    return main(["convert", str(source), "-o", str(target), *options]), target


def test_json_lines_give_back_the_dataset(tmp_path: Path, un_dataset: sk.Dataset) -> None:
    code, target = convert(tmp_path, UN_EXCERPT, "un.jsonl")
    assert code == EXIT_OK
    assert sk.load(target) == un_dataset


def test_followthemoney_output_holds_every_entity(tmp_path: Path, un_dataset: sk.Dataset) -> None:
    code, target = convert(tmp_path, UN_EXCERPT, "un.ftm.json")
    assert code == EXIT_OK
    written = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    ids = {row["id"] for row in written}
    assert {entity.id for entity in un_dataset.entities} <= ids
    assert {row["schema"] for row in written} >= {"Person", "Organization"}


def test_csv_writes_the_entities_and_each_table_beside_them(
    tmp_path: Path, un_dataset: sk.Dataset
) -> None:
    code, target = convert(tmp_path, UN_EXCERPT, "un.csv")
    assert code == EXIT_OK
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["entity_type"] for row in rows) == [
        "organization",
        "organization",
        "person",
        "person",
    ]
    assert {row["id"] for row in rows} == {entity.id for entity in un_dataset.entities}
    aliases = tmp_path / "un.aliases.csv"
    with aliases.open(encoding="utf-8", newline="") as handle:
        alias_rows = list(csv.DictReader(handle))
    assert len(alias_rows) == sum(len(entity.aliases) for entity in un_dataset.entities)
    assert (tmp_path / "un.designations.csv").exists()


def test_parquet_tables_read_back_with_the_same_rows(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    code, target = convert(tmp_path, UN_EXCERPT, "un.parquet")
    assert code == EXIT_OK
    assert parquet.read_table(target).num_rows == 4
    assert parquet.read_table(tmp_path / "un.designations.parquet").num_rows == 4


def test_to_overrides_the_suffix(tmp_path: Path, un_dataset: sk.Dataset) -> None:
    code, target = convert(tmp_path, UN_EXCERPT, "un.txt", "--to", "jsonl")
    assert code == EXIT_OK
    assert sk.load(target) == un_dataset


def test_an_unknown_suffix_is_refused_naming_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, target = convert(tmp_path, UN_EXCERPT, "un.xml")
    assert code == 2
    assert not target.exists()
    error = capsys.readouterr().err
    assert "'" + str(target) + "'" in error
    assert ".jsonl" in error
    assert ".parquet" in error


def test_strict_writes_nothing_when_the_source_has_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sk.load(OFAC_EXCERPT).problems  # the premise: this excerpt has a problem
    code, target = convert(tmp_path, OFAC_EXCERPT, "ofac.jsonl", "--strict")
    assert code == 1
    assert not target.exists()
    assert "consolidated-2018-excerpt.xml" in capsys.readouterr().err
