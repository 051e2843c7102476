"""Opening what readers are given (paths or binary files) and a first look at them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

__all__ = ["read_head", "xml_root_name"]


def read_head(source: str | Path | IO[bytes], size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file, leaving an open file where it was."""
    if isinstance(source, str | Path):
        with Path(source).open("rb") as file:
            return file.read(size)
    position = source.tell()
    head = source.read(size)
    source.seek(position)
    return head


_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def xml_root_name(head: bytes) -> str | None:
    """The local name of the first element in the first bytes of an XML file.

    >>> xml_root_name(b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">')
    'sdnList'
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    cleaned = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b" ", head, flags=re.DOTALL)
    match = _FIRST_ELEMENT.search(cleaned)
    return match.group(2).decode("ascii") if match else None
