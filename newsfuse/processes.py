"""How many worker processes a run uses when the user does not say."""

from __future__ import annotations

import os


def default_processes() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # no affinity on this system (macOS, Windows)
        return max(os.cpu_count() or 1, 1)
