"""Packages from lists: one authority's designations grouped by listing date."""

from __future__ import annotations

import collections

import pytest

from sanctionkit.model import (
    Authority,
    Dataset,
    Designation,
    Measure,
    Organization,
    Person,
    Source,
)
from sanctionkit.values.dates import PartialDate
from tests.conftest import shared_file

MOF = Authority(name="Ministry of Finance, Japan", country="JP", kind="ministry")
OFAC = Authority(name="Office of Foreign Assets Control", country="US", kind="agency")
SHEET = Source(publisher="Ministry of Finance, Japan", title="sheet 28")


def listing(entity_id: str, listed: str | None, authority: Authority = MOF) -> Designation:
    return Designation(
        entity_id=entity_id,
        authority=authority,
        listed=listed,
        programmes=[f"programme of {entity_id}"],
        measures=["asset_freeze"],
        sources=[SHEET],
    )


def dataset(*designations: Designation) -> Dataset:
    ids = dict.fromkeys(d.entity_id for d in designations)
    return Dataset(
        entities=[Person(id=entity_id, name=entity_id) for entity_id in ids],
        designations=designations,
    )


def test_one_package_per_listing_date_in_date_order() -> None:
    ds = dataset(listing("b", "2024-05-24"), listing("a", "2022-03-01"), listing("c", "2024-05-24"))
    packages = ds.packages_by_listing_date()
    assert [p.announced for p in packages] == [PartialDate(2022, 3, 1), PartialDate(2024, 5, 24)]
    assert [d.entity_id for d in packages[1].designations] == ["b", "c"]


def test_the_package_id_is_the_authority_slug_and_the_date() -> None:
    [package] = dataset(listing("a", "2024-05-24")).packages_by_listing_date()
    assert package.id == "ministry-of-finance-japan-2024-05-24"


def test_designations_are_the_same_objects() -> None:
    designation = listing("a", "2024-05-24")
    [package] = dataset(designation).packages_by_listing_date()
    assert package.designations[0] is designation


def test_measures_sources_and_programmes_are_united_without_repeats() -> None:
    [package] = dataset(
        listing("a", "2024-05-24"), listing("b", "2024-05-24")
    ).packages_by_listing_date()
    assert package.measures == (Measure.ASSET_FREEZE,)
    assert package.sources == (SHEET,)
    assert package.summary == "Programmes: programme of a; programme of b"
    assert package.title == "Ministry of Finance, Japan: 2 designations listed on 2024-05-24"


def test_designations_without_a_listing_date_belong_to_no_package() -> None:
    ds = dataset(listing("a", None), listing("b", "2024-05-24"))
    assert [len(p.designations) for p in ds.packages_by_listing_date()] == [1]


def test_several_authorities_need_a_choice() -> None:
    ds = dataset(listing("a", "2024-05-24"), listing("b", "2024-05-24", OFAC))
    with pytest.raises(ValueError, match="choose one"):
        ds.packages_by_listing_date()
    [package] = ds.packages_by_listing_date(OFAC)
    assert [d.entity_id for d in package.designations] == ["b"]


def test_no_designations_give_no_packages() -> None:
    assert Dataset().packages_by_listing_date() == ()


def test_japan_24_may_2024_is_the_package_of_the_seed() -> None:
    """The acceptance test of issue 5: the twelve of ../shared/seed/CORROBORATION.md."""
    from sanctionkit.formats import jp_mof

    path = shared_file("jp/shisantouketsu20260305.xlsx")
    ds = jp_mof.read(path, name=path.name)
    packages = {p.announced: p for p in ds.packages_by_listing_date()}
    package = packages[PartialDate(2024, 5, 24)]

    entities = [ds.get(d.entity_id) for d in package.designations]
    people = [e for e in entities if isinstance(e, Person)]
    organisations = [e for e in entities if isinstance(e, Organization)]
    assert len(people) == 1
    assert len(organisations) == 11

    assert sorted(d.authority_ref or "" for d in package.designations) == sorted(
        [f"28-{n}" for n in range(258, 267)] + ["29-729", "34-2", "34-3"]
    )
    assert {e.name for e in organisations} == {
        "MG-Flot LLC",
        "M Leasing LLC",
        "Azia Shipping Company",
        "Joint Stock Company the 224th Flight Unit State Airlines",
        "Vostochnaya Stevedoring Company LLC",
        "Dunay Probable Naval Missile Facility",
        "Command of the Military Transport Aviation",
        "Vladimirovka Advanced Weapons and Research Complex",
        "Ashuluk Firing Range",
        "IBEX Shipping INC",
        "Azia Shipping Holdings Limited",
    }
    where = collections.Counter(
        address.country.alpha2
        for organisation in organisations
        for address in organisation.addresses
        if address.country is not None
    )
    assert where == {"RU": 9, "CY": 2}
    for organisation in organisations:
        if organisation.addresses[0].country.alpha2 == "CY":  # type: ignore[union-attr]
            assert "Mitsi Building, 1, Stasinou Avenue, Nicosia" in organisation.addresses[0].full

    [mikheychik] = people
    assert mikheychik.name == "Vladimir Mikheychik"
    assert "Vladimir Mikheichik" in mikheychik.all_names
    assert mikheychik.birth_dates == (PartialDate(1970, 5, 16),)
    [designation] = ds.designations_of(mikheychik.id)
    assert designation.programmes == ("Russian Federation (individuals)",)

    assert package.measures == (Measure.ASSET_FREEZE,)
    assert package.authority.name == "Ministry of Finance, Japan"
    assert len(package.sources) == 3  # sheets 28, 29 and 34
