"""Clauses: which words are a cue, and which phrase is the subject of a cue or of a sentence.

No tagger: the lexicon's function words, cues, auxiliaries and a few common verbs mark where a subject ends;
commas mark appositives (`The Vice President, Mike Pence, said`) and adverbials (`On Friday, …`).
"""

from __future__ import annotations

from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.names import PARTICLES, is_title, org_words, person_name
from briefing_tui.core.quotes.phrases import is_relative, nominal_head
from briefing_tui.core.quotes.tokens import Tok, tok

STOP = frozenset(".;:!?()[]")
DASHES = frozenset("—–")
MAX_SUBJECT = 16
"""Words a subject phrase may have: longer runs before a cue are not one noun phrase."""
_AND = frozenset(("and", "et", "und", "&", "or", "ou", "oder"))
_TIME_OPENERS = frozenset("this last next early late ce cette dieser diese".split())
_BUT = frozenset(("but", "mais", "aber"))
_TO = frozenset(("to", "on", "went", "go", "goes", "going"))
"""`went on to add`: words between a subject and its cue."""


def is_cue(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A reporting verb used as a verb: lower case, not after an article or a possessive (`the demands`,
    `Trump's claims`), not before an auxiliary (`peace talks will`), not an adjective's noun (`its highest
    warning`), not a name's word (`the United States`)."""
    t = toks[k]
    if t.low not in lex.cues or t.cap:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and t.low.endswith("s") and (nxt.low in lex.be or nxt.low in lex.auxiliaries) \
            and nxt.low not in ("a", "se", "s'", "s’", "lui", "leur", "y", "en", "sich", "l'", "l’"):
        return False
    if k > 0:
        before = toks[k - 1]
        if (before.low in lex.determiners and before.low not in ("that", "one")) or before.low in lex.possessives:
            return False
        if before.text.endswith(("'s", "’s")) and lex.code == "en" and not _past(t.low):
            return False  # `Trump's claims`; not `Moody's said`, nor French `Moody's explique`
        if lex.code == "en" and before.low in lex.prepositions and t.low.endswith("ed"):
            return False  # `according to agreed facts`, `by stated policy`: an adjective
        if t.low.endswith("ing") and before.word and not before.cap and not (
                before.low in lex.auxiliaries or before.low in lex.be or before.low in lex.adverbs
                or before.low in lex.pronouns or before.low in lex.prepositions or before.low in lex.relatives
                or before.low in _AND or before.low in _TO):
            return False
    return True


_IRREGULAR_PAST = frozenset(("said", "told", "wrote", "spoke", "read"))


def _past(low: str) -> bool:
    """A past form, which no noun is (`said`, `warned`)."""
    return low.endswith("ed") or low in _IRREGULAR_PAST


def is_adverb(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """An adverb between a subject and its cue: a listed one, or one with an adverb's ending right after an
    auxiliary (`a clairement affirmé`, `has strongly denied`), where no noun can stand."""
    low = toks[k].low
    if low in lex.adverbs:
        return True
    return bool(lex.adverb_suffixes) and k > 0 and len(low) > 5 and low.endswith(lex.adverb_suffixes) \
        and (toks[k - 1].low in lex.auxiliaries or toks[k - 1].low in lex.be)


def is_verb(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A word that ends a subject phrase: a common verb, or (in English) a past form in `-ed` that is not
    an adjective before a noun (`newly elected Assemblywoman`, `a retired teacher`)."""
    t = toks[k]
    if t.cap or not t.word:
        return False
    if t.low in lex.verbs:
        return True
    if lex.code != "en" or len(t.low) < 5 or not t.low.endswith("ed"):
        return False
    before = toks[k - 1] if k else None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.low in lex.agent:
        return False  # `The decree signed by the Pope`: a participle
    if before is not None and (before.low in lex.determiners or before.low in lex.possessives
                               or before.low in lex.adverbs or before.low.endswith("ly")):
        return False
    if before is not None and before.cap and before.word and not is_title(before, lex) \
            and before.low not in lex.not_names:
        return True  # `Warren commended Biden`: a past form after a name is its verb
    return not (nxt is not None and nxt.cap and nxt.word)


def clause_subject(toks: list[Tok], lex: Lexicon) -> list[Tok]:
    """The subject phrase the last clause of `toks` starts with, after discourse words and adverbials
    (`On Friday in Istanbul, as part of a rally, Erdogan said` -> `Erdogan`), with its appositives."""
    if any(t.text == "(" for t in toks):
        toks = drop_parentheses(toks)
    while toks and toks[-1].text in STOP:
        toks = toks[:-1]
    i = len(toks) - 1
    while i > 0 and not (toks[i].text in STOP or toks[i].masked):
        i -= 1
    start = i + 1 if i > 0 or (toks and (toks[0].text in STOP or toks[0].masked)) else 0
    n = len(toks)
    i = start
    while i < n:
        t = toks[i]
        if not t.word:
            i += 1
            continue
        if t.low in lex.discourse and (i + 1 >= n or toks[i + 1].text == "," or not toks[i + 1].cap):
            i += 1
            continue
        if t.low in _TIME_OPENERS and i + 1 < n and toks[i + 1].low in lex.circumstances:
            i += 2  # `This Wednesday Greek Foreign Minister George Katrougalos emphasized`
            continue
        if t.low in lex.pronouns or t.low in lex.it_pronouns or t.low in lex.determiners \
                or t.low in lex.possessives or (t.cap and not (
                    t.low in lex.prepositions or t.low in lex.clause_openers or t.low in lex.cut_prepositions
                    or t.low in lex.according_initial or _participle_opens(toks, i, lex))):
            break
        comma = next((k for k in range(i, n) if toks[k].text == ","), None)  # an adverbial up to its comma
        if comma is None:
            return []
        i = comma + 1
    return noun_phrase(toks, i, lex)


_FR_PARTICIPLES = ("é", "ée", "és", "ées", "ant")
"""French participle endings that may open a sentence (`Interrogé par`, `Invitée sur`, `Répondant à`)."""


def _participle_opens(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """`Speaking to reporters,`, `Asked about her plans,`, `Known as a shock jock,`: a participle clause."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if lex.code == "fr" and t.low.endswith(_FR_PARTICIPLES) and len(t.low) > 4 and nxt is not None \
            and nxt.low in lex.prepositions:
        return True  # `Interrogé par France Info, le député …`
    if not (t.low.endswith("ing") or (lex.code == "en" and t.low.endswith("ed"))) or len(t.low) < 5:
        return False
    return nxt is not None and not nxt.cap and nxt.word and nxt.low not in lex.auxiliaries \
        and nxt.low not in lex.be and nxt.low not in lex.cues and nxt.low not in lex.verbs  # not `Boeing did`


def noun_phrase(toks: list[Tok], i: int, lex: Lexicon) -> list[Tok]:
    """The phrase that starts at `i` and ends before its verb (a cue, an auxiliary, a common verb)."""
    out: list[Tok] = []
    n = len(toks)
    k = i
    if k < n and (toks[k].low in lex.pronouns or toks[k].low in lex.it_pronouns):
        return [toks[k]]
    while k < n and len(out) < MAX_SUBJECT:
        t = toks[k]
        low = t.low
        if (low in lex.cues and not t.cap and is_cue(toks, k, lex)) or (out and low in lex.auxiliaries and not t.cap) \
                or low in lex.be \
                or t.masked or t.text in STOP or t.text in DASHES or (out and is_verb(toks, k, lex)):
            break
        if out and low in lex.adverbs and not t.cap:
            break
        if out and low in lex.clitics and k + 1 < n and (toks[k + 1].low in lex.auxiliaries or toks[k + 1].low
                                                         in lex.be or toks[k + 1].low in lex.cues):
            break  # `le graphiste s'est basé`; not `le ministre de l'Intérieur`
        if is_relative(toks, k, lex):
            break
        if low in lex.clause_openers and low not in _AND and not t.cap:
            break
        if out and lex.code != "en" and t.word and not t.cap and out[-1].cap and out[-1].word \
                and low not in lex.determiners and low not in lex.prepositions and low not in PARTICLES \
                and out[-1].low not in lex.determiners and out[-1].low not in lex.possessives \
                and not is_title(t, lex) and low not in lex.person_nouns:  # `Le Premier ministre Édouard Philippe`
            if lex.code == "fr" and _adjective_after_name(toks, k, lex):
                out.append(t)  # `Un rapport de la Ligue arabe apporte`: the verb comes next
            break  # `Le député Karim Benali réclame`: a verb after the name
        if out and low in lex.first_person:  # `A climatologist I spoke to, Dr. Karin Ek,`
            while k < n and toks[k].text != "," and not toks[k].masked and toks[k].text not in STOP:
                k += 1
            continue
        out.append(t)
        k += 1
    while out and out[-1].text == ",":
        out.pop()
    return out


def _adjective_after_name(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """In French, a word in lower case after a name is its adjective when a verb follows it (`Un rapport de la
    Ligue arabe apporte`), its verb when an article, a preposition or a clause follows (`Karim Benali réclame
    la …`)."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.word or nxt.cap or nxt.masked:
        return False
    low = nxt.low
    return not (low in lex.determiners or low in lex.prepositions or low in lex.clitics or low in lex.adverbs
                or low in lex.clause_openers or low in lex.possessives or low in lex.cut_prepositions
                or low in lex.relatives)


def drop_parentheses(toks: list[Tok]) -> list[Tok]:
    """Without short parentheticals: `Mike Ryan of the World Health Organization (WHO) told`, `Lionel Tardy
    (UMP) a écrit`. A parenthesis left open is kept."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        if toks[k].text == "(":
            close = next((m for m in range(k + 1, min(len(toks), k + 12)) if toks[m].text == ")"), None)
            if close is not None:
                k = close + 1
                continue
        out.append(toks[k])
        k += 1
    return out


def _skip_to_subject(toks: list[Tok], c: int, lex: Lexicon) -> int:
    """The index of the last word of the cue's subject: back over auxiliaries, adverbs, clitics and set asides
    (`has also said`, `went on to add`, `l'avait appelé`, `a de son côté dénoncé`)."""
    j = c - 1
    while j >= 0:
        t = toks[j]
        if not t.cap and (t.low in lex.auxiliaries or is_adverb(toks, j, lex) or t.low in lex.be or t.low in _TO
                          or t.low in lex.clitics):
            j -= 1
            continue
        aside = next((a for a in lex.asides if j + 1 > len(a)  # something before it: `Elle estime` is no aside
                      and [x.low for x in toks[j + 1 - len(a):j + 1]] == list(a)), None)
        if aside is not None:
            j -= len(aside)
            continue
        break
    return j


def subject_of(toks: list[Tok], c: int, lex: Lexicon) -> tuple[list[Tok], str] | None:
    """The subject phrase of the cue at `c`, and how it was found: `before-cue` (right before it),
    `appositive` (with commas), `subject` (the clause's subject: a participle `…, calling it`, a second verb
    `… and said`, a relative clause `a statement which read`)."""
    j = _skip_to_subject(toks, c, lex)
    if j < 0:
        return None
    t = toks[j]
    participle = toks[c].low.endswith(("ing", "ant")) or (j >= 0 and t.low == "en" and lex.code == "fr")
    if t.low in lex.first_person:
        return None  # `A climatologist I spoke to`: the writer
    if (t.low in lex.pronouns and not t.cap) or (t.low in lex.pronouns and (j == 0 or not toks[j - 1].word)):
        return [t], "before-cue"
    if t.low in lex.it_pronouns:
        subject = clause_subject(toks[:j], lex)  # `The ministry welcomed what it called`
        if subject and subject[0].low not in lex.it_pronouns:
            return subject, "subject"
        return [t], "before-cue"
    if (participle and (t.text == "," or t.text in DASHES or t.low in lex.prepositions)) or t.low in _AND \
            or t.low in _BUT:
        return _earlier_subject(toks, j, lex), "subject"  # `the company said in a statement, calling it`
    if (is_relative(toks, j, lex) or t.low == "that") and j > 1 and toks[j - 1].text == "," \
            and t.low in lex.relatives:
        named = _described_name(toks, j - 1, lex)  # `Mark Hay, a marine ecologist and Regents Professor at GT,
        if named:  # who said`: the name the appositive is of
            return named, "subject"
    if is_relative(toks, j, lex) or t.low == "that":
        return _subject_tokens(toks, j - 1, lex, antecedent=True), "subject"  # `Alex Greenwich who said`
    if participle and t.word and t.low not in lex.prepositions:
        region = _last_phrase(_subject_tokens(toks, j, lex), lex)
        if region and region[0].low in ("with", "avec", "mit") and len(region) > 1 and region[1].cap:
            return region[1:], "subject"  # `with Zinichev describing`
        head = _head(region, lex)
        if head in lex.documents or head in lex.person_nouns:
            return region, "subject"  # `un communiqué de presse affirmant`: the document's author speaks
        if region and region[0].cap and t.cap and toks[c].low.endswith("ing") and _names_person(region, lex):
            return region, "subject"  # `… and Ross Spano of Florida calling the process “…”`
        return _earlier_subject(toks, j + 1, lex), "subject"  # `Trump issued a statement … D.C. saying`
    region = _subject_tokens(toks, j, lex)
    start = region[0] if region else None
    if start is not None:
        k0 = toks.index(start)
        if any(is_relative(toks, k, lex) for k in range(_clause_start(toks, k0), k0)) and not (
                k0 > 0 and is_relative(toks, k0 - 1, lex)):
            return clause_subject(toks[:c], lex), "subject"  # `A diplomat who attended as an observer said`
    if any(r.text == "," for r in region):
        return region, "appositive"
    return _last_phrase(region, lex), "before-cue"


def _described_name(toks: list[Tok], comma: int, lex: Lexicon) -> list[Tok]:
    """The person's name before an appositive description that ends at `comma` (`led by Mark Hay, a marine
    ecologist and Regents Professor at GT,`), if the description has no verb of its own."""
    k = comma - 1
    while k >= 0 and toks[k].text != "," and toks[k].text not in STOP and not toks[k].masked:
        k -= 1
    if k < 1 or toks[k].text != "," or comma - k > MAX_SUBJECT:
        return []
    described = toks[k + 1:comma]
    if not described or described[0].low not in lex.determiners or any(
            is_cue(described, n, lex) or is_verb(described, n, lex) for n in range(len(described))):
        return []
    end = k
    start = end
    while start > 0 and toks[start - 1].cap and toks[start - 1].word:
        start -= 1
    return toks[start:end] if end - start >= 2 and _names_person(toks[start:end], lex) else []


def _names_person(region: list[Tok], lex: Lexicon) -> bool:
    """Whether a phrase starts with a person's full name (`Ross Spano of Florida`)."""
    end = 0
    while end < len(region) and region[end].cap and region[end].word:
        end += 1
    found = person_name(region[:end], lex) if end >= 2 else None
    return found is not None and len(found[0]) >= 2 and not found[1] and not org_words(region[:end], lex)


def _head(region: list[Tok], lex: Lexicon) -> str:
    """The head noun of a phrase, folded."""
    words = [t for t in region if t.word]
    if not words:
        return ""
    return nominal_head(" ".join(t.text for t in words), lex)[0]


def _earlier_subject(toks: list[Tok], j: int, lex: Lexicon) -> list[Tok]:
    """The subject of the verb before: `X said …, calling it` -> X; else the clause's subject."""
    for c2 in range(j - 1, -1, -1):
        if toks[c2].text in STOP:
            break
        if is_cue(toks, c2, lex):
            if c2 > 0 and toks[c2 - 1].low in lex.documents and toks[c2].low.endswith("ed") and c2 + 1 < len(toks) \
                    and (toks[c2 + 1].low in lex.prepositions or toks[c2 + 1].low in lex.agent):
                continue  # `In a video message posted to Twitter, Warren … and said`: what the message is; not
                # `A tweet sent from X's account repeated the claim`
            if c2 > 0 and toks[c2 - 1].low in lex.be:
                break  # `when the result was announced, calling it`: nobody announced; the clause's subject
            found = subject_of(toks, c2, lex)
            if found and found[0]:
                return found[0]
            break
    return clause_subject(toks[:j], lex)


def _clause_start(toks: list[Tok], k: int) -> int:
    while k > 0 and not (toks[k - 1].text in STOP or toks[k - 1].masked):
        k -= 1
    return k


def _subject_tokens(toks: list[Tok], j: int, lex: Lexicon, antecedent: bool = False) -> list[Tok]:
    """The subject phrase that ends at `j` (a comma there closes an aside or an appositive): back to a clause
    boundary, taking in appositives (`Colin Sutherland, Lord Carloway, the Lord President of the court`),
    leaving out asides (`Coles, in its March 8 media release,`, `Trump, responding to …,`)."""
    start = _clause_start(toks, j + 1)
    segments: list[list[Tok]] = [[]]
    for t in toks[start:j + 1]:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    if not segments[-1]:  # a comma before the cue closes an aside or an appositive
        segments.pop()
        while len(segments) > 1 and (not segments[-1] or (_is_aside(segments[-1], lex)
                                                           and segments[-1][0].low not in lex.clause_openers)):
            segments.pop()  # `Thomas Gray, 24, who`: the age; `ALDI, in a Facebook post, called it`: the aside
    if not segments:
        return []
    nearest = segments.pop()
    cut = _cut_at_boundary(nearest, lex)
    if cut and segments and segments[-1] and segments[-1][0].cap and nearest[0].low in lex.possessives \
            and nearest[cut - 1].low in _AND and _is_appositive(segments[-1], lex):
        cut = 0  # `Maya Rockeymoore Cummings, his wife and the current chairwoman of …, said`: one appositive
    region = nearest[cut:]
    if antecedent:
        last = max((k for k, t in enumerate(region) if (t.low in lex.prepositions and t.low not in PARTICLES)
                    or is_verb(region, k, lex) or is_cue(region, k, lex)), default=-1)
        return region[last + 1:]  # `drafted by Alex Greenwich who said`, `des représailles de l'organisation, qui`
    if cut and region and _starts_phrase(region[0], lex):
        return region  # `… while ALDI called it`: the boundary ends the search
    if cut:
        region = []  # `…, Director General of the Institut that monitored the trial, said`: a clause inside
    while segments:
        segment = segments.pop()
        if not segment:
            continue
        if _is_aside(segment, lex):
            continue
        if not _is_appositive(segment, lex):
            cut = _cut_at_boundary(segment, lex)  # `Tout comme Nadine Morano, ex-députée UMP, l'avait appelé`
            if 0 < cut < len(segment) and _is_appositive(segment[cut:], lex) and segment[cut].cap:
                region = [*segment[cut:], tok(",", segment[-1].end, segment[-1].end), *region]
            break
        region = [*segment, tok(",", segment[-1].end, segment[-1].end), *region] if region else segment
        if len(region) > MAX_SUBJECT:
            break
    return region


def _cut_at_boundary(segment: list[Tok], lex: Lexicon) -> int:
    """Where the subject starts in the segment right before a cue: after its last clause boundary or verb."""
    agent = next((k for k in range(len(segment) - 1, -1, -1) if segment[k].low in lex.agent), -1)
    for k in range(len(segment) - 1, -1, -1):
        t = segment[k]
        if t.masked or t.text in STOP or t.text in DASHES or is_relative(segment, k, lex) \
                or (t.low in lex.clause_openers and not _inside_name(segment, k, lex)) \
                or (k < len(segment) - 1 and (is_cue(segment, k, lex) or is_verb(segment, k, lex)) and k > agent
                    and not (k and segment[k - 1].low in lex.documents)):
            return k + 1  # a verb before a passive's agent is a participle: `A message sent … by X said`; so is
            # one right after a document (`A tweet sent from Biden's account … repeated`)
    return 0


def _starts_phrase(t: Tok, lex: Lexicon) -> bool:
    return t.cap or t.low in lex.determiners or t.low in lex.possessives or t.low in lex.pronouns \
        or is_title(t, lex) or t.low in lex.person_nouns or t.text[0].isdigit()


def _is_aside(segment: list[Tok], lex: Lexicon) -> bool:
    """A part between commas that is not the subject: a circumstance, a participle, a relative clause, an age."""
    first = segment[0]
    if first.low in lex.determiners and len(segment) > 1 \
            and not any(tuple(t.low for t in segment[:len(a)]) == a for a in lex.asides):
        return False  # `De nombreux habitants,`: a French article that is also a preposition
    return first.low in lex.prepositions or first.low in lex.clause_openers or first.low in lex.adverbs \
        or first.low in lex.discourse or first.low in lex.circumstances or first.text[0].isdigit() \
        or is_relative(segment, 0, lex) or first.low in lex.relatives or _participle_opens(segment, 0, lex) \
        or (first.low.endswith(("ing", "ant")) and not first.cap) \
        or (len(segment) == 1 and not first.cap and first.word)


def _is_appositive(segment: list[Tok], lex: Lexicon) -> bool:
    """A name or a description beside the subject, with no verb of its own."""
    first = segment[0]
    if not (first.cap or first.low in lex.determiners or first.low in lex.possessives or is_title(first, lex)
            or first.low in lex.person_nouns) or len(segment) > 10:
        return False
    return not any(is_cue(segment, k, lex) or is_verb(segment, k, lex) or t.low in lex.clause_openers
                   for k, t in enumerate(segment) if k)


def _last_phrase(region: list[Tok], lex: Lexicon) -> list[Tok]:
    """The last noun phrase of a region: `a move one trader` -> `one trader` (a determiner after a noun starts
    a new phrase; after a preposition it starts a complement: `The head of the police's investigators`)."""
    if any(t.text == "," for t in region):
        return region
    for k in range(len(region) - 1, 0, -1):
        t, before = region[k], region[k - 1]
        if (t.low in lex.determiners and t.low not in ("that",) and t.low not in lex.prepositions) \
                and before.word and not before.cap and before.low not in lex.prepositions \
                and before.low not in lex.determiners and before.low not in lex.possessives \
                and before.low not in PARTICLES:
            return region[k:]
    return region


def _inside_name(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """`and` inside a description (`trade and industry commissioner`, `of American University and contributor
    to Slate`) or a body's name (`The High Court of England and Wales`), not between two clauses or two
    subjects."""
    if not (toks[k].low in _AND and 0 < k < len(toks) - 1 and toks[k + 1].word):
        return False
    if toks[k + 1].cap:
        start = k
        while start > max(0, k - _NAME_REACH) and toks[start - 1].word and (
                toks[start - 1].cap or toks[start - 1].low in PARTICLES or toks[start - 1].low == "of"):
            start -= 1
        return start < k and toks[k - 1].cap and org_words(toks[start:k], lex)
    return toks[k + 1].low not in ("the", "a", "an", "le", "la", "les", "der", "die", "das")


_NAME_REACH = 8
"""Words looked back over for the body an `and` may be inside: names are short."""
