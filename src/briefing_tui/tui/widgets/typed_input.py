"""An Input whose editing keys act in the order they are typed.

Textual's Input takes a letter at once, where the key reaches it; an editing key (`backspace`, `ctrl+u`, `left`,
`home`…) is one of its bindings, which run only once the key has bubbled up to the app. A line of keys read in
one go (a slow SSH link, a paste of keys, one `tmux send-keys`) reaches the box at once, and the letters behind
an editing key were typed before it acted: `abc⌫⌫⌫bolton` gave `abcbol`, `ctrl+u` then a new filter left the
box empty. Here the box runs its own binding for the key when it takes it. The box's bindings come first in the
app's chain anyway, so that is what the key would have done, only in its turn.
"""

from __future__ import annotations

from textual import actions, events
from textual.widgets import Input


class TypedInput(Input):
    """An Input whose editing keys act where it takes its keys, in the order typed."""

    async def on_key(self, event: events.Key) -> None:
        await self.take_key(event)

    async def take_key(self, event: events.Key) -> None:
        """What the box does with a key it takes, before Input's own handling (a subclass adds to it)."""
        if not event.is_printable:
            await self.edit_now(event)

    async def edit_now(self, event: events.Key) -> None:
        """Run the box's own binding for `event`'s key now, if it has one that may run (`check_action`)."""
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            _, name, parameters = actions.parse(binding.action)
            if self.check_action(name, parameters) is False:
                continue  # `tab` with no suggestion in a filter box: the screen's binding
            event.stop()
            event.prevent_default()
            await self.run_action(binding.action)
            return
