"""Index.search: Japan's designations of 24 May 2024 against OFAC's SDN list of 3 May 2024.

The expected OFAC uids were read from
../shared/data/ofac/sdn-csv-2024-05/sdn-2024-05-03.csv (column 1) by name,
alias ("a.k.a.") and IMO number; Japan's names are those of the built-in dataset.
"""

from __future__ import annotations

import pickle
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import sanctionkit as sk

# Japan's twelve designations of 24 May 2024 and the OFAC entry of each.
JAPAN_IN_OFAC = {
    "mg-flot-llc": "37049",  # TRANSMORFLOT LLC, through Japan's alias TransMorFlot
    "m-leasing-llc": "37065",  # M LEASING LLC
    "azia-shipping-company": "46769",  # AZIA SHIPPING COMPANY
    "joint-stock-company-the-224th-flight-unit-state-airlines": "43113",
    "vostochnaya-stevedoring-company-llc": "47712",
    "dunay-probable-naval-missile-facility": "47752",
    "command-of-the-military-transport-aviation": "40193",
    "vladimirovka-advanced-weapons-and-research-complex": "47172",
    "ashuluk-firing-range": "47171",
    "vladimir-mikheychik": "47173",  # MIKHEYCHIK, Vladimir Vladimirovich
    "ibex-shipping-inc": "46768",
    "azia-shipping-holdings-limited": "46770",
}


def uid(hit: sk.match.Hit) -> str | None:
    return hit.designations[0].authority_ref


@pytest.mark.parametrize(("entity_id", "ofac_uid"), sorted(JAPAN_IN_OFAC.items()))
def test_each_of_japans_designations_is_found_on_ofacs_list(
    ofac_index: sk.match.Index, entity_id: str, ofac_uid: str
) -> None:
    entity = sk.builtin_dataset().get(entity_id)
    assert isinstance(entity, sk.Entity)
    hits = ofac_index.search(entity)
    assert uid(hits[0]) == ofac_uid
    assert hits[0].is_match
    # Never across kinds: Japan's person finds only persons.
    assert all(type(hit.entity) is type(entity) for hit in hits)


@pytest.mark.parametrize(
    ("query", "ofac_uid"),
    [
        ("有限会社Mリーシング", "37065"),  # Japan's Japanese name of M LEASING LLC
        ("トランスモルフロート", "37049"),  # TransMorFlot in katakana
        ("Михейчик Владимир", "47173"),  # Cyrillic
        ("ウラジーミル・ミヘイチク", "47173"),  # Japan's katakana of him
        ("MIKHEYCHK Vladimr", "47173"),  # misspelt
        ("Vladimir Vladimirovich MIKHEYCHIK", "47173"),  # OFAC's own alias
        ("THRAE FOUNDATION", "32004"),  # THRACE FOUNDATION, a letter dropped
    ],
)
def test_names_in_other_scripts_find_the_ofac_entry_first(
    ofac_index: sk.match.Index, query: str, ofac_uid: str
) -> None:
    assert uid(ofac_index.search(query)[0]) == ofac_uid


def test_hit_carries_names_designations_and_explanation(ofac_index: sk.match.Index) -> None:
    hit = ofac_index.search("Vladimir Mikheychik", kind="person")[0]
    assert hit.query_name == "Vladimir Mikheychik"
    assert hit.matched_name == "MIKHEYCHIK, Vladimir Vladimirovich"
    assert hit.designations[0].programmes == ("RUSSIA-EO14024",)
    assert hit.name_score == hit.score
    assert "Mikheychik = MIKHEYCHIK (1.00, exact)" in str(hit.explanation)


def test_agreeing_birth_date_raises_and_contradicting_lowers(ofac_index: sk.match.Index) -> None:
    # OFAC 47173: "DOB 16 May 1970".
    plain = ofac_index.search("Vladimir Mikheychik")[0]
    agreeing = ofac_index.search("Vladimir Mikheychik", birth_date="16 May 1970")[0]
    contradicting = ofac_index.search("Vladimir Mikheychik", birth_date="1981")[0]
    assert agreeing.score > plain.score > contradicting.score
    assert agreeing.name_score == plain.name_score == contradicting.name_score
    assert "birth date 1970-05-16 agrees (+0.05)" in agreeing.explanation.notes
    assert "birth date 1981 contradicts 1970-05-16 (-0.15)" in contradicting.explanation.notes


def test_countries_corroborate(ofac_index: sk.match.Index) -> None:
    # OFAC 47173: "nationality Russia".
    agreeing = ofac_index.search("Vladimir Mikheychik", countries=["Russia"])[0]
    contradicting = ofac_index.search("Vladimir Mikheychik", countries=["FR"])[0]
    assert agreeing.score > contradicting.score
    assert "country RU agrees (+0.03)" in agreeing.explanation.notes
    assert "countries FR contradict RU (-0.05)" in contradicting.explanation.notes


def test_ship_identified_by_imo_ranks_first_among_same_named_ships(
    ofac_index: sk.match.Index,
) -> None:
    # OFAC lists MARIA (46773, IMO 8517839) and MARIA E (36716, IMO 9617923, a.k.a. MARIA):
    # both names match exactly; the IMO number tells them apart.
    for imo, expected in [("8517839", "46773"), ("9617923", "36716")]:
        hits = ofac_index.search("MARIA", kind="vessel", identifiers=[f"IMO {imo}"])
        assert uid(hits[0]) == expected
        assert f"identifier {imo} agrees (+0.15)" in hits[0].explanation.notes
        assert any("contradicts" in note for note in hits[1].explanation.notes)


def test_south_koreas_ship_entity_finds_its_ofac_twin_by_imo(ofac_index: sk.match.Index) -> None:
    maria = sk.builtin_dataset().get("vessel-maria")
    assert isinstance(maria, sk.Vessel)
    hits = ofac_index.search(maria)
    assert uid(hits[0]) == "46773"
    assert hits[0].score == 1.0


def test_identifier_alone_finds_an_entity_whose_name_differs(ofac_index: sk.match.Index) -> None:
    # OFAC 37065 M LEASING LLC: "Tax ID No. 9701173086 (Russia)".
    hits = ofac_index.search("Em Lizing", identifiers=["9701173086"])
    assert uid(hits[0]) == "37065"


def test_weak_alias_counts_less(ofac_index: sk.match.Index) -> None:
    query = sk.Organization(
        id="q",
        name="Nothing Alike Whatsoever",
        aliases=[sk.Alias(name="Ashuluk Firing Range", quality="weak")],
    )
    hit = ofac_index.search(query)[0]
    assert uid(hit) == "47171"  # ASHULUK FIRING RANGE, its primary (strong) name
    assert hit.name_score == pytest.approx(0.9)
    assert "matched a weak alias of the query: counts less" in hit.explanation.notes


def test_weak_alias_of_the_list_counts_less(ofac_index: sk.match.Index) -> None:
    # The reader marks OFAC 46769's a.k.a. 'AZSCO' as a weak alias.
    hit = ofac_index.search("AZSCO")[0]
    assert uid(hit) == "46769"
    assert hit.score == pytest.approx(0.9)
    assert "matched a weak alias: counts 0.90" in hit.explanation.notes


def test_kind_keeps_one_kind(ofac_index: sk.match.Index) -> None:
    hits = ofac_index.search("MARIA", kind="person")
    assert all(isinstance(hit.entity, sk.Person) for hit in hits)


def test_limit_and_order(ofac_index: sk.match.Index) -> None:
    hits = ofac_index.search("Azia Shipping", limit=3)
    assert len(hits) == 3
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    with pytest.raises(ValueError, match="limit must be at least 1"):
        ofac_index.search("Azia Shipping", limit=0)


@pytest.mark.parametrize(
    "query",
    [
        "KAXAN",  # a letter changed: no 3-gram of KAZAN left (the skeletons agree)
        "KAAN",  # a letter dropped from a short word: no 3-gram left either
        "KAZNA",  # two letters swapped
        "KAZZAN",  # a letter added
    ],
)
def test_a_word_one_edit_from_an_indexed_word_is_found_whatever_its_3_grams(query: str) -> None:
    index = sk.match.Index(
        [
            sk.Person(id="kazan", name="Ivan KAZAN"),
            sk.Person(id="sokolov", name="Petr SOKOLOV"),
            sk.Person(id="kazantsev", name="Oleg KAZANTSEV"),
        ]
    )
    assert [hit.entity.id for hit in index.search(query, limit=1)] == ["kazan"]


def test_ties_go_to_the_name_as_written_then_the_same_form_then_the_lists_order() -> None:
    # OFAC lists REVIVAL OF ISLAMIC HERITAGE SOCIETY twice (uids 7149 and 10923),
    # CORPORACION CIMEX with and without a comma, and TAMYNA as AG and as FZE.
    index = sk.match.Index(
        [
            sk.Organization(id="z-first", name="REVIVAL OF ISLAMIC HERITAGE SOCIETY"),
            sk.Organization(id="a-second", name="REVIVAL OF ISLAMIC HERITAGE SOCIETY"),
            sk.Organization(id="a-comma", name="CORPORACION CIMEX, S.A."),
            sk.Organization(id="b-plain", name="CORPORACION CIMEX S.A."),
            sk.Organization(id="a-ag", name="TAMYNA AG"),
            sk.Organization(id="b-fze", name="TAMYNA FZE"),
        ]
    )

    def first(query: str) -> str:
        hits = index.search(query)
        assert hits[0].score == hits[1].score == 1.0
        return hits[0].entity.id

    assert first("REVIVAL OF ISLAMIC HERITAGE SOCIETY") == "z-first"
    assert first("CORPORACION CIMEX S.A.") == "b-plain"
    assert first("FZE TAMYNA") == "b-fze"


def test_bad_queries_are_clear_errors(builtin_index: sk.match.Index) -> None:
    with pytest.raises(sk.errors.InvalidNameError):
        builtin_index.search("   ")
    with pytest.raises(sk.errors.UnknownKindError):
        builtin_index.search("MARIA", kind="ship")


def test_index_pickles(builtin_index: sk.match.Index) -> None:
    copy = pickle.loads(pickle.dumps(builtin_index))
    assert len(copy) == len(builtin_index) == len(sk.builtin_dataset())
    before = builtin_index.search("M Leasing")[0]
    after = copy.search("M Leasing")[0]
    assert (after.entity, after.score, str(after.explanation)) == (
        before.entity,
        before.score,
        str(before.explanation),
    )


def test_threads_searching_one_index_get_what_one_thread_gets(
    builtin_index: sk.match.Index,
) -> None:
    # A worker with several threads shares one index: a query must not see another's sums.
    queries = [entity.name for entity in sk.builtin_dataset()] * 4

    def best(query: str) -> list[tuple[str, float]]:
        return [(hit.entity.id, hit.score) for hit in builtin_index.search(query, limit=3)]

    alone = [best(query) for query in queries]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(best, queries))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone


def test_dataset_index_searches_that_dataset() -> None:
    index = sk.builtin_dataset().index()
    assert isinstance(index, sk.match.Index)
    assert index.search("有限会社MGフロート")[0].entity.id == "mg-flot-llc"


def test_index_of_several_datasets_holds_each_designation(ofac_2024_05_03: sk.Dataset) -> None:
    index = sk.match.Index(sk.builtin_dataset(), ofac_2024_05_03)
    hits = index.search("Vladimir Mikheychik", kind="person", limit=2)
    authorities = {hit.designations[0].authority.country.alpha2 for hit in hits}
    assert authorities == {"JP", "US"}
