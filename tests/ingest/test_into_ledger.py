"""URLs and feeds from a real loopback server all the way into a SQLite ledger."""

from __future__ import annotations

import pytest

from intex import service
from intex.errors import FeedError, FetchError
from intex.store import ClaimFilter, open_store


@pytest.mark.network
def test_urls_and_feeds_land_in_the_ledger_and_bad_ones_are_named(site, db_url):
    store = open_store(db_url)
    events = list(service.ingest(
        store, [site.url("/article.html"), site.url("/data.json")],
        feeds=[site.url("/feed.rss"), site.url("/broken.rss")], timeout=2.0))
    by_name = {e.name: e for e in events}
    assert by_name[site.url("/article.html")].result.status == "added"
    assert isinstance(by_name[site.url("/data.json")].error, FetchError)
    broken = [e for e in events if e.error is not None and "broken.rss" in e.name]
    assert broken and isinstance(broken[0].error, FeedError)
    stored = [e for e in events if e.result is not None]
    assert len(stored) >= 3  # the article and the feed's entries, each its own report
    values = {r.claim.value for r in store.claims(ClaimFilter(fold=False))}
    assert 1_200_000 in values  # "about 1.2 million euros", from the HTML article
    urls = {store.report(e.result.report_id).url for e in stored}
    assert site.url("/article.html") in urls


@pytest.mark.network
def test_the_same_url_twice_changes_nothing(site, db_url):
    store = open_store(db_url)
    first = list(service.ingest(store, [site.url("/article.html")], timeout=2.0))
    again = list(service.ingest(store, [site.url("/article.html")], timeout=2.0))
    assert first[0].result.status == "added" and again[0].result.status == "unchanged"
