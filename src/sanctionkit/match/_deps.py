"""The optional libraries of the ``match`` extra, imported in one place.

Importing them here (and only here) lets a missing extra raise one clear
:class:`~sanctionkit.errors.MissingDependencyError` naming the install command,
instead of a bare ``ImportError`` from deep inside a comparison.
"""

from __future__ import annotations

from sanctionkit.errors import MissingDependencyError

INSTALL = "pip install 'sanctionkit[match]'"

try:
    import jellyfish
    import numpy
    from anyascii import anyascii
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA, Levenshtein
except ImportError as error:  # pragma: no cover - the test extra installs them
    message = f"sanctionkit.match needs {error.name}: {INSTALL}"
    raise MissingDependencyError(message) from None

__all__ = [
    "INSTALL",
    "OSA",
    "Levenshtein",
    "anyascii",
    "fuzz",
    "jellyfish",
    "numpy",
    "process",
]
