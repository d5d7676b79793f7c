"""Write newsfuse/web/static/world.svg, the web app's offline world map, from world-atlas.

The shapes are Natural Earth's 1:110m countries (public domain) as packaged in the npm
package world-atlas 2.0.2 (ISC, © Mike Bostock). To regenerate:

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/world_map.py "$OLDPWD/package/countries-110m.json"   # from the repo root

The projection is plain equirectangular in degrees: x = lon + 180, y = 90 - lat, so the
viewBox is 0 0 360 180 and a place is drawn at the point its coordinates say. Every country
is one <path class="country" id="c-ISO3"> (ISO 3166-1 alpha-3 from its numeric id) with a
<title> holding its Natural Earth name. Kosovo has no ISO code and gets XKX, the code the
rest of newsfuse uses; Northern Cyprus and Somaliland get the lowercase name-based ids
c-n-cyprus and c-somaliland. Coordinates are rounded to 0.1 degree.

world-atlas stitches shapes across the antimeridian, so rings of Russia and Fiji jump from
+180 to -180 and back. Those rings are unwrapped into one continuous outline and, where it
runs past the edge of the map, drawn a second time 360 degrees over; the viewBox clips both
copies. Antarctica's ring instead goes once round the pole: it is closed along the bottom
edge of the map.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pycountry

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "newsfuse" / "web" / "static"

# world-atlas features without an ISO 3166-1 numeric id
NO_ID = {"Kosovo": "XKX", "N. Cyprus": "n-cyprus", "Somaliland": "somaliland"}

NOTICE = """\
world.svg: the countries of the world for newsfuse's web app
============================================================

The country shapes are Natural Earth's 1:110m Admin 0 countries
(https://www.naturalearthdata.com/), which are in the public domain, as packaged
in TopoJSON by the npm package world-atlas 2.0.2
(https://github.com/topojson/world-atlas), ISC licence, Copyright 2013-2019
Michael Bostock.

tools/world_map.py converted them to this SVG: equirectangular projection with
x = longitude + 180 and y = 90 - latitude (viewBox 0 0 360 180), coordinates
rounded to 0.1 degree, one <path class="country" id="c-ISO3"> per country with
its name in a <title>. Kosovo is c-XKX; Northern Cyprus and Somaliland, which
have no ISO code, are c-n-cyprus and c-somaliland.

To regenerate, from the repository root:

    dir=$(mktemp -d)
    (cd "$dir" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    .venv/bin/python tools/world_map.py "$dir/package/countries-110m.json"
"""


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (lon, lat) points (they are quantised and delta-coded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arc_ids: list[int], arcs: list) -> list[tuple[float, float]]:
    """Join a ring's arcs (a negative index ~i means arc i reversed); arcs share end points."""
    points: list[tuple[float, float]] = []
    for i in arc_ids:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> tuple[list[tuple[float, float]], int]:
    """Shift longitudes by multiples of 360 so no step is longer than 180 degrees.

    Returns the points and the number of turns the closed ring makes round the pole
    (0 for an ordinary ring, ±1 for Antarctica).
    """
    out = [points[0]]
    offset = 0.0
    for (lon0, _), (lon1, lat1) in itertools.pairwise(points):
        step = lon1 - lon0
        if step > 180:
            offset -= 360
        elif step < -180:
            offset += 360
        out.append((lon1 + offset, lat1))
    return out, round(offset / 360)


def ring_copies(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The ring as drawn: unwrapped, plus a copy on the other side of the map if it needs one."""
    lons = [lon for lon, _ in points]
    if max(lons) - min(lons) <= 180:
        return [points]
    unwrapped, turns = unwrap(points)
    if turns:  # round a pole: start just after the jump, then close the ring along the pole
        ring = points[:-1] if points[0] == points[-1] else points
        jump = next(k for k in range(len(ring)) if abs(ring[k - 1][0] - ring[k][0]) > 180)
        ring = unwrap(ring[jump:] + ring[:jump])[0]
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        return [[*ring, (ring[-1][0], pole), (ring[0][0], pole)]]
    copies = [unwrapped]
    lo, hi = min(lon for lon, _ in unwrapped), max(lon for lon, _ in unwrapped)
    if hi > 180:
        copies.append([(lon - 360, lat) for lon, lat in unwrapped])
    if lo < -180:
        copies.append([(lon + 360, lat) for lon, lat in unwrapped])
    return copies


def fmt(tenths: int) -> str:
    """Tenths of a degree as the shortest decimal: 1234 -> 123.4, 1230 -> 123, -5 -> -0.5."""
    sign = "-" if tenths < 0 else ""
    whole, frac = divmod(abs(tenths), 10)
    return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"


def path_data(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data for rings of (lon, lat), projected and rounded to 0.1 degree."""
    parts = []
    for ring in rings:
        xy: list[tuple[int, int]] = []
        for lon, lat in ring:
            p = (round((lon + 180) * 10), round((90 - lat) * 10))
            if not xy or p != xy[-1]:
                xy.append(p)
        if len(xy) > 1 and xy[0] == xy[-1]:
            xy.pop()
        if len(set(xy)) < 3:  # an islet smaller than the rounding
            continue
        parts.append("M" + " ".join(f"{fmt(x)},{fmt(y)}" for x, y in xy) + "Z")
    return "".join(parts)


def country_id(geometry: dict) -> str:
    name = geometry["properties"]["name"]
    if "id" not in geometry:
        return NO_ID[name]
    country = pycountry.countries.get(numeric=geometry["id"])
    if country is None:
        raise SystemExit(f"no ISO 3166-1 country has the numeric code {geometry['id']} ({name})")
    return country.alpha_3


def world_svg(topology: dict) -> str:
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings = [
            copy
            for polygon in polygons
            for arc_ids in polygon
            for copy in ring_copies(ring_points(arc_ids, arcs))
        ]
        d = path_data(rings)
        if not d:
            print(f"skipped {geometry['properties']['name']}: nothing left", file=sys.stderr)
            continue
        iso = country_id(geometry)
        name = escape(geometry["properties"]["name"])
        paths.append(
            (iso, f'<path id="c-{iso}" class="country" d="{d}"><title>{name}</title></path>')
        )
    ids = [i for i, _ in paths]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise SystemExit(f"several shapes would share the ids {sorted(duplicates)}")
    body = "\n".join(p for _, p in sorted(paths))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">\n'
        "<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 "
        "(ISC, © Mike Bostock); see NOTICE-world-map.txt -->\n"
        # Pages show the map as an <img>/<image>, which page CSS cannot reach: the
        # colours are presentation attributes here.
        f'<g fill="{LAND}" stroke="{BORDER}" stroke-width="0.08" stroke-linejoin="round">\n'
        f"{body}\n</g>\n</svg>\n"
    )


LAND = "#cfd8c8"
BORDER = "#ffffff"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help=f"default: {OUT_DIR}")
    args = parser.parse_args(argv)
    svg = world_svg(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "world.svg").write_text(svg, encoding="utf-8")
    (args.out_dir / "NOTICE-world-map.txt").write_text(NOTICE, encoding="utf-8")
    print(
        f"wrote {args.out_dir / 'world.svg'} ({len(svg.encode()):,} bytes, {svg.count('<path')} countries)"
    )


if __name__ == "__main__":
    main()
