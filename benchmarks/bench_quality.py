"""Screening quality: recall per perturbation class and precision, three matchers side by side.

The labelled set comes from the ``sanctions-screening-benchmark`` package (``ssb``):
it derives perturbed queries (typos, transliteration, name order, initials,
homoglyphs, invisible characters ...) from a list's names, each with the entity
it should find, plus near-miss negatives. The package fetches OFAC's list from
the internet by default; here its ``ListSnapshot`` is built from OFAC's SDN list
of 3 May 2024 in ``../shared/data`` as sanctionkit reads it, never downloaded.

Matchers, each scored by ``ssb.benchmark.score`` (a case is found when the best
candidate at or above the threshold is the expected entity):

- sanctionkit ``compare_names(kind="person")`` at ``DEFAULT_THRESHOLD`` (0.8);
- nomenklatura's ``logic-v2`` (the OpenSanctions matcher) on FollowTheMoney
  Person entities, at 0.7, its usual match threshold;
- a plain rapidfuzz ``token_sort_ratio`` / 100 at 0.85.

Needs ``sanctions-screening-benchmark`` and ``nomenklatura`` (the ``bench``
extra); each matcher missing from the environment is skipped with a message.
``SANCTIONKIT_QUALITY_LIMIT`` sets how many list persons the set is built from
(default 60: every query is compared with every candidate name, so the cost grows
with the square).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _measure import shared_path

SDN = "ofac/sdn-csv-2024-05/sdn-2024-05-03.csv"


def snapshot(path: Path) -> object:
    """ssb's ListSnapshot of OFAC's list, from sanctionkit's reading of the real file."""
    from ssb.sources import Entity, ListSnapshot

    import sanctionkit as sk

    dataset = sk.load(path)
    entities = []
    for entity in dataset:
        designations = dataset.designations_of(entity.id)
        entities.append(
            Entity(
                entity_id=designations[0].authority_ref or entity.id,
                primary_name=entity.name,
                entity_type="individual" if isinstance(entity, sk.Person) else "entity",
                programs=list(designations[0].programmes),
                aliases=[alias.name for alias in entity.aliases],
            )
        )
    return ListSnapshot(
        source="ofac_sdn", retrieved_at="2024-05-03", entities=entities, endpoint=str(path)
    )


def sanctionkit_matcher() -> Callable[[str, str], float]:
    import sanctionkit as sk

    def match(query: str, candidate: str) -> float:
        try:
            return sk.match.compare_names(query, candidate, kind="person").score
        except ValueError:  # a query with no letter at all
            return 0.0

    return match


def logic_v2_matcher() -> Callable[[str, str], float]:
    from followthemoney import model
    from nomenklatura.matching import LogicV2

    config = LogicV2.default_config()
    cache: dict[str, object] = {}

    def person(name: str) -> object:
        if name not in cache:
            proxy = model.make_entity("Person")
            proxy.id = f"p{len(cache)}"
            proxy.add("name", name)
            cache[name] = proxy
        return cache[name]

    def match(query: str, candidate: str) -> float:
        return float(LogicV2.compare(person(query), person(candidate), config).score)

    return match


def rapidfuzz_matcher() -> Callable[[str, str], float]:
    from rapidfuzz import fuzz, utils

    def match(query: str, candidate: str) -> float:
        return fuzz.token_sort_ratio(query, candidate, processor=utils.default_process) / 100

    return match


def run() -> None:
    path = shared_path(SDN)
    if path is None:
        print(f"skipped: ../shared/data/{SDN} is absent")
        return
    try:
        from ssb.benchmark import build, score
    except ImportError:
        print("skipped: sanctions-screening-benchmark is not installed (the bench extra)")
        return
    limit = int(os.environ.get("SANCTIONKIT_QUALITY_LIMIT", "60"))
    bench = build(snapshot(path), limit=limit, seed=0, max_per_class=1)
    names = sum(len(names) for names in bench.candidates.values())
    print(
        f"{len(bench.cases)} cases ({bench.manifest.positive_count} positive) from {limit} OFAC"
        f" persons with {names} names; sdn-2024-05-03.csv read by sanctionkit"
    )
    matchers = [
        ("sanctionkit compare_names", sanctionkit_matcher, 0.8),
        ("nomenklatura logic-v2", logic_v2_matcher, 0.7),
        ("rapidfuzz token_sort_ratio", rapidfuzz_matcher, 0.85),
    ]
    cards = []
    for label, make, threshold in matchers:
        try:
            matcher = make()
        except ImportError as error:
            print(f"skipped {label}: {error}")
            continue
        started = time.process_time()
        card = score(bench, matcher, threshold=threshold, matcher_name=label)
        seconds = time.process_time() - started
        calls = len(bench.cases) * names
        cards.append(card)
        print(
            f"{label:<28} threshold {threshold:.2f}: recall {card.overall_recall:.3f},"
            f" precision {card.overall_precision:.3f}; {calls / seconds:,.0f} pairs/s"
        )
    if not cards:
        return
    classes = sorted({(c.family, c.perturbation) for card in cards for c in card.by_class})
    print(f"\n{'recall per class':<34}" + "".join(f"{card.matcher[:16]:>18}" for card in cards))
    for family, perturbation in classes:
        row = f"{family + ' / ' + perturbation:<34}"
        for card in cards:
            found = [c for c in card.by_class if c.perturbation == perturbation]
            row += f"{found[0].recall:>13.2f} ({found[0].n:>2})" if found else f"{'-':>18}"
        print(row)


if __name__ == "__main__":
    run()
