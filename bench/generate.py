"""A deterministic library generator: N articles in both formats, years of dates, ten sections,
quotes with speakers, and planted rare words with known answers.

usage: python -m bench.generate OUT_DIR N [--seed S] [--years Y] [--first-year YYYY]

Dates spread over Y years (default 5) from 1 January of the first year (default 2021).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
from dataclasses import dataclass, field

SECTIONS = ["Europe", "Asia", "Africa", "Americas", "Middle East", "Economy", "Security", "Energy", "Arctic",
            "Climate"]
SPEAKERS = ["Anna Berg", "Tomas Lindqvist", "Priya Raman", "Jonas Ferro", "Mira Kovač", "Ilse Moreau",
            "Luc Marchand", "Greta Hollmann", "Halvard Okafor", "Viktor Orbán"]
VOCAB = ("ministry talks border trade energy pipeline harbour grain market inflation budget summit treaty "
         "election coalition parliament sanctions exports tariffs shipping convoy drone satellite winter "
         "drought flood reservoir refinery strike union court ruling appeal envoy delegation ceasefire "
         "corridor reform subsidy loan bond currency tourism railway airport bridge port cable outage").split()
RARE = ["zephyrine", "quillaback", "marmorate"]
"""Planted words: each appears in exactly the articles listed in Planted.rare."""
PHRASE = "amber lighthouse accord"


@dataclass
class Planted:
    """Known answers for the planted words and phrase."""

    rare: dict[str, set[str]] = field(default_factory=dict)
    phrase: set[str] = field(default_factory=set)


def article_text(i: int, rng: random.Random, start: dt.date, extra: str = "",
                 years: int = 5) -> tuple[str, str, str, dt.date, str]:
    """(relative path, text, section, date, format) of article i, dated within `years` of `start`; `extra`
    ends its first paragraph."""
    date = start + dt.timedelta(days=rng.randrange(0, years * 365))
    section = SECTIONS[i % len(SECTIONS)]
    title = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(3, 7))).capitalize() + f" {i}"
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        words = [rng.choice(VOCAB) for _ in range(rng.randint(40, 90))]
        sentence = " ".join(words).capitalize() + "."
        if rng.random() < 0.5:
            speaker = rng.choice(SPEAKERS)
            quote = " ".join(rng.choice(VOCAB) for _ in range(rng.randint(5, 15))).capitalize()
            sentence += f" “{quote},” said {speaker}."
        paragraphs.append(sentence)
    paragraphs[0] += extra
    if i % 1499 == 11:  # "amber lighthouse" across two paragraphs and across two quotations: no phrase match
        paragraphs[0] += " The light was amber"
        paragraphs[1] = "Lighthouse " + paragraphs[1]
        paragraphs[2] += " “We saw amber,” said Anna Berg. “Lighthouse keepers left,” said Jonas Ferro."
    if i % 2 == 0:
        rel = f"{section.replace(' ', '_')}/{date.isoformat()}-article-{i}.md"
        text = (f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}\nsection: {section}\n"
                f"tags: [generated, t{i % 7}]\n---\n" + "\n\n".join(paragraphs) + "\n")
        return rel, text, section, date, "markdown"
    rel = f"briefings/{date:%Y}/{i:06d}.txt"
    text = f"{date:%B} {date.day}, {date.year}{title}\n" + "\n".join(paragraphs) + f"\n{section}\n{date:%B %Y}\n"
    return rel, text, section, date, "briefing"


def generate(out: str, n: int, seed: int = 42, years: int = 5, first_year: int = 2021) -> Planted:
    """Write n articles dated over `years` years from `first_year` under `out`; return the planted answers."""
    rng = random.Random(seed)
    planted = Planted({w: set() for w in RARE})
    start = dt.date(first_year, 1, 1)
    for i in range(n):
        words = [w for k, w in enumerate(RARE) if i % (997 + 101 * k) == 13]
        extra = "".join(f" Also {w}." for w in words) + (f" The {PHRASE} was signed." if i % 1499 == 7 else "")
        rel, text, _section, _date, _fmt = article_text(i, rng, start, extra, years)
        for w in words:
            planted.rare[w].add(rel)
        if i % 1499 == 7:
            planted.phrase.add(rel)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--years", type=int, default=5, help="spread the dates over this many years (default 5)")
    parser.add_argument("--first-year", type=int, default=2021, help="the first year of dates (default 2021)")
    args = parser.parse_args()
    planted = generate(args.out, args.n, args.seed, max(1, args.years), args.first_year)
    print(f"{args.n} articles in {args.out}; planted: " + ", ".join(f"{w}={len(s)}" for w, s in planted.rare.items()))


if __name__ == "__main__":
    main()
