"""The reader: a sidebar of the library and the article pane (docs/reader.md)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, ProgressBar, Static

from briefing_tui.core.library.scan import Entry, load_entry
from briefing_tui.core.library.watch import Watcher
from briefing_tui.core.library.workers import ParsePool
from briefing_tui.core.model import Article, Listed, Problem
from briefing_tui.core.reading.sanitize import clean_line
from briefing_tui.core.search.highlight import find_hits
from briefing_tui.core.search.index import (
    Index,
    QuoteHit,
    RefreshStats,
    Result,
    cache_warning,
    index_path,
    open_index,
    open_library_index,
)
from briefing_tui.core.search.query import REFUSED, Query, QueryError
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.serialize import article_citation, count, quote_citation
from briefing_tui.core.user.config import Settings, cache_dir, data_dir
from briefing_tui.core.user.state import ReaderState, library_key
from briefing_tui.tui.commands import OpenArticleProvider
from briefing_tui.tui.keymap import bindings
from briefing_tui.tui.screens.help import HelpScreen
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.screens.quote_finder import QuoteChoice, QuoteFinder
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.search_panel import SearchPanel
from briefing_tui.tui.widgets.sidebar import LibrarySidebar

RESULT_LIMIT = 100
"""Results listed in the search panel (the count shows how many matched in all)."""
BIG_FILE = 2_000_000
"""Files larger than this (bytes) open with their beginning first; the whole is parsed in a worker."""
BIG_HEAD = 100_000
"""How much of a large file (characters) the first screen is parsed from."""
SMALL_FILE = 64 * 1024
"""Files up to this size (bytes) parse in a thread of the reader: linear parsers read them in milliseconds
(a pathological one in about a second of shared CPU, the screen still drawn), with no process to wait for.
Larger ones parse in a worker process that is stopped at the CPU budget."""
PARSED_CACHE = 16
"""Parsed articles kept for going back and forth; the rest of the library is only listed."""


_MAIN_SCREEN_ONLY = frozenset({
    "search", "next_hit", "previous_hit", "toggle_grouping", "focus_sidebar", "quote_finder", "next_quote",
    "previous_quote", "copy_citation", "toggle_read", "toggle_bookmark", "show_problems", "reload"})


class BriefingApp(App[int]):
    """Reads a library of briefings: sidebar by date or section, article view with quotes highlighted."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {OpenArticleProvider}
    BINDINGS = [*bindings(), Binding("question_mark", "help", "Help", show=False),
                Binding("slash", "search", "Search", show=False), Binding("shift+n", "previous_hit", show=False),
                Binding("quotation_mark", "quote_finder", show=False),
                Binding("right_square_bracket", "next_quote", show=False),
                Binding("left_square_bracket", "previous_quote", show=False)]

    def __init__(self, paths: list[str], settings: Settings, hint: str | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.hint = hint
        self.listing: list[Listed] = []
        self.problems: list[Problem] = []
        self.state = ReaderState.load(data_dir(), library_key(paths), settings.private)
        self._progress_at = 0.0
        self._started = False
        self._loaded = False
        self.index: Index | None = None
        self._index_lock = threading.Lock()
        self._index_ready = threading.Event()
        self._stopping = threading.Event()
        self._watch_thread: threading.Thread | None = None
        self._search_generation = 0
        self._search_text = ""
        self._by_id: dict[str, Listed] = {}
        self._parsed: OrderedDict[str, Article] = OrderedDict()
        self._pool = ParsePool(os.cpu_count() or 1, settings.parse_budget)
        """Parses for index refreshes (used under the index lock, so by one thread at a time)."""
        self._reading_pool = ParsePool(1, settings.parse_budget)
        """Parses the article being opened; `_reading_lock` lets one thread use it at a time."""
        self._whole_pool = ParsePool(1, settings.parse_budget)
        """Parses a large article whole while its beginning is on screen (one at a time, in its worker group)."""
        self._reading_lock = threading.Lock()
        self._article_request = 0
        """Bumped by every request to show an article: a parse that finishes after a newer request is dropped."""
        self._roots = {os.path.realpath(p): p for p in reversed(paths)}
        self._hit_query = ""
        self.watch_mode = ""
        """How the library is watched for changes: `inotify` or `polling` (empty until it starts)."""

    @property
    def articles(self) -> list[Listed]:
        """The library's articles as listed, newest first."""
        return self.listing

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Horizontal(id="main"):
            with Vertical(id="sidebar-pane"):
                yield Static(Text("Loading library…"), id="loading-label")
                yield ProgressBar(id="loading-bar", show_eta=False)
                yield LibrarySidebar(id="sidebar")
                yield SearchPanel(id="search")
            with Vertical(id="article-pane"):
                yield Static(Text(""), id="hit-status")
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

    def on_unmount(self) -> None:
        self._stopping.set()
        for pool in (self._pool, self._reading_pool, self._whole_pool):
            pool.close()  # a parse under way stops now: quitting never waits for one

    def _library_name(self) -> str:
        """The first folder's name for the header: a name may hold escape sequences, so it is sanitized."""
        name = clean_line(os.path.basename(os.path.normpath(self.paths[0]))) if self.paths else "library"
        return name + (f" +{len(self.paths) - 1}" if len(self.paths) > 1 else "")

    # --- loading -----------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        """List the library from its index at once, then bring the index up to date and watch for changes.

        A warm start reads no article file: the sidebar comes from the index, and a stat-only pass then
        finds what changed since. A cold start parses every file (on every core) behind a progress bar.
        """
        self._index_ready.clear()
        with self._index_lock:
            if self.index is None:
                self._open_index(verify=False)
            assert self.index is not None
            try:
                newest = self.index.newest()
                if newest is not None:  # on screen while the rest of the library is listed
                    self.call_from_thread(self._show_plain, newest)
                listing, problems = self.index.listing(), self._index_problems()
            except sqlite3.DatabaseError:
                listing, problems = [], []
        shown = bool(listing or problems)
        if shown:
            self.call_from_thread(self._listing_loaded, listing, problems, frozenset())
        watcher = None
        if self._watch_thread is None:  # watching starts before the check, so no change falls between
            watcher = Watcher(self.paths, poll_interval=self.settings.poll_interval, use_inotify=not self.settings.poll)
            self.watch_mode = watcher.mode
        with self._index_lock:
            if self.index.path is not None and not self.index.healthy():  # damaged: only a cache, rebuild it
                self.index.close()
                self._open_index(verify=True)
                shown = False
            stats = self._refresh(progress=None if shown else self._report_progress)
            if stats.keys or not shown:
                listing, problems = self.index.listing(), self._index_problems()
        if stats.keys or not shown:
            self.call_from_thread(self._listing_loaded, listing, problems, stats.keys)
        self._index_ready.set()
        if watcher is not None:  # a plain thread, not a worker: it runs until the reader quits
            self._watch_thread = threading.Thread(target=self._watch_library, args=(watcher,), name="briefing-watch",
                                                  daemon=True)
            self._watch_thread.start()

    def _open_index(self, verify: bool) -> None:
        path = None if self.settings.private else index_path(cache_dir(), library_key(self.paths))
        self.index, warning = open_library_index(path, verify)
        if warning:  # the cache cannot be used (or its folder was repaired): said once, as the CLI does
            self.call_from_thread(self.notify, warning, markup=False, severity="warning")

    def _refresh(self, folders: list[tuple[str, str]] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> RefreshStats:
        """Refresh the index (the caller holds the index lock); a cache that fails on the way (a disk that
        fills up) gives way to an index in memory, said once, and the whole library is indexed there."""
        assert self.index is not None
        try:
            return self.index.refresh(self.paths, self.settings.max_bytes, folders=folders, pool=self._pool,
                                      progress=progress)
        except sqlite3.Error as exc:
            if self.index.path is None:
                raise
            warning = cache_warning(self.index.path, exc)
            self.index.close()
            self.index = open_index(None)
            with contextlib.suppress(RuntimeError):  # the reader quit meanwhile
                self.call_from_thread(self.notify, warning, markup=False, severity="warning")
            return self.index.refresh(self.paths, self.settings.max_bytes, pool=self._pool, progress=progress)

    def _index_problems(self) -> list[Problem]:
        assert self.index is not None
        return [Problem(p["id"], p["path"], p["reason"]) for p in self.index.problems()]

    def _watch_library(self, watcher: Watcher) -> None:
        """Refresh the index and the sidebar whenever files change, until the reader quits."""
        try:
            while not self._stopping.is_set():
                changed, where = watcher.wait(0.25)
                if not changed or self.index is None or self._stopping.is_set():
                    continue
                started = time.monotonic()
                with self._index_lock:
                    stats = self._refresh(folders=where)
                    if stats.keys:
                        listing, problems = self.index.listing(), self._index_problems()
                if stats.keys and not self._stopping.is_set():
                    with contextlib.suppress(RuntimeError):  # the reader quit meanwhile
                        self.call_from_thread(self._listing_loaded, listing, problems, stats.keys)
                if where is None:  # polling: never spend more than a fifth of the time on it
                    watcher.poll_interval = max(self.settings.poll_interval, 5 * (time.monotonic() - started))
        finally:
            watcher.close()

    def _report_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self._progress_at > 0.1:
            self._progress_at = now
            self.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading-bar", ProgressBar).update(total=total, progress=done)
        self.query_one("#loading-label", Static).update(Text(f"Indexing the library… {done:,} / {total:,} files"))

    def _listing_loaded(self, listing: list[Listed], problems: list[Problem], changed: frozenset[bytes]) -> None:
        sidebar = self.query_one(LibrarySidebar)
        self.listing = listing
        self.problems = problems
        self._by_id = {a.id: a for a in listing}
        for ident in [i for i, a in self._parsed.items() if self._by_id.get(i) is None
                      or self._by_id[i].key in changed]:
            del self._parsed[ident]
        self.query_one("#loading-label").display = False
        self.query_one("#loading-bar").display = False
        self.sub_title = (f"{self._library_name()} · {count(len(listing), 'article')}"
                          + (f" · {count(len(problems), 'problem')} (p)" if problems else ""))
        if self._loaded:
            sidebar.update_listing(listing)
            for screen in self.screen_stack:
                if isinstance(screen, QuoteFinder):  # an open finder lists what the library now holds
                    screen.library_changed()
            current = self._current()
            listed = self._by_id.get(current.id) if current else None
            if current is None and listing:  # the newest article listed at start had gone: open the newest now
                newest = sidebar.select_article(listing[0].id)
                if newest is not None:
                    self._show_plain(newest)
            elif current is not None and listed is None:
                self.notify(f"“{current.title}” was removed from the library; it stays on screen until you move.",
                            markup=False, severity="warning")
            elif current is not None and listed is not None and listed.key in changed:
                self._reload_current(listed)
            return
        self._loaded = True
        self._reading_pool.warm_up()  # after the first screen, so that it never competes with it
        current = self._current()
        selected = sidebar.load(listing, self.state.read, self.state.bookmarks, select=current.id if current else None)
        if selected is not None:
            self._show_plain(selected)
        if self.hint:
            self.notify(self.hint, markup=False, timeout=6)
            self.hint = None
        if not listing:
            self.notify("No articles found here. Press p to see why.", markup=False, severity="warning")

    def _reload_current(self, listed: Listed) -> None:
        """The article on screen changed on disk: show the new text at the same place."""
        self._request_article(listed, self._show_in_place)

    def _show_in_place(self, article: Article) -> None:
        """Replace the article on screen by a newer parse of it, keeping the reader's scroll position."""
        view = self.query_one(ArticleView)
        y = view.scroll_offset.y
        view.show(article)
        view.scroll_to(y=y, animate=False)

    def _request_article(self, listed: Listed, then: Callable[[Article], None]) -> None:
        """Call `then` with the parsed article: at once from a small cache, else once a worker has parsed it.

        Parsing never runs on the UI thread. Only the latest request is answered: moving on through the
        sidebar faster than files parse drops the parses nobody waits for.
        """
        self._article_request += 1
        cached = self._parsed.get(listed.id)
        if cached is not None:
            self._parsed.move_to_end(listed.id)
            then(cached)
            return
        self._load_article(listed, then, self._article_request)

    @work(thread=True, group="article")
    def _load_article(self, listed: Listed, then: Callable[[Article], None], request: int) -> None:
        """Parse an article: a small one in this thread, a larger one in the reading worker process; a file
        over BIG_FILE bytes gives its beginning first (a first screen in a tenth of a second) and is parsed
        whole in another worker."""
        entry = self._entry(listed)
        big = listed.size > BIG_FILE
        if listed.size <= SMALL_FILE:  # in this thread: no process to wait for, and it cannot be long
            result: Article | Problem | None = load_entry(entry, self.settings.max_bytes)
        else:
            with self._reading_lock:
                if request != self._article_request:
                    return  # a newer request came while this one waited
                result = next(self._reading_pool.parse([entry], self.settings.max_bytes,
                                                       head=BIG_HEAD if big else None), None)
        if result is not None and not self._stopping.is_set():
            with contextlib.suppress(RuntimeError):  # the reader quit meanwhile
                self.call_from_thread(self._article_loaded, listed, entry, result, then, request)

    def _article_loaded(self, listed: Listed, entry: Entry, result: Article | Problem,
                        then: Callable[[Article], None], request: int) -> None:
        if isinstance(result, Problem):
            if os.path.lexists(entry.path):  # else removed since it was indexed: the refresh drops it
                self.notify(f"{result.id}: {result.reason}", title="Cannot open", markup=False, severity="warning")
            return
        if listed.size > BIG_FILE:
            self.notify(f"Large article ({listed.size / 1e6:.0f} MB): showing its beginning while the rest loads.",
                        markup=False, timeout=3)
            self._parse_whole(listed, entry)
        else:
            self._remember(listed.id, result)
        if request == self._article_request:
            then(result)

    def _entry(self, listed: Listed) -> Entry:
        real_root, _, raw_id = listed.key.partition(b"\0")
        root = os.fsdecode(real_root)
        ident = os.fsdecode(raw_id)
        shown_root = self._roots.get(root, root)
        return Entry(shown_root, os.path.join(shown_root, ident), ident)

    def _remember(self, ident: str, article: Article) -> None:
        self._parsed[ident] = article
        while len(self._parsed) > PARSED_CACHE:
            self._parsed.popitem(last=False)

    @work(thread=True, exclusive=True, group="parse-whole")
    def _parse_whole(self, listed: Listed, entry: Entry) -> None:
        result = next(self._whole_pool.parse([entry], self.settings.max_bytes), None)
        if isinstance(result, Article) and not self._stopping.is_set():
            with contextlib.suppress(RuntimeError):
                self.call_from_thread(self._whole_parsed, listed, result)

    def _whole_parsed(self, listed: Listed, article: Article) -> None:
        self._remember(listed.id, article)
        shown = self.query_one(ArticleView).article
        if shown is not None and shown.id == article.id and shown is not article:
            self._show_in_place(article)

    # --- search ------------------------------------------------------------------------------------------

    def action_search(self) -> None:
        panel = self.query_one(SearchPanel)
        panel.display = True
        self.query_one(LibrarySidebar).display = False
        panel.focus_input()

    @on(SearchPanel.Closed)
    def _close_search(self) -> None:
        self.query_one(SearchPanel).display = False
        sidebar = self.query_one(LibrarySidebar)
        sidebar.display = True
        sidebar.focus()

    @on(SearchPanel.QueryChanged)
    def _query_changed(self, event: SearchPanel.QueryChanged) -> None:
        self._search_generation += 1
        self._search_text = event.query
        panel = self.query_one(SearchPanel)
        if not event.query.strip():
            panel.clear()
            panel.answered = event.query
            return
        try:
            query = parse_query(event.query)
        except QueryError as exc:
            panel.show_error(str(exc))
            panel.answered = event.query
            return
        self.run_search(query, self._search_generation)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: Query, generation: int) -> None:
        """Search off the UI thread; a newer query makes this one's results stale, and they are dropped."""
        self._index_ready.wait()
        if generation != self._search_generation or self.index is None:
            return
        try:
            with self._index_lock:
                total, results = self.index.search(query, limit=RESULT_LIMIT)
                per_month = self.index.hits_per_month(query)
        except sqlite3.Error:  # a query the parser let through and SQLite cannot run: say so, keep reading
            self.call_from_thread(self._show_search_error, generation, REFUSED)
            return
        if generation == self._search_generation:
            self.call_from_thread(self._show_results, generation, total, results, per_month)

    def _show_search_error(self, generation: int, message: str) -> None:
        if generation == self._search_generation:
            panel = self.query_one(SearchPanel)
            panel.show_error(message)
            panel.answered = self._search_text

    def _show_results(self, generation: int, total: int, results: list[Result], per_month: dict[str, int]) -> None:
        if generation == self._search_generation:
            panel = self.query_one(SearchPanel)
            panel.show_results(total, results, per_month)
            panel.answered = self._search_text

    @on(SearchPanel.ResultChosen)
    def _result_chosen(self, event: SearchPanel.ResultChosen) -> None:
        listed = self._by_id.get(event.article_id)
        if listed is None:
            self.notify("That article is no longer in the library.", markup=False)
            return
        self._request_article(listed, lambda article: self._show_with_hits(article, event.query))

    def _show_with_hits(self, article: Article, query_text: str) -> None:
        """Show an article chosen from the search results, at its first hit."""
        try:
            query = parse_query(query_text)
        except QueryError:
            return
        terms = [t for t in query.terms if t.column is None]
        hits = {i: found for i, p in enumerate(article.paragraphs) if (found := find_hits(p, terms))}
        view = self.query_one(ArticleView)
        view.show(article, hits)
        self._open_article(article)
        if view.hits:
            view.go_to_hit(0)
        self._update_hit_status(query.text)

    def _update_hit_status(self, query_text: str | None = None) -> None:
        view = self.query_one(ArticleView)
        status = self.query_one("#hit-status", Static)
        if query_text is not None:
            self._hit_query = query_text
        if not view.hits:
            status.display = bool(query_text)
            status.update(Text(f"Search “{self._hit_query}”: no hits in the text of this article "
                               "(it matched on its title, section, tags or speakers)"))
            return
        status.display = True
        current = (view.current_hit or 0) + 1
        status.update(Text(f"Search “{self._hit_query}”: hit {current}/{len(view.hits)}   n next · N previous"))

    def action_next_hit(self) -> None:
        view = self.query_one(ArticleView)
        if view.hits:
            view.go_to_hit((view.current_hit if view.current_hit is not None else -1) + 1)
            self._update_hit_status()

    def action_previous_hit(self) -> None:
        view = self.query_one(ArticleView)
        if view.hits:
            view.go_to_hit((view.current_hit if view.current_hit is not None else 0) - 1)
            self._update_hit_status()

    # --- events ------------------------------------------------------------------------------------------

    @on(LibrarySidebar.ArticleHighlighted)
    def _preview(self, event: LibrarySidebar.ArticleHighlighted) -> None:
        self._show_plain(event.article)

    def _show_plain(self, listed: Listed | Article, then: Callable[[Article], None] | None = None) -> None:
        """Show an article without search hits or a quote cursor (unless it is already shown), then `then`."""
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.id == listed.id:
            self._article_request += 1  # a parse still under way for another article must not replace it
            if then is not None:
                then(view.article)
            return

        def show(article: Article) -> None:
            view.show(article)
            self.query_one("#hit-status").display = False
            if then is not None:
                then(article)

        if isinstance(listed, Article):
            self._article_request += 1
            show(listed)
        else:
            self._request_article(listed, show)

    @on(LibrarySidebar.ArticleChosen)
    def _open(self, event: LibrarySidebar.ArticleChosen) -> None:
        self._open_article(event.article)

    def _open_article(self, listed: Listed | Article, then: Callable[[Article], None] | None = None) -> None:
        """Show an article, mark it read and move the focus to it."""

        def opened(article: Article) -> None:
            if article.id not in self.state.read:
                self.state.read.add(article.id)
                self.query_one(LibrarySidebar).refresh_article(article)
                self._save_state()
            self.query_one(ArticleView).focus()
            if then is not None:
                then(article)

        self._show_plain(listed, opened)

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
        panel = self.query_one(SearchPanel)
        if panel.display:
            panel.query_one("#search-results").focus()
        else:
            self.query_one(LibrarySidebar).focus()

    def action_copy_citation(self) -> None:
        article = self._current()
        if article is None:
            return
        view = self.query_one(ArticleView)
        if view.current_quote is not None:
            citation = quote_citation(article.quotes[view.current_quote], article)
        else:
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
        sidebar.load(self.listing, self.state.read, self.state.bookmarks, select=article.id)
        self.notify("Bookmarked" if added else "Bookmark removed", markup=False, timeout=2)

    def action_show_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.problems))

    def action_reload(self) -> None:
        """Check every file again now (the watcher does this by itself as files change)."""
        if not self._index_ready.is_set():
            return
        self._parsed.clear()
        self.load_library()
        self.notify("Checking the library for changes…", markup=False, timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The reader's own keys act on the main screen only: under the quote finder or a dialog, `g` or
        `m` would change what cannot be seen, and `"` would open a second finder."""
        return action not in _MAIN_SCREEN_ONLY or len(self.screen_stack) <= 1

    def action_quote_finder(self) -> None:
        self.push_screen(QuoteFinder(self, self.settings.private), self._quote_chosen)

    def find_quotes(self, query: Query | None, limit: int | None) -> tuple[int, list[QuoteHit]]:
        """Quotes from the index for the quote finder's export (waits for the first index refresh)."""
        self._index_ready.wait()
        with self._index_lock:
            return self.index.find_quotes(query, limit) if self.index is not None else (0, [])

    def quote_ids(self, query: Query | None) -> Sequence[int]:
        """Every matching quote's id, in the finder's order (waits for the first index refresh)."""
        self._index_ready.wait()
        with self._index_lock:
            return self.index.quote_ids(query) if self.index is not None else []

    def quote_hits(self, ids: Sequence[int]) -> list[QuoteHit | None]:
        """The finder's rows for these ids."""
        self._index_ready.wait()
        with self._index_lock:
            return self.index.quote_hits(ids) if self.index is not None else [None] * len(ids)

    def _quote_chosen(self, choice: QuoteChoice | None) -> None:
        if choice is None:
            return
        article = self.query_one(LibrarySidebar).select_article(choice.article_id) or self._by_id.get(choice.article_id)
        if article is None:
            return

        def at_quote(_: Article) -> None:
            self.call_after_refresh(self._select_quote, choice.quote_index)

        self._open_article(article, at_quote)

    def _select_quote(self, index: int) -> None:
        view = self.query_one(ArticleView)
        view.select_quote(index)
        self._update_quote_status()

    def _update_quote_status(self) -> None:
        view = self.query_one(ArticleView)
        status = self.query_one("#hit-status", Static)
        if view.article is None or view.current_quote is None:
            status.display = False
            return
        q = view.article.quotes[view.current_quote]
        line = Text(f"Quote {view.current_quote + 1}/{len(view.article.quotes)}: ")
        line.append(q.speaker or "no speaker found", style="bold" if q.speaker else "italic")
        if q.cue:
            line.append(f" (cue: {q.cue})")
        line.append("   ] next · [ previous · c copy citation", style="dim")
        status.update(line)
        status.display = True

    def action_next_quote(self) -> None:
        view = self.query_one(ArticleView)
        view.select_quote((view.current_quote if view.current_quote is not None else -1) + 1)
        self._update_quote_status()

    def action_previous_quote(self) -> None:
        view = self.query_one(ArticleView)
        view.select_quote((view.current_quote if view.current_quote is not None else 0) - 1)
        self._update_quote_status()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())


def run_reader(paths: list[str], settings: Settings, hint: str | None = None) -> int:
    """Run the reader until the user quits; return the exit code."""
    app = BriefingApp(paths, settings, hint)
    app.run()
    return app.return_code or 0


__all__ = ["BriefingApp", "run_reader"]
