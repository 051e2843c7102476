"""Opening sources: a path is opened and closed here, a caller's file is read and left open."""

from __future__ import annotations

import io
from pathlib import Path

import sanctionkit as sk
from sanctionkit.formats._files import binary, open_source, read_head

UN = Path(__file__).resolve().parents[1] / "data" / "real" / "un"
EXCERPT = UN / "consolidated-2024-11-30-excerpt.xml"


def test_a_path_is_opened_and_closed_here() -> None:
    with open_source(EXCERPT) as stream:
        assert stream.read(5) == b"<?xml"
    assert stream.closed


def test_a_callers_stream_is_left_open_even_after_an_error() -> None:
    stream = io.BytesIO(b"<list/>")
    try:
        with open_source(stream):
            raise RuntimeError
    except RuntimeError:
        pass
    assert not stream.closed


class CountingText(io.StringIO):
    """A text handle that remembers the most characters asked of it at once."""

    largest = 0

    def read(self, size: int | None = -1, /) -> str:
        self.largest = max(self.largest, size if size is not None and size >= 0 else 1 << 62)
        return super().read(size)


def test_a_text_handle_is_streamed_a_chunk_at_a_time_not_read_whole() -> None:
    text = CountingText("x" * 1_000_000)
    stream = binary(text)
    assert stream.read(10) == b"x" * 10
    assert text.largest < 1_000_000
    assert text.tell() < 1_000_000  # the rest is still in the caller's handle


def test_a_text_handle_is_encoded_as_utf_8_and_left_open() -> None:
    text = io.StringIO("Ünal, 金正恩\n")
    stream = binary(text)
    assert stream.read() == "Ünal, 金正恩\n".encode()
    stream.close()
    assert not text.closed


def test_the_head_of_a_streamed_text_handle_is_peeked_not_consumed() -> None:
    stream = binary(io.StringIO(EXCERPT.read_text(encoding="utf-8")))
    head = read_head(stream)
    assert head == EXCERPT.read_bytes()[:4096]
    assert stream.read(4096) == head


def test_load_reads_an_xml_list_from_a_text_handle_in_constant_chunks() -> None:
    text = CountingText(EXCERPT.read_text(encoding="utf-8"))
    dataset = sk.load(text)
    assert len(dataset.designations) == 4
    assert text.largest <= 1 << 16  # never the whole file at once (read() with no size)
    assert not text.closed
