"""``newsfuse watch``: follow folders and RSS/Atom feeds, ingesting what arrives until
stopped. See :mod:`newsfuse.watch.loop` (the cycle and what it guarantees),
:mod:`newsfuse.watch.folders` (when a file is read) and :mod:`newsfuse.watch.feeds`
(conditional requests, back-off, items seen before)."""

from newsfuse.watch.feeds import backoff_delay
from newsfuse.watch.folders import is_settled
from newsfuse.watch.loop import (
    CycleReport,
    Watcher,
    WatchOptions,
    check_feed_url,
    read_feed_list,
    stop_on_signals,
)

__all__ = [
    "CycleReport",
    "WatchOptions",
    "Watcher",
    "backoff_delay",
    "check_feed_url",
    "is_settled",
    "read_feed_list",
    "stop_on_signals",
]
