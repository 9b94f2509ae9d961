"""Evaluate quote spans and speaker attribution against the hand-annotated gold set in eval/gold/.

usage: python -m bench.eval_quotes [-v]
Span precision and recall compare quote texts per article; speaker accuracy is over the gold quotes
that were found: a speaker counts as right when it equals the annotation (case and apostrophe style
aside), and a null annotation is right only when no speaker was given.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.core.library.scan import load_file
from briefing_tui.core.model import Article

EVAL = Path(__file__).resolve().parents[1] / "eval"
GOLD = EVAL / "gold"
"""The development set: the rules were written while reading its failures."""
HELDOUT = EVAL / "heldout"
"""Written after the rules, never tuned on: the honest figure.

Each held-out set is measured once, blind; then its failures may be read, it joins the development set,
and a new held-out set is written before the rules change. Blind speaker accuracy, set by set:
50% and 75% (4 articles, 16 quotes), 88.7% (47/53), 88.1% (37/42), 81.6% (31/38), 76.5% (26/34),
61.8% (42/68: measured part-way through a change of rules), then, after the rules learned gender,
appositives, relative clauses and where a name starts: 91.7% (55/60) and 91.5% (54/59, the set now in
eval/heldout, whose failures nobody has read).
"""


@dataclass
class Scores:
    """The evaluation's figures."""

    gold: int
    found: int
    matched: int
    speaker_right: int
    articles: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0


def _norm(text: str | None) -> str | None:
    return None if text is None else " ".join(text.replace("’", "'").casefold().split())


def evaluate(folder: Path = GOLD, verbose: bool = False) -> Scores:
    """Run the detector and the attributor over every annotated article in `folder`."""
    annotations: dict[str, list[list[str | None]]] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    scores = Scores(0, 0, 0, 0, len(annotations))
    for name, items in sorted(annotations.items()):
        article = load_file(str(folder / name))
        assert isinstance(article, Article), f"{name}: {article}"
        found = {_norm(q.text): q for q in article.quotes}
        remaining = Counter(_norm(q.text) for q in article.quotes)
        scores.gold += len(items)
        scores.found += len(article.quotes)
        for text, speaker in items:
            key = _norm(text)
            if remaining[key] <= 0:
                if verbose:
                    print(f"MISSED   {name}: {text!r}")
                continue
            remaining[key] -= 1
            scores.matched += 1
            got = found[key].speaker
            if _norm(got) == _norm(speaker):
                scores.speaker_right += 1
            elif verbose:
                print(f"SPEAKER  {name}: {text[:50]!r}: got {got!r}, want {speaker!r}")
        if verbose:
            for key, n in remaining.items():
                if n > 0:
                    print(f"EXTRA    {name}: {key!r}")
    return scores


def main() -> None:
    for label, folder in (("development set (eval/gold)", GOLD), ("held-out set (eval/heldout)", HELDOUT)):
        scores = evaluate(folder, verbose="-v" in sys.argv)
        print(f"{label}: {scores.articles} articles, {scores.gold} quotes; detector found {scores.found}")
        print(f"  span precision   {scores.precision:6.1%}  ({scores.matched}/{scores.found})")
        print(f"  span recall      {scores.recall:6.1%}  ({scores.matched}/{scores.gold})")
        right = f"{scores.speaker_right}/{scores.matched} found quotes"
        print(f"  speaker accuracy {scores.speaker_accuracy:6.1%}  ({right})")


if __name__ == "__main__":
    main()
