"""Publication dates given by inputs, to ISO 8601."""

from __future__ import annotations

from datetime import datetime

import dateparser

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "YMD"}

DATE_LANGUAGES = [
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "ru",
    "uk",
    "pl",
    "tr",
    "ar",
    "zh",
    "ja",
]
"""Languages dateparser tries on a date that is not ISO 8601. Without a list it loads every
one of its 200 locales the first time a string is no date at all (15 s); with these, 1 s."""


def parse_published(value: str) -> str | None:
    """``2024-12-16``, ``2017-09-15T00:00:00``, ``Mon, 16 Dec 2024 10:00:00 GMT`` → ISO date(time).

    A time of exactly midnight is taken to mean "date only" and dropped; a UTC
    offset the input gives is kept.
    """
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = dateparser.parse(value, settings=_SETTINGS, languages=DATE_LANGUAGES)
        except (ValueError, OverflowError, TypeError, RecursionError):
            return None  # dateparser fails in many ways on text that is no date
    if parsed is None:
        return None
    if (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0):
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()
