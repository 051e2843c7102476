"""Passport and identification numbers in the Japanese list's document cells.

The Ministry of Finance writes each person's documents as Japanese prose: a
country and a kind of document before each number, full-width characters, "ー"
for a hyphen, several documents per cell. What this module finds in them (the
numbers, each one's issuing country and kind, its text as the note) is on the
documentation page "Japan Ministry of Finance (xlsx)", section Documents.

>>> found = read_documents("アフガニスタン旅券：SEー011697（1988年1月25日発行）", "passport")
>>> [(doc.scheme.value, doc.number, doc.country and doc.country.alpha2) for doc in found.documents]
[('passport', 'SE-011697', 'AF')]
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from sanctionkit.formats._reading import named_country
from sanctionkit.formats._schemes import identify
from sanctionkit.model import Identifier
from sanctionkit.model.schemes import IdentifierScheme, to_scheme
from sanctionkit.values.countries import Country

__all__ = ["Document", "Documents", "read_documents"]

#: "ー" (the katakana long-vowel mark) between letters or digits is a hyphen.
_LONG_VOWEL = re.compile(r"(?<=[A-Za-z0-9])\s*[ーｰ―‐−]\s*(?=[A-Za-z0-9])")
_ENUMERATION = re.compile(r"\(\s*[a-z]\s*\)")
_SEPARATORS = ("、", ",", ";", "又は", "または")
# Japanese dates ("2000年2月23日", "2000-2001年", "2013年時点"): never a document number.
_DATES = re.compile(r"\d{4}\s*(?:-\s*\d{4}\s*)?年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?")
# A document number: capitals, digits and . / -, in groups a space apart ("D 001206",
# "TR-P 614 166"), with a check character in brackets ("G563542(9)").
_NUMBER = re.compile(
    r"[A-Z0-9][A-Z0-9./-]*(?:\([A-Z0-9]\))?(?: +[A-Z0-9][A-Z0-9./-]*(?:\([A-Z0-9]\))?)*"
)
_LABEL_WORDS = re.compile(r"^(?:[A-Z]{3,} +)+")  # "SSN 156-92-9858": the label, not the number
#: No country's name is longer ("コンゴ民主共和国", "トリニダード・トバゴ共和国"): a longer
#: description is not tried in full, so a hostile cell costs no more than a short one.
_LONGEST_NAME = 40
_MIN_DIGITS = 2  # "G52FYPRL" (a Libyan passport)
_CHECK_CHARACTER = re.compile(r"\([A-Z0-9]\)")

# Words of the description that say what kind of document it is; with the issuing
# country, they are all a description holds. Anything else left is not understood.
_KIND_WORDS = re.compile(
    r"外国人旅行|海外渡航|渡航文書|渡航証明書|外国人登録|運転免許証|出生証明書?|国籍証明書|"
    r"住民票|有権者|学生|配給|退役軍人|軍隊|国軍|軍事|軍|身分登録|身分証|識別|納税者|社会保障|"
    r"パスポート|冊子|レセパセ|旅券|外交|公用|国民|連邦|代替|個人|出生時の|その他の|偽造|"
    r"カード|番号|ID|No|N°|no|Reiseausweis|Bundespersonalausweis|Identity|document|Fiscal|"
    r"Code|SSN|tazkira|Kuwaiti|Civil|Identification|number|Italian|Germany|FARDC|FACA|"
    r"[\s:：.・\"'()号]"
)


@attrs.frozen
class Document:
    """One document number found in a cell."""

    scheme: IdentifierScheme
    number: str
    country: Country | None
    #: The document as the cell writes it (normalised to half-width), for the note.
    text: str
    #: Words of its description that name neither a country nor a kind of document.
    unknown: str | None = None
    #: For a document of scheme ``other``, the words that name its kind ("配給カード番号").
    label: str | None = None

    def identifier(self) -> Identifier:
        """The document as an identifier, its text as the note when it says more than the number."""
        note = self.text if self.text != self.number else None
        return Identifier(
            scheme=self.scheme, value=self.number, country=self.country, label=self.label, note=note
        )


@attrs.frozen
class Documents:
    """The documents of a cell, and the parts of it that hold no number (as written)."""

    documents: tuple[Document, ...]
    unread: tuple[str, ...]


@attrs.define
class _Item:
    prefix: str
    number: str
    parens: list[str]
    text: list[str]


def read_documents(cell: str, scheme: str) -> Documents:
    """The documents in a passport (``scheme`` "passport") or identity ("national_id") cell.

    A part of the cell without a number ("(b)...の名で発行されたエジプト旅券") comes back
    in ``unread``; a part without a number after a number (its dates, where it was
    issued) belongs to that number.

    >>> found = read_documents("(a)パキスタン旅券 A-374184\\n(b)名義で発行された旅券", "passport")
    >>> [doc.number for doc in found.documents], found.unread
    (['A-374184'], ('名義で発行された旅券',))
    """
    text = _LONG_VOWEL.sub("-", unicodedata.normalize("NFKC", cell))
    items: list[_Item] = []
    unread: list[list[str]] = []
    heading: list[str] = []  # before the first number: "アフガニスタン国民IDカード番号:"
    heading_parens: list[str] = []
    current: _Item | list[str] | None = None
    for start, shown, head, parens in _pieces(text):
        found = _number(head)
        if found is not None:
            prefix, number = found
            current = _Item(prefix, number, list(parens), [shown])
            items.append(current)
        elif start:
            current = [shown]
            unread.append(current)
        elif isinstance(current, _Item):
            current.text.append(shown)
            current.parens.extend(parens)
        elif current is not None:
            current.append(shown)
        else:
            heading.append(shown)
            heading_parens.extend(parens)
    if heading and not items:
        unread.insert(0, heading)
    documents = tuple(_document(item, heading, heading_parens, scheme) for item in items)
    return Documents(documents, tuple(_joined(part) for part in unread))


def _joined(pieces: list[str]) -> str:
    """Pieces of a cell as written: each keeps its separator; a line break becomes a space."""
    return " ".join("".join(pieces).split()).strip(" 、,;")


def _pieces(text: str) -> list[tuple[bool, str, str, list[str]]]:
    """The cell's parts: (opens an "(a)" item?, as written, outside brackets, in brackets)."""
    found: list[tuple[bool, str, str, list[str]]] = []
    for position, chunk in enumerate(_ENUMERATION.split(text)):
        start = position > 0
        for line in chunk.splitlines():
            for number, (raw, head, parens) in enumerate(_segments(line)):
                if raw.strip(" 、,;"):
                    found.append((start, raw if number else f" {raw}", head, parens))
                    start = False
    return found


def _segments(line: str) -> list[tuple[str, str, list[str]]]:
    """A line cut at "、", ",", ";" and "又は" outside brackets: (as written, outside, inside)."""
    found: list[tuple[str, str, list[str]]] = []
    raw: list[str] = []
    head: list[str] = []
    parens: list[str] = []
    inside: list[str] = []
    depth = 0
    index = 0
    while index < len(line):
        char = line[index]
        check = _CHECK_CHARACTER.match(line, index)
        if depth == 0 and check is not None and head and head[-1].isalnum():
            raw.append(check.group())
            head.append(check.group())
            index = check.end()
            continue
        separator = next((s for s in _SEPARATORS if line.startswith(s, index)), None)
        if depth == 0 and separator is not None:
            raw.append(separator)
            found.append(("".join(raw), "".join(head), parens))
            raw, head, parens = [], [], []
            index += len(separator)
            continue
        raw.append(char)
        if char == "(":
            if depth > 0:
                inside.append(char)
            depth += 1
        elif char == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                parens.append("".join(inside).strip())
                inside = []
                head.append(" ")
            else:
                inside.append(char)
        elif char == ")":
            pass  # a bracket closed that this line did not open
        elif depth > 0:
            inside.append(char)
        else:
            head.append(char)
        index += 1
    if inside:
        parens.append("".join(inside).strip())
    found.append(("".join(raw), "".join(head), parens))
    return found


def _number(head: str) -> tuple[str, str] | None:
    """The words before the document number, and the number; None when there is none."""
    head = _DATES.sub(" ", head)
    candidates = [
        match
        for match in _NUMBER.finditer(head)
        if sum(char.isdigit() for char in match.group()) >= _MIN_DIGITS
    ]
    if len(candidates) != 1:
        return None
    match = candidates[0]
    number = match.group()
    label = _LABEL_WORDS.match(number)
    start = match.start() + (label.end() if label else 0)
    number = re.sub(r" *- *", "-", " ".join(head[start : match.end()].split())).strip(" .-/")
    return head[:start].strip(), number


def _document(item: _Item, heading: list[str], heading_parens: list[str], scheme: str) -> Document:
    prefix = item.prefix
    country, rest = _prefix_country(prefix)
    description = " ".join((*heading, prefix))
    if country is None and heading:
        country, heading_rest = _prefix_country(" ".join(heading))
        if country is not None:
            rest = " ".join((heading_rest, rest))
    if country is None:
        country = next(
            (found for text in (*item.parens, *heading_parens) if (found := _bracket(text))),
            None,
        )
    unknown = _KIND_WORDS.sub("", rest).strip(" -/:、,;")
    # The description may name another kind than the column's (a driving licence
    # among the identity documents): Japan's words are mapped in formats/_schemes.py.
    kind, label = identify("jp", description, to_scheme(scheme))
    return Document(
        scheme=kind,
        label=label,
        number=item.number,
        country=country,
        text=_joined([*heading, *item.text]),
        unknown=unknown or None,
    )


def _prefix_country(prefix: str) -> tuple[Country | None, str]:
    """The country that the words before a number start with, and the words after it."""
    prefix = prefix.strip(" :、,;")
    if not prefix:
        return None, ""
    if prefix.isascii():
        first, _, rest = prefix.partition(" ")
        country = _country(first) if len(first) >= 4 else None
        return (country, rest) if country is not None else (None, prefix)
    # The longest name that leaves only words of a kind of document: "クウェート国民ID番号"
    # is Kuwait and 国民ID番号, though "クウェート国" is Kuwait too.
    found: tuple[Country, str] | None = None
    for end in range(min(len(prefix), _LONGEST_NAME), 1, -1):
        country = _country(prefix[:end])
        if country is None:
            continue
        if not _KIND_WORDS.sub("", prefix[end:]).strip(" -/:、,;"):
            return country, prefix[end:]
        found = found or (country, prefix[end:])
    return found or (None, prefix)


def _bracket(text: str) -> Country | None:
    """The country a bracket names, alone or as "（北朝鮮旅券）"; None for anything else."""
    name = text.strip().removesuffix("旅券").strip()
    return _country(name) if len(name) >= 2 and not name.isascii() else None


def _country(text: str) -> Country | None:
    return None if any(char.isdigit() for char in text) else named_country(text)
