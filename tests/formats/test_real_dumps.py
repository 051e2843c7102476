"""Every reader's output on every real file, pinned: a refactoring must not change it.

``tests/data/real_dumps.json`` holds the SHA-256 of each real file's dataset in
sanctionkit's JSON lines, written by ``tools/dump_real.py --update`` after the
change it records was read in full (``tools/dump_real.py OUT`` before and after,
then ``diff -r``). A digest that differs means the reader now returns other
records, problems or metadata for that file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

import sanctionkit as sk
from tests.conftest import SHARED_DATA, shared_dataset

ROOT = Path(__file__).resolve().parents[2]
DIGESTS: dict[str, str] = json.loads((ROOT / "tests/data/real_dumps.json").read_text("utf-8"))


def _dump_text(dataset: sk.Dataset, path: Path) -> str:
    spec = importlib.util.spec_from_file_location("dump_real", ROOT / "tools/dump_real.py")
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return str(tool.normalised(sk.dumps(dataset), path))


@pytest.mark.parametrize("name", sorted(DIGESTS))
def test_reader_output_is_unchanged(name: str) -> None:
    prefix, _, relative = name.partition("/")
    if prefix == "shared":
        dataset = shared_dataset(relative)
        path = SHARED_DATA / relative
    else:
        path = ROOT / "tests/data/real" / relative
        dataset = sk.load(path)
    text = _dump_text(dataset, path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert digest == DIGESTS[name], (
        f"{name}: the reader's output changed; compare `tools/dump_real.py OUT` before and "
        "after with diff -r, and rewrite the digests with --update if the change is meant"
    )
