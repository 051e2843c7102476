"""Each authority's identifier labels, mapped once: one document, one scheme, every reader.

Labels are as the official files write them: OFAC's idType and remark labels
(sdn.csv, consolidated.xml), the EU's identificationTypeCode, the UN's
TYPE_OF_DOCUMENT, the UK's column headers and Japan's document descriptions.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.formats._schemes import AUTHORITIES, identify, labels, scheme_for
from tests.conftest import shared_dataset

S = sk.IdentifierScheme
DOCS = Path(__file__).resolve().parents[2] / "docs" / "identifier-schemes.md"


@pytest.mark.parametrize(
    ("authority", "label", "scheme"),
    [
        # The example: the same OFAC entry's "Cedula No." from the XML and the CSV.
        ("ofac", "Cedula No.", S.NATIONAL_ID),
        # A driving licence, in the words of three lists: one scheme.
        ("ofac", "Driver's License No.", S.DRIVING_LICENCE),
        ("eu", "drivinglicence", S.DRIVING_LICENCE),
        ("jp", "トリニダード・トバゴ運転免許証892124B", S.DRIVING_LICENCE),
        ("ofac", "Government Gazette Number", S.REGISTRATION),
        ("ofac", "UK Company Number", S.REGISTRATION),
        ("ofac", "V.A.T. Number", S.VAT),
        ("ofac", "Legal Entity Number", S.LEI),  # "253400V1H6ART1UQ0N98" in sdn.csv
        ("ofac", "Digital Currency Address - XBT", S.CRYPTO_WALLET),
        ("ofac", "SSN", S.SOCIAL_SECURITY),
        ("ofac", "Travel Document Number", S.TRAVEL_DOCUMENT),
        ("eu", "travelcardid", S.TRAVEL_DOCUMENT),
        ("eu", "ID", S.NATIONAL_ID),  # compared without regard to case
        ("un", "Numéro de passeport ", S.PASSPORT),
        ("un", "National identification no.", S.NATIONAL_ID),
        ("un", "Afghan passport", S.PASSPORT),  # by pattern
        ("uk", "Passport Number", S.PASSPORT),
        ("uk", "business reg no", S.REGISTRATION),
        ("ftm", "taxNumber", S.TAX_ID),
        ("ftm", "driving_licence", S.DRIVING_LICENCE),  # what sanctionkit writes reads back
    ],
)
def test_labels_map_to_one_scheme(authority: str, label: str, scheme: sk.IdentifierScheme) -> None:
    assert scheme_for(authority, label) is scheme
    assert identify(authority, label) == (scheme, None)  # no label kept: the scheme says it


@pytest.mark.parametrize(
    ("authority", "label", "kept"),
    [
        ("ofac", "Website", "Website"),  # an idType of consolidated.xml with no scheme
        ("ofac", "Electoral Registry No.", "Electoral Registry No."),  # known, but other
        ("eu", "other", "other"),
        ("un", "Ration card number:", "Ration card number"),
        ("jp", "配給カード番号 1729765", "配給カード番号"),
        ("ftm", "Chamber of commerce", "Chamber of commerce"),
    ],
)
def test_an_unmapped_label_is_other_with_the_label_kept(
    authority: str, label: str, kept: str
) -> None:
    assert identify(authority, label) == (S.OTHER, kept)


def test_a_default_scheme_is_used_for_an_unknown_label_and_then_no_label_is_kept() -> None:
    # Japan: a document in the passport column that names no other kind is a passport.
    assert identify("jp", "アフガニスタン旅券", S.PASSPORT) == (S.PASSPORT, None)


def test_an_unknown_authority_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="'atlantis'; known: ofac, eu, un, uk, jp, seco, ftm"):
        scheme_for("atlantis", "Passport")


def test_every_label_maps_to_exactly_one_scheme_per_authority() -> None:
    for authority in AUTHORITIES:
        keys = [" ".join(label.split()).casefold() for label in labels(authority)]
        repeated = [key for key, count in collections.Counter(keys).items() if count > 1]
        assert repeated == [], authority


def test_the_docs_page_lists_every_scheme_and_every_label() -> None:
    page = DOCS.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| (.+) \|$", page, re.MULTILINE))
    for scheme in S:
        assert f"| `{scheme.value}` |" in page, scheme
    for authority in AUTHORITIES:
        for scheme in S:
            for label in labels(authority, scheme):
                if authority == "ftm" and label == scheme.value:
                    continue  # said once in the text
                assert f"`{label}`" in rows.get(scheme.value, ""), (authority, label)


def test_ofac_xml_and_csv_give_the_same_record_the_same_schemes() -> None:
    # consolidated.xml and cons_prim.csv are the same 2018 list in two exports. Before the
    # vocabulary, 182 numbers had a scheme from the XML ("government_gazette_number",
    # "uk_company_number", "bik_ru" ...) that the CSV called otherwise ("registration").
    xml = shared_dataset("ofac/consolidated-2018/consolidated.xml")
    csv = shared_dataset("ofac/consolidated-2018/cons_prim.csv")
    compared = 0
    for entity in xml.entities:
        other = csv.get(entity.id)
        assert other is not None
        schemes: dict[str, set[sk.IdentifierScheme]] = {}
        for number in other.identifiers:
            schemes.setdefault(number.value, set()).add(number.scheme)
        for number in entity.identifiers:
            if number.value in schemes:
                compared += 1
                assert number.scheme in schemes[number.value], (entity.id, number)
    assert compared == 666


def test_schemes_and_labels_survive_followthemoney_and_json_lines() -> None:
    numbers = (
        sk.Identifier(scheme="driving_licence", value="892124B", country="TT"),
        sk.Identifier(scheme="crypto_wallet", value="1AbCdEfGhJkLmNoPqRsTuVwXyZ123456"),
        sk.Identifier(scheme="other", value="12345", label="Electoral Registry No."),
    )
    person = sk.Person(id="p1", name="Someone", identifiers=numbers)
    dataset = sk.Dataset(entities=[person])
    for back in (sk.formats.ftm.loads(sk.formats.ftm.dumps(dataset)), sk.loads(sk.dumps(dataset))):
        assert back.problems == ()
        assert back.get("p1").identifiers == numbers
