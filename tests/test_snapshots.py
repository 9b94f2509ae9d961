"""SVG snapshots of the reader's layout at a fixed terminal size (update with --snapshot-update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from briefing_tui.core.user.config import Settings, load_settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.search_panel import SearchPanel
from tests.conftest import SEEDS, workers_done
from tests.test_reader import loaded, until

SIZE = (120, 40)


async def settled_search(pilot: Any) -> None:
    """Wait until the results for the typed query are on screen and nothing else is pending."""
    panel = pilot.app.query_one(SearchPanel)
    await pilot.pause()
    await until(pilot, lambda: panel.settled, "the search panel to answer")
    await workers_done(pilot.app)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def app() -> BriefingApp:
    return BriefingApp([str(SEEDS)], Settings(private=True))


def test_main_screen_by_date(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=loaded)


def pressing(*keys: str) -> Callable[[Any], Awaitable[None]]:
    """A run_before that waits for the library, then presses `keys`."""
    async def run(pilot: Any) -> None:
        await loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run


def test_main_screen_by_section(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=pressing("g"))


def test_article_with_quotes_scrolled(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=pressing("enter", *["j"] * 10))


def test_help_screen(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=pressing("question_mark"))


def test_search_panel_with_results(snap_compare: Any) -> None:
    async def search(pilot: Any) -> None:
        await loaded(pilot)
        pilot.app.query_one("#search-input").cursor_blink = False  # deterministic frames
        await pilot.press("slash", *"nato OR fictional")
        await settled_search(pilot)

    assert snap_compare(app(), terminal_size=SIZE, run_before=search)


def test_quote_finder_filtered(snap_compare: Any) -> None:
    async def finder(pilot: Any) -> None:
        await loaded(pilot)
        await pilot.press("quotation_mark", *"speaker:trump")
        await pilot.pause()
        finder = pilot.app.screen
        await until(pilot, lambda: finder.answered == finder.settled_at, "the finder to answer")
        await pilot.press("tab", "down")  # into the list, its second quote
        await workers_done(pilot.app)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZE, run_before=finder)


def test_markdown_document(snap_compare: Any) -> None:
    """The Markdown sample as a document: heading, lists, code, a table, a block quote, a rule, link notes."""
    document = BriefingApp([str(SEEDS / "2025-06-14-catch-data-opened.md")], Settings(private=True))
    assert snap_compare(document, terminal_size=SIZE, run_before=pressing("tab", *["j"] * 6))


def board_app() -> BriefingApp:
    """The samples with three quotes on the board, as `a` would add them (speakers, dates, titles differ)."""
    from briefing_tui.core.library.scan import load_library
    from briefing_tui.core.user.board import BoardQuote

    loaded_app = app()
    articles = {a.title: a for a in load_library([str(SEEDS)]).articles}
    for title, index in (("Clash Report", 4), ("Harbour Talks Stall Over Fishing Quotas", 3), ("Clash Report", 9)):
        article = articles[title]
        loaded_app.state.board.add(BoardQuote.of(article.quotes[index], article, index))
    return loaded_app


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_quote_board(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(board_app(), terminal_size=size, run_before=pressing("A", "down"))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_spotlight(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(board_app(), terminal_size=size, run_before=pressing("A", "s"))


# --- small and plain terminals, a light theme -------------------------------------------------------------

@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_main_screen_small_and_large(snap_compare: Any, size: tuple[int, int]) -> None:
    """Every key hint whole at 80 columns (short labels), `? Help` and `q Quit` included."""
    assert snap_compare(app(), terminal_size=size, run_before=loaded)


def test_sixty_columns_reading(snap_compare: Any) -> None:
    """Below 70 columns an article opened takes the whole screen; the footer keeps `?` and `q`."""
    async def opened(pilot: Any) -> None:
        await loaded(pilot)
        await pilot.press("enter")
        await loaded(pilot)

    assert snap_compare(app(), terminal_size=(60, 20), run_before=opened)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_plain_console(snap_compare: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    """TERM=linux: ASCII tree guides, group marks, borders and header icon."""
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("BRIEFING_ASCII", raising=False)
    plain = BriefingApp([str(SEEDS)], load_settings(private_flag=True))
    assert snap_compare(plain, terminal_size=size, run_before=pressing("j", "space"))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_light_theme(snap_compare: Any, size: tuple[int, int]) -> None:
    """A light theme: the counts in the sidebar in its colours, on its background."""
    light = BriefingApp([str(SEEDS)], Settings(private=True, theme="textual-light"))
    assert snap_compare(light, terminal_size=size, run_before=pressing("j", "space"))


# --- the sidebar of a big library (issue #18): the flat list, the filter, saved searches ------------------------


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_main_screen_as_a_list(snap_compare: Any, size: tuple[int, int]) -> None:
    """`g` twice: every article newest first, each with its date and section, long rows cut with `…`."""
    async def as_list(pilot: Any) -> None:
        await pressing("g", "g")(pilot)
        pilot.app.clear_notifications()  # "One list, newest first" lasts 2 s: gone or not by the shot
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=as_list)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_sidebar_filtered(snap_compare: Any, size: tuple[int, int]) -> None:
    async def filtered(pilot: Any) -> None:
        from briefing_tui.tui.widgets.sidebar import LibrarySidebar

        await loaded(pilot)
        pilot.app.query_one("#sidebar-filter").cursor_blink = False  # deterministic frames
        await pilot.press("f", *"harbour")
        sidebar = pilot.app.query_one(LibrarySidebar)
        await until(pilot, lambda: sidebar.kept is not None and len(sidebar.kept) == 2, "the filter")
        await workers_done(pilot.app)
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=filtered)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_saved_searches_in_the_sidebar(snap_compare: Any, size: tuple[int, int]) -> None:
    """Two saved searches head the sidebar with their counts; the first is open."""
    saved_app = app()
    saved_app.state.save_search("Harbour talks", "harbour")
    saved_app.state.save_search("Rutte, June", 'speaker:rutte date:2025-06')

    async def opened(pilot: Any) -> None:
        from briefing_tui.tui.widgets.sidebar import LibrarySidebar

        await loaded(pilot)
        sidebar = pilot.app.query_one(LibrarySidebar)
        await until(pilot, lambda: len(sidebar.saved) == 2, "the saved searches' counts")
        await pilot.press("home", "space")
        await workers_done(pilot.app)
        await pilot.pause()

    assert snap_compare(saved_app, terminal_size=size, run_before=opened)
