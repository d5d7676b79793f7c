"""The pages in a real browser (Debian's chromium through Playwright), as an analyst uses them.

Screenshots go to ``screenshots/`` at the top of the repository (not committed).
"""

from __future__ import annotations

import pytest

from newsfuse.cluster.stage import cluster_new_articles
from newsfuse.ingest import ingest_documents, ingest_paths
from newsfuse.model import RawDocument
from newsfuse.store import Store
from newsfuse.web import create_app

from .conftest import EXAMPLES, REPO, SHARED
from .test_web import HOSTILE
from .web_support import live_server

SHOTS = REPO / "screenshots"
BIDI = RawDocument(
    "bidi.json",
    "text",
    "YEREVAN, March 5 (Reuters) - Armenia said on Wednesday that talks with Azerbaijan on the "
    "border near Sotk would resume next week, after a day of shelling that wounded three.",
    {
        "id": "bidi-1",
        "title": "Talks to resume near \u202enodnol",  # RLO: would show as "london"
        "outlet": "\u2067Evil Wire",  # RLI never closed: would flip the rest of the line
        "agency": "Reuters",
        "published": "2025-03-05",
    },
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A live server over a database holding the examples, the seeds (if ../shared is
    there) and one hostile article."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(str(db))
    paths = [str(EXAMPLES)] + ([str(SHARED / "seeds")] if SHARED.is_dir() else [])
    ingest_paths(paths, store)
    ingest_documents([HOSTILE, BIDI], store)
    cluster_new_articles(store)
    SHOTS.mkdir(exist_ok=True)
    with live_server(create_app(store)) as url:
        yield url
    store.close()


def _watch(page) -> dict[str, list]:
    seen: dict[str, list] = {"dialogs": [], "failed": [], "errors": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append((r.status, r.url)))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


def test_stories_to_the_seeds_story_to_an_actor_to_the_map(page, site, shared):
    seen = _watch(page)
    page.goto(site + "/stories")
    assert page.locator("h1").inner_text() == "Stories"
    page.screenshot(path=SHOTS / "1-stories.png", full_page=True)

    page.get_by_role("link", name="N. Korea involvement in Ukraine").click()
    page.wait_for_url("**/stories/s*")
    assert "dangerous expansion" in page.locator("h1").inner_text()
    assert page.locator("#independent-sources").inner_text() == "2"
    sources = page.locator("article.source")
    assert sources.count() == 2
    assert "AFP" in sources.nth(0).inner_text() + sources.nth(1).inner_text()
    assert page.locator("table.claims").get_by_text("consistent").count() >= 1
    assert page.locator("table.claims").get_by_text("only in ani").count() >= 1
    page.screenshot(path=SHOTS / "2-story.png", full_page=True)

    page.locator("p.meta a.actor", has_text="PRK").click()
    page.wait_for_url("**/actors/PRK")
    assert page.locator("h1").inner_text().startswith("North Korea")
    assert page.locator("#events-chart rect").count() > 0
    assert page.locator("table.partners").get_by_text("RUS").count() >= 1
    page.screenshot(path=SHOTS / "3-actor.png", full_page=True)

    page.locator("#nav-map").click()
    page.wait_for_url("**/map")
    assert page.locator("#world-map circle.marker").count() > 0
    page.screenshot(path=SHOTS / "4-map.png", full_page=True)
    page.locator("select[name=type]").select_option("FIGHT")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/map?*type=FIGHT*")
    assert page.locator("#world-map circle.marker").count() >= 1
    assert seen == {"dialogs": [], "failed": [], "errors": []}


def test_filters_and_downloads_on_the_events_page(page, site):
    seen = _watch(page)
    page.goto(site + "/events")
    page.locator("input[name=actor]").fill("ARM")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/events?*actor=ARM*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0
    with page.expect_download() as download:
        page.locator("#download-csv").click()
    assert download.value.suggested_filename == "events.csv"
    assert seen["failed"] == [] and seen["errors"] == []


def test_hostile_article_is_inert_in_the_browser(page, site):
    seen = _watch(page)
    page.goto(site + "/stories?q=Sotk")
    page.locator("a.story-link").first.click()  # the story the hostile article joined
    page.wait_for_url("**/stories/s*")
    page.locator("article.source h3 a", has_text="Shelling near Sotk").click()
    page.wait_for_url("**/articles/**")
    body = page.locator(".article-text").inner_text()
    assert "<script>alert('xss-body')</script>" in body  # shown as text, not run
    assert page.locator(".article-text img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.screenshot(path=SHOTS / "5-hostile-article.png", full_page=True)
    for path in ("/stories", "/events?limit=500", "/actors/ARM", "/map"):
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    assert seen["dialogs"] == [] and seen["errors"] == []


def test_api_docs_render_offline_under_the_csp(page, site):
    seen = _watch(page)
    blocked: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            r.url.startswith(("http:", "https:"))
            and not r.url.startswith(site)
            and outside.append(r.url)
        ),
    )
    operations = sum(
        len(p) for p in page.request.get(site + "/openapi.json").json()["paths"].values()
    )
    page.goto(site + "/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() == operations
    page.screenshot(path=SHOTS / "6-docs.png", full_page=True)
    page.goto(site + "/redoc")
    page.locator("[data-section-id]").first.wait_for()
    assert page.get_by_text("Ingest articles").count() >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('redoc > div')).display") != ""
    # Only ReDoc's footer logo (from its CDN) is refused; no script or style of ours is.
    assert [m for m in blocked if "logo" not in m] == []
    assert [u for u in outside if not u.endswith("/logo-mini.svg")] == []
    assert seen["failed"] == [] and seen["errors"] == []


_LEFT_OF = """([selector, word]) => {
  const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const x = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                       return r.getBoundingClientRect().left; };
    return [x(at), x(at + word.length - 1)];
  }
  return null;
}"""


def _x(page, selector: str, word: str) -> list[float]:
    """Where the first and the last letter of ``word`` are drawn, left to right."""
    found = page.evaluate(_LEFT_OF, [selector, word])
    assert found is not None, (selector, word)
    return found


def test_bidi_controls_cannot_reorder_the_page(page, site):
    page.goto(site + "/articles/bidi-1")
    first, last = _x(page, "h1", "nodnol")
    assert first < last  # stored order, not the override's "london"
    evil, reuters = _x(page, "p.meta", "Evil")[0], _x(page, "p.meta", "Reuters")[0]
    assert evil < reuters  # the open isolate is closed at the end of the outlet
    page.get_by_role("link", name="its story").click()
    page.wait_for_url("**/stories/s*")
    first, last = _x(page, "div.sources", "nodnol")
    assert first < last
    page.screenshot(path=SHOTS / "7-bidi.png", full_page=True)


def test_storylines_from_the_nav_to_a_story_and_back(page, site):
    seen = _watch(page)
    page.goto(site + "/stories")
    page.locator("#nav-storylines").click()
    page.wait_for_url("**/storylines")
    assert page.locator("h1").inner_text() == "Storylines"
    page.get_by_role("link", name="Armenia and Azerbaijan agree to reopen frontier talks").click()
    page.wait_for_url("**/storylines/l*")
    stories = page.locator("li.storyline-story")
    assert stories.count() == 2
    assert "border commissions meet" in stories.nth(1).inner_text()
    assert "AGREE" in stories.nth(0).inner_text()
    page.screenshot(path=SHOTS / "6-storyline.png", full_page=True)
    stories.nth(1).locator("a.story-link").click()
    page.wait_for_url("**/stories/s*")
    page.locator("#storyline-link").click()
    page.wait_for_url("**/storylines/l*")
    assert seen == {"dialogs": [], "failed": [], "errors": []}
