"""Compile country names in other languages into src/sanctionkit/data/country_names_intl.tsv.

Sources: pycountry's ISO 3166-1 and ISO 3166-3 translations (gettext catalogues
of the Debian iso-codes project, about 160 languages) and the CLDR territory
names that Babel ships (about 1,100 locales). Reading these at run time would
cost seconds and a dependency on Babel, so they are compiled here, once.

A key that different sources give to different countries is written with all
of its codes, so that the parser reports it as ambiguous instead of picking one.

Usage (needs the ``build-data`` extra)::

    python tools/build_country_names.py            # rewrite the table
    python tools/build_country_names.py --check    # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import gettext
import sys
from collections import Counter, defaultdict
from pathlib import Path

import babel
import pycountry
from babel import Locale, localedata

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sanctionkit.values._normalize import name_key  # noqa: E402

Index = defaultdict[str, Counter[str]]

TARGET = ROOT / "src" / "sanctionkit" / "data" / "country_names_intl.tsv"


# ISO 3166-3 entries that were renames, not the end of a state, and whose old
# name official lists still use for today's state (see country_aliases.tsv):
# their translations count for the current code.
RENAMED = {"BUMM": "MM", "TPTL": "TL"}


def pycountry_names(index: Index) -> None:
    """Translations of every ISO name, official name and common name."""
    english: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                english[value] = country.alpha_2
    historic: dict[str, str] = {
        country.name: RENAMED.get(country.alpha_4, country.alpha_4)
        for country in pycountry.historic_countries
    }
    short_named = short_named_states(english)
    locales = Path(pycountry.LOCALES_DIR)
    for language_dir in sorted(locales.iterdir()):
        for domain, names in (("iso3166-1", english), ("iso3166-3", historic)):
            try:
                catalogue = gettext.translation(domain, str(locales), languages=[language_dir.name])
            except OSError:
                continue
            for message_id, code in names.items():
                translated = catalogue.gettext(message_id)
                if translated and translated != message_id:
                    add(index, translated, code)
                    if message_id in short_named:
                        add_short_name(index, translated, code)


def short_named_states(english: dict[str, str]) -> set[str]:
    """ISO 3166-3 names whose part before the comma names the old state alone.

    "Czechoslovakia, Czechoslovak Socialist Republic" does; "Viet-Nam,
    Democratic Republic of" and "France, Metropolitan" do not, as their head is
    a current country's name.
    """
    current = {name_key(name) for name in english}
    return {
        country.name
        for country in pycountry.historic_countries
        if "," in country.name and name_key(country.name.partition(",")[0]) not in current
    }


def add_short_name(index: Index, name: str, code: str) -> None:
    """The short name before the comma of an ISO 3166-3 name, as the parser does in English.

    ISO 3166-3 writes "USSR, Union of Soviet Socialist Republics", and its
    translators keep the form ("Tschechoslowakei, Tschechoslowakische ..."):
    the part before the comma is the name lists use ("Tschechoslowakei").
    Where the part is a current country's name too ("Alemania, República
    Democrática de"), :func:`resolve` gives the key to the current country.
    """
    head, comma, _ = name.replace("\u060c", ",").partition(",")  # and the Arabic comma
    if comma and head.strip():
        add(index, head, code)


def cldr_names(index: Index, codes: set[str]) -> None:
    """CLDR territory names of every locale, for the codes that are countries."""
    for identifier in sorted(localedata.locale_identifiers()):
        try:
            territories = Locale.parse(identifier).territories
        except (ValueError, babel.UnknownLocaleError):
            continue
        for code, name in territories.items():
            if code in codes:
                add(index, name, code)


def add(index: Index, name: str, code: str) -> None:
    for variant in dict.fromkeys((name, uninvert(name))):
        key = name_key(variant)
        # One-letter keys are abbreviations, not names, in every script we saw.
        if len(key) > 1:
            index[key][code] += 1


def resolve(votes: Counter[str], historic: set[str]) -> list[str]:
    """The code(s) a key stands for, given how many sources gave it to each code.

    A current country beats a historical one: a shared name is either a name
    change (Burma, East Timor), where the list user means today's state, or a
    translator's slip. Among current countries, a key that nearly every source
    gives to one country (at least three sources, three times all the others
    together) belongs to it; anything closer stays ambiguous.
    """
    codes = {code: count for code, count in votes.items() if code not in historic}
    if not codes:
        codes = dict(votes)
    ranked = sorted(codes.items(), key=lambda item: (-item[1], item[0]))
    top_code, top_count = ranked[0]
    others = sum(count for _, count in ranked[1:])
    if top_count >= 3 and top_count >= 3 * others:
        return [top_code]
    return sorted(codes)


def uninvert(name: str) -> str:
    head, comma, tail = name.partition(",")
    return f"{tail} {head}" if comma else name


def build() -> str:
    index: Index = defaultdict(Counter)
    pycountry_names(index)
    current = {country.alpha_2 for country in pycountry.countries} | {"XK"}
    cldr_names(index, current)
    historic = {country.alpha_4 for country in pycountry.historic_countries}
    header = (
        "# Country names in other languages: normalised key, then ISO code(s).\n"
        "# Generated by tools/build_country_names.py; do not edit by hand.\n"
        f"# Sources: pycountry {pycountry_version()} translations, Babel {babel.__version__} "
        "(CLDR territory names).\n"
    )
    rows = [f"{key}\t{'|'.join(resolve(votes, historic))}" for key, votes in sorted(index.items())]
    return header + "\n".join(rows) + "\n"


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the table is out of date")
    arguments = parser.parse_args()
    content = build()
    if arguments.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != content:
            print(f"{TARGET} is out of date: run python tools/build_country_names.py")
            return 1
        return 0
    TARGET.write_text(content, encoding="utf-8")
    print(f"wrote {content.count(chr(10)) - 3} keys to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
