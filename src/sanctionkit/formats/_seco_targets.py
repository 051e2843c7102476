"""One SECO ``target`` element read into a :class:`~sanctionkit.formats._seco.Target`.

The tables below are the mapping: every element a target may hold, and what
it becomes. An element not in them is kept as a note and reported
(:func:`unknown_in`); the ``added`` and ``removed`` copies inside a
``modification`` are the target's history and are deliberately not read
(the target's own elements are its current state).
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from typing import Final

from sanctionkit.formats._draft import EntityDraft
from sanctionkit.formats._reading import Reading, approximately
from sanctionkit.formats._seco import ID_PREFIX, Modification, Relation, Target
from sanctionkit.formats._text import clean, join
from sanctionkit.formats._xml import local_name
from sanctionkit.model import (
    Aircraft,
    Alias,
    AliasQuality,
    CountryRole,
    CountryRoleKind,
    Entity,
    Gender,
    Identifier,
    IdentifierScheme,
    Organization,
    Person,
    Source,
    Vessel,
)
from sanctionkit.values.countries import Country

__all__ = ["country", "target", "unknown_in"]

#: The element under ``target`` that says what it is, and the class it becomes.
SUBJECTS: Final[dict[str, type[Entity]]] = {
    "individual": Person,
    "entity": Organization,
    "object": Organization,
}
#: An ``object``'s ``object-type``; another type is read as an organisation, with a problem.
OBJECT_TYPES: Final[dict[str, type[Entity]]] = {"vessel": Vessel, "aircraft": Aircraft}
GENDERS: Final = {"male": Gender.MALE, "female": Gender.FEMALE}
#: A ``name``'s ``name-type``: the primary name, or an alias of a quality (None: by ``quality``).
NAME_TYPES: Final[dict[str, AliasQuality | None]] = {
    "primary-name": None,
    "alias": None,
    "formerly-known-as": AliasQuality.FORMER,
}
QUALITIES: Final = {"good": AliasQuality.STRONG, "low": AliasQuality.WEAK}
MODIFICATIONS: Final = frozenset({"listed", "amended", "de-listed"})
#: An address's own lines, in the order they are joined; its town and country are its place's.
ADDRESS_PARTS: Final = ("c-o", "address-details", "p-o-box", "zip-code")
#: The elements of each level of a target that are not read by a table above.
TARGET_PARTS: Final = frozenset({"sanctions-set-id", "foreign-identifier", "modification"})
SUBJECT_PARTS: Final = frozenset({"identity", "justification", "other-information", "relation"})
IDENTITY_PARTS: Final = frozenset(
    {
        "name",
        "day-month-year",
        "nationality",
        "address",
        "place-of-birth",
        "identification-document",
    }
)


def target(element: ET.Element, number: int, reading: Reading, source: Source) -> Target | None:
    """The target's values; None, with the record rejected, when it cannot be an entity."""
    ssid = clean(element.get("ssid"))
    if not ssid:
        reading.reject("target without an ssid", record=f"target {number}")
        return None
    entity_id = reading.unique_id([ID_PREFIX + ssid], duplicate="", record=ssid)
    if entity_id is None:
        reading.reject("a second target with this ssid; not read", record=ssid)
        return None
    found = Target(ssid=ssid, draft=EntityDraft(label=ssid, id=entity_id, sources=(source,)))
    subjects = 0
    for order, child in enumerate(element):
        tag = local_name(child.tag)
        if tag == "sanctions-set-id":
            found.set_ids.append(clean(child.text))
        elif tag == "foreign-identifier" and clean(child.text):
            label = "SECO foreign identifier"
            identifier = Identifier(
                scheme=IdentifierScheme.OTHER, value=clean(child.text), label=label
            )
            found.draft.identifiers.append(identifier)
        elif tag == "modification":
            _modification(child, order, found, reading)
        elif tag in SUBJECTS:
            subjects += 1
            _subject(child, tag, found, reading)
        elif tag not in TARGET_PARTS:
            unknown_in(child, reading, ssid, tag, found.draft)
    if subjects != 1:
        reading.reject(
            f"a target has one individual, entity or object, this one {subjects}", record=ssid
        )
        return None
    draft = found.draft
    if not draft.name and draft.aliases:
        draft.name = draft.aliases.pop(0).name
        reading.problem("no primary name of the main identity; the first name is used", record=ssid)
    return found


def _subject(element: ET.Element, tag: str, found: Target, reading: Reading) -> None:
    """The individual, entity or object: its class, identities, reasons, notes and relations."""
    draft = found.draft
    draft.kind = SUBJECTS[tag]
    if tag == "individual":
        sex, field = clean(element.get("sex")), "individual/@sex"
        draft.gender = reading.choice(
            GENDERS, sex, record=draft.label, field=field, message="unknown sex"
        )
    if tag == "object":
        kind = clean(element.get("object-type"))
        draft.kind = OBJECT_TYPES.get(kind.lower(), Organization)
        if draft.kind is Organization:
            message = "unknown object-type; read as an organisation"
            reading.problem(message, record=draft.label, field="object/@object-type", value=kind)
            draft.note(f"Object type: {kind}")
    for child in element:
        part = local_name(child.tag)
        if part == "identity":
            _identity(child, found, reading)
        elif part == "justification" and (text := clean(" ".join(child.itertext()))):
            found.reasons.append(reading.intern(text))
        elif part == "other-information":
            draft.note(reading.intern(clean(" ".join(child.itertext()))))
        elif part == "relation":
            _relation(child, found, reading)
        elif part not in SUBJECT_PARTS:
            unknown_in(child, reading, draft.label, f"{tag}/{part}", draft)


def _relation(element: ET.Element, found: Target, reading: Reading) -> None:
    """A link to another target, made a relationship once the whole file is read."""
    label = found.draft.label
    kind = clean(element.get("relation-type"))
    related = clean(element.get("target-id"))
    for child in element:
        unknown_in(child, reading, label, f"relation/{local_name(child.tag)}", found.draft)
    if not related or not kind:
        message = "a relation without a target-id or a relation-type: not read"
        shown = f"relation-type {kind or '(none)'}, target-id {related or '(none)'}"
        reading.problem(message, record=label, field="relation", value=shown)
        return
    found.relations.append(Relation(ssid=clean(element.get("ssid")), target_id=related, kind=kind))


def _identity(element: ET.Element, found: Target, reading: Reading) -> None:
    """An identity: names, dates and places of birth, nationalities, addresses, documents."""
    draft = found.draft
    main = element.get("main") == "true"
    for child in element:
        tag = local_name(child.tag)
        if tag == "name":
            _name(child, main, draft, reading)
        elif tag == "day-month-year":
            _birth_date(child, draft, reading)
        elif tag == "nationality":
            _only(child, ("country",), reading, draft)
            for part in child.iter("country"):
                if (nation := country(part, reading, draft.label)) is not None:
                    role = CountryRole(country=nation, role=CountryRoleKind.NATIONALITY)
                    draft.role(reading.intern(role))
        elif tag == "address":
            lines = join(clean(part.text) for name in ADDRESS_PARTS for part in child.iter(name))
            _only(child, ADDRESS_PARTS, reading, draft)
            found.addresses.append((clean(child.get("place-id")) or None, lines))
        elif tag == "place-of-birth":
            if place := clean(child.get("place-id")):
                found.birth_places.append(place)
            else:
                unknown_in(
                    child, reading, draft.label, "identity/place-of-birth (no place-id)", draft
                )
        elif tag == "identification-document":
            _document(child, draft, reading)
        elif tag not in IDENTITY_PARTS:
            unknown_in(child, reading, draft.label, f"identity/{tag}", draft)


def _name(element: ET.Element, main: bool, draft: EntityDraft, reading: Reading) -> None:
    """A name, from its parts in their ``order``, and one alias per spelling-variant language."""
    name_type = clean(element.get("name-type"))
    if name_type not in NAME_TYPES:
        message = "unknown name-type; the name is read as an alias"
        reading.problem(message, record=draft.label, field="name/@name-type", value=name_type)
    quality = NAME_TYPES.get(name_type) or reading.choice(
        QUALITIES,
        clean(element.get("quality")),
        record=draft.label,
        field="name/@quality",
        message="unknown name quality; the name is read as a strong alias",
    )
    parts: list[tuple[int, str, dict[tuple[str, str], str]]] = []
    for part in element:
        if local_name(part.tag) != "name-part":
            unknown_in(part, reading, draft.label, "name", draft)
            continue
        order_text = part.get("order") or ""
        order = int(order_text) if order_text.isdigit() else len(parts) + 1
        parts.append((order, clean(part.findtext("value")), _variants(part, reading, draft)))
    parts.sort(key=lambda item: item[0])
    full = " ".join(value for _, value, _ in parts if value)
    if name_type == "primary-name" and main and not draft.name:
        draft.name = full
    elif full:
        draft.alias(Alias(name=full, quality=quality or AliasQuality.STRONG))
    variants = dict.fromkeys(key for _, _, found in parts for key in found)
    for key in variants:
        spelled = " ".join(
            found.get(key, value) for _, value, found in parts if found.get(key, value)
        )
        script, language = _script(key[1]), _language(key[0])
        alias = Alias(
            name=spelled, quality=quality or AliasQuality.STRONG, script=script, language=language
        )
        draft.alias(alias)


def _variants(part: ET.Element, reading: Reading, draft: EntityDraft) -> dict[tuple[str, str], str]:
    """A name part's spellings by (language, script): the first of each."""
    found: dict[tuple[str, str], str] = {}
    for child in part:
        tag = local_name(child.tag)
        if tag == "spelling-variant" and (text := clean(child.text)):
            found.setdefault((clean(child.get("lang")), clean(child.get("script"))), text)
        elif tag not in ("value", "spelling-variant"):
            unknown_in(child, reading, draft.label, f"name-part/{tag}", draft)
    return found


def _birth_date(element: ET.Element, draft: EntityDraft, reading: Reading) -> None:
    """A ``day-month-year``: as much of a date as it gives; quality "low" marks it approximate."""
    year, month, day = (clean(element.get(part)) for part in ("year", "month", "day"))
    field = "day-month-year"
    calendar = clean(element.get("calendar")) or "Gregorian"
    if calendar != "Gregorian":
        message = "a date in another calendar; kept as a note"
        reading.problem(message, record=draft.label, field=f"{field}/@calendar", value=calendar)
        draft.note(f"Date of birth ({calendar}): {join((day, month, year), '.')}")
        return
    if not year:
        if day or month:
            message = "a date without a year; kept as a note"
            reading.problem(message, record=draft.label, field=field, value=f"{day}.{month}.")
            draft.note(f"Date of birth (day.month.): {day}.{month}.")
        return
    text = "-".join(part.zfill(2) for part in (year, month, day if month else "") if part)
    born = reading.single_date(text, record=draft.label, field=field)
    if born is not None:
        draft.birth_date(approximately(born) if element.get("quality") == "low" else born)


def _document(element: ET.Element, draft: EntityDraft, reading: Reading) -> None:
    """An identification document: its number, type (the scheme) and issuing country."""
    number = clean(element.findtext("number"))
    _only(element, ("number", "issuer"), reading, draft)
    if not number:
        return
    issuer = element.find("issuer")
    issued_by = country(issuer, reading, draft.label) if issuer is not None else None
    draft.document("seco", clean(element.get("document-type")), number, country=issued_by)


def _modification(element: ET.Element, order: int, found: Target, reading: Reading) -> None:
    kind = clean(element.get("modification-type"))
    if kind not in MODIFICATIONS:
        message = "unknown modification-type; it does not change the target's status"
        reading.problem(
            message, record=found.ssid, field="modification/@modification-type", value=kind
        )
    field = "modification/@effective-date"
    effective = reading.single_date(element.get("effective-date"), record=found.ssid, field=field)
    found.modifications.append(Modification(kind=kind, effective=effective, order=order))


def country(element: ET.Element, reading: Reading, label: str) -> Country | None:
    """A ``country`` (or ``issuer``) element's country: by its ISO code, else by its name."""
    code = clean(element.get("iso-code") or element.get("code"))
    if code:
        return reading.country(
            code, record=label, field=f"{local_name(element.tag)}/@iso-code", codes=True
        )
    return reading.country(clean(element.text) or None, record=label, field=local_name(element.tag))


def _only(
    element: ET.Element, known: tuple[str, ...], reading: Reading, draft: EntityDraft
) -> None:
    """Report the children of ``element`` that are not ``known``."""
    for child in element:
        if (tag := local_name(child.tag)) not in known:
            unknown_in(child, reading, draft.label, f"{local_name(element.tag)}/{tag}", draft)


def unknown_in(
    element: ET.Element, reading: Reading, label: str, where: str, draft: EntityDraft | None = None
) -> None:
    """An element not in the layout: its text is kept as a note (on a target), and reported."""
    text = clean(" ".join(element.itertext()))
    if draft is not None and text:
        draft.note(f"{where}: {text}")
    reading.problem(
        "element not in the SECO list's layout; its text is kept as a note",
        record=label,
        field=where,
        value=text or None,
        code="unknown-element",
    )


def _script(code: str) -> str | None:
    """ISO 15924 code as the model writes it ("CYRL": "Cyrl")."""
    return code.title() if len(code) == 4 and code.isalpha() else None


@functools.lru_cache(maxsize=64)
def _language(code: str) -> str | None:
    """The ISO 639-1 code of a three-letter ISO 639-2 code ("RUS": "ru"), where it has one."""
    if len(code) != 3:
        return None
    import pycountry

    found = pycountry.languages.get(alpha_3=code.lower())
    code2 = getattr(found, "alpha_2", None) if found is not None else None
    return str(code2) if code2 else None
