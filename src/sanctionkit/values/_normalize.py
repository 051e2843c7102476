"""Text normalisation shared by the value parsers and the table builders.

The same function must build the lookup tables (``tools/build_country_names.py``)
and normalise the input at run time, or keys would silently stop matching.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["name_key", "quick_key"]

# Every run of characters that is neither a letter nor a digit separates words.
_ASCII_SEPARATORS = re.compile(r"[\W_]+")
# The same for long text, as a table: translating and splitting is several times
# faster than a substitution once there are many runs to replace (hostile text).
_ASCII_SEPARATOR_TABLE = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})
_LONG = 64

# Marks that decorate a letter without changing which word it spells: Latin,
# Greek and Cyrillic accents (after NFKD), Hebrew points, Arabic vowel signs.
# Marks that are letters' vowels in Indic and South-East Asian scripts are kept.
_DECORATIONS = re.compile(
    "[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)

# Persian and Urdu write some Arabic letters in other code points; the
# countries are the same, so both spellings get the same key.
_ARABIC_VARIANTS = str.maketrans({"\u06cc": "\u064a", "\u0649": "\u064a", "\u06a9": "\u0643"})


# Persian writes a zero-width non-joiner between the words of a compound
# ("جان‌ماین", Jan Mayen): there it separates words, elsewhere it only shapes.
_ARABIC_NON_JOINER = re.compile("(?<=[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff])\u200c")

# Abbreviations that CLDR and the lists write both ways ("St. Lucia", "Saint
# Lucia"; "Bosnia & Herzegovina"): the key uses the long word.
_SAINT = re.compile(r"\bst(e?)\b")


def _non_letter(ch: str) -> str:
    """What a character that is not a letter or digit becomes in a key.

    Letters' own marks stay. Format characters (zero-width joiners and
    non-joiners, zero-width spaces, soft hyphens, direction marks) only steer
    rendering: Sinhala, Malayalam and Oriya names are written with and without
    them, so they vanish. Everything else separates words.
    """
    category = unicodedata.category(ch)
    if category[0] == "M":
        return ch
    return "" if category == "Cf" else " "


class _KeyCharacters(dict[int, str]):
    """What each character becomes in a key, worked out on first sight and kept.

    A table for ``str.translate``, which then runs at C speed over long text
    instead of a Python step per character.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = ch if ch.isalnum() else _non_letter(ch)
        self[code] = value
        return value


_KEY_CHARACTERS = _KeyCharacters()
_KEY_CHARACTERS_LIMIT = 20_000


def name_key(text: str) -> str:
    """Reduce a name to the key used for exact lookups.

    Case, accents and punctuation carry no meaning in a country name, so the
    key is case-folded, stripped of accents, and has single spaces between its
    words. Letters' own marks (the vowel signs of Devanagari, the voicing
    marks of kana) are kept: they change the word.

    >>> name_key("  Côte d’Ivoire ")
    'cote d ivoire'
    >>> name_key("KOREA, NORTH")
    'korea north'
    >>> name_key("St. Kitts & Nevis")
    'saint kitts and nevis'
    >>> name_key("ドイツ") == name_key("トイツ")
    False
    >>> name_key("ඊශ්\u200dරායලය") == name_key("ඊශ්රායලය")
    True
    """
    if "&" in text:
        text = text.replace("&", " and ")
    if text.isascii():
        key = _ascii_words(text)
    else:
        if "\u200c" in text:
            text = _ARABIC_NON_JOINER.sub(" ", text)
        decomposed = _DECORATIONS.sub("", unicodedata.normalize("NFKD", text))
        if len(_KEY_CHARACTERS) > _KEY_CHARACTERS_LIMIT:
            _KEY_CHARACTERS.clear()  # memory stays flat on streams of every code point
        kept = decomposed.translate(_KEY_CHARACTERS)
        recomposed = unicodedata.normalize("NFC", kept).casefold()
        key = " ".join(recomposed.translate(_ARABIC_VARIANTS).split())
    if "st" in key:
        key = _SAINT.sub(r"saint\1", key)
    return key


def quick_key(text: str) -> str:
    """:func:`name_key` without the abbreviation step, for a first, cheap lookup.

    It differs from ``name_key(text)`` only when the text holds "St" or "&",
    and no table built with :func:`name_key` has such a key: a hit on the
    quick key is the hit that the full key would give, and a miss is retried
    with the full key.

    >>> quick_key("Korea, North"), quick_key("St. Lucia")
    ('korea north', 'st lucia')
    """
    if text.isascii():
        if len(text) <= _LONG:  # the hot path of every lookup: no further call
            return _ASCII_SEPARATORS.sub(" ", text.casefold()).strip()
        return _ascii_words(text)
    return name_key(text)


def _ascii_words(text: str) -> str:
    """The runs of letters and digits of ASCII text, case-folded, joined by single spaces."""
    if len(text) > _LONG:
        return " ".join(text.casefold().translate(_ASCII_SEPARATOR_TABLE).split())
    return _ASCII_SEPARATORS.sub(" ", text.casefold()).strip()
