"""Gzip decompression that cannot be turned against us: bombs, truncation and junk are errors.

:class:`BoundedGzip` reads a gzip file of any number of members (``.warc.gz`` has
one per record) and raises, instead of decompressing on for ever:

* :class:`~newsfuse.errors.TooLarge` when some :data:`RATIO_WINDOW_BYTES` of output came
  from fewer than 1/:data:`MAX_COMPRESSION_RATIO` as many input bytes (a decompression
  bomb, wherever in the file it sits), or when the whole file decompresses to more than
  :data:`MAX_DECOMPRESSED_BYTES`;
* :class:`~newsfuse.errors.Truncated` when the file ends inside a member;
* :class:`~newsfuse.errors.MalformedRecord` when the data is not gzip.

Everything decompressed before the error is handed out first, so a reader keeps the
records that precede it. Output is produced at most one read's worth at a time
(``zlib``'s ``max_length``), so memory stays bounded whatever the ratio.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from newsfuse.errors import EmptyInput, MalformedRecord, TooLarge, Truncated
from newsfuse.readers.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_DECOMPRESSED_BYTES,
    RATIO_WINDOW_BYTES,
    size,
)

_CHUNK = 64 * 2**10
_GZIP_MAGIC = b"\x1f\x8b"


class BoundedGzip(io.RawIOBase):
    """A raw binary stream of the decompressed bytes of the gzip stream ``raw``."""

    def __init__(
        self,
        raw: BinaryIO,
        *,
        max_ratio: int = MAX_COMPRESSION_RATIO,
        window: int = RATIO_WINDOW_BYTES,
        max_total: int = MAX_DECOMPRESSED_BYTES,
    ) -> None:
        self.raw = raw
        self.max_ratio, self.window, self.max_total = max_ratio, window, max_total
        self._input = b""  # compressed bytes read but not yet consumed
        self._decompressor: zlib._Decompress | None = None  # None between members
        self._members = 0
        self._read_in = 0  # compressed bytes read from ``raw``
        self.total_out = 0
        self._window_in = 0
        self._window_out = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()

    @property
    def consumed(self) -> int:
        """Compressed bytes the decompressor has taken so far."""
        return self._read_in - len(self._input)

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._decompress(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _decompress(self, limit: int) -> bytes:
        while not self._done:
            if not self._input:
                self._input = self.raw.read(_CHUNK)
                self._read_in += len(self._input)
                if not self._input:
                    self._done = True
                    if self._decompressor is not None:
                        raise Truncated(
                            "the gzip data ends early: the file is truncated (an interrupted "
                            "download or copy?); what came before was read"
                        )
                    if self._members == 0:
                        raise EmptyInput("the gzip file is empty; nothing to ingest")
                    return b""
            if self._decompressor is None and not self._start_member():
                continue
            assert self._decompressor is not None
            try:
                out = self._decompressor.decompress(self._input, limit)
            except zlib.error as exc:
                self._done = True
                raise MalformedRecord(
                    f"the gzip data is corrupt ({exc}); what came before was read"
                ) from exc
            if self._decompressor.eof:
                self._input = self._decompressor.unused_data
                self._decompressor = None
            else:
                self._input = self._decompressor.unconsumed_tail
            if out:
                self._count(len(out))
                return out
        return b""

    def _start_member(self) -> bool:
        """Begin the next gzip member; False if only zero padding was left in the input."""
        if self._members:
            self._input = self._input.lstrip(b"\0")  # some writers pad the last member
            if not self._input:
                return False
        if len(self._input) < len(_GZIP_MAGIC):
            more = self.raw.read(_CHUNK)
            self._read_in += len(more)
            self._input += more
        if not self._input.startswith(_GZIP_MAGIC):
            self._done = True
            if self._members == 0:
                raise MalformedRecord(
                    "the name ends in .gz but this is not gzip data; "
                    "remove the .gz suffix if the file is not compressed"
                )
            raise MalformedRecord(
                f"junk after gzip member {self._members} (not gzip data); "
                "the members before it were read"
            )
        self._decompressor = zlib.decompressobj(wbits=31)
        self._members += 1
        return True

    def _count(self, produced: int) -> None:
        self.total_out += produced
        out = self.total_out - self._window_out
        if out >= self.window:
            taken = self.consumed - self._window_in
            if taken * self.max_ratio < out:
                self._done = True
                raise TooLarge(
                    f"a decompression bomb: {size(taken)} of gzip data expand to over "
                    f"{size(out)}, more than {self.max_ratio} times; real text never "
                    "compresses so well; what came before was read"
                )
            self._window_out, self._window_in = self.total_out, self.consumed
        if self.total_out > self.max_total:
            self._done = True
            raise TooLarge(
                f"decompresses to more than {size(self.max_total)}; split the archive into "
                "smaller files; what came before was read"
            )


def open_gzip(raw: BinaryIO, buffer_size: int = _CHUNK) -> io.BufferedReader:
    """A buffered (``readline``-capable) stream of the decompressed bytes of ``raw``."""
    return io.BufferedReader(BoundedGzip(raw), buffer_size)
