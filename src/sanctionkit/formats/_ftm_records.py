"""One FtM entity as the reader sees it: a record of properties, its values, and the small
records that are not entities (Address, Identification, Passport, Sanction).

:mod:`sanctionkit.formats.ftm` reads a file in two passes, since FtM entities
refer to each other in either direction. The first pass makes each line an
:class:`FtmRecord`; the second maps records to sanctionkit values with the
helpers here, which mark every property they read, so that what is left can
be kept as a labelled note or reported (:func:`unused`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Container
from typing import Any, TypeVar

import attrs

from sanctionkit.errors import ReadError
from sanctionkit.formats._ftm_write import (
    FTM_HISTORICAL,
    LEGAL_BASIS_PREFIX,
    MEASURE_TEXT,
    Properties,
)
from sanctionkit.formats._jsonlines import LineError, loads_line
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._schemes import identify
from sanctionkit.formats._text import clean, join
from sanctionkit.identifiers import imo
from sanctionkit.model import (
    Address,
    Authority,
    AuthorityKind,
    Designation,
    Identifier,
    IdentifierScheme,
    LegalBasis,
    LegalBasisKind,
    Source,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

__all__ = [
    "FtmRecord",
    "address_of",
    "company_imo",
    "countries",
    "dates",
    "designation_of",
    "ftm_country",
    "identifier_of",
    "parse_line",
    "single",
    "sources_of",
    "unused",
    "value",
    "whole_number",
]

T = TypeVar("T")

_FROM_FTM_HISTORICAL = {ftm: iso for iso, ftm in FTM_HISTORICAL.items()}
# Properties FtM derives or that repeat what the records say: read without a trace.
_DERIVED_KEYS = frozenset({"id", "schema", "properties", "caption", "target"})
# OpenSanctions' crawl timestamps: they describe the export, not the entity.
_EXPORT_KEYS = frozenset({"first_seen", "last_seen", "last_change", "last_seen_at"})
# Read by the entity mapping as sources and notes.
_OPENSANCTIONS_KEYS = frozenset({"datasets", "referents"})
# Free-text properties kept as labelled notes rather than lost.
_NOTE_LABELS = {
    "title": "Title",
    "description": "Description",
    "summary": "Summary",
    "legalForm": "Legal form",
    "status": "Status",
    "sector": "Sector",
    "education": "Education",
    "religion": "Religion",
    "political": "Political",
    "ethnicity": "Ethnicity",
    "keywords": "Keywords",
    "program": "Programme (FtM)",
    "website": "Website",
    "email": "Email",
    "phone": "Phone",
    "birthCountry": "Country of birth",
}
_MEASURE_FROM_TEXT = {text: measure for measure, text in MEASURE_TEXT.items()}
_ADDRESS_PARTS = ("street", "street2", "postOfficeBox", "postalCode", "city", "region", "state")
_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@attrs.define
class FtmRecord:
    """One FtM entity as read from a line: its id, schema and properties."""

    id: str
    schema: str
    props: Properties
    top: dict[str, Any]
    used: set[str] = attrs.Factory(set)

    def take(self, key: str) -> list[str]:
        """The values of a property, marked as used."""
        self.used.add(key)
        return self.props.get(key, [])

    def first(self, key: str) -> str | None:
        values = self.take(key)
        return values[0] if values else None


def parse_line(
    number: int, line: str | LineError, reading: Reading, *, taken: Container[str]
) -> FtmRecord | None:
    """The record one line holds, or None with the line rejected (counted as read).

    ``taken``: the ids of the records before it; a second record with one is rejected.
    """
    reading.read += 1
    where = f"line {number}"
    if isinstance(line, LineError):
        reading.reject(str(line), record=where, value=line.text)
        return None
    try:
        data = loads_line(line)
    except ValueError as error:
        reading.reject(f"not JSON: {error}", record=where, value=line[:200])
        return None
    if not isinstance(data, dict):
        reading.reject("an FtM entity is a JSON object", record=where, value=line[:200])
        return None
    entity_id, schema, props = data.get("id"), data.get("schema"), data.get("properties")
    if not isinstance(entity_id, str) or not entity_id.strip():
        reading.reject("FtM entity without an id", record=where, value=line[:200])
        return None
    if not isinstance(schema, str) or not isinstance(props, dict):
        reading.reject("FtM entity without a schema and properties", record=entity_id)
        return None
    if entity_id in taken:
        reading.reject("a second FtM entity with this id", record=entity_id, value=schema)
        return None
    cleaned = _properties(entity_id, props, reading)
    return FtmRecord(id=entity_id, schema=schema, props=cleaned, top=data)


def _properties(entity_id: str, props: dict[Any, Any], reading: Reading) -> Properties:
    """The properties on one line each, without blank values; others are problems."""
    cleaned: Properties = {}
    for key, values in props.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            reading.problem(
                "FtM property values are a list of strings",
                record=entity_id,
                field=str(key),
                value=json.dumps(values, ensure_ascii=False),
            )
            continue
        cleaned[str(key)] = [text for text in map(clean, values) if text]
    return cleaned


def value(
    reading: Reading, parse: Callable[[str], T], record: FtmRecord, key: str, text: str
) -> T | None:
    """``parse(text)`` for a property, or None with a problem (see :meth:`Reading.value`)."""
    return reading.value(parse, text, record=record.id, field=key)


def countries(reading: Reading, record: FtmRecord, key: str) -> list[Country]:
    """The countries of a property, each once; a code FtM does not know is a problem."""
    found = [value(reading, ftm_country, record, key, text) for text in record.take(key)]
    return list(dict.fromkeys(country for country in found if country is not None))


def dates(reading: Reading, record: FtmRecord, key: str) -> list[PartialDate]:
    """The dates of a property, each once, parsed once per text (see :meth:`Reading.date`)."""
    found = [
        reading.single_date(text, record=record.id, field=key, parse=_ftm_date)
        for text in record.take(key)
    ]
    return list(dict.fromkeys(date for date in found if date is not None))


def single(reading: Reading, record: FtmRecord, key: str, values: list[T]) -> T | None:
    """The first of values for a field that holds one; the others are problems."""
    for extra in record.props.get(key, [])[1:]:
        reading.problem(
            "FtM gives more than one; sanctionkit keeps the first",
            record=record.id,
            field=key,
            value=extra,
        )
    return values[0] if values else None


def unused(reading: Reading, record: FtmRecord, notes: list[str] | None) -> None:
    """Every property not read: a labelled note when it is free text, else a problem.

    ``notes`` is None for records that have no notes: then every one is a problem.
    """
    for key, values in record.props.items():
        if key in record.used:
            continue
        label = _NOTE_LABELS.get(key)
        if label is not None and notes is not None:
            notes += [f"{label}: {text}" for text in values]
        elif values:  # one problem per property, its values joined
            reading.problem(
                f"FtM property {record.schema}.{key} has no sanctionkit counterpart",
                record=record.id,
                field=key,
                value="; ".join(values),
            )
    known: Collection[str] = _DERIVED_KEYS | _EXPORT_KEYS | _OPENSANCTIONS_KEYS
    for key in record.top.keys() - known:
        reading.problem(
            "FtM entity key has no sanctionkit counterpart",
            record=record.id,
            field=key,
            value=json.dumps(record.top[key], ensure_ascii=False)[:200],
        )


def sources_of(record: FtmRecord) -> list[Source]:
    """The record's sources; an OpenSanctions entity's page among them."""
    urls = record.take("sourceUrl")
    publishers = record.take("publisher")
    sources: list[Source] = []
    if len(urls) == 1 and len(publishers) == 1:
        sources.append(Source(url=urls[0], publisher=publishers[0]))
    else:
        sources += [Source(url=url) for url in urls]
        sources += [Source(publisher=publisher) for publisher in publishers]
    datasets = record.top.get("datasets")
    if isinstance(datasets, list) and datasets:
        sources.append(
            Source(
                url=f"https://www.opensanctions.org/entities/{record.id}/",
                publisher="OpenSanctions",
                title=f"OpenSanctions dataset {', '.join(str(d) for d in datasets)}",
            )
        )
    return list(dict.fromkeys(sources))


def address_of(reading: Reading, record: FtmRecord) -> Address | None:
    """The address an Address record gives; None, with a problem, when it has no text."""
    pieces = [text for key in _ADDRESS_PARTS for text in record.take(key)]
    country = single(reading, record, "country", countries(reading, record, "country"))
    full = record.first("full") or join(pieces)
    if not full and country is not None:
        full = country.name
    unused(reading, record, None)  # an Address has no notes to keep free text in
    if not full:
        reading.problem("Address without text", record=record.id, field="full")
        return None
    return Address(full=full, city=record.first("city"), country=country)


def identifier_of(reading: Reading, record: FtmRecord) -> Identifier | None:
    """The identifier an Identification or Passport gives; None (a problem) without a number."""
    record.take("holder")
    number = record.first("number") or record.props.get("passportNumber", [None])[0]
    if all(text == number for text in record.props.get("passportNumber", [])):
        record.used.add("passportNumber")
    if not number:
        reading.problem("Identification without a number", record=record.id, field="number")
        return None
    kind = record.first("type")
    if record.schema == "Passport":
        scheme, label = IdentifierScheme.PASSPORT, None
    else:
        scheme, label = identify("ftm", kind or "")
    country = single(reading, record, "country", countries(reading, record, "country"))
    issued = single(reading, record, "startDate", dates(reading, record, "startDate"))
    expires = single(reading, record, "endDate", dates(reading, record, "endDate"))
    notes: list[str] = []
    if kind and label is None and scheme != kind:
        notes.append(f"Type: {kind}")
    notes += record.take("description")
    unused(reading, record, notes)
    return Identifier(
        scheme=scheme,
        value=number,
        country=country,
        issued=issued,
        expires=expires,
        note="; ".join(notes) or None,
        label=label,
    )


def designation_of(
    reading: Reading, record: FtmRecord, known: Container[str]
) -> Designation | None:
    """The designation a Sanction gives; None, with the record rejected, when it cannot be kept.

    ``known``: the ids of the entities kept; a Sanction of another is rejected.
    """
    targets = record.take("entity")
    target = targets[0] if targets else None
    if target is None or target not in known:
        message = "Sanction of an entity the file does not hold (or that was rejected)"
        reading.reject(message, record=record.id, value=target)
        return None
    for extra in targets[1:]:
        reading.problem(
            "Sanction of more than one entity; kept for the first",
            record=record.id,
            field="entity",
            value=extra,
        )
    name = record.first("authority") or record.first("publisher")
    if name is None:
        reading.reject("Sanction without an authority", record=record.id, value=target)
        return None
    country = single(reading, record, "country", countries(reading, record, "country"))
    fields = _sanction_fields(reading, record)
    try:
        authority = Authority(name=name, country=country, kind=AuthorityKind.OTHER)
        return Designation(entity_id=target, authority=authority, **fields)
    except ReadError:
        raise
    except (ValueError, TypeError) as error:
        reading.reject(f"not a valid Sanction: {error}", record=record.id, value=target)
        return None


def _sanction_fields(reading: Reading, record: FtmRecord) -> dict[str, Any]:
    """A Sanction's properties as :class:`~sanctionkit.Designation` fields."""
    listed = dates(reading, record, "listingDate")
    for start in dates(reading, record, "startDate"):
        if start not in listed[:1]:
            reading.problem(
                "Sanction startDate differs from its listingDate; kept the listingDate",
                record=record.id,
                field="startDate",
                value=start.isoformat(),
            )
        listed = listed or [start]
    delisted = dates(reading, record, "endDate")
    measures = [_MEASURE_FROM_TEXT.get(text.lower()) for text in record.take("provisions")]
    texts = record.take("description")
    fields: dict[str, Any] = {
        "measures": list(dict.fromkeys(m for m in measures if m is not None)),
        "measure_notes": [
            t
            for t, m in zip(record.props.get("provisions", []), measures, strict=True)
            if m is None
        ],
        "legal_basis": [
            LegalBasis(kind=LegalBasisKind.OTHER, title=text.removeprefix(LEGAL_BASIS_PREFIX))
            for text in texts
            if text.startswith(LEGAL_BASIS_PREFIX)
        ],
        "sources": sources_of(record),
        "reasons": [
            *record.take("reason"),
            *(t for t in texts if not t.startswith(LEGAL_BASIS_PREFIX)),
        ],
        "authority_ref": single(reading, record, "authorityId", record.take("authorityId")),
        "programmes": list(dict.fromkeys(record.take("program"))),
    }
    unused(reading, record, None)  # a designation has no notes to keep free text in
    fields["reasons"] = list(dict.fromkeys(fields["reasons"]))
    fields["listed"] = single(reading, record, "listingDate", listed)
    fields["delisted"] = single(reading, record, "endDate", delisted)
    return fields


def ftm_country(text: str) -> Country:
    """The country an FtM country code stands for ("kp", "suhh")."""
    return Country.from_code(_FROM_FTM_HISTORICAL.get(text.lower(), text))


def _ftm_date(text: str) -> PartialDate:
    """An FtM date (an ISO prefix, maybe with a time) as a PartialDate."""
    match = _ISO_PREFIX.fullmatch(text.partition("T")[0])
    if match is None:
        raise ValueError(f"not an ISO date prefix: {text!r}")
    # Built from the digits, not parse_date: an expiry date in the future is no error here.
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    return PartialDate(year, month, day, text=text)


def whole_number(text: str) -> int:
    """A tonnage: a whole number, perhaps with thousands separators ("12,000")."""
    number = float(text.replace(",", ""))
    if not number.is_integer():
        raise ValueError(f"expected a whole number, not {text!r}")
    return int(number)


def company_imo(text: str) -> str:
    """A company's IMO number ("IMO5342883"): sanctionkit keeps the checked digits."""
    return imo.validate(text, kind="company")
