"""Document numbers in the Japanese list's passport and identity cells (cells of the real file)."""

from __future__ import annotations

import pytest

from sanctionkit.formats._jp_documents import read_documents


def _read(cell: str, scheme: str = "passport") -> list[tuple[str, str, str | None]]:
    return [
        (doc.scheme, doc.number, doc.country and doc.country.alpha2)
        for doc in read_documents(cell, scheme).documents
    ]


@pytest.mark.parametrize(
    ("cell", "scheme", "expected"),
    [
        # The long-vowel mark "ー" as a hyphen, a full-width colon and brackets (2-11).
        (
            "アフガニスタン旅券：SEー011697（1988年1月25日にカブールで発行、2000年2月23日に失効） ",
            "passport",
            [("passport", "SE-011697", "AF")],
        ),
        # Full-width digits (3-4(*291)).
        (
            "４５６６８２ （１９９０年１１月６日発行，１９９５年９月１３日失効）",
            "passport",
            [("passport", "456682", None)],
        ),
        # A heading shared by "(a)" and "(b)" (2-8).
        (
            "アフガニスタン国民ＩＤカード(tazkira)番号: (a)2132370 (b)812673",
            "national_id",
            [("national_id", "2132370", "AF"), ("national_id", "812673", "AF")],
        ),
        # The country in a bracket after the number, three numbers a "；" apart (17-24).
        (
            "199110092、旅券失効日：2014年3月17日（北朝鮮旅券）；472220503、旅券失効日：2018年6月6日"
            "（北朝鮮旅券）；654220197、旅券失効日：2019年5月7日（北朝鮮旅券）",
            "passport",
            [
                ("passport", "199110092", "KP"),
                ("passport", "472220503", "KP"),
                ("passport", "654220197", "KP"),
            ],
        ),
        # "又は" (or) and a line break (24-20).
        (
            "0002250又は\nD000000483（外交旅券）",
            "passport",
            [("passport", "0002250", None), ("passport", "D000000483", None)],
        ),
        # A check digit in brackets stays part of the number (17-76).
        ("G563542(9)", "national_id", [("national_id", "G563542(9)", None)]),
        # Spaces inside the number, a hyphen then a space (2-547, 2-616).
        (
            "トルコ旅券 TR-P 614 166 （2006年3月22日...発行）",
            "passport",
            [("passport", "TR-P 614 166", "TR")],
        ),
        (
            "パキスタンIDカード番号\u300044103- 5251752-5",
            "national_id",
            [("national_id", "44103-5251752-5", "PK")],
        ),
        # Kinds of document that are neither passports nor national identity cards.
        ("配給カード番号\u30000094195", "national_id", [("other", "0094195", None)]),
        (
            "(a)04643632（1999年6月18日発行）\n (b)Italian Fiscal Code（イタリア納税者番号）: "
            "DAOMMD74T11Z352Z",
            "national_id",
            [("national_id", "04643632", None), ("tax_id", "DAOMMD74T11Z352Z", "IT")],
        ),
        # "クウェート国" is Kuwait too, but "国民ID番号" is the kind of document (2-522).
        (
            "クウェート国民ID番号 259092401188",
            "national_id",
            [("national_id", "259092401188", "KW")],
        ),
    ],
)
def test_numbers_countries_and_kinds(
    cell: str, scheme: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _read(cell, scheme) == expected


def test_a_part_without_a_number_comes_back_unread() -> None:
    found = read_documents(
        "(a)エジプト旅券番号6487(ムハンマド･ジャマル・アブドゥの名で1986年1月30日発行) \n"
        "(b)ムハンマドの名で1993年に発行されたエジプト旅券 \n(c)イエメン旅券番号388181",
        "passport",
    )
    assert [doc.number for doc in found.documents] == ["6487", "388181"]
    assert found.unread == ("ムハンマドの名で1993年に発行されたエジプト旅券",)


def test_a_series_and_a_number_are_not_guessed_into_one() -> None:
    found = read_documents("ロシア旅券番号8208 No.555627、ロシア連邦移民庁発行", "passport")
    assert found.documents == ()
    assert found.unread == ("ロシア旅券番号8208 No.555627、ロシア連邦移民庁発行",)


def test_words_naming_no_country_and_no_document_are_reported() -> None:
    (document,) = read_documents("ナルニア旅券 A1234567", "passport").documents
    assert (document.number, document.country, document.unknown) == ("A1234567", None, "ナルニア")


def test_the_text_of_each_document_is_kept() -> None:
    (document,) = read_documents("745420413、旅券失効日：2020年11月19日", "passport").documents
    assert document.text == "745420413、旅券失効日:2020年11月19日"
