"""An EntityRuler in front of spaCy's NER: our gazetteer wins where the small model errs.

Examples of what it fixes: DPRK tagged ORG, Kursk tagged PRODUCT, Kyiv missed,
"resolutions 1718 (2006)" read as dates.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from newsfuse.annotate.gazetteer import names
from newsfuse.tables import read_table

if TYPE_CHECKING:
    from spacy.language import Language

RULER_NAME = "newsfuse_entities"


@cache
def phrase_patterns() -> tuple[tuple[str, str], ...]:
    """(label, phrase) pairs from ``data/entities.tsv``."""
    return tuple((label, phrase) for label, phrase in read_table("entities.tsv"))


# "resolution 2270", "resolutions 1718 (2006), 1874 (2009), and 2270 (2016)": laws, not dates.
_RESOLUTION_NUMBER = [{"TEXT": {"REGEX": r"^\d{3,4}$"}}]
_YEAR_IN_PARENS = [{"ORTH": "("}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}, {"ORTH": ")"}]
RESOLUTION_PATTERNS = [
    {
        "label": "LAW",
        "pattern": [
            {"LOWER": {"IN": ["resolution", "resolutions"]}},
            *_RESOLUTION_NUMBER,
            *[{**tok, "OP": "?"} for tok in _YEAR_IN_PARENS],
            {"TEXT": {"IN": [",", "and", ", and"]}, "OP": "*"},
            *[{**tok, "OP": "?"} for tok in _RESOLUTION_NUMBER],
            *[{**tok, "OP": "?"} for tok in _YEAR_IN_PARENS],
            {"TEXT": {"IN": [",", "and"]}, "OP": "*"},
            *[{**tok, "OP": "?"} for tok in _RESOLUTION_NUMBER],
            *[{**tok, "OP": "?"} for tok in _YEAR_IN_PARENS],
        ],
    }
]


ENTITY_LABELS = {
    "country": "GPE",
    "capital": "GPE",
    "demonym": "NORP",
    "org": "ORG",
    "person": "PERSON",
}
_AMBIGUOUS_WORDS = frozenset(
    {"Male", "Victoria", "Hamilton", "Kingston", "Georgia", "Jordan", "Chad"}
)
"""Names that are also common words or given names: left to the statistical model."""


def gazetteer_patterns() -> list[dict]:
    """Every name in our tables, as spelled there, with the entity label its kind implies."""
    patterns = []
    for entry in names().values():
        if entry.name not in _AMBIGUOUS_WORDS:
            patterns.append({"label": ENTITY_LABELS[entry.kind], "pattern": entry.name})
    return patterns


def add_entity_ruler(nlp: Language) -> None:
    """Put our patterns before the statistical NER (which then keeps them)."""
    if RULER_NAME in nlp.pipe_names:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before=before,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    patterns = [{"label": label, "pattern": phrase} for label, phrase in phrase_patterns()]
    ruler.add_patterns(gazetteer_patterns() + patterns + RESOLUTION_PATTERNS)  # type: ignore[attr-defined]
