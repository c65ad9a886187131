"""Sentence boundaries inside paragraphs, aware of the abbreviations reports use."""

from __future__ import annotations

import re

from intex.model import Span
from intex.pipeline.component import component
from intex.pipeline.doc import Doc

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm",
    "rep", "reps", "sen", "gov", "pres", "st", "no", "nos", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "vs",
    "approx", "est", "inc", "ltd", "co", "corp", "jr", "sr", "prof", "mt", "ft", "fig", "vol",
    "a.m", "p.m", "etc", "al", "dept", "govt", "mln", "bln", "thous", "ca", "cf", "ret", "min",
    "mio", "mrd",
}
# a sentence ends at . ! ? (and closing quotes/brackets) before a capital, digit or quote
BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-ZА-ЯІЇЄҐ0-9])")


# the word before a stop at the end of a sentence, and initials ("u.s", "a.m")
WORD_AT_STOP = re.compile(r"([\w.]+)[.!?][\"'”’)\]]*$")
INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def split(text: str, offset: int = 0) -> list[Span]:
    out: list[Span] = []
    start = 0
    for m in BOUNDARY.finditer(text):
        end = m.start()
        # walk back over closing punctuation to the word before the stop
        head = text[start:end]
        # a match holds no space, nor a line break but one closing the text ($): none
        # starts before the last of them, where the search may begin
        word = WORD_AT_STOP.search(
            head, max(head.rfind(" "), head.rfind("\n", 0, len(head) - 1)) + 1)
        if word:
            w = word.group(1).lower()
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
            if INITIALS.fullmatch(w):  # U.S. / a.m.
                continue
        seg = text[start:m.end()].rstrip()
        if seg:
            out.append(Span(offset + start, offset + start + len(seg), seg))
        start = m.end()
    seg = text[start:].rstrip()
    if seg:
        out.append(Span(offset + start, offset + start + len(seg), seg))
    return out


class SentenceSplitter:
    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = [s for p in doc.paragraphs for s in split(p.text, p.start)]
        return doc


@component("intex.sentences.v1", requires=("text", "paragraphs"), assigns=("sentences",))
def make_sentences() -> SentenceSplitter:
    return SentenceSplitter()
