"""The dataset commands: ``summary`` and ``show``."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO, TypeAlias

from sanctionkit._collector import collector_paused
from sanctionkit.builtin import builtin_dataset
from sanctionkit.cli import _progress
from sanctionkit.converter import converter
from sanctionkit.diff import DatasetDiff, FieldChange, diff
from sanctionkit.formats import accept_rule, load
from sanctionkit.model import (
    Authority,
    Dataset,
    Designation,
    Entity,
    EntityRef,
    Problem,
    SanctionPackage,
)
from sanctionkit.values.countries import Country

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_NOT_FOUND = 2

if TYPE_CHECKING:
    # argparse's subparsers type is subscriptable only for type checkers.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


def register(commands: Commands) -> None:
    """Add the dataset commands to the command line."""
    summary = commands.add_parser(
        "summary",
        help="packages, transfers and problems of a dataset",
        description="Summarise a dataset: the built-in one, or a file sanctionkit reads.",
    )
    _source_options(summary)
    _strict_options(summary, "exit with 1 when the source has problems not accepted")
    summary.set_defaults(command=run_summary)

    validate = commands.add_parser(
        "validate",
        help="read a file and report every problem in it",
        description="Read SOURCE leniently and list its problems; exit 1 if there are any "
        "that --accept does not accept.",
    )
    validate.add_argument("source", metavar="SOURCE", help="a file in a format sanctionkit reads")
    validate.add_argument("--json", action="store_true", help="print JSON")
    _accept_option(validate)
    validate.set_defaults(command=run_validate)

    compare = commands.add_parser(
        "diff",
        help="what changed between two versions of a list",
        description="Compare OLD and NEW: designations added, removed and changed, "
        "with the old and new value of each changed field.",
    )
    compare.add_argument("old", metavar="OLD", help="the earlier file")
    compare.add_argument("new", metavar="NEW", help="the later file")
    compare.add_argument("--json", action="store_true", help="print JSON")
    _strict_options(compare, "exit with 1 when either file has problems not accepted")
    compare.set_defaults(command=run_diff)

    show = commands.add_parser("show", help="one record of a dataset, by id")
    show.add_argument("record_id", metavar="ID", help="the id of an entity, package or transfer")
    _source_options(show)
    show.set_defaults(command=run_show)


def _source_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "source", nargs="?", metavar="SOURCE", help="default: the built-in dataset"
    )
    command.add_argument("--json", action="store_true", help="print JSON")


def _accept_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--accept",
        action="append",
        default=[],
        type=_rule,
        metavar="CODE[:RECORD]",
        help="a known problem to accept: every problem with this code, or only in this "
        "record (repeat for more; the codes are in the output of validate)",
    )


def _rule(text: str) -> str:
    try:
        return accept_rule(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _strict_options(command: argparse.ArgumentParser, help: str) -> None:
    command.add_argument("--strict", action="store_true", help=help)
    _accept_option(command)


def _dataset(arguments: argparse.Namespace) -> Dataset:
    if arguments.source is None:
        return builtin_dataset()
    # `show` has no --accept: it reads leniently and shows the record whatever its problems.
    return _load(arguments.source, getattr(arguments, "accept", []))


def _load(source: str, accept: list[str]) -> Dataset:
    with collector_paused(), _progress.reading(source):
        return load(source, accept=accept)


def run_summary(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print the packages, transfers and problems of the dataset."""
    dataset = _dataset(arguments)
    if arguments.json:
        out.write(json.dumps(summary_data(dataset), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(summary_text(dataset))
    return EXIT_PROBLEMS if arguments.strict and dataset.unaccepted_problems else EXIT_OK


def run_validate(arguments: argparse.Namespace, out: TextIO) -> int:
    """Read a file leniently; print its counts and every problem; exit 1 if there are any
    that ``--accept`` does not accept."""
    dataset = _load(arguments.source, arguments.accept)
    counts = {key: value for key, value in dataset.metadata.items() if key.startswith("records_")}
    unaccepted = dataset.unaccepted_problems
    if arguments.json:
        report = {
            "source": arguments.source,
            "format": dataset.metadata.get("format"),
            **counts,
            "accepted": len(dataset.problems) - len(unaccepted),
            "problems": [converter.unstructure(problem) for problem in dataset.problems],
        }
        out.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        described = ", ".join(
            f"{key.removeprefix('records_')} {value}" for key, value in counts.items()
        )
        accepted = len(dataset.problems) - len(unaccepted)
        tally = f"{len(dataset.problems)} problems" + (f", {accepted} accepted" if accepted else "")
        out.write(f"{arguments.source}: records {described}; {tally}\n")
        for problem in dataset.problems:
            out.write(f"  {_problem_line(problem)}\n")
    return EXIT_PROBLEMS if unaccepted else EXIT_OK


def _problem_line(problem: Problem) -> str:
    """A problem with its code in front, so that a user can copy it into --accept."""
    record = f":{problem.record}" if problem.record is not None else ""
    accepted = " (accepted)" if problem.accepted else ""
    return f"[{problem.code}{record}]{accepted} {problem}"


def run_diff(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print what changed between two versions of a list; exit 0 either way (but see --strict)."""
    with collector_paused():
        old = load(arguments.old, accept=arguments.accept)
        new = load(arguments.new, accept=arguments.accept)
        changes = diff(old, new)
    failed = arguments.strict and bool(old.unaccepted_problems or new.unaccepted_problems)
    if arguments.json:
        out.write(json.dumps(diff_data(old, new, changes), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(diff_text(old, new, changes))
    return EXIT_PROBLEMS if failed else EXIT_OK


def _label(dataset: Dataset, designation: Designation) -> dict[str, object]:
    entity = dataset.get(designation.entity_id)
    return {
        "ref": designation.authority_ref,
        "entity_id": designation.entity_id,
        "name": entity.name if isinstance(entity, Entity) else None,
    }


def diff_data(old: Dataset, new: Dataset, changes: DatasetDiff) -> dict[str, object]:
    """What ``sanctionkit diff --json`` prints: each change with its fields' old and new
    values (for list fields, the items added and removed), in sanctionkit's JSON form."""

    def value(change: FieldChange) -> dict[str, object]:
        if change.is_list:
            return {
                "field": change.field,
                "added": converter.unstructure(change.added),
                "removed": converter.unstructure(change.removed),
            }
        return {
            "field": change.field,
            "old": converter.unstructure(change.old),
            "new": converter.unstructure(change.new),
        }

    return {
        "added": [_label(new, d) for d in changes.added],
        "removed": [_label(old, d) for d in changes.removed],
        "changed": [
            {
                **_label(new, c.new),
                "fields": list(c.fields),
                "changes": [value(v) for v in c.values],
            }
            for c in changes.changed
        ],
    }


def diff_text(old: Dataset, new: Dataset, changes: DatasetDiff) -> str:
    """What ``sanctionkit diff`` prints: a summary line, then one line per record, and
    under each changed record one line per field ("designation.programmes: added 'MAGNIT'")."""
    lines = [changes.summary()]
    for kind, dataset, designations in (
        ("added", new, changes.added),
        ("removed", old, changes.removed),
    ):
        for designation in designations:
            item = _label(dataset, designation)
            lines.append(f"  {kind:<8} {item['ref'] or item['entity_id']}  {item['name']}")
    for change in changes.changed:
        item = _label(new, change.new)
        lines.append(f"  {'changed':<8} {item['ref'] or item['entity_id']}  {item['name']}")
        lines += [f"      {value}" for value in change.values]
    return "\n".join(lines) + "\n"


def run_show(arguments: argparse.Namespace, out: TextIO) -> int:
    """Print one record; for an entity, with its designations."""
    dataset = _dataset(arguments)
    record = dataset.get(arguments.record_id)
    if record is None:
        out.write(f"no record with id {arguments.record_id!r}\n")
        return EXIT_NOT_FOUND
    data = converter.unstructure(record)
    if isinstance(record, Entity):
        data = {"type": type(record).__name__.lower(), **data}
        data["designations"] = converter.unstructure(dataset.designations_of(record.id))
    if arguments.json:
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write("".join(_plain_lines(data)))
    return EXIT_OK


def summary_data(dataset: Dataset) -> dict[str, object]:
    """What ``sanctionkit summary --json`` prints."""
    return {
        "metadata": dataset.metadata,
        "counts": _counts(dataset),
        "packages": [
            {
                "id": package.id,
                "authority": _authority(package.authority),
                "announced": package.announced.isoformat(),
                "title": package.title,
                "designations": _designated_kinds(dataset, package),
                "measures": [measure.value for measure in package.measures],
            }
            for package in dataset.packages
        ],
        "transfers": [
            {
                "id": transfer.id,
                "goods": transfer.goods.description,
                "origin": _party(dataset, transfer.origin),
                "destination": _party(dataset, transfer.destination),
                "status": transfer.status.value,
                "claims": len(transfer.claims),
            }
            for transfer in dataset.transfers
        ],
        "problems": [str(problem) for problem in dataset.problems],
    }


def summary_text(dataset: Dataset) -> str:
    """What ``sanctionkit summary`` prints: a few readable blocks."""
    lines = []
    title = dataset.metadata.get("title")
    if title:
        lines.append(str(title))
    counts = _counts(dataset)
    lines.append(", ".join(f"{count} {kind}" for kind, count in counts.items()))
    if dataset.packages:
        lines += ["", "Packages"]
        for package in dataset.packages:
            kinds = _designated_kinds(dataset, package)
            listed = ", ".join(_counted(count, kind) for kind, count in kinds.items()) or "none"
            measures = ", ".join(measure.value.replace("_", " ") for measure in package.measures)
            lines.append(
                f"  {package.announced.isoformat():<10}  {_authority(package.authority)}: "
                f"{listed}" + (f"; {measures}" if measures else "")
            )
    if dataset.transfers:
        lines += ["", "Alleged transfers"]
        for transfer in dataset.transfers:
            route = f"{_party(dataset, transfer.origin)} -> {_party(dataset, transfer.destination)}"
            lines.append(
                f"  {transfer.status.value.upper():<9}  {transfer.goods.description} ({route}); "
                f"{_counted(len(transfer.claims), 'claim')}"
            )
    lines += ["", f"Problems: {len(dataset.problems) or 'none'}"]
    lines += [f"  {_problem_line(problem)}" for problem in dataset.problems[:20]]
    if len(dataset.problems) > 20:
        lines.append(f"  ... and {len(dataset.problems) - 20} more")
    return "\n".join(lines) + "\n"


def _counts(dataset: Dataset) -> dict[str, int]:
    return {
        "persons": len(dataset.persons),
        "organizations": len(dataset.organizations),
        "vessels": len(dataset.vessels),
        "aircraft": len(dataset.aircraft),
        "designations": len(dataset.designations),
        "packages": len(dataset.packages),
        "transfers": len(dataset.transfers),
        "problems": len(dataset.problems),
    }


def _counted(count: int, kind: str) -> str:
    """ "1 person", "2 persons"; aircraft is its own plural."""
    plural = kind if kind == "aircraft" or count == 1 else f"{kind}s"
    return f"{count} {plural}"


def _designated_kinds(dataset: Dataset, package: SanctionPackage) -> dict[str, int]:
    kinds: Counter[str] = Counter()
    for designation in package.designations:
        entity = dataset.get(designation.entity_id)
        kinds[type(entity).__name__.lower()] += 1
    return dict(kinds)


def _authority(authority: Authority) -> str:
    country = f" ({authority.country.code})" if authority.country is not None else ""
    return f"{authority.name}{country}"


def _party(dataset: Dataset, party: Country | EntityRef | Authority | None) -> str:
    if party is None:
        return "unknown"
    if isinstance(party, Country):
        return party.code
    if isinstance(party, Authority):
        return _authority(party)
    entity = dataset.get(party.entity_id)
    return entity.name if isinstance(entity, Entity) else party.entity_id


def _plain_lines(data: object, indent: str = "") -> Iterable[str]:
    """JSON-ready data as indented "key: value" lines."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list):
                yield f"{indent}{key}:\n"
                yield from _plain_lines(value, indent + "  ")
            else:
                yield f"{indent}{key}: {value}\n"
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict | list):
                yield f"{indent}-\n"
                yield from _plain_lines(item, indent + "  ")
            else:
                yield f"{indent}- {item}\n"
    else:
        yield f"{indent}{data}\n"
