"""The search panel: a query field, a sparkline of hits per month, and the results as you type.

`enter` in the field opens the best match (the highlighted result, else the first) as soon as what was typed
is answered; `up`/`down` move the highlight while typing goes on, or walk the history in an empty field. The
word being typed counts as a prefix (as in the quote finder); when a word finds nothing, the status line
offers the nearest the library holds, and `tab` takes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from briefing_tui.core.search.index import Result
from briefing_tui.render import snippet_text
from briefing_tui.tui.key_hold import Keys, press
from briefing_tui.tui.keymap import bindings
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.plain import PlainOptionList, PlainSparkline

DEBOUNCE = 0.15


def month_series(per_month: dict[str, int]) -> tuple[list[float], str, str]:
    """Counts for every month from the first to the last with hits (zeros between)."""
    if not per_month:
        return [], "", ""
    keys = sorted(per_month)
    y, m = (int(x) for x in keys[0].split("-"))
    last = keys[-1]
    series: list[float] = []
    while True:
        key = f"{y:04d}-{m:02d}"
        series.append(float(per_month.get(key, 0)))
        if key >= last or len(series) > 1200:
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return series, keys[0], last


SHORT_SCREEN = 16
"""Rows below which the search panel leaves out its sparkline and its months' line: the results need them."""


class SearchPanel(Vertical):
    """Type a query; results update after a short pause; enter opens one."""

    DEFAULT_CSS = """
    SearchPanel {
        height: 1fr;
        display: none;
    }

    #search-status {
        padding: 0 1;
        height: auto;
        &.-error { color: $text-error; }
    }

    #search-sparkline {
        height: 2;
        margin: 0 1;
    }

    #search-range {
        padding: 0 1;
    }

    #search-results {
        height: 1fr;
        border: none;
        scrollbar-gutter: stable;  /* results keep their wrap when a scrollbar appears */
    }
    """

    BINDINGS = [Binding("escape", "close", "Close search", show=True), *bindings("search")]

    @dataclass
    class QueryChanged(Message):
        """The user paused typing: run this query."""

        query: str

    @dataclass
    class ResultChosen(Message):
        """The user chose a result."""

        article_id: str
        query: str
        keys: Keys = ()
        """Keys to press once it is shown (`c` pressed on a result: its citation)."""
        snippet: str = ""
        """The result's snippet as the list showed it: the article opens at the hit it shows."""

    @dataclass
    class Closed(Message):
        """The panel was closed."""

    @dataclass
    class SaveRequested(Message):
        """The user asked to save the search in the box under a name."""

        query: str

    def __init__(self, history: list[str] | None = None, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ascii = ascii
        """Draw the sparkline in ASCII (a plain console)."""
        self.history = [] if history is None else history
        """Queries searched before, newest first (the reader state's list, shared)."""
        self._timer: Timer | None = None
        self._results: list[Result] = []
        self._pending = False
        """True while typing has paused less than the debounce: the query in the field is not asked yet."""
        self._open_when_answered = False
        """`enter` came before the answer to what was typed: the best match opens when it comes."""
        self.answered: str | None = None
        """The query text whose answer (results, an error, or nothing) is on screen."""
        self._give_back_when_answered = False
        """A `tab` came before the answer to what was typed: it and the keys after it are pressed when it comes."""
        self._held_moves = 0
        """`down` (+1) and `up` (-1) typed before the answer to what was typed: the highlight moves so when it
        comes (`/fire ↓ ⏎` typed fast opened the first result, the ↓ spent on the older results)."""

    def compose(self) -> ComposeResult:
        box = FilterBox(self.history, id="search-input",
                        placeholder="Search: words, \"phrase\", speaker:, date:, -word")
        box.tab_waits = self._tab_waits
        yield box
        yield Static(Text(""), id="search-status")
        yield (PlainSparkline if self._ascii else Sparkline)([], id="search-sparkline")
        yield Static(Text(""), id="search-range")
        yield (PlainResultList if self._ascii else ResultList)(id="search-results")

    def _tab_waits(self) -> bool:
        """`tab` before the answer to what was typed: ask for it now; `tab` and the keys after it wait for it."""
        if self.settled and not self._pending:
            return False
        self._give_back_when_answered = True
        if self._timer is not None:  # no need to wait for the pause in typing: the user has moved on
            self._timer.stop()
        self._pending = False
        self.post_message(self.QueryChanged(self.query_text))
        return True

    @property
    def query_text(self) -> str:
        return self.query_one("#search-input", Input).value

    @property
    def settled(self) -> bool:
        """True once what is in the box has been answered on screen (typing pauses, then a search runs)."""
        return self.answered == self.query_text

    def focus_input(self) -> None:
        """Focus the field at once (keys typed straight after `/` must reach it), its query selected."""
        box = self.query_one(FilterBox)
        self.screen.set_focus(box)
        box.select_all()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(FilterBox).suggestion = None  # it was for what the box held before
        if self._timer is not None:
            self._timer.stop()
        self._pending = True

        def ask() -> None:
            self._pending = False
            self.post_message(self.QueryChanged(event.value))

        self._timer = self.set_timer(DEBOUNCE, ask)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Open the best match: at once when what was typed is answered, else as soon as it is."""
        event.stop()
        if self.settled and not self._pending:
            self._open_best()
            return
        self._open_when_answered = True
        self.query_one(FilterBox).hold()
        if self._timer is not None:  # no need to wait for the pause in typing: the user is done
            self._timer.stop()
        self._pending = False
        self.post_message(self.QueryChanged(self.query_text))

    @on(events.DescendantFocus, "#search-results")
    def _results_focused(self) -> None:
        """`tab` to the results: the best is highlighted, so `enter` opens it (nothing highlighted, it did
        nothing)."""
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None and results.option_count:
            results.highlighted = 0

    @on(FilterBox.Move, "#search-input")
    def _move(self, event: FilterBox.Move) -> None:
        event.stop()
        if not self.settled or self._pending:
            self._held_moves += event.step
            return
        self._step(event.step)

    def _step(self, step: int) -> None:
        """Move the results' highlight one result down (`step` > 0) or up."""
        results = self.query_one("#search-results", OptionList)
        if not results.option_count:
            return
        if results.highlighted is None:
            results.highlighted = 0
        elif step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def settle(self, text: str, found: bool = True) -> None:
        """The answer to `text` is on screen: results (`found`), or an error or nothing (the results on screen
        are an older query's). A pending `enter` then opens the best match, if there are results for `text`."""
        self.answered = text
        if text == self.query_text and self._held_moves:
            moves, self._held_moves = self._held_moves, 0
            for _ in range(min(abs(moves), 200) if found else 0):  # past the last result the highlight stays
                self._step(moves)
        if self._open_when_answered and text == self.query_text:
            self._open_when_answered = False
            if found and self._results:
                self._open_best()
            else:
                self.app.bell()
                self._give_back()
        elif self._give_back_when_answered and text == self.query_text:
            self._give_back_when_answered = False
            self._give_back()  # the `tab` typed before the answer, and what followed it, act on it now

    def release_keys(self) -> Keys:
        """The keys typed after `enter` (held until whoever opens the result takes them over)."""
        return self.query_one(FilterBox).release()

    def _give_back(self) -> None:
        """Nothing opened: the keys held after `enter` are typed as they were meant, in the field."""
        press(self.app, self.query_one(FilterBox).release())

    def _open_best(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if not self._results:
            box = self.query_one(FilterBox)
            if box.suggestion is not None:  # nothing found, and did you mean…: `enter` takes it, as `tab` does
                box.action_take_suggestion()
            else:
                self.app.bell()
            self._give_back()
            return
        if results.highlighted is None:
            results.highlighted = 0
        if results.highlighted_option is not None:
            self._choose(results.highlighted_option)

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option)

    def on_result_list_open_then(self, event: ResultList.OpenThen) -> None:
        event.stop()
        results = self.query_one("#search-results", OptionList)
        if results.highlighted_option is not None:
            self._choose(results.highlighted_option, ((event.key, event.key),))

    def _choose(self, option: Option, keys: Keys = ()) -> None:
        index = int((option.id or "result--1").rsplit("-", 1)[1])
        if not 0 <= index < len(self._results):
            self._give_back()
        else:
            result = self._results[index]
            self.post_message(self.ResultChosen(result.summary["id"], self.query_text, keys,
                                                result.snippets[0] if result.snippets else ""))

    def show_error(self, message: str, fixed: str | None = None) -> None:
        """Show a query error inline, keeping the last results; `fixed`, the query mended (`tab` takes it)."""
        self.query_one(FilterBox).suggestion = fixed
        status = self.query_one("#search-status", Static)
        status.update(Text(message + (" tab" if fixed else ""), style="bold"))
        status.add_class("-error")

    def show_results(self, total: int, results: list[Result], per_month: dict[str, int],
                     hint: str | None = None, typing: str | None = None, suggestion: str | None = None) -> None:
        """Replace the results list, the count and the sparkline; `hint` says why nothing matched, `typing` is
        the word matched as a prefix, `suggestion` a query that finds what this one did not (`tab` takes it)."""
        self._results = results
        self.query_one(FilterBox).suggestion = suggestion
        status = Text(f"{total:,} matching article{'s' if total != 1 else ''}")
        if total > len(results):
            status.append(f" (best {len(results)} shown)")
        if typing:
            status.append(" · words starting “")
            status.append(typing)
            status.append("”")
        if suggestion:
            status.append(" · did you mean “", style="bold")
            status.append(suggestion, style="bold")
            status.append("”? tab", style="bold")
        if not total and hint:
            status.append(f" · {hint}", style="bold")
        self.query_one("#search-status", Static).update(status)
        self.query_one("#search-status").remove_class("-error")
        series, first, last = month_series(per_month)
        spark = self.query_one("#search-sparkline", Sparkline)
        spark.data = series
        short = self.app.size.height < SHORT_SCREEN  # at 120×10 the results had one row left
        spark.display = len(series) > 1 and not short  # one bar says nothing a sentence cannot
        rng = self.query_one("#search-range", Static)
        if len(series) > 1:
            rng.update(Text(f"{_month(first)} … {_month(last)}: matching articles per month", style="dim"))
        else:
            rng.update(Text(f"All dated matches in {_month(first)}" if series else "", style="dim"))
        rng.display = bool(series) and not short
        options = self.query_one("#search-results", OptionList)
        options.clear_options()
        prompts: list[Option | None] = []
        for i, r in enumerate(results):
            if i:
                prompts.append(None)  # a separator line between results
            prompts.append(Option(_result_prompt(r), id=f"result-{i}"))
        options.add_options(prompts)
        options.highlighted = 0 if results else None  # the best, as in the quote finder: `enter` opens it, `down`
        # goes to the second
        options.scroll_home(animate=False, immediate=True)  # new results start at the top

    def clear(self) -> None:
        self._results = []
        self.query_one(FilterBox).suggestion = None
        self.query_one("#search-status", Static).update(Text(""))
        self.query_one("#search-status").remove_class("-error")
        self.query_one("#search-results", OptionList).clear_options()
        self.query_one("#search-sparkline", Sparkline).display = False
        self.query_one("#search-range", Static).display = False

    def action_save_search(self) -> None:
        """Ask the screen to save the query in the box (a bell when the box is empty)."""
        if not self.query_text.strip():
            self.app.bell()
            return
        self.post_message(self.SaveRequested(self.query_text.strip()))

    def action_close(self) -> None:
        self._open_when_answered = self._give_back_when_answered = False  # what waits for its answer is given up
        self.query_one(FilterBox).release()
        self.post_message(self.Closed())


class ResultList(OptionList):
    """The search results: `j` / `k` move as the arrow keys do, as everywhere else in the reader. `c` and `a` act
    on the highlighted result, not on the article shown beside the list: it opens, and the key acts there (its
    citation copied, the quote at its first hit added), as `enter c` does."""

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False), Binding("k", "cursor_up", "Up", show=False),
                Binding("c", "open_then('c')", "Cite", show=False), Binding("a", "open_then('a')", "Add", show=False),
                Binding("q", "close_panel", "Close search", show=False)]

    def action_close_panel(self) -> None:
        """`q` in the results closes the search, as escape does (it quit the reader: not in a meeting)."""
        panel = next((a for a in self.ancestors if isinstance(a, SearchPanel)), None)
        if panel is not None:
            panel.action_close()

    @dataclass
    class OpenThen(Message):
        """Open the highlighted result, then press `key` there."""

        key: str

    def action_open_then(self, key: str) -> None:
        self.post_message(self.OpenThen(key))


class PlainResultList(ResultList, PlainOptionList):
    """The search results drawn in ASCII (`TERM=linux`)."""


def _month(key: str) -> str:
    if not key:
        return ""
    y, m = (int(x) for x in key.split("-"))
    return f"{dt.date(y, m, 1):%b %Y}"


def _result_prompt(result: Result) -> Text:
    s = result.summary
    text = Text(s["title"], style="bold")
    text.append(f"\n{s['date'] or 'undated'} · {s['section']}", style="italic")
    for snippet in result.snippets[:1]:
        text.append("\n")
        text.append_text(snippet_text(snippet))
    return text
