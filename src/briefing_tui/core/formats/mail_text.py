"""The plain-text body of an e-mail as blocks: paragraphs, `>` quoted lines, the signature dropped.

It never imports the `email` package: `mail.py` hands it the decoded text of a `text/plain` part.
"""

from __future__ import annotations

import re

from briefing_tui.core.formats.blocks import RawBlock, decode_entities

_QUOTE_MARKS = re.compile(r"(?:>[ ]?)++")
"""A line's quote marks, `>`, `> > `, `>>`: how deep it is quoted is how many `>` there are."""

Line = tuple[int, str]
"""(how deep a line is quoted, its text without the marks)."""


def plain_blocks(text: str) -> list[RawBlock]:
    """A plain-text body as blocks: blank-line separated paragraphs, `>` quoted lines as block quotes, the
    signature (after a `-- ` line) dropped, HTML entities decoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cut = text.rfind("\n-- \n")
    if cut >= 0:
        text = text[:cut]
    return _blocks(_quoted_lines(decode_entities(text)))


def _quoted_lines(text: str) -> list[Line]:
    """Each line with how deep it is quoted."""
    lines: list[Line] = []
    for line in text.split("\n"):
        marks = _QUOTE_MARKS.match(line)
        if marks is None:
            lines.append((0, line))
        else:
            lines.append((marks.group().count(">"), line[marks.end():]))
    return lines


def _blocks(lines: list[Line]) -> list[RawBlock]:
    """Lines into blocks: a run of lines quoted alike and not blank is a paragraph, or a block quote as deep as
    its lines are quoted (a change of depth starts a new block). So a reply's `>` lines right after its own text
    are a block quote of their own, and the line that introduces them (ending in `:`) a paragraph of its own."""
    blocks: list[RawBlock] = []
    run: list[str] = []
    depth = 0
    for quoted, line in lines:
        text = line.strip()
        if run and (not text or quoted != depth):
            blocks += _run_blocks(run, depth, before_quote=bool(text) and quoted > depth)
            run = []
        depth = quoted
        if text:
            run.append(text)
    if run:
        blocks += _run_blocks(run, depth, before_quote=False)
    return blocks


def _run_blocks(run: list[str], depth: int, before_quote: bool) -> list[RawBlock]:
    """One run of lines (quoted alike, no blank line) as blocks."""
    paragraphs = [run]
    if before_quote and len(run) > 1 and run[-1].endswith(":"):
        paragraphs = [run[:-1], run[-1:]]  # `On 11 Mar 2025, Paul Meyer <paul@example.org> wrote:`
    kind = "quote" if depth else "paragraph"
    return [RawBlock(kind, " ".join(lines), min(depth, 6)) for lines in paragraphs]
