"""What every format shares: paragraphs, the related block, metadata precedence, the final Article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from briefing_tui.core.formats.blocks import RawBlock, decode_entities
from briefing_tui.core.formats.dates import DateError, coerce_date, filename_date, is_month_year
from briefing_tui.core.model import PROSE_KINDS, Article, Block, Quote, RelatedLink
from briefing_tui.core.quotes.attribution import MAX_ATTRIBUTED, attribute
from briefing_tui.core.quotes.spans import find_spans
from briefing_tui.core.quotes.whole import wholes
from briefing_tui.core.reading import sanitize

MAX_PARAGRAPH_CHARS = 200_000
"""Longer runs of text are split so one pathological line never becomes one giant paragraph."""

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A sentence ends at . ! ? before a capital or the end, but not after an initial (`U.S.`) or a title (`Dr.`).
# The look ahead for the mark comes before the look backs only so that most characters fail at once.
_SENTENCE = re.compile(
    r"^(.{20,400}?(?=[.!?])(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bJr|\bSr|\bNo)(?<!\bMrs|\bGen|\bGov|\bSen|\bRep)"
    r"[.!?][\"”’»)]*)(?=\s+[\"“‘„«(]?[A-ZÀ-Þ0-9]|\s*$)",
    re.DOTALL,
)


class ParseError(ValueError):
    """A file that reads as text but is no article (empty, for instance)."""


@dataclass(frozen=True, slots=True)
class FileInfo:
    """Where a file stands: its id under the library root and what its path says."""

    id: str
    path: str
    name: str
    """The file name without its suffix."""
    folder: str | None
    """The parent folder below the library root, or None at the root."""


@dataclass
class Draft:
    """Metadata gathered by a format before precedence is applied."""

    format: str
    paragraphs: list[str]
    """The body as paragraphs, when the format has no other structure (`blocks` is None)."""
    front: dict[str, Any] = field(default_factory=dict)
    heading: str | None = None
    line_date: dt.date | None = None
    related: list[RelatedLink] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    blocks: list[RawBlock] | None = None
    """The body as a document (Markdown, HTML, e-mail); its prose blocks become the paragraphs."""


def split_paragraphs(body: str) -> list[str]:
    """One paragraph per line, or per blank-line separated block when the text has blank lines."""
    body = body.strip("\n")
    if not body.strip():
        return []
    if _BLANK_LINE.search(body):
        blocks = [" ".join(line.strip() for line in block.splitlines()) for block in _BLANK_LINE.split(body)]
    else:
        blocks = [line.strip() for line in body.splitlines()]
    paragraphs: list[str] = []
    for block in blocks:
        block = block.strip()
        while len(block) > MAX_PARAGRAPH_CHARS:
            cut = block.rfind(" ", 0, MAX_PARAGRAPH_CHARS)
            cut = cut if cut > MAX_PARAGRAPH_CHARS // 2 else MAX_PARAGRAPH_CHARS
            paragraphs.append(block[:cut].strip())
            block = block[cut:].strip()
        if block:
            paragraphs.append(block)
    return paragraphs


def take_related(lines: list[str]) -> tuple[list[str], list[RelatedLink]]:
    """Split a trailing block of alternating `Label` / `Month YYYY` lines off the body."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    pairs: list[RelatedLink] = []
    i = end
    while i >= 2 and is_month_year(lines[i - 1]) and _is_label(lines[i - 2]):
        pairs.append(RelatedLink(lines[i - 2].strip(), lines[i - 1].strip()))
        i -= 2
    if not pairs:
        return lines, []
    pairs.reverse()
    return lines[:i], pairs


def _is_label(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= 60 and not is_month_year(text) and not text.endswith((".", ":", "”", '"'))


_GREETINGS = frozenset({
    "hi", "hello", "hey", "dear", "greetings", "morning", "afternoon", "evening", "all", "team", "colleagues",
    "everyone", "folks", "bonjour", "bonsoir", "salut", "cher", "chère", "chers", "chères", "madame", "monsieur",
    "hallo", "liebe", "lieber", "liebes", "sehr", "moin", "servus", "guten",
})  # fmt: skip
_GREETING_ENDS = (",", ":", "!", "،")


def _is_greeting(para: str) -> bool:
    """A short paragraph that only greets the reader (`Hi all,`, `Dear colleagues,`, `Good morning!`, `Bonjour à
    tous,`, `Liebe Kolleginnen und Kollegen,`): not the summary of a message."""
    if len(para) > 80 or not para.endswith(_GREETING_ENDS):
        return False
    words = para.rstrip(",:!،").replace(",", " ").split()
    return bool(words) and len(words) <= 6 and (
        words[0].casefold() in _GREETINGS or (words[0].casefold() == "good" and len(words) > 1))


def first_sentence(paragraphs: list[str]) -> str:
    """The first sentence of the body (at most about 400 characters), for a summary; a greeting before it is
    skipped."""
    for para in paragraphs:
        para = para.strip()
        if not para or _is_greeting(para):
            continue
        m = _SENTENCE.match(para)
        if m:
            return m.group(0).strip()
        return para if len(para) <= 400 else para[:399].rstrip() + "…"
    return ""


_COLLECTIONS = (dict, list, tuple, set)
"""Front-matter values that are no one line of text."""


def _text(value: Any) -> str | None:
    """A front-matter value as one clean line, or None when empty or not scalar."""
    if value is None or isinstance(value, _COLLECTIONS):
        return None
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = sanitize.clean_line(decode_entities(str(value)))[:500]
    return text or None


def _categories(value: Any) -> list[str]:
    """Jekyll `categories`: a list, or a string split on commas, else on spaces."""
    if isinstance(value, str) and "," not in value:
        return _text_list(value.split())
    return _text_list(value)


def _text_list(value: Any) -> list[str]:
    """Tags and categories: a list or a comma-separated string, as clean unique lines."""
    if value is None:
        return []
    if isinstance(value, str):
        parts: list[Any] = value.split(",")
    elif isinstance(value, list | tuple):
        parts = [v for v in value if not isinstance(v, dict | list | tuple | set)]
    else:
        parts = [value]
    out = []
    for part in parts:
        text = _text(part)
        if text and text not in out:
            out.append(text)
    return out[:50]


def build(draft: Draft, info: FileInfo) -> Article:
    """Apply the metadata precedence of docs/formats.md and find quotes; return the Article."""
    front = draft.front
    problems = list(draft.problems)
    blocks: list[Block] = []
    links: list[str] = []
    if draft.blocks is not None:
        paragraphs = finish_blocks(draft.blocks, blocks, links)
    else:
        paragraphs = [sanitize.clean_line(p) for p in draft.paragraphs]
        paragraphs = [p for p in paragraphs if p]

    date: dt.date | None = None
    try:
        date = coerce_date(front.get("date"))
    except DateError as exc:
        problems.append(f"front matter date ignored: {exc}")
    date = date or draft.line_date or filename_date(info.name)

    categories = _categories(front.get("categories"))
    section = (_text(front.get("section")) or _text(front.get("category")) or (categories[0] if categories else None)
               or (draft.related[0].label if draft.related else None)
               or (sanitize.clean_line(info.folder) if info.folder else None) or "Unfiled")
    for key in ("title", "section"):
        if isinstance(front.get(key), _COLLECTIONS):  # `title: [a, b]` fell back without a word
            problems.append(f"front matter {key} is a {'mapping' if isinstance(front[key], dict) else 'list'}, "
                            "not text; ignored")
    title = (_text(front.get("title")) or (sanitize.clean_line(draft.heading) if draft.heading else None)
             or sanitize.clean_line(info.name) or "Untitled")
    source = _text(front.get("source")) or _text(front.get("author"))
    summary = (_text(front.get("summary")) or _text(front.get("description")) or _text(front.get("excerpt"))
               or first_sentence(paragraphs))
    tags = _text_list(front.get("tags"))
    for extra in categories[1:]:
        if extra not in tags:
            tags.append(extra)
    related = [RelatedLink(sanitize.clean_line(r.label), sanitize.clean_line(r.month)) for r in draft.related]

    spans = find_spans(paragraphs)
    speakers = attribute(paragraphs, spans, title)
    quotes = tuple(
        Quote(paragraphs[s.paragraph][s.text_start:s.text_end].strip(), s.paragraph, s.start, s.end, who, cue, rule)
        for s, (who, cue, rule) in zip(spans, speakers, strict=True)
    )
    whole = wholes(paragraphs, quotes)
    quotes = tuple(q if w is None else dataclasses.replace(q, whole=w) for q, w in zip(quotes, whole, strict=True))
    if len(spans) > MAX_ATTRIBUTED:
        problems.append(f"{len(spans):,} quotes; speakers were looked for in the first {MAX_ATTRIBUTED:,} only")
    metadata = tuple((sanitize.clean_line(str(k))[:80], _display(v)) for k, v in front.items())
    return Article(
        id=info.id, path=info.path, format=draft.format, title=title[:300], date=date, section=section[:200],
        source=source, tags=tuple(tags), summary=summary[:600], paragraphs=tuple(paragraphs), quotes=quotes,
        related=tuple(related), metadata=metadata, problems=tuple(sanitize.clean_line(p) for p in problems),
        word_count=word_count(paragraphs), blocks=tuple(blocks), links=tuple(links),
    )


_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
"""Kana, CJK ideographs and Hangul syllables: text written without spaces between its words, each counted as a
word (as word processors count it): a 2,000-character Chinese article was `12 words`."""


def word_count(paragraphs: list[str]) -> int:
    """How many words the paragraphs hold, as `str.split()` counts them, each CJK character one word."""
    total = 0
    for p in paragraphs:
        if not p.isascii() and _CJK.search(p):
            total += len(_CJK.findall(p)) + len(_CJK.sub(" ", p).split())
            continue
        # A printable string's only white space is " " (str.isprintable() is False for every other space
        # character): with no two together and none at either end, the words are one more than the spaces,
        # counted without making a string per word. Paragraphs are clean lines, so this is nearly all of them.
        if p and p.isprintable() and "  " not in p and p[0] != " " and p[-1] != " ":
            total += p.count(" ") + 1
        else:
            total += len(p.split())
    return total


def finish_blocks(raw_blocks: list[RawBlock], blocks: list[Block], links: list[str]) -> list[str]:
    """Clean raw blocks into `blocks` (styles and links moved with the text), number their link targets
    into `links` (one number per target), and return the prose blocks' texts: the paragraphs."""
    paragraphs: list[str] = []
    numbers: dict[str, int] = {}
    for raw in raw_blocks:
        kind = raw.kind
        if kind == "code":
            code = sanitize.clean(raw.text).expandtabs(4).strip("\n")
            if code.strip():
                blocks.append(Block("code", code))
        elif kind == "table":
            rows = tuple(cells for row in raw.rows
                         if any(cells := tuple(sanitize.clean_line(c)[:500] for c in row[:50])))
            if rows:
                blocks.append(Block("table", "\n".join(" | ".join(r) for r in rows), rows=rows))
        elif kind == "rule":
            if blocks and blocks[-1].kind != "rule":
                blocks.append(Block("rule", ""))
        elif kind in PROSE_KINDS:
            text, moved = sanitize.clean_line_mapped(raw.text)
            if not text:
                continue
            styles = tuple((s, e, style) for s, e, style in ((moved(s), moved(e), style) for s, e, style in raw.styles)
                           if e > s)
            notes = []
            for start, end, target in raw.links:
                s, e = moved(start), moved(end)
                url = sanitize.clean_line(target)[:2000]
                styles += ((s, e, "link"),) if e > s else ()
                if e > s and url and text[s:e] != url and text[s:e] != url.removeprefix("mailto:"):
                    if url not in numbers:
                        numbers[url] = len(numbers) + 1
                        links.append(url)
                    notes.append((e, numbers[url]))
            blocks.append(Block(kind, text, level=raw.level, paragraph=len(paragraphs),
                                marker=sanitize.clean_line(raw.marker)[:12], styles=styles, notes=tuple(notes)))
            paragraphs.append(text)
    while blocks and blocks[-1].kind == "rule":
        blocks.pop()
    return paragraphs


def _display(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_display(v) for v in value)[:500]
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return _text(value) or ""
