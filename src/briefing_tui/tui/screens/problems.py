"""The problems screen: files that could not be loaded, and notes on articles that did."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from briefing_tui.core.model import Problem


class ProblemsScreen(ModalScreen[None]):
    """A table of problems: file and reason."""

    DEFAULT_CSS = """
    ProblemsScreen {
        align: center middle;
    }

    #problems-body {
        width: 90%;
        height: 80%;
        border: round $warning;
        padding: 0 1;
        background: $panel;
    }

    #problems-table {
        height: 1fr;
    }

    #problems-detail {
        height: auto;
        max-height: 6;
        border-top: solid $warning;
    }
    """

    BINDINGS = [Binding("escape,q,p", "dismiss", "Close")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-body"):
            count = len(self.problems)
            title = f"{count} problem{'s' if count != 1 else ''}" if count else "No problems: every file loaded."
            yield Static(Text(title, style="bold"), id="problems-title")
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="problems-table")
            table.add_columns("File", "Problem")
            for p in self.problems:
                table.add_row(Text(p.id), Text(p.reason))
            yield table
            yield Static(Text(""), id="problems-detail")  # the highlighted row whole: the table cuts a long one
            yield Static(Text("up/down move · escape closes", style="dim"))  # no arrows: a console font lacks them

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted problem in full, wrapped under the table (`File: reason`)."""
        if 0 <= event.cursor_row < len(self.problems):
            p = self.problems[event.cursor_row]
            detail = Text(p.id, style="bold")
            detail.append(f": {p.reason}")
            self.query_one("#problems-detail", Static).update(detail)
