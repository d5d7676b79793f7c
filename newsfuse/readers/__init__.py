"""Read paths, globs, directories and stdin into :class:`RawDocument` objects.

Importing this package registers every reader; see :mod:`newsfuse.readers.registry`.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsfuse.errors import InputError, TooLarge
from newsfuse.model import RawDocument, Reject
from newsfuse.readers import feeds, formats, sgml, warc  # noqa: F401  (they register themselves)
from newsfuse.readers.decode import decode_bytes
from newsfuse.readers.registry import (
    MAX_DOCUMENT_BYTES,
    READERS,
    DecodedLines,
    ReaderSpec,
    supported_suffixes,
    take_notes,
)

__all__ = ["expand_paths", "read_bytes", "read_paths", "supported_suffixes"]

_GLOB_CHARS = set("*?[")


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


def expand_paths(paths: Iterable[str]) -> Iterator[str | Reject]:
    """Files to read, in a stable order: directories recursively, globs expanded, ``-`` kept."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield Reject(raw, "the directory holds no files; nothing to ingest")
            yield from (str(p) for p in found)
        elif path.exists():
            yield str(path)
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(os.path.expanduser(raw), recursive=True))
            if not matches:
                yield Reject(raw, "the pattern matches no file; check the pattern and quote it")
            for match in matches:
                if Path(match).is_dir():
                    yield from expand_paths([match])
                else:
                    yield match
        else:
            yield Reject(raw, "no such file or directory; check the path")


def _open_binary(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _read_bounded(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise TooLarge(
            f"larger than {MAX_DOCUMENT_BYTES // 2**20} MB, too big for one article; "
            "split it, or put one article per line in a .jsonl file, which is streamed"
        )
    return data


def _run_reader(spec: ReaderSpec, stream: BinaryIO, source: str) -> Iterator[RawDocument | Reject]:
    if spec.binary:
        yield from spec.func(stream, source)
    elif spec.streaming:
        lines = DecodedLines(stream, source)
        yield from take_notes(lines, spec.func(lines, source))
    else:
        decoded = decode_bytes(_read_bounded(stream, source), source)
        for doc in spec.func(decoded.text, source):
            if decoded.note and isinstance(doc, RawDocument):
                doc = RawDocument(
                    doc.source, doc.kind, doc.content, doc.meta, (*doc.notes, decoded.note)
                )
            yield doc


def read_bytes(
    data: bytes, source: str, suffix: str | None = None
) -> Iterator[RawDocument | Reject]:
    """Read documents from bytes in memory (stdin, HTTP bodies); the suffix is sniffed if not given."""
    suffix = suffix or _sniff(data[:4096])
    spec = READERS.get(suffix)
    if spec is None:
        yield Reject(source, _unsupported(suffix))
        return
    try:
        yield from _run_reader(spec, io.BytesIO(data), source)
    except InputError as exc:
        yield Reject(source, str(exc))


def _unsupported(suffix: str) -> str:
    return (
        f"no reader for '{suffix}' files; supported: "
        + ", ".join(s for s in supported_suffixes() if s)
        + " (and .gz of any of these)"
    )


def read_file(path: str, suffix: str | None = None) -> Iterator[RawDocument | Reject]:
    """Documents in one file (or ``-`` for stdin); any failure becomes a :class:`Reject`."""
    source = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            yield from read_bytes(_read_bounded(sys.stdin.buffer, source), source, suffix)
            return
        suffix = suffix or _suffix(path)
        if suffix == "":
            with _open_binary(path) as stream:
                suffix = _sniff(stream.read(4096))
        spec = READERS.get(suffix)
        if spec is None:
            yield Reject(source, _unsupported(suffix))
            return
        with _open_binary(path) as stream:
            yield from _run_reader(spec, stream, source)
    except InputError as exc:
        yield Reject(source, str(exc))
    except PermissionError:
        yield Reject(
            source, "permission denied; make the file readable (chmod +r) and ingest it again"
        )
    except IsADirectoryError:
        yield Reject(source, "is a directory where a file was expected")
    except (gzip.BadGzipFile, EOFError, OSError) as exc:
        yield Reject(
            source, f"cannot read the file ({exc}); check that it is complete and not corrupt"
        )


def read_paths(paths: Iterable[str], suffix: str | None = None) -> Iterator[RawDocument | Reject]:
    """Every document under ``paths`` (files, directories, globs, ``-``), in a stable order."""
    for item in expand_paths(paths):
        if isinstance(item, Reject):
            yield item
        else:
            yield from read_file(item, suffix)
