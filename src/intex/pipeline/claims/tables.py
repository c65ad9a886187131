"""Flattened tables: the header over a column and the label of a row."""

from __future__ import annotations

import re

from intex.model import Span
from intex.pipeline.claims.cues import ALLOWED, OUTCOMES, cue_matches, is_modifier, not_a_cue
from intex.pipeline.doc import Doc, Quantity
from intex.pipeline.html import HTML_TAG
from intex.pipeline.lexicon import (
    COUNTED,
    NOT_COUNTED,
)
from intex.pipeline.numbers import CURRENCY_SIGNS, CURRENCY_WORDS, SCALES


def table_header(doc: Doc, sent: Span, q: Quantity) -> str | None:
    """The header of the column a number stands in, in a table flattened to lines of
    cells ("Region | Killed | Injured" over "Donetsk Oblast | 14 | 52"); cleaning may
    have dropped the header line, so it is looked for in the page as read."""
    if "|" not in sent.text:
        return None
    col = doc.text.count("|", sent.start, q.span.start)
    cells = sent.text.count("|") + 1
    for source, at in ((doc.text, sent.start), (doc.raw, doc.raw.find(sent.text.strip()))):
        if at < 0:
            continue
        for line in reversed(source[max(0, at - 1500):at].splitlines()[-12:]):
            parts = [c.strip() for c in HTML_TAG.sub(" ", line).split("|")]
            if len(parts) != cells or any(DATA_CELL.fullmatch(c) or EMPTY_CELL.fullmatch(c)
                                          for c in parts[1:]):
                continue  # a row of figures, not the header ("Displaced since Feb 2021" is)
            if len(parts[col].split()) > 8 if col < len(parts) else False:
                return None  # a row of statements ("holding up to 3 million shells"): no label
            return parts[col] if col < len(parts) and parts[col] else None
    return None


# a table cell holding a figure: "943 000", "17.6 million", "$764m", "12%"
DATA_CELL = re.compile(r"[\s$€£(~+-]*\d[\d\s,.]*(?:%|\s*(?:k|m|bn|million|billion|thousand))?"
                       r"[\s)]*", re.I)


# a cell with no figure in a row of figures: "n/a", "—", "?" (no header says that)
EMPTY_CELL = re.compile(r"n/?a|n\.a\.|[-–—?]+|nil|none|unknown", re.I)


def table_context_status(doc: Doc, sent: Span, cat: str) -> str:
    """What a flattened table of bare figures counts, as the text above it says: the
    nearest of the two paragraphs before the table, then the headline, with a cue that
    fits the row's noun ("the daily update on Russian losses")."""
    for text, start, end in _context(doc, sent):
        found = [st for st, m in cue_matches(text, start, end) if st in ALLOWED[cat]
                 and not is_modifier(text, m) and not not_a_cue(text, m, st)]
        # what happened to the things counted, rather than how the figure was given
        outcomes = [st for st in found if st in OUTCOMES]
        if outcomes or found:
            return (outcomes or found)[0]
    return "other"


def _context(doc: Doc, sent: Span) -> list[tuple[str, int, int]]:
    """The text that says what a flattened table counts: the two paragraphs before the
    table, nearest first, then the headline (text, start, end)."""
    i = doc.paragraph_of(sent.start)
    while i > 0 and "|" in doc.paragraphs[i - 1].text:
        i -= 1
    spans = [doc.paragraphs[j] for j in range(i - 1, max(-1, i - 3), -1)]
    if doc.title:
        spans.append(Span(0, 0, doc.title))
    return [(doc.text, p.start, p.end) if p.end > p.start else (p.text, 0, len(p.text))
            for p in spans]


# a force's own activity: an exercise, a drill, a patrol ("PLA activity around Taiwan")
EXERCISE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s*games?|patrols?|"
                      r"military\s+activity|activity\s+(?:around|near|in)|show\s+of\s+force)\b",
                      re.I)


def in_exercise(doc: Doc, sent: Span) -> bool:
    """A table whose caption, lead-in or headline speaks of a force's exercise or
    activity: the aircraft and ships it counts are what the force flew and sailed
    (deployed, as the guide has it)."""
    return any(EXERCISE.search(text, start, end) for text, start, end in _context(doc, sent))


def row_label(doc: Doc, sent: Span, q: Quantity) -> tuple[str, str] | None:
    """The counted noun a flattened table's row names in its first cell ("Tanks | 7,834 |
    6", "Armoured combat vehicles | 15,096 | 20"), when the columns are totals, not nouns."""
    if "|" not in sent.text or doc.text.count("|", sent.start, q.span.start) == 0:
        return None
    first = sent.text.split("|")[0].strip().lower()
    words = first.split()
    # the label's end ("Armoured combat vehicles"), else its start ("People in need")
    phrases = [" ".join(words[n:]) for n in range(len(words))] + \
        [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    for phrase in phrases:
        for cand in (phrase, phrase[:-1] if phrase.endswith("s") else phrase + "s"):
            if cand in COUNTED and cand not in NOT_COUNTED:
                return cand, sent.text.split("|")[0].strip()
    return None


# a table's money and its scale, said once in its caption or a column's header: "(EUR
# billion)", "(US$ m)", "(in USD million)", "Requirements (US$)"
_MONEY_HEAD = re.compile(r"\(\s*(?:in\s+)?(?P<cur>US\$|[$€£]|[A-Za-z]{3,8})\s*"
                         r"(?P<scale>bn|billions?|mn|m|mln|millions?|k|thousands?)?\s*\)", re.I)


def _money_of(text: str) -> tuple[str, float] | None:
    for m in _MONEY_HEAD.finditer(text):
        cur = m.group("cur").lower()
        code = CURRENCY_SIGNS.get(cur) or CURRENCY_WORDS.get(cur)
        if code:
            scale = (m.group("scale") or "").lower().rstrip("s") if m.group("scale") else ""
            return code, float(SCALES.get(scale, 1) if scale else 1)
    return None


def table_money(doc: Doc, sent: Span, q: Quantity) -> tuple[str, float] | None:
    """The currency, and the scale its cells are written in, of a flattened table's cell
    that names no unit: its column's header ("Requirements (US$)"), else the table's
    caption, the line without cells right above its rows ("Table 2: Aid allocated (EUR
    billion)")."""
    if "|" not in sent.text or doc.text.count("|", sent.start, q.span.start) == 0:
        return None
    head = table_header(doc, sent, q)
    money = _money_of(head) if head else None
    if money:
        return money
    for line in reversed(doc.text[max(0, sent.start - 1500):sent.start].splitlines()[-14:]):
        if not line.strip():
            continue
        if "|" not in line:
            return _money_of(line)
    return None


# an interview's labels: the question ("Q:", "Q (Reuters):") and the answer ("A:")
QUESTION = re.compile(r"\s*Q\s*(?:\([^)]{0,40}\))?\s*[:.]\s")
ANSWER = re.compile(r"\s*A\s*[:.]\s")


def question_before(doc: Doc, sent: Span) -> Span | None:
    """The question an answer's opening sentence replies to: "Q: How many people have left
    so far?" over "A: Around 1,000 families" (the answer counts what the question asks
    about, and what befell it)."""
    i = doc.paragraph_of(sent.start)
    if i <= 0 or not ANSWER.match(doc.text, sent.start) or \
            doc.paragraphs[i].start != sent.start:
        return None
    q = doc.paragraphs[i - 1]
    return q if QUESTION.match(doc.text, q.start) else None


def label_status(doc: Doc, sent: Span, q: Quantity, cat: str) -> str | None:
    """What a row's label says befell the figures in its row ("People in need | 17.6
    million": in need, other), when the figure stands in a later cell; None when the
    label has no cue, and the text above the table speaks for it."""
    bar = doc.text.find("|", sent.start, sent.end)
    if bar < 0 or q.span.start < bar:
        return None
    found = [st for st, m in cue_matches(doc.text, sent.start, bar) if st in ALLOWED[cat]
             and not is_modifier(doc.text, m) and not not_a_cue(doc.text, m, st)]
    return found[-1] if found else None
