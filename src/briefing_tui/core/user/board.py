"""The quote board: quotes the user collected for a meeting, in the order they chose (docs/reader.md).

A board quote keeps its own copy of the quote and of what its citation needs (title, section, source, date),
so the board reads, cites and exports without parsing an article, and survives the article changing or going.
It is kept in the reader state (`state.py`), which reads it back as untrusted JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing_tui.core.model import Article, Listed, Quote
from briefing_tui.core.reading.sanitize import clean_line, is_clean
from briefing_tui.core.serialize import quote_citation

MAX_QUOTES = 200
"""Quotes a board holds: a meeting's worth, and a bound on what a state file can make us read."""
MAX_TEXT = 20_000
"""Characters of a quote kept on the board (a quote is one paragraph at most, cut at 200,000)."""
MAX_FIELD = 1_000
"""Characters of a title, section, speaker or cue kept on the board."""


@dataclass(frozen=True)
class BoardQuote:
    """One quote on the board, with what its citation needs."""

    article_id: str
    index: int
    """Its index among the article's quotes when it was added (the article may have changed since)."""
    text: str
    speaker: str | None
    cue: str | None
    title: str
    section: str
    date: dt.date | None
    paragraph: int = 0
    start: int = 0
    end: int = 0
    source: str | None = None
    """The article's source, which its citation names (a board saved before it was kept has none)."""
    whole: str | None = None
    """The whole quotation when the writer broke into it (`Quote.whole`), as cited and spotlit."""

    @classmethod
    def of(cls, quote: Quote, article: Article | Listed, index: int) -> BoardQuote:
        """The board's copy of `article.quotes[index]`."""
        return cls(article.id, index, quote.text[:MAX_TEXT], quote.speaker, quote.cue, article.title,
                   article.section, article.date, quote.paragraph, quote.start, quote.end,
                   article.source[:MAX_FIELD] if article.source else None,
                   quote.whole[:MAX_TEXT] if quote.whole else None)

    @property
    def quote(self) -> Quote:
        return Quote(self.text, self.paragraph, self.start, self.end, self.speaker, self.cue, whole=self.whole)

    @property
    def article(self) -> Listed:
        """The article as far as the board knows it: enough to cite it and to open it by id."""
        return Listed(self.article_id, self.title, self.date, self.section, b"", 0, source=self.source)

    @property
    def citation(self) -> str:
        """`“TEXT” — SPEAKER, TITLE (SECTION), SOURCE, 27 June 2025`, as `c` copies it anywhere in the reader."""
        return quote_citation(self.quote, self.article)

    @property
    def same(self) -> tuple[str, str, int, int]:
        """What makes two board quotes the same quote (added twice, it is on the board once): the parts of one
        quotation the writer broke into are one, as they are cited whole."""
        if self.whole:
            return self.article_id, self.whole, self.paragraph, -1
        return self.article_id, self.text, self.paragraph, self.start

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article_id, "index": self.index, "text": self.text, "speaker": self.speaker,
                "cue": self.cue, "title": self.title, "section": self.section,
                "date": self.date.isoformat() if self.date else None, "paragraph": self.paragraph,
                "start": self.start, "end": self.end, "source": self.source, "whole": self.whole}

    @classmethod
    def from_json(cls, data: object) -> BoardQuote | None:
        """A board quote from the state file, or None for anything that is not one. The file is read as
        untrusted: every string is cleaned to one line and bounded, every number checked."""
        if not isinstance(data, dict):
            return None
        text, article_id, title, section = (data.get(k) for k in ("text", "article", "title", "section"))
        if not (isinstance(text, str) and isinstance(article_id, str) and isinstance(title, str)
                and isinstance(section, str)):
            return None
        numbers = [data.get(k, 0) for k in ("index", "paragraph", "start", "end")]
        if not all(type(n) is int and 0 <= n < 1 << 40 for n in numbers):
            return None
        index, paragraph, start, end = numbers
        try:
            date = dt.date.fromisoformat(data["date"]) if isinstance(data.get("date"), str) else None
        except ValueError:
            date = None
        text = clean_line(text[:MAX_TEXT])
        if not text:
            return None
        article_id = article_id[:4 * MAX_FIELD]
        if not is_clean(article_id) or "\t" in article_id or "\n" in article_id:
            article_id = clean_line(article_id)  # else as stored: an id may hold two spaces in a row (`a  b.md`)
        return cls(article_id, index, text, _optional(data.get("speaker")),
                   _optional(data.get("cue")), clean_line(title[:MAX_FIELD]), clean_line(section[:MAX_FIELD]),
                   date, paragraph, start, end, _optional(data.get("source")), _whole(data.get("whole")))


def _whole(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_line(value[:MAX_TEXT]) or None


def _optional(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_line(value[:MAX_FIELD]) or None


@dataclass
class QuoteBoard:
    """The board's quotes in order; the reader saves the state after each change."""

    quotes: list[BoardQuote] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.quotes)

    def position(self, item: BoardQuote) -> int | None:
        """Where `item` (the same quote) is on the board, if it is."""
        return next((n for n, q in enumerate(self.quotes) if q.same == item.same), None)

    def add(self, item: BoardQuote) -> str | None:
        """Add `item` at the end; None when added, else the sentence that says why not."""
        if self.position(item) is not None:
            return "That quote is already on the board."
        if len(self.quotes) >= MAX_QUOTES:
            return f"The board is full ({MAX_QUOTES} quotes): remove one first."
        self.quotes.append(item)
        return None

    def insert(self, position: int, item: BoardQuote) -> None:
        """Put `item` back at `position` (undoing a removal)."""
        if self.position(item) is None and len(self.quotes) < MAX_QUOTES:
            self.quotes.insert(max(0, min(position, len(self.quotes))), item)

    def remove(self, position: int) -> BoardQuote:
        return self.quotes.pop(position)

    def move(self, position: int, step: int) -> int:
        """Move the quote at `position` by `step` places (stopping at either end); return where it is now."""
        target = max(0, min(len(self.quotes) - 1, position + step))
        if 0 <= position < len(self.quotes) and target != position:
            self.quotes.insert(target, self.quotes.pop(position))
        return target

    def citations(self) -> str:
        """Every quote's citation, one a line, in the board's order."""
        return "\n".join(q.citation for q in self.quotes)

    def to_json(self) -> list[dict[str, Any]]:
        return [q.to_json() for q in self.quotes]

    @classmethod
    def from_json(cls, data: object) -> QuoteBoard:
        """The board from the state file: what is not a board quote is dropped, and so is what is over the limit."""
        if not isinstance(data, list):
            return cls()
        board = cls()
        for item in data[:4 * MAX_QUOTES]:
            quote = BoardQuote.from_json(item)
            if quote is not None:
                board.add(quote)
        return board


def board_pairs(quotes: Sequence[BoardQuote]) -> list[tuple[Quote, Listed]]:
    """The quotes with their articles, as the Markdown export takes them."""
    return [(q.quote, q.article) for q in quotes]
