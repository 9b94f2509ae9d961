"""Themes: the sidebar's counts in the theme's colours when it changes, and one theme for every library."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.sidebar import LibrarySidebar
from tests.conftest import SEEDS, write
from tests.test_reader import loaded


async def test_the_counts_follow_the_theme() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        sidebar = app.query_one(LibrarySidebar)

        def count_style() -> tuple[object, object]:
            label = sidebar.root.children[0].label
            span = label.spans[-1]  # "June 2025  8": the count
            assert label.plain[span.start:span.end].strip() == "8"
            style = label.get_style_at_offset(app.console, span.start)
            return style.color, style.bgcolor

        dark = count_style()
        assert dark[1] is None  # no background of its own: the line's shows (the cursor's too)
        app.theme = "textual-light"
        await pilot.pause()
        light = count_style()
        want = sidebar.get_component_rich_style("library-sidebar--count")  # on the light background
        assert light == (want.color, None) and light != dark


async def test_the_theme_is_one_for_every_library(isolated_home: Path, tmp_path: Path) -> None:
    write(tmp_path / "other" / "a.txt", "2025-01-01 First\nBody.\n")
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.theme = "nord"
        await pilot.pause()
    prefs = isolated_home / "config" / "briefing-tui" / "reader.json"
    assert json.loads(prefs.read_text()) == {"theme": "nord"}
    assert prefs.stat().st_mode & 0o777 == 0o600
    other = BriefingApp([str(tmp_path / "other")], Settings())
    async with other.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert other.theme == "nord"
    for state in (isolated_home / "data" / "briefing-tui").glob("state-*.json"):  # not per library any more
        assert json.loads(state.read_text()).get("theme") is None


async def test_an_older_per_library_theme_is_used_until_one_is_chosen(isolated_home: Path) -> None:
    from briefing_tui.core.user.state import library_key

    write(isolated_home / "data" / "briefing-tui" / f"state-{library_key([str(SEEDS)])}.json",
          json.dumps({"read": [], "bookmarks": [], "theme": "dracula"}))
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.theme == "dracula"
    assert not (isolated_home / "config").exists()  # nothing chosen, nothing written


def test_a_damaged_or_odd_settings_file_gives_no_theme(tmp_path: Path) -> None:
    from briefing_tui.core.user.prefs import UserPrefs

    for text in ("{", "[]", json.dumps({"theme": 3}), json.dumps({"theme": "x" * 500})):
        write(tmp_path / "reader.json", text)
        assert UserPrefs.load(tmp_path, False).theme is None
    write(tmp_path / "reader.json", json.dumps({"theme": "nord\x1b[31m"}))
    assert UserPrefs.load(tmp_path, False).theme == "nord[31m"  # one clean line: the app will not find it


async def test_a_config_theme_the_reader_has_not_is_named(tmp_path: Path) -> None:
    """A new user's tryout: `theme: nosuchtheme` in the config did nothing, without a word."""
    from tests.test_links import recorded_notifications

    app = BriefingApp([str(SEEDS)], Settings(private=True, theme="nosuchtheme"))
    notes = recorded_notifications(app)
    async with app.run_test() as pilot:
        await loaded(pilot)
        assert any(n.startswith("config: theme 'nosuchtheme' is not one of the reader's themes") for n in notes)
        assert app.theme != "nosuchtheme"


async def test_a_theme_chosen_where_the_config_sets_one_says_it_lasts_for_this_run(isolated_home: Path) -> None:
    """A new user's tryout: with `theme: nord` in the config, a theme picked in the reader was lost on restart,
    without a word (the config's wins, as files.md says)."""
    from tests.test_links import recorded_notifications

    app = BriefingApp([str(SEEDS)], Settings(theme="nord"))
    notes = recorded_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.theme == "nord"
        app.theme = "dracula"
        await pilot.pause()
        assert "For this run: the config's theme: nord is used at the next start." in notes
