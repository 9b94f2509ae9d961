"""Tokens: the words and marks of a paragraph, with their offsets, read once and shaped for the rules."""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing_tui.core.quotes.lexicon import Lexicon

MASK = "\u2063"
"""What quoted words are replaced with before the rules read a paragraph: an invisible separator, which the
sanitizer removes from every input (`core/reading/sanitize.py`), so no text can contain one."""

_TOKEN = re.compile(r"\u2063++|[^\W_][\w'’\-]*+(?:\.(?=[^\W\d_])[\w'’\-]++)*+|[^\w\s]")
_ELISION = re.compile(r"(?:[lLdDjJnNsScCmMtT]|[Qq]u|[Ll]orsqu|[Pp]uisqu|[Jj]usqu)['’](?=\w)")
ABBREVIATIONS = frozenset("jr sr dr mr mrs ms prof st gen sen rep gov lt col capt sgt adm hon rev mme mlle m no "
                          "inc ltd corp co plc"
                          .split())

class Tok(NamedTuple):
    """One word or mark of a paragraph, with where it stands and what the rules ask of it (computed once)."""

    text: str
    start: int
    end: int
    low: str
    cap: bool
    """Starts with a capital letter (`el-Sisi` counts: a name particle joined to a capitalised name)."""
    word: bool
    masked: bool


def tok(text: str, start: int, end: int) -> Tok:
    """A token of `text` at [start, end)."""
    first = text[0]
    cap = first.isupper() or (first.islower() and "-" in text and text.rsplit("-", 1)[-1][:1].isupper())
    return Tok(text, start, end, text.lower(), cap, first.isalnum(), first == MASK)


def tokenize(text: str, start: int, end: int, lex: Lexicon) -> list[Tok]:
    """The tokens of text[start:end], offsets into `text`. Abbreviations keep their full stop (`Jr.`, `A.`);
    in French an elided article is a token of its own (`l'` `ONG`)."""
    toks: list[Tok] = []
    french = lex.code == "fr"
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        if word == "." and toks and toks[-1].end == s and (
                toks[-1].low in ABBREVIATIONS or (len(toks[-1].text) == 1 and toks[-1].text.isupper())
                or ("." in toks[-1].text and toks[-1].text.replace(".", "").isupper())):  # `U.S.`, `D.C.`
            toks[-1] = tok(toks[-1].text + ".", toks[-1].start, e)
            continue
        if french and (el := _ELISION.match(word)):
            toks.append(tok(word[:el.end()], s, s + el.end()))
            toks.append(tok(word[el.end():], s + el.end(), e))
            continue
        toks.append(tok(word, s, e))
    return toks
