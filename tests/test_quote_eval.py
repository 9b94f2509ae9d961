"""The annotated sets run in make test, with floors a little under the measured figures (docs/quotes.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.eval_quotes import (
    GOLD,
    HELDOUT,
    HELDOUT_REAL,
    HELDOUT_REAL2,
    HELDOUT_REAL3,
    HELDOUT_REAL4,
    HELDOUT_REAL5,
    HELDOUT_REAL6,
    HELDOUT_REAL7,
    HELDOUT_REAL8,
    HELDOUT_REAL9,
    HELDOUT_REAL10,
    HELDOUT_REAL11,
    HELDOUT_REAL12,
    HELDOUT_REAL13,
    HELDOUT_REAL14,
    HELDOUT_REAL15,
    HELDOUT_REAL16,
    HELDOUT_REAL17,
    HELDOUT_REAL18,
    HELDOUT_REAL19,
    HELDOUT_REAL20,
    REALNEWS,
    evaluate,
    evaluate_by_language,
)

from briefing_tui.core.quotes.attribution import RULES


def test_real_development_set_floors() -> None:
    scores = evaluate(REALNEWS)
    assert scores.articles >= 82 and scores.gold >= 535
    assert scores.recall >= 0.99      # measured 100.0%
    assert scores.precision >= 0.99   # measured 100.0%
    assert scores.speaker_accuracy >= 0.95  # measured in docs/quotes.md (95.5% with RULES_VERSION 11, 95.3% with 19)
    by_language = evaluate_by_language(REALNEWS)
    assert set(by_language) == {"en", "fr"}
    assert by_language["en"].speaker_accuracy >= 0.93
    assert by_language["fr"].speaker_accuracy >= 0.85


def test_written_development_set_floors() -> None:
    scores = evaluate(GOLD)
    assert scores.articles >= 80 and scores.gold >= 434
    assert scores.recall >= 0.97      # measured 100.0%
    assert scores.precision >= 0.97   # measured 100.0%
    assert scores.speaker_accuracy >= 0.98  # measured in docs/quotes.md


def test_written_held_out_set_floors() -> None:
    scores = evaluate(HELDOUT)
    assert scores.articles >= 12 and scores.gold >= 59
    assert scores.recall >= 0.95      # measured 100.0%
    assert scores.precision >= 0.95   # measured 100.0%
    assert scores.speaker_accuracy >= 0.91  # 91.5% with the rules before #15; 93.2% with RULES_VERSION 7 (read)


def test_every_pass_is_named_and_scored() -> None:
    scores = evaluate(REALNEWS)
    assert set(scores.by_rule) <= set(RULES)
    assert all(scores.right_by_rule[r] <= scores.by_rule[r] for r in scores.by_rule)


@pytest.mark.parametrize(("folder", "articles", "gold", "spans", "speakers"), [
    # measured 71.2% (126/177) blind; 89.3% with RULES_VERSION 6 (spans 98.9% / 98.9%)
    (HELDOUT_REAL, 40, 179, 0.97, 0.87),
    # measured 75.0% (81/108) blind with RULES_VERSION 4 and 5; 93.5% with 6, written while reading its failures
    (HELDOUT_REAL2, 32, 108, 0.97, 0.90),
    # measured 65.3% (124/190) blind with RULES_VERSION 6; 74.7% with 7 (spans 100.0% / 98.4%); 78.9% with 15
    (HELDOUT_REAL3, 30, 193, 0.97, 0.78),
    # measured 69.1% (163/236) blind with RULES_VERSION 7; 75.0% after its failures were read; 83.5% with 14
    (HELDOUT_REAL4, 35, 236, 0.98, 0.83),
    # measured 74.0% (148/200) blind with RULES_VERSION 8; 76.0% after its failures were read; 83.0% with 11
    (HELDOUT_REAL5, 36, 200, 0.98, 0.82),
    # measured 74.5% (199/267) blind with RULES_VERSION 9 at a30c6eb; 79.0% once read; 83.5% with 15
    (HELDOUT_REAL6, 35, 267, 0.98, 0.83),
    # measured 63.3% (140/221) blind with RULES_VERSION 9 at 158e594; 72.4% once read; 77.4% with 14
    (HELDOUT_REAL7, 16, 221, 0.98, 0.77),
    # measured 59.5% (75/126) blind with RULES_VERSION 10 at 141cecb; 78.6% once read; 83.3% with 11
    (HELDOUT_REAL8, 15, 126, 0.98, 0.83),
    # measured 70.6% (96/136) blind with RULES_VERSION 10 at 772f3ee; 75.7% once read; 78.7% with 14; 81.6% with 19
    (HELDOUT_REAL9, 15, 136, 0.98, 0.81),
    # measured 50.6% (44/87) blind with RULES_VERSION 10 at ca4bbb5; 74.7% with 11, written reading its failures
    (HELDOUT_REAL10, 15, 87, 0.98, 0.74),
    # measured 60.3% (41/68) blind with RULES_VERSION 11 at be7d413 (10 the same); 70.6% once read; 72.1% with 15
    (HELDOUT_REAL11, 15, 68, 0.98, 0.72),
    # measured 66.1% (37/56) blind with RULES_VERSION 11 at 8bb2c84; 78.6% with 12, written reading its failures
    (HELDOUT_REAL12, 11, 56, 0.98, 0.78),
    # measured 66.7% (66/99) blind with RULES_VERSION 12 at e62c3bf; 71.7% with 13, written reading its failures;
    # 75.8% with 14
    (HELDOUT_REAL13, 15, 99, 0.98, 0.75),
    # measured 73.9% (68/92) blind with RULES_VERSION 15 at dc595a5; 82.6% with 16, written reading its failures
    (HELDOUT_REAL14, 16, 92, 0.98, 0.82),
    # measured 72.2% (78/108) blind with RULES_VERSION 16 at d6f3bfd (15 the same); spans 98.2% recall; 73.1% with 17
    (HELDOUT_REAL15, 16, 110, 0.98, 0.73),
    # measured 69.8% (81/116) blind with RULES_VERSION 17 at 34751ec (15 the same); 72.4% with 19, once read
    (HELDOUT_REAL16, 16, 116, 0.98, 0.72),
    # measured 79.4% (127/160) blind with RULES_VERSION 19 at 26737df (15 the same); 81.9% with 20, once read
    (HELDOUT_REAL17, 16, 160, 0.98, 0.81),
    # measured 76.0% (38/50) blind with RULES_VERSION 20 at 13cae5b (15: 72.0%); 80.0% with 21, once read
    (HELDOUT_REAL18, 6, 50, 0.98, 0.80),
    # measured 85.0% (96/113) blind with RULES_VERSION 32 at 9cf170f (31 the same); spans 99.1% recall
    (HELDOUT_REAL19, 15, 114, 0.98, 0.84),
    # measured 70.0% (21/30) blind with RULES_VERSION 33 at 5a63658 (31 the same)
    (HELDOUT_REAL20, 6, 30, 0.98, 0.70),
], ids=["heldout-real", "heldout-real2", "heldout-real3", "heldout-real4", "heldout-real5", "heldout-real6",
        "heldout-real7", "heldout-real8", "heldout-real9", "heldout-real10", "heldout-real11",
        "heldout-real12", "heldout-real13", "heldout-real14", "heldout-real15", "heldout-real16", "heldout-real17",
        "heldout-real18", "heldout-real19", "heldout-real20"])
def test_real_held_out_set_floors(folder: Path, articles: int, gold: int, spans: float, speakers: float) -> None:
    """Each real held-out set was measured once, blind, before it was folded in (bench/eval_quotes.py): its
    floors only guard regressions."""
    scores = evaluate(folder)
    assert scores.articles >= articles and scores.gold >= gold
    assert scores.recall >= spans and scores.precision >= spans
    assert scores.speaker_accuracy >= speakers
