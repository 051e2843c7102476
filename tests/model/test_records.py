"""What every record class of the model promises, checked once over all of them.

Frozen, slotted, evolvable, equal and hash-equal by value; and the error contract:
a value a field cannot hold is an InvalidFieldError (a ValueError), a value of the
wrong type a RecordTypeError (a TypeError), both SanctionkitErrors naming the
record and the field. The examples are the domain's, defined beside each module's
own tests (entities, sanctions, transfers) and here for Source and Problem.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import attrs
import pytest
from attrs import AttrsInstance

import sanctionkit as sk
from sanctionkit.model import dataset, entities, sanctions, sources, transfers
from sanctionkit.model._fields import non_empty, optional_non_empty, to_tuple
from tests.model import test_entities, test_sanctions, test_transfers

EXAMPLES: dict[type, Callable[[], AttrsInstance]] = {
    **test_entities.EXAMPLES,
    **test_sanctions.EXAMPLES,
    **test_transfers.EXAMPLES,
    sk.Source: lambda: sk.Source(
        url="https://www.aljazeera.com/news/2024/5/24/japan-south-korea-sanction",
        publisher="Al Jazeera",
        title="Japan, South Korea sanction",
        published="2024-05-24",
        quote="Japan imposed an asset freeze on 11 organisations and one individual",
    ),
    sk.Problem: lambda: sk.Problem(
        message="unknown country 'Atlantis'",
        file="sdn.csv",
        record="36",
        field="nationality",
        value="Atlantis",
        code="unknown-country",
    ),
}
CLASSES = list(EXAMPLES)
BUILDERS = [EXAMPLES[cls] for cls in CLASSES]
NAMES = [cls.__name__ for cls in CLASSES]


def test_every_record_class_of_the_model_has_an_example() -> None:
    # Dataset is the container of records, not one: mutable, and checked by its own tests.
    classes = {
        cls
        for module in (entities, sanctions, transfers, sources, dataset)
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if attrs.has(cls) and cls.__module__ == module.__name__ and cls is not sk.Dataset
    }
    assert classes == set(EXAMPLES)


@pytest.mark.parametrize("build", BUILDERS, ids=NAMES)
def test_a_record_is_frozen_slotted_evolvable_and_equal_by_value(
    build: Callable[[], AttrsInstance],
) -> None:
    record = build()
    name = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, name, getattr(record, name))
    assert "__slots__" in type(record).__dict__
    assert not hasattr(record, "__dict__")
    # The plugin of mypy types evolve() for a named class only, hence the ignore.
    assert attrs.evolve(record) == record  # type: ignore[misc]
    second = build()
    assert record == second
    assert hash(record) == hash(second)
    assert len({record, second}) == 1


_TEXT_CHECKS = (non_empty, optional_non_empty)


def _text_fields(cls: type) -> list[str]:
    """The class's text fields that must not be blank, found by their validator."""
    return [field.name for field in attrs.fields(cls) if field.validator in _TEXT_CHECKS]


def _list_fields(cls: type) -> list[str]:
    """The class's list fields that to_tuple converts, found by their converter."""
    return [field.name for field in attrs.fields(cls) if field.converter is to_tuple]


@pytest.mark.parametrize("cls", CLASSES, ids=NAMES)
def test_a_blank_text_is_an_invalid_field_error_naming_record_and_field(cls: type) -> None:
    record = EXAMPLES[cls]()
    for field in _text_fields(cls):
        for blank in ("", "   ", "\t\n"):
            named = rf"{cls.__name__}\.{field} must be"
            with pytest.raises(sk.InvalidFieldError, match=named) as raised:
                attrs.evolve(record, **{field: blank})  # type: ignore[misc]
            error = raised.value
            assert isinstance(error, ValueError)
            assert isinstance(error, sk.SanctionkitError)
            assert (error.record, error.field, error.text) == (cls.__name__, field, blank)


@pytest.mark.parametrize("cls", CLASSES, ids=NAMES)
def test_a_string_for_a_list_field_is_a_record_type_error(cls: type) -> None:
    record = EXAMPLES[cls]()
    for field in _list_fields(cls):
        with pytest.raises(sk.RecordTypeError, match="not the string 'abc'") as raised:
            attrs.evolve(record, **{field: "abc"})  # type: ignore[misc]
        assert isinstance(raised.value, TypeError), field
        assert isinstance(raised.value, sk.SanctionkitError), field


def test_there_are_fields_of_both_kinds_to_check() -> None:
    # The two tests above find their fields by validator and converter: they must find some.
    assert sum(len(_text_fields(cls)) for cls in CLASSES) == 52
    assert sum(len(_list_fields(cls)) for cls in CLASSES) == 48


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: sk.Alias(name="X", quality="strongest"), sk.InvalidFieldError),
        (lambda: sk.CountryRole(country="KP", role="birthplace"), sk.InvalidFieldError),
        (lambda: sk.Person(id="p", name="P", gender="unknown"), sk.InvalidFieldError),
        (lambda: sk.Authority(name="A", kind="club"), sk.InvalidFieldError),
        (lambda: sk.Person(id="p", name="P", notes=[1]), sk.RecordTypeError),
        (lambda: sk.Vessel(id="v", name="V", tonnage="1999"), sk.RecordTypeError),
        (lambda: sk.Organization(id="o", name="O", incorporated="1960 to 1962"), ValueError),
        (lambda: sk.Quantity(amount="many", unit="container"), sk.RecordTypeError),
        (lambda: sk.Claim(party="KP", stance="other"), sk.InvalidFieldError),
        (lambda: sk.Problem(message="m", code="Bad Code"), sk.InvalidFieldError),
        (lambda: sk.Identifier(scheme="cedula", value="1"), sk.UnknownSchemeError),
    ],
)
def test_the_models_checks_raise_typed_errors(
    build: Callable[[], object], error: type[Exception]
) -> None:
    with pytest.raises(error) as raised:
        build()
    assert isinstance(raised.value, sk.SanctionkitError)
    assert isinstance(raised.value, ValueError | TypeError)
