"""Strip page furniture from plain-text news pages, line by line.

A page copied as text from a news site carries more than the article: a site
banner, the headline, a dateline, advertisements, share buttons, lists of
related headlines and a copyright notice. :func:`strip_boilerplate` labels
every input line and keeps the article body.

It works in three passes:

1. Each line gets features (:mod:`~newsfuse.clean.page_lines`): blank or not,
   a furniture pattern from ``newsfuse/data/boilerplate_patterns.txt``, whether
   it reads as prose (a sentence, or a long line), whether it looks like a dateline.
2. Runs of consecutive non-blank lines ("blocks") are checked for headline
   lists: two or more short lines that are not sentences.
3. The first and last prose lines outside headline lists bound the body.
   Before it come banner (a domain such as "SpaceWar.com - ...", or a short
   masthead the page's furniture repeats), title and header lines (datelines,
   bylines, section labels); after it, everything that is not blank is
   trailing furniture, except lists the body leads into ("...were:") and
   bullet lists right after it. Inside it, lines are body or heading, except
   pattern furniture and headline lists introduced by a "Related" style
   heading or made of three or more unbulleted short lines.

Lines are split on ``\\n``, ``\\r\\n`` and ``\\r`` only (a trailing newline
does not start a new line), so line numbers match what an editor shows.
The design prefers keeping a doubtful line to dropping a sentence of the
article: a line that reads as a sentence is only removed by an explicit
furniture pattern or as part of a headline list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newsfuse.clean.page_lines import (
    ABBREVIATION_END,
    LONG_LINE_WORDS,
    MAX_PATTERN_WORDS,
    MIN_LEAD_IN_WORDS,
    SENTENCE_END,
    blocks_of,
    furniture_reason,
    is_headline_list,
    is_prose_line,
    line_features,
    load_patterns,
    looks_like_dateline,
    parse_patterns,
    split_lines,
)
from newsfuse.clean.reflow import continues

__all__ = [
    "KEPT_LABELS",
    "LONG_LINE_WORDS",
    "MAX_PATTERN_WORDS",
    "MAX_QUESTION_TITLE_WORDS",
    "MAX_TITLE_CHARS",
    "MAX_TITLE_WORDS",
    "MIN_LEAD_IN_WORDS",
    "MIN_MIDBODY_LIST",
    "REMOVED_LABELS",
    "Label",
    "StrippedText",
    "TextLine",
    "furniture_reason",
    "load_patterns",
    "looks_like_dateline",
    "parse_patterns",
    "split_lines",
    "strip_boilerplate",
]

Label = Literal["title", "banner", "header", "body", "heading", "blank", "boilerplate"]

MAX_TITLE_WORDS = 25
MAX_QUESTION_TITLE_WORDS = 15
MAX_TITLE_CHARS = 200

MIN_MIDBODY_LIST = 3
"""Unintroduced lists of short lines inside the body are dropped from this length."""

KEPT_LABELS = frozenset({"body", "heading"})
REMOVED_LABELS = frozenset({"boilerplate", "banner"})

_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"'”’)\]]*(\s*\([^()]{1,40}\))?\s*$")
_TITLE_PUNCTUATION_END = re.compile(r"([?!]|\.\.\.|…)[\"'”’)\]]*\s*$")
_BYLINE = re.compile(r"^(by|written by|reporting by)\s+(?-i:[A-Z])[^.!?]{1,80}$", re.IGNORECASE)
_BANNER = re.compile(
    r"^(?P<outlet>(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6})"
    r"(?:\s+[-–—|:•·]\s+(?P<tagline>[^.!?]{1,80}))?$"
)
_MAX_NAV_WORDS = 3
_MAX_MASTHEAD_WORDS = 4
_MAX_SECTION_LABEL_WORDS = 2


@dataclass(frozen=True)
class TextLine:
    """One input line with what :func:`strip_boilerplate` decided about it."""

    number: int
    """1-based line number in the input."""
    text: str
    """The line exactly as it was in the input, without its line break."""
    label: Label
    reason: str | None = None
    """For removed lines: why (e.g. "advertisement", "related-headlines block")."""

    @property
    def is_removed(self) -> bool:
        """Page furniture: labelled ``boilerplate``, or the site ``banner``."""
        return self.label in REMOVED_LABELS

    @property
    def is_kept(self) -> bool:
        """Part of the article text: a ``body`` or ``heading`` line."""
        return self.label in KEPT_LABELS


@dataclass(frozen=True)
class StrippedText:
    """The labelled lines of a page, with the headline and outlet found on it."""

    lines: tuple[TextLine, ...]
    title: str | None
    """The headline, if the page has one before the body."""
    outlet: str | None
    """The outlet named by a site banner ("SpaceWar.com"), else None."""

    @property
    def body(self) -> str:
        """Body and heading lines; paragraphs separated by one blank line."""
        paragraphs: list[list[str]] = []
        previous_kept = False
        for line in self.lines:
            if line.is_kept:
                if not previous_kept:
                    paragraphs.append([])
                paragraphs[-1].append(line.text.strip())
            previous_kept = line.is_kept
        return "\n\n".join("\n".join(p) for p in paragraphs).strip()

    @property
    def removed(self) -> tuple[TextLine, ...]:
        """The furniture lines: boilerplate and the site banner."""
        return tuple(line for line in self.lines if line.is_removed)


_BROKEN_OFF = re.compile(r"(?<![\w'’-])(?:a|an|the|and|or|nor|of)$")
"""A line ending on an article, a coordinating conjunction or "of" breaks off a phrase."""


class _Labeller:
    """Holds the per-line state of one run of :func:`strip_boilerplate`."""

    def __init__(self, raw_lines: list[str]) -> None:
        self.raw = raw_lines
        self.features = [line_features(line) for line in raw_lines]
        self.labels: list[Label | None] = [None] * len(raw_lines)
        self.reasons: list[str | None] = [None] * len(raw_lines)
        self.blocks = blocks_of(self.features)
        self.block_of = {i: n for n, block in enumerate(self.blocks) for i in block}
        self.wrapped = self._wrapped_lines()
        self.wrapped_prose = self._wrapped_sentences()
        self.wrapped_sentences = True
        """False on a page with no sentence of its own: wrapping then changes nothing."""
        self.headline_blocks = {n for n, block in enumerate(self.blocks) if self._list_block(block)}
        self.title: str | None = None
        self.outlet: str | None = None

    def _wrapped_lines(self) -> set[int]:
        """Lines that break off a sentence the next line goes on with.

        The next line goes on in lower case, or the line ends on a word no sentence or
        headline ends on ("the", "of", "and"). Such a line is hard-wrapped body text:
        never a title, never a headline in a list.
        """
        wrapped: set[int] = set()
        for i in range(len(self.features) - 1):
            here, after = self.features[i], self.features[i + 1]
            plain = not (here.furniture or here.dateline or after.furniture or after.dateline)
            broken = continues(here.text, after.text) or bool(_BROKEN_OFF.search(here.text))
            if not here.blank and not after.blank and plain and broken:
                wrapped.add(i)
        return wrapped

    def _wrapped_sentences(self) -> set[int]:
        """The lines of wrapped runs that, joined, end as a sentence ("... officials" + "say.").

        Unlike a single line, a run is not prose for its length alone: table notes and
        figures wrapped mid-phrase are long too.
        """
        prose: set[int] = set()
        start = 0
        for i in range(len(self.features)):
            if i in self.wrapped:
                continue
            if i > start:  # lines start..i are one wrapped run
                joined = " ".join(f.text for f in self.features[start : i + 1])
                if SENTENCE_END.search(joined) and not ABBREVIATION_END.search(joined):
                    prose.update(range(start, i + 1))
            start = i + 1
        return prose

    def _list_block(self, block: list[int], wrapped: bool = True) -> bool:
        """A headline list; with ``wrapped``, a block holding a wrapped sentence is none."""
        if wrapped and any(i in self.wrapped for i in block):
            return False
        members = [f for f in (self.features[i] for i in block) if not (f.furniture or f.dateline)]
        return is_headline_list(members)

    def _set(self, index: int, label: Label, reason: str | None = None) -> None:
        self.labels[index] = label
        self.reasons[index] = reason

    def run(self) -> StrippedText:
        """Label every line and return the result."""
        for index, feature in enumerate(self.features):
            if feature.blank:
                self._set(index, "blank")
            elif feature.furniture:
                self._set(index, "boilerplate", feature.furniture)
        first, last = self._body_bounds()
        self._label_head(first)
        self._label_tail(last)
        self._label_body(first, last)
        lines = tuple(
            TextLine(i + 1, raw, self.labels[i] or "body", self.reasons[i])
            for i, raw in enumerate(self.raw)
        )
        return StrippedText(lines=lines, title=self.title, outlet=self.outlet)

    def _body_bounds(self) -> tuple[int, int]:
        """Indexes of the first and last body line (first > last when there is no body).

        Wrapped sentences (see :meth:`_wrapped_sentences`) bound the body too, but only on
        a page with some line that is a sentence by itself outside any list of short lines:
        a page of figures with a wrapped note is kept whole, as a page with no sentence is.
        """
        sized = {
            i
            for i, f in enumerate(self.features)
            if not f.blank and is_prose_line(f, len(self.blocks[self.block_of[i]]))
        }
        line_lists = {n for n, block in enumerate(self.blocks) if self._list_block(block, False)}
        if all(self.block_of[i] in line_lists for i in sized):
            self.wrapped_sentences = False
            return self._bounds_without_prose()
        prose = sorted(
            i for i in sized | self.wrapped_prose if self.block_of[i] not in self.headline_blocks
        )
        first, last = prose[0], self._extend_over_list(prose[-1])
        if self._is_question_title(first, prose):
            first = prose[1]
        return first, last

    def _is_question_title(self, first: int, prose: list[int]) -> bool:
        """A headline ending in "?", "!" or "..." at the top of the page, before more prose."""
        if len(prose) < 2 or not _TITLE_PUNCTUATION_END.search(self.features[first].text):
            return False
        earlier = [i for i in range(first) if self.labels[i] is None]
        before = [i for i in earlier if not self._head_line(i)]
        feature = self.features[first]
        return not before and feature.words <= MAX_QUESTION_TITLE_WORDS and self._title_ok(first)

    def _head_line(self, index: int) -> bool:
        """A banner or dateline/byline line that may stand above a headline."""
        feature = self.features[index]
        return bool(_BANNER.match(feature.text) or feature.dateline or _BYLINE.match(feature.text))

    def _bounds_without_prose(self) -> tuple[int, int]:
        """No sentence anywhere: keep everything after the head lines as body."""
        unlabelled = [i for i, label in enumerate(self.labels) if label is None]
        if not unlabelled:
            return len(self.raw), -1
        head = self._head_candidates(unlabelled)
        rest = [i for i in unlabelled if i not in head]
        if not rest:
            return len(self.raw), -1
        return rest[0], rest[-1]

    def _head_candidates(self, unlabelled: list[int]) -> set[int]:
        """Without prose: the banner/dateline/title lines at the very top."""
        head: set[int] = set()
        for i in unlabelled:
            feature = self.features[i]
            banner = i == unlabelled[0] and _BANNER.match(feature.text)
            if banner or feature.dateline or _BYLINE.match(feature.text):
                head.add(i)
            elif self._title_ok(i):
                head.add(i)
                break
            else:
                break
        return head

    def _extend_over_list(self, last: int) -> int:
        """Lists that end the article stay with it.

        After a lead-in ending in a colon ("The winners were:") the next block
        is kept whatever it holds; after that, blocks made only of bullet
        lines are kept too. A furniture line stops the extension.
        """
        after_colon = self.features[last].colon_end
        while (index := self._next_non_blank(last + 1)) is not None:
            if self.labels[index] is not None:
                break
            block = [i for i in self.blocks[self.block_of[index]] if i >= index]
            lines = [i for i in block if self.labels[i] is None]
            bullets = all(self.features[i].bullet for i in block)
            if not (after_colon or bullets) or len(lines) != len(block):
                break
            last, after_colon = block[-1], False
        return last

    def _next_non_blank(self, index: int) -> int | None:
        while index < len(self.raw) and self.features[index].blank:
            index += 1
        return index if index < len(self.raw) else None

    # -- head -----------------------------------------------------------------

    def _label_head(self, first: int) -> None:
        """Banner, navigation, title and header lines before the first body line."""
        head = [i for i in range(min(first, len(self.raw))) if self.labels[i] is None]
        head = self._label_navigation(head)
        if head and (match := _BANNER.match(self.features[head[0]].text)):
            self._set(head[0], "banner", "site banner")
            self.outlet = match.group("outlet").removeprefix("www.")
            head = head[1:]
        elif self._is_masthead(head):
            self._set(head[0], "banner", "site banner")
            self.outlet = self.features[head[0]].text
            head = head[1:]
        title = self._pick_title(head)
        for i in head:
            self._set(i, "title" if i == title else "header")
        if title is not None:
            self.title = self.features[title].text

    def _pick_title(self, head: list[int]) -> int | None:
        """The first title-like head line; a one- or two-word section label above it loses."""
        candidates = [i for i in head if self._title_ok(i)]
        for n, i in enumerate(candidates):
            is_last = n == len(candidates) - 1
            if is_last or self.features[i].words > _MAX_SECTION_LABEL_WORDS:
                return i
        return None

    def _label_navigation(self, head: list[int]) -> list[int]:
        """Menus at the top: blocks of three or more one-to-three-word lines."""
        remaining = []
        for i in head:
            block = [j for j in self.blocks[self.block_of[i]] if self.labels[j] is None]
            menu = len(block) >= 3 and all(
                self.features[j].words <= _MAX_NAV_WORDS and not self.features[j].prose
                for j in block
            )
            if menu:
                self._set(i, "boilerplate", "navigation")
            else:
                remaining.append(i)
        return remaining

    def _is_masthead(self, head: list[int]) -> bool:
        """A short name above the headline that the page's furniture repeats.

        "Valley Courier" on top, "More from Valley Courier" or "© 2025 Valley
        Courier" further down: the first line names the site, not the story.
        """
        candidates = [i for i in head if self._title_ok(i)]
        if len(candidates) < 2 or candidates[0] != head[0]:
            return False
        name = self.features[head[0]].text.casefold()
        if self.features[head[0]].words > _MAX_MASTHEAD_WORDS:
            return False
        furniture = (f.text.casefold() for f in self.features if f.furniture)
        return any(re.search(rf"\b{re.escape(name)}\b", text) for text in furniture)

    def _title_ok(self, index: int) -> bool:
        """Could line ``index`` be a headline? Not if it is a wrapped line of a sentence."""
        feature = self.features[index]
        text = feature.text
        return (
            index not in self.wrapped
            and not feature.dateline
            and not _BYLINE.match(text)
            and not (_FULL_STOP_END.search(text) and not feature.abbreviation_end)
            and feature.words <= MAX_TITLE_WORDS
            and len(text) <= MAX_TITLE_CHARS
        )

    # -- tail -----------------------------------------------------------------

    def _label_tail(self, last: int) -> None:
        """Everything left after the last body line is trailing furniture."""
        for i in range(max(last + 1, 0), len(self.raw)):
            if self.labels[i] is None:
                block = self.blocks[self.block_of[i]]
                reason = "related-headlines block" if len(block) > 1 else "trailing furniture"
                self._set(i, "boilerplate", reason)

    # -- body -----------------------------------------------------------------

    def _label_body(self, first: int, last: int) -> None:
        """Body, headings and in-body headline lists between the body bounds."""
        for block in self.blocks:
            inside = [i for i in block if first <= i <= last and self.labels[i] is None]
            if not inside:
                continue
            if self._drop_list(inside):
                for i in inside:
                    self._set(i, "boilerplate", "related-headlines block")
                continue
            single = len(inside) == 1 and len(block) == 1
            for i in inside:
                feature = self.features[i]
                heading = single and not feature.prose and not feature.abbreviation_end
                self._set(i, "heading" if heading else "body")

    def _drop_list(self, inside: list[int]) -> bool:
        """An in-body list goes when a "Related" heading introduces it or it is long and bare."""
        if self.wrapped_sentences and any(i in self.wrapped for i in inside):
            return False  # a sentence wrapped over lines, not a list
        members = [self.features[i] for i in inside]
        if self._introduced(inside[0]):
            return is_headline_list(members) or (len(members) == 1 and not members[0].prose)
        return (
            is_headline_list(members)
            and len(members) >= MIN_MIDBODY_LIST
            and not any(m.bullet for m in members)
        )

    def _introduced(self, start: int) -> bool:
        """Is the line before ``start`` (skipping blanks) a related/read-more heading?"""
        index = start - 1
        while index >= 0 and self.features[index].blank:
            index -= 1
        if index < 0:
            return False
        feature = self.features[index]
        reason = feature.furniture  # a pattern heading, not a list dropped by this pass
        if feature.colon_end:
            return reason in {"related-headlines block", "read more"}
        limit = {"related-headlines block": 6, "read more": 3}.get(reason or "", 0)
        return feature.words <= limit


def strip_boilerplate(text: str) -> StrippedText:
    """Label every line of a plain-text news page and keep the article body.

    Never raises for any string. Lines are numbered from 1; see the module
    docstring for how lines are split and labelled.
    """
    return _Labeller(split_lines(text)).run()
