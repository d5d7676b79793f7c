"""Quantities in a parsed article: a number, its qualifier and the noun it counts.

``find_quantities(doc)`` turns "more than 10,000 North Korean soldiers" into
``Quantity(value=10000.0, qualifier="more than", noun="soldier", ...)``.
The number words and qualifier phrases live in ``data/quantity_words.tsv``; the number
itself is matched by :mod:`~newsfuse.annotate.amounts`.

Qualifiers are normalised as follows (the phrase must sit right before the number):

* "more than": more than, over, just over, well over, in excess of, upwards of, above
* "at least": at least, no fewer than, no less than, a minimum of
* "approximately": approximately, about, roughly, some, (an) estimated
* "around": around
* "almost": nearly, almost, close to, just under
* "up to": up to, as many as, as much as
* "less than": less than, fewer than, under, below
* "at most": at most, no more than, not more than, a maximum of
* "vague": amounts without a value ("thousands", "tens of thousands", "dozens",
  "several hundred", "scores of", "several"); ``value`` is None and ``vague`` True.
  An explicit qualifier wins over "vague" ("at least dozens" → "at least", still vague).
* None: a bare number.

Decisions on what counts:

* Percentages are kept, with noun "percent" and the number as written (30% → 30.0).
* Money is kept, with noun "dollar", "euro", "pound" or "yen" from the currency sign
  ("$5 million" → 5000000.0, "dollar"); "5 million dollars" gets "dollar" from the parse.
  Glued suffixes scale: "£96bn", "$284m", "$1.2k" ("m" and "k" only after a currency
  sign, so "a 100m race" is not 100 million).
* Ages and durations are not quantities ("60 years old", "a 60-year-old", "aged 60",
  "three days"): spaCy tags them DATE and numbers inside DATE entities are skipped.
* Skipped too: numbers inside DATE/TIME/LAW/PRODUCT/EVENT/WORK_OF_ART/FAC entities
  (years, "Dec 16", "resolutions 1718 (2006)", "10 a.m.", "F-35"); year-like numbers
  (1800-2100) unless round (a multiple of 50), not after a determiner and counting a
  plural noun ("sent 2000 soldiers" counts; "its 2003 results" does not); numbers
  glued to "-", "/" or ":" ("24/7", "17:52", "a 12-member team", phone numbers);
  numbers next to a month name; a bare number in parentheses or right after a noun
  ("Flight 17"); leading-zero codes; runs of bare numbers; "one" unless it counts a
  noun ("one person", but not "the one who", "one of them").
* A number without a noun takes the noun (and actor) of an earlier quantity in the
  same sentence: "10,000 soldiers ..., with around 8,000 deployed" gives 8,000 soldiers.
  Its ``text`` still covers only "around 8,000".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.annotate.amounts import (
    CURRENCIES,
    Lexicon,
    NumberMatch,
    lexicon,
    match_amount,
    phrase_at,
)
from newsfuse.calendar_words import MONTHS, WEEKDAYS
from newsfuse.model import Actor, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Resolver = Callable[[str], Actor | None]

YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
SKIP_LABELS = frozenset(
    {"DATE", "TIME", "LAW", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "ORDINAL"}
)
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})
GLUE = frozenset({"-", "–", "/", ":", "#"})
TIME_SUFFIXES = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "h"})
PERCENT_WORDS = frozenset({"%", "percent", "pct"})
NOT_BEFORE_ONE = frozenset(
    {"the", "this", "that", "no", "every", "any", "each", "which", "someone"}
)
NOUN_POS = frozenset({"NOUN", "PROPN"})
MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
BREAKS_NOUN_PHRASE = frozenset({"VERB", "AUX", "ADP", "SCONJ", "PRON", "DET", "CCONJ", "PART"})
MAX_NOUN_DISTANCE = 6


# -- the qualifier and the counted noun ----------------------------------------------


def _match_qualifier(doc: Doc, start: int, floor: int, lex: Lexicon) -> tuple[int, str] | None:
    """The qualifier phrase ending right before token ``start`` (not before ``floor``)."""
    for phrase, normalised in lex.qualifiers:
        first = start - len(phrase)
        if first >= floor and phrase_at(doc, first, start, phrase):
            return first, normalised
    return None


def _is_modifier_run(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` could all modify a noun ("North Korean", "nuclear-capable")."""
    return all(
        doc[k].pos_ in MODIFIER_POS or doc[k].tag_ == "HYPH" or doc[k].text in {"-", "'s"}
        for k in range(start, end)
    )


def _parse_head(doc: Doc, match: NumberMatch, sent_end: int) -> Token | None:
    """The noun a token of the number modifies, after it in the same sentence."""
    for k in range(match.start, match.end):
        head = doc[k].head
        if head.pos_ not in NOUN_POS or not match.end <= head.i < sent_end:
            continue
        if head.i - match.end <= MAX_NOUN_DISTANCE and _is_modifier_run(doc, match.end, head.i):
            return head
    return None


def _of_object(doc: Doc, match: NumberMatch, sent_end: int) -> Token | None:
    """The noun in "<number> of (the) <noun>": "thousands of troops"."""
    if match.end >= sent_end or doc[match.end].lower_ != "of":
        return None
    for child in doc[match.end].children:
        if child.dep_ == "pobj" and child.pos_ in NOUN_POS and child.i < sent_end:
            return child
    return _next_noun(doc, match.end + 1, sent_end, allow_det=True)


def _next_noun(doc: Doc, i: int, sent_end: int, allow_det: bool = False) -> Token | None:
    """The first head noun after a run of modifiers starting at token ``i``: a parse fallback."""
    for k in range(i, min(sent_end, i + MAX_NOUN_DISTANCE)):
        tok = doc[k]
        if tok.pos_ in NOUN_POS and tok.dep_ not in {"compound", "amod", "nmod", "npadvmod"}:
            return tok
        if tok.pos_ == "DET" and allow_det and k == i:
            continue
        if tok.pos_ in BREAKS_NOUN_PHRASE or (tok.is_punct and tok.tag_ != "HYPH"):
            return None
    return None


def _counted_noun(doc: Doc, match: NumberMatch, sent_end: int) -> Token | None:
    """The noun the number counts: through the parse, across "of", or the next noun."""
    if match.condition == "of":
        return _of_object(doc, match, sent_end)
    noun = _parse_head(doc, match, sent_end) or _of_object(doc, match, sent_end)
    if noun is None and match.end < sent_end:
        noun = _next_noun(doc, match.end, sent_end)
    if noun is not None and noun.ent_type_ in SKIP_LABELS:
        return None  # "30 Monday", "12 F-35": not what is counted
    return noun


def _noun_lemma(doc: Doc, noun: Token) -> str:
    """The lower-case lemma of the counted noun; "per cent" and "%" are "percent"."""
    if noun.lower_ in PERCENT_WORDS or (
        noun.lower_ == "cent" and noun.i > 0 and doc[noun.i - 1].lower_ == "per"
    ):
        return "percent"
    return noun.lemma_.lower()


def _phrase_start(doc: Doc, match: NumberMatch, noun: Token) -> int:
    """Where the counted noun phrase starts: after the number, "of" and determiners."""
    i = match.end
    while i < noun.i and (doc[i].lower_ == "of" or doc[i].pos_ == "DET"):
        i += 1
    return i


# -- what is not a quantity ----------------------------------------------------------


def _in_skipped_entity(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """Numbers inside dates, times, laws, product names; or inside a name, not at its start."""
    for k in range(match.start, match.end):
        tok = doc[k]
        label = tok.ent_type_
        rescued = label == "DATE" and (
            _is_counted_year_lookalike(doc, match, noun)
            or _is_count_after_date(doc, match, noun)
            or _is_range_of_count(doc, match, noun)
        )
        if label in SKIP_LABELS and not rescued:
            return True
        if label in NAME_LABELS and tok.ent_iob_ == "I" and tok.i == match.start:
            return True
    return False


def _is_count_after_date(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """A count that follows a weekday the tagger ran into one date: "on Monday 20 people
    were killed", "Earlier on Friday 15 protesters were arrested" ("Monday 20", "Friday 15"
    tagged DATE). A day of the month goes with its month ("Friday 15 March"), so a number
    right after a weekday that counts the plural noun right after it is a count."""
    if noun is None or noun.i != match.end or noun.tag_ not in {"NNS", "NNPS"}:
        return False
    if noun.ent_type_ or match.start == 0:
        return False
    before = doc[match.start - 1]
    return before.ent_type_ == "DATE" and before.lower_ in WEEKDAYS


RANGE_WORDS = frozenset({"between", "from", "and", "to", "or", "-", "–"})


def _is_range_of_count(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """A range the tagger took for a date ("Between 20 and 30 people were killed": DATE
    "Between 20 and 30"): a date's numbers count the time words inside it ("the past two
    weeks", "the 1990s"), so a "DATE" of bare numbers and range words, with no year among
    them, that ends right before a plural noun is a count of that noun (each number of it)."""
    entity = next((e for e in doc.ents if e.start <= match.start < e.end), None)
    if entity is None or entity.end >= len(doc):
        return False
    counted = doc[entity.end]
    if counted.tag_ not in {"NNS", "NNPS"} or counted.ent_type_:
        return False
    if noun is not None and noun.i != counted.i:
        return False
    return all(
        (t.like_num and not YEAR.fullmatch(t.text)) or t.lower_ in RANGE_WORDS for t in entity
    )


def _is_counted_year_lookalike(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """A year-like number that plainly counts a plural noun: "sent 2000 soldiers".

    Only round numbers (multiples of 50) not after a determiner: "its 2003 results" and
    "the 2022 elections" stay years.
    """
    if match.end - match.start != 1 or noun is None or noun.tag_ not in {"NNS", "NNPS"}:
        return False
    if noun.ent_type_ or match.value is None or match.value % 50:
        return False
    before = doc[match.start - 1] if match.start > 0 else None
    return before is None or (before.pos_ not in {"DET", "PRON"} and before.tag_ != "POS")


def _looks_like_year(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    text = doc[match.start].text
    if match.end - match.start != 1 or not YEAR.fullmatch(text):
        return False
    return not _is_counted_year_lookalike(doc, match, noun)


def _is_glued(doc: Doc, match: NumberMatch) -> bool:
    """A number glued to "-", "/", ":" or letters: 24/7, 17:52, 12-member, 202-555-0143."""
    first, last = doc[match.start], doc[match.end - 1]
    if first.i > 0:
        before = doc[first.i - 1]
        if not before.whitespace_ and (before.text in GLUE or before.is_alpha):
            return True
    if last.i + 1 < len(doc) and not last.whitespace_:
        return doc[last.i + 1].text in GLUE or doc[last.i + 1].is_alpha
    return False


def _is_code_like(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """Leading zeros, runs of bare numbers, "(202)", "Flight 17", "Group of 20", "aged 60", months."""
    text = doc[match.start].text
    if match.digits and len(text) > 1 and text.startswith("0") and not text.startswith("0."):
        return True
    before = doc[match.start - 1] if match.start > 0 else None
    after = doc[match.end] if match.end < len(doc) else None
    if _is_month(before) or _is_month(after) or (before is not None and before.lower_ == "aged"):
        return True
    if after is not None and after.lower_ in TIME_SUFFIXES:
        return True
    if match.digits and (_is_bare_digits(before) or _is_bare_digits(after)):
        return True
    if noun is not None:
        return False
    if before is not None and after is not None and before.text == "(" and after.text == ")":
        return True
    if before is not None and before.lower_ == "of" and match.start > 1:
        return doc[match.start - 2].pos_ == "PROPN"  # "Group of 20"
    return before is not None and (before.pos_ in NOUN_POS or before.lower_ in {"no.", "number"})


def _is_month(tok: Token | None) -> bool:
    return tok is not None and tok.lower_.rstrip(".") in MONTHS and tok.text[:1].isupper()


def _is_bare_digits(tok: Token | None) -> bool:
    return tok is not None and bool(re.fullmatch(r"\d+", tok.text))


def _is_pronoun_one(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """ "one" counts only when it modifies a noun right after it: "one person", not "the one who"."""
    if match.end - match.start != 1 or doc[match.start].lower_ != "one":
        return False
    if noun is None or doc[match.start].pos_ != "NUM" or noun.i != match.end:
        return True
    return match.start > 0 and doc[match.start - 1].lower_ in NOT_BEFORE_ONE


def _is_excluded(doc: Doc, match: NumberMatch, noun: Token | None) -> bool:
    """Whether the number is something other than a count or amount."""
    if match.condition in {"noun", "of"} and noun is None:
        return True
    if match.value is None:
        return _in_skipped_entity(doc, match, noun)
    return (
        _in_skipped_entity(doc, match, noun)
        or _looks_like_year(doc, match, noun)
        or _is_glued(doc, match)
        or _is_code_like(doc, match, noun)
        or _is_pronoun_one(doc, match, noun)
    )


# -- putting it together -------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """One quantity before it becomes a :class:`Quantity`: token bounds and its parts."""

    start: int  # first character
    end: int  # character after the last
    value: float | None
    qualifier: str | None
    noun: str | None
    noun_phrase: str | None  # what the resolver gets
    vague: bool


def _currency_before(doc: Doc, match: NumberMatch, floor: int) -> str | None:
    if match.start - 1 < floor:
        return None
    return CURRENCIES.get(doc[match.start - 1].lower_)


def _percent_after(doc: Doc, match: NumberMatch, sent_end: int) -> int | None:
    """The token index after "%", "percent" or "per cent" following the number."""
    i = match.end
    if i < sent_end and doc[i].lower_ in PERCENT_WORDS:
        return i + 1
    if i + 1 < sent_end and doc[i].lower_ == "per" and doc[i + 1].lower_ == "cent":
        return i + 2
    return None


def _end_char(doc: Doc, last: int, lex: Lexicon) -> int:
    """The character after token ``last``, leaving out the full stop of a "m." suffix."""
    text = doc[last].text
    if text.endswith(".") and text[:-1].lower() in lex.suffixes and doc[last].pos_ != "PROPN":
        text = text[:-1]
    return doc[last].idx + len(text)


def _build(doc: Doc, match: NumberMatch, sent: Span, floor: int, lex: Lexicon) -> _Found | None:
    """The quantity at ``match``, or None when it is not one."""
    currency = _currency_before(doc, match, floor)
    percent_end = None if currency else _percent_after(doc, match, sent.end)
    noun = None if currency or percent_end else _counted_noun(doc, match, sent.end)
    if not (currency or percent_end) and _is_excluded(doc, match, noun):
        return None
    first = match.start - 1 if currency else match.start
    qualifier = _match_qualifier(doc, first, floor, lex)
    if qualifier is not None:
        first = qualifier[0]
    last = match.end - 1
    noun_name, noun_phrase = currency, None
    if percent_end is not None:
        last, noun_name = percent_end - 1, "percent"
    elif noun is not None:
        last, noun_name = noun.i, _noun_lemma(doc, noun)
        noun_phrase = doc[_phrase_start(doc, match, noun) : noun.i + 1].text
    vague = match.value is None
    return _Found(
        start=doc[first].idx,
        end=_end_char(doc, last, lex),
        value=match.value,
        qualifier=qualifier[1] if qualifier else ("vague" if vague else None),
        noun=noun_name,
        noun_phrase=noun_phrase,
        vague=vague,
    )


def _scan_sentence(doc: Doc, sent: Span, lex: Lexicon) -> list[_Found]:
    """Every quantity in one sentence, left to right, none overlapping."""
    found: list[_Found] = []
    floor = sent.start
    i = sent.start
    while i < sent.end:
        match = match_amount(doc, i, sent.end, lex)
        item = _build(doc, match, sent, floor, lex) if match else None
        if match is None or item is None:
            i = match.end if match else i + 1
            continue
        found.append(item)
        end_token = i
        while end_token < sent.end and doc[end_token].idx < item.end:
            end_token += 1
        i = floor = max(end_token, match.end)
    return found


def _to_quantity(
    item: _Found, earlier: Quantity | None, resolve: Resolver | None, text: str, sentence: int
) -> Quantity:
    noun, actor = item.noun, None
    if item.noun_phrase is not None and resolve is not None:
        actor = resolve(item.noun_phrase)
    if noun is None and earlier is not None and earlier.sentence == sentence:
        noun, actor = earlier.noun, earlier.actor
    return Quantity(
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        value=item.value,
        qualifier=item.qualifier,
        noun=noun,
        actor=actor,
        vague=item.vague,
        sentence=sentence,
    )


def find_quantities(
    doc: Doc,
    resolve: Resolver | None = None,
    sentence_of: Callable[[int], int] | None = None,
) -> list[Quantity]:
    """The quantities in ``doc`` in text order; see the module docstring for what counts.

    ``resolve`` maps the counted noun phrase ("North Korean soldiers") to an actor;
    ``sentence_of`` maps a character offset to a sentence index (default: the doc's own).
    """
    lex = lexicon()
    text = doc.text  # built from the tokens on each access: once, not once per quantity
    quantities: list[Quantity] = []
    for index, sent in enumerate(doc.sents):
        earlier: Quantity | None = None
        for item in _scan_sentence(doc, sent, lex):
            sentence = sentence_of(item.start) if sentence_of else index
            quantity = _to_quantity(item, earlier, resolve, text, sentence)
            quantities.append(quantity)
            if quantity.noun is not None:
                earlier = quantity
    return quantities


__all__ = ["find_quantities"]
