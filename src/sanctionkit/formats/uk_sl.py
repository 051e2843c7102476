"""The FCDO's UK Sanctions List as XML (``UK-Sanctions-List.xml``, root ``Designations``).

Since 28 January 2026 the UK publishes one list, the Foreign, Commonwealth &
Development Office's UK Sanctions List; OFSI's Consolidated List (read by
:mod:`~sanctionkit.formats.uk_conlist`, which stays for old files) is retired.
Each ``Designation`` becomes one entity (``uk-sl-`` and the UniqueID in lower
case; a :class:`~sanctionkit.Person` for "Individual", an
:class:`~sanctionkit.Organization` for "Entity", a :class:`~sanctionkit.Vessel`
for "Ship") and one :class:`~sanctionkit.Designation` by the FCDO. The file names
a schema (``SanctionsListSchema-4.33.3.xsd``) that could not be had: the elements
below are the layout of a real excerpt of the file and of public readers of it,
every one is mapped (see the page "UK Sanctions List"), and an element not in
this table is kept as a note and reported as a problem, never dropped.
The CSV export (:mod:`~sanctionkit.formats.uk_sl_csv`) fills the same
:class:`Record` and shares everything from there on.

>>> import io
>>> xml = b'''<Designations><DateGenerated>02/09/2026</DateGenerated><Designation>
... <DateDesignated>25/01/2001</DateDesignated><UniqueID>AFG0006</UniqueID>
... <Names><Name><Name1>MOHAMMAD</Name1><Name2>HASSAN</Name2><Name6>AKHUND</Name6>
... <NameType>Primary Name</NameType></Name></Names>
... <RegimeName>The Afghanistan (Sanctions) (EU Exit) Regulations 2020</RegimeName>
... <IndividualEntityShip>Individual</IndividualEntityShip>
... <IndividualDetails><Individual><DOBs><DOB>dd/mm/1945</DOB></DOBs></Individual>
... </IndividualDetails></Designation></Designations>'''
>>> sniff(xml)
True
>>> ds = read(io.BytesIO(xml), name="UK-Sanctions-List.xml")
>>> person = ds.get("uk-sl-afg0006")
>>> person.name, person.birth_dates[0].isoformat(), ds.designations[0].listed.isoformat()
('MOHAMMAD HASSAN AKHUND', '1945', '2001-01-25')
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Final

from sanctionkit.formats._authorities import uk_fcdo
from sanctionkit.formats._files import xml_root_name
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._text import clean
from sanctionkit.formats._uk_sl import Record, build, uk_date
from sanctionkit.formats._xml import iter_records, local_name
from sanctionkit.model import Dataset, Source

__all__ = [
    "BARE_GROUPS",
    "FORMAT",
    "GROUPS",
    "INDICATORS",
    "LEAVES",
    "LIST_NAME",
    "URL",
    "WRAPPERS",
    "read",
    "sniff",
]

#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT: Final = "uk-sl-xml"
LIST_NAME: Final = "UK Sanctions List"
URL: Final = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"

#: Elements holding one value, and the field of :class:`Record` each fills.
LEAVES: Final = {
    "LastUpdated": "last_updated",
    "DateDesignated": "designated",
    "UniqueID": "unique_id",
    "OFSIGroupID": "group_id",
    "UNReferenceNumber": "un_ref",
    "RegimeName": "regime",
    "IndividualEntityShip": "kind",
    "DesignationSource": "designation_source",
    "SanctionsImposed": "sanctions",
    "OtherInformation": "other",
    "UKStatementofReasons": "reasons",
    "Title": "title",
    "PhoneNumber": "phone",
    "EmailAddress": "email",
    "Website": "website",
    "DOB": "dob",
    "Nationality": "nationality",
    "Position": "position",
    "Gender": "gender",
    "TypeOfEntity": "entity_type",
    "BusinessRegistrationNumber": "registration",
    "ParentCompany": "parent",
    "Subsidiary": "subsidiary",
    "IMONumber": "imo",
    "CurrentOwnerOperator": "owner",
    "PreviousOwnerOperator": "previous_owner",
    "CurrentBelievedFlagOfShip": "flag",
    "PreviousFlag": "previous_flag",
    "TypeOfShip": "ship_type",
    "TonnageOfShip": "tonnage",
    "LengthOfShip": "length",
    "YearBuilt": "year_built",
    "HullIdentificationNumber": "hin",
}
#: Elements holding a group of values (one name, one address ...): the group and its fields.
GROUPS: Final = {
    "Name": (
        "name",
        {f"Name{n}": f"name{n}" for n in range(1, 7)}
        | {"NameType": "type", "AliasStrength": "strength"},
    ),
    "NonLatinName": (
        "non_latin",
        {
            "NameNonLatinScript": "name",
            "NonLatinScriptType": "script",
            "NonLatinScriptLanguage": "language",
        },
    ),
    "Address": (
        "address",
        {f"AddressLine{n}": f"line{n}" for n in range(1, 7)}
        | {"AddressPostalCode": "postcode", "AddressCountry": "country"},
    ),
    "Passport": (
        "passport",
        {"PassportNumber": "number", "PassportAdditionalInformation": "note"},
    ),
    "NationalIdentifier": (
        "national_id",
        {"NationalIdentifierNumber": "number", "NationalIdentifierAdditionalInformation": "note"},
    ),
    "Location": ("birth", {"TownOfBirth": "town", "CountryOfBirth": "country"}),
}
#: Elements that only hold others: read through.
WRAPPERS: Final = frozenset(
    {
        "Names",
        "NonLatinNames",
        "Titles",
        "Addresses",
        "PhoneNumbers",
        "EmailAddresses",
        "Websites",
        "IndividualDetails",
        "Individual",
        "DOBs",
        "Nationalities",
        "Positions",
        "Genders",
        "PassportDetails",
        "NationalIdentifierDetails",
        "BirthDetails",
        "EntityDetails",
        "Entity",
        "TypeOfEntities",
        "BusinessRegistrationNumbers",
        "ParentCompanies",
        "Subsidiaries",
        "ShipDetails",
        "Ship",
        "IMONumbers",
        "CurrentOwnerOperators",
        "PreviousOwnerOperators",
        "CurrentBelievedFlagOfShips",
        "PreviousFlags",
        "TypeOfShipDetails",
        "TonnageOfShipDetails",
        "LengthOfShipDetails",
        "YearsBuilt",
        "HullIdentificationNumbers",
    }
)
#: Wrappers whose one group some copies give without the inner element: OpenSanctions'
#: crawler reads a non-Latin name right under ``NonLatinNames``, records quoted elsewhere
#: have it under ``NonLatinNames/NonLatinName``. Both are read.
BARE_GROUPS: Final = {"NonLatinNames": "NonLatinName"}
#: Its children are flags, "true" or "false", named after the measure ("AssetFreeze").
INDICATORS: Final = "SanctionsImposedIndicators"
_ROOT_CHILDREN: Final = ("DateGenerated",)


def sniff(head: bytes) -> bool:
    """True for the UK Sanctions List XML: its root element is ``Designations``.

    >>> sniff(b'<?xml version="1.0" encoding="utf-8"?><Designations xmlns:xsi="x">')
    True
    """
    return xml_root_name(head) == "Designations"


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the UK Sanctions List XML, a designation at a time.

    In lenient mode (the default) a bad value is left out and reported in
    ``dataset.problems``; ``strict=True`` raises the first as
    :class:`~sanctionkit.ReadError`. The metadata holds the format, the list,
    its ``publish_date`` (the file's ``DateGenerated``) and the counts.
    """
    reading = Reading(file=name, strict=strict)
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME}
    root: ET.Element | None = None
    source_of: Source | None = None
    records = iter_records(
        source, "Designation", name, containers=("Designations",), beside=_ROOT_CHILDREN,
        reading=reading,
    )  # fmt: skip
    for kind, element in records:
        if kind == "root":
            root = element
            continue
        if source_of is None:
            source_of = _source(reading, root, metadata)
        reading.read += 1
        build(_record(element, reading.read, reading), reading, source_of)
    if source_of is None:
        _source(reading, root, metadata)
    return reading.dataset(metadata)


def _source(reading: Reading, root: ET.Element | None, metadata: dict[str, str | int]) -> Source:
    """The list as the source of every record, dated by ``DateGenerated`` (read once)."""
    text = clean(root.findtext("DateGenerated")) if root is not None else ""
    generated = uk_date(reading, text, None, "DateGenerated")
    if generated is not None:
        metadata["publish_date"] = generated.isoformat()
    return Source(url=URL, publisher=uk_fcdo().name, title=LIST_NAME, published=generated)


def _record(element: ET.Element, number: int, reading: Reading) -> Record:
    """The designation's values by field, every element of it accounted for."""
    record = Record(label=clean(element.findtext("UniqueID")) or f"record {number}")
    _collect(element, record, reading, "")
    return record


def _collect(element: ET.Element, record: Record, reading: Reading, path: str) -> None:
    for child in element:
        tag = local_name(child.tag)
        if tag in LEAVES:
            record.add(LEAVES[tag], child.text)
            continue
        where = f"{path}{tag}"
        bare = BARE_GROUPS.get(tag)
        if bare is not None and not any(local_name(part.tag) == bare for part in child):
            tag = bare  # the group's values right under the wrapper (see BARE_GROUPS)
        if tag in GROUPS:
            _group(child, GROUPS[tag], record, reading, where)
        elif tag in WRAPPERS:
            _collect(child, record, reading, f"{where}/")
        elif tag == INDICATORS:
            _indicators(child, record, reading, f"{where}/")
        else:
            _unknown(child, record, reading, where)


def _group(
    element: ET.Element,
    group: tuple[str, dict[str, str]],
    record: Record,
    reading: Reading,
    where: str,
) -> None:
    name, fields = group
    values: dict[str, str] = {}
    for part in element:
        tag = local_name(part.tag)
        if tag in fields:
            values[fields[tag]] = clean(part.text)
        else:
            _unknown(part, record, reading, f"{where}/{tag}")
    record.add_group(name, values)


def _indicators(element: ET.Element, record: Record, reading: Reading, path: str) -> None:
    for flag in element:
        tag = local_name(flag.tag)
        value = clean(flag.text).lower()
        if value == "true":
            record.add("indicator", _words(tag))
        elif value not in ("false", ""):
            reading.problem(
                "a sanction indicator that is neither true nor false; not read",
                record=record.label,
                field=f"{path}{tag}",
                value=flag.text,
            )


def _unknown(element: ET.Element, record: Record, reading: Reading, where: str) -> None:
    """An element not in the layout: its text is kept as a note, and reported."""
    text = clean(" ".join(element.itertext()))
    if text:
        record.add("unknown", f"{where}: {text}")
    reading.problem(
        "element not in the UK Sanctions List layout; its text is kept as a note",
        record=record.label,
        field=where,
        value=text or None,
        code="unknown-element",
    )


@functools.lru_cache(maxsize=256)
def _words(tag: str) -> str:
    """An indicator's name as the words of ``SanctionsImposed`` ("AssetFreeze": "asset freeze")."""
    return " ".join(re.findall(r"[A-Z][a-z]*|[a-z]+|\d+", tag)).lower()
