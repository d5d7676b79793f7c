"""WARC archives and RSS / Atom feeds: what is read, what is passed over, what is rejected."""

from __future__ import annotations

import gzip
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import ingest_paths
from newsfuse.model import RawDocument, Reject
from newsfuse.readers import read_bytes, read_file
from newsfuse.readers.feeds import read_feed
from newsfuse.readers.warc import read_warc

from .conftest import EXAMPLES


def _warc(records: list[tuple[str, str, str, bytes, str]]) -> bytes:
    """(record type, url, HTTP status line or '', payload, content type) → a gzipped WARC."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warcinfo_record("test.warc.gz", {"software": "newsfuse tests"})
    )
    for rec_type, url, status, payload, content_type in records:
        http = (
            StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            if status
            else None
        )
        kwargs = {"http_headers": http} if http else {"warc_content_type": content_type}
        writer.write_record(
            writer.create_warc_record(url, rec_type, payload=io.BytesIO(payload), **kwargs)
        )
    return out.getvalue()


PAGE = (EXAMPLES / "ledger-frontier.html").read_bytes()


def test_warc_pages_become_articles_and_the_rest_is_passed_over(tmp_path, store):
    data = _warc(
        [
            ("request", "https://ledger.example/frontier", "", b"GET / HTTP/1.1\r\n\r\n", "application/http"),
            ("response", "https://ledger.example/frontier", "200 OK", PAGE, "text/html; charset=utf-8"),
            ("response", "https://ledger.example/missing", "404 Not Found", b"<html><body>Not found</body></html>", "text/html"),
            ("response", "https://ledger.example/logo.png", "200 OK", b"\x89PNG\r\n", "image/png"),
        ]
    )  # fmt: skip
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    docs = list(read_file(str(path)))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Reject"]
    page, error = docs
    assert page.kind == "html" and page.meta["url"] == "https://ledger.example/frontier"
    assert "HTTP 404" in error.reason and error.source.endswith("#2")

    report = ingest_paths([str(path)], store, annotate=False)
    assert (report.stored, report.rejected) == (1, 1)
    article = store.get_article(report.stored_ids[0])
    assert article["url"] == "https://ledger.example/frontier"
    assert article["dateline_place"] == "GENEVA" and article["agency"] == "Reuters"
    assert report.stored_ids == ["crawl-1"]


def test_a_damaged_warc_keeps_what_came_before(tmp_path):
    good = _warc([("response", "https://a.example/", "200 OK", PAGE, "text/html")])
    path = tmp_path / "damaged.warc"
    path.write_bytes(gzip.decompress(good) + b"garbage where a record should start\r\n\r\n")
    docs = list(read_file(str(path)))
    assert isinstance(docs[0], RawDocument)
    assert isinstance(docs[-1], Reject) and "records before it were read" in docs[-1].reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title><link>https://wire.example/</link>
<item><title>Dockers strike in Rotterdam</title><link>https://wire.example/strike</link>
<guid>https://wire.example/strike</guid><pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>ROTTERDAM, March 4 (Reuters) - Dock workers at the port of Rotterdam began a 48-hour strike on Tuesday over pay, the FNV union said.</p><p>Container traffic stopped at the Maasvlakte terminals.</p>]]></content:encoded></item>
<item><title>Ferry service resumes</title><link>https://wire.example/ferry</link>
<description>The ferry between Hoek van Holland and Harwich resumed on Wednesday after a two-day halt caused by the storm.</description></item>
<item><title>Empty item</title><link>https://wire.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Desk</title>
<entry><title>Floods close mountain pass</title><id>urn:valley:123</id>
<link href="https://valley.example/floods"/><updated>2025-03-05T07:00:00Z</updated>
<author><name>A. Reporter</name></author>
<content type="html">&lt;p&gt;Heavy rain closed the mountain pass on Wednesday, the regional roads office said.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_with_content_or_summary():
    docs = list(read_feed(RSS, "wire.rss"))
    strike, ferry, empty = docs
    assert strike.kind == "html" and "Maasvlakte" in strike.content
    assert ferry.kind == "text"  # a plain-text summary
    assert strike.meta == {
        "id": "https://wire.example/strike",
        "url": "https://wire.example/strike",
        "title": "Dockers strike in Rotterdam",
        "published": "2025-03-04T09:30:00Z",
        "outlet": "Harbour Wire",
    }
    assert "Harwich" in ferry.content and ferry.meta["id"] == "https://wire.example/ferry"
    assert isinstance(empty, Reject) and "neither content nor a summary" in empty.reason


def test_atom_and_sniffing_and_ingest(tmp_path, store):
    (doc,) = read_bytes(ATOM.encode(), "<stdin>")  # no suffix: sniffed as a feed
    assert doc.meta["id"] == "urn:valley:123" and doc.meta["author"] == "A. Reporter"
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    report = ingest_paths([str(path)], store, annotate=False)
    assert (report.stored, report.rejected) == (2, 1)
    strike = store.get_article("https://wire.example/strike")
    assert strike["dateline_place"] == "ROTTERDAM" and strike["agency"] == "Reuters"
    assert strike["outlet"] == "Harbour Wire" and strike["published"].startswith("2025-03-04")
    not_a_feed = tmp_path / "notes.xml"
    not_a_feed.write_text("<?xml version='1.0'?><notes><note>hi</note></notes>")
    (reject,) = read_file(str(not_a_feed))
    assert isinstance(reject, Reject) and "RSS or Atom" in reject.reason


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_feed_reader_never_raises(text):
    for doc in read_feed(text, "fuzz.rss"):
        assert isinstance(doc, RawDocument | Reject)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_warc_reader_never_raises(data):
    for doc in read_warc(io.BytesIO(b"WARC/1.0\r\n" + data), "fuzz.warc"):
        assert isinstance(doc, RawDocument | Reject)
