"""Attribution: who asserts what a sentence says, and through whom it reached the report.

Reports attribute with a small set of constructions: a speech verb after its subject
("Budanov confirmed that ..."), after the content (", the ministry said"), "according
to X", "citing X" / "quoting X" / "briefed by X" for the party further up the chain, an
outlet told something ("told Reuters"), a headline colon ("NIS: ..."). Pronouns, roles
and "the agency" point back to an earlier party; capitals and buildings stand for their
governments ("official Seoul", "the Kremlin"); unnamed sources are sources too.

- ``cues``: the vocabulary and patterns of attribution;
- ``chain``: a sentence's cues and the chain of sources each number gets from them;
- ``speakers``: resolving the phrase that names a party (names, bodies, pronouns, roles);
- ``attributor``: reading the cues of one sentence;
- ``outlet``: the outlet that publishes the page, for the report's own voice.
"""

from intex.pipeline.attribution.attributor import Attributor
from intex.pipeline.attribution.chain import Attribution
from intex.pipeline.attribution.outlet import canonical_outlet, page_outlet, report_outlet

__all__ = ["Attribution", "Attributor", "canonical_outlet", "page_outlet", "report_outlet"]
