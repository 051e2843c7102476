"""The built-in dataset holds the facts of the seed documents, each with its source.

Expected values are written here from the documents themselves: the article in
``../shared/seed/announcement-2024-05-24.txt``, ``../shared/seed/CORROBORATION.md``,
the Japanese Ministry of Finance list and OFAC's sdn.csv in ``../shared/data``.
Quotes are checked word for word against those files when they are present.
"""

from __future__ import annotations

import datetime
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import sanctionkit as sk
from tests.conftest import SHARED_DATA

SEED = SHARED_DATA.parent / "seed"
ROOT = Path(__file__).resolve().parents[1]
ARTICLE_DATE = datetime.date(2024, 5, 24)

DS = sk.builtin_dataset()


def package(package_id: str) -> sk.SanctionPackage:
    record = DS.get(package_id)
    assert isinstance(record, sk.SanctionPackage)
    return record


def transfer(transfer_id: str) -> sk.AllegedTransfer:
    record = DS.get(transfer_id)
    assert isinstance(record, sk.AllegedTransfer)
    return record


def designated(package_id: str) -> list[sk.Entity]:
    entities = [DS.get(d.entity_id) for d in package(package_id).designations]
    assert all(isinstance(entity, sk.Entity) for entity in entities)
    return entities  # type: ignore[return-value]


def names(entities: list[sk.Entity]) -> set[str]:
    return {entity.name for entity in entities}


def located_in(entity: sk.Entity) -> set[str]:
    roles = (sk.CountryRoleKind.LOCATION, sk.CountryRoleKind.RESIDENCE)
    return {item.country.alpha2 for item in entity.countries if item.role in roles}


# --- Japan, 24 May 2024 -------------------------------------------------------------------

# CORROBORATION.md: "sheet 28 ... MG-Flot LLC; M Leasing LLC; Azia Shipping Company; Joint Stock
# Company the 224th Flight Unit State Airlines; Vostochnaya Stevedoring Company LLC; Dunay
# Probable Naval Missile Facility; Command of the Military Transport Aviation; Vladimirovka
# Advanced Weapons and Research Complex; Ashuluk Firing Range."
JAPAN_RUSSIAN_ORGANISATIONS = {
    "MG-Flot LLC",
    "M Leasing LLC",
    "Azia Shipping Company",
    "Joint Stock Company the 224th Flight Unit State Airlines",
    "Vostochnaya Stevedoring Company LLC",
    "Dunay Probable Naval Missile Facility",
    "Command of the Military Transport Aviation",
    "Vladimirovka Advanced Weapons and Research Complex",
    "Ashuluk Firing Range",
}
JAPAN_CYPRIOT_ORGANISATIONS = {"IBEX Shipping INC", "Azia Shipping Holdings Limited"}


def test_japan_announced_an_asset_freeze_on_24_may_2024() -> None:
    japan = package("jp-2024-05-24")
    assert japan.authority.country == sk.Country.from_code("JP")
    assert japan.announced == sk.PartialDate(2024, 5, 24)
    assert sk.Measure.ASSET_FREEZE in japan.measures


def test_japan_designated_eleven_organisations_and_one_individual() -> None:
    entities = designated("jp-2024-05-24")
    assert len([e for e in entities if isinstance(e, sk.Organization)]) == 11
    assert [e.name for e in entities if isinstance(e, sk.Person)] == ["Vladimir Mikheychik"]


def test_japan_named_nine_organisations_and_the_individual_in_russia() -> None:
    entities = designated("jp-2024-05-24")
    in_russia = {e.name for e in entities if located_in(e) == {"RU"}}
    assert in_russia == JAPAN_RUSSIAN_ORGANISATIONS | {"Vladimir Mikheychik"}


def test_japan_named_two_shipping_firms_in_cyprus_at_the_mitsi_building() -> None:
    entities = [e for e in designated("jp-2024-05-24") if located_in(e) == {"CY"}]
    assert names(entities) == JAPAN_CYPRIOT_ORGANISATIONS
    for entity in entities:
        address = entity.addresses[0]
        assert "Mitsi Building" in address.full
        assert "Stasinou Avenue" in address.full
        assert (address.city, address.country) == ("Nicosia", sk.Country.from_code("CY"))


def test_mikheychik_is_the_general_director_of_the_224th_flight_unit_born_16_may_1970() -> None:
    person = DS.get("vladimir-mikheychik")
    assert isinstance(person, sk.Person)
    assert "Vladimir Mikheichik" in person.all_names
    assert person.birth_dates == (sk.PartialDate(1970, 5, 16),)
    assert any("General Director" in position for position in person.positions)


def test_japanese_names_are_kept_as_aliases_in_japanese_script() -> None:
    for entity in designated("jp-2024-05-24"):
        japanese = [alias for alias in entity.aliases if alias.language == "ja"]
        assert japanese, entity.name
        assert all(alias.script == "Jpan" for alias in japanese)


def test_every_japanese_designation_is_listed_on_24_may_2024_with_its_list_number() -> None:
    for designation in package("jp-2024-05-24").designations:
        assert designation.listed == sk.PartialDate(2024, 5, 24)
        assert re.fullmatch(r"(28|29|34)-\d+", designation.authority_ref or "")


def test_japan_cites_the_un_arms_embargo_on_north_korea() -> None:
    resolutions = {
        basis.number
        for basis in package("jp-2024-05-24").legal_basis
        if basis.kind is sk.LegalBasisKind.UN_RESOLUTION
    }
    assert "1718" in resolutions


def test_japan_condemns_the_alleged_deals() -> None:
    claims = transfer("kp-ru-ammunition").claims
    japan = [c for c in claims if c.party == sk.Country.from_code("JP")]
    assert [c.stance for c in japan] == [sk.Stance.CONDEMNS]
    assert japan[0].statement is not None
    assert "strongly condemns" in japan[0].statement


def test_the_article_counts_for_japan_are_kept_as_stated_counts() -> None:
    counts = {(c.kind, c.count) for c in package("jp-2024-05-24").stated_counts}
    assert {("organization", 11), ("person", 1), ("organization", 9), ("organization", 2)} <= counts


# --- South Korea, 24 May 2024 -------------------------------------------------------------

# CORROBORATION.md: seven North Korean individuals and two Russian vessels.
KOREAN_INDIVIDUALS = {
    "Rim Yong-hyok",
    "Han Hyok-chol",
    "Kim Jong-gil",
    "Jang Ho-yong",
    "Ri Kyong-sik",
    "Ri Yong-min",
    "Park Kwang-hyok",
}


def test_south_korea_designated_seven_north_korean_individuals() -> None:
    persons = [e for e in designated("kr-2024-05-24") if isinstance(e, sk.Person)]
    assert names(persons) == KOREAN_INDIVIDUALS  # type: ignore[arg-type]
    for person in persons:
        assert sk.Country.from_code("KP") in person.countries_with("nationality")


def test_south_korea_designated_the_russian_vessels_maia_1_and_maria() -> None:
    vessels = [e for e in designated("kr-2024-05-24") if isinstance(e, sk.Vessel)]
    assert names(vessels) == {"MAIA-1", "MARIA"}  # type: ignore[arg-type]
    assert {vessel.flag for vessel in vessels} == {sk.Country.from_code("RU")}


def test_south_korea_announced_on_24_may_2024_through_its_foreign_ministry() -> None:
    korea = package("kr-2024-05-24")
    assert korea.announced == sk.PartialDate(2024, 5, 24)
    assert korea.authority.country == sk.Country.from_code("KR")
    assert "Foreign Affairs" in korea.authority.name


def test_south_korea_bars_the_ships_from_port_without_special_permission() -> None:
    korea = package("kr-2024-05-24")
    assert sk.Measure.PORT_ENTRY_BAN in korea.measures
    assert any("special permission" in note for note in korea.measure_notes)


def test_south_korea_cites_resolutions_2375_and_2397() -> None:
    cited = {(b.number, b.year) for b in package("kr-2024-05-24").legal_basis}
    assert {("2375", 2017), ("2397", 2017)} <= cited


def test_the_articles_error_about_ships_is_recorded_with_both_readings() -> None:
    korea = package("kr-2024-05-24")
    counts = {(c.kind, c.count) for c in korea.stated_counts}
    assert ("vessel", 7) in counts  # the article: "seven North Korean ships"
    assert ("person", 7) in counts  # the corroborating reports: seven individuals
    note = " ".join(korea.notes)
    assert "seven North Korean ships" in note
    publishers = {c.source.publisher for c in korea.stated_counts if c.source is not None}
    assert len(publishers) >= 2


# --- United States, "in August" -------------------------------------------------------------


def test_the_articles_in_august_resolves_to_august_2023() -> None:
    assert sk.parse_date("in August", reference=ARTICLE_DATE) == sk.PartialDate(2023, 8)
    us = package("us-2023-08-16")
    assert us.announced == sk.PartialDate(2023, 8, 16)
    assert us.authority.country == sk.Country.from_code("US")


def test_the_us_designated_three_entities_with_their_registration_numbers() -> None:
    expected = {
        "LIMITED LIABILITY COMPANY VERUS": ("RU", "2021-02-10", {"9701170663", "1217700053493"}),
        "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP": (
            "KZ",
            "2018-11-27",
            {"181140030924"},
        ),
        "VERSOR S.R.O.": ("SK", "2012-04-14", {"2023480030", "46622764"}),
    }
    entities = designated("us-2023-08-16")
    assert names(entities) == set(expected)
    for entity in entities:
        assert isinstance(entity, sk.Organization)
        country, founded, numbers = expected[entity.name]
        assert sk.Country.from_code(country) in entity.countries_with("jurisdiction")
        assert entity.incorporated == sk.parse_date(founded)
        assert {number.value for number in entity.registration_numbers} == numbers


def test_the_us_entities_are_linked_to_ashot_mkrtychev() -> None:
    for entity in designated("us-2023-08-16"):
        assert any("Mkrtychev" in note for note in entity.notes), entity.name


# --- Alleged transfers ---------------------------------------------------------------------


def test_ammunition_from_north_korea_to_russia_is_disputed() -> None:
    ammunition = transfer("kp-ru-ammunition")
    assert ammunition.goods.category is sk.GoodsCategory.AMMUNITION
    assert (ammunition.origin, ammunition.destination) == (
        sk.Country.from_code("KP"),
        sk.Country.from_code("RU"),
    )
    assert ammunition.status is sk.TransferStatus.DISPUTED
    assert ammunition.quantity is not None
    assert ammunition.quantity.approximate
    assert ammunition.quantity.text == "thousands of containers"


def test_north_korea_denied_last_week_in_its_own_words() -> None:
    denials = [
        c
        for c in transfer("kp-ru-ammunition").claims
        if c.stance is sk.Stance.DENIES and c.party == sk.Country.from_code("KP")
    ]
    assert len(denials) == 1
    assert denials[0].date == sk.parse_date("last week", reference=ARTICLE_DATE)
    assert denials[0].statement is not None
    assert "no intention of exporting our military technical capabilities" in (denials[0].statement)


def test_south_korea_alleges_the_ships_carried_military_supplies() -> None:
    ammunition = transfer("kp-ru-ammunition")
    alleging = {c.party for c in ammunition.claims if c.stance is sk.Stance.ALLEGES}
    assert sk.Country.from_code("KR") in alleging
    assert set(ammunition.carriers) == {"vessel-maia-1", "vessel-maria"}


def test_russia_called_south_koreas_sanctions_a_hostile_measure_last_month() -> None:
    hostile = [
        c
        for t in DS.transfers
        for c in t.claims
        if c.stance is sk.Stance.CALLS_HOSTILE and c.party == sk.Country.from_code("RU")
    ]
    assert len(hostile) == 1
    assert hostile[0].date == sk.parse_date("last month", reference=ARTICLE_DATE)


def test_diesel_went_from_russia_to_north_korea() -> None:
    diesel = transfer("ru-kp-diesel")
    assert diesel.goods.category is sk.GoodsCategory.FUEL
    assert (diesel.origin, diesel.destination) == (
        sk.Country.from_code("RU"),
        sk.Country.from_code("KP"),
    )


def test_the_cyprus_firms_allegedly_helped_transport_weapons_from_north_korea() -> None:
    weapons = transfer("kp-weapons-via-cyprus")
    assert weapons.origin == sk.Country.from_code("KP")
    assert weapons.status is sk.TransferStatus.ALLEGED
    mentioned = " ".join(weapons.notes)
    assert "ibex-shipping-inc" in mentioned
    assert "azia-shipping-holdings-limited" in mentioned


# --- Sources ---------------------------------------------------------------------------------


def all_sources() -> Iterator[tuple[str, sk.Source]]:
    """(where, source) for every source the dataset cites."""
    for entity in DS.entities:
        yield from ((entity.id, source) for source in entity.sources)
    for record in DS.packages:
        yield from ((record.id, source) for source in record.sources)
        for count in record.stated_counts:
            if count.source is not None:
                yield record.id, count.source
        for designation in record.designations:
            yield from ((designation.entity_id, source) for source in designation.sources)
    for record in DS.transfers:
        yield from ((record.id, source) for source in record.sources)
        yield from ((record.id, c.source) for c in record.claims if c.source is not None)


def test_every_record_cites_a_source_with_a_quoted_sentence() -> None:
    records = [*DS.entities, *DS.packages, *DS.transfers, *DS.designations]
    assert all(record.sources for record in records)
    assert all(source.quote for _, source in all_sources())


def _words(text: str) -> str:
    return " ".join(text.split())


def test_article_quotes_are_sentences_of_the_article() -> None:
    path = SEED / "announcement-2024-05-24.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    article = _words(path.read_text(encoding="utf-8"))
    quotes = {s.quote for _, s in all_sources() if (s.publisher or "").startswith("BNC")}
    assert len(quotes) >= 8
    assert {q for q in quotes if q is not None and _words(q) not in article} == set()


def test_corroboration_quotes_are_in_the_corroboration_note() -> None:
    path = SEED / "CORROBORATION.md"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    note = _words(path.read_text(encoding="utf-8"))
    quotes = {s.quote for _, s in all_sources() if "CORROBORATION.md" in (s.title or "")}
    assert quotes
    assert {q for q in quotes if q is not None and _words(q) not in note} == set()


def test_ofac_quotes_are_lines_of_the_sdn_file() -> None:
    path = SHARED_DATA / "ofac" / "sdn-csv-2024-05" / "sdn-2024-05-03.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    lines = {line.strip() for line in path.read_text(encoding="latin-1").splitlines()}
    quotes = {s.quote for _, s in all_sources() if "sdn.csv" in (s.title or "")}
    assert len(quotes) >= 5
    assert {q for q in quotes if q is not None and q.strip() not in lines} == set()


def test_ministry_of_finance_quotes_are_rows_of_the_list() -> None:
    path = SHARED_DATA / "jp" / "shisantouketsu20260305.xlsx"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells_of_rows: list[set[str]] = []
    headings: set[str] = set()
    for sheet in workbook.worksheets:
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            cells = {_cell(value) for value in row if value not in (None, "")}
            cells_of_rows.append(cells)
            if number == 0:
                headings.update(cell.splitlines()[0] for cell in cells)
    quotes = {s.quote for _, s in all_sources() if s.publisher == "Ministry of Finance, Japan"}
    rows = {quote for quote in quotes if quote is not None and " | " in quote}
    assert len(rows) == 12  # the twelve designations of 24 May 2024
    for quote in rows:
        cells = set(quote.split(" | "))
        assert any(cells <= row for row in cells_of_rows), quote
    assert quotes - rows <= headings


def _cell(value: object) -> str:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value)


# --- The data file -----------------------------------------------------------------------------


def test_the_data_file_is_what_the_hand_written_facts_build() -> None:
    if importlib.util.find_spec("attrs") is None:  # pragma: no cover - attrs is a dependency
        pytest.skip("attrs missing")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import builtin_dataset
    finally:
        sys.path.remove(str(ROOT / "tools"))
    built = builtin_dataset.build()
    assert built == DS
    # Record for record, line for line; the header of DS also counts what was read.
    assert sk.dumps(built).splitlines()[1:] == sk.dumps(DS).splitlines()[1:]


def test_the_builtin_dataset_has_no_problems_and_is_shared() -> None:
    assert DS.problems == ()
    assert sk.builtin_dataset() is DS
