"""The closed vocabulary of identifier schemes: what kind of number an Identifier is.

Every authority names its documents its own way ("Cedula No.", "National
identification card", "身分証明書番号"); the readers map those labels onto this
one set (see :func:`sanctionkit.formats.scheme_for`), so that linking and
diffing give the same answer whichever export of a list is loaded. The set
follows FollowTheMoney's identifier properties (``passportNumber``,
``idNumber``, ``taxNumber``, ``registrationNumber``, ``imoNumber`` ...) plus
the lists' own reference numbers. A label that names none of them becomes
:attr:`IdentifierScheme.OTHER`, and the label is kept in ``Identifier.label``.

>>> IdentifierScheme("driving_licence").name
'DRIVING_LICENCE'
>>> IdentifierScheme.TAX_ID == "tax_id"
True
"""

from __future__ import annotations

import enum

from sanctionkit.errors import UnknownSchemeError

__all__ = ["IdentifierScheme", "to_scheme"]


class IdentifierScheme(str, enum.Enum):
    """The kind of number an identifier is; its value is the name written in JSON.

    A ``str`` enum, so that ``identifier.scheme == "passport"`` and sets of
    plain names keep working, and the value prints as it stands.
    """

    # Documents of persons.
    #: A passport of any kind (national, diplomatic, service).
    PASSPORT = "passport"
    #: A travel document that is not a passport (refugee travel document, laissez-passer).
    TRAVEL_DOCUMENT = "travel_document"
    #: A national identity card or personal number (cédula, DNI, CURP, national ID No.).
    NATIONAL_ID = "national_id"
    #: A social security or social insurance number (US SSN).
    SOCIAL_SECURITY = "social_security"
    #: A driving licence.
    DRIVING_LICENCE = "driving_licence"
    #: A birth certificate.
    BIRTH_CERTIFICATE = "birth_certificate"
    # Numbers of companies and other legal entities.
    #: A taxpayer number (tax id, fiscal code, RFC, NIF ...).
    TAX_ID = "tax_id"
    #: A value-added-tax number.
    VAT = "vat"
    #: A company or commercial register number (a national registry's number).
    REGISTRATION = "registration"
    #: A licence or permit issued to the holder (trade, pilot, money-service licence).
    LICENSE = "license"
    #: A Legal Entity Identifier (ISO 17442).
    LEI = "lei"
    #: A Dun & Bradstreet D-U-N-S number.
    DUNS = "duns"
    #: A US federal Unique Entity ID (SAM.gov).
    UNIQUE_ENTITY_ID = "unique_entity_id"
    #: A Russian taxpayer number (INN).
    INN = "inn"
    #: A Russian primary state registration number (OGRN).
    OGRN = "ogrn"
    #: A Russian all-Russian classifier of enterprises code (OKPO).
    OKPO = "okpo"
    #: A Russian bank identification code (BIK).
    BIK = "bik"
    #: A bank's SWIFT/BIC code.
    SWIFT_BIC = "swift_bic"
    #: A securities identification number (ISIN).
    ISIN = "isin"
    #: The address of a digital-currency wallet.
    CRYPTO_WALLET = "crypto_wallet"
    # Ships and aircraft.
    #: An IMO ship number (seven digits, with the ship check digit).
    IMO = "imo"
    #: An IMO unique company and registered-owner number.
    IMO_COMPANY = "imo_company"
    #: A Maritime Mobile Service Identity.
    MMSI = "mmsi"
    #: A radio call sign.
    CALL_SIGN = "call_sign"
    # The lists' own reference numbers.
    #: A UN Security Council reference number ("KPi.066").
    UN_REFERENCE = "un_reference"
    #: The UN consolidated list's DATAID of a record.
    UN_DATAID = "un_dataid"
    #: The EU financial sanctions file's logical id of an entity.
    EU_LOGICAL_ID = "eu_logical_id"
    #: The UK consolidated list's Group ID.
    UK_GROUP_ID = "uk_group_id"
    #: The UK Sanctions List reference ("RUS0001").
    UK_SANCTIONS_LIST_REF = "uk_sanctions_list_ref"
    #: Any other number; ``Identifier.label`` says what the source calls it.
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


_BY_VALUE = {scheme.value: scheme for scheme in IdentifierScheme}


def to_scheme(value: IdentifierScheme | str) -> IdentifierScheme:
    """An IdentifierScheme, or its value ("passport"); anything else is a typed error.

    >>> to_scheme("passport")
    <IdentifierScheme.PASSPORT: 'passport'>
    >>> to_scheme("cedula_no")
    Traceback (most recent call last):
    ...
    sanctionkit.errors.UnknownSchemeError: unknown identifier scheme 'cedula_no'; ...
    """
    if isinstance(value, IdentifierScheme):
        return value
    if not isinstance(value, str):
        raise UnknownSchemeError(
            f"an identifier scheme must be an IdentifierScheme or its name, "
            f"not {type(value).__name__}",
            value,
        )
    found = _BY_VALUE.get(value)
    if found is None:
        raise UnknownSchemeError(
            f"unknown identifier scheme {value!r}; the schemes are {', '.join(_BY_VALUE)} "
            "(a kind of number outside them is 'other', with its name in Identifier.label)",
            value,
        )
    return found
