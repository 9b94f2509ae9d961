"""The line above the article: where the search hits are, or which quote is under the cursor and who said it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.widgets import Static

from briefing_tui.core.model import Article, Quote
from briefing_tui.core.serialize import short_date, shown_cue


class ArticleStatus(Static):
    """Says which search hit or which quote the article's cursor is on; hidden when there is neither."""

    DEFAULT_CSS = """
    ArticleStatus {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text-accent;
        display: none;
    }
    """

    _last: Callable[[], None] | None = None
    """The last line asked for, made again for a new width (it was asked while hidden, at width 0, or the
    terminal was resized): what gives way to fit depends on the width."""

    def on_resize(self) -> None:
        if self._last is not None:
            self._last()

    def _fits(self, line: Text, extra: Text | None = None) -> bool:
        """Whether `line` (and `extra` after it) fits inside the padding; anything fits before the first layout."""
        room = self.size.width - 2
        return self.size.width == 0 or line.cell_len + (extra.cell_len if extra is not None else 0) <= room

    def show_hits(self, query: str, current: int | None, total: int, quote: Quote | None = None) -> None:
        """`total` hits of `query` in the article, the cursor on hit `current` (from 0), inside `quote` if in one."""
        self._last = partial(self.show_hits, query, current, total, quote)
        self.display = True
        query = " ".join(query.split())  # as typed, less the space typed after its last word
        if not total:
            self.update(Text(f"Search “{query}”: no hits in the text of this article "
                             "(it matched on its title, section, tags or speakers)"))
            return
        hit = Text(f"hit {(current or 0) + 1}/{total}", no_wrap=True, overflow="ellipsis")  # one line: wrapped,
        # all but its first part was hidden
        if quote is not None:
            hit.append(" in a quote")
            if quote.speaker:
                hit.append(" by ")
                hit.append(quote.speaker, style="bold")
            keys = Text("   n next · N previous · c copy it · a add · s spotlight", style="dim")
        else:
            keys = Text("   n next · N previous", style="dim")
        line = Text(f"Search “{query}”: ", no_wrap=True, overflow="ellipsis") + hit
        if not self._fits(line):  # what gives way first: the keys, then the query's words (at 80 columns the line
            line = Text("H", no_wrap=True, overflow="ellipsis") + hit[1:]  # ended `in a quote by a`: the speaker's
            # name was cut)
        if self._fits(line, keys):
            line.append_text(keys)
        self.update(self._cut(line))

    def show_quote(self, article: Article, index: int) -> None:
        """The quote cursor is on `article.quotes[index]`: its number, speaker and cue."""
        self._last = partial(self.show_quote, article, index)
        quote = article.quotes[index]
        line = Text(f"Quote {index + 1}/{len(article.quotes)}: ", no_wrap=True, overflow="ellipsis")
        line.append(quote.speaker or "no speaker found", style="bold" if quote.speaker else "italic")
        if cue := shown_cue(quote.cue):
            line.append(f" (cue: {cue})")
        extras = []  # what gives way first when the line is too long: the keys, then the rule
        if quote.rule:  # the attribution pass that named the speaker (docs/quotes.md)
            extras.append(Text(f" · {quote.rule}", style="dim"))
        extras.append(Text("   ] next · [ previous · c copy · a add to board · s spotlight", style="dim"))
        for extra in extras:
            if not self._fits(line, extra):
                break  # never cut in the middle: at 80 columns the line ended in a dangling `·`
            line.append_text(extra)
        self.update(self._cut(line))
        self.display = True

    def _cut(self, line: Text) -> Text:
        """`line` cut to the room inside the padding with an ellipsis, where it was cut silently (`Quote 6/6:
        L'Association des leaders religieux` read as a whole name)."""
        room = self.size.width - 2
        if self.size.width and line.cell_len > room > 1:
            line = line.copy()
            line.truncate(room, overflow="ellipsis")
        return line

    def clear(self) -> None:
        self._last = None
        self.display = False


class PinnedTitle(Static):
    """The article's title and date, one line above the article once its own title has scrolled out of view:
    which article this is stays on screen while reading its middle (hidden otherwise)."""

    DEFAULT_CSS = """
    PinnedTitle {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
        display: none;
    }
    """

    _article: Article | None = None

    def pin(self, article: Article | None, shown: bool) -> None:
        """Show `article`'s title (and date), or hide the line."""
        self._article = article
        self.display = shown and article is not None
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        """The title cut with `…` to leave room for the date: the date is never the part cut."""
        article = self._article
        if article is None or not self.display:
            return
        date = Text(f"  {short_date(article.date)}", style="not bold dim") if article.date else Text("")
        title = Text(article.title, no_wrap=True)
        room = self.size.width - 2 - date.cell_len
        if self.size.width and title.cell_len > room:
            title.truncate(max(1, room), overflow="ellipsis")
        self.update(title + date)
