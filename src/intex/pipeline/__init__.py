"""The extraction pipeline: components that each read some fields of a ``Doc`` and add others.

``build_pipeline()`` checks, before anything runs, that every component finds what it
needs; the built-in components register through the same ``component`` decorator an
outside package would use.
"""

from intex.pipeline.component import Pipeline, build_pipeline, component, registered
from intex.pipeline.doc import Doc

__all__ = ["Doc", "Pipeline", "build_pipeline", "component", "registered"]
