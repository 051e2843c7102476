"""A JSON Schema of sanctionkit's JSON lines, for readers in other languages.

The schema is derived from the model's own type hints, so it cannot drift from
the classes; the value types that :mod:`sanctionkit.converter` writes in a
compact form (countries, dates, parties) have hand-written definitions here,
next to the hooks' rules they describe.

>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["$defs"]["line_vessel"]["properties"])[:4]
['addresses', 'aliases', 'build_year', 'call_sign']
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any

import attrs

from sanctionkit.converter import RECORD_TYPES
from sanctionkit.formats.jsonl import FORMAT_NAME, FORMAT_VERSION
from sanctionkit.model import Authority, EntityRef
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

__all__ = ["json_schema"]

Schema = dict[str, Any]

_ISO_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

_VALUE_DEFINITIONS: dict[str, Schema] = {
    "country": {
        "description": "ISO 3166-1 alpha-2 code, or the ISO 3166-3 alpha-4 code of a "
        "historical state; XK is Kosovo.",
        "type": "string",
        "pattern": "^[A-Z]{2}([A-Z]{2})?$",
    },
    "partial_date": {
        "description": "An ISO 8601 date known to the year, month or day; an approximate "
        "one is an object with approximate: true, and one whose century was inferred from "
        "a two-digit year has year_inferred: true, and one converted from another calendar "
        "names it in calendar.",
        "oneOf": [
            {"type": "string", "pattern": _ISO_DATE},
            {
                "type": "object",
                "properties": {
                    "date": {"type": "string", "pattern": _ISO_DATE},
                    "approximate": {"type": "boolean"},
                    "year_inferred": {"type": "boolean"},
                    "calendar": {"enum": ["hijri", "japanese", "persian"]},
                },
                "required": ["date", "approximate"],
                "additionalProperties": False,
            },
        ],
    },
    "date_range": {
        "description": "A range of dates; a missing end is open.",
        "type": "object",
        "properties": {
            "start": {"$ref": "#/$defs/partial_date"},
            "end": {"$ref": "#/$defs/partial_date"},
        },
        "minProperties": 1,
        "additionalProperties": False,
    },
    "date_value": {
        "oneOf": [{"$ref": "#/$defs/partial_date"}, {"$ref": "#/$defs/date_range"}],
    },
    "party": {
        "description": "A country code, a reference to an entity, or an authority.",
        "oneOf": [
            {"$ref": "#/$defs/country"},
            {"$ref": "#/$defs/EntityRef"},
            {"$ref": "#/$defs/Authority"},
        ],
    },
}

_VALUE_REFERENCES: dict[object, str] = {
    Country: "country",
    PartialDate: "partial_date",
    DateRange: "date_range",
    PartialDate | DateRange: "date_value",
    Country | EntityRef | Authority: "party",
}


def json_schema() -> Schema:
    """The JSON Schema (draft 2020-12) that every line of sanctionkit JSON lines matches."""
    definitions: dict[str, Schema] = dict(_VALUE_DEFINITIONS)
    _define_class(EntityRef, definitions)
    _define_class(Authority, definitions)
    lines: list[Schema] = [{"$ref": "#/$defs/header"}]
    definitions["header"] = {
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "metadata": {
                "type": "object",
                "additionalProperties": {"type": ["string", "integer"]},
            },
        },
        "required": ["format", "version"],
        "additionalProperties": False,
    }
    for name, cls in RECORD_TYPES.items():
        record = _object_schema(cls, definitions)
        record["properties"] = {"type": {"const": name}, **record["properties"]}
        record["required"] = ["type", *record.get("required", [])]
        definitions[f"line_{name}"] = record
        lines.append({"$ref": f"#/$defs/line_{name}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sanctionkit JSON lines",
        "description": "One JSON object per line: a header, then records tagged by 'type'.",
        "oneOf": lines,
        "$defs": definitions,
    }


def _define_class(cls: type, definitions: dict[str, Schema]) -> Schema:
    if cls.__name__ not in definitions:
        definitions[cls.__name__] = {}  # placeholder: classes may refer to themselves
        definitions[cls.__name__] = _object_schema(cls, definitions)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _object_schema(cls: type, definitions: dict[str, Schema]) -> Schema:
    hints = typing.get_type_hints(cls)
    properties: Schema = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        properties[field.name] = _type_schema(hints[field.name], definitions)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    if required:
        schema["required"] = required
    return schema


def _type_schema(type_: Any, definitions: dict[str, Schema]) -> Schema:
    if type_ in _VALUE_REFERENCES:
        return {"$ref": f"#/$defs/{_VALUE_REFERENCES[type_]}"}
    origin, arguments = typing.get_origin(type_), typing.get_args(type_)
    if origin in (typing.Union, types.UnionType):
        present = [argument for argument in arguments if argument is not type(None)]
        joined: object = typing.Union[tuple(present)]  # noqa: UP007 - the union without None
        if len(present) == 1 or joined in _VALUE_REFERENCES:
            schema = _type_schema(present[0] if len(present) == 1 else joined, definitions)
        else:
            schema = {"anyOf": [_type_schema(argument, definitions) for argument in present]}
        if len(present) < len(arguments):
            return {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is tuple:
        return {"type": "array", "items": _type_schema(arguments[0], definitions)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(arguments[1], definitions)}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if type_ in simple:
        return {"type": simple[type_]}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"enum": [member.value for member in type_]}
    if attrs.has(type_):
        return _define_class(type_, definitions)
    raise TypeError(f"no JSON Schema for {type_!r}")
