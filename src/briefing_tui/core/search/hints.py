"""What to say when a query finds nothing: which part of it found nothing, and the nearest thing that exists.

`speaker:blunkett id cards` finding no quote says `David Blunkett: 23 quotes; none with “id cards”`; a
speaker nobody is called gives the closest names the library has; a date with nothing gives the dates it
does have. Each part of the query is counted on its own (a few small queries, run only when the whole
found nothing).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_tui.core.search.query import And, DateRange, Node, Not, Or, Query, Term
from briefing_tui.core.search.suggest import allowed, distance, first_then_timed
from briefing_tui.core.search.text import words
from briefing_tui.core.serialize import count

if TYPE_CHECKING:
    from briefing_tui.core.search.index import Index

MAX_PARTS = 8
"""Parts of a query counted one by one and with the rarest part; past these, a part is counted on its own while
`suggest.MORE_TERMS_SECONDS` last (`first_then_timed`: each count is a query of its own)."""
_FIELDS = {"speakers": "speaker:", "title": "title:", "section": "section:", "tags": "tag:"}


@dataclass(frozen=True)
class Facts:
    """What the hint may ask of the library, each a read of the index."""

    count: Callable[[Query], int]
    """How many quotes (or articles) a query finds."""
    noun: str
    """What `count` counts: `quote` or `article`."""
    speakers: Callable[[], Sequence[tuple[str, int]]]
    """Every speaker, with how many quotes each has."""
    date_span: Callable[[], tuple[dt.date | None, dt.date | None]]
    """The first and the last date in the library."""
    elsewhere: Callable[[Query], int] | None = None
    """For quotes: how many articles a query finds (words in no quote may be in the text)."""


def facts_of(index: Index, quotes: bool = False, elsewhere: bool = False) -> Facts:
    """What a hint asks of an index: counts of articles, or of quotes (the quote finder, `quotes -q`); with
    `elsewhere`, for quotes, also how many articles hold the words (the reader's `(/ searches)`)."""
    if quotes:
        return Facts(lambda q: index.find_quotes(q, 0)[0], "quote", index.speakers, index.date_span,
                     elsewhere=(lambda q: index.search(q, 1)[0]) if elsewhere else None)
    return Facts(lambda q: index.search(q, 1)[0], "article", index.speakers, index.date_span)


def empty_hint(query: Query, facts: Facts, typing: bool = False) -> str | None:
    """One sentence on why `query` found nothing and what is nearest, or None when there is nothing to say.
    `typing`: the query's last word is being typed, and its `*` (it matches as a prefix) is not the reader's, so
    the sentence leaves it out."""
    root = query.root
    end = len(query.text) - (1 if query.text.endswith("*)") else 0)  # `(word OR word*)`: `as_you_type`'s
    implicit = next((t for t in query.terms if t.prefix and t.span and t.span[1] == end), None) if typing else None
    show = functools.partial(describe, implicit=implicit)
    if root is None:
        return None
    parts = list(root.nodes) if isinstance(root, And) else [root]
    parts = [p for p in parts if p != DateRange(None, None)]  # `-word` alone is read as "all, except"
    if not parts:
        return None
    alone: list[int] = []
    for part in first_then_timed(parts, MAX_PARTS):
        alone.append(facts.count(_query(part, query)))
        if alone[-1] == 0:
            return _nothing(part, query, facts, show)
    if len(alone) < len(parts):
        return None  # a long pasted sentence of common words: no count is worth the wait
    if len(parts) == 1:
        return None
    speakers = [n for n, p in enumerate(parts) if _speaker(p)]
    anchor = speakers[0] if speakers else min(range(len(parts)), key=lambda n: alone[n])
    others = [p for n, p in enumerate(parts) if n != anchor]
    if len(others) > 1 and len(parts) <= MAX_PARTS:  # name the parts that find nothing with the anchor, not those
        alone_with = [p for p in others  # that do (`khashoggi demanded montebourg`: only `montebourg`)
                      if facts.count(_query(And((parts[anchor], p)), query)) == 0]
        others = alone_with or others
    label = f"{_label(parts[anchor], facts, show)}: {count(alone[anchor], facts.noun)}"
    if len(others) > MAX_PARTS:
        return f"{label}; none with all {len(others)} other words"
    return f"{label}; none with “{' '.join(show(p) for p in others)}”"


def _query(node: Node, like: Query) -> Query:
    return Query(describe(node), node, like.in_quotes)


def _speaker(node: Node) -> bool:
    return isinstance(node, Term) and node.column == "speakers"


def _nothing(part: Node, query: Query, facts: Facts, show: Callable[[Node], str]) -> str:
    """A part that finds nothing on its own."""
    if isinstance(part, Term) and _speaker(part):
        said = " ".join(part.words)
        names = closest_speakers(said, facts.speakers())
        return f"No speaker called “{said}”" + (f"; the closest: {', '.join(names)}" if names else "")
    if isinstance(part, DateRange):
        first, last = facts.date_span()
        if first is None or last is None:
            return f"Nothing matches {show(part)}: no article in the library has a date"
        span = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
        inside = (part.start is None or part.start <= last) and (part.end is None or part.end >= first)
        if inside:  # `date:2025-06-03` between the first and the last: no article that day, not a date mistyped
            return f"No {facts.noun} from {show(part).removeprefix('date:')} (the library's dates run from {span})"
        return f"Nothing matches {show(part)}: the library's dates run from {span}"
    said = show(part)
    phrase = said[1:-1] if len(said) > 2 and said[0] == said[-1] == '"' and said.count('"') == 2 else said
    elsewhere = facts.elsewhere or (facts.count if query.in_quotes else None)  # `in:quotes wall`: in no quote
    sentence = f"No {'quotation' if query.in_quotes and facts.noun == 'article' else facts.noun} has “{phrase}”"
    if elsewhere is not None and not isinstance(part, Not):
        found = elsewhere(Query(said, part, False))
        if found:
            sentence += f"; {count(found, 'article')} {'has' if found == 1 else 'have'} it outside quotes" \
                + (" (/ searches)" if facts.elsewhere is not None else "")
    return sentence


def _label(node: Node, facts: Facts, show: Callable[[Node], str]) -> str:
    """How a part is named in a hint: a speaker term by the one speaker it finds, when it finds one."""
    if isinstance(node, Term) and _speaker(node):
        names = [name for name, _ in facts.speakers() if _names(node, name)]
        if len(names) == 1:
            return names[0]
    return show(node)


def _names(term: Term, name: str) -> bool:
    """True when `term` (`speaker:rutte`, `speaker:"mark rut*"`) matches the speaker `name`."""
    said = words(name)
    n = len(term.words)
    for i in range(len(said) - n + 1):
        window = said[i:i + n]
        if window[:-1] == list(term.words[:-1]) and (
                window[-1].startswith(term.words[-1]) if term.prefix else window[-1] == term.words[-1]):
            return True
    return False


def closest_speakers(said: str, speakers: Sequence[tuple[str, int]], limit: int = 3) -> list[str]:
    """The speakers whose names (or one word of them) are within a typo of `said` (the edits `suggest.allowed`
    gives a word of its length: `rute`, `pelosy`), nearest first, then the most quoted; none when no name is that
    near (`merkel` in a library that never quotes her names nobody: Michael Morell is no answer)."""
    folded = " ".join(words(said))
    bound = allowed(folded)
    if not bound:
        return []
    best: dict[str, int] = {}
    for name, _ in speakers:
        for key in {" ".join(words(name)), *words(name)}:
            d = distance(folded, key, bound)
            if d <= bound and d < best.get(name, bound + 1):
                best[name] = d
    quoted = dict(speakers)
    return sorted(best, key=lambda name: (best[name], -quoted.get(name, 0), name))[:limit]


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    """`2025`, `2025-06`, `2025-06-27` or a range `A..B`, as a date filter is written."""
    if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    if start and end and start.day == 1 and (start.year, start.month) == (end.year, end.month) \
            and (end + dt.timedelta(days=1)).month != end.month:
        return f"{start:%Y-%m}"
    if start and start == end:
        return start.isoformat()
    return f"{start.isoformat() if start else ''}..{end.isoformat() if end else ''}"


def describe(node: Node, implicit: Term | None = None) -> str:
    """A part of a query written back as the query language writes it (`speaker:rutte`, `date:2025-06`);
    `implicit` is a prefix written without its `*` (the word being typed)."""
    if isinstance(node, Term):
        text = " ".join(node.words) + ("*" if node.prefix and node is not implicit else "")
        if len(node.words) > 1:
            text = f'"{text}"'
        return _FIELDS.get(node.column or "", "") + text
    if isinstance(node, DateRange):
        return "date:" + _dates(node.start, node.end)
    if isinstance(node, Not):
        return "-" + describe(node.node, implicit)
    if isinstance(node, Or):
        if implicit is not None and len(node.nodes) == 2 and node.nodes[1] is implicit \
                and isinstance(node.nodes[0], Term) and node.nodes[0].words == implicit.words:
            return describe(implicit, implicit)  # the word being typed (`as_you_type`): as it was typed
        return "(" + " OR ".join(describe(n, implicit) for n in node.nodes) + ")"
    return " ".join(describe(n, implicit) for n in node.nodes)
