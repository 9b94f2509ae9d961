"""HTML into blocks with the standard library's html.parser: the reader behind saved web pages, the HTML
in Markdown and HTML e-mail.

Headings, paragraphs, lists, block quotes, preformatted text and tables stay blocks; a table that holds blocks is
layout and gives its prose. Scripts, styles, navigation, headers, footers, asides, forms, hidden elements and
comments are dropped. `PageReader.body` picks an article's blocks out of a whole page.

html.parser in Python 3.11 rescans the rest of the text for every construct left unclosed (`<!--`, `<a b='>'=`
repeated: quadratic work). `_guarded` gives it a text in which every construct finds its end: marked sections
(`<![…]>`, which also raise errors) become bogus comments, and a closing comment ends the text, which closes an
open comment and gives an open tag the `>` it looks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from briefing_tui.core.formats.blocks import Inline, RawBlock

SKIPPED = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
                     "math", "iframe", "object", "button", "select", "textarea", "dialog", "head", "canvas",
                     "title"})
"""Elements whose text is not the article's."""
_SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"})
_UNLIKELY = re.compile(r"comment|disqus|replies|respond|sidebar|related|recirc|social|share|sponsor|promo|"
                       r"newsletter|subscribe|cookie|gdpr|consent|popup|outbrain|taboola|advert|signup")
"""Class and id names of what a page puts around its story (readers' comments, related links, sharing, ads,
pop-ups), as Readability's `unlikelyCandidates`: their text is not the article's. Literals only: linear."""
_LIKELY = re.compile(r"article|story|content|main|body|entry|text")
"""Names that keep such an element: a class of its own (`share-tools article-body`), or, in the same name, a word
that names what holds a story (`_HOLDS_STORY`: `content-with-sidebar`). `article` alone in a name that says
`share` or `related` does not: `article-share-buttons` and `related-article-card` are what is around a story."""
_HOLDS_STORY = re.compile(r"content|main|body|text")
_AD_LABELS = frozenset({"advertisement", "advertisements", "story continues below advertisement",
                        "article continues below advertisement", "skip advertisement",
                        "advertisement scroll to continue"})
"""What an ad's empty box says (case, spaces and punctuation aside): a paragraph of only this is no story's."""
_UNLIKELY_TAGS = frozenset({"div", "section", "ul", "ol", "li", "span", "p", "table", "figure", "dl", "center"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                    "dl", "dt", "dd", "blockquote", "pre", "table", "caption", "thead", "tbody", "tfoot", "tr",
                    "td", "th", "figure", "figcaption", "address", "center", "body", "html", "details", "summary",
                    "fieldset", "legend", "hgroup", "menu", "hr", "nav", "header", "footer", "aside", "form",
                    "dialog", "head"})
"""Tags that end the text before them. A skipped inline element (an icon's `<svg>`, a `<button>`) does not."""
_TABLE_PARTS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_HIDDEN_CLASSES = ("sr-only", "visually-hidden", "screen-reader", "visuallyhidden")
_IMPLIED_STOPS = {"li": ("ul", "ol", "menu"), "dt": ("dl",), "dd": ("dl",), "tr": ("table",), "td": ("tr", "table"),
                  "th": ("tr", "table"), "thead": ("table",), "tbody": ("table",), "tfoot": ("table",)}
"""A tag whose start ends an open element of the kinds in _IMPLIED_CLOSES, unless one of these comes first."""
_IMPLIED_CLOSES = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr", "td", "th"),
                   "td": ("td", "th"), "th": ("td", "th"), "thead": ("tr", "td", "th", "thead", "tbody"),
                   "tbody": ("tr", "td", "th", "thead", "tbody"), "tfoot": ("tr", "td", "th", "thead", "tbody")}
_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "body", "center", "blockquote", "li"})
_STYLES = {"em": "em", "i": "em", "cite": "em", "dfn": "em", "strong": "strong", "b": "strong", "code": "code",
           "kbd": "code", "samp": "code", "tt": "code", "s": "strike", "del": "strike", "strike": "strike"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_TAG_IN_TEXT = re.compile(r"</?[A-Za-z][^<>]{0,200}+>")
"""A tag written out in an attribute's text (escaped markup, decoded once): one bounded run, no backtracking."""
PARAGRAPH = 80
"""Characters of prose (outside links) a block needs to count as a paragraph of a story (as Readability's)."""
MAX_CLIMB = 12
"""Containers looked at above the densest one for the rest of its story (`PageReader._story_around`)."""
MAX_DEPTH = 512
"""Open elements kept track of; deeper ones are read as text (a hostile nest costs no more than its length)."""
MAX_SCAN = 16
"""How far up the open elements an implied end (a `<li>` closing the last one) looks."""
MAX_JSON = 512 * 1024
"""JSON-LD read per page."""


def fragment_blocks(source: str) -> list[RawBlock]:
    """The prose of a piece of HTML (a raw block in Markdown): every block, no body chosen."""
    reader = PageReader()
    reader.read(source)
    return reader.blocks


def _guarded(source: str) -> str:
    """The text html.parser gets: see the module's docstring. Linear: one replace and an appended comment."""
    return source.replace("<![", "<! [") + "\n<!-- -->"


@dataclass
class _Open:
    """An element that is open, and what it changed when it opened (undone when it closes)."""

    tag: str
    skip: bool = False
    container: int = -1
    list_numbers: list[int] | None = None
    item: bool = False
    quote: bool = False
    heading: int = 0
    pre: bool = False
    table: _Table | None = None
    cell: bool = False
    outer_cells: int = 0
    """A table's: the cells open in the table around it, given back when it ends."""
    crumbs: bool = False
    style: str | None = None
    link: bool = False


@dataclass
class _Table:
    rows: list[list[str]] = field(default_factory=list)
    layout: bool = False


@dataclass
class _Container:
    tag: str
    first: int
    end: int = -1
    text: int = 0
    score: float = 0.0
    parent: int = -1
    main: bool = False
    outer_article: bool = False
    """An `<article>` in no other `<article>`."""
    last: int = -1
    """The number of containers when it closed: those after it and before this one are inside it."""


_UPDATED_WORDS = ("updated", "update", "modified", "revised", "mis à jour", "mise à jour", "modifié",
                  "aktualisiert", "geändert")
_UPDATED_TAIL = (" on", " at", " le", " am", " um", ":")


def _says_updated(attrs: dict[str, str], before: str) -> bool:
    """True for a `<time>` that says when the page was changed: `itemprop="dateModified"`, a class that says
    `updated` or `modified`, or text just before it that ends so (`Last updated`, `Mis à jour le`)."""
    if attrs.get("itemprop", "").lower() == "datemodified":
        return True
    classes = attrs.get("class", "").lower()
    if "updated" in classes or "modified" in classes:
        return True
    text = before.lower().rstrip()
    for tail in _UPDATED_TAIL:
        if text.endswith(tail):
            text = text[: -len(tail)].rstrip()
            break
    return text.endswith(_UPDATED_WORDS)


def _unlikely(names: str) -> bool:
    """Whether an element's class and id names say it is around the story, not the story (see `_LIKELY`)."""
    if not _UNLIKELY.search(names):
        return False
    tokens = names.split()
    return not any(_HOLDS_STORY.search(t) if _UNLIKELY.search(t) else _LIKELY.search(t) for t in tokens)


class PageReader(HTMLParser):
    """Tags and text in, blocks out, in one pass with the open elements on a bounded stack; on the way, what the
    page says about itself (meta tags, `<title>`, the first `<h1>`, `<time>`, JSON-LD text, breadcrumbs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.inline = Inline()
        self.stack: list[_Open] = []
        self.open_tags: dict[str, int] = {}
        self.skip = 0
        self.lists: list[list[int]] = []
        self.items: list[list[str]] = []  # per open list item: [the marker its next block takes]
        self.quotes = 0
        self.heading = 0
        self.pre = 0
        self.tables: list[_Table] = []
        self.cells = 0
        self.containers: list[_Container] = []
        self.open_containers: list[int] = []
        self.meta: dict[str, str] = {}
        self.tags: list[str] = []
        self.canonical: str | None = None
        self.title_text: str | None = None
        self.in_title = False
        self.first_h1: str | None = None
        self.h1_text: list[str] | None = None
        self.time: str | None = None
        self.time_published = False
        self.time_updated: str | None = None
        """The first `<time>` that says when the page was updated, not published: the last resort."""
        self.last_text = ""
        """The end of the last text seen: `Last updated` before a `<time>`."""
        self.json_ld: list[str] = []
        self.json_size = 0
        self.in_json = False
        self.crumbs: list[str] = []
        self.crumb_depth = 0
        self.crumb_text: list[str] | None = None
        self.brs = 0

    def read(self, source: str) -> None:
        """Read a whole page or fragment (see `_guarded`)."""
        self.feed(_guarded(source))
        self.close()
        self.flush()
        while self.stack:
            self._pop()

    # --- what the page says about itself

    def _head_tag(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
            content = attrs.get("content")
            if key and content is not None:
                if key == "article:tag":
                    self.tags.append(content)
                else:
                    self.meta.setdefault(key, content)
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            self.canonical = self.canonical or attrs.get("href")
        elif tag == "time" and attrs.get("datetime"):
            published = "pubdate" in attrs or attrs.get("itemprop", "").lower() == "datepublished"
            if not published and _says_updated(attrs, self.last_text):
                self.time_updated = self.time_updated or attrs["datetime"]
            elif self.time is None or (published and not self.time_published):
                self.time, self.time_published = attrs["datetime"], published
        elif tag == "title" and self.title_text is None:
            self.in_title, self.title_text = True, ""

    # --- the parser's events

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag in ("meta", "link", "time", "title") and not self.open_tags.get("svg"):
            self._head_tag(tag, attrs)
        if tag == "script":
            self.in_json = "ld+json" in attrs.get("type", "").lower()
        if self.crumb_depth and tag in ("a", "li"):
            self.crumb_text = []
        if tag == "br":
            self._br()
            return
        if self.brs and tag not in ("a", "span", "b", "strong", "i", "em", "font"):
            self.brs = 0
        if tag in _BLOCK:
            self._implied_ends(tag)
            if self.tables and self.cells and tag not in _TABLE_PARTS and not self.tables[-1].layout:
                self._to_layout(self.tables[-1])  # a block in a cell: the table is layout
            if not self.skip:
                self.flush()
        if tag == "img" and not self.skip:
            alt = " ".join(_TAG_IN_TEXT.sub(" ", attrs.get("alt", "")).split())  # MSN's alt text holds escaped
            if alt:  # markup (`&lt;span style=…&gt;Nintendo&lt;/span&gt;`): its words, not its tags
                self._text(f"[image: {alt}]")
        elif tag == "hr" and not self.skip:
            self.blocks.append(RawBlock("rule"))
        elif tag == "q":
            self._text("“")
        if tag in _VOID or len(self.stack) >= MAX_DEPTH:
            return
        self._push(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "script":
            self.in_json = False
        elif tag == "q":
            self._text("”")
        if self.crumb_text is not None and tag in ("a", "li"):
            self.crumbs.append("".join(self.crumb_text))
            self.crumb_text = None
        if tag == "br":  # `</br>` is a `<br>` to browsers
            self._br()
            return
        if not self.open_tags.get(tag):
            return
        if tag in _BLOCK and not self.skip:
            self.flush()
        while self.stack:
            if self._pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_text = (self.title_text or "") + data
        if self.crumb_text is not None:
            self.crumb_text.append(data)
        if self.h1_text is not None:
            self.h1_text.append(data)
        if self.cdata_elem:  # the text of a script or a style: JSON-LD is kept, the rest dropped
            if self.in_json and self.json_size < MAX_JSON:
                self.json_ld.append(data[:MAX_JSON - self.json_size])
                self.json_size += len(data)
            return
        if data.strip():
            self.last_text = data[-40:]
        if self.skip:
            return
        if self.brs and data.strip():
            self.brs = 0
        self.inline.add(data)  # white space is collapsed when the block is cleaned (not in `<pre>`)

    # --- blocks

    def _text(self, text: str) -> None:
        if not self.skip:
            self.inline.add(text)

    def _br(self) -> None:
        if self.skip:
            return
        if self.pre:
            self.inline.add("\n")
            return
        self.brs += 1
        if self.brs >= 2:  # two line breaks in a row end a paragraph
            self.flush()
        else:
            self.inline.add(" ")

    def flush(self) -> None:
        """End the text gathered so far: a block of the kind the open elements make it (or a table cell)."""
        self.brs = 0
        if self.pre or not self.inline.parts:
            return
        if self.inline.is_blank():
            self.inline.take("paragraph")
            return
        if self.tables and self.cells and not self.tables[-1].layout:
            return  # a cell of a table of data: its text is taken when the cell ends
        if self.heading:
            block = self.inline.take("heading", self.heading)
        elif self.items:
            block = self.inline.take("list_item", len(self.lists), self.items[-1][0])
            self.items[-1][0] = ""
        elif self.quotes:
            block = self.inline.take("quote", self.quotes)
        else:
            block = self.inline.take("paragraph")
        self._emit(block)

    def _emit(self, block: RawBlock) -> None:
        if block.kind == "paragraph" and len(block.text) <= 1024 and _words(block.text) in _AD_LABELS:
            return
        self.blocks.append(block)
        if self.open_containers and block.kind != "heading":
            size = len(block.text)
            inner = self.containers[self.open_containers[-1]]
            inner.text += size
            inner.score += size
            if inner.parent >= 0:
                self.containers[inner.parent].score += size / 2

    def _implied_ends(self, tag: str) -> None:
        """HTML's optional end tags: a block closes an open `<p>`; `<li>`, `<dt>`, `<dd>`, `<tr>`, `<td>`,
        `<th>` close the previous one of their kind in the same list or table."""
        if self.stack and self.stack[-1].tag == "p" and tag != "br":
            self.flush()
            self._pop()
        stops = _IMPLIED_STOPS.get(tag)
        if stops is None:
            return
        closes = _IMPLIED_CLOSES[tag]
        for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - MAX_SCAN), -1):
            name = self.stack[k].tag
            if name in stops:
                return
            if name in closes:
                self.flush()
                while len(self.stack) > k:
                    self._pop()
                return

    def _push(self, tag: str, attrs: dict[str, str]) -> None:
        entry = _Open(tag)
        role = attrs.get("role", "").lower()
        style = attrs.get("style", "").replace(" ", "").lower()
        classes = attrs.get("class", "").lower()
        names = f"{classes} {attrs.get('id', '')}".lower() if tag in _UNLIKELY_TAGS else ""
        if (tag in SKIPPED or role in _SKIPPED_ROLES or "hidden" in attrs or "display:none" in style
                or any(c in classes for c in _HIDDEN_CLASSES)
                or (names and _unlikely(names))):
            entry.skip = True
            self.skip += 1
        marks = f"{classes} {attrs.get('id', '')} {attrs.get('aria-label', '')} " \
                f"{attrs.get('itemtype', '')}".lower()
        if "breadcrumb" in marks:
            entry.crumbs = True
            self.crumb_depth += 1
        if tag in _CONTAINERS:
            entry.container = len(self.containers)
            parent = self.open_containers[-1] if self.open_containers else -1
            main = tag in ("article", "main") or role in ("main", "article") or "articlebody" in attrs.get(
                "itemprop", "").lower()
            outer = tag == "article" and not self.open_tags.get("article")
            self.containers.append(_Container(tag, len(self.blocks), parent=parent, main=main, outer_article=outer))
            self.open_containers.append(entry.container)
        if tag in ("ul", "ol", "menu"):
            entry.list_numbers = [_number(attrs.get("start"))] if tag == "ol" else []
            self.lists.append(entry.list_numbers)
        elif tag == "li":
            numbers = self.lists[-1] if self.lists else []
            marker = "•"
            if numbers:
                n = _number(attrs["value"]) if attrs.get("value") else numbers[0]
                marker, numbers[0] = f"{n}.", n + 1
            entry.item = True
            self.items.append([marker])
        elif tag == "blockquote":
            entry.quote = True
            self.quotes += 1
        elif tag in _HEADINGS:
            entry.heading = self.heading
            self.heading = _HEADINGS[tag]
            if tag == "h1" and self.first_h1 is None and self.h1_text is None:
                self.h1_text = []
        elif tag == "pre":
            entry.pre = True
            self.pre += 1
        elif tag == "table":
            if self.tables and self.cells:  # a table in a cell: the outer one is layout
                self._to_layout(self.tables[-1])
            entry.table = _Table()
            self.tables.append(entry.table)
            entry.outer_cells, self.cells = self.cells, 0
        elif tag in ("td", "th") and self.tables:
            entry.cell = True
            self.cells += 1
            if not self.tables[-1].rows:
                self.tables[-1].rows.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in _STYLES:
            entry.style = _STYLES[tag]
            self.inline.open(entry.style)
        elif tag == "a":
            entry.link = True
            self.inline.open_link(attrs.get("href", ""))
        self.stack.append(entry)
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1

    def _pop(self) -> _Open:
        entry = self.stack.pop()
        self.open_tags[entry.tag] -= 1
        if entry.skip:
            self.skip -= 1
        if entry.crumbs:
            self.crumb_depth -= 1
        if entry.container >= 0:
            self.containers[entry.container].end = len(self.blocks)
            self.containers[entry.container].last = len(self.containers)
            self.open_containers.pop()
        if entry.list_numbers is not None and self.lists:
            self.lists.pop()
        if entry.item and self.items:
            self.items.pop()
        if entry.quote:
            self.quotes -= 1
        if entry.tag in _HEADINGS:
            if self.h1_text is not None and entry.tag == "h1":
                self.first_h1 = "".join(self.h1_text)
                self.h1_text = None
            self.heading = entry.heading
        if entry.pre:
            self.pre -= 1
            if not self.pre and not self.skip:
                block = self.inline.take("code")
                if block.text.strip():
                    block.text = block.text.removeprefix("\n")
                    self._emit(block)
        if entry.table is not None:
            self.flush()
            table = self.tables.pop()
            self.cells = entry.outer_cells
            if not table.layout and not self.skip:
                rows = [r for r in table.rows if any(c.strip() for c in r)]
                if len(rows) > 1 and max(len(r) for r in rows) > 1:
                    self._emit(RawBlock("table", rows=rows))
                else:
                    for row in rows:
                        for cell in row:
                            self._emit(RawBlock("paragraph", cell))
        elif entry.cell:
            if self.tables and not self.tables[-1].layout:
                self.tables[-1].rows[-1].append(self.inline.take("paragraph").text)
            else:
                self.flush()
            self.cells -= 1
        if entry.style is not None:
            self.inline.close(entry.style)
        if entry.link:
            self.inline.close_link()
        return entry

    def _to_layout(self, table: _Table) -> None:
        """A table found to hold blocks: its cells so far become paragraphs, and the rest is read as blocks."""
        table.layout = True
        pending = self.inline.take("paragraph") if not self.inline.is_blank() else None
        for row in table.rows:
            for cell in row:
                if cell.strip():
                    self._emit(RawBlock("paragraph", cell))
        table.rows = []
        if pending is not None:
            self._emit(pending)

    def body(self) -> list[RawBlock]:
        """The article's blocks: its `<article>`s (`_articles`), else `<main>`, else the densest container, else
        all. Linear: the text and prose sizes of every container come from one pass of sums over the blocks."""
        sizes = [0]
        prose = [0]
        for block in self.blocks:
            sizes.append(sizes[-1] + len(block.text))
            prose.append(prose[-1] + _prose_size(block))
        articles = [k for k, c in enumerate(self.containers)
                    if c.outer_article and c.end >= c.first and sizes[c.end] > sizes[c.first]]
        if articles:
            return self._articles(articles, sizes, prose)
        finished = [c for c in self.containers if c.end >= c.first]
        found = [c for c in finished if c.main and c.tag != "article"]
        if found:
            best = max(found, key=lambda c: sizes[c.end] - sizes[c.first])
            if sizes[best.end] > sizes[best.first]:
                return self.blocks[best.first:best.end]
        dense = max(finished, key=lambda c: c.score, default=None)
        if dense is not None and dense.score >= 200 and dense.tag != "body":
            dense = self._story_around(dense, sizes)
            return self.blocks[dense.first:dense.end]
        return self.blocks

    def _story_around(self, dense: _Container, sizes: list[int]) -> _Container:
        """The container around the densest one that holds the rest of its story: a page without `<article>`
        often splits it (a lede in one box, the rest in a `read-more` box; a magazine's sections in boxes of
        their own), and the densest box alone lost the lede. An ancestor is taken when what it adds is paragraphs
        of prose (of at least PARAGRAPH characters outside links: not headings, link lists, teasers, a widget's
        labels) and at least a tenth of the story so far, most of what it adds, and it is at most three times the
        story's size; wrappers that add nothing are passed through."""
        prose = [0]
        for block in self.blocks:
            size = _prose_size(block)
            prose.append(prose[-1] + (size if size >= PARAGRAPH and block.kind != "list_item" else 0))
        best = dense
        k, steps = dense.parent, 0
        while k >= 0 and steps < MAX_CLIMB:
            outer = self.containers[k]
            if outer.tag == "body":
                break
            if outer.end >= outer.first:
                size, kept = sizes[outer.end] - sizes[outer.first], sizes[best.end] - sizes[best.first]
                if size > 3 * kept:
                    break
                story = prose[best.end] - prose[best.first]
                added = prose[outer.end] - prose[outer.first] - story
                if added >= story / 10 and added >= 0.7 * (size - kept):
                    best = outer
            k, steps = outer.parent, steps + 1
        return best

    def _articles(self, articles: list[int], sizes: list[int], prose: list[int]) -> list[RawBlock]:
        """The outermost `<article>`s (indices of containers, in document order) that hold text: the largest
        alone, or, when several are the story together, the nearest container that holds every one with prose.

        Several are the story together (a live blog's entries) when the second largest holds at least a
        quarter of the largest's prose, or the others together at least twice its prose. Prose is the text
        outside headings and links, so a teaser card (a linked headline, a line of summary) weighs little
        beside a story, and a story with a few teasers keeps only itself."""
        spans = [(self.containers[k].first, self.containers[k].end) for k in articles]
        weights = [prose[end] - prose[first] for first, end in spans]
        top = max(range(len(spans)), key=lambda i: (weights[i], sizes[spans[i][1]] - sizes[spans[i][0]]))
        most = weights[top]
        second = max((w for i, w in enumerate(weights) if i != top), default=0)
        if most <= 0 or (second * 4 < most and sum(weights) - most < 2 * most):
            return self.blocks[spans[top][0]:spans[top][1]]
        with_prose = [k for k, w in zip(articles, weights, strict=True) if w > 0]
        common = _common_container(self.containers, with_prose[0], with_prose[-1])
        if common is None:
            return self.blocks
        return self.blocks[common.first:common.end]


def _words(text: str) -> str:
    """The text's letters and digits, lower case, one space between words."""
    return " ".join("".join(c if c.isalnum() else " " for c in text).split()).casefold()


def _prose_size(block: RawBlock) -> int:
    """Characters of a block outside links (none for a heading): what `_articles` weighs."""
    if block.kind == "heading":
        return 0
    return len(block.text) - sum(end - start for start, end, _ in block.links)


def _common_container(containers: list[_Container], first: int, last: int) -> _Container | None:
    """The innermost container that holds containers `first` and `last` (`first` <= `last`, in document order),
    and with them every container between them. At most MAX_DEPTH steps up from `first`."""
    k = first
    while k >= 0:
        found = containers[k]
        if k <= last < found.last and found.end >= found.first:
            return found
        k = found.parent
    return None


def _number(value: str | None) -> int:
    try:
        return max(0, min(int(value or 1), 10**9))
    except ValueError:
        return 1
