"""Properties of compare_names and Index that hold for any text (hypothesis)."""

from __future__ import annotations

from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanctionkit as sk
from sanctionkit.errors import InvalidNameError
from sanctionkit.match import compare_names

KINDS = st.sampled_from([None, *sk.match.KINDS])

# Any text at all, including controls, format characters and every script.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)

# Names as lists write them: letters of several scripts, digits and punctuation.
NAME_CHARS = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Zs", "Pd", "Po", "Mn"),
    blacklist_characters="\u2028\u2029",
)
NAMES = st.text(alphabet=NAME_CHARS, min_size=1, max_size=40).filter(
    lambda text: any(ch.isalnum() for ch in text)
)


def _blank(text: str) -> bool:
    try:
        sk.match.analyze_name(text)
    except InvalidNameError:
        return True
    return False


@given(ANY_TEXT, ANY_TEXT, KINDS)
def test_any_text_gives_a_score_in_range_or_a_clear_error(a: str, b: str, kind: str | None) -> None:
    try:
        result = compare_names(a, b, kind=kind)
    except InvalidNameError:
        assert _blank(a) or _blank(b)
        return
    assert 0.0 <= result.score <= 1.0
    assert result.is_match == (result.score >= sk.match.DEFAULT_THRESHOLD)
    str(result.explanation)


@given(NAMES, NAMES, KINDS)
def test_compare_names_is_symmetric(a: str, b: str, kind: str | None) -> None:
    assert compare_names(a, b, kind=kind).score == compare_names(b, a, kind=kind).score


@given(NAMES, KINDS)
def test_identical_names_score_one(name: str, kind: str | None) -> None:
    assert compare_names(name, name, kind=kind).score == 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAMES, min_size=1, max_size=12, unique=True), st.data())
def test_a_name_finds_itself_at_rank_one(names: list[str], data: st.DataObject) -> None:
    entities = [sk.Organization(id=f"e{number}", name=name) for number, name in enumerate(names)]
    index = sk.match.Index(entities)
    wanted = data.draw(st.sampled_from(entities))
    hits = index.search(wanted.name)
    assert hits[0].score == 1.0
    # Names that analyse alike ("A-B" and "A B") tie at 1.0; the wanted one is among them.
    tied = [hit.entity.id for hit in hits if hit.score == 1.0]
    assert wanted.id in tied


WORDS = st.text(alphabet=NAME_CHARS.filter(lambda ch: not ch.isspace()), min_size=1, max_size=12)


@given(
    st.lists(WORDS.filter(lambda w: any(ch.isalnum() for ch in w)), min_size=1, max_size=6),
    st.randoms(use_true_random=False),
    KINDS,
)
def test_a_name_scores_one_exactly_when_its_words_agree(
    words: list[str], random: Random, kind: str | None
) -> None:
    # Index.search relies on it: a name with the query's words in any order scores 1.0
    # (it is not scored), and no other name can beat it or tie with it.
    shuffled = random.sample(words, len(words))
    left, right = " ".join(words), " ".join(shuffled)

    def words_of(name: str) -> list[str]:
        return sorted(part.text for part in sk.match.analyze_name(name, kind).parts)

    same = words_of(left) == words_of(right)
    assert (compare_names(left, right, kind=kind).score == 1.0) == same
