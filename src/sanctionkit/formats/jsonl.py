"""sanctionkit's own format: JSON lines, one record per line, after a header line.

The first line is a header, ``{"format": "sanctionkit", "version": 1, ...}``
with the dataset's metadata; every other line is one record with a ``type``
tag: ``person``, ``organization``, ``vessel``, ``aircraft``, ``package`` (with
its designations inside), ``designation`` (one outside any package),
``transfer``, ``relationship`` (see :class:`~sanctionkit.Relationship`) or
``problem``. The JSON form of each record is the one
:mod:`sanctionkit.converter` defines; :func:`sanctionkit.json_schema` describes it.

>>> import sanctionkit as sk
>>> ds = sk.Dataset(entities=[sk.Vessel(id="vessel-maria", name="MARIA", flag="RU")])
>>> text = dumps(ds)
>>> print(text, end="")
{"format": "sanctionkit", "version": 1}
{"type": "vessel", "id": "vessel-maria", "name": "MARIA", "flag": "RU"}
>>> loads(text) == ds
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs

from sanctionkit.converter import RECORD_TYPES, converter, describe_error
from sanctionkit.errors import ReadError
from sanctionkit.formats._jsonlines import LineError, guarded_lines, loads_line, text_lines
from sanctionkit.formats._reading import REJECTED
from sanctionkit.model import (
    Aircraft,
    AllegedTransfer,
    Dataset,
    Designation,
    Entity,
    EntityRef,
    Problem,
    SanctionPackage,
    Vessel,
)
from sanctionkit.model.relationships import Relationship

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "dump",
    "dumps",
    "is_sanctionkit_header",
    "load",
    "loads",
    "read",
    "sniff",
]

FORMAT_NAME = "sanctionkit"
FORMAT_VERSION = 1

_TYPE_NAMES = {cls: name for name, cls in RECORD_TYPES.items()}


def dumps(dataset: Dataset) -> str:
    """The dataset as sanctionkit JSON lines (a header line, then one line per record)."""
    return "".join(f"{line}\n" for line in _lines(dataset))


def dump(dataset: Dataset, path: str | Path) -> None:
    """Write the dataset to a file as sanctionkit JSON lines (UTF-8)."""
    with Path(path).open("w", encoding="utf-8", newline="\n") as file:
        for line in _lines(dataset):
            file.write(line + "\n")


def loads(text: str, *, strict: bool = False, source: str = "<string>") -> Dataset:
    """The dataset that sanctionkit JSON lines describe; see :func:`load`."""
    # Only "\n" ends a line: JSON strings may hold U+2028 and the other ends splitlines() knows.
    return _read(text.split("\n"), strict=strict, source=source)


def sniff(head: bytes) -> bool:
    """True when the first line that is not blank is sanctionkit's header.

    >>> sniff(b'{"format": "sanctionkit", "version": 1}\\n')
    True
    """
    first_line = next((line for line in head.splitlines() if line.strip()), b"")
    return is_sanctionkit_header(first_line.decode("utf-8", errors="replace"))


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """:func:`load` with the signature every reader has (see ``sanctionkit.formats``)."""
    return load(source, strict=strict, name=name)


def load(
    file: str | Path | IO[str] | IO[bytes], *, strict: bool = False, name: str | None = None
) -> Dataset:
    """Read sanctionkit JSON lines from a path or an open file (text, or UTF-8 bytes).

    In lenient mode (the default) a line that is not a valid record (not
    UTF-8, not JSON, not a record the model accepts, a second record with an
    id already read) becomes a :class:`~sanctionkit.Problem` in
    ``dataset.problems`` and reading goes on; with ``strict=True`` the first
    one raises :class:`~sanctionkit.errors.ReadError`. Either way
    ``dataset.metadata`` counts the records (lines after the header) read,
    returned and rejected by this read, and read = returned + rejected. ``name``
    is the file name that problems give (default: the path, or the open
    file's ``name``).
    """
    if isinstance(file, str | Path):
        with Path(file).open("rb") as opened:
            return _read(opened, strict=strict, source=name or str(file))
    label = name or str(getattr(file, "name", "<file>"))
    return _read(guarded_lines(file, label), strict=strict, source=label)


def is_sanctionkit_header(line: str) -> bool:
    """True when the line is the header of sanctionkit JSON lines (after any byte order mark)."""
    return _header(line.removeprefix("\ufeff")) is not None


def _lines(dataset: Dataset) -> Iterator[str]:
    header: dict[str, object] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if dataset.metadata:
        header["metadata"] = dataset.metadata
    yield _json(header)
    records: Iterable[object] = (
        *dataset.entities,
        *dataset.packages,
        *dataset.standalone_designations,
        *dataset.transfers,
        *dataset.relationships,
        *dataset.problems,
    )
    for record in records:
        yield _json({"type": _TYPE_NAMES[type(record)], **converter.unstructure(record)})


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


@attrs.define
class _Collected:
    """What a read has found so far."""

    entities: list[Entity] = attrs.Factory(list)
    packages: list[SanctionPackage] = attrs.Factory(list)
    designations: list[Designation] = attrs.Factory(list)
    transfers: list[AllegedTransfer] = attrs.Factory(list)
    #: Each relationship with its line, for the problems about it.
    relationships: list[tuple[Relationship, int]] = attrs.Factory(list)
    problems: list[Problem] = attrs.Factory(list)
    read: int = 0
    rejected: int = 0
    #: Records kept: every line read is kept or rejected.
    kept: int = 0
    source: str = "<string>"
    strict: bool = False
    #: The ids of entities, packages and transfers read so far: one namespace.
    ids: set[str] = attrs.Factory(set)
    #: The line of each standalone designation, for the problems about it.
    designation_lines: list[int] = attrs.Factory(list)

    def problem(self, problem: Problem, cause: BaseException | None = None) -> None:
        """Record a problem, or raise it in strict mode."""
        if self.strict:
            raise ReadError(problem) from cause
        self.problems.append(problem)

    def reject(self, problem: Problem, cause: BaseException | None = None) -> None:
        """A record that cannot be kept: a problem, and one more record rejected."""
        self.problem(attrs.evolve(problem, code=REJECTED), cause)
        self.rejected += 1


#: Metadata keys that count the records of one read: set by each read, never carried over.
COUNT_KEYS = ("records_read", "records_returned", "records_rejected")
#: Where the counts of the read that a file's header describes are kept (see :func:`load`).
SOURCE_COUNT_PREFIX = "source_"


def _read(lines: Iterable[str | bytes], *, strict: bool, source: str) -> Dataset:
    numbered = text_lines(lines)
    first_line, header = _checked_header(numbered, source)
    found = _Collected(source=source, strict=strict)
    metadata = _metadata(header.get("metadata", {}), found, line=first_line)
    for number, line in numbered:
        found.read += 1
        _read_line(found, number, line)
    _resolve_references(found)
    if found.read != found.kept + found.rejected:
        message = f"reader lost records: read {found.read}, kept {found.kept}, "
        raise ReadError(Problem(file=source, message=f"{message}rejected {found.rejected}"))
    metadata.update(
        {
            "records_read": found.read,
            "records_returned": found.kept,
            "records_rejected": found.rejected,
        }
    )
    try:
        return Dataset(
            entities=found.entities,
            packages=found.packages,
            designations=found.designations,
            transfers=found.transfers,
            relationships=[relationship for relationship, _ in found.relationships],
            problems=found.problems,
            metadata=metadata,
        )
    except ValueError as error:  # a check of the model the reader does not know of
        raise ReadError(Problem(file=source, message=f"not a valid dataset: {error}")) from error


def _checked_header(
    numbered: Iterator[tuple[int, str | LineError]], source: str
) -> tuple[int, dict[str, Any]]:
    """The first line's number and header; a ReadError when it is no header of this version."""
    first = next(numbered, None)
    header = None
    if first is not None and not isinstance(first[1], LineError):
        header = _header(first[1])
    if first is None or header is None:
        seen = "nothing" if first is None else repr(str(_text_of(first[1]))[:80])
        record = "line 1" if first is None else f"line {first[0]}"
        raise ReadError(
            Problem(file=source, record=record, message=f"not sanctionkit JSON lines: found {seen}")
        )
    if header.get("version") != FORMAT_VERSION:
        message = f"format version {header.get('version')!r} is not {FORMAT_VERSION}"
        raise ReadError(Problem(file=source, record=f"line {first[0]}", message=message))
    return first[0], header


def _read_line(found: _Collected, number: int, line: str | LineError) -> None:
    """Add one record line, or reject it with a problem naming the line and field."""
    try:
        if isinstance(line, LineError):
            raise line
        _add(found, loads_line(line), number)
    except (
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        RecursionError,
        cattrs.BaseValidationError,
    ) as error:
        message, field = describe_error(error)
        problem = Problem(
            file=found.source,
            record=f"line {number}",
            field=field,
            message=message,
            value=_text_of(line)[:1000],
        )
        found.reject(problem, error)


def _text_of(line: str | LineError) -> str:
    return line.text if isinstance(line, LineError) else line


def _header(line: str) -> dict[str, Any] | None:
    try:
        header = loads_line(line)
    except ValueError:
        return None
    if isinstance(header, dict) and header.get("format") == FORMAT_NAME:
        return header
    return None


def _metadata(given: object, found: _Collected, *, line: int) -> dict[str, str | int]:
    """The header's metadata, its counts kept as ``source_records_read`` and so on.

    The header's counts describe the read that made the dumped dataset (say,
    of an OFAC file), not this read: each read sets its own. The first such
    counts are kept under the ``source_`` prefix through any number of dumps
    and loads, so the count of the official file's records is not lost.
    """
    if given is None:
        return {}
    if not isinstance(given, dict):
        found.problem(
            Problem(
                file=found.source,
                record=f"line {line}",
                field="metadata",
                message="header metadata is not a JSON object; ignored",
                value=_json(given)[:1000],
            )
        )
        return {}
    # Whole numbers stay numbers (counts); other values are text, nested ones their JSON.
    metadata: dict[str, str | int] = {
        str(key): value
        if isinstance(value, int) and not isinstance(value, bool)
        else _json(value)
        if isinstance(value, dict | list)
        else str(value)
        for key, value in given.items()
    }
    for key in COUNT_KEYS:
        count = metadata.pop(key, None)
        if count is not None:
            metadata.setdefault(SOURCE_COUNT_PREFIX + key, count)
    return metadata


def _resolve_references(found: _Collected) -> None:
    """References to entities the file does not hold (their lines rejected, or absent).

    A designation outside any package is a record of its own: it is rejected.
    Inside a record (a package's designation, a ship's owner, a transfer's
    carrier or party, a claim's party) the reference is left out of the record,
    with a problem, and the record is kept.
    """
    known = {entity.id for entity in found.entities}
    _resolve_designations(found, known)
    _resolve_relationships(found, known)
    _resolve_packages(found, known)
    _resolve_entity_links(found, known)
    _resolve_transfers(found, known)


def _is_known(found: _Collected, known: set[str], record: str, field: str, entity_id: str) -> bool:
    """Whether the file holds the entity; if not, a problem about the record's reference."""
    if entity_id in known:
        return True
    message = f"{field} refers to {entity_id!r}, an entity the file does not hold"
    found.problem(
        Problem(file=found.source, record=record, field=field, message=message, value=entity_id)
    )
    return False


def _resolve_designations(found: _Collected, known: set[str]) -> None:
    """A designation outside any package, of an entity the file does not hold: rejected."""
    kept_designations = []
    for designation, line in zip(found.designations, found.designation_lines, strict=True):
        if designation.entity_id in known:
            kept_designations.append(designation)
            continue
        message = f"designation of {designation.entity_id!r}, an entity the file does not hold"
        found.kept -= 1
        found.reject(
            Problem(
                file=found.source,
                record=f"line {line}",
                field="entity_id",
                message=message,
                value=designation.entity_id,
            )
        )
    found.designations = kept_designations


def _resolve_packages(found: _Collected, known: set[str]) -> None:
    """A package's designations of entities the file does not hold are left out of it."""
    packages = []
    for package in found.packages:
        designations = [
            designation
            for designation in package.designations
            if _is_known(found, known, package.id, "designations", designation.entity_id)
        ]
        if len(designations) != len(package.designations):
            package = attrs.evolve(package, designations=designations)
        packages.append(package)
    found.packages = packages


def _resolve_entity_links(found: _Collected, known: set[str]) -> None:
    """A ship's owner or operator, an aircraft's operator, the file does not hold: left out."""

    def link(entity: Entity, field: str, target: str | None) -> str | None:
        if target is None or _is_known(found, known, entity.id, field, target):
            return target
        return None

    entities: list[Entity] = []
    for entity in found.entities:
        if isinstance(entity, Vessel):
            owner = link(entity, "owner_id", entity.owner_id)
            operator = link(entity, "operator_id", entity.operator_id)
            if (owner, operator) != (entity.owner_id, entity.operator_id):
                entity = attrs.evolve(entity, owner_id=owner, operator_id=operator)
        elif isinstance(entity, Aircraft):
            operator = link(entity, "operator_id", entity.operator_id)
            if operator != entity.operator_id:
                entity = attrs.evolve(entity, operator_id=operator)
        entities.append(entity)
    found.entities = entities


def _resolve_transfers(found: _Collected, known: set[str]) -> None:
    """A transfer's carriers and parties the file does not hold are left out of it."""

    def party(transfer_id: str, field: str, value: Any) -> bool:
        if isinstance(value, EntityRef):
            return _is_known(found, known, transfer_id, field, value.entity_id)
        return True

    transfers = []
    for transfer in found.transfers:
        carriers = [
            c for c in transfer.carriers if _is_known(found, known, transfer.id, "carriers", c)
        ]
        claims = [c for c in transfer.claims if party(transfer.id, "claims", c.party)]
        origin = transfer.origin if party(transfer.id, "origin", transfer.origin) else None
        target = transfer.destination
        destination = target if party(transfer.id, "destination", target) else None
        if (carriers, claims, origin, destination) != (
            list(transfer.carriers),
            list(transfer.claims),
            transfer.origin,
            transfer.destination,
        ):
            transfer = attrs.evolve(
                transfer, carriers=carriers, claims=claims, origin=origin, destination=destination
            )
        transfers.append(transfer)
    found.transfers = transfers


def _resolve_relationships(found: _Collected, known: set[str]) -> None:
    """A relationship with an end the file does not hold is a record of its own: rejected."""
    kept = []
    for relationship, line in found.relationships:
        absent = [
            (field, entity_id)
            for field, entity_id in (
                ("subject_id", relationship.subject_id),
                ("object_id", relationship.object_id),
            )
            if entity_id not in known
        ]
        if not absent:
            kept.append((relationship, line))
            continue
        field, entity_id = absent[0]
        found.kept -= 1
        found.reject(
            Problem(
                file=found.source,
                record=f"line {line}",
                field=field,
                message=f"relationship with {entity_id!r}, an entity the file does not hold",
                value=entity_id,
            )
        )
    found.relationships = kept


def _add(found: _Collected, data: Any, number: int) -> None:
    if not isinstance(data, dict) or "type" not in data:
        raise ValueError("a record line is a JSON object with a 'type'")
    kind = data.pop("type")
    cls = RECORD_TYPES.get(kind)
    if cls is None:
        raise ValueError(f"unknown record type {kind!r}; known: {', '.join(RECORD_TYPES)}")
    record = converter.structure(data, cls)
    if isinstance(record, Entity | SanctionPackage | AllegedTransfer):
        if record.id in found.ids:
            raise ValueError(f"a second record with id {record.id!r}; the first is kept")
        found.ids.add(record.id)
    if isinstance(record, Entity):
        found.entities.append(record)
    elif isinstance(record, SanctionPackage):
        found.packages.append(record)
    elif isinstance(record, Designation):
        found.designations.append(record)
        found.designation_lines.append(number)
    elif isinstance(record, AllegedTransfer):
        found.transfers.append(record)
    elif isinstance(record, Relationship):
        found.relationships.append((record, number))
    else:
        found.problems.append(record)
    found.kept += 1
