"""Small and plain terminals: the footer at 80 and 60 columns, the sidebar giving way to the article, ASCII
under TERM=linux, NO_COLOR."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import SearchIcon
from textual.widgets import Header
from textual.widgets._footer import FooterKey

from briefing_tui.core.user.config import Settings, load_settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.key_footer import Hint, fit
from briefing_tui.tui.widgets.sidebar import LibrarySidebar
from tests.conftest import SEEDS, write
from tests.test_reader import loaded, until

DRAWN = re.compile("[\u2022\u2500-\u25ff\u2190-\u21ff\u2260-\u22ff\u2b00-\u2bff\u2600-\u27bf\U0001f000-\U0001faff]")
"""Box drawing, block elements, geometric shapes, arrows, maths (≡), symbols and emoji: none on a plain
console."""


def footer(app: BriefingApp) -> list[str]:
    """The key hints on screen, as drawn, each only when it lies wholly inside the screen."""
    width = app.size.width
    return [key.render().plain.strip() for key in app.screen.query(FooterKey)
            if key.display and key.region.width and key.region.x >= 0 and key.region.right <= width]


def cut_off(app: BriefingApp) -> list[str]:
    """Key hints shown but not whole on screen."""
    width = app.size.width
    return [key.render().plain.strip() for key in app.screen.query(FooterKey)
            if key.display and key.region.width and key.region.right > width]


# --- the footer --------------------------------------------------------------------------------------------

READER = [Hint("/", "Search", "Search"), Hint("g", "Group", "Group"), Hint('"', "Quotes", "Quotes"),
          Hint("c", "Cite", "Cite"), Hint("a", "Add", "Add"), Hint("A", "Board", "Board"),
          Hint("s", "Spotlight", "Spot"), Hint("b", "Bookmark", "Bkmk"),
          Hint("?", "Help", "Help", kept=True), Hint("q", "Quit", "Quit", kept=True)]


def test_fit_keeps_everything_when_there_is_room() -> None:
    plan = fit(READER, Hint("^p", "palette", "palette"), 200)
    assert not plan.compact and plan.palette and plan.labels == tuple(h.label for h in READER)


def test_fit_shortens_before_it_drops_and_never_drops_help_or_quit() -> None:
    at_80 = fit(READER, Hint("^p", "palette", "palette"), 80)
    assert at_80.compact and not at_80.palette
    assert None not in at_80.labels and "Spot" in at_80.labels  # every key, the long labels short
    at_40 = fit(READER, None, 40)
    assert at_40.labels[-2:] == ("Help", "Quit") and at_40.labels[:2] == ("Search", "Group")
    assert None in at_40.labels
    kept = fit(READER, None, 5)
    assert kept.labels[-2:] == ("Help", "Quit") and set(kept.labels[:-2]) == {None}


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (60, 20)])
async def test_help_and_quit_are_always_on_screen(size: tuple[int, int]) -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        shown = footer(app)
        assert "? Help" in shown and "q Quit" in shown, shown
        assert cut_off(app) == []
        if size[0] >= 80:  # every key the footer shows at 120 columns
            assert len(shown) == 10, shown


# --- narrow terminals: the sidebar gives way ----------------------------------------------------------------

def sidebar_shown(app: BriefingApp) -> bool:
    pane = app.query_one("#sidebar-pane")
    return pane.display and pane.region.width > 0


async def test_z_hides_the_sidebar_and_brings_it_back() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        narrow = view.region.width
        await pilot.press("z")
        await until(pilot, lambda: not sidebar_shown(app) and view.region.width == 120, "the article to widen")
        assert app.focused is view
        await pilot.press("z")
        await until(pilot, lambda: sidebar_shown(app) and view.region.width == narrow, "the sidebar to come back")
        assert app.focused is app.query_one(LibrarySidebar)


async def test_below_70_columns_the_article_takes_the_screen_while_read() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(60, 20)) as pilot:
        await loaded(pilot)
        assert sidebar_shown(app)  # browsing: the sidebar, the article beside it
        await pilot.press("enter")  # the newest article, opened
        view = app.query_one(ArticleView)
        # the pane hides first, the article widens at the next layout: wait for both, never for a fixed time
        await until(pilot, lambda: not sidebar_shown(app) and view.region.width == 60, "the article to take the screen")
        assert app.focused is view
        await pilot.press("escape")
        await until(pilot, lambda: sidebar_shown(app), "the sidebar to come back")
        assert app.focused is app.query_one(LibrarySidebar)
        await pilot.press("tab")
        await until(pilot, lambda: not sidebar_shown(app), "the sidebar to give way again")
        await pilot.press("slash")  # the search lives in the sidebar's place: it shows
        await until(pilot, lambda: sidebar_shown(app), "the search to show in the sidebar's place")


async def test_a_wider_terminal_shows_the_sidebar_hidden_for_width() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(60, 20)) as pilot:
        await loaded(pilot)
        await pilot.press("tab")
        await until(pilot, lambda: not sidebar_shown(app), "the sidebar to give way")
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: sidebar_shown(app), "the sidebar to come back")


# --- plain consoles --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("term", "forced", "plain", "locale"), [
    ("linux", None, True, None), ("xterm-256color", None, False, None), ("xterm-256color", "1", True, None),
    ("linux", "0", False, None),
    ("vt100", None, True, None), ("xterm", None, True, "C"), ("xterm", None, False, "en_GB.UTF-8"),  # a plain
    ("xterm", None, False, "C.utf8"), ("xterm", None, True, "POSIX"), ("vt220", "0", False, None),  # terminal
    # tryout: vt100 and LC_ALL=C got box drawing and arrows
])
def test_plain_terminals_are_recognised(monkeypatch: pytest.MonkeyPatch, term: str, forced: str | None,
                                        plain: bool, locale: str | None) -> None:
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    if locale is not None:
        monkeypatch.setenv("LC_ALL", locale)
    monkeypatch.setenv("TERM", term)
    if forced is None:
        monkeypatch.delenv("BRIEFING_ASCII", raising=False)
    else:
        monkeypatch.setenv("BRIEFING_ASCII", forced)
    assert load_settings(private_flag=True).ascii is plain


async def test_term_linux_draws_in_ascii(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("BRIEFING_ASCII", raising=False)
    app = BriefingApp([str(SEEDS)], load_settings(private_flag=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "space", "b")  # a day opened, with its guides; a bookmark
        await loaded(pilot)
        screen = app.export_screenshot()
        assert not DRAWN.findall(screen), sorted(set(DRAWN.findall(screen)))
        sidebar = app.query_one(LibrarySidebar)
        lines = [sidebar.render_line(y).text for y in range(10)]
        assert any(line.startswith(("` ", "| ")) for line in lines), lines  # guides: `|` and a backquote
        assert app.screen.query_one(Header).icon == "="
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(SearchIcon).icon == ">"
        assert not DRAWN.findall(app.export_screenshot())


async def test_unicode_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same screen in a terminal emulator keeps its glyphs: the test above can fail."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("BRIEFING_ASCII", raising=False)
    app = BriefingApp([str(SEEDS)], load_settings(private_flag=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("j", "space")
        await loaded(pilot)
        assert DRAWN.findall(app.export_screenshot())


async def test_no_color_keeps_working(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert app.no_color
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.title == "Clash Report"
        assert "q Quit" in footer(app)


async def test_the_page_draws_its_lines_in_ascii(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown sample's block quote, table and rule: `|`, `-` and `+` on a plain console."""
    monkeypatch.setenv("BRIEFING_ASCII", "1")
    app = BriefingApp([str(SEEDS / "2025-06-14-catch-data-opened.md")], load_settings(private_flag=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        lines = [view.line_text(i) for i in range(view.total_lines)]
        assert not DRAWN.findall("\n".join(lines))
        await pilot.press("tab", *["j"] * 6)  # as the Markdown snapshot shows it: the quote, the table
        await pilot.pause()
        on_screen = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "| " in on_screen and not DRAWN.findall(on_screen)
        assert any(line.startswith("| ") for line in lines)  # the block quote's bar
        assert any(" | " in line for line in lines) and any("-+-" in line for line in lines)  # the table


async def test_search_results_the_finder_and_help_draw_in_ascii(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lines between search results, the finder's arrow keys and the help's are ASCII on a plain console
    (Textual draws an option list's separators with `─`)."""
    from briefing_tui.tui.screens.quote_finder import QuoteFinder
    from briefing_tui.tui.widgets.search_panel import SearchPanel

    monkeypatch.setenv("BRIEFING_ASCII", "1")
    app = BriefingApp([str(SEEDS)], load_settings(private_flag=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"the ")
        panel = app.query_one(SearchPanel)
        await until(pilot, lambda: panel.settled and len(panel._results) > 1, "several results")
        options = app.query_one("#search-results")
        lines = [options.render_line(y).text for y in range(options.size.height)]
        assert any(set(line.strip()) == {"-"} for line in lines), lines  # the line between two results
        assert not DRAWN.findall("\n".join(lines)), sorted(set(DRAWN.findall("\n".join(lines))))
        await pilot.press("escape", "escape", "quotation_mark")
        await until(pilot, lambda: isinstance(app.screen, QuoteFinder), "the quote finder")
        await until(pilot, lambda: "up/down move" in app.screen.query_one("#finder-status").render().plain,
                    "the box's keys")
        await pilot.press("escape", "question_mark")
        await until(pilot, lambda: bool(app.screen.query(".help-hint")), "the help")
        assert str(app.screen.query_one(".help-hint").render()).startswith("escape closes; down / end")


@pytest.mark.parametrize("no_color", [True, False])
async def test_no_color_marks_the_cursors_in_reverse_video(monkeypatch: pytest.MonkeyPatch, no_color: bool) -> None:
    """With NO_COLOR every colour is the terminal's default: the sidebar's cursor and the quote under the quote
    cursor are shown in reverse video instead (with colours, they need not be)."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = BriefingApp([str(SEEDS)], load_settings(private_flag=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        sidebar = app.query_one(LibrarySidebar)
        line = sidebar.render_line(sidebar.cursor_line - int(sidebar.scroll_y))
        assert any(s.style is not None and s.style.reverse for s in line if s.text.strip()) == no_color
        view = app.query_one(ArticleView)
        await pilot.press("enter", "right_square_bracket")
        await pilot.pause()
        if no_color:  # a plain-terminal tryout: which pane had the focus could not be told; the sidebar's row
            # without it is underlined, not reversed
            line = sidebar.render_line(sidebar.cursor_line - int(sidebar.scroll_y))
            marked = [s.style for s in line if s.text.strip() and s.style is not None]
            assert not any(st.reverse for st in marked) and any(st.underline for st in marked)
        assert view.current_quote is not None
        quote = view.article.quotes[view.current_quote]  # type: ignore[union-attr]
        y = view.paragraph_line(quote.paragraph, quote.start)
        assert y is not None
        strip = view.render_line(y - int(view.scroll_y))
        assert any(s.style is not None and s.style.reverse for s in strip if s.text.strip()) == no_color
        await pilot.press("quotation_mark")
        from briefing_tui.tui.widgets.quote_list import QuoteList

        await until(pilot, lambda: bool(app.screen.query(QuoteList)) and app.screen.query_one(QuoteList).cursor == 0,
                    "the quote finder's list")
        rows = app.screen.query_one(QuoteList)
        first = [seg for y in range(3) for seg in rows.render_line(y) if seg.text.strip()]
        assert first and all(bool(s.style is not None and s.style.reverse) == no_color for s in first)  # its words


async def test_a_quote_status_line_too_long_ends_with_an_ellipsis() -> None:
    """At 80 columns `Quote 6/6: L'Association des leaders religieux` was cut silently, read as the whole name."""
    from textual.app import App, ComposeResult

    from briefing_tui.core.model import Article, Quote
    from briefing_tui.tui.widgets.article_status import ArticleStatus

    class Narrow(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleStatus()

    speaker = "L'Association des leaders religieux du Mali"
    article = Article("a.md", "a.md", "text", "T", None, "S", None, (), "", ("« agir » affirme l'association.",),
                      quotes=(Quote("agir", 0, 0, 8, speaker, "affirme"),))
    app = Narrow()
    async with app.run_test(size=(40, 3)) as pilot:
        status = app.query_one(ArticleStatus)
        status.show_quote(article, 0)
        await pilot.pause()
        shown = status.render_line(0).text.rstrip()
        assert shown.strip().endswith("…") and shown.strip().startswith("Quote 1/1: L'Association") and len(shown) <= 40


async def test_a_narrow_header_keeps_the_problem_count(tmp_path: Path) -> None:
    """A plain-terminal tryout: at 60 columns the header's `1 problem (p)` was cut off after `briefing — `; on a
    narrow screen the header is the library's line alone, made again when the terminal is resized."""
    from textual.widgets._header import HeaderTitle

    write(tmp_path / "a.md", "---\ntitle: A\ndate: 2025-06-01\n---\nText of the story.\n")
    write(tmp_path / "empty.txt", "")
    app = BriefingApp([str(tmp_path)], Settings(private=True))
    async with app.run_test(size=(120, 20)) as pilot:
        await loaded(pilot)
        title = app.screen.query_one(HeaderTitle)
        await until(pilot, lambda: "1 problem (p)" in str(title.render()), "the problem count")
        assert str(title.render()).startswith("briefing — ")
        await pilot.resize_terminal(50, 20)
        await until(pilot, lambda: not str(title.render()).startswith("briefing"), "the library's line alone")
        assert str(title.render()).endswith("1 problem (p)")
        await pilot.resize_terminal(120, 20)
        await until(pilot, lambda: str(title.render()).startswith("briefing — "), "the whole line again")
