"""Cues found in a sentence and the chain of sources they give each number in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from intex.model import SourceRef


@dataclass
class Cue:
    """One attribution cue in a sentence: who (refs), where the party and the cue word are."""

    start: int  # where the party is written
    verb: int  # where the cue word is (the party's position for 'according to')
    end: int
    refs: list[SourceRef]
    kind: str  # subject | inverted | according | colon | label | cited
    cited: list[SourceRef] = field(default_factory=list)  # "citing X": X said it first
    told_audience: bool = False  # "told lawmakers / reporters": a listener may relay it
    # where the clause the cue opens begins ("..., but many residents say the force ..."):
    # a number before it is none of the cue's; -1 when the cue may close the sentence
    clause_from: int = -1


@dataclass
class Attribution:
    chain: list[SourceRef] = field(default_factory=list)
    explicit: bool = False  # a cue in this sentence said so
    cue_end: int = -1
    anaphoric: bool = False  # the party was named earlier ("he", "the president")
    cues: list[Cue] = field(default_factory=list)
    told: list[SourceRef] = field(default_factory=list)  # outlets told ("told Reuters")
    # how the chain was found: cue | carried | block | fill | between | outlet (nothing
    # else spoke) | anchor (a transcript anchor's line, the outlet's on purpose) | history
    # (background the outlet recalls in its own voice)
    how: str = "cue"
    # who speaks for a number no cue of the sentence covers: the report's own voice
    outside: list[SourceRef] = field(default_factory=list)

    def chain_at(self, pos: int, later: list[int]) -> list[SourceRef]:
        """The chain for a number at ``pos``; ``later`` holds the sentence's numbers after it.

        The nearest cue before the number introduces it ("X said that N", "according to
        X, N"); a cue after the number that introduces no number of its own closes the
        sentence ("N ..., X said", "..., according to MP Lee") and relays it.
        """
        if not self.cues:
            return list(self.chain)
        last = max([pos, *later])
        if all(c.verb > pos and 0 <= c.clause_from for c in self.cues):
            # every cue opens a clause of its own after the number: none says it
            return list(self.outside)
        lead = [c for c in self.cues if c.verb <= pos and c.kind != "label"] or \
            [c for c in self.cues if c.kind == "label"]
        trail = [c for c in self.cues if c.verb > last and c.clause_from < 0 and
                 c.kind in ("subject", "inverted", "according")]
        if lead:
            primary, relays = lead[-1], trail
        elif trail:
            primary, relays = trail[0], trail[1:]
        else:
            primary, relays = min(self.cues, key=lambda c: abs(c.verb - pos)), []
        order = [primary, *relays]
        # "X said ..., according to Y": Y is where X had it from; but an agency that
        # "told lawmakers" is relayed by the lawmaker named after it
        if relays and relays[0].kind == "according" and primary.kind in ("subject", "label") \
                and not primary.cited and not primary.told_audience:
            order = [relays[0], primary, *relays[1:]]
        if primary.kind != "label":
            # "GUEST: Germany announced 96 million": the party the speaker names first,
            # the transcript's speaker after it as relay
            order += [c for c in self.cues if c.kind == "label" and c not in order]
        chain: list[SourceRef] = []
        for c in order:
            chain.extend(c.cited)
            chain.extend(c.refs)
        chain.extend(self.told)
        out: list[SourceRef] = []
        # outlets relay: they go last
        for r in sorted(chain, key=lambda r: r.kind == "outlet"):
            if all(r.name != d.name for d in out):
                out.append(r)
        return out
