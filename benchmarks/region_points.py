"""Which representative point of a country or first-order region lies nearest GeoNames' own?

A place's point should be that of the GeoNames record whose id we give it, but no registry
package carries GeoNames' points for first-order regions (and only whole-degree central
points for countries), so the gazetteer computes one from the region's populated places in
``cities500``. This script measures candidate ways of computing it against the points of
the gold toponyms in a places file (GeoNames' own), counting mentions, as acc@161 does:

    .venv/bin/python benchmarks/region_points.py ../shared/eval/places/trnews.jsonl

Both halves are printed (tune = even lines, check = odd lines, as ``newsfuse eval places``);
a method is chosen on the tune half only. Regions the gazetteer does not know by id are
left out.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable

from newsfuse.geo.boxes import box_middle, main_body, region_point
from newsfuse.geo.distance import haversine_km
from newsfuse.geo.geonames import gazetteer, region_members
from newsfuse.geo.land import country_land, on_land

Points = list[tuple[float, float, int]]  # lat, lon, people


def _bbox(ps: Points) -> tuple[float, float]:
    lats, lons = [p[0] for p in ps], [p[1] for p in ps]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _mean(ps: Points) -> tuple[float, float]:
    return statistics.fmean(p[0] for p in ps), statistics.fmean(p[1] for p in ps)


def _median(ps: Points) -> tuple[float, float]:
    return statistics.median(p[0] for p in ps), statistics.median(p[1] for p in ps)


def _trimmed_box(share: float) -> Callable[[Points], tuple[float, float]]:
    def point(ps: Points) -> tuple[float, float]:
        lats, lons = sorted(p[0] for p in ps), sorted(p[1] for p in ps)
        k = int(len(ps) * share)
        lo, hi = k, len(ps) - 1 - k
        return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2

    return point


def _weighted(ps: Points) -> tuple[float, float]:
    total = sum(p[2] for p in ps) or 1
    return sum(p[0] * p[2] for p in ps) / total, sum(p[1] * p[2] for p in ps) / total


def _body_box(cell: float, share: float) -> Callable[[Points], tuple[float, float]]:
    return lambda ps: box_middle(main_body(ps, cell, share))


def _on_land(ps: Points) -> tuple[float, float]:
    return region_point(ps, country_land().get(_COUNTRY[0]))


def _body_off_land(ps: Points) -> tuple[float, float]:
    """The box across 180 where it lies on the country's land, else the shipped rule."""
    land = country_land().get(_COUNTRY[0])
    point = box_middle(ps)
    return point if not land or on_land(*point, land) else region_point(ps, land)


_COUNTRY = [""]
"""The country of the region being measured (the methods take its places only)."""


METHODS: dict[str, Callable[[Points], tuple[float, float]]] = {
    "box middle": _bbox,
    "box across 180": box_middle,
    "main body, finer off land": _on_land,
    "box, main body only off land": _body_off_land,
    "main body box (0.5 deg, 5%)": _body_box(0.5, 0.05),
    "main body box (0.5 deg, 10%)": _body_box(0.5, 0.1),
    "main body box (0.5 deg, 20%)": _body_box(0.5, 0.2),
    "main body box (1.0 deg, 5%)": _body_box(1.0, 0.05),
    "main body box (1.0 deg, 10%)": _body_box(1.0, 0.1),
    "main body box (1.0 deg, 20%)": _body_box(1.0, 0.2),
    "main body box (2.0 deg, 5%)": _body_box(2.0, 0.05),
    "main body box (2.0 deg, 10%)": _body_box(2.0, 0.1),
    "main body box (2.0 deg, 20%)": _body_box(2.0, 0.2),
    "box of 2-98%": _trimmed_box(0.02),
    "box of 5-95%": _trimmed_box(0.05),
    "box of 10-90%": _trimmed_box(0.10),
    "mean": _mean,
    "median": _median,
    "people-weighted mean": _weighted,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    args = ap.parse_args()
    with open(args.path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    g = gazetteer()
    members = region_members()
    for half, chosen in (("tune", records[0::2]), ("check", records[1::2])):
        mentions: Counter[tuple[str, int]] = Counter()
        gold: dict[int, tuple[float, float]] = {}
        for rec in chosen:
            for t in rec.get("toponyms", []):
                kind = t.get("type")
                if kind in ("PCLI", "ADM1") and t.get("geonameid") and t.get("lat") is not None:
                    mentions[(kind, int(t["geonameid"]))] += 1
                    gold[int(t["geonameid"])] = (float(t["lat"]), float(t["lon"]))
        print(f"\n{half}: mentions within 161 km of GeoNames' point, by method")
        for kind in ("PCLI", "ADM1"):
            rows = []
            for (k, gid), n in mentions.items():
                if k != kind:
                    continue
                entry = g.by_id(gid)
                if entry is None:
                    continue
                key = (
                    (entry.iso2 or "", entry.admin1 or "")
                    if kind == "ADM1"
                    else (entry.iso2 or "", "")
                )
                ps = members.get(key)
                if not ps:
                    continue
                rows.append((gid, n, entry, ps))
            total = sum(n for _, n, _, _ in rows)
            line = [f"  {kind} ({len(rows)} places, {total} mentions)"]
            shipped = sum(
                n for gid, n, e, _ in rows if haversine_km(e.lat, e.lon, *gold[gid]) <= 161
            )
            line.append(f"shipped {shipped / total:.3f}" if total else "shipped -")
            for name, method in METHODS.items():
                ok = 0
                for gid, n, e, ps in rows:
                    _COUNTRY[0] = e.iso2 or ""
                    ok += n * (haversine_km(*method(ps), *gold[gid]) <= 161)
                line.append(f"{name} {ok / total:.3f}" if total else f"{name} -")
            print("\n    ".join(line))
            far = defaultdict(list)
            for gid, n, e, _ in rows:
                d = haversine_km(e.lat, e.lon, *gold[gid])
                if d > 161:
                    far[kind].append(f"{e.name} {d:.0f} km x{n}")
            if far[kind]:
                print("    shipped misses: " + "; ".join(far[kind]))


if __name__ == "__main__":
    main()
