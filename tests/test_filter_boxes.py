"""Pilot tests of the filter boxes (issue #17): `enter` opens the best match, `up`/`down` move the highlight
while typing, the keys a hint shows work where the focus is, escape keeps the filter, and an empty box walks
a history kept per library; an empty result says which part found nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static

from briefing_tui.core.search.query import Query
from briefing_tui.core.user.config import Settings
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.quote_finder import QuoteFinder
from briefing_tui.tui.widgets.article_view import ArticleView
from briefing_tui.tui.widgets.citation_panel import CitationPanel
from briefing_tui.tui.widgets.filter_box import FilterBox
from briefing_tui.tui.widgets.quote_list import QuoteList
from briefing_tui.tui.widgets.search_panel import SearchPanel
from tests.conftest import SEEDS
from tests.test_quote_finder import RUTTE, open_finder, settled
from tests.test_reader import loaded, showing, until
from tests.test_reader_safety import screen_lines

SIZE = (120, 40)


def status(app: BriefingApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def footer(app: BriefingApp) -> str:
    return screen_lines(app)[-1]


async def test_enter_in_the_finder_opens_the_best_match_even_before_the_answer_shows() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("quotation_mark", *"speaker:rutte", "enter")  # no pause: typed faster than it answers
        await until(pilot, lambda: not isinstance(app.screen, QuoteFinder), "the finder to open the best match")
        await until(pilot, lambda: showing(app, "Clash Report"), "the article")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.current_quote == 4 and view.article.quotes[4].speaker == "Mark Rutte"  # type: ignore[union-attr]
        assert "Quote 5/12: Mark Rutte" in status(app, "#hit-status")
        await pilot.press("c")
        assert app.clipboard == RUTTE


async def test_up_and_down_move_the_highlight_while_the_focus_stays_in_the_box() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        box = finder.query_one(Input)
        await pilot.press("down", "down", "up", "down")
        assert finder.query_one(QuoteList).cursor == 2 and app.focused is box
        await pilot.press(*" OR speaker:trump")  # typing goes on
        await settled(pilot, finder)
        assert finder.total == 6 and app.focused is box
        await pilot.press("down", "enter")
        await until(pilot, lambda: not isinstance(app.screen, QuoteFinder), "the finder to close")
        await until(pilot, lambda: app.query_one(ArticleView).current_quote == 1, "the second match's quote")


async def test_the_keys_a_hint_shows_work_where_the_focus_is() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        hint = status(app, "#finder-status")
        assert "ctrl+y copy" in hint and "ctrl+t add" in hint and " c copy" not in hint
        await until(pilot, lambda: "^y Copy" in footer(app), "the box's keys in the footer")  # drawn after a frame
        assert " c Copy" not in footer(app)
        await pilot.press("ctrl+y")  # from the box
        assert app.clipboard == RUTTE
        panel = finder.query_one(CitationPanel)
        assert panel.display and panel.text == RUTTE
        await pilot.press("ctrl+t")
        assert [q.speaker for q in app.state.board.quotes] == ["Mark Rutte"]
        await pilot.press("tab")  # the list: its letter keys
        assert isinstance(app.focused, QuoteList)
        await until(pilot, lambda: " c copy" in status(app, "#finder-status"), "the list's keys in the hint")
        hint = status(app, "#finder-status")
        assert "s spotlight" in hint and "ctrl+y" not in hint
        await until(pilot, lambda: " c Copy" in footer(app), "the list's keys in the footer")  # drawn after a frame
        assert "^y" not in footer(app)
        await pilot.press("down", "c")
        assert app.clipboard.startswith("“daddy” — Mark Rutte")
        await pilot.press("shift+tab", "c")  # back in the box, `c` is a letter of the filter, typed at its end
        assert finder.query_one(Input).value == "speaker:ruttec" and app.clipboard.startswith("“daddy”")


async def test_no_toast_covers_the_citation_panel_or_the_list() -> None:
    """A copy shows the citation panel; two quotes added say so in the status line, not in toasts over it."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # tests show no toasts unless asked
        finder = await open_finder(pilot, "speaker:rutte")
        await pilot.press("ctrl+y", "ctrl+t", "down", "ctrl+t")  # a copy, then two quotes added
        await until(pilot, lambda: len(app.state.board) == 2, "the second quote on the board")
        await pilot.pause()
        assert "Added to the quote board (2)" in status(app, "#finder-status")
        assert finder.query_one(CitationPanel).region.height >= 3 and not app.screen.query("Toast")


async def test_escape_keeps_the_filter_and_an_empty_box_walks_the_history(isolated_home: Path) -> None:
    app = BriefingApp([str(SEEDS)], Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_finder(pilot, "nato")
        await pilot.press("escape", "quotation_mark")
        await pilot.pause()
        finder = app.screen
        assert isinstance(finder, QuoteFinder) and finder.filter_text == "nato"
        await settled(pilot, finder)
        assert finder.total > 0
        await pilot.press(*"speaker:trump")  # the last filter is selected: typing replaces it
        await settled(pilot, finder)
        assert finder.filter_text == "speaker:trump"
        await pilot.press("escape", "quotation_mark")
        await pilot.pause()
        finder = app.screen
        assert isinstance(finder, QuoteFinder)
        await pilot.press("backspace")  # an empty box: up and down walk the history
        walked = []
        for key in ("up", "up", "up", "down", "down"):
            await pilot.press(key)
            walked.append(finder.filter_text)
        assert walked == ["speaker:trump", "nato", "nato", "speaker:trump", ""]
        await pilot.press("up", "down")  # recalled, then `down` again: past the newest, empty again
        assert finder.filter_text == ""
    (state_file,) = (isolated_home / "data" / "briefing-tui").glob("state-*.json")
    assert json.loads(state_file.read_text())["history"]["quotes"] == ["speaker:trump", "nato"]
    again = BriefingApp([str(SEEDS)], Settings())
    async with again.run_test(size=SIZE) as pilot:  # the history is the library's, across restarts
        finder = await open_finder(pilot)
        await pilot.press("up")
        assert finder.filter_text == "speaker:trump"


async def test_the_search_box_opens_the_best_match_moves_and_remembers() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"harbour", "enter")  # before the answer: the best match opens when it comes
        await until(pilot, lambda: app.focused is app.query_one(ArticleView), "the best match to open")
        first = app.query_one(ArticleView).article
        assert first is not None and "harbour" in status(app, "#hit-status")
        await pilot.press("slash")  # the panel again: the query is kept (and selected)
        panel = app.query_one(SearchPanel)
        box = panel.query_one(Input)
        # (a key typed as the article shows may be held until it has shown its hit: wait for the `/` to act)
        await until(pilot, lambda: app.focused is box, "the search box")
        assert box.value == "harbour"
        await until(pilot, lambda: panel.settled, "the search to answer")
        results = panel.query_one(OptionList)
        await pilot.press("down", "down")
        assert app.focused is box and results.highlighted is not None and results.highlighted > 0
        await pilot.press("enter")
        await until(pilot, lambda: app.query_one(ArticleView).article not in (None, first), "the second result")
        await pilot.press("escape", "escape")  # to the results, out of the search
        await pilot.press("slash", "backspace", "up")
        assert box.value == "harbour" and app.state.history["search"] == ["harbour"]


async def test_an_empty_result_says_which_part_found_nothing() -> None:
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot, "speaker:rutte harbour ")
        assert finder.total == 0
        assert "0 quotes · Mark Rutte: 3 quotes; none with “harbour”" in status(app, "#finder-status")
        await pilot.press("ctrl+u", *"speaker:blunket ")
        await settled(pilot, finder)
        assert "No speaker called “blunket”" in status(app, "#finder-status")
        await pilot.press("ctrl+u", *"speaker:rutte harbou")  # still typing: a prefix, not written with its `*`
        await settled(pilot, finder)
        assert "Mark Rutte: 3 quotes; none with “harbou”" in status(app, "#finder-status")
        await pilot.press("escape", "slash", *"speaker:rute")
        panel = app.query_one(SearchPanel)
        await until(pilot, lambda: panel.settled, "the search to answer")
        assert status(app, "#search-status") == ("0 matching articles · words starting “rute” · did you mean "
                                                 "“speaker:rutte”? tab · No speaker called “rute”; the closest: "
                                                 "Mark Rutte")


async def test_keys_pressed_before_the_answer_act_on_the_best_match_of_what_was_typed() -> None:
    """ctrl+t and ctrl+y typed straight after the filter (faster than it is answered) act on its best match,
    not on the first quote of the list an older filter left."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot)
        await pilot.press(*"underl", "ctrl+t", "ctrl+y")
        await settled(pilot, finder)
        assert [q.text for q in app.state.board.quotes] == ["underlings."]
        assert app.clipboard.startswith("“underlings.” — Mark Rutte")


async def test_an_answer_to_an_older_filter_never_acts_on_a_waiting_enter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The finder's first answer (every quote) can reach the screen after keys were typed: it is then an old
    answer, and an enter waiting for the filter's answer must not open its first quote."""
    from briefing_tui.tui.session import LibrarySession

    release = threading.Event()
    asked = LibrarySession.quote_ids

    def slow(self: LibrarySession, query: Query | None) -> Sequence[int]:
        if query is not None:
            release.wait(10)  # the filter's answer waits until the old answer has come
        return asked(self, query)

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        finder = await open_finder(pilot)
        every = finder.query_one(QuoteList)
        old = (list(every.ids), [every.hits.get(n) for n in range(len(every.hits))])
        monkeypatch.setattr(LibrarySession, "quote_ids", slow)
        await pilot.press(*"speaker:rutte", "enter")
        finder._show(None, *old, generation=0)  # the answer to the filter of no words, late
        await pilot.pause()
        assert app.screen is finder and not app.state.history["quotes"]
        release.set()
        await until(pilot, lambda: not isinstance(app.screen, QuoteFinder), "the finder to open the best match")
        await until(pilot, lambda: app.query_one(ArticleView).current_quote is not None, "the quote")
        assert app.query_one(ArticleView).current_quote == 4


async def test_a_search_typed_in_one_go_after_choosing_a_quote_runs_once_the_quote_is_shown() -> None:
    """`"speaker:rutte⏎/underlings⏎` in one go: the finder opens Rutte's quote, and the keys typed after its
    `enter` (some already on their way to the finder's box as it closed) search once the quote is shown. This
    crashed the reader (the finder dismissed twice) or hung it (a closing screen waited for its box's keys)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for key, character in [("quotation_mark", '"'), *((k if k.isalpha() else "colon", k) for k in "speaker:rutte"),
                               ("enter", None), ("slash", "/"), *((k, k) for k in "underlings"), ("enter", None)]:
            app.post_message(events.Key(key, character))  # queued at once, as a terminal delivers them
        await until(pilot, lambda: "Search “underlings”: hit 1/1" in str(app.query_one("#hit-status").render()),
                    "the search typed ahead to open its best match")
        assert app.query_one(SearchPanel).query_text == "underlings" and len(app.screen_stack) == 1


async def test_keys_typed_straight_after_the_key_that_opens_a_box_go_into_it() -> None:
    """A fast typist (or a paste) sends `"speaker:rutte⏎` in one go: no letter runs a key of the screen behind
    (`s` spotlight, `p` problems, `r` reload, `n` next hit…) and enter opens the best match of all of it."""
    from briefing_tui.tui.screens.spotlight import Spotlight

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.post_message(events.Key("quotation_mark", '"'))  # queued at once, as a terminal delivers them
        for key in "speaker:rutte":
            app.post_message(events.Key(key if key.isalpha() else "colon", key))
        app.post_message(events.Key("enter", None))
        await until(pilot, lambda: app.query_one(ArticleView).current_quote == 4, "Rutte's quote to open")
        assert not any(isinstance(screen, Spotlight) for screen in app.screen_stack)
        app.post_message(events.Key("slash", "/"))
        for key in "underlings":
            app.post_message(events.Key(key, key))
        app.post_message(events.Key("enter", None))
        await until(pilot, lambda: "Search “underlings”: hit 1/1" in str(app.query_one("#hit-status").render()),
                    "the search's best match")
        assert app.query_one(SearchPanel).query_text == "underlings" and len(app.screen_stack) == 1


async def searched(pilot: Any, text: str) -> SearchPanel:
    """`/` and `text` typed, once its answer is on screen: the search panel."""
    panel = pilot.app.query_one(SearchPanel)
    await pilot.press("slash", *text)
    await until(pilot, lambda: panel.settled and panel.query_text == text, f"the search for {text}")
    return panel


def type_keys(app: BriefingApp, keys: Sequence[tuple[str, str | None]]) -> None:
    """Put `keys` in the app's queue at once, as a terminal delivers a paste or a line sent in one go."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


def type_before(monkeypatch: pytest.MonkeyPatch, app: BriefingApp, owner: type[Any], method: str,
                keys: Sequence[tuple[str, str | None]]) -> list[bool]:
    """The first time `owner.method` runs, `keys` are typed just before it: they are in the app's queue before
    whatever it presses. The list returned holds True once they have been."""
    typed: list[bool] = []
    original = getattr(owner, method)

    def typed_first(self: Any) -> None:
        if not typed:
            typed.append(True)
            type_keys(app, keys)
        original(self)

    monkeypatch.setattr(owner, method, typed_first)
    return typed


def letters(text: str) -> list[tuple[str, str | None]]:
    return [(ch if ch.isalpha() else {":": "colon", "/": "slash", '"': "quotation_mark"}[ch], ch) for ch in text]


async def test_keys_typed_as_the_chosen_article_shows_come_after_the_keys_held(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`/und` is held while Rutte's quote opens, and `erlings⏎` is typed at the instant it shows, so that those
    keys are in the app's queue before the held ones are pressed again: they must still come after them. (They
    ran first, as `erlings⏎/und`, when the held keys were simply pressed again: a flaky CI failure.)"""
    from briefing_tui.tui.screens.reader import ReaderScreen

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    typed = type_before(monkeypatch, app, ReaderScreen, "_replay", [*letters("erlings"), ("enter", None)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        type_keys(app, [*letters('"speaker:rutte'), ("enter", None), *letters("/und")])
        await until(pilot, lambda: "Search “underlings”: hit 1/1" in str(app.query_one("#hit-status").render()),
                    "the search's best match")
        assert typed and app.query_one(SearchPanel).query_text == "underlings" and len(app.screen_stack) == 1


async def test_keys_given_back_to_a_box_come_before_keys_typed_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    """`/zzq⏎abc`: nothing matches, so the `abc` held after enter is typed back into the box; `def`, typed at
    that instant and already in the app's queue, must come after it (it went first when the keys given back
    were simply pressed again)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    typed = type_before(monkeypatch, app, SearchPanel, "_give_back", letters("def"))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        type_keys(app, [*letters("/zzq"), ("enter", None), *letters("abc")])
        panel = app.query_one(SearchPanel)
        await until(pilot, lambda: typed and len(panel.query_text) == 9, "the keys given back and typed meanwhile")
        assert panel.query_text == "zzqabcdef"


async def test_a_quote_chosen_while_the_library_is_still_listed_opens_at_that_quote(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys typed before the library is listed: the finder waits for it, and the quote chosen opens; the
    start's own "show the newest article" no longer cancels it (it did: no quote was selected)."""
    from briefing_tui.tui.session import LibrarySession

    release = threading.Event()
    load = LibrarySession.load

    def slow_load(self: LibrarySession, *args: Any, **kwargs: Any) -> None:
        release.wait(300)  # until the keys are typed, however loaded the machine (it listed early at 10 s)
        load(self, *args, **kwargs)

    monkeypatch.setattr(LibrarySession, "load", slow_load)
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        try:
            await pilot.pause()
            await pilot.press("quotation_mark", *"speaker:rutte", "enter")
            assert isinstance(app.screen, QuoteFinder) and app.screen.filter_text == "speaker:rutte"
        finally:
            release.set()
        await until(pilot, lambda: app.query_one(ArticleView).current_quote == 4, "Rutte's quote to open")
        await loaded(pilot)
        assert showing(app, "Clash Report") and app.query_one(ArticleView).current_quote == 4


async def test_keys_typed_after_enter_act_on_what_opens() -> None:
    """`"speaker:rutte⏎c` and `/underlings⏎c` in one go: the `c` typed after enter, while the answer and the
    article are still coming, copies the quote that opens (it was typed into the filter: `speaker:ruttec`)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)

        def type_line(*keys: tuple[str, str | None]) -> None:
            for key, character in keys:
                app.post_message(events.Key(key, character))

        letters = [(ch if ch.isalpha() else "colon", ch) for ch in "speaker:rutte"]
        type_line(("quotation_mark", '"'), *letters, ("enter", None), ("c", "c"))
        await until(pilot, lambda: app.clipboard == RUTTE, "the quote opened to be copied")
        assert app.query_one(ArticleView).current_quote == 4 and app.state.history["quotes"] == ["speaker:rutte"]
        type_line(("slash", "/"), *[(ch, ch) for ch in "underlings"], ("enter", None), ("c", "c"))
        await until(pilot, lambda: app.clipboard.startswith("“underlings.”"), "the hit's quote to be copied")
        assert app.query_one(SearchPanel).query_text == "underlings"


async def test_a_key_right_behind_enter_in_the_box_is_held_too() -> None:
    """With the box focused, `enter` and the key behind it reach the box together: the box must hold from its
    own `enter`, not from the app's binding for it, which runs after the box has taken the next key."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"underlings")
        await until(pilot, lambda: app.query_one(SearchPanel).settled, "the search")
        app.post_message(events.Key("enter", None))
        app.post_message(events.Key("c", "c"))
        await until(pilot, lambda: app.clipboard.startswith("“underlings.”"), "the hit's quote to be copied")
        assert app.query_one(SearchPanel).query_text == "underlings"
        finder = await open_finder(pilot, "speaker:rut")
        app.post_message(events.Key("enter", None))
        app.post_message(events.Key("c", "c"))
        await until(pilot, lambda: app.clipboard == RUTTE, "Rutte's quote to be copied")
        assert app.screen is not finder and app.state.history["quotes"][0] == "speaker:rut"


async def test_escape_gives_up_an_enter_still_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """enter, then escape before the answer: the panel closes, and nothing opens when the answer comes."""
    from briefing_tui.tui.session import LibrarySession

    release = threading.Event()
    search = LibrarySession.search

    def slow(self: LibrarySession, *args: Any) -> Any:
        release.wait(10)
        return search(self, *args)

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        shown = app.query_one(ArticleView).article
        monkeypatch.setattr(LibrarySession, "search", slow)
        await pilot.press("slash", *"nato", "enter", "escape")
        panel = app.query_one(SearchPanel)
        assert not panel.display
        release.set()
        await until(pilot, lambda: panel.settled, "the answer")
        await pilot.pause()
        assert app.query_one(ArticleView).article is shown and "Search" not in status(app, "#hit-status")


async def test_tab_typed_before_the_search_answers_moves_to_the_results_of_what_was_typed() -> None:
    """`/putin⇥⏎` in one go, the panel still showing an older search's results: `tab` waits for the answer to
    `putin`, and `enter` opens its best match, not the older search's."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await searched(pilot, "harbour")
        first = app.query_one("#search-results", OptionList).get_option_at_index(0).prompt
        assert "Clash Report" not in str(first)
        await pilot.press("escape")  # the panel closes, its results kept for the next `/`
        type_keys(app, [("slash", "/"), *letters("putin"), ("tab", None), ("enter", None)])  # over `harbour`
        await until(pilot, lambda: "putin" in status(app, "#hit-status"), "putin's best match")
        assert showing(app, "Clash Report")
        # the `enter` typed after `tab` acts after it: the article opened has the focus, no `tab` is left to move
        # it (the `enter` used to act first, then `tab` took the focus back to the search box)
        await until(pilot, lambda: app.key_hold.held is None and isinstance(app.focused, ArticleView),
                    "the article focused")
        await pilot.pause()
        assert isinstance(app.focused, ArticleView)


async def test_tab_to_the_search_results_highlights_the_best_so_enter_opens_it() -> None:
    """`/putin`, the answer shown, then `tab` and `enter`: `tab` highlights the best match (the results came with
    none highlighted, and `enter` did nothing) and `enter` opens it."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await searched(pilot, "putin")
        results = app.query_one("#search-results", OptionList)
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is results and results.highlighted == 0, "the best highlighted")
        await pilot.press("enter")
        await until(pilot, lambda: "putin" in status(app, "#hit-status"), "putin's best match")
        assert showing(app, "Clash Report") and isinstance(app.focused, ArticleView)


async def test_editing_keys_typed_in_one_go_act_in_the_order_typed() -> None:
    """Over a slow link a line of keys arrives in one read: `⌫⌫⌫bolton`, `ctrl+u` and a new filter, or `left`s
    then a letter, act in the order typed. (An editing key was a binding, run once it had bubbled up to the app:
    the letters behind it were typed first, `abc⌫⌫⌫bolton` gave `abcbol`.)"""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        panel = await searched(pilot, "abc")
        type_keys(app, [("backspace", None)] * 3 + letters("putin"))
        await until(pilot, lambda: panel.settled and panel.query_text == "putin", "putin searched")
        type_keys(app, [("left", None)] * 5 + letters("x") + [("end", None), *letters("y")])
        await until(pilot, lambda: panel.query_text == "xputiny", "x typed at the start, y at the end")
        type_keys(app, [("ctrl+u", None), *letters("rutte"), ("ctrl+w", None), *letters("orban")])
        await until(pilot, lambda: panel.settled and panel.query_text == "orban", "the box cleared, then a word")
        await pilot.press("escape")
        finder = await open_finder(pilot, "nato")
        type_keys(app, [("ctrl+u", None), *letters("speaker:rutte")])
        await until(pilot, lambda: finder.query_one(FilterBox).value == "speaker:rutte", "the finder's new filter")


async def test_a_key_that_arrives_once_the_screens_are_gone_is_dropped() -> None:
    """A key pressed again (or typed) as the app closes reaches it with no screen left: dropped, not a
    `ScreenStackError` from Textual's bindings (CI saw one at the end of the test above)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
    assert not app.screen_stack
    await app.on_event(events.Key("tab", None))
    await app.on_event(events.Key("a", "a"))


async def test_tab_typed_before_the_finder_answers_acts_on_the_quotes_of_what_was_typed() -> None:
    """`"speaker:rutte⇥a` in one go: `tab` waits for the answer, and `a` adds Rutte's quote to the board."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        type_keys(app, [*letters('"speaker:rutte'), ("tab", None), ("a", "a")])
        await until(pilot, lambda: bool(app.state.board.quotes), "a quote added")
        finder = app.screen
        assert isinstance(finder, QuoteFinder) and isinstance(app.focused, QuoteList)
        assert [q.speaker for q in app.state.board.quotes] == ["Mark Rutte"]


async def test_tab_and_enter_typed_before_the_finder_answers_open_the_quote_with_the_focus_on_it() -> None:
    """`"speaker:rutte⇥⏎` in one go: `enter` waits behind `tab`, opens Rutte's quote, and the article keeps the
    focus (the `enter` used to act first, and the `tab` behind it then moved the focus to the sidebar)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        type_keys(app, [*letters('"speaker:rutte'), ("tab", None), ("enter", None)])
        await until(pilot, lambda: app.state.history["quotes"][:1] == ["speaker:rutte"]
                    and not isinstance(app.screen, QuoteFinder) and app.key_hold.held is None, "Rutte's quote opened")
        assert showing(app, "Clash Report")
        await pilot.pause()
        assert isinstance(app.focused, ArticleView)


async def test_keys_typed_after_enter_in_the_sidebar_filter_act_on_the_filtered_sidebar() -> None:
    """`fharbour⏎j⏎` in one go: `j` and `enter` wait for the filter's answer, then move in the filtered sidebar
    (to the day after the first match, which `enter` closes)."""
    from briefing_tui.tui.widgets.sidebar import LibrarySidebar

    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        sidebar = app.query_one(LibrarySidebar)
        type_keys(app, [("f", "f"), *letters("harbour"), ("enter", None), ("j", "j"), ("enter", None)])
        await until(pilot, lambda: sidebar.kept is not None and sidebar.cursor_node is not None
                    and sidebar.cursor_node.label.plain.startswith("Thu 12 Jun")
                    and not sidebar.cursor_node.is_expanded, "j and enter in the filtered sidebar")
        first = "Morning Brief — Harbour talks resume in Port Amsel"
        await until(pilot, lambda: showing(app, first), "the first match shown")


@pytest.mark.parametrize("width", [80, 120])
async def test_a_hit_in_a_quote_names_its_speaker_whole_at_any_width(width: int) -> None:
    """Found by a cold tryout: at 80 columns the hit line ended `in a quote by a`: it wrapped, and its one line
    showed the first part. The keys give way first, then the query's words; the speaker's name stays whole."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=(width, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"underlings", "enter")
        await until(pilot, lambda: "it 1/1" in str(app.query_one("#hit-status").render()), "the hit")
        line = str(app.query_one("#hit-status").render())
        assert line.rstrip().endswith("in a quote by Mark Rutte") or "by Mark Rutte   n next" in line, line
        assert ("Search “underlings”" in line) == (width == 120)


async def test_a_paste_of_several_lines_is_one_query() -> None:
    """A selection copied from a wrapped article keeps its words past the first line break (Input took the first
    line alone: `national security` of `national security⏎advisor`)."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        box = app.query_one(SearchPanel).query_one(FilterBox)
        box.post_message(events.Paste("speaker:mark\nrutte\tharbour\r\n"))
        await until(pilot, lambda: box.value == "speaker:mark rutte harbour", "the pasted lines in the box")


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_finders_hint_stays_on_one_line(size: tuple[int, int]) -> None:
    """At 80 and 100 columns the hint wrapped (`… ctrl+t add to board · tab` / ` list · esc back`), its end on a
    line the status has no room for: the keys before `esc back` give way instead."""
    app = BriefingApp([str(SEEDS)], Settings(private=True))
    async with app.run_test(size=size) as pilot:
        finder = await open_finder(pilot, "speaker:rutte")
        for _ in range(2):  # in the box, then in the list
            hint = status(app, "#finder-status")
            width = finder.query_one("#finder-status").size.width
            assert len(hint) <= width and hint.startswith("3 quotes") and hint.endswith("esc back")
            await pilot.press("tab")
            await until(pilot, lambda shown=hint: status(app, "#finder-status") != shown, "the list's keys")
