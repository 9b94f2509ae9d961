"""The quote finder: every quote in the library, filtered as you type, opened, copied or exported."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import Button, Footer, Input, Static, TextArea

from briefing_tui.core.search.index import QuoteHit
from briefing_tui.core.search.query import REFUSED, Query, QueryError, as_you_type
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.serialize import quote_citation
from briefing_tui.core.user.export import ExportRefused, quotes_markdown, write_new_file
from briefing_tui.tui.widgets.quote_list import PAGE, QuoteList


class QuoteSource(Protocol):
    """Where the finder gets quotes: the reader, from its index."""

    def find_quotes(self, query: Query | None, limit: int | None) -> tuple[int, list[QuoteHit]]: ...

    def quote_ids(self, query: Query | None) -> Sequence[int]: ...

    def quote_hits(self, ids: Sequence[int]) -> list[QuoteHit | None]: ...


@dataclass(frozen=True)
class QuoteChoice:
    """What the finder returns: the article and which of its quotes to show."""

    article_id: str
    quote_index: int


class QuoteFinder(Screen[QuoteChoice | None]):
    """All quotes: text, speaker, date, article. Type to filter with the search language."""

    DEFAULT_CSS = """
    QuoteFinder {
        background: $background;
    }

    #finder-body {
        height: 1fr;
        padding: 0 1;
    }

    #finder-list {
        height: 1fr;
        scrollbar-gutter: stable;
    }

    #finder-citation {
        height: 4;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("c", "copy", "Copy citation"),
        Binding("e", "export", "Export"),
    ]

    def __init__(self, source: QuoteSource, private: bool, changed: Signal[None] | None = None) -> None:
        super().__init__()
        self.source = source
        self.private = private
        self._library_signal = changed
        """Published when the library changes (the finder then lists what it now holds)."""
        self.filter_query: Query | None = None
        self._typing: str | None = None  # the unfinished last word, matched as a prefix
        self._timer: Timer | None = None
        self._generation = 0
        self.answered = -1
        """The generation of the filter whose answer (quotes or an error) is on screen: equal to
        `settled_at` once the last thing typed is shown."""

    def compose(self) -> ComposeResult:
        with Vertical(id="finder-body"):
            yield Static(Text("Quote finder", style="bold"), id="finder-title")
            yield Input(placeholder="Filter: words, speaker:rutte, section:, date:2025-06, \"phrase\"",
                        id="finder-input")
            yield Static(Text(""), id="finder-status")
            yield QuoteList(self.source.quote_hits, id="finder-list")
            yield TextArea("", read_only=True, id="finder-citation", show_line_numbers=False)
        yield Footer()

    def on_mount(self) -> None:
        if self._library_signal is not None:
            self._library_signal.subscribe(self, lambda _: self.library_changed())
        self.query_one("#finder-citation", TextArea).display = False
        self.query_one("#finder-status", Static).update(Text("Finding quotes…"))
        self._run_filter(None, self._generation)
        self.query_one("#finder-input", Input).focus()

    # --- filtering ---------------------------------------------------------------------------------------

    @on(Input.Changed, "#finder-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._generation += 1
        self._timer = self.set_timer(0.15, lambda: self._filter(event.value, self._generation))

    def _filter(self, text: str, generation: int, keep: bool = False) -> None:
        query = None
        self._typing = None
        if text.strip():
            try:
                parse_query(text)  # the words as typed must make a query; then the last one counts as a prefix
                typed, self._typing = as_you_type(text)
                query = parse_query(typed)
            except QueryError as exc:
                self._show_error(str(exc))
                return
        self._run_filter(query, generation, keep)

    def library_changed(self) -> None:
        """Files changed while the finder is open: run the same filter again, keeping the cursor's quote."""
        self._generation += 1
        self._filter(self.query_one("#finder-input", Input).value, self._generation, keep=True)

    @work(thread=True, exclusive=True, group="quote-filter")
    def _run_filter(self, query: Query | None, generation: int, keep: bool = False) -> None:
        """Ask the index for every match's id (SQL full-text search), and the first rows; a newer filter
        drops this one's answer."""
        try:
            ids = self.source.quote_ids(query)
            first = self.source.quote_hits(ids[:PAGE])
        except sqlite3.Error:  # a query the parser let through and SQLite cannot run: say so, keep the finder
            if generation == self._generation:
                self.app.call_from_thread(self._show_error, REFUSED, generation)
            return
        if generation == self._generation:
            self.app.call_from_thread(self._show, query, ids, first, keep, generation)

    @property
    def settled_at(self) -> int:
        """The generation of the last filter asked for (each edit of the box asks for one)."""
        return self._generation

    def _show_error(self, message: str, generation: int | None = None) -> None:
        self.answered = self._generation if generation is None else generation
        self.query_one("#finder-status", Static).update(Text(message, style="bold red"))

    def _show(self, query: Query | None, ids: Sequence[int], first: list[QuoteHit | None], keep: bool = False,
              generation: int = 0) -> None:
        self.answered = generation
        self.filter_query = query
        self.query_one(QuoteList).load(ids, first, keep=keep)
        status = f"{self.total:,} quote{'s' if self.total != 1 else ''}"
        if self._typing:
            status += f" · words starting “{self._typing}”"
        status += "   enter open · c copy citation · e export · escape back"
        self.query_one("#finder-status", Static).update(Text(status))

    @property
    def total(self) -> int:
        """How many quotes match the filter shown (0 before the list is mounted)."""
        found = self.query(QuoteList)
        return len(found.first().ids) if found else 0

    @property
    def shown(self) -> list[QuoteHit]:
        """The quotes fetched so far, from the top of the list."""
        return self.query_one(QuoteList).loaded()

    # --- actions -----------------------------------------------------------------------------------------

    @on(Input.Submitted, "#finder-input")
    def _to_list(self) -> None:
        if self.total:
            self.query_one(QuoteList).focus()

    @on(QuoteList.Chosen)
    def _open(self, event: QuoteList.Chosen) -> None:
        self.dismiss(QuoteChoice(event.hit.article.id, event.hit.index))

    def _current(self) -> QuoteHit | None:
        return self.query_one(QuoteList).current

    def action_copy(self) -> None:
        item = self._current()
        if item is None:
            return
        citation = quote_citation(item.quote, item.article)
        self.app.copy_to_clipboard(citation)
        panel = self.query_one("#finder-citation", TextArea)
        panel.load_text(citation)  # shown too, for terminals that block clipboard escape codes
        panel.display = True
        self.notify("Citation copied (also shown below, to select by hand)", markup=False, timeout=3)

    def action_export(self) -> None:
        if self.private:
            self.notify("Export is off in private mode: nothing is written.", markup=False, severity="warning")
            return
        if not self.total:
            self.notify("No quotes to export.", markup=False)
            return
        self.notify(f"Preparing {self.total:,} quotes…", markup=False, timeout=2)
        self._prepare_export(self.filter_query, self.query_one("#finder-input", Input).value)

    @work(thread=True, exclusive=True, group="quote-export")
    def _prepare_export(self, query: Query | None, heading: str) -> None:
        """Every matching quote, not only those on screen (in a thread: there may be 300,000)."""
        try:
            _, hits = self.source.find_quotes(query, None)
        except sqlite3.Error:
            self.app.call_from_thread(self.notify, REFUSED, markup=False, severity="error")
            return
        text = quotes_markdown([(h.quote, h.article) for h in hits], heading)
        self.app.call_from_thread(self.app.push_screen, ExportScreen(text, len(hits)))

    def action_close(self) -> None:
        self.dismiss(None)


class ExportScreen(ModalScreen[None]):
    """Asks where to write the export; never replaces a file without asking."""

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
    }

    #export-body {
        width: 70;
        height: auto;
        border: round $primary;
        padding: 1 2;
        background: $panel;
    }

    #export-buttons {
        height: auto;
        align-horizontal: right;
    }
    """

    BINDINGS = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, text: str, count: int) -> None:
        super().__init__()
        self.text = text
        self.count = count
        self._confirm: Path | None = None
        self._writing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body"):
            yield Static(Text(f"Export {self.count} quotes as Markdown to:"))
            yield Input(value="briefing-quotes.md", id="export-path")
            yield Static(Text(""), id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Export", id="export-ok", variant="primary")
                yield Button("Cancel", id="export-cancel")

    @on(Input.Changed, "#export-path")
    def _edited(self) -> None:
        self._confirm = None
        self.query_one("#export-ok", Button).label = "Export"
        self.query_one("#export-message", Static).update(Text(""))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        if self._writing:  # one file at a time
            return
        raw = self.query_one("#export-path", Input).value.strip()
        message = self.query_one("#export-message", Static)
        if not raw:
            message.update(Text("Give a file name.", style="bold red"))
            return
        path = Path(raw).expanduser()
        self._writing = True
        message.update(Text(f"Writing {raw}…"))
        self._write(path, raw, overwrite=self._confirm == path)

    @work(thread=True, group="quote-export-write")
    def _write(self, path: Path, raw: str, overwrite: bool) -> None:
        """Write in a thread: a slow disk or a large export never freezes the reader."""
        error: Exception | None = None
        try:
            write_new_file(path, self.text, overwrite=overwrite)
        except (OSError, ExportRefused) as exc:
            error = exc
        self.app.call_from_thread(self._written, path, raw, error)

    def _written(self, path: Path, raw: str, error: Exception | None) -> None:
        self._writing = False
        shown = self.app.screen is self  # else the dialog was closed while the file was written
        if error is None:
            self.notify(f"Exported {self.count} quotes to {path}", markup=False)
            if shown:
                self.dismiss(None)
            return
        if isinstance(error, ExportRefused):
            self.notify(f"Not exported: {error}", markup=False, severity="error")
            line = Text(f"{error}. Choose another name.", style="bold red")
        elif isinstance(error, FileExistsError):
            self._confirm = path
            self.query_one("#export-ok", Button).label = "Overwrite"
            line = Text(f"{raw} exists. Press enter or Overwrite again to replace it.", style="bold yellow")
        else:
            line = Text(f"Cannot write {raw}: {getattr(error, 'strerror', None) or error}", style="bold red")
            if not shown:
                self.notify(line.plain, markup=False, severity="error")
        if shown:
            self.query_one("#export-message", Static).update(line)

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
