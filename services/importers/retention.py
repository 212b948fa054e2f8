"""Normalise free-text retention periods ("2 years", "session", "13 months") to seconds.

Months count 30 days and years 365 days, as in the catalogue data files (13 months = 390 days).
"""

import re
from dataclasses import dataclass

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR

_UNITS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "min": MINUTE,
    "mins": MINUTE,
    "minute": MINUTE,
    "minutes": MINUTE,
    "h": HOUR,
    "hr": HOUR,
    "hrs": HOUR,
    "hour": HOUR,
    "hours": HOUR,
    "d": DAY,
    "day": DAY,
    "days": DAY,
    "w": 7 * DAY,
    "week": 7 * DAY,
    "weeks": 7 * DAY,
    "m": 30 * DAY,
    "month": 30 * DAY,
    "months": 30 * DAY,
    "y": 365 * DAY,
    "yr": 365 * DAY,
    "yrs": 365 * DAY,
    "year": 365 * DAY,
    "years": 365 * DAY,
}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_SESSION = re.compile(r"\bs(?:e+s+i+o+n+s?|ession)\b|end of (?:the )?(?:browser )?session|browser clos")
_PERSISTENT = re.compile(r"\b(persistent|permanent|forever|unlimited|no expir\w*|never expires?)\b")
_ZERO = re.compile(r"\bimmediately\b")


@dataclass(frozen=True)
class Retention:
    is_session: bool
    seconds: int | None  # None for a session cookie, or a persistent one whose length is not stated.
    text: str


def parse_retention(value):
    """Return the Retention of a free-text period.

    Several periods in one text ("Session to 30 days", "1 week to 1 year") give the longest, because a
    retention period is judged by its maximum. Persistent cookies without a stated length, dates and texts
    such as "Unknown" or "Varies" give seconds=None and keep the text.
    """
    text = " ".join((value or "").split())
    if not text:
        return Retention(False, None, "Unknown")
    lowered = text.lower()
    durations = []
    for amount, unit in _AMOUNT.findall(lowered):
        seconds_per_unit = _UNITS.get(unit)
        if seconds_per_unit is not None:
            durations.append(round(float(amount.replace(",", ".")) * seconds_per_unit))
    if durations:
        return Retention(False, max(durations), text)
    if _SESSION.search(lowered):
        return Retention(True, None, text)
    if _ZERO.search(lowered):
        return Retention(False, 0, text)
    if _PERSISTENT.search(lowered):
        return Retention(False, None, text)
    return Retention(False, None, text)
