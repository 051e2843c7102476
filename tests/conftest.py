"""Shared test fixtures: where the real official lists are, when they are there."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import sanctionkit as sk

#: Real official sanctions files, laid beside the repository (never copied into it).
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_file(relative: str) -> Path:
    """The path of a real file under ../shared/data, or skip the test saying why."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"real data file {path} is absent (../shared/data is not on this machine)")
    return path


@functools.cache
def _load_once(path: Path) -> sk.Dataset:
    return sk.load(path)


def shared_dataset(relative: str) -> sk.Dataset:
    """The lenient read of a real file under ../shared/data, parsed once per test run.

    Datasets are frozen records in tuples, so every test can share one read;
    tests that need a strict read, a stream or other options load the file themselves.
    """
    return _load_once(shared_file(relative))
