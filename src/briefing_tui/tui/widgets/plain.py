"""Textual's own drawings that hold block glyphs, in ASCII for a plain console (`TERM=linux`)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from textual.app import RenderResult as WidgetRender
from textual.renderables.bar import Bar
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip
from textual.widgets import OptionList, ProgressBar, Sparkline

from briefing_tui.tui.glyphs import BLOCKS, DOCUMENT


class _Translated:
    """A Rich renderable drawn with its characters replaced one for one (`str.translate`)."""

    def __init__(self, inner: RenderableType, table: dict[int, str]) -> None:
        self.inner = inner
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            text, style, control = segment
            yield segment if control else Segment(text.translate(self.table), style)


class PlainSparkline(Sparkline):
    """A sparkline of `.`, `-`, `=` and `#` bars."""

    def render(self) -> WidgetRender:
        return _Translated(super().render(), BLOCKS)  # type: ignore[arg-type]


class PlainScrollBarRender(ScrollBarRender):
    """A scroll bar whose thumb is whole cells of colour, without the partial blocks at its ends."""

    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


class _PlainBar(Bar):
    HALF_BAR_LEFT = "-"
    BAR = "="
    HALF_BAR_RIGHT = "-"


class PlainProgressBar(ProgressBar):
    """A progress bar of `=`."""

    BAR_RENDERABLE = _PlainBar


class PlainOptionList(OptionList):
    """An option list whose separator lines are drawn with `-` (Textual draws them with `─`)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if "─" not in strip.text:
            return strip
        return Strip([s if s.control else Segment(s.text.translate(DOCUMENT), s.style, s.control) for s in strip],
                     strip.cell_length)
