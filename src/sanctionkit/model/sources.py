"""Where a fact comes from: a document, and the sentence in it that says so."""

from __future__ import annotations

import attrs

from sanctionkit.model._fields import optional_instance, optional_non_empty, to_partial_date
from sanctionkit.values.dates import PartialDate


@attrs.frozen(kw_only=True)
class Source:
    """A document that states a fact, and the quoted sentence that states it.

    >>> source = Source(
    ...     publisher="Al Jazeera",
    ...     published="2024-05-24",
    ...     quote="Japan and South Korea announced separate sanctions packages ...",
    ... )
    >>> source.published.isoformat()
    '2024-05-24'
    """

    #: Where the document can be read.
    url: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: Who published it: an agency, a newspaper, an authority's website.
    publisher: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: The document's title.
    title: str | None = attrs.field(default=None, validator=optional_non_empty)
    #: When it was published.
    published: PartialDate | None = attrs.field(
        default=None, converter=to_partial_date, validator=optional_instance(PartialDate)
    )
    #: The sentence of the document that states the fact, word for word.
    quote: str | None = attrs.field(default=None, validator=optional_non_empty)
