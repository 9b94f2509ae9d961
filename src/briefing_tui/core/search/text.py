"""Words as the index sees them: runs of letters and digits, lower case, diacritics removed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+")
"""A word for the index and for every matcher: the FTS5 unicode61 tokenizer's rule."""


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics, keeping its length (so offsets still point into it)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def words(text: str) -> list[str]:
    """The words of `text` as the index sees them: letters and digits, folded (`Orbán’s` -> orban, s)."""
    return WORD.findall(fold(text))
