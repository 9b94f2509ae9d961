"""The saved-search dialog: a name and a query, to save a search (from the search panel) or edit a saved one
(from its group in the sidebar)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing_tui.core.search.query import QueryError
from briefing_tui.core.search.query import parse as parse_query
from briefing_tui.core.user.state import SAVED_NAME_CHARS
from briefing_tui.tui.widgets.typed_input import TypedInput


@dataclass(frozen=True)
class SavedSearchEdit:
    """What the dialog gives back: the name and the query, checked (the query can be read)."""

    name: str
    query: str


class SavedSearchDialog(ModalScreen[SavedSearchEdit | None]):
    """Ask for a saved search's name (and its query, which can be changed); `enter` keeps it, `escape` not."""

    DEFAULT_CSS = """
    SavedSearchDialog {
        align: center middle;
    }

    #saved-body {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $primary;
        padding: 0 1;
        background: $panel;
    }

    #saved-message {
        color: $error;
    }
    """

    BINDINGS = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, title: str, name: str, query: str) -> None:
        super().__init__()
        self.title_text = title
        self.name_text = name
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-body"):
            yield Static(Text(self.title_text, style="bold"))
            yield Static(Text("Name (the sidebar's group; briefing search --saved NAME)"))
            yield TypedInput(value=self.name_text, max_length=SAVED_NAME_CHARS, id="saved-name", select_on_focus=False)
            yield Static(Text("Query"))
            yield TypedInput(value=self.query_text, id="saved-query", select_on_focus=False)
            yield Static(Text("enter: save · escape: cancel", style="dim"))
            yield Static(Text(""), id="saved-message")

    def on_mount(self) -> None:
        name = self.query_one("#saved-name", Input)
        name.focus()
        name.select_all()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = self.query_one("#saved-name", Input).value.strip()
        query = self.query_one("#saved-query", Input).value.strip()
        message = self.query_one("#saved-message", Static)
        if not name or not query:
            message.update(Text("Give the search a name and a query."))
            return
        try:
            parse_query(query)
        except QueryError as exc:
            message.update(Text(str(exc)))
            return
        self.dismiss(SavedSearchEdit(name, query))
