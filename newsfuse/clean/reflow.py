"""Undo hard wrapping: wire copy and e-mail text break lines at a fixed width.

Line-based cleaning (boilerplate stripping) needs one line per paragraph: in
hard-wrapped text every line is short and ends without punctuation, exactly
like a list of related headlines.

Hard-wrapped text may also sit at a left margin: every line after the first
indented at least as much, the first less (text cut out of indented HTML source
or a quoted block, whose first line lost its indent when the field was
trimmed). That shared indent is the margin, not a paragraph indent: only
indenting beyond it starts a paragraph.
"""

from __future__ import annotations

import itertools
import statistics

MIN_LINES = 2
MAX_WRAP_WIDTH = 132
"""Wider lines than this are paragraphs, not wrapped text: 132 columns is the widest
fixed line of print and terminal conventions (line printers, wide terminal mode)."""
CONTINUED_SHARE = 0.3
"""Hard-wrapped if this share of line breaks fall inside a sentence (the next line goes on in
lower case). Lines of similar length alone prove nothing: a list of headlines has them too."""


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` are wrapped at, or None if they do not look hard-wrapped.

    ``lines`` are measured as given: pass them without their margin (see :func:`margin`).
    """
    pairs = [(a.rstrip(), b.strip()) for a, b in itertools.pairwise(lines)]
    pairs = [(a, b) for a, b in pairs if a.strip() and b]
    if len(pairs) < MIN_LINES:
        return None
    width = int(statistics.quantiles([len(a) for a, _ in pairs], n=10)[-1])
    if width > MAX_WRAP_WIDTH or width < 30:
        return None
    continued = sum(continues(a, b) for a, b in pairs) / len(pairs)
    return width if continued >= CONTINUED_SHARE else None


def continues(line: str, following: str) -> bool:
    """``following`` goes on with the sentence ``line`` broke off: ``line`` ends without
    closing punctuation and ``following`` opens with a lower-case word (not a name such as
    "iPhone" or "eBay", which may open a headline)."""
    line, following = line.rstrip(), following.lstrip()
    word = following.split(maxsplit=1)[0] if following else ""
    return bool(line) and line[-1:] not in ".!?:;\"'”’" and word[:1].islower() and word.islower()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def margin(lines: list[str]) -> int:
    """The indent shared by every non-blank line after the first, when the first lacks it.

    A first line less indented than all the others is the mark of a trimmed field cut
    from indented text; when the first line is as indented as the rest, indents are
    taken as paragraph starts (wire copy indents each paragraph) and there is no margin.
    """
    text_lines = [line for line in lines if line.strip()]
    if len(text_lines) < 2:
        return 0
    shared = min(_indent(line) for line in text_lines[1:])
    return shared if _indent(text_lines[0]) < shared else 0


def _starts_paragraph(line: str) -> bool:
    return line[:1] in (" ", "\t") or line.lstrip()[:1] in ("•", "*", "-", "—")


def reflow(text: str) -> str:
    """Join hard-wrapped lines into one line per paragraph; other text is returned as it is.

    A line continues the previous one unless it starts a paragraph (an indent
    beyond the margin, or a bullet), or the previous one stopped well short of
    the wrap width at the end of a sentence.
    Paragraphs are separated by a blank line in the result.
    """
    shared = margin(text.split("\n"))
    lines = [line[min(shared, _indent(line)) :] for line in text.split("\n")]
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
            and (len(previous.rstrip()) >= 0.6 * width or continues(previous, line))
        )
        if joins:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            if out and out[-1].strip() and line.strip():
                out.append("")
            out.append(line.strip())
        previous = line
    return "\n".join(out)
