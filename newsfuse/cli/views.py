"""Human renderings of single records (the JSON twin is the record itself).

Every piece of stored text goes in as :func:`plain` text: never markup, controls escaped.
"""

from __future__ import annotations

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsfuse.cli.output import console, line, plain
from newsfuse.untrusted import visible

SHOWN_ARTICLES = 50  # rows of a story's sources table; --json lists every article
KIND_STYLES = {"actors": "bold cyan", "places": "green", "times": "magenta", "quantities": "yellow"}


def _highlighted(text: str, annotations: dict[str, list[dict]]) -> Text:
    """The text (controls shown as escapes) with its annotations coloured in."""
    shown = visible(text)
    if shown == text:
        offsets = None
    else:  # escapes lengthen the text: map each original offset to its shown offset
        offsets, position = [], 0
        for char in text:
            offsets.append(position)
            position += len(visible(char))
        offsets.append(position)
    rich_text = Text(shown)
    for kind, style in KIND_STYLES.items():
        for item in annotations.get(kind, []):
            start, end = item["start"], item["end"]
            if offsets is not None and 0 <= start <= end <= len(text):
                start, end = offsets[start], offsets[end]
            rich_text.stylize(style, start, end)
    return rich_text


def _describe(kind: str, item: dict) -> str:
    if kind == "actors":
        return " ".join(x for x in (item["country"] or "—", item["sector"] or "") if x)
    if kind == "places":
        geonameid = item.get("geonameid")
        parts = (
            item["country"] or "—",
            item["kind"],
            item.get("feature_code") or "",
            f"geonames:{geonameid}" if geonameid is not None else "",
        )
        return " ".join(x for x in parts if x)
    if kind == "times":
        return (
            item["value"]
            + (f"..{item['end_value']}" if item["end_value"] else "")
            + f" ({item['granularity']})"
        )
    value = "vague" if item["value"] is None else f"{item['value']:g}"
    parts = [
        item["qualifier"] or "",
        value,
        item["noun"] or "",
        item["actor_country"] or "",
        item["actor_sector"] or "",
    ]
    return " ".join(p for p in parts if p)


def render_article(row: dict) -> None:
    """The cleaned text with its annotations coloured in, then a table of them."""
    meta = " · ".join(
        str(row[k])
        for k in ("outlet", "agency", "dateline_place", "dateline_country", "published")
        if row.get(k)
    )
    annotations = row.get("annotations") or {}
    console.print(
        Panel(
            _highlighted(row["text"], annotations),
            title=plain(row.get("title") or row["id"]),
            subtitle=plain(meta),
        )
    )
    if row.get("boilerplate"):
        console.print(f"[dim]{len(row['boilerplate'])} lines of page furniture removed[/]")
    if copy := row.get("duplicate"):
        console.print(
            line(
                (copy["id"], "dim"),
                (f" ({copy['source']}) was an exact duplicate of this article, ", "dim"),
                (copy["of"], "dim"),
                (": it is stored once, under that id", "dim"),
            )
        )
    if row.get("revision_of"):
        console.print(line(("a later version of ", "dim"), (row["revision_of"], "dim")))
    if row.get("revisions"):
        console.print(line(("later versions: ", "dim"), (", ".join(row["revisions"]), "dim")))
    table = Table(show_header=True, header_style="bold")
    for column in ("kind", "text", "resolved"):
        table.add_column(column)
    for kind, style in KIND_STYLES.items():
        for item in annotations.get(kind, []):
            table.add_row(
                Text(kind[:-1] if kind != "quantities" else "quantity", style=style),
                plain(item["text"]),
                plain(_describe(kind, item)),
            )
    if table.row_count:
        console.print(table)
    else:
        console.print("[dim]not annotated yet: run `newsfuse annotate`[/]")


def render_story(story: dict) -> None:
    """A story: its sources side by side, the claim comparison, canonical events, coverage."""
    console.print(
        Panel(
            plain(story.get("title") or "(untitled)", "bold"),
            subtitle=plain(
                f"{story['id']} · {story['article_count']} articles · "
                f"{story['independent_sources']} independent sources · "
                f"{story.get('first_published') or '?'} – {story.get('last_published') or '?'}"
            ),
        )
    )
    sources = Table(title="Sources", header_style="bold", show_lines=True)
    for column in ("source", "outlet", "agency", "dateline", "date", "title", "copy of"):
        sources.add_column(column, overflow="fold")
    for a in story["articles"][:SHOWN_ARTICLES]:
        dateline = ", ".join(x for x in (a.get("dateline_place"), a.get("dateline_country")) if x)
        cells = (a["origin"], a.get("outlet"), a.get("agency"), dateline,
                 (a.get("published") or "")[:10], a.get("title") or a["id"], a.get("reprint_of"))  # fmt: skip
        sources.add_row(*(plain(cell) for cell in cells))
    console.print(sources)
    _more(len(story["articles"][:SHOWN_ARTICLES]), story.get("articles_total"), "articles",
          "; --json lists them all")  # fmt: skip

    claims = Table(title="Numbers: what each source says", header_style="bold", show_lines=True)
    for column in ("measure", "verdict", "values"):
        claims.add_column(column, overflow="fold")
    for c in story["claims"]:
        values = "\n".join(
            f"{v['source']}: {v['text']}"
            + (f" (according to {v['attributed_to']})" if v.get("attributed_to") else "")
            for v in c["values"]
        )
        style = {"consistent": "green", "conflicting": "red"}.get(c["verdict"], "yellow")
        claims.add_row(plain(c["measure"]), plain(c["verdict"], style), plain(values))
    console.print(claims)
    _more(len(story["claims"]), story.get("claims_total"), "measures")

    events = Table(title="Canonical events", header_style="bold")
    for column in ("event", "source", "target", "date", "sources", "mentions"):
        events.add_column(column, overflow="fold")
    for e in story["events"]:
        cells = (e["event"], " ".join(e["source"]), " ".join(e["target"]), e.get("date"),
                 " ".join(e["sources"]), e.get("mention_count", len(e["mentions"])))  # fmt: skip
        events.add_row(*(plain(cell) for cell in cells))
    console.print(events)
    _more(len(story["events"]), story.get("events_total"), "canonical events")
    coverage = story["coverage"]
    if coverage["all"]:
        console.print(
            line(
                ("Said by every source:", "bold"),
                " ",
                "; ".join(i["what"] for i in coverage["all"]),
            )
        )


def _more(shown: int, total: int | None, what: str, hint: str = "") -> None:
    if total is not None and total > shown:
        console.print(f"[dim]{shown} of {total} {what} shown{hint}[/]")


def render_storyline(storyline: dict) -> None:
    """A storyline: its stories oldest first, each with its canonical events."""
    console.print(
        Panel(
            plain(storyline.get("title") or "(untitled)", "bold"),
            subtitle=plain(
                f"{storyline['id']} · {storyline['story_count']} stories · "
                f"{storyline['articles']} articles · {storyline.get('first_published') or '?'}"
                f" – {storyline.get('last_published') or '?'}"
            ),
        )
    )
    table = Table(title="Stories, oldest first", header_style="bold", show_lines=True)
    for column in ("date", "story", "articles", "canonical events"):
        table.add_column(column, overflow="fold")
    for s in storyline["stories"]:
        events = "\n".join(f"{e.get('date') or '?'} {e['summary']}" for e in s.get("events", []))
        table.add_row(plain((s.get("first_published") or "")[:10]),
                      plain(f"{s.get('title') or s['id']}\n{s['id']}"),
                      plain(str(s["article_count"])), plain(events or "—"))  # fmt: skip
    console.print(table)
