"""Pilot tests of search that forgives (issue 20): the word being typed is a prefix in the search panel, a
plain word opens with its forms highlighted, and `tab` takes a suggestion in the search panel and the quote
finder (and moves the focus as before when there is none)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.search_panel import SearchPanel
from tests.conftest import SEEDS, write
from tests.test_quote_finder import open_finder, settled
from tests.test_reader import loaded, showing, until
from tests.test_reader_search import type_query

SIZE = (120, 40)


def status(app: BriefingApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def forms_library(root: Path) -> Path:
    write(root / "talks.md", "---\ntitle: Talks\ndate: 2025-06-01\n---\n"
                             "The negotiations went on. Sanctions, a sanction and sanctioned firms.\n\n"
                             "The envoy said sanctioning would wait.\n")
    write(root / "other.md", "---\ntitle: Other\ndate: 2025-05-01\n---\nThe harbour was quiet and the port was busy.\n")
    return root


async def test_the_word_being_typed_counts_as_a_prefix(tmp_path: Path) -> None:
    app = BriefingApp([str(forms_library(tmp_path))], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "negot")
        assert status(app, "#search-status") == "1 matching article · words starting “negot”"
        await type_query(pilot, "iation ")  # a finished word: no longer a prefix, but its forms count
        assert status(app, "#search-status") == "1 matching article"
        await type_query(pilot, '"negotiation"')  # quoted: as typed
        assert status(app, "#search-status").startswith("0 matching articles")


async def test_a_word_being_typed_finds_its_forms_as_the_finished_word_does(tmp_path: Path) -> None:
    """`resigning`, not yet followed by a space, found only the words starting so (2 articles where the command
    line found 13): it now finds what the finished word finds, and the words it starts, until a space."""
    write(tmp_path / "a.md", "---\ntitle: A\ndate: 2025-06-01\n---\nThe minister resigned on Friday.\n")
    write(tmp_path / "b.md", "---\ntitle: B\ndate: 2025-06-02\n---\nHe is resigning today.\n")
    write(tmp_path / "c.md", "---\ntitle: C\ndate: 2025-06-03\n---\nShe announced her resignation.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "resigning")
        assert status(app, "#search-status") == "3 matching articles · words starting “resigning”"
        await type_query(pilot, " ")  # finished: the same articles (resigned, resigning, resignation)
        assert status(app, "#search-status") == "3 matching articles"


async def test_a_result_opens_with_every_form_of_the_word_highlighted(tmp_path: Path) -> None:
    app = BriefingApp([str(forms_library(tmp_path))], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "sanction ")
        assert status(app, "#search-status") == "1 matching article"
        await pilot.press("enter")
        await until(pilot, lambda: showing(app, "Talks"), "the article to open")
        view = app.query_one(ArticleView)
        await until(pilot, lambda: len(view.hits) == 4, "the hits")  # Sanctions, sanction, sanctioned, sanctioning
        await pilot.press("n", "n", "n")
        assert view.current_hit == 3 and "hit 4/4" in status(app, "#hit-status")


async def test_tab_takes_the_suggestion_in_the_search_panel() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "speaker:rute")
        panel = app.query_one(SearchPanel)
        assert "did you mean “speaker:rutte”? tab" in status(app, "#search-status")
        await pilot.press("tab")
        box = app.query_one("#search-input", FilterBox)
        assert box.value == "speaker:rutte" and app.focused is box
        await until(pilot, lambda: panel.settled, "the suggestion to be searched")
        assert status(app, "#search-status") == "1 matching article · words starting “rutte”"
        await pilot.press("tab")  # no suggestion now: tab moves to the results, as before
        assert app.focused is app.query_one("#search-results", OptionList)


async def test_enter_with_nothing_found_takes_the_suggestion_in_the_search_panel() -> None:
    """A navigation tryout: `enter` in a search that found nothing and offered “did you mean” did nothing."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "speaker:rute")
        panel = app.query_one(SearchPanel)
        await pilot.press("enter")
        box = app.query_one("#search-input", FilterBox)
        await until(pilot, lambda: box.value == "speaker:rutte", "the suggestion taken")
        await until(pilot, lambda: panel.settled and "1 matching article" in status(app, "#search-status"), "found")
        await pilot.press("enter")  # found now: `enter` opens the best, as ever
        await until(pilot, lambda: showing(app, "Clash Report"), "the article")


async def test_tab_mends_a_mistyped_field_in_the_search_panel() -> None:
    """A navigation tryout: `speker:rutte` said `Unknown field speker: (did you mean speaker:?)`, and `tab` left it."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "speker:rutte")
        assert status(app, "#search-status") == "Unknown field speker: (did you mean speaker:?) tab"
        await pilot.press("tab")
        box = app.query_one("#search-input", FilterBox)
        assert box.value == "speaker:rutte"
        panel = app.query_one(SearchPanel)
        await until(pilot, lambda: panel.settled and "1 matching article" in status(app, "#search-status"), "found")


async def test_tab_takes_the_suggestion_in_the_quote_finder() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rute")
        assert finder.total == 0
        assert "did you mean “speaker:rutte”? tab" in status(app, "#finder-status")
        await pilot.press("tab")
        box = finder.query_one(Input)
        assert box.value == "speaker:rutte" and finder.focused is box
        await settled(pilot, finder)
        assert finder.total == 3 and "did you mean" not in status(app, "#finder-status")
        await pilot.press("tab")  # into the list, as before
        assert finder.focused is not box


async def test_a_suggestion_for_a_plain_word_being_typed_is_the_word() -> None:
    """Found by a cold tryout: a misspelt plain word still being typed was offered as the query that runs while
    typing (`did you mean “(impeachment OR impeachment*)”`), and tab put that in the box."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_query(pilot, "harbuor")
        panel = app.query_one(SearchPanel)
        assert "did you mean “harbour”? tab" in status(app, "#search-status")
        await pilot.press("tab")
        assert app.query_one("#search-input", FilterBox).value == "harbour"
        await until(pilot, lambda: panel.settled, "the suggestion to be searched")
        await pilot.press("escape", "escape")
        finder = await open_finder(pilot, "underlngs")
        assert "did you mean “underlings”? tab" in status(app, "#finder-status")
        await pilot.press("tab")
        assert finder.query_one(Input).value == "underlings"
