"""User text is never markup: every field of a hostile article shows literally and clicking it does nothing."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from briefing_tui.core.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.article_view import ArticleView
from tests.conftest import write
from tests.test_reader import loaded

PAYLOADS = ["[@click=app.quit]x[/]", "[/]", "[link=file:///etc/passwd]y[/link]", "$accent"]


def screen_lines(app: BriefingApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def hostile_library(root: Path) -> Path:
    joined = " ".join(PAYLOADS)
    # File and folder names cannot hold "/", so they carry the payloads that have none.
    write(root / "lib" / f"{PAYLOADS[3]}[@click=app.quit]f[b].md",
          f"---\ntitle: '{joined}'\nsection: '{joined}'\ntags: ['{PAYLOADS[0]}', '{PAYLOADS[2]}']\n"
          f"source: '{joined}'\ndate: 2025-06-27\n---\n{joined} “{joined}” said Anna Berg.\n")
    write(root / "lib" / "[@click=app.quit]dir[b]" / "plain.txt", f"{joined}\n\n{joined}\n")
    return root / "lib"


async def test_hostile_fields_show_literally_and_clicks_do_nothing(tmp_path: Path) -> None:
    library = hostile_library(tmp_path)
    before = sorted(os.listdir(tmp_path))
    cwd_before = sorted(os.listdir("."))
    app = BriefingApp([str(library)], Settings(private=True))
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)  # the newest article, the one with front matter, is shown
        assert view.article is not None and view.article.format == "markdown"
        assert view.article.title == " ".join(PAYLOADS) and view.article.quotes
        text = "\n".join(screen_lines(app))
        for payload in PAYLOADS:
            assert payload in text, payload
        clicked = 0
        for y, line in enumerate(screen_lines(app)):
            for payload in PAYLOADS:
                x = line.find(payload)
                while x >= 0:
                    await pilot.click(offset=(x + 1, y))
                    clicked += 1
                    assert app.is_running
                    x = line.find(payload, x + 1)
        assert clicked >= 12
        await pilot.press("g")  # section grouping: the section and folder names are labels too
        await pilot.pause()
        assert PAYLOADS[0] in "\n".join(screen_lines(app))
        assert "[@click=app.quit]dir[b]" in "\n".join(screen_lines(app))
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        await pilot.pause(0.3)
        assert PAYLOADS[0] in "\n".join(screen_lines(app))  # the palette shows titles literally
        await pilot.press("escape")
        assert app.is_running
    assert sorted(os.listdir(tmp_path)) == before
    assert sorted(os.listdir(".")) == cwd_before


ESCAPES = "x\x1b]2;PWNED\x07y\x1b[41mRED\x9b31m\u202e\u3164"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e\u3164]")


@pytest.mark.parametrize("named", ["folder", "file"])
async def test_escape_sequences_in_the_library_name_never_reach_the_header(tmp_path: Path, named: str) -> None:
    folder = tmp_path / ESCAPES
    article = write(folder / f"{ESCAPES}.txt", "Budget talks\n\nThe minister spoke.\n")
    app = BriefingApp([str(folder if named == "folder" else article)], Settings(private=True))
    async with app.run_test(size=(160, 30)) as pilot:
        await loaded(pilot)
        assert not CONTROLS.search(app.sub_title), repr(app.sub_title)
        assert app.sub_title.startswith("x]2;PWNEDy[41mRED31m")
        header = screen_lines(app)[0]
        assert "x]2;PWNEDy[41mRED31m" in header and not CONTROLS.search(header), repr(header)
        assert not any(CONTROLS.search(line) for line in screen_lines(app))
