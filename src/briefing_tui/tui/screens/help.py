"""The help screen: the reader's keys, from the keymap, the query language, from core.help_text, then the
other screens' keys."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.core.user.help_text import QUERY, Section
from briefing_tui.tui.glyphs import DOWN, pick
from briefing_tui.tui.keymap import SCOPES, help_sections


class HelpScreen(ModalScreen[None]):
    """Lists every key of the reader and the query language of its search and quote finder."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    #help-body {
        width: 80;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        padding: 1 2;
        background: $panel;
    }

    #help-body .help-heading {
        margin-top: 1;
    }
    """

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close"),
                Binding("j", "scroll('down')", "Down", show=False), Binding("k", "scroll('up')", "Up", show=False)]

    def action_scroll(self, where: str) -> None:
        """j / k scroll the help, as the arrow keys do (as they move everywhere else in the reader)."""
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_down() if where == "down" else body.scroll_up()

    def __init__(self, first: str | None = None) -> None:
        super().__init__()
        self.first = SCOPES[first][0] if first in SCOPES else None
        """The heading of the keys shown first: those of the screen or panel `?` was pressed in."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("briefing — help", style="bold"), id="help-title")
            down = pick(DOWN, getattr(getattr(self.app, "settings", None), "ascii", False))
            rest = "the reader's keys, the query language" if self.first else "the query language"
            yield Static(Text(f"escape closes; {down} / end: {rest}, the other screens' keys", style="dim"),
                         classes="help-hint")
            reader, *screens = help_sections()
            here = [s for s in screens if s.heading == self.first]
            for section in (*here, reader, *QUERY, *(s for s in screens if s.heading != self.first)):
                yield from section_widgets(section)


def section_widgets(section: Section) -> ComposeResult:
    """A help section as widgets: its heading, a table of its rows, its notes. All of it is Text, never
    markup: forms such as `[`, `section:"…"` or `(a OR b)` are shown as written."""
    yield Static(Text(section.heading, style="bold"), classes="help-heading")
    if section.rows:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for form, meaning in section.rows:
            table.add_row(Text(form), Text(meaning))
        yield Static(table)
    for note in section.notes:
        yield Static(Text(note), classes="help-note")
