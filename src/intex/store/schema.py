"""Tables. Ids are intex's stable ids (they become STIX ids); nothing here is auto-numbered
but ``subjects``, whose numbers never leave the database."""

from __future__ import annotations

from sqlalchemy import (
                        Boolean,
                        Column,
                        Date,
                        DateTime,
                        Float,
                        ForeignKey,
                        Index,
                        Integer,
                        MetaData,
                        PrimaryKeyConstraint,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
                        text,
)

metadata = MetaData()

reports = Table(
    "reports", metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text, unique=True),
    Column("title", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("site", Text),
    Column("source_name", Text),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("tlp", String(16), nullable=False, server_default="CLEAR"),
    Column("releasable_to", Text),
    Column("cluster_id", String(64), nullable=False),  # first report of its near-duplicate set
    Column("fingerprint", Text, nullable=False),
    Column("raw", Text),  # the input as read (0002): re-extraction starts from it
    Column("raw_format", String(16)),
    Column("partner", Text),  # who sent it, when it came in as STIX (0003)
    # what a claim needs of its report to be shown or not, without reading the report's
    # row (on SQLite its text lies between the id and the marking) (0016)
    Index("ix_reports_sight", "id", "tlp", "releasable_to"),
)

report_bands = Table(
    "report_bands", metadata,
    Column("band", String(40), nullable=False),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           nullable=False),
    Index("ix_report_bands_band", "band"),
)

near_duplicates = Table(
    "near_duplicates", metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("other_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("similarity", Float, nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("kind", String(32)),
    Column("country", String(2)),
)

mentions = Table(
    "mentions", metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           nullable=False),
    Column("entity_id", String(200), ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("why", String(16), nullable=False),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_report", "report_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(64), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           nullable=False),
    Column("value", Float, nullable=False),
    Column("value_max", Float),
    Column("approx", Boolean, nullable=False),
    Column("unit", Text),
    Column("subject", Text),
    Column("status", String(16), nullable=False),
    Column("location", Text),
    Column("date", String(10)),
    Column("modality", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("vague", Boolean, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("origin", String(64), nullable=False),  # one briefing repeated = one origin
    Column("tlp", String(16)),  # None: inherited from the report
    Column("releasable_to", Text),  # with tlp: a claim's own marking (0003)
    Column("partner", Text),  # who sent it, when it came in as STIX (0003)
    Column("subject_id", Integer),  # its (subject, unit) in ``subjects`` (0014)
    # its place on the ledger's time axis: its own date when it has a year, else its
    # report's publication day, else "9999" (0014; ledger.when, kept to be indexed)
    Column("at", String(10)),
    # its first source's name lower-cased, "~" when it has none: what sorting by source
    # orders by, kept so that it can be indexed (0019)
    Column("first_source", Text),
    Index("ix_claims_report", "report_id"),
    Index("ix_claims_status_date", "status", "date"),
    Index("ix_claims_subject_id", "subject_id"),
    Index("ix_claims_at", "at", "report_id", "evidence_start", "id"),  # ledger order
    # a page sorted by value or by source is read off these, either way (0019)
    Index("ix_claims_value", "value", "at", "report_id", "evidence_start", "id"),
    Index("ix_claims_first_source", "first_source", "at", "report_id", "evidence_start",
          "id"),
    # an origin's claims in ledger order, with what it takes to tell whether a reader
    # may see each: echoes and repeats are counted off this index alone
    Index("ix_claims_origin_at", "origin", "at", "report_id", "evidence_start", "id",
          "tlp", "releasable_to"),
    # the reports carrying each origin, in order: "repeated by N reports" counts distinct
    # reports without sorting (0019)
    Index("ix_claims_origin_report", "origin", "report_id"),
)

# every distinct (subject, unit) the claims hold, NULL read as "" (0014): a question about
# a subject matches these once, then claims are found by number through an index
subjects = Table(
    "subjects", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(40), nullable=False),  # store.subjects.key(subject, unit)
    Column("subject", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Index("ix_subjects_key", "key", unique=True),
)

claim_sources = Table(
    "claim_sources", metadata,
    Column("claim_id", String(64), ForeignKey("claims.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("entity_id", String(200)),
    Column("kind", String(32)),
    Index("ix_claim_sources_name", "name"),
)

reviews = Table(
    "reviews", metadata,
    Column("claim_id", String(64), primary_key=True),  # survives re-extraction: no FK cascade
    Column("state", String(16), nullable=False),
    Column("reviewer", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
    Column("corrections", Text),  # JSON object: field -> new value
)

source_grades = Table(
    "source_grades", metadata,
    Column("name", Text, primary_key=True),
    Column("grade", String(1), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

aliases = Table(
    "aliases", metadata,
    Column("entity_id", String(200), ForeignKey("entities.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("why", String(16), nullable=False),
    UniqueConstraint("entity_id", "alias", name="uq_alias"),
)

stix_objects = Table(  # every STIX object received or served, verbatim (0003)
    "stix_objects", metadata,
    Column("id", String(120), primary_key=True),
    Column("modified", String(40), primary_key=True),  # "" for objects without one
    Column("type", String(64), nullable=False),
    Column("spec_version", String(8)),
    Column("json", Text, nullable=False),
    Column("partner", Text),  # None: made here
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("tlp", String(16)),
    Column("releasable_to", Text),
    # (0005) the TAXII order: given when a row is first served, increasing in the order
    # rows became visible, so a cursor over ``seq`` loses and repeats nothing
    Column("seq", Integer),
    Column("date_added", DateTime(timezone=True)),  # TAXII date_added, set with seq
    # (0020) written with the row: when its served form can only be the row as stored or
    # nothing, the TLP levels its official markings state ("GREEN,AMBER"; "" none) and
    # the ids it refers to, space-separated; else plain None (worked out from the object
    # when served) and refs "". refs None: not described yet (the partial index finds them)
    Column("plain", String(64)),
    Column("refs", Text),
    Index("ix_stix_objects_type", "type"),
    Index("ix_stix_objects_received", "received_at"),
    Index("ix_stix_objects_seq", "seq", unique=True),
    Index("ix_stix_objects_undescribed", "seq", sqlite_where=text("refs IS NULL"),
          postgresql_where=text("refs IS NULL")),
)

# (0017) what each partner class is served of each object version, kept across requests
served_audiences = Table(  # one row per partner class with cached forms
    "served_audiences", metadata,
    Column("audience", String(300), primary_key=True),  # the agreement's visibility part
    Column("upto", Integer, nullable=False),  # its forms are right for the rows up to this seq
)

served_forms = Table(  # one partner class's form of one stamped row (0017)
    "served_forms", metadata,
    Column("audience", String(300), primary_key=True),
    Column("seq", Integer, primary_key=True),  # stix_objects.seq
    Column("json", Text),  # None: hidden from it; "": the stored text as it is; else trimmed
)

stix_refs = Table(  # the ids each row refers to, "" for none (0017; by row 0020): written
    # with the row, so a new row's references are known before it is first served
    "stix_refs", metadata,
    Column("id", String(120), primary_key=True),
    Column("modified", String(40), primary_key=True),
    Column("ref", Text, primary_key=True),
    Index("ix_stix_refs_ref", "ref"),
)

stix_marks = Table(  # the marking definitions each row marks itself or parts with, the
    # official TLP ones aside (0018; by row 0020): a definition travels only with what it marks
    "stix_marks", metadata,
    Column("id", String(120), primary_key=True),
    Column("modified", String(40), primary_key=True),
    Column("ref", Text, primary_key=True),
    Index("ix_stix_marks_ref", "ref"),
)

partners = Table(  # organisations intex shares with (0004)
    "partners", metadata,
    Column("name", String(100), primary_key=True),
    Column("max_tlp", String(16), nullable=False),
    Column("countries", Text),  # ISO 3166 alpha-3, comma-separated
    Column("can_write", Boolean, nullable=False),
    Column("own", Boolean, nullable=False),
    Column("password_hash", Text),  # argon2id; the password itself is never stored
    Column("key_hash", String(64), unique=True),  # sha256 of a random API key
    Column("url", Text),  # their TAXII server, when intex pulls from them
    Column("collection", Text),
    Column("remote_user", Text),  # how intex logs in to their server
    Column("remote_secret", Text),
    Column("push", Boolean, nullable=False, server_default="0"),  # push to it (0007)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

taxii_statuses = Table(  # what became of each TAXII POST, for its sender only (0005)
    "taxii_statuses", metadata,
    Column("id", String(64), primary_key=True),
    Column("partner", String(100), nullable=False),
    Column("collection", String(64), nullable=False),
    Column("request_timestamp", DateTime(timezone=True), nullable=False),
    Column("json", Text, nullable=False),  # the TAXII status resource as served
)

sync_cursors = Table(  # how far intex has read each partner's collection (0006)
    "sync_cursors", metadata,
    Column("partner", String(100), primary_key=True),
    Column("collection", String(200), primary_key=True),
    Column("added_after", String(40), nullable=False),  # the last X-TAXII-Date-Added-Last
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("last_result", Text),
    Column("next_token", Text),  # (0007) mid-pass: the server's ``next`` for the next page
)

sync_pending = Table(  # pulled objects waiting for what they refer to (0007)
    "sync_pending", metadata,
    Column("partner", String(100), primary_key=True),
    Column("collection", String(200), primary_key=True),
    Column("id", String(120), primary_key=True),
    Column("modified", String(40), primary_key=True),
    Column("refs", Text, nullable=False),  # the ids it refers to, space-separated
    Column("json", Text, nullable=False),
)

push_cursors = Table(  # how far intex has pushed to each partner's collection (0007)
    "push_cursors", metadata,
    Column("partner", String(100), primary_key=True),
    Column("collection", String(200), primary_key=True),
    Column("seq", Integer, nullable=False),  # stix_objects.seq of the last object accepted
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("last_result", Text),
)

source_markings = Table(  # default markings per feed URL or site (0007)
    "source_markings", metadata,
    Column("kind", String(8), primary_key=True),  # feed | site
    Column("name", Text, primary_key=True),  # the feed's URL (or path), or a host name
    Column("tlp", String(16), nullable=False),
    Column("releasable_to", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

users = Table(  # local accounts of the web UI (0008)
    "users", metadata,
    Column("name", String(100), primary_key=True),
    Column("role", String(16), nullable=False),  # reader | analyst | admin
    Column("clearance", String(16), nullable=False),  # the highest TLP the user may see
    Column("countries", Text),  # ISO 3166 alpha-3 for releasability, comma-separated
    Column("password_hash", Text, nullable=False),  # argon2id
    Column("created_at", DateTime(timezone=True), nullable=False),
    # named by an admin as a recipient of TLP:RED (0012); no clearance implies it
    Column("red_recipient", Boolean, nullable=False, server_default="0"),
)

web_sessions = Table(  # signed-in browsers (0008); the cookie holds a token, this its hash
    "web_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_name", String(100), ForeignKey("users.name", ondelete="CASCADE"),
           nullable=False),
    Column("csrf", String(64), nullable=False),  # the token every state-changing form sends
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_web_sessions_user", "user_name"),
)

login_failures = Table(  # failed sign-ins, one row each, shared by every server process (0012)
    "login_failures", metadata,
    Column("id", String(36), primary_key=True),  # random: rows are only counted
    Column("name", String(100), nullable=False),  # as typed (lower case), known or not
    Column("address", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failures_key", "name", "address", "at"),
    Index("ix_login_failures_at", "at"),
)

audit_log = Table(  # who did what, security and analyst actions (0012); never updated
    "audit_log", metadata,
    Column("id", String(36), primary_key=True),  # random; order is by ``at``, then id
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(100)),  # a user name; NULL for the command line
    Column("action", String(40), nullable=False),  # login.ok, claim.review ... (model.audit)
    Column("subject", String(400)),  # what it was done to: a user, a claim id, an entity
    Column("detail", Text),
    Column("address", String(64)),  # the client's address, for web requests
    Column("tlp", String(16)),  # the marking of what it names, when that is marked:
    Column("releasable_to", Text),  # admins see an entry only if they may see it
    Index("ix_audit_log_at", "at"),
)

watch_sources = Table(  # feeds and pages `intex watch` polls, and how the last poll went
    "watch_sources", metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),  # validators of the last full answer, for a conditional GET
    Column("last_modified", String(64)),
    Column("last_poll", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False),  # errors in a row: the backoff grows with it
    Column("result", Text),
    Column("new_reports", Integer, nullable=False),
    # entries of the last poll that could not be read or stored (0020)
    Column("failed_entries", Integer, nullable=False, server_default="0"),
)

report_feeds = Table(  # which feed (or watched page) brought each report, as it was named (0020)
    "report_feeds", metadata,
    Column("feed", String(2000), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Index("ix_report_feeds_report", "report_id"),  # a report's deletion finds its links
)

watch_entries = Table(  # feed entries already taken, so a restart fetches none of them again
    "watch_entries", metadata,
    Column("source", String(2000), primary_key=True),
    Column("entry", String(2000), primary_key=True),  # the entry's link, else source#title
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

watch_taking = Table(  # entries a poll is storing: left behind only by a poll cut short (0013)
    "watch_taking", metadata,
    Column("source", String(2000), primary_key=True),
    Column("entry", String(2000), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
)

watch_outbox = Table(  # notifications to send, written with the poll that found the claims
    "watch_outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(2000), nullable=False),
    Column("subject", Text),  # the watched subject; NULL: every new claim
    Column("hook", Text, nullable=False),  # "command ..." or "webhook URL"
    Column("payload", Text, nullable=False),  # the JSON the hook receives
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    Column("tried_at", DateTime(timezone=True)),  # the last failed try: retries back off
    Column("sent_at", DateTime(timezone=True)),  # NULL until the hook took it
    Index("ix_watch_outbox_pending", "sent_at", "id"),
)

# an analyst's merges and splits of entities, re-applied on every ingest (0010)
entity_links = Table(
    "entity_links", metadata,
    Column("entity_id", String(200), nullable=False),  # the entity the extractor names
    Column("alias", Text, nullable=False),  # "" for all its mentions, else one spelling
    Column("into_id", String(200), nullable=False),  # the entity the ledger says instead
    Column("analyst", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("entity_id", "alias"),
    Index("ix_entity_links_into", "into_id"),
)
