"""The three article formats of docs/formats.md, and which one a file is."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing_tui.core.formats import frontmatter
from briefing_tui.core.formats.common import (
    Draft,
    FileInfo,
    ParseError,
    build,
    split_paragraphs,
    take_related,
)
from briefing_tui.core.formats.dates import leading_date
from briefing_tui.core.model import Article

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES

MAX_TITLE_LINE = 150
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")
"""CommonMark with tables; raw HTML is recognised so that it can be dropped, never shown as text."""


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
    """Markdown blocks as plain paragraphs; the first `# ` heading becomes the title and leaves the body.

    markdown-it-py (CommonMark, with tables) parses the text in linear time: headings, list items,
    table rows and code blocks each become a paragraph; link and emphasis marks go, the words stay;
    an image gives its alt text; raw HTML blocks and comments are dropped.
    """
    if _is_plain_prose(body):
        return [" ".join(line.strip() for line in block.split("\n")) for block in _BLANK_LINES.split(body.strip())
                if block.strip()], None
    heading: str | None = None
    blocks: list[str] = []
    bullets: list[str] = []  # the marker of each open list: `-` or `1.`
    row: list[str] = []
    tokens = _MARKDOWN.parse(body)
    for k, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            bullets.append("-" if kind == "bullet_list_open" else "1.")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            bullets.pop()
        elif kind in ("tr_open",):
            row = []
        elif kind == "tr_close":
            blocks.append(" | ".join(row))
        elif kind in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif kind == "inline":
            text = _inline_text(token).strip()
            parent = tokens[k - 1].type if k else ""
            if parent in ("th_open", "td_open"):
                row.append(text)
                continue
            if parent == "heading_open" and heading is None and tokens[k - 1].tag == "h1":
                heading = text
                if not blocks:  # a title at the top is not repeated in the body
                    continue
            if not text:
                continue
            in_item = k >= 2 and tokens[k - 2].type == "list_item_open" and bullets
            if in_item:
                marker = bullets[-1] if bullets[-1] == "-" else f"{tokens[k - 2].info or 1}{tokens[k - 2].markup}"
                text = f"{marker} {text}"
            blocks.append(text)
    return [b for b in blocks if b.strip()], heading


_MARKUP_CHARS = "#*_[]<>`&\\|~!=-+\t\r\v\f\0"
_LINE_START = re.compile(r"\n(?:[^\S\n]|[0-9])")
"""A line that starts with a space or a digit (indented code, an ordered list). The search starts with a
literal newline, so it scans fast; no backtracking."""
_BLANK_LINES = re.compile(r"\n(?:[ ]*\n)+")


def _is_plain_prose(body: str) -> bool:
    """True for text in which CommonMark can see nothing but paragraphs (most news posts' bodies): no
    character that can start markup, no line that starts with a space, a digit or a marker. markdown-it
    would return the same paragraphs; a property test holds the two to that."""
    # A substring test per character is a fast scan each: several times faster than a set or a class.
    if any(ch in body for ch in _MARKUP_CHARS) or body[:1].isspace() or "0" <= body[:1] <= "9":
        return False
    return _LINE_START.search(body) is None


def _inline_text(token: Token) -> str:
    """The words of an inline token: marks dropped, code and image alt text kept, raw HTML dropped."""
    out: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(child.content)  # the alt text
    return "".join(out)
