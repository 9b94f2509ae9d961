"""A quotation the writer interrupted with its attribution (`"Terrorists seek to divide us," said Khan, "here in
London we will never let them succeed."`), cited whole: its parts are quotes of their own (each found, attributed
and listed where it stands), and each part's citation gives every part, joined by an ellipsis (docs/quotes.md)."""

from __future__ import annotations

from collections.abc import Sequence

from briefing_tui.core.model import Quote

JOIN = " … "
"""What stands for the writer's words between two parts in a whole quotation."""
MAX_GAP = 160
"""Characters of the writer's words between two parts of one quotation, at most: an attribution, not a story."""
MAX_PARTS = 6
"""Parts joined into one quotation, at most (a longer run is cited in runs of this many)."""
_CLAUSE_END = frozenset(",:.;")
"""How the writer's words before the next part end: `he said,` / `he said:` / `told the press.`"""


def wholes(paragraphs: Sequence[str], quotes: Sequence[Quote]) -> list[str | None]:
    """For each quote, the whole quotation it is part of (its parts joined by JOIN), or None when it stands alone.

    Two quotes in a row are parts of one when they are in the same paragraph, have the same speaker, the run's first
    part opens with a capital (a sentence of the speaker's, not a fragment the writer quotes inside theirs), the first
    ends with a comma (the writer broke into the sentence, or ended it there: `"…so far," Musk told the press.
    "We have…"`), and the words between them are a short attribution that ends a clause (`, he told the press, `),
    so that a word the writer quotes inside their own sentence (`said of the "vacuous" claim`) is no part.
    Linear: each quote is looked at once, and no more than MAX_GAP characters between two."""
    joined = [False] * len(quotes)  # quote k runs on into quote k + 1
    for k in range(len(quotes) - 1):
        a, b = quotes[k], quotes[k + 1]
        if (a.paragraph != b.paragraph or a.speaker is None or b.speaker is None
                or a.speaker.casefold() != b.speaker.casefold() or not a.text.rstrip().endswith(",")
                or not 0 < b.start - a.end <= MAX_GAP or a.paragraph >= len(paragraphs)):
            continue
        if not (k and joined[k - 1]) and not _opens_sentence(a.text):
            continue  # a run's first part opens a sentence; `Pelosi called Trump's conduct a "breach of …,"
            # according to NBC. "[T]he House …"`: a fragment the writer quotes in their own sentence, then a quotation
        gap = paragraphs[a.paragraph][a.end:b.start].strip()
        joined[k] = bool(gap) and gap[-1] in _CLAUSE_END and any(ch.isalpha() for ch in gap)
    out: list[str | None] = [None] * len(quotes)
    k = 0
    while k < len(quotes):
        end = k
        while end < len(quotes) - 1 and joined[end] and end - k + 1 < MAX_PARTS:
            end += 1
        if end > k:
            parts = [q.text.strip() for q in quotes[k:end + 1]]
            text = JOIN.join([p.rstrip(",;:").rstrip() for p in parts[:-1]] + parts[-1:])
            out[k:end + 1] = [text] * (end - k + 1)
        k = end + 1
    return out


def _opens_sentence(text: str) -> bool:
    """Whether a quote's words open a sentence: the first letter (past brackets and marks: `[T]he`) is a capital."""
    for ch in text[:40]:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True  # `"2019 was hard," he said, "but …"`
    return False
