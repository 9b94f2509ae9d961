"""English words for attribution (see `lexicon.Lexicon` for what each list is for)."""

from __future__ import annotations

from briefing_tui.core.quotes.lexicon import Lexicon, words

LEXICON = Lexicon(
    code="en",
    frequent=words("""
        the and of to is was were are said that for with his her it this from has have been by in on at as he
        she they not but who
        """),
    cues=words("""
        said says say saying told tells telling warned warns warning added adds adding asserted asserts
        asserting insisted insists insisting claimed claims claiming stated states stating noted notes noting
        argued argues arguing explained explains explaining declared declares declaring announced announces
        announcing admitted admits admitting acknowledged acknowledges suggested suggests suggesting wrote
        writes writing recalled recalls recalling replied replies replying responded responds continued
        continues concluded concludes decided decides stressed stresses emphasized emphasised urged urges called
        calls calling
        described describes describing echoed echoes compared compares dismissed dismisses affirmed cautioned
        predicted vowed vows vowing pledged promised complained complains conceded agreed countered observed
        remarked quipped joked tweeted tweets tweeting posted mused shouted shouting asked asks maintained
        maintains reiterated repeated confirmed confirms denied denies boasted charged testified blamed blames
        blaming accused accuses criticised criticized criticising criticizing praised praising welcomed welcomes
        muttered whispered sighed laughed snapped cried exclaimed grumbled yelled murmured ruled branded brands
        branding labelled labeled labelling labeling hailed hails slammed slams revealed reveals recounted
        recounts lamented laments pleaded demanded demands signalled signaled reckoned reckons retorted rebutted
        protested objected interjected confided confessed alleged alleges opined scoffed sniffed fumed groaned
        gushed enthused marvelled marveled reasoned speculated proclaimed hinted threatened bemoaned decried
        condemned condemns denounced denounces ridiculed mocked derided summarised summarized wondered emailed
        texted characterised characterized characterising characterizing characterises characterizes termed
        terms terming commented comments commenting spoke speaks talked talks read reads reading thanked thanks
        expressed expresses reported reports informed informs shared supposes supposed attacked attacks defended
        defends referred refers pointed points explained underlined highlighted cited citing quoted lauded warn
        insist reply respond stress remark recall add admit write announce say tell describe call found
        specifies specified stipulates stipulated reacted justified justifies indicated indicates mentioned
        mentions clarified clarifies assured assures contended contends underscored underscores chanted
        chanting screamed begged shrugged smiled grinned appealed appeals
        """),
    passive_cues=words("""
        described called branded labelled labeled termed characterised characterized dubbed quoted cited told
        hailed praised criticised criticized condemned denounced accused deemed considered classified classed
        """),
    according=(("according", "to"), ("as", "reported", "by"), ("in", "the", "words", "of")),
    according_initial=("for",),
    pronouns={"he": "m", "she": "f", "they": None},
    it_pronouns=words("it"),
    determiners=words("""
        the a an this that these those one two three four five several some many most all both each another any
        no few numerous
        """),
    possessives=words("his her its their my our your"),
    auxiliaries=words("""
        has have had will would could can should may might must did does do has've
        didn't doesn't don't won't wouldn't couldn't can't cannot shouldn't hasn't haven't hadn't mustn't
        didn’t doesn’t don’t won’t wouldn’t couldn’t can’t shouldn’t hasn’t haven’t hadn’t mustn’t
        """),
    be=words("was were is are been being be wasn't weren't isn't aren't wasn’t weren’t isn’t aren’t"),
    adverbs=words("""
        also later then again once reportedly previously repeatedly bluntly flatly recently further quickly
        simply even still already subsequently earlier publicly privately separately similarly additionally
        initially finally directly immediately openly angrily calmly firmly strongly jokingly famously never not
        specifically explicitly officially formally clearly allegedly apparently unanimously jointly ultimately
        eventually emphatically categorically specifically personally tearfully proudly optimistically only merely
        just first now
        """),
    emphatics=words("himself herself themselves itself"),
    relatives=words("who whom whose which"),
    clause_openers=words("""
        what how and but or while whereas as when after before because since although though if that so yet nor
        where whether until unless once
        """),
    prepositions=words("""
        to of from at for with in on by about among between within without under over near across including like
        via into onto upon against toward towards behind beyond outside inside despite amid amidst amongst throughout
        beside
        during
        """),
    cut_prepositions=words("""
        on to via during after before while as when through over since until later at in from with per
        """),
    circumstances=words("""
        statement interview conference briefing speech tweet post address message letter email video broadcast
        radio television tv twitter facebook instagram youtube monday tuesday wednesday thursday friday saturday
        sunday morning evening night afternoon day week weekend reporters journalists press media meeting
        hearing livestream stream release blog podcast programme program show call phone rally session
        """),
    agent=words("by"),
    naming=words("named called dubbed nicknamed pseudonym alias known nickname moniker slogan motto"),
    titles=words("""
        president vice prime minister secretary general state foreign defense defence finance interior
        chancellor senator sen rep representative governor gov mayor king queen prince princess pope ambassador
        spokesman spokeswoman spokesperson chief executive director commander admiral lt col colonel captain
        chairman chair chairwoman mr mrs ms dr prof professor sir lord lady judge justice speaker leader deputy
        head former acting assistant undersecretary envoy official premier sheikh emir crown gen general-
        secretary senior top analyst coach economist researcher editor correspondent lawyer attorney manager
        chairperson ceo cfo coo cto founder co-founder owner trader hydrologist scientist historian biologist
        geologist epidemiologist physicist chemist meteorologist climatologist sociologist psychologist novelist
        journalist columnist activist campaigner author co-author architect engineer councillor councilor
        councilman councilwoman alderman commissioner inspector superintendent sergeant sgt cpl pvt spc maj capt
        cmdr adm brig master staff lance petty detective bishop
        archbishop cardinal rabbi imam dame baroness baron midfielder striker defender goalkeeper substitute
        sheriff deputy whip assemblyman assemblywoman assemblymember legislator lawmaker congressman
        congresswoman congressmember delegate actor actress singer musician drummer guitarist rapper comedian
        broadcaster presenter host anchor producer performer filmmaker artist writer poet playwright designer
        administrator monsignor monsenor monseñor father sister brother
        photographer prosecutor barrister solicitor magistrate coroner officer constable commandant marshal
        lieutenant major corporal admiral brigadier astronomer astronaut oceanographer physician surgeon doctor
        nurse pastor priest reverend rev lead star captain player winger batsman bowler skipper boss mp mep msp mla qc
        kc co-chair chancellor vice-chancellor provost dean rector principal headteacher teacher student pupil
        candidate nominee incumbent challenger businessman businesswoman entrepreneur investor billionaire
        tycoon heiress mogul magnate chef expert specialist advisor adviser consultant counsel attorney-general
        prosecutor- general director-general secretary-general under-secretary emeritus interim regional
        provincial federal national general state county city district municipal former late then newly elected
        incoming outgoing democrat republican
        """),
    title_suffixes=(),
    org_heads=words("""
        council institute university party ministry department office agency union association group company
        bank commission committee court government authority service services board foundation alliance
        federation corporation press times post news fund league club firm operator regulator watchdog airline
        trust hospital school police army navy team network museum zoo orchestra processor carrier forces corps
        guard organization organisation assembly parliament senate congress house embassy consulate council
        administration bureau centre center centres centers college academy society community institution inc ltd
        llc plc co corp
        broadcasting radio television tv channel journal magazine herald telegraph guardian tribune review
        gazette daily weekly agency committee court tribunal cabinet coalition movement front brigade division
        command unit squad clinic laboratory laboratories lab network studios records entertainment wrestling
        airlines airways railways railway motors industries holdings group partners show program programme
        capital securities ventures consulting chamber festival capital media partnership
        """),
    generic_orgs=words("company firm group organisation organization ngo"),
    documents=words("""
        statement release press-release communique communiqué report decree tweet post message letter email memo
        description summary announcement ruling judgment judgement verdict order law act constitution document
        manifesto editorial website blog notice filing complaint lawsuit petition bulletin advisory update
        newsletter video broadcast interview transcript account quote words remark remarks comment comments post
        proclamation declaration affidavit indictment opinion memorandum directive resolution
        """),
    person_nouns=words("""
        official officials aunt uncle spokesperson spokesman spokeswoman diplomat diplomats analyst analysts source
        sources
        minister aide aides officer officers adviser advisor expert experts observer observers lawmaker
        lawmakers commander envoy negotiator negotiators resident residents witness witnesses critic critics
        motorist motorists drivers cyclist cyclists pedestrian pedestrians commuter commuters bystander bystanders
        onlooker onlookers tourist tourists campaigner campaigners activist activists delegate delegates nurse
        doctor engineer member members victim
        victims man woman men women person people child children boy girl father mother son daughter wife
        husband brother sister friend friends neighbour neighbor neighbours neighbors fan fans protester
        protesters protestor protestors student students worker workers employee employees driver passenger
        passengers survivor survivors teacher parent parents relative relatives family leader leaders head chief
        user users interviewee interviewees writer author representative representatives scientist scientists
        researcher researchers teen teenager teenagers citizen citizens voter voters figure insider insiders
        backbencher trader traders owner owners manager pilot guard fisherman farmer farmers organiser organizer
        organisers organizers participant participants attendee attendees spectator spectators viewer viewers
        customer customers shopper shoppers commentator commentators journalist journalists reporter reporters
        mp mps msp msps mla mlas senator senators judge judges lawyer lawyers prosecutor prosecutors investigator
        investigators
        director president chairman chairwoman secretary governor mayor coach player players policeman
        policewoman policemen soldier soldiers firefighter firefighters patient patients poster posters
        """),
    not_names=words("""
        the a an this that these those however meanwhile but and yet so still despite in on at for from with by
        after before during while when if although though since as it its his her their our we i you there here
        speaking according asked earlier later today yesterday tomorrow last next many some most other others
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july
        august september october november december he she they what why how where who which one two also
        part parts portion portions excerpt excerpts extract extracts passage passages
        """),
    discourse=words("""
        however meanwhile but and yet still later earlier separately instead also then now moreover furthermore
        additionally nevertheless namely specifically finally first second third last similarly likewise indeed
        today yesterday afterwards afterward
        """),
    plural_pronouns=words("they"),
    object_pronouns={"him": "he", "her": "she", "them": "they", "it": "it"},
    possessive_pronouns={"his": "he", "her": "she", "its": "it", "their": "they"},
    adverb_suffixes=("ly",),
    title_modifiers=words("""
        former acting senior top vice deputy general state chief head lead interim then late newly elected
        incoming outgoing national federal regional provincial county city district municipal foreign defense
        defence finance interior emeritus crown assistant co- under mr mrs ms dr sir lord lady
        """),
    role_changers=words("vice former deputy ex assistant under co"),
    family_kin=words("father mother son daughter brother sister"),
    offices=words("""
        president minister premier chancellor mayor governor senator secretary king queen pope prince princess
        ambassador speaker leader
        """),
    first_person=words("i we"),
    verbs=words("""
        gave fell rose went came took made got found left met sent won lost led kept held began became paid put
        ran saw set spent stood sat brought bought built caught chose drew drove flew grew heard hit knew laid
        let meant sold shot shut sang sank struck swore taught thought threw understood wore is was were are has
        had have will would could can should may might must did does do hopes hoped plans planned wants wanted
        remains remained appears appeared seems seemed faces faced
        """),
)
