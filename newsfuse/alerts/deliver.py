"""Delivering matches from the outbox: a JSON Lines line (a file, or stdout), or a POST
of the same JSON to a webhook.

A delivery is marked done only once its destination took it (the line was written and
flushed to disk; the server answered 2xx). A POST that fails is tried again at once,
``attempts`` times in all with a growing pause, then left in the outbox for the next
call: nothing is lost, and nothing taken is sent again. Each POST carries an
``Idempotency-Key`` header (``newsfuse-match-ID``) so that a receiver can drop the one
repeat this cannot rule out: a server that took a POST and then failed to answer.
A webhook that fails stops the other deliveries to it in the same call, so that one
server down costs one round of retries, not one per match.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from newsfuse import __version__
from newsfuse.alerts.check import STDOUT, check_alerts
from newsfuse.store import Store
from newsfuse.untrusted import inert_json

ATTEMPTS = 3
"""POSTs of one delivery in one call (then it waits in the outbox for the next call)."""
BACKOFF_SECONDS = 0.5
"""Pause after the first failed POST; doubled after each further one."""
TIMEOUT_SECONDS = 5.0
"""Per POST: an ingest waits for its deliveries, so a server that hangs must not hold it long."""


@dataclass
class DeliveryReport:
    """What one :func:`deliver_pending` did."""

    delivered: int = 0
    failed: int = 0  # tried and still owed (left in the outbox)
    waiting: int = 0  # not tried: stdout deliveries when no stream was given
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "delivered": self.delivered,
            "failed": self.failed,
            "waiting": self.waiting,
            "errors": self.errors,
        }


class DeliveryFailed(Exception):
    """One attempt failed; the message says why."""


def deliver_pending(
    store: Store,
    *,
    stdout: TextIO | None = None,
    attempts: int = ATTEMPTS,
    backoff: float = BACKOFF_SECONDS,
    timeout: float = TIMEOUT_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> DeliveryReport:
    """Send every delivery still in the outbox, oldest match first.

    Lines for stdout (``--jsonl -``) are written to ``stdout`` when it is given and
    otherwise wait (an ingest does not print them among its own output; ``newsfuse
    alerts check`` and ``newsfuse watch`` do). Deliveries of one database take turns."""
    report = DeliveryReport()
    broken: set[str] = set()
    with store.lock("alert-delivery"):
        for row in store.pending_deliveries():
            if row["channel"] == "jsonl" and row["target"] == STDOUT and stdout is None:
                report.waiting += 1
                continue
            if row["target"] in broken:
                report.failed += 1
                continue
            line = delivery_line(row)
            tried = row["attempts"]
            try:
                if row["channel"] == "webhook":
                    tried += post_with_retries(
                        row["target"], line, row["match_id"], attempts, backoff, timeout, sleep
                    )
                else:
                    tried += 1
                    write_line(row["target"], line, stdout)
            except DeliveryFailed as exc:
                tried += attempts if row["channel"] == "webhook" else 0
                store.delivery_failed(row["id"], tried, str(exc))
                broken.add(row["target"])
                report.failed += 1
                report.errors.append(f"{row['alert']} → {row['target']}: {exc}")
                continue
            store.delivery_done(row["id"], tried)
            report.delivered += 1
    return report


def delivery_line(row: dict[str, Any]) -> str:
    """The JSON a delivery sends: the match's id and time, then its payload."""
    record = {"match_id": row["match_id"], "matched_at": row["matched_at"], **row["payload"]}
    return inert_json(record)


def write_line(target: str, line: str, stdout: TextIO | None) -> None:
    """Append one line to the file ``target`` (``-``: ``stdout``), flushed to disk."""
    if target == STDOUT:
        assert stdout is not None
        stdout.write(line + "\n")
        stdout.flush()
        return
    try:
        with open(target, "a", encoding="utf-8") as out:
            out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise DeliveryFailed(f"cannot append to {target}: {exc.strerror or exc}") from exc


def post_with_retries(
    url: str,
    line: str,
    match_id: int,
    attempts: int,
    backoff: float,
    timeout: float,
    sleep: Callable[[float], None],
) -> int:
    """POST ``line`` to ``url`` until a 2xx answer, ``attempts`` times at most; returns
    the attempts made, or raises :class:`DeliveryFailed` with the last reason."""
    reason = "not tried"
    for attempt in range(max(attempts, 1)):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            post(url, line.encode("utf-8"), match_id, timeout)
            return attempt + 1
        except DeliveryFailed as exc:
            reason = str(exc)
    raise DeliveryFailed(f"{reason} (after {max(attempts, 1)} attempts)")


def post(url: str, body: bytes, match_id: int, timeout: float) -> None:
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"newsfuse/{__version__} (alerts)",
            "Idempotency-Key": f"newsfuse-match-{match_id}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"HTTP {exc.code} from {url}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DeliveryFailed(f"cannot POST to {url}: {reason}") from exc
    if not 200 <= status < 300:
        raise DeliveryFailed(f"HTTP {status} from {url}")


def check_and_deliver(store: Store, *, stdout: TextIO | None = None) -> dict[str, Any] | None:
    """Check every alert, then send the outbox (what an ingest or a watch cycle does last):
    the new matches' count and the delivery report, or None when there is no alert."""
    if not store.watchlists():
        return None
    new = check_alerts(store)
    report = deliver_pending(store, stdout=stdout)
    return {"matches": len(new), **report.to_dict()}
