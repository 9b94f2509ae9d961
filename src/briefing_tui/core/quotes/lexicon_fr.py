"""French words for attribution (see `lexicon.Lexicon` for what each list is for)."""

from __future__ import annotations

from briefing_tui.core.quotes.lexicon import Lexicon, words


def imperfects(cues: frozenset[str]) -> frozenset[str]:
    """The imperfect of every -er verb whose participle is a cue (`affirmé`: `affirmait`, `affirmaient`;
    `annoncé`: `annonçait`; `jugé`: `jugeait`): news reports speech in the imperfect as often as in the past."""
    found = set()
    for cue in cues:
        if not cue.endswith("é") or len(cue) < 4:
            continue
        stem = cue[:-1]
        stem = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        found |= {stem + "ait", stem + "aient"}
    return frozenset(found)


def plurals(cues: frozenset[str]) -> frozenset[str]:
    """The present plural of every -er verb whose present singular and participle are cues (`considère`,
    `considéré`: `considèrent`; `rappelle`: `rappellent`): `Les syndicats dénoncent` as `Le syndicat dénonce`."""
    return frozenset(cue + "nt" for cue in cues if cue.endswith("e") and len(cue) > 3
                     and (cue[:-1] + "é" in cues or cue[:-1].replace("è", "é") + "é" in cues
                          or cue[:-2] + "é" in cues))


_CUES = words("""
        déclaré déclare déclarent déclara déclarant dit dis disant affirmé affirme affirment affirma affirmant
        ajouté ajoute ajoutent ajouta ajoutant estimé estime estiment estima estimant expliqué explique
        expliquent expliqua expliquant souligné souligne soulignent souligna soulignant jugé juge jugent jugeant
        résumé résume résument assuré assure assurent assura assurant précisé précise précisent précisa
        précisant raconté raconte racontent raconta confié confie confia indiqué indique indiquent indiqua
        indiquant reconnu reconnaît reconnait reconnaissent reconnut lancé lance lança insisté insiste insista
        martelé martèle regretté regrette regrettant dénoncé dénonce dénoncent dénonça dénonçant prévenu
        prévient rappelé rappelle rappela rappelant commenté commente commenta poursuivi poursuit poursuivit
        averti avertit témoigné témoigne répondu répond répondit conclu conclut annoncé annonce annoncent
        annonça annonçant promis promet répété répète admis admet avoué avoue concédé concède lâché lâche glissé
        glisse tranché tranche nuancé nuance ironisé ironise plaisanté plaisante soupiré soupire rétorqué
        rétorque répliqué réplique objecté objecte protesté proteste fustigé fustige déploré déplore salué salue
        critiqué critique alerté alerte juré jure confirmé confirme démenti dément détaillé détaille analysé
        analyse souri sourit écrit écrivit écrivent demandé demande noté note observé observe relevé relève
        avancé avance défendu défend plaidé plaide accusé accuse souvient inquiète réjoui réjouit félicite
        félicité étonne emporte indigne agace interroge exclame désole amuse constate constaté évoque évoqué
        évoquant qualifié qualifie qualifiant décrit décrivit décrivant décrivent décrivait décrivaient parle parlé
        tempère tempéré appelé décidé décide riposte riposté
        appelle appela traite traité caractérise caractérisé renchérit renchéri corrige corriger nié nie nia
        menacé menace condamné condamne pense pensent pensé considère considéré prononcé prononce clamé clame tweeté
        préconisé préconise recommandé recommande excusé excuse excusée excusant
        décrits décrites qualifiés qualifiées
        souhaité souhaite espéré espère justifié justifie justifiant promettant appelant exhorté exhorte exhortant
        réclame réclamé réclamant réclament exige exigé exigeant exigent martelant déplorant pointé pointe
        publié publie signé signe rapporté rapporte rapportent rapporta rapportant
        demandant trouvé poursuivre tente signale signalé signalent signalant
        """)

LEXICON = Lexicon(
    code="fr",
    frequent=words("""
        le la les des du et est une un que qui dans pour au aux il elle a été sur par avec ne pas ce cette mais
        ou se sa son ses
        """),
    cues=_CUES | imperfects(_CUES) | plurals(_CUES),
    passive_cues=words("""
        qualifié qualifiée qualifiés qualifiées décrit décrite décrits décrites appelé appelée traité traitée accusé
        accusée classé classée classés classées considéré considérée considérés considérées surnommé surnommée
        surnommés surnommées
        """),
    according=(("selon",), ("d'", "après"), ("d’", "après")),
    pronouns={"il": "m", "elle": "f", "ils": None, "elles": None},
    it_pronouns=frozenset(),
    determiners=words("""
        le la les l' l’ un une des du de ce cet cette ces plusieurs certains certaines quelques nombreux
        nombreuses deux trois quatre chaque tout tous toute toutes aucun aucune
        """),
    possessives=words("son sa ses leur leurs mon ma mes notre nos votre vos"),
    auxiliaries=words("a ont avait avaient aura auraient aurait est sont était étaient"),
    be=words("est sont était étaient été fut sera seront serait seraient soit soient"),
    adverbs=words("""
        ensuite également aussi encore alors déjà notamment pourtant cependant toutefois enfin ainsi plutôt même
        aujourd'hui hier lui-même elle-même immédiatement publiquement
        """),
    emphatics=words("lui-même elle-même eux-mêmes elles-mêmes"),
    modals=words("tenu voulu cru su"),
    relatives=words("qui dont lequel laquelle lesquels lesquelles"),
    clause_openers=words("""
        et mais ou alors tandis que qu' qu’ lorsque quand car puisque si comme parce
        """),
    prepositions=words("""
        de du des d' d’ à au aux pour par avec sans sur sous chez dans en entre vers contre malgré parmi
        concernant
        """),
    cut_prepositions=words("à au aux sur lors pendant dans devant après avant depuis lundi mardi mercredi jeudi "
                           "vendredi samedi dimanche"),
    circumstances=words("""
        communiqué entretien interview conférence discours tweet twitter facebook radio télévision journalistes
        presse médias réunion séance lundi mardi mercredi jeudi vendredi samedi dimanche matin soir journée afp
        reuters blog vidéo émission micro antenne travers biais intermédiaire
        """),
    agent=words("par"),
    naming=words("""
        nommé nommée appelé appelée surnommé surnommée baptisé baptisée pseudonyme alias connu connue surnom
        slogan devise
        """),
    titles=words("""
        président présidente ministre secrétaire directeur directrice porte-parole maire député députée sénateur
        sénatrice ambassadeur ambassadrice juge procureur procureure avocat avocate chef fondateur fondatrice
        candidat candidate premier première ancien ancienne ex leader dirigeant dirigeante responsable
        professeur docteur dr m mme mlle monsieur madame maître me commissaire préfet préfète conseiller
        conseillère gouverneur roi reine prince princesse pape cardinal évêque archevêque imam rabbin
        journaliste chercheur chercheuse économiste analyste politologue sociologue historien historienne
        graphiste designer acteur actrice chanteur chanteuse écrivain écrivaine auteur entraîneur entraîneuse
        capitaine joueur joueuse patron patronne pdg délégué déléguée adjoint adjointe vice-président vice-
        présidente eurodéputé eurodéputée lieutenant colonel commandant général présidente-directrice président-
        directeur président-candidat négociateur négociatrice vainqueur secrétaire-général ex-député ex-députée
        ex-ministre médecin infirmier infirmière guide militant militante syndicaliste élu élue universitaire
        """),
    title_suffixes=(),
    org_heads=words("""
        ministère gouvernement commission parlement assemblée conseil cour tribunal parti syndicat fédération
        association organisation ong agence office institut université banque groupe société entreprise ordre
        compagnie fondation comité union ligue mission armée police gendarmerie préfecture mairie journal
        quotidien hebdomadaire chaîne radio télévision réseau front mouvement parquet autorité coalition
        """),
    generic_orgs=words("entreprise société groupe organisation ong firme parti association"),
    documents=words("""
        communiqué rapport déclaration décret message lettre courriel tweet billet texte document reportage
        documentaire enquête étude note compte-rendu site blog annonce arrêt jugement avis bulletin publication
        """),
    person_nouns=words("""
        porte-parole responsable habitant habitants témoin témoins manifestant manifestants militant militants
        expert experts diplomate diplomates source sources négociateur ministre député députés élu élus victime
        victimes homme femme hommes femmes personne personnes enfant enfants père mère fils fille frère sœur ami
        tante tantes oncle oncles épouse mari cousin cousine
        amis voisin voisins employé salarié salariés passager passagers usager usagère usagers guide chercheur
        chercheurs membre membres dirigeant dirigeants candidat leader graphiste président présidente directeur
        directrice maire vainqueur fondateur fondatrice chauffeur chauffeurs conducteur conductrice conducteurs
        voyageur voyageurs passagère policier policière policiers agent agents gendarme gendarmes soldat soldats
        élève élèves étudiant étudiante étudiants enseignant enseignante enseignants ouvrier ouvrière ouvriers
        agriculteur agriculteurs pompier pompiers patient patiente patients réalisateur réalisatrice scientifique
        scientifiques habitante citoyen citoyenne citoyens parent parents proche proches supporter supporters
        """),
    not_names=words("""
        le la les un une des du de et mais ou donc or ni car il elle ils elles on nous vous je tu ce cette ces
        lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
        septembre octobre novembre décembre selon pour dans en à au aux sur par avec après avant pendant depuis
        lors alors ainsi cependant pourtant toutefois néanmoins enfin mise plus tout tous bien afin quoique lorsque
        puisque tandis
        """),
    discourse=words("""
        aussi cependant pourtant toutefois néanmoins ainsi enfin alors ensuite puis mais et or donc aujourd'hui hier
        plus tard
        """),
    plural_pronouns=words("ils elles"),
    object_pronouns={"lui": "il", "elle": "elle", "eux": "ils", "elles": "elles"},
    adverb_suffixes=("ment",),
    title_modifiers=words("ancien ancienne ex premier première adjoint adjointe vice- m mme mlle monsieur madame "
                          "dr"),
    role_changers=words("vice ancien ancienne ex adjoint adjointe"),
    named_kinds=words("""
        agence opérateur entreprise société groupe constructeur compagnie firme banque chaîne radio journal
        quotidien hebdomadaire magazine site ong association fondation
        """),
    offices=words("président présidente ministre premier chancelier chancelière maire gouverneur sénateur roi reine "
                  "pape prince princesse ambassadeur"),
    first_person=words("je j' j’ nous"),
    clitics=words("l' l’ le la les lui leur y en se s' s’ me m' m’ te t' t’ n' n’ ne pas"),
    voice_of=("par", "la", "voix"),
    inverted_cues=words("remarque continue poursuit reprend enchaîne"),
    asides=(("de", "son", "côté"), ("de", "leur", "côté"), ("pour", "sa", "part"), ("pour", "leur", "part"),
            ("quant", "à", "lui"), ("quant", "à", "elle"), ("lui",), ("elle",), ("ensuite",), ("tout", "de", "même"),
            ("par", "conséquent"), ("par", "ailleurs"), ("en", "effet"), ("à", "son", "tour"), ("de", "nouveau"),
            ("par", "la", "suite")),
    verbs=frozenset(),
    according_initial=("pour",),
)
