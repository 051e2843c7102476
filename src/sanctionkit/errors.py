"""The one exception hierarchy of sanctionkit.

Every error the library raises on purpose derives from :class:`SanctionkitError`.
Errors about a value that cannot be parsed or validated are also :class:`ValueError`,
so code that already catches ``ValueError`` keeps working.

>>> import sanctionkit as sk
>>> try:
...     sk.parse_country("Atlantis")
... except ValueError as error:
...     print(type(error).__name__, isinstance(error, sk.SanctionkitError))
UnknownCountryError True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from sanctionkit.model.dataset import Problem
    from sanctionkit.values.countries import Country

__all__ = [
    "AmbiguousCountryError",
    "AmbiguousDateError",
    "CountryNotAvailableError",
    "CountryTooLongError",
    "DateTooLongError",
    "IdentifierTooLongError",
    "InvalidChecksumError",
    "InvalidComponentError",
    "InvalidDateError",
    "InvalidFieldError",
    "InvalidFormatError",
    "InvalidIdentifierError",
    "InvalidLengthError",
    "InvalidNameError",
    "InvalidTableError",
    "MissingDependencyError",
    "NotAvailableError",
    "ParseError",
    "ReadError",
    "RecordTypeError",
    "SanctionkitError",
    "UnknownCountryError",
    "UnknownFieldError",
    "UnknownFormatError",
    "UnknownKindError",
    "UnknownSchemeError",
    "ValueTooLongError",
]


class SanctionkitError(Exception):
    """Base class of every error raised by sanctionkit."""


class ParseError(SanctionkitError, ValueError):
    """A piece of text could not be turned into a value.

    ``text`` is the input exactly as it was given, so that an error message or a
    problem report can quote it.
    """

    #: The ``code`` of the :class:`~sanctionkit.Problem` that this error becomes in a lenient read.
    code: ClassVar[str] = "invalid-value"

    def __init__(self, message: str, text: object = None) -> None:
        super().__init__(message)
        self.text = text


class UnknownCountryError(ParseError):
    """The text names no country that sanctionkit knows.

    ``suggestions`` holds the countries that the text might have meant, best
    first; it is empty when nothing came close. Suggestions are never applied
    automatically: use :func:`sanctionkit.search_countries` to choose one.
    They are computed when first read, because a reader in lenient mode may
    meet thousands of unknown values and never look at them.
    """

    code: ClassVar[str] = "unknown-country"

    def __init__(
        self,
        message: str,
        text: object = None,
        suggestions: Sequence[Country] | Callable[[], Sequence[Country]] = (),
    ) -> None:
        super().__init__(message, text)
        self._suggestions = suggestions

    @property
    def suggestions(self) -> tuple[Country, ...]:
        """Countries the text may have meant, best first."""
        if callable(self._suggestions):
            self._suggestions = tuple(self._suggestions())
        return tuple(self._suggestions)


class AmbiguousCountryError(UnknownCountryError):
    """The text names more than one country ("Korea", "Guinea" in some languages).

    ``suggestions`` lists every country it can mean.
    """

    code: ClassVar[str] = "ambiguous-country"


class InvalidDateError(ParseError):
    """The text is not a date, or not a plausible one (year 213, "#REF!")."""

    code: ClassVar[str] = "invalid-date"


class AmbiguousDateError(InvalidDateError):
    """The text is a date whose day and month could be swapped ("03/05/1962").

    Pass ``dayfirst=True`` or ``dayfirst=False`` to decide.
    """

    code: ClassVar[str] = "ambiguous-date"


class ValueTooLongError(ParseError):
    """The text is longer than any value of its kind: refused at once, without parsing.

    No country, date or identifier on a real list comes near
    :data:`sanctionkit.values.MAX_VALUE_LENGTH` characters, so longer text is
    garbage or an attack, and parsing it would only cost time. ``text`` keeps
    the whole input; ``limit`` is the limit it exceeded. Each parser raises a
    subclass that is also its usual error (:class:`CountryTooLongError` is an
    :class:`UnknownCountryError`), so code that catches those keeps working.
    """

    #: The limit, in characters, that the text exceeded.
    limit: int


class CountryTooLongError(ValueTooLongError, UnknownCountryError):
    """Text too long to be a country (see :class:`ValueTooLongError`)."""


class DateTooLongError(ValueTooLongError, InvalidDateError):
    """Text too long to be a date (see :class:`ValueTooLongError`)."""


class NotAvailableError(ParseError):
    """The text says that the value is not available ("n/a"): there is no value to read.

    Lists write such markers where a field has no value. A reader treats them
    as an empty field (no value and no problem); a caller of a parser can do
    the same by catching this error.
    """


class CountryNotAvailableError(NotAvailableError, UnknownCountryError):
    """The country field says "not available" ("n/a", or "na" in a field of names)."""


class InvalidIdentifierError(ParseError):
    """An identifier (IMO number, MMSI) is not valid; subclasses say why."""

    code: ClassVar[str] = "invalid-identifier"


class InvalidFormatError(InvalidIdentifierError):
    """The identifier has characters or a shape it cannot have."""


class InvalidLengthError(InvalidIdentifierError):
    """The identifier has the wrong number of digits."""


class InvalidChecksumError(InvalidIdentifierError):
    """The identifier's check digit does not match the other digits."""


class IdentifierTooLongError(ValueTooLongError, InvalidFormatError):
    """Text too long to be an identifier (see :class:`ValueTooLongError`)."""


class InvalidComponentError(InvalidIdentifierError):
    """A part of the identifier has a value that is not assigned (a placeholder number,
    an unallocated prefix)."""


class ReadError(SanctionkitError, ValueError):
    """A file could not be read: in strict mode, the first problem found.

    ``problem`` says where (file, record, field), what value and why.
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class UnknownFormatError(SanctionkitError, ValueError):
    """The content of a file is in no format that sanctionkit reads."""


class MissingDependencyError(SanctionkitError, ImportError):
    """An optional dependency is needed for this and is not installed.

    The message names the extra to install, for example ``sanctionkit[xlsx]``.
    """


class UnknownFieldError(SanctionkitError, ValueError):
    """A filter names a field that the records do not have (``filter(colour="red")``).

    ``field`` is the name given; ``valid`` the names that would have worked.
    """

    def __init__(self, field: str, valid: Sequence[str]) -> None:
        super().__init__(f"no field {field!r} to filter on; valid: {', '.join(valid)}")
        self.field = field
        self.valid = tuple(valid)


class InvalidNameError(ParseError):
    """A name cannot be compared: it is empty, only white space, or not a string."""

    code: ClassVar[str] = "invalid-name"


class InvalidTableError(SanctionkitError, ValueError):
    """A table given to screen lacks a column it names, or a column holds the wrong type.

    Raised before any row is screened: the fault is the table's, not one row's.
    """


class UnknownKindError(SanctionkitError, ValueError):
    """An entity kind that sanctionkit.match does not know ("person", "organization" ...)."""


class InvalidFieldError(ParseError):
    """A record's field was given a value it cannot hold (an empty name, a range for one date).

    Raised by the model's validators and converters. ``record`` is the record's
    class ("Person") and ``field`` the field's name, where known; ``text`` the value.
    """

    code: ClassVar[str] = "invalid-value"

    def __init__(
        self,
        message: str,
        text: object = None,
        *,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, text)
        self.record = record
        self.field = field


class RecordTypeError(SanctionkitError, TypeError):
    """A record's field was given a value of the wrong type (a str where a tuple belongs).

    A programming error rather than bad data, hence a :class:`TypeError`; ``record``
    and ``field`` name where, where known.
    """

    def __init__(
        self, message: str, *, record: str | None = None, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.record = record
        self.field = field


class UnknownSchemeError(InvalidFieldError):
    """An identifier scheme that is not in :class:`~sanctionkit.IdentifierScheme`.

    The set is closed so that the same document is named the same way by every
    reader; a kind of number outside it is ``"other"``, with the source's name
    for it in ``Identifier.label``.
    """

    code: ClassVar[str] = "unknown-scheme"
