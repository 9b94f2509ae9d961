"""The reader: a sidebar of the library and the article pane (DESIGN §7)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, ProgressBar, Static

from briefing_tui.core.config import Settings, data_dir
from briefing_tui.core.library import Library, load_library
from briefing_tui.core.model import Article
from briefing_tui.core.serialize import article_citation
from briefing_tui.core.state import ReaderState, library_key
from briefing_tui.tui.commands import OpenArticleProvider
from briefing_tui.tui.keymap import bindings
from briefing_tui.tui.screens.help import HelpScreen
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.sidebar import LibrarySidebar


class BriefingApp(App[int]):
    """Reads a library of briefings: sidebar by date or section, article view with quotes highlighted."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {OpenArticleProvider}
    BINDINGS = [*bindings(), Binding("question_mark", "help", "Help", show=False)]

    def __init__(self, paths: list[str], settings: Settings, hint: str | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.hint = hint
        self.library = Library(paths)
        self.state = ReaderState.load(data_dir(), library_key(paths), settings.private)
        self._progress_at = 0.0
        self._started = False

    @property
    def articles(self) -> list[Article]:
        """The loaded articles, newest first."""
        return self.library.articles

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="sidebar-pane"):
                yield Static(Text("Loading library…"), id="loading-label")
                yield ProgressBar(id="loading-bar", show_eta=False)
                yield LibrarySidebar(id="sidebar")
            yield ArticleView(id="article")
        yield Footer()

    def on_mount(self) -> None:
        theme = self.settings.theme or self.state.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        self._started = True
        self.sub_title = self._library_name()
        self.query_one(LibrarySidebar).focus()
        self.load_library()

    def _library_name(self) -> str:
        name = os.path.basename(os.path.normpath(self.paths[0])) if self.paths else "library"
        return name + (f" +{len(self.paths) - 1}" if len(self.paths) > 1 else "")

    # --- loading -----------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        """Scan and parse the library off the UI thread, reporting progress."""
        library = load_library(self.paths, self.settings.max_bytes, progress=self._report_progress)
        self.call_from_thread(self._library_loaded, library)

    def _report_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self._progress_at > 0.1:
            self._progress_at = now
            self.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading-bar", ProgressBar).update(total=total, progress=done)
        self.query_one("#loading-label", Static).update(Text(f"Loading library… {done:,} / {total:,} files"))

    def _library_loaded(self, library: Library) -> None:
        sidebar = self.query_one(LibrarySidebar)
        current = self._current()
        self.library = library
        self.query_one("#loading-label").display = False
        self.query_one("#loading-bar").display = False
        self.sub_title = (f"{self._library_name()} · {len(library.articles):,} articles"
                          + (f" · {len(library.problems):,} problems (p)" if library.problems else ""))
        selected = sidebar.load(library.articles, self.state.read, self.state.bookmarks,
                                select=current.id if current else None)
        self.query_one(ArticleView).show(selected)
        if self.hint:
            self.notify(self.hint, markup=False, timeout=6)
            self.hint = None
        if not library.articles:
            self.notify("No articles found here. Press p to see why.", markup=False, severity="warning")

    # --- events ------------------------------------------------------------------------------------------

    @on(LibrarySidebar.ArticleHighlighted)
    def _preview(self, event: LibrarySidebar.ArticleHighlighted) -> None:
        view = self.query_one(ArticleView)
        if view.article is not event.article:
            view.show(event.article)

    @on(LibrarySidebar.ArticleChosen)
    def _open(self, event: LibrarySidebar.ArticleChosen) -> None:
        self._open_article(event.article)

    def _open_article(self, article: Article) -> None:
        view = self.query_one(ArticleView)
        if view.article is not article:
            view.show(article)
        if article.id not in self.state.read:
            self.state.read.add(article.id)
            self.query_one(LibrarySidebar).refresh_article(article)
            self._save_state()
        view.focus()

    def open_article_id(self, article_id: str) -> None:
        """Select and open an article by id (the command palette uses this)."""
        article = self.query_one(LibrarySidebar).select_article(article_id)
        if article is not None:
            self._open_article(article)

    def watch_theme(self, theme: str) -> None:
        if self._started and theme != self.state.theme:
            self.state.theme = theme
            self._save_state()

    def _save_state(self) -> None:
        error = self.state.save()
        if error:
            self.notify(error, markup=False, severity="warning")

    # --- actions -----------------------------------------------------------------------------------------

    def _current(self) -> Article | None:
        return self.query_one(ArticleView).article

    def action_toggle_grouping(self) -> None:
        sidebar = self.query_one(LibrarySidebar)
        view_article = self._current()
        sidebar.toggle_grouping(view_article.id if view_article else None)
        self.notify(f"Grouped by {sidebar.grouping}", markup=False, timeout=2)

    def action_focus_sidebar(self) -> None:
        self.query_one(LibrarySidebar).focus()

    def action_copy_citation(self) -> None:
        article = self._current()
        if article is None:
            return
        citation = article_citation(article)
        self.copy_to_clipboard(citation)
        self.notify(citation, title="Copied citation", markup=False)

    def action_toggle_read(self) -> None:
        article = self._current()
        if article is None:
            return
        if article.id in self.state.read:
            self.state.read.discard(article.id)
        else:
            self.state.read.add(article.id)
        self.query_one(LibrarySidebar).refresh_article(article)
        self._save_state()

    def action_toggle_bookmark(self) -> None:
        article = self._current()
        if article is None:
            return
        added = article.id not in self.state.bookmarks
        if added:
            self.state.bookmarks.add(article.id)
        else:
            self.state.bookmarks.discard(article.id)
        self._save_state()
        sidebar = self.query_one(LibrarySidebar)
        sidebar.load(self.library.articles, self.state.read, self.state.bookmarks, select=article.id)
        self.notify("Bookmarked" if added else "Bookmark removed", markup=False, timeout=2)

    def action_show_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.library.problems))

    def action_reload(self) -> None:
        self.query_one("#loading-label").display = True
        self.query_one("#loading-bar").display = True
        self.load_library()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())


def run_reader(paths: list[str], settings: Settings, hint: str | None = None) -> int:
    """Run the reader until the user quits; return the exit code."""
    app = BriefingApp(paths, settings, hint)
    app.run()
    return app.return_code or 0


__all__ = ["BriefingApp", "Path", "run_reader"]
