"""HTML views of records for Jupyter: the bodies of the ``_repr_html_`` methods.

Every view is built from the same few helpers: :func:`plain` turns a value into
text (a country into its code and name, a date into its ISO form, an enum into
its value, a tuple into a comma list), :func:`cell` escapes that text, and
:func:`table` and :func:`facts` lay cells out. Text from data only ever reaches
the page through :func:`cell` (or :func:`html.escape` directly), so a name such
as ``<script>`` shows as text. The markup uses no scripts and no stylesheet:
inline styles left-align cells, which Jupyter would otherwise right-align.
"""

from __future__ import annotations

import datetime
import enum
import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from sanctionkit.model.entities import (
    Address,
    Alias,
    AliasQuality,
    CountryRole,
    Entity,
    Identifier,
)
from sanctionkit.model.sanctions import Authority, StatedCount
from sanctionkit.model.sources import Source
from sanctionkit.model.transfers import (
    AllegedTransfer,
    Claim,
    EntityRef,
    Goods,
    Quantity,
    Stance,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

if TYPE_CHECKING:
    from sanctionkit.model.dataset import Dataset, Problem
    from sanctionkit.model.sanctions import SanctionPackage

__all__ = [
    "cell",
    "dataset_html",
    "entity_html",
    "facts",
    "package_html",
    "plain",
    "table",
    "transfer_html",
]

#: Rows a table shows before it says how many more there are.
MAX_ROWS = 20


class Html(str):
    """Text that is already markup: :func:`cell` passes it through unescaped."""

    __slots__ = ()


_CELL_STYLE = ' style="text-align:left;vertical-align:top"'
_BOX_STYLE = ' style="margin:0.25em 0"'


def plain(value: object) -> str:
    """The value as a reader wants to see it, as plain (unescaped) text.

    >>> plain(Country.from_code("KP"))
    "KP (Korea, Democratic People's Republic of)"
    >>> plain((PartialDate(1962, 5), DateRange(PartialDate(1960), PartialDate(1962))))
    '1962-05, 1960/1962'
    """
    text = _plain_value(value)
    if text is None:
        text = _plain_name_part(value)
    if text is None:
        text = _plain_detail(value)
    return str(value) if text is None else text  # LegalBasis and any other readable str()


def _plain_value(value: object) -> str | None:
    """:func:`plain` of a value type (text, date, country, enum, number, sequence), else None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Country):
        return f"{value.code} ({value.name})"
    if isinstance(value, PartialDate | DateRange | datetime.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple | list):
        return ", ".join(plain(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def _plain_name_part(value: object) -> str | None:
    """:func:`plain` of a reference, authority, alias, identifier, address or role, else None."""
    if isinstance(value, EntityRef):
        return value.entity_id
    if isinstance(value, Authority):
        return value.name if value.country is None else f"{value.name} ({value.country.code})"
    if isinstance(value, Alias):
        return _alias(value)
    if isinstance(value, Identifier):
        return _identifier(value)
    if isinstance(value, Address):
        return value.full
    if isinstance(value, CountryRole):
        return f"{value.role.value}: {plain(value.country)}"
    return None


def _plain_detail(value: object) -> str | None:
    """:func:`plain` of goods, a quantity, a stated count or a source, else None."""
    if isinstance(value, Goods):
        return f"{value.description} ({value.category.value})"
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, StatedCount):
        described = f": {value.description}" if value.description else ""
        return f"{value.count} {value.kind}{described}"
    if isinstance(value, Source):
        return _source(value)
    return None


def _alias(alias: Alias) -> str:
    tags = [alias.language or alias.script or ""]
    if alias.quality is not AliasQuality.STRONG:
        tags.append(alias.quality.value)
    tagged = ", ".join(tag for tag in tags if tag)
    return f"{alias.name} [{tagged}]" if tagged else alias.name


def _identifier(identifier: Identifier) -> str:
    country = f" ({identifier.country.code})" if identifier.country is not None else ""
    # An "other" number reads better under the source's own name for it.
    kind = identifier.label if identifier.label is not None else identifier.scheme.value
    return f"{kind} {identifier.value}{country}"


def _quantity(quantity: Quantity) -> str:
    about = "about " if quantity.approximate else ""
    amount = plain(quantity.amount) if quantity.amount is not None else ""
    measured = " ".join(part for part in (amount, quantity.unit or "") if part)
    words = f"“{quantity.text}”" if quantity.text else ""
    if measured and words:
        return f"{about}{measured} ({words})"
    return f"{about}{measured}" if measured else words


def _source(source: Source) -> str:
    said = ", ".join(plain(part) for part in (source.publisher, source.published) if part)
    head = ": ".join(part for part in (said, source.title) if part)
    quote = f"“{source.quote}”" if source.quote else ""
    return " ".join(part for part in (head, quote) if part) or (source.url or "")


def cell(value: object) -> Html:
    """The value as escaped HTML text; markup already made (:class:`Html`) stays as it is.

    A list whose items have commas of their own (addresses, legal bases) puts
    each item on its own line, where a comma list would blur them together;
    a date never breaks across lines.

    >>> cell("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    if isinstance(value, Html):
        return value
    if isinstance(value, tuple | list) and any(", " in plain(item) for item in value):
        return Html("".join(f"<div>{cell(item)}</div>" for item in value))
    text = html.escape(plain(value))
    if isinstance(value, PartialDate | DateRange):
        return Html(f'<span style="white-space:nowrap">{text}</span>')
    return Html(text)


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, limit: int = MAX_ROWS
) -> Html:
    """A table with a header row; rows after ``limit`` are counted, not shown."""
    head = "".join(f"<th{_CELL_STYLE}>{cell(header)}</th>" for header in headers)
    body = []
    hidden = 0
    for number, row in enumerate(rows):
        if number >= limit:
            hidden += 1
            continue
        body.append(
            "<tr>" + "".join(f"<td{_CELL_STYLE}>{cell(item)}</td>" for item in row) + "</tr>"
        )
    if hidden:
        more = f"… and {hidden} more"
        body.append(f'<tr><td{_CELL_STYLE} colspan="{len(headers)}"><em>{more}</em></td></tr>')
    return Html(
        f"<table{_BOX_STYLE}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def facts(pairs: Iterable[tuple[str, object]]) -> Html:
    """A two-column table of labels and values, leaving out the empty ones."""
    rows = "".join(
        f"<tr><th{_CELL_STYLE}>{cell(label)}</th><td{_CELL_STYLE}>{cell(value)}</td></tr>"
        for label, value in pairs
        if value not in (None, "", ())
    )
    return Html(f"<table{_BOX_STYLE}><tbody>{rows}</tbody></table>")


def _box(title: object, subtitle: object, *parts: str) -> Html:
    """The frame of every view: a bold title, a muted subtitle, then the parts."""
    header = f"<strong>{cell(title)}</strong>"
    if subtitle:
        header += f' <span style="opacity:0.7">{cell(subtitle)}</span>'
    return Html(f'<div class="sanctionkit">{header}{"".join(parts)}</div>')


def _heading(text: str) -> Html:
    return Html(f'<div style="margin-top:0.5em"><em>{cell(text)}</em></div>')


def _details(summary: str, items: Sequence[object]) -> Html:
    """A folded list (notes, sources): open it to read; nothing when there is nothing."""
    if not items:
        return Html("")
    listed = "".join(f"<li>{cell(item)}</li>" for item in items)
    return Html(
        f"<details><summary>{cell(summary)} ({len(items)})</summary><ul>{listed}</ul></details>"
    )


def _label(name: str) -> str:
    return {"imo": "IMO", "mmsi": "MMSI"}.get(name, name.replace("_", " "))


def _kind(record: object) -> str:
    return type(record).__name__


# The fields every entity has; any other field belongs to its kind and follows them.
_COMMON_FIELDS = frozenset(field.name for field in attrs.fields(Entity))


def entity_html(entity: Entity) -> Html:
    """A person, organisation, vessel or aircraft: names, ids, countries, its kind's fields."""
    own = [
        (_label(field.name), getattr(entity, field.name))
        for field in attrs.fields(type(entity))
        if field.name not in _COMMON_FIELDS
    ]
    details = facts(
        [
            ("kind", _kind(entity)),
            ("id", entity.id),
            ("aliases", entity.aliases),
            ("identifiers", entity.identifiers),
            ("countries", entity.countries),
            ("addresses", entity.addresses),
            *own,
        ]
    )
    notes = _details("Notes", entity.notes)
    sources = _details("Sources", entity.sources)
    return _box(entity.name, f"{_kind(entity)} · {entity.id}", details, notes, sources)


def package_html(package: SanctionPackage) -> Html:
    """A sanction package: who announced what and when, on what grounds, and its designations."""
    details = facts(
        [
            ("authority", package.authority),
            ("announced", package.announced),
            ("effective", package.effective),
            ("legal basis", package.legal_basis),
            ("measures", package.measures),
            ("measure notes", package.measure_notes),
            ("stated counts", package.stated_counts),
            ("summary", package.summary),
        ]
    )
    designations = table(
        ["entity id", "authority ref", "listed", "programmes"],
        ([d.entity_id, d.authority_ref, d.listed, d.programmes] for d in package.designations),
    )
    title = package.title or f"{package.authority.name}, {package.announced.isoformat()}"
    subtitle = f"SanctionPackage · {package.id}"
    return _box(
        title,
        subtitle,
        details,
        _heading(f"Designations ({len(package.designations)})"),
        designations,
        _details("Notes", package.notes),
        _details("Sources", package.sources),
    )


def _route(transfer: AllegedTransfer) -> str:
    return f"{plain(transfer.origin) or '?'} → {plain(transfer.destination) or '?'}"


def _stance(claim: Claim) -> str:
    if claim.stance is Stance.OTHER and claim.stance_text:
        return claim.stance_text
    return claim.stance.value


def transfer_html(transfer: AllegedTransfer) -> Html:
    """An alleged transfer: what moved where, its status, and who claims what about it."""
    details = facts(
        [
            ("goods", transfer.goods),
            ("quantity", transfer.quantity),
            ("route", _route(transfer)),
            ("carriers", transfer.carriers),
            ("period", transfer.period),
            ("status", transfer.status),
        ]
    )
    claims = table(
        ["party", "stance", "date", "statement"],
        ([claim.party, _stance(claim), claim.date, claim.statement] for claim in transfer.claims),
    )
    return _box(
        transfer.goods.description,
        f"AllegedTransfer · {transfer.id} · {transfer.status.value}",
        details,
        _heading(f"Claims ({len(transfer.claims)})"),
        claims,
        _details("Notes", transfer.notes),
        _details("Sources", transfer.sources),
    )


def _where(problem: Problem) -> str:
    parts = (("file", problem.file), ("record", problem.record), ("field", problem.field))
    return ", ".join(f"{label} {part}" for label, part in parts if part is not None)


def dataset_html(dataset: Dataset) -> Html:
    """A dataset: how many records of each kind, its packages, transfers and first problems."""
    counts = {
        "persons": len(dataset.persons),
        "organisations": len(dataset.organizations),
        "vessels": len(dataset.vessels),
        "aircraft": len(dataset.aircraft),
        "designations": len(dataset.designations),
        "packages": len(dataset.packages),
        "transfers": len(dataset.transfers),
        "problems": len(dataset.problems),
    }
    parts = [table(list(counts), [[str(count) for count in counts.values()]])]
    if dataset.packages:
        parts.append(_heading(f"Packages ({len(dataset.packages)})"))
        parts.append(
            table(
                ["authority", "announced", "title", "designations"],
                (
                    [package.authority, package.announced, package.title, len(package.designations)]
                    for package in dataset.packages
                ),
            )
        )
    if dataset.transfers:
        parts.append(_heading(f"Transfers ({len(dataset.transfers)})"))
        parts.append(
            table(
                ["goods", "origin → destination", "status"],
                (
                    [transfer.goods.description, _route(transfer), transfer.status]
                    for transfer in dataset.transfers
                ),
            )
        )
    if dataset.problems:
        parts.append(_heading(f"Problems ({len(dataset.problems)})"))
        parts.append(
            table(
                ["where", "message", "value"],
                ([_where(p), p.message, p.value] for p in dataset.problems),
                limit=5,
            )
        )
    title = dataset.metadata.get("title", "Dataset")
    return _box(title, f"Dataset · {len(dataset)} entities", *parts)
