"""STIX export and import, partners, and what a partner may see."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from intex.errors import ConfigError, EmptyInput, ExportError, IntexError
from intex.extraction import Extraction
from intex.ingest import Fetcher, FetchSettings
from intex.model import TLP, Marking, Partner, User
from intex.service.access import sees, sight
from intex.service.ledger import with_terms
from intex.store import ClaimFilter, ClaimRow, IngestResult, Store
from intex.store.partners import Credentials, SyncState


def export_bundle(store: Store, f: ClaimFilter | None = None, *,
                  clock: Callable[[], datetime] | None = None,
                  profile: str = "stix", asked: str | None = None) -> dict[str, Any]:
    """The claims a filter selects, with their reports and entities, as a STIX 2.1 bundle.

    The bundle is checked with the official OASIS validator before it is handed out: a
    bundle with errors is refused (ExportError), never written half-valid. ``profile``
    "misp" writes each claim as a complete note in core STIX only (docs/stix.md).
    ``asked``: the question as the command line put it, for the audit log (an export
    from the command line is recorded as the web's are; None records nothing).
    """
    bundle = _export(store, f, clock=clock)
    out = bundle if profile == "stix" else _profiled(bundle, profile)
    if asked is not None:
        _exported(store, asked, profile=profile)
    return out


def _exported(store: Store, asked: str, *, profile: str, partner: str | None = None) -> None:
    from intex.service.audit import record

    record(store, "export.stix", None, subject=asked or "the whole ledger",
           detail=", ".join(([f"for partner {partner}"] if partner else [])
                            + ([f"{profile} profile"] if profile != "stix" else [])) or None)


def _profiled(bundle: dict[str, Any], profile: str) -> dict[str, Any]:
    from intex.stix import validate
    from intex.stix.misp_profile import PROFILES, misp_profile

    if profile not in PROFILES:
        raise ConfigError(f"unknown export profile; one of {', '.join(PROFILES)}",
                          subject=profile)
    out = misp_profile(bundle) if profile == "misp" else bundle
    checked = validate(out)
    if not checked.ok:
        raise ExportError(f"the {profile} bundle fails the STIX validator: "
                          f"{checked.errors[:3]}")
    return out


def _export(store: Store, f: ClaimFilter | None = None, *,
            clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    from intex.stix import ExportClaim, ExportSet, build_bundle, validate

    rows = store.export_rows(with_terms(f or ClaimFilter(fold=False)))
    export = ExportSet(
        documents=rows.documents, entities=rows.entities,
        claims=tuple(ExportClaim(claim, report_id, marking, rows.grades, review)
                     for claim, report_id, marking, review in rows.claims),
        mentions=rows.mentions, recorded=rows.recorded)
    bundle = build_bundle(export, clock=clock or (lambda: datetime.now(UTC)))
    checked = validate(bundle)
    if not checked.ok:
        raise ExportError(f"the bundle fails the STIX validator: {checked.errors[:3]}")
    return bundle


def export_for(store: Store, partner: str, f: ClaimFilter | None = None, *,
               clock: Callable[[], datetime] | None = None,
               profile: str = "stix", asked: str | None = None) -> dict[str, Any]:
    """The bundle :func:`export_bundle` makes, as ``partner``'s agreement lets it see it.

    Each object is judged by the marking it would be published under, through the same
    rule and closure the TAXII server applies (``intex.stix.visibility``): the partner
    gets exactly what it would GET from ``intex serve`` of the same ledger."""
    from intex.stix import bundle_of, validate
    from intex.stix.visibility import share
    from intex.store.objects import row_marking

    who = store.partners.get(partner)
    bundle = _export(store, f, clock=clock)
    marks = object_markings(bundle["objects"])

    def marking(obj: Mapping[str, Any]) -> Marking:
        m = marks.get(str(obj.get("id")))
        return row_marking(m.tlp.name if m else None,
                           ",".join(m.releasable_to) if m else None, str(obj.get("type")))

    out = bundle_of(share(bundle["objects"], who, marking))
    checked = validate(out)
    if not checked.ok:
        raise ExportError(f"the bundle for {partner} fails the STIX validator: "
                          f"{checked.errors[:3]}")
    out = out if profile == "stix" else _profiled(out, profile)
    if asked is not None:
        _exported(store, asked, profile=profile, partner=partner)
    return out


def bundle_text(bundle: dict[str, Any], *, indent: int | None = None) -> str:
    """A bundle's canonical text: the same ledger gives the same bytes."""
    from intex.stix import dumps

    return dumps(bundle, indent=indent)


STIX_TYPES = frozenset({"application/stix+json", "application/taxii+json", "application/json",
                        "text/plain"})


@dataclass(frozen=True)
class ImportEvent:
    """What became of one bundle: objects kept, reports and claims added, or the error."""

    name: str
    objects_new: int = 0
    objects_held: int = 0
    reports: int = 0
    claims: int = 0
    error: IntexError | None = None


def import_bundles(store: Store, sources: Sequence[str], *, partner: str | None = None,
                   max_bytes: int = 50_000_000, timeout: float = 20.0,
                   ) -> Iterator[ImportEvent]:
    """Take STIX 2.1 bundles (files or URLs) from a partner into the ledger.

    Every object is kept verbatim (one row per id and version, so a bundle sent twice
    changes nothing); reports and claims intex understands also enter the ledger, with
    the partner recorded and their markings kept. A refused bundle changes nothing.
    """
    from pathlib import Path

    fetcher = Fetcher(FetchSettings(timeout=timeout, max_bytes=max_bytes,
                                    allowed_types=STIX_TYPES))
    try:
        for src in sources:
            try:
                if "://" in src:
                    data = fetcher.fetch(src).data
                else:
                    path = Path(src)
                    if not path.is_file():
                        raise EmptyInput("no such file", subject=src)
                    data = path.read_bytes()
                yield take_bundle(store, data, name=src, partner=partner, max_bytes=max_bytes)
            except IntexError as err:
                yield ImportEvent(src, error=err)
    finally:
        fetcher.close()


def take_bundle(store: Store, data: bytes, *, name: str, partner: str | None,
                max_bytes: int = 50_000_000, held: frozenset[str] = frozenset(),
                ) -> ImportEvent:
    """One bundle's bytes into the ledger (see import_bundles); raises BundleError.

    ``held``: ids of objects the ledger holds already, which the bundle may refer to
    without carrying them (a sync takes a collection in parts)."""
    from intex.pipeline import fingerprint
    from intex.stix.importing import Limits, read_bundle

    got = read_bundle(data, name=name, limits=Limits(max_bytes=max_bytes), held=held)
    # every object as its own marking refs state it; reports and claims as read (they
    # inherit and default where the refs are silent)
    marks = object_markings(got.objects)
    marks.update({r.stix_id: r.document.marking for r in got.reports})
    marks.update({c.stix_id: c.marking for c in got.claims if c.stix_id})
    new, already = store.keep_stix(got.objects, partner=partner, markings=marks)
    by_report: dict[str, list[Any]] = {}
    for c in got.claims:
        by_report.setdefault(c.report_stix_id or "", []).append(c)
    items, claim_marks = [], {}
    for rep in got.reports:
        claims = by_report.get(rep.stix_id, [])
        for c in claims:
            if c.claim.id and c.marking != rep.document.marking:
                claim_marks[c.claim.id] = c.marking
        sig = fingerprint.minhash(rep.document.text)
        items.append((Extraction(rep.document, (), (), tuple(c.claim for c in claims), None,
                                 "stix", tuple(sig), tuple(fingerprint.bands(sig))),
                      rep.document.marking))
    results = store.add_many(items, extractor=f"stix-import/{partner or 'file'}",
                             partner=partner, claim_marks=claim_marks)
    added = [r for r in results if isinstance(r, IngestResult) and r.status == "added"]
    return ImportEvent(name, new, already, len(added), sum(r.claims for r in added))


def add_partner(store: Store, partner: Partner, *, password: str | None = None,
                remote_user: str | None = None, remote_secret: str | None = None,
                by: str | None = None, address: str | None = None) -> Credentials:
    """Register a partner; RED is never shared, whatever the agreement says. ``by`` is who
    did it (None: the command line), for the audit log."""
    from intex.service.audit import record

    if partner.max_tlp is TLP.RED:
        raise ConfigError("TLP:RED is never shared; the highest agreement is AMBER+STRICT",
                          subject=partner.name)
    creds = store.partners.add(partner, password=password, remote_user=remote_user,
                               remote_secret=remote_secret)
    record(store, "partner.added", by, subject=partner.name, address=address,
           detail=agreement(partner))
    return creds


def change_partner(store: Store, name: str, *, max_tlp: TLP | None = None,
                   countries: Sequence[str] | None = None, can_write: bool | None = None,
                   own: bool | None = None, by: str | None = None,
                   address: str | None = None) -> Partner:
    """Change a partner's agreement (None leaves that part as it is); its credentials stay.
    The served forms kept for the old agreement go unless another partner shares it, so
    its next request sees exactly what the new agreement allows. Recorded in the audit
    log, old and new agreement side by side."""
    from intex.service.audit import record

    if max_tlp is TLP.RED:
        raise ConfigError("TLP:RED is never shared; the highest agreement is AMBER+STRICT",
                          subject=name)
    old = store.partners.get(name)
    new = replace(old, max_tlp=old.max_tlp if max_tlp is None else max_tlp,
                  countries=old.countries if countries is None
                  else tuple(sorted({c.upper() for c in countries})),
                  can_write=old.can_write if can_write is None else can_write,
                  own=old.own if own is None else own)
    store.partners.change(new)
    prune_served_forms(store)
    record(store, "partner.changed", by, subject=name, address=address,
           detail=f"{agreement(old)} → {agreement(new)}")
    return new


def revoke_partner(store: Store, name: str, *, by: str | None = None,
                   address: str | None = None) -> None:
    """Revoke a partner: its credentials stop working at once (recorded in the audit log),
    and the served forms the TAXII server kept for its agreement go unless another
    partner shares it."""
    from intex.service.audit import record

    store.partners.revoke(name)
    prune_served_forms(store)
    record(store, "partner.revoked", by, subject=name, address=address)


def synced(store: Store, partner: str, what: str, *, by: str | None) -> None:
    """Record a pull from a partner's server that stored something (or failed) in the
    audit log; ``what`` is the sync's result in words."""
    from intex.service.audit import record

    record(store, "partner.synced", by, subject=partner, detail=what)


def agreement(partner: Partner) -> str:
    """A partner's agreement in words, as the audit log keeps it."""
    return (f"up to TLP:{partner.max_tlp.label}"
            + (f", countries {', '.join(partner.countries)}" if partner.countries else "")
            + (", writes" if partner.can_write else "") + (", own node" if partner.own else "")
            + (f", pulls from {partner.url}" if partner.url else ""))


def active_audiences(store: Store) -> set[str]:
    """The audiences (``Partner.audience``) of the partners not revoked."""
    return {p.audience for p in store.partners.all() if not p.revoked}


def prune_served_forms(store: Store) -> int:
    """Drop the served forms kept for agreements no partner has any more (revoked, or
    changed); how many audiences went. The TAXII server does it when it starts and when
    an agreement it has not seen asks."""
    from intex.store.objects import Objects

    return Objects(store.engine).forget_audiences(active_audiences(store))


def object_markings(objects: Sequence[dict[str, Any]]) -> dict[str, Marking]:
    """Each object's marking as its object_marking_refs state it (TLP and REL TO), read
    as the importer reads them: the TLP 2.0 and 1.0 ids, OpenCTI's AMBER+STRICT, and the
    bundle's own definitions that state a TLP or intex's ``REL TO`` grammar.

    Objects that name no TLP are left out: whoever serves them decides (the TAXII server
    counts an unmarked object as TLP:AMBER). A marking definition is marked with what it
    states (TLP:RED's definition is RED, ``REL TO KOR`` is releasable to KOR), so that it
    reaches only those who may see what it marks: its presence tells nothing more.
    """
    from intex.stix.importing_markings import MarkingReader
    from intex.stix.visibility import resolver

    definitions = [o for o in objects if o.get("type") == "marking-definition"]
    reader = MarkingReader({str(o["id"]): o for o in definitions})
    out: dict[str, Marking] = {}
    said = resolver(definitions)
    for obj in definitions:
        stated = said(str(obj["id"]))
        if stated is not None:
            out[str(obj["id"])] = stated
    for obj in objects:
        if obj.get("type") == "marking-definition":
            continue
        read = reader.said(str(r) for r in obj.get("object_marking_refs", []))
        if read.tlp is not None:
            out[str(obj["id"])] = Marking(read.tlp, read.releasable_to)
    return out


def publish(store: Store, *, clock: Callable[[], datetime] | None = None) -> tuple[int, int]:
    """Make the ledger servable: its current STIX form kept as objects (new, already held).

    Objects are versioned by their ``modified`` time, so publishing an unchanged ledger
    adds nothing and a corrected claim adds its new version."""
    bundle = _export(store, clock=clock)
    objects = bundle["objects"]
    return store.keep_stix(objects, partner=None, markings=object_markings(objects))


@dataclass(frozen=True)
class PartnerState:
    partner: Partner
    syncs: tuple[SyncState, ...]  # per collection pulled from it: when, and what came of it


def partners(store: Store) -> list[PartnerState]:
    """Every partner with its agreement and how its syncs went."""
    return [PartnerState(p, tuple(store.partners.syncs(p.name))) for p in store.partners.all()]


@dataclass(frozen=True)
class SharePreview:
    """What a partner would get of the ledger, counted among what the user may see."""

    partner: Partner
    reports: int
    reports_withheld: int
    claims: int
    claims_withheld: int
    by_tlp: tuple[tuple[str, int, int], ...]  # (TLP label, claims shared, withheld)
    sample: tuple[ClaimRow, ...]
    withheld: tuple[tuple[ClaimRow, str], ...]  # a claim kept back, and why


def withheld_because(partner: Partner, marking: Marking) -> str | None:
    """Why ``partner.may_see`` refuses a marking, in words (None when it does not).

    The rule is asked, not restated: first of the level alone, then of the list."""
    if partner.may_see(marking):
        return None
    if partner.revoked:
        return "the partner is revoked"
    if not partner.may_see(Marking(marking.tlp)):
        if marking.tlp is TLP.RED:
            return "TLP:RED is never shared"
        if marking.tlp is TLP.AMBER_STRICT:
            return "TLP:AMBER+STRICT stays inside the organisation"
        return f"TLP:{marking.tlp.label} is above the agreement (TLP:{partner.max_tlp.label})"
    return f"releasable to {', '.join(marking.releasable_to)} only"


def share_preview(store: Store, name: str, *, user: User | None = None,
                  sample: int = 8) -> SharePreview:
    """What ``Partner.may_see`` (the rule TAXII serves by) lets this partner have: a claim
    goes when its marking and its report's both pass (TAXII hides a claim whose report it
    hides). Counted among what the user may see, by the same two markings."""
    from intex.store import markings

    partner = store.partners.get(name)
    reports = [(m, n) for m, n in markings.report_counts(store.engine) if sees(user, m)]

    def withheld(m: Marking, rm: Marking) -> str | None:
        reason = withheld_because(partner, m)
        if reason is None and (why := withheld_because(partner, rm)) is not None:
            reason = f"its report is withheld: {why}"
        return reason

    # counted per distinct pair of markings, not claim by claim
    tally: dict[TLP, list[int]] = {}
    n_shared = n_kept = 0
    for m, rm, n in markings.claim_counts(store.engine):
        if not (sees(user, m) and sees(user, rm)):
            continue
        out = withheld(m, rm) is not None
        tally.setdefault(m.tlp, [0, 0])[out] += n
        n_kept, n_shared = (n_kept + n, n_shared) if out else (n_kept, n_shared + n)
    # the first claims of each kind in ledger order, read until both samples are full
    shared: list[str] = []
    kept: list[tuple[str, str]] = []
    for cid, m, rm in markings.claims_in_order(store.engine):
        if len(shared) >= sample and len(kept) >= sample:
            break
        if not (sees(user, m) and sees(user, rm)):
            continue
        reason = withheld(m, rm)
        if reason is None:
            shared.append(cid)
        else:
            kept.append((cid, reason))

    def rows(ids: Sequence[str]) -> dict[str, ClaimRow]:
        found = store.claims(ClaimFilter(ids=tuple(ids), fold=False)) if ids else []
        return {r.claim.id: r for r in found if r.claim.id}

    shown = rows(shared[:sample])
    held = rows([cid for cid, _ in kept[:sample]])
    return SharePreview(
        partner, sum(n for m, n in reports if partner.may_see(m)),
        sum(n for m, n in reports if not partner.may_see(m)), n_shared, n_kept,
        tuple((lvl.label, tally[lvl][0], tally[lvl][1]) for lvl in sorted(tally)),
        tuple(shown[c] for c in shared[:sample] if c in shown),
        tuple((held[c], why) for c, why in kept[:sample] if c in held))


def export_for_user(store: Store, user: User, f: ClaimFilter | None = None,
                    clock: Callable[[], datetime] | None = None, *,
                    asked: str | None = None, address: str | None = None) -> dict[str, Any]:
    """The STIX bundle of ``export_bundle``, holding only what the user may see. The audit
    log keeps who asked and ``asked`` (the question as they put it), not what came out:
    an admin reading the log learns nothing of what their own clearance hides."""
    from intex.service.audit import record

    bundle = export_bundle(store, replace(f or ClaimFilter(fold=False), sight=sight(user)),
                           clock=clock)
    record(store, "export.stix", user.name, subject=asked or "the whole ledger",
           address=address)
    return bundle
