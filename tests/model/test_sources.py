"""Specification of sanctionkit.model.sources: where a fact comes from."""

from __future__ import annotations

import attrs
import pytest

from sanctionkit.model.sources import Source
from sanctionkit.values.dates import DateRange, PartialDate

QUOTE = "Japan and South Korea announced separate sanctions packages"


def _source(**changes: object) -> Source:
    fields: dict[str, object] = {
        "url": "https://www.aljazeera.com/news/2024/5/24/",
        "publisher": "Al Jazeera",
        "title": "Japan, South Korea sanction Russia-North Korea arms deals",
        "published": "2024-05-24",
        "quote": QUOTE,
    }
    fields.update(changes)
    return Source(**fields)  # type: ignore[arg-type]


def test_evolve_converts_the_new_value() -> None:
    assert attrs.evolve(_source(), published="2024-05-25").published == PartialDate(2024, 5, 25)


def test_evolve_validates_the_new_value() -> None:
    with pytest.raises(ValueError, match=r"Source\.url"):
        attrs.evolve(_source(), url="")


def test_sources_with_different_quotes_differ() -> None:
    assert _source() != _source(quote="North Korea denied the allegations")


def test_the_text_a_date_was_parsed_from_does_not_affect_equality() -> None:
    parsed = _source(published="24 May 2024")
    built = _source(published=PartialDate(2024, 5, 24))
    assert parsed == built
    assert hash(parsed) == hash(built)


def test_published_accepts_iso_text_and_stores_a_partial_date() -> None:
    assert _source().published == PartialDate(2024, 5, 24)


def test_published_accepts_a_partial_date_to_the_month() -> None:
    assert _source(published="May 2024").published == PartialDate(2024, 5)


def test_published_refuses_range_text() -> None:
    with pytest.raises(ValueError, match="range"):
        _source(published="2023 to 2024")


def test_published_refuses_a_date_range_object() -> None:
    with pytest.raises(ValueError, match="range"):
        _source(published=DateRange(PartialDate(2023), PartialDate(2024)))


def test_every_field_is_optional() -> None:
    source = Source(quote=QUOTE)
    assert (source.url, source.publisher, source.title, source.published) == (
        None,
        None,
        None,
        None,
    )


def test_a_datetime_date_is_accepted_as_a_day_precision_date() -> None:
    import datetime

    source = Source(published=datetime.date(2024, 5, 24))
    assert source.published == PartialDate(2024, 5, 24)
