"""sk.link on real official files: UN shipping companies and UN reference numbers.

Expected links are worked out from the raw files with this module's own regular
expressions, and spot-checked by hand in the files.
"""

from __future__ import annotations

import functools
import re

import pytest

import sanctionkit as sk
from tests.conftest import shared_dataset, shared_file


@functools.cache
def real(relative: str) -> sk.Dataset:
    return shared_dataset(relative)


@functools.cache
def raw(relative: str) -> str:
    return shared_file(relative).read_text(encoding="latin-1" if "ofac" in relative else "utf-8")


_UN_REFERENCE = r"[A-Za-z]{2}[ieIE]\.\d{3}"


def _un_ids_by_reference(relative: str) -> dict[str, str]:
    # REFERENCE_NUMBER per record; the reader's ids are "un-" + the reference, lowered.
    return {
        ref.upper(): f"un-{ref.lower()}"
        for ref in re.findall(r"<REFERENCE_NUMBER>\s*([^<]+?)\s*</REFERENCE_NUMBER>", raw(relative))
    }


def _un_company_numbers(relative: str) -> dict[str, str]:
    """IMO numbers in the UN comments -> the record's reference."""
    found = {}
    for record in re.findall(r"<ENTITY>.*?</ENTITY>", raw(relative), re.DOTALL):
        reference = re.search(r"<REFERENCE_NUMBER>\s*([^<]+?)\s*</REFERENCE_NUMBER>", record)
        assert reference is not None
        for number in re.findall(r"IMO\)? [Nn]umber: (\d{7})|IMO (\d{7})", record):
            found["".join(number)] = f"un-{reference[1].lower()}"
    return found


def _ofac_company_numbers(relative: str) -> dict[str, str]:
    found = {}
    for line in raw(relative).splitlines():
        for number in re.findall(r"(?:Company|Identification) Number IMO (\d{7})", line):
            found[number] = f"ofac-{line.split(',', 1)[0]}"
    return found


@pytest.mark.parametrize(
    ("un", "ofac", "count"),
    [
        ("un/consolidated-2024-11-30.xml", "ofac/sdn-csv-2024-05/sdn-2024-05-03.csv", 16),
        ("un/consolidated-2018-10-29.xml", "ofac/sdn-csv-2021/sdn.csv", 3),
    ],
)
def test_un_shipping_companies_link_to_ofacs_by_imo_company_number(
    un: str, ofac: str, count: int
) -> None:
    un_numbers, ofac_numbers = _un_company_numbers(un), _ofac_company_numbers(ofac)
    expected = {
        f"imo_company {number}": (entity_id, ofac_numbers[number])
        for number, entity_id in un_numbers.items()
        if number in ofac_numbers
    }
    assert len(expected) == count
    linked = sk.link(real(un), real(ofac))
    found = {
        link.key: link.entity_ids for link in linked.links if link.key.startswith("imo_company")
    }
    assert found == expected
    # By hand: KPe.022 CHONGCHONGANG SHIPPING COMPANY ("IMO Number: 5342883.") is OFAC's
    # 17067 CHONGCHONGANG SHIPPING COMPANY LIMITED ("Company Number IMO 5342883").
    assert found["imo_company 5342883"] == ("un-kpe.022", "ofac-17067")
    company = linked.dataset.get("ofac-17067")
    assert company is not None
    assert company is linked.dataset.get("un-kpe.022")


def _uk_citations() -> dict[str, set[str]]:
    """The UK ConList's "(UN Ref):" citations, by the reader's entity id (uk-<Group ID>)."""
    from openpyxl import load_workbook

    book = load_workbook(shared_file("uk/ConList-2022-05-04.xlsx"), read_only=True)
    cited: dict[str, set[str]] = {}
    for row in book.worksheets[0].iter_rows(min_row=3, values_only=True):
        other, group = row[27], row[35]
        for refs in re.findall(
            rf"\(UN Ref\):\s*({_UN_REFERENCE}(?: and {_UN_REFERENCE})*)", other or ""
        ):
            cited.setdefault(f"uk-{group}", set()).update(re.findall(_UN_REFERENCE, refs))
    book.close()
    return cited


def test_uk_entries_link_to_the_un_list_by_the_un_reference_they_cite() -> None:
    pytest.importorskip("openpyxl")
    un_file = "un/consolidated-2024-11-30.xml"
    un_ids = _un_ids_by_reference(un_file)
    expected = {
        (un_ids[ref.upper()], uk_id)
        for uk_id, refs in _uk_citations().items()
        for ref in refs
        if ref.upper() in un_ids
    }
    linked = sk.link(real(un_file), real("uk/ConList-2022-05-04.xlsx"))
    found = {link.entity_ids for link in linked.links if link.key.startswith("un_reference")}
    # By hand: group 6995 (Hassan Dahir AWEYS) cites "QDi.042 and SOi.002", which are two
    # entries of the UN list: joining both would make the UN's two entries one, so
    # group 6995 joins the first and the second is a finding.
    assert ("un-soi.002", "uk-6995") in expected
    assert found == expected - {("un-soi.002", "uk-6995")}
    assert len(found) == 840
    (finding,) = linked.findings
    assert set(finding.entity_ids) == {"un-qdi.042", "un-soi.002"}
    assert "through uk-6995" in finding.message
    # By hand: group 13340 (CHONG CHON GANG SHIPPING CO. LTD.) cites "(UN Ref):KPe.022".
    assert ("un-kpe.022", "uk-13340") in found


def test_a_uk_cell_citing_two_un_references_gives_two_identifiers() -> None:
    uk = real("uk/ConList-2022-05-04.xlsx")
    cited = [
        sorted(i.value for i in entity.identifiers if i.scheme == "un_reference")
        for entity in uk
        if any(i.value == "SOi.002" for i in entity.identifiers)
    ]
    assert cited == [["QDi.042", "SOi.002"]]


def test_eu_and_japanese_entries_link_to_the_un_list_by_the_un_reference_they_cite() -> None:
    un = real("un/consolidated-2024-11-30.xml")
    eu = sk.link(un, real("eu/fsf-2022-03-18-excerpt.xml"))
    # By hand in the EU file: logicalId 6106 has unitedNationId="LYi.006", 6092 "LYi.009".
    assert {link.entity_ids for link in eu.links if link.key.startswith("un_reference")} == {
        ("un-lyi.006", "eu-6106"),
        ("un-lyi.009", "eu-6092"),
    }
    japan = sk.link(un, real("jp/shisantouketsu20260305.xlsx"))
    # A link names one key: where a Japanese entry also gives the passport the UN gives
    # (QDi.057: Libyan passport 203037), that key may name the link instead.
    linked_un = {link.entity_ids[0] for link in japan.links if link.entity_ids[0].startswith("un-")}
    # Japan's file cites ten UN references (column 国連参照番号): QDi.057, QDi.065,
    # QDi.150, QDi.338, QDi.372, IQi.085, HTi.008, HTi.009, HTe.001, HTe.002; those still on
    # the UN list of 2024-11-30 are the ones that link.
    cited = ["QDi.057", "QDi.065", "QDi.150", "QDi.338", "QDi.372", "IQi.085"]
    cited += ["HTi.008", "HTi.009", "HTe.001", "HTe.002"]
    un_ids = _un_ids_by_reference("un/consolidated-2024-11-30.xml")
    still_listed = {un_ids[ref.upper()] for ref in cited if ref.upper() in un_ids}
    assert len(still_listed) == 6
    assert still_listed <= linked_un


def test_the_canadian_sema_list_cites_no_un_reference() -> None:
    # SEMA is Canada's autonomous list; its UN listings are under other regulations.
    assert re.findall(rf"\b{_UN_REFERENCE}\b", raw("ca/sema-2025-03-20.xml")) == []
