"""Language identification, and what happens to an article newsfuse does not analyse."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from fastapi.testclient import TestClient

from newsfuse.clean.language import article_language, guess_language, identify
from newsfuse.ingest import ingest_paths
from newsfuse.web import create_app

PARAGRAPHS = Path(__file__).parent / "data" / "languages.tsv"


def _paragraphs() -> list[tuple[str, str]]:
    rows = []
    for line in PARAGRAPHS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, text = line.split("\t", 1)
            rows.append((code, text))
    return rows


def test_paragraphs_of_200_characters_are_identified():
    """The issue's target: at least 99% right on paragraphs of 200 characters or more."""
    rows = [(code, text) for code, text in _paragraphs() if len(text) >= 200]
    assert len(rows) >= 60 and len({code for code, _ in rows}) >= 15
    wrong = [(code, identify(text)) for code, text in rows if identify(text).code != code]
    assert len(wrong) / len(rows) <= 0.01, wrong


def test_unsure_text_keeps_the_claim_or_stays_unknown():
    table = "LOUISVILLE, Ky., Feb 26 -\n\nNet 12.6 mln vs 15.8 mln\nRevs 337.3 mln vs 315.2 mln\n"
    assert article_language(table * 2) == (None, None)
    assert article_language(table * 2, "en-GB") == ("en", None)
    assert article_language("Pay October one\nRecord September four") == (None, None)
    assert guess_language("Short.") is None


def test_the_text_overrides_a_pages_wrong_claim():
    french = dict(_paragraphs())["fr"]
    language, note = article_language(french, "en-US")
    assert language == "fr" and "'en-US'" in note and "reads as 'fr'" in note
    assert Counter(guess_language(t) for c, t in _paragraphs() if c == "en") == {"en": 5}


def _write(folder: Path) -> None:
    rows = _paragraphs()
    french = " ".join(t for c, t in rows if c == "fr")
    english = " ".join(t for c, t in rows if c == "en")
    records = [
        {"id": "fr-border", "title": "Négociations à Genève", "text": french},
        {"id": "en-border", "title": "Talks in Geneva", "text": english},
    ]
    (folder / "two.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")


def test_an_article_in_another_language_is_stored_not_analysed(tmp_path, store):
    _write(tmp_path)
    report = ingest_paths([str(tmp_path)], store)
    assert report.stored == 2 and report.rejected == 0
    said = [n for n in report.notes if n.startswith("article fr-border:")]
    assert said and "language 'fr' is not analysed" in said[0] and "English (en)" in said[0]
    french = store.get_article("fr-border")
    assert french["language"] == "fr" and "not analysed" in " ".join(french["notes"])
    assert not store.get_annotations("fr-border")["actors"]
    assert not list(store.iter_events(article_id="fr-border"))
    english = store.get_article("en-border")
    assert english["language"] == "en" and not english["notes"]
    assert store.get_annotations("en-border")["actors"]  # Armenia, Azerbaijan, police...


def test_the_article_page_says_it_was_not_analysed(tmp_path, store):
    _write(tmp_path)
    ingest_paths([str(tmp_path)], store)
    with TestClient(create_app(store)) as client:
        page = client.get("/articles/fr-border")
        assert page.status_code == 200
        assert "language &#39;fr&#39; is not analysed" in page.text
        assert "not analysed" not in client.get("/articles/en-border").text
