"""Compare two names part by part and explain the score.

The score of two names is built from their aligned parts. Each part of one
name is paired with at most one part of the other (the best pairs first, an
O(n·m) assignment over at most :data:`~sanctionkit.match.names.MAX_PARTS`
parts a side), each pair gets a score and a reason, and the name's score is the
pairs' scores weighted by the parts' lengths, with parts left unpaired counting
against it. See docs/matching.md for the whole recipe.

>>> result = compare_names("MIKHEYCHIK, Vladimir Vladimirovich", "Vladimir Mikheychik")
>>> result.is_match, round(result.score, 2)
(True, 0.82)
>>> print(result.explanation)
MIKHEYCHIK = Mikheychik (1.00, exact)
Vladimir = Vladimir (1.00, exact)
vladimirovich = - (0.00, unmatched)
"""

from __future__ import annotations

import enum
from collections import Counter

import attrs

from sanctionkit.match._deps import OSA, Levenshtein, anyascii
from sanctionkit.match.names import AnalyzedName, NamePart, analyze_name

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPart",
    "Explanation",
    "NameComparison",
    "Reason",
    "compare_analyzed",
    "compare_names",
    "score_analyzed",
]

#: A comparison at or above this score is a match. Chosen on real list names:
#: a reordered person's name with a patronymic left out (0.85), a
#: transliteration ("Mikheichik", 0.89) and Japan's katakana rendering (0.83)
#: pass; one shared first name ("Vladimir" against "Vladimir Putin", 0.62) and
#: a ship with a number ("MARIA" against "MARIA-1", 0.5) do not.
DEFAULT_THRESHOLD = 0.8

# Scores of part pairs that agree without being spelled the same.
_PHONETIC = 0.9
_INITIAL = 0.9
_TRUNCATED = 0.85
# Vowels: a word written without any ("Hmd") is a skeleton itself.
_VOWELS = frozenset("aeiouy")
# Below this, two words are different words, not spellings of one.
_EDIT_FLOOR = 0.6
# How much a part left unpaired counts, by kind, once two words agree: a middle
# name or patronymic is often left out of a person's name, an extra word of a
# company's name is more telling, and a ship's name must be whole.
_UNPAIRED = {"person": 0.25, "organization": 0.5, "vessel": 1.0, "aircraft": 1.0, None: 0.3}


# An acronym ("VSC") shares its letters with many names ("VISCO"): it counts
# only as the initials of the other name's words, and then below the
# threshold, so that only corroborating facts (an identifier, a country) make
# it a match. Persons are left out: their vowel-less spellings ("CRR" for
# "CORREA") are misspellings, not acronyms.
_INITIALISM = 0.75
# A word this near a word of the other name's legal form is that form misspelt.
_FORMLIKE = 0.8
_ACRONYM_KINDS = frozenset({"organization", "vessel", "aircraft", None})


# Numbers are counted only where they are compared or explained (never changed).
_NO_NUMBERS: Counter[str] = Counter()


class Reason(enum.Enum):
    """Why two parts of two names were paired, or why a part was not."""

    EXACT = "exact"
    TRANSLITERATED = "transliterated"
    PHONETIC = "phonetic"
    INITIAL = "initial"
    EDIT_DISTANCE = "edit distance"
    TRUNCATED = "truncated"
    JOINED = "joined"
    ORGANISATION_FORM = "organisation form"
    NUMBER_MISMATCH = "numbers differ"
    UNMATCHED = "unmatched"
    INITIALISM = "initialism"


@attrs.frozen
class AlignedPart:
    """One part of the first name, the part of the second it was paired with, and why."""

    left: str
    right: str
    score: float
    reason: Reason

    def __str__(self) -> str:
        return f"{self.left or '-'} = {self.right or '-'} ({self.score:.2f}, {self.reason.value})"


@attrs.frozen
class Explanation:
    """How a score was reached: the aligned parts, then notes on the whole name."""

    parts: tuple[AlignedPart, ...]
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "\n".join([*(str(part) for part in self.parts), *self.notes])

    def swapped(self) -> Explanation:
        """The same explanation read from the other name's side."""
        parts = tuple(attrs.evolve(p, left=p.right, right=p.left) for p in self.parts)
        return Explanation(parts=parts, notes=self.notes)


@attrs.frozen
class NameComparison:
    """The result of :func:`compare_names`: a score in [0, 1] and its explanation."""

    left: str
    right: str
    kind: str | None
    score: float
    explanation: Explanation
    threshold: float = DEFAULT_THRESHOLD

    @property
    def is_match(self) -> bool:
        """True when the score is at or above the threshold."""
        return self.score >= self.threshold


def _pair(a: NamePart, b: NamePart, a_last: bool, b_last: bool) -> tuple[float, Reason]:
    if a.role == "number" or b.role == "number":
        if a.text == b.text:
            return 1.0, Reason.EXACT
        return 0.0, Reason.NUMBER_MISMATCH
    if a.text == b.text:
        if (a.transliterated or b.transliterated) and a.original != b.original:
            return 1.0, Reason.TRANSLITERATED
        return 1.0, Reason.EXACT
    if a.role == "initial" or b.role == "initial":
        if a.text[0] == b.text[0]:
            return _INITIAL, Reason.INITIAL
        return 0.0, Reason.UNMATCHED
    return _near(a, b, a_last, b_last)


def _near(a: NamePart, b: NamePart, a_last: bool, b_last: bool) -> tuple[float, Reason]:
    """Two different words: how near they are, and why (sound, a cut, spelling)."""
    # Transposed letters count as one edit (optimal string alignment).
    similarity = OSA.normalized_similarity(a.text, b.text)
    # Two-letter skeletons are too common to agree on, unless a word was written
    # with no vowel at all ("CRR" for "CORREA").
    if (
        similarity < _PHONETIC
        and a.skeleton == b.skeleton
        and (
            len(a.skeleton) >= 3
            or (len(a.skeleton) == 2 and (_has_no_vowel(a.text) or _has_no_vowel(b.text)))
        )
    ):
        return _PHONETIC, Reason.PHONETIC
    if similarity < _PHONETIC and len(a.metaphone) >= 3 and a.metaphone == b.metaphone:
        return _PHONETIC, Reason.PHONETIC
    # A field cut short leaves the first letters of the last word ("Igore" for "Igorevich").
    if (a_last and len(a.text) >= 2 and b.text.startswith(a.text)) or (
        b_last and len(b.text) >= 2 and a.text.startswith(b.text)
    ):
        return _TRUNCATED, Reason.TRUNCATED
    if a.transliterated != b.transliterated and min(len(a.skeleton), len(b.skeleton)) >= 3:
        # Across scripts sounds get lost on the way ("Vladimir" is "urajimiru" in
        # katakana): close skeletons are a weaker phonetic agreement.
        close = Levenshtein.normalized_similarity(a.skeleton, b.skeleton)
        if close >= 0.6 and 0.5 + 0.4 * close > similarity:
            return 0.5 + 0.4 * close, Reason.PHONETIC
    if similarity >= _EDIT_FLOOR:
        # Squared: one letter in four differs is 0.56, not 0.75; two different
        # surnames that share letters ("CANO", "MPANO") should not pass as one.
        return similarity * similarity, Reason.EDIT_DISTANCE
    return 0.0, Reason.UNMATCHED


def _has_no_vowel(text: str) -> bool:
    return not _VOWELS.intersection(text)


#: Part pairs already scored in one search, by the parts' identities (see :func:`_align`).
PairMemo = dict[tuple[int, int, bool, bool], tuple[float, Reason, NamePart, NamePart]]


def _align(
    a: tuple[NamePart, ...], b: tuple[NamePart, ...], memo: PairMemo | None = None
) -> list[tuple[int, int, float, Reason]]:
    """Pair parts best first: each part of either name is used at most once.

    ``memo`` keeps the pairs scored for one query: its candidates were found
    by the words they share, so the same pairs of parts come up again and
    again (the memo holds the parts, so that their identities stay theirs).
    """
    candidates = []
    last_a, last_b = len(a) - 1, len(b) - 1
    for i, part_a in enumerate(a):
        for j, part_b in enumerate(b):
            if memo is None:
                score, reason = _pair(part_a, part_b, i == last_a, j == last_b)
            else:
                key = (id(part_a), id(part_b), i == last_a, j == last_b)
                known = memo.get(key)
                if known is None:
                    known = (*_pair(part_a, part_b, i == last_a, j == last_b), part_a, part_b)
                    memo[key] = known
                score, reason = known[0], known[1]
            if score > 0.0:
                candidates.append((-score, i, j, reason))
    # (score, i, j) is unique: the reasons are never compared.
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for negative, i, j, reason in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, -negative, reason))
    return pairs


def _ordered(name: AnalyzedName) -> tuple[str, str]:
    return (name.text, name.original)


def compare_analyzed(a: AnalyzedName, b: AnalyzedName, kind: str | None) -> NameComparison:
    """Compare two names that :func:`~sanctionkit.match.names.analyze_name` took apart.

    The work is always done in one order of the two names (so that the score is
    symmetric even where two pairings tie) and the explanation turned round.
    """
    if _ordered(b) < _ordered(a):
        score, explanation = _compare(b, a, kind, explain=True)
        assert explanation is not None
        explanation = explanation.swapped()
    else:
        score, explanation = _compare(a, b, kind, explain=True)
        assert explanation is not None
    return NameComparison(a.original, b.original, kind, score, explanation)


def score_analyzed(
    a: AnalyzedName, b: AnalyzedName, kind: str | None, memo: PairMemo | None = None
) -> float:
    """The score of :func:`compare_analyzed` without building its explanation (for search).

    ``memo``, an empty dict for each query, lets the comparisons of one query
    with many candidates score each pair of parts once.
    """
    if _ordered(b) < _ordered(a):
        a, b = b, a
    return _compare(a, b, kind, explain=False, memo=memo)[0]


def _compare(
    a: AnalyzedName,
    b: AnalyzedName,
    kind: str | None,
    *,
    explain: bool,
    memo: PairMemo | None = None,
) -> tuple[float, Explanation | None]:
    if a.text == b.text:
        if not explain:
            return 1.0, None
        same = tuple(
            AlignedPart(
                p.original,
                q.original,
                1.0,
                Reason.TRANSLITERATED
                if p.original != q.original and (p.transliterated or q.transliterated)
                else Reason.EXACT,
            )
            for p, q in zip(a.parts, b.parts, strict=True)
        )
        return 1.0, Explanation(same, _form_notes(a, b))
    if kind in _ACRONYM_KINDS and (_is_acronym(a) or _is_acronym(b)):
        return _acronym(a, b, explain=explain)
    pairs = _align(a.parts, b.parts, memo)
    paired_a = {i for i, _j, _s, _r in pairs}
    paired_b = {j for _i, j, _s, _r in pairs}
    earned = sum(score * (a.parts[i].weight + b.parts[j].weight) for i, j, score, _r in pairs)
    possible = sum(a.parts[i].weight + b.parts[j].weight for i, j, _s, _r in pairs)
    unpaired_a, formlike_a = _unpaired(a, paired_a, b)
    unpaired_b, formlike_b = _unpaired(b, paired_b, a)
    # Unpaired parts weigh less only once two real words agree (one shared first
    # name is not a match) and only when one name has them: a part left out is
    # an omission, a part on each side that do not agree ("HAN Hyok Chol",
    # "KIM Hyok Chol") is a contradiction.
    agreeing = sum(1 for i, _j, score, _r in pairs if score >= 0.7 and a.parts[i].role == "word")
    one_sided = not (
        any(p.role != "particle" for p in unpaired_a)
        and any(p.role != "particle" for p in unpaired_b)
    )
    factor = _UNPAIRED[kind] if agreeing >= 2 and one_sided else 1.0
    unpaired = unpaired_a + unpaired_b
    # A number left over always counts in full: "MARIA-1" is another ship. An
    # unpaired part counts twice, as a pair holds the weights of two parts.
    missing = sum(2 * p.weight * (1.0 if p.role == "number" else factor) for p in unpaired)
    score = earned / (possible + missing) if possible + missing else 0.0
    joined = 0.0
    if len(a.parts) != len(b.parts):
        joined = Levenshtein.normalized_similarity(a.joined, b.joined) * 0.95
        score = max(score, joined)
    numbers_a = numbers_b = _NO_NUMBERS
    if explain or kind in ("vessel", "aircraft"):
        numbers_a = Counter(p.text for p in a.parts if p.role == "number")
        numbers_b = Counter(p.text for p in b.parts if p.role == "number")
    if kind in ("vessel", "aircraft") and numbers_a != numbers_b:
        score = min(score, 0.5)
    score = min(1.0, max(0.0, score))
    if not explain:
        return score, None
    explained = [
        AlignedPart(a.parts[i].original, b.parts[j].original, round(s, 4), reason)
        for i, j, s, reason in sorted(pairs, key=lambda item: (item[0], item[1]))
    ]
    explained += [AlignedPart(p.text, "", 0.0, Reason.UNMATCHED) for p in unpaired_a]
    explained += [AlignedPart("", p.text, 0.0, Reason.UNMATCHED) for p in unpaired_b]
    explained += [
        AlignedPart(p.text, form, 0.0, Reason.ORGANISATION_FORM) for p, form in formlike_a
    ]
    explained += [
        AlignedPart(form, p.text, 0.0, Reason.ORGANISATION_FORM) for p, form in formlike_b
    ]
    notes = list(_form_notes(a, b))
    if joined and joined >= score:
        notes.append(f"written together: {a.joined} = {b.joined} ({joined:.2f}, joined)")
    if numbers_a != numbers_b:
        verdict = "different names" if kind in ("vessel", "aircraft") else "counted as words"
        notes.append(
            f"numbers differ: {' '.join(sorted(numbers_a)) or 'none'}"
            f" and {' '.join(sorted(numbers_b)) or 'none'} ({verdict})"
        )
    if a.truncated or b.truncated:
        notes.append("a name was cut to its first parts before comparing")
    return score, Explanation(tuple(explained), tuple(notes))


def _unpaired(
    name: AnalyzedName, paired: set[int], other: AnalyzedName
) -> tuple[list[NamePart], list[tuple[NamePart, str]]]:
    """The parts of a name left unpaired, and those of them that spell the other's legal form.

    A legal form misspelt ("LIMITE LIABILITY COMPANY") is not recognised as
    one, and its words would count against a name whose form was: a word
    within one edit or so of a word of the other name's form is set aside as
    a form, like the form itself (not scored).
    """
    unpaired = [part for number, part in enumerate(name.parts) if number not in paired]
    if not other.form_texts or not unpaired:
        return unpaired, []
    kept: list[NamePart] = []
    formlike: list[tuple[NamePart, str]] = []
    for part in unpaired:
        form = max(other.form_texts, key=lambda text: OSA.normalized_similarity(part.text, text))
        if part.role == "word" and OSA.normalized_similarity(part.text, form) >= _FORMLIKE:
            formlike.append((part, form))
        else:
            kept.append(part)
    return kept, formlike


def _is_acronym(name: AnalyzedName) -> bool:
    """One word of two to five letters and no vowel, as organisations abbreviate their names."""
    if len(name.parts) != 1:
        return False
    part = name.parts[0]
    return part.role == "word" and 2 <= len(part.text) <= 5 and _has_no_vowel(part.text)


def _initials(name: AnalyzedName) -> str:
    """The first letters of every word as written, organisation forms included ("VSCL")."""
    words = "".join(ch if ch.isalnum() else " " for ch in name.original).split()
    return "".join(anyascii(word)[:1].lower() for word in words)


def _acronym(
    a: AnalyzedName, b: AnalyzedName, *, explain: bool
) -> tuple[float, Explanation | None]:
    """Two names of which one is an acronym (and they differ): initials or nothing."""
    short, long = (a, b) if _is_acronym(a) else (b, a)
    letters = short.parts[0].text
    initials = _initials(long)
    # A trailing organisation form is often left out of an acronym ("VSC" for
    # VOSTOCHNAYA STEVEDORING COMPANY LLC), never a word of the name itself.
    named = len(long.parts) >= 2 and (
        letters == initials or (initials.startswith(letters) and len(letters) >= len(long.parts))
    )
    score = _INITIALISM if named else 0.0
    if not explain:
        return score, None
    reason = Reason.INITIALISM if named else Reason.UNMATCHED
    part = AlignedPart(short.parts[0].original, long.original, score, reason)
    if short is b:
        part = AlignedPart(long.original, short.parts[0].original, score, reason)
    note = (
        f"acronym {letters.upper()}: the initials of {long.original}, counts {score:.2f}"
        " until facts corroborate it"
        if named
        else f"acronym {letters.upper()}: not the initials of {long.original}, not compared"
        " by its letters"
    )
    return score, Explanation((part,), (*_form_notes(a, b), note))


def _form_notes(a: AnalyzedName, b: AnalyzedName) -> tuple[str, ...]:
    if not a.forms and not b.forms:
        return ()
    left = ", ".join(a.form_words) or "-"
    right = ", ".join(b.form_words) or "-"
    if a.forms and b.forms:
        verdict = "same class" if set(a.forms) & set(b.forms) else "different classes"
        classes = f"{'/'.join(a.forms)} vs {'/'.join(b.forms)}"
        label = Reason.ORGANISATION_FORM.value
        return (f"{label}: {left} = {right} ({verdict}: {classes}; not scored)",)
    return (f"{Reason.ORGANISATION_FORM.value}: {left} = {right} (one side only; not scored)",)


def compare_names(a: str, b: str, kind: str | None = None) -> NameComparison:
    """Compare two names: a score in [0, 1], a verdict and an explanation.

    ``kind`` ("person", "organization", "vessel", "aircraft" or None) changes
    what counts: titles are set aside for persons, legal forms for
    organisations, and a ship's or aircraft's numbers must agree.

    >>> compare_names("MARIA", "MARIA-1", kind="vessel").is_match
    False
    >>> compare_names("M Leasing LLC", "ООО М Лизинг", kind="organization").is_match
    True
    >>> compare_names("", "MARIA")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.InvalidNameError: a name must have a letter or a digit, not ''
    """
    return compare_analyzed(analyze_name(a, kind), analyze_name(b, kind), kind)
