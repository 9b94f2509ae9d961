"""Nothing is written that the user did not ask for: private mode writes nothing at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED, SEEDS, env_without_home

COMMANDS = [["list", str(SEEDS)], ["show", str(SEED)], ["search", "nato", str(SEEDS)], ["quotes", str(SEEDS)],
            ["check", str(SEEDS)], ["index", str(SEEDS)], ["list"], ["search", "nato"]]


@pytest.mark.parametrize("how", ["flag", "flag after", "environment", "config", "config after"])
def test_private_cli_writes_nothing(tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Every command in process through `main()` (each one's real entry point runs in tests/hostile)."""
    from briefing_tui.cli import main

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    config: list[str] = []
    if how == "environment":
        monkeypatch.setenv("BRIEFING_PRIVATE", "1")
    elif how.startswith("config"):
        cfg = tmp_path / "config.yaml"
        cfg.write_text("private: true\n")
        config = ["--config", str(cfg)]
    for args in COMMANDS:
        flag = ["--private"] if how.startswith("flag") else []
        if how.endswith("after"):  # `briefing list docs --private`: the global options after the command too
            code = main([*args, *flag, *config])
        else:
            code = main([*flag, *config, *args])
        assert code == 0, (args, capsys.readouterr().err)
        assert capsys.readouterr().out.strip(), args  # it did answer
    assert list(isolated_home.iterdir()) == [] and list(cwd.iterdir()) == []


def test_without_private_only_the_cache_is_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    proc = subprocess.run([sys.executable, "-m", "briefing_tui", "search", "nato", str(SEEDS)], capture_output=True,
                          text=True, env=env_without_home(home), timeout=120)
    assert proc.returncode == 0
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written[:2] == ["cache", "cache/briefing-tui"]
    assert all(w.startswith("cache/briefing-tui/index-") for w in written[2:])
    assert oct((home / "cache" / "briefing-tui").stat().st_mode & 0o777) == "0o700"
