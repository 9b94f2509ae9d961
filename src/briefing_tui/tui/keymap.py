"""The reader's keys (docs/reader.md) as data: bindings and the help screen are both made from this."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from briefing_tui.core.user.help_text import Section

Key = tuple[str, str, str, str, bool]
"""key(s), action, description (the footer's), help text, shown in the footer. An empty action is a key
some widget handles itself, listed for the help only."""

KEYS: list[Key] = [
    ("/", "search", "Search", "Search the library as you type (escape keeps the query)", True),
    ("n", "next_hit", "Next hit", "Next search hit in the article", False),
    ("N", "previous_hit", "Prev hit", "Previous search hit in the article", False),
    ("g", "cycle_grouping", "Group", "Group by date, by section, or as one list (cycles)", True),
    ("z", "toggle_sidebar", "Sidebar",
     "Hide / show the sidebar (under 70 columns it hides while you read; escape brings it back)", False),
    ("f", "filter_sidebar", "Filter",
     "Filter the sidebar's titles as you type; date:2015-03 jumps there, is:unread keeps what is left to read",
     False),
    ("enter", "", "Open", "Open the article; from the search box, its best match; from f, to the first match", False),
    ("escape", "focus_sidebar", "Back", "Back to the sidebar or the search results", False),
    ("tab", "", "Next pane", "Move to the next pane (shift+tab: previous)", False),
    ("j,k", "", "Down/up", "Move down / up (also the arrow keys)", False),
    ("J", "next_article(1)", "Next article",
     "Open the next article in the sidebar's order (skipping its group rows), from the article or the sidebar", False),
    ("K", "next_article(-1)", "Prev article", "Open the previous article in the sidebar's order", False),
    ("backspace,ctrl+o", "back", "Back to last",
     "Back to the article read before the one opened last, where you were in it (again: further back)", False),
    ("pagedown,pageup", "", "Page", "A page down / up in the article (space: a page down)", False),
    ("home,end", "", "Top/end", "In the article: its top / its end", False),
    ("up,down", "", "Highlight/history", "Filter box: the highlight, or (when empty) the history", False),
    ('"', "quote_finder", "Quotes", "Quote finder: every quote in the library, filtered", True),
    ("]", "next_quote", "Next quote",
     "Cursor on the next quote, from the hit or screen top", False),
    ("[", "previous_quote", "Prev quote", "Cursor on the previous quote", False),
    ("c", "copy_citation", "Cite",
     "Copy the citation: the quote looked at, else the article", True),
    ("a", "add_to_board", "Add", "Add the quote looked at to the quote board", True),
    ("A", "quote_board", "Board", "The quote board: reorder, remove, copy all, export", True),
    ("s", "spotlight", "Spotlight",
     "Spotlight: the quote looked at, full-screen, for sharing", True),
    ("m", "toggle_read", "Read", "Mark the article read / unread", False),
    ("b", "toggle_bookmark", "Bookmark", "Bookmark the article (a Bookmarks group heads the sidebar)", True),
    ("p", "show_problems", "Problems", "Files that could not be loaded, and what is wrong in others", False),
    ("r", "reload", "Reload", "Check every file again now (a note says what it found)", False),
    ("?", "help", "Help", "This help", True),
    ("ctrl+p", "command_palette", "Palette", "Command palette: open an article by title, change theme…", False),
    ("q", "quit", "Quit", "Quit", True),
]
"""The reader's keys: those of the main screen, and `quit` and `help`, which act on every screen."""

SHORT: dict[str, str] = {
    "spotlight": "Spot",
    "toggle_bookmark": "Bkmk",
    "copy_all": "All",
}
"""Shorter footer labels, by action, for a narrow terminal (80 columns and less): the footer drops keys
only when these do not fit either, and never `?` and `q`."""

FINDER_KEYS: list[Key] = [
    ("enter", "", "Open", "Open the highlighted quote's article, the quote centred (from the box: the best match)",
     False),
    ("up,down", "", "Move", "Move the highlight, typing on; in an empty box: the filter history", False),
    ("tab", "", "Box/list", "Between the filter box and the list", False),
    ("ctrl+y", "copy('box')", "Copy", "In the box: copy the highlighted quote's citation", True),
    ("ctrl+t", "add('box')", "Add", "In the box: add the highlighted quote to the board", True),
    ("c", "copy", "Copy", "In the list: copy the quote's citation (shown below as well, to select by hand)", True),
    ("a", "add", "Add", "In the list: add the quote to the board", True),
    ("s", "spotlight", "Spotlight", "In the list: the quote in the spotlight", True),
    ("e", "export", "Export", "In the list: export the filtered quotes as Markdown", True),
    ("A", "board", "Board", "In the list: the quote board (a quote opened there opens in the reader)", False),
    ("ctrl+s", "save_filter", "Save filter",
     "Save the filter as a saved search: the articles it finds head the sidebar", False),
    ("escape,q", "close", "Back",
     "Back to the reader (q too, in the list: not quit); the filter is there when the finder opens again", True),
]
"""The quote finder's keys. In the filter box letters are typed, so its own keys there are ctrl keys."""

BOARD_KEYS: list[Key] = [
    ("up,down", "", "Move", "Move between the quotes (j / k too)", False),
    ("enter", "", "Open", "Open the quote's article, the quote centred", False),
    ("s", "spotlight", "Spotlight", "The quote in the spotlight; left/right step through the board", True),
    ("K,ctrl+up", "move_quote(-1)", "Up", "Move the quote up the board", True),
    ("J,ctrl+down", "move_quote(1)", "Down", "Move the quote down the board", True),
    ("d,delete", "remove", "Remove", "Take the quote off the board", True),
    ("u", "undo", "Undo", "Put back the quote last removed", False),
    ("c", "copy", "Copy", "Copy the quote's citation", False),
    ("C", "copy_all", "Copy all", "Copy every citation, one a line (shown below as well, to select by hand)", True),
    ("e", "export", "Export", "Export the board as Markdown (refused with --private)", True),
    ("escape,q", "close", "Back", "Back to where the board was opened (q too, as in help: not quit)", True),
]
"""The quote board's keys."""

SPOTLIGHT_KEYS: list[Key] = [
    ("right,l,space", "step(1)", "Next", "The next quote on the board (a click on the right half too)", False),
    ("left,h", "step(-1)", "Previous", "The previous quote on the board (a click on the left half too)", False),
    ("c", "copy", "Copy", "Copy the quote's citation", False),
    ("escape,s,q", "close", "Back", "Back (q too: a key pressed by mistake in a meeting must not quit)", False),
]
"""The spotlight's keys: none is shown (nothing but the quote is on screen)."""

SIDEBAR_KEYS: list[Key] = [
    ("right,l", "open_group", "Open group", "Open the group under the cursor; on an open one, down into it", False),
    ("left,h", "close_group", "Close group", "Close the group under the cursor; inside one, up to it", False),
    ("e", "screen.edit_saved", "Edit saved", "On a saved search: edit its name and query", False),
    ("d,delete", "screen.delete_saved", "Delete saved", "On a saved search: delete it (twice: the first asks)", False),
]
"""The sidebar's own keys (its cursor keys are in the reader's); the screen acts on them."""

SEARCH_KEYS: list[Key] = [
    ("enter", "", "Open", "Open the highlighted result (the best, as results come) at the hit its snippet shows",
     False),
    ("up,down", "", "Move", "Move the highlight, typing on (typed before the answer, it moves once the answer comes)",
     False),
    ("tab", "", "Results", "Between the box and the results; with `did you mean` shown, take it instead", False),
    ("n,N", "", "Hits", "In the article opened: the next / previous hit", False),
    ("ctrl+s", "save_search", "Save search",
     "Save the search under a name: it heads the sidebar as a group with its counts", False),
    ("s", "save_search", "Save search", "In the results: save the search", False),
    ("c,a", "", "Cite/add", "In the results: open the highlighted result and copy its citation / add its quote", False),
    ("escape,q", "", "Close", "Close the search, its query kept (q: in the results; it does not quit here)", False),
]
"""The search panel's keys (its box and results); `escape` closes it."""

SCOPES: dict[str, tuple[str, list[Key]]] = {
    "sidebar": ("In the sidebar", SIDEBAR_KEYS),
    "search": ("In the search panel (/)", SEARCH_KEYS),
    "finder": ("In the quote finder", FINDER_KEYS),
    "board": ("On the quote board (A)", BOARD_KEYS),
    "spotlight": ("In the spotlight (s)", SPOTLIGHT_KEYS),
}
"""The other screens' keys, with their help headings."""

APP_ACTIONS = frozenset({"quit", "help"})
"""Keys that act on every screen; the rest are the reader screen's own."""


def _binding(key: str, action: str, description: str, shown: bool, ident: str) -> list[Binding]:
    """The binding for a keymap row, and one for `shift+x` for each upper-case letter `X` in it, which some
    terminals send instead: hidden, so a footer never shows `shift+a` where `A` would be typed into a box."""
    shifted = [f"shift+{part.lower()}" for part in key.split(",") if len(part) == 1 and part.isupper()]
    return [Binding(key, action, description, show=shown, id=ident),
            *([Binding(",".join(shifted), action, description, show=False)] if shifted else [])]


def bindings(scope: str) -> list[BindingType]:
    """Bindings for the keys with an action of `scope`: `app` (every screen), `reader` (the reader's
    screen), or another screen's (`finder`, `board`, `spotlight`). Ctrl+P is Textual's own command palette,
    listed here for the help only."""
    if scope in SCOPES:
        return [binding for key, action, description, _help, shown in SCOPES[scope][1] if action
                for binding in _binding(key, action, description, shown, f"{scope}.{key}")]
    return [binding for key, action, description, _help, shown in KEYS
            if action and action != "command_palette" and (action in APP_ACTIONS) == (scope == "app")
            for binding in _binding(key, action, description, shown, action)]


def help_sections() -> tuple[Section, ...]:
    """The keys as help sections, the reader's first: the reader's help screen and `briefing help keys` show them."""
    return (Section("The reader's keys", _rows(KEYS)),
            *(Section(heading, _rows(keys)) for heading, keys in SCOPES.values()))


def _rows(keys: list[Key]) -> tuple[tuple[str, str], ...]:
    return tuple((key.replace(",", " / "), text) for key, _, _, text, _ in keys)
