"""WARC web archives (``.warc``, ``.warc.gz``): every archived HTML page is one document.

Requests, metadata, images and other non-HTML records are passed over; an HTML
response whose status is not 2xx becomes a reject (an error page is not an
article). Records are streamed by warcio, so an archive of any size is read in
bounded memory; one page over :data:`MAX_DOCUMENT_BYTES` is refused, not read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsfuse.model import RawDocument, Reject
from newsfuse.readers.decode import decode_bytes
from newsfuse.readers.registry import MAX_DOCUMENT_BYTES, register_reader

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _decode(data: bytes, content_type: str, source: str) -> tuple[str, str | None]:
    charset = _charset(content_type)
    if charset:
        try:
            return data.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(data, source)
    return decoded.text, decoded.note


@register_reader(".warc", ".arc", binary=True)
def read_warc(stream: BinaryIO, source: str) -> Iterator[RawDocument | Reject]:
    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            where = f"{source}#{n}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            content_type = (
                (http.get_header("Content-Type") if http is not None else None)
                or record.rec_headers.get_header("Content-Type")
                or ""
            )
            if not content_type.lower().startswith(HTML_TYPES):
                continue
            status = http.get_statuscode() if http is not None else "200"
            if not str(status).startswith("2"):
                yield Reject(where, f"HTTP {status} for {url}: an error page, not an article")
                continue
            data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                yield Reject(where, f"page over {MAX_DOCUMENT_BYTES // 2**20} MB skipped: {url}")
                continue
            text, note = _decode(data, content_type, where)
            meta = {"url": url} if url else {}
            yield RawDocument(where, "html", text, meta, (note,) if note else ())
    # warcio raises more than its own error on damaged input (a truncated record ends in
    # an AttributeError inside it): any of these ends the archive, keeping what was read.
    except (
        ArchiveLoadFailed,
        ValueError,
        AttributeError,
        TypeError,
        EOFError,
        OSError,
        zlib.error,
    ) as exc:
        yield Reject(
            f"{source}#{n + 1}",
            f"not a readable WARC record ({exc}); the records before it were read",
        )
