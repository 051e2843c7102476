"""Streaming XML from outside, safely: no DTD, so no entities, external or expanding.

Official lists never declare a document type. A document that does is refused
before the parser sees it: entity declarations live only in a DTD, so without
one there is no external entity to fetch and no "billion laughs" to expand.
The rest of the file goes through the standard library's C parser, a chunk at
a time (:func:`iter_records`), so memory holds a chunk's records, not the file's.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import IO

from sanctionkit.errors import ReadError
from sanctionkit.model import Problem

__all__ = ["iter_records", "local_name", "open_checked"]

# How far into a file the root element must start. Real lists start it in the
# first few hundred bytes; a prolog longer than this is itself suspicious.
_PROLOG_LIMIT = 1 << 16
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def open_checked(source: str | Path | IO[bytes], name: str) -> io.BufferedReader:
    """The file as a binary stream, after checking that its prolog declares no DTD.

    Raises ReadError naming the file when it does.
    """
    # The caller closes the stream it gets back (iter_records does, in its finally).
    stream: IO[bytes] = Path(source).open("rb") if isinstance(source, str | Path) else source  # noqa: SIM115
    prolog = stream.read(_PROLOG_LIMIT)
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16: look at the characters, not the bytes.
        visible = prolog.decode("utf-16", errors="ignore").encode("ascii", errors="replace")
    else:
        visible = prolog
    # Blank out <?...?> and <!--...--> so that what they contain counts for nothing.
    cleaned = re.sub(rb"<\?.*?\?>|<!--.*?-->", b" ", visible, flags=re.DOTALL)
    root = _ROOT_START.search(cleaned)
    if root is None and len(prolog) == _PROLOG_LIMIT:
        stream.close()
        message = f"refused: no root element in the first {_PROLOG_LIMIT} bytes"
        raise ReadError(Problem(file=name, message=message))
    if _DOCTYPE.search(cleaned if root is None else cleaned[: root.start()]):
        stream.close()
        message = "refused: the document declares a DTD (<!DOCTYPE or <!ENTITY), which official "
        message += "lists never do; its entities are neither expanded nor fetched"
        raise ReadError(Problem(file=name, message=message))
    return io.BufferedReader(_Prefixed(prolog, stream))


class _Prefixed(io.RawIOBase):
    """A stream that gives back bytes already read, then the rest of the file."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._rest.close()
        super().close()


def local_name(tag: str) -> str:
    """``{namespace}name`` without its namespace: readers match names, not namespaces.

    >>> local_name("{http://tempuri.org/sdnList.xsd}sdnEntry")
    'sdnEntry'
    """
    return tag.rpartition("}")[2]


# How much XML the parser takes at a time. Each piece's elements are built in C
# before Python sees them, so this bounds what the tree holds beyond the caller's
# record; 16 KiB (as iterparse reads) measured fastest, 64 KiB and up slower.
_CHUNK = 1 << 14


def iter_records(
    source: str | Path | IO[bytes], record_tag: str | Collection[str], name: str
) -> Iterator[tuple[str, ET.Element]]:
    """Yield ``("root", root)`` first, then each complete element named ``record_tag``.

    ``record_tag`` may also be a collection of names, for lists whose records
    come in several kinds (the UN's INDIVIDUAL and ENTITY), yielded in file order.
    Records are taken out of the tree once the caller has had them (in batches,
    at most one chunk of the file later), so memory holds a chunk's records
    plus the elements that are not records (the root, headers, containers).
    The root is yielded before anything else of it is known, so only its tag
    and attributes can be read then; its children grow as the file is read.
    Parse errors become ReadError naming the file and the line.
    """
    is_record = _IsRecord(frozenset((record_tag,) if isinstance(record_tag, str) else record_tag))
    stream = open_checked(source, name)
    parser = ET.XMLParser(target=ET.TreeBuilder())
    # Start events serve only to catch the root; once it is caught the parser
    # reports end events alone, which halves the events Python has to handle.
    events: list[tuple[str, ET.Element]] = []
    _report(parser, events, ("start", "end"))
    root: ET.Element | None = None
    try:
        while True:
            data = stream.read(_CHUNK)
            failure: ET.ParseError | None = None
            try:
                if data:
                    parser.feed(data)
                else:
                    parser.close()
            except ET.ParseError as error:
                failure = error  # raised once the records completed before it are out
            done: list[ET.Element] = []
            for event, element in events:
                if event == "start":
                    if root is None:
                        root = element
                        _report(parser, events, ("end",))
                        yield "root", element
                elif is_record[element.tag]:
                    yield "record", element
                    done.append(element)
            if failure is not None:
                raise failure
            if root is not None and done:
                _detach(root, done, events)
            events.clear()
            if not data:
                return
    except ET.ParseError as error:
        line, column = error.position
        message = f"not well-formed XML at line {line}, column {column}: {error}"
        raise ReadError(Problem(file=name, message=message)) from error
    finally:
        stream.close()


class _IsRecord(dict[str, bool]):
    """Whether an element's tag, namespace and all, names a record: worked out once per tag."""

    def __init__(self, names: frozenset[str]) -> None:
        super().__init__()
        self._names = names

    def __missing__(self, tag: str) -> bool:
        answer = self[tag] = local_name(tag) in self._names
        return answer


def _report(
    parser: ET.XMLParser, events: list[tuple[str, ET.Element]], kinds: tuple[str, ...]
) -> None:
    """Have ``parser`` append ``(event, element)`` to ``events`` for each event of ``kinds``.

    ``_setevents`` is the hook XMLPullParser sets its own events with (in the C
    parser and the pure Python one alike). The C parser replaces the events it
    reports; the Python one only adds handlers, so start events may go on:
    iter_records ignores those after the root.
    """
    parser._setevents(events, kinds)  # type: ignore[attr-defined]


def _detach(root: ET.Element, done: list[ET.Element], events: list[tuple[str, ET.Element]]) -> None:
    """Take ``done`` (records the caller has had) out of the tree.

    Every element still open is the last child of its parent, so a record's
    parent that is still open lies on the path of last children down from the
    root: that path is where records are found, but for those whose parent
    closed in the same chunk, which are looked for among the chunk's elements.
    """
    wanted = {id(element) for element in done}  # done keeps them alive: the ids stay theirs
    left = len(done)
    node = root
    while left and len(node):
        kept = [child for child in node if id(child) not in wanted]
        if len(kept) < len(node):
            left -= len(node) - len(kept)
            node[:] = kept
        if not kept:
            break
        node = kept[-1]
    for _, element in events:
        if not left:
            break
        if len(element):
            kept = [child for child in element if id(child) not in wanted]
            if len(kept) < len(element):
                left -= len(element) - len(kept)
                element[:] = kept
