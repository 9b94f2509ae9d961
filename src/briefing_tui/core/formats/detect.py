"""The three article formats of docs/formats.md, and which one a file is."""

from __future__ import annotations

import datetime as dt

from briefing_tui.core.formats import frontmatter
from briefing_tui.core.formats.blocks import decode_entities
from briefing_tui.core.formats.common import (
    Draft,
    FileInfo,
    ParseError,
    build,
    split_paragraphs,
    take_related,
)
from briefing_tui.core.formats.dates import leading_date
from briefing_tui.core.formats.markdown import (
    MAX_NESTING,
    TooDeep,
    flat_paragraphs,
    is_plain_prose,
    markdown_blocks,
    plain_paragraphs,
    without_templates,
)
from briefing_tui.core.formats.webpage import read_page
from briefing_tui.core.model import PROSE_KINDS, Article
from briefing_tui.core.reading.sanitize import strip_escape_sequences

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
EMAIL_SUFFIXES = frozenset({".eml"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | EMAIL_SUFFIXES
NO_ARTICLE_FILES = ("no article files here: the files read are .txt, .md, .markdown, .html, .htm, .eml and files "
                    "with no extension; hidden files and folders are skipped")
"""What a library with no article and no problem is told (an empty folder, a folder of PDFs)."""

MAX_TITLE_LINE = 150


def detect_format(text: str, suffix: str) -> str:
    """`html` and `email` by suffix; `markdown` for front matter or a Markdown suffix, `briefing` for a dated
    first line, else `text`."""
    if suffix.lower() in HTML_SUFFIXES:
        return "html"
    if suffix.lower() in EMAIL_SUFFIXES:
        return "email"
    if text.startswith(("---", "+++")) and frontmatter.split(text).source is not None:
        return "markdown"
    if suffix.lower() in MARKDOWN_SUFFIXES:
        return "markdown"
    first = text.lstrip("\n").split("\n", 1)[0]
    if leading_date(first) is not None:
        return "briefing"
    return "text"


def parse_text(text: str, info: FileInfo, suffix: str, *,
               email_section_headers: tuple[str, ...] | None = None) -> Article:
    """Parse decoded text as the format it is; raise ParseError for a file with no article in it.

    `email_section_headers` are the headers that give an e-mail its section, first found wins (None: those of
    `mail.SECTION_HEADERS`)."""
    text = strip_escape_sequences(text.replace("\r\n", "\n").replace("\r", "\n"))  # whole, not only their ESC
    if not text.strip():
        raise ParseError("empty file")
    kind = detect_format(text, suffix)
    if kind == "markdown":
        draft = _markdown(text)
    elif kind == "html":
        draft = _webpage(text)
    elif kind == "email":
        draft = _mail(text, email_section_headers)
    elif kind == "briefing":
        draft = _briefing(text)
    else:
        draft = _plain(text)
    article = build(draft, info)
    if not article.paragraphs and not any(article.searched()):  # a post of a table or a code block alone is one
        raise ParseError("no article text (empty post)" if kind == "markdown" else "no article text")
    return article


def _briefing(text: str) -> Draft:
    lines = text.lstrip("\n").split("\n")
    found = leading_date(lines[0])
    assert found is not None  # detect_format checked it
    date, heading = found
    rest = lines[1:]
    if len(heading.strip()) > MAX_TITLE_LINE:  # `May 1, 2025 The minister said …` running on for a page: the
        rest, heading = [heading, *rest], ""  # article's first paragraph, not its title (as in plain text)
    body_lines, related = take_related(rest)
    return Draft("briefing", split_paragraphs(decode_entities("\n".join(body_lines))),
                 heading=decode_entities(heading).strip(" -—–:|") or None, line_date=date, related=related)


def _plain(text: str) -> Draft:
    lines = text.strip("\n").split("\n")
    heading = None
    first = lines[0].strip()
    if first and len(first) <= MAX_TITLE_LINE and any(line.strip() for line in lines[1:]):  # a note of one
        heading = decode_entities(first)  # line is its title and its text
        lines = lines[1:]
    body_lines, related = take_related(lines)
    return Draft("text", split_paragraphs(decode_entities("\n".join(body_lines))), heading=heading, related=related)


def _markdown(text: str) -> Draft:
    front, body, problems = _front_matter(text)
    body = without_templates(body)
    if is_plain_prose(body):
        draft = Draft("markdown", plain_paragraphs(body), front=front, problems=problems)
    else:
        try:
            blocks, heading = markdown_blocks(body)
            draft = Draft("markdown", [], front=front, heading=heading, problems=problems, blocks=blocks)
        except TooDeep:  # markdown-it would drop what is deeper: every word, without the lists' and quotes' marks
            draft = Draft("markdown", flat_paragraphs(body), front=front, problems=[
                *problems, f"lists or quotes nested deeper than {MAX_NESTING // 2} levels: shown as plain paragraphs"])
    if not front:  # a dated first line works in Markdown too
        draft.line_date = _first_line_date(draft)
    return draft


def _webpage(text: str) -> Draft:
    """A saved page; with front matter (a Jekyll post written in HTML), the front matter comes first."""
    front, body, problems = _front_matter(text) if text.startswith("---") else ({}, text, [])
    page = read_page(body)
    merged: dict[str, object] = {"title": page.title, "section": page.section, **page.front}
    merged = {k: v for k, v in merged.items() if v} | front
    draft = Draft("html", [], front=merged, heading=page.heading, line_date=page.date, problems=problems,
                  blocks=page.blocks)
    return draft


def _mail(text: str, section_headers: tuple[str, ...] | None) -> Draft:
    # Imported for the first e-mail only: the standard library's `email` package is 4.6 MB of memory that a
    # library with no `.eml` in it (and the reader showing it) never needs.
    from briefing_tui.core.formats.mail import SECTION_HEADERS, read_mail

    message = read_mail(text, section_headers or SECTION_HEADERS)
    return Draft("email", [], front=message.front, heading=message.heading, blocks=message.blocks)


def _front_matter(text: str) -> tuple[dict[str, object], str, list[str]]:
    """(front matter, body, problems) of a text that may start with a `---` (YAML) or `+++` (TOML) block."""
    problems: list[str] = []
    front: dict[str, object] = {}
    source, body, problem, kind = frontmatter.split(text)
    if problem:
        problems.append(problem)
    if source is not None:
        try:
            front, more = frontmatter.load_toml(source) if kind == "toml" else frontmatter.load(source)
            problems.extend(more)
        except frontmatter.FrontMatterError as exc:
            problems.append(str(exc))
    return front, body, problems


def _first_line_date(draft: Draft) -> dt.date | None:
    """The date a first paragraph starts with, when text follows it."""
    if draft.blocks is not None:
        first = next((b.text for b in draft.blocks if b.kind in PROSE_KINDS and b.text.strip()), "")
    else:
        first = draft.paragraphs[0] if draft.paragraphs else ""
    found = leading_date(first.strip())
    return found[0] if found and found[1].strip() else None
