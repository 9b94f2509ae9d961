"""The quote finder: every quote in the library, filtered as you type, opened, copied, added to the board or
exported.

Typing goes to the filter box; `enter` there opens the best match (the highlighted quote), `up`/`down` move
the highlight, and the finder's own keys work from the box as ctrl keys (letters are typed). `tab` moves to
the list, where the letter keys work. The hint line and the footer show only the keys that work where the
focus is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.widgets import Input, Static

from briefing_tui.core.search.index import QuoteHit
from briefing_tui.core.search.query import REFUSED, Query, QueryError, suggestion_basis, typed_query
from briefing_tui.core.serialize import count, quote_citation
from briefing_tui.core.user.board import BoardQuote
from briefing_tui.core.user.export import quotes_markdown
from briefing_tui.core.user.state import ReaderState
from briefing_tui.tui.glyphs import UP_DOWN, pick
from briefing_tui.tui.handoff import Then, hand_to, run_then
from briefing_tui.tui.key_hold import Keys, press
from briefing_tui.tui.keymap import SHORT, bindings
from briefing_tui.tui.screens.board import QuoteBoardScreen, QuoteChoice, add_to_board
from briefing_tui.tui.screens.export import ExportScreen
from briefing_tui.tui.screens.saved_search import SavedSearchDialog, SavedSearchEdit
from briefing_tui.tui.screens.spotlight import Spotlight
from briefing_tui.tui.widgets.citation_panel import CitationPanel
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.key_footer import KeyFooter
from briefing_tui.tui.widgets.quote_list import PAGE, QuoteList

__all__ = ["ExportScreen", "QuoteChoice", "QuoteFinder", "QuoteSource"]

BOX_HINT = "enter open · {} move · ctrl+y copy · ctrl+t add to board · tab list · esc back"
"""The keys of the filter box ({}: the arrows, as `glyphs.UP_DOWN` draws them)."""
LIST_HINT = "enter open · c copy · a add · s spotlight · e export · tab filter · esc back"
LIST_ACTIONS = frozenset({"copy", "add", "spotlight", "export", "board"})
"""Actions with a letter key in the list and a ctrl key in the box (`copy('box')`): each works only there."""


class QuoteSource(Protocol):
    """Where the finder gets quotes: the reader, from its index."""

    def find_quotes(self, query: Query | None, limit: int | None) -> tuple[int, list[QuoteHit]]: ...

    def quote_ids(self, query: Query | None) -> Sequence[int]: ...

    def quote_hits(self, ids: Sequence[int]) -> list[QuoteHit | None]: ...

    def quote_hint(self, query: Query, typing: bool = False) -> str | None: ...

    def suggestion(self, query: Query, total: int, quotes: bool = False) -> str | None: ...


class QuoteFinder(Screen[QuoteChoice | None]):
    """All quotes: text, speaker, date, article. Type to filter with the search language."""

    help_scope = "finder"
    """The keys `?` shows first (`keymap.SCOPES`)."""

    DEFAULT_CSS = """
    QuoteFinder {
        background: $background;
    }

    #finder-status.-error {
        color: $text-error;
    }

    #finder-body {
        height: 1fr;
        padding: 0 1;
    }

    #finder-list {
        height: 1fr;
        scrollbar-gutter: stable;
    }
    """

    BINDINGS = bindings("finder")

    def __init__(self, source: QuoteSource, state: ReaderState, save: Callable[[], None], private: bool,
                 changed: Signal[None] | None = None, initial: str = "",
                 hand_over: Callable[[Keys], None] | None = None) -> None:
        super().__init__()
        self.source = source
        self.state = state
        self.save = save
        """Saves the reader state (the board, the history) and says so when it cannot."""
        self.private = private
        self.initial = initial
        """The filter the finder opens with: the last one, so that escape and `\"` come back to it."""
        self.hand_over = hand_over
        """Takes the keys typed after `enter` when a quote opens (the reader holds them until it is shown)."""
        self._chosen = False
        """A quote was chosen and the finder is going: what is still on its way to it acts on nothing."""
        self._library_signal = changed
        """Published when the library changes (the finder then lists what it now holds)."""
        self.filter_query: Query | None = None
        self._typing: str | None = None  # the unfinished last word, matched as a prefix
        self._timer: Timer | None = None
        self._waiting = False
        """True while typing has paused less than the debounce: the filter in the box has not been asked for."""
        self._last_text = initial
        """What the filter box held when last looked at."""
        self._when_answered: list[Callable[[], None]] = []
        """Keys pressed in the box before the answer to what was typed (`enter`, `ctrl+y`, `ctrl+t`): they act
        on the best match when the answer comes, not on the list an older filter left."""
        self._hint: str | None = None
        self._note: str | None = None
        """What the last key did, said in the status line instead of the keys (`Added to the quote board (2)`): a
        notification would lie over the list's right half. Until the status line is next written (the focus
        moves, the next filter is answered)."""
        self._asked = ""
        """The filter last asked for."""
        self._answered_text: str | None = None
        """The filter whose quotes are listed."""
        self._error: str | None = None
        """The sentence on screen for a filter that cannot be read (the last quotes stay listed)."""
        self._generation = 0
        self.answered = -1
        """The generation of the filter whose answer (quotes or an error) is on screen: equal to
        `settled_at` once the last thing typed is shown."""

    def compose(self) -> ComposeResult:
        with Vertical(id="finder-body"):
            yield Static(Text("Quote finder", style="bold"), id="finder-title")
            box = FilterBox(self.state.history.setdefault("quotes", []), self.initial, id="finder-input",
                            placeholder="Filter: words, speaker:rutte, section:, date:2025-06, \"phrase\"")
            box.tab_waits = self._tab_waits  # from the start: a `tab` typed straight after `"` may come first
            yield box
            yield Static(Text(""), id="finder-status")
            yield CitationPanel(id="finder-citation", focusable_when_cut=False)
            yield QuoteList(self.source.quote_hits, id="finder-list")
        yield KeyFooter(SHORT)

    def on_mount(self) -> None:
        if self._library_signal is not None:
            self._library_signal.subscribe(self, lambda _: self.library_changed())
        self.query_one("#finder-status", Static).update(Text("Finding quotes…"))
        self._filter(self.initial, self._generation)
        box = self.query_one(FilterBox)
        if self.focused is None:  # at once: the keys typed straight after `"` must reach the box
            self.set_focus(box)
        if box.value == self.initial:
            box.select_all()  # the last filter, to be replaced by what is typed

    def on_key(self, event: events.Key) -> None:
        """Keys typed straight after `"` can reach the finder before its box has the focus: they go to the box
        (letters typed, `enter`, `up`/`down` and the box's ctrl keys acting there)."""
        if self.focused is not None:
            return
        box = self.query_one(FilterBox)
        self.set_focus(box)
        if box.value == self.initial:
            box.select_all()
        acts: dict[str, Callable[[], object]] = {
            "enter": self._submitted, "up": lambda: box.action_step(-1), "down": lambda: box.action_step(1),
            "ctrl+y": lambda: self.action_copy("box"), "ctrl+t": lambda: self.action_add("box"),
            "escape": self.action_close}
        if event.is_printable and event.character:
            box.type_text(event.character)
        elif event.key == "tab":
            box.press_tab()
        elif event.key in acts:
            acts[event.key]()
        else:
            return
        event.prevent_default()
        event.stop()

    @property
    def filter_text(self) -> str:
        """What is in the filter box (what it held last, once the finder has closed and its box is gone)."""
        found = self.query(FilterBox)
        if found:
            self._last_text = found.first().value
        return self._last_text

    @property
    def in_box(self) -> bool:
        """True when the focus is in the filter box (or nowhere yet: the box is about to have it)."""
        return self.focused is None or isinstance(self.focused, Input)

    def action_save_filter(self) -> None:
        """Keep the filter as a saved search (a dialog asks for its name): the reader lists its articles."""
        text = self.filter_text.strip()
        if not text:
            self.app.bell()
            return

        def done(edit: SavedSearchEdit | None) -> None:
            if edit is None:
                return
            refused = self.state.save_search(edit.name, edit.query)
            if refused:
                self.notify(refused, markup=False, severity="warning")
                return
            self.save()
            self.notify(f"Saved search “{edit.name}”: its articles head the sidebar.", markup=False, timeout=3)

        name = text if len(text) <= 40 else text[:39] + "…"
        self.app.push_screen(SavedSearchDialog("Save this filter's articles in the sidebar", name, text), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's letter keys work (and show) only in the list, their ctrl twins only in the box."""
        if action in LIST_ACTIONS:
            return (parameters[:1] == ("box",)) == self.in_box
        return True

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_status()
        self.refresh_bindings()

    # --- filtering ---------------------------------------------------------------------------------------

    @on(Input.Changed, "#finder-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.query_one(FilterBox).suggestion = None  # it was for what the box held before
        self.query_one(CitationPanel).put_away()  # a citation copied from the last filter's list, not this one's
        self._generation += 1
        self._waiting = True
        self._timer = self.set_timer(0.15, lambda: self._filter(event.value, self._generation))

    def _filter(self, text: str, generation: int, keep: bool = False) -> None:
        self._waiting = False
        self._asked = text
        query = None
        self._typing = None
        if text.strip():
            try:
                query, self._typing = typed_query(text)  # the last word counts as a prefix; a phrase or
                # brackets still open at the end are closed (`speaker:"le p`)
            except QueryError as exc:
                self._show_error(str(exc))
                return
        self._run_filter(query, generation, keep, self._typing, text)

    def library_changed(self) -> None:
        """Files changed while the finder is open: run the same filter again, keeping the cursor's quote."""
        self._generation += 1
        self._filter(self.filter_text, self._generation, keep=True)

    @work(thread=True, exclusive=True, group="quote-filter")
    def _run_filter(self, query: Query | None, generation: int, keep: bool = False, typing: str | None = None,
                    text: str = "") -> None:
        """Ask the index for every match's id (SQL full-text search), and the first rows; a newer filter
        drops this one's answer. When nothing matches, ask why (a few more reads) for the hint."""
        try:
            ids = self.source.quote_ids(query)
            first = self.source.quote_hits(ids[:PAGE])
            hint = self.source.quote_hint(query, typing is not None) if query is not None and not ids else None
            better = self.source.suggestion(suggestion_basis(text, query, typing), len(ids), quotes=True) \
                if query is not None else None
        except sqlite3.Error:  # a query the parser let through and SQLite cannot run: say so, keep the finder
            if generation == self._generation:
                hand_to(self, partial(self._show_error, REFUSED, generation))
            return
        if better is not None and typing is not None:  # the `*` that made the last word a prefix is ours
            better = better.removesuffix("*")
        if generation == self._generation:
            hand_to(self, partial(self._show, query, ids, first, keep, generation, hint, better))

    @property
    def settled_at(self) -> int:
        """The generation of the last filter asked for (each edit of the box asks for one)."""
        return self._generation

    def _show_error(self, message: str, generation: int | None = None) -> None:
        if self._chosen or (generation is not None and generation != self._generation):  # typed since: a newer
            return  # answer is coming
        self.answered = self._generation
        self._when_answered.clear()
        self._give_back()
        self.query_one(FilterBox).suggestion = None
        self._error = message
        self.query_one("#finder-status", Static).update(Text(message, style="bold"))
        self.query_one("#finder-status").add_class("-error")

    def _show(self, query: Query | None, ids: Sequence[int], first: list[QuoteHit | None], keep: bool = False,
              generation: int = 0, hint: str | None = None, better: str | None = None) -> None:
        if generation != self._generation or self._chosen:  # typed since it was asked: a newer answer is coming
            return
        self.answered = generation
        self._answered_text = self._asked
        self.filter_query = query
        self._hint = hint
        self._note = None
        self.query_one(FilterBox).suggestion = better
        self._error = None
        self.query_one(QuoteList).load(ids, first, keep=keep, terms=query.terms if query is not None else ())
        self._show_status()
        waiting, self._when_answered = self._when_answered, []
        for act in waiting:
            act()
        if waiting and self.is_attached and self.app.screen is self:  # still here (a copy, an add): type on
            self._give_back()

    def _show_status(self) -> None:
        """The count, what the last word is matched as, and the keys that work where the focus is; when
        nothing matches, why (the hint) instead of the keys."""
        if self.answered < 0 or self._error is not None:  # nothing listed yet, or the error must stay in sight
            return
        status = Text(count(self.total, "quote"))
        if self._typing:
            status.append(f" · words starting “{self._typing}”")
        better = self.query_one(FilterBox).suggestion
        if better:
            status.append(" · did you mean “", style="bold")
            status.append(better, style="bold")
            status.append("”? tab", style="bold")
        if not self.total and self._hint:
            status.append(f" · {self._hint}", style="bold")
        elif self._note:
            status.append(f" · {self._note}", style="bold")
            self._note = None  # said once: the next status (a move of the focus, a filter) lists the keys again
        else:
            arrows = pick(UP_DOWN, getattr(getattr(self.app, "settings", None), "ascii", False))
            keys = (BOX_HINT.format(arrows) if self.in_box else LIST_HINT).split(" · ")
            width = self.query_one("#finder-status").size.width
            while len(keys) > 2 and width and len(" · ".join(keys)) > width - status.cell_len - 3:
                del keys[-2]  # the line stays one line (at 80 columns it wrapped `tab` / ` list · esc back`): the
                # keys before `esc back` give way, last first; `?` lists them all
            status.append("   " + " · ".join(keys), style="dim")
        self.query_one("#finder-status", Static).update(status)
        self.query_one("#finder-status").remove_class("-error")

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
    def _submitted(self) -> None:
        """`enter` in the box opens the best match: at once when what was typed is answered, else when it is."""
        self._once_answered(self._open_current)

    def _once_answered(self, act: Callable[[], None]) -> None:
        """Run `act` now if what is in the box is answered on screen; else as soon as it is (and with a filter
        that cannot be read, not at all: the quotes listed are an older filter's)."""
        if self._chosen:
            return
        if not self._waiting and self.answered == self._generation:
            if self._error is not None:
                self.app.bell()
                self._give_back()
                return
            if self._answered_text == self.filter_text:
                act()
                return
        self._when_answered.append(act)
        self.query_one(FilterBox).hold()  # what is typed next is for the quote acted on, not for this filter
        if self._waiting or self._asked != self.filter_text:  # no need to wait for a pause: the user is done
            if self._timer is not None:
                self._timer.stop()
            self._generation += 1
            self._filter(self.filter_text, self._generation)

    def _tab_waits(self) -> bool:
        """`tab` before the answer to what was typed (`"speaker:khan⇥a` in one go): `tab`, and the `a` meant for
        the list it moves to, wait for the answer (a filter that cannot be read lets `tab` act at once)."""
        if self._chosen or (not self._waiting and self.answered == self._generation
                            and (self._error is not None or self._answered_text == self.filter_text)):
            return False
        self._once_answered(lambda: None)  # holds the box's keys; they are given back once the answer shows
        return True

    @on(FilterBox.Move, "#finder-input")
    def _move(self, event: FilterBox.Move) -> None:
        self.query_one(QuoteList).action_move(event.step)

    def _open_current(self) -> None:
        if (hit := self._current()) is not None:
            self._open(QuoteList.Chosen(hit))
        else:
            self.app.bell()
            self._give_back()

    @on(Then)
    def _then(self, message: Then) -> None:
        run_then(message)

    @on(QuoteList.Chosen)
    def _open(self, event: QuoteList.Chosen) -> None:
        if self._chosen:
            return  # a second choice on its way as the finder closed
        self._chosen = True
        self._remember()
        box = self.query_one(FilterBox)
        keys = box.release()
        if self.hand_over is not None:  # before the finder goes, so that no key falls between
            self.hand_over(keys)
            box.forward = partial(press, self.app)  # and keys already on their way to the box follow them, in order
        # The finder goes once the box has taken the keys on their way to it (a fast typist's `/…⏎` after the
        # `enter` that chose): removing a screen whose box still has keys to handle never completes.
        choice = QuoteChoice(event.hit.article.id, event.hit.index, event.hit.quote.text)
        box.call_later(lambda: self.dismiss(choice) and None)  # not awaited by the box: it is being removed too

    def _give_back(self) -> None:
        """The keys held while waiting for an answer, typed now as they were meant: in the box."""
        press(self.app, self.query_one(FilterBox).release())

    def _current(self) -> QuoteHit | None:
        return self.query_one(QuoteList).current

    def _remember(self) -> None:
        """Keep the filter in the history (one that could not be read is not kept)."""
        if self.answered == self._generation and self._error is None \
                and self.state.remember("quotes", self.filter_text):
            self.save()

    def action_copy(self, where: str = "list") -> None:
        if where == "box":
            self._once_answered(self.action_copy)
            return
        item = self._current()
        if item is None:
            self.app.bell()
            return
        citation = quote_citation(item.quote, item.article)
        self.app.copy_to_clipboard(citation)
        self.query_one(CitationPanel).show_copied(citation)  # for terminals that block clipboard escape codes

    def action_add(self, where: str = "list") -> None:
        if where == "box":
            self._once_answered(self.action_add)
            return
        item = self._current()
        if item is None:
            self.app.bell()
            return
        add_to_board(self, self.state, BoardQuote.of(item.quote, item.article, item.index), self.save, self._say)

    def _say(self, note: str) -> None:
        """Say what a key did in the status line (`_note`)."""
        self._note = note
        self._show_status()

    def action_board(self) -> None:
        """The quote board, over the finder (`A`, as in the reader: the note of an added quote says so)."""
        self.app.push_screen(QuoteBoardScreen(self.state, self.save, self.private), self._board_chosen)

    def _board_chosen(self, choice: QuoteChoice | None) -> None:
        """A quote opened from the board: the finder closes with it, and the reader opens it."""
        if choice is None or self._chosen:
            return
        self._chosen = True
        self._remember()
        box = self.query_one(FilterBox)
        keys = box.release()
        if self.hand_over is not None:
            self.hand_over(keys)
            box.forward = partial(press, self.app)
        box.call_later(lambda: self.dismiss(choice) and None)  # as `_open` does: once the board has gone

    def action_spotlight(self, where: str = "list") -> None:
        item = self._current()
        if item is None:
            self.app.bell()
            return
        self.app.push_screen(Spotlight.around(BoardQuote.of(item.quote, item.article, item.index), self.state.board))

    def action_export(self, where: str = "list") -> None:
        if self.private:
            self.notify("Export is off in private mode: nothing is written.", markup=False, severity="warning")
            return
        if not self.total:
            self.notify("No quotes to export.", markup=False)
            return
        self.notify(f"Preparing {count(self.total, 'quote')}…", markup=False, timeout=2)
        self._prepare_export(self.filter_query, self.filter_text)

    @work(thread=True, exclusive=True, group="quote-export")
    def _prepare_export(self, query: Query | None, heading: str) -> None:
        """Every matching quote, not only those on screen (in a thread: there may be 300,000)."""
        try:
            _, hits = self.source.find_quotes(query, None)
        except sqlite3.Error:
            hand_to(self, partial(self.notify, REFUSED, markup=False, severity="error"))
            return
        text = quotes_markdown([(h.quote, h.article) for h in hits], heading)
        hand_to(self, partial(self.app.push_screen, ExportScreen(text, len(hits))))

    def action_close(self) -> None:
        self._remember()
        self.dismiss(None)
