"""The first layer: immutable value types and the parsers that make them from text.

Each value remembers the text it was parsed from (``.text``), outside equality.
Every parser refuses text over :data:`MAX_VALUE_LENGTH` characters at once,
with a :class:`~sanctionkit.errors.ValueTooLongError`.
"""

from sanctionkit.values._limits import MAX_VALUE_LENGTH
from sanctionkit.values.dates_in_text import FoundDate, find_dates

__all__ = ["MAX_VALUE_LENGTH", "FoundDate", "find_dates"]
