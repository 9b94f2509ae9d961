"""Every quote that matches, as one virtual list: rows are fetched from the index as they scroll into view.

The list holds only the matching quotes' ids (from `Index.quote_ids`); the rows on screen are fetched
a page at a time, in a thread, and drawn with the Line API. 300,000 quotes cost 2.4 MB and the
time to sort their ids, and each screenful costs about a millisecond.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.core.search.highlight import find_hits
from briefing_tui.core.search.index import QuoteHit
from briefing_tui.core.search.query import Term
from briefing_tui.core.serialize import quoted, shown_cue

ROW = 3
"""Lines per quote: speaker, date and article; then two of quote text (cut with … when longer)."""
PAGE = 100
"""Quotes fetched from the index at a time."""

Fetch = Callable[[Sequence[int]], list[QuoteHit | None]]


class QuoteList(ScrollView, can_focus=True):
    """Quotes as rows; a cursor row; `enter` or a click chooses one."""

    COMPONENT_CLASSES = {"quote-list--quote", "quote-list--speaker", "quote-list--meta", "quote-list--cursor",
                         "quote-list--pending", "quote-list--hit"}
    DEFAULT_CSS = """
    QuoteList {
        border: tall $border-blurred;
        background: $surface;
        overflow-x: hidden;
        & > .quote-list--quote { text-style: italic; }
        & > .quote-list--speaker { text-style: bold; }
        & > .quote-list--meta { color: $text-muted; }
        & > .quote-list--pending { color: $text-muted; }
        & > .quote-list--hit { color: $text-accent; text-style: bold underline; }
        & > .quote-list--cursor { background: $block-cursor-blurred-background; }
        &:focus {
            border: tall $border;
            & > .quote-list--cursor { background: $block-cursor-background; }
        }
    }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """The user chose the quote at the cursor."""

        hit: QuoteHit

    def __init__(self, fetch: Fetch, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fetch = fetch
        """Rows for ids, in order (None for a quote gone since); called in a thread."""
        self.ids: Sequence[int] = ()
        self.hits: dict[int, QuoteHit | None] = {}
        """Fetched rows by position in `ids`."""
        self.cursor = 0
        self._pending: set[int] = set()
        self._generation = 0
        self._cache: LRUCache[tuple[int, int, bool], list[Strip]] = LRUCache(500)
        self.terms: list[Term] = []
        """The filter's words, marked where a quote's words match them (as the reader marks an article's hits)."""

    # --- data --------------------------------------------------------------------------------------------

    def load(self, ids: Sequence[int], first: Sequence[QuoteHit | None] = (), keep: bool = False,
             terms: Sequence[Term] = ()) -> None:
        """Show these quotes (ids in order), with the rows already fetched for the first ones, the words of
        `terms` marked in them.

        With `keep` (the library changed under the same filter), the cursor stays on the quote it was
        on, at the same place on screen, if that quote is still there.
        """
        row, offset = 0, 0
        if keep and self.ids:
            was = self.ids[self.cursor]
            offset = self.cursor * ROW - int(self.scroll_offset.y)
            row = next((n for n, i in enumerate(ids) if i == was), min(self.cursor, max(0, len(ids) - 1)))
        self._generation += 1
        self.terms = list(terms)
        self.ids = ids
        self.hits = dict(enumerate(first))
        self._pending.clear()
        self._cache.clear()
        self.cursor = row
        self.virtual_size = Size(0, len(ids) * ROW)
        self.scroll_to(0, max(0, row * ROW - offset), animate=False)
        self.refresh()

    @property
    def current(self) -> QuoteHit | None:
        """The quote at the cursor, once fetched."""
        return self.hits.get(self.cursor) if self.ids else None

    def loaded(self) -> list[QuoteHit]:
        """The rows fetched so far from the top, in order (what a test or an export of the screen sees)."""
        rows: list[QuoteHit] = []
        for n in range(len(self.ids)):
            if n not in self.hits:
                break
            if (hit := self.hits[n]) is not None:
                rows.append(hit)
        return rows

    def _want(self, row: int) -> None:
        page = row // PAGE
        if page in self._pending:
            return
        self._pending.add(page)
        generation, ids = self._generation, self.ids[page * PAGE:(page + 1) * PAGE]

        def fetch() -> None:
            hits = self.fetch(ids)
            if generation == self._generation:
                self.app.call_from_thread(self._fetched, generation, page, hits)

        self.run_worker(fetch, thread=True, group="quote-rows", exit_on_error=False)

    def _fetched(self, generation: int, page: int, hits: list[QuoteHit | None]) -> None:
        if generation != self._generation:
            return
        self.hits.update((page * PAGE + n, hit) for n, hit in enumerate(hits))
        self._cache.clear()
        self.refresh()

    # --- drawing -----------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        row, part = divmod(line, ROW)
        if row >= len(self.ids):
            return Strip.blank(width, self.rich_style)
        key = (row, width, row == self.cursor)
        strips = self._cache.get(key)
        if strips is None:
            if row not in self.hits:
                self._want(row)
                return self._strip(Text("…" if part == 0 else "", style=self._style("pending")), width, key[2])
            strips = self._row(self.hits[row], width, key[2])
            self._cache.set(key, strips)
        return strips[part]

    def _style(self, name: str, cursor: bool = False) -> Style:
        """A component's colour and text style, without its background (the row's background shows);
        on the cursor row, the cursor's colour (muted grey on the cursor's blue is hard to read)."""
        s = self.get_component_rich_style(f"quote-list--{name}")
        return Style(color=None if cursor else s.color, bold=s.bold, italic=s.italic, dim=s.dim, underline=s.underline)

    def _strip(self, text: Text, width: int, cursor: bool) -> Strip:
        base = self.rich_style + self.get_component_rich_style("quote-list--cursor") if cursor else self.rich_style
        text.truncate(max(1, width - 1), overflow="ellipsis")
        segments = list((Text(" ") + text).render(self.app.console))
        return Strip(segments).apply_style(base).extend_cell_length(width, base).crop(0, width)

    def _row(self, hit: QuoteHit | None, width: int, cursor: bool) -> list[Strip]:
        if hit is None:
            gone = Text("(no longer in the library)", style=self._style("pending"))
            return [self._strip(gone, width, cursor), self._strip(Text(""), width, cursor),
                    self._strip(Text(""), width, cursor)]
        quote, article = hit.quote, hit.article
        measure = max(10, width - 4)
        words = quoted(quote.text)
        words = words[:3 * measure] if len(words) > 3 * measure else words  # two lines show: a long quote is cut
        shown = Text(f"“{words}”", style=self._style("quote", cursor))
        for start, end in find_hits(shown.plain, self.terms, hit.lang):
            shown.stylize(self._style("hit", cursor), start, end)
        lines = shown.wrap(self.app.console, measure)
        first = Text("  ") + (lines[0] if len(lines) else Text(""))
        second = Text("  ") + (lines[1] if len(lines) > 1 else Text(""))
        if len(lines) > 2:
            second.rstrip()
            second.truncate(measure + 1)
            second.append("…", style=self._style("quote", cursor))
        meta = Text(quote.speaker or "unattributed", style=self._style("speaker" if quote.speaker else "meta", cursor))
        if cue := shown_cue(quote.cue):
            meta.append(f" ({cue})", style=self._style("meta", cursor))
        date = article.date.isoformat() if article.date else "undated"
        meta.append(f" · {date} · {article.title}", style=self._style("meta", cursor))
        return [self._strip(meta, width, cursor), self._strip(first, width, cursor), self._strip(second, width, cursor)]

    # --- moving ------------------------------------------------------------------------------------------

    def _move_to(self, row: int) -> None:
        if not self.ids:
            return
        self.cursor = max(0, min(len(self.ids) - 1, row))
        self._cache.clear()
        top, height = int(self.scroll_offset.y), self.scrollable_content_region.height
        if self.cursor * ROW < top:
            self.scroll_to(0, self.cursor * ROW, animate=False)
        elif (self.cursor + 1) * ROW > top + height:
            self.scroll_to(0, (self.cursor + 1) * ROW - height, animate=False)
        self.refresh()

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor + step * max(1, self.scrollable_content_region.height // ROW))

    def action_jump(self, row: int) -> None:
        self._move_to(row if row >= 0 else len(self.ids) - 1)

    def action_choose(self) -> None:
        if (hit := self.current) is not None:
            self.post_message(self.Chosen(hit))

    def on_click(self, event: events.Click) -> None:
        """A click on any of a quote's lines opens that quote; one on the border or the scrollbar, none."""
        at = event.get_content_offset(self)  # `event.y` counts the border's line: the row below would open
        if at is None or at.x >= self.scrollable_content_region.width:
            return
        row = (int(self.scroll_offset.y) + at.y) // ROW
        if row < len(self.ids):
            self._move_to(row)
            self.action_choose()
