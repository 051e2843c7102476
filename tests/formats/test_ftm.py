"""FollowTheMoney entity JSON lines: writing (checked by followthemoney), reading, round trip.

Expected values come from the FtM schema (followthemoney 4.11.2: property names, the
"IMO1234567" form of IMO numbers, lower-case country codes, "suhh" for the Soviet Union)
and from the real OpenSanctions excerpt in ../shared/data/ftm, not from this module.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

import sanctionkit as sk
from sanctionkit.errors import ReadError
from sanctionkit.formats import ftm
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    AliasQuality,
    Authority,
    CountryRole,
    Dataset,
    Designation,
    Gender,
    Identifier,
    Organization,
    Person,
    Vessel,
)
from sanctionkit.values.dates import DateRange, PartialDate
from tests.conftest import shared_file

REAL = "ftm/entities.ftm.json"


def lines_of(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def by_id(text: str) -> dict[str, dict[str, Any]]:
    return {line["id"]: line for line in lines_of(text)}


def props_of(text: str, entity_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = by_id(text)[entity_id]["properties"]
    return found


def line(entity_id: str, schema: str, **properties: list[str]) -> str:
    return json.dumps({"id": entity_id, "schema": schema, "properties": properties})


# --- detection -------------------------------------------------------------------------


def test_sniff_recognises_an_opensanctions_export() -> None:
    assert ftm.sniff(shared_file(REAL).read_bytes()[:4096])


def test_sniff_recognises_a_first_line_longer_than_the_head() -> None:
    long_line = line("p1", "Person", name=["X" * 5000]).encode()
    assert ftm.sniff(long_line[:4096])


def test_sniff_refuses_sanctionkit_json_lines_and_xml() -> None:
    assert not ftm.sniff(b'{"format": "sanctionkit", "version": 1}\n')
    assert not ftm.sniff(b'<?xml version="1.0"?><sdnList>')
    assert not ftm.sniff(b'{"id": "x", "schema": "Person"}\n')


# --- writing: the mapping --------------------------------------------------------------

KR = Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry")


def test_a_vessel_is_written_with_ftm_vessel_properties() -> None:
    owner = Organization(id="ibex", name="IBEX SHIPPING INC")
    ship = Vessel(
        id="vessel-maria",
        name="MARIA",
        aliases=[Alias(name="OLD MARIA", quality="former")],
        imo="8517839",
        mmsi="273123456",
        call_sign="UBRH7",
        flag="RU",
        past_flags=["PA"],
        past_names=["SEA MARIA"],
        vessel_type="General Cargo",
        tonnage=9611,
        build_year=1986,
        owner_id="ibex",
    )
    props = props_of(ftm.dumps(Dataset(entities=[owner, ship])), "vessel-maria")
    assert props == {
        "name": ["MARIA"],
        "previousName": ["OLD MARIA", "SEA MARIA"],
        "imoNumber": ["IMO8517839"],
        "mmsi": ["273123456"],
        "callSign": ["UBRH7"],
        "flag": ["ru"],
        "pastFlags": ["pa"],
        "type": ["General Cargo"],
        "tonnage": ["9611"],
        "buildDate": ["1986"],
        "owner": ["ibex"],
    }


def test_a_person_is_written_with_names_by_quality_and_countries_by_role() -> None:
    person = Person(
        id="p1",
        name="Han Hyok-chol",
        aliases=[
            Alias(name="Han Hyok Chol"),
            Alias(name="Han", quality=AliasQuality.WEAK),
            Alias(name="Han Hyok-chul", quality=AliasQuality.FORMER),
        ],
        countries=[
            CountryRole(country="KP", role="nationality"),
            CountryRole(country="KP", role="citizenship"),
            CountryRole(country="RU", role="residence"),
        ],
        birth_dates=["1962-05-03"],
        birth_places=[Address(full="Pyongyang", country="KP")],
        gender=Gender.MALE,
        positions=["Head of Taeryong Trading Corporation"],
        notes=["A note."],
        sources=[sk.Source(url="https://example.org/a", publisher="IANS")],
    )
    props = props_of(ftm.dumps(Dataset(entities=[person])), "p1")
    assert props == {
        "name": ["Han Hyok-chol"],
        "alias": ["Han Hyok Chol"],
        "weakAlias": ["Han"],
        "previousName": ["Han Hyok-chul"],
        "nationality": ["kp"],
        "citizenship": ["kp"],
        "country": ["ru"],
        "birthDate": ["1962-05-03"],
        "birthPlace": ["Pyongyang"],
        "birthCountry": ["kp"],
        "gender": ["male"],
        "position": ["Head of Taeryong Trading Corporation"],
        "notes": ["A note."],
        "sourceUrl": ["https://example.org/a"],
        "publisher": ["IANS"],
    }


def test_an_approximate_birth_date_is_written_as_its_prefix_with_a_note() -> None:
    person = Person(id="p", name="P", birth_dates=["circa 1962"])
    props = props_of(ftm.dumps(Dataset(entities=[person])), "p")
    assert props["birthDate"] == ["1962"]
    assert props["notes"] == ["Date of birth: approximately 1962"]


def test_a_birth_date_range_is_written_as_both_ends_with_a_note() -> None:
    person = Person(id="p", name="P", birth_dates=[DateRange(PartialDate(1960), PartialDate(1962))])
    props = props_of(ftm.dumps(Dataset(entities=[person])), "p")
    assert props["birthDate"] == ["1960", "1962"]
    assert props["notes"] == ["Date of birth: between 1960 and 1962"]


def test_historical_states_use_ftm_codes_and_others_become_a_note() -> None:
    soviet = Person(id="p", name="P", countries=[CountryRole(country="SUHH", role="nationality")])
    east_german = Person(
        id="q", name="Q", countries=[CountryRole(country="DDDE", role="citizenship")]
    )
    burmese = Person(id="r", name="R", countries=[CountryRole(country="BUMM", role="nationality")])
    text = ftm.dumps(Dataset(entities=[soviet, east_german, burmese]))
    assert props_of(text, "p")["nationality"] == ["suhh"]
    assert props_of(text, "q")["citizenship"] == ["dd"]
    assert "nationality" not in props_of(text, "r")
    assert "Burma" in props_of(text, "r")["notes"][0]


def test_an_organization_with_registration_numbers_is_a_company() -> None:
    verus = Organization(
        id="verus",
        name="LIMITED LIABILITY COMPANY VERUS",
        incorporated="2021-02-10",
        identifiers=[Identifier(scheme="tax_id", value="9701170663", country="RU")],
        countries=[CountryRole(country="RU", role="jurisdiction")],
    )
    plain = Organization(id="vta", name="VTA Command", kind="military unit")
    text = ftm.dumps(Dataset(entities=[verus, plain]))
    lines = by_id(text)
    assert lines["verus"]["schema"] == "Company"
    assert lines["verus"]["properties"]["taxNumber"] == ["9701170663"]
    assert lines["verus"]["properties"]["incorporationDate"] == ["2021-02-10"]
    assert lines["verus"]["properties"]["jurisdiction"] == ["ru"]
    assert lines["vta"]["schema"] == "Organization"
    assert lines["vta"]["properties"]["classification"] == ["military unit"]


def test_identifiers_become_identification_and_passport_entities() -> None:
    person = Person(
        id="p",
        name="P",
        identifiers=[
            Identifier(scheme="passport", value="745120301", country="KP", expires="2024-01-01"),
            Identifier(scheme="tax_id", value="366510784303", country="RU", note="INN"),
        ],
    )
    lines = lines_of(ftm.dumps(Dataset(entities=[person])))
    passport = next(item for item in lines if item["schema"] == "Passport")
    identification = next(item for item in lines if item["schema"] == "Identification")
    assert passport["properties"] == {
        "holder": ["p"],
        "number": ["745120301"],
        "type": ["passport"],
        "country": ["kp"],
        "endDate": ["2024-01-01"],
    }
    assert identification["properties"]["number"] == ["366510784303"]
    assert identification["properties"]["description"] == ["INN"]
    assert props_of(ftm.dumps(Dataset(entities=[person])), "p")["passportNumber"] == ["745120301"]


def test_an_address_is_a_linked_address_entity_and_text() -> None:
    address = Address(full="1 Stasinou Avenue, Nicosia", city="Nicosia", country="CY")
    one = Organization(id="a", name="A", addresses=[address])
    two = Organization(id="b", name="B", addresses=[address])
    lines = lines_of(ftm.dumps(Dataset(entities=[one, two])))
    addresses = [item for item in lines if item["schema"] == "Address"]
    assert len(addresses) == 1  # shared, written once
    assert addresses[0]["properties"] == {
        "full": ["1 Stasinou Avenue, Nicosia"],
        "city": ["Nicosia"],
        "country": ["cy"],
    }
    for item in (lines[0], lines[2]):
        assert item["properties"]["addressEntity"] == [addresses[0]["id"]]
        assert item["properties"]["address"] == ["1 Stasinou Avenue, Nicosia"]


def test_a_designation_is_a_sanction_entity() -> None:
    ship = Vessel(id="v", name="MARIA")
    designation = Designation(
        entity_id="v",
        authority=KR,
        authority_ref="KR-1",
        listed="2024-05-24",
        delisted="2025-01-01",
        programmes=["DPRK"],
        measures=["port_entry_ban"],
        measure_notes=["port entry only with special permission"],
        reasons=["carried military supplies"],
        legal_basis=[sk.LegalBasis(kind="un_resolution", number="1718", year=2006)],
        sources=[sk.Source(url="https://example.org/kr")],
    )
    lines = lines_of(ftm.dumps(Dataset(entities=[ship], designations=[designation])))
    assert lines[0]["properties"]["topics"] == ["sanction"]
    sanction = lines[1]
    assert sanction["schema"] == "Sanction"
    assert sanction["id"].startswith("sanction-")
    assert sanction["properties"] == {
        "entity": ["v"],
        "authority": ["Ministry of Foreign Affairs"],
        "country": ["kr"],
        "authorityId": ["KR-1"],
        "program": ["DPRK"],
        "listingDate": ["2024-05-24"],
        "endDate": ["2025-01-01"],
        "reason": ["carried military supplies"],
        "provisions": ["port entry ban", "port entry only with special permission"],
        "description": ["Legal basis: UN Security Council resolution 1718 (2006)"],
        "sourceUrl": ["https://example.org/kr"],
    }


def test_writing_is_deterministic() -> None:
    ds = sk.builtin_dataset()
    assert ftm.dumps(ds) == ftm.dumps(sk.builtin_dataset())


def test_dump_writes_the_same_lines_to_a_file(tmp_path: Any) -> None:
    ds = sk.builtin_dataset()
    ftm.dump(ds, tmp_path / "out.ftm.json")
    assert (tmp_path / "out.ftm.json").read_text(encoding="utf-8") == ftm.dumps(ds)


# --- writing: followthemoney accepts every line ----------------------------------------


def _ftm_problems(text: str) -> list[str]:
    """What followthemoney's own model finds wrong with each line (empty when all is well)."""
    followthemoney = pytest.importorskip("followthemoney")
    from followthemoney.exc import InvalidData

    model = followthemoney.model
    lines = lines_of(text)
    ids = {item["id"] for item in lines}
    problems = []
    for item in lines:
        schema = model.get(item["schema"])
        if schema is None or schema.abstract:
            problems.append(f"{item['id']}: no concrete schema {item['schema']}")
            continue
        props = item["properties"]
        for key in props:
            if key not in schema.properties:
                problems.append(f"{item['id']}: {schema.name} has no property {key}")
        for key in schema.required:
            if not props.get(key):
                problems.append(f"{item['id']}: required {key} missing")
        try:
            schema.validate(item)
        except InvalidData as error:
            problems.append(f"{item['id']}: {error}")
        cleaned = model.get_proxy(item, cleaned=False).to_dict()["properties"]
        for key, values in props.items():
            if cleaned.get(key) != values:
                problems.append(f"{item['id']}: {key} {values} cleans to {cleaned.get(key)}")
            prop = schema.properties.get(key)
            if prop is not None and prop.type.name == "entity":
                problems += [f"{item['id']}: {key} -> {v} dangles" for v in values if v not in ids]
    return problems


def test_followthemoney_accepts_every_line_of_the_builtin_dataset() -> None:
    text = ftm.dumps(sk.builtin_dataset())
    assert len(text.splitlines()) > len(sk.builtin_dataset())
    assert _ftm_problems(text) == []


def test_followthemoney_accepts_every_kind_of_entity_and_value() -> None:
    owner = Organization(id="owner", name="Owner Ltd", kind="company")
    ds = Dataset(
        entities=[
            owner,
            Vessel(
                id="v",
                name="V",
                imo="9358010",
                mmsi="273123456",
                call_sign="UBRH7",
                flag="KP",
                past_flags=["SUHH"],
                past_names=["W"],
                tonnage=9611,
                build_year=1986,
                owner_id="owner",
                operator_id="owner",
                identifiers=[Identifier(scheme="registration", value="R-1")],
            ),
            Aircraft(id="a", name="EP-MNA", registration="EP-MNA", serial_number="1", model="A310"),
            Person(
                id="p",
                name="P",
                birth_dates=["circa 1962", DateRange(PartialDate(1960), None)],
                countries=[
                    CountryRole(country="YUCS", role="nationality"),
                    CountryRole(country="XK", role="citizenship"),
                ],
                identifiers=[Identifier(scheme="passport", value="1", issued="2020-01")],
                gender=Gender.OTHER,
            ),
            Organization(
                id="o",
                name="O",
                identifiers=[
                    Identifier(scheme="imo_company", value="5342883"),
                    Identifier(scheme="registration", value="1217700053493", country="RU"),
                ],
                countries=[CountryRole(country="CSHH", role="registration")],
            ),
        ],
        designations=[Designation(entity_id="v", authority=KR, listed="2024-05")],
    )
    assert _ftm_problems(ftm.dumps(ds)) == []


# --- reading the real OpenSanctions excerpt --------------------------------------------


@pytest.fixture(scope="module")
def real() -> Dataset:
    return ftm.load(shared_file(REAL))


def test_real_file_counts_add_up(real: Dataset) -> None:
    # 7 lines: 4 Person, 2 Organization, 1 Address that no entity refers to.
    assert real.metadata["records_read"] == 7
    assert real.metadata["records_returned"] == 6
    assert real.metadata["records_rejected"] == 1
    assert len(real.persons) == 4
    assert len(real.organizations) == 2
    assert real.designations == ()  # the excerpt holds no Sanction entities


def test_real_person_field_by_field(real: Dataset) -> None:
    kuzmenko = real.get("NK-2Ka3UvopqbpZmVDFjWd4LA")
    assert isinstance(kuzmenko, Person)
    assert kuzmenko.name == "Vitaly Yurievich KUZMENKO"  # the caption
    assert {alias.name for alias in kuzmenko.aliases} == {
        "Vitalij Kuzmenko",
        "Виталий Юрьевич КУЗЬМЕНКО",
    }
    assert kuzmenko.birth_dates == (PartialDate(1971, 1, 22),)
    assert kuzmenko.countries_with("nationality") == (sk.parse_country("RU"),)
    assert kuzmenko.gender is Gender.MALE
    assert kuzmenko.positions == ("General Director of JSC 163 Armor Repair Plant",)
    assert kuzmenko.identifiers == (Identifier(scheme="tax_id", value="366510784303"),)
    assert "The plant is part of the High Precision Systems holding company of Rostec" in (
        kuzmenko.notes
    )
    assert kuzmenko.sources[0].title == "OpenSanctions dataset eu_fsf"


def test_real_person_with_birth_place_title_and_country(real: Dataset) -> None:
    soyko = real.get("NK-2Myxbs6wX9xFKGoQn3sLaY")
    assert isinstance(soyko, Person)
    assert soyko.birth_places == (Address(full="BELARUS, Komsomolskaya"),)
    assert soyko.birth_dates == (PartialDate(1971, 7, 3),)
    assert soyko.countries_with("nationality") == (sk.parse_country("BY"),)
    assert soyko.countries_with("location") == (sk.parse_country("BY"),)
    assert "Title: Colonel" in soyko.notes


def test_real_organizations(real: Dataset) -> None:
    tobacco = real.get("NK-2GdmHtZTeNXjNVrBGEXZNj")
    irgc = real.get("NK-2PacmNpiLUmoz4XD2mSt7A")
    assert isinstance(tobacco, Organization)
    assert isinstance(irgc, Organization)
    assert tobacco.name == "RAB „Inter Tobacco“"
    assert len(tobacco.aliases) == 11
    assert tobacco.identifiers == (Identifier(scheme="registration", value="808000714"),)
    assert tobacco.countries_with("location") == (sk.parse_country("BY"),)
    assert "Belarus (Minsk Free Economic Zone)" in tobacco.notes
    assert (irgc.name, irgc.aliases[0].name) == ("IRGC", "Iranian Revolutionary Guard Corps")
    assert irgc.countries_with("location") == (sk.parse_country("IR"),)


def test_real_file_reports_what_does_not_map(real: Dataset) -> None:
    found = {(p.record, p.field) for p in real.problems}
    # Address entities the file refers to but does not hold.
    assert ("NK-2GdmHtZTeNXjNVrBGEXZNj", "addressEntity") in found
    assert ("NK-2PacmNpiLUmoz4XD2mSt7A", "addressEntity") in found
    # Name parts and OpenSanctions' createdAt have no sanctionkit field.
    assert ("NK-2Ka3UvopqbpZmVDFjWd4LA", "firstName") in found
    assert ("NK-2Ka3UvopqbpZmVDFjWd4LA", "lastName") in found
    assert ("NK-2KeUB68qUJtykm3BuAcazG", "createdAt") in found
    # The Address that no entity refers to is rejected, by its id.
    assert ("NK-2MQE6AmhAk4tqhENJAMUG9", None) in found
    assert all(p.file is not None and p.file.endswith("entities.ftm.json") for p in real.problems)


def test_real_file_strict_raises_the_first_problem() -> None:
    with pytest.raises(ReadError):
        ftm.load(shared_file(REAL), strict=True)


# --- reading: mapping and problems -----------------------------------------------------


def test_sanction_entities_become_designations_of_their_entity() -> None:
    text = "\n".join(
        [
            line("s1", "Sanction", entity=["v1"], authority=["Ministry of Foreign Affairs"],
                 country=["kr"], program=["DPRK"], listingDate=["2024-05-24"],
                 startDate=["2024-05-24"], authorityId=["KR-7"], reason=["arms"],
                 provisions=["Port entry ban", "special permission only"]),
            line("v1", "Vessel", name=["MARIA"], imoNumber=["IMO8517839"], flag=["ru"],
                 previousName=["OLD MARIA"], grossRegisteredTonnage=["1200"],
                 buildDate=["1986"], topics=["sanction"]),
        ]
    )  # fmt: skip
    ds = ftm.loads(text)
    (designation,) = ds.designations
    assert designation.entity_id == "v1"
    assert designation.authority.name == "Ministry of Foreign Affairs"
    assert designation.authority.country == sk.parse_country("KR")
    assert designation.authority_ref == "KR-7"
    assert designation.programmes == ("DPRK",)
    assert designation.listed == PartialDate(2024, 5, 24)
    assert designation.reasons == ("arms",)
    assert designation.measures == (sk.Measure.PORT_ENTRY_BAN,)
    assert designation.measure_notes == ("special permission only",)
    ship = ds.get("v1")
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.flag, ship.past_names) == (
        "8517839",
        sk.parse_country("RU"),
        ("OLD MARIA",),
    )
    assert (ship.tonnage, ship.build_year) == (1200, 1986)
    assert ship.notes == ()  # the "sanction" topic is said by the designation
    assert ds.problems == ()
    assert ds.metadata["records_read"] == ds.metadata["records_returned"] == 2


def test_identification_and_address_entities_attach_to_their_holder() -> None:
    text = "\n".join(
        [
            line("p", "Person", name=["P"], addressEntity=["a"], passportNumber=["745"]),
            line("a", "Address", full=["Vladivostok, Russia"], city=["Vladivostok"],
                 country=["ru"]),
            line("i", "Passport", holder=["p"], number=["745"], country=["kp"],
                 startDate=["2020-01-02"], endDate=["2030-01-01"]),
            line("j", "Identification", holder=["p"], number=["12"], type=["National ID"]),
        ]
    )  # fmt: skip
    ds = ftm.loads(text)
    person = ds.get("p")
    assert isinstance(person, Person)
    assert person.addresses == (
        Address(full="Vladivostok, Russia", city="Vladivostok", country="RU"),
    )
    assert person.identifiers == (
        Identifier(scheme="passport", value="745", country="KP", issued=PartialDate(2020, 1, 2),
                   expires=PartialDate(2030, 1, 1)),
        Identifier(scheme="national_id", value="12", note="Type: National ID"),
    )  # fmt: skip
    assert ds.problems == ()
    assert ds.metadata["records_returned"] == 4


def test_bad_values_are_left_out_with_a_problem() -> None:
    text = line(
        "v", "Vessel", name=["X"], imoNumber=["IMO9358011"], flag=["atlantis"],
        buildDate=["someday"], gender=["male"],
    )  # fmt: skip
    ds = ftm.loads(text, name="x.json")
    ship = ds.get("v")
    assert isinstance(ship, Vessel)
    assert (ship.imo, ship.flag, ship.build_year) == (None, None, None)
    fields = {(p.record, p.field, p.value) for p in ds.problems}
    assert ("v", "imoNumber", "IMO9358011") in fields
    assert ("v", "flag", "atlantis") in fields
    assert ("v", "buildDate", "someday") in fields
    assert ("v", "gender", "male") in fields  # a Vessel has no gender
    assert ds.metadata["records_returned"] == 1


def test_historical_ftm_codes_read_as_historical_states() -> None:
    ds = ftm.loads(line("p", "Person", name=["P"], nationality=["suhh"], citizenship=["dd"]))
    person = ds.get("p")
    assert isinstance(person, Person)
    assert [c.code for c in person.countries_with("nationality")] == ["SUHH"]
    assert [c.code for c in person.countries_with("citizenship")] == ["DDDE"]


def test_unmapped_schemata_and_dangling_sanctions_are_rejected() -> None:
    text = "\n".join(
        [
            line("own", "Ownership", owner=["a"], asset=["b"]),
            line("s", "Sanction", entity=["nobody"], authority=["EU"]),
            "not json",
            line("c", "Company", name=["C"], registrationNumber=["1"]),
        ]
    )
    ds = ftm.loads(text)
    assert ds.metadata["records_read"] == 4
    assert ds.metadata["records_returned"] == 1
    assert ds.metadata["records_rejected"] == 3
    assert {p.record for p in ds.problems} == {"own", "s", "line 3"}
    company = ds.get("c")
    assert isinstance(company, Organization)
    assert company.kind == "company"


def test_strict_raises_on_the_first_unmapped_property() -> None:
    with pytest.raises(ReadError) as raised:
        ftm.loads(line("p", "Person", name=["P"], firstName=["P"]), strict=True)
    assert raised.value.problem.field == "firstName"


# --- round trip ------------------------------------------------------------------------


def test_round_trip_keeps_the_builtin_dataset_names_ids_countries_and_designations() -> None:
    ds = sk.builtin_dataset()
    back = ftm.loads(ftm.dumps(ds))
    assert back.problems == ()
    assert [e.id for e in back.entities] == [e.id for e in ds.entities]
    for before in ds.entities:
        after = back.get(before.id)
        assert type(after) is type(before)
        assert after is not None
        assert after.name == before.name
        assert [a.name for a in after.aliases] == [a.name for a in before.aliases]
        assert after.identifiers == before.identifiers
        assert after.addresses == before.addresses
        assert {c.country for c in after.countries} == {c.country for c in before.countries}
        if isinstance(before, Vessel):
            assert isinstance(after, Vessel)
            assert (after.imo, after.flag, after.call_sign, after.vessel_type, after.tonnage) == (
                before.imo, before.flag, before.call_sign, before.vessel_type, before.tonnage,
            )  # fmt: skip
            assert after.build_year == before.build_year
    assert len(back.designations) == len(ds.designations)
    for before_d, after_d in zip(ds.designations, back.designations, strict=True):
        assert after_d.entity_id == before_d.entity_id
        assert after_d.authority.name == before_d.authority.name
        assert after_d.authority.country == before_d.authority.country
        assert after_d.authority_ref == before_d.authority_ref
        assert after_d.listed == before_d.listed
        assert after_d.programmes == before_d.programmes
        assert after_d.measures == before_d.measures
        assert after_d.reasons == before_d.reasons


# --- malformed files: rejected lines, never stray exceptions --------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (b"[" * 100_000, "nested too deeply"),
        (
            '{"id": "v", "schema": "Vessel", "properties": {"name": ["MARÍA"]}}'.encode("latin-1"),
            "not UTF-8",
        ),
    ],
    ids=["deep-nesting", "latin-1"],
)
def test_a_line_that_cannot_be_read_is_rejected_and_reading_goes_on(
    bad: bytes, message: str
) -> None:
    data = bad + b"\n" + line("p", "Person", name=["Rim Yong-hyok"]).encode() + b"\n"
    dataset = ftm.read(io.BytesIO(data), name="x.ftm.json")
    assert [person.name for person in dataset.persons] == ["Rim Yong-hyok"]
    counts = [dataset.metadata[f"records_{key}"] for key in ("read", "returned", "rejected")]
    assert counts == [2, 1, 1]
    (problem,) = dataset.problems
    assert (problem.file, problem.record) == ("x.ftm.json", "line 1")
    assert message in problem.message


def test_a_line_with_a_unicode_line_separator_is_one_record() -> None:
    text = '{"id": "p", "schema": "Person", "properties": {"name": ["Rim\u2028Yong-hyok"]}}\n'
    assert "\u2028" in text  # unescaped, as JSON allows
    dataset = ftm.loads(text)
    assert [person.id for person in dataset.persons] == ["p"]
