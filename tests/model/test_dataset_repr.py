"""How a dataset shows itself: a few lines in a console, a full view in a notebook."""

from __future__ import annotations

import sanctionkit as sk
from tests.conftest import shared_dataset


def _ships(count: int) -> sk.Dataset:
    return sk.Dataset(
        entities=[sk.Vessel(id=f"v{n}", name=f"SHIP {n}") for n in range(count)],
        metadata={"list": "Ships"},
    )


def test_the_repr_of_a_large_dataset_is_a_few_lines() -> None:
    small, large = repr(_ships(10)), repr(_ships(20_000))
    assert len(large.splitlines()) == len(small.splitlines()) == 6
    assert len(large) < 400


def test_the_repr_counts_entities_by_kind_and_everything_else() -> None:
    dataset = sk.Dataset(
        entities=[sk.Person(id="p", name="Ri"), sk.Vessel(id="v", name="MARIA")],
        problems=[sk.Problem(message="bad")],
    )
    first, second, *_ = repr(dataset).splitlines()
    assert first == "<Dataset: 2 entities (1 persons, 1 vessels)"
    assert second == "  designations 0, packages 0, transfers 0, problems 1"


def test_the_repr_shows_the_first_entities_and_how_many_more() -> None:
    lines = repr(_ships(5)).splitlines()
    assert lines[2:] == [
        "  Vessel 'SHIP 0' (id v0)",
        "  Vessel 'SHIP 1' (id v1)",
        "  Vessel 'SHIP 2' (id v2)",
        "  ... and 2 more entities>",
    ]


def test_str_is_the_repr_and_long_names_are_cut() -> None:
    dataset = sk.Dataset(entities=[sk.Organization(id="o", name="A" * 500)])
    assert str(dataset) == repr(dataset)
    assert len(str(dataset)) < 200


def test_notebooks_still_get_the_html_view() -> None:
    html = sk.builtin_dataset()._repr_html_()
    assert html.startswith('<div class="sanctionkit">')
    assert "Dataset · 24 entities" in html


def test_an_entity_view_shows_its_size_and_first_names() -> None:
    assert (
        repr(_ships(20_000).vessels) == "<EntityView of 20000: 'SHIP 0', 'SHIP 1', 'SHIP 2', ...>"
    )


def test_printing_a_whole_official_list_is_short() -> None:
    dataset = shared_dataset("ofac/sdn-csv-2024-05/sdn-2024-05-03.csv")
    shown = str(dataset)
    assert len(shown) < 600
    assert shown.startswith("<Dataset 'OFAC SDN': 14965 entities")
