"""sk.load picks the reader from the content: every real file is recognised as its own list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.formats import READERS, REGISTRY, WORKBOOK_READERS, detect_format, reader
from sanctionkit.formats._files import read_head
from tests.conftest import shared_file

# Each real file of ../shared/data and the format it is in (its README says which list).
REAL_FILES = {
    "ofac/consolidated-2018/consolidated.xml": "ofac-xml",
    "ofac/consolidated-2018/cons_prim.csv": "ofac-csv",
    "ofac/sdn-csv-2021/sdn.csv": "ofac-csv",
    "ofac/sdn-csv-2024-05/sdn-2024-05-03.csv": "ofac-csv",
    "ofac/enhanced-2024/IRGC_sanctions.xml": "ofac-enhanced-xml",
    "un/consolidated-2024-11-30.xml": "un-xml",
    "un/consolidated-2018-10-29.xml": "un-xml",
    "eu/fsf-2022-03-18-excerpt.xml": "eu-xml",
    "ca/sema-2025-03-20.xml": "ca-sema-xml",
    "ftm/entities.ftm.json": "ftm",
}


@pytest.mark.parametrize(("relative", "expected"), REAL_FILES.items())
def test_each_real_file_is_detected_as_its_format_and_by_no_other(
    relative: str, expected: str
) -> None:
    head = read_head(shared_file(relative))
    assert detect_format(head) == expected
    claimed = [name for name in READERS if reader(name)[0](head)]
    assert claimed == [expected]


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("uk/ConList-2022-05-04.xlsx", "uk-conlist"),
        ("jp/shisantouketsu20260305.xlsx", "jp-mof-xlsx"),
    ],
)
def test_workbooks_are_told_apart_by_their_sheets(relative: str, expected: str) -> None:
    dataset = sk.load(shared_file(relative))
    assert dataset.metadata["format"] == expected


def test_reader_modules_are_attributes_of_the_formats_package() -> None:
    # Imported on first use, so import sanctionkit stays fast, yet sk.formats.ftm works.
    code = "import sanctionkit as sk, sys; m = sk.formats.ftm; print('ftm' in m.__name__)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
    with pytest.raises(AttributeError):
        _ = sk.formats.no_such_reader


def test_one_registry_holds_every_format_and_the_old_names_are_views_of_it() -> None:
    assert set(READERS) | set(WORKBOOK_READERS) == set(REGISTRY)
    assert not set(READERS) & set(WORKBOOK_READERS)
    assert list(READERS) == [name for name in REGISTRY if name in READERS]  # sniffing order


def test_an_unknown_format_name_lists_every_registered_one(tmp_path: Path) -> None:
    path = tmp_path / "list.xml"
    path.write_bytes(b"<list/>")
    with pytest.raises(sk.UnknownFormatError, match="known: sanctionkit, ofac-xml") as caught:
        sk.load(path, format="no-such-format")
    assert all(name in str(caught.value) for name in REGISTRY)
