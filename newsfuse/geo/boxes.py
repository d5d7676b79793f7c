"""The representative point of a region from the points of its populated places.

A region's point is the middle of the bounding box of its populated places. Two things
fool a plain box of latitudes and longitudes:

- a region across the 180th meridian (Fiji's Eastern division, Chukotka) has places at
  both ends of the longitude range; its box is the shortest arc of longitude that holds
  every place (the circle less its widest empty gap), not the whole width of the map;
- a region with remote parts (Tokyo's Ogasawara islands 1,000 km out in the Pacific, a
  handful of places GeoNames codes to the wrong province) stretches the box over the sea
  or a neighbour; the box is that of the region's main body (:func:`main_body`): its
  places less the smallest groups of places linked by touching cells of a 2-degree grid
  that together hold a tenth of them. A sparse region is no island chain (the far north
  of Manitoba is land): where the main body's middle lies on the country's land it
  stands; where it lies off it (the Izu islands, a chain of touching cells, still pull
  Tokyo's into the sea), finer cells cut the body (:func:`region_point`).

The 2-degree cell, the tenth and the finer cells were chosen on the tune half of trnews
(``benchmarks/region_points.py``): finer cells everywhere cut the sparse north off
Canada's provinces and moved their points hundreds of km from GeoNames' own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from newsfuse.geo.land import Ring, on_land

__all__ = ["box", "box_middle", "main_body", "region_point"]

Point = tuple[float, float, int]  # lat, lon, people

BODY_CELL = 2.0
"""Grid cell (degrees) of :func:`main_body`: places in touching cells are one group."""
OUTLYING_SHARE = 0.1
"""The outlying parts :func:`main_body` leaves out hold at most this share of the places."""
FINER_CELLS = (1.0, 0.5)
"""Finer grid cells :func:`region_point` tries where the main body's box middle is off the
country's land."""


def _lon_arc(lons: Sequence[float]) -> tuple[float, float]:
    """West and east ends of the shortest arc of longitude holding every one of ``lons``;
    east is above 180 where the arc crosses the 180th meridian."""
    ordered = sorted(lons)
    widest, west, east = ordered[0] + 360 - ordered[-1], ordered[0], ordered[-1]
    for a, b in pairwise(ordered):
        if b - a > widest:
            widest, west, east = b - a, b, a + 360
    return west, east


def box(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """South, north, west, east of ``points`` (east above 180 across the 180th meridian)."""
    lats = [p[0] for p in points]
    west, east = _lon_arc([p[1] for p in points])
    return min(lats), max(lats), west, east


def box_middle(points: Sequence[Point]) -> tuple[float, float]:
    """The middle of the box of ``points``, its longitude within -180..180."""
    south, north, west, east = box(points)
    lon = (west + east) / 2
    return (south + north) / 2, lon - 360 if lon > 180 else lon


def _groups(points: Sequence[Point], cell: float) -> list[list[Point]]:
    """``points`` in groups whose grid cells of ``cell`` degrees touch, corner to corner,
    across the 180th meridian too."""
    columns = round(360 / cell)
    cells: dict[tuple[int, int], list[Point]] = {}
    for p in points:
        key = (math.floor(p[0] / cell), math.floor((p[1] + 180) / cell) % columns)
        cells.setdefault(key, []).append(p)
    seen: set[tuple[int, int]] = set()
    groups: list[list[Point]] = []
    for start in cells:
        if start in seen:
            continue
        seen.add(start)
        group: list[Point] = []
        stack = [start]
        while stack:
            row, col = stack.pop()
            group.extend(cells[(row, col)])
            for i in (-1, 0, 1):
                for j in (-1, 0, 1):
                    near = (row + i, (col + j) % columns)
                    if near in cells and near not in seen:
                        seen.add(near)
                        stack.append(near)
        groups.append(group)
    return groups


def main_body(
    points: Sequence[Point], cell: float = BODY_CELL, share: float = OUTLYING_SHARE
) -> list[Point]:
    """``points`` less the region's outlying parts: of the groups of places whose grid cells
    of ``cell`` degrees touch, the smallest (fewest places, then fewest people) that
    together hold no more than ``share`` of the places."""
    groups = _groups(points, cell)
    groups.sort(key=lambda g: (len(g), sum(p[2] for p in g)), reverse=True)
    kept: list[Point] = []
    for group in groups:
        if kept and len(points) - len(kept) <= share * len(points):
            break
        kept.extend(group)
    return kept


def region_point(
    points: Sequence[Point], land: Sequence[Ring] | None = None
) -> tuple[float, float]:
    """The point of a region whose populated places are ``points``: the middle of the box of
    its main body (:func:`main_body`, cells of :data:`BODY_CELL`). Where that lies off its
    country's ``land`` (a chain of islands stretches the box over the sea: Tokyo's Izu
    islands), the middle of the box of a main body of finer cells that lies on it, else of
    the largest group of the finest cells where that does, else the people-weighted mean of
    the places where that does (Kagoshima, whose islands touch from the mainland to Amami);
    the first middle where none does (small islands the outline leaves out)."""
    point = box_middle(main_body(points))
    if not land or on_land(*point, land):
        return point
    for cell in FINER_CELLS:
        finer = box_middle(main_body(points, cell))
        if on_land(*finer, land):
            return finer
    largest = box_middle(main_body(points, FINER_CELLS[-1], share=1.0))
    if on_land(*largest, land):
        return largest
    people = sum(p[2] for p in points)
    if people:  # where its places lie give no point on its land, where its people live
        centre = (sum(p[0] * p[2] for p in points) / people, _people_lon(points, people))
        if on_land(*centre, land):
            return centre
    return point


def _people_lon(points: Sequence[Point], people: int) -> float:
    """The people-weighted mean longitude of ``points``, across the 180th meridian too."""
    west, _east = _lon_arc([p[1] for p in points])
    lon = sum(((p[1] - west) % 360 + west) * p[2] for p in points) / people
    return lon - 360 if lon > 180 else lon
