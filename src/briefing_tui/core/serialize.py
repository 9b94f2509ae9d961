"""Plain dictionaries for `--json` (docs/cli.md) and the citation format of docs/quotes.md."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from briefing_tui.core.model import Article, Block, Listed, Problem, Quote


def count(n: int, noun: str) -> str:
    """`1 article`, `2 articles`, `1,204 problems`."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def short_date(date: dt.date | None) -> str:
    """`27 June 2025`, the citation's date."""
    return f"{date.day} {date:%B %Y}" if date else "undated"


def long_date(date: dt.date | None) -> str:
    """`Friday 27 June 2025`, the article header's date."""
    return f"{date:%A} {date.day} {date:%B %Y}" if date else "Undated"


def quoted(text: str) -> str:
    """A quote's words as shown between quotation marks: a comma (or `;`, `:`) that ends them is left out, as it
    was the sentence's, before the attribution (`“Yes,” said Anna` shows “Yes”)."""
    return text.rstrip().rstrip(",;:").rstrip() or text


def shown_cue(cue: str | None) -> str | None:
    """The cue as a reader is shown it: a word (`said`), not a mark (the colon that introduced the quote: its pass,
    `colon`, says so); an elided word joined to the next as written (`d'après`, not `d' après`)."""
    if not cue or not any(ch.isalpha() for ch in cue):
        return None
    return cue.replace("' ", "'").replace("’ ", "’")


_ESCAPED_RUN = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])++")
"""A run of percent-escaped bytes of 0x80 and over: a character outside ASCII, escaped in a web address."""


def shown_source(source: str | None) -> str | None:
    """A source as people read it: a web address's escaped letters shown as letters (`%C3%89lection` as
    `Élection`), as a browser's address bar shows them (RFC 3987, 3.2). Only runs that are UTF-8 for printable
    letters are shown so: an escaped space, control, bidi or invisible character, or a byte that is not UTF-8,
    stays escaped, and ASCII escapes (`%20`, `%2F`) are left as written."""
    if not source or "%" not in source or not source.startswith(("http://", "https://")):
        return source
    return _ESCAPED_RUN.sub(_unescaped, source)


def _unescaped(run: re.Match[str]) -> str:
    try:
        text = bytes.fromhex(run.group().replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return run.group()
    if not all(_shown(ch) for ch in text):
        return run.group()
    return text


_UNSEEN = frozenset("\u034f\u115f\u1160\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"
                    + "".join(map(chr, range(0xFE00, 0xFE10))))
"""Letters and marks that show as nothing (the grapheme joiner, Hangul fillers, variation selectors): an address
holding one could pass for another, so it stays escaped."""


def _shown(ch: str) -> bool:
    """Whether `ch` shows as itself: a letter, mark, number, punctuation or symbol (not a space, control or format
    character) that is not one of those that show as nothing."""
    return unicodedata.category(ch)[0] in "LMNPS" and ch not in _UNSEEN and not 0xE0100 <= ord(ch) <= 0xE01EF


def byline(article: Article) -> str | None:
    """The source line of an article's header: its source, and its author when that is not the source (a page's
    `og:site_name` is the source and its `author` the writer: `The Daily Ledger · by Maria Kowalski`)."""
    author = next((value for key, value in article.metadata if key == "author"), None)
    source = shown_source(article.source)
    if author and source and author.casefold() not in source.casefold():
        return f"{source} · by {author}"
    return source


def quote_citation(quote: Quote, article: Article | Listed) -> str:
    """`“TEXT” — SPEAKER, TITLE (SECTION), SOURCE, 27 June 2025`; the speaker, source and date only when known;
    the text as `quoted` shows it, the whole quotation when the writer broke into it (`Quote.whole`)."""
    parts = [f"“{quoted(quote.whole or quote.text)}” —"]
    if quote.speaker:
        parts.append(f" {quote.speaker},")
    parts.append(f" {article_citation(article)}")
    return "".join(parts)


def article_citation(article: Article | Listed) -> str:
    """`TITLE (SECTION), SOURCE, 27 June 2025`, the source and date only when known."""
    text = f"{article.title} ({article.section})"
    source = shown_source(article.source)
    if source:
        text += f", {source}"
    if article.date:
        text += f", {short_date(article.date)}"
    return text


def summary(article: Article) -> dict[str, Any]:
    """The Summary shape: what `list` prints per article."""
    return {
        "id": article.id,
        "path": article.path,
        "format": article.format,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "section": article.section,
        "source": article.source,
        "tags": list(article.tags),
        "summary": article.summary,
        "quote_count": len(article.quotes),
        "word_count": article.word_count,
        "problems": list(article.problems),
    }


def quote(q: Quote, article: Article | Listed) -> dict[str, Any]:
    """The Quote shape, with its citation."""
    return {
        "text": q.text,
        "paragraph": q.paragraph,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker,
        "cue": q.cue,
        "rule": q.rule,
        "citation": quote_citation(q, article),
    }


def library_quote(q: Quote, article: Article | Listed, path: str | None = None) -> dict[str, Any]:
    """A Quote with the article it comes from, as `quotes` prints it (`path` when `article` has none); without
    `rule`, which the search index does not store."""
    fields = quote(q, article)
    del fields["rule"]
    return fields | {
        "article_id": article.id,
        "path": path if path is not None else article.path if isinstance(article, Article) else article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "section": article.section,
        "source": article.source,
    }


def full(article: Article) -> dict[str, Any]:
    """The `show` shape: a Summary with paragraphs, quotes, related sections, metadata and blocks."""
    return summary(article) | {
        "paragraphs": list(article.paragraphs),
        "quotes": [quote(q, article) for q in article.quotes],
        "related": [{"label": r.label, "month": r.month} for r in article.related],
        "metadata": dict(article.metadata),
        "blocks": [block(b, article) for b in article.body()],
    }


_LEVELLED = frozenset({"heading", "list_item", "quote"})


def block(b: Block, article: Article) -> dict[str, Any]:
    """The Block shape: kind and text; a heading's, list item's or block quote's level; a prose block's
    index into the paragraphs; a list item's marker; a table's rows; the links in a block's text."""
    out: dict[str, Any] = {"kind": b.kind}
    if b.kind in _LEVELLED:
        out["level"] = b.level
    out["text"] = b.text
    if b.paragraph >= 0:
        out["paragraph"] = b.paragraph
    if b.kind == "list_item":
        out["marker"] = b.marker
    if b.kind == "table":
        out["rows"] = [list(r) for r in b.rows]
    ends = dict(b.notes)  # a link's note mark sits at the end of its words
    links = [{"text": b.text[s:e], "url": article.links[ends[e] - 1]} for s, e, style in b.styles
             if style == "link" and 0 < ends.get(e, 0) <= len(article.links)]
    if links:
        out["links"] = links
    return out


def problem(p: Problem) -> dict[str, Any]:
    """The problem shape: id, path, reason."""
    return {"id": p.id, "path": p.path, "reason": p.reason}
