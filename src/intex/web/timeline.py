"""The estimate timeline as a Vega-Lite spec, built here so that a test can read it.

One point per estimate (an origin: its echoes are folded into it and counted), coloured
by whom it is attributed to; a range is a bar from its low to its high figure with the
point at the low end; what a source *says* is a filled mark, what it *expects* or
*intends* a hollow one of another shape, a denial a cross. Hover shows the sentence;
a click opens the report. The page runs Vega with its expression interpreter (the
Content-Security-Policy allows no eval), so the few expressions here stay simple.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from intex.model.estimate import Estimate
from intex.service import Timeline

#: how each kind of estimate is named in the legend, and drawn
KIND_LABEL = {"said": "said or estimated", "forecast": "forecast", "intention": "intention",
              "denied": "denied"}
KIND_SHAPE = {"said": "circle", "forecast": "triangle-up", "intention": "diamond",
              "denied": "cross"}
HOLLOW = ("forecast", "intention")

NUDGE = 11  # pixels between estimates that share a day and a figure
DATASET = "estimates"  # the name a test reads the view's data under
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def points(timeline: Timeline, report_url: Callable[[str], str]) -> list[dict[str, Any]]:
    """One record per estimate: what the chart draws and what its tooltip says.

    Estimates on the same day with the same figure would hide each other: they are set
    side by side (``nudge``, in pixels), their dates untouched."""
    out = [_point(e, report_url) for e in timeline.estimates]
    same: dict[tuple[str, float], list[dict[str, Any]]] = {}
    for p in out:
        same.setdefault((p["when"], p["value"]), []).append(p)
    for group in same.values():
        for i, p in enumerate(group):
            p["nudge"] = round((i - (len(group) - 1) / 2) * NUDGE, 1)
    return out


def _point(e: Estimate, report_url: Callable[[str], str]) -> dict[str, Any]:
    c = e.claim
    echo = f"repeated by {e.repeats} reports" if e.repeats > 1 else "1 report"
    return {
        "id": c.id, "report": e.report_id, "url": report_url(e.report_id),
        "when": e.when.isoformat(), "date": e.when_text,
        "value": c.value, "high": c.value_max, "figure": e.value_text,
        "source": e.source, "chain": e.chain, "kind": KIND_LABEL[e.kind],
        "status": c.status, "repeats": e.repeats, "echo": echo,
        "times": f"×{e.repeats}" if e.repeats > 1 else "",
        "evidence": c.evidence.text, "title": e.title or e.report_id,
        "marking": e.marking.label(), "review": e.review,
    }


def spec(timeline: Timeline, report_url: Callable[[str], str], *,
         width: int | str = "container", height: int = 440) -> dict[str, Any]:
    """The Vega-Lite spec of a timeline (data inline: the page fetches nothing)."""
    data = points(timeline, report_url)
    kinds = [KIND_LABEL[k] for k in KIND_LABEL if any(p["kind"] == KIND_LABEL[k]
                                                      for p in data)] or [KIND_LABEL["said"]]
    sources = sorted({p["source"] for p in data})
    x = {"field": "when", "type": "temporal", "title": None,
         "scale": {"type": "utc", "padding": 14},
         "axis": {"format": "%b %Y", "labelAngle": 0, "grid": True, "gridDash": [2, 3],
                  "tickCount": {"interval": "month", "step": 1},
                  "labelOverlap": "greedy", "labelFlush": True}}
    nudge = {"expr": "datum.nudge"}  # a pixel offset per mark
    y = {"field": "value", "type": "quantitative", "title": _y_title(timeline),
         "scale": {"zero": True, "nice": True}, "axis": {"format": ",d", "grid": True}}
    color = {"field": "source", "type": "nominal", "title": "According to",
             "scale": {"domain": sources, "scheme": "tableau20" if len(sources) > 10
                       else "tableau10"},
             "legend": {"orient": "right", "labelLimit": 260, "symbolType": "circle",
                        "symbolOpacity": 1, "symbolStrokeWidth": 0, "columns": 1}}
    shape = {"field": "kind", "type": "nominal", "title": "Kind",
             "scale": {"domain": list(KIND_LABEL.values()),
                       "range": list(KIND_SHAPE.values())},
             "legend": {"orient": "right", "values": kinds, "symbolFillColor": "#ffffff",
                        "symbolStrokeColor": "#333333"}}
    tooltip = [
        {"field": "figure", "title": "figure"},
        {"field": "status", "title": "status"},
        {"field": "kind", "title": "kind"},
        {"field": "date", "title": "when"},
        {"field": "chain", "title": "according to"},
        {"field": "echo", "title": "origin"},
        {"field": "title", "title": "report"},
        {"field": "marking", "title": "marking"},
        {"field": "evidence", "title": "evidence"},
    ]

    def points_layer(hollow: bool) -> dict[str, Any]:
        wanted = [KIND_LABEL[k] for k in (HOLLOW if hollow else
                                          tuple(k for k in KIND_LABEL if k not in HOLLOW))]
        return {
            "name": "hollow" if hollow else "filled",
            "transform": [{"filter": {"field": "kind", "oneOf": wanted}}],
            "mark": {"type": "point", "filled": not hollow, "size": 120,
                     "strokeWidth": 2.2, "opacity": 1, "cursor": "pointer", "xOffset": nudge,
                     **({"fill": "#ffffff"} if hollow else {})},
            "encoding": {"x": x, "y": y, "color": color, "shape": shape,
                         "tooltip": tooltip, "href": {"field": "url"}},
        }

    hollow = {KIND_LABEL[k] for k in HOLLOW}
    out: dict[str, Any] = {
        "width": width, "height": height, "autosize": {"type": "fit-x", "contains": "padding"},
        "background": "#ffffff", "padding": {"left": 8, "right": 8, "top": 8, "bottom": 8},
        "title": {"text": f"Estimates of {timeline.subject}" + (
            f" ({timeline.status})" if timeline.status else ""),
            "subtitle": _subtitle(timeline), "anchor": "start", "fontSize": 16,
            "subtitleColor": "#555555", "subtitleFontSize": 12},
        "data": {"name": DATASET, "values": data},
        "config": {"font": FONT, "axis": {"labelFontSize": 11, "titleFontSize": 12,
                                          "titleFontWeight": "normal",
                                          "gridColor": "#e6e6e6", "domainColor": "#999999"},
                   "legend": {"labelFontSize": 11, "titleFontSize": 12},
                   "view": {"stroke": None}},
        "layer": [
            {"name": "ranges",
             "transform": [{"filter": {"field": "high", "valid": True}}],
             "mark": {"type": "rule", "strokeWidth": 7, "strokeCap": "round",
                      "opacity": 0.35, "xOffset": nudge},
             "encoding": {"x": x, "y": y, "y2": {"field": "high"},
                          "color": color,
                          "tooltip": tooltip, "href": {"field": "url"}}},
            points_layer(hollow=False),
            points_layer(hollow=True),
            {"name": "echoes",
             "transform": [{"filter": {"field": "repeats", "gt": 1}}],
             "mark": {"type": "text", "align": "left", "dx": 9, "dy": -7, "fontSize": 10,
                      "color": "#444444", "xOffset": nudge},
             "encoding": {"x": x, "y": y, "text": {"field": "times"}}},
        ],
    }
    # a layer with nothing to draw only makes Vega warn about an empty extent
    wanted = {"ranges": any(p["high"] is not None for p in data),
              "filled": any(p["kind"] not in hollow for p in data) or not data,
              "hollow": any(p["kind"] in hollow for p in data),
              "echoes": any(p["repeats"] > 1 for p in data)}
    out["layer"] = [layer for layer in out["layer"] if wanted[layer["name"]]]
    return out


def _y_title(timeline: Timeline) -> str:
    return f"{timeline.subject} (as reported)"


def _subtitle(timeline: Timeline) -> str:
    n = len(timeline.estimates)
    folded = sum(e.repeats - 1 for e in timeline.estimates)
    parts = [f"{n} estimate{'s' if n != 1 else ''}, one mark each"]
    if folded:
        parts.append(f"{folded} repeat{'s' if folded != 1 else ''} folded into their origin")
    if timeline.undated:
        parts.append(f"{len(timeline.undated)} without a date, listed below")
    return " · ".join(parts)
