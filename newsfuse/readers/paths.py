"""Which files a list of paths names, and opening one of them safely.

Policy for what a directory holds (every entry is read or accounted for, never silently
dropped):

* regular files, and symbolic links to regular files, are read, in a stable order;
* sub-directories are walked; symbolic links to directories are not followed (so a link
  loop cannot make the walk endless): they are :class:`Skipped`;
* hidden entries (name starting with ``.``: ``.DS_Store``, ``.git``) are :class:`Skipped`,
  one record for a hidden directory, not one per file in it; name a hidden file on the
  command line to read it;
* FIFOs, sockets and devices, dangling links and link loops are :class:`Skipped` with what
  they are.

A :class:`Skipped` is a :class:`~newsfuse.model.Reject` (stored as one, with a reason that
starts with "skipped:"), so a caller that knows only rejects still records it.

A path named on the command line that is not a regular file (a FIFO, a device) is refused
when it is opened (:func:`open_regular`), without blocking: a FIFO with no writer would
otherwise wait for ever.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsfuse.errors import InputError, NotRegularFile
from newsfuse.model import Reject
from newsfuse.readers.limits import quote

_GLOB_CHARS = set("*?[")


class Skipped(Reject):
    """An entry of a directory that was deliberately not read, and why (see the module doc)."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _link_problem(path: str) -> str | None:
    """Why following the link ``path`` fails (dangling or looping), or None if it resolves."""
    try:
        os.stat(path)
    except FileNotFoundError:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if len(target) > 60:
            target = "…/" + os.path.basename(target)
        return (
            f"a dangling symbolic link (to {quote(target)}, which does not exist); fix or remove it"
        )
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop (the link leads back to itself); fix or remove it"
        return f"a symbolic link that cannot be followed ({quote(exc.strerror)})"
    return None


def _entry(entry: os.DirEntry[str]) -> str | Skipped | Path:
    """A file to read (str), a sub-directory to walk (Path), or why the entry is skipped."""
    path = entry.path
    if entry.name.startswith("."):
        what = "directory" if entry.is_dir(follow_symlinks=False) else "file"
        return Skipped(
            path,
            f"skipped: a hidden {what} (its name starts with '.'); "
            "name it on the command line to ingest it",
        )
    try:
        if entry.is_symlink():
            problem = _link_problem(path)
            if problem:
                return Skipped(path, f"skipped: {problem}")
            mode = os.stat(path).st_mode
            if stat.S_ISREG(mode):
                return path
            if stat.S_ISDIR(mode):
                return Skipped(
                    path,
                    "skipped: a symbolic link to a directory, not followed inside a directory "
                    "walk; name its target on the command line to ingest it",
                )
            return Skipped(path, f"skipped: a link to {file_kind(mode)}, not a regular file")
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as exc:
        return Skipped(path, f"skipped: cannot look at it ({quote(exc.strerror)})")
    if stat.S_ISDIR(mode):
        return Path(path)
    if stat.S_ISREG(mode):
        return path
    return Skipped(path, f"skipped: {file_kind(mode)}, not a regular file")


def walk_directory(top: Path) -> Iterator[str | Reject]:
    """Files under ``top`` in a stable order (sorted by path), with a :class:`Skipped` for
    every entry not read; a reject if nothing in it can be read."""
    found: list[tuple[Path, str | Reject]] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            found.append(
                (folder, Skipped(str(folder), f"skipped: cannot list it ({quote(exc.strerror)})"))
            )
            continue
        for entry in listed:
            item = _entry(entry)
            if isinstance(item, Path):
                folders.append(item)
            else:
                found.append((Path(entry.path), item))
    found.sort(key=lambda pair: pair[0])
    if not any(isinstance(item, str) for _, item in found):
        yield Reject(str(top), "the directory holds no files to read; nothing to ingest")
    yield from (item for _, item in found)


def expand_paths(paths: Iterable[str]) -> Iterator[str | Reject]:
    """Files to read, in a stable order: directories recursively, globs expanded, ``-`` kept."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw).expanduser()
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            problem = _link_problem(str(path)) if path.is_symlink() else None
            yield Reject(raw, problem or f"cannot look at it ({quote(exc.strerror)})")
            continue
        if mode is not None and stat.S_ISDIR(mode):
            yield from walk_directory(path)
        elif mode is not None:
            yield str(path)
        elif path.is_symlink():
            yield Reject(raw, _link_problem(str(path)) or "a symbolic link that cannot be followed")
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(os.path.expanduser(raw), recursive=True))
            if not matches:
                yield Reject(raw, "the pattern matches no file; check the pattern and quote it")
            for match in matches:
                yield from expand_paths([match])
        else:
            yield Reject(raw, "no such file or directory; check the path")


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for binary reading if it is a regular file; :class:`NotRegularFile` if not.

    The file is opened non-blocking and checked on the open descriptor, so a FIFO is
    refused at once (and a file swapped for a FIFO after a check cannot slip through).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = file_kind(mode)
            if stat.S_ISDIR(mode):
                raise InputError("is a directory where a file was expected")
            raise NotRegularFile(
                f"{kind}, not a regular file: not read (reading it could block for ever); "
                "copy its content into a file, or pipe it to `newsfuse ingest -`"
            )
        os.set_blocking(fd, True)
        return open(fd, "rb", buffering=2**16)
    except BaseException:
        os.close(fd)
        raise
