"""Watching folders: which files are new or changed, and settled enough to read.

Each poll lists the files under the watched folders (recursively, with the rules of
``newsfuse ingest``: hidden entries and non-regular files are left out), plus names
that look like a download or an editor's work in progress (:data:`PARTIAL_SUFFIXES`).

A file is read when it is **settled**: its last write is at least ``settle`` seconds
old, and its size and modification time are what the previous poll saw (when a poll
saw it before). A file still being written keeps changing both, so it is never read
half-way; a writer that pauses longer than ``settle`` mid-file is the one case this
cannot see: write to a hidden or ``.part`` name and rename when done.

A settled file is read if its size or modification time differ from the record of
its last reading; its content hash then decides (a file touched but unchanged is not
read again). A changed file is read whole again: the articles already stored come
back as duplicates of themselves and are not stored twice.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.readers.paths import walk_directory
from newsfuse.store.watch import FileRecord

PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".swp", "~")
"""Names writers use while a file is incomplete; such files are not read."""

Stat = tuple[int, int]
"""A file's (size, modification time in ns)."""


def is_settled(previous: Stat | None, current: Stat, *, now: float, settle: float) -> bool:
    """Whether a file seen as ``current`` at ``now`` (``previous``: what the poll before
    saw, None if none did) is finished: no write for ``settle`` seconds, and no change
    since the previous poll."""
    last_write = current[1] / 1e9
    if now - last_write < settle:
        return False
    return previous is None or previous == current


def content_hash(path: str, chunk: int = 2**20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while block := stream.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def list_files(folders: Iterable[str]) -> Iterator[str]:
    """Regular files under ``folders`` that could hold articles, in a stable order, by
    absolute path (the records stay valid whatever directory a restart runs in)."""
    for folder in folders:
        top = Path(folder).expanduser().absolute()
        if top.is_file():
            yield str(top)
            continue
        if not top.is_dir():
            continue
        for item in walk_directory(top):
            if isinstance(item, str) and not item.lower().endswith(PARTIAL_SUFFIXES):
                yield item


@dataclass(frozen=True)
class Ready:
    """A settled file not as last read, and the record to save once it is stored;
    ``changed`` is False for a file touched but holding the bytes read before."""

    path: str
    record: FileRecord
    changed: bool = True


@dataclass
class FolderWatch:
    """The files of ``folders`` that are new or changed since they were last read."""

    folders: list[str]
    settle: float = 2.0
    _seen: dict[str, Stat] = field(default_factory=dict)

    def poll(self, records: dict[str, FileRecord], *, now: float) -> tuple[list[Ready], int]:
        """Files to read now (settled, and not as last read), and how many files changed
        but are not settled yet. ``records``: what was read before, by path."""
        ready: list[Ready] = []
        waiting = 0
        seen: dict[str, Stat] = {}
        for path in list_files(self.folders):
            try:
                info = os.stat(path)
            except OSError:  # gone between the listing and now
                continue
            current = (info.st_size, info.st_mtime_ns)
            seen[path] = current
            record = records.get(path)
            if record is not None and (record.size, record.mtime_ns) == current:
                continue
            if not is_settled(self._seen.get(path), current, now=now, settle=self.settle):
                waiting += 1
                continue
            try:
                digest = content_hash(path)
            except OSError:
                digest = ""  # unreadable: the read stage says why, as a reject
            changed = record is None or not digest or record.content_hash != digest
            ready.append(Ready(path, FileRecord(path, *current, digest), changed))
        self._seen = seen
        return ready, waiting
