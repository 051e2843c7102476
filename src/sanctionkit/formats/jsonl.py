"""sanctionkit's own format: JSON lines, one record per line, after a header line.

The first line is a header, ``{"format": "sanctionkit", "version": 1, ...}``
with the dataset's metadata; every other line is one record with a ``type``
tag: ``person``, ``organization``, ``vessel``, ``aircraft``, ``package`` (with
its designations inside), ``designation`` (one outside any package),
``transfer`` or ``problem``. The JSON form of each record is the one
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
from sanctionkit.model import (
    AllegedTransfer,
    Dataset,
    Designation,
    Entity,
    Problem,
    SanctionPackage,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "dump",
    "dumps",
    "is_sanctionkit_header",
    "load",
    "loads",
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
    return _read(text.splitlines(), strict=strict, source=source)


def load(file: str | Path | IO[str], *, strict: bool = False, name: str | None = None) -> Dataset:
    """Read sanctionkit JSON lines from a path or an open text file.

    In lenient mode (the default) a line that is not a valid record becomes a
    :class:`~sanctionkit.Problem` in ``dataset.problems`` and reading goes on;
    with ``strict=True`` the first one raises :class:`~sanctionkit.errors.ReadError`.
    Either way ``dataset.metadata`` says how many records were read and
    rejected, and read = returned + rejected. ``name`` is the file name that
    problems give (default: the path, or the open file's ``name``).
    """
    if isinstance(file, str | Path):
        with Path(file).open(encoding="utf-8") as opened:
            return _read(opened, strict=strict, source=name or str(file))
    return _read(file, strict=strict, source=name or str(getattr(file, "name", "<file>")))


def is_sanctionkit_header(line: str) -> bool:
    """True when the line is the header of sanctionkit JSON lines."""
    try:
        header = json.loads(line)
    except ValueError:
        return False
    return isinstance(header, dict) and header.get("format") == FORMAT_NAME


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
    problems: list[Problem] = attrs.Factory(list)
    read: int = 0
    rejected: int = 0


def _read(lines: Iterable[str], *, strict: bool, source: str) -> Dataset:
    numbered = ((number, line) for number, line in enumerate(lines, start=1) if line.strip())
    first = next(numbered, None)
    if first is None or not is_sanctionkit_header(first[1]):
        seen = "nothing" if first is None else repr(first[1][:80])
        raise ReadError(
            Problem(
                file=source, record="line 1", message=f"not sanctionkit JSON lines: found {seen}"
            )
        )
    header = json.loads(first[1])
    if header.get("version") != FORMAT_VERSION:
        message = f"format version {header.get('version')!r} is not {FORMAT_VERSION}"
        raise ReadError(Problem(file=source, record=f"line {first[0]}", message=message))
    found = _Collected()
    for number, line in numbered:
        found.read += 1
        try:
            _add(found, json.loads(line))
        except (ValueError, TypeError, KeyError, cattrs.BaseValidationError) as error:
            message, field = describe_error(error)
            problem = Problem(
                file=source, record=f"line {number}", field=field, message=message, value=line
            )
            if strict:
                raise ReadError(problem) from error
            found.rejected += 1
            found.problems.append(problem)
    _drop_dangling_designations(found, strict=strict, source=source)
    metadata: dict[str, str | int] = {
        str(key): value if isinstance(value, int) and not isinstance(value, bool) else str(value)
        for key, value in header.get("metadata", {}).items()
    }
    metadata.update({"records_read": found.read, "records_rejected": found.rejected})
    return Dataset(
        entities=found.entities,
        packages=found.packages,
        designations=found.designations,
        transfers=found.transfers,
        problems=found.problems,
        metadata=metadata,
    )


def _drop_dangling_designations(found: _Collected, *, strict: bool, source: str) -> None:
    """A designation whose entity line was rejected cannot stand: report it too.

    Only designations can be left dangling by a rejected line in practice; a
    dataset with other broken references is refused when it is built.
    """
    known = {entity.id for entity in found.entities}
    kept = []
    for designation in found.designations:
        if designation.entity_id in known:
            kept.append(designation)
            continue
        message = f"designation of {designation.entity_id!r}, an entity the file does not hold"
        problem = Problem(file=source, record=designation.authority_ref, message=message)
        if strict:
            raise ReadError(problem)
        found.problems.append(problem)
        found.rejected += 1
    found.designations = kept


def _add(found: _Collected, data: Any) -> None:
    if not isinstance(data, dict) or "type" not in data:
        raise ValueError("a record line is a JSON object with a 'type'")
    kind = data.pop("type")
    cls = RECORD_TYPES.get(kind)
    if cls is None:
        raise ValueError(f"unknown record type {kind!r}; known: {', '.join(RECORD_TYPES)}")
    record = converter.structure(data, cls)
    if isinstance(record, Entity):
        found.entities.append(record)
    elif isinstance(record, SanctionPackage):
        found.packages.append(record)
    elif isinstance(record, Designation):
        found.designations.append(record)
    elif isinstance(record, AllegedTransfer):
        found.transfers.append(record)
    else:
        found.problems.append(record)
