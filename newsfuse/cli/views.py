"""Human renderings of single records (the JSON twin is the record itself)."""

from __future__ import annotations

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsfuse.cli.output import console

KIND_STYLES = {"actors": "bold cyan", "places": "green", "times": "magenta", "quantities": "yellow"}


def _highlighted(text: str, annotations: dict[str, list[dict]]) -> Text:
    rich_text = Text(text)
    for kind, style in KIND_STYLES.items():
        for item in annotations.get(kind, []):
            rich_text.stylize(style, item["start"], item["end"])
    return rich_text


def _describe(kind: str, item: dict) -> str:
    if kind == "actors":
        return " ".join(x for x in (item["country"] or "—", item["sector"] or "") if x)
    if kind == "places":
        return " ".join(x for x in (item["country"] or "—", item["kind"]) if x)
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
            title=row.get("title") or row["id"],
            subtitle=meta,
        )
    )
    if row.get("boilerplate"):
        console.print(f"[dim]{len(row['boilerplate'])} lines of page furniture removed[/]")
    table = Table(show_header=True, header_style="bold")
    for column in ("kind", "text", "resolved"):
        table.add_column(column)
    for kind, style in KIND_STYLES.items():
        for item in annotations.get(kind, []):
            table.add_row(
                Text(kind[:-1] if kind != "quantities" else "quantity", style=style),
                item["text"],
                _describe(kind, item),
            )
    if table.row_count:
        console.print(table)
    else:
        console.print("[dim]not annotated yet: run `newsfuse annotate`[/]")
