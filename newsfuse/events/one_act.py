"""When two triggers of a sentence name one act: the means of a harm named as its agent
("were killed by shelling"), and a harm told after an act its subject came under ("came
under fire from soldiers, killing three": the killing is that fire's)."""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.events.arguments import VIOLENT_TYPES
from newsfuse.events.syntax import children, under_something
from newsfuse.events.triggers import Trigger


def act_undergone(verb: Token, token: Token, found: dict[int, Trigger]) -> Trigger | None:
    """The act, other than ``token``'s, that ``verb`` (a verb of state: "came under fire")
    says its subject came under, when that act is an event of the sentence (``found``)."""
    if not under_something(verb):
        return None
    for prep in children(verb, "prep"):
        if prep.lower_ == "under":
            for noun in children(prep, "pobj", "pcomp"):
                if noun.i in found and noun.i != token.i:
                    return found[noun.i]
    return None


def means_of_harm(token: Token, found: dict[int, Trigger]) -> bool:
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
