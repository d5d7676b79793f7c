"""POST /api/articles against a real `newsfuse serve`: one full request, and SIGTERM.

    python benchmarks/web_post.py [--articles 100] [--long-chars 900000]

Starts `newsfuse serve --allow-ingest` on a fresh database, then prints
(1) the seconds one POST of ``--articles`` BBC articles takes (the per-request limit is
100), and (2) the seconds from SIGTERM to the process's exit while a POST of one article
of ``--long-chars`` characters is being annotated (the graceful-shutdown timeout is 5 s).
A benchmark, not a test: figures vary with the machine and what else runs on it.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
TOKEN = "bench-token"


def bbc_records(limit: int) -> list[dict]:
    records = []
    for path in sorted(BBC.rglob("*.txt")):
        if len(records) >= limit:
            break
        title, _, body = path.read_text(encoding="latin-1").partition("\n")
        records.append({"id": f"bbc-{path.parent.name}-{path.stem}", "title": title, "text": body})
    return records


def serve(db: str) -> tuple[subprocess.Popen, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cmd = [sys.executable, "-m", "newsfuse", "serve", "--db", db, "--port", str(port),
           "--allow-ingest"]  # fmt: skip
    proc = subprocess.Popen(cmd, env={**os.environ, "NEWSFUSE_TOKEN": TOKEN})
    for _ in range(600):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("HEAD", "/stories")
            conn.getresponse()
            return proc, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit("newsfuse serve did not start")


def post(port: int, payload: object) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    conn.request("POST", "/api/articles", json.dumps(payload).encode(),
                 {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})  # fmt: skip
    response = conn.getresponse()
    return response.status, response.read()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--long-chars", type=int, default=900_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from newsfuse.store import Store

        db = str(Path(tmp) / "bench.db")
        Store(db).close()
        proc, port = serve(db)
        try:
            records = bbc_records(args.articles)
            start = time.perf_counter()
            status, body = post(port, records)
            seconds = time.perf_counter() - start
            stored = json.loads(body).get("stored")
            print(
                f"POST of {len(records)} BBC articles: {status}, {stored} stored, {seconds:.1f} s"
            )
            sentence = "Armenia accused Azerbaijan of shelling a village near Sotk on Tuesday. "
            text = (sentence * (args.long_chars // len(sentence) + 1))[: args.long_chars]

            def cut_off() -> None:
                with contextlib.suppress(OSError):  # the server stops without answering
                    post(port, {"text": text})

            threading.Thread(target=cut_off, daemon=True).start()
            time.sleep(3)  # the body is read and the annotation has begun
            start = time.perf_counter()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=3600)
            print(f"SIGTERM during a {args.long_chars:,}-character POST: exit after "
                  f"{time.perf_counter() - start:.1f} s (status {proc.returncode})")  # fmt: skip
        finally:
            if proc.poll() is None:
                proc.kill()


if __name__ == "__main__":
    main()
