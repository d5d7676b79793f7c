"""CAMEO verb patterns (``data/cameo_verbs.tsv``, from PETRARCH2's dictionary): a PLOVER type
for a verb the hand lexicon does not know.

The table (written by ``tools/build_cameo_verbs.py``, which documents the dictionary's
format) groups verbs into blocks; a block's patterns apply to each of its verbs. Matching
here is a bag-of-words reading of a pattern over the dependency parse, not PETRARCH2's
phrase-structure matcher:

* a verb entry matches a token whose lemma is its first word and, for a multi-word verb
  ("call off", "ask for"), whose direct children hold the other words;
* a pattern matches when every word slot after ``*`` is among the lemmas or forms of what
  follows the verb in the parse (its objects, particles, prepositional phrases and their
  subtrees; not a phrase of date or time such as "in 2004"), the preposition opening each
  ``(PREP ...)`` group heads a phrase on the verb or its direct object, and every slot before ``*`` among those of its subject. A slot is one word,
  ``A/B`` (either), ``&SET`` (the last word of any member) or each word of ``{A B}``;
  ``$ + ^ %`` only mark actor positions and are skipped;
* of the matching patterns the one with most slots wins (a bare preposition, "(TO)",
  counts half: it narrows a verb's sense less than a noun does; the earliest on a tie),
  else the verb's own code, which a pattern of a bare preposition alone does not override. A pattern coded only in the reverse direction (``[:173]``: "X appeared in
  court" is an act against X) is left out: the coder takes the subject as the source.

The answer is the CAMEO code and its PLOVER type, ``None`` when CAMEO has no event there
(01 statements, 02 appeals, uncoded verbs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsfuse.tables import read_table

__all__ = ["CameoMatch", "cameo_match", "table"]

_TOKENS = re.compile(r"\{[^}]*\}|[()]|[^\s(){}]+")
_MARKERS = frozenset({"*", "$", "+", "^", "%", "."})
_NOT_AFTER = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "csubjpass",
        "expl",
        "aux",
        "auxpass",
        "neg",
        "punct",
        "cc",
        "conj",
        "ccomp",
        "advcl",
        "mark",
        "parataxis",
        "relcl",
        "dep",
    }
)


@dataclass(frozen=True)
class CameoMatch:
    """What CAMEO says of one verb token: ``plover`` None is "no PLOVER event"."""

    plover: str | None
    code: str
    verb: str  # "call off"
    pattern: str | None  # "* (to border)", None for the verb's own code
    block: str


@dataclass(frozen=True)
class _Pattern:
    text: str
    code: str
    plover: str | None
    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    preps: tuple[frozenset[str], ...]
    bare_preps: int  # "(TO)": a preposition with nothing after it

    @property
    def size(self) -> float:
        """Specificity: slots, a bare preposition counting half (it says less than a noun)."""
        slots = len(self.before) + len(self.after) + len(self.preps)
        return slots - 0.5 * self.bare_preps


@dataclass(frozen=True)
class _Verb:
    block: str
    words: tuple[str, ...]
    code: str
    plover: str | None


def _forms(word: str) -> set[str]:
    """A dictionary word and its singular, as spaCy's lemmas give it ("rallies" → "rally")."""
    word = word.strip().rstrip("_").replace("_", " ").lower()
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    return forms


def _bare_preps(text: str) -> int:
    """Parenthesised groups of one word: "* (TO)" is "the verb, then 'to' something"."""
    return sum(len(group.split()) == 1 for group in re.findall(r"\(([^()]*)\)", text))


def _slots(text: str, sets: dict[str, frozenset[str]]) -> tuple[tuple, tuple, tuple]:
    """The word slots before ``*``, after it, and the prepositions that open its
    parenthesised groups (which must head a phrase on the verb or its object)."""
    before: list[frozenset[str]] = []
    after: list[frozenset[str]] = []
    preps: list[frozenset[str]] = []
    side = before
    opened = False
    for item in _TOKENS.findall(text):
        if item == "*":
            side = after
            continue
        if item == "(":
            opened = True
            continue
        if item in _MARKERS or item in "()":
            continue
        if item.startswith("{"):
            for word in item.strip("{}").split():
                if word not in _MARKERS:
                    side.append(_slot(word, sets))
            opened = False
            continue
        if opened and side is after:
            preps.append(_slot(item, sets))
        else:
            side.append(_slot(item, sets))
        opened = False
    return tuple(before), tuple(after), tuple(preps)


def _slot(word: str, sets: dict[str, frozenset[str]]) -> frozenset[str]:
    if word.startswith("&"):
        return sets.get(word.rstrip("_"), frozenset())  # an unknown set never matches
    forms: set[str] = set()
    for alternative in word.split("/"):
        forms |= _forms(alternative)
    return frozenset(forms)


def _type(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


@cache
def table() -> tuple[dict[str, tuple[_Verb, ...]], dict[str, tuple[_Pattern, ...]]]:
    """(first word of a verb → its entries, multi-word first; block → its patterns)."""
    rows = read_table("cameo_verbs.tsv")
    sets: dict[str, frozenset[str]] = {}
    for row in rows:
        if row[0] == "set":
            heads: set[str] = set()
            for member in row[2].split("|"):
                heads |= _forms(member.split()[-1])
            sets[row[1]] = frozenset(heads)
    verbs: dict[str, list[_Verb]] = {}
    patterns: dict[str, list[_Pattern]] = {}
    for row in rows:
        if row[0] == "verb":
            words = tuple(row[2].split())
            verbs.setdefault(words[0], []).append(_Verb(row[1], words, row[3], _type(row[4])))
        elif row[0] == "pattern" and not row[3].startswith(":"):
            before, after, preps = _slots(row[2], sets)
            pattern = _Pattern(
                row[2], row[3], _type(row[4]), before, after, preps, _bare_preps(row[2])
            )
            patterns.setdefault(row[1], []).append(pattern)
    return (
        {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in verbs.items()},
        {k: tuple(v) for k, v in patterns.items()},
    )


def _words(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    for token in tokens:
        out.add(token.lower_)
        out.add(token.lemma_.lower())
    return out


def _dated(child: Token) -> bool:
    """ "in 2004", "on Monday": a preposition whose object is a date says when, not what."""
    return child.dep_ == "prep" and any(
        o.ent_type_ in ("DATE", "TIME") for o in child.children if o.dep_ == "pobj"
    )


def _after(token: Token) -> set[str]:
    """Forms and lemmas of what follows the verb in the parse: its non-subject dependents
    (dated prepositional phrases left out). In a passive the pattern's object is the
    patient ("the hostages were released", "a photo released by the ministry") and the
    "by" phrase is the source, not what follows."""
    passive = [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        passive.append(token.head)
    skip = _NOT_AFTER | ({"agent"} if passive or _has_auxpass(token) else set())
    tokens = [t for c in token.children if c.dep_ not in skip and not _dated(c) for t in c.subtree]
    tokens += [t for p in passive for t in (p.subtree if p.head.i == token.i else [p])]
    return _words(tokens)


def _has_auxpass(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


def _preps(token: Token) -> set[str]:
    """Prepositions and particles on the verb or its direct object (no dated phrases)."""
    heads = [token, *(c for c in token.children if c.dep_ in ("dobj", "attr", "oprd"))]
    return {
        c.lower_
        for head in heads
        for c in head.children
        if c.dep_ in ("prep", "prt", "agent", "dative") and not _dated(c)
    }


def _before(token: Token) -> set[str]:
    tokens = [t for c in token.children if c.dep_ in ("nsubj", "csubj") for t in c.subtree]
    return _words(tokens)


def cameo_match(token: Token) -> CameoMatch | None:
    """What the CAMEO table says of verb ``token``; None when it does not list the verb."""
    verbs, patterns = table()
    entries = verbs.get(token.lemma_.lower())
    if not entries:
        return None
    children = _words(list(token.children))
    verb = next((e for e in entries if all(w in children for w in e.words[1:])), None)
    if verb is None:
        return None
    after: set[str] | None = None
    before: set[str] | None = None
    preps: set[str] | None = None
    best: _Pattern | None = None
    for pattern in patterns.get(verb.block, ()):
        if best is not None and pattern.size <= best.size:
            continue
        if pattern.after:
            after = _after(token) if after is None else after
            if not all(slot & after for slot in pattern.after):
                continue
        if pattern.preps:
            preps = _preps(token) if preps is None else preps
            if not all(slot & preps for slot in pattern.preps):
                continue
        if pattern.before:
            before = _before(token) if before is None else before
            if not all(slot & before for slot in pattern.before):
                continue
        best = pattern
    name = " ".join(verb.words)
    if best is not None and best.size < 1 and verb.plover is not None:
        best = None  # a bare "(TO)" does not outweigh the verb's own code
    if best is not None:
        return CameoMatch(best.plover, best.code, name, best.text, verb.block)
    return CameoMatch(verb.plover, verb.code, name, None, verb.block)
