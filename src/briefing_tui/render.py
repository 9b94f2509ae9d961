"""Rich output for people. User text always goes in as `Text` objects, never as markup."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefing_tui.core.model import Article, Block, Listed, Quote, numeric_columns, shifted
from briefing_tui.core.search.index import Result, snippet_pieces
from briefing_tui.core.serialize import byline, long_date, quoted, shown_cue

T = TypeVar("T")


class _Console(Console):
    """Rich's console, but a reader that stops reading (`briefing list | head`) ends the command as it does for
    the other formats: Rich's own answer is `SystemExit(1)`, which reads as "problems found" to a script."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError  # the command line's handler quiets the stream and exits 0


def console(stderr: bool = False) -> Console:
    """A console that never interprets markup, emoji codes or highlights in our output."""
    return _Console(stderr=stderr, highlight=False, emoji=False, markup=False, soft_wrap=False)


PRINT_CHUNK = 500
"""Renderables handed to Rich at once by `print_all`: output still streams, a chunk at a time."""
HELD_PLAIN = 64
"""Plain lines after Rich's that go to Rich with them: a longer run of them is written as it is."""


def print_all(out: Console, renderables: Sequence[RenderableType]) -> None:
    """Print each renderable on its own line(s), as many `out.print` calls would, in a time linear in the text and
    small: a plain line that fits (no style, no wrapping: most of an article's blank lines and short paragraphs)
    is written as it is, the rest goes through Rich a chunk at a time. One `print` a line cost a fifth of a
    millisecond in Rich's checks of the terminal, and Rich's wrapping as much again: 250,000 one-word lines
    took 37 s to `show`."""
    width = out.width
    plain: list[str] = []
    rich: list[RenderableType] = []
    held: list[Text] = []  # plain lines after Rich's: handed to Rich with them unless a run of them is long (a styled
    # paragraph, a blank line, a styled paragraph…: a `print` for each paragraph took 11 of 15 s for a 4 MB page)

    def flush_plain() -> None:
        if plain:
            out.file.write("\n".join(plain) + "\n")
            plain.clear()

    def flush_rich() -> None:
        if rich:
            out.print(Group(*rich))
            rich.clear()

    for item in renderables:
        if isinstance(item, Text) and not item.spans and not item.style and item.end == "\n" \
                and item.plain.isprintable() and len(item.plain) <= width and cell_len(item.plain) <= width:
            # printable: no tab for Rich to expand, no line break, no control character for it to drop
            if rich:
                held.append(item)
                if len(held) < HELD_PLAIN:
                    continue
                flush_rich()
                plain.extend(h.plain for h in held)
                held.clear()
            else:
                plain.append(item.plain)
            if len(plain) >= PRINT_CHUNK:
                flush_plain()
        else:
            flush_plain()
            rich.extend(held)
            held.clear()
            rich.append(item)
            if len(rich) >= PRINT_CHUNK:
                flush_rich()
    flush_plain()
    flush_rich()
    plain.extend(h.plain for h in held)
    flush_plain()


ROW_CHUNK = 200
"""Rows printed per table: output streams, and every chunk has the same column widths."""


def middle_ellipsis(text: str, width: int) -> str:
    """`text` in at most `width` cells, cut in the middle (`sport/…/2024-05-01-long-name.txt`): a path's
    first folder and its file name both stay readable, and nothing is broken across lines."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail_cells = (width - 1) * 2 // 3
    head = set_cell_size(text, width - 1 - tail_cells).rstrip()
    tail: list[str] = []
    used = 0
    for ch in reversed(text):
        used += cell_len(ch)
        if used > tail_cells:
            break
        tail.append(ch)
    return f"{head}…{''.join(reversed(tail))}"


def _path_width(rest: int) -> int:
    """The path column's share of the `rest` of a row's cells: half, within 12 to 48."""
    return max(12, min(48, rest // 2))


def articles_table(articles: Sequence[dict[str, Any]], width: int, header: bool = True) -> Table:
    """Date, section, title, quote (and, when wide enough, word) counts and the path below the root: one
    row per Summary. Fixed column widths from `width`, so that the chunks of a long listing line up."""
    if width < NARROW:  # a phone's terminal: the date, the title and (when it fits) the path; a title a word a line
        return _narrow_table(((a["date"], a["title"], a["id"]) for a in articles), width, header)
    words = width >= 100
    columns = 6 if words else 5
    rest = max(24, width - 10 - 12 - 6 - (6 if words else 0) - 2 * (columns - 1))
    path_width = _path_width(rest)
    table = Table(box=None, pad_edge=False, header_style="bold", show_header=header)
    table.add_column("Date", no_wrap=True, width=10)
    table.add_column("Section", width=12, overflow="ellipsis", no_wrap=True)
    table.add_column("Title", width=rest - path_width, overflow="fold")
    table.add_column("Quotes", justify="right", width=6)
    if words:
        table.add_column("Words", justify="right", width=6)
    table.add_column("Path", width=path_width, no_wrap=True)
    for a in articles:
        cells = [Text(a["date"] or "undated", style="" if a["date"] else "dim"), Text(a["section"]),
                 Text(a["title"]), Text(str(a["quote_count"]))]
        if words:
            cells.append(Text(str(a["word_count"])))
        cells.append(Text(middle_ellipsis(a["id"], path_width), style="dim"))
        table.add_row(*cells)
    return table


NARROW = 60
"""Below this many columns the tables of `list` and `search` keep the date, the title and the path only (at 40 a
title ran a syllable a line, and the search table had no title left)."""
NO_PATH = 48
"""…and below this many, the date and the title."""


def _narrow_table(rows: Iterable[tuple[str | None, Text | str, str]], width: int, header: bool = True) -> Table:
    """Date, title (a Text may hold a snippet under it) and, from NO_PATH columns, the path."""
    path_width = 12 if width >= NO_PATH else 0
    table = Table(box=None, pad_edge=False, header_style="bold", show_header=header)
    table.add_column("Date", no_wrap=True, width=10)
    table.add_column("Title", width=max(8, width - 12 - (path_width + 2 if path_width else 0)), overflow="fold")
    if path_width:
        table.add_column("Path", width=path_width, no_wrap=True)
    for date, title, ident in rows:
        cells = [Text(date or "undated", style="" if date else "dim"),
                 title if isinstance(title, Text) else Text(title)]
        if path_width:
            cells.append(Text(middle_ellipsis(ident, path_width), style="dim"))
        table.add_row(*cells)
    return table


def print_articles(out: Console, articles: Iterable[dict[str, Any]]) -> int:
    """Print Summaries as they come, ROW_CHUNK rows at a time under one header; return how many."""
    return _print_chunks(out, articles, lambda rows, header: articles_table(rows, out.width, header))


def _print_chunks(out: Console, items: Iterable[T], table: Callable[[list[T], bool], Table]) -> int:
    count = 0
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        count += 1
        if len(chunk) == ROW_CHUNK:
            out.print(table(chunk, count == ROW_CHUNK))
            chunk = []
    if chunk:
        out.print(table(chunk, count <= ROW_CHUNK))
    return count


def search_table(results: list[Result], width: int) -> Table:
    """Search results: date, section, title and a snippet with the hits in bold, and the path. Below 100 columns
    the section and the path give way to the title and snippet (at 80 they had 21 columns and a result ran over
    a dozen lines)."""
    if width < NARROW:
        return _narrow_table([(r.summary["date"], _result_cell(r), r.summary["id"]) for r in results], width)
    section_width = 22 if width >= 100 else 12
    path_width = _path_width(width - 10 - section_width - 6) if width >= 100 else \
        max(12, min(48, (width - 10 - section_width - 6) // 3))
    table = Table(box=None, pad_edge=False, header_style="bold", show_lines=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Section", max_width=section_width, overflow="ellipsis", no_wrap=True)
    table.add_column("Title and snippet", ratio=1, overflow="fold")
    table.add_column("Path", width=path_width, no_wrap=True)
    for r in results:
        s = r.summary
        table.add_row(Text(s["date"] or "undated"), Text(s["section"]), _result_cell(r),
                      Text(middle_ellipsis(s["id"], path_width), style="dim"))
    return table


def _result_cell(result: Result) -> Text:
    """A search result's title in bold, its snippets under it."""
    cell = Text(result.summary["title"], style="bold")
    for snippet in result.snippets:
        cell.append("\n")
        cell.append_text(snippet_text(snippet))
    return cell


def snippet_text(snippet: str) -> Text:
    """A snippet with its hits highlighted (the marks are the index's, never the file's)."""
    text = Text(style="dim")
    for piece, hit in snippet_pieces(snippet):
        text.append(piece, style="bold reverse" if hit else "")
    return text


def quotes_table(found: Sequence[tuple[Quote, Article | Listed]], width: int | None = None,
                 header: bool = True) -> Table:
    """Quotes with speaker, date and article; with `width`, fixed column widths (chunks line up). Below 100
    columns the article's title goes under its quote, dim, not in a column of its own (at 80 it had 14 columns and
    a title ran a word a line)."""
    narrow = width is not None and width < NARROW_QUOTES
    widths: list[int | None] = [None, None, None]
    if width is not None and narrow:  # the date's 10, and two spaces between columns
        rest = max(width - 10 - 4, 20)
        widths = [rest * 2 // 3, rest - rest * 2 // 3, None]
    elif width is not None:
        rest = max(width - 10 - 6, 20)
        widths = [rest * 3 // 5, rest // 5, rest - rest * 3 // 5 - rest // 5]
    table = Table(box=None, pad_edge=False, header_style="bold", show_header=header)
    table.add_column("Quote · article" if narrow else "Quote", ratio=3 if width is None else None, width=widths[0],
                     overflow="fold")
    table.add_column("Speaker", ratio=1 if width is None else None, width=widths[1], overflow="fold")
    table.add_column("Date", no_wrap=True, width=None if width is None else 10)
    if not narrow:
        table.add_column("Article", ratio=1 if width is None else None, width=widths[2], overflow="fold")
    for q, a in found:
        said = Text(f"“{quoted(q.text)}”", style="yellow")
        cells = [said, Text(q.speaker or "—", style="bold" if q.speaker else "dim"),
                 Text(a.date.isoformat() if a.date else "undated")]
        if narrow:
            said.append("\n")
            said.append(a.title, style="dim")
        else:
            cells.append(Text(a.title))
        table.add_row(*cells)
    return table


NARROW_QUOTES = 100
"""Columns below which `quotes_table` puts each article's title under its quote."""


def print_quotes(out: Console, found: Iterable[tuple[Quote, Article | Listed]]) -> int:
    """Print quotes as they come, ROW_CHUNK rows at a time under one header; return how many."""
    return _print_chunks(out, found, lambda rows, header: quotes_table(rows, out.width, header))


def print_problems(out: Console, problems: Iterable[dict[str, Any]]) -> int:
    """One line per problem, `path: reason`, as compilers and linters print them: the path is never
    broken (a long line wraps as a whole) and can be copied as it is."""
    count = 0
    for p in problems:
        line = Text(p["path"], style="bold")
        line.append(": ")
        line.append(p["reason"], style="red")
        out.print(line, soft_wrap=True)
        count += 1
    return count


def article_text(article: Article) -> list[RenderableType]:
    """The article for `show`: header lines, then its blocks (headings, paragraphs and list items with
    quotes highlighted, block quotes, code unwrapped, tables), the links, the quotes, related sections."""
    out: list[RenderableType] = [Text(article.title, style="bold")]
    meta = Text(long_date(article.date), style="cyan")
    meta.append(f"  ·  {article.section}", style="magenta")
    out.append(meta)
    if source := byline(article):
        out.append(Text(source))  # a line of its own, as in the reader: a source is often a long address,
        # which wrapped after the date's line and left it ending in `·`
    if article.tags:
        out.append(Text("Tags: " + ", ".join(article.tags), style="dim"))
    for key, value in article.metadata:
        if key == "attachments":
            out.append(Text(f"Attachments (not opened): {value}", style="dim"))
    for note in article.problems:
        out.append(Text(f"! {note}", style="yellow"))
    out.append(Text(""))
    by_para: dict[int, list[tuple[int, int]]] = {}
    for q in article.quotes:
        by_para.setdefault(q.paragraph, []).append((q.start, q.end))
    body = article.body()
    for k, block in enumerate(body):
        out.append(_block(block, by_para.get(block.paragraph, [])))
        tight = block.kind == "list_item" and k + 1 < len(body) and body[k + 1].kind == "list_item"
        if not tight:
            out.append(Text(""))
    if article.links:
        out.append(Text("Links", style="bold underline"))
        out.extend(_hanging(f"[{n}] ", Text(url, style="dim")) for n, url in enumerate(article.links, 1))
        out.append(Text(""))
    if article.quotes:
        out.append(Text("Quotes", style="bold underline"))
        for q in article.quotes:
            line = Text(f"“{quoted(q.text)}”", style="yellow")
            line.append(f" — {q.speaker or 'unattributed'}", style="bold" if q.speaker else "dim")
            if cue := shown_cue(q.cue):
                line.append(f" ({cue})", style="dim")
            out.append(line)
        out.append(Text(""))
    if article.related:
        out.append(Text("Related: " + " · ".join(f"{r.label} ({r.month})" for r in article.related), style="dim"))
    return out


_STYLES = {"em": "italic", "strong": "bold", "code": "cyan", "strike": "strike", "link": "underline"}


def _block(block: Block, quotes: list[tuple[int, int]]) -> RenderableType:
    """One block of an article as Rich renderables; user text only ever goes in as Text."""
    if block.kind == "code":
        return Text("\n".join(f"  {line}" for line in block.text.split("\n")), style="cyan", no_wrap=True,
                    overflow="ignore")
    if block.kind == "table":
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
        for c, right in enumerate(numeric_columns(block.rows)):  # numbers flush right, as in the reader
            table.add_column(Text(block.rows[0][c] if c < len(block.rows[0]) else ""), overflow="fold",
                             justify="right" if right else "left")
        for row in block.rows[1:]:
            table.add_row(*[Text(cell) for cell in row])
        return table
    if block.kind == "rule":
        return Rule(characters="─", style="dim")
    shown, at, total = block.with_notes()
    text = Text(shown)
    for start, end, style in block.styles:
        text.stylize(_STYLES.get(style, ""), shifted(start, at, total), shifted(end, at, total, end=True))
    for offset, n in block.notes:
        start = shifted(offset, at, total, end=True)
        text.stylize("dim", start, start + len(f"[{n}]"))
    for start, end in quotes:
        text.stylize("bold yellow", shifted(start, at, total), shifted(end, at, total, end=True))
    if block.kind == "heading":
        text.stylize("bold underline" if block.level <= 2 else "bold")
        return text
    if block.kind == "list_item":
        return _hanging("  " * max(0, block.level - 1) + f"{block.marker or ' '} ", text)
    if block.kind == "quote":
        text.stylize("italic")
        return _hanging("│ " * max(1, block.level), text, repeat=True)
    return text


def _hanging(prefix: str, text: Text, repeat: bool = False) -> RenderableType:
    """`text` wrapped beside `prefix`: its later lines under its first word (or beside the same bar)."""
    return _Hanging(prefix, text, repeat)


class _Hanging:
    """`text` wrapped to the width left beside `prefix`, each line once, with no padding after it (a grid's
    cells are padded to the width: `show | cat -A` had block quotes end in spaces)."""

    def __init__(self, prefix: str, text: Text, repeat: bool) -> None:
        self.prefix, self.text, self.repeat = prefix, text, repeat

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        indent = cell_len(self.prefix)
        for n, line in enumerate(self.text.wrap(console, max(1, options.max_width - indent))):
            line.rstrip()
            yield Text(self.prefix if n == 0 or self.repeat else " " * indent, style="dim") + line
