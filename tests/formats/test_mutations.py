"""Every reader on mutated copies of real files: a dataset whose counts add up, or a typed error.

A list file can be cut short by a download, damaged on a disk, saved in another
encoding or made hostile on purpose. Whatever the damage, a reader must end in
one of two ways: a (lenient) dataset whose problems say what went wrong and
whose counts add up (records read = returned + rejected), or a
:class:`~sanctionkit.SanctionkitError` (strict mode, or a file that cannot be
read at all). Any other exception is a bug. The mutations are seeded, so a
failure names a copy that can be made again.

The inputs are the real excerpts in ``tests/data/real`` (byte for byte from the
official files), the hand-made UK ConList CSV (no real CSV excerpt is kept), the
built-in dataset (sanctionkit JSON lines) and its FollowTheMoney form. The
workbooks (the UK ConList and Japan's MOF list, real excerpts) are damaged at
the level of their zip archive: cut short, bytes changed inside a part's
compressed data, a part's own bytes changed (and packed again, so the archive
is sound but the XML is not), the central directory damaged.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.builtin import BUILTIN_FILE, builtin_dataset
from sanctionkit.formats import ftm

DATA = Path(__file__).resolve().parents[1] / "data"
REAL = DATA / "real"
SEED = 20260305
#: Copies per reader and kind of mutation (each read leniently and strictly).
COPIES = 3
#: "One very long field": a few megabytes of letters.
LONG_FIELD = b"A" * 2_000_000
#: Deeper than any parser's stack: JSON arrays, XML elements.
DEPTH = 50_000


def _builtin_jsonl() -> bytes:
    return (Path(sk.__file__).parent / "data" / BUILTIN_FILE).read_bytes()


def _builtin_ftm() -> bytes:
    return ftm.dumps(builtin_dataset()).encode("utf-8")


def _file(path: Path) -> Callable[[], bytes]:
    return path.read_bytes


#: Each input: the reader (its format name for sk.load) and the content it is given.
FILES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "ofac-xml": ("ofac-xml", _file(REAL / "ofac" / "consolidated-2018-excerpt.xml")),
    "ofac-enhanced-xml": (
        "ofac-enhanced-xml",
        _file(REAL / "ofac_enhanced" / "IRGC_sanctions-2024-excerpt.xml"),
    ),
    "ofac-csv": ("ofac-csv", _file(REAL / "ofac_csv" / "sdn.csv")),
    "un-xml": ("un-xml", _file(REAL / "un" / "consolidated-2024-11-30-excerpt.xml")),
    "uk-conlist-csv": ("uk-conlist", _file(DATA / "uk" / "ConList.csv")),
    "uk-sl-xml": ("uk-sl-xml", _file(DATA / "uk_sl" / "UK-Sanctions-List-small.xml")),
    "uk-sl-csv": ("uk-sl-csv", _file(DATA / "uk_sl" / "UK-Sanctions-List-small.csv")),
    "eu-xml": ("eu-xml", _file(REAL / "eu" / "fsf-2022-03-18-excerpt.xml")),
    "ca-sema-xml-2025": ("ca-sema-xml", _file(REAL / "ca" / "sema-2025-03-20-excerpt.xml")),
    "ca-sema-xml-2020": ("ca-sema-xml", _file(REAL / "ca" / "sema-2020-04-15-excerpt.xml")),
    "seco-xml": ("seco-xml", _file(REAL / "seco" / "ch_sample-2026-08-15-excerpt.xml")),
    "sanctionkit": ("sanctionkit", _builtin_jsonl),
    "ftm": ("ftm", _file(REAL / "ftm" / "entities-excerpt.ftm.json")),
    "ftm-written": ("ftm", _builtin_ftm),
}


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def flipped(data: bytes, rng: random.Random) -> bytes:
    changed = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        changed[rng.randrange(len(changed))] = rng.randrange(256)
    return bytes(changed)


def line_dropped(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def line_repeated(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    where = rng.randrange(len(lines))
    lines[where:where] = [lines[where]] * rng.randint(1, 3)
    return b"".join(lines)


def latin_1(data: bytes, rng: random.Random) -> bytes:
    del rng
    return data.decode("utf-8", errors="replace").encode("latin-1", errors="replace")


def utf_16(data: bytes, rng: random.Random) -> bytes:
    del rng
    return data.decode("utf-8", errors="replace").encode("utf-16")


def nul_run(data: bytes, rng: random.Random) -> bytes:
    where = rng.randrange(len(data))
    return data[:where] + b"\0" * rng.randint(1, 100) + data[where:]


def long_field(data: bytes, rng: random.Random) -> bytes:
    """A few megabytes inside a value: after an opening quote, tag or separator."""
    starts = [i + 1 for i, byte in enumerate(data) if byte in b'">,']
    where = rng.choice(starts)
    return data[:where] + LONG_FIELD + data[where:]


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """JSON arrays or XML elements nested far deeper than any parser's stack, where a value
    starts; in CSV, which cannot nest, the same run of brackets in a field."""
    if data.lstrip().startswith(b"{"):
        starts = [i + 2 for i in range(len(data) - 1) if data[i : i + 2] == b'":']
        nested = b"[" * DEPTH + b"]" * DEPTH
    elif data.lstrip().startswith(b"<"):
        starts = [i + 1 for i, byte in enumerate(data) if byte == ord(">")]
        nested = b"<a>" * DEPTH + b"</a>" * DEPTH
    else:
        starts = [i + 1 for i, byte in enumerate(data) if byte == ord(",")]
        nested = b"[" * DEPTH
    where = rng.choice(starts)
    return data[:where] + nested + data[where:]


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": truncated,
    "flipped": flipped,
    "line_dropped": line_dropped,
    "line_repeated": line_repeated,
    "latin_1": latin_1,
    "utf_16": utf_16,
    "nul_run": nul_run,
    "long_field": long_field,
    "deep_nesting": deep_nesting,
}


def copies(name: str, mutation: str) -> Iterator[bytes]:
    data = FILES[name][1]()
    rng = random.Random(f"{SEED}-{name}-{mutation}")
    for _ in range(COPIES):
        yield MUTATIONS[mutation](data, rng)


def assert_counts_add_up(dataset: sk.Dataset) -> None:
    # Compared as integers: the metadata may hold them as strings.
    metadata = dataset.metadata
    read, returned, rejected = (
        int(metadata[f"records_{key}"]) for key in ("read", "returned", "rejected")
    )
    assert read == returned + rejected, metadata
    if "rows_read" in metadata:
        rows = int(metadata["rows_used"]) + int(metadata["rows_rejected"])
        assert int(metadata["rows_read"]) == rows, metadata


@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("name", FILES)
def test_a_mutated_file_gives_a_dataset_whose_counts_add_up_or_a_typed_error(
    name: str, mutation: str
) -> None:
    format_name = FILES[name][0]
    for number, data in enumerate(copies(name, mutation)):
        for strict in (False, True):
            where = f"{name}, {mutation} copy {number}, strict={strict}"
            try:
                dataset = sk.load(io.BytesIO(data), format=format_name, strict=strict)
            except sk.SanctionkitError:
                continue
            except Exception as error:  # anything else escaped: the bug this test is for
                pytest.fail(f"{where}: {type(error).__name__}: {error}")
            assert_counts_add_up(dataset)
            if strict:
                assert not dataset.problems, where


@pytest.mark.parametrize("name", FILES)
def test_the_unmutated_files_read_without_an_error(name: str) -> None:
    # The baseline: the mutations above damage files that are themselves readable.
    format_name, content = FILES[name]
    dataset = sk.load(io.BytesIO(content()), format=format_name)
    assert len(dataset.entities) > 0
    assert_counts_add_up(dataset)


#: The workbooks: the reader's format name and the real excerpt it reads.
WORKBOOKS: dict[str, tuple[str, Path]] = {
    "uk-conlist-xlsx": ("uk-conlist-xlsx", REAL / "uk" / "ConList-2022-05-04-excerpt.xlsx"),
    "jp-mof-xlsx": ("jp-mof-xlsx", REAL / "jp" / "shisantouketsu20260305-excerpt.xlsx"),
    "au-dfat-xlsx": ("au-dfat-xlsx", REAL / "au" / "dfat-2026-02-24-excerpt.xlsx"),
}
#: Copies per workbook and kind of zip damage (each read leniently and strictly).
ZIP_COPIES = 12


def _parts(data: bytes) -> list[tuple[int, int]]:
    """Where each part's compressed data lies in the archive: (start, end)."""
    spans = []
    for part in zipfile.ZipFile(io.BytesIO(data)).infolist():
        name_length, extra_length = struct.unpack_from("<HH", data, part.header_offset + 26)
        start = part.header_offset + 30 + name_length + extra_length
        spans.append((start, start + part.compress_size))
    return spans


def _central_directory(data: bytes) -> int:
    """Where the central directory starts, as the end record says."""
    end = data.rfind(b"PK\x05\x06")
    (start,) = struct.unpack_from("<I", data, end + 16)
    return int(start)


def zip_truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def zip_compressed_flipped(data: bytes, rng: random.Random) -> bytes:
    start, end = rng.choice(_parts(data))
    changed = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        changed[rng.randrange(start, end)] = rng.randrange(256)
    return bytes(changed)


#: What is written into a part's XML: broken markup, and cells that point nowhere.
_INSERTS = (b"<", b"&", b"<x>", b"</row>", b'r="ZZ9"', b't="s"', b"<v>99999</v>", b"\xff\xfe")


def zip_part_altered(data: bytes, rng: random.Random) -> bytes:
    """One part's bytes changed, then packed again: a sound archive around broken XML."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = archive.infolist()
    target = rng.choice(parts).filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for part in parts:
            content = bytearray(archive.read(part))
            if part.filename == target:
                if rng.random() < 0.5:
                    del content[rng.randrange(len(content) + 1) :]
                else:
                    where = rng.randrange(len(content) + 1)
                    content[where:where] = rng.choice(_INSERTS)
            written.writestr(part.filename, bytes(content))
    return out.getvalue()


def zip_directory_damaged(data: bytes, rng: random.Random) -> bytes:
    """Bytes changed in the central directory or the end record after it."""
    changed = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        changed[rng.randrange(_central_directory(data), len(data))] = rng.randrange(256)
    return bytes(changed)


ZIP_MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": zip_truncated,
    "compressed_flipped": zip_compressed_flipped,
    "part_altered": zip_part_altered,
    "directory_damaged": zip_directory_damaged,
}


def _read_or_typed_error(data: bytes, format_name: str, where: str) -> None:
    for strict in (False, True):
        try:
            dataset = sk.load(io.BytesIO(data), format=format_name, strict=strict)
        except sk.SanctionkitError:
            continue
        except Exception as error:  # anything else escaped: the bug this test is for
            pytest.fail(f"{where}, strict={strict}: {type(error).__name__}: {error}")
        assert_counts_add_up(dataset)
        if strict:
            assert not dataset.problems, where


@pytest.mark.parametrize("mutation", ZIP_MUTATIONS)
@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_damaged_workbook_gives_a_dataset_whose_counts_add_up_or_a_typed_error(
    name: str, mutation: str
) -> None:
    format_name, path = WORKBOOKS[name]
    data = path.read_bytes()
    rng = random.Random(f"{SEED}-{name}-{mutation}")
    for number in range(ZIP_COPIES):
        copy = ZIP_MUTATIONS[mutation](data, rng)
        _read_or_typed_error(copy, format_name, f"{name}, {mutation} copy {number}")


def _end_record_offset_forged(data: bytes) -> bytes:
    # The end record's "central directory starts at" field, made larger than the file:
    # zipfile then seeks to a negative position (ValueError, not BadZipFile).
    end = data.rfind(b"PK\x05\x06")
    return data[: end + 16] + struct.pack("<I", 0x8000_0000) + data[end + 20 :]


def _part_name_not_utf8(data: bytes) -> bytes:
    # The first central-directory entry says "names in UTF-8" (flag bit 11) over a name
    # that is not: zipfile lets the UnicodeDecodeError out.
    start = _central_directory(data)
    (flags,) = struct.unpack_from("<H", data, start + 8)
    changed = bytearray(data)
    struct.pack_into("<H", changed, start + 8, flags | 0x800)
    changed[start + 46] = 0xFF
    return bytes(changed)


@pytest.mark.parametrize("damage", [_end_record_offset_forged, _part_name_not_utf8])
@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_workbook_with_a_damaged_directory_is_a_read_error_naming_the_file(
    name: str, damage: Callable[[bytes], bytes], tmp_path: Path
) -> None:
    format_name, path = WORKBOOKS[name]
    damaged = tmp_path / "list.xlsx"
    damaged.write_bytes(damage(path.read_bytes()))
    with pytest.raises(sk.ReadError, match=r"not a readable \.xlsx workbook") as raised:
        sk.load(damaged, format=format_name)
    assert raised.value.problem.file is not None
    assert raised.value.problem.file.endswith("list.xlsx")


def _cut_part(path: Path, part: str) -> bytes:
    """The workbook with ``part`` cut in the middle: a sound archive around XML that stops."""
    archive = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for item in archive.infolist():
            content = archive.read(item)
            written.writestr(
                item.filename, content[: len(content) // 2] if item.filename == part else content
            )
    return out.getvalue()


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"])
@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_workbook_part_that_is_not_xml_is_a_read_error_naming_the_part(
    name: str, part: str
) -> None:
    format_name, path = WORKBOOKS[name]
    # The part is named; what follows is the parser's own word for the damage.
    with pytest.raises(
        sk.ReadError, match=re.escape(f"not a readable .xlsx workbook: part {part}: ")
    ):
        sk.load(io.BytesIO(_cut_part(path, part)), format=format_name)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_a_damaged_content_types_part_is_not_needed_to_read_the_sheets(name: str) -> None:
    # calamine finds the parts by the workbook's relationships, not by [Content_Types].xml
    # (openpyxl read it, and failed): the same records come out.
    format_name, path = WORKBOOKS[name]
    damaged = sk.load(io.BytesIO(_cut_part(path, "[Content_Types].xml")), format=format_name)
    assert damaged.entities == sk.load(io.BytesIO(path.read_bytes()), format=format_name).entities
