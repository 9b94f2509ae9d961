"""The spotlight: one quote full-screen, large and plain, for a shared screen (docs/reader.md).

Nothing but the quote: bold, in the theme's foreground on its background, wrapped to a comfortable
measure with a blank line between its lines when the screen has room, and the speaker, title and date
under it. `left`/`right` step through the board's quotes; a click on the left or right half does too.
Notifications are cleared when it opens, and `c` says "citation copied" in the corner, not in a toast.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from briefing_tui.core.serialize import quoted, short_date
from briefing_tui.core.user.board import BoardQuote, QuoteBoard
from briefing_tui.tui.keymap import bindings

MEASURE = 60
"""The widest the quote is set: a comfortable line to read from across a room."""


def card(item: BoardQuote, position: str, width: int, height: int, console: Console) -> Text:
    """The spotlight's page for `item` at `width` × `height`: the quote centred, its attribution under it,
    and `position` (`2/5`) on the last line."""
    measure = max(12, min(MEASURE, width - 8))
    quote = Text(f"“{quoted(item.whole or item.text)}”", style="bold")
    lines = quote.wrap(console, measure, justify="left")
    speaker = Text(f"— {item.speaker}" if item.speaker else "— unattributed", style="bold")
    speaker.truncate(measure, overflow="ellipsis")
    attribution = [speaker, *source_lines(item, measure, console)]
    spaced = 2 * len(lines) + 1 + len(attribution) + 2 <= height  # a blank line between lines, if they fit
    body: list[Text] = []
    for n, line in enumerate(lines):
        if n and spaced:
            body.append(Text(""))
        body.append(line)
    body += [Text(""), *attribution]
    if len(body) > height - 2:  # too long even set tight: the quote's start shows, cut with an ellipsis; the
        room = max(2, height - 2)  # speaker always stays (who said it is the point), the source while it fits
        source = attribution[1:]
        keep = max(0, min(len(source), room - 3))  # source lines that leave a quote line, a blank, the speaker
        gap = 1 if room - 1 - keep >= 2 else 0
        shown = lines[:room - 1 - keep - gap]
        if len(shown) < len(lines):
            shown[-1] = Text(shown[-1].plain.rstrip()[:max(1, measure - 1)] + "…", style="bold")
        body = [*shown, *([Text("")] if gap else []), speaker, *source[:keep]]
    width_used = max((line.cell_len for line in body), default=0)
    left = max(0, (width - width_used) // 2)
    top = max(0, (height - 1 - len(body)) // 2)
    page = Text("\n" * top)
    for line in body:
        page.append(" " * left)
        page.append_text(line)
        page.append("\n")
    page.append("\n" * max(0, height - 1 - top - len(body)))
    page.append(position.rjust(max(0, width - 1)), style="dim")
    return page


def source_lines(item: BoardQuote, measure: int, console: Console) -> list[Text]:
    """`title · section · date` on one line of `measure` cells when it fits; else the title on up to two lines
    (cut with an ellipsis after that), then `section · date`, where the section gives way before the date, the
    *when* of who said what."""
    when = short_date(item.date)
    whole = Text(f"{item.title} · {item.section} · {when}")
    if whole.cell_len <= measure:
        return [whole]
    title = Text(item.title).wrap(console, measure, overflow="fold")
    lines = list(title)[:TITLE_LINES]
    for line in lines:
        line.rstrip()
    if len(title) > TITLE_LINES:
        last = lines[-1]
        last.truncate(max(1, measure - 1))
        last.rstrip()
        last.append("…")
    for tail in (f"{item.section} · {when}", when):
        line = Text(tail)
        if line.cell_len <= measure:
            break
    line.truncate(measure, overflow="ellipsis")
    return [*lines, line]


TITLE_LINES = 2
"""Lines a long title may take under the quote: the article it was said in is what the room needs to place it."""


class SpotlightCard(Widget):
    """The quote as the spotlight shows it; the page is drawn for the widget's size."""

    DEFAULT_CSS = """
    SpotlightCard {
        width: 1fr;
        height: 1fr;
        background: $background;
        color: $foreground;
    }
    """

    position: reactive[int] = reactive(0)
    note: reactive[str] = reactive("")
    """A word in the corner for a moment (`citation copied`) instead of the position."""

    def __init__(self, quotes: Sequence[BoardQuote], position: int = 0) -> None:
        super().__init__()
        self.quotes = list(quotes)
        self.set_reactive(SpotlightCard.position, max(0, min(position, len(self.quotes) - 1)))

    @property
    def current(self) -> BoardQuote:
        return self.quotes[self.position]

    def render(self) -> Text:
        where = f"{self.position + 1}/{len(self.quotes)}" if len(self.quotes) > 1 else ""
        return card(self.current, self.note or where, self.size.width, self.size.height, self.app.console)


class Spotlight(Screen[int]):
    """One quote at a time, full-screen; dismissed with the position last shown."""

    help_scope = "spotlight"
    """The keys `?` shows first (`keymap.SCOPES`)."""

    DEFAULT_CSS = """
    Spotlight {
        background: $background;
    }
    """
    BINDINGS = bindings("spotlight")

    def __init__(self, quotes: Sequence[BoardQuote], position: int = 0) -> None:
        super().__init__()
        self.card = SpotlightCard(quotes, position)

    @classmethod
    def around(cls, item: BoardQuote, board: QuoteBoard) -> Spotlight:
        """`item` in the spotlight, among the board's quotes: where it is on the board, else in front of them."""
        at = board.position(item)
        return cls(board.quotes, at) if at is not None else cls([item, *board.quotes])

    def compose(self) -> ComposeResult:
        yield self.card

    def on_mount(self) -> None:
        self.app.clear_notifications()  # nothing but the quote: the reader's notifications do not follow it here

    @property
    def current(self) -> BoardQuote:
        """The quote on screen."""
        return self.card.current

    def action_step(self, step: int) -> None:
        target = self.card.position + step
        if 0 <= target < len(self.card.quotes):
            self.card.position = target
        else:
            self.app.bell()

    def action_copy(self) -> None:
        """Copy the citation; the corner says so for two seconds (a notification would cover the screen shared)."""
        self.app.copy_to_clipboard(self.current.citation)
        self.card.note = "citation copied"
        self.set_timer(2, lambda: setattr(self.card, "note", ""))

    def action_close(self) -> None:
        self.dismiss(self.card.position)

    def on_click(self, event: events.Click) -> None:
        self.action_step(-1 if event.screen_x < self.size.width // 2 else 1)
