"""Measure the longest text the readers give the value parsers, on the real lists.

Why: the parsers refuse text over :data:`sanctionkit.values.MAX_VALUE_LENGTH` at
once, and that limit must sit far above every real value. This loads every real
list in ``../shared/data`` with the library's own readers, records the length of
each text handed to ``parse_country`` and ``parse_date`` (nationality,
citizenship, country, address country, date-of-birth fields ...), and prints the
longest per reader and field. Australia's workbook has no reader yet, so its
Citizenship and Date of Birth columns are read directly.

Run: ``PYTHONPATH=src python tools/measure_value_lengths.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sanctionkit as sk
import sanctionkit.formats
from sanctionkit.formats import _reading
from sanctionkit.values import countries, dates

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FILES = (
    "ofac/sdn-csv-2021/sdn.csv",
    "ofac/sdn-csv-2024-05/sdn-2024-05-03.csv",
    "ofac/consolidated-2018/consolidated.xml",
    "ofac/enhanced-2024/IRGC_sanctions.xml",
    "un/consolidated-2018-10-29.xml",
    "un/consolidated-2024-11-30.xml",
    "eu/fsf-2022-03-18-excerpt.xml",
    "uk/ConList-2022-05-04.xlsx",
    "jp/shisantouketsu20260305.xlsx",
    "ca/sema-2025-03-20.xml",
)

# (parser, file) -> (longest length, the text)
longest: dict[tuple[str, str], tuple[int, str]] = {}
current = ""


def recording(name: str, parse: Callable[..., Any]) -> Callable[..., Any]:
    def record(text: str, *args: Any, **kwargs: Any) -> Any:
        key = (name, current)
        if isinstance(text, str) and len(text) > longest.get(key, (-1, ""))[0]:
            longest[key] = (len(text), text)
        return parse(text, *args, **kwargs)

    return record


def patch() -> None:
    """Put the recorders wherever a reader looks the parsers up."""
    wrapped = {
        "parse_country": recording("parse_country", countries.parse_country),
        "parse_date": recording("parse_date", dates.parse_date),
    }
    modules = [_reading]
    for info in pkgutil.iter_modules(sanctionkit.formats.__path__):
        modules.append(importlib.import_module(f"sanctionkit.formats.{info.name}"))
    for module in modules:
        for name, function in wrapped.items():
            if hasattr(module, name):
                setattr(module, name, function)


def australia() -> None:
    """Citizenship and Date of Birth of the DFAT workbook, which has no reader."""
    import openpyxl

    path = SHARED / "au" / "dfat-2026-02-24.xlsx"
    if not path.exists():
        return
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [str(cell) for cell in next(rows)]
    for column, parser in (("Citizenship", "parse_country"), ("Date of Birth", "parse_date")):
        if column not in header:
            continue
        index = header.index(column)
        for row in book.worksheets[0].iter_rows(min_row=2, values_only=True):
            text = row[index]
            if text is None:
                continue
            text = str(text)
            key = (parser, f"au/dfat-2026-02-24.xlsx {column} (no reader)")
            if len(text) > longest.get(key, (-1, ""))[0]:
                longest[key] = (len(text), text)
    book.close()


def main() -> None:
    global current
    if not SHARED.exists():
        sys.exit(f"{SHARED} is absent")
    patch()
    for relative in FILES:
        path = SHARED / relative
        if path.exists():
            current = relative
            sk.load(path)
    australia()
    print(f"{'parser':<15}{'file':<55}{'longest':>8}  text")
    for (parser, file), (length, text) in sorted(longest.items()):
        shown = text if len(text) <= 60 else text[:57] + "..."
        print(f"{parser:<15}{file:<55}{length:>8}  {shown!r}")
    for parser in ("parse_country", "parse_date"):
        overall = max(length for (name, _), (length, _) in longest.items() if name == parser)
        print(f"longest text given to {parser}: {overall} characters")


if __name__ == "__main__":
    main()
