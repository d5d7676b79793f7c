"""newsfuse: raw news articles in, one deduplicated, source-attributed database of stories,
events, actors and claims out."""

__version__ = "0.1.0"

from newsfuse.annotate.actors import resolve_actor

__all__ = ["__version__", "resolve_actor"]
