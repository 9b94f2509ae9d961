"""The gold-set evaluation runs in make test, with floors a little under the measured figures."""

from __future__ import annotations

from bench.eval_quotes import GOLD, HELDOUT, evaluate


def test_development_set_floors() -> None:
    scores = evaluate(GOLD)
    assert scores.articles >= 48 and scores.gold >= 265
    assert scores.recall >= 0.97      # measured 100.0%
    assert scores.precision >= 0.97   # measured 100.0%
    assert scores.speaker_accuracy >= 0.98  # measured 99.2% (the rules were written on this set)


def test_held_out_set_floors() -> None:
    scores = evaluate(HELDOUT)
    assert scores.articles >= 8 and scores.gold >= 34
    assert scores.recall >= 0.95      # measured 100.0%
    assert scores.precision >= 0.95   # measured 100.0%
    assert scores.speaker_accuracy >= 0.72  # measured 76.5% (26/34): the honest figure, below the 90% goal
