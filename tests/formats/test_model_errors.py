"""The model's checks, met by readers: a problem in lenient mode, never an untyped error."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import sanctionkit as sk
from sanctionkit.formats import jp_mof
from tests.formats.test_jp_mof import HEADER_RU_ORGS

SHEET = "28.ロシア連邦(団体(特定銀行を除く))"
TITLE = "資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））"


def _workbook(path: Path, first_dates: str) -> Path:
    """A sheet laid out as the Ministry's: title row, header row, one row per notice."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([TITLE])
    sheet.append(HEADER_RU_ORGS)
    sheet.append([first_dates, "7", "某社", "Some Company", None, None])
    sheet.append(["2024.5.24", "8", "別の会社", "Other Company", None, None])
    target = path / "shisantouketsu20260305.xlsx"
    book.save(target)
    return target


def test_a_deletion_before_the_listing_is_a_problem_not_an_error(tmp_path: Path) -> None:
    # "2024.5.24" listed, "2022.1.27削除" deleted: a Designation refuses delisted < listed
    # (an InvalidFieldError, which escaped the reader before).
    path = _workbook(tmp_path, "2024.5.24\n2022.1.27削除")
    ds = jp_mof.read(path, name="x.xlsx")
    assert [entity.name for entity in ds.entities] == ["Some Company", "Other Company"]
    designation = ds.designations[0]
    assert (str(designation.listed), designation.delisted) == ("2024-05-24", None)
    assert "Deleted on the list: 2022-01-27" in ds.entities[0].notes
    (problem,) = ds.problems
    assert (problem.record, problem.field, problem.value) == ("28-7", "告示日付", "2022.1.27")
    assert "before the listing date" in problem.message
    assert ds.metadata["records_read"] == ds.metadata["records_returned"] == 2


def test_a_deletion_before_the_listing_stops_a_strict_read_with_a_read_error(
    tmp_path: Path,
) -> None:
    path = _workbook(tmp_path, "2024.5.24\n2022.1.27削除")
    with pytest.raises(sk.ReadError, match="before the listing date"):
        jp_mof.read(path, name="x.xlsx", strict=True)


def test_a_deletion_after_the_listing_is_kept(tmp_path: Path) -> None:
    path = _workbook(tmp_path, "2022.3.1\n2023.1.27削除")
    ds = jp_mof.read(path, name="x.xlsx")
    assert str(ds.designations[0].delisted) == "2023-01-27"
    assert ds.problems == ()


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ('"identifiers": [{"scheme": "cedula_no", "value": "1"}]', "identifiers[0].scheme"),
        ('"aliases": [{"name": "Z", "quality": "strongest"}]', "aliases[0].quality"),
        ('"birth_dates": ["#REF!"]', "birth_dates[0]"),
    ],
)
def test_sanctionkit_json_lines_with_values_the_model_refuses_are_problems(
    record: str, field: str
) -> None:
    text = (
        '{"format": "sanctionkit", "version": 1}\n'
        f'{{"type": "person", "id": "p1", "name": "X", {record}}}\n'
        '{"type": "person", "id": "p2", "name": "Y"}\n'
    )
    ds = sk.loads(text)
    assert [entity.id for entity in ds.entities] == ["p2"]
    (problem,) = ds.problems
    assert (problem.record, problem.field) == ("line 2", field)
    with pytest.raises(sk.ReadError):
        sk.loads(text, strict=True)
