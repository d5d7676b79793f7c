"""The tune / check split of the synthetic PLOVER stories, defined once.

``../shared/train/plover-synthetic-2023.csv`` (Halterman 2023, ahalterman/NGEC-2025, MIT)
holds 4,500 stories written to 332 headline templates (its ``title`` column, with
placeholders such as ``{country_1}``); the ~13 stories of one template share wording. A
story belongs to the *tune* half when the CRC-32 of its template is even, else to the
*check* half, so no template is on both sides.

Everything that learns or is chosen from these stories uses the tune half only: the rule
coder's error reading (``benchmarks/event_synthetic.py``), the event classifier's training
(``tools/train_event_classifier.py``) and the thresholds that combine the two
(``benchmarks/event_combine.py``). The check half is a figure, never training data.
"""

from __future__ import annotations

import zlib
from typing import Literal

__all__ = ["SYNTHETIC_HALVES", "template_half"]

SYNTHETIC_HALVES: tuple[str, str] = ("tune", "check")


def template_half(template: str) -> Literal["tune", "check"]:
    """The half of the synthetic stories written to headline ``template``: tune when its
    CRC-32 (of the UTF-8 bytes) is even, else check."""
    return "tune" if zlib.crc32(template.encode("utf-8")) % 2 == 0 else "check"
