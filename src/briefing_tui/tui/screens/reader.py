"""The reader's main screen: the library sidebar (or the search panel) and the article (docs/reader.md).

The screen draws what the `LibrarySession` reports and asks it for articles, searches and quotes from
Textual workers: nothing here blocks the UI thread, and a newer request cancels an older one. The reader's
keys are this screen's bindings (from the keymap), so they act only while it is the screen on top.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from typing import NamedTuple

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.signal import Signal
from textual.widgets import Header, ProgressBar, Static
from textual.worker import get_current_worker

from briefing_tui.core.library.sidebar_filter import parse_filter
from briefing_tui.core.model import Article, Listed, Problem, Quote
from briefing_tui.core.reading.sanitize import clean_line, strip_escape_sequences
from briefing_tui.core.search.forms import article_language
from briefing_tui.core.search.highlight import find_hits
from briefing_tui.core.search.index import Result, snippet_pieces
from briefing_tui.core.search.query import REFUSED, Query, QueryError, suggestion_basis, typed_query
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.serialize import article_citation, count, quote_citation
from briefing_tui.core.user.board import BoardQuote
from briefing_tui.core.user.state import ReaderState
from briefing_tui.tui.commands import OpenArticleProvider
from briefing_tui.tui.document import hit_key, hit_place
from briefing_tui.tui.glyphs import HEADER_ICON, pick
from briefing_tui.tui.key_hold import KeyHold, Keys
from briefing_tui.tui.keymap import SHORT, bindings
from briefing_tui.tui.quote_cursor import ReadingPlace, quote_by
from briefing_tui.tui.screens.board import QuoteBoardScreen, QuoteChoice, add_to_board
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.screens.quote_finder import QuoteFinder
from briefing_tui.tui.screens.reader_sidebar import SidebarScreen
from briefing_tui.tui.screens.spotlight import Spotlight
from briefing_tui.tui.session import BIG_FILE, LibrarySession
from briefing_tui.tui.widgets.article_status import ArticleStatus, PinnedTitle
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.citation_panel import CitationPanel
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.key_footer import KeyFooter
from briefing_tui.tui.widgets.panes import ReaderPanes
from briefing_tui.tui.widgets.plain import PlainProgressBar
from briefing_tui.tui.widgets.search_panel import SearchPanel
from briefing_tui.tui.widgets.sidebar import LibrarySidebar

BACK_LIMIT = 100
"""Articles `backspace` can go back through at most."""
RESULT_LIMIT = 100
"""Results listed in the search panel (the count shows how many matched in all)."""


class Place(NamedTuple):
    """An article read before another was opened, for `backspace`: where it was read to, and its search hits."""

    id: str
    top: int
    """The line at the top of the view."""
    query: str = ""
    """The search whose hits it showed ("" for none)."""
    hit: int | None = None
    """The hit the cursor was on."""


def _inside_quotes(hits: dict[int, list[tuple[int, int]]], quotes: Sequence[Quote]) -> dict[int, list[tuple[int, int]]]:
    """The hits inside quotations (`in:quotes`: its words are looked for there only, as the search found them):
    a prose block's key is its paragraph, and a quote's span is in that paragraph's text; code and tables hold
    no quotation."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        spans.setdefault(quote.paragraph, []).append((quote.start, quote.end))
    kept = {key: [(s, e) for s, e in found if any(start <= s and e <= end for start, end in spans.get(key, ()))]
            for key, found in hits.items() if key >= 0}
    return {key: found for key, found in kept.items() if found}


def snippet_hit(article: Article, hits: list[tuple[int, int, int]], snippet: str) -> int:
    """The index of the hit a search result's snippet shows first (the stretch of the snippet that holds it, between
    two `…`, found in a block of the article, then the first hit there); 0, the article's first hit, when the
    snippet's text is not found."""
    stretches: list[tuple[str, bool]] = [("", False)]
    for text, hit in snippet_pieces(snippet):
        for n, part in enumerate(text.split("…")):
            if n:
                stretches.append(("", False))
            stretches[-1] = (stretches[-1][0] + part, stretches[-1][1] or (hit and bool(part)))
    stretch = next((text.strip() for text, hit in stretches if hit), "")
    if len(stretch) < 12:
        return 0
    for k, block in enumerate(article.body()):
        key = hit_key(block, k)
        at = block.text.find(stretch) if key is not None else -1
        if at >= 0:
            inside = [i for i, (hit, start, end) in enumerate(hits) if hit == key and start >= at]
            return inside[0] if inside else next((i for i, (hit, _, _) in enumerate(hits) if hit == key), 0)
    return 0


class ReaderScreen(SidebarScreen):
    """A sidebar of the library by date or section, the article with its quotes, and search."""

    BINDINGS = bindings("reader")
    COMMANDS = {OpenArticleProvider}

    def __init__(self, session: LibrarySession, state: ReaderState, hint: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.state = state
        self.hint = hint
        self.library_changed: Signal[None] = Signal(self, "library-changed")
        """Published when the library's listing changes (an open quote finder lists anew)."""
        self._loaded = False
        self._search_text = ""
        self._hit_query = ""
        self._hits_in: str | None = None
        """The id of the article shown with search hits (the status line speaks of hits only there)."""
        self._moved_last = "article"
        """What moved last in the article: `hit`, `quote` or `article` (a new one shown). The status line
        speaks of it, and `c`, `a` and `s` act on the quote it names."""
        self._finder_text = ""
        """The quote finder's last filter: it opens with it again."""
        self._loading: str | None = None
        """The id of the article a worker is parsing for the screen."""
        self._asked_for: str | None = None
        """The article the user last asked to open (the start leaves it alone if that was before the library
        was listed)."""
        self._opened_itself: str | None = None
        """The article the reader opened by itself when the library was first listed (the newest)."""
        self._in_parts = False
        """The last listing was a part of the library, listed while a first start indexes it."""
        self._checking = False
        """`r` asked for a check of the library: its end is told."""
        self._back: list[Place] = []
        """Articles shown before another was opened (`Place`), the latest last: `backspace` goes back."""
        self._opened: str | None = None
        """The article last opened (not one the sidebar's cursor showed in passing)."""

    def compose(self) -> ComposeResult:
        ascii = self.session.settings.ascii
        yield Header(icon=pick(HEADER_ICON, ascii))
        with ReaderPanes(id="main"):
            with Vertical(id="sidebar-pane"):
                yield Static(Text("Loading library…"), id="loading-label")
                # The label counts the files; a percentage beside the bar changed its width, and the screen's
                # layout, at every batch (a tenth of a first start's time once articles are on screen).
                bar = PlainProgressBar if ascii else ProgressBar
                yield bar(id="loading-bar", show_eta=False, show_percentage=False)
                yield FilterBox([], id="sidebar-filter",
                                placeholder="Filter: words, date:2025-06, section:")
                yield Static(Text(""), id="sidebar-filter-status")
                yield LibrarySidebar(ascii=ascii, id="sidebar")
                yield SearchPanel(self.state.history.setdefault("search", []), ascii=ascii, id="search")
            with Vertical(id="article-pane"):
                yield ArticleStatus(id="hit-status")  # first: the pinned title, coming and going, moves no status
                yield PinnedTitle(id="pinned-title")
                yield CitationPanel(id="article-citation")  # above the article: no notification covers it
                yield ArticleView(ascii=ascii, id="article")
        yield KeyFooter(SHORT)

    def on_mount(self) -> None:
        self.app.sub_title = self._library_name()
        self.query_one(LibrarySidebar).focus()
        view = self.query_one(ArticleView)
        self.watch(view, "title_hidden", lambda hidden: self.query_one(PinnedTitle).pin(view.article, hidden[1]),
                   init=False)
        self.load_library()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Under a dialog (help, problems) this screen still shows, footer and all: its keys are neither
        offered there nor run."""
        return self.is_active

    def _library_name(self) -> str:
        """The first folder's name for the header: a name may hold escape sequences, so it is sanitized."""
        paths = self.session.paths
        folder = os.path.basename(os.path.normpath(paths[0])) if paths else "library"
        name = clean_line(strip_escape_sequences(folder))  # a sequence goes whole, not only its ESC
        from briefing_tui.render import middle_ellipsis  # a long file name cut: the header's count stays in view

        return middle_ellipsis(name, 32) + (f" +{len(paths) - 1}" if len(paths) > 1 else "")

    # --- the library -------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        """List the library at once, then check it against the disk (the session reports both)."""
        self.session.load(self.post_message, first=lambda newest: self.app.call_from_thread(self._show_first, newest))

    def _show_first(self, newest: Listed) -> None:
        """Show the newest article at start, unless the user has already asked for one (a quote or a search
        result chosen while the library was being listed): showing it would cancel theirs. `r` (the library
        read again) leaves the article being read where it is, as a change seen on disk does."""
        if not self._loaded and self._asked_for is None:
            self._show_plain(newest)

    @on(LibrarySession.IndexProgress)
    def _show_progress(self, event: LibrarySession.IndexProgress) -> None:
        self.query_one("#loading-bar", ProgressBar).update(total=event.total, progress=event.done)
        self.query_one("#loading-label", Static).update(  # one line, as wide as the pane: the layout stays
            Text(f"Indexing the library… {event.done:,} / {event.total:,} files"), layout=False)

    @on(LibrarySession.Warning)
    def _warn(self, event: LibrarySession.Warning) -> None:
        self.notify(event.text, markup=False, severity="warning")

    def on_resize(self) -> None:
        """The header's line is made for the width (`BriefingApp.format_title`): made again for the new one."""
        from textual.widgets._header import HeaderTitle

        header = self.query_one(Header)
        header.query_one(HeaderTitle).update(header.format_title())

    @on(LibrarySession.LibraryListed)
    def _listing_loaded(self, event: LibrarySession.LibraryListed) -> None:
        try:
            self._show_listing(event)
        finally:
            self.session.listing_shown()  # a warm start checks the library against the disk now

    def _show_listing(self, event: LibrarySession.LibraryListed) -> None:
        listing, problems, changed = event.listing, event.problems, event.changed
        in_parts, self._in_parts = self._in_parts, event.indexing  # the last listing was a first start's part
        sidebar = self.query_one(LibrarySidebar)
        self.query_one("#loading-label").display = event.indexing  # a first start lists its first part early
        self.query_one("#loading-bar").display = event.indexing
        self.app.sub_title = (f"{self._library_name()} · {count(len(listing), 'article')}"
                          + (" so far, indexing…" if event.indexing else "")
                          + (f" · {count(len(problems), 'problem')} (p)" if problems else ""))
        current = self._current()
        if self._loaded:
            sidebar.update_listing(listing)
            if sidebar.kept is not None:  # the filter runs again over the new listing
                text = self._filter_box().value
                self._run_sidebar_filter(parse_filter(text), text, sidebar.grouping, True)
            self._count_saved()
            self.library_changed.publish(None)
            if in_parts and not event.indexing:
                self.session.warm_up()  # not while the parse workers use every core
            listed = self.session.listed(current.id) if current else None
            opened = current.id if current is not None else self._loading
            if in_parts and opened is not None and opened == self._opened_itself:
                # A first start lists its library in parts: the newest so far was opened (and may still be
                # on its way). Unless a key was pressed since, the newest of this larger part replaces it.
                if listing and listing[0].id != opened and not getattr(self.app, "touched", True):
                    newest = sidebar.select_article(listing[0].id)
                    if newest is not None:
                        self._opened_itself = newest.id
                        self._show_plain(newest)
                else:  # the cursor stays on it (parts can come before the first part's cursor is placed)
                    sidebar.select_article(opened, quiet=True)
            elif current is None and listing and self._asked_for is None:  # the newest listed at start had gone
                newest = sidebar.select_article(listing[0].id)
                if newest is not None:
                    self._show_plain(newest)
            elif current is not None and listed is None:
                self.notify(f"“{current.title}” was removed from the library; it stays on screen until you move.",
                            markup=False, severity="warning")
            elif current is not None and listed is not None and listed.key in changed:
                self._request_article(listed, self._show_in_place)  # changed on disk: new text, same place
            return
        self._loaded = True
        if not event.indexing:
            self.session.warm_up()  # after the first screen, so that it never competes with it
        selected = sidebar.load(listing, self.state.read, self.state.bookmarks,
                                select=current.id if current else self._asked_for)
        self._count_saved()
        if selected is not None and self._asked_for is None:
            self._opened_itself = selected.id
            self._show_plain(selected)
        if self.hint:
            self.notify(self.hint, markup=False, timeout=6)
            self.hint = None
        if not listing and not event.indexing:
            if problems:
                self.notify("No articles found here. Press p to see why.", markup=False, severity="warning")
            else:
                from briefing_tui.core.formats.detect import NO_ARTICLE_FILES

                self.notify(NO_ARTICLE_FILES[0].upper() + NO_ARTICLE_FILES[1:] + ".", markup=False,
                            severity="warning", timeout=10)

    def _show_in_place(self, article: Article) -> None:
        """Replace the article on screen by a newer parse of it, keeping the reader's scroll position."""
        view = self.query_one(ArticleView)
        y = view.scroll_offset.y
        view.show(article)
        view.scroll_to(y=y, animate=False)

    # --- articles ----------------------------------------------------------------------------------------

    def _request_article(self, listed: Listed, then: Callable[[Article], None]) -> None:
        """Call `then` with the parsed article: at once when it was parsed lately, else once a worker has
        parsed it. Only the latest request is answered: moving on through the sidebar faster than files
        parse cancels the parses nobody waits for."""
        cached = self.session.cached(listed)
        if cached is not None:
            self._cancel_loading()
            then(cached)
            return
        self._loading = listed.id
        self._load_article(listed, then)

    def _cancel_loading(self) -> None:
        """Drop the parse under way for the screen, if any: nobody waits for it any more."""
        self.workers.cancel_group(self, "article")
        self._loading = None

    @work(thread=True, exclusive=True, group="article")
    def _load_article(self, listed: Listed, then: Callable[[Article], None]) -> None:
        worker = get_current_worker()
        result = self.session.load_article(listed, cancelled=lambda: worker.is_cancelled)
        if result is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._article_loaded, listed, result, then)

    def _article_loaded(self, listed: Listed, result: Article | Problem, then: Callable[[Article], None]) -> None:
        if self._loading == listed.id:
            self._loading = None
        if isinstance(result, Problem):
            self.session.article_shown()
            if os.path.lexists(self.session.entry(listed).path):  # else removed since: the refresh drops it
                self.notify(f"{result.id}: {result.reason}", title="Cannot open", markup=False, severity="warning")
            return
        if listed.size > BIG_FILE:
            self.notify(f"Large article ({listed.size / 1e6:.0f} MB): showing its beginning while the rest loads.",
                        markup=False, timeout=3)
            self._parse_whole(listed)
        then(result)
        self.session.article_shown()  # a warm start lists the library now (`session.FIRST_WAIT`)

    @work(thread=True, exclusive=True, group="parse-whole")
    def _parse_whole(self, listed: Listed) -> None:
        self.session.parse_whole(listed)  # ArticleLoaded follows

    @on(LibrarySession.ArticleLoaded)
    def _whole_parsed(self, event: LibrarySession.ArticleLoaded) -> None:
        shown = self._current()
        if shown is not None and shown.id == event.article.id and shown is not event.article:
            self._show_in_place(event.article)

    def _current(self) -> Article | None:
        return self.query_one(ArticleView).article

    @on(LibrarySidebar.ArticleHighlighted)
    def _preview(self, event: LibrarySidebar.ArticleHighlighted) -> None:
        current = self._current()
        if current is not None and current.id == self._opened:  # an article opened, then the sidebar's cursor moved
            self._remember_shown(event.article.id)  # off it (`f`, a filter, `enter`): `backspace` comes back to it,
            # not to the one before; the articles the cursor only passed over are not remembered
        self._show_plain(event.article)

    def _show_plain(self, listed: Listed | Article, then: Callable[[Article], None] | None = None) -> None:
        """Show an article without search hits or a quote cursor (unless it is already shown), then `then`."""
        view = self.query_one(ArticleView)
        if then is None and self._loading == listed.id and not isinstance(listed, Article):
            return  # on its way already, with what was asked of it (a quote to select, hits to show)
        if view.article is not None and view.article.id == listed.id:
            self._cancel_loading()  # a parse under way for another article must not replace it
            if then is not None:
                then(view.article)
            return

        def show(article: Article) -> None:
            self._hits_in = None
            view.show(article)
            if then is not None:
                then(article)

        if isinstance(listed, Article):
            self._cancel_loading()
            show(listed)
        else:
            self._request_article(listed, show)

    @on(LibrarySidebar.ArticleChosen)
    def _open(self, event: LibrarySidebar.ArticleChosen) -> None:
        self._open_article(event.article)

    def _open_article(self, listed: Listed | Article, then: Callable[[Article], None] | None = None,
                      back: bool = False) -> None:
        """Show an article, mark it read and move the focus to it; the article shown before is remembered for
        `backspace` (unless this is going back)."""
        self._asked_for = self._opened = listed.id
        if not back:
            self._remember_shown(listed.id)

        def opened(article: Article) -> None:
            if article.id not in self.state.read:
                self.state.read.add(article.id)
                self.query_one(LibrarySidebar).refresh_article(article)
                self.query_one(LibrarySidebar).recount_saved(article.id)
                self._save_state()
            self.set_focus(self.query_one(ArticleView))  # at once: keys replayed next go to the article
            if then is not None:
                then(article)

        self._show_plain(listed, opened)

    def _remember_shown(self, next_id: str) -> None:
        """The article on screen, and where it was read to, for `backspace`: another (`next_id`) is opening."""
        shown = self._current()
        if shown is not None and shown.id != next_id and (not self._back or self._back[-1].id != shown.id):
            view = self.query_one(ArticleView)
            searched = self._hits_in == shown.id and bool(view.hits)
            self._back.append(Place(shown.id, int(view.scroll_y), self._hit_query if searched else "",
                                    view.current_hit if searched else None))
            del self._back[:-BACK_LIMIT]

    def open_article_id(self, article_id: str) -> None:
        """Select and open an article by id (the command palette uses this)."""
        article = self.query_one(LibrarySidebar).select_article(article_id)
        if article is not None:
            self._open_article(article)

    # --- the cursor line above the article ---------------------------------------------------------------

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        """The status line follows what moved last: the quote cursor, else the search hits of the article
        shown from the search results (even when none is in its text), else it is hidden."""
        view = self.query_one(ArticleView)
        status = self.query_one(ArticleStatus)
        self._moved_last = event.moved
        panel = self.query_one(CitationPanel)
        if event.moved == "article" or (event.moved == "quote" and panel.display
                                        and panel.of != (view.article.id if view.article else None,
                                                         view.current_quote)):
            panel.put_away()  # the citation copied was another article's, or another quote's: `Quote 2/9` over
            # quote 1's citation, pasted as quote 2's
        if event.moved == "quote" and view.article is not None and view.current_quote is not None:
            status.show_quote(view.article, view.current_quote)
        elif event.moved != "quote" and view.article is not None and view.article.id == self._hits_in:
            under = self._reading_place().looked_at() if event.moved == "hit" else None
            status.show_hits(self._hit_query, view.current_hit, len(view.hits),
                             view.article.quotes[under] if under is not None else None)
        elif event.moved != "hit":
            status.clear()

    @property
    def help_scope(self) -> str | None:
        """The keys `?` shows first: the search panel's in its results, else the reader's (`keymap.SCOPES`)."""
        panel = self.query_one(SearchPanel)
        focused = self.focused
        return "search" if panel.display and focused is not None and panel in focused.ancestors_with_self else None

    # --- search ------------------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(ReaderPanes).show_sidebar()
        panel = self.query_one(SearchPanel)
        panel.display = True
        self.query_one(LibrarySidebar).display = False
        panel.focus_input()
        self.query_one(ReaderPanes).fit_search()

    @on(SearchPanel.Closed)
    def _close_search(self) -> None:
        sidebar = self._hide_search()
        self.set_focus(sidebar)  # now, not later (`focus()`): a key that closes the search to focus a box of its
        # own (`f`, the sidebar's filter) keeps the focus it gives
        sidebar.keep_cursor_in_view()  # on the result opened last, moved there while the sidebar was hidden

    def _hide_search(self) -> LibrarySidebar:
        """Put the search panel away, its query kept (`/` brings it back), and show the sidebar in its place."""
        self._remember_search()
        self.query_one(SearchPanel).display = False
        sidebar = self.query_one(LibrarySidebar)
        sidebar.display = True
        self.query_one(ReaderPanes).fit_search()  # the panel hidden: the same widths whatever has the focus
        return sidebar

    @on(SearchPanel.QueryChanged)
    def _query_changed(self, event: SearchPanel.QueryChanged) -> None:
        self._search_text = event.query
        panel = self.query_one(SearchPanel)
        if not event.query.strip():
            self.workers.cancel_group(self, "search")
            panel.clear()
            panel.settle(event.query, found=False)
            return
        try:
            query, typing = typed_query(event.query)  # the last word counts as a prefix; a phrase or brackets
            # still open at the end are closed (`speaker:"le p`)
        except QueryError as exc:
            self.workers.cancel_group(self, "search")
            panel.show_error(str(exc), exc.fixed)  # `speker:rutte`: `tab` takes `speaker:rutte`
            panel.settle(event.query, found=False)
            return
        self.run_search(query, event.query, typing)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: Query, text: str, typing: str | None = None) -> None:
        """Search off the UI thread; a newer query cancels this one, and its results are dropped. With few
        results or none, also why (the hint) and what may have been meant (the suggestion)."""
        worker = get_current_worker()
        try:
            total, results, per_month = self.session.search(query, RESULT_LIMIT)
            hint = self.session.search_hint(query, typing is not None) if not total and not worker.is_cancelled \
                else None
            better = self.session.suggestion(suggestion_basis(text, query, typing), total) \
                if not worker.is_cancelled else None
        except sqlite3.Error:  # a query the parser let through and SQLite cannot run: say so, keep reading
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show_search_error, text)
            return
        if better is not None and typing is not None:  # the `*` that made the last word a prefix is ours
            better = better.removesuffix("*")
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_results, text, total, results, per_month, hint, typing, better)

    def _show_search_error(self, text: str) -> None:
        if text == self._search_text:
            panel = self.query_one(SearchPanel)
            panel.show_error(REFUSED)
            panel.settle(text, found=False)

    def _show_results(self, text: str, total: int, results: list[Result], per_month: dict[str, int],
                      hint: str | None, typing: str | None = None, better: str | None = None) -> None:
        if text == self._search_text:
            panel = self.query_one(SearchPanel)
            panel.show_results(total, results, per_month, hint, typing, better)
            panel.settle(text)

    def _remember_search(self) -> None:
        """Keep the search in the history, once it has been answered (a query that cannot be read is not kept)."""
        panel = self.query_one(SearchPanel)
        text = panel.query_text
        if panel.settled and text.strip():
            try:
                parse_query(text)
            except QueryError:
                return
            if self.state.remember("search", text):
                self._save_state()

    @on(SearchPanel.ResultChosen)
    def _result_chosen(self, event: SearchPanel.ResultChosen) -> None:
        self._remember_search()
        self._asked_for = event.article_id
        listed = self.session.listed(event.article_id)
        if listed is None:
            self.notify("That article is no longer in the library.", markup=False)
            return
        self.query_one(LibrarySidebar).select_article(event.article_id, quiet=True)  # found there on escape
        self._hold((*event.keys, *self.query_one(SearchPanel).release_keys()))
        self.set_focus(self.query_one(ArticleView))  # keys typed from now on are for the article

        def show(article: Article) -> None:
            self._show_with_hits(article, event.query, event.snippet)
            self.call_after_refresh(self._replay)

        self._request_article(listed, show)

    def _show_with_hits(self, article: Article, query_text: str, snippet: str = "", back: bool = False) -> None:
        """Show an article chosen from the search results, at its first hit (the words matched as the results
        were: the last one as a prefix, other words with their forms in the article's language); with none in the
        text (a query of `speaker:` terms alone), with the quote cursor on the first quote by the speaker."""
        try:
            query = typed_query(query_text)[0]
        except QueryError:
            return
        terms = [t for t in query.terms if t.column is None]
        lang = article_language(article.metadata, article.title, article.paragraphs)
        hits = {key: found for k, block in enumerate(article.body()) if (key := hit_key(block, k)) is not None
                and (found := find_hits(block.text, terms, lang))}  # code and tables are searched too
        if query.in_quotes:
            hits = _inside_quotes(hits, article.quotes)
        view = self.query_one(ArticleView)
        if not back:
            self._remember_shown(article.id)  # first: the article shown is remembered with its own search's hits
        self._hit_query, self._hits_in = query_text, article.id
        view.show(article, hits)
        self._open_article(article, back=back)
        if back:
            return  # the place it was read to is put back by `action_back`
        if view.hits:
            view.go_to_hit(snippet_hit(article, view.hits, snippet))  # the hit the result's snippet showed
        elif (theirs := quote_by(article.quotes, query.terms)) is not None:
            view.select_quote(theirs)  # `speaker:rutte` has no words in the text: their first quote is what was meant

    def action_next_hit(self) -> None:
        view = self.query_one(ArticleView)
        if view.hits:
            if view.current_hit == len(view.hits) - 1 and len(view.hits) > 1:
                self._went_round("Past the last hit: back to the first")
            view.go_to_hit((view.current_hit if view.current_hit is not None else -1) + 1)
        else:
            self._no_hits()

    def action_previous_hit(self) -> None:
        view = self.query_one(ArticleView)
        if view.hits:
            if view.current_hit == 0 and len(view.hits) > 1:
                self._went_round("Before the first hit: on to the last")
            view.go_to_hit((view.current_hit if view.current_hit is not None else 0) - 1)
        else:
            self._no_hits()

    def _went_round(self, message: str) -> None:
        """`n`, `]` from the last one to the first (`N`, `[` the other way): said, as `J` at the list's end is,
        for the counter alone (`hit 1/9`) and the jump up the article are easily missed."""
        self.notify(message, markup=False, timeout=2)

    def _no_hits(self) -> None:
        """`n` / `N` with no search hit in the article: say so, and how to get some."""
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.id == self._hits_in:
            self.notify("No hits of the search in this article's text.", markup=False, timeout=3)
        else:
            self.notify("No search hits here: / searches, and an article opened from the results shows its hits.",
                        markup=False, timeout=3)

    # --- quotes ------------------------------------------------------------------------------------------

    def action_quote_finder(self) -> None:
        finder = QuoteFinder(self.session, self.state, self._save_state, self.session.settings.private,
                             self.library_changed, initial=self._finder_text, hand_over=self._hold)

        def closed(choice: QuoteChoice | None) -> None:
            self._finder_text = finder.filter_text
            self._count_saved()  # a filter may have been saved there
            self._quote_chosen(choice)

        self.app.push_screen(finder, closed)

    def action_quote_board(self) -> None:
        self.app.push_screen(QuoteBoardScreen(self.state, self._save_state, self.session.settings.private),
                             self._quote_chosen)

    def _quote_chosen(self, choice: QuoteChoice | None) -> None:
        if choice is None:
            return
        if self.query_one(SearchPanel).display:  # the results of an older search are not where this article came
            self._hide_search()  # from: the sidebar, on it, shows instead
        article = (self.query_one(LibrarySidebar).select_article(choice.article_id)
                   or self.session.listed(choice.article_id))
        if article is None:
            self.notify("That article is no longer in the library.", markup=False, severity="warning")
            return
        self._hold()

        def at_quote(shown: Article) -> None:
            index = choice.quote_index
            quotes = shown.quotes
            if choice.text is not None and not (index < len(quotes) and quotes[index].text == choice.text):
                index = next((n for n, q in enumerate(quotes) if q.text == choice.text), index)  # changed since

            def select() -> None:
                self.query_one(ArticleView).select_quote(index)
                self.call_after_refresh(self._replay)

            self.call_after_refresh(select)

        self._open_article(article, at_quote)

    # --- type-ahead: keys typed while a chosen article opens ---------------------------------------------

    @property
    def _keys(self) -> KeyHold:
        return self.app.key_hold  # type: ignore[attr-defined,no-any-return]  # the BriefingApp's

    def _hold(self, keys: Keys = ()) -> None:
        """Hold the keys typed from now on (after `keys`, typed already) until the article chosen is shown:
        `c` pressed straight after `enter` copies from it, not from the article it replaces (`key_hold.py`)."""
        self._keys.hold(keys)

    def _replay(self) -> None:
        """The article chosen is shown: the keys held are pressed now, in order."""
        self._keys.release()

    def on_key(self, event: events.Key) -> None:
        if self._keys.take_sent(event):  # sent on before the hold began: typed before the keys it holds
            event.stop()
            event.prevent_default()

    def _reading_place(self) -> ReadingPlace:
        """Where the reader is in the article shown: which quote `c`, `a` and `s` mean, where `]` and `[` go."""
        view = self.query_one(ArticleView)
        hit = None
        if view.current_hit is not None and view.hits and view.article is not None:
            key, start, _ = view.hits[view.current_hit]
            hit = hit_place(view.article, key, start)  # in code or a table: the prose after it
        return ReadingPlace(view.article.quotes if view.article else (), view.current_quote, hit, view.on_screen(),
                            self._moved_last == "hit")

    def action_next_quote(self) -> None:
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.quotes:
            index, went_round = self._reading_place().next_quote()
            if went_round:
                self._went_round("Past the last quote: back to the first")
            view.select_quote(index)

    def action_previous_quote(self) -> None:
        view = self.query_one(ArticleView)
        if view.article is not None and view.article.quotes:
            index, went_round = self._reading_place().previous_quote()
            if went_round:
                self._went_round("Before the first quote: on to the last")
            view.select_quote(index)

    def action_copy_citation(self) -> None:
        article = self._current()
        if article is None:
            return
        looked_at = self._reading_place().looked_at()
        if looked_at is not None:
            citation = quote_citation(article.quotes[looked_at], article)
        else:
            citation = article_citation(article)
        self.app.copy_to_clipboard(citation)
        # Above the article, not a toast over it: the text can be selected there when the terminal keeps the
        # clipboard closed (over SSH, in tmux without set-clipboard), and it stays until another article or
        # another quote is looked at.
        self.query_one(CitationPanel).show_copied(citation, of=(article.id, looked_at))

    def _board_quote(self) -> BoardQuote | None:
        """The quote looked at, as the board keeps it; None (and a hint) when there is none."""
        article = self._current()
        looked_at = self._reading_place().looked_at()
        if article is None or looked_at is None:
            self.notify("No quote under the cursor: ] puts it on the next quote, n on the next search hit.",
                        markup=False, timeout=3)
            return None
        return BoardQuote.of(article.quotes[looked_at], article, looked_at)

    def action_add_to_board(self) -> None:
        if (item := self._board_quote()) is not None:
            add_to_board(self, self.state, item, self._save_state)

    def action_spotlight(self) -> None:
        """The quote looked at in the spotlight, among the board's (←/→); with none, the board's first."""
        board = self.state.board
        article, looked_at = self._current(), self._reading_place().looked_at()
        if (article is None or looked_at is None) and board.quotes:
            self.app.push_screen(Spotlight(board.quotes))
            return
        if (item := self._board_quote()) is not None:
            self.app.push_screen(Spotlight.around(item, board))

    # --- the other keys ----------------------------------------------------------------------------------

    def action_cycle_grouping(self) -> None:
        sidebar = self.query_one(LibrarySidebar)
        current = self._current()
        sidebar.cycle_grouping(current.id if current else None)
        self.notify("One list, newest first" if sidebar.grouping == "list" else f"Grouped by {sidebar.grouping}",
                    markup=False, timeout=2)

    def action_toggle_sidebar(self) -> None:
        if self.query_one(ReaderPanes).toggle_sidebar():
            self.action_focus_sidebar()
        else:
            self.set_focus(self.query_one(ArticleView))

    def action_focus_sidebar(self) -> None:
        citation = self.query_one(CitationPanel)
        if citation.display and self.query_one(ArticleView).has_focus:
            citation.put_away()  # escape puts away what was copied first (it took half of an 80×24 article)
            return
        self.query_one(ReaderPanes).show_sidebar()
        panel = self.query_one(SearchPanel)
        box = self._filter_box()
        if box.display and (box.has_focus or self.query_one(LibrarySidebar).has_focus):
            self._close_sidebar_filter()
        elif panel.display:
            self.set_focus(panel.query_one("#search-results"))
        else:
            self.set_focus(self.query_one(LibrarySidebar))

    def action_next_article(self, step: int) -> None:
        """J / K: open the next (previous) article in the sidebar's order, from the sidebar's cursor when it is on
        a group's row (the group's first article, or the one before it), else from the article on its way (a `J`
        typed before the last one's article opened steps on from that one), else the article shown, else the
        sidebar's cursor; the sidebar's cursor goes with it."""
        sidebar = self.query_one(LibrarySidebar)
        current = self._current()
        cursor = sidebar.cursor_node.data if sidebar.cursor_node is not None else None
        on_group, found = sidebar.from_group(step) if self.focused is sidebar else (False, None)
        if not on_group:  # the cursor on a group's row steps from there (`end`, `J`: the first after it)
            here = self._loading or (current.id if current is not None else cursor.id if isinstance(cursor, Listed)
                                     else "")
            found = sidebar.neighbour(here, step)
        listed = sidebar.select_article(found.id, quiet=True, step=True) if found is not None else None
        if listed is None:
            self.notify("The last article in the list" if step > 0 else "The first article in the list",
                        markup=False, timeout=2)
            return
        self._open_article(listed)

    def action_back(self) -> None:
        """Backspace: the article shown before the last one opened, at the place it was read to."""
        view = self.query_one(ArticleView)
        while self._back:
            place = self._back.pop()
            listed = self.query_one(LibrarySidebar).select_article(place.id, quiet=True) \
                or self.session.listed(place.id)  # filtered out of the sidebar since (`f`): still the one read
            if listed is None:
                continue  # removed from the library since: the one before it

            def at_place(_article: Article, top: int = place.top) -> None:
                self.call_after_refresh(view.scroll_to, 0, top, animate=False)

            if not place.query:
                self._open_article(listed, at_place, back=True)
                return

            def with_hits(article: Article, place: Place = place) -> None:  # its search hits, the one it was on
                self._show_with_hits(article, place.query, back=True)
                if place.hit is not None and place.hit < len(view.hits):
                    view.current_hit = place.hit
                self.call_after_refresh(view.scroll_to, 0, place.top, animate=False)

            self._request_article(listed, with_hits)
            return
        self.notify("No article to go back to: backspace returns to the one read before another was opened.",
                    markup=False, timeout=2)

    def action_toggle_read(self) -> None:
        article = self._current()
        if article is None:
            return
        if article.id in self.state.read:
            self.state.read.discard(article.id)
            self.notify("Marked unread", markup=False, timeout=2)
        else:
            self.state.read.add(article.id)
            self.notify("Marked read", markup=False, timeout=2)
        self.query_one(LibrarySidebar).refresh_article(article)
        self.query_one(LibrarySidebar).recount_saved(article.id)
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
        self.query_one(LibrarySidebar).set_bookmarks(self.state.bookmarks)
        self.notify("Bookmarked" if added else "Bookmark removed", markup=False, timeout=2)

    def action_show_problems(self) -> None:
        self.app.push_screen(ProblemsScreen(self.session.problems))

    def action_reload(self) -> None:
        """Check every file again now (the watcher does this by itself as files change)."""
        if not self.session.ready:
            self.app.bell()
            return
        self.session.forget_parsed()
        self._checking = True
        self.load_library()
        self.notify("Checking the library for changes…", markup=False, timeout=2)

    @on(LibrarySession.Checked)
    def _checked(self, event: LibrarySession.Checked) -> None:
        """After `r`: what the check found (a start's own check says nothing: the listing shows it)."""
        if not self._checking:
            return
        self._checking = False
        found = [f"{event.parsed:,} new or changed" if event.parsed else "", f"{event.removed:,} removed"
                 if event.removed else ""]
        said = ", ".join(part for part in found if part) or "no changes"
        self.notify(f"Library checked: {count(event.files, 'file')}, {said}.", markup=False, timeout=3)
