"""The trigger lexicon (``data/triggers.tsv``): which words signal which PLOVER event type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Trigger:
    event_type: str
    lemma: str  # "call for", "pull out", "sanction"
    pos: str  # VERB or NOUN
    mode: str | None
    needs: frozenset[str]  # object lemmas the trigger only counts with; empty = none needed

    @property
    def head(self) -> str:
        return self.lemma.split()[0]

    @property
    def particle(self) -> str | None:
        parts = self.lemma.split()
        return parts[1] if len(parts) > 1 else None


@cache
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(head lemma, POS) → the triggers starting with it (phrases first, then the bare word)."""
    text = resources.files("newsfuse").joinpath("data/triggers.tsv").read_text("utf-8")
    table: dict[tuple[str, str], list[Trigger]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), "", "", "", ""][:5]
        event_type, lemma, pos, mode, needs = (c.strip() for c in cells)
        wanted = frozenset(n for n in needs.split("|") if n and n != "*")
        trigger = Trigger(event_type, lemma, pos, mode or None, wanted)
        table.setdefault((trigger.head, pos), []).append(trigger)
    return {
        key: tuple(sorted(items, key=lambda t: -len(t.lemma.split())))
        for key, items in table.items()
    }


@cache
def mode_words() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """PLOVER type → (mode, words that signal it), most specific first (``data/modes.tsv``)."""
    text = resources.files("newsfuse").joinpath("data/modes.tsv").read_text("utf-8")
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            event_type, mode, words = line.split("\t")
            table.setdefault(event_type, []).append((mode, frozenset(words.split())))
    return {key: tuple(rows) for key, rows in table.items()}


def mode_for(event_type: str, lemmas: set[str]) -> str | None:
    """The first mode of ``event_type`` whose words occur among ``lemmas``."""
    for mode, words in mode_words().get(event_type, ()):
        if words & lemmas:
            return mode
    return None
