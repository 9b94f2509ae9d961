"""Hints on empty results: which part of a query found nothing, and the nearest thing that exists."""

from __future__ import annotations

from pathlib import Path

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
    ("date:2025-06-13", "No quote from 2025-06-13 (the library's dates run from 2025-06-12 to 2025-06-27)"),  # a
    # navigation tryout: inside the span, `Nothing matches …: the library's dates run from` read as a mistake made
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


def test_a_long_query_still_says_which_word_found_nothing(tmp_path: Path) -> None:
    """A pasted sentence of nine words or more got no hint and no suggestion (a tryout's `… twitter trmup`)."""
    from briefing_tui.core.search.suggest import did_you_mean, library_of

    words = "trump bolton resign advisor national security tuesday twitter".split()
    (tmp_path / "a.md").write_text("# Bolton\n\n" + " ".join(words) + ".\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Other\n\nTrump trump trump, said nobody.\n", encoding="utf-8")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    query = parse(" ".join([*words, "trmup"]))
    assert index.search(query, 1)[0] == 0
    assert empty_hint(query, facts_of(index)) == "No article has “trmup”"
    assert did_you_mean(query, 0, library_of(index)) == " ".join([*words, "trump"])


@pytest.mark.parametrize(("query", "hint"), [
    # the parts that find nothing with the rarest one, not every other part (`none with “demanded montebourg”`
    # blamed a word the article has)
    ("speaker:rutte nato harbour", "Mark Rutte: 1 article; none with “harbour”"),
    # a word in no quotation, for a search of quotations: said so, with where it is
    ("in:quotes budget", "No quotation has “budget”; 1 article has it outside quotes"),
    # a phrase is not quoted twice (`No article has “"filiere davenir"”`)
    ('"harbour zzyzx"', "No article has “harbour zzyzx”"),
    # a long query whose words are each found, never together
    ("nato summit rutte trump harbour budget cable ukraine hague sanction",
     "nato: 1 article; none with all 9 other words"),
])
def test_search_hints_name_only_what_fails(index: Index, query: str, hint: str) -> None:
    parsed = parse(query)
    assert index.search(parsed, 1)[0] == 0
    assert empty_hint(parsed, facts_of(index)) == hint
