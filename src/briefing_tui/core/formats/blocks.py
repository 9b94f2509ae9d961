"""Blocks as a format reads them: raw text with style spans and links, before `common.build` cleans them.

The Markdown and HTML readers gather a block's inline content in an `Inline` (text pieces, emphasis,
links) and hand over a `RawBlock` per heading, paragraph, list item, block quote, code block, table or rule.
Offsets here index the raw text; `common.build` sanitizes it and moves every offset with it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference with its `;`: `&#163;`, `&#xA3;`, `&pound;`. Without the `;` it is left alone (`AT&T`,
`?a=1&para=2` in a URL), which is also how a run of `&`s stays linear: every match is at most 34 characters."""
UNSAFE_LINK = re.compile(r"\s*+(?:javascript|vbscript|data):", re.IGNORECASE)
"""Link targets that are no place to go: never listed (a link is shown as text, never followed, either way)."""


def decode_entities(text: str) -> str:
    """Decode HTML character references once (`&amp;#163;` gives `&#163;`, not `£`); unknown names stay as
    they are. Plain and briefing text get this; Markdown and HTML decode their own."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


@dataclass
class RawBlock:
    """One block as read, before cleaning: see `core.model.Block` for the kinds and fields."""

    kind: str
    text: str = ""
    level: int = 0
    marker: str = ""
    styles: list[tuple[int, int, str]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, target) of each link's text."""
    rows: list[list[str]] = field(default_factory=list)


class Inline:
    """The inline content of the block being read: text pieces, open and closed styles, links."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.styles: list[tuple[int, int, str]] = []
        self.links: list[tuple[int, int, str]] = []
        self._open: list[tuple[str, int]] = []
        self._link: tuple[int, str] | None = None

    def add(self, text: str) -> None:
        """Append text (already decoded)."""
        if text:
            self.parts.append(text)
            self.size += len(text)

    def open(self, style: str) -> None:
        """Start a style span here: `em`, `strong`, `code` or `strike`."""
        self._open.append((style, self.size))

    def close(self, style: str) -> None:
        """End the innermost open span of `style`; a close with no open span is ignored."""
        for k in range(len(self._open) - 1, -1, -1):
            if self._open[k][0] == style:
                _, start = self._open.pop(k)
                if self.size > start:
                    self.styles.append((start, self.size, style))
                return

    def open_link(self, target: str) -> None:
        """Start a link to `target` (an earlier link still open ends here)."""
        self.close_link()
        self._link = (self.size, target)

    def close_link(self) -> None:
        """End the open link, if any."""
        if self._link is not None:
            start, target = self._link
            self._link = None
            end = self.size - self._trailing_space(self.size - start)  # `deal [6] after`, not `deal [6]after`:
            # a link's text that ends in a space (`<a>nuclear deal </a>after`) is marked before it
            if end > start and target.strip() and not UNSAFE_LINK.match(target) \
                    and not target.lstrip().startswith("#"):
                self.links.append((start, end, target))

    def _trailing_space(self, most: int) -> int:
        """White space at the end of the text so far, at most `most` characters: only the last parts are read
        (a paragraph of 10,000 links is not joined 10,000 times)."""
        found = 0
        for part in reversed(self.parts):
            kept = len(part.rstrip())
            found += len(part) - kept
            if kept or found >= most:
                break
        return min(found, most)

    def text(self) -> str:
        """The text so far."""
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def take(self, kind: str, level: int = 0, marker: str = "") -> RawBlock:
        """The gathered content as a block; spans still open end here and go on in the next block."""
        still_open = [style for style, _ in self._open]
        link = self._link
        for style in reversed(still_open):
            self.close(style)
        self.close_link()
        block = RawBlock(kind, self.text(), level, marker, self.styles, self.links)
        self.parts, self.size, self.styles, self.links = [], 0, [], []
        for style in still_open:
            self.open(style)
        if link is not None:
            self.open_link(link[1])
        return block

    def is_blank(self) -> bool:
        """True when nothing but white space has been added."""
        return not self.text().strip()
