"""The glyphs the reader draws itself, and their ASCII stand-ins for a plain console.

A terminal emulator has box drawing, block elements and emoji; the Linux console (`TERM=linux`) shows
what its font holds, often not these. With `BRIEFING_ASCII=1` or `TERM=linux` (`Settings.ascii`) the
reader draws tree guides, arrows, marks and borders in ASCII instead.
"""

from __future__ import annotations

TREE_GUIDES = ("  ", "| ", "`-", "|-")
"""A tree's space, vertical line, last branch and branch (Textual's default is │ └─ ├─)."""
TREE_ICONS = ("+ ", "- ")
"""A tree group's closed and open marks (Textual's ▶ and ▼)."""
HEADER_ICON = ("≡", "=")
"""The header's icon, Unicode and ASCII."""
BOOKMARK = ("★ ", "* ")
"""The mark before a bookmarked article in the sidebar."""
UP_DOWN = ("↑↓", "up/down")
"""The arrow keys, as a hint names them."""
DOWN = ("↓", "down")
"""The down arrow key, as a hint names it."""
PALETTE_ICON = ">"
"""Before the command palette's input, for Textual's magnifier emoji."""
DOCUMENT = str.maketrans({"│": "|", "─": "-", "┼": "+", "⚠": "!", "•": "*"})
"""What an article's page draws (quote bars, rules, table lines, problem and related marks) in ASCII: one
character for one, so that offsets into a line stay true."""


def pick(pair: tuple[str, str], ascii: bool) -> str:
    """The Unicode glyph of `pair`, or its ASCII stand-in."""
    return pair[1] if ascii else pair[0]
BLOCKS = str.maketrans("▁▂▃▄▅▆▇█", "..--==##")
"""A sparkline's bars, lowest to full, in ASCII."""
