"""A sentence as a short wire report, and the claims the pipeline reads in it."""

from intex.pipeline import Doc


def claims_of(pipeline, text: str):
    """The counted (not vague) claims of ``text`` under a one-line masthead."""
    return [c for c in pipeline(Doc(raw="Wire report\n\n" + text)).claims if not c.vague]


def status_of(pipeline, text: str, value: float) -> str:
    """The status of the one claim of ``text`` with ``value``."""
    (c,) = [c for c in claims_of(pipeline, text) if c.value == value]
    return c.status
