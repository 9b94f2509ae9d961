"""Strict, bounded date parsing: a date is found in the text or it is null, never guessed."""

from __future__ import annotations

import datetime as dt
import re

MIN_YEAR = 1800
MAX_YEAR = 2200
"""Dates outside these years are treated as errors (a typo or a hostile file), not as dates."""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<{}>January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_LEADING = re.compile(
    r"^\s*(?:"
    + _MONTH.format("m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<y1>\d{4})(?!\d)"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format("m2") + r",?\s*(?P<y2>\d{4})(?!\d)"
    + r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\d)"
    + r")",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(_MONTH.format("m") + r"\s+(?P<y>\d{4})", re.IGNORECASE)
_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)")
_ISO_BASIC = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T\d)")
"""ISO 8601's basic format, `20250410` (a `pubdate` meta tag, `date: 20250410`)."""


class DateError(ValueError):
    """A value that claims to be a date but is not a valid, plausible one."""


def make_date(year: int, month: int, day: int) -> dt.date:
    """Build a date, refusing impossible ones and years outside MIN_YEAR..MAX_YEAR."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"year {year} is out of range")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{year:04d}-{month:02d}-{day:02d} is not a calendar date") from None


def leading_date(line: str) -> tuple[dt.date, str] | None:
    """Parse a date at the start of `line`; return it and the rest of the line, or None."""
    m = _LEADING.match(line[:64])
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["y1"]:
            date = make_date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
        elif g["y2"]:
            date = make_date(int(g["y2"]), MONTHS[g["m2"].lower()], int(g["d2"]))
        else:
            date = make_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except DateError:
        return None
    return date, line[m.end():]


def filename_date(name: str) -> dt.date | None:
    """The `YYYY-MM-DD` date at the start of a file name (Jekyll posts), if valid."""
    m = _FILENAME_DATE.match(name)
    if not m:
        return None
    try:
        return make_date(int(m[1]), int(m[2]), int(m[3]))
    except DateError:
        return None


def is_month_year(line: str) -> bool:
    """True for a line that is exactly a month and a year, such as `June 2025`."""
    m = _MONTH_YEAR.fullmatch(line.strip())
    return m is not None and MIN_YEAR <= int(m["y"]) <= MAX_YEAR


def coerce_date(value: object) -> dt.date | None:
    """Turn a front-matter value into a date: a YAML date, a datetime (its own day) or a string.

    Returns None for an absent value; raises DateError for one that is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):  # before date: datetime is a subclass of date
        return make_date(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return make_date(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise DateError("date is not a date")
    text = str(value).strip()[:64]
    m = _ISO_PREFIX.match(text) or _ISO_BASIC.match(text)
    if m:
        date = make_date(int(m[1]), int(m[2]), int(m[3]))
        rest = text[m.end(3):]
        if rest.strip():  # a time part: it must be a valid ISO time, but the day is its own
            from dateutil.parser import isoparse  # rare: loaded when a date has a time part

            try:
                isoparse(text.replace(" ", "T", 1).replace(" ", ""))
            except (ValueError, OverflowError):
                raise DateError(f"unrecognised date {text!r}") from None
        return date
    found = leading_date(text)
    if found and not found[1].strip(" ,"):
        return found[0]
    raise DateError(f"unrecognised date {text[:40]!r}")
