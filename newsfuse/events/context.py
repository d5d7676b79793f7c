"""What the event coder knows about the article while it codes its sentences.

:class:`ArticleContext` holds the article's annotations (actor mentions, places, times,
quantities), indexed by where they start, the actor resolver, the article's date, and
who the last events were by (for a later "they" or "we").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from spacy.tokens import Span, Token

from newsfuse.annotate.actors import ActorResolver
from newsfuse.model import Annotations, EventActor


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_Item = TypeVar("_Item", bound=_Located)


class _ByStart(Generic[_Item]):
    """Annotations (mentions, places, times, quantities) found by where they start, in
    logarithmic time: the coder asks for those of one sentence or phrase many times per
    article, and a scan of the whole article's list each time made coding quadratic."""

    def __init__(self, items: Sequence[_Item]) -> None:
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._items = [items[i] for i in self._order]
        self._starts = [item.start for item in self._items]

    def starting_in(self, lo: int, hi: int) -> list[_Item]:
        """Those with ``lo <= start < hi``, in their original order."""
        first, last = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        picked = sorted(range(first, last), key=self._order.__getitem__)
        return [self._items[k] for k in picked]


@dataclass
class ArticleContext:
    """What the coder knows about the article while it codes its sentences."""

    annotations: Annotations | None
    resolver: ActorResolver
    when: str | None
    last_source: tuple[EventActor, ...] = ()
    group: tuple[EventActor, ...] = ()
    """The last multi-party source named in the article: who "we" in a joint statement is."""
    _chunks: dict[int, Span] | None = field(default=None, repr=False)
    _indexes: dict[str, _ByStart] = field(default_factory=dict, repr=False)

    def chunk_rooted_at(self, token: Token) -> Span | None:
        """The noun chunk whose root is ``token``, if any (the doc's chunks found once)."""
        if self._chunks is None:
            self._chunks = {}
            for chunk in token.doc.noun_chunks:
                self._chunks.setdefault(chunk.root.i, chunk)
        return self._chunks.get(token.i)

    def starting_in(self, kind: str, lo: int, hi: int) -> list:
        """The article's ``kind`` (actors, places, times, quantities) that start in ``[lo, hi)``."""
        if self.annotations is None:
            return []
        if kind not in self._indexes:
            self._indexes[kind] = _ByStart(getattr(self.annotations, kind))
        return self._indexes[kind].starting_in(lo, hi)
