"""The plain-text body of an e-mail as blocks: paragraphs, `>` quoted lines, inline forwards' headers,
`format=flowed` unwrapped, the signature dropped.

It never imports the `email` package: `mail.py` hands it the decoded text of a `text/plain` part.
"""

from __future__ import annotations

import re

from briefing_tui.core.formats.blocks import RawBlock, decode_entities

_QUOTE_MARKS = re.compile(r"(?:>[ ]?)++")
"""A line's quote marks, `>`, `> > `, `>>`: how deep it is quoted is how many `>` there are."""

_FORWARD_MARK = re.compile(
    r"-++[ \t]*+(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht"
    r"|original-nachricht|message transféré|message d'origine|mensaje reenviado|mensaje original)[ \t]*+-++"
    r"|(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié)"
    r"[ \t]*+:",
    re.IGNORECASE)
"""The line above an inline forward's headers (Gmail, Outlook, Thunderbird, Apple Mail), as a whole line."""
_RULE = re.compile(r"_{8,}+|-{8,}+")
_SAID_OPENING = re.compile(r"(?:On|Le|Am|El|Em|Op) ")
"""How the line that introduces a reply's quoted text starts (Gmail, Apple Mail, Thunderbird: English, French,
German, Spanish, Portuguese, Dutch), when a mail program wrapped it over two lines."""
"""A rule line: above a forward's headers in Outlook (`________________________________`, then `From:`)."""
_HEADER = re.compile(
    r"(?:from|sent|date|to|cc|bcc|reply-to|subject|von|gesendet|datum|an|betreff|de|envoyé|à|objet"
    r"|para|enviado|fecha|asunto)[ \t]*+:",
    re.IGNORECASE)
"""The start of a header line in an inline forward or a reply (`From:`, `Sent:`, `Subject:`; `Von:`, `De:`…)."""

Line = tuple[int, str]
"""(how deep a line is quoted, its text without the marks)."""


def plain_blocks(text: str, flowed: bool = False, delsp: bool = False) -> list[RawBlock]:
    """A plain-text body as blocks: blank-line separated paragraphs, `>` quoted lines as block quotes, an inline
    forward's header lines a paragraph each, the signature (after a `-- ` line) dropped, HTML entities decoded.
    `flowed` and `delsp` are the part's `format=flowed` and `delsp=yes` (RFC 3676)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cut = text.rfind("\n-- \n")
    if cut >= 0:
        text = text[:cut]
    text = decode_entities(text)
    return _blocks(_flowed_lines(text, delsp) if flowed else _quoted_lines(text))


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


def _flowed_lines(text: str, delsp: bool) -> list[Line]:
    """Each line of `format=flowed` text (RFC 3676) with how deep it is quoted: a line that ends in a space (a
    soft break) goes on with the next line quoted as deep, less that space with `delsp`; the space that stuffs a
    line (after its quote marks) goes. The marks are `>` with nothing between them: `> >x` is `>x` quoted once.
    A blank line ends a paragraph even after a soft break."""
    lines: list[Line] = []
    pieces: list[str] = []
    depth = 0
    for line in text.split("\n"):
        quoted = len(line) - len(line.lstrip(">"))
        content = line[quoted + 1:] if line.startswith(" ", quoted) else line[quoted:]
        blank = not content.strip()
        if pieces and (quoted != depth or blank):  # a soft break before a change of depth is a hard one, and
            lines.append((depth, "".join(pieces)))  # a blank line still ends a paragraph (mailers leave spaces)
            pieces = []
        depth = quoted
        if blank:
            lines.append((depth, ""))
            continue
        soft = content.endswith(" ") and content != "-- "  # the signature's mark is never a soft break
        pieces.append(content[:-1] if soft and delsp else content)
        if not soft:
            lines.append((depth, "".join(pieces)))
            pieces = []
    if pieces:
        lines.append((depth, "".join(pieces)))
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
    """One run of lines (quoted alike, no blank line) as blocks. An inline forward's mark and header lines are a
    paragraph each (a line that is no header goes on the header above it: a long `To:` wrapped), and Outlook's
    rule above them is a rule."""
    kind = "quote" if depth else "paragraph"
    paragraphs: list[tuple[str, list[str]]] = [(kind, [])]
    headers = False
    for k, line in enumerate(run):
        after = run[k + 1] if k + 1 < len(run) else ""
        if _FORWARD_MARK.fullmatch(line):
            paragraphs += [(kind, [line]), (kind, [])]
            headers = True
        elif _RULE.fullmatch(line) and _HEADER.match(after):
            paragraphs += [("rule", []), (kind, [])]
            headers = True
        elif _HEADER.match(line) and (headers or (k == 0 and _HEADER.match(after))):
            paragraphs.append((kind, [line]))  # the lines after it join it, up to the next header line
            headers = True
        else:
            paragraphs[-1][1].append(line)
    paragraphs = [(what, lines) for what, lines in paragraphs if lines or what == "rule"]
    last = paragraphs[-1][1]
    if before_quote and len(last) > 1 and last[-1].endswith(":"):
        said = [last.pop()]  # `On 11 Mar 2025, Paul Meyer <paul@example.org> wrote:`
        if not _SAID_OPENING.match(said[0]) and len(last) > 1 and _SAID_OPENING.match(last[-1]):
            said.insert(0, last.pop())  # wrapped: `On Tue, 11 Mar 2025 at 09:12, Paul Meyer` / `<paul@…> wrote:`
        paragraphs.append((kind, said))
    return [RawBlock(what, " ".join(lines), min(depth, 6) if what == "quote" else 0) for what, lines in paragraphs]
