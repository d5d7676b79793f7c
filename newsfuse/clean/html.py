"""HTML pages through trafilatura (main text and metadata, with htmldate for the date).

Before trafilatura sees a page, its elements are counted (linearly, outside scripts,
styles and comments): trafilatura's cost grows with the square of that count, so a
page over :data:`~newsfuse.readers.limits.MAX_HTML_ELEMENTS` is refused. Deep nesting
costs nothing extra: libxml2 stops descending at 256 levels, and the page then simply
has no text below that depth. Neither lxml's HTML parser nor trafilatura expands
entity declarations or fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from newsfuse.errors import EmptyInput, MalformedRecord, TooComplex
from newsfuse.readers.limits import MAX_HTML_ELEMENTS, quote

_MARKUP = re.compile(r"<(?:(script|style)\b|(!--)|[a-z])", re.I)


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None
    language: str | None
    lead: str
    """Text of the first paragraphs as the page has them: where a dateline sits if trafilatura dropped it."""


def count_elements(html: str, stop_after: int = MAX_HTML_ELEMENTS) -> int:
    """Start tags in ``html`` outside scripts, styles and comments; counting stops a little
    after ``stop_after``. Linear: every skip jumps to the closing marker with ``str.find``."""
    count, pos = 0, 0
    lower: str | None = None
    while count <= stop_after:
        found = _MARKUP.search(html, pos)
        if found is None:
            break
        count += 1
        if found.group(1):
            lower = lower if lower is not None else html.lower()
            end = lower.find(f"</{found.group(1).lower()}", found.end())
        elif found.group(2):
            end = html.find("-->", found.end())
        else:
            pos = found.end()
            continue
        if end < 0:
            break
        pos = end + 2
    return count


def lead_paragraphs(html: str, count: int = 3) -> str:
    """The first ``count`` non-empty ``<p>`` texts of the page, for dateline reading."""
    try:
        tree = lxml_html.fromstring(html)
    except (etree.LxmlError, ValueError, RecursionError):
        return ""
    texts: list[str] = []
    for p in tree.iter("p"):
        text = " ".join(p.text_content().split())
        if len(text) > 20:
            texts.append(text)
        if len(texts) >= count:
            break
    return "\n".join(texts)


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of an HTML page; :class:`EmptyInput` if it has no article text,
    :class:`TooComplex` if it has too many elements to extract it in bounded time."""
    elements = count_elements(html)
    if elements > MAX_HTML_ELEMENTS:
        raise TooComplex(
            f"the page has over {MAX_HTML_ELEMENTS:,} HTML elements, too many to extract an "
            "article in bounded time (article pages have a few thousand); pass the article's "
            "text as .txt or JSON instead"
        )
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on hostile markup
        raise MalformedRecord(
            f"cannot parse the HTML ({type(exc).__name__}: {quote(exc)}); "
            "check that it is a web page"
        ) from exc
    if doc is None or not (doc.text or "").strip():
        raise EmptyInput(
            "no article text found in the HTML (navigation, ads or an empty page); "
            "if the article is there, pass it as plain text or JSON instead"
        )
    return HtmlPage(
        text="\n\n".join(line for line in doc.text.split("\n") if line.strip()),
        title=doc.title,
        author=doc.author,
        sitename=doc.sitename or doc.hostname,
        date=doc.date,
        language=doc.language,
        lead=lead_paragraphs(html),
    )
