"""Specification of sk.link and sk.merge: one entity per strong identifier, never per name."""

from __future__ import annotations

import csv
import re

import sanctionkit as sk
from tests.conftest import shared_file

OFAC = sk.Authority(name="OFAC", country="US")
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
    assert merged.get("vessel-maia-1") is None


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
