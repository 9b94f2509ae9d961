"""Markdown as a document: markdown-it-py's tokens into blocks (headings, paragraphs, list items, block quotes,
code, tables, rules), with emphasis, inline code and links kept as styles on the text.

markdown-it (CommonMark, with tables and strikethrough) parses in linear time; nothing here reads Markdown
with a regular expression. Raw HTML blocks go through the HTML reader, which keeps their prose and drops
their tags, comments and scripts; an inline tag is dropped, its text kept.
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing_tui.core.formats.blocks import Inline, RawBlock
from briefing_tui.core.formats.html_reader import fragment_blocks
from briefing_tui.core.model import PROSE_KINDS

_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
"""Raw HTML is recognised so that its tags can be dropped, never shown as text."""

_STYLES = {"em": "em", "strong": "strong", "s": "strike"}
_INLINE_MARKS = re.compile(r"[\[*_`~]")
"""A character that can start inline Markdown (a link or image, emphasis, code, strikethrough)."""
_INLINE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})\b")
_HREF = re.compile(r"""\bhref\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s>"']++))""", re.IGNORECASE)
_TAG_STYLES = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code", "kbd": "code",
               "s": "strike", "del": "strike", "strike": "strike"}

_MARKUP_CHARS = "#*_[]<>`&\\|~!=-+\t\r\v\f\0"
_LINE_START = re.compile(r"\n(?:[^\S\n]|[0-9])")
"""A line that starts with a space or a digit (indented code, an ordered list). The search starts with a
literal newline, so it scans fast; no backtracking."""
_BLANK_LINES = re.compile(r"\n(?:[ ]*\n)+")


def is_plain_prose(body: str) -> bool:
    """True for text in which CommonMark can see nothing but paragraphs (most news posts' bodies): no
    character that can start markup, no line that starts with a space, a digit or a marker. markdown-it
    would return the same paragraphs; a property test holds the two to that."""
    # A substring test per character is a fast scan each: several times faster than a set or a class; `map` of
    # the method runs them with no generator frame.
    if any(map(body.__contains__, _MARKUP_CHARS)) or body[:1].isspace() or "0" <= body[:1] <= "9":
        return False
    return _LINE_START.search(body) is None


def plain_paragraphs(body: str) -> list[str]:
    """The paragraphs of plain prose (see `is_plain_prose`): blank-line separated, lines joined by spaces. Only
    spaces and tabs end a line, as in CommonMark: a no-break space before a line break stays (`?\xa0\n:`)."""
    return [" ".join([line.strip(" \t") for line in block.split("\n")]).strip() if "\n" in block else block.strip()
            for block in _BLANK_LINES.split(body.strip()) if block.strip()]


_TEMPLATE_MARKS = ("{%", "{{", "{:")
_HIGHLIGHT_FENCE = "~~~~~~~~~~"
"""The fence a highlight block becomes: long, so that a code block inside it cannot close it."""
_TEMPLATE_PAIRS = (("{{", "}}"), ("{%", "%}"), ("{:", "}"))
_SPACES = re.compile(r"[ ]{2,}")


def without_templates(body: str) -> str:
    """A Jekyll or Hugo post's Markdown without what its site generator reads and readers never see: Liquid tags
    (`{% include … %}`, `{{ page.date }}`), Hugo shortcodes (`{{< figure … >}}`) and kramdown's attribute lists
    (`{: .lead}`, the `* TOC` / `{:toc}` marker); a `{% highlight LANG %}` (or `{{< highlight LANG >}}`) block
    becomes a fenced code block. Fenced code and inline code are left as they are; every line stays a line
    (a dropped one is blank), so the blocks keep their places. One pass, linear in the text."""
    if "{" not in body or not any(map(body.__contains__, _TEMPLATE_MARKS)):  # one scan for most posts
        return body
    out: list[str] = []
    fence: str | None = None  # what closes the open code block: a fence, or `endhighlight`
    for line in body.split("\n"):
        stripped = line.strip()
        tag = _template_tag(stripped)
        if fence is not None:
            if fence == "highlight" and tag in ("endhighlight", "/highlight"):
                out.append(_HIGHLIGHT_FENCE)
                fence = None
            else:
                if fence != "highlight" and stripped.startswith(fence):
                    fence = None
                out.append(line)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(line)
        elif tag is not None:
            words = tag.split()
            if words and words[0] == "highlight":
                out.append(_HIGHLIGHT_FENCE + (words[1] if len(words) > 1 else ""))
                fence = "highlight"
            else:
                out.append("")
        elif stripped.startswith("{:") and stripped.endswith("}") and "}" not in stripped[:-1]:
            if stripped.replace(" ", "") == "{:toc}" and out and out[-1].strip() in ("* TOC", "- TOC", "1. TOC"):
                out[-1] = ""  # kramdown's table of contents: the list it replaces
            out.append("")
        elif any(map(line.__contains__, _TEMPLATE_MARKS)):
            out.append(_inline_templates(line))
        else:
            out.append(line)
    return "\n".join(out)


def _template_tag(stripped: str) -> str | None:
    """The words of a line that is one Liquid tag (`{% include x %}`, `{%- if -%}`) or one Hugo shortcode
    (`{{< figure … >}}`, `{{% note %}}`), else None."""
    for start, end in (("{%", "%}"), ("{{<", ">}}"), ("{{%", "%}}")):
        if stripped.startswith(start) and stripped.endswith(end) and stripped.count(end) == 1 \
                and len(stripped) >= len(start) + len(end):
            return stripped[len(start):len(stripped) - len(end)].strip("- ")
    return None


def _inline_templates(line: str) -> str:
    """A line without its Liquid output and tags and kramdown span attributes, outside inline code."""
    parts = line.split("`")
    for k in range(0, len(parts), 2):  # the even parts are outside code spans
        text = parts[k]
        for start, end in _TEMPLATE_PAIRS:
            if start not in text:
                continue
            kept: list[str] = []
            at = 0
            while (found := text.find(start, at)) >= 0:
                close = text.find(end, found + len(start))
                if close < 0:
                    break
                kept.append(text[at:found])
                at = close + len(end)
            kept.append(text[at:])
            text = "".join(kept)
        parts[k] = text
    joined = "`".join(parts)
    if joined == line:
        return line
    if len(parts) == 1 and all(word in _FRAME_WORDS for word in _WORD.findall(joined.casefold())):
        return ""  # `Posted on {{ page.date }} by {{ page.author }}.`: the words around what the site filled in
    return _SPACES.sub(" ", joined)


_WORD = re.compile(r"[^\W\d_]++")
_FRAME_WORDS = frozenset((
    "posted", "published", "updated", "written", "last", "modified", "on", "by", "in", "at", "and", "the", "of",
    "from", "date", "author", "authors", "tags", "tag", "categories", "category", "filed", "under", "reading",
    "time", "min", "minute", "minutes", "read", "words", "le", "la", "les", "par", "publié", "publiée", "mis", "à",
    "jour", "dans", "am", "von", "veröffentlicht", "aktualisiert", "unter"))
"""The words of a line that only frames what a template filled in (`Posted on … by ….`, `Tags: …`): left with
them alone, the line says nothing and goes."""


def markdown_blocks(body: str) -> tuple[list[RawBlock], str | None]:
    """The blocks of a Markdown body, and the text of its first level-1 heading (the title), which leaves
    the body when it is the first block. Raises TooDeep when lists and quotes nest past what markdown-it reads
    (it drops what is deeper, silently)."""
    tokens = _MARKDOWN.parse(body)
    if tokens and max(t.level for t in tokens) >= MAX_NESTING - 1 and _lost_lines(tokens, body):
        raise TooDeep
    reader = _Reader()
    for token in tokens:
        reader.token(token)
    return reader.blocks, reader.heading


MAX_NESTING: int = _MARKDOWN.options["maxNesting"]
"""Levels of blocks inside blocks that markdown-it reads (a list item is two: the list and the item)."""
_MARKERS = re.compile(r"^(?:[ \t]*+(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))++", re.MULTILINE)
"""The quote and list markers that open a line (`> > - `, `  1. `): possessive, each step takes a marker."""
_TEXT_TOKENS = frozenset(("inline", "fence", "code_block", "html_block", "hr"))


class TooDeep(Exception):
    """A Markdown body nested deeper than markdown-it reads."""


def _lost_lines(tokens: list[Token], body: str) -> bool:
    """Whether a line with text is in no block markdown-it gave (it stopped at its nesting limit)."""
    covered: set[int] = set()
    for t in tokens:
        if t.map and t.type in _TEXT_TOKENS:
            covered.update(range(*t.map))
    return any(n not in covered and (text := _MARKERS.sub("", line).strip()) and not _REFERENCE.match(text)
               for n, line in enumerate(body.split("\n")))


_REFERENCE = re.compile(r"\[[^\]\n]{1,999}+\]:")
"""A link reference definition (`[x]: http://…`): a line of text markdown-it gives no token for."""


def flat_paragraphs(body: str) -> list[str]:
    """A body too deep to read as Markdown, as plain paragraphs without its quote and list markers."""
    return plain_paragraphs(_MARKERS.sub("", body))


class _Reader:
    """Walks the block tokens once, keeping what encloses the current one: lists, list items, quotes."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.heading: str | None = None
        self.lists: list[list[int]] = []  # per open list: [next number] (ordered) or [] (bullets)
        self.item_marker: str | None = None  # the marker the next paragraph of a list item takes
        self.quotes = 0
        self.kind = "paragraph"
        self.level = 0
        self.rows: list[list[str]] | None = None

    def token(self, token: Token) -> None:
        kind = token.type
        if kind == "inline":
            self.inline(token)
        elif kind == "bullet_list_open":
            self.lists.append([])
        elif kind == "ordered_list_open":
            self.lists.append([_start(token)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if self.lists:
                self.lists.pop()
        elif kind == "list_item_open":
            numbers = self.lists[-1] if self.lists else []
            if numbers:
                self.item_marker = f"{numbers[0]}{token.markup or '.'}"
                numbers[0] += 1
            else:
                self.item_marker = "•"
        elif kind == "list_item_close":
            self.item_marker = None
        elif kind == "blockquote_open":
            self.quotes += 1
        elif kind == "blockquote_close":
            self.quotes = max(0, self.quotes - 1)
        elif kind == "heading_open":
            self.kind, self.level = "heading", int(token.tag[1:] or 1)
        elif kind == "heading_close":
            self.kind, self.level = "paragraph", 0
        elif kind in ("fence", "code_block"):
            self.blocks.append(RawBlock("code", token.content))
        elif kind == "hr":
            self.blocks.append(RawBlock("rule"))
        elif kind == "html_block":
            self.blocks.extend(_html_block(token.content))
        elif kind == "table_open":
            self.rows = []
        elif kind == "tr_open" and self.rows is not None:
            self.rows.append([])
        elif kind == "table_close" and self.rows is not None:
            self.blocks.append(RawBlock("table", rows=self.rows))
            self.rows = None

    def inline(self, token: Token) -> None:
        text = Inline()
        _inline(token, text)
        if self.rows is not None:  # a table cell: its words, without styles
            if self.rows:
                self.rows[-1].append(text.text())
            return
        if self.kind == "heading":
            if self.heading is None and self.level == 1 and not self.lists and not self.quotes:
                self.heading = text.text()
                if not self.blocks:  # a title at the top is not repeated in the body
                    return
            self.blocks.append(text.take("heading", self.level))
        elif self.item_marker is not None:
            self.blocks.append(text.take("list_item", len(self.lists), self.item_marker))
            self.item_marker = ""  # the item's later paragraphs: no marker of their own
        elif self.lists:
            self.blocks.append(text.take("list_item", len(self.lists)))
        elif self.quotes:
            self.blocks.append(text.take("quote", self.quotes))
        else:
            self.blocks.append(text.take("paragraph"))


def _html_block(source: str) -> list[RawBlock]:
    """A raw HTML block's prose. CommonMark leaves Markdown inside an HTML block as it is; the Jekyll posts that
    put their text in `<td>…</td>` or `<div>` expect its links, images and emphasis to work, so a block of
    the fragment with Markdown marks and no styles of its own is read again as inline Markdown (its `&`s
    escaped first: the HTML reader decoded its references once already)."""
    blocks = fragment_blocks(source)
    for k, block in enumerate(blocks):
        if block.kind in PROSE_KINDS and not block.styles and not block.links and _INLINE_MARKS.search(block.text):
            text = Inline()
            for token in _MARKDOWN.parseInline(block.text.replace("&", "&amp;")):
                _inline(token, text)
            blocks[k] = text.take(block.kind, block.level, block.marker)
    return blocks


def _start(token: Token) -> int:
    start = token.attrGet("start")
    try:
        return max(0, min(int(start), 10**9)) if start is not None else 1
    except (TypeError, ValueError):
        return 1


def _inline(token: Token, out: Inline) -> None:
    """The children of an inline token into `out`: text, styles, links; an image as `[image: alt]`."""
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            out.add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.add(" ")
        elif kind == "code_inline":
            out.open("code")
            out.add(child.content)
            out.close("code")
        elif kind.endswith("_open") and kind[:-5] in _STYLES:
            out.open(_STYLES[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _STYLES:
            out.close(_STYLES[kind[:-6]])
        elif kind == "link_open":
            out.open_link(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            out.close_link()
        elif kind == "image":
            alt = "".join(c.content for c in child.children or () if c.type in ("text", "code_inline")).strip()
            out.add(f"[image: {alt}]" if alt else "[image]")
        elif kind == "html_inline":
            _inline_tag(child.content, out)


def _inline_tag(tag: str, out: Inline) -> None:
    """A raw inline tag: dropped, but `<br>` is a space, `<a href>` a link and `<em>`, `<b>`… styles."""
    m = _INLINE_TAG.match(tag)
    if m is None:
        return
    closing, name = m.group(1) == "/", m.group(2).lower()
    if name == "br":
        out.add(" ")
    elif name == "a":
        if closing:
            out.close_link()
        else:
            href = _HREF.search(tag)
            if href:
                out.open_link(unescape(href.group(1) or href.group(2) or href.group(3) or ""))
    elif name in _TAG_STYLES:
        (out.close if closing else out.open)(_TAG_STYLES[name])
