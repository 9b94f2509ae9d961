"""Where query terms occur in text, by the index's own rules: whole words, case and diacritics folded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.core.query import Term

_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics, keeping its length (so offsets still point into it)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def find_hits(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of any term in `text`, in order, not overlapping."""
    if not terms or not text:
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(fold(text))]
    words = [t[2] for t in tokens]
    hits: list[tuple[int, int]] = []
    for term in terms:
        n = len(term.words)
        first = term.words[0]
        for i, word in enumerate(words):
            if word != first and not (n == 1 and term.prefix and word.startswith(first)):
                continue
            if n > 1:
                tail = words[i + 1:i + n]
                if len(tail) != n - 1:
                    continue
                if term.prefix:
                    if tail[:-1] != list(term.words[1:-1]) or not tail[-1].startswith(term.words[-1]):
                        continue
                elif tail != list(term.words[1:]):
                    continue
            hits.append((tokens[i][0], tokens[i + n - 1][1]))
    hits.sort()
    merged: list[tuple[int, int]] = []
    for start, end in hits:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged
