"""The sidebar's filter (docs/reader.md): words that narrow the listing by title, section and date as you
type, with `date:` and `section:` to say which, and a date prefix such as `date:2015-03` to jump to a month.

Plain substring tests over one lower-cased line per article, made once per listing: linear, no pattern is
compiled from what the user types, and 100,000 articles filter in a few hundredths of a second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing_tui.core.model import Listed

MAX_FILTER = 200
"""The longest filter read (characters); the rest is ignored."""


@dataclass(frozen=True)
class SidebarFilter:
    """A filter as typed: every word must be in the article's title, section or date (its ISO form, its
    month's name, or `undated`); `date` is the start of its ISO date; `section` is in its section's name."""

    words: tuple[str, ...] = ()
    date: str | None = None
    section: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.words or self.date or self.section)


def parse_filter(text: str) -> SidebarFilter:
    """Read a filter: words, `date:2015`, `date:2015-03`, `date:2015-03-07` (also with `/` or `.`), and
    `section:name` (`section:"middle east"` or `section:middle_east` for a name with a space)."""
    words: list[str] = []
    date: str | None = None
    section: str | None = None
    for token in _tokens(text[:MAX_FILTER]):
        lowered = token.casefold()
        if lowered.startswith("date:"):
            value = lowered[5:].replace("/", "-").replace(".", "-")
            if value:
                date = value
        elif lowered.startswith("section:"):
            value = lowered[8:].replace("_", " ").strip()
            if value:
                section = value
        else:
            words.append(lowered)
    return SidebarFilter(tuple(words), date, section)


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


def haystack(article: Listed) -> str:
    """The line a filter's words are looked for in: title, section, ISO date and month name, lower-cased."""
    when = f"{article.date.isoformat()} {article.date:%B}" if article.date else "undated"
    return f"{article.title}\n{article.section}\n{when}".casefold()


def filter_articles(articles: Sequence[Listed], haystacks: Sequence[str], wanted: SidebarFilter,
                    cancelled: Callable[[], bool] = lambda: False) -> list[Listed] | None:
    """The articles the filter keeps, in their order (`haystacks[i]` is `haystack(articles[i])`); None when
    `cancelled` said so on the way (a newer filter was typed)."""
    if wanted.empty:
        return list(articles)
    words, date, section = wanted.words, wanted.date, wanted.section
    kept: list[Listed] = []
    for i, (article, hay) in enumerate(zip(articles, haystacks, strict=True)):
        if not i % 4096 and cancelled():
            return None
        if date is not None and (article.date is None or not article.date.isoformat().startswith(date)):
            continue
        if section is not None and section not in article.section.casefold():
            continue
        if all(word in hay for word in words):
            kept.append(article)
    return kept
