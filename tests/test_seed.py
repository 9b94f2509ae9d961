"""The seed briefing parses exactly as docs/formats.md and docs/quotes.md say."""

from __future__ import annotations

import datetime as dt

from briefing_tui.core.library.scan import load_file
from briefing_tui.core.model import Article
from briefing_tui.core.serialize import quote_citation
from tests.conftest import SEED


def seed() -> Article:
    article = load_file(str(SEED))
    assert isinstance(article, Article)
    return article


def test_seed_metadata() -> None:
    a = seed()
    assert a.format == "briefing"
    assert a.date == dt.date(2025, 6, 27)
    assert a.title == "Clash Report"
    assert a.section == "Ukraine - Russia War"
    assert a.source is None
    assert a.summary.startswith("The NATO summit in The Hague revealed deep divisions between the U.S. and its")
    assert a.summary.endswith("warned of looming threats.")
    assert a.problems == ()


def test_seed_body_excludes_related_block() -> None:
    a = seed()
    assert len(a.paragraphs) == 11
    assert a.paragraphs[0].startswith("The NATO summit")
    assert a.paragraphs[-1].startswith("He added that European leaders")
    assert not any(p in {"Europe", "July 2025", "Ukraine - Russia War"} for p in a.paragraphs)
    assert [(r.label, r.month) for r in a.related] == [
        ("Ukraine - Russia War", "June 2025"), ("Europe", "July 2025"), ("Focus", "July 2025"),
        ("Arctic", "July 2025"), ("Defense", "July 2025"), ("Europe", "August 2025"),
    ]


SEED_QUOTES = [
    ("messy", "Donald Trump"),
    ("he’d like to settle.", "Donald Trump"),
    ("possible", "Donald Trump"),
    ("If we did what everybody here wants us to do... we probably lose our ability to talk to them about the "
     "ceasefire.", "Marco Rubio"),
    ("If we do not invest now, we are really at risk that the Russians might try something against NATO "
     "territory in three, five or seven years,", "Mark Rutte"),
    ("We continue to doubt that Russia has any interest in meaningful negotiations,", "a senior NATO official"),
    ("long-term threat posed by Russia,", None),
    ("not strong enough to represent a real threat to NATO.", "Viktor Orban"),
    ("daddy", "Mark Rutte"),
    ("underlings.", "Mark Rutte"),
    ("It’s not just something that Trump and Putin can agree themselves... there needs to be some sort of "
     "sharing of views among allies.", "Philippe Dickinson"),
    ("The lack of a Russia strategy is a real glaring omission from what the summit could have produced.",
     "Philippe Dickinson"),
]


def test_seed_has_its_twelve_quotes_with_speakers() -> None:
    a = seed()
    assert [(q.text, q.speaker) for q in a.quotes] == SEED_QUOTES


def test_seed_quote_offsets_hold_their_text() -> None:
    a = seed()
    for q in a.quotes:
        span = a.paragraphs[q.paragraph][q.start:q.end]
        assert q.text in span
        assert span[0] in "“\"" and span[-1] in "”\""


def test_seed_cues_are_words_of_the_text() -> None:
    a = seed()
    for q in a.quotes:
        if q.speaker:
            assert q.cue and q.cue in a.paragraphs[q.paragraph]


def test_seed_citation_format() -> None:
    a = seed()
    rutte = a.quotes[4]
    assert quote_citation(rutte, a) == (
        f"“{rutte.text.rstrip(',')}” — Mark Rutte, Clash Report (Ukraine - Russia War), 27 June 2025"
    )
    assert a.quotes[6].text.endswith(",")  # its comma is left out of the citation
    assert quote_citation(a.quotes[6], a).startswith("“long-term threat posed by Russia” — Clash Report (")
