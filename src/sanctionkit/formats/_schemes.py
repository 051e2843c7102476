"""Each authority's names for identity documents and numbers, mapped once onto the schemes.

Every list names its documents its own way: OFAC writes "Cedula No." and
"Driver's License No.", the EU "drivinglicence", Japan "運転免許証". Readers
ask :func:`scheme_for` instead of naming schemes themselves, so one document
gets one :class:`~sanctionkit.IdentifierScheme` whichever list or export it
comes from, and :func:`~sanctionkit.link` and :func:`~sanctionkit.diff` answer
the same way. A label that no table knows is ``other``; the reader keeps the
label in ``Identifier.label`` (:func:`identify` gives both).

Authorities are named by the short keys of :data:`AUTHORITIES`. A table maps
labels as the authority writes them (compared without regard to case and
spacing); authorities whose labels are free text (the UN's TYPE_OF_DOCUMENT,
Japan's descriptions, FollowTheMoney's ``type``) also have patterns, searched
in order when no label matches exactly.

>>> scheme_for("ofac", "Cedula No.")
<IdentifierScheme.NATIONAL_ID: 'national_id'>
>>> scheme_for("eu", "drivinglicence") is scheme_for("ofac", "Driver's License No.")
True
>>> identify("ofac", "Electoral Registry No.")
(<IdentifierScheme.OTHER: 'other'>, 'Electoral Registry No.')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Final

from sanctionkit.model.schemes import IdentifierScheme

__all__ = ["AUTHORITIES", "identify", "labels", "scheme_for"]

S = IdentifierScheme

# OFAC's idType (XML) and remark labels (CSV, enhanced XML), as OFAC writes them:
# the remark reader matches clauses on exactly these labels.
_OFAC: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("Passport", "Diplomatic Passport", "Passport Booklet"),
    S.TRAVEL_DOCUMENT: ("Travel Document Number",),
    S.NATIONAL_ID: (
        "National ID No.",
        "N.I.E.",
        "Cedula No.",
        "C.U.R.P.",
        "C.U.R.P. #",
        "D.N.I.",
        "Identification Number",
        "Personal ID Card",
        "Credencial electoral",
        "National Foreign ID Number",
        "Residency Number",
        "I.F.E.",
        "C.U.I.",
        "C.U.I.P.",
        "Turkish Identification Number",
        "Numero de Identidad",
        "Citizen's Card Number",
        "Kenyan ID No.",
        "Tazkira National ID Card",
        "UAE Identification",
        "Refugee ID Card",
    ),
    S.SOCIAL_SECURITY: ("SSN",),
    S.DRIVING_LICENCE: ("Driver's License No.",),
    S.BIRTH_CERTIFICATE: ("Birth Certificate Number",),
    S.TAX_ID: (
        "Tax ID No.",
        "N.I.F.",
        "Romanian Tax Registration",
        "R.F.C.",
        "R.F.C. #",
        "RFC",
        "NIT #",
        "RUC #",
        "RIF #",
        "US FEIN",
        "Italian Fiscal Code",
        "C.U.I.T.",
        "RTN",
        "C.I.F.",
        "Numero Unico de Identificacao Tributaria (NUIT)",
    ),
    S.VAT: ("V.A.T. Number",),
    S.REGISTRATION: (
        "Registration Number",
        "Registration Certificate Number (Dubai)",
        "C.I.N.",
        "Registration ID",
        "Company Number",
        "UK Company Number",
        "Commercial Registry Number",
        "Business Registration Number",
        "Business Registration Document #",
        "Business Number",
        "Folio Mercantil No.",
        "Matricula Mercantil No",
        "Government Gazette Number",
        "C.R. No.",
        "Romanian C.R.",
        "Unified Social Credit Code (USCC)",
        "United Social Credit Code Certificate (USCCC)",
        "Economic Register Number (CBLS)",
        "Trade License No.",
        "Chamber of Commerce Number",
        "Istanbul Chamber of Comm. No.",
        "Dubai Chamber of Commerce Membership No.",
        "Public Registration Number",
        "Central Registration System Number",
        "Enterprise Number",
        "Branch Unit Number",
        "LE Number",
        "Certificate of Incorporation Number",
        "Registered Charity No.",
        "Organization Code",
    ),
    # OFAC's "Legal Entity Number"s are 20-character ISO 17442 LEIs ("253400V1H6ART1UQ0N98").
    S.LEI: ("Legal Entity Number",),
    S.DUNS: ("D-U-N-S Number",),
    S.LICENSE: ("License", "Pilot License Number", "Afghan Money Service Provider License Number"),
    S.BIK: ("BIK (RU)",),
    S.SWIFT_BIC: ("SWIFT/BIC",),
    S.ISIN: ("ISIN",),
    S.CRYPTO_WALLET: tuple(
        f"Digital Currency Address - {coin}"
        for coin in (
            *("XBT", "ETH", "USDT", "LTC", "XMR", "ZEC", "DASH", "BCH"),
            *("TRX", "BSV", "BTG", "ETC", "XVG", "ARB", "USDC", "BSC"),
        )
    ),
    S.OTHER: (
        "Electoral Registry No.",
        "Cartilla de Servicio Militar Nacional",
        "VisaNumberID",
        "Immigration No.",
        "SRE Permit No.",
        "Permit Number",
        "File Number",
        "Chinese Commercial Code",
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        "Aircraft Mode S Transponder Code",
    ),
}

# The EU file's identificationTypeCode.
_EU: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("passport",),
    S.TRAVEL_DOCUMENT: ("travelcardid",),
    S.NATIONAL_ID: ("id",),
    S.SOCIAL_SECURITY: ("ssn",),
    S.DRIVING_LICENCE: ("drivinglicence",),
    S.BIRTH_CERTIFICATE: ("birthcertificate",),
    S.TAX_ID: ("fiscalcode",),
    S.REGISTRATION: ("regnumber",),
    S.SWIFT_BIC: ("swiftbic",),
    S.IMO: ("imo",),
    S.OTHER: ("other",),
}

# The UN consolidated list's TYPE_OF_DOCUMENT (free text, in three languages).
_UN: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("Passport", "Número de pasaporte", "Numéro de passeport"),
    S.NATIONAL_ID: (
        "National Identification Number",
        "National identification no.",
        "National Identification",
    ),
}

# The UK consolidated list's columns of numbers.
_UK: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("Passport Number",),
    S.NATIONAL_ID: ("National Identification Number",),
    S.REGISTRATION: ("business reg no",),
}

# Japan's Ministry of Finance: the headers of the two columns of documents.
_JP: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("旅券番号",),
    S.NATIONAL_ID: ("ID番号", "身分登録番号", "身分証番号"),
}

# FollowTheMoney's identifier properties, and the schemes' own names (what
# sanctionkit writes as an Identification's type), so that a written file reads back.
_FTM: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("passportNumber",),
    S.NATIONAL_ID: ("idNumber",),
    S.TAX_ID: ("taxNumber",),
    S.REGISTRATION: ("registrationNumber",),
    S.SWIFT_BIC: ("swiftBic",),
    S.LEI: ("leiCode",),
    S.INN: ("innCode",),
    S.OGRN: ("ogrnCode",),
    S.VAT: ("vatCode",),
    S.OKPO: ("okpoCode",),
    S.DUNS: ("dunsCode",),
    S.UNIQUE_ENTITY_ID: ("uniqueEntityId",),
    S.SOCIAL_SECURITY: ("socialSecurityNumber",),
    S.LICENSE: ("licenseNumber",),
    S.IMO_COMPANY: ("imoNumber",),
}

# Switzerland's SECO: an identification-document's document-type (only those seen in the list).
_SECO: Final[dict[IdentifierScheme, tuple[str, ...]]] = {
    S.PASSPORT: ("passport",),
    S.NATIONAL_ID: ("id-card",),
}

_TABLES: Final[dict[str, dict[IdentifierScheme, tuple[str, ...]]]] = {
    "ofac": _OFAC,
    "eu": _EU,
    "un": _UN,
    "uk": _UK,
    "jp": _JP,
    "seco": _SECO,
    "ftm": {scheme: (scheme.value, *_FTM.get(scheme, ())) for scheme in S},
}

# Free-text labels: searched in order (on the text folded to ASCII where it is
# Latin) when no label matches exactly.
_PATTERNS: Final[dict[str, tuple[tuple[re.Pattern[str], IdentifierScheme], ...]]] = {
    "un": (
        (re.compile(r"passport|passeport|pasaporte", re.I), S.PASSPORT),
        (
            re.compile(
                r"national identi(?:fication|ty)|identity card|identification (?:card|number)",
                re.I,
            ),
            S.NATIONAL_ID,
        ),
    ),
    "ftm": (
        (re.compile(r"passport", re.I), S.PASSPORT),
        (re.compile(r"national id|identity card|id card", re.I), S.NATIONAL_ID),
    ),
    # Japan describes each document in its cell ("トリニダード・トバゴ運転免許証892124B").
    "jp": (
        (re.compile(r"運転免許"), S.DRIVING_LICENCE),
        (re.compile(r"出生証明"), S.BIRTH_CERTIFICATE),
        (re.compile(r"納税者|Fiscal Code"), S.TAX_ID),
        (re.compile(r"渡航文書|渡航証明書|Reiseausweis|レセパセ"), S.TRAVEL_DOCUMENT),
        (re.compile(r"パスポート冊子"), S.PASSPORT),
        # Military ids, ration cards, residence records, voter and student cards ...: the
        # label keeps the kind's words (up to the first ASCII character or bracket).
        (re.compile(r"軍(?:隊|人|事)[^\x00-\x7f、：（]*"), S.OTHER),
        (
            re.compile(
                r"(?:配給|住民票|有権者|学生|軍|国籍証明|外国人登録|その他)[^\x00-\x7f、：（]*"
            ),
            S.OTHER,
        ),
    ),
}

#: The authorities that :func:`scheme_for` knows, by key.
AUTHORITIES: Final[Mapping[str, str]] = {
    "ofac": "US Treasury OFAC: idType (SDN XML) and remark labels (CSV, enhanced XML)",
    "eu": "EU financial sanctions file: identificationTypeCode",
    "un": "UN Security Council consolidated list: TYPE_OF_DOCUMENT",
    "uk": "UK OFSI consolidated list: the columns of numbers",
    "jp": "Japan Ministry of Finance: the document columns and their descriptions",
    "seco": "Switzerland SECO: an identification-document's document-type",
    "ftm": "FollowTheMoney: identifier properties and Identification.type",
}


def _key(label: str) -> str:
    return " ".join(label.split()).casefold()


@functools.cache
def _lookup(authority: str) -> dict[str, IdentifierScheme]:
    try:
        table = _TABLES[authority]
    except KeyError:
        known = ", ".join(AUTHORITIES)
        raise ValueError(
            f"no identifier labels for authority {authority!r}; known: {known}"
        ) from None
    return {_key(label): scheme for scheme, found in table.items() for label in found}


@functools.lru_cache(maxsize=4096)
def _match(authority: str, label: str) -> tuple[IdentifierScheme, str] | None:
    found = _lookup(authority).get(_key(label))
    if found is not None:
        return found, label.strip()
    if authority == "jp":
        folded = unicodedata.normalize("NFKC", label)  # the words stay as written
    else:
        folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    for pattern, scheme in _PATTERNS.get(authority, ()):
        match = pattern.search(folded)
        if match is not None:
            return scheme, match.group(0)
    return None


def identify(
    authority: str, label: str, default: IdentifierScheme = IdentifierScheme.OTHER
) -> tuple[IdentifierScheme, str | None]:
    """The scheme of what ``authority`` calls ``label``, and the label to keep with it.

    The label is kept (for ``Identifier.label``) when the scheme is ``other``:
    a label in the table keeps its words, one found by a pattern the words the
    pattern found ("配給カード番号"), an unknown one all of them. An unknown label
    has the scheme ``default``: ``other``, or the kind that the column it
    came from holds.

    >>> identify("ofac", "Passport")
    (<IdentifierScheme.PASSPORT: 'passport'>, None)
    >>> identify("ofac", "Website")
    (<IdentifierScheme.OTHER: 'other'>, 'Website')
    >>> identify("jp", "配給カード番号 1729765", IdentifierScheme.NATIONAL_ID)
    (<IdentifierScheme.OTHER: 'other'>, '配給カード番号')
    """
    found = _match(authority, label)
    if found is None:
        kept = label.strip().rstrip(":：").strip() or None  # "Ration card number:"
        return default, kept if default is IdentifierScheme.OTHER else None
    scheme, words = found
    return scheme, words if scheme is IdentifierScheme.OTHER else None


def scheme_for(
    authority: str, label: str, default: IdentifierScheme = IdentifierScheme.OTHER
) -> IdentifierScheme:
    """The scheme of what ``authority`` calls ``label``; ``default`` (``other``) when unknown.

    >>> scheme_for("un", "Numéro de passeport"), scheme_for("jp", "配給カード番号 1729765")
    (<IdentifierScheme.PASSPORT: 'passport'>, <IdentifierScheme.OTHER: 'other'>)
    """
    return identify(authority, label, default)[0]


def labels(authority: str, scheme: IdentifierScheme | None = None) -> tuple[str, ...]:
    """The labels of an authority's table (of one scheme), as the authority writes them.

    >>> labels("eu", IdentifierScheme.DRIVING_LICENCE)
    ('drivinglicence',)
    """
    _lookup(authority)  # the error for an unknown authority
    table = _TABLES[authority]
    wanted = table if scheme is None else {scheme: table.get(scheme, ())}
    return tuple(label for found in wanted.values() for label in found)
