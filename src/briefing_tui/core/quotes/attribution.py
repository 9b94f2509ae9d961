"""Rule-based speaker attribution (docs/quotes.md): a speaker only when the text supports one.

The walk reads an article in order. Unquoted text teaches the article's memory who was named, what they were
called and whom each sentence was about (`memory.py`); each quote is then given to the first of the named
passes that finds its speaker (`passes.py`): a cue after it, a cue before it, `according to`, a colon, and,
for a quote with no cue of its own, the quote it continues, the quote before it in the paragraph, or the
person the sentence before was about. Every paragraph is read with its language's words (`lexicon_*.py`).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from briefing_tui.core import versions
from briefing_tui.core.quotes.clauses import clause_subject, is_cue, is_verb
from briefing_tui.core.quotes.labels import (
    a_charge,
    a_code,
    a_french_title,
    a_name,
    a_named_kind,
    a_vote,
    a_word_name,
    described_passively,
    named_here,
    passive_label,
)
from briefing_tui.core.quotes.learning import LEXICONS, learn, note_speaker, plural, sentence_bounds, worth_reading
from briefing_tui.core.quotes.lexicon import Lexicon, choose, counts, detect, fold, own_words
from briefing_tui.core.quotes.memory import Memory, of_french
from briefing_tui.core.quotes.names import is_given_name, name_text, person_name, run_end, word_gender
from briefing_tui.core.quotes.passes import PASSES
from briefing_tui.core.quotes.phrases import Mention, mention, nominal_head
from briefing_tui.core.quotes.site import Site, no_one
from briefing_tui.core.quotes.spans import Span
from briefing_tui.core.quotes.subjects import subject_of
from briefing_tui.core.quotes.tokens import ABBREVIATIONS, MASK, Tok, letter_ends_sentence, tokenize

RULES_VERSION = versions.RULES_VERSION
"""Bump it in `versions` when the rules change what they find: the index stores speakers."""
MAX_ATTRIBUTED = 5000
"""Quotes past this many in one article get no speaker: no real article has so many, a hostile one must not stall."""
WINDOW = 400
"""How far before and after a quote attribution reads its sentence, at most (so a long one stays linear)."""
NEIGHBOURS = 3
"""How many quotes away a quote's reading stops: a cue is never further, and text dense with quotes stays cheap."""
_OWN_WORDS = own_words(LEXICONS)
RULES = (*(name for name, _ in PASSES), "pronoun", "appositive", "subject", "passive-agent", "continuation",
         "follow-on", "sentence-subject", "own-words", "context")
"""Every value a quote's `rule` can take: the pass that attributed it."""


class Attribution(NamedTuple):
    """Who said a quote, the cue that ties them, and the pass that decided; all None without a speaker."""

    speaker: str | None
    cue: str | None
    rule: str | None


NOBODY = Attribution(None, None, None)
_SENTENCE_END = re.compile(r"[.!?](?<![.!?]{2})[.!?]*+(?:[\"”’)]|\s?+»)*+\s+(?=[\"“‘„«»(]?[A-ZÀ-Þ\u2063])")
"""Only the first mark of a run starts a match, and nothing is given back: a run of 30,000 full stops
cost a quadratic 22 s when each of its marks started a match that scanned to the end of the run. The
pattern starts with the mark itself (the look back comes after it) so that the search skips ahead to
the next mark: starting with the look back made it try every position, four times slower."""
_WORD_BEFORE = re.compile(r"(\w+)\.$")
_QUOTE_END_MARKS = ".!?…,"
_LONG = max(map(len, ABBREVIATIONS)) + 1
"""Letters a word needs to be no abbreviation."""


def attribute(paragraphs: list[str] | tuple[str, ...], spans: list[Span], title: str = "") -> list[Attribution]:
    """(speaker, cue, rule) for each span, in order; `title` is the article's (it may name whom it is about)."""
    if not spans:
        return []
    sample = ""
    for paragraph in paragraphs:  # the article's first 400 characters tell its language
        sample += paragraph[:400 - len(sample)] + " "
        if len(sample) >= 400:
            break
    languages = counts(sample, _OWN_WORDS)
    default = choose(languages, LEXICONS, LEXICONS[0], margin=1)  # `detect`, counting the sample once
    mixed = sum(1 for n in languages.values() if n) > 1  # else every paragraph is in `default`
    by_para: dict[int, list[int]] = {}
    for k, span in enumerate(spans[:MAX_ATTRIBUTED]):
        by_para.setdefault(span.paragraph, []).append(k)
    mem = Memory()
    results: list[Attribution] = []
    for p in range(spans[min(len(spans), MAX_ATTRIBUTED) - 1].paragraph + 1):
        text = paragraphs[p].replace(MASK, " ")  # sanitized text has none; a caller's raw text must not fake one
        ids = by_para.get(p, [])
        if not ids and not worth_reading(text, mem):
            continue  # no name, no description, no quote: nothing to learn (most paragraphs of long articles)
        lex = detect(text, LEXICONS, default, frequent=_OWN_WORDS) if ids and mixed else default
        masked = _mask(text, [spans[k] for k in ids])
        ends = _sentence_ends(masked)
        cursor = 0
        for n, k in enumerate(ids):
            span = spans[k]
            learn(text, masked, cursor, span.start, ends, mem, lex)
            cursor = max(cursor, span.end)
            bounds = (spans[ids[n - NEIGHBOURS]].end if n >= NEIGHBOURS else 0,
                      spans[ids[n + NEIGHBOURS]].start if n + NEIGHBOURS < len(ids) else len(masked))
            found = _attribute_one(text, masked, ends, lex, spans, k, results, mem, bounds)
            if found.speaker is None and n == 0 and p > 0 and not span.continuation:
                found = _introduced(paragraphs[p - 1], [spans[j] for j in by_para.get(p - 1, [])], text, span,
                                    lex, mem) or found
            results.append(found)
            if found.speaker is not None:
                note_speaker(found.speaker, mem, lex)
        _split_cue(masked, ends, lex, spans, ids, results)
        _opening_quote(text, spans, ids, results, lex)
        rest = len(masked)
        if len(spans) > MAX_ATTRIBUTED and spans[MAX_ATTRIBUTED].paragraph == p:
            rest = spans[MAX_ATTRIBUTED].start  # past the last quote attributed nothing more is asked of the memory:
            # reading on, through quotes left unmasked, cost a hostile paragraph of 18,000 quotes 16 times the time
            # of one of 2,000 (make fuzz's hunt: `O1Mr. “` repeated)
        learn(text, masked, cursor, max(cursor, rest), ends, mem, lex)
    results.extend([NOBODY] * (len(spans) - len(results)))
    for k in range(len(results) - 2, -1, -1):  # a quote run on over paragraphs: its speaker is named at its end
        if results[k].speaker is None and spans[k].continued and spans[k + 1].continuation and results[k + 1].speaker:
            results[k] = results[k + 1]._replace(rule="continuation")
    _offices_of_protagonist(results, title, mem, default)
    _one_spelling(results, paragraphs)
    for r in results:
        assert r.speaker is None or MASK not in r.speaker, "a masked quote reached a speaker"
    return results


def _opening_quote(text: str, spans: list[Span], ids: list[int], results: list[Attribution], lex: Lexicon) -> None:
    """A paragraph that opens with a quote no cue is found for, then goes on to a quote whose speaker is found,
    is that speaker's (`“I often say to people, Canada will …” He also pointed out, “As power grows …”`); not a
    quote that is its sentence's subject (`“Valetudo” is the name suggested`: a name)."""
    if len(ids) < 2 or len(results) <= ids[1]:
        return
    first, second = ids[0], ids[1]
    span = spans[first]
    if results[first].speaker is not None or results[second].speaker is None or span.continuation \
            or text[:span.start].strip() or results[second].rule == "according-to":
        return  # `according to` gives the source of its own sentence: `“…” Then “a knife”, according to the police.`
    verb = _NEXT_WORD.match(text, span.end)
    if verb is None or verb.group(1).lower() not in lex.be:
        results[first] = results[second]._replace(rule="follow-on")


_NEXT_WORD = re.compile(r"\s*+(\w++)")


def _one_spelling(results: list[Attribution], paragraphs: list[str] | tuple[str, ...]) -> None:
    """One speaker, one spelling in an article, as the text writes it inside a sentence. A sentence's first word
    has a capital, so `La police` opening one and `la police` inside another are one speaker, `la police`; and a
    body the memory wrote with its article in lower case is written as the text names it (`le quotidien français
    Le Figaro`: `Le Figaro`). With no spelling inside a sentence, the one in lower case."""
    forms: dict[str, set[str]] = {}
    for r in results:
        if r.speaker is not None:
            forms.setdefault(r.speaker.casefold(), set()).add(r.speaker)
    chosen: dict[str, str] = {}
    looked = 0
    for spellings in forms.values():
        if len(spellings) < 2 and not any(s[:1].islower() and s[1:2].isalpha() for s in spellings):
            continue  # one spelling, a capital first: a name as the text wrote it
        if looked == MAX_SPELLINGS:
            break
        looked += 1
        candidates = spellings | {s[:1].upper() + s[1:] for s in spellings if s[:1].islower()}
        inside = [s for s in sorted(candidates) if _inside_a_sentence(s, paragraphs)]
        best = min(inside or spellings, key=lambda s: (s[:1].isupper(), s))
        chosen.update((s, best) for s in spellings if s != best)
    if chosen:
        results[:] = [r._replace(speaker=chosen.get(r.speaker, r.speaker)) if r.speaker is not None else r
                      for r in results]


MAX_SPELLINGS = 16
"""Speakers that `_one_spelling` looks up in the text: each costs a pass or two over it."""
_OPENING = frozenset(".!?:«“\"„»”")
"""What a sentence or a quote opens after: a capital there is the sentence's, not the name's."""


def _inside_a_sentence(name: str, paragraphs: list[str] | tuple[str, ...]) -> bool:
    """Whether the text writes `name` after a word of its sentence (not opening a sentence or a quote)."""
    for paragraph in paragraphs:
        at = paragraph.find(name)
        while at > 0:
            k = at - 1
            while k > at - 4 and k >= 0 and paragraph[k].isspace():  # a space or two before it, no more
                k -= 1
            if k >= 0 and not paragraph[k].isspace() and paragraph[k] not in _OPENING:
                return True
            at = paragraph.find(name, at + 1)
    return False


def _offices_of_protagonist(results: list[Attribution], title: str, mem: Memory, lex: Lexicon) -> None:
    """An office the text never tied to a name (`Le ministre du Redressement productif a déclaré`, `le premier
    ministre … a affirmé`) means the one person the title is about (`pour Montebourg`, `Discours de politique
    générale de Jean-Marc Ayrault`), when their gender does not contradict it. Only an office held by one person
    at a time: `le négociateur palestinien` may be anyone who negotiates."""
    who = _protagonist(title[:300], mem)  # a title is one line: a hostile one of a megabyte costs no more
    if who is None:
        return
    for k, r in enumerate(results):
        if r.speaker is None:
            continue
        family = _THE_FAMILY.get(r.speaker.lower())
        if family is not None:
            results[k] = r._replace(speaker=family.format(who, of_french(who)))
            continue  # `The family's statement read:` in an article about Don Imus: his family
        if r.speaker.split(" ", 1)[0] not in _DEFINITE:
            continue
        head, _ = nominal_head(r.speaker, lex)
        if head not in lex.offices or (head.endswith("s") and not head.endswith("ss")):
            continue
        said = next((g for w in r.speaker.split() if (g := word_gender(w)) is not None), None)
        if said is None or mem.gender(who) in (None, said):
            results[k] = r._replace(speaker=who)


_DEFINITE = frozenset(("the", "le", "la", "l'", "l’"))
_THE_FAMILY = {"the family": "{0}'s family", "la famille": "la famille {1}{0}", "les proches": "les proches {1}{0}",
               "die familie": "die Familie von {0}"}
"""A family named with no one's name: the family of the one person the title is about."""
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*+")


def _protagonist(title: str, mem: Memory) -> str | None:
    """The one person the title names (by their full name or their last word) whom the text named in full and
    showed acting or speaking; as the title names them if it gives more of the name (`Jean-Marc Ayrault` where
    the text wrote `J-M Ayrault`). A person: the text or a given name shows it (not `El Paso`)."""
    words = _TITLE_WORD.findall(title)
    capitals = {fold(w) for w in words if w[:1].isupper()}
    found = [p for p in mem.people if " " in p and fold(p.rsplit(" ", 1)[-1]) in capitals
             and (p in mem.actors or p.rsplit(" ", 1)[-1] in mem.actors)]
    if len(found) > 1:  # `Don Imus` and `Longtime Imus`: the one the title names in full
        found = [p for p in found if all(fold(w) in capitals for w in p.split())]
    if len(found) != 1:
        return None
    who = found[0]
    last = fold(who.rsplit(" ", 1)[-1])
    for k, w in enumerate(words):
        if k and fold(w) == last:
            start = k
            while start > 1 and words[start - 1][:1].isupper():
                start -= 1
            named = " ".join(words[start:k + 1])
            if len(named) > len(who) and named[:1] == who[:1]:
                who = named
                break
    return who if mem.gender(found[0]) is not None or any(is_given_name(w) for w in who.split()) else None


_INTRODUCING = ("before-cue", "appositive", "subject", "colon", "according-to", "passive-agent")
"""The passes whose cue, ending the paragraph before, may introduce a quote (not one that guessed without a cue)."""


def _introduced(before: str, before_spans: list[Span], text: str, span: Span, lex: Lexicon,
                mem: Memory) -> Attribution | None:
    """A quote that opens its paragraph, introduced by a cue that ended the paragraph before (`Rathbun stated,`,
    `US President Barack Obama tweeted using his @POTUS account:`): read as if the two were one sentence."""
    before = before.replace(MASK, " ").rstrip()
    if not before.endswith((":", ",")) or span.start != len(text) - len(text.lstrip()):
        return None
    tail = before[-WINDOW:]
    if any(s.end > len(before) - len(tail) for s in before_spans):
        return None  # a quote of its own in the sentence: the cue was its
    shift = len(tail) + 1 - span.start
    moved = Span(paragraph=0, start=span.start + shift, end=span.end + shift, text_start=span.text_start + shift,
                 text_end=span.text_end + shift, continued=span.continued, continuation=span.continuation)
    joined = tail + " " + text[span.start:span.end]
    masked = _mask(joined, [moved])
    found = _attribute_one(joined, masked, _sentence_ends(masked), lex, [moved], 0, [], mem, (0, len(masked)))
    return found if found.rule in _INTRODUCING else None


def _split_cue(masked: str, ends: list[int], lex: Lexicon, spans: list[Span], ids: list[int],
               results: list[Attribution]) -> None:
    """A quote with no speaker shares the cue after the next quote of its sentence (`« … », la question est de
    savoir « … » affirme-t-il`, `"…" of his car, "…", according to prosecutors`): the cue is split across the
    quotes. Not when the writer's words between them open a sentence (`"Weapons were found." Then "…"`); quotes
    side by side are one speaker's (`« … permanence. » « Moi, … » a-t-il dit`)."""
    for n in range(len(ids) - 2, -1, -1):
        k, nxt = ids[n], ids[n + 1]
        if results[k].speaker is not None or results[nxt].rule not in ("after-cue", "pronoun", "according-to"):
            continue
        between = tokenize(masked, spans[k].end, min(spans[nxt].start, spans[k].end + WINDOW), lex)
        end = bisect.bisect_right(ends, spans[k].start)
        if end < len(ends) and ends[end] <= spans[nxt].start and any(t.word for t in between):
            continue
        if len(between) < 40 and not any(t.text in ".!?;" or is_cue(between, i, lex) for i, t in enumerate(between)):
            results[k] = results[nxt]._replace(rule="follow-on")


def _mask(text: str, spans: list[Span]) -> str:
    """The paragraph with every quote's words replaced by MASK (same length, so offsets hold); the last mark
    inside a quote stays, so that `“…win.” Next` still ends a sentence."""
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for s in spans:
        inner = text[s.text_start:s.text_end]
        trimmed = inner.rstrip()
        keep = len(inner) - len(trimmed) + 1 if trimmed[-1:] in _QUOTE_END_MARKS else 0  # `limite. »`: French
        # typography spaces the closing mark
        pieces.append(text[cursor:s.text_start])
        pieces.append(MASK * (len(inner) - keep) + inner[len(inner) - keep:])
        cursor = s.text_end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _sentence_ends(masked: str) -> list[int]:
    """Where sentences end: after `.`, `!` or `?` and a space before a capital, not after `Dr.` or `W.`."""
    stops = []  # the marks a sentence can end at, found by `str.find`: ten times faster than the search's scan
    for mark in ".!?":
        at = masked.find(mark)
        while at >= 0:
            stops.append(at)
            at = masked.find(mark, at + 1)
    stops.sort()
    ends: list[int] = []
    searched = 0
    for at in stops:  # the pattern starts with the mark, so trying it at each mark finds what a search finds
        m = _SENTENCE_END.match(masked, at) if at >= searched else None
        if m is None:
            continue
        searched = m.end()
        if masked[at] == "." and not (at >= _LONG and masked[at - _LONG:at].isalnum()):  # a word longer than any
            # abbreviation before the stop is none: most sentences end so, and the search costs ten times this test
            word = _WORD_BEFORE.search(masked, max(0, at - 12), at + 1)
            if word and (word.group(1).lower() in ABBREVIATIONS or (
                    len(word.group(1)) == 1 and word.group(1).isupper()
                    and not letter_ends_sentence(masked, at - 1))):
                continue
        ends.append(m.end())
    return ends


def _attribute_one(text: str, masked: str, ends: list[int], lex: Lexicon, spans: list[Span], k: int,
                   results: list[Attribution], mem: Memory, bounds: tuple[int, int]) -> Attribution:
    span = spans[k]
    start, end, after = sentence_bounds(ends, len(masked), span.start)
    if end < span.end:  # the quote holds a sentence end of its own: its sentence goes on after it
        _, end, after = sentence_bounds(ends, len(masked), span.end - 1)
    start = max(start, span.start - WINDOW, bounds[0])  # long text, and text dense with quotes, stay linear
    end = min(end, span.end + WINDOW, bounds[1])
    site = Site(text, masked, lex, span, start, end, min(after, end + WINDOW, bounds[1]),
                tokenize(masked, start, span.start, lex), tokenize(masked, span.end, end, lex), ends)
    inner = text[span.text_start:span.text_end]
    if (lex.code != "de" and a_name(inner) and named_here(site)) or a_code(inner) or a_word_name(inner, site) \
            or a_french_title(inner, site) or passive_label(site) or a_vote(inner, site) or a_charge(site) \
            or a_named_kind(inner, site):
        return NOBODY
    for _name, run in PASSES:
        found = run(site, mem)
        if found is not None:
            return Attribution(found.speaker, found.cue, found.rule)
    return _without_cue(site, spans, k, results, mem) or NOBODY


def _without_cue(site: Site, spans: list[Span], k: int, results: list[Attribution],
                 mem: Memory) -> Attribution | None:
    """A quote with no cue of its own: the quote it continues, the quote before it in its paragraph, or the
    person the sentence before it was about."""
    span = spans[k]
    prev = results[k - 1] if k > 0 else NOBODY
    prev_span = spans[k - 1] if k > 0 else None
    before = site.before
    if any(t.low in site.lex.naming for t in before[-4:] if t.word):
        return None  # `He named it “Operation Peace Spring”`, `known as the “Blue House”`: a name, not words said
    if site.lex.code != "de" and a_name(site.text[span.text_start:span.text_end]):  # German capitalises nouns
        return None  # `“Super Tuesday”`, `“Storm Area 51, They Can't Stop All of Us”`: a name, not words said
    if described_passively(site):
        return None  # `Il est aussi décrit comme « discret »`: by no one named
    after = site.after[:2]
    if before and before[-1].cap and before[-1].word and after and after[0].cap and after[0].word:
        return None  # `Pasquale “Pat” Di Cicco`: a nickname
    predicate = _subject_of_predicate(site, mem)
    if predicate is not None:
        return predicate  # `Airbus « coopère pleinement avec ces deux organismes ».`
    if prev.speaker and prev_span is not None:
        if span.continuation and prev_span.continued:
            return prev._replace(rule="continuation")
        if prev_span.paragraph == span.paragraph - 1 and _opens_paragraph(site):
            return prev._replace(rule="continuation")
        if prev_span.paragraph == span.paragraph and prev.rule != "passive-agent" and not _term(site) \
                and not _someone_else(site, prev_span.end, prev.speaker, mem):  # `X, who was described as
            # “knife-obsessed” by the police, … her “kuffar” parents`: the police spoke of X, not for the sentence
            return prev._replace(rule="follow-on")
    return _own_words(site, mem) or _sentence_subject(site, mem) or _context(site, mem)


_TERM_WORDS = 4
"""Words at most in a quoted term (`la « dame de fer »`)."""


def _term(site: Site) -> bool:
    """A few quoted words that a determiner or a preposition puts inside a sentence with no cue of its own (`un
    contexte de « conflit parental très violent »`, `une « tenue de camouflage »`): a term, not words said."""
    before, lex = site.before, site.lex
    if not before or not before[-1].word or before[-1].cap or not (
            before[-1].low in lex.determiners or before[-1].low in lex.prepositions):
        return False
    inner = site.text[site.span.text_start:site.span.text_end]
    if len(inner.split()) > _TERM_WORDS or inner.rstrip()[-1:] in ".!?":
        return False
    if any(t.low in lex.pronouns for t in before):
        return False  # `Il appelle à une « révolution démocratique profonde »`: a speaker's call, in his words
    own = [*before, *site.after]
    return not any(is_cue(own, k, lex) for k in range(len(own)))


def _subject_of_predicate(site: Site, mem: Memory) -> Attribution | None:
    """A quote that is its sentence's whole predicate, right after a name that opens the sentence (`Airbus
    « coopère pleinement avec ces deux organismes ».`): the words are that person's or body's."""
    before, span = site.before, site.span
    inner = site.text[span.text_start:span.text_end].lstrip()
    if not 1 <= len(before) <= 4 or not inner[:1].islower() or not all(t.word and t.cap for t in before):
        return None
    m = mention(before, site.text, site.lex)
    if m is None or m.kind not in ("person", "org", "acronym"):
        return None
    who = mem.resolve(m, site.lex)
    if not who or not (who in mem.people or who in mem.bodies):
        return None  # named before: not `They're « … »`, `Fidèle « … »`
    return Attribution(who, None, "sentence-subject")


def _own_words(site: Site, mem: Memory) -> Attribution | None:
    """A quote that is the object of its clause's verb with a possessive (`The State Department gave its “deepest
    sympathies”`, `She voiced her “deep concern”`): the subject's own words."""
    before, lex = site.before, site.lex
    if len(before) < 3 or before[-1].low not in lex.possessives or before[-1].low in lex.first_person \
            or not is_verb(before, len(before) - 2, lex):
        return None
    m = mention(clause_subject(before[:-2], lex), site.text, lex)
    if m is None or (m.kind == "pronoun" and m.gender is None):
        return None
    if m.kind == "nominal" and not (m.head in lex.person_nouns or m.head in lex.titles or m.head in lex.org_heads):
        return None  # `the report gave its “findings”`: a thing's
    who = mem.resolve(m, lex)
    if not who or no_one(who, lex):
        return None
    return Attribution(who, None, "own-words")


def _sentence_subject(site: Site, mem: Memory) -> Attribution | None:
    """A quote with no cue in a sentence about a named person is theirs (`Lisa Mancini has been cosplaying
    for two years, her “passion” for the hobby …`)."""
    m = mention(clause_subject(site.before, site.lex), site.text, site.lex)
    if m is None or m.kind not in ("person", "pronoun") or (m.kind == "pronoun" and (
            m.gender is None or not site.lex.it_pronouns)):  # `she looked at the role as a “chance to face my
        return None  # demons,”`; not `they`, nor `il` and `elle`, which may be things as well as people
    who = mem.resolve(m, site.lex)
    if who is None or who not in mem.people:
        return None
    return Attribution(who, None, "sentence-subject")


def _opens_paragraph(site: Site) -> bool:
    """A quoted sentence that opens a paragraph with no cue of its own goes on with the quote before it;
    a phrase or a title that opens one (`“The Keeper's Year” is published…`) does not."""
    span, text = site.span, site.text
    if span.start != len(text) - len(text.lstrip()):
        return False
    inner = text[span.text_start:span.text_end].rstrip()
    if not (inner.endswith((".", ",", "!", "?", "…", ":", ";")) or span.continued):
        return False
    toks = [*site.window(0, span.start), *site.window(span.end, len(site.masked))]  # once a paragraph at most
    return not any(t.text == ":" or is_cue(toks, i, site.lex) for i, t in enumerate(toks))


def _someone_else(site: Site, since: int, speaker: str, mem: Memory) -> bool:
    """Whether a person other than `speaker` is named between the quote before and this one."""
    _, prev_end, _ = sentence_bounds(site.ends, len(site.masked), since - 1)
    start = max(since, min(prev_end, site.span.start), site.span.start - WINDOW)  # names in the quote before's
    toks = site.window(start, site.span.start)  # own sentence are its attribution
    i = 0
    while i < len(toks):
        if toks[i].cap and toks[i].word:
            end = run_end(toks, i, site.lex)
            found = person_name(toks[i:end], site.lex)
            if found is not None and toks[end - 1].text.endswith(("'s", "’s")):
                found = None  # `the character Tasha Yar's bridge station`: an owner, not a new speaker
            if found is not None and (len(found[0]) > 1 or mem.full_name(found[0][0].text)):
                name = mem.full_name(found[0][-1].text) or name_text(found[0])
                if fold(name) != fold(speaker) and not fold(speaker).endswith(fold(found[0][-1].text)):
                    return True
            i = end
            continue
        i += 1
    return False


def _reporter(toks: list[Tok], site: Site, mem: Memory) -> Mention | None:
    """The person a sentence reports the words of (`…, Zapata said, adding …`), when its last cue has one."""
    for c in range(len(toks) - 1, -1, -1):
        if is_cue(toks, c, site.lex):
            found = subject_of(toks, c, site.lex)
            m = mention(found[0], site.text, site.lex) if found and found[0] else None
            return m if m is not None and m.kind == "person" else None
    return None


_HOLDS_SENTENCE = re.compile(r"[^\W\d_]{2}[.!?…] ++[A-Z\u00c0-\u00dd]")
"""A sentence's end inside a quote, after a word and before a capital: the quote holds a whole sentence."""


def _context(site: Site, mem: Memory) -> Attribution | None:
    """A full quoted sentence after a sentence about a person, in the same paragraph, is that person's."""
    span = site.span
    if site.masked[site.start:span.start].strip() or site.start == 0:
        return None
    inner = site.text[span.text_start:span.text_end].rstrip()
    ended = inner.endswith((".", "!", "?", "…")) or site.text[span.end:span.end + 1] in (".", "!", "?")
    if not (ended and not site.masked[span.end:site.end].strip(" .,;")) and not _HOLDS_SENTENCE.search(inner):
        return None  # a phrase inside a sentence; but `“This is not what I wanted. I didn't want …” to place at`
        # holds whole sentences of its own: words said, whatever the sentence goes on with (no cue: it has none)
    k = bisect.bisect_left(site.ends, site.start)
    prev_start = max(site.ends[k - 1] if k else 0, site.start - WINDOW)
    toks = site.window(prev_start, site.start)
    m = mention(clause_subject(toks, site.lex), site.text, site.lex)
    lex = site.lex
    if m is None or m.kind not in ("person", "pronoun"):
        m = _reporter(toks, site, mem) or m  # `Strong winds … presented difficulty, Zapata said, adding … “…”`
    person_like = m is not None and m.kind == "nominal" and (m.head in lex.person_nouns or m.head in lex.titles) \
        and not plural(m, lex)  # `la porte-parole de la fédération a nuancé les chiffres. « … »`
    if m is None or not (m.kind in ("person", "pronoun") or person_like):
        return None
    who = mem.resolve(m, lex)
    if who is None or not (who in mem.people or m.kind == "pronoun" or person_like):
        return None
    return Attribution(who, None, "context")
