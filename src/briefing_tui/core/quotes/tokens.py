"""Tokens: the words and marks of a paragraph, with their offsets, read once and shaped for the rules."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from briefing_tui.core.quotes.lexicon import Lexicon

MASK = "\u2063"
"""What quoted words are replaced with before the rules read a paragraph: an invisible separator, which the
sanitizer removes from every input (`core/reading/sanitize.py`), so no text can contain one."""

_TOKEN = re.compile(r"(\u2063++|[^\W_][\w'’\-]*+(?:\.(?=[^\W\d_])[\w'’\-]++)*+|[^\w\s])")
"""A token; in a group, so that `split` returns the tokens with the gaps between them."""
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


_new_tok = tuple.__new__
"""How a Tok is made without NamedTuple's own `__new__`, a Python function: a tokenizer makes one per word."""


def tok(text: str, start: int, end: int) -> Tok:
    """A token of `text` at [start, end)."""
    first = text[0]
    cap = first.isupper() or (first.islower() and "-" in text and text.rsplit("-", 1)[-1][:1].isupper())
    return _new_tok(Tok, (text, start, end, text.lower(), cap, first.isalnum(), first == MASK))


MEMO_SPAN = 1000
"""Ranges at most this long are remembered (`_memo`): attribution reads the same few words around a quote
several times; a long sentence, read once, is not kept."""
MEMO_TEXT = 5000
"""Only ranges of paragraphs at most this long are remembered: a key holds its paragraph, so the memo keeps
no more than 512 of these (a few MB at most) alive after their article is parsed."""


def tokenize(text: str, start: int, end: int, lex: Lexicon) -> list[Tok]:
    """The tokens of text[start:end], offsets into `text`. Abbreviations keep their full stop (`Jr.`, `A.`);
    in French an elided article is a token of its own (`l'` `ONG`)."""
    if start >= end:
        return []
    french = lex.code == "fr"
    if end - start > MEMO_SPAN or len(text) > MEMO_TEXT:
        return _tokenize(text, start, end, french)
    return list(_memo(text, start, end, french))  # a list of its own: callers may change theirs


@lru_cache(maxsize=512)
def _memo(text: str, start: int, end: int, french: bool) -> tuple[Tok, ...]:
    """`_tokenize`, remembered: a pure function of its arguments, so a result never outlives its meaning."""
    return tuple(_tokenize(text, start, end, french))


def forget() -> None:
    """Forget the remembered paragraphs (`_memo`): a measurement that repeats a parse starts each run cold."""
    _memo.cache_clear()


_OPENERS = frozenset("the a an he she it they we this these there la le les il elle ils elles on ce cette "
                     "der die das er sie es".split())
"""Words that open a sentence and never follow an initial: `la bombe H. La Corée du Sud a annoncé`."""
_NEXT_WORD = re.compile(r" ([^\W\d_]++)")


def letter_ends_sentence(text: str, letter: int) -> bool:
    """Whether the capital letter at `letter`, followed by a full stop, ends a sentence rather than being an
    initial: it follows a lower-case word and an article or a pronoun follows it (`la bombe H. La Corée`,
    `plan B. The`), where an initial follows a first name or opens a name (`George W. Bush`, `J. Smith`)."""
    if letter < 2 or text[letter - 1] != " " or not text[letter - 2].islower():
        return False
    m = _NEXT_WORD.match(text, letter + 2)
    return m is not None and m.group(1)[0].isupper() and m.group(1).lower() in _OPENERS


def _tokenize(text: str, start: int, end: int, french: bool) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    # gap, token, gap, …, token, gap: one call makes every token's text, with no match object per token (the
    # pattern neither looks behind nor matches nothing, so the slice reads as the range does)
    parts = _TOKEN.split(text[start:end])
    e = start + len(parts[0])
    for k in range(1, len(parts), 2):
        word = parts[k]
        s = e
        e = s + len(word)
        gap = len(parts[k + 1])
        if word == "." and toks and toks[-1].end == s:
            last = toks[-1]
            if last.low in ABBREVIATIONS or (len(last.text) == 1 and last.text.isupper()
                                             and not letter_ends_sentence(text, last.start)) \
                    or ("." in last.text and last.text.replace(".", "").isupper()):  # `U.S.`, `D.C.`
                toks[-1] = tok(last.text + ".", last.start, e)
                e += gap
                continue
        if french and (el := _ELISION.match(word)):
            cut = el.end()
            append(tok(word[:cut], s, s + cut))
            append(tok(word[cut:], s + cut, e))
            e += gap
            continue
        first = word[0]
        cap = first.isupper() or (first.islower() and "-" in word and word.rsplit("-", 1)[-1][:1].isupper())
        append(_new_tok(Tok, (word, s, e, word.lower(), cap, first.isalnum(), first == MASK)))
        e += gap
    return toks
