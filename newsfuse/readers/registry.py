"""Which reader handles which file, and how files are opened.

A reader is registered for one or more suffixes. Two kinds exist:

* whole-document readers take the decoded text of a file (bounded by
  :data:`MAX_DOCUMENT_BYTES`) and yield documents;
* streaming readers (``streaming=True``) take an iterator of decoded lines and
  yield documents as they go, so a file of any size is read in bounded memory.

New formats (WARC, feeds) only need a module that registers itself here.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

MAX_DOCUMENT_BYTES = 20 * 2**20
"""No single article is bigger than this; a larger file or line is refused, not read."""

LEGACY_ENCODINGS = ["cp1252", "cp1250", "cp1251", "iso8859_15", "gb18030", "shift_jis", "euc_kr"]
"""Where one line is all we have to guess from, guess among the encodings news files really use."""

ReaderFunc = Callable[..., Iterator[Any]]


@dataclass(frozen=True)
class ReaderSpec:
    func: ReaderFunc
    suffixes: tuple[str, ...]
    streaming: bool
    binary: bool


READERS: dict[str, ReaderSpec] = {}


def register_reader(*suffixes: str, streaming: bool = False, binary: bool = False):
    """Register the decorated function as the reader of files ending in ``suffixes``.

    ``binary=True`` readers get the raw binary stream (for formats such as WARC
    that carry their own encodings).
    """

    def decorate(func: ReaderFunc) -> ReaderFunc:
        spec = ReaderSpec(func, tuple(s.lower() for s in suffixes), streaming, binary)
        for suffix in spec.suffixes:
            READERS[suffix] = spec
        return func

    return decorate


def supported_suffixes() -> list[str]:
    return sorted(READERS)


class OverlongLine(str):
    """Stands in for a line longer than :data:`MAX_DOCUMENT_BYTES`, which was skipped, not read."""


class DecodedLines:
    """Iterate over the lines of a binary stream as text, in bounded memory.

    Lines are UTF-8; a line that is not is decoded with an encoding detected on
    it (cp1252 if detection fails), and :attr:`notes` says so once per file.
    """

    def __init__(self, stream: BinaryIO, source: str) -> None:
        self.stream = stream
        self.source = source
        self.notes: list[str] = []
        self.fallback: str | None = None
        self.lineno = 0

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if self.fallback is None:
                best = from_bytes(raw, cp_isolation=LEGACY_ENCODINGS).best()
                self.fallback = best.encoding if best is not None else "cp1252"
                try:
                    codecs.lookup(self.fallback)
                except LookupError:
                    self.fallback = "cp1252"
                self.notes.append(
                    f"{self.source}: line {self.lineno} is not valid UTF-8 "
                    f"(byte 0x{raw[exc.start]:02x}); decoded such lines as {self.fallback}. "
                    "Convert the file to UTF-8 to silence this."
                )
            return raw.decode(self.fallback, errors="replace")

    def __iter__(self) -> Iterator[str]:
        while True:
            raw = self.stream.readline(MAX_DOCUMENT_BYTES + 1)
            if not raw:
                return
            self.lineno += 1
            if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
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
    from dataclasses import replace

    from newsfuse.model import RawDocument

    seen = 0
    for doc in docs:
        if len(lines.notes) > seen and isinstance(doc, RawDocument):
            doc = replace(doc, notes=doc.notes + tuple(lines.notes[seen:]))
            seen = len(lines.notes)
        yield doc
