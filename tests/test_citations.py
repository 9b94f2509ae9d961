"""Citations as a meeting pastes them: the whole quotation when the writer broke into it, and where it was
published (docs/quotes.md#citations)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.core.model import Listed, Quote
from briefing_tui.core.quotes.whole import MAX_PARTS, wholes
from briefing_tui.core.serialize import quote_citation, shown_cue, shown_source
from briefing_tui.core.user.board import BoardQuote, QuoteBoard
from briefing_tui.core.user.config import Settings
from briefing_tui.core.user.export import quotes_markdown
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.screens.board import board_prompt
from briefing_tui.tui.widgets.article_view import ArticleView
from tests.conftest import write
from tests.test_quote_finder import open_finder
from tests.test_reader import loaded
from tests.test_reader_safety import screen_lines

SOURCE = "https://fr.wikinews.org/wiki/%C3%89lection_%C3%A0_Londres"
SHOWN = "https://fr.wikinews.org/wiki/Élection_à_Londres"
KHAN = ('"Terrorists seek to divide us and to destroy our way of life," said Khan, "here in London we will never '
        'let them succeed."')
WHOLE = "Terrorists seek to divide us and to destroy our way of life … here in London we will never let them succeed."
CITED = f"“{WHOLE}” — Sadiq Khan, Knife attack in London (Crime), {SHOWN}, 3 February 2020"
ARTICLE = (f"---\ntitle: Knife attack in London\ndate: 2020-02-03\nsection: Crime\nsource: \"{SOURCE}\"\n---\n\n"
           "The Mayor of London, Sadiq Khan, spoke after the attack.\n\n"
           f"{KHAN}\n\n"
           '"We are grateful to the police," Khan told reporters.\n')


def quotes_of(paragraph: str, *spans: tuple[str, str | None]) -> tuple[list[str], list[Quote]]:
    """The quotes of one paragraph, given as (text between the marks, speaker), found in it in order."""
    found, at = [], 0
    for text, speaker in spans:
        start = paragraph.index(f'"{text}"', at)
        at = start + len(text) + 2
        found.append(Quote(text, 0, start, at, speaker, "said"))
    return [paragraph], found


def test_a_quote_the_writer_broke_into_is_whole() -> None:
    paragraphs, quotes = quotes_of(KHAN, ("Terrorists seek to divide us and to destroy our way of life,", "Sadiq Khan"),
                                   ("here in London we will never let them succeed.", "Sadiq Khan"))
    assert wholes(paragraphs, quotes) == [WHOLE, WHOLE]


def test_a_part_after_a_sentence_of_attribution_is_whole_too() -> None:
    text = ('"It worked — so far," SpaceX founder Elon Musk told the press after the launch. "We have to dock to '
            'the station."')
    paragraphs, quotes = quotes_of(text, ("It worked — so far,", "Elon Musk"), ("We have to dock to the station.",
                                                                                 "Elon Musk"))
    assert wholes(paragraphs, quotes) == ["It worked — so far … We have to dock to the station."] * 2


@pytest.mark.parametrize(("text", "second"), [
    ('"Yes," Anna Berg said of the "vacuous" claim.', "vacuous"),  # a word quoted inside the writer's sentence
    ('"Yes." Anna Berg said, "No."', "No."),  # the first part ends a sentence: two quotations
    ('"Yes," said Anna Berg, "no," said Piet Smit.', "no,"),  # another speaker
])
def test_quotes_that_are_not_parts_of_one(text: str, second: str) -> None:
    first = text[1:text.index('"', 1)]
    speaker = "Piet Smit" if "Piet" in text else "Anna Berg"
    paragraphs, quotes = quotes_of(text, (first, "Anna Berg"), (second, speaker))
    assert wholes(paragraphs, quotes) == [None, None]


def test_a_fragment_inside_the_writers_sentence_is_no_part_of_the_next_quotation() -> None:
    """Found by a cold tryout on realnews: a fragment in lower case, then `according to NBC.` and a quotation of
    the same speaker, were cited as one quotation."""
    text = ('Pelosi called Trump’s conduct a "breach of his Constitutional responsibilities," according to NBC. '
            '"[T]he House of Representatives is moving forward with an official impeachment inquiry," she said.')
    paragraphs, quotes = quotes_of(text, ("breach of his Constitutional responsibilities,", "Nancy Pelosi"),
                                   ("[T]he House of Representatives is moving forward with an official impeachment "
                                    "inquiry,", "Nancy Pelosi"))
    assert wholes(paragraphs, quotes) == [None, None]
    capital = text.replace('"breach', '"Breach')  # a sentence of her own, the writer's words between: one quotation
    paragraphs, quotes = quotes_of(capital, ("Breach of his Constitutional responsibilities,", "Nancy Pelosi"),
                                   ("[T]he House of Representatives is moving forward with an official impeachment "
                                    "inquiry,", "Nancy Pelosi"))
    assert wholes(paragraphs, quotes)[0] == ("Breach of his Constitutional responsibilities … [T]he House of "
                                             "Representatives is moving forward with an official impeachment "
                                             "inquiry,")


def test_parts_in_other_paragraphs_or_without_a_speaker_stand_alone() -> None:
    paragraphs = ['"Yes," she said,', '"no."']
    quotes = [Quote("Yes,", 0, 0, 6, "Anna Berg"), Quote("no.", 1, 0, 5, "Anna Berg")]
    assert wholes(paragraphs, quotes) == [None, None]
    paragraphs, quotes = quotes_of('"Yes," she said, "no."', ("Yes,", None), ("no.", None))
    assert wholes(paragraphs, quotes) == [None, None]


def test_a_long_run_is_cited_in_runs_of_max_parts() -> None:
    text = " ".join(f'"Part {n}," she said,' for n in range(MAX_PARTS + 2)) + ' "end."'
    spans = [(f"Part {n},", "Anna Berg") for n in range(MAX_PARTS + 2)] + [("end.", "Anna Berg")]
    paragraphs, quotes = quotes_of(text, *spans)
    found = wholes(paragraphs, quotes)
    assert found[0] == " … ".join(f"Part {n}" for n in range(MAX_PARTS)) + ","  # cited without it (`quoted`)
    assert found[MAX_PARTS] == f"Part {MAX_PARTS} … Part {MAX_PARTS + 1} … end."


@pytest.mark.parametrize(("source", "shown"), [
    (SOURCE, SHOWN),
    ("https://x.org/a%20b%2Fc", "https://x.org/a%20b%2Fc"),  # ASCII escapes stay as written
    ("https://x.org/%E2%80%AEevil", "https://x.org/%E2%80%AEevil"),  # a bidi override stays escaped
    ("https://x.org/%E3%85%A4", "https://x.org/%E3%85%A4"),  # a Hangul filler shows as nothing: stays escaped
    ("https://x.org/%C2%A0", "https://x.org/%C2%A0"),  # a no-break space
    ("https://x.org/%FF%FE", "https://x.org/%FF%FE"),  # not UTF-8
    ("Clash Report %C3%89", "Clash Report %C3%89"),  # not a web address
    (None, None),
])
def test_a_web_address_shows_its_letters(source: str | None, shown: str | None) -> None:
    assert shown_source(source) == shown


def test_the_cli_cites_the_whole_quote_and_its_source(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "lib" / "khan.md", ARTICLE)
    assert main(["quotes", str(tmp_path / "lib"), "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    assert [q["citation"] for q in quotes[:2]] == [CITED, CITED]
    assert quotes[2]["citation"] == ("“We are grateful to the police” — Sadiq Khan, Knife attack in London (Crime), "
                                     f"{SHOWN}, 3 February 2020")
    assert {q["source"] for q in quotes} == {SOURCE}  # the data as the file has it
    assert main(["show", str(tmp_path / "lib" / "khan.md"), "--json"]) == 0
    assert [q["citation"] for q in json.loads(capsys.readouterr().out)["article"]["quotes"][:2]] == [CITED, CITED]


def test_the_board_keeps_what_the_citation_needs() -> None:
    listed = Listed("khan.md", "Knife attack in London", dt.date(2020, 2, 3), "Crime", b"", 0, source=SOURCE)
    part = Quote("here in London we will never let them succeed.", 1, 80, 130, "Sadiq Khan", "said", whole=WHOLE)
    item = BoardQuote.of(part, listed, 1)
    assert item.citation == CITED == quote_citation(part, listed)
    again = QuoteBoard.from_json(json.loads(json.dumps(QuoteBoard([item]).to_json())))
    assert again.quotes == [item]
    older = {k: v for k, v in item.to_json().items() if k not in ("source", "whole")}  # a board saved before
    assert BoardQuote.from_json(older).citation == (  # type: ignore[union-attr]
        "“here in London we will never let them succeed.” — Sadiq Khan, Knife attack in London (Crime), "
        "3 February 2020")
    assert quotes_markdown([(part, listed)]).endswith(f"- {CITED}\n")
    first = Quote("We will never let them divide us,", 1, 0, 34, "Sadiq Khan", "said", whole=WHOLE)
    assert quote_citation(first, listed) == CITED  # both parts cite the whole quote: the export writes it once
    assert quotes_markdown([(first, listed), (part, listed)]).count(f"- {CITED}\n") == 1


def test_the_board_holds_a_quotation_broken_into_once_and_shows_it_whole() -> None:
    """Found by a cold tryout: the board showed the part added, while the spotlight, the copy and the export gave
    the whole quotation; and each part could be added, the same citation twice."""
    listed = Listed("khan.md", "Knife attack in London", dt.date(2020, 2, 3), "Crime", b"", 0, source=SOURCE)
    first = Quote("Terrorists seek to divide us and to destroy our way of life,", 1, 0, 62, "Sadiq Khan", "said",
                  whole=WHOLE)
    second = Quote("here in London we will never let them succeed.", 1, 80, 130, "Sadiq Khan", "said", whole=WHOLE)
    board = QuoteBoard()
    assert board.add(BoardQuote.of(first, listed, 0)) is None
    assert board.add(BoardQuote.of(second, listed, 1)) == "That quote is already on the board."
    alone = Quote("We are grateful to the police", 2, 0, 31, "Sadiq Khan", "told")
    assert board.add(BoardQuote.of(alone, listed, 2)) is None
    shown = [" ".join(str(part) for part in board_prompt(n, q).renderables) for n, q in enumerate(board.quotes, 1)]
    assert WHOLE in shown[0] and "We are grateful to the police" in shown[1]


async def test_c_cites_either_part_whole_in_the_finder_and_the_article(tmp_path: Path) -> None:
    write(tmp_path / "lib" / "khan.md", ARTICLE)
    app = BriefingApp([str(tmp_path / "lib")], Settings(private=True))
    async with app.run_test(size=(120, 40)) as pilot:
        finder = await open_finder(pilot, "speaker:khan")
        assert len(finder.shown) == 3
        await pilot.press("tab", "down", "c")  # the second part
        await pilot.pause()
        assert app.clipboard == CITED
        shown = [line for line in screen_lines(app) if "life … here" in line]  # the panel's, not the list's
        assert len(shown) == 1 and not set(shown[0]) & set("│┃║|▎▊")  # selectable by hand: no box characters
        await pilot.press("escape", "escape")
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("right_square_bracket")  # the first part
        await pilot.pause()
        assert view.current_quote == 0
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == CITED


def test_an_export_shows_hostile_markdown_as_written() -> None:
    """Found by a cold tryout: a title with Markdown and HTML (a tracking image, a `javascript:` link) was written
    raw into the export, where any Markdown viewer would fetch the images and show the link."""
    from markdown_it import MarkdownIt

    title = ("Report ![t](http://tracker.example/p.png) <img src=http://x.example/a.png> [see](javascript:alert(1)) "
             "<http://auto.example> &#106;s")
    listed = Listed("x.md", title, dt.date(2024, 3, 7), "Odd", b"", 0, source=SOURCE)
    quote = Quote("look at ![i](http://t.example/q.png) and `code`", 0, 0, 10, "the colonel", "said")
    text = quotes_markdown([(quote, listed)])
    html = MarkdownIt("commonmark").render(text)
    assert "<img" not in html and "<a " not in html and "<code>" not in html, html
    assert "Report ![t](http://tracker.example/p.png) &lt;img src=http://x.example/a.png&gt;" in html
    assert SHOWN in text  # a source's web address is left whole


def test_a_cue_is_shown_as_the_text_writes_it() -> None:
    """`D'après` showed as `(d' après)`: the elided word is joined to the next, as written."""
    assert shown_cue("d' après") == "d'après" and shown_cue("l’ a dit") == "l’a dit"
    assert shown_cue("said") == "said" and shown_cue(":") is None and shown_cue(None) is None


async def test_escape_in_the_article_puts_the_citation_away_first(tmp_path: Path) -> None:
    """A tryout at 80×24: the citation panel took half the article, and escape went to the sidebar, leaving it."""
    from briefing_tui.tui.widgets.citation_panel import CitationPanel

    write(tmp_path / "lib" / "khan.md", ARTICLE)
    app = BriefingApp([str(tmp_path / "lib")], Settings(private=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("tab", "right_square_bracket", "c")
        panel = app.query_one(CitationPanel)
        await pilot.pause()
        assert panel.display and app.focused is view
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and app.focused is view  # put away, the article still read
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is not view  # then back, as before
