"""User text is never markup: every field of a hostile article shows literally and clicking it does nothing."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import OptionList, TextArea

from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.screens.reader import ReaderScreen
from briefing_tui.tui.widgets.article_view import ArticleView
from tests.conftest import SEEDS, write
from tests.test_reader import loaded, showing, until

PAYLOADS = ["[@click=app.quit]x[/]", "[/]", "[link=file:///etc/passwd]y[/link]", "$accent"]
ACTIONS = ("action_screenshot", "action_quit", "action_simulate_key", "action_suspend_process")


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


def record_actions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every action a link in user text could run, and `open_url`, recorded instead of run."""
    ran: list[str] = []
    for name in (*ACTIONS, "open_url"):
        monkeypatch.setattr(BriefingApp, name, lambda _self, *_a, _name=name, **_k: ran.append(_name))
    return ran


async def test_hostile_fields_show_literally_and_clicks_do_nothing(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    library = hostile_library(tmp_path)
    before = sorted(os.listdir(tmp_path))
    cwd_before = sorted(os.listdir("."))
    app = BriefingApp([str(library)], Settings(private=True))
    ran = record_actions(monkeypatch)
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
                    x = line.find(payload, x + 1)
        assert clicked >= 12
        await pilot.pause()
        assert ran == [] and isinstance(app.screen, ReaderScreen)  # no action ran, no screen opened
        after = "\n".join(screen_lines(app))
        for payload in PAYLOADS:  # still shown as text, not taken for markup by a repaint
            assert payload in after, payload
    assert ran == []
    assert sorted(os.listdir(tmp_path)) == before
    assert sorted(os.listdir(".")) == cwd_before


async def test_hostile_section_and_folder_names_show_literally_in_groups_and_the_palette(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = hostile_library(tmp_path)
    before = sorted(os.listdir(tmp_path))
    app = BriefingApp([str(library)], Settings(private=True))
    ran = record_actions(monkeypatch)
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("g")  # section grouping: the section and folder names are labels too
        await pilot.pause()
        assert PAYLOADS[0] in "\n".join(screen_lines(app))
        assert "[@click=app.quit]dir[b]" in "\n".join(screen_lines(app))
        await pilot.press("ctrl+p")
        await pilot.press(*"click")
        # the palette shows titles literally (and runs nothing), once it has searched
        await until(pilot, lambda: PAYLOADS[0] in "\n".join(screen_lines(app)), "the palette's matches")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette to close")
        assert "[@click=app.quit]dir[b]" in "\n".join(screen_lines(app))  # the reader, as it was
    assert ran == []
    assert sorted(os.listdir(tmp_path)) == before


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
        assert app.sub_title.startswith("xyRED")  # each sequence gone whole, as from a title taken from a name
        header = screen_lines(app)[0]
        assert "xyRED" in header and not CONTROLS.search(header), repr(header)
        assert not any(CONTROLS.search(line) for line in screen_lines(app))


EVIL = "[@click=app.quit]q[/] [/] $accent [b]"


def markup_library(root: Path) -> tuple[Path, Path, str]:
    """Markup, an action link, a stray closing tag and a variable in every field, file and folder name."""
    trap = root / "trap"
    trap.mkdir()
    title = f"[@click=app.screenshot('pwned.svg','{trap}')]Budget talks[/]"
    lib = root / "lib"
    write(lib / "budget.txt", f"{title}\n\n“{EVIL} budget,” said Anna Berg {EVIL}.\n")
    write(lib / "fields.md", f"---\ntitle: '[/] Broken $accent'\nsection: '{EVIL}'\ntags: ['{EVIL}', '$accent']\n"
          f"source: '{EVIL}'\nsummary: '{EVIL}'\ndate: 2025-06-27\n---\n"
          f"{EVIL} budget. “[@click=app.quit]quoted[/] $accent,” said Anna Berg [b]$accent[/b].\n")
    write(lib / "[@click=app.quit]dir $accent[b]" / "[@click=app.quit]f $accent[b].txt", "Plain\n\nA budget.\n")
    return lib, trap, title


async def click_every(pilot, texts: list[str], within: Region | None = None) -> int:  # type: ignore[no-untyped-def]
    """Click the first character of every occurrence of `texts` on screen (or in a region of it);
    return how many clicks."""
    clicked = 0
    for y, line in enumerate(screen_lines(pilot.app)):
        for text in texts:
            x = line.find(text)
            while x >= 0:
                if within is None or within.contains(x + 1, y):
                    await pilot.click(offset=(x + 1, y))
                    clicked += 1
                x = line.find(text, x + 1)
    return clicked


def palette_hits(app: BriefingApp) -> list[str]:
    return [option.prompt.plain for option in app.screen.query_one(CommandList).options]  # type: ignore[union-attr]


@contextlib.asynccontextmanager
async def markup_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Pilot[int], str]]:
    """The reader on the markup library, loaded; afterwards no action has run and nothing was written."""
    lib, trap, title = markup_library(tmp_path)
    ran = record_actions(monkeypatch)
    app = BriefingApp([str(lib)], Settings(private=True))
    async with app.run_test(size=(160, 50), notifications=True) as pilot:  # toasts are a surface too
        await loaded(pilot)
        yield pilot, title
        assert ran == []
    assert ran == []
    assert list(trap.iterdir()) == []


def on_screen(app: BriefingApp) -> str:
    return "\n".join(screen_lines(app))


async def test_markup_in_groups_and_the_article_runs_no_action(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    async with markup_reader(tmp_path, monkeypatch) as (pilot, _title):
        app = pilot.app
        await pilot.press("g")  # by section: the section, the folder and every title are labels
        for _ in range(12):
            await pilot.press("space", "j")
        text = on_screen(app)
        for literal in (EVIL, "[/] Broken $accent", "[@click=app.quit]dir $accent[b]", "$accent"):
            assert literal in text, literal
        assert await click_every(pilot, ["[@click", "[/]", "$accent", "[b]"]) >= 8


async def test_markup_in_palette_hits_runs_no_action(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with markup_reader(tmp_path, monkeypatch) as (pilot, title):
        app = pilot.app
        await pilot.press("ctrl+p", *"Budget")  # the palette: a title is text, its hit is not a link
        await until(pilot, lambda: any("Budget" in hit for hit in palette_hits(app)), "the palette's hits")
        assert any(f"Open: {title}" in hit for hit in palette_hits(app)), palette_hits(app)
        line, y = next((line, y) for y, line in enumerate(screen_lines(app)) if "Budget talks[/]" in line)
        assert title in line
        await pilot.click(offset=(line.index("Budget talks"), y))
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette to close")
        await until(pilot, lambda: showing(app, title), "the article to open")  # it loads in a worker

        await pilot.press("ctrl+p", *"Broken")  # broken markup is found too, and enter opens it
        await until(pilot, lambda: any("Broken" in hit for hit in palette_hits(app)), "a hit for a broken title")
        assert any("Open: [/] Broken $accent" in hit for hit in palette_hits(app))
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette to close")
        await until(pilot, lambda: showing(app, "[/] Broken $accent"), "the article to open")


async def test_markup_in_the_citation_and_the_quote_status_line_runs_no_action(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with markup_reader(tmp_path, monkeypatch) as (pilot, _title):
        app = pilot.app
        await pilot.press("g", "space", "j")  # by section: fields.md, with the markup in its front matter
        await until(pilot, lambda: showing(app, "[/] Broken $accent"), "the article with markup in its fields")
        await pilot.press("c")  # the citation, in the panel under the article
        await until(pilot, lambda: "Citation copied" in on_screen(app), "the citation's panel")
        assert app.clipboard.startswith("[/] Broken $accent ([@click=app.quit]q[/] [/] $accent [b])")
        panel = app.screen.query_one("#article-citation", TextArea)
        assert panel.text == app.clipboard and "[@click=app.quit]q[/]" in on_screen(app)  # shown literally
        # the citation's panel (the article itself: the first test)
        assert await click_every(pilot, ["[@click", "[/]", "$accent", "[b]"], within=panel.region) >= 3
        await pilot.press("right_square_bracket")  # the quote status line: speaker and cue (the article's
        await until(pilot, lambda: "Quote 1/" in on_screen(app), "the quote status line")  # citation put away)
        status = next(line for line in screen_lines(app) if "Quote 1/" in line)
        assert "Quote 1/1: Anna Berg (cue: said)" in status, status
        await pilot.press("c")  # the quote's citation in the panel: its markup shown literally, clicks do nothing
        await until(pilot, lambda: panel.display and "Anna Berg" in panel.text, "the quote's citation")
        assert await click_every(pilot, ["[@click", "[/]", "$accent"], within=panel.region) >= 2


async def test_markup_in_search_results_runs_no_action(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with markup_reader(tmp_path, monkeypatch) as (pilot, title):
        app = pilot.app
        await pilot.press("slash", *"budget")  # the search panel's results
        results = app.query_one("#search-results", OptionList)
        await until(pilot, lambda: results.option_count == 3, "results")
        prompts = [option.prompt.plain for option in results.options]  # type: ignore[union-attr]
        assert {prompt.split("\n")[0] for prompt in prompts} == {title, "[/] Broken $accent", "Plain"}
        assert "')]Budget talks[/]" in on_screen(app)
        assert await click_every(pilot, ["[@click", "[/]", "$accent"], within=results.region) >= 10


async def test_markup_in_the_quote_finder_runs_no_action(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with markup_reader(tmp_path, monkeypatch) as (pilot, _title):
        app = pilot.app
        await pilot.press("quotation_mark")  # the quote finder
        await until(pilot, lambda: "[@click=app.quit]quoted[/] $accent" in on_screen(app), "quotes")
        assert await click_every(pilot, ["[@click", "[/]", "$accent"]) >= 2


async def test_markup_in_a_problem_runs_no_action(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "lib" / "[@click=app.quit]bin $accent[b].txt", bytes(range(1, 32)) * 100)
    async with markup_reader(tmp_path, monkeypatch) as (pilot, _title):
        app = pilot.app
        await pilot.press("p")  # the problems screen
        await until(pilot, lambda: isinstance(app.screen, ProblemsScreen), "the problems screen")
        await until(pilot, lambda: "[@click=app.quit]bin $accent[b].txt" in on_screen(app), "the problem's file")
        assert await click_every(pilot, ["[@click", "$accent", "[b]"]) >= 3
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader again")


async def test_markup_on_the_board_the_spotlight_and_the_hints_runs_no_action(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The meeting flow's surfaces (issue #17): the board's rows, the spotlight, the citation panel, the
    status lines and the hint on empty results show a file's markup as text, and clicking it does nothing."""
    from briefing_tui.tui.screens.board import QuoteBoardScreen
    from briefing_tui.tui.screens.spotlight import Spotlight

    async with markup_reader(tmp_path, monkeypatch) as (pilot, _title):
        app = pilot.app
        await pilot.press("quotation_mark")
        await until(pilot, lambda: getattr(app.screen, "total", 0) >= 2, "the finder's quotes")
        await pilot.press("ctrl+t", "down", "ctrl+t", "ctrl+y")  # both quotes on the board; a citation shown
        await until(pilot, lambda: "[@click=app.quit]quoted[/] $accent" in on_screen(app), "the panel")
        await pilot.press(*"speaker:bergg ")  # the hint names what exists, as text
        await until(pilot, lambda: "the closest: Anna Berg" in on_screen(app), "the hint")
        await pilot.press("escape", "A")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "the board")
        text = on_screen(app)
        for literal in (EVIL, "[/] Broken $accent", "[@click=app.quit]quoted[/] $accent", "[@click=app.screenshot("):
            assert literal in text, literal
        await pilot.press("C")  # every citation in the panel
        assert await click_every(pilot, ["[@click", "[/]", "$accent", "[b]"]) >= 6  # a row clicked opens its article
        if not isinstance(app.screen, QuoteBoardScreen):
            await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, QuoteBoardScreen), "the board again")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, Spotlight), "the spotlight")
        for _ in range(2):
            text = on_screen(app)
            assert "[@click" in text and ("$accent" in text or EVIL in text), text
            await pilot.press("right")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader again")
        await pilot.press("right_square_bracket", "a", "s")  # the status line, the article's own quote
        await until(pilot, lambda: isinstance(app.screen, Spotlight), "the article's quote in the spotlight")


async def test_the_palette_has_no_screenshot_command_and_nothing_is_written(isolated_home: Path) -> None:
    """Textual's palette offered `Screenshot`: it wrote the screen, an article's text, readable by all, to
    ~/Downloads, even with --private (and failed where there is no such folder). The reader has none."""
    downloads = isolated_home / "Downloads"
    downloads.mkdir()
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p", *"s")  # `Keys`, `Theme`, `Quit` and article titles match; so did `Screenshot`
        await until(pilot, lambda: isinstance(app.screen, CommandPalette)
                    and any(hit.startswith("Keys") for hit in palette_hits(app)), "the palette's commands")
        assert not any("creenshot" in hit for hit in palette_hits(app)), palette_hits(app)
        await pilot.press("escape")
        app.action_screenshot()  # as markup or a binding would call it
        await pilot.pause()
    assert not any(downloads.iterdir()) and not any(isolated_home.glob("*.svg"))
