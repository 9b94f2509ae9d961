"""The reader screen's sidebar: its filter box (`f`) and the saved searches' groups (docs/reader.md).

`ReaderScreen` is one of these: the sidebar's keys and workers live here so that the reader's module stays
about the article. The filter and the counts run in Textual workers over what the session lists; a newer
filter or count cancels an older one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Collection

from rich.text import Text
from textual import on, work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from briefing_tui.core.library.grouping import Group, grouped, saved_group
from briefing_tui.core.library.sidebar_filter import (
    Haystack,
    SidebarFilter,
    filter_articles,
    filter_hint,
    haystack,
    parse_filter,
)
from briefing_tui.core.model import Listed
from briefing_tui.core.search.query import QueryError
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.serialize import count
from briefing_tui.core.user.state import ReaderState, SavedSearch
from briefing_tui.tui.key_hold import press
from briefing_tui.tui.screens.saved_search import SavedSearchDialog, SavedSearchEdit
from briefing_tui.tui.session import LibrarySession
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.search_panel import SearchPanel
from briefing_tui.tui.widgets.sidebar import LibrarySidebar

FILTER_PAUSE = 0.1
"""Seconds of pause in typing before the sidebar filter runs."""


class SidebarScreen(Screen[None]):
    """A screen with the library sidebar (`#sidebar`), its filter box (`#sidebar-filter`, with its status line
    `#sidebar-filter-status`) and a search panel; the reader screen."""

    session: LibrarySession
    state: ReaderState

    def __init__(self) -> None:
        super().__init__()
        self._haystacks: tuple[list[Listed], list[Haystack]] = ([], [])
        """The listing the sidebar filter last read, and each article's line to look for words in."""
        self._delete_asked: tuple[str, float] | None = None
        """The saved search `d` asked to delete, and when (a second `d` deletes it)."""
        self._filter_timer: Timer | None = None
        self._filter_shown: str | None = None
        """The filter whose articles the sidebar lists."""
        self._filter_entered: str | None = None
        """The filter `enter` was pressed on before its articles were listed: its first is shown when they are."""

    def _save_state(self) -> None:
        error = self.state.save()
        if error:
            self.notify(error, markup=False, severity="warning")

    def _close_search(self) -> None:
        """Close the search panel, the sidebar in its place (the reader screen's own)."""
        raise NotImplementedError

    # --- the sidebar's filter ----------------------------------------------------------------------------

    def _filter_box(self) -> FilterBox:
        return self.query_one("#sidebar-filter", FilterBox)

    def action_filter_sidebar(self) -> None:
        """Open the sidebar's filter box (the search panel gives way to the sidebar), its filter selected."""
        if self.query_one(SearchPanel).display:
            self._close_search()
        box = self._filter_box()
        box.display = True
        self.query_one("#sidebar-filter-status").display = True
        self.set_focus(box)
        box.select_all()

    def _close_sidebar_filter(self) -> None:
        """Escape: the whole library again, the cursor where the filter left it, in the sidebar."""
        self.workers.cancel_group(self, "sidebar-filter")
        box = self._filter_box()
        box.release()
        box.value = ""
        self._filter_shown = self._filter_entered = None
        box.display = False
        self.query_one("#sidebar-filter-status").display = False
        sidebar = self.query_one(LibrarySidebar)
        if sidebar.kept is not None:
            sidebar.set_filter(None)
        self.set_focus(sidebar)  # at once: a key typed straight after escape (`/`) may focus a box of its own

    @on(Input.Changed, "#sidebar-filter")
    def _sidebar_filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter_entered = None
        wanted = parse_filter(event.value)
        if wanted.empty:
            self.workers.cancel_group(self, "sidebar-filter")
            self.query_one("#sidebar-filter-status", Static).update(Text(""))
            sidebar = self.query_one(LibrarySidebar)
            if sidebar.kept is not None:
                sidebar.set_filter(None)
            return
        if self._filter_timer is not None:  # a short pause in typing first: no rebuild for every key
            self._filter_timer.stop()
        grouping = self.query_one(LibrarySidebar).grouping
        self._filter_timer = self.set_timer(FILTER_PAUSE, lambda: self._run_sidebar_filter(wanted, event.value,
                                                                                          grouping, False))

    @work(thread=True, exclusive=True, group="sidebar-filter")
    def _run_sidebar_filter(self, wanted: SidebarFilter, text: str, grouping: str, in_place: bool) -> None:
        """Filter the listing and group what is kept, off the UI thread; a newer filter cancels this one (the
        lines to look in are made once per listing)."""
        worker = get_current_worker()
        listing = self.session.listing
        known, lines = self._haystacks
        if known is not listing:
            lines = [haystack(a) for a in listing]
            self._haystacks = (listing, lines)
        marks: tuple[Collection[str], Collection[str]] = ((), ())
        if wanted.state:  # the reader's marks, copied on the UI thread (which changes them)
            marks = self.app.call_from_thread(lambda: (frozenset(self.state.read), frozenset(self.state.bookmarks)))
        kept = filter_articles(listing, lines, wanted, cancelled=lambda: worker.is_cancelled, read=marks[0],
                               bookmarks=marks[1])
        if kept is None or worker.is_cancelled:
            return
        groups = (grouping, grouped(kept, grouping))
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_filtered, text, listing, kept, groups, in_place)

    def _show_filtered(self, text: str, listing: list[Listed], kept: list[Listed], groups: tuple[str, list[Group]],
                       in_place: bool) -> None:
        box = self._filter_box()
        if text != box.value or not box.display:
            return
        sidebar = self.query_one(LibrarySidebar)
        if in_place:
            sidebar.update_listing(sidebar.articles, kept, groups)
        else:
            sidebar.set_filter(kept, groups)
            self._filter_shown = text
            if self._filter_entered == text:  # after the cursor is put on the first match
                self._filter_entered = None
                sidebar.show_cursor_article()
                self.app.key_hold.release()  # type: ignore[attr-defined]  # the keys typed after `enter` act now
        hint = None if kept else filter_hint(parse_filter(text), listing)  # `date:2019-13`, `date:2030`: why none
        self.query_one("#sidebar-filter-status", Static).update(
            Text(f"{len(kept):,} of {count(len(listing), 'article')}" + (f" · {hint}" if hint else ""), style="dim"))

    @on(Input.Submitted, "#sidebar-filter")
    def _sidebar_filter_submitted(self, event: Input.Submitted) -> None:
        """Enter: to the filtered sidebar, the cursor on the first match, shown; keys typed after it go there too."""
        event.stop()
        sidebar = self.query_one(LibrarySidebar)
        self.set_focus(sidebar)
        if self._filter_shown == event.value or parse_filter(event.value).empty:
            sidebar.show_cursor_article()
            press(self.app, self._filter_box().release())
        else:  # typed faster than the filter answers: shown when it does, and the keys typed after `enter` (`j⏎`)
            self._filter_entered = event.value  # wait for it: they are meant for the filtered sidebar
            self.app.key_hold.hold(self._filter_box().release())  # type: ignore[attr-defined]

    @on(FilterBox.Move, "#sidebar-filter")
    def _sidebar_filter_move(self, event: FilterBox.Move) -> None:
        event.stop()
        sidebar = self.query_one(LibrarySidebar)
        if event.step > 0:
            sidebar.action_cursor_down()
        else:
            sidebar.action_cursor_up()

    # --- saved searches ----------------------------------------------------------------------------------

    def _count_saved(self) -> None:
        """Count the saved searches' matches again (the library or the searches changed), in a worker."""
        if not self.state.saved and not self.query_one(LibrarySidebar).saved:
            return
        self._count_saved_searches(list(self.state.saved), self.session.listing, set(self.state.read))

    @work(thread=True, exclusive=True, group="saved")
    def _count_saved_searches(self, saved: list[SavedSearch], listing: list[Listed], read: set[str]) -> None:
        """Each saved search's matches from the index, as groups; a newer count cancels this one."""
        worker = get_current_worker()
        found: dict[str, set[str]] = {}
        for search in saved:
            try:
                found[search.name] = set(self.session.matching_ids(parse_query(search.query)))
            except (QueryError, sqlite3.Error):  # edited by hand into something that cannot run: no matches
                found[search.name] = set()
            if worker.is_cancelled:
                return
        groups = [saved_group(s.name, listing, found[s.name], read) for s in saved]
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_saved, groups)

    def _show_saved(self, groups: list[Group]) -> None:
        self.query_one(LibrarySidebar).set_saved(groups)

    @on(SearchPanel.SaveRequested)
    def _save_search(self, event: SearchPanel.SaveRequested) -> None:
        name = event.query if len(event.query) <= 40 else event.query[:39] + "…"
        self._edit_saved(SavedSearchDialog("Save this search in the sidebar", name, event.query), None)

    def _edit_saved(self, dialog: SavedSearchDialog, replacing: str | None) -> None:
        def done(edit: SavedSearchEdit | None) -> None:
            if edit is None:
                return
            refused = self.state.save_search(edit.name, edit.query, replacing=replacing)
            if refused:
                self.notify(refused, markup=False, severity="warning")
                return
            self._save_state()
            self._count_saved()
            where = "" if self.state.path else " (for this session: --private)"
            self.notify(f"Saved search “{edit.name}” heads the sidebar{where}.", markup=False, timeout=3)

        self.app.push_screen(dialog, done)

    def _saved_under_cursor(self) -> SavedSearch | None:
        sidebar = self.query_one(LibrarySidebar)
        name = sidebar.saved_under_cursor() if sidebar.has_focus else None
        found = self.state.saved_search(name) if name is not None else None
        if found is None:
            self.notify("Put the sidebar's cursor on a saved search first (they head the sidebar; / then ctrl+s "
                        "saves one).", markup=False, timeout=3)
        return found

    def action_edit_saved(self) -> None:
        if (found := self._saved_under_cursor()) is not None:
            self._edit_saved(SavedSearchDialog("Edit the saved search", found.name, found.query), found.name)

    def action_delete_saved(self) -> None:
        """Delete the saved search under the cursor: the key pressed twice (the first press asks)."""
        found = self._saved_under_cursor()
        if found is None:
            return
        now = time.monotonic()
        if self._delete_asked is None or self._delete_asked[0] != found.name or now - self._delete_asked[1] > 5:
            self._delete_asked = (found.name, now)
            self.notify(f"Press d again to delete the saved search “{found.name}”.", markup=False, timeout=3)
            return
        self._delete_asked = None
        self.state.delete_search(found.name)
        self._save_state()
        self._count_saved()
        self.notify(f"Deleted the saved search “{found.name}” ({found.query}).", markup=False, timeout=4)
