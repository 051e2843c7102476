"""Country names that no table lists word for word: the last steps of :func:`parse_country`.

After the tables of names failed, a text may still name one country in a way
that follows a rule rather than a list:

- an ISO 3166-2 subdivision code ("GB-SCT", "UA-43");
- a Japanese nationality form ("イラン人", "ロシア国籍", "エチオピアと思われる");
- an adjective of nationality in German, French or Spanish ("Syrisch",
  "Iranienne", "Venezolano"), from ``data/country_demonyms.tsv``;
- a Russian or Arabic name or adjective in another case, gender or word order
  ("Российской Федерации", "сирийская", "جمهورية إيران الإسلامية", "إيرانية"),
  matched on the stems of its words;
- and, only when asked (``parse_country(text, places=True)``), a well-known
  capital ("Tehran", from ``data/country_places.tsv``) or the name of an
  ISO 3166-2 region that one country, or at most three, has ("Tamaulipas";
  "Punjab" is India's and Pakistan's, and so ambiguous): :func:`place_codes`.

Each step gives the codes it is sure of and nothing else: a stem that two
countries share, or a place in many countries, is no answer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from sanctionkit.values._normalize import name_key

__all__ = ["demonym_index", "derived_codes", "place_codes", "stem_key"]

# Looks a text up in every table of names: the codes, or () when none knows it.
Lookup = Callable[[str], tuple[str, ...]]

# "GB-SCT", "UA-43", "FR-75C": ISO 3166-2's country code, a hyphen, one to three characters.
_SUBDIVISION_CODE = re.compile(r"\s*([A-Za-z]{2})-([A-Za-z0-9]{1,3})\s*")

# What Japanese lists write after a country name: nationality (国籍, 籍),
# person of (人), citizen (国民), and "believed to be" (と思われる, とみられる).
_JAPANESE_SUFFIXES = ("国籍", "国民", "籍", "人", "と思われる", "とみられる", "と見られる")
# "Former" (旧ソ連): the text names the state of its time.
_JAPANESE_PREFIXES = ("旧",)

# Russian endings of nouns and adjectives, longest first; a stem keeps at least
# three letters. The key has "й" as "и" and "ё" as "е" (accents dropped).
_RUSSIAN_ENDINGS = (
    *("ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями"),
    *("ая", "яя", "ое", "ее", "ые", "ие", "ыи", "ии", "ои", "еи", "ую", "юю", "ых", "их"),
    *("ым", "им", "ом", "ем", "ам", "ям", "ах", "ях", "ия", "ию"),
    *("а", "я", "ы", "и", "у", "ю", "е", "о", "ь"),
)
_MIN_STEM = 3
# Words that say how a person relates to the country: dropped from a stemmed key
# (гражданин, гражданка, гражданство; бывший; الجنسية, مواطن).
_RELATION_STEMS = frozenset(
    {"граждан", "гражданин", "гражданк", "гражданств", "бывш", "جنس", "مواطن"}
)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
# How a key of an autonomous Soviet socialist republic ends (in English and Russian).
_ASSR_ENDINGS = ("assr", "autonomous ssr", "autonomous soviet socialist republic", "асср")
# Transliterated Arabic names with an article ("Al Bayḑā'" is Yemen's, and a
# city of Libya) recur across countries in ISO's varying spellings: not read.
_ARTICLES = ("al ", "an ", "ar ", "as ", "ash ", "at ", "ad ", "adh ", "az ", "el ")
# A place in more than this many countries names none of them.
_MAX_PLACE_CODES = 3


def derived_codes(text: str, key: str, lookup: Lookup) -> tuple[str, ...]:
    """The codes of a text that no table names word for word, or ().

    ``key`` is the text's :func:`name_key`; ``lookup`` looks a text up in every
    table of names (with its rewrites).
    """
    return (
        _subdivision_code(text)
        or _soviet_autonomy(key)
        or _japanese_codes(text, lookup)
        or demonym_index().get(key, ())
        or _stemmed_codes(key)
    )


def _soviet_autonomy(key: str) -> tuple[str, ...]:
    """The USSR for "Komi ASSR", "Yakut Autonomous SSR": only the Soviet Union had ASSRs."""
    return ("SUHH",) if key.endswith(_ASSR_ENDINGS) and key not in _ASSR_ENDINGS else ()


def _subdivision_code(text: str) -> tuple[str, ...]:
    """The country of an ISO 3166-2 code ("GB-SCT" is in GB), or ()."""
    match = _SUBDIVISION_CODE.fullmatch(text)
    if match is None:
        return ()
    country = _subdivision_codes().get(f"{match[1]}-{match[2]}".upper())
    return () if country is None else (country,)


@functools.cache
def _subdivision_codes() -> dict[str, str]:
    import pycountry

    return {entry.code: entry.country_code for entry in pycountry.subdivisions}


def _japanese_codes(text: str, lookup: Lookup) -> tuple[str, ...]:
    """The codes of "イラン人", "ロシア国籍", "旧ソ連", "エチオピアと思われる", or ()."""
    if text.isascii():
        return ()
    stripped = text.strip(" \u3000。.")
    for suffix in _JAPANESE_SUFFIXES:
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            return _japanese_codes(stripped[: -len(suffix)], lookup) or lookup(
                stripped[: -len(suffix)]
            )
    for prefix in _JAPANESE_PREFIXES:
        if stripped.startswith(prefix) and len(stripped) > len(prefix):
            return lookup(stripped[len(prefix) :])
    return ()


@functools.cache
def demonym_index() -> dict[str, tuple[str, ...]]:
    """Keys of the adjectives of ``data/country_demonyms.tsv``, with their inflected forms."""
    index: dict[str, set[str]] = {}
    for line_number, codes, language, forms in _demonym_rows():
        for form in forms:
            for variant in _inflections(language, form):
                key = name_key(variant)
                if not key:
                    raise ValueError(f"country_demonyms.tsv:{line_number}: empty form {form!r}")
                index.setdefault(key, set()).update(codes)
    return {key: tuple(sorted(codes)) for key, codes in index.items()}


def _demonym_rows() -> Iterator[tuple[int, list[str], str, list[str]]]:
    from importlib import resources

    path = resources.files("sanctionkit.data").joinpath("country_demonyms.tsv")
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"country_demonyms.tsv:{line_number}: expected three columns")
        codes, language, forms = fields
        yield line_number, codes.split("|"), language, forms.split(",")


def _inflections(language: str, form: str) -> Iterable[str]:
    """The form and the forms a rule of its language makes of it."""
    if language == "de":
        return [form, *(form + ending for ending in ("e", "er", "es", "en", "em"))]
    if language == "fr":
        return [form] if form.endswith(("s", "x")) else [form, form + "s"]
    if language == "es":
        plural = form + ("es" if form[-1] in "íún" or form.endswith("és") else "s")
        return [form] if form.endswith("s") and not form.endswith("és") else [form, plural]
    return [form]


def _stemmed_codes(key: str) -> tuple[str, ...]:
    """The one country whose Russian or Arabic name has the same stems as the key, or ()."""
    if not (_CYRILLIC.search(key) or _ARABIC.search(key)):
        return ()
    stems = stem_key(key)
    found = _stem_index().get(stems, ()) if stems else ()
    return found if len(found) == 1 else ()


def stem_key(key: str) -> str:
    """The stems of a key's Russian and Arabic words, sorted: case, gender and order dropped.

    >>> stem_key(name_key("Российской Федерации")) == stem_key(name_key("Российская Федерация"))
    True
    >>> stem_key(name_key("جمهورية إيران الإسلامية")) == stem_key(name_key("الجمهورية الإسلامية"
    ...     " الإيرانية"))
    True
    """
    stems = (_stem(word) for word in key.split())
    return " ".join(sorted(stem for stem in stems if stem not in _RELATION_STEMS))


def _stem(word: str) -> str:
    if _CYRILLIC.match(word):
        for ending in _RUSSIAN_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
                return word[: -len(ending)]
        return word
    if _ARABIC.match(word):
        return _arabic_stem(word)
    return word


def _arabic_stem(word: str) -> str:
    """Without the article (ال, وال), the feminine (ة) or a final alif, and the nisba (ي)."""
    for article in ("وال", "ال"):
        if word.startswith(article) and len(word) - len(article) >= _MIN_STEM:
            word = word[len(article) :]
            break
    if word.endswith(("ة", "ه", "ا")) and len(word) > _MIN_STEM:
        word = word[:-1]
    if word.endswith("ي") and len(word) > _MIN_STEM:
        word = word[:-1]
    return word


@functools.cache
def _stem_index() -> dict[str, tuple[str, ...]]:
    """Stemmed keys of every Russian and Arabic name and adjective in the tables."""
    from sanctionkit.values import countries

    index: dict[str, set[str]] = {}
    tables = (countries._english_index(), countries._international_index(), demonym_index())
    for table in tables:
        for key, codes in table.items():
            if _CYRILLIC.search(key) or _ARABIC.search(key):
                index.setdefault(stem_key(key), set()).update(codes)
    return {stems: tuple(sorted(codes)) for stems, codes in index.items() if stems}


def place_codes(key: str) -> tuple[str, ...]:
    """The country of a capital or of an ISO 3166-2 subdivision's name, if few have it."""
    found = _place_index().get(key, ())
    return found if len(found) <= _MAX_PLACE_CODES else ()


@functools.cache
def _place_index() -> dict[str, tuple[str, ...]]:
    """Curated capitals first; then top-level subdivision names that no capital shadows."""
    import pycountry

    from sanctionkit.values import countries

    curated: dict[str, set[str]] = {}
    for line_number, code_field, place in countries._data_rows("country_places.tsv"):
        key = name_key(place)
        if not key:
            raise ValueError(f"country_places.tsv:{line_number}: empty place {place!r}")
        curated.setdefault(key, set()).update(code_field.split("|"))
    subdivisions: dict[str, set[str]] = {}
    for entry in pycountry.subdivisions:
        # Only a first-level subdivision: the names of districts repeat too often.
        if entry.parent_code is None:
            for name in _subdivision_names(entry.name):
                key = name_key(name)
                if len(key) >= 4 and key not in curated and not key.startswith(_ARTICLES):
                    subdivisions.setdefault(key, set()).add(entry.country_code)
    merged = {**subdivisions, **curated}
    return {key: tuple(sorted(codes)) for key, codes in merged.items()}


def _subdivision_names(name: str) -> set[str]:
    """ "Catalunya [Cataluña]" -> both names; "Sofia (stolitsa)" -> "Sofia" as well."""
    head, _, rest = name.partition("[")
    names = {name, head.split("(", 1)[0].strip()}
    if rest:
        names.add(rest.split("]", 1)[0].strip())
    return names
