"""Hints on empty results: which part of a query found nothing, and the nearest thing that exists."""

from __future__ import annotations

import pytest

from briefing_tui.core.search.hints import Facts, closest_speakers, describe, empty_hint, facts_of
from briefing_tui.core.search.index import Index, open_index
from briefing_tui.core.search.query import parse
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def index() -> Index:
    found = open_index(None)
    found.refresh([str(SEEDS)])
    return found


def quote_facts(index: Index) -> Facts:
    return facts_of(index, quotes=True, elsewhere=True)


@pytest.mark.parametrize(("query", "hint"), [
    ("speaker:rutte harbour", "Mark Rutte: 3 quotes; none with “harbour”"),
    ("speaker:rut* harbour", "Mark Rutte: 3 quotes; none with “harbour”"),
    ("speaker:rute", "No speaker called “rute”; the closest: Mark Rutte"),
    ("speaker:blunkett id cards", "No speaker called “blunkett”"),
    ("date:2024 speaker:rutte", "Nothing matches date:2024: the library's dates run from 2025-06-12 to 2025-06-27"),
    ("date:2025-05", "Nothing matches date:2025-05: the library's dates run from 2025-06-12 to 2025-06-27"),
    ("zzyzx", "No quote has “zzyzx”"),
    ("putin speaker:trump", "Donald Trump: 3 quotes; none with “putin”"),
    ("budget speaker:trump", "No quote has “budget”; 1 article has it outside quotes (/ searches)"),
    ("speaker:rutte speaker:trump", "Mark Rutte: 3 quotes; none with “speaker:trump”"),
])
def test_the_hint_names_the_part_that_found_nothing(index: Index, query: str, hint: str) -> None:
    parsed = parse(query)
    assert index.find_quotes(parsed, 0)[0] == 0
    assert empty_hint(parsed, quote_facts(index)) == hint


def test_articles_are_counted_for_the_search_panel(index: Index) -> None:
    facts = facts_of(index)
    assert empty_hint(parse("speaker:rutte harbour"), facts) == "Mark Rutte: 1 article; none with “harbour”"
    assert empty_hint(parse("speaker:trmp"), facts) == "No speaker called “trmp”; the closest: Donald Trump"


def test_closest_speakers_match_a_name_or_one_word_of_it() -> None:
    speakers = [("Mark Rutte", 3), ("Donald Trump", 3), ("Greta Hollmann", 2), ("Mark Ruffalo", 1)]
    assert closest_speakers("rutt", speakers) == ["Mark Rutte"]
    assert closest_speakers("mark rute", speakers)[0] == "Mark Rutte"
    assert closest_speakers("nobody at all", speakers) == []
    assert closest_speakers("mark", speakers) == ["Mark Rutte", "Mark Ruffalo"]  # the more quoted first
    # a name nobody near: no unrelated names (difflib's likeness offered Michael Morell and Mike Pompeo)
    assert closest_speakers("merkel", [("Michael Morell", 2), ("Mike Pompeo", 5), ("Marcelo Ebrard", 1)]) == []
    assert closest_speakers("pelosy", [("Nancy Pelosi", 1), ("Angelos Tsiaras", 3), ("Elon Musk", 2)]) \
        == ["Nancy Pelosi"]


def test_describe_writes_parts_back_as_queries() -> None:
    root = parse('speaker:"mark rutte" -nato date:2025-06 title:summ*').root
    assert describe(root) == 'speaker:"mark rutte" -nato date:2025-06 title:summ*'  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "hint"), [
    ("zzyzx", "No quote has “zzyzx”"),
    ("speaker:rutte harbou", "Mark Rutte: 3 quotes; none with “harbou”"),
    ("speaker:rutte harbourx", "No quote has “harbourx”"),
    ("harbour* zzyzx", "No quote has “zzyzx”"),
    ("zzyzx* harbourx", "No quote has “zzyzx*”"),  # the star written stays
])
def test_the_word_being_typed_is_named_without_the_star_that_makes_it_a_prefix(index: Index, typed: str,
                                                                               hint: str) -> None:
    from briefing_tui.core.search.query import as_you_type

    query = parse(as_you_type(typed)[0])
    assert index.find_quotes(query, 0)[0] == 0
    assert empty_hint(query, quote_facts(index), typing=True) == hint
