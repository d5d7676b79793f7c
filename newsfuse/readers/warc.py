"""WARC web archives (``.warc``, ``.warc.gz``, and the older ``.arc``): every archived HTML
page is one document.

Requests, metadata, images and other non-HTML records are passed over; an HTML
response whose status is not 2xx becomes a reject (an error page is not an
article); an archive with no HTML page at all is a reject that says what it held.

We find the records ourselves, with bounded reads: the header block of a record is
at most :data:`~newsfuse.readers.limits.MAX_WARC_HEADER_BYTES`, its length comes from
``Content-Length``, and a record that the file cuts short is a reject ("truncated"),
never a short page stored as complete. Each record's bytes (never more than
:data:`~newsfuse.readers.limits.MAX_DOCUMENT_BYTES` plus its headers) are then parsed
by warcio (HTTP headers, chunked transfer, content encodings). A record too big to be a
page is passed over unread, or refused if it is HTML. Damage that leaves no way to find
the next record (no ``Content-Length``, a line that is not a WARC header) ends the
archive with a reject; the records before it are kept.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.recordloader import ArcWarcRecordLoader

from newsfuse.errors import InputError, MalformedRecord, Truncated
from newsfuse.model import RawDocument, Reject
from newsfuse.readers.decode import decode_bytes
from newsfuse.readers.limits import MAX_DOCUMENT_BYTES, MAX_WARC_HEADER_BYTES, bounded, quote, size
from newsfuse.readers.registry import register_reader

HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_RECORDS = ("response", "resource")
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d{1,15})[ \t]*\r?$", re.I | re.M)
_WARC_TYPE = re.compile(rb"^warc-type:[ \t]*([!-~]{1,40})", re.I | re.M)
_SKIP_CHUNK = 2**20


@dataclass(frozen=True)
class Frame:
    """One record as found in the file: its number, type, header bytes and block."""

    number: int
    rec_type: str
    head: bytes
    block: bytes
    """The whole block, or (for a record too big to read) its first bytes only."""
    complete: bool


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


def _read_exact(stream: BinaryIO, length: int) -> bytes:
    data = stream.read(length)
    return data if data is not None else b""


def _skip(stream: BinaryIO, length: int) -> int:
    """Read and drop ``length`` bytes; how many there were."""
    skipped = 0
    while skipped < length:
        chunk = stream.read(min(_SKIP_CHUNK, length - skipped))
        if not chunk:
            break
        skipped += len(chunk)
    return skipped


def _header_block(stream: BinaryIO, first: bytes) -> bytes:
    """The header lines of a WARC record, ``first`` (its version line) included."""
    lines = [first]
    held = len(first)
    while True:
        line = stream.readline(MAX_WARC_HEADER_BYTES - held + 1)
        if not line:
            raise Truncated("the archive ends inside a record's headers (truncated)")
        lines.append(line)
        held += len(line)
        if line in (b"\r\n", b"\n"):
            return b"".join(lines)
        if held > MAX_WARC_HEADER_BYTES:
            raise MalformedRecord(
                f"WARC record headers longer than {size(MAX_WARC_HEADER_BYTES)}; "
                "the archive is damaged"
            )


def _next_header_line(stream: BinaryIO) -> bytes:
    """The next non-blank line, at most :data:`MAX_WARC_HEADER_BYTES` (+1) long; b"" at the end."""
    line = stream.readline(MAX_WARC_HEADER_BYTES + 1)
    while line in (b"\r\n", b"\n"):
        line = stream.readline(MAX_WARC_HEADER_BYTES + 1)
    return line


def _cut_short(got: int, length: int) -> InputError:
    return Truncated(f"cut short ({size(got)} of {size(length)}): the archive is truncated")


def _read_block(stream: BinaryIO, length: int, whole: bool) -> tuple[bytes, bool]:
    """A record's block (``whole``), or its first bytes with the rest skipped unread."""
    if whole:
        block = _read_exact(stream, length)
        if len(block) < length:
            raise _cut_short(len(block), length)
        return block, True
    start = _read_exact(stream, min(length, MAX_WARC_HEADER_BYTES))
    got = len(start) + _skip(stream, length - len(start))
    if got < length:
        raise _cut_short(got, length)
    return start, False


def _frames(stream: BinaryIO) -> Iterator[Frame]:
    """The records of a WARC file, each read completely or flagged as too big.

    Raises :class:`InputError` where the archive can no longer be followed.
    """
    number = 0
    while line := _next_header_line(stream):
        number += 1
        if not line.endswith(b"\n"):
            if len(line) > MAX_WARC_HEADER_BYTES:
                raise MalformedRecord(
                    f"a line longer than {size(MAX_WARC_HEADER_BYTES)} where a WARC "
                    "header should be; the file is damaged or not a WARC archive"
                )
            raise Truncated("the archive ends inside a record's headers (truncated)")
        if not line.startswith(b"WARC/"):
            raise MalformedRecord(
                f"expected a WARC record ('WARC/1.0'), found {quote(line, 40)!r}; "
                "the archive is damaged or not WARC"
            )
        head = _header_block(stream, line)
        found = _CONTENT_LENGTH.search(head)
        if found is None:
            raise MalformedRecord(
                "a WARC record without a valid Content-Length, so its end cannot be "
                "found; the archive is damaged"
            )
        length = int(found.group(1))
        kind = _WARC_TYPE.search(head)
        rec_type = kind.group(1).decode("ascii").lower() if kind else "unknown"
        whole = rec_type in PAGE_RECORDS and length <= MAX_DOCUMENT_BYTES + MAX_WARC_HEADER_BYTES
        block, complete = _read_block(stream, length, whole)
        yield Frame(number, rec_type, head, block, complete)


def _arc_frames(stream: BinaryIO) -> Iterator[Frame]:
    """The records of an ARC file: a header line ending in the record's length, then it."""
    number = 0
    while line := _next_header_line(stream):
        number += 1
        fields = line.split()
        if not line.endswith(b"\n") or len(fields) < 5 or not fields[-1].isdigit():
            raise MalformedRecord("not an ARC record header; the archive is damaged")
        length = int(fields[-1])
        rec_type = "warcinfo" if line.startswith(b"filedesc:") else "response"
        whole = length <= MAX_DOCUMENT_BYTES + MAX_WARC_HEADER_BYTES
        block, complete = _read_block(stream, length, whole)
        yield Frame(number, rec_type, line, block, complete)


def _page(frame: Frame, where: str) -> RawDocument | Reject | str:
    """An HTML page's document, a reject, or (for anything else) a word for what it was."""
    body = frame.block if frame.complete else frame.block[:MAX_WARC_HEADER_BYTES]
    try:
        record = ArcWarcRecordLoader().parse_record_stream(io.BytesIO(frame.head + body))
    except Exception as exc:  # warcio raises many kinds on damaged headers
        return Reject(where, bounded(f"cannot parse this record's headers ({quote(exc)}); skipped"))
    url = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri")
    http = record.http_headers
    content_type = (
        (http.get_header("Content-Type") if http is not None else None) or record.content_type or ""
    )
    if not content_type.lower().startswith(HTML_TYPES):
        return content_type.split(";")[0].strip().lower() or "no content type"
    status = http.get_statuscode() if http is not None else "200"
    if not str(status).startswith("2"):
        return Reject(
            where, f"HTTP {quote(status, 10)} for {quote(url)}: an error page, not an article"
        )
    if not frame.complete:
        return Reject(where, f"an HTML page over {size(MAX_DOCUMENT_BYTES)} skipped: {quote(url)}")
    try:
        data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    except Exception as exc:  # a broken chunked or compressed body
        return Reject(where, bounded(f"cannot read the page's body ({quote(exc)}); skipped"))
    if len(data) > MAX_DOCUMENT_BYTES:
        return Reject(where, f"an HTML page over {size(MAX_DOCUMENT_BYTES)} skipped: {quote(url)}")
    try:
        text, note = _decode(data, content_type, where)
    except InputError as exc:
        return Reject(where, str(exc))
    meta = {"url": url} if url else {}
    return RawDocument(where, "html", text, meta, (note,) if note else ())


def _held(kinds: Counter[str]) -> str:
    return ", ".join(f"{n} {quote(kind, 30)}" for kind, n in kinds.most_common(4))


@register_reader(".warc", ".arc", binary=True)
def read_warc(stream: BinaryIO, source: str) -> Iterator[RawDocument | Reject]:
    head = stream.peek(8)[:8] if hasattr(stream, "peek") else b""
    if head.startswith(b"WARC/"):
        frames = _frames(stream)
    elif head.startswith(b"filedesc") or source.lower().endswith((".arc", ".arc.gz")):
        frames = _arc_frames(stream)
    else:
        yield Reject(
            source,
            "not a WARC archive (it does not start with 'WARC/'); "
            "check the file, or give it the suffix of what it is",
        )
        return
    found = records = pages = 0
    kinds: Counter[str] = Counter()
    try:
        for frame in frames:
            records += 1
            if frame.rec_type not in PAGE_RECORDS:
                kinds[frame.rec_type] += 1
                continue
            pages += 1  # documents are numbered among responses and resources, as warcio did
            result = _page(frame, f"{source}#{pages}")
            if isinstance(result, str):
                kinds[result] += 1
                continue
            found += 1
            yield result
    except InputError as exc:
        reason = str(exc)
        if "before" not in reason:
            reason += "; the records before it were read"
        yield Reject(f"{source}#{pages + 1}", bounded(reason))
        return
    if not found:
        what = f" ({records} records: {_held(kinds)})" if records else ""
        yield Reject(source, f"no HTML pages in this archive{what}; nothing to ingest")
