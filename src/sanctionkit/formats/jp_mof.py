"""Japan's Ministry of Finance asset-freeze list, as its Excel workbook (format ``jp-mof-xlsx``).

This module is the list's mapping (sheet names → programmes in :data:`PROGRAMMES`,
column headers → fields in ``_HEADERS``) and its quirks, each in a function of
its own. The workbook's layout, what becomes what and the quirks of the real
files are on the documentation page "Japan Ministry of Finance (xlsx)"
(docs/formats/jp-mof.md). The .xlsx and the older BIFF .xls are both read with
python-calamine (``pip install 'sanctionkit[xlsx]'``).
"""

from __future__ import annotations

import contextlib
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from sanctionkit.formats._authorities import japan_mof
from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._jp_documents import read_documents
from sanctionkit.formats._reading import Reading, named_country
from sanctionkit.formats._schemes import scheme_for
from sanctionkit.formats._text import blank, clean, script
from sanctionkit.formats._xlsx import cell_date, cell_text, open_workbook, rows
from sanctionkit.model import (
    Address,
    Alias,
    AliasQuality,
    CountryRoleKind,
    Dataset,
    Designation,
    Identifier,
    LegalBasis,
    LegalBasisKind,
    Measure,
    Person,
    Source,
)
from sanctionkit.model.sanctions import listed_before_delisted
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import PartialDate

__all__ = ["FORMAT", "LIST_NAME", "PROGRAMMES", "read", "recognises", "sniff"]


#: The format's name in :data:`sanctionkit.formats.READERS` and in the metadata.
FORMAT = "jp-mof-xlsx"
#: The list's name in the dataset's metadata.
LIST_NAME = "Japan Ministry of Finance list of persons subject to asset freezes"

_PUBLISHER = "Ministry of Finance, Japan"
_URL = (
    "https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/"
    "economic_sanctions/list.html"
)
_FOREIGN_EXCHANGE_ACT = LegalBasis(
    kind=LegalBasisKind.NATIONAL_ACT,
    title="Foreign Exchange and Foreign Trade Act (外国為替及び外国貿易法)",
)
_MEASURES = (Measure.ASSET_FREEZE,)

_PERSON = "person"
_ORGANIZATION = "organization"
_EITHER = "either"  # the sheet lists both: each row decides (see _is_person)

#: Each programme sheet's name (without its "N." number) → its programme in
#: English and what it lists: "person", "organization" or "either". Names are
#: compared after Unicode NFKC and without spaces, so "(Ⅰ)" and "（Ⅰ）" match.
PROGRAMMES: dict[str, tuple[str, str]] = {
    "ミロシェビッチ前ユーゴ大統領関係者": (
        "Former Yugoslav President Milosevic and associates",
        _PERSON,
    ),
    "タリバーン関係者等": ("Taliban, Al-Qaida, ISIL (Da'esh) and associates", _EITHER),
    "テロリスト等 (1)": (
        "Terrorists (asset freezes coordinated by the G7: US, Canada, UK, France, Germany, "
        "Italy, Japan)",
        _EITHER,
    ),
    "テロリスト等 (2)": ("Terrorists (designated by the United States and others)", _EITHER),
    "イラク前政権関係者等（Ⅰ）": (
        "Former Iraqi regime (I: individuals, resolution 1483 paragraph 23(b))",
        _PERSON,
    ),
    "イラク前政権関係者等 (Ⅱ)": (
        "Former Iraqi regime (II: entities, resolution 1483 paragraph 23(a))",
        _ORGANIZATION,
    ),
    "イラク前政権関係者等 (Ⅲ)": (
        "Former Iraqi regime (III: entities, resolution 1483 paragraph 23(b))",
        _ORGANIZATION,
    ),
    "【解除】リベリア": ("Former Liberian regime (lifted)", _EITHER),
    "コンゴ民主共和国（個人）": ("Democratic Republic of the Congo (individuals)", _PERSON),
    "コンゴ民主共和国 (団体)": ("Democratic Republic of the Congo (entities)", _ORGANIZATION),
    "【解除】コートジボワール": ("Côte d'Ivoire (lifted)", _EITHER),
    "スーダン": ("Sudan (Darfur)", _EITHER),
    "北朝鮮(決議1695号)": (
        "North Korea (resolution 1695: missile and weapons of mass destruction programmes)",
        _EITHER,
    ),
    "北朝鮮(決議1718号等；団体)": (
        "North Korea (UN Security Council resolution 1718 and successors; entities)",
        _ORGANIZATION,
    ),
    "北朝鮮(決議1718号等；個人)": (
        "North Korea (UN Security Council resolution 1718 and successors; individuals)",
        _PERSON,
    ),
    "北朝鮮(協調；団体)": (
        "North Korea (measures in concert with other countries; entities)",
        _ORGANIZATION,
    ),
    "北朝鮮(協調；個人)": (
        "North Korea (measures in concert with other countries; individuals)",
        _PERSON,
    ),
    "【解除】イラン": ("Iran (former lists, lifted)", _EITHER),
    "イラン（個人）": ("Iran (nuclear proliferation; individuals)", _PERSON),
    "イラン (団体)": ("Iran (nuclear proliferation; entities)", _ORGANIZATION),
    "ソマリア": ("Somalia", _EITHER),
    "リビア(Ⅰ)": (
        "Libya (I: Qadhafi and associates, freeze eased under resolution 2009)",
        _EITHER,
    ),
    "リビア (Ⅱ)": ("Libya (II: Qadhafi and associates, other individuals and entities)", _EITHER),
    "シリア（個人）": ("Syria (President al-Assad and associates; individuals)", _PERSON),
    "シリア（団体）": ("Syria (President al-Assad and associates; entities)", _ORGANIZATION),
    "クリミア等（個人）": (
        "Crimea, Sevastopol and eastern and southern Ukraine (individuals)",
        _PERSON,
    ),
    "クリミア等 (団体)": (
        "Crimea, Sevastopol and eastern and southern Ukraine (entities)",
        _ORGANIZATION,
    ),
    "ロシア連邦(団体(特定銀行を除く))": (
        "Russian Federation (entities, excluding specified banks)",
        _ORGANIZATION,
    ),
    "ロシア連邦(個人)": ("Russian Federation (individuals)", _PERSON),
    "ロシア連邦(特定銀行）": ("Russian Federation (specified banks)", _ORGANIZATION),
    "ベラルーシ(個人)": ("Belarus (individuals)", _PERSON),
    "ベラルーシ(団体(特定銀行を除く))": (
        "Belarus (entities, excluding specified banks)",
        _ORGANIZATION,
    ),
    "ベラルーシ(特定銀行)": ("Belarus (specified banks)", _ORGANIZATION),
    "ロシア及びベラルーシ以外（団体(特定銀行を除く)）": (
        "Countries other than Russia and Belarus (entities, excluding specified banks)",
        _ORGANIZATION,
    ),
    "ロシア及びベラルーシ以外（個人）": (
        "Countries other than Russia and Belarus (individuals)",
        _PERSON,
    ),
    "ロシア及びベラルーシ以外（特定銀行)": (
        "Countries other than Russia and Belarus (specified banks)",
        _ORGANIZATION,
    ),
    "中央アフリカ共和国（個人）": ("Central African Republic (individuals)", _PERSON),
    "中央アフリカ共和国（団体）": ("Central African Republic (entities)", _ORGANIZATION),
    "イエメン共和国": ("Yemen", _EITHER),
    "南スーダン": ("South Sudan", _EITHER),
    "マリ共和国": ("Mali", _EITHER),
    "ハイチ共和国（個人）": ("Haiti (individuals)", _PERSON),
    "イスラエル": ("Violent Israeli settlers", _PERSON),
    "ハイチ共和国（団体）": ("Haiti (entities)", _ORGANIZATION),
}


def _key(text: str) -> str:
    """Text compared loosely: NFKC (full-width brackets, Ⅰ), no white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_PROGRAMMES = {_key(name): value for name, value in PROGRAMMES.items()}

# The fields of a listing row.
_DATE, _NUMBER, _NAME_JA, _NAME_EN = "date", "number", "name_ja", "name_en"
_ALIAS, _WEAK_ALIAS, _FORMER_ALIAS = "alias", "weak_alias", "former_alias"
_POSITION, _BIRTH_DATE, _BIRTH, _BIRTH_PLACE = "position", "birth_date", "birth", "birth_place"
_NATIONALITY, _PASSPORT, _NATIONAL_ID, _ADDRESS = "nationality", "passport", "id", "address"
_UN_REFERENCE, _UN_LISTED, _REASON = "un_reference", "un_listed", "reason"
#: Each field → the headers of the columns that hold it, as the sheets write them.
_HEADERS: dict[str, list[str]] = {
    _DATE: ["告示日付"],  # notice date: of the listing, its revisions (改訂), its deletion (削除)
    _NUMBER: ["告示番号"],  # notice number
    _NAME_JA: ["日本語表記"],  # the name in Japanese
    _NAME_EN: ["英語表記"],  # the name in English
    _ALIAS: ["別名", "別称", "別名・別称", "別称・別名", "別称・旧称", "確定可能な別名"],
    _WEAK_ALIAS: ["確定に十分でない別名"],  # "aliases not sufficient to identify"
    _FORMER_ALIAS: ["旧称", "過去の別名", "以前の別名", "旧称・以前の呼称"],
    _POSITION: ["称号", "役職", "肩書", "肩書等"],  # title, position
    _BIRTH_DATE: ["生年月日"],
    _BIRTH: ["生年月日・出生地"],  # date and place of birth in one cell
    _BIRTH_PLACE: ["出生地", "出生地・出身地"],
    _NATIONALITY: ["国籍"],
    _PASSPORT: ["旅券番号"],
    _NATIONAL_ID: ["ID番号", "身分登録番号", "身分証番号"],
    _ADDRESS: [
        "住所",
        "所在地",
        "住所・所在地",
        "住所等",
        "活動地域・住所",
        "所在地・住所\n登録された事務所の住所",
    ],
    _UN_REFERENCE: ["国連参照番号"],
    _UN_LISTED: ["リスト掲載日", "国連制裁員会による指定日", "国連制裁委員会による指定日"],
    _REASON: ["指定の根拠"],  # grounds for the listing
}
_COLUMNS = {_key(header): field for field, headers in _HEADERS.items() for header in headers}
_HEADER_KEYS = {"告示日付", "告示番号"}  # what makes a row the header row
# Columns kept as notes, with the label the note gets; any other header is its own label.
_NOTE_LABELS = {
    _key("その他の情報"): "Other information",
    _key("詳細"): "Details",
    _key("決議1483上の根拠"): "Grounds under resolution 1483",
    _key("電話"): "Telephone",
    _key("電話番号"): "Telephone",
    _key("FAX"): "Fax",
}
#: The alias columns, and the quality of the names in each.
_ALIAS_COLUMNS = {
    _ALIAS: AliasQuality.STRONG,
    _WEAK_ALIAS: AliasQuality.WEAK,
    _FORMER_ALIAS: AliasQuality.FORMER,
}
# The document columns: the scheme their numbers have unless a document says else, and
# the label of a note for a part without a number.
_DOCUMENT_COLUMNS = (
    (_PASSPORT, scheme_for("jp", "旅券番号"), "Passport"),
    (_NATIONAL_ID, scheme_for("jp", "ID番号"), "Identification number"),
)
# Fields whose value says the row is a person, on sheets that list both.
_PERSON_FIELDS = (_BIRTH_DATE, _BIRTH, _BIRTH_PLACE, _NATIONALITY, _PASSPORT, _NATIONAL_ID)

# Words the list writes where it means "no value" (不明 "unknown", なし "none"), and the
# punctuation that may stand around them ("不明、").
_BLANKS = frozenset({"", "不明", "なし", "-", "－"})
_AROUND = " 、,;."
_DELETED = "削除"
_REVISED = "改訂"
_ABOLISHED = "告示廃止"
_FILE_DATE = re.compile(r"(20\d\d)(\d\d)(\d\d)")
_JAPANESE_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
_NUMBER_PART = re.compile(r"\d+")
_ALTERNATIVES = re.compile(r"又は|または")
_ABOUT = re.compile(r"^(?:おおよそ|およそ|約)")
_ABOUT_AFTER = re.compile(r"年の頃$")  # "1978年の頃": "around 1978"
_ENUMERATION = re.compile(r"\(\s*[a-z]{1,2}\s*\)\s*")
_AKA = re.compile(r"[,;]?\s*\b(?:a\.k\.a|f\.k\.a)\b\.?\s*:?\s*", re.IGNORECASE)
_ALIAS_MARKERS = {
    "別称": AliasQuality.STRONG,
    "別名": AliasQuality.STRONG,
    "旧称": AliasQuality.FORMER,
}
_MARKER = re.compile(r"^\(?(別称|別名|旧称)\s*[)、:]\s*")
_JAPANESE_SEPARATORS = re.compile(r"[、;,]|及び")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_LATIN_IN_BRACKETS = re.compile(r"^(.*[^\x00-\x7f].*?)\s*\(([\x00-\x7f\u00c0-\u024f’‘]+)\)$")
_SIMPLE_DOCUMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]{1,30}$")
_JAPANESE_SCRIPTS = (None, "Jpan", "Hani", "Hira", "Kana")
# Brackets and punctuation that the list writes full-width or half-width at random.
_PUNCTUATION = str.maketrans({"（": "(", "）": ")", "；": ";", "：": ":", "，": ",", "\u3000": " "})


def sniff(head: bytes) -> bool:
    """False: a workbook's first bytes say only "zip"; see :func:`recognises`.

    >>> sniff(b"PK\\x03\\x04")
    False
    """
    return False


def recognises(workbook: Any) -> bool:
    """Whether an open workbook (.xlsx or .xls) is the Ministry of Finance list.

    It is when one of its first sheets has a header row with 告示日付 (notice
    date) and 告示番号 (notice number) among its first eight rows.
    """
    for sheet in workbook.worksheets[:4]:
        for values in sheet.iter_rows(max_row=8, values_only=True):
            if _HEADER_KEYS.issubset(_key(value) for value in values if isinstance(value, str)):
                return True
    return False


def read(source: str | Path | IO[bytes], *, name: str = "<file>", strict: bool = False) -> Dataset:
    """Read the Ministry of Finance workbook: every listing row of every programme sheet.

    Rows are streamed sheet by sheet. In lenient mode (the default) a bad
    value is left out and reported in ``dataset.problems``; ``strict=True``
    raises the first as :class:`~sanctionkit.ReadError`. The metadata holds
    the format, the list, its publish date (from the file name: the workbook
    does not say) and the counts.
    """
    reading = Reading(file=name, strict=strict)
    published = _publish_date(name)
    metadata: dict[str, str | int] = {"format": FORMAT, "list": LIST_NAME}
    if published is not None:
        metadata["publish_date"] = published.isoformat()
    counts = {"sheets": 0, "rows_deleted": 0, "rows_continued": 0}
    with contextlib.closing(open_workbook(source, name)) as workbook:
        for sheet in workbook.worksheets:
            _Sheet(reading, sheet.title, published, counts).read(rows(sheet, name))
    return reading.dataset({**metadata, **counts})


def _publish_date(name: str) -> PartialDate | None:
    """The date in a file name such as ``shisantouketsu20260305.xlsx``, if it is a date."""
    match = _FILE_DATE.search(Path(name).name)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return PartialDate(year, month, day)
    except ValueError:  # "20261399": eight digits, no date
        return None


@attrs.define
class _Row:
    number: int
    cells: dict[str, str]  # field → cell text (line breaks kept), empty cells left out
    raw: dict[str, object]  # field → cell value, for dates Excel stores as numbers
    notes: list[str] = attrs.Factory(list)  # from the rows of text that continue it


@attrs.define
class _Sheet:
    """Turns one sheet's rows into entities and designations."""

    reading: Reading
    title: str
    published: PartialDate | None
    counts: dict[str, int]  # the metadata's counts: sheets, rows deleted, rows continued
    number: str = ""
    programme: tuple[str, ...] = ()
    kind: str = _EITHER
    source: Source | None = None
    columns: list[tuple[str, str]] = attrs.Factory(list)  # (field, header as written)

    def read(self, sheet_rows: Iterator[tuple[int, tuple[object, ...]]]) -> None:
        """Read the sheet: its heading and header row, then its listing rows."""
        if not self._programme():
            return  # the index sheet ("一覧"): the programmes' names, no listings
        heading: list[str] = []
        pending: _Row | None = None  # a listing row, until the rows that continue it are read
        for row_number, values in sheet_rows:
            texts = [cell_text(value).strip() for value in values]
            if not any(texts):
                continue
            if self.columns:
                pending = self._listing(self._row(row_number, values, texts), pending)
            elif self._header(texts):
                self.counts["sheets"] += 1
                self.source = self._source(heading)
            else:
                heading.append(clean(next(text for text in texts if text)))
        if pending is not None:
            self._record(pending)
        if not self.columns:
            self._without_header(heading)

    def _programme(self) -> bool:
        """The sheet's number, programme and kind, from its title; False for no programme sheet."""
        number, _, rest = self.title.strip().partition(".")
        if not rest or not number.isdigit():
            return False
        self.number = number
        programme = _PROGRAMMES.get(_key(rest))
        if programme is None:
            self.reading.problem(
                "sheet not in the programme table; its programme is kept in Japanese",
                record=f"sheet {number}",
                value=self.title,
            )
            programme = (rest.strip(), _EITHER)
        self.programme = (programme[0],)
        self.kind = programme[1]
        return True

    def _header(self, texts: list[str]) -> bool:
        """Whether the row is the header row; if it is, the sheet's columns are taken from it."""
        keys = [_key(text) for text in texts]
        if not _HEADER_KEYS.issubset(keys):
            return False
        for key, text in zip(keys, texts, strict=True):
            written = clean(text)
            field = _COLUMNS.get(key) or _NOTE_LABELS.get(key) or written or "(no header)"
            self.columns.append((field, written))
        return True

    def _without_header(self, heading: list[str]) -> None:
        # A lifted programme: its heading and "【2015年12月18日告示廃止】" (notice abolished).
        if heading and any(_ABOLISHED in line for line in heading):
            return
        self.reading.problem(
            "sheet has no header row (告示日付, 告示番号): nothing on it was read",
            record=f"sheet {self.number}",
            value=" / ".join(heading) or None,
        )

    def _source(self, heading: list[str]) -> Source:
        file = self.reading.file_name("the workbook")
        title = "".join(line for line in heading if not line.startswith(("(注", "（注")))
        return Source(
            url=_URL,
            publisher=_PUBLISHER,
            title=f"{LIST_NAME} ({file}), sheet {self.number}: {title or self.title.strip()}",
            published=self.published,
        )

    def _row(self, number: int, values: tuple[object, ...], texts: list[str]) -> _Row:
        cells: dict[str, str] = {}
        raw: dict[str, object] = {}
        for (field, _), value, text in zip(self.columns, values, texts, strict=False):
            if not text:
                continue
            if field in cells:  # two columns of one kind: keep both
                cells[field] = f"{cells[field]}\n{text}"
            else:
                cells[field] = text
                raw[field] = value
        return _Row(number, cells, raw)

    def _listing(self, row: _Row, pending: _Row | None) -> _Row | None:
        """The listing row read next: ``row`` if it starts a listing (``pending`` is then
        recorded), else ``pending``, which a row of text only continues."""
        if row.cells.get(_DATE) or row.cells.get(_NUMBER) or _names(row):
            if pending is not None:
                self._record(pending)
            return row
        # A row of text only, under the row above (Somalia's long statement).
        if pending is None:
            self.reading.problem(
                "row of text before any listing row; not read",
                record=f"sheet {self.number} row {row.number}",
                value="; ".join(row.cells.values()),
            )
        else:
            pending.notes.extend(_labelled(self.columns, row))
            self.counts["rows_continued"] += 1
        return pending

    def _record(self, row: _Row) -> None:
        """A listing row's entity and designation; a deleted listing is counted, not read."""
        date_lines = _lines(row.cells.get(_DATE))
        if not _names(row) and any(_DELETED in line for line in date_lines):
            # "2011.11.18削除": the listing was deleted; only its number is left.
            self.counts["rows_deleted"] += 1
            return
        self.reading.read += 1
        written = clean(row.cells.get(_NUMBER))
        found = _NUMBER_PART.search(written)
        digits = found.group() if found else ""
        label = f"{self.number}-{digits}" if digits else f"{self.number} row {row.number}"
        draft = self._draft(row, label, written)
        if draft is None:
            return
        if written != digits:  # "2(*39)": also number 39 of another list
            draft.note(f"Notice number as written: {written}")
        listed, delisted = self._dates(date_lines, label, draft.notes)
        self._fill(draft, row)
        entity = draft.build(self.reading)
        if entity is not None:
            designation = Designation(
                entity_id=entity.id,
                authority=japan_mof(),
                authority_ref=label,
                listed=listed,
                delisted=delisted,
                programmes=self.programme,
                measures=_MEASURES,
                reasons=tuple(_said(row.cells.get(_REASON))),
                legal_basis=(_FOREIGN_EXCHANGE_ACT,),
                sources=entity.sources,
            )
            self.reading.keep(entity, designation)

    def _draft(self, row: _Row, label: str, written: str) -> EntityDraft | None:
        """A draft with the row's names and id; None (the row rejected) without either."""
        name_en, en_aliases = _english_name(row.cells.get(_NAME_EN, ""))
        name_ja = clean(row.cells.get(_NAME_JA))
        if not (name_en or name_ja):
            self.reading.reject("listing row has no name", record=label, value=written or None)
            return None
        base = f"jp-mof-{label.replace(' row ', '-row-')}"
        said = "another row of the sheet has the same notice number; this one is {id}"
        candidates = (base, *(f"{base}-{n}" for n in range(2, 10)))
        entity_id = self.reading.unique_id(
            candidates, duplicate=said, record=label, field="告示番号"
        )
        if entity_id is None:
            self.reading.reject("too many rows with the same notice number", record=label)
            return None
        assert self.source is not None  # rows are read after the header, with the source
        draft = EntityDraft(label, id=entity_id, name=name_en or name_ja, sources=(self.source,))
        if name_ja and name_en:
            draft.aliases.append(Alias(name=name_ja, script="Jpan", language="ja"))
        draft.aliases.extend(en_aliases)
        return draft

    def _fill(self, draft: EntityDraft, row: _Row) -> None:
        """Aliases, addresses, countries, documents and notes; what only a person has."""
        cells, notes, reading = row.cells, draft.notes, self.reading
        for field, quality in _ALIAS_COLUMNS.items():
            for alias in _aliases(cells.get(field, ""), quality, notes):
                if alias not in draft.aliases:
                    draft.aliases.append(alias)
        self._places(cells.get(_ADDRESS, ""), draft.address)
        for address in draft.addresses:
            if address.country is not None:
                draft.role(reading.country_role(address.country, CountryRoleKind.LOCATION))
        _identifiers(reading, self.columns, cells, draft)
        notes.extend(_labelled(self.columns, row))
        notes.extend(row.notes)
        if not self._is_person(cells):
            notes.extend(f"Position: {line}" for line in _said(cells.get(_POSITION)))
            return
        draft.kind = Person
        for text in _parts(cells.get(_NATIONALITY, "")):
            country = reading.country(text, record=draft.label, field="国籍")
            if country is None:
                notes.append(f"Nationality: {text}")
            else:
                draft.role(reading.country_role(country, CountryRoleKind.NATIONALITY))
        self._birth_dates(row, draft)
        self._places(cells.get(_BIRTH_PLACE, ""), draft.birth_place)
        draft.positions = _parts(cells.get(_POSITION, ""), commas=False)

    def _dates(
        self, lines: list[str], label: str, notes: list[str]
    ) -> tuple[PartialDate | None, PartialDate | None]:
        """The listing date (the first notice date), the deletion date, and notes on revisions."""
        listed: PartialDate | None = None
        delisted: PartialDate | None = None
        revised: list[str] = []
        for line in lines:
            date = self.reading.single_date(
                line.replace(_REVISED, "").replace(_DELETED, ""), record=label, field="告示日付"
            )
            if date is None:
                notes.append(f"Notice date: {line}")
                continue
            if _DELETED in line:
                delisted = date
            elif _REVISED in line or listed is not None:
                revised.append(date.isoformat())
            else:
                listed = date
        if revised:
            notes.append(f"Revised on the list: {', '.join(revised)}")
        if delisted is not None and not listed_before_delisted(listed, delisted):
            # A Designation cannot hold it: a problem and a note, not an error that stops the read.
            self.reading.problem(
                f"deleted on {delisted.isoformat()}, before the listing date {listed}; "
                "the deletion is kept as a note",
                record=label,
                field="告示日付",
                value=delisted.text or delisted.isoformat(),
            )
            notes.append(f"Deleted on the list: {delisted.isoformat()}")
            delisted = None
        if listed is None and lines:
            self.reading.problem("no listing date", record=label, field="告示日付")
        return listed, delisted

    def _is_person(self, cells: dict[str, str]) -> bool:
        if self.kind != _EITHER:
            return self.kind == _PERSON
        return any(not blank(cells.get(field), _BLANKS, strip=_AROUND) for field in _PERSON_FIELDS)

    def _birth_dates(self, row: _Row, draft: EntityDraft) -> None:
        """Dates of birth: Excel's dates and years, the list's Japanese text, notes of the rest."""
        value = row.raw.get(_BIRTH_DATE)
        if isinstance(value, datetime.datetime | datetime.date | int | float):
            date = _excel_date(value)
            if date is None:
                self.reading.problem(
                    "not a date", record=draft.label, field="生年月日", value=cell_text(value)
                )
            else:
                draft.birth_date(date)
        else:
            for text in _birth_parts(row.cells.get(_BIRTH_DATE, "")):
                date_value = self.reading.date(text, record=draft.label, field="生年月日")
                if date_value is None:
                    draft.notes.append(f"Date of birth: {text}")
                else:
                    draft.birth_date(date_value)
        combined = row.cells.get(_BIRTH, "")
        if combined:
            # "1941年8月20日セルビア共和国ポジャレヴァッツ生\nBorn at Pozarevac ...": the date
            # is read from the Japanese; the whole text is kept as a note.
            match = _JAPANESE_DATE.search(combined)
            if match is not None:
                field = "生年月日・出生地"
                date_value = self.reading.date(match.group(), record=draft.label, field=field)
                if date_value is not None:
                    draft.birth_date(date_value)
            draft.notes.append(f"Date and place of birth: {clean(combined)}")

    def _places(self, text: str, add: Callable[[Address], None]) -> None:
        """The addresses in a cell: one per line (or per ";"), with a country when one is named."""
        for part in _parts(text, commas=False):
            place = self.reading.address([part], country=_address_country(part))
            if place is not None:
                add(place)


def _names(row: _Row) -> bool:
    return bool(clean(row.cells.get(_NAME_EN)) or clean(row.cells.get(_NAME_JA)))


def _labelled(columns: list[tuple[str, str]], row: _Row) -> list[str]:
    """Notes from the columns that are kept as notes: "Other information: ..."."""
    notes: list[str] = []
    for field, _ in columns:
        if field in _HEADERS or field not in row.cells:
            continue
        text = clean(row.cells[field])
        if not blank(text, _BLANKS, strip=_AROUND):
            notes.append(f"{field}: {text}")
    value = row.raw.get(_UN_LISTED)
    if value is not None:
        date = _excel_date(value)
        text = date.isoformat() if date is not None else clean(cell_text(value))
        if not blank(text, _BLANKS, strip=_AROUND):
            notes.append(f"Listed by the UN: {text}")
    return notes


def _excel_date(value: object) -> PartialDate | None:
    """A date cell (see :func:`~sanctionkit.formats._xlsx.cell_date`); a plain year stays a year."""
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and 1800 <= value <= 2100
        and float(value).is_integer()
    ):
        return PartialDate(int(value))
    return cell_date(value)


def _lines(text: str | None) -> list[str]:
    """The non-blank lines of a cell, punctuation made half-width, each line's spaces joined."""
    text = (text or "").translate(_PUNCTUATION)
    return [line for raw in text.splitlines() if (line := " ".join(raw.split()))]


def _said(text: str | None) -> list[str]:
    """The lines of a cell that say something (not 不明, "unknown", nor "-")."""
    return [line for line in _lines(text) if not blank(line, _BLANKS, strip=_AROUND)]


def _parts(text: str, *, commas: bool = True) -> list[str]:
    """The values of a cell: its lines, split at "(a)", "(b)" ... and ";" (and "、", ",")."""
    found: list[str] = []
    for line in _lines(text):
        for item in _ENUMERATION.split(line):
            pieces = re.split(r"[;、,]" if commas else r";", item)
            for piece in pieces:
                cleaned = piece.strip(" 、,;")
                if cleaned and not blank(cleaned, _BLANKS, strip=_AROUND) and cleaned not in found:
                    found.append(cleaned)
    return found


def _birth_parts(text: str) -> list[str]:
    """The dates of birth in a cell: its parts, alternatives ("1965年又は1966年") apart.

    "おおよそ1970年" and "1978年の頃" (about 1970, about 1978) are read as "1970年頃" and
    "1978年頃"; "about" at the end of alternatives is said of each ("1977年または1978年の頃":
    about 1977 or 1978). A trailing 生 ("born") is dropped.

    >>> _birth_parts("1977年または1978年の頃")
    ['1977年頃', '1978年頃']
    """
    found: list[str] = []
    for part in _parts(text):
        part = _ABOUT_AFTER.sub("年頃", part.strip())
        about_all = part.endswith("年頃")
        for each in _ALTERNATIVES.split(part):
            cleaned = each.strip().removesuffix("生")
            approximately = _ABOUT.match(cleaned)
            if approximately is not None:
                cleaned = cleaned[approximately.end() :].strip() + "頃"
            if about_all and cleaned.endswith("年"):
                cleaned += "頃"
            if cleaned and cleaned not in found:
                found.append(cleaned)
    return found


def _alias(name: str, quality: AliasQuality = AliasQuality.STRONG) -> Alias:
    """A name of this list as an alias: Latin if plain ASCII, else Japanese ("Jpan", "ja")
    unless its letters are of another script (an original in Cyrillic or Arabic)."""
    if name.isascii():
        return Alias(name=name, quality=quality, script="Latn")
    found = script(name)
    if found in _JAPANESE_SCRIPTS:
        return Alias(name=name, quality=quality, script="Jpan", language="ja")
    return Alias(name=name, quality=quality, script=found)


def _english_name(text: str) -> tuple[str, list[Alias]]:
    """The English name without its bracketed "(a.k.a. ...)" and "(original script: ...)" parts."""
    aliases: list[Alias] = []

    def take(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        lowered = inner.lower()
        if lowered.startswith("original script"):
            original = inner.partition(":")[2].strip()
            if original:
                aliases.append(_alias(original))
            return " "
        if "a.k.a" in lowered:
            aliases.extend(_alias(name) for name in _split_aka(inner))
            return " "
        return match.group(0)

    name = " ".join(_BRACKETED.sub(take, " ".join(_lines(text))).split())
    return name, aliases


def _split_aka(text: str) -> list[str]:
    """The names of "a.k.a. A, a.k.a. B; C"."""
    names = []
    for part in _AKA.split(text):
        for piece in part.split(";"):
            name = piece.strip(" ,;")
            if name:
                names.append(name)
    return names


def _aliases(text: str, quality: AliasQuality, notes: list[str]) -> list[Alias]:
    """The aliases in an alias cell, in the many forms the list writes them (see the docs page).

    A part that is not a name (it has a ":", as "リビア旅券番号:215215") becomes a note.
    """
    found: list[Alias] = []
    current = quality
    in_japanese = 0  # how many names the last Japanese line gave
    for line in _lines(text):
        if line.startswith("(") and line.endswith(")") and line.count("(") == 1:
            line = line[1:-1]  # "(別称、X及びY)", "(Gaffar Mohmed Elhassan)"
        marker = _MARKER.match(line)
        if marker is not None:
            current = _ALIAS_MARKERS[marker.group(1)] if quality is AliasQuality.STRONG else quality
            line = line[marker.end() :]
        if line.endswith(")") and line.count(")") > line.count("("):
            line = line[:-1]  # "(別称、X及びY）" closed but opened half-width, or the reverse
        if _AKA.search(line):
            items = _split_aka(line)
        elif _ENUMERATION.search(line):
            items = _ENUMERATION.split(line)
        elif not line.isascii():
            items = _JAPANESE_SEPARATORS.split(line)
            in_japanese = len([item for item in items if item.strip(" 、,;")])
        else:
            items = line.split(";")
            by_comma = line.split(", ")
            # English names joined with commas, as many as the Japanese line above gave.
            if len(items) == 1 and in_japanese > 1 and len(by_comma) == in_japanese:
                items = by_comma
        for item in items:
            name = item.strip(" 、,;")
            if blank(name, _BLANKS, strip=_AROUND):
                continue
            if ":" in name:
                notes.append(f"Alias column: {name}")
                continue
            pair = _LATIN_IN_BRACKETS.match(name)
            for each in [pair.group(1).strip(), pair.group(2).strip()] if pair else [name]:
                alias = _alias(each, current)
                if alias not in found:
                    found.append(alias)
    return found


def _identifiers(
    reading: Reading, columns: list[tuple[str, str]], cells: dict[str, str], draft: EntityDraft
) -> None:
    """Passport, identity and UN reference numbers, and notes of what could not be read.

    A document cell is read by :func:`read_documents`: each number becomes an
    identifier with its issuing country and the document's text as its note.
    A part with no number, and words that name neither a country nor a kind of
    document, are problems; the part without a number stays a note.
    """
    for field, scheme, said in _DOCUMENT_COLUMNS:
        text = cells.get(field, "")
        if blank(text, _BLANKS, strip=_AROUND):
            continue
        header = next((written for key, written in columns if key == field), field)
        documents = read_documents(text, scheme)
        for document in documents.documents:
            draft.identifier(document.identifier())
            if document.unknown is not None:
                reading.problem(
                    "words before a document number name neither a country nor a kind of "
                    "document; the number is kept without a country",
                    record=draft.label,
                    field=header,
                    value=document.text,
                )
        for part in documents.unread:
            if not blank(part, _BLANKS, strip=_AROUND):
                draft.notes.append(f"{said}: {part}")
                reading.problem(
                    "no document number found in this part of the cell; kept as a note",
                    record=draft.label,
                    field=header,
                    value=part,
                    code="unread-value",
                )
    text = clean(cells.get(_UN_REFERENCE))
    if _SIMPLE_DOCUMENT.match(text):
        draft.identifiers.append(Identifier(scheme="un_reference", value=text))
    elif not blank(text, _BLANKS, strip=_AROUND):
        draft.notes.append(f"UN reference: {text}")


def _address_country(address: str) -> Country | None:
    """The country an address names, exactly, or None: never a guess.

    Where the list writes it, tried in turn: the last bracketed part
    ("レニングラード（ロシア）"), the last comma part ("..., Moscow, 105005, Russia"),
    the first (a Japanese address starts with it: "アラブ首長国連邦、ドバイ") and the
    whole text ("スイス"). A part with a digit is no country's name.
    """
    candidates = [match.strip() for match in _BRACKETED.findall(address)[-1:]]
    parts = [part.strip() for part in re.split(r"[,、]", address) if part.strip()]
    if parts:
        candidates += [parts[-1], parts[0]]
    candidates.append(address)
    for candidate in candidates:
        if candidate and not any(char.isdigit() for char in candidate):
            country = named_country(candidate, codes=False)
            if country is not None:
                return country
    return None
