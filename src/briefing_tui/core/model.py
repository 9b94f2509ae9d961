"""Domain objects: what a file becomes once read and parsed."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import os
import re
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

_T = TypeVar("_T")


def pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle `cls` as its constructor and its field values. A frozen, slotted dataclass otherwise
    pickles through `__getstate__`/`__setstate__`, which look up its fields for every object: a third
    of what the parent of the parse workers spends taking in their results."""
    get = operator.attrgetter(*[f.name for f in fields(cls)])  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, get(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not become an article, or something wrong inside one that did."""

    id: str
    """The path relative to the library root, `/`-separated and sanitized."""
    path: str
    """The path as the user would type it, sanitized for display."""
    reason: str
    """One line that says what is wrong."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class RelatedLink:
    """One entry of a briefing's trailing related-sections block."""

    label: str
    month: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation inside one paragraph, with its speaker when the text supports one."""

    text: str
    """The words between the quote marks."""
    paragraph: int
    """Index into the article's paragraphs."""
    start: int
    """Offset of the opening mark (or the paragraph start for a continued quote)."""
    end: int
    """Offset just past the closing mark (or the paragraph end for a quote that continues)."""
    speaker: str | None = None
    cue: str | None = None
    """The word or mark that ties the quote to its speaker: `said`, `according to`, `:`."""
    rule: str | None = None
    """The attribution pass that found the speaker (`after-cue`, `pronoun`, `continuation`, …), or None."""
    whole: str | None = None
    """The whole quotation when the writer broke into it (`"A," he said, "B."`): its parts joined by ` … `, as its
    citation gives it (`quotes.whole`); None for a quote that stands alone."""


PROSE_KINDS = frozenset({"heading", "paragraph", "list_item", "quote"})
"""Block kinds whose text is prose: they are the article's paragraphs, searched for quotations and hits."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article as a document: a heading, a paragraph, a list item, a block quote, code, a
    table or a rule. Every string is sanitized; offsets index `text`."""

    kind: str
    """`heading`, `paragraph`, `list_item`, `quote` (a block quotation), `code`, `table` or `rule`."""
    text: str
    """The text shown: one clean line for prose; code keeps its lines; a table is its rows, one a line,
    cells joined by ` | `; a rule has none."""
    level: int = 0
    """A heading's level (1 to 6); how deep a list item or a block quote is nested (from 1); else 0."""
    paragraph: int = -1
    """Index into Article.paragraphs for a prose block; -1 for code, tables and rules."""
    marker: str = ""
    """A list item's marker (`•`, `3.`); empty for the later paragraphs of an item."""
    styles: tuple[tuple[int, int, str], ...] = ()
    """(start, end, style) spans: `em`, `strong`, `code`, `strike` or `link`."""
    notes: tuple[tuple[int, int], ...] = ()
    """(offset, n): the note mark `[n]` of link n (Article.links[n - 1]) goes after text[:offset]."""
    rows: tuple[tuple[str, ...], ...] = ()
    """A table's cells, row by row, the header row first."""

    def with_notes(self) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
        """The text as shown, each link's note mark `[n]` after its words; the offsets of `text` where marks
        went in, and how many characters had gone in up to and including each (see `shifted`)."""
        if not self.notes:
            return self.text, (), ()
        pieces: list[str] = []
        at: list[int] = []
        total: list[int] = []
        pos = 0
        for offset, n in self.notes:
            mark = f"[{n}]"
            pieces += [self.text[pos:offset], mark]
            at.append(offset)
            total.append((total[-1] if total else 0) + len(mark))
            pos = offset
        pieces.append(self.text[pos:])
        return "".join(pieces), tuple(at), tuple(total)


def numeric_columns(rows: tuple[tuple[str, ...], ...] | list[tuple[str, ...]]) -> list[bool]:
    """For a table's rows (the header first): whether each column's cells below the header are all numbers (or
    empty), which are set flush right."""
    columns = max((len(r) for r in rows), default=0)
    return [len(rows) > 1 and all(not (cell := (r[c] if c < len(r) else "")) or bool(_NUMBER.fullmatch(cell))
                                  for r in rows[1:]) for c in range(columns)]


_NUMBER = re.compile(r"[-+−]?[\d.,\u00a0\u202f ]*\d[%‰]?")
"""A number as a table cell holds it: a sign, digits grouped by points, commas or (no-break) spaces, a percent."""


def shifted(offset: int, at: tuple[int, ...], total: tuple[int, ...], end: bool = False) -> int:
    """Where `offset` into a block's text is in the text with its note marks (`Block.with_notes`): a start
    goes after a mark inserted at the same place, an end before it."""
    if not at:
        return offset
    k = (bisect.bisect_left if end else bisect.bisect_right)(at, offset)
    return offset + (total[k - 1] if k else 0)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article file. Every string field is sanitized."""

    id: str
    path: str
    format: str
    """`briefing`, `markdown`, `text`, `html` (a saved web page) or `email`."""
    title: str
    date: dt.date | None
    section: str
    source: str | None
    tags: tuple[str, ...]
    summary: str
    paragraphs: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    """Front matter as (key, display value) pairs, in file order."""
    problems: tuple[str, ...] = ()
    """Things wrong inside the file that did not stop it loading."""
    word_count: int = field(default=0)
    blocks: tuple[Block, ...] = ()
    """The article as a document, in order; empty when it was built from paragraphs alone (see `body`)."""
    links: tuple[str, ...] = ()
    """Link targets, numbered from 1 by the `notes` of the blocks: shown as text, never followed."""

    def body(self) -> tuple[Block, ...]:
        """The blocks of the article: its own, or one paragraph block per paragraph."""
        if self.blocks:
            return self.blocks
        return tuple(Block("paragraph", p, paragraph=i) for i, p in enumerate(self.paragraphs))

    def searched(self) -> tuple[str, ...]:
        """The texts search reads in the body: the paragraphs, then each code block's and table's text (their
        words are found, though no quotation is looked for in them)."""
        extra = tuple(b.text for b in self.blocks if b.kind in SEARCHED_KINDS and b.text.strip())
        return (*self.paragraphs, *extra) if extra else self.paragraphs


SEARCHED_KINDS = ("code", "table")
"""Blocks other than prose whose words search finds."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Listed:
    """An article as the index lists it: enough to group it in the sidebar, cite it and open it.

    The reader keeps one of these per article (not the parsed text), so 100,000 articles stay small.
    """

    id: str
    title: str
    date: dt.date | None
    section: str
    root: bytes
    """The real root the file is under (raw bytes): one object shared by the root's articles."""
    size: int
    """The file's size when it was indexed."""
    mtime: int = 0
    """The file's modification time when it was indexed (ns since the epoch; 0 when not known): the
    sidebar groups a library of undated files by it. The index gives it for undated articles only (a dated
    one is never grouped by it: 4.4 MB less for 100,000 articles in the reader)."""
    raw_id: bytes | None = None
    """The file's path under its root as raw bytes, kept only when it is not the id encoded back
    (`os.fsencode`): the key is made when asked for, not kept (8 MB less for 100,000 articles)."""
    source: str | None = None
    """The article's source (front matter `source`, a page's site), given with a quote the index lists, whose
    citation names it; the sidebar's listing leaves it out (None), as it cites no quote."""

    @property
    def key(self) -> bytes:
        """The index's key for the file: its real root, a NUL, its id (raw bytes)."""
        return self.root + b"\0" + (os.fsencode(self.id) if self.raw_id is None else self.raw_id)
