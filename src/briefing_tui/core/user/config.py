"""Settings from the environment and the config file (docs/files.md); nothing here writes anything."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from briefing_tui.core.reading.safe import DEFAULT_MAX_BYTES, ReadError, decode, read_bytes
from briefing_tui.core.versions import DEFAULT_BUDGET

APP = "briefing-tui"


@dataclass(frozen=True)
class Settings:
    """What the program was asked to do, from flags, environment and config, in that order."""

    library: tuple[str, ...] = ()
    private: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    theme: str | None = None
    warnings: tuple[str, ...] = field(default=())
    poll: bool = False
    """Watch the library by polling, not inotify (`BRIEFING_WATCH=poll`: network file systems)."""
    poll_interval: float = 1.0
    """Seconds between polls, at least (a large library polls less often)."""
    parse_budget: float = DEFAULT_BUDGET
    """CPU seconds one file may take to parse before it is skipped as a problem (`parse_budget_s:`)."""
    ascii: bool = False
    """Draw with ASCII only, no emoji (`TERM=linux` or `BRIEFING_ASCII=1`): a plain console's font has
    neither box-drawing and block glyphs nor emoji."""


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value and os.path.isabs(value) else Path.home() / fallback


def config_path() -> Path:
    """`$XDG_CONFIG_HOME/briefing-tui/config.yaml`."""
    return _xdg("XDG_CONFIG_HOME", ".config") / APP / "config.yaml"


def config_dir() -> Path:
    """`$XDG_CONFIG_HOME/briefing-tui/` (the config file, and the reader's settings for every library)."""
    return config_path().parent


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/briefing-tui/` (the index lives here)."""
    return _xdg("XDG_CACHE_HOME", ".cache") / APP


def data_dir() -> Path:
    """`$XDG_DATA_HOME/briefing-tui/` (read marks, bookmarks, theme)."""
    return _xdg("XDG_DATA_HOME", ".local/share") / APP


def sample_library() -> str:
    """The bundled sample library: `briefing_tui/samples` in a wheel, `seeds/` in a source checkout."""
    packaged = resources.files("briefing_tui") / "samples"
    if packaged.is_dir():
        return str(packaged)
    return str(Path(__file__).resolve().parents[4] / "seeds")  # src/briefing_tui/core/user/config.py


def load_settings(config_file: str | None = None, private_flag: bool = False) -> Settings:
    """Read the config file (if any) and the environment; a bad config is a warning, not a crash."""
    warnings: list[str] = []
    data: dict[str, object] = {}
    path = Path(config_file) if config_file else config_path()
    if config_file or path.is_file():
        from briefing_tui.core.formats import frontmatter  # YAML loads only when there is a config file

        try:
            text, _ = decode(read_bytes(str(path), 1024 * 1024))
            data, problems = frontmatter.load(text)
            warnings.extend(f"config: {_as_config(p)}" for p in problems)
            warnings.extend(_unknown_keys(data))
        except (ReadError, frontmatter.FrontMatterError) as exc:
            warnings.append(f"config {path}: {_as_config(str(exc))}; ignored")
    library: tuple[str, ...] = ()
    env_lib = os.environ.get("BRIEFING_LIBRARY")
    if env_lib:
        library = tuple(os.path.expanduser(p) for p in env_lib.split(os.pathsep) if p)  # as a config's `~`: cron
        # and `env` leave `BRIEFING_LIBRARY=~/lib` unexpanded
    elif isinstance(data.get("library"), str):
        library = (os.path.expanduser(str(data["library"])),)
    elif isinstance(data.get("library"), list):
        entries: list[object] = data["library"]  # type: ignore[assignment]
        library = tuple(os.path.expanduser(p) for p in entries if isinstance(p, str))
    private = private_flag or os.environ.get("BRIEFING_PRIVATE", "") not in ("", "0") or data.get("private") is True
    max_bytes = DEFAULT_MAX_BYTES
    mb = data.get("max_file_mb")
    if isinstance(mb, int | float) and not isinstance(mb, bool) and 0 < mb <= 1024:
        max_bytes = int(mb * 1024 * 1024)
    elif mb is not None:
        warnings.append("config: max_file_mb must be a number of megabytes above 0, at most 1024; 16 is used")
    theme = data.get("theme") if isinstance(data.get("theme"), str) else None
    poll = os.environ.get("BRIEFING_WATCH", "").strip().lower() == "poll"
    budget = DEFAULT_BUDGET
    seconds = data.get("parse_budget_s")
    if isinstance(seconds, int | float) and not isinstance(seconds, bool) and 0.1 <= seconds <= 3600:
        budget = float(seconds)
    elif seconds is not None:
        warnings.append("config: parse_budget_s must be a number of seconds from 0.1 to 3600; 5 is used")
    return Settings(library, bool(private), max_bytes, theme, tuple(warnings), poll,  # type: ignore[arg-type]
                    parse_budget=budget, ascii=plain_terminal())


CONFIG_KEYS = ("library", "private", "max_file_mb", "theme", "parse_budget_s")
"""The keys a config file may have (docs/files.md)."""


def _as_config(problem: str) -> str:
    """A problem the front-matter reader found, said of a config file (`duplicate key`, not `front matter key`)."""
    return problem.replace("front matter key", "key").replace("front matter", "the file")


def _unknown_keys(data: dict[str, object]) -> list[str]:
    """A warning for each key no setting reads (`libary:`), with the nearest known one."""
    import difflib

    said = []
    for key in data:
        if key not in CONFIG_KEYS:
            near = difflib.get_close_matches(key, CONFIG_KEYS, n=1)
            hint = f" (did you mean {near[0]}?)" if near else f" (the keys: {', '.join(CONFIG_KEYS)})"
            said.append(f"config: unknown key {key!r}{hint}; ignored")
    return said


_PLAIN_TERMS = ("linux", "vt100", "vt102", "vt220", "vt320", "ansi", "dumb")
"""Terminals whose fonts (or character sets) lack the glyphs a terminal emulator draws."""


def plain_terminal() -> bool:
    """ASCII only: `BRIEFING_ASCII` set (to anything but `0`; `0` turns it off), else a plain console's `TERM`
    (`linux`, the Linux console; `vt100` and its kin), else a locale that says the terminal's characters are not
    UTF-8 (`LC_ALL=C`: Python reads and writes UTF-8 then, but the terminal need not show it)."""
    forced = os.environ.get("BRIEFING_ASCII", "").strip()
    if forced:
        return forced != "0"
    if os.environ.get("TERM", "") in _PLAIN_TERMS:
        return True
    locale = next((os.environ[k] for k in ("LC_ALL", "LC_CTYPE", "LANG") if os.environ.get(k)), "")
    if not locale:
        return False  # nothing said (an SSH session often passes no locale): a terminal emulator's glyphs
    return locale in ("C", "POSIX") or ("." in locale and locale.partition(".")[2].partition("@")[0].lower()
                                          .replace("-", "") != "utf8")
