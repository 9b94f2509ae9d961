"""Where query terms occur in text, by the index's own rules: whole words, case and diacritics folded, and
a plain word's other forms in the article's language (`forms.is_form`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from briefing_tui.core.search.forms import DEFAULT_LANGUAGE, form_prefixes, is_form
from briefing_tui.core.search.text import WORD, fold, words

if TYPE_CHECKING:
    from briefing_tui.core.search.query import Term

BOUNDARY = "\ue000"
"""Stored between the paragraphs, quotations, tags and speakers that share a column: a private-use
character, which FTS5's tokenizer keeps as a word of its own and no query can hold (it is no letter or
digit), so a phrase never matches from the end of one quotation into the start of the next."""
_PART_BREAK = f"\n{BOUNDARY}\n"


def joined(parts: Iterable[str]) -> str:
    """Several paragraphs (quotations, tags, speakers) as one column's text, a boundary between each two."""
    return _PART_BREAK.join(parts)


def part_words(parts: Iterable[str]) -> tuple[str, ...]:
    """The words of `joined(parts)` as the index sees them, the boundaries included."""
    out: list[str] = []
    for k, part in enumerate(parts):
        if k:
            out.append(BOUNDARY)
        out.extend(words(part))
    return tuple(out)


def without_boundaries(text: str) -> str:
    """Text taken from a column (a snippet) with each boundary shown as an ellipsis."""
    return text.replace(_PART_BREAK, " … ").replace(BOUNDARY, "…")


def term_at(words: Sequence[str], i: int, term: Term, lang: str = DEFAULT_LANGUAGE) -> bool:
    """True when `term` occurs in `words` from index i (for `invest*`, its last word is a prefix; a plain
    word matches its forms in `lang`, the language of the text)."""
    n = len(term.words)
    window = tuple(words[i:i + n])
    if len(window) != n:
        return False
    if term.stemmed:
        return is_form(term.words[0], window[0], lang)
    if term.prefix:
        return window[:-1] == term.words[:-1] and window[-1].startswith(term.words[-1])
    return window == term.words


def find_hits(text: str, terms: list[Term], lang: str = DEFAULT_LANGUAGE) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of any term in `text` (written in `lang`), in order, not overlapping."""
    if not terms or not text:
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(fold(text))]
    found = [t[2] for t in tokens]
    hits: list[tuple[int, int]] = []
    for term in terms:
        first: str | tuple[str, ...] = term.words[0]
        n = len(term.words)
        if term.stemmed:  # every form begins so (a cheap test before the stemmer's)
            first = form_prefixes(term.words[0])
        hits.extend((tokens[i][0], tokens[i + n - 1][1]) for i, word in enumerate(found)
                     if word.startswith(first) and term_at(found, i, term, lang))
    hits.sort()
    merged: list[tuple[int, int]] = []
    for start, end in hits:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged


SNIPPET_WORDS = 16
"""Words in a snippet, as FTS5's `snippet(…, 16)` gives them."""
SNIPPET_SCAN = 256 * 1024
"""Characters of a long text looked through for its first hit (`snippet_of`): a bound on the work."""


def snippet_of(text: str, terms: list[Term], lang: str = DEFAULT_LANGUAGE, hit: str = "\x02", end: str = "\x03",
               dots: str = "…") -> str | None:
    """A snippet of a column's `text` (its parts `joined`) as FTS5's `snippet()` writes one: about
    SNIPPET_WORDS words around the first hit, each hit between `hit` and `end`, `dots` where text was left out;
    None when no hit is in the first SNIPPET_SCAN characters. Linear: the parts are looked through in order, one
    at a time, until a hit (FTS5's own snippet scores every window against every hit: quadratic in the hits,
    84 s for a 5 MB transcript that says `said` 95,000 times)."""
    parts = text[:SNIPPET_SCAN].split(_PART_BREAK)
    for k, part in enumerate(parts):
        found = find_hits(part, terms, lang)
        if not found:
            continue
        spans = [(m.start(), m.end()) for m in WORD.finditer(fold(part))]
        first = next(n for n, (start, _) in enumerate(spans) if start >= found[0][0])
        lead = min(first, SNIPPET_WORDS // 4)
        window = spans[first - lead:first - lead + SNIPPET_WORDS]
        left, right = window[0][0], window[-1][1]
        if first - lead + SNIPPET_WORDS >= len(spans):
            right = len(part)  # the part's last word: its closing punctuation too
        pieces = [dots] if left > 0 or k > 0 else []  # text left out before it (an earlier part, too)
        at = left
        for s, e in found:
            if s >= left and e <= right:
                pieces += [part[at:s], hit, part[s:e], end]
                at = e
        pieces.append(part[at:right])
        if right < len(part) or k < len(parts) - 1:
            pieces.append(dots)
        return "".join(pieces)
    return None
