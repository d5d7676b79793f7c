"""Events as a GDELT-like table: one tab-separated row per happening, GDELT 2.0 event columns.

GDELT records each happening once and counts its mentions; so does this export. The
mentions of one story that newsfuse's fusion joins into one canonical event (same type,
a shared country on each side, compatible dates and places: :mod:`newsfuse.fuse.events`)
make one row; an event of an article in no story is a row of its own. The row's actors,
place and URL are those of the happening's first report (earliest published, then first
in its text), as GDELT takes them from the first article it saw.

What each column holds, and where it departs from GDELT, is in the README ("Exports").
The CAMEO root of a PLOVER type is the one of ``newsfuse/data/plover.tsv``
(:func:`newsfuse.events.ontology.cameo_root`); an actor's CAMEO type code is the reverse
of ``newsfuse/data/cameo_codes.tsv``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache
from typing import IO, Any

from newsfuse.events.ontology import cameo_root, event_type, quad_code
from newsfuse.export_plover import article_meta, is_real
from newsfuse.fuse.events import fuse_events
from newsfuse.store import Store
from newsfuse.tables import read_table
from newsfuse.untrusted import csv_cell

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""The 61 columns of a GDELT 2.0 event record, named as in GDELT's BigQuery table."""

GOLDSTEIN_ROOTS: dict[str, float] = {
    "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0, "10": -5.0,
    "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
    "18": -9.0, "19": -10.0,
}  # fmt: skip
"""The Goldstein scale value of each CAMEO root code, as GDELT's CAMEO.goldsteinscale.txt
gives it for the two-digit code itself (an event known only to its root)."""

NO_GOLDSTEIN = frozenset({"RETREAT"})
"""Types whose root's scale value misstates them: RETREAT exports as 08, whose value (5.0)
is that of the verbal yields 080-083 (our CONCEDE); CAMEO scores the material ones RETREAT
covers, 084-087, from 7.0 to 10.0. Their GoldsteinScale is left empty."""

US_STATE_OR_CITY = "USA"
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


@cache
def cameo_types() -> dict[str, str]:
    """Our sector → the CAMEO actor type code, the reverse of ``data/cameo_codes.tsv``:
    the same code where CAMEO has it (GOV → GOV), else the code that maps to it (JRN → MED,
    MED → HLH)."""
    found: dict[str, str] = {}
    for code, country, sector in read_table("cameo_codes.tsv"):
        if country != "-" or sector == "-":
            continue
        if code == sector or sector not in found:
            found[sector] = code
    return found


def lead_end(text: str | None) -> int:
    """Where the lead paragraph of ``text`` ends: the first paragraph (blank-line separated)
    that ends as a sentence does; a dateline or wire header on a line of its own
    ("Geneva, March 4 (AFP)", "GENEVA (Reuters) -") is not one."""
    if not text:
        return 0
    start = 0
    for paragraph in re.split(r"(\n\s*\n)", text):
        start += len(paragraph)
        if paragraph.strip() and _SENTENCE_END.search(paragraph):
            return start
    return len(text)


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _dates(event_date: str | None, published: str | None) -> list[Any]:
    """SQLDATE, MonthYear, Year, FractionDate. An event the text dates to a day has all four;
    one dated to a month or a year only has MonthYear and Year or Year alone (GDELT has no
    way to say "some day in June"); an undated one takes its report's day, as GDELT dates
    events by their report."""
    if event_date and len(event_date) in (4, 7) and event_date[:4].isdigit():
        month = event_date[:7].replace("-", "") if len(event_date) == 7 else ""
        return ["", month, int(event_date[:4]), ""]
    day = _day(event_date) or _day(published)
    if day is None:
        return ["", "", "", ""]
    days = 366 if calendar.isleap(day.year) else 365
    fraction = day.year + (day.timetuple().tm_yday - 1) / days
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor(actors: list[dict[str, Any]]) -> list[Any]:
    """One actor of a side as GDELT's ten actor columns: the first listed with a country,
    else the first listed (GDELT has one actor a side, PLOVER a list)."""
    if not actors:
        return [""] * len(_ACTOR)
    actor = next((a for a in actors if a.get("code")), actors[0])
    country = actor.get("code") or ""
    kind = cameo_types().get(actor.get("sector") or "", "")
    return [country + kind, actor.get("actorText") or "", country, "", "", "", "", kind, "", ""]


def _geo_type(country: str | None, feature_code: str | None) -> int | str:
    code = feature_code or ""
    if code.startswith("PCL"):
        return GEO_COUNTRY
    if code == "ADM1":
        return GEO_US_STATE if country == US_STATE_OR_CITY else GEO_WORLD_STATE
    if code and not code.startswith(("CONT", "RGN", "OCN", "SEA")):
        return GEO_US_CITY if country == US_STATE_OR_CITY else GEO_WORLD_CITY
    return ""


def _action_geo(event: dict[str, Any], admin1: dict[tuple[str, int], str]) -> list[Any]:
    if not event.get("location"):
        return [""] * len(_GEO)
    gid = event.get("location_geonameid")
    lat, lon = event.get("location_lat"), event.get("location_lon")
    return [
        _geo_type(event.get("location_country"), event.get("location_feature_code")),
        event["location"],
        event.get("location_country") or "",
        admin1.get((event["article_id"], gid), "") if gid is not None else "",
        "",
        "" if lat is None else lat,
        "" if lon is None else lon,
        "" if gid is None else gid,
    ]


def _stamp(value: str | None) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%Y%m%d%H%M%S")
    except ValueError:
        return ""


def _happenings(store: Store, *, members_of: dict[str, list[dict]]) -> Iterator[list[dict]]:
    """Each happening's mentions (real events only): fused within stories, alone outside."""
    for story_id in sorted(members_of):
        origin = {m["id"]: m["origin"] for m in members_of[story_id]}
        found = [e for e in store.story_events(story_id) if is_real(e)]
        for event in found:
            event["origin"] = origin.get(event["article_id"], event["article_id"])
        for canonical in fuse_events(found):
            yield canonical.mentions
    for event in store.iter_events():
        if event.get("story_id") is None and is_real(event):
            event["origin"] = event["article_id"]
            yield [event]


def gdelt_rows(store: Store) -> Iterator[list[Any]]:
    """Every happening with a real (not negated, not hypothetical) mention as one GDELT row."""
    articles = article_meta(store)
    members_of: dict[str, list[dict]] = {}
    for story_id in sorted(set(store.story_ids().values())):
        members_of[story_id] = store.story_members(story_id)
    order = {m["id"]: i for ms in members_of.values() for i, m in enumerate(ms)}
    admin1 = {
        (p["article_id"], p["geonameid"]): p["admin1"]
        for p in store.iter_places()
        if p.get("geonameid") is not None and p.get("admin1")
    }
    leads: dict[str, int] = {}
    for mentions in _happenings(store, members_of=members_of):
        first = min(mentions, key=lambda m: (order.get(m["article_id"], 0), m["sentence"], m["id"]))
        article = articles.get(first["article_id"], {})
        if first["article_id"] not in leads:
            leads[first["article_id"]] = lead_end(store.get_article(first["article_id"])["text"])
        yield _row(first, mentions, article, leads[first["article_id"]], admin1)


def _row(
    first: dict[str, Any],
    mentions: list[dict[str, Any]],
    article: dict[str, Any],
    lead: int,
    admin1: dict[tuple[str, int], str],
) -> list[Any]:
    kind = event_type(first["event_type"])
    root = cameo_root(kind)
    stated = [first.get("date"), *(m.get("date") for m in mentions)]
    dated = next((d for d in stated if _day(d)), None) or next((d for d in stated if d), None)
    goldstein = "" if kind in NO_GOLDSTEIN else GOLDSTEIN_ROOTS.get(root, "")
    return [
        first["id"],
        *_dates(dated, article.get("published")),
        *_actor(first.get("source") or []),
        *_actor(first.get("target") or []),
        1 if (first.get("start") or 0) < lead else 0,
        root,
        root,
        root,
        quad_code(kind),
        goldstein,
        len(mentions),
        len({m["origin"] for m in mentions}),
        len({m["article_id"] for m in mentions}),
        "",
        *([""] * len(_GEO)),
        *([""] * len(_GEO)),
        *_action_geo(first, admin1),
        _stamp(article.get("ingested_at")),
        article.get("url") or first["article_id"],
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    return str(csv_cell(text))


def write_gdelt(rows: Iterable[list[Any]], out: IO[str], *, header: bool = True) -> int:
    """Write GDELT rows as tab-separated lines (a header line of column names first when
    ``header``); returns the row count."""
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for row in rows:
        if len(row) != len(GDELT_COLUMNS):
            raise ValueError(f"a GDELT row has {len(row)} cells, not {len(GDELT_COLUMNS)}")
        out.write("\t".join(_cell(v) for v in row) + "\n")
        count += 1
    return count
