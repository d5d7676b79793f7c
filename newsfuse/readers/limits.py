"""Every limit that bounds what one input may cost, in one place, with the reason for its value.

The readers and the clean stage bound their work by construction: each input is
capped in size, nesting, line count or compression ratio *before* a parser sees
it, so no timer is needed. The costs quoted were measured on this project's
2-core development machine (see ``tools/hostile.py`` and the readers' tests).

An input over a limit becomes a :class:`~newsfuse.model.Reject` whose reason
names the limit and says what to do; the run goes on.
"""

from __future__ import annotations

import re

MAX_DOCUMENT_BYTES = 20 * 2**20
"""Bytes of a file read whole (.txt, .html, .json, a feed), of one JSON line, and of one WARC
page. Twenty times the largest real news page we know of; a JSON array of many articles over
it should be written as JSON Lines, which is streamed line by line."""

MAX_ARTICLE_CHARS = 5_000_000
"""Characters of one document's text or HTML entering the clean stage. Cleaning costs about
3 s per million characters (trafilatura or our stripper), so this bounds one document at
~15 s; a book-length text (about 1,000,000 characters) still fits five times over."""

MAX_ARTICLE_LINES = 50_000
"""Lines of one plain-text document. The furniture stripper costs about 0.1 ms a line, so a
file of millions of one-word lines would take many minutes; a 1,000,000-character article in
ordinary paragraphs has about 15,000 lines."""

MAX_HTML_ELEMENTS = 25_000
"""Tags of one HTML page outside scripts, styles and comments. trafilatura's cost grows with
the square of the element count (20,000 elements ~6 s, 40,000 ~25 s); real article pages
have 1,000–5,000."""

MAX_FEED_BYTES = 10 * 2**20
"""Bytes of one RSS/Atom feed. feedparser reads about 0.5 MB a second (its HTML sanitiser is
pure Python), so this bounds a feed at ~25 s; real feeds are well under 2 MB."""

MAX_JSON_DEPTH = 64
"""Nesting of arrays and objects in one JSON value. Article records nest 3 levels deep; the
parser itself stops near 1,000 with a RecursionError, which must never escape."""

MAX_SGML_STORY_BYTES = 2**20
"""Bytes of one Reuters ``<REUTERS>`` story. The largest in Reuters-21578 is under 15 KB; a
longer run without ``</REUTERS>`` means a truncated or foreign file."""

MAX_WARC_HEADER_BYTES = 256 * 2**10
"""Bytes of the header block of one WARC record, and of the HTTP headers inside it. Real
headers are under 4 KB; warcio reads header lines by repeated concatenation, so an endless
header line once cost 231 s and 2.2 GB before this cap."""

MAX_COMPRESSION_RATIO = 200
"""Decompressed bytes per compressed byte, checked over every window of
:data:`RATIO_WINDOW_BYTES` of output (so a bomb hidden after real data is caught too).
News text, HTML and JSON compress 3–15 times; deflate's ceiling is about 1,030, which is what
bombs (runs of zeros or newlines) reach."""

RATIO_WINDOW_BYTES = 2**20
"""Output between two checks of the compression ratio: a bomb stops after 1 MiB of output."""

MAX_DECOMPRESSED_BYTES = 16 * 2**30
"""Decompressed bytes of one compressed file, all gzip members together. Above the largest
real archives (a Common Crawl WARC is about 1 GiB compressed, 5 GiB uncompressed); split
anything larger."""

MAX_META_CHARS = 1_000
"""Characters kept of a title, outlet, author or agency (more is cut, with a note)."""

MAX_URL_CHARS = 4_096
"""A longer URL is dropped with a note: browsers and servers refuse far shorter ones."""

MAX_PUBLISHED_CHARS = 100
"""A publication date longer than this is ignored unparsed (date parsers are slow on long text)."""

MAX_REASON_CHARS = 300
"""Characters of one reject reason or note; never input text at length."""

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def bounded(text: str, limit: int = MAX_REASON_CHARS) -> str:
    """``text`` on one line, without control characters, cut to ``limit`` characters."""
    text = " ".join(_CONTROLS.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(text: object, limit: int = 60) -> str:
    """A short, safe excerpt of input (a URL, an exception text) to put inside a reason."""
    return bounded(str(text), limit)


def size(n: int) -> str:
    """Bytes as people say them: ``20 MB``, ``256 KB``, ``900 bytes``."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            value = n / scale
            return (
                f"{value:.0f} {unit}"
                if value >= 10 or value == int(value)
                else f"{value:.1f} {unit}"
            )
    return f"{n} bytes"
