"""Specification of sk.link and sk.merge: one entity per strong identifier, never per name."""

from __future__ import annotations

import csv
import functools
import re

import pytest

import sanctionkit as sk
from tests.conftest import shared_dataset, shared_file

OFAC = sk.Authority(name="OFAC", country="US")


@functools.cache
def real(relative: str) -> sk.Dataset:
    """A real official file, read once per run (skips when ../shared/data is absent)."""
    return shared_dataset(relative)


MOFA = sk.Authority(name="Ministry of Foreign Affairs", country="KR")


def listing(authority: sk.Authority, *entities: sk.Entity) -> sk.Dataset:
    return sk.Dataset(
        entities=entities,
        designations=[sk.Designation(entity_id=e.id, authority=authority) for e in entities],
    )


def test_vessels_with_the_same_imo_number_become_one_with_both_designations() -> None:
    ofac = listing(OFAC, sk.Vessel(id="ofac-46773", name="MARIA", imo="8517839", flag="RU"))
    korea = listing(MOFA, sk.Vessel(id="kr-maria", name="Maria", imo="IMO 8517839"))
    linked = sk.link(ofac, korea)
    assert linked.links == (sk.Link(key="imo 8517839", entity_ids=("ofac-46773", "kr-maria")),)
    (vessel,) = linked.dataset.vessels
    assert vessel.id == "ofac-46773"
    assert "Maria" in vessel.all_names
    assert {d.authority for d in linked.dataset.designations_of(vessel.id)} == {OFAC, MOFA}


def test_the_same_name_alone_never_joins_records() -> None:
    first = listing(OFAC, sk.Organization(id="a", name="AZIA SHIPPING COMPANY"))
    second = listing(MOFA, sk.Organization(id="b", name="AZIA SHIPPING COMPANY"))
    linked = sk.link(first, second)
    assert linked.links == ()
    assert len(linked.dataset.organizations) == 2


def test_registration_numbers_join_only_with_the_same_issuing_country() -> None:
    def company(entity_id: str, country: str | None) -> sk.Organization:
        number = sk.Identifier(scheme="registration", value="1217700053493", country=country)
        return sk.Organization(id=entity_id, name=entity_id, identifiers=[number])

    same = sk.link(listing(OFAC, company("a", "RU")), listing(MOFA, company("b", "RU")))
    assert [link.key for link in same.links] == ["registration RU 1217700053493"]
    other = sk.link(listing(OFAC, company("a", "RU")), listing(MOFA, company("b", "KZ")))
    assert other.links == ()
    unknown = sk.link(listing(OFAC, company("a", None)), listing(MOFA, company("b", None)))
    assert unknown.links == ()


def test_records_of_different_kinds_are_never_joined() -> None:
    # An IMO company number on a company and the same digits as a ship's IMO number are
    # different identifiers; and a person's passport never joins a company.
    passport = sk.Identifier(scheme="passport", value="123", country="KP")
    first = listing(OFAC, sk.Person(id="p", name="X", identifiers=[passport]))
    second = listing(MOFA, sk.Organization(id="o", name="Y", identifiers=[passport]))
    assert sk.link(first, second).links == ()


def test_a_differing_single_value_is_kept_as_a_note() -> None:
    ofac = listing(OFAC, sk.Vessel(id="a", name="MARIA", imo="8517839", flag="RU"))
    other = listing(MOFA, sk.Vessel(id="b", name="MARIA", imo="8517839", flag="PA"))
    (vessel,) = sk.merge(ofac, other).vessels
    assert vessel.flag == sk.Country.from_code("RU")
    assert any("Other flag" in note and "PA" in note for note in vessel.notes)


def test_references_to_joined_records_follow_them() -> None:
    builtin = sk.builtin_dataset()
    maia = builtin.get("vessel-maia-1")
    assert isinstance(maia, sk.Vessel)
    ofac = listing(OFAC, sk.Vessel(id="ofac-1", name="MAIA-1", imo=maia.imo))
    merged = sk.merge(ofac, builtin)
    ammunition = merged.get("kp-ru-ammunition")
    assert isinstance(ammunition, sk.AllegedTransfer)
    assert "ofac-1" in ammunition.carriers
    assert "vessel-maia-1" not in ammunition.carriers
    # The id of the joined side stays reachable: it finds the joined ship.
    joined = merged.get("vessel-maia-1")
    assert isinstance(joined, sk.Vessel)
    assert (joined.id, joined.joined_ids) == ("ofac-1", ("vessel-maia-1",))
    assert "vessel-maia-1" in merged
    assert merged.designations_of("vessel-maia-1") == merged.designations_of("ofac-1") != ()


def test_the_builtin_ships_are_the_ships_ofac_lists_with_the_same_imo_numbers() -> None:
    path = shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv")
    with path.open(encoding="latin-1", newline="") as file:
        by_imo = {
            match.group(1): row[0]
            for row in csv.reader(file)
            if len(row) == 12 and (match := re.search(r"\bIMO (\d{7})", row[11]))
        }
    builtin = sk.builtin_dataset()
    expected = {
        (vessel.id, f"ofac-{by_imo[vessel.imo]}")
        for vessel in builtin.vessels
        if vessel.imo in by_imo
    }
    assert len(expected) == 2  # MAIA-1 and MARIA are both on OFAC's list
    linked = sk.link(builtin, sk.load(path))
    assert expected <= {link.entity_ids for link in linked.links}


def _company(entity_id: str, nit: str) -> sk.Organization:
    number = sk.Identifier(scheme="tax_id", value=nit, country="CO")
    return sk.Organization(id=entity_id, name=entity_id.upper(), identifiers=[number])


def test_entries_of_one_list_that_share_a_number_are_a_finding_not_one_entity() -> None:
    sdn = listing(OFAC, _company("ofac-1", "800123"), _company("ofac-2", "800123"))
    linked = sk.link(sdn)
    assert linked.links == ()
    assert len(linked.dataset.organizations) == 2
    (finding,) = linked.findings
    assert (finding.key, finding.entity_ids) == ("tax_id CO 800123", ("ofac-1", "ofac-2"))
    assert finding.list == "OFAC / dataset 1"
    assert "inside one list" in finding.message


def test_two_days_of_one_list_are_one_list() -> None:
    # ofac-1 and ofac-2 share a NIT on both days: the records of one entry join by
    # id across the days, and the two entries stay two.
    def day() -> sk.Dataset:
        ds = listing(OFAC, _company("ofac-1", "800123"), _company("ofac-2", "800123"))
        return sk.Dataset(
            entities=ds.entities, designations=ds.designations, metadata={"list": "OFAC SDN"}
        )

    linked = sk.link(day(), day())
    assert sorted(entity.id for entity in linked.dataset) == ["ofac-1", "ofac-2"]
    assert {finding.list for finding in linked.findings} == {"OFAC / OFAC SDN"}


def test_another_list_still_joins_one_of_the_entries_and_the_other_stays_apart() -> None:
    sdn = listing(OFAC, _company("ofac-1", "800123"), _company("ofac-2", "800123"))
    other = listing(MOFA, _company("kr-1", "800123"))
    linked = sk.link(sdn, other)
    assert [link.entity_ids for link in linked.links] == [("ofac-1", "kr-1")]
    assert sorted(entity.id for entity in linked.dataset) == ["ofac-1", "ofac-2"]
    assert [finding.entity_ids for finding in linked.findings] == [("ofac-1", "ofac-2")]


def test_every_source_id_finds_the_joined_entity_also_after_a_json_round_trip() -> None:
    first = listing(OFAC, sk.Vessel(id="a", name="A", imo="8517839"))
    second = listing(MOFA, sk.Vessel(id="b", name="B", imo="8517839"))
    third = listing(sk.Authority(name="MOF", country="JP"), sk.Vessel(id="c", name="C"))
    third = sk.Dataset(
        entities=[sk.Vessel(id="c", name="C", imo="8517839")], designations=third.designations
    )
    merged = sk.merge(sk.merge(first, second), third)
    (ship,) = merged.vessels
    assert (ship.id, ship.joined_ids) == ("a", ("b", "c"))
    assert merged.get("b") is merged.get("c") is merged.get("a") is ship
    assert merged.vessels.get("c") is ship
    back = sk.converter.structure(sk.converter.unstructure(ship), sk.Vessel)
    assert back == ship


def test_a_joined_id_that_is_another_records_id_is_refused() -> None:
    with pytest.raises(ValueError, match="two records with id 'b'"):
        sk.Dataset(
            entities=[
                sk.Vessel(id="a", name="A", joined_ids=["b"]),
                sk.Vessel(id="b", name="B"),
            ]
        )


def test_un_reference_numbers_join_without_a_country_and_in_any_case() -> None:
    un = listing(
        sk.Authority(name="UN"),
        sk.Organization(
            id="un-kpe.033",
            name="X",
            identifiers=[sk.Identifier(scheme="un_reference", value="KPe.033")],
        ),
    )
    uk = listing(
        sk.Authority(name="OFSI"),
        sk.Organization(
            id="uk-1", name="Y", identifiers=[sk.Identifier(scheme="un_reference", value="KPE.033")]
        ),
    )
    linked = sk.link(un, uk)
    assert [(link.key, link.entity_ids) for link in linked.links] == [
        ("un_reference KPE.033", ("un-kpe.033", "uk-1"))
    ]


# A clause "<label> <number> (<country>)" of OFAC's remarks column, read independently
# of the reader: any label, any number with a digit, the issuing country in brackets.
_NUMBER_CLAUSE = re.compile(
    r"^(?:alt\. )?(?P<label>[A-Za-z][^;]*?) (?P<number>[\w./-]*\d[\w./-]*)"
    r" \((?P<country>[A-Za-z ,]+)\)(?: issued .*| expires .*)?\.?$"
)


def test_ofac_2021_entries_sharing_a_number_are_findings_not_links() -> None:
    path = shared_file("ofac/sdn-csv-2021/sdn.csv")
    shared: dict[tuple[str, str], set[str]] = {}
    with path.open(encoding="latin-1", newline="") as file:
        for row in csv.reader(file):
            if len(row) != 12 or row[2].strip() != "-0-":  # organisations only
                continue
            for clause in row[11].split(";"):
                found = _NUMBER_CLAUSE.match(clause.strip())
                if found:
                    key = (found["number"].upper(), found["country"])
                    shared.setdefault(key, set()).add(f"ofac-{row[0]}")
    expected = {tuple(sorted(ids)) for ids in shared.values() if len(ids) > 1}
    # By hand in sdn.csv: 4486 AGROPECUARIA LA ROBLEDA S.A. and 4579 MANAURE S.A. both
    # "NIT # 800160353-2 (Colombia)"; 18094 and 18095 share "Folio Mercantil No. 65256".
    assert len(expected) == 8
    assert {("ofac-4486", "ofac-4579"), ("ofac-18094", "ofac-18095")} <= expected
    sdn = real("ofac/sdn-csv-2021/sdn.csv")
    linked = sk.link(sdn)
    assert linked.links == ()
    assert len(linked.dataset) == len(sdn)
    assert {tuple(sorted(f.entity_ids)) for f in linked.findings} == expected
    colombia = next(f for f in linked.findings if "ofac-4486" in f.entity_ids)
    assert colombia.key == "tax_id CO 800160353-2"
