"""The third layer: readers and writers of external formats, one module each.

:func:`load` looks at a file's content, not its name, to choose the reader:
the root element (and so the list) of an XML file, the shape of a CSV file's
first line, the header of JSON lines. Each reader module has the same two
functions, ``sniff(head: bytes) -> bool`` and
``read(source, *, name, strict) -> Dataset``; :data:`READERS` lists them.
Reader modules are imported on first use, so ``import sanctionkit`` pays for
none of them.
"""

from __future__ import annotations

import functools
import importlib
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, Protocol

import attrs

from sanctionkit.errors import ReadError, UnknownFormatError
from sanctionkit.formats import jsonl
from sanctionkit.formats._files import read_head, xml_root_name
from sanctionkit.formats._xlsx import corrupt, damage, is_xls, is_zip, open_workbook, xls_refusal
from sanctionkit.model import Dataset, Problem
from sanctionkit.model.dataset import problem_code_word

__all__ = [
    "READERS",
    "WORKBOOK_READERS",
    "Reader",
    "WorkbookReader",
    "accept_rule",
    "detect_format",
    "dump",
    "load",
    "reader",
    "workbook_reader",
    "xml_root_name",
]


class Reader(Protocol):
    """What a reader module provides."""

    def __call__(self, source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset: ...


def _read_jsonl(source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset:
    return jsonl.load(source, strict=strict, name=name)


def _sniff_jsonl(head: bytes) -> bool:
    first_line = next((line for line in head.splitlines() if line.strip()), b"")
    return jsonl.is_sanctionkit_header(first_line.decode("utf-8", errors="replace"))


#: Every format :func:`load` reads, and the module that reads it.
READERS: dict[str, str] = {
    "sanctionkit": "sanctionkit.formats.jsonl",
    "ofac-xml": "sanctionkit.formats.ofac_xml",
    "ofac-enhanced-xml": "sanctionkit.formats.ofac_enhanced",
    "ofac-csv": "sanctionkit.formats.ofac_csv",
    "un-xml": "sanctionkit.formats.un_xml",
    "uk-conlist": "sanctionkit.formats.uk_conlist",
    "uk-sl-xml": "sanctionkit.formats.uk_sl",
    "uk-sl-csv": "sanctionkit.formats.uk_sl_csv",
    "eu-xml": "sanctionkit.formats.eu_xml",
    "ca-sema-xml": "sanctionkit.formats.ca_sema",
    "seco-xml": "sanctionkit.formats.seco",
    "ftm": "sanctionkit.formats.ftm",
}


def __getattr__(attribute: str) -> Any:
    """``sanctionkit.formats.ftm`` and the other reader modules, imported on first use."""
    modules = {
        path.rpartition(".")[2]: path for path in (*READERS.values(), *WORKBOOK_READERS.values())
    }
    if attribute in modules:
        return importlib.import_module(modules[attribute])
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")


@functools.cache
def reader(name: str) -> tuple[Callable[[bytes], bool], Reader]:
    """The ``sniff`` and ``read`` functions of the format called ``name``."""
    if name == "sanctionkit":
        return _sniff_jsonl, _read_jsonl
    module = importlib.import_module(READERS[name])
    return module.sniff, module.read


class WorkbookReader(Protocol):
    """What a reader of an .xlsx list provides: a zip's first bytes cannot tell lists apart."""

    def recognises(self, workbook: Any) -> bool: ...

    def read(self, source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset: ...


#: Readers of .xlsx lists, asked in turn whether they recognise a workbook's sheets.
WORKBOOK_READERS: dict[str, str] = {
    "uk-conlist-xlsx": "sanctionkit.formats.uk_conlist",
    "jp-mof-xlsx": "sanctionkit.formats.jp_mof",
}


def workbook_reader(name: str) -> WorkbookReader:
    """The module that reads the workbook format called ``name``."""
    module: WorkbookReader = importlib.import_module(WORKBOOK_READERS[name])
    return module


def detect_format(head: bytes | str) -> str:
    """The name of the format whose content starts with ``head``.

    >>> detect_format('{"format": "sanctionkit", "version": 1}')
    'sanctionkit'
    """
    data = head.encode("utf-8") if isinstance(head, str) else head
    if is_xls(data):
        raise UnknownFormatError(xls_refusal())
    for name in READERS:
        sniff, _ = reader(name)
        if sniff(data):
            return name
    shown = data[:60].decode("utf-8", errors="replace")
    raise UnknownFormatError(
        f"no reader for content starting {shown!r}; known: {', '.join(READERS)}"
    )


def load(
    source: str | Path | IO[str] | IO[bytes],
    format: str | None = None,
    *,
    strict: bool = False,
    accept: Iterable[str] = (),
) -> Dataset:
    """Read a dataset from a path or an open file, in the format its content shows.

    ``format`` skips detection (a name in :data:`READERS` or
    :data:`WORKBOOK_READERS`). In lenient mode (the default) bad values and
    records become ``dataset.problems`` and reading goes on; ``strict=True``
    raises the first as :class:`~sanctionkit.ReadError`.
    ``dataset.metadata`` counts the records read, returned and rejected.

    ``accept`` names the problems you know about and accept, each as
    ``"CODE"`` (every problem with that :attr:`~sanctionkit.Problem.code`) or
    ``"CODE:RECORD"`` (that code in that record only). Accepted problems stay
    in ``dataset.problems`` with ``accepted=True`` and do not make a strict
    read fail; the first problem not accepted still does. A problem's
    ``file`` is the path as given here (or an open file's ``name``).
    """
    rules = tuple(accept_rule(rule) for rule in accept)
    if not rules:
        return _load(source, format, strict=strict)
    dataset = _load(source, format, strict=False)
    problems = [
        attrs.evolve(problem, accepted=True) if problem.accepted_by(rules) else problem
        for problem in dataset.problems
    ]
    first = next((problem for problem in problems if not problem.accepted), None)
    if strict and first is not None:
        raise ReadError(first)
    return attrs.evolve(dataset, problems=problems)


def accept_rule(rule: str) -> str:
    """``rule`` if it is "CODE" or "CODE:RECORD"; else a ValueError saying what it should be.

    >>> accept_rule("invalid-imo:19569")
    'invalid-imo:19569'
    """
    code, _, record = rule.partition(":")
    if not problem_code_word(code) or (":" in rule and not record):
        raise ValueError(
            f"an accepted problem is CODE or CODE:RECORD (such as 'invalid-imo' or "
            f"'invalid-imo:19569'), not {rule!r}"
        )
    return rule


def _load(source: str | Path | IO[str] | IO[bytes], format: str | None, *, strict: bool) -> Dataset:
    name = str(source) if isinstance(source, str | Path) else str(getattr(source, "name", "<file>"))
    binary: str | Path | IO[bytes]
    if isinstance(source, str | Path):
        binary = source
    elif isinstance(source, io.TextIOBase):
        binary = io.BytesIO(source.read().encode("utf-8"))
    else:
        binary = source  # type: ignore[assignment]
    head = read_head(binary)
    if format is None and is_xls(head):
        raise UnknownFormatError(xls_refusal(name))
    if format is None and is_zip(head):
        return _load_workbook(binary, name=name, strict=strict)
    if format in WORKBOOK_READERS:
        return workbook_reader(format).read(binary, name=name, strict=strict)
    chosen = format or detect_format(head)
    if chosen not in READERS:
        known = ", ".join([*READERS, *WORKBOOK_READERS])
        raise UnknownFormatError(f"unknown format {chosen!r}; known: {known}")
    _, read = reader(chosen)
    return read(binary, name=name, strict=strict)


def _load_workbook(source: str | Path | IO[bytes], *, name: str, strict: bool) -> Dataset:
    workbook = open_workbook(source, name)
    try:
        readers = (workbook_reader(name) for name in WORKBOOK_READERS)
        chosen = next((r for r in readers if r.recognises(workbook)), None)
        sheets = ", ".join(workbook.sheetnames[:5])
    except ReadError as error:  # a damaged sheet, met by a reader that had no file name
        raise ReadError(attrs.evolve(error.problem, file=name)) from error
    except corrupt() as error:
        message = f"not a readable .xlsx workbook: {damage(error)}"
        raise ReadError(Problem(file=name, message=message)) from error
    finally:
        workbook.close()
    if chosen is None:
        known = ", ".join(WORKBOOK_READERS) or "none yet"
        raise UnknownFormatError(f"no reader for a workbook with sheets {sheets}; known: {known}")
    if not isinstance(source, str | Path):
        source.seek(0)
    return chosen.read(source, name=name, strict=strict)


def dump(dataset: Dataset, path: str | Path) -> None:
    """Write a dataset to a file in sanctionkit's JSON lines."""
    jsonl.dump(dataset, path)
