"""The citation panel: what was just copied, shown where it can be selected by hand.

Some terminals (and tmux without `set-clipboard on`) block the escape code that writes the clipboard, so a
copy is shown too. It sits at the top of its screen or pane, under the filter or the reader's status line, so a
notification (bottom right) never covers it; its screen puts it away once what it was copied from is no longer
looked at (another quote, a board reordered).
"""

from __future__ import annotations

from textual.widgets import TextArea


class CitationPanel(TextArea, can_focus=False):
    """A read-only panel holding the text last copied; hidden until something is. It takes no focus, so
    `tab` goes from a filter straight to its list; the mouse (or the terminal's own selection) selects in it. It
    has no side borders, so that a terminal's selection of its lines takes the text and no box characters."""

    DEFAULT_CSS = """
    CitationPanel {
        height: auto;
        max-height: 60%;  /* the whole citation in view, its date too, at 80×24; the list or article keeps the rest */
        display: none;
        border: none;
        border-top: round $success;
        border-bottom: round $success;
        border-title-color: $success;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", read_only=True, show_line_numbers=False, soft_wrap=True, id=id)
        self.of: object = None
        """What the text shown was copied from (a quote's place), for its screen to put it away once that is no
        longer what is looked at."""

    def show_copied(self, text: str, what: str = "Citation", of: object = None) -> None:
        """Show `text`, titled as copied (the text is never markup: a TextArea shows it as it is)."""
        self.of = of
        self.load_text(text)
        self.border_title = f"{what} copied · select it here if the clipboard is closed"
        self.display = True

    def put_away(self) -> None:
        """Hide it: what it shows no longer belongs to the list on screen (a new filter)."""
        self.display = False
