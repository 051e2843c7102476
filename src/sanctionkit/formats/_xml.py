"""Streaming XML from outside, safely: no DTD, so no entities, external or expanding.

Official lists never declare a document type. A document that does is refused
before the parser sees it: entity declarations live only in a DTD, so without
one there is no external entity to fetch and no "billion laughs" to expand.
The rest of the file goes through the standard library's C parser, element by
element (:func:`iter_records`), so memory holds one record at a time.
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

__all__ = ["iter_records", "local_name", "open_checked", "read_head"]

# How far into a file the root element must start. Real lists start it in the
# first few hundred bytes; a prolog longer than this is itself suspicious.
_PROLOG_LIMIT = 1 << 16
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def read_head(source: str | Path | IO[bytes], size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file, leaving an open file where it was."""
    if isinstance(source, str | Path):
        with Path(source).open("rb") as file:
            return file.read(size)
    position = source.tell()
    head = source.read(size)
    source.seek(position)
    return head


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


def iter_records(
    source: str | Path | IO[bytes], record_tag: str | Collection[str], name: str
) -> Iterator[tuple[str, ET.Element]]:
    """Yield ``("root", root)`` first, then each complete element named ``record_tag``.

    ``record_tag`` may also be a collection of names, for lists whose records
    come in several kinds (the UN's INDIVIDUAL and ENTITY), yielded in file order.
    Each record is removed from the tree once the caller has it, so memory holds
    one record (plus the root's other children, which are small: headers).
    Parse errors become ReadError naming the file and the line.
    """
    record_tags = frozenset((record_tag,) if isinstance(record_tag, str) else record_tag)
    stream = open_checked(source, name)
    parents: list[ET.Element] = []
    try:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            if event == "start":
                if not parents:
                    yield "root", element
                parents.append(element)
                continue
            parents.pop()
            if local_name(element.tag) in record_tags:
                yield "record", element
                if parents:
                    parents[-1].remove(element)
    except ET.ParseError as error:
        line, column = error.position
        message = f"not well-formed XML at line {line}, column {column}: {error}"
        raise ReadError(Problem(file=name, message=message)) from error
    finally:
        stream.close()
