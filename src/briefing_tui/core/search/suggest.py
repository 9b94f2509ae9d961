"""“Did you mean”: a query with each word that finds nothing (or next to nothing) replaced by the nearest
word the library holds, by edit distance, the more common first among equally near ones.

Words are looked for among the index's words that begin with the same two letters (`Index.vocabulary`, a
range of its sorted vocabulary), then, for a longer word none of those is near, among those that begin with its
first letter only (the second letter mistyped: `gebreyesus`); speaker names (`speaker:rute`) among the words of
the speakers' names.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from briefing_tui.core.search.query import And, Node, Not, Or, Query, QueryError, Term, parse
from briefing_tui.core.search.text import words

if TYPE_CHECKING:
    from briefing_tui.core.search.index import Index

T = TypeVar("T")
MIN_LENGTH = 3
"""Shorter words get no suggestion (any two-letter word is one edit from dozens of others)."""
MAX_LENGTH = 40
"""Longer words get none either: no word is that long, and the distance costs length squared."""
MAX_TERMS = 8
"""Words of one query always looked at (each is counted on its own: a query of its own); more while
MORE_TERMS_SECONDS last (`… tuesday twitter trmup`: the typo is the ninth word)."""
MORE_TERMS_SECONDS = 0.3


def first_then_timed(items: Sequence[T], first: int, seconds: float = MORE_TERMS_SECONDS) -> Iterator[T]:
    """The items of a query each counted by a query of its own (its words, its parts): the first `first` always,
    then more while `seconds` last (a long pasted sentence: its typo may be its tenth word)."""
    deadline = time.monotonic() + seconds
    for n, item in enumerate(items):
        if n >= first and time.monotonic() > deadline:
            return
        yield item
FEW = 2
"""A word found in at most this many articles (or quotes) may still get a suggestion…"""
MORE = 50
"""…when a word one edit away is in at least this many times as many."""
PREFIX = 2
"""Letters a suggestion shares with the word typed (a range of the vocabulary, not the whole of it)…"""
ALTERNATIVES = 3
"""Words as near as the nearest that are tried in its place when the query suggested with it finds nothing more."""
WIDER = 5
"""…or only the first, for a word of at least this many letters that none sharing two is near: its second letter
may be the typo (`gebreyesus` for Ghebreyesus). Shorter words are one edit from too many words of a letter's range."""


@dataclass(frozen=True)
class Library:
    """What a suggestion may ask of the library, each a read of the index."""

    count: Callable[[Query], int]
    """How many articles (or quotes) a query finds."""
    vocabulary: Callable[[str], Sequence[tuple[str, int]]]
    """The words of the text that begin with a prefix, with how many articles hold each."""
    speakers: Callable[[], Sequence[tuple[str, int]]]
    """Every speaker, with how many quotes each has."""


def allowed(word: str) -> int:
    """Edits a suggestion may be away from `word`: none below MIN_LENGTH letters, one up to four, else two."""
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH:
        return 0
    return 1 if len(word) <= 4 else 2


def distance(a: str, b: str, bound: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or bound + 1 when more than
    `bound`: only the band of `bound` cells around the diagonal is filled, and it stops once a row is over."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    over = bound + 1
    before = list(range(len(b) + 1))
    previous: list[int] = []
    for i in range(1, len(a) + 1):
        row = [i] + [over] * len(b)
        for j in range(max(1, i - bound), min(len(b), i + bound) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous[j - 2] + 1)
            row[j] = min(best, over)
        if min(row) > bound:
            return over
        previous, before = before, row
    return min(before[len(b)], over)


def nearest(word: str, candidates: Iterable[tuple[str, int]], limit: int = 3) -> list[tuple[str, int, int]]:
    """The candidates within `allowed(word)` edits of `word`, as (word, edits, count): the nearest first, then
    the most common, then in alphabetical order."""
    bound = allowed(word)
    if not bound:
        return []
    found: dict[str, tuple[int, int]] = {}
    for term, n in candidates:
        if term == word or len(term) < MIN_LENGTH:
            continue
        d = distance(word, term, bound)
        if d <= bound:
            edits, total = found.get(term, (d, 0))
            found[term] = (min(edits, d), total + n)
    ranked = sorted(found.items(), key=lambda item: (item[1][0], item[0].replace(" ", "") != word, -item[1][1],
                                                     item[0]))  # `obrien`: `o brien` before `brien`
    return [(term, edits, n) for term, (edits, n) in ranked[:limit]]


def speaker_words(speakers: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words of the speakers' names, and each two words side by side in one (`le pen`, for `lepen` typed
    without its space), each with the quotes of the speakers it names."""
    counted: dict[str, int] = {}
    for name, n in speakers:
        said = words(name)
        for w in {*said, *(" ".join(pair) for pair in itertools.pairwise(said))}:
            counted[w] = counted.get(w, 0) + n
    return list(counted.items())


def did_you_mean(query: Query, total: int, library: Library) -> str | None:
    """The query with each word that finds nothing replaced by the nearest word the library holds (also a word
    found at most FEW times, when a word one edit away is found MORE times as often), or None. `total` is
    how many the whole query found: with more than FEW, nothing is suggested; nor when the query suggested
    would find no more."""
    either = _has_or(query.root)
    if total > FEW and not either:
        return None  # found enough; with an OR, a branch that finds nothing may still be a typo (`trmup OR election`)
    changes: list[tuple[tuple[int, int], list[str]]] = []  # where a word was typed, and what may replace it
    speakers: list[tuple[str, int]] | None = None

    def candidates_of(word: str, column: str | None) -> Sequence[tuple[str, int]]:
        """The words a suggestion for `word` is chosen among: the speakers' names' (read once) for `speaker:`,
        else the library's that begin with its first PREFIX letters."""
        nonlocal speakers
        if column != "speakers":
            return library.vocabulary(word[:PREFIX])
        if speakers is None:
            speakers = speaker_words(library.speakers())
        return speakers

    for term in first_then_timed([t for t in query.terms if _eligible(t) or _phrase(t)], MAX_TERMS):
        word = term.words[0]
        found = library.count(Query(query.text, term, query.in_quotes))
        if found > FEW or (found and total > FEW):
            continue
        if _phrase(term):  # `"mark rute"`, `speaker:"mark rute"`: the phrase with each word the library lacks mended
            if found == 0 and term.quoted is not None:
                mended = _mended(term, candidates_of)
                if mended is not None:
                    changes.append((term.quoted, [f'"{mended}"']))
            continue
        candidates = candidates_of(word, term.column)
        if term.column != "speakers" and found == 0 and any(known == word for known, _ in candidates):
            continue  # spelt as the library spells it, only in no quote (`merkel` in the quote finder, named in an
            # article and quoted nowhere): `merely` is not what was meant
        best = nearest(word, candidates, limit=ALTERNATIVES)
        if not best and term.column != "speakers" and len(word) >= WIDER:  # `gebreyesus`: Ghebreyesus
            best = nearest(word, [c for c in library.vocabulary(word[:1]) if c[0][1:2] != word[1:2]],
                           limit=ALTERNATIVES)
        if found == 0 and term.column != "speakers" and not term.prefix and (not best or best[0][1] > 0):
            joined = _split(word, term, query, library)
            if joined and (not best or joined[1] >= best[0][2]):  # `mayer`: `mayor`, not `may er` found once
                best = [(joined[0], 1, joined[1])]
        if not best:
            continue
        _, edits, n = best[0]
        if found == 0 or (edits == 1 and n >= MORE * found):
            assert term.span is not None
            changes.append((term.span, [(f'"{w}"' if " " in w else w) + ("*" if term.prefix else "")  # `speaker:
                                        for w, e, _ in best if e == edits]))  # lepen`: `speaker:"le pen"`
    if not changes:
        return None
    chosen = [0] * len(changes)
    tried = [chosen] + [[*chosen[:k], j, *chosen[k + 1:]] for k, (_, options) in enumerate(changes)
                        for j in range(1, len(options))]
    for choice in tried:  # the nearest words first; then, one word at a time, others just as near (`gouvernment
        # francais`: not `government`, in no article with `francais`, but `gouvernement`)
        text = query.text
        for ((start, end), options), j in sorted(zip(changes, choice, strict=True), reverse=True):  # from the end:
            text = text[:start] + options[j] + text[end:]  # earlier spans stay where they are
        text = " ".join(text.split())  # as it would be typed: `did you mean “protests”`, not “protests ”
        try:  # offered only when it finds more: a word of the text may be in no quote, two words in no one article
            if library.count(parse(text)) > total:
                return text
        except QueryError:
            continue
    return None


MAX_SPLITS = 12
"""Ways of cutting a word in two that are tried, from the shortest first part (`o brien`, `le pen`)."""


def _split(word: str, term: Term, query: Query, library: Library) -> tuple[str, int] | None:
    """`obrien` typed for O'Brien, `lepen` for Le Pen: the two words side by side that the library holds, as a
    phrase, when the word typed finds nothing (the cut with the shortest first part that finds anything), and
    how many it finds."""
    if len(word) < MIN_LENGTH or len(word) > MAX_LENGTH:
        return None
    for i in range(1, min(len(word), MAX_SPLITS + 1)):
        pair = Term((word[:i], word[i:]), column=term.column)
        found = library.count(Query(query.text, pair, query.in_quotes))
        if found:
            return " ".join(pair.words), found
    return None


def _has_or(node: Node | None) -> bool:
    """Whether the query has an OR anywhere (not a typed word's own `(word OR word*)`, which has no other branch)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Or):
            typed = len(n.nodes) == 2 and all(isinstance(b, Term) for b in n.nodes) \
                and n.nodes[0].words == n.nodes[1].words  # type: ignore[union-attr]
            if not typed:
                return True
        if isinstance(n, (And, Or)):
            stack.extend(n.nodes)
        elif isinstance(n, Not):
            stack.append(n.node)
    return False


def _phrase(term: Term) -> bool:
    """A quoted phrase of words (not one ending in a prefix)."""
    return term.quoted is not None and len(term.words) > 1 and not term.prefix


def _mended(term: Term, candidates_of: Callable[[str, str | None], Sequence[tuple[str, int]]]) -> str | None:
    """A phrase's words with each word the library does not hold replaced by the nearest it does (among
    `candidates_of` the word: the speakers' names' words for `speaker:`), or None when none was replaced or one
    cannot be."""
    mended, changed = [], False
    for word in term.words:
        candidates = candidates_of(word, term.column)
        if any(known == word for known, _ in candidates):
            mended.append(word)
            continue
        best = nearest(word, candidates, limit=1)
        if not best:
            return None
        mended.append(best[0][0])
        changed = True
    return " ".join(mended) if changed else None


def _eligible(term: Term) -> bool:
    """A single word as typed (a plain word, a prefix, or a field's value), not a quoted phrase."""
    return term.span is not None and len(term.words) == 1


def library_of(index: Index, quotes: bool = False) -> Library:
    """What a suggestion asks of an index: counts of articles, or of quotes (the quote finder, `quotes -q`)."""
    if quotes:
        return Library(lambda q: index.find_quotes(q, 0)[0], index.vocabulary, index.speakers)
    return Library(lambda q: index.search(q, 1)[0], index.vocabulary, index.speakers)
