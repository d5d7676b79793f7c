"""Undo hard wrapping: wire copy and e-mail text break lines at a fixed width.

Line-based cleaning (boilerplate stripping) needs one line per paragraph: in
hard-wrapped text every line is short and ends without punctuation, exactly
like a list of related headlines.
"""

from __future__ import annotations

import itertools
import statistics

MIN_LINES = 2
MAX_WRAP_WIDTH = 100
"""Wider lines than this are paragraphs, not wrapped text."""
CONTINUED_SHARE = 0.3
"""Hard-wrapped if this share of line breaks fall inside a sentence (the next line goes on in
lower case). Lines of similar length alone prove nothing: a list of headlines has them too."""


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` are wrapped at, or None if they do not look hard-wrapped."""
    pairs = [(a.rstrip(), b.strip()) for a, b in itertools.pairwise(lines)]
    pairs = [(a, b) for a, b in pairs if a.strip() and b]
    if len(pairs) < MIN_LINES:
        return None
    width = int(statistics.quantiles([len(a) for a, _ in pairs], n=10)[-1])
    if width > MAX_WRAP_WIDTH or width < 30:
        return None
    continued = sum(_continues(a, b) for a, b in pairs) / len(pairs)
    return width if continued >= CONTINUED_SHARE else None


def _continues(line: str, following: str) -> bool:
    """``following`` goes on with the sentence ``line`` broke off."""
    return line[-1:] not in ".!?:;\"'”’" and following[:1].islower()


def _starts_paragraph(line: str) -> bool:
    return line[:1] in (" ", "\t") or line.lstrip()[:1] in ("•", "*", "-", "—")


def reflow(text: str) -> str:
    """Join hard-wrapped lines into one line per paragraph; other text is returned as it is.

    A line continues the previous one unless it starts a paragraph (an indent
    or a bullet), or the previous one stopped well short of the wrap width at
    the end of a sentence.
    Paragraphs are separated by a blank line in the result.
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    previous = ""
    for line in lines:
        joins = (
            out
            and line.strip()
            and previous.strip()
            and not _starts_paragraph(line)
            and (len(previous.rstrip()) >= 0.6 * width or _continues(previous.rstrip(), line))
        )
        if joins:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            if out and out[-1].strip() and line.strip():
                out.append("")
            out.append(line.strip())
        previous = line
    return "\n".join(out)
