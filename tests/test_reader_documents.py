"""The reader on articles that are documents: keys pressed, the screen read, as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Static

from briefing_tui.core.model import Article
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.document import wrap
from briefing_tui.tui.widgets.article_view import ArticleView
from tests.conftest import SEEDS, write
from tests.test_reader import SIZE, loaded, until
from tests.test_reader_search import type_query

POST = """---
title: Drivers for the Cluster
date: 2025-06-20
section: Howto
---
Before you start, read the [wiki page](https://example.org/wiki) where “the driver is required,” said Anna Berg.

## Install

- Add the repository with [zypper](https://example.org/zypper) first
  - then refresh it
- Install the **driver** package

```sh
sudo zypper addrepo https://example.org/a/very/long/repository/path/that/is/wider/than/the/article/pane/repo.repo cuda
```

| Model | Quality (1-5) | Notes |
|---|---:|---|
| Small | 3 | fine |
| Large | 5 | best |

> “It just works,” said Jonas Ferro after the [test](https://example.org/test).
"""


def screen(app: BriefingApp) -> list[str]:
    """The article pane as the terminal shows it, line by line (the compositor's own strips)."""
    view = app.query_one(ArticleView)
    region = view.content_region
    lines = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if region.y <= y < region.bottom:
            lines.append(strip.crop(region.x, region.right).text.rstrip())
    return lines


def styled(view: ArticleView, y: int, component: str) -> list[str]:
    """The pieces of screen line `y` of the article that carry `component`'s background."""
    want = view.get_component_rich_style(f"article-view--{component}").bgcolor
    return [s.text for s in view._render_index(y)
            if isinstance(s.style, Style) and s.style.bgcolor == want and s.text.strip()]


async def open_post(pilot, path: Path) -> ArticleView:  # type: ignore[no-untyped-def]
    await loaded(pilot)
    view = pilot.app.query_one(ArticleView)
    await until(pilot, lambda: isinstance(view.article, Article), "the article to open")
    return view


async def test_a_markdown_article_reads_as_a_document(tmp_path: Path) -> None:
    path = write(tmp_path / "post.md", POST)
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await open_post(pilot, path)
        shown = "\n".join(screen(app))
        for line in ("Drivers for the Cluster", "Install", "• Add the repository with zypper[2] first",
                     "  • then refresh it", "• Install the driver package", "  sudo zypper addrepo https://",
                     "Model │ Quality (1-5) │ Notes", "──────┼───────────────┼──────", "Small │             3 │ fine",
                     "│ “It just works,” said Jonas Ferro after the test[3]."):
            assert line in shown, f"{line!r} not on screen:\n{shown}"
        opening = " ".join(line.strip() for line in screen(app)[3:6])
        assert "wiki page[1] where “the driver is required,” said Anna Berg." in opening
        assert "```" not in shown and "|---" not in shown and "](" not in shown and "**" not in shown
        await pilot.press("tab", "end")
        await pilot.pause()
        tail = "\n".join(screen(app))
        assert "Links" in tail and "[1] https://example.org/wiki" in tail and "[3] https://example.org/test" in tail


async def test_quote_cursor_and_citation_skip_the_link_notes(tmp_path: Path) -> None:
    write(tmp_path / "post.md", POST)
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        view = await open_post(pilot, tmp_path / "post.md")
        assert view.article is not None and len(view.article.quotes) == 2
        await pilot.press("right_square_bracket")
        line = next(y for y in range(view.total_lines) if "the driver is required" in view.line_text(y))
        assert styled(view, line, "current-quote") == ["“the driver is required,”"]  # not shifted by the [1]
        assert "Anna Berg (cue: said)" in str(app.query_one("#hit-status", Static).render())
        await pilot.press("c")
        assert app.clipboard == "“the driver is required” — Anna Berg, Drivers for the Cluster (Howto), 20 June 2025"
        await pilot.press("right_square_bracket", "c")
        assert app.clipboard.startswith("“It just works” — Jonas Ferro, Drivers for the Cluster")


async def test_search_hits_in_list_items_and_block_quotes(tmp_path: Path) -> None:
    write(tmp_path / "post.md", POST)
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "first OR works")
        await pilot.press("enter", "enter")
        view = app.query_one(ArticleView)
        await until(pilot, lambda: len(view.hits) == 2, "the hits")
        first = next(y for y in range(view.total_lines) if "zypper[2] first" in view.line_text(y))
        assert styled(view, first, "current-hit") == ["first"]  # after the note mark, still the word
        await pilot.press("n")
        quote = next(y for y in range(view.total_lines) if "It just works" in view.line_text(y))
        assert styled(view, quote, "current-hit") == ["works"]


async def test_a_wide_code_line_scrolls_sideways_and_never_wraps(tmp_path: Path) -> None:
    write(tmp_path / "post.md", POST)
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        view = await open_post(pilot, tmp_path / "post.md")
        code = [y for y in range(view.total_lines) if "zypper addrepo" in view.line_text(y)]
        assert len(code) == 1 and view.line_text(code[0]).endswith("repo.repo cuda")  # one line, whole
        assert view.virtual_size.width > view.scrollable_content_region.width
        await pilot.press("tab", "right", "right", "right")
        await until(pilot, lambda: view.scroll_offset.x > 0, "the code block to scroll sideways")


async def test_the_sample_page_and_newsletter_open() -> None:
    for name, expect in (("grid-link-timetable.html", "│ Phase  │ Start"),
                         ("morning-brief-2025-06-20.eml", "Attachments (not opened): landings-2024.csv")):
        app = BriefingApp([str(SEEDS / name)], Settings(private=True))
        async with app.run_test(size=SIZE) as pilot:
            await loaded(pilot)
            view = app.query_one(ArticleView)
            await until(pilot, lambda v=view: v.article is not None, "the article to open")  # type: ignore[misc]
            shown = "\n".join(screen(app))
            assert expect.replace("│ ", "") in shown.replace("│ ", "") or expect in shown, shown


@pytest.mark.slow
async def test_a_large_markdown_article_shows_its_beginning_then_all_of_it(tmp_path: Path) -> None:
    """2.3 MB of Markdown (over the 2 MB of a large file): its first screen at once, then the whole of it."""
    section = ("## Part {n}\n\nThe minister said “we will not accept this” on Monday, and officials agreed with "
               "the [plan](https://example.org/plan). " + "Talks went on into the night and the delegations "
               "met again at dawn to read the draft line by line. " * 4 + "\n\n- one step\n- another\n\n")
    write(tmp_path / "big.md", "---\ntitle: Big document\n---\n" + "".join(section.format(n=n) for n in range(4000)))
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        assert isinstance(view.article, Article) and view.line_text(0) == "Big document"
        assert sum(1 for b in view.article.body() if b.kind == "heading") == 4000  # the whole replaced its head
        assert [view.line_text(y) for y in range(3, 5)] == ["Part 0", ""]
        assert view.line_text(5).startswith("The minister said “we will not accept this”")


def test_wrapping_keeps_french_spaced_marks_with_their_words() -> None:
    """No line ends with `«` or starts with `»` or `:` (French typography spaces them from their words)."""
    text = "Jean-Marie Le Pen traite sa fille de « petite-bourgeoise » et dit : « non ! » puis part."
    for width in range(22, 60):
        lines = [text[a:b].strip() for a, b in wrap(text, width)]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any(line.endswith("«") or line.startswith(("»", ":", "!")) for line in lines), (width, lines)


def test_a_long_word_is_cut_a_line_at_a_time_and_what_follows_it_fills_its_last_line() -> None:
    text = "ab " + "x" * 25 + " cd efg"
    assert [text[a:b] for a, b in wrap(text, 10)] == ["ab ", "x" * 10, "x" * 10, "xxxxx cd ", "efg"]
    wide = "ab " + "日本" * 8 + " cd"
    assert [wide[a:b] for a, b in wrap(wide, 10)] == ["ab ", "日本日本日", "本日本日本", "日本日本日", "本 cd"]


def test_a_web_address_too_long_for_a_line_is_cut_after_a_slash_or_underscore() -> None:
    """As terminals and browsers wrap addresses: `…/wiki/US_professional_` then `wrestler_…`, not inside a word;
    a word with no such place is cut at the width, and the cuts are looked for in each line's second half only."""
    url = "https://en.wikinews.org/wiki/US_professional_wrestler_Jon_Huber_dies_aged_41"
    assert [url[a:b] for a, b in wrap(url, 48)] == ["https://en.wikinews.org/wiki/US_professional_",
                                                    "wrestler_Jon_Huber_dies_aged_41"]
    cut = [("Source: " + url)[a:b] for a, b in wrap("Source: " + url, 30)]
    assert cut == ["Source: ", "https://en.wikinews.org/wiki/", "US_professional_wrestler_Jon_", "Huber_dies_aged_41"]
    assert [b - a for a, b in wrap("/" + "x" * 25, 10)] == [10, 10, 6]  # a `/` in the first half: no help
