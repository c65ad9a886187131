"""A small ledger of North Korean troop estimates, written for the tests of the timeline,
the brief, entity pages and sharing; each report is marked as the tests need."""

from __future__ import annotations

from datetime import date

from intex import service
from intex.model import TLP, Marking
from intex.store import Store

NIS = ("NIS briefing\n\nSEOUL, Oct. 23, 2024 — South Korea's National Intelligence Service "
       "said on Wednesday that about 3,000 North Korean soldiers had been sent to Russia "
       "this month.")
REPORTS: dict[str, tuple[str, date, Marking]] = {
    "nis": (NIS, date(2024, 10, 23), Marking()),
    # the same briefing, syndicated: one origin, two reports
    "nis-copy": (NIS.replace("NIS briefing", "Wire: NIS briefing") + "\n\nMore follows.",
                 date(2024, 10, 23), Marking()),
    "hur": ("Kyiv intelligence\n\nKYIV, Nov. 4, 2024 — Ukraine's military intelligence chief "
            "Kyrylo Budanov said 11,000 North Korean troops were present in Kursk Oblast.",
            date(2024, 11, 4), Marking(TLP.GREEN)),
    "nis2": ("NIS update\n\nSEOUL, Nov. 20, 2024 — The National Intelligence Service said on "
             "Wednesday that some 11,000 North Korean soldiers had been sent to Russia.",
             date(2024, 11, 20), Marking(TLP.AMBER)),
    "range": ("Range\n\nKYIV, Dec. 2, 2024 — Volodymyr Zelenskyy said between 10,000 and "
              "12,000 North Korean troops were deployed in Russia.",
              date(2024, 12, 2), Marking(TLP.GREEN, ("UKR",))),
    "forecast": ("Forecast\n\nKYIV, Dec. 3, 2024 — Volodymyr Zelenskyi said 3,000 North "
                 "Korean troops had been redeployed to Russian training grounds, with "
                 "forecasts of an increase in their number to 12,000.",
                 date(2024, 12, 3), Marking(TLP.CLEAR)),
    "aid": ("Aid update\n\nBERLIN, Dec. 4, 2024 — Germany said it would send 40 air defence "
            "missiles to Ukraine.", date(2024, 12, 4), Marking()),
}


def build(store: Store) -> dict[str, str]:
    """Store every report with its marking; returns name → report id."""
    ids = {}
    for name, (text, published, marking) in REPORTS.items():
        ex = service.extract_bytes(text.encode(), name=name, published=published)
        ids[name] = store.add(ex, extractor="t", marking=marking).report_id
    return ids
