"""Pilot tests of search in the reader: typing, inline errors, opening a result, stepping through hits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Sparkline, Static

from briefing_tui.core.search.index import Index
from briefing_tui.core.search.query import REFUSED
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.search_panel import SearchPanel, month_series
from briefing_tui.tui.widgets.sidebar import LibrarySidebar
from tests.conftest import SEEDS, write
from tests.test_reader import loaded, showing, until

SIZE = (120, 40)


async def type_query(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*text)
    await pilot.pause()  # the box has taken in every key
    panel = pilot.app.query_one(SearchPanel)
    await until(pilot, lambda: panel.settled, "the search panel to answer what was typed")


def status(app: BriefingApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_typing_shows_results_and_enter_opens_with_hits() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        panel = app.query_one(SearchPanel)
        assert panel.display and not app.query_one(LibrarySidebar).display
        assert isinstance(app.focused, Input)
        await type_query(pilot, "putin")
        assert status(app, "#search-status") == "1 matching article · words starting “putin”"
        results = app.query_one("#search-results", OptionList)
        assert results.option_count == 1
        await pilot.press("enter")  # from the box: the best match opens
        await until(pilot, lambda: showing(app, "Clash Report"), "the article to open")
        view = app.query_one(ArticleView)
        assert len(view.hits) == 6 and view.current_hit == 0
        assert status(app, "#hit-status").startswith("Search “putin”: hit 1/6")
        await pilot.press("n", "n")
        assert view.current_hit == 2 and "hit 3/6" in status(app, "#hit-status")
        await pilot.press("N")
        assert view.current_hit == 1 and "hit 2/6" in status(app, "#hit-status")
        await pilot.press("N", "N")  # wraps around
        assert view.current_hit == 5
        await pilot.press("escape")  # back to the results
        assert app.focused is results
        await pilot.press("escape")  # and out of search
        assert not panel.display and app.focused is app.query_one(LibrarySidebar)


async def test_the_hit_line_shows_the_query_without_the_space_typed_after_it() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "putin ")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Clash Report"), "the article to open")
        await until(pilot, lambda: "hit 1/6" in status(app, "#hit-status"), "the hit line")
        assert status(app, "#hit-status").startswith("Search “putin”: hit 1/6")  # not “putin ”


@pytest.mark.parametrize("ascii", [False, True])
async def test_j_and_k_move_in_the_results(ascii: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if ascii:
        monkeypatch.setenv("TERM", "linux")
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "the")
        results = app.query_one("#search-results", OptionList)
        assert results.option_count > 2
        await pilot.press("tab")
        assert app.focused is results and results.highlighted == 0
        await pilot.press("j", "j", "k")
        assert results.highlighted == 1


def months(root: Path, n: int, words: dict[int, str]) -> None:
    """`Article 0` to `Article n-1`, a month apart going back from December 2024, each saying `news` or its word."""
    for k in range(n):
        write(root / f"a{k:02}.md", f"---\ntitle: Article {k}\ndate: {2024 - k // 12}-{12 - k % 12:02}-03\n---\n\n"
                                    f"Some {words.get(k, 'news')} here.\n")


async def test_the_sidebar_is_on_the_result_read_when_the_search_closes(tmp_path: Path) -> None:
    months(tmp_path, 60, {59: "walrus"})  # the one searched for in a group closed at the start
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        sidebar = app.query_one(LibrarySidebar)
        await pilot.press("slash")
        await type_query(pilot, "walrus")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Article 59"), "the result to open")
        await pilot.press("escape", "escape")
        assert app.focused is sidebar and sidebar.cursor_node is not None
        assert getattr(sidebar.cursor_node.data, "title", None) == "Article 59"
        await until(pilot, lambda: sidebar.scroll_y <= sidebar.cursor_line < sidebar.scroll_y
                    + sidebar.scrollable_content_region.height, "the cursor's line to be in view")


async def test_a_result_opened_from_a_search_made_again_is_the_one_shown(tmp_path: Path) -> None:
    """Search, open a result, search again with the panel still open, open a result whose month is above the first
    one's: opening its groups moved the old cursor's line, and the article under the old cursor was shown over the
    result, from its top, without hits (a tryout's `/coronavirus⏎ /pandemic ↓⏎`, two runs in three)."""
    months(tmp_path, 24, {3: "walrus", 20: "pelican"})
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("slash")
        await type_query(pilot, "pelican")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Article 20") and bool(view.hits), "the first result")
        await pilot.press("slash")
        await type_query(pilot, "walrus")
        await pilot.press("down", "enter")
        await until(pilot, lambda: showing(app, "Article 3") and bool(view.hits), "the second result")
        await loaded(pilot)
        assert showing(app, "Article 3") and view.hits  # and nothing shown over it since
        assert getattr(app.query_one(LibrarySidebar).cursor_node.data, "title", None) == "Article 3"


def hit_in_view(view: ArticleView) -> bool:
    """The current hit's line is on screen."""
    assert view.current_hit is not None
    key, start, _ = view.hits[view.current_hit]
    line = view.hit_line(key, start)
    assert line is not None
    return view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height


SHIPPING = ("---\ntitle: Arctic shipping\ndate: 2025-03-01\n---\n“Ice is thin,” said Ola Berg. Transits rose again.\n\n"
            "| Route | Transits |\n|---|---:|\n| Northern Sea Route, Bering Strait | 92 |\n\n"
            "```\nSELECT transits FROM routes;\n```\n\n“We expect more,” said Anna Berg.\n")


@pytest.mark.parametrize(("size", "records"), [(SIZE, False), ((40, 30), True)])
async def test_words_in_code_and_tables_are_found_highlighted_and_stepped_through(
        tmp_path: Path, size: tuple[int, int], records: bool) -> None:
    """A word in a table's cell or a code block is found as one in a paragraph is: highlighted where it is set
    (a table's cell moves as the table is set as columns or records) and reached with `n`; `]` from there goes
    to the quote after it."""
    write(tmp_path / "shipping.md", SHIPPING)
    write(tmp_path / "other.md", "---\ntitle: Other\ndate: 2025-02-01\n---\nNothing here.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "transits")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Arctic shipping"), "the article to open")
        view = app.query_one(ArticleView)
        assert len(view.hits) == 3 and view.current_hit == 1  # at the hit the result's snippet showed: the table's
        await pilot.press("N")
        assert view.current_hit == 0
        current = view.get_component_rich_style("article-view--current-hit").bgcolor
        lines = []
        for n in range(3):
            if n:
                await pilot.press("n")
            assert hit_in_view(view)
            key, start, _ = view.hits[view.current_hit]
            line = view.hit_line(key, start)
            assert line is not None
            lines.append(view.line_text(line))
            strip = view.render_line(line - int(view.scroll_y))
            assert [seg.style.bgcolor == current for seg in strip if seg.text.lower() == "transits"
                    and seg.style is not None] == [True], lines[-1]  # the current hit, marked where it is set
            if n == 1:
                await pilot.press("right_square_bracket")  # the quote after the table, not the first of the article
                assert view.current_quote == 1
                await pilot.press("n")
                await pilot.press("N")
        assert "Transits rose" in lines[0] and "SELECT transits" in lines[2]
        assert lines[1].strip().startswith("Transits:") if records else "Route" in lines[1], lines


async def test_at_80_columns_the_search_takes_half_the_width_while_it_has_the_focus() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        pane = app.query_one("#sidebar-pane")
        assert pane.size.width < 32
        await pilot.press("slash")
        await type_query(pilot, "harbour")
        await pilot.pause()
        assert pane.size.width >= 39  # half: a title on one or two lines, not three
        await pilot.press("enter")  # reading the article: the sidebar's width again
        await until(pilot, lambda: pane.size.width < 32, "the panel to give the article its width")
        await pilot.press("escape")  # back to the results
        await until(pilot, lambda: pane.size.width >= 39, "half the width again")


async def test_below_70_columns_the_search_takes_the_whole_width() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(50, 30)) as pilot:
        await loaded(pilot)
        article_pane = app.query_one("#article-pane")
        assert article_pane.display
        await pilot.press("slash")
        await type_query(pilot, "putin")
        assert not article_pane.display and app.query_one(SearchPanel).size.width == 50
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Clash Report"), "the article to open")
        view = app.query_one(ArticleView)
        assert article_pane.display and view.size.width >= 45  # the article, whole width
        await until(pilot, lambda: hit_in_view(view), "the first hit in view")  # not the line it was at when
        # the text was laid out in the narrower pane
        await pilot.press("escape")  # back to the results: the whole width again
        await pilot.pause()
        assert not article_pane.display and app.query_one(SearchPanel).size.width == 50
        await pilot.press("escape")  # the sidebar beside the article
        await pilot.pause()
        assert article_pane.display and app.query_one(LibrarySidebar).display


async def test_results_update_as_you_type_and_errors_show_inline() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "fictional")
        assert status(app, "#search-status") == "8 matching articles · words starting “fictional”"
        assert app.query_one(Sparkline).display is False  # all dated matches fall in one month
        await type_query(pilot, " section:maritime")
        assert status(app, "#search-status") == "2 matching articles · words starting “maritime”"  # the harbour talks
        # and the newsletter
        await type_query(pilot, ' "the harb')  # a phrase still open: its last word a prefix, as a word is
        assert status(app, "#search-status") == "1 matching article · words starting “the harb”"
        await type_query(pilot, " ")  # a finished word in a phrase still open: no query yet
        assert status(app, "#search-status") == 'Unbalanced " in the query.'
        assert app.query_one("#search-results", OptionList).option_count == 1  # the last results stay


async def test_many_dashes_and_a_query_the_engine_refuses_keep_the_reader_running(
        monkeypatch: pytest.MonkeyPatch) -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "-" * 60 + "putin")  # NOT NOT … putin: sixty cancel out
        assert app.is_running and status(app, "#search-status") == "1 matching article"

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise sqlite3.OperationalError("parser stack overflow")

        monkeypatch.setattr(Index, "search", refuse)
        await type_query(pilot, "s")
        assert app.is_running and status(app, "#search-status") == REFUSED
        assert app.query_one("#search-results", OptionList).option_count == 1  # the last results stay


async def test_sparkline_spans_the_months_with_hits(tmp_path: Path) -> None:
    for month in ("01", "03", "04"):
        write(tmp_path / f"{month}.txt", f"2025-{month}-10 Story {month}\nThe harbour was busy.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "harbour")
        spark = app.query_one(Sparkline)
        assert spark.display and list(spark.data or []) == [1.0, 0.0, 1.0, 1.0]
        assert "Jan 2025 … Apr 2025" in status(app, "#search-range")


async def test_a_short_screen_leaves_the_sparkline_out(tmp_path: Path) -> None:
    """A plain-terminal tryout: at 120×10 the query, its status, the sparkline and its months left one row for the
    results."""
    for month in ("01", "03", "04"):
        write(tmp_path / f"{month}.txt", f"2025-{month}-10 Story {month}\nThe harbour was busy.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=(120, 10)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "harbour")
        assert not app.query_one(Sparkline).display and not app.query_one("#search-range").display
        results = app.query_one("#search-results", OptionList)
        await until(pilot, lambda: results.size.height >= 3, "room for the results")  # once laid out again


def test_month_series_fills_gaps() -> None:
    assert month_series({"2024-11": 2, "2025-02": 1}) == ([2.0, 0.0, 0.0, 1.0], "2024-11", "2025-02")
    assert month_series({}) == ([], "", "")


async def test_search_with_on_disk_index_is_reused(isolated_home: Path) -> None:
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "rutte ")
        assert status(app, "#search-status") == "1 matching article"
    caches = list((isolated_home / "cache" / "briefing-tui").glob("index-*.sqlite"))
    assert len(caches) == 1


async def test_c_and_a_in_the_results_act_on_the_highlighted_result_not_the_article_beside_them(
        tmp_path: Path) -> None:
    """A tryout: with a result highlighted, `c` copied the citation of the article shown on the right (another
    one) and `a` said there was no quote. Now the result opens and the key acts there, as `enter c` does."""
    from briefing_tui.core.serialize import article_citation, quote_citation

    write(tmp_path / "a.md", "---\ntitle: Grid outage\ndate: 2025-06-03\n---\n\nThe grid failed on Monday.\n")
    write(tmp_path / "b.md", "---\ntitle: Harbour pandemic plan\ndate: 2025-06-01\n---\n\n"
          "“The pandemic plan is ready,” said Ana Lopez.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await until(pilot, lambda: showing(app, "Grid outage"), "the newest article")
        await pilot.press("slash")
        await type_query(pilot, "harbour")
        await pilot.press("tab", "c")
        await until(pilot, lambda: showing(app, "Harbour pandemic plan"), "the result opened")
        await until(pilot, lambda: app.clipboard != "", "a citation copied")
        assert view.article is not None and app.clipboard == article_citation(view.article)
        await pilot.press("slash")
        await type_query(pilot, "speaker:lopez")
        await pilot.press("tab", "a")
        await until(pilot, lambda: len(app.screen.state.board.quotes) == 1, "the quote added")  # type: ignore[attr-defined]
        assert app.screen.state.board.quotes[0].text == "The pandemic plan is ready,"  # type: ignore[attr-defined]
        await pilot.press("slash")
        await type_query(pilot, "ready")  # a hit inside the quote: the quote's citation
        await pilot.press("tab", "c")
        await until(pilot, lambda: app.clipboard == quote_citation(view.article.quotes[0], view.article),  # type: ignore[union-attr]
                    "the quote at the hit cited")


async def test_the_best_result_is_highlighted_as_results_come_and_down_goes_to_the_second(tmp_path: Path) -> None:
    """A tryout: in the quote finder the first quote is highlighted and `down down enter` opens the third; in the
    search box nothing was, and the same keys opened the second result. Both now start on the first."""
    for n, day in ((1, "03"), (2, "02"), (3, "01")):
        write(tmp_path / f"a{n}.md", f"---\ntitle: Walrus {n}\ndate: 2025-06-{day}\n---\n\nA walrus here.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "walrus")
        results = app.query_one("#search-results", OptionList)
        assert results.highlighted == 0
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: showing(app, "Walrus 3"), "the third result")


async def test_a_result_opens_at_the_hit_its_snippet_showed(tmp_path: Path) -> None:
    """A tryout: the snippet showed a quote (`…Erdogan said, "After elections…`), but the article opened at its first
    hit, outside any quote, and `c` copied the article's citation. It opens where the snippet was."""
    from briefing_tui.core.serialize import quote_citation

    filler = "\n\n".join(f"Paragraph {n} about the weather and the roads, with nothing else in it." for n in range(8))
    write(tmp_path / "a.md", "---\ntitle: Vote\ndate: 2025-06-01\n---\n\nThe election came early this year.\n\n"
          f"{filler}\n\n“The election is ours, the election is won, and after the election we govern,” said Ana "
          "Lopez on Friday.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("slash")
        await type_query(pilot, "election won")  # the window with both words is the snippet: the quote
        panel = app.query_one(SearchPanel)
        shown = str(app.query_one("#search-results", OptionList).get_option_at_index(0).prompt)
        assert "The election is ours" in shown and "came early" not in shown
        await pilot.press("tab", "c")
        await until(pilot, lambda: showing(app, "Vote") and view.current_hit is not None, "the result opened")
        assert view.hits[view.current_hit][0] == view.article.quotes[0].paragraph  # type: ignore[index,union-attr]
        await until(pilot, lambda: app.clipboard == quote_citation(view.article.quotes[0], view.article),  # type: ignore[union-attr]
                    "the quote's citation copied")
        assert panel.display


async def test_down_typed_before_the_answer_moves_the_highlight_of_the_results_that_answer(tmp_path: Path) -> None:
    """A tryout: `/fire`, `down` within a sixth of a second, `enter` opened the first result: the `down` moved the
    older results (or nothing) and the answer put the highlight back on the best."""
    for n, day in ((1, "03"), (2, "02"), (3, "01")):
        write(tmp_path / f"a{n}.md", f"---\ntitle: Fire {n}\ndate: 2025-06-{day}\n---\n\nA fire here.\n")
    write(tmp_path / "b.md", "---\ntitle: Other\ndate: 2025-06-04\n---\n\nNothing.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"fire", "down", "enter")  # all at once: before the search has answered
        await until(pilot, lambda: showing(app, "Fire 2"), "the second result")
        await pilot.press("slash", *"other", "down", "down", "up", "enter")  # one result: it stays on it
        await until(pilot, lambda: showing(app, "Other"), "the only result")


async def test_q_in_the_search_results_closes_the_search_and_does_not_quit() -> None:
    """A tryout: `q` in the results quit the reader; in every other list (the finder's, the board) it goes back."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        panel = app.query_one(SearchPanel)
        await pilot.press("slash")
        await type_query(pilot, "harbour q")  # in the box, q is a letter
        assert panel.query_text == "harbour q"
        await pilot.press("backspace", "backspace")
        await type_query(pilot, "")
        await pilot.press("tab", "q")
        await until(pilot, lambda: not panel.display, "the search closed")
        assert app.is_running
        await pilot.press("slash")
        await until(pilot, lambda: panel.display and panel.query_text == "harbour", "its query kept")


async def test_in_quotes_hits_are_the_words_inside_quotations_only(tmp_path: Path) -> None:
    """A navigation tryout: `in:quotes sanction` found the article by its quotes, then highlighted and walked
    (`n`/`N`, `hit 1/4`) the body's `sanctions` too: 2 of its 4 hits were outside any quotation."""
    write(tmp_path / "a.md", "---\ntitle: Pressure\ndate: 2025-06-01\n---\n"
                             "Allies kept the sanctions on Russia.\n\n"
                             "“Every sanction is a shield,” said Volodymyr Zelensky. The sanctions package was the "
                             "eighteenth.\n\n“We are sanctioning the aggressor,” said Mark Rutte.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "in:quotes sanction ")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Pressure"), "the article to open")
        view = app.query_one(ArticleView)
        await until(pilot, lambda: bool(view.hits), "its hits")
        article = view.article
        assert article is not None
        found = [article.paragraphs[p][s:e] for p, s, e in view.hits]
        assert found == ["sanction", "sanctioning"], found  # not the body's two `sanctions`
        assert status(app, "#hit-status").startswith("Search “in:quotes sanction”: hit 1/2")


async def test_back_from_one_result_to_another_brings_its_hits_back(tmp_path: Path) -> None:
    """A navigation tryout: result A at its third hit, then result B from the same results, then `backspace`: A came
    back at its top with no hits (`n`: "No search hits here"); it was remembered after B's search took its place."""
    filler = "\n\n".join(f"Paragraph {n} about the port and the weather." for n in range(30))
    write(tmp_path / "a.md", f"---\ntitle: Alpha harbour\ndate: 2025-06-02\n---\nThe harbour opened.\n\n{filler}\n\n"
                             f"The harbour closed.\n\n{filler}\n\nThe harbour again.\n")
    write(tmp_path / "b.md", f"---\ntitle: Beta\ndate: 2025-06-01\n---\n{filler}\n\nA harbour far away.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("slash")
        await type_query(pilot, "harbour ")
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Alpha harbour") and len(view.hits) == 3, "Alpha with its hits")
        await pilot.press("n", "n")
        await until(pilot, lambda: view.current_hit == 2 and view.scroll_y > 0, "the third hit")
        top = -1
        while top != int(view.scroll_y):  # where the scroll to it came to rest (a loaded machine takes a while)
            top = int(view.scroll_y)
            await pilot.pause(0.05)
        await pilot.press("escape", "down", "enter")
        await until(pilot, lambda: showing(app, "Beta") and len(view.hits) == 1, "Beta with its hit")
        await pilot.press("backspace")
        await until(pilot, lambda: showing(app, "Alpha harbour") and len(view.hits) == 3, "Alpha with its hits again")
        await until(pilot, lambda: view.current_hit == 2 and abs(int(view.scroll_y) - top) <= 1, "on the hit it was on")
        # (a line either way: at the article's end, the title pinned above it takes a line from the view)
        assert "hit 3/3" in status(app, "#hit-status")
