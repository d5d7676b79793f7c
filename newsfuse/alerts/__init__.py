"""Watchlists and alerts: saved queries over stories and events, checked after every
ingest (and every ``newsfuse watch`` cycle), each new match recorded once and delivered.

    from newsfuse.alerts import Watch, add_alert, check_alerts, deliver_pending

    add_alert(store, "arm-deals", Watch.build(types=["AGREE"], actors=["ARM"]),
              jsonl="alerts.jsonl", webhook="https://example.org/hook")
    new = check_alerts(store)       # record what is new since the last check, queue it
    report = deliver_pending(store) # send the outbox; what fails stays for the next call

- :mod:`~newsfuse.alerts.query`: :class:`Watch`, what a watchlist asks and what matches;
- :mod:`~newsfuse.alerts.check`: :func:`check_alerts`, matches recorded once, queued;
- :mod:`~newsfuse.alerts.deliver`: :func:`deliver_pending`, JSON Lines and webhooks;
- :mod:`~newsfuse.alerts.atom`: recorded matches as an Atom feed.
"""

from newsfuse.alerts.check import add_alert, check_alerts, match_record
from newsfuse.alerts.deliver import DeliveryReport, check_and_deliver, deliver_pending
from newsfuse.alerts.query import Watch

__all__ = [
    "DeliveryReport",
    "Watch",
    "add_alert",
    "check_alerts",
    "check_and_deliver",
    "deliver_pending",
    "match_record",
]
