"""Very long articles: parsed in pieces, annotated up to a limit, offsets into the whole text."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.annotate.pieces import (
    MAX_ANNOTATED_CHARS,
    PIECE_CHARS,
    annotated_length,
    break_before,
    parse_text,
    parse_texts,
    piece_bounds,
)
from newsfuse.model import Analysis, Article

PARAGRAPH = (
    "North Korean troops attacked Ukrainian positions in the Kursk region on Monday, "
    "the Pentagon said. Pentagon spokesman Major General Pat Ryder told reporters that "
    "more than 10,000 North Korean soldiers had been sent to Russia. Ryder said Ukraine "
    "had killed 30 of them."
)


def _fingerprint(doc) -> tuple:
    """What our finders read from a parse: tokens, tags, lemmas, the tree, entities, sentences."""
    tokens = [
        (t.text, t.whitespace_, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]
    return tokens, [(s.start, s.end) for s in doc.sents]


@pytest.fixture(scope="module")
def nlp():
    from newsfuse.annotate.nlp import load_nlp

    return load_nlp()


def _article(text: str, article_id: str = "long") -> Article:
    return Article(
        id=article_id, source="<test>", text=text, content_hash="", published="2024-12-16"
    )


@given(
    st.text(alphabet=st.sampled_from("ab .!?\n\t”"), max_size=300),
    st.integers(2, 40),
    st.integers(1, 30),
)
def test_pieces_cover_the_text_in_order_and_are_bounded(text, size, word):
    bounds = piece_bounds(text, size, word)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(first[1] == second[0] for first, second in pairwise(bounds))
    assert all(0 < end - start <= size for start, end in bounds) or text == ""
    assert all(len(run) <= word for s, e in bounds for run in text[s:e].split())


def test_pieces_end_after_paragraph_breaks_then_sentences_then_words():
    text = "\n\n".join([PARAGRAPH] * 10)
    bounds = piece_bounds(text, 1000)
    assert len(bounds) > 1
    assert all(text[end - 2 : end] == "\n\n" for _, end in bounds[:-1])
    one_line = " ".join([PARAGRAPH] * 10)
    assert all(one_line[end - 2 : end] == ". " for _, end in piece_bounds(one_line, 1000)[:-1])
    words = "word " * 100
    assert all(words[end - 1] == " " for _, end in piece_bounds(words, 42)[:-1])
    assert piece_bounds("x" * 100, 30) == [(0, 30), (30, 60), (60, 90), (90, 100)]


def test_runs_without_spaces_are_cut_into_words_of_bounded_length():
    """spaCy's tokenizer takes quadratic time in a run of prefixes ("!!!!..."): such runs are
    parsed a bounded stretch at a time."""
    text = f"{PARAGRAPH} {'!' * 500} {PARAGRAPH}"
    bounds = piece_bounds(text, PIECE_CHARS, 200)
    start = len(PARAGRAPH) + 1
    assert bounds == [(0, start + 200), (start + 200, start + 400), (start + 400, len(text))]
    assert piece_bounds(PARAGRAPH, PIECE_CHARS, 200) == [(0, len(PARAGRAPH))]


def test_a_break_is_taken_only_inside_its_window():
    text = "One.\n\nTwo three four five six seven."
    assert break_before(text, 0, 20) == 6  # just after the blank line
    assert break_before(text, 8, 20) == text.index("four")  # after the last space before 20
    assert break_before("abcdefgh", 2, 5) == 5  # nowhere better: the window's end


def test_annotated_length_stops_at_a_paragraph_break_before_the_limit():
    text = "\n\n".join([PARAGRAPH] * 40)
    assert annotated_length(text, len(text)) == len(text)
    cut = annotated_length(text, 2000)
    assert cut <= 2000 and text[cut - 2 : cut] == "\n\n"


def test_a_text_in_pieces_parses_to_the_whole_text(nlp):
    text = "\n\n".join(f"{n}. {PARAGRAPH}" for n in range(8))
    whole = nlp(text)
    assert _fingerprint(parse_text(nlp, text)) == _fingerprint(whole)  # one piece: as before
    (pieced,) = parse_texts(nlp, [text], limit=None, piece_chars=700)
    assert pieced.text == text
    assert len(piece_bounds(text, 700)) > 3
    starts = {start for start, _ in piece_bounds(text, 700)}
    sentence_starts = {s.start_char for s in pieced.sents}
    assert starts <= sentence_starts  # a piece border is a sentence border
    # paragraph borders are sentence borders anyway: sentences differ at most just after a
    # border, where the parser starts afresh ("2." may or may not be a sentence of its own)
    differ = sentence_starts ^ {s.start_char for s in whole.sents}
    assert all(any(0 <= c - b < 10 for b in starts) for c in differ)
    assert [t.text for t in pieced] == [t.text for t in whole]


def test_short_texts_parse_as_before(nlp):
    texts = [PARAGRAPH, "", "Kim Jong Un met Vladimir Putin.", PARAGRAPH * 3]
    for doc, plain in zip(parse_texts(nlp, texts), nlp.pipe(texts), strict=True):
        assert _fingerprint(doc) == _fingerprint(plain)


def test_spacy_length_limit_cannot_be_reached(nlp):
    assert nlp.max_length > PIECE_CHARS
    saved = nlp.max_length
    nlp.max_length = 3000
    try:
        text = "\n\n".join([PARAGRAPH] * 30)
        (doc,) = parse_texts(nlp, [text], limit=None, piece_chars=2000)
        assert doc.text == text
        with pytest.raises(ValueError, match="piece size"):
            list(parse_texts(nlp, [text], limit=None, piece_chars=5000))
    finally:
        nlp.max_length = saved


def _check_offsets(found: Analysis, text: str, end: int) -> None:
    ann = found.annotations
    assert all(0 <= s < e <= end for s, e in ann.sentences)
    for mention in (*ann.actors, *ann.places, *ann.times, *ann.quantities):
        assert mention.end <= end and text[mention.start : mention.end] == mention.text
        assert (
            ann.sentences[mention.sentence][0] <= mention.start < ann.sentences[mention.sentence][1]
        )
    for event in found.events:
        assert event.end <= end and text[event.start : event.end].strip() == event.evidence
        assert (event.start, event.end) == ann.sentences[event.sentence]
        assert text[event.trigger_start : event.trigger_end] == event.trigger


def test_a_long_article_is_annotated_in_part_with_a_note():
    from newsfuse.annotate.stage import annotate_articles

    text = "\n\n".join(f"Part {n}. {PARAGRAPH}" for n in range(40))
    (found,) = annotate_articles([_article(text)], max_chars=3000)
    ann = found.annotations
    assert ann.annotated_chars is not None and 2000 < ann.annotated_chars <= 3000
    assert text[ann.annotated_chars - 2 : ann.annotated_chars] == "\n\n"
    assert found.notes == ann.notes and f"{ann.annotated_chars:,} of {len(text):,}" in ann.notes[0]
    assert found.events and ann.actors
    _check_offsets(found, text, ann.annotated_chars)
    (short,) = annotate_articles([_article(text[:2000])], max_chars=3000)
    assert short.annotations.annotated_chars is None and short.notes == ()


def test_a_text_over_a_million_characters_is_stored_whole_and_annotated_in_part():
    from newsfuse.annotate.stage import annotate_articles

    text = "Kim Jong Un met Vladimir Putin in Moscow.\n" + "\n" * 1_200_000 + PARAGRAPH
    (found,) = annotate_articles([_article(text)])  # the default limit; no E088
    assert found.annotations.annotated_chars == MAX_ANNOTATED_CHARS
    assert "of 1,200," in found.notes[0]
    assert found.events[0].trigger == "met"


def _away_from(borders: list[int], events) -> set:
    """Events whose sentence does not start at a piece border, their sentence number left out
    (a border may add or remove a sentence before them)."""
    return {
        replace(e, sentence=0) for e in events if not any(0 <= e.start - b < 10 for b in borders)
    }


def test_pieces_change_events_only_at_their_borders():
    """The same text annotated in one go and in pieces cut at paragraph breaks: away from the
    borders the events are the same, at the same offsets, with the same evidence."""
    from newsfuse.annotate.stage import annotate_articles

    text = "\n\n".join(f"Report {n}. {PARAGRAPH}" for n in range(12))
    article = _article(text)
    (whole,) = annotate_articles([article])
    (pieced,) = annotate_articles([article], piece_chars=900)
    borders = [start for start, _ in piece_bounds(text, 900)]
    assert len(borders) > 3
    assert _away_from(borders, pieced.events) == _away_from(borders, whole.events)
    assert len(pieced.events) == len(whole.events)
    _check_offsets(pieced, text, len(text))


def test_real_articles_in_one_piece_are_annotated_as_before(shared, nlp):
    """An article that fits one piece gets what ``nlp(text)`` and our finders give it."""
    from newsfuse.annotate.stage import analyse_doc, annotate_articles
    from newsfuse.clean import clean_document
    from newsfuse.readers import read_paths

    articles = []
    for doc in read_paths([str(shared / "corpus" / "bbc" / "politics")]):
        cleaned = clean_document(doc) if hasattr(doc, "content") else None
        if isinstance(cleaned, Article):
            articles.append(replace(cleaned, published="2005-06-01"))
        if len(articles) == 12:
            break
    found = list(annotate_articles(articles))
    assert found == [analyse_doc(a, nlp(a.text)) for a in articles]
    assert all(f.notes == () for f in found)


def test_real_articles_joined_and_cut_in_pieces_keep_their_events(shared):
    """Articles joined into one long text and parsed in pieces: each event's offsets
    and evidence refer to the long text."""
    from newsfuse.annotate.stage import annotate_articles
    from newsfuse.clean import clean_document
    from newsfuse.readers import read_paths

    texts = []
    for doc in read_paths([str(shared / "corpus" / "bbc" / "politics")]):
        cleaned = clean_document(doc) if hasattr(doc, "content") else None
        if isinstance(cleaned, Article):
            texts.append(cleaned.text)
        if len(texts) == 8:
            break
    text = "\n\n".join(texts)
    (whole,) = annotate_articles([_article(text)])
    (pieced,) = annotate_articles([_article(text)], piece_chars=4000)
    borders = [start for start, _ in piece_bounds(text, 4000)]
    assert len(borders) > 3
    _check_offsets(pieced, text, len(text))
    assert _away_from(borders, pieced.events) == _away_from(borders, whole.events)


def test_line_breaks_start_sentences(nlp):
    text = "\n".join(["Kim Jong Un", "met Vladimir Putin", "in Moscow"] * 50)
    starts = {s.start_char for s in nlp(text).sents}
    assert {0, *(i + 1 for i, c in enumerate(text) if c == "\n")} <= starts


def test_sentences_too_long_to_be_real_are_not_coded():
    from newsfuse import code_sentence
    from newsfuse.events.coder import MAX_SENTENCE_TOKENS

    assert code_sentence("Russia attacked Ukraine.", "2024-12-16")
    junk = "Russia attacked Ukraine and " * (MAX_SENTENCE_TOKENS // 4 + 10)
    assert code_sentence(junk, "2024-12-16") == []
