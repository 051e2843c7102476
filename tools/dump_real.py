"""Dump every reader's output on every real file, to prove a refactoring changed nothing.

Why: a reader rewritten onto shared building blocks must give the same records,
problems and metadata as before, on every real file, not only on the fixtures.
This loads each real list in ``../shared/data`` and each real excerpt in
``tests/data/real`` with :func:`sanctionkit.load` (lenient), writes the dataset
in sanctionkit's JSON lines to ``OUT/<path>.jsonl`` and prints one SHA-256 per
file. Compare two runs with ``diff -r`` (readable) or their digests.

``--update`` rewrites ``tests/data/real_dumps.json``, the digests that
``tests/formats/test_real_dumps.py`` checks: run it only after reading the
``diff -r`` of a deliberate change in behaviour.

Run: ``PYTHONPATH=src python tools/dump_real.py OUT [--update]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import sanctionkit as sk

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EXCERPTS = ROOT / "tests" / "data" / "real"
DIGESTS = ROOT / "tests" / "data" / "real_dumps.json"

# Files a reader reads on its own; the others (add.csv, alt.csv, cons_add.csv ...)
# are read beside their main file.
_COMPANIONS = {"add.csv", "alt.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"}
_SUFFIXES = {".xml", ".csv", ".xlsx", ".xls", ".json", ".jsonl"}


def real_files() -> list[tuple[str, Path]]:
    """(name, path) of every real file that a reader might read, shared lists first."""
    found: list[tuple[str, Path]] = []
    for base, prefix in ((SHARED, "shared"), (EXCERPTS, "excerpt")):
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix.lower() in _SUFFIXES and path.name not in _COMPANIONS:
                found.append((f"{prefix}/{path.relative_to(base).as_posix()}", path))
    return found


def dump_one(path: Path) -> str | None:
    """The dataset of ``path`` in JSON lines, or None when no reader takes the file."""
    try:
        dataset = sk.load(path)
    except sk.UnknownFormatError:
        return None
    return normalised(sk.dumps(dataset), path)


def normalised(text: str, path: Path) -> str:
    """The dump without the checkout's location: problems name the file as it was given.

    The file's companions (OFAC's add.csv beside sdn.csv) lose their folder too.
    """
    folder = json.dumps(str(path.parent) + "/")[1:-1]  # as it is written inside JSON strings
    return text.replace(str(path), path.name).replace(folder, "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the JSON-lines dumps")
    parser.add_argument("--update", action="store_true", help=f"rewrite {DIGESTS.name}")
    args = parser.parse_args(argv)
    digests: dict[str, str] = {}
    for name, path in real_files():
        text = dump_one(path)
        if text is None:
            print(f"{name}: no reader", file=sys.stderr)
            continue
        target = args.out / f"{name}.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        digests[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        print(f"{digests[name][:16]}  {name}")
    if args.update:
        DIGESTS.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
