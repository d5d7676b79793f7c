"""Wall-clock seconds per pipeline stage in one run (``newsfuse ingest --json`` prints them).

One :class:`StageTimes` per run; ``with times.measure("store"):`` adds the time of a block
to a stage, :meth:`StageTimes.iterate` the time spent producing the items of an iterator
(a reader). Stages that run in worker processes are timed from this process: the time it
waited for them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class StageTimes:
    """Seconds spent in each named stage, in the order stages were first timed."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def measure(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def iterate(self, stage: str, items: Iterable[T]) -> Iterator[T]:
        """The items of ``items``, the time taken to produce each one counted to ``stage``."""
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self.add(stage, time.perf_counter() - started)
                return
            self.add(stage, time.perf_counter() - started)
            yield item

    def to_dict(self) -> dict[str, float]:
        """Seconds per stage, rounded to milliseconds."""
        return {stage: round(seconds, 3) for stage, seconds in self.seconds.items()}
