"""The core runs without the UI: importing any core module never loads Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import briefing_tui.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(briefing_tui.core.__path__, prefix="briefing_tui.core.")
)


def test_core_modules_are_found() -> None:
    assert "briefing_tui.core.quotes" in CORE_MODULES
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
