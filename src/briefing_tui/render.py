"""Rich output for people. User text always goes in as `Text` objects, never as markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from briefing_tui.core.index import Result, snippet_pieces
from briefing_tui.core.model import Article, Listed, Problem, Quote
from briefing_tui.core.serialize import long_date


def console(stderr: bool = False) -> Console:
    """A console that never interprets markup, emoji codes or highlights in our output."""
    return Console(stderr=stderr, highlight=False, emoji=False, markup=False, soft_wrap=False)


def articles_table(articles: list[Article]) -> Table:
    """Date, section, title, quote and word counts: one row per article."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Section", max_width=28, overflow="ellipsis", no_wrap=True)
    table.add_column("Title", ratio=1, overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Words", justify="right")
    for a in articles:
        table.add_row(Text(a.date.isoformat() if a.date else "undated", style="dim" if not a.date else ""),
                      Text(a.section), Text(a.title), Text(str(len(a.quotes))), Text(str(a.word_count)))
    return table


def search_table(results: list[Result]) -> Table:
    """Search results: date, section, title and a snippet with the hits in bold."""
    table = Table(box=None, pad_edge=False, header_style="bold", show_lines=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Section", max_width=22, overflow="ellipsis", no_wrap=True)
    table.add_column("Title and snippet", ratio=1, overflow="fold")
    for r in results:
        s = r.summary
        cell = Text(s["title"], style="bold")
        for snippet in r.snippets:
            cell.append("\n")
            cell.append_text(snippet_text(snippet))
        table.add_row(Text(s["date"] or "undated"), Text(s["section"]), cell)
    return table


def snippet_text(snippet: str) -> Text:
    """A snippet with its hits highlighted (the marks are the index's, never the file's)."""
    text = Text(style="dim")
    for piece, hit in snippet_pieces(snippet):
        text.append(piece, style="bold reverse" if hit else "")
    return text


QUOTE_CHUNK = 200
"""Quotes printed per table: output streams, and every chunk has the same column widths."""


def quotes_table(found: Sequence[tuple[Quote, Article | Listed]], width: int | None = None,
                 header: bool = True) -> Table:
    """Quotes with speaker, date and article; with `width`, fixed column widths (chunks line up)."""
    widths: list[int | None] = [None, None, None]
    if width is not None:  # the date's 10, and two spaces between columns
        rest = max(width - 10 - 6, 20)
        widths = [rest * 3 // 5, rest // 5, rest - rest * 3 // 5 - rest // 5]
    table = Table(box=None, pad_edge=False, header_style="bold", show_header=header)
    table.add_column("Quote", ratio=3 if width is None else None, width=widths[0], overflow="fold")
    table.add_column("Speaker", ratio=1 if width is None else None, width=widths[1], overflow="fold")
    table.add_column("Date", no_wrap=True, width=None if width is None else 10)
    table.add_column("Article", ratio=1 if width is None else None, width=widths[2], overflow="fold")
    for q, a in found:
        table.add_row(Text(f"“{q.text}”", style="yellow"),
                      Text(q.speaker or "—", style="bold" if q.speaker else "dim"),
                      Text(a.date.isoformat() if a.date else "undated"), Text(a.title))
    return table


def print_quotes(out: Console, found: Iterable[tuple[Quote, Article | Listed]]) -> int:
    """Print quotes as they come, QUOTE_CHUNK rows at a time under one header; return how many."""
    count = 0
    chunk: list[tuple[Quote, Article | Listed]] = []
    for item in found:
        chunk.append(item)
        count += 1
        if len(chunk) == QUOTE_CHUNK:
            out.print(quotes_table(chunk, out.width, header=count == QUOTE_CHUNK))
            chunk = []
    if chunk:
        out.print(quotes_table(chunk, out.width, header=count <= QUOTE_CHUNK))
    return count


def problems_table(problems: list[Problem]) -> Table:
    """One row per file that could not be loaded, with its reason."""
    table = Table(box=None, pad_edge=False, header_style="bold red", title_justify="left")
    table.add_column("File", overflow="fold")
    table.add_column("Problem", overflow="fold")
    for p in problems:
        table.add_row(Text(p.id), Text(p.reason))
    return table


def article_text(article: Article) -> list[Text]:
    """The article as Rich text: header lines, then paragraphs with quotes highlighted."""
    out = [Text(article.title, style="bold")]
    meta = Text(long_date(article.date), style="cyan")
    meta.append(f"  ·  {article.section}", style="magenta")
    if article.source:
        meta.append(f"  ·  {article.source}")
    out.append(meta)
    if article.tags:
        out.append(Text("Tags: " + ", ".join(article.tags), style="dim"))
    for note in article.problems:
        out.append(Text(f"! {note}", style="yellow"))
    out.append(Text(""))
    by_para: dict[int, list[tuple[int, int]]] = {}
    for q in article.quotes:
        by_para.setdefault(q.paragraph, []).append((q.start, q.end))
    for i, para in enumerate(article.paragraphs):
        text = Text(para)
        for start, end in by_para.get(i, []):
            text.stylize("bold yellow", start, end)
        out.extend([text, Text("")])
    if article.quotes:
        out.append(Text("Quotes", style="bold underline"))
        for q in article.quotes:
            line = Text(f"“{q.text}”", style="yellow")
            line.append(f" — {q.speaker or 'unattributed'}", style="bold" if q.speaker else "dim")
            if q.cue:
                line.append(f" ({q.cue})", style="dim")
            out.append(line)
        out.append(Text(""))
    if article.related:
        out.append(Text("Related: " + " · ".join(f"{r.label} ({r.month})" for r in article.related), style="dim"))
    return out
