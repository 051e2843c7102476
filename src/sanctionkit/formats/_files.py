"""Opening what readers are given (paths, binary or text files) and a first look at them.

Why one module: a reader given a path opens the file and must close it; a
reader given an open file reads it and must leave it open, because it is the
caller's (who may read it again, or rewind it). :func:`open_source` is that
rule, once. A text handle (``io.StringIO``, a file opened in text mode) is
streamed as UTF-8 bytes (:func:`binary`), not read whole into memory.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

__all__ = [
    "Source",
    "binary",
    "open_source",
    "read_head",
    "reporting_reads",
    "source_name",
    "xml_root_name",
]

#: What a reader's ``read`` takes: a path, or a binary file that stays the caller's.
Source = str | Path | IO[bytes]


@contextlib.contextmanager
def open_source(source: Source) -> Iterator[IO[bytes]]:
    """A binary stream of ``source``, closed at the end only if it was opened here.

    >>> stream = io.BytesIO(b"<list/>")
    >>> with open_source(stream) as opened:
    ...     opened.read()
    b'<list/>'
    >>> stream.closed
    False
    """
    if isinstance(source, str | Path):
        report = _on_read.get()
        if report is None:
            with Path(source).open("rb") as stream:
                yield stream
            return
        with io.BufferedReader(_Counted(Path(source), report)) as counted:
            yield counted
    else:
        yield source


#: Told of every chunk read from a file that :func:`open_source` opened.
_on_read: contextvars.ContextVar[Callable[[Path, int], None] | None] = contextvars.ContextVar(
    "sanctionkit_on_read", default=None
)


@contextlib.contextmanager
def reporting_reads(report: Callable[[Path, int], None]) -> Iterator[None]:
    """Within the block, ``report(path, size)`` after each read from a file a reader opened.

    Why: the command line draws a progress bar of a large file from the bytes
    its reader has taken, without any reader knowing about bars. Files a
    caller opened are theirs to measure; without a block nothing is counted.

    >>> import tempfile
    >>> seen = []
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "list.xml")
    ...     _ = path.write_bytes(b"<list/>")
    ...     with reporting_reads(lambda path, size: seen.append(size)):
    ...         with open_source(path) as stream:
    ...             stream.read()
    b'<list/>'
    >>> sum(seen)
    7
    """
    token = _on_read.set(report)
    try:
        yield
    finally:
        _on_read.reset(token)


class _Counted(io.RawIOBase):
    """A file that tells ``report`` how many bytes each read took."""

    def __init__(self, path: Path, report: Callable[[Path, int], None]) -> None:
        super().__init__()
        self._file = io.FileIO(path, "rb")
        self._path = path
        self._report = report
        self.name = str(path)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def readinto(self, buffer: memoryview) -> int | None:  # type: ignore[override]
        size = self._file.readinto(buffer)
        if size:
            self._report(self._path, size)
        return size

    def close(self) -> None:
        self._file.close()
        super().close()


def source_name(source: str | Path | IO[bytes] | IO[str]) -> str:
    """The name problems give for ``source``: the path as given, or an open file's ``name``.

    >>> source_name(io.BytesIO())
    '<file>'
    """
    if isinstance(source, str | Path):
        return str(source)
    return str(getattr(source, "name", "<file>"))


def binary(source: IO[bytes] | IO[str]) -> IO[bytes]:
    """``source`` as a binary stream: a text handle is encoded to UTF-8 as it is read.

    Readers take bytes (the encoding is part of each format); a caller with
    text in hand gets it streamed, a chunk at a time, never copied whole.
    The text handle stays open when the stream is done with.

    >>> binary(io.StringIO("Ünal")).read()
    b'\\xc3\\x9cnal'
    """
    if not isinstance(source, io.TextIOBase):
        return source  # type: ignore[return-value]  # binary already (IO is not a runtime type)
    return io.BufferedReader(_Utf8(source), buffer_size=_CHUNK)


# Large enough that read_head's peek of a text handle sees its whole head in one read.
_CHUNK = 1 << 16


class _Utf8(io.RawIOBase):
    """A text handle's characters as UTF-8 bytes, encoded one chunk at a time."""

    def __init__(self, text: io.TextIOBase) -> None:
        super().__init__()
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        # Fill the whole buffer unless the text ends: peek() then sees a full head.
        while len(self._pending) < len(buffer):
            chunk = self._text.read(len(buffer))
            if not chunk:
                break
            self._pending += chunk.encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def close(self) -> None:
        # The text handle is the caller's: closing this stream leaves it open.
        self._pending = b""
        super().close()


def read_head(source: Source, size: int = 4096) -> bytes:
    """The first ``size`` bytes of a file, leaving an open file where it was.

    A stream that cannot seek (a pipe, a text handle streamed by
    :func:`binary`) is peeked at through its buffer instead.
    """
    if isinstance(source, str | Path):
        with Path(source).open("rb") as file:
            return file.read(size)
    if not source.seekable() and isinstance(source, io.BufferedReader):
        return source.peek(size)[:size]
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
