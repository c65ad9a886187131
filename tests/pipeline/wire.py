"""How the pipeline tests read a sentence: as a short wire report, the claims and sources
the pipeline reads in it; the entities the stages up to the gazetteer find; the numbers
the quantity finder reads in it alone."""

from datetime import date
from functools import cache

from intex.model import Span
from intex.pipeline import Doc, build_pipeline
from intex.pipeline.quantities import QuantityFinder

ENTITY_STAGES = ("intex.clean.v1", "intex.language.v1", "intex.sentences.v1",
                 "intex.entities.gazetteer.v1")


def claims_of(pipeline, text: str):
    """The counted (not vague) claims of ``text`` under a one-line masthead."""
    return [c for c in pipeline(Doc(raw="Wire report\n\n" + text)).claims if not c.vague]


def status_of(pipeline, text: str, value: float) -> str:
    """The status of the one claim of ``text`` with ``value``."""
    (c,) = [c for c in claims_of(pipeline, text) if c.value == value]
    return c.status


def claim_at(pipeline, text: str, value: float, when: date | None = None):
    """The one counted claim with ``value`` of ``text`` read as it stands (its first line
    the masthead), published ``when``."""
    (c,) = [c for c in pipeline(Doc(raw=text, published=when)).claims
            if c.value == value and not c.vague]
    return c


def sources_of(pipeline, text: str, value: float, when: date | None = None) -> list[str]:
    """The names of the sources of the one counted claim of ``text`` with ``value``."""
    return [s.name for s in claim_at(pipeline, text, value, when).sources]


def values_of(pipeline, text: str) -> list[float]:
    """The values of the counted claims of ``text`` read as it stands."""
    return [c.value for c in pipeline(Doc(raw=text)).claims if not c.vague]


@cache
def entity_pipeline():
    """The stages up to the gazetteer's entities, built once."""
    return build_pipeline(ENTITY_STAGES)


def entities(text: str) -> set[tuple[str, str]]:
    """The (type, name) of every entity found in ``text``."""
    doc = entity_pipeline()(Doc(raw=text))
    return {(e.type, e.name) for e in doc.entities.values()}


def names(text: str, etype: str) -> set[str]:
    """The names of the entities of type ``etype`` found in ``text``."""
    return {n for t, n in entities(text) if t == etype}


def orgs(text: str) -> set[str]:
    """The names of the organisations found in ``text``."""
    return names(text, "ORG")


def quantities(text: str):
    """The quantities the finder reads in ``text`` as one sentence, with no reference date."""
    return QuantityFinder().sentence(Span(0, len(text), text), None)
