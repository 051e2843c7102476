"""Who is this? Name comparison and search across sanctions lists.

Needs the ``match`` extra (``pip install 'sanctionkit[match]'``): rapidfuzz for
edit distances, jellyfish for Metaphone, anyascii for transliteration.
Screening tables (:func:`screen`) needs pyarrow too (the ``arrow`` extra).

>>> import sanctionkit as sk
>>> sk.match.compare_names("MIKHEYCHIK, Vladimir Vladimirovich", "Vladimir Mikheychik").is_match
True
>>> sk.match.DEFAULT_THRESHOLD
0.8
"""

from __future__ import annotations

from sanctionkit.match.compare import (
    DEFAULT_THRESHOLD,
    AlignedPart,
    Explanation,
    NameComparison,
    Reason,
    compare_names,
)
from sanctionkit.match.index import Hit, Index
from sanctionkit.match.names import KINDS, AnalyzedName, NamePart, analyze_name
from sanctionkit.match.resolve import ProposedLink, resolve
from sanctionkit.match.screen import (
    SCREEN_COLUMNS,
    SCREEN_DDL,
    screen,
    screen_batch,
    screen_pandas,
    screen_pandas_meta,
    screen_schema,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "KINDS",
    "SCREEN_COLUMNS",
    "SCREEN_DDL",
    "AlignedPart",
    "AnalyzedName",
    "Explanation",
    "Hit",
    "Index",
    "NameComparison",
    "NamePart",
    "ProposedLink",
    "Reason",
    "analyze_name",
    "compare_names",
    "resolve",
    "screen",
    "screen_batch",
    "screen_pandas",
    "screen_pandas_meta",
    "screen_schema",
]
