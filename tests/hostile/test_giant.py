"""One file of 300,000 quotations, on its own: every command streams or limits instead of building it whole.

It used to sit in the shared hostile library, where every command's private subprocess parsed and
indexed it again and `quotes` rendered it as one 300,000-row table (minutes on a loaded machine).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import env_without_home
from tests.hostile.library import GIANT_QUOTES, giant_quote_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def giant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lib = tmp_path_factory.mktemp("giant") / "lib"
    lib.mkdir()
    (lib / "long-line.txt").write_text(giant_quote_file(), encoding="utf-8")
    (lib / "short.txt").write_text("Short\n\n“Fine,” said Anna Berg.\n", encoding="utf-8")
    return lib


def test_quotes_of_a_giant_file_stream_with_a_limit(giant: Path, tmp_path: Path) -> None:
    env = env_without_home(tmp_path)
    base = [sys.executable, "-m", "briefing_tui"]
    # Not private: the first command indexes the file once, the later ones read the cache.
    index = subprocess.run([*base, "index", str(giant)], capture_output=True, timeout=300, env=env)
    assert index.returncode == 0, index.stderr[-500:]
    shown = subprocess.run([*base, "quotes", str(giant), "--limit", "7"], capture_output=True, timeout=120, env=env)
    assert shown.returncode == 0, shown.stderr[-500:]
    out = shown.stdout.decode()
    assert out.count("“quote”") == 7 and out.rstrip().endswith("7 quotes")
    as_json = subprocess.run([*base, "quotes", str(giant), "--limit", "3", "--json", "-q", "quote"],
                             capture_output=True, timeout=120, env=env)
    quotes = json.loads(as_json.stdout)["quotes"]
    assert [q["text"] for q in quotes] == ["quote"] * 3
    every = subprocess.run([*base, "quotes", str(giant), "--json"], capture_output=True, timeout=300, env=env)
    assert every.returncode == 0
    assert len(json.loads(every.stdout)["quotes"]) == GIANT_QUOTES + 1
