"""Quote spans (docs/quotes.md): found in one linear pass per paragraph, never across paragraphs.

Speaker attribution lives in `attribution.py`; this module only finds where quotes are.

Marks are matched like brackets, with one stack per paragraph: each mark opens, closes, or is ignored by what
stands either side of it. A quote inside a quote stays inside (`“He told me ‘no’ twice”`, `"the "United States"
is"`); a quote that opens again right after a sentence end before the last one closed is a new quote, and the
last one ends there (paragraphs pasted together: `"We will wait. "Then we act," she said.`); an opening mark
that never closes is no quote, unless the next paragraph reopens it (the multi-paragraph convention).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# opening mark -> the marks that may close it
PAIRS: dict[str, str] = {
    "\u201c": "\u201d",  # “ … ”
    '"': '"',
    "\u2018": "\u2019",  # ‘ … ’
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … « (German)
    "\u201e": "\u201c\u201d",  # „ … “ or „ … ”
}
CLOSES: dict[str, str] = {}
"""closing mark -> the openers it may close (`“` closes `„`, and opens a quote of its own)."""
for _opener, _closers in PAIRS.items():
    for _closer in _closers:
        CLOSES[_closer] = CLOSES.get(_closer, "") + _opener
_NONSPACE = re.compile(r"\S")
_MARKS = re.compile("[" + "".join(set(PAIRS) | set(CLOSES)) + "]")
_ALL_MARKS = tuple(sorted(set(PAIRS) | set(CLOSES)))
_SENTENCE_MARKS = ".!?…"
MAX_DEPTH = 8
"""Quotes nested deeper than this are not quotes: real text nests two or three deep."""


class Span(NamedTuple):
    """Where a quote stands in its paragraph: [start, end) includes the marks that are present.

    A named tuple: a paragraph dense with quotes makes one per pair of marks, several times faster than a frozen
    dataclass.
    """

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
    if mark not in PAIRS:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and mark in "\"\u2018":
        return False
    if mark in "\"\u2018\u00bb":  # symmetric-looking marks: only after a space or opening punctuation
        return not _is_word(before) and before not in ".,;!?%"
    return True


def _can_close(text: str, i: int, opener: str) -> bool:
    """A closing mark ends a quote unless it is an apostrophe between letters (`Russia’s`) or, for a
    symmetric mark, it stands after a space before a word (then it opens one)."""
    if text[i] not in PAIRS[opener]:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if opener in "\"\u2018" and before.isspace() and _is_word(after):
        return False  # `said "yes`: an opening mark; `world. " England` closes
    return not (text[i] == "\u2019" and _is_word(before) and _is_word(after))


def opens_with_quote(paragraph: str) -> str | None:
    """The opening mark a paragraph starts with, if any (the multi-paragraph convention)."""
    first = _NONSPACE.search(paragraph)
    if first and paragraph[first.start()] in PAIRS and _can_open(paragraph, first.start()):
        return paragraph[first.start()]
    return None


def _after_sentence(text: str, i: int) -> bool:
    """Whether a sentence ends right before position `i` (`…wait. "Then`)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and j < i - 1 and text[j] in _SENTENCE_MARKS


def _paragraph_spans(p: int, text: str, reopened: str | None, marks: list[int]) -> list[Span]:
    """The top-level quotes of one paragraph, in order (one pass over its `marks`, where its quote marks are)."""
    stack: list[tuple[str, int]] = []  # (opening mark, where)
    open_count: dict[str, int] = {}
    pairs: list[Span] = []
    for i in marks:
        mark = text[i]
        closes = None
        if open_count:
            for o in CLOSES.get(mark, ""):
                if open_count.get(o) and _can_close(text, i, o):
                    closes = o
                    break
        if closes is not None:
            while stack:  # unclosed quotes inside this one are no quotes
                opener, at = stack.pop()
                open_count[opener] -= 1
                if opener == closes:
                    if text[at + 1:i].strip():
                        pairs.append(Span(p, at, i + 1, at + 1, i))
                    break
            continue
        if not _can_open(text, i):
            continue
        if stack and stack[-1][0] == mark and _after_sentence(text, i):
            opener, at = stack.pop()  # `"We will wait. "Then we act,"`: the first quote ends where this opens
            open_count[opener] -= 1
            end = i
            while text[end - 1].isspace():  # back over the spaces since the mark before: linear in all
                end -= 1
            if text[at + 1:end].strip():
                pairs.append(Span(p, at, end, at + 1, end))
        if len(stack) < MAX_DEPTH:
            stack.append((mark, i))
            open_count[mark] = open_count.get(mark, 0) + 1
    spans: list[Span] = []
    last_end = -1
    for span in sorted(pairs, key=lambda s: (s.start, -s.end)):
        if span.start >= last_end:  # a quote inside a quote stays inside
            spans.append(span)
            last_end = span.end
    if reopened is not None:  # the first unclosed opener after the last quote runs on into the next paragraph
        run_on = None
        for opened in stack:  # a loop, not a generator: paragraph after paragraph may open with a quote
            if opened[1] >= last_end:
                run_on = opened
                break
        if run_on is not None and run_on[0] == reopened and _NONSPACE.search(text, run_on[1] + 1):
            spans.append(Span(p, run_on[1], len(text), run_on[1] + 1, len(text.rstrip()), continued=True))
    return spans


def _mark_positions(text: str) -> list[int]:
    """Where `text`'s quote marks (`_MARKS`) are, in order. A `find` per mark scans several times faster than the
    regex, and most paragraphs have none; ASCII text can hold only `"`. Each mark's positions come in order, so
    the sort merges at most eight runs: linear."""
    found: list[int] = []
    for mark in ('"',) if text.isascii() else _ALL_MARKS:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    if not text.isascii():
        found.sort()
    return found


def find_spans(paragraphs: list[str] | tuple[str, ...]) -> list[Span]:
    """Find every quote span in order. Linear in the text: each mark is pushed and popped at most once."""
    spans: list[Span] = []
    for p, text in enumerate(paragraphs):
        marks = _mark_positions(text)
        if not marks:
            continue  # no mark, no quote (most paragraphs)
        reopened = opens_with_quote(paragraphs[p + 1]) if p + 1 < len(paragraphs) else None
        spans.extend(_paragraph_spans(p, text, reopened, marks))
    return _mark_continuations(spans, paragraphs)


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
