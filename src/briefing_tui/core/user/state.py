"""Reader state: read marks, bookmarks and the theme, kept in the data folder unless private.

Written atomically with user-only permissions, read without blocking or following a link; in private
mode nothing is ever written.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.core.reading.private_files import private_folder
from briefing_tui.core.reading.safe import ReadError, read_bytes

MAX_STATE_BYTES = 8 * 1024 * 1024


@dataclass
class ReaderState:
    """What the reader remembers between sessions."""

    path: Path | None
    """Where the state is saved; None in private mode (kept in memory only)."""
    read: set[str] = field(default_factory=set)
    bookmarks: set[str] = field(default_factory=set)
    theme: str | None = None

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
        return state

    def save(self) -> str | None:
        """Write the state atomically (0600 in a 0700 folder of ours); return a line for the user or None.

        The line is an error, or says that the folder was open to other users and was made user-only.
        """
        if self.path is None:
            return None
        data = {"read": sorted(self.read), "bookmarks": sorted(self.bookmarks), "theme": self.theme}
        try:
            note = private_folder(self.path.parent)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(data, f)
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as exc:
            return f"could not save reader state: {exc.strerror or exc}"
        return note


def library_key(roots: list[str]) -> str:
    """A short stable name for a set of library roots (their real paths)."""
    import hashlib

    joined = "\n".join(sorted(os.path.realpath(r) for r in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]
