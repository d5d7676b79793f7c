"""The hostile-input suite: every class of ``tools/hostile.py``, beside good files, through the CLI.

One ``newsfuse ingest TREE --json --no-annotate --no-cluster`` run reads every tree class
at once (as a user would ingest a folder); the classes that must be command-line arguments
(a FIFO, an empty directory) run on their own. Checked: good files stored, every hostile
input stored or rejected/skipped with a short reason holding the expected words, the exit
status as documented (0 when anything was read, 1 when nothing was or with ``--strict``
and a reject), no traceback, peak memory of the child under 1 GB. Times are printed, not
asserted (``benchmarks/hostile_inputs.py`` measures each class in its own process).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import time
from pathlib import Path

import pytest

from newsfuse.clean.document import clean_document
from newsfuse.model import RawDocument
from newsfuse.readers import read_paths
from newsfuse.readers.limits import MAX_REASON_CHARS
from newsfuse.store import Store

REPO = Path(__file__).resolve().parents[1]
NEWSFUSE = str(Path(sys.executable).with_name("newsfuse"))
MAX_RSS_BYTES = 2**30
TIMEOUT = 300
ARRAY_RECORDS = 2_000
"""The JSON array class, scaled down: 100,000 rejects cost ~100 s, almost all of it one
transaction per reject in the store; ``benchmarks/hostile_inputs.py`` runs the full size."""

_spec = importlib.util.spec_from_file_location("hostile", REPO / "tools" / "hostile.py")
assert _spec and _spec.loader
hostile = importlib.util.module_from_spec(_spec)
sys.modules["hostile"] = hostile
_spec.loader.exec_module(hostile)

_SEPARATORS = (":", "#", "[")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _case_param(name: str):  # type: ignore[no-untyped-def]
    needs = hostile.NEEDS.get(name)
    marks = [pytest.mark.xfail(strict=False, reason=f"needs {needs}")] if needs else []
    return pytest.param(name, marks=marks, id=name)


def matches(source: str, wanted: str) -> bool:
    """``source`` is the input ``wanted`` or a record inside it (``:LINE``, ``#N``, ``[N]``)."""
    return source == wanted or (
        source.startswith(wanted) and source[len(wanted) : len(wanted) + 1] in _SEPARATORS
    )


def check_expectation(expect, folder: Path, articles: list[dict], rejects: list[dict]) -> None:  # type: ignore[no-untyped-def]
    wanted = f"{folder}/{expect.source}"
    if expect.outcome == "stored":
        found = [a for a in articles if matches(a["source"], wanted)]
        assert len(found) == expect.count, (
            f"{expect.source}: {len(found)} stored, expected {expect.count}; rejects: "
            + "; ".join(r["reason"] for r in rejects if matches(r["source"], wanted))
        )
        for article in found:
            for snippet in expect.text_has:
                assert snippet in article["text"], f"{expect.source}: {snippet!r} not in text"
            for snippet in expect.text_lacks:
                assert snippet not in article["text"], f"{expect.source}: {snippet!r} in text"
            for snippet in expect.title_lacks:
                assert snippet not in (article["title"] or ""), f"{expect.source}: {snippet!r}"
        return
    found = [r for r in rejects if matches(r["source"], wanted)]
    fitting = [
        r
        for r in found
        if all(w.lower() in r["reason"].lower() for w in expect.words)
        and (expect.outcome != "skipped" or r["reason"].startswith("skipped:"))
    ]
    stored = any(matches(a["source"], wanted) for a in articles)
    got = "; ".join(r["reason"] for r in found[:3]) or ("stored" if stored else "nothing at all")
    assert len(fitting) >= expect.count, (
        f"{expect.source}: expected {expect.outcome} with {expect.words}; got {got}"
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    start = time.monotonic()
    cases = {case.name: case for case in hostile.write_all(root, array_records=ARRAY_RECORDS)}
    print(f"\ngenerated {len(cases)} classes in {time.monotonic() - start:.1f} s")
    return root, cases


@pytest.fixture(scope="module")
def tree_run(generated):
    """One CLI ingest of every tree class; the run, and what the database then holds."""
    root, _ = generated
    url = f"sqlite:///{root / 'tree.db'}"
    run = hostile.run_measured(
        [NEWSFUSE, "ingest", str(root / "tree"), "--json", "--no-annotate", "--no-cluster",
         "--db", url],
        TIMEOUT,
    )  # fmt: skip
    print(
        f"\ntree run: {run.seconds:.1f} s, peak RSS {run.max_rss_bytes / 2**20:.0f} MB, "
        f"exit {run.returncode}"
    )
    with Store(url) as store:
        articles = [dict(a) for a in store.iter_articles()]
        rejects = [dict(r) for r in store.iter_rejects()]
    return run, url, articles, rejects


def test_tree_run_ends_cleanly_in_bounded_memory(tree_run):
    run, _, articles, _ = tree_run
    assert not run.timed_out
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.max_rss_bytes < MAX_RSS_BYTES
    report = json.loads(run.stdout)
    assert report["stored"] == len(articles)


@pytest.mark.parametrize("name", [_case_param(n) for n in hostile.TREE])
def test_each_class_as_expected(name, generated, tree_run):
    _, cases = generated
    _, _, articles, rejects = tree_run
    case = cases[name]
    for expect in case.expect:
        check_expectation(expect, case.folder, articles, rejects)


def test_every_input_is_accounted_for(generated, tree_run):
    """Each entry of each class folder is stored, rejected or skipped: nothing vanishes."""
    _, cases = generated
    _, _, articles, rejects = tree_run
    sources = [a["source"] for a in articles] + [r["source"] for r in rejects]
    missing = [
        entry.path
        for case in cases.values()
        if not case.argument
        for entry in os.scandir(case.folder)
        if not any(matches(s, entry.path) for s in sources)
    ]
    assert not missing


def test_reject_reasons_are_short_single_lines(tree_run):
    _, _, _, rejects = tree_run
    assert rejects
    for reject in rejects:
        assert len(reject["reason"]) <= MAX_REASON_CHARS, reject
        assert not _CONTROL.search(reject["reason"]), reject


@pytest.mark.parametrize("name", list(hostile.ARGS))
def test_argument_classes(name, generated, tmp_path):
    """A FIFO argument is refused at once (never blocks); an empty directory is a reject."""
    _, cases = generated
    case = cases[name]
    inputs = [str(case.folder / e.source) for e in case.expect]
    url = f"sqlite:///{tmp_path / 'args.db'}"
    run = hostile.run_measured(
        [NEWSFUSE, "ingest", *inputs, "--json", "--no-annotate", "--db", url], 60
    )
    print(f"\n{name}: {run.seconds:.1f} s, exit {run.returncode}")
    assert not run.timed_out
    assert "Traceback" not in run.stderr
    assert run.returncode == case.exit_status
    with Store(url) as store:
        rejects = [dict(r) for r in store.iter_rejects()]
    for expect in case.expect:
        check_expectation(expect, case.folder, [], rejects)


def test_strict_exits_1_when_anything_is_rejected(generated, tmp_path):
    root, _ = generated
    folder = root / "tree" / "binary-junk"
    url = f"sqlite:///{tmp_path / 'strict.db'}"
    run = hostile.run_measured(
        [NEWSFUSE, "ingest", str(folder), "--strict", "--no-annotate", "--db", url], 60
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    with Store(url) as store:
        assert len(list(store.iter_articles())) == 2  # the good files are stored all the same


def test_listing_hostile_titles_and_reasons_works(tree_run):
    _, url, _, _ = tree_run
    for command in ("articles", "rejects"):
        run = hostile.run_measured([NEWSFUSE, command, "--db", url], 60)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-1000:]
        assert "\x1b]0;" not in run.stdout


@pytest.mark.slow
def test_time_per_class_in_process(generated):
    """Reading and cleaning each class (the part the limits bound), timed and printed."""
    _, cases = generated
    lines = []
    for name, case in cases.items():
        if case.argument:
            continue
        start = time.monotonic()
        for item in read_paths([str(case.folder)]):
            if isinstance(item, RawDocument):
                clean_document(item)
        lines.append(f"{name:26} {time.monotonic() - start:6.2f} s")
    print("\nread + clean per class:\n" + "\n".join(lines))


@pytest.mark.slow
def test_text_over_a_million_characters_is_annotated(generated, tmp_path):
    root, _ = generated
    url = f"sqlite:///{tmp_path / 'long.db'}"
    run = hostile.run_measured(
        [NEWSFUSE, "ingest", str(root / "tree" / "huge-text-txt"), "--json", "--db", url], 600
    )
    print(f"\nannotated run: {run.seconds:.1f} s, peak {run.max_rss_bytes / 2**20:.0f} MB")
    assert "Traceback" not in run.stderr and run.returncode == 0, run.stderr[-1000:]
    report = json.loads(run.stdout)
    assert report["stored"] == 3 and report["annotated"] == 3
    assert any("characters" in note for note in report["notes"]), report["notes"]
