"""The user's own reader settings, the same for every library: the theme last chosen in the reader.

Kept in `$XDG_CONFIG_HOME/briefing-tui/reader.json` beside the config file, which the program never
writes (the config's `theme:` still wins). Read as the reader state is (a FIFO, a link or a damaged file
gives no settings), written atomically and user-only, and never with `--private`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.core.reading.private_files import replace_private
from briefing_tui.core.reading.safe import ReadError, read_bytes
from briefing_tui.core.reading.sanitize import clean_line

FILE = "reader.json"
MAX_BYTES = 64 * 1024
THEME_CHARS = 100
"""A theme name longer than this is not one."""


@dataclass
class UserPrefs:
    """What the reader remembers for the user, whatever the library."""

    path: Path
    private: bool = False
    """Read, never written (`--private`)."""
    theme: str | None = None

    @classmethod
    def load(cls, folder: Path, private: bool) -> UserPrefs:
        """The settings in `folder`; a missing, odd or damaged file gives none."""
        prefs = cls(folder / FILE, private)
        try:
            data = json.loads(read_bytes(str(prefs.path), MAX_BYTES))
        except (ReadError, ValueError, RecursionError):
            return prefs
        theme = data.get("theme") if isinstance(data, dict) else None
        if isinstance(theme, str) and 0 < len(theme) <= THEME_CHARS:
            prefs.theme = clean_line(theme) or None
        return prefs

    def save(self) -> str | None:
        """Write the settings (not when private); return a line for the user (an error, a folder made
        user-only) or None."""
        if self.private:
            return None
        try:
            return replace_private(self.path, json.dumps({"theme": self.theme}))
        except OSError as exc:
            return f"could not save the reader's settings: {exc.strerror or exc}"
