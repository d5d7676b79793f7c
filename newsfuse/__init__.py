"""newsfuse: raw news articles in, one deduplicated, source-attributed database of stories,
events, actors and claims out."""

__version__ = "0.1.0"

from typing import Any

from newsfuse.annotate.actors import resolve_actor

__all__ = ["__version__", "code_sentence", "resolve_actor"]


def __getattr__(name: str) -> Any:
    """``code_sentence`` loads spaCy: imported on first use, not with the package."""
    if name == "code_sentence":
        from newsfuse.events.stage import code_sentence

        return code_sentence
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
