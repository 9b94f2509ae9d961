"""Exporting quotes as Markdown: one bullet per quote with its citation."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefing_tui.core.model import Article, Listed, Quote
from briefing_tui.core.serialize import quote_citation


def quotes_markdown(found: Sequence[tuple[Quote, Article | Listed]], query: str = "") -> str:
    """The Markdown text of an export: a heading, the filter used, and one citation per quote."""
    lines = ["# Quotes", ""]
    if query.strip():
        lines += [f"Filter: `{query.replace('`', '')}`", ""]
    lines += [f"- {quote_citation(q, a)}" for q, a in found]
    return "\n".join(lines) + "\n"


def write_new_file(path: Path, text: str, overwrite: bool = False) -> None:
    """Write `text` to `path`; refuse to replace an existing file unless `overwrite` (FileExistsError)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
