"""`newsfuse serve` as a real process: it stops promptly on SIGTERM even while a long
ingest request is running (uvicorn's graceful-shutdown timeout cuts it off)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from newsfuse.store import Store
from newsfuse.web.app import SHUTDOWN_SECONDS

NEWSFUSE = [sys.executable, "-m", "newsfuse"]
PARAGRAPH = (
    "Armenia accused Azerbaijan of shelling a village near Sotk on Tuesday, the defence "
    "ministry said, adding that three soldiers were wounded in the attack. "
) * 4


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("HEAD", "/stories")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"newsfuse serve did not start: {proc.stderr.read() if proc.stderr else ''}")


@pytest.mark.slow
def test_serve_stops_on_sigterm_during_a_long_ingest(tmp_path):
    db = tmp_path / "serve.db"
    Store(str(db)).close()
    port = _free_port()
    env = {**os.environ, "NEWSFUSE_TOKEN": "t0ken"}
    proc = subprocess.Popen(
        [*NEWSFUSE, "serve", "--db", str(db), "--port", str(port), "--allow-ingest"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_serving(port, proc)
        text = "\n\n".join([PARAGRAPH] * 1500)  # ~900,000 characters: minutes of annotation
        body = json.dumps({"id": "long-one", "title": "A long one", "text": text}).encode()
        answer: dict[str, object] = {}
        sent = threading.Event()

        def post() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            try:
                conn.request("POST", "/api/articles", body, {"Authorization": "Bearer t0ken"})
                sent.set()
                answer["status"] = conn.getresponse().status
            except OSError as exc:
                answer["error"] = exc
            finally:
                sent.set()

        client = threading.Thread(target=post, daemon=True)
        client.start()
        assert sent.wait(60)
        time.sleep(1)  # the server has read the body and is annotating
        assert "status" not in answer  # still working on it
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=SHUTDOWN_SECONDS + 55)  # a hang would be minutes
        client.join(10)
        assert answer.get("status") != 201 and "error" in answer  # cut off, not answered
        assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
