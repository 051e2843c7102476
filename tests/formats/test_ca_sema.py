"""The Canada SEMA consolidated list reader: hand-written fixtures, real excerpts, the real file.

The real excerpts (tests/data/real/ca, provenance in tests/data/real/README.md)
are whole records copied byte for byte from the official files: the older
layout from a 2020 ``sema-lmes.xml``, the 2025 layout from the 2025-03-20 file.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import ca_sema
from sanctionkit.model import Dataset, LegalBasisKind, Organization, Person, Vessel
from sanctionkit.values.dates import DateRange, PartialDate
from tests.conftest import shared_file

DATA = Path(__file__).resolve().parents[1] / "data" / "ca"
SMALL = DATA / "sema-2025-small.xml"
OLDER = Path(__file__).resolve().parents[1] / "data" / "real" / "ca" / "sema-2020-04-15-excerpt.xml"
REAL = "ca/sema-2025-03-20.xml"


@pytest.fixture(scope="module")
def small() -> Dataset:
    return ca_sema.read(SMALL, name="sema-2025-small.xml")


@pytest.fixture(scope="module")
def older() -> Dataset:
    return ca_sema.read(OLDER, name="sema-lmes.xml")


@pytest.fixture(scope="module")
def older_records() -> list[dict[str, str]]:
    """The older excerpt's records as a plain ElementTree pass sees them, not the reader."""
    return [
        {child.tag: (child.text or "") for child in record}
        for record in ET.parse(OLDER).getroot().iter("record")
    ]


def person(ds: Dataset, entity_id: str) -> Person:
    found = ds.get(entity_id)
    assert isinstance(found, Person)
    return found


def organization(ds: Dataset, entity_id: str) -> Organization:
    found = ds.get(entity_id)
    assert isinstance(found, Organization)
    return found


def vessel(ds: Dataset, entity_id: str) -> Vessel:
    found = ds.get(entity_id)
    assert isinstance(found, Vessel)
    return found


def designation_of(ds: Dataset, entity_id: str):  # type: ignore[no-untyped-def]
    return next(d for d in ds.designations if d.entity_id == entity_id)


def read_text(xml: str) -> Dataset:
    return ca_sema.read(io.BytesIO(xml.encode()), name="t.xml")


# --- detection and metadata ----------------------------------------------------------


def test_sniff_recognises_the_list() -> None:
    assert ca_sema.sniff(SMALL.read_bytes()[:4096])
    assert ca_sema.sniff(OLDER.read_bytes()[:4096])


def test_sniff_refuses_another_data_set_and_other_lists() -> None:
    assert not ca_sema.sniff(b"<data-set><record><name>x</name></record></data-set>")
    assert not ca_sema.sniff(b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x">')


def test_metadata_names_the_format_the_list_and_the_layout(small: Dataset) -> None:
    assert small.metadata["format"] == "ca-sema-xml"
    assert small.metadata["list"] == "Consolidated Canadian Autonomous Sanctions List"
    assert small.metadata["layout"] == "2025"
    assert small.metadata["latest_listing_date"] == "2025-03-20"


def test_the_file_has_no_publish_date_so_the_metadata_gives_none(small: Dataset) -> None:
    assert "publish_date" not in small.metadata


# --- counts and ids ------------------------------------------------------------------


def test_counts_add_up(small: Dataset) -> None:
    metadata = small.metadata
    assert metadata["records_read"] == 16
    assert metadata["records_returned"] == 14
    assert metadata["records_rejected"] == 2
    assert len(small) == len(small.designations) == 14


def test_a_record_without_a_name_is_rejected(small: Dataset) -> None:
    assert "ca-haiti-part-1-99" not in small
    assert any(p.record == "ca-haiti-part-1-99" and "no name" in p.message for p in small.problems)


def test_a_record_without_an_item_is_rejected(small: Dataset) -> None:
    assert any("no Item" in p.message for p in small.problems)


def test_ids_are_regime_schedule_and_item(small: Dataset) -> None:
    assert person(small, "ca-belarus-1-part-1-8").name == "Aleksandr Grigoryevich Lukashenko"
    assert person(small, "ca-syria-part-2-63").name == "Aous Aslan"
    assert vessel(small, "ca-russia-1.1-1").name == "Balitiyskiy III"


def test_without_a_schedule_the_id_is_regime_and_item(small: Dataset) -> None:
    assert person(small, "ca-zimbabwe-177").name == "Cesar Zvayi"


def test_a_regime_with_an_acronym_is_named_by_it(small: Dataset) -> None:
    assert person(small, "ca-jvcfor-1").name == "Nicolás MADURO MOROS"


def test_schedule_spacing_does_not_change_the_id(small: Dataset) -> None:
    # "1,Part 3" in the file: the same schedule as "1, Part 3".
    plant = organization(small, "ca-belarus-1-part-3-2")
    assert plant.name == 'Open Joint Stock Company "Minsk Electrotechnical Plant"'
    assert designation_of(small, plant.id).authority_ref == "Schedule 1, Part 3, item 2"


def test_two_records_with_one_place_keep_both(small: Dataset) -> None:
    assert organization(small, "ca-belarus-1-part-3-2-2").name == "Twice Listed LLC"
    (problem,) = [p for p in small.problems if p.field == "Item"]
    assert "ca-belarus-1-part-3-2-2" in problem.message


def test_the_same_file_gives_the_same_ids_and_entities() -> None:
    first = ca_sema.read(SMALL, name="sema-2025-small.xml")
    second = ca_sema.read(io.BytesIO(SMALL.read_bytes()), name="sema-2025-small.xml")
    assert [e.id for e in first] == [e.id for e in second]
    assert list(first) == list(second)
    assert first.designations == second.designations


# --- kinds of entity -----------------------------------------------------------------


def test_a_record_with_names_is_a_person_given_name_first(small: Dataset) -> None:
    assert person(small, "ca-sudan-part-1-1").name == "Abdelrahim Hamdan Dagalo"


def test_a_record_with_only_a_last_name_is_a_person() -> None:
    ds = read_text(
        "<data-set><record><Country>Myanmar (Burma) / Myanmar (Birmanie)</Country>"
        "<LastName>Thaung</LastName><Schedule>Part 2</Schedule><Item>24</Item></record></data-set>"
    )
    assert person(ds, "ca-myanmar-burma-part-2-24").name == "Thaung"


def test_entity_or_ship_without_ship_details_is_an_organization(small: Dataset) -> None:
    assert isinstance(small.get("ca-russia-1-part-2-561"), Organization)


def test_a_ship_has_its_imo_type_and_build_year(small: Dataset) -> None:
    ship = vessel(small, "ca-russia-1.1-1")
    assert ship.imo == "7612448"
    assert ship.vessel_type == "General Cargo / Multi Purpose"
    assert ship.build_year == 1980


def test_a_build_date_with_a_month_gives_its_year(small: Dataset) -> None:
    assert vessel(small, "ca-russia-1.1-2").build_year == 2004


def test_a_bad_imo_check_digit_is_a_problem_and_the_ship_is_kept(small: Dataset) -> None:
    ship = vessel(small, "ca-russia-1.1-2")
    assert ship.imo is None
    assert "IMO number as listed (not valid): 7612449" in ship.notes
    (problem,) = [p for p in small.problems if p.field == "ShipIMONumber"]
    assert (problem.record, problem.value) == ("ca-russia-1.1-2", "7612449")
    assert "check digit" in problem.message


def test_the_russia_ship_schedule_makes_a_vessel_even_without_an_imo(small: Dataset) -> None:
    ship = vessel(small, "ca-russia-1.1-3")
    assert (ship.name, ship.imo, ship.build_year) == ("Alliance", None, None)


# --- names and aliases ---------------------------------------------------------------


def test_white_space_and_no_break_spaces_are_one_space(small: Dataset) -> None:
    assert person(small, "ca-syria-part-2-63").name == "Aous Aslan"  # "Aous\xa0" in the file


def test_aliases_are_split_and_labels_give_the_language(small: Dataset) -> None:
    aliases = person(small, "ca-belarus-1-part-1-8").aliases
    assert [(a.name, a.language, a.script) for a in aliases] == [
        ("Alyaksandr Lukashenka", None, "Latn"),
        ("Аляксандр Рыгоравіч Лукашэнка", "be", "Cyrl"),
        ("Александр Григорьевич Лукашенко", "ru", "Cyrl"),
        ("Лукашенко А.Г.", "ru", "Cyrl"),
    ]


def test_a_label_without_a_separator_before_it_still_splits(small: Dataset) -> None:
    names = [(a.name, a.language) for a in person(small, "ca-sudan-part-1-1").aliases]
    assert names[-2:] == [("Abdelrahim Dagalo", None), ("عبدالرحيم دقلو", "ar")]


def test_separators_in_brackets_and_legal_forms_do_not_split(small: Dataset) -> None:
    names = [a.name for a in organization(small, "ca-russia-1-part-2-561").aliases]
    assert names[1:] == ["Северная верфь, ПАО", "Центральный институт (ЦНИИ, АО)", "ЦНИИ"]


def test_also_known_as_in_the_name_is_an_alias(small: Dataset) -> None:
    plant = organization(small, "ca-russia-1-part-2-561")
    assert plant.name == "Shipbuilding Plant “Severnaya Verf”"
    assert plant.aliases[0].name == "Severnaya Verf Shipbuilding Factory"


def test_an_english_and_french_name_is_a_name_and_a_french_alias(small: Dataset) -> None:
    army = organization(small, "ca-iran-1-part-1-40")
    assert army.name == "Iranian Army"
    assert [(a.name, a.language) for a in army.aliases] == [("Armée iranienne", "fr")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mosgorsud;\nМосковский городской суд or Мосгорсуд",
            ["Mosgorsud", "Московский городской суд", "Мосгорсуд"],
        ),
        ("ООО «Альфа» / ООО «Альфа-Б»", ["ООО «Альфа»", "ООО «Альфа-Б»"]),
        ("Alexander, or Alexandr Kalinin", ["Alexander", "Alexandr Kalinin"]),
        ("(Владимир РУЩАК / Володимир РУЩАК", ["Владимир РУЩАК", "Володимир РУЩАК"]),
        ("ОАО, БЭТО", ["ОАО БЭТО"]),
        ("GORT/ORTAS", ["GORT/ORTAS"]),
        # The 2025-03-20 file: "also" before the first alias of ILNITSKY (item 1366), and the
        # ", and" before the last alias of Schedule 1, Part 2, item 249: words, not names.
        (
            "also Andrey Mikhailovich Ilnitsky; Андрей Михайлович Ильницкий",
            ["Andrey Mikhailovich Ilnitsky", "Андрей Михайлович Ильницкий"],
        ),
        (
            "СКТБ РТ, and Специальное конструкторско-технологическое бюро по релейной технике, АО",
            ["СКТБ РТ", "Специальное конструкторско-технологическое бюро по релейной технике, АО"],
        ),
    ],
)
def test_split_aliases(text: str, expected: list[str]) -> None:
    assert [name for name, _ in ca_sema.split_aliases(text)] == expected


# --- persons -------------------------------------------------------------------------


def test_a_birth_date_is_a_date(small: Dataset) -> None:
    assert person(small, "ca-belarus-1-part-1-8").birth_dates == (PartialDate(1954, 8, 30),)


def test_alternative_birth_years_are_two_dates(small: Dataset) -> None:
    assert person(small, "ca-belarus-1-part-1-9").birth_dates == (
        PartialDate(1963),
        PartialDate(1964),
    )


def test_a_year_span_is_a_range(small: Dataset) -> None:
    assert person(small, "ca-belarus-1-part-1-10").birth_dates == (
        DateRange(PartialDate(1963), PartialDate(1964)),
    )


def test_a_birth_date_in_words_is_a_problem_and_a_note(small: Dataset) -> None:
    dagalo = person(small, "ca-sudan-part-1-1")
    assert dagalo.birth_dates == ()
    assert "Date of birth: born in the early 1970s" in dagalo.notes
    (problem,) = [p for p in small.problems if p.field == "DateOfBirthOrShipBuildDate"]
    assert (problem.file, problem.record) == ("sema-2025-small.xml", "ca-sudan-part-1-1")


def test_a_title_is_a_position(small: Dataset) -> None:
    assert person(small, "ca-syria-part-2-63").positions == ("General/général",)


def test_an_unknown_element_is_a_note_and_a_problem(small: Dataset) -> None:
    assert (
        "Remarks: listed twice by mistake" in organization(small, "ca-belarus-1-part-3-2-2").notes
    )
    assert any(p.field == "Remarks" for p in small.problems)


def test_the_regime_is_no_country_of_the_entity(small: Dataset) -> None:
    assert all(entity.countries == () for entity in small)


# --- designations --------------------------------------------------------------------


def test_one_designation_per_record_by_canada(small: Dataset) -> None:
    designation = designation_of(small, "ca-belarus-1-part-1-8")
    assert designation.authority.name == "Government of Canada"
    assert designation.authority.country is not None
    assert designation.authority.country.alpha2 == "CA"
    assert designation.authority_ref == "Schedule 1, Part 1, item 8"
    assert designation.listed == PartialDate(2020, 9, 28)
    assert designation.programmes == ("Belarus / Bélarus",)
    (basis,) = designation.legal_basis
    assert basis.kind is LegalBasisKind.NATIONAL_ACT
    assert str(basis) == "Special Economic Measures Act"


def test_references_follow_the_schedule_s_shape(small: Dataset) -> None:
    assert designation_of(small, "ca-syria-part-2-63").authority_ref == "Schedule, Part 2, item 63"
    assert designation_of(small, "ca-zimbabwe-177").authority_ref == "item 177"
    assert designation_of(small, "ca-russia-1.1-1").authority_ref == "Schedule 1.1, item 1"


def test_the_jvcfor_regime_rests_on_the_magnitsky_law(small: Dataset) -> None:
    (basis,) = designation_of(small, "ca-jvcfor-1").legal_basis
    assert (
        basis.title == "Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law)"
    )


def test_one_source_for_the_whole_file(small: Dataset) -> None:
    sources = {s for e in small for s in e.sources} | {
        s for d in small.designations for s in d.sources
    }
    (source,) = sources
    assert source.publisher == "Global Affairs Canada"
    assert source.title == "Consolidated Canadian Autonomous Sanctions List (sema-2025-small.xml)"
    assert source.url is not None
    assert source.url.endswith("/sanctions/sema-lmes.xml")


def test_shared_values_are_one_object(small: Dataset) -> None:
    belarus = [d for d in small.designations if d.programmes == ("Belarus / Bélarus",)]
    assert len({id(d.programmes[0]) for d in belarus}) == 1
    assert len({id(d.authority) for d in small.designations}) == 1


# --- the older layout (a real 2020 excerpt) ------------------------------------------


def test_the_older_excerpt_is_every_record_a_plain_parse_sees(
    older: Dataset, older_records: list[dict[str, str]]
) -> None:
    # 12 records: 3 with Entity, 9 with LastName; none lost (before: 3 rejected, no name).
    assert len(older_records) == 12
    assert older.metadata["records_read"] == older.metadata["records_returned"] == 12
    assert older.metadata["records_rejected"] == 0
    with_entity = [r for r in older_records if "Entity" in r]
    with_names = [r for r in older_records if "LastName" in r or "GivenName" in r]
    assert len(older.organizations) == len(with_entity) == 3
    assert len(older.persons) == len(with_names) == 9
    assert older.problems == ()


def test_the_older_layout_is_named_and_has_no_listing_dates(older: Dataset) -> None:
    assert older.metadata["layout"] == "older"
    assert "latest_listing_date" not in older.metadata
    assert {d.listed for d in older.designations} == {None}


def test_an_older_entity_is_an_organization_with_its_aliases(older: Dataset) -> None:
    # <Entity>Air Bagan</Entity><Aliases>Air Bagan Holdings Pte. Ltd., Air Bagan Limited</Aliases>
    air_bagan = organization(older, "ca-burma-1-1")
    assert air_bagan.name == "Air Bagan"
    assert [a.name for a in air_bagan.aliases] == [
        "Air Bagan Holdings Pte. Ltd.",
        "Air Bagan Limited",
    ]
    assert designation_of(older, "ca-burma-1-1").authority_ref == "Schedule 1, item 1"


def test_an_older_english_and_french_entity_name_is_split(older: Dataset) -> None:
    aio = organization(older, "ca-iran-1-1")
    assert aio.name == "Aerospace Industries Organization (AIO)"
    assert [(a.name, a.language) for a in aio.aliases] == [
        ("Organisation iranienne des industries aérospatiales", "fr")
    ]


@pytest.mark.parametrize(
    ("entity_id", "expected"),
    [
        ("ca-burma-2-1", ["1933-02-02"]),  # <DateOfBirth>1933-02-02</DateOfBirth>
        ("ca-burma-2-13", ["1955"]),
        ("ca-burma-2-24", ["1937-07-06"]),  # Thaung: a last name only
        ("ca-jvcfor-1-54", ["1972-08-10", "1972-08-11"]),  # "1972-08-10 or 1972-08-11"
        ("ca-zimbabwe-1", ["1924-02-21"]),
    ],
)
def test_an_older_date_of_birth_is_a_birth_date(
    older: Dataset, entity_id: str, expected: list[str]
) -> None:
    found = person(older, entity_id)
    assert [str(date) for date in found.birth_dates] == expected
    assert not any(note.startswith("DateOfBirth") for note in found.notes)


def test_every_older_date_of_birth_is_read(
    older: Dataset, older_records: list[dict[str, str]]
) -> None:
    with_birth = [r for r in older_records if r.get("DateOfBirth")]
    assert len(with_birth) == 5
    assert sum(1 for p in older.persons if p.birth_dates) == len(with_birth)


def test_an_older_title_is_a_position(older: Dataset) -> None:
    # <Title>Major General/major-général</Title> <LastName>Al-Ahmad</LastName> ... Jumah
    general = person(older, "ca-syria-2-60")
    assert general.name == "Jumah Al-Ahmad"
    assert general.positions == ("Major General/major-général",)
    assert person(older, "ca-syria-2-128").positions == ()


def test_a_schedule_written_n_a_is_no_schedule(older: Dataset) -> None:
    # Venezuela and Zimbabwe write <Schedule>N/A</Schedule>: the 2025 files leave it out.
    assert person(older, "ca-zimbabwe-1").name == "Robert Gabriel Mugabe"
    assert designation_of(older, "ca-zimbabwe-1").authority_ref == "item 1"
    assert designation_of(older, "ca-venezuela-1").programmes == ("Venezuela",)


def test_one_person_under_two_regimes_is_two_listings(older: Dataset) -> None:
    maduro = [p.id for p in older.persons if p.name == "Nicolás MADURO MOROS"]
    assert maduro == ["ca-jvcfor-1-1", "ca-venezuela-1"]


def test_an_older_ship_is_a_vessel() -> None:
    # Early-2025 files listed ships in the older names (Entity, Title, DateOfBirth) with
    # ShipIMONumber; no real copy of one was found, so this record follows that layout.
    ds = read_text(
        "<data-set><record><Country>Russia / Russie</Country><Entity>Musa Jalil</Entity>"
        "<Title>General Cargo</Title><ShipIMONumber>8846814</ShipIMONumber>"
        "<DateOfBirth>1989</DateOfBirth><Schedule>1.1</Schedule><Item>2</Item>"
        "</record></data-set>"
    )
    ship = vessel(ds, "ca-russia-1.1-2")
    assert (ship.name, ship.imo, ship.vessel_type, ship.build_year) == (
        "Musa Jalil",
        "8846814",
        "General Cargo",
        1989,
    )
    assert ds.metadata["layout"] == "older"


def test_an_older_unreadable_date_names_the_field_as_written() -> None:
    ds = read_text(
        "<data-set><record><Country>Sudan</Country><LastName>X</LastName>"
        "<DateOfBirth>born in the early 1970s</DateOfBirth><Item>1</Item></record></data-set>"
    )
    assert [(p.field, p.value) for p in ds.problems] == [("DateOfBirth", "born in the early 1970s")]
    assert person(ds, "ca-sudan-1").notes == ("Date of birth: born in the early 1970s",)


def test_older_names_with_listing_dates_are_the_older_layout() -> None:
    # Files from late 2024 already had DateOfListing but still the older names.
    ds = read_text(
        "<data-set><record><Country>Iran</Country><Entity>A</Entity><Schedule>1</Schedule>"
        "<Item>1</Item><DateOfListing>2024-10-01</DateOfListing></record></data-set>"
    )
    assert ds.metadata["layout"] == "older"
    assert ds.metadata["latest_listing_date"] == "2024-10-01"


def test_the_older_layout_is_sniffed_by_its_entity_field() -> None:
    assert ca_sema.sniff(b'<?xml version="1.0"?><data-set><record><Entity>Air Bagan</Entity>')


# --- strict mode and safety ----------------------------------------------------------


def test_strict_mode_raises_the_first_problem() -> None:
    with pytest.raises(ReadError) as caught:
        ca_sema.read(SMALL, name="sema-2025-small.xml", strict=True)
    assert (caught.value.problem.record, caught.value.problem.value) == (
        "ca-russia-1.1-2",
        "7612449",
    )


# --- the real file -------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> tuple[Path, Dataset]:
    path = shared_file(REAL)
    return path, ca_sema.read(path, name=path.name)


@pytest.fixture(scope="module")
def real_records() -> dict[tuple[str, str, str], dict[str, str]]:
    """Every record of the real file by (Country, Schedule, Item): a plain pass, not the reader."""
    path = shared_file(REAL)
    found = {}
    for record in ET.parse(path).getroot().iter("record"):
        fields = {child.tag: (child.text or "") for child in record}
        key = (
            fields["Country"].strip(),
            fields.get("Schedule", "").strip(),
            fields["Item"].strip(),
        )
        found[key] = fields
    return found


def test_real_every_record_is_read_and_kept(
    real: tuple[Path, Dataset], real_records: dict[tuple[str, str, str], dict[str, str]]
) -> None:
    path, ds = real
    records = sum(1 for _, element in ET.iterparse(path) if element.tag == "record")
    assert records == 4759 == len(real_records)  # (Country, Schedule, Item) is unique
    assert ds.metadata["records_read"] == ds.metadata["records_returned"] == records
    assert ds.metadata["records_rejected"] == 0
    assert len({entity.id for entity in ds}) == records


def test_real_persons_organizations_and_ships(
    real: tuple[Path, Dataset], real_records: dict[tuple[str, str, str], dict[str, str]]
) -> None:
    _, ds = real
    named = [f for f in real_records.values() if f.get("LastName") or f.get("GivenName")]
    with_imo = [f for f in real_records.values() if f.get("ShipIMONumber", "").strip()]
    assert len(ds.persons) == len(named) == 3334
    assert len(with_imo) == 109
    assert len(ds.vessels) == 109  # every ship in this file has an IMO number
    assert sum(1 for ship in ds.vessels if ship.imo) == 109
    assert len(ds.organizations) == 4759 - 3334 - 109
    assert {ship.imo for ship in ds.vessels} == {f["ShipIMONumber"].strip() for f in with_imo}


def test_real_problems_are_the_one_unreadable_birth_date(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    assert sorted((p.record, p.value) for p in ds.problems) == [
        ("ca-sudan-part-1-1", "born in the early 1970s"),
    ]


def test_real_listing_dates(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    assert ds.metadata["layout"] == "2025"
    assert ds.metadata["latest_listing_date"] == "2025-03-20"
    assert all(d.listed is not None for d in ds.designations)


def test_real_lukashenko(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    lukashenko = person(ds, "ca-belarus-1-part-1-8")
    assert lukashenko.name == "Aleksandr Grigoryevich Lukashenko"
    assert lukashenko.birth_dates == (PartialDate(1954, 8, 30),)
    designation = designation_of(ds, lukashenko.id)
    assert designation.authority_ref == "Schedule 1, Part 1, item 8"
    assert designation.listed == PartialDate(2020, 9, 28)
    assert designation.programmes == ("Belarus / Bélarus",)


def test_real_ship_north_sky(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    ship = vessel(ds, "ca-russia-1.1-109")
    assert (ship.name, ship.imo, ship.vessel_type, ship.build_year) == (
        "North Sky",
        "9953523",
        "LNG Tanker",
        2024,
    )
    assert designation_of(ds, ship.id).listed == PartialDate(2025, 2, 21)


def test_real_maduro_under_jvcfor(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    maduro = person(ds, "ca-jvcfor-1")
    assert maduro.name == "Nicolás MADURO MOROS"
    designation = designation_of(ds, maduro.id)
    assert (designation.authority_ref, designation.listed) == ("item 1", PartialDate(2017, 11, 3))
    assert designation.programmes[0].startswith("Justice for Victims of Corrupt Foreign Officials")


def test_real_iran_aerospace_industries(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    aio = organization(ds, "ca-iran-1-part-1-1")
    assert aio.name == "Aerospace Industries Organization (AIO)"
    assert [a.name for a in aio.aliases] == ["Organisation iranienne des industries aérospatiales"]
    assert designation_of(ds, aio.id).listed == PartialDate(2016, 2, 5)


def test_real_moscow_city_court(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    court = organization(ds, "ca-russia-1-part-3-17")
    assert [a.name for a in court.aliases] == [
        "Mosgorsud",
        "Московский городской суд",
        "Мосгорсуд",
    ]
    assert designation_of(ds, court.id).authority_ref == "Schedule 1, Part 3, item 17"


def test_real_mordashov_birth_month_has_an_inferred_century(real: tuple[Path, Dataset]) -> None:
    _, ds = real
    mordashov = person(ds, "ca-russia-1-part-1-1114")
    assert mordashov.name == "Kirill Alekseevich MORDASHOV"
    # <DateOfBirthOrShipBuildDate>Sep-99</DateOfBirthOrShipBuildDate>
    assert [str(d) for d in mordashov.birth_dates] == ["1999-09"]
    assert mordashov.birth_dates[0].year_inferred
    assert [a.name for a in mordashov.aliases] == ["Кирилл Алексеевич Мордашов"]
