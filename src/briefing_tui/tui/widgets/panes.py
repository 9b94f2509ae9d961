"""The reader's panes side by side: the sidebar can give its room to the article."""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget

NARROW = 70
"""Below this many columns the sidebar (24 at least) would leave the article under 45: it hides while an
article is read, and `escape` brings it back; the search panel, while it has the focus, takes the whole width
(its results wrapped in 22 columns were a word a line)."""


class ReaderPanes(Horizontal):
    """`#sidebar-pane` beside `#article-pane`; the sidebar hidden by a key, or by itself on a narrow terminal
    while the focus is in the article."""

    sidebar_hidden: reactive[bool] = reactive(False, toggle_class="-sidebar-hidden")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._by_width = False
        """Hidden because the terminal is narrow, not by the key: a wider terminal shows it again."""

    def toggle_sidebar(self) -> bool:
        """Hide the sidebar, or show it again; True when it shows now."""
        self.sidebar_hidden = not self.sidebar_hidden
        self._by_width = False
        return not self.sidebar_hidden

    def show_sidebar(self) -> None:
        self.sidebar_hidden = self._by_width = False

    @property
    def narrow(self) -> bool:
        return 0 < self.size.width < NARROW

    def _reading(self, widget: Widget | None) -> bool:
        """Whether `widget` is in the article pane."""
        return widget is not None and self.query_one("#article-pane") in widget.ancestors

    def fit_search(self) -> None:
        """While the search panel is shown and the focus is not in the article, it takes the whole width on a
        narrow terminal (class `-search-wide`), and half of it on others (`-search-open`: at 80 columns the
        sidebar's 38% fitted a result and a half, each title on three lines)."""
        panel = self.query_one("#search")
        browsing = bool(panel.display) and not self._reading(self.screen.focused)
        self.set_class(self.narrow and browsing, "-search-wide")
        self.set_class(not self.narrow and browsing, "-search-open")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.narrow and not self.sidebar_hidden and self._reading(event.widget):
            self.sidebar_hidden = self._by_width = True
        self.fit_search()

    def on_resize(self, event: events.Resize) -> None:
        if self.narrow and not self.sidebar_hidden and self._reading(self.screen.focused):
            self.sidebar_hidden = self._by_width = True
        elif not self.narrow and self._by_width:
            self.show_sidebar()
        self.fit_search()
