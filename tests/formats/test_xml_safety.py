"""XML from outside is untrusted: no DTD, so no entity expansion and no external entities.

And nothing read is lost without a word: records under unknown tags and files that
break off are problems, with the counts adding up, in every XML reader.
"""

from __future__ import annotations

import io
import re
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from sanctionkit.errors import ReadError
from sanctionkit.formats import ca_sema, eu_xml, ofac_enhanced, ofac_xml, seco, un_xml
from sanctionkit.formats._reading import Reading
from sanctionkit.formats._xml import iter_records
from sanctionkit.model import Dataset

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


def test_a_prolog_of_any_length_is_read_to_its_end() -> None:
    document = b"<?xml version='1.0'?><!--" + b"x" * 200_000 + b"--><sdnList><sdnEntry/></sdnList>"
    assert records(document) == ["sdnList", "sdnEntry"]


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


# --- every XML reader -------------------------------------------------------------------
# One small document per reader, in the layout of its real list: a head, a record
# template (%d: a number that makes each record distinct) and a tail.


class Layout(NamedTuple):
    read: Callable[..., Dataset]
    record_tag: bytes
    head: bytes
    record: bytes
    tail: bytes

    def document(self, count: int = 3, renamed: int | None = None) -> bytes:
        """``count`` records, the one numbered ``renamed`` under an unknown tag."""
        parts = []
        for number in range(1, count + 1):
            record = self.record % (number, number, number)
            if number == renamed:
                record = re.sub(
                    rb"<(/?)" + self.record_tag + rb"(?=[\s>/])", rb"<\1Renamed", record
                )
            parts.append(record)
        return self.head + b"".join(parts) + self.tail


LAYOUTS = {
    "un-xml": Layout(
        un_xml.read,
        b"INDIVIDUAL",
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<CONSOLIDATED_LIST dateGenerated="2024-11-30T00:00:00"><INDIVIDUALS>\n',
        b"<INDIVIDUAL><DATAID>%d</DATAID><FIRST_NAME>PERSON</FIRST_NAME>"
        b"<SECOND_NAME>NUMBER %d</SECOND_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
        b"<REFERENCE_NUMBER>KPi.%03d</REFERENCE_NUMBER><LISTED_ON>2016-11-30</LISTED_ON>"
        b"</INDIVIDUAL>\n",
        b"</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n",
    ),
    "eu-xml": Layout(
        eu_xml.read,
        b"sanctionEntity",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export"'
        b' generationDate="2022-03-18T14:52:26.947+01:00" globalFileId="137925">\n',
        b'<sanctionEntity designationDate="2009-07-16" euReferenceNumber="EU.%d.64" logicalId="%d">'
        b'<regulation regulationType="amendment" organisationType="council"'
        b' publicationDate="2017-08-31" numberTitle="2017/1509 (OJ L224)" programme="PRK"'
        b' logicalId="1"/><subjectType code="person" classificationCode="P"/>'
        b'<nameAlias wholeName="Person Number %d" strong="true" logicalId="2"/></sanctionEntity>\n',
        b"</export>\n",
    ),
    "ca-sema-xml": Layout(
        ca_sema.read,
        b"record",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<data-set xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n',
        b"<record><Country>Belarus / B\xc3\xa9larus</Country><LastName>Number %d</LastName>"
        b"<GivenName>Person</GivenName><DateOfListing>2020-09-28</DateOfListing>"
        b"<Schedule>1, Part %d</Schedule><Item>%d</Item></record>\n",
        b"</data-set>\n",
    ),
    "ofac-xml": Layout(
        ofac_xml.read,
        b"sdnEntry",
        b'<?xml version="1.0" encoding="utf-8"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">'
        b"<publshInformation><Publish_Date>05/03/2024</Publish_Date></publshInformation>\n",
        b"<sdnEntry><uid>%d</uid><firstName>Person</firstName><lastName>NUMBER %d</lastName>"
        b"<sdnType>Individual</sdnType><programList><program>DPRK%d</program></programList>"
        b"</sdnEntry>\n",
        b"</sdnList>\n",
    ),
    "ofac-enhanced-xml": Layout(
        ofac_enhanced.read,
        b"entity",
        b'<?xml version="1.0" encoding="utf-8"?>\n<sanctionsData xmlns="https://sanctionslistservice'
        b'.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"><publicationInfo>'
        b"<dataAsOf>2024-08-28T00:00:00</dataAsOf></publicationInfo><referenceValues/><entities>\n",
        b'<entity id="%d"><generalInfo><entityType refId="601">Entity</entityType></generalInfo>'
        b'<names><name id="1"><isPrimary>true</isPrimary><translations><translation id="2">'
        b"<isPrimary>true</isPrimary><formattedLastName>COMPANY %d</formattedLastName>"
        b'</translation></translations></name></names><sanctionsLists><sanctionsList refId="1550">'
        b"SDN List %d</sanctionsList></sanctionsLists></entity>\n",
        b"</entities></sanctionsData>\n",
    ),
    "seco-xml": Layout(
        seco.read,
        b"target",
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<swiss-sanctions-list list-type="whole-list" date="2026-08-15">\n'
        b'<sanctions-program ssid="20"><program-key lang="eng">Belarus</program-key>'
        b'<sanctions-set ssid="4387" lang="eng">annex 1</sanctions-set></sanctions-program>\n',
        b'<target ssid="%d"><sanctions-set-id>4387</sanctions-set-id><individual>'
        b'<identity ssid="1" main="true"><name name-type="primary-name" quality="good">'
        b'<name-part order="1" name-part-type="whole-name"><value>Person %d</value></name-part>'
        b'</name></identity></individual><modification modification-type="listed"'
        b' effective-date="2022-03-%02d"/></target>\n',
        b'<place ssid="9"><location>Minsk</location></place></swiss-sanctions-list>\n',
    ),
}
READER_NAMES = list(LAYOUTS)


def read(layout: Layout, document: bytes, *, strict: bool = False) -> Dataset:
    return layout.read(io.BytesIO(document), name="list.xml", strict=strict)


def counts(dataset: Dataset) -> tuple[object, object, object]:
    metadata = dataset.metadata
    return metadata["records_read"], metadata["records_returned"], metadata["records_rejected"]


@pytest.mark.parametrize("reader", READER_NAMES)
def test_each_layout_here_reads_cleanly_in_strict_mode(reader: str) -> None:
    # The documents below differ from these only by what each test breaks.
    dataset = read(LAYOUTS[reader], LAYOUTS[reader].document(), strict=True)
    assert counts(dataset) == (3, 3, 0)


def hostile(layout: Layout, prolog: str, encoding: str = "utf-8") -> bytes:
    """The reader's document with ``prolog`` and a DTD before its root, and an entity in a name."""
    xml_declaration, _, root = layout.head.decode().partition("\n")
    record = (layout.record % (1, 1, 1)).decode().replace("1", "&injected;", 1)
    dtd = '<!DOCTYPE root [<!ENTITY injected "INJECTED">]>'
    text = xml_declaration + prolog + dtd + "\n" + root + record + layout.tail.decode()
    if encoding.startswith("utf-16"):
        text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
        text = text.replace('encoding="utf-8"', 'encoding="UTF-16"')
    return text.encode(encoding)


# A comment longer than any fixed window, holding what looks like markup: a guard
# that looks at a window of bytes cannot tell where such a comment ends.
LONG_COMMENT = "<!-- <list " + "x" * 70_000 + " -->"


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_dtd_after_a_long_comment_is_refused_by_every_reader(reader: str, strict: bool) -> None:
    with pytest.raises(ReadError, match="declares a DTD") as caught:
        read(LAYOUTS[reader], hostile(LAYOUTS[reader], LONG_COMMENT), strict=strict)
    assert caught.value.problem.file == "list.xml"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_dtd_after_a_long_comment_is_refused_in_other_encodings(
    reader: str, encoding: str
) -> None:
    with pytest.raises(ReadError, match="declares a DTD"):
        read(LAYOUTS[reader], hostile(LAYOUTS[reader], LONG_COMMENT, encoding))


@pytest.mark.parametrize("before", [0, 1, 5, 9])
def test_a_doctype_cut_by_the_chunk_boundary_is_refused(before: int) -> None:
    # the first chunk ends `before` bytes into "<!DOCTYPE": the guard must read across it
    prolog = b"<?xml version='1.0'?><!--"
    padding = b"x" * ((1 << 14) - len(prolog) - len(b"-->") - before)
    document = prolog + padding + b"-->" + BILLION_LAUGHS.partition(b"?>")[2].lstrip()
    assert document.index(b"<!DOCTYPE") == (1 << 14) - before
    with pytest.raises(ReadError, match="declares a DTD"):
        records(document)


def test_a_doctype_after_the_root_is_not_well_formed() -> None:
    with pytest.raises(ReadError, match="not well-formed"):
        records(b'<sdnList><!DOCTYPE x [<!ENTITY e "INJECTED">]><sdnEntry>&e;</sdnEntry></sdnList>')


def test_a_doctype_in_a_processing_instruction_is_harmless() -> None:
    document = b"<?xml version='1.0'?><?note <!DOCTYPE here ?><sdnList><sdnEntry/></sdnList>"
    assert records(document) == ["sdnList", "sdnEntry"]


@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_record_under_an_unknown_tag_is_read_and_rejected(reader: str) -> None:
    dataset = read(LAYOUTS[reader], LAYOUTS[reader].document(renamed=2))
    assert counts(dataset) == (3, 2, 1)
    [problem] = dataset.problems
    assert problem.value == "<Renamed>"
    assert problem.code == "rejected-record"
    assert "not a record this reader knows" in problem.message
    assert problem.file == "list.xml"


@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_record_under_an_unknown_tag_stops_a_strict_read(reader: str) -> None:
    with pytest.raises(ReadError, match="<Renamed>"):
        read(LAYOUTS[reader], LAYOUTS[reader].document(renamed=2), strict=True)


@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_truncated_file_keeps_its_complete_records(reader: str) -> None:
    document = LAYOUTS[reader].document()
    third = document.rindex(b"<" + LAYOUTS[reader].record_tag)
    dataset = read(LAYOUTS[reader], document[: third + 40])  # cut inside the third record
    assert counts(dataset) == (2, 2, 0)
    ends_early = [problem for problem in dataset.problems if "ends early" in problem.message]
    assert len(ends_early) == 1
    line = document[: third + 40].count(b"\n") + 1
    assert f"at line {line}, column" in ends_early[0].message
    assert "after 2 complete records" in ends_early[0].message
    assert ends_early[0].code == "truncated-file"


@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_truncated_file_stops_a_strict_read(reader: str) -> None:
    document = LAYOUTS[reader].document()
    with pytest.raises(ReadError, match="ends early"):
        read(LAYOUTS[reader], document[: len(document) - 30], strict=True)


@pytest.mark.parametrize("reader", READER_NAMES)
def test_a_record_renamed_where_the_file_breaks_off_is_still_counted(reader: str) -> None:
    document = LAYOUTS[reader].document(count=4, renamed=2)
    fourth = document.rindex(b"<" + LAYOUTS[reader].record_tag)
    dataset = read(LAYOUTS[reader], document[: fourth + 40])
    assert counts(dataset) == (3, 2, 1)
    assert sorted("ends early" in problem.message for problem in dataset.problems) == [False, True]


def test_garbage_in_the_middle_keeps_the_records_before_it_in_lenient_mode() -> None:
    layout = LAYOUTS["un-xml"]
    document = layout.document().replace(b"<INDIVIDUAL><DATAID>3<", b"\x00\x00<INDIVIDUAL>")
    dataset = read(layout, document)
    assert counts(dataset) == (2, 2, 0)
    [problem] = dataset.problems
    assert "not well-formed XML at line 5, column 0" in problem.message
    assert "the rest of the file is not read" in problem.message


def test_a_file_cut_before_its_root_is_an_error_even_in_lenient_mode() -> None:
    layout = LAYOUTS["un-xml"]
    with pytest.raises(ReadError, match="not well-formed XML"):
        read(layout, layout.head[:30])


def test_a_stray_among_many_chunks_of_records_is_counted_once() -> None:
    entry = b"<E><N>%d</N></E>"
    body = b"".join(entry % number for number in range(3000))
    document = b"<LIST><ITEMS>" + body + b"<Odd><N>x</N></Odd>" + body + b"</ITEMS></LIST>"
    reading = Reading(file="t.xml")
    found = [
        kind
        for kind, _ in iter_records(
            io.BytesIO(document), "E", "t.xml", containers=("ITEMS",), reading=reading
        )
    ]
    assert found.count("record") == 6000
    assert (reading.read, reading.rejected) == (1, 1)  # the records are the caller's to count
    [problem] = reading.problems
    assert problem.message.startswith("<Odd> in <ITEMS> is not a record this reader knows")
