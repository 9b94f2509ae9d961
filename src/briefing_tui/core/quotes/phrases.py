"""Noun phrases: who a phrase names, read without any memory of the article (`memory.py` resolves it).

A phrase is a list of tokens of the masked paragraph (quoted words are blanked, so a name inside a quote is
never a speaker). `mention` reads the phrase the way an editor would: the speaker is the head of the phrase,
not a possessor or a complement (`A close associate of X` is the associate, `Peter Iseley of Ending Clergy
Abuse` is Peter Iseley); a name at the end of a run of descriptions is the person they describe (`Rutgers
University political scholar Kelly Dittmar`); titles and places before a name are not part of it (`Mayor of
London Sadiq Khan`); an appositive name wins over the description beside it (`The Vice President, Mike Pence,`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.names import (
    AGED,
    PARTICLES,
    PLACE_PREPOSITIONS,
    TIME_PREFIXES,
    is_demonym,
    is_given_name,
    is_org,
    is_title,
    name_text,
    names_one_body,
    org_word,
    org_words,
    person_name,
    run_end,
    word_gender,
)
from briefing_tui.core.quotes.tokens import MASK, Tok, tokenize

_DEFINITE = frozenset(("the", "le", "la", "les", "l'", "l’", "der", "die", "das", "this", "that", "ce", "cette"))
"""Determiners that make a description definite: it means someone the text named."""
_BOUNDARY_PUNCT = frozenset(";:—–()[]\"“”«»„")
_TIME_OPENERS = frozenset("this last next early late ce cette dieser diese".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """What a noun phrase names, before the article's memory resolves it."""

    kind: str
    """`person` (a name: `text` is the name, one word when only a surname was given), `org` (a body named
    with capitals, as written), `nominal` (a description, as written), `pronoun`, `acronym`, or `latter` (`ce
    dernier`: the person named last)."""
    text: str
    head: str = ""
    """The head noun of a nominal, lower case (`commissioner` in `the commissioner`)."""
    definite: bool = False
    """A nominal with a definite article or a demonstrative: it may mean someone named before."""
    bare: bool = False
    """A nominal with nothing between its article and its head (`the company`, `le parti écologiste`; not `the
    launch company`): a generic one means the body written about last."""
    title: str = ""
    """For a person: the title or description that stood before the name (`actress`, `commissioner`)."""
    gender: str | None = None
    """What the phrase itself says of the person's gender (`Mrs`, `actress`, `she`)."""


def is_relative(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A word that opens a relative clause; in German only after a comma (`der`, `die` are articles too)."""
    return toks[k].low in lex.relatives and (lex.code != "de" or (k > 0 and toks[k - 1].text == ","))


def _description_gender(toks: list[Tok]) -> str | None:
    for t in toks:
        if (g := word_gender(t.text)) is not None:
            return g
    return None


def mention(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    """What the noun phrase `toks` (a subject, or the words after an inverted cue) names, if anything."""
    toks = _strip_edges(toks, lex)
    if not toks:
        return None
    segments = _segments(toks, lex)
    if not segments:
        return None
    if len(segments) == 1:
        return _mention_of_segment(segments[0], text, lex)
    found = [_mention_of_segment(seg, text, lex) for seg in segments]
    people = [m for m in found if m is not None and m.kind in ("person", "pronoun")]
    if people and (found[0] is None or found[0].kind != "person"):
        first = found[0]
        person = people[0]
        if first is not None and first.kind == "nominal" and person.kind == "person":
            return Mention("person", person.text, head=first.head, title=first.head or person.title,
                           gender=person.gender or first.gender)  # `The Vice President, Mike Pence,`
        return person
    if found[0] is not None and found[0].kind == "person":
        full = next((m for m in people[1:] if _full_name(m.text)), None)
        if full is not None and not _full_name(found[0].text):  # `Daily Xtra's editorial director, Rachel
            return Mention("person", full.text, title=found[0].title, gender=full.gender)  # Giese,`
        return found[0]  # `Barroso, le président de la commission européenne`
    named = [m for m in found if m is not None and m.kind in ("org", "acronym")]
    if found[0] is not None and found[0].kind == "nominal" and named and found[0].head not in lex.documents:
        return named[0]  # `One of these groups, the Syrian Democratic Forces (SDF),`
    return found[0]


def _full_name(text: str) -> bool:
    """A name of more than one word with a common given name (`Rachel Giese`)."""
    words = text.split()
    return len(words) > 1 and any(is_given_name(w) for w in words)


READERS = frozenset("seen obtained reviewed viewed received read consulted vu vue vus obtenu obtenue consulté "
                     "consultée reçu reçue gesehen erhalten".split())
"""Participles before `by` that name who had a document, not its author."""


def _strip_edges(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """Without the punctuation, discourse words and prepositions at its start (`with Zinichev describing`),
    punctuation and adverbs at its end."""
    i, j = 0, len(toks)
    if j > 1 and toks[0].cap and (toks[0].low,) in lex.according:
        i = 1  # `Selon L'Union, deux opérations …`: the source's word, capitalised at the sentence's start
    while i < j and not toks[i].masked and (not toks[i].word or toks[i].low in lex.discourse or (
            toks[i].low in lex.prepositions and toks[i].low not in PARTICLES and not toks[i].cap
            and not (toks[i].low in ("d'", "d’") and i + 1 < j and toks[i + 1].low == "autres"))  # `d'autres
            # policiers`: an article
            or (toks[i].low in _TIME_OPENERS and i + 1 < j and toks[i + 1].low in lex.circumstances)):
        i += 2 if toks[i].low in _TIME_OPENERS else 1  # `this Wednesday Greek Foreign Minister …`
    while j > i and (not toks[j - 1].word or toks[j - 1].low in lex.adverbs or toks[j - 1].low in lex.emphatics
                     or (lex.code == "en" and toks[j - 1].low in lex.prepositions and j - 1 > i)) \
            and toks[j - 1].text != ")":
        j -= 1  # `Sarkozy himself said`, `the young North Korean leader on Sunday said`: the person
    for k in range(i + 2, j - 1):  # `a leaked internal letter seen by Sky News`: the letter, not who saw it
        if toks[k].low in READERS and toks[k + 1].low in lex.agent and not toks[k - 1].cap:
            return toks[i:k]
    return toks[i:j]


def _segments(toks: list[Tok], lex: Lexicon) -> list[list[Tok]]:
    """The phrase split at its commas, without the parts that are not noun phrases: relative clauses
    (`who had led the polls`), participles (`speaking privately`), ages and circumstances."""
    parts: list[list[Tok]] = [[]]
    for t in toks:
        if t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    kept = []
    for k, part in enumerate(parts):
        if not part:
            continue
        first = part[0]
        if k == 0 and len(parts) > 1 and part[-1].low in lex.discourse and not any(t.cap for t in part[1:]):
            continue  # `Quelques minutes plus tard, …`, `Two days later, …`: when, not who
        aged_name = first.text[0].isdigit() and any(t.cap and t.word for t in part[1:])  # `23-year-old Tom Ford`
        if k > 0 and (first.low in lex.relatives or first.low in lex.prepositions or first.low in lex.clause_openers
                      or (first.text[0].isdigit() and not aged_name) or (first.low.endswith("ing") and not first.cap)
                      or first.low in lex.adverbs or first.low in lex.circumstances):
            continue
        kept.append(part)
    return kept


def _mention_of_segment(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    toks = _cut_clause(toks, lex)
    if not toks:
        return None
    first = toks[0]
    if first.low in lex.pronouns and (len(toks) == 1 or not toks[1].cap):
        return Mention("pronoun", first.low, gender=lex.pronouns[first.low])  # `sagte er vor dem Gerichtssaal`
    if len(toks) == 1 and first.low in lex.it_pronouns:
        return Mention("pronoun", first.low)
    if len(toks) == 2 and (first.low, toks[1].low) in LATTER:  # `ce dernier`, `the latter`: the person named last
        return Mention("latter", first.text + " " + toks[1].text)
    if len(toks) == 1 and first.low in lex.object_pronouns and not first.cap:  # `One post by him read`
        subject = lex.object_pronouns[first.low]
        return Mention("pronoun", subject, gender=lex.pronouns.get(subject))
    named = _named_by(toks, lex)  # `a protester using the pseudonym Katya`
    if named is not None:
        return named
    if first.low in lex.determiners and not first.cap and len(toks) > 2 and is_title(toks[-1], lex) \
            and all(is_demonym(t.text) for t in toks[1:-1]):
        return Mention("nominal", text[first.start:toks[-1].end], head=toks[-1].low, definite=first.low in _DEFINITE)
        # `the Chinese Premier`, as the text capitalises an office: a description, not a body's name
    if not first.cap and first.low in TIME_PREFIXES and len(toks) > 1 and toks[1].cap and toks[1].word:
        return _mention_of_segment(toks[1:], text, lex)  # `former U.S. Department of Justice spokesperson Matthew
        # Miller`: a title's time, then the title and the name
    if first.cap and first.low in lex.cut_prepositions and len(toks) > 2 and lex.code != "de":
        k = len(toks)  # `On Monday Fitzsimons told`, `In further testimony today Fitzsimons told`: a circumstance
        while k > 1 and toks[k - 1].cap and toks[k - 1].word and toks[k - 1].low not in lex.not_names:
            k -= 1  # opens the sentence with no comma before its subject, the name that ends the phrase
        if 1 < k < len(toks):
            return _mention_of_segment(toks[k:], text, lex)
    named_at = _name_after_particles(toks)
    if named_at:
        end = run_end(toks, named_at, lex)
        return Mention("person", text[first.start:toks[end - 1].end])  # `de la Morlais`: a family name alone
    if first.cap and first.low not in lex.determiners and first.low not in lex.possessives \
            and not (first.low in PARTITIVE and len(toks) > 1 and not toks[1].cap):  # `Part of the report`
        return _capitalised(toks, text, lex)  # `Pieter de Vries`
    return _nominal(toks, text, lex)


def _name_after_particles(toks: list[Tok]) -> int:
    """Where the capitalised part of a family name that starts with its particles begins (`de Vries`, `de la
    Morlais`, `van der Berg`), or 0 when the phrase is no such name."""
    if not toks or toks[0].low not in _NAME_PARTICLES or toks[0].cap:
        return 0  # not `le Conseil`, `der Glaziologe`: an article
    k = 1
    while k < min(len(toks), 3) and toks[k].low in PARTICLES and not toks[k].cap:
        k += 1
    return k if k < len(toks) and toks[k].cap and toks[k].word else 0


_NAME_PARTICLES = frozenset("de van von da di del della dos ter ten bin ibn".split())
"""Particles that start a family name given alone (`de Vries`), unlike articles (`le Conseil`)."""


def _cut_clause(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """The phrase up to a relative clause, a participle after a name (`Mitsotakis speaking to …`), a
    parenthesis of its own or a clause-opening word."""
    for k, t in enumerate(toks):
        if not k:
            continue
        relative = is_relative(toks, k, lex)
        participle = t.word and not t.cap and t.low.endswith(("ing", "ant")) and len(t.low) > 5 \
            and toks[k - 1].cap and toks[k - 1].word and t.low not in lex.titles \
            and toks[k - 1].low not in lex.determiners and toks[k - 1].low not in lex.possessives
        acronym_closed = t.text == ")" and k >= 2 and toks[k - 2].text == "("  # `le dirigeant de l'Autorité …
        # (BTK) Ömer Fatih Sayan`: an acronym in parentheses stays
        if relative or participle or (t.low in lex.clause_openers and t.low not in ("and", "et", "und")) \
                or (t.text in _BOUNDARY_PUNCT and t.text != "(" and not acronym_closed):
            return toks[:k]
    return toks


def _named_by(toks: list[Tok], lex: Lexicon) -> Mention | None:
    for k, t in enumerate(toks[:-1]):
        if t.low in lex.naming and toks[k + 1].cap:
            end = run_end(toks, k + 1, lex)
            found = person_name(toks[k + 1:end], lex)
            if found:
                return Mention("person", name_text(found[0]))
    return None


def _capitalised(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    """A phrase that starts with a capitalised word: a name, a body, or a name after its descriptions."""
    end = run_end(toks, 0, lex)
    run = toks[:end]
    final = _final_name(toks, lex)  # `Longtime Imus in the Morning writer and performer Rob Bartlett`
    if final is not None:
        return final
    if len(run) == 1 and run[0].low in lex.person_nouns:  # `Critics have called it`, `Members of the House`
        if end == len(toks) and run[0].low.endswith("s"):
            return None  # a bare plural names nobody
        return _nominal(toks, text, lex)
    if len(run) == 1 and end < len(toks) and toks[end].word and not toks[end].cap \
            and toks[end].low not in lex.prepositions and not is_title(run[0], lex) and run[0].low not in PARTICLES:
        return _nominal(toks, text, lex)  # `Civil liberties campaigner Mei Tanaka`, `Bleached coral`
    of = next((k for k, t in enumerate(run) if t.low in ("of", "de", "von")), None)
    if of is not None and of >= 2 and not org_words(run[:of], lex):
        before_of = person_name(run[:of], lex)
        if before_of is not None and len(before_of[0]) >= 2:
            run, end = run[:of], of  # `Nadia Haddad of Meridian Bank`, `Prime Minister Elena Markova of Velsia`
    rest = [t for t in toks[end:] if t.text != "("]
    if rest and rest[0].text.endswith(")"):
        rest = rest[1:]
    if run and run[-1].text.endswith(("'s", "’s", "s'", "s’")) and rest:
        return _nominal(toks, text, lex)  # `Day's animal foundation`, `Weber's manager`
    owner = next((k for k, t in enumerate(run[:-1]) if t.text.endswith(("'s", "’s"))), None)
    if owner is not None and rest and rest[0].word and not rest[0].cap \
            and all(is_demonym(t.text) for t in run[owner + 1:]):
        return _nominal(toks, text, lex)  # `Jangeli's Sudanese counterpart`: a description, not `Sudanese`
    if run and is_title(run[-1], lex) and len(rest) > 1 and rest[0].low in PLACE_PREPOSITIONS:
        place = run_end(rest, 1 + (rest[1].low in lex.determiners), lex)  # `Former US Ambassador to the United
        found = person_name(run + rest[:place], lex)  # Nations Nikki Haley`
        if found is not None and len(found[0]) >= 2:
            return Mention("person", name_text(found[0]), title=run[-1].low)
    if rest and not rest[0].cap and rest[0].low not in lex.prepositions and rest[0].word:
        later = _last_name_run(rest, text, lex)  # `UCL astronomer Angelos Tsiaras`, `Lead Paul Sun-Hyung Lee`
        if later is not None:
            return later
    honoured = _after_honorific(rest, lex)  # `Undersecretary for Education Mr. Toccafondi`
    if honoured is not None:
        return honoured
    found = person_name(run, lex)
    titled = found is not None and bool(found[1]) and len(found[0]) >= 2  # `House of Commons Speaker John Bercow`
    if not titled and (is_org(run, lex) or (len(run) > 1 and run[0].low in lex.determiners)):
        return _org(toks, text, lex)
    if found is None:
        return _org(toks, text, lex)
    name, titles = found
    title = next((t.low for t in reversed(titles) if is_title(t, lex)), "")
    if rest and rest[0].low in ("of", "to", "for") and not titles and len(name) == 1 and is_title(name[0], lex):
        return None
    return Mention("person", name_text(name), title=title, gender=_description_gender(titles))


LATTER = frozenset((("ce", "dernier"), ("cette", "dernière"), ("the", "latter")))
"""Phrases that mean the person named last."""
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. m. mme mme. mlle herr frau".split())
"""Words before a person's name only: what follows one is that person, whatever came before."""


def _after_honorific(rest: list[Tok], lex: Lexicon) -> Mention | None:
    """The person named after an honorific in the words after a title's complement (`for Education Mr.
    Toccafondi`), when the phrase ends with that name."""
    if len(rest) < 3 or rest[0].low not in lex.prepositions:
        return None
    k = next((n for n, t in enumerate(rest[:-1]) if t.low in HONORIFICS and rest[n + 1].cap), None)
    if k is None:
        return None
    end = run_end(rest, k + 1, lex)
    if end != len(rest):
        return None
    found = person_name(rest[k + 1:end], lex)
    return Mention("person", name_text(found[0]), title=rest[k].low) if found is not None else None


def _name_start(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """Where the run of capitalised words that ends at `k` starts, through name particles between capitals
    (`Erik ten Hag`, `Ursula von der Leyen`); not in German, where `der Stadt` is an article and a noun."""
    while k > 0:
        if (toks[k - 1].cap and toks[k - 1].word) or _particle_inside(toks, k - 1, lex):
            k -= 1
            continue
        if k >= 2 and toks[k - 1].low in ("and", "&") and toks[k - 2].cap and toks[k - 2].word and k < len(toks):
            start = k - 2
            while start > 0 and toks[start - 1].cap and toks[start - 1].word:
                start -= 1
            if names_one_body(toks, start, k - 1, lex):
                k = start  # `the Food and Drug Administration`: one body's name
                continue
        break
    return k


def _particle_inside(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """A name particle at `i` between capitalised words, or before another one (`von der`)."""
    t = toks[i]
    if lex.code == "de" or t.cap or t.low not in PARTICLES or i + 1 >= len(toks) or not toks[i + 1].cap or i < 1:
        return False
    return toks[i - 1].cap or (toks[i - 1].low in PARTICLES and i >= 2 and toks[i - 2].cap)


def _name_ends(toks: list[Tok], lex: Lexicon) -> bool:
    """The tokens end with a person's full name (not a body's)."""
    k = _name_start(toks, len(toks), lex)
    found = person_name(toks[k:], lex) if k < len(toks) else None
    return found is not None and len(found[0]) >= 2 and not is_org(toks[k:], lex)


def _final_name(toks: list[Tok], lex: Lexicon) -> Mention | None:
    """A full name that ends the phrase right after a role word in lower case (`… writer and performer Rob
    Bartlett`): whatever came before describes that person."""
    k = _name_start(toks, len(toks), lex)
    if k < 2 or k == len(toks) or toks[k - 1].cap or not toks[k - 1].word:
        return None
    before = toks[k - 1]
    role = is_title(before, lex) or before.low in lex.person_nouns
    h = 0
    while h < k - 1 and (toks[h].low in lex.determiners or toks[h].low in lex.role_changers):
        h += 1  # `L'ancien candidat à la primaire de la droite et du centre Alain Juppé`
    described = (is_title(toks[h], lex) or toks[h].low in lex.person_nouns) and before.low not in lex.prepositions \
        and before.low not in lex.determiners  # `Member of parliament Kevin Conolly`
    if not (role or described):
        return _name_after_employer(toks, k, h, lex)
    found = person_name(toks[k:], lex)
    if found is None or len(found[0]) < 2:
        return None
    return Mention("person", name_text(found[0]), title=toks[k - 1].low, gender=_description_gender(toks[:k]))


_EMPLOYER = frozenset(("at", "of", "with", "from", "chez", "bei"))
"""Words between a role and the body the person works for (`officer at Fort Pitt Capital Group`)."""


def _name_after_employer(toks: list[Tok], k: int, h: int, lex: Lexicon) -> Mention | None:
    """A full name that ends the phrase right after the name of the body a role works for (`Chief investment
    officer at Fort Pitt Capital Group Charlie Smith`): the run of capitals is the body's name up to its head
    noun (`Group`, `Bank`) or up to a common given name, then the person's."""
    if toks[k - 1].low not in _EMPLOYER or not (is_title(toks[h], lex) or toks[h].low in lex.person_nouns):
        return None
    for g in range(len(toks) - 2, k, -1):
        if org_word(toks[g - 1], lex) or (is_given_name(toks[g].text) and not is_given_name(toks[g - 1].text)):
            found = person_name(toks[g:], lex)
            if found is not None and len(found[0]) == len(toks) - g:
                return Mention("person", name_text(found[0]), title=toks[h].low,
                               gender=_description_gender(toks[:g]))
            return None
    return None


_ACRONYM_BETWEEN = re.compile(r" ?\([A-Z]{2,8}\) ?")


def _name_after_acronym(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    """A person's name after a body's acronym at the end of a description of a person (`le dirigeant de
    l'Autorité … (BTK) Ömer Fatih Sayan`; the parentheses may have been dropped from the tokens)."""
    for size in (2, 3):
        k = len(toks) - size
        if k < 2:
            continue
        if toks[k - 1].text == ")" and k >= 4 and toks[k - 3].text == "(" and toks[k - 2].text.isupper():
            before = toks[:k - 3]
        elif _ACRONYM_BETWEEN.fullmatch(text, toks[k - 1].end, toks[k].start):
            before = toks[:k]
        else:
            continue
        run = toks[k:]
        if all(t.cap and t.word for t in run) and not is_org(run, lex) \
                and any(t.low in lex.person_nouns or is_title(t, lex) for t in before) \
                and (found := person_name(run, lex)) is not None and len(found[0]) == size:
            return Mention("person", name_text(found[0]))
    return None


def _last_name_run(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    """The name that ends a run of descriptions (`political scholar Kelly Dittmar`, `his wife Mary`), if the
    phrase's head part (before a complement: `Tobias Lund at a briefing`) ends with one."""
    if (after_acronym := _name_after_acronym(toks, text, lex)) is not None:
        return after_acronym
    for k, t in enumerate(toks):
        if k and t.low in lex.prepositions and not t.cap and toks[k - 1].cap and not is_title(toks[k - 1], lex) \
                and (not (k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].word) or _name_ends(toks[:k], lex)):
            toks = toks[:k]  # `Tobias Lund at a briefing`, `Ted Scambos of CU Boulder's …`; not `Ministry of …`
            break
    k = _name_start(toks, len(toks), lex)
    if k == 0 and lex.code == "de" and toks and (toks[0].low in lex.determiners or toks[0].low in lex.possessives):
        k = 1  # `Ihr Kollege Jonas Albrecht`: German nouns are capitalised too
    if k == 0 and len(toks) > 2 and toks[0].low in ("l'", "l’") and toks[1].low in lex.generic_orgs:
        k = 1  # `L'ONG Greenpeace`: an elided article is no part of a name
    if k == len(toks) or k == 0:
        return None
    run = toks[k:]
    if len(run) == 1 and (is_title(run[0], lex) or run[0].low in lex.generic_orgs):
        return None  # `the Pope`, `l'ONG`: a description, which the memory may resolve
    if len(run) > 1 and run[0].low in lex.generic_orgs:  # `L'ONG Greenpeace`: the body, named after its kind
        return Mention("org", text[run[1].start:run[-1].end], head=run[0].low)
    if toks[k - 1].low in lex.generic_orgs and not toks[k - 1].cap:  # `Facebook's parent company Meta`
        return Mention("org", text[run[0].start:run[-1].end], head=toks[k - 1].low)
    if _kind_then_name(toks, k, lex):  # `l'opérateur Sprint`, `l'agence de presse officielle syrienne Sana`
        return Mention("org", text[run[0].start:run[-1].end], head=toks[1].low)
    if toks[k - 1].low in PLACE_PREPOSITIONS and k >= 2 and is_title(toks[k - 2], lex) and not is_org(run, lex) \
            and (len(run) >= 3 or any(is_given_name(t.text) for t in run)):
        found = person_name(toks[k - 2:], lex)  # `director of Amnesty International Man-kei Tam`
        if found is not None and len(found[0]) >= 2:
            return Mention("person", name_text(found[0]), title=toks[k - 2].low)
    if any(t.low in lex.prepositions and t.low not in ("and",) for t in toks[:k]):
        given = next((n for n, t in enumerate(run) if is_given_name(t.text)), None)
        lead = next((n for n, t in enumerate(run) if t.cap), 0)  # past `la` in `de la Défense …`
        if (not given or len(run) - given < 2) and len(run) - lead >= 3 and office_complement(toks, k + lead, lex):
            found = person_name(run[lead + 1:], lex)  # `le Ministre de la Défense Antoni Macierewicz`: one word
            if found is not None and len(found[0]) >= 2:  # of office, then the name
                return Mention("person", name_text(found[0]), title=next(t.low for t in toks if t.low in lex.offices))
        if given is None and toks[0].low in lex.determiners and _ends_description(toks[k - 1], lex) \
                and len(run) in (2, 3) and not is_org(run, lex):
            given = 0  # `La ministre de la santé Marisol Touraine`: a name the given names do not know
        if given is None or len(run) - given < 2 or (given == 0 and not _ends_description(toks[k - 1], lex)):
            return None  # `a close associate of Anna Berg`: the complement's name; `spokesperson for Halland
            # Energy`: the name is what the person speaks for; `un proche du président Emmanuel Macron`
        run = run[given:]  # `le directeur du site de Jababeka David Quentin`, `L'ancien candidat à la primaire de
        # la droite et du centre Alain Juppé`
    found = person_name(run, lex)
    named = found is not None and (any(is_given_name(t.text) for t in found[0]) or bool(found[1]))
    if is_org(run, lex) or (run[0].low in lex.determiners and len(run) > 1) \
            or (toks[k - 1].low in ("the", "le", "la", "les") and not named):  # `the United States`, `Le Figaro`
        start = k - 1 if toks[k - 1].low in lex.determiners else k
        return Mention("org", text[toks[start].start:toks[-1].end], head=toks[k - 1].low)
    relation = toks[k - 1].low in lex.person_nouns or is_title(toks[k - 1], lex)
    aged = toks[k - 1].low.endswith(AGED)  # `25-year-old Netta`: a person
    if found is None or (len(found[0]) < 2 and not relation and not aged):
        return None
    title = toks[k - 1].low if relation else ""
    name = name_text(found[0])
    if len(found[0]) == 1 and toks[k - 1].low in lex.family_kin and k == 2 \
            and toks[0].cap and toks[0].text.endswith(("'s", "’s")) and len(toks[0].text) > 3:
        name += " " + toks[0].text[:-2]  # `Aitchison's father Norrie`: Norrie Aitchison
    return Mention("person", name, title=title, gender=_description_gender(toks[:k]))


def _ends_description(t: Tok, lex: Lexicon) -> bool:
    """Whether a full name after this word is the person a description is of (`… à la primaire Alain Juppé`): a
    noun of the complement in lower case, not a preposition or an article (`of Anna Berg`) and not a title or a
    person's noun, whose name it would be (`un proche du président Emmanuel Macron`)."""
    return t.word and t.text.isalpha() and not t.cap and t.low not in lex.prepositions \
        and t.low not in lex.determiners \
        and not is_title(t, lex) and t.low not in lex.person_nouns


def _kind_then_name(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A French description of a body's kind, then its name (`l'opérateur Sprint`, `l'agence de presse officielle
    syrienne Sana`): the article, a kind of company, agency or medium in lower case, a few lower-case words
    (complements and adjectives, no article), then the name that ends the phrase (toks[k:]). Not a person's name
    after a title (`le groupe du président Macron`), a complement's name (`le bureau de MSF`) or a clause."""
    if k < 2 or k > 6 or toks[0].low not in lex.determiners or toks[1].low not in lex.named_kinds:
        return False
    before = toks[k - 1]
    if any(t.cap or not t.word or (t.low in lex.determiners and t.low not in lex.prepositions)
           or t.low.endswith(("'", "’")) for t in toks[1:k]) \
            or before.low in lex.prepositions or is_title(before, lex) or before.low in lex.person_nouns:
        return False
    return not any(is_given_name(t.text) for t in toks[k:])


def office_complement(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """Whether the words before `k` are an office and the start of its complement (`Ministre de la`, `minister
    of`): then the first capitalised word at `k` names the office's domain, and the rest of the run a person."""
    j = k - 1
    while j > 0 and (toks[j].low in lex.prepositions or toks[j].low in lex.determiners) and not toks[j].cap:
        j -= 1
    return j < k - 1 and toks[j].low in lex.offices


def _org(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    """A body as written, through its capitalised complements (`the United States Department of Defense`),
    without a parenthesis (`(WHO)`)."""
    k = 1 if toks[0].low in lex.determiners else 0
    end = run_end(toks, k, lex) if k < len(toks) else k
    if end == k:
        end = k + 1
    body = toks[:end]
    if len(body) == 2 and k == 1 and body[1].text.isupper() and is_org(body[1:], lex):
        return Mention("acronym", body[1].text)  # `the UN`, `the CBCP`: the body the acronym stands for
    if len(body) > 3 and body[0].text.endswith(("'s", "’s")) and org_words(body[1:], lex):
        body = body[1:]  # `Thailand's Thai Raksa Chart Party` is a name on its own; `Taiwan's Constitutional
        # Court` is not
    if len(body) == 1 and is_org(body, lex):
        return Mention("acronym", body[0].text)
    if len(body) == 1:
        if body[0].low in lex.not_names or body[0].low in lex.pronouns:
            return None
        return Mention("person", name_text(body) if lex.code == "en" else body[0].text)  # one word: a surname,
        # or a body named once (`Boeing`); only English writes a possessive `'s` (`Moody's explique`)
    return Mention("org", text[body[0].start:body[-1].end], head=body[-1].low)


def _nominal(toks: list[Tok], text: str, lex: Lexicon) -> Mention | None:
    """A description (`the commissioner`, `One of the victims`, `a spokesman for 10 Downing Street`), as
    written up to a clause; a name right after its description is the person (`his wife Mary`)."""
    later = _last_name_run(toks, text, lex)
    if later is not None:
        return later
    end = len(toks)
    for k, t in enumerate(toks):
        if k and t.cap and t.word and k + 1 < len(toks) and is_relative(toks, k + 1, lex):
            end = k + 1
            break
        if k and not t.word and t.text not in "'’-()&." and t.text != MASK:
            end = k
            break
        if t.masked:
            end = k
            break
    toks = toks[:end]
    if lex.code == "en" and end > 2 and toks[end - 1].low in WEEKDAYS and toks[end - 2].word:
        toks, end = toks[:end - 1], end - 1  # `a resolution passed by the European Parliament Thursday`: when
        if end > 2 and toks[end - 1].low in lex.prepositions:
            toks, end = toks[:end - 1], end - 1  # `the young North Korean leader on Sunday`
    toks = toks[:next((k for k in range(1, end) if (toks[k].low in lex.cut_prepositions  # `la mairie dans un
                       and circumstance_after(toks, k, lex, 3)) or (  # communiqué`: the body, not where it spoke
        toks[k].low in _THIS and k + 1 < end and toks[k + 1].low in _WHEN) or _dated(toks, k)
        or toks[k].low in _TO_WHOM), end)]  # `le gouvernement ce mercredi`, `Le Canard enchaîné de ce 22 mars`,
    # `un expert auprès du Parisien`: whom it was said to
    if not toks:
        return None
    head_k = _head_index(toks, lex)
    head = toks[head_k].low if head_k is not None else ""
    if head_k is None or not toks[head_k].word:
        return None
    definite = (toks[0].low in _DEFINITE or (toks[0].cap and toks[0].text.endswith(("'s", "’s")))) and head_k >= 1
    phrase = text[toks[0].start:toks[-1].end]
    return Mention("nominal", phrase, head=head, definite=definite, bare=head_k == 1,
                   gender=_description_gender(toks))


_THIS = frozenset(("ce", "cette", "this", "last", "diesen", "diese", "letzten"))
_TO_WHOM = frozenset(("auprès", "gegenüber"))
"""Prepositions of whom words were said to (`analyse un expert auprès du Parisien`), never part of who."""
WEEKDAYS = frozenset("""lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag""".split())
_WHEN = WEEKDAYS | frozenset("matin soir week-end morning evening weekend week morgen abend woche".split())
"""A time after a description (`selon le gouvernement camerounais ce mercredi`): when, not who."""


def _dated(toks: list[Tok], k: int) -> bool:
    """Whether a date's complement starts at `k` (`de ce 22 mars`, `du jeudi 23 mars`, `of March 22`)."""
    if toks[k].low not in ("de", "du", "of"):
        return False
    nxt = toks[k + 1:k + 4]
    if nxt and nxt[0].low in _THIS:
        nxt = nxt[1:]
    if nxt and nxt[0].low in _WHEN:
        nxt = nxt[1:]  # `du jeudi 23 mars`; not `Le Journal du dimanche`
    return len(nxt) >= 2 and ((nxt[0].text.isdigit() and nxt[1].low in MONTHS)
                              or (nxt[0].low in MONTHS and nxt[1].text.isdigit()))


MONTHS = frozenset("""janvier février mars avril mai juin juillet août septembre octobre novembre décembre january
    february march april june july august september october november december""".split())


def circumstance_after(toks: list[Tok], k: int, lex: Lexicon, reach: int) -> bool:
    """Whether one of the nouns of a circumstance comes within `reach` words after `k` (`dans un communiqué`,
    `au travers de sa délégation`, `sur le réseau social Twitter`): what starts at `k` is a circumstance."""
    return any(t.low in lex.circumstances for t in toks[k + 1:k + 1 + reach])


INDEFINITE = frozenset("a an one un une ein eine einer".split())


def nominal_head(text: str, lex: Lexicon) -> tuple[str, bool]:
    """The head noun of a description written out (`a senior official` -> `official`), and whether it is
    indefinite (a new person, whom `the official` will mean)."""
    toks = [t for t in tokenize(text, 0, len(text), lex) if t.word]
    k = _head_index(toks, lex) if toks else None
    if k is None:
        return "", False
    return toks[k].low, toks[0].low in INDEFINITE


_BEFORE_NOUN = frozenset("nouveau nouvel nouvelle ancien ancienne grand grande petit petite jeune vieux vieil vieille "
                         "premier première dernier dernière seul seule même autre".split())
"""French adjectives that stand before their noun; the others follow it (`le parti écologiste`)."""


PARTITIVE = frozenset("part parts portion portions excerpt excerpts extract extracts passage passages section "
                       "sections partie extrait passage teil auszug".split())
"""Words for a piece of something: `Part of the judge's statement reads` is the statement's (its author's)."""


def _head_index(toks: list[Tok], lex: Lexicon) -> int | None:
    """The head noun: the last word before the first preposition or participle (`head` in `The head of the
    police's …`, `decree` in `The decree signed by the Pope`); in `One of the victims`, `victims`; in French the
    first noun after the article (`parti` in `le parti écologiste`)."""
    start = 0
    while True:  # a quantifier's head is in its complement: scan on from there (a loop: `Part of Part of …`)
        found, again = _head_from(toks, start, lex)
        if again is None:
            return found
        start = again


def _head_from(toks: list[Tok], start: int, lex: Lexicon) -> tuple[int | None, int | None]:
    """`_head_index` from `start`: the head found, or where the complement of a quantifier starts."""
    n = len(toks)
    if lex.code == "fr" and n - start > 1 and toks[start].low in lex.determiners:
        k = start + 1
        while k < n - 1 and toks[k].low in _BEFORE_NOUN:
            k += 1
        if toks[k].word and toks[k].low not in lex.prepositions and not toks[k].cap:
            return k, None
    last = None
    for k in range(start, n):
        t = toks[k]
        if k > start and t.low in lex.prepositions:
            if last is not None and (toks[last].low in lex.determiners or toks[last].low in PARTITIVE) \
                    and t.low in ("of", "des", "de", "d'", "d’"):
                return (None, k + 1) if k + 1 < n else (last, None)
            break
        participle = (t.low.endswith(("ed", "ing", "ant")) and len(t.low) > 4) or t.low in lex.verbs
        if k > start and last is not None and t.word and not t.cap and participle \
                and toks[last].low not in lex.determiners and toks[last].low not in lex.possessives:
            break
        if t.word:
            last = k
    return last, None
