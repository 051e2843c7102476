"""Search the entities of one or more datasets by name, with facts as corroboration.

An :class:`Index` analyses every name and alias once, and files each under
blocking keys: its words, their consonant skeletons (which transliterations
share), the whole name, its words' spellings with a letter left out and
their character n-grams (both for misspelt words), and the entity's strong
identifiers (IMO numbers, registration and tax numbers). A search looks up
the query's keys, ranks the names they reach by how rare the shared keys are,
and scores only the best of them with
:func:`~sanctionkit.match.compare_names`'s scorer.

>>> import sanctionkit as sk
>>> index = sk.match.Index(sk.builtin_dataset())
>>> hit = index.search("MIKHEYCHIK, Vladimir Vladimirovich")[0]
>>> hit.entity.id, hit.matched_name, hit.is_match
('vladimir-mikheychik', 'Vladimir Mikheychik', True)
"""

from __future__ import annotations

import math
import re
import threading
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import chain
from typing import Any

import attrs

from sanctionkit._collector import collector_paused
from sanctionkit.match._deps import Levenshtein, fuzz, numpy, process
from sanctionkit.match.compare import (
    DEFAULT_THRESHOLD,
    Explanation,
    PairMemo,
    compare_analyzed,
    score_analyzed,
)
from sanctionkit.match.names import AnalyzedName, NamePart, analyze_name, check_kind
from sanctionkit.model import (
    Aircraft,
    AliasQuality,
    Dataset,
    Designation,
    Entity,
    Identifier,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["Hit", "Index", "entity_kind"]

# How much a name found through a weak or former alias counts.
_ALIAS_WEIGHT = {AliasQuality.STRONG: 1.0, AliasQuality.WEAK: 0.9, AliasQuality.FORMER: 0.95}
# Corroboration: what agreeing and contradicting facts add to a name's score.
_BIRTH_AGREES, _BIRTH_CONTRADICTS = 0.05, -0.15
_COUNTRY_AGREES, _COUNTRY_CONTRADICTS = 0.03, -0.05
_IDENTIFIER_AGREES, _IMO_CONTRADICTS = 0.15, -0.3
# Names scored in full per query name: the rest are ranked by their keys only.
_SHORTLIST = 16
# Names ranked by their keys, of which the best by keys and the best by spelling
# (rapidfuzz token_sort_ratio, about 40 times cheaper) get the full scorer.
_POOL = 48
_KIND_CODES = {None: 0, "person": 1, "organization": 2, "vessel": 3, "aircraft": 4}
_KINDS = list(_KIND_CODES)
_BY_KEYS, _BY_SPELLING = 2, 4
# token_sort_ratio of the sorted spellings of _spelled and _skeleton.
_RATIO = fuzz.ratio
# A key shared by more names than this says little; it is read only when no
# rarer key finds anything.
_COMMON = 1500
# A word found in at most this many names is looked up by its 3-grams as well.
_RARE = 2
# Of the words sharing most 3-grams with a misspelt word, this many times
# _SHORTLIST are ranked by spelling, and the nearest _SHORTLIST kept.
_WIDE = 8
# Words at least this long are filed under their one-letter-less spellings, to
# find a word one edit from a misspelt one by lookups (shorter ones have too
# many neighbours one edit away to tell anything).
_NEIGHBOURLY = 4


def entity_kind(entity: Entity) -> str | None:
    """The kind of an entity as :func:`~sanctionkit.match.compare_names` names it.

    >>> import sanctionkit as sk
    >>> entity_kind(sk.Vessel(id="v", name="MARIA"))
    'vessel'
    """
    if isinstance(entity, Person):
        return "person"
    if isinstance(entity, Organization):
        return "organization"
    if isinstance(entity, Vessel):
        return "vessel"
    if isinstance(entity, Aircraft):
        return "aircraft"
    return None


_NOT_ALNUM = re.compile(r"[\W_]+")


def _compact(value: str) -> str:
    compact = _NOT_ALNUM.sub("", value.upper())
    # "IMO 9123456" and "9123456" are one number.
    for prefix in ("IMO", "MMSI"):
        if compact.startswith(prefix) and compact[len(prefix) :].isdigit():
            return compact[len(prefix) :]
    return compact


def _entity_identifiers(entity: Entity) -> set[str]:
    values = {_compact(identifier.value) for identifier in entity.identifiers}
    if isinstance(entity, Vessel):
        values.update(_compact(v) for v in (entity.imo, entity.mmsi) if v)
    if isinstance(entity, Aircraft):
        values.update(_compact(v) for v in (entity.registration, entity.serial_number) if v)
    # Very short numbers (a "1" in a note) would link unrelated entities.
    return {value for value in values if len(value) >= 5}


def _entity_countries(entity: Entity) -> set[str]:
    codes = {role.country.alpha2 for role in entity.countries}
    codes.update(address.country.alpha2 for address in entity.addresses if address.country)
    if isinstance(entity, Vessel) and entity.flag is not None:
        codes.add(entity.flag.alpha2)
    return codes


def _years(value: PartialDate | DateRange) -> tuple[int, int]:
    if isinstance(value, PartialDate):
        return value.year, value.year
    start = value.start.year if value.start else -10_000
    end = value.end.year if value.end else 10_000
    return start, end


def _dates_agree(query: PartialDate | DateRange, known: PartialDate | DateRange) -> bool:
    if isinstance(query, PartialDate) and isinstance(known, PartialDate):
        if query.year != known.year:
            return False
        if query.month is not None and known.month is not None and query.month != known.month:
            return False
        return not (query.day is not None and known.day is not None and query.day != known.day)
    low, high = _years(query)
    known_low, known_high = _years(known)
    return low <= known_high and known_low <= high


@attrs.frozen
class Hit:
    """One entity found by :meth:`Index.search`, with why it was found.

    The explanation is worked out when it is read: a search returns many hits
    and a screening pipeline reads few explanations.
    """

    entity: Entity
    #: The name score adjusted by corroborating or contradicting facts, in [0, 1].
    score: float
    #: How well the best pair of names compares, in [0, 1].
    name_score: float
    #: The query's name that matched best (an alias, for an entity query).
    query_name: str
    #: The entity's name or alias that matched it.
    matched_name: str
    #: Every designation of the entity in the indexed datasets.
    designations: tuple[Designation, ...] = ()
    threshold: float = DEFAULT_THRESHOLD
    _matched: _Name | None = attrs.field(default=None, repr=False, eq=False)
    _facts: _Facts | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def is_match(self) -> bool:
        """True when the score is at or above the threshold."""
        return self.score >= self.threshold

    @property
    def explanation(self) -> Explanation:
        """Which parts of the two names aligned and why, then what the facts said."""
        kind = entity_kind(self.entity)
        query = analyze_name(self.query_name, kind)
        matched = self._matched.analyzed if self._matched else analyze_name(self.matched_name, kind)
        comparison = compare_analyzed(query, matched, kind)
        notes = list(comparison.explanation.notes)
        if self._matched is not None and self._matched.weight < 1.0:
            notes.append(
                f"matched a {self._matched.quality} alias: counts {self._matched.weight:.2f}"
            )
        weight = self._matched.weight if self._matched else 1.0
        if self.name_score < comparison.score * weight - 1e-9:
            notes.append("matched a weak alias of the query: counts less")
        if self._facts is not None:
            notes.extend(self._facts.check(self.entity)[1])
        return Explanation(comparison.explanation.parts, tuple(notes))


@attrs.frozen(slots=True)
class _Name:
    entity: int
    text: str
    weight: float
    quality: str
    analyzed: AnalyzedName
    kind: str | None

    def __reduce__(self) -> tuple[type[_Name], tuple[object, ...]]:
        # A plain tuple pickles faster than attrs' state dictionary (see NamePart).
        return _Name, attrs.astuple(self, recurse=False)


def _name_keys(name: AnalyzedName) -> list[str]:
    keys = ["n:" + name.joined]
    for part in name.parts:
        if part.role in ("word", "number"):
            keys.append("w:" + part.text)
            if len(part.skeleton) >= 2:
                keys.append("s:" + part.skeleton)
    return keys


def _spelled(name: AnalyzedName) -> str:
    """The name's words and its legal form's, as the list spells them (a form may be misspelt).

    In sorted order, as rapidfuzz's ``token_sort_ratio`` sorts them: ``ratio``
    of two sorted spellings is their ``token_sort_ratio``, without sorting a
    candidate's words again at each search.
    """
    return " ".join(sorted((*name.text.split(), *name.form_texts)))


def _skeleton(name: AnalyzedName) -> str:
    """The consonant skeletons of the name's words, sorted as :func:`_spelled` sorts words."""
    return " ".join(sorted(part.skeleton or part.text for part in name.parts))


def _bag(name: AnalyzedName) -> str:
    """The name's words in sorted order: two names score 1.0 exactly when their bags agree."""
    return " ".join(sorted(part.text for part in name.parts))


def _flat(lists: dict[str, list[int]]) -> tuple[Any, Any]:
    """Lists of numbers as one array and the offsets of each list's slice in it.

    A search adds many lists in one step, and two arrays pickle far faster than
    60,000 lists.
    """
    flat = numpy.fromiter(chain.from_iterable(lists.values()), numpy.int32)
    return flat, numpy.cumsum([0, *map(len, lists.values())], dtype=numpy.int64)


def _grams(word: str) -> list[str]:
    return [word[i : i + 3] for i in range(len(word) - 2)] if len(word) >= 4 else []


def _deletions(word: str) -> dict[str, None]:
    """The word and each spelling of it with one letter left out, once each.

    Two words one edit apart (a letter dropped, added or changed, or two
    swapped) always share one of these spellings, and two words that share one
    are at most two edits apart: SymSpell's idea, which finds a misspelt word's
    neighbours in a few dictionary lookups instead of a scan.

    >>> list(_deletions("ANNA"))
    ['NNA', 'ANA', 'ANN', 'ANNA']
    """
    return dict.fromkeys(word[:i] + word[i + 1 :] for i in range(len(word) + 1))


def _numbered(groups: Iterable[tuple[int, Iterable[str]]]) -> tuple[dict[str, int], Any, Any]:
    """Strings numbered in order of first sight, with the numbers filed under each.

    Returns the numbering, and flat arrays as :func:`_flat` makes them: string
    ``s``'s numbers are ``values[offsets[n] : offsets[n + 1]]`` for
    ``n = numbering[s]``. Plain integers in one dictionary and two arrays, not
    a list per string: 130,000 lists for OFAC's list would take longer to make
    and to pickle.
    """
    numbering: dict[str, int] = {}
    codes: list[int] = []
    values: list[int] = []
    for value, strings in groups:
        for string in strings:
            codes.append(numbering.setdefault(string, len(numbering)))
            values.append(value)
    order = numpy.argsort(numpy.array(codes, numpy.int32), kind="stable")
    filed = numpy.array(values, numpy.int32)[order]
    counts = numpy.bincount(numpy.array(codes, numpy.int32), minlength=len(numbering))
    return numbering, filed, numpy.concatenate(([0], numpy.cumsum(counts))).astype(numpy.int32)


class Index:
    """Every name of the entities of some datasets, ready to search.

    Build it once (about a second for OFAC's 15,000 entities) and search it
    many times; it pickles, so a worker process can receive it.
    """

    def __init__(self, *datasets: Dataset | Iterable[Entity]) -> None:
        self._entities: list[Entity] = []
        self._designations: list[tuple[Designation, ...]] = []
        self._names: list[_Name] = []
        # A blocking key to the names filed under it, then (once built) to its slot
        # in _offsets: its names are _postings[_offsets[slot] : _offsets[slot + 1]].
        self._keys: dict[str, Any] = {}
        # Character 3-grams of the indexed words, to the slots of the words' keys (for
        # misspelt queries): a gram's slots are _gram_slots[_gram_offsets[g] : ...[g + 1]].
        self._grams: dict[str, int] = {}
        self._identifiers: dict[str, list[int]] = {}
        # Names this index for Dask, which would otherwise pickle all of it to hash it.
        self._token = uuid.uuid4().hex
        self._scratch = threading.local()
        with collector_paused():
            self._build(datasets)

    def _build(self, datasets: Sequence[Dataset | Iterable[Entity]]) -> None:
        """Analyse and file every name, then make the lookup tables."""
        for dataset in datasets:
            for entity in dataset:
                designations = (
                    dataset.designations_of(entity.id) if isinstance(dataset, Dataset) else ()
                )
                self._add(entity, designations)
        self._texts = [_spelled(name.analyzed) for name in self._names]
        self._skeletons = [_skeleton(name.analyzed) for name in self._names]
        self._bags = [_bag(name.analyzed) for name in self._names]
        self._bag_set = frozenset(self._bags)
        self._kinds = numpy.array([_KIND_CODES[name.kind] for name in self._names], numpy.int8)
        self._postings, self._offsets = _flat(self._keys)
        grams: dict[str, list[int]] = {}
        for slot, key in enumerate(self._keys):
            self._keys[key] = slot
            if key.startswith("w:"):
                for gram in dict.fromkeys(_grams(key[2:])):
                    grams.setdefault(gram, []).append(slot)
        self._gram_slots, self._gram_offsets = _flat(grams)
        # The word of each slot's key ("w:ivan" is "ivan"), to rank close words by spelling.
        self._slot_words = [key[2:] for key in self._keys]
        self._grams = {gram: number for number, gram in enumerate(grams)}
        # Each word of at least _NEIGHBOURLY letters, and its spellings with a letter
        # left out, to the word's slot: a misspelt word's neighbours (see _deletions).
        self._variants, self._variant_slots, self._variant_offsets = _numbered(
            (slot, _deletions(key[2:]))
            for key, slot in self._keys.items()
            if key.startswith("w:") and len(key) >= _NEIGHBOURLY + 2
        )

    def __len__(self) -> int:
        return len(self._entities)

    def __repr__(self) -> str:
        return f"<Index of {len(self._entities)} entities, {len(self._names)} names>"

    def __dask_tokenize__(self) -> str:
        """A name for Dask's task keys: an index is never changed once built.

        Without it Dask pickles the whole index to hash it each time it is
        passed to ``map_partitions`` (about 5 s for OFAC's list).
        """
        return self._token

    def __getstate__(self) -> dict[str, Any]:
        # Each thread's scratch array stays behind: a worker makes its own.
        state = self.__dict__.copy()
        del state["_scratch"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._scratch = threading.local()

    def _add(self, entity: Entity, designations: tuple[Designation, ...]) -> None:
        position = len(self._entities)
        self._entities.append(entity)
        self._designations.append(designations)
        kind = entity_kind(entity)
        names = [(entity.name, AliasQuality.STRONG)]
        names += [(alias.name, alias.quality) for alias in entity.aliases]
        if isinstance(entity, Vessel):
            names += [(past, AliasQuality.FORMER) for past in entity.past_names]
        seen: set[str] = set()
        for text, quality in names:
            if text in seen or not text.strip():
                continue
            seen.add(text)
            try:
                analyzed = analyze_name(text, kind)
            except ValueError:  # a name of only invisible characters
                continue
            number = len(self._names)
            self._names.append(
                _Name(position, text, _ALIAS_WEIGHT[quality], quality.value, analyzed, kind)
            )
            for key in dict.fromkeys(_name_keys(analyzed)):
                self._keys.setdefault(key, []).append(number)
        for value in _entity_identifiers(entity):
            self._identifiers.setdefault(value, []).append(position)

    def _posting(self, key: str) -> Any:
        """The numbers of the names filed under a key (empty when none are)."""
        slot = self._keys.get(key, -1)
        if slot < 0:
            return self._postings[:0]
        return self._slot_posting(slot)

    def _slot_posting(self, slot: int) -> Any:
        """The numbers of the names filed under the key in a slot."""
        return self._postings[self._offsets[slot] : self._offsets[slot + 1]]

    def _close_words(self, parts: Sequence[NamePart]) -> list[int]:
        """The slots of the indexed words nearest some words by spelling, best first.

        The words that share most 3-grams with them (counted in numpy: a common
        3-gram reaches thousands of words), ranked by edit distance: a short
        word shares a 3-gram or two with hundreds of others.
        """
        slices = [
            self._gram_slots[self._gram_offsets[number] : self._gram_offsets[number + 1]]
            for part in parts
            for gram in dict.fromkeys(_grams(part.text))
            if (number := self._grams.get(gram, -1)) >= 0
        ]
        if not slices:
            return []
        slots, first, counts = numpy.unique(
            numpy.concatenate(slices), return_index=True, return_counts=True
        )
        sharing = slots[numpy.lexsort((first, -counts))[: _SHORTLIST * _WIDE]]
        words = list(map(self._slot_words.__getitem__, sharing.tolist()))
        texts = [part.text for part in parts]
        near = process.cdist(texts, words, scorer=Levenshtein.normalized_similarity).max(axis=0)
        nearest: list[int] = sharing[numpy.argsort(-near, kind="stable")[:_SHORTLIST]].tolist()
        return nearest

    def _neighbours(self, parts: Sequence[NamePart]) -> tuple[list[int], list[NamePart]]:
        """The slots of the indexed words one edit from some words, and the words with none.

        A word and an indexed word one edit apart share a spelling with a letter
        left out (see :func:`_deletions`), so a few dictionary lookups per word
        find them all. The nearest _SHORTLIST by spelling are kept.
        """
        found: set[int] = set()
        far: list[NamePart] = []
        offsets = self._variant_offsets
        for part in parts:
            numbers = [
                number
                for variant in _deletions(part.text)
                if (number := self._variants.get(variant, -1)) >= 0
            ]
            for number in numbers:
                found.update(self._variant_slots[offsets[number] : offsets[number + 1]].tolist())
            if not numbers:
                far.append(part)
        slots = sorted(found)
        if len(slots) > _SHORTLIST:
            words = list(map(self._slot_words.__getitem__, slots))
            texts = [part.text for part in parts]
            near = process.cdist(texts, words, scorer=Levenshtein.normalized_similarity).max(axis=0)
            slots = [slots[i] for i in numpy.argsort(-near, kind="stable")[:_SHORTLIST].tolist()]
        return slots, far

    def _candidates(self, query: AnalyzedName, allowed: set[str] | None) -> list[int]:
        """Names worth scoring: those sharing the rarest keys with the query, best first.

        The weights are summed in one ``bincount`` of the shared keys' postings
        (a common word reaches thousands of names), over the names found only:
        a query's cost does not grow with the size of the index.
        """
        total = len(self._names) + 1
        postings: list[Any] = []
        weights: list[float] = []
        common: list[str] = []
        for key in dict.fromkeys(_name_keys(query)):
            posting = self._posting(key)
            if not len(posting):
                continue
            if len(posting) > _COMMON and not key.startswith("n:"):
                common.append(key)
                continue
            # The whole name outranks any number of shared words.
            postings.append(posting)
            weights.append(100.0 if key.startswith("n:") else math.log(total / len(posting)))
        numbers, sums = self._weigh(postings, weights)
        reached = int(numpy.count_nonzero(sums != 0.0))
        # A word that no key finds is probably misspelt: look for indexed words
        # that share its 3-grams. When little was found, try the common keys too.
        # A rare word may be a misspelling of another word too ("SOMAR", "SOLMAR"),
        # unless the whole name is indexed (in any order): then its rare words are right.
        whole = len(self._posting("n:" + query.joined)) > 0 or _bag(query) in self._bag_set
        unknown = [
            part
            for part in query.parts
            if part.role == "word"
            and len(posting := self._posting("w:" + part.text)) <= _RARE
            and not (whole and len(posting))
        ]
        if unknown or reached < _SHORTLIST:
            # In a query misspelt (a word no name has), the unknown words one edit
            # from an indexed word are looked up by their deletions; the others (and,
            # when little was found, all words) by 3-grams.
            near: list[int] = []
            far = list(unknown if reached >= _SHORTLIST else query.parts)
            if any(not len(self._posting("w:" + part.text)) for part in unknown):
                near, lonely = self._neighbours(unknown)
                far = [part for part in far if part not in unknown or part in lonely]
            close = list(dict.fromkeys(near + self._close_words(far)))
            if reached >= _SHORTLIST:
                common = []
            more = [self._posting(key) for key in common]
            more += [self._slot_posting(slot) for slot in close]
            for posting in more:
                postings.append(posting[: _COMMON * 2])
                weights.append(0.2 * math.log(total / (len(posting) + 1)))
            numbers, sums = self._weigh(postings, weights)
        if allowed is not None:
            sums[~numpy.isin(self._kinds[numbers], [_KIND_CODES[kind] for kind in allowed])] = 0.0
        kept = sums != 0.0
        numbers, sums = numbers[kept], sums[kept]
        # Best first; ties in the order of the names (a stable sort of ascending numbers).
        order = numpy.argsort(-sums, kind="stable")[:_POOL]
        return numbers[order].tolist()  # type: ignore[no-any-return]

    def _weigh(self, postings: list[Any], weights: list[float]) -> tuple[Any, Any]:
        """The names in some posting (ascending) and each one's summed weight of them.

        The weights are added, posting by posting as they are listed, into this
        thread's array of a float per name, which is then zeroed again: a new
        array per query would cost more than the sums, as glibc serves arrays
        that large by ``mmap``, page by page, once ``MALLOC_TRIM_THRESHOLD_`` is
        set (Dask sets it in every worker; screening ran at half speed there).
        """
        if not postings:
            return numpy.zeros(0, numpy.int64), numpy.zeros(0)
        found = numpy.concatenate(postings)
        scratch = self._scratch
        if not hasattr(scratch, "sums"):
            scratch.sums = numpy.zeros(len(self._names))
            scratch.held = numpy.zeros(len(self._names), bool)
        try:
            numpy.add.at(scratch.sums, found, numpy.repeat(weights, [len(p) for p in postings]))
            numbers = numpy.flatnonzero(numpy.not_equal(scratch.sums, 0.0, out=scratch.held))
            return numbers, scratch.sums[numbers]
        finally:
            scratch.sums[found] = 0.0

    def _shortlist(self, query: AnalyzedName, pool: list[int]) -> list[int]:
        """The candidates worth the full scorer: the best by shared keys and by spelling.

        The full scorer costs about 40 times rapidfuzz's ``token_sort_ratio``:
        ranking a wider pool by that cheap measure, on the letters (legal forms
        included: a misspelt one is not recognised as a form) and on the
        consonant skeletons (which transliterations share), finds misspelt and
        transliterated names that the keys ranked low, for a fraction of the
        cost of scoring them all.
        """
        if len(pool) <= _BY_KEYS + _BY_SPELLING:
            return pool
        spelling = numpy.maximum(
            process.cdist([_spelled(query)], [self._texts[n] for n in pool], scorer=_RATIO)[0],
            process.cdist([_skeleton(query)], [self._skeletons[n] for n in pool], scorer=_RATIO)[0],
        )
        best = numpy.argsort(-spelling, kind="stable")[:_BY_SPELLING]
        chosen = dict.fromkeys(pool[:_BY_KEYS])
        chosen.update(dict.fromkeys(pool[position] for position in best))
        return list(chosen)

    def search(
        self,
        query: str | Entity,
        *,
        kind: str | None = None,
        birth_date: str | date | PartialDate | DateRange | None = None,
        countries: Iterable[str | Country] = (),
        identifiers: Iterable[str | Identifier] = (),
        limit: int = 10,
    ) -> list[Hit]:
        """The entities whose names best match the query, best first.

        ``query`` is a name, or an :class:`~sanctionkit.Entity` whose every name
        and alias is searched (each in its own script) and whose birth dates,
        countries and identifiers corroborate or contradict what is found.
        ``kind`` keeps only entities of one kind (an entity query keeps its
        own). Agreeing facts raise a hit's score, contradicting ones lower it,
        and its explanation says which.

        >>> import sanctionkit as sk
        >>> index = sk.match.Index(sk.builtin_dataset())
        >>> [(hit.entity.id, hit.score) for hit in index.search("MAIA 1", kind="vessel")]
        [('vessel-maia-1', 1.0)]
        >>> hit = index.search("Mikheychik Vladimir", birth_date="1971")[0]
        >>> hit.name_score, round(hit.score, 2)
        (1.0, 0.85)
        >>> print(hit.explanation)
        Mikheychik = Mikheychik (1.00, exact)
        Vladimir = Vladimir (1.00, exact)
        birth date 1971 contradicts 1970-05-16 (-0.15)
        """
        check_kind(kind)
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        names: list[tuple[str, float]]
        query_dates: list[PartialDate | DateRange] = []
        query_countries: set[str] = set()
        query_ids: set[str] = set()
        if isinstance(query, Entity):
            kind = kind or entity_kind(query)
            names = [(query.name, 1.0)]
            names += [(alias.name, _ALIAS_WEIGHT[alias.quality]) for alias in query.aliases]
            if isinstance(query, Person):
                query_dates.extend(query.birth_dates)
            query_countries |= _entity_countries(query)
            query_ids |= _entity_identifiers(query)
        else:
            names = [(query, 1.0)]
            analyze_name(query, kind)  # a bad name is an error even if nothing matches
        if birth_date is not None:
            query_dates.append(_to_date(birth_date))
        query_countries.update(
            country.alpha2 if isinstance(country, Country) else parse_country(country).alpha2
            for country in countries
        )
        query_ids.update(
            _compact(value.value if isinstance(value, Identifier) else value)
            for value in identifiers
        )
        allowed = None if kind is None else {kind}
        # entity position -> (score, name score, query name, _Name)
        best: dict[int, tuple[float, str, _Name]] = {}
        memo: PairMemo = {}
        # With no facts to move the scores, enough names that score 1.0 settle a search.
        settles = not (query_dates or query_countries or query_ids)
        for text, query_weight in dict.fromkeys(names):
            try:
                query_name = analyze_name(text, kind)
            except ValueError:
                continue
            settling = settles and query_weight == 1.0
            if settling and self._written(best, text, query_name, allowed, limit):
                continue
            pool = self._candidates(query_name, allowed)
            if settling and self._settled(best, text, pool, limit):
                continue
            for number in self._shortlist(query_name, pool):
                self._consider(best, memo, text, query_weight, number, kind)
        self._consider_identified(best, memo, names, query_ids, allowed, kind)
        facts = _Facts(query_dates, query_countries, query_ids)
        ranked = []
        for position, (name_score, text, name) in best.items():
            delta, _notes = facts.check(self._entities[position])
            score = min(1.0, max(0.0, name_score + delta))
            # A candidate with no name in common and no shared identifier is noise.
            # Ties go to a name written as the query is, then to one of the same
            # legal form ("TAMYNA FZE" before "TAMYNA AG"), then to the lists' order.
            if score > 0.0:
                ties = (text != name.text, not _same_form(text, name), position)
                ranked.append((-score, -name_score, ties))
        ranked.sort()
        return [
            self._hit(ties[-1], best[ties[-1]], -negative, facts)
            for negative, _n, ties in ranked[:limit]
        ]

    def _written(
        self,
        best: dict[int, tuple[float, str, _Name]],
        text: str,
        query: AnalyzedName,
        allowed: set[str] | None,
        limit: int,
    ) -> bool:
        """Take the names written exactly as the query as 1.0; True if ``limit`` entities have one.

        They are found under the whole name's key without ranking any other
        name, and nothing outranks them (a tie at 1.0 goes to the name written
        as the query): a search for a name as a list writes it stops here.
        """
        for number in self._posting("n:" + query.joined).tolist():
            name = self._names[number]
            if (
                name.text == text
                and name.weight == 1.0
                and (allowed is None or name.kind in allowed)
                and best.get(name.entity, (0.0,))[0] < 1.0
            ):
                best[name.entity] = (1.0, text, name)
        return sum(1 for score, _text, _name in best.values() if score >= 1.0) >= limit

    def _settled(
        self,
        best: dict[int, tuple[float, str, _Name]],
        text: str,
        pool: list[int],
        limit: int,
    ) -> bool:
        """Score the names of the pool that match the query perfectly; True if ``limit`` did.

        Only a name with the same words (in any order) scores 1.0 (each word then
        pairs with its equal), and nothing scores more: once ``limit`` entities
        have, the rest of the pool need not be scored (a search for a name as a
        list writes it stops here).
        """
        bags: dict[str | None, str] = {}
        for code in sorted(set(self._kinds[pool].tolist())):
            kind = _KINDS[code]
            try:
                bags[kind] = _bag(analyze_name(text, kind))
            except ValueError:
                bags[kind] = ""
        # Mostly (a misspelt query) no name of the index has the query's words.
        if any(bag in self._bag_set for bag in bags.values()):
            for number in pool:
                name = self._names[number]
                previous = best.get(name.entity)
                if (
                    name.weight == 1.0
                    and self._bags[number] == bags[name.kind]
                    and (previous is None or previous[0] < 1.0)
                ):
                    best[name.entity] = (1.0, text, name)
        return sum(1 for score, _text, _name in best.values() if score >= 1.0) >= limit

    def _consider_identified(
        self,
        best: dict[int, tuple[float, str, _Name]],
        memo: PairMemo,
        names: list[tuple[str, float]],
        query_ids: set[str],
        allowed: set[str] | None,
        kind: str | None,
    ) -> None:
        """Score the names of entities that share an identifier with the query, if not yet seen.

        A shared passport or IMO number finds an entity whatever its names, so a
        candidate that no name key reached still gets its name scored.
        """
        for value in query_ids:
            for position in self._identifiers.get(value, ()):
                if position in best:
                    continue
                if allowed is not None and entity_kind(self._entities[position]) not in allowed:
                    continue
                for number, name in enumerate(self._names):
                    if name.entity == position:
                        for text, query_weight in dict.fromkeys(names):
                            self._consider(best, memo, text, query_weight, number, kind)

    def _consider(
        self,
        best: dict[int, tuple[float, str, _Name]],
        memo: PairMemo,
        text: str,
        query_weight: float,
        number: int,
        kind: str | None,
    ) -> None:
        name = self._names[number]
        try:
            query_name = analyze_name(text, name.kind)
        except ValueError:
            return
        score = score_analyzed(query_name, name.analyzed, name.kind, memo)
        score *= query_weight * name.weight
        previous = best.get(name.entity)
        if previous is None or score > previous[0]:
            best[name.entity] = (score, text, name)

    def _hit(
        self, position: int, found: tuple[float, str, _Name], score: float, facts: _Facts
    ) -> Hit:
        name_score, query_text, name = found
        return Hit(
            entity=self._entities[position],
            score=score,
            name_score=name_score,
            query_name=query_text,
            matched_name=name.text,
            designations=self._designations[position],
            matched=name,
            facts=facts,
        )


def _same_form(text: str, name: _Name) -> bool:
    """True when a query and a name have legal forms of the same classes (OOO and LLC are one)."""
    if not name.analyzed.forms:
        return False
    return set(analyze_name(text, name.kind).forms) == set(name.analyzed.forms)


@attrs.frozen
class _Facts:
    """What a query says besides names, to corroborate or contradict a candidate."""

    dates: Sequence[PartialDate | DateRange]
    countries: set[str]
    identifiers: set[str]

    def check(self, entity: Entity) -> tuple[float, list[str]]:
        """How much the facts move a candidate's score, and why."""
        delta = 0.0
        notes: list[str] = []
        if self.dates:
            known = list(entity.birth_dates) if isinstance(entity, Person) else []
            shown = ", ".join(value.isoformat() for value in self.dates)
            if not known:
                notes.append(f"birth date {shown}: no birth date known, not scored")
            elif any(_dates_agree(q, k) for q in self.dates for k in known):
                delta += _BIRTH_AGREES
                notes.append(f"birth date {shown} agrees (+{_BIRTH_AGREES:.2f})")
            else:
                delta += _BIRTH_CONTRADICTS
                listed = ", ".join(value.isoformat() for value in known)
                notes.append(f"birth date {shown} contradicts {listed} ({_BIRTH_CONTRADICTS:.2f})")
        if self.countries:
            known_countries = _entity_countries(entity)
            shown = ", ".join(sorted(self.countries))
            if not known_countries:
                notes.append(f"countries {shown}: none known, not scored")
            elif self.countries & known_countries:
                delta += _COUNTRY_AGREES
                notes.append(f"country {shown} agrees (+{_COUNTRY_AGREES:.2f})")
            else:
                delta += _COUNTRY_CONTRADICTS
                listed = ", ".join(sorted(known_countries))
                notes.append(f"countries {shown} contradict {listed} ({_COUNTRY_CONTRADICTS:.2f})")
        if self.identifiers:
            shared = self.identifiers & _entity_identifiers(entity)
            imos = {value for value in self.identifiers if len(value) == 7 and value.isdigit()}
            if shared:
                delta += _IDENTIFIER_AGREES
                notes.append(
                    f"identifier {', '.join(sorted(shared))} agrees (+{_IDENTIFIER_AGREES:.2f})"
                )
            elif isinstance(entity, Vessel) and entity.imo and imos and entity.imo not in imos:
                delta += _IMO_CONTRADICTS
                shown = ", ".join(sorted(imos))
                notes.append(f"IMO {shown} contradicts {entity.imo} ({_IMO_CONTRADICTS:.2f})")
        return delta, notes


def _to_date(value: str | date | PartialDate | DateRange) -> PartialDate | DateRange:
    if isinstance(value, (PartialDate, DateRange)):
        return value
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    return parse_date(value)
