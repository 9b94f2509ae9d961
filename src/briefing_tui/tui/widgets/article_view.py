"""The article pane: a Line-API ScrollView that styles only the lines on screen."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.core.model import Article
from briefing_tui.tui.document import Block, Layout, article_blocks, layout, line_of, shown_block
from briefing_tui.tui.glyphs import DOCUMENT
from briefing_tui.tui.quote_cursor import Place, quote_under

MEASURE = 88
"""The widest a paragraph is set, for a readable line length."""
SYNC_CHARS = 400_000
"""Articles longer than this are wrapped in a thread, after the first screen is shown."""
FIRST_LAYOUT = 20_000
"""Characters of a long article laid out before it shows (the first screens); the rest is laid out in a thread."""
DRAWN = frozenset({"rule", "table", "problem", "related"})
"""Blocks whose text holds glyphs of the page's own (lines, marks), drawn in ASCII on a plain console."""


class ArticleView(ScrollView, can_focus=True):
    """Shows one article: header, its blocks (headings, wrapped paragraphs, lists, block quotes, code, tables)
    with quotes highlighted, links as notes, related sections. A code line wider than the pane scrolls
    sideways (left / right) instead of wrapping."""

    DEFAULT_CSS = """
    ArticleView {
        width: 1fr;
        height: 1fr;
        background: $surface;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;  /* the measure must not change when a scrollbar appears */
    }

    ArticleView > .article-view--title {
        text-style: bold;
        color: $text-primary;
    }

    ArticleView > .article-view--meta {
        color: $text-accent;
    }

    ArticleView > .article-view--tags {
        color: $text-muted;
    }

    ArticleView > .article-view--problem {
        color: $text-warning;
    }

    ArticleView > .article-view--quote {
        color: $text-warning;
        text-style: italic;
    }

    ArticleView > .article-view--hit {
        background: $accent 40%;
        text-style: bold;
    }

    ArticleView > .article-view--current-hit {
        background: $warning;
        color: $background;
        text-style: bold;
    }

    ArticleView > .article-view--current-quote {
        background: $warning 30%;
        text-style: bold italic;
    }

    ArticleView > .article-view--heading {
        text-style: bold underline;
    }

    ArticleView > .article-view--related {
        color: $text-muted;
    }

    ArticleView > .article-view--empty {
        color: $text-muted;
    }

    ArticleView > .article-view--subheading { text-style: bold; }
    ArticleView > .article-view--blockquote { color: $text-muted; text-style: italic; }
    ArticleView > .article-view--codeblock { color: $text-success; }
    ArticleView > .article-view--table-header { text-style: bold; }
    ArticleView > .article-view--rule { color: $text-muted; }
    ArticleView > .article-view--links { color: $text-muted; }
    ArticleView > .article-view--marker { color: $text-accent; }
    ArticleView > .article-view--em { text-style: italic; }
    ArticleView > .article-view--strong { text-style: bold; }
    ArticleView > .article-view--code { color: $text-success; }
    ArticleView > .article-view--strike { text-style: strike; }
    ArticleView > .article-view--link { text-style: underline; }
    ArticleView > .article-view--note { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "article-view--title", "article-view--meta", "article-view--tags", "article-view--problem",
        "article-view--body", "article-view--quote", "article-view--hit", "article-view--heading",
        "article-view--related", "article-view--empty", "article-view--current-hit", "article-view--current-quote",
        "article-view--subheading", "article-view--blockquote", "article-view--codeblock", "article-view--table",
        "article-view--table-header", "article-view--rule", "article-view--links", "article-view--marker",
        "article-view--em", "article-view--strong", "article-view--code", "article-view--strike",
        "article-view--link", "article-view--note",
    }
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    current_hit: reactive[int | None] = reactive(None, init=False)
    """Index into `hits` of the search hit under the cursor (`n` / `N`), if any."""
    current_quote: reactive[int | None] = reactive(None, init=False)
    """Index into article.quotes of the quote under the cursor (`[` / `]`), if any."""
    title_hidden: reactive[tuple[int, bool]] = reactive((0, False), init=False)
    """(which article: `show` counts them, whether its title is scrolled out of view): the reader pins the title
    above the article then. The count makes a new article scrolled at once (to a quote) a change too."""

    @dataclass
    class CursorMoved(Message):
        """The hit or the quote under the cursor changed, or an article was shown: `moved` is `hit`,
        `quote` or `article`."""

        view: ArticleView
        moved: str

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._glyphs: dict[int, str] = DOCUMENT if ascii else {}
        """The page's own glyphs in ASCII (`TERM=linux`), else nothing to replace."""
        self.article: Article | None = None
        self._blocks: list[Block] = []
        self._layout: Layout | None = None
        self._generation = 0
        self._cache: LRUCache[int, Strip] = LRUCache(2000)
        self._cursor = "hit"
        """Which cursor moved last, `hit` or `quote`: the one kept in view when the pane's height changes."""
        self.hits: list[tuple[int, int, int]] = []
        """Search hits as (key, start, end), in reading order: the key is the paragraph's, or a code block's or a
        table's (`document.hit_key`)."""

    def show(self, article: Article | None, hits: dict[int, list[tuple[int, int]]] | None = None) -> None:
        """Show `article` from its top (or nothing), with search hits highlighted."""
        self.article = article
        self.current_hit = None
        self.current_quote = None
        self._blocks = article_blocks(article, hits) if article else []
        self.hits = [(b.hit_key, s, e) for b in self._blocks if b.hit_key is not None
                     for s, e in (hits or {}).get(b.hit_key, [])]
        self._generation += 1
        self._relayout()
        self.scroll_to(0, 0, animate=False)
        self._check_title()
        self.post_message(self.CursorMoved(self, "article"))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._check_title()

    def _check_title(self) -> None:
        """`title_hidden` once every line of the title is above the top of the view."""
        layout = self._layout
        title_lines = layout.block_first_line[1] if layout is not None and len(layout.block_first_line) > 1 else 1
        self.title_hidden = (self._generation, self.article is not None and round(self.scroll_y) >= title_lines)

    def watch_current_hit(self) -> None:
        self._cache.clear()
        if self.current_hit is not None:
            self._cursor = "hit"
        self.post_message(self.CursorMoved(self, "hit"))

    def watch_current_quote(self) -> None:
        self._cache.clear()
        if self.current_quote is not None:
            self._cursor = "quote"
        self.post_message(self.CursorMoved(self, "quote"))

    @property
    def text_width(self) -> int:
        """The measure paragraphs are wrapped at."""
        return max(10, min(MEASURE, self.scrollable_content_region.width - 2))

    @property
    def total_lines(self) -> int:
        return len(self._layout.lines) if self._layout else 0

    def _relayout(self) -> None:
        self._cache.clear()
        width = self.text_width
        total = sum(len(b.text) for b in self._blocks)
        if total <= SYNC_CHARS:
            self._set_layout(layout(self._blocks, width))
            return
        # First screens now, the rest in a worker: a 10 MB article opens at once.
        head: list[Block] = []
        size = 0
        for block in self._blocks:
            head.append(block)
            size += len(block.text)
            if size > FIRST_LAYOUT:
                break
        self._set_layout(layout(head, width))
        self._layout_in_background(self._blocks, width, self._generation)

    @work(thread=True, exclusive=True, group="article-layout")
    def _layout_in_background(self, blocks: list[Block], width: int, generation: int) -> None:
        result = layout(blocks, width)
        self.app.call_from_thread(self._finish_layout, result, generation)

    def _finish_layout(self, result: Layout, generation: int) -> None:
        if generation != self._generation:
            return
        if result.width != self.text_width:
            self._generation += 1
            self._relayout()
            return
        self._set_layout(result)

    def _set_layout(self, result: Layout) -> None:
        self._layout = result
        self._cache.clear()
        width = self.scrollable_content_region.width
        widest = self._margin + result.widest + 1  # code wider than the pane: it scrolls sideways
        self.virtual_size = Size(max(width, widest), len(result.lines))
        self.refresh()
        self._check_title()  # the title wraps to more or fewer lines at another width

    @property
    def _margin(self) -> int:
        return max(1, (self.scrollable_content_region.width - self.text_width) // 2)

    def on_resize(self) -> None:
        if self._layout is not None and self._layout.width != self.text_width:
            top = self._layout.lines[int(self.scroll_offset.y)][:2] \
                if 0 <= int(self.scroll_offset.y) < len(self._layout.lines) else None
            self._generation += 1
            self._relayout()
            self._keep_in_view(top)
        else:
            self._cursor_back_in_view()

    def _cursor_back_in_view(self) -> None:
        """After the pane got shorter (a citation panel opened above it, the terminal shrank): the search hit or
        the quote under the cursor back in the middle if it went out of view; else nothing moves."""
        if self._layout is None or self.article is None:
            return
        kept = self._kept_cursor()
        if kept is None:
            return
        kind, where, start = kept
        y = self.hit_line(where, start) if kind == "hit" else self.paragraph_line(where, start)
        top = int(self.scroll_offset.y)
        if y is not None and not top <= y < top + self.scrollable_content_region.height:
            self._keep_in_view(None)

    def _kept_cursor(self) -> tuple[str, int, int] | None:
        """The cursor a change of the pane keeps in view, the one that moved last when both a search hit and a quote
        are set: (`hit`, its block's key, its start) or (`quote`, its paragraph, its start); None with neither."""
        quote = self.article.quotes[self.current_quote] if self.current_quote is not None and self.article else None
        if self.current_hit is not None and self.hits and not (quote is not None and self._cursor == "quote"):
            key, start, _ = self.hits[self.current_hit]
            return "hit", key, start
        return ("quote", quote.paragraph, quote.start) if quote is not None else None

    def _keep_in_view(self, top: tuple[int, int] | None) -> None:
        """After the text was wrapped again at a new width: the search hit or the quote under the cursor back in
        the middle, else the text that was at the top at the top again (the lines it scrolled past are not the
        same lines at another width: a hit scrolled to while the pane was narrower was off screen). Of a hit and a
        quote, the one that moved last (`_kept_cursor`)."""
        kept = self._kept_cursor()
        if kept is not None:
            kind, where, start = kept
            if kind == "hit":
                self._scroll_to_hit(where, start)
            else:
                self.scroll_to_paragraph(where, start)
        elif top is not None and self._layout is not None and top[0] < len(self._layout.block_first_line):
            block, start = top
            self.scroll_to(0, line_of(self._layout, block, max(0, start)), animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def go_to_hit(self, index: int) -> None:
        """Make hit `index` the current one (it wraps around) and scroll it to the middle."""
        if not self.hits:
            return
        self.current_hit = index % len(self.hits)
        key, start, _ = self.hits[self.current_hit]
        self._cache.clear()
        self._scroll_to_hit(key, start)
        self.refresh()

    def hit_line(self, key: int, start: int) -> int | None:
        """The wrapped line showing the hit that starts at `start` in the block whose hits are `key`'s."""
        if self._layout is None:
            return None
        for b, block in enumerate(self._blocks):
            if block.hit_key == key and b < len(self._layout.block_first_line):
                shown = shown_block(self._layout, self._blocks, b)  # a table as set: its cells moved
                return line_of(self._layout, b, shown.to_display(start))
        return None

    def _scroll_to_hit(self, key: int, start: int) -> None:
        """Scroll the hit that starts at `start` in the block whose hits are `key`'s to the middle."""
        y = self.hit_line(key, start)
        if y is not None:
            self.scroll_to(0, max(0, y - self.scrollable_content_region.height // 2), animate=False)

    def select_quote(self, index: int | None) -> None:
        """Put the quote cursor on quote `index` (wrapping around) and centre it; None clears it."""
        if self.article is None or not self.article.quotes or index is None:
            self.current_quote = None
        else:
            self.current_quote = index % len(self.article.quotes)
            quote = self.article.quotes[self.current_quote]
            self.scroll_to_paragraph(quote.paragraph, quote.start)
        self._cache.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """A click on a quote puts the quote cursor on it, where it is (nothing scrolls): `c`, `a` and `s` act
        on it, as after `]`."""
        at = event.get_content_offset(self)
        if at is None or self.article is None or at.x >= self.scrollable_content_region.width:
            return
        place = self.place_at(int(self.scroll_offset.y) + at.y, int(self.scroll_offset.x) + at.x)
        if place is not None and (quote := quote_under(self.article.quotes, place)) is not None:
            if quote == self.current_quote:  # already under the cursor: it is what moved last, all the same
                self.post_message(self.CursorMoved(self, "quote"))
            self.current_quote = quote
            self.refresh()

    def place_at(self, index: int, column: int) -> Place | None:
        """The (paragraph, offset) shown on wrapped line `index` at cell `column`; None off the text of a
        paragraph (the margin, a list marker, a blank line, past the end of the line, a heading)."""
        if self._layout is None or not 0 <= index < len(self._layout.lines):
            return None
        b, start, end = self._layout.lines[index]
        block = shown_block(self._layout, self._blocks, b)
        if start < 0 or block.paragraph is None:
            return None
        lead = block.prefix if index == self._layout.block_first_line[b] else block.indent
        cells = column - self._margin - cell_len(lead)
        if cells < 0:
            return None
        for n, char in enumerate(block.text[start:end]):
            cells -= cell_len(char)
            if cells < 0:
                return block.paragraph, block.to_paragraph(start + n)
        return None

    def paragraph_line(self, paragraph: int, offset: int = 0) -> int | None:
        """The wrapped line showing `offset` in body paragraph `paragraph`, when it is laid out."""
        if self._layout is None:
            return None
        for b, block in enumerate(self._blocks):
            if block.paragraph == paragraph and b < len(self._layout.block_first_line):
                return line_of(self._layout, b, block.to_display(offset))
        return None

    def scroll_to_paragraph(self, paragraph: int, offset: int = 0, center: bool = True) -> None:
        """Scroll so that `offset` in body paragraph `paragraph` is in view (centred)."""
        y = self.paragraph_line(paragraph, offset)
        if y is not None:
            target = y - self.scrollable_content_region.height // 2 if center else y
            self.scroll_to(0, max(0, target), animate=False)

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        left = int(self.scroll_offset.x)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_index(index)
            self._cache.set(index, strip)
        return strip.extend_cell_length(left + width, self.rich_style).crop(left, left + width)

    def _render_index(self, index: int) -> Strip:
        base = self.rich_style
        if self._layout is None or not self._blocks:
            if index == 1:
                empty = self.get_component_rich_style("article-view--empty")
                return Strip([Segment("  No article selected.", base + empty)])
            return Strip.blank(0, base)
        if index >= len(self._layout.lines):
            return Strip.blank(0, base)
        b, start, end = self._layout.lines[index]
        if start < 0:
            return Strip.blank(0, base)
        block = shown_block(self._layout, self._blocks, b)
        style = base + self.get_component_rich_style(f"article-view--{block.style}")
        end = start + len(block.text[start:end].rstrip())
        # Style boundaries inside this line: each piece gets the base style plus every span over it.
        cuts = {start, end}
        spans = [(max(s, start), min(e, end), kind) for s, e, kind in block.spans if e > start and s < end]
        for s, e, _ in spans:
            cuts.update((s, e))
        current = None
        if self.current_hit is not None and block.hit_key == self.hits[self.current_hit][0]:
            _, hit_start, hit_end = self.hits[self.current_hit]
            current = (block.to_display(hit_start), block.to_display(hit_end, end=True))
        quote_span = None
        if self.current_quote is not None and self.article is not None:
            q = self.article.quotes[self.current_quote]
            q_start, q_end = block.to_display(q.start), block.to_display(q.end, end=True)
            if block.paragraph == q.paragraph and q_start < end and q_end > start:  # on this line
                quote_span = (max(q_start, start), min(q_end, end))
                cuts.update(quote_span)
        segments = [Segment(" " * self._margin, base)]
        lead = (block.prefix if index == self._layout.block_first_line[b] else block.indent).translate(self._glyphs)
        drawn = self._glyphs if block.style in DRAWN else {}
        if lead:
            segments.append(Segment(lead, style + self.get_component_rich_style("article-view--marker")))
        points = sorted(cuts)
        for left, right in itertools.pairwise(points):
            piece_style = style
            for s, e, kind in spans:
                if s <= left and right <= e:
                    piece_style += self.get_component_rich_style(f"article-view--{kind}")
            if current is not None and current[0] <= left and right <= current[1]:
                piece_style += self.get_component_rich_style("article-view--current-hit")
            if quote_span is not None and quote_span[0] <= left and right <= quote_span[1]:
                piece_style += self.get_component_rich_style("article-view--current-quote")
            segments.append(Segment(block.text[left:right].translate(drawn), piece_style))
        return Strip(segments)

    def line_text(self, index: int) -> str:
        """The plain text of wrapped line `index`, list marker or quote bar included (for tests and copying)."""
        if self._layout is None or index >= len(self._layout.lines):
            return ""
        b, start, end = self._layout.lines[index]
        if start < 0:
            return ""
        block = shown_block(self._layout, self._blocks, b)
        lead = block.prefix if index == self._layout.block_first_line[b] else block.indent
        text = block.text[start:end].translate(self._glyphs) if block.style in DRAWN else block.text[start:end]
        return lead.translate(self._glyphs) + text

    def on_screen(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """Where the text on screen starts and ends, as (paragraph, offset) each; None with no paragraph in view.

        The quote cursor starts from here when no search hit or quote cursor says where the reader is.
        """
        if self._layout is None:
            return None
        top = int(self.scroll_offset.y)
        lines = self._layout.lines[top:top + max(1, self.scrollable_content_region.height)]
        body = [(block, start, end) for block, start, end in
                ((shown_block(self._layout, self._blocks, b), start, end) for b, start, end in lines)
                if start >= 0 and block.paragraph is not None]
        if not body:
            return None
        (b0, s0, _), (b1, _, e1) = body[0], body[-1]
        assert b0.paragraph is not None and b1.paragraph is not None
        return (b0.paragraph, b0.to_paragraph(s0)), (b1.paragraph, b1.to_paragraph(max(0, e1 - 1)))
