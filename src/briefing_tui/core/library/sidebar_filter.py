"""The sidebar's filter (docs/reader.md): words that narrow the listing by title, section and date as you
type, with `date:` and `section:` to say which, and a date prefix such as `date:2015-03` to jump to a month.

Plain substring tests over lines made once per listing, lower-cased and without diacritics: linear, and no
pattern is compiled from what the user types.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from briefing_tui.core.model import Listed

MAX_FILTER = 200
"""The longest filter read (characters); the rest is ignored."""
_MONTHS = ("", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")

Haystack = tuple[str, str, str]
"""What a filter looks in, per article: its ISO date ("" when undated), its section and the whole line
(title, section, ISO date and month name, or `undated`), lower-cased and without diacritics."""


@dataclass(frozen=True)
class SidebarFilter:
    """A filter as typed: every word must be in the article's title, section or date (its ISO form, its
    month's name, or `undated`); `date` is the start of its ISO date; `section` is in its section's name."""

    words: tuple[str, ...] = ()
    date: str | None = None
    section: str | None = None
    since: str | None = None
    """A range's first date (`date:2019..2020`, `date:2019-03..`), as the search's ranges: from its start."""
    until: str | None = None
    """A range's last date (`date:..2020-06`): to its end (`2020-06` takes in every day of June)."""
    state: str | None = None
    """`is:unread`, `is:read` or `is:bookmarked`: the articles so marked in the reader (another value keeps none)."""

    @property
    def empty(self) -> bool:
        return not (self.words or self.date or self.section or self.since or self.until or self.state)


def parse_filter(text: str) -> SidebarFilter:
    """Read a filter: words, `date:2015`, `date:2015-03`, `date:2015-03-07` (also with `/` or `.`), a range
    as search writes it (`date:2019..2020`, `date:2019-03..`, `date:..2020-06`), and `section:name`
    (`section:"middle east"` or `section:middle_east` for a name with a space)."""
    words: list[str] = []
    date: str | None = None
    section: str | None = None
    since: str | None = None
    until: str | None = None
    state: str | None = None
    for token in _tokens(text[:MAX_FILTER]):
        lowered = folded(token)
        if lowered.startswith("date:"):
            value = lowered[5:]
            if ".." in value:
                first, _, last = value.partition("..")
                since, until = _day(first) or None, _day(last) or None
            elif value:
                date = _day(value)
        elif lowered.startswith("is:") and len(lowered) > 3:
            state = lowered[3:]
        elif lowered.startswith("section:"):
            value = lowered[8:].replace("_", " ").strip()
            if value:
                section = value
        else:
            words.append(lowered)
    return SidebarFilter(tuple(words), date, section, since, until, state)


def _is_date(value: str) -> bool:
    """Whether `value` is a year, a month or a day in ISO form (`2019`, `2019-03`, `2019-03-07`)."""
    parts = value.split("-")
    try:
        numbers = [int(part) for part in parts]
        if not 1 <= len(numbers) <= 3 or len(parts[0]) != 4:
            return False
        dt.date(numbers[0], numbers[1] if len(numbers) > 1 else 1, numbers[2] if len(numbers) > 2 else 1)
    except ValueError:
        return False
    return True


def _in_range(day: str, since: str | None, until: str | None) -> bool:
    """Whether the ISO date `day` ("" when undated) is in the range: from `since`'s first day to `until`'s last."""
    return bool(day) and (since is None or day >= since) and (until is None or day[:len(until)] <= until)


def _day(value: str) -> str:
    """A date as typed (`2015/03`, `2015.03.07`) in the ISO form the filter compares."""
    return value.replace("/", "-").replace(".", "-")


def filter_hint(wanted: SidebarFilter, listing: list[Listed]) -> str | None:
    """Why a filter kept nothing: a date that is none (`2019-13`), or outside the library's dates; an `is:` that is
    none of STATES; a section no section's name holds (with the closest names); words no title, section or date
    holds (the filter reads no text: `/` does); else None."""
    if wanted.state is not None and wanted.state not in STATES:
        return f"is:{wanted.state} is none of is:{', is:'.join(STATES)}"
    if wanted.section is not None:
        sections = sorted({a.section for a in listing})
        if not any(wanted.section in folded(name) for name in sections):
            close = difflib.get_close_matches(wanted.section, [folded(n) for n in sections[:MAX_SUGGESTED]], n=3,
                                              cutoff=0.6) if len(sections) <= MAX_SUGGESTED else []
            names = [next(n for n in sections if folded(n) == c) for c in close]
            return f"no section is called “{wanted.section}”" + (f"; the closest: {', '.join(names)}" if names else "")
    given = [d for d in (wanted.date, wanted.since, wanted.until) if d is not None]
    for value in given:
        if not _is_date(value):
            return f"{value} is no date (YYYY, YYYY-MM or YYYY-MM-DD)"
    dates = [a.date for a in listing if a.date is not None] if given else []
    if given and not dates:
        return "no article has a date"
    if dates:
        first, last = min(dates).isoformat(), max(dates).isoformat()
        low = max([d for d in (wanted.date, wanted.since) if d is not None], default="")
        high = min([d for d in (wanted.date, wanted.until) if d is not None], default="9999")
        if not (low <= last[:len(low)] and first[:len(high)] <= high):
            return f"dates run {first} to {last}"
    if wanted.words and wanted.state is None:  # the filter reads titles, not the text: say where to look
        return f"no title, section or date holds “{' '.join(wanted.words)}”; / searches the articles' text"
    return None


def _tokens(text: str) -> list[str]:
    """Split on spaces, keeping a double-quoted part (`section:"middle east"`) in one token."""
    tokens: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char.isspace() and not quoted:
            if current:
                tokens.append("".join(current))
                current = []
        else:
            current.append(char)
    if current:
        tokens.append("".join(current))
    return tokens


def haystack(article: Listed) -> Haystack:
    """What a filter looks in for this article (see `Haystack`)."""
    day = article.date.isoformat() if article.date else ""
    section = folded(article.section)
    when = f"{day} {_MONTHS[article.date.month]}" if article.date else "undated"
    return day, section, f"{folded(article.title)}\n{section}\n{when}"


def folded(text: str) -> str:
    """`text` as the filter compares it and the sidebar sorts its groups: case and diacritics gone, as the
    search's words (`Gdańsk` and `gdansk`, `Grèce` and `grece` are one; `Straße` and `strasse` too). (The search's
    `fold` is a layer up.)"""
    text = text.casefold()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


MAX_SUGGESTED = 2000
"""Sections compared with one that is not there, at most (a library of one folder per file gets no suggestion)."""
STATES = ("unread", "read", "bookmarked")
"""What `is:` takes."""


def filter_articles(articles: Sequence[Listed], haystacks: Sequence[Haystack], wanted: SidebarFilter,
                    cancelled: Callable[[], bool] = lambda: False, read: Collection[str] = (),
                    bookmarks: Collection[str] = ()) -> list[Listed] | None:
    """The articles the filter keeps, in their order (`haystacks[i]` is `haystack(articles[i])`); None when
    `cancelled` said so on the way (a newer filter was typed). `read` and `bookmarks` are the reader's marks, for
    `is:`."""
    if wanted.empty:
        return list(articles)
    if wanted.state is not None:
        if wanted.state not in STATES:
            return []
        marked = bookmarks if wanted.state == "bookmarked" else read
        keep = wanted.state != "unread"
        pairs = [(a, h) for a, h in zip(articles, haystacks, strict=True) if (a.id in marked) == keep]
        articles, haystacks = [a for a, _ in pairs], [h for _, h in pairs]
        if SidebarFilter(wanted.words, wanted.date, wanted.section, wanted.since, wanted.until).empty:
            return articles
    date, section, since, until = wanted.date, wanted.section, wanted.since, wanted.until
    ranged = since is not None or until is not None
    if ranged and not all(_is_date(d) for d in (since, until) if d is not None):
        return []  # `date:2019-13..2020`: no article is in it (`filter_hint` says why)
    first, rest = (wanted.words[0], wanted.words[1:]) if wanted.words else ("", ())
    kept: list[Listed] = []
    for start in range(0, len(articles), 4096):  # in slices, asking between them whether to go on
        if cancelled():
            return None
        for article, (day, folded, line) in zip(articles[start:start + 4096], haystacks[start:start + 4096],
                                                 strict=True):
            if first not in line or (date is not None and not day.startswith(date)) \
                    or (section is not None and section not in folded) \
                    or (ranged and not _in_range(day, since, until)):
                continue
            if not rest or all(word in line for word in rest):
                kept.append(article)
    return kept
