"""The three article formats of DESIGN §3, and which one a file is."""

from __future__ import annotations

import re

from briefing_tui.core import frontmatter
from briefing_tui.core.dates import leading_date
from briefing_tui.core.formats.common import (
    Draft,
    FileInfo,
    ParseError,
    build,
    split_paragraphs,
    take_related,
)
from briefing_tui.core.model import Article

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES

MAX_TITLE_LINE = 150
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![*\w])([*_])(?=\S)([^*_\n]{1,500}?)(?<=\S)\1(?![*\w])")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")
_BLOCK_START = re.compile(r"^(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>)")


def detect_format(text: str, suffix: str) -> str:
    """`markdown` for front matter or a Markdown suffix, `briefing` for a dated first line, else `text`."""
    if text.startswith("---") and frontmatter.split(text)[0] is not None:
        return "markdown"
    if suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    first = text.lstrip("\n").split("\n", 1)[0]
    if leading_date(first) is not None:
        return "briefing"
    return "text"


def parse_text(text: str, info: FileInfo, suffix: str) -> Article:
    """Parse decoded text as the format it is; raise ParseError for a file with no article in it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ParseError("empty file")
    kind = detect_format(text, suffix)
    if kind == "markdown":
        draft = _markdown(text)
    elif kind == "briefing":
        draft = _briefing(text)
    else:
        draft = _plain(text)
    article = build(draft, info)
    if not article.paragraphs:
        raise ParseError("no article text (empty post)" if kind == "markdown" else "no article text")
    return article


def _briefing(text: str) -> Draft:
    lines = text.lstrip("\n").split("\n")
    found = leading_date(lines[0])
    assert found is not None  # detect_format checked it
    date, heading = found
    body_lines, related = take_related(lines[1:])
    return Draft("briefing", split_paragraphs("\n".join(body_lines)), heading=heading.strip(" -—–:|") or None,
                 line_date=date, related=related)


def _plain(text: str) -> Draft:
    lines = text.strip("\n").split("\n")
    heading = None
    first = lines[0].strip()
    if first and len(first) <= MAX_TITLE_LINE:
        heading = first
        lines = lines[1:]
    body_lines, related = take_related(lines)
    return Draft("text", split_paragraphs("\n".join(body_lines)), heading=heading, related=related)


def _markdown(text: str) -> Draft:
    problems: list[str] = []
    front: dict[str, object] = {}
    source, body, problem = frontmatter.split(text)
    if problem:
        problems.append(problem)
    if source is not None:
        try:
            front, more = frontmatter.load(source)
            problems.extend(more)
        except frontmatter.FrontMatterError as exc:
            problems.append(str(exc))
    paragraphs, heading = _markdown_paragraphs(body)
    line_date = None
    if not front and paragraphs:  # a dated first line works in Markdown too
        found = leading_date(paragraphs[0])
        if found and found[1].strip():
            line_date = found[0]
    return Draft("markdown", paragraphs, front=front, heading=heading, line_date=line_date, problems=problems)


def _markdown_paragraphs(body: str) -> tuple[list[str], str | None]:
    """Markdown blocks as plain paragraphs; the first `# ` heading becomes the title and leaves the body."""
    heading: str | None = None
    blocks: list[str] = []
    in_fence = False
    for raw in split_paragraphs(_break_blocks(body)):
        line = raw
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
            line = line.strip("`~ ")
            if not line:
                continue
        m = _ATX.match(line)
        if m and not in_fence:
            if heading is None and len(m.group(1)) == 1:
                heading = _inline(m.group(2))
                if not blocks:  # a title at the top is not repeated in the body
                    continue
            line = m.group(2)
        line = _inline(line) if not in_fence else line
        if line.strip() and not re.fullmatch(r"[-*_ ]{3,}", line):
            blocks.append(line.strip())
    return blocks, heading


def _break_blocks(body: str) -> str:
    """Put a blank line before headings and list items so each is its own paragraph."""
    out: list[str] = []
    for line in body.split("\n"):
        if _BLOCK_START.match(line.lstrip()) and out and out[-1].strip():
            out.append("")
        out.append(line)
    return "\n".join(out)


def _inline(text: str) -> str:
    if "[" in text:  # each pattern needs its mark: most paragraphs have none, and skip the regexes
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", text)
        text = _ITALIC.sub(r"\2", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if text.startswith(">"):
        text = text.lstrip("> ")
    return text
