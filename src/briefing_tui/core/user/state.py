"""Reader state: read marks, bookmarks, the theme, the quote board, the filter histories and the saved
searches, kept in the data folder unless private.

Written atomically with user-only permissions, read without blocking or following a link; in private
mode nothing is ever written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.core.reading.private_files import replace_private
from briefing_tui.core.reading.safe import ReadError, read_bytes
from briefing_tui.core.reading.sanitize import clean_line
from briefing_tui.core.user.board import QuoteBoard

MAX_STATE_BYTES = 8 * 1024 * 1024
HISTORY = 50
"""Filters a history keeps (newest first)."""
HISTORY_CHARS = 1000
"""The longest filter kept (the query language's own limit)."""
HISTORIES = ("quotes", "search")
"""The filter boxes with a history: the quote finder's and the search panel's."""
SAVED = 50
"""Saved searches kept (the sidebar lists each as a group)."""
SAVED_NAME_CHARS = 80
"""The longest name a saved search has."""


@dataclass(frozen=True)
class SavedSearch:
    """A search kept under a name: the sidebar shows its matches as a group, `briefing search --saved NAME`
    runs it."""

    name: str
    query: str


def read_saved(data: object) -> list[SavedSearch]:
    """Saved searches from the state file's JSON, read as untrusted: entries of the wrong shape, names or
    queries too long or blank are dropped, a name is kept once, at most SAVED."""
    saved: dict[str, SavedSearch] = {}
    for item in data[:SAVED] if isinstance(data, list) else ():
        if not isinstance(item, dict):
            continue
        name, query = item.get("name"), item.get("query")
        if not (isinstance(name, str) and isinstance(query, str)):
            continue
        name, query = clean_line(name).strip(), clean_line(query).strip()
        if name and query and len(name) <= SAVED_NAME_CHARS and len(query) <= HISTORY_CHARS:
            saved.setdefault(name.casefold(), SavedSearch(name, query))
    return list(saved.values())


@dataclass
class ReaderState:
    """What the reader remembers between sessions."""

    path: Path | None
    """Where the state is saved; None in private mode (kept in memory only)."""
    read: set[str] = field(default_factory=set)
    bookmarks: set[str] = field(default_factory=set)
    theme: str | None = None
    """The theme as earlier versions kept it, per library: the reader uses it only while the user has no
    theme of their own (`core/user/prefs.py` keeps that, once for every library)."""
    board: QuoteBoard = field(default_factory=QuoteBoard)
    history: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in HISTORIES})
    """Filters typed in each box (`quotes`, `search`), newest first."""
    saved: list[SavedSearch] = field(default_factory=list)
    """Saved searches, in the order the sidebar shows them."""

    @classmethod
    def load(cls, folder: Path, library_key: str, private: bool) -> ReaderState:
        """Load the state for one library; a missing or damaged file gives an empty state."""
        if private:
            return cls(None)
        path = folder / f"state-{library_key}.json"
        state = cls(path)
        try:  # read as an article is: a FIFO, a device or a link there gives an empty state, at once
            data = json.loads(read_bytes(str(path), MAX_STATE_BYTES))
        except (ReadError, ValueError, RecursionError):
            return state
        if isinstance(data, dict):
            state.read = {x for x in data.get("read", []) if isinstance(x, str)}
            state.bookmarks = {x for x in data.get("bookmarks", []) if isinstance(x, str)}
            theme = data.get("theme")
            state.theme = theme if isinstance(theme, str) else None
            state.board = QuoteBoard.from_json(data.get("board"))
            history = data.get("history")
            for name in HISTORIES:
                kept = history.get(name) if isinstance(history, dict) else None
                if isinstance(kept, list):
                    lines = (clean_line(x) for x in kept[:HISTORY] if isinstance(x, str) and len(x) <= HISTORY_CHARS)
                    state.history[name] = list(dict.fromkeys(x for x in lines if x))
            state.saved = read_saved(data.get("saved"))
        return state

    def saved_search(self, name: str) -> SavedSearch | None:
        """The saved search called `name` (any case), if there is one."""
        folded = name.strip().casefold()
        return next((s for s in self.saved if s.name.casefold() == folded), None)

    def save_search(self, name: str, query: str, replacing: str | None = None) -> str | None:
        """Keep `query` as the saved search `name` (in place of the one called `replacing`, when editing);
        None, or a sentence saying why not (a blank or long name or query, a name taken, too many)."""
        name, query = clean_line(name).strip(), clean_line(query).strip()
        if not name or not query:
            return "A saved search needs a name and a query."
        if len(name) > SAVED_NAME_CHARS or len(query) > HISTORY_CHARS:
            return f"A name has at most {SAVED_NAME_CHARS} characters, a query {HISTORY_CHARS}."
        old = self.saved_search(replacing) if replacing is not None else None
        taken = self.saved_search(name)
        if taken is not None and taken is not old:
            return f"There is a saved search called “{taken.name}” already."
        if old is None and len(self.saved) >= SAVED:
            return f"At most {SAVED} saved searches are kept: delete one first."
        new = SavedSearch(name, query)
        if old is not None:
            self.saved[self.saved.index(old)] = new
        else:
            self.saved.append(new)
        return None

    def delete_search(self, name: str) -> SavedSearch | None:
        """Delete the saved search called `name`; it, or None when there was none."""
        found = self.saved_search(name)
        if found is not None:
            self.saved.remove(found)
        return found

    def remember(self, name: str, text: str) -> bool:
        """Put a filter at the head of history `name` (once); True when the history changed."""
        text = clean_line(text)
        kept = self.history.setdefault(name, [])
        if not text or len(text) > HISTORY_CHARS or kept[:1] == [text]:
            return False
        kept[:] = [text, *(x for x in kept if x != text)][:HISTORY]
        return True

    def save(self) -> str | None:
        """Write the state atomically (0600 in a 0700 folder of ours); return a line for the user or None.

        The line is an error, or says that the folder was open to other users and was made user-only.
        """
        if self.path is None:
            return None
        data = {"read": sorted(self.read), "bookmarks": sorted(self.bookmarks), "theme": self.theme,
                "board": self.board.to_json(), "history": self.history,
                "saved": [{"name": s.name, "query": s.query} for s in self.saved]}
        try:
            note = replace_private(self.path, json.dumps(data))
        except OSError as exc:
            return f"could not save reader state: {exc.strerror or exc}"
        return note


def library_key(roots: list[str]) -> str:
    """A short stable name for a set of library roots (their real paths)."""
    import hashlib

    joined = "\n".join(sorted(os.path.realpath(r) for r in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]
