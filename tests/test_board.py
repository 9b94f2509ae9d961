"""The quote board and the filter histories as the reader state keeps them (core/user/board.py, state.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from briefing_tui.core.model import Listed, Quote
from briefing_tui.core.user.board import MAX_QUOTES, BoardQuote, QuoteBoard
from briefing_tui.core.user.export import quotes_markdown
from briefing_tui.core.user.state import HISTORY, ReaderState

ARTICLE = Listed("a.txt", "Clash Report", dt.date(2025, 6, 27), "Ukraine - Russia War", b"", 0)


def quote(text: str, speaker: str | None = "Mark Rutte", paragraph: int = 1) -> BoardQuote:
    return BoardQuote.of(Quote(text, paragraph, 0, len(text) + 2, speaker, "said"), ARTICLE, paragraph)


def test_a_board_quote_cites_as_the_reader_does() -> None:
    assert quote("daddy").citation == "“daddy” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025"
    assert quote("x", speaker=None).citation == "“x” — Clash Report (Ukraine - Russia War), 27 June 2025"


def test_add_reorder_remove_and_put_back() -> None:
    board = QuoteBoard()
    a, b, c = quote("a", paragraph=1), quote("b", paragraph=2), quote("c", paragraph=3)
    for item in (a, b, c):
        assert board.add(item) is None
    assert board.add(quote("a", paragraph=1)) == "That quote is already on the board."
    assert board.move(2, -1) == 1 and [q.text for q in board.quotes] == ["a", "c", "b"]
    assert board.move(0, -1) == 0  # stops at the top
    assert board.remove(1) == c
    board.insert(1, c)
    assert [q.text for q in board.quotes] == ["a", "c", "b"]
    assert board.citations().count("\n") == 2


def test_a_full_board_says_so() -> None:
    board = QuoteBoard([quote(str(n), paragraph=n) for n in range(MAX_QUOTES)])
    assert "full" in (board.add(quote("one more", paragraph=MAX_QUOTES)) or "")


def test_board_and_history_survive_a_restart(tmp_path: Path) -> None:
    state = ReaderState.load(tmp_path, "k", private=False)
    state.board.add(quote("daddy"))
    assert state.remember("quotes", "speaker:rutte") and not state.remember("quotes", "speaker:rutte")
    state.remember("quotes", "nato")
    state.remember("quotes", "speaker:rutte")  # used again: the newest once, not twice
    state.remember("search", "putin")
    assert state.save() is None
    again = ReaderState.load(tmp_path, "k", private=False)
    assert again.board.quotes == state.board.quotes
    assert again.history == {"quotes": ["speaker:rutte", "nato"], "search": ["putin"]}


def test_private_state_keeps_the_board_in_memory_only(tmp_path: Path) -> None:
    state = ReaderState.load(tmp_path, "k", private=True)
    state.board.add(quote("daddy"))
    state.remember("quotes", "x")
    assert state.save() is None and list(tmp_path.iterdir()) == []


def test_a_hostile_state_file_gives_a_clean_board(tmp_path: Path) -> None:
    good = quote("daddy").to_json()
    items = [good, "x", None, {**good, "text": 5}, {**good, "index": -1}, {**good, "start": True},
             {**good, "date": "2025-13-01", "text": "bad date"}, {**good, "title": "a\x1b]0;PWN\x07b", "text": "esc"},
             {**good, "speaker": ["list"], "text": "no speaker"}, {**good, "text": "\u202e"}]
    history = {"quotes": ["ok", 3, "x" * 5000, "line\nbreak", "ok"] + [f"q{n}" for n in range(100)], "search": "nope"}
    (tmp_path / "state-k.json").write_text(json.dumps({"board": items * 2, "history": history}))
    state = ReaderState.load(tmp_path, "k", private=False)
    texts = [q.text for q in state.board.quotes]
    assert texts == ["daddy", "bad date", "esc", "no speaker"]
    assert state.board.quotes[1].date is None and state.board.quotes[2].title == "a]0;PWNb"
    assert state.board.quotes[3].speaker is None
    assert state.history["quotes"][:3] == ["ok", "line break", "q0"] and len(state.history["quotes"]) <= HISTORY
    assert state.history["search"] == []


def test_the_board_exports_as_the_finder_does() -> None:
    board = QuoteBoard([quote("daddy"), quote("underlings.", paragraph=2)])
    text = quotes_markdown([(q.quote, q.article) for q in board.quotes])
    assert text == ("# Quotes\n\n- “daddy” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025\n"
                    "- “underlings.” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025\n")


def test_a_board_quote_keeps_its_articles_id_as_stored() -> None:
    """An id holds what a file's name holds, escaped (`a  b.md`, `a\\x07b.md`): cleaned to one line, `a  b.md`
    became `a b.md`, another file's id or none; an id with a control character in it is still cleaned."""
    good = quote("daddy").to_json()
    for ident in ("a  b.md", "a\\x07b.md", " lead.md"):
        again = BoardQuote.from_json({**good, "article": ident})
        assert again is not None and again.article_id == ident
    hostile = BoardQuote.from_json({**good, "article": "a\x1b[31mb.md"})
    assert hostile is not None and hostile.article_id == "a[31mb.md"
