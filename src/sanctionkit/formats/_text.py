"""The text helpers every reader needs: one line of text, blank values, joined parts, scripts.

Official lists break lines inside names, pad cells with spaces and write
"null", "n/a" or "不明" where they mean *no value*. Each reader used to tidy
text its own way; these are the one way, with parameters where lists differ
(the words a list uses for "nothing", the punctuation around them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable

from sanctionkit.formats._scripts import guess_script

__all__ = ["blank", "clean", "header_key", "join", "language_code", "script"]

_ASCII_LETTER = re.compile(r"[A-Za-z]")
# A name in Cyrillic letters, with perhaps ASCII (Latin letters do not count beside
# another script) and «»: guess_script says "Cyrl", but only after looking up every
# letter, and many lists' names in other scripts are these. (U+0482-0489 are signs
# and combining marks, not letters.)
_CYRILLIC_NAME = re.compile(
    r"[\x00-\x7f«»]*[\u0400-\u0481\u048a-\u04ff][\x00-\x7f«»\u0400-\u0481\u048a-\u04ff]*"
)


def clean(text: str | None, blanks: Collection[str] = ()) -> str:
    """The text on one line: runs of white space (line breaks, no-break spaces) made one space.

    ``blanks``: the words (in lower case) a list writes where it means no value;
    a text that is one of them (in any case) is made empty, as a missing one is.

    >>> clean("  KIM\\n JONG\\u00a0SIK "), clean(None)
    ('KIM JONG SIK', '')
    >>> clean(" NA ", blanks={"na", "null"}), clean("Namibia", blanks={"na"})
    ('', 'Namibia')
    """
    if not text:
        return ""
    cleaned = " ".join(text.split())
    if blanks and cleaned.lower() in blanks:
        return ""
    return cleaned


def blank(text: str | None, words: Collection[str] = (), *, strip: str | None = None) -> bool:
    """Whether a text says nothing: empty, white space, or one of ``words`` (lower case).

    ``strip``: characters that do not count at either end (after white space is
    made one space), such as the commas and full stops around "不明" (unknown).

    >>> blank("  "), blank("n/a", {"n/a"}), blank("N/A", {"n/a"}), blank("Nauru", {"n/a"})
    (True, True, True, False)
    >>> blank("不明、", {"不明"}, strip=" 、,;."), blank("、", strip=" 、")
    (True, True)
    """
    if not text:
        return True
    key = " ".join(text.split())
    if strip is not None:
        key = key.strip(strip)
    return not key or key.lower() in words


def header_key(text: object) -> str:
    """A header cell as compared with a reader's table: without case or any white space.

    Workbooks and CSV files write one column's header with other spacing and case
    from file to file ("Name Type ", "Year built"); readers look columns up by this key.
    None (an empty cell) is the empty key.

    >>> header_key("Name Type "), header_key("Year built") == header_key("Year Built")
    ('nametype', True)
    >>> header_key(None), header_key(2026)
    ('', '2026')
    """
    return "".join(str(text).split()).lower() if text is not None else ""


def join(parts: Iterable[str], separator: str = ", ") -> str:
    """The non-empty parts joined by ``separator``: an address or a note from its pieces.

    >>> join(["1 Main St", "", "Pyongyang"]), join(["passport", "issued 2001"], "; ")
    ('1 Main St, Pyongyang', 'passport; issued 2001')
    """
    return separator.join(part for part in parts if part)


def script(name: str) -> str | None:
    """:func:`~sanctionkit.formats._scripts.guess_script`, fast for the common names.

    Plain ASCII is Latin (None without a letter) and Cyrillic with perhaps ASCII
    is Cyrillic, without looking up every letter: most names on the lists are one
    of the two, and guess_script says the same of them.

    >>> script("KIM Jong Sik"), script("123"), script("Коля Л."), script("محمد")
    ('Latn', None, 'Cyrl', 'Arab')
    """
    if name.isascii():
        return "Latn" if _ASCII_LETTER.search(name) else None
    if _CYRILLIC_NAME.fullmatch(name):
        return "Cyrl"
    return guess_script(name)


@functools.lru_cache(maxsize=256)
def language_code(name: str) -> str | None:
    """The ISO 639-1 code of a language's English name ("Bosnian": "bs"), or None.

    Lists name the language of a spelling in words; the model keeps the code.
    None for empty text, an unknown name, or a language without a two-letter code.

    >>> language_code("Bosnian"), language_code("Klingon"), language_code("")
    ('bs', None, None)
    """
    if not name:
        return None
    import pycountry

    try:
        language = pycountry.languages.lookup(name)
    except LookupError:
        return None
    code = getattr(language, "alpha_2", None)
    return str(code) if code else None
