"""The built-in dataset: the sanctions announced on 24 May 2024 and what lies behind them.

It models a news article of that day (Japan's and South Korea's packages on
the Russia–North Korea arms trade, the US package "in August" it recalls, and
the alleged transfers of ammunition and diesel), checked against the official
lists and other reports. Every fact carries the source that states it, with
the quoted sentence; where the article is wrong (it counts "seven North Korean
ships" where the ministry named seven people), the dataset follows the
corroborated reading and says so in a note.

>>> ds = builtin_dataset()
>>> [(p.authority.country.alpha2, p.announced.isoformat()) for p in ds.packages]
[('JP', '2024-05-24'), ('KR', '2024-05-24'), ('US', '2023-08-16')]
"""

from __future__ import annotations

import functools

from sanctionkit.formats import jsonl
from sanctionkit.model import Dataset

__all__ = ["BUILTIN_FILE", "builtin_dataset"]

#: The data file of the built-in dataset, inside the package.
BUILTIN_FILE = "builtin/announcement-2024-05-24.jsonl"


def builtin_dataset() -> Dataset:
    """The built-in dataset, read once from the package (records are immutable, so it is shared)."""
    return _read_builtin()


@functools.cache
def _read_builtin() -> Dataset:
    from importlib import resources  # only when the dataset is first read

    text = resources.files("sanctionkit.data").joinpath(BUILTIN_FILE).read_text(encoding="utf-8")
    return jsonl.loads(text, strict=True, source=f"sanctionkit/data/{BUILTIN_FILE}")
