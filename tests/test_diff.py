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
