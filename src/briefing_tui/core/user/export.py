"""Exporting quotes as Markdown: one bullet per quote with its citation."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from briefing_tui.core.model import Article, Listed, Quote
from briefing_tui.core.reading.safe import file_kind
from briefing_tui.core.reading.sanitize import escape_name
from briefing_tui.core.serialize import quote_citation

_WRITE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
                | getattr(os, "O_NOCTTY", 0))
"""Never through a link, and never waiting: a FIFO with no reader fails at once instead of blocking."""


class ExportRefused(Exception):
    """The export path is not a regular file (a FIFO, a device, a folder, a link); one line for the user."""


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`[]<>!&"})
"""Characters that can make a link, an image, raw HTML, an entity or code of a line of text: each backslash-escaped,
as CommonMark allows for any ASCII punctuation, so the text reads as written and does nothing. Emphasis marks are
left (harmless, and `_` escaped would break a source's web address)."""


def markdown_text(text: str) -> str:
    """`text` (a title, a quote, a source: the files' words, untrusted) as Markdown that shows it as written: no
    image fetched, no link or raw HTML made (`![t](http://tracker/p.png)`, `<img src=…>`, `[see](javascript:…)`)."""
    return text.translate(_MARKDOWN_SPECIAL)


def quotes_markdown(found: Sequence[tuple[Quote, Article | Listed]], query: str = "") -> str:
    """The Markdown text of an export: a heading, the filter used, and one citation per quote (one for the parts of
    a quote split by its attribution, whose citations are the whole quote's), every citation escaped (its text is
    the library's, which any file could have written)."""
    lines = ["# Quotes", ""]
    if query.strip():
        lines += [f"Filter: `{query.replace('`', '')}`", ""]
    cited = dict.fromkeys(quote_citation(q, a) for q, a in found)  # the parts of a quote split by its attribution
    # are cited whole, each: one line for them, as the board keeps one
    lines += [f"- {markdown_text(citation)}" for citation in cited]
    return "\n".join(lines) + "\n"


def write_new_file(path: Path, text: str, overwrite: bool = False) -> None:
    """Write `text` to the regular file `path` (created 0600), never blocking and never through a link.

    An existing regular file is replaced only when `overwrite` (else FileExistsError). Anything else at
    `path` (a FIFO, a device, a folder, a link) raises ExportRefused before a byte is written.
    """
    try:
        fd = os.open(path, _WRITE_FLAGS | (0 if overwrite else os.O_EXCL), 0o600)
    except FileExistsError:
        _refuse_unless_regular(path)
        raise
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENXIO, errno.EISDIR, errno.ENODEV):
            _refuse_unless_regular(path)
        raise
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # a FIFO that had a reader, a device: opened, but not written
            raise ExportRefused(f"{escape_name(str(path))} is not a regular file ({file_kind(st.st_mode)}); "
                                "not written")
        os.ftruncate(fd, 0)  # only now: a file is emptied only once it is known to be one
        f.write(text)


def _refuse_unless_regular(path: Path) -> None:
    try:
        st = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise ExportRefused(f"{escape_name(str(path))} is a symbolic link; not followed") from None
    if not stat.S_ISREG(st.st_mode):
        raise ExportRefused(f"{escape_name(str(path))} is not a regular file ({file_kind(st.st_mode)}); "
                            "not written") from None
