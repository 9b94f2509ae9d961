"""The footer, fitted to the terminal's width: each key hint whole, and `? Help` and `q Quit` always."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.widgets._footer import FooterKey

from briefing_tui.tui.widgets.footer import Footer

KEPT = frozenset({"help", "quit"})
"""The keys a footer never drops: with `?` the help lists every other key."""


@dataclass(frozen=True)
class Hint:
    """One key as the footer shows it."""

    key: str
    """The key as displayed (`?`, `^p`)."""
    label: str
    short: str
    """The label when space is short (the same label when it has no shorter one)."""
    kept: bool = False


@dataclass(frozen=True)
class Fit:
    """How a footer's keys fit its width."""

    compact: bool
    palette: bool
    """Whether the command palette's key (docked right) is shown."""
    labels: tuple[str | None, ...]
    """Each hint's label, or None where the hint is left out (the help lists it)."""


def fit(hints: Sequence[Hint], palette: Hint | None, width: int) -> Fit:
    """The widest way of showing `hints` (and the palette's key) in `width` cells: full labels spaced as
    Textual spaces them; then closer, without the palette's key; then short labels; then without the last
    hints one by one, never a kept one.

    Widths follow the footer's CSS: a key is padded by a cell on each side and its label by one after it;
    compact, the key has no padding, its label a cell before it, and each hint a cell of margin after it.
    The palette's key adds a border and a cell of padding."""
    roomy = sum(cell_len(h.key) + cell_len(h.label) + 3 for h in hints)
    if palette is not None:
        roomy += cell_len(palette.key) + cell_len(palette.label) + 5
    if roomy <= width:
        return Fit(False, palette is not None, tuple(h.label for h in hints))

    def compact(labels: Sequence[str | None]) -> int:
        return sum(cell_len(h.key) + cell_len(label) + 2 for h, label in zip(hints, labels, strict=True)
                   if label is not None)

    full = [h.label for h in hints]
    if compact(full) <= width:
        return Fit(True, False, tuple(full))
    shown: list[str | None] = [h.short for h in hints]
    for i in reversed(range(len(hints))):
        if compact(shown) <= width:
            break
        if not hints[i].kept:
            shown[i] = None
    return Fit(True, False, tuple(shown))


class KeyFooter(Footer):
    """Textual's footer with its keys fitted to its width (`fit`): no hint is ever cut off, and the help's
    and quit's keys always show."""

    def __init__(self, short: Mapping[str, str]) -> None:
        """`short`: shorter labels, by action."""
        super().__init__()
        self._short = short
        self._labels: dict[FooterKey, str] = {}
        """Each key shown and its full label, as the bindings give it."""

    async def recompose(self) -> None:
        """The keys change with the focus and the screen: fitted again each time."""
        await super().recompose()
        self._labels = {key: key.description for key in self.query(FooterKey)}
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        keys = [key for key in self._labels if not key.has_class("-command-palette")]
        palette = next((key for key in self._labels if key.has_class("-command-palette")), None)
        if not self.size.width or not keys:
            return
        hints = [self._hint(key) for key in keys]
        plan = fit(hints, self._hint(palette) if palette else None, self.size.width)
        self.compact = plan.compact
        if palette is not None:
            palette.display = plan.palette
        for key, label in zip(keys, plan.labels, strict=True):
            key.display = label is not None
            if label is not None and key.description != label:
                key.description = label
                key.refresh(layout=True)

    def _hint(self, key: FooterKey) -> Hint:
        label = self._labels[key]
        action = key.action.rpartition(".")[2]
        return Hint(key.key_display, label, self._short.get(action, label), action in KEPT)
