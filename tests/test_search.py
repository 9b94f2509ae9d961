"""Search: exact result sets for every operator and filter, agreement with a brute-force scan, cache life."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from bench.matching import article_document, matches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.cli import main
from briefing_tui.core.library.scan import load_library
from briefing_tui.core.search.index import USER_VERSION, Index, open_index, snippet_pieces
from briefing_tui.core.search.query import QueryError, as_you_type, parse
from tests.conftest import SEEDS, env_without_home, write

DOCS = {
    "a.md": ("---\ntitle: Putin and the ceasefire\ndate: 2025-06-27\nsection: Ukraine - Russia War\ntags: [nato]\n---\n"
             "Viktor Orbán met Kilroy-Silk. “We will invest heavily,” said Mark Rutte.\n"),
    "b.md": ("---\ntitle: Investment summit\ndate: 2025-06-02\nsection: Economy\ntags: [trade, nato]\n---\n"
             "Investors discussed the ceasefire. The word putin appears here too.\n"),
    "c.md": ("---\ntitle: Arctic notes\ndate: 2024-12-31\nsection: Arctic\n---\n"
             "Ice and shipping. “Putin is not here,” an analyst said. Kilroy and Silk were apart.\n"),
    "d.txt": "Undated note\n\nNothing about the summit at all, only kilroy-silk.\n",
}


def indexed(root: Path, docs: dict[str, str]) -> Index:
    """An index in memory over `docs` (file name -> text), written under `root`."""
    for name, text in docs.items():
        write(root / name, text)
    idx = open_index(None)
    idx.refresh([str(root)])
    return idx


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return indexed(tmp_path_factory.mktemp("lib"), DOCS)


def ids(index: Index, q: str) -> set[str]:
    total, results = index.search(parse(q), limit=100)
    assert total == len(results)
    return {r.summary["id"] for r in results}


@pytest.mark.parametrize(("query", "expected"), [
    ("putin ceasefire", {"a.md", "b.md"}),
    ("PUTIN", {"a.md", "b.md", "c.md"}),
    ("orban", {"a.md"}),  # diacritics folded
    ('"will invest"', {"a.md"}),
    ("« will invest »", {"a.md"}),  # French quotation marks, spaced as French typography spaces them
    ("„will invest“", {"a.md"}),  # German ones, and English curly ones
    ("“will invest”", {"a.md"}),
    ('section:« Ukraine - Russia War »', {"a.md"}),
    ("Kilroy-Silk", {"a.md", "d.txt"}),  # a phrase: c.md has both words apart
    ("invest*", {"a.md", "b.md"}),
    ("arctic OR investors", {"b.md", "c.md"}),
    ("putin -ceasefire", {"c.md"}),
    ("putin NOT ceasefire", {"c.md"}),
    ("putin AND NOT ceasefire", {"c.md"}),  # AND is a space, so `AND NOT` is NOT (a tryout's first query)
    ("putin AND -ceasefire", {"c.md"}),
    ("Putin: NOT ceasefire", {"c.md"}),  # a colon after a word with no value is pasted text, no field
    ("putin\tNOT\nceasefire\r\n", {"c.md"}),  # pasted from a wrapped text: tabs and line breaks are spaces
    ("(putin) AND NOT (ceasefire)", {"c.md"}),
    ("-putin", {"d.txt"}),
    ("(arctic OR investors) ceasefire", {"b.md"}),
    ("section:economy OR section:arctic", {"b.md", "c.md"}),
    ("title:putin", {"a.md"}),
    ("title:\"investment summit\"", {"b.md"}),
    ('section:"Ukraine - Russia War"', {"a.md"}),
    ("section:economy", {"b.md"}),
    ("tag:nato", {"a.md", "b.md"}),
    ("speaker:rutte", {"a.md"}),
    ('speaker:"mark rutte" invest*', {"a.md"}),
    ("date:2025", {"a.md", "b.md"}),
    ("date:2025-06", {"a.md", "b.md"}),
    ("date:2025-06-27", {"a.md"}),
    ("date:2024-12-01..2025-06-02", {"b.md", "c.md"}),
    ("date:..2025-06", {"a.md", "b.md", "c.md"}),
    ("date:2025-06-03..", {"a.md"}),
    ("putin date:2024", {"c.md"}),
    ("putin OR date:2024", {"a.md", "b.md", "c.md"}),
    ("in:quotes putin", {"c.md"}),
    ("in:quotes invest", {"a.md"}),
    ("summit -date:2025", {"d.txt"}),
])
def test_exact_result_sets(index: Index, query: str, expected: set[str]) -> None:
    assert ids(index, query) == expected


def test_a_search_for_a_speaker_shows_what_the_speaker_said() -> None:
    """`speaker:rutte` listed the article's speakers as its snippet (`Donald Trump … Mark Rutte`); a tryout
    wanted the words: each result's first quote by the speaker, the name marked."""
    index = open_index(None)
    index.refresh([str(SEEDS)])
    _, results = index.search(parse("speaker:rutte"), limit=5)
    assert [r.snippets for r in results] == [[
        "“If we do not invest now, we are really at risk that the Russians might try…” — \x02Mark Rutte\x03"]]
    _, results = index.search(parse("speaker:rutte invest"), limit=5)  # with words: FTS5's snippet, as before
    assert results and "\x02" in results[0].snippets[0] and "—" not in results[0].snippets[0]


def test_ranking_prefers_title_then_newest(index: Index) -> None:
    _, results = index.search(parse("putin"))
    assert results[0].summary["id"] == "a.md"
    _, by_date = index.search(parse("putin"), sort="date")
    assert [r.summary["id"] for r in by_date] == ["a.md", "b.md", "c.md"]


def test_snippets_mark_hits(index: Index) -> None:
    _, results = index.search(parse("shipping"))
    assert results[0].snippets and "\x02shipping\x03" in results[0].snippets[0].lower()


def test_a_mistyped_field_names_the_nearest_one() -> None:
    with pytest.raises(QueryError, match=r"^Unknown field speker: \(did you mean speaker:\?\)$"):
        parse("speker:rutte")
    with pytest.raises(QueryError, match=r"^Unknown field note: \(use title:"):
        parse("note:this")
    assert parse("https://example.org/a").terms[0].words == ("https", "example", "org", "a")  # a pasted address


def test_a_date_range_written_with_spaces_says_how_to_write_it() -> None:
    with pytest.raises(QueryError, match=r"a date range has no spaces: date:2019-09\.\.2019-10"):
        parse("date:2019-09 .. 2019-10")


@pytest.mark.parametrize("bad", ['"unbalanced', "(", ")", "AND", "OR OR", "section:", "date:2025-13",
                                 "date:99999999999", "*", "-", "NEAR(", "a\x01b", "a\x1b[31m", "in:nowhere",
                                 "foo:bar", "a OR", "NOT", "()", "date:2025-02-30", "date:2025..2024",
                                 "a AND OR b", "a AND AND b", "a AND NOT", "a AND"])
def test_bad_queries_are_one_sentence(bad: str) -> None:
    with pytest.raises(QueryError) as exc:
        parse(bad)
    message = str(exc.value)
    assert message and "\n" not in message and "fts5" not in message.lower() and "sql" not in message.lower()


@pytest.mark.parametrize("bad", ['"unbalanced', "(", "AND", "OR OR", "section:", "date:2025-13", "*", "-", "NEAR("])
def test_cli_bad_query_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["--private", "search", bad, str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_cli_search_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--private", "search", "Rutte", str(SEEDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "Rutte" and data["total"] == 1
    (result,) = data["results"]
    assert result["title"] == "Clash Report" and result["score"] > 0 and "⟦Rutte⟧" in result["snippets"][0]


# --- negations and depth: whatever parses, SQLite can run -----------------------------------------------------


@pytest.mark.parametrize(("query", "negated"), [
    ("-" * 50 + "putin", False), ("-" * 60 + "putin", False), ("-" * 990 + "putin", False),
    ("-" * 991 + "putin", True), ("NOT NOT NOT putin", True), ("-NOT -putin", True), ("NOT -putin", False),
    ("-(-(-putin))", True), ("summit " + "-" * 61 + "(-putin)", False),
])
def test_negations_cancel_in_pairs(index: Index, query: str, negated: bool) -> None:
    everything = {"a.md", "b.md", "c.md", "d.txt"}
    with_putin = {"a.md", "b.md", "c.md"}
    expected = everything - with_putin if negated else with_putin
    if query.startswith("summit"):
        expected = {"b.md"}
    assert ids(index, query) == expected
    parsed = parse(query)
    assert index.hits_per_month(parsed) is not None and index.find_quotes(parsed)[0] >= 0
    assert len(parse(query).terms) == (0 if negated else 1 + query.startswith("summit"))  # hits highlighted


@pytest.mark.parametrize("deep", ["-(date:2025 OR " * 11 + "putin" + ")" * 11, "(" * 21 + "a" + ")" * 21,
                                  "-(a " * 21 + "b" + ")" * 21, "putin " + "-a " * 64, "- NOT -x", "-NOT x OR"])
def test_queries_too_deep_for_the_engine_are_one_sentence(deep: str) -> None:
    with pytest.raises(QueryError) as exc:
        parse(deep)
    assert str(exc.value) and "\n" not in str(exc.value)


@pytest.mark.parametrize("deepest", ["-(date:2025 OR " * 10 + "putin" + ")" * 10,
                                     "-(date:2025 -(a OR " * 5 + "putin" + "))" * 5,
                                     "(a OR " * 19 + "putin " + "-a " * 40 + ")" * 19, "putin " + "-a " * 63,
                                     "in:quotes " + "-(speaker:x OR " * 10 + "putin" + ")" * 10])
def test_the_deepest_queries_allowed_run(index: Index, deepest: str) -> None:
    query = parse(deepest)
    total, results = index.search(query)
    assert total >= len(results) and sum(index.hits_per_month(query).values()) <= total
    assert len(index.quote_ids(query)) == index.find_quotes(query)[0]


@pytest.mark.parametrize("args", [["search", "--", "-" * 50 + "x"], ["search", "--", "-" * 990 + "x"],
                                  ["quotes", "--query=" + "-" * 60 + "x"], ["quotes", "--query=NOT NOT NOT putin"]])
def test_cli_many_negations_answer_without_a_traceback(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert main(["--private", *args, str(SEEDS)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out


@pytest.mark.parametrize(("args", "method"), [(["search", "putin"], "search"),
                                             (["quotes", "-q", "putin"], "iter_quotes")])
def test_cli_a_query_the_engine_refuses_is_one_line_exit_2(capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch, args: list[str],
                                                            method: str) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("parser stack overflow")

    monkeypatch.setattr(Index, method, refuse)
    assert main(["--private", *args, str(SEEDS)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "briefing: The search engine could not run this query; try a " \
        "simpler one.\n"


# --- agreement with brute force ---------------------------------------------------------------------------------

WORDS = ["alpha", "beta", "gamma", "delta", "echo", "Ökonomie", "naïve", "omega", "kappa", "zeta"]


def make_corpus(root: Path, n: int, seed: int) -> dict[str, str]:
    import random

    rng = random.Random(seed)
    texts = {}
    for i in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 25)))
        name = f"doc{i:03d}.txt"
        write(root / name, f"Title {i}\n\n{body}.\n")
        texts[name] = f"Title {i} {body}"
    return texts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Index, dict[str, str]]:
    root = tmp_path_factory.mktemp("corpus")
    texts = make_corpus(root, 120, seed=7)
    idx = open_index(None)
    idx.refresh([str(root)])
    return idx, texts


def brute_force(texts: dict[str, str], words: list[str]) -> set[str]:
    import re
    import unicodedata

    def norm(s: str) -> list[str]:
        s = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))
        return re.findall(r"\w+", s)

    want = norm(" ".join(words))
    found = set()
    for name, text in texts.items():
        toks = norm(text)
        if any(toks[i:i + len(want)] == want for i in range(len(toks) - len(want) + 1)):
            found.add(name)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from([*WORDS, "ALPHA", "okonomie", "naive", "missing"]), min_size=1, max_size=2),
       phrase=st.booleans())
def test_single_words_and_phrases_agree_with_brute_force(corpus: tuple[Index, dict[str, str]], words: list[str],
                                                         phrase: bool) -> None:
    index, texts = corpus
    q = f'"{" ".join(words)}"' if phrase or len(words) == 1 else words[0]
    used = words if phrase or len(words) == 1 else words[:1]
    assert ids(index, q) == brute_force(texts, used)


def test_index_agrees_with_python_matcher_on_samples() -> None:
    library = load_library([str(SEEDS)])
    idx = open_index(None)
    idx.refresh([str(SEEDS)])
    for q in ["nato", "putin -trump", "date:2025-06 section:europe", "speaker:brandt", "in:quotes ready",
              "fictional OR nato", "title:harbour", "tag:sample -tag:deutsch"]:
        query = parse(q)
        expected = {a.id for a in library.articles if matches(query, article_document(a))}
        assert ids(idx, q) == expected, q


# --- the cache -----------------------------------------------------------------------------------------------


def test_a_problem_of_the_moment_is_read_again_at_the_next_refresh(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse that failed for a reason of the moment (memory ran out under `ulimit -v`; a tryout) was kept as the
    file's problem until the file changed, `r` and restarts included; one of the bytes (a NUL) is kept."""
    from briefing_tui.core.formats import detect

    root = tmp_path / "lib"
    write(root / "a.txt", "Alpha\n\nfirst body.\n")
    write(root / "nul.txt", b"Title\0\n\nbody\n")
    idx = open_index(tmp_path / "cache" / "index.sqlite")
    real = detect.parse_text

    def short_of_memory(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(detect, "parse_text", short_of_memory)
    idx.refresh([str(root)], workers=0)
    assert [p["reason"] for p in idx.problems()] == ["could not parse file (MemoryError)",
                                                     "binary file (contains NUL bytes)"]
    monkeypatch.setattr(detect, "parse_text", real)
    stats = idx.refresh([str(root)], workers=0)
    assert stats.parsed == 1 and ids(idx, "body") == {"a.txt"}  # read again, though it did not change
    assert [p["reason"] for p in idx.problems()] == ["binary file (contains NUL bytes)"]
    assert idx.refresh([str(root)], workers=0).parsed == 0
    idx.close()


def test_cache_refresh_add_change_delete(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write(root / "a.txt", "Alpha\n\nfirst body.\n")
    write(root / "b.txt", "Beta\n\nsecond body.\n")
    path = tmp_path / "cache" / "index.sqlite"
    idx = open_index(path)
    assert idx.refresh([str(root)]).parsed == 2
    assert idx.refresh([str(root)]).parsed == 0  # warm: nothing re-read
    write(root / "c.txt", "Gamma\n\nthird body.\n")
    write(root / "a.txt", "Alpha\n\nchanged wording here.\n")
    os.utime(root / "a.txt", ns=(1, 1))
    (root / "b.txt").unlink()
    stats = idx.refresh([str(root)])
    assert (stats.parsed, stats.removed) == (2, 1)
    assert ids(idx, "body") == {"c.txt"} and ids(idx, "changed") == {"a.txt"} and ids(idx, "second") == set()
    idx.close()
    assert oct(path.stat().st_mode & 0o777) == "0o600" and oct(path.parent.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize(("on_disk", "seconds", "commits"), [
    (True, 60.0, [3, 9, 19, 29, 39, 40]),  # transactions of 3, 6, 10, 10, 10 and the last one
    (True, 0.0, [3, *range(6, 40, 3), 40]),  # each open past TRANSACTION_SECONDS after its first batch
    (False, 60.0, [3, *range(6, 40, 3), 40]),  # in memory, where reading waits for the writer: one batch each
])
def test_a_refresh_stores_in_transactions_that_double_up_to_a_cap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_disk: bool, seconds: float, commits: list[int]) -> None:
    """A refresh's first transaction holds one small batch (a first start lists it at once); each next one twice
    as many, up to TRANSACTION_MAX files or TRANSACTION_SECONDS: fewer, bigger FTS5 segments to merge. Progress
    is told at each commit. Every file is stored, and found, whatever the transactions were."""
    from briefing_tui.core.search import index as index_module

    monkeypatch.setattr(index_module, "BATCH", 3)
    monkeypatch.setattr(index_module, "TRANSACTION_MAX", 10)
    monkeypatch.setattr(index_module, "TRANSACTION_SECONDS", seconds)
    root = tmp_path / "lib"
    for i in range(40):
        write(root / f"n{i:02d}.txt", f"Note {i}\n\nword{i} body.\n")
    idx = open_index(tmp_path / "cache" / "index.sqlite" if on_disk else None)
    done: list[int] = []

    def told(n: int, total: int) -> None:
        assert idx.article_count() == n  # committed: what a reader lists now
        done.append(n)

    assert idx.refresh([str(root)], progress=told).parsed == 40
    assert done == commits
    assert ids(idx, "word0 OR word39") == {"n00.txt", "n39.txt"} and len(ids(idx, "body")) == 40
    assert idx.db.execute("SELECT v FROM fts_config WHERE k = 'hashsize'").fetchone() == (index_module.HASH_SIZE,)
    idx.close()


def test_cache_from_older_quote_rules_is_rebuilt(tmp_path: Path) -> None:
    """Speakers live in the cache: after an upgrade that changes the rules, they must not be stale."""
    root = tmp_path / "lib"
    write(root / "a.txt", "Alpha\n\n“Ready,” said Anna Berg.\n")
    path = tmp_path / "index.sqlite"
    idx = open_index(path)
    idx.refresh([str(root)])
    idx.db.execute("UPDATE quotes SET speaker = 'Old Rules'")
    idx.db.execute(f"PRAGMA user_version = {USER_VERSION - 1}")  # written by the previous rules
    idx.close()
    idx = open_index(path)
    idx.refresh([str(root)])
    assert [hit.quote.speaker for hit in idx.find_quotes(None)[1]] == ["Anna Berg"]
    idx.close()


@pytest.mark.parametrize("damage", ["garbage", "foreign", "newer"])
def test_bad_cache_file_is_rebuilt(tmp_path: Path, damage: str) -> None:
    root = tmp_path / "lib"
    write(root / "a.txt", "Alpha\n\nbody.\n")
    path = tmp_path / "index.sqlite"
    if damage == "garbage":
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    else:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE other(x)")
        if damage == "newer":
            db.execute("PRAGMA application_id = 1112688177")
            db.execute("PRAGMA user_version = 99")
        db.commit()
        db.close()
    idx = open_index(path)
    idx.refresh([str(root)])
    assert ids(idx, "body") == {"a.txt"}


def test_two_processes_share_one_cache(tmp_path: Path, isolated_home: Path) -> None:
    root = tmp_path / "lib"
    for i in range(1200):  # more than one batch, so the processes interleave their writes
        write(root / f"{i}.txt", f"Story {i}\n\nshared words {i}.\n")
    env = env_without_home(isolated_home)
    cmd = [sys.executable, "-m", "briefing_tui", "search", "shared", str(root), "--json", "--limit", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    totals = [json.loads(o[0])["total"] for o in outs]
    assert totals == [1200] * 4, (totals, [o[1].decode()[-300:] for o in outs])  # which process saw what, if one fails
    (cache,) = (isolated_home / "cache" / "briefing-tui").glob("index-*.sqlite")
    index = open_index(cache)
    assert index.search(parse("shared"))[0] == 1200
    assert index.db.execute("SELECT count(*) FROM files").fetchone()[0] == 1200


def test_parallel_refresh_stores_what_a_serial_one_does(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for i in range(450):  # above PARALLEL_FROM
        write(root / f"s{i % 4}" / f"{i}.md", f"---\ntitle: Story {i}\ndate: 2024-01-{1 + i % 28:02d}\n---\n"
              f"Body {i} “quoted {i},” said Anna Berg{i}.\n")
    write(root / "bad.txt", b"\x00")
    serial, parallel = open_index(None), open_index(None)
    serial.refresh([str(root)])
    stats = parallel.refresh([str(root)], workers=2)
    assert stats.parsed == 451
    assert list(serial.iter_summaries()) == list(parallel.iter_summaries()) and serial.article_count() == 450
    assert serial.problems() == parallel.problems() and len(parallel.problems()) == 1
    assert ids(parallel, "speaker:berg17") == {"s1/17.md"}


def test_a_common_word_ranks_only_the_newest_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past RANK_CAP matches, relevance is computed for the newest RANK_CAP only; the count stays exact."""
    from briefing_tui.core.search import index as index_module

    root = tmp_path / "lib"
    for day in range(1, 21):  # day 2 is old but says "harbour" most often: it wins on relevance
        body = ("harbour " * (20 if day == 2 else 1) if day in (2, 17, 18, 19, 20) else "other ") + "news."
        write(root / f"{day:02d}.md", f"---\ntitle: Day {day}\ndate: 2025-03-{day:02d}\n---\n{body}\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    total, results = idx.search(parse("harbour"), limit=3)
    assert total == 5 and results[0].summary["title"] == "Day 2"
    monkeypatch.setattr(index_module, "RANK_CAP", 4)
    total, results = idx.search(parse("harbour"), limit=3)
    assert total == 5
    assert {r.summary["title"] for r in results} <= {"Day 20", "Day 19", "Day 18", "Day 17"}
    assert all(r.snippets and "\x02harbour\x03" in r.snippets[0] for r in results)
    total, results = idx.search(parse("news date:2025-03-01..2025-03-05"), limit=10, sort="date")
    assert total == 5 and [r.summary["title"] for r in results] == ["Day 5", "Day 4", "Day 3", "Day 2", "Day 1"]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_filtered_ranking_matches_the_sql_order(tmp_path: Path, sort: str) -> None:
    """A filtered search ranks its few matches in Python: the order must be exactly the SQL ORDER BY's."""
    from briefing_tui.core.search.index import _WEIGHTS, VANISHED, compile_query

    root = tmp_path / "lib"
    for i in range(60):
        date = f"date: 2025-0{1 + i % 3}-{1 + i % 7:02d}\n" if i % 11 else ""
        body = " ".join(["harbour"] * (1 + i % 4) + ["filler"] * (i % 9))
        write(root / f"{i:02d}.md", f"---\ntitle: Story {i % 5}\n{date}section: S{i % 2}\n---\n{body}.\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    for text in ("harbour section:s1", "harbour date:2025-02", "harbour date:2025-01..2025-02",
                 "filler date:..2025-02", "harbour -date:2025-01", "(harbour OR filler) -date:2025-03"):
        query = parse(text)
        match, where, params = compile_query(query)
        order = (f"round(s, 4), {VANISHED.replace('score', 's')}, a.date IS NULL, a.date DESC, a.id"
                 if sort == "relevance"
                 else "a.date IS NULL, a.date DESC, round(s, 4), a.id")
        expected = [json.loads(row[0])["id"] for row in idx.db.execute(
            f"SELECT a.summary, bm25(fts, {_WEIGHTS}) AS s FROM fts JOIN articles a ON a.id = fts.rowid "
            f"WHERE fts MATCH ? AND {where} ORDER BY {order} LIMIT 15", [match, *params])]
        total, results = idx.search(query, limit=15, sort=sort)
        assert [r.summary["id"] for r in results] == expected, text
        assert text.startswith("harbour section") or where != "1"  # the filtered path is the one under test
        assert total >= len(expected) > 0


# --- phrases stay inside one paragraph, one quotation, one tag, one speaker ---------------------------------

BOUNDARY_DOCS = {
    "across-quotes.txt": ("Across quotes\n\n“We saw the amber,” she said, and later: “Harbour fees rose,” "
                          "said Anna Berg.\n"),
    "across-paragraphs.txt": "Across paragraphs\n\nThe light was amber\n\nHarbour fees rose.\n",
    "across-tags.md": "---\ntitle: Across tags\ntags: [amber, harbour]\n---\nBody.\n",
    "across-speakers.txt": ("Across speakers\n\n“Yes,” said Lena Amber.\n\n“No,” said Harbour Jones.\n"),
    "inside-paragraph.txt": "Inside a paragraph\n\nThe light was amber. Harbour fees rose.\n",
    "inside-quote.txt": "Inside a quote\n\n“The amber, harbour lights are on,” said Anna Berg.\n",
}


@pytest.fixture(scope="module")
def bounded(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return indexed(tmp_path_factory.mktemp("bounded"), BOUNDARY_DOCS)


@pytest.mark.parametrize(("query", "expected"), [
    ('"amber harbour"', {"inside-paragraph.txt", "inside-quote.txt"}),
    ('in:quotes "amber harbour"', {"inside-quote.txt"}),
    ('tag:"amber harbour"', set()),
    ('speaker:"amber harbour"', set()),
    ("amber harbour", {"across-quotes.txt", "across-paragraphs.txt", "across-speakers.txt", "inside-paragraph.txt",
                       "inside-quote.txt"}),  # plain words still match anywhere in title, body and quotes
])
def test_a_phrase_never_matches_across_two_parts(bounded: Index, query: str, expected: set[str]) -> None:
    assert ids(bounded, query) == expected


def test_quotes_of_a_speaker_phrase_stay_inside_one_quote(bounded: Index) -> None:
    _, hits = bounded.find_quotes(parse('"amber harbour"'))
    assert [h.quote.text for h in hits] == ["The amber, harbour lights are on,"]


def test_snippets_show_a_boundary_as_an_ellipsis(bounded: Index) -> None:
    from briefing_tui.core.search.index import marked_snippet

    _, results = bounded.search(parse("harbour"), limit=10)
    snippets = [marked_snippet(s) for r in results for s in r.snippets]
    assert snippets and all("\ue000" not in s for s in snippets)
    assert any("amber … ⟦Harbour⟧" in s for s in snippets), snippets


@pytest.mark.parametrize(("snippet", "shown"), [
    ("…\ue000\nVladimir \x02Putin\x03 said…", "…Vladimir ⟦Putin⟧ said…"),  # began at a part's start
    ("Vladimir \x02Putin\x03 said\n\ue000\n…", "Vladimir ⟦Putin⟧ said…"),  # ended at a part's end
    ("\ue000\n\x02Putin\x03 said\n\ue000\nHe", "…⟦Putin⟧ said … He"),
    ("…a \x02Putin\x03 b…", "…a ⟦Putin⟧ b…"),
    ("\x02Putin\x03", "⟦Putin⟧"),
])
def test_a_snippet_has_one_ellipsis_at_a_part_boundary(snippet: str, shown: str) -> None:
    from briefing_tui.core.search.index import marked_snippet

    assert marked_snippet(snippet) == shown


_PARTS = st.lists(st.lists(st.sampled_from(WORDS[:5]), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=_PARTS, quotes=_PARTS, phrase=st.lists(st.sampled_from(WORDS[:5]), min_size=2, max_size=2))
def test_phrases_agree_with_a_brute_force_scan_of_each_part(tmp_path_factory: pytest.TempPathFactory,
                                                            paragraphs: list[str], quotes: list[str],
                                                            phrase: list[str]) -> None:
    """Paragraphs and quotations of random words: a phrase is found exactly where one part holds it."""
    root = tmp_path_factory.mktemp("parts")
    body = "\n\n".join([*paragraphs, " ".join(f"“{q},” said Anna Berg." for q in quotes)])
    idx = indexed(root, {"doc.txt": f"Zzz\n\n{body}\n"})
    parts = [*paragraphs, *quotes]
    expected = {"doc.txt"} if any(f" {' '.join(phrase)} " in f" {p} " for p in parts) else set()
    assert ids(idx, f'"{" ".join(phrase)}"') == expected
    (article,) = load_library([str(root)]).articles
    assert matches(parse(f'"{" ".join(phrase)}"'), article_document(article)) == bool(expected)


# --- documents: Markdown, web pages, e-mail ------------------------------------------------------------------

SAMPLES = {"md": "2025-06-14-catch-data-opened.md", "html": "grid-link-timetable.html",
           "eml": "morning-brief-2025-06-20.eml"}


@pytest.fixture(scope="module")
def seeds_index() -> Index:
    idx = open_index(None)
    idx.refresh([str(SEEDS)])
    return idx


@pytest.mark.parametrize(("query", "expected"), [
    ("spreadsheet", {"md"}),  # a numbered list item
    ('"was published"', {"md"}),  # a heading
    ("speaker:kovač", {"md"}),
    ('in:quotes "stocks need a pause"', {"md"}),  # a block quote
    ("tenders", {"html"}),  # a list item of the page
    ("speaker:ferro", {"html"}),
    ("section:energy", {"html"}),
    ("speaker:brandt section:maritime", {"eml"}),
    ("tag:newsletter", {"eml"}),
    ('"quiet year"', {"eml"}),
    ("subscribe OR unrelated OR tracker OR nobody", set()),  # a form, an aside, a script: not the article
    ("unsubscribe", set()),  # the signature; the attachment is never opened
    ("1180", {"md"}),  # code is searched (no quotation is looked for in it)
    ("phase", {"html"}),  # so is a table's text (a header cell)
    ("wiki OR more", set()),  # a comment and a link's target are not words of the text
])
def test_documents_are_searched_by_their_words(seeds_index: Index, query: str, expected: set[str]) -> None:
    names = {v: k for k, v in SAMPLES.items()}
    assert {names[i] for i in ids(seeds_index, query) if i in names} == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_common_words_skip_scoring_without_changing_the_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             seed: int) -> None:
    """When every phrase a query scores is in no article or in half of them or more, bm25's scores all round
    to 0 and the order is by date: the searches that skip scoring (and those that look for the newest matches
    one by one) return exactly what scoring returns, every count, order and snippet."""
    import random

    from briefing_tui.core.search import index as index_module

    rng = random.Random(seed)
    root = tmp_path / "lib"
    days = rng.sample(range(300), 120)
    for i in range(120):
        words = [w for w, share in (("harbour", 0.7), ("harbours", 0.6), ("tariff", 0.55), ("tariffs", 0.5),
                                    ("rare", 0.1), ("news", 1.0)) if rng.random() < share]
        # Days of their own: scoring ranks the RANK_CAP newest, cut inside a day in index order (the looks
        # one by one take that day whole), which only a day of more than RANK_CAP articles can show.
        date = f"date: {dt.date(2025, 1, 1) + dt.timedelta(days=days.pop())}\n" if rng.random() < 0.9 else ""
        body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        lang = "lang: fr\n" if i % 5 == 0 else ""  # a form of two languages is one phrase twice in the query
        write(root / f"{i:03d}.md", f"---\ntitle: Story {i % 7}\n{date}{lang}---\n{body}.\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    assert any(len(held.found) > 1 for held in (idx.forms("harbour"), idx.forms("tariff")))
    monkeypatch.setattr(index_module, "RANK_CAP", 30)
    monkeypatch.setattr(index_module, "PROBED", 5 + seed * 10)  # too few to find them all, or enough
    queries = ["harbour", "harbours", "tariff", "harbour tariff", "harbours tariffs", "harbour*", "news",
               "harbour -rare", "harbour -harbours", "tariff date:2025-03..2025-09",
               "harbour date:2025-02..2025-03", "rare", "harbour OR rare", "news date:2025-01"]
    shortcut = Index._scores_vanish

    def results(text: str, sort: str, limit: int) -> tuple[int, list[tuple[str, float, list[str]]]]:
        total, found = idx.search(parse(text), limit=limit, sort=sort)
        return total, [(r.summary["id"], r.score, r.snippets) for r in found]

    taken = []
    monkeypatch.setattr(Index, "_scores_vanish", lambda *a: taken.append(shortcut(*a)) or taken[-1])
    fast = {(q, s, n): results(q, s, n) for q in queries for s in ("relevance", "date") for n in (3, 20)}
    monkeypatch.setattr(Index, "_scores_vanish", lambda *a: None)
    scored = {(q, s, n): results(q, s, n) for q in queries for s in ("relevance", "date") for n in (3, 20)}
    assert fast == scored
    assert any(t is not None for t in taken) and any(t is None for t in taken)  # both ways were taken


def test_the_newest_matches_of_a_common_word_take_a_day_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many articles a day: the newest matches of a common word are the newest days', by id within a day,
    whether the articles looked at one by one hold them all or not (then the RANK_CAP newest are ordered)."""
    from briefing_tui.core.search import index as index_module

    root = tmp_path / "lib"
    for i in range(60):  # 6 days of 10 articles; 2 in 3 say "harbour"
        body = "harbour news" if i % 3 else "other news"
        write(root / f"{i:02d}.md", f"---\ntitle: Story {i}\ndate: 2025-03-0{1 + i % 6}\n---\n{body}.\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    monkeypatch.setattr(index_module, "RANK_CAP", 30)
    row = dict(idx.db.execute("SELECT ident, id FROM articles").fetchall())  # ties go by the index's own order
    expected = sorted((i for i in range(60) if i % 3), key=lambda i: (-(i % 6), row[f"{i:02d}.md"]))
    for probed in (5, 12, 25, 100):
        monkeypatch.setattr(index_module, "PROBED", probed)
        for limit in (4, 9, 15):
            total, results = idx.search(parse("harbour"), limit=limit)
            assert total == 40
            assert [r.summary["id"] for r in results] == [f"{i:02d}.md" for i in expected[:limit]], (probed, limit)


def test_the_index_built_by_workers_holds_what_one_built_here_holds() -> None:
    """Rows built in the parse workers and numbered in a batch are the rows, and ids, of storing each article here."""
    from briefing_tui.core.library.workers import ParsePool
    from briefing_tui.core.search.index import open_index

    here, there = open_index(None), open_index(None)
    here.refresh([str(SEEDS)])
    with ParsePool(2) as pool:
        there.refresh([str(SEEDS)], pool=pool)
    for sql in ("SELECT * FROM files", "SELECT * FROM articles", "SELECT * FROM quotes", "SELECT rowid, * FROM fts",
                "SELECT rowid FROM qfts WHERE qfts MATCH 'said OR the OR a'"):
        assert here.db.execute(sql + " ORDER BY 1").fetchall() == there.db.execute(sql + " ORDER BY 1").fetchall()
    here.close()
    there.close()


@pytest.mark.parametrize("cap", [10, 5000])
def test_a_query_of_fields_lists_newest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int) -> None:
    """`section:`, `tag:` and `speaker:` are filters: their articles come newest first with score 0, as a
    query of dates does, in every way the search can go (few matches or more than RANK_CAP, a date filter).
    bm25 would put the shortest articles first: here the newest are the longest."""
    from briefing_tui.core.search import index as index_module

    root = tmp_path / "lib"
    for i in range(30):
        words = " ".join(["harbour"] * (1 + 3 * i))
        write(root / "energy" / f"{i:02d}.md",
              f"---\ntitle: Story {i}\ndate: 2025-03-{1 + i:02d}\ntags: [grid]\n---\n"
              f"The {words}. “We will see,” said Anna Berg.\n")
    for j in range(40):  # most articles are elsewhere: `harbour` and `energy` weigh something in bm25
        write(root / "other" / f"{j:02d}.md", f"---\ntitle: Other\ndate: 2025-04-{1 + j % 28:02d}\n---\nNothing.\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    monkeypatch.setattr(index_module, "RANK_CAP", cap)
    newest = [f"energy/{i:02d}.md" for i in reversed(range(30))]
    for text, expected in [("section:energy", newest), ("tag:grid", newest), ("speaker:berg", newest),
                           ("section:energy -tag:none", newest), ("section:energy date:2025-03-05..2025-03-20",
                                                                  newest[10:26]),
                           ("speaker:berg OR tag:grid", newest)]:
        for limit in (5, 40):
            total, results = idx.search(parse(text), limit=limit)
            assert total == len(expected), text
            assert [r.summary["id"] for r in results] == expected[:limit], (text, limit)
            assert {r.score for r in results} == {0.0}, text
    everything = [ident for (ident,) in idx.db.execute("SELECT ident FROM articles ORDER BY date DESC, id")]
    for limit in (5, 40, 80):  # most articles match: the newest are looked at one by one
        total, results = idx.search(parse("section:energy OR section:other"), limit=limit)
        assert total == 70 and [r.summary["id"] for r in results] == everything[:limit], limit
    _, ranked = idx.search(parse("section:energy harbour"), limit=3)  # a word to rank: bm25 again
    assert all(r.score > 0 for r in ranked)


def test_quote_rows_of_one_article_share_its_listing(tmp_path: Path) -> None:
    """The quote finder's page holds one Listed per article, not one per quote, and each quote is its own."""
    index = open_index(None)
    index.refresh([str(SEEDS)], workers=0)
    ids = list(index.quote_ids(None))
    hits = index.quote_hits(ids)
    assert len(ids) > 3 and all(hit is not None for hit in hits)
    by_article: dict[str, set[int]] = {}
    for hit in hits:
        assert hit is not None
        by_article.setdefault(hit.article.id, set()).add(id(hit.article))
    assert all(len(objects) == 1 for objects in by_article.values())
    texts = [hit.quote.text for hit in hits if hit is not None]
    assert len(set(texts)) == len(texts) and index.quote_hits(ids[::-1])[0] == hits[-1]


def test_a_plain_word_finds_quotes_by_the_speakers_name(tmp_path: Path) -> None:
    """`valls nucleaire` in the quote finder: what Valls said on nuclear power, though neither his quote nor the
    title names him; `speaker:` still means the speaker only; a file stored again is found by its new speakers only."""
    lib = tmp_path / "lib"
    text = ("---\ntitle: Énergie\ndate: 2012-08-27\n---\n\n« Le nucléaire est une filière d'avenir », a déclaré "
            "Manuel Valls.\n\n« Valls a tort sur le nucléaire », a répondu Cécile Duflot.\n")
    write(lib / "a.md", text)
    index = open_index(tmp_path / "index.sqlite")
    index.refresh([str(lib)], workers=0)

    def speakers(query: str) -> list[str | None]:
        return [hit.quote.speaker for hit in index.find_quotes(parse(query))[1]]

    assert speakers("valls nucleaire") == ["Manuel Valls", "Cécile Duflot"]  # by him, and about him
    assert speakers("speaker:valls nucleaire") == ["Manuel Valls"]
    assert speakers("duflot") == ["Cécile Duflot"]
    write(lib / "a.md", text.replace("Cécile Duflot", "Eva Joly"))
    os.utime(lib / "a.md", ns=(1, 1))
    index.refresh([str(lib)], workers=0)
    assert speakers("duflot") == [] and speakers("joly") == ["Eva Joly"]
    index.close()


def test_quotes_that_say_a_word_of_the_query_come_first(tmp_path: Path) -> None:
    """`speaker:"le pen" bourgeoise`: the article's title has the word, so all its quotes are found; the one that
    says it comes first, then the others in the finder's order (newest article first, in the article's order)."""
    lib = tmp_path / "lib"
    write(lib / "a.md", "---\ntitle: Le Pen traite sa fille de bourgeoise\ndate: 2012-07-06\n---\n\n"
                        "« Je suis un homme du peuple », a dit Jean-Marie Le Pen.\n\n"
                        "« Elle est une petite bourgeoise », a ajouté Jean-Marie Le Pen.\n\n"
                        "« Je reste président d'honneur », a conclu Jean-Marie Le Pen.\n")
    write(lib / "b.md", "---\ntitle: Le Pen parle\ndate: 2012-08-01\n---\n\n"
                        "« Rien à dire », a dit Jean-Marie Le Pen.\n")  # no word of the query: not found
    index = open_index(None)
    index.refresh([str(lib)], workers=0)
    expected = ["Elle est une petite bourgeoise", "Je suis un homme du peuple", "Je reste président d'honneur"]
    query = parse('speaker:"le pen" bourgeoise')
    assert [h.quote.text for h in index.find_quotes(query)[1]] == expected
    assert [h.quote.text for h in index.quote_hits(index.quote_ids(query))] == expected  # type: ignore[union-attr]
    assert [h.quote.text for h, _ in index.iter_quotes(query)] == expected
    assert [h.quote.text for h in index.find_quotes(parse('speaker:"le pen"'))[1]] == [  # no words: as before
        "Rien à dire", *expected[1:2], expected[0], expected[2]]


@pytest.mark.parametrize(("typed", "expected"), [
    ('"0»', ('"0»', None)),  # a phrase closed by a French mark: finished, left as typed (found by the fuzzer)
    ("« nous refus", ("nous-refus*", "nous refus")),  # a phrase still open: its last word a prefix
    ("« nous » refus", ("« nous » (refus OR refus*)", "refus")),  # the places found are the text's
])
def test_as_you_type_reads_french_quotation_marks_as_the_query_does(typed: str,
                                                                    expected: tuple[str, str | None]) -> None:
    assert as_you_type(typed) == expected


def test_a_word_in_most_articles_still_puts_the_titles_that_have_it_first(tmp_path: Path) -> None:
    """A tryout: a beat's own word, in nearly every article, has an idf of nothing, every bm25 score rounded to
    0, and the results came newest first under `best 100 shown`: the one article with the word in its title was
    fourth. Those scores are now ordered a millionfold: as bm25 with every word equally rare."""
    root = tmp_path / "lib"
    for i in range(40):
        title = "Refinery fire closes the port" if i == 5 else f"Story {i}"
        write(root / f"{i:02d}.md", f"---\ntitle: {title}\ndate: 2025-01-{1 + i % 28:02d}\n---\n"
              f"The refinery {'and the refinery ' * (i % 3)}was quiet.\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    total, results = idx.search(parse("refinery"), limit=5)
    assert total == 40 and results[0].summary["title"] == "Refinery fire closes the port"
    newest = idx.search(parse("refinery"), limit=5, sort="date")[1][0]
    assert newest.summary["title"] != "Refinery fire closes the port"  # by date, the date decides


@pytest.mark.parametrize(("text", "start"), [("tr*mp", "tr"), ("*trump", "trump"), ("speaker:g*ll", "g"),
                                             ("a*b*", "a")])
def test_a_star_inside_a_word_is_refused_not_read_as_a_space(text: str, start: str) -> None:
    """A tryout: `tr*mp` quietly searched for the phrase "tr mp"."""
    with pytest.raises(QueryError, match=rf"^A '\*' goes at the end of a word \({start}\* finds the words"):
        parse(text)
    for fine in ("trump*", "kilroy-sil*", '"tr*mp"', "speaker:gall*", "trump**"):
        parse(fine)


def test_a_hit_in_the_title_alone_gives_the_bodys_opening_as_snippet(tmp_path: Path) -> None:
    """A new user's tryout: a result that matched in its title showed the title twice, as title and snippet."""
    write(tmp_path / "a.md", "---\ntitle: Walrus seen off the coast\ndate: 2025-06-01\n---\n"
          "Fishermen reported a large animal near the pier on Monday morning.\n")
    write(tmp_path / "b.md", "---\ntitle: Port news\ndate: 2025-06-02\n---\nA walrus swam into the port.\n")
    idx = open_index(None)
    idx.refresh([str(tmp_path)])
    found = {r.summary["title"]: r.snippets for r in idx.search(parse("walrus"), limit=5)[1]}
    plain = {title: "".join(t for t, _ in snippet_pieces(s[0])) for title, s in found.items()}
    assert plain["Walrus seen off the coast"].startswith("Fishermen reported a large animal")
    assert "walrus" in plain["Port news"].lower()


def test_scores_of_common_words_are_ordered_finely_enough_to_rank_titles_among_themselves(tmp_path: Path) -> None:
    """A tryout: titles that all say the word saturate bm25's term part (scores a millionth apart), and, rounded
    to two decimals, came in runs of newest first: `Court envoy drought drought` 57th. They are ordered by bm25."""
    from briefing_tui.core.search.index import _WEIGHTS, compile_query

    root = tmp_path / "lib"
    for i in range(30):
        title = " ".join(["drought"] * (1 + i % 3) + ["filler"] * (i % 7))
        write(root / f"{i:02d}.md", f"---\ntitle: {title} {i}\ndate: 2025-01-{1 + i:02d}\n---\n"
              f"The drought {'went on ' * (i % 5)}here.\n")
    idx = open_index(None)
    idx.refresh([str(root)])
    query = parse("drought")
    match = compile_query(query, forms=idx.forms)[0]
    by_bm25 = [json.loads(s)["title"] for s, in idx.db.execute(
        f"SELECT a.summary FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? "
        f"ORDER BY round(bm25(fts, {_WEIGHTS}) * 1000000, 4), a.date DESC LIMIT 10", [match])]
    assert [r.summary["title"] for r in idx.search(query, limit=10)[1]] == by_bm25
