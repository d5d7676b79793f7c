"""Which reader handles which file, and how files are opened.

A reader is registered for one or more suffixes. Two kinds exist:

* whole-document readers take the decoded text of a file (bounded by
  :data:`MAX_DOCUMENT_BYTES`) and yield documents;
* streaming readers (``streaming=True``) take an iterator of decoded lines and
  yield documents as they go, so a file of any size is read in bounded memory.

New formats (WARC, feeds) only need a module that registers itself here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from newsfuse.model import RawDocument
from newsfuse.readers.decode import LEGACY_ENCODINGS, decode_text
from newsfuse.readers.limits import MAX_DOCUMENT_BYTES

__all__ = [
    "LEGACY_ENCODINGS",
    "MAX_DOCUMENT_BYTES",
    "READERS",
    "DecodedLines",
    "OverlongLine",
    "ReaderSpec",
    "register_reader",
    "supported_suffixes",
    "take_notes",
]

ReaderFunc = Callable[..., Iterator[Any]]

_BLANK_RUN = 2**16


@dataclass(frozen=True)
class ReaderSpec:
    func: ReaderFunc
    suffixes: tuple[str, ...]
    streaming: bool
    binary: bool
    max_bytes: int = MAX_DOCUMENT_BYTES
    """Whole-document readers: the most bytes read (more is refused unread); line readers:
    the longest line."""


READERS: dict[str, ReaderSpec] = {}


def register_reader(
    *suffixes: str, streaming: bool = False, binary: bool = False, max_bytes: int | None = None
):
    """Register the decorated function as the reader of files ending in ``suffixes``.

    ``binary=True`` readers get the raw binary stream (for formats such as WARC
    that carry their own encodings). ``max_bytes`` lowers :data:`MAX_DOCUMENT_BYTES`
    for formats whose parser is slow.
    """

    def decorate(func: ReaderFunc) -> ReaderFunc:
        spec = ReaderSpec(
            func,
            tuple(s.lower() for s in suffixes),
            streaming,
            binary,
            max_bytes or MAX_DOCUMENT_BYTES,
        )
        for suffix in spec.suffixes:
            READERS[suffix] = spec
        return func

    return decorate


def supported_suffixes() -> list[str]:
    return sorted(READERS)


class OverlongLine(str):
    """Stands in for a line longer than the reader's limit, which was skipped, not read."""


class DecodedLines:
    """Iterate over the lines of a binary stream as text, in bounded memory.

    Lines are UTF-8; a line with a few bad bytes stays UTF-8 (they become U+FFFD); a
    line that is mostly not UTF-8 is decoded with an encoding detected on the first such
    line (cp1252 if detection fails). :attr:`notes` says so once per file. A line longer
    than ``max_line`` bytes is skipped without being kept and yields an
    :class:`OverlongLine`. :attr:`lineno` is the number of the last line yielded.
    """

    def __init__(self, stream: BinaryIO, source: str, max_line: int = MAX_DOCUMENT_BYTES) -> None:
        self.stream = stream
        self.source = source
        self.max_line = max_line
        self.notes: list[str] = []
        self.fallback: str | None = None
        self.replaced = False
        self.lineno = 0

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            first_bad = raw[exc.start]
        if self.fallback is not None:
            return raw.decode(self.fallback, errors="replace")
        where = f"{self.source}: line {self.lineno}:"
        decoded = decode_text(raw, where, LEGACY_ENCODINGS)
        if decoded.encoding == "utf-8":
            if not self.replaced and decoded.note:
                self.notes.append(decoded.note + " (Noted for the first such line only.)")
            self.replaced = True
            return decoded.text
        self.fallback = decoded.encoding
        self.notes.append(
            f"{self.source}: line {self.lineno} is not valid UTF-8 (byte 0x{first_bad:02x}); "
            f"decoded such lines as {self.fallback}. Convert the file to UTF-8 to silence this."
        )
        return decoded.text

    def _more_blank_lines(self) -> bytes:
        """Take the line breaks that follow in the buffer (at most 64 KB) without a Python
        step per line, so that a run of a million blank lines costs milliseconds."""
        peek = getattr(self.stream, "peek", None)
        if peek is None:
            return b""
        head = peek(_BLANK_RUN)[:_BLANK_RUN]
        run = len(head) - len(head.lstrip(b"\r\n"))
        if run and head[run - 1 : run] == b"\r" and run == len(head):
            run -= 1  # keep a CR whose LF is not buffered yet with its line
        return self.stream.read(run) if run else b""

    def __iter__(self) -> Iterator[str]:
        """Lines as text; a run of blank lines comes as one string of line breaks."""
        while True:
            raw = self.stream.readline(self.max_line + 1)
            if not raw:
                return
            if raw in (b"\n", b"\r\n"):
                raw += self._more_blank_lines()
                self.lineno += raw.count(b"\n")
                yield raw.decode("ascii")
                continue
            self.lineno += 1
            if len(raw) > self.max_line and not raw.endswith(b"\n"):
                while True:  # skip the rest of the line without keeping it
                    rest = self.stream.readline(2**20)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield OverlongLine("")
                continue
            if self.lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            yield self._decode(raw)


def take_notes(lines: DecodedLines, docs: Iterable[Any]) -> Iterator[Any]:
    """Attach encoding notes raised while reading to the next document yielded."""
    seen = 0
    for doc in docs:
        if len(lines.notes) > seen and isinstance(doc, RawDocument):
            doc = replace(doc, notes=doc.notes + tuple(lines.notes[seen:]))
            seen = len(lines.notes)
        yield doc
