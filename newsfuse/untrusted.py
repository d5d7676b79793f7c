"""Showing untrusted text (article fields, reject sources and reasons) safely.

Article text comes from anywhere. Wherever newsfuse shows it, the text stays data:

* on a terminal, :func:`visible` writes control characters and bidi formatting
  characters as escapes (``\\x1b``, ``\\u202e``), so nothing moves the cursor, recolours
  the screen or reorders a line;
* in JSON, :func:`inert_json` escapes the same characters the JSON way (``\\u001b``), so
  the output parses to exactly the stored text and is still harmless on a terminal;
* in CSV, :func:`csv_cell` guards cells a spreadsheet would run as a formula;
* in HTML (the templates' ``finalize``), :func:`html_bidi` drops bidi embeddings and
  overrides and balances isolates, so no value can reorder its own letters or the page
  around it (the JSON twins keep the exact text).
"""

from __future__ import annotations

import json
import re
from typing import Any

BIDI_EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
BIDI_ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI
BIDI_POP_ISOLATE = "\u2069"  # PDI
BIDI_MARKS = "\u200e\u200f\u061c"  # LRM RLM ALM: no scope, but invisible
BIDI_CONTROLS = BIDI_EMBEDDINGS + BIDI_ISOLATES + BIDI_POP_ISOLATE + BIDI_MARKS
LINE_SEPARATORS = "\u2028\u2029"

# C0 controls but newline and tab, DEL and C1 controls, bidi controls, Unicode line breaks.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + LINE_SEPARATORS + "]"
)
# What json.dumps(ensure_ascii=False) leaves raw that a terminal could act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + LINE_SEPARATORS + "]")
_HTML_BIDI = re.compile("[" + BIDI_EMBEDDINGS + BIDI_ISOLATES + BIDI_POP_ISOLATE + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object) -> str:
    """``value`` as text for a terminal: control and bidi characters written as escapes.

    Newlines and tabs stay; everything else a terminal could interpret (ESC, CR,
    backspace, C1 controls such as CSI) or that reorders text (U+202E) is shown as
    ``\\x1b`` / ``\\u202e``.
    """
    text = value if isinstance(value, str) else str(value)
    return _TERMINAL_UNSAFE.sub(_escape, text)


def inert_json(data: Any, **options: Any) -> str:
    """``json.dumps`` (UTF-8 text kept) with DEL, C1, bidi and line-separator characters
    escaped as ``\\uXXXX``: it parses to exactly the same data."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: one starting (after blanks) with ``=``,
    ``+``, ``-``, ``@`` (or their full-width forms), a tab or a line break gets a leading
    ``'``. Numbers, and strings that are plain numbers ("-3.5"), are left alone.

    The one formula guard of every CSV newsfuse writes (``export``, ``--csv``, the web).
    """
    if not isinstance(value, str):
        return value
    head = value.lstrip(" ")
    if head.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value.strip()):
        return "'" + value
    return value


def html_bidi(value: Any) -> Any:
    """A template value with no bidi embedding or override and only balanced isolates.

    Embeddings and overrides (U+202A-U+202E) are dropped: they make text read in
    another order than it is stored ("\\u202enodnol" shows as "london") and leak into
    the rest of the line when left open. Isolates (U+2066-U+2069) are kept where they
    pair up, unmatched closers are dropped and open ones are closed at the end of the
    value, so no value can change the direction of anything around it. Other values
    pass unchanged. Used as the Jinja ``finalize`` of the web templates.
    """
    if not isinstance(value, str) or not _HTML_BIDI.search(value):
        return value
    out: list[str] = []
    depth = 0
    for char in value:
        if char in BIDI_EMBEDDINGS:
            continue
        if char in BIDI_ISOLATES:
            depth += 1
        elif char == BIDI_POP_ISOLATE:
            if not depth:
                continue
            depth -= 1
        out.append(char)
    return type(value)("".join(out) + BIDI_POP_ISOLATE * depth)
