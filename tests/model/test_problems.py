"""Specification of Problem: where, what, and a code that a user can accept."""

from __future__ import annotations

import pytest

import sanctionkit as sk


@pytest.mark.parametrize(
    ("where", "code"),
    [
        ({"record": "7", "field": "imo"}, "invalid-value"),
        ({"field": "Publish_Date"}, "invalid-value"),
        ({"record": "7"}, "invalid-record"),
        ({}, "invalid-file"),
    ],
)
def test_a_problem_without_a_code_is_coded_by_what_it_names(
    where: dict[str, str], code: str
) -> None:
    assert sk.Problem(message="bad", **where).code == code


def test_a_given_code_is_kept_and_must_be_lower_case_hyphenated_words() -> None:
    assert sk.Problem(message="bad", code="invalid-imo").code == "invalid-imo"
    with pytest.raises(ValueError, match="lower-case words"):
        sk.Problem(message="bad", code="Invalid IMO")


@pytest.mark.parametrize(
    ("rules", "accepted"),
    [
        (["invalid-imo"], True),
        (["invalid-imo:19569"], True),
        (["invalid-imo:19570"], False),
        (["unknown-country"], False),
        (["unknown-country", "invalid-imo:19569"], True),
        ([], False),
    ],
)
def test_a_rule_accepts_a_code_everywhere_or_in_one_record(
    rules: list[str], accepted: bool
) -> None:
    problem = sk.Problem(message="bad check digit", record="19569", code="invalid-imo")
    assert problem.accepted_by(rules) is accepted


def test_a_problem_and_its_code_come_back_from_json() -> None:
    problem = sk.Problem(message="bad", record="7", code="invalid-imo", accepted=True)
    assert sk.from_json(sk.to_json(problem), sk.Problem) == problem


def test_the_json_of_a_problem_always_has_its_code() -> None:
    # Scripts match on the code: it is written even when it is the derived default.
    assert '"code": "invalid-record"' in sk.to_json(sk.Problem(message="bad", record="7"))


def test_the_json_schema_of_a_problem_knows_code_and_accepted() -> None:
    properties = sk.json_schema()["$defs"]["line_problem"]["properties"]
    assert properties["code"] == {"type": "string"}
    assert properties["accepted"] == {"type": "boolean"}


def test_unaccepted_problems_leave_out_the_accepted() -> None:
    known = sk.Problem(message="known", code="invalid-imo", accepted=True)
    new = sk.Problem(message="new", code="invalid-imo")
    dataset = sk.Dataset(problems=[known, new])
    assert dataset.problems == (known, new)
    assert dataset.unaccepted_problems == (new,)
