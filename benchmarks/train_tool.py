"""The classifier's training script (``tools/train_event_classifier.py``) as a module, for
the benchmarks beside this file that train and score it (they run with this folder on
``sys.path``), and the paths they share."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PLOVER_DEV = SHARED / "eval" / "plover-dev.jsonl"

_spec = importlib.util.spec_from_file_location(
    "train_event_classifier", REPO / "tools" / "train_event_classifier.py"
)
train = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = train  # dataclasses look their module up there
_spec.loader.exec_module(train)
