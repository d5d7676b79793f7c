"""Coding a sentence as the pipeline does, non-events kept (flagged), for the tests of the
coder's modality and framing rules."""

from __future__ import annotations

from newsfuse.annotate.actors import default_resolver
from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.pieces import parse_text
from newsfuse.annotate.stage import annotate_doc
from newsfuse.events.coder import code_doc
from newsfuse.model import Article, Event


def coded(text: str, date: str) -> list[Event]:
    """Every mention the coder makes of ``text``, the ones it flags as no event included."""
    doc = parse_text(load_nlp(), text)
    article = Article(id="t", source="<t>", text=text, content_hash="", published=date)
    annotations = annotate_doc(article, doc)
    return code_doc(doc, annotations, default_resolver(), date, keep_non_events=True)
