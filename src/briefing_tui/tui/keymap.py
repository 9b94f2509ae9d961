"""The reader's keys (docs/reader.md) as data: bindings and the help screen are both made from this."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from briefing_tui.core.user.help_text import Section

KEYS: list[tuple[str, str, str, str, bool]] = [
    # key(s), action, description, help text, shown in footer
    ("/", "search", "Search", "Search the library as you type (escape closes)", True),
    ("n", "next_hit", "Next hit", "Next search hit in the article", False),
    ("N", "previous_hit", "Prev hit", "Previous search hit in the article", False),
    ("g", "toggle_grouping", "Group", "Toggle grouping by date / by section", True),
    ("enter", "", "Open", "Open the highlighted article", False),
    ("escape", "focus_sidebar", "Back", "Back to the sidebar or the search results", False),
    ("tab", "", "Next pane", "Move to the next pane (shift+tab: previous)", False),
    ("j,k", "", "Down/up", "Move down / up (also the arrow keys)", False),
    ('"', "quote_finder", "Quotes", "Quote finder: every quote in the library, filter, open, copy, export", True),
    ("]", "next_quote", "Next quote", "Put the cursor on the next quote in the article (shows speaker and cue)", False),
    ("[", "previous_quote", "Prev quote", "Put the cursor on the previous quote in the article", False),
    ("c", "copy_citation", "Cite", "Copy the citation of the quote under the cursor, else of the article", True),
    ("m", "toggle_read", "Read", "Mark the article read / unread", True),
    ("b", "toggle_bookmark", "Bookmark", "Bookmark the article (a Bookmarks group heads the sidebar)", True),
    ("p", "show_problems", "Problems", "Files that could not be loaded, and what is wrong inside others", True),
    ("r", "reload", "Reload", "Reload the library from disk", True),
    ("?", "help", "Help", "This help", True),
    ("ctrl+p", "command_palette", "Palette", "Command palette: open an article by title, change theme…", False),
    ("q", "quit", "Quit", "Quit", True),
]


APP_ACTIONS = frozenset({"quit", "help"})
"""Keys that act on every screen; the rest are the reader screen's own."""
ALIASES = {"N": "shift+n"}
"""Other names a terminal may send for a key."""


def bindings(scope: str) -> list[BindingType]:
    """Bindings for the keys with an action of `scope`: `app` (every screen) or `reader` (the reader's screen).
    Ctrl+P is Textual's own command palette, listed here for the help only."""
    return [Binding(",".join([key, *([ALIASES[key]] if key in ALIASES else [])]), action, description, show=shown,
                    id=action)
            for key, action, description, _help, shown in KEYS
            if action and action != "command_palette" and (action in APP_ACTIONS) == (scope == "app")]


def help_section() -> Section:
    """The keys as a help section: the reader's help screen and `briefing help keys` show it."""
    return Section("The reader's keys", tuple((key.replace(",", " / "), text) for key, _, _, text, _ in KEYS))
