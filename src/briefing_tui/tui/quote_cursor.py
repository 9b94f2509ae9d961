"""Which quote the reader means: the one under the quote cursor or the search hit, and where `]` and `[` go.

Plain data over an article's quotes (in reading order), with places in its text as (paragraph, offset); no
Textual. The rules: what moved last (the quote cursor or the search hit) is what the reader looks at, as the
status line says; and the quote cursor, when it is not in sight, starts again from the search hit or the
text on screen instead of from where it was left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing_tui.core.model import Quote
from briefing_tui.core.search.highlight import term_at
from briefing_tui.core.search.query import Term
from briefing_tui.core.search.text import words

Place = tuple[int, int]
"""A place in an article's text: (paragraph, offset)."""


def quote_under(quotes: Sequence[Quote], place: Place) -> int | None:
    """The quote that holds `place`, if one does."""
    paragraph, offset = place
    return next((n for n, q in enumerate(quotes) if q.paragraph == paragraph and q.start <= offset < q.end), None)


def quote_from(quotes: Sequence[Quote], place: Place) -> int | None:
    """The quote at `place` or the first after it; None when every quote is before it."""
    return next((n for n, q in enumerate(quotes) if (q.paragraph, q.end) > place), None)


def quote_before(quotes: Sequence[Quote], place: Place) -> int | None:
    """The quote at `place` or the last before it; None when every quote is after it."""
    return next((n for n in reversed(range(len(quotes))) if (quotes[n].paragraph, quotes[n].start) <= place), None)


def quote_by(quotes: Sequence[Quote], terms: Sequence[Term]) -> int | None:
    """The first quote whose speaker one of the `speaker:` terms names (`speaker:rutte`: Mark Rutte's first), by
    the index's rules (whole words, folded; the last word a prefix for `rut*`); None when no quote is theirs."""
    wanted = [t for t in terms if t.column == "speakers"]
    for n, quote in enumerate(quotes):
        said = words(quote.speaker or "")
        if any(term_at(said, i, term) for term in wanted for i in range(len(said))):
            return n
    return None


@dataclass(frozen=True)
class ReadingPlace:
    """Where the reader is in an article: its quote cursor, its search hit, and the text on screen."""

    quotes: Sequence[Quote]
    quote: int | None
    """The quote cursor (`]`, `[`), if it is on a quote."""
    hit: Place | None
    """Where the current search hit (`n`, `N`) starts, if there is one."""
    screen: tuple[Place, Place] | None
    """Where the text on screen starts and ends."""
    hit_moved_last: bool
    """True when the search hit moved after the quote cursor did."""

    def looked_at(self) -> int | None:
        """The quote the reader looks at: the quote cursor's, or the one under the search hit when that moved
        last (`c`, `a` and `s` act on it); None when neither is on a quote."""
        if self.quote is not None and not self.hit_moved_last:
            return self.quote
        if self.hit is not None:
            return quote_under(self.quotes, self.hit)
        return self.quote

    def cursor_in_sight(self) -> bool:
        """True when the quote cursor is where the reader is: it moved last, and its quote begins on screen."""
        if self.quote is None or self.hit_moved_last or self.screen is None:
            return False
        q = self.quotes[self.quote]
        return self.screen[0] <= (q.paragraph, q.start) <= self.screen[1]

    def next_quote(self) -> tuple[int, bool]:
        """Where `]` puts the quote cursor: the next quote, or (cursor not in sight) the first at or after the
        search hit or the top of the screen (the first quote when all are before it); and whether it went round
        from the end to the first (never, with one quote)."""
        if self.cursor_in_sight():
            assert self.quote is not None
            return (self.quote + 1) % len(self.quotes), len(self.quotes) > 1 and self.quote == len(self.quotes) - 1
        place = self.hit if self.hit is not None and self.hit_moved_last else self.screen[0] if self.screen else (0, 0)
        found = quote_from(self.quotes, place)
        return (found, False) if found is not None else (0, len(self.quotes) > 1)

    def previous_quote(self) -> tuple[int, bool]:
        """Where `[` puts the quote cursor: the previous quote, or (cursor not in sight) the last one at or
        before the search hit or the bottom of the screen (the last quote when all are after it); and whether it
        went round from the beginning to the last (never, with one quote)."""
        if self.cursor_in_sight():
            assert self.quote is not None
            return (self.quote - 1) % len(self.quotes), len(self.quotes) > 1 and self.quote == 0
        place = self.hit if self.hit is not None and self.hit_moved_last else self.screen[1] if self.screen else (0, 0)
        found = quote_before(self.quotes, place)
        return (found, False) if found is not None else (len(self.quotes) - 1, len(self.quotes) > 1)
