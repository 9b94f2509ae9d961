"""What attribution remembers of one article as it reads it in order: people, bodies, their descriptions.

Only the `note_*` methods change the memory, and only the walk in `attribution.py` calls them, once per
sentence of unquoted text and once per attributed quote; every lookup (`resolve`, `referent`, `full_name`)
leaves it as it was, so trying a rule that fails has no effect on the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_tui.core.quotes.lexicon import Lexicon, fold
from briefing_tui.core.quotes.names import AGED, given_name_gender, is_demonym, portfolio_word, word_gender
from briefing_tui.core.quotes.phrases import Mention

_THE = frozenset(("the", "le", "la", "l'", "l’", "der", "die"))
_COMPLEMENT = frozenset(("of", "for", "at", "de", "du", "des", "d'", "d’", "von", "des", "der"))
MAX_RECENT = 40
"""People remembered for pronouns: enough for any article, and a bound on the work a pronoun costs."""
MAX_BEARERS = 8
"""People kept per family name or first word: a surname alone means the first named, and text naming thousands of
people who share one (`Anna B…, Anna C…, …`) must cost linear time, not a scan of all of them per name."""
_OPPOSITE = {"m": "f", "f": "m"}


OFFICE_NAMES = {"chef du gouvernement": ("premier ministre",), "chef de l'etat": ("president", "presidente"),
                "head of government": ("prime minister", "premier"), "head of state": ("president",),
                "regierungschef": ("ministerprasident", "kanzler", "bundeskanzler", "premierminister"),
                "staatschef": ("prasident", "staatsprasident", "bundesprasident")}
"""Offices by another name (folded: lower case, no accents, straight apostrophes), and the titles the article may
have named their holder by: `le chef du gouvernement` is the Premier ministre named before."""


@dataclass
class Memory:
    """People, bodies and descriptions named so far in one article."""

    people: dict[str, str | None] = field(default_factory=dict)
    """Full names (and names given alone) seen so far, with the gender the text showed, if any."""
    surnames: dict[str, list[str]] = field(default_factory=dict)
    """A name's words (folded) -> the people bearing it, in the order they were named."""
    first_words: dict[str, list[str]] = field(default_factory=dict)
    """A full name's first word (folded) -> the people bearing it: `Tuilaepa` alone, `Mr Tong` for Tong
    Yung-soo, where the family name comes first or a person is called by the given name."""
    acronyms: dict[str, str] = field(default_factory=dict)
    """`WHO` -> `the World Health Organization`, from `… (WHO)`."""
    roles: dict[str, str] = field(default_factory=dict)
    """A description's head (folded) -> whom it described last: `commissioner` -> `Albert Muchanga`."""
    portfolios: dict[str, frozenset[str]] = field(default_factory=dict)
    """A title's head (folded) -> the words that said which one it was, for the person `roles` gives: `minister`
    -> {`foreign`} after `The foreign minister, Anna Berg,`; then `the prime minister` is someone else."""
    bodies: list[str] = field(default_factory=list)
    """Bodies named so far, the latest last."""
    described_bodies: dict[str, str] = field(default_factory=dict)
    """A French body's noun (folded) -> how the text first described it in full, its article in lower case: `cour`
    -> `la cour d'appel de Paris`, for `la cour` later (not a body a pronoun may mean: only its shorter form
    resolves to it)."""
    recent: list[str] = field(default_factory=list)
    """People named so far, the latest last (at most MAX_RECENT)."""
    subject: str | None = None
    """The person the latest sentence was about, or the latest speaker: what `he` or `she` means first."""
    actors: set[str] = field(default_factory=set)
    """People named with a title or a role, or seen speaking or acting: those a pronoun may mean."""
    group: str | None = None
    """The body or the group the latest sentence was about: what `it` or `they` means first."""
    group_gender: str | None = None
    """The grammatical gender of `group` (`le gouvernement`: m), for French `il` and `elle`."""
    before_sentence: str | None = None
    """The person named last before the sentence being read began (`Ce dernier` opening it means them)."""
    group_latest: bool = False
    """Whether `group` was noted after `subject`: a French `il` may mean `le gouvernement` named last."""

    # --- lookups: never change the memory ---------------------------------------------------------------

    def gender(self, name: str) -> str | None:
        """What the text said of this person's gender, else what the given name suggests."""
        said = self.people.get(name)
        if said is not None:
            return said
        if name[:1].isupper() and " " in name:
            return given_name_gender(name)
        return None

    def is_person(self, name: str) -> bool:
        return name in self.people

    def full_name(self, word: str, initial: str = "", gender: str | None = None) -> str | None:
        """The person a surname alone means: the first named among those who bear it and fit the initial and
        the gender given (`Nyberg` is Aksel Nyberg, introduced before his daughter Ingrid Nyberg)."""
        key = fold(word)
        bearers = self.surnames.get(key) or self.first_words.get(key) or self.surnames.get("al-" + key) \
            or self.surnames.get("el-" + key)  # `Maliki` after `Nouri al-Maliki`
        if not bearers:
            return None
        fitting = [b for b in bearers if (not initial or b[:1] == initial[:1])
                   and (gender is None or self.gender(b) != _OPPOSITE[gender])]
        return fitting[0] if fitting else None  # the first named: a surname alone is the article's main bearer

    def referent(self, gender: str | None) -> str | None:
        """Who `he` or `she` means: the latest subject unless the text shows them to be of the other gender,
        else the latest person named who can be meant."""
        if gender is None:
            return self.group
        if self.group_latest and self.group_gender == gender:
            return self.group  # `Le nouveau gouvernement s'est donné … Il a cependant déclaré`
        if self.group_latest:  # `les députés … par Christian Jacob. Il a souhaité`: a person named since
            for name in reversed(self.recent):
                if name == self.subject:
                    break
                if self.gender(name) != _OPPOSITE[gender] and name in self.actors:
                    return name
        subject = self.subject
        if subject is not None and self._can_be(subject, gender):
            return subject
        for name in reversed(self.recent):
            if self.gender(name) == gender:
                return name
        return None

    def _can_be(self, name: str, gender: str) -> bool:
        if name in self.people:
            return self.gender(name) != _OPPOSITE[gender]
        said = None
        for word in name.split():  # `the mother`, `a council spokeswoman`, `Épouse de président …` opening a
            said = said or word_gender(word)  # sentence: a description, not a name, though it has a capital
        if said is None and name[:1].isupper():
            said = self.gender(name)
        return said != _OPPOSITE[gender]

    def resolve(self, m: Mention, lex: Lexicon) -> str | None:
        """The speaker a mention means, by what the article said before: a full name for a surname or a
        description, the body for its acronym, the referent of a pronoun."""
        if m.kind == "pronoun":
            if m.text in lex.it_pronouns:
                return self.group or (self.bodies[-1] if self.bodies else None)
            who = self.referent(m.gender)
            if who is None and not lex.it_pronouns and self.group_latest:
                return self.group  # `La société Renault a annoncé … Elle estime`: `il`, `elle` mean things too
            return who
        if m.kind == "latter":  # `Ce dernier, accusant Soros …, a affirmé`: opening its sentence, the person named
            if m.text[:1].isupper() and self.before_sentence is not None:  # before it, not in it
                return self.before_sentence
            return self.recent[-1] if self.recent else None
        if m.kind == "acronym":
            return self.acronyms.get(m.text) or self._by_initials(m.text) or self._hyphenated(m.text) \
                or (None if m.text.isupper() else self._body_named(m.text)) or m.text  # `Ordre`: l'Ordre de Malte
        if m.kind == "person":
            words = m.text.split()
            if len(words) == 1:
                return (self.full_name(words[0], gender=m.gender) or self.acronyms.get(m.text)
                        or self._body_named(m.text) or self._misspelt_surname(words[0]) or m.text)
            if len(words) == 2 and len(words[0]) == 2 and words[0].endswith("."):  # `B. Obama`
                return self.full_name(words[1], initial=words[0]) or m.text
            known = self.full_name(words[-1])
            if known is not None and set(fold(m.text).split()) <= set(fold(known).split()):
                return known  # `Tayyip Erdogan` for `Recep Tayyip Erdoğan`, `Ana Pastor` for `Ana Pastor García`
            if known is None and m.text not in self.people and (earlier := self._misspelt(words)) is not None:
                return earlier  # `Miguel Nerva` once, after `Miguel Neiva`: a typo, not a new person
            if len(words) == 2 and words[0].lower() in lex.titles:  # `Dame Cressida` after `Cressida Dick`,
                known = self.full_name(words[1])  # `Princess Ubolratana` after `Ubolratana Mahidol`
                if known is not None and fold(words[1]) in fold(known).split():
                    return known
            return m.text
        if m.kind in ("nominal", "org") and m.text.count(" ") == 1:
            article, acronym = m.text.split()
            if article.lower() in lex.determiners and acronym.isupper() and len(acronym) > 1:
                return self.acronyms.get(acronym) or self._by_initials(acronym) or m.text  # `the UN`
        if m.kind in ("nominal", "org", "acronym") and " " not in m.text and (acronym := _unelided(m.text)) != m.text \
                and acronym.isupper() and len(acronym) > 1 and (known := self.acronyms.get(acronym)):
            # `l'OSF`, after `l'Open Society Foundations (OSF)`: with the article, as the text names it
            return known if _unelided(known) != known or known.split(" ", 1)[0].lower() in lex.determiners \
                else m.text[:2].lower() + known
        if m.kind == "nominal":
            last = m.text.rsplit(" ", 1)[-1]
            if m.definite and last[:1].isupper() and " " in m.text and (known := self.full_name(last)) \
                    and not any(w in lex.prepositions or w[:2] in lex.prepositions for w in m.text.lower().split()):
                return known  # `the elder Brown`: a surname named before; not `The government of American Samoa`
            unelided = _unelided(m.text)  # `L'archevêque de Rouen`: archevêque de Rouen
            rest = unelided if unelided != m.text else m.text.partition(" ")[2]
            office = (self.roles.get(fold(rest)) or self._office_named(fold(rest))) \
                if m.definite and " " in m.text else None
            if office is not None:
                return office  # `le ministre iranien des Transports`, as the article described Abbas Akhoundi
            described = self._described(m, lex) if m.definite and fold(m.head) not in self.roles else None
            if described is not None:
                return described  # `The Wooster professor added`
            words = m.text.split()[1:]
            head_at = next((k for k, w in enumerate(words) if w.lower() == m.head), 0)  # adjectives before it
            if m.definite and m.head and not any(w[:1].isupper() and w.lower() not in lex.titles
                                                 and not (k < head_at and is_demonym(w))  # `the Chinese Premier`
                                                 for k, w in enumerate(words)):
                described = self.roles.get(fold(m.head))
                portfolio = frozenset(fold(w) for w in words[:head_at] if portfolio_word(w.lower(), lex))
                if described is not None and not self.other_portfolio(m.head, portfolio):
                    return described
                if m.head in lex.generic_orgs or m.head in lex.org_heads:
                    body = self._body_with(m.head)  # `the agency`: the Environment Agency
                    if body is None and m.head in lex.generic_orgs and m.bare:
                        body = self.group or (self.bodies[-1] if self.bodies else None)  # `the company`: the
                        # body written about last, else named last; not `the launch company`
                    if body is not None:
                        return body
            if m.definite and m.head in lex.org_heads and (body := self._inverted_body(m.text)) is not None:
                return body
            if m.definite and m.bare and m.text.count(" ") == 1 and (body := self.described_bodies.get(fold(m.head))):
                return body  # `la cour`: la cour d'appel de Paris
            if lex.code == "fr" and m.definite and m.head in lex.org_heads \
                    and (body := self._body_in_full(m.text)) != m.text:
                return body  # `Le Tribunal`: le Tribunal international Monsanto
            first = m.text.split()[0]
            if lex.code == "fr" and first.lower() in _THIRD_PERSON and m.bare \
                    and (m.head in lex.person_nouns or m.head in _ENTOURAGE or word_gender(m.head) is not None):
                owner = self.subject if self.subject in self.people else (self.recent[-1] if self.recent else None)
                if owner is not None:
                    return _of_owner(m.text, owner)  # `sa mère`: la mère d'Hubert Caouissin
            if first.lower() in lex.determiners or first.lower() in lex.possessives:
                return m.text[0].lower() + m.text[1:]
            return m.text
        if m.kind == "org" and " " not in m.text:
            return self._body_named(m.text) or self._hyphenated(m.text) or m.text
        if m.kind == "org" and m.text.count(" ") == 1:
            article, head = m.text.lower().split()
            if article in lex.determiners and head in lex.org_heads:
                return self._body_with(head, m.text) or m.text  # `the Court`: the Supreme Court of Puerto Rico
        if m.kind == "org":
            return self._body_in_full(m.text)
        return m.text

    def _described(self, m: Mention, lex: Lexicon) -> str | None:
        """The person a definite description of a person means when no one was given it: the person the text is
        about, if the description fits their gender (`said study co-author Karen Alley. The Wooster professor
        added`). Only a title, a word of kinship (`the mother`) or an age (`the 45-year-old`); an office only
        when it was held before (`L'ancien président a ajouté`); not a plural, a group (`the family`) or a
        description with a complement (`the father of the victim`)."""
        written = m.text.replace("'", "' ").replace("’", "’ ").split()  # `l'ancien`: `l'` `ancien`
        of = next((k for k, w in enumerate(written) if k >= 2 and w.lower() in _COMPLEMENT), len(written))
        complement = written[of + 1:]
        if len(complement) >= 2 and complement[0][:1].isupper() and " ".join(complement) not in self.people \
                and self.full_name(complement[-1]) is None:
            written = written[:of]  # `La candidate de Lutte ouvrière`: a body's name says where the person
            # works, not whose they are (`the father of the victim`, `L'avocate de Benoît Hamon`); one word
            # is most often a place (`L'archevêque de Rouen`), which does not make a person the one written about
        words = [w.lower() for w in written]
        former = any(w in lex.role_changers for w in words)
        if not (m.head in lex.titles or word_gender(m.head) is not None or m.head.endswith(AGED)) \
                or (m.head in lex.offices and not former) \
                or self.subject not in self.people or (m.gender is None and self.gender(self.subject) is None):
            return None  # an office means its holder, whom the article may not have named; a body is no person
        if words[0] not in _THE or len(words) > 3 or any(w in _COMPLEMENT for w in words) \
                or (m.head.endswith("s") and lex.code != "de" and not m.head.endswith("ss")):
            return None
        if m.gender is None:
            return self.subject
        return self.referent(m.gender)  # `The father said …`, then `The mother said`

    def _office_named(self, described: str) -> str | None:
        """The holder of the office another name of which `described` starts with, as the article named them
        (`le chef du gouvernement` after `Haïder al-Abadi, le Premier ministre irakien,`; `le chef de l'État`
        after `le président français Emmanuel Macron`; `the head of state` after `President X`)."""
        for other, offices in OFFICE_NAMES.items():
            if described == other or described.startswith(other + " "):
                for key in reversed(list(self.roles)):
                    if any(key == office or key.startswith(office + " ") for office in offices):
                        return self.roles[key]
        return None

    def _misspelt_surname(self, word: str) -> str | None:
        """The one person named lately whose family name is one letter away from a name that means no one
        (`Water said` after `Kathryn Waters`)."""
        key = fold(word)
        if len(key) < 5 or word in self.people:
            return None
        found = {p for p in self.recent if " " in p and _one_letter_apart(fold(p.rsplit(" ", 1)[1]), key)}
        return found.pop() if len(found) == 1 else None

    def _misspelt(self, words: list[str]) -> str | None:
        """The person named before with the same first names and a family name one letter away (a typo)."""
        bearers = self.first_words.get(fold(words[0]))
        if not bearers:
            return None
        last = fold(words[-1])
        if len(last) < 4:
            return None
        firsts = fold(" ".join(words[:-1]))
        for b in bearers:
            if b == " ".join(words):
                return None  # named first as written: the other spelling came later
            known = b.rsplit(" ", 1)
            if len(known) == 2 and fold(known[0]) == firsts and _one_letter_apart(fold(known[1]), last):
                return b
        return None

    def _by_initials(self, acronym: str) -> str | None:
        """The body whose capitalised words start with the acronym's letters (`HRW`: Human Rights Watch)."""
        letters = acronym.replace(".", "")
        for body in reversed(self.bodies):
            initials = "".join(w[0] for w in body.split() if w[:1].isupper())
            if len(letters) > 1 and initials == letters:
                return body
        return None

    def _hyphenated(self, word: str) -> str | None:
        """The body or the name a word is the first part of, hyphenated (`SUD`: SUD-PTT)."""
        key = word + "-"
        return next((b for b in reversed(self.bodies) if b.startswith(key)), None) \
            or next((p for p in reversed(self.recent) if p.startswith(key) and " " not in p), None)

    def _body_named(self, word: str) -> str | None:
        """The body a word alone names: the latest whose name starts with it (`Ford`: Ford Motor Company)."""
        for body in reversed(self.bodies):
            first, _, rest = body.partition(" ")
            if rest and word in (first, _unelided(first)):  # `Ordre`: l'Ordre de Malte
                return body
        return None

    def _body_in_full(self, name: str) -> str:
        """The body named before in full that `name` shortens (`the Supreme Court`: the Supreme Court of Puerto
        Rico), else `name`."""
        key = fold(name) + " "
        for body in reversed(self.bodies):
            if fold(body).startswith(key):
                return body
        return self._inverted_body(name) or name

    def _inverted_body(self, name: str) -> str | None:
        """The body named before whose name says the same the other way round (`the State Department`: the
        United States Department of State; `the Justice Ministry`: the Ministry of Justice)."""
        words = name.split()
        if len(words) != 3 or words[0].lower() != "the" or not words[1][:1].isupper():
            return None
        inverted = f" {fold(words[2])} of {fold(words[1])} "
        return next((body for body in reversed(self.bodies) if inverted in f" {fold(body)} "), None)

    def _body_with(self, head: str, other_than: str = "") -> str | None:
        """The body a description with this head means: the one written about last if it fits (`the court`
        after a sentence about the Court of Session), else the latest named that fits."""
        for body in (self.group, *reversed(self.bodies)):
            if body is None or body not in self.bodies:
                continue
            if fold(head) in _body_words(body) and fold(body) != fold(other_than):
                return body
        return None

    # --- updates: only the walk in attribution.py calls these ----------------------------------------

    def note_person(self, name: str, gender: str | None = None, title: str = "",
                    portfolio: frozenset[str] = frozenset()) -> str:
        """A person was named: remember the name, its words for surnames, the gender and the title shown; return
        the name they are known by (the first spelling of a name written once with a typo: `Miguel Nerva`
        after `Miguel Neiva`)."""
        if self.first_words and name not in self.people and " " in name:
            earlier = self._misspelt(name.split())
            if earlier is not None:
                self.note_mention(earlier)
                return earlier
        if gender is not None or name not in self.people:
            self.people[name] = gender if gender is not None else self.people.get(name)
        words = name.split()
        folded = fold(name)
        for word in words[1:] if len(words) > 1 else words:
            bearers = self.surnames.setdefault(fold(word), [])
            alone = next((k for k, b in enumerate(bearers) if " " not in b), None) if len(words) > 1 else None
            if alone is not None:  # `President Trump`, then `President Donald Trump`: one person, named in full
                self._rename(bearers[alone], name)
                bearers[alone] = name
            elif len(bearers) < MAX_BEARERS and name not in bearers and not any(fold(b) == folded for b in bearers):
                bearers.append(name)
        if len(words) > 1:
            firsts = self.first_words.setdefault(fold(words[0]), [])
            if len(firsts) < MAX_BEARERS and name not in firsts:
                firsts.append(name)
        if title:
            self.roles[fold(title)] = name
            self.portfolios[fold(title)] = portfolio
            if portfolio:  # `the foreign minister` means her, whatever minister is named next
                self.roles[fold(" ".join([*sorted(portfolio), title]))] = name
            self.actors.add(name)
        self.note_mention(name)
        return name

    def _rename(self, short: str, full: str) -> None:
        gender = self.people.pop(short, None)
        if gender is not None and self.people.get(full) is None:
            self.people[full] = gender
        self.recent = [full if r == short else r for r in self.recent]
        self.roles = {k: full if v == short else v for k, v in self.roles.items()}
        if self.subject == short:
            self.subject = full

    def note_mention(self, name: str) -> None:
        """A person already known was named again (the latest mention is what a pronoun reaches first)."""
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
        del self.recent[:-MAX_RECENT]

    def note_body(self, name: str, acronym: str = "", head: str = "") -> None:
        """A body was named (`the World Health Organization (WHO)`); `head` is a description of it. A shorter
        form of a body named before in full is that body."""
        name = self._body_in_full(name)
        if name in self.bodies:
            self.bodies.remove(name)
        self.bodies.append(name)
        del self.bodies[:-MAX_RECENT]
        if acronym:
            self.acronyms[acronym] = name
        if head:
            self.roles[fold(head)] = name

    def note_described_body(self, head: str, description: str) -> None:
        """`la cour d'appel de Paris` was written: `la cour` will mean it, unless another was described first."""
        self.described_bodies.setdefault(fold(head), description)

    def note_role(self, head: str, name: str) -> None:
        """`the coach` will mean `name` (from `Name, the coach,` or `the coach, Name,`)."""
        self.roles[fold(head)] = name
        self.portfolios.pop(fold(head), None)

    def other_portfolio(self, head: str, portfolio: frozenset[str]) -> bool:
        """True when a description's head (`minister`) comes with words saying which one it is (`prime`) that
        are not those of the person the head meant last (`foreign`): another office, another person."""
        known = self.portfolios.get(fold(head))
        return bool(portfolio and known and not portfolio & known)

    def note_sentence_start(self) -> None:
        """A sentence begins: whom a `Ce dernier` opening it means is the person named last until now."""
        self.before_sentence = self.recent[-1] if self.recent else None

    def note_subject(self, name: str | None) -> None:
        """The sentence just read was about the person `name` (or a quote was just given to them)."""
        if name:
            self.subject = name
            self.actors.add(name)
            self.group_latest = False

    def note_group(self, name: str | None, gender: str | None = None) -> None:
        """The sentence just read was about the body or group `name` (of grammatical `gender`, if known)."""
        if name:
            self.group = name
            self.group_gender = gender
            self.group_latest = True


_THIRD_PERSON = {"son": "le", "sa": "la", "ses": "les"}
"""French possessives of one owner, and the article the described noun takes instead (`sa mère`: la mère de …)."""
_ENTOURAGE = frozenset(("entourage", "équipe", "camp", "cabinet"))
"""Nouns of a person's circle, which speak for the person's side."""


def _of_owner(text: str, owner: str) -> str:
    """`sa mère` of Hubert Caouissin: `la mère d'Hubert Caouissin`."""
    possessive, _, rest = text.partition(" ")
    article = _THIRD_PERSON[possessive.lower()]
    if article != "les" and elides(rest):
        return f"l'{rest} {of_french(owner)}{owner}"
    return f"{article} {rest} {of_french(owner)}{owner}"


_ELIDING = frozenset("aeiouyéèêh")
"""First letters before which French elides `de` and `le`/`la` (`d'Hubert`, `l'entourage`)."""


def elides(word: str) -> bool:
    """Whether French elides the article or `de` before this word (`l'entourage`, `d'Hubert Caouissin`)."""
    return word[:1].lower() in _ELIDING


def of_french(name: str) -> str:
    """French `de` before a name, elided where it must be: `d'` or `de `."""
    return "d'" if elides(name) else "de "


def _unelided(word: str) -> str:
    """A word without the elided article it opens with (`l'Ordre`: Ordre), else the word."""
    return word[2:] if word[:2].lower() in ("l'", "l’") else word


def _body_words(body: str) -> list[str]:
    """A body's words, folded, without an elided article (`l'Ordre de Malte`: ordre, de, malte)."""
    return [_unelided(w) for w in fold(body).split()]


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two words differ by one letter changed, added or dropped (`Neiva`, `Nerva`)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    k = next((n for n, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[k:] == long[k + 1:]
