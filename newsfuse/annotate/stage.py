"""Run the annotate stage over articles: one spaCy parse each, then our finders.

Texts are parsed through :mod:`newsfuse.annotate.pieces`: a very long one in pieces
joined back into one parse, and annotated up to ``MAX_ANNOTATED_CHARS`` characters,
with a note in its :class:`~newsfuse.model.Annotations` when it was cut short.
"""

from __future__ import annotations

import bisect
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date

from spacy.tokens import Doc

from newsfuse.annotate.actors import ActorResolver, ArticleContext, default_resolver
from newsfuse.annotate.mentions import find_actors, find_places
from newsfuse.annotate.nlp import load_nlp
from newsfuse.annotate.pieces import (
    MAX_ANNOTATED_CHARS,
    PIECE_CHARS,
    annotation_note,
    parse_text,
    parse_texts,
)
from newsfuse.annotate.quantities import find_quantities
from newsfuse.annotate.times import find_times
from newsfuse.clean.language import is_analysed, not_analysed_note
from newsfuse.events.coder import code_doc
from newsfuse.geo.event_places import locate_events
from newsfuse.geo.home import home_country
from newsfuse.model import Analysis, Annotations, Article

__all__ = ["analyse_doc", "annotate_article", "annotate_articles", "annotate_doc"]


def article_date(article: Article) -> date | None:
    """The date time expressions are resolved against: the publication date, if known."""
    try:
        return date.fromisoformat(article.published[:10]) if article.published else None
    except ValueError:
        return None


def _sentence_index(doc: Doc) -> tuple[tuple[tuple[int, int], ...], Callable[[int], int]]:
    spans = tuple((s.start_char, s.end_char) for s in doc.sents)
    starts = [start for start, _ in spans]

    def sentence_of(char: int) -> int:
        return max(bisect.bisect_right(starts, char) - 1, 0)

    return spans, sentence_of


def annotate_doc(article: Article, doc: Doc, resolver: ActorResolver | None = None) -> Annotations:
    """Annotations of one article from its spaCy parse.

    ``doc`` may cover only the start of the article's text (a very long article, see
    :func:`~newsfuse.annotate.pieces.parse_texts`): the annotations then say how much.
    """
    resolver = resolver or default_resolver()
    text = doc.text
    cut_short = len(text) < len(article.text) and article.text.startswith(text)
    note = annotation_note(len(text), len(article.text)) if cut_short else None
    when = article_date(article)
    sentences, sentence_of = _sentence_index(doc)
    actors = find_actors(doc, resolver, when, sentence_of)
    context = ArticleContext()
    context.countries.update(m.actor.country for m in actors if m.actor.country)

    def resolve(text: str):
        return resolver.resolve(text, when, context)

    date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    times = find_times(text, when, date_spans, sentences) if when else []
    return Annotations(
        article_id=article.id,
        sentences=sentences,
        actors=tuple(actors),
        places=tuple(
            find_places(
                doc,
                sentence_of,
                article.dateline_place,
                article.dateline_country,
                home_country(article.url),
            )
        ),
        times=tuple(times),
        quantities=tuple(find_quantities(doc, resolve, sentence_of)),
        annotated_chars=len(text) if note else None,
        notes=(note,) if note else (),
    )


def annotate_article(
    article: Article,
    resolver: ActorResolver | None = None,
    max_chars: int | None = MAX_ANNOTATED_CHARS,
) -> Annotations:
    """Annotations of one article, of its first ``max_chars`` characters (None: all)."""
    doc = parse_text(load_nlp(), article.text, limit=max_chars)
    return annotate_doc(article, doc, resolver)


def analyse_doc(
    article: Article, doc: Doc, resolver: ActorResolver | None = None, code: bool = True
) -> Analysis:
    """The annotate stage, and unless ``code`` is false the code stage, on one parsed article."""
    resolver = resolver or default_resolver()
    annotations = annotate_doc(article, doc, resolver)
    if not code:
        return Analysis(annotations)
    when = article_date(article)
    events = code_doc(doc, annotations, resolver, when.isoformat() if when else None)
    return Analysis(annotations, tuple(locate_events(events, annotations.places)))


def _annotate_chunk(
    articles: list[Article],
    resolver: ActorResolver | None,
    batch_size: int,
    code: bool,
    max_chars: int | None = MAX_ANNOTATED_CHARS,
    piece_chars: int = PIECE_CHARS,
) -> list[Analysis]:
    """Parse, annotate and code ``articles`` in this process; an article in a language
    newsfuse does not analyse is not parsed (see :func:`not_analysed`)."""
    nlp = load_nlp()
    texts = [a.text for a in articles if is_analysed(a.language)]
    docs = iter(
        parse_texts(nlp, texts, batch_size=batch_size, limit=max_chars, piece_chars=piece_chars)
    )
    return [
        analyse_doc(a, next(docs), resolver, code) if is_analysed(a.language) else not_analysed(a)
        for a in articles
    ]


def not_analysed(article: Article) -> Analysis:
    """What the stages find in an article in a language they do not handle: nothing, with
    a note that says why (the English model would find noise, not news)."""
    note = not_analysed_note(article.language or "")
    return Analysis(Annotations(article.id, annotated_chars=0, notes=(note,)))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class AnnotationPool:
    """Worker processes that parse, annotate and code chunks of articles for a whole run.

    ``submit`` returns at once with a future, so the caller reads, cleans and stores the
    next articles while the workers parse: the parser, not the stages around it, sets the
    pace. With ``n_process`` <= 1 there are no workers and ``submit`` does the work before
    it returns (the future is already done). Workers are forked once, on the first
    ``submit``, after the model is loaded, so they share it.
    """

    def __init__(
        self,
        n_process: int,
        resolver: ActorResolver | None = None,
        *,
        batch_size: int = 32,
        code: bool = True,
        max_chars: int | None = MAX_ANNOTATED_CHARS,
        piece_chars: int = PIECE_CHARS,
    ) -> None:
        self.n_process = n_process
        self.options = (resolver, batch_size, code, max_chars, piece_chars)
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, articles: list[Article]) -> Future[list[Analysis]]:
        if self.n_process <= 1:
            done: Future[list[Analysis]] = Future()
            try:
                done.set_result(_annotate_chunk(articles, *self.options))
            except Exception as exc:
                done.set_exception(exc)
            return done
        if self._pool is None:
            load_nlp()  # loaded once here; forked workers share it
            context = multiprocessing.get_context(
                "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            )
            self._pool = ProcessPoolExecutor(max_workers=self.n_process, mp_context=context)
        return self._pool.submit(_annotate_chunk, articles, *self.options)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> AnnotationPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def annotate_articles(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    resolver: ActorResolver | None = None,
    code: bool = True,
    max_chars: int | None = MAX_ANNOTATED_CHARS,
    piece_chars: int = PIECE_CHARS,
) -> Iterator[Analysis]:
    """Annotate and code many articles, in input order.

    With ``n_process`` > 1 whole chunks of articles go to worker processes, which
    parse *and* annotate them: our finders run in parallel too, not only spaCy.
    Only the first ``max_chars`` characters of a longer text are annotated (the
    :class:`~newsfuse.model.Annotations` say so in ``notes``; None: all of it, however
    long); the text is not changed. Texts over ``piece_chars`` characters are parsed in
    pieces (see :mod:`newsfuse.annotate.pieces`).
    """
    if n_process <= 1:
        for chunk in _chunks(articles, batch_size * 4):
            yield from _annotate_chunk(chunk, resolver, batch_size, code, max_chars, piece_chars)
        return
    options = {"batch_size": batch_size, "code": code, "max_chars": max_chars}
    with AnnotationPool(n_process, resolver, piece_chars=piece_chars, **options) as pool:
        pending: deque[Future[list[Analysis]]] = deque()
        for chunk in _chunks(articles, batch_size):
            pending.append(pool.submit(chunk))
            if len(pending) > 2 * n_process:  # bounded: a huge input is not held in memory
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
