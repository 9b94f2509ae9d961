"""Clauses: which words are a cue, a verb or an adverb, and which phrase is the subject of a sentence
(`subjects.py` reads a cue's own subject back from it).

No tagger: the lexicon's function words, cues, auxiliaries and a few common verbs mark where a subject ends;
commas mark adverbials (`On Friday, …`).
"""

from __future__ import annotations

from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.names import PARTICLES, is_title
from briefing_tui.core.quotes.phrases import is_relative
from briefing_tui.core.quotes.tokens import Tok

STOP = frozenset(".;:!?()[]")
DASHES = frozenset("—–")
MAX_SUBJECT = 16
"""Words a subject phrase may have: longer runs before a cue are not one noun phrase."""
AND_WORDS = frozenset(("and", "et", "und", "&", "or", "ou", "oder"))
"""Words that join two phrases or two clauses."""
_TIME_OPENERS = frozenset("this last next early late ce cette dieser diese".split())
BUT_WORDS = frozenset(("but", "mais", "aber"))
"""Words that open a contrasting clause, whose subject is the clause's before."""
TO_WORDS = frozenset(("to", "on", "went", "go", "goes", "going"))
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
        if before.low in REFLEXIVE and t.low.startswith(_NOT_SAID_REFLEXIVE):
            return False  # `où il se trouvait`: where he was, not what he found
        if ((before.low in lex.determiners and before.low not in ("that", "one")) or before.low in lex.possessives) \
                and not _clitic(toks, k, lex):
            return False
        if before.text.endswith(("'s", "’s")) and lex.code == "en" and not _past(t.low):
            return False  # `Trump's claims`; not `Moody's said`, nor French `Moody's explique`
        if lex.code == "en" and before.low in lex.prepositions and t.low.endswith("ed"):
            return False  # `according to agreed facts`, `by stated policy`: an adjective
        if t.low.endswith("ing") and before.word and not before.cap and not (
                before.low in lex.auxiliaries or before.low in lex.be or before.low in lex.adverbs
                or before.low in lex.pronouns or before.low in lex.prepositions or before.low in lex.relatives
                or before.low in AND_WORDS or before.low in TO_WORDS or before.low in lex.documents
                or before.low in lex.person_nouns):
            return False  # `its highest warning`; not `issued a statement saying`, `with one poster writing`
    return True


REFLEXIVE = frozenset(("se", "s'", "s’", "sich"))
"""Reflexive pronouns before a verb (`s'est dit`, `se trouvait`, `sich`)."""
_NOT_SAID_REFLEXIVE = ("trouv", "demand")
"""Cues whose reflexive form says nothing (`se trouver`: to be somewhere; `se demander`: to wonder)."""


def _clitic(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A French object pronoun, not an article, before the cue at `k`: after the subject's last word
    (`l'élite parisienne le caractérise`), not after a preposition or a comma (`selon le communiqué`)."""
    pronoun = toks[k - 1] if k >= 2 else None  # an article that is also an object pronoun: `le`, `la`, `les`, `l'`
    if lex.code != "fr" or pronoun is None or pronoun.low not in lex.clitics or pronoun.low not in lex.determiners \
            or pronoun.cap:
        return False
    before = toks[k - 2]
    if before.text == "," and toks[k].low.startswith(_VERB_ONLY):
        return True  # `Une de ses tantes, qui avait coupé les ponts avec lui, le décrit`: no noun is spelt so
    return before.word and before.low not in lex.prepositions and before.low not in lex.determiners \
        and before.low not in lex.cues and toks[k].low not in lex.documents


_VERB_ONLY = ("décri", "qualifi", "jug")
"""French cues that no noun shares a spelling with, whose object pronoun may follow a comma."""


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


_FR_OBJECT_ARTICLES = frozenset(("le", "la", "les", "l'", "l’", "un", "une"))
"""Articles that open an object (not `du`, `des`: `le prix des médicaments` is one phrase)."""


def is_verb(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A word that ends a subject phrase: a common verb, or (in English) a present form in `-s` between a name
    and an article (`Peberdy disputes the claims`), or a past form in `-ed` that is not an adjective before a noun
    (`newly elected Assemblywoman`, `a retired teacher`)."""
    t = toks[k]
    if t.cap or not t.word:
        return False
    if t.low in lex.verbs:
        return True
    before = toks[k - 1] if k else None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if lex.code == "en" and t.low.endswith("s") and not t.low.endswith(("ss", "'s", "’s")) and len(t.low) > 3 \
            and before is not None and before.cap and before.word and not is_title(before, lex) \
            and before.low not in lex.not_names and nxt is not None \
            and (nxt.low in lex.determiners or nxt.low in lex.possessives):
        return True  # `Peberdy disputes the claims`: a present form between a name and its object
    if lex.code == "fr" and before is not None and before.word and nxt is not None and nxt.low in _FR_OBJECT_ARTICLES \
            and t.low not in lex.prepositions and t.low not in lex.determiners and t.low not in ("et", "ou") \
            and before.low not in lex.prepositions and not t.low.endswith(("'", "’")):
        return True  # `l'association cite l'exemple`: a word between a noun and an article is a verb
    if lex.code == "fr" and t.low.endswith(("ait", "aient")) and len(t.low) > 5 and before is not None \
            and before.word and before.low not in lex.determiners and before.low not in lex.prepositions:
        return True  # `le jeune homme logeait depuis …`: an imperfect after its subject
    if lex.code != "en" or len(t.low) < 5 or not t.low.endswith("ed"):
        return False
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
                    or t.low in lex.according_initial or participle_opens(toks, i, lex))):
            break
        comma = next((k for k in range(i, n) if toks[k].text == ","), None)  # an adverbial up to its comma
        if comma is None:
            return []
        i = comma + 1
    return noun_phrase(toks, i, lex)


_FR_PARTICIPLES = ("é", "ée", "és", "ées", "ant")
"""French participle endings that may open a sentence (`Interrogé par`, `Invitée sur`, `Répondant à`)."""


def participle_opens(toks: list[Tok], i: int, lex: Lexicon) -> bool:
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
        if low in lex.clause_openers and low not in AND_WORDS and not t.cap:
            break
        if out and lex.code != "en" and t.word and not t.cap and out[-1].cap and out[-1].word \
                and low not in lex.determiners and low not in lex.prepositions and low not in PARTICLES \
                and out[-1].low not in lex.determiners and out[-1].low not in lex.possessives \
                and not is_title(t, lex) and low not in lex.person_nouns:  # `Le Premier ministre Édouard Philippe`
            if lex.code == "fr" and french_adjective(low, lex):
                out.append(t)  # `le président de la Commission européenne, Jean-Claude Juncker,`: an adjective
                k += 1
                continue
            if lex.code == "fr" and _adjective_after_name(toks, k, lex):
                out.append(t)  # `Un rapport de la Ligue arabe apporte`: the verb comes next
            break  # `Le député Karim Benali réclame`: a verb after the name
        if out and lex.code == "en" and t.word and not t.cap and out[-1].cap and out[-1].word \
                and low not in lex.determiners and low not in lex.prepositions and low not in PARTICLES \
                and low not in AND_WORDS and _titled_name_ends(out, lex):
            break  # `United States film director Steven Spielberg withdrew`: a verb after the titled name
        if out and low in lex.first_person:  # `A climatologist I spoke to, Dr. Karin Ek,`
            while k < n and toks[k].text != "," and not toks[k].masked and toks[k].text not in STOP:
                k += 1
            continue
        out.append(t)
        k += 1
    while out and out[-1].text == ",":
        out.pop()
    return out


def _titled_name_ends(out: list[Tok], lex: Lexicon) -> bool:
    """Whether `out` ends with a name of two words or more right after a title or a person's noun (`film director
    Steven Spielberg`): in English a word in lower case after it is no part of the phrase."""
    k = len(out)
    while k > 0 and out[k - 1].cap and out[k - 1].word:
        k -= 1
    return len(out) - k >= 2 and k > 0 and (is_title(out[k - 1], lex) or out[k - 1].low in lex.person_nouns)


ADJECTIVE_ENDINGS_FR = ("al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes",
                        "ais", "aise", "aises", "ois", "oise", "oises", "aire", "aires", "éen", "éenne", "éens",
                        "éennes")
"""How French adjectives of nationality, scope and kind end (`européenne`, `national`, `constitutionnel`,
`français`), where no verb that follows a name does (a cue excepted: `appelle`)."""
NATIONALITIES_FR = frozenset(f"{stem}{end}" for stem in ("allemand", "espagnol", "argentin", "afghan", "philippin")
                             for end in ("", "e", "s", "es")) | frozenset("""turc turque turcs turques russe russes
    belge belges suisse suisses grec grecque grecs grecques tchèque tchèques serbe serbes croate croates bulgare
    bulgares slovaque slovaques""".split())
"""French adjectives of nationality that do not end as `ADJECTIVE_ENDINGS_FR` do."""


def french_adjective(low: str, lex: Lexicon) -> bool:
    """Whether a French word in lower case reads as an adjective of nationality, scope or kind, not a verb."""
    return (low.endswith(ADJECTIVE_ENDINGS_FR) or low in NATIONALITIES_FR) and low not in lex.cues \
        and low not in lex.verbs


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
