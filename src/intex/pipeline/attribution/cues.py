"""The words reports attribute with: speech verbs, "according to", "citing", possessive
estimates, transcript labels, pronouns, role and body words, unnamed sources.

Only vocabulary and patterns live here; ``attributor.py`` reads sentences with them.
"""

from __future__ import annotations

import re

from intex.pipeline.alternation import grouped

SPEECH = (r"said|says|say|told|tells|confirmed|confirms|warned|warns|claimed|claims|claim|"
          r"estimated|"
          r"estimates|estimate|reported|reports|report|noted|notes|added|adds|announced|"
          r"announces|stated|states|believes|believe|believed|assessed|assesses|assess|revealed|"
          r"reveals|wrote|writes|denied|denies|dismissed|dismisses|insisted|insists|stressed|"
          r"stresses|explained|explains|informed|cited|disclosed|discloses|indicated|indicates|"
          r"suggested|suggests|emphasized|emphasised|emphasizes|emphasises|pointed out|"
          r"acknowledged|acknowledges|admitted|admits|alleged|alleges|asserted|asserts|declared|declares|"
          r"briefed|shared|presented|published|publishes|showed|shows|show|calculated|"
          r"calculates|"
          r"counted|counts|recorded|records|registered|documented|verified|tallied|put the|"
          r"puts the|provided (?:fresh |new |updated )?(?:data|information|figures|details)|"
          r"(?:gave|given|gives|give)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:\w+\s+)?"
          r"(?:figures?|estimates?|numbers?|counts?|tally|tallies|tolls?|totals?|breakdowns?)|"
          r"updated|update|"
          # a party revising its own count: "raised it to 13", "lowered the toll to 95"
          r"(?:raised|lowered|revised|corrected|raises|lowers|revises|corrects)\s+(?:it|"
          r"(?:the|its|their|his|her)\s+(?:death\s+)?(?:toll|count|tally|figure))|"
          r"mentioned|replied|"
          r"responded|answered|observed|concluded|forecast|forecasts|predicted|predicts|"
          r"expects|expected|thinks|think|understands|learned|learnt|detected|spotted|"
          r"identified|tracked|monitored|observed|noticed|knows|know|has learned|"
          r"stated in a statement|said in a statement|wrote on|posted|tweeted|communicated|"
          r"specified|clarified|summarized|summarised|quoted|informs|said on|told reporters|"
          r"saying|adding|noting|claiming|stressing|announcing|insisting|asserting|arguing|"
          r"argued|argues|alleging|spoke of|speaks of|spoken of|speak of|talked of|"
          r"pointed to|points to|"
          r"reminded|recalled|lists|listed|classifies|classified|found|finds|logged|logs|"
          r"pledged|pledges|promised|promises|proposed|proposes|appealed|appeals|"
          r"asked for|asks for|requested|requests|launched an appeal|made public|"
          r"makes public|"
          # the progressive: "the UN was telling reporters that", "officials are saying"
          r"(?:was|were|is|are)\s+(?:telling|saying|reporting)")
# the verbs that make their subject a source whoever it is ("Energy company DTEK said")
CLAIM_VERB = re.compile(r"said|says|told|tells|reported|reports|claimed|claims|announced|"
                        r"announces|stated|states|wrote|writes|added|adds|noted|notes|"
                        r"confirmed|confirms|posted|estimated|estimates|believes|believe|"
                        r"assesses|assessed|claim|say|spoke of|speaks of|spoken of|speak of|"
                        r"report|show|shows|showed|counted|counts|tallied|"
                        r"(?:was|were|is|are)\s+(?:telling|saying|reporting)", re.I)
# reports nobody is named for, the outlet's own hearsay: "Reports on Monday said", "Initial
# reports suggested", "Earlier accounts had put the toll higher"
UNNAMED_REPORTS = re.compile(r"(?:(?:earlier|initial|first|early|other|some|several|"
                             r"unconfirmed)\s+)?(?:reports|accounts)(?:\s+(?:on|from|last|"
                             r"earlier)\s+\w+)?", re.I)
# the head words of a phrase naming a body or group that speaks
SPEAKING_GROUP = re.compile(
    r"(?:command|commands|media|press|agencies|agency|prosecutors?|police|authorities|officials|"
    r"service|services|ministry|department|army|military|forces|office|administration|council|"
    r"headquarters|staff|committee|mission|brigade|battalion|regiment|division|corps|unit|"
    r"group|channel|broadcaster|outlet|newspaper|company|operator|utility|governor|mayor|"
    r"spokes(?:man|woman|person)|commander|volunteers|rescuers|medics|doctors|residents|"
    r"monitors|observers|bloggers?|centre|center|institute|foundation|organi[sz]ation|ngo|"
    r"watchdog|network|union|association|project|initiative|platform)s?$", re.I)
# verbs of doing that make their subject the source only when no one else speaks
ACTOR_VERB = re.compile(r"pledged|pledges|promised|promises|proposed|proposes|appealed|appeals|"
                        r"asked for|asks for|requested|requests|launched an appeal|lists|listed|"
                        r"classifies|classified|found|finds|logged|logs", re.I)
# participles that, after a form of "be", are passives with no speaker in sight
PASSIVE_PARTICIPLE = re.compile(r"\w+ed|found|given|shown|known|told|said|thought", re.I)
ADVERBS = (r"(?:also|officially|earlier|later|previously|further|then|again|now|already|"
           r"separately|publicly|reportedly|recently|has|have|had|was|were|is|are|would|will|"
           r"on\s+\w+|last\s+\w+|in\s+a\s+\w+(?:\s+\w+)?|in\s+\w+|separately|first|at\s+first|initially|"
           r"repeatedly|since|once\s+again|for\s+(?:its|his|her|their)\s+part,?|in\s+turn,?|"
           r"meanwhile,?|however,?|in\s+response,?)")
# the same alternations, grouped by leading letters: they match exactly as written above
# and are tried at every word of every sentence (see alternation.py)
_SPEECH = grouped(SPEECH)
_ADVERBS = "(?:" + grouped(ADVERBS[3:-1]) + ")"
SPEECH_WORD = re.compile(rf"(?<![\w-])(?<!United )(?:{_SPEECH})\b", re.I)
ADVERBS_AT_END = re.compile(rf"(?:,?\s*\b(?:{_ADVERBS})\s*)+$", re.I)
SPEECH_AFTER_SUBJECT = re.compile(rf"^\s*,?\s*\b(?:{_ADVERBS}\s+){{0,3}}(?:{_SPEECH})\b", re.I)
INVERTED = re.compile(rf"\b(?:{_SPEECH})\s+(?:on\s+\w+\s+)?$", re.I)
ACCORDING = re.compile(r"\b(?:according\s+to|in\s+the\s+(?:words|view|assessment|estimate)\s+"
                       r"of|as\s+(?:stated|noted|reported|said)\s+by|per)\s+$", re.I)
CITING = re.compile(r"\b(?:citing|quoting|cited\s+by|quoted\s+by|as\s+quoted\s+by|"
                    r"as\s+cited\s+by|(?:a\s+|the\s+)?briefing\s+(?:by|from)|briefed\s+by|"
                    r"based\s+on\s+(?:information|data|figures|intelligence)\s+from|"
                    r"information\s+from|data\s+from|figures\s+from|"
                    r"(?:a|an|the)\s+(?:estimate|assessment|report|statement)\s+(?:by|from|of))"
                    r"\s+(?:the\s+)?$", re.I)
TOLD = re.compile(r"^\s*(?:told|tells|to)\s+(?:the\s+)?$", re.I)
ACCORDING_CUE = re.compile(r"(?:according\s+to|in\s+the\s+(?:words|view|assessment|estimate)"
                          r"\s+of|as\s+(?:stated|noted|reported|said)\s+by|(?<=,\s)attributed\s+"
                          r"to)\s+", re.I)
# "by ISW's calculation", "in Kyiv's data", "in the president's words", "X's estimate is"
POSSESSIVE_CUE = re.compile(
    r"\b(?:by|in|on|from|under)\s+(?P<who>(?:the\s+)?[\w.' -]{2,60}?)(?:'s|’s|')\s+"
    r"(?:own\s+|latest\s+|updated\s+|rough\s+|preliminary\s+|official\s+)?"
    r"(?:calculations?|counts?|estimates?|estimation|assessments?|data|figures?|words|view|"
    r"tally|tallies|reckoning|account|analysis|records?|numbers|information|reports?)\b"
    # "in his count", "by their estimate": the pronoun points back to a speaker
    r"|\b(?:by|in|on|from|under)\s+(?P<pron>his|her|its|their)\s+(?:own\s+|latest\s+)?"
    r"(?:calculations?|counts?|estimates?|assessments?|data|figures?|words|view|tally|"
    r"tallies|reckoning|account|analysis|records?|numbers)\b", re.I)
# "the Israeli military's count is that ...", "Kyiv's estimate stands at"
POSSESSIVE_SUBJECT = re.compile(
    r"(?:^|[,:;]\s*|\b(?:that|and|but|while)\s+)(?P<who>(?:the\s+)?[\w.' -]{2,60}?)(?:'s|’s|')\s+"
    r"(?:own\s+|latest\s+|updated\s+|official\s+)?(?:count|estimate|tally|assessment|"
    r"figures?|data|calculation|numbers|list|records|database)"
    # "AFP's own list of past attacks on peacekeepers gives the toll as 24"
    r"(?:\s+of\s+[^,;:.()]{1,60}?)?\s+(?:is|was|are|were|stands|stood|puts|put|shows|"
    r"showed|came|comes|suggests|suggested|gives|gave)\b", re.I)
# "the contingent, which ISW puts at 12,000", "Blinken put the number at 8,000" (a thread's
# post may open on its number, "4/7")
PUTS_AT = re.compile(
    r"(?:\bwhich|\bthat|^(?:\s*\d{1,3}/\d{1,3}\s)?|,)\s*(?P<who>[\w.'’ -]{2,90}?)\s+"
    r"(?:(?:has|had|have|now|also|then)\s+)?"
    r"(?P<verb>puts|put|places|placed|estimates|estimated|pegs|pegged|sets|set|"
    r"gives|gave|given)\s+(?:(?:the|its|their|his|her|a)\s+)?(?:[^\d,;:.()]|(?<=[A-Z])\.|"
    r"\b(?:19|20)\d\d\b){0,60}?\s*(?:at|as)\s",
    re.I)
# "Ukrainian officials' tallies put ...": whose tallies they are
# "A study released Monday by Germany's X puts ...": X, who published it
DOCUMENT_BY = re.compile(r"^(?:an?|the)\s+(?:new\s+|latest\s+)?(?:study|report|survey|analysis|"
                         r"assessment|estimate|review|paper)\b[^,;]{0,40}?\bby\s+", re.I)
DOCUMENT_OF = re.compile(r"(?:'s|’s|')\s+(?:own\s+|latest\s+)?(?:count|counts|estimate|estimates|"
                         r"tally|tallies|figures|data|assessment|calculations?)$", re.I)
TOLD_AUDIENCE = re.compile(r"told\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:lawmakers|legislators|"
                           r"parliament|mps|deputies|reporters|journalists|a\s+briefing|"
                           r"briefing|committee|the\s+press)\b", re.I)
# a transcript line's speaker: "[00:42] ZELENSKYY (voice of interpreter): ...", "RYDER: ..."
# a transcript's own people, whose lines are the outlet's: "HOST:", "ANCHOR:", "Q:"
ANCHOR_LABEL = re.compile(r"(?:ANCHOR|HOST|CORRESPONDENT|REPORTER|PRESENTER|INTERVIEWER|"
                          r"NARRATOR|MODERATOR|QUESTION|Q)", re.I)
# labels that name no speaker at all: an anchor's, an answer's, an unidentified voice's
NO_NAME_LABEL = re.compile(rf"(?:{ANCHOR_LABEL.pattern}|A|ANSWER|VOICE|UNIDENTIFIED[\w ]*)",
                           re.I)
SPEAKER_LABEL = re.compile(
    r"\s*(?:\[[\d:. ]+\]\s*)?(?P<name>[A-Z][A-Z.'’ -]{1,40}?|"
    # a name in capitals keeps the small letters of its prefix: "COMMISSIONER McALEENAN"
    r"(?:[A-Z][A-Z.'’-]*\s)*(?:Mc|Mac)[A-Z][A-Z'’-]+|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})"
    r"\s*(?:\([^()]{1,40}\))?\s*:\s+(?=\S)")
# a Q&A's answer and question lines: "A: We have ...", "Q: How many ...?"
ANSWER_LABEL = re.compile(r"\s*(?:A|ANSWER|Answer)\s*:\s+(?=\S)")
QUESTION_LABEL = re.compile(r"^\s*(?:Q|QUESTION|Question)\s*:\s", re.M)
# how a Q&A's introduction names whom it interviews
INTERVIEW_CUE = re.compile(r"\b(?:interview(?:ed)?\s+with|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
                           r"sat\s+down\s+with|speaks\s+(?:to|with)|in\s+conversation\s+with|"
                           r"Q&A\s+with|questions\s+to)\s+(?:the\s+)?", re.I)
# "Source: Kiel Institute" under a table, "Sources: General Staff (Facebook)" at the end
CREDIT_LABEL = re.compile(r"(?:data\s+)?sources?", re.I)
LOCAL_BODY = re.compile(r"(?:^|\b)(?:the\s+)?(?P<qual>\w+-\w+\s+)?"
                        r"(?P<body>police|prosecutors|rescuers|authorities|"
                        r"officials|emergency services|firefighters|researchers|scientists|"
                        r"analysts|experts|doctors|medics|activists|volunteers)\s+in\s+"
                        r"(?:(?:Russian-|Ukrainian-)?(?:occupied|annexed|held)\s+)?"
                        r"(?P<place>(?:the\s+)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)$", re.I)
# "..., saying / adding / claiming that": the main clause's subject speaks
PARTICIPLE = re.compile(r"saying|adding|noting|claiming|stressing|warning|explaining|"
                        r"announcing|reporting|estimating|insisting|citing", re.I)
FINITE = re.compile(r"\b(?:\w+ed|gave|got|took|made|put|sent|has|have|had|is|are|was|were|"
                    r"will|would|could|says|said|told|shot|brought|wrote|spoke)\b")
# labels before a colon that credit a picture or file, not a speaker
CAPTION_LABEL = re.compile(r"\s*(?:photo|photos|image|picture|video|source|credit|illustration|"
                           r"read also|see also|related|tags|file|graphic|map)\b", re.I)
PRONOUNS = {"he": "PERSON", "she": "PERSON", "they": "ANY", "it": "ORG", "him": "PERSON",
            "her": "PERSON", "them": "ANY", "his": "PERSON", "its": "ORG", "their": "ANY"}
BODY_WORDS = (r"headquarters|agency|spy agency|intelligence agency|ministry|service|department|"
              r"office|"
              r"directorate|military|army|command|committee|government|administration|"
              r"staff|general staff|mission|organisation|organization|body|institute|"
              r"think tank|center|centre|council|air force|navy|monitors|monitoring mission|"
              r"authorities|regional administration|military administration|police|guard|"
              r"prosecutors|office|monitor|watchdog|operation|observatory|militia|"
              # an armed group pointed back to by what it is: "the Somali group", "the
              # militant group" (a bare "the group" may be any group)
              r"(?:armed|militant|rebel|jihadist|islamist|insurgent|terrorist|"
              r"(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)))\s+group")
PERSON_ROLES = (r"president|head of state|leader|prime minister|premier|minister|"
                r"defen[cs]e minister|foreign minister|official|governor|mayor|spokesman|"
                r"spokeswoman|spokesperson|commander|general|chief|head|director|lawmaker|"
                r"legislator|deputy|ambassador|envoy|adviser|advisor|secretary|ombudsman|"
                r"analyst|expert|representative|senator|congressman|chancellor|commander-in-chief")
# (the body words grouped by leading letters, as alternation.py does: tried at every
# position of the phrase, the flat list costs ~60 tests a position; the matches are the same)
BODY_AT_END = re.compile(rf"(?P<words>(?:[\w-]+\s+){{0,2}}(?:{grouped(BODY_WORDS)}))$", re.I)
# the document a body published, standing for it: "the survey found", "the update added"
DOCUMENT_WORDS = (r"survey|report|study|update|analysis|assessment|statement|tracker|tally|"
                  r"database|review|bulletin|summary|briefing|release|press release")
# "the agency", "the Rome-based agency", "the U.N. official", "the survey": an earlier party
ANAPHORA = re.compile(
    rf"\b(?:(?P<pron>he|she|they|it)|the\s+(?:[\w.'’-]+\s+){{0,2}}?"
    rf"(?:(?P<body>{BODY_WORDS})|(?P<role>{PERSON_ROLES})|(?P<doc>{DOCUMENT_WORDS})))$", re.I)
ANONYMOUS = re.compile(
    r"\b(?:(?:a|an|two|three|several|some|other|unnamed|anonymous)\s+)?(?P<phrase>(?:(?:senior|"
    r"high-ranking|top|western|us|u\.s\.|un|u\.n\.|american|british|european|ukrainian|"
    r"russian|south korean|korean|military|intelligence|defen[cs]e|government|security|"
    r"administration|"
    r"diplomatic|nato|eu|allied|unnamed|anonymous|local|regional|official|informed|"
    r"knowledgeable|city|city's|city’s|municipal|provincial|district|health|medical|"
    r"humanitarian|aid|rescue|emergency|ethnic|community|police|(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)))\s+){0,3}"
    r"(?:officials?|sources?|diplomats?|officers?|insiders?|analysts?|authorities|governors|"
    r"residents|witnesses|eyewitnesses|survivors|locals|"
    # the sides of a conflict by what they are: "the separatists announced", "rebels said"
    r"rebels|separatists|insurgents|militants|jihadists|guerrillas|protesters|activists|"
    r"rescuers|medics|doctors|"
    r"workers?|leaders|experts|investigators|monitors|lawmakers|legislators|senators|deputies|MPs|"
    r"parliamentarians|"
    r"people\s+familiar\s+with\s+the\s+matter|sources\s+familiar\s+with\s+the\s+matter|"
    r"intelligence|commanders?|"
    # kin speaking for those they are kin of: "families of the missing", "relatives of"
    r"(?:families|relatives|parents)\s+of\s+(?:the\s+)?[\w-]+)(?:\s+(?:familiar\s+with\s+(?:the\s+)?\w+|in\s+[A-Z]\w+|"
    r"close\s+to\s+[\w\s]{3,30}?))?)$", re.I)
# "the Ukrainian government", "the Biden administration": a country's government
GOVERNMENT = re.compile(r"(?<!regional )(?<!city )(?<!oblast )(?<!district )(?<!military )"
                        r"(?<!local )(?<!municipal )(?<!provincial )\b(?:government|"
                        r"administration|cabinet)$", re.I)
# a name as reports write one: capitalised words, with the small words names keep
PROPER_NAME = re.compile(r"(?:[A-Z][\w.'’&-]*|al-\w+)(?:\s+(?:[A-Z][\w.'’&-]*|of|for|the|and|de|"
                         r"du|des|la|le|al-\w+|wal-\w+|on|in|to)){0,12}")
# capitalised words that open sentences rather than name anyone
NOT_A_NAME = re.compile(r"(?:It|They|He|She|We|I|You|Our|My|This|That|These|Those|There|Both|All|"
                        r"According|Citing|Quoting|"
                        r"Some|Many|Most|Officials|Authorities|Sources|Analysts|Experts|"
                        r"Residents|Witnesses|Police|Ukraine|Russia|In|On|At|By|As|After|"
                        r"Before|When|While|Meanwhile|However|Earlier|Later|Monday|Tuesday|"
                        r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                        r"April|May|June|July|August|September|October|November|December|"
                        r"Q|A|An|The|Mr|Ms|Mrs|Morning|Evening|Daily|Weekly|Monthly|Live|"
                        r"Breaking|Latest|Flash|Situation|Data|"
                        # sentence adverbs that stand before a comma like a name
                        r"Another|Others|One|Each|Neither|Either|Nobody|Someone|"
                        r"Separately|Additionally|Elsewhere|Overall|Similarly|Likewise|"
                        r"Still|Also|Instead|Nonetheless|Nevertheless|Moreover|Furthermore|"
                        r"Previously|Initially|Finally|Ultimately|Currently|Recently|Notably|"
                        # "Reports on Sunday claimed": hearsay, no party of its own
                        r"Reports|Report|Rumours|Rumors|Estimates|Figures"
                        r")\b(?!\s+[A-Z])|.*\b(?:[A-Z]{2,}\s+){3}")
# a fronted time or place ("In January, ...", "Last August, ..."), not a name
FRONTED = re.compile(r"(?:In|On|At|By|Since|Last|Earlier|Later|Late|Early|This|Next|During|"
                     r"After|Before|Until|From|Over|Through|Throughout|Across)\s", re.I)
ORG_WORDS = (r"\b(?:committee|council|international|institute|agency|organi[sz]ation|group|"
             r"network|association|union|foundation|ministry|office|service|commission|"
             r"centre|center|front|movement|forces|army|command|programme|program|fund|bank|"
             r"network|coalition|alliance|society|crescent|cross|watch|project|university|"
             r"tracker|initiative|federation|party|corps|authority|syndicate|observatory)\b")


# a date written in figures over a post's clock time: "04.03.2025", "4/3/25", "2025-03-04"
NUMERIC_DATE = r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})"
