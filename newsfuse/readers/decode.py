"""Bytes to text: UTF-8 first, a detected encoding when that fails, and a clear refusal for binary data."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsfuse.errors import BinaryInput, EmptyInput


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode ``data``; raise :class:`BinaryInput` or :class:`EmptyInput` with advice."""
    if not data.strip():
        raise EmptyInput("the file is empty; nothing to ingest")
    if looks_binary(data):
        raise BinaryInput(
            "this is binary data, not text; pass a .txt, .html, .json(l), "
            ".sgm, .warc or feed file (or a .gz of one)"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        best = from_bytes(data).best()
        encoding = best.encoding if best is not None else "cp1252"
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            encoding = "cp1252"
            text = data.decode(encoding, errors="replace")
        note = (
            f"{source} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"decoded as {encoding}. Convert the file to UTF-8 to silence this."
        )
        return Decoded(text, encoding, note)
