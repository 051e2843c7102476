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
        "januari",
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
        "februari", "pebruari",
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
        "березень", "березня", "бер",
        "mart",
        "maret", "mac",
        "مارس", "آذار",
    ),
    4: (
        "april", "apr",
        "avril", "avr",
        "abril", "abr",
        "aprile",
        "апрель", "апреля", "апр",
        "квітень", "квітня", "квіт",
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
        "травень", "травня", "трав",
        "mayıs", "may",
        "mei",
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
        "червень", "червня", "черв",
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
        "серпень", "серпня", "серп",
        "ağustos", "ağu",
        "agustus", "ogos",
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
        "вересень", "вересня", "вер",
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
        "жовтень", "жовтня", "жовт",
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
        "листопад", "листопада", "лист",
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
        "грудень", "грудня", "груд",
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
    "حوالي", "حوالى", "نحو", "تقريبا", "تقریبا", "حدود",
)  # fmt: skip

# Words that open a range; accepted only at the start ("between 1958 and 1963").
RANGE_OPENERS: tuple[str, ...] = (
    "between", "from", "since", "after",
    "entre", "de", "du", "desde", "depuis", "seit", "del", "dal", "da",
    "zwischen", "von", "vom",
    "между", "с", "со",
    "між", "від", "з", "із",
    "antara", "dari",
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
    "إلى", "الى", "و", "حتى",
)  # fmt: skip

# Openers that, with no second date, leave the range open at its end
# ("since 1990" is "1990/.."). A separator at the start leaves the range open at
# its start ("until 1990", "до 1990").
OPEN_END_OPENERS: tuple[str, ...] = ("from", "since", "after", "desde", "depuis", "seit")

# Words that join alternative dates ("1963 or 1964"): refused, since neither a
# date nor a range says "one of these".
ALTERNATIVES: tuple[str, ...] = ("or", "ou", "o", "oder", "или", "або", "veya", "atau", "أو", "یا")

# Words with no meaning for the date itself: labels ("DOB", "né le"), fillers
# ("3 de mayo de 1962", "3rd of May"), and markers of the year or of the
# Gregorian calendar ("1962 г.", "1962 року", "1962م", "1962年").
FILLERS: tuple[str, ...] = (
    "dob", "born", "b", "on", "in", "the", "of", "year", "date of birth",
    "né", "née", "le", "en", "l'an",
    "de", "del", "el", "do", "da", "di", "im", "am",
    "в", "у", "г", "гг", "год", "года", "году", "р", "рр", "рік", "року",
    "yılı", "yılında", "tarihinde", "arasında",
    "tahun", "pada", "tanggal", "tgl",
    "م", "عام", "سنة", "في",
    "年", "月", "日",
)  # fmt: skip

# Suffixes after a day number: "3rd", "1st", "1er", "1º" (folded to "o").
ORDINAL_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th", "er", "o", "a", "ое", "го")

# Words that mark a date in a calendar other than the Gregorian one: such a
# date is refused rather than read as if it were Gregorian.
OTHER_CALENDARS: tuple[str, ...] = (
    "hijri", "hijra", "ah", "hegire", "hégire", "هـ", "ه", "هجري", "هجرية", "ش",
    "shamsi", "jalali", "solar hijri",
)  # fmt: skip

# English weekday names (Monday = 0, as in datetime.date.weekday()), for news
# phrases ("on Friday") and for dropping a weekday written before a full date.
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("monday", "mon", "lundi", "lunes", "montag", "понедельник"),
    1: ("tuesday", "tue", "tues", "mardi", "martes", "dienstag", "вторник"),
    2: ("wednesday", "wed", "mercredi", "miércoles", "mittwoch", "среда", "среду"),
    3: ("thursday", "thu", "thur", "thurs", "jeudi", "jueves", "donnerstag", "четверг"),
    4: ("friday", "fri", "vendredi", "viernes", "freitag", "пятница", "пятницу"),
    5: ("saturday", "sat", "samedi", "sábado", "samstag", "суббота", "субботу"),
    6: ("sunday", "sun", "dimanche", "domingo", "sonntag", "воскресенье"),
}

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
