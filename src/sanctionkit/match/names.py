"""Name analysis: from a name as a list writes it to comparable parts.

Official lists write one name in many ways: another script ("ООО М Лизинг",
"有限会社Mリーシング"), another order ("MIKHEYCHIK, Vladimir Vladimirovich"),
with titles, legal forms and look-alike letters. :func:`analyze_name` turns a
name into :class:`NamePart` objects that can be compared one by one, and keeps
what it set aside (legal forms, titles) so an explanation can say so.

>>> name = analyze_name("MIKHEYCHIK, Vladimir Vladimirovich", kind="person")
>>> [part.text for part in name.parts]
['mikheychik', 'vladimir', 'vladimirovich']
>>> analyze_name("ООО М Лизинг", kind="organization").forms
('llc',)
>>> [(part.text, part.transliterated) for part in analyze_name("Лизинг").parts]
[('lizing', True)]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

import attrs

from sanctionkit.errors import InvalidNameError, UnknownKindError
from sanctionkit.match._deps import anyascii, jellyfish

__all__ = ["KINDS", "AnalyzedName", "NamePart", "analyze_name", "check_kind"]

#: The kinds of entity whose names are compared; None means "not known".
KINDS = ("person", "organization", "vessel", "aircraft")

#: Text beyond this many characters is not read: no list writes a name this long,
#: and a bound keeps every call fast whatever it is given.
MAX_CHARS = 1000
#: Parts beyond this many are not compared, for the same reason.
MAX_PARTS = 16

# Zero-width, bidi and other format characters vanish; control characters separate.
_FORMAT = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Anything that is not a letter, digit, dot or apostrophe separates words.
_SEPARATOR = re.compile(r"[^\w.'’]+|_+")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_VOWELS = frozenset("aeiouy")
# Japanese, Chinese and Korean words are written against Latin letters and digits
# with no space between ("有限会社MGフロート"): a change of script separates words.
# Katakana against kanji separates words too: "ヴォストーチナヤ港湾社" is a
# transliterated name followed by a translated word.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_KANA = "\u30a0-\u30ff"
_HAN_RANGE = "\u3400-\u9fff\uf900-\ufaff"
_SCRIPT_CHANGE = re.compile(
    f"(?<=[A-Za-z0-9])(?=[{_CJK}])|(?<=[{_CJK}])(?=[A-Za-z0-9])"
    f"|(?<=[{_KANA}])(?=[{_HAN_RANGE}])|(?<=[{_HAN_RANGE}])(?=[{_KANA}])"
)
_DIGIT_RUNS = re.compile(r"\d+|\D+")
# Spelling variants of the same sound across transliteration systems, longest first.
_SOUNDS = (
    ("dzh", "j"),
    ("tch", "c"),
    ("sch", "s"),
    ("kh", "h"),
    ("zh", "j"),
    ("ch", "c"),
    ("sh", "s"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ts", "c"),
    ("tz", "c"),
    ("dj", "j"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("v", "b"),
    ("l", "r"),
    ("z", "s"),
)


def check_kind(kind: str | None) -> str | None:
    """Return ``kind`` if sanctionkit compares names of that kind, else raise.

    >>> check_kind("ship")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.UnknownKindError: unknown kind 'ship': use one of ...
    """
    if kind is not None and kind not in KINDS:
        raise UnknownKindError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)} or None")
    return kind


@attrs.frozen(slots=True)
class NamePart:
    """One comparable word of a name."""

    #: Folded Latin text: lower case, no diacritics, transliterated.
    text: str
    #: The word as the name writes it.
    original: str
    #: "word", "number", "initial" or "particle".
    role: str
    #: True when ``text`` came from another script.
    transliterated: bool
    #: How much the part counts in a name's score (its length; particles less).
    weight: float
    #: A consonant skeleton that transliteration systems agree on ("mhmd").
    skeleton: str
    #: The Metaphone key of ``text``.
    metaphone: str

    def __reduce__(self) -> tuple[type[NamePart], tuple[object, ...]]:
        # A plain tuple pickles several times faster than attrs' state dictionary,
        # and an index holding tens of thousands of parts is sent to each worker.
        return NamePart, attrs.astuple(self, recurse=False)


@attrs.frozen(slots=True)
class AnalyzedName:
    """A name taken apart: its comparable parts and what was set aside."""

    original: str
    kind: str | None
    parts: tuple[NamePart, ...]
    #: The parts' text, space-separated: two names with the same text are the same name.
    text: str
    #: Classes of the legal forms found ("llc", "jsc"), in order.
    forms: tuple[str, ...] = ()
    #: The legal forms as written ("ООО", "有限会社").
    form_words: tuple[str, ...] = ()
    #: Titles and honorifics left out ("dr", "sheikh").
    titles: tuple[str, ...] = ()
    #: True when the name was cut to :data:`MAX_CHARS` or :data:`MAX_PARTS`.
    truncated: bool = False
    #: The words of the Latin legal forms, folded ("limited", "liability", "company").
    form_texts: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[AnalyzedName], tuple[object, ...]]:
        # As NamePart's: an index is pickled for each worker that receives it.
        return AnalyzedName, attrs.astuple(self, recurse=False)

    @property
    def joined(self) -> str:
        """The parts' text with no spaces: "yong hyok" and "yonghyok" agree here."""
        return self.text.replace(" ", "")


def _data_lines(filename: str) -> list[list[str]]:
    text = resources.files("sanctionkit.data").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@functools.cache
def _homoglyphs() -> dict[int, str]:
    return {ord(row[0]): row[1] for row in _data_lines("match_homoglyphs.tsv")}


@functools.cache
def _word_set(filename: str) -> frozenset[str]:
    return frozenset(row[0].strip() for row in _data_lines(filename))


@functools.cache
def _legal_forms() -> tuple[dict[tuple[str, ...], str], tuple[tuple[str, str], ...]]:
    """Latin forms keyed by their words, and Han-script forms longest first."""
    latin: dict[tuple[str, ...], str] = {}
    han: list[tuple[str, str]] = []
    for form, form_class in _data_lines("match_legal_forms.tsv"):
        if _HAN.search(form):
            han.append((form, form_class))
        else:
            words = tuple(text for text, _original, _translit in _words(form))
            latin.setdefault(words, form_class)
    han.sort(key=lambda item: -len(item[0]))
    return latin, tuple(han)


@functools.cache
def _form_bags() -> dict[tuple[str, ...], str]:
    """The Latin forms of several words keyed by their words in sorted order.

    A name whose words were put in another order ("PLUTON OBSHCHESTVO
    AKTSIONERNOE", "COMPANY LIABILITY LIMITED ORION") keeps its legal form.
    """
    bags: dict[tuple[str, ...], str] = {}
    for words, form_class in _legal_forms()[0].items():
        if len(words) >= 2:
            bags.setdefault(tuple(sorted(words)), form_class)
    return bags


@functools.cache
def _form_starts() -> frozenset[str]:
    """The words that may start a legal form: any word of one, as their order may change."""
    return frozenset(word for words in _legal_forms()[0] for word in words)


def _fold_homoglyphs(word: str) -> str:
    # Only a word that mixes Latin with look-alikes is folded: "ООО" stays Cyrillic.
    if word.isascii() or not any("a" <= ch <= "z" for ch in word.lower()):
        return word
    return word.translate(_homoglyphs())


def _is_latin(word: str) -> bool:
    decomposed = unicodedata.normalize("NFKD", word)
    return all(ch.isascii() or unicodedata.combining(ch) for ch in decomposed)


def _split_dots(word: str) -> list[str]:
    if "." not in word and "'" not in word and "’" not in word:
        return [word]
    # "s.a." and "s.r.o." are one abbreviation; "j.smith" is two words.
    pieces = [piece for piece in word.replace("'", "").replace("’", "").split(".") if piece]
    if len(pieces) > 1 and all(len(piece) == 1 for piece in pieces):
        return ["".join(pieces)]
    return pieces


def _words(text: str, limit: int = MAX_PARTS * 2) -> list[tuple[str, str, bool]]:
    """(folded Latin text, original word, transliterated) for each word of ``text``."""
    result: list[tuple[str, str, bool]] = []
    if not text.isascii():
        text = _SCRIPT_CHANGE.sub(" ", text)
    for original in _SEPARATOR.split(text):
        if len(result) > limit:
            break
        if original:
            result.extend(_word(original[: MAX_CHARS // 4]))  # no name has a longer word
    return result


@functools.lru_cache(maxsize=65536)
def _word(original: str) -> tuple[tuple[str, str, bool], ...]:
    """The parts of one written word: lists repeat their words, so each is read once."""
    if not original.strip(".'’"):
        return ()
    word = _fold_homoglyphs(original)
    if word.isascii():
        latin, transliterated = word, False
    else:
        latin, transliterated = anyascii(word), not _is_latin(word)
    result: list[tuple[str, str, bool]] = []
    for chunk in _SEPARATOR.split(latin.lower()):
        for piece in _split_dots(chunk):
            if piece.isalpha():
                result.append((piece, original, transliterated))
                continue
            # "224th" is the number 224; "224FU" is the number and the letters.
            ordinal = _ORDINAL.match(piece)
            runs = [ordinal.group(1)] if ordinal else _DIGIT_RUNS.findall(piece)
            result.extend((run, original, transliterated) for run in runs)
    return tuple(result)


@functools.lru_cache(maxsize=65536)
def _sound_keys(text: str) -> tuple[str, str]:
    return skeleton(text), jellyfish.metaphone(text) if text.isalpha() else text


def skeleton(text: str) -> str:
    """A consonant skeleton on which transliteration systems agree.

    Vowels after the first letter go (Arabic and Hebrew are written without
    them), sounds spelled differently across systems are merged ("kh"/"h",
    "l"/"r" for Japanese kana), and repeated letters collapse.

    >>> skeleton("muhammad"), skeleton("mhmd"), skeleton("mikheychik"), skeleton("miheichiku")
    ('mhmd', 'mhmd', 'mhck', 'mhck')
    """
    for spelling, sound in _SOUNDS:
        if spelling in text:
            text = text.replace(spelling, sound)
    if not text:
        return text
    letters = [text[0]]
    for ch in text[1:]:
        if ch not in _VOWELS and ch != letters[-1]:
            letters.append(ch)
    return "".join(letters)


def _strip_han_forms(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Cut Han-script legal forms off the start and end of each word."""
    found: list[tuple[str, str]] = []
    if text.isascii() or not _HAN.search(text):
        return text, found
    _latin, han = _legal_forms()
    words = text.split()
    for position, word in enumerate(words):
        changed = True
        while changed and _HAN.search(word):
            changed = False
            for form, form_class in han:
                if word.startswith(form) and len(word) > len(form):
                    word, changed = word[len(form) :], True
                elif word.endswith(form) and len(word) > len(form):
                    word, changed = word[: -len(form)], True
                else:
                    continue
                found.append((form, form_class))
                break
        words[position] = word
    return " ".join(words), found


def _strip_latin_forms(
    words: list[tuple[str, str, bool]],
) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]]]:
    latin, _han = _legal_forms()
    bags = _form_bags()
    starts = _form_starts()
    kept: list[tuple[str, str, bool]] = []
    found: list[tuple[str, str]] = []
    position = 0
    while position < len(words):
        if words[position][0] not in starts:
            kept.append(words[position])
            position += 1
            continue
        for length in (5, 4, 3, 2, 1):
            key = tuple(word[0] for word in words[position : position + length])
            form_class = latin.get(key) or bags.get(tuple(sorted(key)) if length >= 2 else ())
            if len(key) == length and form_class:
                original = " ".join(
                    dict.fromkeys(w[1] for w in words[position : position + length])
                )
                found.append((original, form_class))
                position += length
                break
        else:
            kept.append(words[position])
            position += 1
    if not kept:  # "Company" alone is a name, not a form
        return words, []
    return kept, found


def _clean(name: str) -> str:
    if not isinstance(name, str):
        raise InvalidNameError(f"a name must be a string, not {type(name).__name__}", name)
    text = unicodedata.normalize("NFKC", name[: MAX_CHARS * 4])[:MAX_CHARS]
    if not (text.isascii() and text.isprintable()):
        text = _CONTROL.sub(" ", _FORMAT.sub("", text))
    text = text.strip()
    if not text:
        raise InvalidNameError(f"a name must have a letter or a digit, not {name[:40]!r}", name)
    return text


@functools.cache
def _korean() -> dict[str, str]:
    """Each spelling of a Korean syllable to the one it is compared in ("lee" -> "ri")."""
    return {spelling: row[0] for row in _data_lines("match_korean.tsv") for spelling in row[1:]}


@functools.lru_cache(maxsize=65536)
def _part(text: str, original: str, transliterated: bool, role: str) -> NamePart:
    # Parts are immutable and lists repeat their words: one object per distinct part.
    if role == "word" and text in _korean():
        # "Lee" and "Ri" write one surname (李) in two systems: compared as one
        # word, and explained as transliterated, since the originals differ.
        text, transliterated = _korean()[text], True
    weight = {"initial": 1.0, "particle": 0.3 * len(text)}.get(role, float(len(text)))
    sounds = _sound_keys(text)
    return NamePart(text, original, role, transliterated, weight, sounds[0], sounds[1])


@functools.lru_cache(maxsize=65536)
def analyze_name(name: str, kind: str | None = None) -> AnalyzedName:
    """Take a name apart into comparable parts, remembering what was set aside.

    Legal forms are recognised for organisations (and when the kind is not
    known), titles for persons (and when not known); a name that is nothing but
    a form or a title keeps it as its words.

    >>> name = analyze_name("有限会社MGフロート", kind="organization")
    >>> [part.text for part in name.parts], name.forms, name.form_words
    (['mg', 'furoto'], ('llc',), ('有限会社',))
    >>> [part.text for part in analyze_name("Dr. Ali AL-HASSAN", kind="person").parts]
    ['ali', 'al', 'hassan']
    """
    check_kind(kind)
    text = _clean(name)
    truncated = len(name) > MAX_CHARS
    found: list[tuple[str, str]] = []
    if kind in (None, "organization"):
        text, found = _strip_han_forms(text)
    words = _words(text)
    if not words:  # only punctuation: the punctuation is the name
        folded = text.casefold()
        words = [(folded, text, False)]
    if len(words) > MAX_PARTS * 2:
        words, truncated = words[: MAX_PARTS * 2], True
    if kind in (None, "organization"):
        words, latin_found = _strip_latin_forms(words)
        found.extend(latin_found)
    titles: list[str] = []
    if kind in (None, "person"):
        title_words = _word_set("match_titles.txt")
        kept = [word for word in words if word[0] not in title_words]
        if kept and len(kept) < len(words):
            titles = [word[0] for word in words if word[0] in title_words]
            words = kept
    if len(words) > MAX_PARTS:
        words, truncated = words[:MAX_PARTS], True
    particles = _word_set("match_particles.txt") if kind != "vessel" else frozenset()
    parts = []
    for text_, original, transliterated in words:
        if text_.isdigit():
            role = "number"
        elif len(text_) == 1 and kind != "vessel":
            role = "initial"
        elif text_ in particles and len(words) > 1:
            role = "particle"
        else:
            role = "word"
        parts.append(_part(text_, original, transliterated, role))
    return AnalyzedName(
        original=name,
        kind=kind,
        parts=tuple(parts),
        text=" ".join(part.text for part in parts),
        forms=tuple(form_class for _form, form_class in found),
        form_words=tuple(form for form, _form_class in found),
        form_texts=tuple(word[0] for form, _form_class in found for word in _words(form)),
        titles=tuple(titles),
        truncated=truncated,
    )
