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
