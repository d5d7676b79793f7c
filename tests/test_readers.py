"""Readers: every format, paths, globs, stdin, and bad input turned into clear rejects."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import RawDocument, Reject
from newsfuse.readers import read_bytes, read_paths
from newsfuse.readers.registry import MAX_DOCUMENT_BYTES


def _docs(items):
    return [d for d in items if isinstance(d, RawDocument)]


def _rejects(items):
    return [d for d in items if isinstance(d, Reject)]


def test_text_html_json_jsonl_and_gz(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text article.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    (tmp_path / "c.json").write_text(
        json.dumps({"title": "T", "maintext": "Body", "date_publish": "2020-01-02"})
    )
    (tmp_path / "d.jsonl").write_text(
        '{"id": "x1", "text": "one"}\n{"id": "x2", "html": "<p>two</p>"}\n'
    )
    with gzip.open(tmp_path / "e.txt.gz", "wt", encoding="utf-8") as f:
        f.write("Gzipped text.\n")
    docs = _docs(read_paths([str(tmp_path)]))
    kinds = {d.source.rsplit("/", 1)[-1]: d.kind for d in docs}
    assert kinds == {"a.txt": "text", "b.html": "html", "c.json": "text", "d.jsonl:1": "text",
                     "d.jsonl:2": "html", "e.txt.gz": "text"}  # fmt: skip
    news_please = next(d for d in docs if d.source.endswith("c.json"))
    assert news_please.meta["title"] == "T"
    assert news_please.meta["published"] == "2020-01-02"
    assert [d.meta.get("id") for d in docs if "d.jsonl" in d.source] == ["x1", "x2"]


@pytest.mark.parametrize("key", ["published_at", "publishedAt", "datePublished", "pub_date"])
def test_other_common_names_of_the_publication_date(tmp_path, key):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Body.", key: "2020-01-02"}) + "\n")
    (doc,) = _docs(read_paths([str(tmp_path / "a.jsonl")]))
    assert doc.meta["published"] == "2020-01-02"


def test_glob_and_missing_path(tmp_path):
    for name in ("one.txt", "two.txt", "skip.html"):
        (tmp_path / name).write_text("text\n")
    items = list(read_paths([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")]))
    assert sorted(d.source.rsplit("/", 1)[-1] for d in _docs(items)) == ["one.txt", "two.txt"]
    assert "no such file" in _rejects(items)[0].reason


def test_stdin_is_sniffed():
    assert _docs(read_bytes(b'{"id": "s", "text": "hello"}\n', "<stdin>"))[0].meta["id"] == "s"
    assert _docs(read_bytes(b"<html><body>x</body></html>", "<stdin>"))[0].kind == "html"
    assert _docs(read_bytes(b"Just words.", "<stdin>"))[0].kind == "text"


def test_empty_and_binary_files_are_rejected_with_advice(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 10)
    rejects = {r.source.rsplit("/", 1)[-1]: r.reason for r in _rejects(read_paths([str(tmp_path)]))}
    assert "empty" in rejects["empty.txt"]
    assert "binary" in rejects["blob.txt"] and "pass a .txt" in rejects["blob.txt"]


def test_invalid_utf8_falls_back_and_says_so(tmp_path):
    (tmp_path / "latin.txt").write_bytes(
        "Caf\u00e9 owners in Z\u00fcrich said on Monday.".encode("cp1252")
    )
    doc = _docs(read_paths([str(tmp_path)]))[0]
    assert "Zürich" in doc.content
    assert doc.notes and "not valid UTF-8" in doc.notes[0]


def test_broken_json_line_among_good_ones(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"id": "c", "text": "ok"}\n[1]\n'
    )
    items = list(read_paths([str(path)]))
    assert [d.meta["id"] for d in _docs(items)] == ["a", "c"]
    reasons = {r.source.rsplit(":", 1)[-1]: r.reason for r in _rejects(items)}
    assert set(reasons) == {"2", "4"}
    assert "not valid JSON" in reasons["2"] and "other lines were read" in reasons["2"]


def test_unsupported_suffix_and_directory_without_files(tmp_path):
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "sub").mkdir()
    reasons = [
        r.reason for r in _rejects(read_paths([str(tmp_path / "pic.png"), str(tmp_path / "sub")]))
    ]
    assert any("no reader for '.png'" in r for r in reasons)
    assert any("holds no files" in r for r in reasons)


def test_broken_symlink_is_a_clear_reject(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (reject,) = _rejects(read_paths([str(tmp_path / "gone.txt")]))
    assert "dangling symbolic link" in reject.reason and "deleted.txt" in reject.reason


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    try:
        reasons = [r.reason for r in _rejects(read_paths([str(path)]))]
        # root can read anything; then there is nothing to check
        assert reasons == [] or "permission denied" in reasons[0]
    finally:
        path.chmod(0o644)


def test_huge_files_are_refused_or_streamed_in_bounded_memory(tmp_path):
    """A 100 MB text file is refused unread; a 100 MB JSON line is skipped, the next line read."""
    import tracemalloc

    big_txt = tmp_path / "big.txt"
    with open(big_txt, "wb") as f:
        f.truncate(100 * 2**20)  # sparse: 100 MB of NUL-free? no: zeros; size is what matters
    big_jsonl = tmp_path / "big.jsonl"
    with open(big_jsonl, "w") as f:
        f.write('{"id": "huge", "text": "')
        chunk = "x" * 2**20
        for _ in range(100):
            f.write(chunk)
        f.write('"}\n{"id": "small", "text": "fine"}\n')
    tracemalloc.start()
    items = list(read_paths([str(big_txt), str(big_jsonl)]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 3 * MAX_DOCUMENT_BYTES
    reasons = [r.reason for r in _rejects(items)]
    assert any("too big for one article" in r for r in reasons)
    assert any("line longer than" in r for r in reasons)
    assert [d.meta["id"] for d in _docs(items)] == ["small"]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_documents_or_rejects_never_exceptions(data):
    for suffix in (".txt", ".json", ".jsonl", ".html", ".sgm", None):
        for item in read_bytes(data, "<fuzz>", suffix):
            assert isinstance(item, RawDocument | Reject)


_UNPROCESSED = """<REUTERS TOPICS="YES" NEWID="41">
<DATE> 2-MAR-1987 09:39:50.97</DATE>
<TEXT TYPE="UNPROC">&#2;
FARM AGENCY EASES PLANTING RULE FOR OATS
    REPEAT FROM LATE FRIDAY
    WASHINGTON, Feb 27 - The farm agency said it is easing the
planting rule for this year's oats crop.
    An official said the step would help ease a short supply.
 Reuter
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID="42">
<DATE> 2-MAR-1987 09:40:01.11</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>MARKETS CLOSE HIGHER
</TITLE>
Blah blah blah.
&#3;</TEXT>
</REUTERS>
"""


def test_reuters_unprocessed_stories_are_read_and_briefs_are_not(tmp_path):
    (tmp_path / "day.sgm").write_text(_UNPROCESSED, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "day.sgm")]))
    [doc], [brief] = _docs(items), _rejects(items)
    assert doc.meta["title"] == "FARM AGENCY EASES PLANTING RULE FOR OATS"
    assert "The farm agency said it is easing the" in doc.content
    assert "FARM AGENCY" not in doc.content
    assert doc.meta["published"] == "1987-03-02T09:39:50"  # a one-digit day
    assert brief.source.endswith("#42") and "title-only brief" in brief.reason
