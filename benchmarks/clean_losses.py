"""What cleaning removes from whole corpora: removed characters and removed lines that read
as sentences, per corpus and half.

For every document as ingest reads it (``newsfuse.readers``) the words of the input text
are diffed against the words ingest keeps (title + cleaned text of ``clean_document``);
the input lines whose words all went are "removed lines", the others that lost words lost
"fragments" (a dateline header cut, an update stamp). A removed line "looks like a
sentence" when it has at least 8 words, ends with final punctuation (maybe a closing quote
or bracket) and spaCy tags a verb in it: page furniture seldom does all three, a sentence
of the story does ("He was taken to a hospital in Dayton, police said."). One with the
words and the verb but no final punctuation, link or e-mail address is counted apart as an
"unpunctuated clause" ("Police said they are not releasing those details"): pages drop
full stops, and such lines are where the cleaner lost sentences. A rejected document loses
everything.

Corpora are split into fixed halves by position (even documents tune, odd ones check, in
file order); decide on the tune half, report both.

    .venv/bin/python benchmarks/clean_losses.py                 # counts, tune sentences
    .venv/bin/python benchmarks/clean_losses.py --show none     # counts only
    .venv/bin/python benchmarks/clean_losses.py --corpora bbc --show tune --all-lines
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.annotate.nlp import bare_model
from newsfuse.clean import clean_document
from newsfuse.clean.page_lines import furniture_reason
from newsfuse.model import Article, RawDocument, Reject
from newsfuse.readers import read_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = {
    "gvc": [SHARED / "eval" / "stories" / "gvc.jsonl"],
    "meantime": [SHARED / "eval" / "stories" / "meantime.jsonl"],
    "news_cluster": sorted((SHARED / "eval" / "news_cluster").glob("*.json")),
    "bbc": sorted((SHARED / "corpus" / "bbc").glob("*/*.txt")),
}
MIN_SENTENCE_WORDS = 8
_FINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\S+")
_LINK = re.compile(r"https?:|www\.|\S@\S|(?:^|\s)@\w")


@dataclass
class Removed:
    """One input line whose words cleaning removed, whole or in part."""

    doc: str
    text: str
    whole: bool
    lost: str  # the words removed from it
    sentence: bool = False
    clause: bool = False  # a sentence without final punctuation


@dataclass
class Half:
    docs: int = 0
    rejects: int = 0
    input_chars: int = 0
    removed_chars: int = 0
    lines: list[Removed] = field(default_factory=list)

    @property
    def sentences(self) -> list[Removed]:
        return [r for r in self.lines if r.sentence]

    @property
    def clauses(self) -> list[Removed]:
        return [r for r in self.lines if r.clause]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def documents(paths: list[Path]) -> Iterator[RawDocument | Reject]:
    yield from read_paths([str(p) for p in paths])


def removed_lines(raw: RawDocument, result: Article | Reject) -> list[Removed]:
    """The input lines of ``raw`` (all or some of) whose words ``result`` does not keep."""
    lines = _norm(raw.content).splitlines()
    words: list[str] = []
    line_of: list[int] = []
    for n, line in enumerate(lines):
        for word in _WORD.findall(line):
            words.append(word)
            line_of.append(n)
    kept_text = "" if isinstance(result, Reject) else f"{result.title or ''}\n{result.text}"
    kept = _WORD.findall(_norm(kept_text))
    gone = [True] * len(words)
    matcher = difflib.SequenceMatcher(None, words, kept, autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            gone[i] = False
    per_line: dict[int, list[int]] = {}
    for i, n in enumerate(line_of):
        per_line.setdefault(n, []).append(i)
    out = []
    for n, indexes in per_line.items():
        lost = [words[i] for i in indexes if gone[i]]
        if lost:
            whole = len(lost) == len(indexes)
            out.append(Removed(raw.source, lines[n].strip(), whole, " ".join(lost)))
    return out


def mark_sentences(removed: list[Removed]) -> None:
    """Mark the removed lines that look like sentences or unpunctuated clauses (see the
    module docstring)."""
    shaped = [
        r
        for r in removed
        if r.whole and len(r.lost.split()) >= MIN_SENTENCE_WORDS and not _LINK.search(r.lost)
    ]
    if not shaped:
        return
    nlp = bare_model()
    for r, doc in zip(shaped, nlp.pipe(r.lost for r in shaped), strict=True):
        verb = any(t.pos_ in ("VERB", "AUX") for t in doc)
        final = bool(_FINAL.search(r.lost.strip()))
        r.sentence, r.clause = verb and final, verb and not final


def measure(name: str) -> tuple[Half, Half]:
    halves = (Half(), Half())
    for position, raw in enumerate(documents(CORPORA[name])):
        half = halves[position % 2]
        half.docs += 1
        if isinstance(raw, Reject):
            half.rejects += 1
            continue
        result = clean_document(raw)
        half.rejects += isinstance(result, Reject)
        half.input_chars += len(raw.content)
        removed = removed_lines(raw, result)
        half.removed_chars += sum(len(r.lost) for r in removed)
        half.lines.extend(removed)
    for half in halves:
        mark_sentences(half.lines)
    return halves


def _show(lines: list[Removed], limit: int) -> None:
    for r in lines[:limit]:
        what = "line" if r.whole else "part"
        reason = furniture_reason(r.text)
        tag = f" [{reason}]" if reason else ""
        print(f"    {Path(r.doc).name}: {what}{tag}: {r.lost[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--show", choices=("tune", "check", "both", "none"), default="tune",
                        help="list the removed sentences and clauses of this half")  # fmt: skip
    parser.add_argument("--all-lines", action="store_true",
                        help="list every removed line, not only sentence-like ones")  # fmt: skip
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    names = args.corpora.split(",")
    missing = [n for n in names if not CORPORA.get(n)]
    if missing:
        sys.exit(f"no such corpus or its files are absent: {', '.join(missing)}")
    print(f"{'corpus':<13} {'half':<6} {'docs':>5} {'rejects':>7} {'removed lines':>13} "
          f"{'sentences':>9} {'unpunctuated':>12} {'removed chars':>13} {'of input':>8}")  # fmt: skip
    shown = []
    for name in names:
        for label, half in zip(("tune", "check"), measure(name), strict=True):
            whole = [r for r in half.lines if r.whole]
            share = half.removed_chars / half.input_chars if half.input_chars else 0
            print(f"{name:<13} {label:<6} {half.docs:>5} {half.rejects:>7} {len(whole):>13} "
                  f"{len(half.sentences):>9} {len(half.clauses):>12} {half.removed_chars:>13} "
                  f"{share:>8.2%}")  # fmt: skip
            if args.show in (label, "both"):
                lines = [r for r in half.lines if args.all_lines or r.sentence or r.clause]
                shown.append((name, label, lines))
    for name, label, lines in shown:
        print(f"\n{name} {label}: {len(lines)} lines")
        _show(lines, args.limit)


if __name__ == "__main__":
    main()
