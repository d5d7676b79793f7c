"""Stages as typed callables, and a runner that checks what each one returns.

Each stage declares the artifact type it reads and the types it may write; the
runner refuses anything else and names the stage that broke the contract.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsfuse.clean import clean_document
from newsfuse.errors import StageError
from newsfuse.model import Article, RawDocument, Reject


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Any], Any]
    reads: type | tuple[type, ...]
    writes: type | tuple[type, ...]

    def __call__(self, artifact: Any) -> Any:
        if not isinstance(artifact, self.reads):
            raise StageError(
                f"stage {self.name!r} reads {_names(self.reads)}, got {type(artifact).__name__}"
            )
        result = self.func(artifact)
        if not isinstance(result, self.writes):
            raise StageError(
                f"stage {self.name!r} must return {_names(self.writes)}, "
                f"returned {type(result).__name__}; this is a bug in that stage"
            )
        return result


def _names(types: type | tuple[type, ...]) -> str:
    types = types if isinstance(types, tuple) else (types,)
    return " or ".join(t.__name__ for t in types)


CLEAN = Stage("clean", clean_document, reads=RawDocument, writes=(Article, Reject))
