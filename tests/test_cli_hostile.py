"""Hostile article text through every CLI output: never rich markup, never a terminal
control; JSON exact; CSV cells guarded against formulas (export and --csv alike)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.cluster.stage import cluster_new_articles
from newsfuse.ingest import ingest_documents
from newsfuse.model import RawDocument
from newsfuse.store import Store
from newsfuse.store.schema import articles, stories

runner = CliRunner()
TITLE = '=HYPERLINK("http://evil") [/] \x1b[31mred\x1b[0m \x9b2J \u202eevil'
OUTLET = "[bold red]Evil[/] Wire"
ARTICLE_ID = "hostile [/] [link=http://x]id"
TEXT = (
    "GENEVA, March 4 (AFP) - Armenia accused Azerbaijan of shelling a village near Sotk on "
    "Tuesday [/]. The ministry said \x1b]0;pwned\x07 three soldiers were wounded [bold]and "
    "that the shelling went on for two hours\x1b[2J, a spokesman told reporters."
)
UNSAFE = ("\x1b", "\x9b", "\x07", "\u202e")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "hostile.db"
    store = Store(str(path))
    doc = RawDocument(
        "hostile.json",
        "text",
        TEXT,
        {"id": ARTICLE_ID, "title": TITLE, "outlet": OUTLET, "published": "2025-03-04"},
    )
    assert ingest_documents([doc], store).stored == 1
    cluster_new_articles(store)
    # The clean stage strips control characters; a database written by an older version
    # (or by hand) may still hold them, and the CLI must show them inert all the same.
    with store.engine.begin() as conn:
        conn.execute(articles.update().values(title=TITLE, text=TEXT.split(" - ", 1)[1]))
        conn.execute(stories.update().values(title=TITLE))
    store.close()
    bad = path.parent / "[red]bad \x1b[1m.jsonl"  # no "/" in a file name
    bad.write_text('{"title": "[/] no text \\u001b[2J"}\n')
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(path)])
    assert "Traceback" not in result.output
    _assert_inert(result.output)
    assert "rejected" in result.output and "[red]bad \\x1b[1m.jsonl" in result.output
    return str(path)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _assert_inert(output: str) -> None:
    for char in UNSAFE:
        assert char not in output, repr(char)


def test_tables_and_panels_show_markup_as_text_and_controls_as_escapes(db):
    story_id = json.loads(_run("stories", "--db", db, "--json"))[0]["id"]
    for args in (
        ("articles",),
        ("stories",),
        ("rejects",),
        ("events",),
        ("actors",),
        ("article", ARTICLE_ID),
        ("story", story_id),
        ("story", ARTICLE_ID),
    ):
        output = _run(*args, "--db", db)
        _assert_inert(output)
    article = _run("article", ARTICLE_ID, "--db", db)
    assert "[/]" in article and "[bold]and" in article and "\\x1b]0;pwned\\x07" in article
    assert "\\u202eevil" in article and "[bold red]Evil[/] Wire" in article
    assert "[red]bad" in _run("rejects", "--db", db)


def test_json_output_is_exact_and_inert(db):
    for args in (("articles",), ("article", ARTICLE_ID), ("stories",), ("rejects",)):
        output = _run(*args, "--db", db, "--json")
        _assert_inert(output)
    [row] = json.loads(_run("articles", "--db", db, "--json"))
    assert (row["id"], row["title"], row["outlet"]) == (ARTICLE_ID, TITLE, OUTLET)
    text = json.loads(_run("article", ARTICLE_ID, "--db", db, "--json"))["text"]
    assert text == TEXT.split(" - ", 1)[1]  # the dateline is read off, the rest kept exactly


def test_errors_show_untrusted_ids_as_text(db):
    result = runner.invoke(app, ["article", "[/]\x1b[2Jnope", "--db", db])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "[/]" in result.output
    _assert_inert(result.output)


def test_csv_cells_are_guarded_in_read_commands_and_exports(db, tmp_path):
    [listed] = list(csv.DictReader(io.StringIO(_run("articles", "--db", db, "--csv"))))
    assert listed["title"] == "'" + TITLE
    _run("export", "articles", "--db", db, "--format", "csv", "-o", str(tmp_path / "a.csv"))
    with open(tmp_path / "a.csv", newline="", encoding="utf-8") as f:
        [exported] = list(csv.DictReader(f))
    assert exported["title"] == "'" + TITLE and exported["text"] == TEXT.split(" - ", 1)[1]
    stories = list(
        csv.DictReader(io.StringIO(_run("export", "stories", "--db", db, "--format", "csv")))
    )
    assert stories[0]["title"] == "'" + TITLE
    jsonl = _run("export", "articles", "--db", db)  # JSON Lines: exact, nothing guarded
    assert json.loads(jsonl)["title"] == TITLE
    _assert_inert(jsonl)
