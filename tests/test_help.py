"""Help on board: `briefing help [TOPIC]` and the reader's `?` screen show the query language (an offline
install has no README), and every query the help shows is one the parser accepts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from briefing_tui.cli import COMMANDS, main
from briefing_tui.core.search.query import QueryError, parse
from briefing_tui.core.user.config import Settings
from briefing_tui.core.user.help_text import QUERY, TOPICS, plain_text
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.keymap import KEYS
from briefing_tui.tui.screens.help import HelpScreen
from tests.conftest import SEEDS, env_without_home
from tests.test_reader import SIZE, loaded, until
from tests.test_reader_safety import screen_lines

FORMS = [form for section in QUERY for form, _ in section.rows]
EXAMPLES = [form for section in QUERY if section.heading == "Examples" for form, _ in section.rows]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_topics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "help")
    assert code == 0 and err == ""
    assert all(f"  {topic}  " in out for topic in TOPICS) and "briefing help TOPIC" in out


def test_help_query_describes_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "help", "query")
    assert code == 0 and err == ""
    for form in ("putin ceasefire", '"exact phrase"', "invest*", "nato OR eu", "-trump", "NOT trump", "title:",
                 "section:", "tag:", "speaker:", "in:quotes", "date:2025-06-01..2025-06-30", "date:..2025-06",
                 "--sort date", "briefing quotes -q"):
        assert form in out, form
    assert all(len(line) <= 80 for line in out.splitlines())


@pytest.mark.parametrize("form", FORMS)
def test_every_query_in_the_help_parses(form: str) -> None:
    assert parse(form).root is not None


def test_the_help_names_the_fields_that_cannot_be_negated() -> None:
    """`-in:quotes nato` is refused with a sentence (it was read as `in:quotes nato`, the `-` dropped): the
    help must not promise that every field can be negated, and must name each one that cannot."""
    said = dict(row for section in QUERY for row in section.rows)["-section:europe"].partition(" but ")[2]
    probes = {"title": "x", "section": "x", "tag": "x", "tags": "x", "speaker": "x", "date": "2025", "in": "quotes"}
    for name, value in probes.items():
        plain = parse(f"{name}:{value} word")
        try:
            negated = parse(f"-{name}:{value} word")
        except QueryError as refused:
            assert f"{name}:{value}" in said and "cannot be negated" in str(refused), name
            continue
        assert (negated.root, negated.in_quotes) != (plain.root, plain.in_quotes), name
        assert f"{name}:" not in said, name


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_finds_an_article_in_the_samples(capsys: pytest.CaptureFixture[str], example: str) -> None:
    code, out, _ = run(capsys, "--private", "search", example, str(SEEDS), "--json")
    assert code == 0 and json.loads(out)["total"] >= 1


def test_help_keys_lists_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "help", "keys")
    assert code == 0
    for key, _action, _description, text, _shown in KEYS:
        assert f"  {key.replace(',', ' / ')}  " in out and text.split()[0] in out


def test_help_on_an_unknown_topic_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "help", "nosuchtopic") == (
        2, "", "briefing: no help on 'nosuchtopic' (topics: query, keys; a command's: briefing COMMAND --help)\n")


def test_help_on_a_command_is_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    """A new user's tryout: `briefing help search` said there was no such topic."""
    code, out, err = run(capsys, "help", "search")
    assert code == 0 and err == "" and out.startswith("usage: briefing search")
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    assert capsys.readouterr().out == out
    code, out, err = run(capsys, "help", "read")  # a scripting tryout: `read` is a command the list names
    assert code == 0 and err == "" and out.startswith("usage: briefing read")
    code, _, err = run(capsys, "help", "\x1b[2Jwipe\nx")
    assert code == 2 and err.count("\n") == 1 and "\x1b" not in err


@pytest.mark.parametrize("command", [None, "read", *COMMANDS])
def test_help_points_to_help_query_never_to_the_readme(capsys: pytest.CaptureFixture[str],
                                                       command: str | None) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"] if command else ["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert exc.value.code == 0 and "README" not in out
    if command in (None, "search", "quotes"):
        assert "briefing help query" in out


def test_help_query_from_the_installed_command_needs_no_reader(isolated_home: Path) -> None:
    """The real entry point prints the same text, and the query topic loads nothing of Textual."""
    code = ("import sys; from briefing_tui.cli import main; status = main(['help', 'query']); "
            "sys.stdout.flush(); print(sorted({m.split('.')[0] for m in sys.modules} & {'textual'}), file=sys.stderr); "
            "sys.exit(status)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env_without_home(isolated_home), timeout=60)
    assert proc.returncode == 0 and proc.stdout == plain_text(QUERY) and proc.stderr == "[]\n"


def screen_text(app: BriefingApp) -> str:
    """The terminal as the user sees it, as text."""
    return "\n".join(screen_lines(app))


async def test_question_mark_shows_the_keys_then_the_query_language() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "The reader's keys" in shown and "Quote finder: every quote in the library" in shown
        assert "The query language" not in shown
        body = app.screen.query_one("#help-body")
        await until(pilot, lambda: body.max_scroll_y > 2, "the help laid out")  # a j before that scrolls nothing
        await pilot.press("j")  # j scrolls as down does
        await until(pilot, lambda: body.scroll_y == 1, "j to scroll the help")
        await pilot.press("j")
        await until(pilot, lambda: body.scroll_y == 2, "j to scroll the help again")
        for _ in range(60):  # the query language's heading, below the keys
            if "The query language" in screen_text(app):
                break
            await pilot.press("j")
            await pilot.pause()
        assert "The query language" in screen_text(app)
        await pilot.press("end")  # the other screens' keys come last
        await until(pilot, lambda: "In the spotlight (s)" in screen_text(app), "the end of the help")
        assert "On the quote board (A)" in screen_text(app) and "Move the quote up the board" in screen_text(app)
        ending = ("date:2025-06-01..2025-06-30  from one day to another, both included",
                  'in:quotes "continue to doubt"', "Search results come by relevance", "at most 20")
        for _ in range(80):  # up, line by line, to the last screenful of the query language above them
            if all(text in screen_text(app) for text in ending):
                break
            await pilot.press("up")
            await pilot.pause()  # drawn before it is read: on a loaded machine the screen lagged the keys and the
            # loop went on up past the lines it looks for
        shown = screen_text(app)
        for text in ending:
            assert text in shown, text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_question_mark_shows_first_the_keys_of_where_it_was_pressed() -> None:
    """`?` in the quote finder's list, on the board and in the search results puts that place's keys at the top,
    on screen as the help opens; the reader's own follow. From the reader's article, the reader's keys come first."""
    from tests.test_quote_finder import open_finder

    async def help_opens_on() -> str:
        """Press `?`; the heading the help opens with."""
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        return str(app.screen.query(".help-heading").first(Static).render())

    async def back_to_the_reader(*keys: str) -> None:
        await pilot.press(*keys)
        await until(pilot, lambda: getattr(app.screen, "help_scope", 0) is None, "back in the reader")

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await open_finder(pilot, "speaker:rutte")
        await pilot.press("tab")
        assert await help_opens_on() == "In the quote finder"
        await until(pilot, lambda: "In the list: export the filtered quotes as Markdown" in screen_text(app),
                    "the finder's keys on screen")
        await pilot.press("escape", "a", "A")  # the help closed, a quote added, the board opened from the finder
        await until(pilot, lambda: getattr(app.screen, "help_scope", None) == "board", "the board")
        assert await help_opens_on() == "On the quote board (A)"
        await back_to_the_reader("escape", "escape", "escape")
        await pilot.press("slash", *"rutte", "tab")
        await until(pilot, lambda: getattr(app.screen, "help_scope", None) == "search", "the results focused")
        assert await help_opens_on() == "In the search panel (/)"
        await back_to_the_reader("escape", "escape", "escape")
        assert await help_opens_on() == "The reader's keys"


async def test_the_help_opens_clear_of_notifications() -> None:
    """A new user's tryout: the start's notice (bundled samples) lay over the help's lower right when `?` came
    at once."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        app.notify("A notice of the reader's screen", timeout=30)
        await pilot.pause()
        assert len(app._notifications) >= 1
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        assert len(app._notifications) == 0
