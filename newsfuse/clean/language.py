"""Which language an article is written in, and whether newsfuse analyses it.

The identifier is py3langid (a maintained fork of langid.py, BSD; its model of 97
languages ships inside the wheel, so nothing is downloaded): a naive Bayes model over
byte n-grams, about 2 ms for a 2,000-character article. A page's own claim (HTML
``lang``, a feed's or JSON record's ``language``) is kept only where the text is too
short or too mixed for the identifier to be sure: templates declare "en" on every page.

Only English is analysed (parsed, annotated, coded): the spaCy model, the trigger
lexicon and the actor dictionaries are English. An article in another language is
stored with its text and language, and left out of those stages with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

ANALYSED: dict[str, str] = {"en": "English"}
"""Languages the annotate and code stages handle: ISO 639-1 code -> name."""

SAMPLE_CHARS = 1000  # the identifier reads this much: an article keeps its language
SURE = 0.9  # probability at which the identifier's answer beats a page's claim
MIN_CHARS = 100  # below this the identifier is not asked: a line or two says too little

NO_LANGUAGE = frozenset({"zxx"})  # the identifier's "no linguistic content"

_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


@dataclass(frozen=True)
class Identified:
    """The identifier's answer: an ISO 639-1 code and how sure it is (0-1)."""

    code: str
    probability: float


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str, sample: int = SAMPLE_CHARS) -> Identified | None:
    """The language of ``text`` (its first ``sample`` characters); None when too short."""
    text = text[:sample]
    if len(text.strip()) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(text)
    return Identified(code, float(probability))


def declared_code(value: str | None) -> str | None:
    """A declared language tag as a lower-case primary code: "en-US" -> "en"; None if
    it is no language tag at all."""
    match = _CODE.match(value or "")
    return match.group(1).lower() if match else None


def guess_language(text: str, sample: int = SAMPLE_CHARS) -> str | None:
    """ISO 639-1 code of ``text``'s language when the identifier is sure, else None."""
    found = identify(text, sample)
    return found.code if found and found.probability >= SURE else None


def article_language(text: str, declared: str | None = None) -> tuple[str | None, str | None]:
    """The language to store for an article, and a note when it overrides a claim.

    The text decides when the identifier is sure; otherwise the page's claim stands,
    and without one the language stays unknown (and is analysed): an earnings table or
    a dividend notice ("Pay April 30, Record April 16") reads as no language in
    particular, and must not be taken for Nigerian Pidgin and left out.
    """
    claim = declared_code(declared)
    found = identify(text)
    if found is None or found.probability < SURE or found.code in NO_LANGUAGE:
        return claim, None  # tables, lists of figures, a line or two: the claim, or unknown
    if claim and claim != found.code:
        note = (
            f"the page says its language is {declared!r} but the text reads as "
            f"{found.code!r} (probability {found.probability:.2f}): stored as {found.code!r}"
        )
        return found.code, note
    return found.code, None


def is_analysed(code: str | None) -> bool:
    """Whether an article in ``code`` goes through annotate and code (unknown: yes)."""
    return code is None or code in ANALYSED


def not_analysed_note(code: str) -> str:
    """What ``ingest`` and the article page say about an article that is not analysed."""
    analysed = ", ".join(f"{name} ({c})" for c, name in ANALYSED.items())
    return (
        f"language {code!r} is not analysed: the article is stored with its text but not "
        f"annotated or coded (newsfuse analyses {analysed} only)"
    )
