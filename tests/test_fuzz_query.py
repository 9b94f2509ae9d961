"""Fuzzing the query parser: any string parses or gives one QueryError sentence, and the engine
never sees anything it cannot run."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.core.index import Index, open_index
from briefing_tui.core.query import QueryError, parse
from tests.conftest import SEEDS

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "300"))
PIECES = st.sampled_from(['"', "(", ")", "-", "*", ":", "OR", "AND", "NOT", "NEAR", "title:", "section:", "date:",
                          "in:quotes", "speaker:", "tag:", "..", "2025", "2025-06", "^", "{", "}", "'", " ", "\x00",
                          "\x1b", "putin", "Orbán", "a", "NEAR(", "+", "col:"])
queries = st.one_of(st.text(max_size=60), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=12).map("".join))


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
