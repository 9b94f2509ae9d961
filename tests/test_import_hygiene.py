"""The core runs without the UI: importing any core module never loads Textual or Rich."""

from __future__ import annotations

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


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_ui(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "", f"{module} imports {out.strip()}"


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
