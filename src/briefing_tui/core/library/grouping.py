"""Sidebar groupings (docs/reader.md): by date (months, days, sections) or by section (A–Z), undated last."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing_tui.core.model import Listed


@dataclass
class Group:
    """A heading in the sidebar with its count, holding sub-groups or articles (never both)."""

    key: str
    label: str
    groups: list[Group] = field(default_factory=list)
    articles: list[Listed] = field(default_factory=list)
    count: int = 0


def _by_section(articles: Iterable[Listed], key_prefix: str) -> list[Group]:
    sections: dict[str, Group] = {}
    for a in articles:
        g = sections.get(a.section)
        if g is None:  # not setdefault: that would build a Group per article
            g = sections[a.section] = Group(f"{key_prefix}/s:{a.section}", a.section)
        g.articles.append(a)
    for g in sections.values():
        g.count = len(g.articles)
    return sorted(sections.values(), key=lambda g: (g.label.casefold(), g.label))


def group_by_date(articles: list[Listed]) -> list[Group]:
    """Months newest first, then days newest first, each day's articles under their sections; undated last.

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
    result = list(months.values())
    if undated:
        result.append(Group("undated", "Undated", groups=_by_section(undated, "undated"), count=len(undated)))
    return result


def group_by_section(articles: list[Listed]) -> list[Group]:
    """Sections A–Z, each with its articles newest first (undated last, as in `articles`)."""
    return _by_section(articles, "section")
