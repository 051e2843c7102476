"""sk.match.resolve and sk.link(..., names=True): links proposed by name across lists.

The expected OFAC uids were read from
../shared/data/ofac/sdn-csv-2024-05/sdn-2024-05-03.csv (column 1) by name and
alias; Japan's designations are listed by Japan's own numbers ("28-258", sheet
28, listing 258) from ../shared/data/jp/shisantouketsu20260305.xlsx.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.errors import MissingDependencyError

REAL = Path(__file__).parent.parent / "data" / "real"
MATCHING_PAGE = Path(__file__).parent.parent.parent / "docs" / "matching.md"

# Japan's twelve designations of 24 May 2024 (Japan's number) and the OFAC entry of each.
JAPAN_IN_OFAC = {
    "28-258": "37049",  # MG-Flot LLC = TRANSMORFLOT LLC, through Japan's alias TransMorFlot
    "28-259": "37065",  # M LEASING LLC
    "28-260": "46769",  # AZIA SHIPPING COMPANY
    "28-261": "43113",  # JOINT STOCK COMPANY THE 224TH FLIGHT UNIT STATE AIRLINES
    "28-262": "47712",  # VOSTOCHNAYA STEVEDORING COMPANY LLC
    "28-263": "47752",  # DUNAY PROBABLE NAVAL MISSILE FACILITY
    "28-264": "40193",  # COMMAND OF THE MILITARY TRANSPORT AVIATION
    "28-265": "47172",  # VLADIMIROVKA ADVANCED WEAPONS AND RESEARCH COMPLEX
    "28-266": "47171",  # ASHULUK FIRING RANGE
    "29-729": "47173",  # MIKHEYCHIK, Vladimir Vladimirovich
    "34-2": "46768",  # IBEX SHIPPING INC
    "34-3": "46770",  # AZIA SHIPPING HOLDINGS LIMITED
}


def authority(name: str) -> sk.Authority:
    return sk.Authority(name=name)


def listed(by: str, *entities: sk.Entity, list_name: str | None = None) -> sk.Dataset:
    return sk.Dataset(
        entities=entities,
        designations=[sk.Designation(entity_id=e.id, authority=authority(by)) for e in entities],
        metadata={"list": list_name} if list_name else {},
    )


def ofac_uid(hit: sk.match.Hit) -> str | None:
    return hit.designations[0].authority_ref


@pytest.fixture(scope="module")
def japan_vs_ofac(
    japan_2024_05_24: sk.Dataset, ofac_2024_05_03: sk.Dataset
) -> list[sk.match.ProposedLink]:
    return sk.match.resolve(japan_2024_05_24, ofac_2024_05_03)


@pytest.mark.parametrize(
    "excerpt", ["ofac_csv/sdn.csv", "ofac/consolidated-2018-excerpt.xml"], ids=["csv", "xml"]
)
def test_builtin_dataset_and_an_ofac_excerpt_share_no_party(excerpt: str) -> None:
    # The excerpts hold Banco Nacional de Cuba, Abu Abbas and the ship ARTAVIL (csv), and
    # Bank Markazi, Ismail Haniya and the ship SHONA (xml): no one of the built-in dataset.
    assert sk.match.resolve(sk.builtin_dataset(), sk.load(REAL / excerpt)) == []


def test_a_spelling_of_another_list_finds_the_ofac_excerpts_person() -> None:
    ofac = sk.load(REAL / "ofac/consolidated-2018-excerpt.xml")
    other = listed("UK", sk.Person(id="uk-1", name="HANIYA, Ismail"))
    [proposal] = sk.match.resolve(other, ofac)
    assert proposal.entity_ids == ("uk-1", "ofac-9639")
    assert proposal.score >= sk.match.DEFAULT_THRESHOLD
    assert proposal.lists == ("UK / dataset 1", f"{ofac_authority(ofac)} / {ofac.metadata['list']}")
    assert proposal.explanation == proposal.hit.explanation
    assert "HANIYA = HANIYA (1.00, exact)" in str(proposal.explanation)


def ofac_authority(dataset: sk.Dataset) -> str:
    return dataset.designations[0].authority.name


def test_entity_ids_follow_the_order_of_the_arguments() -> None:
    small = listed("UK", sk.Person(id="uk-1", name="Ismail Haniya"))
    large = listed(
        "US",
        sk.Person(id="us-1", name="HANIYA, Ismail"),
        sk.Person(id="us-2", name="Somebody Else"),
    )
    assert [p.entity_ids for p in sk.match.resolve(small, large)] == [("uk-1", "us-1")]
    [reversed_proposal] = sk.match.resolve(large, small)
    assert reversed_proposal.entity_ids == ("us-1", "uk-1")
    assert reversed_proposal.hit.entity.id == "us-1"  # the larger dataset is searched
    assert str(reversed_proposal).endswith("): HANIYA, Ismail = Ismail Haniya")
    assert str(sk.match.resolve(small, large)[0]).endswith("): Ismail Haniya = HANIYA, Ismail")


def test_never_across_kinds() -> None:
    ship = listed("UK", sk.Vessel(id="uk-ship", name="SHONA"))
    company = listed("US", sk.Organization(id="us-company", name="SHONA"))
    person = listed("EU", sk.Person(id="eu-person", name="Shona"))
    assert sk.match.resolve(ship, company, person) == []


def test_never_within_one_list() -> None:
    # Two days of one list are one list (the dataset's "list" metadata), as in sk.link.
    monday = listed("US", sk.Person(id="a", name="Ismail Haniya"), list_name="SDN")
    tuesday = listed("US", sk.Person(id="b", name="HANIYA, Ismail"), list_name="SDN")
    assert sk.match.resolve(monday, tuesday) == []
    other_list = listed("US", sk.Person(id="b", name="HANIYA, Ismail"), list_name="non-SDN")
    assert [p.entity_ids for p in sk.match.resolve(monday, other_list)] == [("a", "b")]


def test_pairs_joined_by_an_identifier_are_not_proposed() -> None:
    korea = listed("MOFA", sk.Vessel(id="kr", name="MARIA", imo="8517839"))
    us = listed("US", sk.Vessel(id="us", name="MARIA", imo="IMO 8517839"))
    assert sk.match.resolve(korea, us) == []
    linked = sk.link(korea, us, names=True)
    assert [link.entity_ids for link in linked.links] == [("kr", "us")]
    assert linked.proposals == ()


def test_link_with_names_proposes_and_does_not_merge() -> None:
    uk = listed("UK", sk.Person(id="uk-1", name="Ismail Haniya"))
    us = listed("US", sk.Person(id="us-1", name="HANIYA, Ismail"))
    linked = sk.link(uk, us, names=True)
    assert [p.entity_ids for p in linked.proposals] == [("uk-1", "us-1")]
    assert linked.links == ()
    assert sorted(e.id for e in linked.dataset.entities) == ["uk-1", "us-1"]
    assert sk.link(uk, us).proposals == ()
    assert sk.link(uk, us, names=True, threshold=1.0).proposals == linked.proposals
    with pytest.raises(ValueError, match=r"threshold must be between 0 and 1, not 1\.5"):
        sk.link(uk, us, names=True, threshold=1.5)


def test_link_with_names_without_the_match_extra_names_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for module in [name for name in sys.modules if name.startswith("sanctionkit.match")]:
        monkeypatch.delitem(sys.modules, module)
    for module in [name for name in sys.modules if name.split(".")[0] == "rapidfuzz"]:
        monkeypatch.setitem(sys.modules, module, None)  # as if rapidfuzz were not installed
    uk = listed("UK", sk.Person(id="uk-1", name="Ismail Haniya"))
    with pytest.raises(MissingDependencyError, match=r"sanctionkit\[match\]"):
        sk.link(uk, uk, names=True)
    assert sk.link(uk, uk).proposals == ()  # without names, no extra is needed


@pytest.mark.parametrize(("japan_ref", "expected_uid"), sorted(JAPAN_IN_OFAC.items()))
def test_japans_designations_of_24_may_2024_are_proposed_with_their_ofac_entry(
    japan_2024_05_24: sk.Dataset,
    japan_vs_ofac: list[sk.match.ProposedLink],
    japan_ref: str,
    expected_uid: str,
) -> None:
    [designation] = [d for d in japan_2024_05_24.designations if d.authority_ref == japan_ref]
    proposals = [p for p in japan_vs_ofac if p.entity_ids[0] == designation.entity_id]
    best = max(proposals, key=lambda p: p.score)
    assert ofac_uid(best.hit) == expected_uid
    assert best.lists[1].endswith("/ OFAC SDN")
    assert best.hit.is_match


def test_the_japan_table_of_the_matching_page_is_what_resolve_finds(
    japan_2024_05_24: sk.Dataset, japan_vs_ofac: list[sk.match.ProposedLink]
) -> None:
    text = MATCHING_PAGE.read_text(encoding="utf-8")
    # The table is the lines starting with "|" right after the marker; its first two are the
    # heading and the rule.
    lines = text.split("<!-- japan-vs-ofac -->")[1].strip().splitlines()
    table = lines[: next(n for n, line in enumerate(lines) if not line.startswith("|"))]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table][2:]
    best: dict[str, sk.match.ProposedLink] = {}
    for proposal in japan_vs_ofac:
        entity_id = proposal.entity_ids[0]
        if entity_id not in best or proposal.score > best[entity_id].score:
            best[entity_id] = proposal
    expected = []
    for designation in japan_2024_05_24.designations:
        entity = japan_2024_05_24.get(designation.entity_id)
        assert isinstance(entity, sk.Entity)
        proposal = best[entity.id]
        expected.append(
            [
                designation.authority_ref,
                entity.name,
                ofac_uid(proposal.hit),
                proposal.hit.matched_name,
                f"{proposal.score:.2f}",
            ]
        )
    assert rows == expected
    assert {row[2] for row in rows} == set(JAPAN_IN_OFAC.values())
