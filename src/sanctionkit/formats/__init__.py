"""The third layer: readers and writers of external formats, one module each.

:func:`load` looks at a file's content, not its name, to choose the reader:
the root element (and so the list) of an XML file, the shape of a CSV file's
first line, the header of JSON lines, the sheets of a workbook. Every reader
module has the same two functions, ``sniff(head: bytes) -> bool`` and
``read(source, *, name, strict) -> Dataset`` (:class:`ReaderModule`, which
mypy checks each module against); a reader of a list in an .xlsx workbook has
``recognises(workbook) -> bool`` too (:class:`WorkbookReaderModule`).
:data:`REGISTRY` lists them all, and ``docs/writing-a-reader.md`` says how to
add one. Reader modules are imported on first use, so ``import sanctionkit``
pays for none of them.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, Protocol

import attrs

from sanctionkit.errors import ReadError, UnknownFormatError
from sanctionkit.formats import jsonl
from sanctionkit.formats._contract import (
    METADATA_KEYS,
    MetadataKey,
    ReaderModule,
    WorkbookReaderModule,
)
from sanctionkit.formats._files import Source, binary, read_head, source_name, xml_root_name
from sanctionkit.formats._xlsx import corrupt, damage, is_xls, is_zip, open_workbook, xls_refusal
from sanctionkit.model import Dataset, Problem
from sanctionkit.model.dataset import problem_code_word

__all__ = [
    "METADATA_KEYS",
    "READERS",
    "REGISTRY",
    "WORKBOOK_READERS",
    "InWorkbook",
    "MetadataKey",
    "Reader",
    "ReaderModule",
    "Sniffed",
    "WorkbookReader",
    "WorkbookReaderModule",
    "accept_rule",
    "detect",
    "detect_format",
    "dump",
    "load",
    "reader",
    "workbook_reader",
    "xml_root_name",
]


class Reader(Protocol):
    """A reader's ``read`` function (see :class:`ReaderModule`)."""

    def __call__(self, source: Source, *, name: str, strict: bool) -> Dataset: ...


#: The old name of :class:`WorkbookReaderModule`.
WorkbookReader = WorkbookReaderModule


@attrs.frozen
class Sniffed:
    """A format :func:`load` finds by the first bytes of a file (its reader's ``sniff``)."""

    #: Imports the reader module, on first use; mypy checks what it returns.
    module: Callable[[], ReaderModule]


@attrs.frozen
class InWorkbook:
    """A list in an .xlsx workbook: found by asking the reader whether it ``recognises`` one."""

    #: Imports the reader module, on first use; mypy checks what it returns.
    module: Callable[[], WorkbookReaderModule]


# One function per reader module: the import happens on first use, and the
# return type makes mypy check the module against the reader protocol.


def _jsonl() -> ReaderModule:
    return jsonl


def _ofac_xml() -> ReaderModule:
    from sanctionkit.formats import ofac_xml

    return ofac_xml


def _ofac_enhanced() -> ReaderModule:
    from sanctionkit.formats import ofac_enhanced

    return ofac_enhanced


def _ofac_advanced() -> ReaderModule:
    from sanctionkit.formats import ofac_advanced

    return ofac_advanced


def _ofac_csv() -> ReaderModule:
    from sanctionkit.formats import ofac_csv

    return ofac_csv


def _un_xml() -> ReaderModule:
    from sanctionkit.formats import un_xml

    return un_xml


def _uk_conlist() -> WorkbookReaderModule:
    from sanctionkit.formats import uk_conlist

    return uk_conlist


def _uk_sl() -> ReaderModule:
    from sanctionkit.formats import uk_sl

    return uk_sl


def _uk_sl_csv() -> ReaderModule:
    from sanctionkit.formats import uk_sl_csv

    return uk_sl_csv


def _eu_xml() -> ReaderModule:
    from sanctionkit.formats import eu_xml

    return eu_xml


def _ca_sema() -> ReaderModule:
    from sanctionkit.formats import ca_sema

    return ca_sema


def _seco() -> ReaderModule:
    from sanctionkit.formats import seco

    return seco


def _ftm() -> ReaderModule:
    from sanctionkit.formats import ftm

    return ftm


def _au_dfat() -> WorkbookReaderModule:
    from sanctionkit.formats import au_dfat

    return au_dfat


def _jp_mof() -> WorkbookReaderModule:
    from sanctionkit.formats import jp_mof

    return jp_mof


#: Every format :func:`load` reads, by name, and how it is found. Sniffed
#: formats are asked in this order; workbook readers too, about a workbook.
REGISTRY: dict[str, Sniffed | InWorkbook] = {
    "sanctionkit": Sniffed(_jsonl),
    "ofac-xml": Sniffed(_ofac_xml),
    "ofac-enhanced-xml": Sniffed(_ofac_enhanced),
    "ofac-advanced-xml": Sniffed(_ofac_advanced),
    "ofac-csv": Sniffed(_ofac_csv),
    "un-xml": Sniffed(_un_xml),
    "uk-conlist": Sniffed(_uk_conlist),
    "uk-sl-xml": Sniffed(_uk_sl),
    "uk-sl-csv": Sniffed(_uk_sl_csv),
    "eu-xml": Sniffed(_eu_xml),
    "ca-sema-xml": Sniffed(_ca_sema),
    "seco-xml": Sniffed(_seco),
    "ftm": Sniffed(_ftm),
    "uk-conlist-xlsx": InWorkbook(_uk_conlist),
    "jp-mof-xlsx": InWorkbook(_jp_mof),
    "au-dfat-xlsx": InWorkbook(_au_dfat),
}

#: The formats found by their first bytes: a view of :data:`REGISTRY`.
READERS: dict[str, Sniffed] = {
    name: entry for name, entry in REGISTRY.items() if isinstance(entry, Sniffed)
}

#: The lists in .xlsx workbooks: a view of :data:`REGISTRY`.
WORKBOOK_READERS: dict[str, InWorkbook] = {
    name: entry for name, entry in REGISTRY.items() if isinstance(entry, InWorkbook)
}


def __getattr__(attribute: str) -> Any:
    """``sanctionkit.formats.ftm`` and the other reader modules, imported on first use."""
    path = f"{__name__}.{attribute}"
    if not attribute.startswith("_") and importlib.util.find_spec(path) is not None:
        return importlib.import_module(path)
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")


def _entry(name: str) -> Sniffed | InWorkbook:
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(REGISTRY)
        raise UnknownFormatError(f"unknown format {name!r}; known: {known}") from None


def reader(name: str) -> tuple[Callable[[bytes], bool], Reader]:
    """The ``sniff`` and ``read`` functions of the format called ``name``."""
    module = _entry(name).module()
    return module.sniff, module.read


def workbook_reader(name: str) -> WorkbookReaderModule:
    """The module that reads the workbook format called ``name``."""
    return WORKBOOK_READERS[name].module()


def detect_format(head: bytes | str) -> str:
    """The name of the format whose content starts with ``head`` (workbooks aside).

    >>> detect_format('{"format": "sanctionkit", "version": 1}')
    'sanctionkit'
    """
    data = head.encode("utf-8") if isinstance(head, str) else head
    if is_xls(data):
        raise UnknownFormatError(xls_refusal())
    for name, entry in READERS.items():
        if entry.module().sniff(data):
            return name
    shown = data[:60].decode("utf-8", errors="replace")
    raise UnknownFormatError(
        f"no reader for content starting {shown!r}; known: {', '.join(READERS)}"
    )


def detect(source: Source) -> str:
    """The name in :data:`REGISTRY` of the format a file is in, from its content.

    Its first bytes tell every format but a workbook's, whose sheets are asked
    about. An open file is left where it was.
    """
    return _detect(source, source_name(source))


def load(
    source: str | Path | IO[str] | IO[bytes],
    format: str | None = None,
    *,
    strict: bool = False,
    accept: Iterable[str] = (),
) -> Dataset:
    """Read a dataset from a path or an open file, in the format its content shows.

    ``format`` skips detection (a name in :data:`REGISTRY`). A path is
    opened and closed here; an open file (binary, or text, which is streamed
    as UTF-8) is read from where it is and left open: it is the caller's.
    In lenient mode (the default) bad values and records become
    ``dataset.problems`` and reading goes on; ``strict=True`` raises the
    first as :class:`~sanctionkit.ReadError`.
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
    name = source_name(source)
    stream: Source = source if isinstance(source, str | Path) else binary(source)
    chosen = format if format is not None else _detect(stream, name)
    return _entry(chosen).module().read(stream, name=name, strict=strict)


def _detect(source: Source, name: str) -> str:
    head = read_head(source)
    if is_zip(head) or is_xls(head):  # old .xls (BIFF) workbooks too, through calamine
        return _workbook_format(source, name)
    return detect_format(head)


def _workbook_format(source: Source, name: str) -> str:
    """The workbook format whose reader recognises the workbook's sheets."""
    position = None if isinstance(source, str | Path) else source.tell()
    workbook = open_workbook(source, name)
    try:
        known = WORKBOOK_READERS.items()
        chosen = next((f for f, entry in known if entry.module().recognises(workbook)), None)
        sheets = ", ".join(workbook.sheetnames[:5])
    except ReadError as error:  # a damaged sheet, met by a reader that had no file name
        raise ReadError(attrs.evolve(error.problem, file=name)) from error
    except corrupt() as error:
        message = f"not a readable .xlsx workbook: {damage(error)}"
        raise ReadError(Problem(file=name, message=message)) from error
    finally:
        workbook.close()
        if position is not None and not isinstance(source, str | Path):
            source.seek(position)
    if chosen is None and workbook.xls:
        raise UnknownFormatError(f"{xls_refusal(name)} Its sheets: {sheets}.")
    if chosen is None:
        names = ", ".join(WORKBOOK_READERS) or "none yet"
        raise UnknownFormatError(f"no reader for a workbook with sheets {sheets}; known: {names}")
    return chosen


def dump(dataset: Dataset, path: str | Path) -> None:
    """Write a dataset to a file in sanctionkit's JSON lines."""
    jsonl.dump(dataset, path)
