"""Converters and validators shared by the model's fields.

Converters let users pass what they have (a list, a country name, "1962-05");
validators make sure that what is stored is what the field promises.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from sanctionkit.errors import InvalidFieldError, RecordTypeError
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

DateValue = PartialDate | DateRange
E = TypeVar("E", bound=enum.Enum)


def to_tuple(values: Iterable[Any] | None) -> tuple[Any, ...]:
    """Lists, generators and None become tuples, so that records stay hashable.

    A lone string is refused: ``tuple("abc")`` would silently give three letters.
    (Typed with ``Any``: as an attrs converter, its parameter type becomes the
    ``__init__`` parameter of every list field, which holds different items.)
    """
    if type(values) is tuple:
        return values  # the common case, on every list field of every record
    if values is None:
        return ()
    if isinstance(values, str | bytes):
        raise RecordTypeError(f"expected a sequence of values, not the string {values!r}")
    return tuple(values)


def to_country(value: Country | str) -> Country:
    """A Country, or text that names one ("KP", "North Korea")."""
    if isinstance(value, Country):
        return value
    return parse_country(value)


def to_optional_country(value: Country | str | None) -> Country | None:
    return None if value is None else to_country(value)


def to_countries(values: Iterable[Country | str] | None) -> tuple[Country, ...]:
    return tuple(to_country(value) for value in to_tuple(values))


def to_partial_date(value: PartialDate | datetime.date | str | None) -> PartialDate | None:
    """A PartialDate, a ``datetime.date``, or text that parses to one; a range is an error."""
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, DateRange):
        raise InvalidFieldError(f"expected a single date, not the range {value}", value)
    if not isinstance(value, str):
        raise RecordTypeError(f"expected a PartialDate or date text, not {type(value).__name__}")
    parsed = _iso_date(value) or parse_date(value)
    if not isinstance(parsed, PartialDate):
        raise InvalidFieldError(f"expected a single date, not the range {value!r}", value)
    return parsed


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _iso_date(text: str) -> PartialDate | None:
    """An ISO date written out ("2030-01-01"), taken as it stands.

    parse_date refuses years after next year as implausible for text found in
    lists; a date a user or a reader writes in ISO form into a record (a
    passport's expiry in 2030) is meant, so it only has to be a real date.
    """
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # the pattern requires it
    return PartialDate(year, month, day, text=text)


def to_date_value(value: DateValue | datetime.date | str | None) -> DateValue | None:
    """A PartialDate or DateRange, a ``datetime.date``, or text that parses to one."""
    if value is None or isinstance(value, PartialDate | DateRange):
        return value
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if not isinstance(value, str):
        raise RecordTypeError(
            f"expected a PartialDate, DateRange or date text, not {type(value).__name__}"
        )
    return parse_date(value)


def to_date_values(
    values: Iterable[DateValue | datetime.date | str] | None,
) -> tuple[DateValue, ...]:
    result = []
    for value in to_tuple(values):
        parsed = to_date_value(value)
        if parsed is not None:
            result.append(parsed)
    return tuple(result)


def non_empty(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    """Ids and names must say something: not empty, not only spaces."""
    owner = type(instance).__name__
    if not isinstance(value, str):
        raise RecordTypeError(
            f"{owner}.{attribute.name} must be a str, not {type(value).__name__}",
            record=owner,
            field=attribute.name,
        )
    if not value.strip():
        raise InvalidFieldError(
            f"{owner}.{attribute.name} must be a non-empty string, got {value!r}",
            value,
            record=owner,
            field=attribute.name,
        )


def optional_non_empty(
    instance: Any, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        non_empty(instance, attribute, value)  # type: ignore[arg-type]


def tuple_of(kind: type | tuple[type, ...]) -> Any:
    """Validator: a tuple whose every item is an instance of ``kind``.

    Written out rather than attrs' ``deep_iterable``: readers build hundreds of
    thousands of records, and this check is on every list field of each.
    """

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple:
            owner = type(instance).__name__
            raise RecordTypeError(
                f"{owner}.{attribute.name} must be a tuple, not {type(value).__name__}",
                record=owner,
                field=attribute.name,
            )
        for item in value:
            if not isinstance(item, kind):
                owner = type(instance).__name__
                raise RecordTypeError(
                    f"{owner}.{attribute.name} holds {item!r}, which is not {_names(kind)}",
                    record=owner,
                    field=attribute.name,
                )

    return check


def _names(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def instance_of(kind: type | tuple[type, ...]) -> Any:
    """Validator: the value is an instance of ``kind`` (a :class:`RecordTypeError` if not)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            owner = type(instance).__name__
            raise RecordTypeError(
                f"{owner}.{attribute.name} must be {_names(kind)}, not {type(value).__name__}",
                record=owner,
                field=attribute.name,
            )

    return check


def optional_instance(kind: type | tuple[type, ...]) -> Any:
    """Validator: None, or an instance of ``kind``."""
    return attrs.validators.optional(instance_of(kind))


def to_enum(kind: type[E], value: E | str) -> E:
    """A member of ``kind``, from itself or its value; another value is an InvalidFieldError.

    The enum fields' converters call it (attrs needs a named function per field).

    >>> import enum
    >>> to_enum(enum.Enum("Precision", {"YEAR": "year"}), "month")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.InvalidFieldError: 'month' is not a Precision; valid: year
    """
    try:
        return kind(value)
    except ValueError:
        valid = ", ".join(str(member.value) for member in kind)
        raise InvalidFieldError(
            f"{value!r} is not a {kind.__name__}; valid: {valid}", value
        ) from None
