"""The trigger lexicon (``data/triggers.tsv``): which words signal which PLOVER event type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsfuse.tables import read_table


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
    table: dict[tuple[str, str], list[Trigger]] = {}
    for event_type, lemma, pos, mode, needs in read_table("triggers.tsv"):
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
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for event_type, mode, words in read_table("modes.tsv"):
        table.setdefault(event_type, []).append((mode, frozenset(words.split())))
    return {key: tuple(rows) for key, rows in table.items()}


def mode_for(event_type: str, lemmas: set[str]) -> str | None:
    """The first mode of ``event_type`` whose words occur among ``lemmas``."""
    for mode, words in mode_words().get(event_type, ()):
        if words & lemmas:
            return mode
    return None
