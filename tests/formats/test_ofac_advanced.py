"""OFAC's advanced XML: the real consolidated file (2020), its excerpt, and small cases.

Counts come from a plain ElementTree pass over the same file, and are stated:
cons_advanced.xml (DateOfIssue 2020-03-17) holds 375 DistinctParty (82 with
PartySubTypeID 4, individuals; 293 with 3, entities), 759 SanctionsEntry and
276 ProfileRelationship (all "Owned or Controlled By").
"""

from __future__ import annotations

import datetime
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import sanctionkit as sk
from sanctionkit.formats import ofac_advanced
from sanctionkit.formats._ofac_advanced_parts import period
from sanctionkit.model import AliasQuality, CountryRoleKind, Dataset, Organization, Person
from tests.conftest import shared_dataset, shared_file

REAL = "ofac/advanced-2020/cons_advanced.xml"
EXCERPT = (
    Path(__file__).resolve().parents[1] / "data/real/ofac_advanced/cons_advanced-2020-excerpt.xml"
)
NS = "{http://www.un.org/sanctions/1.0}"


@pytest.fixture(scope="module")
def real() -> Dataset:
    return shared_dataset(REAL)


@pytest.fixture(scope="module")
def plain() -> ET.Element:
    """The same file by a plain parser, to count what the reader should find."""
    return ET.parse(shared_file(REAL)).getroot()


def test_counts_are_the_files_own(real: Dataset, plain: ET.Element) -> None:
    parties = list(plain.iter(NS + "DistinctParty"))
    subtypes = [profile.get("PartySubTypeID") for profile in plain.iter(NS + "Profile")]
    assert (len(parties), subtypes.count("4"), subtypes.count("3")) == (375, 82, 293)
    assert len(list(plain.iter(NS + "SanctionsEntry"))) == 759
    assert len(list(plain.iter(NS + "ProfileRelationship"))) == 276
    assert (len(real), len(real.persons), len(real.organizations)) == (375, 82, 293)
    assert len(real.designations) == 375
    assert len(real.relationships) == 276
    meta = real.metadata
    assert (meta["records_read"], meta["records_returned"], meta["records_rejected"]) == (
        375,
        375,
        0,
    )
    assert meta["sanctions_entries"] == 759
    assert meta["format"] == "ofac-advanced-xml"
    assert meta["publish_date"] == "2020-03-17"  # <DateOfIssue> 2020 / 3 / 17
    assert real.problems == ()


def test_low_quality_aliases_are_weak_and_fka_former(real: Dataset, plain: ET.Element) -> None:
    def names(wanted: str, value: str) -> set[tuple[str | None, str]]:
        """(party, name) of each alias with ``wanted="value"``: a party lists one twice."""
        return {
            (
                party.get("FixedRef"),
                " ".join(part.text or "" for part in alias.iter(NS + "NamePartValue")),
            )
            for party in plain.iter(NS + "DistinctParty")
            for alias in party.iter(NS + "Alias")
            if alias.get(wanted) == value
        }

    low = names("LowQuality", "true")
    fka = names("AliasTypeID", "1401")  # 1401 is F.K.A.
    # 31 LowQuality="true" aliases; 18769 has "VYSOKOTOCHNYE KOMPLEKSY" twice, and
    # 18812's "NMZ OAO" is a low-quality F.K.A.: a former name, as the other OFAC readers say.
    assert (len(low), len(fka), len(low & fka)) == (30, 84, 1)
    kept = {
        (entity.id.removeprefix("ofac-"), alias.name, alias.quality)
        for entity in real
        for alias in entity.aliases
    }
    assert {(p, n) for p, n, q in kept if q is AliasQuality.WEAK} == low - fka
    assert {(p, n) for p, n, q in kept if q is AliasQuality.FORMER} == fka


def test_a_persons_name_parts_become_given_then_family_name(real: Dataset) -> None:
    # <NamePartValue NamePartGroupID="38251">HANIYA</...> is group 38251, type 1520 (Last
    # Name); "Ismail Abdul Salah" is 38252, 1521 (First Name).
    haniya = real.get("ofac-9639")
    assert isinstance(haniya, Person)
    assert haniya.name == "Ismail Abdul Salah HANIYA"
    assert [alias.name for alias in haniya.aliases] == [
        "HANIYA, Ismail Abdul Salah",  # the list's own form
        "Ismail HANIYA",
        "Ismaeel HANIYYA",
    ]
    assert [date.isoformat() for date in haniya.birth_dates] == ["1962"]  # 1962-01-01..12-31
    assert [place.full for place in haniya.birth_places] == ["Shati"]


def test_sanctions_entries_give_the_designation_and_its_listing_date(real: Dataset) -> None:
    # Two entries: 10009639 on the Non-SDN PLC list on 2006-04-12, 70009639 on the
    # Consolidated List on 2014-10-10; both Reject, programme NS-PLC (Comment).
    (designation,) = real.designations_of("ofac-9639")
    assert designation.listed is not None
    assert designation.listed.isoformat() == "2006-04-12"
    assert designation.programmes == ("NS-PLC",)
    assert designation.measures == (sk.Measure.FINANCIAL_PROHIBITION,)
    assert "on the Non-SDN Palestinian Legislative Council List since 2006-04-12" in (
        designation.measure_notes
    )
    assert [str(basis) for basis in designation.legal_basis] == [
        "General License 4 Under EO 13224 (Terrorism)"
    ]


def test_ownership_answers_who_owns_what(real: Dataset, plain: ET.Element) -> None:
    owned_by_rosneft = sorted(
        f"ofac-{link.get('From-ProfileID')}"
        for link in plain.iter(NS + "ProfileRelationship")
        if link.get("To-ProfileID") == "17022"
    )
    assert len(owned_by_rosneft) == 18
    assets = real.assets_of("ofac-17022")
    assert sorted(entity.id for entity in assets) == owned_by_rosneft
    assert real.assets_of("ofac-17022", sk.Vessel) == sk.EntityView([])
    (controller,) = real.controllers_of("ofac-18267")  # relationship 2211: 18267 → 17022
    assert controller.id == "ofac-17022"


def test_features_map_to_countries_gender_and_identifiers(real: Dataset) -> None:
    kayakiran = real.get("ofac-26182")  # Gender Male; Citizenship Country: location "Turkey"
    assert isinstance(kayakiran, Person)
    assert kayakiran.gender is sk.Gender.MALE
    assert [(role.country.alpha2, role.role) for role in kayakiran.countries] == [
        ("TR", CountryRoleKind.CITIZENSHIP)
    ]
    vtb = real.get("ofac-17013")
    assert isinstance(vtb, Organization)
    numbers = {(identifier.scheme, identifier.value) for identifier in vtb.identifiers}
    assert {("swift_bic", "VTBRRUMM"), ("tax_id", "7702070139")} <= numbers
    # IDRegDocument 9477: IssuedIn-LocationID 1009477, a location named "Russia".
    assert any(
        identifier.note == "Registration ID, issued in Russia" for identifier in vtb.identifiers
    )
    rosneft = real.get("ofac-17022")
    assert rosneft is not None
    assert rosneft.addresses[0].full == "26/1 Sofiyskaya Embankment, Moscow, 115035, Russia"


def test_the_excerpt_reads_strictly_with_its_two_relationships() -> None:
    ds = sk.load(EXCERPT, strict=True)
    root = ET.parse(EXCERPT).getroot()
    assert len(ds) == len(list(root.iter(NS + "DistinctParty"))) == 8
    assert len(ds.relationships) == len(list(root.iter(NS + "ProfileRelationship"))) == 2
    assert [(link.subject_id, link.object_id) for link in ds.relationships] == [
        ("ofac-18267", "ofac-17022"),
        ("ofac-18268", "ofac-17015"),
    ]
    lengipro = ds.get("ofac-23552")  # Nationality of Registration: a location "Russia"
    assert lengipro is not None
    assert (CountryRoleKind.REGISTRATION, "RU") in {
        (role.role, role.country.alpha2) for role in lengipro.countries
    }


def test_a_stream_and_a_path_read_alike() -> None:
    from_path = ofac_advanced.read(EXCERPT, name="x.xml")
    from_stream = ofac_advanced.read(io.BytesIO(EXCERPT.read_bytes()), name="x.xml")
    assert from_path == from_stream
    assert from_path.relationships == from_stream.relationships


# --- small documents: the quirks ----------------------------------------------------------

_HEAD = b"""<Sanctions xmlns="http://www.un.org/sanctions/1.0">
<ReferenceValueSets>
 <AliasTypeValues><AliasType ID="1403">Name</AliasType></AliasTypeValues>
 <NamePartTypeValues><NamePartType ID="1525">Entity Name</NamePartType></NamePartTypeValues>
 <PartySubTypeValues><PartySubType ID="3" PartyTypeID="2">Unknown</PartySubType>
 </PartySubTypeValues>
 <PartyTypeValues><PartyType ID="2">Entity</PartyType></PartyTypeValues>
 <RelationTypeValues><RelationType ID="1">Owned or Controlled By</RelationType>
  <RelationType ID="2">Associate Of</RelationType></RelationTypeValues>
</ReferenceValueSets>
"""


def _party(ref: str, name: str | None) -> bytes:
    alias = (
        ""
        if name is None
        else f"""<Alias AliasTypeID="1403" Primary="true"><DocumentedName><DocumentedNamePart>
        <NamePartValue NamePartGroupID="{ref}0">{name}</NamePartValue></DocumentedNamePart>
        </DocumentedName></Alias>"""
    )
    return f"""<DistinctParty FixedRef="{ref}"><Profile ID="{ref}" PartySubTypeID="3">
    <Identity ID="{ref}" Primary="true">{alias}<NamePartGroups><MasterNamePartGroup>
    <NamePartGroup ID="{ref}0" NamePartTypeID="1525"/></MasterNamePartGroup></NamePartGroups>
    </Identity></Profile></DistinctParty>""".encode()


def _document(parties: bytes, relationships: bytes = b"", entries: bytes = b"") -> bytes:
    return (
        _HEAD
        + b"<DistinctParties>"
        + parties
        + b"</DistinctParties><ProfileRelationships>"
        + relationships
        + b"</ProfileRelationships><SanctionsEntries>"
        + entries
        + b"</SanctionsEntries></Sanctions>"
    )


def test_a_party_without_a_name_is_rejected_and_its_links_reported() -> None:
    data = _document(
        _party("1", "OWNER LTD") + _party("2", None),
        b'<ProfileRelationship ID="7" From-ProfileID="2" To-ProfileID="1" RelationTypeID="1"/>',
        b'<SanctionsEntry ID="9" ProfileID="3"/>',
    )
    ds = ofac_advanced.read(io.BytesIO(data), name="t.xml")
    assert (ds.metadata["records_read"], ds.metadata["records_rejected"]) == (2, 1)
    assert [entity.id for entity in ds] == ["ofac-1"]
    assert ds.relationships == ()
    codes = [problem.code for problem in ds.problems]
    assert codes == ["rejected-record", "unknown-profile", "unknown-profile"]
    assert ds.problems[1].record == "7"
    assert ds.problems[2].record == "9"
    with pytest.raises(sk.ReadError, match="record has no name"):
        ofac_advanced.read(io.BytesIO(data), name="t.xml", strict=True)


def test_relation_types_map_to_kinds_and_keep_the_words() -> None:
    data = _document(
        _party("1", "A") + _party("2", "B"),
        b'<ProfileRelationship ID="7" From-ProfileID="1" To-ProfileID="2" RelationTypeID="2"'
        b' Former="true"/>',
    )
    (link,) = ofac_advanced.read(io.BytesIO(data), name="t.xml").relationships
    assert link.kind is sk.RelationshipKind.ASSOCIATE_OF
    assert (link.former, link.note) == (True, "Associate Of (relationship 7)")


def test_sniff_wants_the_un_namespace() -> None:
    assert ofac_advanced.sniff(_HEAD)
    assert not ofac_advanced.sniff(b'<Sanctions xmlns="urn:other">')
    assert sk.load(io.BytesIO(_document(_party("1", "A")))).metadata["format"] == (
        "ofac-advanced-xml"
    )


@pytest.mark.parametrize(
    ("begin", "end", "expected"),
    [
        ((1962, 5, 3), (1962, 5, 3), "1962-05-03"),
        ((1962, 5, 1), (1962, 5, 31), "1962-05"),
        ((1962, 1, 1), (1962, 12, 31), "1962"),
        ((1960, 1, 1), (1962, 12, 31), "1960/1962"),
        ((1960, 3, 1), (1960, 4, 30), "1960-03/1960-04"),
        ((1960, 3, 2), (1960, 4, 30), "1960-03-02/1960-04-30"),
    ],
)
def test_a_period_keeps_the_precision_its_ends_share(
    begin: tuple[int, int, int], end: tuple[int, int, int], expected: str
) -> None:
    assert period(datetime.date(*begin), datetime.date(*end), False).isoformat() == expected


def test_a_date_period_with_unsure_ends_is_a_range() -> None:
    data = _document(_party("1", "A")).replace(
        b'<Profile ID="1" PartySubTypeID="3">',
        b"""<Profile ID="1" PartySubTypeID="3"><Feature FeatureTypeID="8"><FeatureVersion>
        <DatePeriod><Start Approximate="true"><From><Year>1960</Year><Month>1</Month>
        <Day>1</Day></From><To><Year>1960</Year><Month>12</Month><Day>31</Day></To></Start>
        <End><From><Year>1962</Year><Month>1</Month><Day>1</Day></From><To><Year>1962</Year>
        <Month>12</Month><Day>31</Day></To></End></DatePeriod></FeatureVersion></Feature>""",
    )
    data = data.replace(
        b"<AliasTypeValues>",
        b'<FeatureTypeValues><FeatureType ID="8">Organization Established Date</FeatureType>'
        b"</FeatureTypeValues><AliasTypeValues>",
    )
    entity = ofac_advanced.read(io.BytesIO(data), name="t.xml").get("ofac-1")
    # A range is no one date of incorporation: kept as a note.
    assert isinstance(entity, Organization)
    assert entity.notes == ("Organization Established Date: 1960~/1962~",)


def test_a_vessels_second_imo_number_is_an_alternative_not_a_replacement() -> None:
    # A vessel (PartySubType "Vessel", as in cons_advanced.xml) with two IMO documents,
    # the second in another number, then a third that is no IMO number at all.
    head = _HEAD.replace(
        b"</PartySubTypeValues>",
        b'<PartySubType ID="1" PartyTypeID="4">Vessel</PartySubType></PartySubTypeValues>'
        b'<IDRegDocTypeValues><IDRegDocType ID="1626">Vessel Registration Identification'
        b"</IDRegDocType></IDRegDocTypeValues>",
    ).replace(b"</PartyTypeValues>", b'<PartyType ID="4">Vessel</PartyType></PartyTypeValues>')
    documents = b"".join(
        b'<IDRegDocument ID="%d" IDRegDocTypeID="1626" IdentityID="5">'
        b"<IDRegistrationNo>IMO %s</IDRegistrationNo></IDRegDocument>" % (number, imo)
        for number, imo in ((1, b"9187629"), (2, b"9166778"), (3, b"123"))
    )
    party = _party("5", "TANKER").replace(b'PartySubTypeID="3"', b'PartySubTypeID="1"')
    data = _document(party).replace(
        _HEAD, head + b"<IDRegDocuments>" + documents + b"</IDRegDocuments>"
    )
    ds = ofac_advanced.read(io.BytesIO(data), name="t.xml")
    vessel = ds.get("ofac-5")
    assert isinstance(vessel, sk.Vessel)
    assert vessel.imo == "9187629"
    assert [(i.scheme, i.value, i.note) for i in vessel.identifiers] == [
        ("imo", "9166778", "alt. IMO")
    ]
    assert [problem.field for problem in ds.problems] == ["imo"]
