"""Specification of sk.diff: what changed between two versions of a list."""

from __future__ import annotations

import csv
from pathlib import Path

import sanctionkit as sk
from tests.conftest import shared_file

OFAC = sk.Authority(name="OFAC", country="US")


def version(
    *records: tuple[str, str], programmes: dict[str, list[str]] | None = None
) -> sk.Dataset:
    """A dataset of vessels, each listed by OFAC under its reference."""
    programmes = programmes or {}
    return sk.Dataset(
        entities=[sk.Vessel(id=f"ofac-{ref}", name=name) for ref, name in records],
        designations=[
            sk.Designation(
                entity_id=f"ofac-{ref}",
                authority=OFAC,
                authority_ref=ref,
                programmes=programmes.get(ref, ["DPRK"]),
            )
            for ref, _ in records
        ],
    )


def test_identical_versions_have_no_differences() -> None:
    changes = sk.diff(version(("1", "MARIA")), version(("1", "MARIA")))
    assert not changes
    assert changes.summary() == "0 added, 0 removed, 0 changed"


def test_reordering_a_file_is_no_change() -> None:
    old = version(("1", "MARIA"), ("2", "MAIA-1"))
    new = version(("2", "MAIA-1"), ("1", "MARIA"))
    assert not sk.diff(old, new)


def test_records_are_matched_by_the_lists_own_reference_not_by_entity_id() -> None:
    old = version(("1", "MARIA"))
    renamed = sk.Dataset(
        entities=[sk.Vessel(id="another-id", name="MARIA")],
        designations=[sk.Designation(entity_id="another-id", authority=OFAC, authority_ref="1")],
    )
    changes = sk.diff(old, renamed)
    assert not changes.added
    assert not changes.removed
    assert [change.key for change in changes.changed] == [("OFAC", "1")]


def test_added_and_removed_designations_lead_to_their_entities() -> None:
    old = version(("1", "MARIA"), ("2", "MAIA-1"))
    new = version(("1", "MARIA"), ("3", "NEW SHIP"))
    changes = sk.diff(old, new)
    assert [new.get(d.entity_id).name for d in changes.added] == ["NEW SHIP"]  # type: ignore[union-attr]
    assert [old.get(d.entity_id).name for d in changes.removed] == ["MAIA-1"]  # type: ignore[union-attr]


def test_a_changed_record_names_the_fields_that_differ() -> None:
    old = version(("1", "MARIA"))
    new = version(("1", "MARIA II"), programmes={"1": ["DPRK", "RUSSIA-EO14024"]})
    (change,) = sk.diff(old, new).changed
    assert change.fields == ("designation.programmes", "entity.name")
    assert (change.old_entity.name, change.new_entity.name) == ("MARIA", "MARIA II")  # type: ignore[union-attr]


def test_citing_a_newer_file_is_no_change() -> None:
    old = version(("1", "MARIA"))
    source = sk.Source(title="sdn.csv of the next day")
    new = sk.Dataset(
        entities=[sk.Vessel(id="ofac-1", name="MARIA", sources=[source])],
        designations=[
            sk.Designation(
                entity_id="ofac-1",
                authority=OFAC,
                authority_ref="1",
                programmes=["DPRK"],
                sources=[source],
            )
        ],
    )
    assert not sk.diff(old, new)


def test_json_round_trip_is_no_change() -> None:
    dataset = sk.builtin_dataset()
    assert not sk.diff(dataset, sk.loads(sk.dumps(dataset)))


def _rows(path: Path) -> dict[str, list[str]]:
    with path.open(encoding="latin-1", newline="") as file:
        return {row[0]: row for row in csv.reader(file) if row and row[0].strip().isdigit()}


def test_two_days_of_ofac_agree_with_a_row_by_row_comparison() -> None:
    old_path = shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-02.csv")
    new_path = shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv")
    old_rows, new_rows = _rows(old_path), _rows(new_path)
    changes = sk.diff(sk.load(old_path), sk.load(new_path))
    assert {d.authority_ref for d in changes.added} == set(new_rows) - set(old_rows)
    assert {d.authority_ref for d in changes.removed} == set(old_rows) - set(new_rows)
    rows_changed = {
        key for key in old_rows.keys() & new_rows.keys() if old_rows[key] != new_rows[key]
    }
    assert {change.key[1] for change in changes.changed} == rows_changed


# --- the values of a change ---------------------------------------------------------------


def test_a_change_carries_the_old_and_new_value_of_each_field() -> None:
    old = version(("1", "MARIA"))
    new = version(("1", "MARIA II"))
    (change,) = sk.diff(old, new).changed
    (name,) = change.values
    assert (name.field, name.old, name.new) == ("entity.name", "MARIA", "MARIA II")
    assert str(name) == "entity.name: 'MARIA' -> 'MARIA II'"


def test_a_list_field_says_which_items_were_added_and_removed() -> None:
    old = version(("1", "MARIA"), programmes={"1": ["DPRK", "UKRAINE-EO13662"]})
    new = version(("1", "MARIA"), programmes={"1": ["DPRK", "MAGNIT"]})
    (change,) = sk.diff(old, new).changed
    (programmes,) = change.values
    assert programmes.field == "designation.programmes"
    assert (programmes.added, programmes.removed) == (("MAGNIT",), ("UKRAINE-EO13662",))
    assert (programmes.old, programmes.new) == (("DPRK", "UKRAINE-EO13662"), ("DPRK", "MAGNIT"))
    assert str(programmes) == ("designation.programmes: added 'MAGNIT', removed 'UKRAINE-EO13662'")


def test_list_items_that_are_records_show_as_their_json() -> None:
    old = sk.Dataset(
        entities=[sk.Vessel(id="v", name="MARIA", aliases=[sk.Alias(name="MARIA 1")])],
        designations=[sk.Designation(entity_id="v", authority=OFAC, authority_ref="1")],
    )
    new = sk.Dataset(
        entities=[sk.Vessel(id="v", name="MARIA", flag="RU")],
        designations=[sk.Designation(entity_id="v", authority=OFAC, authority_ref="1")],
    )
    (change,) = sk.diff(old, new).changed
    aliases, flag = change.values
    assert aliases.removed == (sk.Alias(name="MARIA 1"),)
    assert aliases.added == ()
    assert str(aliases) == 'entity.aliases: removed {"name": "MARIA 1"}'
    assert (flag.old, flag.new) == (None, sk.parse_country("RU"))
    assert str(flag) == "entity.flag: null -> 'RU'"


def test_fields_and_values_name_the_same_fields_in_the_same_order() -> None:
    old = version(("1", "MARIA"))
    new = version(("1", "MARIA II"), programmes={"1": ["DPRK", "RUSSIA-EO14024"]})
    (change,) = sk.diff(old, new).changed
    assert tuple(value.field for value in change.values) == change.fields


def test_old_and_new_values_agree_with_the_rows_of_two_real_ofac_files() -> None:
    old_path = shared_file("ofac/sdn-csv-2021/sdn.csv")
    new_path = shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv")
    old_rows, new_rows = _rows(old_path), _rows(new_path)
    changes = sk.diff(sk.load(old_path), sk.load(new_path))
    by_ref = {change.key[1]: change for change in changes.changed}

    def programmes(row: list[str]) -> list[str]:
        return [p.strip() for p in row[3].strip().strip("[]").split("] [") if p.strip()]

    renamed = [ref for ref in by_ref if old_rows[ref][1].strip() != new_rows[ref][1].strip()]
    reprogrammed = [ref for ref in by_ref if programmes(old_rows[ref]) != programmes(new_rows[ref])]
    assert len(renamed) > 10
    assert len(reprogrammed) > 10
    for ref in renamed:
        (name,) = [v for v in by_ref[ref].values if v.field == "entity.name"]
        assert (name.old, name.new) == (old_rows[ref][1].strip(), new_rows[ref][1].strip())
    for ref in reprogrammed:
        (change,) = [v for v in by_ref[ref].values if v.field == "designation.programmes"]
        was, now = programmes(old_rows[ref]), programmes(new_rows[ref])
        assert list(change.added) == [p for p in now if p not in was]
        assert list(change.removed) == [p for p in was if p not in now]
