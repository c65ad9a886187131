"""Component protocol, registry and pipeline assembly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from intex.errors import PipelineError
from intex.pipeline.doc import Doc

# The fields a bare Doc starts with; everything else must be assigned by a component.
GIVEN = frozenset({"raw", "format", "url", "published"})


@dataclass(frozen=True)
class ComponentInfo:
    name: str  # versioned: intex.claims.rules.v1
    factory: Callable[..., Callable[[Doc], Doc]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, ComponentInfo] = {}


def component(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()):
    """Register a factory ``(**config) -> (Doc -> Doc)`` under a versioned name."""

    def register(factory: Callable[..., Callable[[Doc], Doc]]):
        if name in _REGISTRY and _REGISTRY[name].factory is not factory:
            raise PipelineError(f"component {name!r} is registered twice")
        _REGISTRY[name] = ComponentInfo(name, factory, tuple(requires), tuple(assigns))
        return factory

    return register


def registered() -> dict[str, ComponentInfo]:
    _load_builtins()
    return dict(_REGISTRY)


@dataclass
class Pipeline:
    names: tuple[str, ...]
    steps: tuple[Callable[[Doc], Doc], ...]

    def __call__(self, doc: Doc) -> Doc:
        for step in self.steps:
            doc = step(doc)
        return doc


DEFAULT = (
    "intex.clean.v1",
    "intex.language.v1",
    "intex.sentences.v1",
    "intex.entities.gazetteer.v1",
    "intex.quantities.v1",
    "intex.claims.rules.v1",
)


def default_names() -> tuple[str, ...]:
    """The default pipeline, with spaCy's NER after the gazetteer when INTEX_SPACY_MODEL
    names an installed model."""
    from intex.pipeline.ner import joins

    if not joins():
        return DEFAULT
    i = DEFAULT.index("intex.entities.gazetteer.v1") + 1
    return (*DEFAULT[:i], "intex.entities.spacy.v1", *DEFAULT[i:])


def build_pipeline(names: Iterable[str] | None = None,
                   config: dict[str, dict[str, Any]] | None = None) -> Pipeline:
    """Build the named components in order, checking that each finds what it requires."""
    _load_builtins()
    names = default_names() if names is None else names
    config = config or {}
    have = set(GIVEN)
    steps = []
    names = tuple(names)
    for name in names:
        info = _REGISTRY.get(name)
        if info is None:
            known = ", ".join(sorted(_REGISTRY))
            raise PipelineError(f"no component named {name!r} (known: {known})")
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise PipelineError(
                f"component {name!r} requires {', '.join(missing)}, "
                "which no earlier component assigns")
        steps.append(info.factory(**config.get(name, {})))
        have.update(info.assigns)
    return Pipeline(names, tuple(steps))


def _load_builtins() -> None:
    # Importing the modules registers their components, as an outside plugin would.
    from intex.pipeline import (  # noqa: F401
        claims,
        clean,
        entities,
        language,
        ner,
        quantities,
        sentences,
    )
