"""English month and weekday names, the one table of them: the dateline parser, the page-line
classifier, the time expression finder and resolver, and the quantity finder (a number next to
a month is a date) all read it."""

from __future__ import annotations

__all__ = [
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "title_month_pattern",
]

MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)  # fmt: skip
"""The twelve months in order, lower case."""

MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
"""Abbreviated month names as news writes them (without the dot), lower case."""

MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}
"""Every month name and abbreviation, lower case → 1–12."""

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
"""Weekday names, lower case → Monday 0 … Sunday 6 (``date.weekday()``)."""


def title_month_pattern(dot_after_names: bool = True) -> str:
    """A regex group matching a month name or abbreviation written with a capital ("March",
    "Sept", "Dec."), longest first; a dot may follow an abbreviation, and with
    ``dot_after_names`` a full name too."""
    names = "|".join(name.title() for name in MONTH_NAMES)
    short = "|".join(sorted((a.title() for a in MONTH_ABBREVIATIONS), key=len, reverse=True))
    if dot_after_names:
        return rf"(?:{names}|{short})\.?"
    return rf"(?:{names}|(?:{short})\.?)"
