"""Shared test fixtures: where the real official lists are, when they are there."""

from __future__ import annotations

from pathlib import Path

import pytest

#: Real official sanctions files, laid beside the repository (never copied into it).
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_file(relative: str) -> Path:
    """The path of a real file under ../shared/data, or skip the test saying why."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"real data file {path} is absent (../shared/data is not on this machine)")
    return path
