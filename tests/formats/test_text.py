"""Specification of sanctionkit.formats._text: one line of text, blank values, scripts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionkit.formats._scripts import guess_script
from sanctionkit.formats._text import blank, clean, join, script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("KIM\nJONG  SIK", "KIM JONG SIK"),
        ("\tAl-Qaida\u00a0in Iraq ", "Al-Qaida in Iraq"),
    ],
)
def test_clean_makes_every_run_of_white_space_one_space(text: str | None, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize("text", ["null", "NA", " n/a ", "[object Object]", "None"])
def test_clean_makes_a_list_s_word_for_nothing_empty_in_any_case(text: str) -> None:
    blanks = frozenset({"null", "na", "n/a", "none", "[object object]"})
    assert clean(text, blanks) == ""


def test_clean_keeps_a_word_that_only_starts_like_a_blank() -> None:
    assert clean("Namibia", frozenset({"na"})) == "Namibia"
    assert clean("na", ()) == "na"  # without blanks, every word is a value


@pytest.mark.parametrize(
    ("text", "words", "strip", "expected"),
    [
        (None, (), None, True),
        (" \n ", (), None, True),
        ("不明", {"不明"}, None, True),
        ("不明。", {"不明"}, None, False),
        ("、不明、", {"不明"}, " 、,;.", True),
        ("Unknown", {"unknown"}, None, True),
        ("Unknown Street", {"unknown"}, None, False),
        (",;", {"-"}, " ,;", True),
    ],
)
def test_blank_says_whether_a_text_holds_no_value(
    text: str | None, words: set[str], strip: str | None, expected: bool
) -> None:
    assert blank(text, words, strip=strip) is expected


def test_join_leaves_out_empty_parts() -> None:
    assert join(["", "Pyongyang", "", "KP"]) == "Pyongyang, KP"
    assert join([], "; ") == ""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kim Jong Sik", "Latn"),
        ("2024 / 11", None),
        ("Интеррос Инвест, МК", "Cyrl"),
        ("«Вагнер» (Wagner)", "Cyrl"),
        ("محمد طاهر أنوري", "Arab"),
        ("金正日", "Hani"),
        ("Ελλάδα", "Grek"),
    ],
)
def test_script_names_the_script_of_a_name(name: str, expected: str | None) -> None:
    assert script(name) == expected


_LETTERS = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Lo", "Nd", "Zs", "Po"),
    max_codepoint=0x0500,
)


@given(st.text(_LETTERS, max_size=20))
def test_script_shortcuts_say_what_guess_script_says(name: str) -> None:
    # The ASCII and Cyrillic shortcuts are only for speed: never a different answer.
    assert script(name) == guess_script(name)
