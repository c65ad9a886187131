"""Small Vega-Lite charts of the pages other than the timeline (web/timeline.py)."""

from __future__ import annotations

from typing import Any

from intex.web.timeline import FONT

MENTIONS = "mentions"  # the dataset name a test reads


def mentions_over_time(months: tuple[tuple[str, int], ...], *, height: int = 150,
                       ) -> dict[str, Any]:
    """Mentions per month as bars (months without any included, so gaps show)."""
    return {
        "width": "container", "height": height,
        "autosize": {"type": "fit-x", "contains": "padding"}, "background": "#ffffff",
        "data": {"name": MENTIONS, "values": [{"month": m, "mentions": n}
                                              for m, n in months]},
        "config": {"font": FONT, "view": {"stroke": None},
                   "axis": {"labelFontSize": 10, "titleFontSize": 11,
                            "titleFontWeight": "normal", "gridColor": "#ececec"}},
        "mark": {"type": "bar", "color": "#1f4e8c", "cornerRadiusTopLeft": 2,
                 "cornerRadiusTopRight": 2},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": None,
                  "axis": {"labelAngle": -45, "labelOverlap": "greedy"}},
            "y": {"field": "mentions", "type": "quantitative", "title": "mentions",
                  "axis": {"tickMinStep": 1, "format": "d"}},
            "tooltip": [{"field": "month", "title": "month"},
                        {"field": "mentions", "title": "mentions"}],
        },
    }
