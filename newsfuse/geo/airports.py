"""Airports with a commercial (IATA) code, from the airportsdata package (MIT; built on
OurAirports and the airlines' IATA codes): a name, a point and the city each serves.

GeoNames has airports as features of their own (feature class S, code AIRP), but no
registry package ships them; cities500 has only populated places, so "Heathrow" there is
a village in Florida. An airport is found by:

- its names ending in "Airport": the full name ("London Heathrow Airport"), the part
  after a slash ("Ottawa / Macdonald-Cartier International Airport"), the name less the
  leading town or region it is named after ("Pearson International Airport" of "Toronto
  Pearson International Airport"), each also with and without "International";
- the surname of the person it is named after, with "(International) Airport"
  ("Logan Airport" for General Edward Lawrence Logan International Airport, "Kennedy
  Airport" for John F Kennedy International Airport);
- its short name, the words before "(International) Airport" less that leading place
  ("Heathrow", "Gatwick", "Macdonald-Cartier"), unless a populated place of the
  airport's own country, or a country or first-order region anywhere, is called so
  ("Luton": the town, not London Luton Airport; "Kuwait": the country, not Kuwait
  International Airport) or the words are generic ("Regional", "Municipal"). A short name is an alternate name:
  a namesake of it is weighed against the airport by the article (see
  :mod:`newsfuse.geo.context`).

How widely an airport is known is taken to be how widely the city it serves is known:
its rank among namesakes uses that city's people (:func:`served_population`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata

_SUFFIX = re.compile(r"\s+(?:International\s+)?Airport$", re.I)
_GENERIC = frozenset(
    "international regional municipal county national airport airfield field airstrip "
    "air base intl city metropolitan memorial district area general executive aerodrome "
    "domestic new old north south east west central island islands".split()
)
_MIN_SHORT = 4


@dataclass(frozen=True)
class Airport:
    icao: str
    name: str
    """The name airportsdata gives, slashes dropped ("Ottawa Macdonald-Cartier International Airport")."""
    forms: tuple[str, ...]
    """Other names ending in "Airport"."""
    short: str | None
    """The name without "Airport" and the place it is named after ("Heathrow"), if usable."""
    iso2: str
    subdivision: str
    """The first-order region's name as airportsdata writes it ("Ontario", "England")."""
    city: str
    lat: float
    lon: float


def version() -> str:
    try:
        return metadata.version("airportsdata")
    except metadata.PackageNotFoundError:
        return "none"


def _leading_place(words: list[str], is_place: Callable[[str], bool]) -> int:
    """How many leading words (up to three, leaving at least one) name a place."""
    for n in range(min(3, len(words) - 1), 0, -1):
        if is_place(" ".join(words[:n])):
            return n
    return 0


def _surname(core: str) -> str | None:
    """The last word of an airport's own name that is a person's full name ("General
    Edward Lawrence Logan", "John F Kennedy"), as news calls the airport ("Logan
    Airport", "Kennedy Airport"): two or more capitalised words, the last no generic
    word and not the only long one."""
    words = core.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    last = words[-1]
    if len(last) < _MIN_SHORT or last.casefold().strip(".") in _GENERIC or "-" in last:
        return None
    return last


def names_of(
    name: str, city: str, is_place: Callable[[str], bool], is_town: Callable[[str], bool]
) -> tuple[str, tuple[str, ...], str | None]:
    """(main name, other "... Airport" names, short name) of an airport called ``name``
    that serves ``city``; ``is_place`` says whether words name a populated place or
    first-order region of the airport's country, ``is_town`` whether they name a
    populated place there or a country or first-order region anywhere."""
    parts = [p.strip() for p in name.split("/") if p.strip()]
    main = " ".join(parts)
    forms = {main}
    if len(parts) > 1:
        forms.add(" ".join(parts[1:]))
    words = main.split()
    lead = _leading_place(words, lambda w: w.casefold() == city.casefold() or is_place(w))
    own = " ".join(words[lead:]) if lead else (" ".join(parts[1:]) if len(parts) > 1 else main)
    forms.add(own)
    short = None
    for form in list(forms):
        match = _SUFFIX.search(form)
        if match is None or match.start() == 0:
            continue
        core = form[: match.start()]
        forms.update((f"{core} Airport", f"{core} International Airport"))
        if form == own:
            short = core
            surname = _surname(core)
            if surname is not None:
                forms.update((f"{surname} Airport", f"{surname} International Airport"))
    if short is not None and (
        len(short) < _MIN_SHORT
        or any(ch.isdigit() for ch in short)
        or not short[:1].isupper()
        or all(w.casefold().strip(".") in _GENERIC for w in short.split())
        or short.casefold() == city.casefold()
        or is_town(short)
    ):
        short = None
    forms.discard(main)
    return main, tuple(sorted(f for f in forms if _SUFFIX.search(f))), short


def airports(
    is_place: Callable[[str, str], bool], is_town: Callable[[str, str], bool]
) -> Iterator[Airport]:
    """Every airport with an IATA code; ``is_place(words, iso2)`` and ``is_town(words,
    iso2)`` as in :func:`names_of`, for the airport's country."""
    try:
        import airportsdata
    except ModuleNotFoundError:
        return
    table = airportsdata.load("IATA")
    for row in sorted(table.values(), key=lambda r: r["icao"] or r["iata"]):
        cc = row.get("country") or ""
        name = (row.get("name") or "").strip()
        if not cc or not _SUFFIX.search(name.replace("/", " ")):
            continue
        main, forms, short = names_of(
            name, row.get("city") or "",
            lambda w, cc=cc: is_place(w, cc), lambda w, cc=cc: is_town(w, cc),
        )  # fmt: skip
        yield Airport(
            row["icao"] or row["iata"], main, forms, short, cc, row.get("subd") or "",
            row.get("city") or "", float(row["lat"]), float(row["lon"]),
        )  # fmt: skip
