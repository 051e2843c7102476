"""parse_country() on country strings taken from real official sanctions lists.

Every string below occurs, byte for byte, in one of the official files kept in
``shared/data`` (the group comments say which file and which field). The
expected code was decided by reading the string, not by running the parser:
``.code`` is the ISO 3166-1 alpha-2 code of a current country, ``XK`` for
Kosovo, or the ISO 3166-3 four-letter code of a state that no longer exists.

The second table holds strings that must raise: names that fit several
countries (``AmbiguousCountryError``) and places or labels that are not
countries at all (``UnknownCountryError``, its base class).
"""

from __future__ import annotations

import pytest

countries = pytest.importorskip("sanctionkit.values.countries")
errors = pytest.importorskip("sanctionkit.errors")

AmbiguousCountryError = errors.AmbiguousCountryError
UnknownCountryError = errors.UnknownCountryError


CORPUS: list[tuple[str, str]] = [
    # OFAC SDN legacy CSV, 2021: add.csv country column, and the OFAC Sanctions
    # List Service country values (ofac/enhanced-2024 referenceValues), which
    # use the same spellings.
    ("Korea, North", "KP"),
    ("Korea, South", "KR"),
    ("Burma", "MM"),
    ("Cote d Ivoire", "CI"),
    ("Congo, Democratic Republic of the", "CD"),
    ("Congo, Republic of the", "CG"),
    ("Bahamas, The", "BS"),
    ("The Gambia", "GM"),
    ("Man, Isle of", "IM"),
    ("Virgin Islands, British", "VG"),
    ("Netherlands Antilles", "ANHH"),
    ("Palestinian", "PS"),
    ("West Bank", "PS"),
    ("Region: Crimea", "UA"),
    ("Region: Gaza", "PS"),
    ("Region: Northern Mali", "ML"),
    ("Macau", "MO"),
    ("Hong Kong", "HK"),
    ("Taiwan", "TW"),
    ("Vietnam", "VN"),
    ("Laos", "LA"),
    ("Kosovo", "XK"),
    ("Moldova", "MD"),
    ("Brunei", "BN"),
    ("Bolivia", "BO"),
    ("Venezuela", "VE"),
    ("Iran", "IR"),
    ("Syria", "SY"),
    ("Russia", "RU"),
    ("Tanzania", "TZ"),
    ("Turkey", "TR"),
    ("Czech Republic", "CZ"),
    ("Saint Kitts and Nevis", "KN"),
    ("Saint Vincent and the Grenadines", "VC"),
    ("Niger", "NE"),
    ("Nigeria", "NG"),
    ("Dominica", "DM"),
    ("Dominican Republic", "DO"),
    ("Guinea", "GN"),
    ("Equatorial Guinea", "GQ"),
    ("Guinea-Bissau", "GW"),
    ("Papua New Guinea", "PG"),
    ("Georgia", "GE"),
    ("Jersey", "JE"),
    ("Samoa", "WS"),
    ("North Macedonia, The Republic of", "MK"),
    ("Cabo Verde", "CV"),
    ("Serbia and Montenegro", "CSXX"),
    # OFAC SDN legacy CSV, 2021 and 2024-05: sdn.csv remarks ("nationality X",
    # "citizen X", the country after the last comma of "POB ...", and the
    # issuing country in "Passport ... (X)").
    ("DPRK", "KP"),
    ("North Korea", "KP"),
    ("South Korea", "KR"),
    ("Democratic People's Republic of Korea", "KP"),
    ("DRC", "CD"),
    ("Democratic Republic of the Congo", "CD"),
    ("USSR", "SUHH"),
    ("UK", "GB"),
    ("U.K", "GB"),
    ("USA", "US"),
    ("England", "GB"),
    ("Bosnia", "BA"),
    ("Bosnia-Herzegovina", "BA"),
    ("Bosina-Herzegovina", "BA"),
    ("Comoros Islands", "KM"),
    ("Crimea", "UA"),
    ("Gaza", "PS"),
    ("Gaza Strip", "PS"),
    ("Gaza (Palestinian Authority)", "PS"),
    ("Palestinian Territories", "PS"),
    ("Palestine", "PS"),
    ("Macedonia", "MK"),
    ("Macedonia, The Former Yugoslav Republic of", "MK"),
    ("Republic of Serbia", "RS"),
    ("Ivory Coast", "CI"),
    ("St Kitts and Nevis", "KN"),
    ("Tunisi (Tunisia)", "TN"),
    ("the Philippines", "PH"),
    ("the Russian Federation", "RU"),
    ("(Medina) Saudi Arabia", "SA"),
    ("GNB", "GW"),
    ("RU", "RU"),
    ("IRAQ", "IQ"),
    ("LIBYA", "LY"),
    ("MEXICO", "MX"),
    # OFAC non-SDN consolidated list XML, 2018: country, nationality and
    # citizenship elements.
    ("Guernsey", "GG"),
    ("Marshall Islands", "MH"),
    ("Seychelles", "SC"),
    ("Tajikistan", "TJ"),
    ("Liberia", "LR"),
    # UN Security Council consolidated list XML, 2018-10-29 and 2024-11-30:
    # NATIONALITY/VALUE, COUNTRY, COUNTRY_OF_BIRTH, COUNTRY_OF_ISSUE.
    ("Iran (Islamic Republic of)", "IR"),
    ("Syrian Arab Republic", "SY"),
    ("United Republic of Tanzania", "TZ"),
    ("United Kingdom of Great Britain and Northern Ireland", "GB"),
    ("United States of America", "US"),
    ("Russian Federation", "RU"),
    ("State of Palestine", "PS"),
    ("Türkiye", "TR"),
    ("China, Hong Kong Special Administrative Region", "HK"),
    ("Hong Kong Special Administrative Region", "HK"),
    ("Congo", "CG"),
    ("Myanmar", "MM"),
    ("British Virgin Islands", "VG"),
    ("Libyan Arab Jamahiriya", "LY"),
    ("Afghan", "AF"),
    ("Algerian", "DZ"),
    ("German", "DE"),
    ("Kuwaiti", "KW"),
    ("Moroccan", "MA"),
    ("Pakistani", "PK"),
    ("Saudi Arabian", "SA"),
    ("Somali", "SO"),
    ("Tunisian", "TN"),
    ("Yemeni", "YE"),
    ("RPDC", "KP"),
    ("Possibly Ethiopian", "ET"),
    ("Libya (in custody)", "LY"),
    ("Indonesia (as at Dec. 2003)", "ID"),
    ("Russian Federation (as at November 2010)", "RU"),
    ("Scotland", "GB"),
    ("Sudanese by birth", "SD"),
    ("Indonesian passport", "ID"),
    # EU Financial Sanctions Files XML, 2022-03-18: countryDescription (the
    # file's own countryIso2Code agrees with every expected code here).
    ("BOSNIA AND HERZEGOWINA", "BA"),
    ("CONGO, Democratic Republic of (was Zaire)", "CD"),
    ("IRAN (ISLAMIC REPUBLIC OF)", "IR"),
    ("KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", "KP"),
    ("PALESTINIAN TERRITORY, Occupied", "PS"),
    ("RUSSIAN FEDERATION", "RU"),
    ("SYRIAN ARAB REPUBLIC", "SY"),
    ("TANZANIA, UNITED REPUBLIC OF", "TZ"),
    ("VIRGIN ISLANDS (BRITISH)", "VG"),
    ("UNITED KINGDOM", "GB"),
    ("NIGER", "NE"),
    ("COMOROS", "KM"),
    ("TURKEY", "TR"),
    # UK OFSI consolidated list xlsx, 2022-05-04: Country, Nationality and
    # Country of Birth columns.
    ("Occupied Palestinian Territories", "PS"),
    ("Congo (Democratic Republic)", "CD"),
    ("Czechia", "CZ"),
    ("Cape Verde", "CV"),
    ("Republic of Ireland", "IE"),
    ("Former German Democratic Republic", "DDDE"),
    ("Former USSR (now Belarus)", "SUHH"),
    ("USSR (now Russian Federation)", "SUHH"),
    ("USSR (until 1991)", "SUHH"),
    ("Kazakh SSR", "SUHH"),
    ("Russian Soviet Federative Socialist Republic (RSFSR)", "SUHH"),
    ("Moldovan SSR (now Republic of Moldova)", "SUHH"),
    ("Ukrainian SSR (now Ukraine)", "UA"),
    ("Belarusian SSR, (now Belarus)", "BYAA"),
    ("Azerbaijan (former USSR)", "AZ"),
    ("Georgia (former USSR)", "GE"),
    ("ex-Yugoslavia", "YUCS"),
    # Canada SEMA consolidated list XML, 2025-03-20: Country element, which
    # names the regime in English and French.
    ("Russia / Russie", "RU"),
    ("Belarus / Bélarus", "BY"),
    ("Myanmar (Burma) / Myanmar (Birmanie)", "MM"),
    ("South Sudan / Soudan du sud", "SS"),
    ("Sudan / Soudan", "SD"),
    ("Syria / Syrie", "SY"),
    ("Haiti / Haïti", "HT"),
    ("China / Chine", "CN"),
    # Japan Ministry of Finance asset-freeze list xlsx, 2026-03-05: the
    # nationality (国籍) column and country names in the address columns.
    ("北朝鮮", "KP"),
    ("ロシア", "RU"),
    ("ロシア連邦", "RU"),
    ("アメリカ合衆国", "US"),
    ("米国", "US"),
    ("英国", "GB"),
    ("イギリス", "GB"),
    ("中華人民共和国", "CN"),
    ("中国", "CN"),
    ("コンゴ民主共和国", "CD"),
    ("コンゴ共和国", "CG"),
    ("中央アフリカ共和国", "CF"),
    ("南スーダン共和国", "SS"),
    ("スーダン", "SD"),
    ("シリア・アラブ共和国", "SY"),
    ("シリア共和国", "SY"),
    ("サウディ・アラビア", "SA"),
    ("クウェイト", "KW"),
    ("グルジア", "GE"),
    ("ジョージア", "GE"),
    ("タンザニア共和国", "TZ"),
    ("トリニダード・トバゴ共和国", "TT"),
    ("ボスニア・ヘルツェゴビナ", "BA"),
    ("パレスチナ", "PS"),
    ("エリトリア国", "ER"),
    ("ニジェール", "NE"),
    ("ナイジェリア", "NG"),
    ("ウガンダ共和国", "UG"),
    # OpenSanctions FollowTheMoney excerpt (ftm/entities.ftm.json): country
    # properties hold lower-case ISO codes.
    ("ru", "RU"),
    ("ir", "IR"),
    ("by", "BY"),
    ("ke", "KE"),
]


# Strings from other projects' test suites and data, read with the search tools
# (countrynames' data.yaml and tests, rigour's territory names and tests,
# followthemoney's and pycountry's tests). The expected code is what the string
# means; where the peer uses a code of its own, the ISO one is given.
PEER_CORPUS: list[tuple[str, str]] = [
    # countrynames and rigour tests: a Russian official name, and FtM's test
    # that the Soviet Union is its own (historical) state.
    ("Российская Федерация", "RU"),
    ("Soviet Union", "SUHH"),
    # rigour tests: Abkhazia is "ge-ab" and South Ossetia "x-so" there; both
    # are Georgia's territory in ISO 3166.
    ("Abkhazia", "GE"),
    ("South Ossetia", "GE"),
    # pycountry tests: the official name and the numeric code of Germany.
    ("Federal Republic of Germany", "DE"),
    ("276", "DE"),
    # countrynames data: Sinhala "Israel" typed without the zero-width joiner
    # that CLDR writes inside it; the joiner only shapes the glyph.
    ("ඊශ්රායලය", "IL"),
    ("ඊශ්\u200dරායලය", "IL"),
    # countrynames data: Yoruba "Orílẹ́ède" ("country") before the name, and
    # Swahili "Jamhuri ya" / French "République de" / Russian "Республика":
    # a form of state, like English "Republic of".
    ("Orílẹ́ède Kúbà", "CU"),
    ("Jamhuri ya Kénya", "KE"),
    ("République d'Haïti", "HT"),
    ("РЕСПУБЛИКА ПАРАГВАЙ", "PY"),  # Paraguay, whatever the peer's code says
    # ...but the form of state is kept when the whole name is known: the
    # Republic of Korea is South Korea, not "Korea".
    ("CORÉE, RÉPUBLIQUE DE", "KR"),
    # countrynames data: TP was Timor-Leste's code before 2002; the state was
    # renamed, not dissolved (ISO 3166-3 TPTL).
    ("TP", "TL"),
    # A dependency with its sovereign in brackets still names itself.
    ("Aruba (NL)", "AW"),
    ("Gibraltar (GB)", "GI"),
    ("Nevis (Saint Kitts and Nevis)", "KN"),
    # "X, now Y" names the state of its time, as "Former USSR (now Belarus)".
    ("Former USSR, now Azerbaijan", "SUHH"),
    # Japanese list cells that give the English name after the Japanese one.
    ("イラン Iran", "IR"),
    ("エジプトEgypt", "EG"),
]


AMBIGUOUS: list[str] = [
    # Not from the files: the canonical ambiguous names.
    "Korea",
    "KOREA",
    "Korean",
    "Congolese",
    "Dominican",
    "Virgin Islands",
    "朝鮮",
    # Two scripts that name two countries (Iran in Japanese, then Iraq).
    "イラン Iraq",
    # OFAC add.csv: the area is claimed by both Sudan and South Sudan.
    "Region: Kafia Kingi",
]

NOT_COUNTRIES: list[str] = [
    # Placeholders for "no country" in OFAC, UN, EU, UK and Japanese data.
    "undetermined",
    "Unknown",
    "UNKNOWN",
    "None Identified",
    "不明",
    # Regions, continents and groupings (OFAC remarks; the brief's examples).
    "ASIA",
    "CIS",
    "Kurdistan Region",
    "West Africa",
    "Afghanistan/Pakistan border area",
    "Kabylie region",
    "North Kivu",
    "Chechen Republic",
    "Texas",
    # Cities (UN and OFAC place-of-birth fields).
    "Pyongyang",
    "Damascus",
    "London",
    "Kinshasa",
    # Two countries in one field: neither may be picked.
    "Sudan/South Sudan",
    # countrynames tests and README: not a country.
    "European Union",
    # UK regime names and Canada regime labels that share the country column.
    "Counter-Terrorism (International)",
    "Chemical Weapons",
    "Cyber",
    "Global Human Rights",
    "Extremist Settler Violence / Violence extrémiste des colons",
    # Other labels found in country positions.
    "UN List",
    "OFF-SHORE",
    "Security Service of Ukraine",
    "Air Force",
]


@pytest.mark.parametrize(("text", "code"), CORPUS)
def test_real_list_string_parses_to_the_country_it_names(text: str, code: str) -> None:
    assert countries.parse_country(text).code == code


@pytest.mark.parametrize(("text", "code"), PEER_CORPUS)
def test_peer_corpus_string_parses_to_the_country_it_names(text: str, code: str) -> None:
    assert countries.parse_country(text).code == code


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_name_of_several_countries_raises_ambiguous(text: str) -> None:
    with pytest.raises(AmbiguousCountryError):
        countries.parse_country(text)


@pytest.mark.parametrize("text", NOT_COUNTRIES)
def test_text_that_names_no_country_raises_unknown(text: str) -> None:
    with pytest.raises(UnknownCountryError):
        countries.parse_country(text)


def test_niger_and_nigeria_stay_apart() -> None:
    assert countries.parse_country("Niger").code == "NE"
    assert countries.parse_country("Nigeria").code == "NG"
    assert countries.parse_country("Nigerien").code == "NE"
    assert countries.parse_country("Nigerian").code == "NG"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # rigour's names of the US state (us-ga) and of India's Sikkim: a subdivision
        # of the bracketed country, so that country, never the country Georgia (GE)
        # or the former kingdom of Sikkim (SKIN).
        ("Georgia (USA)", "US"),
        ("Sikkim (India)", "IN"),
        # A place, then its country, as places of birth and addresses are written.
        ("Nicosia, Cyprus", "CY"),
        ("Pyongyang, Korea, North", "KP"),
        ("Hubei (China)", "CN"),
    ],
)
def test_a_place_followed_by_its_country_names_that_country(text: str, code: str) -> None:
    assert countries.parse_country(text).code == code


def test_a_place_that_is_another_country_is_not_overruled() -> None:
    with pytest.raises(UnknownCountryError):
        countries.parse_country("Russia, Belarus")
