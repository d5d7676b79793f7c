"""The words of time expressions and the regex pieces built from them, shared by the
resolver (:mod:`~newsfuse.annotate.time_resolution`) and the finder
(:mod:`~newsfuse.annotate.times`)."""

from __future__ import annotations

import re

from newsfuse.calendar_words import MONTHS, WEEKDAYS

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Regex alternations and pieces, for patterns matched in lower case or with (?i).
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_ALT = "|".join(WEEKDAYS)
NUMBER_ALT = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
MOD_ALT = (
    r"early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|end\s+of|beginning\s+of|start\s+of|middle\s+of"
)
YEAR = r"(?:1[0-9]|20)\d{2}"
PART_OF_DAY = r"morning|afternoon|evening|night|overnight"
RELATIVE_DAY_ALT = (
    r"today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
)
"""Days named relative to the day of writing ("yesterday", "last night", "this morning")."""

HAS_MONTH_RE = re.compile(rf"\b(?:{MONTH_ALT})\b")
