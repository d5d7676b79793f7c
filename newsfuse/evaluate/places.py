"""Place spotting and resolution against gold toponyms: ``newsfuse eval places FILE``.

Each gold record (JSON Lines: ``text`` and ``toponyms``, each toponym with character
``start``/``end`` into ``text``, ``geonameid``, ``lat``, ``lon``; optional ``neutral``
spans that count neither way) goes through what ingest does: the JSON record reader,
the clean stage, then the annotate stage. The cleaned text can differ from the given
one (a reporter's sign-off or a header line cut, spaces tidied); gold offsets are carried
over by a character alignment of the two texts (:class:`OffsetMap`), and a gold toponym
whose characters cleaning removed counts as missed (``lost_at_cleaning`` says how many).
``clean=False`` annotates the given text as it is, so that offsets match one to one.

Scores (over the gold toponyms that are not demonyms, see :func:`is_demonym`):

- recall: gold toponyms that some place found overlaps;
- precision: places found that overlap a gold toponym (demonym or not), among the places
  that overlap no ``neutral`` span;
- acc@161: gold toponyms whose overlapping place has a point within 161 km of the gold
  point, over all gold toponyms (not found, or found without a point: a miss) and over
  the matched ones;
- id: the same with an equal GeoNames id instead of the distance; ``acc161_or_id``
  counts either (our point for a country or region is a stated representative point,
  which may lie over 161 km from the one the gold took for the same GeoNames place);
- AUC: the mean over gold toponyms of ``ln(1 + d) / ln(1 + 20039)``, ``d`` the error in
  km, 20,039 km (half the Earth's circumference) for a toponym missed or without a point:
  the area under the curve of sorted scaled log errors, as in Gritta et al. (2018); 0 is
  perfect, lower is better. ``auc_matched`` takes matched toponyms with a point only.

Demonyms and place adjectives ("Turkish") are scored apart, with the same figures.
The split is fixed: records at even 0-based positions of the file are the tune half,
odd positions the check half.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import json
import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newsfuse.geo.distance import haversine_km
from newsfuse.model import Article, PlaceMention, RawDocument, Reject
from newsfuse.readers import read_file
from newsfuse.readers.decode import decode_bytes

__all__ = ["evaluate_places", "haversine_km", "is_demonym", "read_gold"]

Half = Literal["tune", "check", "both"]
ACC_KM = 161.0
MAX_KM = 20039.0
"""Half the Earth's circumference: the largest possible error (AUC's scale)."""
_ADJECTIVE_END = re.compile(r"(?:an|ian|ese|ish|i|ic|ch)$", re.I)


def is_demonym(name: str) -> bool:
    """A gold toponym written as a demonym or place adjective ("Turkish", "Syrians").

    Our demonym table (``data/demonyms.tsv``) knows it; or it is one word, not a place
    name our gazetteer knows, ending like an adjective of place (-an, -ian, -ese, -ish,
    -i, -ic, -ch); or it is written in lower case (not a proper noun).
    """
    from newsfuse.annotate.gazetteer import name_key, names
    from newsfuse.geo.places import country_of_place

    text = name.strip()
    entry = names().get(name_key(text))
    if entry is not None and entry.kind == "demonym":
        return True
    if text[:1].islower():
        return True
    return (
        " " not in text
        and bool(_ADJECTIVE_END.search(text))
        and country_of_place(text) is None
        and entry is None
    )


class OffsetMap:
    """Character offsets of a given text carried into a cleaned text by alignment."""

    def __init__(self, given: str, cleaned: str) -> None:
        self.identity = given == cleaned
        self._blocks: list[tuple[int, int, int]] = []
        if not self.identity:
            matcher = difflib.SequenceMatcher(None, given, cleaned, autojunk=False)
            self._blocks = [(a, b, n) for a, b, n in matcher.get_matching_blocks() if n]
        self._starts = [a for a, _, _ in self._blocks]

    def _char(self, i: int) -> int | None:
        if self.identity:
            return i
        k = bisect.bisect_right(self._starts, i) - 1
        if k < 0:
            return None
        a, b, n = self._blocks[k]
        return b + (i - a) if i < a + n else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The cleaned span of given ``[start, end)``; None if cleaning removed its ends."""
        first, last = self._char(start), self._char(end - 1)
        if first is None or last is None or last < first:
            return None
        return first, last + 1


@dataclass
class Tally:
    """Counts behind one group's figures (toponyms or demonyms of one half)."""

    gold: int = 0
    found: int = 0
    within: int = 0
    same_id: int = 0
    within_or_id: int = 0
    with_point: int = 0
    lost_at_cleaning: int = 0
    scaled: list[float] = field(default_factory=list)
    scaled_matched: list[float] = field(default_factory=list)
    errors_km: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        def mean(values: list[float]) -> float | None:
            return round(statistics.fmean(values), 4) if values else None

        return {
            "gold": self.gold,
            "found": self.found,
            "recall": ratio(self.found, self.gold),
            "acc161": ratio(self.within, self.gold),
            "acc161_matched": ratio(self.within, self.found),
            "acc161_or_id": ratio(self.within_or_id, self.gold),
            "id_match": ratio(self.same_id, self.gold),
            "id_match_matched": ratio(self.same_id, self.found),
            "with_point": self.with_point,
            "auc": mean(self.scaled),
            "auc_matched": mean(self.scaled_matched),
            "median_error_km": round(statistics.median(self.errors_km), 1)
            if self.errors_km
            else None,
            "lost_at_cleaning": self.lost_at_cleaning,
        }


@dataclass
class HalfScore:
    toponyms: Tally = field(default_factory=Tally)
    demonyms: Tally = field(default_factory=Tally)
    articles: int = 0
    rejected: int = 0
    predicted: int = 0
    predicted_neutral: int = 0
    predicted_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        scored = self.predicted - self.predicted_neutral
        return {
            "articles": self.articles,
            "rejected_at_ingest": self.rejected,
            "places_found": self.predicted,
            "precision": round(self.predicted_correct / scored, 4) if scored else None,
            "toponyms": self.toponyms.figures(),
            "demonyms": self.demonyms.figures(),
        }


def read_gold(path: str | Path, texts: str | Path | None = None) -> list[dict[str, Any]]:
    """Gold records of ``path``; with ``texts``, records that hold offsets but no text
    (``id`` and ``text_sha1``) take the article (text, title, url, outlet, published) of
    the same ``id`` from ``texts``: a JSON Lines file of articles, or a corpus directory
    whose file ``id`` (a path under it, "bbc/sport/032.txt") is the article's whole text,
    decoded as ingest decodes a text file (the magnitudes gold names BBC files the same way),
    or whose file of many stories holds it ("reuters21578/3.sgm#3012": the story of NEWID
    3012, read as ingest reads it, see :func:`_stories`). A text whose SHA-1 is not the
    recorded one is an error: the offsets would point elsewhere."""
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    if texts is None:
        return records
    articles = _corpus_files(Path(texts), records) if Path(texts).is_dir() else _jsonl(texts)
    joined = []
    for record in records:
        article = articles.get(record.get("id"))
        if article is None:
            raise ValueError(f"{texts} has no article {record.get('id')!r}")
        digest = hashlib.sha1(article["text"].encode("utf-8")).hexdigest()
        if record.get("text_sha1") not in (None, digest):
            raise ValueError(f"article {record['id']!r} of {texts} is not the annotated text")
        kept = {k: article[k] for k in _ARTICLE_FIELDS if k in article}
        joined.append({**kept, **record})
    return joined


_ARTICLE_FIELDS = ("text", "title", "url", "outlet", "published", "agency")


def _jsonl(texts: str | Path) -> dict[Any, dict[str, Any]]:
    with open(texts, encoding="utf-8") as handle:
        return {a.get("id"): a for a in map(json.loads, filter(str.strip, handle))}


def _corpus_files(root: Path, records: Sequence[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    """The records' files under ``root`` (ids that name no file under it are left out)."""
    out: dict[Any, dict[str, Any]] = {}
    wanted: dict[Path, set[str]] = {}  # files of many stories: the story ids asked of each
    for record in records:
        name = str(record.get("id") or "")
        path, _, story = name.partition("#")
        source = (root / path).resolve()
        if not (path and source.is_relative_to(root.resolve()) and source.is_file()):
            continue
        if story:
            wanted.setdefault(source, set()).add(story)
        else:
            out[name] = {"id": name, "text": decode_bytes(source.read_bytes(), name).text}
    for source, stories in wanted.items():
        name = source.relative_to(root.resolve()).as_posix()
        for story, article in _stories(source, stories).items():
            out[f"{name}#{story}"] = {"id": f"{name}#{story}", **article}
    return out


def _stories(path: Path, stories: set[str]) -> dict[str, dict[str, Any]]:
    """The stories of a file of many (Reuters SGML) that ``stories`` name, each as ingest's
    reader gives it: the text ingest cleans (a Reuters story's dateline and body) and the
    title, date and agency it carries. A story is named by the part of its source after
    "#" (the NEWID of a Reuters story)."""
    out = {}
    for doc in read_file(str(path)):
        story = doc.source.rpartition("#")[2]
        if isinstance(doc, RawDocument) and story in stories:
            meta = {k: doc.meta[k] for k in ("title", "published", "agency") if doc.meta.get(k)}
            out[story] = {"text": doc.content, **meta}
    return out


def half_of(position: int) -> Literal["tune", "check"]:
    """The fixed split: even 0-based positions tune, odd ones check."""
    return "tune" if position % 2 == 0 else "check"


def _articles(records: Sequence[dict[str, Any]], clean: bool) -> list[Article | Reject]:
    from newsfuse.clean.document import clean_document
    from newsfuse.readers.formats import record_to_document

    out: list[Article | Reject] = []
    for n, record in enumerate(records):
        meta = {k: v for k, v in record.items() if k not in ("toponyms", "neutral", "text_sha1")}
        raw = record_to_document(meta, f"gold:{n}")
        if isinstance(raw, Reject):
            out.append(raw)
            continue
        if not clean:
            raw_id = str(record.get("id") or f"gold-{n}")
            published = str(record.get("published") or "")[:10] or None
            out.append(Article(raw_id, raw.source, record["text"], "", published=published))
            continue
        out.append(clean_document(raw))
    return out


def predict(
    records: Sequence[dict[str, Any]], clean: bool = True
) -> list[tuple[Article | Reject, list[PlaceMention]]]:
    """Each record's article (or why ingest rejected it) and the places annotation found."""
    from newsfuse.annotate.stage import annotate_articles

    articles = _articles(records, clean)
    kept = [a for a in articles if isinstance(a, Article)]
    found = iter(annotate_articles(kept, code=False))
    out: list[tuple[Article | Reject, list[PlaceMention]]] = []
    for article in articles:
        places = list(next(found).annotations.places) if isinstance(article, Article) else []
        out.append((article, places))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _place_dict(place: PlaceMention) -> dict[str, Any]:
    return {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "country": place.country,
        "kind": place.kind,
        "geonameid": getattr(place, "geonameid", None),
        "lat": place.lat,
        "lon": place.lon,
    }


def score_record(
    record: dict[str, Any],
    article: Article | Reject,
    places: Sequence[PlaceMention],
    score: HalfScore,
) -> None:
    """Add one record's counts (and its errors) to ``score``."""
    score.articles += 1
    errors: list[dict[str, Any]] = []
    if isinstance(article, Reject):
        score.rejected += 1
        offsets = None
    else:
        offsets = OffsetMap(record["text"], article.text)
    gold_spans: list[tuple[int, int]] = []
    for gold in record.get("toponyms") or []:
        tally = score.demonyms if is_demonym(gold["name"]) else score.toponyms
        tally.gold += 1
        span = offsets.span(gold["start"], gold["end"]) if offsets else None
        if span is None:
            tally.lost_at_cleaning += offsets is not None
            tally.scaled.append(1.0)
            errors.append({"miss": "not in the stored text", "gold": gold["name"]})
            continue
        gold_spans.append(span)
        best = max(places, key=lambda p: _overlaps((p.start, p.end), span), default=None)
        if best is None or _overlaps((best.start, best.end), span) == 0:
            tally.scaled.append(1.0)
            errors.append({"miss": "not found", "gold": gold["name"], "at": span[0]})
            continue
        tally.found += 1
        gid = getattr(best, "geonameid", None)
        same_id = gid is not None and str(gid) == str(gold.get("geonameid"))
        tally.same_id += same_id
        if best.lat is None or best.lon is None or gold.get("lat") is None:
            tally.within_or_id += same_id
            tally.scaled.append(1.0)
            errors.append({"miss": "no point", "gold": gold["name"], "found": _place_dict(best)})
            continue
        km = haversine_km(best.lat, best.lon, float(gold["lat"]), float(gold["lon"]))
        tally.with_point += 1
        tally.errors_km.append(km)
        scaled = math.log1p(km) / math.log1p(MAX_KM)
        tally.scaled.append(scaled)
        tally.scaled_matched.append(scaled)
        tally.within_or_id += same_id or km <= ACC_KM
        if km <= ACC_KM:
            tally.within += 1
        else:
            errors.append(
                {
                    "miss": f"{km:,.0f} km off",
                    "gold": gold["name"],
                    "gold_id": gold.get("geonameid"),
                    "gold_place": gold.get("gaz_name"),
                    "found": _place_dict(best),
                }
            )
    neutral = []
    for span in record.get("neutral") or []:
        mapped = offsets.span(span["start"], span["end"]) if offsets else None
        if mapped:
            neutral.append(mapped)
    for place in places:
        where = (place.start, place.end)
        score.predicted += 1
        if any(_overlaps(where, g) for g in gold_spans):
            score.predicted_correct += 1
        elif any(_overlaps(where, n) for n in neutral):
            score.predicted_neutral += 1
        else:
            errors.append({"miss": "not a gold toponym", "found": _place_dict(place)})
    if errors:
        score.errors.append({"id": record.get("id"), "errors": errors})


def evaluate_places(
    path: str | Path,
    half: Half = "both",
    errors: bool = False,
    clean: bool = True,
    texts: str | Path | None = None,
) -> dict[str, Any]:
    """Scores of place spotting and resolution on ``path``, per half of the fixed split.

    With ``errors`` the result also holds each article's misses under ``"errors"``: the
    tune half's, unless ``half`` is ``"check"``. ``texts``: see :func:`read_gold`.
    """
    records = read_gold(path, texts)
    chosen = [(n, r) for n, r in enumerate(records) if half == "both" or half_of(n) == half]
    predicted = predict([r for _, r in chosen], clean=clean)
    scores = {name: HalfScore() for name in (("tune", "check") if half == "both" else (half,))}
    for (n, record), (article, places) in zip(chosen, predicted, strict=True):
        score_record(record, article, places, scores[half_of(n)])
    result: dict[str, Any] = {
        "file": str(path),
        "cleaned": clean,
        "halves": {name: s.figures() for name, s in scores.items()},
    }
    if errors:
        shown = "check" if half == "check" else "tune"
        result["errors"] = scores[shown].errors
        result["errors_half"] = shown
    return result


_ROWS: tuple[tuple[str, str, str], ...] = (
    ("articles (rejected at ingest)", "", "articles"),
    ("places found", "", "places_found"),
    ("precision", "", "precision"),
    ("gold toponyms", "toponyms", "gold"),
    ("  recall", "toponyms", "recall"),
    ("  acc@161 km, all gold", "toponyms", "acc161"),
    ("  acc@161 km, matched", "toponyms", "acc161_matched"),
    ("  GeoNames id, all gold", "toponyms", "id_match"),
    ("  GeoNames id, matched", "toponyms", "id_match_matched"),
    ("  161 km or same id, all gold", "toponyms", "acc161_or_id"),
    ("  AUC, all gold", "toponyms", "auc"),
    ("  AUC, matched with a point", "toponyms", "auc_matched"),
    ("  median error km", "toponyms", "median_error_km"),
    ("  lost at cleaning", "toponyms", "lost_at_cleaning"),
    ("gold demonyms", "demonyms", "gold"),
    ("  recall", "demonyms", "recall"),
    ("  acc@161 km, all gold", "demonyms", "acc161"),
    ("  GeoNames id, all gold", "demonyms", "id_match"),
    ("  AUC, all gold", "demonyms", "auc"),
)


def format_report(result: dict[str, Any]) -> str:
    """The halves side by side, one figure a line."""
    halves = result["halves"]
    names = list(halves)
    lines = [f"{'':32}" + "".join(f"{n:>10}" for n in names)]
    for label, group, key in _ROWS:
        cells = []
        for name in names:
            figures = halves[name][group] if group else halves[name]
            value = figures[key]
            if key == "articles":
                value = f"{value} ({halves[name]['rejected_at_ingest']})"
            elif isinstance(value, float):
                value = f"{value:.3f}" if key != "median_error_km" else f"{value:,.0f}"
            cells.append(f"{'-' if value is None else value:>10}")
        lines.append(f"{label:32}" + "".join(cells))
    if not result["cleaned"]:
        lines.append("(given texts annotated as they are, not cleaned)")
    return "\n".join(lines)


def format_errors(errors: Iterable[dict[str, Any]]) -> str:
    """One line per miss, grouped by article."""
    lines = []
    for item in errors:
        lines.append(f"{item['id']}:")
        for e in item["errors"]:
            found = e.get("found")
            where = (
                f" -> {found['text']!r} {found['kind']} {found['country'] or '-'} "
                f"id={found['geonameid']} ({found['lat']}, {found['lon']})"
                if found
                else ""
            )
            gold = f" gold {e['gold']!r}" if "gold" in e else ""
            if e.get("gold_place"):
                gold += f" = {e['gold_place']} id={e.get('gold_id')}"
            lines.append(f"  {e['miss']}:{gold}{where}")
    return "\n".join(lines)
