"""Every registered reader keeps the reader contract, on the real excerpts of its list.

Why one file: the contract (docs/writing-a-reader.md) is the same for every
reader, so it is checked once, over every format in
:data:`sanctionkit.formats.REGISTRY` and every real excerpt in
``tests/data/real`` that is in that format (found by content, as
``sk.load`` finds it). A new reader is picked up by registering it and adding
its excerpt; a registered reader without one fails
``test_every_registered_reader_has_an_excerpt``.

The checks: strict mode raises the first problem that lenient mode reports;
the counts are integers that add up; the metadata keys are the documented
ones, with their types; a stream (binary or text) gives the dataset a path
gives; a DTD is refused; the caller's stream is left open.
"""

from __future__ import annotations

import functools
import io
import shutil
import zipfile
from pathlib import Path

import attrs
import pytest

import sanctionkit as sk
from sanctionkit.formats import METADATA_KEYS, REGISTRY, detect
from sanctionkit.formats._files import read_head, xml_root_name
from sanctionkit.formats._reading import REJECTED
from sanctionkit.formats._xlsx import is_zip

DATA = Path(__file__).resolve().parents[1] / "data"
REAL = DATA / "real"

# Read beside their main file (OFAC's sdn.csv), never on their own.
_COMPANIONS = {"add.csv", "alt.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}
_NOT_LISTS = {".md"}

#: Formats with no real excerpt, and the file that stands in, with why.
STAND_INS = {
    # sanctionkit's own JSON lines: a real excerpt, written by sk.dump (see derived()).
    "sanctionkit": REAL / "un" / "consolidated-2024-11-30-excerpt.xml",
    # No official ConList CSV is on this machine (only its xlsx twin, an excerpt here).
    "uk-conlist": DATA / "uk" / "ConList.csv",
    # No real copy of the UK Sanctions List's CSV could be found (tests/data/uk_sl/README.md):
    # the hand-made file in its layout stands in; its XML has a real excerpt.
    "uk-sl-csv": DATA / "uk_sl" / "UK-Sanctions-List-small.csv",
}


def _excerpts() -> dict[str, list[Path]]:
    """Each format's real excerpts, told apart by their content as sk.load tells them."""
    found: dict[str, list[Path]] = {}
    for path in sorted(REAL.rglob("*")):
        if path.is_file() and path.suffix not in _NOT_LISTS and path.name not in _COMPANIONS:
            found.setdefault(detect(path), []).append(path)
    for name, path in STAND_INS.items():
        found.setdefault(name, [path])
    return found


EXCERPTS = _excerpts()
CASES = [(name, path) for name, paths in EXCERPTS.items() for path in paths]
IDS = [f"{name}:{path.name}" for name, path in CASES]


@attrs.frozen
class Excerpt:
    """One file in one format, its bytes, and its lenient read (done once per run)."""

    format: str
    path: Path
    data: bytes
    lenient: sk.Dataset


@functools.cache
def _excerpt(name: str, path: Path, folder: Path) -> Excerpt:
    if name == "sanctionkit":
        path = derived(path, folder)
    # Alone in a folder: a path then reads what a stream reads (no sibling files).
    alone = folder / name / path.name
    alone.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, alone)
    return Excerpt(name, alone, alone.read_bytes(), sk.load(alone, format=name))


def derived(path: Path, folder: Path) -> Path:
    """The dataset of a real excerpt in sanctionkit's JSON lines, as sk.dump writes it."""
    target = folder / f"{path.stem}.jsonl"
    sk.dump(sk.load(path), target)
    return target


@pytest.fixture(params=CASES, ids=IDS)
def excerpt(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Excerpt:
    name, path = request.param
    return _excerpt(name, path, _folder(tmp_path_factory))


def _folder(factory: pytest.TempPathFactory) -> Path:
    return factory.getbasetemp() / "conformance"  # one per run, so the cache above holds


def dumped(dataset: sk.Dataset) -> str:
    return sk.dumps(dataset)


@pytest.mark.parametrize("name", REGISTRY)
def test_every_registered_reader_has_an_excerpt(name: str) -> None:
    assert EXCERPTS.get(name), (
        f"{name!r} is registered but no file in tests/data/real is in it: add a real excerpt "
        "(tests/data/real/README.md, tools/make_excerpts.py)"
    )


def test_every_excerpt_is_in_a_registered_format() -> None:
    assert set(EXCERPTS) <= set(REGISTRY)


def test_strict_raises_the_first_problem_lenient_reports(excerpt: Excerpt) -> None:
    problems = excerpt.lenient.problems
    if not problems:
        strict = sk.load(excerpt.path, format=excerpt.format, strict=True)
        assert dumped(strict) == dumped(excerpt.lenient)
        return
    with pytest.raises(sk.ReadError) as caught:
        sk.load(excerpt.path, format=excerpt.format, strict=True)
    assert caught.value.problem == problems[0]


def test_counts_are_integers_that_add_up(excerpt: Excerpt) -> None:
    dataset = excerpt.lenient
    metadata = dataset.metadata
    read, returned, rejected = (
        metadata[key] for key in ("records_read", "records_returned", "records_rejected")
    )
    assert all(type(count) is int for count in (read, returned, rejected))
    assert read == returned + rejected
    assert rejected == sum(problem.code == REJECTED for problem in dataset.problems)


def test_metadata_keys_are_the_documented_ones_with_their_types(excerpt: Excerpt) -> None:
    undocumented = set(excerpt.lenient.metadata) - set(METADATA_KEYS)
    assert not undocumented, "add them to formats/_contract.py and docs/writing-a-reader.md"
    for key, value in excerpt.lenient.metadata.items():
        assert type(value) is METADATA_KEYS[key].type, key


def test_every_metadata_key_is_in_the_table_of_the_contract_page() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "writing-a-reader.md").read_text()
    for key, documented in METADATA_KEYS.items():
        assert f"| `{key}` | {documented.type.__name__} |" in page, key


def test_a_binary_stream_gives_the_dataset_a_path_gives(excerpt: Excerpt) -> None:
    with excerpt.path.open("rb") as stream:  # its name is the path: problems name it alike
        from_stream = sk.load(stream, format=excerpt.format)
    assert dumped(from_stream) == dumped(excerpt.lenient)


def test_a_text_stream_gives_the_dataset_its_bytes_give(excerpt: Excerpt) -> None:
    if is_zip(excerpt.data):
        pytest.skip("a workbook is no text")
    try:
        text = excerpt.data.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: a text handle of it would be another file")
    handle = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8", newline="")
    from_text = sk.load(handle, format=excerpt.format)
    from_bytes = sk.load(io.BytesIO(excerpt.data), format=excerpt.format)
    assert dumped(from_text) == dumped(from_bytes)
    assert not handle.closed


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_the_callers_stream_is_left_open(excerpt: Excerpt, strict: bool) -> None:
    stream = io.BytesIO(excerpt.data)
    try:
        sk.load(stream, format=excerpt.format, strict=strict)
    except sk.ReadError:
        assert strict  # only a strict read of a file with problems may raise
        assert excerpt.lenient.problems
    assert not stream.closed
    stream.seek(0)  # still usable: a caller may read it again
    assert stream.read() == excerpt.data


ENTITY = "sanctionkit-conformance-entity"
DTD = f'<!DOCTYPE x [<!ENTITY e "{ENTITY}">]>'.encode()


def with_dtd(data: bytes) -> bytes:
    """The XML ``data`` with a DTD declaring an entity before its root, after any declaration."""
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    body = data[len(bom) :]
    if body.startswith(b"<?xml"):
        end = body.index(b"?>") + 2
        return bom + body[:end] + DTD + body[end:]
    return bom + DTD + body


def workbook_with_dtd(data: bytes) -> bytes:
    """The workbook ``data`` with a DTD in its workbook part (every workbook has one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            part = source.read(item)
            target.writestr(item, with_dtd(part) if item.filename == "xl/workbook.xml" else part)
    return out.getvalue()


def _kind(name: str, path: Path) -> str:
    head = read_head(path)
    if is_zip(head):
        return "workbook"
    if name != "sanctionkit" and head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<"):
        return "xml" if xml_root_name(head) else "text"
    return "text"


XML_CASES = [
    pytest.param(name, path, id=f"{name}:{path.name}")
    for name, path in CASES
    if _kind(name, path) != "text"
]


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize(("name", "path"), XML_CASES)
def test_a_dtd_is_refused(name: str, path: Path, strict: bool) -> None:
    data = path.read_bytes()
    changed = workbook_with_dtd(data) if is_zip(data) else with_dtd(data)
    stream = io.BytesIO(changed)
    with pytest.raises(sk.ReadError, match="DTD") as caught:
        sk.load(stream, format=name, strict=strict)
    assert ENTITY not in str(caught.value)
    assert not stream.closed


def test_every_xml_and_workbook_reader_is_asked_to_refuse_a_dtd() -> None:
    # The DTD check above runs on each reader of XML or of workbooks (not on CSV or JSON).
    kinds = {name: _kind(name, path) for name, path in CASES}
    xml_readers = {name for name, kind in kinds.items() if kind != "text"}
    assert {"un-xml", "eu-xml", "ofac-xml", "ca-sema-xml", "jp-mof-xlsx"} <= xml_readers
