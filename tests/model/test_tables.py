"""Entities and designations as pandas, Arrow and Parquet tables."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sanctionkit as sk

pandas = pytest.importorskip("pandas")
pyarrow = pytest.importorskip("pyarrow")

DS = sk.builtin_dataset()


def test_an_entity_view_is_one_row_per_entity_with_plain_values() -> None:
    frame = DS.vessels.to_pandas()
    assert len(frame) == len(DS.vessels) == 2
    by_name = frame.set_index("name")
    assert by_name.loc["MARIA", "imo"] == "8517839"  # OFAC's IMO number of MARIA
    assert by_name.loc["MARIA", "flag"] == "RU"


def test_list_fields_are_lists_not_extra_rows() -> None:
    frame = DS.persons.to_pandas()
    assert len(frame) == len(DS.persons)
    mikheychik = frame.set_index("id").loc["vladimir-mikheychik"]
    assert mikheychik["birth_dates"] == ["1970-05-16"]
    assert "Vladimir Mikheichik" in mikheychik["aliases"]


def test_side_tables_have_one_row_per_item_keyed_by_entity() -> None:
    aliases = DS.organizations.side_table("aliases")
    assert len(aliases) == sum(len(entity.aliases) for entity in DS.organizations)
    japanese = aliases[aliases["language"] == "ja"]
    assert set(japanese["script"]) == {"Jpan"}
    with pytest.raises(ValueError, match="no side table"):
        DS.organizations.side_table("birth_dates")


def test_designations_come_as_a_table_too() -> None:
    frame = DS.designations.to_pandas()
    assert len(frame) == 24
    # Japan (12) and South Korea (9) listed theirs on 24 May 2024.
    assert (frame["listed"] == "2024-05-24").sum() == 21
    assert DS.designations == tuple(DS.designations)


def test_mixed_kinds_share_one_arrow_table() -> None:
    table = sk.Dataset(
        entities=[sk.Person(id="p", name="P", gender="male"), sk.Vessel(id="v", name="V")]
    ).persons.to_arrow()
    assert table.num_rows == 1
    assert "gender" in table.schema.names


def test_write_parquet_writes_one_file_per_table(tmp_path: Path) -> None:
    import pyarrow.parquet as parquet

    written = DS.write_parquet(tmp_path)
    names = {path.stem for path in written}
    assert {"entities", "designations", "aliases", "identifiers", "addresses"} <= names
    entities = parquet.read_table(tmp_path / "entities.parquet")
    assert entities.num_rows == len(DS)
    designations = parquet.read_table(tmp_path / "designations.parquet").to_pandas()
    assert set(designations["entity_id"]) == {entity.id for entity in DS}


def test_a_missing_extra_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(sk.errors.MissingDependencyError, match=r"sanctionkit\[pandas\]"):
        DS.vessels.to_pandas()


def test_the_entity_type_column_and_the_organization_kind_column_are_two_columns() -> None:
    # Before, an organisation's row said kind="Shipping company" (Organization.kind)
    # where a person's said kind="person": one column with two meanings.
    frame = sk.Dataset(
        entities=[
            sk.Organization(id="o", name="O", kind="Shipping company"),
            sk.Organization(id="o2", name="O2"),
            sk.Person(id="p", name="P"),
        ]
    ).organizations.to_pandas()
    assert frame["entity_type"].tolist() == ["organization", "organization"]
    assert frame["kind"].iloc[0] == "Shipping company"
    assert frame["kind"].isna().iloc[1]
    mixed = sk.Dataset(entities=[sk.Person(id="p", name="P"), sk.Vessel(id="v", name="V")])
    assert [row["entity_type"] for row in mixed.persons.to_arrow().to_pylist()] == ["person"]


def test_parquet_entities_say_their_type_and_designations_have_no_constant_column(
    tmp_path: Path,
) -> None:
    import pyarrow.parquet as parquet

    DS.write_parquet(tmp_path)
    entities = parquet.read_table(tmp_path / "entities.parquet").to_pandas()
    counts = entities["entity_type"].value_counts().to_dict()
    assert counts == {
        "organization": len(DS.organizations),
        "person": len(DS.persons),
        "vessel": len(DS.vessels),
    }
    designations = parquet.read_table(tmp_path / "designations.parquet")
    assert "entity_type" not in designations.schema.names
    assert "kind" not in designations.schema.names
