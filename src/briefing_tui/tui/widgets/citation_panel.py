"""The citation panel: what was just copied, shown where it can be selected by hand.

Some terminals (and tmux without `set-clipboard on`) block the escape code that writes the clipboard, so a
copy is shown too. It sits at the top of its screen or pane, under the filter or the reader's status line, so a
notification (bottom right) never covers it; its screen puts it away once what it was copied from is no longer
looked at (another quote, a board reordered).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea


class CitationPanel(TextArea, can_focus=False):
    """A read-only panel holding the text last copied; hidden until something is. It takes no focus, so
    `tab` goes from a filter straight to its list; the mouse (or the terminal's own selection) selects in it. It
    has no side borders, so that a terminal's selection of its lines takes the text and no box characters."""

    DEFAULT_CSS = """
    CitationPanel, CitationPanel:focus {
        height: auto;
        max-height: 60%;  /* the whole citation in view, its date too, at 80×24; the list or article keeps the rest */
        display: none;
        border: none;
        border-top: round $success;
        border-bottom: round $success;
        border-title-color: $success;
    }
    """
    BINDINGS = [Binding("escape", "leave", "Put it away", show=False)]

    def __init__(self, *, id: str | None = None, focusable_when_cut: bool = True) -> None:
        super().__init__("", read_only=True, show_line_numbers=False, soft_wrap=True, id=id)
        self.focusable_when_cut = focusable_when_cut
        """Whether a text taller than the panel makes it take the focus with `tab` (not in the quote finder, whose
        `tab` goes from its filter to its list, and whose list the panel would then hide)."""
        self._what = "Citation"
        self.of: object = None
        """What the text shown was copied from (a quote's place), for its screen to put it away once that is no
        longer what is looked at."""

    def show_copied(self, text: str, what: str = "Citation", of: object = None) -> None:
        """Show `text`, titled as copied (the text is never markup: a TextArea shows it as it is)."""
        self.of = of
        self.load_text(text)
        self._what = what
        self.border_title = f"{what} copied · select it here if the clipboard is closed"
        self.can_focus = False
        self.display = True
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Text taller than the panel (the board's every citation, a small terminal): the panel takes the focus
        with `tab`, so the keys scroll it to the rest (a plain-terminal tryout could not reach it)."""
        over = bool(self.display and self.max_scroll_y > 0 and self.focusable_when_cut)
        self.can_focus = over
        if over:
            self.border_title = f"{self._what} copied · tab, then up/down, to read it all; select it here"

    def action_leave(self) -> None:
        """`escape` in the panel (it had the focus to be scrolled): back to what was before it, the panel put away."""
        self.screen.focus_previous()
        self.put_away()

    def on_resize(self) -> None:
        if self.display:
            self.call_after_refresh(self._fit)

    def watch_virtual_size(self) -> None:
        """The text wrapped anew (its width known at last): whether it fits is known again."""
        if self.display:
            self.call_after_refresh(self._fit)

    def put_away(self) -> None:
        """Hide it: what it shows no longer belongs to the list on screen (a new filter)."""
        self.display = False
        self.can_focus = False
