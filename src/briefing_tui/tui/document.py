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

from briefing_tui.core.model import Article, numeric_columns, shifted
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
    """Paragraph offsets where a note mark was inserted into `text`, in order."""
    inserted: tuple[int, ...] = ()
    """How many characters were inserted up to and including each of those."""

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
        spans = list(quotes.get(block.paragraph, []))
        spans += [(s, e, "hit") for s, e in (hits or {}).get(block.paragraph, [])]
        blocks.append(_shown(block, spans, following))
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


def _shown(block: ArticleBlock, spans: list[tuple[int, int, str]], following: ArticleBlock | None) -> Block:
    """One of the article's blocks as the page shows it."""
    kind = block.kind
    gap = not (kind == "list_item" and following is not None and following.kind == "list_item")
    if kind == "code":
        return Block(block.text, "codeblock", prefix="  ", indent="  ", wrap=False)
    if kind == "table":
        return Block(block.text, "table", rows=block.rows)
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
    records: one `Header: value` line per cell, a blank line between rows."""
    columns = max(len(r) for r in block.rows)
    rows = [r + ("",) * (columns - len(r)) for r in block.rows]
    widths = [max(cell_len(r[c]) for r in rows) for c in range(columns)]
    numeric = numeric_columns(rows)
    if sum(widths) + 3 * (columns - 1) <= width:
        lines = []
        for r in rows:
            cells = [(" " * (w - cell_len(cell)) + cell) if right else (cell + " " * (w - cell_len(cell)))
                     for cell, w, right in zip(r, widths, numeric, strict=True)]
            lines.append(" │ ".join(cells).rstrip())
        lines.insert(1, "─┼─".join("─" * w for w in widths))
        text = "\n".join(lines)
        return replace(block, text=text, rows=(), wrap=False, spans=((0, len(lines[0]), "table-header"),))
    header = rows[0]
    lines, spans, pos = [], [], 0
    for r in rows[1:]:
        if lines:
            lines.append("")
            pos += 1
        for c, cell in enumerate(r):
            label = f"{header[c] or f'Column {c + 1}'}:"
            lines.append(f"{label} {cell}")
            spans.append((pos, pos + len(label), "table-header"))
            pos += len(lines[-1]) + 1
    if len(rows) == 1:
        lines = [" · ".join(header)]
    return replace(block, text="\n".join(lines), rows=(), spans=tuple(spans))


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
            cut = start + width if ascii else _cut(text, start, width)
            lines.append((start, cut))
            w -= cut - start if ascii else cell_len(text[start:cut])
            start = cut
        space = word[len(stripped):]
        used = (w if start > m.start() else used + w) + (len(space) if space.isascii() else cell_len(space))
    lines.append((start, len(text)))
    return lines


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
