"""Text normalisation shared by cleaning and duplicate detection."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_MANY_BLANKS = re.compile(r"\n{3,}")


def tidy_text(text: str) -> str:
    """NFC, one space between words, at most one blank line between paragraphs."""
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
