"""The export dialog: where to write quotes as Markdown; a file is never replaced without asking.

The file is written by `core/user/export.py` (a new regular file, 0600, never through a link, never to a
FIFO or a device), in a thread. The quote finder (`e`) and the quote board (`e`) use it; neither offers it
in private mode.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from briefing_tui.core.reading import sanitize
from briefing_tui.core.serialize import count
from briefing_tui.core.user.export import ExportRefused, write_new_file
from briefing_tui.tui.handoff import hand_to
from briefing_tui.tui.widgets.typed_input import TypedInput


class ExportScreen(ModalScreen[None]):
    """Asks where to write the export; never replaces a file without asking."""

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
    }

    #export-body {
        width: 70;
        max-width: 100%;  /* at 60 or 40 columns the dialog was wider than the screen, its buttons off it */
        height: auto;
        border: round $primary;
        padding: 1 2;
        background: $panel;
    }

    #export-message {
        &.-error { color: $text-error; text-style: bold; }
        &.-warning { color: $text-warning; text-style: bold; }
    }

    #export-buttons {
        height: auto;
        align-horizontal: right;
    }
    """

    BINDINGS = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, text: str, count: int, default: str = "briefing-quotes.md") -> None:
        super().__init__()
        self.text = text
        self.count = count
        self.default = default
        """The file name offered (in the current folder)."""
        self._confirm: Path | None = None
        self._writing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body"):
            yield Static(Text(f"Export {count(self.count, 'quote')} as Markdown to:"))
            yield TypedInput(value=self.default, id="export-path")
            yield Static(Text(f"A name alone is saved in {sanitize.escape_name(os.getcwd())}", style="dim"),
                         id="export-where")  # the folder it was started in: say which
            yield Static(Text(""), id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Export", id="export-ok", variant="primary")
                yield Button("Cancel", id="export-cancel")

    @on(Input.Changed, "#export-path")
    def _edited(self) -> None:
        self._confirm = None
        self.query_one("#export-ok", Button).label = "Export"
        self._say(Text(""))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        if self._writing:  # one file at a time
            return
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._say(Text("Give a file name."), "-error")
            return
        path = Path(raw).expanduser()
        self._writing = True
        self._say(Text(f"Writing {sanitize.escape_name(raw)}…"))
        self._write(path, raw, overwrite=self._confirm == path)

    @work(thread=True, group="quote-export-write")
    def _write(self, path: Path, raw: str, overwrite: bool) -> None:
        """Write in a thread: a slow disk or a large export never freezes the reader."""
        error: Exception | None = None
        try:
            write_new_file(path, self.text, overwrite=overwrite)
        except (OSError, ExportRefused) as exc:
            error = exc
        hand_to(self.app, partial(self._written, path, raw, error))  # the app: the dialog may be closed by now

    def _written(self, path: Path, raw: str, error: Exception | None) -> None:
        self._writing = False
        shown = self.app.screen is self  # else the dialog was closed while the file was written
        if error is None:
            self.notify(f"Exported {count(self.count, 'quote')} to {sanitize.escape_name(os.path.abspath(path))}",
                        markup=False)
            if shown:
                self.dismiss(None)
            return
        if isinstance(error, ExportRefused):
            self.notify(f"Not exported: {error}", markup=False, severity="error")
            line, kind = Text(f"{error}. Choose another name."), "-error"
        elif isinstance(error, FileExistsError):
            self._confirm = path
            self.query_one("#export-ok", Button).label = "Overwrite"
            line, kind = Text(f"{sanitize.escape_name(raw)} exists. Press enter or Overwrite again to replace it."), \
                "-warning"
        else:
            why = sanitize.clean_line(str(getattr(error, "strerror", None) or error))
            line, kind = Text(f"Cannot write {sanitize.escape_name(raw)}: {why}"), "-error"
            if not shown:
                self.notify(line.plain, markup=False, severity="error")
        if shown:
            self._say(line, kind)

    def _say(self, line: Text, kind: str = "") -> None:
        """The line under the file name, in the theme's error (`-error`) or warning (`-warning`) colour."""
        message = self.query_one("#export-message", Static)
        message.update(line)
        message.set_class(kind == "-error", "-error")
        message.set_class(kind == "-warning", "-warning")

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
