"""Saved web pages (`.html`, `.htm`) into articles: what the page says about itself plays the part of front
matter (`og:title`, `article:published_time`, `article:section`, `og:site_name`, JSON-LD `datePublished`,
breadcrumbs), and the body is the page's largest `<article>`, or the element that holds its `<article>`s when
several are the story together (a live blog), else its `<main>`, else the container with the densest prose
(`html_reader.PageReader` reads the tags).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefing_tui.core.formats.blocks import RawBlock
from briefing_tui.core.formats.dates import DateError, coerce_date, leading_date
from briefing_tui.core.formats.html_reader import PageReader

_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
              "dc.date", "dc.date.issued", "dcterms.created", "publish-date", "sailthru.date")


@dataclass
class PageInfo:
    """What a page says about itself (meta tags, JSON-LD, `<time>`, breadcrumbs) and its blocks."""

    blocks: list[RawBlock]
    title: str | None = None
    heading: str | None = None
    """The first `<h1>` anywhere."""
    date: dt.date | None = None
    section: str | None = None
    front: dict[str, Any] = field(default_factory=dict)
    """Fields for metadata precedence, as front matter gives them (`source`, `description`, `tags`, …)."""


def read_page(source: str, whole: bool = False) -> PageInfo:
    """Read a saved page: its blocks (the body only, unless `whole`) and what it says about itself."""
    reader = PageReader()
    reader.read(source)
    blocks = reader.blocks if whole else reader.body()
    meta = reader.meta
    heading = _clean(reader.first_h1)
    title = _page_title(_clean(reader.title_text), _clean(meta.get("og:title")), meta.get("og:site_name"), heading)
    named = {t for t in (heading, title) if t}
    top = next((k for k, b in enumerate(blocks[:TOP_BLOCKS]) if b.kind == "heading" and _clean(b.text) in named),
               None)
    if top is not None:  # the title at the top is not repeated in the body, though a date, a kicker or a sponsor's
        blocks = blocks[:top] + blocks[top + 1:]  # line comes before it (heise, the BBC, Quanta)
    info = PageInfo(blocks, title=title, heading=heading)
    published_time = [reader.time] if reader.time_published else []
    other_time = [] if reader.time_published else [reader.time]
    nodes = list(_json_nodes(reader.json_ld))  # read once: dates, section and authors all look in them
    info.date = _first_date([*(meta.get(k) for k in _DATE_KEYS), *published_time, *_json_dates(nodes),
                             *other_time])
    if info.date is None:
        first = next((b.text for b in blocks if b.kind in ("paragraph", "heading")), "")
        found = leading_date(first.strip())
        if found is not None and found[1].strip():
            info.date = found[0]
    if info.date is None:  # `Last updated <time>`: better than no date
        info.date = _first_date([reader.time_updated])
    info.section = _clean(meta.get("article:section")) or _clean(meta.get("og:article:section")) \
        or _json_section(nodes) or _breadcrumb_section(
        reader.crumbs, title or heading)
    author = _author_name(meta.get("author")) or _json_authors(nodes) or _author_name(
        meta.get("article:author")) or _author_name(_byline(meta.get("byl")))  # a profile's address is no name;
    # `byl` is the New York Times' `By Corey Kilgannon`
    fields = (("source", meta.get("og:site_name")), ("author", author),
              ("description", meta.get("description") or meta.get("og:description")),
              ("url", meta.get("og:url") or reader.canonical))
    for key, value in fields:
        if _clean(value):
            info.front[key] = _clean(value)
    tags = [t for tag in reader.tags for t in tag.split(",") if _clean(t)] \
        or [t for t in (meta.get("keywords") or "").split(",") if _clean(t)]  # the Guardian: one `article:tag`
    # of `Oceans,New Zealand,…`, no space after its commas
    if tags:
        info.front["tags"] = [_clean(t) for t in tags[:50]]
    return info


def _clean(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text[:500] or None


TOP_BLOCKS = 3
"""Blocks at the top of a page's body in which a heading that is its title is not repeated."""
_SEPARATORS_SPACED = (" | ", " – ", " — ", " - ", " :: ", " · ")
_SEPARATORS = tuple(sep.strip() for sep in _SEPARATORS_SPACED)


def _page_title(title: str | None, og_title: str | None, site: str | None, heading: str | None) -> str | None:
    """`<title>`, without the site's name after a separator when og:site_name, og:title or the `<h1>` show
    that part is not the headline (`Talks stall | Example News`), or og:title or the `<h1>` when the title is
    it and more after a separator (`Talks stall | World | Example News`); else og:title, else the first `<h1>`.
    A `<title>` that is only the site's name (`Quanta Magazine`) names no article: og:title or the `<h1>` does."""
    if title and site and title.strip().casefold() == site.strip().casefold() and (og_title or heading):
        title = None
    if title:
        for known in (og_title, heading):  # `Talks stall | World | Example News`, og:title `Talks stall`
            if known and title.startswith(known) and title[len(known):].lstrip().startswith(_SEPARATORS):
                return known
        for sep in _SEPARATORS_SPACED:
            head, found, tail = title.rpartition(sep)
            if found and head and (_names_site(tail.strip(), (site or "").strip()) or head in (og_title, heading)):
                return head.strip()
        return title
    return og_title or heading


def _names_site(tail: str, site: str) -> bool:
    """Whether a title's last part is the site's name: og:site_name itself, or its first part (`Aktuálně.cz` of
    `Aktuálně.cz - Víte, co se právě děje`)."""
    if not tail or not site:
        return False
    return tail == site or (site.startswith(tail) and site[len(tail):].lstrip().startswith(_SEPARATORS))


def _breadcrumb_section(crumbs: list[str], title: str | None) -> str | None:
    """The last crumb that is neither the page itself nor the home page, nor a date (`2015`, `KW 15`: heise's
    calendar week)."""
    for crumb in reversed(crumbs):
        text = _clean(crumb)
        if text and text != title and text.casefold() not in ("home", "start", "index", "homepage", "front page") \
                and sum(c.isdigit() for c in text) < sum(c.isalpha() for c in text):
            return text
    return None


def _first_date(values: list[str | None]) -> dt.date | None:
    for value in values:
        if value:
            try:
                return coerce_date(value.strip()[:64])
            except DateError:
                continue
    return None


def _json_authors(nodes: list[dict[str, Any]]) -> str | None:
    """The first JSON-LD `author`: a name, a Person or Organization's `name`, or a list of them (joined)."""
    for node in nodes:
        value = node.get("author")
        names = [_author_name(v) for v in (value[:20] if isinstance(value, list) else [value])]
        text = ", ".join(n for n in names if n)
        if text:
            return text
    return None


def _byline(value: str | None) -> str | None:
    """A byline without its `By ` (`By Corey Kilgannon`)."""
    if value is None:
        return None
    text = value.strip()
    return text[3:] if text[:3].casefold() == "by " else text


def _author_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) if isinstance(value, str) and not value.strip().startswith(("http://", "https://")) else None


def _json_dates(nodes: list[dict[str, Any]]) -> Iterator[str]:
    for node in nodes:
        value = node.get("datePublished") or node.get("dateCreated")
        if isinstance(value, str):
            yield value


def _json_section(nodes: list[dict[str, Any]]) -> str | None:
    for node in nodes:
        value = node.get("articleSection")
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and _clean(value):
            return _clean(value)
    return None


def _json_nodes(json_ld: list[str]) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects of the page, breadth first, at most a thousand, two levels of `@graph` deep."""
    seen = 0
    for text in json_ld:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        queue = [(data, 0)]
        while queue and seen < 1000:
            node, depth = queue.pop(0)
            seen += 1
            if isinstance(node, list) and depth < 3:
                queue.extend((n, depth + 1) for n in node[:100])
            elif isinstance(node, dict):
                yield node
                graph = node.get("@graph")
                if isinstance(graph, list) and depth < 3:
                    queue.extend((n, depth + 1) for n in graph[:100])
