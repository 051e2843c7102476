"""Specification of sanctionkit.model.transfers: alleged transfers and the claims about them.

The examples are the announcement's: containers of ammunition from North Korea to Russia,
alleged by South Korea and others and denied by North Korea; Japan condemns; Russia calls
South Korea's sanctions a "hostile measure", which is about a sanction, not a transfer.
The issue says: "alleged by one party and denied by another is DISPUTED".
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from attrs import AttrsInstance

from sanctionkit.model.sanctions import Authority
from sanctionkit.model.sources import Source
from sanctionkit.model.transfers import (
    AllegedTransfer,
    Claim,
    EntityRef,
    Goods,
    GoodsCategory,
    Quantity,
    Stance,
    TransferStatus,
)
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

KP = Country.from_code("KP")
RU = Country.from_code("RU")


def _ammunition(*claims: Claim, **changes: object) -> AllegedTransfer:
    fields: dict[str, object] = {
        "id": "t-ammunition-kp-ru",
        "goods": Goods(description="containers of ammunition", category="ammunition"),
        "origin": "KP",
        "destination": "RU",
        "claims": list(claims),
    }
    fields.update(changes)
    return AllegedTransfer(**fields)  # type: ignore[arg-type]


def _claim(party: str, stance: str) -> Claim:
    return Claim(party=party, stance=stance)


EXAMPLES: dict[type, Callable[[], AttrsInstance]] = {
    EntityRef: lambda: EntityRef("jp-mof-ibex-shipping"),
    Goods: lambda: Goods(description="containers of ammunition", category="ammunition"),
    Quantity: lambda: Quantity(
        amount=1000, unit="container", approximate=True, text="thousands of containers"
    ),
    Claim: lambda: Claim(
        party="North Korea",
        stance="denies",
        date="2024-05-13/2024-05-19",
        statement="absurd paradox",
        source=Source(publisher="Al Jazeera", published="2024-05-24"),
    ),
    AllegedTransfer: lambda: _ammunition(
        _claim("KR", "alleges"),
        _claim("KP", "denies"),
        quantity=Quantity(amount=1000, unit="container", approximate=True),
        carriers=["v-maia-1", "v-maria"],
        period="2023",
        notes=["thousands of containers"],
        sources=[Source(publisher="Al Jazeera", published="2024-05-24")],
    ),
}


# Every record class: frozen, slotted, evolvable, equal by value, checked once in
# test_records.py over EXAMPLES.


def test_evolve_converts_the_new_value() -> None:
    assert attrs.evolve(_ammunition(), origin="Russia").origin == RU


def test_evolve_validates_the_new_value() -> None:
    with pytest.raises(ValueError, match=r"AllegedTransfer\.id"):
        attrs.evolve(_ammunition(), id="")


def test_the_text_a_country_was_parsed_from_does_not_affect_equality() -> None:
    by_code = Claim(party="KP", stance="denies")
    by_name = Claim(party="Democratic People's Republic of Korea", stance="denies")
    assert by_code == by_name
    assert hash(by_code) == hash(by_name)


# --- AllegedTransfer.status ---------------------------------------------------------------------


def test_a_transfer_without_claims_is_alleged() -> None:
    assert _ammunition().status is TransferStatus.ALLEGED


def test_a_transfer_with_only_allegations_is_alleged() -> None:
    transfer = _ammunition(_claim("KR", "alleges"), _claim("US", "alleges"))
    assert transfer.status is TransferStatus.ALLEGED


def test_a_condemnation_alone_leaves_a_transfer_alleged() -> None:
    assert _ammunition(_claim("JP", "condemns")).status is TransferStatus.ALLEGED


def test_alleged_by_one_party_and_denied_by_another_is_disputed() -> None:
    transfer = _ammunition(_claim("KR", "alleges"), _claim("KP", "denies"))
    assert transfer.status is TransferStatus.DISPUTED


def test_the_order_of_the_claims_does_not_change_the_status() -> None:
    transfer = _ammunition(_claim("KP", "denies"), _claim("KR", "alleges"))
    assert transfer.status is TransferStatus.DISPUTED


def test_condemned_by_one_party_and_denied_by_another_is_disputed() -> None:
    transfer = _ammunition(_claim("JP", "condemns"), _claim("KP", "denies"))
    assert transfer.status is TransferStatus.DISPUTED


def test_confirmed_by_one_party_and_denied_by_another_is_disputed() -> None:
    transfer = _ammunition(_claim("US", "confirms"), _claim("KP", "denies"))
    assert transfer.status is TransferStatus.DISPUTED


def test_a_transfer_with_only_denials_is_denied() -> None:
    transfer = _ammunition(_claim("KP", "denies"), _claim("RU", "denies"))
    assert transfer.status is TransferStatus.DENIED


def test_a_confirmation_without_a_denial_is_confirmed() -> None:
    transfer = _ammunition(_claim("KR", "alleges"), _claim("US", "confirms"))
    assert transfer.status is TransferStatus.CONFIRMED


def test_calling_a_sanction_hostile_alone_leaves_a_transfer_alleged() -> None:
    assert _ammunition(_claim("RU", "calls_hostile")).status is TransferStatus.ALLEGED


def test_calling_a_sanction_hostile_does_not_dispute_an_allegation() -> None:
    transfer = _ammunition(_claim("KR", "alleges"), _claim("RU", "calls_hostile"))
    assert transfer.status is TransferStatus.ALLEGED


def test_calling_a_sanction_hostile_does_not_assert_a_denied_transfer() -> None:
    transfer = _ammunition(_claim("RU", "calls_hostile"), _claim("KP", "denies"))
    assert transfer.status is TransferStatus.DENIED


def test_adding_a_denial_with_evolve_makes_an_alleged_transfer_disputed() -> None:
    alleged = _ammunition(_claim("KR", "alleges"))
    disputed = attrs.evolve(alleged, claims=[*alleged.claims, _claim("KP", "denies")])
    assert (alleged.status, disputed.status) == (TransferStatus.ALLEGED, TransferStatus.DISPUTED)


# --- AllegedTransfer fields ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["KP", "North Korea", "PRK", KP])
def test_origin_accepts_a_code_a_name_or_a_country(value: str | Country) -> None:
    assert _ammunition(origin=value).origin == KP


def test_origin_accepts_an_entity_reference() -> None:
    firm = EntityRef("jp-mof-ibex-shipping")
    assert _ammunition(origin=firm).origin == firm


def test_destination_is_stored_as_a_country() -> None:
    assert _ammunition(destination="Russia").destination == RU


def test_origin_and_destination_are_optional() -> None:
    transfer = AllegedTransfer(id="t1", goods=Goods(description="diesel", category="fuel"))
    assert (transfer.origin, transfer.destination) == (None, None)


def test_an_int_for_an_origin_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _ammunition(origin=408)


def test_an_int_for_a_destination_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _ammunition(destination=643)


def test_carriers_accept_a_list_and_store_a_tuple() -> None:
    assert _ammunition(carriers=["v-maia-1", "v-maria"]).carriers == ("v-maia-1", "v-maria")


def test_claims_accept_a_list_and_store_a_tuple() -> None:
    claim = _claim("KR", "alleges")
    assert _ammunition(claim).claims == (claim,)


def test_claims_must_be_claims() -> None:
    with pytest.raises(TypeError):
        _ammunition(claims=["North Korea denies"])


def test_period_accepts_a_single_date() -> None:
    assert _ammunition(period="2023-08").period == PartialDate(2023, 8)


def test_period_accepts_a_range() -> None:
    period = _ammunition(period="2022 to 2023").period
    assert period == DateRange(PartialDate(2022), PartialDate(2023))


def test_an_int_for_a_period_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _ammunition(period=2023)


def test_goods_are_required_to_be_goods() -> None:
    with pytest.raises(TypeError):
        _ammunition(goods="ammunition")


def test_a_string_for_a_quantity_raises_type_error() -> None:
    with pytest.raises(TypeError):
        _ammunition(quantity="thousands of containers")


# --- Goods and Quantity -------------------------------------------------------------------------


@pytest.mark.parametrize("category", list(GoodsCategory))
def test_goods_category_accepts_its_lower_case_value(category: GoodsCategory) -> None:
    assert Goods(description="x", category=category.value).category is category


def test_goods_category_values_are_the_lower_case_names() -> None:
    assert [category.value for category in GoodsCategory] == [
        "arms",
        "ammunition",
        "missiles",
        "military_equipment",
        "fuel",
        "dual_use",
        "funds",
        "workers",
        "other",
    ]


def test_an_unknown_goods_category_raises_value_error() -> None:
    with pytest.raises(ValueError, match="cars"):
        Goods(description="x", category="cars")


def test_goods_need_a_description() -> None:
    with pytest.raises(ValueError, match=r"Goods\.description"):
        Goods(description="", category="fuel")


def test_a_quantity_keeps_the_source_words() -> None:
    quantity = Quantity(amount=1000, approximate=True, text="thousands of containers")
    assert (quantity.amount, quantity.approximate, quantity.text) == (
        1000,
        True,
        "thousands of containers",
    )


def test_a_quantity_is_exact_by_default() -> None:
    assert Quantity(amount=3).approximate is False


def test_a_string_amount_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Quantity(amount="1000")  # type: ignore[arg-type]


def test_a_non_bool_approximate_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Quantity(amount=1000, approximate="yes")  # type: ignore[arg-type]


# --- EntityRef ----------------------------------------------------------------------------------


# --- Claim --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "stance"),
    [
        ("alleges", Stance.ALLEGES),
        ("denies", Stance.DENIES),
        ("condemns", Stance.CONDEMNS),
        ("confirms", Stance.CONFIRMS),
        ("calls_hostile", Stance.CALLS_HOSTILE),
    ],
)
def test_stance_accepts_its_lower_case_value(value: str, stance: Stance) -> None:
    assert Claim(party="KR", stance=value).stance is stance


def test_an_unknown_stance_raises_value_error() -> None:
    with pytest.raises(ValueError, match="doubts"):
        Claim(party="KR", stance="doubts")


def test_a_claim_with_stance_other_needs_stance_text() -> None:
    with pytest.raises(ValueError, match="stance_text"):
        Claim(party="CN", stance="other")


def test_a_claim_with_stance_other_and_stance_text_is_accepted() -> None:
    claim = Claim(party="CN", stance="other", stance_text="calls for restraint")
    assert (claim.stance, claim.stance_text) == (Stance.OTHER, "calls for restraint")


def test_a_blank_stance_text_raises_value_error() -> None:
    with pytest.raises(ValueError, match=r"Claim\.stance_text"):
        Claim(party="CN", stance="other", stance_text=" ")


@pytest.mark.parametrize("value", ["KP", "North Korea", "Korea, North", KP])
def test_claim_party_accepts_a_code_a_name_or_a_country(value: str | Country) -> None:
    assert Claim(party=value, stance="denies").party == KP


def test_claim_party_accepts_an_authority() -> None:
    ministry = Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry")
    assert Claim(party=ministry, stance="alleges").party == ministry


def test_claim_party_accepts_an_entity_reference() -> None:
    firm = EntityRef("jp-mof-ibex-shipping")
    assert Claim(party=firm, stance="denies").party == firm


def test_an_int_for_a_claim_party_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Claim(party=408, stance="denies")  # type: ignore[arg-type]


def test_claim_date_accepts_a_single_date() -> None:
    assert Claim(party="KP", stance="denies", date="2024-05").date == PartialDate(2024, 5)


def test_claim_date_accepts_a_range() -> None:
    claim = Claim(party="KP", stance="denies", date="2024-05-13/2024-05-19")
    assert claim.date == DateRange(PartialDate(2024, 5, 13), PartialDate(2024, 5, 19))


def test_a_string_for_a_claim_source_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Claim(party="KP", stance="denies", source="Al Jazeera")  # type: ignore[arg-type]
