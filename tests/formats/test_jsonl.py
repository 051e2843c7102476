"""Specification of sanctionkit's JSON lines: header, records, lenient and strict reading."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import sanctionkit as sk

KR = sk.Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry")


def small_dataset() -> sk.Dataset:
    return sk.Dataset(
        entities=[
            sk.Vessel(id="vessel-maria", name="MARIA", flag="RU"),
            sk.Person(id="rim-yong-hyok", name="Rim Yong-hyok"),
        ],
        designations=[sk.Designation(entity_id="vessel-maria", authority=KR, listed="2024-05-24")],
        metadata={"title": "test"},
    )


def test_the_first_line_is_a_header_with_format_version_and_metadata() -> None:
    header = json.loads(sk.dumps(small_dataset()).splitlines()[0])
    assert header == {"format": "sanctionkit", "version": 1, "metadata": {"title": "test"}}


def test_each_record_is_one_line_tagged_with_its_type() -> None:
    lines = [json.loads(line) for line in sk.dumps(small_dataset()).splitlines()[1:]]
    assert [line["type"] for line in lines] == ["vessel", "person", "designation"]


def test_reading_counts_the_records_read_and_rejected() -> None:
    dataset = sk.loads(sk.dumps(small_dataset()))
    assert dataset.metadata["records_read"] == 3
    assert dataset.metadata["records_rejected"] == 0
    assert dataset.metadata["title"] == "test"


def test_a_bad_record_becomes_a_problem_naming_line_field_and_value() -> None:
    text = sk.dumps(small_dataset()).replace('"flag": "RU"', '"flag": "Ruritania"')
    dataset = sk.loads(text, source="list.jsonl")
    first = dataset.problems[0]
    assert (first.file, first.record, first.field) == ("list.jsonl", "line 2", "flag")
    assert "Ruritania" in first.message
    assert '"flag": "Ruritania"' in (first.value or "")


def test_counts_add_up_when_records_are_rejected() -> None:
    # The vessel line is bad, so the designation of the vessel is rejected with it.
    text = sk.dumps(small_dataset()).replace('"flag": "RU"', '"flag": "Ruritania"')
    dataset = sk.loads(text)
    read = int(dataset.metadata["records_read"])
    rejected = int(dataset.metadata["records_rejected"])
    returned = len(dataset.entities) + len(dataset.designations)
    assert (read, rejected, returned) == (3, 2, 1)
    assert len(dataset.problems) == rejected


def test_strict_reading_raises_the_first_problem() -> None:
    text = sk.dumps(small_dataset()).replace('"name": "Rim Yong-hyok"', '"name": ""')
    with pytest.raises(sk.ReadError) as caught:
        sk.loads(text, strict=True)
    assert caught.value.problem.record == "line 3"
    assert "Person.name" in str(caught.value)


@pytest.mark.parametrize(
    "line",
    ['{"id": "x"}', '{"type": "spaceship", "id": "x"}', "not json", "[1, 2]"],
)
def test_lines_that_are_not_records_are_problems(line: str) -> None:
    text = sk.dumps(small_dataset()) + line + "\n"
    dataset = sk.loads(text)
    assert len(dataset.problems) == 1
    assert dataset.problems[0].record == "line 5"


def test_text_without_the_header_is_refused() -> None:
    with pytest.raises(sk.ReadError, match="not sanctionkit JSON lines"):
        sk.loads('{"type": "person", "id": "p", "name": "X"}\n')


def test_a_newer_format_version_is_refused() -> None:
    with pytest.raises(sk.ReadError, match="version 2"):
        sk.loads('{"format": "sanctionkit", "version": 2}\n')


def test_dump_and_load_use_files(tmp_path: Path) -> None:
    path = tmp_path / "dataset.jsonl"
    sk.dump(small_dataset(), path)
    assert sk.load(path) == small_dataset()
    assert sk.load(str(path), format="sanctionkit") == small_dataset()


def test_load_reads_open_files() -> None:
    assert sk.load(io.StringIO(sk.dumps(small_dataset()))) == small_dataset()


def test_load_detects_the_format_from_content_not_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "list.xml"  # a misleading name
    path.write_text(sk.dumps(small_dataset()), encoding="utf-8")
    assert sk.load(path) == small_dataset()


def test_load_names_what_it_found_in_an_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("name,country\nMARIA,RU\n", encoding="utf-8")
    with pytest.raises(sk.UnknownFormatError, match="name,country"):
        sk.load(path)
