"""A learned event-type classifier for a sentence or clause: PLOVER type or "none".

A multinomial logistic regression over binary features of spaCy tokens (see
:func:`features`), trained by ``tools/train_event_classifier.py`` on synthetic PLOVER
stories (Halterman 2023, ahalterman/NGEC-2025, MIT) and sentences written for newsfuse;
the weights are ``newsfuse/data/event_classifier.npz``. Inference needs numpy and the
spaCy pipeline newsfuse already loads, nothing else.

The classifier knows the PLOVER types its training data holds (see :func:`labels`) and
:data:`NONE`, for sentences that report no political event (disasters, accidents,
statements, speculation, sport, business). It is meant to help the rule coder, not to
replace it: re-rank a rule candidate's type (:func:`type_probability`) or filter a
sentence that is no event at all (:func:`event_probability`).

Features are computed from a ``Span`` or ``Doc`` the pipeline already has; plain text is
parsed with :func:`newsfuse.annotate.nlp.load_nlp` first. Names are masked by their
entity label (countries, people, organisations, dates), so a type is learned from how an
event is said, not from who did it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from newsfuse.events.nonevents import HAZARDS
from newsfuse.events.ontology import quad_class
from newsfuse.events.triggers import match_trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "NONE",
    "WEIGHTS_FILE",
    "Classifier",
    "EventClassifierResult",
    "classify",
    "event_probability",
    "features",
    "labels",
    "load_classifier",
    "predict_quad_classes",
    "predict_types",
    "type_probability",
]

NONE = "none"
"""The label of a sentence that reports no political event."""

WEIGHTS_FILE = "data/event_classifier.npz"
"""The weights inside the ``newsfuse`` package (written by tools/train_event_classifier.py)."""

FEATURE_VERSION = 2
"""The newest version of :func:`features` (bumped whenever they change); a weights file
records the version it was trained with, and is read with that version's features."""
FEATURE_VERSIONS = frozenset({1, 2})
"""Versions :func:`features` can still compute (1: words and parse; 2: also the trigger
lexicon's types)."""

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODALS = frozenset({"will", "would", "may", "might", "could", "can", "should", "must", "shall"})


def _unit(token: Token) -> str:
    """What a token contributes to n-grams: its entity label for a name, [NUM] for a
    number, else its lower-cased lemma."""
    if token.ent_type_ and token.ent_type_ not in ("ORDINAL",):
        return f"[{token.ent_type_}]"
    if token.like_num:
        return "[NUM]"
    return token.lemma_.lower()


def _is_root(token: Token, start: int, end: int) -> bool:
    return token.head.i == token.i or not start <= token.head.i < end


def features(span: Span | Doc, version: int = FEATURE_VERSION) -> list[str]:
    """The binary features of a sentence or clause (no duplicates, in a stable order).

    * ``w:`` lemma unigrams and ``b:`` bigrams, names masked by entity label (a name of
      several tokens counts once);
    * ``root:`` the lemma of each clause root (a token whose head lies outside the span)
      and of the verbs it governs as ``ccomp`` or ``conj`` ("said troops *pulled* out"),
      ``rootprt:`` root plus particle ("pull out"), ``rootobj:`` root plus the lemma of its
      direct object, ``mod:`` a modal auxiliary of the root, ``neg`` a negated root;
    * ``vp:`` every verb with its particle ("set up", "carry out");
    * from version 2, ``lex:`` the PLOVER type the coder's trigger lexicon (hand triggers,
      then CAMEO verb patterns, :func:`newsfuse.events.triggers.match_trigger`) gives a
      word in its context, and ``rootlex:`` that of a clause root: the lexicon's ~7,000
      entries reach words the training sentences never used, and the weights learn how
      far each type's triggers are to be trusted. A trigger whose subject is a natural
      hazard or an accident (:data:`newsfuse.events.nonevents.HAZARDS`) gives
      ``lex:hazard`` instead: an earthquake that strikes is no attack.
    """
    tokens = [t for t in span if not (t.is_punct or t.is_space)]
    start, end = (span.start, span.end) if hasattr(span, "start") else (0, len(span))
    units: list[str] = []
    for token in tokens:
        if token.ent_type_ and token.ent_iob_ == "I" and units and units[-1] == _unit(token):
            continue  # the rest of a multi-token name
        units.append(_unit(token))
    found: dict[str, None] = {}
    for unit in units:
        found[f"w:{unit}"] = None
    for left, right in pairwise(units):
        found[f"b:{left}_{right}"] = None
    heads = [t for t in tokens if _is_root(t, start, end)]
    # What a speaker said happened is the event: "X said troops pulled out" -> "pull".
    heads += [
        c
        for t in heads
        for c in t.children
        if c.dep_ in ("ccomp", "conj") and start <= c.i < end and c.pos_ in ("VERB", "AUX")
    ]
    for token in tokens:
        particles = [c.lemma_.lower() for c in token.children if c.dep_ == "prt"]
        if token.pos_ in ("VERB", "AUX") and particles:
            found[f"vp:{token.lemma_.lower()}_{particles[0]}"] = None
    for token in heads:
        particles = [c.lemma_.lower() for c in token.children if c.dep_ == "prt"]
        lemma = token.lemma_.lower()
        found[f"root:{lemma}"] = None
        if particles:
            found[f"rootprt:{lemma}_{particles[0]}"] = None
        for child in token.children:
            if child.dep_ == "dobj":
                found[f"rootobj:{lemma}_{_unit(child)}"] = None
            elif child.dep_ == "aux" and child.lemma_.lower() in _MODALS:
                found[f"mod:{child.lemma_.lower()}"] = None
            elif child.dep_ == "neg":
                found["neg"] = None
    if version >= 2:
        root_ids = {t.i for t in heads}
        for token in tokens:
            trigger = match_trigger(token, True)
            if trigger is not None:
                subjects = {c.lemma_.lower() for c in token.children if c.dep_ in _SUBJECTS}
                # "a storm struck the coast": a hazard acts for no one (PLOVER codes none)
                kind = "hazard" if subjects & HAZARDS else trigger.event_type
                found[f"lex:{kind}"] = None
                if token.i in root_ids:
                    found[f"rootlex:{kind}"] = None
    return list(found)


@dataclass(frozen=True)
class EventClassifierResult:
    """What the classifier says about one sentence or clause.

    ``types`` holds every label with its probability, most probable first (:data:`NONE`
    among them); ``event`` is the probability that it reports an event at all
    (1 - P(none)); ``quads`` the probability of each quad class (the sum of its types).
    """

    types: tuple[tuple[str, float], ...]
    event: float
    quads: tuple[tuple[str, float], ...]

    @property
    def top(self) -> str:
        """The most probable label (possibly :data:`NONE`)."""
        return self.types[0][0]

    @property
    def top_event_type(self) -> str:
        """The most probable PLOVER type, ignoring :data:`NONE`."""
        return next(label for label, _ in self.types if label != NONE)


class Classifier:
    """Weights of the linear model: one row per feature, one column per label."""

    def __init__(
        self,
        feature_names: list[str],
        label_names: list[str],
        coef: np.ndarray,
        intercept: np.ndarray,
        meta: dict | None = None,
    ) -> None:
        if coef.shape != (len(feature_names), len(label_names)):
            raise ValueError(f"coef has shape {coef.shape}, not features × labels")
        self.labels: tuple[str, ...] = tuple(label_names)
        self.index: dict[str, int] = {name: i for i, name in enumerate(feature_names)}
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.meta: dict = {"feature_version": FEATURE_VERSION, **(meta or {})}
        self.feature_version: int = int(self.meta["feature_version"])
        self._quad_of = {label: quad_class(label) for label in self.labels if label != NONE}

    @classmethod
    def from_file(cls, path) -> Classifier:
        """Read a weights file written by :meth:`save` (a path or an importlib resource)."""
        with path.open("rb") if hasattr(path, "open") else open(path, "rb") as stream:
            data = np.load(stream, allow_pickle=False)
            meta = json.loads(str(data["meta"]))
            if meta.get("feature_version") not in FEATURE_VERSIONS:
                raise RuntimeError(
                    f"{WEIGHTS_FILE} was trained with feature version "
                    f"{meta.get('feature_version')}, this code computes "
                    f"{sorted(FEATURE_VERSIONS)}: retrain with tools/train_event_classifier.py"
                )
            return cls(
                [str(f) for f in data["features"]],
                [str(label) for label in data["labels"]],
                data["coef"].astype(np.float32),
                data["intercept"].astype(np.float32),
                meta,
            )

    def save(self, path) -> None:
        """Write the weights (float16, compressed) with their metadata."""
        names = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path,
            features=np.array(names),
            labels=np.array(self.labels),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            meta=np.array(json.dumps(self.meta)),
        )

    def probabilities(self, feature_list: list[str]) -> np.ndarray:
        """P(label) for each of :attr:`labels`, from a list of :func:`features`.

        The feature vector is binary and L2-normalised, as in training.
        """
        rows = [self.index[f] for f in feature_list if f in self.index]
        scores = self.intercept.copy()
        if rows:
            scores += self.coef[rows].sum(axis=0) / np.sqrt(len(feature_list))
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def features(self, span: Span | Doc) -> list[str]:
        """:func:`features` of ``span`` in the version these weights were trained with."""
        return features(span, self.feature_version)

    def result(self, feature_list: list[str]) -> EventClassifierResult:
        """The full :class:`EventClassifierResult` for a list of :func:`features`."""
        probs = self.probabilities(feature_list)
        order = np.argsort(-probs, kind="stable")
        types = tuple((self.labels[i], float(probs[i])) for i in order)
        by_quad: dict[str, float] = {}
        for label, p in types:
            if label != NONE:
                by_quad[self._quad_of[label]] = by_quad.get(self._quad_of[label], 0.0) + p
        none = float(probs[self.labels.index(NONE)]) if NONE in self.labels else 0.0
        quads = tuple(sorted(by_quad.items(), key=lambda kv: -kv[1]))
        return EventClassifierResult(types=types, event=1.0 - none, quads=quads)


@cache
def load_classifier() -> Classifier:
    """The shipped classifier, read once per process."""
    return Classifier.from_file(resources.files("newsfuse").joinpath(WEIGHTS_FILE))


def labels() -> tuple[str, ...]:
    """The labels the shipped classifier predicts: PLOVER types and :data:`NONE`."""
    return load_classifier().labels


def _span(span_or_text: Span | Doc | str) -> Span | Doc:
    if isinstance(span_or_text, str):
        from newsfuse.annotate.nlp import load_nlp

        return load_nlp()(span_or_text)
    return span_or_text


def classify(span_or_text: Span | Doc | str) -> EventClassifierResult:
    """Everything the classifier says about a sentence or clause (a spaCy ``Span`` or
    ``Doc`` from the newsfuse pipeline, or plain text, which is parsed first)."""
    model = load_classifier()
    return model.result(model.features(_span(span_or_text)))


def predict_types(span_or_text: Span | Doc | str) -> list[tuple[str, float]]:
    """(label, probability) for every label, most probable first; :data:`NONE` is one of
    them."""
    return list(classify(span_or_text).types)


def event_probability(span_or_text: Span | Doc | str) -> float:
    """The probability that the sentence or clause reports a political event at all."""
    return classify(span_or_text).event


def type_probability(span_or_text: Span | Doc | str, event_type: str) -> float:
    """The probability of one PLOVER type (0.0 for a type the classifier never learned)."""
    name = str(event_type).strip()
    name = NONE if name.lower() == NONE else name.upper()
    return dict(classify(span_or_text).types).get(name, 0.0)


def predict_quad_classes(span_or_text: Span | Doc | str) -> list[tuple[str, float]]:
    """(quad class, probability), most probable first; they sum to :func:`event_probability`."""
    return list(classify(span_or_text).quads)
