"""Streaming XML from outside, safely: no DTD, so no entities, external or expanding.

Official lists never declare a document type. A document that does is refused
before the parser sees its declaration: entity declarations live only in a DTD,
so without one there is no external entity to fetch and no "billion laughs" to
expand. The bytes before the root element (the prolog, however long) are read
first by expat itself (:class:`DtdGuard`), so that what counts as a comment, a
processing instruction or an encoding is what the parser will think, not what a
pattern guesses. The rest of the file goes through the standard library's C
parser by its public pull-parser API (:class:`xml.etree.ElementTree.XMLPullParser`),
a chunk at a time (:func:`iter_records`), so memory holds a chunk's records,
not the file's, and a Python upgrade cannot take a private hook away.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import xml.parsers.expat as expat
from collections.abc import Collection, Iterator

from sanctionkit.errors import ReadError
from sanctionkit.formats._files import Source, open_source
from sanctionkit.formats._reading import Reading
from sanctionkit.model import Problem

__all__ = ["DtdFoundError", "DtdGuard", "iter_records", "local_name"]


class DtdFoundError(Exception):
    """The document declares a DTD (``<!DOCTYPE``): refused, whatever it holds."""


class _RootReached(Exception):  # a signal, not an error
    """The root element has started: the prolog is over, and it declared no DTD."""


def _refuse_dtd(*_: object) -> None:
    raise DtdFoundError


def _root_reached(*_: object) -> None:
    raise _RootReached


class DtdGuard:
    """Expat's own reading of a document's prolog, refusing any DTD it declares.

    The caller feeds it each piece of the document before the real parser gets
    that piece, until :attr:`passed`. Expat calls the doctype handler at the
    ``<!DOCTYPE`` itself, before any entity in it is declared, and a DTD can
    stand only before the root element (after it, expat calls it not
    well-formed); so a document this guard passes expands no entity. Checking
    with the parser's own tokenizer leaves nothing to disagree about: comments
    of any length, processing instructions, UTF-16 and declared encodings.

    >>> guard = DtdGuard()
    >>> guard.feed(b'<?xml version="1.0"?><!-- <!DOCTYPE in a comment --><list>')
    True
    >>> DtdGuard().feed(b'<!DOCTYPE list [<!ENTITY e "x">]><list>&e;</list>')
    Traceback (most recent call last):
    ...
    sanctionkit.formats._xml.DtdFoundError
    """

    def __init__(self) -> None:
        parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd  # only inside a DTD: a second lock
        parser.StartElementHandler = _root_reached
        self._parser: expat.XMLParserType | None = parser

    @property
    def passed(self) -> bool:
        """True once the root element has started with no DTD before it."""
        return self._parser is None

    def feed(self, data: bytes, final: bool = False) -> bool:
        """Read the next piece of the document; :attr:`passed` after it.

        Raises DtdFoundError when the prolog declares a DTD, and
        ``xml.parsers.expat.ExpatError`` when it is not well-formed XML.
        """
        if self._parser is None:
            return True
        try:
            self._parser.Parse(data, final)
        except _RootReached:
            self._parser = None  # the prolog is over: nothing more to check, or to keep
        return self._parser is None


_DTD_REFUSED = (
    "refused: the document declares a DTD (<!DOCTYPE), which official lists never do; "
    "its entities are neither expanded nor fetched"
)


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

# What an element's tag makes of it, worked out once per tag (see _Kinds).
_OTHER, _RECORD, _CONTAINER = 0, 1, 2


def iter_records(
    source: Source,
    record_tag: str | Collection[str],
    name: str,
    *,
    containers: Collection[str] = (),
    beside: Collection[str] = (),
    reading: Reading | None = None,
) -> Iterator[tuple[str, ET.Element]]:
    """Yield ``("root", root)`` first, then each complete element named ``record_tag``.

    ``record_tag`` may also be a collection of names, for lists whose records
    come in several kinds (the UN's INDIVIDUAL and ENTITY), yielded in file order.
    Records are taken out of the tree once the caller has had them (in batches,
    at most one chunk of the file later), so memory holds a chunk's records
    plus the elements that are not records (the root, headers, containers).
    The root is yielded before anything else of it is known, so only its tag
    and attributes can be read then; its children grow as the file is read.

    ``containers`` names the elements that hold the records (the UN's
    INDIVIDUALS and ENTITIES), and ``beside`` the other elements allowed among
    them (OFAC's publshInformation): any other child of a container is a record
    this reader does not know (a renamed tag), so it is counted as read and
    rejected, with a problem naming it, rather than silently passed over.

    A path is opened and closed here; an open file is read and left open,
    as the caller's (see :func:`~sanctionkit.formats._files.open_source`).
    A document that declares a DTD is refused (ReadError naming the file).
    XML that breaks off (a truncated file) or stops being well-formed after
    the root: with ``reading``, a problem saying where, and the records before
    it are kept (``reading.strict`` raises it as ReadError instead); without,
    a ReadError naming the file, the line and the column. Problems about
    records go to ``reading`` too, and without it are raised.
    """
    kinds = _Kinds(_names(record_tag), frozenset(containers))
    expected = frozenset(_names(record_tag)) | frozenset(beside)
    guard = DtdGuard()
    # Start events serve only to catch the root; the public pull parser cannot
    # stop reporting them after it, so the loop passes over the rest.
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    records = 0
    with open_source(source) as stream:
        while True:
            data = stream.read(_CHUNK)
            if not guard.passed:
                _check_prolog(guard, data, name)
            failure = _feed(parser, data)
            done: list[ET.Element] = []
            closed: list[ET.Element] = []  # what ended after a record: maybe its parent
            try:
                for event, element in _events(parser):
                    if event == "start":
                        if root is None:
                            root = element
                            yield "root", element
                        continue
                    kind = kinds[element.tag]
                    if kind == _RECORD:
                        yield "record", element
                        done.append(element)
                        continue
                    if kind == _CONTAINER:
                        _strays(element, expected, name, reading)
                    if done:
                        closed.append(element)
            except ET.ParseError as error:
                failure = error  # reported once the records completed before it are out
            records += len(done)
            if failure is not None:
                if root is not None:
                    _open_strays(root, kinds, expected, name, reading)
                _broken_off(
                    failure, cut=not data, records=records, root=root, name=name, reading=reading
                )
                return
            if root is not None and done:
                _detach(root, done, closed)
            if not data:
                return


def _feed(parser: ET.XMLPullParser[ET.Element], data: bytes) -> ET.ParseError | None:
    """Give the parser the next chunk, or close it at the end of the file (``data`` empty).

    Returns the parse error that closing raises when the end of the file cuts the XML
    short; a parse error within a chunk waits in the events, after those before it.
    """
    try:
        if data:
            parser.feed(data)
        else:
            parser.close()
    except ET.ParseError as error:
        return error
    return None


def _events(parser: ET.XMLPullParser[ET.Element]) -> Iterator[tuple[str, ET.Element]]:
    """The parser's events so far: start and end events only, so each has an element."""
    return parser.read_events()  # type: ignore[return-value]


def _names(tags: str | Collection[str]) -> frozenset[str]:
    return frozenset((tags,) if isinstance(tags, str) else tags)


def _check_prolog(guard: DtdGuard, data: bytes, name: str) -> None:
    """Let ``guard`` read ``data`` before the parser does: ReadError for a DTD or bad XML."""
    try:
        guard.feed(data, final=not data)
    except DtdFoundError:
        raise ReadError(Problem(file=name, message=_DTD_REFUSED)) from None
    except expat.ExpatError as error:
        message = f"not well-formed XML at line {error.lineno}, column {error.offset}: "
        message += expat.ErrorString(error.code)
        raise ReadError(Problem(file=name, message=message)) from error


def _broken_off(
    error: ET.ParseError,
    *,
    cut: bool,
    records: int,
    root: ET.Element | None,
    name: str,
    reading: Reading | None,
) -> None:
    """Report XML that stops being well-formed: a problem for ``reading``, else ReadError.

    Without even the root element there is nothing to keep: ReadError either way.
    """
    line, column = error.position
    reason = expat.ErrorString(error.code)
    if root is None or reading is None:
        message = f"not well-formed XML at line {line}, column {column}: {reason}"
        raise ReadError(Problem(file=name, message=message)) from error
    kept = f"after {records} complete record{'' if records == 1 else 's'}"
    where = f"not well-formed XML at line {line}, column {column} ({reason})"
    if cut:
        reading.problem(f"the file ends early: {where} {kept}", code="truncated-file")
    else:
        reading.problem(f"{where} {kept}; the rest of the file is not read", code="invalid-file")


class _Kinds(dict[str, int]):
    """What an element's tag, namespace and all, makes of it: worked out once per tag."""

    def __init__(self, records: frozenset[str], containers: frozenset[str]) -> None:
        super().__init__()
        self._records = records
        self._containers = containers

    def __missing__(self, tag: str) -> int:
        local = local_name(tag)
        kind = _RECORD if local in self._records else _OTHER
        if local in self._containers:
            kind = _CONTAINER
        self[tag] = kind
        return kind


def _strays(
    container: ET.Element,
    expected: frozenset[str],
    name: str,
    reading: Reading | None,
) -> None:
    """Count and report each child of ``container`` that is neither a record nor expected."""
    for child in list(container):
        stray = local_name(child.tag)
        if stray in expected:
            continue
        known = " or ".join(f"<{tag}>" for tag in sorted(expected))
        message = (
            f"<{stray}> in <{local_name(container.tag)}> is not a record this reader knows "
            f"(expected {known}); not read"
        )
        if reading is None:
            raise ReadError(Problem(file=name, message=message, value=f"<{stray}>"))
        reading.read += 1
        reading.reject(message, value=f"<{stray}>")
        container.remove(child)  # reported once, even if the container is looked at again


def _open_strays(
    root: ET.Element, kinds: _Kinds, expected: frozenset[str], name: str, reading: Reading | None
) -> None:
    """The strays of the containers still open where the file broke off.

    Every open element is the last child of its parent, so they lie on the
    path of last children down from the root. A stray the file breaks off in
    counts as one too: its tag is known, and it is no record this reader knows.
    """
    node: ET.Element | None = root
    while node is not None:
        if kinds[node.tag] == _CONTAINER:
            _strays(node, expected, name, reading)
        node = node[-1] if len(node) else None


def _detach(root: ET.Element, done: list[ET.Element], closed: list[ET.Element]) -> None:
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
    for element in closed:
        if not left:
            break
        if len(element):
            kept = [child for child in element if id(child) not in wanted]
            if len(kept) < len(element):
                left -= len(element) - len(kept)
                element[:] = kept
