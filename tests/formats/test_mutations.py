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
built-in dataset (sanctionkit JSON lines) and its FollowTheMoney form. Workbooks
(the UK xlsx, Japan's MOF) are not mutated here: their zip and XML parts are
guarded by the workbook tests.
"""

from __future__ import annotations

import io
import random
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
    "eu-xml": ("eu-xml", _file(REAL / "eu" / "fsf-2022-03-18-excerpt.xml")),
    "ca-sema-xml-2025": ("ca-sema-xml", _file(REAL / "ca" / "sema-2025-03-20-excerpt.xml")),
    "ca-sema-xml-2020": ("ca-sema-xml", _file(REAL / "ca" / "sema-2020-04-15-excerpt.xml")),
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
