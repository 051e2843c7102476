"""The building blocks that docs/writing-a-reader.md lists are the ones that exist, all of them.

Why: the page is where a reader's author looks before writing a helper of their
own; a helper it does not name gets written again, and a name it keeps after
the helper is gone (or renamed) sends them looking for nothing.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "writing-a-reader.md"
_MODULE = re.compile(r"^`formats/(_\w+)\.py`")
_NAME = re.compile(r"`([A-Za-z_][\w.]*)(?:\(.*?\))?`")
# The classes whose methods are helpers in their own right, each on its own line.
_CLASSES = {"_reading": "Reading", "_draft": "EntityDraft"}


def _listed() -> dict[str, set[str]]:
    """Module → the names its lines in section 5 list (before each line's first ": ")."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("## 5. ") : text.index("## 6. ")]
    found: dict[str, set[str]] = {}
    module = ""
    bullet = ""
    for line in [*section.splitlines(), ""]:
        if line.startswith("  ") and bullet:
            bullet += " " + line.strip()
            continue
        if bullet:
            found[module].update(_NAME.findall(bullet.partition("`: ")[0] + "`"))
            bullet = ""
        if match := _MODULE.match(line):
            module = match.group(1)
            found[module] = set()
        elif line.startswith("- ") and module:
            bullet = line
    return found


LISTED = _listed()


def _helpers(module: ModuleType) -> set[str]:
    """A building block's helpers: its ``__all__`` (or public functions), and the public
    methods of its class of helpers."""
    names = set(getattr(module, "__all__", ()))
    if not names:
        names = {  # cached functions too: callables defined here
            name
            for name, value in vars(module).items()
            if callable(value)
            and getattr(value, "__module__", None) == module.__name__
            and not name.startswith("_")
        }
    cls_name = _CLASSES.get(module.__name__.rpartition(".")[2])
    if cls_name is not None:
        cls = getattr(module, cls_name)
        names |= {
            f"{cls_name}.{name}"
            for name, value in vars(cls).items()
            if callable(value) and not name.startswith("_")
        }
    return names


def test_the_page_lists_the_building_blocks() -> None:
    assert {"_reading", "_draft", "_text", "_files", "_xml", "_xlsx"} <= set(LISTED)


@pytest.mark.parametrize("module_name", sorted(LISTED))
def test_every_helper_of_a_building_block_is_listed_and_every_listed_one_exists(
    module_name: str,
) -> None:
    module = importlib.import_module(f"sanctionkit.formats.{module_name}")
    helpers = _helpers(module)
    listed = LISTED[module_name]
    assert not helpers - listed, f"not on the page: {sorted(helpers - listed)}"
    assert not listed - helpers, f"on the page, not in {module_name}: {sorted(listed - helpers)}"
