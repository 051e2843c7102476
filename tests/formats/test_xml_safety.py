"""XML from outside is untrusted: no DTD, so no entity expansion and no external entities."""

from __future__ import annotations

import io
import urllib.request
from pathlib import Path

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats._xml import iter_records

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<sdnList><sdnEntry><lastName>&lol9;</lastName></sdnEntry></sdnList>
"""


def records(data: bytes) -> list[str]:
    return [element.tag for kind, element in iter_records(io.BytesIO(data), "sdnEntry", "t.xml")]


def test_a_billion_laughs_document_is_refused_before_parsing() -> None:
    with pytest.raises(ReadError, match="DTD") as caught:
        records(BILLION_LAUGHS)
    assert caught.value.problem.file == "t.xml"


def test_an_external_entity_is_refused_and_its_file_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader tried to open a URL")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    document = (
        f'<?xml version="1.0"?><!DOCTYPE sdnList [<!ENTITY e SYSTEM "file://{secret}">]>'
        "<sdnList><sdnEntry><lastName>&e;</lastName></sdnEntry></sdnList>"
    ).encode()
    with pytest.raises(ReadError) as caught:
        records(document)
    assert "TOP SECRET" not in str(caught.value)


def test_a_dtd_in_utf_16_is_refused_too() -> None:
    document = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
    with pytest.raises(ReadError, match="DTD"):
        records(document.encode("utf-16"))


def test_a_doctype_mentioned_inside_a_comment_is_harmless() -> None:
    document = b"<?xml version='1.0'?><!-- no <!DOCTYPE here --><sdnList><sdnEntry/></sdnList>"
    assert records(document) == ["sdnList", "sdnEntry"]


def test_a_prolog_too_long_to_check_is_refused() -> None:
    document = b"<?xml version='1.0'?><!--" + b"x" * 70_000 + b"--><sdnList/>"
    with pytest.raises(ReadError, match="no root element"):
        records(document)


def test_malformed_xml_is_a_read_error_naming_line_and_column() -> None:
    with pytest.raises(ReadError, match="line 2, column"):
        records(b"<sdnList>\n<sdnEntry></sdnList>")


def test_records_are_removed_from_the_tree_once_read() -> None:
    document = b"<sdnList><header/>" + b"<sdnEntry><uid>1</uid></sdnEntry>" * 100 + b"</sdnList>"
    root = None
    seen = 0
    for kind, element in iter_records(io.BytesIO(document), "sdnEntry", "t.xml"):
        if kind == "root":
            root = element
        else:
            seen += 1
    assert seen == 100
    assert root is not None
    assert [child.tag for child in root] == ["header"]  # memory holds no read record


def test_iterating_ten_thousand_records_leaves_none_in_the_tree() -> None:
    entry = b"<sdnEntry><uid>%d</uid><lastName>Name %d</lastName></sdnEntry>"
    body = b"".join(entry % (number, number) for number in range(10_000))
    document = b'<sdnList><publshInformation/><entries kind="all">' + body + b"</entries></sdnList>"
    assert len(document) > 20 * (1 << 14)  # many chunks
    root = None
    seen = most_in_tree = 0
    for kind, element in iter_records(io.BytesIO(document), "sdnEntry", "t.xml"):
        if kind == "root":
            root = element
            continue
        assert root is not None
        seen += 1
        most_in_tree = max(most_in_tree, sum(1 for _ in root.iter("sdnEntry")))
    assert seen == 10_000
    assert root is not None
    assert [child.tag for child in root] == ["publshInformation", "entries"]
    assert len(root[1]) == 0
    # at most one chunk's records (16 KiB of XML, ~60 bytes each) at any time
    assert most_in_tree < 400


def test_records_whose_container_closes_mid_chunk_are_removed_too() -> None:
    document = (
        b"<LIST><INDIVIDUALS>"
        + b"<INDIVIDUAL><N>a</N></INDIVIDUAL>" * 3000
        + b"</INDIVIDUALS><ENTITIES>"
        + b"<ENTITY><N>b</N></ENTITY>" * 3000
        + b"</ENTITIES><TRAILER/></LIST>"
    )
    root = None
    kinds: dict[str, int] = {}
    for kind, element in iter_records(io.BytesIO(document), ("INDIVIDUAL", "ENTITY"), "t.xml"):
        if kind == "root":
            root = element
        else:
            kinds[element.tag] = kinds.get(element.tag, 0) + 1
    assert kinds == {"INDIVIDUAL": 3000, "ENTITY": 3000}
    assert root is not None
    assert [(child.tag, len(child)) for child in root] == [
        ("INDIVIDUALS", 0),
        ("ENTITIES", 0),
        ("TRAILER", 0),
    ]


def test_the_root_comes_first_with_its_attributes() -> None:
    document = b'<?xml version="1.0"?><LIST dateGenerated="2024-11-30"><E/><E/></LIST>'
    found = list(iter_records(io.BytesIO(document), "E", "t.xml"))
    assert [kind for kind, _ in found] == ["root", "record", "record"]
    assert found[0][1].get("dateGenerated") == "2024-11-30"


def test_records_before_malformed_xml_are_yielded_before_the_error() -> None:
    document = b"<LIST>" + b"<E/>" * 5 + b"<E></LIST>"
    stream = iter_records(io.BytesIO(document), "E", "t.xml")
    kinds = [next(stream)[0] for _ in range(6)]
    assert kinds == ["root"] + ["record"] * 5
    with pytest.raises(ReadError, match="not well-formed XML at line 1, column"):
        next(stream)
