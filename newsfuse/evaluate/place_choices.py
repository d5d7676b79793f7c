"""What the context resolver chose between namesakes, recorded while an evaluation runs.

Measurement only (``benchmarks/place_miss_kinds.py``, ``tools/fit_namesake_weights.py``):
:func:`namesake_choices` wraps the resolver's entry point and its scored choice for the
length of a ``with`` block and restores them after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import newsfuse.annotate.mentions as mentions
import newsfuse.geo.context as context
from newsfuse.geo.geonames import Entry

T = TypeVar("T")


@contextmanager
def namesake_choices(
    describe: Callable[[list[Entry], str, tuple[Any, ...]], T],
) -> Iterator[dict[str, dict[str, T]]]:
    """Per article text, per name the score chose a namesake for: ``describe(namesakes,
    name, score arguments)`` of its last choice (called when the choice is made)."""
    seen: dict[str, dict[str, T]] = {}
    current: dict[str, T] = {}
    resolve, choose = mentions.resolve_in_context, context._choose

    def recorded_resolve(found: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal current
        current = seen.setdefault(text, {})
        return resolve(found, text, *args, **kwargs)

    def recorded_choose(found: list[Entry], key: str, *args: Any) -> Entry:
        current[key] = describe(list(found), key, args)
        return choose(found, key, *args)

    mentions.resolve_in_context = recorded_resolve  # type: ignore[assignment]
    context._choose = recorded_choose  # type: ignore[assignment]
    try:
        yield seen
    finally:
        mentions.resolve_in_context = resolve  # type: ignore[assignment]
        context._choose = choose  # type: ignore[assignment]
