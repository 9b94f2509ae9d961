"""Keys typed ahead, kept in the order they were typed.

A fast typist (or a paste) sends `"speaker:rutte⏎c` in one go: the `c` is meant for the quote that opens, which
is not on screen yet when the `c` arrives. The app then holds the keys it takes from its queue (`KeyHold.hold`)
until what they are meant for is shown (`release`), and presses them again.

Pressing a key again puts it at the end of the app's queue, behind keys typed meanwhile and already in it: those
would run first (`/und` held and `erlings⏎` typed as the article showed acted as `erlings⏎/und`). So the app
keeps holding while the keys held are pressed again, and presses what it held meanwhile once it has taken them
(a callback in its queue behind them), until none is left. Whoever gives keys back (a filter box with nothing
to open) presses them the same way (`press`), behind any still held.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.timer import Timer

Keys = tuple[tuple[str, str | None], ...]
"""Keys as (key, character), in the order they were typed."""

HOLD_AT_MOST = 5.0
"""Seconds the keys are held at most, whatever happens: no key is held for long."""


class KeyHold:
    """The app's keys held for what opens, pressed again in the order typed."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: list[tuple[str, str | None]] | None = None
        """The keys held, in order; None when none is."""
        self.waiting = False
        """Something the keys are meant for is opening: they wait for it."""
        self._sent_before = 0
        """How many of the keys held the app had sent on before it began to hold (they come first)."""
        self._pressed: list[events.Key] = []
        """The keys pressed again and still on their way: they act; keys typed after them are held."""
        self._timer: Timer | None = None

    def hold(self, keys: Keys = ()) -> None:
        """Hold the keys typed from now on, after `keys` (typed already), until `release`."""
        self.held = [*(self.held or ()), *keys]
        self._sent_before = len(self.held)
        self.waiting = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(HOLD_AT_MOST, self.release)

    def release(self) -> None:
        """What the keys were meant for is shown: they are pressed again, in order."""
        self.waiting = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._press_held()

    def take(self, event: events.Key) -> bool:
        """A key the app takes from its queue: held (True) while keys are held, unless it is one pressed again."""
        if self.held is None or self._pressed_again(event):
            return False
        self.held.append((event.key, event.character))
        return True

    def take_sent(self, event: events.Key) -> bool:
        """A key the app had sent on to a widget before it began to hold, reaching the screen while something
        opens: held (True), before those the app held."""
        if not self.waiting or self.held is None or self._pressed_again(event):
            return False
        self.held.insert(self._sent_before, (event.key, event.character))
        self._sent_before += 1
        return True

    def press(self, keys: Keys) -> None:
        """Press `keys` again: behind the keys held if any are, else now."""
        if not keys:
            return
        if self.held is not None:
            self.held[self._sent_before:self._sent_before] = keys
            self._sent_before += len(keys)
        else:
            self.held = list(keys)
            self._press_held()

    def _pressed_again(self, event: events.Key) -> bool:
        return any(event is pressed for pressed in self._pressed)

    def _press_held(self) -> None:
        self._pressed = []
        if self.waiting:
            return  # a key pressed again opened something else: the rest wait for it
        held = self.held or []
        if not held:
            self.held = None
            return
        self.held, self._sent_before = [], 0
        self._pressed = post_keys(self.app, tuple(held))
        self.app.call_later(self._press_held)  # behind them in the app's queue: after the keys typed meanwhile


def post_keys(app: App[Any], keys: Keys) -> list[events.Key]:
    """Put `keys` at the end of the app's queue, as if typed now: the app sends each to the widget with the
    focus, and its bindings apply. (Sent as the app's own, so that a key bubbles all the way up to the app
    whoever presses it.)"""
    sent = [events.Key(key, character).set_sender(app) for key, character in keys]
    for event in sent:
        app.post_message(event)
    return sent


def press(app: App[Any], keys: Keys) -> None:
    """Press `keys` again, as if typed now, in order with the keys the app holds (`KeyHold.press`)."""
    key_hold = getattr(app, "key_hold", None)
    if isinstance(key_hold, KeyHold):
        key_hold.press(keys)
    else:
        post_keys(app, keys)
