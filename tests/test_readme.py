"""The README's commands run: every `newsfuse ...` line of its ```sh blocks, in-process.

Each command runs with the repository root as working directory (so `examples/` and
`../shared/...` resolve as they do for a reader), against a temporary SQLite database
seeded by ingesting `examples/` (through NEWSFUSE_DB, so commands without --db use it too).
Lines that cannot run as written are listed in SPECIAL with what is done instead.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import traceback

import pytest
import typer
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsfuse.cli import app

from .conftest import EXAMPLES, REPO, SHARED

README = REPO / "README.md"

# Command prefix → why it does not run exactly as written, and what the test does instead.
SPECIAL: dict[str, str] = {
    "newsfuse serve": "a server: run through the CLI with uvicorn.run replaced by a recorder; "
    "check that create_app built the FastAPI app for the temp database and that it answers",
    "newsfuse actors import dicts/*.txt": "dicts/*.txt is a placeholder: a two-line CAMEO "
    "dictionary is written to tmp/dicts/ and the glob is expanded there",
    "newsfuse ingest feed.jsonl": "feed.jsonl is a placeholder: a one-article JSON Lines feed "
    "is written to tmp and ingested instead",
    "newsfuse batch examples/ --out batch/ --cpus": "runs with --no-ray: Ray starts once in the "
    "suite, in tests/test_batch.py, which checks that a Ray run gives the same database",
    "newsfuse batch examples/ --out batch/ --address": "needs a running Ray cluster: runs with "
    "--no-ray (and --load, into the temp database)",
    "newsfuse batch-load batch/": "batch/ is written to tmp first by the in-process batch "
    "(run_batch on examples/, use_ray=False)",
    "newsfuse alerts remove": "needs the alert: `alerts add NAME` runs first on the same database",
    "newsfuse eval clusters ../shared/": "reads ../shared: runs only where it exists (~3 s)",
    "newsfuse eval plover ../shared/": "reads ../shared: runs only where it exists (~3 s)",
    "newsfuse eval places ../shared/": "reads ../shared: runs only where it exists, on the "
    "first 4 articles of the file copied to tmp (the whole file takes ~40 s; the CHECK-half "
    "gate in tests/test_geo_places.py runs the real thing)",
    "newsfuse eval magnitudes tests/data/": "reads ../shared: runs only where it exists, on the "
    "first 4 sentences of the file copied to tmp (the whole file takes ~10 s; the check-half "
    "gate in tests/test_magnitude_rules.py runs the real thing)",
    "newsfuse eval datelines ../shared/": "reads ../shared: runs only where it exists; the whole "
    "Reuters-21578 corpus takes ~4 s in-process (~8 s as a process), under the 20 s budget, "
    "so the path is kept",
}
# Output files (`-o FILE`) and folders (`--out DIR`, `batch-load DIR`) are written to tmp_path;
# `--db FILE` is pointed at the temp database; `$NAME` shell variables get the values below
# (shlex.split does not expand them).
VARIABLES = {"$SECRET": "readme-test-token"}
# Ids like `frontier-wire` are real: examples/frontier-wire.txt is stored under that id.

runner = CliRunner()


def _sh_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


def readme_commands() -> list[list[str]]:
    """Every distinct newsfuse command line in the README's sh blocks, as argv after `newsfuse`."""
    commands: list[list[str]] = []
    for block in _sh_blocks(README.read_text(encoding="utf-8")):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)  # drops the trailing `# comment`
            if not words or (words[0] != "newsfuse" and not words[0].endswith("/newsfuse")):
                continue  # make lines, benchmark scripts, comment continuation lines
            argv = ["newsfuse", *words[1:]]  # `.venv/bin/newsfuse` is the same command
            if argv not in commands:
                commands.append(argv)
    return commands


def special_reason(argv: list[str]) -> str | None:
    line = " ".join(argv)  # not shlex.join: it would quote the glob in dicts/*.txt
    return next((why for prefix, why in SPECIAL.items() if line.startswith(prefix)), None)


def _needs_shared(argv: list[str]) -> bool:
    return any(word.startswith("../shared") for word in argv)


def _params():
    params = []
    for argv in readme_commands():
        marks = []
        if _needs_shared(argv):
            marks += [pytest.mark.shared, pytest.mark.slow]
        params.append(pytest.param(argv, id=shlex.join(argv[1:]), marks=marks))
    return params


COMMANDS = readme_commands()


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    """A SQLite file with examples/ ingested once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("readme") / "seed.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _substitute(argv: list[str], tmp_path, db: str) -> list[str]:
    """The README line made runnable here (see SPECIAL and VARIABLES)."""
    args = list(argv[1:])
    out: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        if args[0] == "batch" and word in ("--cpus", "--address") and i + 1 < len(args):
            out.append("--no-ray")  # see SPECIAL
            i += 2
            continue
        if args[:2] == ["eval", "places"] and i == 2:
            head = (SHARED / word.removeprefix("../shared/")).read_text("utf-8").splitlines()[:4]
            (tmp_path / "places.jsonl").write_text("\n".join(head) + "\n", "utf-8")
            word = str(tmp_path / "places.jsonl")
        if args[:2] == ["eval", "magnitudes"] and i == 2:
            head = (REPO / word).read_text("utf-8").splitlines()[:4]
            (tmp_path / "magnitudes.jsonl").write_text("\n".join(head) + "\n", "utf-8")
            word = str(tmp_path / "magnitudes.jsonl")
        if args[0] == "batch-load" and i == 1:
            from newsfuse.batch import run_batch

            run_batch([str(EXAMPLES)], tmp_path / word, use_ray=False)
            word = str(tmp_path / word)
        if word in ("-o", "--output", "--db", "--out", "--jsonl") and i + 1 < len(args):
            value = db if word == "--db" else str(tmp_path / args[i + 1])
            out += [word, value]
            i += 2
            continue
        if word.startswith("$"):
            assert word in VARIABLES, f"README uses {word}: add a value to VARIABLES"
            word = VARIABLES[word]
        elif word == "feed.jsonl":
            feed = tmp_path / "feed.jsonl"
            article = {
                "id": "readme-feed-1",
                "outlet": "Readme Wire",
                "title": "Talks resume in Geneva",
                "text": "GENEVA (Reuters) - Armenian and Azerbaijani envoys resumed talks in "
                "Geneva on Monday, officials said, after a week of border incidents.",
                "published": "2025-03-10",
            }
            feed.write_text(json.dumps(article) + "\n", encoding="utf-8")
            word = str(feed)
        elif "*" in word and not word.startswith("-"):
            if word == "dicts/*.txt":
                (tmp_path / "dicts").mkdir(exist_ok=True)
                (tmp_path / "dicts" / "mini.actors.txt").write_text(
                    "ARAM_KHACHATRYAN_\n [ARMGOV]\n", encoding="utf-8"
                )
            matches = sorted(str(p) for p in tmp_path.glob(word))
            assert matches, f"glob {word!r} matches nothing: add it to SPECIAL"
            out += matches
            i += 1
            continue
        out.append(word)
        i += 1
    return out


def test_readme_has_commands():
    assert len(COMMANDS) >= 20, [shlex.join(c) for c in COMMANDS]


def test_every_shared_command_is_listed_in_special():
    unlisted = [shlex.join(c) for c in COMMANDS if _needs_shared(c) and not special_reason(c)]
    assert not unlisted, f"commands reading ../shared without a SPECIAL entry: {unlisted}"


def test_every_special_case_is_still_in_the_readme():
    lines = [" ".join(c) for c in COMMANDS]
    stale = [p for p in SPECIAL if not any(line.startswith(p) for line in lines)]
    assert not stale, f"SPECIAL entries that match no README command: {stale}"


@pytest.mark.parametrize("argv", _params())
def test_readme_command_runs(argv, request, seeded_db, tmp_path, monkeypatch):
    if _needs_shared(argv) and not SHARED.is_dir():
        pytest.skip(f"{special_reason(argv)}; ../shared is absent")
    db = tmp_path / "newsfuse.db"
    shutil.copyfile(seeded_db, db)
    args = _substitute(argv, tmp_path, str(db))
    monkeypatch.chdir(REPO)
    repo_db_existed = (REPO / "newsfuse.db").exists()

    served: list[dict] = []
    is_serve = args[0] == "serve"
    if is_serve:
        import uvicorn

        monkeypatch.setattr(uvicorn, "run", lambda web, **kw: served.append({"app": web, **kw}))

    if args[:2] == ["alerts", "remove"]:  # see SPECIAL
        added = runner.invoke(app, ["alerts", "add", args[2], "--db", str(db)])
        assert added.exit_code == 0, added.output
    result = runner.invoke(app, args, env={"NEWSFUSE_DB": str(db)}, catch_exceptions=True)
    shown = shlex.join(["newsfuse", *args])
    message = f"README: {shlex.join(argv)}\nran: {shown}\nexit {result.exit_code}\n{result.output}"
    if result.exc_info and not isinstance(result.exception, SystemExit):
        message += "".join(traceback.format_exception(*result.exc_info))
    assert result.exit_code == 0, message

    assert (REPO / "newsfuse.db").exists() == repo_db_existed, "wrote newsfuse.db in the repo"
    for flag in ("-o", "--output"):
        if flag in args:
            written = tmp_path / argv[argv.index(flag) + 1]
            assert written.is_file() and written.stat().st_size > 0, message
            assert not (REPO / argv[argv.index(flag) + 1]).exists(), "output leaked into the repo"

    if "--out" in args:
        folder = argv[argv.index("--out") + 1]
        assert (tmp_path / folder / "articles").is_dir(), message
        assert not (REPO / folder).exists(), "batch output leaked into the repo"

    if is_serve:
        assert len(served) == 1, message
        web = served[0]["app"]
        try:
            assert isinstance(web, FastAPI)
            assert web.state.allow_ingest == ("--allow-ingest" in args)
            if "--token" in args:
                assert web.state.token == VARIABLES["$SECRET"]
            body = TestClient(web).get("/api/stories").json()
            assert body["total"] > 0, body  # the seeded examples are what it serves
        finally:
            web.state.store.close()


def _command_paths(group, prefix: tuple[str, ...] = ()) -> list[str]:
    """Every runnable command: leaves, and groups that do something on their own (`actors`).

    Typer 0.29 builds on its own copy of click, so groups are told apart by their `.commands`.
    """
    paths = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if isinstance(getattr(command, "commands", None), dict):
            if command.invoke_without_command:
                paths.append(" ".join(path))
            paths += _command_paths(command, path)
        else:
            paths.append(" ".join(path))
    return paths


def test_every_subcommand_appears_in_the_readme():
    root = typer.main.get_command(app)
    paths = _command_paths(root)
    assert {"ingest", "serve", "export articles", "eval plover", "actors import"} <= set(paths)
    shown = [" ".join(c[1:]) + " " for c in COMMANDS]
    missing = [p for p in paths if not any(s.startswith(p + " ") for s in shown)]
    assert not missing, f"subcommands never run in the README's sh blocks: {missing}"
