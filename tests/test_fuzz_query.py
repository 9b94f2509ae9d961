"""Fuzzing the query parser: any string parses or gives one QueryError sentence, and the engine
never sees anything it cannot run."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.core.search.index import Index, open_index
from briefing_tui.core.search.query import QueryError, as_you_type, parse, typed_query
from tests.conftest import SEEDS

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "150"))
"""Queries per test: 150 in `make test`, 20,000 in `make fuzz`."""
PIECES = st.sampled_from(['"', "(", ")", "-", "*", ":", "OR", "AND", "NOT", "NEAR", "title:", "section:", "date:",
                          "in:quotes", "speaker:", "tag:", "..", "2025", "2025-06", "^", "{", "}", "'", " ", "\x00",
                          "\x1b", "putin", "Orbán", "a", "NEAR(", "+", "col:"])
# Runs of negations and parentheses, and well-formed nests of them: what overflowed SQLite's parser.
RUNS = st.builds(str.__mul__, st.sampled_from(["-", "NOT ", "- ", "(", "-(", "NOT (", ")", "-NOT "]),
                 st.integers(1, 80))
ATOMS = st.sampled_from(["putin", "a", "date:2025", "speaker:rutte", '"will invest"', "invest*", "section:economy",
                         "in:quotes", "-putin"])
NESTS = st.recursive(ATOMS, lambda inner: st.one_of(
    st.builds(lambda n, q: "-" * n + q, st.integers(1, 80), inner),
    st.builds("NOT {}".format, inner), st.builds("({})".format, inner), st.builds("-({})".format, inner),
    st.builds(lambda qs, sep: sep.join(qs), st.lists(inner, min_size=2, max_size=5), st.sampled_from([" ", " OR "]))),
    max_leaves=70)
queries = st.one_of(st.text(max_size=60),
                    st.lists(st.one_of(PIECES, RUNS, st.text(max_size=5)), max_size=12).map("".join), NESTS)


@pytest.fixture(scope="module")
def index() -> Index:
    idx = open_index(None)
    idx.refresh([str(SEEDS)])
    return idx


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=queries)
def test_any_query_parses_or_says_why(text: str) -> None:
    try:
        parse(text)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=queries)
def test_every_parsed_query_runs(index: Index, text: str) -> None:
    try:
        query = parse(text)
    except QueryError:
        return
    total, results = index.search(query, limit=5)  # an sqlite3 error here would be a leak of engine syntax
    assert total >= len(results)
    months = index.hits_per_month(query)  # the dated ones among the same matches
    assert sum(months.values()) <= total and all(re.fullmatch(r"\d{4}-\d{2}", month) for month in months)
    assert len(index.quote_ids(query)) == index.find_quotes(query, 5)[0]


@settings(max_examples=EXAMPLES, deadline=None)
@given(text=queries)
def test_a_query_being_typed_still_parses_and_runs(index: Index, text: str) -> None:
    """The finder adds `*` to the last word: whatever parsed as typed must still parse and run."""
    try:
        parse(text)
    except QueryError:
        return
    typed, word = as_you_type(text)
    assert (typed == text) == (word is None)
    total, results = index.search(parse(typed), limit=5)
    assert total >= len(results)


def test_typed_query_closes_what_is_still_open_and_nothing_else() -> None:
    assert typed_query('speaker:"le p')[0].root == parse("speaker:le-p*").root
    assert typed_query("(trump OR pel")[1] == "pel"
    for bad in ('foo:bar "x', "a) (b", 'speaker:"le pen ', "AND"):  # other faults stay faults
        with pytest.raises(QueryError):
            typed_query(bad)


def test_as_you_type_makes_only_the_unfinished_last_word_a_prefix() -> None:
    assert as_you_type("speaker:gall") == ("speaker:gall*", "gall")
    assert as_you_type("(nato sum") == ("(nato (sum OR sum*))", "sum")  # a bracket still open is closed
    assert as_you_type("jean-m") == ("jean-m*", "jean-m")  # words joined by a hyphen: a phrase, its last a prefix
    assert as_you_type("speaker:jean-m") == ("speaker:jean-m*", "jean-m")
    assert as_you_type('speaker:"le p') == ("speaker:le-p*", "le p")  # a phrase still open: its last word a prefix
    assert as_you_type("« nous refus") == ("nous-refus*", "nous refus")
    assert as_you_type('(trump OR "le p') == ("(trump OR le-p*)", "le p")
    assert as_you_type("resigning") == ("(resigning OR resigning*)", "resigning")
    long = "a" * 994 + " word"  # 999 characters: grown by the word again, it would pass the query's limit
    assert as_you_type(long) == (long + "*", "word") and parse(as_you_type(long)[0]).terms
    many = " ".join(f"w{n}" for n in range(63)) + " word"  # 64 terms: one more would pass the term limit
    assert as_you_type(many) == (many + "*", "word") and parse(as_you_type(many)[0]).terms
    for finished in ("rutte ", '"le pen ', "date:2025", "in:quotes", "a OR", "-gall", "gall*", ""):
        assert as_you_type(finished) == (finished, None)
