"""Propose links across lists by name and corroborating facts, for a person to decide.

:func:`sanctionkit.link` joins records only on strong identifiers. Most
entries of two lists share no such number, so :func:`resolve` searches one
list's names with the other's entities and proposes the pairs that match:
never of two kinds (a vessel and a company), never two entries of one list
(a list's entries are distinct by its own decision), and never a pair that an
identifier already joins. A proposal is not a merge: it carries its score
and the search hit's explanation so that a person can accept or refuse it.

>>> import sanctionkit as sk
>>> japan = sk.Dataset(
...     entities=[sk.Person(id="jp-1", name="Vladimir Mikheychik")],
...     designations=[sk.Designation(entity_id="jp-1", authority=sk.Authority(name="MOF"))],
... )
>>> us = sk.Dataset(
...     entities=[sk.Person(id="us-9", name="MIKHEYCHIK, Vladimir Vladimirovich")],
...     designations=[sk.Designation(entity_id="us-9", authority=sk.Authority(name="OFAC"))],
... )
>>> [proposal] = sk.match.resolve(japan, us)
>>> proposal.entity_ids, round(proposal.score, 2)
(('jp-1', 'us-9'), 0.85)
>>> print(proposal.explanation)
MIKHEYCHIK = Mikheychik (1.00, exact)
Vladimir = Vladimir (1.00, exact)
vladimirovich = - (0.00, unmatched)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from sanctionkit.link import Link, _lists_of, link
from sanctionkit.match.compare import DEFAULT_THRESHOLD, Explanation
from sanctionkit.match.index import Hit, Index
from sanctionkit.model import Dataset

__all__ = ["ProposedLink", "resolve"]


@attrs.frozen
class ProposedLink:
    """Two entries of different lists that may be one party: a proposal, not a merge."""

    #: The two entities' ids, in the order of their datasets among the arguments.
    entity_ids: tuple[str, str]
    #: The lists ("<authority> / <list>") of the two entities, in the same order.
    lists: tuple[str, str]
    #: The search hit: score, name score, the names that matched, and the designations of
    #: ``hit.entity``, the one of the two that was found (in the larger dataset).
    hit: Hit

    @property
    def score(self) -> float:
        """The name score moved by corroborating or contradicting facts, in [0, 1]."""
        return self.hit.score

    @property
    def explanation(self) -> Explanation:
        """Which parts of the two names aligned and why, then what the facts said."""
        return self.hit.explanation

    def __str__(self) -> str:
        first, second = self.entity_ids
        names = (self.hit.query_name, self.hit.matched_name)
        if self.hit.entity.id == first:  # the first entity was the one found: its name second
            names = names[::-1]
        return f"{first} ~ {second} ({self.score:.2f}): {names[0]} = {names[1]}"


def resolve(*datasets: Dataset, threshold: float = DEFAULT_THRESHOLD) -> list[ProposedLink]:
    """Links proposed by name across the datasets' lists, best first.

    For each pair of datasets the larger is indexed and searched with every
    entity of the smaller (all its names, in every script, with its birth
    dates, countries and identifiers as corroboration). A hit at or above
    ``threshold`` is proposed unless the two are of different kinds, share a
    list (see :func:`sanctionkit.link`), or are already joined by an
    identifier. Each pair is proposed once, with its best score.
    """
    return propose(datasets, link(*datasets).links, threshold)


def propose(
    datasets: Sequence[Dataset], links: Iterable[Link], threshold: float
) -> list[ProposedLink]:
    """:func:`resolve` given the identifier links already made (used by ``link(names=True)``)."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    # Entities already joined by an identifier: each id to the id its group keeps.
    group = {member: joined.entity_ids[0] for joined in links for member in joined.entity_ids}
    lists = [
        {entity.id: _lists_of(entity, dataset, number) for entity in dataset.entities}
        for number, dataset in enumerate(datasets)
    ]
    indexes: dict[int, Index] = {}
    found: dict[frozenset[str], ProposedLink] = {}
    for first in range(len(datasets)):
        for second in range(first + 1, len(datasets)):
            # Index the larger dataset (indexing costs more than a search).
            big, small = sorted((first, second), key=lambda n: (-len(datasets[n].entities), n))
            index = indexes.get(big)
            if index is None:
                index = indexes[big] = Index(datasets[big])
            for entity in datasets[small].entities:
                for hit in index.search(entity):
                    other = hit.entity
                    if hit.score < threshold:
                        break
                    pair = frozenset((entity.id, other.id))
                    if (
                        entity.id == other.id
                        or type(entity) is not type(other)
                        or lists[small][entity.id] & lists[big][other.id]
                        or group.get(entity.id, entity.id) == group.get(other.id, other.id)
                    ):
                        continue
                    previous = found.get(pair)
                    if previous is None or hit.score > previous.score:
                        ids = (entity.id, other.id)
                        names = (
                            ", ".join(sorted(lists[small][entity.id])),
                            ", ".join(sorted(lists[big][other.id])),
                        )
                        if small > big:
                            ids, names = ids[::-1], names[::-1]
                        found[pair] = ProposedLink(entity_ids=ids, lists=names, hit=hit)
    return sorted(found.values(), key=lambda p: (-p.score, p.entity_ids))
