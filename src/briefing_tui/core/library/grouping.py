"""Sidebar groupings (docs/reader.md): by date (months, days, sections), by section (A–Z), or one flat list
newest first; undated last, by folder or by modification month when most of the library is undated."""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing_tui.core.library.sidebar_filter import folded
from briefing_tui.core.model import Listed

GROUPINGS = ("date", "section", "list")
"""The sidebar's groupings, in the order `g` cycles through them."""


@dataclass
class Group:
    """A heading in the sidebar with its count, holding sub-groups or articles (never both)."""

    key: str
    label: str
    groups: list[Group] = field(default_factory=list)
    articles: list[Listed] = field(default_factory=list)
    count: int = 0
    unread: int | None = None
    """Unread articles in it, when the sidebar shows them (a saved search's group); None otherwise."""


@functools.lru_cache(maxsize=1024)  # a library has few sections and folders; they are sorted day after day
def alphabetical(name: str) -> tuple[str, str]:
    """A name's place A–Z: without case or accents (`Économie` beside `Economy`, not after `Unfiled`), then as
    written."""
    return folded(name), name


def _by_section(articles: Iterable[Listed], key_prefix: str) -> list[Group]:
    sections: dict[str, Group] = {}
    for a in articles:
        g = sections.get(a.section)
        if g is None:  # not setdefault: that would build a Group per article
            g = sections[a.section] = Group(f"{key_prefix}/s:{a.section}", a.section)
        g.articles.append(a)
    for g in sections.values():
        g.count = len(g.articles)
    return sorted(sections.values(), key=lambda g: alphabetical(g.label))


def group_by_date(articles: list[Listed]) -> list[Group]:
    """Months newest first, then days newest first, each day's articles under their sections; undated last
    (see `undated_groups`).

    `articles` must already be sorted newest first (Library.sort).
    """
    months: dict[tuple[int, int], Group] = {}
    days: dict[dt.date, list[Listed]] = {}
    undated: list[Listed] = []
    for a in articles:
        if a.date is None:
            undated.append(a)
            continue
        days.setdefault(a.date, []).append(a)
    for day in sorted(days, reverse=True):
        month = months.get((day.year, day.month))
        if month is None:
            month = months[(day.year, day.month)] = Group(f"m:{day:%Y-%m}", f"{day:%B %Y}")
        day_group = Group(f"d:{day.isoformat()}", f"{day:%a} {day.day} {day:%b}",
                          groups=_by_section(days[day], f"d:{day.isoformat()}"), count=len(days[day]))
        month.groups.append(day_group)
        month.count += day_group.count
    return [*months.values(), *undated_groups(undated, most=2 * len(undated) > len(articles))]


def undated_groups(undated: list[Listed], most: bool) -> list[Group]:
    """The undated articles' groups: one `Undated` group by section; but when they are `most` of the library,
    one group per folder (`Undated · folder`), or, all in one folder, one per month the files were last
    modified (`Undated · modified March 2023`), newest first. One giant group helps nobody find anything."""
    if not undated:
        return []
    if not most:
        return [Group("undated", "Undated", groups=_by_section(undated, "undated"), count=len(undated))]
    folders: dict[str, list[Listed]] = {}
    for a in undated:
        folders.setdefault(posixpath.dirname(a.id), []).append(a)
    if len(folders) > 1:
        return [Group(f"undated/f:{name}", f"Undated · {name or 'top folder'}", articles=items, count=len(items))
                for name, items in sorted(folders.items(), key=lambda item: alphabetical(item[0]))]
    months: dict[str, list[Listed]] = {}
    for a in undated:
        months.setdefault(_modified_month(a.mtime), []).append(a)
    return [Group(f"undated/mt:{month}", f"Undated · modified {_month_label(month)}" if month else "Undated",
                  articles=items, count=len(items))
            for month, items in sorted(months.items(), reverse=True)]


def _modified_month(mtime_ns: int) -> str:
    """`YYYY-MM` of a file's modification time (UTC), or "" when unknown."""
    if mtime_ns <= 0:
        return ""
    try:
        return f"{dt.datetime.fromtimestamp(mtime_ns / 1e9, dt.UTC):%Y-%m}"
    except (OverflowError, OSError, ValueError):
        return ""


def _month_label(month: str) -> str:
    year, number = (int(part) for part in month.split("-"))
    return f"{dt.date(year, number, 1):%B %Y}"


def group_by_section(articles: list[Listed]) -> list[Group]:
    """Sections A–Z, each with its articles newest first (undated last, as in `articles`)."""
    return _by_section(articles, "section")


def grouped(articles: list[Listed], grouping: str) -> list[Group]:
    """The groups of `grouping` (GROUPINGS) for the sidebar's top level; the flat list has none."""
    if grouping == "date":
        return group_by_date(articles)
    if grouping == "section":
        return group_by_section(articles)
    return []


def saved_group(name: str, listing: list[Listed], ids: set[str], read: set[str]) -> Group:
    """A saved search's group: the articles it matches (`ids`), newest first, with how many are unread."""
    articles = [a for a in listing if a.id in ids]
    return Group(f"saved:{name}", name, articles=articles, count=len(articles),
                 unread=sum(a.id not in read for a in articles))
