"""parse_country on every country name of the real official lists that also give a code.

The EU Financial Sanctions File pairs each ``countryDescription`` with the EU's own
``countryIso2Code``: the file itself is the expected value.
"""

from __future__ import annotations

import re

from sanctionkit.values.countries import parse_country
from tests.conftest import shared_file

_EU_PAIR = re.compile(r'countryIso2Code="([A-Z0-9]{2})" countryDescription="([^"]*)"')


def test_every_eu_country_description_parses_to_the_eu_code() -> None:
    text = shared_file("eu/fsf-2022-03-18-excerpt.xml").read_text(encoding="utf-8")
    pairs = {(code, name) for code, name in _EU_PAIR.findall(text) if code != "00"}
    assert len(pairs) > 50  # the excerpt names 60 countries
    wrong = {
        name: (code, parse_country(name).alpha2)
        for code, name in pairs
        if parse_country(name).alpha2 != code
    }
    assert wrong == {}
