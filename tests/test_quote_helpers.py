"""Helpers that make attribution cheaper: each gives what the plainer code it replaced gave."""

from __future__ import annotations

import re

import pytest

from briefing_tui.core.quotes.learning import LEXICONS, _capital_inside
from briefing_tui.core.quotes.lexicon import choose, counts, detect, own_words

_PLAIN_CAPITAL_INSIDE = re.compile(r"[\s(“\"'‘«„»-][A-ZÀ-ÖØ-Þ]")
"""The search `_capital_inside` replaced: a mark, then a capital."""


@pytest.mark.parametrize("text", [
    "", "A", "Anna", "the minister said", "the minister Anna Berg said", "« Élysée", "x-Ray", "“Quoted”",
    "A. B", "  B", "Berg (UN) said", "the 5 Ö", "lower\nUpper",
])
def test_capital_inside_finds_what_the_plain_search_finds(text: str) -> None:
    for pos in range(len(text) + 1):
        for end in range(pos, len(text) + 2):
            assert _capital_inside(text, pos, end) == (_PLAIN_CAPITAL_INSIDE.search(text, pos, end) is not None)
    assert _capital_inside(text) == (_PLAIN_CAPITAL_INSIDE.search(text) is not None)


@pytest.mark.parametrize("text", [
    "The minister said on Friday that the talks would go on.",
    "Le ministre a déclaré vendredi que les discussions allaient continuer.",
    "Der Minister sagte am Freitag, dass die Gespräche weitergehen.",
    "", "12 34",
])
def test_choose_from_counts_is_detect(text: str) -> None:
    frequent = own_words(LEXICONS)
    for margin in (1, 2):
        assert choose(counts(text, frequent), LEXICONS, LEXICONS[0], margin) \
            is detect(text, LEXICONS, LEXICONS[0], margin, frequent)


def test_an_elided_word_is_no_acronym() -> None:
    """`C'est` opens many French sentences: its `C'` (one capital, an apostrophe) once stood for a body that
    `la société` was then resolved to, and came out as a speaker."""
    from briefing_tui.core.quotes.attribution import LEXICONS
    from briefing_tui.core.quotes.names import is_org
    from briefing_tui.core.quotes.tokens import tokenize

    fr = LEXICONS[1]
    for text, org in (("C'est", False), ("L’Union", False), ("ONU", True), ("UN", True)):
        first = tokenize(text, 0, len(text), fr)[:1]
        assert is_org(first, fr) is org, text
