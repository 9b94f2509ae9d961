"""An article laid out as wrapped lines: the model behind ArticleView, with no Textual in it.

Wrapping is our own greedy word wrap over plain strings with style spans, so a 10 MB article wraps
in about a second and only visible lines are ever turned into styled segments. An article's blocks keep
their shape: headings, list items with their markers (wrapped under their text), block quotes behind a bar,
code line by line (never wrapped), tables as columns when they fit the measure and as records when they do
not, links as their text with a note mark `[n]` and the targets listed at the end.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from rich.cells import cell_len

from briefing_tui.core.model import SEARCHED_KINDS, Article, numeric_columns, shifted
from briefing_tui.core.model import Block as ArticleBlock
from briefing_tui.core.serialize import byline, long_date

_WORDS = re.compile(r"(?:«\s)?\S+(?:\s[»:;!?](?=\s|$))*\s*|\s+")
"""A word and the space after it, for wrapping: French typography's spaced marks go with their word (`« petite`,
`bourgeoise »`, `dit :`), so that no line ends with `«` or starts with `»`. No part can match what another does
(a mark after a space, then a space or the end): the match is linear."""


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the page: its text, base style, styled spans, and how it is set."""

    text: str
    style: str
    """A component-class suffix: `title`, `meta`, `body`, `heading`, `subheading`, `blockquote`, `codeblock`,
    `table`, `rule`, `links`, `related`, `problem`."""
    spans: tuple[tuple[int, int, str], ...] = ()
    paragraph: int | None = None
    """Index into article.paragraphs for prose blocks."""
    gap: bool = True
    """A blank line follows this block."""
    prefix: str = ""
    """Shown before the block's first line: a list marker, a quote bar, a code indent."""
    indent: str = ""
    """Shown before every later line (as wide as `prefix`)."""
    wrap: bool = True
    """False for code and tables: each of the text's lines is one line on screen, however long."""
    rows: tuple[tuple[str, ...], ...] = ()
    """A table's cells, laid out for each width by `fit`."""
    inserted_at: tuple[int, ...] = ()
    """Paragraph offsets where a note mark was inserted into `text`, in order (a table set as columns or
    records: where each cell starts in its rows' text, `a | b` a line each)."""
    inserted: tuple[int, ...] = ()
    """How many characters were inserted up to and including each of those (a table's cell: how far its place
    on screen is from its place in the rows' text)."""
    hit_key: int | None = None
    """Which search hits are this block's (`hit_key`): its paragraph for prose; code and tables have their own."""
    table_hits: tuple[tuple[int, int], ...] = ()
    """A table's search hits, as offsets into its rows' text (`a | b` a line each): set when it is fitted."""

    def to_display(self, offset: int, end: bool = False) -> int:
        """Where `offset` into the paragraph is in `text`: a start goes after a note mark inserted at the same
        place, an end before it."""
        return shifted(offset, self.inserted_at, self.inserted, end)

    def to_paragraph(self, display: int) -> int:
        """Where offset `display` into `text` is in the paragraph: inside a note mark, where the mark was inserted."""
        before = 0
        for at, total in zip(self.inserted_at, self.inserted, strict=True):
            if display < at + before:
                break
            if display < at + total:
                return at
            before = total
        return display - before

    def fit(self, width: int) -> Block:
        """This block as it is set at `width`: a table as columns or records, a rule across the measure."""
        if self.rows:
            return _table(self, width)
        if self.style == "rule":
            return replace(self, text="─" * width)
        return self


@dataclass
class Layout:
    """Wrapped lines: (block index, start, end) each, with the first line of every block."""

    width: int
    lines: list[tuple[int, int, int]] = field(default_factory=list)
    block_first_line: list[int] = field(default_factory=list)
    fitted: dict[int, Block] = field(default_factory=dict)
    """Blocks set differently at this width (tables, rules), by index."""
    widest: int = 0
    """The widest line that is not wrapped (code), in cells, with its prefix."""


def article_blocks(article: Article, hits: dict[int, list[tuple[int, int]]] | None = None) -> list[Block]:
    """The page for an article: header, its blocks with quotes (and search hits), links, related sections."""
    blocks = [Block(article.title, "title", gap=False)]
    # The source on a line of its own: beside the date and section, a web address wrapped after a dangling `·`.
    meta = [("  ·  ".join((long_date(article.date), article.section)), "meta")]
    if source := byline(article):
        meta.append((source, "meta"))
    if article.tags:
        meta.append(("Tags: " + ", ".join(article.tags), "tags"))
    meta += [(f"Attachments (not opened): {value}", "tags") for key, value in article.metadata if key == "attachments"]
    for i, (line, kind) in enumerate(meta):
        blocks.append(Block(line, kind, gap=not article.problems and i == len(meta) - 1))
    for i, note in enumerate(article.problems):
        blocks.append(Block(f"⚠ {note}", "problem", gap=i == len(article.problems) - 1))
    quotes: dict[int, list[tuple[int, int, str]]] = {}
    for q in article.quotes:
        quotes.setdefault(q.paragraph, []).append((q.start, q.end, "quote"))
    body = article.body()
    for k, block in enumerate(body):
        following = body[k + 1] if k + 1 < len(body) else None
        key = hit_key(block, k)
        found = (hits or {}).get(key, []) if key is not None else []
        if block.kind == "table":
            blocks.append(Block(block.text, "table", rows=block.rows, hit_key=key, table_hits=tuple(found)))
            continue
        spans = list(quotes.get(block.paragraph, []))
        spans += [(s, e, "hit") for s, e in found]
        blocks.append(replace(_shown(block, spans, following), hit_key=key))
    if article.links:
        blocks.append(Block("Links", "heading", gap=False))
        for n, url in enumerate(article.links, 1):
            mark = f"[{n}] "
            blocks.append(Block(url, "links", prefix=mark, indent=" " * len(mark),
                                gap=n == len(article.links) and bool(article.related)))
    if article.related:
        blocks.append(Block("Related sections", "heading", gap=False))
        for r in article.related:
            blocks.append(Block(f"• {r.label} — {r.month}", "related", gap=False))
    return blocks


def hit_key(block: ArticleBlock, k: int) -> int | None:
    """The key of the search hits in body block `k` (`reader._show_with_hits`, `article_blocks`): a prose block's
    paragraph; for code and a table, below -1; a rule has none."""
    if block.paragraph >= 0:
        return block.paragraph
    return -(k + 2) if block.kind in SEARCHED_KINDS else None


def hit_place(article: Article, key: int, start: int) -> tuple[int, int]:
    """Where the hit at `start` in the block whose hits are `key`'s is among the paragraphs, as quotes are placed
    (`quote_cursor`): a prose block's (paragraph, start); in code or a table, no quote can be there, so the start
    of the prose after it, less one (`]` goes on from it, `[` back)."""
    if key >= 0:
        return key, start
    k = -key - 2  # the inverse of `hit_key`
    return sum(1 for b in article.body()[:k] if b.paragraph >= 0), -1


def _shown(block: ArticleBlock, spans: list[tuple[int, int, str]], following: ArticleBlock | None) -> Block:
    """One of the article's blocks as the page shows it (a table's in `article_blocks`)."""
    kind = block.kind
    gap = not (kind == "list_item" and following is not None and following.kind == "list_item")
    if kind == "code":
        return Block(block.text, "codeblock", prefix="  ", indent="  ", wrap=False,
                     spans=tuple((s, e, kind) for s, e, kind in spans if kind == "hit"))
    if kind == "rule":
        return Block("", "rule", wrap=False)
    text, at, total = block.with_notes()  # paragraph offsets skip the marks (`to_display`)
    marks = [shifted(offset, at, total, end=True) for offset, _ in block.notes]
    moved = [(start, start + len(f"[{n}]"), "note") for start, (_, n) in zip(marks, block.notes, strict=True)]
    shown = Block(text, "body", paragraph=block.paragraph, gap=gap, inserted_at=at, inserted=total)
    moved += [(shown.to_display(s), shown.to_display(e, end=True), span) for s, e, span in [*block.styles, *spans]]
    prefix = ""
    style = "body"
    if kind == "heading":
        style = "heading" if block.level <= 2 else "subheading"
    elif kind == "list_item":
        depth = "  " * max(0, block.level - 1)
        prefix = f"{depth}{block.marker or ' '} "
    elif kind == "quote":
        style = "blockquote"
        prefix = "│ " * max(1, block.level)
    return replace(shown, style=style, spans=tuple(moved), prefix=prefix, indent=" " * cell_len(prefix)
                   if kind == "list_item" else prefix)


def _table(block: Block, width: int) -> Block:
    """A table as columns (` │ ` between them, a rule under the header row) when it fits `width`, else as
    records: one `Header: value` line per cell, a blank line between rows. Its search hits are placed on the
    cells they are in (`table_hits`), and `to_display` maps the rows' text to the text set."""
    columns = max(len(r) for r in block.rows)
    rows = [r + ("",) * (columns - len(r)) for r in block.rows]
    widths = [max(cell_len(r[c]) for r in rows) for c in range(columns)]
    numeric = numeric_columns(rows)
    joined = _cell_starts(block.rows)
    placed: list[tuple[int, int, int]] = []  # (start in the rows' text, its end, start in the text set)
    if sum(widths) + 3 * (columns - 1) <= width:
        lines = []
        pos = 0
        for n, r in enumerate(rows):
            line = ""
            for c, (cell, w, right) in enumerate(zip(r, widths, numeric, strict=True)):
                line += " │ " if c else ""
                pad = " " * (w - cell_len(cell))
                if c < len(block.rows[n]):
                    shown_at = pos + len(line) + (len(pad) if right else 0)
                    placed.append((joined[n][c], joined[n][c] + len(cell), shown_at))
                line += pad + cell if right else cell + pad
            lines.append(line.rstrip())
            pos += len(lines[-1]) + 1
            if n == 0:
                lines.append("─┼─".join("─" * w for w in widths))
                pos += len(lines[-1]) + 1
        spans = [(0, len(lines[0]), "table-header")]
        text = "\n".join(lines)
        return _with_hits(replace(block, text=text, rows=(), wrap=False), spans, placed)
    header = rows[0]
    lines, spans, pos = [], [], 0
    for n, r in enumerate(rows[1:], 1):
        if lines:
            lines.append("")
            pos += 1
        for c, cell in enumerate(r):
            label = f"{header[c] or f'Column {c + 1}'}:"
            lines.append(f"{label} {cell}")
            spans.append((pos, pos + len(label), "table-header"))
            if n == 1 and c < len(block.rows[0]):  # the header's words are found in the first record's labels
                placed.append((joined[0][c], joined[0][c] + len(header[c]), pos))
            if c < len(block.rows[n]):
                placed.append((joined[n][c], joined[n][c] + len(cell), pos + len(label) + 1))
            pos += len(lines[-1]) + 1
    if len(rows) == 1:
        lines = [" · ".join(header)]
        placed = [(joined[0][c], joined[0][c] + len(cell), sum(len(h) + 3 for h in header[:c]))
                  for c, cell in enumerate(block.rows[0])]
    return _with_hits(replace(block, text="\n".join(lines), rows=()), spans, placed)


def _cell_starts(rows: tuple[tuple[str, ...], ...]) -> list[list[int]]:
    """Where each cell starts in the rows' text (`Block.text` of a table: cells joined by ` | `, a line a row)."""
    starts, pos = [], 0
    for row in rows:
        line = []
        for cell in row:
            line.append(pos)
            pos += len(cell) + 3
        starts.append(line)
        pos += 1 - 3 * bool(row)
    return starts


def _with_hits(block: Block, spans: list[tuple[int, int, str]], placed: list[tuple[int, int, int]]) -> Block:
    """A table set: `to_display` maps each cell's offsets in the rows' text to where the cell is set, and its
    search hits are spans there (a phrase across two cells is marked in the first)."""
    placed.sort()
    at = tuple(start for start, _, _ in placed)
    shift = tuple(shown - start for start, _, shown in placed)
    set_ = replace(block, inserted_at=at, inserted=shift)
    for s, e in block.table_hits:
        k = bisect.bisect_right(at, s) - 1
        if k >= 0 and s < placed[k][1]:
            spans.append((set_.to_display(s), set_.to_display(min(e, placed[k][1]), end=True), "hit"))
    return replace(set_, spans=tuple(spans))


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) offsets of each line; words longer than a line are split."""
    width = max(width, 4)
    if not text:
        return [(0, 0)]
    if len(text) <= width and text.isascii():
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for m in _WORDS.finditer(text):
        word = m.group()
        stripped = word.rstrip()
        ascii = stripped.isascii()
        w = len(stripped) if ascii else cell_len(stripped)
        if used and used + w > width:
            lines.append((start, m.start()))
            start, used = m.start(), 0
        while w > width:  # a very long word: cut it, a line at a time (what is left is counted down, not again)
            cut = _after_break(text, start, start + width if ascii else _cut(text, start, width))
            lines.append((start, cut))
            w -= cut - start if ascii else cell_len(text[start:cut])
            start = cut
        space = word[len(stripped):]
        used = (w if start > m.start() else used + w) + (len(space) if space.isascii() else cell_len(space))
    lines.append((start, len(text)))
    return lines


_BREAKS = frozenset("/_-?&=.,;")
"""Where a word too long for a line (a web address) is cut first: after one of these, as browsers and
terminals' URL wrapping do (`…/wiki/US_professional_` / `wrestler_Jon_Huber…`), not inside a word."""


def _after_break(text: str, start: int, cut: int) -> int:
    """`cut`, or a place just after a `_BREAKS` character in the second half of text[start:cut] (bounded: a
    line's length looked at per line cut)."""
    for i in range(cut - 1, start + (cut - start) // 2, -1):
        if text[i] in _BREAKS:
            return i + 1
    return cut


def _cut(text: str, start: int, width: int) -> int:
    used = 0
    i = start
    while i < len(text):
        w = cell_len(text[i])
        if used + w > width:
            break
        used += w
        i += 1
    return max(i, start + 1)


def layout(blocks: list[Block], width: int) -> Layout:
    """Wrap every block at `width`; blank lines between blocks are lines with start == end == -1."""
    result = Layout(width)
    lines = result.lines
    for b, block in enumerate(blocks):
        result.block_first_line.append(len(lines))
        shown = block.fit(width)
        if shown is not block:
            result.fitted[b] = shown
        inner = width - cell_len(shown.prefix) if shown.prefix else width
        if shown.wrap and "\n" not in shown.text:
            lines.extend((b, s, e) for s, e in wrap(shown.text, inner))
        else:
            pos = 0
            for line in shown.text.split("\n"):
                if shown.wrap:
                    lines.extend((b, pos + s, pos + e) for s, e in wrap(line, inner))
                else:
                    lines.append((b, pos, pos + len(line)))
                    w = len(line) if line.isascii() else cell_len(line)
                    result.widest = max(result.widest, w + width - inner)
                pos += len(line) + 1
        if block.gap:
            lines.append((b, -1, -1))
    return result


def shown_block(layout_: Layout, blocks: list[Block], b: int) -> Block:
    """Block `b` as it is set in `layout_`."""
    return layout_.fitted.get(b) or blocks[b]


def line_of(layout_: Layout, block: int, offset: int = 0) -> int:
    """The line showing `offset` of `block`."""
    first = layout_.block_first_line[block]
    last = layout_.block_first_line[block + 1] if block + 1 < len(layout_.block_first_line) else len(layout_.lines)
    starts = [layout_.lines[i][1] for i in range(first, last) if layout_.lines[i][1] >= 0]
    return first + max(0, bisect.bisect_right(starts, offset) - 1)
