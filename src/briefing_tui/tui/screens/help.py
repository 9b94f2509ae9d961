"""The help screen: every key, from the keymap."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.tui.keymap import KEYS


class HelpScreen(ModalScreen[None]):
    """Lists every key of the reader."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, _action, _desc, help_text, _shown in KEYS:
            table.add_row(Text(key.replace(",", " / ")), Text(help_text))
        with VerticalScroll(id="help-body"):
            yield Static(Text("briefing — keys", style="bold"), id="help-title")
            yield Static(table)
            yield Static(Text("escape closes this help", style="dim"))
