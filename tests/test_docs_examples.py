"""Every ``>>>`` example in the documentation and the README runs and gives what it shows,
and so does every README console example that shows its output.

Examples in fenced ```python blocks of one page share a namespace, in order, as a
reader would type them into one session.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
_FENCE = re.compile(r"^```(?:python|pycon)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _examples(page: Path) -> str:
    blocks = _FENCE.findall(page.read_text(encoding="utf-8"))
    return "\n".join(block for block in blocks if ">>>" in block)


PAGES_WITH_EXAMPLES = [page for page in PAGES if _examples(page)]


@pytest.mark.parametrize(
    "page", PAGES_WITH_EXAMPLES, ids=[str(p.relative_to(ROOT)) for p in PAGES_WITH_EXAMPLES]
)
def test_documentation_examples_run_as_shown(page: Path) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(_examples(page), {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) in {page.name} failed (see output)"


_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _console_examples(page: Path) -> list[tuple[str, list[str]]]:
    """The commands of a page's console blocks that show their output, with that output."""
    examples: list[tuple[str, list[str]]] = []
    for block in _CONSOLE.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line)
    return [(command, output) for command, output in examples if output]


README_PIPES = _console_examples(ROOT / "README.md")


def test_the_readme_shows_console_examples_with_their_output() -> None:
    assert any("--column" in command for command, _ in README_PIPES)


@pytest.mark.parametrize(("command", "output"), README_PIPES, ids=[c for c, _ in README_PIPES])
def test_readme_console_examples_print_what_they_show(
    command: str, output: list[str], tmp_path: Path
) -> None:
    # `sanctionkit` on the PATH runs this interpreter on this tree's sources.
    shim = tmp_path / "sanctionkit"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m sanctionkit "$@"\n')
    shim.chmod(0o755)
    environment = {
        **os.environ,
        "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT / "src"),
    }
    shown = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=environment, check=True
    )
    assert shown.stdout.splitlines() == output
