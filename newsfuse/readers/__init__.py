"""Read paths, globs, directories and stdin into :class:`RawDocument` objects.

Importing this package registers every reader; see :mod:`newsfuse.readers.registry`.

:func:`read_file` never raises for bad input: every file ends as documents, rejects, or
both, and a file that yields nothing becomes a reject. Reasons and notes are short and
bounded (:data:`~newsfuse.readers.limits.MAX_REASON_CHARS`); the limits that bound the
cost of one input are in :mod:`newsfuse.readers.limits`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from newsfuse.errors import InputError, TooLarge
from newsfuse.model import RawDocument, Reject
from newsfuse.readers import feeds, formats, sgml, warc  # noqa: F401  (they register themselves)
from newsfuse.readers.compressed import open_gzip
from newsfuse.readers.decode import decode_bytes, refuse_binary
from newsfuse.readers.limits import MAX_REASON_CHARS, bounded, quote, size
from newsfuse.readers.paths import Skipped, expand_paths, open_regular
from newsfuse.readers.registry import (
    READERS,
    DecodedLines,
    ReaderSpec,
    supported_suffixes,
    take_notes,
)

__all__ = ["Skipped", "expand_paths", "read_bytes", "read_file", "read_paths", "supported_suffixes"]

_SNIFF_BYTES = 4096


def _suffix(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return Path(lower).suffix


def _sniff(head: bytes) -> str:
    """Guess a format for a nameless input (stdin, files without a suffix)."""
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        return ".jsonl" if head.count(b"\n{") or head.count(b"}\n") else ".json"
    if start.startswith(b"["):
        return ".json"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return ".html"
    if start.startswith(b"<!doctype lewis") or b"<reuters" in start:
        return ".sgm"
    if start.startswith(b"warc/"):
        return ".warc"
    feed_tags = (b"<rss", b"<feed", b"<rdf:rdf")
    if start.startswith((b"<?xml", *feed_tags)) and any(
        t in head[:2048].lower() for t in feed_tags
    ):
        return ".rss"
    return ".txt"


def _read_bounded(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(
            f"larger than {size(limit)}, too big for one article; "
            "split it, or put one article per line in a .jsonl file, which is streamed"
        )
    return data


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of ``stream`` without consuming them (it must be buffered)."""
    peek = getattr(stream, "peek", None)
    return peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if peek else b""


def _run_reader(spec: ReaderSpec, stream: BinaryIO, source: str) -> Iterator[RawDocument | Reject]:
    if spec.binary:
        yield from spec.func(stream, source)
    elif spec.streaming:
        refuse_binary(_head(stream))
        lines = DecodedLines(stream, source, spec.max_bytes)
        yield from take_notes(lines, spec.func(lines, source))
    else:
        decoded = decode_bytes(_read_bounded(stream, spec.max_bytes), source)
        for doc in spec.func(decoded.text, source):
            if decoded.note and isinstance(doc, RawDocument):
                doc = replace(doc, notes=(*doc.notes, decoded.note))
            yield doc


def _unsupported(suffix: str) -> str:
    return (
        f"no reader for '{quote(suffix, 20)}' files; supported: "
        + ", ".join(s for s in supported_suffixes() if s)
        + " (and .gz of any of these)"
    )


def _safe(item: RawDocument | Reject) -> RawDocument | Reject:
    """Reasons and notes short, on one line, without control characters."""
    if isinstance(item, Reject):
        reason = bounded(item.reason)
        return item if reason == item.reason else replace(item, reason=reason)
    if any(len(n) > MAX_REASON_CHARS for n in item.notes):
        return replace(item, notes=tuple(bounded(n) for n in item.notes))
    return item


def _guarded(items: Iterator[RawDocument | Reject], source: str) -> Iterator[RawDocument | Reject]:
    """``items``, then a reject for whatever stopped them; a reject if there were none.

    Readers turn bad records into rejects themselves; this catches what they cannot
    (a damaged stream, a library failing on hostile input), keeping what came before.
    """
    count = 0
    try:
        for item in items:
            count += 1
            yield _safe(item)
    except InputError as exc:
        count += 1
        yield Reject(source, bounded(str(exc)))
    except PermissionError:
        count += 1
        yield Reject(
            source, "permission denied; make the file readable (chmod +r) and ingest it again"
        )
    except IsADirectoryError:
        count += 1
        yield Reject(source, "is a directory where a file was expected")
    except RecursionError:
        count += 1
        yield Reject(source, "nested too deeply to read; the input is damaged or hostile")
    except MemoryError:
        count += 1
        yield Reject(source, "too large to read in memory; split it into smaller files")
    except (OSError, EOFError) as exc:
        count += 1
        yield Reject(
            source,
            bounded(
                f"cannot read the file ({quote(exc)}); check that it is complete and not corrupt"
            ),
        )
    except Exception as exc:  # a library failing on input it was not made for
        count += 1
        yield Reject(
            source,
            bounded(
                f"cannot read the file ({type(exc).__name__}: {quote(exc)}); it may be damaged; "
                "what came before was read (if the file is sound, please report this)"
            ),
        )
    if count == 0:
        yield Reject(
            source,
            "the file holds no articles (it is empty or only blank lines); nothing to ingest",
        )


def read_bytes(
    data: bytes, source: str, suffix: str | None = None
) -> Iterator[RawDocument | Reject]:
    """Read documents from bytes in memory (stdin, HTTP bodies); the suffix is sniffed if not given."""
    suffix = suffix or _sniff(data[:_SNIFF_BYTES])
    spec = READERS.get(suffix)
    if spec is None:
        yield Reject(source, _unsupported(suffix))
        return
    stream = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
    yield from _guarded(_run_reader(spec, stream, source), source)


def _open(path: str) -> BinaryIO:
    stream = open_regular(path)
    if path.lower().endswith(".gz"):
        return open_gzip(stream)
    return stream


def _read_path(path: str, source: str, suffix: str | None) -> Iterator[RawDocument | Reject]:
    if path == "-":
        yield from read_bytes(
            _read_bounded(sys.stdin.buffer, READERS[".txt"].max_bytes), source, suffix
        )
        return
    suffix = suffix or _suffix(path)
    spec = READERS.get(suffix) if suffix else None
    if suffix and spec is None:
        yield Reject(source, _unsupported(suffix))
        return
    with _open(path) as stream:
        if spec is None:
            spec = READERS[_sniff(_head(stream))]
        yield from _run_reader(spec, stream, source)


def read_file(path: str, suffix: str | None = None) -> Iterator[RawDocument | Reject]:
    """Documents in one file (or ``-`` for stdin); any failure becomes a :class:`Reject`."""
    source = "<stdin>" if path == "-" else path
    yield from _guarded(_read_path(path, source, suffix), source)


def read_paths(paths: Iterable[str], suffix: str | None = None) -> Iterator[RawDocument | Reject]:
    """Every document under ``paths`` (files, directories, globs, ``-``), in a stable order."""
    for item in expand_paths(paths):
        if isinstance(item, Reject):
            yield item
        else:
            yield from read_file(item, suffix)
