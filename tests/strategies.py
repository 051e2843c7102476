"""Hypothesis strategies for every record of the model, and for whole datasets."""

from __future__ import annotations

import datetime
from typing import Any

import pycountry
from hypothesis import strategies as st

import sanctionkit as sk
from sanctionkit.identifiers import imo

_CODES = sorted(
    [entry.alpha_2 for entry in pycountry.countries]
    + [entry.alpha_4 for entry in pycountry.historic_countries]
    + ["XK"]
)

countries = st.sampled_from(_CODES).map(sk.Country.from_code)

# Free text as lists have it: any printable characters, never blank.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(str.strip)
optional_texts = st.none() | texts
ids = st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)
id_lists = st.lists(ids, max_size=2)


@st.composite
def partial_dates(draw: st.DrawFn, approximate: bool | None = None) -> sk.PartialDate:
    year = draw(st.integers(1000, datetime.date.today().year))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(1)).day
        day = draw(st.none() | st.integers(1, last))
    flag = draw(st.booleans()) if approximate is None else approximate
    calendar = draw(st.none() | st.sampled_from(["hijri", "japanese", "persian"]))
    return sk.PartialDate(
        year, month, day, flag, year_inferred=draw(st.booleans()), calendar=calendar
    )


@st.composite
def date_ranges(draw: st.DrawFn) -> sk.DateRange:
    first, second = sorted(
        [draw(partial_dates()), draw(partial_dates())], key=lambda date: date.earliest()
    )
    if first.latest() >= second.earliest():
        return sk.DateRange(start=first, end=None)
    start = draw(st.sampled_from([first, None]))
    return sk.DateRange(start=start, end=second)


date_values = partial_dates() | date_ranges()
sources = st.builds(
    sk.Source,
    url=st.none() | st.just("https://example.org/a"),
    publisher=optional_texts,
    title=optional_texts,
    published=st.none() | partial_dates(approximate=False),
    quote=optional_texts,
)
aliases = st.builds(
    sk.Alias,
    name=texts,
    quality=st.sampled_from(sk.AliasQuality),
    script=st.none() | st.sampled_from(["Latn", "Cyrl", "Jpan"]),
    language=st.none() | st.sampled_from(["en", "ru", "ja"]),
)
identifiers = st.builds(
    sk.Identifier,
    scheme=st.sampled_from(sk.IdentifierScheme),
    value=texts,
    country=st.none() | countries,
    issued=st.none() | partial_dates(),
    expires=st.none() | partial_dates(),
    note=optional_texts,
    label=optional_texts,
)
addresses = st.builds(sk.Address, full=texts, city=optional_texts, country=st.none() | countries)
country_roles = st.builds(
    sk.CountryRole, country=countries, role=st.sampled_from(sk.CountryRoleKind)
)
imo_numbers = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True).map(
    lambda digits: digits + imo.check_digit(digits)
)
# MID 273 (Russian Federation) and 445 (DPRK) are allocated ship station prefixes.
mmsi_numbers = st.from_regex(r"(273|445)[0-9]{6}", fullmatch=True)


def _entity_fields(entity_id: st.SearchStrategy[str]) -> dict[str, st.SearchStrategy[Any]]:
    return {
        "id": entity_id,
        "name": texts,
        "aliases": st.lists(aliases, max_size=2),
        "identifiers": st.lists(identifiers, max_size=2),
        "addresses": st.lists(addresses, max_size=2),
        "countries": st.lists(country_roles, max_size=2),
        "notes": st.lists(texts, max_size=2),
        "sources": st.lists(sources, max_size=1),
    }


def persons(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Person]:
    return st.builds(
        sk.Person,
        **_entity_fields(entity_id),
        birth_dates=st.lists(date_values, max_size=2),
        birth_places=st.lists(addresses, max_size=1),
        gender=st.none() | st.sampled_from(sk.Gender),
        positions=st.lists(texts, max_size=2),
    )


def organizations(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Organization]:
    return st.builds(
        sk.Organization,
        **_entity_fields(entity_id),
        kind=optional_texts,
        incorporated=st.none() | partial_dates(),
    )


def vessels(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Vessel]:
    return st.builds(
        sk.Vessel,
        **_entity_fields(entity_id),
        imo=st.none() | imo_numbers,
        mmsi=st.none() | mmsi_numbers,
        call_sign=optional_texts,
        flag=st.none() | countries,
        past_flags=st.lists(countries, max_size=2),
        past_names=st.lists(texts, max_size=2),
        vessel_type=optional_texts,
        tonnage=st.none() | st.integers(0, 500_000),
        build_year=st.none() | st.integers(1900, 2025),
    )


def aircraft(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Aircraft]:
    return st.builds(
        sk.Aircraft,
        **_entity_fields(entity_id),
        registration=optional_texts,
        serial_number=optional_texts,
        model=optional_texts,
    )


def entities(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Entity]:
    return persons(entity_id) | organizations(entity_id) | vessels(entity_id) | aircraft(entity_id)


authorities = st.builds(
    sk.Authority,
    name=texts,
    country=st.none() | countries,
    kind=st.sampled_from(sk.AuthorityKind),
)
legal_bases = st.builds(
    sk.LegalBasis,
    kind=st.sampled_from(sk.LegalBasisKind),
    number=st.none() | st.from_regex(r"[0-9]{3,5}", fullmatch=True),
    year=st.none() | st.integers(1945, 2025),
    title=optional_texts,
    url=st.none() | st.just("https://example.org/law"),
)


def designations(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Designation]:
    return st.builds(
        sk.Designation,
        entity_id=entity_id,
        authority=authorities,
        authority_ref=optional_texts,
        listed=st.none() | partial_dates(),
        programmes=st.lists(texts, max_size=2),
        measures=st.lists(st.sampled_from(sk.Measure), max_size=2),
        measure_notes=st.lists(texts, max_size=1),
        reasons=st.lists(texts, max_size=2),
        legal_basis=st.lists(legal_bases, max_size=2),
        sources=st.lists(sources, max_size=1),
    )


stated_counts = st.builds(
    sk.StatedCount,
    kind=st.sampled_from(["organization", "person", "vessel"]),
    count=st.integers(0, 100),
    description=optional_texts,
    source=st.none() | sources,
)


def packages(
    entity_id: st.SearchStrategy[str] = ids, package_id: st.SearchStrategy[str] = ids
) -> st.SearchStrategy[sk.SanctionPackage]:
    return st.builds(
        sk.SanctionPackage,
        id=package_id,
        authority=authorities,
        announced=partial_dates(),
        effective=st.none() | partial_dates(),
        title=optional_texts,
        summary=optional_texts,
        designations=st.lists(designations(entity_id), max_size=3),
        legal_basis=st.lists(legal_bases, max_size=2),
        measures=st.lists(st.sampled_from(sk.Measure), max_size=2),
        stated_counts=st.lists(stated_counts, max_size=2),
        notes=st.lists(texts, max_size=1),
        sources=st.lists(sources, max_size=2),
    )


def parties(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[Any]:
    return countries | entity_id.map(sk.EntityRef) | authorities


def claims(entity_id: st.SearchStrategy[str] = ids) -> st.SearchStrategy[sk.Claim]:
    stance = st.sampled_from([stance for stance in sk.Stance if stance is not sk.Stance.OTHER])
    plain = st.builds(
        sk.Claim,
        party=parties(entity_id),
        stance=stance,
        date=st.none() | date_values,
        statement=optional_texts,
        source=st.none() | sources,
    )
    other = st.builds(
        sk.Claim, party=parties(entity_id), stance=st.just(sk.Stance.OTHER), stance_text=texts
    )
    return plain | other


def transfers(
    entity_id: st.SearchStrategy[str] = ids,
    carrier_ids: st.SearchStrategy[list[str]] = id_lists,
    transfer_id: st.SearchStrategy[str] = ids,
) -> st.SearchStrategy[sk.AllegedTransfer]:
    return st.builds(
        sk.AllegedTransfer,
        id=transfer_id,
        goods=st.builds(sk.Goods, description=texts, category=st.sampled_from(sk.GoodsCategory)),
        quantity=st.none()
        | st.builds(
            sk.Quantity,
            amount=st.none() | st.integers(0, 10**6) | st.floats(0, 1e6, allow_nan=False),
            unit=optional_texts,
            approximate=st.booleans(),
            text=optional_texts,
        ),
        origin=st.none() | parties(entity_id),
        destination=st.none() | parties(entity_id),
        carriers=carrier_ids,
        period=st.none() | date_values,
        claims=st.lists(claims(entity_id), max_size=3),
        notes=st.lists(texts, max_size=1),
        sources=st.lists(sources, max_size=1),
    )


problems = st.builds(
    sk.Problem,
    message=texts,
    file=optional_texts,
    record=optional_texts,
    field=optional_texts,
    value=optional_texts,
    code=st.sampled_from(["invalid-imo", "unknown-country", "rejected-record", "x1-y2"]),
    accepted=st.booleans(),
)


@st.composite
def datasets(draw: st.DrawFn) -> sk.Dataset:
    """A dataset whose references all point at entities it holds."""
    entity_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    held = [draw(entities(st.just(entity_id))) for entity_id in entity_ids]
    vessel_ids = [entity.id for entity in held if isinstance(entity, sk.Vessel)]
    known = st.sampled_from(entity_ids)
    carriers = st.lists(st.sampled_from(vessel_ids), max_size=2) if vessel_ids else st.just([])
    other_ids = ids.filter(lambda candidate: candidate not in entity_ids)
    package_ids = draw(st.lists(other_ids, max_size=2, unique=True))
    transfer_ids = draw(
        st.lists(other_ids.filter(lambda i: i not in package_ids), max_size=2, unique=True)
    )
    return sk.Dataset(
        entities=held,
        designations=draw(st.lists(designations(known), max_size=3)),
        packages=[draw(packages(known, st.just(package_id))) for package_id in package_ids],
        transfers=[
            draw(transfers(known, carriers, st.just(transfer_id))) for transfer_id in transfer_ids
        ],
        problems=draw(st.lists(problems, max_size=2)),
        metadata=draw(st.dictionaries(texts, texts | st.integers(0, 10**9), max_size=2)),
    )
