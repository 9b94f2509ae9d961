"""The reader: configuration, theme and screens (docs/reader.md).

The work is elsewhere: `session.LibrarySession` owns the library (index, watcher, parsing), and
`screens.reader.ReaderScreen` is the default screen that shows it and holds the reader's keys.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from rich.cells import cell_len
from textual import events, on
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender

from briefing_tui.core.library import forkserver
from briefing_tui.core.reading.sanitize import clean, strip_escape_sequences
from briefing_tui.core.user.config import Settings, config_dir, data_dir
from briefing_tui.core.user.prefs import UserPrefs
from briefing_tui.core.user.state import ReaderState, library_key
from briefing_tui.tui.commands import PlainCommandPalette
from briefing_tui.tui.handoff import Then, run_then
from briefing_tui.tui.key_hold import KeyHold
from briefing_tui.tui.keymap import bindings
from briefing_tui.tui.screens.help import HelpScreen
from briefing_tui.tui.screens.reader import ReaderScreen
from briefing_tui.tui.session import LibrarySession
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.plain import PlainScrollBarRender

HEADER_MARGIN = 16
"""Columns the header's icon and its spaces take: below the title's and the library's widths and these, the
header shows the library alone."""


class BriefingApp(App[int]):
    """Reads a library of briefings: sidebar by date or section, article view with quotes highlighted."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    BINDINGS = bindings("app")

    def __init__(self, paths: list[str], settings: Settings, hint: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.session = LibrarySession(paths, settings)
        self.state = ReaderState.load(data_dir(), library_key(paths), settings.private)
        self.prefs = UserPrefs.load(config_dir(), settings.private)
        """The user's own settings, the same for every library: the theme."""
        self.hint = hint
        self._started = False
        self.touched = False
        """The user has pressed a key or clicked since the reader started: a first start that lists its
        library in parts stops moving to the newest article then (docs/reader.md)."""
        self.key_hold = KeyHold(self)
        """Keys typed while what they are meant for opens, held in the order typed (`key_hold.py`)."""
        if settings.ascii:
            self.add_class("-ascii")  # app.tcss draws borders in ASCII under it
        if self.no_color:
            self.add_class("-no-color")  # NO_COLOR: app.tcss marks the cursors in reverse video, not by colour

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(self.session, self.state, self.hint)

    def on_mount(self) -> None:
        theme = self.settings.theme or self.prefs.theme or self.state.theme  # the state's: an older version's
        if theme and theme in self.available_themes:
            self.theme = theme
        if self.settings.theme and self.settings.theme not in self.available_themes:
            self.notify(f"config: theme {self.settings.theme!r} is not one of the reader's themes (ctrl+p, Theme, "
                        "lists them); ignored", markup=False, severity="warning", timeout=8)
        if self.settings.ascii:  # Textual's one switch for how scroll bars draw: set for this run only
            ScrollBar.renderer = PlainScrollBarRender
        self._started = True

    def on_unmount(self) -> None:
        self.session.close()  # a parse under way stops now: quitting never waits for one
        ScrollBar.renderer = ScrollBarRender

    def watch_theme(self, theme: str) -> None:
        """A theme chosen in the reader is the user's, for every library (not with --private)."""
        if self._started and theme != self.prefs.theme:
            self.prefs.theme = theme
            error = self.prefs.save()
            if error:
                self.notify(error, markup=False, severity="warning")
            configured = self.settings.theme
            if configured and configured != theme and configured in self.available_themes:
                self.notify(f"For this run: the config's theme: {configured} is used at the next start.",
                            markup=False, timeout=6)  # a new user lost the choice on restart without a word

    def action_command_palette(self) -> None:
        """Textual's palette, without its emoji on a plain console."""
        if not self.settings.ascii:
            super().action_command_palette()
        elif self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # App[int]
            self.push_screen(PlainCommandPalette(id="--command-palette"))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not self._screen_stack:
            return  # pressed again (or typed) as the app closes: there is no screen left for it
        if isinstance(event, events.Key | events.MouseDown) and not event.is_forwarded:
            self.touched = True
            if (isinstance(event, events.Key) and self.key_hold.held is not None and not self._priority(event.key)
                    and self.key_hold.take(event)):
                return
        await super().on_event(event)

    def _priority(self, key: str) -> bool:
        """`key` runs one of the app's priority bindings (quit, the palette): never held."""
        return any(binding.priority for binding in self._bindings.key_to_bindings.get(key, ()))

    @on(Then)
    def _then(self, message: Then) -> None:
        run_then(message)  # a worker's answer for a screen that may be gone by now (`handoff.py`)

    def on_key(self, event: events.Key) -> None:
        """A letter that reaches the app while a filter box has the focus was on its way when the focus moved
        there (typed straight after `/` or `"`): it goes into the box, not to a key of the screen behind.
        (A letter typed in the box never gets here: the box keeps it.) So does a `tab`: held while the box
        holds, or while what was typed in it is not answered yet (`/putin⇥⏎` in one go)."""
        box = self.focused
        if not isinstance(box, FilterBox):
            return
        if event.is_printable and event.character:
            event.prevent_default()
            event.stop()
            box.take(event.key, event.character)
        elif event.key == "tab":
            event.prevent_default()
            event.stop()
            box.press_tab()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, without `Screenshot`: it wrote the screen (an article's text) to
        ~/Downloads, readable by all, even with --private, and failed with no such folder. The reader writes
        only what its own keys ask for, where docs/files.md says."""
        return (command for command in super().get_system_commands(screen) if command.title != "Screenshot")

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's line: on a narrow screen the library's name and counts alone, without `briefing — `
        (at 60 columns the problem count and its `(p)` were cut off)."""
        if sub_title and self.size.width < cell_len(title) + cell_len(sub_title) + HEADER_MARGIN:
            return Content(sub_title)
        return super().format_title(title, sub_title)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Not here, for the same reason (the action can be bound or called from markup: never a file)."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification's text cleaned as a file's is: a notice may name a path from the system (the folder
        the reader was started in, an export's), and no escape sequence or bidi override in it reaches the
        terminal. Defence in depth: the callers clean or escape what they put in, too."""
        super().notify(clean(strip_escape_sequences(str(message))), title=clean(strip_escape_sequences(title)),
                       severity=severity, timeout=timeout, markup=markup)

    def action_help(self) -> None:
        """The help, the keys of where the user is first (the quote finder's in the finder)."""
        scope = getattr(self.screen, "help_scope", None)
        self.clear_notifications()  # a notice of what was on screen would lie over the help's lower right
        self.push_screen(HelpScreen(scope if isinstance(scope, str) else None))


def run_reader(paths: list[str], settings: Settings, hint: str | None = None) -> int:
    """Run the reader until the user quits; return the exit code."""
    # The parsers, imported before anything is drawn: the first article is parsed in this process as soon as the
    # reader starts, and importing them then, while the first screen was drawn, took 0.4 s instead of 0.1 s
    # (100,000 articles: newest article on screen 0.68 s against 0.47 s for the code that imported them first).
    # The fork server below is forked with them.
    import briefing_tui.core.formats.detect  # noqa: F401
    # What the imports made lives as long as the reader: out of the collector's reach, the full collections that
    # building a large listing sets off no longer walk it (100,000 articles, in turns: whole sidebar listed
    # 1.74-1.81 s -> 1.58-1.63 s; the 2026-11-27 code 1.49-1.57 s). The fork server is forked with them frozen.
    gc.freeze()
    forkserver.prepare()  # forked now, with one thread: the reader's parse workers are forked from it
    app = BriefingApp(paths, settings, hint)
    app.run()
    return app.return_code or 0


__all__ = ["BriefingApp", "run_reader"]
