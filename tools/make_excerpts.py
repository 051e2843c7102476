"""Cut the small real excerpts in tests/data/real/ from the official files in ../shared/data.

The tests read these excerpts so that a fresh clone, without ../shared, still
tests the real layouts. An excerpt is the real file with every record but a
chosen few taken out: the prolog, the header, the root and the containers
stay byte for byte, and so does every record kept (its own lines, from the
start of its opening tag's line to the end of its closing tag's line). CSV
and JSON-lines excerpts keep whole lines and the file's own trailer (OFAC's
DOS end-of-file byte). Workbooks cannot be cut that way: the excerpt is a new
minimal workbook holding the real rows' cell values, copied with openpyxl.

Run ``python tools/make_excerpts.py [SHARED_DATA] [OLDER_CANADA_XML] [DFAT_2024_XLSX]
[UK_SL_SAMPLE_XML]``; it rewrites the files and prints what it kept. The older
Canadian file, the DFAT workbook of 2024 and the UK Sanctions List records are not in
../shared: give the path of ``sema-lmes.xml`` from Mendw/cmt-project-api at commit
b96b3d1c, of ``regulation8_consolidated.xlsx`` from Stanux/app-lista-negra at commit
48e08084, and of ``tests/fixtures/uk_sample.xml`` from jaggeman/sanctions at commit
873c66d2 (see tests/data/real/README.md). The .xls excerpts are written by xlwt
(values only, text as UTF-16).
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "real"


def record_spans(data: bytes, tag: str) -> list[tuple[int, int]]:
    """The byte spans of the ``tag`` elements that open a line: from the line's start
    to the end of the line that closes them (line ending included)."""
    spans = []
    for match in re.finditer(rb"(?m)^[ \t]*<" + tag.encode() + rb"[ >]", data):
        start = match.start()
        close = data.index(b"</" + tag.encode() + b">", start) + len(tag) + 3
        end = data.index(b"\n", close) + 1
        spans.append((start, end))
    return spans


def cut_xml(data: bytes, tags: Sequence[str], keep: Callable[[bytes], bool]) -> tuple[bytes, int]:
    """The file without the records of ``tags`` that ``keep`` refuses; and how many were kept."""
    spans = sorted(span for tag in tags for span in record_spans(data, tag))
    pieces = []
    position = 0
    kept = 0
    for start, end in spans:
        if keep(data[start:end]):
            kept += 1
            continue
        pieces.append(data[position:start])
        position = end
    pieces.append(data[position:])
    return b"".join(pieces), kept


def any_of(*patterns: bytes, head: int | None = None) -> Callable[[bytes], bool]:
    """Records where one of the patterns occurs (in the first ``head`` bytes, if given)."""
    compiled = [re.compile(pattern) for pattern in patterns]
    return lambda record: any(pattern.search(record[:head]) for pattern in compiled)


def cut_lines(data: bytes, keep: Callable[[bytes], bool]) -> tuple[bytes, int]:
    """The lines that ``keep`` accepts, with the file's trailer after its last line."""
    last = data.rindex(b"\n") + 1
    lines = [line for line in data[:last].splitlines(keepends=True) if keep(line)]
    return b"".join(lines) + data[last:], len(lines)


def ent_nums(*numbers: int) -> Callable[[bytes], bool]:
    wanted = {str(number).encode() for number in numbers}
    return lambda line: line.split(b",", 1)[0] in wanted


def write(name: str, data: bytes, source: Path, kept: int) -> None:
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    print(f"{name}: {kept} records, {len(data)} bytes, from {source} (sha256 {digest}...)")


def xml_excerpts(shared: Path) -> None:
    jobs: list[tuple[str, str, Sequence[str], Callable[[bytes], bool]]] = [
        (
            "ca/sema-2025-03-20-excerpt.xml",
            "ca/sema-2025-03-20.xml",
            ["record"],
            any_of(
                rb"<LastName>Lukashenko</LastName>",
                rb"<ShipIMONumber>9953523</ShipIMONumber>",
                rb"<EntityOrShip>Moscow City Court",
                rb"<LastName>MADURO MOROS</LastName>",
                rb"<LastName>MORDASHOV</LastName>",
                rb"<EntityOrShip>Aerospace Industries Organization",
            ),
        ),
        (
            "ofac/consolidated-2018-excerpt.xml",
            "ofac/consolidated-2018/consolidated.xml",
            ["sdnEntry"],
            any_of(rb"<uid>4632</uid>", rb"<uid>15036</uid>", rb"<uid>9639</uid>", head=40),
        ),
        (
            "ofac_enhanced/IRGC_sanctions-2024-excerpt.xml",
            "ofac/enhanced-2024/IRGC_sanctions.xml",
            ["entity"],
            any_of(
                rb'<entity id="26719">',
                rb'<entity id="26526">',
                rb'<entity id="24475">',
                rb'<entity id="37957">',  # Target Type "Private Company"
                rb'<entity id="34084">',  # a Birthdate of reliability "Reported"
                head=40,
            ),
        ),
        (
            "un/consolidated-2024-11-30-excerpt.xml",
            "un/consolidated-2024-11-30.xml",
            ["INDIVIDUAL", "ENTITY"],
            any_of(
                rb"<DATAID>110447</DATAID>",
                rb"<DATAID>6908555</DATAID>",
                rb"<DATAID>113226</DATAID>",
                rb"<DATAID>6908046</DATAID>",
            ),
        ),
        (
            "un/consolidated-2018-10-29-excerpt.xml",
            "un/consolidated-2018-10-29.xml",
            ["INDIVIDUAL", "ENTITY"],
            any_of(
                rb"<DATAID>6908555</DATAID>",
                rb"<DATAID>110403</DATAID>",
                rb"<DATAID>6908046</DATAID>",
            ),
        ),
        (
            "eu/fsf-2022-03-18-excerpt.xml",
            "eu/fsf-2022-03-18-excerpt.xml",
            ["sanctionEntity"],
            any_of(
                *(rf'logicalId="{n}">'.encode() for n in (5469, 5597, 5815, 6108, 6650)),
                head=300,
            ),
        ),
    ]
    for name, relative, tags, keep in jobs:
        source = shared / relative
        data, kept = cut_xml(source.read_bytes(), tags, keep)
        write(name, data, source, kept)


#: The OFAC advanced excerpt's parties (FixedRef): Haniya (a person, birth date and place),
#: Rosneft and Orenburgneft (owned or controlled by Rosneft), 17015 (low-quality aliases,
#: SWIFT/BIC) and 18268 (owned by it), 26182 (gender, citizenship), 23552 (nationality of
#: registration), 17013 (f.k.a. names, a document issued in a named place).
OFAC_ADVANCED_PARTIES = ("9639", "17022", "18267", "17015", "18268", "26182", "23552", "17013")


def ofac_advanced_excerpt(shared: Path) -> None:
    """The advanced XML's excerpt: a few parties with their locations, documents,
    relationships (both ends kept) and sanctions entries; the reference values whole."""
    import xml.etree.ElementTree as ET  # the official file, read here only to pick ids

    source = shared / "ofac" / "advanced-2020" / "cons_advanced.xml"
    data = source.read_bytes()
    space = "{http://www.un.org/sanctions/1.0}"
    root = ET.fromstring(data)
    parties = [
        p for p in root.iter(space + "DistinctParty") if p.get("FixedRef") in OFAC_ADVANCED_PARTIES
    ]
    identities = {i.get("ID") for p in parties for i in p.iter(space + "Identity")}
    documents = [d for d in root.iter(space + "IDRegDocument") if d.get("IdentityID") in identities]
    locations = {v.get("LocationID") for p in parties for v in p.iter(space + "VersionLocation")}
    locations |= {d.get("IssuedIn-LocationID") for d in documents} - {None}
    profiles = {p.get("ID") for party in parties for p in party.iter(space + "Profile")}

    def keep(record: bytes) -> bool:
        attributes = dict(re.findall(rb'([\w-]+)="([^"]*)"', record.split(b">", 1)[0]))
        values = {key.decode(): value.decode() for key, value in attributes.items()}
        tag = record.lstrip().split(b" ", 1)[0][1:].decode()
        if tag == "Location":
            return values.get("ID") in locations
        if tag == "IDRegDocument":
            return values.get("IdentityID") in identities
        if tag == "DistinctParty":
            return values.get("FixedRef") in OFAC_ADVANCED_PARTIES
        if tag == "ProfileRelationship":
            ends = (values.get("From-ProfileID"), values.get("To-ProfileID"))
            return all(end in profiles for end in ends)
        return values.get("ProfileID") in profiles

    tags = ["Location", "IDRegDocument", "DistinctParty", "ProfileRelationship", "SanctionsEntry"]
    excerpt, kept = cut_xml(data, tags, keep)
    write("ofac_advanced/cons_advanced-2020-excerpt.xml", excerpt, source, kept)


def csv_excerpts(shared: Path) -> None:
    folder = shared / "ofac" / "sdn-csv-2021"
    keep = ent_nums(306, 2674, 15036)
    for file in ("sdn.csv", "add.csv", "alt.csv"):
        data, kept = cut_lines((folder / file).read_bytes(), keep)
        write(f"ofac_csv/{file}", data, folder / file, kept)
    source = shared / "ftm" / "entities.ftm.json"
    lines = source.read_bytes().splitlines(keepends=True)
    write("ftm/entities-excerpt.ftm.json", b"".join(lines[:4]), source, 4)


def _copy_rows(sheet: Any, rows: Sequence[Sequence[object]]) -> None:
    for values in rows:
        sheet.append(list(values))


def workbook_excerpts(shared: Path) -> None:
    """Minimal workbooks holding real rows' cell values (values only: no styles, no formulas)."""
    uk_excerpt(shared)
    japan_excerpt(shared)
    dfat_excerpt(shared / "au" / "dfat-2026-02-24.xlsx", "au/dfat-2026-02-24-excerpt.xlsx")
    dfat_excerpt(shared / "au" / "dfat-2009-12-03.xls", "au/dfat-2009-12-03-excerpt.xls")
    japan_xls_excerpt(shared)


#: The DFAT listings kept, by reference number, per file: the first individual with a name
#: in the original script (2), aliases (3), a weak alias (5), the first entity (155) and
#: vessel (8227), and the files' quirks: two rows marked Primary Name (8686 in 2026, 365 and
#: 1119 in 2009), none (8495 and 8720 in 2026; 379 in 2009), "34c1" (2024), a date where the
#: instrument belongs (2583 in 2026), an NGO (648 in 2009).
DFAT_KEPT: dict[str, frozenset[str]] = {
    "dfat-2026-02-24.xlsx": frozenset(
        {"2", "3", "5", "155", "2583", "8227", "8495", "8686", "8720"}
    ),
    "regulation8_consolidated.xlsx": frozenset({"2", "3", "34", "149", "155"}),
    "dfat-2009-12-03.xls": frozenset({"1", "3", "155", "365", "379", "648", "1119"}),
}


def _calamine_rows(path: Path, sheet: str | int = 0) -> list[list[object]]:
    """A sheet's rows as calamine reads them, from row 1 (empty cells as None)."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    found = (
        book.get_sheet_by_index(sheet) if isinstance(sheet, int) else book.get_sheet_by_name(sheet)
    )
    rows = [
        [None if value == "" else value for value in row]
        for row in found.to_python(skip_empty_area=False)
    ]
    book.close()
    return rows


def _dfat_base(value: object) -> str:
    text = str(int(value)) if isinstance(value, float) else str(value or "").strip()
    return re.match(r"\d*", text).group()  # type: ignore[union-attr]


def dfat_excerpt(source: Path, name: str) -> None:
    """A DFAT workbook's excerpt: the header and every row of the listings in ``DFAT_KEPT``."""
    rows = _calamine_rows(source)
    wanted = DFAT_KEPT[source.name]
    kept = rows[:1] + [row for row in rows[1:] if _dfat_base(row[0]) in wanted]
    title = "Consolidated List" if source.suffix == ".xls" or "2026" in source.name else "Sheet1"
    if source.suffix == ".xls":
        _write_xls(OUT / name, {title: kept})
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = title
        _copy_rows(sheet, kept)
        OUT.joinpath(name).parent.mkdir(parents=True, exist_ok=True)
        book.save(OUT / name)
    print(f"{name}: references {sorted(wanted)}, {len(kept) - 1} rows, from {source}")


def _write_xls(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    """An .xls (BIFF8) workbook of these sheets' values, written by xlwt.

    xlwt writes text as UTF-16 (BIFF8), not in the original's code page, and no styles
    but a day-month-year format on dates; the values are the original's.
    """
    import datetime

    import xlwt

    dates = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    book = xlwt.Workbook(encoding="utf-8")
    for title, rows in sheets.items():
        sheet = book.add_sheet(title)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value is None:
                    continue
                if isinstance(value, datetime.date):
                    sheet.write(r, c, value, dates)
                else:
                    sheet.write(r, c, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))


#: The Japanese .xls sheets kept (by position) and their listing rows kept, by notice
#: number: sheet 1 (Milosevic), sheet 2 (Taliban: a deleted listing, 274 with a number but
#: no name, 793 with an English name only), sheet 16 (DPRK entities: 12, a Japanese name only).
JP_XLS_SHEETS: dict[int, frozenset[str]] = {
    0: frozenset(),
    1: frozenset({"1", "2", "3"}),
    2: frozenset({"1", "2", "274", "793"}),
    16: frozenset({"1", "12"}),
}


def japan_xls_excerpt(shared: Path) -> None:
    """The Japanese .xls excerpt: headings and header rows, chosen listing rows, the deleted
    listings' rows among the first ten after the header."""
    import python_calamine

    source = shared / "jp" / "jp-mof-2022-04-12.xls"
    titles = python_calamine.CalamineWorkbook.from_path(str(source)).sheet_names
    sheets: dict[str, list[list[object]]] = {}
    for number, wanted in JP_XLS_SHEETS.items():
        rows = _calamine_rows(source, titles[number])
        header = next((i for i, row in enumerate(rows) if "告示日付" in row), None)
        if header is None:
            sheets[titles[number]] = rows
            continue
        listings = rows[header + 1 :]
        deleted = [row for row in listings[:10] if "削除" in str(row[0] or "")]
        chosen = [row for row in listings if _notice(row) in wanted or row in deleted]
        sheets[titles[number]] = rows[: header + 1] + chosen
        print(f"  jp xls sheet {number} {titles[number]!r}: {len(chosen)} listing rows")
    _write_xls(OUT / "jp" / "jp-mof-2022-04-12-excerpt.xls", sheets)
    print(f"jp/jp-mof-2022-04-12-excerpt.xls: sheets {sorted(JP_XLS_SHEETS)}, from {source}")


def uk_excerpt(shared: Path) -> None:
    """The UK workbook's excerpt: every row of a few groups."""
    import openpyxl

    source = shared / "uk" / "ConList-2022-05-04.xlsx"
    real = openpyxl.load_workbook(source, read_only=True)
    rows = [tuple(row) for row in real["Data"].iter_rows(values_only=True)]
    real.close()
    header = rows[1]
    group = header.index("Group ID")
    kind = header.index("Group Type")
    wanted: list[object] = []
    for wanted_kind in ("Entity", "Individual", "Ship"):
        wanted.append(next(row[group] for row in rows[2:] if row[kind] == wanted_kind))
    # And the first person with numbered titles ("(1) Mullah (2) Maulavi") whose rows have
    # no empty-string cell (a workbook written by openpyxl cannot keep one: it reads None).
    title = header.index("Title")
    blank = {row[group] for row in rows[2:] if "" in row}
    wanted.append(
        next(
            row[group]
            for row in rows[2:]
            if str(row[title] or "").startswith("(1)") and row[group] not in blank
        )
    )
    kept = [row for row in rows[2:] if row[group] in wanted]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    _copy_rows(sheet, rows[:2] + kept)
    OUT.joinpath("uk").mkdir(parents=True, exist_ok=True)
    book.save(OUT / "uk" / "ConList-2022-05-04-excerpt.xlsx")
    print(f"uk/ConList-2022-05-04-excerpt.xlsx: groups {wanted}, {len(kept)} rows, from {source}")


def japan_excerpt(shared: Path) -> None:
    """The Japanese workbook's excerpt: the sheets and listing rows of ``JP_SHEETS``."""
    import openpyxl

    source = shared / "jp" / "shisantouketsu20260305.xlsx"
    real = openpyxl.load_workbook(source, read_only=True)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for number, title in enumerate(real.sheetnames):
        if number not in JP_SHEETS:
            continue
        rows = [tuple(row) for row in real[title].iter_rows(values_only=True)]
        header = next((i for i, row in enumerate(rows) if "告示日付" in row), None)
        wanted = JP_SHEETS[number]
        if header is None:
            kept = rows
        elif isinstance(wanted, int):
            kept = rows[: header + 1 + wanted]
        else:
            # Chosen listing rows, by notice number (column 2), in the sheet's order.
            listings = rows[header + 1 :]
            kept = rows[: header + 1] + [row for row in listings if _notice(row) in wanted]
        _copy_rows(book.create_sheet(title), kept)
        print(f"  jp sheet {number} {title!r}: {len(kept)} rows")
    real.close()
    OUT.joinpath("jp").mkdir(parents=True, exist_ok=True)
    book.save(OUT / "jp" / "shisantouketsu20260305-excerpt.xlsx")
    print(f"jp/shisantouketsu20260305-excerpt.xlsx: sheets {sorted(JP_SHEETS)}, from {source}")


#: The Japanese sheets kept (by position), and how many listing rows of each (the first
#: ones) or which (by notice number): on sheet 2 (Taliban), documents written in prose
#: (8, 11, 585, 638, 789), an approximate birth year (517) and a Hijri date (585).
JP_SHEETS: dict[int, int | frozenset[str]] = {
    0: 0,
    1: 3,
    2: frozenset({"8", "11", "517", "585", "638", "789"}),
    8: 0,
    14: 3,
    29: 3,
}


def _notice(row: Sequence[object]) -> str:
    value = row[1] if len(row) > 1 else None
    return str(int(value)) if isinstance(value, float) else str(value or "").strip()


def older_canada(path: Path) -> None:
    keep = any_of(
        rb"<Entity>Air Bagan</Entity>",
        rb"<Entity>Htoo Group of Companies</Entity>",
        rb"<LastName>Shwe</LastName>\s*<GivenName>Than</GivenName>",
        rb"<LastName>Thein</LastName>\s*<GivenName>Tin Naing</GivenName>",
        rb"<LastName>Thaung</LastName>",
        rb"<LastName>Al-Ahmad</LastName>",
        rb"1972-08-10 or 1972-08-11",
        rb"<GivenName>Robert Gabriel</GivenName>",
        rb"<LastName>MADURO MOROS</LastName>",
        rb"<Entity>Aerospace Industries Organization",
    )
    data, kept = cut_xml(path.read_bytes(), ["record"], keep)
    write("ca/sema-2020-04-15-excerpt.xml", data, path, kept)


def uk_sl_excerpt(path: Path) -> None:
    """The UK Sanctions List records another project carved from the official file.

    Its file adds a comment after the prolog and a made-up record (no UniqueID)
    after the real ones, each announced as such: both are taken out, the rest
    (prolog, root, DateGenerated, four Designations) stays byte for byte.
    """
    data = path.read_bytes()
    data = re.sub(rb"(?s)\A(<\?xml[^\n]*\n)<!--.*?-->\n", rb"\1", data, count=1)
    data = re.sub(rb"(?m)^[ \t]*<!-- Synthetic[^\n]*\n", b"", data)
    data, kept = cut_xml(data, ["Designation"], any_of(rb"<UniqueID>"))
    write("uk_sl/UK-Sanctions-List-2026-08-14-excerpt.xml", data, path, kept)


def main(argv: Sequence[str]) -> None:
    shared = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data"
    xml_excerpts(shared)
    ofac_advanced_excerpt(shared)
    csv_excerpts(shared)
    workbook_excerpts(shared)
    if len(argv) > 2:
        older_canada(Path(argv[2]))
    if len(argv) > 3:
        dfat_excerpt(Path(argv[3]), "au/dfat-2024-11-11-excerpt.xlsx")
    if len(argv) > 4:
        uk_sl_excerpt(Path(argv[4]))


if __name__ == "__main__":
    main(sys.argv)
