"""Telling a CSV record that the end of the file cuts short from a whole one.

Python's csv module, reading leniently, returns a record that the file ends
in the middle of as if it were whole: a quoted field left open keeps what
precedes the cut ("remarks" shortened without a word), an unquoted one its
first characters (a "Group ID" 14727 read as 147). The lists read here end
every line with a line ending (OFAC's files with CRLF, then a DOS end-of-file
byte 0x1A; OFSI's with CRLF), so a record is whole only when its last line
has its line ending and no quoted field is left open. :class:`Lines` keeps
the lines of the record being read, for :meth:`Lines.cut` to tell.

>>> import csv
>>> lines = Lines(['1,"whole"\\r\\n', '2,"cut sho'])
>>> reader = csv.reader(lines, strict=False)
>>> for row in reader:
...     print(row, lines.cut())
...     lines.start()
['1', 'whole'] None
['2', 'cut sho'] the file ends inside a quoted field
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Final

__all__ = ["TRUNCATED", "Lines", "records"]

#: The code of the problem a cut record gives (as the XML readers' "the file ends early").
TRUNCATED: Final = "truncated-file"


def records(text: Iterable[str]) -> Iterator[tuple[int, list[str] | csv.Error, str | None]]:
    """``(line, row, cut)`` for each record of a CSV text, read leniently.

    ``line`` is the line the record ends on; ``row`` its cells, or the
    :class:`csv.Error` that refused it (a field over :func:`csv.field_size_limit`,
    a NUL byte before Python 3.11), after which reading goes on at the next
    line; ``cut`` is why the end of the file cuts the record short (see
    :meth:`Lines.cut`), or None when it is whole.

    >>> [(line, row, cut) for line, row, cut in records(['a,b\\r\\n', '"c'])]
    [(1, ['a', 'b'], None), (2, ['c'], 'the file ends inside a quoted field')]
    """
    lines = Lines(text)
    reader = csv.reader(lines, strict=False)
    while True:
        lines.start()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # The reader has consumed the bad line: the next call starts after it.
            yield reader.line_num, error, None
            continue
        yield reader.line_num, row, lines.cut()


class Lines(Iterator[str]):
    """A text's lines, for a csv reader, keeping those of the record being read."""

    def __init__(self, text: Iterable[str]) -> None:
        self._lines = iter(text)
        self.record: list[str] = []

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.record.append(line)
        return line

    def start(self) -> None:
        """Forget the lines read so far: the next record starts here."""
        self.record.clear()

    def cut(self) -> str | None:
        """Why the end of the file cuts the record just read short, or None when it is whole.

        Only the file's last record can lack its line ending, and only there
        can a quoted field be left open (the reader takes every line up to
        the end of the file into it). A field with an odd number of quote
        characters is read again, strictly, to tell an open quote from a
        stray one in an unquoted field.
        """
        if not self.record:
            return None
        if sum(line.count('"') for line in self.record) % 2:
            try:
                for _ in csv.reader(list(self.record), strict=True):
                    pass
            except csv.Error as error:
                if "unexpected end of data" in str(error):
                    return "the file ends inside a quoted field"
        if not self.record[-1].endswith("\n"):
            return "the file ends in the middle of a line"
        return None
