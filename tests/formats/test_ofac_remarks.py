"""OFAC's remarks: real clauses from the legacy CSV files, read into typed facts."""

from __future__ import annotations

import hypothesis
import pytest
from hypothesis import strategies as st

from sanctionkit.errors import ReadError
from sanctionkit.formats._ofac_remarks import (
    _CONTACTS,
    _READERS,
    _SANCTION_PREFIXES,
    _SCHEME_OF_LABEL,
    _readers_for,
    parse_remarks,
    split_clauses,
)
from sanctionkit.formats._reading import Reading
from sanctionkit.model import AliasQuality, Gender


def facts_of(text: str, *, strict: bool = False):  # type: ignore[no-untyped-def]
    reading = Reading(file="sdn.csv", strict=strict)
    return parse_remarks(text, reading, record="1"), reading


# (clause as it stands in sdn.csv, the kind it is read as)
REAL_CLAUSES = [
    ("DOB 10 Dec 1948", "birth_date"),
    ("DOB circa 1951", "birth_date"),
    ("DOB 1987 to 1988", "birth_date"),
    ("alt. DOB 1936", "birth_date"),
    ("POB Moscow, Russia.", "birth_place"),
    ("alt. POB Yemen.", "birth_place"),
    ("nationality Korea, North", "nationality"),
    ("alt. nationality Germany.", "nationality"),
    ("citizen Mexico.", "citizenship"),
    ("Gender Male.", "gender"),
    ("a.k.a. 'ABU HAFS'.", "alias"),
    ("Passport E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992.", "identifier"),
    ("National ID No. 660000 73767 (Belgium)", "identifier"),
    ("Tax ID No. AABA 670850 Y.", "identifier"),
    ("Registration ID 14063277.", "identifier"),
    ("Registration Number HRA 738077 (Stuttgart) (Germany)", "identifier"),
    ("Cedula No. 16247821 (Colombia)", "identifier"),
    ("SWIFT/BIC HAVIGB2L", "identifier"),
    ("Company Number IMO 5055293", "imo_company"),
    ("Vessel Registration Identification IMO 9187629", "imo"),
    ("MMSI 572469210", "mmsi"),
    ("Vessel Year of Build 1999", "build_year"),
    ("Former Vessel Flag Malta", "past_flag"),
    ("Nationality of Registration Korea, North", "registration_country"),
    ("Linked To: HIZBALLAH.", "linked_to"),
    ("Organization Established Date 17 Dec 2016", "incorporated"),
    ("Organization Type: Construction of other civil engineering projects", "organization_type"),
    (
        "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
        "sanctions",
    ),
    ("alt. Executive Order 13846 information: BLOCKING PROPERTY", "sanctions"),
    ("Email Address dam.d.free@net.sy.", "contact"),
    ("Website www.hib.uk.com", "contact"),
    ("Telephone (98)(21)(66153220)", "contact"),
    ("Aircraft Model IL76-TD", "aircraft_model"),
    ("Aircraft Manufacturer's Serial Number (MSN) 1023409321", "aircraft_serial_number"),
    ("Aircraft Tail Number EP-MMH", "aircraft_registration"),
    ("ICTY indictee in custody.", "note"),
    ("Aircraft Operator YAS AIR", "operator"),
    # Read since issue 9 (each was a note before): a country after the number, labels
    # in capitals or with a colon, "Alt." with a capital, d.b.a. and newer labels.
    ("Vessel Registration Identification IMO 9256860 (Russia)", "imo"),
    ("Email:adelb@shabakah.net.sa.", "contact"),
    ("EMAIL kdb@co.chesin.com.", "contact"),
    ("Alt. Fax: 9221227700019", "contact"),
    ("Italian Fiscal Code: KMMMHD68D03Z352N.", "identifier"),
    ("N.I.E. X-1552120-B (Spain).", "identifier"),
    ("C.I.N. U63090UP2019PTC117063 (India)", "identifier"),
    ("d.b.a. 'ANARQUIA PAINTBALL'.", "alias"),
    ("Registration Country Burma", "registration_country"),
    # An absence stated: nothing to place, a note and no problem.
    ("alt. Former Vessel Flag None Identified", "note"),
]

# Real clauses whose label a reader knows but whose value it cannot place: each is
# kept as a note *and* reported, never only a note.
UNPLACED_CLAUSES = [
    ("nationality possibly Palestinian", "Remarks/nationality"),  # a guess, not a fact
    ("a.k.a. 'snowsjo", "Remarks/alias"),  # cut short by OFAC's field length
    ("passport place of issue: Al-Anbar, Iraq.", "Remarks/identifier"),
    ("Vessel Registration Identification IMO 9256860 (Atlantis)", "Remarks/IMO country"),
]


@pytest.mark.parametrize(("clause", "field"), UNPLACED_CLAUSES)
def test_a_known_label_with_a_value_that_cannot_be_placed_is_a_problem(
    clause: str, field: str
) -> None:
    facts, reading = facts_of(clause)
    assert [found.kind for found in facts.clauses] == ["note"]
    assert facts.notes == (clause,)
    assert [(problem.field, problem.record) for problem in reading.problems] == [(field, "1")]
    with pytest.raises(ReadError, match=field):
        facts_of(clause, strict=True)


def test_imo_number_followed_by_a_country_is_the_ships_number_and_registration() -> None:
    # sdn-2024-05-03.csv, ent_num 34942 (PEGAS): "Vessel Registration Identification
    # IMO 9256860 (Russia)" was a note with imo None and no problem.
    facts, reading = facts_of(
        "Vessel Registration Identification IMO 9256860 (Russia); f.k.a. 'PERUN'"
    )
    assert facts.imo == "9256860"
    assert [country.alpha2 for country in facts.registration_countries] == ["RU"]
    assert facts.notes == ()
    assert reading.problems == []


def test_a_second_establishment_date_is_a_problem_not_only_a_note() -> None:
    facts, reading = facts_of(
        "Organization Established Date 1956; alt. Organization Established Date 01 Aug 1956"
    )
    assert facts.incorporated is not None
    assert facts.incorporated.isoformat() == "1956"
    assert facts.notes == ("alt. Organization Established Date 01 Aug 1956",)
    assert [problem.field for problem in reading.problems] == [
        "Remarks/Organization Established Date"
    ]


@pytest.mark.parametrize(("clause", "kind"), REAL_CLAUSES)
def test_real_clause_is_read_as_its_kind(clause: str, kind: str) -> None:
    facts, reading = facts_of(clause)
    assert [found.kind for found in facts.clauses] == [kind]
    assert reading.problems == []


def test_date_of_birth_range_circa_and_day() -> None:
    facts, _ = facts_of("DOB 1987 to 1988; alt. DOB circa 1960; alt. DOB 03 Jan 1960")
    assert [str(value) for value in facts.birth_dates] == ["1987/1988", "1960~", "1960-01-03"]


def test_place_of_birth_has_a_country_only_when_the_last_part_is_one() -> None:
    facts, reading = facts_of("POB Culiacan, Sinaloa, Mexico; POB Guadalajara, Jalisco")
    mexico, jalisco = facts.birth_places
    assert (mexico.city, mexico.country.alpha2 if mexico.country else None) == ("Culiacan", "MX")
    assert (jalisco.full, jalisco.city, jalisco.country) == (
        "Guadalajara, Jalisco",
        "Guadalajara",
        None,
    )
    assert reading.problems == []


def test_nationality_citizenship_and_gender() -> None:
    facts, _ = facts_of("nationality Korea, North; citizen Russia; Gender Female")
    assert [country.alpha2 for country in facts.nationalities] == ["KP"]
    assert [country.alpha2 for country in facts.citizenships] == ["RU"]
    assert facts.gender is Gender.FEMALE


def test_remark_aliases_are_weak_former_or_strong() -> None:
    # OFAC keeps its weak a.k.a. in the remarks; the strong ones are in alt.csv.
    facts, _ = facts_of("a.k.a. 'ABU-'UMAR'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'")
    assert [(alias.name, alias.quality) for alias in facts.aliases] == [
        ("ABU-'UMAR", AliasQuality.WEAK),
        ("OLD NAME", AliasQuality.FORMER),
        ("NEW NAME", AliasQuality.STRONG),
    ]


def test_passport_with_country_issued_and_expiry() -> None:
    facts, _ = facts_of("Passport 0310857 (Eritrea) issued 21 Aug 2006 expires 20 Aug 2028")
    (passport,) = facts.identifiers
    assert (passport.scheme, passport.value, passport.note) == ("passport", "0310857", "Passport")
    assert passport.country is not None
    assert passport.country.alpha2 == "ER"
    assert passport.issued is not None
    assert passport.issued.isoformat() == "2006-08-21"
    assert passport.expires is not None
    assert passport.expires.isoformat() == "2028-08-20"


def test_identifier_country_is_the_last_parenthesis() -> None:
    facts, _ = facts_of("Registration Number HRA 738077 (Stuttgart) (Germany)")
    (number,) = facts.identifiers
    assert (number.scheme, number.value) == ("registration", "HRA 738077 (Stuttgart)")
    assert number.country is not None
    assert number.country.alpha2 == "DE"


def test_a_registry_city_in_parenthesis_stays_in_the_note() -> None:
    facts, reading = facts_of("Matricula Mercantil No 1362098 (Medellin)")
    (number,) = facts.identifiers
    assert (number.value, number.country, number.note) == (
        "1362098",
        None,
        "Matricula Mercantil No (Medellin)",
    )
    assert reading.problems == []


def test_company_imo_number_is_checked_as_a_company_number() -> None:
    facts, _ = facts_of("Company Number IMO 5342883")
    assert [(item.scheme, item.value) for item in facts.identifiers] == [("imo_company", "5342883")]


def test_ship_imo_mmsi_build_year_and_past_flag() -> None:
    facts, _ = facts_of(
        "Vessel Registration Identification IMO 9683740; MMSI 273314410; "
        "Vessel Year of Build 1986; Former Vessel Flag Malta"
    )
    assert (facts.imo, facts.mmsi, facts.build_year) == ("9683740", "273314410", 1986)
    assert [flag.alpha2 for flag in facts.past_flags] == ["MT"]


def test_bad_imo_is_a_problem_and_its_clause_stays_a_note() -> None:
    facts, reading = facts_of("Vessel Registration Identification IMO 5878589.")
    assert facts.imo is None
    assert facts.notes == ("Vessel Registration Identification IMO 5878589.",)
    (problem,) = reading.problems
    assert (problem.record, problem.field, problem.value) == ("1", "Remarks/IMO", "5878589")


def test_strict_reading_raises_the_first_bad_value() -> None:
    with pytest.raises(ReadError, match="check digit"):
        facts_of("IMO 9683741", strict=True)


def test_unparseable_clauses_stay_notes_word_for_word() -> None:
    text = "DOB 1969; Member of Parliament & Central Committee Member.; ICTY indictee at large."
    facts, _ = facts_of(text)
    assert facts.notes == (
        "Member of Parliament & Central Committee Member.",
        "ICTY indictee at large.",
    )


def test_every_clause_is_kept_somewhere() -> None:
    text = "DOB 1969; Linked To: X.; odd clause; Gender Male"
    facts, _ = facts_of(text)
    assert [clause.text for clause in facts.clauses] == split_clauses(text)


def test_linked_to_organization_and_sanctions_clauses() -> None:
    facts, _ = facts_of(
        "Organization Established Date 10 Feb 2021; Organization Type: Wholesale trade; "
        "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations; Linked To: VERUS."
    )
    assert facts.incorporated is not None
    assert facts.incorporated.isoformat() == "2021-02-10"
    assert facts.organization_types == ("Wholesale trade",)
    assert facts.sanctions == (
        "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations",
    )
    assert facts.linked_to == ("VERUS",)


def test_semicolons_inside_parentheses_do_not_split() -> None:
    # Record 11313 of sdn.csv (2021), shortened.
    text = (
        "National ID No. 1372584 (Kenya); (Following data derived from an Eritrean passport: "
        "Alt. DOB: 10 October 1969; nationality: Eritrean); a.k.a. 'ABU MANSUR'"
    )
    assert len(split_clauses(text)) == 3


def test_semicolons_inside_alias_quotes_do_not_split() -> None:
    assert split_clauses("a.k.a. 'A; B'; DOB 1960") == ["a.k.a. 'A; B'", "DOB 1960"]


def test_apostrophes_in_words_do_not_open_quotes() -> None:
    # Record 12562: "'Abd" would swallow the clauses after it if it opened a quote.
    text = "Passport 1 issued under the name Said Jan 'Abd al-Salam; Passport 4117921; a.k.a. 'N'"
    assert len(split_clauses(text)) == 3


def test_remarks_without_semicolons_fall_back_to_one_clause() -> None:
    assert split_clauses("  Gender Male.  ") == ["Gender Male."]
    assert split_clauses("   ") == []


def _first_reader_of_all(bare: str) -> str | None:
    """The reader that trying every pattern in order picks: what dispatch must agree with."""
    for name, _, pattern, _ in _READERS:
        if pattern.match(bare):
            return name
    return None


def _first_reader_dispatched(bare: str) -> str | None:
    for name, pattern, _ in _readers_for(bare):
        if pattern.match(bare):
            return name
    return None


_LABELS = [
    *_SCHEME_OF_LABEL,
    *_SANCTION_PREFIXES,
    *(label for labels in _CONTACTS.values() for label in labels),
    "Executive Order 14024 Directive",
    "Company Number IMO",
    "Identification Number IMO",
    "Vessel Registration Identification IMO",
    "Vessel Registration Identification",
    "Vessel Year of Build",
    "Nationality of Registration",
    "Organization Type:",
    "Gender",
    "a.k.a.",
]
_DISPATCH_CASES = [
    *(
        f"{prefix}{label} {value}"
        for label in _LABELS
        for prefix in ("", "alt. ", "ALT. ")
        for value in ("1234567", "'X'", "Male")
    ),
    *(clause for clause, _ in REAL_CLAUSES),
    # Case-insensitive readers take a few non-ASCII letters for ASCII ones.
    "\u017fecondary sanctions risk: x",
    "CAAT\u017fA Section 231",
    "GENDER MALE",
    "A.K.A. 'X'",
    "alt.\u00a0DOB 1960",
    "alt.DOB 1960",
    "(alias X: DOB 1960)",
    "",
]


def test_dispatch_on_the_first_word_finds_the_reader_trying_all_would() -> None:
    # Every case at once (1,315 of them: each label with three prefixes and three values,
    # every real clause, the non-ASCII look-alikes): one test item, not one per case,
    # and the failure lists every clause that dispatch reads otherwise.
    disagree = [
        (bare, _first_reader_dispatched(bare), _first_reader_of_all(bare))
        for bare in _DISPATCH_CASES
        if _first_reader_dispatched(bare) != _first_reader_of_all(bare)
    ]
    assert disagree == []
    assert len(_DISPATCH_CASES) > 1000  # the cases are generated, not lost


@hypothesis.given(
    prefix=st.sampled_from(["", "alt. ", "ALT. ", "Alt.", "alt.\u00a0", "("]),
    label=st.sampled_from(_LABELS).map(lambda label: label.lower()) | st.sampled_from(_LABELS),
    gap=st.sampled_from(["", " ", ": ", "\u00a0"]),
    value=st.text(max_size=12),
)
def test_dispatch_agrees_with_trying_all_on_any_value(
    prefix: str, label: str, gap: str, value: str
) -> None:
    bare = f"{prefix}{label}{gap}{value}"
    assert _first_reader_dispatched(bare) == _first_reader_of_all(bare)


def test_dispatch_tries_few_patterns() -> None:
    assert len(_readers_for("Passport 1")) == 1
    assert len(_readers_for("ICTY indictee")) == 0
