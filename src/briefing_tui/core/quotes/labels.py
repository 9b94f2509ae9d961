"""Quoted words that are a label, not words said: a name or a title (`“Super Tuesday”`), a code (`“COVID-19”`),
what something is called by no one named (`was called the “breadbasket”`). Such a quote gets no speaker."""

from __future__ import annotations

import re

from briefing_tui.core.quotes.clauses import is_cue, is_verb
from briefing_tui.core.quotes.site import Site

_AS = frozenset({"as", "comme", "als"})
"""`referred to the vote as “The Impeachment Hoax”`: what someone called something."""


_NAME_WORDS = 10
"""Words a quoted name has at most (`“Storm Area 51, They Can't Stop All of Us”`)."""


def a_name(inner: str) -> bool:
    """Whether quoted words are a name or a title: two to a few words, each with a capital or a digit, but for
    short function words (`of`, `and`, `de`), and no sentence's end."""
    words = inner.split()
    if len(words) < 2 or len(words) > _NAME_WORDS or inner.rstrip()[-1:] in ".!?…":
        return False  # `“No.”`, `“Stop!”`: a sentence said
    return all(w[:1].isupper() or w[:1].isdigit() or (len(w) <= 3 and w.rstrip(".").isalpha() and w.islower())
               for w in words) \
        and words[0][:1].isupper() and sum(1 for w in words if w[:1].isupper()) >= max(1, len(words) // 2)


def a_code(inner: str) -> bool:
    """Whether the quoted words are one code-like word, letters and digits together (`“COVID-19”`, `“2019-nCoV.”`,
    `“A380”`): a name or a label, never words said."""
    word = inner.strip().rstrip(".,;:!?…")
    return 2 < len(word) <= 30 and " " not in word and any(c.isdigit() for c in word) \
        and any(c.isalpha() for c in word)


def passive_label(site: Site) -> bool:
    """Whether the quote is what something is called, by no one named (`was called the “breadbasket” of
    southern Africa`, `est surnommé « le Boucher »`): a label. With an agent (`was called “reckless” by the
    minister`) the passive-agent pass names who called it so, and after a cue its subject does."""
    before, lex = site.before, site.lex
    k = len(before) - 1
    if k >= 0 and before[k].low in lex.determiners:
        k -= 1
    if k >= 0 and before[k].low in _AS:
        k -= 1
    if k < 1 or before[k].low not in lex.naming or before[k - 1].low not in lex.be:
        return False
    if any(is_cue(before, i, lex) for i in range(k - 1)):
        return False  # `Gaudi told the BBC that it was named “as a joke”`: the cue's subject says so
    return not (site.after and site.after[0].low in lex.agent)


def named_here(site: Site) -> bool:
    """Whether a quote stands where a name does: right after a noun or an article (`the case “Eva
    Glawischnig-Piesczek vs. Facebook Ireland Limited”`, `his event, “Storm Area 51, They Can't Stop All of Us”,`)."""
    before = site.before
    k = len(before) - 1
    if k >= 0 and before[k].text == ",":
        k -= 1
    return k >= 0 and before[k].word and not before[k].cap and before[k].low not in site.lex.prepositions \
        and before[k].low not in _AS \
        and not is_cue(before, k, site.lex) and not is_verb(before, k, site.lex)  # not `referred to it as “…”`


_OF_THE = frozenset(("du", "des", "au", "aux", "of", "the"))
"""Contracted articles (`du`: of the) and the English article: a capitalised word after them names something."""


def a_french_title(inner: str, site: Site) -> bool:
    """Whether the quoted words are a French title, capitalised on its article alone (`lors de « L'Émission
    politique »`, `dans « Le Monde »`): a few words opened by an article and a capital, no sentence's end, right
    after a preposition or an article."""
    words = inner.split()
    if site.lex.code != "fr" or not 1 <= len(words) <= 5 or inner.rstrip()[-1:] in ".!?…," \
            or not _TITLE_OPENING.match(inner.lstrip()):
        return False
    before = site.before
    return bool(before) and before[-1].word and (before[-1].low in site.lex.prepositions
                                                 or before[-1].low in site.lex.determiners)


_TITLE_OPENING = re.compile(r"(?:L['’]|Les? |La )[A-ZÀ-Þ]")
"""`L'Émission`, `Le Monde`, `La Croix`, `Les Échos`: the article, then the capital that opens the name."""


def a_word_name(inner: str, site: Site) -> bool:
    """Whether one quoted capitalised word stands where a name does, right after an article (`les révélations du
    « Monde »`, `les réseaux de la « Françafrique »`, `the “Dealer's Den” hall`): not in German, whose nouns all
    have capitals."""
    word = inner.strip()
    if site.lex.code == "de" or " " in word or not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    before = site.before
    return bool(before) and before[-1].word and (before[-1].low in site.lex.determiners or before[-1].low in _OF_THE
                                                 or named_here(site))  # `l'émission « Quotidien »`


_OF = frozenset(("de", "d'", "d’"))
_VOTES = frozenset(("yes", "no", "oui", "non", "ja", "nein"))
_CHARGED_FOR = frozenset("examen enquête enquêtes information inculpé inculpée inculpés inculpées poursuivi poursuivie "
                         "poursuivis poursuivies condamné condamnée condamnés condamnées interpellé interpellée "
                         "interpellés arrêté arrêtée arrêtés plainte plaintes".split())
"""French words of the law before `pour « … »`: what follows is a charge (`mis en examen pour « recel … »`)."""
_CHARGED_WITH = frozenset("accusé accusée accusés accusées soupçonné soupçonnée soupçonnés soupçonnées".split())
"""French passives before `de « … »`: a charge (`est accusé de « favoritisme »`), after a form of `être`."""


_KINDS = frozenset("""mouvement émission opération programme campagne slogan hashtag livre film chanson album série
    magazine projet plan mot-dièse movement programme program campaign slogan hashtag book film song album series
    show operation project""".split())
"""Nouns that a name in quotation marks follows (`le mouvement « En marche! »`, `the campaign “Stop the War”`)."""


def a_named_kind(inner: str, site: Site) -> bool:
    """Whether the quote is the name of the thing the noun right before it is (`a créé le mouvement « En
    marche! »`): a name, said by no one."""
    before = site.before
    return bool(before) and before[-1].low in _KINDS and inner.lstrip()[:1].isupper() \
        and len(inner.split()) <= 6


def a_charge(site: Site) -> bool:
    """Whether the quote is a charge named by the law (`mis en examen pour « injure publique »`, `l'enquête pour
    « homicides volontaires »`, `est accusé de « favoritisme »`): words of the charge, said by no one."""
    before, lex = site.before, site.lex
    if lex.code != "fr" or len(before) < 2 or (site.after and site.after[0].low in lex.agent):
        return False  # `accusé de « favoritisme » par ses rivaux`: their word for it
    last = before[-1].low
    if last == "pour":
        return any(t.low in _CHARGED_FOR for t in before[-4:-1])
    if last in _OF and before[-2].low in _CHARGED_WITH:
        return len(before) > 2 and (before[-3].low in lex.be or before[-3].low in lex.auxiliaries)  # `est`,
        # `a été`, `avait été`
    return False


def a_vote(inner: str, site: Site) -> bool:
    """Whether the quote is a yes or a no named as a vote or a side, not said: after an article (`le « non »
    au référendum`, `the “yes” campaign`) or before a preposition (`a dit « oui » au référendum`)."""
    if inner.strip().lower() not in _VOTES:
        return False
    before, after, lex = site.before, site.after, site.lex
    return bool(before and before[-1].low in lex.determiners) or bool(after and after[0].low in lex.prepositions)


def described_passively(site: Site) -> bool:
    """Whether the quote is how someone is described in a passive with no agent (`Il est aussi décrit comme
    « discret »`, `was described as “quiet”`): no one is named, so it goes on no one's words before it."""
    before, lex = site.before, site.lex
    k = len(before) - 1
    if k >= 0 and before[k].low in lex.determiners:
        k -= 1
    if k >= 0 and (before[k].low in _AS or before[k].low in _OF):
        k -= 1
    if k < 1 or before[k].low not in lex.passive_cues:
        return False
    k -= 1
    while k >= 0 and before[k].low in lex.adverbs:
        k -= 1
    return k >= 0 and before[k].low in lex.be and not (site.after and site.after[0].low in lex.agent)
