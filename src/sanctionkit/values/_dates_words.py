"""Words that the date parser understands, as data.

Each table maps a word (or a phrase of up to three words, separated by single
spaces) to its meaning. The spellings are written the way people write them,
with accents and in any script; :mod:`sanctionkit.values.dates` folds them
(case, accents, compatibility forms) with the same function it applies to the
input, so "Février", "FEVRIER" and "février" all meet the key "février".

Adding a language means adding rows here, never code. The module is imported
only when a date is not in ISO form, so ``import sanctionkit`` does not pay
for it.
"""

from __future__ import annotations

# Month names, full, abbreviated and (for Slavic languages) in both the
# nominative ("май") and the genitive that follows a day number ("3 мая").
# Abbreviations are listed without their dot: the tokenizer drops it.
MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        # English, French, Spanish, Portuguese, Italian, German
        "january", "jan",
        "janvier", "janv",
        "enero", "ene",
        "janeiro",
        "gennaio", "gen",
        "januar", "jänner", "jän",
        # Russian, Ukrainian
        "январь", "января", "янв",
        "січень", "січня", "січ",
        # Turkish, Indonesian/Malay
        "ocak", "oca",
        "januari",  # also Dutch
        # Arabic (Egyptian/Gulf and Levantine/Iraqi names), Persian
        "يناير", "كانون الثاني",
        "ژانویه",
    ),
    2: (
        "february", "feb",
        "février", "févr", "fév",
        "febrero",
        "fevereiro", "fev",
        "febbraio",
        "februar", "feber",
        "февраль", "февраля", "февр", "фев",
        "лютий", "лютого", "лют",
        "şubat", "şub",
        "februari", "pebruari",  # Indonesian, Dutch
        "فبراير", "شباط",
        "فوریه",
    ),
    3: (
        "march", "mar",
        "mars",
        "marzo",
        "março",
        "märz", "maerz", "mär",
        "март", "марта", "мар",
        "березень", "березня", "берез", "бер",
        "mart",
        "maret", "mac",
        "maart", "mrt",
        "مارس", "آذار",
    ),
    4: (
        "april", "apr",
        "avril", "avr",
        "abril", "abr",
        "aprile",
        "апрель", "апреля", "апр",
        "квітень", "квітня", "квіт", "кві",
        "nisan",
        "أبريل", "ابريل", "إبريل", "نيسان",
        "آوریل",
    ),
    5: (
        "may",
        "mai",
        "mayo",
        "maio",
        "maggio", "mag",
        "май", "мая",
        "травень", "травня", "трав", "тра",
        "mayıs", "may",
        "mei",  # Indonesian, Dutch
        "مايو", "أيار",
        "مه",
    ),
    6: (
        "june", "jun",
        "juin",
        "junio",
        "junho",
        "giugno", "giu",
        "juni",
        "июнь", "июня", "июн",
        "червень", "червня", "черв", "чер",
        "haziran", "haz",
        "juni",
        "يونيو", "يونيه", "حزيران",
        "ژوئن",
    ),
    7: (
        "july", "jul",
        "juillet", "juil",
        "julio",
        "julho",
        "luglio", "lug",
        "juli",
        "июль", "июля", "июл",
        "липень", "липня", "лип",
        "temmuz", "tem",
        "julai",
        "يوليو", "يوليه", "تموز",
        "ژوئیه",
    ),
    8: (
        "august", "aug",
        "août",
        "agosto", "ago",
        "август", "августа", "авг",
        "серпень", "серпня", "серп", "сер",
        "ağustos", "ağu",
        "agustus", "ogos",
        "augustus",
        "أغسطس", "اغسطس", "آب",
        "اوت",
    ),
    9: (
        "september", "sep", "sept",
        "septembre",
        "septiembre", "setiembre",
        "setembro", "set",
        "settembre",
        "сентябрь", "сентября", "сен", "сент",
        "вересень", "вересня", "верес", "вер",
        "eylül", "eyl",
        "سبتمبر", "أيلول",
        "سپتامبر",
    ),
    10: (
        "october", "oct",
        "octobre",
        "octubre",
        "outubro", "out",
        "ottobre", "ott",
        "oktober", "okt",
        "октябрь", "октября", "окт",
        "жовтень", "жовтня", "жовт", "жов",
        "ekim", "eki",
        "أكتوبر", "اكتوبر", "تشرين الأول",
        "اکتبر",
    ),
    11: (
        "november", "nov",
        "novembre",
        "noviembre",
        "novembro",
        "ноябрь", "ноября", "нояб", "ноя",
        "листопад", "листопада", "листоп", "лист", "лис",
        "kasım", "kas",
        "nopember",
        "نوفمبر", "تشرين الثاني",
        "نوامبر",
    ),
    12: (
        "december", "dec",
        "décembre", "déc",
        "diciembre", "dic",
        "dezembro", "dez",
        "dicembre",
        "dezember",
        "декабрь", "декабря", "дек",
        "грудень", "грудня", "груд", "гру",
        "aralık", "ara",
        "desember", "disember",
        "ديسمبر", "كانون الأول",
        "دسامبر",
    ),
}  # fmt: skip

# Words that make a date approximate ("circa 1960", "около 1960 г.").
APPROXIMATE: tuple[str, ...] = (
    "circa", "c", "ca", "cca", "approx", "approximately", "about", "around", "abt",
    "vers", "environ", "aux environs de",
    "hacia", "aproximadamente", "aprox", "alrededor de", "cerca de",
    "por volta de",
    "verso", "intorno al", "intorno",
    "etwa", "ungefähr", "zirka", "um",
    "около", "приблизительно", "примерно", "ок",
    "близько", "приблизно", "бл",
    "yaklaşık", "civarı",
    "sekitar", "kira kira", "lebih kurang",
    "ongeveer", "omstreeks", "rond",
    "حوالي", "حوالى", "نحو", "تقريبا", "تقریبا", "حدود",
    # Japanese: "1961年頃" (about 1961), "約1960年"
    "頃", "ごろ", "約",
    # Hedges: the lists write "possibly" before nationalities and dates alike; an uncertain
    # date reads as approximate, as EDTF's "?" does ("1960?").
    "possibly", "probably", "perhaps", "likely", "presumably", "estimated", "est",
    "probablement", "possiblement", "aux alentours de", "autour de",
    "posiblemente", "probablemente", "en torno a", "a eso de",
    "possivelmente", "provavelmente",
    "possibilmente", "probabilmente",
    "vermutlich", "wahrscheinlich", "möglicherweise", "gegen",
    "возможно", "вероятно", "предположительно", "ориентировочно",
    "можливо", "ймовірно",
    "muhtemelen",
    "mungkin",
    "ربما", "على الأرجح", "على الارجح", "قرابة",
    "前後", "推定",
)  # fmt: skip

# Words that open a range; accepted only at the start ("between 1958 and 1963").
RANGE_OPENERS: tuple[str, ...] = (
    "between", "from", "since", "after",
    "entre", "de", "du", "desde", "depuis", "seit", "del", "dal", "da",
    "zwischen", "von", "vom",
    "между", "с", "со",
    "між", "від", "з", "із",
    "antara", "dari",
    "tussen", "van",
    "بين", "من",
)  # fmt: skip

# Words that separate the two ends of a range ("1960 to 1962", "с 1960 по 1962").
RANGE_SEPARATORS: tuple[str, ...] = (
    "to", "and", "until", "till", "through", "thru", "before",
    "à", "au", "et", "jusqu'à",
    "a", "al", "y", "hasta", "até", "e",
    "bis", "und",
    "по", "до", "и",
    "і", "та",
    "ile", "ve",
    "sampai", "hingga", "dan",
    "tot",
    # Japanese "1958年から1964年" (from 1958 to 1964)
    "から",
    "إلى", "الى", "و", "حتى",
)  # fmt: skip

# Openers that, with no second date, leave the range open at its end
# ("since 1990" is "1990/..").
OPEN_END_OPENERS: tuple[str, ...] = ("from", "since", "after", "desde", "depuis", "seit")

# Separators that, at the start, leave the range open at its start ("until
# 1990", "до 1990" are "../1990"). Others ("and", "a", "-") at the start make
# the text no date: "and expired on 24 Jun. 2003" is the end of a sentence.
OPEN_START_SEPARATORS: tuple[str, ...] = (
    "until", "till", "before", "jusqu'à", "hasta", "até", "bis", "до", "sampai", "hingga", "tot",
    "حتى",
)  # fmt: skip

# Words that join alternative dates ("1963 or 1964"): refused, since neither a
# date nor a range says "one of these".
ALTERNATIVES: tuple[str, ...] = (
    "or", "ou", "o", "oder", "или", "або", "veya", "atau", "أو", "یا", "又は", "または",
)  # fmt: skip

# Words with no meaning for the date itself: labels ("DOB", "né le", "as at",
# "expires"), fillers ("3 de mayo de 1962", "3rd of May"), and markers of the
# year or of the Gregorian calendar ("1962 г.", "1962 року", "1962م", "1962年",
# "AD 2001").
FILLERS: tuple[str, ...] = (
    "dob", "born", "b", "on", "in", "the", "of", "year", "date of birth",
    "as at", "as of", "issued", "date of issue", "issue date",
    "expires", "expired", "expiring", "expiry", "expiration", "expiration date",
    "date of expiration", "exp",
    "ad", "a d", "ce",
    "né", "née", "le", "en", "l'an",
    "de", "del", "el", "do", "da", "di", "im", "am",
    "в", "у", "г", "гг", "год", "года", "году", "р", "рр", "рік", "року",
    "yılı", "yılında", "tarihinde", "arasında",
    "tahun", "pada", "tanggal", "tgl",
    "م", "عام", "سنة", "في",
    # Japanese and Chinese: year, month, day; "born" (1970年生); the labels
    # "deleted", "revised", "corrected", "designated" of the Japanese list
    # ("2011.11.18削除"); "between" after a range ("1963年から1968年の間").
    "年", "月", "日", "生", "削除", "改訂", "修正", "指定", "の間", "までの間",
)  # fmt: skip

# Suffixes after a day number: "3rd", "1st", "1er", "1º" (folded to "o").
ORDINAL_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th", "er", "o", "a", "ое", "го")

# Words that mark a date in a calendar other than the Gregorian one: such a
# date is refused rather than read as if it were Gregorian.
OTHER_CALENDARS: tuple[str, ...] = (
    "hijri", "hijra", "ah", "hegire", "hégire", "هـ", "ه", "هجري", "هجرية", "ش",
    "shamsi", "jalali", "solar hijri",
    "ヒジュラ暦", "イスラム暦",
)  # fmt: skip

# Words that put a year before the common era: refused, since the lists have
# no such dates and reading "1500 BC" as 1500 would be wrong.
BEFORE_COMMON_ERA: tuple[str, ...] = ("bc", "b c", "bce", "b c e", "до н э", "до нашей эры")

# Weekday names (Monday = 0, as in datetime.date.weekday()), for news phrases
# ("on Friday") and for dropping a weekday written next to a full date
# ("Пнд, 07 янв. 2019", "Sa 21. Jan 2017"). German two-letter forms that are
# also fillers ("do", "di") stay fillers, which gives the same result.
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("monday", "mon", "lundi", "lunes", "montag", "mo", "понедельник", "пн", "пнд"),
    1: ("tuesday", "tue", "tues", "mardi", "martes", "dienstag", "вторник", "вт", "втр"),
    2: ("wednesday", "wed", "mercredi", "miércoles", "mittwoch", "mi", "среда", "среду", "ср",
        "срд"),
    3: ("thursday", "thu", "thur", "thurs", "jeudi", "jueves", "donnerstag", "четверг", "чт",
        "чтв"),
    4: ("friday", "fri", "vendredi", "viernes", "freitag", "fr", "пятница", "пятницу", "пт",
        "птн"),
    5: ("saturday", "sat", "samedi", "sábado", "samstag", "sa", "суббота", "субботу", "сб",
        "сбт"),
    6: ("sunday", "sun", "dimanche", "domingo", "sonntag", "so", "воскресенье", "вс", "вск"),
}  # fmt: skip

# A clock time next to a full date is dropped ("Thu Sep 25 10:36:28 BRST 2003",
# "28 октября 2014 в 07:54"): the words that may come before the time ("at",
# "à", "в") and those that may follow it (a.m./p.m. are in the pattern).
TIME_CONNECTORS: tuple[str, ...] = (
    "at", "à", "a las", "alle", "um", "в", "во", "о", "об", "saat", "pukul", "jam", "klo", "@",
)  # fmt: skip
TIME_SUFFIXES: tuple[str, ...] = ("uhr", "hrs", "h", "ч")
# Time zone names after a time; numeric offsets ("-0300") are in the pattern.
TIME_ZONES: tuple[str, ...] = (
    "z", "utc", "gmt", "ut", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst",
    "akdt", "hst", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "brt",
    "brst", "art", "jst", "kst", "hkt", "sgt", "pht", "wib", "aest", "aedt", "awst", "nzst",
    "nzdt", "ict", "pkt", "gst", "irst",
)  # fmt: skip
# Words for a time of day without digits ("November 19, 2014 at noon").
TIME_WORDS: tuple[str, ...] = ("noon", "midnight", "midday")

# Number words for "two days ago".
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Units for "N days ago".
UNITS: dict[str, str] = {
    "day": "day", "days": "day",
    "week": "week", "weeks": "week",
    "month": "month", "months": "month",
    "year": "year", "years": "year",
}  # fmt: skip
