"""Choosing among candidates with weights learned offline from annotated reports.

The weights are a small JSON file shipped in the package (``data/``), fitted at
development time by ``tests/corpus/train_attribution.py`` on the dev corpus; nothing is
learned or downloaded at run time. A candidate's score is the sum of the weights of its
features; the best-scoring candidate wins, ties going to the one listed first.

The weights may be fitted for one kind of decision only: ``applies_when`` lists features
of the rules' own option (always listed first), and where it has none of them the rules'
choice stands. The shipped weights apply where the rules give a number to the report's own
voice (the outlet): left-one-set-out on dev, that is where the learned choice beats the
rules; elsewhere it does not (bench/results.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from intex.errors import PipelineError

Trace = Callable[[dict[str, Any]], None]


class LinearRanker:
    """A linear score over named features: ``bias + sum(weight[f] * value)``."""

    def __init__(self, weights: dict[str, float], bias: float = 0.0,
                 applies_when: Sequence[str] = ()) -> None:
        self.weights = weights
        self.bias = bias
        self.applies_when = tuple(applies_when)

    def applies(self, rule_feats: dict[str, float]) -> bool:
        """Whether the weights decide when the rules' option has these features."""
        return not self.applies_when or any(rule_feats.get(k) for k in self.applies_when)

    def score(self, feats: dict[str, float]) -> float:
        w = self.weights
        return self.bias + sum(w.get(k, 0.0) * v for k, v in feats.items())

    def best(self, options: Sequence[dict[str, float]]) -> int:
        """Index of the best-scoring option (the first one among equals); the first
        (the rules' own) where the weights do not apply."""
        if not options or not self.applies(options[0]):
            return 0
        best_i, best_s = 0, float("-inf")
        for i, feats in enumerate(options):
            s = self.score(feats)
            if s > best_s:
                best_i, best_s = i, s
        return best_i


@lru_cache(maxsize=4)
def load_ranker(name: str) -> LinearRanker:
    """The ranker shipped as ``data/<name>.json``, or the JSON file at the path ``name``."""
    path: Path | Traversable = Path(name) if name.endswith(".json") else \
        resources.files("intex.pipeline.attribution").joinpath("data", f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        when = [str(k) for k in data.get("applies_when", [])]
        return LinearRanker(weights, float(data.get("bias", 0.0)), when)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PipelineError(f"attribution weights {name!r} cannot be read: {exc}") from exc
