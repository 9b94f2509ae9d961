"""German words for attribution (see `lexicon.Lexicon` for what each list is for)."""

from __future__ import annotations

from briefing_tui.core.quotes.lexicon import Lexicon, words

LEXICON = Lexicon(
    code="de",
    frequent=words("""
        der die das und ist nicht mit den dem ein eine sich auf für sie er im zu von sagte auch nach wie bei aus
        noch dass
        """),
    cues=words("""
        sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten meinte meint warnte warnt
        warnten fügte nannte nennt kritisierte kritisiert kritisierten forderte fordert forderten sprach spricht
        fragte fragt antwortete antwortet rief berichtete berichtet ergänzte ergänzt räumte schrieb schreibt
        versicherte versichert mahnte mahnt bekräftigte unterstrich beschrieb beschreibt kommentierte
        kommentiert bestätigte bestätigt klagte klagt schimpfte schimpft kündigte kündigt verriet verrät
        erzählte erzählt beklagte beklagt lobte lobt bezeichnete bezeichnet entgegnete entgegnet erwiderte
        erwidert widersprach widerspricht versprach verspricht appellierte resümierte präzisierte verwies
        verweist erinnerte erinnert schilderte schildert drohte droht teilte teilt
        """),
    passive_cues=words("bezeichnet genannt beschrieben"),
    according=(("laut",), ("zufolge",)),
    pronouns={"er": "m", "sie": "f"},
    it_pronouns=frozenset(),
    determiners=words("""
        der die das den dem des ein eine einer eines einem einen kein keine diese dieser dieses jene mehrere
        einige viele zwei drei
        """),
    possessives=words("""
        sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere dessen deren
        """),
    auxiliaries=words("hat haben hatte hatten wird werden würde sich habe"),
    be=words("wurde wurden ist sind war waren worden"),
    adverbs=words("""
        auch zudem außerdem später dann noch bereits schon ebenfalls gestern heute weiter jedoch
        """),
    emphatics=words("selbst"),
    relatives=words("der die das dem den dessen deren welche welcher"),
    clause_openers=words("""
        und aber oder während als wenn weil da ob dass obwohl nachdem bevor sondern denn
        """),
    prepositions=words("""
        von vom aus bei beim für mit im in an am auf über unter zu zum zur des der
        """),
    cut_prepositions=words("am im in auf gegenüber vor nach bei beim zu zum zur"),
    circumstances=words("""
        mitteilung interview konferenz rede twitter facebook radio fernsehen journalisten presse sitzung montag
        dienstag mittwoch donnerstag freitag samstag sonntag morgen abend
        """),
    agent=words("von vom"),
    naming=words("namens genannt alias bekannt spitzname motto slogan"),
    titles=words("""
        kanzler kanzlerin minister ministerin präsident präsidentin sprecher sprecherin botschafter
        botschafterin gesandte gesandter abgeordnete abgeordneter stadtrat stadträtin bürgermeister
        bürgermeisterin herr frau dr prof professor professorin chef chefin direktor direktorin leiter leiterin
        vorsitzende vorsitzender trainer trainerin anwalt anwältin richter richterin experte expertin kollege
        kollegin
        """),
    title_suffixes=("minister", "ministerin", "präsident", "präsidentin", "meister", "meisterin", "sprecher",
                    "sprecherin", "kanzler", "kanzlerin", "expertin", "experte", "direktor", "direktorin",
                    "botschafter", "botschafterin", "chef", "chefin", "dezernent", "dezernentin", "intendant",
                    "intendantin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "schauspieler", "vorstand",
                    "vorständin", "sekretär", "sekretärin", "trainer", "trainerin", "berater", "beraterin",
                    "forscher", "forscherin", "ökonom", "ökonomin", "anwalt", "anwältin", "richter", "richterin",
                    "schauspielerin"),
    org_heads=words("""
        ministerium regierung verband verein gemeinde stadt konzern unternehmen gericht partei gewerkschaft bank
        institut universität amt behörde polizei bundeswehr bahn rat kommission stiftung zeitung sender
        """),
    generic_orgs=words("unternehmen konzern firma"),
    documents=words("""
        mitteilung erklärung bericht pressemitteilung brief schreiben stellungnahme ankündigung urteil
        """),
    person_nouns=words("""
        sprecher sprecherin beamter beamtin diplomat diplomatin experte expertin anwohner anwohnerin zeuge
        zeugin mitarbeiter mitarbeiterin mann frau kind kinder vater mutter sohn tochter kollege kollegin
        """),
    not_names=words("""
        der die das ein eine und aber oder er sie es wir ich du ihr montag dienstag mittwoch donnerstag freitag
        samstag sonntag januar februar märz april mai juni juli august september oktober november dezember
        """),
    discourse=words("""
        jedoch doch aber und auch zudem außerdem dennoch trotzdem inzwischen gestern heute später
        """),
    plural_pronouns=frozenset(),
    object_pronouns={"ihm": "er", "ihr": "sie"},
    role_changers=words("vize ehemalige ehemaliger stellvertretende stellvertretender"),
    offices=words("präsident präsidentin minister ministerin kanzler kanzlerin bürgermeister bürgermeisterin"),
    first_person=words("ich wir"),
    clitics=words("sich"),
    verbs=frozenset(),
    according_initial=("für",),
    org_suffixes=("gesellschaft", "ministerium", "verband", "verein", "partei", "gewerkschaft", "bank", "behörde",
                  "institut", "zeitung", "konzern", "unternehmen", "gericht", "kommission", "stiftung", "fraktion",
                  "wetterdienst", "dienst", "bahn", "werke", "amt"),
)
