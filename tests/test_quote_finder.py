"""Pilot tests of quotes in the reader: the finder (filter, open, copy, export) and the quote cursor."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from briefing_tui.core.library.scan import load_library
from briefing_tui.core.search.index import Index
from briefing_tui.core.search.query import REFUSED
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.quote_finder import ExportScreen, QuoteFinder
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.quote_list import ROW, QuoteList
from tests.conftest import SEEDS, workers_done, write
from tests.test_links import recorded_notifications
from tests.test_reader import loaded, showing, until

SIZE = (120, 40)
RUTTE_TEXT = ("If we do not invest now, we are really at risk that the Russians might try something against NATO "
              "territory in three, five or seven years,")
RUTTE = f"“{RUTTE_TEXT[:-1]}” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025"  # without its comma


async def settled(pilot, finder: QuoteFinder) -> None:  # type: ignore[no-untyped-def]
    """Wait until what was last typed in the finder is answered on screen (the box waits 0.15 s for
    typing to pause, then a worker asks the index): a condition, not a sleep."""
    await pilot.pause()  # the box has taken in every key pressed
    await until(pilot, lambda: finder.answered == finder.settled_at, "the finder to answer what was typed")
    await pilot.pause()


async def open_finder(pilot, query: str = "") -> QuoteFinder:  # type: ignore[no-untyped-def]
    await loaded(pilot)
    await pilot.press("quotation_mark")
    await pilot.pause()
    finder = pilot.app.screen
    assert isinstance(finder, QuoteFinder)
    if query:
        await pilot.press(*query)
        await settled(pilot, finder)
    return finder


async def test_finder_lists_every_quote_and_filters_as_you_type() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot)
        total = sum(len(a.quotes) for a in load_library([str(SEEDS)]).articles)
        assert finder.total == len(finder.shown) == total and total >= 30
        assert str(finder.query_one("#finder-status", Static).render()).startswith(f"{total} quotes")
        await pilot.press(*"speaker:rutte")
        await settled(pilot, finder)
        assert [h.quote.text for h in finder.shown] == [
            RUTTE_TEXT, "daddy", "underlings."]
        assert str(finder.query_one("#finder-status", Static).render()).startswith("3 quotes")
        await pilot.press(*" date:2024")
        await settled(pilot, finder)
        assert finder.shown == [] and finder.total == 0
        await pilot.press("space", "(")
        await settled(pilot, finder)
        assert "Unbalanced" in str(finder.query_one("#finder-status", Static).render())


async def test_many_dashes_and_a_query_the_engine_refuses_keep_the_finder_open(monkeypatch: pytest.MonkeyPatch) -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "-" * 60 + "x")
        assert app.is_running and app.screen is finder
        assert str(finder.query_one("#finder-status", Static).render()).startswith("0 quotes")

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise sqlite3.OperationalError("parser stack overflow")

        monkeypatch.setattr(Index, "quote_ids", refuse)
        await pilot.press("space", *"rutte")
        await settled(pilot, finder)
        assert app.is_running and app.screen is finder
        assert str(finder.query_one("#finder-status", Static).render()) == REFUSED


async def test_enter_opens_the_article_with_the_quote_centred() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await open_finder(pilot, "underlings")
        await pilot.press("enter")  # from the box: the best match opens
        await until(pilot, lambda: showing(app, "Clash Report"), "the article to open")
        view = app.query_one(ArticleView)
        await until(pilot, lambda: not isinstance(app.screen, QuoteFinder) and view.current_quote is not None,
                    "the article opened on the quote")
        await loaded(pilot)
        assert view.article is not None and view.article.title == "Clash Report"
        assert view.current_quote == 9 and view.article.quotes[9].text == "underlings."
        assert view.scroll_offset.y > 0  # scrolled to bring it to the middle
        assert "Quote 10/12: Mark Rutte (cue: compared)" in str(app.query_one("#hit-status", Static).render())


async def test_copy_citation_from_finder_shows_it_too() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        await pilot.press("tab", "c")  # into the list, then copy the first
        await pilot.pause()
        assert app.clipboard == RUTTE
        panel = finder.query_one("#finder-citation", TextArea)
        assert panel.display and panel.text == RUTTE
        await pilot.press("shift+tab", "ctrl+u", *"speaker:trump")  # a new filter: the citation was the last list's
        await settled(pilot, finder)
        assert not panel.display and app.clipboard == RUTTE


async def test_quote_cursor_and_copy_in_article_view() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        assert app.clipboard == "Clash Report (Ukraine - Russia War), 27 June 2025"  # no quote selected
        await pilot.press("right_square_bracket", "right_square_bracket")
        view = app.query_one(ArticleView)
        assert view.current_quote == 1
        assert "Donald Trump (cue: asserting)" in str(app.query_one("#hit-status", Static).render())
        await pilot.press("c")
        assert app.clipboard == ("“he’d like to settle.” — Donald Trump, Clash Report (Ukraine - Russia War), "
                                 "27 June 2025")
        panel = app.query_one("#article-citation", TextArea)
        assert panel.display and "he’d like to settle" in panel.text
        assert panel.region.y < view.region.y  # above the article: a notification (bottom right) never covers it
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert view.current_quote == 11  # wraps around
        await pilot.pause()
        assert not panel.display  # `Quote 12/12` over quote 2's citation read as quote 12's (a tryout)


async def test_export_writes_markdown_and_asks_before_overwriting(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_finder(pilot, "speaker:rutte")
        await pilot.press("tab", "e")  # into the list, then export
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export screen")  # after a worker
        assert str(app.screen.query_one("#export-where", Static).render()) == f"A name alone is saved in {tmp_path}"
        await pilot.press("enter")
        await workers_done(pilot.app)  # the file is written in a thread
        await until(pilot, lambda: isinstance(app.screen, QuoteFinder), "the dialog to close once written")
        text = (tmp_path / "briefing-quotes.md").read_text()
        assert text == ("# Quotes\n\nFilter: `speaker:rutte`\n\n"
                        f"- {RUTTE}\n"
                        "- “daddy” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025\n"
                        "- “underlings.” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025\n")
        assert oct(os.stat(tmp_path / "briefing-quotes.md").st_mode & 0o777) == "0o600"
        assert f"Exported 3 quotes to {tmp_path.resolve() / 'briefing-quotes.md'}" in \
            [n.message for n in app._notifications]  # the folder said, not only the name
        (tmp_path / "briefing-quotes.md").write_text("keep me")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export screen")
        await pilot.press("enter")  # exists: asks first
        await workers_done(pilot.app)
        await pilot.pause()
        assert (tmp_path / "briefing-quotes.md").read_text() == "keep me"
        assert isinstance(app.screen, ExportScreen)
        assert "exists" in str(app.screen.query_one("#export-message", Static).render())
        await pilot.press("enter")  # confirmed
        await workers_done(pilot.app)
        await pilot.pause()
        assert (tmp_path / "briefing-quotes.md").read_text().startswith("# Quotes")


async def test_an_export_started_in_a_hostile_folder_sends_no_escape_sequence_to_the_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A security tryout: the reader started in a folder named with an OSC title, a colour and a bidi override;
    the `Exported … to PATH` notice sent them raw (the terminal's title changed). The path is escaped as `ls -b`
    writes it, in the dialog and the notice, and every notice is cleaned besides."""
    hostile = tmp_path / "libX\x1b]0;PWNTITLE\x07\x1b[31m[@click=app.quit]Q[b]B\u202e"
    hostile.mkdir()
    monkeypatch.chdir(hostile)
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_finder(pilot, "speaker:rutte")
        await pilot.press("tab", "e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export screen")
        where = str(app.screen.query_one("#export-where", Static).render())
        assert "\\x1b]0;PWNTITLE\\x07\\x1b[31m[@click=app.quit]Q[b]B\\u202e" in where
        await pilot.press("enter")
        await workers_done(pilot.app)
        await until(pilot, lambda: isinstance(app.screen, QuoteFinder), "the dialog to close once written")
        assert (hostile / "briefing-quotes.md").exists()
        notice = next(n.message for n in app._notifications if n.message.startswith("Exported"))
        assert notice.endswith("B\\u202e/briefing-quotes.md") and "PWNTITLE" in notice
        assert not any(ch in notice for ch in "\x1b\x07\u202e")
        app.notify("raw \x1b]0;T\x07title \x1b[31mred\u202e", title="t\x1b[1m")  # any notice, whoever sends it
        await until(pilot, lambda: any(n.message.startswith("raw") for n in app._notifications), "the notice")
        last = next(n for n in app._notifications if n.message.startswith("raw"))
        assert (last.message, last.title) == ("raw title red", "t")
        assert app.is_running  # the markup in the name ran nothing


async def test_export_is_refused_in_private_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    notes = recorded_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await open_finder(pilot)
        await pilot.press("tab", "e")
        await until(pilot, lambda: "Export is off in private mode: nothing is written." in notes, "the refusal")
        await loaded(pilot)  # no export worker went on to ask where to write
        assert isinstance(app.screen, QuoteFinder)
    assert list(tmp_path.iterdir()) == []



async def test_finder_matches_the_word_being_typed_as_a_prefix() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rut")
        assert [h.quote.speaker for h in finder.shown] == ["Mark Rutte"] * 3
        assert "words starting “rut”" in str(finder.query_one("#finder-status", Static).render())
        await pilot.press("space")  # a finished word is a whole word again: nobody is called `rut`
        await settled(pilot, finder)
        assert finder.shown == [] and "starting" not in str(finder.query_one("#finder-status", Static).render())


async def test_a_phrase_being_typed_matches_its_last_word_as_a_prefix() -> None:
    """`speaker:"mark ru` lists Rutte's quotes as it is typed; it was an error over the last filter's quotes."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, 'speaker:"mark ru')
        assert [h.quote.speaker for h in finder.shown] == ["Mark Rutte"] * 3
        await pilot.press(*'tte"')
        await settled(pilot, finder)
        assert [h.quote.speaker for h in finder.shown] == ["Mark Rutte"] * 3


async def test_finder_reaches_every_quote_and_fetches_only_what_is_seen(tmp_path: Path) -> None:
    """2,100 quotes: the list holds their ids, fetches rows a page at a time, and `end` shows the last."""
    from briefing_tui.tui.widgets.quote_list import PAGE, QuoteList
    for n in range(300):  # under PARALLEL_FROM: parsed in this process
        lines = [f"Story {n:03d}", "", "Date: 2025-01-01", ""]
        lines += [f"“Quote number {n:03d}-{k},” said Anna Berg{n:03d}." for k in range(7)]
        (tmp_path / f"s{n:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot)
        quotes = finder.query_one(QuoteList)
        assert finder.total == len(quotes.ids) == 2100
        assert len(quotes.hits) == PAGE  # the first page only
        await pilot.press("tab", "end")
        await until(pilot, lambda: quotes.cursor == 2099 and quotes.current is not None, "the last quote's row")
        await loaded(pilot)
        last = quotes.current
        assert last is not None
        assert len(quotes.hits) <= 3 * PAGE  # the pages seen, not the 2,100 rows
        screen = "\n".join(quotes.render_line(y).text for y in range(quotes.scrollable_content_region.height))
        assert f"“{last.quote.text.rstrip(',')}”" in screen and last.quote.speaker in screen  # shown as cited
        await pilot.press("c")
        assert app.clipboard.startswith(f"“{last.quote.text.rstrip(',')}” — {last.quote.speaker}")


async def test_reader_keys_do_nothing_behind_the_finder() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        grouping = app.query_one("LibrarySidebar").grouping  # type: ignore[attr-defined]
        await pilot.press("tab", "g", "m", "quotation_mark", "slash")
        await pilot.pause()
        assert app.screen is finder and len(app.screen_stack) == 2  # no second finder, no search behind
        assert app.query_one("LibrarySidebar").grouping == grouping  # type: ignore[attr-defined]
        await pilot.press("escape", "g")
        await pilot.pause()
        assert app.query_one("LibrarySidebar").grouping != grouping  # the same key works on the main screen


async def test_q_in_the_list_closes_the_finder_and_in_the_box_is_typed() -> None:
    """As on the board and in the spotlight: `q` pressed in the finder's list goes back to the reader, it does not
    quit in the middle of a meeting; in the filter box it is a letter."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte q")
        assert finder.query_one("FilterBox").value.endswith("rutte q")  # type: ignore[attr-defined]
        await pilot.press("backspace", "tab", "q")
        await until(pilot, lambda: app.screen is not finder, "back in the reader")
        assert app.is_running
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running, "the reader to quit")


async def test_selected_quote_never_changes_the_words_on_screen() -> None:
    """Every line shows exactly its own words whichever quote is selected (a quote ending on an
    earlier line of its paragraph once made the next line repeat the words after it)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None
        for _ in view.article.quotes:
            await pilot.press("right_square_bracket")
            view._cache.clear()
            for i in range(view.total_lines):
                shown = view._render_index(i).text.strip()
                assert shown == view.line_text(i).strip(), (view.current_quote, i)


async def test_a_click_on_any_line_of_a_quote_opens_that_quote() -> None:
    """Each of a row's three lines opens its own quote (the list's top border once shifted every click to the
    row below from a row's last line); a click on the border opens nothing."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")  # Rutte's quotes: the 5th, 9th and 10th of the article
        view = app.query_one(ArticleView)
        await pilot.click(QuoteList, offset=(10, 0))  # the top border
        await pilot.pause()
        assert app.screen is finder
        for line, quote in [(ROW - 1, 4), (ROW, 8), (2 * ROW - 1, 8), (2 * ROW, 9), (0, 4)]:
            if app.screen is not finder:
                await pilot.press("quotation_mark")  # again, with the same filter
                reopened = app.screen
                assert isinstance(reopened, QuoteFinder)
                finder = reopened
                await settled(pilot, finder)
            view.select_quote(None)  # so that the quote the click opens is the one seen next
            await pilot.click(QuoteList, offset=(10, 1 + line))  # 1: below the list's top border
            await until(pilot, lambda: not isinstance(app.screen, QuoteFinder), "the finder to open a quote")
            await until(pilot, lambda: view.current_quote is not None, "the quote cursor")
            assert view.current_quote == quote, line


async def test_a_in_the_list_says_so_in_the_status_line_not_over_the_list() -> None:
    """`a`, `a`, `a` in the finder's list: each says what it did where the keys are listed; no notification lies
    over the list's right half (where the quotes are read)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        notes = recorded_notifications(app)
        await pilot.press("tab", "a")
        await pilot.pause()
        status = finder.query_one("#finder-status", Static)
        assert "Added to the quote board (1) · A shows it" in str(status.render())
        await pilot.press("a")
        await pilot.pause()
        assert "That quote is already on the board." in str(status.render())
        await pilot.press("down", "a")
        await pilot.pause()
        assert "Added to the quote board (2)" in str(status.render()) and len(app.state.board) == 2
        assert notes == []
        await pilot.press("shift+tab", "ctrl+u", *"speaker:trump")  # a new filter: its own status
        await settled(pilot, finder)
        assert "quote board" not in str(status.render())


async def test_the_filters_words_are_marked_in_the_listed_quotes(tmp_path: Path) -> None:
    """`valls nucleaire`: the quote's `nucléaire` is marked (bold, underlined) as the reader marks hits, by the
    article's language's word forms; the speaker's name, found in the row above, is not in the quote's words."""
    write(tmp_path / "a.md", "---\ntitle: Énergie\ndate: 2012-08-27\n---\n\n« Le nucléaire est une filière "
                             "d'avenir, et les énergies nucléaires aussi », a déclaré Manuel Valls.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "valls nucleaire ")
        (hit,) = finder.shown
        rows = finder.query_one(QuoteList)._row(hit, 100, cursor=False)
        marked = ["".join(s.text for s in strip if s.style and s.style.underline and s.style.bold) for strip in rows]
        assert marked == ["", "nucléairenucléaires", ""]


async def test_a_library_folders_escape_sequences_go_whole_from_the_header(tmp_path: Path) -> None:
    """The header named the folder with only its ESC removed (`]0;PWNTITLE[31m…`); a sequence goes whole, as a
    title taken from a file's name does."""
    lib = tmp_path / "news\x1b]0;PWNTITLE\x07\x1b[31mdesk"
    write(lib / "a.md", "---\ntitle: T\ndate: 2025-06-01\n---\nText.\n")
    app = BriefingApp([str(lib)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.sub_title.startswith("newsdesk")


async def test_a_quote_opened_from_the_finder_closes_an_older_search_panel() -> None:
    """A tryout: after `/coronavir⏎` then `"speaker:trump⏎`, the old search's results stayed beside a Trump quote in
    another article. The sidebar shows instead, on the article; `/` brings the search back, its query kept."""
    from briefing_tui.tui.widgets.search_panel import SearchPanel
    from briefing_tui.tui.widgets.sidebar import LibrarySidebar

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"cable", "enter")
        await until(pilot, lambda: app.focused is app.query_one(ArticleView), "the result opened")
        panel = app.query_one(SearchPanel)
        assert panel.display
        await pilot.press("quotation_mark", *"speaker:rutte", "enter")
        await until(pilot, lambda: app.query_one(ArticleView).current_quote is not None, "the quote opened")
        assert not panel.display and app.query_one(LibrarySidebar).display
        await pilot.press("slash")
        await until(pilot, lambda: panel.display and panel.query_text == "cable", "the search back, its query kept")
