"""Domain objects: what a file becomes once read and parsed."""

from __future__ import annotations

import datetime as dt
import operator
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


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One parsed article file. Every string field is sanitized."""

    id: str
    path: str
    format: str
    """`briefing`, `markdown` or `text`."""
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
    key: bytes
    """The index's key for the file: its real root, a NUL, its id (raw bytes)."""
    size: int
    """The file's size when it was indexed."""
