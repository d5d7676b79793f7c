"""Silver event-type labels for wire-style sentences: the CAMEO verb patterns over ../shared/corpus.

    .venv/bin/python tools/silver_events.py            # parse the corpus once, cache, print counts
    .venv/bin/python tools/silver_events.py --limit 200 --cache /tmp/silver-small.jsonl.gz

The event classifier (``newsfuse/events/classifier.py``) learned from synthetic stories,
which are not written like wire copy; PLOVER's gold records are wire sentences. This
builder gives it wire sentences with a label no person wrote:

* **Sentences**: the body of every Reuters-21578 story (``../shared/corpus/reuters21578``,
  dateline left out) and of the BBC *politics* and *business* articles
  (``../shared/corpus/bbc``; sport, entertainment and tech report matches, films and gadgets,
  not interactions of political actors, and their leads already train "none"), split into
  sentences by the newsfuse spaCy pipeline. A sentence of fewer than 6 or more than 60
  words, or of which more than a quarter are numbers (price tables), is no prose and left out;
  a sentence seen before (the corpus repeats stories) too.
* **A type** (:func:`silver_label`) from the CAMEO verb-pattern table alone
  (:func:`newsfuse.events.cameo_verbs.cameo_match`): a verb whose *pattern* matched (not
  the verb's own code, which is its block's generic sense) with a PLOVER type, whose subject
  names an actor (a country, nationality, organisation or person) and so does what it acts
  on (its objects and prepositional phrases): CAMEO codes an event between two actors, the
  subject its source, as PETRARCH2 codes only with both found. Neither negated nor under a modal ("would
  agree" is a hypothetical, which PLOVER does not code). Every such verb of the sentence
  must give the same type; a sentence of two types is left out. The hand trigger lexicon of
  the rule coder does not label anything, so the classifier learns from these sentences
  what CAMEO's patterns say, in wire wording.
* **"none"**: a sentence where no verb has any PLOVER type in the CAMEO table (neither
  pattern nor the verb's own code) and the hand trigger lexicon finds no trigger: nothing in
  it says an event. Other sentences (a CAMEO verb code without a pattern, a hand trigger, a
  negated or modal match, no actor) are neither and left out.

The labelled sentences go to a cache file under /tmp (the corpus text is never stored in
the repository); :func:`select` draws a fixed, deterministic sample of them for training
(``tools/train_event_classifier.py --silver-cap``). Parsing the ~22,000 texts takes about
ten minutes on one core; later runs read the cache.

Terms: Reuters-21578 is free for research use only (Distribution 1.0: copyright Reuters
Ltd.); the BBC articles are the BBC's (all rights reserved; the dataset of Greene and
Cunningham 2006 is distributed for research). Neither licence lets weights derived from
them go into the package (see newsfuse/data/event_classifier.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.tokens import Span

from newsfuse.events.cameo_verbs import cameo_match
from newsfuse.events.triggers import match_trigger
from newsfuse.readers.sgml import parse_story

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CACHE = Path("/tmp/newsfuse-silver/silver-events-v1.jsonl.gz")
"""Where the labelled sentences are kept (outside the repository; rebuilt when absent)."""

BBC_SECTIONS = ("politics", "business")
ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
TARGET_DEPS = frozenset({"dobj", "dative", "prep", "agent", "attr", "oprd", "xcomp", "prt"})
MODALS = frozenset({"would", "could", "may", "might", "should", "must", "can", "shall", "will"})
MIN_WORDS, MAX_WORDS = 6, 60
MAX_NUMBER_SHARE = 0.25
NONE = "none"


@dataclass(frozen=True)
class Silver:
    """One labelled corpus sentence (``label`` a PLOVER type or "none")."""

    text: str
    label: str
    group: str  # the story it came from: "reuters:123", "bbc:politics/001.txt"
    verb: str = ""  # the CAMEO verb and pattern that gave the type
    pattern: str = ""
    code: str = ""


def corpus_texts(root: Path = CORPUS) -> Iterator[tuple[str, str]]:
    """(group, body text) of every Reuters story and BBC politics/business article, in a
    fixed order; Reuters without its dateline, BBC without its headline line, hard line
    breaks inside a paragraph joined."""
    for path in sorted((root / "reuters21578").glob("*.sgm"), key=lambda p: int(p.stem)):
        raw = path.read_text(encoding="latin-1")
        for story in raw.split("</REUTERS>")[:-1]:
            doc = parse_story(story + "</REUTERS>", path.name)
            content = getattr(doc, "content", None)
            if content:
                body = content[len(doc.meta.get("dateline") or "") :]
                yield f"reuters:{doc.meta['id'].removeprefix('reuters-')}", _paragraphs(body)
    for section in BBC_SECTIONS:
        for path in sorted((root / "bbc" / section).glob("*.txt")):
            lines = path.read_text(encoding="latin-1").splitlines()
            yield f"bbc:{section}/{path.name}", "\n".join(x.strip() for x in lines[1:] if x)


def _paragraphs(body: str) -> str:
    """Reuters wraps lines at 70 columns and indents a new paragraph: one line a paragraph."""
    paragraphs = re.split(r"\n(?=\s)", body.strip())
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def prose(sentence: Span) -> bool:
    """A sentence of running text: 6-60 words, at most a quarter of them numbers."""
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    return sum(t.like_num for t in words) <= MAX_NUMBER_SHARE * len(words)


def _has_actor_subject(token) -> bool:
    return any(
        t.ent_type_ in ACTOR_ENTITIES
        for c in token.children
        if c.dep_ in ("nsubj", "csubj")
        for t in c.subtree
    )


def _has_actor_target(token) -> bool:
    """An actor among what the verb acts on: its objects and prepositional phrases."""
    return any(
        t.ent_type_ in ACTOR_ENTITIES
        for c in token.children
        if c.dep_ in TARGET_DEPS
        for t in c.subtree
    )


def _hedged(token) -> bool:
    """Negated, or under a modal auxiliary ("would agree", "may attack")."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in token.children)


def silver_label(sentence: Span) -> Silver | None:
    """The CAMEO-pattern type of ``sentence``, "none", or None (no clean label): see the
    module docstring for the definition."""
    typed: list[tuple[str, object]] = []
    eventful = False  # something in CAMEO or the hand lexicon says an event may be here
    for token in sentence:
        if token.pos_ != "VERB":
            if match_trigger(token) is not None:
                eventful = True
            continue
        match = cameo_match(token)
        if match_trigger(token) is not None or (match is not None and match.plover):
            eventful = True
        if match is None or match.plover is None or match.pattern is None:
            continue
        if _hedged(token) or not (_has_actor_subject(token) and _has_actor_target(token)):
            continue
        typed.append((match.plover, match))
    text = sentence.text.strip()
    group = ""
    if typed:
        types = {plover for plover, _ in typed}
        if len(types) != 1:
            return None
        _, match = typed[0]
        return Silver(text, typed[0][0], group, match.verb, match.pattern, match.code)
    return None if eventful else Silver(text, NONE, group)


def build(root: Path = CORPUS, limit: int | None = None, log=sys.stderr) -> list[Silver]:
    """Every labelled prose sentence of the corpus (one parse of every text)."""
    from newsfuse.annotate.nlp import load_nlp

    nlp = load_nlp()
    texts = list(corpus_texts(root))[:limit]
    seen: set[str] = set()
    out: list[Silver] = []
    started = time.perf_counter()
    docs = nlp.pipe((text for _, text in texts), batch_size=32)
    for n, ((group, _), doc) in enumerate(zip(texts, docs, strict=True)):
        for sentence in doc.sents:
            text = sentence.text.strip()
            if text in seen or not prose(sentence):
                continue
            seen.add(text)
            silver = silver_label(sentence)
            if silver is not None:
                out.append(Silver(**{**asdict(silver), "group": group}))
        if n % 1000 == 999:
            print(
                f"{n + 1}/{len(texts)} texts, {len(out)} sentences labelled, "
                f"{time.perf_counter() - started:.0f} s",
                file=log,
                flush=True,
            )
    return out


def load(cache: Path = CACHE, root: Path = CORPUS) -> list[Silver]:
    """The labelled sentences, from ``cache`` or built (and cached) when it is absent."""
    if cache.is_file():
        with gzip.open(cache, "rt", encoding="utf-8") as stream:
            return [Silver(**json.loads(line)) for line in stream]
    sentences = build(root)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".part")
    with gzip.open(tmp, "wt", encoding="utf-8") as stream:
        for silver in sentences:
            stream.write(json.dumps(asdict(silver)) + "\n")
    tmp.replace(cache)
    return sentences


def _key(silver: Silver) -> int:
    return zlib.crc32(silver.text.encode("utf-8"))


def select(sentences: list[Silver], cap: int, none: int) -> list[Silver]:
    """At most ``cap`` sentences of each type and ``none`` of "none", a fixed sample
    (lowest CRC-32 of the text first), in a fixed order."""
    by_label: dict[str, list[Silver]] = {}
    for silver in sentences:
        by_label.setdefault(silver.label, []).append(silver)
    out: list[Silver] = []
    for label in sorted(by_label):
        items = sorted(by_label[label], key=lambda s: (_key(s), s.text))
        out.extend(items[: none if label == NONE else cap])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--limit", type=int, help="only the first N texts (no cache written)")
    parser.add_argument("--show", type=int, default=0, help="print N sentences of each type")
    args = parser.parse_args(argv)
    if not (CORPUS / "reuters21578").is_dir():
        print(f"missing {CORPUS}: ../shared must be beside the repository", file=sys.stderr)
        return 2
    started = time.perf_counter()
    sentences = build(limit=args.limit) if args.limit else load(args.cache)
    counts = Counter(s.label for s in sentences)
    print(f"{len(sentences)} labelled sentences in {time.perf_counter() - started:.0f} s")
    for label, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        patterns = Counter(f"{s.verb} {s.pattern}" for s in sentences if s.label == label)
        top = ", ".join(f"{p} ({c})" for p, c in patterns.most_common(4))
        print(f"  {label:12} {count:6}  {top if label != NONE else ''}")
        for silver in select([s for s in sentences if s.label == label], args.show, args.show):
            print(f"      {silver.group}: {silver.text[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
