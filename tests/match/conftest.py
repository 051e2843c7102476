"""Fixtures of the matching tests: OFAC's SDN list of 3 May 2024, read and indexed once."""

from __future__ import annotations

import pytest

import sanctionkit as sk
from tests.conftest import shared_file

pytest.importorskip("rapidfuzz", reason="sanctionkit.match needs the match extra")


@pytest.fixture(scope="session")
def ofac_2024_05_03() -> sk.Dataset:
    """OFAC's SDN list as published on 3 May 2024 (about 15,000 entities)."""
    return sk.load(shared_file("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv"))


@pytest.fixture(scope="session")
def ofac_index(ofac_2024_05_03: sk.Dataset) -> sk.match.Index:
    return ofac_2024_05_03.index()


@pytest.fixture(scope="session")
def builtin_index() -> sk.match.Index:
    return sk.builtin_dataset().index()
