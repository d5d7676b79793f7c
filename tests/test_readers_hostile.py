"""Readers and the clean stage on hostile input: bounded, specific, never raising.

The end-to-end suite is ``test_hostile.py``; these are the unit checks of each defence.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import threading
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.clean.document import clean_document
from newsfuse.clean.html import count_elements
from newsfuse.clean.normalise import one_line, strip_controls, tidy_text
from newsfuse.errors import InputError, MalformedRecord, TooLarge, Truncated
from newsfuse.model import Article, RawDocument, Reject
from newsfuse.readers import Skipped, read_bytes, read_file, read_paths
from newsfuse.readers.compressed import open_gzip
from newsfuse.readers.decode import decode_bytes, decode_text
from newsfuse.readers.formats import json_too_deep, record_to_document
from newsfuse.readers.limits import (
    MAX_ARTICLE_CHARS,
    MAX_HTML_ELEMENTS,
    MAX_META_CHARS,
    MAX_REASON_CHARS,
    bounded,
)

ARTICLE = (
    "The port authority approved a plan to dredge the outer channel on Tuesday, officials "
    "said, after months of talks with shipping firms.\n\nThe work is expected to cost about "
    "120 million euros over three years, and about 300 jobs depend on the terminal.\n"
)


def _docs(items):
    return [d for d in items if isinstance(d, RawDocument)]


def _rejects(items):
    return [d for d in items if isinstance(d, Reject)]


def _gunzip(data: bytes) -> bytes:
    return open_gzip(io.BytesIO(data)).read()


# -- gzip ----------------------------------------------------------------------------------


def test_gzip_members_padding_and_errors():
    text = ARTICLE.encode()
    assert _gunzip(gzip.compress(text) + gzip.compress(b"more") + b"\0" * 64) == text + b"more"
    whole = gzip.compress(text * 50)
    with pytest.raises(Truncated):
        _gunzip(whole[: len(whole) // 2])
    with pytest.raises(MalformedRecord, match="not gzip"):
        _gunzip(b"plain text")
    with pytest.raises(MalformedRecord, match="junk after"):
        _gunzip(whole + b"junk")


def test_gzip_bombs_stop_after_one_window_wherever_they_are():
    zeros = zlib.compressobj(9, zlib.DEFLATED, 31)
    single = b"".join(zeros.compress(b"\0" * 2**20) for _ in range(50)) + zeros.flush()
    members = gzip.compress(b"\n" * 2**20) * 200  # a bomb of many small members
    real = gzip.compress(os.urandom(3 * 2**20))  # 3 MB that does not compress at all
    for bomb in (single, members, real + single):
        stream = open_gzip(io.BytesIO(bomb))
        with pytest.raises(TooLarge, match="bomb"):
            while stream.read(2**16):
                pass
        assert stream.raw.total_out < 6 * 2**20  # type: ignore[attr-defined]


def test_text_that_is_truncated_before_the_bomb_keeps_what_came_before(tmp_path):
    lines = "".join(json.dumps({"id": f"n{n}", "text": ARTICLE}) + "\n" for n in range(3))
    comp = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = comp.compress(lines.encode()[:-100]) + comp.flush(zlib.Z_SYNC_FLUSH)
    (tmp_path / "cut.jsonl.gz").write_bytes(data)
    items = list(read_paths([str(tmp_path / "cut.jsonl.gz")]))
    assert [d.meta["id"] for d in _docs(items)] == ["n0", "n1"]
    assert "truncated" in _rejects(items)[-1].reason


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_gzip_reader_raises_only_input_errors(data):
    for sample in (data, gzip.compress(data)[: len(data) // 2 + 10]):
        with contextlib.suppress(InputError):
            _gunzip(sample)


# -- decoding ------------------------------------------------------------------------------


def test_one_bad_byte_keeps_a_utf8_file_utf8():
    data = "Officials said the £3bn scheme, worth €2bn, would go ahead.".encode()
    decoded = decode_bytes(data.replace(b"would", b"wo\xffuld"), "x.txt")
    assert "£3bn" in decoded.text and "€2bn" in decoded.text and "Â" not in decoded.text
    assert decoded.encoding == "utf-8" and "replaced with U+FFFD" in (decoded.note or "")


def test_a_legacy_file_is_still_detected():
    text = (
        "Władze portu w Gdańsku zatwierdziły we wtorek plan pogłębienia toru wodnego. "
        "Koszt inwestycji oszacowano na około 120 milionów złotych, a przeładunki wzrosły."
    )
    decoded = decode_bytes(text.encode("cp1250"), "pl.txt")
    assert decoded.text == text and "not valid UTF-8" in (decoded.note or "")


def test_utf16_nul_bytes_and_binary_formats():
    assert "port authority" in decode_bytes(ARTICLE.encode("utf-16-le"), "a").text
    assert "port authority" in decode_bytes(ARTICLE.encode("utf-16"), "a").text  # with a BOM
    with_nuls = decode_bytes(ARTICLE.replace("said", "said\0").encode(), "a")
    assert "\0" not in with_nuls.text and "NUL" in (with_nuls.note or "")
    for head, name in (
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
    ):
        (reject,) = read_bytes(head + b"\0" * 100, "x.txt", ".txt")
        assert isinstance(reject, Reject) and name in reject.reason


# -- JSON ----------------------------------------------------------------------------------


def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


_json = st.recursive(
    st.none() | st.integers() | st.text(alphabet='ab[]{}"\\ '),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(_json, st.integers(min_value=0, max_value=6))
def test_json_depth_check_agrees_with_the_parsed_depth(value, limit):
    assert json_too_deep(json.dumps(value), limit) == (_depth(value) > limit)


def test_deep_json_and_huge_numbers_are_rejects_not_crashes(tmp_path):
    (tmp_path / "deep.json").write_text('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}")
    good = json.dumps({"id": "ok", "text": ARTICLE})
    lines = [good, '{"id": ' + "9" * 5000 + ', "text": "x"}', '{"a":' * 5000 + "1" + "}" * 5000]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    items = list(read_paths([str(tmp_path)]))
    assert [d.meta["id"] for d in _docs(items)] == ["ok"]
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in _rejects(items)}
    assert "nested" in reasons["deep.json"]
    assert "JSON value" in reasons["mixed.jsonl:2"] and "nested" in reasons["mixed.jsonl:3"]


def test_json_field_types():
    assert "'text' field is a number" in record_to_document({"text": 5}, "s").reason  # type: ignore[union-attr]
    assert "'id' field is a list" in record_to_document({"id": [1], "text": "t"}, "s").reason  # type: ignore[union-attr]
    assert "non-finite" in record_to_document({"id": float("nan"), "text": "t"}, "s").reason  # type: ignore[union-attr]
    doc = record_to_document(
        {"id": 7, "title": {"a": 1}, "title_page": "Page title", "text": "t"}, "s"
    )
    assert isinstance(doc, RawDocument)
    assert doc.meta["id"] == "7" and doc.meta["title"] == "Page title"
    assert any("ignored the 'title' field" in n for n in doc.notes)


# -- SGML ----------------------------------------------------------------------------------

_STORY = (
    '<REUTERS NEWID="{n}">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>\n<TITLE>T{n}</TITLE>\n'
    "<BODY>" + ARTICLE + " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
)


def test_sgml_truncated_empty_and_one_line_files(tmp_path):
    stories = "".join(_STORY.format(n=n) for n in (1, 2, 3))
    (tmp_path / "cut.sgm").write_text(stories[:-120])
    (tmp_path / "none.sgm").write_text("just some text\n")
    (tmp_path / "oneline.sgm").write_text(stories.replace("\n", " "))
    items = list(read_paths([str(tmp_path)]))
    by_file: dict[str, list] = {}
    for item in items:
        by_file.setdefault(item.source.rsplit("/", 1)[-1].split("#")[0], []).append(item)
    assert [type(d).__name__ for d in by_file["cut.sgm"]] == ["RawDocument"] * 2 + ["Reject"]
    assert (
        by_file["cut.sgm"][-1].source.endswith("#3")
        and "truncated" in by_file["cut.sgm"][-1].reason
    )
    assert "no Reuters" in by_file["none.sgm"][0].reason
    assert [d.meta["id"] for d in by_file["oneline.sgm"]] == ["reuters-1", "reuters-2", "reuters-3"]
    assert _docs(by_file["cut.sgm"])[0].content.rstrip().endswith("terminal.")  # "Reuter" cut


def test_sgml_flood_of_open_tags_stays_linear(tmp_path):
    flood = '<REUTERS NEWID="9"><PLACES>' + "<D>" * 200_000 + "</PLACES><TEXT>" + "<" * 200_000
    (tmp_path / "flood.sgm").write_text(flood + "<BODY>" * 50_000 + "</REUTERS>\n")
    (item,) = read_paths([str(tmp_path / "flood.sgm")])
    assert isinstance(item, Reject | RawDocument)


# -- WARC ----------------------------------------------------------------------------------


def _record(url: str, page: bytes, length: bool = True) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
    head += "Content-Type: application/http; msgtype=response\r\n"
    if length:
        head += f"Content-Length: {len(http)}\r\n"
    return head.encode() + b"\r\n" + http + b"\r\n\r\n"


PAGE = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()


def test_warc_cut_short_missing_length_and_endless_line(tmp_path):
    two = _record("https://a.example/1", PAGE) + _record("https://a.example/2", PAGE)
    (tmp_path / "cut.warc").write_bytes(two[:-50])
    (tmp_path / "nolength.warc").write_bytes(
        _record("https://a.example/1", PAGE) + _record("https://a.example/2", PAGE, length=False)
    )
    (tmp_path / "endless.warc").write_bytes(b"WARC/1.0 " + b"A" * 2**20)
    (tmp_path / "endless-gz.warc.gz").write_bytes(gzip.compress(b"WARC/1.0 " + b"A" * 2**23))
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in _rejects(read_paths([str(tmp_path)]))}
    assert "cut short" in reasons["cut.warc#2"]
    assert "Content-Length" in reasons["nolength.warc#2"]
    assert "longer than 256 KB" in reasons["endless.warc#1"]
    assert "longer than 256 KB" in reasons["endless-gz.warc.gz#1"]
    assert all(len(r) <= MAX_REASON_CHARS for r in reasons.values())


def test_warc_without_pages_says_what_it_held(tmp_path):
    info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"
    (tmp_path / "info.warc").write_bytes(info * 3)
    (reject,) = read_file(str(tmp_path / "info.warc"))
    assert "no HTML pages" in reject.reason and "3 warcinfo" in reject.reason  # type: ignore[union-attr]


# -- paths ---------------------------------------------------------------------------------


def test_directory_walk_accounts_for_every_entry(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("loop", tmp_path / "loop")
    os.symlink("nowhere.txt", tmp_path / "gone.txt")
    os.symlink(".", tmp_path / "here")
    os.symlink("good.txt", tmp_path / "alias.txt")
    items = list(read_paths([str(tmp_path)]))
    assert sorted(d.source.rsplit("/", 1)[-1] for d in _docs(items)) == ["alias.txt", "good.txt"]
    skipped = {s.source.rsplit("/", 1)[-1]: s.reason for s in items if isinstance(s, Skipped)}
    assert set(skipped) == {".hidden.txt", ".git", "pipe.txt", "loop", "gone.txt", "here"}
    assert all(r.startswith("skipped: ") for r in skipped.values())
    assert "FIFO" in skipped["pipe.txt"] and "loop" in skipped["loop"]
    assert "dangling" in skipped["gone.txt"] and "link to a directory" in skipped["here"]


def test_a_fifo_argument_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(read_file(str(tmp_path / "pipe.txt"))))
    reader.start()
    reader.join(timeout=20)
    if reader.is_alive():  # unblock the reader so that the test run can end, then fail
        with open(tmp_path / "pipe.txt", "w"):
            pass
        pytest.fail("reading a FIFO blocked")
    (reject,) = result
    assert "FIFO" in reject.reason and "not a regular file" in reject.reason


@settings(max_examples=80, deadline=None)
@given(
    st.binary(max_size=2000),
    st.sampled_from([".txt", ".json", ".jsonl", ".html", ".sgm", ".rss", ".warc", None]),
)
def test_any_bytes_give_short_reasons(data, suffix):
    for item in read_bytes(data, "<fuzz>", suffix):
        assert isinstance(item, RawDocument | Reject)
        if isinstance(item, Reject):
            assert len(item.reason) <= MAX_REASON_CHARS and "\n" not in item.reason


# -- the clean stage -----------------------------------------------------------------------


def test_controls_and_escapes_never_reach_titles_or_text():
    assert strip_controls("a\x1b[31mred\x1b[0m\x00b\x1b]0;title\x07c") == "aredbc"
    assert one_line(" Wire\n\x1b[2J Desk ") == "Wire Desk"
    meta = {
        "title": "\x1b[31mAlert\x1b[0m in port",
        "outlet": "Wire\x07 Desk",
        "author": "A" * 5000,
    }
    article = clean_document(RawDocument("s", "text", ARTICLE.replace("said", "said\x00"), meta))
    assert isinstance(article, Article)
    assert article.title == "Alert in port" and article.outlet == "Wire Desk"
    assert "\x00" not in article.text and len(article.author or "") == MAX_META_CHARS
    assert any("author was cut" in n for n in article.notes)


def test_limits_of_one_document_are_rejects_with_advice():
    huge = clean_document(RawDocument("s", "text", "word " * (MAX_ARTICLE_CHARS // 5 + 1)))
    lines = clean_document(RawDocument("s", "text", "word\n" * 60_000))
    assert "split it" in huge.reason and "lines" in lines.reason  # type: ignore[union-attr]
    page = (
        "<html><body>"
        + "<div><span>x</span></div>" * (MAX_HTML_ELEMENTS // 2 + 10)
        + "</body></html>"
    )
    assert "HTML elements" in clean_document(RawDocument("s", "html", page)).reason  # type: ignore[union-attr]
    garbage = clean_document(RawDocument("s", "text", ARTICLE, {"published": "sometime in spring"}))
    assert isinstance(garbage, Article) and garbage.published is None
    assert any("publication date" in n for n in garbage.notes)


def test_element_count_skips_scripts_styles_and_comments():
    page = "<p>a</p><script>if (a<b) { x = '<div>'; }</script><!-- <p> --><style>a<b</style>"
    assert count_elements(page) == 4
    assert count_elements("<div>" * 10**6, stop_after=100) == 101


def test_bounded_reasons():
    assert len(bounded("x" * 10_000)) == MAX_REASON_CHARS
    assert bounded("line\none\x1b[2J") == "line one [2J"


def test_arc_files_are_read_record_by_record(tmp_path):
    version = b"1 0 newsfuse\nURL IP-address Archive-date Content-type Archive-length\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
    arc = (
        b"filedesc://t.arc 0.0.0.0 20250304093000 text/plain %d\n" % len(version)
        + version
        + b"\nhttp://a.example/p 1.2.3.4 20250304093000 text/html %d\n" % len(http)
        + http
        + b"\n"
    )
    (tmp_path / "t.arc").write_bytes(arc)
    (tmp_path / "cut.arc").write_bytes(arc[:-40])
    (page,) = read_file(str(tmp_path / "t.arc"))
    assert isinstance(page, RawDocument) and page.meta["url"] == "http://a.example/p"
    (cut,) = read_file(str(tmp_path / "cut.arc"))
    assert isinstance(cut, Reject) and "truncated" in cut.reason


def test_windows_1252_bytes_taken_for_latin_1_are_read_as_windows_1252():
    # local news crawled with the wrong encoding: a dateline's dash, curly quotes
    text = "NORWICH \x96 Police said there had been \x91an accidental shooting\x92."
    assert tidy_text(text) == "NORWICH – Police said there had been ‘an accidental shooting’."
    # an 8-bit terminal escape is a harmless angle quote; unassigned codes still go
    assert tidy_text("a\x9b2J b\x81c") == "a›2J bc"


def test_one_stray_latin_1_byte_in_ascii_news_is_windows_1252():
    data = b"Chelsea agreed a fee of " + b"\xa315.8m" + b" with Porto for the defender. " * 3
    decoded = decode_bytes(data, "a.txt")
    assert decoded.encoding == "cp1252" and "£15.8m" in decoded.text
    russian = ("Правительство объявило о новых мерах поддержки. " * 4).encode("cp1251")
    assert decode_bytes(russian, "r.txt").encoding == "cp1251"  # enough to detect


def test_a_few_stray_bytes_that_spell_a_non_latin_word_are_detected():
    # A short Russian quote in cp1251 inside English text: few bytes, but a run of letters
    # above ASCII is a Cyrillic word, not Windows-1252 accents ("Ðîññèÿ").
    data = (
        "The former president spoke to reporters on Tuesday in a long interview about the "
        "economy, the elections next year and the state of the country's industry, officials "
        "said. He said: Россия ждёт."
    ).encode("cp1251")
    decoded = decode_text(data, "r.jsonl:1", ["cp1252", "cp1250", "cp1251"])
    assert decoded.encoding == "cp1251" and "Россия" in decoded.text
    french = b"Caf\xe9 owners in Besan\xe7on protested against the new rules. " * 6
    assert decode_bytes(french, "f.txt").text.startswith("Café owners in Besançon")
