"""The longest text a value parser reads: longer text is refused at once.

Every parser is linear in the length of its input, but a list file with one
absurd field, or a service that parses what its users type, should not spend
even linear time on megabytes that cannot be a value. The longest country and
date texts on the real lists are under 120 characters (measured by
``tools/measure_value_lengths.py``: 96 for a country, 115 for a date), so
:data:`MAX_VALUE_LENGTH` leaves a wide margin.
"""

from __future__ import annotations

from sanctionkit.errors import ValueTooLongError

__all__ = ["MAX_VALUE_LENGTH", "check_length"]

#: The most characters a country, date or identifier text may have.
MAX_VALUE_LENGTH = 1000


def check_length(text: str, error: type[ValueTooLongError], what: str) -> None:
    """Raise ``error`` when ``text`` is over :data:`MAX_VALUE_LENGTH` characters.

    The message quotes only the start of the text; the error's ``text`` keeps all of it.

    >>> from sanctionkit.errors import DateTooLongError
    >>> check_length("1962", DateTooLongError, "date")
    >>> try:
    ...     check_length("-" * 5000, DateTooLongError, "date")
    ... except DateTooLongError as error:
    ...     print(str(error)[:61], len(error.text), error.limit)
    date text of 5,000 characters is over the limit of 1,000: '-- 5000 1000
    """
    limit = MAX_VALUE_LENGTH  # read at each call: the hostile-input benchmark lifts it
    if len(text) > limit:
        message = (
            f"{what} text of {len(text):,} characters is over the limit of {limit:,}: "
            f"{text[:40]!r}..."
        )
        found = error(message, text)
        found.limit = limit
        raise found
