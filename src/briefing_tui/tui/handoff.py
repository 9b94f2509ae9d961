"""Answers from worker threads handed to a screen without waiting for the app.

`App.call_from_thread` blocks its thread until the app has run the call. A screen being removed waits for its
workers to end, and the app waits for the removal: a worker inside `call_from_thread` then never ends, and
the reader hangs (a fast typist's `"speaker:rutte⏎/underlings⏎` did that to the quote finder). Posting a
message is thread-safe and never waits; a screen already gone drops it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.message_pump import MessagePump


class Then(Message):
    """Run `act` on the receiver's own turn (handled by `run_then`)."""

    def __init__(self, act: Callable[[], object]) -> None:
        super().__init__()
        self.act = act


def hand_to(receiver: MessagePump, act: Callable[[], object]) -> None:
    """From a worker thread: have `receiver` run `act` when it next handles its messages."""
    receiver.post_message(Then(act))


def run_then(message: Then) -> None:
    """The handler a receiver of `Then` declares (`@on(Then)`): runs the act."""
    message.stop()
    message.act()
