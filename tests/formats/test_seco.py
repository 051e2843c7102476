"""The reader of Switzerland's SECO list (XML) on a real excerpt and on fixtures in its layout.

``tests/data/real/seco/`` holds four real targets (provenance in
tests/data/real/README.md); ``tests/data/seco/`` a hand-made file in the real
layout with the cases the excerpt lacks (sanctions programmes, places, edge
cases) and a sample amendment file in the layout (see its README). Expected
values are the files' own text; the counts of targets come from a plain
ElementTree pass over the root's children, not from the reader.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.errors import ReadError
from sanctionkit.formats import detect_format, seco
from sanctionkit.model import (
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Entity,
    Gender,
    IdentifierScheme,
    Measure,
    Organization,
    Person,
    Relationship,
    RelationshipKind,
    Vessel,
)

DATA = Path(__file__).resolve().parents[1] / "data"
REAL = DATA / "real" / "seco" / "ch_sample-2026-08-15-excerpt.xml"
SMALL = DATA / "seco" / "seco-small.xml"
AMENDMENT = DATA / "seco" / "seco-amendment-sample.xml"


def targets(path: Path) -> int:
    """The targets right under the root, counted by ElementTree (copies in modifications not)."""
    return len(ET.parse(path).getroot().findall("target"))


@pytest.fixture(scope="module")
def real() -> Dataset:
    return sk.load(REAL)


@pytest.fixture(scope="module")
def small() -> Dataset:
    return sk.load(SMALL)


def entity(ds: Dataset, entity_id: str, cls: type[Entity]) -> Entity:
    found = ds.get(entity_id)
    assert isinstance(found, cls), found
    return found


# The excerpt: 4 targets, every one kept; the fixture: 7 targets, a repeated ssid and a
# target without a name rejected; the amendment sample: 3 targets.
@pytest.mark.parametrize(
    ("path", "read", "returned"),
    [(REAL, 4, 4), (SMALL, 7, 5), (AMENDMENT, 3, 3)],
)
def test_counts_add_up_to_the_targets_of_the_file(path: Path, read: int, returned: int) -> None:
    ds = sk.load(path)
    assert targets(path) == read
    assert ds.metadata["format"] == "seco-xml"
    assert ds.metadata["records_read"] == read
    assert ds.metadata["records_returned"] == returned == len(ds.entities)
    assert ds.metadata["records_rejected"] == read - returned


def test_the_list_is_detected_by_its_root() -> None:
    assert detect_format(REAL.read_bytes()[:200]) == "seco-xml"
    assert not seco.sniff(b"<Designations>")


def test_the_real_excerpt_metadata(real: Dataset) -> None:
    assert real.metadata["publish_date"] == "2026-08-15"
    assert real.metadata["list_type"] == "whole-list"
    assert real.metadata["records_delisted"] == 1


def test_a_person_of_the_excerpt(real: Dataset) -> None:
    person = entity(real, "seco-85396", Person)
    assert isinstance(person, Person)
    # name-parts in their order: family, given, father's name
    assert person.name == "Zamulevich Dzmitry Mihaylavych"
    assert person.gender is Gender.MALE
    assert [d.isoformat() for d in person.birth_dates] == ["1974-05-07"]
    assert [(c.country.alpha2, c.role) for c in person.countries] == [
        ("BY", CountryRoleKind.NATIONALITY)
    ]
    documents = {
        (i.scheme, i.value, i.country.alpha2 if i.country else None) for i in person.identifiers
    }
    assert documents == {
        (IdentifierScheme.PASSPORT, "BM2229283", "BY"),
        (IdentifierScheme.NATIONAL_ID, "3070574E057PB8", "BY"),
    }
    russian = [a for a in person.aliases if a.language == "ru" and a.script == "Cyrl"]
    assert [a.name for a in russian] == ["ЗАМУЛЕВИЧ Дмитрий Михайлович"]
    assert "Part-owner of Vlate Logistik LLC" in person.notes
    designation = real.designations_of("seco-85396")[0]
    assert designation.listed is not None
    assert designation.listed.isoformat() == "2024-12-24"
    assert designation.delisted is None
    assert designation.reasons[0].startswith("Dzmitry Zamulevich is part-owner")


def test_a_delisted_target_is_kept_with_its_delisting_date(real: Dataset) -> None:
    """Its latest modification (2013-12-20) de-lists it; the history's copies are not read."""
    company = entity(real, "seco-5816", Organization)
    designation = real.designations_of("seco-5816")[0]
    assert designation.delisted is not None
    assert designation.delisted.isoformat() == "2013-12-20"
    # the current justification, not the one the "listed" modification's copy holds
    assert designation.reasons == ("Entity controlled by Vladimir Peftiev.",)
    assert not [note for note in company.notes if "5300" in note]
    assert not [p for p in real.problems if p.code == "rejected-record"]


def test_a_relation_with_a_target_the_excerpt_does_not_hold_is_a_problem(real: Dataset) -> None:
    """5816's <relation ssid="6010" target-id="5300" relation-type="related-to">: 5300 is cut."""
    assert real.relationships == ()
    assert (real.metadata["relationships_read"], real.metadata["relationships_returned"]) == (1, 0)
    assert len(ET.parse(REAL).getroot().findall("target/*/relation")) == 1
    problem = next(p for p in real.problems if p.field == "relation")
    assert (problem.record, problem.code) == ("5816", "unknown-profile")
    assert problem.value == "related-to seco-5300 (relation 6010)"


def test_a_relation_is_a_relationship_of_the_dataset(small: Dataset) -> None:
    """Target 200's <relation ssid="207" target-id="100" relation-type="related-to"/>."""
    assert len(ET.parse(SMALL).getroot().findall("target/*/relation")) == 1
    assert small.relationships == (
        Relationship(
            subject_id="seco-200",
            object_id="seco-100",
            kind=RelationshipKind.LINKED_TO,
            note="related-to (relation 207)",
            source=small.designations_of("seco-200")[0].sources[0],
        ),
    )
    assert small.relationships_of("seco-100") == small.relationships
    meta = small.metadata
    assert (meta["relationships_read"], meta["relationships_returned"]) == (1, 1)
    assert not [n for n in entity(small, "seco-200", Organization).notes if "Relation" in n]


def _with_relations(relations: str) -> bytes:
    """Targets 1 and 2, the first with these relations (2 comes after it in the file)."""
    targets = "".join(
        f'<target ssid="{ssid}"><entity><identity ssid="{ssid}0" main="true">'
        f'<name name-type="primary-name" quality="good"><name-part order="1" '
        f'name-part-type="whole-name"><value>Company {ssid}</value></name-part></name>'
        f"</identity>{relations if ssid == 1 else ''}</entity></target>"
        for ssid in (1, 2)
    )
    return f'<swiss-sanctions-list list-type="whole-list">{targets}</swiss-sanctions-list>'.encode()


@pytest.mark.parametrize(
    ("relation", "kind", "problem"),
    [
        ('<relation ssid="9" target-id="2" relation-type="related-to"/>', "linked_to", None),
        (
            '<relation ssid="9" target-id="2" relation-type="owned-by"/>',
            "linked_to",
            ("relation/@relation-type", "owned-by seco-2 (relation 9)"),
        ),
        (
            '<relation ssid="9" target-id="3" relation-type="related-to"/>',
            None,
            ("relation", "related-to seco-3 (relation 9)"),
        ),
        (
            '<relation ssid="9" target-id="1" relation-type="related-to"/>',
            None,
            ("relation", "related-to seco-1 (relation 9)"),
        ),
        (
            '<relation ssid="9" relation-type="related-to"/>',
            None,
            ("relation", "relation-type related-to, target-id (none)"),
        ),
        (
            '<relation ssid="9" target-id="2" relation-type="related-to"><share>51%</share>'
            "</relation>",
            "linked_to",
            ("relation/share", "51%"),
        ),
    ],
    ids=["related-to", "unknown-type", "absent-target", "itself", "no-target-id", "child"],
)
def test_each_relation_is_a_relationship_or_a_problem(
    relation: str, kind: str | None, problem: tuple[str, str] | None
) -> None:
    ds = seco.read(io.BytesIO(_with_relations(relation)), name="t.xml")
    assert [(r.subject_id, r.object_id, r.kind.value) for r in ds.relationships] == (
        [("seco-1", "seco-2", kind)] if kind else []
    )
    found = [(p.field, p.value) for p in ds.problems if p.field and "relation" in p.field]
    assert found == ([problem] if problem else [])
    if problem is not None:
        with pytest.raises(ReadError):
            seco.read(io.BytesIO(_with_relations(relation)), name="t.xml", strict=True)


def test_a_vessel_and_a_former_name(real: Dataset) -> None:
    vessel = entity(real, "seco-34461", Vessel)
    assert isinstance(vessel, Vessel)
    assert vessel.imo == "8405270"  # given only as "IMO Number: 8405270"
    assert [a.name for a in vessel.aliases] == ["Hwang Gum San 2"]
    person = entity(real, "seco-52941", Person)
    assert isinstance(person, Person)
    assert person.gender is Gender.FEMALE
    former = [a.name for a in person.aliases if a.quality is AliasQuality.FORMER]
    assert former == ["Putina"]
    assert len(real.designations_of("seco-52941")[0].reasons) == 2


def test_the_excerpt_has_no_programmes_so_each_set_id_is_a_problem(real: Dataset) -> None:
    unresolved = [p.value for p in real.problems if p.field == "sanctions-set-id"]
    assert unresolved == ["4387", "4387", "34422", "27286"]
    # and the one relation names a target the excerpt does not hold (see above)
    assert len(real.problems) == 4 + 1


# --- the fixture: programmes, places and edge cases -------------------------------------


def test_programmes_sets_and_measures(small: Dataset) -> None:
    designation = small.designations_of("seco-100")[0]
    assert designation.programmes == ("Belarus",)
    assert [basis.title for basis in designation.legal_basis] == [
        "Ordinance of 11 December 2020 on measures against Belarus"
    ]
    assert designation.measures == (Measure.ASSET_FREEZE, Measure.TRAVEL_BAN)
    assert designation.measure_notes == ("Financial sanctions and travel ban, annex 1",)
    assert small.designations_of("seco-400")[0].measures == (Measure.OTHER,)


def test_names_dates_and_documents(small: Dataset) -> None:
    person = entity(small, "seco-100", Person)
    assert isinstance(person, Person)
    assert person.name == "Lukashenka Dzmitry"  # parts sorted by their order attribute
    aliases = {(a.name, a.quality, a.script, a.language) for a in person.aliases}
    assert ("Lukashenko Dzmitry", AliasQuality.STRONG, "Latn", "ru") in aliases
    assert ("Лукашенко Дмитрий", AliasQuality.STRONG, "Cyrl", "ru") in aliases
    assert ("Dima", AliasQuality.WEAK, None, None) in aliases
    assert [d.isoformat() for d in person.birth_dates] == ["1980-03-23", "1981~"]
    assert "Date of birth (day.month.): 9.2." in person.notes
    other = [i for i in person.identifiers if i.scheme is IdentifierScheme.OTHER]
    assert {(i.value, i.label) for i in other} == {
        ("BLR-140", "SECO foreign identifier"),
        ("R-55", "residence-permit"),
    }


def test_addresses_and_places_of_birth_are_joined_with_their_places(small: Dataset) -> None:
    person = entity(small, "seco-100", Person)
    assert isinstance(person, Person)
    assert [a.full for a in person.addresses] == [
        "President's Sports Club, Starovilenskaya 4, 220029, Minsk, Belarus"
    ]
    assert person.addresses[0].city == "Minsk"
    assert [b.full for b in person.birth_places] == ["Kopys, Vitebsk Region, Belarus"]
    company = entity(small, "seco-200", Organization)
    assert [a.full for a in company.addresses][1] == "Nowhere Street 1"
    problem = next(p for p in small.problems if p.field == "address/@place-id")
    assert (problem.record, problem.value) == ("200", "999")


def test_status_follows_the_latest_modification(small: Dataset) -> None:
    delisted = small.designations_of("seco-200")[0]
    assert (delisted.listed.isoformat(), delisted.delisted.isoformat()) == (  # type: ignore[union-attr]
        "2021-03-22",
        "2024-03-01",
    )
    relisted = small.designations_of("seco-300")[0]
    assert relisted.delisted is None
    assert relisted.listed is not None
    assert relisted.listed.isoformat() == "2023-01-10"
    assert small.metadata["records_delisted"] == 1


def test_a_copy_of_a_target_in_its_history_is_not_read(small: Dataset) -> None:
    """Target 100's "listed" modification holds a whole target named Lukashenko."""
    assert entity(small, "seco-100", Person).name == "Lukashenka Dzmitry"
    duplicate = [p for p in small.problems if p.code == "rejected-record" and p.record == "100"]
    assert len(duplicate) == 1  # the second target 100 of the file, not the copy


def test_unknown_elements_and_values_are_problems_and_kept(small: Dataset) -> None:
    company = entity(small, "seco-200", Organization)
    assert "entity/shareholders: State of Belarus" in company.notes
    unknown = [p for p in small.problems if p.code == "unknown-element"]
    assert [(p.record, p.field) for p in unknown] == [("200", "entity/shareholders")]
    ghost = entity(small, "seco-500", Organization)
    assert "Object type: submarine" in ghost.notes
    rejected = {p.record: p.message for p in small.problems if p.code == "rejected-record"}
    assert rejected["600"] == "record has no name"


def test_strict_raises_the_first_problem() -> None:
    with pytest.raises(ReadError, match="without a year"):
        sk.load(SMALL, strict=True)


def test_an_amendment_file_says_it_is_not_the_whole_list() -> None:
    ds = sk.load(AMENDMENT)
    assert ds.metadata["list_type"] == "amendment"
    assert [p.field for p in ds.problems] == ["list-type"]
    assert ds.designations_of("seco-64393")[0].measures == (
        Measure.ASSET_FREEZE,
        Measure.TRAVEL_BAN,
    )


def test_a_stream_reads_as_the_path_does(small: Dataset) -> None:
    streamed = seco.read(io.BytesIO(SMALL.read_bytes()), name=str(SMALL))
    assert streamed.entities == small.entities
    assert streamed.designations == small.designations
    assert streamed.relationships == small.relationships


def test_a_dtd_is_refused() -> None:
    xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><swiss-sanctions-list/>'
    with pytest.raises(ReadError, match="DTD"):
        seco.read(io.BytesIO(xml), name="bad.xml")


def test_a_target_without_a_main_primary_name_takes_its_first_name() -> None:
    xml = (
        b'<swiss-sanctions-list list-type="whole-list" date="2026-08-15"><target ssid="7">'
        b'<entity><identity ssid="8"><name name-type="alias" quality="good">'
        b'<name-part order="1" name-part-type="whole-name"><value>Only Alias Ltd</value>'
        b"</name-part></name><place-of-birth ssid='9'/></identity></entity></target>"
        b"</swiss-sanctions-list>"
    )
    ds = seco.read(io.BytesIO(xml), name="t.xml")
    company = entity(ds, "seco-7", Organization)
    assert (company.name, company.aliases) == ("Only Alias Ltd", ())
    messages = [p.message for p in ds.problems]
    assert "no primary name of the main identity; the first name is used" in messages
    assert [p.field for p in ds.problems if p.code == "unknown-element"] == [
        "identity/place-of-birth (no place-id)"
    ]


@pytest.mark.parametrize(
    ("quality", "expected", "problem"),
    [
        ("low", AliasQuality.WEAK, None),
        ("good", AliasQuality.STRONG, None),
        ("medium", AliasQuality.STRONG, "medium"),
    ],
)
def test_an_alias_quality_is_read_or_reported(
    quality: str, expected: AliasQuality, problem: str | None
) -> None:
    # SECO writes quality="good" or "low"; another word is no silent "strong".
    alias = (
        f'<name name-type="alias" quality="{quality}"><name-part order="1" '
        'name-part-type="whole-name"><value>Other Name</value></name-part></name>'
    )
    data = _with_relations("").replace(
        b"</name></identity>", b"</name>" + alias.encode() + b"</identity>", 1
    )
    ds = seco.read(io.BytesIO(data), name="t.xml")
    assert [a.quality for a in entity(ds, "seco-1", Organization).aliases] == [expected]
    found = [p.value for p in ds.problems if p.field == "name/@quality"]
    assert found == ([problem] if problem else [])
