"""Specification of the HTML views that Jupyter shows for datasets, packages, entities, transfers.

The issue asks for "compact, readable tables, no scripts". Each view must carry the facts a
reader looks for (names, counts, status), show text from data as text (a name such as
``<script>`` is escaped, never markup), and be well-formed enough for any notebook renderer.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import sanctionkit
from sanctionkit.formats.jsonl import load
from sanctionkit.model import (
    Address,
    Aircraft,
    Alias,
    AllegedTransfer,
    Authority,
    Claim,
    CountryRole,
    Dataset,
    Designation,
    EntityRef,
    Goods,
    Identifier,
    LegalBasis,
    Organization,
    Person,
    Problem,
    Quantity,
    SanctionPackage,
    Vessel,
)
from sanctionkit.model._html import cell, plain
from sanctionkit.values.countries import Country
from sanctionkit.values.dates import DateRange, PartialDate

HOSTILE = '<script>alert("x")</script> & <b onmouseover="x">'
ESCAPED = (
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onmouseover=&quot;x&quot;&gt;"
)

KR = Authority(name="Ministry of Foreign Affairs", country="KR", kind="ministry")

MARIA = Vessel(
    id="vessel-maria",
    name="MARIA",
    imo="9683740",
    flag="RU",
    past_flags=["PA", "KP"],
    past_names=["LADY LEILA"],
    vessel_type="General Cargo",
)
HAN = Person(
    id="han-hyok-chol",
    name="Han Hyok-chol",
    aliases=[Alias(name="한혁철", script="Kore", language="ko")],
    birth_dates=["circa 1962", "1963-05"],
    countries=[CountryRole(country="KP", role="nationality")],
    identifiers=[Identifier(scheme="passport", value="836110034", country="KP")],
    addresses=[Address(full="Vladivostok, Russia", city="Vladivostok", country="RU")],
)
IBEX = Organization(id="ibex-shipping-inc", name="Ibex Shipping Inc", incorporated="2021-02-10")
PACKAGE = SanctionPackage(
    id="kr-2024-05-24",
    authority=KR,
    announced="2024-05-24",
    effective="2024-05-28",
    title="South Korea sanctions seven North Korean individuals and two Russian vessels",
    legal_basis=[LegalBasis(kind="un_resolution", number="2397", year=2017)],
    measures=["financial_prohibition", "port_entry_ban"],
    designations=[
        Designation(
            entity_id="vessel-maria",
            authority=KR,
            authority_ref="KR-2024-09",
            listed="2024-05-24",
            programmes=["DPRK"],
        ),
        Designation(entity_id="han-hyok-chol", authority=KR, listed="2024-05-24"),
    ],
)
AMMUNITION = AllegedTransfer(
    id="kp-ru-ammunition",
    goods=Goods(description="containers of ammunition", category="ammunition"),
    quantity=Quantity(amount=1000, unit="container", approximate=True, text="thousands of crates"),
    origin="KP",
    destination="RU",
    carriers=["vessel-maria"],
    period=DateRange(PartialDate(2023, 8), PartialDate(2024, 5)),
    claims=[
        Claim(party="KR", stance="alleges", date="2024-05-24", statement="military supplies"),
        Claim(party="KP", stance="denies", date="2024-05", statement="no intention of exporting"),
    ],
)
DATASET = Dataset(
    entities=[MARIA, HAN, IBEX, Aircraft(id="ep-mna", name="EP-MNA", registration="EP-MNA")],
    packages=[PACKAGE],
    transfers=[AMMUNITION],
    problems=[Problem(message="bad check digit", record="12", field="imo", value="9683741")],
)

BUILTIN = Path(sanctionkit.__file__).parent / "data" / "builtin" / "announcement-2024-05-24.jsonl"


def _hostile_records() -> list[object]:
    """One record of each kind with hostile text wherever data reaches the page."""
    entity = Organization(
        id="evil",
        name=HOSTILE,
        aliases=[HOSTILE],
        addresses=[Address(full=HOSTILE, city=HOSTILE)],
        identifiers=[
            Identifier(scheme="registration", value=HOSTILE),
            Identifier(scheme="other", value="1", label=HOSTILE),
        ],
        notes=[HOSTILE],
        kind=HOSTILE,
    )
    authority = Authority(name=HOSTILE, country="JP")
    package = SanctionPackage(
        id="p",
        authority=authority,
        announced="2024-05-24",
        title=HOSTILE,
        summary=HOSTILE,
        designations=[Designation(entity_id="evil", authority=authority, authority_ref=HOSTILE)],
        notes=[HOSTILE],
    )
    transfer = AllegedTransfer(
        id="t",
        goods=Goods(description=HOSTILE, category="other"),
        origin=EntityRef("evil"),
        claims=[Claim(party=authority, stance="other", stance_text=HOSTILE, statement=HOSTILE)],
    )
    dataset = Dataset(
        entities=[entity],
        packages=[package],
        transfers=[transfer],
        problems=[Problem(message=HOSTILE, value=HOSTILE)],
        metadata={"title": HOSTILE},
    )
    return [entity, package, transfer, dataset]


def _html(record: object) -> str:
    text = record._repr_html_()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text


class _TagStack(HTMLParser):
    """Checks that every element closes, in order, and that none is a script."""

    VOID = frozenset({"br", "hr", "img", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"


def _parse(markup: str) -> _TagStack:
    parser = _TagStack()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], f"unclosed elements: {parser.stack}"
    return parser


ALL_VIEWS = [DATASET, PACKAGE, MARIA, HAN, IBEX, AMMUNITION, *_hostile_records()]


# --- The helpers ----------------------------------------------------------------------------


def test_a_country_shows_as_its_code_and_name() -> None:
    assert plain(Country.from_code("KP")) == "KP (Korea, Democratic People's Republic of)"


def test_dates_show_in_iso_form() -> None:
    assert plain(PartialDate(1962, approximate=True)) == "1962~"
    assert plain(DateRange(PartialDate(2024, 5, 13), PartialDate(2024, 5, 19))) == (
        "2024-05-13/2024-05-19"
    )


def test_an_enum_shows_as_its_value() -> None:
    assert plain(PACKAGE.measures[0]) == "financial_prohibition"


def test_a_tuple_shows_as_a_comma_list() -> None:
    assert plain(MARIA.past_flags) == "PA (Panama), KP (Korea, Democratic People's Republic of)"


def test_a_list_of_items_with_commas_puts_each_on_its_own_line() -> None:
    addresses = (Address(full="House 18, Lenina Street"), Address(full="Moscow, Russia"))
    assert cell(addresses) == "<div>House 18, Lenina Street</div><div>Moscow, Russia</div>"


def test_a_cell_escapes_text() -> None:
    assert cell(HOSTILE) == ESCAPED


# --- Dataset --------------------------------------------------------------------------------


def test_dataset_view_counts_each_kind() -> None:
    markup = _html(DATASET)
    for kind in ("persons", "organisations", "vessels", "aircraft"):
        assert f">{kind}</th>" in markup
    counts = "".join(
        f'<td style="text-align:left;vertical-align:top">{count}</td>'
        for count in (1, 1, 1, 1, 2, 1, 1, 1)
    )
    assert counts in markup


def test_dataset_view_lists_packages_with_their_designation_counts() -> None:
    markup = _html(DATASET)
    assert "Ministry of Foreign Affairs (KR)" in markup
    assert "South Korea sanctions seven North Korean individuals" in markup
    assert ">2024-05-24<" in markup


def test_dataset_view_lists_transfers_with_route_and_status() -> None:
    markup = _html(DATASET)
    assert "containers of ammunition" in markup
    assert "KP (Korea, Democratic People&#x27;s Republic of) → RU (Russian Federation)" in markup
    assert ">disputed<" in markup


def test_dataset_view_shows_problems() -> None:
    assert "bad check digit" in _html(DATASET)


def test_dataset_view_says_how_many_rows_it_leaves_out() -> None:
    packages = [
        SanctionPackage(id=f"p{number}", authority=KR, announced="2024-05-24")
        for number in range(25)
    ]
    markup = _html(Dataset(packages=packages))
    assert "… and 5 more" in markup
    assert markup.count("Ministry of Foreign Affairs (KR)") == 20


def test_dataset_view_of_an_empty_dataset_still_has_counts() -> None:
    markup = _html(Dataset())
    assert ">problems</th>" in markup
    assert "Packages" not in markup


# --- SanctionPackage ------------------------------------------------------------------------


def test_package_view_has_its_header() -> None:
    markup = _html(PACKAGE)
    assert "South Korea sanctions seven North Korean individuals" in markup
    assert "Ministry of Foreign Affairs (KR)" in markup
    assert "2024-05-24" in markup
    assert "2024-05-28" in markup


def test_package_view_has_legal_basis_and_measures() -> None:
    markup = _html(PACKAGE)
    assert "UN Security Council resolution 2397 (2017)" in markup
    assert "financial_prohibition, port_entry_ban" in markup


def test_package_view_tables_its_designations() -> None:
    markup = _html(PACKAGE)
    assert "Designations (2)" in markup
    for header in ("entity id", "authority ref", "listed", "programmes"):
        assert f">{header}</th>" in markup
    assert "vessel-maria" in markup
    assert "KR-2024-09" in markup
    assert "han-hyok-chol" in markup


# --- Entities -------------------------------------------------------------------------------


def test_entity_view_has_name_kind_and_id() -> None:
    markup = _html(HAN)
    assert "Han Hyok-chol" in markup
    assert "Person" in markup
    assert "han-hyok-chol" in markup


def test_entity_view_has_aliases_identifiers_countries_and_addresses() -> None:
    markup = _html(HAN)
    assert "한혁철 [ko]" in markup
    assert "passport 836110034 (KP)" in markup
    assert "nationality: KP (Korea, Democratic People&#x27;s Republic of)" in markup
    assert "Vladivostok, Russia" in markup


def test_an_other_identifier_shows_under_the_sources_name_for_it() -> None:
    number = Identifier(scheme="other", value="73320881", label="Electoral Registry No.")
    markup = _html(Person(id="p", name="P", identifiers=[number]))
    assert "Electoral Registry No. 73320881" in markup
    assert "other 73320881" not in markup


def test_person_view_has_birth_dates() -> None:
    assert "1962~, 1963-05" in _html(HAN)


def test_vessel_view_has_imo_flag_past_flags_and_names() -> None:
    markup = _html(MARIA)
    assert ">IMO</th>" in markup
    assert "9683740" in markup
    assert "RU (Russian Federation)" in markup
    # "Korea, Democratic ..." has a comma of its own, so each past flag gets its own line.
    assert "<div>PA (Panama)</div><div>KP (Korea, Democratic People&#x27;s Republic of)</div>" in (
        markup
    )
    assert "LADY LEILA" in markup
    assert "General Cargo" in markup


def test_organization_view_has_incorporation_date() -> None:
    assert "2021-02-10" in _html(IBEX)


def test_entity_view_leaves_out_empty_fields() -> None:
    assert ">mmsi</th>" not in _html(MARIA).lower()


# --- AllegedTransfer ------------------------------------------------------------------------


def test_transfer_view_has_goods_quantity_route_period_and_status() -> None:
    markup = _html(AMMUNITION)
    assert "containers of ammunition (ammunition)" in markup
    assert "about 1000 container (“thousands of crates”)" in markup
    assert "KP (Korea, Democratic People&#x27;s Republic of) → RU (Russian Federation)" in markup
    assert "2023-08/2024-05" in markup
    assert ">disputed<" in markup


def test_transfer_view_tables_its_claims() -> None:
    markup = _html(AMMUNITION)
    assert "Claims (2)" in markup
    for text in ("alleges", "denies", "military supplies", "no intention of exporting"):
        assert text in markup


def test_transfer_view_names_an_unknown_end_with_a_question_mark() -> None:
    transfer = AllegedTransfer(id="t", goods=Goods(description="weapons", category="arms"))
    assert "? → ?" in _html(transfer)


# --- Every view -----------------------------------------------------------------------------


@pytest.mark.parametrize("record", _hostile_records(), ids=type)
def test_text_from_data_is_escaped(record: object) -> None:
    markup = _html(record)
    assert ESCAPED in markup
    assert HOSTILE not in markup


@pytest.mark.parametrize("record", ALL_VIEWS, ids=type)
def test_views_hold_no_script(record: object) -> None:
    markup = _html(record)
    assert "<script" not in markup.lower()
    assert "script" not in _parse(markup).tags


@pytest.mark.parametrize("record", ALL_VIEWS, ids=type)
def test_views_close_every_element(record: object) -> None:
    _parse(_html(record))


def test_every_record_of_the_builtin_data_has_a_well_formed_view() -> None:
    dataset = load(BUILTIN)
    records: list[object] = [dataset, *dataset.entities, *dataset.packages, *dataset.transfers]
    for record in records:
        markup = _html(record)
        assert "<script" not in markup.lower()
        _parse(markup)
