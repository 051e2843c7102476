"""Ship and company identifiers: IMO numbers and MMSIs.

One module per identifier, each with python-stdnum's four functions: `compact()` strips
labels and separators, `validate()` returns the compact form or raises an
`InvalidIdentifierError` saying why, `is_valid()` never raises,
and `format()` writes the number the way people do. Each module also has `parse()`,
which returns a small frozen value that remembers the text it came from.

>>> from sanctionkit.identifiers import imo, mmsi
>>> imo.format("imo: 9 683 740")
'IMO 9683740'
>>> mmsi.is_valid("273211090")
True
"""

from sanctionkit.identifiers import imo, mmsi

__all__ = ["imo", "mmsi"]
