"""The closed identifier-scheme vocabulary, as the model and its JSON see it."""

from __future__ import annotations

import json

import pytest

import sanctionkit as sk


def test_a_scheme_is_given_by_member_or_by_name_and_compares_to_its_name() -> None:
    by_member = sk.Identifier(scheme=sk.IdentifierScheme.PASSPORT, value="836420035")
    by_name = sk.Identifier(scheme="passport", value="836420035")
    assert by_member == by_name
    assert by_name.scheme is sk.IdentifierScheme.PASSPORT
    assert by_name.scheme == "passport"
    assert f"{by_name.scheme}" == str(by_name.scheme) == "passport"
    assert "passport" in {by_name.scheme}  # sets of plain names keep working


@pytest.mark.parametrize("scheme", ["cedula_no", "Passport", "", "website"])
def test_a_name_outside_the_set_is_a_typed_error_naming_it(scheme: str) -> None:
    with pytest.raises(sk.UnknownSchemeError, match=repr(scheme)) as raised:
        sk.Identifier(scheme=scheme, value="1")
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, sk.SanctionkitError)
    assert raised.value.text == scheme
    assert "'other'" in str(raised.value)  # says what to do instead


def test_a_scheme_that_is_not_text_is_a_typed_error() -> None:
    with pytest.raises(sk.UnknownSchemeError, match="not int"):
        sk.Identifier(scheme=3, value="1")  # type: ignore[arg-type]


def test_other_keeps_the_sources_label_through_json() -> None:
    number = sk.Identifier(scheme="other", value="12345", label="Electoral Registry No.")
    text = sk.to_json(number)
    assert json.loads(text) == {
        "scheme": "other",
        "value": "12345",
        "label": "Electoral Registry No.",
    }
    assert sk.from_json(text, sk.Identifier) == number


def test_json_with_an_unknown_scheme_is_a_read_error_naming_the_field_and_the_schemes() -> None:
    with pytest.raises(sk.ReadError, match="unknown identifier scheme 'cedula_no'") as raised:
        sk.from_json('{"scheme": "cedula_no", "value": "1"}', sk.Identifier)
    assert raised.value.problem.field == "scheme"
    assert "national_id" in str(raised.value)


def test_the_json_schema_lists_exactly_the_schemes() -> None:
    identifier = sk.json_schema()["$defs"]["Identifier"]["properties"]
    assert identifier["scheme"] == {"enum": [scheme.value for scheme in sk.IdentifierScheme]}
    assert "label" in identifier


def test_the_vocabulary_has_the_kinds_the_issue_names_and_other() -> None:
    names = {scheme.value for scheme in sk.IdentifierScheme}
    assert {
        "passport",
        "national_id",
        "tax_id",
        "registration",
        "imo",
        "mmsi",
        "driving_licence",
        "other",
    } <= names
    assert all(name == name.lower() and " " not in name for name in names)


def test_an_empty_label_is_refused() -> None:
    with pytest.raises(sk.InvalidFieldError, match=r"Identifier\.label"):
        sk.Identifier(scheme="other", value="1", label=" ")
