"""Quote spans (docs/quotes.md): found in one linear pass per paragraph, never across paragraphs.

Speaker attribution lives in `attribution.py`; this module only finds where quotes are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the marks that may close it
PAIRS: dict[str, str] = {
    "\u201c": "\u201d",  # “ … ”
    '"': '"',
    "\u2018": "\u2019",  # ‘ … ’
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … « (German)
    "\u201e": "\u201c\u201d",  # „ … “ or „ … ”
}
_NONSPACE = re.compile(r"\S")
_OPENERS = re.compile("[" + "".join(PAIRS) + "]")


@dataclass(frozen=True, slots=True)
class Span:
    """Where a quote stands in its paragraph: [start, end) includes the marks that are present."""

    paragraph: int
    start: int
    end: int
    text_start: int
    text_end: int
    continued: bool = False
    """True when the quote runs on into the next paragraph (no closing mark here)."""
    continuation: bool = False
    """True when this quote continues one opened in the previous paragraph."""


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int) -> bool:
    """An opening mark must not sit inside a word (so `he’d` and `5"` never open)."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and mark in "\"\u2018":
        return False
    if mark in "\"\u2018\u00bb":  # symmetric-looking marks: only after a space or opening punctuation
        return not _is_word(before) and before not in ".,;!?%"
    return True


def _can_close(text: str, i: int, opener: str) -> bool:
    """A closing mark ends a quote unless it is an apostrophe between letters (`Russia’s`)."""
    if text[i] not in PAIRS[opener]:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if opener in "\"\u2018" and before.isspace():
        return False
    return not (text[i] == "\u2019" and _is_word(before) and _is_word(after))


def _last_closers(text: str) -> dict[str, int]:
    """For each opener, the last index that could close it: openers after that cannot close."""
    last: dict[str, int] = {}
    for opener, closers in PAIRS.items():
        best = -1
        for closer in closers:
            i = text.rfind(closer)
            while i > best and not _can_close(text, i, opener):
                i = text.rfind(closer, 0, i)
            best = max(best, i)
        if best >= 0:
            last[opener] = best
    return last


def opens_with_quote(paragraph: str) -> str | None:
    """The opening mark a paragraph starts with, if any (the multi-paragraph convention)."""
    first = _NONSPACE.search(paragraph)
    if first and paragraph[first.start()] in PAIRS and _can_open(paragraph, first.start()):
        return paragraph[first.start()]
    return None


def find_spans(paragraphs: list[str] | tuple[str, ...]) -> list[Span]:
    """Find every quote span in order. Linear in the text: unclosable openers are skipped at once."""
    spans: list[Span] = []
    for p, text in enumerate(paragraphs):
        last = _last_closers(text)
        reopened = opens_with_quote(paragraphs[p + 1]) if p + 1 < len(paragraphs) else None
        i = 0
        n = len(text)
        while i < n:
            found = _OPENERS.search(text, i)
            if found is None:
                break
            i = found.start()
            mark = text[i]
            if not _can_open(text, i):
                i += 1
                continue
            close = _find_close(text, i, mark, last)
            if close is not None:
                if close > i + 1 and text[i + 1:close].strip():
                    spans.append(Span(p, i, close + 1, i + 1, close))
                i = close + 1
                continue
            if reopened == mark and _NONSPACE.search(text, i + 1):
                spans.append(Span(p, i, n, i + 1, len(text.rstrip()), continued=True))
                break
            i += 1  # unbalanced: not a quote; later openers of this kind cannot close either
    return _mark_continuations(spans, paragraphs)


def _find_close(text: str, i: int, mark: str, last: dict[str, int]) -> int | None:
    limit = last.get(mark, -1)
    if limit <= i:
        return None
    j = i + 1
    while j <= limit:
        if text[j] in PAIRS[mark] and _can_close(text, j, mark):
            return j
        j += 1
    return None


def _mark_continuations(spans: list[Span], paragraphs: list[str] | tuple[str, ...]) -> list[Span]:
    out: list[Span] = []
    prev_continued_para = -2
    for span in spans:
        if prev_continued_para == span.paragraph - 1 and span.start == _first_nonspace(paragraphs[span.paragraph]):
            span = Span(span.paragraph, span.start, span.end, span.text_start, span.text_end,
                        span.continued, continuation=True)
        out.append(span)
        if span.continued:
            prev_continued_para = span.paragraph
    return out


def _first_nonspace(text: str) -> int:
    return len(text) - len(text.lstrip())
