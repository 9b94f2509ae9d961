"""The footer is rebuilt when the keys it shows change, and only then."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.footer import Footer
from tests.conftest import SEEDS
from tests.test_quote_finder import open_finder
from tests.test_reader import loaded, until

SIZE = (160, 40)


def footer_keys(app: BriefingApp) -> dict[str, FooterKey]:
    return {key.action: key for key in app.screen.query_one(Footer).query(FooterKey)}


async def test_the_footer_follows_the_keys_but_is_not_rebuilt_when_they_stay() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: "quote_board" in footer_keys(app), "the reader's footer")
        before = footer_keys(app)
        await pilot.press("tab")  # the sidebar to the article: the same keys
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        assert footer_keys(app) == before  # the very same widgets: nothing was rebuilt
        await open_finder(pilot, "speaker:rutte")
        await until(pilot, lambda: "copy('box')" in footer_keys(app), "the filter box's keys in the footer")
        assert "export" not in footer_keys(app)  # a list key: letters are typed in the box
        await pilot.press("tab")  # into the list, where c copies and e exports
        await until(pilot, lambda: "export" in footer_keys(app), "the list's keys in the footer")
        assert "copy('box')" not in footer_keys(app)
