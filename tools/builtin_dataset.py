"""The facts of the built-in dataset, written out by hand as model objects.

The built-in dataset models the news article of Friday 24 May 2024 about Japan's and South
Korea's sanctions on the Russia–North Korea arms trade (``../shared/seed/``), checked against
the official lists and other reports named in ``seed/CORROBORATION.md``. Every fact carries a
:class:`~sanctionkit.Source` whose ``quote`` is the sentence (or, for an official list, the row)
of the document that states it.

Run it to see what it builds::

    .venv/bin/python tools/builtin_dataset.py
    .venv/bin/python tools/builtin_dataset.py --dump \
        src/sanctionkit/data/builtin/announcement-2024-05-24.jsonl

Quotes of the Japanese Ministry of Finance list are whole rows: the cells of the row joined by
" | ", empty cells left out, the date of birth written as an ISO date, everything else exactly
as in the cell (line breaks, full-width brackets and stray spaces included). Quotes of OFAC's
``sdn.csv`` are whole lines of the file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date

import attrs

import sanctionkit as sk
from sanctionkit import (
    Address,
    Alias,
    AllegedTransfer,
    Authority,
    Claim,
    CountryRole,
    Designation,
    Entity,
    Goods,
    Identifier,
    LegalBasis,
    Organization,
    Person,
    Quantity,
    SanctionPackage,
    Source,
    StatedCount,
    Vessel,
    parse_date,
)

#: The day the article was published; its relative dates ("last week") resolve against it.
REFERENCE = date(2024, 5, 24)


def quoted(source: Source, quote: str) -> Source:
    """The document ``source``, citing the sentence ``quote`` of it."""
    return attrs.evolve(source, quote=quote)


def sheet_heading(sheet: Source) -> Source:
    """A Ministry of Finance sheet, citing the first line of its heading (the end of its title)."""
    assert sheet.title is not None
    return quoted(sheet, sheet.title.partition(": ")[2])


def ja(name: str) -> Alias:
    """A name in Japanese, as the Ministry of Finance list writes it."""
    return Alias(name=name, script="Jpan", language="ja")


# --------------------------------------------------------------------------------------------
# Documents. Each fact cites one of these with ``quoted(DOCUMENT, "the sentence")``.
# --------------------------------------------------------------------------------------------

# The seed file is BNC Global Media Group's republication of an Al Jazeera report ("This story
# originally appeared on Aljazeera.com"). Its wording differs from Al Jazeera's own page (for
# instance "ammunition" for "munitions", "We cooperated" for "We have cooperated"), so the quotes
# below are BNC's sentences and the source names BNC as publisher.
ARTICLE = Source(
    url="https://bnc.app.br/global/news-36854",
    publisher="BNC Global Media Group (republishing Al Jazeera)",
    title="Japan and South Korea announce sanctions on Russia-North Korea arms trade",
    published="2024-05-24",
)

_MOF = "Japan Ministry of Finance asset-freeze list (shisantouketsu20260305.xlsx)"
MOF_RUSSIA_ORGANISATIONS = Source(
    publisher="Ministry of Finance, Japan",
    title=f"{_MOF}, sheet 28: 資産凍結等の措置の対象となるロシア連邦の団体及び個人"
    "（団体（特定銀行を除く））",
    published="2026-03-05",
)
MOF_RUSSIA_INDIVIDUALS = Source(
    publisher="Ministry of Finance, Japan",
    title=f"{_MOF}, sheet 29: 資産凍結等の措置の対象となるロシア連邦の団体及び個人（個人）",
    published="2026-03-05",
)
MOF_OTHER_ORGANISATIONS = Source(
    publisher="Ministry of Finance, Japan",
    title=f"{_MOF}, sheet 34: "
    "資産凍結等の措置の対象となるロシア連邦及びベラルーシ共和国以外の国・地域の団体",
    published="2026-03-05",
)

KBS = Source(
    url="http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=185641",
    publisher="KBS World",
    published="2024-05-24",
)

JOONGANG = Source(
    url="https://koreajoongangdaily.joins.com/news/2024-05-24/national/northKorea/"
    "South-Korea-sanctions-7-North-Koreans-2-Russian-ships-for-UNSC-resolution-violations/2054220",
    publisher="Korea JoongAng Daily",
    title="South Korea sanctions 7 North Koreans, 2 Russian ships for UNSC resolution violations",
    published="2024-05-24",
)

REUTERS = Source(
    url="https://www.fbcnews.com.fj/world/south-korea-imposes-sanctions-on-north-koreans/",
    publisher="Reuters (via FBC News)",
    title="South Korea imposes sanctions on North Koreans",
    published="2024-05-24",
)

# IANS's report of Yonhap's story: the only source at hand that names the five IT workers and
# the two ships in a full sentence.
IANS = Source(
    url="https://pune.news/international/"
    "south-korea-sanctions-7-north-koreans-2-russian-ships-for-illegal-arms-fuel-trade-with-russia-182771",
    publisher="IANS",
    title="South Korea sanctions 7 North Koreans, 2 Russian ships for illegal arms, fuel trade "
    "with Russia",
    published="2024-05-24",
)

YONHAP_2023 = Source(
    url="https://en.yna.co.kr/view/AEN20230817000200325",
    publisher="Yonhap News Agency",
    title="U.S. designates 3 entities for brokering weapons deal between N. Korea, Russia",
    published="2023-08-17",
)

# The press release of 16 August 2023 is not at hand; the corroboration note states its facts.
OFAC_2023_08_16 = Source(
    publisher="Office of Foreign Assets Control, US Department of the Treasury",
    title="OFAC designations of 16 August 2023, as stated in the project's corroboration note "
    "(seed/CORROBORATION.md); the press release itself is not at hand",
    published="2023-08-16",
)

OFAC_SDN = Source(
    url="https://www.treasury.gov/ofac/downloads/sdn.csv",
    publisher="Office of Foreign Assets Control, US Department of the Treasury",
    title="Specially Designated Nationals List, sdn.csv of 3 May 2024",
    published="2024-05-03",
)

CORROBORATION = Source(
    publisher="sanctionkit",
    title="Corroboration note for the seed announcement (seed/CORROBORATION.md)",
)


# --------------------------------------------------------------------------------------------
# Sentences used more than once.
# --------------------------------------------------------------------------------------------

HAYASHI_FREEZE = quoted(
    ARTICLE,
    "“We cooperated with allies like the United States to freeze the assets of 11 groups and "
    "one individual involved in Russia-North Korea military assistance aimed at supporting "
    "Moscow’s invasion of Ukraine,” he told reporters.",
)
HAYASHI_VIOLATES = quoted(
    ARTICLE,
    "“This violates UN security resolutions that categorically prohibit the transfer of weapons "
    "and related materials to North Korea.”",
)
HAYASHI_CONDEMNS = quoted(
    ARTICLE,
    "On Friday, the Japanese government’s top spokesman, Yoshimasa Hayashi, said Tokyo "
    "“strongly condemns” the alleged deals.",
)
ASAHI = quoted(
    ARTICLE,
    "Japanese newspaper Asahi reported that nine of the groups and the individual were in "
    "Russia, while the other two organizations, based in Cyprus, allegedly helped transport "
    "weapons from North Korea.",
)
ARTICLE_US_AUGUST = quoted(
    ARTICLE,
    "In August, the US Treasury Department imposed similar sanctions, saying Russia was "
    "consuming munitions and losing heavy equipment in Ukraine, forcing Moscow to turn to its "
    "few allies, including Pyongyang, for support.",
)
ARTICLE_NINE_SHIPS = quoted(
    ARTICLE,
    "Also on Friday, South Korea imposed its own sanctions on two Russian and seven North Korean "
    "ships for various activities, including the alleged trade in military supplies between "
    "Moscow and Pyongyang.",
)
ARTICLE_MFA_SHIPS = quoted(
    ARTICLE,
    "The ships “were transporting a large number of containers between Russia and North Korea, "
    "transporting military supplies,” Seoul’s Ministry of Foreign Affairs said in a statement.",
)
ARTICLE_WAGNER = quoted(
    ARTICLE,
    "Seoul said on Friday that one of the recently sanctioned North Koreans was allegedly "
    "involved in discussions to facilitate arms deals with a member of Russia’s Wagner Group "
    "from 2022 to 2023.",
)
ARTICLE_DIESEL = quoted(
    ARTICLE,
    "Another was committed to bringing diesel – a material critical to Pyongyang’s nuclear and "
    "missile development programs – from Russia to North Korea, he added.",
)
ARTICLE_IT_WORKERS = quoted(
    ARTICLE,
    "Five additional North Koreans were involved in helping raise funds to support Pyongyang’s "
    "nuclear and missile programs, earning foreign currency as IT workers while residing "
    "“illegally in Vladivostok.”",
)
ARTICLE_THOUSANDS = quoted(
    ARTICLE,
    "Recently, Pyongyang was accused of sending thousands of containers of ammunition to Russia, "
    "and experts said Pyongyang’s recent series of tests could be of weapons intended for use on "
    "battlefields in Ukraine.",
)

JOONGANG_SEVEN_AND_TWO = quoted(
    JOONGANG,
    "“Seven North Korean individuals and two Russian ships involved in the procurement of "
    "materials and funds for North Korea’s nuclear and missile development through the "
    "transportation of military supplies, arms trade between North Korea and Russia, import of "
    "refined oil into North Korea and foreign currency earning of North Korean overseas workers "
    "have been designated as targets of sanctions,” Seoul’s Foreign Ministry said in a press "
    "release Friday.",
)
JOONGANG_RIM = quoted(
    JOONGANG,
    "Rim Yong-hyok, one of the seven individuals designated as a target of sanctions, was "
    "involved in arms deals between Pyongyang and Moscow as a representative of the Korea Mining "
    "and Development Trading Corporation in Syria, the Foreign Ministry said.",
)
JOONGANG_PANEL = quoted(
    JOONGANG,
    "The UN Security Council’s expert panel monitoring sanctions against North Korea also stated "
    "in its annual report published in March that it had intercepted information that Rim had "
    "negotiated with a Russian member of the Wagner Group to facilitate the transfer of arms "
    "between North Korea and Russia.",
)
REUTERS_SEVEN_AND_TWO = quoted(
    REUTERS,
    "South Korea imposed sanctions on seven North Korean individuals and two Russian vessels "
    "over weapons trade and other activities between Pyongyang and Moscow deemed in breach of "
    "U.N. Security Council resolutions, Seoul’s foreign ministry said.",
)
REUTERS_SHIPS = quoted(
    REUTERS,
    "The Russian vessels had been carrying a large quantity of containers between Russia and "
    "North Korea transporting military supplies in a clear violation of the United Nations "
    "Security Council resolutions, the ministry said in a statement.",
)
REUTERS_DIESEL = quoted(
    REUTERS,
    "Another individual at a company based in Russia was involved in bringing diesel from Russia "
    "into North Korea, the ministry said, accusing both individuals of breaching U.N. Security "
    "Council resolutions.",
)
REUTERS_IT_WORKERS = quoted(
    REUTERS,
    "Five other North Koreans helped raise funds to support the country’s development of nuclear "
    "and missile programs by earning foreign currency as IT workers, the statement said.",
)
REUTERS_ACCUSED = quoted(
    REUTERS,
    "The United States and South Korea have accused North Korea of transferring weapons to "
    "Russia for use in its war in Ukraine.",
)
REUTERS_DENIED = quoted(
    REUTERS,
    "Both Moscow and Pyongyang have denied the accusations, but vowed last year to deepen "
    "military relations.",
)
IANS_HAN = quoted(
    IANS,
    "Han Hyok-chol, head of Taeryong Trading Co., is accused of bringing Russian diesel into "
    "North Korea.",
)
IANS_2397 = quoted(
    IANS,
    "Under Resolution 2397, adopted by the UNSC in 2017, UN member states are prohibited from "
    "exporting more than 4 million barrels of crude oil and 5,00,000 barrels of refined oil to "
    "the North annually.",
)
IANS_FIVE = quoted(
    IANS,
    "They are believed to have worked illegally at IT companies in Vladivostok in Russia’s Far "
    "East to earn hard currency to fund the state’s nuclear and missile programs — also banned "
    "under Resolution 2375.",
)
IANS_FIVE_NAMES = quoted(
    IANS,
    "The five others are: Kim Jong-gil, Jang Ho-yong, Ri Kyong-sik, Ri yong-min and "
    "Park Kwang-hyok.",
)
IANS_SHIPS = quoted(
    IANS,
    "The two Russian vessels, MAIA-1 and MARIA, are suspected of transporting containers loaded "
    "with military supplies to and from North Korea and Russia.",
)
IANS_PORTS = quoted(
    IANS,
    "The sanctioned vessels need special approval from South Korean port authorities if they "
    "wish to enter a South Korean port.",
)
CORROBORATION_HAN = quoted(
    CORROBORATION,
    "Han Hyok-chol: head of Taeryong Trading Corporation in Vladivostok; brought Russian diesel "
    "into North Korea (UN Security Council resolution 2397 (2017) caps refined oil supplied to "
    "North Korea).",
)
YONHAP_THREE_ENTITIES = quoted(
    YONHAP_2023,
    "WASHINGTON, Aug. 16 (Yonhap) -- The U.S. Department of the Treasury's Office of Foreign "
    "Assets Controls (OFAC) on Wednesday imposed sanctions on three entities involved in illicit "
    "arms deals between North Korea and Russia, amid speculation that the countries may be "
    "seeking to bolster their illegal arms trade.",
)
YONHAP_OWNED_OR_LED = quoted(
    YONHAP_2023,
    "OFAC imposed sanctions on Verus LLC, Defense Engineering LLP and Versor SRO, all of which "
    "are owned or led by Slovakian national Ashot Mkrtychev.",
)
YONHAP_MKRTYCHEV_MARCH = quoted(
    YONHAP_2023,
    'Mkrtychev was designated on March 30 for "attempting to facilitate arms deals between '
    'Russia and the DPRK," according to OFAC.',
)
YONHAP_MUNITIONS = quoted(
    YONHAP_2023,
    '" As Russia has continued to expend munitions and lose heavy equipment on the battlefield, '
    "it has been increasingly forced to turn to its few allies, including the DPRK, to sustain "
    'its unprovoked war in Ukraine," it added.',
)
OFAC_NOTE_THREE_ENTITIES = quoted(
    OFAC_2023_08_16,
    "On 16 August 2023 OFAC's SDN list gained three entities linked to Ashot Mkrtychev (SDN "
    "since March 2023) for arms deals between North Korea and Russia: LIMITED LIABILITY COMPANY "
    "VERUS (Russia; established 10 Feb 2021; tax id 9701170663; registration 1217700053493), "
    "DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP (Kazakhstan; company number 181140030924; "
    "established 27 Nov 2018), VERSOR S.R.O. (Slovakia; tax id 2023480030; identification "
    "number 46622764; established 14 Apr 2012).",
)

# The Ministry of Finance rows of the twelve designations of 24 May 2024, keyed
# "<sheet>-<number>". Cells are joined by " | "; see the module docstring.
MOF_ROWS = {
    "28-258": "2024.5.24 | 258 | 有限会社MGフロート | MG-Flot LLC | "
    "（別称、トランスモルフロート、トランスモルフロート海運会社及びトランスシーポート）\n"
    "（a.k.a. TransMorFlot, a.k.a. TransMorFlot shipping company, a.k.a. Transseaport） | "
    "House 18 D Premise 1, Lenina Street, Akhtynskiy District, Republic of Dagestan, 368730, "
    "Russia",
    "28-259": "2024.5.24 | 259 | 有限会社Mリーシング | M Leasing LLC | "
    "（別称、有限会社Ｍリージング）\n"
    "(a.k.a. OOO M Lizing) | Baumanskaya Ul., D.7, Str. 1, Of. 301, Moscow, 105005, Russia",
    "28-260": "2024.5.24 | 260 | アジア海運会社 | Azia Shipping Company | "
    "（別称、有限会社アジア海運会社及びAZSCO） \n"
    "(a.k.a. Azia Shipping Company LLC, a.k.a. Azia Shipping Co, a.k.a. AZSCO, "
    "a.k.a. OOO Sudokhodnaia Kompaniia Azia, a.k.a. Asia Shipping Company） | "
    "29, Posetskaya Str., Vladivostok, 690091, Russia",
    "28-261": "2024.5.24 | 261 | 株式会社第224航空隊国家航空 | "
    "Joint Stock Company the 224th Flight Unit State Airlines | "
    "（別称、公開株式会社第224航空隊国家航空、第224航空隊、第224国家航空隊、株式会社224FU、"
    "株式会社224LO及びTTF航空重量物運搬）\n"
    "（a.k.a. JSC the 224th Flight Unit State Airlines, "
    "a.k.a. OJSC Gosudarstvennaya Aviakompaniya 224 Letny Otryad, "
    "a.k.a. 224th Flight Unit State Airlines, a.k.a. 224th Flight Unit, a.k.a. 224 FU JSC, "
    "a.k.a. OAO 224 LO, a.k.a. TTF Air Heavy Lifting, a.k.a. Lyotny Otryad 224, "
    "a.k.a. Open Joint Stock Company State Airline 224th Flight Detachment） | "
    "10, Matrosskaya Tishina, B-14, POB-471, Moscow, 107014, Russia",
    "28-262": "2024.5.24 | 262 | 有限会社ヴォストーチナヤ港湾社 | "
    "Vostochnaya Stevedoring Company LLC | "
    "（別称、VSC及び有限会社VSK）\n（a.k.a. VSC, a.k.a. OOO VSK） | "
    "14a, ul. Vnutriportovaya, Vrangel-1, Nakhodka, Primorsky krai, 692941, Russia",
    "28-263": "2024.5.24 | 263 | ドゥナイ海軍ミサイル施設 | "
    "Dunay Probable Naval Missile Facility | "
    "42-56N 132-20E, Russia",
    "28-264": "2024.5.24 | 264 | 軍用輸送航空司令部 | Command of the Military Transport Aviation | "
    "（別称、 VTA司令部、軍用輸送航空、VTA及び連邦国家機関軍事ユニット25969）\n"
    "(a.k.a. VTA Command,a.k.a. Military Transport Aviation, a.k.a. VTA, "
    "a.k.a. Federalnoe Kazennoe Uchrezhdenie Voiskovaia Chast 25969, "
    "a.k.a. Federal State Institution Military Unit 25969)  | "
    "10, ul. Matrosskaia Tishina, Moscow, 107014, Russia",
    "28-265": "2024.5.24 | 265 | ウラジミロフカ先進兵器・研究施設 | "
    "Vladimirovka Advanced Weapons and Research Complex | （別称、VAWARC）\n(a.k.a. VAWARC) | "
    "Astrakhan Oblast, Russia",
    "28-266": "2024.5.24 | 266 | アシュルク演習場 | Ashuluk Firing Range | "
    "（別称、アシュルク試験場）\n(a.k.a. Ashuluk Test Range)  | Astrakhan Oblast, Russia",
    "29-729": "2024.5.24 | 729 | ウラジーミル・ミヘイチク | "
    "Vladimir Mikheychik（a.k.a. Vladimir Mikheichik） | "
    "公開株式会社第224航空隊国家航空ゼネラル・ディレクター\n"
    "General Director of Open Joint Stock Company State Airline 224th Flight Detachment | "
    "1970-05-16",
    "34-2": "2024.5.24 | 2 | 株式会社IBEX 海運社 | IBEX Shipping INC | "
    "Office 4, 1st Floor, Mitsi Building, 1, Stasinou Avenue, Nicosia, 1060, Cyprus",
    "34-3": "2024.5.24 | 3 | 有限会社アジア海運ホールディングス | Azia Shipping Holdings Limited | "
    "Office 4, 1st Floor, Mitsi Building, 1, Stasinou Avenue, Nicosia, 1060, Cyprus",
}

# Lines of OFAC's sdn.csv (3 May 2024; the same on 2 May), keyed by OFAC's entry number.
SDN_ROWS = {
    "44544": '44544,"LIMITED LIABILITY COMPANY VERUS",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '-0- ,"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and '
    "510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial "
    "Institutions: North Korea Sanctions Regulations section 510.214; Organization Established "
    "Date 10 Feb 2021; Tax ID No. 9701170663 (Russia); Registration Number 1217700053493 "
    "(Russia); a.k.a. 'LLC VERUS'; Linked To: MKRTYCHEV, Ashot.\"",
    "44578": '44578,"DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP",-0- ,"DPRK",-0- ,-0- ,'
    '-0- ,-0- ,-0- ,-0- ,-0- ,"Secondary sanctions risk: North Korea Sanctions Regulations, '
    "sections 510.201 and 510.210; Transactions Prohibited For Persons Owned or Controlled By "
    "U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214; "
    "Organization Established Date 27 Nov 2018; Company Number 181140030924 (Kazakhstan); "
    "a.k.a. 'DEFENSE ENGINEERING, TOO'; Linked To: MKRTYCHEV, Ashot.\"",
    "44579": '44579,"VERSOR S.R.O.",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and '
    "510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial "
    "Institutions: North Korea Sanctions Regulations section 510.214; Organization Established "
    "Date 14 Apr 2012; Tax ID No. 2023480030 (Slovakia); Identification Number 46622764 "
    '(Slovakia); Linked To: MKRTYCHEV, Ashot."',
    "37098": '37098,"MAIA-1","vessel","RUSSIA-EO14024",-0- ,-0- ,"General Cargo",-0- ,"9611",'
    '"Russia",-0- ,"Vessel Registration Identification IMO 9358010; Linked To: TRANSMORFLOT '
    'LLC."',
    "46773": '46773,"MARIA","vessel","RUSSIA-EO14024",-0- ,"UBRH7","General Cargo",-0- ,-0- ,'
    '"Russia",-0- ,"Vessel Year of Build 1986; Vessel Registration Identification IMO 8517839; '
    'Linked To: IBEX SHIPPING INC."',
}


def mof(key: str) -> Source:
    """The Ministry of Finance row ``key`` ("28-258"), cited from its sheet."""
    sheet = {
        "28": MOF_RUSSIA_ORGANISATIONS,
        "29": MOF_RUSSIA_INDIVIDUALS,
        "34": MOF_OTHER_ORGANISATIONS,
    }[key.split("-")[0]]
    return quoted(sheet, MOF_ROWS[key])


def sdn(entry: str) -> Source:
    """OFAC's sdn.csv line of entry number ``entry``."""
    return quoted(OFAC_SDN, SDN_ROWS[entry])


# --------------------------------------------------------------------------------------------
# Authorities and legal bases.
# --------------------------------------------------------------------------------------------

JAPAN = Authority(name="Government of Japan", country="JP", kind="government")
SOUTH_KOREA_MFA = Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry")
OFAC = Authority(
    name="Office of Foreign Assets Control, US Department of the Treasury",
    country="US",
    kind="agency",
)

UNSCR_1718 = LegalBasis(
    kind="un_resolution",
    number="1718",
    year=2006,
    title="Arms embargo on North Korea (supply to and procurement from); the article cites "
    "only 'UN security resolutions', without numbers",
)
UNSCR_1874 = LegalBasis(
    kind="un_resolution",
    number="1874",
    year=2009,
    title="Extends the arms embargo on North Korea to all arms and related materiel; the "
    "article cites only 'UN security resolutions', without numbers",
)
UNSCR_2375 = LegalBasis(
    kind="un_resolution",
    number="2375",
    year=2017,
    title="Cited by South Korea for the IT workers earning foreign currency abroad",
)
UNSCR_2397 = LegalBasis(
    kind="un_resolution",
    number="2397",
    year=2017,
    title="Caps refined oil supplied to North Korea; cited by South Korea for the diesel",
)
JAPAN_FOREIGN_EXCHANGE_ACT = LegalBasis(
    kind="national_act",
    title="Foreign Exchange and Foreign Trade Act (外為法), under which the Ministry of Finance "
    "list records asset freezes",
)
NORTH_KOREA_SANCTIONS_REGULATIONS = LegalBasis(
    kind="regulation",
    title="North Korea Sanctions Regulations (31 CFR part 510), as cited in the SDN entries; "
    "the executive order of the designations is not stated in the sources at hand",
)

JP_PROGRAMME_RUSSIA_ORGANISATIONS = (
    "Organisations and individuals of the Russian Federation subject to asset freezes and other "
    "measures (organisations, excluding specified banks)"
)
JP_PROGRAMME_RUSSIA_INDIVIDUALS = (
    "Organisations and individuals of the Russian Federation subject to asset freezes and other "
    "measures (individuals)"
)
JP_PROGRAMME_OTHER_ORGANISATIONS = (
    "Organisations of countries other than the Russian Federation and the Republic of Belarus "
    "subject to asset freezes and other measures"
)

JP_REASON = (
    "involved in Russia-North Korea military assistance aimed at supporting Moscow's invasion "
    "of Ukraine (Chief Cabinet Secretary Hayashi, as quoted by the article)"
)
JP_REASON_CYPRUS = (
    "allegedly helped transport weapons from North Korea (Asahi, as reported by the article)"
)


# --------------------------------------------------------------------------------------------
# Japan, 24 May 2024: nine organisations and one person in Russia, two organisations in Cyprus.
# --------------------------------------------------------------------------------------------


def japan_entities() -> list[Entity]:
    in_russia = CountryRole(country="RU", role="location")
    in_cyprus = CountryRole(country="CY", role="location")
    return [
        Organization(
            id="mg-flot-llc",
            name="MG-Flot LLC",
            aliases=[
                "TransMorFlot",
                "TransMorFlot shipping company",
                "Transseaport",
                ja("有限会社MGフロート"),
                ja("トランスモルフロート"),
                ja("トランスモルフロート海運会社"),
                ja("トランスシーポート"),
            ],
            addresses=[
                Address(
                    full="House 18 D Premise 1, Lenina Street, Akhtynskiy District, "
                    "Republic of Dagestan, 368730, Russia",
                    country="RU",
                )
            ],
            countries=[in_russia],
            notes=[
                "OFAC's SDN list has TRANSMORFLOT LLC (entry 37049) as the company the vessel "
                "MAIA-1 is linked to."
            ],
            sources=[mof("28-258"), ASAHI],
        ),
        Organization(
            id="m-leasing-llc",
            name="M Leasing LLC",
            aliases=["OOO M Lizing", ja("有限会社Mリーシング"), ja("有限会社Ｍリージング")],
            addresses=[
                Address(
                    full="Baumanskaya Ul., D.7, Str. 1, Of. 301, Moscow, 105005, Russia",
                    city="Moscow",
                    country="RU",
                )
            ],
            countries=[in_russia],
            sources=[mof("28-259"), ASAHI],
        ),
        Organization(
            id="azia-shipping-company",
            name="Azia Shipping Company",
            aliases=[
                "Azia Shipping Company LLC",
                "Azia Shipping Co",
                "AZSCO",
                "OOO Sudokhodnaia Kompaniia Azia",
                "Asia Shipping Company",
                ja("アジア海運会社"),
                ja("有限会社アジア海運会社"),
            ],
            addresses=[
                Address(
                    full="29, Posetskaya Str., Vladivostok, 690091, Russia",
                    city="Vladivostok",
                    country="RU",
                )
            ],
            countries=[in_russia],
            sources=[mof("28-260"), ASAHI],
        ),
        Organization(
            id="joint-stock-company-the-224th-flight-unit-state-airlines",
            name="Joint Stock Company the 224th Flight Unit State Airlines",
            aliases=[
                "JSC the 224th Flight Unit State Airlines",
                "OJSC Gosudarstvennaya Aviakompaniya 224 Letny Otryad",
                "224th Flight Unit State Airlines",
                "224th Flight Unit",
                "224 FU JSC",
                "OAO 224 LO",
                "TTF Air Heavy Lifting",
                "Lyotny Otryad 224",
                "Open Joint Stock Company State Airline 224th Flight Detachment",
                ja("株式会社第224航空隊国家航空"),
                ja("公開株式会社第224航空隊国家航空"),
                ja("第224航空隊"),
                ja("第224国家航空隊"),
                ja("株式会社224FU"),
                ja("株式会社224LO"),
                ja("TTF航空重量物運搬"),
            ],
            addresses=[
                Address(
                    full="10, Matrosskaya Tishina, B-14, POB-471, Moscow, 107014, Russia",
                    city="Moscow",
                    country="RU",
                )
            ],
            countries=[in_russia],
            sources=[mof("28-261"), ASAHI],
        ),
        Organization(
            id="vostochnaya-stevedoring-company-llc",
            name="Vostochnaya Stevedoring Company LLC",
            aliases=["VSC", "OOO VSK", ja("有限会社ヴォストーチナヤ港湾社"), ja("有限会社VSK")],
            addresses=[
                Address(
                    full="14a, ul. Vnutriportovaya, Vrangel-1, Nakhodka, Primorsky krai, "
                    "692941, Russia",
                    city="Nakhodka",
                    country="RU",
                )
            ],
            countries=[in_russia],
            sources=[mof("28-262"), ASAHI],
        ),
        Organization(
            id="dunay-probable-naval-missile-facility",
            name="Dunay Probable Naval Missile Facility",
            aliases=[ja("ドゥナイ海軍ミサイル施設")],
            # The list gives coordinates, not a town.
            addresses=[Address(full="42-56N 132-20E, Russia", country="RU")],
            countries=[in_russia],
            sources=[mof("28-263"), ASAHI],
        ),
        Organization(
            id="command-of-the-military-transport-aviation",
            name="Command of the Military Transport Aviation",
            aliases=[
                "VTA Command",
                "Military Transport Aviation",
                "VTA",
                "Federalnoe Kazennoe Uchrezhdenie Voiskovaia Chast 25969",
                "Federal State Institution Military Unit 25969",
                ja("軍用輸送航空司令部"),
                ja("VTA司令部"),
                ja("軍用輸送航空"),
                ja("連邦国家機関軍事ユニット25969"),
            ],
            addresses=[
                Address(
                    full="10, ul. Matrosskaia Tishina, Moscow, 107014, Russia",
                    city="Moscow",
                    country="RU",
                )
            ],
            countries=[in_russia],
            sources=[mof("28-264"), ASAHI],
        ),
        Organization(
            id="vladimirovka-advanced-weapons-and-research-complex",
            name="Vladimirovka Advanced Weapons and Research Complex",
            aliases=["VAWARC", ja("ウラジミロフカ先進兵器・研究施設")],
            # A region, not a town.
            addresses=[Address(full="Astrakhan Oblast, Russia", country="RU")],
            countries=[in_russia],
            sources=[mof("28-265"), ASAHI],
        ),
        Organization(
            id="ashuluk-firing-range",
            name="Ashuluk Firing Range",
            aliases=["Ashuluk Test Range", ja("アシュルク演習場"), ja("アシュルク試験場")],
            addresses=[Address(full="Astrakhan Oblast, Russia", country="RU")],
            countries=[in_russia],
            sources=[mof("28-266"), ASAHI],
        ),
        Person(
            id="vladimir-mikheychik",
            name="Vladimir Mikheychik",
            aliases=["Vladimir Mikheichik", ja("ウラジーミル・ミヘイチク")],
            birth_dates=["1970-05-16"],
            positions=[
                "General Director of Open Joint Stock Company State Airline 224th Flight Detachment"
            ],
            countries=[CountryRole(country="RU", role="residence")],
            notes=[
                "Russia as residence: the article says 'the individual were in Russia'; the "
                "list names no nationality.",
                "The company he heads is listed as "
                "joint-stock-company-the-224th-flight-unit-state-airlines, whose aliases include "
                "'Open Joint Stock Company State Airline 224th Flight Detachment'.",
            ],
            sources=[mof("29-729"), ASAHI],
        ),
        Organization(
            id="ibex-shipping-inc",
            name="IBEX Shipping INC",
            aliases=[ja("株式会社IBEX 海運社")],
            addresses=[
                Address(
                    full="Office 4, 1st Floor, Mitsi Building, 1, Stasinou Avenue, Nicosia, "
                    "1060, Cyprus",
                    city="Nicosia",
                    country="CY",
                )
            ],
            countries=[in_cyprus],
            notes=[
                "OFAC's SDN list links the vessel MARIA (entry 46773) to IBEX SHIPPING INC.",
            ],
            sources=[mof("34-2"), ASAHI],
        ),
        Organization(
            id="azia-shipping-holdings-limited",
            name="Azia Shipping Holdings Limited",
            aliases=[ja("有限会社アジア海運ホールディングス")],
            addresses=[
                Address(
                    full="Office 4, 1st Floor, Mitsi Building, 1, Stasinou Avenue, Nicosia, "
                    "1060, Cyprus",
                    city="Nicosia",
                    country="CY",
                )
            ],
            countries=[in_cyprus],
            sources=[mof("34-3"), ASAHI],
        ),
    ]


def japan_designation(entity_id: str, key: str, programme: str, *reasons: str) -> Designation:
    """Japan's asset freeze of one entity, as listed in row ``key`` of the MoF list."""
    return Designation(
        entity_id=entity_id,
        authority=JAPAN,
        authority_ref=key,
        listed="2024-05-24",
        programmes=[programme],
        measures=["asset_freeze"],
        reasons=reasons or [JP_REASON],
        legal_basis=[JAPAN_FOREIGN_EXCHANGE_ACT, UNSCR_1718, UNSCR_1874],
        sources=[mof(key), HAYASHI_FREEZE],
    )


def japan_package() -> SanctionPackage:
    russia = JP_PROGRAMME_RUSSIA_ORGANISATIONS
    return SanctionPackage(
        id="jp-2024-05-24",
        authority=JAPAN,
        announced="2024-05-24",
        title="Japan freezes the assets of 11 organisations and 1 individual involved in "
        "Russia-North Korea military assistance",
        summary="Announced by Chief Cabinet Secretary Yoshimasa Hayashi, in cooperation with the "
        "United States: an asset freeze on nine organisations and one individual in Russia and "
        "two organisations in Cyprus that allegedly helped transport weapons from North Korea, "
        "for violating the UN Security Council resolutions that prohibit arms transfers with "
        "North Korea.",
        designations=[
            japan_designation("mg-flot-llc", "28-258", russia),
            japan_designation("m-leasing-llc", "28-259", russia),
            japan_designation("azia-shipping-company", "28-260", russia),
            japan_designation(
                "joint-stock-company-the-224th-flight-unit-state-airlines", "28-261", russia
            ),
            japan_designation("vostochnaya-stevedoring-company-llc", "28-262", russia),
            japan_designation("dunay-probable-naval-missile-facility", "28-263", russia),
            japan_designation("command-of-the-military-transport-aviation", "28-264", russia),
            japan_designation(
                "vladimirovka-advanced-weapons-and-research-complex", "28-265", russia
            ),
            japan_designation("ashuluk-firing-range", "28-266", russia),
            japan_designation("vladimir-mikheychik", "29-729", JP_PROGRAMME_RUSSIA_INDIVIDUALS),
            japan_designation(
                "ibex-shipping-inc",
                "34-2",
                JP_PROGRAMME_OTHER_ORGANISATIONS,
                JP_REASON,
                JP_REASON_CYPRUS,
            ),
            japan_designation(
                "azia-shipping-holdings-limited",
                "34-3",
                JP_PROGRAMME_OTHER_ORGANISATIONS,
                JP_REASON,
                JP_REASON_CYPRUS,
            ),
        ],
        legal_basis=[JAPAN_FOREIGN_EXCHANGE_ACT, UNSCR_1718, UNSCR_1874],
        measures=["asset_freeze"],
        stated_counts=[
            StatedCount(
                kind="organization", count=11, description="11 groups", source=HAYASHI_FREEZE
            ),
            StatedCount(
                kind="person", count=1, description="one individual", source=HAYASHI_FREEZE
            ),
            StatedCount(
                kind="organization",
                count=9,
                description="nine of the groups and the individual were in Russia",
                source=ASAHI,
            ),
            StatedCount(
                kind="person",
                count=1,
                description="nine of the groups and the individual were in Russia",
                source=ASAHI,
            ),
            StatedCount(
                kind="organization",
                count=2,
                description="the other two organizations, based in Cyprus",
                source=ASAHI,
            ),
        ],
        notes=[
            "The article calls Hayashi 'the Japanese government’s top spokesman'; KBS names his "
            "office, Chief Cabinet Secretary.",
            "The article quotes Hayashi on 'UN security resolutions that categorically prohibit "
            "the transfer of weapons and related materials to North Korea' without numbering "
            "them; resolutions 1718 (2006) and 1874 (2009) are the ones that impose the arms "
            "embargo on North Korea, named here by the dataset, not by the sources.",
            "The twelve designations are named from the Ministry of Finance list (version of "
            "5 March 2026), where each carries the notice date 2024.5.24.",
        ],
        sources=[
            HAYASHI_FREEZE,
            HAYASHI_VIOLATES,
            ASAHI,
            quoted(
                KBS,
                "Japan’s Chief Cabinet Secretary Yoshimasa Hayashi announced the decision in a "
                "press conference on Friday, saying that Tokyo decided to freeze the assets of "
                "the targeted designees involved in military cooperation between Moscow and "
                "Pyongyang amid the prolonged Russia-Ukraine war.",
            ),
            quoted(
                KBS,
                "The secretary added that the additional sanctions were implemented in "
                "cooperation with the United States.",
            ),
            *(
                sheet_heading(sheet)
                for sheet in (
                    MOF_RUSSIA_ORGANISATIONS,
                    MOF_RUSSIA_INDIVIDUALS,
                    MOF_OTHER_ORGANISATIONS,
                )
            ),
        ],
    )


# --------------------------------------------------------------------------------------------
# South Korea, 24 May 2024: seven North Korean individuals and two Russian vessels.
# --------------------------------------------------------------------------------------------

NORTH_KOREAN = CountryRole(country="KP", role="nationality")
IN_RUSSIA = CountryRole(country="RU", role="residence")
VLADIVOSTOK = Address(full="Vladivostok", city="Vladivostok", country="RU")

IT_WORKER_SOURCES = (IANS_FIVE_NAMES, IANS_FIVE, ARTICLE_IT_WORKERS, REUTERS_IT_WORKERS)
IT_WORKER_REASON = (
    "earned foreign currency as an IT worker in Vladivostok to fund North Korea's nuclear and "
    "missile programmes"
)


def it_worker(entity_id: str, name: str) -> Person:
    """One of the five North Korean IT workers that South Korea designated."""
    return Person(
        id=entity_id,
        name=name,
        positions=["IT worker in Vladivostok"],
        addresses=[VLADIVOSTOK],
        countries=[NORTH_KOREAN, IN_RUSSIA],
        sources=IT_WORKER_SOURCES,
    )


def south_korea_entities() -> list[Entity]:
    return [
        Person(
            id="rim-yong-hyok",
            name="Rim Yong-hyok",
            positions=[
                "representative in Syria of Korea Mining and Development Trading Corporation"
            ],
            countries=[NORTH_KOREAN],
            notes=[
                "Japan's Ministry of Finance list (sheet 35, number 1, notice of 2025.1.10) has "
                "'Rim Yong Hyok', Deputy Representative for KOMID in Syria, born 1972-03-04, "
                "nationality North Korea: probably the same person, not merged here because no "
                "source of this dataset says so."
            ],
            sources=[JOONGANG_RIM, JOONGANG_PANEL, ARTICLE_WAGNER],
        ),
        Person(
            id="han-hyok-chol",
            name="Han Hyok-chol",
            positions=["head of Taeryong Trading Corporation, Vladivostok"],
            countries=[NORTH_KOREAN, IN_RUSSIA],
            notes=[
                "Russia as residence is inferred from his work: head of Taeryong Trading "
                "Corporation in Vladivostok (corroboration note), 'at a company based in Russia' "
                "(Reuters); no source says where he lives."
            ],
            sources=[IANS_HAN, CORROBORATION_HAN, REUTERS_DIESEL, ARTICLE_DIESEL],
        ),
        it_worker("kim-jong-gil", "Kim Jong-gil"),
        it_worker("jang-ho-yong", "Jang Ho-yong"),
        it_worker("ri-kyong-sik", "Ri Kyong-sik"),
        it_worker("ri-yong-min", "Ri Yong-min"),
        it_worker("park-kwang-hyok", "Park Kwang-hyok"),
        Vessel(
            id="vessel-maia-1",
            name="MAIA-1",
            imo="9358010",
            flag="RU",
            vessel_type="General Cargo",
            tonnage=9611,
            notes=[
                "IMO number, type, gross tonnage and flag from OFAC's SDN list (entry 37098, "
                "programme RUSSIA-EO14024), identified with South Korea's MAIA-1 by name, "
                "Russian flag and OFAC's link to TRANSMORFLOT LLC, an alias of mg-flot-llc in "
                "Japan's list; South Korea's own list is not at hand.",
            ],
            sources=[IANS_SHIPS, REUTERS_SHIPS, sdn("37098")],
        ),
        Vessel(
            id="vessel-maria",
            name="MARIA",
            imo="8517839",
            call_sign="UBRH7",
            flag="RU",
            vessel_type="General Cargo",
            build_year=1986,
            notes=[
                "IMO number, call sign, type, build year and flag from OFAC's SDN list (entry "
                "46773, programme RUSSIA-EO14024), identified with South Korea's MARIA by name, "
                "Russian flag and OFAC's link to IBEX SHIPPING INC (ibex-shipping-inc, designated "
                "by Japan the same day); South Korea's own list is not at hand.",
            ],
            sources=[IANS_SHIPS, REUTERS_SHIPS, sdn("46773")],
        ),
    ]


def korea_person(
    entity_id: str, reason: str, sources: Sequence[Source], *basis: LegalBasis
) -> Designation:
    return Designation(
        entity_id=entity_id,
        authority=SOUTH_KOREA_MFA,
        listed="2024-05-24",
        measures=["financial_prohibition"],
        reasons=[reason],
        legal_basis=basis,
        sources=[JOONGANG_SEVEN_AND_TWO, *sources],
    )


def korea_vessel(entity_id: str) -> Designation:
    return Designation(
        entity_id=entity_id,
        authority=SOUTH_KOREA_MFA,
        listed="2024-05-24",
        measures=["port_entry_ban"],
        measure_notes=["port entry only with special permission"],
        reasons=["carried containers of military supplies between Russia and North Korea"],
        sources=[IANS_SHIPS, REUTERS_SHIPS, IANS_PORTS],
    )


def south_korea_package() -> SanctionPackage:
    it_sources = (IANS_FIVE_NAMES, IANS_FIVE, REUTERS_IT_WORKERS)
    return SanctionPackage(
        id="kr-2024-05-24",
        authority=SOUTH_KOREA_MFA,
        announced="2024-05-24",
        title="South Korea sanctions seven North Korean individuals and two Russian vessels",
        summary="Independent sanctions for the transport of military supplies and the arms trade "
        "between North Korea and Russia, the import of refined oil into North Korea and the "
        "foreign currency earnings of North Korean workers abroad: financial restrictions on "
        "the individuals; the vessels may enter South Korean ports only with special permission.",
        designations=[
            korea_person(
                "rim-yong-hyok",
                "involved in arms deals between Pyongyang and Moscow as a representative of the "
                "Korea Mining and Development Trading Corporation in Syria; negotiated with a "
                "member of Russia's Wagner Group in 2022-2023 to facilitate arms transfers (UN "
                "panel of experts, March 2024 report)",
                [JOONGANG_RIM, JOONGANG_PANEL, ARTICLE_WAGNER],
                UNSCR_1718,
                UNSCR_1874,
            ),
            korea_person(
                "han-hyok-chol",
                "involved in bringing Russian diesel into North Korea",
                [IANS_HAN, REUTERS_DIESEL, IANS_2397],
                UNSCR_2397,
            ),
            korea_person("kim-jong-gil", IT_WORKER_REASON, it_sources, UNSCR_2375),
            korea_person("jang-ho-yong", IT_WORKER_REASON, it_sources, UNSCR_2375),
            korea_person("ri-kyong-sik", IT_WORKER_REASON, it_sources, UNSCR_2375),
            korea_person("ri-yong-min", IT_WORKER_REASON, it_sources, UNSCR_2375),
            korea_person("park-kwang-hyok", IT_WORKER_REASON, it_sources, UNSCR_2375),
            korea_vessel("vessel-maia-1"),
            korea_vessel("vessel-maria"),
        ],
        legal_basis=[UNSCR_1718, UNSCR_2375, UNSCR_2397],
        measures=["financial_prohibition", "port_entry_ban"],
        measure_notes=["port entry only with special permission"],
        stated_counts=[
            StatedCount(
                kind="vessel",
                count=2,
                description="two Russian ... ships (the article)",
                source=ARTICLE_NINE_SHIPS,
            ),
            StatedCount(
                kind="vessel",
                count=7,
                description="seven North Korean ships (the article; an error for seven North "
                "Korean individuals)",
                source=ARTICLE_NINE_SHIPS,
            ),
            StatedCount(
                kind="person",
                count=7,
                description="Seven North Korean individuals",
                source=JOONGANG_SEVEN_AND_TWO,
            ),
            StatedCount(
                kind="vessel",
                count=2,
                description="two Russian ships",
                source=JOONGANG_SEVEN_AND_TWO,
            ),
            StatedCount(
                kind="person",
                count=7,
                description="seven North Korean individuals",
                source=REUTERS_SEVEN_AND_TWO,
            ),
            StatedCount(
                kind="vessel",
                count=2,
                description="two Russian vessels",
                source=REUTERS_SEVEN_AND_TWO,
            ),
        ],
        notes=[
            "The article (BNC's republication of Al Jazeera) says South Korea sanctioned 'two "
            "Russian and seven North Korean ships', but its own later paragraphs describe seven "
            "sanctioned North Korean people, and Korea JoongAng Daily and Reuters (24 May 2024) "
            "report the same statement as seven North Korean individuals and two Russian "
            "vessels. The dataset follows the corroborated reading: seven people, two ships.",
            "The sources at hand name no programme and do not spell out the individuals' "
            "measures; they are recorded as financial restrictions. Whether the vessels are "
            "also under financial restrictions is not stated.",
        ],
        sources=[
            JOONGANG_SEVEN_AND_TWO,
            REUTERS_SEVEN_AND_TWO,
            ARTICLE_NINE_SHIPS,
            ARTICLE_MFA_SHIPS,
            IANS_PORTS,
        ],
    )


# --------------------------------------------------------------------------------------------
# United States, 16 August 2023 ("In August" in the article): three entities linked to
# Ashot Mkrtychev.
# --------------------------------------------------------------------------------------------

MKRTYCHEV_NOTE = (
    "Linked to Ashot Mkrtychev (SDN since March 2023: designated on 30 March 2023, OFAC entry "
    "41736)."
)


def us_entities() -> list[Entity]:
    return [
        Organization(
            id="limited-liability-company-verus",
            name="LIMITED LIABILITY COMPANY VERUS",
            aliases=["LLC VERUS"],
            identifiers=[
                Identifier(scheme="tax_id", value="9701170663", country="RU"),
                Identifier(scheme="registration", value="1217700053493", country="RU"),
            ],
            incorporated="2021-02-10",
            countries=[CountryRole(country="RU", role="jurisdiction")],
            notes=[MKRTYCHEV_NOTE],
            sources=[sdn("44544"), OFAC_NOTE_THREE_ENTITIES, YONHAP_OWNED_OR_LED],
        ),
        Organization(
            id="defense-engineering-limited-liability-partnership",
            name="DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP",
            aliases=["DEFENSE ENGINEERING, TOO"],
            identifiers=[
                Identifier(
                    scheme="registration",
                    value="181140030924",
                    country="KZ",
                    note="Company Number",
                ),
            ],
            incorporated="2018-11-27",
            countries=[CountryRole(country="KZ", role="jurisdiction")],
            notes=[MKRTYCHEV_NOTE],
            sources=[sdn("44578"), OFAC_NOTE_THREE_ENTITIES, YONHAP_OWNED_OR_LED],
        ),
        Organization(
            id="versor-s-r-o",
            name="VERSOR S.R.O.",
            identifiers=[
                Identifier(scheme="tax_id", value="2023480030", country="SK"),
                Identifier(
                    scheme="registration",
                    value="46622764",
                    country="SK",
                    note="Identification Number",
                ),
            ],
            incorporated="2012-04-14",
            countries=[CountryRole(country="SK", role="jurisdiction")],
            notes=[MKRTYCHEV_NOTE],
            sources=[sdn("44579"), OFAC_NOTE_THREE_ENTITIES, YONHAP_OWNED_OR_LED],
        ),
    ]


def us_designation(entity_id: str, entry: str) -> Designation:
    return Designation(
        entity_id=entity_id,
        authority=OFAC,
        authority_ref=entry,
        listed="2023-08-16",
        programmes=["DPRK"],
        measures=["asset_freeze", "financial_prohibition"],
        reasons=[
            "owned or led by Ashot Mkrtychev; involved in arms deals between North Korea and Russia"
        ],
        legal_basis=[NORTH_KOREA_SANCTIONS_REGULATIONS],
        sources=[sdn(entry), OFAC_NOTE_THREE_ENTITIES, YONHAP_THREE_ENTITIES, YONHAP_OWNED_OR_LED],
    )


def us_package() -> SanctionPackage:
    in_august = parse_date("in August", reference=REFERENCE)
    return SanctionPackage(
        id="us-2023-08-16",
        authority=OFAC,
        announced="2023-08-16",
        title="OFAC designates three entities linked to Ashot Mkrtychev for arms deals between "
        "North Korea and Russia (DPRK programme)",
        summary="Blocking of LIMITED LIABILITY COMPANY VERUS (Russia), DEFENSE ENGINEERING "
        "LIMITED LIABILITY PARTNERSHIP (Kazakhstan) and VERSOR S.R.O. (Slovakia), all owned or "
        "led by Ashot Mkrtychev, designated in March 2023 for attempting to facilitate arms "
        "deals between Russia and North Korea.",
        designations=[
            us_designation("limited-liability-company-verus", "44544"),
            us_designation("defense-engineering-limited-liability-partnership", "44578"),
            us_designation("versor-s-r-o", "44579"),
        ],
        legal_basis=[NORTH_KOREA_SANCTIONS_REGULATIONS],
        measures=["asset_freeze", "financial_prohibition"],
        measure_notes=[
            "SDN blocking: property in the US is frozen and US persons are generally barred "
            "from dealing with the entities.",
        ],
        stated_counts=[
            StatedCount(
                kind="organization",
                count=3,
                description="three entities",
                source=YONHAP_THREE_ENTITIES,
            ),
        ],
        notes=[
            f"The article says only 'In August'; against its date that resolves to "
            f"{in_august.isoformat()}. The exact day, 16 August 2023, comes from the "
            "corroboration note and from Yonhap's report datelined 'Aug. 16'.",
            "OFAC's sdn.csv gives no listing dates; the entries' programme, identifiers and "
            "aliases come from its version of 3 May 2024.",
        ],
        sources=[
            ARTICLE_US_AUGUST,
            OFAC_NOTE_THREE_ENTITIES,
            YONHAP_THREE_ENTITIES,
            YONHAP_MKRTYCHEV_MARCH,
            YONHAP_MUNITIONS,
        ],
    )


# --------------------------------------------------------------------------------------------
# Alleged transfers and the claims about them.
# --------------------------------------------------------------------------------------------


def transfers() -> list[AllegedTransfer]:
    friday = parse_date("Friday", reference=REFERENCE)
    last_week = parse_date("last week", reference=REFERENCE)
    last_month = parse_date("last month", reference=REFERENCE)
    return [
        AllegedTransfer(
            id="kp-ru-ammunition",
            goods=Goods(description="containers of ammunition", category="ammunition"),
            quantity=Quantity(
                amount=1000, unit="container", approximate=True, text="thousands of containers"
            ),
            origin="KP",
            destination="RU",
            carriers=["vessel-maia-1", "vessel-maria"],
            claims=[
                Claim(
                    party="KR",
                    stance="alleges",
                    date=friday,
                    statement="were transporting a large number of containers between Russia "
                    "and North Korea, transporting military supplies",
                    source=ARTICLE_MFA_SHIPS,
                ),
                Claim(
                    party="JP",
                    stance="condemns",
                    date=friday,
                    statement="strongly condemns",
                    source=HAYASHI_CONDEMNS,
                ),
                Claim(
                    party="US",
                    stance="alleges",
                    date="2023-08-16",
                    statement="As Russia has continued to expend munitions and lose heavy "
                    "equipment on the battlefield, it has been increasingly forced to turn to its "
                    "few allies, including the DPRK, to sustain its unprovoked war in Ukraine",
                    source=YONHAP_MUNITIONS,
                ),
                Claim(
                    party="KP",
                    stance="denies",
                    date=last_week,
                    statement="no intention of exporting our military technical capabilities to "
                    "any country",
                    source=quoted(
                        ARTICLE,
                        "Last week, Pyongyang denied accusations it was sending weapons to "
                        "Russia, saying it had “no intention of exporting our military "
                        "technical capabilities to any country.”",
                    ),
                ),
                Claim(party="RU", stance="denies", source=REUTERS_DENIED),
                Claim(
                    party="RU",
                    stance="calls_hostile",
                    date=last_month,
                    statement="hostile measure",
                    source=quoted(
                        ARTICLE,
                        "Last month, Russia described South Korea’s sanctions on Russian "
                        "individuals and entities as a “hostile measure” and warned it would "
                        "respond in due course.",
                    ),
                ),
            ],
            notes=[
                "'thousands of containers' gives no number: 1000 is the lower bound it implies.",
                "The carriers are the two vessels South Korea designated for carrying containers "
                "of military supplies between Russia and North Korea; no source says which "
                "containers they carried.",
                "The US claim is OFAC's statement of 16 August 2023 about Russia turning to "
                "North Korea for munitions; Reuters (24 May 2024) adds that 'The United States "
                "and South Korea have accused North Korea of transferring weapons to Russia'.",
                "Russia's 'hostile measure' statement (April 2024; Reuters renders it as "
                "'unfriendly move') is about South Korea's earlier sanctions on Russian "
                "individuals and entities, not about this transfer or the 24 May package; it is "
                "attached here as the transfer those sanctions concerned.",
            ],
            sources=[
                quoted(
                    ARTICLE,
                    "Pyongyang is accused of sending thousands of containers of ammunition to "
                    "Moscow for use in the war against Ukraine.",
                ),
                ARTICLE_THOUSANDS,
                ARTICLE_US_AUGUST,
                REUTERS_ACCUSED,
                REUTERS_SHIPS,
            ],
        ),
        AllegedTransfer(
            id="ru-kp-diesel",
            goods=Goods(description="diesel", category="fuel"),
            origin="RU",
            destination="KP",
            claims=[
                Claim(party="KR", stance="alleges", date=friday, source=ARTICLE_DIESEL),
            ],
            notes=[
                "Brought by Han Hyok-chol (han-hyok-chol), head of Taeryong Trading Corporation.",
                "UN Security Council resolution 2397 (2017) caps refined oil supplied to North "
                "Korea.",
            ],
            sources=[ARTICLE_DIESEL, REUTERS_DIESEL, IANS_HAN, IANS_2397],
        ),
        AllegedTransfer(
            id="kp-weapons-via-cyprus",
            goods=Goods(description="weapons", category="arms"),
            origin="KP",
            claims=[
                # Asahi reports it; the allegation behind Japan's designations is Japan's.
                Claim(party="JP", stance="alleges", date=friday, source=ASAHI),
            ],
            notes=[
                "Transported by the two Cyprus-based shipping firms that Japan designated: "
                "ibex-shipping-inc and azia-shipping-holdings-limited.",
                "The sources do not say where the weapons went.",
            ],
            sources=[ASAHI],
        ),
    ]


# --------------------------------------------------------------------------------------------


METADATA = {
    "title": "Sanctions on the Russia-North Korea arms trade announced on 24 May 2024",
    "description": (
        "Japan's and South Korea's packages of 24 May 2024, the US package of 16 August 2023 "
        "that the article recalls, and the alleged transfers behind them, each fact with its "
        "source and quoted sentence."
    ),
    "reference_date": "2024-05-24",
}


def build() -> sk.Dataset:
    """The built-in dataset. Building it checks that ids are unique and references resolve."""
    return sk.Dataset(
        entities=[*japan_entities(), *south_korea_entities(), *us_entities()],
        packages=[japan_package(), south_korea_package(), us_package()],
        transfers=transfers(),
        metadata=METADATA,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dump", metavar="PATH", help="write the dataset as sanctionkit JSON lines"
    )
    args = parser.parse_args(argv)

    dataset = build()
    kinds = Counter(type(entity).__name__ for entity in dataset.entities)
    print(f"entities: {len(dataset)} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")
    for package in dataset.packages:
        print(
            f"package {package.id}: {package.authority.name}, {package.announced.isoformat()}, "
            f"{len(package.designations)} designations"
        )
    for transfer in dataset.transfers:
        print(f"transfer {transfer.id}: {transfer.status.value}, {len(transfer.claims)} claims")
    if args.dump:
        if sk.loads(sk.dumps(dataset)) != dataset:
            print("problem: the dataset does not survive a JSON round trip", file=sys.stderr)
            return 1
        sk.dump(dataset, args.dump)
        print(f"wrote {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
