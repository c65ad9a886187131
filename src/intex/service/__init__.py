"""The use cases that the CLI, the web UI and TAXII share. No formatting, no argument parsing.

One module per kind of work (ingest, ledger, exchange, entities, reports, access); the front
ends (cli, web, taxii) import this package and nothing deeper.

Names load on first use (PEP 562): `intex extract` needs the pipeline, not SQLAlchemy, the
HTTP client and the exchange, and a one-shot process should not pay for importing them.
`_WHERE` says which module holds each name; the imports under TYPE_CHECKING say the same to
type checkers, and a test keeps the two lists equal."""

from __future__ import annotations

import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intex.model import Marking
    from intex.service.access import (
        LoginPolicy,
        SignIn,
        add_user,
        change_password,
        change_user,
        remove_user,
        sees,
        sight,
        sight_of,
        sign_in,
    )
    from intex.service.audit import AuditPage, audit_log, record
    from intex.service.entities import (
        AliasSeen,
        EntityPage,
        concerning,
        entity_list,
        entity_moved,
        entity_named,
        entity_page,
        explain_alias,
        merge_entities,
        split_entity,
    )
    from intex.service.exchange import (
        STIX_TYPES,
        ImportEvent,
        PartnerState,
        SharePreview,
        active_audiences,
        add_partner,
        agreement,
        bundle_text,
        change_partner,
        export_bundle,
        export_for,
        export_for_user,
        import_bundles,
        object_markings,
        partners,
        prune_served_forms,
        publish,
        revoke_partner,
        share_preview,
        synced,
        take_bundle,
        withheld_because,
    )
    from intex.service.extract import (
        default_pipeline,
        extract_bytes,
        extract_input,
        extract_inputs,
        ready_pipeline,
    )
    from intex.service.feeds import feed_states, poll_feeds
    from intex.service.ingest import (
        IngestEvent,
        actor,
        count_inputs,
        ingest,
        ingest_texts,
        ingested,
        recorded,
        reextract,
        store_extractions,
        store_inputs,
    )
    from intex.service.ledger import (
        Brief,
        Timeline,
        brief,
        common_subjects,
        describe_stored,
        ledger,
        ledger_page,
        open_ledger,
        subject_terms,
        timeline,
        with_terms,
    )
    from intex.service.reports import (
        ClaimView,
        Found,
        ReportView,
        claim_view,
        find,
        mark,
        report_view,
        review_claim,
    )
    from intex.service.sources import (
        default_marking,
        feed_key,
        mark_source,
        site_key,
        unmark_source,
    )
    from intex.store import ClaimFilter, ClaimRow, IngestResult, Store
    from intex.store.ledger import SORTS, Page
    from intex.store.partners import Credentials
    from intex.store.sight import Sight

_WHERE: dict[str, tuple[str, ...]] = {
    "intex.model": ("Marking",),
    "intex.service.access": ("LoginPolicy", "SignIn", "add_user", "change_password",
        "change_user", "remove_user", "sees", "sight", "sight_of", "sign_in"),
    "intex.service.audit": ("AuditPage", "audit_log", "record"),
    "intex.service.entities": ("AliasSeen", "EntityPage", "concerning", "entity_list",
        "entity_moved", "entity_named", "entity_page", "explain_alias", "merge_entities",
        "split_entity"),
    "intex.service.exchange": ("STIX_TYPES", "ImportEvent", "PartnerState", "SharePreview",
        "active_audiences", "add_partner", "agreement", "bundle_text", "change_partner",
        "export_bundle", "export_for", "export_for_user", "import_bundles", "object_markings",
        "partners", "prune_served_forms", "publish", "revoke_partner", "share_preview",
        "synced", "take_bundle", "withheld_because"),
    "intex.service.extract": ("default_pipeline", "extract_bytes", "extract_input",
        "extract_inputs", "ready_pipeline"),
    "intex.service.feeds": ("feed_states", "poll_feeds"),
    "intex.service.ingest": ("IngestEvent", "actor", "count_inputs", "ingest", "ingest_texts",
        "ingested", "recorded", "reextract", "store_extractions", "store_inputs"),
    "intex.service.ledger": ("Brief", "Timeline", "brief", "common_subjects",
        "describe_stored", "ledger", "ledger_page", "open_ledger", "subject_terms", "timeline",
        "with_terms"),
    "intex.service.reports": ("ClaimView", "Found", "ReportView", "claim_view", "find", "mark",
        "report_view", "review_claim"),
    "intex.service.sources": ("default_marking", "feed_key", "mark_source", "site_key",
        "unmark_source"),
    "intex.store": ("ClaimFilter", "ClaimRow", "IngestResult", "Store"),
    "intex.store.ledger": ("SORTS", "Page"),
    "intex.store.partners": ("Credentials",),
    "intex.store.sight": ("Sight",),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


class _Package(types.ModuleType):
    """Two use cases share their module's name (`ingest`, `ledger`). Importing a submodule
    binds it on its package, which would hide the function of that name; the function stays."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _MODULE_OF.get(name) == value.__name__:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "AliasSeen", "AuditPage", "LoginPolicy", "SignIn", "audit_log", "change_password",
    "change_user", "record", "sign_in",
    "Brief", "ClaimFilter", "ClaimRow", "ClaimView", "Credentials", "EntityPage",
    "Found", "ImportEvent", "IngestEvent", "IngestResult", "Marking", "Page", "PartnerState",
    "ReportView", "SORTS", "STIX_TYPES", "SharePreview", "Sight", "Store", "Timeline",
    "add_partner", "add_user", "agreement", "change_partner", "concerning", "mark",
    "revoke_partner",
    "brief", "bundle_text", "claim_view", "common_subjects",
    "count_inputs", "default_marking", "default_pipeline", "describe_stored", "entity_list",
    "entity_moved", "ready_pipeline",
    "entity_named", "entity_page", "explain_alias", "export_bundle", "export_for",
    "export_for_user", "extract_bytes", "extract_input", "extract_inputs", "feed_key", "find",
    "feed_states", "poll_feeds", "import_bundles", "ingest", "ingest_texts", "ingested",
    "ledger", "ledger_page", "mark_source",
    "recorded", "actor", "synced",
    "merge_entities", "object_markings", "open_ledger", "partners", "publish", "reextract",
    "remove_user", "report_view", "review_claim", "sees", "share_preview", "sight", "sight_of",
    "site_key", "split_entity", "store_extractions", "store_inputs", "subject_terms",
    "take_bundle", "timeline", "unmark_source", "with_terms", "withheld_because",
    "active_audiences", "prune_served_forms",
]
