"""Relationship: stated links between entities, carried by a dataset and its exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.formats import ftm, jsonl

OWNED = "owned_or_controlled_by"


@pytest.fixture
def fleet() -> sk.Dataset:
    """A company owning two ships and a subsidiary; a director; a former owner of one ship."""
    return sk.Dataset(
        entities=[
            sk.Organization(id="co", name="SHIPPING CO"),
            sk.Organization(id="sub", name="SUBSIDIARY"),
            sk.Organization(id="old", name="OLD OWNER"),
            sk.Vessel(id="v1", name="ONE", imo="9187629"),
            sk.Vessel(id="v2", name="TWO"),
            sk.Person(id="p", name="DIRECTOR"),
        ],
        relationships=[
            sk.Relationship(subject_id="v1", object_id="co", kind=OWNED),
            sk.Relationship(subject_id="v2", object_id="co", kind=OWNED),
            sk.Relationship(subject_id="sub", object_id="co", kind=OWNED),
            sk.Relationship(subject_id="v1", object_id="old", kind=OWNED, former=True),
            sk.Relationship(subject_id="p", object_id="co", kind="leader_of"),
        ],
    )


def test_which_vessels_does_this_company_own(fleet: sk.Dataset) -> None:
    assert [ship.name for ship in fleet.assets_of("co", sk.Vessel)] == ["ONE", "TWO"]
    assert [entity.id for entity in fleet.assets_of("co")] == ["v1", "v2", "sub"]


def test_who_controls_it_leaves_out_former_owners(fleet: sk.Dataset) -> None:
    assert [owner.id for owner in fleet.controllers_of("v1")] == ["co"]
    assert fleet.assets_of("old") == sk.EntityView([])
    assert len(fleet.relationships_of("v1")) == 2  # the former link is still there
    assert [link.subject_id for link in fleet.relationships_of("co", "leader_of")] == ["p"]


def test_a_relationship_must_join_two_entities_of_the_dataset() -> None:
    with pytest.raises(ValueError, match="does not hold: nobody"):
        sk.Dataset(
            entities=[sk.Vessel(id="v", name="V")],
            relationships=[sk.Relationship(subject_id="v", object_id="nobody", kind=OWNED)],
        )
    with pytest.raises(ValueError, match="with itself"):
        sk.Relationship(subject_id="v", object_id="v", kind=OWNED)
    with pytest.raises(ValueError, match="'owns' is not a valid RelationshipKind"):
        sk.Relationship(subject_id="v", object_id="w", kind="owns")


def test_json_lines_carry_relationships(fleet: sk.Dataset) -> None:
    text = jsonl.dumps(fleet)
    line = json.loads(text.splitlines()[7])
    assert line == {"type": "relationship", "subject_id": "v1", "object_id": "co", "kind": OWNED}
    back = jsonl.loads(text)
    assert back == fleet
    assert back.relationships == fleet.relationships


def test_json_lines_reject_a_relationship_to_an_absent_entity(fleet: sk.Dataset) -> None:
    text = jsonl.dumps(fleet).replace('"object_id": "old"', '"object_id": "gone"')
    back = jsonl.loads(text)
    assert len(back.relationships) == 4
    (problem,) = back.problems
    assert (problem.code, problem.field, problem.value) == ("rejected-record", "object_id", "gone")
    assert back.metadata["records_rejected"] == 1


def test_every_relationship_line_matches_the_json_schema(fleet: sk.Dataset) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = sk.json_schema()
    for line in jsonl.dumps(fleet).splitlines():
        jsonschema.validate(json.loads(line), schema)
    bad = {"type": "relationship", "subject_id": "a", "object_id": "b", "kind": "owns"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_ftm_writes_ownership_and_directorship(fleet: sk.Dataset) -> None:
    lines = [json.loads(line) for line in ftm.dumps(fleet).splitlines()]
    links = {line["schema"]: line for line in lines if line["schema"] != "Organization"}
    ownership = [line for line in lines if line["schema"] == "Ownership"]
    # The ships and, since an FtM Organization is no Asset, not the subsidiary.
    assert sorted(line["properties"]["asset"][0] for line in ownership) == ["v1", "v1", "v2"]
    assert {tuple(line["properties"]["owner"]) for line in ownership} == {("co",), ("old",)}
    former = [line for line in ownership if line["properties"]["owner"] == ["old"]]
    assert former[0]["properties"]["status"] == ["former"]
    directorship = links["Directorship"]["properties"]
    assert (directorship["director"], directorship["organization"]) == (["p"], ["co"])
    unknown = links["UnknownLink"]["properties"]
    assert (unknown["subject"], unknown["object"]) == (["sub"], ["co"])


def test_ftm_links_are_valid_for_followthemoney(fleet: sk.Dataset) -> None:
    model = pytest.importorskip("followthemoney").model
    for line in ftm.dumps(fleet).splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            assert proxy.get(prop) == values, (data["schema"], prop)


def test_parquet_has_a_relationships_table(fleet: sk.Dataset, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    written = fleet.write_parquet(tmp_path)
    assert tmp_path / "relationships.parquet" in written
    table = parquet.read_table(tmp_path / "relationships.parquet").to_pylist()
    assert table[0] == {
        "subject_id": "v1",
        "object_id": "co",
        "kind": OWNED,
        "former": False,
        "note": None,
        "source": None,
    }
    assert len(table) == 5


def test_merge_keeps_relationships_between_the_joined_entities(fleet: sk.Dataset) -> None:
    other = sk.Dataset(
        entities=[
            sk.Vessel(id="x-1", name="ONE", imo="9187629"),
            sk.Organization(id="x-2", name="Y"),
        ],
        relationships=[sk.Relationship(subject_id="x-1", object_id="x-2", kind=OWNED)],
    )
    merged = sk.merge(fleet, other)
    assert [owner.id for owner in merged.controllers_of("v1")] == ["co", "x-2"]
    assert len(merged.relationships) == 6
