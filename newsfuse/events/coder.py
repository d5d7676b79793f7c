"""Stage "code": PLOVER events from parsed sentences, by rules over the dependency parse.

For every token that the trigger lexicon (``data/triggers.tsv``) names, in the
sense its object allows ("sign" a *pact* is SUPPORT, "send" *troops* is AID):

* **who and whom**: the subject and object of a verb; the agent of a passive
  ("was attacked by X") and its subject as target; for a nominalisation the
  possessor ("Moscow's training of ..."), "by X", and "of / on / against / to /
  between X"; coordinated names give compound actors. Actors are the article's
  resolved actor mentions inside those phrases, the least embedded first ("the
  withdrawal of Serbian forces from Bosnia" is aimed at the forces), or the phrase
  itself resolved.
* **PLOVER's conventions for who and whom**: a reciprocal act ("X telephoned Y")
  has every party on both sides; where no target is named, the place a named actor
  acts in is the target ("arrived in Amman"), a protest is against the first actor
  named after it ("a hunger strike to protest President Assad's failure"), a
  concession is made to whom it was negotiated with; actors named by role only take
  the country where they act on the ground, else the sentence's only country;
  international bodies take none.
* **framing**: an event inside the complement of a demand, threat, refusal or
  promise ("urged X to withdraw", "threatened to strike") is not coded as the
  act itself; the framing verb is the event. Speech verbs are never events.
* **who said it**: the subject of the speech verb that governs the clause
  ("Ukraine said ...", "..., the Pentagon said"), or "according to X".
  Possessive pronouns in reported speech ("its troops") belong to the speaker;
  "we" / "they" take the speaker, else the previous event's source.
* **flags**: a negation on the trigger sets ``negated``; a modal, a conditional,
  or a framing verb above it sets ``hypothetical``.
* **magnitudes**: quantities whose verb is kill / die (dead), wound / injure
  (injured), or that count the actors of a protest, arrest, deployment (size); a
  vague amount ("thousands") goes to ``dead_text`` / ``injured_text`` / ``size_text``
  with the count None. Money and percentages are never a magnitude: PLOVER's ``size``
  is the number of participants (or, for ASSAULT, of casualties), not a sum.

This module runs the coder over an article (:func:`code_doc`) and a sentence
(:func:`code_span`) and puts an event together from what the other modules of
``newsfuse.events`` find: :mod:`~newsfuse.events.triggers` (and
:mod:`~newsfuse.events.agreements`) which words are triggers,
:mod:`~newsfuse.events.arguments` which words are the source and target,
:mod:`~newsfuse.events.actor_phrases` which actors those words name,
:mod:`~newsfuse.events.conventions` and :mod:`~newsfuse.events.recast` PLOVER's
conventions, :mod:`~newsfuse.events.framing` the speaker and the flags,
:mod:`~newsfuse.events.magnitudes` the magnitudes, over the parse walks of
:mod:`~newsfuse.events.syntax` and the article held in :mod:`~newsfuse.events.context`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsfuse.annotate.actors import ActorResolver
from newsfuse.events.actor_phrases import dedupe, nations_as_civilians, phrase_actors
from newsfuse.events.agreements import agreement_acted_on
from newsfuse.events.arguments import (
    CONCESSION_TYPES,
    HARM_VERBS,
    TARGET_PREPS,
    VIOLENT_TYPES,
    ally_tokens,
    event_agent,
    harmed_tokens,
    negotiated_with,
    noun_arguments,
    side_preps,
    verb_arguments,
)
from newsfuse.events.classifier import NONE, Classifier
from newsfuse.events.context import ArticleContext
from newsfuse.events.conventions import (
    DOMESTIC_TYPES,
    REACH_TYPES,
    RECIPROCAL_TRIGGERS,
    SIGNING_TRIGGERS,
    SYMMETRIC_TYPES,
    domestic_sides,
    event_location,
    later_countries,
    located_sides,
    not_self,
    protested_actors,
)
from newsfuse.events.dating import event_date
from newsfuse.events.framing import (
    OBLIGATION_MODALS,
    SPEECH_VERBS,
    addressee_of,
    framing_ancestor,
    is_hypothetical,
    is_negated,
    speaker_of,
)
from newsfuse.events.learned import SHIPPED, Combination, combine, sentence_probabilities
from newsfuse.events.lexicon import Trigger, mode_for
from newsfuse.events.magnitudes import is_one_person, magnitudes, with_single_victim
from newsfuse.events.nonevents import non_event_reason
from newsfuse.events.recast import kills, recast
from newsfuse.events.syntax import children, is_pronoun, prep_objects, subject_of, verb_of
from newsfuse.events.triggers import (
    CAMEO_SCOPE,
    CASUALTY_RESULTS,
    RESULTATIVE_TRIGGER,
    match_trigger,
)
from newsfuse.model import Annotations, Event

__all__ = [
    "MAX_SENTENCE_TOKENS",
    "code_doc",
    "code_span",
    "is_non_event",
    "match_trigger",
    "source_tokens_named",
]

STATEMENT_TYPES = frozenset({"DISAPPROVE", "DEMAND", "SUPPORT", "REJECT", "THREATEN", "AGREE"})
"""Verbal acts: a group that makes one ("the foreign ministers of ... condemn") is "we" later."""

CONTEXT_WORDS = {
    "military": "military troop soldier army missile weapon arm war defense defence navy artillery",
    "economic": "trade economic economy tariff oil gas bank investment market loan",
    "diplomatic": "diplomatic ambassador embassy envoy foreign minister summit talks",
    "humanitarian": "humanitarian refugee aid food relief",
    "legal": "court law legal judge trial sentence",
    "political": "election vote party parliament government political",
}


def _context(sentence: Span) -> str | None:
    lemmas = {t.lemma_.lower() for t in sentence}
    scores = {name: len(lemmas & set(words.split())) for name, words in CONTEXT_WORDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else None


def _confidence(event: Event, is_verb: bool) -> float:
    score = 0.4 + 0.1 * is_verb
    score += 0.2 if any(a.country for a in event.source) else 0.0
    score += (
        0.2 if any(a.country for a in event.target) or event.event_type in ("PROTEST",) else 0.0
    )
    score -= 0.2 if event.hypothetical else 0.0
    return round(max(min(score, 1.0), 0.05), 2)


def _code_trigger(
    token: Token, trigger: Trigger, sentence: Span, ctx: ArticleContext, index: int
) -> Event:
    attribution, speaker = speaker_of(token, ctx)
    if trigger.pos == "VERB":
        source_tokens, target_tokens = verb_arguments(token, trigger)
    else:
        source_tokens, target_tokens = noun_arguments(token, trigger)
    target_tokens = [event_agent(t) or t for t in target_tokens]
    source = dedupe(a for t in source_tokens for a in phrase_actors(t, ctx, speaker))
    # "captured part of a Karen guerrilla stronghold on the Thai border": the ground is
    # taken from whom its own words name, not from what lies beside it
    occupy = trigger.mode == "occupy"
    target = dedupe(a for t in target_tokens for a in phrase_actors(t, ctx, speaker, occupy))
    if not any(a.country for a in target) and trigger.pos == "VERB":
        # "offered its troops to Lebanon's president": whom it goes to, if the object names nobody
        recipients = prep_objects(token, TARGET_PREPS) + [
            p
            for o in target_tokens
            for p in prep_objects(o, frozenset({"to", "for", "against", "on"}))
        ]
        if occupy:  # "captured the town from the rebels"
            recipients = prep_objects(token, frozenset({"from"}))
        alternative = dedupe(a for t in recipients for a in phrase_actors(t, ctx, speaker))
        if any(a.country for a in alternative):
            target = alternative
    if not any(a.country for a in target) and trigger.event_type in CONCESSION_TYPES:
        partners = negotiated_with(verb_of(token))
        target = dedupe(a for t in partners for a in phrase_actors(t, ctx, speaker)) or target
    if not any(a.country or a.sector for a in target) and trigger.event_type in VIOLENT_TYPES:
        # "a bomb exploded, killing two soldiers": the victims of its harm are its target
        victims = harmed_tokens(token)
        target = dedupe(a for t in victims for a in phrase_actors(t, ctx, speaker)) or target
    mutual = trigger.event_type in SYMMETRIC_TYPES or trigger.lemma in SIGNING_TRIGGERS
    if mutual and not target and len(source) > 1:
        target = source
    if (
        trigger.lemma in RECIPROCAL_TRIGGERS
        and any(a.country for a in source)
        and any(a.country for a in target)
    ):
        source = target = dedupe((*source, *target))
    if not any(a.country for a in target) and trigger.event_type in REACH_TYPES:
        target = target + later_countries(token, sentence, ctx, source, trigger.event_type)
    target = not_self(source, target, trigger.event_type, mutual)
    if (
        trigger.event_type == "PROTEST"
        and source
        and not any(a.country or a.sector for a in target)
    ):
        target = protested_actors(token, ctx, source)
    allies = {a.country for t in ally_tokens(token) for a in phrase_actors(t, ctx, speaker)}
    allies -= {a.country for a in source}
    if allies:  # "fought alongside Russian forces": Russia is on the source's side
        target = tuple(a for a in target if a.country not in allies)
    location, location_country = event_location(sentence, token, ctx)
    # "in Kursk alongside Russian forces": the allies' ground is not the target
    ground = None if location_country in allies else location_country
    source, target = located_sides(source, target, trigger.event_type, location, ground)
    source, target = domestic_sides(source, target, trigger.event_type, sentence, ctx)
    if trigger.event_type not in DOMESTIC_TYPES:  # a place that stood in for both sides
        target = not_self(source, target, trigger.event_type, mutual)
    sides = side_preps(trigger)
    if token.lower_ in sides or any(c.lower_ in sides for c in token.children):
        source = source or target
    source, target = nations_as_civilians(source), nations_as_civilians(target)
    date, date_end = event_date(sentence, ctx, token)
    quantities = ctx.starting_in("quantities", sentence.start_char, sentence.end_char)
    event = Event(
        event_type=trigger.event_type,
        trigger=token.text,
        evidence=sentence.text.strip(),
        source=source,
        target=target,
        mode=trigger.mode,
        context=_context(sentence),
        location=location,
        location_country=location_country,
        date=date,
        date_end=date_end,
        attribution=attribution,
        attribution_actor=speaker[0] if speaker else None,
        negated=is_negated(token),
        hypothetical=is_hypothetical(token),
        sentence=index,
        start=sentence.start_char,
        end=sentence.end_char,
        trigger_start=token.idx,
        trigger_end=token.idx + len(token.text),
        **magnitudes(sentence, quantities, trigger.event_type, token),
    )
    if (
        trigger.event_type == "PROTEST"
        and event.size is None
        and event.size_text is None
        and is_one_person(source_tokens)
    ):
        event = replace(event, size=1)  # one person's hunger strike
    event = with_single_victim(sentence, event)
    event = recast(event, sentence, token)
    if event.event_type != trigger.event_type and event.size is None and not event.size_text:
        # a type recast gave may count its participants ("thousands of Kenyans protested")
        sized = magnitudes(sentence, quantities, event.event_type, token)
        event = replace(event, size=sized.get("size"), size_text=sized.get("size_text"))
    kept_mode = event.mode != trigger.mode  # set by recast with the type it gave
    if event.mode is None or (event.event_type != trigger.event_type and not kept_mode):
        event = replace(
            event, mode=mode_for(event.event_type, {t.lemma_.lower() for t in sentence})
        )
    return _with_confidence(event, trigger.pos == "VERB")


def _with_confidence(event: Event, is_verb: bool) -> Event:
    return replace(event, confidence=_confidence(event, is_verb))


def _obligations(
    sentence: Span, ctx: ArticleContext, index: int, found: dict[int, Trigger]
) -> list[Event]:
    """ "X said Y must do Z": X demands Z of Y. The obliged act itself is not coded."""
    events = []
    for token in sentence:
        obliged = any(c.lower_ in OBLIGATION_MODALS for c in children(token, "aux"))
        if token.pos_ not in ("VERB", "AUX") or not obliged:
            continue
        attribution, speaker = speaker_of(token, ctx)
        if not speaker:
            continue
        for obliged in token.subtree:  # what the target must do is not itself an event
            found.pop(obliged.i, None)
        subject = subject_of(token)
        if subject is None or is_pronoun(subject.text):  # "... to Iraq that it must"
            subject = addressee_of(token) or subject
        target = phrase_actors(subject, ctx, speaker) if subject is not None else ()
        event = Event(
            event_type="DEMAND",
            trigger=token.text,
            evidence=sentence.text.strip(),
            source=speaker,
            target=target,
            context=_context(sentence),
            date=event_date(sentence, ctx)[0],
            attribution=attribution,
            attribution_actor=speaker[0],
            sentence=index,
            start=sentence.start_char,
            end=sentence.end_char,
            trigger_start=token.idx,
            trigger_end=token.idx + len(token.text),
        )
        events.append(_with_confidence(event, True))
    return events


MAX_SENTENCE_TOKENS = 400
"""Longer "sentences" are not coded. The longest of 26,305 sentences of BBC and news_cluster
articles has 191 tokens; what the parser leaves longer is a list, a table or junk
("attacked attacked ..."), where walking the parse (children, subtrees, paths) for every
trigger costs time quadratic in the sentence's length: 2,200 tokens took 15 s."""

SUBORDINATE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "pcomp", "conj"})


def _subordinate(token: Token, found: dict[int, Trigger]) -> bool:
    """Whether ``token`` only qualifies another event of its sentence.

    A purpose or manner clause ("blocked roads demanding ...", "to protest ..."), a
    participle that describes a thing ("the alleged bombers", "the visiting king"),
    or a noun in an adverbial phrase ("after 12 days of battles", "in protest of
    the arrest", "sanctions over their provision of support") is the context of the
    main event, which is the one coded.
    """
    if token.dep_ in ("amod", "compound"):
        return True
    if token.dep_ in ("advcl", "xcomp") and any(c.i in found for c in children(token.head, "dobj")):
        return True  # "began a hunger strike to protest ...": the strike is the event
    if _means_of_harm(token, found):
        return True  # "killed by shelling": the shelling is the killing, one act
    current, via_prep = token, False
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "pobj":
            via_prep = True
        elif current.dep_ not in SUBORDINATE_DEPS and current.dep_ not in (
            "prep",
            "dobj",
            "npadvmod",
        ):
            return False
        trigger = found.get(head.i)
        if trigger is not None and head.i != token.i:
            if (
                current.dep_ == "conj"
                and current.i == token.i
                and trigger.event_type != found[token.i].event_type
            ):
                return False  # "jailed 52 and banned ...": coordinated events of their own
            return (
                via_prep
                or token.dep_ in SUBORDINATE_DEPS - {"conj"}
                or current.dep_ in SUBORDINATE_DEPS
            )
        current = head
    return False


def _means_of_harm(token: Token, found: dict[int, Trigger]) -> bool:
    """Whether ``token`` is a violent act named as the agent of a violent act ("were killed
    by shelling", "destroyed by an airstrike"): how the harm was done, not a second act.
    "were met by protests" keeps the protests: meeting is no harm they did."""
    by = token.head
    if token.dep_ not in ("pobj", "pcomp") or by.dep_ != "agent" or by.head.i == by.i:
        return False
    harm = found.get(by.head.i)
    return (
        harm is not None
        and harm.event_type in VIOLENT_TYPES
        and found[token.i].event_type in VIOLENT_TYPES
    )


TOLL_DEPS = frozenset({"conj", "oprd", "dobj", "ccomp", "advcl", "acl"})


def _in_toll(token: Token, found: dict[int, Trigger]) -> bool:
    """Whether ``token`` is part of the state a resultative "left" names ("left 30 dead
    and 50 wounded"): a casualty word whose subject, if any, is a count, not an act
    ("left 30 dead and police arrested 12 suspects" keeps the arrest)."""
    if token.lemma_.lower() not in HARM_VERBS and token.lower_ not in CASUALTY_RESULTS:
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(not s.like_num for s in subjects):
        return False
    current = token
    for _ in range(4):
        if current.dep_ not in TOLL_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if found.get(current.i) is RESULTATIVE_TRIGGER:
            return True
    return False


def _killing_of_coercion(token: Token, found: dict[int, Trigger]) -> bool:
    """Whether ``token`` is the killing that makes a coercive act violence (recast's
    :func:`~newsfuse.events.recast.kills`)."""
    for head in (token.head, token.head.head, token.head.head.head):
        trigger = found.get(head.i)
        killing = kills(head) if trigger is not None and trigger.event_type == "COERCE" else None
        if killing is not None and killing.i == token.i:
            return True
    return False


def _told_of(token: Token, found: dict[int, Trigger]) -> bool:
    """Whether a harm is told in a relative clause of a violent event noun ("a clash in
    which Armenia said three of its soldiers were killed"): the noun's toll, not an act."""
    if token.lemma_.lower() not in HARM_VERBS:
        return False
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i or current.dep_ not in ("relcl", "ccomp", "conj", "xcomp"):
            return False
        trigger = found.get(head.i)
        if current.dep_ == "relcl" and trigger is not None:
            return trigger.event_type in VIOLENT_TYPES and trigger.pos == "NOUN"
        current = head
    return False


def _toll_of(leave: Token, found: dict[int, Trigger]) -> bool:
    """Whether the subject of a resultative "left N dead" is itself a violent event of the
    sentence ("clashes", "the attacks"): the deaths are that event's toll, not an act of
    their own."""
    subject = subject_of(leave)
    if subject is None:
        return False
    trigger = found.get(subject.i)
    return trigger is not None and trigger.event_type in VIOLENT_TYPES


def source_tokens_named(event: Event) -> bool:
    """Whether the event's source was named in its sentence (not taken from a pronoun)."""
    return not any(is_pronoun(a.text) for a in event.source)


def _main_verb(sentence: Span) -> Token | None:
    """The verb a sentence is about: its root, or what a speech root reports ("X said
    troops *pulled* out")."""
    root = sentence.root
    if root.lemma_.lower() in SPEECH_VERBS:
        root = next((c for c in children(root, "ccomp") if c.pos_ in ("VERB", "AUX")), root)
    return root if root.pos_ == "VERB" and root.lemma_.lower() not in SPEECH_VERBS else None


def _proposal(
    sentence: Span, ctx: ArticleContext, index: int, probs: dict[str, float], threshold: float
) -> Event | None:
    """An event of the classifier's most probable type for a sentence without a rule event
    (see :mod:`newsfuse.events.learned`): its main verb is the trigger; kept only when the
    type is probable enough and the parse names both a source and a target actor."""
    top = max((t for t in probs if t != NONE), key=probs.__getitem__)
    verb = _main_verb(sentence)
    if probs[top] < threshold or verb is None:
        return None
    trigger = Trigger(top, verb.lemma_.lower(), "VERB", None, frozenset())
    event = _code_trigger(verb, trigger, sentence, ctx, index)
    if not any(a.country or a.sector for a in event.source) or not any(
        a.country or a.sector for a in event.target
    ):
        return None
    reason = non_event_reason(verb, event)
    extra = {**event.extra, "learned": round(probs[top], 3)}
    return replace(event, extra=extra if reason is None else {**extra, "non_event": reason})


def code_span(
    sentence: Span,
    ctx: ArticleContext,
    index: int,
    combination: Combination = SHIPPED,
    classifier: Classifier | None = None,
) -> list[Event]:
    """Events in one sentence, in trigger order (then as ``combination`` orders them)."""
    events = _rule_events(sentence, ctx, index)
    if not combination.uses_classifier:
        return events
    if events and all(is_non_event(e) for e in events):
        return events  # the rules' non-events (disasters, crime, ...) stay what they are
    if not events and combination.propose is None:
        return events
    probs = sentence_probabilities(sentence, classifier)
    if events:
        return combine(events, probs, sentence, combination)
    proposal = _proposal(sentence, ctx, index, probs, combination.propose)
    return [proposal] if proposal is not None else []


def _rule_events(sentence: Span, ctx: ArticleContext, index: int) -> list[Event]:
    """The rule coder's events in one sentence, in trigger order."""
    by_sentence = CAMEO_SCOPE == "sentence"
    found = {t.i: trig for t in sentence if (trig := match_trigger(t, not by_sentence))}
    if not found and by_sentence:
        found = {t.i: trig for t in sentence if (trig := match_trigger(t, True))}
    events = _obligations(sentence, ctx, index, found)
    for i, trigger in found.items():
        token = sentence.doc[i]
        if token.lemma_.lower() in SPEECH_VERBS and not trigger.needs:
            continue  # "declared that ..." is speech; "declared a ceasefire" is an act
        if framing_ancestor(token, found) is not None:
            continue  # the demand / threat / refusal is the event, not what it asks for
        if _subordinate(token, found):
            continue
        if _killing_of_coercion(token, found):
            continue  # "raided ..., killing two": the raid is the killing (recast)
        if _told_of(token, found):
            continue  # "a clash in which three soldiers were killed": the clash's toll
        if _in_toll(token, found):
            continue  # "left 30 dead and 50 wounded": the wounded are the toll, not an act
        if trigger is RESULTATIVE_TRIGGER and _toll_of(token, found):
            continue  # "clashes left 12 dead": the toll of the clashes, coded with them
        head_trigger = found.get(token.head.i) if token.head.i != token.i else None
        same_as_head = (
            head_trigger is not None
            and head_trigger is not RESULTATIVE_TRIGGER  # the toll is the subject's
            and head_trigger.event_type == trigger.event_type
        )
        if same_as_head and (trigger.pos == "NOUN" or token.dep_ == "conj"):
            continue  # "imposed sanctions", "killed or wounded": the head codes it
        if agreement_acted_on(token, trigger, found):
            continue  # "signed a pact", "praised the accord": an agreement, none made here
        event = _code_trigger(token, trigger, sentence, ctx, index)
        reason = non_event_reason(token, event)
        if reason is not None:
            events.append(replace(event, extra={**event.extra, "non_event": reason}))
            continue  # not a source for a later "they" either
        if event.source and source_tokens_named(event):
            ctx.last_source = event.source
            if (
                sum(1 for a in event.source if a.country) > 1
                and event.event_type in STATEMENT_TYPES
            ):
                ctx.group = event.source
        events.append(event)
    return events


WEAPON_MODES = frozenset({"explosives", "aerial", "artillery", "heavy-weapons", "primitive"})
STATE_ONLY_MODES = frozenset({"arrest", "deport"})
"""COERCE modes that are a state's acts whoever is named: arresting and deporting."""


def _has_actor(event: Event) -> bool:
    """Who did what to whom needs a who: an event naming no actor at all is not kept,
    except violence that a report gives by its toll or its weapon with the perpetrator
    unknown ("14 were killed in an air strike", "a bomb went off, killing five"): PLOVER
    codes the attack and leaves the source empty. An arrest or a deportation ("two
    dealers have been arrested") is kept too: only an authority arrests or deports, so
    PLOVER codes COERCE with the authority implied. Disasters and common crime have been
    set apart before this (:mod:`newsfuse.events.nonevents`)."""
    if any(a.country or a.sector for a in (*event.source, *event.target)):
        return True
    if event.event_type == "COERCE" and event.mode in STATE_ONLY_MODES:
        return True
    if event.event_type not in VIOLENT_TYPES:
        return False
    toll = (event.dead, event.injured, event.dead_text, event.injured_text)
    return any(x is not None for x in toll) or event.mode in WEAPON_MODES


def is_non_event(event: Event) -> bool:
    """Whether the coder flagged ``event`` as a mention PLOVER does not code (see
    :mod:`newsfuse.events.nonevents`; the reason is ``event.extra["non_event"]``)."""
    return "non_event" in event.extra


def code_doc(
    doc: Doc,
    annotations: Annotations | None,
    resolver: ActorResolver,
    when: str | None = None,
    keep_non_events: bool = False,
    combination: Combination = SHIPPED,
    classifier: Classifier | None = None,
) -> list[Event]:
    """Every event in a parsed article (or sentence). Mentions that are no event by
    PLOVER's codebook (disasters, accidents, common crime, speculation, concern) are left
    out, or with ``keep_non_events`` kept flagged (:func:`is_non_event`). ``combination``
    says how the learned classifier (``classifier``, default the shipped weights) joins
    the rules (:mod:`newsfuse.events.learned`)."""
    ctx = ArticleContext(annotations, resolver, when)
    events: list[Event] = []
    for index, sentence in enumerate(doc.sents):
        if len(sentence) > MAX_SENTENCE_TOKENS:
            continue
        events.extend(
            e
            for e in code_span(sentence, ctx, index, combination, classifier)
            if _has_actor(e) and (keep_non_events or not is_non_event(e))
        )
    if annotations is not None:
        events = [_with_article(e, annotations.article_id) for e in events]
    return events


def _with_article(event: Event, article_id: str) -> Event:
    return replace(event, article_id=article_id)
