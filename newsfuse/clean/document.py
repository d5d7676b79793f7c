"""Turn one :class:`RawDocument` into an :class:`Article`: the clean stage proper."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from newsfuse.clean.boilerplate import StrippedText, strip_boilerplate
from newsfuse.clean.dateline import find_agency, find_dateline
from newsfuse.clean.dates import parse_published
from newsfuse.clean.html import extract_html
from newsfuse.clean.ids import check_given_id, servable_id
from newsfuse.clean.language import article_language, is_analysed, not_analysed_note
from newsfuse.clean.normalise import content_hash, one_line, tidy_text
from newsfuse.clean.page_lines import drop_update_stamps, furniture_reason
from newsfuse.clean.reflow import reflow
from newsfuse.errors import EmptyInput, InputError, TooComplex, TooLarge
from newsfuse.model import Article, Dateline, RawDocument, Reject
from newsfuse.readers.limits import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_LINES,
    MAX_META_CHARS,
    MAX_PUBLISHED_CHARS,
    MAX_URL_CHARS,
    bounded,
    quote,
)

MIN_BODY_CHARS = 80
_LEAD_PROBE = 40
"""How much of the words after a dateline finds where they stand in the cleaned body."""
"""Less body than this, once furniture is gone, is not an article..."""
MIN_BRIEF_WORDS = 5
"""...unless a dateline opens it and it has this many words: a wire brief
("LAKE FOREST, Ill. — Chicago Bears fire coach John Fox after 5-11 season."), or it has
a title and a line of prose this long ("He died of complications from his injuries")."""


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")


def _reads_as_sentence(line: str) -> bool:
    """A line of running prose: at least :data:`MIN_BRIEF_WORDS` words and two in three
    words after the first in lower case ("He died of complications from his injuries"),
    unlike a licence or menu line ("License for publishing multimedia online 0108263
    Registration Number: 130349"). Figures are prose in a line that ends as a sentence
    ends, in at most one word in four ("Two people were hurt in a crash on Route 9 near
    Albany."); in any other line they mark a code, a number or a price list."""
    words = line.split()
    if len(words) < MIN_BRIEF_WORDS:
        return False
    figures = sum(any(ch.isdigit() for ch in w) for w in words)
    if figures and (not _SENTENCE_END.search(line.strip()) or figures * 4 > len(words)):
        return False
    rest = [w for w in words[1:] if w[:1].isalpha()]
    return bool(rest) and sum(w[:1].islower() for w in rest) * 3 >= 2 * len(rest)


_SOURCE_SUFFIX = re.compile(r"(:\d+|#\d+|\[\d+\])$")
_TRAILING_CREDIT = re.compile(r"\(([^\W\d_][\w .&-]{1,30})\)\s*$")


def trailing_credit(body: str) -> str | None:
    """The agency of a sign-off such as "... in April. (ANI)" at the very end of the body."""
    match = _TRAILING_CREDIT.search(body[-200:])
    return find_agency(f"({match.group(1)})") if match else None


@dataclass
class Cleaned:
    """What a format-specific cleaner found; the metadata the input gave wins over it."""

    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    dateline: Dateline | None = None
    agency: str | None = None
    removed: list[str] = field(default_factory=list)
    unheaded: str | None = None
    """The body without the dateline header put back in it: the duplicate key is made from
    it, so a copy with another dateline, or one stored before datelines were kept in the
    text, is still the same article."""


def unpatterned_text(stripped: StrippedText) -> str:
    """When line heuristics left no body, the lines that no furniture pattern names.

    A text made only of short lines (a results table, a two-line brief) looks
    like a headline list to the stripper; it is only furniture if the lines are
    furniture by pattern ("Share this", copyright notices, ...).
    """
    kept = [
        line.text.strip()
        for line in stripped.lines
        if line.label == "boilerplate" and furniture_reason(line.text) is None
    ]
    return "\n\n".join(kept)


_ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a]")


def _plain_spaces(text: str) -> str:
    """No-break and other fixed-width spaces as plain ones: a dateline written
    "RALEIGH, N.C.\u00a0(AP)\u00a0—" is still a dateline; and no update stamp before a
    lead ("UPDATED at 3:05 p.m. BLADENSBURG, MD — ...": :func:`drop_update_stamps`)."""
    return drop_update_stamps(_ODD_SPACES.sub(" ", text))


def text_header(dateline: Dateline | None, text: str) -> str:
    """The dateline header as written in ``text`` ("TORRINGTON, Conn. (AP) —"), one line,
    from its place on (a "date 2024-12-16" stamp before the place is no part of the story)."""
    if dateline is None:
        return ""
    header = text[dateline.start : dateline.end]
    at = header.find(dateline.place) if dateline.place else -1
    return " ".join(header[max(at, 0) :].split())


def keep_dateline(header: str, body: str, lead: str = "") -> str:
    """The body with its dateline header put back, a paragraph of its own (the story's
    sentences parse as before), before ``lead`` (the words that followed it), else at the
    start: the header is cut before reflowing and stripping (it is no
    title, no furniture) but stays part of the story's text, so that its place is a place
    of the article with offsets into the stored text like any other."""
    if not header or not body or body.startswith(header):
        return body
    words = " ".join(lead.split())[:_LEAD_PROBE]
    at = body.find(words) if words else -1
    if at > 0 and body[at - 1] == "\n":
        return f"{body[:at]}{header}\n\n{body[at:]}"
    return f"{header}\n\n{body}"


def clean_text(text: str, published_hint: str | None = None) -> Cleaned:
    """Plain text: cut the dateline header out, undo hard wrapping, strip page furniture."""
    text = original = _plain_spaces(text)
    dateline = find_dateline(text, published_hint)
    lead = ""
    if dateline is not None:
        # A dateline opens the story's lead: what follows it on its line is body, however
        # short or unpunctuated ("RALEIGH, N.C. (AP) - A new report shows ..."), never a
        # title for the stripper to take.
        lead = text[dateline.end :].split("\n", 1)[0].strip()
        text = text[: dateline.start] + text[dateline.end :]
    stripped = strip_boilerplate(reflow(text))
    body = stripped.body or unpatterned_text(stripped)
    title = stripped.title
    if lead and lead not in body and furniture_reason(lead) is None:
        first = reflow(lead).strip()
        body = f"{first}\n\n{body}" if body else first
        if title and title.strip() in lead:
            title = None
    removed = [line.text for line in stripped.removed if line.text.strip() not in body]
    agency = (
        (dateline.agency if dateline else None)
        or find_agency("\n".join(removed))
        or trailing_credit(body)
    )
    return Cleaned(
        body=keep_dateline(text_header(dateline, original), body, lead),
        unheaded=body,
        title=title,
        outlet=stripped.outlet,
        published=dateline.published if dateline else None,
        dateline=dateline,
        agency=agency,
        removed=removed,
    )


def clean_html_document(html: str, url: str | None, published_hint: str | None) -> Cleaned:
    """HTML: trafilatura for text and metadata; our dateline parser on the first paragraphs."""
    page = extract_html(html, url)
    body = page.text
    if line_count(body) > MAX_ARTICLE_LINES:
        raise TooComplex(
            f"the page's text has {line_count(body):,} lines, more than the "
            f"{MAX_ARTICLE_LINES:,} one article may have; split it into articles"
        )
    body = _plain_spaces(body)
    dateline = find_dateline(body, published_hint or page.date)
    header = lead = ""
    if dateline is not None:
        header = text_header(dateline, body)
        lead = body[dateline.end :].split("\n", 1)[0]
        body = body[: dateline.start] + body[dateline.end :]
    elif page.lead:
        dateline = find_dateline(page.lead, published_hint or page.date)
    stripped = strip_boilerplate(body)
    kept = [ln.text for ln in stripped.lines if not ln.is_removed]
    if kept and page.title and kept[0].strip() == page.title.strip():
        kept = kept[1:]
    removed = [ln.text for ln in stripped.removed]
    agency = (
        (dateline.agency if dateline else None)
        or find_agency("\n".join([*removed, page.lead]))
        or trailing_credit("\n".join(kept))
    )
    return Cleaned(
        body=keep_dateline(header, "\n".join(kept), lead),
        unheaded="\n".join(kept),
        title=page.title,
        outlet=page.sitename,
        author=page.author,
        published=(dateline.published if dateline else None) or page.date,
        language=page.language,
        dateline=dateline,
        agency=agency,
        removed=removed,
    )


def default_id(source: str) -> str:
    """An id for inputs that do not give one: the file name without its suffixes."""
    if source == "<stdin>":
        return "stdin"
    base = _SOURCE_SUFFIX.sub("", source)
    name = PurePath(base).name
    for suffix in (".gz", ".jsonl", ".json", ".html", ".htm", ".txt", ".sgm", ".warc", ".arc",
                   ".rss", ".atom", ".rdf", ".feed", ".xml"):  # fmt: skip
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    line = _SOURCE_SUFFIX.search(source)
    return name + (f"-{line.group(1)[1:].strip('[]')}" if line else "")


def clean_document(raw: RawDocument) -> Article | Reject:
    """The clean stage: never raises for bad input, returns a :class:`Reject` with a reason."""
    try:
        return _clean(raw)
    except InputError as exc:
        return Reject(raw.source, bounded(str(exc)))
    except RecursionError:
        return Reject(raw.source, "nested too deeply to clean; the input is damaged or hostile")


def line_count(text: str) -> int:
    """Lines as :func:`~newsfuse.clean.page_lines.split_lines` counts them (any line break)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def check_size(raw: RawDocument) -> None:
    """Refuse a document whose cleaning would cost more than the limits allow."""
    if len(raw.content) > MAX_ARTICLE_CHARS:
        raise TooLarge(
            f"{len(raw.content):,} characters, more than the {MAX_ARTICLE_CHARS:,} one "
            "article may have; split it into articles"
        )
    if raw.kind == "text" and line_count(raw.content) > MAX_ARTICLE_LINES:
        raise TooComplex(
            f"{line_count(raw.content):,} lines, more than the {MAX_ARTICLE_LINES:,} one article "
            "may have (is it a list or a table?); split it into articles"
        )


class _Meta:
    """Metadata values made safe to store and show, with a note for each one changed."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.notes: list[str] = []

    def text(self, name: str, value: object) -> str | None:
        """One line, no control characters, at most :data:`MAX_META_CHARS`."""
        if value is None:
            return None
        clean = one_line(str(value))
        if len(clean) > MAX_META_CHARS:
            self.notes.append(
                f"{self.source}: the {name} was cut to {MAX_META_CHARS:,} characters "
                f"(it had {len(clean):,})."
            )
            clean = clean[: MAX_META_CHARS - 1] + "…"
        return clean or None

    def url(self, value: object) -> str | None:
        if value is None:
            return None
        clean = "".join(one_line(str(value)).split())
        if len(clean) > MAX_URL_CHARS:
            self.notes.append(
                f"{self.source}: dropped a URL of {len(clean):,} characters "
                f"(more than {MAX_URL_CHARS:,})."
            )
            return None
        return clean or None

    def published(self, value: object) -> str | None:
        if value is None:
            return None
        text = str(value)
        if len(text) > MAX_PUBLISHED_CHARS:
            self.notes.append(
                f"{self.source}: ignored a publication date of {len(text):,} characters."
            )
            return None
        parsed = _iso(text)
        if parsed is None and text.strip():
            self.notes.append(
                f"{self.source}: could not read the publication date {quote(text, 40)!r}; "
                "stored without one."
            )
        return parsed


def _clean(raw: RawDocument) -> Article:
    check_size(raw)
    meta = raw.meta
    given = meta.get("id")
    article_id = check_given_id(str(given)) if given else servable_id(default_id(raw.source))
    safe = _Meta(raw.source)
    hint = meta.get("published")
    hint = str(hint) if hint is not None and len(str(hint)) <= MAX_PUBLISHED_CHARS else None
    if raw.kind == "html":
        found = clean_html_document(raw.content, safe.url(meta.get("url")), hint)
    else:
        found = clean_text(raw.content, hint)
    body = tidy_text(found.body)
    title = safe.text("title", tidy_text(str(meta.get("title") or found.title or ""))) or None
    brief = (found.dateline is not None and len(body.split()) >= MIN_BRIEF_WORDS) or (
        title is not None and any(_reads_as_sentence(line) for line in body.splitlines())
    )
    if len(body) < MIN_BODY_CHARS and not brief:
        raise EmptyInput(
            f"no article text left after cleaning ({len(body)} characters)"
            + _furniture_sample(found.removed)
            + "; if this is a real article, pass its full text or HTML"
        )
    dateline = found.dateline
    language, language_note = article_language(
        body, safe.text("language", meta.get("language") or found.language)
    )
    return Article(
        id=article_id,
        source=raw.source,
        text=body,
        content_hash=content_hash(title, tidy_text(found.unheaded or "") or body),
        title=title,
        url=safe.url(meta.get("url")),
        outlet=safe.text("outlet", meta.get("outlet") or found.outlet),
        agency=safe.text("agency", meta.get("agency") or found.agency),
        author=safe.text("author", meta.get("author") or found.author),
        published=safe.published(meta.get("published")) or found.published,
        dateline_place=dateline.place if dateline else None,
        dateline_country=dateline.country if dateline else None,
        language=language,
        boilerplate=tuple(found.removed),
        notes=(*raw.notes, *safe.notes, *_language_notes(language, language_note)),
    )


def _language_notes(language: str | None, override: str | None) -> tuple[str, ...]:
    """The stored article's notes about its language: a page's claim the text overrode,
    and that the language is not analysed (the article page and ``article`` show them)."""
    notes = (override,) if override else ()
    return notes if is_analysed(language) else (*notes, not_analysed_note(language or ""))


def _furniture_sample(removed: list[str]) -> str:
    if not removed:
        return ""
    sample = " | ".join(line if len(line) <= 60 else line[:59] + "…" for line in removed[:3])
    return f"; the page held only furniture such as: {sample}"


def _iso(value: str | None) -> str | None:
    return parse_published(value) if value else None
