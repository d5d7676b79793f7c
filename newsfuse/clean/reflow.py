"""Undo hard wrapping: wire copy and e-mail text break lines at a fixed width.

Line-based cleaning (boilerplate stripping) needs one line per paragraph: in
hard-wrapped text every line is short and ends without punctuation, exactly
like a list of related headlines.

Hard-wrapped text may also sit at a left margin: every line after the first
indented at least as much, the first less (text cut out of indented HTML source
or a quoted block, whose first line lost its indent when the field was
trimmed). That shared indent is the margin, not a paragraph indent: only
indenting beyond it starts a paragraph.

Wire copy has a convention of its own (Reuters and AP teletype text): each paragraph
opens with an indent and its wrapped lines run flush left. Where text is written so,
a flush-left line goes on with the paragraph above it whatever its first word
("... a Canadian venture\nInc said ..."), which the lower-case test cannot see.
"""

from __future__ import annotations

import itertools
import re
import statistics

MIN_LINES = 2
MAX_WRAP_WIDTH = 132
"""Wider lines than this are paragraphs, not wrapped text: 132 columns is the widest
fixed line of print and terminal conventions (line printers, wide terminal mode)."""
FULL_LINE_SHARE = 0.75
"""In indented-paragraph text, the lines a paragraph wraps after are full: their median
length is at least this share of the wrap width (a quoted block or a list is not)."""
MAX_SENTENCE_BREAK_SHARE = 0.5
"""In indented-paragraph text, a wrapped line breaks where the width runs out, seldom where a
sentence ends: no more than this share of the lines a flush-left line follows end a
sentence. Where more do, the flush-left lines are paragraphs of their own between indented
ones (quotations, list items, verse), not wrapped lines."""
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]?$")
CONTINUED_SHARE = 0.3
"""Hard-wrapped if this share of line breaks fall inside a sentence (the next line goes on in
lower case). Lines of similar length alone prove nothing: a list of headlines has them too."""


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` are wrapped at, or None if they do not look hard-wrapped.

    ``lines`` are measured as given: pass them without their margin (see :func:`margin`).
    """
    pairs = _pairs(lines)
    width = _width(lines)
    if width is None:
        return None
    continued = sum(continues(a, b) for a, b in pairs) / len(pairs)
    return width if continued >= CONTINUED_SHARE else None


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    """Each line of text with the line of text right after it."""
    pairs = [(a.rstrip(), b.strip()) for a, b in itertools.pairwise(lines)]
    return [(a, b) for a, b in pairs if a.strip() and b]


def _width(lines: list[str]) -> int | None:
    """The width lines break at (the longest but a tenth), if in the range wrapping uses."""
    pairs = _pairs(lines)
    if len(pairs) < MIN_LINES:
        return None
    width = int(statistics.quantiles([len(a) for a, _ in pairs], n=10)[-1])
    return width if 30 <= width <= MAX_WRAP_WIDTH else None


def indented_paragraphs(lines: list[str], width: int) -> bool:
    """Are ``lines`` (without their margin) wire copy with indented paragraph starts?

    Two or more paragraphs open with an indent; every flush-left line but the first follows
    a line of text (it wraps the paragraph above, it opens no block of its own); and the
    lines those wrap after are full (their median length is near ``width``) and most of them
    break inside a sentence (:data:`MAX_SENTENCE_BREAK_SHARE`).
    """
    starts = sum(1 for line in lines if line.strip() and _indent(line) > 0)
    wrapped_after: list[int] = []
    sentence_breaks = 0
    for i, line in enumerate(lines):
        if not line.strip() or _indent(line) > 0:
            continue
        previous = lines[i - 1] if i else ""
        if not previous.strip():
            if any(other.strip() for other in lines[:i]):
                return False  # a flush-left line after a blank one opens a block
            continue
        wrapped_after.append(len(previous.rstrip()))
        sentence_breaks += bool(_ENDS_SENTENCE.search(previous.rstrip()))
    return (
        starts >= MIN_LINES
        and bool(wrapped_after)
        and statistics.median(wrapped_after) >= FULL_LINE_SHARE * width
        and sentence_breaks <= MAX_SENTENCE_BREAK_SHARE * len(wrapped_after)
    )


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
        loose = _width(lines)
        if loose is not None and indented_paragraphs(lines, loose):
            return _join_flush_lines(lines)
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


def _join_flush_lines(lines: list[str]) -> str:
    """Wire copy with indented paragraph starts: each flush-left line joins the line above;
    every other line stays as it is (a table's rows are no paragraphs to be parted)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and line.strip() and _indent(line) == 0:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)
