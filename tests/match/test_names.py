"""Name analysis: what sanctionkit.match.analyze_name keeps, folds and sets aside."""

from __future__ import annotations

import builtins
import importlib
import sys

import pytest

import sanctionkit as sk
from sanctionkit.match import analyze_name


def texts(name: str, kind: str | None = None) -> list[str]:
    return [part.text for part in analyze_name(name, kind).parts]


def test_case_diacritics_and_compatibility_forms_fold() -> None:
    # Japan's list writes the letter M full-width ("有限会社Ｍリージング").
    assert texts("Ｍ Leasing") == texts("m leasing") == ["m", "leasing"]
    assert texts("Müller Ñúñez") == ["muller", "nunez"]


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "\u00ad"],
    ids=["zero-width-space", "zwj", "bom", "rtl-override", "isolate", "soft-hyphen"],
)
def test_zero_width_and_bidi_characters_vanish(invisible: str) -> None:
    assert texts(f"Mikhey{invisible}chik") == ["mikheychik"]


def test_control_characters_separate_words() -> None:
    assert texts("AZIA\tSHIPPING\x00COMPANY", kind="person") == ["azia", "shipping", "company"]


def test_cyrillic_look_alikes_inside_a_latin_word_are_folded() -> None:
    # "Gаzprom" with a Cyrillic а (U+0430) and "MАRIА" with two.
    assert texts("G\u0430zprom") == ["gazprom"]
    assert texts("M\u0410RI\u0410") == ["maria"]
    assert not analyze_name("G\u0430zprom").parts[0].transliterated


def test_a_word_wholly_in_cyrillic_is_transliterated_not_folded() -> None:
    # "Мария" is Cyrillic, not a disguised Latin word: its р is an r.
    part = analyze_name("Мария").parts[0]
    assert (part.text, part.original, part.transliterated) == ("mariya", "Мария", True)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Михейчик", "mikheychik"),  # Cyrillic, as OFAC spells it (uid 47173)
        ("Αλέξανδρος", "alexandros"),  # Greek
        ("გიორგი", "giorgi"),  # Georgian
        ("Արմեն", "armen"),  # Armenian
        ("ישראל", "ysr'l"),  # Hebrew (abjad: the vowels are not written)
        ("ミヘイチク", "miheichiku"),  # katakana, as Japan's list writes foreign names
        ("김정은", "gimjeongeun"),  # Hangul
        ("习近平", "xijinping"),  # Chinese
        ("محمد", "mhmd"),  # Arabic
    ],
)
def test_every_script_is_transliterated_and_the_original_kept(name: str, expected: str) -> None:
    (part,) = analyze_name(name).parts
    assert part.text == expected.replace("'", "")
    assert part.original == name
    assert part.transliterated


def test_skeleton_lets_abjad_and_kana_spellings_meet_latin_ones() -> None:
    # Arabic writes no short vowels; katakana adds them and has no "kh".
    assert analyze_name("محمد").parts[0].skeleton == analyze_name("Muhammad").parts[0].skeleton
    assert (
        analyze_name("ミヘイチク").parts[0].skeleton == analyze_name("Mikheychik").parts[0].skeleton
    )


@pytest.mark.parametrize(
    ("name", "words", "form_class"),
    [
        ("M LEASING LLC", ["m", "leasing"], "llc"),
        ("OOO M Lizing", ["m", "lizing"], "llc"),
        ("ООО М Лизинг", ["m", "lizing"], "llc"),
        ("有限会社Mリーシング", ["m", "rishingu"], "llc"),
        (
            "JSC the 224th Flight Unit State Airlines",
            ["the", "224", "flight", "unit", "state", "airlines"],
            "jsc",
        ),
        ("АО Гознак", ["goznak"], "jsc"),
        ("株式会社224FU", ["224", "fu"], "jsc"),
        ("INVERSORA PANACOL S.A.", ["inversora", "panacol"], "sa"),
        ("Siemens GmbH", ["siemens"], "gmbh"),
        ("HUAXIN SHIPPING HONGKONG LTD", ["huaxin", "shipping", "hongkong"], "limited"),
        ("AZIA SHIPPING CO.", ["azia", "shipping"], "company"),
        ("VERSOR S.R.O.", ["versor"], "llc"),
        ("DEFENSE ENGINEERING, TOO", ["defense", "engineering"], "llp"),
        # A form's words in another order are still the form (a name reordered).
        ("PLUTON OBSHCHESTVO AKTSIONERNOE", ["pluton"], "jsc"),
        ("COMPANY LIABILITY LIMITED ORION", ["orion"], "llc"),
        ("BANK MTS COMPANY STOCK JOINT PUBLIC", ["bank", "mts"], "jsc"),
    ],
)
def test_legal_forms_are_a_class_not_name_words(
    name: str, words: list[str], form_class: str
) -> None:
    analyzed = analyze_name(name, "organization")
    assert [part.text for part in analyzed.parts] == words
    assert form_class in analyzed.forms


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    assert texts("Company", "organization") == ["company"]


def test_legal_forms_are_left_alone_in_persons_and_ships() -> None:
    # "Sa" and "Ao" are names too.
    assert texts("Ao Sa", "person") == ["ao", "sa"]
    assert texts("MARIA CO", "vessel") == ["maria", "co"]


def test_titles_are_set_aside_for_persons() -> None:
    analyzed = analyze_name("Sheikh Dr. Ali AL-HASSAN", "person")
    assert [part.text for part in analyzed.parts] == ["ali", "al", "hassan"]
    assert analyzed.titles == ("sheikh", "dr")


def test_a_ships_name_keeps_its_title_word() -> None:
    # OFAC's vessel "CAPTAIN YAKUBOVICH" (uid 46771).
    assert texts("CAPTAIN YAKUBOVICH", "vessel") == ["captain", "yakubovich"]


def test_particles_and_initials_are_recognised_and_weigh_less() -> None:
    parts = analyze_name("Ludwig van B. Beethoven", "person").parts
    assert [part.role for part in parts] == ["word", "particle", "initial", "word"]
    assert parts[1].weight < parts[0].weight
    assert parts[2].weight < parts[0].weight


def test_name_order_and_punctuation_do_not_change_the_words() -> None:
    assert sorted(texts("MIKHEYCHIK, Vladimir Vladimirovich")) == sorted(
        texts("Vladimir Vladimirovich Mikheychik")
    )


def test_ordinals_and_glued_numbers_become_numbers() -> None:
    parts = analyze_name("224th Flight Unit").parts
    assert (parts[0].text, parts[0].role) == ("224", "number")
    assert texts("MAIA-1", "vessel") == ["maia", "1"]


@pytest.mark.parametrize("name", ["", "   ", "\u200b\u200b", "\t\n"])
def test_empty_or_blank_names_are_a_clear_error(name: str) -> None:
    with pytest.raises(sk.errors.InvalidNameError, match="a name must have a letter or a digit"):
        analyze_name(name)
    with pytest.raises(ValueError, match="a name must have"):  # InvalidNameError is one
        sk.match.compare_names(name, "MARIA")


def test_a_name_that_is_not_a_string_is_a_clear_error() -> None:
    with pytest.raises(sk.errors.InvalidNameError, match="must be a string, not int"):
        analyze_name(42)  # type: ignore[arg-type]


def test_unknown_kind_is_a_clear_error() -> None:
    with pytest.raises(sk.errors.UnknownKindError, match="unknown kind 'ship'"):
        sk.match.compare_names("MARIA", "MARIA", kind="ship")
    with pytest.raises(ValueError, match="use one of person, organization, vessel, aircraft"):
        analyze_name("MARIA", "individual")


def test_very_long_names_are_cut_and_say_so() -> None:
    analyzed = analyze_name("word " * 20_000)
    assert analyzed.truncated
    assert len(analyzed.parts) == sk.match.names.MAX_PARTS


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_rapidfuzz(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("rapidfuzz"):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_rapidfuzz)
    monkeypatch.delitem(sys.modules, "sanctionkit.match._deps")
    with pytest.raises(
        sk.errors.MissingDependencyError, match=r"pip install 'sanctionkit\[match\]'"
    ):
        importlib.import_module("sanctionkit.match._deps")
    monkeypatch.undo()
    importlib.import_module("sanctionkit.match._deps")
