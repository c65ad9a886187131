"""Claims: a counted quantity, its status, place, date, modality and chain of sources.

``builder`` walks a report's numbers and makes the claims; what a number counts is read in
``subject``, what happened to it in ``status`` (with the cue words of ``cues``), how it stands
to the numbers beside it in ``relations``, and flattened tables in ``tables``.
"""

from intex.pipeline.claims.builder import EXTRACTOR, ClaimBuilder, make_claims
from intex.pipeline.claims.cues import category, unit_category

__all__ = ["EXTRACTOR", "ClaimBuilder", "category", "make_claims", "unit_category"]
