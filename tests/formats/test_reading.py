"""Specification of sanctionkit.formats._reading: lenient values, remembered results, problems."""

from __future__ import annotations

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import _reading
from sanctionkit.formats._reading import Reading
from sanctionkit.model import CountryRoleKind
from sanctionkit.values.countries import parse_country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text that reaches parse_date through a Reading."""
    calls: list[str] = []

    def counting(text: str) -> object:
        calls.append(text)
        return parse_date(text)

    monkeypatch.setattr(_reading, "parse_date", counting)
    return calls


def test_a_repeated_bad_value_is_parsed_once_and_reported_at_each_record(
    counted: list[str],
) -> None:
    reading = Reading(file="list.xml")
    for record in ("1", "2", "3"):
        assert reading.date("#REF!", record=record, field="DOB") is None
    assert counted == ["#REF!"]
    assert [(p.record, p.field, p.value) for p in reading.problems] == [
        ("1", "DOB", "#REF!"),
        ("2", "DOB", "#REF!"),
        ("3", "DOB", "#REF!"),
    ]
    assert len({p.message for p in reading.problems}) == 1
    assert "cannot parse date '#REF!'" in reading.problems[0].message


def test_a_repeated_good_value_is_parsed_once(counted: list[str]) -> None:
    reading = Reading(file="list.xml")
    first = reading.date("1962", record="1", field="DOB")
    assert reading.date("1962", record="2", field="DOB") is first
    assert counted == ["1962"]
    assert reading.problems == []


def test_a_remembered_failure_still_raises_in_strict_mode(counted: list[str]) -> None:
    reading = Reading(file="list.xml", strict=True)
    for record in ("1", "2"):
        with pytest.raises(ReadError) as caught:
            reading.date("#REF!", record=record, field="DOB")
        assert caught.value.problem.record == record


def test_a_country_field_holds_names_by_default() -> None:
    reading = Reading(file="list.xml")
    assert reading.country("Namibia", record="1", field="nationality").alpha2 == "NA"
    assert reading.country("to", record="2", field="nationality") is None
    assert [(p.record, p.value) for p in reading.problems] == [("2", "to")]
    assert "bare ISO code" in reading.problems[0].message


def test_a_country_field_of_codes_reads_codes() -> None:
    reading = Reading(file="list.xml")
    assert reading.country("NA", record="1", field="iso", codes=True).name == "Namibia"
    assert reading.country("TO", record="1", field="iso", codes=True).name == "Tonga"
    assert reading.problems == []


@pytest.mark.parametrize("codes", [True, False])
@pytest.mark.parametrize("text", ["n/a", "N/A", "not available"])
def test_not_available_is_an_empty_field_in_any_country_field(text: str, codes: bool) -> None:
    reading = Reading(file="list.xml", strict=True)  # strict: no problem at all, not a kept one
    assert reading.country(text, record="1", field="nationality", codes=codes) is None
    assert reading.problems == []


def test_na_is_an_empty_field_of_names_and_namibia_in_a_field_of_codes() -> None:
    reading = Reading(file="list.xml")
    assert reading.country("na", record="1", field="citizenship") is None
    assert reading.country("NA", record="1", field="citizenship") is None
    assert reading.country("NA", record="1", field="iso", codes=True).name == "Namibia"
    assert reading.problems == []


@pytest.mark.parametrize(
    ("read", "text", "code"),
    [
        (Reading.date, "#REF!", "invalid-date"),
        (Reading.country, "Atlantis", "unknown-country"),
        (Reading.imo_number, "IMO 9683741", "invalid-imo"),  # the check digit of 968374 is 0
    ],
)
def test_a_remembered_failure_keeps_its_problem_code(read: object, text: str, code: str) -> None:
    reading = Reading(file="list.xml")
    for record in ("1", "2"):
        assert read(reading, text, record=record, field="f") is None  # type: ignore[operator]
    assert [(p.record, p.code) for p in reading.problems] == [("1", code), ("2", code)]


def test_intern_gives_one_object_for_equal_values_of_one_type() -> None:
    reading = Reading(file="list.xml")
    first = reading.intern("".join(["Russia", " / Russie"]))
    assert reading.intern("Russia / Russie") is first
    pair = reading.intern(("a", "b"))
    assert reading.intern(tuple("ab")) is pair
    assert reading.intern(1) == 1
    assert reading.intern(True) is True


def test_unique_id_takes_the_first_free_candidate_and_reports_a_later_one() -> None:
    reading = Reading(file="list.xml")
    said = "another record has the same Item; this one is {id}"
    assert reading.unique_id(["ca-1"], duplicate=said, record="a") == "ca-1"
    assert reading.unique_id(["ca-1", "ca-1-2"], duplicate=said, record="b", field="Item") == (
        "ca-1-2"
    )
    assert [(p.message, p.record, p.field) for p in reading.problems] == [
        ("another record has the same Item; this one is ca-1-2", "b", "Item")
    ]
    assert reading.unique_id(["ca-1", "ca-1-2"], duplicate=said, record="c") is None


def test_unique_id_reads_an_endless_candidate_list_lazily() -> None:
    import itertools

    reading = Reading(file="list.xml")
    said = "{id}"
    ids = [
        reading.unique_id(
            itertools.chain(["x"], (f"x-{n}" for n in itertools.count(2))), duplicate=said, record=r
        )
        for r in "abc"
    ]
    assert ids == ["x", "x-2", "x-3"]


def test_a_parser_of_the_list_s_own_shares_the_reading_s_cache() -> None:
    calls: list[str] = []

    def day_first(text: str) -> PartialDate | DateRange:
        calls.append(text)
        return parse_date(text, dayfirst=True)

    reading = Reading(file="list.xml")
    first = reading.date("1.2.2003", record="1", field="d", parse=day_first)
    again = reading.date("1.2.2003", record="2", field="d", parse=day_first)
    assert first is again
    assert calls == ["1.2.2003"]
    assert first is not None
    assert first.isoformat() == "2003-02-01"


def test_date_range_reports_an_end_before_the_start() -> None:
    reading = Reading(file="list.xml")
    found = reading.date_range(
        PartialDate(1970), PartialDate(1960), text="1970/1960", record="7", field="DOB"
    )
    assert found is None
    assert [(p.record, p.field, p.value) for p in reading.problems] == [("7", "DOB", "1970/1960")]


def test_date_range_marks_both_ends_approximate() -> None:
    reading = Reading(file="list.xml")
    found = reading.date_range(
        PartialDate(1960), PartialDate(1962), text="x", record="1", field="d", approximate=True
    )
    assert found is not None
    assert found.isoformat() == "1960~/1962~"


def test_date_parts_give_one_shared_date_with_the_missing_parts_left_out() -> None:
    reading = Reading(file="list.xml")
    first = reading.date_parts("1962", "2", "", record="1", field="birthdate", approximate=True)
    again = reading.date_parts("1962", "2", "", record="2", field="birthdate", approximate=True)
    assert first == PartialDate(1962, 2, None, approximate=True)
    assert first is again
    assert reading.problems == []


@pytest.mark.parametrize(
    ("parts", "value"),
    [
        (("1962", "2", "30"), "30.2.1962"),
        (("19x2", "", ""), "19x2"),
        (("1962", "13", ""), "13.1962"),
    ],
)
def test_bad_date_parts_are_a_problem_naming_them_day_first(
    parts: tuple[str, str, str], value: str
) -> None:
    reading = Reading(file="list.xml")
    assert reading.date_parts(*parts, record="9", field="birthdate") is None
    assert [(p.record, p.field, p.value) for p in reading.problems] == [("9", "birthdate", value)]


def test_address_joins_the_given_parts_in_order_and_shares_equal_places() -> None:
    reading = Reading(file="list.xml")
    first = reading.address(["Street 1", "", "Minsk", ""], city="Minsk")
    again = reading.address(["Street 1", "Minsk"], city="Minsk")
    assert first is not None
    assert (first.full, first.city, first.country) == ("Street 1, Minsk", "Minsk", None)
    assert first is again


def test_address_of_empty_parts_is_none() -> None:
    assert Reading(file="list.xml").address(["", ""], city="") is None


def test_country_role_is_one_object_per_country_and_role() -> None:
    reading = Reading(file="list.xml")
    korea = parse_country("KP", codes=True)
    first = reading.country_role(korea, CountryRoleKind.CITIZENSHIP)
    assert first is reading.country_role(korea, CountryRoleKind.CITIZENSHIP)
    assert first != reading.country_role(korea, CountryRoleKind.LOCATION)
    assert (first.country.alpha2, first.role) == ("KP", CountryRoleKind.CITIZENSHIP)


def test_first_time_is_true_once_per_key_and_reading() -> None:
    reading = Reading(file="list.xml")
    assert [reading.first_time(key) for key in ("a", "b", "a", "b")] == [True, True, False, False]
    assert Reading(file="other.xml").first_time("a")


def test_choice_looks_a_word_up_in_lower_case_and_reports_an_unknown_one() -> None:
    reading = Reading(file="list.xml")
    table = {"low": "weak", "good": "strong"}
    said = "unknown alias QUALITY"
    assert reading.choice(table, "Good", record="1", field="QUALITY", message=said) == "strong"
    assert reading.choice(table, "", record="2", field="QUALITY", message=said) is None
    unknown = reading.choice(
        table, "mediocre", record="3", field="QUALITY", message=said, value="!"
    )
    assert unknown is None
    assert [(p.record, p.field, p.message, p.value) for p in reading.problems] == [
        ("3", "QUALITY", said, "!")
    ]


@pytest.mark.parametrize(
    ("file", "expected"),
    [("/data/eu/export.xml", "export.xml"), ("<stream>", "usual.xml"), ("", "usual.xml")],
)
def test_file_name_is_the_path_s_last_part_or_the_list_s_usual_name(
    file: str, expected: str
) -> None:
    assert Reading(file=file).file_name("usual.xml") == expected
