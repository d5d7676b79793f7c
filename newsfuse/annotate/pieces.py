"""Very long texts: parsed in pieces of bounded size, annotated up to a limit.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, error E088)
and needs memory in proportion to the longest text of a batch. So a text longer
than :data:`PIECE_CHARS` is cut into pieces, at a paragraph break where there is
one (then a line break, a sentence end, a space, and only then anywhere), each
piece is parsed on its own, and the parsed pieces are joined back into one
``Doc`` whose text is the original text, character for character. Everything
downstream (sentence numbers, mention offsets, events' offsets and evidence)
therefore refers to the whole text exactly as for a short one. A text that fits
one piece is parsed in one go, as before.

Text beyond :data:`MAX_ANNOTATED_CHARS` is not annotated: the parse covers the
text up to the last paragraph (else sentence, else word) break before that limit,
and :func:`annotation_note` says how much was read. The text itself is always
stored whole; only annotation stops. A size limit rather than a time budget, so
that the same article always gets the same annotations, whatever the machine's
load: with annotation cost linear in length it bounds the time per article too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 50_000
"""Longest piece parsed at once. Real articles fit in one (the longest of 2,600 BBC and
news_cluster articles has 25,000 characters). Parse time per character is the same for
pieces of 5,000 to 200,000 characters; memory is not (see :data:`BATCH_CHARS`). Must stay
below spaCy's ``nlp.max_length``."""

MAX_ANNOTATED_CHARS = 200_000
"""Characters annotated per article, from its start: about 30,000 words, eight times the
longest of 2,600 BBC and news_cluster articles (25,000 characters). Measured on a loaded
2-core machine (``benchmarks/annotate_length.py``), annotating and coding this much news
takes about 20 s, and this much of the worst hostile text found (a "word" of emoji on
every line, thousands of one-word lines) about 60 s. Longer texts are annotated up to
here, with a note, and stored whole."""

WORD_CHARS = 200
"""Longest run of characters without a space parsed in one piece. spaCy's tokenizer takes
time quadratic in such a run when it is made of prefixes or suffixes ("!!!...",
"'s's's...", emoji): 16,000 "!" took 100 s. News has no such "words" (long URLs aside),
so longer runs are cut into pieces of this size, which keeps the cost per character near
that of ordinary text."""

BATCH_CHARS = 50_000
"""Most characters parsed in one ``nlp.pipe`` batch, unless one piece is longer (the batch
size in articles still applies too). spaCy's memory grows with the characters of a batch:
200,000 took 575 MB more than the loaded model, 50,000 took 225 MB, 20,000 130 MB, at the
same speed; 32 ordinary articles in one batch would be up to 160,000."""

TRUNCATION_WINDOW = 20_000
"""How far before :data:`MAX_ANNOTATED_CHARS` a paragraph or sentence break is looked for."""

_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: a paragraph break
    re.compile(r"\n\s*"),  # a line break (our pipeline starts a sentence after each one)
    re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # a space
)


def break_before(text: str, lo: int, hi: int) -> int:
    """The best place to cut ``text`` in ``(lo, hi]``: just after the last paragraph break
    there, else the last line break, sentence end or space; else ``hi`` itself."""
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, lo, hi):
            last = match
        if last is not None and last.end() > lo:
            return last.end()
    return hi


@cache
def _long_run(word_chars: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!\S)\S{{{word_chars + 1},}}")


def piece_bounds(
    text: str, size: int = PIECE_CHARS, word_chars: int = WORD_CHARS
) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``text``: consecutive, covering it all, none longer than
    ``size``, each cut in its second half at the best break (see :func:`break_before`);
    and runs of over ``word_chars`` characters without a space cut every ``word_chars``."""
    if size < 2 or word_chars < 1:
        raise ValueError("pieces must allow at least 2 characters, and words at least 1")
    cuts = []
    start = 0
    while len(text) - start > size:
        start = break_before(text, start + size // 2, start + size)
        cuts.append(start)
    for run in _long_run(word_chars).finditer(text):
        cuts.extend(range(run.start() + word_chars, run.end(), word_chars))
    points = [0, *sorted(set(cuts)), len(text)]
    return [(a, b) for a, b in pairwise(points) if a < b] or [(0, 0)]


def annotated_length(text: str, limit: int = MAX_ANNOTATED_CHARS) -> int:
    """How much of ``text``, from its start, is annotated: all of it up to ``limit``
    characters, else up to the last paragraph (sentence, word) break before ``limit``."""
    if len(text) <= limit:
        return len(text)
    return break_before(text, max(limit - TRUNCATION_WINDOW, 0), limit)


def annotation_note(annotated: int, total: int) -> str | None:
    """What a reader should know when only the first ``annotated`` of ``total`` characters
    of a text were annotated; None when all were."""
    if annotated >= total:
        return None
    return (
        f"very long text: annotated its first {annotated:,} of {total:,} characters; "
        "the rest is stored but not annotated"
    )


def _join(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    # the pieces' tensors are not used downstream and would only hold memory
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def _batches(
    pieces: Iterable[tuple[int, str]], batch_size: int, batch_chars: int
) -> Iterator[list[tuple[int, str]]]:
    """Pieces grouped for ``nlp.pipe``: at most ``batch_size`` of them and, unless one piece
    is longer alone, at most ``batch_chars`` characters (memory follows characters)."""
    batch: list[tuple[int, str]] = []
    chars = 0
    for item in pieces:
        if batch and (len(batch) >= batch_size or chars + len(item[1]) > batch_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[1])
    if batch:
        yield batch


def parse_texts(
    nlp: Language,
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    limit: int | None = MAX_ANNOTATED_CHARS,
    piece_chars: int = PIECE_CHARS,
    word_chars: int = WORD_CHARS,
) -> Iterator[Doc]:
    """One ``Doc`` per text, in order, parsed in pieces by ``nlp.pipe``.

    Each doc's text is the text's first :func:`annotated_length` characters (all of
    it when ``limit`` is None). Pieces of several texts are batched together, so short
    texts batch as before; a batch holds at most :data:`BATCH_CHARS` characters.
    """
    if not 2 <= piece_chars <= nlp.max_length:
        raise ValueError(f"piece size {piece_chars} is not between 2 and {nlp.max_length}")

    def pieces() -> Iterator[tuple[int, str]]:
        for number, text in enumerate(texts):
            head = text if limit is None else text[: annotated_length(text, limit)]
            for start, stop in piece_bounds(head, piece_chars, word_chars):
                yield number, head[start:stop]

    current: list[Doc] = []
    current_number = 0
    for batch in _batches(pieces(), batch_size, max(BATCH_CHARS, piece_chars)):
        docs = nlp.pipe([piece for _, piece in batch], batch_size=len(batch))
        for (number, _), doc in zip(batch, docs, strict=True):
            if number != current_number and current:
                yield _join(current)
                current = []
            current_number = number
            current.append(doc)
    if current:
        yield _join(current)


def parse_text(nlp: Language, text: str, *, limit: int | None = MAX_ANNOTATED_CHARS) -> Doc:
    """``nlp(text)`` for a text of any length: see :func:`parse_texts`."""
    (doc,) = parse_texts(nlp, [text], batch_size=1, limit=limit)
    return doc


__all__ = [
    "BATCH_CHARS",
    "MAX_ANNOTATED_CHARS",
    "PIECE_CHARS",
    "WORD_CHARS",
    "annotated_length",
    "annotation_note",
    "break_before",
    "parse_text",
    "parse_texts",
    "piece_bounds",
]
