"""Reading one sentence's attribution cues: a speech verb after its subject ("Budanov
confirmed that ...") or after the content (", the ministry said"), "according to X",
"citing X" for the party further up the chain, an outlet told something ("told
Reuters"), a headline colon ("NIS: ..."), a transcript's speaker label.
"""

from __future__ import annotations

import re

from intex.gazetteer.canonical import canonical_ministry
from intex.model import SourceRef, Span
from intex.pipeline.attribution.chain import Attribution, Cue
from intex.pipeline.attribution.cues import (
    ACCORDING_CUE,
    ACTOR_VERB,
    ADVERBS_AT_END,
    ANCHOR_LABEL,
    ANSWER_LABEL,
    CAPTION_LABEL,
    CLAIM_VERB,
    CREDIT_LABEL,
    DOCUMENT_BY,
    DOCUMENT_OF,
    FINITE,
    INTERVIEW_CUE,
    INVERTED,
    NOT_A_NAME,
    NUMERIC_DATE,
    PARTICIPLE,
    PASSIVE_PARTICIPLE,
    PERSON_ROLES,
    POSSESSIVE_CUE,
    POSSESSIVE_SUBJECT,
    PRONOUNS,
    PUTS_AT,
    QUESTION_LABEL,
    SPEAKER_LABEL,
    SPEECH_AFTER_SUBJECT,
    SPEECH_WORD,
    TOLD_AUDIENCE,
    UNNAMED_REPORTS,
)
from intex.pipeline.attribution.joint import joint_parties
from intex.pipeline.attribution.speakers import Speakers
from intex.pipeline.numbers import DIGIT
from intex.pipeline.prefilter import SLOW_SCAN, prefiltered, with_start_test
from intex.pipeline.tail import search_tail

CITED = re.compile(r"(?:citing|quoting|cited\s+by|quoted\s+by|briefing\s+(?:by|from)|"
                             r"briefed\s+by|(?:information|data|figures|intelligence)\s+from|"
                             r"(?:estimate|assessment|report)\s+(?:by|from))\s+", re.I)
# a participle clause naming where the speaker before it had a figure from
AFTER_RELAY = re.compile(r"\s*(?:(?:after\s+being|having\s+been|who\s+was|who\s+were)\s+)?"
                         r"(?:briefed\s+by|citing|quoting|cited\s+by|quoted\s+by|informed\s+by)\s",
                         re.I)
# a subject that is a number of people: the counted speak for no figure in the sentence
COUNTED_GROUP = re.compile(r"\s*(?:the\s+|another\s+|some\s+)?(?:\d[\d,.]*|two|three|four|five|"
                           r"six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                           r"thousands)\s+(?:[\w-]+\s+){0,3}?(?:soldiers|troops|prisoners|"
                           r"people|civilians|residents|survivors|men|women|children|"
                           r"detainees|captives|servicemen|fighters)\b", re.I)
# a body's named tool or dataset standing for it: "data from the agency's Matrix"
OWNED_TOOL = re.compile(r"\s*(?:(?:the\s+)?(?:latest\s+)?(?:data|figures|numbers|estimates|"
                        r"information|statistics)\s+(?:from|by|of)\s+)?(?P<owner>(?:the\s+)?"
                        r"[\w.'’ -]{2,60}?)(?:'s|’s)\s+[A-Z]", re.I)
# a party giving a figure as a toll or count: "had earlier given an official toll of 3,166"
GAVE_FIGURE = re.compile(r"\s(?P<verb>gave|given|gives|give|released|issued|published)\s+"
                         r"(?:an?|the|its|their|his|her|a\s+new)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:toll|death\s+toll|figure|count|tally|estimate)\s+of\s", re.I)
# "and" right before a verb, which the clause before it shares the subject of
AND_AT_END = re.compile(r"(?:^|[\s,])and\s+(?:also\s+|then\s+|later\s+)?$", re.I)
# a credit in brackets closing a line: "(Valley Post, 28 August)", "(ministry, May 3, 2024)"
CREDIT_IN_BRACKETS = re.compile(
    r"\((?P<who>[A-Z][^()\d,;:]{1,50}),\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+"
    r"\d{1,2})(?:,?\s+\d{4})?\)\W*$")
# what a party publishes, written after its name: "X tallies", "the ministry's figures"
DOCUMENT_AT_END = re.compile(r"(?:'s|’s|')?\s+(?:own\s+)?(?:tallies|tally|figures|data|records|"
                             r"counts|statistics|numbers|reports|estimates)\s*$", re.I)
# what sets a clause off from the one before it: ", but", ", which", ", while", ";"
CLAUSE_CONNECTIVE = re.compile(r"(?:,\s*(?:but|while|whereas|although|though|which)|;)"
                               r"\s+(?:(?:many|some|most|other)\s+)?$", re.I)
CONNECTIVE_LEAD = re.compile(r"\s*(?:which|but|while|whereas|although|though)\s", re.I)
# officials written only by the capital they sit in: "Officials in Nairobi said" is the
# government's word, as "Nairobi said" is ("health officials in X" stay as written)
SEAT_OFFICIALS = re.compile(r"(?:^|(?<=[,;:])|\b(?i:the|that|and|but))\s*(?i:officials|"
                            r"authorities)\s+in\s+(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
                            r"\s*,?\s*$")
# a body named by what it is, then the capital or country it sits in
BODY_IN_PLACE = re.compile(r"\b(?i:ministry|office|department|command|headquarters)\s+in\s+"
                           r"[A-Z][\w'’-]+$")
# what a speaker cites that gives no figure: a reason or a call, not a party or its data
NOT_INFORMATION = re.compile(r"(?:(?!(?:on|of|about|over|from|by|report|data|figures|statement|"
                             r"estimates?|officials|sources)\b)[\w'’.-]+\s+){0,4}?(?:appeals?|calls?|demands?|concerns?|"
                             r"fears?|pressure|protests?|requests?|threats?|tensions?|reasons?|"
                             r"objections?|opposition|grounds)\b", re.I)
# a speaker and who quoted them: "a Kuki pastor quoted by the paper"
QUOTED_BY = re.compile(r"\s*(?P<who>.{3,60}?)\s*,?\s+(?:quoted|cited|interviewed)\s+by\s+"
                       r"(?P<by>.{2,60}?)\s*,?\s*", re.I)
# one person named by what they are: "a pastor", "an elderly Kuki farmer"
ONE_PERSON = re.compile(r"\s*(?:an?|one)\s+((?:[\w'’-]+\s+){0,2}[a-z][\w-]+)\s*")
# figures said to come from a party: "The latest numbers come from X"
COME_FROM = re.compile(r"\b(?:numbers|figures|data|estimates?|count|toll|tally)\s+(?:comes?|came|"
                       r"is\s+drawn|are\s+drawn)\s+from\s+(?:the\s+)?", re.I)
AUX_AT_END = re.compile(r"(?:\s+(?:has|had|have|also|earlier|later|previously|already|"
                        r"since|then))+\s*$", re.I)
# what a party publishes, before whose it is: "data from the agency's ...", "figures by"
TOOL_WORDS = re.compile(r"\s*(?:the\s+)?(?:latest\s+)?(?:data|figures|numbers|estimates|"
                        r"information|statistics)\s", re.I)
# "..., which lumps dead and wounded together, put its running total at": the verb after a
# relative clause set off by commas
PUTS_AFTER_CLAUSE = re.compile(
    r",\s*(?P<verb>puts|put|places|placed|estimates|estimated|pegs|pegged)\s+"
    r"(?:(?:the|its|their|his|her|a)\s+)?[^\d,;:.()]{0,60}?\s*(?:at|as)\s", re.I)
RELATIVE_BEFORE = re.compile(r",\s*(?:who|which)\b[^,;:.]{1,100}$", re.I)
# a relative clause with no comma between a subject and its verb: "a source who asked
# not to be named told", "an official who was not authorised to speak said"
RESTRICTIVE_RELATIVE = re.compile(r"\s(?:who|whom)\s")
TOLD_WHOM = re.compile(r"\btold\s+(?:the\s+)?", re.I)
# a pronoun right before a speech verb, after a word of a clause: "civilians it said"
PRONOUN_AT_END = re.compile(r"(?<=[a-z] )(it|he|she|they)\s+$")
# what closes an apposition: a comma, a bracket, a dash, or the sentence's end
APPOSITION_CLOSED = re.compile(r"\s*(?:[,;)\u2013\u2014]|\s-\s|[.!?]?\s*$)")
# a phrase naming a person by role only: "the regional governor", "the city's mayor"
ROLE_AT_END = re.compile(rf"^(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}(?:{PERSON_ROLES}|administrator|"
                         r"commissioner)$", re.I)
# a person's name the recogniser missed, set off after a role: "the administrator, Ana Lobo."
NAME_IN_APPOSITION = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+")
# a group named before a relative clause that ends right before its verb: "Survivors who
# spoke to other media", "open-source analysts who studied the footage"
RELATIVE_AFTER_GROUP = re.compile(r"\s*((?:(?:the|a|an)\s+)?(?:[\w.'’-]+\s+){0,3}?[\w'’-]+s)"
                                  r"\s*,?\s+who\s+[^,;:]{3,100}?,?\s*$", re.I)
# a table column holding who gave each row's figure
WHO_COLUMN = re.compile(r"(?:who\s+(?:said|says|claimed|claims|gave|reported)(?:\s+it)?|who|"
                        r"sources?|said\s+by|claimed\s+by|attributed\s+to|according\s+to|"
                        r"speaker|stated\s+by|reported\s+by)", re.I)
# what POSSESSIVE_CUE without an apostrophe and PUTS_AT cannot match without: checked
# first, as the cues themselves are slow to fail on a long sentence
PRONOUN_CUE = re.compile(r"\b(?:by|in|on|from|under)\s+(?:his|her|its|their)\s", re.I)
PUTS_VERB = re.compile(r"\s(?:puts|put|places|placed|estimates|estimated|pegs|pegged|sets|set|"
                       r"gives|gave|given)\s", re.I)
# tried on every sentence and slow to fail there: behind a test for their words, or
# tried only where a match can start
CITED = prefiltered(with_start_test(CITED), SLOW_SCAN)  # its words ("from") are common
TOLD_WHOM, GAVE_FIGURE = (prefiltered(rx, SLOW_SCAN) for rx in (TOLD_WHOM, GAVE_FIGURE))
SPEECH_WORD, ACCORDING_CUE, POSSESSIVE_CUE, PRONOUN_CUE, PUTS_VERB = (
    with_start_test(rx)
    for rx in (SPEECH_WORD, ACCORDING_CUE, POSSESSIVE_CUE, PRONOUN_CUE, PUTS_VERB))


# a party followed by its own verb: the subject of what is said, not a speaker put after
# the verb ("..., said Russia had lost 250 vehicles" is no ", said Russia")
CLAUSE_GOES_ON = re.compile(r"\s*(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?:had|has|have|was|were|is|"
                            r"are|would|will|could|can|may|might|did|does|do)\b", re.I)
# what stands just before a speech verb: searched from near the end (tail.py)
PASSIVE_BEFORE = re.compile(
    r"(?:\bto be|\bhas been|\bhave been|\bwas|\bwere|\bis|\bare|\bbeing)\s+$", re.I)
COMMA_AT_END = re.compile(r",\s*$")
# participles that say who counted or told a figure when "by" names their agent
COUNTING_PARTICIPLE = re.compile(r"documented|counted|recorded|reported|estimated|verified|"
                                 r"tallied|confirmed|registered|cited|quoted|calculated|"
                                 r"announced|published|logged|compiled|stated|claimed", re.I)
# a passive's agent after its verb: "was reported by", "were counted by"
PASSIVE_BY = re.compile(r"\s+by\s+")
# what ends an agent's phrase: a time, a place or the figure's preposition after the party
AGENT_ENDS = re.compile(r"\s+(?:(?:at|as|to|on|during|since|last|this)\b|in\s+(?:\d|(?:early|"
                        r"late|mid|the\s+(?:past|last|first))\b))", re.I)
# a phrase set off by commas between a subject and its verb that tells when, where or how
# the party spoke ("the army, in a statement on 27 July, said"; "Lee, on Monday, told")
INTERPOSED = re.compile(r"\s*(?:in|on|at|during|via|through|after|before|late|early|earlier|"
                        r"later|last|this|also|meanwhile|however|speaking|writing|reporting|posting|"
                        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b[^,]{0,60}$", re.I)
INTERPOSED_MAX = 3  # comma-bounded asides skipped, at most, to reach the subject
CLOSE_AT_END = re.compile(r"[,”\"’]\s*$")
# a digest's time stamp line under a post's author: "20:15 · 8 May 2025", "Mon 14 Oct, 18:20",
# "9 May, 07:05 PKT": a clock time, perhaps a day and a date, and nothing else
POST_TIME = re.compile(r"[ \t]*(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?(?:(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?"
                       r"(?:[ \t]+\d{4})?|" + NUMERIC_DATE + r"),?[ \t]*)?\d{1,2}[:.]\d{2}"
                       r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
                       r"(?:[ \t]*[·|,–—-][ \t]*(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?\d{1,2}[ \t]+"
                       r"[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?)?(?:[ \t]+[A-Z]{2,4})?[ \t]*")
# the line under a table that credits its figures: "Source: Thai provincial authorities"
TABLE_CREDIT = re.compile(r"[ \t]*(?:data\s+)?sources?[ \t]*:[ \t]*(?P<who>[^\n;]{2,80}?)[ \t.]*$",
                          re.I)
# the author line above it: a short line that is no sentence
POST_AUTHOR = re.compile(r"[ \t]*(?P<who>[^\n(,:|]{2,80}?)[ \t]*(?:[(,][^\n]{0,80})?")


# what the rules below read, compiled once rather than looked up in re's cache each time
# an act a group claims as its own: "the bombing, claimed by X", "an attack claimed by X"
_CLAIMED_ACT = re.compile(r"\b(?:attacks?|bombings?|blasts?|explosions?|assaults?|ambush(?:es)?|"
                          r"raids?|strikes?|killings?|kidnappings?|abductions?|massacres?|"
                          r"shootings?|operations?|responsibility)\s*,?\s*$", re.I)
# speech words that are also plural nouns, the subject of a speech verb right after them
_SPEECH_NOUN = re.compile(r"reports|claims|estimates|counts|records|notes|updates|states", re.I)
_HEADLINE_NOUN = re.compile(r"reports?|updates?|estimates?|counts?|records?", re.I)
_BRIEFED_BY = re.compile(r"(?:briefed|informed)\s+by\b[^.;]*,\s*$", re.I)
_SAME_SPEAKER = re.compile(r"\s*(?:(?:[\w'’-]+\s+){0,3}?that\s+)?(?:it|he|she|they|we)(?:\s+(?:"
                           r"has|have|had|was|were|is|are|would|will|also|now|already))*\s*",
                           re.I)
_WHOSE_POST = re.compile(r"(.{2,80}?)(?:'s|’s)\s+(?:latest\s+|daily\s+|new\s+|official\s+)?"
                         r"(?:post|posts|statement|report|update|data|figures|count|message|"
                         r"tally|estimate|bulletin|summary|briefing)\b")
_THE_START = re.compile(r"^(?:the\s+)", re.I)
_STOP_AT_END_BARE = re.compile(r"[.!?]\s*$")
_COMMA_START = re.compile(r",\s*")
_TURN_END = re.compile(r"[.!?…\"”’]\s*$")
# a transcript's summary of a turn in brackets, led by its speaker in capitals: "[SECRETARY
# DOE opened by saying ...]", "[GENERAL ROE then described the mission. ...]"
BRACKETED_SUMMARY = re.compile(r"\s*\[(?P<name>[A-Z][A-Z.'’-]+"
                               r"(?:\s+(?:Mc|Mac)?[A-Z][A-Z.'’-]+){0,3})\s+(?=[a-z])")
# a figure named in a party's words: "what the ministry called an estimated value of"
WHAT_CALLED = re.compile(r"\bwhat\s+(?P<who>(?:the\s+)?[\w.'’ -]{2,60}?)\s+(?:has\s+|had\s+)?"
                         r"(?:called|calls|described\s+as|describes\s+as|termed|terms)\s", re.I)
# what ``_headline_colon`` reads in a headline, compiled once
_STOP_AT_END = re.compile(r"[.!?]\W*$")
_HEAD_COLON = re.compile(r"^([^:]{2,60}):\s")
_SOURCE_BRACKET_END = re.compile(r"\(\s*(?:data\s+)?sources?\s*$", re.I)
_DASH_NAME_END = re.compile(r"(?:\s[-–—]\s*|:\s*)([^-–—:]{2,40})$")


class Attributor(Speakers):
    """Walks the sentences in order, keeping who spoke last for pronouns and roles."""

    def sentence(self, sent: Span, para: int, is_title: bool = False) -> Attribution:
        text = self.text
        self._anaphoric = False
        cues: list[Cue] = []
        rel = text[sent.start:sent.end]
        label = self._speaker_label(sent, para)
        if label is not None:
            cues.append(label)
        if label is None:
            post = self._post_author(sent)
            if post is not None:
                cues.append(post)
        if "|" in rel:
            cell = self._source_cell(sent) or self._table_credit(sent)
            if cell is not None:
                cues.append(cell)
        credit = CREDIT_IN_BRACKETS.search(rel) if rel.rstrip(" .").endswith(")") else None
        if credit is not None:
            # a fact box's line credited in brackets at its end: "Displaced: 60,000
            # (Valley Post, 28 August)"; the party credited is the source of the line
            s, e = sent.start + credit.start("who"), sent.start + credit.end("who")
            refs = self.resolve_phrase(s, e, sent) or self.unlisted_party(s, e)
            if refs:
                cues.append(Cue(s, s, sent.start + credit.end(), refs, "label"))
        # "X said", "X, the head of Y, confirmed", "Officials believe"
        for m in SPEECH_WORD.finditer(rel):
            vpos = sent.start + m.start()
            before = text[sent.start:vpos]
            if search_tail(PASSIVE_BEFORE, before, 9) and \
                    PASSIVE_PARTICIPLE.fullmatch(m.group(0)):
                # "is estimated", "were recorded": no speaker here, unless the passive
                # names its agent ("was estimated by the local press at 3,000")
                agent = self._passive_agent(sent, sent.start + m.end())
                if agent is not None:
                    cues.append(Cue(agent[0], vpos, agent[1], agent[2], "according"))
                continue
            if _CLAIMED_ACT.search(before) and PASSIVE_BY.match(rel, m.end()) and \
                    m.group(0).lower() == "claimed":
                continue  # "an attack claimed by X": X owned the act, not a figure
            if _SPEECH_NOUN.fullmatch(m.group(0)) and \
                    SPEECH_AFTER_SUBJECT.match(rel[m.end():]):
                continue  # "Initial reports said", "Their estimates show": a noun, then the verb
            if cues and ACTOR_VERB.fullmatch(m.group(0)):
                continue  # "X noted that Washington had promised N": X still speaks
            if any(c.verb <= vpos < c.end for c in cues):
                continue  # part of a cue already read ("put the number ... at")
            if _HEADLINE_NOUN.fullmatch(m.group(0)) \
                    and not text[sent.start + m.end():sent.end].strip(" .:!?\"”’") \
                    and len(rel.split()) <= 4:
                continue  # "Wire report", "Morning update": a headline's noun, not a verb
            subj_end = vpos
            adv = ADVERBS_AT_END.search(before)
            if adv and BODY_IN_PLACE.search(before[:adv.start() + len(adv.group(0).rstrip())]):
                adv = None  # "the Defense Ministry in Moscow said": where the body sits
            seat = search_tail(SEAT_OFFICIALS, before, 80) if adv else None
            gov = self._seat_government(sent.start + seat.start("place"),
                                        sent.start + seat.end("place")) if seat else None
            if gov:
                cues.append(Cue(sent.start + seat.start(), vpos, sent.start + m.end(), gov,
                                "subject"))
                continue
            if adv:
                subj_end = sent.start + adv.start()
            sub = search_tail(COMMA_AT_END, text[sent.start:subj_end], 1)
            span = self._phrase_before(sent, subj_end - (len(sub.group(0)) if sub else 0))
            pron = search_tail(PRONOUN_AT_END, text[sent.start:subj_end], 6)
            if pron and span:
                # "three of them civilians it said had been executed": the pronoun right
                # before the verb is its subject, whatever the clause before it holds
                span = (sent.start + pron.start(1), sent.start + pron.end(1))
            if cues and cues[-1].kind == "subject" and (
                    span and AFTER_RELAY.match(text, span[0], span[1]) or
                    _BRIEFED_BY.match(text[cues[-1].verb:vpos])):
                # "Lee, briefed by the NIS, told reporters": Lee still speaks; the NIS he
                # had it from is cited, not the subject of "told"
                cues[-1].told_audience = cues[-1].told_audience or bool(
                    TOLD_AUDIENCE.match(text, vpos))
                continue
            if cues and cues[-1].kind == "subject" and \
                    _SAME_SPEAKER.fullmatch(text[cues[-1].end:vpos]):
                continue  # "the prosecution says it has registered": the same speaker
            if span and COUNTED_GROUP.match(text, span[0], span[1]):
                continue  # "Two soldiers captured last week told interrogators": the counted
            refs = None
            if span and sub and INTERPOSED.fullmatch(text, span[0], span[1]):
                # "Mali's armed forces, in their only statement, on 27 July, said": the
                # asides say when and how; the subject stands before them (an aside ends
                # in a comma: "on Monday the mayor had said" fronts a time, then its subject)
                span = self._subject_before_asides(span, sent)
            if span:
                refs = self._group_before_clause(span, sent)
            if span and not refs:
                refs = self._quoted_by(span, sent) or self._subject(span[0], span[1], sent)
            rel_clause = RESTRICTIVE_RELATIVE.search(text, span[0], span[1]) \
                if span and not refs else None
            if rel_clause and rel_clause.start() > span[0]:
                # "A military source who asked not to be named told reporters": the party
                # before the relative clause that says why it goes unnamed
                refs = self._subject(span[0], rel_clause.start(), sent)
                span = (span[0], rel_clause.start()) if refs else span
            bare = span  # the subject without the adverbs before the verb
            if not refs and adv:
                # what looked like an adverb belongs to the subject ("Police in Kyiv said")
                span = self._phrase_before(sent, vpos - len(before) + len(before.rstrip()))
                refs = self._subject(span[0], span[1], sent) if span else None
            if not refs and span and CLAIM_VERB.fullmatch(m.group(0)) and \
                    not UNNAMED_REPORTS.fullmatch(text[span[0]:span[1]].strip()):
                # a party no list knows, named before "said": "Energy company DTEK said",
                # "Kharkiv regional prosecutors said", "News agency XYZ first reported"
                refs = self.unlisted_party(span[0], span[1])
                if not refs and adv and bare:
                    refs = self.unlisted_party(bare[0], bare[1])
                    span = bare if refs else span
                own = DOCUMENT_AT_END.search(text, span[0], span[1]) if not refs else None
                if own and own.start() > span[0]:
                    # "X tallies show", "Y figures showed": whose tallies they are
                    refs = self._subject(span[0], own.start(), sent) or \
                        self.unlisted_party(span[0], own.start())

            if not refs and not cues and AND_AT_END.search(text, sent.start, subj_end):
                # "The office later raised it to 88, ..., and said the attackers had ...":
                # a verb joined by "and" to the clause before has that clause's subject
                refs = self._clause_subject(sent, vpos)
                span = (sent.start, vpos) if refs else span
            if refs and span and len(refs) == 1:
                # "U.S. and Salvadoran officials said": each group speaks
                refs = joint_parties(text[sent.start:span[1]], refs[0])
            if refs:
                cues.append(Cue(span[0], vpos, sent.start + m.end(), refs, "subject",
                                told_audience=bool(TOLD_AUDIENCE.match(text, vpos)),
                                clause_from=self._clause_opened(sent, span[0],
                                                                sent.start + m.end())))
                continue
            if PARTICIPLE.fullmatch(m.group(0)) and search_tail(COMMA_AT_END, before, 1):
                # "..., saying 307 soldiers had been handed over": the clause's subject says it
                refs = cues[-1].refs if cues else self._clause_subject(sent, vpos)
                if refs:
                    cues.append(Cue(vpos, vpos, sent.start + m.end(), list(refs), "subject"))
                continue
            # inverted: ', said the ministry' / ', Budanov said' handled above
            after = self._phrase_after(sent.start + m.end(), sent.end)
            inv = INVERTED.search(text[sent.start:sent.start + m.end() + 1])
            if inv and search_tail(CLOSE_AT_END, before, 1) and \
                    PASSIVE_BY.match(text, sent.start + m.end(), sent.end):
                # ", documented by the rights commission": a participle of counting names
                # who counted; ", shared by Chad and Niger" names no speaker at all
                agent = self._passive_agent(sent, sent.start + m.end()) \
                    if COUNTING_PARTICIPLE.fullmatch(m.group(0)) else None
                if agent is not None:
                    cues.append(Cue(agent[0], vpos, agent[1], agent[2], "according"))
                continue
            if inv and search_tail(CLOSE_AT_END, before, 1) and after[1] > after[0] and \
                    not CLAUSE_GOES_ON.match(text, after[0], after[1]):
                refs = self.resolve_phrase(after[0], after[1], sent)
                if refs:
                    cues.append(Cue(vpos, vpos, after[1], refs, "inverted"))
        for m in ACCORDING_CUE.finditer(rel):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            # "according to the ministry's post on Telegram": whose post it is
            own = _WHOSE_POST.match(self.text[span[0]:span[1]])
            if own:
                span = (span[0], span[0] + own.end(1))
            refs = self._named_after_role(span, sent) or \
                self.resolve_phrase(span[0], span[1], sent) or \
                self.unlisted_party(span[0], span[1])
            if refs:
                cues.append(Cue(sent.start + m.start(), sent.start + m.start(), span[1], refs,
                                "according"))
        # "The latest numbers come from X, spokesman for ...": X gave them
        for m in COME_FROM.finditer(rel) if "from" in rel else ():
            span = self._phrase_after(sent.start + m.end(), sent.end)
            refs = self.resolve_phrase(span[0], span[1], sent) or \
                self.unlisted_party(span[0], span[1])
            if refs:
                cues.append(Cue(sent.start + m.start(), sent.start + m.start(), span[1], refs,
                                "according"))
        # "has what the ministry called an estimated value of $1bn": the party naming it
        for m in WHAT_CALLED.finditer(rel) if "what" in rel else ():
            s, e = sent.start + m.start("who"), sent.start + m.end("who")
            if any(c.start <= s < c.end for c in cues):
                continue
            refs = self.resolve_phrase(s, e, sent) or self.unlisted_party(s, e)
            if refs:
                cues.append(Cue(s, s, sent.start + m.end(), refs, "according"))
        # "by ISW's calculation", "in Kyiv's data", "in the president's words"
        possessive = "'" in rel or "’" in rel  # what both possessive cues need
        for m in POSSESSIVE_CUE.finditer(rel) if possessive or PRONOUN_CUE.search(rel) else ():
            if m.group("pron"):  # "in his count": whoever "he" is
                refs = self._possessor(m.group("pron"), sent.start + m.start(), sent)
            else:
                refs = self.name_refs(sent.start + m.start("who"), sent.start + m.end("who"),
                                       sent)
            if refs:
                cues.append(Cue(sent.start + m.start(), sent.start + m.start(),
                                sent.start + m.end(), refs, "according"))
        # "the Israeli military's count is that ..."
        for m in POSSESSIVE_SUBJECT.finditer(rel) if possessive else ():
            refs = self.name_refs(sent.start + m.start("who"), sent.start + m.end("who"), sent)
            if refs:
                cues.append(Cue(sent.start + m.start("who"), sent.start + m.start("who"),
                                sent.start + m.end(), refs, "according"))
        # "the contingent, which ISW puts at 12,000"
        puts = PUTS_VERB.search(rel) is not None  # what both "put" cues need
        for m in PUTS_AT.finditer(rel) if puts else ():
            who_start, who_end = sent.start + m.start("who"), sent.start + m.end("who")
            adv = ADVERBS_AT_END.search(text, who_start, who_end)
            if adv and adv.start() > who_start:  # "the state government at first puts"
                who_end = adv.start()
            own = DOCUMENT_OF.search(m.group("who"))
            if own:  # "Ukrainian officials' tallies put ...": the officials
                who_end = who_start + own.start()
            by = DOCUMENT_BY.search(m.group("who"))
            if by:  # "a study released Monday by the X Foundation puts ...": the foundation
                who_start += by.end()
            tool = OWNED_TOOL.match(m.group("who"))
            if tool and not TOOL_WORDS.match(m.group("who")) and \
                    self._place_owner(who_start + tool.start("owner"),
                                      who_start + tool.end("owner")):
                tool = None  # "South Korea's Joint Chiefs of Staff put": a country's body
            if tool and not own and not by:
                # "data from the agency's Displacement Tracking Matrix put ...": the agency
                who_end = who_start + tool.end("owner")
                who_start += tool.start("owner")
            # the subject of "put" is read as that of "said" ("South Korea's Joint Chiefs
            # of Staff"), the phrase as a name when that finds no party
            refs = self._subject(who_start, who_end, sent) or \
                self.name_refs(who_start, who_end, sent)
            doc = DOCUMENT_AT_END.search(text, who_start, who_end) if not refs else None
            if doc and doc.start() > who_start:
                # "local press reports put ...", "aid group estimates put ...": whose they are
                refs = self.unlisted_party(who_start, doc.start())
            if refs and not any(c.verb <= sent.start + m.start("verb") < c.end for c in cues):
                cues.append(Cue(sent.start + m.start("who"), sent.start + m.start("verb"),
                                sent.start + m.end(), refs, "subject"))
        # "Ukraine's General Staff, which lumps dead and wounded together, put its total at"
        for m in PUTS_AFTER_CLAUSE.finditer(rel) if puts else ():
            verb = sent.start + m.start("verb")
            if any(c.verb <= verb < c.end for c in cues):
                continue
            if not RELATIVE_BEFORE.search(rel, 0, m.start()):
                continue
            span = self._phrase_before(sent, sent.start + m.start())
            if span is None:
                continue
            refs = self._subject(span[0], span[1], sent)
            if refs:
                cues.append(Cue(span[0], verb, sent.start + m.end(), refs, "subject"))
        # "Othman Abdeljalil, health minister ..., had earlier given an official toll of"
        for m in GAVE_FIGURE.finditer(rel):
            verb = sent.start + m.start("verb")
            if any(c.verb <= verb < c.end for c in cues):
                continue
            head = COMMA_AT_END.sub("", AUX_AT_END.sub("", text[sent.start:verb]))
            span = self._phrase_before(sent, sent.start + len(head))
            if span is None or span[1] <= span[0]:
                continue
            refs = self._group_before_clause(span, sent) or \
                self._subject(span[0], span[1], sent) or self.unlisted_party(span[0], span[1])
            if refs:
                cues.append(Cue(span[0], verb, sent.start + m.end(), refs, "subject"))
        cited: list[tuple[int, list[SourceRef]]] = []
        for m in CITED.finditer(rel):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            tool = OWNED_TOOL.match(text, span[0], span[1])
            if tool:  # "data from the agency's Displacement Tracking Matrix": the agency
                span = (tool.start("owner"), tool.end("owner"))
            if NOT_INFORMATION.match(text, span[0], span[1]):
                continue  # "citing Moldovan and NATO appeals for a withdrawal": a reason
            refs = self.resolve_phrase(span[0], span[1], sent) or \
                self.unlisted_party(span[0], span[1])
            if refs:
                cited.append((sent.start + m.start(), refs))
        told = []
        for m in TOLD_WHOM.finditer(rel):
            s = sent.start + m.end()
            span = self._phrase_after(s, sent.end)
            refs = self.resolve_phrase(span[0], span[1], sent)
            if refs and refs[0].kind == "outlet":
                told.append(refs[0])
        # "Pyongyang has promised 10,000 troops, the lawmakers told journalists": a doer
        # is the source only when nobody in the sentence says so
        actors = [c for c in cues if c.kind == "subject" and ACTOR_VERB.match(text, c.verb)]
        if actors and len(actors) < len(cues):
            cues = [c for c in cues if c not in actors]
        if not cues:
            colon = self._headline_colon(sent, para, is_title)
            if colon is not None:
                cues.append(colon)
        if not cues and not cited:
            return Attribution()
        cues.sort(key=lambda c: c.verb)
        # the party cited by a speaker goes before that speaker
        for pos, refs in cited:
            near = min(cues, key=lambda c: abs(c.verb - pos)) if cues else None
            if near is not None:
                near.cited.extend(r for r in refs if all(r.name != x.name for x in near.cited))
            else:
                cues.append(Cue(pos, pos, pos, refs, "cited"))
        att = Attribution([], True, cues[0].verb, self._anaphoric, cues, told,
                          outside=self.outlet())
        att.chain = att.chain_at(cues[0].end, [])
        return att

    def _passive_agent(self, sent: Span, at: int) -> tuple[int, int, list[SourceRef]] | None:
        """The party a passive verb of saying names after "by" ("were counted by UN
        monitors", "was estimated by the national press in 2023 at"): it says the figure.
        The phrase ends before a time, place or the figure's own preposition."""
        by = PASSIVE_BY.match(self.text, at, sent.end)
        if by is None:
            return None
        s, e = self._phrase_after(by.end(), sent.end)
        cut = AGENT_ENDS.search(self.text, s, e)
        if cut is not None:
            e = cut.start()
        if e <= s:
            return None
        refs = self.resolve_phrase(s, e, sent) or self.unlisted_party(s, e)
        return (s, e, refs) if refs else None

    def _seat_government(self, s: int, e: int) -> list[SourceRef] | None:
        """The government of the country whose capital is written at text[s:e]."""
        for m in self.starting_in(s, e):
            if m.end == e and m.entity_id in self.g.capital_of:
                country = self.g.entries.get(self.g.capital_of[m.entity_id])
                if country is not None:
                    return [SourceRef(f"Government of {country.name}", country.id,
                                      "government")]
        return None

    def _quoted_by(self, span: tuple[int, int], sent: Span) -> list[SourceRef] | None:
        """'a Kuki pastor quoted by the paper said': the person quoted speaks, the party
        that quoted them relays; someone named by what they are ("a pastor", "a local
        teacher") is an unnamed source as written."""
        m = QUOTED_BY.fullmatch(self.text, span[0], span[1])
        if m is None:
            return None
        s, e = m.span("who")
        who = self._subject(s, e, sent) or self.unlisted_party(s, e)
        if not who:
            one = ONE_PERSON.fullmatch(m.group("who"))
            if one is None:
                return None
            who = [SourceRef(" ".join(one.group(1).split()), None, "anonymous")]
        by = self.resolve_phrase(m.start("by"), m.end("by"), sent) or []
        return [*who, *(r for r in by if all(r.name != w.name for w in who))]

    def _clause_opened(self, sent: Span, subj: int, verb_end: int) -> int:
        """Where the clause a speech verb opens begins, when a connective sets it off from
        what comes before and the verb goes on to content of its own ("MINUSCA has 13,000
        peacekeepers, but residents say the force does too little"; "a voucher of $10,
        which residents say barely covers food"); -1 when the cue may close the sentence
        (", residents said.")."""
        if len(self.text[verb_end:sent.end].split()) < 3:
            return -1
        own = CONNECTIVE_LEAD.match(self.text, subj)  # the phrase may hold it: "which X"
        if own:
            return subj
        # the phrase may open on the space after the connective: "300 homes; residents"
        lead = subj + len(self.text[subj:verb_end]) - len(self.text[subj:verb_end].lstrip())
        conn = search_tail(CLAUSE_CONNECTIVE, self.text[sent.start:lead], 24)
        return sent.start + conn.start() if conn else -1

    def _place_owner(self, s: int, e: int) -> bool:
        """Whether text[s:e] is a place alone ("South Korea", "Kyiv"): what a place owns
        ("South Korea's Joint Chiefs of Staff") is a body of its own, not a tool."""
        name = _THE_START.sub("", self.text[s:e].strip())
        return any(h.type in ("GPE", "LOC") for h in self.g.lookup(name))

    def _subject_before_asides(self, span: tuple[int, int], sent: Span) -> tuple[int, int]:
        """The phrase before asides set off by commas that tell when, where or how a party
        spoke ("the rebel alliance, in a statement on 1 August, said"), stepping over at
        most ``INTERPOSED_MAX`` of them; ``span`` itself when no phrase stands before."""
        text, at = self.text, span
        for _ in range(INTERPOSED_MAX):
            if not INTERPOSED.fullmatch(text, at[0], at[1]):
                return at
            sub = search_tail(COMMA_AT_END, text[sent.start:at[0]], 1)
            before = self._phrase_before(sent, at[0] - len(sub.group(0))) if sub else None
            if before is None or not text[before[0]:before[1]].strip():
                return span
            at = before
        return span if INTERPOSED.fullmatch(text, at[0], at[1]) else at

    def _post_author(self, sent: Span) -> Cue | None:
        """A digest of posts: each post is a block of lines under its author's line and a
        time stamp line ("ISPR, military media wing" / "20:15 · 8 May 2025"); the author
        speaks for every sentence of the block, not the compiler. Cleaning may have dropped
        the time stamps: they are looked for in the page as read."""
        text = self.text
        ls = text.rfind("\n", 0, sent.start) + 1
        le = text.find("\n", sent.start)
        line = text[ls:le if le >= 0 else len(text)].strip()
        at = self.page.find(line) if self.page and len(line) > 20 else -1
        if at >= 0 and self.page.find(line, at + 1) < 0:
            found = self._post_author_above(self.page, at)
        else:
            found = self._post_author_above(text, ls)
        if found is None:
            return None
        s, e = found
        if self.page and at >= 0:  # the author as the cleaned text writes it
            name = self.page[s:e]
            near = text.rfind(name, 0, ls)
            if near < 0:
                return None
            s, e = near, near + len(name)
        if self.site and self.site.casefold() in text[s:e].casefold():
            # the compiler's own entry: the outlet's words, not the post above's
            return Cue(s, s, e, self.outlet(), "label")
        a_start = text.rfind("\n", 0, s) + 1
        whole = Span(a_start, e, text[a_start:e])
        refs = self.resolve_phrase(s, e, whole) or self.unlisted_party(s, e)
        return Cue(s, s, e, refs, "label") if refs else None

    @staticmethod
    def _post_author_above(text: str, ls: int) -> tuple[int, int] | None:
        """The author's name on the line above a time stamp line above ``ls``."""
        end = ls - 1
        for _ in range(8):  # the post's own lines, up to its time stamp
            if end < 0:
                return None
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if not line.strip():
                return None  # a blank line ends the block before any time stamp
            if POST_TIME.fullmatch(line):
                a_end = start - 1
                if a_end <= 0:
                    return None
                a_start = text.rfind("\n", 0, a_end) + 1
                who = POST_AUTHOR.fullmatch(text, a_start, a_end)
                if who is None or _STOP_AT_END_BARE.search(who.group(0)):
                    return None
                return who.start("who"), who.end("who")
            end = start - 1
        return None

    def _named_after_role(self, span: tuple[int, int], sent: Span) -> list[SourceRef] | None:
        """'according to the regional governor, Ruslan Zaparaniuk': a role, then the
        person holding it set off by commas; the person is the source. A name that goes on
        into a verb is the next clause's subject, not an apposition ('according to the
        president, Putin intends ...': the president is the source)."""
        if not ROLE_AT_END.search(self.text[span[0]:span[1]].strip()):
            return None
        comma = _COMMA_START.match(self.text[span[1]:span[1] + 4])
        if comma is None:
            return None
        at = span[1] + comma.end()
        for x in self.starting_in(at, at + 1):
            ent = self.entities.get(x.entity_id)
            if ent is not None and ent.type == "PERSON" and x.end <= sent.end and \
                    APPOSITION_CLOSED.match(self.text, x.end, sent.end):
                return self.resolve_phrase(x.start, x.end, sent)
        name = NAME_IN_APPOSITION.match(self.text, at, sent.end)
        if name and APPOSITION_CLOSED.match(self.text, name.end(), sent.end) and \
                not self.starting_in(at, name.end()) and \
                not NOT_A_NAME.match(name.group(0)) and not self.g.lookup(name.group(0)):
            return [SourceRef(" ".join(name.group(0).split()), None, "person")]
        return None

    def _group_before_clause(self, span: tuple[int, int], sent: Span) -> list[SourceRef] | None:
        """'Survivors who spoke to local media said', 'Medics who kept a tally at the
        hospitals said': the group before the relative clause speaks, not a place or body
        the clause names."""
        head = RELATIVE_AFTER_GROUP.match(self.text, span[0], span[1])
        if head is None or COUNTED_GROUP.match(self.text, span[0], head.end(1)):
            return None
        return self._subject(span[0], head.end(1), sent) or \
            self.unlisted_party(span[0], head.end(1))

    def _source_cell(self, sent: Span) -> Cue | None:
        """A table flattened to lines of cells whose header names a column for who said
        it ("Date | Who said it | What they said"): a row's cell in that column is the
        source of the figures in the others."""
        text = self.text
        cells = text.count("|", sent.start, sent.end) + 1
        # cleaning may have dropped the header line: then it is looked for in the page
        at_page = self.page.find(text[sent.start:sent.end].strip()) if self.page else -1
        above = text[max(0, sent.start - 3000):sent.start].splitlines()[-40:]
        if at_page >= 0:
            above = self.page[max(0, at_page - 3000):at_page].splitlines()[-40:] + above
        for line in reversed(above):
            parts = [c.strip() for c in line.split("|")]
            if len(parts) != cells:
                continue
            if any(DIGIT.search(c) for c in parts):
                continue  # another row
            col = next((i for i, c in enumerate(parts) if WHO_COLUMN.fullmatch(c)), None)
            if col is None:
                return None
            at = sent.start
            for _ in range(col):
                at = text.index("|", at, sent.end) + 1
            stop = text.find("|", at, sent.end)
            end = stop if stop >= 0 else sent.end
            while at < end and text[at].isspace():
                at += 1
            while end > at and text[end - 1].isspace():
                end -= 1
            refs = self.resolve_phrase(at, end, sent) or self.unlisted_party(at, end)
            return Cue(at, sent.start, end, refs, "label") if refs else None
        return None

    def _table_credit(self, sent: Span) -> Cue | None:
        """A flattened table's rows credited on the line under the table ("Source:
        Ministry of Public Health (Thailand)"): the credited party is the source of every
        row's figures."""
        text = self.text
        at = text.find("\n", sent.end - 1)
        for _ in range(60):
            if at < 0:
                return None
            end = text.find("\n", at + 1)
            end = end if end >= 0 else len(text)
            line = text[at + 1:end]
            if line.strip() and "|" not in line:
                m = TABLE_CREDIT.match(line)
                if m is None:
                    return None
                s, e = at + 1 + m.start("who"), at + 1 + m.end("who")
                whole = Span(at + 1, end, line)
                refs = self._credited_body(text[s:e]) or self.resolve_phrase(s, e, whole) or \
                    self.unlisted_party(s, e)
                if refs and refs[0].kind not in ("person", "outlet", "anonymous"):
                    # a body credited under a table is named there: "the same office" after
                    # the table points back to it
                    credit = re.sub(r"\([^()]*\)", "", text[s:e])
                    self.possessed.append((s, " ".join(credit.lower().split()), refs[0]))
                return Cue(s, sent.start, e, refs, "label") if refs else None
            at = end if end < len(text) else -1
        return None

    def _credited_body(self, who: str) -> list[SourceRef] | None:
        """A credit naming a body with its country in brackets, as national bodies are
        written ("Ministry of Public Health (Thailand)"): that body of that country, as
        written when no list has it, never a like-named body of another country."""
        m = re.fullmatch(r"\s*(?P<name>[A-Z][^()]{2,70}?)\s*\((?P<country>[^()]{2,40})\)\s*", who)
        if m is None:
            return None
        country = next((h for h in self.g.lookup(m.group("country").strip())
                        if h.type == "GPE" and h.kind == "country"), None)
        if country is None:
            return None
        listed = [h for h in self.g.lookup(m.group("name").strip())
                  if h.type == "ORG" and h.country == (country.country or country.id)]
        if listed:
            return [SourceRef(listed[0].name, listed[0].id, listed[0].kind or "organization")]
        return [SourceRef(canonical_ministry(f"{m.group('name').strip()} ({country.name})"), None,
                          "organization")]

    def _possessor(self, pron: str, at: int, sent: Span) -> list[SourceRef] | None:
        """Who 'his' / 'its' / 'their' in 'in his count' points back to."""
        kind = PRONOUNS.get(pron.lower(), "ANY")
        near = self._antecedent_in(sent, at, kind)
        if near is None and kind == "ORG" and self.last_org_refs is not None:
            return list(self.last_org_refs)
        if near is None:
            near = self.last_person if kind == "PERSON" else (
                self.last_org if kind == "ORG" else None)
        if near is not None:
            return self._chain_for(near)
        return list(self.last_chain) or None

    def _clause_subject(self, sent: Span, pos: int) -> list[SourceRef] | None:
        """The subject at the head of the sentence, before its first finite verb."""
        head = self.text[sent.start:pos]
        lead = re.match(r"(?:[^,]{0,40},\s*)?", head)
        start = sent.start + (lead.end() if lead and self._has_verb_after(head, lead.end())
                              else 0)
        v = FINITE.search(self.text, start, pos)
        if v is None:
            return None
        return self.resolve_phrase(start, v.start(), sent)

    @staticmethod
    def _has_verb_after(head: str, at: int) -> bool:
        return FINITE.search(head, at) is not None

    def _speaker_label(self, sent: Span, para: int) -> Cue | None:
        """Transcripts: 'ZELENSKYY (voice of interpreter): ...', '[00:42] RYDER: ...'."""
        if para != self.label_para:
            turn = self.label if self.label is not None and self.label.refs and \
                self.label_turn else None
            self.label, self.label_para, self.label_turn = None, para, False
            m = SPEAKER_LABEL.match(self.text, sent.start, sent.end) or \
                BRACKETED_SUMMARY.match(self.text, sent.start, sent.end)
            answer = ANSWER_LABEL.match(self.text, sent.start, sent.end)
            if answer and not m:
                # "Q: ... / A: ...": the answers are the interviewee's
                who = self._interviewee()
                self.label = Cue(sent.start, sent.start, answer.end(), who or [], "label")
                # each answer is labelled: a paragraph after it without "A:" is the outlet's
                self.label_turn = False
            elif m and not self._is_place(m.start("name"), m.end("name")):
                refs = self._label_refs(m, sent)
                if ANCHOR_LABEL.fullmatch(m.group("name").strip()):
                    self.anchor_para = para
                self.label = Cue(m.start("name"), m.start("name"), m.end(), refs or [], "label")
                # a speaker's turn ends in a full sentence; a headline's "NIS: ..." does not,
                # and speaks for no paragraph after it
                para_end = self.text.find("\n", sent.start)
                para_text = self.text[sent.start:para_end if para_end >= 0 else len(self.text)]
                self.label_turn = bool(_TURN_END.search(para_text)) and \
                    bool(refs) and refs[0].kind == "person" and refs[0].entity_id is not None
            elif turn is not None and not m:
                # a transcript's speaker goes on talking in the paragraphs after the one
                # that names them, until another label (or an anchor's) takes the floor
                self.label, self.label_turn = turn, True
        if self.label is None:
            return None
        if not self.label.refs:
            return None  # an anchor or correspondent: the outlet's own words
        return Cue(self.label.start, self.label.verb, self.label.end, list(self.label.refs),
                   "label")

    def _interviewee(self) -> list[SourceRef] | None:
        """Whom a Q&A interviews: the party its introduction names after "an interview
        with", "spoke to", "sat down with"; else the first person it names."""
        if self._interviewee_refs is not None:
            return self._interviewee_refs or None
        first_q = QUESTION_LABEL.search(self.text)
        intro_end = first_q.start() if first_q else min(len(self.text), 2000)
        found: list[SourceRef] = []
        for m in INTERVIEW_CUE.finditer(self.text, 0, intro_end):
            line_end = self.text.find("\n", m.end())
            end = line_end if 0 <= line_end < intro_end else intro_end
            span = self._phrase_after(m.end(), end)
            whole = Span(m.start(), end, self.text[m.start():end])
            refs = self.resolve_phrase(span[0], span[1], whole) or \
                self.unlisted_party(span[0], span[1])
            if refs:
                found = refs
                break
        if not found:
            for x in self.starting_in(0, intro_end):
                ent = self.entities.get(x.entity_id)
                if ent is not None and ent.type == "PERSON":
                    found = [SourceRef(ent.name, ent.id, "person")]
                    break
        self._interviewee_refs = found
        return found or None

    def _label_refs(self, m: re.Match[str], sent: Span) -> list[SourceRef] | None:
        """Who a label names; 'Source: X' / 'Sources: X (Telegram)' credits X, not a speaker
        called Source."""
        asker = re.match(r"\s*\(([^()]{2,40})\)", self.text[m.end("name"):m.end()])
        if asker and re.fullmatch(r"Q|QUESTION|Question", m.group("name").strip()):
            # "Q (Wire Agency): By our count ...": a questioner named by the outlet they
            # ask for speaks for their own question's figures
            s, e = m.end("name") + asker.start(1), m.end("name") + asker.end(1)
            return self.resolve_phrase(s, e, sent) or self.unlisted_party(s, e)
        credit = CREDIT_LABEL.fullmatch(m.group("name"))
        if credit:
            span = self._phrase_after(m.end(), sent.end)
            return self.resolve_phrase(span[0], span[1], sent)
        return self.name_refs(m.start("name"), m.end("name"), sent)

    def _is_place(self, s: int, e: int) -> bool:
        """'GENEVA:', 'Kyiv:' open a dateline; a place is no transcript speaker."""
        if any(h.type in ("GPE", "LOC") for h in self.g.lookup(self.text[s:e].strip())):
            return True  # "RAWALPINDI:": the dateline's place, itself furniture
        for x in self.starting_in(s, e + 1):
            ent = self.entities.get(x.entity_id)
            if x.end <= e and ent is not None and ent.type in ("GPE", "LOC") and \
                    self.text[x.start:x.end].strip().lower() == self.text[s:e].strip().lower():
                return True
        return False

    def _headline_colon(self, sent: Span, para: int, is_title: bool) -> Cue | None:
        """'NIS: ...', 'Zelensky: ...' in a headline, including a live blog's entry heads."""
        rel = self.text[sent.start:sent.end]
        headline = is_title or (len(rel) < 160 and not _STOP_AT_END.search(rel))
        if not headline:
            return None
        m = _HEAD_COLON.match(rel)
        if m and _SOURCE_BRACKET_END.search(m.group(1)):
            # "12M people in need (Source: 2022 Flash Appeal)": a credit, not a speaker
            credit = re.match(r"\s*([^()]{2,60})\)", rel[m.end():])
            refs = self.unlisted_party(sent.start + m.end(), sent.start + m.end() +
                                       credit.end(1)) if credit else None
            return Cue(sent.start, sent.start, sent.start + m.end(), refs, "colon") \
                if refs else None
        if m and not CAPTION_LABEL.match(m.group(1)):
            refs = self.resolve_phrase(sent.start, sent.start + m.end(1), sent)
            if refs:
                return Cue(sent.start, sent.start, sent.start + m.end(), refs, "colon")
        # "..., says Zelensky" / "... - Zelenskyy" at the end of a headline
        m = _DASH_NAME_END.search(rel)
        if m:
            refs = self.resolve_phrase(sent.start + m.start(1), sent.start + m.end(1), sent)
            if refs:
                return Cue(sent.start + m.start(1), sent.start + m.start(1), sent.end, refs,
                           "inverted")
        return None
