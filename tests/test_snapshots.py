"""SVG snapshots of the reader's layout at a fixed terminal size (update with --snapshot-update)."""

from __future__ import annotations

from typing import Any

from briefing_tui.core.config import Settings
from briefing_tui.tui.app import BriefingApp
from tests.conftest import SEEDS
from tests.test_reader import loaded

SIZE = (120, 40)


def app() -> BriefingApp:
    return BriefingApp([str(SEEDS)], Settings(private=True))


def test_main_screen_by_date(snap_compare: Any) -> None:
    assert snap_compare(app(), terminal_size=SIZE, run_before=loaded)


def test_main_screen_by_section(snap_compare: Any) -> None:
    async def regroup(pilot: Any) -> None:
        await loaded(pilot)
        await pilot.press("g")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZE, run_before=regroup)


def test_article_with_quotes_scrolled(snap_compare: Any) -> None:
    async def open_and_scroll(pilot: Any) -> None:
        await loaded(pilot)
        await pilot.press("enter", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZE, run_before=open_and_scroll)


def test_help_screen(snap_compare: Any) -> None:
    async def help_(pilot: Any) -> None:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZE, run_before=help_)
