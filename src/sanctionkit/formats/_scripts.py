"""Which script a name is written in, told from its letters (ISO 15924 codes).

Lists give names in other scripts without saying which; readers record the
script on the alias so that users can filter, transliterate or display it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["guess_script"]

# ISO 15924 codes of the scripts whose letters' Unicode names start with these words.
_SCRIPT_WORDS = {
    "LATIN": "Latn",
    "ARABIC": "Arab",
    "CYRILLIC": "Cyrl",
    "HANGUL": "Hang",
    "CJK": "Hani",
    "HIRAGANA": "Hira",
    "KATAKANA": "Kana",
    "ETHIOPIC": "Ethi",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "SYRIAC": "Syrc",
    "THAANA": "Thaa",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "GURMUKHI": "Guru",
    "TAMIL": "Taml",
    "THAI": "Thai",
    "LAO": "Laoo",
    "KHMER": "Khmr",
    "MYANMAR": "Mymr",
    "TIBETAN": "Tibt",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
    "MONGOLIAN": "Mong",
}


def guess_script(text: str) -> str | None:
    """The ISO 15924 code of the script a name is written in, from its letters' Unicode names.

    The rule: each letter counts for the script its Unicode character name
    starts with ("ARABIC LETTER ALEF" counts for Arab). Latin letters count
    only when nothing else is there, since a name in another script often
    carries a Latin abbreviation. Han with kana is Japanese ("Jpan"), Han
    with Hangul is Korean ("Kore"); otherwise the script with most letters
    wins. None when there are no letters or none of a known script.

    >>> guess_script("محمد طاهر أنوري"), guess_script("Абу Банат"), guess_script("김정식")
    ('Arab', 'Cyrl', 'Hang')
    >>> guess_script("金正日"), guess_script("ミヘイチク・ウラジーミル"), guess_script("Kim")
    ('Hani', 'Kana', 'Latn')
    """
    counts: dict[str, int] = {}
    for char in text:
        script = _CHAR_SCRIPTS.get(char, "")
        if script == "":
            script = _CHAR_SCRIPTS[char] = _script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if len(counts) > 1:
        counts.pop("Latn", None)
    if not counts:
        return None
    if "Hani" in counts and ("Hira" in counts or "Kana" in counts):
        return "Jpan"
    if "Hani" in counts and "Hang" in counts:
        return "Kore"
    return max(counts, key=counts.__getitem__)


# The script of each character seen so far ("" is never a script: it means "not seen").
_CHAR_SCRIPTS: dict[str, str | None] = {}


def _script_of(char: str) -> str | None:
    if not char.isalpha():
        return None
    return _SCRIPT_WORDS.get(unicodedata.name(char, "").partition(" ")[0])
