"""The brief as a file: Markdown, and a printable HTML page that needs nothing else (its
style inside it, no script), for the web UI's downloads and ``intex brief``."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from intex.model.estimate import Change
from intex.service import Brief

WHAT = {"new": "new", "changed": "changed", "restated": "restated",
        "corrected": "corrected by an analyst"}


def line(c: Change) -> str:
    """One change in words: 'NIS: ~11,000 sent (2024-11-20), was ~3,000 (2024-10-23)'."""
    e = c.estimate
    text = f"{e.source}: {e.value_text} {e.claim.status} ({e.when_text})"
    if c.what == "changed" and c.previous is not None:
        text += f", was {c.previous.value_text} ({c.previous.when_text})"
    elif c.what == "restated" and c.previous is not None:
        text += f", as on {c.previous.when_text}"
    if e.kind != "said":
        text += f" [{e.kind}]"
    if e.repeats > 1:
        text += f"; repeated by {e.repeats} reports"
    return text


def highest(b: Brief) -> str | None:
    """The most restrictive TLP in the brief, for its banner ("TLP:AMBER"); None if empty.
    Releasability lists are each line's own (shown there), not summed up here."""
    levels = [c.estimate.marking.tlp for s in b.sections for c in s.changes]
    return f"TLP:{max(levels).label}" if levels else None


def title(b: Brief) -> str:
    return f"Points of attention since {b.since.isoformat()}" + (
        f": {b.subject}" if b.subject else "")


def markdown(b: Brief, *, base_url: str = "") -> str:
    """The brief in Markdown; each line links its report when ``base_url`` is given."""
    banner = highest(b)
    out = [*([f"**{banner}**", ""] if banner else []), f"# {title(b)}", "",
           f"Made {b.made:%Y-%m-%d %H:%M} UTC from the intex ledger: new and changed "
           "estimates per subject (one per origin; repeats counted).", ""]
    if not b.sections:
        out.append("Nothing new or changed since then.")
    for s in b.sections:
        out += [f"## {_md(s.subject)}", ""]
        for c in s.changes:
            e = c.estimate
            link = f" ([report]({base_url}/reports/{e.report_id}))" if base_url else ""
            out.append(f"- **{WHAT[c.what]}** — {_md(line(c))}{link}")
            out.append(f"  > {_md(' '.join(e.claim.evidence.text.split()))}")
            out.append(f"  > — {_md(e.title or e.report_id)}, {e.marking.label()}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Text that Markdown shows as written (no stray emphasis, links or HTML)."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def environment() -> Environment:
    return Environment(loader=PackageLoader("intex.web", "templates"),
                       autoescape=select_autoescape(default=True), trim_blocks=True,
                       lstrip_blocks=True)


def html(b: Brief, *, env: Environment | None = None) -> str:
    """The printable page, whole: open it anywhere, print it, mail it."""
    return (env or environment()).get_template("brief_print.html").render(
        brief=b, line=line, title=title, WHAT=WHAT, highest=highest)


#: how the printable page may be served: its own style, nothing else at all
PRINT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
             "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
