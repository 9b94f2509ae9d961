"""The hostile library through the CLI and the reader: it keeps working, every file becomes an
article or a problem with a reason, no output carries a control character, nothing is executed,
nothing is written, no article file is modified."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.core.library.scan import load_entry, load_library, walk
from briefing_tui.core.model import Problem
from briefing_tui.core.reading import sanitize
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.problems import ProblemsScreen
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.sidebar import LibrarySidebar
from tests.conftest import env_without_home
from tests.hostile.library import build, hashes, text_hazards, tree_listing
from tests.test_reader import loaded, until

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
                       "\U000e0100-\U000e01ef]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("hostile"))


def clean(text: str, where: str) -> None:
    bad = FORBIDDEN.search(text)
    context = text[max(0, bad.start() - 40):bad.start() + 20] if bad else ""
    assert bad is None, f"{where}: forbidden {bad.group()!r} at {bad.start()}: {context!r}"


def test_every_file_becomes_an_article_or_a_problem(hostile: Path) -> None:
    library = load_library([str(hostile)])
    ids = {a.id for a in library.articles} | {p.id for p in library.problems}
    for name in text_hazards():  # each under its own name, its odd characters escaped, none dropped
        assert sanitize.escape_name(name) in ids, name
    assert not any(FORBIDDEN.search(i) for i in ids)
    reasons = {p.id: p.reason for p in library.problems}
    assert "FIFO" in reasons["fifo.txt"]
    assert "outside the library" in reasons["device-zero.txt"]
    assert "dangling" in reasons["dangling.txt"]
    assert "looping" in reasons["loop-a.txt"]
    assert "outside the library" in reasons["secret-link.txt"] and "outside the library" in reasons["outside-dir"]
    assert "binary" in reasons["binary.txt"] and "NUL" in reasons["nul-bytes.txt"]
    assert reasons["empty.md"] == "empty file"
    assert all(p.reason and "\n" not in p.reason for p in library.problems)
    assert "sub/story.txt" in ids and not any(i.startswith("sub/up/") for i in ids)  # the loop is not followed
    by_id = {a.id: a for a in library.articles}
    assert by_id["yaml-norway.md"].section == "no"
    assert any("aliases" in p for p in by_id["yaml-alias-bomb.md"].problems)
    assert any("aliases" in p for p in by_id["yaml-self-alias.md"].problems)
    assert any("unsupported YAML tag" in p for p in by_id["yaml-python-tag.md"].problems)
    assert any("nested deeper" in p for p in by_id["yaml-deep.md"].problems)
    assert any("duplicate" in p for p in by_id["yaml-duplicate-keys.md"].problems)
    assert all(by_id[f"date-{i}.md"].date is None for i in range(8))
    # Web pages, e-mail and Markdown documents: read, never followed or opened, every string clean.
    assert dict(by_id["mail-attachment-names.eml"].metadata)["attachments"] == "../../etc/passwd, fdp.exe"
    assert "root:x" not in " ".join(by_id["mail-attachment-names.eml"].paragraphs)  # never opened
    assert by_id["html-scripts.html"].paragraphs == ("Shown.", "js data") and by_id["html-scripts.html"].links == ()
    assert [(q.text, q.speaker) for q in by_id["html-deep.html"].quotes] == [("text,", "Anna Berg")]
    assert by_id["html-entities.html"].paragraphs == ("\ufffd [31m \ufffd rtl \ufffd &bogus; &#163; £",)
    assert by_id["mail-charsets.eml"].paragraphs == ("Gur grkg.",)  # rot13 is no text encoding: read as UTF-8
    assert reasons["mail-many-parts.eml"] == reasons["mail-nested.eml"] == "no article text"  # past the limits
    forwards = by_id["mail-forwarded-nested.eml"].paragraphs  # a message forwarded in a message … 300 times
    assert forwards == tuple(f"Forwarded message: F{i}" for i in range(20))  # MAX_NESTING: no deeper, no "Deep."
    assert by_id["mail-forwarded-encoded.eml"].paragraphs == ("Outer.",)  # what the parser cannot read is left out
    assert by_id["markup-links.md"].links[0].startswith("%5B@click=app.quit%5D")
    for article in library.articles:
        for block in article.body():
            assert not FORBIDDEN.search(block.text) and all(not FORBIDDEN.search(c) for r in block.rows for c in r)
        assert not any(FORBIDDEN.search(url) for url in article.links)


def test_files_that_vanish_during_a_scan(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nBody.\n")
    (tmp_path / "b.txt").write_text("B\n\nBody.\n")
    entries = sorted(walk(str(tmp_path)), key=lambda e: e.id)  # a folder's own order is not sorted
    (tmp_path / "b.txt").unlink()
    (tmp_path / "a.txt").write_text("A changed\n\nNew body.\n")
    results = [load_entry(e) for e in entries]
    assert [type(r).__name__ for r in results] == ["Article", "Problem"]
    assert results[0].title == "A changed"  # type: ignore[union-attr]
    assert isinstance(results[1], Problem) and "vanished" in results[1].reason


def test_a_folder_swapped_for_a_fifo_never_blocks(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("X\n\nBody.\n")
    entries = list(walk(str(tmp_path)))
    (tmp_path / "x.txt").unlink()
    os.mkfifo(tmp_path / "x.txt")  # swapped after the scan, before the read
    result = load_entry(entries[0])
    assert isinstance(result, Problem)


COMMANDS = [
    ["list"], ["list", "--json"], ["check"], ["check", "--json"], ["search", "body"], ["search", "body", "--json"],
    ["search", "pwned OR red OR click", "--json"], ["quotes"], ["quotes", "--json"], ["index"],
]


ENTRY_POINT = [["list"], ["check", "--json"], ["search", "body"], ["quotes", "--json"], ["index"]]
"""One run of each command through the real entry point, in a subprocess of its own; `show` is below."""


def command_line(hostile: Path, args: list[str]) -> list[str]:
    """`--private COMMAND [QUERY] LIBRARY [--json]`."""
    return ["--private", *args[:1], *([args[1]] if args[0] == "search" else []), str(hostile),
            *[a for a in args[1:] if a.startswith("--")]]


def check_output(args: list[str], code: int, out: str, err: str) -> None:
    assert code in (0, 1), err
    assert "Traceback" not in err
    clean(out, "stdout")
    clean(err, "stderr")
    if "--json" in args:
        json.loads(out)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_cli_output_is_clean_and_nothing_is_written(hostile: Path, tmp_path: Path, isolated_home: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    """In process: `main()` with HOME and the XDG folders empty, in an empty working folder."""
    from briefing_tui.cli import main

    before_hashes, before_tree = hashes(hostile.parent), tree_listing(hostile.parent)
    monkeypatch.chdir(tmp_path)
    code = main(command_line(hostile, args))
    out, err = capsys.readouterr()
    check_output(args, code, out, err)
    assert hashes(hostile.parent) == before_hashes
    assert tree_listing(hostile.parent) == before_tree
    assert list(isolated_home.iterdir()) == [] and list(tmp_path.iterdir()) == []  # --private: nothing written


@pytest.mark.parametrize("args", ENTRY_POINT, ids=lambda a: " ".join(a))
def test_cli_entry_point_output_is_clean_and_nothing_is_written(hostile: Path, tmp_path: Path,
                                                                args: list[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    before_hashes, before_tree = hashes(hostile.parent), tree_listing(hostile.parent)
    proc = subprocess.run([sys.executable, "-m", "briefing_tui", *command_line(hostile, args)], capture_output=True,
                          timeout=120, env=env_without_home(home), cwd=tmp_path)
    check_output(args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
    assert hashes(hostile.parent) == before_hashes
    assert tree_listing(hostile.parent) == before_tree
    assert list(home.iterdir()) == []  # --private: nothing written
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_show_every_hostile_file(hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 isolated_home: Path) -> None:
    """`show --json` of every hostile file, in process (one of them also through the real entry point)."""
    from briefing_tui.cli import main

    names = [n for n in sorted(os.listdir(hostile)) if os.path.isfile(hostile / n) and not os.path.islink(hostile / n)]
    for name in names:
        code = main(["--private", "show", "--json", str(hostile / name)])
        out, err = capsys.readouterr()
        assert code in (0, 1), err[-300:]
        clean(out, f"show {name!r}")
        clean(err, f"show {name!r} (stderr)")
        data = json.loads(out)
        assert data.get("article") or data.get("problems")
    home = tmp_path / "home"
    home.mkdir()
    proc = subprocess.run([sys.executable, "-m", "briefing_tui", "--private", "show", "--json",
                           str(hostile / "control-osc-title.txt")], capture_output=True, timeout=60,
                          env=env_without_home(home))
    assert proc.returncode == 0 and json.loads(proc.stdout)["article"]
    clean(proc.stdout.decode(), "show (subprocess)")
    assert list(home.iterdir()) == [] and not (isolated_home / "data").exists()


@contextlib.asynccontextmanager
async def hostile_reader(hostile: Path, isolated_home: Path) -> AsyncIterator[Pilot[int]]:
    """The reader on the hostile library, loaded; afterwards no file was modified and nothing was written."""
    before = hashes(hostile.parent)
    app = BriefingApp([str(hostile)], Settings(private=True))
    async with app.run_test(size=(140, 45)) as pilot:
        await loaded(pilot)
        assert len(app.session.problems) >= 10
        yield pilot
    assert hashes(hostile.parent) == before
    assert not (isolated_home / "data").exists()


def screen(app: BriefingApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def clean_screen(app: BriefingApp, where: str) -> None:
    for strip in app.screen._compositor.render_strips():
        clean(strip.text, where)


async def test_reader_walks_the_hostile_library(hostile: Path, isolated_home: Path) -> None:
    """By section, from the top: every group opens and every article is reached, down to the last."""
    async with hostile_reader(hostile, isolated_home) as pilot:
        app = pilot.app
        await pilot.press("g")
        sidebar = app.query_one(LibrarySidebar)
        for _ in range(sidebar.last_line + 1):
            if sidebar.cursor_line == 0:
                break
            await pilot.press("k")
        for _ in range(len(app.session.listing) + 40):
            node = sidebar.cursor_node
            assert node is not None
            if node.allow_expand and not node.is_expanded:
                await pilot.press("space")
            if sidebar.cursor_line == sidebar.last_line:
                break
            await pilot.press("j")
        await loaded(pilot)
        assert sidebar.cursor_line == sidebar.last_line  # walked to the end without a crash
        lines = [sidebar.get_node_at_line(y) for y in range(sidebar.last_line + 1)]
        reached = [getattr(node.data, "id", None) for node in lines if node is not None and not node.allow_expand]
        assert sorted(reached) == sorted(listed.id for listed in app.session.listing)  # each under an open group
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.id == reached[-1]  # the last one, previewed
        clean_screen(app, "the end of the walk")


@pytest.mark.parametrize("part", [0, 1], ids=["even", "odd"])
async def test_reader_shows_every_hostile_article_cleanly(hostile: Path, isolated_home: Path, part: int) -> None:
    """Every article on screen, half of them in each of two tests (they run in parallel)."""
    async with hostile_reader(hostile, isolated_home) as pilot:
        app = pilot.app
        view = app.query_one(ArticleView)
        shown = app.session.listing[part::2]
        assert len(shown) >= 20
        for listed in shown:
            app.screen._show_plain(listed)
            await loaded(pilot)
            assert view.article is not None and view.article.id == listed.id
            clean_screen(app, listed.id)


async def test_reader_shows_hostile_problems_and_search_results_cleanly(hostile: Path, isolated_home: Path) -> None:
    async with hostile_reader(hostile, isolated_home) as pilot:
        app = pilot.app
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProblemsScreen), "the problems screen")
        await pilot.pause()
        assert f"{len(app.session.problems)} problems" in screen(app)
        clean_screen(app, "problems screen")
        await pilot.press("escape", "slash", *"pwned")
        results = app.query_one("#search-results", OptionList)
        await until(pilot, lambda: results.option_count > 0, "search results")  # "pwned" is in the payloads
        assert f"{results.option_count} matching article" in screen(app)
        clean_screen(app, "search results")
