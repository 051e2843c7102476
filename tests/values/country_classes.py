"""The classes of country values of issue 13 §2, with the code each value names.

Shared by tests/values/test_country_forms.py and benchmarks/bench_value_classes.py
(which runs without pytest). Where each value comes from is said above its group:

- ``jp/shisantouketsu20260305.xlsx``: the Japanese Ministry of Finance list in
  ``../shared/data``, column 国籍 (nationality), byte for byte;
- ``uk/ConList-2022-05-04.xlsx``: the UK consolidated list, Country of Birth;
- ``sdn-2024-05-02.csv``, ``consolidated-2024-11-30.xml``: OFAC's and the UN's lists;
- ``countrynames``: the table of country strings that OpenSanctions met in
  official lists and matched by hand (``countrynames/data.yaml``, version 1.17);
- ``issue 13``: the examples that the issue itself gives for the class.

Forms built by a language's grammar from those (a feminine, a genitive, another
word order) say so. The expected code was decided by reading the text.
"""

from __future__ import annotations

# Each class of issue 13 §2, with (text, code) pairs: also the inputs of the
# per-class comparison in benchmarks/run.py.
DEMONYMS: list[tuple[str, str]] = [
    # issue 13's examples, and their other gender (German, French, Spanish).
    ("Syrisch", "SY"),
    ("Syrische", "SY"),
    ("Iranienne", "IR"),
    ("Iranien", "IR"),
    ("Venezolano", "VE"),
    ("Venezolana", "VE"),
    # countrynames: adjectives met in lists.
    ("Argentino", "AR"),
    ("Mexicano", "MX"),
    ("Eritreo", "ER"),
    ("Libio", "LY"),
    ("Deutsch", "DE"),
    ("Suisse", "CH"),
    # French and Spanish forms of the same countries by grammar (feminine, plural).
    ("Syrienne", "SY"),
    ("Libyenne", "LY"),
    ("Vénézuéliens", "VE"),
    ("Afganos", "AF"),
    ("Iraníes", "IR"),
    ("russischen", "RU"),
    # issue 13: Russian and Arabic, masculine and feminine.
    ("сирийский", "SY"),
    ("иранская", "IR"),
    ("سوري", "SY"),
    ("إيرانية", "IR"),
    # countrynames: Arabic adjectives (IR, AF).
    ("إيراني", "IR"),
    ("أفغاني", "AF"),
    # Russian adjectives in other cases and genders, by grammar.
    ("российская", "RU"),
    ("белорусской", "BY"),
    ("северокорейского", "KP"),
    # Arabic feminine and with the article, by grammar.
    ("السورية", "SY"),
    ("عراقية", "IQ"),
    # issue 13: Japanese nationality forms.
    ("イラン人", "IR"),
    ("ロシア国籍", "RU"),
    # jp/shisantouketsu20260305.xlsx, 国籍 (rows 12-4 and 21-10).
    ("スーダン人(生まれ)", "SD"),
    ("エチオピアと思われる", "ET"),
]

OFFICIAL_FORMS: list[tuple[str, str]] = [
    # countrynames: Russian and Arabic official names (nominative).
    ("Объединённые Арабские Эмираты", "AE"),
    ("الإمارات العربية المتحدة", "AE"),
    # The same kind of names in the genitive ("citizen of ...") and in another
    # word order, by grammar from CLDR's Russian and Arabic names.
    ("Российской Федерации", "RU"),
    ("Сирийской Арабской Республики", "SY"),
    ("Исламской Республики Иран", "IR"),
    ("Республики Беларусь", "BY"),
    ("гражданин Российской Федерации", "RU"),
    ("جمهورية إيران الإسلامية", "IR"),
    ("الجمهورية العربية السورية", "SY"),
    ("جمهورية العراق", "IQ"),
]

SUBDIVISIONS: list[tuple[str, str]] = [
    # issue 13's examples.
    ("Scotland, UK", "GB"),
    ("GB-SCT", "GB"),
    ("UA-43", "UA"),
    # uk/ConList-2022-05-04.xlsx, Country of Birth: an autonomous republic of the USSR.
    ("Yakut Autonomous SSR (now Russian Federation)", "SUHH"),
    ("Komi ASSR (now Russian Federation)", "SUHH"),
    ("Wales, United Kingdom", "GB"),
]

HISTORIC: list[tuple[str, str]] = [
    # issue 13's examples.
    ("ГДР", "DDDE"),
    ("Jugoslavija", "YUCS"),
    ("СССР", "SUHH"),
    ("Tschechoslowakei", "CSHH"),
    # countrynames: historical states in Russian and Serbian.
    ("Советский Союз", "SUHH"),
    ("Союз ССР", "SUHH"),
    ("Сербия и Черногория", "CSXX"),
    ("Србија и Црна Гора", "CSXX"),
    ("Германская Демократическая Республика", "DDDE"),
    # The same states in the other languages of the lists (ISO 3166-3's own
    # translations, and everyday names that the translations lack).
    ("Tchécoslovaquie", "CSHH"),
    ("Checoslovaquia", "CSHH"),
    ("Чехословакия", "CSHH"),
    ("ЧССР", "CSHH"),
    ("Československo", "CSHH"),
    ("تشيكوسلوفاكيا", "CSHH"),
    ("Union soviétique", "SUHH"),
    ("Unión Soviética", "SUHH"),
    ("ex-URSS", "SUHH"),
    ("ehemalige Sowjetunion", "SUHH"),
    ("бывший СССР", "SUHH"),
    ("الاتحاد السوفيتي", "SUHH"),
    ("旧ソ連", "SUHH"),
    ("RDA", "DDDE"),
    ("Восточная Германия", "DDDE"),
    ("Alemania Oriental", "DDDE"),
    ("ألمانيا الشرقية", "DDDE"),
    ("東ドイツ", "DDDE"),
    ("Југославија", "YUCS"),
    ("Yougoslavie", "YUCS"),
    ("Jugoslawien", "YUCS"),
    ("СФРЮ", "YUCS"),
    ("يوغوسلافيا", "YUCS"),
    ("Serbie-et-Monténégro", "CSXX"),
    ("Serbien und Montenegro", "CSXX"),
]

PLACES: list[tuple[str, str]] = [
    # OFAC SDN CSV 2024-05 (sdn-2024-05-02.csv), places of birth: capitals and
    # ISO 3166-2 regions that one country has.
    ("Pyongyang", "KP"),
    ("Tamaulipas", "MX"),
    ("Durango", "MX"),
    ("Chiapas", "MX"),
    # un/consolidated-2024-11-30.xml, CITY of a place of birth.
    ("Damascus", "SY"),
    # jp/shisantouketsu20260305.xlsx, 国籍 of row 2-411 (an address of the UN list).
    ("Guelma", "DZ"),
    # issue 13: well-known capitals.
    ("Tehran", "IR"),
    ("Caracas", "VE"),
]

CLASSES: dict[str, list[tuple[str, str]]] = {
    "demonyms": DEMONYMS,
    "official forms": OFFICIAL_FORMS,
    "subdivisions": SUBDIVISIONS,
    "historic": HISTORIC,
    "places (places=True)": PLACES,
}
