"""The key footer, redrawn only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer, recomposed only when the keys it shows change.

    Textual's own recomposes it, every key widget anew, whenever the focus moves or a screen comes or goes;
    the keys shown seldom change then, and the rebuild was a tenth of the CPU of a session of key presses.
    """

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None
    _pending = False
    """A recompose is asked for and has not run yet: keys that change again before it need no other one
    (at start the focus moves twice before the first frame)."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        palette = self.app.COMMAND_PALETTE_BINDING
        shown = tuple((key, binding.action, binding.description, enabled, tooltip)
                      for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
                      if binding.show or key == palette)
        if shown != self._shown:
            self._shown = shown
            if not self._pending:
                self._pending = True
                self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._pending = False
        await self.recompose()
