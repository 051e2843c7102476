"""Links between OFAC entries ("Linked To:", owners, operators, relationships) as relationships.

First :class:`~sanctionkit.formats._ofac.Links` on its own, then each classic
reader on its fixtures, then the real files, checked against counts made with
plain regular expressions and XML parsing, and against OFAC's own relationships
(the advanced XML of 2020).
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import ofac_csv, ofac_enhanced, ofac_xml
from sanctionkit.formats._ofac import Links, link_kind
from sanctionkit.formats._ofac_advanced_parts import relationship_kind
from sanctionkit.formats._ofac_remarks import linked_names, parse_remarks
from sanctionkit.formats._reading import Reading
from sanctionkit.model import Dataset, Relationship, RelationshipKind, Vessel
from tests.conftest import shared_dataset, shared_file

DATA = Path(__file__).resolve().parents[1] / "data"
LINK_CODES = ("link-not-in-file", "ambiguous-link")
ENHANCED_NS = (
    "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML}"
)


def links_of(ds: Dataset) -> set[tuple[str, str, str, str | None]]:
    return {(r.subject_id, r.kind.value, r.object_id, r.note) for r in ds.relationships}


def link_problems(ds: Dataset) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.code, p.record, p.field, p.value) for p in ds.problems if p.code in LINK_CODES]


def unresolved(ds: Dataset, words: str) -> int:
    """How many links of ``words`` did not resolve: each problem says how many it stands for."""
    found = [p for p in ds.problems if p.code in LINK_CODES and p.field == words]
    return sum(int(p.message.split(" ", 1)[0]) for p in found)


def counts(ds: Dataset) -> tuple[object, ...]:
    meta = ds.metadata
    return tuple(meta[f"relationships_{count}"] for count in ("read", "returned", "unresolved"))


# --- Links on its own -------------------------------------------------------------------


def resolve(links: Links, *, strict: bool = False) -> tuple[list[Relationship], Reading]:
    reading = Reading(file="sdn.csv", strict=strict)
    found, _ = links.resolve(reading)
    return found, reading


def test_a_name_resolves_to_the_one_entry_with_that_primary_name_even_one_read_later() -> None:
    links = Links()
    links.held("ofac-2", "SEA STAR")
    links.by_name("ofac-2", "2", "Linked To", "BERATEX GROUP LIMITED")
    links.held("ofac-5", "BERATEX GROUP LIMITED")
    (found,), reading = resolve(links)
    assert (found.subject_id, found.kind, found.object_id) == (
        "ofac-2",
        RelationshipKind.LINKED_TO,
        "ofac-5",
    )
    assert found.note == "Linked To"
    assert reading.problems == []


def test_case_blanks_and_a_closing_full_stop_do_not_matter() -> None:
    links = Links()
    links.held("ofac-5", "AGROPECUARIA LA ROBLEDA S.A.")
    links.by_name("ofac-2", "2", "Linked To", "Agropecuaria  La Robleda S.A")
    assert [link.object_id for link in resolve(links)[0]] == ["ofac-5"]


def test_an_alias_is_no_primary_name_and_a_link_to_it_is_a_problem() -> None:
    links = Links()
    links.held("ofac-15117", "NATIONAL IRANIAN TANKER COMPANY")  # a.k.a. NITC: not given
    links.held("ofac-9702", "SHONA")
    links.by_name("ofac-9702", "9702", "Vessel Owner", "NITC")
    found, reading = resolve(links)
    assert found == []
    (problem,) = reading.problems
    assert (problem.code, problem.record, problem.field, problem.value) == (
        "link-not-in-file",
        "9702",
        "Vessel Owner",
        "NITC",
    )
    assert "another OFAC list" in problem.message


def test_a_name_of_several_entries_is_ambiguous_and_links_nothing() -> None:
    links = Links()
    links.held("ofac-20129", "MINISTRY OF STATE SECURITY")
    links.held("ofac-25437", "MINISTRY OF STATE SECURITY")
    links.by_name("ofac-20130", "20130", "Linked To", "MINISTRY OF STATE SECURITY")
    found, reading = resolve(links)
    assert found == []
    assert [(p.code, p.value) for p in reading.problems] == [
        ("ambiguous-link", "MINISTRY OF STATE SECURITY")
    ]


def test_links_to_one_absent_name_are_one_problem_and_every_link_is_counted() -> None:
    links = Links()
    for number in ("1", "2", "3"):
        links.held(f"ofac-{number}", f"ENTRY {number}")
        links.by_name(f"ofac-{number}", number, "Linked To", "PRESIDENCY OF DEFENSE INDUSTRIES")
    links.by_name("ofac-1", "1", "Linked To", "ENTRY 2")
    reading = Reading(file="sdn.csv")
    found, numbers = links.resolve(reading)
    assert len(found) == 1
    assert numbers == {
        "relationships_read": 4,
        "relationships_returned": 1,
        "relationships_unresolved": 3,
    }
    (problem,) = reading.problems
    assert problem.message.startswith("3 links (Linked To)")
    assert problem.record == "1"


def test_a_link_to_its_own_entry_is_no_relationship() -> None:
    links = Links()
    links.held("ofac-1", "HIZBALLAH")
    links.by_name("ofac-1", "1", "Linked To", "HIZBALLAH")
    found, reading = resolve(links)
    assert found == []
    assert [p.code for p in reading.problems] == ["link-not-in-file"]


def test_a_number_resolves_only_when_the_file_holds_that_entry() -> None:
    links = Links()
    links.held("ofac-26526", "EBRAHIMI")
    links.held("ofac-12478", "ANSAR BANK")
    links.by_id("ofac-26526", "26526", "Acting for or on behalf of", "12478", "8156")
    links.by_id("ofac-26526", "26526", "Owned or Controlled By", "38419", "9")
    (found,), reading = resolve(links)
    assert (found.object_id, found.kind, found.note) == (
        "ofac-12478",
        RelationshipKind.ACTING_FOR,
        "Acting for or on behalf of (relationship 8156)",
    )
    assert [(p.code, p.value) for p in reading.problems] == [("link-not-in-file", "ofac-38419")]


def test_the_same_link_stated_twice_is_one_relationship() -> None:
    links = Links()
    links.held("ofac-1", "EP-MNA")
    links.held("ofac-2", "MAHAN AIR")
    links.by_name("ofac-1", "1", "Aircraft Operator", "MAHAN AIR")
    links.by_name("ofac-1", "1", "Aircraft Operator", "Mahan Air")
    reading = Reading(file="sdn.csv")
    found, numbers = links.resolve(reading)
    assert len(found) == 1
    assert numbers["relationships_read"] == numbers["relationships_returned"] == 1


def test_strict_reading_raises_on_a_link_that_does_not_resolve() -> None:
    links = Links()
    links.held("ofac-1", "EP-MNA")
    links.by_name("ofac-1", "1", "Aircraft Operator", "MAHAN AIR")
    with pytest.raises(ReadError, match="Aircraft Operator"):
        resolve(links, strict=True)


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Linked To", RelationshipKind.LINKED_TO),
        ("Vessel Owner", RelationshipKind.OWNED_OR_CONTROLLED_BY),
        # The model has no operator kind: linked_to, OFAC's words in the note.
        ("Aircraft Operator", RelationshipKind.LINKED_TO),
        ("Owned or Controlled By", RelationshipKind.OWNED_OR_CONTROLLED_BY),
        ("Leader or official of", RelationshipKind.LEADER_OF),
        ("Property in the interest of", RelationshipKind.LINKED_TO),
    ],
)
def test_the_kind_of_each_link(words: str, kind: RelationshipKind) -> None:
    assert link_kind(words) is kind


def test_ofacs_relation_types_mean_what_the_advanced_reader_reads() -> None:
    types = ("Owned or Controlled By", "Acting for or on behalf of", "Providing support to")
    assert [link_kind(words) for words in types] == [relationship_kind(t) for t in types]


# --- the readers on their fixtures ------------------------------------------------------


def test_the_csv_reader_links_remarks_owners_and_operators() -> None:
    path = DATA / "ofac_csv" / "sdn.csv"
    ds = ofac_csv.read(path, name=path.name, strict=False)
    # 7002 LADY LEILA: Vess_owner "Beratex Group Limited" and "Linked To: BERATEX GROUP
    # LIMITED."; 7003 SEA STAR: "Linked To: BERATEX GROUP LIMITED."; 7005 is that company.
    assert links_of(ds) == {
        ("ofac-7002", "linked_to", "ofac-7005", "Linked To"),
        ("ofac-7002", "owned_or_controlled_by", "ofac-7005", "Vessel Owner"),
        ("ofac-7003", "linked_to", "ofac-7005", "Linked To"),
    }
    ship = ds.get("ofac-7002")
    assert isinstance(ship, Vessel)
    assert ship.owner_id == "ofac-7005"
    assert [ship.id for ship in ds.assets_of("ofac-7005", Vessel)] == ["ofac-7002"]
    # 7004 EP-MNA names MAHAN AIR (operator and link), which the file does not hold.
    assert link_problems(ds) == [
        ("link-not-in-file", "7004", "Linked To", "MAHAN AIR"),
        ("link-not-in-file", "7004", "Aircraft Operator", "MAHAN AIR"),
    ]
    assert "Aircraft Operator MAHAN AIR" in ds.get("ofac-7004").notes
    assert counts(ds) == (5, 3, 2)


def test_the_xml_reader_links_remarks_owners_and_operators() -> None:
    path = DATA / "ofac" / "sdn-tempuri.xml"
    ds = ofac_xml.read(path, name="sdn.xml")
    # 36002 "(Linked To: KIM, Chol Su)": a person's primary name in OFAC's "LAST, First".
    assert links_of(ds) == {
        ("ofac-36002", "linked_to", "ofac-36001", "Linked To"),
        ("ofac-36003", "linked_to", "ofac-36002", "Linked To"),
        ("ofac-36003", "owned_or_controlled_by", "ofac-36002", "Vessel Owner"),
    }
    ship = ds.get("ofac-36003")
    assert isinstance(ship, Vessel)
    assert ship.owner_id == "ofac-36002"
    assert "vesselOwner: EXAMPLE SHIPPING LIMITED" in ship.notes  # the note stays
    assert link_problems(ds) == [("link-not-in-file", "36005", "Aircraft Operator", "MAHAN AIR")]
    assert counts(ds) == (4, 3, 1)


def test_a_filtered_enhanced_export_counts_entities_it_does_not_hold(tmp_path: Path) -> None:
    # The fixture names its programmes (an export filtered by programme): the entities
    # its relationships point to may be on no page of it, so they are counted, not problems.
    path = DATA / "ofac_enhanced" / "enhanced.xml"
    ds = ofac_enhanced.read(path, name=path.name)
    assert ds.relationships == ()
    assert link_problems(ds) == []
    assert counts(ds) == (2, 0, 2)
    # The same file without its programmes is a whole export: each is then a problem.
    data = path.read_text(encoding="utf-8")
    whole = re.sub(r"<sanctionsProgram[^>]*>[^<]*</sanctionsProgram>", "", data)
    assert whole != data
    (tmp_path / "enhanced.xml").write_text(whole, encoding="utf-8")
    ds = ofac_enhanced.read(tmp_path / "enhanced.xml", name="enhanced.xml")
    assert link_problems(ds) == [
        ("link-not-in-file", "12057", "Leader or official of", "ofac-13160"),
        ("link-not-in-file", "24475", "Owned or Controlled By", "ofac-13109"),
    ]
    assert counts(ds) == (2, 0, 2)


def test_the_enhanced_readers_vessel_owner_feature_links_by_name(tmp_path: Path) -> None:
    # The feature type exists in OFAC's featureTypes (featureTypeId 4, "Vessel Owner");
    # the fixture's ship SHONA is given one naming its other entity 48662, in another case.
    data = (DATA / "ofac_enhanced" / "enhanced.xml").read_text(encoding="utf-8")
    owner = (
        '<feature id="999"><type featureTypeId="4">Vessel Owner</type>'
        "<value>Dadeh Afzar Arman</value><isPrimary>true</isPrimary></feature>"
    )
    start = data.index("<features>", data.index('<entity id="9702">'))
    path = tmp_path / "enhanced.xml"
    path.write_text(data[:start] + "<features>" + owner + data[start + 10 :], encoding="utf-8")
    ds = ofac_enhanced.read(path, name=path.name)
    assert ("ofac-9702", "owned_or_controlled_by", "ofac-48662", "Vessel Owner") in links_of(ds)
    ship = ds.get("ofac-9702")
    assert isinstance(ship, Vessel)
    assert ship.owner_id == "ofac-48662"
    assert "Vessel Owner: Dadeh Afzar Arman" in ship.notes


def test_links_are_read_from_remarks_in_the_classic_xmls_brackets() -> None:
    text = "all offices worldwide; (Linked To: A (LONDON) LIMITED; Linked To: B S.A.)"
    assert linked_names(text) == ["A (LONDON) LIMITED", "B S.A"]
    facts = parse_remarks("Aircraft Operator MAHAN AIR; Linked To: MAHAN AIR.", Reading(file="f"))
    assert (facts.operators, facts.linked_to) == (("MAHAN AIR",), ("MAHAN AIR",))


# --- the real files ---------------------------------------------------------------------

CONSOLIDATED = ("ofac/consolidated-2018/consolidated.xml", "ofac/consolidated-2018/cons_prim.csv")


@pytest.mark.parametrize("relative", CONSOLIDATED, ids=["xml", "csv"])
def test_every_linked_to_of_the_consolidated_list_of_2018_resolves(relative: str) -> None:
    ds = shared_dataset(relative)
    text = shared_file(relative).read_text(encoding="cp1252")
    stated = len(re.findall(r"Linked To: ", text))
    owners = 5  # five tankers owned by "NITC", an a.k.a. (see test_ofac_xml)
    assert stated == 365
    assert sum(r.note == "Linked To" for r in ds.relationships) == stated
    assert unresolved(ds, "Linked To") == 0
    assert counts(ds) == (stated + owners, stated, owners)
    assert [p[2:] for p in link_problems(ds)] == [("Vessel Owner", "NITC")]


def test_the_xml_and_the_csv_of_the_consolidated_list_give_the_same_relationships() -> None:
    xml, csv = (shared_dataset(relative) for relative in CONSOLIDATED)
    assert len(xml.relationships) == 365
    assert set(xml.relationships) == {
        Relationship(
            subject_id=r.subject_id,
            object_id=r.object_id,
            kind=r.kind,
            note=r.note,
            source=xml.relationships[0].source,
        )
        for r in csv.relationships
    }


def test_the_links_resolved_are_ofacs_own_relationships_in_the_advanced_xml() -> None:
    # The advanced XML of March 2020 holds 276 ProfileRelationships (all "Owned or
    # Controlled By"). For the 275 links of 2018 whose two ends are parties of 2020,
    # OFAC states that relationship, in the same direction; and each of its
    # relationships between parties of both files is one of the 2018 links.
    linked = shared_dataset(CONSOLIDATED[0])
    advanced = shared_dataset("ofac/advanced-2020/cons_advanced.xml")
    ofacs = {(r.subject_id, r.object_id) for r in advanced.relationships}
    assert len(advanced.relationships) == 276
    parties = {entity.id for entity in advanced}
    ours = {(r.subject_id, r.object_id) for r in linked.relationships if r.note == "Linked To"}
    in_both = {(s, o) for s, o in ours if s in parties and o in parties}
    assert len(ours) == 365
    assert len(in_both) == 275
    assert in_both <= ofacs
    held = {entity.id for entity in linked}
    assert {(s, o) for s, o in ofacs if s in held and o in held} == in_both


def test_the_sdn_csv_of_2021_links_what_it_can_and_reports_the_rest() -> None:
    relative = "ofac/sdn-csv-2021/sdn.csv"
    ds = shared_dataset(relative)
    text = shared_file(relative).read_text(encoding="cp1252")
    rows = [row for row in csv.reader(io.StringIO(text)) if len(row) == 12]
    stated = {
        "Linked To": len(re.findall(r"Linked To: ", text)),
        "Aircraft Operator": len(re.findall(r"Aircraft Operator ", text)),
        # Vess_owner, the eleventh column, where it is not OFAC's empty "-0-".
        "Vessel Owner": sum(row[10].strip() not in ("", "-0-") for row in rows),
    }
    assert stated == {"Linked To": 3373, "Aircraft Operator": 209, "Vessel Owner": 10}
    made = Counter(r.note for r in ds.relationships)
    # Entry 15998 names its operator twice ("Aircraft Operator X; alt. Aircraft Operator
    # X"): two links read, one relationship.
    twice = {"Aircraft Operator": 1}
    for words, number in stated.items():
        assert made[words] + twice.get(words, 0) + unresolved(ds, words) == number
    # 3,592 links stated, 3,591 distinct: 3,516 relationships and 75 that do not resolve.
    assert counts(ds) == (3591, 3516, 75)
    assert len(ds.relationships) == 3516
    # The names no entry of the file has as its primary name: a.k.a.s in alt.csv (YAS AIR
    # of 13109, CASPIAN AIR of 17226 "CASPIAN AIRLINES"), names cut short where a remark
    # ends without its continuation in sdn_comments.csv, absent here (PRO, PETRO L, PROMO
    # RAI), owners that are no entries, and former names.
    absent = {p.value for p in ds.problems if p.code == "link-not-in-file"}
    assert absent == {
        "Compania Navegacion Golfo S.A.",
        "Samir de Navegacion S.A.",
        "Sand & Swan Navigation Co. Ltd.",
        "NITC",
        "PRO",
        "PETRO L",
        "PROMO RAI",
        "YAS AIR",
        "Syrianair",
        "Caspian Air",
        "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY",
        "ROSTEC",
        "PRESIDENCY OF DEFENSE INDUSTRIES",
    }
    # Two entries each have these primary names: no guess which one is meant.
    ambiguous = {p.value for p in ds.problems if p.code == "ambiguous-link"}
    assert ambiguous == {"MINISTRY OF STATE SECURITY", "SMILE PROPERTY & TRAVEL LTD"}


def test_the_enhanced_xml_links_every_relationship_whose_entity_it_holds() -> None:
    relative = "ofac/enhanced-2024/IRGC_sanctions.xml"
    ds = shared_dataset(relative)
    root = ET.parse(shared_file(relative)).getroot()
    ns = ENHANCED_NS
    held = {entity.get("id") for entity in root.iter(f"{ns}entity")}
    stated = [
        (entity.get("id"), item.findtext(f"{ns}type"), item.find(f"{ns}relatedEntity"))
        for entity in root.iter(f"{ns}entity")
        for item in entity.iter(f"{ns}relationship")
    ]
    inside = [(s, t, r.get("entityId")) for s, t, r in stated if r.get("entityId") in held]
    assert (len(stated), len(inside)) == (229, 201)
    assert counts(ds) == (229, 201, 28)
    assert {(r.subject_id, r.object_id) for r in ds.relationships} == {
        (f"ofac-{s}", f"ofac-{o}") for s, _, o in inside
    }
    kinds = Counter(r.kind.value for r in ds.relationships)
    assert kinds == {
        "acting_for": Counter(t for _, t, _ in inside)["Acting for or on behalf of"],
        "owned_or_controlled_by": Counter(t for _, t, _ in inside)["Owned or Controlled By"],
        "supports": Counter(t for _, t, _ in inside)["Providing support to"],
        "leader_of": Counter(t for _, t, _ in inside)["Leader or official of"],
        "linked_to": 1,  # "Property in the interest of", its words in the note
    }
    # The export is filtered by programme (IRGC): the 28 links to entities it does not
    # hold are counted above, and are no problems.
    assert link_problems(ds) == []
