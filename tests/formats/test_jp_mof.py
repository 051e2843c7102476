"""The Japan Ministry of Finance workbook reader, on a workbook built here and on the real file."""

from __future__ import annotations

import collections
import datetime
import re
import unicodedata
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import jp_mof
from sanctionkit.model import AliasQuality, Dataset, Measure, Organization, Person
from sanctionkit.values.dates import DateRange, PartialDate
from tests.conftest import shared_dataset, shared_file

openpyxl = pytest.importorskip("openpyxl")

REAL = "jp/shisantouketsu20260305.xlsx"
HEADER_RU_ORGS = ["告示日付", "告示番号", "日本語表記", "英語表記", "別称・旧称", "所在地"]
HEADER_RU_PEOPLE = ["告示日付", "告示番号", "日本語表記", "英語表記", "別名", "肩書等", "生年月日"]
HEADER_SOMALIA = ["告示日付", "告示番号", "日本語表記", "英語表記", "国籍", "その他の情報"]


def build_workbook(path: Path) -> Path:
    """A small workbook shaped like the real one: index, three programme sheets, a lifted one."""
    book = openpyxl.Workbook()
    index = book.active
    index.title = "一覧"
    index.append(
        ["このファイルは、外為法に基づく資産凍結等の措置の情報をExcel形式にしたものです。"]
    )
    index.append(
        [28, "資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））"]
    )

    orgs = book.create_sheet("28.ロシア連邦(団体(特定銀行を除く))")
    orgs.append(["資産凍結等の措置の対象となるロシア連邦の団体及び個人（団体（特定銀行を除く））"])
    orgs.append(HEADER_RU_ORGS)
    orgs.append(
        [
            "2024.5.24",
            "258",
            "有限会社MGフロート",
            "MG-Flot LLC",
            "（別称、トランスモルフロート、トランスモルフロート海運会社及びトランスシーポート）\n"
            "（a.k.a. TransMorFlot, a.k.a. TransMorFlot shipping company, a.k.a. Transseaport）",
            "House 18 D Premise 1, Lenina Street, Akhtynskiy District, Republic of Dagestan, "
            "368730, Russia",
        ]
    )
    orgs.append(
        [
            "2022.3.1\n2022.9.26改訂",
            1,
            "ロシア連邦中央銀行",
            "Central Bank of the Russian Federation",
            None,
            "12 Neglinnaya Str., Moscow, 107016, Russian Federation",
        ]
    )
    orgs.append(["2023.1.27削除", "5", None, None, None, None])
    orgs.append(["2023.1.27", "6", None, None, None, None])

    people = book.create_sheet("29.ロシア連邦(個人)")
    people.append(["資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）"])
    people.append(HEADER_RU_PEOPLE)
    people.append(
        [
            "2024.5.24",
            "729",
            "ウラジーミル・ミヘイチク",
            "Vladimir Mikheychik（a.k.a. Vladimir Mikheichik）",
            None,
            "公開株式会社第224航空隊国家航空ゼネラル・ディレクター\n"
            "General Director of Open Joint Stock Company State Airline 224th Flight Detachment",
            datetime.datetime(1970, 5, 16),
        ]
    )
    people.append(
        ["2022.3.1", "2", "ミハイル・ミシュスチン", "Mikhail Mishustin", None, None, 24169]
    )
    people.append(
        ["2022.3.1", "3", "イワン・イワノフ", "Ivan Ivanov", None, None, "1965年又は1966年"]
    )

    somalia = book.create_sheet("21.ソマリア")
    somalia.append(["ソマリアに対する武器禁輸措置等に違反した者等"])
    somalia.append(HEADER_SOMALIA)
    somalia.append(["2010.6.25", "1", "アル・シャバーブ", "AL-SHABAAB", None, "第一段落。"])
    somalia.append([None, None, None, None, None, "第二段落。"])
    somalia.append(
        ["2010.6.25", "2", "ヤシン・アリ・バイナフ", "Yasin Ali Baynah", "ソマリア", None]
    )
    somalia.append(["2010.6.25", "3", "某", "Someone", "アトランティス", None])

    lifted = book.create_sheet("8.【解除】リベリア")
    lifted.append(["リベリア前政権の高官又はその関係者等"])
    lifted.append(["【2015年12月18日告示廃止】"])

    target = path / "shisantouketsu20260305.xlsx"
    book.save(target)
    return target


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workbook(tmp_path_factory.mktemp("jp"))


@pytest.fixture(scope="module")
def small(fixture_path: Path) -> Dataset:
    return jp_mof.read(fixture_path, name=fixture_path.name)


def person(ds: Dataset, entity_id: str) -> Person:
    found = ds.get(entity_id)
    assert isinstance(found, Person)
    return found


def organization(ds: Dataset, entity_id: str) -> Organization:
    found = ds.get(entity_id)
    assert isinstance(found, Organization)
    return found


# --- detection and metadata ----------------------------------------------------------


def test_sniff_leaves_workbooks_to_recognises() -> None:
    assert not jp_mof.sniff(b"PK\x03\x04\x14\x00")


def test_recognises_the_workbook_by_its_header_cells(fixture_path: Path) -> None:
    book = openpyxl.load_workbook(fixture_path, read_only=True)
    assert jp_mof.recognises(book)


def test_recognises_refuses_other_workbooks(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Name 6", "Name 1", "Group ID", "Regime"])
    book.save(tmp_path / "other.xlsx")
    assert not jp_mof.recognises(openpyxl.load_workbook(tmp_path / "other.xlsx", read_only=True))


def test_metadata_names_the_format_the_list_and_the_date_of_the_file_name(small: Dataset) -> None:
    assert small.metadata["format"] == "jp-mof-xlsx"
    assert small.metadata["list"] == jp_mof.LIST_NAME
    assert small.metadata["publish_date"] == "2026-03-05"


def test_without_a_date_in_the_file_name_there_is_no_publish_date(fixture_path: Path) -> None:
    with fixture_path.open("rb") as file:
        ds = jp_mof.read(file, name="<file>")
    assert "publish_date" not in ds.metadata
    assert len(ds.designations) == 8


# --- counts and ids ------------------------------------------------------------------


def test_counts_add_up_with_deleted_and_continued_rows_apart(small: Dataset) -> None:
    metadata = small.metadata
    assert metadata["records_read"] == 9
    assert metadata["records_returned"] == 8
    assert metadata["records_rejected"] == 1
    assert metadata["rows_deleted"] == 1
    assert metadata["rows_continued"] == 1
    assert metadata["sheets"] == 3


def test_a_row_with_a_number_but_no_name_is_rejected(small: Dataset) -> None:
    [problem] = [p for p in small.problems if p.message == "listing row has no name"]
    assert problem.record == "28-6"


def test_ids_and_references_are_sheet_and_notice_number(small: Dataset) -> None:
    refs = [d.authority_ref for d in small.designations]
    assert refs == ["28-258", "28-1", "29-729", "29-2", "29-3", "21-1", "21-2", "21-3"]
    assert [d.entity_id for d in small.designations][:2] == ["jp-mof-28-258", "jp-mof-28-1"]


def test_the_same_file_gives_the_same_dataset(fixture_path: Path, small: Dataset) -> None:
    assert jp_mof.read(fixture_path, name=fixture_path.name) == small


def test_one_source_per_sheet_is_shared(small: Dataset) -> None:
    first, second = organization(small, "jp-mof-28-258"), organization(small, "jp-mof-28-1")
    assert first.sources[0] is second.sources[0]
    assert first.sources[0] is small.designations[0].sources[0]
    assert "sheet 28" in (first.sources[0].title or "")
    assert first.sources[0].published == PartialDate(2026, 3, 5)


# --- what becomes what ---------------------------------------------------------------


def test_an_entity_sheet_gives_organisations_with_their_programme(small: Dataset) -> None:
    flot = organization(small, "jp-mof-28-258")
    designation = small.designations_of(flot.id)[0]
    assert flot.name == "MG-Flot LLC"
    assert designation.programmes == ("Russian Federation (entities, excluding specified banks)",)
    assert designation.listed == PartialDate(2024, 5, 24)
    assert designation.measures == (Measure.ASSET_FREEZE,)
    assert designation.authority.name == "Ministry of Finance, Japan"


def test_the_japanese_name_is_an_alias_in_japanese(small: Dataset) -> None:
    alias = organization(small, "jp-mof-28-258").aliases[0]
    assert (alias.name, alias.script, alias.language) == ("有限会社MGフロート", "Jpan", "ja")


def test_aliases_come_from_both_a_k_a_forms(small: Dataset) -> None:
    names = [alias.name for alias in organization(small, "jp-mof-28-258").aliases]
    assert names[1:] == [
        "トランスモルフロート",
        "トランスモルフロート海運会社",
        "トランスシーポート",
        "TransMorFlot",
        "TransMorFlot shipping company",
        "Transseaport",
    ]


def test_an_a_k_a_in_the_english_name_becomes_an_alias(small: Dataset) -> None:
    mikheychik = person(small, "jp-mof-29-729")
    assert mikheychik.name == "Vladimir Mikheychik"
    assert [a.name for a in mikheychik.aliases] == [
        "ウラジーミル・ミヘイチク",
        "Vladimir Mikheichik",
    ]


def test_addresses_get_the_country_they_end_with(small: Dataset) -> None:
    flot = organization(small, "jp-mof-28-258")
    assert flot.addresses[0].country is not None
    assert flot.addresses[0].country.alpha2 == "RU"
    assert [role.country.alpha2 for role in flot.countries] == ["RU"]


def test_the_listing_date_is_the_first_and_revisions_are_noted(small: Dataset) -> None:
    bank = organization(small, "jp-mof-28-1")
    assert small.designations_of(bank.id)[0].listed == PartialDate(2022, 3, 1)
    assert "Revised on the list: 2022-09-26" in bank.notes


def test_birth_dates_stored_by_excel_as_dates_and_day_numbers(small: Dataset) -> None:
    assert person(small, "jp-mof-29-729").birth_dates == (PartialDate(1970, 5, 16),)
    assert person(small, "jp-mof-29-2").birth_dates == (PartialDate(1966, 3, 3),)


def test_alternative_birth_dates_are_each_kept(small: Dataset) -> None:
    assert person(small, "jp-mof-29-3").birth_dates == (PartialDate(1965), PartialDate(1966))


def test_positions_keep_both_languages(small: Dataset) -> None:
    positions = person(small, "jp-mof-29-729").positions
    assert positions[1].startswith("General Director of Open Joint Stock Company")


def test_a_text_row_belongs_to_the_listing_above(small: Dataset) -> None:
    shabaab = organization(small, "jp-mof-21-1")
    assert shabaab.notes == ("Other information: 第一段落。", "Other information: 第二段落。")


def test_on_a_sheet_of_both_kinds_a_nationality_makes_a_person(small: Dataset) -> None:
    baynah = person(small, "jp-mof-21-2")
    assert [role.country.alpha2 for role in baynah.countries] == ["SO"]


def test_an_unknown_nationality_is_a_problem_and_a_note(small: Dataset) -> None:
    someone = person(small, "jp-mof-21-3")
    assert "Nationality: アトランティス" in someone.notes
    [problem] = [p for p in small.problems if p.field == "国籍"]
    assert (problem.record, problem.value) == ("21-3", "アトランティス")


def test_strict_mode_raises_the_first_problem(fixture_path: Path) -> None:
    with pytest.raises(ReadError, match="listing row has no name"):
        jp_mof.read(fixture_path, name=fixture_path.name, strict=True)


def test_a_sheet_not_in_the_programme_table_keeps_its_japanese_title(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "45.新しい制度"
    sheet.append(["新しい制度の対象者"])
    sheet.append(HEADER_RU_ORGS)
    sheet.append(["2026.1.9", "1", "某社", "Some Company", None, None])
    book.save(tmp_path / "new.xlsx")
    ds = jp_mof.read(tmp_path / "new.xlsx", name="new.xlsx")
    assert ds.designations[0].programmes == ("新しい制度",)
    assert [p.message for p in ds.problems] == [
        "sheet not in the programme table; its programme is kept in Japanese"
    ]


@pytest.mark.parametrize(
    ("english", "alias"),
    [
        ("Ivan Petrov (a.k.a. Ivan Petroff)", ("Ivan Petroff", "Latn", None)),
        ("Ivan Petrov (a.k.a. イワン・ペトロフ)", ("イワン・ペトロフ", "Jpan", "ja")),
        ("Ivan Petrov (original script: Иван Петров)", ("Иван Петров", "Cyrl", None)),
    ],
)
def test_an_alias_in_the_english_name_gets_its_script_and_language(
    tmp_path: Path, english: str, alias: tuple[str, str, str | None]
) -> None:
    # Every name of the list in Japanese letters is Japanese ("ja"), wherever the cell has it.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "29.ロシア連邦(個人)"
    sheet.append(HEADER_RU_PEOPLE)
    sheet.append(["2024.5.24", "1", None, english, None, None, None])
    book.save(tmp_path / "one.xlsx")
    found = jp_mof.read(tmp_path / "one.xlsx", name="one.xlsx").entities[0].aliases
    assert [(a.name, a.script, a.language) for a in found] == [alias]


# --- the real file -------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> Dataset:
    return shared_dataset(REAL)  # parsed once per run, shared with the other modules


def _independent_counts(path: Path) -> dict[str, collections.Counter[str]]:
    """Per sheet number: data rows, rows with a name, deleted rows, rows of text only."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    found: dict[str, collections.Counter[str]] = {}
    for sheet in book.worksheets[1:]:
        number = sheet.title.split(".")[0]
        counts: collections.Counter[str] = collections.Counter()
        header = False
        for values in sheet.iter_rows(values_only=True):
            if not header:
                header = "告示日付" in values
                continue
            if not any(value is not None and str(value).strip() for value in values):
                continue
            counts["rows"] += 1
            if values[2] or values[3]:
                counts["named"] += 1
            elif "削除" in str(values[0] or ""):
                counts["deleted"] += 1
            elif values[0] is None and values[1] is None:
                counts["text"] += 1
        found[number] = counts
    book.close()
    return found


def test_real_file_counts_add_up_sheet_by_sheet(real: Dataset) -> None:
    expected = _independent_counts(shared_file(REAL))
    returned = collections.Counter((d.authority_ref or "").split("-")[0] for d in real.designations)
    for number, counts in expected.items():
        assert returned[number] == counts["named"], number
    assert sum(counts["named"] for counts in expected.values()) == 2862
    assert len(real.designations) == 2862
    rows = sum(counts["rows"] for counts in expected.values())
    metadata = real.metadata
    kept = [int(metadata[key]) for key in ("records_read", "rows_deleted", "rows_continued")]
    assert sum(kept) == rows == 3473
    assert metadata["rows_deleted"] == sum(c["deleted"] for c in expected.values())
    assert int(metadata["records_read"]) == 2862 + int(metadata["records_rejected"])


def test_real_file_every_programme_sheet_with_a_header_is_read(real: Dataset) -> None:
    assert real.metadata["sheets"] == 41  # 44 programme sheets, 3 of them lifted
    assert {p.record for p in real.problems if "programme table" in p.message} == set()


def test_real_file_problems_name_their_row_and_field(real: Dataset) -> None:
    assert real.problems
    for problem in real.problems:
        assert problem.file == str(shared_file(REAL))
        assert problem.record
        assert re.match(r"\d+(-\d+| row \d+)$", problem.record)


def test_real_file_kinds_follow_the_sheets(real: Dataset) -> None:
    kinds = collections.Counter(
        (d.authority_ref or "").split("-")[0] + type(real.get(d.entity_id)).__name__[0]
        for d in real.designations
    )
    assert kinds["28O"] == 369
    assert kinds["28P"] == 0
    assert kinds["29P"] == 759 - 7
    assert kinds["29O"] == 0


def test_real_file_putin_field_by_field(real: Dataset) -> None:
    putin = person(real, "jp-mof-29-1")
    assert putin.name == "Vladimir Putin"
    assert putin.aliases[0].name == "ウラジーミル・プーチン"
    assert putin.birth_dates == (PartialDate(1952, 10, 7),)
    assert putin.positions == ("ロシア連邦大統領", "President of the Russian Federation")
    assert putin.birth_places[0].full == "レニングラード(現サンクトペテルブルク)(ロシア)"
    assert putin.birth_places[0].country is not None
    assert putin.birth_places[0].country.alpha2 == "RU"


def test_real_file_saddam_hussein_birth_date_is_an_excel_day_number(real: Dataset) -> None:
    saddam = person(real, "jp-mof-5-1")
    assert saddam.name == "Saddam Hussein Al-Tikriti"
    assert saddam.birth_dates == (PartialDate(1937, 4, 28),)
    assert [role.country.alpha2 for role in saddam.countries] == ["IQ"]


def test_real_file_taliban_range_of_birth_years_is_a_range(real: Dataset) -> None:
    akhund = person(real, "jp-mof-2-2")
    assert isinstance(akhund.birth_dates[0], DateRange)
    assert akhund.birth_dates[0].isoformat() == "1955~/1958~"


def test_real_file_cross_listed_number_is_kept_as_written(real: Dataset) -> None:
    chemical = organization(real, "jp-mof-13-2")
    assert "Notice number as written: 2(*39)" in chemical.notes
    assert real.designations_of(chemical.id)[0].authority_ref == "13-2"


def test_real_file_weak_aliases_come_from_their_column(real: Dataset) -> None:
    cherizier = person(real, "jp-mof-42-1")
    weak = [a.name for a in cherizier.aliases if a.quality is AliasQuality.WEAK]
    assert weak == ["バーベキュー", "Barbeque"]


def test_real_file_somalia_statement_rows_join_al_shabaab(real: Dataset) -> None:
    shabaab = organization(real, "jp-mof-21-1")
    assert len([n for n in shabaab.notes if n.startswith("Other information")]) == 13
    assert real.metadata["rows_continued"] == 12


# --- documents: passport and identification numbers -----------------------------------

_DOCUMENT_HEADERS = {"旅券番号", "ID番号", "身分登録番号", "身分証番号"}
_PLAIN_DATE = re.compile(r"\d{4}(?:-\d{4})?年(?:\d{1,2}月)?(?:\d{1,2}日)?")
_PLAIN_BRACKETS = re.compile(r"\([^()]*\)")
_PLAIN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9./-]*(?:(?: |- ?)[A-Z0-9][A-Z0-9./-]*)*"
)


def _plain_document_numbers(path: Path) -> int:
    """Document numbers in the passport and identity columns of every listing row.

    A plain pass, apart from the reader: each cell made half-width (NFKC), its
    dates ("2000年2月23日") and bracketed text taken out, then every run of capitals,
    digits and . / - (groups one space or hyphen apart) with two digits or more.
    """
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    total = 0
    for sheet in book.worksheets[1:]:
        columns: list[int] | None = None
        for values in sheet.iter_rows(values_only=True):
            keys = ["".join(unicodedata.normalize("NFKC", str(v or "")).split()) for v in values]
            if columns is None:
                if "告示日付" in keys:
                    columns = [i for i, key in enumerate(keys) if key in _DOCUMENT_HEADERS]
                continue
            if len(values) < 4 or not (values[2] or values[3]):
                continue  # deleted listings and rows of text: no documents
            for i in columns:
                value = values[i] if i < len(values) else None
                if value is None:
                    continue
                text = unicodedata.normalize("NFKC", str(value))
                text = _PLAIN_DATE.sub(" ", text)
                while _PLAIN_BRACKETS.search(text):
                    text = _PLAIN_BRACKETS.sub(" ", text)
                total += sum(
                    1
                    for number in _PLAIN_NUMBER.findall(text)
                    if sum(char.isdigit() for char in number) >= 2
                )
    book.close()
    return total


def _documents(ds: Dataset) -> list[tuple[str, str, str, str | None]]:
    return [
        (entity.id, item.scheme, item.value, item.country and item.country.alpha2)
        for entity in ds.entities
        for item in entity.identifiers
        if item.scheme != "un_reference"
    ]


def test_real_file_every_document_number_is_an_identifier(real: Dataset) -> None:
    plain = _plain_document_numbers(shared_file(REAL))
    documents = _documents(real)
    # 520 numbers in the cells; the reader keeps 518: 2-742's "ロシア旅券番号8208 No.555627"
    # is a series and a number, which stays a note with a problem (below).
    assert plain == 520
    assert len(documents) == plain - 2 == 518
    assert collections.Counter(scheme for _, scheme, _, _ in documents) == {
        "passport": 348,  # with 2-615's "パスポート冊子番号 A2815665", a booklet number
        "national_id": 140,
        "other": 17,  # ration cards, residence, voter, student and military ids ...
        "travel_document": 3,  # "インドネシア渡航文書", "ドイツ渡航証明書", "レセパセ"
        "driving_licence": 2,  # "トリニダード・トバゴ運転免許証", "デンマーク偽造運転免許証"
        "birth_certificate": 2,  # "トリニダード・トバゴ出生証明書", "マリ出生証明番号"
        "tax_id": 6,  # the Italian fiscal codes of 2-294, 2-297, 2-298 and again on sheet 3
    }
    others = [item for entity in real.entities for item in entity.identifiers]
    assert all(item.label for item in others if item.scheme == "other")
    # Before: 44 passports and 14 national ids, only the cells holding a bare number.


def test_real_file_a_document_left_as_a_note_is_a_problem(real: Dataset) -> None:
    notes = {
        (entity.id.removeprefix("jp-mof-"), note.partition(": ")[2])
        for entity in real.entities
        for note in entity.notes
        if note.startswith(("Passport: ", "Identification number: "))
    }
    problems = {(p.record, p.value) for p in real.problems if p.field in _DOCUMENT_HEADERS}
    assert notes == problems
    # Before: 234 persons kept their passport cell and 120 their identity cell as notes.
    assert {record for record, _ in notes} == {"2-391", "2-638", "2-742"}


@pytest.mark.parametrize(
    ("entity_id", "expected"),
    [
        # "アフガニスタン旅券：SEー011697（1988年1月25日にカブールで発行、...）"
        ("jp-mof-2-11", [("passport", "SE-011697", "AF")]),
        # "アフガニスタン国民ＩＤカード(tazkira)番号: (a)2132370 (b)812673"
        ("jp-mof-2-8", [("national_id", "2132370", "AF"), ("national_id", "812673", "AF")]),
        # "(a)トリニダード・トバゴ共和国旅券 TB162181（２０１５年...） (b)アメリカ合衆国旅券
        # 420985453（...）" and "トリニダード・トバゴ共和国 19670704052"
        (
            "jp-mof-2-789",
            [
                ("passport", "TB162181", "TT"),
                ("passport", "420985453", "US"),
                ("national_id", "19670704052", "TT"),
            ],
        ),
        # "(b)Italian Fiscal Code（イタリア納税者番号）: DAOMMD74T11Z352Z"
        (
            "jp-mof-2-294",
            [
                ("passport", "L 191609", "TN"),
                ("national_id", "04643632", None),
                ("tax_id", "DAOMMD74T11Z352Z", "IT"),
            ],
        ),
        # "199110092、旅券失効日：...（北朝鮮旅券）；472220503、...（北朝鮮旅券）；654220197..."
        (
            "jp-mof-17-24",
            [
                ("passport", "199110092", "KP"),
                ("passport", "472220503", "KP"),
                ("passport", "654220197", "KP"),
            ],
        ),
        ("jp-mof-24-20", [("passport", "0002250", None), ("passport", "D000000483", None)]),
        ("jp-mof-17-76", [("passport", "752079640", "GB"), ("national_id", "G563542(9)", None)]),
    ],
)
def test_real_file_documents_read_from_prose(
    real: Dataset, entity_id: str, expected: list[tuple[str, str, str | None]]
) -> None:
    found = [(scheme, value, country) for e, scheme, value, country in _documents(real)]
    found = [
        item for item, owner in zip(found, _documents(real), strict=True) if owner[0] == entity_id
    ]
    assert found == expected


def test_real_file_a_document_keeps_its_text_as_its_note(real: Dataset) -> None:
    passport = person(real, "jp-mof-2-11").identifiers[0]
    assert passport.note == (
        "アフガニスタン旅券:SE-011697(1988年1月25日にカブールで発行、2000年2月23日に失効)"
    )


def test_real_file_approximate_and_hijri_birth_dates(real: Dataset) -> None:
    # 2-517: "1977年または1978年の頃" (around 1977 or 1978).
    assert person(real, "jp-mof-2-517").birth_dates == (
        PartialDate(1977, approximate=True),
        PartialDate(1978, approximate=True),
    )
    # 2-585: (a) 1982年4月19日 (b) 1982年4月18日 (c) "1402年6月24日(ヒジュラ暦)": the Hijri
    # date is converted (tabular calendar: 19 April 1982, approximate), not a problem.
    born = person(real, "jp-mof-2-585").birth_dates
    assert born == (
        PartialDate(1982, 4, 19),
        PartialDate(1982, 4, 18),
        PartialDate(1982, 4, 19, approximate=True),
    )
    assert born[2].calendar == "hijri"
    assert [p for p in real.problems if p.record == "2-585"] == []


# --- the old .xls (BIFF) workbook of 2022 -----------------------------------------------

REAL_XLS = "jp/jp-mof-2022-04-12.xls"


def _plain_xls_counts(path: Path) -> collections.Counter[str]:
    """Rows under each sheet's header, counted with calamine alone: named, deleted, text."""
    calamine = pytest.importorskip("python_calamine")
    book = calamine.CalamineWorkbook.from_path(str(path))
    counts: collections.Counter[str] = collections.Counter()
    for title in book.sheet_names:
        header: list[str] | None = None
        for values in book.get_sheet_by_name(title).iter_rows():
            keys = ["".join(unicodedata.normalize("NFKC", str(v)).split()) for v in values]
            if header is None:
                header = keys if "告示日付" in keys and "告示番号" in keys else None
                continue
            cells = dict(zip(header, (str(v).strip() for v in values), strict=False))
            if not any(cells.values()):
                continue
            if cells.get("日本語表記") or cells.get("英語表記"):
                counts["named"] += 1
            elif "削除" in cells["告示日付"]:
                counts["deleted"] += 1
            elif cells["告示日付"] or cells["告示番号"]:
                counts["numbered without a name"] += 1
            else:
                counts["text"] += 1
        counts["sheets with a header"] += header is not None
    book.close()
    return counts


@pytest.fixture(scope="module")
def real_xls() -> Dataset:
    return shared_dataset(REAL_XLS)


def test_the_old_xls_is_recognised_and_read_with_the_same_mapping(real_xls: Dataset) -> None:
    # 39 sheets in code page 932; calamine decodes them. The data README counts 1,953 listed
    # rows and 550 deletion markers; a plain pass finds 1,954 rows with a name (1,952 in both
    # scripts, one in English only, one in Japanese only) and the same 550 markers.
    plain = _plain_xls_counts(shared_file(REAL_XLS))
    assert plain["named"] == 1954
    assert plain["deleted"] == 550
    metadata = real_xls.metadata
    assert metadata["format"] == "jp-mof-xlsx"
    assert len(real_xls.designations) == len(real_xls.entities) == plain["named"]
    assert metadata["rows_deleted"] == plain["deleted"]
    assert metadata["rows_continued"] == plain["text"] == 12
    assert metadata["records_rejected"] == plain["numbered without a name"] == 2
    assert metadata["records_read"] == metadata["records_returned"] + metadata["records_rejected"]
    assert metadata["sheets"] == plain["sheets with a header"] == 35


def test_the_old_xls_keeps_japanese_text_from_code_page_932(real_xls: Dataset) -> None:
    # Sheet 1's first row as the workbook has it: 2002.3.1, No. 1, ミロシェヴィッチ・スロボダン.
    milosevic = real_xls.get("jp-mof-1-1")
    assert milosevic is not None
    assert milosevic.name == "Milosevic Slobodan"
    assert [alias.name for alias in milosevic.aliases][:1] == ["ミロシェヴィッチ・スロボダン"]
    designation = next(d for d in real_xls.designations if d.entity_id == milosevic.id)
    assert designation.listed is not None
    assert designation.listed.isoformat() == "2002-03-01"


def test_the_old_xls_excerpt_reads_without_the_shared_files() -> None:
    # tests/data/real/jp/jp-mof-2022-04-12-excerpt.xls: sheet 1's first three listings, sheet
    # 2's listings 1 (2011.11.18削除), 2, 274 (a number, no name: rejected) and 793 (an English
    # name only), sheet 16's listing 12 (a Japanese name only); the index sheet 一覧.
    path = Path(__file__).resolve().parents[1] / "data" / "real" / "jp"
    ds = jp_mof.read(path / "jp-mof-2022-04-12-excerpt.xls", name="jp-mof-2022-04-12.xls")
    assert [entity.id for entity in ds.entities] == [
        "jp-mof-1-1",
        "jp-mof-1-2",
        "jp-mof-1-3",
        "jp-mof-2-2",
        "jp-mof-2-793",
        "jp-mof-16-12",
    ]
    assert ds.metadata["rows_deleted"] == 2
    assert ds.metadata["records_rejected"] == 1
    assert [p.record for p in ds.problems] == ["2-274"]
    dandong = ds.get("jp-mof-16-12")
    assert dandong is not None
    assert (
        dandong.name
        == "ダンドン・ホンシャン・インダストリアル・デベロップメント・カンパニー・リミテッド"
    )
