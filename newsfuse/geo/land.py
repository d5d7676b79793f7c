"""Whether a point lies on a country's land, by the country outlines countryinfo ships.

countryinfo carries each country's outline as GeoJSON (a coarse one: small islands are
left out). :mod:`newsfuse.geo.boxes` uses it to tell a region's point that has fallen in
the sea, or in a neighbour, from one on the region's own country.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

__all__ = ["country_land", "on_land"]

Ring = list[tuple[float, float]]  # (lon, lat) corners, as GeoJSON writes them


def _rings(geometry: dict) -> list[Ring]:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return [[(float(x), float(y)) for x, y, *_ in ring] for poly in polygons for ring in poly]


@cache
def country_land() -> dict[str, list[Ring]]:
    """ISO alpha-2 → the rings (outlines and holes) of the country's land, from countryinfo;
    empty where the package is missing."""
    out: dict[str, list[Ring]] = {}
    try:
        folder = resources.files("countryinfo").joinpath("data")
        items = list(folder.iterdir())
    except (ModuleNotFoundError, FileNotFoundError):
        return out
    for item in items:
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text("utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        features = (data.get("geoJSON") or {}).get("features") or []
        rings = [r for f in features for r in _rings(f.get("geometry") or {})]
        if code and rings:
            out[code] = rings
    return out


def on_land(lat: float, lon: float, rings: Sequence[Ring]) -> bool:
    """Whether (``lat``, ``lon``) lies inside ``rings`` (even-odd rule: a hole's ring takes
    back what its outline gave)."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside
