"""The JSON form of every sanctionkit record, defined in one place.

:data:`converter` is a cattrs converter with a hook for each value type, so
records stay plain attrs classes and their JSON form lives here:

* a :class:`~sanctionkit.Country` is its code: ``"KP"``, ``"SUHH"``;
* a :class:`~sanctionkit.PartialDate` is its ISO form, ``"1962-05"``, or
  ``{"date": "1962", "approximate": true}`` when it is approximate, with
  ``"year_inferred": true`` when its century was inferred from two digits,
  ``"calendar": "hijri"`` (or "japanese", "persian") when it was converted from that calendar;
* a :class:`~sanctionkit.DateRange` is ``{"start": ..., "end": ...}`` with
  either end left out when it is open;
* an enum member is its lower-case name: ``"asset_freeze"``;
* fields that hold their default (None, an empty list) are left out, except
  a problem's ``code``, which is always written.

>>> import sanctionkit as sk
>>> person = sk.Person(id="p1", name="Han Hyok-chol", birth_dates=["circa 1962"])
>>> sk.to_json(person)
'{"id": "p1", "name": "Han Hyok-chol", "birth_dates": [{"date": "1962", "approximate": true}]}'
>>> sk.from_json(sk.to_json(person), sk.Person) == person
True
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter, make_converter

from sanctionkit.errors import ReadError
from sanctionkit.model import (
    Aircraft,
    AllegedTransfer,
    Authority,
    Designation,
    Entity,
    EntityRef,
    IdentifierScheme,
    Organization,
    Person,
    Problem,
    SanctionPackage,
    Vessel,
)
from sanctionkit.model.relationships import Relationship
from sanctionkit.model.schemes import to_scheme
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["RECORD_TYPES", "converter", "describe_error", "from_json", "to_json"]

T = TypeVar("T")

#: The ``type`` tag of each kind of record in sanctionkit's JSON lines.
RECORD_TYPES: dict[str, type[Any]] = {
    "person": Person,
    "organization": Organization,
    "vessel": Vessel,
    "aircraft": Aircraft,
    "designation": Designation,
    "package": SanctionPackage,
    "transfer": AllegedTransfer,
    "relationship": Relationship,
    "problem": Problem,
}


def _unstructure_country(country: Country) -> str:
    return country.code


def _structure_country(value: object, _: object) -> Country:
    if not isinstance(value, str):
        raise ValueError(f"a country is written as its code, not {value!r}")
    return Country.from_code(value)


def _structure_scheme(value: object, _: object) -> IdentifierScheme:
    # to_scheme's error names the valid schemes, which cattrs' enum hook does not.
    return to_scheme(value)  # type: ignore[arg-type]


def _unstructure_partial_date(date: PartialDate) -> str | dict[str, object]:
    if date.approximate or date.year_inferred or date.calendar:
        exact = attrs.evolve(date, approximate=False)
        written: dict[str, object] = {"date": exact.isoformat(), "approximate": date.approximate}
        if date.year_inferred:
            written["year_inferred"] = True
        if date.calendar:
            written["calendar"] = date.calendar
        return written
    return date.isoformat()


def _structure_partial_date(value: object, _: object) -> PartialDate:
    approximate = year_inferred = False
    calendar = None
    if isinstance(value, dict):
        approximate = bool(value.get("approximate", False))
        year_inferred = bool(value.get("year_inferred", False))
        calendar = value.get("calendar")
        value = value.get("date")
    if not isinstance(value, str):
        raise ValueError(f"a date is written as an ISO string, not {value!r}")
    parsed = parse_date(value)
    if not isinstance(parsed, PartialDate) or parsed.approximate:
        raise ValueError(f"expected an ISO date such as '1962-05', not {value!r}")
    return attrs.evolve(
        parsed, approximate=approximate, text=None, year_inferred=year_inferred, calendar=calendar
    )


def _unstructure_date_range(span: DateRange) -> dict[str, object]:
    ends = {"start": span.start, "end": span.end}
    return {key: _unstructure_partial_date(end) for key, end in ends.items() if end is not None}


def _structure_date_range(value: object, _: object) -> DateRange:
    if not isinstance(value, dict) or not {"start", "end"} & value.keys():
        raise ValueError(f"a date range is written as {{'start': ..., 'end': ...}}, not {value!r}")
    ends = {
        key: _structure_partial_date(value[key], None) for key in ("start", "end") if key in value
    }
    return DateRange(start=ends.get("start"), end=ends.get("end"))


def _structure_date_value(value: object, _: object) -> PartialDate | DateRange:
    if isinstance(value, dict) and "date" not in value:
        return _structure_date_range(value, None)
    return _structure_partial_date(value, None)


def _unstructure_party(party: Country | EntityRef | Authority) -> object:
    if isinstance(party, Country):
        return party.code
    return converter.unstructure(party)


def _structure_party(value: object, _: object) -> Country | EntityRef | Authority:
    # A party is written as a country code, {"entity_id": ...} or an authority.
    if isinstance(value, str):
        return _structure_country(value, None)
    if isinstance(value, dict) and "entity_id" in value:
        return converter.structure(value, EntityRef)
    return converter.structure(value, Authority)


def _structure_number(value: object, _: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, not {value!r}")
    return value


def _is_number(type_: object) -> bool:
    return type_ == int | float


def _is_date_value(type_: object) -> bool:
    return type_ == PartialDate | DateRange


def _is_party(type_: object) -> bool:
    return type_ == Country | EntityRef | Authority


def _make_converter() -> JsonConverter:
    made = make_converter(omit_if_default=True, forbid_extra_keys=True)
    made.register_unstructure_hook(Country, _unstructure_country)
    made.register_structure_hook(Country, _structure_country)
    made.register_unstructure_hook(PartialDate, _unstructure_partial_date)
    made.register_structure_hook(PartialDate, _structure_partial_date)
    made.register_structure_hook(IdentifierScheme, _structure_scheme)
    made.register_unstructure_hook(DateRange, _unstructure_date_range)
    made.register_structure_hook(DateRange, _structure_date_range)
    made.register_structure_hook_func(_is_number, _structure_number)
    made.register_structure_hook_func(_is_date_value, _structure_date_value)
    made.register_structure_hook_func(_is_party, _structure_party)
    made.register_unstructure_hook_func(_is_party, _unstructure_party)
    # A problem's code is what scripts match on: always written, even when derived.
    made.register_unstructure_hook(
        Problem,
        make_dict_unstructure_fn(
            Problem, made, _cattrs_omit_if_default=True, code=override(omit_if_default=False)
        ),
    )
    return made


#: The cattrs converter between sanctionkit records and JSON-ready Python data.
converter: JsonConverter = _make_converter()

for _record_type in (*RECORD_TYPES.values(), Entity):
    attrs.resolve_types(_record_type)


def to_json(record: object) -> str:
    """The JSON text of one record (an entity, designation, package, transfer ...).

    >>> import sanctionkit as sk
    >>> sk.to_json(sk.Vessel(id="vessel-maria", name="MARIA", flag="Russia"))
    '{"id": "vessel-maria", "name": "MARIA", "flag": "RU"}'
    """
    return json.dumps(converter.unstructure(record), ensure_ascii=False)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """The record of class ``cls`` that the JSON text describes.

    Raises :class:`~sanctionkit.errors.ReadError` naming the field that is
    wrong and why, when the text does not describe such a record.

    >>> import sanctionkit as sk
    >>> sk.from_json('{"id": "v", "name": "MARIA", "flag": "RU"}', sk.Vessel).flag.name
    'Russian Federation'
    """
    try:
        return converter.structure(json.loads(text), cls)
    except (ValueError, TypeError, KeyError, cattrs.BaseValidationError) as error:
        message, field = describe_error(error)
        problem = Problem(message=f"not a {cls.__name__}: {message}", field=field)
        raise ReadError(problem) from error


def describe_error(error: BaseException) -> tuple[str, str | None]:
    """A message for a structuring error, and the field it is about when cattrs knows it.

    cattrs groups the errors of every field; this names each with its path.
    """
    if not isinstance(error, cattrs.BaseValidationError):
        return str(error) or type(error).__name__, None
    messages = cattrs.transform_error(error, format_exception=_exception_message)
    path = messages[0].rpartition(" @ ")[2]
    field = path.removeprefix("$").removeprefix(".") or None
    return "; ".join(messages), field


def _exception_message(error: BaseException, _: object) -> str:
    return str(error) or type(error).__name__
