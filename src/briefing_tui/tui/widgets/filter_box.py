"""A filter box: up and down move the highlight in the list it filters, or walk its history when empty.

It does not select its text when it gets the focus (Textual's default): whoever gives it the focus selects
what should be replaced (`select_all`) at once, so that a letter already on its way (`type_text`) is never
caught by a selection made later. Once `enter` is waiting for an answer, it holds the keys typed after it
(`hold`, `release`): they are meant for what opens, not for the filter. When its owner has a suggestion
for what was typed (did you mean…), `tab` puts it in the box; else `tab` moves the focus on, as anywhere. A
`tab` typed before what is in the box is answered waits for the answer, with the keys after it (`tab_waits`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets.input import Selection

from briefing_tui.tui.key_hold import Keys, press
from briefing_tui.tui.widgets.typed_input import TypedInput


class FilterBox(TypedInput):
    """An Input for a filter, as in a command palette: typing goes on while `up`/`down` move the list's
    highlight (a `Move` message). In an empty box they walk the history instead (`up`: older, `down`:
    newer, then empty again) until the recalled filter is edited."""

    BINDINGS = [
        Binding("up", "step(-1)", "Previous", show=False),
        Binding("down", "step(1)", "Next", show=False),
        Binding("tab", "take_suggestion", "Take the suggestion", show=False),
    ]

    @dataclass
    class Move(Message):
        """Move the highlight of the list this box filters by `step` rows."""

        box: FilterBox
        step: int

        @property
        def control(self) -> FilterBox:
            return self.box

    def __init__(self, history: list[str], value: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, id=id, select_on_focus=False)
        self.history = history
        """Filters used before, newest first: the reader state's list, shared (not copied)."""
        self._recalled: tuple[int, str] | None = None
        """Where the history walk is (its position and the filter it put in the box)."""
        self.held: list[tuple[str, str | None]] | None = None
        """Keys typed while `enter` waits for an answer, as (key, character); None when not holding."""
        self._submitted = False
        """An `enter` was submitted and its keys are held: a second `enter` is one of them."""
        self._tab_waiting = False
        """A `tab` waits for the answer to what was typed, the keys after it held: an `enter` is one of them."""
        self.forward: Callable[[Keys], None] | None = None
        """Where keys still on their way to the box go once its owner has closed (a finder that opened a quote):
        they were typed for what opens, and must neither type into the closed box nor act in it."""
        self.suggestion: str | None = None
        """A filter to put in the box with `tab` instead of what was typed (did you mean…), or None."""
        self.tab_waits: Callable[[], bool] | None = None
        """The owner's answer to a `tab` typed before what is in the box is answered: True when it asked for the
        answer and will give the keys back once it is on screen (`tab` then acts on it: the list it moves to is
        that of what was typed, not an older filter's, and a suggestion is taken); False to let `tab` act now."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`tab` takes a suggestion only when there is one (else it moves the focus, the screen's binding)."""
        if action == "take_suggestion":
            return self.suggestion is not None
        return super().check_action(action, parameters)

    def action_take_suggestion(self) -> None:
        """Put the suggestion in the box, the cursor at its end: what it finds is asked for as after typing."""
        if self.suggestion is not None:
            self.value, self.suggestion = self.suggestion, None
            self.cursor_position = len(self.value)

    def hold(self) -> None:
        """Hold the keys typed from now on instead of taking them (`enter` is waiting for an answer)."""
        if self.held is None:
            self.held = []

    def release(self) -> Keys:
        """Stop holding; the keys held, in order."""
        held, self.held = tuple(self.held or ()), None
        self._submitted = self._tab_waiting = False
        return held

    async def action_submit(self) -> None:
        """`enter`: what the owner does with it may wait for an answer, so the keys typed after it are held
        from this moment (the owner releases them: for what opens, or back into the box)."""
        if self.forward is not None:  # the owner has closed: this `enter` was typed for what it opened
            self.forward((("enter", None),))
            return
        if (self._submitted or self._tab_waiting) and self.held is not None:
            # a second `enter` while the first waits, or one behind a `tab` that waits for the answer
            # (`/putin⇥⏎`): typed after what is held, it acts after it (tab to the results, enter opens one)
            self.held.append(("enter", None))
            return
        self.hold()
        self._submitted = True
        await super().action_submit()

    def take(self, key: str, character: str | None) -> None:
        """A key on its way to the box when the focus moved there: held, or typed in (a letter)."""
        if self.forward is not None:
            self.forward(((key, character),))
        elif self.held is not None:
            self.held.append((key, character))
        elif character:
            self.type_text(character)

    async def take_key(self, event: events.Key) -> None:
        """Hold from `enter` on, in the order the box takes its keys (the binding that submits runs later, in the
        app: a key right behind `enter` would slip in first); `escape` gives up on what `enter` waits for. An
        editing key acts here too, in its turn (`TypedInput`)."""
        focused = self.screen.focused if self.is_attached else None
        if focused is not None and focused is not self and self.forward is None and self.held is None:
            # Sent here while the box had the focus, behind a key that has moved it since (`tab` then `a`, typed
            # in one go): pressed again, it goes where the focus is now (or waits with the keys the app holds).
            press(self.app, ((event.key, event.character),))
            event.stop()
            event.prevent_default()
            return
        if self.forward is not None:
            self.forward(((event.key, event.character),))
            event.stop()
            event.prevent_default()
        elif self.held is not None and event.key == "escape":
            self.held, self._submitted, self._tab_waiting = None, False, False  # dropped with the wait: escape closes
        elif self.held is not None:  # before Input's own handling (and the bindings): the key is held
            self.held.append((event.key, event.character))
            event.stop()
            event.prevent_default()
        elif event.key == "enter":
            self.hold()
        elif event.key == "tab":
            event.stop()
            event.prevent_default()
            self.press_tab()
        elif not event.is_printable:
            await self.edit_now(event)

    def press_tab(self) -> None:
        """`tab`, acted on here and now: a key typed right after it (`"speaker:khan⇥a`) must find the focus where
        `tab` put it, which a binding, run once the key has bubbled up to the app, does not promise. Before what
        is in the box is answered (`/rescuers⇥⏎` in one go) it waits for the answer, with the keys after it, when
        the owner will give them back (`tab_waits`); then it takes the suggestion if there is one, else moves the
        focus on."""
        if self.forward is not None or self.held is not None:
            self.take("tab", None)
        elif self.suggestion is None and self.tab_waits is not None and self.tab_waits():
            self.hold()
            assert self.held is not None
            self.held.append(("tab", None))
            self._tab_waiting = True
        elif self.suggestion is not None:
            self.action_take_suggestion()
        else:
            self.screen.focus_next()

    def select_all(self) -> None:
        """Select the whole filter, so that what is typed next replaces it."""
        self.selection = Selection(0, len(self.value))

    def type_text(self, text: str) -> None:
        """Put `text` in as if it were typed: over the selection, else at the cursor."""
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste of several lines or with tabs is one filter, its line breaks and tabs spaces (`national security`
        at a line's end and `advisor` on the next were cut to the first line, as Input takes a paste)."""
        event.stop()
        event.prevent_default()
        if event.text:
            self.type_text(" ".join(event.text.split()))

    @property
    def walking(self) -> bool:
        """True while the box shows a filter recalled from the history, unedited."""
        return self._recalled is not None and self._recalled[1] == self.value

    def action_step(self, step: int) -> None:
        if not self.walking:
            self._recalled = None
        if self.walking or (not self.value and step < 0 and self.history):
            position = (self._recalled[0] if self._recalled else -1) - step
            if position < 0:  # newer than the newest: an empty box again
                self._recalled = None
                self.value = ""
                return
            if position < len(self.history):
                self._recalled = (position, self.history[position])
                self.value = self.history[position]
                self.cursor_position = len(self.value)
            return
        self.post_message(self.Move(self, step))
