"""Watchlists and alerts (issue 15 item 2): matching on the examples, matches recorded once,
JSON Lines and webhook delivery (a real HTTP server on 127.0.0.1), the /alerts page, its
JSON twin and Atom feed, and the CLI."""

from __future__ import annotations

import http.server
import io
import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect
from typer.testing import CliRunner

from newsfuse.alerts import Watch, add_alert, check_alerts, deliver_pending
from newsfuse.alerts.check import find_matches
from newsfuse.cli import app
from newsfuse.errors import InputError, NotFound
from newsfuse.ingest import ingest_paths
from newsfuse.store import Store
from newsfuse.web import create_app

from .conftest import EXAMPLES
from .migration_support import downgrade
from .postgres_support import create_database

FRONTIER = "frontier-wire"  # the AFP copy: one article of the three-source frontier story
COMMISSION = "frontier-commission"
STRIKE = "harbour-strike"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    """The examples ingested once, into a SQLite file each test copies."""
    path = tmp_path_factory.mktemp("alerts") / "examples.db"
    with Store(str(path)) as store:
        ingest_paths([str(EXAMPLES)], store)
    return path


@pytest.fixture
def db(ingested, tmp_path) -> Iterator[Store]:
    path = tmp_path / "n.db"
    shutil.copy(ingested, path)
    with Store(str(path)) as store:
        yield store


def _stories_of(store: Store) -> dict[str, str]:
    """Article id -> story id."""
    return store.story_ids()


def _matched(store: Store, watch: Watch) -> list[dict]:
    candidates = store.alert_candidates(store.stories_since(0, 0))
    return list(find_matches("t", watch, candidates))


def _story_ids(store: Store, watch: Watch) -> set[str]:
    return {m["story_id"] for m in _matched(store, watch)}


# -- what matches ----------------------------------------------------------------------


def test_type_and_actor_match_the_stories_that_have_such_an_event(db):
    story = _stories_of(db)
    frontier, commission, strike = story[FRONTIER], story[COMMISSION], story[STRIKE]
    agree_arm = _story_ids(db, Watch.build(types=["agree"], actors=["arm"]))
    assert agree_arm == {frontier, commission}  # not the harbour strike's AGREE (no ARM)
    assert strike in _story_ids(db, Watch.build(types=["AGREE"]))
    # one role only: Azerbaijan rejects (Baku denied the charge); nobody rejects Azerbaijan
    assert _story_ids(db, Watch.build(types=["REJECT"], sources=["AZE"])) == {frontier}
    assert _story_ids(db, Watch.build(types=["REJECT"], targets=["AZE"])) == set()


def test_min_sources_counts_the_story_s_independent_sources(db):
    story = _stories_of(db)
    two = Watch.build(types=["AGREE"], actors=["ARM"], min_sources=2)
    assert _story_ids(db, two) == {story[FRONTIER]}  # three sources; the commission has one
    assert _story_ids(db, Watch.build(types=["AGREE"], min_sources=4)) == set()


def test_keywords_are_whole_words_in_titles_or_evidence(db):
    story = _stories_of(db)
    assert _story_ids(db, Watch.build(keywords=["strike"])) == {story[STRIKE]}
    assert _story_ids(db, Watch.build(keywords=["STRIKES"])) == set()  # a whole word
    # a story with no event still matches by its title
    festival = Watch.build(keywords=["lights  FESTIVAL"])
    assert _story_ids(db, festival) == {story["harbour-lights-festival"]}
    # with an event criterion the keyword must be in that event's texts
    assert _story_ids(db, Watch.build(types=["AGREE"], keywords=["ferries"])) == {story[STRIKE]}
    assert _story_ids(db, Watch.build(types=["ASSAULT"], keywords=["ferries"])) == set()


def test_places_by_country_or_name(db):
    story = _stories_of(db)
    assert _story_ids(db, Watch.build(places=["Ijevan"])) == {story[COMMISSION]}
    assert _story_ids(db, Watch.build(types=["CONSULT"], places=["che"])) == {story[FRONTIER]}


def test_per_event_scope_matches_each_event_once(db):
    # the frontier clash, as AFP, ANI and Reuters each tell it: three coded events
    matches = _matched(db, Watch.build(types=["FIGHT"], scope="event"))
    assert len(matches) == 3 and {m["kind"] for m in matches} == {"event"}
    assert len({m["key"] for m in matches}) == 3
    assert all(m["payload"]["events"][0]["event"] == "FIGHT" for m in matches)


def test_a_query_that_cannot_be_right_is_refused():
    with pytest.raises(InputError, match="unknown event type"):
        Watch.build(types=["AGREES"])
    with pytest.raises(InputError, match="ISO 3166"):
        Watch.build(actors=["Armenia"])
    with pytest.raises(InputError, match="scope"):
        Watch.build(scope="article")


# -- recorded once, checked after every ingest ------------------------------------------


def test_ingest_checks_alerts_and_a_match_is_recorded_once(tmp_path):
    with Store(str(tmp_path / "n.db")) as store:
        add_alert(store, "arm-2", Watch.build(types=["AGREE"], actors=["ARM"], min_sources=2))
        add_alert(store, "strike", Watch.build(keywords=["strike"]))
        first = ingest_paths([str(EXAMPLES / f"{FRONTIER}.txt")], store)
        assert first.alerts == {"matches": 0, "delivered": 0, "failed": 0, "waiting": 0,
                                "errors": []}  # fmt: skip
        # the other sources of the frontier story arrive: now it has three
        second = ingest_paths([str(EXAMPLES)], store)
        assert second.alerts["matches"] == 2 and second.to_dict()["alerts"]["matches"] == 2
        names = sorted(m["alert"] for m in store.recorded_matches())
        assert names == ["arm-2", "strike"]
        assert store.recorded_matches("arm-2")[0]["story_id"] == store.story_ids()[FRONTIER]
        third = ingest_paths([str(EXAMPLES)], store)  # the same again: nothing new
        assert third.alerts["matches"] == 0
        assert check_alerts(store) == []
        # a new alert looks at what is stored unless told to start from now
        add_alert(store, "later", Watch.build(keywords=["strike"]))
        add_alert(store, "from-now", Watch.build(keywords=["strike"]), from_now=True)
        assert [m["alert"] for m in check_alerts(store)] == ["later"]
        store.remove_alert("later")
        assert {a["name"] for a in store.list_alerts()} == {"arm-2", "strike", "from-now"}
        with pytest.raises(NotFound):
            store.remove_alert("later")
        with pytest.raises(InputError, match="exists"):
            add_alert(store, "strike", Watch.build())


def test_reclustering_from_scratch_does_not_repeat_matches(db):
    add_alert(db, "agree", Watch.build(types=["AGREE"]))
    assert len(check_alerts(db)) == 3
    runner = CliRunner()
    result = runner.invoke(app, ["cluster", "--rebuild", "--db", db.url])
    assert result.exit_code == 0, result.output
    assert check_alerts(db) == []  # positions start again: all looked at, none new


# -- delivery ----------------------------------------------------------------------------


def test_json_lines_to_a_file_and_to_stdout(db, tmp_path):
    out = tmp_path / "alerts.jsonl"
    add_alert(db, "arm", Watch.build(types=["AGREE"], actors=["ARM"]), jsonl=str(out))
    add_alert(db, "strike", Watch.build(keywords=["strike"]), jsonl="-")
    new = check_alerts(db)
    assert len(new) == 3
    report = deliver_pending(db)  # no stream: the stdout line waits
    assert (report.delivered, report.waiting) == (2, 1)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["alert"] for x in lines] == ["arm", "arm"]
    assert {x["story_id"] for x in lines} == {m["story_id"] for m in new if m["alert"] == "arm"}
    assert all(x["events"] and x["events"][0]["event"] == "AGREE" for x in lines)
    stream = io.StringIO()
    assert deliver_pending(db, stdout=stream).delivered == 1
    printed = [json.loads(x) for x in stream.getvalue().splitlines()]
    assert [x["title"] for x in printed] == ["Harbour workers strike over pay"]
    assert deliver_pending(db, stdout=stream).delivered == 0  # delivered once
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert {a["pending"] for a in db.list_alerts()} == {0}


class _Hook(http.server.BaseHTTPRequestHandler):
    """Answers 500 to the first ``fail`` POSTs, then 200; keeps what it took."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        server = self.server
        with server.guard:  # type: ignore[attr-defined]
            server.tries += 1  # type: ignore[attr-defined]
            failing = server.tries <= server.fail  # type: ignore[attr-defined]
            if not failing:
                server.taken.append((self.headers["Idempotency-Key"], json.loads(body)))  # type: ignore[attr-defined]
        self.send_response(500 if failing else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def webhook(fail: int) -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    server.fail, server.tries, server.taken = fail, 0, []  # type: ignore[attr-defined]
    server.guard = threading.Lock()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _url(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/hook"


def test_a_webhook_that_fails_twice_gets_each_match_exactly_once(db):
    with webhook(fail=2) as server:
        add_alert(db, "arm", Watch.build(types=["AGREE"], actors=["ARM"]), webhook=_url(server))
        new = check_alerts(db)
        report = deliver_pending(db, backoff=0.01)
        assert (report.delivered, report.failed) == (2, 0)
        assert server.tries == 4  # two 500s, then one 200 for each match
        assert sorted(b["match_id"] for _, b in server.taken) == sorted(m["match_id"] for m in new)
        assert {key for key, _ in server.taken} == {f"newsfuse-match-{m['match_id']}" for m in new}
        assert deliver_pending(db, backoff=0.01).delivered == 0
        assert check_alerts(db) == [] and server.tries == 4  # nothing sent twice


def test_a_webhook_down_keeps_its_matches_for_the_next_check(db):
    with webhook(fail=1000) as server:
        add_alert(db, "arm", Watch.build(types=["AGREE"], actors=["ARM"]), webhook=_url(server))
        check_alerts(db)
        report = deliver_pending(db, attempts=3, backoff=0.01)
        # one round of retries for the first match; the second waits without a try
        assert (report.delivered, report.failed, server.tries) == (0, 2, 3)
        assert "HTTP 500" in report.errors[0]
        owed = db.pending_deliveries()
        assert len(owed) == 2 and owed[0]["attempts"] == 3
        server.fail = 0  # the server is back
        assert deliver_pending(db, backoff=0.01).delivered == 2
        assert len(server.taken) == 2 and db.pending_deliveries() == []
    # nobody listening at all: a connection error is a failure, not a crash
    add_alert(db, "strike", Watch.build(keywords=["strike"]), webhook="http://127.0.0.1:9/x")
    check_alerts(db)
    report = deliver_pending(db, attempts=1)
    assert (report.delivered, report.failed) == (0, 1)


def test_the_outbox_survives_ingest_until_the_webhook_answers(tmp_path):
    with webhook(fail=1000) as server, Store(str(tmp_path / "n.db")) as store:
        add_alert(store, "agree", Watch.build(types=["AGREE"]), webhook=_url(server))
        report = ingest_paths([str(EXAMPLES)], store)
        assert report.alerts["matches"] == 3 and report.alerts["delivered"] == 0
        server.fail = 0
        again = ingest_paths([str(EXAMPLES)], store)  # nothing new; the outbox is sent
        assert (again.alerts["matches"], again.alerts["delivered"]) == (0, 3)
        assert len({b["match_id"] for _, b in server.taken}) == len(server.taken) == 3


# -- web ---------------------------------------------------------------------------------


def test_alerts_page_json_and_atom_feed(db):
    add_alert(db, "arm", Watch.build(types=["AGREE"], actors=["ARM"]),
              webhook="https://hooks.example.org/secret-token")  # fmt: skip
    add_alert(db, "quiet", Watch.build(types=["SANCTION"]))
    new = check_alerts(db)
    with TestClient(create_app(db)) as client:
        listed = client.get("/alerts.json").json()
        assert [a["name"] for a in listed["items"]] == ["arm", "quiet"]
        arm = listed["items"][0]
        assert arm["matches"] == 2 and len(arm["latest"]) == 2
        assert arm["deliver"] == ["webhook hooks.example.org"]  # never the URL's secret
        page = client.get("/alerts")
        assert page.status_code == 200 and "secret-token" not in page.text
        assert f'href="/stories/{new[0]["story_id"]}"' in page.text
        assert "AGREE · actor ARM" in page.text and "No match yet." in page.text
        feed = client.get("/alerts.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        parsed = feedparser.parse(feed.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10" and len(parsed.entries) == 2
        entry = next(e for e in parsed.entries if e.link.endswith(new[0]["story_id"]))
        assert entry.title == new[0]["title"] and entry.updated and entry.id.startswith("urn:")
        assert "AGREE" in entry.summary and entry.link.startswith("http://testserver/stories/")
        one = feedparser.parse(client.get("/alerts.atom", params={"alert": "quiet"}).content)
        assert one.entries == [] and one.feed.title == "newsfuse alert quiet"
        assert client.get("/alerts.atom", params={"alert": "nope"}).status_code == 404
        # the same entry ids after a check of another database with the same matches
        ids = {e.id for e in parsed.entries}
    assert len(ids) == 2


# -- CLI ---------------------------------------------------------------------------------


def test_cli_add_list_check_matches_remove(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "a.jsonl"
    added = runner.invoke(app, ["alerts", "add", "arm", "--type", "AGREE", "--actor", "ARM",
                                "--min-sources", "2", "--jsonl", str(out), "--db", db.url])  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "AGREE · actor ARM · ≥ 2 sources" in added.output
    listed = json.loads(runner.invoke(app, ["alerts", "list", "--db", db.url, "--json"]).stdout)
    assert [(a["name"], a["matches"]) for a in listed] == [("arm", 0)]
    checked = runner.invoke(app, ["alerts", "check", "--db", db.url, "--json"])
    assert checked.exit_code == 0, checked.output
    result = json.loads(checked.stdout)
    assert len(result["matches"]) == 1 and result["delivered"] == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    shown = json.loads(runner.invoke(app, ["alerts", "matches", "arm", "--db", db.url,
                                           "--json"]).stdout)  # fmt: skip
    assert [m["independent_sources"] for m in shown] == [3]
    bad = runner.invoke(app, ["alerts", "add", "x", "--type", "AGREES", "--db", db.url])
    assert bad.exit_code == 1 and "unknown event type" in bad.output
    hook = runner.invoke(app, ["alerts", "add", "x", "--webhook", "file:///etc", "--db", db.url])
    assert hook.exit_code == 1 and "http" in hook.output
    same = runner.invoke(app, ["alerts", "add", "arm", "--db", db.url])
    assert same.exit_code == 1 and "exists" in same.output
    removed = runner.invoke(app, ["alerts", "remove", "arm", "--db", db.url])
    assert removed.exit_code == 0
    assert json.loads(runner.invoke(app, ["alerts", "list", "--db", db.url, "--json"]).stdout) == []
    gone = runner.invoke(app, ["alerts", "remove", "arm", "--db", db.url])
    assert gone.exit_code == 1 and "alerts list" in gone.output


# -- PostgreSQL --------------------------------------------------------------------------


def test_alerts_on_postgres_as_on_sqlite(postgres_url, db):
    with Store(create_database(postgres_url, "alerts")) as pg:
        ingest_paths([str(EXAMPLES)], pg)
        found = {}
        for store in (pg, db):
            add_alert(store, "arm", Watch.build(types=["AGREE"], actors=["ARM"]))
            add_alert(store, "fight", Watch.build(types=["FIGHT"], scope="event"))
            found[store.engine.dialect.name] = sorted(
                (m["alert"], m["story_id"], m["title"]) for m in check_alerts(store)
            )
            assert check_alerts(store) == []
        assert found["postgresql"] == found["sqlite"] and len(found["sqlite"]) == 5


def test_migration_0014_goes_down_and_up(tmp_path):
    with Store(str(tmp_path / "n.db")) as store:
        add_alert(store, "arm", Watch.build(actors=["ARM"]))
        downgrade(store, "0013_storylines")
        assert "alerts" not in inspect(store.engine).get_table_names()
        store.migrate()
        assert store.list_alerts() == [] and store.watchlists() == []
