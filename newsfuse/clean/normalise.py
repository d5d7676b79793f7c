"""Text normalisation shared by cleaning and duplicate detection."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)")
"""Terminal escape sequences (colours, cursor moves, window titles), and a lone ESC."""
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]+")
_PAGE_BREAKS = re.compile(r"[\x0b\x0c]")
_C1 = re.compile(r"[\x80-\x9f]")


def _windows_1252(char: str) -> str:
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: none assigned
        return char


_C1_AS_1252 = {chr(code): _windows_1252(chr(code)) for code in range(0x80, 0xA0)}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_MANY_BLANKS = re.compile(r"\n{3,}")


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences and control characters (NUL, C0, DEL, C1).

    Tabs and line breaks stay; vertical tabs and form feeds become line breaks. No text
    from an article can then move a cursor or recolour a terminal; bidirectional
    formatting characters are kept (they belong to right-to-left text and are isolated
    where text is shown).

    C1 characters are first read as the Windows-1252 characters their code is in that
    encoding ("NORWICH \\x96 Few details" is "NORWICH – Few details"): news text holds no
    C1 controls, only Windows-1252 bytes a reader took for Latin-1 upstream. Those
    Windows-1252 leaves unassigned are controls and go.
    """
    if _C1.search(text):
        text = _C1.sub(lambda m: _C1_AS_1252[m.group(0)], text)
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    return _CONTROL_CHARS.sub("", _PAGE_BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """A metadata value (outlet, author, ...) on one line: no controls, single spaces."""
    return " ".join(strip_controls(text).split())


def tidy_text(text: str) -> str:
    """No control characters, NFC, one space between words, at most one blank line between
    paragraphs."""
    text = strip_controls(text)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip()


def fingerprint_text(text: str) -> str:
    """Lower-case words only: what stays the same across re-encodings, re-wrapping and re-punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def content_hash(title: str | None, body: str) -> str:
    """The exact-duplicate key: a hash of the normalised title and body."""
    key = fingerprint_text(title or "") + "\n" + fingerprint_text(body)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
