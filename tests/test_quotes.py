"""Quote spans per docs/quotes.md, and speaker attribution patterns."""

from __future__ import annotations

import time

import pytest

from briefing_tui.core.quotes.attribution import attribute
from briefing_tui.core.quotes.spans import find_spans


def quotes(*paragraphs: str) -> list[str]:
    return [paragraphs[s.paragraph][s.text_start:s.text_end] for s in find_spans(list(paragraphs))]


@pytest.mark.parametrize(("text", "inner"), [
    ("He said “yes” today.", "yes"),
    ('He said "yes" today.', "yes"),
    ("He said ‘yes’ today.", "yes"),
    ("Il a dit « oui » hier.", " oui "),
    ("Er sagte »ja« gestern.", "ja"),
    ("Er sagte „ja“ gestern.", "ja"),
    ("Er sagte „ja” gestern.", "ja"),
])
def test_every_quote_style(text: str, inner: str) -> None:
    assert quotes(text) == [inner]


def test_apostrophes_never_delimit() -> None:
    assert quotes("Russia’s goals and he’d go; the summit's end; ‘it’s fine’, she said.") == ["it’s fine"]
    assert quotes("Trump’s view and Putin’s war") == []
    assert quotes("The summit's end and the allies' plan") == []


def test_nested_quotes_are_one_span() -> None:
    assert quotes("“He told me ‘no’ twice,” she said.") == ["He told me ‘no’ twice,"]


def test_quote_never_crosses_a_paragraph() -> None:
    assert quotes("He said “this never closes.", "Next paragraph “has one” here.") == ["has one"]


def test_multi_paragraph_convention() -> None:
    paras = ["“First part of the speech.", "“Second part,” he said."]
    spans = find_spans(paras)
    assert [(s.paragraph, s.continued, s.continuation) for s in spans] == [(0, True, False), (1, False, True)]
    assert quotes(*paras) == ["First part of the speech.", "Second part,"]


def test_straight_quotes_multi_paragraph() -> None:
    paras = ['"We will wait.', '"Then we act," she said.']
    assert quotes(*paras) == ["We will wait.", "Then we act,"]


def test_unbalanced_quote_is_not_highlighted_to_the_end() -> None:
    assert quotes("He said “oops and then went on for a long time.", "Another paragraph.") == []


def test_many_unclosed_openers_stay_linear() -> None:
    text = "“a " * 50_000
    started = time.process_time()  # CPU time: a loaded machine does not add to it
    assert quotes(text) == []
    assert time.process_time() - started < 2.0  # a quadratic scan takes minutes here


def test_pasted_paragraphs_split_at_the_reopening_mark() -> None:
    """A run of quoted paragraphs pasted into one: each reopening after a sentence end starts a new quote."""
    assert quotes('"We will wait. "Then we act," she said.') == ["We will wait.", "Then we act,"]
    assert quotes("“First. “Second. “Third,” he said.") == ["First.", "Second.", "Third,"]


def test_a_closing_mark_after_a_space_closes() -> None:
    assert quotes('He said "it is over the world. " England then won.') == ["it is over the world. "]


def test_a_quote_inside_a_quote_stays_inside() -> None:
    assert quotes('He wrote: "The "United States" is not holding them." Then he left.') == [
        'The "United States" is not holding them.']
    assert quotes("« On a vu 261 cas de « réelle » fraude », dit-elle.") == [" On a vu 261 cas de « réelle » fraude "]


def test_an_unclosed_quote_inside_a_closed_one_is_dropped() -> None:
    assert quotes("“He said ‘no and left,” she said.") == ["He said ‘no and left,"]


def test_inch_marks_and_empty_quotes_are_not_quotes() -> None:
    assert quotes('A 27" screen and a 5" one.') == []
    assert quotes("An empty “” pair.") == []


def speakers(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    paras = list(paragraphs)
    return [(a.speaker, a.cue) for a in attribute(paras, find_spans(paras))]


@pytest.mark.parametrize(("text", "who", "cue"), [
    ("“We are ready,” Anna Berg said.", "Anna Berg", "said"),
    ("“We are ready,” said Anna Berg, the minister.", "Anna Berg", "said"),
    ("“We are ready,” Anna Berg told reporters.", "Anna Berg", "told"),
    ("Anna Berg said: “We are ready.”", "Anna Berg", "said"),
    ("Anna Berg warned that “we are not ready.”", "Anna Berg", "warned"),
    ("Anna Berg was blunt: “We are not ready.”", "Anna Berg", ":"),
    ("The plan is “ready”, according to Anna Berg.", "Anna Berg", "according to"),
    ("Prime Minister Anna Berg called it “a disgrace.”", "Anna Berg", "called"),
    ("“We doubt it,” a senior NATO official said.", "a senior NATO official", "said"),
    ("»Wir sind bereit«, sagte Anna Berg.", "Anna Berg", "sagte"),
])
def test_attribution_patterns(text: str, who: str, cue: str) -> None:
    assert speakers(text) == [(who, cue)]


def test_pronoun_resolves_to_last_named_subject() -> None:
    assert speakers("Minister Anna Berg arrived late.", "“We are ready,” she said.") == [("Anna Berg", "said")]


def test_surname_resolves_to_full_name() -> None:
    result = speakers("Anna Berg opened the talks.", "“We are ready,” Berg said.")
    assert result == [("Anna Berg", "said")]


def test_scare_quotes_and_titles_have_no_speaker() -> None:
    assert speakers("The so-called “peace plan” was published on Monday.") == [(None, None)]
    assert speakers("The film “Northern Lights” opens on Friday.") == [(None, None)]


def test_never_invents_a_speaker() -> None:
    assert speakers("“Nothing to add.”") == [(None, None)]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["“We are ready,” said Mayor Anna Berg as the results came in."], [("Anna Berg", "said")]),
    (["“It is over,” conceded challenger Paul Weber, who had led the polls."], [("Paul Weber", "conceded")]),
    (["“We ran well,” added Weber's manager, Yusuf Demir."], [("Yusuf Demir", "added")]),
    (["Ein Sprecher des Ministeriums sagte, die Lage sei „ernst“."], [("ein Sprecher des Ministeriums", "sagte")]),
    (["« Nous restons », a déclaré Claire Dubois, secrétaire du syndicat."], [("Claire Dubois", "déclaré")]),
    (["Le maire, Antoine Lefèvre, a jugé la grève « disproportionnée »."], [("Antoine Lefèvre", "jugé")]),
    (["Selon Julien Moreau, le coût dépasse « plusieurs millions »."], [("Julien Moreau", "selon")]),
    (["A coalition backbencher, speaking privately, said it “does not have the votes yet.”"],
     [("a coalition backbencher", "said")]),
    (["Network Rail declined to comment, but a senior industry figure said it was ‘survivable’."],
     [("a senior industry figure", "said")]),
    (["The so-called “sunset clause” would end the powers."], [(None, None)]),
    (["„Viele trinken zu wenig“, so Berger, der die Klinik leitet."], [("Berger", "so")]),
    (['"Two hours of noise," muttered one man in the foyer as he reached for his coat.'],
     [("one man in the foyer", "muttered")]),
    (["Sein Anwalt, Stefan Roth, sprach von einem „großen Missverständnis“."], [("Stefan Roth", "sprach")]),
    (["« Très dur », a expliqué le vainqueur de l'étape, Lucas Fontaine, à l'arrivée."],
     [("Lucas Fontaine", "expliqué")]),
    (["‘We are working on it,’ said a spokesperson for Halland Energy."],
     [("a spokesperson for Halland Energy", "said")]),
    (["The national weather service had issued its highest warning, which it calls ‘code red’."],
     [("the national weather service", "calls")]),
    (['Hydrologist Clara Vidal said: "We are pumping too fast."'], [("Clara Vidal", "said")]),
    (["Das sei „so nicht hinnehmbar“, so gesehen ein Fehler."], [(None, None)]),
    (["Judge Helena Vasquez ruled that the study was “incomplete.”"], [("Helena Vasquez", "ruled")]),
    (["« C'est un coup dur », estime Claire Bonnet, présidente de la coopérative."], [("Claire Bonnet", "estime")]),
    (["Selon le politologue Étienne Roux, la participation a été « faible »."], [("Étienne Roux", "selon")]),
    (["Professor Jan Kowalski of the fictional University of Ostrava called it “irresponsible.”"],
     [("Jan Kowalski", "called")]),
    (["La maire sortante de la ville, Sophie Garnier, a été réélue.", "« Merci », a-t-elle déclaré."],
     [("Sophie Garnier", "déclaré")]),
    (['"The offer was an insult," said Ruth Okonkwo.', '"It did not cover inflation.',
      '"They know where to find us," she added.'],
     [("Ruth Okonkwo", "said"), ("Ruth Okonkwo", "said"), ("Ruth Okonkwo", "added")]),
])
def test_more_attribution_patterns(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # A pronoun skips a person the text or the given name shows to be of the other gender.
    (["Maren Eklund died on Tuesday at her home.", "Her death was confirmed by her son, Anders Eklund.",
      "“She never retired,” he said."], [("Anders Eklund", "said")]),
    (["Under cross-examination by defence lawyer Hanna Voss, Mr Farouk admitted the yard was dark.",
      "“You could not see their faces, could you?” she asked."], [("Hanna Voss", "asked")]),
    (["Maren Eklund died at her home. “Perfection,” said Dr. Lars Berg.",
      "In 1994, she described surgery as “a conversation.”"],
     [("Lars Berg", "said"), ("Maren Eklund", "described")]),
    (["She took over from her father, Seamus, who still comes in.", "He bakes. “Crust,” he says."],
     [("Seamus", "says")]),
    # Where a name starts: at its given name, after descriptions and titles.
    (["“A penalty,” said City striker Jonas Lind, who scored it."], [("Jonas Lind", "said")]),
    (["Prosecutor Ben Achebe said: “We have motive.”"], [("Ben Achebe", "said")]),
    (["Ihr Kollege Jonas Albrecht sieht eine Warnung. „Wir wissen wenig“, sagte er."],
     [("Jonas Albrecht", "sagte")]),
    (["„Gesucht“, sagt die Insektenkundlerin Miriam Vogt, die das Projekt leitet."], [("Miriam Vogt", "sagt")]),
    # Appositives and relative clauses.
    (["“Hard lessons,” said the guard, Omar Farouk, 34."], [("Omar Farouk", "said")]),
    (["The plan's author, finance chief Martin Osei, argued. “I do not enjoy this,” he said."],
     [("Martin Osei", "said")]),
    (["„Genug“, sagte der Vorsitzende der Gewerkschaft, Uwe Brandner, vor dem Hauptbahnhof."],
     [("Uwe Brandner", "sagte")]),
    (["A senior diplomat who attended as an observer said it was “civil but cold.”"],
     [("a senior diplomat", "said")]),
    (["A government scientist who asked not to be named said so. “Clear,” the scientist said."],
     [("a government scientist", "said")]),
    # French: a reflexive cue, a pronoun after the verb, an inverted pronoun.
    (["« Trois cents chaises », se souvient son fondateur, Michel Arnaud, aujourd'hui âgé."],
     [("Michel Arnaud", "souvient")]),
    (["La directrice, Sophie Lemaire, a parlé. « Il fallait inviter tout le monde », explique-t-elle."],
     [("Sophie Lemaire", "explique")]),
    (["Le maire, Jean-Louis Blanc, se veut rassurant. « Nous ferons le bilan », a-t-il promis."],
     [("Jean-Louis Blanc", "promis")]),
    # `it` is the organisation last named as `the …`; a passive cue names nobody.
    (["The Environment Agency said the barrier held. The agency disputed that.",
      "‘We have spent £4 million,’ it said in a statement."], [("the Environment Agency", "said")]),
    (["Campaigners cheered when the result was announced, calling it “a reprieve.”"], [(None, None)]),
    # A quote run on over paragraphs takes the speaker named at its end; a title does not inherit one.
    (["“These libraries matter.", "“If we close them, we pay more,” she said."], [(None, None), (None, None)]),
    (["Councillor Priya Nair spoke.", "“These libraries matter.", "“If we close them, we pay,” said Nair."],
     [("Priya Nair", "said"), ("Priya Nair", "said")]),
    (["Her publisher called it “a quiet masterpiece.”", "“The Keeper's Year” is published by Northlight."],
     [("her publisher", "called"), (None, None)]),
])
def test_attribution_generalises(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert speakers(*paragraphs) == expected


def test_given_names_and_gendered_words() -> None:
    from briefing_tui.core.quotes.names import FEMALE_NAMES, MALE_NAMES, given_name_gender, word_gender
    assert not FEMALE_NAMES & MALE_NAMES  # a name in both lists would decide nothing, so it is in neither
    assert given_name_gender("Jean-Louis Blanc") == "m"  # `Jean` decides nothing; `Louis` does
    assert given_name_gender("Marie-Claire Dubois") == "f"
    assert given_name_gender("Andrea Rossi") is None and given_name_gender("Skyvale") is None
    assert [word_gender(w) for w in ("Mr", "Frau", "son,", "Sprecherin", "Personalvorständin", "Berlin", "coach")] \
        == ["m", "f", "m", "f", "f", None, None]


def attributions(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    paras = list(paragraphs)
    return [(a.speaker, a.rule) for a in attribute(paras, find_spans(paras))]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # The head of a noun phrase speaks, not a possessor or a complement.
    (["A close associate of Anna Berg has told reporters “she will resign.”"],
     [("a close associate of Anna Berg", "before-cue")]),
    # A passive cue's agent.
    (["The plan was described as “vacuous” by Downing Street."], [("Downing Street", "passive-agent")]),
    # Descriptions come off a name; a title with its place.
    (["His manager Robert Voice said “we are proud.”"], [("Robert Voice", "before-cue")]),
    (["“We are ready,” said First Minister of Scotland Nicola Sturgeon."], [("Nicola Sturgeon", "after-cue")]),
    # A body named before, then described.
    (["Hasbro Inc. hosted a panel. The company said it was “sold out.”"], [("Hasbro Inc.", "before-cue")]),
    # A surname expands from a mention after a comma.
    (["The coach, Ange Postecoglou, arrived late.", "“It was hard,” Postecoglou said."],
     [("Ange Postecoglou", "after-cue")]),
    # A cue split across a quote; a question mark before the cue.
    (["“We will wait,” she said, “and then we act.”"], [(None, None), (None, None)]),
    (["Anna Berg spoke first. “We will wait,” she said, “and then we act.”"],
     [("Anna Berg", "pronoun"), ("Anna Berg", "pronoun")]),
    (["“Why now?” asked Anna Berg."], [("Anna Berg", "after-cue")]),
    # A trailing cue with an auxiliary; `according to`; a colon.
    (["Growth will be “slower than hoped”, the IMF has said."], [("the IMF", "after-cue")]),
    (["According to Anna Berg, the plan is “dead.”"], [("Anna Berg", "according-to")]),
    (["Anna Berg was blunt: “No.”"], [("Anna Berg", "colon")]),
    # An appositive; a participle takes the subject of the verb before.
    (["The Vice President, Mike Pence, said the border was “in crisis.”"], [("Mike Pence", "appositive")]),
    (["Anna Berg said in a statement, calling it “a disgrace.”"], [("Anna Berg", "subject")]),
    # Continuation paragraphs and quotes that follow on.
    (["“First part.", "“Second part,” said Anna Berg."],
     [("Anna Berg", "continuation"), ("Anna Berg", "after-cue")]),
    (["“We will wait,” said Anna Berg. “Then we act.”"], [("Anna Berg", "after-cue"), ("Anna Berg", "follow-on")]),
    # Adjectives and bodies before a name; a description resolved to the name the article gave; a message's sender.
    (["Clive Owen won. Oscar-nominated Owen said “it is a gift.”"], [("Clive Owen", "before-cue")]),
    (["Unison Dave Prentis said “no.”"], [("Dave Prentis", "before-cue")]),
    (["Spain's foreign minister, Arancha González, arrived. Spain's minister said “we are ready.”"],
     [("Arancha González", "before-cue")]),
    (["A message sent to staff by Google's security team said: “Change your password.”"],
     [("Google's security team", "before-cue")]),
    # Two people with one surname stay apart; the first named is the one a surname alone means.
    (["Aksel Nyberg kept the light for forty years. His daughter, Ingrid Nyberg, grew up there.",
      "“He never complained,” Ingrid Nyberg said. “It was home,” Nyberg said."],
     [("Ingrid Nyberg", "after-cue"), ("Aksel Nyberg", "after-cue")]),
    # A family name first, or a given name alone; a body by its first word; a sentence's first words are no name.
    (["Prime Minister Tuilaepa Sailele Malielegaoi spoke on Monday.", "Tuilaepa said “we are ready.”"],
     [("Tuilaepa Sailele Malielegaoi", "before-cue")]),
    (["On Friday Ford Motor Company announced a recall.", "Ford said the fault “does not involve safety.”"],
     [("Ford Motor Company", "before-cue")]),
    # The person quoted `as saying`, not the outlet quoting them; `citing X as` describes.
    (["Politico quoted Tim Manning, a former official, as saying “FEMA has a role.”"],
     [("Tim Manning", "quoted-as")]),
    (["A number of Senators condemned the act, citing the move as a “grave abuse of power”."],
     [("a number of Senators", "subject")]),
    # A reduced passive with its agent first; a piece of a document is the document's; an adverb before the cue.
    (["It showed a pattern described by Marine Bulletin as “rather hectic”."], [("Marine Bulletin", "passive-agent")]),
    (["District Judge Gray Miller ruled.", "Part of the judge's statement reads “the average woman could.”"],
     [("Gray Miller", "before-cue")]),
    (["Anna Berg specifically said “no.”"], [("Anna Berg", "before-cue")]),
])
def test_issue_15_patterns(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert attributions(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # A document's author: its possessor, the account it was sent from, its `by` agent, an aside's agent.
    (["The council met. Their statement also read “we regret it.”"], [("the council", "pronoun")]),
    (["A tweet sent from Anna Berg's account repeated the claim, saying “we won.”"], [("Anna Berg", "subject")]),
    (["“We act now,” according to a tweet on Monday by Health Minister Anna Berg."], [("Anna Berg", "according-to")]),
    (["The report, published by Amnesty International, described conditions as “inhumane”."],
     [("Amnesty International", "before-cue")]),
    (["The agency announced an order by Commandant Admiral Elson Reyes directing units to “stand by.”"],
     [("Elson Reyes", "before-cue")]),
    # Descriptions resolved to the person the text is about; an office means its holder, a former one the person.
    (["“Warm water is the cause,” said study co-author Karen Alley.", "The Ohio professor added, “It matters.”"],
     [("Karen Alley", "after-cue"), ("Karen Alley", "before-cue")]),
    (["Nicolas Sarkozy s'est exprimé sur TF1.", "L'ancien président a ajouté : « Ma vie a changé. »"],
     [("Nicolas Sarkozy", "before-cue")]),
    (["Former Vice President Joe Biden debated President Donald Trump.", "The president called it a “waste.”"],
     [("Donald Trump", "before-cue")]),
    # Bodies: named in part, by a description, by an acronym spelt out across `of the`.
    (["The Court of Session ruled. The court's summary read: “It was unlawful.”"],
     [("the Court of Session", "before-cue")]),
    (["It was confirmed by the Catholic Bishops' Conference of the Philippines (CBCP).",
      "He was described by the CBCP as “a strong advocate.”"],
     [("the Catholic Bishops' Conference of the Philippines", "passive-agent")]),
    (["Facebook's parent company Meta said it “disagrees.”"], [("Meta", "before-cue")]),
    (["L'ONG Greenpeace dénonce « un scandale »."], [("Greenpeace", "before-cue")]),
    # An inverted cue that closes the sentence, after a comma.
    (["L'alerte a été donnée « quand nous avons reçu des appels » qui peut contenir 12 000 personnes, a indiqué un "
      "porte-parole de la police."], [("un porte-parole de la police", "after-cue")]),
    # Names: a word before a given name, a title with a prefix of time, a party, an age before a name.
    (["Intelligence Committee Represenative Adam Schiff spoke. Schiff called it “a non-starter”."],
     [("Adam Schiff", "before-cue")]),
    (["Governor Wanda Vázquez Garced spoke. Then-Secretary Vázquez wrote “we are ready.”"],
     [("Wanda Vázquez Garced", "before-cue")]),
    (["Democrat Chuck Schumer told MSNBC he “was a great man.”"], [("Chuck Schumer", "before-cue")]),
    (["“I'm delighted,” said the winner, 23-year-old Tom Ford of Leeds."], [("Tom Ford", "after-cue")]),
    (["Manchester United manager Erik ten Hag said his side were “not good enough”."],
     [("Erik ten Hag", "before-cue")]),
    (["The European Commission's president, Ursula von der Leyen, said: “We will act.”"],
     [("Ursula von der Leyen", "appositive")]),
    (["Police Commissioner Cressida Dick praised them. Dame Cressida added: “I am proud of them.”"],
     [("Cressida Dick", "before-cue")]),
    # Appositives: a relative after one, two descriptions joined by `and`, a participle after a full name.
    (["The work was led by Mark Hay, a marine ecologist and professor at GT, who said “there is a lot to do.”"],
     [("Mark Hay", "subject")]),
    (["Maya Cummings, his wife and the chair of the party, said he “worked to the end”."],
     [("Maya Cummings", "appositive")]),
    (["Steve Scalise called it “unfair” and Ross Spano of Florida calling it “a coup”."],
     [("Steve Scalise", "before-cue"), ("Ross Spano", "subject")]),
    (["“Enough is enough,” one protester, who gave her name only as Sarah, told Reuters."],
     [("one protester", "after-cue")]),
    # Whom a sentence is about: the first of two, the first person before a verb; a sentence that reports words.
    (["Doug Miller and Tristan Smith read the data.", "Miller and Smith both saw faults. He too suggested “a fault.”"],
     [("Doug Miller", "pronoun")]),
    (["Michael Flynn spoke. President Donald Trump flew over.",
      "This was the first time Flynn spoke since he was pardoned by Trump. He said “it is cool.”"],
     [("Michael Flynn", "pronoun")]),
    (["Strong winds slowed the crossing, Franky Zapata said. “It burns — it's quite hard.”"],
     [("Franky Zapata", "context")]),
    # Sentences that open with a participle cue; a name right after a quote; French sources and pronouns.
    (["Calling it a “culture of death” the archbishop said it would fail."], [("the archbishop", "subject")]),
    (["“It is plausible” Tristan Smith told Wikinews yesterday."], [("Tristan Smith", "after-cue")]),
    (["“It will heal us” Crystal Lee of the tribal office told the crowd."], [("Crystal Lee", "after-cue")]),
    # A scare quote before a noun is not followed by its cue (it ended no clause).
    (["The “historic” Senate vote was welcomed, officials said."], [(None, None)]),
    (["Pour la principale association du logiciel libre, l'April : « Le vote est une victoire. »"],
     [("l'April", "according-to")]),
    (["La société Renault a annoncé des suppressions de postes. Elle estime que « la crise impose des choix »."],
     [("Renault", "pronoun")]),
    (["Un rapport de la Ligue arabe apporte la même conclusion : « Il faut noter les faits. »"],
     [("un rapport de la Ligue arabe", "colon")]),
])
def test_rules_version_6_patterns(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert attributions(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # A name, a description with commas of its own, then the cue: the person, not the description's last part.
    (["Cynthia Thompson, curator and director of exhibits at the University of Arkansas, Fayetteville, said, "
      "“These images serve as documentation.”"], [("Cynthia Thompson", "appositive")]),
    # A capital letter and a full stop before an article end a sentence; an initial inside a name does not.
    (["La communauté internationale a critiqué l'essai de la bombe H. La Corée du Sud a annoncé « prendre toutes "
      "les mesures nécessaires »."], [("la Corée du Sud", "before-cue")]),
    (["“We agreed,” said George W. Bush."], [("George W. Bush", "after-cue")]),
    # `in the words of` names a source as `according to` does.
    (["By the end, in the words of the Crown prosecutor, Mark Tedeschi, QC, “she spent her life in pain.”"],
     [("Mark Tedeschi", "according-to")]),
    # An office given to a name between commas, with its article, later means that person.
    (["Abbas Akhoundi, le ministre iranien des Transports, a annoncé un contrat.",
      "Le ministre iranien des Transports a précisé qu'ils seraient « divisés en trois lots »."],
     [("Abbas Akhoundi", "before-cue")]),
    (["Haïder al-Abadi, le Premier ministre irakien, a fait part d'un choc.",
      "Le Premier ministre a dit que les auteurs seraient « traqués »."], [("Haïder al-Abadi", "before-cue")]),
    # A name in quotes right after a noun is no one's words; what someone referred to something as is theirs.
    (["Roberts says his event, “Storm Area 51, They Can't Stop All of Us”, was posted as a joke."], [(None, None)]),
    (["The court ruled in the case “Eva Glawischnig-Piesczek vs. Facebook Ireland Limited”."], [(None, None)]),
    (["Trump referred to the vote as “The Impeachment Hoax”."], [("Trump", "before-cue")]),
    # A time and a circumstance between commas are asides before the subject; `Pour` and a name with its article.
    (["Lors d'une interview sur la radio France Inter, ce jeudi matin, le secrétaire général de la CGT affirme "
      "qu'il n'y a eu « ni exigence, ni diktat »."], [("le secrétaire général de la CGT", "before-cue")]),
    (["Pour L'Opinion, il s'agit d'une « intrusion scandaleuse du syndicat »."], [("L'Opinion", "according-to")]),
    # A cue that ends a paragraph introduces the quote that opens the next one.
    (["Mark Rathbun spoke. Rathbun stated,", "“Daniel was picked up by an investigator.”"],
     [("Mark Rathbun", "before-cue")]),
    (["US President Barack Obama tweeted using his account:", "“Cool clock, Ahmed. Want to bring it here?”"],
     [("Barack Obama", "before-cue")]),
    (["The meeting ended in June, officials said,", "“We will meet again,” the mayor said."],
     [("the mayor", "after-cue")]),
    # A description the lexicon lacks, then a full name: the name (not a possessive place).
    (["They estimated food needs. As coauthor Colette Heald told The Huffington Post, “It is consistent.”"],
     [("Colette Heald", "before-cue")]),
    # A circumstance after an inverted cue's subject is left out; an inverted `a-t-il` is its pronoun.
    (["« Ce soir, les électeurs ont dit non », a lancé la nouvelle députée devant ses partisans."],
     [("la nouvelle députée", "after-cue")]),
    (["Jean-Pierre Morel a reconnu sa défaite. « Je le respecte », a-t-il déclaré, tout en dénonçant une campagne "
      "« indigne »."], [("Jean-Pierre Morel", "pronoun"), ("Jean-Pierre Morel", "pronoun")]),
    # A document someone has seen speaks for itself: `seen by` names a reader, not its author.
    (["It must be returned within twenty days. A leaked internal letter seen by Sky News says “failure to return "
      "it may result in a claim being withdrawn”."], [("a leaked internal letter", "before-cue")]),
    # A document named in full, then by its head alone: the same document.
    (["Le documentaire d'Al Jazeera précise : « Nous avons trouvé du polonium. »",
      "« Les niveaux étaient substantiels », ajoute le documentaire."],
     [("le documentaire d'Al Jazeera", "before-cue"), ("le documentaire d'Al Jazeera", "after-cue")]),
    # A French object pronoun before a cue is no article: `le caractérise` is a cue, `selon le communiqué` is not.
    (["Pour lui, l'élite parisienne le caractérise d'être « grossier », alors qu'elle accepte sa fille."],
     [("l'élite parisienne", "before-cue")]),
    # Words before a given name that no list knows, after a place's adjective, describe the person; so does an
    # occupation before a lone name; a name's own first part stays.
    (["Irish Taoiseach Leo Varadkar said the law would be “enacted this year”."], [("Leo Varadkar", "before-cue")]),
    (["Indonesian Pilot Iriyanto told him to “pull down”."], [("Iriyanto", "before-cue")]),
    (["Jo Anne Van Tilburg said: “The seeps are near.”"], [("Jo Anne Van Tilburg", "before-cue")]),
    # A description read into a clause is cut at its verb: `les autorités ont par la suite` is no one (and since
    # RULES_VERSION 10 `par la suite` stands aside: the authorities).
    (["Les autorités ont par la suite qualifié l'attaque d'« acte de terrorisme »."],
     [("les autorités", "before-cue")]),
    # An aside between commas right after an inverted cue is passed over to its subject.
    (["« La CGT a déposé un préavis », a confié, à Reuters, le directeur de cabinet du Syctom, Patrice Furé. "
      "« Ça va devenir compliqué », selon lui."], [("Patrice Furé", "after-cue"), ("Patrice Furé", "pronoun")]),
    (["“We filed a notice,” said, on Monday, the chief of staff, Patrick Fure."], [("Patrick Fure", "after-cue")]),
    # A person named after a pronoun, in the quote's own sentence, is not whom the pronoun means.
    (["Jacob Zuma is in London. Vincent Magwenya, his spokesman, said it would have no impact.",
      "Magwenya stated: “Mr Zuma is in the UK.”",
      "He also added that Zuma did not “appreciate reading things” about his culture."],
     [("Vincent Magwenya", "before-cue"), ("Vincent Magwenya", "pronoun")]),
    # French reports speech in the imperfect too: every -er cue's imperfect is a cue.
    (["La police d'Orlando évoquait, sur Twitter, de « très nombreuses victimes »."],
     [("la police d'Orlando", "before-cue")]),
    (["Le ministre annonçait qu'il y aurait « des mesures »."], [("le ministre", "before-cue")]),
    # `Abou` is part of a name; a reflexive pronoun is no speaker.
    (["Le chef du Front al-Nosra, Abou Mohammed al-Joulani, a dit vouloir « protéger la révolution »."],
     [("Abou Mohammed al-Joulani", "appositive")]),
    (["Se disant « confiant », il est parti."], [(None, None)]),
    # A clause is no speaker: `a user labelled “Anonymous”` gives the quote to nobody.
    (["The attack was launched on Wednesday by a user labelled “Anonymous”, on a website."], [(None, None)]),
])
def test_rules_version_7_patterns(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert attributions(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # A quote that opens its sentence and holds whole sentences of its own is words said, even when the
    # sentence goes on after it without a cue: the person the sentence before was about said them.
    (["Tired of the part, she quit after a year. “It was not why I started. I wanted lines” to go with the "
      "costume, which never came."],
     [(None, None)]),
    (["Marta Olsen found the part dull. Tired of it, she quit after a year. “It was not why I started. I wanted "
      "lines” to go with the costume, which never came."],
     [("Marta Olsen", "context")]),
    # A phrase inside a sentence is not enough: no sentence of its own, no speaker.
    (["Marta Olsen found the part dull. “Dull work” was all the studio offered her."], [(None, None)]),
    # A name in the possessive between two quotes is an owner, not a new speaker: the second is a follow-on.
    (["Marta Olsen recalled the set. “We stood still,” she said. The stage held Captain Pete Rowe's chair. "
      "“I had no lines at all.”"],
     [("Marta Olsen", "pronoun"), ("Marta Olsen", "follow-on")]),
    (["Marta Olsen recalled the set. “We stood still,” she said. The stage held Captain Pete Rowe and his chair. "
      "“I had no lines at all.”"],
     [("Marta Olsen", "pronoun"), (None, None)]),
    # One code-like word (letters and digits) is a name or a label, even after a cue.
    (["The agency announced the new name: “HX-7” replaces the old label “2031-aQ.”"], [(None, None), (None, None)]),
    (["The agency announced: “We chose a new name.”"], [("the agency", "before-cue")]),
    # What something is called, by no one named, is a label; with an agent, the agent called it so.
    (["The valley was called the “larder” of the north, according to the BBC."], [(None, None)]),
    (["The valley was called “barren” by the governor."], [("the governor", "passive-agent")]),
    (["The governor called the valley “barren”."], [("the governor", "before-cue")]),
    # `according to` opening a clause of its own after a cue's object names that clause's source.
    (["Scientists at the Lund Institute, Sweden, announced a comet, named C-40, and according to the institute's "
      "astronomer Pia Lind, it is “the brightest we have seen”."], [("Pia Lind", "according-to")]),
    # A name, then a capitalised office with `and` between places, then the cue: the name.
    (["Omar Reyes, Member of Parliament for Upper Vale and Kirkby, said he would help: “We owe him that.”"],
     [("Omar Reyes", "appositive")]),
    (["As Lena Frisk, a marine biologist and a co-author of the paper, told the BBC: “We did not expect it.”"],
     [("Lena Frisk", "appositive")]),
    # A nickname, a motto or a slogan in quotes is a label.
    (["The striker earned the nickname “the Hammer” in his first season."], [(None, None)]),
    (["Le club a gardé sa devise « Toujours plus haut » depuis 1920."], [(None, None)]),
    # A circumstance after a body is no part of it.
    (["La Commission européenne au travers de son porte-parole a dénoncé « une décision inacceptable »."],
     [("la Commission européenne", "before-cue")]),
    # A quote that is the object of its clause's verb with a possessive is the subject's own words; a body
    # named the other way round before (`the Justice Ministry`, `the Ministry of Justice`) is the same body.
    (["Officials at the Ministry of Justice met on Monday. The Justice Ministry voiced its “deep concern” and "
      "said the case was under “close review”."],
     [("the Ministry of Justice", "own-words"), ("the Ministry of Justice", "follow-on")]),
    (["Marta Olsen left early. She showed her “firm opposition” to the plan."], [("Marta Olsen", "own-words")]),
    (["The report gave its “findings” on Monday."], [(None, None)]),
    # A conjunction that opens a sentence (`Bien qu'`, `Afin d'`) is no name before a colon.
    (["Afin d'éviter les erreurs, la règle reste simple : « une couleur, une forme »."], [(None, None)]),
    # `only`, `merely`, `just` between a subject and its cue are no part of the subject.
    (["The utility only admitted that “some damage” had occurred."], [("the utility", "before-cue")]),
])
def test_rules_version_8_patterns(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert attributions(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # A description between commas with `and` and a body's name in it is of the titled name or the phrase before it:
    # the speaker is not the body the description names.
    (["Dr Tan Heok Hui, an ichthyologist and Lee Kong Chian Natural History Museum operations officer, stated, "
      "\"Stingrays attack when they feel threatened.\""], [("Tan Heok Hui", "appositive")]),
    (["The official, a lawyer and Central Bank adviser, said, \"We are ready.\""], [("the official", "appositive")]),
    (["Tan Heok Hui, an ichthyologist and museum officer, said, \"Stingrays attack.\""],
     [("Tan Heok Hui", "appositive")]),
    # A cue after the words it reports, with its subject after it, makes that person the one `he` is next.
    (["Le roi Mohammed VI a prononcé un discours. Les textes impliquent le respect des autres États, fait remarquer "
      "Mohamed Salem Ould Salek, le ministre des affaires étrangères. « Le Maroc a accepté les principes », "
      "a-t-il déclaré."], [("Mohamed Salem Ould Salek", "pronoun")]),
    (["King Mohammed VI gave a speech. The texts imply respect for other states, said Mohamed Salem Ould Salek, the "
      "foreign minister. \"Morocco accepted the principles,\" he said."], [("Mohamed Salem Ould Salek", "pronoun")]),
    # Not when the name is the subject of what the cue reports (`notes Brown has …`).
    # A set phrase between an inverted cue and its subject (`a confié pour sa part la mère`).
    (["Thomas a parlé. « Ma fille est innocente », a confié pour sa part la mère de l'adolescente."],
     [("la mère de l'adolescente", "after-cue")]),
    # A quoted term after an article or a preposition, in a sentence with no cue, is no one's words; with a pronoun
    # as its subject the sentence goes on about the speaker.
    (["« Nous sommes prêts », a déclaré le procureur. L'homme portait aussi une « tenue de camouflage »."],
     [("le procureur", "after-cue"), (None, None)]),
    (["“We are ready,” the prosecutor said. The man also wore a “camouflage outfit” that day."],
     [("the prosecutor", "after-cue"), (None, None)]),
    (["« Nous sommes prêts », a déclaré Emmanuel Macron. Il veut une « révolution démocratique »."],
     [("Emmanuel Macron", "after-cue"), ("Emmanuel Macron", "follow-on")]),
    # A paragraph opening with a quote that has no cue goes with the paragraph's next quote; not a quote that is its
    # sentence's subject.
    (["Tony Blair spoke in Toronto.", "“I often say to people, Canada will become powerful.” He also pointed out, "
      "“As power grows, so does responsibility.”"], [("Tony Blair", "follow-on"), ("Tony Blair", "pronoun")]),
    (["“Valetudo” is the name suggested for the satellite. “It is an oddball,” said Scott Sheppard."],
     [(None, None), ("Scott Sheppard", "after-cue")]),
    # `appealed` reports what follows or precedes it.
    (["Haseena Gul is receiving treatment. “They will not let me study in Chitral,” she appealed to the government."],
     [("Haseena Gul", "pronoun")]),
    # A peer's title is part of the name given alone.
    (["In summing up the debate, Baroness Stowell said: \"I believe that the Bill is a force for good.\""],
     [("Baroness Stowell", "before-cue")]),
    # A source that opens the sentence after its first few words (`À l'inverse, pour X, « … »`).
    (["À l'inverse, pour la journaliste Martine Orange, « ce nouvel épisode prouve l'effondrement moral »."],
     [("Martine Orange", "according-to")]),
    # How often is no subject (`and several times described`); a verb after a source's name ends the name.
    (["Barack Obama spoke on Monday. He said GM would make \"high quality cars,\" and several times described what "
      "he anticipated as \"better\" cars."], [("Barack Obama", "pronoun"), ("Barack Obama", "pronoun")]),
    (["On the contrary, according to automotive analyst Dennis DesRosier believes that the factory is still "
      "\"likely\" to close."], [("Dennis DesRosier", "according-to")]),
    # `X quoted Y as saying` after the quote: Y.
    (["Jusman Syafii Djamal is the transport minister. \"We do not need to buy aircraft from Europe,\" Detik.com "
      "quoted Djamal as saying."], [("Jusman Syafii Djamal", "quoted-as")]),
    (["Peter Ubertaccio spoke on Monday. Ubertaccio, in his analysis, notes Scott Brown has more experience. "
      "\"It is a tough race,\" he said."], [("Peter Ubertaccio", "pronoun")]),
    # RULES_VERSION 36. A pronoun and its cue right after a quote, then the sentence's end, with no comma before
    # them (`"… producers" he said.`, `'…,'" he said.`); not a pronoun that a verb goes on after.
    (["Ian Baird said that it was exciting. \"The funding has helped the project\" he said."],
     [("Ian Baird", "pronoun")]),
    (["Anna Berg warned it was early. \"We say, 'well, we are back to normal,'\" she said."],
     [("Anna Berg", "pronoun")]),
    (["Anna Berg spoke. The word \"sorry\" he said was not enough, a neighbour wrote."], [(None, None)]),
    # A role at a body, then the person's name with no comma (`officer at Fort Pitt Capital Group Charlie Smith`):
    # the name after the body's head noun or from a given name on; not the body alone.
    (["Chief investment officer at Fort Pitt Capital Group Charlie Smith said: \"The machines took over.\""],
     [("Charlie Smith", "before-cue")]),
    (["An analyst at Northern Trust Mary Ann Smith said: \"We agree.\"",
      "An analyst at Deutsche Bank said: \"We agree.\""],
     [("Mary Ann Smith", "before-cue"), ("an analyst at Deutsche Bank", "before-cue")]),
    # RULES_VERSION 38. Two people joined by `and` as one subject, each with a common given name, are the speaker
    # together, and `they` next; not a description (`his lawyer`) or a title's words
    # (`Homeland Security and Counterterrorism John O. Brennan`).
    (["Australian Prime Minister John Howard and federal industry minister Ian MacDonald today announced a "
      "\"financial assistance package\". They added: \"It is for the long term.\""],
     [("John Howard and Ian MacDonald", "before-cue"), ("John Howard and Ian MacDonald", "pronoun")]),
    (["The UAW President Ron Gettelfinger and Vice President Gerald Bantom called the plan \"extremely "
      "disappointing.\""], [("Ron Gettelfinger and Gerald Bantom", "before-cue")]),
    (["Thierry et Véronique Roy ont dénoncé « un abandon »."], [("Thierry et Véronique Roy", "before-cue")]),
    (["John Smith and his lawyer said: \"No.\"",
      "Deputy Advisor for Homeland Security and Counterterrorism John O. Berg said, \"We closed it.\""],
     [("John Smith", "before-cue"), ("John O. Berg", "before-cue")]),
    # RULES_VERSION 42. A title's words that say which office it is (`foreign`, `prime`, `finance`) keep two
    # offices apart: `the prime minister` is not the foreign minister named before (a tryout), though `the
    # foreign minister` and `the minister` are her, and so is `the former minister` (`former` says when).
    (["The foreign minister, Anna Berg, resigned. \"I have no regrets,\" Berg said.",
      "The prime minister called the decision \"a loss for the country\".",
      "The finance minister said the budget was \"on track\".",
      "The foreign minister later said: \"It was time.\"",
      "The minister added: \"I am proud.\""],
     [("Anna Berg", "after-cue"), ("the prime minister", "before-cue"), ("the finance minister", "before-cue"),
      ("Anna Berg", "before-cue"), ("Anna Berg", "before-cue")]),
    (["Prime Minister Mark Hill spoke. The prime minister said: \"We are ready.\"",
      "The defence minister said: \"So are we.\""],
     [("Mark Hill", "before-cue"), ("the defence minister", "before-cue")]),
])
def test_rules_version_32_patterns(paragraphs: list[str], expected: list[tuple[str | None, str | None]]) -> None:
    assert attributions(*paragraphs) == expected


@pytest.mark.parametrize(("title", "paragraphs", "expected"), [
    # A French description of a company's or an agency's kind, then its name: the name is the body.
    ("", ["L'opérateur Sprint a annoncé « 5 000 emplois créés »."], [("Sprint", "before-cue")]),
    ("", ["« Les bus sont entrés », a indiqué l'agence de presse officielle syrienne Sana."],
     [("Sana", "after-cue")]),
    # ... but not a body named after a person, a complement's name, or a person after a title.
    ("", ["Le comité Nobel a salué « une découverte majeure »."], [("le comité Nobel", "before-cue")]),
    ("", ["Le bureau de MSF a dénoncé « une attaque délibérée »."], [("le bureau de MSF", "before-cue")]),
    # An office the text never tied to a name is the one person the title is about, named in full in the text.
    ("Pour Montebourg, le nucléaire a un avenir",
     ["Le ministre du Redressement productif a déclaré que « le nucléaire est une filière d'avenir ». Arnaud "
      "Montebourg reconnaît qu'il faut le rééquilibrer."],
     [("Arnaud Montebourg", "before-cue")]),
    # ... not a title anyone may hold, nor when the title names no one the text showed acting.
    ("Yasser Arafat aurait été empoisonné",
     ["Souha Arafat a demandé l'exhumation de Yasser Arafat. Le négociateur palestinien a appelé à « une "
      "enquête internationale »."],
     [("le négociateur palestinien", "before-cue")]),
    ("Storm hits El Paso",
     ["The storm reached El Paso on Monday. The mayor said the city was “ready”."], [("the mayor", "before-cue")]),
    # Kin who share a family name: `Surname's father Given-name` is Given-name Surname.
    ("", ["Aitchison's father Norrie said the verdict would “finally allow Liam to rest in peace”."],
     [("Norrie Aitchison", "before-cue")]),
    ("", ["Aitchison's wife Claire said the verdict was “a relief”."], [("Claire", "before-cue")]),
    # A present form between a name and its object ends the subject: the name is whom `he` means next.
    ("", ["One aid worker was Max Peberdy. Peberdy disputes the claims that he was duped, saying, “We were told "
          "they were merchants.” He added, “It is the first time anybody has claimed such a thing.”"],
     [("Max Peberdy", "subject"), ("Max Peberdy", "pronoun")]),
    # `par la voix de X`: X spoke for the subject.
    ("", ["Le Rwanda a répondu par la voix du lieutenant-colonel René Ngendahimana, porte-parole de l'armée : "
          "« Le Rwanda n'a aucun intérêt à tuer qui que ce soit. »"],
     [("René Ngendahimana", "before-cue")]),
    # `d'autres` is an article, not a preposition to strip.
    ("", ["D'après un policier, rien n'est clair ; d'autres policiers déclarent que l'individu « semblait en "
          "vouloir à l'État »."],
     [("d'autres policiers", "before-cue")]),
    # A French word between a noun and an article is a verb: the subject ends before it.
    ("", ["Médecins du monde lance une campagne. Par ailleurs, l'association cite l'exemple du traitement contre "
          "l'hépatite C et annonce un traitement « vendu 41 000 euros par patient »."],
     [("l'association", "subject")]),
    # An office, its complement's first capitalised word (the office's domain), then the person's name.
    ("", ["La Première ministre Beata Szydło a salué les soldats. Le Ministre de la Défense Antoni Macierewicz "
          "était également présent. « Nous avons attendu très longtemps », a-t-il dit aux troupes."],
     [("Antoni Macierewicz", "pronoun")]),
    # A family name without its Arabic article is the person named with it.
    ("", ["Prime Minister Nouri al-Maliki flew to Basra. “We will not stop until the city is safe,” Maliki said."],
     [("Nouri al-Maliki", "after-cue")]),
    # A name alone with an age (`Syakrani, 24,`) is a person, whom `he` may mean next.
    ("", ["Adam Nur saw the bridge fall.", "Syakrani, 24, says he survived by clinging to plastic containers. "
          "“The authorities should have closed the bridge,” he said."],
     [("Syakrani", "pronoun")]),
    # A name written once with a one-letter typo is the person named before; two given names apart are two people.
    ("", ["Le code a été conçu par le graphiste Miguel Neiva.", "Miguel Nerva a dessiné les symboles : « Je suis "
          "parti des couleurs primaires »."],
     [("Miguel Neiva", "colon")]),
    ("", ["Colonel Mohamed Bacar fled.", "“He has been spotted in the village,” Abdourahim Bakar said."],
     [("Abdourahim Bakar", "after-cue")]),
    # An inverted cue past a set aside (`pour sa part`) or with an adverb after it; `d'après` past a parenthesis.
    ("", ["« Le spectateur a été héliporté », a pour sa part commenté l'Automobile club de Monaco."],
     [("l'Automobile club de Monaco", "after-cue")]),
    ("", ["« Il croyait au progrès », souligne encore l'Élysée."], [("l'Élysée", "after-cue")]),
    ("", ["Ce n'est pas une mutinerie, mais « une action rapide » (moins d'une heure), d'après les autorités."],
     [("les autorités", "according-to")]),
    # A French cue in the plural; a cue followed by `que` and a quote is that quote's, not the one before it.
    ("", ["Même si le recruteur a été placé en détention pour « financement du terrorisme », les parents "
          "rapportent que « d'autres recruteurs sévissent »."],
     [(None, None), ("les parents", "before-cue")]),
    # An object pronoun as a document's agent is the person it means; a name after an honorific wins over
    # the title's complement before it.
    ("", ["The bomber, Humam al-Balawi, wrote on forums for years. One post by him read: “The time has come.”"],
     [("Humam al-Balawi", "pronoun")]),
    ("", ["Undersecretary for Education Mr. Toccafondi says “many schools will raise their fees”."],
     [("Toccafondi", "before-cue")]),
    # `issued a statement saying`: a participle after a document is a cue; `is reported to have said`: the
    # subject of `is`; an age before a name keeps the name, and a relative clause runs to the cue's comma.
    ("", ["Malaysia Airlines issued a statement saying “The usual flight route was declared safe.”"],
     [("Malaysia Airlines", "subject")]),
    ("", ["Al-Majid is reported to have said “Thanks be to God” as he left the court."],
     [("Al-Majid", "before-cue")]),
    ("", ["After winning the contest, 25-year-old Netta, who performed Toy featuring chicken dance, chicken noises, "
          "and a kimono, said, “Thank you for celebrating diversity.”"],
     [("Netta", "before-cue")]),
    ("", ["Critics were harsh, with one poster writing “How can people look at both sides?”"],
     [("one poster", "subject")]),
    # Given names match with or without accents (`Éric`); `ce dernier` is the person named last; a time is no
    # speaker; a French imperfect after its subject ends the subject.
    ("", ["Le député LR Éric Ciotti a jugé la situation « intenable »."], [("Éric Ciotti", "before-cue")]),
    ("", ["Michel Crépu a dirigé la revue. Selon ce dernier, elle n'a « jamais écrit une ligne »."],
     [("Michel Crépu", "according-to")]),
    ("", ["Le pape avait demandé une enquête. Le lendemain, l’Ordre avait, dans un communiqué, déclaré cette décision "
          "« inacceptable »."], [("l’Ordre", "appositive")]),  # RULES_VERSION 10: the auxiliary before an aside
    # An inverted pronoun cue past an adverb (`a-t-il aussi précisé`); verbs that say `said` only inverted
    # (`remarque-t-il`; before a quote, `remarquer` is to notice).
    ("", ["Bertrand Lefebvre a étudié le fossile. « Ces fossiles sont anciens », remarque-t-il."],
     [("Bertrand Lefebvre", "pronoun")]),
    ("", ["Donald Trump a prêté serment. « L'Amérique d'abord », a-t-il aussi martelé."],
     [("Donald Trump", "pronoun")]),
    ("", ["Les agresseurs auraient remarqué sur la victime un « signe religieux distinctif »."], [(None, None)]),
    # `selon ce qu'a confié X`, `selon les informations que X a confiées`, `les renseignements confiés par X`:
    # who gave what is reported.
    ("", ["« Il avait été arrêté à l'aéroport », selon ce qu'a confié Rodrigue, un ami, à l'AFP."],
     [("Rodrigue", "according-to")]),
    ("", ["Selon ce qu'a confié à France Info Jacques Witkowski, préfet de la Manche, « on a eu un incendie »."],
     [("Jacques Witkowski", "according-to")]),
    ("", ["Selon les renseignements confiés par une source au Parisien, « les enquêteurs ont la conviction »."],
     [("une source", "according-to")]),
    # A plural article inside a capitalised run makes it a body, which `le parti` then means.
    ("", ["Europe Écologie Les Verts faisait part de son étonnement ; le parti écologiste pense qu'il s'agit de "
          "« propos isolés »."],
     [("Europe Écologie Les Verts", "before-cue")]),
    # `Pour lui, « … »`: the source is the person `il` means; when, not who: `Quelques minutes plus tard,`.
    ("", ["François Fillon a répondu aux critiques. Pour lui, « la vraie question est ailleurs »."],
     [("François Fillon", "pronoun")]),
    ("", ["Afterwards, the panel revealed its findings: the driver had been “going too fast”."],
     [("the panel", "before-cue")]),
    # A document's owner in the possessive is the body, not the article before it.
    ("", ["The World Health Organization (WHO) met on Monday. The WHO's website said: “Some remedies may ease "
          "the symptoms, but none cures it.”"],
     [("World Health Organization", "before-cue")]),
    # RULES_VERSION 10.
    # Another name between commas is an aside, quoted or not, and the quote that gives it does not end the
    # subject's clause; a law's number is part of its name.
    ("", ['Republic Act No. 3846, also known as the "Radio Control Law", states "no person shall construct a '
          'station without a franchise."'],
     [(None, None), ("Republic Act No. 3846", "before-cue")]),
    ("", ["John Smith, known as the Hammer, said “we will win the fight.”"], [("John Smith", "before-cue")]),
    # A given name and a name after `de` are a person's (the name before `de` ends there); a quoted term after
    # an article inside a description does not end the subject's clause; one quoted capitalised word after an
    # article is a name, said by no one.
    ("", ["L’avocat Robert Bourgi a réglé les costumes Arnys de François Fillon.", "« Un ami m’a offert des "
          "costumes », avait confié Fillon aux Échos."],
     [("François Fillon", "after-cue")]),
    ("", ["Robert Bourgi, pilier des réseaux de la « Françafrique » et ami de longue date de François Fillon, a "
          "reconnu avoir payé, confirmant les révélations du « Monde ». Pour lui, il s'agit d'« un simple cadeau »."],
     [(None, None), (None, None), ("Robert Bourgi", "pronoun")]),
    # A full name right after a description's complement is the person described; after a title or a preposition
    # it is the complement's.
    ("", ["L'ancien candidat à la primaire de la droite et du centre Alain Juppé a annoncé qu'il ne serait pas un "
          "« plan B »."], [("Alain Juppé", "before-cue")]),
    ("", ["Un proche du président Emmanuel Macron a déclaré « non »."],
     [("un proche du président Emmanuel Macron", "before-cue")]),
    # An announcement's author is who spoke; a time after a description is when, not who.
    ("", ["Une opération qualifiée d'« inédite », selon l'annonce du gouvernement camerounais ce mercredi."],
     [("le gouvernement camerounais", "according-to")]),
    # `elle` after a comma is the subject, not an emphatic aside (`Mélenchon, lui, estime`); a description with a
    # body's name for complement is the person the text is about (not `L'avocate de Benoît Hamon`).
    ("", ["Nathalie Arthaud souhaite un plafond. La candidate de Lutte ouvrière voudrait aussi fixer le nombre "
          "d'attachés. Enfin, concernant le patrimoine des parlementaires, elle pense que « tout doit être public »."],
     [("Nathalie Arthaud", "pronoun")]),
    ("", ["Benoît Hamon a été visé par une plainte de Nicolas Miguet. L'avocate de Benoît Hamon précise que "
          "« c'est une injure »."],
     [("L'avocate de Benoît Hamon", "before-cue")]),
    # `se trouver` is to be somewhere: no cue.
    ("", ["Bernard Cazeneuve a écourté une visite et François Hollande a confié, depuis la Corrèze où il se "
          "trouvait, que « tout cela me conduit à justifier l'état d'urgence »."],
     [("François Hollande", "before-cue")]),
    # `Pour X, …`: the sentence gives X's view, and `il` next is X.
    ("", ["Jean-Luc Mélenchon veut une VIe République. Pour Philippe Poutou, candidat du Nouveau Parti "
          "anticapitaliste, l'absence de représentativité constitue le problème principal. « Les parlementaires "
          "sont pour 3% des ouvriers », déplore-t-il."],
     [("Philippe Poutou", "pronoun")]),
    # `Selon X, Y, …, « … »`: a name after the source's comma is the clause's subject, not the source's appositive.
    ("", ["Selon l'IGF, Business France, ou certains de ses salariés, « pourraient être incriminés »."],
     [("l'IGF", "according-to")]),
    # `décrire` said by its subject, with its object pronoun after a relative clause's comma; a passive description
    # with no agent is by no one (and goes on no one's words before it).
    ("", ["Sa mère a confié qu'il avait été « victime d’un burn-out ». Une de ses tantes, qui avait coupé les ponts "
          "avec lui, le décrit comme un « homme très étrange ». Il est aussi décrit comme « discret ». Sur LCI, des "
          "voisins décrivent des gens « réservés »."],
     [("sa mère", "before-cue"), ("une de ses tantes", "before-cue"), (None, None), ("des voisins", "before-cue")]),
    # A court's `decided` reports its ruling, and its `according to` between the cue and the quote names where the
    # ruling was read; `decided by` says nothing.
    ("", ['Colin Sutherland, the Lord President of the court, decided, according to the summary, "that it would '
          'be unlawful".'],
     [("Colin Sutherland", "appositive")]),
    ("", ['The government issued a statement agreeing the issue should be decided by Congress: "citizenship by '
          'judicial fiat would fail."'],
     [("the government", "colon")]),
    # `The family`, named with no one's name, is the family of the one person the title is about (named in full
    # in the title when the text also has a name ending like it).
    ("Radio host Don Imus dies aged 79", ["Don Imus died on Friday, his family reported. Longtime Imus in the "
                                           "Morning writer Rob Bartlett was his friend.",
                                           "The family's statement read: “Don loved and adored Deirdre.”"],
     [("Don Imus's family", "before-cue")]),
    # A family name given alone with its particles (`de la Morlais`) is the person named in full before.
    ("", ["Pour Thomas de la Morlais, l'avocat de la mère, « Sarah a été manipulée ».", "« C'est une adolescente "
          "comme les autres », ajoute encore de la Morlais."],
     [("Thomas de la Morlais", "according-to"), ("Thomas de la Morlais", "after-cue")]),
    # A body by its first word without its elided article (`Ordre`, `L'Ordre`: l'Ordre de Malte); `Selon` opening a
    # sentence is no part of the source's name.
    ("", ["Le grand-maître de l'Ordre de Malte a démissionné. L'Ordre avait refusé cette enquête. Le 10 janvier, "
          "Ordre a publié un communiqué « en réponse aux activités menées par un groupe »."],
     [("l'Ordre de Malte", "before-cue")]),
    ("", ["Le journal L'Union a enquêté.", "Selon L'Union, deux opérations de « vérification » ont été effectuées."],
     [("L'Union", "according-to")]),
    # `par conséquent` set aside before a cue; a full name right after a description's complement, even with a
    # given name the lists lack.
    ("", ["La ministre de la santé Marisol Touraine a par conséquent annoncé avoir « saisi les services du "
          "ministère »."],
     [("Marisol Touraine", "before-cue")]),
    # An office with its place or domain right before a full name: later, the same words mean that person (the
    # place's word is no part of the name, even with a given name the lists lack).
    ("", ["L'archevêque de Rouen Dominique Lebrun a annoncé son retour.", "L'archevêque de Rouen, invité à "
          "l'Élysée, appelle tout le monde, « même les non-croyants, à prier »."],
     [("Dominique Lebrun", "before-cue")]),
    ("", ["Le ministre iranien des Transports Abbas Akhoundi a annoncé son retour.", "Le ministre iranien des "
          "Transports, invité à l'Élysée, appelle « à prier »."],
     [("Abbas Akhoundi", "before-cue")]),
    # A person's noun capitalised at a sentence's start is no part of the name after it.
    ("", ['Motorist Dom Lawson said "It was like something out of Die Hard".'], [("Dom Lawson", "before-cue")]),
    # A date is no speaker and no part of one; a possessive alone is none either.
    ("", ["Le Canard enchaîné de ce 22 mars ajoute que le couple a « signé une fausse déclaration »."],
     [("le Canard enchaîné", "before-cue")]),
    ("", ["Il possédait deux montres, d'après son « évaluation personnelle »."], [(None, None)]),
    # A quote that is its sentence's whole predicate, right after a name given before, is that name's words.
    ("", ["Le groupe Airbus est visé par une enquête. L'enquête a été ouverte « en lien avec des contrats », selon "
          "une source judiciaire. Airbus « coopère pleinement avec ces deux organismes »."],
     [("une source judiciaire", "according-to"), ("Airbus", "sentence-subject")]),
    # Two quotes joined by `et` share the source after the second.
    ("", ["David Rockefeller est décédé, selon son porte-parole, Fraser Seitel.", "« Il est resté actif jusqu'au "
          "dernier moment » et « vivait chaque jour au maximum », selon Seitel."],
     [("Fraser Seitel", "according-to"), ("Fraser Seitel", "according-to")]),
    # A clause of time between a quote and its inverted cue.
    ("", ["Pierre Moscovici a reçu des costumes.", "« L’apparence compte » quand on exerce une fonction publique, "
          "répond encore Moscovici."],
     [("Pierre Moscovici", "after-cue")]),
    # `décider` reports a ruling in the active voice; `riposter` is said; `par la suite` stands aside.
    ("", ["Le Conseil d'Etat a décidé qu' « une sélection ne peut être mise en place » dans un avis."],
     [("le Conseil d'Etat", "before-cue")]),
    ("", ["Les autorités ont par la suite confirmé qu'il s'agissait d'un « acte de terrorisme intérieur »."],
     [("les autorités", "before-cue")]),
    ("", ["Le 17 janvier, le Vatican riposte en réaffirmant sa « confiance » au groupe."],
     [("le Vatican", "before-cue")]),
    # A relative clause's cue after a body whose adjective follows its noun (`la Commission européenne`).
    ("", ["Cette baisse n'a pas été appréciée par la Commission européenne de Bruxelles qui regrette le « moment » "
          "choisi."],
     [("la Commission européenne de Bruxelles", "subject")]),
    # A colon after a statement `from` someone: theirs (not a video `from the Internet`).
    ("", ["King Maha Vajiralongkorn disapproved.", 'The palace issued the following statement from the king: "Even '
          'though she relinquished her title, she remains a member of the dynasty."'],
     [("Maha Vajiralongkorn", "colon")]),
    # A family name alone one letter away from one person's named lately, meaning no one else: a typo.
    ("", ["Kathryn Waters, director of the gallery, spoke.", '"Everybody knows Andy Warhol\'s name," Water said.'],
     [("Kathryn Waters", "after-cue")]),
    # A body's complement with its article is part of its name (`the Supreme Council of the Armed Forces`).
    ("", ["Ahmed Shafik has resigned, the Supreme Council of the Armed Forces, now in control of the country, "
          "announced.", '"The council decided to accept the resignation," the armed forces said on Facebook.'],
     [("the Supreme Council of the Armed Forces", "after-cue")]),
    # A French title, capitalised on its article alone, right after a preposition: a name nobody says.
    ("", ["Jeudi, Fillon s'est défendu lors de « L'Émission politique »."], [(None, None)]),
    ("", ["Bruno Le Roux a employé ses filles, selon l'émission « Quotidien »."], [(None, None)]),
    # RULES_VERSION 11, from heldout-real10's failures after its blind measurement (freshly written cases).
    # A participle after a comma, its agent named (`qualifié par X de « … »`); a bare participle is no inverted cue.
    ("", ["Marc Dubois, 40 ans, est un ancien boxeur, qualifié par les policiers d'« individu dangereux », déjà "
          "condamné deux fois par la justice."], [("les policiers", "passive-agent")]),
    # A French body's adjectives, and a name after them, are part of its name; `Le Tribunal` means it.
    ("", ["Le verdict vient d'un procès fictif (le Tribunal international Bayer, sans valeur légale).",
          "Le Tribunal a jugé que la firme menace la « santé des sols »."], [("le Tribunal international Bayer",
                                                                               "before-cue")]),
    # An acronym from another language after a French body's name: the body from its capitalised noun.
    ("", ["Le blocage a été confirmé par l'Office des réseaux de Transport et d'Énergie (ZXQ). « La mesure est "
          "technique » a déclaré ZXQ."], [("l'Office des réseaux de Transport et d'Énergie", "after-cue")]),
    # A preposition before a subject says where the words are found, not whose they are.
    ("", ["Des milliers de messages ont été publiés. Parmi les messages relayés par Reuters, on y dénonce un « abus "
          "de pouvoir »."], [("les messages relayés par Reuters", "before-cue")]),
    # A date before a comma says when; the subject after it speaks, and a date is never a speaker.
    ("", ["Le 3 mai, le ministère publie un communiqué qui « dénonce fermement les violences »."],
     [("le ministère", "before-cue")]),
    # A future passive (`sera annoncé`) is a passive: its subject said nothing.
    ("", ["Le bilan définitif sera publié dans « deux ou trois semaines »."], [(None, None)]),
    # A person's name after a body's acronym ends a description of the person: the pronoun later is that person.
    ("", ["Alors que le site est bloqué depuis le 29 avril, le directeur de l'Office des médias (OMX) Ömer Fatih "
          "Kaya, exige des excuses. « Rien ne changera » a-t-il déclaré."], [("Ömer Fatih Kaya", "pronoun")]),
    # A description between commas before a name: the description's title means that person later.
    ("", ["Lundi, sur France 3, le candidat écologiste à la mairie de Lyon, Jean Moreau, a parlé du budget.",
          "Le candidat de gauche a ensuite repris la parole. « Rien n'est joué » a-t-il déclaré."],
     [("Jean Moreau", "pronoun")]),
    # A description before a name and its comma gives the person's gender: `Elle` later is her.
    ("", ["Un homme de 69 ans a été expulsé du train. Une des passagères ayant filmé la scène, Audra D. Dunst, "
          "raconte que l'homme criait. Elle décrit les autres voyageurs comme « terrifiés »."],
     [("Audra D. Dunst", "pronoun")]),
    # `s'excuser` reports words; a document after a preposition is where they were, not who wrote them.
    ("", ["Paul Girard, le patron du club, s'est excusé « pour le retard » dans un communiqué en expliquant que "
          "l'équipe était « épuisée »."], [("Paul Girard", "appositive"), ("Paul Girard", "appositive")]),
    # What a person wishes or hopes, quoted, is their words.
    ("", ["La ministre, Anne Roux, avait présenté un plan. Elle souhaitait « avancer vite » sur le dossier."],
     [("Anne Roux", "pronoun")]),
    # `comme l'a dit X` after a quote: as X said it.
    ("", ["Le syndicat réclame « une hausse immédiate », comme l'a rappelé son secrétaire général, Marc Petit. "
          "Rien n'est réglé."], [("Marc Petit", "after-cue")]),
    # A yes or a no named as a vote or a side is said by no one.
    ("", ["Les électeurs ont dit « oui » au référendum. Le « oui » obtient 52 % et devance le « non »."],
     [(None, None), (None, None), (None, None)]),
    # A relative clause after a comma is about the complement that ends the phrase before it, when that can speak.
    ("", ["Le groupe Ansar Dine a détruit des mausolées. Ces actes sont des représailles de l'organisation "
          "islamiste, qui affirme « agir au nom de Dieu »."], [("Ansar Dine", "subject")]),
    # A French body's noun alone means the body as the text first described it (not a force: `la police`);
    # `justifier` gives reasons, which are words.
    ("", ["La cour d'appel de Lyon a confirmé la peine. La cour justifie cette décision par l'« extrême gravité » "
          "des faits."], [("la cour d'appel de Lyon", "before-cue")]),
    ("", ["Une frappe de la coalition internationale anti-EI a tué des civils. La coalition a annoncé une enquête sur "
          "ces « multiples allégations »."], [("la coalition internationale anti-EI", "before-cue")]),
    # A participle's subject is someone, not a thing the clause was about (`sa candidature, affirmant`).
    ("", ["Marc Petit conteste les faits. Il maintient cependant sa contestation de ces reproches, qu'il juge "
          "« injustes » et visant à « briser » sa candidature, affirmant qu'il n'y avait « aucune faute » sur le "
          "contrat « légal » de son fils."],
     [("Marc Petit", "pronoun"), ("Marc Petit", "pronoun"), ("Marc Petit", "pronoun"), ("Marc Petit", "follow-on")]),
    # A French possessive of one owner before a relative or a circle: that person's, named (`sa mère` of X).
    ("", ["Paul Marchal a été arrêté mardi. Sa sœur a confié qu'il était « calme »."],
     [("la sœur de Paul Marchal", "before-cue")]),
    # A weekday after an English description is when, not part of who.
    ("", ["A spokesman for the city council Tuesday said the plan was “deeply flawed”."],
     [("a spokesman for the city council", "before-cue")]),
    # Exhorting, demanding, promising, calling for and pointing out report words.
    ("", ["Jean Corti, maire de Bastia, a été suspendu. Il avait exhorté son voisin à « fermer la frontière »."],
     [("Jean Corti", "pronoun")]),
    # A charge named by the law is said by no one (unless someone is named as using the word).
    ("", ["Marc Dubois a été mis en examen mardi pour « abus de confiance ». Il est accusé de « favoritisme ». "
          "Il est aussi accusé de « népotisme » par ses rivaux."],
     [(None, None), (None, None), ("ses rivaux", "passive-agent")]),
    # A capitalised quote right after the kind of thing it names is a name (`le mouvement « … »`).
    ("", ["Marie Roux ne s'inscrit dans aucun parti et a créé le mouvement « Demain ensemble » en avril."],
     [(None, None)]),
    # RULES_VERSION 11, from heldout-real11's failures after its blind measurement.
    # A French adjective after a body's name is no verb: the subject runs on to the name in apposition.
    ("", ["Le ministre a parlé mardi. Aussi le président de la Banque centrale européenne, Jean Morel, a réagi, il "
          "parle d'un « choc durable »."], [("Jean Morel", "pronoun")]),
    # `auprès de` says whom the words were said to, never who said them.
    ("", ["La Serbie « refuse de produire plus », analyse un chercheur auprès du Figaro."],
     [("un chercheur", "after-cue")]),
    # A plural body's noun alone means it as first described (`Les autorités` after `Les autorités belges`).
    ("", ["Les autorités belges ont confirmé l'attaque.",
          "Les autorités ont affirmé que la situation était « sous contrôle »."],
     [("les autorités belges", "before-cue")]),
    # `X … dans un communiqué`: later `le communiqué` is X's.
    ("", ["La mairie de Lyon a annoncé la fermeture du parc dans un communiqué.",
          "Le site est « dangereux », précise le communiqué."], [("la mairie de Lyon", "after-cue")]),
    # Whom a speech verb's agent is (`criticized by X`) is whom `he` means next.
    ("", ["One policeman was injured in the raid. This move was criticized by Omar Haddad, a member of parliament. "
          "“We condemn the raid,” he said."], [("Omar Haddad", "pronoun")]),
    # A source named after its description (`According to French political analyst Marc Roy,`) is whom `he` means.
    ("", ["Jean Dupont met his party leaders on Monday. According to French political analyst Marc Roy, Dupont is "
          "isolated in his party. “There is no way back,” he said."], [("Marc Roy", "pronoun")]),
    # `For X, …` opening an English sentence gives X's view, as `Pour X, …` does in French.
    ("", ["Critics met on Monday. For Anna Kowal, a teacher in Leeds, Warhol was a hero. She said, “He changed how "
          "we see.”"], [("Anna Kowal", "pronoun")]),
    # A plural passive description with its agent after the quote (`sont décrits comme « … » par X`).
    ("", ["Les Martin sont décrits comme « des gens discrets » par un voisin."], [("un voisin", "passive-agent")]),
    # RULES_VERSION 12, from heldout-real12's failures after its blind measurement.
    # An adverb in `-ment` or `-ly` between an auxiliary and an inverted cue's participle.
    ("", ["La famille est arrivée. « Nous partirons demain », avait récemment annoncé le porte-parole de la famille.",
          "“We will go,” has recently said the mayor."],
     [("le porte-parole de la famille", "after-cue"), ("the mayor", "after-cue")]),
    # A description opening a sentence has its gender, capital or not: `il` is not `Épouse de …`.
    ("", ["Le décès d'Anne Roy a été annoncé. Épouse de président des Pays-Bas puis mère de président, elle est "
          "saluée par Paul Morel : « elle était forte », a-t-il écrit."], [("Paul Morel", "pronoun")]),
    # An acronym after an elided article (`l'OSF`) is the body the text spelt it out for, with its article.
    ("", ["Il a fondé l'Open Society Foundations (OSF). En mai, l'OSF a dénoncé une situation « répressive »."],
     [("l'Open Society Foundations", "before-cue")]),
    # `Ce dernier` opening a sentence is the person named last before it, not one the sentence names after it.
    ("", ["Le projet vise Anna Weber. Le ministre Jan Kowal a fait campagne. Ce dernier, accusant Weber de mentir, "
          "a affirmé vouloir préserver la « culture du pays »."], [("Jan Kowal", "before-cue")]),
    # A relative clause after a comma is about a name right after a preposition too (`le cas de X, qui commente`).
    ("", ["D'autres ont réagi. C'est le cas de Léa Brun, qui commente « Ne nous mettez pas dans le même panier »."],
     [("Léa Brun", "subject")]),
    # `signaler` reports (`Les lecteurs signalent une « … »`).
    ("", ["Les lecteurs du journal signalent également une « diffamation » dans les commentaires."],
     [("les lecteurs du journal", "before-cue")]),
    # RULES_VERSION 13, from heldout-real13's failures after its blind measurement.
    # An acronym after a possessive names the possessor (`the Ministry of Labour's (MOL) inspectors`).
    ("", ["Inspectors of the Ministry of Labour's (MOL) safety unit came. MOL stated, "
          "\"The ministry was informed about the incident.\""], [("the Ministry of Labour", "before-cue")]),
    # A circumstance that opens the sentence with no comma is no part of the subject after it.
    ("", ["Danny Fitzsimons was charged. In further testimony today Fitzsimons told the judges \"I was attacked.\"",
          "On Monday Fitzsimons said \"I am sorry.\""], [("Danny Fitzsimons", "before-cue"),
                                                          ("Danny Fitzsimons", "before-cue")]),
    # Members of the Scottish Parliament and of legislative assemblies are titles, as MPs are.
    ("", ["\"It matters to our country,\" said Conservative MSP Ruth Davidson."], [("Ruth Davidson", "after-cue")]),
    # A community is a body: the name after it is the person's (`the Andean Community Wagner` is Wagner).
    ("", ["Secretary General of the Andean Community Wagner opened the summit. \"These are anchor projects,\" "
          "said Wagner."], [("Wagner", "after-cue")]),
    # RULES_VERSION 14. A surname alone opening a sentence is a man or a woman when the sentence says `his` or `her`
    # of it: the `he` after is that person, not the body named before.
    ("", ["Vancouver Whitecaps lost their second game of the season to Seattle.",
          "Schmetzer was naturally delighted with the way his side claimed an away victory in Vancouver. "
          "\"I think we played well,\" he said."],
     [("Schmetzer", "pronoun")]),
    # A word in lower case after a titled name is its verb (`… film director Steven Spielberg withdrew`).
    ("", ["On Wednesday, United States film director Steven Spielberg withdrew from his position. "
          "\"Conscience will not allow me to continue,\" he said."], [("Steven Spielberg", "pronoun")]),
    # `association` is a body's kind, as `ONG` is: `l'association` is the body named last, with the noun its French
    # name ends with (`Médecins du monde`, `Reporters sans frontières`).
    ("", ["L'association Médecins du monde n'a pas pu placarder ses affiches.",
          "Par ailleurs, l'association a décidé de lancer un « dispositif de guérilla marketing »."],
     [("Médecins du monde", "before-cue")]),
    ("", ["Selon Greenpeace, « il s’agit du troisième incendie ». « Tout cela s'inscrit dans un contexte grave », "
          "fustige encore l'association."], [("Greenpeace", "according-to"), ("Greenpeace", "after-cue")]),
    # A relative clause after `Name of Place` is about the name: the `of` is no boundary before it.
    ("", ["The talks were held with Mayor Anna Berg of Oslo, who said: \"The danger is greater.\""],
     [("Anna Berg", "subject")]),
    ("", ["The right to a fair trial is enshrined in Article 10 of the Universal Declaration of Human Rights, which "
          "states \"everyone is entitled to a fair and public hearing.\""],
     [("the Universal Declaration of Human Rights", "subject")]),
    # A source may open a later clause as it opens a sentence (`tandis que, pour X, « … »`).
    ("", ["« Prouvez-le », a ainsi lancé le président Donald Tusk tandis que, pour le président de la Commission "
          "Jean-Claude Juncker, « il y aura un anniversaire »."],
     [("Donald Tusk", "after-cue"), ("Jean-Claude Juncker", "according-to")]),
    # A body named after its kind gets the acronym that follows it (`du groupe Future Pipe Industries (FPI)`).
    ("", ["Les versements venaient du groupe Future Pipe Industries (FPI), leader des pipelines. La mission de Fillon "
          "consistait à aider l'homme d'affaires.",
          "FPI a pour sa part confié s'être assuré de la légalité de ce contrat. « Tout est réglo », déclare la "
          "société."],
     [("Future Pipe Industries", "after-cue")]),
    # RULES_VERSION 15. A name between the words that open its clause and a description between commas is the
    # subject (`while Bambang Widaryatmo, head of East Kalimantan's police, promised`), not the description.
    ("", ["Ministers went to the site, while Bambang Widaryatmo, head of East Kalimantan's police, promised "
          "\"parties found to be negligent will be prosecuted\".",
          "Later Anna Berg, head of the local fire brigade, said \"we are done\"."],
     [("Bambang Widaryatmo", "appositive"), ("Anna Berg", "appositive")]),
    # An office by another name is its holder as the article named them (`le chef du gouvernement`, `le chef de
    # l'État`, `the head of state`); a title before a French adjective of nationality is the person's.
    ("", ["Haïder al-Abadi, le Premier ministre irakien, a parlé. « Nous avons ordonné aux forces de traquer les "
          "criminels », a déclaré le chef du gouvernement sur Twitter."], [("Haïder al-Abadi", "after-cue")]),
    ("", ["Le président français Emmanuel Macron s'en est pris aux ouvriers. Le chef de l’État en déplacement à "
          "Égletons a dit : « Il y en a certains qui foutent le bordel »."], [("Emmanuel Macron", "before-cue")]),
    ("", ["President Anna Berg opened the summit. \"We will not wait,\" the head of state said."],
     [("Anna Berg", "after-cue")]),
    # RULES_VERSION 16. A rank of titles joined by a hyphen is a title (`Major-General`); a title after a given
    # name is a surname (`Howard Dean`, then `said Dean`).
    ("", ["Major-General Piet Hansen, spokesman for the army in Velsia said, \"The operation is over.\""],
     [("Piet Hansen", "appositive")]),
    ("", ["In the radio address, party chairman Howard Dean urged voters to act.",
          "\"The candidates stand for the past,\" said Dean."], [("Howard Dean", "after-cue")]),
    # A thing that cannot speak, subject of a clause another cue reports, is not the speaker.
    ("", ["Secretary of State Anna Berg said the bombings underlined \"the absolute bankruptcy\" of those who did "
          "it."], [("Anna Berg", "before-cue")]),
    # A passive cue followed by `comme` has its agent after the quote; a title opens a description too.
    ("", ["Le VX est d'ailleurs classé comme « arme de destruction massive » par les Nations unies."],
     [("les Nations unies", "passive-agent")]),
    ("", ["Les pays ont désapprouvé, à l'exception de Idriss Déby, Président du Tchad et de l'Union africaine, qui "
          "a rappelé que selon lui « le troisième mandat n'est pas anticonstitutionnel. »"],
     [("Idriss Déby", "subject")]),
    # RULES_VERSION 17. A title's time in lower case before a capitalised description and a name (`former`, `then`,
    # `ancien`) is no part of the speaker: the name is.
    ("", ['Later, former U.S. Department of Justice spokesperson Anna Berg described it as "completely '
          'inappropriate" and left.'], [("Anna Berg", "before-cue")]),
    # RULES_VERSION 19. An office with an adjective of nationality, capitalised as texts capitalise offices, is
    # the holder named before (`the Chinese Premier`); a word before a given name that ends a title's complement
    # is no part of the name (`… for Homeland Security and Counterterrorism John O. Brennan`).
    ("", ["Chinese Premier Piet Hansen arrived in Delhi.", '"A growing China is good," the Chinese Premier said.'],
     [("Piet Hansen", "after-cue")]),
    ("", ['Deputy Advisor for Homeland Security and Counterterrorism John O. Berg said, "We closed it."'],
     [("John O. Berg", "before-cue")]),
    # RULES_VERSION 20. `amidst` is a preposition (`amidst reports of …` is no subject of `reports`); a possessive
    # before an adjective of nationality makes a description (`Jangeli's Sudanese counterpart, Deng Alor`);
    # military ranks in short (`Master Sgt.`) are titles.
    ("", ['UN High Commissioner Anna Berg stated, amidst reports of snipers attacking civilians, that such arms would '
          '"inevitably lead to civilian casualties".'], [("Anna Berg", "before-cue")]),
    ("", ["\"It is in our interest,\" claimed Jangeli's Sudanese counterpart, Piet Hansen."],
     [("Piet Hansen", "after-cue")]),
    ("", ['"We have seen progress," said Master Sgt. Corine Lombardo, of the army.'],
     [("Corine Lombardo", "after-cue")]),
    # RULES_VERSION 21. No speaker keeps words that are not its own: an emphatic pronoun (`Sarkozy himself
    # said`), a preposition left by a time cut off (`the young North Korean leader on Sunday said`), a negated
    # auxiliary (`Lyon didn't state …, but he added`: `he` is Lyon).
    ("", ["Nicolas Sarkozy spoke first.", 'Sarkozy himself said the suggestion was "grotesque".'],
     [("Nicolas Sarkozy", "before-cue")]),
    ("", ['In a nation where speeches are rare, the young North Korean leader on Sunday said, "We are strong."'],
     [("the young North Korean leader", "before-cue")]),
    ("", ["Jeffrey Lyon runs the firm.", "Lyon didn't state how much it makes, but he added the amount they receive "
          '"from WBC is very small."'], [("Jeffrey Lyon", "pronoun")]),
    # RULES_VERSION 23. A body's name runs on past `and` when one or two words before it and those after it name
    # a body (`the Food and Drug Administration`), not when they name no body (`Pfizer and BioNTech`).
    ("", ['"We will review the data," the Food and Drug Administration said.',
          'A spokesperson for the Foreign and Commonwealth Office said: "We are aware of the case."',
          '"Fine," said Pfizer and BioNTech.'],
     [("the Food and Drug Administration", "after-cue"),
      ("a spokesperson for the Foreign and Commonwealth Office", "before-cue"), ("Pfizer and BioNTech", "after-cue")]),
    # RULES_VERSION 24. `according to` at a sentence's end is the cue of its earlier quotes too, as a cue after
    # the quotes was; not past a sentence the writer opens between them.
    ("", ["« Différentes armes ont été découvertes dans le coffre » de sa voiture, « des armes blanches et un "
          "bidon », selon le parquet.",
          '"Weapons were found in the boot" of his car, "knives and a can", according to prosecutors.'],
     [("le parquet", "follow-on"), ("le parquet", "according-to"), ("prosecutors", "follow-on"),
      ("prosecutors", "according-to")]),
    ("", ['"Nothing was taken." Then "a knife", according to the police.'],
     [(None, None), ("the police", "according-to")]),
    # RULES_VERSION 26. A title's plural names people (`the executives`): `they` can mean them.
    ("", ['The executives met on Monday. They said: "We were beaten."'], [("the executives", "pronoun")]),
    # RULES_VERSION 25. A French cue in the infinitive after a modal (`a tenu à préciser`, `a cru bon de rappeler`).
    ("", ["« Tout va bien », a cependant tenu à tempérer Jean-François Martins, adjoint à la mairie.",
          "« Rien », a cru bon de rappeler Anne Hidalgo."],
     [("Jean-François Martins", "after-cue"), ("Anne Hidalgo", "after-cue")]),
    # RULES_VERSION 27. A body's name runs on past `for` and `on` (`The Centers for Disease Control and
    # Prevention`, not `Prevention`); `centers` heads a body's name (not `the U.S. Centers`).
    ("", ['The Centers for Disease Control and Prevention said: "The risk to the public remains low."',
          '"The risk is low," said the U.S. Centers for Disease Control and Prevention.',
          'The Committee on Trade and Industry said: "We agree."', 'He voted for Smith and Jones said: "No."'],
     [("the Centers for Disease Control and Prevention", "before-cue"),
      ("the U.S. Centers for Disease Control and Prevention", "after-cue"),
      ("the Committee on Trade and Industry", "before-cue"), ("Jones", "before-cue")]),
])
def test_rules_from_real_text(title: str, paragraphs: list[str],
                              expected: list[tuple[str | None, str | None]]) -> None:
    assert [(a.speaker, a.rule) for a in attribute(paragraphs, find_spans(paragraphs), title)] == expected


def test_every_rule_is_a_named_pass() -> None:
    from briefing_tui.core.quotes.attribution import RULES
    paras = ["Anna Berg said “yes.” “No,” she said.", "“More.", "“Still,” said Anna Berg."]
    assert {a.rule for a in attribute(paras, find_spans(paras))} <= {*RULES, None}


def test_one_speaker_has_one_spelling_in_an_article() -> None:
    """A sentence's first word has a capital: `La police` and `la police` are one speaker, written as the text
    writes it inside a sentence (`Le Figaro` after `le quotidien français`)."""
    paras = ["« Il est parti », a déclaré la police.", "La police a ajouté : « Il reviendra. »",
             "Le quotidien français Le Figaro annonce que « tout est calme ». Le Figaro écrit que « rien ne bouge »."]
    speakers = [a.speaker for a in attribute(paras, find_spans(paras))]
    assert speakers == ["la police", "la police", "Le Figaro", "Le Figaro"]


def test_no_masked_quote_reaches_a_speaker() -> None:
    """Quoted words are masked while the rules read; neither they nor the mask may come out as a speaker."""
    paras = ["She faced a “barrage of criticism” from MPs, and a “furious” backbencher said “go.”",
             "A \u2063 mark \u2063 in raw text “here,” said a \u2063 man."]
    for a in attribute(paras, find_spans(paras)):
        assert a.speaker is None or ("\u2063" not in a.speaker and "barrage" not in a.speaker
                                     and "furious" not in a.speaker)


def test_lexicons_are_per_language() -> None:
    from briefing_tui.core.quotes.attribution import LEXICONS
    from briefing_tui.core.quotes.lexicon import detect
    en, fr, de = LEXICONS
    assert "said" in en.cues and "déclaré" in fr.cues and "sagte" in de.cues
    assert "said" not in fr.cues and "sagte" not in en.cues
    assert detect("Le ministre a déclaré que la situation est grave et que le gouvernement", LEXICONS, en) is fr
    assert detect("Der Minister sagte, die Lage sei ernst und die Regierung werde handeln", LEXICONS, en) is de


@pytest.mark.parametrize(("name", "expected"), [
    ("2025-06-14-catch-data-opened.md", [  # a paragraph with a link before the quote, a block quote
        ("Numbers on the table, not slogans,", "Mira Kovač", "said"),
        ("The data shows what we said all along: the stocks need a pause,", "the Veldor delegation", "wrote"),
        ("a start", "Anika Brandt", "said")]),  # the code block's comment holds no quotation
    ("grid-link-timetable.html", [  # references decoded before quotes are found; a block quote
        ("We have the money and we have the dates,", "Greta Hollmann", "said"),
        ("late but welcome", "Opponents", "called"),
        ("The cable is the easy part,", "Jonas Ferro", "said"), ("The permits are not.", "Jonas Ferro", "said")]),
    ("morning-brief-2025-06-20.eml", [  # quoted-printable UTF-8; a `>` quoted paragraph
        ("We are ready to listen, and we have brought new numbers,", "Anika Brandt", "said"),
        ("The offer is a step backwards,", "the minister", "told"),
        ("a quiet year", "café owners in the harbour", "call")]),
])
def test_quotes_in_documents(name: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """Quotations in the Markdown, web page and e-mail samples: in prose blocks only, offsets on the text shown."""
    from briefing_tui.core.library.scan import load_file
    from briefing_tui.core.model import Article
    from tests.conftest import SEEDS

    article = load_file(str(SEEDS / name))
    assert isinstance(article, Article)
    assert [(q.text, q.speaker, q.cue) for q in article.quotes] == expected
    for q in article.quotes:
        assert article.paragraphs[q.paragraph][q.start:q.end].strip("“”\"‘’«»„ ") == q.text.strip()
