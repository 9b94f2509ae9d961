"""The plain-text body of an e-mail as blocks: paragraphs, `>` quoted lines, the signature dropped.

It never imports the `email` package: `mail.py` hands it the decoded text of a `text/plain` part.
"""

from __future__ import annotations

import re

from briefing_tui.core.formats.blocks import RawBlock, decode_entities

_BLANK_LINE = re.compile(r"\n[ \t]*+\n")
_QUOTE_MARKS = re.compile(r"^(?:>[ ]?)++")


def plain_blocks(text: str) -> list[RawBlock]:
    """A plain-text body as blocks: blank-line separated paragraphs, `>` quoted lines as block quotes, the
    signature (after a `-- ` line) dropped, HTML entities decoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cut = text.rfind("\n-- \n")
    if cut >= 0:
        text = text[:cut]
    blocks: list[RawBlock] = []
    for chunk in _BLANK_LINE.split(decode_entities(text)):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith(">") for line in lines):
            depth = min(len(m.group().replace(" ", "")) for line in lines if (m := _QUOTE_MARKS.match(line)))
            body = " ".join(_QUOTE_MARKS.sub("", line).strip() for line in lines)
            if body.strip():
                blocks.append(RawBlock("quote", body, min(depth, 6)))
        else:
            blocks.append(RawBlock("paragraph", " ".join(line.strip() for line in lines)))
    return blocks
