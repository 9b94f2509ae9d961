"""Search that forgives (issue 20): a plain word finds its forms in the article's language, a mistyped word
gets a suggestion; the index agrees with the brute-force matcher that uses the same stemmer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.matching import article_document, matches
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.cli import main
from briefing_tui.core.library.scan import load_library
from briefing_tui.core.search.forms import article_language, detect_language, form_prefix, is_form, language_tag
from briefing_tui.core.search.highlight import find_hits
from briefing_tui.core.search.index import Index, compile_query, open_index
from briefing_tui.core.search.query import FormsIn, parse
from briefing_tui.core.search.suggest import did_you_mean, distance, library_of, nearest
from tests.conftest import write

DOCS = {
    "en-plural.md": "---\ntitle: Trade talks\ndate: 2025-06-01\n---\n"
                    "The sanctions on steel were discussed by the envoy and the minister.\n",
    "en-exact.md": "---\ntitle: Steel news\ndate: 2025-05-01\n---\n"
                   "The sanction on steel was lifted by the court in the spring.\n",
    "en-invest.md": "---\ntitle: Money\ndate: 2025-04-01\n---\n"
                    "The investment in the port and the negotiations with the union went on. "
                    "“We offer nothing to the union,” said Mark Rutte.\n",
    "en-off.md": "---\ntitle: Night\ndate: 2025-03-01\n---\n"
                 "The lights of the harbour were switched off at the end of the day.\n",
    "fr.md": "---\ntitle: Les chevaux\ndate: 2025-02-01\nlang: fr\n---\n"
             "Les chevaux du roi et les sanctions de la commission sont dans le texte.\n",
    "de.md": "---\ntitle: Die Häuser\ndate: 2025-01-01\n---\n"
             "Die Häuser und das Dach sind nicht mit der Stadt verbunden, und die Stadt ist alt.\n",
    "de-strasse.md": "---\ntitle: Die Straße\ndate: 2024-12-01\nlang: de\n---\n"
                     "Die Straße ist gesperrt, und die Massnahme gilt bis Montag.\n",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Index]:
    root = tmp_path_factory.mktemp("forms")
    for name, text in DOCS.items():
        write(root / name, text)
    index = open_index(None)
    index.refresh([str(root)])
    return root, index


def ids(index: Index, q: str) -> set[str]:
    total, results = index.search(parse(q), limit=100)
    assert total == len(results)
    return {r.summary["id"] for r in results}


TABLE = [
    ("sanction", {"en-plural.md", "en-exact.md", "fr.md"}),
    ('"sanction"', {"en-exact.md"}),
    ("sanctions", {"en-plural.md", "en-exact.md", "fr.md"}),
    ("invest", {"en-invest.md"}),
    ("invest*", {"en-invest.md"}),
    ("negotiation", {"en-invest.md"}),
    ('"negotiation"', set()),
    ("haus", {"de.md"}),  # Häuser, stemmed folded: hauser -> haus
    ("cheval", {"fr.md"}),  # chevaux -> cheval, in French
    ("offer", {"en-invest.md"}),  # not `off`: in English their stems differ (German's and French's would not)
    ("in:quotes offers", {"en-invest.md"}),
    ("title:cheval", {"fr.md"}),
    ("title:talk", {"en-plural.md"}),
    ("sanction -steel", {"fr.md"}),
    ("sanction OR cheval", {"en-plural.md", "en-exact.md", "fr.md"}),
    ("speaker:rutte", {"en-invest.md"}),
    ("speaker:rutt", set()),  # names match as typed
    ("light", {"en-off.md"}),
    ("switch", {"en-off.md"}),
    ("Kilroy-Silk", set()),
    ("strasse", {"de-strasse.md"}),  # German stems `ss` and `ß` alike: a Swiss spelling or a keyboard's finds both
    ("strassen", {"de-strasse.md"}),
    ("maßnahme", {"de-strasse.md"}),
    ('"strasse"', set()),  # a quoted word stays exact
]


@pytest.mark.parametrize(("query", "expected"), TABLE)
def test_exact_result_sets_with_word_forms(library: tuple[Path, Index], query: str, expected: set[str]) -> None:
    assert ids(library[1], query) == expected


def test_the_table_agrees_with_the_brute_force_matcher(library: tuple[Path, Index]) -> None:
    """The same table, checked against bench.matching, which runs the same stemmer (forms.is_form) word by word."""
    root, index = library
    articles = load_library([str(root)]).articles
    assert len(articles) == len(DOCS)
    for q, _ in TABLE:
        query = parse(q)
        assert ids(index, q) == {a.id for a in articles if matches(query, article_document(a))}, q


def test_quotes_follow_the_same_forms(library: tuple[Path, Index]) -> None:
    _, index = library
    total, hits = index.find_quotes(parse("offers"), None)
    assert total == 1 and hits[0].quote.speaker == "Mark Rutte"
    assert index.find_quotes(parse('"offers"'), None)[0] == 0


def test_the_word_as_typed_ranks_first(library: tuple[Path, Index]) -> None:
    _, index = library
    _, results = index.search(parse("sanction"))
    assert results[0].summary["id"] == "en-exact.md"
    _, results = index.search(parse("sanctions"))
    assert results[0].summary["id"] in {"en-plural.md", "fr.md"}


def test_the_word_as_typed_in_a_title_outranks_forms(tmp_path: Path) -> None:
    """Among the articles with the word as typed, the word as typed ranks them: an article whose title has
    a form (`president-elect`) and whose text has many forms does not outrank one whose title has the word."""
    write(tmp_path / "typed-title.md", "---\ntitle: Election night\ndate: 2025-01-01\n---\nThe count went on "
          "until dawn in every town of the region.\n")
    write(tmp_path / "forms.md", "---\ntitle: The president-elect speaks\ndate: 2025-02-01\n---\nThe elections "
          "and the elected council: elections again, the electing of the elected, and one election.\n")
    write(tmp_path / "forms-only.md", "---\ntitle: Elected\ndate: 2025-03-01\n---\nThe elected and the elections.\n")
    for i in range(8):  # bm25 scores a word held by half the articles or more as 0
        write(tmp_path / f"other-{i}.md", f"---\ntitle: Harbour {i}\ndate: 2024-01-0{i + 1}\n---\nShips came in.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    for q in ("election", "election date:2025", "election -harbour"):
        total, results = index.search(parse(q))
        assert total == 3
        assert [r.summary["id"] for r in results] == ["typed-title.md", "forms.md", "forms-only.md"], q
        assert results[0].score > results[1].score  # the scores shown are the ones that ranked them
    _, results = index.search(parse("election"), sort="date")
    assert [r.summary["id"] for r in results] == ["forms-only.md", "forms.md", "typed-title.md"]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_ranking_with_forms_agrees_with_sql(tmp_path: Path, sort: str) -> None:
    """The order of a search with forms, filtered or not, is: the words as typed first, ranked by their
    score as typed, then by the whole query's score, newest first, the lowest id; with --sort date the
    date first. Checked against that order written in SQL."""
    from briefing_tui.core.search.index import _WEIGHTS, VANISHED

    words = ["harbour", "harbours", "harboured", "filler"]
    for i in range(48):
        date = f"date: 2025-0{1 + i % 3}-{1 + i % 5:02d}\n" if i % 13 else ""
        body = " ".join(words[(i * j) % 4] for j in range(1 + i % 7))
        title = words[i % 3] if i % 4 == 0 else "Story"
        write(tmp_path / f"{i:02d}.md", f"---\ntitle: {title} {i % 5}\n{date}---\n{body}.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    for text in ("harbour", "harbour date:2025-01..2025-02", "harbours -filler", "harbour filler"):
        query = parse(text)
        match, where, params = compile_query(query, forms=index.forms)
        typed = compile_query(query, forms=index._as_typed)[0]
        assert match != typed, text
        by_date = "s.date IS NULL, s.date DESC, " if sort == "date" else ""
        vanished = "" if sort == "date" else VANISHED.replace("score", "s.full") + ", "  # in most articles
        expected = [json.loads(row[0])["id"] for row in index.db.execute(
            f"WITH s AS (SELECT a.id AS id, a.date AS date, a.summary AS summary, bm25(fts, {_WEIGHTS}) AS full "
            f"FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? AND {where}), "
            f"t AS (SELECT rowid AS id, bm25(fts, {_WEIGHTS}) AS typed FROM fts WHERE fts MATCH ?) "
            f"SELECT s.summary FROM s LEFT JOIN t ON t.id = s.id ORDER BY {by_date}t.id IS NULL, "
            f"round(coalesce(t.typed, 0), 4), round(s.full, 4), {vanished}s.date IS NULL, s.date DESC, s.id LIMIT 30",
            [match, *params, typed])]
        total, results = index.search(query, limit=30, sort=sort)
        assert [r.summary["id"] for r in results] == expected, text
        assert total >= len(expected) > 3


def test_a_long_articles_snippet_is_its_first_hit_found_without_fts5(tmp_path: Path) -> None:
    """FTS5's snippet() scores every window against every hit: a 5 MB transcript saying `said` 95,000 times took
    84 s. An article longer than SNIPPET_LONG words gets its snippet from `highlight.snippet_of` instead: its
    first hit (a form too), the words around it, as FTS5 writes them."""
    from briefing_tui.core.search.highlight import snippet_of
    from briefing_tui.core.search.index import SNIPPET_LONG

    filler = "The talks went on. " * (SNIPPET_LONG // 4 + 10)
    write(tmp_path / "long.md", f"---\ntitle: Long\ndate: 2025-01-01\n---\n{filler}\n\nThey said the sanctions "
          f"on steel would stay, and sanctions on grain too.\n\n" + "Sanctions again. " * 50 + "\n")
    write(tmp_path / "short.md", "---\ntitle: Short\ndate: 2025-01-02\n---\nThe sanctions were lifted.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    _, results = index.search(parse("sanction"))
    snippets = {r.summary["id"]: r.snippets for r in results}
    assert snippets["long.md"] == ["…They said the \x02sanctions\x03 on steel would stay, and "
                                   "\x02sanctions\x03 on grain too.…"]  # text left out before it and after it
    assert "\x02sanctions\x03" in snippets["short.md"][0]
    fts5 = [sql for sql in statements if "snippet(" in sql]
    long_id = index.db.execute("SELECT id FROM articles WHERE ident = 'long.md'").fetchone()[0]
    assert fts5 and all(f"IN ({long_id})" not in sql and f",{long_id}" not in sql and f"({long_id}," not in sql
                        for sql in fts5)
    assert snippet_of("No hit here.", parse("sanction").terms) is None


def test_snippets_mark_the_form_found(library: tuple[Path, Index]) -> None:
    _, index = library
    _, results = index.search(parse("sanction"))
    snippets = {r.summary["id"]: r.snippets for r in results}
    assert "\x02sanctions\x03" in snippets["en-plural.md"][0]
    assert "\x02sanctions\x03" in snippets["fr.md"][0]


def test_an_in_quotes_snippet_marks_a_form_found_in_one_language(tmp_path: Path) -> None:
    """A navigation tryout: `in:quotes invest` found the French quote's `investir` in a real article (Wikinews, CC BY
    2.5, eval/realnews), and its snippet was a lone `⟦fr⟧` (FTS5's best window was the `lang` column), then, from the
    quotes, their opening with no hit marked (FTS5 marks none through `lang : "fr" AND quotes : (three forms)` in an
    OR, there): the matcher the reader highlights with finds it."""
    import shutil

    real = Path(__file__).parents[1] / "eval" / "realnews"
    for name in ("112-france-pour-montebourg-le-nucleaire-est-une-filiere-d-avenir.md",
                 "003-president-trump-says-he-can-and-may-put-us-into-state-of.md"):
        shutil.copy(real / name, tmp_path / name)
    write(tmp_path / "en.md", "---\ntitle: Money\n---\n“We invested in the port,” said Mark Rutte.\n")
    write(tmp_path / "fr2.md", "---\ntitle: État\nlang: fr\n---\nL'investissement de l'État investira le site.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    for query in ("in:quotes invest", "invest"):
        _, results = index.search(parse(query))
        snippets = {r.summary["id"]: r.snippets for r in results}
        montebourg = next(s for name, s in snippets.items() if "montebourg" in name)
        assert "\x02investir\x03" in montebourg[0], (query, snippets)
        assert "\x02invested\x03" in snippets["en.md"][0], (query, snippets)


def test_forms_are_looked_up_again_when_the_library_changes(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: A\n---\nThe sanction was lifted.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    assert ids(index, "sanction") == {"a.md"} and [f.words for f in index.forms("sanction").found] == [()]
    write(tmp_path / "b.md", "---\ntitle: B\n---\nThe sanctions were lifted.\n")
    index.refresh([str(tmp_path)])
    assert index.forms("sanction").found == (FormsIn("en", ("sanctions",), (), True),)  # every article is English
    assert ids(index, "sanction") == {"a.md", "b.md"}
    write(tmp_path / "c.md", "---\ntitle: C\nlang: fr\n---\nLes sanctions et la sanction.\n")
    index.refresh([str(tmp_path)])
    assert index.forms("sanction").found == (FormsIn("en", ("sanctions",), ("fr",), True),
                                             FormsIn("fr", ("sanctions",), ("en",), False))
    assert ids(index, "sanction") == {"a.md", "b.md", "c.md"}


def test_a_word_only_in_the_text_is_asked_without_columns(tmp_path: Path) -> None:
    """FTS5 reads where every word is in each article to keep a match to the text's columns: a word (and
    forms) in no article's section, tags, speakers or language is asked without them, and a form of every
    language held is asked once."""
    write(tmp_path / "energy" / "a.md", "---\ntitle: A\ntags: [steel, ports]\n---\nThe sanctions hit the harbour.\n")
    write(tmp_path / "b.md", "---\ntitle: B\n---\nThe energy of steel in the harbour, and a port.\n")
    write(tmp_path / "c.md", "---\ntitle: C\nlang: fr\n---\nLes sanctions sur l'énergie du port.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    assert index.forms("harbour").text_only and index.forms("sanction").text_only
    assert not index.forms("energy").text_only and not index.forms("steel").text_only
    assert not index.forms("port").text_only  # its form `ports` is a tag
    assert compile_query(parse("harbour"), forms=index.forms)[0] == '"harbour"'
    assert compile_query(parse("sanction"), forms=index.forms)[0] == '("sanction" OR "sanctions")'
    assert compile_query(parse("title:harbour"), forms=index.forms)[0] == 'title : "harbour"'
    assert compile_query(parse('"harbour"'), forms=index.forms)[0] == '{title body quotes} : "harbour"'
    assert ids(index, "harbour") == {"energy/a.md", "b.md"} and ids(index, "sanction") == {"energy/a.md", "c.md"}
    assert ids(index, "energy") == {"b.md"} and ids(index, "steel") == {"b.md"}
    assert ids(index, "port") == {"b.md", "c.md"}
    _, quotes = index.find_quotes(parse("harbour"))
    assert quotes == []


def test_forms_relation() -> None:
    assert is_form("sanction", "sanctions", "en") and is_form("invest", "investment", "en")
    assert is_form("negotiation", "negotiations", "en") and is_form("happy", "happiness", "en")
    assert is_form("cheval", "chevaux", "fr") and is_form("haus", "hauser", "de")
    assert not is_form("offer", "off", "en") and is_form("offer", "off", "de")
    assert not is_form("sanction", "sanctuary", "en")
    assert form_prefix("war") == "war" and form_prefix("happy") == "happ"


def test_highlighting_finds_the_forms_in_the_articles_language() -> None:
    text = "Sanctions, sanctioned and sanction; not sanctuary."
    hits = find_hits(text, parse("sanction").terms, "en")
    assert [text[a:b] for a, b in hits] == ["Sanctions", "sanctioned", "sanction"]
    assert [text[a:b] for a, b in find_hits(text, parse('"sanction"').terms, "en")] == ["sanction"]
    assert [(a, b) for a, b in find_hits("Die Häuser", parse("haus").terms, "de")] == [(4, 10)]
    assert find_hits("Die Häuser", parse("haus").terms, "en") == []
    text = "Die Straße und die Strassen."
    assert [text[a:b] for a, b in find_hits(text, parse("strasse").terms, "de")] == ["Straße", "Strassen"]
    assert [text[a:b] for a, b in find_hits(text, parse("straße").terms, "de")] == ["Straße", "Strassen"]


def test_the_articles_language() -> None:
    assert article_language((("lang", "fr-CA"),), "Title", ["The cat and the dog."]) == "fr"
    assert article_language((("language", "Deutsch"),), "", []) == "de"
    assert article_language((("lang", "xx"),), "", ["Die Katze und der Hund sind nicht hier."]) == "de"
    assert detect_language("Le chat et le chien sont dans la maison.") == "fr"
    assert detect_language("Zephyrine quillaback marmorate") == "en"
    assert language_tag("english") == "en" and language_tag("??") is None


# --- did you mean -------------------------------------------------------------------------------------------


def reference_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the whole table (what `distance` computes in a band)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(a=st.text("abcd", max_size=9), b=st.text("abcd", max_size=9), bound=st.integers(0, 3))
def test_distance_agrees_with_the_whole_table(a: str, b: str, bound: int) -> None:
    assert distance(a, b, bound) == min(reference_distance(a, b), bound + 1)


def test_nearest_prefers_fewer_edits_then_the_more_common() -> None:
    assert [w for w, *_ in nearest("rute", [("rutte", 5), ("route", 50), ("brute", 1), ("rutter", 900)])] == \
        ["route", "rutte", "brute"]
    assert nearest("ab", [("abc", 9)]) == []  # too short to guess


@pytest.mark.parametrize(("query", "better"), [
    ("sanctoin", "sanction"),
    ("harbuor lights", "harbour lights"),
    ("  harbuor   lights ", "harbour lights"),  # as it would be typed: no space kept at either end
    ("harbuor steel", None),  # harbour and steel are in no one article: nothing better to offer
    ("hrabour lights", "harbour lights"),  # the second letter mistyped: among the words that begin with `h`
    ("hrab", None),  # too short a word to look beyond its first two letters
    ('"lights of the harbuor"', '"lights of the harbour"'),  # a phrase: each word mended
    ('speaker:"mark rute"', 'speaker:"mark rutte"'),  # a full name with one typo
    ('speaker:"mark rutte"', None),  # found
    ('"qqqzzz lights"', None),  # no word near enough: no phrase to offer
    ("speaker:rute", "speaker:rutte"),
    ("speaker:markrutte", 'speaker:"mark rutte"'),  # a name typed without its space (`lepen`)
    ("speaker:Rüte date:2025", "speaker:rutte date:2025"),
    ("in:quotes nothnig", "in:quotes nothing"),
    ("sanctoin OR the", "sanction OR the"),  # an OR's branch that finds nothing, though the other finds plenty
    ("stee*", None),  # finds something
    ("steel", None),
    ("zz", None),
    ("qwertyuiop", None),
])
def test_did_you_mean(library: tuple[Path, Index], query: str, better: str | None) -> None:
    _, index = library
    q = parse(query)
    total, _ = index.search(q, 1)
    assert did_you_mean(q, total, library_of(index)) == better


def test_a_name_typed_without_its_apostrophe_or_space_is_offered_as_its_two_words(tmp_path: Path) -> None:
    """`obrien` for O'Brien, `lepen` for Le Pen: the word finds nothing, the two words side by side do (as a
    speaker, the joined name is preferred to its second word alone, equally near); a typo that is also two
    words found once (`mayer`: `may er`) still gets the common word (`mayor`)."""
    write(tmp_path / "a.md", "---\ntitle: Talks\ndate: 2025-06-01\n---\n“We will not move,” said Conor O'Brien.\n\n"
          "Marine Le Pen was there, and the mayor too.\n")
    write(tmp_path / "b.md", "---\ntitle: Port\ndate: 2025-06-02\n---\nThe mayor may er, hesitate.\n")
    write(tmp_path / "c.md", "---\ntitle: Port\ndate: 2025-06-03\n---\nThe mayor spoke.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    for typed, better in [("obrien", '"o brien"'), ("speaker:obrien", 'speaker:"o brien"'), ("lepen", '"le pen"'),
                          ("conor obrien", 'conor "o brien"'), ("mayer", "mayor"), ("in:quotes obrien", None)]:
        q = parse(typed)
        assert did_you_mean(q, index.search(q, 1)[0], library_of(index)) == better, typed
    quotes = library_of(index, quotes=True)  # a quote is found by its speaker's name; Le Pen is no speaker
    for typed, better in [("obrien", '"o brien"'), ("lepen", None)]:
        q = parse(typed)
        assert did_you_mean(q, index.find_quotes(q, 0)[0], quotes) == better, typed


def test_did_you_mean_tries_a_word_as_near_when_the_nearest_finds_nothing_more(tmp_path: Path) -> None:
    """A navigation tryout: `gouvernment francais` got no suggestion: `government`, the more common of the two
    words one edit away, is in no article with `francais`, and `gouvernement`, which is, was never tried."""
    for n in range(3):
        write(tmp_path / f"en{n}.md", f"---\ntitle: Gov {n}\n---\nThe government met on day {n}.\n")
    write(tmp_path / "fr.md", "---\ntitle: Le gouvernement\nlang: fr\n---\nLe gouvernement français a parlé.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    for typed, better in [("gouvernment", "government"), ("gouvernment francais", "gouvernement francais"),
                          ("francais gouvernment", "francais gouvernement"), ("gouvernment zzzqqq", None)]:
        q = parse(typed)
        assert did_you_mean(q, index.search(q, 1)[0], library_of(index)) == better, typed


def test_did_you_mean_for_quotes(library: tuple[Path, Index]) -> None:
    _, index = library
    q = parse("speaker:rute")
    assert did_you_mean(q, index.find_quotes(q, 0)[0], library_of(index, quotes=True)) == "speaker:rutte"


def test_no_other_word_for_one_spelt_right_but_in_no_quote(tmp_path: Path) -> None:
    """`merkel` in the quote finder, in a library that names her and quotes her nowhere: nothing to suggest
    (`merely`, two edits away and in a quote, was)."""
    write(tmp_path / "a.md", "---\ntitle: Talks\ndate: 2025-06-01\n---\nAngela Merkel was at the talks.\n\n"
          "“It is merely a start,” said Anna Berg.\n")
    index = open_index(None)
    index.refresh([str(tmp_path)])
    for typed in ("merkel", "merley"):
        q = parse(typed)
        assert index.find_quotes(q, 0)[0] == 0
    assert did_you_mean(parse("merkel"), 0, library_of(index, quotes=True)) is None
    assert did_you_mean(parse("merley"), 0, library_of(index, quotes=True)) == "merely"  # a typo is still helped


def test_cli_prints_the_suggestion_on_stderr_only(capsys: pytest.CaptureFixture[str],
                                                  library: tuple[Path, Index]) -> None:
    root, _ = library
    assert main(["search", "speaker:rute", str(root), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"query": "speaker:rute", "total": 0, "results": []}
    assert err == ("briefing: No speaker called “rute”; the closest: Mark Rutte\n"  # why nothing, as the reader
                   "briefing: did you mean: speaker:rutte\n")  # says it, then the query to type
    assert main(["quotes", str(root), "-q", "sanctoin", "--json"]) == 0
    out, err = capsys.readouterr()  # no quote says it: the word is not suggested
    assert json.loads(out) == {"quotes": []} and err == "briefing: No quote has “sanctoin”\n"
    assert main(["quotes", str(root), "-q", "speaker:rute", "--format", "tsv"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == ("briefing: No speaker called “rute”; the closest: Mark Rutte\n"
                                 "briefing: did you mean: speaker:rutte\n")
    assert main(["search", "steel", str(root), "--format", "paths"]) == 0
    assert capsys.readouterr().err == ""
