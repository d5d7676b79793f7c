"""What kind of miss each acc@161 miss of ``newsfuse eval places`` is, counted per half.

Every gold toponym (demonyms apart, as the scorer does) that is not within 161 km of its
gold point falls in exactly one kind, tried in this order:

- ``lost``: the article was rejected or cleaning removed the toponym's characters;
- ``not found``: no place found overlaps it (spotting), split into ``known`` (the
  gazetteer has the gold's GeoNames id) and ``unknown`` (no id, or one it lacks);
- ``span``: a place overlaps it but spans other words (a part or a longer name:
  "York" of "New York", "Oxford Police" for "Oxford"; a leading "the" aside) and is not
  the gold place;
- ``no point``: the place found has no point;
- ``point``: the place found is the gold place (same GeoNames id) but our point for it
  lies over 161 km from the gold's (a country's or region's representative point);
- ``absent``: the gold place has no GeoNames id or one our gazetteer lacks;
- ``namesake``: the gold place is one of the gazetteer's places of the name found
  (``Gazetteer.candidates``), and another was chosen: resolution among candidates, split
  into ``namesake scored`` (the context resolver's score chose among them:
  ``newsfuse.geo.context.WEIGHTS``) and ``namesake other`` (a rule chose: "Name, Region",
  the world-city rule after the score, a reading before or after the resolver);
- ``other name``: the gold place is in the gazetteer but not under the name found
  (a name read as its country or region, an abbreviation, a landform).

    .venv/bin/python benchmarks/place_miss_kinds.py ../shared/eval/places/trnews.jsonl
    .venv/bin/python benchmarks/place_miss_kinds.py tests/data/places/gvc_places.jsonl \\
        --texts ../shared/eval/stories/gvc.jsonl [--show tune]

``--show tune`` lists the tune half's misses by kind (read only the tune half's).
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from newsfuse.evaluate import places
from newsfuse.evaluate.place_choices import namesake_choices
from newsfuse.geo.distance import haversine_km
from newsfuse.geo.geonames import gazetteer
from newsfuse.geo.places import normalise_place
from newsfuse.model import PlaceMention, Reject

KINDS = (
    "lost", "not found known", "not found unknown", "span", "no point", "point", "absent", "namesake scored",
    "namesake other", "other name",
)  # fmt: skip


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def kind_of(gold: dict[str, Any], span: tuple[int, int] | None, found: list[PlaceMention],
            text: str, scored: set[str]) -> tuple[str | None, PlaceMention | None]:  # fmt: skip
    """The kind of miss of ``gold`` (None: within 161 km) and the place found for it."""
    if span is None:
        return "lost", None
    best = max(found, key=lambda p: _overlap((p.start, p.end), span), default=None)
    if best is None or _overlap((best.start, best.end), span) == 0:
        gid = gold.get("geonameid")
        known = gid is not None and gazetteer().by_id(int(gid)) is not None
        return "not found " + ("known" if known else "unknown"), None
    gid = gold.get("geonameid")
    same = gid is not None and best.geonameid is not None and int(gid) == int(best.geonameid)
    if best.lat is not None and gold.get("lat") is not None:
        km = haversine_km(best.lat, best.lon, float(gold["lat"]), float(gold["lon"]))
        if km <= places.ACC_KM:
            return None, best
    leading_the = text[best.start : best.start + 4].lower() == "the " and best.start < span[0]
    start = best.start + 4 * leading_the
    if (start, best.end) != span and not same:
        return "span", best
    if best.lat is None:
        return "no point", best
    if same:
        return "point", best
    entry = gazetteer().by_id(int(gid)) if gid is not None else None
    if entry is None:
        return "absent", best
    names = {normalise_place(text[best.start : best.end]), normalise_place(best.name)}
    if any(entry in gazetteer().candidates(n) for n in names):
        return "namesake " + ("scored" if names & scored else "other"), best
    return "other name", best


def kinds(path: str, texts: str | None, show: str | None) -> dict[str, Counter[str]]:
    records = places.read_gold(path, texts)
    counts: dict[str, Counter[str]] = {"tune": Counter(), "check": Counter()}
    shown: list[str] = []
    with namesake_choices(lambda found, key, args: None) as scored:
        predicted = places.predict(records)
    for n, (record, (article, found)) in enumerate(zip(records, predicted, strict=True)):
        half = places.half_of(n)
        offsets = None if isinstance(article, Reject) else places.OffsetMap(
            record["text"], article.text
        )  # fmt: skip
        for gold in record.get("toponyms") or []:
            if places.is_demonym(gold["name"]):
                continue
            span = offsets.span(gold["start"], gold["end"]) if offsets else None
            text = "" if offsets is None else article.text
            kind, best = kind_of(gold, span, found, text, set(scored.get(text, {})))
            counts[half]["gold"] += 1
            if kind is None:
                continue
            counts[half][kind] += 1
            if half == show:
                got = (
                    f"{best.text!r} {best.kind} {best.feature_code} {best.country} "
                    f"{best.admin1} id={best.geonameid}"
                    if best
                    else "-"
                )
                shown.append(
                    f"{kind:15} {record.get('id')}: {gold['name']!r} = {gold.get('gaz_name')} "
                    f"id={gold.get('geonameid')} -> {got}"
                )
    for line in sorted(shown):
        print(line)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--texts")
    parser.add_argument("--show", choices=("tune",))
    args = parser.parse_args()
    counts = kinds(args.path, args.texts, args.show)
    print(f"{'':16}{'tune':>8}{'check':>8}")
    for kind in ("gold", *KINDS):
        print(f"{kind:16}{counts['tune'][kind]:>8}{counts['check'][kind]:>8}")
    misses = {h: sum(c[k] for k in KINDS) for h, c in counts.items()}
    print(f"{'misses':16}{misses['tune']:>8}{misses['check']:>8}")


if __name__ == "__main__":
    main()
