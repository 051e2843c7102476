"""The compiled multilingual country table is what tools/build_country_names.py makes."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "sanctionkit" / "data" / "country_names_intl.tsv"


def test_compiled_country_names_are_up_to_date() -> None:
    pytest.importorskip("babel")
    header = TABLE.read_text(encoding="utf-8").split("\n", 4)[2]
    match = re.search(r"pycountry (\S+) translations, Babel (\S+) ", header)
    assert match, header
    installed = (importlib.metadata.version("pycountry"), importlib.metadata.version("babel"))
    if match.groups() != installed:
        pytest.skip(f"table built with pycountry/Babel {match.groups()}, installed {installed}")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_country_names.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
