"""Bytes to text, and a clear refusal for bytes that are not text.

The order of decisions (:func:`decode_bytes`):

1. known binary formats by their first bytes (PDF, ZIP, images, ...): refused, named;
2. a byte-order mark: UTF-8, UTF-16 or UTF-32 as it says;
3. UTF-16 without a byte-order mark (every other byte NUL): decoded, with a note;
4. a few NUL bytes in otherwise plain text: dropped, with a note; many: refused as binary;
5. UTF-8. A file that is UTF-8 except for a few bad bytes stays UTF-8: the bad bytes become
   U+FFFD, with a note. Only when the invalid sequences outnumber the valid non-ASCII
   characters is the file taken for a legacy encoding (cp1252, cp1250, ...), detected by
   charset-normalizer, with a note; a few stray bytes in ASCII text are Windows-1252
   (:data:`FEW_STRAY_BYTES`). One stray byte can no longer turn "£3bn" into "ÂŁ3bn", nor
   "£15.8m" into "｣15.8m".
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsfuse.errors import BinaryInput, EmptyInput

LEGACY_ENCODINGS = ["cp1252", "cp1250", "cp1251", "iso8859_15", "gb18030", "shift_jis", "euc_kr"]
"""Where one line is all we have to guess from, guess among the encodings news files really use."""

FEW_STRAY_BYTES = 16
"""Text that is ASCII but for this many bytes (and under 5% of them) that no UTF-8
sequence explains gives an encoding detector too little to go on (one "£" byte, 0xa3,
read as Shift JIS is "｣"): such bytes are taken as Windows-1252, the legacy encoding of
Western news and the web's default for unlabelled legacy text."""

_NON_LATIN_WORD = re.compile("[\u00c0-\u00ff]{3}")
"""Three letters in a row from the upper half of Windows-1252, in stray bytes read so: a word
of a script that writes every letter above ASCII (Cyrillic in cp1251, Greek in cp1253), not
a Western word, whose accented letters stand among ASCII ones; its encoding is detected."""

MAX_NUL_SHARE = 0.01
"""Text with more NUL bytes than this share is binary (or UTF-16/32 we could not recognise)."""

MAX_CONTROL_SHARE = 0.05
"""Text with more control characters (other than tab, newlines, form feed, escape) is binary."""

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub); unpack it or save the text first"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (b"\x1f\x8b", "gzip data; name the file with a .gz suffix so that it is decompressed"),
    (b"BZh", "bzip2 data; decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "xz data; decompress it first (unxz)"),
    (b"(\xb5/\xfd", "zstd data; decompress it first (unzstd)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file; save it as text first"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
"""First bytes of binary formats met with a text suffix, and what to say about them."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset((0, 9, 10, 12, 13, 27))
_BINARY_ADVICE = "pass a .txt, .html, .json(l), .sgm, .warc or feed file (or a .gz of one)"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


def binary_format(head: bytes) -> str | None:
    """What a known binary format's first bytes say it is, or None."""
    for magic, what in SIGNATURES:
        if head.startswith(magic):
            return what
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` for mostly-Latin UTF-16 text (every other byte NUL), else None."""
    sample = head[: 8192 - 8192 % 2]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even = sample[0::2].count(0) / pairs
    odd = sample[1::2].count(0) / pairs
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def control_share(head: bytes) -> float:
    """Share of control bytes (not counting NUL, tab, newlines, form feed, escape) in ``head``."""
    if not head:
        return 0.0
    return sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS) / len(head)


def looks_binary(data: bytes) -> bool:
    """A known binary format, many NUL bytes, or many control characters in the first 8 KB."""
    try:
        refuse_binary(data[:8192])
    except BinaryInput:
        return True
    return False


def refuse_binary(head: bytes) -> None:
    """Raise :class:`BinaryInput`, with what the data is and what to do, if ``head`` is not text."""
    what = binary_format(head)
    if what:
        raise BinaryInput(f"this is {what}, not text; {_BINARY_ADVICE}")
    if utf16_without_bom(head):
        return
    if head.count(0) > MAX_NUL_SHARE * len(head) or control_share(head) > MAX_CONTROL_SHARE:
        raise BinaryInput(f"this is binary data, not text; {_BINARY_ADVICE}")


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode ``data``; raise :class:`BinaryInput` or :class:`EmptyInput` with advice."""
    if not data.strip():
        raise EmptyInput("the file is empty; nothing to ingest")
    refuse_binary(data[:8192])
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    utf16 = utf16_without_bom(data[:8192])
    if utf16:
        return Decoded(
            data.decode(utf16, errors="replace"),
            utf16,
            f"{source}: UTF-16 text without a byte-order mark; decoded as {utf16}. "
            "Convert the file to UTF-8 to silence this.",
        )
    notes: list[str] = []
    nuls = data.count(0)
    if nuls:
        if nuls > MAX_NUL_SHARE * len(data):
            raise BinaryInput(f"this is binary data, not text (many NUL bytes); {_BINARY_ADVICE}")
        data = data.replace(b"\0", b"")
        notes.append(f"{source}: dropped {nuls} NUL byte(s), which have no place in text.")
    decoded = decode_text(data, source)
    if decoded.note:
        notes.append(decoded.note)
    return Decoded(decoded.text, decoded.encoding, " ".join(notes) or None)


def decode_text(data: bytes, source: str, candidates: list[str] | None = None) -> Decoded:
    """UTF-8, tolerating a few bad bytes; a detected legacy encoding when most are bad."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad, offset = data[exc.start], exc.start
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid >= bad:
        return Decoded(
            text,
            "utf-8",
            f"{source}: {bad} byte sequence(s) not valid UTF-8 (the first, 0x{first_bad:02x}, "
            f"at byte {offset}) replaced with U+FFFD; the rest is UTF-8. "
            "Fix those bytes to silence this.",
        )
    if (
        bad <= FEW_STRAY_BYTES
        and bad * 20 <= len(data)
        and not _NON_LATIN_WORD.search(data.decode("cp1252", errors="replace"))
    ):
        encoding = "cp1252"  # too little for a detector to judge: see FEW_STRAY_BYTES
    else:
        best = from_bytes(data, cp_isolation=candidates).best()
        encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "cp1252"
        text = data.decode(encoding, errors="replace")
    return Decoded(
        text,
        encoding,
        f"{source} is not valid UTF-8 (byte 0x{first_bad:02x} at offset {offset}); "
        f"decoded as {encoding}. Convert the file to UTF-8 to silence this.",
    )
