"""The word tables of the date parser are consistent data."""

from __future__ import annotations

from collections import defaultdict

from sanctionkit.values import _dates_text, _dates_words


def test_no_month_name_means_two_months() -> None:
    months_of: defaultdict[tuple[str, ...], set[int]] = defaultdict(set)
    for month, names in _dates_words.MONTHS.items():
        for name in names:
            months_of[_dates_text._word_key(name)].add(month)
    assert {key: found for key, found in months_of.items() if len(found) > 1} == {}


def test_every_month_has_names_in_every_language_table() -> None:
    assert sorted(_dates_words.MONTHS) == list(range(1, 13))
    assert all(len(names) >= 12 for names in _dates_words.MONTHS.values())


def test_folding_meets_accented_and_dotless_spellings() -> None:
    fold = _dates_text._fold
    assert fold("Février") == fold("fevrier")
    assert fold("MAYIS") == fold("mayıs")
    assert fold("１９６２") == "1962"


def test_open_start_words_are_range_separators() -> None:
    key = _dates_text._word_key
    separators = {key(word) for word in _dates_words.RANGE_SEPARATORS}
    assert {key(word) for word in _dates_words.OPEN_START_SEPARATORS} <= separators


def test_open_end_words_are_range_openers() -> None:
    key = _dates_text._word_key
    openers = {key(word) for word in _dates_words.RANGE_OPENERS}
    assert {key(word) for word in _dates_words.OPEN_END_OPENERS} <= openers


def test_japanese_phrases_are_cut_into_characters_like_the_input() -> None:
    # Folding drops the voicing mark as it drops accents (で meets て), on both sides.
    assert _dates_text._word_key("までの間") == tuple(map(_dates_text._fold, "までの間"))
    assert len(_dates_text._word_key("までの間")) == 4
