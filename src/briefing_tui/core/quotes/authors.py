"""Who speaks for a document, and the noun phrase after a cue or an agent: a document's author is its
speaker (`a statement released by Erdogan's office`, `a tweet sent from Biden's account`, `Their statement`).

Only lookups of the phrase itself: `passes.py` resolves what these name through the article's memory.
"""

from __future__ import annotations

from dataclasses import replace

from briefing_tui.core.quotes.clauses import DASHES, MAX_SUBJECT, STOP, is_cue, is_verb
from briefing_tui.core.quotes.lexicon import Lexicon
from briefing_tui.core.quotes.names import is_title, run_end
from briefing_tui.core.quotes.phrases import PARTITIVE, READERS, Mention, circumstance_after, mention
from briefing_tui.core.quotes.tokens import Tok, tok


def phrase_after(toks: list[Tok], k: int, lex: Lexicon) -> list[Tok]:
    """The noun phrase after an inverted cue, up to the end of its clause (`said a protester using …`)."""
    if lex.code in ("fr", "de") and k < len(toks) and toks[k].low in lex.cut_prepositions:
        j = k + 1  # `déclare à l'AFP Jean-Philippe Magnen`: a complement before the subject
        while j < len(toks) and (toks[j].low in lex.determiners or not toks[j].word):
            j += 1
        if j + 1 < len(toks) and (toks[j + 1].cap or toks[j + 1].low in lex.determiners):
            k = j + 1
    out: list[Tok] = []
    for i in range(k, len(toks)):
        t = toks[i]
        if t.text in STOP or t.masked or t.text in DASHES:
            break
        if out and t.low in lex.cut_prepositions and (circumstance_after(toks, i, lex, 4) or t.low in _OPENS_ASIDE):
            break
        if lex.code == "en" and out and out[-1].cap and out[-1].word and (is_cue(toks, i, lex)
                                                                          or is_verb(toks, i, lex)):
            break  # `according to analyst Dennis DesRosier believes that`: a verb of its own ends the name (English:
            # the French test for a verb takes `avant` between a noun and an article for one)
        out.append(t)
    return out


_OPENS_ASIDE = frozenset(("via", "during", "as", "while", "when", "after", "before", "per", "lors", "pendant", "à",
                          "au", "aux", "devant"))
"""Prepositions after an inverted cue's subject that always open a circumstance (`a lancé la nouvelle députée
devant ses partisans`); the others do when one of its nouns follows (`sur le réseau social Twitter`)."""


def agent_phrase(toks: list[Tok], lex: Lexicon) -> list[Tok] | None:
    for k, t in enumerate(toks):
        if t.masked:
            return None
        if t.low in lex.agent:
            if k and toks[k - 1].low in READERS:
                return None  # `a letter seen by Sky News`: who read it, not who wrote it
            phrase = phrase_after(toks, k + 1, lex)
            cut = next((n for n, p in enumerate(phrase) if p.low in ("as", "comme") or (
                p.low in ("of", "de", "d'", "d’") and not (n and is_title(phrase[n - 1], lex)))), len(phrase))
            return phrase[:cut] or None  # `by the CBCP as`, `by police of`; not `by US Secretary of State X`
    return None


def object_author(obj: list[Tok], lex: Lexicon, text: str) -> Mention | None:
    """The author named on a document the cue's object is (`the Chuck Jones quote`, `Obama's words`)."""
    for k, t in enumerate(obj):
        if t.masked or t.text in STOP:
            return None
        if t.low in lex.documents and k and (by := agent_phrase(obj[k + 1:k + 1 + MAX_SUBJECT], lex)) \
                and by[0].cap and not any(x.low in lex.prepositions or x.text == "," for x in obj[:k]):
            return mention(by, text, lex)  # `announced an order by Coast Guard Commandant Admiral Elson
            # Hermogino`; not `said, in remarks published by CNN`: the remarks are the speaker's own
        if t.low in lex.documents and k:
            before = obj[k - 1]
            if before.text.endswith(("'s", "’s")) and before.cap:
                return mention([tok(before.text[:-2], before.start, before.end - 2)], text, lex)
            if before.cap and before.word:
                start = k - 1
                while start > 0 and obj[start - 1].cap and obj[start - 1].word:
                    start -= 1
                found = mention(obj[start:k], text, lex)
                return found if found is not None and found.kind == "person" and " " in found.text else None
    return None


def author(region: list[Tok], lex: Lexicon, text: str) -> Mention | None:
    """Who published a document that speaks (`a statement released by Erdogan's office`, `Facebook released a
    statement which read`, `The court's summary`)."""
    by = agent_phrase(region, lex)
    if by:
        return mention(by, text, lex)
    pronoun = lex.possessive_pronouns.get(region[0].low) if region else None
    if pronoun is not None:  # `Their statement also read`: theirs
        return Mention("pronoun", pronoun, gender=lex.pronouns.get(pronoun))
    while len(region) > 2 and region[0].low in PARTITIVE and region[1].low in ("of", "de", "du", "des"):
        region = region[2:]  # `Part of the judge's statement`: the statement's author
    first = region[0] if region else None
    if first is not None and first.text.endswith(("'s", "’s")):
        return mention([tok(first.text[:-2], first.start, first.end - 2)], text, lex)
    for k, t in enumerate(region[1:-1], 1):  # `the judge's statement`: the judge
        if t.text.endswith(("'s", "’s")) and region[k + 1].low in lex.documents:
            start = k
            while t.cap and start > 0 and region[start - 1].cap and region[start - 1].word \
                    and region[start - 1].low not in lex.determiners:  # `The WHO's website`: the WHO
                start -= 1  # `sent from Anna Berg's account`: the name, not the words before it
            owner = region[start:k] if t.cap else region[:k]
            return mention([*owner, tok(t.text[:-2], t.start, t.end - 2)], text, lex)
    for k, t in enumerate(region[:-1]):  # `le communiqué du ministère de l'Intérieur`
        if t.low in ("du", "de", "of", "des") and k + 1 < len(region):
            rest = region[k + 1:]
            if rest[0].low in ("la", "l'", "l’", "the") or rest[0].cap:
                return mention(rest, text, lex)
            if t.low in ("du", "des") and (rest[0].low in lex.org_heads or rest[0].low in lex.generic_orgs):
                found = mention(rest, text, lex)  # `du ministère` is `le ministère`
                article = "le " if t.low == "du" else "les "
                return replace(found, text=article + found.text) if found is not None else None
    head = next((k for k, t in enumerate(region) if t.low in lex.documents), None)
    if head is None or region[head].cap:
        return None  # `The United States Constitution` speaks as itself
    for k, t in enumerate(region[:head]):  # `an AEW press release`; not `a message on Twitter`
        if t.cap and t.word and t.low not in lex.determiners and t.low not in lex.possessives:
            return mention(region[k:run_end(region, k, lex)], text, lex)
    for k in range(head + 1, len(region) - 1):  # `a tweet sent from Biden's Twitter account`: Biden's
        if region[k].low in _FROM and region[k + 1].cap:
            end = k + 1
            while end < min(len(region), k + 5) and region[end].cap and region[end].word:
                end += 1
                last = region[end - 1]
                if last.text.endswith(("'s", "’s")):  # `from Anna Berg's account`
                    return mention([*region[k + 1:end - 1], tok(last.text[:-2], last.start, last.end - 2)],
                                   text, lex)
    return None


_FROM = frozenset(("from", "on", "via", "through", "depuis", "sur", "von", "auf"))
"""Where a document was posted from: `a tweet sent from Biden's account`, `a post on Trump's page`."""
