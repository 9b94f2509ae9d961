"""An article laid out as wrapped lines: the model behind ArticleView, with no Textual in it.

Wrapping is our own greedy word wrap over plain strings with style spans, so a 10 MB article wraps
in about a second and only visible lines are ever turned into styled segments.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rich.cells import cell_len

from briefing_tui.core.model import Article
from briefing_tui.core.serialize import long_date

_WORDS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like piece of the page: its text, base style, and styled spans."""

    text: str
    style: str
    """A component-class suffix: `title`, `meta`, `body`, `related`, `problem`, `heading`."""
    spans: tuple[tuple[int, int, str], ...] = ()
    paragraph: int | None = None
    """Index into article.paragraphs for body blocks."""
    gap: bool = True
    """A blank line follows this block."""


@dataclass
class Layout:
    """Wrapped lines: (block index, start, end) each, with the first line of every block."""

    width: int
    lines: list[tuple[int, int, int]] = field(default_factory=list)
    block_first_line: list[int] = field(default_factory=list)


def article_blocks(article: Article, hits: dict[int, list[tuple[int, int]]] | None = None) -> list[Block]:
    """The page for an article: header, paragraphs with quotes (and search hits), related sections."""
    blocks = [Block(article.title, "title", gap=False)]
    meta = [long_date(article.date), article.section]
    if article.source:
        meta.append(article.source)
    blocks.append(Block("  ·  ".join(meta), "meta", gap=not article.tags and not article.problems))
    if article.tags:
        blocks.append(Block("Tags: " + ", ".join(article.tags), "tags", gap=not article.problems))
    for i, note in enumerate(article.problems):
        blocks.append(Block(f"⚠ {note}", "problem", gap=i == len(article.problems) - 1))
    quotes: dict[int, list[tuple[int, int, str]]] = {}
    for q in article.quotes:
        quotes.setdefault(q.paragraph, []).append((q.start, q.end, "quote"))
    for i, para in enumerate(article.paragraphs):
        spans = list(quotes.get(i, []))
        spans += [(s, e, "hit") for s, e in (hits or {}).get(i, [])]
        blocks.append(Block(para, "body", tuple(spans), paragraph=i))
    if article.related:
        blocks.append(Block("Related sections", "heading", gap=False))
        for r in article.related:
            blocks.append(Block(f"• {r.label} — {r.month}", "related", gap=False))
    return blocks


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
        w = len(stripped) if stripped.isascii() else cell_len(stripped)
        if used and used + w > width:
            lines.append((start, m.start()))
            start, used = m.start(), 0
        while w > width:  # a very long word: cut it
            cut = start + width if stripped.isascii() else _cut(text, start, width)
            lines.append((start, cut))
            start = cut
            stripped = text[start:m.start() + len(stripped)]
            w = cell_len(stripped)
        used += (len(word) if word.isascii() else cell_len(word))
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
    for b, block in enumerate(blocks):
        result.block_first_line.append(len(result.lines))
        result.lines.extend((b, s, e) for s, e in wrap(block.text, width))
        if block.gap:
            result.lines.append((b, -1, -1))
    return result


def line_of(layout_: Layout, block: int, offset: int = 0) -> int:
    """The line showing `offset` of `block`."""
    first = layout_.block_first_line[block]
    last = layout_.block_first_line[block + 1] if block + 1 < len(layout_.block_first_line) else len(layout_.lines)
    starts = [layout_.lines[i][1] for i in range(first, last) if layout_.lines[i][1] >= 0]
    return first + max(0, bisect.bisect_right(starts, offset) - 1)
