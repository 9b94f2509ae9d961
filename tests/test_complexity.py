"""Every parser entry point is linear in its input: 8 times the input may cost about 8 times the CPU.

Not a timed test: `bench.complexity` measures CPU time at n and 8n for adversarial shapes (runs of
capitals, `#`, `[`, `**a`, commas in a YAML list, spaces in a title, quote marks…) and the ratio is
checked. It runs in a subprocess with a deadline, so a parser that backtracks exponentially fails
here instead of hanging the suite. `python -m bench.complexity` prints the full table at 64 KB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench.complexity import ENTRY_POINTS, MAX_RATIO, SHAPES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, env_without_home

N = int(os.environ.get("BRIEFING_COMPLEXITY_N", "4096"))
"""The small size (the large one is 8 times this). At 4 KB every entry point on every shape takes about 25 s of CPU
(twice that at 8 KB), and quadratic work shows whenever its 32 KB costs over `FLOOR` (50 ms): 64 times its 4 KB.
`make fuzz` runs it at 16 KB, where a quadratic term 16 times smaller shows; `python -m bench.complexity` prints the
table at 64 KB and 512 KB."""
DEADLINE = 600
"""Seconds one entry point may take on every shape: a backtracking parser fails here instead of hanging."""


@pytest.mark.slow
@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
def test_every_parser_entry_point_is_linear(tmp_path: Path, entry: str) -> None:
    """One subprocess per entry point (so they run in parallel), every shape in it."""
    proc = subprocess.Popen([sys.executable, "-m", "bench.complexity", "--json", "--n", str(N), "--entry", entry],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env_without_home(tmp_path))
    try:
        out, err = proc.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    cases = [json.loads(line) for line in out.decode().splitlines()]
    expected = [(entry, shape) for shape in SHAPES]
    if len(cases) < len(expected):
        stuck = expected[len(cases)]
        pytest.fail(f"no answer from {stuck[0]!r} on {stuck[1]!r} within {DEADLINE} s: {err.decode()[-500:]}")
    assert [(c["entry"], c["shape"]) for c in cases] == expected
    superlinear = [f"{c['entry']} / {c['shape']}: {c['small']:.3f}s -> {c['large']:.3f}s (x{c['ratio']:.1f})"
                   for c in cases if not c["linear"]]
    assert superlinear == [], f"more than x{MAX_RATIO} for 8 times the input"


def test_the_complexity_bench_catches_a_quadratic_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself can fail: a parser that rescans its input per character is flagged."""
    from bench import complexity

    def quadratic(body: str, _n: int) -> None:
        for i in range(0, len(body), 2):  # the rest of its input read again at every other character
            body[i:].count("x")

    monkeypatch.setitem(complexity.ENTRY_POINTS, "quadratic", quadratic)
    monkeypatch.setattr(complexity, "RETRIES", 1)  # measured again once, still 64 times the CPU: flagged
    case = complexity.measure("quadratic", "spaces", N)  # at the size the test above uses
    assert not case.linear and case.ratio > MAX_RATIO


def test_a_case_that_looks_superlinear_once_is_measured_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """One preempted large run is not a verdict: the case is measured again and the least times kept."""
    from bench import complexity

    calls: list[tuple[int, int]] = []
    times = iter([0.01, 0.5, 0.01, 0.3, 0.01, 0.08])  # small, large (preempted), again twice (the first noisy too)

    def fake_cpu(_entry: str, _shape: str, size: int, runs: int = 2) -> float:
        calls.append((size, runs))
        return next(times)

    monkeypatch.setattr(complexity, "_cpu", fake_cpu)
    case = complexity.measure("text file", "spaces", 1000)
    assert calls == [(1000, 2), (8000, 1), (1000, 2), (8000, 2), (1000, 2), (8000, 2)]
    assert (case.small, case.large) == (0.01, 0.08) and case.linear
    calls.clear()
    times = iter([0.01, 0.05])
    assert complexity.measure("text file", "spaces", 1000).linear and calls == [(1000, 2), (8000, 1)]


HUNT = max(8, int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "8")) // 100)
"""Shapes Hypothesis tries per run: a few in `make test`, 200 in `make fuzz`."""
_MARKS = st.sampled_from([*"#*_[]()<>`!&;:,.'\"-+=|~ \n\tOoA1", "“", "”", "«", "»", "„", "‘", "’", "said ", "Mr. "])


@pytest.mark.slow
@settings(max_examples=HUNT, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(_MARKS, min_size=1, max_size=6).map("".join),
       suffix=st.sampled_from([".txt", ".md", ".html", ".eml"]))
def test_hypothesis_hunts_for_a_superlinear_shape(unit: str, suffix: str) -> None:
    """Any repeated unit of markup characters, as a whole file: 8 times the text, about 8 times the CPU."""
    from bench.complexity import FLOOR, _parse

    from briefing_tui.core.quotes import tokens

    def cpu(size: int, runs: int = 2) -> float:
        text = "T\n\n" + unit * (size // len(unit))
        best = float("inf")
        for _ in range(runs):
            tokens.forget()  # as bench.complexity: each run from cold, or a remembered paragraph looks free
            started = time.process_time()
            _parse(text, suffix)
            best = min(best, time.process_time() - started)
        return best

    def linear(small: float, large: float) -> bool:
        return large < FLOOR or large / max(small, 1e-4) <= MAX_RATIO

    # The sizes of bench.complexity (N and 8N).
    small, large = cpu(N), cpu(8 * N, runs=1)  # as bench.complexity.measure: again only if it looks superlinear
    if not linear(small, large):
        small, large = min(small, cpu(N)), min(large, cpu(8 * N))
    assert linear(small, large), (unit, small, large)


def test_attribution_reads_no_further_than_the_last_quote_it_attributes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by make fuzz's hunt (`O1Mr. “` repeated): in a paragraph of more quotes than are attributed, the text
    after the last attributed one was read on, its quotes unmasked, at 16 times the cost of a paragraph of fewer
    quotes for 8 times the text. Past MAX_ATTRIBUTED nothing more is asked of the memory: nothing is read there."""
    from briefing_tui.core.quotes import attribution
    from briefing_tui.core.quotes.spans import find_spans

    paragraph = "O1Mr. “" * (attribution.MAX_ATTRIBUTED * 2 + 50)
    spans = find_spans([paragraph])
    assert len(spans) > attribution.MAX_ATTRIBUTED
    read: list[int] = []
    real_learn = attribution.learn

    def learn(text: str, masked: str, start: int, end: int, *rest: object) -> None:
        read.append(end)
        real_learn(text, masked, start, end, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(attribution, "learn", learn)
    attribution.attribute([paragraph], spans)
    assert max(read) <= spans[attribution.MAX_ATTRIBUTED].start
