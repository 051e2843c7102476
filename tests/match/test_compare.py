"""compare_names on names as the official lists write them.

Each pair is taken from real entries: OFAC's SDN list of 3 May 2024
(../shared/data/ofac/sdn-csv-2024-05/sdn-2024-05-03.csv, uid in the comment)
and the names that Japan (24 May 2024) and South Korea gave for the same
parties in the built-in dataset (src/sanctionkit/data/builtin).
"""

from __future__ import annotations

import pytest

import sanctionkit as sk
from sanctionkit.match import DEFAULT_THRESHOLD, Reason, compare_names

SAME_PARTY = [
    # OFAC 47173 and Japan's English name for the same man.
    ("MIKHEYCHIK, Vladimir Vladimirovich", "Vladimir Mikheychik", "person"),
    # Japan's two spellings of him.
    ("Vladimir Mikheychik", "Vladimir Mikheichik", "person"),
    # Japan's katakana against its own Latin spelling.
    ("Vladimir Mikheychik", "ウラジーミル・ミヘイチク", "person"),
    # OFAC 47173 in Cyrillic, as a Russian register writes it.
    ("MIKHEYCHIK, Vladimir Vladimirovich", "Михейчик Владимир Владимирович", "person"),
    # OFAC 37065 against Japan's Japanese name and OFAC's own Russian-form alias.
    ("M LEASING LLC", "有限会社Mリーシング", "organization"),
    ("M LEASING LLC", "OOO M Lizing", "organization"),
    ("M LEASING LLC", "ООО М Лизинг", "organization"),
    # OFAC 37049 and Japan's katakana.
    ("TRANSMORFLOT LLC", "トランスモルフロート", "organization"),
    # OFAC 46769 and Japan's spelling with s.
    ("AZIA SHIPPING COMPANY", "Asia Shipping Company", "organization"),
    # OFAC 43113 and its abbreviated legal form; its alias 224 FU JSC in Japanese.
    (
        "JOINT STOCK COMPANY THE 224TH FLIGHT UNIT STATE AIRLINES",
        "JSC the 224th Flight Unit State Airlines",
        "organization",
    ),
    ("224 FU JSC", "株式会社224FU", "organization"),
    # OFAC 44294 and South Korea's romanisation.
    ("RIM, Yong Hyok", "Rim Yong-hyok", "person"),
    # Queries of the kinds a screening benchmark makes from OFAC names: a field cut
    # short (10030), two letters swapped (10142), the vowels left out (10000).
    ("POPOV, Dimitri Igorevich", "POPOV, Dimitri Igore", "person"),
    ("SIVAKOV, Yury", "SIVAKOV, Yruy", "person"),
    ("CANO CORREA, Jhon Eidelber", "CNO CRR, Jhn Edlbr", "person"),
    # OFAC 47712 without its legal form.
    ("VOSTOCHNAYA STEVEDORING COMPANY LLC", "Vostochnaya Stevedoring", "organization"),
]

DIFFERENT_PARTIES = [
    # OFAC 46769 and 46770: two companies of one group.
    ("AZIA SHIPPING COMPANY", "AZIA SHIPPING HOLDINGS LIMITED", "organization"),
    # OFAC 43113 and 43112: the 224th and the 223rd flight units.
    (
        "JOINT STOCK COMPANY THE 224TH FLIGHT UNIT STATE AIRLINES",
        "FEDERAL STATE GOVERNMENTAL INSTITUTION 223 FLIGHT UNIT STATE AIRLINES OF THE MINISTRY "
        "OF DEFENSE OF THE RUSSIAN FEDERATION",
        "organization",
    ),
    # South Korea's Han Hyok-chol against OFAC 22995: another family name.
    ("KIM, Hyok Chol", "Han Hyok-chol", "person"),
    # South Korea's Jang Ho-yong against OFAC 34456, O Yong Ho.
    ("O, Yong Ho", "Jang Ho-yong", "person"),
    # OFAC's vessels MARIA (46773), MAIA-1 (37098) and LADY MARIIA (37089).
    ("MARIA", "MAIA-1", "vessel"),
    ("MARIA", "MARIA-1", "vessel"),
    ("MARIA", "LADY MARIIA", "vessel"),
    # OFAC 10034 against a first name with another surname that shares letters.
    ("MPANO, Douglas", "CANO Douglas", "person"),
    # One shared first name.
    ("Vladimir", "MIKHEYCHIK, Vladimir Vladimirovich", "person"),
]


@pytest.mark.parametrize(("left", "right", "kind"), SAME_PARTY)
def test_names_of_one_party_match(left: str, right: str, kind: str) -> None:
    result = compare_names(left, right, kind=kind)
    assert result.is_match, str(result.explanation)
    assert DEFAULT_THRESHOLD <= result.score <= 1.0


@pytest.mark.parametrize(("left", "right", "kind"), DIFFERENT_PARTIES)
def test_names_of_different_parties_do_not_match(left: str, right: str, kind: str) -> None:
    result = compare_names(left, right, kind=kind)
    assert not result.is_match, str(result.explanation)
    assert 0.0 <= result.score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(("left", "right", "kind"), SAME_PARTY + DIFFERENT_PARTIES)
def test_comparison_is_symmetric(left: str, right: str, kind: str) -> None:
    forward = compare_names(left, right, kind=kind)
    backward = compare_names(right, left, kind=kind)
    assert forward.score == backward.score
    assert [(p.left, p.right) for p in forward.explanation.parts] == [
        (p.right, p.left) for p in backward.explanation.parts
    ]


def test_name_order_does_not_matter() -> None:
    result = compare_names("MIKHEYCHIK, Vladimir", "Vladimir Mikheychik", kind="person")
    assert result.score == 1.0


def test_identical_names_score_one() -> None:
    assert compare_names("Ashuluk Firing Range", "Ashuluk Firing Range").score == 1.0


def reasons(left: str, right: str, kind: str | None = None) -> dict[tuple[str, str], Reason]:
    result = compare_names(left, right, kind=kind)
    return {(part.left, part.right): part.reason for part in result.explanation.parts}


def test_explanation_names_each_pair_and_why() -> None:
    found = reasons("Vladimir Mikheychik", "Vladimir Mikheichik", "person")
    assert found == {
        ("Vladimir", "Vladimir"): Reason.EXACT,
        ("Mikheychik", "Mikheichik"): Reason.EDIT_DISTANCE,
    }


def test_explanation_says_transliterated_and_phonetic() -> None:
    found = reasons("M LEASING LLC", "ООО М Лизинг", "organization")
    assert found[("M", "М")] is Reason.TRANSLITERATED
    assert found[("LEASING", "Лизинг")] is Reason.PHONETIC


def test_explanation_says_truncated_and_counts_a_swap_as_one_edit() -> None:
    found = reasons("POPOV, Dimitri Igorevich", "POPOV, Dimitri Igore", "person")
    assert found[("Igorevich", "Igore")] is Reason.TRUNCATED
    # A swap is one edit of four letters: 0.75, squared.
    result = compare_names("SIVAKOV, Yury", "SIVAKOV, Yruy", kind="person")
    assert result.explanation.parts[1].score == 0.5625


def test_a_cut_word_counts_only_at_the_end_of_a_name() -> None:
    # "Igore" in the middle is a different word, not a cut one.
    found = reasons("Igorevich Popov", "Igore Popov", "person")
    assert Reason.TRUNCATED not in found.values()
    assert found[("igorevich", "")] is Reason.UNMATCHED


def test_explanation_says_initial() -> None:
    found = reasons("V. Mikheychik", "Vladimir Mikheychik", "person")
    assert found[("V.", "Vladimir")] is Reason.INITIAL


def test_explanation_notes_the_organisation_form() -> None:
    result = compare_names("M LEASING LLC", "有限会社Mリーシング", kind="organization")
    (note,) = result.explanation.notes
    assert note.startswith("organisation form: LLC = 有限会社 (same class")


def test_a_misspelt_legal_form_is_set_aside_as_the_form() -> None:
    # OFAC writes LIMITED LIABILITY COMPANY KALEIDOSKOP; a query drops a letter of the form.
    result = compare_names(
        "LIMITE LIABILITY COMPANY KALEIDOSKOP",
        "LIMITED LIABILITY COMPANY KALEIDOSKOP",
        kind="organization",
    )
    assert result.is_match
    formlike = [p for p in result.explanation.parts if p.reason is Reason.ORGANISATION_FORM]
    # COMPANY alone is a form; LIMITE and LIABILITY are left, and spell the other's form.
    assert [(p.left, p.right, p.score) for p in formlike] == [
        ("limite", "limited", 0.0),
        ("liability", "liability", 0.0),
    ]
    # A word far from every word of the form still counts against the name.
    other = compare_names("MOSCOW KALEIDOSKOP", "KALEIDOSKOP LLC", kind="organization")
    assert not other.is_match


def test_explanation_says_when_ship_numbers_differ() -> None:
    result = compare_names("MARIA", "MARIA-1", kind="vessel")
    assert result.score == 0.5
    assert "numbers differ: none and 1 (different names)" in result.explanation.notes


def test_unpaired_words_are_listed() -> None:
    found = reasons("MIKHEYCHIK, Vladimir Vladimirovich", "Vladimir Mikheychik", "person")
    assert found[("vladimirovich", "")] is Reason.UNMATCHED


def test_a_left_out_patronymic_costs_less_than_a_different_surname() -> None:
    omitted = compare_names("MIKHEYCHIK, Vladimir Vladimirovich", "Vladimir Mikheychik", "person")
    different = compare_names("MIKHEYCHIK, Vladimir", "DZHABAROV, Vladimir", "person")
    assert omitted.score > DEFAULT_THRESHOLD > different.score


def test_kind_changes_the_verdict_on_numbers() -> None:
    # For a ship a number is the name; for an organisation it is one word among others.
    assert compare_names("MARIA", "MARIA-1", kind="vessel").score == 0.5
    assert compare_names("MARIA", "MARIA-1").score > 0.5


def test_the_threshold_is_documented_and_used() -> None:
    result = compare_names("Azia Shipping", "Asia Shipping")
    assert sk.match.DEFAULT_THRESHOLD == result.threshold == 0.8
    assert result.is_match is (result.score >= 0.8)


# OFAC SDN 2024-05-03: 47712 VOSTOCHNAYA STEVEDORING COMPANY LLC, a.k.a. 'VSC' and 'OOO VSK';
# 30753 VIAN STEEL COMPLEX, a.k.a. 'VISCO'. Two different companies.
@pytest.mark.parametrize(
    ("acronym", "other"),
    [("VSC", "VISCO"), ("OOO VSK", "VISCO"), ("VSC", "VSK")],
)
def test_an_acronym_is_not_compared_by_its_letters(acronym: str, other: str) -> None:
    comparison = compare_names(acronym, other, "organization")
    # Before, the consonant skeletons agreed: 0.90, and 0.81 as a weak alias.
    assert comparison.score < 0.5
    assert not comparison.is_match
    assert "acronym" in str(comparison.explanation)


@pytest.mark.parametrize("name", ["VOSTOCHNAYA STEVEDORING COMPANY LLC", "VIAN STEEL COMPLEX"])
def test_an_initialism_counts_only_below_the_threshold(name: str) -> None:
    # "VSC" is the initials of both (the first with its form LLC left out): on its
    # own an initialism does not say which, so it needs corroborating facts.
    comparison = compare_names("VSC", name, "organization")
    assert 0.5 < comparison.score < DEFAULT_THRESHOLD
    assert comparison.explanation.parts[0].reason is Reason.INITIALISM
    assert compare_names(name, "VSC", "organization").score == comparison.score


def test_a_persons_vowelless_spelling_is_not_an_acronym() -> None:
    # OFAC 10000 CANO CORREA: the screening benchmark's dropped-vowels class.
    assert compare_names("CRR", "CORREA", "person").score >= 0.85
