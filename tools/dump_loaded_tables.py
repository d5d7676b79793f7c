"""Print what every data-table loader and country/month lookup returns, one line each, so
two trees can be compared after a refactoring that must not change what is loaded:

    cd TREE_A && PYTHONPATH=. python tools/dump_loaded_tables.py > /tmp/a.txt
    cd TREE_B && PYTHONPATH=. python tools/dump_loaded_tables.py > /tmp/b.txt
    diff /tmp/a.txt /tmp/b.txt

Sets are printed sorted, dicts in their own order, regexes as (pattern, flags). A loader
missing from a tree prints as missing. ``--build`` also hashes the GeoNames gazetteer build
(slow: a minute or two).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import itertools
import re
import string
import sys
from collections.abc import Callable
from typing import Any

LETTERS = string.ascii_uppercase
ISO2_CANDIDATES = ["".join(p) for p in itertools.product(LETTERS, repeat=2)]
ISO3_CANDIDATES = ["".join(p) for p in itertools.product(LETTERS, repeat=3)]


def canon(value: Any) -> Any:
    if isinstance(value, re.Pattern):
        return ("re", value.pattern, value.flags)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (
            type(value).__name__,
            tuple((f.name, canon(getattr(value, f.name))) for f in fields),
        )
    if isinstance(value, dict):
        return tuple((canon(k), canon(v)) for k, v in value.items())
    if isinstance(value, set | frozenset):
        return ("set", tuple(sorted((canon(v) for v in value), key=repr)))
    if isinstance(value, list | tuple):
        return tuple(canon(v) for v in value)
    if hasattr(value, "value") and type(value).__module__.startswith("newsfuse"):  # enums
        return value.value
    return value


MOVED = {
    ("newsfuse.actors.cameo", "_iso3"): ("newsfuse.countries", "iso3_codes"),
    ("newsfuse.geo.places", "country_of_iso2"): ("newsfuse.countries", "iso3_of_iso2"),
}
"""Where a loader went when it moved: the old place is tried first."""


def attr(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (AttributeError, ImportError):
        if (module, name) not in MOVED:
            raise
        return attr(*MOVED[module, name])


def call(module: str, name: str, *args: Any) -> Callable[[], Any]:
    return lambda: attr(module, name)(*args)


def patterns() -> Any:
    return [(p.reason, p.regex.pattern, p.regex.flags, p.any_length) for p in
            attr("newsfuse.clean.page_lines", "load_patterns")()]  # fmt: skip


def over(module: str, name: str, inputs: list[Any]) -> Callable[[], Any]:
    return lambda: [(x, attr(module, name)(x)) for x in inputs]


def month_numbers() -> Any:
    words = ["jan", "Jan.", "january", "JANUARY", "sept", "Sept.", "sep", "september", "may",
             "ma", "marc", "Dec", "decmber", "juni", "jul", "July", "august", "Augu", "Octo"]  # fmt: skip
    return over("newsfuse.clean.dateline", "_month_number", words)()


def cameo_codes() -> Any:
    table = attr("newsfuse.actors.cameo", "_code_table")()
    codes = list(table) + ISO3_CANDIDATES[::7]
    pairs = [a + b for a in list(table)[:60] for b in list(table)[:60]]
    return over("newsfuse.actors.cameo", "cameo_to_actor", codes + pairs + ["~MUS", "IGO~"])()


def scoring_codes() -> Any:
    return over("newsfuse.events.scoring", "country_code", [*ISO3_CANDIDATES, "jap", "USAGOV"])()


def country_entries() -> Any:
    fn = attr("newsfuse.geo.gazetteer", "_country_entry")
    return [(c, getattr(fn(c), "geonameid", None)) for c in ISO3_CANDIDATES]


def home_countries() -> Any:
    fn = attr("newsfuse.geo.home", "home_country")
    return [(c, fn(f"https://www.example.{c.lower()}/x")) for c in ISO2_CANDIDATES]


def build_hash() -> Any:
    columns, index = attr("newsfuse.geo.geonames", "build")()
    digest = hashlib.sha256()
    for key in sorted(columns):
        digest.update(repr((key, list(columns[key]) if hasattr(columns[key], "tolist") else
                            columns[key])).encode())  # fmt: skip
    digest.update(repr(sorted(index.items())).encode())
    return digest.hexdigest()


CHECKS: dict[str, Callable[[], Any]] = {
    "cameo._code_table": call("newsfuse.actors.cameo", "_code_table"),
    "cameo._iso3": call("newsfuse.actors.cameo", "_iso3"),
    "cameo.cameo_to_actor": cameo_codes,
    "ruler.phrase_patterns": call("newsfuse.annotate.ruler", "phrase_patterns"),
    "annotate.gazetteer.names": call("newsfuse.annotate.gazetteer", "names"),
    "annotate.gazetteer.leader_surnames": call("newsfuse.annotate.gazetteer", "leader_surnames"),
    "annotate.gazetteer.sector_words": call("newsfuse.annotate.gazetteer", "sector_words"),
    "quantities.lexicon": call("newsfuse.annotate.quantities", "lexicon"),
    "quantities.MONTHS": lambda: attr("newsfuse.annotate.quantities", "MONTHS"),
    "time_words.MONTHS": lambda: attr("newsfuse.annotate.time_words", "MONTHS"),
    "time_words.WEEKDAYS": lambda: attr("newsfuse.annotate.time_words", "WEEKDAYS"),
    "time_words.HAS_MONTH_RE": lambda: attr("newsfuse.annotate.time_words", "HAS_MONTH_RE"),
    "times._MONTH_FIND_RE": lambda: attr("newsfuse.annotate.times", "_MONTH_FIND_RE"),
    "times._REL_DAY_FIND_RE": lambda: attr("newsfuse.annotate.times", "_REL_DAY_FIND_RE"),
    "time_resolution._REL_DAY_RE": lambda: attr("newsfuse.annotate.time_resolution", "_REL_DAY_RE"),
    "geonames._geonames_country_points": call("newsfuse.geo.geonames", "_geonames_country_points"),
    "geonames._country_points": call("newsfuse.geo.geonames", "_country_points"),
    "abbreviations.abbreviations": call("newsfuse.geo.abbreviations", "abbreviations"),
    "abbreviations.form_pattern": call("newsfuse.geo.abbreviations", "form_pattern"),
    "geo.regions.regions": call("newsfuse.geo.regions", "regions"),
    "geo.gazetteer._country_entry": country_entries,
    "places._table": call("newsfuse.geo.places", "_table"),
    "places._alias_rows": lambda: list(attr("newsfuse.geo.places", "_alias_rows")()),
    "places._abbreviation_rows": lambda: list(attr("newsfuse.geo.places", "_abbreviation_rows")()),
    "places.country_of_iso2": over("newsfuse.geo.places", "country_of_iso2", ISO2_CANDIDATES),
    "home.home_country": home_countries,
    "points._capitals": call("newsfuse.geo.points", "_capitals"),
    "web.data.country_name": over("newsfuse.web.data", "country_name", ISO3_CANDIDATES),
    "dateline._agency_names": call("newsfuse.clean.dateline", "_agency_names"),
    "dateline._agency_regex": call("newsfuse.clean.dateline", "_agency_regex"),
    "dateline._month_number": month_numbers,
    "page_lines.load_patterns": patterns,
    "page_lines._DATELINE_PATTERNS": lambda: attr(
        "newsfuse.clean.page_lines", "_DATELINE_PATTERNS"
    ),
    "ontology._table": call("newsfuse.events.ontology", "_table"),
    "cameo_verbs.table": call("newsfuse.events.cameo_verbs", "table"),
    "lexicon.triggers": call("newsfuse.events.lexicon", "triggers"),
    "lexicon.mode_words": call("newsfuse.events.lexicon", "mode_words"),
    "scoring._iso_alpha3": call("newsfuse.events.scoring", "_iso_alpha3"),
    "scoring.country_code": scoring_codes,
}


def main(argv: list[str]) -> None:
    checks = dict(CHECKS)
    if "--build" in argv:
        checks["geonames.build"] = build_hash
    for name, check in checks.items():
        try:
            value = repr(canon(check()))
        except Exception as exc:
            value = f"missing: {type(exc).__name__}: {exc}"
        digest = hashlib.sha256(value.encode()).hexdigest()[:16]
        print(f"{name}\t{digest}\t{len(value)}\t{value[:160]}")


if __name__ == "__main__":
    main(sys.argv)
