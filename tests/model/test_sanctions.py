"""Specification of sanctionkit.model.sanctions: authorities, legal bases, designations, packages.

Examples follow the 24 May 2024 announcement and the issue: Japan's asset freeze, South
Korea's Ministry of Foreign Affairs, UN Security Council resolution 1718 (2006), which set up
the sanctions on North Korea, and US Executive Order 13382 (WMD proliferators).
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from attrs import AttrsInstance

from sanctionkit.model.sanctions import (
    Authority,
    AuthorityKind,
    Designation,
    LegalBasis,
    LegalBasisKind,
    Measure,
    SanctionPackage,
    StatedCount,
)
from sanctionkit.model.sources import Source
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

JP = Country.from_code("JP")
KR = Country.from_code("KR")


def _japan() -> Authority:
    return Authority(name="Government of Japan", country="Japan")


def _designation(**changes: object) -> Designation:
    fields: dict[str, object] = {
        "entity_id": "jp-mof-729",
        "authority": _japan(),
        "authority_ref": "729",
        "listed": "2024-05-24",
        "programmes": ["Russia"],
        "measures": ["asset_freeze"],
        "reasons": ["military assistance between Russia and North Korea"],
        "legal_basis": [LegalBasis(kind="un_resolution", number="1718", year=2006)],
        "sources": [Source(publisher="Ministry of Finance of Japan", published="2024-05-24")],
    }
    fields.update(changes)
    return Designation(**fields)  # type: ignore[arg-type]


EXAMPLES: dict[type, Callable[[], AttrsInstance]] = {
    Authority: lambda: Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry"),
    LegalBasis: lambda: LegalBasis(kind="un_resolution", number="1718", year=2006),
    Designation: _designation,
    StatedCount: lambda: StatedCount(
        kind="organization", count=11, description="groups in Russia and Cyprus"
    ),
    SanctionPackage: lambda: SanctionPackage(
        id="jp-2024-05-24",
        authority=_japan(),
        announced="2024-05-24",
        effective="2024-05-24",
        title="Asset freeze on 11 organisations and 1 individual",
        summary="Russia-North Korea military assistance",
        designations=[_designation()],
        legal_basis=[LegalBasis(kind="un_resolution", number="1718", year=2006)],
        measures=["asset_freeze"],
        stated_counts=[StatedCount(kind="organization", count=11)],
        notes=["done in cooperation with the US"],
        sources=[Source(publisher="Al Jazeera", published="2024-05-24")],
    ),
}


# Every record class: frozen, slotted, evolvable, equal by value, checked once in
# test_records.py over EXAMPLES.


def test_evolve_converts_the_new_value() -> None:
    assert attrs.evolve(_designation(), delisted="2025-01-01").delisted == PartialDate(2025, 1, 1)


def test_evolve_validates_the_new_value() -> None:
    with pytest.raises(ValueError, match="delisted"):
        attrs.evolve(_designation(), delisted="2023")


def test_the_text_a_country_was_parsed_from_does_not_affect_equality() -> None:
    by_code = Authority(name="Ministry of Foreign Affairs", country="KR")
    by_name = Authority(name="Ministry of Foreign Affairs", country="Republic of Korea")
    assert by_code == by_name
    assert hash(by_code) == hash(by_name)


# --- Authority ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["JP", "Japan", "JPN", JP])
def test_authority_country_accepts_a_code_a_name_or_a_country(value: str | Country) -> None:
    assert Authority(name="Government of Japan", country=value).country == JP


def test_an_international_authority_has_no_country() -> None:
    council = Authority(name="UN Security Council", kind="international_organization")
    assert council.country is None
    assert council.kind is AuthorityKind.INTERNATIONAL_ORGANIZATION


def test_an_authority_is_a_government_by_default() -> None:
    assert _japan().kind is AuthorityKind.GOVERNMENT


def test_authority_kind_accepts_its_lower_case_value() -> None:
    assert Authority(name="MOFA", country="KR", kind="ministry").kind is AuthorityKind.MINISTRY


def test_an_int_for_an_authority_country_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Authority(name="Government of Japan", country=392)  # type: ignore[arg-type]


# --- LegalBasis ---------------------------------------------------------------------------------


def test_a_un_resolution_reads_with_its_number_and_year() -> None:
    basis = LegalBasis(kind="un_resolution", number="1718", year=2006)
    assert str(basis) == "UN Security Council resolution 1718 (2006)"


def test_a_un_resolution_without_a_year_reads_with_its_number() -> None:
    assert str(LegalBasis(kind="un_resolution", number="2397")) == (
        "UN Security Council resolution 2397"
    )


def test_an_executive_order_reads_with_its_number() -> None:
    assert str(LegalBasis(kind="executive_order", number="13382")) == "Executive Order 13382"


def test_a_national_act_reads_as_its_title() -> None:
    title = "Foreign Exchange and Foreign Trade Act"
    assert str(LegalBasis(kind="national_act", title=title)) == title


def test_legal_basis_kind_accepts_its_lower_case_value() -> None:
    assert LegalBasis(kind="executive_order").kind is LegalBasisKind.EXECUTIVE_ORDER


def test_an_unknown_legal_basis_kind_raises_value_error() -> None:
    with pytest.raises(ValueError, match="treaty"):
        LegalBasis(kind="treaty")


def test_a_legal_basis_year_must_be_an_int() -> None:
    with pytest.raises(TypeError):
        LegalBasis(kind="un_resolution", number="1718", year="2006")  # type: ignore[arg-type]


# --- Measure ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "measure"),
    [
        ("asset_freeze", Measure.ASSET_FREEZE),
        ("travel_ban", Measure.TRAVEL_BAN),
        ("port_entry_ban", Measure.PORT_ENTRY_BAN),
        ("arms_embargo", Measure.ARMS_EMBARGO),
        ("export_ban", Measure.EXPORT_BAN),
        ("import_ban", Measure.IMPORT_BAN),
        ("financial_prohibition", Measure.FINANCIAL_PROHIBITION),
        ("other", Measure.OTHER),
    ],
)
def test_measures_accept_their_lower_case_values(value: str, measure: Measure) -> None:
    assert _designation(measures=[value]).measures == (measure,)


def test_an_unknown_measure_raises_value_error() -> None:
    with pytest.raises(ValueError, match="confiscation"):
        _designation(measures=["confiscation"])


def test_a_bare_string_for_measures_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _designation(measures="asset_freeze")


# --- Designation --------------------------------------------------------------------------------


def test_listed_accepts_iso_text_and_stores_a_partial_date() -> None:
    assert _designation(listed="2024-05-24").listed == PartialDate(2024, 5, 24)


def test_listed_refuses_range_text() -> None:
    with pytest.raises(ValueError, match="range"):
        _designation(listed="2023 to 2024")


def test_listed_refuses_a_date_range_object() -> None:
    with pytest.raises(ValueError, match="range"):
        _designation(listed=DateRange(PartialDate(2023), PartialDate(2024)))


def test_list_fields_store_tuples() -> None:
    designation = _designation(programmes=["DPRK3", "RUSSIA-EO14024"], reasons=["arms"])
    assert designation.programmes == ("DPRK3", "RUSSIA-EO14024")
    assert designation.reasons == ("arms",)


def test_a_designation_is_not_delisted_by_default() -> None:
    assert Designation(entity_id="e1", authority=_japan()).delisted is None


def test_delisted_before_listed_raises_value_error() -> None:
    with pytest.raises(ValueError, match="delisted"):
        _designation(listed="2024-05-24", delisted="2024-05-23")


def test_delisted_on_the_day_listed_is_accepted() -> None:
    designation = _designation(listed="2024-05-24", delisted="2024-05-24")
    assert designation.delisted == PartialDate(2024, 5, 24)


def test_a_delisting_month_that_may_follow_the_listing_day_is_accepted() -> None:
    # "2024-05" can mean 31 May, after 24 May: not known to be before.
    assert _designation(listed="2024-05-24", delisted="2024-05").delisted == PartialDate(2024, 5)


def test_a_string_for_the_authority_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _designation(authority="Government of Japan")


def test_a_string_for_a_source_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _designation(sources=["https://www.mof.go.jp/"])


def test_a_string_for_a_legal_basis_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _designation(legal_basis=["UNSCR 1718"])


# --- StatedCount --------------------------------------------------------------------------------


def test_a_stated_count_must_be_an_int() -> None:
    with pytest.raises(TypeError):
        StatedCount(kind="organization", count="11")  # type: ignore[arg-type]


def test_a_stated_count_needs_a_kind() -> None:
    with pytest.raises(ValueError, match=r"StatedCount\.kind"):
        StatedCount(kind="", count=11)


# --- SanctionPackage ----------------------------------------------------------------------------


def _package(**changes: object) -> SanctionPackage:
    fields: dict[str, object] = {
        "id": "kr-2024-05-24",
        "authority": Authority(name="Ministry of Foreign Affairs", country="KR"),
        "announced": "2024-05-24",
    }
    fields.update(changes)
    return SanctionPackage(**fields)  # type: ignore[arg-type]


def test_announced_accepts_iso_text_and_stores_a_partial_date() -> None:
    assert _package().announced == PartialDate(2024, 5, 24)


def test_announced_is_required() -> None:
    with pytest.raises(TypeError):
        _package(announced=None)


def test_announced_refuses_a_range() -> None:
    with pytest.raises(ValueError, match="range"):
        _package(announced="2024-05-20/2024-05-24")


def test_effective_accepts_iso_text_and_stores_a_partial_date() -> None:
    assert _package(effective="2024-06-01").effective == PartialDate(2024, 6, 1)


def test_package_designations_store_a_tuple() -> None:
    designation = _designation()
    assert _package(designations=[designation]).designations == (designation,)


def test_package_measures_accept_lower_case_values() -> None:
    package = _package(measures=["financial_prohibition", "port_entry_ban"])
    assert package.measures == (Measure.FINANCIAL_PROHIBITION, Measure.PORT_ENTRY_BAN)


def test_package_designations_must_be_designations() -> None:
    with pytest.raises(TypeError):
        _package(designations=["jp-mof-729"])


def test_package_authority_country_is_a_country() -> None:
    assert _package().authority.country == KR
