"""HTML pages through trafilatura (main text and metadata, with htmldate for the date)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from newsfuse.errors import EmptyInput, MalformedRecord


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


def lead_paragraphs(html: str, count: int = 3) -> str:
    """The first ``count`` non-empty ``<p>`` texts of the page, for dateline reading."""
    try:
        tree = lxml_html.fromstring(html)
    except (ParserError, ValueError):
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
    """Main text and metadata of an HTML page; :class:`EmptyInput` if it has no article text."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError) as exc:
        raise MalformedRecord(
            f"cannot parse the HTML ({exc}); check that it is a web page"
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
