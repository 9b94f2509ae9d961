"""Pilot tests of the reader: keys pressed, screen read, as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static, Tree

from briefing_tui.core.model import Article
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.commands import OpenArticleProvider
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.search_panel import SearchPanel
from briefing_tui.tui.widgets.sidebar import LibrarySidebar
from tests.conftest import SEEDS, workers_done, write

SIZE = (120, 40)


async def loaded(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the reader is idle: no worker running, none started by what the last ones posted.

    Articles parse in workers that may start others (a large file's whole parse), so one wait is not enough.
    """
    for _ in range(20):
        await workers_done(pilot.app)
        await pilot.pause()
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause()
            if not any(w.is_running for w in pilot.app.workers):
                return
    raise AssertionError("the reader never became idle")


def showing(app: BriefingApp, title: str) -> bool:
    """True when the article view shows the article titled `title` (it loads in a worker)."""
    article = app.query_one(ArticleView).article
    return article is not None and article.title == title


async def until(pilot, condition, what: str = "condition", seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until `condition()` holds (debounced input, a search in a worker), failing after `seconds`."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


def visible_labels(tree: Tree) -> list[str]:  # type: ignore[type-arg]
    return [tree.get_node_at_line(i).label.plain for i in range(tree.last_line + 1)]  # type: ignore[union-attr]


def palette_offers(app: BriefingApp, text: str) -> bool:
    """True when the command palette on screen lists an option containing `text`."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    return any(text in str(lst.get_option_at_index(i).prompt) for lst in lists for i in range(lst.option_count))


def screen_text(app: BriefingApp) -> str:
    view = app.query_one(ArticleView)
    return "\n".join(view.line_text(i) for i in range(view.total_lines))


async def test_start_shows_newest_article_grouped_by_date() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.title == "Clash Report"
        labels = visible_labels(app.query_one(LibrarySidebar))
        assert labels[:4] == ["June 2025  8", "Fri 27 Jun  1", "Ukraine - Russia War  1", "Clash Report"]
        assert labels[-1] == "Undated  2"
        assert "10 articles" in app.sub_title
        text = screen_text(app)
        assert text.startswith("Clash Report\nFriday 27 June 2025  ·  Ukraine - Russia War")
        assert "Related sections" in text and "Europe — August 2025" in text


async def test_g_groups_by_section_and_keeps_the_article() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("g")
        await pilot.pause()
        sidebar = app.query_one(LibrarySidebar)
        labels = visible_labels(sidebar)
        tops = [label for label in labels if label and label[0].isupper() and "  " in label]
        assert tops == sorted(tops, key=str.casefold)
        assert "Ukraine - Russia War  1" in labels and "27 Jun 2025  Clash Report" in labels
        assert app.query_one(ArticleView).article.title == "Clash Report"  # type: ignore[union-attr]
        await pilot.press("g", "g")  # the list, then by date again
        await pilot.pause()
        assert visible_labels(sidebar)[0] == "June 2025  8"


async def test_navigation_and_opening_marks_read() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        sidebar = app.query_one(LibrarySidebar)
        assert app.focused is sidebar
        await pilot.press("j")  # onto "Mon 23 Jun"
        await pilot.press("space")  # expand the day
        await pilot.press("j", "j")  # section, then the article
        await until(pilot, lambda: showing(app, "Undersea Cable Damaged Near Kessel Strait"), "the article to open")
        view = app.query_one(ArticleView)
        assert "Undersea Cable Damaged Near Kessel Strait" not in app.state.read
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is view
        assert view.article.id in app.state.read  # type: ignore[union-attr]
        await pilot.press("m")
        assert view.article.id not in app.state.read  # type: ignore[union-attr]
        await pilot.press("escape")
        assert app.focused is sidebar


async def test_m_n_and_r_say_what_they_did(tmp_path: Path) -> None:
    """`m` says whether the article is now read; `n` with no search hit says how to get some; `r` says when the
    check it started is done, and what it found."""
    write(tmp_path / "a.md", "---\ntitle: A\ndate: 2025-01-01\n---\nOne.\n")
    write(tmp_path / "b.md", "---\ntitle: B\ndate: 2025-01-02\n---\nTwo.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)

        def said() -> str:
            return " | ".join(str(t.message) for t in app._notifications)

        await pilot.press("m")
        await until(pilot, lambda: "Marked read" in said(), "the read mark's note")
        await pilot.press("n")
        await until(pilot, lambda: "No search hits here" in said(), "the note of no hits")
        await pilot.press("r")  # (a file written now may reach the watcher first: nothing changes instead)
        await until(pilot, lambda: "Library checked: 2 files, no changes." in said(), "the check's end")


async def test_bookmarks_group_and_state_saved(isolated_home: Path) -> None:
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("b")
        await pilot.pause()
        labels = visible_labels(app.query_one(LibrarySidebar))
        assert labels[0] == "Bookmarks  1" and labels[1] == "★ 27 Jun 2025  Clash Report · Ukraine - Russia War"
        await pilot.press("enter")
    (state_file,) = (isolated_home / "data" / "briefing-tui").glob("state-*.json")
    data = json.loads(state_file.read_text())
    assert data["bookmarks"] == ["000_f05413db3c7f5e1f.txt"] and data["read"] == ["000_f05413db3c7f5e1f.txt"]
    assert oct(state_file.stat().st_mode & 0o777) == "0o600"
    assert oct(state_file.parent.stat().st_mode & 0o777) == "0o700"
    app2 = BriefingApp([str(SEEDS)], Settings())
    async with app2.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert visible_labels(app2.query_one(LibrarySidebar))[0] == "Bookmarks  1"


async def test_a_bookmark_leaves_the_groups_open_and_the_cursor_on_the_article() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        sidebar = app.query_one(LibrarySidebar)
        await pilot.press("j", "space", "j", "j")  # Mon 23 Jun, open, its section, its article
        await until(pilot, lambda: showing(app, "Undersea Cable Damaged Near Kessel Strait"), "the article to open")
        before = visible_labels(sidebar)
        cursor = sidebar.cursor_node
        assert cursor is not None and cursor.parent is not None
        day = cursor.parent.parent
        await pilot.press("b")
        await pilot.pause()
        after = visible_labels(sidebar)
        assert after[:2] == ["Bookmarks  1", "★ 23 Jun 2025  Undersea Cable Damaged Near Kessel Strait · Security"]
        assert sidebar.cursor_node is not None and sidebar.cursor_node.parent is not None
        assert sidebar.cursor_node.parent.parent is not None and sidebar.cursor_node.parent.parent.data == day.data
        assert [label.replace("★ ", "") for label in after[2:]] == [label.replace("★ ", "") for label in before]
        await pilot.press("b")  # and off again: the same tree as before
        await pilot.pause()
        assert visible_labels(sidebar)[:2] != after[:2] and sidebar.cursor_node.data == cursor.data


async def test_private_mode_writes_nothing(isolated_home: Path) -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("b", "enter", "m")
        app.theme = "nord"
        await pilot.press("slash", *"nato")
        await pilot.pause()
        panel = app.query_one(SearchPanel)
        await until(pilot, lambda: panel.settled, "the search to answer")
    assert list(isolated_home.iterdir()) == []  # no state, no index, no cache folder: nothing at all


async def test_problems_screen_lists_files_with_reasons(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Good\n\nBody.\n")
    write(tmp_path / "bin.txt", b"\x00\x01")
    write(tmp_path / "photo.png", b"x")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert "2 problems" in app.sub_title
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        table = app.screen.query_one(DataTable)
        rows = {table.get_row_at(i)[0].plain: table.get_row_at(i)[1].plain for i in range(table.row_count)}
        assert rows == {"bin.txt": "binary file (contains NUL bytes)",
                        "photo.png": "not an article file (unsupported type .png)"}
        detail = app.screen.query_one("#problems-detail", Static)
        first = table.get_row_at(0)
        assert str(detail.render()) == f"{first[0].plain}: {first[1].plain}"  # the highlighted row, whole
        await pilot.press("down")
        await pilot.pause()
        second = table.get_row_at(1)
        assert str(detail.render()) == f"{second[0].plain}: {second[1].plain}"
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)


@pytest.mark.parametrize("private", [True, False], ids=["private", "cached"])
async def test_reload_picks_up_new_files_and_keeps_the_article_read(tmp_path: Path, isolated_home: Path,
                                                                     private: bool) -> None:
    """`r` lists a file added since, and the article being read stays on screen (the newest is shown at
    start only: it replaced the article read, its cursor left behind in the sidebar)."""
    write(tmp_path / "a.txt", "2025-01-01 First\nBody.\n")
    write(tmp_path / "b.txt", "2025-02-01 Second\nBody.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=private))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: showing(app, "Second"), "the newest article")
        sidebar = app.query_one(LibrarySidebar)
        first = next(a for a in app.session.listing if a.title == "First")
        sidebar.select_article(first.id)  # the reader moves to the older article
        await until(pilot, lambda: showing(app, "First"), "the older article")
        write(tmp_path / "c.txt", "2025-03-01 Third\nBody.\n")
        await pilot.press("r")
        await until(pilot, lambda: [a.title for a in app.session.listing] == ["Third", "Second", "First"],
                    "the new file")
        screen = app.screen
        await until(pilot, lambda: screen._loading is None, "no article on its way")  # type: ignore[attr-defined]
        assert showing(app, "First")
        cursor = sidebar.cursor_node
        assert cursor is not None and "First" in cursor.label.plain


async def test_copy_citation() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        assert app.clipboard == "Clash Report (Ukraine - Russia War), 27 June 2025"


async def test_open_article_from_command_palette() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await open_from_palette(pilot, "harbour stall", "Harbour Talks Stall Over Fishing Quotas")


async def open_from_palette(pilot, typed: str, title: str) -> None:  # type: ignore[no-untyped-def]
    """Type `typed` in the command palette, wait for it to offer `title`, open it, and wait for it to show."""
    app: BriefingApp = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await until(pilot, lambda: palette_offers(app, title), "the palette's match")
    await pilot.press("enter")
    await until(pilot, lambda: showing(app, title), "the article to open")


async def test_the_palette_forgives_accents(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: Stocznia w Gdańsku\ndate: 2024-01-04\n---\n\nText.\n")
    write(tmp_path / "b.md", "---\ntitle: Gdańsk shipyard reopens\ndate: 2024-01-03\n---\n\nText.\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        provider = OpenArticleProvider(app.screen)
        hits = [hit async for hit in provider.search("gdansk ship")]
        assert [hit.text for hit in hits] == ["Gdańsk shipyard reopens"]
        shown = hits[0].match_display
        assert "".join(shown.plain[span.start:span.end] for span in shown.spans
                       if span.end - span.start == 1) == "Gdańskship"  # the letters matched, ń among them
        await open_from_palette(pilot, "gdansk ship", "Gdańsk shipyard reopens")


async def test_empty_library_says_so(tmp_path: Path) -> None:
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.query_one(ArticleView).article is None
        assert "0 articles" in app.sub_title


@pytest.mark.slow
async def test_large_article_first_screen_then_full_layout(tmp_path: Path) -> None:
    """A 6.6 MB article: its beginning shows at once, the whole of it replaces that, then lays out."""
    body = "\n".join(f"Paragraph {i} " + "lorem ipsum dolor sit amet " * 40 for i in range(6000))
    write(tmp_path / "big.txt", "Big article\n\n" + body + "\n")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        assert isinstance(view.article, Article) and view.line_text(0) == "Big article"
        assert len(view.article.paragraphs) == 6000  # the whole article replaced its quick first part
        await pilot.press("tab", "end")
        await pilot.pause()
        assert view.total_lines > 6000 * 10


async def test_theme_is_remembered(isolated_home: Path) -> None:
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.theme = "nord"
        await pilot.pause()
    app2 = BriefingApp([str(SEEDS)], Settings())
    async with app2.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app2.theme == "nord"


@pytest.mark.slow
async def test_a_slow_article_parses_off_the_screen_thread(tmp_path: Path) -> None:
    """The newest article takes seconds to parse: on a warm start the reader lists the library and takes
    keys meanwhile (it used to parse it on the UI thread: 13 s frozen for one slow file)."""
    from briefing_tui.cli import main

    write(tmp_path / "slow.md", "---\ntitle: Slow\ndate: 2099-01-01\n---\n" + "[" * 100_000)
    write(tmp_path / "fine.txt", "June 27, 2025 Fine\n\nBody.\n")
    assert main(["index", str(tmp_path)]) == 0  # the warm cache
    app = BriefingApp([str(tmp_path)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        sidebar = app.query_one(LibrarySidebar)
        await until(pilot, lambda: any(w.group == "article" and w.is_running for w in app.workers),
                    "the newest article to start parsing")
        await pilot.press("g")  # the screen thread is free while the file parses
        assert sidebar.grouping == "section"
        # the listing waits for the first article at most `session.FIRST_WAIT`, then comes while it still parses
        await until(pilot, lambda: "2 articles" in app.sub_title, "the library to be listed")
        assert any(w.group == "article" and w.is_running for w in app.workers)
        await loaded(pilot)
        article = app.query_one(ArticleView).article
        assert article is not None and article.title == "Slow"


def _dated_library(root: Path, n: int, written: int) -> None:
    """`n` articles, each dated a day after the one before; the file of article i written `written` × i seconds
    after the first (a refresh reads the most lately written first)."""
    import datetime as dt
    import os

    for i in range(n):
        path = root / f"{i:03d}.md"
        write(path, f"---\ntitle: Story {i:03d}\ndate: {dt.date(2025, 1, 1) + dt.timedelta(days=i)}\n"
                    f"---\nText of story {i}.\n")
        os.utime(path, ns=(1_700_000_000_000_000_000 + written * i * 10**9,) * 2)


def test_a_first_start_lists_its_library_in_growing_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a first start indexes, what is stored so far is listed after the first batch and then each time
    it has grown EARLY_LISTING times over; the last listing is whole and counts as changed only what no part
    listed."""
    from briefing_tui.core.search import index as index_module
    from briefing_tui.tui.session import LibrarySession

    monkeypatch.setattr(index_module, "BATCH", 5)
    monkeypatch.setattr(index_module, "TRANSACTION_MAX", 5)
    _dated_library(tmp_path / "lib", 100, written=1)
    session = LibrarySession([str(tmp_path / "lib")], Settings(private=True))
    posted: list[object] = []
    try:
        session.load(posted.append)
    finally:
        session.close()
    listings = [m for m in posted if isinstance(m, LibrarySession.LibraryListed)]
    assert [(len(m.listing), m.indexing) for m in listings] == [(5, True), (20, True), (100, False)]  # 80 > 100/4
    early = {a.key for a in listings[-2].listing}
    assert listings[-1].changed == {a.key for a in listings[-1].listing} - early and len(listings[-1].changed) == 80
    assert all(m.changed == frozenset() for m in listings[:-1])
    assert [a.title for a in listings[0].listing] == [f"Story {i:03d}" for i in range(99, 94, -1)]  # the latest


@pytest.mark.parametrize("touched", [False, True])
async def test_a_first_start_follows_the_newest_article_until_a_key_is_pressed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, touched: bool) -> None:
    """The first part listed opens its newest article at once; the reader moves to the newest of each larger
    part, and of the whole, unless the user has pressed a key or clicked meanwhile."""
    from briefing_tui.core.search import index as index_module
    from briefing_tui.tui.session import LibrarySession

    monkeypatch.setattr(index_module, "BATCH", 5)
    monkeypatch.setattr(index_module, "TRANSACTION_MAX", 5)
    _dated_library(tmp_path / "lib", 60, written=-1)  # the newest article is in the file written first
    parts: list[str] = []  # the newest article of each part listed
    report = LibrarySession._report

    def recorded(session: LibrarySession, changed: frozenset[bytes], always: bool, indexing: bool = False) -> bool:
        posted = report(session, changed, always, indexing)
        if posted and indexing:
            parts.append(session.listing[0].title)
        return posted

    monkeypatch.setattr(LibrarySession, "_report", recorded)
    app = BriefingApp([str(tmp_path / "lib")], Settings(private=True))
    app.touched = touched  # as if a key had been pressed before the first part was listed
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        assert "60 articles" in app.sub_title and "so far" not in app.sub_title
        assert not app.query_one("#loading-bar").display
        assert view.article is not None
        assert parts == ["Story 004"]  # the part of the 5 files written last
        assert view.article.title == (parts[0] if touched else "Story 059")
        assert app.query_one(LibrarySidebar).cursor_node.data.title == view.article.title  # type: ignore[union-attr]


async def test_a_folder_with_no_article_files_says_which_files_are_read(tmp_path: Path) -> None:
    """`Press p to see why` was said where `p` showed no problem (an empty folder)."""
    from tests.test_links import recorded_notifications

    (tmp_path / ".hidden.md").write_text("---\ntitle: Hidden\n---\nText.\n")  # skipped, as hidden files are
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    notes = recorded_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: any(n.startswith("No article files here") for n in notes), "the notice")
        assert not any("Press p" in n for n in notes)


async def test_a_long_library_name_is_cut_so_the_header_keeps_its_count(tmp_path: Path) -> None:
    """A new user's tryout: `briefing FILE` named the library by the file's long name, and at 100 columns the
    header's count was cut off (`001-magnitogorsk-…md · 1 a…`)."""
    article = write(tmp_path / ("001-magnitogorsk-steel-plant-reports-record-output-in-the-third-quarter" + ".md"),
                    "---\ntitle: Steel\ndate: 2025-06-01\n---\nText.\n")
    app = BriefingApp([str(article)], Settings(private=True))
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot)
        assert app.sub_title.endswith(" · 1 article") and "…" in app.sub_title
        assert len(app.sub_title) <= 48
