"""Countries: the :class:`Country` value and the :func:`parse_country` parser.

Sanctions lists name countries in every way people do: ISO codes ("KP", "PRK",
"408"), official and short names ("Korea, Democratic People's Republic of"),
list spellings ("Korea, North", "Burma"), adjectives ("North Korean"), other
languages and scripts ("北朝鮮", "Corée du Nord", "Российская Федерация") and
states that no longer exist ("USSR"). :func:`parse_country` turns all of them
into one :class:`Country`, and refuses to guess: text that could mean two
countries ("Korea") or none raises :class:`~sanctionkit.errors.UnknownCountryError`
with suggestions. Fuzzy matching is a separate, explicit call:
:func:`search_countries`.

>>> parse_country("Korea, North").alpha2
'KP'
>>> parse_country("Soviet Union").code
'SUHH'
>>> parse_country("Korea")
Traceback (most recent call last):
...
sanctionkit.errors.AmbiguousCountryError: 'Korea' can mean more than one country: KP, KR

How text is resolved, in order, stopping at the first table that knows the key:

1. the curated aliases in ``data/country_aliases.tsv`` (list spellings, demonyms,
   common English names, historical states),
2. the ISO 3166-1 and ISO 3166-3 codes and English names, from pycountry,
3. names in other languages: pycountry's ISO 3166 translations and CLDR
   territory names, compiled into ``data/country_names_intl.tsv`` by
   ``tools/build_country_names.py``.

Each table is read once, on first use, so ``import sanctionkit`` stays cheap.
The text is first reduced to a key (case, accents and punctuation dropped), then
rewritten in the ways lists invert or qualify names ("Korea, North" becomes
"North Korea", "Iran (Islamic Republic of)" becomes "Islamic Republic of Iran",
"Syria (presumed)" becomes "Syria", "citizen of Russia" becomes "Russia").
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

import attrs

from sanctionkit.errors import (
    AmbiguousCountryError,
    CountryNotAvailableError,
    CountryTooLongError,
    UnknownCountryError,
)
from sanctionkit.values import _country_forms, _limits
from sanctionkit.values._limits import check_length
from sanctionkit.values._normalize import name_key, quick_key

__all__ = [
    "AmbiguousCountryError",
    "Country",
    "UnknownCountryError",
    "parse_country",
    "search_countries",
]


@attrs.frozen
class _CountryRecord:
    """What ISO 3166 says about one country: shared by every parsed value of it."""

    alpha2: str
    alpha3: str
    name: str
    numeric: str | None = None
    official_name: str | None = None
    common_name: str | None = None
    alpha4: str | None = None


@attrs.frozen(repr=False)
class Country:
    """A country or territory of ISO 3166, current or historical.

    Two countries are equal when they have the same :attr:`code`; the other
    attributes describe it and ``text`` records the input it was parsed from.
    Make one with :func:`parse_country` or :meth:`Country.from_code`.

    >>> kp = parse_country("DPRK")
    >>> kp.alpha2, kp.alpha3, kp.numeric, kp.name
    ('KP', 'PRK', '408', "Korea, Democratic People's Republic of")
    >>> kp.text
    'DPRK'
    >>> kp == parse_country("North Korean")
    True
    """

    #: The code that identifies it: alpha-2, or the ISO 3166-3 alpha-4 of a historical state.
    code: str
    # The ISO facts live in one shared record per country, so that a parsed value
    # costs two references, not a copy of every field.
    _record: _CountryRecord = attrs.field(eq=False)
    #: The text this value was parsed from, if it was parsed.
    text: str | None = attrs.field(default=None, eq=False)

    @property
    def alpha2(self) -> str:
        """ISO 3166-1 alpha-2 code; for a historical state, the one it had before withdrawal."""
        return self._record.alpha2

    @property
    def alpha3(self) -> str:
        """ISO 3166-1 alpha-3 code (for a historical state, the one it had)."""
        return self._record.alpha3

    @property
    def name(self) -> str:
        """ISO 3166-1 English short name ("Korea, Republic of")."""
        return self._record.name

    @property
    def numeric(self) -> str | None:
        """ISO 3166-1 numeric code as three digits, when it has one."""
        return self._record.numeric

    @property
    def official_name(self) -> str | None:
        """The official name, where ISO gives one ("Republic of Korea")."""
        return self._record.official_name

    @property
    def common_name(self) -> str | None:
        """The name in everyday use, where ISO gives one ("South Korea")."""
        return self._record.common_name

    @property
    def alpha4(self) -> str | None:
        """The ISO 3166-3 four-letter code of a historical state ("SUHH"), else None."""
        return self._record.alpha4

    @property
    def historical(self) -> bool:
        """True for a state that has left ISO 3166-1 (Soviet Union, Yugoslavia ...)."""
        return self.alpha4 is not None

    @classmethod
    def from_code(cls, code: str) -> Country:
        """The country with this ISO alpha-2 or ISO 3166-3 alpha-4 code.

        Unlike :func:`parse_country`, only a code is accepted, in any case.
        Historical states need the four-letter code because their alpha-2
        codes were reused ("CS" was Czechoslovakia, then Serbia and Montenegro).

        >>> Country.from_code("cy").name
        'Cyprus'
        >>> Country.from_code("CSHH").name
        'Czechoslovakia, Czechoslovak Socialist Republic'
        >>> Country.from_code("Cyprus")
        Traceback (most recent call last):
        ...
        sanctionkit.errors.UnknownCountryError: 'Cyprus' is not an ISO 3166 alpha-2 or alpha-4 code
        """
        try:
            return _records()[code.upper()]
        except KeyError:
            message = f"{code!r} is not an ISO 3166 alpha-2 or alpha-4 code"
            raise UnknownCountryError(message, code) from None

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        flag = ", historical" if self.historical else ""
        return f"<Country {self.code} {self.name!r}{flag}>"


def parse_country(text: str, *, codes: bool = True, places: bool = False) -> Country:
    """The country that ``text`` names, or an error that says why there is none.

    Accepts codes, names in English and other languages, list spellings,
    adjectives and historical names; see the module documentation for the rules.

    ``codes`` says whether the text may be a bare ISO code. Pass ``codes=False``
    for a field of names (a nationality, a place of birth): there a bare
    two-letter or numeric code is too weak to mean a country ("na" is *not
    available*, not Namibia; "to" is a word, not Tonga), so it is refused.
    Three-letter codes and abbreviations ("USA", "UK", "DPRK") are still read.
    Text that says the value is missing ("n/a", "N/A", "not available", and
    "na" when ``codes=False``) raises :class:`~sanctionkit.errors.CountryNotAvailableError`,
    which readers treat as an empty field.

    ``places`` says whether a place may stand for its country: a well-known
    capital ("Tehran") or the name of an ISO 3166-2 region ("Tamaulipas") that
    one country has, or at most three (then the text is ambiguous). It is off
    by default because a place is not a country's name: a reader that finds
    "Pyongyang" in a place of birth keeps the city, and an error then names the
    country as a suggestion.

    >>> parse_country("Iran (Islamic Republic of)").alpha2
    'IR'
    >>> parse_country("Российская Федерация").alpha2
    'RU'
    >>> parse_country("Burma").alpha2
    'MM'
    >>> parse_country("Niger").name, parse_country("Nigeria").name
    ('Niger', 'Nigeria')
    >>> parse_country("Narnia")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.UnknownCountryError: unknown country 'Narnia'
    >>> parse_country("NA").name, parse_country("Namibia", codes=False).alpha2
    ('Namibia', 'NA')
    >>> parse_country("NA", codes=False)
    Traceback (most recent call last):
    ...
    sanctionkit.errors.CountryNotAvailableError: 'NA' says the country is not available
    >>> parse_country("Tehran", places=True).alpha2
    'IR'
    >>> parse_country("Tehran")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sanctionkit.errors.UnknownCountryError: unknown country 'Tehran': a place in IR (...)

    Raises:
        UnknownCountryError: no country has this name; ``suggestions`` lists
            near matches, which are never applied silently.
        AmbiguousCountryError: the name fits more than one country
            ("Korea"); ``suggestions`` lists all of them.
        CountryNotAvailableError: the text says there is no value ("n/a").
        CountryTooLongError: the text is over
            :data:`~sanctionkit.values.MAX_VALUE_LENGTH` characters.
    """
    cached = (_parsed if codes else _parsed_names).get(text)
    if cached is not None:
        return cached
    if places:
        return _parse_place(text, codes)
    return _parse_new(text, codes)


def _parse_place(text: str, codes: bool) -> Country:
    """:func:`parse_country` with ``places=True``: a country's name first, then a place.

    A place's country is cached apart, so that it never answers a call that
    does not read places.
    """
    cached = _parsed_places.get(text)
    if cached is not None:
        return cached
    try:
        return _parse_new(text, codes)
    except UnknownCountryError as error:
        found = _place_codes(text)
        if not found or isinstance(error, AmbiguousCountryError):
            raise
    country = _country_of(text, found)
    if len(_parsed_places) >= _CACHE_SIZE:
        _parsed_places.clear()
    _parsed_places[text] = country
    return country


def _parse_new(text: str, codes: bool) -> Country:
    """:func:`parse_country` of a text that is not in the cache.

    Apart, so that the cached path, the commonest, sets up a small frame.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_country() expects a str, not {type(text).__name__}")
    if len(text) > _limits.MAX_VALUE_LENGTH:
        check_length(text, CountryTooLongError, "country")
    # The common case first, without the calls of the full resolution.
    key = quick_key(text)
    found = _english_index().get(key)
    if found is None or not (codes or key not in _bare_code_keys()):
        found = _resolve(text, codes)
    country = _country_of(text, found)
    parsed = _parsed if codes else _parsed_names
    if len(parsed) >= _CACHE_SIZE:
        parsed.clear()
    parsed[text] = country
    return country


def _country_of(text: str, found: tuple[str, ...]) -> Country:
    """The one country of ``found``, or the error that lists them all."""
    records = _records()
    if len(found) > 1:
        choices = [records[code] for code in found]
        listed = ", ".join(found)
        message = f"{text!r} can mean more than one country: {listed}"
        raise AmbiguousCountryError(message, text, choices)
    return _with_text(records[found[0]], text)


def _place_codes(text: str) -> tuple[str, ...]:
    """The countries of a place the text names, tried on the text and its rewrites."""
    folded = _fold_width(text)
    for variant in dict.fromkeys([folded, *_rewrites(folded)]):
        found = _country_forms.place_codes(name_key(variant))
        if found:
            return found
    return ()


def _with_text(country: Country, text: str) -> Country:
    return Country(country.code, country._record, text)


def search_countries(text: str, limit: int = 5) -> list[Country]:
    """Countries whose names resemble ``text``, best first: a fuzzy search.

    This is the explicit guess that :func:`parse_country` never makes. Use it
    to offer choices to a person, not to clean data unattended.

    >>> ", ".join(country.alpha2 for country in search_countries("Korea"))
    'KP, KR'
    >>> search_countries("Germny")[0].name
    'Germany'
    """
    if limit < 1:
        return []
    check_length(text, CountryTooLongError, "country")
    key = name_key(text)
    if not key:
        return []
    scores: dict[str, float] = {}
    for code in _exact_codes(text):
        scores[code] = 2.0
    english = _english_index()
    words = set(key.split())
    for candidate, candidate_words in _english_words():
        if words <= candidate_words:
            # Every word of the input is in the name: a strong hint ("korea").
            score = 1.0 + len(key) / max(len(candidate), 1) / 10
        else:
            continue
        for code in english[candidate]:
            scores[code] = max(scores.get(code, 0.0), score)
    # difflib's first test, done once: at the cutoff of 0.75, a name more than 5/3
    # times longer or shorter than the key can never be close.
    near = [name for name in english if 0.6 * len(key) <= len(name) <= len(key) / 0.6]
    for candidate in difflib.get_close_matches(key, near, n=limit * 4, cutoff=0.75):
        score = difflib.SequenceMatcher(None, key, candidate).ratio()
        for code in english[candidate]:
            scores[code] = max(scores.get(code, 0.0), score)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    records = _records()
    return [records[code] for code, _ in ranked[:limit]]


@functools.cache
def _english_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each key of the English table with the set of its words, for :func:`search_countries`."""
    return tuple((key, frozenset(key.split())) for key in _english_index())


# Parsing the same strings again and again is the common case in list data
# ("Russia" thousands of times), so results are kept; the bound keeps memory
# flat on streams of distinct garbage.
_CACHE_SIZE = 65536
_parsed: dict[str, Country] = {}
# The same for fields of names (codes=False), where a bare code is refused.
_parsed_names: dict[str, Country] = {}
# Places read for their country (places=True), apart from the names of countries.
_parsed_places: dict[str, Country] = {}

_NO_KEYS: frozenset[str] = frozenset()
# Keys of text that says a value is missing, whatever the field ("N/A", "n.a.").
_NOT_AVAILABLE = frozenset({"n a", "not available", "not applicable"})

# "Iran (Islamic Republic of)", "Syria (presumed)": a name followed by a qualifier.
_PARENTHESIS = re.compile(r"^(?P<head>[^()\[\]]*)[(\[](?P<inner>[^()\[\]]*)[)\]](?P<tail>.*)$")

# Words around a country name that say how the person relates to it, or that
# the name is uncertain. Removed only after the full text failed to match.
# Matched after the punctuation before it is skipped by hand: a leading "\W*"
# would try every alternative at each character of a run of punctuation.
_STRAY_PREFIX = re.compile(
    r"(?:the|former|ex|formerly|presumably|probably|possibly|reportedly|allegedly"
    r"|ehemalige[nrs]?|ancienne?|antigu[ao]"
    r"|(?:citizen|national|resident|native|subject)s?\s+of|residing\s+in|resident\s+in"
    r"|born\s+in|located\s+in|based\s+in|country\s*:|nationality\s*:?|citizenship\s*:?"
    r"|republic\s+of|state\s+of|kingdom\s+of|commonwealth\s+of|principality\s+of"
    r"|sultanate\s+of|grand\s+duchy\s+of)\b",
    re.IGNORECASE,
)
# Item markers of multi-valued cells ("(1) X (2) Y", "a) X b) Y") and the
# separator of bilingual ones ("Russia / Russie").
_ENUMERATION = re.compile(r"\(\d{1,2}\)|(?:^|\s)[a-z]\)|\s/\s|;")
_IDEOGRAPHIC_PUNCTUATION = str.maketrans({"、": ",", "。": "."})
# "Former USSR, now Azerbaijan", "USSR (currently Ukraine)": what follows says
# what the place became, after the name of what it was.
# Searched for the word alone, and the non-word run before it trimmed by hand: a
# leading "\W*" would make the search quadratic on runs of punctuation.
# A run of characters that are not word characters, matched at a given place.
_NON_WORD = re.compile(r"\W*")
# Text up to this long is searched whole: narrowing the search first costs more.
_LONG_TEXT = 64
_NOW_WORDS = ("now", "currently", "presently", "today")
_NOW_WORD = re.compile(rf"\b(?:{'|'.join(_NOW_WORDS)})\b", re.IGNORECASE)
# Up to three runs of word characters and what separates them, read backwards
# from the end of a text.
_LAST_WORDS_REVERSED = re.compile(r"(?:\w+\W+){0,2}\w+")
# Forms of state that other languages put before the name ("République du
# Mali", "Jamhuri ya Kenya", the Yoruba "Orílẹ́ède Kúbà", "country of Cuba"),
# matched on the key after the whole key failed, like "republic of" in English.
_FORM_OF_STATE = re.compile(
    r"^(?:orileede|orilɛede|jamhuri ya|republique(?: de la| du| des| de| d)?"
    r"|republica(?: de| del| da| do| dos)?|repubblica(?: di| del| della| dell)?"
    r"|republik|republika|royaume(?: de| du| des| d)?|reino(?: de| del| da| do| dos)?"
    r"|konigreich|республика|королевство) "
)
_STRAY_SUFFIX = re.compile(
    r"\b(?:citizen|citizens|national|nationals|nationality|citizenship|passport"
    r"|presumed|probably|possibly|reportedly|allegedly|by\s+birth|origin|resident"
    r"|s\.?a\.?r\.?|special\s+administrative\s+region)\W*$",
    re.IGNORECASE,
)


def _resolve(text: str, codes: bool = True) -> tuple[str, ...]:
    """The codes the text maps to: one, or several when it is ambiguous."""
    found = (
        _exact_codes(text, codes)
        or _enumerated_codes(text, codes)
        or _mixed_script_codes(text, codes)
        or _place_in_country_codes(text, codes)
        or _derived_codes(text, codes)
    )
    if found:
        return found
    key = name_key(text)
    if key in _NOT_AVAILABLE or (not codes and key == "na"):
        raise CountryNotAvailableError(f"{text!r} says the country is not available", text)
    suggest = functools.partial(search_countries, text, limit=3)
    if not codes and key in _bare_code_keys():
        message = f"unknown country {text!r}: a bare ISO code is not read in a field of names"
        raise UnknownCountryError(message, text, suggest)
    in_places = _country_forms.place_codes(key)
    if in_places:
        # Not read as a country (see parse_country's places), but worth saying where it is.
        records = _records()
        where = ", ".join(in_places)
        message = f"unknown country {text!r}: a place in {where} (places=True reads it)"
        raise UnknownCountryError(message, text, [records[code] for code in in_places])
    raise UnknownCountryError(f"unknown country {text!r}", text, suggest)


def _derived_codes(text: str, codes: bool = True) -> tuple[str, ...]:
    """The codes :mod:`~sanctionkit.values._country_forms` derives by rule, or ().

    Tried on the text and on the forms lists derive from it ("スーダン人(生まれ)"
    is "スーダン人" with a remark), the text first.
    """
    folded = _fold_width(text)
    lookup = functools.partial(_exact_codes, codes=codes)
    for variant in dict.fromkeys([folded, *_rewrites(folded)]):
        key = name_key(variant)
        if key:
            found = _country_forms.derived_codes(variant, key, lookup)
            if found:
                return found
    return ()


def _exact_codes(text: str, codes: bool = True) -> tuple[str, ...]:
    """Look up every rewrite of the text, English tables first, then the others.

    With ``codes=False`` no key that only an ISO two-letter or numeric code gives
    is looked up (see :func:`parse_country`).
    """
    english = _english_index()
    key = quick_key(text)
    found = english.get(key)
    refused = _NO_KEYS if codes else _bare_code_keys()
    if found is not None and key not in refused:  # the common case: no rewriting needed
        return found
    key = name_key(text)
    keys = [key, *(name_key(variant) for variant in _rewrites(_fold_width(text)))]
    keys = [key for key in dict.fromkeys(keys) if key and key not in refused]
    # Without its form of state ("République de Corée" is not "Corée") only
    # when no table knows the whole name.
    bare = [_without_form_of_state(key) for key in keys]
    bare = [key for key in dict.fromkeys(bare) if key and key not in keys and key not in refused]
    for candidates in (keys, bare):
        for table in (english, _international_index()):
            for key in candidates:
                found = table.get(key)
                if found is not None:
                    return found
    return ()


def _enumerated_codes(text: str, codes: bool = True) -> tuple[str, ...]:
    """Codes of "(1) Afghanistan (2) Afghanistan" or "Russia / Russie".

    When every item names the same country, that is the country; when items
    name different countries, all of them are returned, which makes the text
    ambiguous rather than silently the first.
    """
    return _codes_of_items(_ENUMERATION.split(_fold_width(text)), codes)


def _mixed_script_codes(text: str, codes: bool = True) -> tuple[str, ...]:
    """Codes of "イラン Iran" or "エジプトEgypt": one name in two scripts, side by side.

    Japanese and other lists put the English name next to the local one, with
    or without a space. Each run of Latin letters and each run of other letters
    must name a country on its own; as with enumerations, runs that disagree
    make the text ambiguous.
    """
    if text.isascii():
        return ()
    folded = _fold_width(text)
    # Where each run starts; the runs are cut once at the end, as adding to a
    # string in a list copies it each time, which is quadratic on a long run.
    starts: list[int] = []
    latin: bool | None = None
    for index, ch in enumerate(folded):
        if ch.isalpha():
            is_latin = ch < "\u0250"
            if is_latin is not latin:
                starts.append(index)
                latin = is_latin
    ends = [*starts[1:], len(folded)] if starts else []
    runs = [folded[start:end] for start, end in zip(starts, ends, strict=True)]
    return _codes_of_items(runs, codes)


def _codes_of_items(items: Iterable[str], codes: bool = True) -> tuple[str, ...]:
    """The codes of several names, all of which must be known: one code if they agree."""
    names = [name for name in (item.strip(" ,;()[]") for item in items) if name]
    if len(names) < 2:
        return ()
    found: set[str] = set()
    for name in names:
        named = _exact_codes(name, codes)
        if not named:
            return ()
        found.update(named)
    return tuple(sorted(found))


def _fold_width(text: str) -> str:
    """Full-width brackets and commas ("ハイチ（Haiti）", "トリポリ、リビア") as ASCII."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(_IDEOGRAPHIC_PUNCTUATION)


def _without_form_of_state(key: str) -> str:
    match = _FORM_OF_STATE.match(key)
    return key if match is None else key[match.end() :]


def _rewrites(text: str, depth: int = 0, done: dict[str, int] | None = None) -> Iterator[str]:
    """The forms lists derive from a name, most faithful first.

    ``done`` maps each text already rewritten to the least depth it was
    rewritten at: its forms are not derived again at that depth or deeper, where
    they could only repeat (text full of brackets reaches the same forms by many
    paths).
    """
    if depth > 3:
        return
    if done is None:
        done = {}
    if done.get(text, depth + 1) <= depth:
        return
    done[text] = depth
    head, comma, tail = text.partition(",")
    if comma:
        # "Korea, North" and "Congo, Democratic Republic of the" put the head first.
        yield f"{tail} {head}"
        yield from _rewrites(f"{tail} {head}", depth + 1, done)
    match = _PARENTHESIS.match(text)
    if match:
        head, inner, tail = match.group("head", "inner", "tail")
        variants = [f"{inner} {head}{tail}"]
        if not _names_another_country(f"{head}{tail}", inner):
            variants.append(f"{head}{tail}")
        for variant in variants:
            yield variant
            yield from _rewrites(variant, depth + 1, done)
    before_now = _before_now(text)
    if before_now != text and before_now.strip(" ,;([-"):
        # "Former USSR, now Azerbaijan": the text names the state of its time,
        # as "Former USSR (now Belarus)" does.
        yield before_now
        yield from _rewrites(before_now, depth + 1, done)
    stripped = _without_stray_suffix(_without_stray_prefix(text))
    if stripped != text and stripped.strip():
        yield stripped
        yield from _rewrites(stripped, depth + 1, done)


def _before_now(text: str) -> str:
    """The text before a "now" clause and the punctuation that leads to it, or the text."""
    start = 0
    if len(text) > _LONG_TEXT:
        lowered = text.lower()
        found = [index for index in map(lowered.find, _NOW_WORDS) if index >= 0]
        if not found:  # found by plain substring searches, at C speed
            return text
        # Searched from the first place a word occurs: the regular expression then
        # tests word boundaries from there on only (a lower-case form of another
        # length cannot say where, so then from the start).
        start = min(found) if len(lowered) == len(text) else 0
    match = _NOW_WORD.search(text, start)
    return text if match is None else _trim_end(text[: match.start()])


def _without_stray_prefix(text: str) -> str:
    """The text without a leading stray word ("citizen of Iran") and the punctuation around it."""
    match = _STRAY_PREFIX.match(text, _non_word_end(text, 0))
    if match is None:
        return text
    return text[_non_word_end(text, match.end()) :]


def _non_word_end(text: str, start: int) -> int:
    """Where the run of non-word characters at ``start`` ends."""
    match = _NON_WORD.match(text, start)
    return start if match is None else match.end()


def _without_stray_suffix(text: str) -> str:
    """The text without a trailing stray word ("Iran national") and the punctuation around it.

    The words sit at the end, so only the last three runs of word characters
    are searched ("special administrative region" has three), not the whole text.
    """
    start = 0
    if len(text) > _LONG_TEXT:
        body = _trim_end(text)
        tail = _LAST_WORDS_REVERSED.match(body[::-1])
        start = len(body) - (0 if tail is None else tail.end())
    match = _STRAY_SUFFIX.search(text, start)
    return text if match is None else _trim_end(text[: match.start()])


def _trim_end(text: str) -> str:
    """The text without the characters that are not word characters at its end.

    What a regular expression ending in "\\W*" would take, found from the end in
    one pass (on the reversed text) rather than tried from every character.
    """
    return text[: len(text) - _non_word_end(text[::-1], 0)]


# The country after a place has at most this many commas of its own: no name in
# the tables has more than two ("Yemen, Democratic, People's Democratic Republic
# of"), and one more allows for a qualifier ("Korea, North, presumed").
_MAX_COUNTRY_COMMAS = 3


def _place_in_country_codes(text: str, codes: bool = True) -> tuple[str, ...]:
    """The country of "Nicosia, Cyprus", "Hubei (China)", "Pyongyang, Korea, North".

    Lists write a place and then its country. When the last part (after a
    comma, or in brackets) names one country, that is the country, provided
    the place does not name another one: "Georgia, USA" is the US because
    Georgia is one of its states, but "Macao, China" and "Russia, Belarus"
    stay errors, as the text names two countries.
    """
    folded = _fold_width(text)
    match = _PARENTHESIS.match(folded)
    candidates: list[tuple[str, str]] = []
    if match and not match.group("tail").strip():
        candidates.append((match.group("head"), match.group("inner")))
    # Only the last few commas can start the country, so the tails tried are
    # bounded: trying every comma of a long text made this quadratic.
    commas = [index for index, ch in enumerate(folded) if ch == ","]
    for index in reversed(commas[-_MAX_COUNTRY_COMMAS - 1 :]):
        candidates.append((folded[:index], folded[index + 1 :]))
    for place, country in candidates:
        if not place.strip() or not country.strip():
            continue
        found = _exact_codes(country, codes)
        if len(found) != 1:
            continue
        if len(name_key(country)) <= 3 and name_key(place) not in _subdivision_keys(found[0]):
            # "Montana, MT", "Louisiana, LA": a short tail is as likely a state's
            # abbreviation as a country code; only a known subdivision settles it.
            return ()
        named = _exact_codes(place, codes)
        if not named or named == found or name_key(place) in _subdivision_keys(found[0]):
            return found
        return ()
    return ()


def _names_another_country(head: str, qualifier: str) -> bool:
    """True for "Georgia (USA)": the head is a subdivision of the qualifier's country.

    Dropping such a qualifier would turn the US state into the country of the
    same name. "Gibraltar (UK)" and "Azerbaijan (former USSR)" keep their head:
    a dependency or a former state is not one of ISO 3166-2's subdivisions.
    """
    codes = _exact_codes(qualifier)
    if len(codes) != 1 or name_key(head) not in _subdivision_keys(codes[0]):
        return False
    # "Nevis (Saint Kitts and Nevis)": a part that names its own country.
    return codes[0] not in _exact_codes(head)


@functools.cache
def _subdivision_keys(code: str) -> frozenset[str]:
    """Keys of the names of a country's ISO 3166-2 subdivisions ("georgia" for US).

    Subdivisions that ISO 3166-1 also lists on their own (Aruba in the
    Netherlands, Puerto Rico in the US, Hong Kong in China) are left out: with
    their sovereign in brackets they still name themselves.
    """
    import pycountry

    english = _english_index()
    keys = (
        (name_key(subdivision.name), subdivision.type)
        for subdivision in pycountry.subdivisions
        if subdivision.country_code == code
    )
    # A "Country" of the UK (Scotland) has no ISO 3166-1 code: it stays a part.
    return frozenset(
        key
        for key, kind in keys
        if not kind.startswith(_TERRITORY_TYPES) or english.get(key, (code,)) == (code,)
    )


# ISO 3166-2 subdivision types of places that have an ISO 3166-1 code of their own.
_TERRITORY_TYPES = ("Country", "Outlying area", "Overseas", "Special")


def _records() -> Mapping[str, Country]:
    """Every country by code: ISO 3166-1 from pycountry, ISO 3166-3, and Kosovo."""
    return _load_records()


@functools.cache
def _load_records() -> dict[str, Country]:
    import pycountry  # its database loads only when a country is first needed

    records: list[_CountryRecord] = []
    for entry in pycountry.countries:
        records.append(
            _CountryRecord(
                alpha2=entry.alpha_2,
                alpha3=entry.alpha_3,
                name=entry.name,
                numeric=entry.numeric,
                official_name=getattr(entry, "official_name", None),
                common_name=getattr(entry, "common_name", None),
            )
        )
    for entry in pycountry.historic_countries:
        records.append(
            _CountryRecord(
                alpha2=entry.alpha_2,
                alpha3=entry.alpha_3,
                name=entry.name,
                numeric=getattr(entry, "numeric", None),
                alpha4=entry.alpha_4,
            )
        )
    # Kosovo has no ISO 3166-1 code; XK (XKX) is the user-assigned code that
    # the EU, OFAC, the UN and CLDR all use for it.
    records.append(
        _CountryRecord(alpha2="XK", alpha3="XKX", name="Kosovo", official_name="Republic of Kosovo")
    )
    countries = (Country(record.alpha4 or record.alpha2, record) for record in records)
    return {country.code: country for country in countries}


# ISO 3166-3 entries that record a new name and code for the same state, which
# lists still use for today's state (tools/build_country_names.py agrees).
_RENAMED = {"BUMM": "MM", "TPTL": "TL"}


@functools.cache
def _english_index() -> dict[str, tuple[str, ...]]:
    """Keys of the curated aliases and the ISO English names and codes."""
    import pycountry

    current: dict[str, set[str]] = {}
    historic: dict[str, set[str]] = {}
    for entry in pycountry.countries:
        names = [
            entry.name,
            getattr(entry, "official_name", None),
            getattr(entry, "common_name", None),
        ]
        _index_names(current, entry.alpha_2, [entry.alpha_2, entry.alpha_3, entry.numeric, *names])
    _index_names(current, "XK", ["XK", "XKX", "Kosovo", "Republic of Kosovo"])
    for entry in pycountry.historic_countries:
        codes = [entry.alpha_4]
        # Withdrawn alpha-2 and alpha-3 codes still identify the old state,
        # unless ISO has given them to a country since ("GE" is now Georgia).
        old_codes = (entry.alpha_2, entry.alpha_3)
        withdrawn = [code for code in old_codes if name_key(code) not in current]
        if entry.alpha_4 in _RENAMED:
            # The state did not end, its code changed: "TP" is Timor-Leste.
            _index_names(current, _RENAMED[entry.alpha_4], withdrawn)
        else:
            codes += withdrawn
        # ISO 3166-3 writes "USSR, Union of Soviet Socialist Republics": the short
        # name, then the long one. Both parts name the state on their own.
        # A tail like "Republic of" is a form of government, not a name.
        parts = [part.strip() for part in entry.name.split(",", 1)]
        names = [part for part in parts if not part.endswith(" of")]
        _index_names(historic, entry.alpha_4, [*codes, entry.name, *names])
    curated = _read_curated_aliases()
    return _layer(curated, current, historic)


@functools.cache
def _bare_code_keys() -> frozenset[str]:
    """Keys that only an ISO two-letter or numeric code gives: "na", "to", "408".

    A name or an alias with the same key ("UK" is no ISO code) is not one of them.
    """
    import pycountry

    entries = [*pycountry.countries, *pycountry.historic_countries]
    codes = {"xk"}
    for entry in entries:
        for code in (entry.alpha_2, getattr(entry, "numeric", None)):
            if code:
                codes.add(name_key(code))
    names: set[str] = set(_read_curated_aliases())
    for entry in entries:
        for name in (entry.name, getattr(entry, "official_name", None)):
            if name:
                names.update({name_key(name), name_key(_uninvert(name))})
    return frozenset(codes - names)


def _index_names(index: dict[str, set[str]], code: str, names: Iterable[str | None]) -> None:
    for name in names:
        if not name:
            continue
        for variant in (name, _uninvert(name)):
            key = name_key(variant)
            if key:
                index.setdefault(key, set()).add(code)


def _uninvert(name: str) -> str:
    """ISO writes "Korea, Republic of": also index "Republic of Korea"."""
    head, comma, tail = name.partition(",")
    return f"{tail} {head}" if comma else name


def _layer(*layers: Mapping[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Merge tables, the first that knows a key deciding what it means."""
    merged: dict[str, tuple[str, ...]] = {}
    for layer in layers:
        for key, codes in layer.items():
            if key not in merged:
                merged[key] = tuple(sorted(codes))
    return merged


def _read_curated_aliases() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for line_number, code_field, alias in _data_rows("country_aliases.tsv"):
        key = name_key(alias)
        if not key:
            raise ValueError(f"country_aliases.tsv:{line_number}: empty alias {alias!r}")
        index.setdefault(key, set()).update(code_field.split("|"))
    return index


@functools.cache
def _international_index() -> dict[str, tuple[str, ...]]:
    """Keys of country names in other languages, compiled from pycountry and CLDR."""
    return {key: tuple(codes.split("|")) for _, key, codes in _data_rows("country_names_intl.tsv")}


def _data_rows(filename: str) -> Iterator[tuple[int, str, str]]:
    """(line number, first column, second column) of a tab-separated data file."""
    from importlib import resources  # only when a table is first read

    content = resources.files("sanctionkit.data").joinpath(filename).read_text(encoding="utf-8")
    for line_number, line in enumerate(content.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        first, tab, second = line.partition("\t")
        if not tab:
            raise ValueError(f"{filename}:{line_number}: expected two tab-separated columns")
        yield line_number, first, second.rstrip()
