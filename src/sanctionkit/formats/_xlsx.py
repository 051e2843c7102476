"""Excel workbooks (.xlsx and old .xls), read with python-calamine (the ``xlsx`` extra).

An .xlsx file is a zip archive, so its first bytes say only "zip": which list it
holds shows in its sheets. :func:`open_workbook` opens it with calamine, whose
Rust parser reads a sheet about 10 to 25 times faster than openpyxl (see
benchmarks/bench_jp.py, bench_uk.py), one sheet at a time, when a reader asks
for its rows; the readers of workbook lists each say whether they recognise a
workbook by its sheet names and header cells. Values come as openpyxl gave them
(:func:`cell`), so the readers, written on openpyxl, read the same.

A workbook from outside is untrusted like any XML: before calamine sees it,
:func:`check_archive` unpacks every part once, as a stream, and refuses the
workbook if it unpacks to more than :data:`MAX_UNPACKED` bytes, if a part
unpacks to more than :data:`MAX_RATIO` times its packed size (a decompression
bomb), or if a part declares a DTD (whose entities would end up in names).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from sanctionkit.errors import MissingDependencyError, ReadError
from sanctionkit.formats._files import read_head
from sanctionkit.model import Problem
from sanctionkit.values.dates import PartialDate

if TYPE_CHECKING:
    import zipfile

# zipfile, zlib, expat and the XML module are imported when a workbook is read:
# ``import sanctionkit`` loads this module, and should pay for none of them.

__all__ = [
    "MAX_RATIO",
    "MAX_UNPACKED",
    "RATIO_FROM",
    "Workbook",
    "Worksheet",
    "broken_part",
    "cell",
    "cell_date",
    "cell_text",
    "check_archive",
    "corrupt",
    "damage",
    "is_xls",
    "is_zip",
    "open_workbook",
    "raw_rows",
    "rows",
    "xls_refusal",
]

_ZIP_MAGIC = b"PK\x03\x04"
# An OLE2 compound file: old Excel .xls (BIFF) workbooks, and other Office files.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: The most all the parts of a workbook may unpack to, in bytes (128 MiB): about ten
#: times the largest real list. Those unpack to at most about 13 MB (the UK ConList of
#: 2022: 13.1 MB from 1.6 MB; Japan's MOF list 9.6 MB; Australia's DFAT list 9.5 MB).
#: This is the hard bound: the parser holds all shared strings, and a whole sheet's
#: cells, in memory.
MAX_UNPACKED = 128 << 20
#: The most a part may unpack to per byte it takes in the archive, once it has
#: unpacked :data:`RATIO_FROM` bytes. Real workbooks stay under 20 (12 for their
#: largest parts; 19 for a small styles.xml); 200 MB of spaces pack 1,000 to 1.
MAX_RATIO = 100
#: Below this many unpacked bytes (1 MiB) a part may have any ratio: harmless.
RATIO_FROM = 1 << 20

# How much of a part is unpacked at a time while checking.
_CHUNK = 1 << 16


def is_zip(head: bytes) -> bool:
    """True for the first bytes of a zip archive (and so of an .xlsx workbook)."""
    return head.startswith(_ZIP_MAGIC)


def is_xls(head: bytes) -> bool:
    """True for the first bytes of an old Excel .xls workbook (an OLE2 compound file).

    >>> is_xls(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(8))
    True
    """
    return head.startswith(_OLE2_MAGIC)


def xls_refusal(name: str | None = None) -> str:
    """What to tell a user whose old .xls workbook no reader recognises, and what to do instead.

    sanctionkit reads the .xls lists it knows (Japan's MOF list before 2023,
    DFAT's list of 2009); any other .xls may be a list it reads as .xlsx.

    >>> print(xls_refusal("list.xls"))  # doctest: +ELLIPSIS
    list.xls is an old Excel .xls workbook (BIFF, in an OLE2 compound file) that ...
    """
    what = f"{name} is" if name else "the content is"
    return (
        f"{what} an old Excel .xls workbook (BIFF, in an OLE2 compound file) that none of "
        "sanctionkit's .xls readers recognises: open it in Excel or LibreOffice and save it "
        "as .xlsx (Excel Workbook), or convert it with "
        "`soffice --headless --convert-to xlsx FILE`, then load the .xlsx. "
        "(A password-protected .xlsx is such a file too: save it without the password.)"
    )


def check_archive(source: str | Path | IO[bytes], name: str) -> None:
    """Refuse a workbook that unpacks to too much, or one of whose parts declares a DTD.

    Every part is unpacked once, as a stream, with the sizes counted as they
    come rather than taken from the archive's directory (which the archive's
    maker writes); every part that starts as XML is read up to its root element
    by expat, as a workbook's parser will read it. Raises ReadError naming the
    file and the part; a damaged archive (bad checksum, broken compressed data)
    is a ReadError too. An open file is left where it was.
    """
    import zipfile
    import zlib

    position = None if isinstance(source, str | Path) else source.tell()
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
            declared = sum(part.file_size for part in parts)
            if declared > MAX_UNPACKED:
                _refuse(name, f"its parts say they unpack to {declared:,} bytes{_over_limit()}")
            # A part's packed size, as the directory says it, is at most the archive's.
            assert archive.fp is not None
            whole = archive.fp.seek(0, 2)
            unpacked = 0
            for part in parts:
                unpacked = _check_part(
                    archive, part, min(part.compress_size, whole), unpacked, name
                )
    except ReadError:
        raise
    # A damaged directory lets out more than BadZipFile: a ValueError for an offset that
    # points before the file ("negative seek value"), a UnicodeDecodeError (also a
    # ValueError) for a part name flagged UTF-8 that is not, OSError from the seek itself.
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ValueError,
        OSError,
    ) as error:
        raise ReadError(
            Problem(file=name, message=f"not a readable .xlsx workbook: {damage(error)}")
        ) from error
    finally:
        if position is not None and not isinstance(source, str | Path):
            source.seek(position)


def _over_limit() -> str:
    return f", over sanctionkit's limit for a workbook ({MAX_UNPACKED:,} bytes)"


def _check_part(
    archive: zipfile.ZipFile, part: zipfile.ZipInfo, packed: int, unpacked: int, name: str
) -> int:
    """Unpack one part, checking as it comes; the bytes unpacked so far, this part's included."""
    import xml.parsers.expat as expat

    from sanctionkit.formats._xml import DtdFoundError, DtdGuard

    guard: DtdGuard | None = DtdGuard()
    size = 0
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            unpacked += len(chunk)
            if unpacked > MAX_UNPACKED:
                _refuse(
                    name,
                    f"the parts up to this one unpack to {unpacked:,} bytes{_over_limit()}",
                    part,
                )
            if size > RATIO_FROM and size > MAX_RATIO * max(packed, 1):
                message = (
                    f"{size:,} bytes unpacked from {packed:,} packed, over "
                    f"{MAX_RATIO} to 1: a decompression bomb, not a list"
                )
                _refuse(name, message, part)
            if guard is not None:
                try:
                    if guard.feed(chunk):
                        guard = None
                except DtdFoundError:
                    message = (
                        "it declares a DTD (<!DOCTYPE), which Excel never writes; "
                        "its entities are neither expanded nor fetched"
                    )
                    _refuse(name, message, part)
                except expat.ExpatError:
                    guard = None  # not XML (an image, a binary part): nothing for a DTD to do
    return unpacked


def _refuse(name: str, why: str, part: zipfile.ZipInfo | None = None) -> None:
    where = f"part {part.filename}: " if part is not None else ""
    raise ReadError(Problem(file=name, message=f"refused workbook: {where}{why}"))


def open_workbook(source: str | Path | IO[bytes], name: str) -> Workbook:
    """The workbook, read with python-calamine, once :func:`check_archive` has passed it.

    An .xlsx is checked first (see :func:`check_archive`); an old .xls (BIFF) is
    read as it is, for the readers that take one (Japan's MOF list, DFAT's
    oldest list). Raises MissingDependencyError (saying what to install) when
    python-calamine is missing, and ReadError naming the file when it is no
    readable workbook.
    """
    try:
        import python_calamine
    except ImportError:
        raise MissingDependencyError(
            f"reading {name} needs python-calamine: pip install 'sanctionkit[xlsx]'"
        ) from None
    xls = is_xls(read_head(source, 8))
    if not xls:
        check_archive(source, name)
    kind = _OLD_XLS if xls else _XLSX
    try:
        if isinstance(source, str | Path):
            book = python_calamine.CalamineWorkbook.from_path(str(source))
        else:
            position = source.tell()
            book = python_calamine.CalamineWorkbook.from_filelike(source)
            source.seek(position)
        sheets = [
            meta.name
            for meta in book.sheets_metadata
            if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
    except (*_calamine_errors(), *corrupt()) as error:
        part = None if xls else broken_part(source)
        where = f"part {part}: " if part else ""
        message = f"not a readable {kind}: {where}{damage(error)}"
        raise ReadError(Problem(file=name, message=message)) from error
    return Workbook(book, sheets, name, xls=xls)


_OLD_XLS = "old Excel .xls workbook (BIFF, in an OLE2 compound file)"
_XLSX = ".xlsx workbook"


@functools.cache
def _calamine_errors() -> tuple[type[Exception], ...]:
    import python_calamine

    return (python_calamine.CalamineError, python_calamine.PasswordError)


@attrs.define
class Worksheet:
    """One sheet of a :class:`Workbook`: its title, and its rows when asked for them.

    The sheet is read (by calamine, all at once, in Rust) only when its rows are
    asked for, so that recognising a workbook by its first sheets reads no others.
    """

    workbook: Workbook
    title: str

    def iter_rows(
        self, *, max_row: int | None = None, values_only: bool = True
    ) -> Iterator[tuple[object, ...]]:
        """The sheet's rows from row 1 on, as openpyxl's read-only sheets give them."""
        return self.workbook.sheet_rows(self.title, max_row)


@attrs.define
class Workbook:
    """A workbook read by python-calamine, shaped like openpyxl's read-only workbook.

    Only what the readers use: ``worksheets`` (the worksheets, not chart sheets,
    in workbook order), ``sheetnames``, each sheet's ``title`` and
    ``iter_rows``, and ``close``. Cell values are those openpyxl gives (see
    :func:`cell`), so that the readers written on openpyxl read the same.
    """

    book: Any
    names: list[str]
    file: str
    xls: bool = False  # an old .xls (BIFF) workbook, not an .xlsx
    worksheets: list[Worksheet] = attrs.field(init=False)
    # Sheets calamine has read, kept: recognising a list and reading it ask for the same sheet.
    loaded: dict[str, Any] = attrs.Factory(dict)

    def __attrs_post_init__(self) -> None:
        self.worksheets = [Worksheet(self, title) for title in self.names]

    @property
    def sheetnames(self) -> list[str]:
        return list(self.names)

    def close(self) -> None:
        self.loaded.clear()
        with contextlib.suppress(*_calamine_errors()):
            self.book.close()

    def _opened(self, title: str) -> tuple[tuple[int, int] | None, Iterator[Any]]:
        """Sheet ``title``'s first cell (row, column; None when empty) and its rows, loaded once.

        A sheet calamine cannot read is a ReadError naming the file and the sheet.
        """
        try:
            sheet = self.loaded.get(title)
            if sheet is None:
                sheet = self.loaded[title] = self.book.get_sheet_by_name(title)
            return sheet.start, sheet.iter_rows()
        except _calamine_errors() as error:
            kind = _OLD_XLS if self.xls else _XLSX
            message = f"not a readable {kind}: sheet {title!r}: {damage(error)}"
            raise ReadError(Problem(file=self.file, message=message)) from error

    def sheet_rows(self, title: str, max_row: int | None) -> Iterator[tuple[object, ...]]:
        """The rows of sheet ``title``, from row 1 (empty rows included), at most ``max_row``."""
        start, data = self._opened(title)
        if start is None:
            return
        top, left = start
        number = 0
        for number in range(1, top + 1):
            if max_row is not None and number > max_row:
                return
            yield ()
        for number, values in enumerate(data, start=top + 1):
            if max_row is not None and number > max_row:
                return
            yield (None,) * left + tuple(map(cell, values))

    def raw_sheet_rows(self, title: str) -> Iterator[Sequence[object]]:
        """The rows of sheet ``title`` with calamine's own values (see :func:`raw_rows`)."""
        start, data = self._opened(title)
        if start is None:
            return
        top, left = start
        for _ in range(top):
            yield ()
        if not left:
            yield from data
            return
        padding = ("",) * left
        for values in data:
            yield padding + tuple(values)


def raw_rows(sheet: Any, name: str) -> Iterator[Sequence[object]]:
    """Every row of a sheet from row 1, with calamine's values as they come: for speed.

    :func:`rows` makes each cell what openpyxl gives (:func:`cell`), a Python
    call per cell; a reader that turns only its distinct values into text can
    take calamine's own: "" for an empty cell, a float for every number, a
    date or datetime for a date. Rows are not padded to one width. An openpyxl
    sheet (``recognises`` takes those too) gives the values of :func:`rows`. A
    damaged sheet is a ReadError naming the file and the sheet.
    """
    if not isinstance(sheet, Worksheet):
        for _, padded in rows(sheet, name):
            yield padded
        return
    number = 0
    try:
        for values in sheet.workbook.raw_sheet_rows(sheet.title):
            number += 1
            yield values
    except corrupt() as error:
        message = f"not a readable .xlsx workbook: sheet {sheet.title!r}, after row {number}: "
        raise ReadError(Problem(file=name, message=message + damage(error))) from error


def cell(value: object) -> object:
    """A value from calamine as openpyxl gives it: None for an empty cell, whole numbers as
    int, dates as datetimes.

    Excel stores every number as a double; openpyxl gives the whole ones as int,
    and every date (a day number with a date format) as a datetime.

    >>> cell(""), cell(3.0), cell(2.5), cell(datetime.date(2026, 2, 24))
    (None, 3, 2.5, datetime.datetime(2026, 2, 24, 0, 0))
    """
    if type(value) is str:
        return value or None
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day)
    return value


def cell_text(value: object, *, date_format: str = "%Y-%m-%d") -> str:
    """A cell's value as text: "" for an empty cell, a date in ``date_format``, a whole
    number without ".0" (Excel keeps every number as a double), anything else as ``str``.

    Workbook readers compare and clean text, as their lists' CSV twins give it.

    >>> cell_text(None), cell_text(14727.0), cell_text(2.5), cell_text(" KIM ")
    ('', '14727', '2.5', ' KIM ')
    >>> cell_text(datetime.date(2022, 5, 4), date_format="%d/%m/%Y")
    '04/05/2022'
    """
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime(date_format)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_date(value: object) -> PartialDate | None:
    """A cell's date: a datetime or date, or a day number (Excel's 1900 system); else None.

    A date in a cell without a date format comes as its day number. Lists that
    write years as numbers in their date columns read those first: for DFAT's list
    (no day numbers in its real files; its 1,311 numbers in Date of Birth are years)
    and Japan's, 1963 is the year, not the day 1905-05-16 this gives.

    >>> cell_date(datetime.datetime(2026, 3, 5)).isoformat(), cell_date(45000).isoformat()
    ('2026-03-05', '2023-03-15')
    >>> cell_date("2026.3.5") is None, cell_date(True) is None
    (True, True)
    """
    if isinstance(value, datetime.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 2958466:
        return PartialDate.from_date(datetime.date(1899, 12, 30) + datetime.timedelta(int(value)))
    return None


def broken_part(source: str | Path | IO[bytes]) -> str | None:
    """The name of the first XML part of a workbook that is not well-formed, or None.

    openpyxl's parse errors say where in a part, not which part; this is asked
    only once a workbook has failed, to name the part in the error. The parts
    have passed :func:`check_archive`, so their size is bounded.
    """
    import xml.parsers.expat as expat
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(source) as archive:
            for part in archive.infolist():
                if not part.filename.endswith((".xml", ".rels")):
                    continue
                parser = expat.ParserCreate()
                try:
                    with archive.open(part) as stream:
                        parser.ParseFile(stream)
                except expat.ExpatError:
                    return part.filename
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
        return None
    return None


@functools.cache
def corrupt() -> tuple[type[Exception], ...]:
    """What a workbook library lets out of a damaged workbook, to catch around its calls only.

    openpyxl's (its XML parser's errors, missing parts and references as
    KeyError, IndexError, values of the wrong kind as TypeError, ValueError,
    AttributeError) and the zip module's own: the readers still accept an
    openpyxl workbook (``recognises``), and calamine's reading from a file
    object can raise what the file raises.
    """
    import xml.etree.ElementTree as ET
    import zipfile
    import zlib

    return (
        ET.ParseError,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        IndexError,
        TypeError,
        ValueError,
        AttributeError,
        OSError,
    )


def damage(error: Exception) -> str:
    """An exception the workbook library let out, said in one line: its kind and its message."""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def rows(sheet: Any, name: str) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(1-based row number, cell values) of every row of a sheet, streamed.

    Each row is as wide as the widest row so far. The sheet's own
    ``<dimension>`` is not trusted: openpyxl would pad every row to it, and a
    forged "A1:XFD1048576" makes each row 16,384 cells (calamine sizes a sheet
    by its cells). A damaged sheet is a ReadError naming the file and the sheet.
    ``sheet`` is a :class:`Worksheet` or an openpyxl sheet.
    """
    if hasattr(sheet, "reset_dimensions"):  # openpyxl's read-only sheets
        sheet.reset_dimensions()
    width = 0
    number = 0
    try:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            width = max(width, len(values))
            yield number, tuple(values) + (None,) * (width - len(values))
    except corrupt() as error:
        message = f"not a readable .xlsx workbook: sheet {sheet.title!r}, after row {number}: "
        raise ReadError(Problem(file=name, message=message + damage(error))) from error
