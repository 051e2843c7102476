"""Progress bars: the bytes a reader takes from a file, drawn only on a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.cli import main
from sanctionkit.formats._files import reporting_reads

REAL = Path(__file__).parent / "data" / "real"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "relative",
    [
        "un/consolidated-2024-11-30-excerpt.xml",
        "ca/sema-2025-03-20-excerpt.xml",
        "ofac_csv/sdn.csv",
    ],
)
def test_a_streaming_reader_reports_every_byte_of_its_file(relative: str) -> None:
    path = REAL / relative
    taken: dict[Path, int] = {}

    def report(read_from: Path, size: int) -> None:
        taken[read_from] = taken.get(read_from, 0) + size

    with reporting_reads(report):
        dataset = sk.load(path)
    assert dataset.entities
    assert taken[path] == path.stat().st_size


def test_nothing_is_reported_outside_the_block() -> None:
    taken: list[int] = []
    with reporting_reads(lambda path, size: taken.append(size)):
        pass
    sk.load(REAL / "un/consolidated-2024-11-30-excerpt.xml")
    assert taken == []


@pytest.mark.parametrize("terminal", [True, False])
def test_summary_draws_a_reading_bar_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], terminal: bool
) -> None:
    pytest.importorskip("tqdm", reason="progress bars need tqdm (the progress extra)")
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["summary", str(REAL / "un/consolidated-2024-11-30-excerpt.xml")]) == 0
    assert "4 designations" in capsys.readouterr().out
    assert ("reading consolidated-2024-11-30-excerpt.xml" in stderr.getvalue()) is terminal
