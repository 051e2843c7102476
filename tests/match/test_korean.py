"""Korean names in McCune-Reischauer and Revised Romanization, on the UN and OFAC lists.

The UN list of 30 November 2024 (../shared/data/un/consolidated-2024-11-30.xml) and
OFAC's SDN list of 3 May 2024 write North Koreans in McCune-Reischauer, as the DPRK does
("RI U'N SO'NG", its breves typed as apostrophes); South Korea and the press write the same
people in Revised Romanization or the usual spellings ("Lee Eun Song", "Park", "Choi").
"""

from __future__ import annotations

import pytest

import sanctionkit as sk
from sanctionkit.match import DEFAULT_THRESHOLD, Reason, compare_names
from tests.conftest import shared_dataset

# (name as the UN list writes it, reference number, the same name in other spellings)
UN_PERSONS = [
    ("RI U’N SO’NG", "KPi.078", "Lee Eun Song"),  # its aliases: Ri Eun Song, Ri Un Song
    ("RI JE-SON", "KPi.002", "Yi Che-son"),  # its alias: Ri Che-son
    ("PAK BONG NAM", "KPi.073", "Park Pong Nam"),
    ("CHOE CHUN-SIK", "KPi.013", "Choi Chun Sik"),
    ("CHOE SONG IL", "KPi.014", "Choi Seong Il"),
]


@pytest.fixture(scope="module")
def un_index() -> sk.match.Index:
    return shared_dataset("un/consolidated-2024-11-30.xml").index()


@pytest.mark.parametrize(("written", "reference", "variant"), UN_PERSONS)
def test_a_romanization_variant_finds_the_un_entry_first(
    un_index: sk.match.Index, written: str, reference: str, variant: str
) -> None:
    hit = un_index.search(variant, kind="person")[0]
    assert hit.entity.name == written
    assert any(d.authority_ref == reference for d in hit.designations), hit.designations
    assert hit.is_match


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("RI, U'n-so'ng", "RI U’N SO’NG"),  # OFAC 23013 and the UN's KPi.078
        ("KIM, Jong Un", "Kim Jong-un"),  # OFAC 20157 and the usual spelling
        ("KIM, Jong Un", "Kim Jŏng-ŭn"),  # and McCune-Reischauer with its breves
        ("CHOE, Chun-sik", "Choi Chun-sik"),  # OFAC 19498
        ("PAK, Bong Nam", "Park Bong-nam"),  # OFAC 22994
        ("RI, Je-Son", "Lee Je-son"),  # OFAC 12216
    ],
)
def test_ofac_names_agree_with_their_other_spellings(left: str, right: str) -> None:
    comparison = compare_names(left, right, "person")
    assert comparison.score >= 0.95
    assert comparison.is_match


def test_a_variant_is_explained_as_transliterated() -> None:
    parts = compare_names("CHOE, Chun-sik", "Choi Chun-sik", "person").explanation.parts
    first = parts[0]
    assert (first.left, first.right, first.reason) == (
        "CHOE",
        "Choi",
        Reason.TRANSLITERATED,
    )


def test_another_surname_is_still_another_person() -> None:
    # OFAC 12216 RI Je-Son against a KIM of the same given name: not one person.
    assert compare_names("RI, Je-Son", "KIM, Je-Son", "person").score < DEFAULT_THRESHOLD
    assert compare_names("PAK, Bong Nam", "CHOE, Bong Nam", "person").score < DEFAULT_THRESHOLD
