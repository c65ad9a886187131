"""Two parties that speak together: "U.S. and Salvadoran officials said", "British and
French diplomats told". The guide lists each party as a source, in the order written."""

from __future__ import annotations

import re

from intex.model import SourceRef

# what qualifies an unnamed group by country or bloc: a demonym or a country's short form
_QUAL = (r"(?:(?:South|North|East|West|Central)\s+)?(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|i|ic))|"
         r"U\.S\.|US|UN|U\.N\.|EU|NATO|Western|Gulf|Arab|Allied")
# "<qual> and <qual> <noun>" closing a subject, an article or adverb allowed before it
JOINT = re.compile(rf"(?:^|[\s,(])(?P<q1>{_QUAL})\s+and\s+(?:the\s+)?(?P<q2>{_QUAL})\s+"
                   rf"(?P<noun>[a-z][\w-]*)\s*$")


def _us(name: str) -> str:
    name = re.sub(r"\bU\.N\.?(?=\s)", "UN", name)
    return re.sub(r"(?:\bAmerican|\bU\.S\.|\bU\.S(?=\s))(?=\s)", "US", name)


def joint_parties(subject: str, ref: SourceRef) -> list[SourceRef]:
    """The parties an unnamed group's subject names: ``ref`` alone, or, when the subject
    joins two qualifiers by "and" before one noun ("South Korean and U.S. officials"),
    the first qualifier's group before ``ref``."""
    if ref.kind != "anonymous":
        return [ref]
    m = JOINT.search(subject.rstrip(" ,"))
    if m is None or not ref.name.endswith(m.group("noun")):
        return [ref]
    first = SourceRef(_us(f"{m.group('q1')} {m.group('noun')}"), None, "anonymous")
    return [ref] if first.name == ref.name else [first, ref]
