"""The quote board: the quotes collected for a meeting, reordered, copied, exported, shown in the spotlight.

The board is the reader state's (`core/user/board.py`): every change is saved at once (nothing is written
in private mode), so it survives a restart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.core.serialize import count, quoted
from briefing_tui.core.user.board import BoardQuote, board_pairs
from briefing_tui.core.user.export import quotes_markdown
from briefing_tui.core.user.state import ReaderState
from briefing_tui.tui.keymap import SHORT, bindings
from briefing_tui.tui.screens.export import ExportScreen
from briefing_tui.tui.screens.spotlight import Spotlight
from briefing_tui.tui.widgets.citation_panel import CitationPanel
from briefing_tui.tui.widgets.key_footer import KeyFooter

LIST_CHARS = 400
"""Characters of a quote shown in the board's list (the spotlight and a copy show it whole)."""
EMPTY = ("The board is empty. In an article, ] puts the cursor on a quote (or n on a search hit) and a adds "
         "it; in the quote finder (\"), a adds the highlighted quote (ctrl+t from the filter box).")


@dataclass(frozen=True)
class QuoteChoice:
    """What the quote finder and the board return: the article and which of its quotes to show (`text`,
    when known, finds the quote again in an article that changed since)."""

    article_id: str
    quote_index: int
    text: str | None = None


class BoardList(OptionList):
    """The board's quotes: `j` / `k` move as in the sidebar and the finder's list (besides the arrows)."""

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False), Binding("k", "cursor_up", "Up", show=False)]


def add_to_board(screen: Widget, state: ReaderState, item: BoardQuote, save: Callable[[], None],
                 say: Callable[[str], None] | None = None) -> bool:
    """Add `item` to the board and save; say so (or why not) with `say`, else in a notification. True when
    added."""
    refused = state.board.add(item)
    note = refused or f"Added to the quote board ({len(state.board)}) · A shows it"
    if say is not None:
        say(note)
    else:
        screen.notify(note, markup=False, timeout=3)
    if refused:
        return False
    save()
    return True


def board_prompt(n: int, item: BoardQuote) -> Group:
    """A board row: number, speaker, date and title, then the quote under them (its start, for a long one), whole
    when the writer broke into it, as it is cited."""
    head = Text(f"{n}. ", style="bold", no_wrap=True, overflow="ellipsis")
    head.append(item.speaker or "unattributed", style="bold" if item.speaker else "italic")
    date = item.date.isoformat() if item.date else "undated"
    head.append(f" · {date} · {item.title}", style="dim")
    words = quoted(item.whole or item.text)  # what its citation gives, spotlit and exported
    quote = words if len(words) <= LIST_CHARS else words[:LIST_CHARS].rstrip() + "…"
    return Group(head, Padding(Text(f"“{quote}”", style="italic"), (0, 0, 0, len(str(n)) + 2)))


class QuoteBoardScreen(Screen[QuoteChoice | None]):
    """The board's quotes in order; dismissed with the quote to open, or None."""

    help_scope = "board"
    """The keys `?` shows first (`keymap.SCOPES`)."""

    DEFAULT_CSS = """
    QuoteBoardScreen {
        background: $background;
    }

    #board-body {
        height: 1fr;
        padding: 0 1;
    }

    #board-list {
        height: 1fr;
        scrollbar-gutter: stable;
    }

    #board-empty {
        padding: 1 2;
        color: $text-muted;
    }
    """
    BINDINGS = bindings("board")

    def __init__(self, state: ReaderState, save: Callable[[], None], private: bool) -> None:
        super().__init__()
        self.state = state
        self.save = save
        self.private = private
        self._removed: tuple[int, BoardQuote] | None = None

    @property
    def board(self) -> list[BoardQuote]:
        return self.state.board.quotes

    def compose(self) -> ComposeResult:
        with Vertical(id="board-body"):
            yield Static(Text(""), id="board-title")
            yield CitationPanel(id="board-citation")
            yield Static(Text(EMPTY), id="board-empty")
            yield BoardList(id="board-list")
        yield KeyFooter(SHORT)

    def on_mount(self) -> None:
        # The reader's notes (`Added to the quote board · A shows it`, a citation copied) would lie over the
        # board's quotes for seconds, saying what the board now shows.
        self.app.clear_notifications()
        self._show(0)
        self.query_one(OptionList).focus()

    def _show(self, highlight: int | None) -> None:
        """List the board again, the highlight on quote `highlight`."""
        title = Text("Quote board", style="bold")
        title.append(f" · {count(len(self.board), 'quote')}" if self.board else "", style="bold")
        title.append("   enter open · c copy one" + (" · u undo the removal" if self._removed else ""), style="dim")
        self.query_one("#board-title", Static).update(title)
        self.query_one("#board-empty").display = not self.board
        options = self.query_one(OptionList)
        options.display = bool(self.board)
        options.clear_options()
        prompts: list[Option | None] = []
        for n, item in enumerate(self.board):
            if n:
                prompts.append(None)
            prompts.append(Option(board_prompt(n + 1, item), id=f"quote-{n}"))
        options.add_options(prompts)
        if self.board and highlight is not None:
            options.highlighted = options.get_option_index(f"quote-{max(0, min(highlight, len(self.board) - 1))}")

    @property
    def position(self) -> int | None:
        """Where the highlighted quote is on the board."""
        option = self.query_one(OptionList).highlighted_option
        return int(option.id.rsplit("-", 1)[1]) if option is not None and option.id else None

    # --- actions -----------------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#board-list")
    def _open(self) -> None:
        if (n := self.position) is not None:
            item = self.board[n]
            self.dismiss(QuoteChoice(item.article_id, item.index, item.text))

    def action_move_quote(self, step: int) -> None:
        if (n := self.position) is None:
            return
        target = self.state.board.move(n, step)
        if target != n:
            self.save()
            self.query_one(CitationPanel).put_away()  # the citations copied were in the board's old order
        self._show(target)

    def action_remove(self) -> None:
        if (n := self.position) is None:
            return
        self._removed = (n, self.state.board.remove(n))
        self.save()
        self.query_one(CitationPanel).put_away()  # what was copied held the quote taken off
        self._show(n)
        self.notify("Taken off the board · u puts it back", markup=False, timeout=3)

    def action_undo(self) -> None:
        if self._removed is None:
            return
        n, item = self._removed
        self._removed = None
        self.state.board.insert(n, item)
        self.save()
        self._show(n)
        self.app.clear_notifications()  # `Taken off the board · u puts it back` no longer holds
        self.notify("Put back on the board", markup=False, timeout=3)

    def action_copy(self) -> None:
        if (n := self.position) is None:
            return
        citation = self.board[n].citation
        self.app.copy_to_clipboard(citation)
        self.query_one(CitationPanel).show_copied(citation)

    def action_copy_all(self) -> None:
        if not self.board:
            return
        self.app.copy_to_clipboard(self.state.board.citations())
        self.query_one(CitationPanel).show_copied(self.state.board.citations(), count(len(self.board), "citation"))

    def action_export(self) -> None:
        if self.private:
            self.notify("Export is off in private mode: nothing is written.", markup=False, severity="warning")
            return
        if not self.board:
            self.notify("The board is empty: nothing to export.", markup=False)
            return
        text = quotes_markdown(board_pairs(self.board))
        self.app.push_screen(ExportScreen(text, len(self.board), default="briefing-board.md"))

    def action_spotlight(self) -> None:
        if (n := self.position) is not None:
            self.app.push_screen(Spotlight(self.board, n), self._show)

    def action_close(self) -> None:
        self.dismiss(None)
