"""Workbooks from outside are untrusted: no DTD in any part, no bombs, no raw exceptions.

The workbook here is built part by part, as Excel lays one out (shared strings,
one sheet), from the rows of the UK ConList excerpt in tests/data, so that each
test can break exactly one thing in it.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import attrs
import pytest

import sanctionkit as sk
from sanctionkit.errors import ReadError, UnknownFormatError
from sanctionkit.formats import _xlsx, uk_conlist
from sanctionkit.model import Dataset

pytest.importorskip("openpyxl")

CONLIST_CSV = Path(__file__).resolve().parents[1] / "data" / "uk" / "ConList.csv"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

Edit = Callable[[str, bytes], bytes]


def conlist_rows() -> list[list[str]]:
    with CONLIST_CSV.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def parts(rows: list[list[str]]) -> dict[str, str]:
    """The parts of a one-sheet workbook holding ``rows``, its text cells as shared strings."""
    strings: dict[str, int] = {}
    cells = []
    for number, row in enumerate(rows, start=1):
        written = []
        for index, value in enumerate(row):
            if value:
                shared = strings.setdefault(value, len(strings))
                written.append(f'<c r="{column(index)}{number}" t="s"><v>{shared}</v></c>')
        cells.append(f'<row r="{number}">{"".join(written)}</row>')
    width = max(len(row) for row in rows)
    shared_strings = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    content_types = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return {
        "[Content_Types].xml": DECLARATION
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{content_types}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{content_types}'
        '.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="'
        f'{content_types}.sharedStrings+xml"/></Types>',
        "_rels/.rels": DECLARATION + f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
        f'Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": DECLARATION + f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        '<sheets><sheet name="ConList" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": DECLARATION + f'<Relationships xmlns="{PACKAGE}">'
        f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": DECLARATION + f'<sst xmlns="{MAIN}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{shared_strings}</sst>',
        "xl/worksheets/sheet1.xml": DECLARATION + f'<worksheet xmlns="{MAIN}">'
        f'<dimension ref="A1:{column(width - 1)}{len(rows)}"/>'
        f"<sheetData>{''.join(cells)}</sheetData></worksheet>",
    }


def workbook(edit: Edit | None = None) -> bytes:
    """The ConList workbook, each part passed through ``edit(name, xml)`` first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts(conlist_rows()).items():
            data = text.encode()
            archive.writestr(name, edit(name, data) if edit else data)
    return buffer.getvalue()


def edit_part(part: str, change: Callable[[bytes], bytes]) -> Edit:
    return lambda name, data: change(data) if name == part else data


def read(data: bytes, *, strict: bool = False, name: str = "ConList.xlsx") -> Dataset:
    return uk_conlist.read(io.BytesIO(data), name=name, strict=strict)


def records(dataset: Dataset) -> list[object]:
    """The entities without their sources (which name the file, .csv or .xlsx)."""
    return [attrs.evolve(entity, sources=()) for entity in dataset.entities]


@pytest.fixture(scope="module")
def as_csv() -> Dataset:
    return uk_conlist.read(CONLIST_CSV, name="ConList.csv")


def test_the_workbook_built_here_reads_like_its_csv_twin(as_csv: Dataset) -> None:
    dataset = read(workbook(), strict=False)
    assert dataset.metadata["file_type"] == "xlsx"
    assert records(dataset) == records(as_csv)
    assert dataset.metadata["rows_read"] == as_csv.metadata["rows_read"]


# --- no DTD in any part -----------------------------------------------------------------

DTD = b'<!DOCTYPE x [<!ENTITY injected "INJECTED">]>'
LONG_COMMENT = b"<!-- <x " + b"x" * 70_000 + b" -->"


def with_dtd(prolog: bytes) -> Callable[[bytes], bytes]:
    """A part with ``prolog`` and a DTD before its root, and its entity in a text or a value."""

    def change(data: bytes) -> bytes:
        declaration, _, rest = data.partition(b"\n")
        rest = rest.replace(b"<t>KIM</t>", b"<t>&injected;</t>", 1)
        rest = rest.replace(b'<c r="A3" t="s"><v>', b'<c r="A3" t="inlineStr"><is><t>&injected;')
        rest = rest.replace(b"&injected;0</v></c>", b"&injected;</t></is></c>", 1)
        return declaration + b"\n" + prolog + DTD + rest

    return change


@pytest.mark.parametrize("prolog", [b"", LONG_COMMENT], ids=["dtd", "long-comment-then-dtd"])
@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
def test_a_part_that_declares_a_dtd_is_refused(part: str, prolog: bytes) -> None:
    data = workbook(edit_part(part, with_dtd(prolog)))
    with pytest.raises(ReadError, match="DTD") as caught:
        read(data)
    assert caught.value.problem.file == "ConList.xlsx"
    assert f"part {part}" in caught.value.problem.message
    assert "INJECTED" not in str(caught.value)


def test_the_dtd_would_have_put_its_entity_into_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # Why the part is refused: openpyxl's parser expands the entity into the cell
    # (unless defusedxml is installed, which openpyxl then uses instead).
    openpyxl = pytest.importorskip("openpyxl")
    if importlib.util.find_spec("defusedxml") is not None:
        pytest.skip("openpyxl parses with defusedxml here")
    data = workbook(edit_part("xl/sharedStrings.xml", with_dtd(b"")))
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    cells = [value for row in book.worksheets[0].iter_rows(values_only=True) for value in row]
    assert any("INJECTED" in str(value) for value in cells)


def test_without_the_guard_calamine_still_keeps_the_entity_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # sanctionkit reads with calamine, which expands no entity; the guard stays for any parser.
    monkeypatch.setattr(_xlsx, "check_archive", lambda source, name: None)
    data = workbook(edit_part("xl/sharedStrings.xml", with_dtd(b"")))
    with pytest.raises(ReadError, match=r"not a readable \.xlsx workbook") as caught:
        read(data)
    assert "INJECTED" not in str(caught.value)


def test_a_dtd_in_a_utf_16_part_is_refused() -> None:
    def utf_16(data: bytes) -> bytes:
        text = with_dtd(b"")(data).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return text.encode("utf-16")

    with pytest.raises(ReadError, match=r"part xl/sharedStrings\.xml: it declares a DTD"):
        read(workbook(edit_part("xl/sharedStrings.xml", utf_16)))


# --- bombs ------------------------------------------------------------------------------


def test_a_decompression_bomb_is_refused_before_openpyxl_unpacks_it() -> None:
    # 8 MiB of spaces pack to about 8 KB: over the ratio, which real workbooks stay far below.
    spaces = b'<si><t xml:space="preserve">' + b" " * (8 << 20) + b"</t></si></sst>"
    bomb = workbook(edit_part("xl/sharedStrings.xml", lambda data: data[:-6] + spaces))
    assert len(bomb) < 100_000
    with pytest.raises(ReadError, match="decompression bomb") as caught:
        read(bomb)
    assert "part xl/sharedStrings.xml" in caught.value.problem.message
    assert caught.value.problem.file == "ConList.xlsx"


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = workbook()
    monkeypatch.setattr(_xlsx, "MAX_UNPACKED", 10_000)  # this workbook unpacks to about 12 kB
    with pytest.raises(
        ReadError, match=r"over sanctionkit's limit for a workbook \(10,000 bytes\)"
    ):
        read(data)


def test_the_sizes_the_archive_declares_are_not_trusted() -> None:
    # The directory says sharedStrings.xml unpacks to 100 bytes; it unpacks to more.
    data = bytearray(workbook())
    entry = data.index(b"PK\x01\x02")
    while not data[entry + 46 :].startswith(b"xl/sharedStrings.xml"):
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = struct.pack("<I", 100)
    with pytest.raises(ReadError, match=r"not a readable \.xlsx workbook"):
        read(bytes(data))


def test_a_forged_dimension_does_not_pad_every_row(as_csv: Dataset) -> None:
    forged = workbook(
        edit_part(
            "xl/worksheets/sheet1.xml",
            lambda data: data.replace(
                b'<dimension ref="A1:AJ12"/>', b'<dimension ref="A1:XFD1048576"/>'
            ),
        )
    )
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(forged)).read("xl/worksheets/sheet1.xml")
    opened = _xlsx.open_workbook(io.BytesIO(forged), "forged.xlsx")
    try:
        widths = {len(values) for _, values in _xlsx.rows(opened.worksheets[0], "forged.xlsx")}
    finally:
        opened.close()
    assert max(widths) == max(len(row) for row in conlist_rows())  # 36, not 16,384
    assert records(read(forged)) == records(as_csv)


# --- damaged workbooks: ReadError naming the file, never a raw exception ----------------


def flip_compressed_bytes(part: str) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        start = data.index(b"PK\x03\x04")
        while not data[start + 30 :].startswith(part.encode()):
            start = data.index(b"PK\x03\x04", start + 4)
        middle = start + 30 + len(part) + 40
        return (
            data[:middle]
            + bytes(b ^ 0x5A for b in data[middle : middle + 20])
            + data[middle + 20 :]
        )

    return damage


DAMAGED: dict[str, Callable[[], bytes]] = {
    "sheet cut short": lambda: workbook(
        edit_part("xl/worksheets/sheet1.xml", lambda data: data[: len(data) // 2])
    ),
    "cell reference not a reference": lambda: workbook(
        edit_part("xl/worksheets/sheet1.xml", lambda data: data.replace(b'r="B5"', b'r="Z"'))
    ),
    "shared string that is not there": lambda: workbook(
        edit_part(
            "xl/worksheets/sheet1.xml",
            lambda data: data.replace(b'<c r="A3" t="s"><v>', b'<c r="A3" t="s"><v>99999', 1),
        )
    ),
    "workbook part cut short": lambda: workbook(
        edit_part("xl/workbook.xml", lambda data: data[: len(data) - 20])
    ),
    "compressed bytes flipped": lambda: flip_compressed_bytes("xl/worksheets/sheet1.xml")(
        workbook()
    ),
}


@pytest.mark.parametrize("damage", list(DAMAGED))
@pytest.mark.parametrize("through", ["reader", "load"])
def test_a_damaged_workbook_is_a_read_error_naming_the_file(damage: str, through: str) -> None:
    source = io.BytesIO(DAMAGED[damage]())
    source.name = "damaged.xlsx"  # type: ignore[misc]
    load = (
        functools.partial(uk_conlist.read, name="damaged.xlsx") if through == "reader" else sk.load
    )
    with pytest.raises(ReadError) as caught:
        load(source)
    assert caught.value.problem.file == "damaged.xlsx"
    assert "not a readable .xlsx workbook" in caught.value.problem.message


def test_a_workbook_whose_name_does_not_end_in_xlsx_is_read(
    tmp_path: Path, as_csv: Dataset
) -> None:
    path = tmp_path / "ConList.download"
    path.write_bytes(workbook())
    assert records(sk.load(path)) == records(as_csv)


# --- old .xls workbooks -----------------------------------------------------------------

OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


@pytest.mark.parametrize("format", [None, "jp-mof-xlsx"])
def test_a_damaged_old_xls_workbook_is_a_read_error_saying_what_it_is(
    tmp_path: Path, format: str | None
) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(OLE2 + bytes(504))
    with pytest.raises(ReadError, match=r"not a readable old Excel \.xls workbook") as caught:
        sk.load(path, format=format)
    assert caught.value.problem.file == str(path)


def test_an_old_xls_workbook_no_reader_knows_is_named_as_such_with_what_to_do(
    tmp_path: Path,
) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    book.add_sheet("Prices").write(0, 0, "Apples")
    path = tmp_path / "list.xls"
    book.save(str(path))
    with pytest.raises(UnknownFormatError) as caught:
        sk.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path} is an old Excel .xls workbook (BIFF")
    assert "save it as .xlsx" in message
    assert message.endswith("Its sheets: Prices.")
