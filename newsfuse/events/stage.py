"""Code events from text: one sentence (``code_sentence``) or a parsed, annotated article."""

from __future__ import annotations

import datetime as dt

from newsfuse.annotate.actors import default_resolver
from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.pieces import parse_text
from newsfuse.annotate.stage import annotate_doc
from newsfuse.events.coder import code_doc
from newsfuse.model import Article, Event


def code_sentence(text: str, date: dt.date | str | None = None) -> list[Event]:
    """PLOVER events in ``text`` (a sentence or a short passage), resolved against ``date``."""
    published = date.isoformat() if isinstance(date, dt.date) else date
    article = Article(id="text", source="<text>", text=text, content_hash="", published=published)
    doc = parse_text(load_nlp(), text)
    annotations = annotate_doc(article, doc)
    events = code_doc(doc, annotations, default_resolver(), published[:10] if published else None)
    return events
