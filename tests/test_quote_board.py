"""Pilot tests of the meeting flow (issue #17): the quote under the hit or the cursor copied and added, the
quote board (reorder, remove, copy all, export, kept across restarts) and the spotlight."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input, OptionList, Static

from briefing_tui.core.user.board import BoardQuote
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.board import QuoteBoardScreen
from briefing_tui.tui.screens.export import ExportScreen
from briefing_tui.tui.screens.spotlight import Spotlight, source_lines
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.citation_panel import CitationPanel
from briefing_tui.tui.widgets.search_panel import SearchPanel
from tests.conftest import SEEDS
from tests.test_quote_finder import RUTTE, RUTTE_TEXT, open_finder
from tests.test_reader import loaded, showing, until
from tests.test_reader_safety import screen_lines

SIZE = (120, 40)
UNDERLINGS = "“underlings.” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025"
DADDY = "“daddy” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025"


def status(app: BriefingApp) -> str:
    return str(app.query_one("#hit-status", Static).render())


def screen_text(app: BriefingApp) -> str:
    return "\n".join(screen_lines(app))


async def search_and_open(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await loaded(pilot)
    await pilot.press("slash", *query, "enter")
    await until(pilot, lambda: pilot.app.focused is pilot.app.query_one(ArticleView), "the best match to open")
    await pilot.pause()


async def test_c_on_a_search_hit_inside_a_quote_copies_that_quote() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "underlings")
        assert status(app).startswith("Search “underlings”: hit 1/1 in a quote by Mark Rutte")
        await pilot.press("c")
        assert app.clipboard == UNDERLINGS
        await pilot.press("right_square_bracket")  # the quote cursor starts at the hit's quote, not the first
        view = app.query_one(ArticleView)
        assert view.current_quote == 9 and "Quote 10/12: Mark Rutte" in status(app)
        await pilot.press("right_square_bracket", "c")
        assert view.current_quote == 10 and app.clipboard.startswith("“It’s not just something")


async def test_c_shows_the_citation_under_the_article_to_select_until_another_article_shows() -> None:
    """Over SSH, or in tmux without set-clipboard, the clipboard escape code may reach nothing: what was copied
    is shown under the article (where it can be selected), not in a toast over the quote, and goes away when
    another article is shown."""
    from textual.widgets import TextArea

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await search_and_open(pilot, "underlings")
        panel = app.query_one("#article-citation", TextArea)
        assert not panel.display
        await pilot.press("c")
        await pilot.pause()
        assert panel.display and panel.text == UNDERLINGS == app.clipboard
        assert "Citation copied" in screen_text(app) and not app.screen.query("Toast")
        view = app.query_one(ArticleView)
        key, start, _ = view.hits[0]
        line = view.hit_line(key, start)
        assert line is not None and view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
        await pilot.press("escape", "escape", "slash", *"quotas", "enter")  # another article
        await until(pilot, lambda: not panel.display and showing(app, "Harbour Talks Stall Over Fishing Quotas"),
                    "the panel to go")


async def test_n_and_the_quote_keys_say_when_they_go_round_the_article() -> None:
    """`n` past the last hit, `]` past the last quote (and `N`, `[` before the first) go round, as `J` stops at the
    list's end, and say so: the counter alone (`hit 1/9`) and the jump up the article were missed in a tryout."""
    from tests.test_links import recorded_notifications

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await search_and_open(pilot, "rutte")
        view = app.query_one(ArticleView)
        notes = recorded_notifications(app)
        hits = len(view.hits)
        assert hits >= 2
        for _ in range(hits - 1 - (view.current_hit or 0)):
            await pilot.press("n")
        assert view.current_hit == hits - 1 and notes == []
        await pilot.press("n")
        assert view.current_hit == 0 and notes == ["Past the last hit: back to the first"]
        await pilot.press("N")
        assert view.current_hit == hits - 1 and notes[-1] == "Before the first hit: on to the last"
        quotes = len(view.article.quotes)  # type: ignore[union-attr]
        await pilot.press("right_square_bracket")
        while view.current_quote != quotes - 1:
            await pilot.press("right_square_bracket")
        assert not any("quote" in n for n in notes)
        await pilot.press("right_square_bracket")
        assert view.current_quote == 0 and notes[-1] == "Past the last quote: back to the first"
        await pilot.press("left_square_bracket")
        assert view.current_quote == quotes - 1 and notes[-1] == "Before the first quote: on to the last"


AGENCY_URL = "https://en.wikinews.org/wiki/" + "_".join(["US_federal_agency_announces_plans_to_begin"] * 3)
"""A source long enough to wrap a citation over several lines."""


async def cite_the_first_quote(pilot) -> tuple[ArticleView, CitationPanel]:  # type: ignore[no-untyped-def]
    """Open the newest article, put the quote cursor on its first quote and copy its citation (`c`)."""
    await loaded(pilot)
    view = pilot.app.query_one(ArticleView)
    await pilot.press("enter", "right_square_bracket")
    await until(pilot, lambda: view.current_quote == 0, "the quote cursor")
    await pilot.press("c")
    return view, pilot.app.query_one("#article-citation", CitationPanel)


async def test_a_long_citation_shows_whole_at_80_by_24_and_its_quote_stays_in_view(tmp_path: Path) -> None:
    """A citation with a long title and web address, copied at 80×24 where the clipboard is closed: the panel
    above the article shows all of it, date included, with nothing to scroll (it held 8 lines and cut the date
    off); the article, shorter now, scrolls the quote cited back into view (it was pushed below the screen)."""
    url = AGENCY_URL
    title = "US federal agency announces plans to begin presidential transition process after the election"
    filler = " ".join(["The agency's statement went on at some length about its procedures."] * 4)
    paragraphs = [filler] * 9 + ['"We acted in the best interests of the country," said Emily Murphy.'] + [filler] * 9
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "agency.md").write_text(
        f"---\ntitle: {title}\ndate: 2020-11-26\nsource: {url}\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    app = BriefingApp([str(tmp_path / "lib")], Settings(private=True))
    async with app.run_test(size=(80, 24)) as pilot:
        view, panel = await cite_the_first_quote(pilot)
        await until(pilot, lambda: panel.display and panel.size.height > 0, "the citation panel")
        await pilot.pause()
        assert panel.text.endswith("26 November 2020") and url in panel.text
        assert panel.virtual_size.height <= panel.scrollable_content_region.height  # nothing hidden to scroll to
        line = view.paragraph_line(9, 0)
        assert line is not None and view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height


async def test_a_citation_taller_than_its_panel_can_be_scrolled_by_keys(tmp_path: Path) -> None:
    """A plain-terminal tryout: at 40×15 a citation was cut off in its panel, which takes no focus, so no key reached
    the rest. A panel whose text does not fit takes the focus with `tab`; `escape` puts it away, back to the article."""
    (tmp_path / "agency.md").write_text(f"---\ntitle: US federal agency announces plans to begin the transition\n"
                                        f"date: 2020-11-26\nsource: {AGENCY_URL}\n---\n\nThe agency spoke. \"We "
                                        "acted in the best interests of the country,\" said Emily Murphy.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=(40, 15)) as pilot:
        view, panel = await cite_the_first_quote(pilot)
        await until(pilot, lambda: panel.display and panel.can_focus, "a panel too small for its citation")
        assert "tab, then up/down" in str(panel.border_title)
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is panel, "the panel focused")
        await pilot.press(*["down"] * 12)
        await until(pilot, lambda: panel.scroll_y > 0, "the panel scrolled")
        await pilot.press("escape")
        await until(pilot, lambda: not panel.display and app.focused is view, "the panel away, the article focused")


@pytest.mark.parametrize("width", [60, 80, 200])
async def test_the_quote_status_line_drops_whole_parts_to_fit(width: int) -> None:
    """The speaker and cue always; then the rule, then the keys, each whole or not at all (at 80 columns the
    line ended in a dangling `·`)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(width, 30)) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        line = status(app)
        assert line.startswith("Quote 10/12: Mark Rutte") and len(line) <= width - 2, line
        assert not line.rstrip().endswith("·")
        assert ("] next" in line) == (width >= 200)


async def test_a_hit_outside_any_quote_copies_the_article() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "hague")
        assert "in a quote" not in status(app)
        await pilot.press("c")
        assert app.clipboard == "Clash Report (Ukraine - Russia War), 27 June 2025"


async def test_a_search_for_a_speaker_alone_opens_on_their_first_quote() -> None:
    """`/speaker:rutte` finds no words in the text: the article opens with the quote cursor on Rutte's first
    quote (the fifth), so `c` copies what was searched for, not the article's citation."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "speaker:rutte")
        view = app.query_one(ArticleView)
        await until(pilot, lambda: view.current_quote == 4, "the cursor on Rutte's first quote")
        await until(pilot, lambda: status(app).startswith("Quote 5/12: Mark Rutte (cue: said)"), "the status line")
        await pilot.press("c")
        assert app.clipboard == RUTTE
        await pilot.press("right_square_bracket")  # on from Rutte's quote, as from any quote cursor in sight
        assert view.current_quote == 5


async def test_a_search_for_a_section_alone_copies_the_article() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "section:ukraine")
        assert app.query_one(ArticleView).current_quote is None
        await pilot.press("c")
        assert app.clipboard == "Clash Report (Ukraine - Russia War), 27 June 2025"


async def test_a_click_on_a_quote_in_the_article_puts_the_cursor_on_it() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)

        async def click(words: str) -> None:
            lines = screen_lines(app)
            y = next(y for y, line in enumerate(lines) if words in line)
            await pilot.click(offset=(lines[y].index(words) + 2, y))
            await pilot.pause()

        await click("Secretary of State")  # not in a quote: no cursor
        assert view.current_quote is None
        await click("lose our ability")
        assert view.current_quote == 3
        await until(pilot, lambda: status(app).startswith("Quote 4/12: Marco Rubio"), "the status line")
        await pilot.press("c", "a")
        assert app.clipboard.startswith("“If we did what everybody here wants us to do...")
        assert app.state.board.quotes[0].citation == app.clipboard
        await pilot.press("right_square_bracket")  # on from the quote clicked
        assert view.current_quote == 4


async def test_the_quote_cursor_starts_from_the_top_of_the_screen() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        assert view.current_quote == 0
        await pilot.press("enter", *["j"] * 25)  # scrolled past the first quotes: the cursor is out of sight
        await pilot.pause()
        top, _ = view.on_screen()  # type: ignore[misc]
        await pilot.press("right_square_bracket")
        quote = view.article.quotes[view.current_quote]  # type: ignore[union-attr, index]
        assert view.current_quote > 1 and (quote.paragraph, quote.end) > top
        before = view.article.quotes[view.current_quote - 1]  # type: ignore[union-attr, operator]
        assert (before.paragraph, before.end) <= top  # the first quote at or after the top, none skipped
        await pilot.press("left_square_bracket")  # in sight now: one back
        assert view.article.quotes[view.current_quote] == before  # type: ignore[union-attr, index]


async def test_a_adds_the_quote_looked_at_and_says_so() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("a")  # the quote under the hit
        await pilot.press("right_square_bracket", "right_square_bracket", "a")
        await pilot.press("left_square_bracket", "a")  # the same quote twice: on the board once
        assert app.state.board.quotes[0].citation == UNDERLINGS
        assert len(app.state.board) == 2
        await pilot.press("escape", "escape", "escape")  # out of the article and the search
        await pilot.press("quotation_mark", *"speaker:rutte")
        finder = app.screen
        await until(pilot, lambda: finder.answered == finder.settled_at, "the finder")  # type: ignore[attr-defined]
        await pilot.press("ctrl+t")  # from the finder's box
        assert app.state.board.quotes[-1].citation == RUTTE and len(app.state.board) == 3


async def board_of_three(pilot) -> QuoteBoardScreen:  # type: ignore[no-untyped-def]
    """Rutte's three quotes on the board, from the finder, in the finder's order; the board open."""
    await open_finder(pilot, "speaker:rutte")
    await pilot.press("ctrl+t", "down", "ctrl+t", "down", "ctrl+t", "escape", "A")
    await pilot.pause()
    board = pilot.app.screen
    assert isinstance(board, QuoteBoardScreen)
    return board


async def test_the_board_lists_reorders_removes_and_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          isolated_home: Path) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        board = await board_of_three(pilot)
        text = screen_text(app)
        assert "Quote board · 3 quotes" in text
        assert "1. Mark Rutte · 2025-06-27 · Clash Report" in text and "“daddy”" in text
        listed = board.query_one(OptionList)
        assert app.focused is listed and board.position == 0
        await pilot.press("J", "J")  # the first to the bottom
        assert [q.text for q in app.state.board.quotes] == ["daddy", "underlings.", RUTTE_TEXT]
        assert board.position == 2
        await pilot.press("ctrl+up")
        assert board.position == 1 and app.state.board.quotes[1].citation == RUTTE
        await pilot.press("K", "K")  # stops at the top
        assert board.position == 0 and app.state.board.quotes[0].citation == RUTTE
        await pilot.press("down", "d")
        assert [q.text for q in app.state.board.quotes][1:] == ["underlings."] and "2 quotes" in screen_text(app)
        await pilot.press("u")
        assert [q.citation for q in app.state.board.quotes] == [RUTTE, DADDY, UNDERLINGS]
        await pilot.press("c")
        assert app.clipboard == DADDY
        await pilot.press("C")
        assert app.clipboard == "\n".join([RUTTE, DADDY, UNDERLINGS])
        panel = board.query_one(CitationPanel)
        assert panel.display and panel.text == app.clipboard and "3 citations copied" in str(panel.border_title)
        await pilot.press("J")  # reordered: the panel held the old order (a tryout)
        await pilot.pause()
        assert not panel.display
        await pilot.press("K", "C")
        assert app.clipboard == "\n".join([RUTTE, DADDY, UNDERLINGS]) and panel.display
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        for key, character in [("ctrl+u", None), *[(c, c) for c in "meeting.md"], ("home", None), ("delete", None),
                               ("M", "M")]:  # in one go, as over a slow link: they act in the order typed
            app.post_message(events.Key({".": "full_stop"}.get(key, key), character))
        await until(pilot, lambda: app.screen.query_one("#export-path", Input).value == "Meeting.md", "the name typed")
        await pilot.press("end", "ctrl+u", *"briefing", "minus", *"board", "full_stop", *"md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is board
        await pilot.press("escape", "escape", "A")  # the board again, in its order
        await pilot.pause()
        assert isinstance(app.screen, QuoteBoardScreen)
        await pilot.press("enter")  # opens the highlighted quote's article, the quote under the cursor
        await until(pilot, lambda: not isinstance(app.screen, QuoteBoardScreen), "the board to close")
        await until(pilot, lambda: app.query_one(ArticleView).current_quote == 4, "the quote")
    exported = tmp_path / "briefing-board.md"
    assert exported.read_text() == f"# Quotes\n\n- {RUTTE}\n- {DADDY}\n- {UNDERLINGS}\n"
    assert oct(os.stat(exported).st_mode & 0o777) == "0o600"
    (state_file,) = (isolated_home / "data" / "briefing-tui").glob("state-*.json")
    saved = json.loads(state_file.read_text())["board"]
    assert [q["text"] for q in saved] == ["If we do not invest now, we are really at risk that the Russians might try "
                                          "something against NATO territory in three, five or seven years,",
                                          "daddy", "underlings."]
    again = BriefingApp([str(SEEDS)], Settings())
    async with again.run_test(size=SIZE) as pilot:  # the board survives a restart
        await loaded(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert [q.citation for q in again.state.board.quotes] == [RUTTE, DADDY, UNDERLINGS]
        assert "3. Mark Rutte · 2025-06-27 · Clash Report" in screen_text(again)


async def test_a_click_on_a_board_quote_opens_it() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await board_of_three(pilot)
        lines = screen_lines(app)
        second = next(y for y, line in enumerate(lines) if "2. Mark Rutte" in line)
        assert "“daddy”" in lines[second + 1]
        await pilot.click(offset=(lines[second + 1].index("daddy"), second + 1))  # on its words, not its heading
        await until(pilot, lambda: not isinstance(app.screen, QuoteBoardScreen), "the board to open the quote")
        await until(pilot, lambda: app.query_one(ArticleView).current_quote is not None, "the quote cursor")
        assert app.query_one(ArticleView).current_quote == 8
        await until(pilot, lambda: "Quote 9/12: Mark Rutte" in status(app), "the status line to name the quote")


async def test_an_empty_board_says_how_to_fill_it() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("A", "e", "C", "s", "d", "J")
        await pilot.pause()
        assert isinstance(app.screen, QuoteBoardScreen) and app.is_running
        assert "The board is empty. In an article, ] puts the cursor on a quote" in screen_text(app)


def test_the_spotlight_shows_a_long_title_whole_and_keeps_the_date() -> None:
    item = BoardQuote("a.md", 0, "Yes", "Anna Berg", None, "Harbour talks stall over fishing quotas as the "
                      "ministers of five countries meet again in Bergen", "Europe", dt.date(2025, 6, 27))
    console = Console(width=200)

    def lines(of: BoardQuote, measure: int) -> list[str]:
        return [line.plain for line in source_lines(of, measure, console)]
    assert lines(item, 60) == ["Harbour talks stall over fishing quotas as the ministers of",
                               "five countries meet again in Bergen", "Europe · 27 June 2025"]
    assert lines(item, 30) == ["Harbour talks stall over", "fishing quotas as the…", "Europe · 27 June 2025"]
    assert lines(item, 12)[-1] == "27 June 2025"  # narrow: the section gives way, the date stays
    assert all(len(line) <= 12 for line in lines(item, 12))
    short = BoardQuote("a.md", 0, "Yes", None, None, "Talks", "Europe", None)
    assert lines(short, 60) == ["Talks · Europe · undated"]


@pytest.mark.parametrize(("width", "height"), [(40, 15), (40, 6), (30, 4), (80, 24)])
def test_the_spotlight_keeps_the_speaker_when_the_quote_is_cut(width: int, height: int) -> None:
    """Who said it is the point: a quote too long for the screen is cut, never its speaker; the source goes
    before the quote's last line does."""
    from briefing_tui.tui.screens.spotlight import card

    text = "We will not accept any agreement that leaves the harbour closed to our boats for the winter " * 4
    item = BoardQuote("a.md", 0, text, "Anna Berg", None, "Harbour talks stall", "Europe", dt.date(2025, 6, 27))
    page = card(item, "1/1", width, height, Console(width=200)).plain.split("\n")
    assert len(page) == height and page[-1].strip() == "1/1"
    shown = [line.strip() for line in page if line.strip()]
    assert "— Anna Berg" in shown and shown[0].startswith("“We will")
    assert shown[shown.index("— Anna Berg") - 1].endswith("…") or (height == 24 and width == 80)
    if height >= 15:
        assert "Harbour talks stall" in " ".join(shown) and "27 June 2025" in " ".join(shown)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_spotlight_steps_through_the_board(size: tuple[int, int]) -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=size) as pilot:
        await board_of_three(pilot)
        await pilot.press("down", "s")
        await pilot.pause()
        spotlight = app.screen
        assert isinstance(spotlight, Spotlight)
        lines = [line.strip() for line in screen_lines(app)]
        assert "“daddy”" in lines and "— Mark Rutte" in lines and lines[-1] == "2/3"
        assert "Clash Report · Ukraine - Russia War · 27 June 2025" in lines
        await pilot.press("left")
        text = " ".join(line.strip() for line in screen_lines(app) if line.strip())
        assert "“If we do not invest now, we are really at risk that the Russians might try something against " \
               "NATO territory in three, five or seven years”" in text  # whole, wrapped, at either size; as cited
        assert not any(len(line.rstrip()) > size[0] for line in screen_lines(app))
        await pilot.press("left")  # the first: stays
        assert spotlight.card.position == 0
        await pilot.press("right", "right", "c")
        assert app.clipboard == UNDERLINGS
        assert screen_lines(app)[-1].strip() == "citation copied"  # in the corner, no toast over the quote
        await pilot.click(offset=(2, size[1] // 2))  # the left half: back one
        assert spotlight.card.position == 1
        await pilot.press("escape")  # back on the board, at the quote last shown
        await pilot.pause()
        assert isinstance(app.screen, QuoteBoardScreen) and app.screen.position == 1


async def test_s_shows_the_quote_looked_at_in_front_of_the_board() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("s")
        await pilot.pause()
        spotlight = app.screen
        assert isinstance(spotlight, Spotlight) and spotlight.current.text == "underlings."
        assert len(spotlight.card.quotes) == 1 and "1/1" not in screen_text(app)  # alone: no position shown
        await pilot.press("escape", "a", "right_square_bracket", "right_square_bracket", "s")
        await pilot.pause()
        assert isinstance(app.screen, Spotlight) and app.screen.current.speaker == "Philippe Dickinson"
        await pilot.press("right")  # not on the board: the board's quotes follow it
        assert app.screen.current.text == "underlings."


async def test_private_mode_writes_no_board_history_or_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              isolated_home: Path) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await board_of_three(pilot)
        await pilot.press("e", "C")
        await pilot.pause()
        assert isinstance(app.screen, QuoteBoardScreen)  # no export dialog
        await pilot.press("escape", "slash", *"nato", "enter")
        await until(pilot, lambda: app.query_one(SearchPanel).settled, "the search")
        assert len(app.state.board) == 3 and app.state.history["quotes"] == ["speaker:rutte"]
    assert list(isolated_home.iterdir()) == [] and list(tmp_path.iterdir()) == []


async def test_a_board_quote_whose_article_changed_opens_at_the_same_words(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    story = lib / "story.txt"
    story.write_text("Story\n\n2025-06-01\n\n“First words,” said Anna Berg.\n\n“Second words,” said Anna Berg.\n")
    app = BriefingApp([str(lib)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "a")
        assert app.state.board.quotes[0].text == "Second words,"
        story.write_text("Story\n\n2025-06-01\n\n“New words,” said Ola Berg.\n\n“First words,” said Anna Berg.\n\n"
                         "“Second words,” said Anna Berg.\n")
        await until(pilot, lambda: len(app.query_one(ArticleView).article.quotes) == 3,  # type: ignore[union-attr]
                    "the changed file to show")
        await pilot.press("A", "enter")
        await until(pilot, lambda: app.query_one(ArticleView).current_quote == 2, "the same words")
        assert showing(app, "Story")


async def test_the_spotlight_shows_no_notification() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("c", "a")  # the citation's panel and a notification on the reader
        await until(pilot, lambda: len(app.screen.query("Toast")) == 1, "the notification")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, Spotlight), "the spotlight")
        await pilot.pause(0.3)
        assert not app.screen.query("Toast") and "Copied" not in screen_text(app)


async def test_the_board_opens_clear_of_the_readers_notifications() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("c", "a")  # the citation's panel; `Added to the quote board (1) · A shows it`
        await until(pilot, lambda: len(app.screen.query("Toast")) == 1, "the notification")
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "the board")
        await pilot.press("d")  # a note of the board's own shows (the reader's, 3 and 5 seconds long, would too)
        await until(pilot, lambda: "u puts it back" in screen_text(app), "the board's own notification")
        assert len(app.screen.query("Toast")) == 1
        assert "A shows it" not in screen_text(app) and "Copied citation" not in screen_text(app)
        await pilot.press("u")  # put back: the note that offered `u` goes, and says what happened instead
        await until(pilot, lambda: "Put back on the board" in screen_text(app), "the note of the quote put back")
        assert "u puts it back" not in screen_text(app) and len(app.screen.query("Toast")) == 1


async def test_the_board_opens_from_the_finder_and_j_k_move_on_it() -> None:
    """`A` in the finder's list shows the board, as the note of an added quote says; `j` / `k` move there as in
    the other lists; a quote opened from it closes the finder and opens in the reader, at the quote."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        await pilot.press("tab", "a", "down", "a")  # two of Rutte's quotes on the board
        await until(pilot, lambda: len(app.state.board.quotes) == 2, "two quotes added")
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "the board")
        board = app.screen
        assert isinstance(board, QuoteBoardScreen) and board.position == 0
        await pilot.press("j")
        assert board.position == 1
        await pilot.press("k", "j")
        assert board.position == 1
        wanted = app.state.board.quotes[1]
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not board and app.screen is not finder, "back to the reader")
        view = app.query_one(ArticleView)
        await until(pilot, lambda: view.current_quote == wanted.index, "the quote opened from the board")
        assert showing(app, wanted.title)


async def test_q_closes_the_board_and_the_spotlight_instead_of_quitting() -> None:
    """In a meeting the spotlight is on screen: `q` pressed there (or on the board) goes back, as it does in the
    help and the problems; only the reader's own screen quits on `q`."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("right_square_bracket", "a", "A")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "the board")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, Spotlight), "the spotlight")
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "back on the board")
        await pilot.press("q")
        await until(pilot, lambda: not isinstance(app.screen, QuoteBoardScreen), "back in the reader")
        assert app.is_running and app.query_one(ArticleView).article is not None
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running, "the reader to quit")


async def test_the_boards_hint_offers_undo_only_after_a_removal() -> None:
    """A tryout: `u undo a removal` was offered before anything was removed."""
    from textual.widgets import Static

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "underlings")
        await pilot.press("right_square_bracket", "a", "A")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "the board")
        hint = app.screen.query_one("#board-title", Static)
        assert "undo" not in str(hint.render())
        await pilot.press("d")
        await until(pilot, lambda: "u undo the removal" in str(hint.render()), "the undo offered")
        await pilot.press("u")
        await until(pilot, lambda: "undo" not in str(hint.render()), "nothing left to undo")
