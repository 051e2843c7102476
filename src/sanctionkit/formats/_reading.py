"""What every reader of an official list shares: problems, counts and lenient values.

A reader walks its file record by record and asks a :class:`Reading` to turn
raw text into values. When a value is bad, the reading records a
:class:`~sanctionkit.Problem` naming the file, the record, the field and the
text, and gives back None so the record is kept without it (lenient mode);
in strict mode it raises the first problem as :class:`~sanctionkit.ReadError`.
Each problem has a ``code`` (see :func:`problem_code`), so that a user can
accept the problems they know about and still read strictly.
Records that cannot be kept at all are *rejected*, and the counts add up:
records read = records returned + records rejected.

A reading also holds what every reader needs once per file: one cache of
parsed values (:meth:`Reading.date` with the list's own parser, countries,
IMO numbers), one shared object per distinct value (:meth:`Reading.intern`),
and the entity ids taken so far (:meth:`Reading.unique_id`).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

import attrs

from sanctionkit.errors import NotAvailableError, ParseError, ReadError
from sanctionkit.identifiers import imo, mmsi
from sanctionkit.model import Dataset, Designation, Entity, Problem
from sanctionkit.model.entities import Address, CountryRole, CountryRoleKind
from sanctionkit.values.countries import Country, parse_country
from sanctionkit.values.dates import DateRange, PartialDate, parse_date

__all__ = ["Reading", "approximately", "named_country", "problem_code", "whole_number"]

T = TypeVar("T")
H = TypeVar("H", bound=Hashable)
V = TypeVar("V")

#: The code of a record given up on, whatever the reason.
REJECTED = "rejected-record"

#: Codes of problems that readers report in the same words without an error to
#: take a code from: a range where the field holds one date.
_MESSAGE_CODES = {
    "expected one date, found a range": "date-range",
    "expected one build year, found a range": "date-range",
}


def problem_code(error: BaseException) -> str | None:
    """The :attr:`~sanctionkit.Problem.code` of a problem caused by ``error``.

    A :class:`~sanctionkit.errors.ParseError` names its own code
    ("unknown-country", "invalid-date", ...), a
    :class:`~sanctionkit.ReadError` its problem's; anything else has no code
    of its own (None), and the problem is coded by what it names.

    >>> from sanctionkit.values.countries import parse_country
    >>> try:
    ...     parse_country("Atlantis")
    ... except ValueError as error:
    ...     print(problem_code(error))
    unknown-country
    """
    if isinstance(error, ParseError):
        return error.code
    return error.problem.code if isinstance(error, ReadError) else None


@attrs.define
class Reading:
    """The state of one read of one file: where we are, what went wrong, what was kept.

    >>> reading = Reading(file="sdn.csv")
    >>> reading.country("Korea, North", record="36", field="nationality").alpha2
    'KP'
    >>> reading.country("Atlantis", record="37", field="nationality") is None
    True
    >>> print(reading.problems[0])
    file sdn.csv, record 37, field nationality: unknown country 'Atlantis' (value 'Atlantis')

    Country fields hold names unless the reader says ``codes=True``: a bare
    "NA" in a field of names says *not available*, and is no value and no problem.

    >>> reading.country("NA", record="38", field="nationality") is None, len(reading.problems)
    (True, 1)
    >>> reading.country("NA", record="38", field="nationality_code", codes=True).name
    'Namibia'
    """

    #: The file that problems name: the path as it was given to ``load``.
    file: str
    strict: bool = False
    problems: list[Problem] = attrs.Factory(list)
    entities: list[Entity] = attrs.Factory(list)
    designations: list[Designation] = attrs.Factory(list)
    #: Listing records seen (one per designation the file holds).
    read: int = 0
    #: Listing records that could not be kept.
    rejected: int = 0
    _parsed: dict[tuple[Callable[[str], object], str], object] = attrs.field(
        factory=dict, init=False, repr=False
    )
    _strings: dict[str, str] = attrs.field(factory=dict, init=False, repr=False)
    _interned: dict[tuple[type, object], object] = attrs.field(factory=dict, init=False, repr=False)
    _ids: set[str] = attrs.field(factory=set, init=False, repr=False)
    _met: set[str] = attrs.field(factory=set, init=False, repr=False)

    def problem(
        self,
        message: str,
        *,
        record: str | None = None,
        field: str | None = None,
        value: str | None = None,
        code: str | None = None,
    ) -> None:
        """Record a problem, or raise it in strict mode.

        Without a ``code``, a problem in the words readers share for a range
        where one date belongs is "date-range"; one reported while a value error
        is being handled (``except ValueError as error: reading.problem(str(error),
        ...)``) takes that error's code (see :func:`problem_code`); others take
        :class:`~sanctionkit.Problem`'s default, from what they name.
        """
        if code is None:
            code = _MESSAGE_CODES.get(message)
        if code is None:
            handled = sys.exc_info()[1]
            code = problem_code(handled) if handled is not None else None
        found = Problem(message=message, file=self.file, record=record, field=field, value=value)
        if code is not None:
            found = attrs.evolve(found, code=code)
        if self.strict:
            raise ReadError(found)
        self.problems.append(found)

    def reject(self, message: str, *, record: str | None = None, value: str | None = None) -> None:
        """Give up on a whole record: a problem, and one more record rejected."""
        self.problem(message, record=record, value=value, code=REJECTED)
        self.rejected += 1

    def keep(self, entity: Entity, designation: Designation) -> None:
        """Keep a listing record: its entity and its designation."""
        self.entities.append(entity)
        self.designations.append(designation)

    def value(
        self,
        parse: Callable[[str], T],
        text: str | None,
        *,
        record: str | None,
        field: str,
        code: str | None = None,
    ) -> T | None:
        """``parse(text)``, or None (with a problem) when the text is not a valid value.

        Blank text is simply absent: no value, no problem; so is text that says
        the value is not available ("n/a", see :class:`~sanctionkit.errors.NotAvailableError`).
        The problem's code is ``code``, or else found as :meth:`problem` finds it.
        """
        if text is None:
            return None
        outcome = _attempt(parse, text, code)
        if isinstance(outcome, _Failure):
            self._report(outcome, record=record, field=field, value=text)
            return None
        return outcome

    def _remembered(
        self,
        parse: Callable[[str], T],
        text: str | None,
        *,
        record: str | None,
        field: str,
        code: str | None = None,
    ) -> T | None:
        """:meth:`value`, remembering results: a list's thousand "Russia" cost one parse
        and share one object, and a thousand bad values one parse too. A failure
        is remembered by its message, and every occurrence is still reported as
        its own problem, with its own record. Only for the module-level parsers
        below: a key per call of a fresh closure would only grow the memory.
        """
        if text is None:
            return None
        key: tuple[Callable[[str], object], str] = (parse, text)
        known = self._parsed.get(key)
        if isinstance(known, _Failure):
            self._report(known, record=record, field=field, value=text)
            return None
        if known is not None:
            return known  # type: ignore[return-value]
        outcome = _attempt(parse, text, code)
        if outcome is None:
            return None
        self._parsed[key] = outcome
        if isinstance(outcome, _Failure):
            self._report(outcome, record=record, field=field, value=text)
            return None
        return outcome

    def _report(self, failure: _Failure, *, record: str | None, field: str, value: str) -> None:
        self.problem(failure.message, record=record, field=field, value=value, code=failure.code)

    def country(
        self, text: str | None, *, record: str | None, field: str, codes: bool = False
    ) -> Country | None:
        """The country the field names, or None (with a problem when the text is bad).

        ``codes=True`` for a field of ISO codes; by default the field holds
        names, where a bare two-letter code is refused and "na" is *not
        available* (see :func:`~sanctionkit.parse_country`).
        """
        parse = parse_country if codes else _parse_country_name
        return self._remembered(parse, text, record=record, field=field)

    def date(
        self,
        text: str | None,
        *,
        record: str | None,
        field: str,
        parse: Callable[[str], PartialDate | DateRange] | None = None,
    ) -> PartialDate | DateRange | None:
        """The date or range the text gives, parsed once per distinct text (see :meth:`value`).

        ``parse``: a module-level parser for a list's own date rules (default
        :func:`~sanctionkit.parse_date`); its results are remembered in the same cache.

        >>> reading = Reading(file="list.xml")
        >>> reading.date("1967 - 1969", record="1", field="DOB").isoformat()
        '1967/1969'
        >>> first = reading.date("1962", record="2", field="DOB")
        >>> reading.date("1962", record="3", field="DOB") is first
        True
        """
        return self._remembered(parse or parse_date, text, record=record, field=field)

    def single_date(
        self,
        text: str | None,
        *,
        record: str | None,
        field: str,
        parse: Callable[[str], PartialDate | DateRange] | None = None,
    ) -> PartialDate | None:
        """:meth:`date` for a field that holds one date: a range there is a problem ("date-range").

        >>> reading = Reading(file="list.xml")
        >>> reading.single_date("2017-12-22", record="1", field="LISTED_ON").isoformat()
        '2017-12-22'
        >>> reading.single_date("1967-1969", record="2", field="LISTED_ON") is None
        True
        >>> reading.problems[0].code, reading.problems[0].message
        ('date-range', 'expected one date, found a range')
        """
        value = self.date(text, record=record, field=field, parse=parse)
        if isinstance(value, DateRange):
            message = "expected one date, found a range"
            self.problem(message, record=record, field=field, value=text, code="date-range")
            return None
        return value

    def date_range(
        self,
        start: PartialDate | None,
        end: PartialDate | None,
        *,
        text: str,
        record: str | None,
        field: str,
        approximate: bool = False,
    ) -> PartialDate | DateRange | None:
        """The range from ``start`` to ``end``: one date when they are equal, None when both are.

        A list's "between 1967 and 1969" comes as two fields; ``text`` is how the
        range shows in a problem (an end before the start) and in the range.
        ``approximate`` marks both ends approximate ("circa").

        >>> reading = Reading(file="list.xml")
        >>> span = reading.date_range(
        ...     PartialDate(1967), PartialDate(1969), text="1967/1969", record="1", field="DOB"
        ... )
        >>> span.isoformat(), reading.date_range(
        ...     PartialDate(1967), PartialDate(1967), text="1967/1967", record="1", field="DOB"
        ... ).isoformat()
        ('1967/1969', '1967')
        >>> reading.date_range(
        ...     PartialDate(1969), PartialDate(1967), text="1969/1967", record="2", field="DOB"
        ... ) is None, reading.problems[0].field
        (True, 'DOB')
        """
        if approximate:
            start = None if start is None else attrs.evolve(start, approximate=True)
            end = None if end is None else attrs.evolve(end, approximate=True)
        if start is None and end is None:
            return None
        if start is not None and start == end:
            return start
        try:
            return DateRange(start, end, text=text)
        except ValueError as error:
            self.problem(str(error), record=record, field=field, value=text)
            return None

    def intern(self, value: H) -> H:
        """One shared object for equal values: a list's thousand equal notes, roles or
        places cost one object. Only for immutable values.

        >>> reading = Reading(file="list.xml")
        >>> first = reading.intern("".join(["Russia", " / Russie"]))
        >>> reading.intern("Russia / Russie") is first
        True
        """
        if isinstance(value, str) and type(value) is str:
            return self._strings.setdefault(value, value)  # type: ignore[return-value]
        return self._interned.setdefault((type(value), value), value)  # type: ignore[return-value]

    def unique_id(
        self,
        candidates: Iterable[str],
        *,
        duplicate: str,
        record: str | None,
        field: str | None = None,
        value: str | None = None,
    ) -> str | None:
        """The first candidate id that no record of this file has taken yet, now taken.

        Two records of one file must not share an entity id. The first candidate
        is the record's own id; taking a later one is a problem, ``duplicate``
        with ``{id}`` replaced by the id taken. None when every candidate is
        taken: the caller rejects the record (:meth:`reject`) in its own words.

        >>> reading = Reading(file="list.xml")
        >>> said = "another record has the same number; this one is {id}"
        >>> reading.unique_id(["un-1"], duplicate=said, record="1")
        'un-1'
        >>> reading.unique_id(["un-1", "un-1-2"], duplicate=said, record="2")
        'un-1-2'
        >>> print(reading.problems[0].message)
        another record has the same number; this one is un-1-2
        >>> reading.unique_id(["un-1"], duplicate=said, record="3") is None
        True
        """
        for number, candidate in enumerate(candidates):
            if candidate in self._ids:
                continue
            if number > 0:
                message = duplicate.replace("{id}", candidate)
                self.problem(message, record=record, field=field, value=value)
            self._ids.add(candidate)
            return candidate
        return None

    def date_parts(
        self,
        year: str,
        month: str = "",
        day: str = "",
        *,
        record: str | None,
        field: str,
        approximate: bool = False,
    ) -> PartialDate | None:
        """The date a list gives in parts (a year, perhaps a month and a day), shared.

        A part that is no number, or a day the month does not have, is a problem
        naming the parts as the list wrote them (day.month.year).

        >>> reading = Reading(file="list.xml")
        >>> reading.date_parts("1962", "2", "", record="1", field="birthdate").isoformat()
        '1962-02'
        >>> reading.date_parts("1962", "2", "30", record="2", field="birthdate") is None
        True
        >>> reading.problems[0].value
        '30.2.1962'
        """
        try:
            date = PartialDate(
                int(year), int(month) if month else None, int(day) if day else None, approximate
            )
        except ValueError as error:
            value = ".".join(part for part in (day, month, year) if part)
            self.problem(str(error), record=record, field=field, value=value)
            return None
        return self.intern(date)

    def address(
        self, parts: Iterable[str], *, city: str = "", country: Country | None = None
    ) -> Address | None:
        """The address the non-empty ``parts`` spell, in order; None when all are empty.

        The same place twice is one shared object (:meth:`intern`).

        >>> reading = Reading(file="list.xml")
        >>> reading.address(["1 Main St", "", "Pyongyang"], city="Pyongyang").full
        '1 Main St, Pyongyang'
        >>> reading.address(["", ""]) is None
        True
        """
        full = ", ".join(part for part in parts if part)
        if not full:
            return None
        return self.intern(Address(full=full, city=city or None, country=country))

    def country_role(self, country: Country, role: CountryRoleKind) -> CountryRole:
        """The country in a role (nationality, location ...), one shared object per pair."""
        return self.intern(CountryRole(country=country, role=role))

    def first_time(self, key: str) -> bool:
        """Whether this file meets ``key`` for the first time (now met): a problem said once.

        >>> reading = Reading(file="list.xml")
        >>> reading.first_time("element foo"), reading.first_time("element foo")
        (True, False)
        """
        if key in self._met:
            return False
        self._met.add(key)
        return True

    def choice(
        self,
        table: Mapping[str, V],
        text: str,
        *,
        record: str | None,
        field: str,
        message: str,
        value: str | None = None,
    ) -> V | None:
        """What a list's closed table of codes says ``text`` means (looked up in lower case).

        Readers map a gender, an alias quality, a yes/no flag from a few words;
        a word the table lacks is a problem (``message``, naming ``value`` or
        else the text). Empty text and an unknown word give None.

        >>> reading = Reading(file="list.xml")
        >>> genders = {"m": "male", "f": "female"}
        >>> reading.choice(genders, "M", record="1", field="gender", message="unknown gender")
        'male'
        >>> reading.choice(genders, "X", record="2", field="gender", message="unknown gender")
        >>> reading.choice(genders, "", record="3", field="gender", message="unknown gender")
        >>> [(p.record, p.message, p.value) for p in reading.problems]
        [('2', 'unknown gender', 'X')]
        """
        if not text:
            return None
        found = table.get(text.lower())
        if found is None:
            shown = text if value is None else value
            self.problem(message, record=record, field=field, value=shown)
        return found

    def file_name(self, default: str) -> str:
        """The file's own name (its path's last part), or ``default`` for a stream ("<file>").

        Every reader names the file in its source's title: a caller's stream has
        only a placeholder name, and the title then names the list's usual file.

        >>> Reading(file="/data/un/consolidated.xml").file_name("consolidated.xml")
        'consolidated.xml'
        >>> Reading(file="<stream>").file_name("export.xml"), Reading(file="").file_name("x.xml")
        ('export.xml', 'x.xml')
        """
        if self.file and not self.file.startswith("<"):
            return Path(self.file).name
        return default

    def imo_number(self, text: str | None, *, record: str | None, field: str = "imo") -> str | None:
        return self._remembered(imo.validate, text, record=record, field=field, code="invalid-imo")

    def whole_number(self, text: str | None, *, record: str | None, field: str) -> int | None:
        """A count or a size written with perhaps thousands commas ("12,345"), parsed once per
        distinct text; other text is a problem ("not a whole number") and None.

        >>> reading = Reading(file="list.csv")
        >>> reading.whole_number(" 1,976 ", record="1", field="tonnage")
        1976
        >>> reading.whole_number("about 2000", record="2", field="tonnage") is None
        True
        >>> reading.problems[0].message
        "not a whole number: 'about 2000'"
        """
        return self._remembered(whole_number, text, record=record, field=field)

    def mmsi_number(
        self, text: str | None, *, record: str | None, field: str = "mmsi"
    ) -> str | None:
        code = "invalid-mmsi"
        return self._remembered(mmsi.validate, text, record=record, field=field, code=code)

    def dataset(
        self, metadata: Mapping[str, str | int], *, extra: Iterable[Problem] = ()
    ) -> Dataset:
        """The dataset of what was kept, with the counts in its metadata.

        Raises ReadError if the counts do not add up: that is a bug in the
        reader, and silently losing records is what this class exists to stop.
        """
        returned = len(self.designations)
        if self.read != returned + self.rejected:
            raise ReadError(
                Problem(
                    file=self.file,
                    message=f"reader lost records: read {self.read}, returned {returned}, "
                    f"rejected {self.rejected}",
                )
            )
        counts = {
            "records_read": self.read,
            "records_returned": returned,
            "records_rejected": self.rejected,
        }
        return Dataset(
            entities=self.entities,
            designations=self.designations,
            problems=[*self.problems, *extra],
            metadata={**metadata, **counts},
        )


def approximately(value: PartialDate | DateRange) -> PartialDate | DateRange:
    """The date, or both ends of the range, marked approximate ("circa").

    >>> approximately(PartialDate(1962)).isoformat()
    '1962~'
    """
    if isinstance(value, PartialDate):
        return attrs.evolve(value, approximate=True)
    start = None if value.start is None else attrs.evolve(value.start, approximate=True)
    end = None if value.end is None else attrs.evolve(value.end, approximate=True)
    return attrs.evolve(value, start=start, end=end)


@attrs.frozen
class _Failure:
    """A value that failed to parse, remembered by :meth:`Reading._remembered`."""

    message: str
    code: str | None


def _attempt(parse: Callable[[str], T], text: str, code: str | None) -> T | _Failure | None:
    """``parse(text)``: its value, None for blank or not-available text, or its failure."""
    if not text.strip():
        return None
    try:
        return parse(text.strip())
    except NotAvailableError:
        return None
    except ValueError as error:
        return _Failure(str(error), code or problem_code(error))


def whole_number(text: str) -> int:
    """Digits with thousands commas ("12,345"), strictly; raises ValueError for other text.

    >>> whole_number(" 12,345 ")
    12345
    """
    digits = text.replace(",", "").strip()
    if not digits.isdigit():
        raise ValueError(f"not a whole number: {text!r}")
    return int(digits)


# One function object, so that the cache of a reading keys it like the other parsers.
_parse_country_name = functools.partial(parse_country, codes=False)


@functools.lru_cache(maxsize=4096)
def named_country(text: str, *, codes: bool = True) -> Country | None:
    """The country a text names, or None, with no problem: for trying the parts of a text.

    A reader looking for the country in an address or in the words before a
    document number tries several parts in turn, and a part that names no
    country is no fault of the list. Cached: the same parts come back often.

    >>> named_country("Switzerland").alpha2, named_country("Main Street") is None
    ('CH', True)
    """
    try:
        return parse_country(text, codes=codes)
    except ValueError:
        return None
