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


def test_load_detects_the_format_from_content_not_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "list.xml"  # a misleading name
    path.write_text(sk.dumps(small_dataset()), encoding="utf-8")
    assert sk.load(path) == small_dataset()


def test_load_names_what_it_found_in_an_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("name,country\nMARIA,RU\n", encoding="utf-8")
    with pytest.raises(sk.UnknownFormatError, match="name,country"):
        sk.load(path)


# --- malformed files: problems, never stray exceptions ------------------------------------

HEADER = '{"format": "sanctionkit", "version": 1}\n'
MARIA = '{"type": "vessel", "id": "vessel-maria", "name": "MARIA"}\n'


def counts(dataset: sk.Dataset) -> tuple[int, int, int]:
    metadata = dataset.metadata
    return tuple(  # type: ignore[return-value]
        metadata[f"records_{key}"] for key in ("read", "returned", "rejected")
    )


def test_a_dumped_and_reloaded_file_counts_this_read_and_keeps_the_source_counts() -> None:
    # A dataset read from an official list: 5 records read, 1 of them rejected.
    read = sk.Dataset(
        entities=small_dataset().entities,
        metadata={"records_read": 5, "records_returned": 4, "records_rejected": 1},
    )
    again = sk.loads(sk.dumps(sk.loads(sk.dumps(read))))
    assert counts(again) == (2, 2, 0)  # the two entity lines of this file
    assert (
        again.metadata["source_records_read"],
        again.metadata["source_records_returned"],
        again.metadata["source_records_rejected"],
    ) == (5, 4, 1)


@pytest.mark.parametrize("metadata", ["[1, 2]", '"a list"', "7"])
def test_header_metadata_that_is_not_an_object_is_a_problem(metadata: str) -> None:
    header = '{"format": "sanctionkit", "version": 1, "metadata": ' + metadata + "}\n"
    dataset = sk.loads(header + MARIA)
    assert [vessel.name for vessel in dataset.vessels] == ["MARIA"]
    assert [(p.record, p.field) for p in dataset.problems] == [("line 1", "metadata")]
    with pytest.raises(sk.ReadError):
        sk.loads(header + MARIA, strict=True)


def test_null_header_metadata_is_no_metadata() -> None:
    header = '{"format": "sanctionkit", "version": 1, "metadata": null}\n'
    dataset = sk.loads(header + MARIA, strict=True)
    assert (dataset.problems, counts(dataset)) == ((), (1, 1, 0))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"[" * 100_000 + b"\n", "nested too deeply"),
        (b'{"type": "vessel", "id": "v", "name": "MAR\xcdA"}\n', "not UTF-8"),
    ],
    ids=["deep-nesting", "latin-1"],
)
def test_a_line_that_cannot_be_read_is_a_rejected_record(line: bytes, message: str) -> None:
    data = HEADER.encode() + line + MARIA.encode()
    dataset = sk.load(io.BytesIO(data))
    assert counts(dataset) == (2, 1, 1)
    (problem,) = dataset.problems
    assert problem.record == "line 2"
    assert message in problem.message


def test_a_file_of_another_encoding_is_a_read_error() -> None:
    data = (HEADER + MARIA).encode("utf-16")
    with pytest.raises(sk.SanctionkitError):
        sk.load(io.BytesIO(data), format="sanctionkit")


def test_a_second_record_with_an_id_is_rejected_and_the_first_kept() -> None:
    second = '{"type": "person", "id": "vessel-maria", "name": "Maria"}\n'
    dataset = sk.loads(HEADER + MARIA + second)
    assert [type(entity).__name__ for entity in dataset.entities] == ["Vessel"]
    assert counts(dataset) == (2, 1, 1)
    assert dataset.problems[0].record == "line 3"
    assert "a second record with id 'vessel-maria'" in dataset.problems[0].message


def test_references_to_a_rejected_entity_are_problems_not_a_failed_load() -> None:
    # The owner's line is broken (a name that is empty): every reference to it is left out.
    text = (
        HEADER
        + '{"type": "organization", "id": "owner", "name": ""}\n'
        + '{"type": "vessel", "id": "ship", "name": "SHIP", "owner_id": "owner"}\n'
        + '{"type": "package", "id": "kr-1", "authority": {"name": "MOFA"}, '
        '"announced": "2024-05-24", "designations": [{"entity_id": "owner", '
        '"authority": {"name": "MOFA"}}, {"entity_id": "ship", "authority": {"name": "MOFA"}}]}\n'
        + '{"type": "transfer", "id": "t", "goods": {"description": "diesel", "category": "fuel"}, '
        '"origin": {"entity_id": "owner"}, "carriers": ["owner", "ship"], '
        '"claims": [{"party": {"entity_id": "owner"}, "stance": "denies"}, '
        '{"party": "KR", "stance": "alleges"}]}\n'
        + '{"type": "designation", "entity_id": "owner", "authority": {"name": "MOFA"}}\n'
    )
    dataset = sk.loads(text)
    assert counts(dataset) == (5, 3, 2)  # the owner's line and its standalone designation
    ship = dataset.get("ship")
    assert isinstance(ship, sk.Vessel)
    assert ship.owner_id is None
    package = dataset.get("kr-1")
    assert isinstance(package, sk.SanctionPackage)
    assert [d.entity_id for d in package.designations] == ["ship"]
    transfer = dataset.get("t")
    assert isinstance(transfer, sk.AllegedTransfer)
    assert (transfer.origin, transfer.carriers, len(transfer.claims)) == (None, ("ship",), 1)
    fields = sorted((p.record, p.field) for p in dataset.problems if p.value == "owner")
    assert fields == [
        ("kr-1", "designations"),
        ("line 6", "entity_id"),
        ("ship", "owner_id"),
        ("t", "carriers"),
        ("t", "claims"),
        ("t", "origin"),
    ]
    with pytest.raises(sk.ReadError):
        sk.loads(text, strict=True)


def test_a_name_with_a_unicode_line_separator_survives_a_round_trip() -> None:
    # JSON allows U+2028 in strings unescaped; it does not end a JSON line.
    dataset = sk.Dataset(entities=[sk.Vessel(id="v", name="MARIA\u2028II")])
    assert sk.loads(sk.dumps(dataset)) == dataset


def test_a_file_with_a_byte_order_mark_is_detected_and_read(tmp_path: Path) -> None:
    path = tmp_path / "saved-by-an-editor.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + MARIA).encode())
    dataset = sk.load(path)
    assert [vessel.name for vessel in dataset.vessels] == ["MARIA"]
