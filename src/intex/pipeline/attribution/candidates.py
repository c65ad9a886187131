"""The parties that might assert a number, each described by how the report points to it.

A report names who speaks in a handful of places: a cue in the number's own sentence
(before or after it), a cue earlier or later in its paragraph, the speaker of the
paragraphs around it, the headline, a statement heading; failing all of them, the outlet
speaks. ``SourceCandidates`` lists those parties for one number, each with features that
say where it was found and what the sentence around the number looks like. Features are
about the shape of reports (distances, cue kinds, quotes, time frames), never words of one
report; ``ranker.py`` weighs them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from intex.model import Mention, SourceRef, Span
from intex.pipeline.attribution.chain import Attribution
from intex.pipeline.attribution.cues import SPEECH_AFTER_SUBJECT, SPEECH_WORD
from intex.pipeline.attribution.discourse import NEW_FRAME, OWN_HEARSAY, RECAP
from intex.pipeline.attribution.short_forms import in_full
from intex.pipeline.doc import Doc

Resolve = Callable[[int, int, Span], "list[SourceRef] | None"]

# a sentence going on from the one before: "It added", "The agency also", "He said"
GOES_ON = re.compile(r"^\W*(?:it|he|she|they|this|these|the\s+(?:agency|ministry|service|office|"
                     r"military|army|command|staff|official|spokes\w+|president|minister|"
                     r"governor|mayor|mission|organi[sz]ation|report|update|statement))\b", re.I)
BACKGROUND = re.compile(r"\b(?:since the start|since the beginning|since february|so far|in total|"
                        r"to date|overall|altogether|according to (?:the )?(?:latest|official))\b",
                        re.I)
QUOTES = "\"“”«»„"
# a headline led by its speaker's name and a colon
HEADLINE_LABEL = re.compile(r"^[^:\n]{1,40}:\s")
# a line that labels its figure: "Injured: 1,280 people", "Personnel: 1 610 killed"
LABEL_LINE = re.compile(r"^\W*[A-Z][\w ,'’/-]{0,40}:\s")
# an apposition or a short aside between a party and its verb: ", a diaspora group,"
ASIDE = re.compile(r"\s*(?:\([^()]{1,60}\)|,[^,;:.]{1,80},)")
DATELINE_LEAD = re.compile(r"^\W*[A-Z][A-Z/ .'’-]{2,40}(?:,[^()\n]{0,30})?\s*\([^()]{2,30}\)\s*"
                           r"[-–—]")


@dataclass
class Candidate:
    """One party that may assert a number: its chain and why it is a candidate."""

    chain: list[SourceRef]
    feats: dict[str, float] = field(default_factory=dict)
    origin: str = ""  # the first way it was found, for whoever reads a trace


def _kind(chain: list[SourceRef]) -> str:
    return (chain[0].kind or "organization") if chain else "none"  # none: no outlet known


def rule_kind(chain: list[SourceRef], a: Attribution, text: str) -> str:
    """The feature that says what kind of party the rules' own chain names first. The
    outlet is told apart by why the rules gave it the number: a cue naming it
    (``outlet_named``), a sentence the rules keep as the outlet's on purpose (a transcript
    anchor's line, a recap, the outlet's own hedge: ``outlet_kept``), or nobody else
    speaking for the sentence (``outlet``)."""
    kind = _kind(chain)
    if kind == "outlet" and a.explicit:
        return "rule&kind=outlet_named"
    if kind == "outlet" and (a.how in ("anchor", "history") or RECAP.match(text) or
                             OWN_HEARSAY.search(text)):
        return "rule&kind=outlet_kept"
    return f"rule&kind={kind}"


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 4)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


class SourceCandidates:
    """The candidate parties for the numbers of one report, read once per report."""

    def __init__(self, doc: Doc, attrs: list[Attribution], outlet: list[SourceRef],
                 resolve: Resolve | None = None) -> None:
        self.doc = doc
        self.attrs = attrs
        self.outlet = outlet
        self.resolve = resolve  # the party a named phrase stands for (speakers.py)
        self._named: dict[int, list[tuple[Mention, list[SourceRef]]]] = {}
        self._ids: dict[int, set[str]] = {}
        self.mentions = sorted((m for m in doc.mentions if m.entity_id in doc.entities),
                               key=lambda m: m.start)
        self._mstarts = [m.start for m in self.mentions]
        pstarts = [p.start for p in doc.paragraphs]
        self.paras = [max(0, bisect_right(pstarts, s.start) - 1) for s in doc.sentences]
        # a headline's label ("Budanov: the enemy is regrouping") speaks for no later
        # paragraph, as the rules read it: no candidate for the body's figures
        label_title = bool(doc.sentences) and bool(HEADLINE_LABEL.match(doc.sentences[0].text))
        self.explicit = [i for i, a in enumerate(attrs) if a.explicit and a.chain
                         and not (i == 0 and label_title)]
        firsts = Counter(attrs[i].chain[0].name for i in self.explicit)
        self.main = firsts.most_common(1)[0] if firsts else None
        self.n_explicit = len(self.explicit)
        self.first_in_para = [i == 0 or self.paras[i - 1] != self.paras[i]
                              for i in range(len(doc.sentences))]

    def _explicit_before(self, si: int) -> int | None:
        lo = bisect_right(self.explicit, si - 1)
        return self.explicit[lo - 1] if lo > 0 else None

    def _explicit_after(self, si: int) -> int | None:
        lo = bisect_right(self.explicit, si)
        return self.explicit[lo] if lo < len(self.explicit) else None

    def _quoted(self, si: int, pos: int) -> bool:
        """Whether ``pos`` stands inside quotation marks opened in its paragraph."""
        para = self.doc.paragraphs[self.paras[si]] if self.doc.paragraphs else None
        start = para.start if para is not None else self.doc.sentences[si].start
        seg = self.doc.text[start:pos]
        return sum(seg.count(q) for q in QUOTES) % 2 == 1

    def _in_sentence(self, si: int) -> list[Mention]:
        sent = self.doc.sentences[si]
        lo = bisect_right(self._mstarts, sent.start - 1)
        hi = bisect_right(self._mstarts, sent.end - 1)
        return [m for m in self.mentions[lo:hi] if m.end <= sent.end]

    def named(self, si: int) -> list[tuple[Mention, list[SourceRef]]]:
        """The parties the sentence names (persons, bodies, countries for their
        governments), each with the chain the speakers' rules give the name."""
        if si not in self._named:
            out: list[tuple[Mention, list[SourceRef]]] = []
            sent = self.doc.sentences[si]
            if self.resolve is not None:
                seen: set[str] = set()
                for m in self._in_sentence(si):
                    ent = self.doc.entities[m.entity_id]
                    if ent.type == "LOC" or m.entity_id in seen:
                        continue
                    seen.add(m.entity_id)
                    chain = self.resolve(m.start, m.end, sent)
                    if chain:
                        out.append((m, chain))
            self._named[si] = out
        return self._named[si]

    def ids(self, si: int) -> set[str]:
        """The entities a sentence names (and, for a country, its government)."""
        if si < 0:
            return set()
        if si not in self._ids:
            got = {m.entity_id for m in self._in_sentence(si)}
            got |= {r.entity_id for _, chain in self.named(si) for r in chain[:1]
                    if r.entity_id}
            self._ids[si] = got
        return self._ids[si]

    def rule_kind(self, si: int, chain: list[SourceRef]) -> str:
        """``rule_kind`` of the rules' chain for a number of sentence ``si``."""
        return rule_kind(chain, self.attrs[si], self.doc.sentences[si].text)

    def for_number(self, si: int, pos: int, later: list[int],
                   rule_chain: list[SourceRef]) -> list[Candidate]:
        doc, attrs = self.doc, self.attrs
        sent = doc.sentences[si]
        a = attrs[si]
        para = self.paras[si]
        text = sent.text
        ctx: dict[str, float] = {}
        has_cue = bool(a.explicit and a.cues)
        ctx["cue_in_sentence"] = float(has_cue)
        ctx["no_cue"] = float(not has_cue)
        ctx["quoted"] = float(self._quoted(si, pos))
        ctx["quote_in_sentence"] = float(any(q in text for q in QUOTES))
        ctx["first_in_para"] = float(self.first_in_para[si])
        ctx["new_frame"] = float(bool(NEW_FRAME.match(text)))
        ctx["hearsay"] = float(bool(OWN_HEARSAY.search(text)))
        ctx["goes_on"] = float(bool(GOES_ON.match(text)))
        ctx["background"] = float(bool(BACKGROUND.search(text)))
        ctx["lead"] = float(para <= 1)
        ctx["short"] = float(len(text) < 90)
        ctx["doc_no_cue"] = float(self.n_explicit == 0)
        ctx["speech_unread"] = float(not has_cue and bool(SPEECH_WORD.search(text)))
        ctx["label_line"] = float(bool(LABEL_LINE.match(text)))
        ctx["table_row"] = float("|" in text)
        ctx["dateline"] = float(bool(DATELINE_LEAD.match(text)))

        cands: list[Candidate] = []

        def add(chain: list[SourceRef], origin: str, **feats: float) -> None:
            if not chain and origin != "rule":
                return
            chain = in_full(chain, doc.entities, doc.text)  # "NORTHCOM": the command named in full
            f = {origin: 1.0, rule_kind(chain, a, text) if origin == "rule" else
                 f"{origin}&kind={_kind(chain)}": 1.0}
            for k, v in ctx.items():
                if v:
                    f[f"{origin}&{k}"] = v
            f.update({f"{origin}&{k}": v for k, v in feats.items() if v})
            for c in cands:
                if c.chain and chain and c.chain[0].name == chain[0].name:
                    for k, v in f.items():
                        c.feats[k] = max(c.feats.get(k, 0.0), v)
                    return
            cands.append(Candidate(list(chain), f, origin))

        add(rule_chain, "rule", **{f"how={a.how}": 1.0})
        # the cues of the number's own sentence, one by one
        if has_cue:
            before = [c for c in a.cues if c.verb <= pos]
            after = [c for c in a.cues if c.verb > pos]
            last = max([pos, *later])
            for c in a.cues:
                if c.verb > pos and 0 <= c.clause_from:
                    continue  # "N ..., but residents say the force ...": not theirs to say
                chain = [*c.cited, *c.refs]
                dist = len(doc.text[min(c.verb, pos):max(c.verb, pos)].split())
                between = sum(1 for p in later if c.verb > p) if c.verb > pos else 0
                side = "before" if c.verb <= pos else "after"
                nearest = (before and c is before[-1]) or (not before and after and
                                                           c is after[0])
                add(chain, f"cue_{side}", **{
                    f"type={c.kind}": 1.0, f"dist={_bucket(dist, (3, 8, 15, 30))}": 1.0,
                    "nearest": float(bool(nearest)), "after_all": float(c.verb > last),
                    "numbers_between": float(between > 0),
                    "anaphoric": float(a.anaphoric), "cited": float(bool(c.cited))})
        # the cues around the sentence
        b = self._explicit_before(si)
        f_ = self._explicit_after(si)
        if b is not None:
            d_par = para - self.paras[b]
            origin = "para_prev" if d_par == 0 else "prev_para"
            add(attrs[b].chain, origin, **{
                f"dsent={_bucket(si - b, (1, 2, 4, 8))}": 1.0,
                f"dpara={_bucket(d_par, (0, 1, 2, 4))}": 1.0,
                "same_as_next": float(f_ is not None and
                                      attrs[f_].chain[0].name == attrs[b].chain[0].name),
                "colon": float(doc.sentences[b].text.rstrip().endswith(":"))})
        if f_ is not None:
            d_par = self.paras[f_] - para
            origin = "para_next" if d_par == 0 else "next_para"
            add(attrs[f_].chain, origin, **{
                f"dsent={_bucket(f_ - si, (1, 2, 4, 8))}": 1.0,
                f"dpara={_bucket(d_par, (0, 1, 2, 4))}": 1.0,
                "next_new_frame": float(bool(NEW_FRAME.match(doc.sentences[f_].text)))})
        if self.explicit and self.explicit[0] == 0 and si > 0:  # a labelled headline is not
            add(attrs[0].chain, "title")
        if self.main is not None:
            name, n = self.main
            for i in self.explicit:
                if attrs[i].chain[0].name == name:
                    add(attrs[i].chain, "main", **{
                        f"share={_bucket(int(10 * n / max(1, self.n_explicit)), (2, 5, 8))}":
                        1.0})
                    break
        # the parties the sentence itself names, where they stand and what follows them
        for m, chain in self.named(si):
            lead = len(doc.text[sent.start:m.start].split())
            dist = len(doc.text[min(m.end, pos):max(m.start, pos)].split())
            at = m.end
            aside = ASIDE.match(doc.text, at, sent.end)
            if aside:
                at = aside.end()
            add(chain, "named", **{
                "before" if m.start < pos else "after": 1.0,
                f"dist={_bucket(dist, (3, 8, 15, 30))}": 1.0,
                f"lead={_bucket(lead, (0, 2, 5, 12))}": 1.0,
                "verb_next": float(bool(SPEECH_AFTER_SUBJECT.match(doc.text, at, sent.end))),
                "possessive": float(doc.text[m.end:m.end + 2] in ("'s", "’s")),
                "in_quotes": float(self._quoted(si, m.start))})
        add(self.outlet, "outlet")
        # where else the report names each party: the sentence before, the paragraph
        prev_ids = self.ids(si - 1) if si > 0 and self.paras[si - 1] == para else set()
        here = self.ids(si)
        for cand in cands:
            if not cand.chain:
                continue
            first = cand.chain[0]
            origins = sum(1 for k in cand.feats if "&" not in k)  # the ways it was found
            cand.feats[f"kind={_kind(cand.chain)}"] = 1.0
            cand.feats[f"agree={_bucket(origins - 1, (1, 2, 3))}"] = 1.0
            if first.entity_id and first.entity_id in prev_ids:
                cand.feats["named_before"] = 1.0
            if first.entity_id and first.entity_id in here:
                cand.feats["named_here"] = 1.0
            if self.main is not None and first.name == self.main[0]:
                cand.feats["most_quoted"] = 1.0
        return cands
