"""Fixtures of the matching tests: OFAC's SDN list of 3 May 2024, read and indexed once."""

from __future__ import annotations

import pytest

import sanctionkit as sk
from tests.conftest import shared_dataset, shared_file

pytest.importorskip("rapidfuzz", reason="sanctionkit.match needs the match extra")


@pytest.fixture(scope="session")
def ofac_2024_05_03() -> sk.Dataset:
    """OFAC's SDN list as published on 3 May 2024 (about 15,000 entities)."""
    return shared_dataset("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv")


@pytest.fixture(scope="session")
def ofac_index(ofac_2024_05_03: sk.Dataset) -> sk.match.Index:
    return ofac_2024_05_03.index()


@pytest.fixture(scope="session")
def builtin_index() -> sk.match.Index:
    return sk.builtin_dataset().index()


@pytest.fixture(scope="session")
def japan_2024_05_24() -> sk.Dataset:
    """Japan's package of 24 May 2024, cut from its Ministry of Finance list of 5 March 2026."""
    from sanctionkit.formats import jp_mof
    from sanctionkit.values.dates import PartialDate

    path = shared_file("jp/shisantouketsu20260305.xlsx")
    japan = jp_mof.read(path, name=path.name)
    packages = {p.announced: p for p in japan.packages_by_listing_date()}
    package = packages[PartialDate(2024, 5, 24)]
    entities = [japan.get(d.entity_id) for d in package.designations]
    return sk.Dataset(
        entities=[entity for entity in entities if isinstance(entity, sk.Entity)],
        designations=package.designations,
        metadata={"list": japan.metadata["list"]},
    )
