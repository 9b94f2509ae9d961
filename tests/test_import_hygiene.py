"""The core runs without the UI: importing any core module never loads Textual or Rich."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefing_tui.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(briefing_tui.core.__path__, prefix="briefing_tui.core.")
)


def test_core_modules_are_found() -> None:
    assert "briefing_tui.core.quotes.spans" in CORE_MODULES
    assert "briefing_tui.core.formats.detect" in CORE_MODULES


UI_IMPORTED_BY = """
import json, os, sys
def ui_after_importing(module):
    # A forked child of this bare interpreter imports the module: every module starts from a fresh sys.modules.
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            __import__(module)
            answer = ",".join(sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "rich"}))
        except BaseException as exc:
            answer = f"an error: {type(exc).__name__}: {exc}"
        os.write(write, answer.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        text = answer.read().decode()
    os.waitpid(pid, 0)
    return text
print(json.dumps({module: ui_after_importing(module) for module in sys.argv[1:]}))
"""
"""Run in one fresh interpreter: imports each module named in argv in a forked child of its own."""


@pytest.fixture(scope="module")
def ui_imported_by() -> dict[str, str]:
    """Each core module -> the Textual and Rich modules importing it loaded (comma-separated; "" when none)."""
    out = subprocess.run([sys.executable, "-c", UI_IMPORTED_BY, *CORE_MODULES], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_ui(module: str, ui_imported_by: dict[str, str]) -> None:
    assert ui_imported_by[module] == "", f"{module} imports {ui_imported_by[module]}"


def test_the_import_check_sees_a_module_that_loads_the_ui() -> None:
    """The check can fail: a module that imports Rich is named with what it loaded."""
    out = subprocess.run([sys.executable, "-c", UI_IMPORTED_BY, "rich.text", "json"], capture_output=True,
                         text=True, check=True, timeout=120).stdout
    found = json.loads(out)
    assert "rich.text" in found["rich.text"].split(",") and found["json"] == ""


def test_a_warm_search_loads_no_parser(tmp_path: Path) -> None:
    """`briefing search` on an indexed library answers from the index: the parsers (their regular
    expressions alone take a third of a second to compile), YAML, Markdown, dateutil and the UI stay
    unloaded. The first run builds the index; the second is the warm one measured against ripgrep."""
    from tests.conftest import SEEDS, env_without_home

    env = env_without_home(tmp_path)
    code = (
        "import sys, io, contextlib\n"
        "from briefing_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['search', 'harbour', {str(SEEDS)!r}, '--json'])\n"
        "heavy = ('briefing_tui.core.quotes', 'briefing_tui.core.formats.detect', 'briefing_tui.core.formats.common', "
        "'briefing_tui.core.formats.frontmatter', 'yaml', 'markdown_it', "
        "'dateutil', 'textual', 'rich')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(heavy))))"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)  # builds
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == ""


def test_the_parsers_load_the_email_package_only_for_an_e_mail(tmp_path: Path) -> None:
    """The standard library's `email` package (4.6 MB) is loaded by the first `.eml` parsed, not with the
    parsers: the reader imports them before it draws, for libraries that mostly hold no e-mail."""
    (tmp_path / "a.md").write_text("---\ntitle: A\n---\n\nBody.\n")
    (tmp_path / "b.eml").write_text("Subject: B\nDate: Mon, 1 Jun 2026 10:00:00 +0000\n\nBody.\n")
    code = (
        "import sys\n"
        "from briefing_tui.core.library.scan import load_file\n"
        f"load_file({str(tmp_path / 'a.md')!r})\n"
        "before = 'email' in sys.modules\n"
        f"article = load_file({str(tmp_path / 'b.eml')!r})\n"
        "print(before, 'email' in sys.modules, article.title)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "B"]
