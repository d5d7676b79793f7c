"""A small stop-word language guess, for inputs that do not say their language."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for on with was as by at from it said has have were a an are"
        " be this or but not their its will been they he she we which also after".split()
    ),
    "de": frozenset(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine".split()
    ),
    "fr": frozenset(
        "le la les de des et en un une du est que pour dans qui sur au par pas".split()
    ),
    "es": frozenset("el la los las de y en que del se por un una para con no es al".split()),
    "it": frozenset("il di che la e per un una in del della sono non le gli si al".split()),
    "pt": frozenset("o a os as de e do da em um uma para com não que no na se".split()),
    "nl": frozenset("de het een en van in is dat op te zijn met voor niet aan er".split()),
}


def guess_language(text: str, sample: int = 3000) -> str | None:
    """ISO 639-1 code of the language whose function words cover most of ``text``, or None."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if len(words) < 8:
        return None
    scores = {lang: sum(w in stop for w in words) / len(words) for lang, stop in STOPWORDS.items()}
    lang, score = max(scores.items(), key=lambda item: item[1])
    return lang if score >= 0.12 else None
