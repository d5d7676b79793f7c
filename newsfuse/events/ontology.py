"""The PLOVER event ontology: 18 event types, their modes, quad classes, CAMEO roots, contexts.

Sources (PLOVER, Open Event Data Alliance, CC BY-SA 4.0; the table itself is in
``newsfuse/data/plover.tsv``):

* **Types.** The 18 types of the PLOVER drafts 0.5–0.7, the generation the PLOVER gold
  standard records were coded in: CAMEO's 2-digit cue categories, minus 01/02 (comments),
  with YIELD (08) split into verbal CONCEDE (081–083) and material RETREAT (084–087), and
  FIGHT for CAMEO 19 and 20. PLOVER's CRIME type is left out on purpose (newsfuse codes
  political events). Draft 0.8 (2021) later merged INVESTIGATE and DISAPPROVE into ACCUSE
  and FIGHT into ASSAULT; we keep them apart, as the design asks.
* **Quad classes.** Draft 0.8 states one for every category: AGREE, CONSULT, SUPPORT and
  CONCEDE are *verbal cooperation* (CONCEDE is "verbal concessions which have no
  immediate material consequences"); COOPERATE, AID and RETREAT *material cooperation*;
  DEMAND, ACCUSE, REJECT and THREATEN *verbal conflict*; PROTEST, SANCTION, MOBILIZE,
  COERCE and ASSAULT *material conflict*. INVESTIGATE and DISAPPROVE therefore take
  ACCUSE's verbal conflict (CAMEO 09 and 11 are verbal conflict too), and FIGHT takes
  ASSAULT's material conflict. A quad table in the PLOVER README files INVESTIGATE under
  material cooperation and SANCTION under verbal conflict; it contradicts the manual's own
  category pages and CAMEO, so we do not follow it.
* **Modes.** The tables of draft 0.8 (CONSULT, RETREAT, DEMAND/REJECT, THREATEN, PROTEST,
  SANCTION, MOBILIZE, COERCE, ASSAULT), plus draft 0.6 names 0.8 dropped (CONSULT
  ``host``, THREATEN ``political``, COERCE ``destroy``, ASSAULT ``other``), RETREAT
  ``ease`` from the 2021 CAMEO→PLOVER table, and ACCUSE's ``allege`` for DISAPPROVE.
  FIGHT has no mode table in the manuals; its list is ``firearms``, ``heavy-weapons`` and
  ``other`` (draft 0.5 names), ``aerial`` and ``occupy`` (CAMEO 195 and 192) and
  ``unconventional`` (CAMEO 204, as in 0.8 ASSAULT). AGREE, SUPPORT, CONCEDE, COOPERATE,
  AID and INVESTIGATE have no modes: "in general, verbal activities only have a context"
  and the kind of aid or cooperation (economic, military, humanitarian, ...) is a
  *context* in PLOVER, not a mode. Older mode spellings (``demo-org``, ``strike-hun``,
  ...) map to these through :data:`MODE_ALIASES`.
* **CAMEO export.** One root per type: the CAMEO cue category it came from; CONCEDE and
  RETREAT both export as ``08`` (YIELD) and FIGHT as ``19`` (FIGHT; CAMEO 20 reads back as
  FIGHT through :func:`from_cameo`).
* **Contexts.** The general contexts of draft 0.6, its PROTEST contexts (from SCAD), and
  the 0.8 contexts with no 0.6 equivalent (:data:`CONTEXTS`); other 0.8 names map to their
  0.6 equivalent through :data:`CONTEXT_ALIASES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from newsfuse.tables import Row, read_table

__all__ = [
    "CONTEXTS",
    "CONTEXT_ALIASES",
    "EVENT_TYPES",
    "MODE_ALIASES",
    "EventType",
    "EventTypeInfo",
    "QuadClass",
    "cameo_root",
    "canonical_context",
    "canonical_mode",
    "event_info",
    "event_type",
    "from_cameo",
    "is_context",
    "is_event_type",
    "is_mode",
    "modes",
    "needs_target",
    "quad_class",
    "quad_code",
]


class EventType(StrEnum):
    """The 18 PLOVER event types, in the order of the specification."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    INVESTIGATE = "INVESTIGATE"
    DEMAND = "DEMAND"
    DISAPPROVE = "DISAPPROVE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    SANCTION = "SANCTION"
    PROTEST = "PROTEST"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    FIGHT = "FIGHT"


class QuadClass(StrEnum):
    """Verbal/material × cooperation/conflict; PLOVER's ``quadCode`` is the 1-based position."""

    VERBAL_COOPERATION = "verbal cooperation"
    MATERIAL_COOPERATION = "material cooperation"
    VERBAL_CONFLICT = "verbal conflict"
    MATERIAL_CONFLICT = "material conflict"


EVENT_TYPES: tuple[EventType, ...] = tuple(EventType)

_QUAD_ABBREVIATIONS = {
    "VC": QuadClass.VERBAL_COOPERATION,
    "MC": QuadClass.MATERIAL_COOPERATION,
    "VF": QuadClass.VERBAL_CONFLICT,
    "MF": QuadClass.MATERIAL_CONFLICT,
}

# Mode spellings of earlier PLOVER drafts (0.5, 0.6) → the names in plover.tsv.
MODE_ALIASES: dict[EventType, dict[str, str]] = {
    EventType.PROTEST: {
        "demo-org": "demo",
        "demo-spon": "demo",
        "riot-org": "riot",
        "riot-spon": "riot",
        "strike-gen": "general",
        "strike-lim": "strike",
        "strike-hun": "hunger",
    },
    EventType.THREATEN: {"curfew": "restrict", "martial-law": "restrict", "blockade": "restrict"},
    EventType.CONSULT: {"third": "third-party", "telephone": "phone"},
}

CONTEXTS: dict[str, str] = {
    # General contexts of draft 0.6.
    "political": "political contexts not covered by a more specific one",
    "military": "military, including military assistance",
    "economic": "trade, finance and economic development",
    "diplomatic": "diplomacy",
    "resource": "territory and natural resources",
    "culture": "cultural and educational exchange",
    "disease": "disease outbreaks and epidemics",
    "disaster": "natural and man-made disasters",
    "refugee": "refugees and forced migration",
    "legal": "national and international law, courts",
    "terrorism": "terrorism",
    "government": "governmental issues other than elections and legislatures",
    "election": "elections and campaigns",
    "legislative": "legislative debate, parliamentary coalitions",
    "cbrn": "chemical, biological, radiological and nuclear weapons",
    "cyber": "cyber attacks and crime",
    "historical": "the event is historical",
    "hypothetical": "the event is hypothetical",
    # PROTEST contexts of draft 0.6 (after SCAD).
    "food": "food, water, subsistence",
    "environment": "environmental degradation",
    "discrimination": "ethnic discrimination and ethnic issues",
    "religion": "religious discrimination and religious issues",
    "education": "education",
    "foreign": "foreign affairs and relations",
    "war": "domestic war, violence, terrorism",
    "rights": "human rights, political rights and freedoms, democracy",
    "pro-govt": "in support of the government",
    "assets": "economic resources and assets",
    "other": "other",
    "unknown": "unknown or not specified",
    # Draft 0.8 contexts with no 0.6 equivalent.
    "intelligence": "intelligence and information",
    "peacekeeping": "peacekeeping, typically multilateral",
    "humanitarian": "humanitarian assistance",
    "asylum": "seeking or granting asylum",
    "crime": "crimes and criminals",
    "corruption": "corruption of public office",
    "gender": "gender and women's issues",
    "future": "the event is announced for the future",
    "negation": "the text says the event did not happen",
}

# Other spellings (plurals, draft 0.8 names) → a key of CONTEXTS.
CONTEXT_ALIASES: dict[str, str] = {
    "resources": "resource",
    "politics": "political",
    "political_institutions": "political",
    "executive": "government",
    "enviro_disaster": "disaster",
    "migration": "refugee",
    "refugees": "refugee",
    "human_rights": "rights",
    "rights_freedoms": "rights",
    "religion_ethnicity": "religion",
    "illegal_drugs": "crime",
    "elections": "election",
}


@dataclass(frozen=True)
class EventTypeInfo:
    """What PLOVER says about one event type."""

    type: EventType
    quad_class: QuadClass
    cameo_root: str  # two digits, "03" ... "19"
    needs_target: bool  # PLOVER's "requires recipient"
    modes: tuple[str, ...]
    description: str


def _parse_row(row: Row) -> EventTypeInfo:
    name, quad, cameo, target, mode_list, description = row
    if name not in EVENT_TYPES or quad not in _QUAD_ABBREVIATIONS:
        raise row.error(f"{name!r} is not a PLOVER type or {quad!r} not a quad class")
    return EventTypeInfo(
        type=EventType(name),
        quad_class=_QUAD_ABBREVIATIONS[quad],
        cameo_root=cameo,
        needs_target=target == "yes",
        modes=() if mode_list == "-" else tuple(mode_list.split(",")),
        description=description,
    )


@cache
def _table() -> dict[EventType, EventTypeInfo]:
    table = {info.type: info for info in map(_parse_row, read_table("plover.tsv"))}
    missing = set(EventType) - set(table)
    if missing:
        raise RuntimeError(f"newsfuse/data/plover.tsv lacks {sorted(missing)}: reinstall newsfuse")
    return table


def event_type(name: str | EventType) -> EventType:
    """The event type called ``name`` (case and surrounding spaces ignored).

    Raises ValueError for a name that is not one of the 18 types.
    """
    if isinstance(name, EventType):
        return name
    key = str(name).strip().upper()
    try:
        return EventType(key)
    except ValueError:
        known = ", ".join(EVENT_TYPES)
        raise ValueError(f"{name!r} is not a PLOVER event type; use one of {known}") from None


def is_event_type(name: object) -> bool:
    """Whether ``name`` names one of the 18 types (case and surrounding spaces ignored)."""
    return isinstance(name, str) and name.strip().upper() in EventType.__members__


def event_info(name: str | EventType) -> EventTypeInfo:
    """Everything the ontology holds about one event type."""
    return _table()[event_type(name)]


def quad_class(name: str | EventType) -> str:
    """The quad class: "verbal cooperation", "material cooperation", "verbal conflict" or
    "material conflict"."""
    return str(event_info(name).quad_class)


def quad_code(name: str | EventType) -> int:
    """PLOVER's ``quadCode``: 1 verbal cooperation, 2 material cooperation, 3 verbal
    conflict, 4 material conflict."""
    return list(QuadClass).index(event_info(name).quad_class) + 1


def cameo_root(name: str | EventType) -> str:
    """The two-digit CAMEO root code the type exports as ("03" ... "19")."""
    return event_info(name).cameo_root


def needs_target(name: str | EventType) -> bool:
    """Whether PLOVER requires a target (recipient) for the type: COOPERATE, AID, SANCTION."""
    return event_info(name).needs_target


def modes(name: str | EventType) -> tuple[str, ...]:
    """The PLOVER modes of the type (empty for types without modes)."""
    return event_info(name).modes


def canonical_mode(name: str | EventType, mode: str) -> str:
    """``mode`` lower-cased, with an older PLOVER spelling replaced by the current one."""
    key = mode.strip().lower().replace("_", "-").replace(" ", "-")
    return MODE_ALIASES.get(event_type(name), {}).get(key, key)


def is_mode(name: str | EventType, mode: str) -> bool:
    """Whether ``mode`` (or an older spelling of it) is a mode of the type."""
    return canonical_mode(name, mode) in modes(name)


def canonical_context(context: str) -> str:
    """``context`` lower-cased, with a plural or draft 0.8 name replaced by its CONTEXTS key."""
    key = context.strip().lower()
    return CONTEXT_ALIASES.get(key, key)


def is_context(context: str) -> bool:
    """Whether ``context`` (or an alias of it) is a PLOVER context."""
    return canonical_context(context) in CONTEXTS


_RETREAT_CAMEO = ("084", "085", "086", "087")


def from_cameo(code: str) -> EventType | None:
    """The PLOVER type of a CAMEO event code ("0874", "19", "195"); None for 01/02 and
    for what is not a CAMEO event code.

    CAMEO 08 (YIELD) splits: 084–087 are RETREAT, the rest CONCEDE; 20 is FIGHT.
    """
    code = code.strip()
    if len(code) < 2 or not code.isdigit():
        return None
    if code.startswith("08"):
        return EventType.RETREAT if code.startswith(_RETREAT_CAMEO) else EventType.CONCEDE
    if code.startswith("20"):
        return EventType.FIGHT
    return _by_cameo_root().get(code[:2])


@cache
def _by_cameo_root() -> dict[str, EventType]:
    return {info.cameo_root: info.type for info in _table().values() if info.cameo_root != "08"}
