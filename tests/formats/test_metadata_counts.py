"""Counts in a dataset's metadata are integers, from every reader and through JSON lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import sanctionkit as sk

DATA = Path(__file__).resolve().parents[1] / "data"

FILES = [
    "ofac/sdn-2024.xml",
    "ofac_csv/sdn.csv",
    "ofac_enhanced/rejects.xml",
    "un/consolidated-small.xml",
    "eu/fsf-small.xml",
    "ca/sema-2025-small.xml",
    "uk/ConList.csv",
    "uk_sl/UK-Sanctions-List-small.csv",
]
COUNTS = ("records_read", "records_returned", "records_rejected")


@pytest.mark.parametrize("relative", FILES)
def test_every_reader_counts_in_integers_that_add_up(relative: str) -> None:
    metadata = sk.load(DATA / relative).metadata
    read, returned, rejected = (metadata[key] for key in COUNTS)
    assert all(type(count) is int for count in (read, returned, rejected))
    assert read == returned + rejected
    for key, value in metadata.items():
        if key.startswith(("records_", "rows_")) or key in ("sheets", "record_count"):
            assert type(value) is int, key


def test_the_ofac_xml_record_count_is_a_number() -> None:
    # The file's own <Record_Count>: a count like the others.
    assert sk.load(DATA / "ofac" / "sdn-2024.xml").metadata["record_count"] == 2


def test_counts_are_json_numbers_in_the_header_and_come_back_as_integers() -> None:
    dataset = sk.Dataset(metadata={"list": "Ships", "records_read": 12827})
    header = json.loads(sk.dumps(dataset).splitlines()[0])
    assert header["metadata"] == {"list": "Ships", "records_read": 12827}
    assert sk.loads(sk.dumps(dataset)).metadata["list"] == "Ships"


def test_a_text_count_in_an_old_header_stays_text() -> None:
    # Nothing guessed: a string in a header written before counts were numbers is kept.
    lines = '{"format": "sanctionkit", "version": 1, "metadata": {"sheets": "41"}}\n'
    assert sk.loads(lines).metadata["sheets"] == "41"


def test_an_ofac_record_count_that_is_not_a_number_is_a_problem_not_text() -> None:
    # A count is an integer or absent: the text it had is in the problem that reports it.
    xml = (
        b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">'
        b"<publshInformation><Publish_Date>04/06/2018</Publish_Date>"
        b"<Record_Count>many</Record_Count></publshInformation></sdnList>"
    )
    dataset = sk.load(io.BytesIO(xml))
    assert "record_count" not in dataset.metadata
    assert [p.value for p in dataset.problems if p.field == "Record_Count"] == ["many"]


def test_an_ofac_file_without_a_record_count_reads_without_one() -> None:
    xml = b'<sdnList xmlns="http://tempuri.org/sdnList.xsd"><publshInformation/></sdnList>'
    dataset = sk.load(io.BytesIO(xml), strict=True)
    assert "record_count" not in dataset.metadata
    assert dataset.metadata["records_read"] == 0
